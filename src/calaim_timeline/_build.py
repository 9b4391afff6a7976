"""The fast path from a document to an edition, for documents in regular form.

:func:`calaim_timeline.codec.from_dict` tries :func:`build` first. It gives up (returns
None) at the first thing out of the ordinary: a missing or unknown key, a value of an
unexpected type, a period or value the model refuses. ``from_dict`` then takes the
cattrs path, which names the problem exactly, so this path never decides what an error
says. It is several times faster than cattrs on large files and keeps cattrs off the
command line's start-up; ``tests/property/test_fast_paths.py`` checks that for any document
both paths agree.
"""

from __future__ import annotations

from typing import Any, Final

from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period

__all__ = ["build"]

# The keys each table may have: exactly the keys this module reads, and (a test holds
# them to it) the keys the model's fields give, so that a new field cannot be dropped.
_EDITION_KEYS: Final = frozenset(
    (
        *("id", "title", "as_of", "as_of_text", "window", "window_text", "publisher"),
        *("source", "categories", "initiatives", "footnotes", "excluded_initiatives"),
    )
)
_SOURCE_KEYS: Final = frozenset(("document", "url", "notes"))
_PAIR_KEYS: Final = frozenset(("id", "name"))
_FOOTNOTE_KEYS: Final = frozenset(("number", "text"))
_INITIATIVE_KEYS: Final = frozenset(
    ("id", "name", "category", "aliases", "footnotes", "milestones")
)
_MILESTONE_KEYS: Final = frozenset(
    ("id", "title", "kind", "when", "when_text", "sub_items", "footnotes", "status", "lineage")
)
_SUB_ITEM_KEYS: Final = frozenset(("text", "footnotes", "kind"))
_KINDS: Final = {kind.value: kind for kind in MilestoneKind}
_STATUSES: Final = {status.value: status for status in Status}
_NONE: Final[list[Any]] = []  # an absent list, told apart from a present None


class _IrregularError(Exception):
    """The document is not in the form this path handles."""


def build(document: object) -> Edition | None:
    """The edition ``document`` describes, or None to leave it to the cattrs path.

    The edition is built but not validated: the caller checks its invariants.

    Examples:
        >>> build({"id": "x", "title": "T", "as_of": "2022-05", "window": "2022-05",
        ...        "publisher": "DHCS", "source": {"document": "calendar.md"}}).window
        Period('2022-05')
        >>> build({"id": "x", "colour": "red"}) is None
        True
    """
    try:
        return _edition(document)
    except (_IrregularError, ArithmeticError, LookupError, TypeError, ValueError):
        # PeriodError is a ValueError; the cattrs path reports it with its place.
        return None


def _table(value: object, keys: frozenset[str]) -> dict[str, Any]:
    if type(value) is not dict or not value.keys() <= keys:
        raise _IrregularError
    return value


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise _IrregularError
    return value


def _period(table: dict[str, Any], key: str) -> Period:
    notation = table[key]
    text = table.get(key + "_text")
    if type(notation) is not str or (text is not None and type(text) is not str):
        raise _IrregularError
    return Period.parse(notation, text=text)


def _edition(document: object) -> Edition:
    table = _table(document, _EDITION_KEYS)
    source = _table(table["source"], _SOURCE_KEYS)
    categories = [_table(c, _PAIR_KEYS) for c in _list(table.get("categories", []))]
    footnotes = [_table(f, _FOOTNOTE_KEYS) for f in _list(table.get("footnotes", []))]
    return Edition(
        id=table["id"],
        title=table["title"],
        as_of=_period(table, "as_of"),
        window=_period(table, "window"),
        publisher=table["publisher"],
        source=Source(
            document=source["document"], url=source.get("url"), notes=source.get("notes")
        ),
        categories=tuple(Category(id=c["id"], name=c["name"]) for c in categories),
        initiatives=tuple(map(_initiative, _list(table.get("initiatives", [])))),
        footnotes=tuple(Footnote(number=_number(f["number"]), text=f["text"]) for f in footnotes),
        excluded_initiatives=tuple(_list(table.get("excluded_initiatives", []))),
    )


def _number(value: object) -> int:
    if type(value) is not int:  # a bool is an int to isinstance, not here
        raise _IrregularError
    return value


def _numbers(value: object) -> tuple[int, ...]:
    numbers = tuple(_list(value))
    if any(type(n) is not int for n in numbers):
        raise _IrregularError
    return numbers


def _initiative(value: object) -> Initiative:
    table = _table(value, _INITIATIVE_KEYS)
    return Initiative(
        id=table["id"],
        name=table["name"],
        category=table.get("category"),
        aliases=tuple(_list(table.get("aliases", []))),
        footnotes=_numbers(table.get("footnotes", [])),
        milestones=tuple(map(_milestone, _list(table.get("milestones", [])))),
    )


def _milestone(value: object) -> Milestone:
    # The hot loop of a large file: the common case costs a few dict lookups.
    if type(value) is not dict or not value.keys() <= _MILESTONE_KEYS:
        raise _IrregularError
    identifier: str = value["id"]
    kind = value.get("kind")
    sub_items = value.get("sub_items", _NONE)
    footnotes = value.get("footnotes", _NONE)
    return Milestone(
        id=identifier,
        title=value["title"],
        kind=None if kind is None else _KINDS[kind],
        when=_period(value, "when"),
        sub_items=() if sub_items is _NONE else tuple(map(_sub_item, _list(sub_items))),
        footnotes=() if footnotes is _NONE else _numbers(footnotes),
        status=_STATUSES[value.get("status", Status.PLANNED.value)],
        lineage=value.get("lineage", identifier),
    )


def _sub_item(value: object) -> SubItem:
    table = _table(value, _SUB_ITEM_KEYS)
    kind = table.get("kind")
    return SubItem(
        text=table["text"],
        footnotes=_numbers(table.get("footnotes", [])),
        kind=None if kind is None else _KINDS[kind],
    )
