"""The change records of a diff: one frozen class per kind of change.

Records of a matched milestone hold both sides (``old`` and ``new``, each a
:class:`Placed` milestone), and every other figure (direction, months, editorial) is
derived from them, so that a record's inverse is the same record with the sides swapped.
"""

from __future__ import annotations

import enum
from functools import cached_property
from typing import Any, ClassVar, Final, Self

import attrs

from calaim_timeline.match import Stage, normalise, similarity
from calaim_timeline.model import Edition, Footnote, Initiative, Milestone, MilestoneKind
from calaim_timeline.period import Period, Relation

__all__ = [
    "MILESTONE_FIELDS",
    "AddReason",
    "Change",
    "DropReason",
    "FieldChange",
    "FootnoteAdded",
    "FootnoteChanged",
    "FootnoteDropped",
    "InitiativeAdded",
    "InitiativeDropped",
    "InitiativeEdited",
    "InitiativeRecategorized",
    "InitiativeRenamed",
    "Layout",
    "Link",
    "MilestoneAdded",
    "MilestoneDropped",
    "MilestoneEdited",
    "MilestoneMoved",
    "MilestoneRekinded",
    "MilestoneRetitled",
    "MilestoneShifted",
    "Placed",
    "Side",
    "WindowChanged",
    "bare",
]

MILESTONE_FIELDS: Final = ("sub_items", "footnotes", "status")
"""The milestone fields a ``milestone-edited`` record may be about, in report order."""


class DropReason(enum.Enum):
    """Why a milestone is absent from the new edition."""

    AGED_OUT = "aged-out"
    """Its period ended before the new window starts."""
    BEYOND_WINDOW = "beyond-window"
    """It starts after the new window ends."""
    UNLISTED = "unlisted"
    """It falls in the new window, yet the new edition does not list it."""

    @classmethod
    def of(cls, when: Period, window: Period) -> DropReason:
        """The reason a milestone ``when`` is missing from an edition covering ``window``."""
        if when.end < window.start:
            return cls.AGED_OUT
        if when.start > window.end:
            return cls.BEYOND_WINDOW
        return cls.UNLISTED


class AddReason(enum.Enum):
    """Why a milestone is present in the new edition but not the old."""

    NEW = "new"
    """It falls in the old window: the old edition could have listed it."""
    ENTERED_WINDOW = "entered-window"
    """It lies outside the old window: it has come into view."""

    @classmethod
    def of(cls, when: Period, old_window: Period) -> AddReason:
        """The reason a milestone ``when`` is new against an old edition's ``old_window``."""
        return cls.NEW if when.overlaps(old_window) else cls.ENTERED_WINDOW


Layout = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def bare(initiative: Initiative) -> Initiative:
    """The initiative without its milestones."""
    return attrs.evolve(initiative, milestones=())


@attrs.frozen
class Side:
    """One edition as a diff sees it: the edition, its header and the order of its contents.

    ``header`` is the edition with its initiatives bare (no milestones) and no
    footnotes; ``layout`` lists each initiative id with its milestones' (id, lineage),
    in document order. Both are worked out on first use: a diff of large editions
    that is only read never builds them.
    """

    edition: Edition

    @classmethod
    def of(cls, edition: Edition) -> Side:
        """The side of ``edition``."""
        return cls(edition)

    @cached_property
    def header(self) -> Edition:
        """The edition without milestones and footnotes."""
        edition = self.edition
        return attrs.evolve(
            edition, initiatives=tuple(map(bare, edition.initiatives)), footnotes=()
        )

    @cached_property
    def layout(self) -> Layout:
        """Each initiative id with its milestones' (id, lineage), in document order."""
        return tuple(
            (i.id, tuple((m.id, m.lineage) for m in i.milestones)) for i in self.edition.initiatives
        )

    def initiative(self, initiative_id: str) -> Initiative:
        """The (bare) initiative with this id."""
        return next(i for i in self.header.initiatives if i.id == initiative_id)


