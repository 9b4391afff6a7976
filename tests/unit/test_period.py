from __future__ import annotations

import operator
import random
from collections.abc import Callable
from datetime import date, datetime

import pytest

from calaim_timeline import Period, PeriodError, Precision, Relation, UnknownDate

# Hand-sorted: every pair is compared with every operator against its position.
PERIODS = [
    "2021-01-01",
    "2021-01-01/2021-01-02",
    "2021-01",
    "2021-Q1",
    "2021-01/2021-03",
    "2021-H1",
    "2021",
    "2021-01/2021-12",
    "2021-02-04",
    "2021-02-11/2021-02-28",
    "2021-02-11/2021-03-01",
    "2021-H2",
    "2021-11/2022-03",
    "2022-01",
    "2022-Q1",
    "2022",
]


def test_the_sorted_list_is_in_the_library_s_order() -> None:
    """Sorting parsed periods reproduces the hand-sorted list."""
    parsed = [Period.parse(p) for p in PERIODS]
    shuffled = random.Random(4).sample(parsed, len(parsed))  # noqa: S311 - a fixed shuffle
    assert [str(p) for p in sorted(shuffled)] == PERIODS


@pytest.mark.parametrize(
    ("op", "expected"),
    [
        (operator.lt, lambda i, j: i < j),
        (operator.le, lambda i, j: i <= j),
        (operator.eq, lambda i, j: i == j),
        (operator.ne, lambda i, j: i != j),
        (operator.ge, lambda i, j: i >= j),
        (operator.gt, lambda i, j: i > j),
    ],
)
def test_every_operator_agrees_with_the_sorted_positions(
    op: Callable[[Period, Period], bool], expected: Callable[[int, int], bool]
) -> None:
    """Each comparison operator orders periods as the hand-sorted list does."""
    parsed = [Period.parse(p) for p in PERIODS]
    for i, left in enumerate(parsed):
        for j, right in enumerate(parsed):
            assert op(left, right) is expected(i, j), (PERIODS[i], PERIODS[j])


def test_wording_breaks_ties_after_precision() -> None:
    """Periods differing only in wording are unequal: none first, then by the wording."""
    plain = Period.parse("2021-02")
    early = Period.parse("2021-02", text="early February")
    late = Period.parse("2021-02", text="late February")
    assert plain != early
    assert sorted([late, early, plain]) == [plain, early, late]
    assert (early < late, late < early, early <= late, late >= early) == (True, False, True, True)


@pytest.mark.parametrize("op", [operator.lt, operator.le, operator.gt, operator.ge])
def test_ordering_against_a_foreign_type_is_a_type_error(
    op: Callable[[object, object], bool],
) -> None:
    """Comparing a period with a string raises TypeError instead of guessing."""
    with pytest.raises(TypeError):
        op(Period.parse("2021-02"), "2021-02")


def test_equality_with_a_foreign_type_is_false() -> None:
    """A period never equals its own notation as a string."""
    assert Period.parse("2021-02") != "2021-02"  # type: ignore[comparison-overlap]


@pytest.mark.parametrize(
    ("notation", "start", "end", "precision"),
    [
        ("2022-01-01", date(2022, 1, 1), date(2022, 1, 1), Precision.DAY),
        ("2022-01", date(2022, 1, 1), date(2022, 1, 31), Precision.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
        ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31), Precision.QUARTER),
        ("2022-Q2", date(2022, 4, 1), date(2022, 6, 30), Precision.QUARTER),
        ("2022-Q3", date(2022, 7, 1), date(2022, 9, 30), Precision.QUARTER),
        ("2022-Q4", date(2022, 10, 1), date(2022, 12, 31), Precision.QUARTER),
        ("2021-H1", date(2021, 1, 1), date(2021, 6, 30), Precision.HALF),
        ("2021-H2", date(2021, 7, 1), date(2021, 12, 31), Precision.HALF),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), Precision.YEAR),
        ("2021-02-11/2021-02-28", date(2021, 2, 11), date(2021, 2, 28), Precision.SPAN),
        ("2021-11/2022-03", date(2021, 11, 1), date(2022, 3, 31), Precision.SPAN),
        ("2021-02-01/2021-02-28", date(2021, 2, 1), date(2021, 2, 28), Precision.SPAN),
    ],
)
def test_canonical_notations_parse_to_exact_bounds(
    notation: str, start: date, end: date, precision: Precision
) -> None:
    """Each canonical notation gives its exact bounds and formats back to itself."""
    period = Period.parse(notation)
    assert (period.start, period.end, period.precision, period.text) == (
        start,
        end,
        precision,
        None,
    )
    assert str(period) == notation


