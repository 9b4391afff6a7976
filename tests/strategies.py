"""Our own test oracle for the table importer: editions a month grid shows exactly.

Not public: a user's data need not fit the grid, and this strategy exists to test our
importer. Like the public strategies, every strategy is built once and what depends on
the window or the footnotes is drawn as a slot and placed afterwards.
"""

from __future__ import annotations

from datetime import date
from typing import Final, NamedTuple

from hypothesis import strategies as st

from calaim_timeline import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Period,
    Source,
    Status,
    SubItem,
)
from calaim_timeline._notation import month_index, month_start
from calaim_timeline.importers.dhcs_table import IMPORT_NOTES, PUBLISHER
from calaim_timeline.matching import normalise
from calaim_timeline.strategies import milestone_kinds, slugs, windows

__all__ = ["grid_editions", "list_editions"]

_SLOTS: Final = st.integers(0, 24)
_REFERENCES: Final = st.lists(_SLOTS, max_size=2, unique=True).map(tuple)


class _Item(NamedTuple):
    text: str
    footnotes: tuple[int, ...]  # slots into the edition's footnotes
    kind: MilestoneKind | None


class _Milestone(NamedTuple):
    id: str
    title: str
    kind: MilestoneKind | None
    month: int  # a slot into the months of the window
    sub_items: tuple[_Item, ...]
    footnotes: tuple[int, ...]


class _Initiative(NamedTuple):
    id: str
    name: str
    category: int  # a slot into (no category, *categories)
    aliases: tuple[str, ...]
    footnotes: tuple[int, ...]
    milestones: tuple[_Milestone, ...]


def _grid_texts() -> st.SearchStrategy[str]:
    """Texts a grid keeps exactly: words in single spaces, with at least one letter or digit."""
    words = st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=8)
    return (
        st.lists(words, min_size=1, max_size=5)
        .map(" ".join)
        .filter(lambda t: normalise(t) and "These include:" not in t)
    )


_TEXTS: Final = _grid_texts()
_MILESTONES: Final = st.builds(
    _Milestone,
    id=slugs(),
    title=_TEXTS,
    kind=milestone_kinds(),
    month=_SLOTS,
    sub_items=st.lists(st.builds(_Item, _TEXTS, _REFERENCES, milestone_kinds()), max_size=2).map(
        tuple
    ),
    footnotes=_REFERENCES,
)


def _grid_identities(parts: list[_Initiative]) -> bool:
    """Milestone ids unique across the edition, and no alias naming another initiative."""
    ids = [m.id for i in parts for m in i.milestones]
    names = {normalise(i.name) for i in parts} | {i.id for i in parts}
    aliases = {normalise(a) for i in parts for a in i.aliases} | {
        a for i in parts for a in i.aliases
    }
    return len(set(ids)) == len(ids) and not names & aliases


_INITIATIVES: Final = st.lists(
    st.builds(
        _Initiative,
        id=slugs(),
        name=_TEXTS,
        category=_SLOTS,
        aliases=st.lists(slugs().map(lambda s: f"former {s}"), max_size=1).map(tuple),
        footnotes=_REFERENCES,
        milestones=st.lists(
            _MILESTONES, max_size=4, unique_by=(lambda m: m.id, lambda m: normalise(m.title))
        ).map(tuple),
    ),
    max_size=4,
    unique_by=(lambda i: i.id, lambda i: normalise(i.name)),
).filter(_grid_identities)
_NOTES: Final = st.lists(
    st.builds(Footnote, number=st.integers(1, 40), text=_TEXTS),
    max_size=4,
    unique_by=lambda n: n.number,
).map(lambda found: tuple(sorted(found, key=lambda n: n.number)))
_CATEGORIES: Final = st.lists(
    st.builds(Category, id=slugs(), name=_TEXTS),
    max_size=3,
    unique_by=(lambda c: c.id, lambda c: normalise(c.name)),
).map(tuple)


