"""Each form one date may take in a source's words, and the period it gives.

"January 2022", "Jan-25", "Q3 2023", "the second half of 2021", "CY2025", "FY 2024-25",
"Summer 2024", "mid-2024", "end of 2023", "April 1, 2024", "Tue, April 14", "1/15/24":
:data:`FORMS` pairs the pattern of each with how to read it, and :func:`single` reads
words that are one of them (or our notation). Ranges, statuses and qualifiers around a
date are read by :mod:`calaim_timeline.importers._dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Final

import attrs

from calaim_timeline._notation import MONTH_NAMES, last_day, month_index, month_start
from calaim_timeline.errors import PeriodError
from calaim_timeline.period import Period, Precision

__all__ = ["FORMS", "HINT", "DateError", "NoFormError", "Year", "full", "single"]

HINT: Final = (
    "write a day (April 1, 2024 or 4/1/24), a month (January 2022), a quarter (Q3 2023), a"
    " half (H2 2021), a season (Summer 2024), a year (2023, FY 2024-25), a range (January -"
    " March 2022) or TBD"
)

_MONTH: Final = (
    r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR: Final = r"(?P<{0}>\d{{4}})"
_DAY: Final = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
# A weekday in full or short, or any word ending in "day" before a comma ("Wesnesday,"):
# it only repeats what the date says.
_WEEKDAY: Final = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+|[a-z]+day\.?,?\s+)?"
_ORDINALS: Final = {"1": 1, "first": 1, "1st": 1, "2": 2, "second": 2, "2nd": 2, "last": 0}
_QUARTER_ORDINALS: Final = {
    **{str(k): k for k in range(1, 5)},
    **dict.fromkeys(("first", "1st"), 1),
    **dict.fromkeys(("second", "2nd"), 2),
    **dict.fromkeys(("third", "3rd"), 3),
    **dict.fromkeys(("fourth", "4th", "last"), 4),
}
_PARTS: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
"""Early, mid and late in a month: its first, second and last ten days."""
_YEAR_PARTS: Final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
"""Early, mid and late in a year: its thirds, January-April, May-August, September-December."""
_SEASONS: Final = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
"""The first month of each season, three months long; winter YEAR starts in December before."""


class DateError(ValueError):
    """Words that are not a date this module can read."""


class NoFormError(DateError):
    """Words that are none of the forms of one date (they may be a range)."""


@attrs.define
class Year:
    """The year for dates without one, and whether one of them asked for it."""

    value: int
    fiscal_start: int
    asked: bool = False

    def of(self, found: re.Match[str], group: str = "y") -> int:
        """The year ``group`` gives (two digits are 20xx), else the default one."""
        written = found.groupdict().get(group)
        if written:
            return int(written) + (2000 if len(written) == 2 else 0)  # noqa: PLR2004 - "24"
        self.asked = True
        return self.value


def full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^{pattern}$", re.IGNORECASE)


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(k for k, full in enumerate(MONTH_NAMES, start=1) if full.startswith(key))


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        msg = f"{year:04d}-{month:02d}-{day:02d} is not a day of the calendar"
        raise DateError(msg) from None


def _months(year: int, first: int, count: int) -> Period:
    """``count`` whole months from month ``first`` of ``year`` (which may be 0 or 13)."""
    start = month_start(year * 12 + first - 1)
    end = month_start(month_index(start) + count - 1)
    return Period.span(start, last_day(end.year, end.month))


_Form = tuple[re.Pattern[str], Callable[[re.Match[str], Year], Period]]


def _day(found: re.Match[str], year: Year) -> Period:
    groups = found.groupdict()
    month = int(groups["mn"]) if groups.get("mn") else _month_number(found.group("m"))
    return Period.day(_date(year.of(found), month, int(found.group("d"))))


def _iso_day(found: re.Match[str], _year: Year) -> Period:
    return Period.parse(found.group("iso"))


def _month(found: re.Match[str], year: Year) -> Period:
    return Period.month(year.of(found), _month_number(found.group("m")))


def _quarter(found: re.Match[str], year: Year) -> Period:
    return Period.quarter(year.of(found), _QUARTER_ORDINALS[found.group("q").lower()])


def _half(found: re.Match[str], year: Year) -> Period:
    return Period.half(year.of(found), _ORDINALS[found.group("h").lower()] or 2)


def _year(found: re.Match[str], year: Year) -> Period:
    return Period.year(year.of(found))


def _fiscal(found: re.Match[str], year: Year) -> Period:
    """A fiscal year: ``FY 2024-25`` starts in 2024's fiscal month; ``FY 2025`` ends in 2025."""
    first = year.of(found, "a")
    start = year.fiscal_start
    if found.group("b") is None:
        return _months(first - (start > 1), start, 12)
    last = year.of(found, "b")
    if last % 100 != (first + (start > 1)) % 100:
        msg = (
            f"{found.group()!r} is not one fiscal year: one starting in"
            f" {MONTH_NAMES[start - 1].capitalize()} {first} ends in"
            f" {first + (start > 1)} (see --fiscal-year-start)"
        )
        raise DateError(msg)
    return _months(first, start, 12)


def _season(found: re.Match[str], year: Year) -> Period:
    first = _SEASONS[found.group("s").lower()]
    written = year.of(found)
    later = found.group("y2")
    if first == 12 and later is None:  # noqa: PLR2004 - winter 2024: December 2023 on
        written -= 1
    elif later is not None and int(later) % 100 != (written + 1) % 100:
        msg = f"{found.group()!r} names two years that do not follow each other"
        raise DateError(msg)
    return _months(written, first, 3)


