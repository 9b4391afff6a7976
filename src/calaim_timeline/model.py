"""The edition model: immutable, hashable, keyword-only attrs classes.

An :class:`Edition` holds categories, initiatives (each with its milestones) and the
numbered footnotes they refer to. Every collection is a tuple, in the order of the
source document (footnotes by number). Models check types when built; the rules that
tie parts of an edition together (unique ids, footnotes that resolve, milestones inside
the window) are checked by :func:`calaim_timeline.validate.validate`, which reports
every problem at once.
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from calaim_timeline.period import Period

__all__ = [
    "Category",
    "Edition",
    "Footnote",
    "Initiative",
    "Milestone",
    "MilestoneKind",
    "Source",
    "Status",
    "SubItem",
]


class MilestoneKind(enum.Enum):
    """What a milestone is, as the source marks it: ``*``, ``^`` or ``+``."""

    DOCUMENT_RELEASE = "document-release"
    SUBMISSION_DEADLINE = "submission-deadline"
    PROGRAM_LAUNCH = "program-launch"

    @property
    def mark(self) -> str:
        """The symbol the published calendar uses for this kind.

        >>> MilestoneKind.PROGRAM_LAUNCH.mark
        '+'
        """
        return _MARKS[self]

    @classmethod
    def from_mark(cls, mark: str) -> MilestoneKind:
        """The kind a symbol stands for.

        >>> MilestoneKind.from_mark("^")
        <MilestoneKind.SUBMISSION_DEADLINE: 'submission-deadline'>
        """
        for kind, symbol in _MARKS.items():
            if symbol == mark:
                return kind
        msg = f"unknown kind mark {mark!r}: expected one of '*', '^', '+'"
        raise ValueError(msg)


_MARKS: Final = {
    MilestoneKind.DOCUMENT_RELEASE: "*",
    MilestoneKind.SUBMISSION_DEADLINE: "^",
    MilestoneKind.PROGRAM_LAUNCH: "+",
}


class Status(enum.Enum):
    """Whether a milestone is still ahead or reported done (e.g. "LIVE!")."""

    PLANNED = "planned"
    DONE = "done"


def _tuple_of(kind: type) -> Any:  # noqa: ANN401 - an attrs validator
    return attrs.validators.deep_iterable(
        member_validator=attrs.validators.instance_of(kind),
        iterable_validator=attrs.validators.instance_of(tuple),
    )


_STR: Final = attrs.validators.instance_of(str)
_OPTIONAL_STR: Final = attrs.validators.optional(_STR)
_NUMBERS: Final = _tuple_of(int)


@attrs.frozen(kw_only=True)
class Footnote:
    """A numbered note of the edition; others refer to it by ``number``.

    >>> Footnote(number=4, text="RFP timeline is being finalized and is subject to change.")
    Footnote(number=4, text='RFP timeline is being finalized and is subject to change.')
    """

    number: int = attrs.field(validator=attrs.validators.instance_of(int))
    text: str = attrs.field(validator=_STR)


@attrs.frozen(kw_only=True)
class SubItem:
    """A sub-bullet of a milestone ("ECM goes live in HHP Counties for: ○ …").

    ``kind`` is the mark the sub-item carries itself, if any (the published calendar
    marks some sub-items ``+``); ``footnotes`` are footnote numbers.
    """

    text: str = attrs.field(validator=_STR)
    footnotes: tuple[int, ...] = attrs.field(default=(), validator=_NUMBERS)
    kind: MilestoneKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(MilestoneKind))
    )


@attrs.frozen(kw_only=True)
class Milestone:
    """One dated item of an initiative.

    ``lineage`` is the id that follows the milestone across editions; it defaults to
    ``id``.

    >>> m = Milestone(id="mot-carve-in-live", title="MOT Carve-In goes live",
    ...               kind=MilestoneKind.PROGRAM_LAUNCH, when=Period.month(2022, 1))
    >>> m.lineage, str(m.when), m.status.value
    ('mot-carve-in-live', '2022-01', 'planned')
    """

    id: str = attrs.field(validator=_STR)
    title: str = attrs.field(validator=_STR)
    kind: MilestoneKind | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(MilestoneKind))
    )
    when: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    sub_items: tuple[SubItem, ...] = attrs.field(default=(), validator=_tuple_of(SubItem))
    footnotes: tuple[int, ...] = attrs.field(default=(), validator=_NUMBERS)
    status: Status = attrs.field(
        default=Status.PLANNED, validator=attrs.validators.instance_of(Status)
    )
    lineage: str = attrs.field(
        default=attrs.Factory(lambda self: self.id, takes_self=True), validator=_STR
    )


@attrs.frozen(kw_only=True)
class Category:
    """A group of initiatives ("Behavioral Health Initiatives")."""

    id: str = attrs.field(validator=_STR)
    name: str = attrs.field(validator=_STR)


@attrs.frozen(kw_only=True)
class Initiative:
    """A program of CalAIM and its milestones in this edition.

    ``category`` is a category id, or None for initiatives the source lists before
    any category (the calendar's "Cross-Initiative Milestones"). ``aliases`` are
    former names and ids, so that a rename is recognised as one event.
    """

    id: str = attrs.field(validator=_STR)
    name: str = attrs.field(validator=_STR)
    category: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(str))
    footnotes: tuple[int, ...] = attrs.field(default=(), validator=_NUMBERS)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), validator=_tuple_of(Milestone))


@attrs.frozen(kw_only=True)
class Source:
    """Where an edition comes from.

    ``document`` is the path of the project's copy of the published text (under
    ``sources/``); ``url`` where it was published, when known; ``notes`` how the
    snapshot was made from it.
    """

    document: str = attrs.field(validator=_STR)
    url: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    notes: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)


@attrs.frozen(kw_only=True)
class Edition:
    """One published edition of the calendar, as of a month, covering a window.

    >>> from calaim_timeline import Archive
    >>> edition = Archive.bundled()["2021-11"]
    >>> str(edition.as_of), str(edition.window), len(edition.initiatives)
    ('2021-11', '2021-11/2022-03', 18)
    """

    id: str = attrs.field(validator=_STR)
    title: str = attrs.field(validator=_STR)
    as_of: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    window: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    publisher: str = attrs.field(validator=_STR)
    source: Source = attrs.field(validator=attrs.validators.instance_of(Source))
    categories: tuple[Category, ...] = attrs.field(default=(), validator=_tuple_of(Category))
    initiatives: tuple[Initiative, ...] = attrs.field(default=(), validator=_tuple_of(Initiative))
    footnotes: tuple[Footnote, ...] = attrs.field(default=(), validator=_tuple_of(Footnote))
    excluded_initiatives: tuple[str, ...] = attrs.field(default=(), validator=_tuple_of(str))

    def milestones(self) -> tuple[tuple[Initiative, Milestone], ...]:
        """Every milestone with its initiative, in document order."""
        return tuple((i, m) for i in self.initiatives for m in i.milestones)

    def footnote(self, number: int) -> Footnote:
        """The footnote numbered ``number``; KeyError when there is none."""
        for note in self.footnotes:
            if note.number == number:
                return note
        raise KeyError(number)
