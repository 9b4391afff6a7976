"""Dates in a source's own words, read into periods without coarsening them.

What a list table says in its date column: "January 2022", "Jan. 2022", "Q3 2023",
"the second half of 2021", "2023", "April 1, 2024", "4/1/2024", "mid to late February",
"January - March 2022", "between April and June of 2021", "no sooner than April 1,
2024, and no later than March 31, 2026", or our own notation ("2022-01", "2023-Q3").
A status word ("LIVE!", "Live", "Done", "Complete", "Launched") before or after the date
sets the status. A date without a year ("mid to late February") takes the year of the
edition's as-of month. The period keeps the source's words as its ``text`` unless they
are our notation.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from calaim_timeline._notation import MONTH_NAMES, last_day
from calaim_timeline.errors import PeriodError
from calaim_timeline.importers._vocabulary import STATUS_WORDS
from calaim_timeline.model import Status
from calaim_timeline.period import Period

__all__ = ["HINT", "DateError", "read_status", "read_when", "status_word"]

HINT: Final = (
    "write a day (April 1, 2024), a month (January 2022), a quarter (Q3 2023), a half"
    " (H2 2021), a year (2023) or a range (January - March 2022)"
)

_MONTH: Final = (
    r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR: Final = r"(?P<{0}>\d{{4}})"
_DAY: Final = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
_WEEKDAY: Final = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_ORDINALS: Final = {"1": 1, "first": 1, "1st": 1, "2": 2, "second": 2, "2nd": 2, "last": 0}
_QUARTER_ORDINALS: Final = {
    **{str(k): k for k in range(1, 5)},
    **dict.fromkeys(("first", "1st"), 1),
    **dict.fromkeys(("second", "2nd"), 2),
    **dict.fromkeys(("third", "3rd"), 3),
    **dict.fromkeys(("fourth", "4th", "last"), 4),
}
_PARTS: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
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
    r"^(?:(?:targeted|target|expected|estimated|est\.|by|in|on|around|approximately|about"
    r"|starting|beginning|effective|no later than)\s+)+",
    re.IGNORECASE,
)
_RANGE: Final = re.compile(
    r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\bthru\b|\buntil\b)\s*", re.IGNORECASE
)


class DateError(ValueError):
    """Words that are not a date this module can read."""


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^{pattern}$", re.IGNORECASE)


_DAY_FORMS: Final = (
    _full(rf"{_WEEKDAY}{_MONTH.format('m')}\s+{_DAY.format('d')}(?:,?\s+{_YEAR.format('y')})?"),
    _full(rf"{_WEEKDAY}{_DAY.format('d')}\s+{_MONTH.format('m')}(?:,?\s+{_YEAR.format('y')})?"),
    _full(r"(?P<mn>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"),
)
_MONTH_FORM: Final = _full(rf"{_MONTH.format('m')}(?:,?\s+(?:of\s+)?{_YEAR.format('y')})?")
_QUARTER_FORMS: Final = (
    _full(r"(?:q|quarter\s*)(?P<q>[1-4])(?:\s*(?:of\s+)?|\s*[-/]\s*|\s+cy\s*)(?P<y>\d{4})"),
    _full(r"(?P<y>\d{4})\s*[-/]?\s*q(?P<q>[1-4])"),
    _full(
        r"(?:the\s+)?(?P<q>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+quarter\s+(?:of\s+)?(?P<y>\d{4})"
    ),
)
_HALF_FORMS: Final = (
    _full(r"h(?P<h>[12])\s*(?:of\s+)?(?P<y>\d{4})"),
    _full(r"(?P<y>\d{4})\s*[-/]?\s*h(?P<h>[12])"),
    _full(r"(?:the\s+)?(?P<h>first|1st|second|2nd|last)\s+half\s+(?:of\s+)?(?P<y>\d{4})"),
)
_YEAR_FORM: Final = _full(r"(?:(?:calendar\s+year|cy)\s+)?(?P<y>\d{4})")
_PART_FORM: Final = _full(
    r"(?:(?:in|the)\s+)?(?P<a>early|mid|late)"
    r"(?:\s*-?\s*(?:to|through|-|\u2013)\s*-?\s*(?P<b>early|mid|late))?[\s-]+"
    rf"{_MONTH.format('m')}(?:,?\s+(?:of\s+)?{_YEAR.format('y')})?"
)
_BOUNDED: Final = _full(r"no sooner than\s+(?P<a>.+?),?\s+and\s+no later than\s+(?P<b>.+)")
_BETWEEN: Final = _full(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(k for k, full in enumerate(MONTH_NAMES, start=1) if full.startswith(key))


def _year(found: re.Match[str], default: int) -> int:
    value = found.group("y")
    return int(value) if value else default


def _single(words: str, year: int) -> Period:  # noqa: C901, PLR0911 - one return per form
    """One date or unit of time, the longest form first; raises DateError."""
    try:
        return Period.parse(words)
    except PeriodError:
        pass
    for form in _DAY_FORMS:
        found = form.fullmatch(words)
        if found is not None:
            month = (
                int(found.group("mn"))
                if "mn" in found.groupdict()
                else _month_number(found.group("m"))
            )
            return Period.day(_date(_year(found, year), month, int(found.group("d"))))
    if (found := _MONTH_FORM.fullmatch(words)) is not None:
        return Period.month(_year(found, year), _month_number(found.group("m")))
    for form in _QUARTER_FORMS:
        if (found := form.fullmatch(words)) is not None:
            return Period.quarter(_year(found, year), _QUARTER_ORDINALS[found.group("q").lower()])
    for form in _HALF_FORMS:
        if (found := form.fullmatch(words)) is not None:
            half = _ORDINALS[found.group("h").lower()] or 2
            return Period.half(_year(found, year), half)
    if (found := _YEAR_FORM.fullmatch(words)) is not None:
        return Period.year(_year(found, year))
    if (found := _PART_FORM.fullmatch(words)) is not None:
        y, m = _year(found, year), _month_number(found.group("m"))
        first = _PARTS[found.group("a").lower()][0]
        last = min(_PARTS[(found.group("b") or found.group("a")).lower()][1], last_day(y, m).day)
        return Period.span(_date(y, m, first), _date(y, m, last))
    msg = f"cannot read {words!r} as a date: {HINT}"
    raise DateError(msg)


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        msg = f"{year:04d}-{month:02d}-{day:02d} is not a day of the calendar"
        raise DateError(msg) from None


def _joined(first: Period, last: Period, words: str) -> Period:
    if last.end < first.start:
        msg = f"{words!r} ends before it starts"
        raise DateError(msg)
    return Period.span(first.start, last.end)


def _range(words: str, year: int) -> Period | None:
    """``A - B``, ``between A and B``, ``no sooner than A, and no later than B``."""
    for form in (_BOUNDED, _BETWEEN):
        found = form.fullmatch(words)
        if found is not None:
            return _pair(found.group("a").strip(" ,"), found.group("b").strip(" ,"), words, year)
    parts = _RANGE.split(words)
    if len(parts) == 2 and all(p.strip() for p in parts):  # noqa: PLR2004 - two ends
        return _pair(parts[0].strip(" ,"), parts[1].strip(" ,"), words, year)
    return None


def _pair(a: str, b: str, words: str, year: int) -> Period:
    last = _single(b, year)
    try:
        first = _single(a, last.end.year)
    except DateError:
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


def read_when(words: str, *, year: int) -> tuple[Period, Status | None]:
    """The period and status a date cell gives; ``year`` is for dates without one.

    Raises :class:`DateError` saying what is accepted.

    Examples:
        >>> when, status = read_when("mid to late February", year=2021)
        >>> str(when), when.text, status
        ('2021-02-11/2021-02-28', 'mid to late February', None)
        >>> when, status = read_when("January 2022 - LIVE!", year=2021)
        >>> str(when), when.text, status
        ('2022-01', 'January 2022', <Status.DONE: 'done'>)
        >>> str(read_when("no sooner than April 1, 2024, and no later than March 31, 2026",
        ...               year=2023)[0])
        '2024-04/2026-03'
    """
    text, status = read_status(" ".join(words.split()))
    if not text or _STATUS_BEFORE.sub("", text + " ") == "":
        msg = f"no date in {words!r}: {HINT}"
        raise DateError(msg)
    try:
        return Period.parse(text), status  # our own notation: no wording to keep
    except PeriodError:
        pass
    bare = _LEAD.sub("", text).strip()
    try:
        try:
            when = _single(bare, year)
        except DateError:
            found = _range(bare, year)
            if found is None:
                raise
            when = found
    except DateError:
        raise
    except ValueError as error:  # a year the calendar has no room for: 0000
        msg = f"cannot read {text!r} as a date: {error}"
        raise DateError(msg) from None
    return when.with_text(None if text == str(when) else text), status
