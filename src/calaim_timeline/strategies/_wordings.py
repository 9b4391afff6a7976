"""Dates as people write them, each with the date it means: an oracle for importers.

:func:`worded_dates` draws the words a schedule's date cell may hold ("Summer 2024",
"FY 2024-25", "1/15/24", "TBD", "July 2024 (tentative)", "LIVE!") together with the
:class:`~calaim_timeline.period.Period` (or
:class:`~calaim_timeline.period.UnknownDate`) and status an importer must read from them.
Every form here carries its year, so that the words mean one thing wherever they stand.
"""

from __future__ import annotations

from datetime import date
from typing import Final, NamedTuple

from hypothesis import strategies as st

from calaim_timeline._notation import MONTH_NAMES, last_day
from calaim_timeline.model import Status
from calaim_timeline.period import Period, UnknownDate, When

__all__ = ["WordedDate", "worded_dates"]


class WordedDate(NamedTuple):
    """Words of a date cell, the date they mean (wording included) and the status they set.

    Examples:
        >>> from calaim_timeline import Period
        >>> WordedDate("Summer 2024", Period.parse("2024-06/2024-08", text="Summer 2024")).status
    """

    words: str
    when: When
    status: Status | None = None


_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SEASONS: Final = (("Spring", 3), ("Summer", 6), ("Fall", 9), ("Autumn", 9))
_ORDINALS: Final = ("first", "second", "third", "fourth")
_QUALIFIERS: Final = ("(tentative)", "(estimated)", "(TBC)", "[approx.]", "*")
_LEADS: Final = ("by", "Tentatively", "expected", "~")
_UNKNOWN: Final = ("TBD", "To be determined", "TBA", "To be confirmed", "Unknown")
_DONE: Final = ("LIVE!", "Live", "Done", "Complete", "Completed")
_YEARS: Final = st.integers(2000, 2090)


def _name(month: int) -> str:
    return MONTH_NAMES[month - 1].capitalize()


def _months(first: date, months: int) -> Period:
    index = first.year * 12 + first.month - 1 + months - 1
    year, month = divmod(index, 12)
    return Period.span(first, last_day(year, month + 1))


def _worded(words: str, period: Period) -> WordedDate:
    """The words and their period, which keeps them as its wording unless they are notation."""
    return WordedDate(words, period.with_text(None if words == str(period) else words))


