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
from datetime import date, timedelta
from typing import Final

import attrs

from calaim_timeline._reporting import shortened
from calaim_timeline.errors import PeriodError
from calaim_timeline.importers._date_forms import HINT, DateError, NoFormError, Year, full, single
from calaim_timeline.importers._vocabulary import STATUS_WORDS, UNKNOWN_WORDS
from calaim_timeline.model import Status
from calaim_timeline.period import Period, UnknownDate, When

__all__ = [
    "HINT",
    "MAX_DATE_CELL",
    "DateError",
    "DateReader",
    "read_status",
    "read_when",
    "status_word",
]

_HALF_YEAR: Final = timedelta(days=183)
_STATUS_WORDS: Final = "|".join(sorted(map(re.escape, STATUS_WORDS), key=len, reverse=True))
# Possessive quantifiers (*+, ++): a run of spaces or marks is taken once, never given back
# piece by piece, so no input makes these backtrack (a run of spaces took 119 s before).
_STATUS_AFTER: Final = re.compile(
    rf"\s*+(?:[-\u2013\u2014:,;]\s*+)?[(\[]?\s*+(?P<word>{_STATUS_WORDS})"
    r"(?:\s*+!++)?(?:\s*+[)\]])?(?:\s*+!++)?\s*+$",
    re.IGNORECASE,
)
_STATUS_BEFORE: Final = re.compile(
    rf"^\s*+[(\[]?\s*+(?P<word>{_STATUS_WORDS})"
    r"(?:\s*+!++)?(?:\s*+[)\]])?(?:\s*+[-\u2013\u2014:,;]\s*+|\s++)",
    re.IGNORECASE,
)
MAX_DATE_CELL: Final = 200
"""The longest date cell read: the longest real one ("no sooner than …, and no later than
…") is under 80 characters; a longer cell is refused with its start quoted."""
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


_BOUNDED: Final = full(r"no sooner than\s++(?P<a>.+?),?\s++and\s++no later than\s++(?P<b>.+)")
_BETWEEN: Final = full(r"between\s++(?P<a>.+?)\s++and\s++(?P<b>.+)")


def _joined(first: Period, last: Period, words: str) -> Period:
    if last.end < first.start:
        msg = f"{words!r} ends before it starts"
        raise DateError(msg)
    return Period.span(first.start, last.end)


def _range(words: str, year: Year) -> Period | None:
    """``A - B``, ``between A and B``, ``no sooner than A, and no later than B``."""
    for form in (_BOUNDED, _BETWEEN):
        found = form.fullmatch(words)
        if found is not None:
            return _pair(found.group("a").strip(" ,"), found.group("b").strip(" ,"), words, year)
    parts = _RANGE.split(words)
    if len(parts) == 2 and all(p.strip() for p in parts):  # noqa: PLR2004 - two ends
        return _pair(parts[0].strip(" ,"), parts[1].strip(" ,"), words, year)
    return None


def _pair(a: str, b: str, words: str, year: Year) -> Period:
    last = single(b, year)
    try:
        first = single(a, Year(last.end.year, year.fiscal_start))
    except NoFormError:
        # "January - March 2022", "April 1 - 15, 2024": the first end borrows from the last.
        first = single(f"{a} {last.end.year}", year)
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


def _period(text: str, year: Year) -> Period:
    """The period of a date's words, a qualifier or a leading word ("by") aside."""
    bare = _LEAD.sub("", text).strip()
    try:
        return _single_or_range(bare, year, text)
    except DateError:
        unqualified = _unqualified(bare)
        if unqualified == bare:
            raise
    return _single_or_range(unqualified, year, text)


def _single_or_range(words: str, year: Year, text: str) -> Period:
    try:
        try:
            return single(words, year)
        except NoFormError as error:
            try:
                found = _range(words, year)
            except NoFormError:
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
    if len(words) > MAX_DATE_CELL:
        msg = (
            f"a date of {len(words):,} characters ({shortened(words, 40)!r}):"
            f" a date cell holds at most {MAX_DATE_CELL}"
        )
        raise DateError(msg)
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
    year = Year(after.year, fiscal_start)
    try:
        when = _period(text, year)
    except DateError:
        if not year.asked:
            raise
        try:  # February 29 of a year that has none: of the next, which may
            return _period(text, Year(after.year + 1, fiscal_start)), True
        except DateError:
            pass
        raise
    if year.asked and when.start < after - _HALF_YEAR:
        return _period(text, Year(after.year + 1, fiscal_start)), True
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
