"""A calendar PDF read into a document, through pdfplumber (the ``pdf`` extra).

Written for PDFs from any producer: word processors, browsers, report libraries.

- Each ruled table on each page is a table; a cell spanning columns is spread into
  empty cells. A single cell exactly as wide as a table before it (a category heading
  alone on the last page, which pdfplumber does not count as a table) is that table's
  row. A cell's characters are put back into lines by their height on the page.
- Characters noticeably smaller than the cell's body text (the size most of its text
  has, whatever its bullets' size) are raised: kind marks and footnote numbers.
- A line that starts with a bullet starts an item: a bullet glyph (``•``, a Symbol or
  Wingdings character, a glyph with no character), or a small filled or hollow circle or
  square drawn as a shape (a browser's list markers). A hollow bullet, or one further
  right than the cell's first, starts a sub-item. Any other line goes on with the line
  above: a word broken after a hyphen at the end of a line is joined back
  ("fee-for-" + "service"), a line of raised text alone joins without a space.
- A row cut by a page break goes on in the first row under the next page's header rows:
  when that row has no name, when a cell of it goes on with text and no bullet, when a
  cell of it is blank where the table writes ``--`` for none, or when no rule closes the
  row at the foot of the page. The rest of a name cut that way is joined to the name.
- Under the tables, a line that starts with a raised number starts a footnote (in the
  footnote area under a short rule, a number at full size does too); the lines right
  under it go on with it. Lines repeated on several pages (running headers and footers)
  and page numbers are left out. The title is the largest text above the first table.
  These lines outside the tables are read by ``_pdf_lines``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from calaim_timeline._files import read_bytes
from calaim_timeline.errors import ExtraMissingError, ParseError
from calaim_timeline.importers._document import (
    Cell,
    Document,
    Item,
    Place,
    PlacedError,
    Run,
    Table,
    fail,
    joined,
)
from calaim_timeline.importers._pdf_lines import texts, title, without_running
from calaim_timeline.importers._pdf_streams import bounded_streams
from calaim_timeline.importers._pdf_text import (
    Glyph,
    Line,
    cell_items,
    page_glyphs,
    text_lines,
)
from calaim_timeline.importers._vocabulary import EMPTY, month_number

__all__ = ["MAX_PAGES", "MAX_PAGE_CHARACTERS", "read_pdf"]

MAX_PAGES: Final = 500
"""The most pages a calendar PDF may have."""


@attrs.define
class _Row:
    """A table row as read: its cells, and whether one cell spans it (a category)."""

    cells: list[Cell]
    spanning: bool


@attrs.define
class _PageTable:
    """A table of one page: its rows, and whether a rule closes its last row."""

    rows: list[_Row]
    place: Place
    closed: bool


def read_pdf(path: Path) -> Document:
    """The calendar PDF at ``path`` as a document of tables; ParseError if unreadable."""
    try:
        import pdfplumber  # noqa: PLC0415 - heavy, and optional
    except ImportError:
        what = "reading a .pdf"
        raise ExtraMissingError(what, "pdfplumber", "pdf") from None
    data = read_bytes(path)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = list(pdf.pages)
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds for a bad file
        msg = f"not a readable PDF ({type(error).__name__}: {error})"
        if _password_protected(error):
            msg = (
                "the PDF is protected by a password: save a copy without one (print it to a"
                " PDF, or open it and save it without the password), then import that"
            )
        raise ParseError(msg, source=str(path)) from None
    if len(pages) > MAX_PAGES:
        pdf.close()
        msg = f"the PDF has {len(pages):,} pages; a calendar has far fewer (at most {MAX_PAGES})"
        raise ParseError(msg, source=str(path))
    widths: dict[tuple[int, int], int] = {}
    try:
        read = [_page(page, number, widths) for number, page in enumerate(pages, start=1)]
    except PlacedError as error:  # a page over a bound
        raise fail(error.message, error.place, source=str(path)) from None
    except Exception as error:  # noqa: BLE001 - a damaged page fails inside pdfminer
        msg = f"a page of the PDF cannot be read ({type(error).__name__}: {error})"
        raise ParseError(msg, source=str(path)) from None
    finally:
        pdf.close()
    _join_cut_rows(read)
    tables = _continued([table for page_tables, _, _ in read for table in page_tables])
    outside = without_running([lines for _, lines, _ in read])
    heading = title(outside[0], read[0][2]) if outside else None
    found = [
        item
        for number, (lines, (_, _, tops)) in enumerate(zip(outside, read, strict=True), start=1)
        for item in texts(lines, number, tops[1])
    ]
    return Document(str(path), heading, tuple(found), tuple(_table(t) for t in tables), wraps=True)


def _password_protected(error: BaseException) -> bool:
    """Whether pdfminer refused the file for want of its password (wrapped by pdfplumber)."""
    causes = (error, *error.args, error.__cause__, error.__context__)
    return any(type(cause).__name__ == "PDFPasswordIncorrect" for cause in causes)


_Page = tuple[list[_PageTable], list[Line], tuple[float, float]]
"""A page read: its tables, its lines outside them, the top of its first table and the
top of its footnote area."""


MAX_PAGE_CHARACTERS: Final = 250_000
"""The most characters a page may have: the work of reading a page grows with them."""


def _page(page: Any, number: int, widths: dict[tuple[int, int], int]) -> _Page:  # noqa: ANN401
    """A page's tables, its lines outside them and where its tables and footnotes start.

    ``widths`` gives the columns of each table seen so far by its left and right edges:
    pdfplumber leaves out a table of one cell, and a table's last row alone on a page (a
    category heading, one cell across the table) is one; a single cell exactly as wide
    as a table before it is that table's row.
    """
    bounded_streams(page, number)
    glyphs = page_glyphs(page)
    if len(glyphs) > MAX_PAGE_CHARACTERS:
        msg = (
            f"{len(glyphs):,} characters; a page may have at most {MAX_PAGE_CHARACTERS:,}"
            " (a calendar's page has a few thousand)"
        )
        raise PlacedError(msg, Place(page=number))
    finder = page.debug_tablefinder(_settings(page))
    found: list[tuple[tuple[float, float, float, float], list[list[Any]]]] = [
        (table.bbox, [row.cells for row in table.rows]) for table in finder.tables
    ]
    widths.update({_across(bbox): max(map(len, rows)) for bbox, rows in found})
    grouped = {cell for table in finder.tables for cell in table.cells}
    for cell in finder.cells:
        width = widths.get(_across(cell), 0)
        if cell not in grouped and width > 1:
            found.append((cell, [[cell, *[None] * (width - 1)]]))
    found.sort(key=lambda table: table[0][1])
    tables = [_page_table(page, number, k, table, glyphs) for k, table in enumerate(found, 1)]
    boxes = [bbox for bbox, _ in found]
    outside = [g for g in glyphs if not g.shape and not any(_inside(g, box) for box in boxes)]
    top = min((b[1] for b in boxes), default=float(page.height))
    bottom = max((b[3] for b in boxes), default=0.0)
    return tables, text_lines(outside), (top, _notes_top(page, bottom))


def _across(bbox: tuple[float, float, float, float]) -> tuple[int, int]:
    """A table's left and right edges, to the point: the same on each page it spans."""
    return round(bbox[0]), round(bbox[2])


