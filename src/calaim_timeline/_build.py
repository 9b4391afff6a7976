"""The readers of a document's tables (plain dicts and lists): the one way to build a model.

Written for the regular document, the common case of a large file: each value costs a
type test, and where a value is wrong the first problem, in the order of the model's
fields (a table's unknown keys after its fields), is raised as a ``Problem`` naming its
path in the document, ``initiatives[3].milestones[0].when``. Paths are put together only
on the way out of a failure, so a sound document pays nothing for them.
:mod:`calaim_timeline._structure` turns a failure into one error with every problem; the
edition is built, not validated: :func:`calaim_timeline.codec.from_dict` checks its
invariants.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from calaim_timeline import _fast
from calaim_timeline._values import (
    MAX_NUMBER,
    MISSING,
    REQUIRED,
    Problem,
    choice,
    describe,
    items,
    number,
    string,
    string_field,
    within,
)
from calaim_timeline.errors import PeriodError
from calaim_timeline.model import (
    CALAIM_SERIES,
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Series,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period, When, parse_when

__all__ = [
    "KEYS",
    "MAX_NUMBER",
    "READERS",
    "TABLE_READERS",
    "WORDING",
    "describe",
    "known",
    "table_of",
    "worded",
    "wordings",
]

_T = TypeVar("_T")
WORDING: Final = "_text"
"""The suffix of the key that keeps a date's wording beside its notation: when, when_text."""
KEYS: Final[dict[type, tuple[str, ...]]] = {
    Edition: (
        *("id", "title", "as_of", "as_of_text", "window", "window_text", "publisher"),
        *("source", "series", "categories", "initiatives", "footnotes"),
        "excluded_initiatives",
    ),
    Source: ("document", "url", "notes"),
    Series: ("id", "title", "publisher"),
    Category: ("id", "name"),
    Footnote: ("number", "text"),
    Initiative: ("id", "name", "category", "aliases", "footnotes", "milestones"),
    Milestone: (
        *("id", "title", "kind", "when", "when_text", "sub_items", "footnotes", "status"),
        "lineage",
    ),
    SubItem: ("text", "footnotes", "kind"),
}
"""The keys a table of each model class may have, in document order (a test holds them to
the model's fields, so that a new field cannot be forgotten here)."""
_ALLOWED: Final = {kind: frozenset(keys) for kind, keys in KEYS.items()}
_KINDS: Final = {kind.value: kind for kind in MilestoneKind}
_STATUSES: Final = {status.value: status for status in Status}


def worded(key: str, when: When) -> dict[str, str]:
    """The document keys of a date: ``{key: notation}``, and ``{key}_text`` for its wording.

    The one rule for a date's wording, as snapshot files and change records write it.

    Examples:
        >>> worded("when", parse_when("2022-Q1", text="Early 2022"))
        {'when': '2022-Q1', 'when_text': 'Early 2022'}
        >>> worded("old_window", Period.parse("2021"))
        {'old_window': '2021'}
    """
    if when.text is None:
        return {key: str(when)}
    return {key: str(when), key + WORDING: when.text}


def table_of(value: object, kind: type) -> Mapping[str, Any]:
    if type(value) is dict or isinstance(value, Mapping):
        return value
    msg = f"must be a table of {kind.__name__} fields (got {describe(value)})"
    raise Problem(msg)


def known(table: Mapping[str, Any], kind: type) -> None:
    """Raise for keys the model does not know (checked after the fields, as reported)."""
    if table.keys() <= _ALLOWED[kind]:
        return
    unknown = sorted(table.keys() - _ALLOWED[kind], key=str)
    noun = "key" if len(unknown) == 1 else "keys"
    names = ", ".join(repr(key) for key in unknown)
    msg = f"unknown {noun} {names}: the keys of {kind.__name__} are {', '.join(KEYS[kind])}"
    raise Problem(msg)


def wordings(table: Mapping[str, Any], *keys: str) -> None:
    """The wordings of a table's periods are strings (checked before its fields)."""
    for key in keys:
        text = table.get(key + WORDING)
        if text is not None and not isinstance(text, str):  # reported at the table
            msg = f"{key}{WORDING}: must be a string (got {describe(text)})"
            raise Problem(msg)


def _period(table: Mapping[str, Any], key: str) -> Period:
    return _field_notation(_parsed, table, key)


def _when(table: Mapping[str, Any], key: str) -> When:
    return _field_notation(_parsed_when, table, key)


def _field_notation(
    read: Callable[[object, str | None], _T], table: Mapping[str, Any], key: str
) -> _T:
    notation = table.get(key, MISSING)
    if notation is MISSING:
        raise Problem(REQUIRED, key)
    try:
        text = table.get(key + WORDING)  # a wording not a string is reported by wordings()
        return read(notation, text if isinstance(text, str) else None)
    except Problem as problem:
        raise problem.under(key) from None


def _parsed(notation: object, text: str | None = None) -> Period:
    return _notation(Period.parse, notation, text)


def _parsed_when(notation: object, text: str | None = None) -> When:
    return _notation(parse_when, notation, text)


def _notation(parse: Callable[..., _T], notation: object, text: str | None) -> _T:
    if not isinstance(notation, str):
        msg = f"must be a period written as a string, such as '2022-01' (got {describe(notation)})"
        raise Problem(msg)
    try:
        return parse(notation, text=text)
    except PeriodError as error:
        raise Problem(str(error)) from None


