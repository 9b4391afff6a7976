"""Dates in a source's own words, read into periods without coarsening them.

What a list table says in its date column: "January 2022", "Jan. 2022", "Jan-25",
"Q3 2023", "the second half of 2021", "2023", "CY2025", "FY 2024-25", "Summer 2024",
"mid-2024", "end of 2023", "April 1, 2024", "Tue, April 14", "1/15/24", "mid to late
February", "January - March 2022", "between April and June of 2021", "no sooner than
April 1, 2024, and no later than March 31, 2026", or our own notation ("2022-01"). A
qualifier ("July 2024 (tentative)", "Tentatively July 2024") is kept in the wording.
"TBD", "To be determined", "Pending" and an empty cell are an unknown date. A status word
("LIVE!", "Done", "Complete") before or after the date sets the status; on its own it
means done, date unknown.

A date without a year ("Tue, April 14", "mid to late February") takes the year that puts
it at most half a year before the date it follows (the edition's as-of month, or the row
above), so that a list running past December rolls into the next year. The period keeps
the source's words as its ``text`` unless they are our notation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

import attrs

from calaim_timeline._notation import MONTH_NAMES, last_day, month_index, month_start
from calaim_timeline.errors import PeriodError
from calaim_timeline.importers._vocabulary import STATUS_WORDS, UNKNOWN_WORDS
from calaim_timeline.model import Status
from calaim_timeline.period import Period, Precision, UnknownDate, When

__all__ = ["HINT", "DateError", "DateReader", "read_status", "read_when", "status_word"]

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
_HALF_YEAR: Final = timedelta(days=183)
_STATUS_WORDS: Final = "|".join(sorted(map(re.escape, STATUS_WORDS), key=len, reverse=True))
_STATUS_AFTER: Final = re.compile(
    rf"\s*(?:[-\u2013\u2014:,;]\s*)?[(\[]?\s*(?P<word>{_STATUS_WORDS})\s*!*\s*[)\]]?\s*!*$",
    re.IGNORECASE,
)
_STATUS_BEFORE: Final = re.compile(
    rf"^\s*[(\[]?\s*(?P<word>{_STATUS_WORDS})\s*!*\s*[)\]]?\s*(?:[-\u2013\u2014:,;]\s*|\s+)",
    re.IGNORECASE,
)
_LEAD: Final = re.compile(
    r"^(?:(?:targeted|target|expected|estimated|est\.|by|in|on|around|approximately|approx\."
    r"|about|circa|ca\.|starting|beginning|effective|no later than|tentatively|tentative:?"
    r"|projected|anticipated|planned|proposed)\s+(?!of\b)|~\s*)+",
    re.IGNORECASE,
)
_QUALIFIER: Final = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|[*\u2020\u2021]+)$")
"""A trailing qualifier: "(tentative)", "[estimated]", a footnote mark."""
_RANGE: Final = re.compile(
    r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\bthru\b|\buntil\b)\s*", re.IGNORECASE
)


class DateError(ValueError):
    """Words that are not a date this module can read."""


class _NoFormError(DateError):
    """Words that are none of the forms of one date (they may be a range)."""


@attrs.define
class _Year:
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


def _full(pattern: str) -> re.Pattern[str]:
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


_Form = tuple[re.Pattern[str], Callable[[re.Match[str], _Year], Period]]


def _day(found: re.Match[str], year: _Year) -> Period:
    groups = found.groupdict()
    month = int(groups["mn"]) if groups.get("mn") else _month_number(found.group("m"))
    return Period.day(_date(year.of(found), month, int(found.group("d"))))


def _iso_day(found: re.Match[str], _year: _Year) -> Period:
    return Period.parse(found.group("iso"))


def _month(found: re.Match[str], year: _Year) -> Period:
    return Period.month(year.of(found), _month_number(found.group("m")))


def _quarter(found: re.Match[str], year: _Year) -> Period:
    return Period.quarter(year.of(found), _QUARTER_ORDINALS[found.group("q").lower()])


def _half(found: re.Match[str], year: _Year) -> Period:
    return Period.half(year.of(found), _ORDINALS[found.group("h").lower()] or 2)


def _year(found: re.Match[str], year: _Year) -> Period:
    return Period.year(year.of(found))


def _fiscal(found: re.Match[str], year: _Year) -> Period:
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


def _season(found: re.Match[str], year: _Year) -> Period:
    first = _SEASONS[found.group("s").lower()]
    written = year.of(found)
    later = found.group("y2")
    if first == 12 and later is None:  # noqa: PLR2004 - winter 2024: December 2023 on
        written -= 1
    elif later is not None and int(later) % 100 != (written + 1) % 100:
        msg = f"{found.group()!r} names two years that do not follow each other"
        raise DateError(msg)
    return _months(written, first, 3)


def _year_part(found: re.Match[str], year: _Year) -> Period:
    first = _YEAR_PARTS[found.group("a").lower()][0]
    last = _YEAR_PARTS[(found.group("b") or found.group("a")).lower()][1]
    return _months(year.of(found), first, last - first + 1)


def _month_part(found: re.Match[str], year: _Year) -> Period:
    y, m = year.of(found), _month_number(found.group("m"))
    first = _PARTS[found.group("a").lower()][0]
    last = min(_PARTS[(found.group("b") or found.group("a")).lower()][1], last_day(y, m).day)
    return Period.span(_date(y, m, first), _date(y, m, last))


def _edge(found: re.Match[str], year: _Year) -> Period:
    """The end (or beginning) of a period: its last (first) ten days of a month, else month."""
    rest = found.group("rest")
    inner = _THIS_YEAR.fullmatch(rest)
    period = Period.year(year.of(inner)) if inner else _single(rest, year)
    end = found.group("p").lower() in {"end", "close"}
    if period.precision is Precision.DAY:
        msg = f"{found.group()!r}: a day has no end or beginning to speak of"
        raise DateError(msg)
    if period.precision is Precision.MONTH:
        first, last = (21, period.end.day) if end else (1, 10)
        return Period.span(period.start.replace(day=first), period.start.replace(day=last))
    day = period.end if end else period.start
    return Period.month(day.year, day.month)


_THIS_YEAR: Final = _full(r"(?:the\s+)?(?:calendar\s+)?year(?:\s+(?P<y>\d{4}))?")

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


def _year_end(found: re.Match[str], year: _Year) -> Period:
    return Period.month(year.of(found), 12)


_FORMS: Final[tuple[_Form, ...]] = (
    (_full(rf"{_WEEKDAY}(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"), _iso_day),
    (_full(rf"{_WEEKDAY}{_M}\s+{_D}(?:,?\s+{_Y})?"), _day),
    (_full(rf"{_WEEKDAY}{_D}\s+{_M}(?:,?\s+{_Y})?"), _day),
    (_full(rf"{_WEEKDAY}(?P<mn>\d{{1,2}})/(?P<d>\d{{1,2}})(?:/{_SHORT_YEAR})?"), _day),
    (_full(rf"(?P<d>\d{{1,2}})-{_M}(?:-{_SHORT_YEAR})?"), _day),
    (_full(rf"{_M}{_YEAR_AFTER}"), _month),
    (_full(rf"{_M}\s*[-']\s*{_SHORT_YEAR}"), _month),
    (
        _full(r"(?:q|quarter\s*)(?P<q>[1-4])(?:\s*(?:of\s+)?|\s*[-/]\s*|\s+cy\s*)(?P<y>\d{4})"),
        _quarter,
    ),
    (_full(r"(?P<y>\d{4})\s*[-/]?\s*q(?P<q>[1-4])"), _quarter),
    (_full(rf"(?:the\s+)?{_ORDINAL_QUARTER}\s+quarter{_YEAR_AFTER}"), _quarter),
    (_full(r"h(?P<h>[12])\s*(?:of\s+)?(?P<y>\d{4})"), _half),
    (_full(r"(?P<y>\d{4})\s*[-/]?\s*h(?P<h>[12])"), _half),
    (_full(rf"(?:the\s+)?(?P<h>first|1st|second|2nd|last)\s+half{_YEAR_AFTER}"), _half),
    (_full(r"(?:(?:calendar\s+year|cy)\s*)?(?P<y>\d{4})"), _year),
    (
        _full(
            r"(?:state\s+)?(?:fiscal\s+year|s?fy)\s*(?P<a>\d{4}|\d{2})"
            r"(?:\s*[-/\u2013]\s*(?P<b>\d{4}|\d{2}))?"
        ),
        _fiscal,
    ),
    (
        _full(
            r"(?P<s>spring|summer|fall|autumn|winter)"
            r"(?:\s+(?:of\s+)?(?P<y>\d{4})(?:\s*[-/]\s*(?P<y2>\d{4}|\d{2}))?)?"
        ),
        _season,
    ),
    (_full(rf"{_PART_PAIR}(?P<y>\d{{4}})"), _year_part),
    (_full(rf"{_PART_PAIR}{_M}{_YEAR_AFTER}"), _month_part),
    (_full(r"(?:the\s+)?(?P<p>end|close|beginning|start)\s+of\s+(?:the\s+)?(?P<rest>.+)"), _edge),
    (_full(r"(?:year[\s-]?end|end[\s-]of[\s-]year)\s+(?P<y>\d{4})"), _year_end),
)
"""Every form of one date or unit of time, each with how to read it."""

_BOUNDED: Final = _full(r"no sooner than\s+(?P<a>.+?),?\s+and\s+no later than\s+(?P<b>.+)")
_BETWEEN: Final = _full(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)")


def _single(words: str, year: _Year) -> Period:
    """One date or unit of time; raises DateError."""
    try:
        return Period.parse(words)
    except PeriodError:
        pass
    for pattern, read in _FORMS:
        found = pattern.fullmatch(words)
        if found is not None:
            return read(found, year)
    msg = f"cannot read {words!r} as a date: {HINT}"
    raise _NoFormError(msg)


def _joined(first: Period, last: Period, words: str) -> Period:
    if last.end < first.start:
        msg = f"{words!r} ends before it starts"
        raise DateError(msg)
    return Period.span(first.start, last.end)


def _range(words: str, year: _Year) -> Period | None:
    """``A - B``, ``between A and B``, ``no sooner than A, and no later than B``."""
    for form in (_BOUNDED, _BETWEEN):
        found = form.fullmatch(words)
        if found is not None:
            return _pair(found.group("a").strip(" ,"), found.group("b").strip(" ,"), words, year)
    parts = _RANGE.split(words)
    if len(parts) == 2 and all(p.strip() for p in parts):  # noqa: PLR2004 - two ends
        return _pair(parts[0].strip(" ,"), parts[1].strip(" ,"), words, year)
    return None


def _pair(a: str, b: str, words: str, year: _Year) -> Period:
    last = _single(b, year)
    try:
        first = _single(a, _Year(last.end.year, year.fiscal_start))
    except _NoFormError:
        # "January - March 2022", "April 1 - 15, 2024": the first end borrows from the last.
        first = _single(f"{a} {last.end.year}", year)
    if first.start == last.start and first.end == last.end:
        return first
    return _joined(first, last, words)


def status_word(words: str) -> Status | None:
    """The status a status cell names ("Live!", "Done", "Planned"), or None.

    Examples:
        >>> status_word("LIVE!"), status_word("Upcoming"), status_word("TBD")
        (<Status.DONE: 'done'>, <Status.PLANNED: 'planned'>, None)
    """
    return STATUS_WORDS.get(" ".join(words.strip(" !.()[]").lower().split()))


def read_status(words: str) -> tuple[str, Status | None]:
    """The words without a status word before or after them, and the status it sets.

    Examples:
        >>> read_status("January 2022 - LIVE!")
        ('January 2022', <Status.DONE: 'done'>)
        >>> read_status("Q3 2023")
        ('Q3 2023', None)
    """
    for pattern in (_STATUS_AFTER, _STATUS_BEFORE):
        found = pattern.search(words)
        if found is not None and found.group().strip() != words.strip():
            rest = (words[: found.start()] + words[found.end() :]).strip()
            return rest, STATUS_WORDS[" ".join(found.group("word").lower().split())]
    return words.strip(), None


def _unqualified(words: str) -> str:
    """The words without trailing qualifiers ("(tentative)", "[est.]", "*")."""
    while (bare := _QUALIFIER.sub("", words)) != words and bare:
        words = bare
    return words


def _unknown(words: str) -> bool:
    return " ".join(_unqualified(words).strip(" !.?").lower().split()) in UNKNOWN_WORDS


def _period(text: str, year: _Year) -> Period:
    """The period of a date's words, a qualifier or a leading word ("by") aside."""
    bare = _LEAD.sub("", text).strip()
    try:
        return _single_or_range(bare, year, text)
    except DateError:
        unqualified = _unqualified(bare)
        if unqualified == bare:
            raise
    return _single_or_range(unqualified, year, text)


