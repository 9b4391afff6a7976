"""The records of changes to milestones: added, dropped, and the changes to a matched pair.

Records of a matched milestone hold both sides (``old`` and ``new``, each a
:class:`~calaim_timeline.changes.Placed` milestone), and every other figure (direction,
months, editorial) is derived from them, so that a record's inverse is the same record
with the sides swapped.
"""

from __future__ import annotations

import abc
from typing import Any, ClassVar, Literal

import attrs

from calaim_timeline.changes._base import (
    AddReason,
    ChangeRecord,
    DropReason,
    FieldChange,
    Placed,
    Rebuild,
    Swappable,
)
from calaim_timeline.matching import Stage, normalise, similarity
from calaim_timeline.model import Edition, Milestone, MilestoneKind
from calaim_timeline.period import Relation, when_months, when_relation

__all__ = [
    "MilestoneAdded",
    "MilestoneDropped",
    "MilestoneEdited",
    "MilestoneMoved",
    "MilestoneRekinded",
    "MilestoneRetitled",
    "MilestoneShifted",
]


class _AboutMilestone(ChangeRecord):
    """A change about one milestone: what it is about is ``placed``, one of its sides."""

    __slots__ = ()

    @property
    @abc.abstractmethod
    def placed(self) -> Placed:
        """The side the change is reported under (the new one, where there are two)."""

    @property
    def milestone(self) -> Milestone:
        """The milestone (as it is now, where there are two sides)."""
        return self.placed.milestone

    @property
    def initiative_id(self) -> str:
        """The id of the initiative the milestone stands in (now, where there are two sides)."""
        return self.placed.initiative_id

    @property
    def milestone_id(self) -> str:
        """The milestone's id."""
        return self.placed.milestone.id

    @property
    def title(self) -> str:
        """The milestone's title."""
        return self.placed.milestone.title

    @property
    def kind(self) -> MilestoneKind | None:
        """The milestone's kind."""
        return self.placed.milestone.kind

    def initiative_ids(self) -> frozenset[str]:
        """The initiative the milestone stands in (now, where there are two sides)."""
        return frozenset((self.placed.initiative_id,))


@attrs.frozen(kw_only=True)
class _Paired(_AboutMilestone, Swappable):
    """A change to a matched milestone; what it is about is the new side's."""

    old: Placed
    new: Placed

    @property
    def placed(self) -> Placed:
        """The new side."""
        return self.new

    def _set(self, parts: Rebuild, **fields: Any) -> None:  # noqa: ANN401
        parts.edit_milestone(self.new.milestone.lineage, **fields)


@attrs.frozen(kw_only=True)
class MilestoneShifted(_Paired):
    """The milestone's date moved, or became unknown, or was set again.

    Examples:
        >>> from calaim_timeline import Milestone, Period
        >>> def version(when):
        ...     return Placed("mot", Milestone(id="mot", title="MOT", when=Period.parse(when)))
        >>> shift = MilestoneShifted(old=version("2022-01"), new=version("2022-Q1"))
        >>> shift.direction, shift.months
        (<Relation.WIDENED: 'widened'>, 2)
    """

    change: ClassVar[Literal["milestone-shifted"]] = "milestone-shifted"

    @property
    def direction(self) -> Relation:
        """How the date moved: delayed, advanced, narrowed, widened or restated.

        Undated (now unknown) or dated (set again) to or from an unknown date.
        """
        return when_relation(self.old.milestone.when, self.new.milestone.when)

    @property
    def months(self) -> int | None:
        """The signed move of the period's last month (see Period.shift_months).

        None where either date is unknown.
        """
        return when_months(self.old.milestone.when, self.new.milestone.when)

    @property
    def editorial(self) -> bool:
        """Whether the period is only restated: the same days in other words."""
        return self.direction is Relation.RESTATED

    def apply(self, parts: Rebuild) -> None:
        """Give the milestone its new period."""
        self._set(parts, when=self.new.milestone.when)


@attrs.frozen(kw_only=True)
class MilestoneRetitled(_Paired):
    """The milestone's title changed; ``editorial`` when only case, punctuation or markup did.

    Examples:
        >>> from calaim_timeline.changes import Placed
        >>> from calaim_timeline.matching import Stage
        >>> from calaim_timeline import Milestone, Period
        >>> def version(title):
        ...     return Placed("ecm", Milestone(id="n", title=title, when=Period.parse("2022-01")))
        >>> retitled = MilestoneRetitled(
        ...     old=version("ECM goes live"), new=version("ECM Goes Live."), stage=Stage.LINEAGE
        ... )
        >>> from calaim_timeline import Archive
        >>> old, new = Archive.bundled()["2021-01"], Archive.bundled()["2021-11"]
        >>> retitled.editorial, retitled.inverse(old, new).title
        (True, 'ECM goes live')
    """

    change: ClassVar[Literal["milestone-retitled"]] = "milestone-retitled"
    stage: Stage

    @property
    def similarity(self) -> float:
        """How alike the two titles are, 0 to 100 (whatever stage matched the milestone)."""
        return similarity(self.old.milestone.title, self.new.milestone.title)

    @property
    def editorial(self) -> bool:
        """Whether the titles differ only in case, punctuation, whitespace or markup."""
        return normalise(self.old.milestone.title) == normalise(self.new.milestone.title)

    def apply(self, parts: Rebuild) -> None:
        """Give the milestone its new title."""
        self._set(parts, title=self.new.milestone.title)


