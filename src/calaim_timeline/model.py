"""The edition model: immutable, hashable, keyword-only attrs classes.

An :class:`Edition` holds categories, initiatives (each with its milestones) and the
numbered footnotes they refer to. Every collection is a tuple, in the order of the
source document (footnotes by number). Models check types when built; the rules that
tie parts of an edition together (unique ids, footnotes that resolve, milestones inside
the window) are checked by :func:`calaim_timeline.validation.validate`, which reports
every problem at once.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

from calaim_timeline._typed import tuple_of, typed
from calaim_timeline.errors import FootnoteNotFoundError, KindMarkError
from calaim_timeline.period import Period, UnknownDate, When

__all__ = [
    "CALAIM_SERIES",
    "Category",
    "Edition",
    "Footnote",
    "Initiative",
    "Milestone",
    "MilestoneKind",
    "Series",
    "Source",
    "Status",
    "SubItem",
]


class MilestoneKind(enum.Enum):
    """What a milestone is, as the source marks it: ``*``, ``^`` or ``+``.

    Examples:
        >>> MilestoneKind("program-launch")
        <MilestoneKind.PROGRAM_LAUNCH: 'program-launch'>
    """

    DOCUMENT_RELEASE = "document-release"
    SUBMISSION_DEADLINE = "submission-deadline"
    PROGRAM_LAUNCH = "program-launch"

    @property
    def mark(self) -> str:
        """The symbol the published calendar uses for this kind.

        Examples:
            >>> MilestoneKind.PROGRAM_LAUNCH.mark
            '+'
        """
        return _MARKS[self]

    @property
    def words(self) -> str:
        """The kind in words, as every report writes it.

        Examples:
            >>> MilestoneKind.PROGRAM_LAUNCH.words
            'program launch'
        """
        return self.value.replace("-", " ")

    @classmethod
    def from_mark(cls, mark: str) -> MilestoneKind:
        """The kind a symbol stands for.

        Examples:
            >>> MilestoneKind.from_mark("^")
            <MilestoneKind.SUBMISSION_DEADLINE: 'submission-deadline'>
        """
        for kind, symbol in _MARKS.items():
            if symbol == mark:
                return kind
        msg = f"unknown kind mark {mark!r}: expected one of '*', '^', '+'"
        raise KindMarkError(msg)


_MARKS: Final = {
    MilestoneKind.DOCUMENT_RELEASE: "*",
    MilestoneKind.SUBMISSION_DEADLINE: "^",
    MilestoneKind.PROGRAM_LAUNCH: "+",
}


class Status(enum.Enum):
    """Whether a milestone is still ahead or reported done (e.g. "LIVE!").

    Examples:
        >>> Status("done"), Status.PLANNED.value
        (<Status.DONE: 'done'>, 'planned')
    """

    PLANNED = "planned"
    DONE = "done"


_STR: Final = typed((str,), "a string")
_OPTIONAL_STR: Final = typed((str,), "a string or None", optional=True)
_NUMBERS: Final = tuple_of(int, "footnote numbers", "a footnote number")
_KIND: Final = typed((MilestoneKind,), "a MilestoneKind or None", optional=True)


@attrs.frozen(kw_only=True)
class Footnote:
    """A numbered note of the edition; others refer to it by ``number``.

    Examples:
        >>> Footnote(number=4, text="RFP timeline is being finalized and is subject to change.")
        Footnote(number=4, text='RFP timeline is being finalized and is subject to change.')
    """

    number: int = attrs.field(validator=typed((int,), "a footnote number"))
    text: str = attrs.field(validator=_STR)


@attrs.frozen(kw_only=True)
class SubItem:
    """A sub-bullet of a milestone ("ECM goes live in HHP Counties for: ○ …").

    ``kind`` is the mark the sub-item carries itself, if any (the published calendar
    marks some sub-items ``+``); ``footnotes`` are footnote numbers.

    Examples:
        >>> SubItem(text="Orange County", kind=MilestoneKind.PROGRAM_LAUNCH).footnotes
        ()
    """

    text: str = attrs.field(validator=_STR)
    footnotes: tuple[int, ...] = attrs.field(default=(), validator=_NUMBERS)
    kind: MilestoneKind | None = attrs.field(default=None, validator=_KIND)


@attrs.frozen(kw_only=True)
class Milestone:
    """One dated item of an initiative.

    ``lineage`` is the id that follows the milestone across editions; it defaults to
    ``id``. ``when`` is a :class:`~calaim_timeline.period.Period`, or an
    :class:`~calaim_timeline.period.UnknownDate` where the source lists the milestone
    without a date ("TBD").

    Examples:
        >>> m = Milestone(id="mot-carve-in-live", title="MOT Carve-In goes live",
        ...               kind=MilestoneKind.PROGRAM_LAUNCH, when=Period.month(2022, 1))
        >>> m.lineage, str(m.when), m.status.value
        ('mot-carve-in-live', '2022-01', 'planned')
    """

    id: str = attrs.field(validator=_STR)
    title: str = attrs.field(validator=_STR)
    kind: MilestoneKind | None = attrs.field(default=None, validator=_KIND)
    when: When = attrs.field(validator=typed((Period, UnknownDate), "a Period or an UnknownDate"))
    sub_items: tuple[SubItem, ...] = attrs.field(
        default=(), validator=tuple_of(SubItem, "SubItem", "a SubItem")
    )
    footnotes: tuple[int, ...] = attrs.field(default=(), validator=_NUMBERS)
    status: Status = attrs.field(default=Status.PLANNED, validator=typed((Status,), "a Status"))
    lineage: str = attrs.field(
        default=attrs.Factory(lambda self: self.id, takes_self=True), validator=_STR
    )

    @classmethod
    def from_checked(  # noqa: PLR0913, PLR0917 - one argument per field
        cls,
        id: str,  # noqa: A002 - the field's name
        title: str,
        kind: MilestoneKind | None,
        when: When,
        sub_items: tuple[SubItem, ...],
        footnotes: tuple[int, ...],
        status: Status,
        lineage: str,
    ) -> Milestone:
        """A milestone of values its reader has checked already: no validator runs again.

        The snapshot reader's hot loop makes one per table; skipping the validators
        (which only repeat the reader's checks) is a third of the cost of ``__init__`` at
        100,000 milestones. What it makes equals what ``__init__`` makes (a property test
        holds it); anything not checked goes through ``__init__``.

        Examples:
            >>> when = Period.month(2022, 1)
            >>> made = Milestone.from_checked(
            ...     "mot", "MOT goes live", None, when, (), (), Status.PLANNED, "mot"
            ... )
            >>> made == Milestone(id="mot", title="MOT goes live", when=Period.month(2022, 1))
            True
        """
        milestone: Milestone = _new(cls)
        _set_id(milestone, id)
        _set_title(milestone, title)
        _set_kind(milestone, kind)
        _set_when(milestone, when)
        _set_sub_items(milestone, sub_items)
        _set_footnotes(milestone, footnotes)
        _set_status(milestone, status)
        _set_lineage(milestone, lineage)
        return milestone


_new: Final = object.__new__
(
    _set_id,
    _set_title,
    _set_kind,
    _set_when,
    _set_sub_items,
    _set_footnotes,
    _set_status,
    _set_lineage,
) = (Milestone.__dict__[field.name].__set__ for field in attrs.fields(Milestone))


@attrs.frozen(kw_only=True)
class Category:
    """A group of initiatives ("Behavioral Health Initiatives").

    Examples:
        >>> Category(id="behavioral-health", name="Behavioral Health Initiatives").name
        'Behavioral Health Initiatives'
    """

    id: str = attrs.field(validator=_STR)
    name: str = attrs.field(validator=_STR)


@attrs.frozen(kw_only=True)
class Initiative:
    """A program of CalAIM and its milestones in this edition.

    ``category`` is a category id, or None for initiatives the source lists before
    any category (the calendar's "Cross-Initiative Milestones"). ``aliases`` are
    former names and ids, so that a rename is recognised as one event.

    Examples:
        >>> dental = Initiative(id="dental", name="Dental", category="county")
        >>> dental.milestones, dental.aliases
        ((), ())
    """

    id: str = attrs.field(validator=_STR)
    name: str = attrs.field(validator=_STR)
    category: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    aliases: tuple[str, ...] = attrs.field(
        default=(), validator=tuple_of(str, "strings", "a string")
    )
    footnotes: tuple[int, ...] = attrs.field(default=(), validator=_NUMBERS)
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(), validator=tuple_of(Milestone, "Milestone", "a Milestone")
    )


@attrs.frozen(kw_only=True)
class Source:
    """Where an edition comes from.

    ``document`` is the path of the project's copy of the published text (under
    ``sources/``); ``url`` where it was published, when known; ``notes`` how the
    snapshot was made from it.

    Examples:
        >>> Source(document="sources/2021-11_calaim-milestones-calendar.md").url is None
        True
    """

    document: str = attrs.field(validator=_STR)
    url: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    notes: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)


@attrs.frozen(kw_only=True)
class Series:
    """A schedule published again and again: its editions make one chain.

    ``id`` names it in a folder that holds several (``--series``); its ``title`` heads
    change logs, feeds and calendars; ``publisher`` is who publishes it.

    Examples:
        >>> CALAIM_SERIES.id, CALAIM_SERIES.title
        ('calaim-milestones', 'CalAIM Milestones Calendar')
    """

    id: str = attrs.field(validator=_STR)
    title: str = attrs.field(validator=_STR)
    publisher: str = attrs.field(validator=_STR)


CALAIM_SERIES: Final = Series(
    id="calaim-milestones",
    title="CalAIM Milestones Calendar",
    publisher="California Department of Health Care Services (DHCS)",
)
"""The series of an edition that names none: DHCS's CalAIM Milestones Calendar."""


@attrs.frozen(kw_only=True)
class Edition:
    """One published edition of a schedule, as of a month (or a day), covering a window.

    ``series`` is the schedule it is an edition of (the CalAIM Milestones Calendar unless
    said).

    Examples:
        >>> from calaim_timeline import Archive
        >>> edition = Archive.bundled()["2021-11"]
        >>> str(edition.as_of), str(edition.window), len(edition.initiatives)
        ('2021-11', '2021-11/2022-03', 18)
    """

    id: str = attrs.field(validator=_STR)
    title: str = attrs.field(validator=_STR)
    as_of: Period = attrs.field(validator=typed((Period,), "a Period"))
    window: Period = attrs.field(validator=typed((Period,), "a Period"))
    publisher: str = attrs.field(validator=_STR)
    source: Source = attrs.field(validator=typed((Source,), "a Source"))
    series: Series = attrs.field(default=CALAIM_SERIES, validator=typed((Series,), "a Series"))
    categories: tuple[Category, ...] = attrs.field(
        default=(), validator=tuple_of(Category, "Category", "a Category")
    )
    initiatives: tuple[Initiative, ...] = attrs.field(
        default=(), validator=tuple_of(Initiative, "Initiative", "a Initiative")
    )
    footnotes: tuple[Footnote, ...] = attrs.field(
        default=(), validator=tuple_of(Footnote, "Footnote", "a Footnote")
    )
    excluded_initiatives: tuple[str, ...] = attrs.field(
        default=(), validator=tuple_of(str, "strings", "a string")
    )

    @property
    def milestones(self) -> tuple[tuple[Initiative, Milestone], ...]:
        """Every milestone with the initiative it stands in: pairs, in document order."""
        return tuple((i, m) for i in self.initiatives for m in i.milestones)

    def footnote(self, number: int) -> Footnote:
        """The footnote numbered ``number``; FootnoteNotFoundError (a KeyError) when none is.

        Examples:
            >>> from calaim_timeline import Archive
            >>> Archive.bundled()["2021-11"].footnote(99)
            Traceback (most recent call last):
            ...
            calaim_timeline.errors.FootnoteNotFoundError: edition '2021-11' has no footnote 99 ...
        """
        for note in self.footnotes:
            if note.number == number:
                return note
        numbers = [note.number for note in self.footnotes]
        known = f"footnotes: {numbers[0]} to {numbers[-1]}" if numbers else "no footnotes"
        msg = f"edition {self.id!r} has no footnote {number!r} ({known})"
        raise FootnoteNotFoundError(msg)
