"""The digest at the top of every diff and change-log section.

A planner reads the digest first: what is gone while still due, what slipped (the biggest
slip first, with its months), what is new, then the rest in a few counted lines, and
footnotes and editorial changes folded into one line each. The records behind it stay
whole in the JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple, TypeVar

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
from calaim_timeline.period import Period, Relation
from calaim_timeline.render._describe import UNDATED, moved, named, period

__all__ = [
    "MOST_ITEMS",
    "POINT",
    "Point",
    "digest",
    "folded",
    "headline",
]

_C = TypeVar("_C", bound=ChangeRecord)

MOST_ITEMS: Final = 10
"""A digest point lists at most this many items, then says how many more follow below."""


class Point(NamedTuple):
    """One line of the digest: a label, a sentence, and the items it names."""

    label: str
    text: str
    items: tuple[str, ...] = ()


def headline(changes: EditionDiff, *, by_type: bool = False) -> str:
    """``2021-01 → 2021-11: 108 changes``, or ``…: no changes``; ``by_type``: and how many of each.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
        >>> headline(changes)
        '2021-01 → 2021-11: 108 changes'
        >>> headline(changes, by_type=True)[:48]
        '2021-01 → 2021-11: 108 changes (1 window-changed'
    """
    head = f"{changes.old.edition.id} → {changes.new.edition.id}"
    if not changes.changes:
        return f"{head}: no changes"
    line = f"{head}: {counted(len(changes), 'change')}"
    if by_type:
        line += " (" + ", ".join(f"{n} {name}" for name, n in changes.summary().items()) + ")"
    return line


POINT: ByType[str] = ByType("digest point")
"""The digest point each change type is counted under (its own lines pick it out)."""
POINT.give("shifted", MilestoneShifted)
POINT.give("added", MilestoneAdded, InitiativeAdded)
POINT.give("dropped", MilestoneDropped, InitiativeDropped)
POINT.give("renamed", InitiativeRenamed, MilestoneRetitled)
POINT.give("window", WindowChanged)
POINT.give(
    "changed",
    MilestoneRekinded,
    MilestoneMoved,
    MilestoneEdited,
    InitiativeRecategorized,
    InitiativeEdited,
)
POINT.give("footnotes", FootnoteAdded, FootnoteChanged, FootnoteDropped)


def folded(change: Change) -> bool:
    """Whether a report folds the change into the digest's footnote or editorial line."""
    return change.editorial or POINT.of(change) == "footnotes"


def _listed(items: list[str]) -> tuple[str, ...]:
    if len(items) <= MOST_ITEMS:
        return tuple(items)
    return (*items[:MOST_ITEMS], f"… and {len(items) - MOST_ITEMS} more, listed below")


@attrs.frozen
class _Found:
    """A diff's changes by type (editorial ones apart), each with its initiative's name."""

    pairs: list[tuple[str, Change]]
    full: bool

    def of(self, kind: type[_C]) -> list[tuple[str, _C]]:
        return [(n, c) for n, c in self.pairs if isinstance(c, kind) and not c.editorial]

    def dropped(self, reason: DropReason) -> list[tuple[str, MilestoneDropped]]:
        return [(n, c) for n, c in self.of(MilestoneDropped) if c.reason is reason]

    def shifted(self, *directions: Relation) -> list[tuple[str, MilestoneShifted]]:
        return [(n, c) for n, c in self.of(MilestoneShifted) if c.direction in directions]


def digest(changes: EditionDiff, *, full: bool = False) -> tuple[Point, ...]:
    """The digest's points in reading order; none for a diff without changes.

    ``full``: the footnotes and editorial changes are listed in the report itself, so
    their lines say nothing about ``--full``.
    """
    found = _Found(
        [
            (initiative.name if initiative else "Edition", change)
            for initiative, members in changes.groups()
            for change in members
        ],
        full,
    )
    common = _nothing_in_common(changes)
    return (*common, *(point for make in _POINTS for point in make(found)))


def _nothing_in_common(changes: EditionDiff) -> tuple[Point, ...]:
    """A first point where no milestone is in both editions: then nothing can have moved.

    Without it, a digest with no "Delayed" line would read as "nothing slipped".
    """
    old, new = changes.old.edition, changes.new.edition
    if changes.milestone_links or not (old.milestones and new.milestones):
        return ()
    return (
        Point(
            "In both editions",
            "no milestone is in both editions, so nothing can have moved",
        ),
    )


def _gone(found: _Found) -> Iterator[Point]:
    gone = found.dropped(DropReason.UNLISTED)
    if gone:
        verb = "is" if len(gone) == 1 else "are"
        yield Point(
            "Gone while still due",
            f"{counted(len(gone), 'milestone')} {verb} no longer listed though due inside"
            " this edition's window",
            _listed([_due(n, c) for n, c in gone]),
        )


def _due(initiative: str, change: MilestoneAdded | MilestoneDropped) -> str:
    """A listed milestone: its name, its initiative's and when it is due."""
    return f"{named(change.milestone)} ({initiative}), due {period(change.milestone.when)}"