class _Grid:
    """Places drawn drafts in one edition's months and footnotes."""

    def __init__(self, window: Period, numbers: tuple[int, ...]) -> None:
        self.first = month_index(window.start)
        self.months = month_index(window.end) - self.first + 1
        self.numbers = numbers

    def references(self, slots: tuple[int, ...]) -> tuple[int, ...]:
        if not self.numbers:
            return ()
        return tuple(dict.fromkeys(self.numbers[s % len(self.numbers)] for s in slots))

    def month(self, slot: int) -> Period:
        first = month_start(self.first + slot % self.months)
        return Period.month(first.year, first.month)

    def milestone(self, draft: _Milestone) -> Milestone:
        return Milestone(
            id=draft.id,
            title=draft.title,
            kind=draft.kind,
            when=self.month(draft.month),
            sub_items=tuple(
                SubItem(text=i.text, footnotes=self.references(i.footnotes), kind=i.kind)
                for i in draft.sub_items
            ),
            footnotes=self.references(draft.footnotes),
        )


@st.composite
def _short_windows(draw: st.DrawFn) -> Period:
    first = month_index(date(draw(st.integers(1990, 2099)), draw(st.integers(1, 12)), 1))
    last = first + draw(st.integers(0, 5))
    start, end = month_start(first), month_start(last)
    if first == last:
        return Period.month(start.year, start.month)
    return Period.months(Period.month(start.year, start.month), Period.month(end.year, end.month))


_SHORT_WINDOWS: Final = _short_windows()


@st.composite
def grid_editions(draw: st.DrawFn, *, short: bool = False) -> Edition:
    """Editions the month-grid table shows exactly.

    Every milestone falls in a month of the window and keeps no wording, initiatives
    come grouped by category in category order, titles are distinct within their
    initiative (once normalised), and the publisher and source are those the importer
    writes. ``short``: windows of one to six months, as the published calendar has.
    """
    window = draw(_SHORT_WINDOWS if short else windows())
    as_of = Period.month(window.start.year, window.start.month)
    notes = draw(_NOTES)
    groups = draw(_CATEGORIES)
    grid = _Grid(window, tuple(n.number for n in notes))
    homes = [None, *(c.id for c in groups)]
    parts = [
        Initiative(
            id=draft.id,
            name=draft.name,
            category=homes[draft.category % len(homes)],
            aliases=draft.aliases,
            footnotes=grid.references(draft.footnotes),
            milestones=tuple(
                sorted((grid.milestone(m) for m in draft.milestones), key=lambda m: m.when)
            ),
        )
        for draft in draw(_INITIATIVES)
    ]
    return Edition(
        id=draw(slugs()),
        title=f"CalAIM Milestones Calendar as of {as_of.start.strftime('%B %Y')}",
        as_of=as_of,
        window=window,
        publisher=PUBLISHER,
        source=Source(document="calendar.md", notes=IMPORT_NOTES),
        categories=groups,
        initiatives=tuple(sorted(parts, key=lambda i: homes.index(i.category))),
        footnotes=notes,
    )


def _listed(edition: Edition) -> Edition:
    """The edition as a list table shows it: no categories, footnotes, aliases or sub-items.

    Every third milestone is done; the window spans the milestones; initiatives with no
    milestone are left out (a list has no row for them).
    """
    count = iter(range(10**6))
    initiatives = tuple(
        Initiative(
            id=i.id,
            name=i.name,
            milestones=tuple(
                Milestone(
                    id=m.id,
                    title=m.title,
                    kind=m.kind,
                    when=m.when,
                    status=Status.DONE if next(count) % 3 == 0 else Status.PLANNED,
                )
                for m in i.milestones
            ),
        )
        for i in edition.initiatives
        if i.milestones
    )
    periods = [m.when for i in initiatives for m in i.milestones if isinstance(m.when, Period)]
    first, last = min(p.start for p in periods), max(p.end for p in periods)
    start, end = Period.month(first.year, first.month), Period.month(last.year, last.month)
    return Edition(
        id=edition.id,
        title=edition.title,
        as_of=edition.as_of,
        window=start if start == end else Period.months(start, end),
        publisher=edition.publisher,
        source=Source(document="list.md", notes=""),
        initiatives=initiatives,
    )


def list_editions() -> st.SearchStrategy[Edition]:
    """Editions a list table shows exactly (see :func:`_listed`)."""
    return grid_editions().filter(lambda e: any(i.milestones for i in e.initiatives)).map(_listed)