def _page_table(
    page: Any,  # noqa: ANN401 - pdfplumber is untyped
    number: int,
    k: int,
    table: tuple[tuple[float, float, float, float], list[list[Any]]],
    glyphs: Sequence[Glyph],
) -> _PageTable:
    bbox, boxes = table
    rows = []
    for r, row in enumerate(boxes, start=1):
        place = Place(page=number, table=k, row=r)
        spanning = sum(box is not None for box in row) == 1
        cells = []
        for column, box in enumerate(row):
            inside = [] if box is None else [g for g in glyphs if _inside(g, box)]
            bullets = column > 0 and not spanning  # names and categories have none
            cells.append(Cell(cell_items(inside, place, bullets=bullets), place))
        rows.append(_Row(cells, spanning))
    return _PageTable(rows, Place(page=number, table=k), _closed(page, bbox))


def _notes_top(page: Any, bottom: float) -> float:  # noqa: ANN401 - pdfplumber is untyped
    """Where a word processor's footnote area starts: a short rule under the tables."""
    rules = [
        float(edge["top"])
        for edge in page.edges
        if edge["orientation"] == "h"
        and float(edge["top"]) > bottom + 1
        and float(edge["x1"]) - float(edge["x0"]) < float(page.width) / 2
    ]
    return min(rules, default=float("inf"))


def _closed(page: Any, bbox: tuple[float, float, float, float]) -> bool:  # noqa: ANN401
    """Whether a rule closes the table's last row (none does where a page break cut it)."""
    bottom = float(bbox[3])
    return any(
        edge["orientation"] == "h" and abs(float(edge["top"]) - bottom) < 1 for edge in page.edges
    )


