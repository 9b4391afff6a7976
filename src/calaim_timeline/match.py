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
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Final, Generic, TypeVar

import attrs

from calaim_timeline._similarity import compared, glossary, normalise, numbers, similarity
from calaim_timeline.model import Edition, Initiative, Milestone, MilestoneKind
from calaim_timeline.period import Period

__all__ = [
    "DEFAULT_THRESHOLD",
    "REVIEW_BELOW",
    "InitiativePair",
    "Matching",
    "MilestonePair",
    "Stage",
    "category_links",
    "confidence",
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


REVIEW_BELOW: Final = 0.9
"""Pairs less sure than this are flagged for review in every output (``"review": true``)."""

_SURE: Final = {"milestones": 0.95, "acronyms": 0.9, "contained": 0.85, "context": 0.75}


def confidence(stage: Stage, score: float) -> float:
    """How sure a pair is, 0 to 1: what its stage proves, and its score where it has one.

    Ids, lineages, aliases and equal titles are certain; milestones that followed an
    initiative 0.95; shared acronyms 0.9; one name within the other 0.85; the only pair
    left with the same period and kind 0.75; similarity its score (85 is 0.85).

    Examples:
        >>> confidence(Stage.LINEAGE, 100.0), confidence(Stage.SIMILAR, 88.0)
        (1.0, 0.88)
        >>> confidence(Stage.CONTEXT, 40.0) < REVIEW_BELOW
        True
    """
    if stage in (Stage.SIMILAR, Stage.MOVED):
        return score / 100
    return _SURE.get(stage.value, 1.0)


class Stage(enum.Enum):
    """How a pair was found.

    Examples:
        >>> [stage.value for stage in Stage]  # doctest: +NORMALIZE_WHITESPACE
        ['id', 'lineage', 'alias', 'title', 'milestones', 'acronyms', 'contained', 'context',
         'similar', 'moved']
    """

    ID = "id"
    """Initiatives: the same id."""
    LINEAGE = "lineage"
    """Milestones: the same lineage."""
    ALIAS = "alias"
    """Initiatives: an alias names the other's id or name."""
    TITLE = "title"
    """The same normalised name or title."""
    MILESTONES = "milestones"
    """Initiatives: the old one's milestones all went to the new one, which has no others."""
    ACRONYMS = "acronyms"
    """Initiatives: the same acronyms in parentheses, "(ECM)", "(ILOS)", and no other has them."""
    CONTAINED = "contained"
    """Initiatives: one name's words, in order, within the other's, and no other's."""
    CONTEXT = "context"
    """Milestones: the only two left in a pair of initiatives with the same period and kind."""
    SIMILAR = "similar"
    """The most similar names or titles, at or above the threshold."""
    MOVED = "moved"
    """Milestones: the most similar titles across initiatives."""


@attrs.frozen
class InitiativePair:
    """An initiative of the old edition and its counterpart in the new one.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> pair = match(archive["2021-01"], archive["2021-11"]).initiatives[1]
        >>> pair.old.id, pair.new.id, pair.stage.value
        ('ecm-ilos', 'ecm-community-supports', 'acronyms')
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
    # Each title is compared as written and, where either side spells out an abbreviation
    # ("American Society of Addiction Medicine (ASAM)"), with the long form cut to the
    # acronym; the better of the two scores counts.
    terms = glossary([*old.values(), *new.values()])
    forms = [normalise] if not terms else [normalise, lambda title: compared(title, terms)]
    best: dict[tuple[str, str], float] = {}
    # Each title of the smaller side is scored against the larger side at once, in C.
    swap = len(old) > len(new)
    queries, choices = (new, old) if swap else (old, new)
    for form in forms:
        buckets: dict[tuple[str, ...], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for key, title in choices.items():
            bucket = buckets[numbers(title)]
            bucket[0].append(key)
            bucket[1].append(form(title))
        for key, title in queries.items():
            keys, texts = buckets.get(numbers(title), ([], []))
            found = process.extract(
                form(title), texts, scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
            )
            for _, score, index in found:
                pair = (keys[index], key) if swap else (key, keys[index])
                best[pair] = max(score, best.get(pair, 0.0))
    candidates = [
        (-score, sorted([(normalise(old[key]), key), (normalise(new[other]), other)]), key, other)
        for (key, other), score in best.items()
    ]
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
    keep(_mutual(_followed(old, new, pool)), Stage.MILESTONES)
    keep(_mutual(_related(pool, _same_acronyms)), Stage.ACRONYMS)
    keep(_mutual(_related(pool, _one_within_other)), Stage.CONTAINED)
    for old_key, new_key, score in _by_similarity(
        {k: i.name for k, i in pool.old.items()},
        {k: i.name for k, i in pool.new.items()},
        threshold,
    ):
        pairs.append(InitiativePair(*pool.take(old_key, new_key), Stage.SIMILAR, score))
    return pairs, pool


def _mutual(related: dict[str, set[str]]) -> list[tuple[str, str]]:
    """The pairs (old, new) where each is the other's only candidate: one to one, symmetric."""
    backward: dict[str, set[str]] = defaultdict(set)
    for old_key, candidates in related.items():
        for new_key in candidates:
            backward[new_key].add(old_key)
    return sorted(
        (old_key, next(iter(candidates)))
        for old_key, candidates in related.items()
        if len(candidates) == 1 and backward[next(iter(candidates))] == {old_key}
    )


def _related(
    pool: _Pool[Initiative], related: Callable[[Initiative, Initiative], bool]
) -> dict[str, set[str]]:
    """For each waiting old initiative, the waiting new ones ``related`` to it."""
    return {
        old_key: {new_key for new_key, after in pool.new.items() if related(before, after)}
        for old_key, before in pool.old.items()
    }


_ACRONYM: Final = re.compile(r"\(([A-Z][A-Za-z0-9&/-]*[A-Z0-9])\)")


def _same_acronyms(before: Initiative, after: Initiative) -> bool:
    """The same acronyms in parentheses: "… (ECM) and … (ILOS)" and "… (ECM)/ … (ILOS)"."""
    acronyms = set(_ACRONYM.findall(before.name))
    return bool(acronyms) and acronyms == set(_ACRONYM.findall(after.name))


def _one_within_other(before: Initiative, after: Initiative) -> bool:
    """One name's words, in order, within the other's, with the same numbers."""
    return _words_within(before.name, after.name)


def _words_within(left: str, right: str) -> bool:
    """Whether one text's words stand in order in the other's, and their numbers agree."""
    old, new = normalise(left).split(), normalise(right).split()
    shorter, longer = (old, new) if len(old) <= len(new) else (new, old)
    words = iter(longer)
    return numbers(left) == numbers(right) and all(w in words for w in shorter)


def _followed(old: Edition, new: Edition, pool: _Pool[Initiative]) -> dict[str, set[str]]:
    """For each waiting old initiative, where its milestones went (by lineage or title).

    Only the initiatives still waiting on the new side are candidates, and only if every
    milestone that went anywhere went there: a milestone that went to an initiative
    already matched is evidence of a split, not of a rename.
    """
    if not pool.old or not pool.new:
        return {}
    new_home_of: dict[str, str] = {}
    title_home: dict[str, set[str]] = defaultdict(set)
    for initiative in new.initiatives:
        for milestone in initiative.milestones:
            new_home_of[milestone.lineage] = initiative.id
            title_home[normalise(milestone.title)].add(initiative.id)
    found: dict[str, set[str]] = {}
    reached_by_matched: set[str] = set()
    for initiative in old.initiatives:
        homes: set[str] = set()
        for milestone in initiative.milestones:
            home = new_home_of.get(milestone.lineage)
            titled = title_home.get(normalise(milestone.title), set())
            homes |= {home} if home is not None else titled if len(titled) == 1 else set()
        if initiative.id in pool.old:
            found[initiative.id] = homes if homes <= pool.new.keys() else set()
        else:
            reached_by_matched |= homes
    return {key: homes - reached_by_matched for key, homes in found.items()}


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
        keep(_by_context(pool, before, after), Stage.CONTEXT)
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
        [('cross-initiative-milestones', 'id'), ('ecm-ilos', 'acronyms')]
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


def _by_context(
    pool: _Pool[Milestone], before: list[str], after: list[str]
) -> list[tuple[str, str, float]]:
    """Pairs of a matched pair of initiatives left alone with the same period and kind.

    A milestone retitled by inserting or removing words ("X policy goes live" and "X
    benefits and pay-for-performance policy goes live") is too unlike itself for
    similarity: if it is the only one left in its initiative with that period and kind
    on each side, and one title's words stand in order in the other's, it is the same
    milestone.
    """
    groups: dict[tuple[Period, MilestoneKind | None], tuple[list[str], list[str]]] = defaultdict(
        lambda: ([], [])
    )
    for key in before:
        if key in pool.old:
            groups[pool.old[key].when, pool.old[key].kind][0].append(key)
    for key in after:
        if key in pool.new:
            groups[pool.new[key].when, pool.new[key].kind][1].append(key)
    found = []
    for olds, news in groups.values():
        if len(olds) == len(news) == 1:
            old, new = pool.old[olds[0]], pool.new[news[0]]
            if _words_within(old.title, new.title):
                found.append((olds[0], news[0], similarity(old.title, new.title)))
    return sorted(found)


def category_links(old: Edition, new: Edition) -> dict[str, str]:
    """Each old category id and the id of the same category in ``new``.

    The same id, or else the same normalised name (one to one): a category that only
    changed its id, as an importer's slug of its name does, is the same category.

    Examples:
        >>> import attrs
        >>> from calaim_timeline import Archive, Category
        >>> november = Archive.bundled()["2021-11"]
        >>> slugged = attrs.evolve(
        ...     november, categories=(Category(id="managed-care-initiatives",
        ...                                    name="Managed Care Initiatives"),))
        >>> category_links(november, slugged)
        {'managed-care': 'managed-care-initiatives'}
    """
    new_ids = {c.id for c in new.categories}
    links = {c.id: c.id for c in old.categories if c.id in new_ids}
    found = _by_equal_key(
        ((c.id, normalise(c.name)) for c in old.categories if c.id not in links),
        ((c.id, normalise(c.name)) for c in new.categories if c.id not in links.values()),
    )
    return {**links, **dict(found)}


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
