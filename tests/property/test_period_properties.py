from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import Period, PeriodError, Relation
from calaim_timeline.strategies import periods


@given(periods())
def test_format_then_parse_gives_the_period_back(period: Period) -> None:
    """parse(format(p)) == p, the wording carried separately."""
    assert Period.parse(period.format(), text=period.text) == period


@given(periods(wording=False))
def test_canonical_text_is_a_fixed_point(period: Period) -> None:
    """Formatting a parsed canonical text gives the same text."""
    text = period.format()
    assert Period.parse(text).format() == text


@given(periods(), periods())
def test_ordering_is_total_and_consistent_with_equality_and_hash(a: Period, b: Period) -> None:
    """Exactly one of <, ==, > holds, and == agrees with hash."""
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a == b:
        assert hash(a) == hash(b)


@given(periods(), periods(), periods())
def test_ordering_is_transitive(a: Period, b: Period, c: Period) -> None:
    """A <= b <= c implies a <= c."""
    low, middle, high = sorted([a, b, c])
    assert low <= middle <= high
    assert low <= high


@given(periods(), periods())
def test_relation_is_antisymmetric(old: Period, new: Period) -> None:
    """Delayed one way is advanced the other; narrowed is widened; same and restated hold both ways."""
    assert Period.relation(new, old) is Period.relation(old, new).inverse
    assert Period.shift_months(new, old) == -Period.shift_months(old, new)


@given(periods(), periods())
def test_relation_agrees_with_the_bounds(old: Period, new: Period) -> None:
    """Each relation holds exactly when its bounds say so."""
    relation = Period.relation(old, new)
    if relation is Relation.DELAYED:
        assert new.start > old.start and new.end > old.end
    elif relation is Relation.ADVANCED:
        assert new.start < old.start and new.end < old.end
    elif relation is Relation.NARROWED:
        assert old.contains(new) and (old.start, old.end) != (new.start, new.end)
    elif relation is Relation.WIDENED:
        assert new.contains(old) and (old.start, old.end) != (new.start, new.end)
    elif relation is Relation.RESTATED:
        assert (old.start, old.end) == (new.start, new.end) and old != new
    else:
        assert old == new


@given(st.text())
def test_the_parser_either_parses_or_raises_our_error(text: str) -> None:
    """Arbitrary text parses into a period that formats back to it, or raises PeriodError."""
    try:
        period = Period.parse(text)
    except PeriodError:
        return
    assert Period.parse(period.format()) == period


@given(st.from_regex(r"\d{4}(-(\d{2}|Q\d|H\d)(-\d{2})?)?(/\d{4}-\d{2}(-\d{2})?)?", fullmatch=True))
def test_near_miss_notations_parse_or_raise_our_error(text: str) -> None:
    """Texts shaped almost like the notation parse exactly or raise PeriodError."""
    try:
        period = Period.parse(text)
    except PeriodError:
        return
    assert Period.parse(period.format()) == period
