"""Strategies for the model types: periods, milestones, initiatives, editions.

Every strategy here is built once, from strategies that do not depend on what was drawn
before: a milestone is drawn as a *shape* (its period as day offsets, its footnote
references as slots) and then *placed* in the window and footnotes of its edition. That
keeps drawing cheap (Hypothesis's ``too_slow`` health check passes under default
settings) and lets examples shrink towards the start of the window and the first
footnote.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, NamedTuple

import attrs
from hypothesis import strategies as st

from calaim_timeline._notation import month_index, month_start
from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period, Precision

__all__ = [
    "categories",
    "editions",
    "footnotes",
    "initiatives",
    "milestone_kinds",
    "milestones",
    "periods",
    "precisions",
    "slugs",
    "sources",
    "statuses",
    "sub_items",
    "texts",
    "windows",
]

_MIN: Final = date(1990, 1, 1)
_MAX: Final = date(2099, 12, 31)
_DAYS: Final = (_MAX - _MIN).days
_LAST_HALF_START: Final = 7  # July starts the second half of a year


def slugs() -> st.SearchStrategy[str]:
    """Ids as the library wants them: ``mot-carve-in-live``.

    Examples:
        >>> from hypothesis import given
        >>> @given(slugs())
        ... def test_ids_are_lower_case_words(slug):
        ...     assert all(word.isalnum() and word == word.lower() for word in slug.split("-"))
        >>> test_ids_are_lower_case_words()
    """
    return _SLUGS


def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Titles, names and wording: one line, not empty, no surrounding spaces.

    Examples:
        >>> from hypothesis import given
        >>> @given(texts(max_size=10))
        ... def test_one_trimmed_line(text):
        ...     assert text == text.strip() and chr(10) not in text and len(text) <= 10
        >>> test_one_trimmed_line()
    """
    return (
        st.text(
            st.characters(exclude_categories=["Cs"], exclude_characters="\n"),
            min_size=1,
            max_size=max_size,
        )
        .map(str.strip)
        .filter(bool)
    )


def precisions() -> st.SearchStrategy[Precision]:
    """Any precision.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import Precision
        >>> @given(precisions())
        ... def test_a_precision(precision):
        ...     assert isinstance(precision, Precision)
        >>> test_a_precision()
    """
    return _PRECISIONS


def milestone_kinds() -> st.SearchStrategy[MilestoneKind | None]:
    """A milestone kind, or None for an unmarked milestone.

    Examples:
        >>> from hypothesis import given
        >>> @given(milestone_kinds())
        ... def test_a_mark_or_none(kind):
        ...     assert kind is None or kind.mark in "*^+"
        >>> test_a_mark_or_none()
    """
    return _KINDS


def statuses() -> st.SearchStrategy[Status]:
    """Planned or done.

    Examples:
        >>> from hypothesis import given
        >>> @given(statuses())
        ... def test_planned_or_done(status):
        ...     assert status.value in ("planned", "done")
        >>> test_planned_or_done()
    """
    return _STATUSES


def periods(*, within: Period | None = None, wording: bool = True) -> st.SearchStrategy[Period]:
    """Periods of every precision, inside ``within`` when given, some with wording.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import Period
        >>> half = Period.parse("2022-01/2022-06")
        >>> @given(periods(within=half))
        ... def test_inside_the_half(period):
        ...     assert half.contains(period)
        ...     assert Period.parse(str(period), text=period.text) == period
        >>> test_inside_the_half()
    """
    place = _Place.within(within)
    if wording:
        return _PERIOD_SHAPES.map(place.period)
    return _PERIOD_SHAPES.map(lambda shape: place.period(shape._replace(text=None)))


def windows() -> st.SearchStrategy[Period]:
    """An edition window: one month or a span of 2 to 25 whole months.

    Examples:
        >>> from hypothesis import given
        >>> @given(windows())
        ... def test_whole_months(window):
        ...     assert window.start.day == 1
        ...     assert window.precision.value in ("month", "span")
        >>> test_whole_months()
    """
    return _WINDOWS


def footnotes() -> st.SearchStrategy[tuple[Footnote, ...]]:
    """An edition's footnotes: unique numbers in ascending order.

    Examples:
        >>> from hypothesis import given
        >>> @given(footnotes())
        ... def test_ascending(notes):
        ...     numbers = [note.number for note in notes]
        ...     assert numbers == sorted(set(numbers))
        >>> test_ascending()
    """
    return _FOOTNOTES


