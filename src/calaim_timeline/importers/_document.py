"""One structured document that every reader gives and every layout reads.

A :class:`Document` is a source's title, its paragraphs and its tables. A table is rows
of :class:`Cell`; a cell is the :class:`Item` s it holds: text, a bullet (level 1) or a
sub-bullet (level 2), each a sequence of :class:`Run` s: text, raised text (kind marks and
footnote numbers written small and high) and kind marks written inline after a word.
Everything carries its :class:`Place` from the start (a line and column in a text file;
a page, table and row in a PDF; a sheet and row in a workbook), so an error names where
it is without being mapped back.

The markdown and web-page readers describe a cell's markup as events (a list opens, an
item starts, a bullet glyph, some text); :class:`ItemBuilder` turns the events into items
the same way for both.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Final

import attrs

from calaim_timeline.errors import BadCellsError, ParseError
from calaim_timeline.importers._vocabulary import BULLET, KIND_MARKS, SUB_BULLET

__all__ = [
    "Cell",
    "Document",
    "Item",
    "ItemBuilder",
    "ManyPlacedError",
    "Place",
    "PlacedError",
    "Run",
    "Style",
    "Table",
    "fail",
    "joined",
    "merged",
    "plain",
    "rstripped",
]

_SUB: Final = 2  # the level of a sub-bullet
_MARKS: Final = re.compile(f"[{re.escape(KIND_MARKS)}]")
_GLYPHS_AND_MARKS: Final = re.compile(f"[{re.escape(KIND_MARKS + BULLET + SUB_BULLET)}]")


@attrs.frozen
class Place:
    """Where a piece of a source is, ``length`` characters long.

    A line (and column) of a text file, a page, table and row of a PDF, or a sheet and
    row of a workbook.

    Examples:
        >>> Place(page=2, table=1, row=4).words(), Place(line=7).words()
        ('page 2, table 1, row 4', 'line 7')
    """

    line: int | None = None
    column: int | None = None
    length: int = 1
    page: int | None = None
    table: int | None = None
    row: int | None = None
    sheet: str | None = None

    def words(self) -> str:
        """The place in words, without the line's column (an excerpt shows that)."""
        parts = [f"sheet {self.sheet!r}"] if self.sheet is not None else []
        parts += [f"page {self.page}"] if self.page is not None else []
        parts += [f"table {self.table}"] if self.table is not None else []
        parts += [f"row {self.row}"] if self.row is not None else []
        if not parts and self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)


class PlacedError(ValueError):
    """What a reader or layout cannot read, and where; :func:`fail` makes it a ParseError."""

    def __init__(self, message: str, place: Place, column: str | None = None) -> None:
        """Say what is wrong at ``place`` (and in which table ``column``, in words)."""
        super().__init__(message)
        self.message = message
        self.place = place
        self.column = column


class ManyPlacedError(ValueError):
    """Several :class:`PlacedError`, found in one pass; :meth:`Document.fail` reports them."""

    def __init__(self, errors: Sequence[PlacedError]) -> None:
        """All of ``errors``, in the order found."""
        super().__init__(f"{len(errors)} errors")
        self.errors = tuple(errors)


def fail(
    message: str, place: Place, *, source: str, lines: Sequence[str] = (), column: str | None = None
) -> ParseError:
    """The error at ``place``, in the table's ``column`` (in words) if given.

    At a line, with an excerpt where the line's text is known; else the place in words.
    """
    named = f"column {column}" if column is not None else ""
    if place.line is not None:
        text = lines[place.line - 1] if 0 < place.line <= len(lines) else None
        return ParseError(
            f"{named}: {message}" if named else message,
            source=source,
            line=place.line,
            column=place.column if text is not None else None,
            text=text,
            length=place.length,
        )
    where = ", ".join(part for part in (place.words(), named) if part)
    return ParseError(f"{where}: {message}" if where else message, source=source)


class Style(enum.Enum):
    """What a run of text is."""

    TEXT = "text"
    RAISED = "raised"
    """Written small and high: kind marks and footnote numbers."""
    MARK = "mark"
    """A kind mark character written inline (``live+``); the grid decides if it is one."""


@attrs.frozen
class Run:
    """A stretch of text of one style, and where it is (a raised run's own place)."""

    text: str
    style: Style = Style.TEXT
    place: Place | None = None


