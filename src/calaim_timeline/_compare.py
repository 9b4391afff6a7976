"""Finding the change records of two editions, from the pairs that matching found."""

from __future__ import annotations

from collections.abc import Iterator

from calaim_timeline.changes import (
    MILESTONE_FIELDS,
    AddReason,
    Change,
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
    Placed,
    WindowChanged,
    bare,
)
from calaim_timeline.matching import Pairing, Stage, category_links
from calaim_timeline.model import Edition

__all__ = ["changes"]


def changes(old: Edition, new: Edition, found: Pairing) -> list[Change]:
    """Every change from ``old`` to ``new``, given how their contents were paired."""
    return [
        *_edition_changes(old, new),
        *_initiative_changes(found, category_links(old, new)),
        *_milestone_changes(old, new, found),
    ]


def _edition_changes(old: Edition, new: Edition) -> Iterator[Change]:
    if old.window != new.window:
        yield WindowChanged(old=old.window, new=new.window)
    before = {n.number: n for n in old.footnotes}
    after = {n.number: n for n in new.footnotes}
    for number in sorted(before.keys() | after.keys()):
        if number not in after:
            yield FootnoteDropped(old=before[number])
        elif number not in before:
            yield FootnoteAdded(new=after[number])
        elif before[number] != after[number]:
            yield FootnoteChanged(old=before[number], new=after[number])


def _initiative_changes(found: Pairing, categories: dict[str, str]) -> Iterator[Change]:
    for initiative in found.old_initiatives.values():
        yield InitiativeDropped(old=bare(initiative))
    for initiative in found.new_initiatives.values():
        yield InitiativeAdded(new=bare(initiative))
    for pair in found.initiatives:
        before, after = pair.old, pair.new
        renamed = before.name != after.name  # a new id alone is no news to a reader
        recategorized = categories.get(before.category or "", before.category) != after.category
        footnotes = before.footnotes != after.footnotes
        aliases = before.aliases != after.aliases and not renamed
        if not (renamed or recategorized or footnotes or aliases):
            continue  # most pairs: no record, so no bare copies either
        old, new = bare(before), bare(after)
        if renamed:
            yield InitiativeRenamed(old=old, new=new, stage=pair.stage, score=pair.score)
        if recategorized:
            yield InitiativeRecategorized(old=old, new=new)
        if footnotes:
            yield InitiativeEdited(old=old, new=new, field="footnotes")
        if aliases:
            yield InitiativeEdited(old=old, new=new, field="aliases")


def _milestone_changes(old: Edition, new: Edition, found: Pairing) -> Iterator[Change]:
    old_home, placed = found.old_home, found.placed
    for lineage, milestone in found.old_left.items():
        reason = DropReason.of(milestone.when, new.window, new.as_of)
        yield MilestoneDropped(old=Placed(old_home[lineage].id, milestone), reason=reason)
    for lineage, milestone in found.new_left.items():
        added = AddReason.of(milestone.when, old.window)
        yield MilestoneAdded(new=Placed(placed[lineage][0].id, milestone), reason=added)
    partner = {p.old.id: p.new.id for p in found.initiatives}
    before = found.old_milestones
    for old_key, new_key, stage in (
        *((lineage, lineage, Stage.LINEAGE) for lineage in found.edited),
        *((old_key, new_key, stage) for old_key, new_key, stage, _ in found.pairs),
    ):
        home, milestone = placed[new_key]
        yield from _pair_changes(
            Placed(old_home[old_key].id, before[old_key]),
            Placed(home.id, milestone),
            stage,
            partner,
        )


def _pair_changes(
    before: Placed, after: Placed, stage: Stage, partner: dict[str, str]
) -> Iterator[Change]:
    old, new = before.milestone, after.milestone
    if partner.get(before.initiative_id) != after.initiative_id:
        yield MilestoneMoved(old=before, new=after)
    if old.title != new.title:
        yield MilestoneRetitled(old=before, new=after, stage=stage)
    if old.when != new.when:
        yield MilestoneShifted(old=before, new=after)
    if old.kind != new.kind:
        yield MilestoneRekinded(old=before, new=after)
    for name in MILESTONE_FIELDS:
        if getattr(old, name) != getattr(new, name):
            yield MilestoneEdited(old=before, new=after, field=name)
