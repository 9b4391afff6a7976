"""Any source document as tables of cells: markdown, HTML, CSV and Excel alike.

Every reader gives a :class:`Document`: its title (the first heading), the text outside
its tables (where an "as of" may be said), and its tables, each a list of rows of
:class:`Cell`. A cell keeps the markup the calendar's cells use (``<ul>``/``<li>``
lists, ``•``/``○`` bullets, ``<sup>`` marks, bold) and says where it was (a line, a row,
a sheet), so that every error can name its place. Spanned cells (``colspan``) are
spread into empty cells, so every row has its table's columns.
"""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

import attrs

from calaim_timeline._files import read_bytes, read_text
from calaim_timeline.errors import ExtraMissingError, ParseError
from calaim_timeline.importers._cells import literal, plain_text

__all__ = [
    "MAX_ROWS",
    "MAX_UNZIPPED",
    "Cell",
    "Document",
    "Table",
    "read_csv",
    "read_html",
    "read_markdown",
    "read_xlsx",
]

MAX_ROWS: Final = 100_000
"""The most rows a sheet may have: a schedule is far smaller, and a bigger one is a mistake."""
MAX_UNZIPPED: Final = 256 * 2**20
"""The most bytes a workbook may unzip to."""

_CELL_SPLIT: Final = re.compile(r"(?<!\\)\|")
_SEPARATOR: Final = re.compile(r"\s*:?-{2,}:?\s*")
_KEPT_TAGS: Final = frozenset(
    {"ul", "ol", "li", "sup", "b", "strong", "i", "em", "br", "p", "span"}
)
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title", "caption"})
_EMPTY: Final = frozenset({"--", "\u2013", "\u2014"})
"""What an empty cell of the grid says."""


@attrs.frozen
class Cell:
    """A cell's markup and where its row is: ``where`` in words, ``line`` in a text file."""

    text: str
    where: str
    line: int | None = None


@attrs.frozen
class Table:
    """Rows of cells; ``caption`` is the table's caption or the heading just before it."""

    rows: tuple[tuple[Cell, ...], ...]
    caption: str | None = None


@attrs.frozen
class Document:
    """A source read into tables: its name, title, the text around its tables, the tables."""

    source: str
    title: str | None
    texts: tuple[Cell, ...]
    tables: tuple[Table, ...]


def read_markdown(text: str, source: str) -> Document:
    """The pipe tables of a markdown document, its first heading and the other lines."""
    title = None
    texts: list[Cell] = []
    tables: list[Table] = []
    rows: list[tuple[Cell, ...]] = []
    heading = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = _pipe_cells(stripped)
            if not all(_SEPARATOR.fullmatch(c) for c in cells):
                rows.append(tuple(Cell(c.strip(), f"line {number}", number) for c in cells))
            continue
        if rows:
            tables.append(Table(tuple(rows), heading))
            rows = []
        if stripped.startswith("#"):
            heading = stripped.lstrip("#").strip()
            title = title or heading
        if stripped:
            texts.append(Cell(stripped, f"line {number}", number))
    if rows:
        tables.append(Table(tuple(rows), heading))
    return Document(source, title, tuple(texts), tuple(tables))


def _pipe_cells(line: str) -> list[str]:
    inner = line[1:-1] if line.endswith("|") and len(line) > 1 else line[1:]
    return _CELL_SPLIT.split(inner)