def _single_or_range(words: str, year: _Year, text: str) -> Period:
    try:
        try:
            return _single(words, year)
        except _NoFormError as error:
            try:
                found = _range(words, year)
            except _NoFormError:
                raise error from None
            if found is None:
                raise
            return found
    except DateError:
        raise
    except ValueError as error:  # a year the calendar has no room for: 0000
        msg = f"cannot read {text!r} as a date: {error}"
        raise DateError(msg) from None


def read_when(words: str, *, after: date, fiscal_start: int = 7) -> tuple[When, Status | None]:
    """The date and status a date cell gives.

    ``after`` is the date a date without a year follows (the as-of month's first day, or
    the row above's date): such a date takes the year that puts it at most half a year
    before ``after``. ``fiscal_start`` is the month a fiscal year starts (July in
    California). Raises :class:`DateError` saying what is accepted.

    Examples:
        >>> when, status = read_when("mid to late February", after=date(2021, 1, 1))
        >>> str(when), when.text, status
        ('2021-02-11/2021-02-28', 'mid to late February', None)
        >>> when, status = read_when("January 2022 - LIVE!", after=date(2021, 1, 1))
        >>> str(when), when.text, status
        ('2022-01', 'January 2022', <Status.DONE: 'done'>)
        >>> read_when("Tue, Jan 5", after=date(2020, 12, 15))[0]
        Period('2021-01-05', text='Tue, Jan 5')
        >>> read_when("FY 2024-25 (tentative)", after=date(2024, 1, 1))[0]
        Period('2024-07/2025-06', text='FY 2024-25 (tentative)')
        >>> read_when("TBD", after=date(2024, 1, 1)), read_when("LIVE!", after=date(2024, 1, 1))
        ((UnknownDate(text='TBD'), None), (UnknownDate(text='LIVE!'), <Status.DONE: 'done'>))
    """
    when, status, _ = _read(words, after, fiscal_start)
    return when, status


