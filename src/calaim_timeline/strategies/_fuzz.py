"""Fuzzers: damaged text and documents, for testing that every bad input gets a clear error."""

from __future__ import annotations

from typing import Final

from hypothesis import strategies as st

__all__ = ["mutations", "plain_values", "tweaked_documents"]

_EDITS: Final = st.sampled_from(
    ("delete", "insert", "replace", "drop-line", "double-line", "swap-lines", "cut", "hostile")
)
# What a hostile or broken file holds: nesting past a parser's recursion, numbers past
# what Python will read (decimal and hex), controls and escape sequences, bidi overrides;
# markup a parser rescans (unclosed tags and comments), spans that spread a cell over a
# huge table, nested entity declarations, and long runs of one character (which make a
# backtracking pattern slow, in a date cell or anywhere).
_HOSTILE: Final = st.sampled_from(
    (
        "[" * 5_000,
        "{" * 5_000,
        "9" * 5_000,
        "0x" + "f" * 5_000,
        "\x1b[2J",
        "\x00",
        "\x85",
        "\u202e",
        "<a " * 2_000,
        "<!-- " * 500,
        '<td colspan="1000" rowspan="1000">x</td>' * 3,
        '<!DOCTYPE x [<!ENTITY a "&b;&b;&b;&b;&b;"><!ENTITY b "&c;&c;&c;&c;"><!ENTITY c "x">]>&a;',
        "!" * 2_000,
        " " * 2_000,
        "(" * 500,
        "live" + " " * 500 + "x",
    )
)
# Any character a file can hold. An explicit alphabet, not st.text()'s default (the UTF-8
# codec), whose first use costs seconds in a fresh project and trips too_slow.
_CHARACTERS: Final = st.characters(exclude_categories=["Cs"])
_INSERTS: Final = st.text(_CHARACTERS, min_size=1, max_size=8)
_POSITIONS: Final = st.integers(0, 2**24)  # taken modulo the length: one strategy for any text
_LENGTHS: Final = st.integers(1, 20)


@st.composite
def _edit(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    edit = draw(_EDITS)
    at = draw(_POSITIONS) % (len(text) + 1)
    row = draw(_POSITIONS) % len(lines)
    if edit == "delete":
        text = text[:at] + text[at + draw(_LENGTHS) :]
    elif edit == "insert":
        text = text[:at] + draw(_INSERTS) + text[at:]
    elif edit == "replace":
        text = text[:at] + draw(_CHARACTERS) + text[at + 1 :]
    elif edit == "cut":
        text = text[:at]
    elif edit == "hostile":
        text = text[:at] + draw(_HOSTILE) + text[at:]
    else:
        if edit == "drop-line":
            del lines[row]
        elif edit == "double-line":
            lines.insert(row, lines[row])
        else:
            other = draw(_POSITIONS) % len(lines)
            lines[row], lines[other] = lines[other], lines[row]
        text = "\n".join(lines)
    return text


@st.composite
def _mutations(draw: st.DrawFn, text: str, max_edits: int) -> str:
    for _ in range(draw(st.integers(1, max_edits))):
        text = draw(_edit(text))
    return text


def mutations(text: str, *, max_edits: int = 3) -> st.SearchStrategy[str]:
    """``text`` damaged by 1 to ``max_edits`` edits, as hand edits and converters do.

    Each edit deletes or inserts a few characters, replaces one, drops, doubles or
    swaps lines (a doubled line repeats a key), cuts the text short, or inserts what a
    hostile file holds: nesting deeper than a parser recurses, a number of thousands of
    digits, a control character or escape sequence, a bidi override, a flood of unclosed
    tags or comments, cells spanning a thousand columns and rows, nested entity
    declarations, a long run of one character. Feed the result to
    a reader to check that it either reads the text or raises a
    :class:`~calaim_timeline.errors.CalaimTimelineError`, nothing else:

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline import CalaimTimelineError, Period
        >>> @given(mutations("2022-01/2022-03"))
        ... def test_periods_fail_cleanly(text):
        ...     try:
        ...         Period.parse(text)
        ...     except CalaimTimelineError:
        ...         pass
        >>> test_periods_fail_cleanly()
    """
    return _mutations(text, max_edits)


def plain_values() -> st.SearchStrategy[object]:
    """Any value a JSON or TOML document can hold: tables, lists, text, numbers, dates.

    Examples:
        >>> import json
        >>> from hypothesis import given
        >>> @given(plain_values())
        ... def test_my_reader_never_crashes(value):
        ...     json.dumps(value, default=str)  # stands in for your reader
        >>> test_my_reader_never_crashes()
    """
    return _PLAIN_VALUES


def _plain_values() -> st.SearchStrategy[object]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(_CHARACTERS, max_size=10)
        | st.dates()
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text(_CHARACTERS, max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    )


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _replaced(value: object, path: tuple[object, ...], new: object) -> object:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: _replaced(v, rest, new) if k == head else v for k, v in value.items()}
    assert isinstance(value, list)  # noqa: S101 - _paths only walks dicts and lists
    return [_replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]


@st.composite
def _tweaked(draw: st.DrawFn, document: object) -> object:
    path = draw(st.sampled_from(_paths(document)))
    return _replaced(document, path, draw(_PLAIN_VALUES))


def tweaked_documents(document: object) -> st.SearchStrategy[object]:
    """``document`` (plain dicts and lists) with one value anywhere replaced by any value.

    For checking that a reader of structured documents names what is wrong instead
    of crashing: :func:`~calaim_timeline.codec.from_dict` of the result returns an
    edition or raises our error.

    Examples:
        >>> from contextlib import suppress
        >>> from hypothesis import given
        >>> from calaim_timeline import CalaimTimelineError, from_dict
        >>> @given(tweaked_documents({"id": "a", "title": "A calendar"}))
        ... def test_from_dict_names_what_is_wrong(document):
        ...     with suppress(CalaimTimelineError):
        ...         from_dict(document)
        >>> test_from_dict_names_what_is_wrong()
    """
    return _tweaked(document)


_PLAIN_VALUES: Final = _plain_values()
