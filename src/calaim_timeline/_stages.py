"""How each stage of matching finds its pairs (see :mod:`calaim_timeline.matching`).

Every function here pairs keys one to one, deterministically, and reads the same from
either side: swapping old and new swaps the pairs and nothing else.
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
from calaim_timeline.period import When

__all__ = [
    "DEFAULT_THRESHOLD",
    "REVIEW_BELOW",
    "Pool",
    "Stage",
    "aliased",
    "by_context",
    "by_equal_key",
    "by_renumbering",
    "by_similarity",
    "confidence",
    "followed",
    "mutual",
    "one_within_other",
    "related",
    "same_acronyms",
]


T = TypeVar("T")


@attrs.define
class Pool(Generic[T]):
    """Items of both sides still waiting for a partner, by a stable key."""

    old: dict[str, T]
    new: dict[str, T]

    def take(self, old_key: str, new_key: str) -> tuple[T, T]:
        return self.old.pop(old_key), self.new.pop(new_key)


def by_equal_key(
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


def by_similarity(
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


def mutual(related: dict[str, set[str]]) -> list[tuple[str, str]]:
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


def related(
    pool: Pool[Initiative], related: Callable[[Initiative, Initiative], bool]
) -> dict[str, set[str]]:
    """For each waiting old initiative, the waiting new ones ``related`` to it."""
    return {
        old_key: {new_key for new_key, after in pool.new.items() if related(before, after)}
        for old_key, before in pool.old.items()
    }


_ACRONYM: Final = re.compile(r"\(([A-Z][A-Za-z0-9&/-]*[A-Z0-9])\)")


def same_acronyms(before: Initiative, after: Initiative) -> bool:
    """The same acronyms in parentheses: "… (ECM) and … (ILOS)" and "… (ECM)/ … (ILOS)"."""
    acronyms = set(_ACRONYM.findall(before.name))
    return bool(acronyms) and acronyms == set(_ACRONYM.findall(after.name))


def one_within_other(before: Initiative, after: Initiative) -> bool:
    """One name's words, in order, within the other's, with the same numbers."""
    return _words_within(before.name, after.name)


def _words_within(left: str, right: str) -> bool:
    """Whether one text's words stand in order in the other's, and their numbers agree."""
    old, new = normalise(left).split(), normalise(right).split()
    shorter, longer = (old, new) if len(old) <= len(new) else (new, old)
    words = iter(longer)
    return numbers(left) == numbers(right) and all(w in words for w in shorter)


def followed(old: Edition, new: Edition, pool: Pool[Initiative]) -> dict[str, set[str]]:
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
    # A title counts where it stands in one initiative on each side, so that the evidence
    # reads the same from either edition.
    old_title_home: dict[str, set[str]] = defaultdict(set)
    for initiative in old.initiatives:
        for milestone in initiative.milestones:
            old_title_home[normalise(milestone.title)].add(initiative.id)
    found: dict[str, set[str]] = {}
    reached_by_matched: set[str] = set()
    for initiative in old.initiatives:
        homes: set[str] = set()
        for milestone in initiative.milestones:
            home = new_home_of.get(milestone.lineage)
            title = normalise(milestone.title)
            titled = title_home.get(title, set())
            if home is None and len(titled) == 1 and len(old_title_home[title]) == 1:
                home = next(iter(titled))
            homes |= {home} if home is not None else set()
        if initiative.id in pool.old:
            found[initiative.id] = homes if homes <= pool.new.keys() else set()
        else:
            reached_by_matched |= homes
    return {key: homes - reached_by_matched for key, homes in found.items()}


def aliased(pool: Pool[Initiative]) -> list[tuple[str, str]]:
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


def by_context(
    pool: Pool[Milestone], before: list[str], after: list[str]
) -> list[tuple[str, str, float]]:
    """Pairs of a matched pair of initiatives left alone with the same period and kind.

    A milestone retitled by inserting or removing words ("X policy goes live" and "X
    benefits and pay-for-performance policy goes live") is too unlike itself for
    similarity: if it is the only one left in its initiative with that period and kind
    on each side, and one title's words stand in order in the other's, it is the same
    milestone.
    """
    groups: dict[tuple[When, MilestoneKind | None], tuple[list[str], list[str]]] = defaultdict(
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


_NUMBER: Final = re.compile(r"\d+")


def by_renumbering(
    pool: Pool[Milestone], before: list[str], after: list[str]
) -> list[tuple[str, str, float]]:
    """Pairs by date where an inserted item renumbered the labels after it.

    "beta 3: June 16", "beta 4: July 9" become "beta 3: June 1", "beta 4: June 16",
    "beta 5: July 9": each old label whose title stands on the new side at another date
    goes to the new item of its own date whose title differs from it only in its numbers.
    All of them or none: if one such old label has no new item of its date, the titles
    are the better evidence (the items slipped), and nothing is paired here. The pairs
    are flagged for review (see ``match.confidence``).
    """
    olds = [k for k in before if k in pool.old]
    news = [k for k in after if k in pool.new]
    titles_new: dict[str, list[str]] = defaultdict(list)
    dated_new: dict[tuple[When, MilestoneKind | None], list[str]] = defaultdict(list)
    for key in news:
        titles_new[normalise(pool.new[key].title)].append(key)
        dated_new[pool.new[key].when, pool.new[key].kind].append(key)
    moved = [
        o
        for o in olds
        if any(
            pool.new[n].when != pool.old[o].when
            for n in titles_new.get(normalise(pool.old[o].title), ())
        )
    ]
    if not moved:
        return []
    found: list[tuple[str, str, float]] = []
    taken: set[str] = set()
    for o in moved:
        old = pool.old[o]
        partners = [
            n
            for n in dated_new.get((old.when, old.kind), ())
            if n not in taken and _renumbered(old.title, pool.new[n].title)
        ]
        if len(partners) != 1:
            return []
        taken.add(partners[0])
        found.append((o, partners[0], 100.0))
    return found


def _renumbered(a: str, b: str) -> bool:
    """Whether two titles differ, and only in their numbers ("beta 3", "beta 4")."""
    first, second = normalise(a), normalise(b)
    return first != second and _NUMBER.sub("#", first) == _NUMBER.sub("#", second)


DEFAULT_THRESHOLD: Final = 85.0
"""The least similarity (0 to 100) at which two titles may be paired.

At 85, "MOT Carve-In goes live" and "MSSP Carve-Out goes live" (83) stay apart, while
"Network Guidance to Plans" and "Final Network Guidance to Plans" (89) are paired.
"""


REVIEW_BELOW: Final = 0.9
"""Pairs less sure than this are flagged for review in every output (``"review": true``)."""


def confidence(stage: Stage, score: float) -> float:
    """How sure a pair is, 0 to 1: what its stage proves, and its score where it has one.

    Ids, lineages, aliases and equal titles are certain; milestones that followed an
    initiative 0.95; shared acronyms 0.9; one name within the other 0.85; a label
    renumbered, paired by date, 0.8 (the titles and the dates disagree: check it); the
    only pair left with the same period and kind 0.75; similarity its score (85 is 0.85).

    Examples:
        >>> confidence(Stage.LINEAGE, 100.0), confidence(Stage.SIMILAR, 88.0)
        (1.0, 0.88)
        >>> confidence(Stage.CONTEXT, 40.0) < REVIEW_BELOW
        True
    """
    if stage in (Stage.SIMILAR, Stage.MOVED):
        return score / 100
    return _SURE.get(stage, 1.0)


class Stage(enum.Enum):
    """How a pair was found.

    Examples:
        >>> [stage.value for stage in Stage]  # doctest: +NORMALIZE_WHITESPACE
        ['id', 'lineage', 'alias', 'title', 'milestones', 'acronyms', 'contained', 'context',
         'similar', 'moved', 'renumbered']
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
    RENUMBERED = "renumbered"
    """Milestones: labels renumbered by an inserted item ("beta 3" now "beta 4"), by date."""


_SURE: Final = {
    Stage.MILESTONES: 0.95,
    Stage.ACRONYMS: 0.9,
    Stage.CONTAINED: 0.85,
    Stage.CONTEXT: 0.75,
    Stage.RENUMBERED: 0.8,
}
"""What the stages without a score prove; the others are certain or scored."""
