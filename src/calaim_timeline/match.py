"""Pairing initiatives and milestones across two editions.

Published editions carry no ids, so identity is found in stages, each over what the
earlier stages left unmatched:

initiatives
    1. ``id``: the same initiative id;
    2. ``alias``: one side's aliases name the other's id or name (a rename);
    3. ``title``: the same normalised name;
    4. ``similar``: the most similar names, at or above the threshold.

milestones
    1. ``lineage``: the same lineage id, in any initiative;
    2. ``title``: the same normalised title within a pair of matched initiatives;
    3. ``similar``: the most similar titles within a pair of matched initiatives;
    4. ``moved``: the most similar titles across initiatives.

Similarity never pairs titles whose numbers differ ("Program Year 1" is not "Program
Year 2").

Similar pairs are assigned one to one, best score first; ties are broken by the
normalised titles and ids, never by position, so the result does not depend on the order
of milestones in a file, and matching ``new`` against ``old`` gives the same pairs as
matching ``old`` against ``new``.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from typing import Final, Generic, TypeVar

import attrs

from calaim_timeline._similarity import normalise, numbers, similarity
from calaim_timeline.model import Edition, Initiative, Milestone

__all__ = [
    "DEFAULT_THRESHOLD",
    "InitiativePair",
    "Matching",
    "MilestonePair",
    "Stage",
    "match",
    "normalise",
    "numbers",
    "similarity",
]

DEFAULT_THRESHOLD: Final = 85.0
"""The least similarity (0 to 100) at which two titles may be paired.

At 85, "MOT Carve-In goes live" and "MSSP Carve-Out goes live" (83) stay apart, while
"Network Guidance to Plans" and "Final Network Guidance to Plans" (89) are paired.
"""


class Stage(enum.Enum):
    """How a pair was found.

    Examples:
        >>> [stage.value for stage in Stage]
        ['id', 'lineage', 'alias', 'title', 'similar', 'moved']
    """

    ID = "id"
    LINEAGE = "lineage"
    ALIAS = "alias"
    TITLE = "title"
    SIMILAR = "similar"
    MOVED = "moved"


@attrs.frozen
class InitiativePair:
    """An initiative of the old edition and its counterpart in the new one.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> pair = match(archive["2021-01"], archive["2021-11"]).initiatives[1]
        >>> pair.old.id, pair.new.id, pair.stage.value
        ('ecm-ilos', 'ecm-community-supports', 'alias')
    """

    old: Initiative
    new: Initiative
    stage: Stage
    score: float


@attrs.frozen
class MilestonePair:
    """A milestone of the old edition, its counterpart in the new one, and where each is.

    Examples:
        >>> from calaim_timeline import Archive
        >>> november = Archive.bundled()["2021-11"]
        >>> pair = match(november, november).milestones[0]
        >>> pair.old_initiative.id, pair.old.id, pair.new.id
        ('cross-initiative-milestones', 'waiver-cms-approval', 'waiver-cms-approval')
        >>> pair.stage.value, pair.score
        ('lineage', 100.0)
    """

    old_initiative: Initiative
    old: Milestone
    new_initiative: Initiative
    new: Milestone
    stage: Stage
    score: float


@attrs.frozen
class Matching:
    """The pairs found, and what stayed unmatched on either side (in document order).

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> found = match(archive["2021-01"], archive["2021-11"])
        >>> len(found.milestones), len(found.old_milestones), len(found.new_milestones)
        (0, 14, 56)
    """

    initiatives: tuple[InitiativePair, ...]
    milestones: tuple[MilestonePair, ...]
    old_initiatives: tuple[Initiative, ...]
    new_initiatives: tuple[Initiative, ...]
    old_milestones: tuple[tuple[Initiative, Milestone], ...]
    new_milestones: tuple[tuple[Initiative, Milestone], ...]


T = TypeVar("T")


@attrs.define
class _Pool(Generic[T]):
    """Items of both sides still waiting for a partner, by a stable key."""

    old: dict[str, T]
    new: dict[str, T]

    def take(self, old_key: str, new_key: str) -> tuple[T, T]:
        return self.old.pop(old_key), self.new.pop(new_key)


def _by_equal_key(
    old: Iterable[tuple[str, str]], new: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Pair keys whose values are equal; equal values on one side pair in key order."""
    groups: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for key, value in old:
        groups[value][0].append(key)
    for key, value in new:
        groups[value][1].append(key)
    return [
        pair
        for value in sorted(groups)
        for pair in zip(sorted(groups[value][0]), sorted(groups[value][1]), strict=False)
    ]


