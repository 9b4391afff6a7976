"""From a document to a model, or to every structural problem the document has.

:func:`build` reads a document with the field readers of ``_build`` and stops at the
first problem, which keeps a sound document fast; only then is the document walked again
(:func:`problems`), with the same readers, going on past each problem: every table of a
list is read, and every field of a table. The problems are reported together, as
validation problems are, in one :class:`~calaim_timeline.errors.SnapshotError`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from calaim_timeline._build import READERS, TABLE_READERS, known, table_of, wordings
from calaim_timeline._reporting import Problem as Found
from calaim_timeline._values import MISSING, Problem, path_of
from calaim_timeline.errors import SnapshotError
from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    Series,
    Source,
    SubItem,
)

__all__ = ["NESTED", "build", "problems", "structure"]

_T = TypeVar("_T")

NESTED: Final[dict[type, dict[str, tuple[type, bool]]]] = {
    Edition: {
        "source": (Source, False),
        "series": (Series, False),
        "categories": (Category, True),
        "initiatives": (Initiative, True),
        "footnotes": (Footnote, True),
    },
    Initiative: {"milestones": (Milestone, True)},
    Milestone: {"sub_items": (SubItem, True)},
}
"""The keys that hold tables of other kinds: one table (False) or a list of them (True)."""

_WORDED: Final[dict[type, tuple[str, ...]]] = {Edition: ("as_of", "window"), Milestone: ("when",)}


def build(document: Mapping[str, Any], *, source: str | None = None) -> Edition:
    """The edition ``document`` describes; a SnapshotError with every structural problem.

    Examples:
        >>> build({"id": "x", "title": "T", "as_of": "2022-05", "window": "2022-05",
        ...        "publisher": "DHCS", "source": {"document": "calendar.md"}}).window
        Period('2022-05')
        >>> build({"id": "x", "title": 5})
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.SnapshotError: <input>: title: must be a string (got int 5)
        <input>: as_of: required field missing
        <input>: window: required field missing
        <input>: publisher: required field missing
        <input>: source: required field missing
    """
    return _read(Edition, document, source)


def structure(value: object, kind: type[_T]) -> _T:
    """A value of a model class ``kind`` (or a Period) from its document form.

    For cattrs converters (:func:`calaim_timeline.codec.configure_converter`), so that
    they build models exactly as :func:`build` does.

    Examples:
        >>> structure({"number": 2, "text": "Pending CMS approval."}, Footnote).number
        2
    """
    return _read(kind, value, None)


def _read(kind: type[_T], value: object, source: str | None) -> _T:
    read: Callable[[Any], _T] = TABLE_READERS[kind]
    try:
        return read(value)
    except Problem as first:
        every = (kind in READERS and problems(value, kind)) or [first]
        found = [Found(path_of(problem.path), problem.message) for problem in every]
        raise SnapshotError.of(found, source=source) from None


def problems(document: object, kind: type = Edition) -> list[Problem]:
    """Every structural problem of ``document`` (a table of ``kind``), in reading order.

    Examples:
        >>> [(p.path, p.message) for p in problems({"id": 5, "title": "T", "as_of": 7})]
        ... # doctest: +NORMALIZE_WHITESPACE
        [(('id',), 'must be a string (got int 5)'),
         (('as_of',), "must be a period written as a string, such as '2022-01' (got int 7)"),
         (('window',), 'required field missing'), (('publisher',), 'required field missing'),
         (('source',), 'required field missing')]
    """
    found: list[Problem] = []
    _visit(kind, document, (), found)
    return found


def _visit(kind: type, value: object, path: tuple[str | int, ...], found: list[Problem]) -> None:
    try:
        table = table_of(value, kind)
    except Problem as problem:
        found.append(problem.under(*path))
        return
    _note(found, path, wordings, table, *_WORDED.get(kind, ()))
    nested = NESTED.get(kind, {})
    for key, read in READERS[kind].items():
        inner, value = nested.get(key), table.get(key, MISSING)
        if inner is None or value is MISSING:
            _note(found, path, read, table)
        elif not inner[1]:
            _visit(inner[0], value, (*path, key), found)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                _visit(inner[0], item, (*path, key, index), found)
        else:  # not a list: the reader says so
            _note(found, path, read, table)
    _note(found, path, known, table, kind)


def _note(
    found: list[Problem],
    path: tuple[str | int, ...],
    check: Any,  # noqa: ANN401 - any reader or check of a table
    table: Mapping[str, Any],
    *more: Any,  # noqa: ANN401
) -> None:
    """Run one check of a table, keeping its problem (under ``path``) if it has one."""
    try:
        check(table, *more)
    except Problem as problem:
        found.append(problem.under(*path))