def _settings(page: Any) -> dict[str, Any]:  # noqa: ANN401 - pdfplumber is untyped
    """Table settings that close a table whose rows a page break left open.

    A row cut at the end of a page often has no line under it, and the rest of it at the
    top of the next page none above it; the column lines still run from where the page's
    content starts to where it ends, so a line is put at each end.
    """
    vertical = [edge for edge in page.edges if edge["orientation"] == "v"]
    if not vertical:
        return {}
    top = min(float(edge["top"]) for edge in vertical)
    bottom = max(float(edge["bottom"]) for edge in vertical)
    return {"explicit_horizontal_lines": [top, bottom]}


def _inside(glyph: Glyph, box: tuple[float, float, float, float]) -> bool:
    middle_x = (glyph.x0 + glyph.x1) / 2
    middle_y = (glyph.top + glyph.bottom) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _header_rows(rows: Sequence[_Row]) -> int:
    """How many header rows a table starts with: down to the months' row.

    The months' row names two months or more; in a window of one month, it is the row
    whose filled cells are each exactly a month's name.
    """
    for k, row in enumerate(rows):
        words = [cell.text for cell in row.cells if cell.text]
        named = sum(month_number(word) is not None for word in words)
        if named >= 2 or (words and named == len(words)):  # noqa: PLR2004
            return k + 1
    return 0


def _join_cut_rows(pages: Sequence[_Page]) -> None:
    """Join each row a page break cut: the rest of its name to its name."""
    dashes = any(
        cell.text in EMPTY
        for tables, _, _ in pages
        for table in tables
        for row in table.rows
        for cell in row.cells
    )
    before: _PageTable | None = None
    for tables, _, _ in pages:
        if tables and before is not None and before.rows:
            after = tables[0]
            k = _header_rows(after.rows)
            if k < len(after.rows) and _continues(before, after.rows[k], dashes=dashes):
                last, rest = before.rows[-1].cells, after.rows[k].cells
                name = joined(_joined(last[0]), _joined(rest[0])) if rest[0].items else None
                if name is not None:
                    last[0] = Cell((Item(0, tuple(name), last[0].place),), last[0].place)
                rest[0] = Cell((), rest[0].place)
        before = tables[-1] if tables else before
    for tables, _, _ in pages:
        for table in tables:
            for row in table.rows:
                _dashed(row)


def _width(table: _PageTable) -> int:
    """How many columns a table has: its widest row's cells (header rows span some)."""
    return max(len(row.cells) for row in table.rows)


def _months_row_cut(before: _PageTable, table: _PageTable) -> bool:
    """Whether ``before`` is header rows alone whose months' row opens ``table``.

    Then ``before``'s columns are only those its spanning cells show.
    """
    return _header_rows(before.rows) == 0 and _header_rows(table.rows) == 1


def _continued(tables: list[_PageTable]) -> list[_PageTable]:
    """The tables, each first table of a page without header rows joined to the one before.

    A table whose header rows are not repeated on the next page (a web page's table
    without ``<thead>``, a document's table without repeated headings) goes on there; so
    does one whose header rows the page break cut (its months' row on the next page).
    """
    out: list[_PageTable] = []
    for table in tables:
        before = out[-1] if out else None
        goes_on = (
            before is not None
            and table.place.table == 1
            and 0 in {_header_rows(table.rows), _header_rows(before.rows)}
            and (_width(before) == _width(table) or _months_row_cut(before, table))
        )
        if before is not None and goes_on:
            out[-1] = attrs.evolve(before, rows=[*before.rows, *table.rows], closed=table.closed)
        else:
            out.append(table)
    return out


def _joined(cell: Cell) -> list[Run]:
    runs: list[Run] = []
    for item in cell.items:
        runs = joined(runs, item.runs) if runs else list(item.runs)
    return runs


def _continues(before: _PageTable, row: _Row, *, dashes: bool) -> bool:
    """Whether ``row``, first under a page's header rows, goes on with the page before's."""
    last = before.rows[-1]
    if last.spanning or row.spanning or len(last.cells) != len(row.cells):
        return False
    name, rest = row.cells[0], row.cells[1:]
    return (
        not name.items
        or not before.closed
        or any(c.items and c.items[0].level == 0 and c.text not in EMPTY for c in rest)
        or (dashes and any(not c.items for c in rest))
    )


def _dashed(row: _Row) -> None:
    """In a named row, a cell of its own with nothing in it reads as ``--``.

    So a row cut by a page break before any of its milestones stays an initiative, and
    only a row whose name spans the table (no cells of its own) is a category.
    """
    if row.spanning or not row.cells[0].items:
        return
    for k, cell in enumerate(row.cells[1:], start=1):
        if not cell.items:
            row.cells[k] = Cell((Item(0, (Run("--"),), cell.place),), cell.place)


def _table(table: _PageTable) -> Table:
    return Table(tuple(tuple(row.cells) for row in table.rows), table.place)