def sub_items(*, footnote_numbers: tuple[int, ...] = ()) -> st.SearchStrategy[SubItem]:
    """Sub-bullets, referring only to ``footnote_numbers``.

    Examples:
        >>> from hypothesis import given
        >>> @given(sub_items(footnote_numbers=(1, 2)))
        ... def test_known_footnotes(item):
        ...     assert set(item.footnotes) <= {1, 2}
        >>> test_known_footnotes()
    """
    return _SUB_ITEM_SHAPES.map(_Place.within(None, footnote_numbers).sub_item)


def milestones(
    *, within: Period | None = None, footnote_numbers: tuple[int, ...] = ()
) -> st.SearchStrategy[Milestone]:
    """Milestones with periods inside ``within``, referring only to ``footnote_numbers``.

    About a third carry a lineage other than their id.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import Period
        >>> quarter = Period.parse("2022-Q1")
        >>> @given(milestones(within=quarter, footnote_numbers=(4,)))
        ... def test_inside_the_quarter(milestone):
        ...     assert quarter.contains(milestone.when)
        ...     assert set(milestone.footnotes) <= {4}
        >>> test_inside_the_quarter()
    """
    return _MILESTONE_SHAPES.map(_Place.within(within, footnote_numbers).milestone)


def categories() -> st.SearchStrategy[Category]:
    """A category.

    Examples:
        >>> from hypothesis import given
        >>> @given(categories())
        ... def test_a_category(category):
        ...     assert category.id and category.name
        >>> test_a_category()
    """
    return _CATEGORIES


def initiatives(
    *,
    category_ids: tuple[str, ...] = (),
    within: Period | None = None,
    footnote_numbers: tuple[int, ...] = (),
) -> st.SearchStrategy[Initiative]:
    """An initiative with milestones of unique ids and lineages.

    Examples:
        >>> from hypothesis import given
        >>> @given(initiatives(category_ids=("county",)))
        ... def test_ids_are_unique(initiative):
        ...     assert len({m.id for m in initiative.milestones}) == len(initiative.milestones)
        ...     assert initiative.category in (None, "county")
        >>> test_ids_are_unique()
    """
    place = _Place.within(within, footnote_numbers)
    return st.builds(
        lambda shape, found: place.initiative(shape, category_ids, found),
        _INITIATIVE_SHAPES,
        st.lists(_MILESTONE_SHAPES, max_size=4, unique_by=lambda shape: shape.id),
    )


def sources() -> st.SearchStrategy[Source]:
    """Where an edition comes from.

    Examples:
        >>> from hypothesis import given
        >>> @given(sources())
        ... def test_a_document(source):
        ...     assert source.document
        >>> test_a_document()
    """
    return _SOURCES


def editions(*, max_initiatives: int = 5) -> st.SearchStrategy[Edition]:
    """A sound edition: everything :func:`~calaim_timeline.validate.validate` checks holds.

    Unique ids and lineages, footnote references that resolve, known categories,
    milestones inside the window; up to ``max_initiatives`` initiatives.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import validate
        >>> @given(editions())
        ... def test_sound(edition):
        ...     assert validate(edition) == ()
        >>> test_sound()
    """
    return _editions(
        st.lists(_INITIATIVE_SHAPES, max_size=max_initiatives, unique_by=lambda shape: shape.id),
        st.lists(
            st.tuples(_SLOTS, _MILESTONE_SHAPES),
            max_size=4 * max_initiatives,
            unique_by=lambda drawn: drawn[1].id,
        ),
    )


# -- shapes: what is drawn before an edition says where it lands ------------------------


class _PeriodShape(NamedTuple):
    precision: Precision
    first: int  # days after _MIN, scaled into the bounds when placed
    last: int  # the other end of a span, likewise
    text: str | None


class _SubItemShape(NamedTuple):
    text: str
    footnotes: tuple[int, ...]  # slots: indexes into the footnotes an item may cite
    kind: MilestoneKind | None


