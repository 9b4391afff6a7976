"""A web page (a saved HTML file) into a document: its tables, headings and paragraphs.

In a cell, ``<ul>``/``<ol>`` and ``<li>`` (nested for sub-items) and ``•``/``○`` glyphs start
items, ``<sup>`` is raised, a kind mark written after a word is a mark and a character
reference (``&#42;``) is text. Cells spanning columns or rows are spread into empty
cells, so every row has its table's columns.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
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

__all__ = ["read_html"]

_SPACED: Final = frozenset({"b", "strong", "i", "em", "br", "p", "span", "div", "u", "small"})
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title", "caption"})
_MAX_SPAN: Final = 1000


def _span(value: str | None) -> int:
    """A colspan or rowspan: a whole number from 1 to 1,000, else 1."""
    return int(value) if value and value.isdigit() and 0 < int(value) <= _MAX_SPAN else 1


class _Page(HTMLParser):
    """Collects headings, paragraphs and table cells as items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.title: str | None = None
        self.page_title: str | None = None
        self.heading: str | None = None
        self.texts: list[Item] = []
        self.tables: list[tuple[list[list[Cell]], str | None, Place]] = []
        self.stack: list[list[list[Cell]]] = []
        self.spans: list[dict[int, int]] = []  # per open table: column -> rows still spanned
        self.builder: ItemBuilder | None = None
        self.cell_place = Place()
        self.across = 1
        self.down = 1
        self.block_tag = ""
        self.raised: list[str] | None = None  # the text of an open <sup>
        self.budget = Budget()

    def _place(self) -> Place:
        return Place(line=self.getpos()[0])

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        place = self._place()
        if tag == "table":
            self.stack.append([])
            self.spans.append({})
            self.tables.append((self.stack[-1], self.heading, place))
        elif tag == "tr" and self.stack:
            if self.stack[-1]:
                self._close_row()
            self.stack[-1].append([])
        elif tag in {"td", "th"} and self.stack:
            if not self.stack[-1]:
                self.stack[-1].append([])
            self.builder, self.cell_place = ItemBuilder(place), place
            given = dict(attrs_)
            self.across, self.down = _span(given.get("colspan")), _span(given.get("rowspan"))
        elif (tag in _HEADINGS or tag == "p") and self.builder is None:
            self.builder, self.block_tag = ItemBuilder(place, bullets=False), tag
            self.cell_place = place
        elif self.builder is not None:
            self._markup(tag, place)

    def _markup(self, tag: str, place: Place) -> None:
        assert self.builder is not None  # noqa: S101 - only called inside a cell or block
        if tag in {"ul", "ol"}:
            self.builder.open_list()
        elif tag == "li":
            self.builder.start_item(place)
        elif tag == "sup":
            self.raised = []
        elif tag in _SPACED:
            self.builder.run(Run(" "), place)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self.stack and self.builder is not None and not self.block_tag:
            self._end_cell()
        elif tag == "tr" and self.stack and self.stack[-1]:
            self._close_row()
        elif tag == "table" and self.stack:
            if self.stack[-1]:
                self._close_row()
            self.stack.pop()
            self.spans.pop()
        elif self.builder is not None and tag == self.block_tag:
            self._end_block(tag)
        elif self.builder is not None:
            self._end_markup(tag, self._place())

    def _end_markup(self, tag: str, place: Place) -> None:
        assert self.builder is not None  # noqa: S101 - only called inside a cell or block
        if tag in {"ul", "ol"}:
            self.builder.close_list(place)
        elif tag == "li":
            self.builder.end_item()
        elif tag == "sup" and self.raised is not None:
            text = " ".join("".join(self.raised).split())
            self.raised = None
            self.builder.run(Run(text, Style.RAISED, place), place)
        elif tag in _SPACED:
            self.builder.run(Run(" "), place)

    def _end_cell(self) -> None:
        """The cell read, spread over its columns; the rows below it spans get empty cells."""
        assert self.builder is not None  # noqa: S101 - a cell is open
        row = self.stack[-1][-1]
        self._spanned_from_above(row)
        first = len(row)
        self.budget.row(self.across, self.cell_place, first + self.across)  # before they are made
        row.append(Cell(self.builder.items(self._place()), self.cell_place))
        row.extend(Cell((), self.cell_place) for _ in range(self.across - 1))
        if self.down > 1:
            for column in range(first, len(row)):
                self.spans[-1][column] = self.down - 1
        self.builder, self.raised = None, None

    def _end_block(self, tag: str) -> None:
        """A heading (the title, or the caption of the next table) or a paragraph read."""
        assert self.builder is not None  # noqa: S101 - a block is open
        items = self.builder.items(self._place())
        self.builder, self.block_tag, self.raised = None, "", None
        if tag in _HEADINGS:
            self.heading = " ".join(i.text for i in items) or None
            if tag == "title":  # the page's own name: only when it has no heading
                self.page_title = self.page_title or self.heading
            elif tag != "caption":
                self.title = self.title or self.heading
        self.texts.extend(items)

    def _spanned_from_above(self, row: list[Cell]) -> None:
        """Put an empty cell where a cell of a row above still spans, as a grid shows it."""
        spans = self.spans[-1]
        while spans.get(len(row), 0) > 0:
            self.budget.row(1, self._place(), len(row) + 1)
            spans[len(row)] -= 1
            row.append(Cell((), row[-1].place if row else self._place()))

    def _close_row(self) -> None:
        """Fill the columns at the end of the last row that cells above still span."""
        row = self.stack[-1][-1]
        if row or any(self.spans[-1].values()):
            self._spanned_from_above(row)

    def handle_data(self, data: str) -> None:
        if self.raised is not None:
            self.raised.append(data)
        elif self.builder is not None:
            self.builder.text(data, self._place())

    def _reference(self, text: str) -> None:
        if self.raised is not None:
            self.raised.append(text)
        elif self.builder is not None:
            self.builder.run(Run(text), self._place())

    def handle_entityref(self, name: str) -> None:
        self._reference(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference(html.unescape(f"&#{name};"))


MAX_UNCLOSED: Final = 100
"""The most markup openers (``<a``, ``<!--``, ``<![``, ``<?``) a page may leave unclosed.

The standard library's parser rescans the rest of the page for each one left unclosed,
which grows with the square of the page: 40,000 of ``<a `` took 111 s. A page cut short
leaves one or two; more is not a page a browser saved."""

_UNCLOSED: Final = (
    (re.compile(r"<!--"), "-->"),
    (re.compile(r"<!\["), "]>"),
    (re.compile(r"<[!?]"), ">"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*"), ">"),
)


def _refuse_unclosed(text: str, source: str) -> None:
    """ParseError where the page ends in more unclosed markup than a page can: linear time."""
    for opener, closer in _UNCLOSED:
        end = text.rfind(closer)
        tail = end + len(closer) if end >= 0 else 0
        found = opener.finditer(text, tail)
        first = next(found, None)
        if first is None:
            continue
        count = 1 + sum(1 for _ in found)
        if count > MAX_UNCLOSED:
            msg = (
                f"the page's markup is broken: {count:,} openers such as"
                f" {first.group()!r} are never closed (at most {MAX_UNCLOSED} may be);"
                " save the page again from a browser"
            )
            line = text.count("\n", 0, first.start()) + 1
            raise fail(msg, Place(line=line), source=source)


def read_html(text: str, source: str) -> Document:
    """The tables of an HTML page, its first heading (else its title) and its paragraphs."""
    _refuse_unclosed(text, source)
    parser = _Page()
    try:
        parser.feed(text)
        parser.close()
    except PlacedError as error:
        raise fail(error.message, error.place, source=source) from None
    except AssertionError as error:  # the standard parser's word for a broken declaration
        msg = f"the page's markup is broken here ({error}); save the page again from a browser"
        raise fail(msg, Place(line=parser.getpos()[0]), source=source) from None
    tables = tuple(
        Table(tuple(tuple(row) for row in rows if row), place, caption)
        for rows, caption, place in parser.tables
    )
    title = parser.title or parser.page_title
    title = re.sub(r"\s+", " ", title).strip() if title else None
    return Document(source, title, tuple(parser.texts), tuple(t for t in tables if t.rows))
