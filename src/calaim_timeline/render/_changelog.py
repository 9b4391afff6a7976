"""A diff sorted into the change log's sections, each line naming initiative and milestone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any, Final

import attrs

from calaim_timeline._counting import counted
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
from calaim_timeline.model import MilestoneKind
from calaim_timeline.period import Relation
from calaim_timeline.render._describe import (
    UNDATED,
    describe,
    moved,
    named,
    period,
    review_note,
)
from calaim_timeline.render._digest import folded

__all__ = ["SECTIONS", "Entry", "sections", "sorts"]

SECTIONS: Final = (
    "Delayed",
    "Advanced",
    "Narrowed or widened",
    "Date now unknown",
    "Date set again",
    "Added",
    "Dropped",
    "Renamed",
    "Changed",
)
_SHIFTS: Final = {
    Relation.DELAYED: "Delayed",
    Relation.ADVANCED: "Advanced",
    Relation.NARROWED: "Narrowed or widened",
    Relation.WIDENED: "Narrowed or widened",
    **UNDATED,
}


Entry = tuple[str, str]
"""A change log line: the initiative's name and what happened."""


def _kind(kind: MilestoneKind | None) -> str:
    return f", {kind.words}" if kind else ""


@attrs.define
class _Log:
    """The entries of one diff as they are sorted into sections."""

    found: defaultdict[str, list[Entry]] = attrs.Factory(lambda: defaultdict(list))
    aged: defaultdict[str, list[str]] = attrs.Factory(lambda: defaultdict(list))
    later: list[Entry] = attrs.Factory(list)
    """Drops past due or beyond the window: after those gone while still due."""

    note: str = ""
    """The review note of the change being sorted, added to its entries."""

    def add(self, section: str, name: str, text: str) -> None:
        self.found[section].append((name, text + self.note))


_SORTERS: ByType[Callable[[Any, str, _Log], None]] = ByType("change-log section")
"""Each change type's function that puts it in its section of the change log."""


def sorts(kind: type[ChangeRecord]) -> bool:
    """Whether the change log has a section for records of ``kind`` (a test holds every type).

    Examples:
        >>> from calaim_timeline.changes import CHANGE_TYPES
        >>> all(sorts(kind) for kind in CHANGE_TYPES)
        True
    """
    return _SORTERS.covers(kind)


def sections(changes: EditionDiff, *, full: bool = False) -> list[tuple[str, list[Entry]]]:
    """The non-empty sections in :data:`SECTIONS` order, each with its entries.

    Dropped milestones come unlisted first, then past due or beyond the window, then
    those that aged out, folded into one entry per initiative. Footnotes and editorial
    changes are left to the digest's one line each, unless ``full``.
    """
    log = _Log()
    for initiative, members in changes.groups():
        name = initiative.name if initiative else "Edition"
        for change in members:
            if folded(change) and not full:
                continue
            log.note = review_note(changes, change)
            _SORTERS.of(change)(change, name, log)
    log.found["Dropped"] += log.later
    for name, titles in log.aged.items():
        count = counted(len(titles), "milestone")
        log.found["Dropped"].append((name, f"{count} aged out: {'; '.join(titles)}"))
    return [(title, log.found[title]) for title in SECTIONS if log.found[title]]


@_SORTERS.register(MilestoneShifted)
def _shifted(change: MilestoneShifted, name: str, log: _Log) -> None:
    if change.direction not in _SHIFTS:  # restated: the same days in other words
        log.add("Changed", name, str(describe(change)))
        return
    old, new = change.old.milestone.when, change.new.milestone.when
    text = f"{named(change.milestone)}: {period(old)} → {period(new)}"
    if change.months is not None:
        how = moved(old, new)
        if change.direction in {Relation.NARROWED, Relation.WIDENED}:
            how += f", {change.direction.value}"
        text += f" ({how})"
    log.add(_SHIFTS[change.direction], name, text)


@_SORTERS.register(MilestoneAdded)
def _added(change: MilestoneAdded, name: str, log: _Log) -> None:
    reason = "new" if change.reason is AddReason.NEW else "entered the window"
    log.add(
        "Added",
        name,
        f"{named(change.milestone)} — {period(change.milestone.when)}{_kind(change.kind)}"
        f" ({reason})",
    )


@_SORTERS.register(InitiativeAdded)
def _initiative_added(_change: InitiativeAdded, name: str, log: _Log) -> None:
    log.add("Added", name, "new initiative")


@_SORTERS.register(MilestoneDropped)
def _dropped(change: MilestoneDropped, name: str, log: _Log) -> None:
    when = period(change.milestone.when)
    if change.reason is DropReason.AGED_OUT:
        log.aged[name].append(f"{named(change.milestone)} ({when})")
    elif change.reason is DropReason.BEYOND_WINDOW:
        log.later.append((name, f"{named(change.milestone)} — {when} (beyond the window)"))
    elif change.reason is DropReason.PAST_DUE:
        log.later.append((name, f"PAST DUE, NO LONGER LISTED: {named(change.milestone)} — {when}"))
    else:
        log.add("Dropped", name, f"GONE WHILE STILL DUE: {named(change.milestone)} — {when}")


@_SORTERS.register(InitiativeDropped)
def _initiative_dropped(_change: InitiativeDropped, name: str, log: _Log) -> None:
    log.add("Dropped", name, "initiative no longer listed")


@_SORTERS.register(InitiativeRenamed, MilestoneRetitled)
def _renamed(change: InitiativeRenamed | MilestoneRetitled, name: str, log: _Log) -> None:
    log.add("Renamed", name, str(describe(change)))


@_SORTERS.register(
    MilestoneRekinded,
    MilestoneMoved,
    MilestoneEdited,
    InitiativeRecategorized,
    InitiativeEdited,
    FootnoteAdded,
    FootnoteDropped,
    FootnoteChanged,
    WindowChanged,
)
def _changed(change: Change, name: str, log: _Log) -> None:
    log.add("Changed", name, str(describe(change)))
