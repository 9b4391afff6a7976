"""What every change record shares: the sides of a diff, links, reasons, and the record base.

A record owns the behaviour that varies with its kind: its JSON name (``change``), its
inverse, and how it is applied when the new edition is rebuilt. What is written about a
record (its JSON fields, its words in each output) is kept in one table per concern, keyed
by record type (:class:`~calaim_timeline.changes.ByType`), which a test holds complete.
"""

from __future__ import annotations

import abc
import enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, Self

import attrs

from calaim_timeline._documents import JSONValue
from calaim_timeline.matching import Stage, confidence
from calaim_timeline.model import Edition, Footnote, Initiative, Milestone, MilestoneKind
from calaim_timeline.period import Period, UnknownDate, When

__all__ = [
    "MILESTONE_FIELDS",
    "AddReason",
    "ChangeRecord",
    "DropReason",
    "FieldChange",
    "Layout",
    "Link",
    "Placed",
    "Rebuild",
    "Side",
    "Swappable",
    "bare",
]

MILESTONE_FIELDS: Final = ("sub_items", "footnotes", "status")
"""The milestone fields a ``milestone-edited`` record may be about, in report order."""


class DropReason(enum.Enum):
    """Why a milestone is absent from the new edition.

    Examples:
        >>> window = Period.parse("2022-01/2022-06")
        >>> [DropReason.of(Period.parse(p), window).value for p in ("2021-12", "2022-03")]
        ['aged-out', 'unlisted']
        >>> DropReason.of(Period.parse("2022-03"), window, as_of=Period.parse("2022-05")).value
        'past-due'
    """

    AGED_OUT = "aged-out"
    """Its period ended before the new window starts."""
    BEYOND_WINDOW = "beyond-window"
    """It starts after the new window ends."""
    PAST_DUE = "past-due"
    """It falls in the new window but ended before the new edition's date: past due, and
    no longer listed (a list whose window is its own span drops what is done)."""
    UNLISTED = "unlisted"
    """It falls in the new window and is not past, yet the new edition does not list it."""

    @classmethod
    def of(cls, when: When, window: Period, as_of: Period | None = None) -> DropReason:
        """The reason a milestone ``when`` is missing from an edition covering ``window``.

        ``as_of`` is the edition's date: a milestone inside the window whose period ended
        before it is past due, not still due. A milestone whose date is unknown is
        unlisted: no window can have left it behind.
        """
        if isinstance(when, UnknownDate):
            return cls.UNLISTED
        if when.end < window.start:
            return cls.AGED_OUT
        if when.start > window.end:
            return cls.BEYOND_WINDOW
        if as_of is not None and when.end < as_of.start:
            return cls.PAST_DUE
        return cls.UNLISTED


class AddReason(enum.Enum):
    """Why a milestone is present in the new edition but not the old.

    Examples:
        >>> AddReason.of(Period.parse("2022-09"), Period.parse("2022-01/2022-06"))
        <AddReason.ENTERED_WINDOW: 'entered-window'>
    """

    NEW = "new"
    """It falls in the old window: the old edition could have listed it."""
    ENTERED_WINDOW = "entered-window"
    """It lies outside the old window: it has come into view."""

    @classmethod
    def of(cls, when: When, old_window: Period) -> AddReason:
        """The reason a milestone ``when`` is new against an old edition's ``old_window``.

        A milestone whose date is unknown is new: the old edition could have listed it.
        """
        if isinstance(when, UnknownDate) or when.overlaps(old_window):
            return cls.NEW
        return cls.ENTERED_WINDOW


Layout = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
"""Each initiative id with its milestones' (id, lineage), in document order."""


def bare(initiative: Initiative) -> Initiative:
    """The initiative without its milestones.

    Examples:
        >>> bare(Initiative(id="ecm", name="ECM", milestones=())).milestones
        ()
    """
    return attrs.evolve(initiative, milestones=())


