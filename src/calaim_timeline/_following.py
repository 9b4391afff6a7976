"""Following each milestone through a sequence of editions, across editions that omit it.

:class:`calaim_timeline.history.Timeline` is built on :func:`follow`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from calaim_timeline.matching import pairing
from calaim_timeline.model import Edition, Initiative, Milestone

__all__ = ["RECENT", "Chain", "follow"]

Chain = list[tuple[int, Initiative, Milestone]]
"""One milestone's listings: (edition index, its initiative without milestones, milestone)."""


def follow(editions: Sequence[Edition], *, threshold: float) -> list[Chain]:
    """Each milestone's chain of listings through ``editions`` (oldest first), in order of birth.

    Examples:
        >>> from calaim_timeline import Archive
        >>> chains = follow(Archive.bundled().editions, threshold=85.0)
        >>> len(chains), [len(chain) for chain in chains][:3]
        (70, [1, 1, 1])
    """
    chains: list[Chain] = []
    listed: dict[str, int] = {}  # lineage in the previous edition -> its chain
    dormant = _Dormant()
    for k, edition in enumerate(editions):
        found: dict[str, int] = {}
        if k:
            found = _continued(editions[k - 1], edition, listed, dormant, threshold)
            for stopped in set(listed.values()) - set(found.values()):
                _, last_home, last_milestone = chains[stopped][-1]
                dormant.add(stopped, last_home, last_milestone)
        now: dict[str, int] = {}
        for initiative in edition.initiatives:
            home = attrs.evolve(initiative, milestones=())
            for milestone in initiative.milestones:
                chain = found.get(milestone.lineage)
                if chain is None:
                    chain = len(chains)
                    chains.append([])
                chains[chain].append((k, home, milestone))
                now[milestone.lineage] = chain
        listed = now
    return chains


def _continued(
    previous: Edition,
    edition: Edition,
    listed: dict[str, int],
    dormant: _Dormant,
    threshold: float,
) -> dict[str, int]:
    """The chains that the milestones of ``edition`` continue, by their lineage there.

    First those of the previous edition (matched as a diff matches); then, for what is
    left, the chains last seen in an earlier edition, matched the same way against
    their last listings: those of the same lineage anywhere, and the most recently
    dropped of those last listed in the initiatives that what is left stands in (or
    was matched from; :data:`RECENT` of each). So a milestone omitted for a while keeps
    its history, at a cost that grows with what is left, not with every milestone ever
    dropped.
    """
    found = pairing(previous, edition, threshold=threshold, edits=False)
    continued = {lineage: listed[lineage] for lineage in found.same}
    continued |= {new: listed[old] for old, new, _, _ in found.pairs}
    if not dormant.last or not found.new_left:
        return continued
    homes = {found.placed[key][0].id for key in found.new_left}
    homes |= {pair.old.id for pair in found.initiatives if pair.new.id in homes}
    pool = dormant.candidates(found.new_left.keys(), homes)
    if not pool:
        return continued
    last_seen = _gathered(edition, pool.values())
    rest = _gathered(edition, ((found.placed[k][0], m) for k, m in found.new_left.items()))
    chain_of = {m.lineage: chain for chain, (_, m) in pool.items()}
    again = pairing(last_seen, rest, threshold=threshold, edits=False)
    resumed = {lineage: chain_of[lineage] for lineage in again.same}
    resumed |= {new: chain_of[old] for old, new, _, _ in again.pairs}
    for chain in resumed.values():
        dormant.remove(chain)
    return continued | resumed


RECENT: Final = 4
"""How many of an initiative's most recently dropped milestones a new one is matched
against (besides any of its own lineage): what keeps a long history's cost linear."""


@attrs.define
class _Dormant:
    """The chains whose milestone the editions since its last listing leave out."""

    last: dict[int, tuple[Initiative, Milestone]] = attrs.Factory(dict)
    by_lineage: dict[str, int] = attrs.Factory(dict)
    by_home: defaultdict[str, dict[int, None]] = attrs.Factory(lambda: defaultdict(dict))
    """Each initiative's dormant chains, in the order they were dropped."""

    def add(self, chain: int, initiative: Initiative, milestone: Milestone) -> None:
        self.last[chain] = (initiative, milestone)
        self.by_lineage[milestone.lineage] = chain
        recent = self.by_home[initiative.id]
        recent[chain] = None
        if len(recent) > RECENT:  # the oldest drop stays findable by its lineage only
            del recent[next(iter(recent))]

    def remove(self, chain: int) -> None:
        initiative, milestone = self.last.pop(chain)
        if self.by_lineage.get(milestone.lineage) == chain:
            del self.by_lineage[milestone.lineage]
        self.by_home[initiative.id].pop(chain, None)

    def candidates(
        self, lineages: Iterable[str], homes: Iterable[str]
    ) -> dict[int, tuple[Initiative, Milestone]]:
        """The chains of these lineages, and the :data:`RECENT` last dropped of each home."""
        chosen = {self.by_lineage[x] for x in lineages if x in self.by_lineage}
        for home in homes:
            chosen.update(self.by_home.get(home, {}))
        return {chain: self.last[chain] for chain in sorted(chosen)}


def _gathered(edition: Edition, placed: Iterable[tuple[Initiative, Milestone]]) -> Edition:
    """``edition`` holding only the ``placed`` milestones, each in its initiative."""
    homes: dict[str, tuple[Initiative, list[Milestone]]] = {}
    for initiative, milestone in placed:
        homes.setdefault(initiative.id, (initiative, []))[1].append(milestone)
    return attrs.evolve(
        edition,
        initiatives=tuple(
            attrs.evolve(initiative, milestones=tuple(milestones))
            for initiative, milestones in homes.values()
        ),
    )
