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
    2. ``title``: the same normalised title within a pair of matched initiatives (the
       same period and kind first, for a title repeated at other dates);
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

from collections.abc import Iterable
from functools import cached_property

import attrs

from calaim_timeline._lineages import grouped, indexed, titled
from calaim_timeline._similarity import normalise, numbers, similarity
from calaim_timeline._stages import (
    DEFAULT_THRESHOLD,
    REVIEW_BELOW,
    Pool,
    Stage,
    aliased,
    by_context,
    by_equal_key,
    by_renumbering,
    by_similarity,
    confidence,
    followed,
    mutual,
    one_within_other,
    related,
    same_acronyms,
)
from calaim_timeline.model import Edition, Initiative, Milestone

__all__ = [
    "DEFAULT_THRESHOLD",
    "REVIEW_BELOW",
    "InitiativePair",
    "Matching",
    "MilestonePair",
    "Pairing",
    "Stage",
    "category_links",
    "confidence",
    "match",
    "normalise",
    "numbers",
    "pairing",
    "similarity",
]


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


def _match_initiatives(
    old: Edition, new: Edition, threshold: float
) -> tuple[list[InitiativePair], Pool[Initiative]]:
    pool = Pool({i.id: i for i in old.initiatives}, {i.id: i for i in new.initiatives})
    pairs: list[InitiativePair] = []

    def keep(found: Iterable[tuple[str, str]], stage: Stage) -> None:
        for old_key, new_key in found:
            pairs.append(InitiativePair(*pool.take(old_key, new_key), stage, 100.0))

    keep([(k, k) for k in sorted(pool.old.keys() & pool.new.keys())], Stage.ID)
    keep(aliased(pool), Stage.ALIAS)
    keep(
        by_equal_key(
            ((k, normalise(i.name)) for k, i in pool.old.items()),
            ((k, normalise(i.name)) for k, i in pool.new.items()),
        ),
        Stage.TITLE,
    )
    keep(mutual(followed(old, new, pool)), Stage.MILESTONES)
    keep(mutual(related(pool, same_acronyms)), Stage.ACRONYMS)
    keep(mutual(related(pool, one_within_other)), Stage.CONTAINED)
    for old_key, new_key, score in by_similarity(
        {k: i.name for k, i in pool.old.items()},
        {k: i.name for k, i in pool.new.items()},
        threshold,
    ):
        pairs.append(InitiativePair(*pool.take(old_key, new_key), Stage.SIMILAR, score))
    return pairs, pool


@attrs.frozen
class Pairing:
    """What :func:`match` finds, kept compact for large editions (used by ``diff``).

    ``old_milestones`` and ``old_home`` map each lineage of the old edition to its
    milestone and its initiative. Of the new edition, only what a diff reads is kept:
    ``edited`` lists, in document order, the lineages found in both editions whose
    milestone differs or stands in an initiative not paired with its old one; ``placed``
    maps those and the unmatched new lineages to (initiative, milestone). ``pairs`` are
    the other milestone pairs as (old lineage, new lineage, stage, score);
    ``old_left`` and ``new_left`` the milestones left unmatched. ``same``, every lineage
    found in both editions (the ``lineage`` stage, which pairs most milestones), is
    worked out on first use.

    Examples:
        >>> from calaim_timeline import Archive
        >>> found = pairing(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
        >>> len(found.same), len(found.old_left), len(found.new_left)
        (0, 14, 56)
    """

    new: Edition
    initiatives: list[InitiativePair]
    old_initiatives: dict[str, Initiative]
    new_initiatives: dict[str, Initiative]
    old_milestones: dict[str, Milestone]
    old_home: dict[str, Initiative]
    edited: list[str]
    placed: dict[str, tuple[Initiative, Milestone]]
    pairs: list[tuple[str, str, Stage, float]]
    old_left: dict[str, Milestone]
    new_left: dict[str, Milestone]

    @cached_property
    def same(self) -> list[str]:
        """The lineages found in both editions, in the new edition's order."""
        before, left = self.old_milestones, self.new_left
        return [
            m.lineage
            for i in self.new.initiatives
            for m in i.milestones
            if m.lineage in before and m.lineage not in left
        ]