def _year_part(found: re.Match[str], year: Year) -> Period:
    first = _YEAR_PARTS[found.group("a").lower()][0]
    last = _YEAR_PARTS[(found.group("b") or found.group("a")).lower()][1]
    return _months(year.of(found), first, last - first + 1)


def _month_part(found: re.Match[str], year: Year) -> Period:
    y, m = year.of(found), _month_number(found.group("m"))
    first = _PARTS[found.group("a").lower()][0]
    last = min(_PARTS[(found.group("b") or found.group("a")).lower()][1], last_day(y, m).day)
    return Period.span(_date(y, m, first), _date(y, m, last))


def _edge(found: re.Match[str], year: Year) -> Period:
    """The end (or beginning) of a period: its last (first) ten days of a month, else month."""
    rest = found.group("rest")
    inner = _THIS_YEAR.fullmatch(rest)
    period = Period.year(year.of(inner)) if inner else single(rest, year)
    end = found.group("p").lower() in {"end", "close"}
    if period.precision is Precision.DAY:
        msg = f"{found.group()!r}: a day has no end or beginning to speak of"
        raise DateError(msg)
    if period.precision is Precision.MONTH:
        first, last = (21, period.end.day) if end else (1, 10)
        return Period.span(period.start.replace(day=first), period.start.replace(day=last))
    day = period.end if end else period.start
    return Period.month(day.year, day.month)


_THIS_YEAR: Final = full(r"(?:the\s+)?(?:calendar\s+)?year(?:\s+(?P<y>\d{4}))?")

_M: Final = _MONTH.format("m")
_D: Final = _DAY.format("d")
_Y: Final = _YEAR.format("y")
_YEAR_AFTER: Final = rf"(?:,?\s+(?:of\s+)?{_Y})?"
_PART_PAIR: Final = (
    r"(?:(?:in|the)\s+)?(?P<a>early|mid|late)"
    r"(?:\s*-?\s*(?:to|through|-|\u2013)\s*-?\s*(?P<b>early|mid|late))?[\s-]+"
)
_ORDINAL_QUARTER: Final = r"(?P<q>first|1st|second|2nd|third|3rd|fourth|4th|last)"
_SHORT_YEAR: Final = r"(?P<y>\d{4}|\d{2})"


def _year_end(found: re.Match[str], year: Year) -> Period:
    return Period.month(year.of(found), 12)


FORMS: Final[tuple[_Form, ...]] = (
    (full(rf"{_WEEKDAY}(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"), _iso_day),
    (full(rf"{_WEEKDAY}{_M}\s+{_D}(?:,?\s+{_Y})?"), _day),
    (full(rf"{_WEEKDAY}{_D}\s+{_M}(?:,?\s+{_Y})?"), _day),
    (full(rf"{_WEEKDAY}(?P<mn>\d{{1,2}})/(?P<d>\d{{1,2}})(?:/{_SHORT_YEAR})?"), _day),
    (full(rf"(?P<d>\d{{1,2}})-{_M}(?:-{_SHORT_YEAR})?"), _day),
    (full(rf"{_M}{_YEAR_AFTER}"), _month),
    (full(rf"{_M}\s*[-']\s*{_SHORT_YEAR}"), _month),
    (
        full(r"(?:q|quarter\s*)(?P<q>[1-4])(?:\s*(?:of\s+)?|\s*[-/]\s*|\s+cy\s*)(?P<y>\d{4})"),
        _quarter,
    ),
    (full(r"(?P<y>\d{4})\s*[-/]?\s*q(?P<q>[1-4])"), _quarter),
    (full(rf"(?:the\s+)?{_ORDINAL_QUARTER}\s+quarter{_YEAR_AFTER}"), _quarter),
    (full(r"h(?P<h>[12])\s*(?:of\s+)?(?P<y>\d{4})"), _half),
    (full(r"(?P<y>\d{4})\s*[-/]?\s*h(?P<h>[12])"), _half),
    (full(rf"(?:the\s+)?(?P<h>first|1st|second|2nd|last)\s+half{_YEAR_AFTER}"), _half),
    (full(r"(?:(?:calendar\s+year|cy)\s*)?(?P<y>\d{4})"), _year),
    (
        full(
            r"(?:state\s+)?(?:fiscal\s+year|s?fy)\s*(?P<a>\d{4}|\d{2})"
            r"(?:\s*[-/\u2013]\s*(?P<b>\d{4}|\d{2}))?"
        ),
        _fiscal,
    ),
    (
        full(
            r"(?P<s>spring|summer|fall|autumn|winter)"
            r"(?:\s+(?:of\s+)?(?P<y>\d{4})(?:\s*[-/]\s*(?P<y2>\d{4}|\d{2}))?)?"
        ),
        _season,
    ),
    (full(rf"{_PART_PAIR}(?P<y>\d{{4}})"), _year_part),
    (full(rf"{_PART_PAIR}{_M}{_YEAR_AFTER}"), _month_part),
    (full(r"(?:the\s+)?(?P<p>end|close|beginning|start)\s+of\s+(?:the\s+)?(?P<rest>.+)"), _edge),
    (full(r"(?:year[\s-]?end|end[\s-]of[\s-]year)\s+(?P<y>\d{4})"), _year_end),
)
"""Every form of one date or unit of time, each with how to read it."""


def single(words: str, year: Year) -> Period:
    """One date or unit of time; raises DateError."""
    try:
        return Period.parse(words)
    except PeriodError:
        pass
    for pattern, read in FORMS:
        found = pattern.fullmatch(words)
        if found is not None:
            return read(found, year)
    msg = f"cannot read {words!r} as a date: {HINT}"
    raise NoFormError(msg)
