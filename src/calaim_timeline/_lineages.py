"""The milestones of an edition by lineage, and the keys a matching stage compares."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from calaim_timeline._similarity import normalise
from calaim_timeline.model import Edition, Initiative, Milestone

__all__ = ["grouped", "indexed", "titled"]


def titled(
    side: dict[str, Milestone], keys: list[str], *, exact: bool
) -> Iterator[tuple[str, str]]:
    """Each waiting key with its normalised title (and, if ``exact``, period and kind)."""
    for key in keys:
        milestone = side.get(key)
        if milestone is not None:
            title = normalise(milestone.title)
            kind = milestone.kind.value if milestone.kind else ""
            yield key, f"{title}\0{milestone.when}\0{kind}" if exact else title


def indexed(edition: Edition) -> tuple[dict[str, Milestone], dict[str, Initiative]]:
    """Each lineage's milestone and its initiative, in document order.

    Each milestone is read once; the dicts are filled by C loops, which matters at
    100,000 milestones.
    """
    milestones: dict[str, Milestone] = {}
    home: dict[str, Initiative] = {}
    for initiative in edition.initiatives:
        lineages = [m.lineage for m in initiative.milestones]
        milestones.update(zip(lineages, initiative.milestones, strict=True))
        home.update(dict.fromkeys(lineages, initiative))
    return milestones, home


def grouped(pool: dict[str, Milestone], home: dict[str, Initiative]) -> dict[str, list[str]]:
    """The keys of ``pool`` by the id of the initiative each is in."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in pool:
        groups[home[key].id].append(key)
    return groups