class _MilestoneShape(NamedTuple):
    id: str
    title: str
    kind: MilestoneKind | None
    when: _PeriodShape
    sub_items: tuple[_SubItemShape, ...]
    footnotes: tuple[int, ...]  # slots
    status: Status
    lineage: bool  # True: a lineage other than the id


class _InitiativeShape(NamedTuple):
    id: str
    name: str
    category: int | None  # a slot into the edition's categories, or no category
    aliases: tuple[str, ...]
    footnotes: tuple[int, ...]  # slots


def _unit(precision: Precision, day: date, text: str | None) -> Period:
    """The period of ``precision`` (not a span) that contains ``day``."""
    if precision is Precision.DAY:
        return Period.day(day, text=text)
    if precision is Precision.MONTH:
        return Period.month(day.year, day.month, text=text)
    if precision is Precision.QUARTER:
        return Period.quarter(day.year, (day.month + 2) // 3, text=text)
    if precision is Precision.HALF:
        return Period.half(day.year, 2 if day.month >= _LAST_HALF_START else 1, text=text)
    return Period.year(day.year, text=text)


@attrs.frozen
class _Place:
    """Where shapes land: the bounds of their periods and the footnotes they may cite."""

    low: date
    high: date
    numbers: tuple[int, ...] = ()

    @classmethod
    def within(cls, bounds: Period | None, numbers: tuple[int, ...] = ()) -> _Place:
        if bounds is None:
            return cls(_MIN, _MAX, numbers)
        return cls(bounds.start, bounds.end, numbers)

    def _day(self, offset: int) -> date:
        return self.low + timedelta(days=offset * (self.high - self.low).days // _DAYS)

    def period(self, shape: _PeriodShape) -> Period:
        first = self._day(shape.first)
        if shape.precision is Precision.SPAN and self.low < self.high:
            last = self._day(shape.last)
            if last == first:  # a span needs two days: take the next one inside the bounds
                last = first + timedelta(days=1) if first < self.high else first - timedelta(1)
            return Period.span(min(first, last), max(first, last), text=shape.text)
        precision = Precision.DAY if shape.precision is Precision.SPAN else shape.precision
        period = _unit(precision, first, shape.text)
        if period.start < self.low or period.end > self.high:  # sticks out: keep the day
            return Period.day(first, text=shape.text)
        return period

    def references(self, slots: tuple[int, ...]) -> tuple[int, ...]:
        if not self.numbers:
            return ()
        return tuple(dict.fromkeys(self.numbers[slot % len(self.numbers)] for slot in slots))

    def sub_item(self, shape: _SubItemShape) -> SubItem:
        return SubItem(text=shape.text, footnotes=self.references(shape.footnotes), kind=shape.kind)

    def milestone(self, shape: _MilestoneShape) -> Milestone:
        return Milestone(
            id=shape.id,
            title=shape.title,
            kind=shape.kind,
            when=self.period(shape.when),
            sub_items=tuple(self.sub_item(item) for item in shape.sub_items),
            footnotes=self.references(shape.footnotes),
            status=shape.status,
            lineage=f"lineage-{shape.id}" if shape.lineage else shape.id,
        )

    def initiative(
        self,
        shape: _InitiativeShape,
        category_ids: tuple[str, ...],
        found: list[_MilestoneShape],
    ) -> Initiative:
        category = None
        if shape.category is not None and category_ids:
            category = category_ids[shape.category % len(category_ids)]
        return Initiative(
            id=shape.id,
            name=shape.name,
            category=category,
            aliases=shape.aliases,
            footnotes=self.references(shape.footnotes),
            milestones=tuple(self.milestone(shape) for shape in found),
        )


def _window(year: int, month: int, extra_months: int) -> Period:
    first = Period.month(year, month)
    if not extra_months:
        return first
    last = month_start(month_index(first.start) + extra_months)
    return Period.months(first, Period.month(last.year, last.month))


def _ascending(notes: list[Footnote]) -> tuple[Footnote, ...]:
    return tuple(sorted(notes, key=lambda note: note.number))


# Every strategy is built once: drawing never builds or validates a strategy.
_SLUGS: Final = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6),
    min_size=1,
    max_size=4,
).map("-".join)
_TEXTS: Final = texts()
_PRECISIONS: Final = st.sampled_from(Precision)
_KINDS: Final = st.none() | st.sampled_from(MilestoneKind)
_STATUSES: Final = st.sampled_from(Status)
_SLOTS: Final = st.integers(0, 7)
_REFERENCES: Final = st.lists(_SLOTS, max_size=2, unique=True).map(tuple)
_PERIOD_SHAPES: Final = st.builds(
    _PeriodShape,
    _PRECISIONS,
    st.integers(0, _DAYS),
    st.integers(0, _DAYS),
    st.none() | texts(max_size=30),
)
_SUB_ITEM_SHAPES: Final = st.builds(_SubItemShape, _TEXTS, _REFERENCES, _KINDS)
_MILESTONE_SHAPES: Final = st.builds(
    _MilestoneShape,
    id=_SLUGS,
    title=_TEXTS,
    kind=_KINDS,
    when=_PERIOD_SHAPES,
    sub_items=st.lists(_SUB_ITEM_SHAPES, max_size=2).map(tuple),
    footnotes=_REFERENCES,
    status=_STATUSES,
    lineage=st.sampled_from((False, False, True)),
)
_INITIATIVE_SHAPES: Final = st.builds(
    _InitiativeShape,
    id=_SLUGS,
    name=_TEXTS,
    category=st.none() | _SLOTS,
    aliases=st.lists(_TEXTS, max_size=2).map(tuple),
    footnotes=_REFERENCES,
)
_WINDOWS: Final = st.builds(
    _window, st.integers(_MIN.year, _MAX.year - 3), st.integers(1, 12), st.integers(0, 24)
)
_FOOTNOTE: Final = st.builds(Footnote, number=st.integers(1, 60), text=_TEXTS)
_FOOTNOTES: Final = st.lists(
    _FOOTNOTE,
    max_size=5,
    unique_by=lambda note: note.number,
).map(_ascending)
_CATEGORIES: Final = st.builds(Category, id=_SLUGS, name=_TEXTS)
_CATEGORY_LISTS: Final = st.lists(_CATEGORIES, max_size=3, unique_by=lambda c: c.id).map(tuple)
_SOURCES: Final = st.builds(
    Source, document=_TEXTS, url=st.none() | _TEXTS, notes=st.none() | _TEXTS
)
_EXCLUDED: Final = st.lists(_TEXTS, max_size=2).map(tuple)