def _read(words: str, after: date, fiscal_start: int) -> tuple[When, Status | None, bool]:
    """:func:`read_when`, and whether the words gave no year (it came from ``after``)."""
    cell = " ".join(words.split())
    if not cell:
        return UnknownDate(), None, False
    alone = status_word(cell)
    if alone is not None:
        return UnknownDate(text=cell), alone, False
    text, status = read_status(cell)
    if _unknown(text):
        return UnknownDate(text=text), status, False
    try:
        return Period.parse(text), status, False  # our own notation: no wording to keep
    except PeriodError:
        pass
    when, yearless = _dated(text, after, fiscal_start)
    return when.with_text(None if text == str(when) else text), status, yearless


def _dated(text: str, after: date, fiscal_start: int) -> tuple[Period, bool]:
    """The period of ``text``, and whether it gave no year (then it follows ``after``)."""
    year = _Year(after.year, fiscal_start)
    try:
        when = _period(text, year)
    except DateError:
        if not year.asked:
            raise
        try:  # February 29 of a year that has none: of the next, which may
            return _period(text, _Year(after.year + 1, fiscal_start)), True
        except DateError:
            pass
        raise
    if year.asked and when.start < after - _HALF_YEAR:
        return _period(text, _Year(after.year + 1, fiscal_start)), True
    return when, year.asked


@attrs.define
class DateReader:
    """Reads a list's dates in order, a date without a year following the one before it.

    ``after`` starts as the as-of month's first day; each date without a year moves it
    on, so that a list of such dates running past December rolls into the next year.
    Dates with their year leave it be: a list out of order stays in the as-of year.

    Examples:
        >>> read = DateReader(date(2020, 11, 1))
        >>> [str(read.read(words)[0]) for words in ("Dec 8", "2019-05", "Jan 5", "Feb 2")]
        ['2020-12-08', '2019-05', '2021-01-05', '2021-02-02']
    """

    after: date
    fiscal_start: int = 7

    def read(self, words: str) -> tuple[When, Status | None]:
        """The date and status ``words`` give, as :func:`read_when`; raises DateError."""
        when, status, yearless = _read(words, self.after, self.fiscal_start)
        if yearless and isinstance(when, Period):
            self.after = when.start
        return when, status
