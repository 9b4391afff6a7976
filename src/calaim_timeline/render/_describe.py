"""One line of words for each change record, shared by the text and markdown renderers."""

from __future__ import annotations

from typing import NamedTuple

from calaim_timeline.diff import (
    Change,
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
from calaim_timeline.model import MilestoneKind
from calaim_timeline.period import Period

__all__ = ["Line", "describe", "months", "period"]


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


def describe(change: Change) -> Line:  # noqa: C901, PLR0911, PLR0912 - one branch per record type
    """The change in one line of words."""
    if isinstance(change, MilestoneAdded):
        reason = "new" if change.reason.value == "new" else "entered the window"
        text = f"{period(change.item.when)}  {_marked(change.title, change.kind)} ({reason})"
        return Line("+", "Added", text)
    if isinstance(change, MilestoneDropped):
        reason = {
            "aged-out": "aged out",
            "beyond-window": "beyond the window",
            "unlisted": "UNLISTED: gone while still inside the window",
        }[change.reason.value]
        text = f"{period(change.item.when)}  {_marked(change.title, change.kind)} ({reason})"
        return Line("-", "Dropped", text)
    if isinstance(change, MilestoneShifted):
        old, new = change.old.milestone.when, change.new.milestone.when
        how = f"({months(change.months)}, {change.direction.value})"
        return Line("~", "Shifted", f"{_subject(change)}: {period(old)} → {period(new)} {how}")
    if isinstance(change, MilestoneRetitled):
        how = "editorial" if change.editorial else f"similarity {change.similarity:.0f}%"
        before, after = change.old.milestone.title, change.new.milestone.title
        return Line("~", "Retitled", f'"{before}" → "{after}" ({how})')
    if isinstance(change, MilestoneRekinded):
        old_kind, new_kind = change.old.milestone.kind, change.new.milestone.kind
        return Line("~", "Kind", f"{_subject(change)}: {_kind(old_kind)} → {_kind(new_kind)}")
    if isinstance(change, MilestoneMoved):
        return Line("~", "Moved", f"{_subject(change)}: moved here from {change.old.initiative}")
    if isinstance(change, MilestoneEdited):
        details = "; ".join(
            f"{d.path} {d.kind}" + (f": {d.old!r} → {d.new!r}" if d.kind == "changed" else "")
            for d in change.details()
        )
        return Line("~", "Edited", f"{_subject(change)}: {change.field} ({details})")
    if isinstance(change, InitiativeAdded):
        where = f"category {change.item.category}" if change.item.category else "no category"
        return Line("+", "Initiative added", f"new initiative ({where})")
    if isinstance(change, InitiativeDropped):
        return Line("-", "Initiative dropped", "initiative no longer listed")
    if isinstance(change, InitiativeRenamed):
        text = (
            f'renamed from "{change.old.name}" ({change.old.id}, matched by {change.stage.value})'
        )
        return Line("~", "Renamed", text)
    if isinstance(change, InitiativeRecategorized):
        before, after = change.old.category or "none", change.new.category or "none"
        return Line("~", "Category", f"category {before} → {after}")
    if isinstance(change, InitiativeEdited):
        before, after = getattr(change.old, change.field), getattr(change.new, change.field)
        return Line("~", "Edited", f"{change.field}: {_numbers(before)} → {_numbers(after)}")
    if isinstance(change, FootnoteAdded):
        return Line(
            "+", "Footnote added", f"footnote {change.note.number} added: {change.note.text}"
        )
    if isinstance(change, FootnoteDropped):
        return Line(
            "-", "Footnote dropped", f"footnote {change.note.number} dropped: {change.note.text}"
        )
    if isinstance(change, FootnoteChanged):
        text = f'footnote {change.new.number} changed: "{change.old.text}" → "{change.new.text}"'
        return Line("~", "Footnote changed", text)
    assert isinstance(change, WindowChanged)  # noqa: S101 - the union is exhausted
    return Line("~", "Window", f"window {change.old} → {change.new}")