def _staged(
    pool: Pool[Milestone],
    initiative_pairs: list[InitiativePair],
    home_old: dict[str, Initiative],
    placed: dict[str, tuple[Initiative, Milestone]],
    threshold: float,
) -> list[tuple[str, str, Stage, float]]:
    """The milestones left unmatched, paired stage by stage, each taken out of ``pool``.

    Inside each initiative pair first, then across initiatives (moves).
    """
    pairs: list[tuple[str, str, Stage, float]] = []

    def keep(found: Iterable[tuple[str, str, float]], stage: Stage) -> None:
        for old_key, new_key, score in found:
            pool.take(old_key, new_key)
            pairs.append((old_key, new_key, stage, score))

    def titles(side: dict[str, Milestone], keys: list[str]) -> dict[str, str]:
        return {k: side[k].title for k in keys if k in side}

    old_groups = grouped(pool.old, home_old)
    new_groups = grouped(pool.new, {k: placed[k][0] for k in pool.new})
    for pair in initiative_pairs:
        before, after = old_groups.get(pair.old.id), new_groups.get(pair.new.id)
        if not before or not after:
            continue
        # Equal titles: those with the same period and kind first, so that a title an
        # initiative repeats at other dates pairs date with date; then the rest.
        for exact in (True, False):
            if not exact:  # an inserted item renumbered the labels: pair those by date
                keep(by_renumbering(pool, before, after), Stage.RENUMBERED)
            found = by_equal_key(
                titled(pool.old, before, exact=exact), titled(pool.new, after, exact=exact)
            )
            keep(((o, n, 100.0) for o, n in found), Stage.TITLE)
        keep(
            by_similarity(titles(pool.old, before), titles(pool.new, after), threshold),
            Stage.SIMILAR,
        )
        keep(by_context(pool, before, after), Stage.CONTEXT)
    # Within matched initiatives nothing similar enough is left, so these are moves.
    everything = (
        {k: m.title for k, m in pool.old.items()},
        {k: m.title for k, m in pool.new.items()},
    )
    keep(by_similarity(*everything, threshold), Stage.MOVED)
    return pairs


def pairing(
    old: Edition, new: Edition, *, threshold: float = DEFAULT_THRESHOLD, edits: bool = True
) -> Pairing:
    """Pair the initiatives and milestones of ``old`` with those of ``new``, compactly.

    With ``edits`` false, the milestones found in both are not compared and ``edited``
    stays empty: following milestones through a history needs only the pairs.

    Examples:
        >>> from calaim_timeline import Archive
        >>> november = Archive.bundled()["2021-11"]
        >>> found = pairing(november, november)
        >>> len(found.same), found.edited, found.pairs, found.old_left
        (56, [], [], {})
    """
    initiative_pairs, initiative_pool = _match_initiatives(old, new, threshold)
    old_milestones, home_old = indexed(old)
    edited, placed, remaining = _walked(
        new, old_milestones, home_old, initiative_pairs, edits=edits
    )
    # The unmatched are few: only they go through the stages below.
    pool = Pool(
        {k: remaining[k] for k in sorted(remaining)},
        {k: placed[k][1] for k in sorted(placed.keys() - edited)},
    )
    pairs = _staged(pool, initiative_pairs, home_old, placed, threshold)
    return Pairing(
        new=new,
        initiatives=initiative_pairs,
        old_initiatives=initiative_pool.old,
        new_initiatives=initiative_pool.new,
        old_milestones=old_milestones,
        old_home=home_old,
        edited=edited,
        placed=placed,
        pairs=pairs,
        old_left=pool.old,
        new_left=pool.new,
    )


def _walked(
    new: Edition,
    before: dict[str, Milestone],
    old_home: dict[str, Initiative],
    initiatives: list[InitiativePair],
    *,
    edits: bool,
) -> tuple[list[str], dict[str, tuple[Initiative, Milestone]], dict[str, Milestone]]:
    """One pass over the new edition: what changed, what is new, what is left of the old.

    Returns the edited lineages (found in both; the milestone differs or its initiative
    is not the partner of its old one), where each edited or new milestone stands, and
    the old milestones no lineage of ``new`` took. Most milestones of a large edition
    are unchanged, so the loop is written for them: one lookup, one comparison.
    """
    partner = {pair.new.id: pair.old.id for pair in initiatives}
    remaining = dict(before)
    take = remaining.pop
    edited: list[str] = []
    placed: dict[str, tuple[Initiative, Milestone]] = {}
    for initiative in new.initiatives:
        expected = partner.get(initiative.id)
        for milestone in initiative.milestones:
            lineage = milestone.lineage
            old = take(lineage, None)
            if old is None:
                placed[lineage] = (initiative, milestone)
            elif edits and (old != milestone or old_home[lineage].id != expected):
                edited.append(lineage)
                placed[lineage] = (initiative, milestone)
    return edited, placed, remaining


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
    before, old_home = found.old_milestones, found.old_home
    after, new_home = indexed(new)
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
    found = by_equal_key(
        ((c.id, normalise(c.name)) for c in old.categories if c.id not in links),
        ((c.id, normalise(c.name)) for c in new.categories if c.id not in links.values()),
    )
    return {**links, **dict(found)}