@attrs.frozen
class Link:
    """A matched pair: initiative ids, or milestone lineages, with how they were matched."""

    old: str
    new: str
    stage: Stage
    score: float

    def inverse(self) -> Link:
        """The same pair seen from the other edition."""
        return Link(self.new, self.old, self.stage, self.score)


class _Swappable:
    """A change with an ``old`` and a ``new`` side: its inverse swaps them."""

    old: Any
    new: Any

    def inverse(self) -> Self:
        """The same change seen from the other edition."""
        # mypy cannot see that every class using this mixin is an attrs class.
        return attrs.evolve(self, old=self.new, new=self.old)  # type: ignore[misc]


@attrs.frozen
class Placed:
    """A milestone and the id of the initiative it stands in."""

    initiative: str
    milestone: Milestone


@attrs.frozen
class FieldChange:
    """One field-level difference inside a milestone-edited change."""

    path: str
    kind: str  # "added", "removed" or "changed"
    old: Any = None
    new: Any = None


@attrs.frozen(kw_only=True)
class _Paired(_Swappable):
    """A change to a matched milestone; initiative, milestone and title are the new side's."""

    old: Placed
    new: Placed

    @property
    def initiative(self) -> str:
        """The id of the initiative the milestone is in now."""
        return self.new.initiative

    @property
    def milestone(self) -> str:
        """The milestone's id now."""
        return self.new.milestone.id

    @property
    def title(self) -> str:
        """The milestone's title now."""
        return self.new.milestone.title

    @property
    def kind(self) -> MilestoneKind | None:
        """The milestone's kind now."""
        return self.new.milestone.kind


@attrs.frozen(kw_only=True)
class MilestoneShifted(_Paired):
    """The milestone's period moved."""

    change: ClassVar[str] = "milestone-shifted"

    @property
    def direction(self) -> Relation:
        """How the period moved: delayed, advanced, narrowed, widened or restated."""
        return Period.relation(self.old.milestone.when, self.new.milestone.when)

    @property
    def months(self) -> int:
        """The signed move of the period's last month (see Period.shift_months)."""
        return Period.shift_months(self.old.milestone.when, self.new.milestone.when)


@attrs.frozen(kw_only=True)
class MilestoneRetitled(_Paired):
    """The milestone's title changed; ``editorial`` when only case, punctuation or markup did."""

    change: ClassVar[str] = "milestone-retitled"
    stage: Stage

    @property
    def similarity(self) -> float:
        """How alike the two titles are, 0 to 100 (whatever stage matched the milestone)."""
        return similarity(self.old.milestone.title, self.new.milestone.title)

    @property
    def editorial(self) -> bool:
        """Whether the titles differ only in case, punctuation, whitespace or markup."""
        return normalise(self.old.milestone.title) == normalise(self.new.milestone.title)


@attrs.frozen(kw_only=True)
class MilestoneRekinded(_Paired):
    """The milestone's kind mark changed."""

    change: ClassVar[str] = "milestone-rekinded"


@attrs.frozen(kw_only=True)
class MilestoneMoved(_Paired):
    """The milestone now stands in another initiative."""

    change: ClassVar[str] = "milestone-moved"


@attrs.frozen(kw_only=True)
class MilestoneEdited(_Paired):
    """One of the milestone's sub-items, footnotes or status changed."""

    change: ClassVar[str] = "milestone-edited"
    field: str

    def details(self) -> tuple[FieldChange, ...]:
        """The field-level differences, as found by deepdiff (imported on first use)."""
        from calaim_timeline._details import field_changes  # noqa: PLC0415 - deepdiff is heavy

        return field_changes(self.field, self.old.milestone, self.new.milestone)


@attrs.frozen(kw_only=True)
class _Single:
    """A milestone present on one side only."""

    initiative: str
    item: Milestone

    @property
    def milestone(self) -> str:
        """The milestone's id."""
        return self.item.id

    @property
    def title(self) -> str:
        """The milestone's title."""
        return self.item.title

    @property
    def kind(self) -> MilestoneKind | None:
        """The milestone's kind."""
        return self.item.kind