def _collapsed(runs: Sequence[Run]) -> str:
    return " ".join(plain(runs).split())


_SUSPENDED: Final = frozenset({"and", "or", "to", "nor", "&"})
"""Words after which a hyphen at a line's end is written ("pre- and post-")."""


def plain(runs: Sequence[Run]) -> str:
    """The text of ``runs`` as written, without the raised ones."""
    return "".join(r.text for r in runs if r.style is not Style.RAISED)


def joined(before: Sequence[Run], after: Sequence[Run]) -> list[Run]:
    """Two lines of one paragraph as one.

    A space between them, except where a word was broken after a hyphen ("fee-for-" +
    "service") or the second is raised text alone.

    Examples:
        >>> plain(joined([Run("fee-for-")], [Run("service")]))
        'fee-for-service'
        >>> plain(joined([Run("County-")], [Run("& Community-Based")]))
        'County- & Community-Based'
    """
    if all(r.style is Style.RAISED for r in after):
        return [*before, *after]
    left, right = plain(before).rstrip(), plain(after).lstrip()
    words = right.split()
    broken = (
        len(left) > 1
        and left.endswith("-")
        and left[-2].isalpha()
        and right[:1].isalnum()
        and words[0].lower().strip(",;.") not in _SUSPENDED
    )
    if broken:
        return [*rstripped(before), *after]
    return [*before, Run(" "), *after]


def rstripped(runs: Sequence[Run]) -> list[Run]:
    """``runs`` without the spaces at their end."""
    out = list(runs)
    while out and out[-1].style is not Style.RAISED and not out[-1].text.strip():
        out.pop()
    if out and out[-1].style is not Style.RAISED:
        out[-1] = Run(out[-1].text.rstrip(), out[-1].style)
    return out


@attrs.frozen
class Item:
    """A paragraph of a cell: text (level 0), a bullet (1) or a sub-bullet (2)."""

    level: int
    runs: tuple[Run, ...]
    place: Place
    glyph: str = ""
    """The bullet glyph written before it (``•``, ``○``…), empty for a list item's own."""

    @property
    def text(self) -> str:
        """The item's text, spaces collapsed, without its raised runs."""
        return _collapsed(self.runs)

    @property
    def raised_first(self) -> str | None:
        """The raised text the item starts with (a footnote's number), if it starts so."""
        first = self.runs[0] if self.runs else None
        return first.text if first is not None and first.style is Style.RAISED else None


@attrs.frozen
class Cell:
    """A table cell: its items (none when empty) and where it is."""

    items: tuple[Item, ...]
    place: Place

    @property
    def text(self) -> str:
        """The cell's text, its items joined by a space, without raised runs or bullets."""
        return " ".join(t for t in (item.text for item in self.items) if t)

    @property
    def written(self) -> str:
        """The cell's text with the bullet glyphs written in it, as a list table reads it.

        A list table's cell is text: "Phase 2 ○" keeps its circle.
        """
        parts = (f"{item.glyph} {item.text}".strip() for item in self.items)
        return " ".join(part for part in parts if part)


@attrs.frozen
class Table:
    """Rows of cells (a spanned cell spread into empty ones), and where the table starts.

    ``caption`` is the table's caption or the heading just before it.
    """

    rows: tuple[tuple[Cell, ...], ...]
    place: Place
    caption: str | None = None


@attrs.frozen
class Document:
    """A source read: its name, title, paragraphs outside its tables, and tables.

    ``lines`` are a text source's lines, for the excerpt an error shows; ``wraps`` says
    that the producer broke its lines (a PDF), so that text a page break cut goes on as
    a wrapped line does (see :func:`joined`).
    """

    source: str
    title: str | None
    texts: tuple[Item, ...]
    tables: tuple[Table, ...]
    lines: tuple[str, ...] = ()
    wraps: bool = False

    def fail(self, message: str, place: Place, column: str | None = None) -> ParseError:
        """The error at ``place`` in this document."""
        return fail(message, place, source=self.source, lines=self.lines, column=column)

    def fail_all(self, error: PlacedError | ManyPlacedError) -> ParseError:
        """The error, or every one of the errors, at their places in this document."""
        if isinstance(error, PlacedError):
            return self.fail(error.message, error.place, error.column)
        found = [self.fail(e.message, e.place, e.column) for e in error.errors]
        return found[0] if len(found) == 1 else BadCellsError(found)


