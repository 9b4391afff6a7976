"""The canonical notation of periods: its units, reading and writing it, calendar months.

``read`` and ``write`` are each other's inverse on the notation (see
:mod:`calaim_timeline.period`, which builds :class:`~calaim_timeline.period.Period`
values on them). The month helpers are the one place where months are counted.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from calaim_timeline._reporting import quoted
from calaim_timeline.errors import OptionError, PeriodError

if TYPE_CHECKING:
    import attrs

__all__ = [
    "FIRST_MONTH",
    "LAST_MONTH",
    "MONTH_NAMES",
    "Bounds",
    "Precision",
    "is_plain_date",
    "is_wording",
    "last_day",
    "month_index",
    "month_start",
    "read",
    "unit_bounds",
    "write",
]


MONTH_NAMES: Final = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
"""The months' English names, lowercase, January first (the importers read them)."""


class Precision(enum.Enum):
    """The unit a period was given in; declaration order is the ordering tie-break.

    Examples:
        >>> read("2022-Q1").precision, read("2022-01/2022-03").precision
        (<Precision.QUARTER: 'quarter'>, <Precision.SPAN: 'span'>)
    """

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    SPAN = "span"


class Bounds(NamedTuple):
    """The first and last day of a period, and the unit it is written in."""

    start: date
    end: date
    precision: Precision


def last_day(year: int, month: int) -> date:
    """The last day of a calendar month.

    Examples:
        >>> last_day(2024, 2), last_day(9999, 12)
        (datetime.date(2024, 2, 29), datetime.date(9999, 12, 31))
    """
    if month == 12:  # noqa: PLR2004 - December
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def month_index(day: date) -> int:
    """The months since the start of year 0 to ``day``'s month: months count by subtraction.

    Examples:
        >>> month_index(date(2022, 3, 15)) - month_index(date(2021, 12, 1))
        3
    """
    return day.year * 12 + day.month - 1


FIRST_MONTH: Final = date.min.year * 12 + date.min.month - 1
"""The :func:`month_index` of January of year 1, the first month a date can hold."""
LAST_MONTH: Final = date.max.year * 12 + date.max.month - 1
"""The :func:`month_index` of December 9999, the last month a date can hold."""


def month_start(index: int) -> date:
    """The first day of the month :func:`month_index` numbers ``index``.

    Examples:
        >>> month_start(month_index(date(2021, 11, 20)) + 4)
        datetime.date(2022, 3, 1)
    """
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def unit_bounds(precision: Precision, day: date) -> tuple[date, date]:
    """The bounds of the one ``precision`` unit (not a span) that contains ``day``.

    Examples:
        >>> unit_bounds(Precision.QUARTER, date(2022, 5, 9))
        (datetime.date(2022, 4, 1), datetime.date(2022, 6, 30))
    """
    return _UNIT_BOUNDS[precision](day)


def _day_bounds(day: date) -> tuple[date, date]:
    return day, day


def _month_bounds(day: date) -> tuple[date, date]:
    return day.replace(day=1), last_day(day.year, day.month)


