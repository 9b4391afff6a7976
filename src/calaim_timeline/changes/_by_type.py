"""One table per concern that differs by change type: what each type gets, registered once.

Each per-type concern (a record's JSON fields; in the reports its words, its change-log
section, its digest point, its spreadsheet columns) is a :class:`ByType` keyed by record
type. A type no
table has is an error at once, never a silent default, and a test holds every table
against the list of change types, so a new change type cannot reach a report half done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from calaim_timeline.changes._base import ChangeRecord

__all__ = ["REGISTRIES", "ByType"]

V = TypeVar("V")

REGISTRIES: list[ByType[Any]] = []
"""Every table by change type, for the test that holds each against the change types."""


class ByType(Generic[V]):
    """What each change type gets for one concern: the function that words it, say.

    Examples:
        >>> from calaim_timeline.changes import CHANGE_TYPES
        >>> shout: ByType[Callable[[object], str]] = ByType("shouting", register=False)
        >>> @shout.register(*CHANGE_TYPES)
        ... def _loud(change):
        ...     return "!"
        >>> shout.missing(CHANGE_TYPES)
        ()
    """

    def __init__(self, concern: str, *, register: bool = True) -> None:
        """An empty table of ``concern`` (words for errors), listed in :data:`REGISTRIES`."""
        self.concern = concern
        self._found: dict[type[ChangeRecord], V] = {}
        if register:
            REGISTRIES.append(self)

    def register(self, *kinds: type[ChangeRecord]) -> Callable[[V], V]:
        """A decorator giving the decorated function to records of ``kinds`` (each once)."""

        def add(value: V) -> V:
            self.give(value, *kinds)
            return value

        return add

    def give(self, value: V, *kinds: type[ChangeRecord]) -> None:
        """Give ``value`` to records of ``kinds``; a type given twice is an error."""
        for kind in kinds:
            if kind in self._found:
                msg = f"{kind.__name__} has its {self.concern} already"
                raise ValueError(msg)
            self._found[kind] = value

    def of(self, record: ChangeRecord) -> V:
        """What ``record``'s type gets."""
        return self._found[type(record)]

    def covers(self, kind: type[ChangeRecord]) -> bool:
        """Whether records of ``kind`` have their entry."""
        return kind in self._found

    def missing(self, kinds: Iterable[type[ChangeRecord]]) -> tuple[str, ...]:
        """Those of ``kinds`` with no entry (the tests hold it empty for every change type)."""
        return tuple(k.__name__ for k in kinds if k not in self._found)
