"""The parts the model strategies are made of: shapes, their placement, and constants.

A milestone is drawn as a *shape* (its period as day offsets, its footnote references as
slots) and then *placed* in the window and footnotes of its edition, so that every
strategy is built once and drawing never builds another.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, NamedTuple

import attrs
from hypothesis import strategies as st

from calaim_timeline._notation import month_index, month_start
from calaim_timeline.model import (
    CALAIM_SERIES,
    Category,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Series,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period, Precision, UnknownDate

__all__ = ["text_lines"]

_MIN: Final = date(1990, 1, 1)
_MAX: Final = date(2099, 12, 31)
_DAYS: Final = (_MAX - _MIN).days
_LAST_HALF_START: Final = 7  # July starts the second half of a year


_BIDI: Final = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def text_lines(max_size: int) -> st.SearchStrategy[str]:
    """One line of any text, not empty, no surrounding spaces: what ``texts()`` draws."""
    return (
        st.text(
            # Not surrogates (no file stores them), controls or bidi controls (validation
            # refuses them: outputs cannot show them safely).
            st.characters(exclude_categories=["Cs", "Cc"], exclude_characters=_BIDI),
            min_size=1,
            max_size=max_size,
        )
        .map(str.strip)
        .filter(bool)
    )


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
    dated: bool  # False: the date is unknown (the period shape gives only its wording)
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
            when=self.period(shape.when) if shape.dated else UnknownDate(text=shape.when.text),
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
_TEXTS: Final = text_lines(40)
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
    st.none() | text_lines(30),
)
_UNKNOWN_DATES: Final = st.builds(UnknownDate, text=st.none() | text_lines(30))
_SUB_ITEM_SHAPES: Final = st.builds(_SubItemShape, _TEXTS, _REFERENCES, _KINDS)
_MILESTONE_SHAPES: Final = st.builds(
    _MilestoneShape,
    id=_SLUGS,
    title=_TEXTS,
    kind=_KINDS,
    when=_PERIOD_SHAPES,
    dated=st.sampled_from((True,) * 7 + (False,)),
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
_SERIES: Final = st.just(CALAIM_SERIES) | st.builds(
    Series, id=_SLUGS, title=_TEXTS, publisher=_TEXTS
)
_EXCLUDED: Final = st.lists(_TEXTS, max_size=2).map(tuple)