def _quarter_bounds(day: date) -> tuple[date, date]:
    first = 3 * ((day.month - 1) // 3) + 1
    return day.replace(month=first, day=1), last_day(day.year, first + 2)


def _half_bounds(day: date) -> tuple[date, date]:
    first = 1 if day.month <= 6 else 7  # noqa: PLR2004 - June ends the first half
    return day.replace(month=first, day=1), last_day(day.year, first + 5)


def _year_bounds(day: date) -> tuple[date, date]:
    return date(day.year, 1, 1), date(day.year, 12, 31)


_UNIT_BOUNDS: Final[dict[Precision, Callable[[date], tuple[date, date]]]] = {
    Precision.DAY: _day_bounds,
    Precision.MONTH: _month_bounds,
    Precision.QUARTER: _quarter_bounds,
    Precision.HALF: _half_bounds,
    Precision.YEAR: _year_bounds,
}

_NOTATIONS: Final = "2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"
_DAY_RE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_RE: Final = re.compile(r"(\d{4})-(\d{2})")
_UNIT_RE: Final = re.compile(r"(\d{4})(?:-([QH])(\d))?")


def _fail(value: str, reason: str) -> PeriodError:
    return PeriodError(f"invalid period {quoted(value)}: {reason}")


def _day(value: str, part: str) -> date | None:
    match = _DAY_RE.fullmatch(part)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as error:
        raise _fail(value, f"{part} is not a calendar day ({error})") from None


def _month(value: str, part: str) -> tuple[date, date] | None:
    match = _MONTH_RE.fullmatch(part)
    if match is None:
        return None
    year, month = (int(g) for g in match.groups())
    if not 1 <= month <= 12:  # noqa: PLR2004 - months of the year
        raise _fail(value, f"month must be 01 to 12 (got {match.group(2)})")
    if year == 0:
        raise _fail(value, "year must be 0001 to 9999")
    return _month_bounds(date(year, month, 1))


def read(value: str) -> Bounds:
    """The bounds and unit that ``value`` writes, or PeriodError quoting it.

    Examples:
        >>> start, end, precision = read("2021-H2")
        >>> start, end, precision.value
        (datetime.date(2021, 7, 1), datetime.date(2021, 12, 31), 'half')
    """
    if "/" in value:
        return _read_span(value)
    day = _day(value, value)
    if day is not None:
        return Bounds(day, day, Precision.DAY)
    month = _month(value, value)
    if month is not None:
        return Bounds(*month, Precision.MONTH)
    match = _UNIT_RE.fullmatch(value)
    if match is None:
        raise _fail(value, f"expected one of {_NOTATIONS}")
    year = int(match.group(1))
    if year == 0:
        raise _fail(value, "year must be 0001 to 9999")
    unit, number = match.group(2), match.group(3)
    if unit is None:
        return Bounds(*_year_bounds(date(year, 1, 1)), Precision.YEAR)
    if unit == "Q":
        if number not in "1234":
            raise _fail(value, "quarter must be Q1 to Q4")
        return Bounds(*_quarter_bounds(date(year, 3 * int(number) - 2, 1)), Precision.QUARTER)
    if number not in "12":
        raise _fail(value, "half must be H1 or H2")
    return Bounds(*_half_bounds(date(year, 6 * int(number) - 5, 1)), Precision.HALF)


def _read_span(value: str) -> Bounds:
    parts = value.split("/")
    if len(parts) != 2:  # noqa: PLR2004 - START/END
        raise _fail(value, "a span is START/END with exactly one '/'")
    first, last = parts
    start_day, end_day = _day(value, first), _day(value, last)
    if start_day is not None and end_day is not None:
        if start_day >= end_day:
            raise _fail(value, "a span's end must come after its start")
        return Bounds(start_day, end_day, Precision.SPAN)
    start_month, end_month = _month(value, first), _month(value, last)
    if start_month is not None and end_month is not None:
        if start_month[0] >= end_month[0]:
            raise _fail(value, "a span's end month must come after its start month")
        return Bounds(start_month[0], end_month[1], Precision.SPAN)
    raise _fail(value, "a span's two ends must both be days (2021-02-11) or both months (2021-11)")


def write(start: date, end: date, precision: Precision) -> str:  # noqa: PLR0911 - one per unit
    """The canonical notation of the bounds in ``precision``; the inverse of :func:`read`.

    Examples:
        >>> write(date(2021, 11, 1), date(2022, 3, 31), Precision.SPAN)
        '2021-11/2022-03'
    """
    if precision is Precision.DAY:
        return start.isoformat()
    if precision is Precision.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if precision is Precision.QUARTER:
        return f"{start.year:04d}-Q{(start.month + 2) // 3}"
    if precision is Precision.HALF:
        return f"{start.year:04d}-H{1 if start.month == 1 else 2}"
    if precision is Precision.YEAR:
        return f"{start.year:04d}"
    whole_months = (
        start.day == 1
        and end == last_day(end.year, end.month)
        and (start.year, start.month) != (end.year, end.month)
    )
    if whole_months:
        return f"{start.year:04d}-{start.month:02d}/{end.year:04d}-{end.month:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def is_plain_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A period's bound: a ``datetime.date`` (a ``datetime`` is a date too, and is refused)."""
    if type(value) is not date:
        msg = f"'{attribute.name}' must be a datetime.date (got {value!r})"
        raise OptionError(msg)


def is_wording(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """The source's wording of a date: None, or text on one line without spaces around."""
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"'{attribute.name}' must be a string or None (got {value!r})"
        raise OptionError(msg)
    if not value.strip() or value != value.strip() or "\n" in value:
        msg = (
            f"'{attribute.name}' must be non-empty, on one line, without surrounding"
            f" spaces (got {value!r})"
        )
        raise PeriodError(msg)
