"""No builtin exception escapes a public call on bad input: only our errors do.

Random values of every kind (numbers, text, bytes, dates, lists, tables, None) go to
every public constructor and parser; each call either gives a value or raises a
:class:`~calaim_timeline.CalaimTimelineError` (which is also the builtin a caller may
expect: ``OptionError`` a ``TypeError``, ``NotFoundError`` a ``KeyError``).
"""

from __future__ import annotations

import contextlib
import inspect
import io
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import (
    Archive,
    CalaimTimelineError,
    Category,
    DiffOptions,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Period,
    Series,
    Source,
    SubItem,
    Timeline,
    changelog,
    diff,
    from_dict,
    import_table,
    import_table_file,
    load,
    loads,
)
from calaim_timeline.codec import format_named
from calaim_timeline.period import parse_when

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.binary(max_size=6)
    | st.dates()
)
ANYTHING = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
"""Any value a caller might pass by mistake."""

EDITION = Archive.bundled()["2021-11"]

CALLS: dict[str, Callable[..., object]] = {
    "Period.parse": Period.parse,
    "Period.day": Period.day,
    "Period.month": Period.month,
    "Period.quarter": Period.quarter,
    "Period.half": Period.half,
    "Period.year": Period.year,
    "Period.span": Period.span,
    "Period.months": Period.months,
    "parse_when": parse_when,
    "MilestoneKind.from_mark": MilestoneKind.from_mark,
    "Edition.footnote": EDITION.footnote,
    "Archive.bundled()[...]": Archive.bundled().__getitem__,
    "loads": loads,
    "load": load,
    "Archive": Archive,
    "Archive.default": Archive.default,
    "changelog": changelog,
    "import_table_file": import_table_file,
    "from_dict": from_dict,
    "format_named": format_named,
    "DiffOptions": DiffOptions,
    "Timeline": Timeline,
    "diff": diff,
    "import_table": import_table,
}
"""Each public function or method taking values, called with its required parameters."""

MODELS = (Category, Edition, Footnote, Initiative, Milestone, Series, Source, SubItem)


def _required(call: Callable[..., object]) -> tuple[int, list[str]]:
    """How many positional parameters ``call`` requires, and its required keywords."""
    parameters = [p for p in inspect.signature(call).parameters.values() if p.default is p.empty]
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    keywords = [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY]
    return sum(1 for p in parameters if p.kind in kinds), keywords


def _only_ours(call: Callable[..., object], *args: object, **kwargs: object) -> None:
    with contextlib.suppress(CalaimTimelineError):
        call(*args, **kwargs)


@pytest.mark.parametrize("name", CALLS)
@given(data=st.data())
def test_a_public_call_raises_only_our_errors(name: str, data: st.DataObject) -> None:
    """Any values in each positional place: a result, or one of our errors."""
    call = CALLS[name]
    count, keywords = _required(call)
    args = data.draw(st.tuples(*[ANYTHING] * count), label="args")
    kwargs = data.draw(st.fixed_dictionaries(dict.fromkeys(keywords, ANYTHING)), label="kwargs")
    _only_ours(call, *args, **kwargs)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@given(data=st.data())
def test_a_model_constructor_raises_only_our_errors(model: type, data: st.DataObject) -> None:
    """Any values for its required fields and some others: a model, or one of our errors."""
    fields = attrs.fields(model)
    optional = [field.name for field in fields if field.default is not attrs.NOTHING]
    some = st.lists(st.sampled_from(optional), unique=True) if optional else st.just([])
    chosen = data.draw(some, label="optional")
    names = [field.name for field in fields if field.default is attrs.NOTHING] + chosen
    values: dict[str, Any] = {name: data.draw(ANYTHING, label=name) for name in names}
    _only_ours(model, **values)


@given(text=st.text(max_size=40), stream=st.binary(max_size=40), day=st.dates())
def test_the_readers_of_text_and_streams_raise_only_our_errors(
    text: str, stream: bytes, day: date
) -> None:
    """Text, a byte stream and a format name in any case: an edition or our error."""
    for form in ("toml", "json", "JSON", text):
        _only_ours(loads, text, format=form)
        _only_ours(load, io.BytesIO(stream), format=form)
    _only_ours(Period.day, day, text=text)