@st.composite
def _day(draw: st.DrawFn) -> WordedDate:
    day = draw(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
    name, weekday = _name(day.month), _WEEKDAYS[day.weekday()]
    forms = (
        f"{name} {day.day}, {day.year}",
        f"{name[:3]} {day.day}, {day.year}",
        f"{weekday}, {name} {day.day}, {day.year}",
        f"{weekday[:3]}, {name[:3]} {day.day}, {day.year}",
        f"{day.day} {name} {day.year}",
        f"{day.month}/{day.day}/{day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.month}/{day.day}/{day.year % 100:02d}",
        f"{day.day}-{name[:3]}-{day.year % 100:02d}",
        f"{weekday}, {day.isoformat()}",
        day.isoformat(),
    )
    return _worded(draw(st.sampled_from(forms)), Period.day(day))


@st.composite
def _month(draw: st.DrawFn) -> WordedDate:
    year, month = draw(_YEARS), draw(st.integers(1, 12))
    name = _name(month)
    forms = (
        f"{name} {year}",
        f"{name[:3]}. {year}",
        f"{name[:3]}-{year % 100:02d}",
        f"{name} of {year}",
        f"{year}-{month:02d}",
    )
    return _worded(draw(st.sampled_from(forms)), Period.month(year, month))


@st.composite
def _quarter_or_half(draw: st.DrawFn) -> WordedDate:
    year = draw(_YEARS)
    if draw(st.booleans()):
        q = draw(st.integers(1, 4))
        forms = (f"Q{q} {year}", f"{year} Q{q}", f"{_ORDINALS[q - 1]} quarter of {year}")
        return _worded(draw(st.sampled_from(forms)), Period.quarter(year, q))
    h = draw(st.integers(1, 2))
    forms = (f"H{h} {year}", f"{year}-H{h}", f"the {_ORDINALS[h - 1]} half of {year}")
    return _worded(draw(st.sampled_from(forms)), Period.half(year, h))


@st.composite
def _year(draw: st.DrawFn) -> WordedDate:
    year = draw(_YEARS)
    calendar = (f"{year}", f"CY{year}", f"CY {year}", f"calendar year {year}")
    fiscal = (f"FY {year}-{(year + 1) % 100:02d}", f"FY{year + 1}", f"SFY {year}/{year + 1}")
    if draw(st.booleans()):
        return _worded(draw(st.sampled_from(calendar)), Period.year(year))
    return _worded(draw(st.sampled_from(fiscal)), _months(date(year, 7, 1), 12))


@st.composite
def _season(draw: st.DrawFn) -> WordedDate:
    year = draw(_YEARS)
    if draw(st.booleans()):
        name, first = draw(st.sampled_from(_SEASONS))
        return _worded(f"{name} {year}", _months(date(year, first, 1), 3))
    if draw(st.booleans()):
        return _worded(f"Winter {year}", _months(date(year - 1, 12, 1), 3))
    return _worded(f"Winter {year}-{(year + 1) % 100:02d}", _months(date(year, 12, 1), 3))


@st.composite
def _part(draw: st.DrawFn) -> WordedDate:
    year, month = draw(_YEARS), draw(st.integers(1, 12))
    name, end = _name(month), last_day(year, month).day
    forms = (
        (f"early {year}", _months(date(year, 1, 1), 4)),
        (f"mid-{year}", _months(date(year, 5, 1), 4)),
        (f"late {year}", _months(date(year, 9, 1), 4)),
        (f"end of {year}", Period.month(year, 12)),
        (f"beginning of {year}", Period.month(year, 1)),
        (f"end of {name} {year}", Period.span(date(year, month, 21), date(year, month, end))),
        (f"beginning of {name} {year}", Period.span(date(year, month, 1), date(year, month, 10))),
        (f"early {name} {year}", Period.span(date(year, month, 1), date(year, month, 10))),
        (f"mid to late {name} {year}", Period.span(date(year, month, 11), date(year, month, end))),
        (f"end of Q{(month + 2) // 3} {year}", Period.month(year, (month + 2) // 3 * 3)),
    )
    words, period = draw(st.sampled_from(forms))
    return _worded(words, period)


@st.composite
def _range(draw: st.DrawFn) -> WordedDate:
    year = draw(_YEARS)
    first, last = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2, unique=True)))
    words = f"{_name(first)} - {_name(last)} {year}"
    return _worded(words, Period.months(Period.month(year, first), Period.month(year, last)))


_DATED: Final = st.one_of(
    _day(), _month(), _quarter_or_half(), _year(), _season(), _part(), _range()
)


@st.composite
def _dressed(draw: st.DrawFn) -> WordedDate:
    """A date with a qualifier after it, a word before it, or a status word after it."""
    found = draw(_DATED)
    assert isinstance(found.when, Period)  # noqa: S101 - _DATED draws periods
    how = draw(st.sampled_from(("qualifier", "lead", "status")))
    if how == "qualifier":
        words = f"{found.words} {draw(st.sampled_from(_QUALIFIERS))}"
        return WordedDate(words, found.when.with_text(words))
    if how == "lead":
        words = f"{draw(st.sampled_from(_LEADS))} {found.words}"
        words = words.replace("~ ", "~")
        return WordedDate(words, found.when.with_text(words))
    return WordedDate(f"{found.words} - LIVE!", found.when, Status.DONE)


_UNDATED: Final = st.one_of(
    st.sampled_from(_UNKNOWN).map(lambda words: WordedDate(words, UnknownDate(text=words))),
    st.just(WordedDate("Pending", UnknownDate(text="Pending"), Status.PLANNED)),
    st.sampled_from(_DONE).map(lambda w: WordedDate(w, UnknownDate(text=w), Status.DONE)),
)


def worded_dates() -> st.SearchStrategy[WordedDate]:
    """Dates as people write them, each with the date and status they mean.

    Days ("Tue, Jan 14, 2025", "1/15/24", "15-Jan-24"), months ("Jan-25"), quarters,
    halves, years ("CY2025", "FY 2024-25", a California fiscal year), seasons, parts of a
    year or a month ("mid-2024", "end of 2023"), ranges, each perhaps with a qualifier
    ("(tentative)"), a word before it ("by") or a status after it ("- LIVE!"); and the
    words of an unknown date ("TBD", "Pending") or of one done ("LIVE!").

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline.importers._dates import read_when
        >>> @given(worded_dates())
        ... def test_read_back(worded):
        ...     assert read_when(worded.words, after=date(2000, 1, 1)) == worded[1:]
        >>> test_read_back()
    """
    return st.one_of(_DATED, _dressed(), _UNDATED)
