"""One line of words for each change record, shared by the text and markdown renderers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, NamedTuple

from calaim_timeline.changes import (
    AddReason,
    ByType,
    Change,
    ChangeRecord,
    DropReason,
    FootnoteAdded,
    FootnoteChanged,
    FootnoteDropped,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeEdited,
    InitiativeRecategorized,
    InitiativeRenamed,
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
    WindowChanged,
)
from calaim_timeline.diffing import EditionDiff
from calaim_timeline.matching import Stage
from calaim_timeline.model import Milestone, MilestoneKind, Status
from calaim_timeline.period import Period, Precision, Relation, When, when_months

__all__ = [
    "BY",
    "DROPPED",
    "UNDATED",
    "Line",
    "describe",
    "describes",
    "months",
    "moved",
    "named",
    "period",
    "review_note",
]


class Line(NamedTuple):
    """A change in words: a terminal symbol, a label, and the text after the label.

    The text never repeats the label: renderers show ``label: text``.
    """

    symbol: str
    label: str
    text: str

    def __str__(self) -> str:
        """``Label: text``."""
        return f"{self.label}: {self.text}"


def period(value: When) -> str:
    """The date's notation (``unknown`` for an unknown date), with the source's wording."""
    return str(value) if value.text is None else f'{value} "{value.text}"'


def months(count: int) -> str:
    """``+2 months``, ``-1 month``, ``0 months``."""
    unit = "month" if abs(count) == 1 else "months"
    return f"{count:+d} {unit}" if count else f"0 {unit}"


def moved(old: When, new: When) -> str:
    """How far the end of the date moved, in the unit the dates are given in.

    Between two days, in days (a week from August 27 to September 3 is "+7 days", not
    "+1 month"); otherwise the months of the last month (:meth:`Period.shift_months`),
    except that an end moved within its month is counted in days, never "0 months".
    Empty where either date is unknown.

    Examples:
        >>> from calaim_timeline import Period
        >>> moved(Period.parse("2022-01"), Period.parse("2022-03"))
        '+2 months'
        >>> moved(Period.parse("2022-10-03"), Period.parse("2022-10-24"))
        '+21 days'
        >>> moved(Period.parse("2020-08-27"), Period.parse("2020-09-03"))
        '+7 days'
        >>> moved(Period.parse("2022-Q1"), Period.parse("2022-03"))
        '0 months'
    """
    shift = when_months(old, new)
    if not (isinstance(old, Period) and isinstance(new, Period)) or shift is None:
        return ""
    days = (new.end - old.end).days
    both_days = old.precision is new.precision is Precision.DAY
    if (both_days and days) or (shift == 0 and days):
        return f"{days:+d} day{'' if abs(days) == 1 else 's'}"
    return months(shift)


def named(milestone: Milestone) -> str:
    """The milestone's title with its sub-items, as the calendar prints them under it.

    Examples:
        >>> from calaim_timeline import Milestone, Period, SubItem
        >>> named(Milestone(
        ...     id="ecm-hhp", title="ECM goes live in HHP Counties for:",
        ...     when=Period.parse("2022-01"),
        ...     sub_items=(SubItem(text="Children"), SubItem(text="Adults")),
        ... ))
        'ECM goes live in HHP Counties for: Children; Adults'
    """
    if not milestone.sub_items:
        return milestone.title
    items = "; ".join(item.text for item in milestone.sub_items)
    if milestone.title.endswith(":"):
        return f"{milestone.title} {items}"
    return f"{milestone.title} ({items})"


def _kind(kind: MilestoneKind | None) -> str:
    return kind.words if kind else "unmarked"


def _marked(milestone: Milestone) -> str:
    return f"{named(milestone)} [{milestone.kind.mark}]" if milestone.kind else named(milestone)


def _subject(
    change: MilestoneShifted | MilestoneRekinded | MilestoneMoved | MilestoneEdited,
) -> str:
    """The milestone as the subject of a sentence ("…for:" loses its colon)."""
    if change.milestone.sub_items:
        return named(change.milestone)
    return change.title.rstrip(":")


def _numbers(values: tuple[int, ...] | tuple[str, ...]) -> str:
    return ", ".join(map(str, values)) if values else "none"


BY: Final = {
    Stage.ID: "the same id",
    Stage.LINEAGE: "the same lineage",
    Stage.ALIAS: "an alias in the snapshot",
    Stage.TITLE: "the same name",
    Stage.MILESTONES: "the same milestones",
    Stage.ACRONYMS: "the same acronyms",
    Stage.CONTAINED: "one name inside the other",
    Stage.CONTEXT: "its place, period and kind",
    Stage.SIMILAR: "a similar name",
    Stage.MOVED: "a similar title in another initiative",
}
"""How each stage found a pair, in plain words ("recognised by the same acronyms")."""

_WORDS: ByType[Callable[[Any], Line]] = ByType("words")
"""Each change type's function that words it."""


def describe(change: Change) -> Line:
    """The change in one line of words.

    Examples:
        >>> from calaim_timeline import Footnote
        >>> from calaim_timeline.changes import FootnoteAdded
        >>> str(describe(FootnoteAdded(new=Footnote(number=7, text="Subject to CMS approval."))))
        'Footnote 7 added: Subject to CMS approval.'
    """
    return _WORDS.of(change)(change)


def review_note(changes: EditionDiff, change: Change) -> str:
    """`` [review: recognised by a similar name, 75% sure]`` where the pair needs review.

    Empty for a change whose pair is certain enough, or that has no pair.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
        >>> [review_note(changes, change) for change in changes if review_note(changes, change)]
        []
    """
    link = changes.link_of(change)
    if link is None or not changes.needs_review(change):
        return ""
    return f" [review: recognised by {BY[link.stage]}, {link.confidence:.0%} sure]"


