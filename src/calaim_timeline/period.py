"""Imprecise periods: "January 2022", "2022-Q1", "the last half of 2021", "February 4".

A :class:`Period` is an inclusive range of days with a :class:`Precision` that says
which unit it was given in, and optionally the source's own wording (``text``).
:meth:`Period.parse` and :meth:`Period.format` are each other's inverse on the
canonical notation::

    day      2022-01-01
    month    2022-01
    quarter  2022-Q1
    half     2021-H2
    year     2021
    span     2021-02-11/2021-02-28   (days)   or   2021-11/2022-03   (whole months)

Parsing never coarsens: text that is not exactly one of these forms is a
:class:`~calaim_timeline.errors.PeriodError`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache, total_ordering
from typing import Final, TypeAlias

import attrs

from calaim_timeline._notation import (
    Precision,
    is_plain_date,
    is_wording,
    month_index,
    read,
    unit_bounds,
    write,
)
from calaim_timeline._relation import Relation
from calaim_timeline.errors import OptionError, PeriodError

__all__ = [
    "UNKNOWN",
    "Period",
    "Precision",
    "Relation",
    "UnknownDate",
    "When",
    "parse_when",
    "when_months",
    "when_relation",
]


_RANK: Final = {p: i for i, p in enumerate(Precision)}


@total_ordering
@attrs.frozen(kw_only=True, order=False, repr=False)
class Period:
    """An inclusive range of days, the unit it was given in, and its source wording.

    Build one with :meth:`parse` or the unit constructors; the constructor checks that
    the bounds fit the precision (a month starts on the 1st and ends on its last day).

    Examples:
        >>> p = Period.parse("2021-02-11/2021-02-28", text="mid to late February")
        >>> p.precision, p.start, p.end
        (<Precision.SPAN: 'span'>, datetime.date(2021, 2, 11), datetime.date(2021, 2, 28))
        >>> str(Period.quarter(2022, 1)), Period.parse("2021-H2").end
        ('2022-Q1', datetime.date(2021, 12, 31))
        >>> Period.parse("2022-01") < Period.parse("2022-Q1") < Period.parse("2022-02")
        True
    """

    start: date = attrs.field(validator=is_plain_date)
    end: date = attrs.field(validator=is_plain_date)
    precision: Precision = attrs.field(validator=attrs.validators.instance_of(Precision))
    text: str | None = attrs.field(default=None, validator=is_wording)

    def __attrs_post_init__(self) -> None:
        """Check that the bounds are exactly one unit of the precision."""
        if self.start > self.end:
            msg = f"period must not end before it starts (got {self.start} to {self.end})"
            raise PeriodError(msg)
        if self.precision is Precision.SPAN:
            if self.start == self.end:
                msg = f"a span must cover more than one day; use the day form {self.start}"
                raise PeriodError(msg)
            return
        expected = unit_bounds(self.precision, self.start)
        if expected != (self.start, self.end):
            msg = (
                f"bounds {self.start} to {self.end} are not one {self.precision.value}"
                f" (a {self.precision.value} starting there runs {expected[0]} to {expected[1]})"
            )
            raise PeriodError(msg)

    # -- construction -------------------------------------------------------------

    @classmethod
    def day(cls, value: date, *, text: str | None = None) -> Period:
        """The single day ``value``."""
        return cls(start=value, end=value, precision=Precision.DAY, text=text)

    @classmethod
    def _unit(cls, precision: Precision, year: object, month: object, text: str | None) -> Period:
        """The unit of ``precision`` that starts on the 1st of ``month`` of ``year``."""
        try:
            first = date(year, month, 1)  # type: ignore[arg-type]
        except (ValueError, OverflowError) as error:
            raise PeriodError(str(error)) from None
        except TypeError:
            msg = f"a {precision.value} needs a whole year (got {year!r}) and month (got {month!r})"
            raise PeriodError(msg) from None
        start, end = unit_bounds(precision, first)
        return cls(start=start, end=end, precision=precision, text=text)

    @classmethod
    def month(cls, year: int, month: int, *, text: str | None = None) -> Period:
        """A calendar month, ``2022-01``; PeriodError for a month that is not 1 to 12.

        Examples:
            >>> Period.month(2022, 13)
            Traceback (most recent call last):
            ...
            calaim_timeline.errors.PeriodError: month must be in 1..12
        """
        return cls._unit(Precision.MONTH, year, month, text)

    @classmethod
    def quarter(cls, year: int, quarter: int, *, text: str | None = None) -> Period:
        """A calendar quarter (1 to 4), ``2022-Q1``."""
        if quarter not in range(1, 5):
            msg = f"quarter must be 1 to 4 (got {quarter!r})"
            raise PeriodError(msg)
        return cls._unit(Precision.QUARTER, year, 3 * quarter - 2, text)

    @classmethod
    def half(cls, year: int, half: int, *, text: str | None = None) -> Period:
        """A half year (1 or 2), ``2021-H2``."""
        if half not in (1, 2):
            msg = f"half must be 1 or 2 (got {half!r})"
            raise PeriodError(msg)
        return cls._unit(Precision.HALF, year, 6 * half - 5, text)

    @classmethod
    def year(cls, year: int, *, text: str | None = None) -> Period:
        """A calendar year, ``2021``."""
        return cls._unit(Precision.YEAR, year, 1, text)

    @classmethod
    def span(cls, start: date, end: date, *, text: str | None = None) -> Period:
        """Any range of more than one day, ``2021-02-11/2021-02-28``."""
        return cls(start=start, end=end, precision=Precision.SPAN, text=text)

    @classmethod
    def months(cls, first: Period, last: Period, *, text: str | None = None) -> Period:
        """The span from the start of ``first`` to the end of ``last``.

        Examples:
            >>> str(Period.months(Period.month(2021, 11), Period.month(2022, 3)))
            '2021-11/2022-03'
        """
        given: tuple[object, object] = (first, last)  # checked at run time, whatever the types
        for name, value in zip(("first", "last"), given, strict=True):
            if not isinstance(value, Period):
                msg = f"'{name}' must be a Period (got {type(value).__name__})"
                raise OptionError(msg)
        return cls.span(first.start, last.end, text=text)

    def with_text(self, text: str | None) -> Period:
        """The same period with other source wording (None for none)."""
        return attrs.evolve(self, text=text)

    # -- text -----------------------------------------------------------------------

    @classmethod
    def parse(cls, value: str, *, text: str | None = None) -> Period:
        """Read the canonical notation; ``text`` is the source wording to keep.

        Raises :class:`~calaim_timeline.errors.PeriodError`, quoting the input, for
        anything that is not exactly one of the notations.
        """
        return _parsed(_require_text(value), text)

    def format(self) -> str:
        """The canonical notation; the inverse of :meth:`parse` (wording aside)."""
        return write(self.start, self.end, self.precision)

    def __str__(self) -> str:
        """The canonical notation, as :meth:`format`."""
        return self.format()

    def __repr__(self) -> str:
        """``Period('2022-01')``, with the wording when there is one."""
        wording = "" if self.text is None else f", text={self.text!r}"
        return f"Period({self.format()!r}{wording})"

    # -- order ----------------------------------------------------------------------

    def _cmpkey(self) -> tuple[date, date, int, bool, str]:
        # Start, then end, then precision; the wording last, so that the order is
        # total and consistent with ==, which compares the wording too.
        return (self.start, self.end, _RANK[self.precision], self.text is not None, self.text or "")

    def __lt__(self, other: object) -> bool:
        """Order by start, end, precision, then wording (``<=``, ``>``, ``>=`` follow)."""
        if not isinstance(other, Period):
            return NotImplemented
        return self._cmpkey() < other._cmpkey()

    # -- relations ------------------------------------------------------------------

    def contains(self, other: Period) -> bool:
        """Whether every day of ``other`` lies in this period."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    @staticmethod
    def relation(old: Period, new: Period) -> Relation:
        """Classify the move from ``old`` to ``new``.

        Examples:
            >>> Period.relation(Period.parse("2022-01"), Period.parse("2022-03"))
            <Relation.DELAYED: 'delayed'>
            >>> Period.relation(Period.parse("2022-Q1"), Period.parse("2022-02"))
            <Relation.NARROWED: 'narrowed'>
            >>> Period.relation(Period.parse("2022-Q1"), Period.parse("2022-01/2022-03"))
            <Relation.RESTATED: 'restated'>
        """
        if old == new:
            return Relation.SAME
        if (old.start, old.end) == (new.start, new.end):
            return Relation.RESTATED
        if old.contains(new):
            return Relation.NARROWED
        if new.contains(old):
            return Relation.WIDENED
        # Neither contains the other, so both bounds moved the same way.
        return Relation.DELAYED if new.start > old.start else Relation.ADVANCED

    @staticmethod
    def shift_months(old: Period, new: Period) -> int:
        """The signed move in months of the period's last day (its "due by" date).

        Counted in calendar months between the months of the two end dates, whatever
        the precisions: ``2021-H2`` (ends December 2021) to ``2022-01`` is +1;
        ``2022-Q1`` to ``2022-01`` is -2; two days in the same month give 0.

        Examples:
            >>> Period.shift_months(Period.parse("2021-H2"), Period.parse("2022-01"))
            1
        """
        return month_index(new.end) - month_index(old.end)