@attrs.frozen
class Side:
    """One edition as a diff sees it: the edition, its header and the order of its contents.

    ``header`` is the edition with its initiatives bare (no milestones) and no
    footnotes; ``layout`` lists each initiative id with its milestones' (id, lineage),
    in document order. Both are worked out on first use: a diff of large editions
    that is only read never builds them.

    Examples:
        >>> from calaim_timeline import Archive
        >>> side = Side.of(Archive.bundled()["2021-01"])
        >>> side.edition.id, side.layout[0][0], side.header.initiatives[0].milestones
        ('2021-01', 'cross-initiative-milestones', ())
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
        return bare(next(i for i in self.edition.initiatives if i.id == initiative_id))


@attrs.frozen
class Link:
    """A matched pair: initiative ids, or milestone lineages, with how they were matched.

    Examples:
        >>> Link("ilos", "community-supports", Stage.ALIAS, 100.0).inverse().old
        'community-supports'
    """

    old: str
    new: str
    stage: Stage
    score: float

    def inverse(self) -> Link:
        """The same pair seen from the other edition."""
        return Link(self.new, self.old, self.stage, self.score)

    @property
    def confidence(self) -> float:
        """How sure the pair is, 0 to 1 (see :func:`calaim_timeline.matching.confidence`)."""
        return confidence(self.stage, self.score)


@attrs.frozen
class Placed:
    """A milestone and the id of the initiative it stands in: one side of a milestone's change.

    Examples:
        >>> from calaim_timeline import Archive
        >>> initiative, milestone = Archive.bundled()["2021-11"].milestones[0]
        >>> Placed(initiative.id, milestone).initiative_id
        'cross-initiative-milestones'
    """

    initiative_id: str
    milestone: Milestone


@attrs.frozen
class FieldChange:
    """One field-level difference inside a milestone-edited change.

    Examples:
        >>> FieldChange("status", "changed", "planned", "done").kind
        'changed'
    """

    path: str
    kind: Literal["added", "removed", "changed"]
    old: JSONValue = None
    new: JSONValue = None


@attrs.define
class Rebuild:
    """The new edition's parts while a diff is applied: keyed by id, lineage and number.

    Each record's :meth:`ChangeRecord.apply` updates these; the layout of the diff's new
    side then puts them in order.

    Examples:
        >>> Rebuild(initiatives={}, milestones={}, notes={}).notes
        {}
    """

    initiatives: dict[str, Initiative]
    milestones: dict[str, Milestone]
    notes: dict[int, Footnote]

    def edit_initiative(self, initiative_id: str, **fields: Any) -> None:  # noqa: ANN401
        """Set ``fields`` of the initiative ``initiative_id`` (its id now)."""
        self.initiatives[initiative_id] = attrs.evolve(self.initiatives[initiative_id], **fields)

    def edit_milestone(self, lineage: str, **fields: Any) -> None:  # noqa: ANN401
        """Set ``fields`` of the milestone of ``lineage`` (its lineage now)."""
        self.milestones[lineage] = attrs.evolve(self.milestones[lineage], **fields)


class ChangeRecord(abc.ABC):
    """What every change record provides; one frozen attrs class per kind of change.

    ``change`` is the JSON name; ``initiative_id``, ``milestone_id``, ``title`` and
    ``kind`` say what the change is about (None where it is not about one). One naming
    scheme holds across records: ``old`` and ``new`` are the two sides (a record of
    something added has only ``new``, of something dropped only ``old``); an attribute
    named ``milestone``, ``initiative`` or ``footnote`` holds the object itself (the new
    side's where there are two), and one ending in ``_id`` holds an id.

    Examples:
        >>> from calaim_timeline.changes import CHANGE_TYPES
        >>> all(issubclass(kind, ChangeRecord) for kind in CHANGE_TYPES)
        True
    """

    __slots__ = ()
    change: ClassVar[str]

    if TYPE_CHECKING:  # what every record has; each record type defines them its own way

        @property
        def initiative_id(self) -> str | None:
            """The id of the initiative the change is about (its new id); None for none."""

        @property
        def milestone_id(self) -> str | None:
            """The id of the milestone the change is about; None for none."""

        @property
        def title(self) -> str | None:
            """The milestone's title or the initiative's name; None for the edition."""

        @property
        def kind(self) -> MilestoneKind | None:
            """The milestone's kind; None for an unmarked milestone or no milestone."""

    @property
    def editorial(self) -> bool:
        """Whether no date, item or name changed (``--substantive`` leaves these out).

        Case, punctuation, whitespace or markup of a title or footnote, a period
        restated in other words, or only which footnotes (or aliases) something cites.
        """
        return False

    @abc.abstractmethod
    def initiative_ids(self) -> frozenset[str]:
        """The ids of the initiatives this change is about, old and new (for filters)."""

    @abc.abstractmethod
    def inverse(self, old: Edition, new: Edition) -> ChangeRecord:
        """The same change seen from the new edition to the old one.

        ``old`` and ``new`` are the editions of this record's diff (an added milestone's
        inverse is a drop, whose reason depends on the old edition's window and date).
        """

    @abc.abstractmethod
    def apply(self, parts: Rebuild) -> None:
        """Make this change to the parts of the edition being rebuilt."""


class Swappable(ChangeRecord):
    """A record with an ``old`` and a ``new`` side: its inverse swaps them."""

    __slots__ = ()
    old: Any
    new: Any

    def inverse(self, old: Edition, new: Edition) -> Self:  # noqa: ARG002
        """The same change seen from the other edition: the sides swapped."""
        return attrs.evolve(self, old=self.new, new=self.old)  # type: ignore[misc]
