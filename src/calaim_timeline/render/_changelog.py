"""A diff sorted into the change log's sections, each line naming initiative and milestone."""

from __future__ import annotations

from collections import defaultdict
from typing import Final

from calaim_timeline.diff import (
    AddReason,
    DropReason,
    EditionDiff,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeRenamed,
    MilestoneAdded,
    MilestoneDropped,
    MilestoneRetitled,
    MilestoneShifted,
)
from calaim_timeline.model import MilestoneKind
from calaim_timeline.period import Relation
from calaim_timeline.render._describe import describe, months, period

__all__ = ["SECTIONS", "Entry", "sections"]

SECTIONS: Final = (
    "Delayed",
    "Advanced",
    "Narrowed/Widened",
    "Added",
    "Dropped",
    "Renamed",
    "Changed",
)
_SHIFTS: Final = {
    Relation.DELAYED: "Delayed",
    Relation.ADVANCED: "Advanced",
    Relation.NARROWED: "Narrowed/Widened",
    Relation.WIDENED: "Narrowed/Widened",
}


Entry = tuple[str, str]
"""A change log line: the initiative's name and what happened."""


def _kind(kind: MilestoneKind | None) -> str:
    return f", {kind.value.replace('-', ' ')}" if kind else ""


def sections(changes: EditionDiff) -> list[tuple[str, list[Entry]]]:  # noqa: C901, PLR0912 - a branch per kind
    """The non-empty sections in :data:`SECTIONS` order, each with its entries.

    Dropped milestones come unlisted first, then beyond the window, then those that aged
    out, folded into one entry per initiative.
    """
    found: dict[str, list[Entry]] = defaultdict(list)
    aged: dict[str, list[str]] = defaultdict(list)
    beyond: list[Entry] = []
    for initiative, members in changes.groups():
        name = initiative.name if initiative else "Edition"
        for change in members:
            if isinstance(change, MilestoneShifted) and change.direction in _SHIFTS:
                old, new = change.old.milestone.when, change.new.milestone.when
                how = months(change.months)
                if change.direction not in {Relation.DELAYED, Relation.ADVANCED}:
                    how += f", {change.direction.value}"
                text = f"{change.title}: {period(old)} → {period(new)} ({how})"
                found[_SHIFTS[change.direction]].append((name, text))
            elif isinstance(change, MilestoneAdded):
                reason = "new" if change.reason is AddReason.NEW else "entered the window"
                text = f"{change.title} — {period(change.item.when)}{_kind(change.kind)} ({reason})"
                found["Added"].append((name, text))
            elif isinstance(change, InitiativeAdded):
                found["Added"].append((name, "new initiative"))
            elif isinstance(change, MilestoneDropped):
                when = period(change.item.when)
                if change.reason is DropReason.AGED_OUT:
                    aged[name].append(f"{change.title} ({when})")
                elif change.reason is DropReason.BEYOND_WINDOW:
                    beyond.append((name, f"{change.title} — {when} (beyond the window)"))
                else:
                    text = (
                        f"UNLISTED: {change.title} — {when} (due in the window, no longer listed)"
                    )
                    found["Dropped"].append((name, text))
            elif isinstance(change, InitiativeDropped):
                found["Dropped"].append((name, "initiative no longer listed"))
            elif isinstance(change, InitiativeRenamed | MilestoneRetitled):
                found["Renamed"].append((name, describe(change).text))
            else:
                found["Changed"].append((name, describe(change).text))
    found["Dropped"] += beyond
    for name, titles in aged.items():
        count = "1 milestone" if len(titles) == 1 else f"{len(titles)} milestones"
        found["Dropped"].append((name, f"{count} aged out: {'; '.join(titles)}"))
    return [(title, found[title]) for title in SECTIONS if found[title]]
