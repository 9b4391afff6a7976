"""The report order of a diff's links and changes: the same whichever way round it is read."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, count
from operator import attrgetter
from typing import Final, NamedTuple

from calaim_timeline.changes import (
    CHANGE_TYPES,
    MILESTONE_FIELDS,
    Change,
    FootnoteAdded,
    FootnoteChanged,
    FootnoteDropped,
    InitiativeDropped,
    Link,
    MilestoneDropped,
    Side,
)
from calaim_timeline.model import Edition

__all__ = ["Ordered", "ordered", "placement"]

_RANK: Final = {kind: k for k, kind in enumerate(CHANGE_TYPES)}
_FIELD_RANK: Final = {name: k for k, name in enumerate((*MILESTONE_FIELDS, "aliases"))}


class Ordered(NamedTuple):
    """Links and changes in report order."""

    initiative_links: tuple[Link, ...]
    relinked: tuple[Link, ...]
    changes: tuple[Change, ...]


def placement(change: Change, partner: dict[str, str]) -> tuple[int, str | None]:
    """Where a change is reported: (1, new initiative), (2, dropped initiative) or (0, None)."""
    if change.initiative_id is None:
        return (0, None)
    if isinstance(change, InitiativeDropped):
        return (2, change.initiative_id)
    if isinstance(change, MilestoneDropped):
        group = partner.get(change.initiative_id)
        return (2, change.initiative_id) if group is None else (1, group)
    return (1, change.initiative_id)


class _Slot(NamedTuple):
    """Where a change stands in the report, compared field by field."""

    block: int  # 0 the edition as a whole, 1 an initiative of the new edition, 2 a dropped one
    group: int  # the initiative's position in its edition
    section: int  # 0 the initiative itself (or a footnote's number), 1 its milestones, 2 drops
    position: int  # the milestone's position in its initiative (the old one for a drop)
    rank: int  # the change type's place in CHANGE_TYPES
    field: int  # the edited field's place in MILESTONE_FIELDS (then aliases)


def ordered(
    old: Side,
    new: Side,
    initiative_links: list[Link],
    relinked: list[Link],
    changes: list[Change],
) -> Ordered:
    """Links and changes in their canonical order (the same whichever way round)."""
    initiative_rank = {i.id: k for k, i in enumerate(new.edition.initiatives)}
    old_rank = {i.id: k for k, i in enumerate(old.edition.initiatives)}
    new_position, old_position = _positions(new.edition), _positions(old.edition)
    wanted = {link.new for link in relinked}
    lineage_rank: dict[str, int] = {}
    if wanted:
        every = chain.from_iterable(map(_MILESTONES, new.edition.initiatives))
        lineage_rank = dict(zip(map(_LINEAGE, every), count()))
    partner = {link.old: link.new for link in initiative_links}

    def slot(change: Change) -> _Slot:
        rank = _RANK[type(change)]
        block, group = placement(change, partner)
        if group is None:  # the edition as a whole: the window, then footnotes by number
            number = 0
            if isinstance(change, FootnoteAdded | FootnoteDropped | FootnoteChanged):
                number = change.footnote.number
            return _Slot(0, 0, number, 0, rank, 0)
        group_rank = (initiative_rank if block == 1 else old_rank)[group]
        if isinstance(change, MilestoneDropped):
            place = old_position(change.initiative_id, change.milestone_id)
            return _Slot(block, group_rank, 2, place, rank, 0)
        field = _FIELD_RANK.get(getattr(change, "field", ""), 0)
        if change.milestone_id is None:
            return _Slot(block, group_rank, 0, 0, rank, field)
        return _Slot(block, group_rank, 1, new_position(group, change.milestone_id), rank, field)

    return Ordered(
        initiative_links=tuple(
            sorted(initiative_links, key=lambda link: initiative_rank[link.new])
        ),
        relinked=tuple(sorted(relinked, key=lambda link: lineage_rank[link.new])),
        changes=tuple(sorted(changes, key=slot)),
    )


_MILESTONES: Final = attrgetter("milestones")
_LINEAGE: Final = attrgetter("lineage")
_ID: Final = attrgetter("id")


def _positions(edition: Edition) -> Callable[[str, str], int]:
    """The position of a milestone (by id) in an initiative (by id) of ``edition``.

    Each initiative's ids are listed the first time one of its milestones is asked for:
    a diff orders only the milestones that changed.
    """
    initiatives = {i.id: i for i in edition.initiatives}
    known: dict[str, list[str]] = {}

    def position(initiative_id: str, milestone_id: str) -> int:
        ids = known.get(initiative_id)
        if ids is None:
            ids = known[initiative_id] = list(map(_ID, initiatives[initiative_id].milestones))
        return ids.index(milestone_id)

    return position