@attrs.frozen(kw_only=True)
class MilestoneAdded(_Single):
    """A milestone the old edition did not have."""

    change: ClassVar[str] = "milestone-added"
    reason: AddReason


@attrs.frozen(kw_only=True)
class MilestoneDropped(_Single):
    """A milestone the new edition no longer has."""

    change: ClassVar[str] = "milestone-dropped"
    reason: DropReason


@attrs.frozen(kw_only=True)
class _InitiativeChange:
    """A change to an initiative itself; ``item`` or ``new`` has no milestones."""

    milestone: ClassVar[None] = None
    kind: ClassVar[None] = None


@attrs.frozen(kw_only=True)
class _InitiativeSingle(_InitiativeChange):
    item: Initiative

    @property
    def initiative(self) -> str:
        """The initiative's id."""
        return self.item.id

    @property
    def title(self) -> str:
        """The initiative's name."""
        return self.item.name


@attrs.frozen(kw_only=True)
class InitiativeAdded(_InitiativeSingle):
    """An initiative the old edition did not have (its milestones are added separately)."""

    change: ClassVar[str] = "initiative-added"


@attrs.frozen(kw_only=True)
class InitiativeDropped(_InitiativeSingle):
    """An initiative the new edition no longer has (its milestones are dropped separately)."""

    change: ClassVar[str] = "initiative-dropped"


@attrs.frozen(kw_only=True)
class _InitiativePaired(_InitiativeChange, _Swappable):
    old: Initiative
    new: Initiative

    @property
    def initiative(self) -> str:
        """The initiative's id now."""
        return self.new.id

    @property
    def title(self) -> str:
        """The initiative's name now."""
        return self.new.name


@attrs.frozen(kw_only=True)
class InitiativeRenamed(_InitiativePaired):
    """The initiative's name or id changed (its aliases follow): one event, not N drops and adds."""

    change: ClassVar[str] = "initiative-renamed"
    stage: Stage
    score: float


@attrs.frozen(kw_only=True)
class InitiativeRecategorized(_InitiativePaired):
    """The initiative moved to another category."""

    change: ClassVar[str] = "initiative-recategorized"


@attrs.frozen(kw_only=True)
class InitiativeEdited(_InitiativePaired):
    """The initiative's footnotes, or its aliases without a rename, changed."""

    change: ClassVar[str] = "initiative-edited"
    field: str


@attrs.frozen(kw_only=True)
class _EditionChange:
    initiative: ClassVar[None] = None
    milestone: ClassVar[None] = None
    title: ClassVar[None] = None
    kind: ClassVar[None] = None


@attrs.frozen(kw_only=True)
class FootnoteAdded(_EditionChange):
    """A footnote number the old edition did not have."""

    change: ClassVar[str] = "footnote-added"
    note: Footnote


@attrs.frozen(kw_only=True)
class FootnoteDropped(_EditionChange):
    """A footnote number the new edition no longer has."""

    change: ClassVar[str] = "footnote-dropped"
    note: Footnote


@attrs.frozen(kw_only=True)
class FootnoteChanged(_EditionChange, _Swappable):
    """The text of a footnote number changed."""

    change: ClassVar[str] = "footnote-changed"
    old: Footnote
    new: Footnote

    @property
    def editorial(self) -> bool:
        """Whether the texts differ only in case, punctuation, whitespace or markup."""
        return normalise(self.old.text) == normalise(self.new.text)


@attrs.frozen(kw_only=True)
class WindowChanged(_EditionChange, _Swappable):
    """The edition covers other months."""

    change: ClassVar[str] = "window-changed"
    old: Period
    new: Period


Change = (
    MilestoneAdded
    | MilestoneDropped
    | MilestoneShifted
    | MilestoneRetitled
    | MilestoneRekinded
    | MilestoneMoved
    | MilestoneEdited
    | InitiativeAdded
    | InitiativeDropped
    | InitiativeRenamed
    | InitiativeRecategorized
    | InitiativeEdited
    | FootnoteAdded
    | FootnoteDropped
    | FootnoteChanged
    | WindowChanged
)
"""Any change record."""