def _require_text(value: object) -> str:
    if not isinstance(value, str):
        msg = f"a period must be written as a string (got {value!r})"
        raise PeriodError(msg)
    return value


@lru_cache(maxsize=4096)
def _parsed(value: str, text: str | None = None) -> Period:
    # The one cache of Period.parse: snapshots repeat a handful of periods (and their
    # wordings) many thousand times, and a Period is immutable, so the same object may
    # be shared.
    if text is not None:
        return _parsed(value).with_text(text)
    start, end, precision = read(value)
    return Period(start=start, end=end, precision=precision)


UNKNOWN: Final = "unknown"
"""How a snapshot writes an unknown date (``when = "unknown"``)."""


@total_ordering
@attrs.frozen(kw_only=True, order=False, repr=False)
class UnknownDate:
    """A date the source does not give: "TBD", "To be determined", "Pending", an empty cell.

    The milestone is listed, but not yet (or no longer) dated. ``text`` is the source's
    wording, kept as given. An unknown date sorts after every period: a list ordered by
    date ends with the milestones nobody has dated.

    Examples:
        >>> tbd = UnknownDate(text="TBD")
        >>> str(tbd), tbd.text, Period.parse("9999-12-31") < tbd
        ('unknown', 'TBD', True)
        >>> sorted([UnknownDate(), Period.parse("2022-01")])
        [Period('2022-01'), UnknownDate()]
    """

    text: str | None = attrs.field(default=None, validator=is_wording)

    def format(self) -> str:
        """The file format's notation, ``unknown``."""
        return UNKNOWN

    def __str__(self) -> str:
        """``unknown``, as :meth:`format`."""
        return UNKNOWN

    def __repr__(self) -> str:
        """``UnknownDate()``, with the wording when there is one."""
        return "UnknownDate()" if self.text is None else f"UnknownDate(text={self.text!r})"

    def with_text(self, text: str | None) -> UnknownDate:
        """The same unknown date with other source wording (None for none)."""
        return attrs.evolve(self, text=text)

    def _cmpkey(self) -> tuple[bool, str]:
        return (self.text is not None, self.text or "")

    def __lt__(self, other: object) -> bool:
        """After every period; among unknown dates, by wording (none first).

        ``<=``, ``>`` and ``>=`` follow from it and ``==``.
        """
        if isinstance(other, Period):
            return False
        if not isinstance(other, UnknownDate):
            return NotImplemented
        return self._cmpkey() < other._cmpkey()


