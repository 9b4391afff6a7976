r"""Markdown (with the inline HTML the published calendar's cells use) into a document.

Pipe tables become tables (the separator row skipped; a row whose table's header row
ends with ``|`` must end with one too, or it was cut short); the first heading (``#``, or
a line underlined with ``===``, ``---``, ``~~~`` or ``^^^`` as setext and reST write
one) is the title; every other line is a paragraph. In a cell, ``<ul>``/``<li>`` lists (nested for
sub-items) and ``•``/``○`` glyphs start items, ``<sup>…</sup>`` is raised, ``<b>`` and its
kind are only style, a kind mark written after a word is a mark; ``\*``, ``&#42;`` and
the other escapes and entities are text, and a link is its text.
"""

from __future__ import annotations

import html
import re
from typing import Final

from calaim_timeline.importers._budget import Budget
from calaim_timeline.importers._document import (
    Cell,
    Document,
    Item,
    ItemBuilder,
    Place,
    PlacedError,
    Run,
    Style,
    Table,
    fail,
)

__all__ = ["read_markdown"]

_CELL_SPLIT: Final = re.compile(r"(?<!\\)\|")
_SEPARATOR: Final = re.compile(r"\s*:?-{2,}:?\s*")
_TOKEN: Final = re.compile(
    r"(?P<open><[uo]l\b[^>]*>)|(?P<close></[uo]l\s*>)|(?P<li><li\b[^>]*>)|(?P<end></li\s*>)"
    r"|(?P<sup><sup>.*?</sup>)|(?P<tag><[^>]*>)|(?P<text>[^<]+)",
    re.DOTALL | re.IGNORECASE,
)
_STYLE_TAGS: Final = re.compile(
    r"</?(?:b|strong|i|em|span|p|br|u|small|font|div)\b[^>]*/?>", re.IGNORECASE
)
_INLINE: Final = re.compile(
    r"(?P<link>\[(?P<label>[^\]]*)\]\([^)]*\))|\\(?P<escape>[\\`*_{}\[\]()#+\-.!|<>])"
    r"|(?P<entity>&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)|(?P<plain>[^\\&\[]+|.)",
    re.DOTALL | re.IGNORECASE,
)
_TAGS: Final = re.compile(r"<[^>]*>")
_UNDERLINE: Final = re.compile(r"([=~^\-])\1{2,}")
_NOT_HEADING: Final = re.compile(r"\||[-*+\u2022]\s|\d+[.)]\s|#")
"""What a line over an underline is not, to be a heading: a table row, a bullet, a heading."""


def _inline(builder: ItemBuilder, text: str, place: Place) -> None:
    """Text between tags: escapes, entities and links are text; the rest as written."""
    for found in _INLINE.finditer(text):
        kind = found.lastgroup
        where = Place(
            line=place.line, column=(place.column or 0) + found.start(), length=len(found.group())
        )
        if kind == "plain":
            builder.text(found.group(), where)
        elif kind == "escape":
            builder.run(Run(found.group("escape")), where)
        elif kind == "entity":
            builder.run(Run(html.unescape(found.group())), where)
        else:  # a link: its label
            _inline(builder, found.group("label"), where)


def _items(raw: str, place: Place, *, bullets: bool = True) -> tuple[Item, ...]:
    """The items of a cell's (or a paragraph's) markup at ``place``."""
    builder = ItemBuilder(place, bullets=bullets)
    column = place.column or 1
    for found in _TOKEN.finditer(raw):
        kind, value, at = found.lastgroup, found.group(), found.start()
        where = Place(line=place.line, column=column + at, length=len(value))
        if kind == "open":
            builder.open_list()
        elif kind == "close":
            builder.close_list(where)
        elif kind == "li":
            builder.start_item(where)
        elif kind == "end":
            builder.end_item()
        elif kind == "sup":
            inner = " ".join(html.unescape(_TAGS.sub(" ", value[5:-6])).split())
            builder.run(Run(inner, Style.RAISED, where), where)
        elif kind == "tag":
            if not _STYLE_TAGS.fullmatch(value):
                msg = f"unknown markup {value!r} (write &lt; for a '<' that is text)"
                raise PlacedError(msg, where)
            builder.run(Run(" "), where)
        else:
            _inline(builder, value, where)
    end = Place(line=place.line, column=column + len(raw.rstrip()), length=1)
    return builder.items(end)


def _row(line: str, number: int) -> tuple[tuple[Cell, ...], bool]:
    """A table row's cells with their places, and whether it ends with ``|``."""
    start = line.index("|") + 1
    closed = line.rstrip().endswith("|") and len(line.strip()) > 1
    end = line.rstrip().rindex("|") if closed else len(line.rstrip())
    cells, position = [], start
    for part in _CELL_SPLIT.split(line[start:end]):
        place = Place(line=number, column=position + 1, length=max(len(part), 1))
        cells.append(Cell(_items(part, place), place))
        position += len(part) + 1
    return tuple(cells), closed


def read_markdown(text: str, source: str) -> Document:
    """The pipe tables of a markdown document, its first heading and its other lines."""
    lines = tuple(text.splitlines())
    try:
        return _read(lines, source)
    except PlacedError as error:
        raise fail(error.message, error.place, source=source, lines=lines) from None


_NONE: Final = "\0"
"""What :func:`_heading` gives for a line that makes no heading."""


def _heading(line: str, above: str, place: Place) -> str | None:
    """The heading a ``#`` line says, or one an underline makes of the line above; else _NONE.

    None for a ``#`` line with no words (a heading that names nothing).
    """
    if line.startswith("#"):
        return " ".join(i.text for i in _items(line.lstrip("#"), place, bullets=False)) or None
    if above and _UNDERLINE.fullmatch(line) and not _NOT_HEADING.match(above):
        return " ".join(above.split())  # a setext (or reST) heading
    return _NONE


def _paragraph(lines: tuple[str, ...], number: int) -> tuple[str | None, tuple[Item, ...]]:
    """A line outside the tables: the heading it makes (see :func:`_heading`), its items.

    An underline is markup: it has no items.
    """
    line = lines[number - 1]
    stripped = line.strip()
    place = Place(line=number, column=line.index(stripped) + 1, length=len(stripped))
    made = _heading(stripped, lines[number - 2].strip() if number > 1 else "", place)
    if made is not _NONE and not stripped.startswith("#"):
        return made, ()
    return made, _items(stripped, place, bullets=False)


def _read(lines: tuple[str, ...], source: str) -> Document:
    title: str | None = None
    heading: str | None = None
    texts: list[Item] = []
    tables: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    closed_header = False
    budget = Budget()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("|"):
            if all(_SEPARATOR.fullmatch(c) for c in _CELL_SPLIT.split(stripped.strip("|"))):
                continue
            budget.row(line.count("|"), Place(line=number))  # before the cells are made
            cells, closed = _row(line, number)
            if not rows:
                closed_header = closed
            elif closed_header and not closed:
                msg = "the table row is cut short: it has no closing '|'"
                raise PlacedError(msg, Place(line=number, column=len(line.rstrip()) + 1))
            rows.append(cells)
            continue
        if rows:
            tables.append(Table(tuple(rows), rows[0][0].place, heading))
            rows = []
        if not stripped:
            continue
        made, items = _paragraph(lines, number)
        if made is not _NONE:
            heading = made
            title = title or heading
        texts.extend(items)
    if rows:
        tables.append(Table(tuple(rows), rows[0][0].place, heading))
    return Document(source, title, tuple(texts), tuple(tables), lines)
