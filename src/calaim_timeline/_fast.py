"""The fast path of loading: two shortcuts for the common case of a large, sound file.

Reading and checking a snapshot each exist once, the careful way, which finds every
problem and says where (:mod:`calaim_timeline._build`, :mod:`calaim_timeline.validation`).
For the common case, a large file with nothing wrong, these shortcuts answer at once:

- :func:`milestone` reads a plain milestone table (no sub-items, no wording, every
  value of its type) inline, and gives None for any other table;
- :func:`sound` asks every rule of a milestone's validation of all the milestones at
  once, in C loops, and says False where any could fail.

Each shortcut answers only when it is sure, and then exactly as the careful way would;
otherwise the caller goes the careful way. Whether they are used is chosen here, once:
:data:`ON`, off when the environment sets ``CALAIM_TIMELINE_CAREFUL=1``. The test suite
runs every load and validate test both ways, and property tests hold each shortcut to
the careful reader and checker.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from itertools import chain
from operator import attrgetter
from typing import Any, Final

import attrs

from calaim_timeline._values import ID_PATTERN, MISSING, Problem, encodes, items, number
from calaim_timeline.errors import PeriodError
from calaim_timeline.model import Milestone, MilestoneKind, Status
from calaim_timeline.period import Period, parse_when

__all__ = ["ON", "all_clean", "milestone", "sound"]

ON: bool = os.environ.get("CALAIM_TIMELINE_CAREFUL", "") in {"", "0"}
"""Whether loading takes the shortcuts (the one place the choice is made)."""

_KIND_OR_NONE: Final[dict[str | None, MilestoneKind | None]] = {None: None}
_KIND_OR_NONE.update({kind.value: kind for kind in MilestoneKind})
_STATUSES: Final = {status.value: status for status in Status}
_PLAIN_KEYS: Final = frozenset(field.name for field in attrs.fields(Milestone)) - {"sub_items"}
_new_milestone: Final = Milestone.from_checked


def milestone(table: object) -> Milestone | None:
    """The milestone of a plain table, read at once; None for any other table.

    Examples:
        >>> milestone({"id": "go-live", "title": "Go-live", "when": "2022-01"}).when
        Period('2022-01')
        >>> milestone({"id": "go-live", "title": "Go-live", "when": "2022-01", "x": 1}) is None
        True
    """
    if type(table) is not dict:
        return None
    get = table.get
    identifier, title, notation = get("id"), get("title"), get("when")
    kind, status = get("kind"), get("status", "planned")
    lineage = get("lineage", identifier)
    if not (
        type(identifier) is str
        and type(title) is str
        and type(notation) is str
        and type(lineage) is str
        and (kind is None or type(kind) is str)
        and type(status) is str
        and table.keys() <= _PLAIN_KEYS
    ):
        return None
    chosen_kind: Any = _KIND_OR_NONE.get(kind, MISSING)
    chosen_status = _STATUSES.get(status)
    if chosen_kind is MISSING or chosen_status is None:
        return None
    try:
        when = parse_when(notation)
    except PeriodError:
        return None
    try:
        footnotes = items(table, "footnotes", number) if "footnotes" in table else ()
    except Problem:
        return None  # said the careful way, in the order of the fields
    return _new_milestone(
        identifier, title, chosen_kind, when, (), footnotes, chosen_status, lineage
    )


_ID: Final = attrgetter("id")
_LINEAGE: Final = attrgetter("lineage")
_WHEN: Final = attrgetter("when")
_FOOTNOTES: Final = attrgetter("footnotes")
_SUB_ITEMS: Final = attrgetter("sub_items")


def sound(milestones: list[Milestone], window: Period, notes: set[int]) -> bool:
    """Whether no milestone has a problem its careful validation would find.

    Each rule is asked of every milestone at once; a period shared by many milestones is
    one object, and is looked at once.
    """
    fullmatch = ID_PATTERN.fullmatch
    ids = list(map(_ID, milestones))
    if not all(map(fullmatch, ids)) or not all(
        map(fullmatch, set(map(_LINEAGE, milestones)).difference(ids))
    ):
        return False
    whens = list(map(_WHEN, milestones))
    for when in dict(zip(map(id, whens), whens, strict=True)).values():
        if isinstance(when, Period) and (when.end < window.start or when.start > window.end):
            return False
        if when.text is not None and not encodes(when.text):
            return False
    sub_items = list(chain.from_iterable(map(_SUB_ITEMS, milestones)))
    return (
        all_clean(list(map(attrgetter("title"), milestones)))
        and all_clean(list(map(attrgetter("text"), sub_items)))
        and notes.issuperset(chain.from_iterable(map(_FOOTNOTES, milestones)))
        and notes.issuperset(chain.from_iterable(map(_FOOTNOTES, sub_items)))
    )


def all_clean(texts: Iterable[str]) -> bool:
    """Whether :func:`~calaim_timeline._values.clean` holds for every text, asked at once.

    Printable text (no control, format or surrogate character) is storable and safe, so
    one test of the texts joined stands for the two searches of each.

    Examples:
        >>> all_clean(["Go-live", "Launch"]), all_clean(["Go-live", "Launch "])
        (True, False)
    """
    texts = list(texts)
    joined = "".join(texts)
    return (
        all(texts)
        and list(map(str.strip, texts)) == texts
        and (joined.isprintable() or encodes(joined))
    )