def read_csv(text: str, source: str) -> Document:
    """One table: every row of the file (the first row with names is the header)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows = []
    try:
        for row in reader:
            number = reader.line_num
            if any(value.strip() for value in row):
                cells = (Cell(literal(" ".join(v.split())), f"row {number}") for v in row)
                rows.append(tuple(cells))
    except csv.Error as error:
        msg = f"not valid CSV: {error}"
        raise ParseError(msg, source=source, line=reader.line_num) from None
    return Document(source, None, (), (Table(tuple(rows)),) if rows else ())


def _delimiter(text: str) -> str:
    r"""Commas, or the semicolons or tabs a spreadsheet in another locale saves with.

    Read from the first line that has any of them (the header, after any title line): a
    comma there means commas; else a semicolon or a tab, whichever it has.

    Examples:
        >>> _delimiter("Policy;Go-Live Date\nECM;January 2022, LIVE!\n")
        ';'
    """
    lines = text.splitlines()[:20]
    first = next((line for line in lines if any(mark in line for mark in ",;\t")), "")
    if "," in first:
        return ","
    return next((mark for mark in ";\t" if mark in first), ",")


def read_xlsx(path: Path) -> Document:
    """One table per sheet of a workbook; cells as shown (a date as its format shows it)."""
    try:
        from openpyxl import load_workbook  # noqa: PLC0415 - heavy, and optional
    except ImportError:
        what = "reading .xlsx"
        raise ExtraMissingError(what, "openpyxl", "xlsx") from None
    data = read_bytes(path)
    _unzipped_size(data, str(path))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        msg = f"not a readable Excel workbook ({type(error).__name__}: {error})"
        raise ParseError(msg, source=str(path)) from None
    tables = []
    for sheet in book.worksheets:
        rows = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            if number > MAX_ROWS:
                msg = f"sheet {sheet.title!r} has more than {MAX_ROWS:,} rows, the most this reads"
                raise ParseError(msg, source=str(path))
            cells = tuple(
                Cell(
                    literal(_shown(cell.value, getattr(cell, "number_format", None))),
                    f"sheet {sheet.title!r}, row {number}",
                )
                for cell in row
            )
            if any(cell.text for cell in cells):
                rows.append(cells)
        if rows:
            tables.append(Table(tuple(rows), sheet.title))
    title = book.properties.title or None
    return Document(str(path), title, (), tuple(tables))


def _unzipped_size(data: bytes, source: str) -> None:
    """Refuse a workbook that unzips to more than :data:`MAX_UNZIPPED` bytes (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: openpyxl says so below
    if size > MAX_UNZIPPED:
        msg = f"the workbook unzips to more than {MAX_UNZIPPED // 2**20} MiB, the most this reads"
        raise ParseError(msg, source=source)


def _shown(value: object, number_format: str | None = None) -> str:
    """A cell's value in the words it is shown in: a date as its format shows it.

    A date formatted without a day (``mmm yyyy``) is that month ("January 2022"), one
    formatted with the year alone is that year; any other date is its day.

    Examples:
        >>> _shown(datetime(2022, 1, 1), "mmm yyyy"), _shown(datetime(2022, 1, 5), "m/d/yy")
        ('January 2022', '2022-01-05')
    """
    if value is None:
        return ""
    if isinstance(value, datetime) and value.time() != datetime.min.time():
        return str(value)
    if isinstance(value, date):
        day = value if not isinstance(value, datetime) else value.date()
        shown = re.sub(r'"[^"]*"|\[[^]]*\]', "", (number_format or "").lower())
        if "y" in shown and "d" not in shown:
            return f"{day:%B %Y}" if "m" in shown else str(day.year)
        return day.isoformat()
    return " ".join(str(value).split())


class _HtmlTables(HTMLParser):
    """Collects headings, paragraphs and table cells, keeping the calendar's cell markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.title: str | None = None
        self.texts: list[Cell] = []
        self.tables: list[tuple[list[list[Cell]], str | None]] = []
        self.stack: list[list[list[Cell]]] = []
        self.cell: list[str] | None = None
        self.cell_line = 0
        self.span = 1
        self.block: list[str] | None = None
        self.block_line = 0
        self.block_tag = ""
        self.heading: str | None = None
        self.raised = 0  # how many <sup> are open
        self.page_title: str | None = None
        self.spans: list[dict[int, int]] = []  # per open table: column -> rows still spanned
        self.rows_down = 1

    def _out(self) -> list[str] | None:
        return self.cell if self.cell is not None else self.block

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag == "table":
            self.stack.append([])
            self.spans.append({})
            self.tables.append((self.stack[-1], self.heading))
        elif tag == "tr" and self.stack:
            if self.stack[-1]:
                self._close_row()
            self.stack[-1].append([])
        elif tag in {"td", "th"} and self.stack:
            if not self.stack[-1]:
                self.stack[-1].append([])
            self.cell, self.cell_line = [], line
            given = dict(attrs_)
            self.span = _span(given.get("colspan"))
            self.rows_down = _span(given.get("rowspan"))
        elif tag in _HEADINGS or (tag == "p" and self.cell is None):
            self.block, self.block_line, self.block_tag = [], line, tag
        elif tag in _KEPT_TAGS and (out := self._out()) is not None:
            out.append(f"<{tag}>")
            self.raised += tag == "sup"

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self.cell is not None and self.stack:
            self._end_cell()
        elif tag == "tr" and self.stack and self.stack[-1]:
            self._close_row()
        elif tag == "table" and self.stack:
            if self.stack[-1]:
                self._close_row()
            self.stack.pop()
            self.spans.pop()
        elif self.block is not None and tag == self.block_tag:
            self._end_block(tag)
        elif tag in _KEPT_TAGS and (out := self._out()) is not None:
            out.append(f"</{tag}>")
            self.raised -= tag == "sup" and self.raised > 0

    def _end_cell(self) -> None:
        """The cell read, spread over its columns; the rows below it spans get empty cells."""
        row = self.stack[-1][-1]
        self._spanned_from_above(row)
        text = " ".join("".join(self.cell or []).split())
        text = "--" if plain_text(text) in _EMPTY else text
        first = len(row)
        row.append(Cell(text, f"line {self.cell_line}", self.cell_line))
        row.extend(Cell("", f"line {self.cell_line}", self.cell_line) for _ in range(self.span - 1))
        if self.rows_down > 1:
            for column in range(first, len(row)):
                self.spans[-1][column] = self.rows_down - 1
        self.cell = None

    def _end_block(self, tag: str) -> None:
        """A heading (the title, or the caption of the next table) or a paragraph read."""
        text = " ".join("".join(self.block or []).split())
        if tag in _HEADINGS:
            self.heading = plain_text(re.sub(r"<[^>]*>", "", text))
            if tag == "title":  # the page's own name: only when it has no heading
                self.page_title = self.page_title or self.heading
            elif tag != "caption":
                self.title = self.title or self.heading
        if text:
            self.texts.append(Cell(text, f"line {self.block_line}", self.block_line))
        self.block = None

    def _spanned_from_above(self, row: list[Cell]) -> None:
        """Put an empty cell where a cell of a row above still spans, as a grid shows it."""
        spans = self.spans[-1]
        while spans.get(len(row), 0) > 0:
            spans[len(row)] -= 1
            where = row[-1] if row else Cell("", f"line {self.getpos()[0]}", self.getpos()[0])
            row.append(Cell("", where.where, where.line))

    def _close_row(self) -> None:
        """Fill the columns at the end of the last row that cells above still span."""
        row = self.stack[-1][-1]
        if row or any(self.spans[-1].values()):
            self._spanned_from_above(row)

    def handle_data(self, data: str) -> None:
        out = self._out()
        if out is not None:
            # Text is text (no markdown), but a kind mark after a word is one, as in the
            # calendar's cells, a <sup> holds the marks as written, and a bullet glyph
            # starts a list item as it does on the published page.
            if self.raised:
                out.append(html.escape(data, quote=False))
            else:
                out.append(literal(data, keep="*^+•○"))

    def handle_entityref(self, name: str) -> None:
        if (out := self._out()) is not None:
            out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if (out := self._out()) is not None:
            out.append(f"&#{name};")


def _span(value: str | None) -> int:
    """A colspan or rowspan: a whole number from 1 to 1,000, else 1."""
    return int(value) if value and value.isdigit() and 0 < int(value) <= 1000 else 1  # noqa: PLR2004


def read_html(text: str, source: str) -> Document:
    """The tables of an HTML page (a saved web page), its first heading and paragraphs."""
    parser = _HtmlTables()
    parser.feed(text)
    parser.close()
    tables = tuple(
        Table(tuple(tuple(row) for row in rows if row), caption) for rows, caption in parser.tables
    )
    return Document(source, parser.title, tuple(parser.texts), tuple(t for t in tables if t.rows))


def read_document(path: Path) -> Document:
    """The document at ``path``, read as its suffix says (.md, .html, .csv, .xlsx)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(path)
    text = read_text(path)
    if suffix in {".html", ".htm"}:
        return read_html(text, str(path))
    if suffix == ".csv":
        return read_csv(text, str(path))
    return read_markdown(text, str(path))


def cells_of(document: Document) -> Iterator[Cell]:
    """Every cell of every table, then every text, in order."""
    for table in document.tables:
        for row in table.rows:
            yield from row
    yield from document.texts
