"""From a document (plain dicts and lists) to an edition: the one way to build one.

Written for the regular document, the common case of a large file: each value costs a
type test, and where a value is wrong the first problem, in the order of the model's
fields (a table's unknown keys after its fields), is raised as a
:class:`~calaim_timeline.errors.SnapshotError` naming its path in the document,
``initiatives[3].milestones[0].when``. Paths are put together only on the way out of a
failure, so a sound document pays nothing for them. The edition is built, not
validated: :func:`calaim_timeline.codec.from_dict` checks its invariants.
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
    path_of,
    string,
    string_field,
    within,
)
from calaim_timeline.errors import PeriodError, SnapshotError
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

__all__ = ["KEYS", "MAX_NUMBER", "WORDING", "build", "describe", "structure", "worded"]

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


def build(document: Mapping[str, Any], *, source: str | None = None) -> Edition:
    """The edition ``document`` describes; SnapshotError for its first problem.

    Examples:
        >>> build({"id": "x", "title": "T", "as_of": "2022-05", "window": "2022-05",
        ...        "publisher": "DHCS", "source": {"document": "calendar.md"}}).window
        Period('2022-05')
        >>> build({"id": "x", "title": 5})
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.SnapshotError: <input>: title: must be a string (got int 5)
    """
    try:
        return _edition(document)
    except Problem as problem:
        raise SnapshotError(problem.message, source=source, path=path_of(problem.path)) from None


def structure(value: object, kind: type[_T]) -> _T:
    """A value of a model class ``kind`` (or a Period) from its document form.

    For cattrs converters (:func:`calaim_timeline.codec.configure_converter`), so that
    they build models exactly as :func:`build` does.

    Examples:
        >>> structure({"number": 2, "text": "Pending CMS approval."}, Footnote).number
        2
    """
    read: Callable[[Any], Any] = _READERS[kind]
    try:
        value = read(value)
    except Problem as problem:
        raise SnapshotError(problem.message, path=path_of(problem.path)) from None
    return value  # type: ignore[return-value]


def _table(value: object, kind: type) -> Mapping[str, Any]:
    if type(value) is dict or isinstance(value, Mapping):
        return value
    msg = f"must be a table of {kind.__name__} fields (got {describe(value)})"
    raise Problem(msg)


def _known(table: Mapping[str, Any], kind: type) -> None:
    """Raise for keys the model does not know (checked after the fields, as reported)."""
    if table.keys() <= _ALLOWED[kind]:
        return
    unknown = sorted(table.keys() - _ALLOWED[kind], key=str)
    noun = "key" if len(unknown) == 1 else "keys"
    names = ", ".join(repr(key) for key in unknown)
    msg = f"unknown {noun} {names}: the keys of {kind.__name__} are {', '.join(KEYS[kind])}"
    raise Problem(msg)


def _wordings(table: Mapping[str, Any], *keys: str) -> None:
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
        return read(notation, table.get(key + WORDING))
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
        table = _table(value, kind)
        made = make(table)
        _known(table, kind)
        return made

    return read


def _kind(table: Mapping[str, Any]) -> MilestoneKind | None:
    kind = table.get("kind")
    return None if kind is None else choice(kind, _KINDS, "kind")


def _edition_fields(table: Mapping[str, Any]) -> Edition:
    _wordings(table, "as_of", "window")
    return Edition(
        id=string_field(table, "id"),
        title=string_field(table, "title"),
        as_of=_period(table, "as_of"),
        window=_period(table, "window"),
        publisher=string_field(table, "publisher"),
        source=within("source", _source, table.get("source", MISSING)),
        series=within("series", _series, table["series"]) if "series" in table else CALAIM_SERIES,
        categories=items(table, "categories", _category),
        initiatives=items(table, "initiatives", _initiative),
        footnotes=items(table, "footnotes", _footnote),
        excluded_initiatives=items(table, "excluded_initiatives", string),
    )


def _source_fields(table: Mapping[str, Any]) -> Source:
    return Source(
        document=string_field(table, "document"),
        url=string_field(table, "url", None),
        notes=string_field(table, "notes", None),
    )


def _footnote_fields(table: Mapping[str, Any]) -> Footnote:
    if "number" not in table:
        raise Problem(REQUIRED, "number")
    return Footnote(
        number=within("number", number, table["number"]), text=string_field(table, "text")
    )


def _initiative_fields(table: Mapping[str, Any]) -> Initiative:
    return Initiative(
        id=string_field(table, "id"),
        name=string_field(table, "name"),
        category=string_field(table, "category", None),
        aliases=items(table, "aliases", string),
        footnotes=items(table, "footnotes", number),
        milestones=items(table, "milestones", _milestone),
    )


def _milestone(value: object) -> Milestone:
    """Read a milestone table: a plain one by the shortcut (where it is on), else carefully."""
    return (_fast.ON and _fast.milestone(value)) or _careful_milestone(value)


def _milestone_fields(table: Mapping[str, Any]) -> Milestone:
    if "when_text" in table:
        _wordings(table, "when")
    identifier = string_field(table, "id")
    return Milestone.from_checked(
        identifier,
        string_field(table, "title"),
        _kind(table),
        _when(table, "when"),
        items(table, "sub_items", _sub_item) if "sub_items" in table else (),
        items(table, "footnotes", number) if "footnotes" in table else (),
        choice(table.get("status", Status.PLANNED.value), _STATUSES, "status"),
        string_field(table, "lineage", identifier),
    )


def _sub_item_fields(table: Mapping[str, Any]) -> SubItem:
    return SubItem(
        text=string_field(table, "text"),
        footnotes=items(table, "footnotes", number),
        kind=_kind(table),
    )


_edition = _reader(Edition, _edition_fields)
_category = _reader(
    Category, lambda table: Category(id=string_field(table, "id"), name=string_field(table, "name"))
)
_footnote = _reader(Footnote, _footnote_fields)
_initiative = _reader(Initiative, _initiative_fields)
_careful_milestone = _reader(Milestone, _milestone_fields)
_sub_item = _reader(SubItem, _sub_item_fields)
_present_source = _reader(Source, _source_fields)
_series = _reader(
    Series,
    lambda table: Series(
        id=string_field(table, "id"),
        title=string_field(table, "title"),
        publisher=string_field(table, "publisher"),
    ),
)


def _source(value: object) -> Source:
    if value is MISSING:
        raise Problem(REQUIRED)
    return _present_source(value)


_READERS: Final[dict[type, Callable[[Any], Any]]] = {
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