def test_a_day_span_of_whole_months_is_written_as_months() -> None:
    """A span of days that covers whole months is canonically written with months."""
    assert str(Period.parse("2021-02-01/2021-03-31")) == "2021-02/2021-03"


def test_wording_is_kept_and_shown_in_repr() -> None:
    """The source's wording rides along and appears in the repr."""
    period = Period.parse("2021-02-11/2021-02-28", text="mid to late February")
    assert period.text == "mid to late February"
    assert repr(period) == "Period('2021-02-11/2021-02-28', text='mid to late February')"
    assert repr(Period.parse("2022-Q1")) == "Period('2022-Q1')"
    assert period.with_text(None) == Period.parse("2021-02-11/2021-02-28")


@pytest.mark.parametrize(
    ("notation", "message"),
    [
        # Not a notation at all.
        ("", "invalid period '': expected one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"),
        # English words are kept as wording, never parsed.
        ("January 2022", "invalid period 'January 2022': expected one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"),
        # Months have two digits.
        ("2022-1", "invalid period '2022-1': expected one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"),
        # Surrounding spaces are not canonical.
        (" 2022-01", "invalid period ' 2022-01': expected one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"),
        # Lowercase unit letters are not canonical.
        ("2022-q1", "invalid period '2022-q1': expected one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"),
        ("2022-13", "invalid period '2022-13': month must be 01 to 12 (got 13)"),
        ("2022-00", "invalid period '2022-00': month must be 01 to 12 (got 00)"),
        ("2022-02-30", "invalid period '2022-02-30': 2022-02-30 is not a calendar day (day is out of range for month)"),
        ("2022-Q5", "invalid period '2022-Q5': quarter must be Q1 to Q4"),
        ("2022-Q0", "invalid period '2022-Q0': quarter must be Q1 to Q4"),
        ("2022-H3", "invalid period '2022-H3': half must be H1 or H2"),
        ("0000", "invalid period '0000': year must be 0001 to 9999"),
        ("0000-01", "invalid period '0000-01': year must be 0001 to 9999"),
        # Spans run forward and mix no units.
        ("2022-03/2022-01", "invalid period '2022-03/2022-01': a span's end month must come after its start month"),
        ("2022-01/2022-01", "invalid period '2022-01/2022-01': a span's end month must come after its start month"),
        ("2022-01-05/2022-01-05", "invalid period '2022-01-05/2022-01-05': a span's end must come after its start"),
        ("2022-01/2022-02-15", "invalid period '2022-01/2022-02-15': a span's two ends must both be days (2021-02-11) or both months (2021-11)"),
        ("2022-Q1/2022-Q2", "invalid period '2022-Q1/2022-Q2': a span's two ends must both be days (2021-02-11) or both months (2021-11)"),
        ("2022-01/2022-02/2022-03", "invalid period '2022-01/2022-02/2022-03': a span is START/END with exactly one '/'"),
        # A bad end of a span is reported with the whole span, whichever end it is.
        ("2021-02-30/2021-03-01", "invalid period '2021-02-30/2021-03-01': 2021-02-30 is not a calendar day (day is out of range for month)"),
        ("2021-02-01/2021-02-30", "invalid period '2021-02-01/2021-02-30': 2021-02-30 is not a calendar day (day is out of range for month)"),
        ("2021-13/2022-01", "invalid period '2021-13/2022-01': month must be 01 to 12 (got 13)"),
        ("2021-11/2021-13", "invalid period '2021-11/2021-13': month must be 01 to 12 (got 13)"),
    ],
)  # fmt: skip
def test_invalid_notations_are_rejected_with_the_input_quoted(notation: str, message: str) -> None:
    """Anything that is not exactly a canonical notation raises PeriodError, quoting it."""
    with pytest.raises(PeriodError) as raised:
        Period.parse(notation)
    assert str(raised.value) == message


