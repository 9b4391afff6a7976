"""Registers the model strategies with Hypothesis, so that ``st.from_type(Edition)`` works.

Hypothesis calls :func:`setup` when it is imported, through the ``hypothesis`` entry point
in ``pyproject.toml``. Only the model is imported here; the strategies themselves are
imported the first time Hypothesis asks for one, so an installed calaim-timeline costs a
test suite that never uses it next to nothing.
"""

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

__all__ = ["MODEL_TYPES", "setup"]

MODEL_TYPES = (
    Period,
    UnknownDate,
    Footnote,
    SubItem,
    Milestone,
    Category,
    Initiative,
    Source,
    Edition,
)
"""The types given a strategy; the enums (kinds, statuses, precisions) need none."""


def _resolve(kind: type) -> st.SearchStrategy[object]:
    from calaim_timeline.strategies.by_type import for_type  # noqa: PLC0415 - on first use

    return for_type(kind)


def setup() -> None:
    """Register a strategy for every model type (the ``hypothesis`` entry point)."""
    for kind in MODEL_TYPES:
        st.register_type_strategy(kind, _resolve)