When: TypeAlias = Period | UnknownDate
"""When a milestone is due: a period, or an unknown date."""


def parse_when(value: str, *, text: str | None = None) -> When:
    """A period's canonical notation, or ``unknown``; ``text`` is the wording to keep.

    Examples:
        >>> parse_when("unknown", text="TBD"), parse_when("2022-Q1")
        (UnknownDate(text='TBD'), Period('2022-Q1'))
    """
    if value == UNKNOWN:
        return UnknownDate(text=text)
    return _parsed(_require_text(value), text)


def when_relation(old: When, new: When) -> Relation:
    """How a milestone's date moved: :meth:`Period.relation`, or to or from unknown.

    Examples:
        >>> when_relation(Period.parse("2022-01"), UnknownDate(text="TBD"))
        <Relation.UNDATED: 'undated'>
        >>> when_relation(UnknownDate(), UnknownDate(text="TBD"))
        <Relation.RESTATED: 'restated'>
    """
    if isinstance(old, Period) and isinstance(new, Period):
        return Period.relation(old, new)
    if isinstance(old, Period):
        return Relation.UNDATED
    if isinstance(new, Period):
        return Relation.DATED
    return Relation.SAME if old == new else Relation.RESTATED


def when_months(old: When, new: When) -> int | None:
    """:meth:`Period.shift_months` between two dates; None where either is unknown.

    Examples:
        >>> when_months(Period.parse("2022-01"), Period.parse("2022-Q1"))
        2
        >>> when_months(Period.parse("2022-01"), UnknownDate()) is None
        True
    """
    if isinstance(old, Period) and isinstance(new, Period):
        return Period.shift_months(old, new)
    return None
