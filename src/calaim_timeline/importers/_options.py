"""What an import needs that a source may not say, in one value."""

from __future__ import annotations

import attrs

from calaim_timeline._typed import number_from, tuple_of, typed
from calaim_timeline.matching import DEFAULT_THRESHOLD
from calaim_timeline.model import Edition
from calaim_timeline.period import Period

__all__ = ["ImportOptions"]

_OPTIONAL_STRING = typed((str,), "a string or None", optional=True)


@attrs.frozen(kw_only=True)
class ImportOptions:
    """The edition's id, and what stands instead of the source's own words.

    ``as_of``, ``title`` and ``publisher`` stand instead of what the source says and fill
    what it does not; with ``previous``, what matches it keeps its ids, lineages and
    aliases (``threshold`` is how alike two titles must be to match); ``columns`` names a
    list table's columns outright where its headers use words of their own.

    Examples:
        >>> ImportOptions(edition_id="2022-05").threshold == DEFAULT_THRESHOLD
        True
    """

    edition_id: str = attrs.field(validator=typed((str,), "a string"))
    previous: Edition | None = attrs.field(
        default=None, validator=typed((Edition,), "an Edition or None", optional=True)
    )
    threshold: float = attrs.field(default=DEFAULT_THRESHOLD, validator=number_from(0, 100))
    as_of: Period | None = attrs.field(
        default=None, validator=typed((Period,), "a Period or None", optional=True)
    )
    title: str | None = attrs.field(default=None, validator=_OPTIONAL_STRING)
    publisher: str | None = attrs.field(default=None, validator=_OPTIONAL_STRING)
    columns: tuple[tuple[str, str], ...] = attrs.field(
        default=(), validator=tuple_of(tuple, "(role, header) pairs", "a (role, header) pair")
    )
    """A list table's columns given outright: (role, header) pairs, such as ("title", "What")."""
    fiscal_start: int = attrs.field(
        default=7, validator=[typed((int,), "a month number"), number_from(1, 12)]
    )
    """The month a fiscal year starts ("FY 2024-25"): July, California's, unless given."""
    section: str | None = attrs.field(default=None, validator=_OPTIONAL_STRING)
    """The heading of the part of the source to read, where it holds several schedules."""
    series: str | None = attrs.field(default=None, validator=_OPTIONAL_STRING)
    """The id of the series the edition belongs to; else the previous edition's, else the
    layout's own (the calendar's grid: ``calaim-milestones``; a list: its title's slug)."""
