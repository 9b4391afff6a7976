"""Exact bounds, wording and messages of every period constructor and notation.

These pin what the mutation testing of ``period.py`` found unpinned: the first and last
day of each half and quarter, the wording passed to each constructor, the order of
periods that differ only in wording, and the input quoted in span errors.
"""

from __future__ import annotations

from datetime import date

import pytest

from calaim_timeline import Period, PeriodError, Precision


@pytest.mark.parametrize(
    ("notation", "start", "end", "precision"),
    [
        ("2022-02-04", date(2022, 2, 4), date(2022, 2, 4), Precision.DAY),
        ("2022-02", date(2022, 2, 1), date(2022, 2, 28), Precision.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
        ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31), Precision.QUARTER),
        ("2022-Q2", date(2022, 4, 1), date(2022, 6, 30), Precision.QUARTER),
        ("2022-Q3", date(2022, 7, 1), date(2022, 9, 30), Precision.QUARTER),
        ("2022-Q4", date(2022, 10, 1), date(2022, 12, 31), Precision.QUARTER),
        ("2022-H1", date(2022, 1, 1), date(2022, 6, 30), Precision.HALF),
        ("2022-H2", date(2022, 7, 1), date(2022, 12, 31), Precision.HALF),
        ("2022", date(2022, 1, 1), date(2022, 12, 31), Precision.YEAR),
        ("2021-02-11/2021-02-28", date(2021, 2, 11), date(2021, 2, 28), Precision.SPAN),
        ("2021-11/2022-03", date(2021, 11, 1), date(2022, 3, 31), Precision.SPAN),
    ],
)
def test_each_notation_has_its_exact_bounds(
    notation: str, start: date, end: date, precision: Precision
) -> None:
    """Parsing gives the first and last day of the unit, and formats back the same."""
    period = Period.parse(notation)
    assert (period.start, period.end, period.precision, str(period)) == (
        start,
        end,
        precision,
        notation,
    )


def test_every_constructor_keeps_the_wording() -> None:
    """The text given to a constructor is the period's wording."""
    made = [
        Period.day(date(2021, 2, 4), text="Thursday, February 4"),
        Period.month(2022, 1, text="January"),
        Period.quarter(2022, 1, text="early 2022"),
        Period.half(2021, 2, text="the last half of 2021"),
        Period.year(2022, text="in 2022"),
        Period.span(date(2021, 2, 11), date(2021, 2, 28), text="mid to late February"),
        Period.months(Period.month(2021, 4), Period.month(2021, 6), text="April to June"),
    ]
    assert [(str(p), p.text) for p in made] == [
        ("2021-02-04", "Thursday, February 4"),
        ("2022-01", "January"),
        ("2022-Q1", "early 2022"),
        ("2021-H2", "the last half of 2021"),
        ("2022", "in 2022"),
        ("2021-02-11/2021-02-28", "mid to late February"),
        ("2021-04/2021-06", "April to June"),
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Period.quarter(2022, 0), "quarter must be 1 to 4 (got 0)"),
        (lambda: Period.quarter(2022, 5), "quarter must be 1 to 4 (got 5)"),
        (lambda: Period.half(2022, 0), "half must be 1 or 2 (got 0)"),
        (lambda: Period.half(2022, 3), "half must be 1 or 2 (got 3)"),
        (lambda: Period.month(2022, 1, text="early\nJanuary"), "'text' must be non-empty, on one line, without surrounding spaces (got 'early\\nJanuary')"),
        (
            lambda: Period(start=date(2022, 6, 1), end=date(2022, 12, 31), precision=Precision.HALF),
            "bounds 2022-06-01 to 2022-12-31 are not one half (a half starting there runs 2022-01-01 to 2022-06-30)",
        ),
        (
            lambda: Period(start=date(2022, 7, 15), end=date(2022, 12, 31), precision=Precision.HALF),
            "bounds 2022-07-15 to 2022-12-31 are not one half (a half starting there runs 2022-07-01 to 2022-12-31)",
        ),
        (
            lambda: Period(start=date(2022, 5, 15), end=date(2022, 6, 30), precision=Precision.QUARTER),
            "bounds 2022-05-15 to 2022-06-30 are not one quarter (a quarter starting there runs 2022-04-01 to 2022-06-30)",
        ),
        (lambda: Period.parse("2021-02-30/2021-03-01"), "invalid period '2021-02-30/2021-03-01': 2021-02-30 is not a calendar day (day is out of range for month)"),
        (lambda: Period.parse("2021-02-01/2021-02-30"), "invalid period '2021-02-01/2021-02-30': 2021-02-30 is not a calendar day (day is out of range for month)"),
        (lambda: Period.parse("2021-13/2022-01"), "invalid period '2021-13/2022-01': month must be 01 to 12 (got 13)"),
        (lambda: Period.parse("2021-11/2021-13"), "invalid period '2021-11/2021-13': month must be 01 to 12 (got 13)"),
    ],
)  # fmt: skip
def test_bad_arguments_are_refused_with_the_reason(make: object, message: str) -> None:
    """Each bad argument raises PeriodError with the exact reason."""
    assert callable(make)
    with pytest.raises(PeriodError) as raised:
        make()
    assert str(raised.value) == message


def test_periods_that_differ_only_in_wording_are_ordered_by_it() -> None:
    """Same days and unit: no wording first, then the wordings in text order."""
    plain = Period.month(2022, 1)
    early = Period.month(2022, 1, text="early January")
    late = Period.month(2022, 1, text="late January")
    assert sorted([late, early, plain]) == [plain, early, late]
    assert (early < late, late < early, early <= late, late >= early) == (True, False, True, True)