def _by_similarity(
    old: dict[str, str], new: dict[str, str], threshold: float
) -> list[tuple[str, str, float]]:
    """One-to-one pairs of keys by descending similarity of their texts (at least ``threshold``).

    Ties are broken by the unordered pair of (normalised text, key), which reads the same
    from either side, so swapping ``old`` and ``new`` swaps the pairs and nothing else.
    """
    if not old or not new:
        return []
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - only matching needs it

    # Titles whose numbers differ are never paired: compare only within a numbers bucket.
    buckets: dict[tuple[str, ...], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for key, title in new.items():
        text = normalise(title)
        bucket = buckets[numbers(text)]
        bucket[0].append(key)
        bucket[1].append(text)
    candidates = []
    for key, title in old.items():
        text = normalise(title)
        new_keys, new_texts = buckets.get(numbers(text), ([], []))
        if not new_keys:
            continue
        found = process.extract(
            text, new_texts, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
        )
        for _, score, index in found:
            tie = sorted([(text, key), (new_texts[index], new_keys[index])])
            candidates.append((-score, tie, key, new_keys[index]))
    candidates.sort()
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    pairs = []
    for negative, _, key, other in candidates:
        if key not in taken_old and other not in taken_new:
            taken_old.add(key)
            taken_new.add(other)
            pairs.append((key, other, -negative))
    return pairs


def _match_initiatives(
    old: Edition, new: Edition, threshold: float
) -> tuple[list[InitiativePair], _Pool[Initiative]]:
    pool = _Pool({i.id: i for i in old.initiatives}, {i.id: i for i in new.initiatives})
    pairs: list[InitiativePair] = []

    def keep(found: Iterable[tuple[str, str]], stage: Stage) -> None:
        for old_key, new_key in found:
            pairs.append(InitiativePair(*pool.take(old_key, new_key), stage, 100.0))

    keep([(k, k) for k in sorted(pool.old.keys() & pool.new.keys())], Stage.ID)
    keep(_aliased(pool), Stage.ALIAS)
    keep(
        _by_equal_key(
            ((k, normalise(i.name)) for k, i in pool.old.items()),
            ((k, normalise(i.name)) for k, i in pool.new.items()),
        ),
        Stage.TITLE,
    )
    for old_key, new_key, score in _by_similarity(
        {k: i.name for k, i in pool.old.items()},
        {k: i.name for k, i in pool.new.items()},
        threshold,
    ):
        pairs.append(InitiativePair(*pool.take(old_key, new_key), Stage.SIMILAR, score))
    return pairs, pool


def _aliased(pool: _Pool[Initiative]) -> list[tuple[str, str]]:
    """Pairs where either side's aliases name the other's id or name."""

    def names(initiative: Initiative) -> set[str]:
        return {initiative.id, normalise(initiative.name)}

    def aliases(initiative: Initiative) -> set[str]:
        return {a for alias in initiative.aliases for a in (alias, normalise(alias))}

    found = []
    taken: set[str] = set()
    for old_key in sorted(pool.old):
        before = pool.old[old_key]
        for new_key in sorted(pool.new.keys() - taken):
            after = pool.new[new_key]
            if aliases(after) & names(before) or aliases(before) & names(after):
                found.append((old_key, new_key))
                taken.add(new_key)
                break
    return found


@attrs.frozen
class Pairing:
    """What :func:`match` finds, kept compact for large editions (used by ``diff``).

    ``same`` lists the lineages found in both editions (the ``lineage`` stage, which
    pairs most milestones), in no particular order; ``pairs`` the other milestone
    pairs as (old lineage, new lineage, stage, score); ``old_home`` and ``new_home``
    map each lineage to its milestone's initiative, ``old_milestones`` and
    ``new_milestones`` to the milestone.
    """

    initiatives: list[InitiativePair]
    old_initiatives: dict[str, Initiative]
    new_initiatives: dict[str, Initiative]
    old_milestones: dict[str, Milestone]
    new_milestones: dict[str, Milestone]
    old_home: dict[str, Initiative]
    new_home: dict[str, Initiative]
    same: set[str]
    pairs: list[tuple[str, str, Stage, float]]
    old_left: dict[str, Milestone]
    new_left: dict[str, Milestone]


def pairing(old: Edition, new: Edition, *, threshold: float = DEFAULT_THRESHOLD) -> Pairing:
    """Pair the initiatives and milestones of ``old`` with those of ``new``, compactly.

    Examples:
        >>> from calaim_timeline import Archive
        >>> november = Archive.bundled()["2021-11"]
        >>> found = pairing(november, november)
        >>> len(found.same), found.pairs, found.old_left
        (56, [], {})
    """
    initiative_pairs, initiative_pool = _match_initiatives(old, new, threshold)
    old_milestones, home_old = _index(old)
    new_milestones, home_new = _index(new)
    same = old_milestones.keys() & new_milestones.keys()
    # The unmatched are few: set arithmetic finds them without a pass over every milestone.
    pool = _Pool(
        {k: old_milestones[k] for k in sorted(old_milestones.keys() - same)},
        {k: new_milestones[k] for k in sorted(new_milestones.keys() - same)},
    )
    pairs: list[tuple[str, str, Stage, float]] = []

    def keep(found: Iterable[tuple[str, str, float]], stage: Stage) -> None:
        for old_key, new_key, score in found:
            pool.take(old_key, new_key)
            pairs.append((old_key, new_key, stage, score))

    def titles(side: dict[str, Milestone], keys: list[str]) -> dict[str, str]:
        return {k: side[k].title for k in keys if k in side}

    old_groups = _grouped(pool.old, home_old)
    new_groups = _grouped(pool.new, home_new)
    for pair in initiative_pairs:
        before, after = old_groups[pair.old.id], new_groups[pair.new.id]
        found = _by_equal_key(
            ((k, normalise(pool.old[k].title)) for k in before),
            ((k, normalise(pool.new[k].title)) for k in after),
        )
        keep(((o, n, 100.0) for o, n in found), Stage.TITLE)
        keep(
            _by_similarity(titles(pool.old, before), titles(pool.new, after), threshold),
            Stage.SIMILAR,
        )
    # Within matched initiatives nothing similar enough is left, so these are moves.
    keep(
        _by_similarity(
            {k: m.title for k, m in pool.old.items()},
            {k: m.title for k, m in pool.new.items()},
            threshold,
        ),
        Stage.MOVED,
    )
    return Pairing(
        initiatives=initiative_pairs,
        old_initiatives=initiative_pool.old,
        new_initiatives=initiative_pool.new,
        old_milestones=old_milestones,
        new_milestones=new_milestones,
        old_home=home_old,
        new_home=home_new,
        same=same,
        pairs=pairs,
        old_left=pool.old,
        new_left=pool.new,
    )


def match(old: Edition, new: Edition, *, threshold: float = DEFAULT_THRESHOLD) -> Matching:
    """Pair the initiatives and milestones of ``old`` with those of ``new``.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> found = match(archive["2021-01"], archive["2021-11"])
        >>> [(p.old.id, p.stage.value) for p in found.initiatives]
        [('cross-initiative-milestones', 'id'), ('ecm-ilos', 'alias')]
    """
    found = pairing(old, new, threshold=threshold)
    before, after = found.old_milestones, found.new_milestones
    old_home, new_home = found.old_home, found.new_home
    pairs = [
        MilestonePair(old_home[o], before[o], new_home[n], after[n], stage, score)
        for o, n, stage, score in [
            *((k, k, Stage.LINEAGE, 100.0) for k in found.same),
            *found.pairs,
        ]
    ]
    new_order = {lineage: k for k, lineage in enumerate(after)}
    new_initiative_order = {i.id: k for k, i in enumerate(new.initiatives)}
    return Matching(
        initiatives=tuple(sorted(found.initiatives, key=lambda p: new_initiative_order[p.new.id])),
        milestones=tuple(sorted(pairs, key=lambda p: new_order[p.new.lineage])),
        old_initiatives=tuple(i for i in old.initiatives if i.id in found.old_initiatives),
        new_initiatives=tuple(i for i in new.initiatives if i.id in found.new_initiatives),
        old_milestones=tuple((old_home[k], m) for k, m in before.items() if k in found.old_left),
        new_milestones=tuple((new_home[k], m) for k, m in after.items() if k in found.new_left),
    )


def _index(edition: Edition) -> tuple[dict[str, Milestone], dict[str, Initiative]]:
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


def _grouped(pool: dict[str, Milestone], home: dict[str, Initiative]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key in pool:
        groups[home[key].id].append(key)
    return groups