def _reader(kind: type[_T], make: Callable[[Mapping[str, Any]], _T]) -> Callable[[object], _T]:
    """Read a table of ``kind``: its fields with ``make``, then its keys."""

    def read(value: object) -> _T:
        table = table_of(value, kind)
        made = make(table)
        known(table, kind)
        return made

    return read


def _kind(table: Mapping[str, Any]) -> MilestoneKind | None:
    kind = table.get("kind")
    return None if kind is None else choice(kind, _KINDS, "kind")


Readers = dict[str, Callable[[Mapping[str, Any]], Any]]
"""A table's field readers, by key, in the order its problems are reported."""


def _string(key: str, default: object = MISSING) -> Callable[[Mapping[str, Any]], Any]:
    return lambda table: string_field(table, key, default)


def _listed(key: str, read: Callable[[Any], _T]) -> Callable[[Mapping[str, Any]], tuple[_T, ...]]:
    return lambda table: items(table, key, read) if key in table else ()


def _optional(
    key: str, read: Callable[[Any], _T], default: _T
) -> Callable[[Mapping[str, Any]], _T]:
    return lambda table: within(key, read, table[key]) if key in table else default


def _required(key: str, read: Callable[[Any], _T]) -> Callable[[Mapping[str, Any]], _T]:
    return lambda table: within(key, read, table.get(key, MISSING))


def _number(table: Mapping[str, Any]) -> int:
    if "number" not in table:
        raise Problem(REQUIRED, "number")
    return within("number", number, table["number"])


def _status(table: Mapping[str, Any]) -> Status:
    return choice(table.get("status", Status.PLANNED.value), _STATUSES, "status")


def _made(kind: type[_T]) -> Callable[[Mapping[str, Any]], _T]:
    """Build ``kind`` from its fields, each read by its reader in :data:`READERS`."""
    return lambda table: kind(**{key: read(table) for key, read in READERS[kind].items()})


def _milestone(value: object) -> Milestone:
    """Read a milestone table: a plain one by the shortcut (where it is on), else carefully."""
    return (_fast.ON and _fast.milestone(value)) or _careful_milestone(value)


def _milestone_fields(table: Mapping[str, Any]) -> Milestone:
    if "when_text" in table:
        wordings(table, "when")
    # READERS[Milestone] field by field, written out: the hot path of a large file whose
    # milestones the shortcut declines (a property test holds the two to one another).
    identifier = string_field(table, "id")
    return Milestone.from_checked(
        identifier,
        string_field(table, "title"),
        _kind(table),
        _when(table, "when"),
        items(table, "sub_items", _sub_item) if "sub_items" in table else (),
        items(table, "footnotes", number) if "footnotes" in table else (),
        _status(table),
        string_field(table, "lineage", identifier),
    )


def _edition_fields(table: Mapping[str, Any]) -> Edition:
    wordings(table, "as_of", "window")
    return _made(Edition)(table)


_edition: Callable[[object], Edition] = _reader(Edition, _edition_fields)
_category: Callable[[object], Category] = _reader(Category, _made(Category))
_footnote: Callable[[object], Footnote] = _reader(Footnote, _made(Footnote))
_initiative: Callable[[object], Initiative] = _reader(Initiative, _made(Initiative))
_careful_milestone = _reader(Milestone, _milestone_fields)
_sub_item: Callable[[object], SubItem] = _reader(SubItem, _made(SubItem))
_present_source = _reader(Source, _made(Source))
_series: Callable[[object], Series] = _reader(Series, _made(Series))


def _source(value: object) -> Source:
    if value is MISSING:
        raise Problem(REQUIRED)
    return _present_source(value)


READERS: Final[dict[type, Readers]] = {
    Edition: {
        "id": _string("id"),
        "title": _string("title"),
        "as_of": lambda table: _period(table, "as_of"),
        "window": lambda table: _period(table, "window"),
        "publisher": _string("publisher"),
        "source": _required("source", _source),
        "series": _optional("series", _series, CALAIM_SERIES),
        "categories": _listed("categories", _category),
        "initiatives": _listed("initiatives", _initiative),
        "footnotes": _listed("footnotes", _footnote),
        "excluded_initiatives": _listed("excluded_initiatives", string),
    },
    Source: {
        "document": _string("document"),
        "url": _string("url", None),
        "notes": _string("notes", None),
    },
    Series: {"id": _string("id"), "title": _string("title"), "publisher": _string("publisher")},
    Category: {"id": _string("id"), "name": _string("name")},
    Footnote: {"number": _number, "text": _string("text")},
    Initiative: {
        "id": _string("id"),
        "name": _string("name"),
        "category": _string("category", None),
        "aliases": _listed("aliases", string),
        "footnotes": _listed("footnotes", number),
        "milestones": _listed("milestones", _milestone),
    },
    Milestone: {
        "id": _string("id"),
        "title": _string("title"),
        "kind": _kind,
        "when": lambda table: _when(table, "when"),
        "sub_items": _listed("sub_items", _sub_item),
        "footnotes": _listed("footnotes", number),
        "status": _status,
        "lineage": _string("lineage", None),
    },
    SubItem: {"text": _string("text"), "footnotes": _listed("footnotes", number), "kind": _kind},
}
"""Each model table's field readers (a test holds their keys to :data:`KEYS`)."""


TABLE_READERS: Final[dict[type, Callable[[Any], Any]]] = {
    Edition: _edition,
    Source: _source,
    Series: _series,
    Category: _category,
    Footnote: _footnote,
    Initiative: _initiative,
    Milestone: _milestone,
    SubItem: _sub_item,
    Period: _parsed,
}