def test_parsing_a_non_string_is_a_period_error() -> None:
    """A number where a period's notation belongs is reported, not coerced."""
    with pytest.raises(PeriodError, match=r"^a period must be written as a string \(got 2022\)$"):
        Period.parse(2022)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Period(start=date(2022, 1, 2), end=date(2022, 1, 31), precision=Precision.MONTH),
            "bounds 2022-01-02 to 2022-01-31 are not one month (a month starting there runs 2022-01-01 to 2022-01-31)",
        ),
        (
            lambda: Period(start=date(2022, 2, 1), end=date(2022, 4, 30), precision=Precision.QUARTER),
            "bounds 2022-02-01 to 2022-04-30 are not one quarter (a quarter starting there runs 2022-01-01 to 2022-03-31)",
        ),
        (
            lambda: Period(start=date(2022, 3, 1), end=date(2022, 2, 1), precision=Precision.SPAN),
            "period must not end before it starts (got 2022-03-01 to 2022-02-01)",
        ),
        (
            lambda: Period.span(date(2022, 3, 1), date(2022, 3, 1)),
            "a span must cover more than one day; use the day form 2022-03-01",
        ),
        (
            lambda: Period(start=date(2022, 5, 15), end=date(2022, 6, 30), precision=Precision.QUARTER),
            "bounds 2022-05-15 to 2022-06-30 are not one quarter (a quarter starting there runs 2022-04-01 to 2022-06-30)",
        ),
        (
            lambda: Period(start=date(2022, 6, 1), end=date(2022, 12, 31), precision=Precision.HALF),
            "bounds 2022-06-01 to 2022-12-31 are not one half (a half starting there runs 2022-01-01 to 2022-06-30)",
        ),
        (
            lambda: Period(start=date(2022, 7, 15), end=date(2022, 12, 31), precision=Precision.HALF),
            "bounds 2022-07-15 to 2022-12-31 are not one half (a half starting there runs 2022-07-01 to 2022-12-31)",
        ),
        (lambda: Period.quarter(2022, 0), "quarter must be 1 to 4 (got 0)"),
        (lambda: Period.quarter(2022, 5), "quarter must be 1 to 4 (got 5)"),
        (lambda: Period.half(2022, 0), "half must be 1 or 2 (got 0)"),
        (lambda: Period.half(2022, 3), "half must be 1 or 2 (got 3)"),
        (
            lambda: Period.month(2022, 1, text="early\nJanuary"),
            "'text' must be non-empty, on one line, without surrounding spaces (got 'early\\nJanuary')",
        ),
        (
            lambda: Period.month(2022, 1, text=" January"),
            "'text' must be non-empty, on one line, without surrounding spaces (got ' January')",
        ),
        (
            lambda: Period.month(2022, 1, text=""),
            "'text' must be non-empty, on one line, without surrounding spaces (got '')",
        ),
    ],
)  # fmt: skip
def test_constructors_refuse_bounds_that_do_not_fit(
    build: Callable[[], Period], message: str
) -> None:
    """Building a period whose bounds are not one unit of its precision raises PeriodError."""
    with pytest.raises(PeriodError) as raised:
        build()
    assert str(raised.value) == message


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