@st.composite
def _editions(
    draw: st.DrawFn,
    initiative_shapes: st.SearchStrategy[list[_InitiativeShape]],
    milestone_shapes: st.SearchStrategy[list[tuple[int, _MilestoneShape]]],
) -> Edition:
    """An edition of the drawn initiatives, each milestone in the initiative of its slot.

    Milestone ids are unique across the edition by construction (``unique_by`` over the
    whole edition) and so are lineages (``lineage-<id>`` or the id itself).
    """
    window = draw(_WINDOWS)
    notes = draw(_FOOTNOTES)
    groups = draw(_CATEGORY_LISTS)
    shells = draw(initiative_shapes)
    drawn = draw(milestone_shapes)
    place = _Place.within(window, tuple(note.number for note in notes))
    homes: list[list[_MilestoneShape]] = [[] for _ in shells]
    for slot, shape in drawn if homes else ():
        homes[slot % len(homes)].append(shape)
    category_ids = tuple(category.id for category in groups)
    return Edition(
        id=draw(_SLUGS),
        title=draw(_TEXTS),
        as_of=Period.month(window.start.year, window.start.month),
        window=window,
        publisher=draw(_TEXTS),
        source=draw(_SOURCES),
        categories=groups,
        initiatives=tuple(
            place.initiative(shell, category_ids, home)
            for shell, home in zip(shells, homes, strict=True)
        ),
        footnotes=notes,
        excluded_initiatives=draw(_EXCLUDED),
    )


def for_type(kind: type) -> st.SearchStrategy[object]:
    """The strategy ``st.from_type(kind)`` uses for a model type (the Hypothesis plugin)."""
    strategies: dict[type, st.SearchStrategy[object]] = {
        Period: periods(),
        Footnote: _FOOTNOTE,
        SubItem: sub_items(),
        Milestone: milestones(),
        Category: _CATEGORIES,
        Initiative: initiatives(),
        Source: _SOURCES,
        Edition: editions(),
    }
    return strategies[kind]