def _delayed(found: _Found) -> Iterator[Point]:
    late = sorted(found.shifted(Relation.DELAYED), key=lambda pair: -_days_later(pair[1]))
    if late:
        yield Point(
            "Delayed",
            f"{counted(len(late), 'milestone')} now due later, the biggest slip first",
            _listed(
                [
                    f"{moved(c.old.milestone.when, c.new.milestone.when)}:"
                    f" {named(c.milestone)} ({n}),"
                    f" {period(c.old.milestone.when)} → {period(c.new.milestone.when)}"
                    for n, c in late
                ]
            ),
        )


def _days_later(change: MilestoneShifted) -> int:
    """How many days later the end of a delayed milestone's period is: the slip to sort by."""
    old, new = change.old.milestone.when, change.new.milestone.when
    return (new.end - old.end).days if isinstance(old, Period) and isinstance(new, Period) else 0


def _new(found: _Found) -> Iterator[Point]:
    initiatives = [n for n, _ in found.of(InitiativeAdded)]
    added = found.of(MilestoneAdded)
    if not (initiatives or added):
        return
    parts = [counted(len(initiatives), "initiative")] if initiatives else []
    if added:
        entered = sum(c.reason is AddReason.ENTERED_WINDOW for _, c in added)
        reasons = [
            f"{count} {reason}"
            for count, reason in ((len(added) - entered, "new"), (entered, "entered the window"))
            if count
        ]
        parts.append(f"{counted(len(added), 'milestone')} ({', '.join(reasons)})")
    per = {name: sum(n == name for n, _ in added) for name in initiatives}
    items = [f"{name}: new initiative, {counted(k, 'milestone')}" for name, k in per.items()]
    items += [_due(n, c) for n, c in added if n not in per]
    yield Point("Added", " and ".join(parts), _listed(items))


def _moved(found: _Found) -> Iterator[Point]:
    earlier = len(found.shifted(Relation.ADVANCED))
    if earlier:
        yield Point("Advanced", f"{counted(earlier, 'milestone')} now due earlier")
    resized = len(found.shifted(Relation.NARROWED, Relation.WIDENED))
    if resized:
        yield Point(
            "Narrowed or widened",
            f"{counted(resized, 'milestone')} with a shorter or longer period",
        )
    for relation, what in (
        (Relation.UNDATED, "still listed, now without a date"),
        (Relation.DATED, "dated again after an unknown date"),
    ):
        changed = found.shifted(relation)
        if changed:
            yield Point(
                UNDATED[relation],
                f"{counted(len(changed), 'milestone')} {what}",
                _listed(
                    [
                        f"{named(c.milestone)} ({n}), {period(c.new.milestone.when)}"
                        for n, c in changed
                    ]
                ),
            )


def _dropped(found: _Found) -> Iterator[Point]:
    initiatives = [n for n, _ in found.of(InitiativeDropped)]
    if initiatives:
        yield Point(
            "Initiatives dropped",
            f"{counted(len(initiatives), 'initiative')} no longer listed",
            _listed(initiatives),
        )
    past = found.dropped(DropReason.PAST_DUE)
    if past:
        yield Point(
            "Past due",
            f"{counted(len(past), 'milestone')} due before this edition's date, no longer listed",
            _listed([_due(n, c) for n, c in past]),
        )
    for reason, label, where in (
        (DropReason.AGED_OUT, "Aged out", "ended before this edition's window"),
        (DropReason.BEYOND_WINDOW, "Beyond the window", "starts after this edition's window"),
    ):
        count = len(found.dropped(reason))
        if count:
            yield Point(label, f"{counted(count, 'milestone')} whose period {where}")


def _renamed(found: _Found) -> Iterator[Point]:
    renamed = found.of(InitiativeRenamed)
    retitled = len(found.of(MilestoneRetitled))
    if renamed or retitled:
        parts = [f"{counted(len(renamed), 'initiative')} renamed"] if renamed else []
        parts += [f"{counted(retitled, 'milestone')} retitled"] if retitled else []
        items = [f'"{c.old.name}" is now "{c.new.name}"' for _, c in renamed]
        yield Point("Renamed", " and ".join(parts), _listed(items))


def _others(found: _Found) -> Iterator[Point]:
    for _, change in found.of(WindowChanged):
        yield Point("Window", f"the calendar now covers {change.new} (was {change.old})")
    rest = sum(POINT.of(c) == "changed" and not c.editorial for _, c in found.pairs)
    if rest:
        yield Point(
            "Changed",
            f"{counted(rest, 'change')} of kind, initiative, category, sub-items or status",
        )


def _folded(found: _Found) -> Iterator[Point]:
    suffix = "" if found.full else "; listed in full with --full"
    notes = [
        f"{count} {verb}"
        for kind, verb in (
            (FootnoteAdded, "added"),
            (FootnoteChanged, "changed"),
            (FootnoteDropped, "dropped"),
        )
        if (count := len(found.of(kind)))
    ]
    if notes:
        yield Point("Footnotes", ", ".join(notes) + suffix)
    editorial = sum(c.editorial for _, c in found.pairs)
    if editorial:
        yield Point(
            "Editorial",
            f"{counted(editorial, 'change')} of wording or of the footnotes cited only{suffix}",
        )


_POINTS: Final = (_gone, _delayed, _new, _moved, _dropped, _renamed, _others, _folded)
"""The digest's point makers, in reading order."""