@attrs.define
class _Open:
    """An item being read: ``fresh`` until text follows its list item's start."""

    level: int
    place: Place
    runs: list[Run] = attrs.Factory(list)
    fresh: bool = False
    glyph: str = ""


@attrs.define
class ItemBuilder:
    """Items from the events of a cell's markup (lists, list items, bullets, text).

    With ``bullets`` false (a name, a paragraph), ``•`` and ``○`` are text.
    """

    place: Place
    bullets: bool = True
    depth: int = 0
    found: list[_Open] = attrs.Factory(list)
    current: _Open | None = None

    def open_list(self) -> None:
        """A ``<ul>`` or ``<ol>``."""
        self.depth += 1

    def close_list(self, place: Place) -> None:
        """Its end; raises PlacedError for an end with no start."""
        self.depth -= 1
        if self.depth < 0:
            msg = "</ul> without an opening <ul>"
            raise PlacedError(msg, place)

    def start_item(self, place: Place) -> None:
        """A ``<li>``: a bullet, or a sub-bullet inside a nested list."""
        self.current = _Open(level=min(max(self.depth, 1), _SUB), place=place, fresh=True)
        self.found.append(self.current)

    def end_item(self) -> None:
        """A ``</li>``."""
        self.current = None

    def bullet(self, glyph: str, place: Place) -> None:
        """A bullet glyph: a new item, unless it is the one a list item starts with."""
        level = 1 if glyph == BULLET else _SUB
        if self.current is not None and self.current.fresh:
            self.current.level = max(level, self.current.level)
            self.current.fresh = False
        else:
            self.current = _Open(level=level, place=place, glyph=glyph)
            self.found.append(self.current)

    def run(self, run: Run, place: Place) -> None:
        """A run of text; text outside any item starts one of level 0."""
        if self.current is None:
            if not run.text.strip():
                return
            self.current = _Open(level=0, place=place)
            self.found.append(self.current)
        self.current.runs.append(run)
        self.current.fresh = self.current.fresh and not run.text.strip()
        self.current.place = _through(self.current.place, place)

    def text(self, text: str, place: Place) -> None:
        """Text as written in the markup: bullet glyphs start items, kind marks are marks."""
        start = 0
        for found in (_GLYPHS_AND_MARKS if self.bullets else _MARKS).finditer(text):
            k, char = found.start(), found.group()
            if k > start:
                self.run(Run(text[start:k]), _within(place, start, k - start))
            if char in KIND_MARKS:
                self.run(Run(char, Style.MARK), _within(place, k, 1))
            else:
                self.bullet(char, _within(place, k, 1))
            start = k + 1
        if start < len(text):
            self.run(Run(text[start:]), _within(place, start, len(text) - start))

    def items(self, end: Place) -> tuple[Item, ...]:
        """The items read; raises PlacedError at ``end`` if a list is still open."""
        if self.depth > 0:
            msg = "a <ul> list is not closed (is the row cut short?)"
            raise PlacedError(msg, end)
        return tuple(
            Item(o.level, merged(o.runs), o.place, o.glyph)
            for o in self.found
            if o.level or _collapsed(o.runs) or any(r.style is Style.RAISED for r in o.runs)
        )


def _within(place: Place, offset: int, length: int) -> Place:
    """The place ``offset`` characters into ``place``, ``length`` long, on a line."""
    if place.column is None:
        return place
    return Place(line=place.line, column=place.column + offset, length=length)


def _through(start: Place, end: Place) -> Place:
    """``start``'s place, spanning the characters up to the end of ``end`` on its line."""
    if start.column is None or end.column is None or start.line != end.line:
        return start
    length = max(start.length, end.column + end.length - start.column)
    return start if length == start.length else Place(start.line, start.column, length)


def merged(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Adjacent text runs as one."""
    out: list[Run] = []
    for run in runs:
        if out and run.style is Style.TEXT and out[-1].style is Style.TEXT:
            out[-1] = Run(out[-1].text + run.text, Style.TEXT, out[-1].place)
        else:
            out.append(run)
    return tuple(out)
