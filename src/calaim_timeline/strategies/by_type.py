"""The strategy ``st.from_type`` uses for each model type (the Hypothesis plugin's table)."""

from __future__ import annotations

from hypothesis import strategies as st

from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    Source,
    SubItem,
)
from calaim_timeline.period import Period, UnknownDate
from calaim_timeline.strategies._model import (
    categories,
    editions,
    initiatives,
    milestones,
    periods,
    sources,
    sub_items,
    unknown_dates,
)
from calaim_timeline.strategies._shapes import _FOOTNOTE

__all__ = ["for_type"]


def for_type(kind: type) -> st.SearchStrategy[object]:
    """The strategy ``st.from_type(kind)`` uses for a model type.

    Examples:
        >>> from calaim_timeline import Period
        >>> for_type(Period) is not None
        True
    """
    strategies: dict[type, st.SearchStrategy[object]] = {
        Period: periods(),
        UnknownDate: unknown_dates(),
        Footnote: _FOOTNOTE,
        SubItem: sub_items(),
        Milestone: milestones(),
        Category: categories(),
        Initiative: initiatives(),
        Source: sources(),
        Edition: editions(),
    }
    return strategies[kind]