def describes(kind: type[ChangeRecord]) -> bool:
    """Whether :func:`describe` words records of ``kind`` (a test holds every type to it).

    Examples:
        >>> from calaim_timeline.changes import CHANGE_TYPES
        >>> all(describes(kind) for kind in CHANGE_TYPES)
        True
    """
    return _WORDS.covers(kind)


@_WORDS.register(MilestoneAdded)
def _added(change: MilestoneAdded) -> Line:
    reason = "new" if change.reason is AddReason.NEW else "entered the window"
    milestone = change.milestone
    return Line("+", "Added", f"{period(milestone.when)}  {_marked(milestone)} ({reason})")


DROPPED: Final = {
    DropReason.AGED_OUT: "aged out",
    DropReason.BEYOND_WINDOW: "beyond the window",
    DropReason.PAST_DUE: "past due and no longer listed",
    DropReason.UNLISTED: "gone while still due",
}
"""Each drop reason in the words the reports use."""


@_WORDS.register(MilestoneDropped)
def _dropped(change: MilestoneDropped) -> Line:
    text = f"{period(change.milestone.when)}  {_marked(change.milestone)}"
    if change.reason is DropReason.UNLISTED:
        return Line("-", "Gone while still due", text)
    if change.reason is DropReason.PAST_DUE:
        return Line("-", "Past due", f"{text} (no longer listed)")
    return Line("-", "Dropped", f"{text} ({DROPPED[change.reason]})")


@_WORDS.register(MilestoneShifted)
def _shifted(change: MilestoneShifted) -> Line:
    old, new = change.old.milestone.when, change.new.milestone.when
    label = UNDATED.get(change.direction, change.direction.value.capitalize())
    text = f"{_subject(change)}: {period(old)} → {period(new)}"
    if change.months is not None:
        text += f" ({moved(old, new)})"
    return Line("~", label, text)


UNDATED: Final = {Relation.UNDATED: "Date now unknown", Relation.DATED: "Date set again"}
"""A date that became unknown, or was set again, in the words the reports use."""


@_WORDS.register(MilestoneRetitled)
def _retitled(change: MilestoneRetitled) -> Line:
    how = "editorial" if change.editorial else f"similarity {change.similarity:.0f}%"
    before, after = change.old.milestone.title, change.new.milestone.title
    return Line("~", "Retitled", f'"{before}" → "{after}" ({how})')


@_WORDS.register(MilestoneRekinded)
def _rekinded(change: MilestoneRekinded) -> Line:
    old_kind, new_kind = change.old.milestone.kind, change.new.milestone.kind
    return Line("~", "Kind", f"{_subject(change)}: {_kind(old_kind)} → {_kind(new_kind)}")


@_WORDS.register(MilestoneMoved)
def _moved(change: MilestoneMoved) -> Line:
    return Line("~", "Moved", f"{_subject(change)}: from initiative {change.old.initiative_id}")


@_WORDS.register(MilestoneEdited)
def _edited(change: MilestoneEdited) -> Line:
    if change.field == "status":  # "LIVE!": what a planner reads first
        done = change.new.milestone.status is Status.DONE
        before = change.old.milestone.status.value
        return Line("~", "Done" if done else "Not done", f"{_subject(change)} (was {before})")
    details = "; ".join(
        f"{d.path} {d.kind}" + (f": {d.old!r} → {d.new!r}" if d.kind == "changed" else "")
        for d in change.details()
    )
    return Line("~", "Edited", f"{_subject(change)}: {change.field} ({details})")


@_WORDS.register(InitiativeAdded)
def _initiative_added(change: InitiativeAdded) -> Line:
    where = f"category {change.new.category}" if change.new.category else "no category"
    return Line("+", "New initiative", where)


@_WORDS.register(InitiativeDropped)
def _initiative_dropped(_change: InitiativeDropped) -> Line:
    return Line("-", "Initiative dropped", "no longer listed")


@_WORDS.register(InitiativeRenamed)
def _renamed(change: InitiativeRenamed) -> Line:
    text = f'was "{change.old.name}" (recognised by {BY[change.stage]})'
    return Line("~", "Renamed", text)


@_WORDS.register(InitiativeRecategorized)
def _recategorized(change: InitiativeRecategorized) -> Line:
    before, after = change.old.category or "none", change.new.category or "none"
    return Line("~", "Category", f"{before} → {after}")


@_WORDS.register(InitiativeEdited)
def _initiative_edited(change: InitiativeEdited) -> Line:
    before, after = getattr(change.old, change.field), getattr(change.new, change.field)
    return Line("~", change.field.capitalize(), f"{_numbers(before)} → {_numbers(after)}")


@_WORDS.register(FootnoteAdded)
def _note_added(change: FootnoteAdded) -> Line:
    return Line("+", f"Footnote {change.footnote.number} added", change.footnote.text)


@_WORDS.register(FootnoteDropped)
def _note_dropped(change: FootnoteDropped) -> Line:
    return Line("-", f"Footnote {change.footnote.number} dropped", change.footnote.text)


@_WORDS.register(FootnoteChanged)
def _note_changed(change: FootnoteChanged) -> Line:
    text = f'"{change.old.text}" → "{change.new.text}"'
    return Line("~", f"Footnote {change.new.number} changed", text)


@_WORDS.register(WindowChanged)
def _window(change: WindowChanged) -> Line:
    return Line("~", "Window", f"{change.old} → {change.new}")
