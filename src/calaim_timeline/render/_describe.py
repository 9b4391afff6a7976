"""One line of words for each change record, shared by the text and markdown renderers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from calaim_timeline.changes import (
    Change,
    ChangeRecord,
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
from calaim_timeline.diff import EditionDiff
from calaim_timeline.model import MilestoneKind
from calaim_timeline.period import Period

__all__ = ["Line", "describe", "describes", "months", "period", "review_note"]


class Line(NamedTuple):
    """A change in words: a terminal symbol, a label, and the text."""

    symbol: str
    label: str
    text: str


def period(value: Period) -> str:
    """The period's notation, with the source's wording when it has one."""
    return str(value) if value.text is None else f'{value} "{value.text}"'


def months(count: int) -> str:
    """``+2 months``, ``-1 month``, ``0 months``."""
    unit = "month" if abs(count) == 1 else "months"
    return f"{count:+d} {unit}" if count else f"0 {unit}"


def _kind(kind: MilestoneKind | None) -> str:
    return kind.value.replace("-", " ") if kind else "unmarked"


def _marked(title: str, kind: MilestoneKind | None) -> str:
    return f"{title} [{kind.mark}]" if kind else title


def _subject(
    change: MilestoneShifted | MilestoneRekinded | MilestoneMoved | MilestoneEdited,
) -> str:
    """The title as the subject of a sentence ("…for:" loses its colon)."""
    return change.title.rstrip(":")


def _numbers(values: tuple[int, ...] | tuple[str, ...]) -> str:
    return ", ".join(map(str, values)) if values else "none"


_Describer = Callable[[Any], Line]
_DESCRIBERS: dict[type[ChangeRecord], _Describer] = {}


def _words(*kinds: type[ChangeRecord]) -> Callable[[_Describer], _Describer]:
    """Register the function that words records of ``kinds``."""

    def register(function: _Describer) -> _Describer:
        for kind in kinds:
            _DESCRIBERS[kind] = function
        return function

    return register


def describe(change: Change) -> Line:
    """The change in one line of words.

    Examples:
        >>> from calaim_timeline import Footnote
        >>> from calaim_timeline.changes import FootnoteAdded
        >>> describe(FootnoteAdded(note=Footnote(number=7, text="Subject to CMS approval.")))
        Line(symbol='+', label='Footnote added', text='footnote 7 added: Subject to CMS approval.')
    """
    return _DESCRIBERS[type(change)](change)


def review_note(changes: EditionDiff, change: Change) -> str:
    """`` [review: paired by context, 75% sure]`` for a change whose pair needs review, else "".

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diff import diff
        >>> changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
        >>> [review_note(changes, change) for change in changes if review_note(changes, change)]
        []
    """
    link = changes.link_of(change)
    if link is None or not changes.needs_review(change):
        return ""
    return f" [review: paired by {link.stage.value}, {link.confidence:.0%} sure]"


def describes(kind: type[ChangeRecord]) -> bool:
    """Whether :func:`describe` words records of ``kind`` (a test holds every type to it).

    Examples:
        >>> from calaim_timeline.changes import CHANGE_TYPES
        >>> all(describes(kind) for kind in CHANGE_TYPES)
        True
    """
    return kind in _DESCRIBERS


@_words(MilestoneAdded)
def _added(change: MilestoneAdded) -> Line:
    reason = "new" if change.reason.value == "new" else "entered the window"
    text = f"{period(change.item.when)}  {_marked(change.title, change.kind)} ({reason})"
    return Line("+", "Added", text)


@_words(MilestoneDropped)
def _dropped(change: MilestoneDropped) -> Line:
    reason = {
        "aged-out": "aged out",
        "beyond-window": "beyond the window",
        "unlisted": "UNLISTED: gone while still inside the window",
    }[change.reason.value]
    text = f"{period(change.item.when)}  {_marked(change.title, change.kind)} ({reason})"
    return Line("-", "Dropped", text)


@_words(MilestoneShifted)
def _shifted(change: MilestoneShifted) -> Line:
    old, new = change.old.milestone.when, change.new.milestone.when
    how = f"({months(change.months)}, {change.direction.value})"
    return Line("~", "Shifted", f"{_subject(change)}: {period(old)} → {period(new)} {how}")


@_words(MilestoneRetitled)
def _retitled(change: MilestoneRetitled) -> Line:
    how = "editorial" if change.editorial else f"similarity {change.similarity:.0f}%"
    before, after = change.old.milestone.title, change.new.milestone.title
    return Line("~", "Retitled", f'"{before}" → "{after}" ({how})')


@_words(MilestoneRekinded)
def _rekinded(change: MilestoneRekinded) -> Line:
    old_kind, new_kind = change.old.milestone.kind, change.new.milestone.kind
    return Line("~", "Kind", f"{_subject(change)}: {_kind(old_kind)} → {_kind(new_kind)}")


@_words(MilestoneMoved)
def _moved(change: MilestoneMoved) -> Line:
    return Line("~", "Moved", f"{_subject(change)}: moved here from {change.old.initiative}")


@_words(MilestoneEdited)
def _edited(change: MilestoneEdited) -> Line:
    details = "; ".join(
        f"{d.path} {d.kind}" + (f": {d.old!r} → {d.new!r}" if d.kind == "changed" else "")
        for d in change.details()
    )
    return Line("~", "Edited", f"{_subject(change)}: {change.field} ({details})")


@_words(InitiativeAdded)
def _initiative_added(change: InitiativeAdded) -> Line:
    where = f"category {change.item.category}" if change.item.category else "no category"
    return Line("+", "Initiative added", f"new initiative ({where})")


@_words(InitiativeDropped)
def _initiative_dropped(_change: InitiativeDropped) -> Line:
    return Line("-", "Initiative dropped", "initiative no longer listed")


@_words(InitiativeRenamed)
def _renamed(change: InitiativeRenamed) -> Line:
    text = f'renamed from "{change.old.name}" ({change.old.id}, matched by {change.stage.value})'
    return Line("~", "Renamed", text)


@_words(InitiativeRecategorized)
def _recategorized(change: InitiativeRecategorized) -> Line:
    before, after = change.old.category or "none", change.new.category or "none"
    return Line("~", "Category", f"category {before} → {after}")


@_words(InitiativeEdited)
def _initiative_edited(change: InitiativeEdited) -> Line:
    before, after = getattr(change.old, change.field), getattr(change.new, change.field)
    return Line("~", "Edited", f"{change.field}: {_numbers(before)} → {_numbers(after)}")


@_words(FootnoteAdded)
def _note_added(change: FootnoteAdded) -> Line:
    return Line("+", "Footnote added", f"footnote {change.note.number} added: {change.note.text}")


@_words(FootnoteDropped)
def _note_dropped(change: FootnoteDropped) -> Line:
    text = f"footnote {change.note.number} dropped: {change.note.text}"
    return Line("-", "Footnote dropped", text)


@_words(FootnoteChanged)
def _note_changed(change: FootnoteChanged) -> Line:
    text = f'footnote {change.new.number} changed: "{change.old.text}" → "{change.new.text}"'
    return Line("~", "Footnote changed", text)


@_words(WindowChanged)
def _window(change: WindowChanged) -> Line:
    return Line("~", "Window", f"window {change.old} → {change.new}")
