"""Seeded synthetic editions of N milestones, and a next edition with a known mix of edits.

Titles read like the calendar's ("Release updated billing manual guidance BHIN 22-00417"):
each carries a notice number of its own, as many DHCS documents do, so two different
milestones never look like one retitled milestone. The next edition shifts about 5% of
the milestones, drops 2%, adds 2%, retitles 3% under new ids and lineages (similarity
matching must find them), keeps the rest, and shuffles the order within initiatives.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Final

import attrs

from calaim_timeline import Category, Edition, Initiative, Milestone, MilestoneKind, Period, Source

__all__ = ["Expected", "edition", "next_edition"]

VERBS: Final = (
    *("Release", "Publish", "Submit", "Approve", "Launch"),
    *("Issue", "Finalize", "Review", "Certify", "Mail"),
)
NOUNS: Final = (  # noqa: SIM905 - a list of words reads best as text
    "billing manual guidance notice contract amendment rate certification readiness "
    "deliverables portal workgroup policy criteria enrollment benefit transition report "
    "assessment payment application program requirements standards oversight data exchange"
).split()
PREFIXES: Final = ("APL", "BHIN", "MHSUDS", "PL", "IN")
CATEGORY_NAMES: Final = (
    "Population Health Initiatives",
    "Managed Care Initiatives",
    "Behavioral Health Initiatives",
    "Long-Term Care Initiatives",
    "County Initiatives",
    "Other Initiatives",
)
WINDOW: Final = Period.months(Period.month(2022, 1), Period.month(2023, 12))


@attrs.frozen
class Expected:
    """The milestone-level changes the derivation made, as (change name, milestone id)."""

    changes: frozenset[tuple[str, str]]


def _title(rng: random.Random, number: int) -> str:
    words = [rng.choice(VERBS), *rng.sample(NOUNS, rng.randint(3, 6))]
    return f"{' '.join(words).capitalize()} {rng.choice(PREFIXES)} {22 + number % 3}-{number:06d}"


def _period(rng: random.Random) -> Period:
    month = rng.randrange(24)
    first = Period.month(2022 + month // 12, month % 12 + 1)
    roll = rng.random()
    if roll < 0.6:  # noqa: PLR2004 - the mix of precisions
        return first
    if roll < 0.75:  # noqa: PLR2004
        return Period.quarter(first.start.year, (first.start.month + 2) // 3)
    if roll < 0.8:  # noqa: PLR2004
        return Period.half(first.start.year, 1 if first.start.month <= 6 else 2)  # noqa: PLR2004
    if roll < 0.88:  # noqa: PLR2004
        return Period.day(first.start + timedelta(days=rng.randrange(28)))
    if roll < 0.9:  # noqa: PLR2004
        return Period.year(first.start.year)
    return Period.span(first.start, first.end + timedelta(days=rng.choice((31, 59, 90))))


def _milestone(rng: random.Random, number: int) -> Milestone:
    identifier = f"m{number:06d}"
    return Milestone(
        id=identifier,
        title=_title(rng, number),
        kind=rng.choice((None, *MilestoneKind)),
        when=_period(rng).with_text("as published") if rng.random() < 0.05 else _period(rng),  # noqa: PLR2004
    )


def edition(n: int, *, seed: int = 2021, sizes: tuple[int, int] = (5, 60)) -> Edition:
    """An edition of ``n`` milestones in initiatives of ``sizes`` milestones (low, high).

    The real calendar has about three milestones an initiative (56 in 18): ``(2, 4)``.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not security
    categories = tuple(Category(id=f"c{k}", name=name) for k, name in enumerate(CATEGORY_NAMES))
    initiatives, made = [], 0
    while made < n:
        size = min(rng.randint(*sizes), n - made)
        k = len(initiatives)
        initiatives.append(
            Initiative(
                id=f"i{k:05d}",
                name=f"Initiative {k}: {' '.join(rng.sample(NOUNS, 3)).title()}",
                category=categories[k * len(categories) // max(n // 30, 1) % len(categories)].id,
                milestones=tuple(_milestone(rng, made + j) for j in range(size)),
            )
        )
        made += size
    initiatives.sort(key=lambda i: [c.id for c in categories].index(i.category or ""))
    return Edition(
        id="synth-a",
        title=f"Synthetic calendar of {n} milestones",
        as_of=Period.month(2022, 1),
        window=WINDOW,
        publisher="calaim-timeline benchmarks",
        source=Source(document="benchmarks/synth.py"),
        categories=categories,
        initiatives=tuple(initiatives),
    )


def _later(period: Period, months: int) -> Period:
    """The same kind of period, ``months`` later (a day keeps its day of the month)."""
    shifted = _shift(period.start, months)
    if period.precision.value in {"month", "quarter", "half", "year"}:
        return Period.month(shifted.year, shifted.month)
    end = _shift(period.end, months)
    if period.precision.value == "day":
        return Period.day(shifted)
    return Period.span(shifted, end)


def _shift(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, 28))


def next_edition(old: Edition, *, seed: int = 2022) -> tuple[Edition, Expected]:
    """A next edition of ``old`` and the changes made to get it."""
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not security
    changes: set[tuple[str, str]] = set()
    # New ids follow the highest number in use, so that a chain of editions never
    # repeats one (an id is unique in an edition).
    number = 1 + max((int(m.id.lstrip("r")[1:]) for _, m in old.milestones), default=-1)
    initiatives = []
    for initiative in old.initiatives:
        kept = []
        for m in initiative.milestones:
            roll = rng.random()
            if roll < 0.05:  # noqa: PLR2004 - 5% shifted
                moved = _later(m.when, rng.choice((1, 2, 3)))
                if moved.end > WINDOW.end:
                    moved = _later(m.when, -3)
                m = attrs.evolve(m, when=moved)  # noqa: PLW2901
                changes.add(("milestone-shifted", m.id))
            elif roll < 0.07:  # noqa: PLR2004 - 2% dropped
                changes.add(("milestone-dropped", m.id))
                continue
            elif roll < 0.10:  # noqa: PLR2004 - 3% retitled under a new id and lineage
                words = m.title.split(" ")
                words.insert(1, "updated")
                new_id = f"r{m.id}"
                m = attrs.evolve(m, id=new_id, lineage=new_id, title=" ".join(words))  # noqa: PLW2901
                changes.add(("milestone-retitled", new_id))
            kept.append(m)
        for _ in range(sum(1 for _ in range(len(initiative.milestones)) if rng.random() < 0.02)):  # noqa: PLR2004
            added = _milestone(rng, number)
            number += 1
            kept.append(added)
            changes.add(("milestone-added", added.id))
        rng.shuffle(kept)
        initiatives.append(attrs.evolve(initiative, milestones=tuple(kept)))
    new = attrs.evolve(
        old, id="synth-b", as_of=Period.month(2022, 2), initiatives=tuple(initiatives)
    )
    return new, Expected(frozenset(changes))