def test_constructors_refuse_datetimes_and_non_strings() -> None:
    """Bounds must be plain dates and wording must be a string."""
    with pytest.raises(TypeError, match=r"^'start' must be a datetime.date \(got datetime"):
        Period.day(datetime(2022, 1, 1))  # noqa: DTZ001
    with pytest.raises(TypeError, match=r"^'text' must be a string or None \(got 3\)$"):
        Period.month(2022, 1, text=3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new", "relation", "months"),
    [
        ("2022-01", "2022-01", Relation.SAME, 0),
        ("2022-01", "2022-03", Relation.DELAYED, 2),
        ("2022-03", "2022-01", Relation.ADVANCED, -2),
        ("2021-H2", "2022-01", Relation.DELAYED, 1),
        ("2022-Q1", "2022-02", Relation.NARROWED, -1),
        ("2022-Q1", "2022-03", Relation.NARROWED, 0),
        ("2022-01", "2022-Q1", Relation.WIDENED, 2),
        ("2022-Q1", "2022-01/2022-03", Relation.RESTATED, 0),
        ("2022-01-05", "2022-01-20", Relation.DELAYED, 0),
        ("2021-02-11/2021-02-28", "2021-02-20/2021-03-15", Relation.DELAYED, 1),
        ("2021-02-11/2021-02-28", "2021-02-01/2021-02-20", Relation.ADVANCED, 0),
    ],
)
def test_relation_and_shift_classify_a_move(
    old: str, new: str, relation: Relation, months: int
) -> None:
    """Each move gets its relation and its signed shift of the end month."""
    before, after = Period.parse(old), Period.parse(new)
    assert Period.relation(before, after) is relation
    assert Period.shift_months(before, after) == months


def test_a_change_of_wording_alone_is_restated() -> None:
    """Same bounds and precision but other wording is a restatement, not the same."""
    plain = Period.parse("2022-01")
    assert Period.relation(plain, plain.with_text("January")) is Relation.RESTATED


def test_relation_inverses() -> None:
    """Each relation names its mirror image."""
    assert {r: r.inverse for r in Relation} == {
        Relation.SAME: Relation.SAME,
        Relation.DELAYED: Relation.ADVANCED,
        Relation.ADVANCED: Relation.DELAYED,
        Relation.NARROWED: Relation.WIDENED,
        Relation.WIDENED: Relation.NARROWED,
        Relation.RESTATED: Relation.RESTATED,
        Relation.UNDATED: Relation.DATED,
        Relation.DATED: Relation.UNDATED,
    }


def test_containment_and_overlap() -> None:
    """Contains and overlaps work on the day bounds, whatever the precisions."""
    quarter, month, later = (Period.parse(x) for x in ("2022-Q1", "2022-02", "2022-04"))
    assert quarter.contains(month)
    assert not month.contains(quarter)
    assert quarter.overlaps(month)
    assert not quarter.overlaps(later)


def test_an_unknown_date_sorts_after_every_period() -> None:
    """Against periods, unknown dates and anything else, as a total order."""
    tbd, none, day = UnknownDate(text="TBD"), UnknownDate(), Period.parse("9999-12-31")
    assert (day < tbd, day <= tbd, tbd > day, tbd >= day) == (True, True, True, True)
    assert (tbd < day, tbd <= day, day > tbd, day >= tbd) == (False, False, False, False)
    assert (none < tbd, none <= tbd, tbd > none, tbd >= none) == (True,) * 4
    dates: list[Period | UnknownDate] = [tbd, day, none]
    assert sorted(dates) == [day, none, tbd]
    assert (repr(none), repr(tbd), str(tbd), tbd.with_text(None)) == (
        "UnknownDate()",
        "UnknownDate(text='TBD')",
        "unknown",
        none,
    )
    for compare in (tbd.__lt__, tbd.__le__, tbd.__gt__, tbd.__ge__):
        assert compare("2022-01") is NotImplemented
    with pytest.raises(PeriodError):
        UnknownDate(text=" TBD")
