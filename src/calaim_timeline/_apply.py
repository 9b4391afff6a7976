"""Rebuilding the new edition from the old one and a diff."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import attrs

from calaim_timeline._changes import (
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
    Side,
    WindowChanged,
    bare,
)
from calaim_timeline.errors import DiffError
from calaim_timeline.model import Edition, Footnote, Initiative, Milestone

if TYPE_CHECKING:
    from calaim_timeline.diff import EditionDiff

__all__ = ["apply_changes"]


def apply_changes(edition: Edition, changes: EditionDiff) -> Edition:
    """Rebuild the new edition from ``edition`` (the diff's old edition) and the changes.

    Milestones are found by lineage and initiatives by id, never by position; the new
    order comes from the diff. Raises :class:`DiffError` when ``edition`` is not the
    diff's old edition or a change the new edition needs is missing (a filtered diff).
    """
    if Side.of(edition) != changes.old:
        msg = (
            f"the diff is from edition {changes.old.header.id!r},"
            f" which is not the edition given ({edition.id!r})"
        )
        raise DiffError(msg)
    initiatives = {i.id: bare(i) for i in edition.initiatives}
    milestones = {m.lineage: m for _, m in edition.milestones()}
    for link in changes.initiative_links:  # re-key matched initiatives by their new id
        initiatives[link.new] = initiatives.pop(link.old)
    for link in changes.milestone_links:  # and matched milestones by their new lineage
        milestones[link.new] = milestones.pop(link.old)
    notes = {n.number: n for n in edition.footnotes}
    for change in changes.changes:
        _apply_one(change, initiatives, milestones, notes)
    built = []
    for initiative_id, entries in changes.new.layout:
        own = tuple(
            attrs.evolve(_need(milestones, lineage), id=mid, lineage=lineage)
            for mid, lineage in entries
        )
        built.append(attrs.evolve(_need(initiatives, initiative_id), milestones=own))
    return attrs.evolve(
        changes.new.header,
        initiatives=tuple(built),
        footnotes=tuple(notes[number] for number in sorted(notes)),
    )


def _need(found: dict[str, Any], key: str) -> Any:  # noqa: ANN401 - a milestone or an initiative
    try:
        return found[key]
    except KeyError:
        msg = (
            f"the diff has no change that provides {key!r}:"
            " apply needs the whole diff, not a filtered one"
        )
        raise DiffError(msg) from None


_SETTERS: Final[dict[type, Callable[[Any], dict[str, Any]]]] = {
    MilestoneShifted: lambda c: {"when": c.new.milestone.when},
    MilestoneRetitled: lambda c: {"title": c.new.milestone.title},
    MilestoneRekinded: lambda c: {"kind": c.new.milestone.kind},
    MilestoneMoved: lambda _: {},
    MilestoneEdited: lambda c: {c.field: getattr(c.new.milestone, c.field)},
    InitiativeRenamed: lambda c: {"id": c.new.id, "name": c.new.name, "aliases": c.new.aliases},
    InitiativeRecategorized: lambda c: {"category": c.new.category},
    InitiativeEdited: lambda c: {c.field: getattr(c.new, c.field)},
}


def _apply_one(
    change: Change,
    initiatives: dict[str, Initiative],
    milestones: dict[str, Milestone],
    notes: dict[int, Footnote],
) -> None:
    if isinstance(change, MilestoneAdded):
        milestones[change.item.lineage] = change.item
    elif isinstance(change, MilestoneDropped):
        milestones.pop(change.item.lineage, None)
    elif isinstance(change, InitiativeAdded):
        initiatives[change.item.id] = change.item
    elif isinstance(change, InitiativeDropped):
        initiatives.pop(change.item.id, None)
    elif isinstance(change, FootnoteAdded):
        notes[change.note.number] = change.note
    elif isinstance(change, FootnoteDropped):
        notes.pop(change.note.number, None)
    elif isinstance(change, FootnoteChanged):
        notes[change.new.number] = change.new
    elif isinstance(change, WindowChanged):
        return  # the new header carries the window
    elif isinstance(change, InitiativeRenamed | InitiativeRecategorized | InitiativeEdited):
        initiatives[change.new.id] = attrs.evolve(
            initiatives[change.new.id], **_SETTERS[type(change)](change)
        )
    else:
        lineage = change.new.milestone.lineage
        milestones[lineage] = attrs.evolve(milestones[lineage], **_SETTERS[type(change)](change))