@attrs.frozen(kw_only=True)
class MilestoneRekinded(_Paired):
    """The milestone's kind mark changed.

    Examples:
        >>> MilestoneRekinded.change
        'milestone-rekinded'
    """

    change: ClassVar[Literal["milestone-rekinded"]] = "milestone-rekinded"

    def apply(self, parts: Rebuild) -> None:
        """Give the milestone its new kind."""
        self._set(parts, kind=self.new.milestone.kind)


@attrs.frozen(kw_only=True)
class MilestoneMoved(_Paired):
    """The milestone now stands in another initiative.

    Examples:
        >>> MilestoneMoved.change
        'milestone-moved'
    """

    change: ClassVar[Literal["milestone-moved"]] = "milestone-moved"

    def initiative_ids(self) -> frozenset[str]:
        """The initiative the milestone left and the one it is in now."""
        return frozenset((self.old.initiative_id, self.new.initiative_id))

    def apply(self, parts: Rebuild) -> None:
        """Nothing to set: the new layout puts the milestone in its new initiative."""


@attrs.frozen(kw_only=True)
class MilestoneEdited(_Paired):
    """One of the milestone's sub-items, footnotes or status changed.

    Examples:
        >>> MilestoneEdited.change
        'milestone-edited'
    """

    change: ClassVar[Literal["milestone-edited"]] = "milestone-edited"
    field: str

    @property
    def editorial(self) -> bool:
        """Whether only the footnotes it cites changed (sub-items and status are substance)."""
        return self.field == "footnotes"

    def details(self) -> tuple[FieldChange, ...]:
        """The field-level differences, as found by deepdiff (imported on first use)."""
        from calaim_timeline.changes._details import field_changes  # noqa: PLC0415 - heavy

        return field_changes(self.field, self.old.milestone, self.new.milestone)

    def apply(self, parts: Rebuild) -> None:
        """Give the milestone the new value of the field."""
        self._set(parts, **{self.field: getattr(self.new.milestone, self.field)})


@attrs.frozen(kw_only=True)
class MilestoneAdded(_AboutMilestone):
    """A milestone the old edition did not have.

    Examples:
        >>> from calaim_timeline import Archive, Milestone, Period
        >>> added = MilestoneAdded(
        ...     new=Placed("ecm", Milestone(id="x", title="X", when=Period.parse("2022-02"))),
        ...     reason=AddReason.ENTERED_WINDOW,
        ... )
        >>> old, new = Archive.bundled()["2021-01"], Archive.bundled()["2021-11"]
        >>> added.inverse(old, new).reason
        <DropReason.BEYOND_WINDOW: 'beyond-window'>
    """

    change: ClassVar[Literal["milestone-added"]] = "milestone-added"
    new: Placed
    reason: AddReason

    @property
    def placed(self) -> Placed:
        """The new side, the only one."""
        return self.new

    def inverse(self, old: Edition, new: Edition) -> MilestoneDropped:  # noqa: ARG002
        """A drop, for the reason the old edition's window and date give."""
        reason = DropReason.of(self.new.milestone.when, old.window, old.as_of)
        return MilestoneDropped(old=self.new, reason=reason)

    def apply(self, parts: Rebuild) -> None:
        """Add the milestone."""
        parts.milestones[self.new.milestone.lineage] = self.new.milestone


@attrs.frozen(kw_only=True)
class MilestoneDropped(_AboutMilestone):
    """A milestone the new edition no longer has.

    Examples:
        >>> MilestoneDropped.change
        'milestone-dropped'
    """

    change: ClassVar[Literal["milestone-dropped"]] = "milestone-dropped"
    old: Placed
    reason: DropReason

    @property
    def placed(self) -> Placed:
        """The old side, the only one."""
        return self.old

    def inverse(self, old: Edition, new: Edition) -> MilestoneAdded:  # noqa: ARG002
        """An addition, for the reason the new window gives."""
        reason = AddReason.of(self.old.milestone.when, new.window)
        return MilestoneAdded(new=self.old, reason=reason)

    def apply(self, parts: Rebuild) -> None:
        """Remove the milestone."""
        parts.milestones.pop(self.old.milestone.lineage, None)
