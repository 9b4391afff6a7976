"""A calendar PDF read into a document, through pdfplumber (the ``pdf`` extra).

Written for PDFs from any producer: word processors, browsers, report libraries.

- Each ruled table on each page is a table; a cell spanning columns is spread into
  empty cells. A cell's characters are put back into lines by their height on the page.
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
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
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
    Run,
    Style,
    Table,
    joined,
    merged,
    plain,
    rstripped,
)
from calaim_timeline.importers._vocabulary import EMPTY, KIND_MARKS, month_number

__all__ = ["BULLETS", "HOLLOW", "MAX_PAGES", "read_pdf"]

MAX_PAGES: Final = 500
"""The most pages a calendar PDF may have."""

BULLETS: Final = frozenset("•●▪■◆➢►✓-*\u2013\uf0b7\uf0a7\uf076\uf0d8")
"""Glyphs that start a milestone's line (the private-use ones are Symbol and Wingdings)."""
HOLLOW: Final = frozenset("○◦□o\uf06f")
"""Glyphs that start a sub-item's line."""
_SMALLER: Final = 0.9  # a character smaller than this share of the body text is raised
_INDENT: Final = 3.0  # points further right than the cell's first bullet: a sub-item
_GAP: Final = 0.2  # a gap wider than this share of the text size is a space
_SHAPE: Final = 7.0  # the most points a bullet drawn as a shape measures across
_PAGE_NUMBER: Final = re.compile(r"(?:page\s+)?#(?:\s*(?:/|of)\s*#)?", re.IGNORECASE)
_LIGATURES: Final = {
    chr(0xFB00 + k): text for k, text in enumerate(("ff", "fi", "fl", "ffi", "ffl", "st", "st"))
}
"""Letters a font draws as one glyph ("ﬁ"), as the letters they are."""
_NOTE_START: Final = re.compile(r"(\d{1,4}(?:\s*,\s*\d{1,4})*)\s+\S")


@attrs.frozen
class _Glyph:
    """A character on the page, or a bullet drawn as a shape (``shape``)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""
    shape: bool = False


_Line = list[_Glyph]


def _glyphs(page: Any) -> list[_Glyph]:  # noqa: ANN401 - pdfplumber is untyped
    """The page's characters, and its small circles and squares (list markers)."""
    found = [
        _Glyph(
            _LIGATURES.get(str(c["text"]), str(c["text"])),
            float(c["x0"]),
            float(c["x1"]),
            float(c["top"]),
            float(c["bottom"]),
            float(c["size"]),
            str(c.get("fontname", "")),
        )
        for c in page.chars
    ]
    for shape in (*page.curves, *page.rects):
        width = float(shape["x1"]) - float(shape["x0"])
        height = float(shape["bottom"]) - float(shape["top"])
        square = 0.7 <= width / max(height, 0.01) <= 1.4  # noqa: PLR2004 - about as wide as high
        if not (0.8 <= width <= _SHAPE and square):  # noqa: PLR2004 - a rule is not a marker
            continue
        filled = bool(shape.get("fill")) and not (
            shape.get("stroke") and shape.get("non_stroking_color") in {(1,), (1, 1, 1), 1}
        )
        found.append(
            _Glyph(
                "•" if filled else "○",
                float(shape["x0"]),
                float(shape["x1"]),
                float(shape["top"]),
                float(shape["bottom"]),
                height,
                shape=True,
            )
        )
    return found


def _lines(glyphs: Iterable[_Glyph]) -> list[_Line]:
    """Glyphs grouped into lines, top to bottom, each left to right.

    A glyph joins a line when its height overlaps the line's by a third or more, so a
    raised mark stays on its line and a smaller line below starts its own.
    """
    lines: list[tuple[list[float], _Line]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        height = max(glyph.bottom - glyph.top, 0.1)
        for span, members in reversed(lines[-4:]):  # sorted by top: only the last lines
            if min(glyph.bottom, span[1]) - max(glyph.top, span[0]) >= height / 3:
                members.append(glyph)
                span[0], span[1] = min(span[0], glyph.top), max(span[1], glyph.bottom)
                break
        else:
            lines.append(([glyph.top, glyph.bottom], [glyph]))
    lines.sort(key=lambda line: line[0][0])
    return [sorted(members, key=lambda g: g.x0) for _, members in lines]


def _body(glyphs: Iterable[_Glyph]) -> float:
    """The size of the body text (bullets and shapes aside).

    The largest size that a quarter as many characters have as the commonest size has,
    so that a few raised marks are never the body, even where they are half of a short
    line's text.
    """
    sizes = Counter(
        round(g.size, 1)
        for g in glyphs
        if not g.shape and g.text.strip() and g.text not in BULLETS | HOLLOW
    )
    most = max(sizes.values(), default=0)
    return max((size for size, count in sizes.items() if count * 4 >= most), default=0.0)


def _runs(line: Sequence[_Glyph], body: float) -> list[Run]:
    """A line's text as runs: raised where smaller than the body, kind marks as marks."""
    runs: list[Run] = []
    previous: _Glyph | None = None
    for glyph in line:
        raised = glyph.size < body * _SMALLER
        style = Style.RAISED if raised else Style.MARK if glyph.text in KIND_MARKS else Style.TEXT
        text = glyph.text if glyph.text.strip() else " "
        gap = previous is not None and glyph.x0 - previous.x1 > max(body, glyph.size) * _GAP
        if gap and runs and not raised and not runs[-1].text.endswith(" ") and text != " ":
            runs.append(Run(" "))
        if runs and runs[-1].style is style and style is not Style.MARK:
            runs[-1] = Run(runs[-1].text + text, style)
        else:
            runs.append(Run(text, style))
        previous = glyph
    return [Run(" ".join(r.text.split()), r.style) if r.style is Style.RAISED else r for r in runs]


def _bullet(line: Sequence[_Glyph]) -> _Glyph | None:
    """The bullet that starts ``line``, if one does.

    A shape, a bullet character (``•``, ``○``, ``▪``, a private-use Symbol or Wingdings
    one), a glyph the PDF gives no character for (``(cid:127)``), or any character of a
    symbol font; a letter or a dash only as a word of its own ("o Members", "- Draft").
    """
    shown = [g for g in line if g.text.strip()]
    if not shown:
        return None
    first = shown[0]
    font = first.font.lower()
    symbolic = any(name in font for name in ("dingbat", "symbol", "wingding"))
    if first.shape or first.text.startswith("(cid:") or symbolic:
        return first
    if first.text not in BULLETS and first.text not in HOLLOW:
        return None
    after = line[line.index(first) + 1 : line.index(first) + 2]
    spaced = not after or not after[0].text.strip()
    spaced = spaced or after[0].x0 - first.x1 > first.size * _GAP
    return first if (not first.text.isalnum() and first.text not in "-*") or spaced else None


def _items(glyphs: Sequence[_Glyph], place: Place, *, bullets: bool) -> tuple[Item, ...]:
    """A cell's glyphs as items.

    ``bullets`` is false for a name or a category: their text has none, so a leading
    dash or letter stays text.
    """
    body = _body(glyphs)
    first: float | None = None
    items: list[tuple[int, list[Run]]] = []
    for line in _lines(glyphs):
        glyph = _bullet(line) if bullets else None
        runs = _runs([g for g in line if g is not glyph], body)
        if glyph is not None:
            first = glyph.x0 if first is None else min(first, glyph.x0)
            sub = glyph.text in HOLLOW or glyph.x0 > first + _INDENT
            items.append((2 if sub else 1, runs))
        elif items:
            items[-1] = (items[-1][0], joined(items[-1][1], runs))
        else:
            items.append((0, runs))
    return tuple(Item(level, merged(_trimmed(runs)), place) for level, runs in items)


def _trimmed(runs: list[Run]) -> list[Run]:
    """Runs without the spaces at either end."""
    out = rstripped(runs)
    while out and out[0].style is not Style.RAISED and not out[0].text.strip():
        out.pop(0)
    if out and out[0].style is not Style.RAISED:
        out[0] = Run(out[0].text.lstrip(), out[0].style)
    return out


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
        raise ParseError(msg, source=str(path)) from None
    if len(pages) > MAX_PAGES:
        pdf.close()
        msg = f"the PDF has {len(pages):,} pages; a calendar has far fewer (at most {MAX_PAGES})"
        raise ParseError(msg, source=str(path))
    try:
        read = [_page(page, number) for number, page in enumerate(pages, start=1)]
    except Exception as error:  # noqa: BLE001 - a damaged page fails inside pdfminer
        msg = f"a page of the PDF cannot be read ({type(error).__name__}: {error})"
        raise ParseError(msg, source=str(path)) from None
    finally:
        pdf.close()
    tables = [table for page_tables, _, _ in read for table in page_tables]
    _join_cut_rows(read)
    outside = _without_running(read)
    title = _title(outside[0], read[0][2]) if outside else None
    texts = [
        item
        for number, (lines, (_, _, tops)) in enumerate(zip(outside, read, strict=True), start=1)
        for item in _texts(lines, number, tops[1])
    ]
    return Document(str(path), title, tuple(texts), tuple(_table(t) for t in tables), wraps=True)


_Page = tuple[list[_PageTable], list[_Line], tuple[float, float]]
"""A page read: its tables, its lines outside them, the top of its first table and the
top of its footnote area."""


def _page(page: Any, number: int) -> _Page:  # noqa: ANN401 - pdfplumber is untyped
    glyphs = _glyphs(page)
    found = sorted(page.find_tables(_settings(page)), key=lambda t: t.bbox[1])
    tables = []
    for k, table in enumerate(found, start=1):
        rows = []
        for r, row in enumerate(table.rows, start=1):
            place = Place(page=number, table=k, row=r)
            spanning = sum(box is not None for box in row.cells) == 1
            cells = []
            for column, box in enumerate(row.cells):
                inside = [] if box is None else [g for g in glyphs if _inside(g, box)]
                bullets = column > 0 and not spanning  # names and categories have none
                cells.append(Cell(_items(inside, place, bullets=bullets), place))
            rows.append(_Row(cells, spanning))
        tables.append(_PageTable(rows, Place(page=number, table=k), _closed(page, table)))
    boxes = [t.bbox for t in found]
    outside = [g for g in glyphs if not g.shape and not any(_inside(g, box) for box in boxes)]
    top = min((b[1] for b in boxes), default=float(page.height))
    bottom = max((b[3] for b in boxes), default=0.0)
    return tables, _lines(outside), (top, _notes_top(page, bottom))


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


def _closed(page: Any, table: Any) -> bool:  # noqa: ANN401 - pdfplumber is untyped
    """Whether a rule closes the table's last row (none does where a page break cut it)."""
    bottom = float(table.bbox[3])
    return any(
        edge["orientation"] == "h" and abs(float(edge["top"]) - bottom) < 1 for edge in page.edges
    )


def _settings(page: Any) -> dict[str, Any]:  # noqa: ANN401 - pdfplumber is untyped
    """Table settings that close a table whose last row a page break left open.

    A row cut at the end of a page often has no line under it; its column lines still
    run down to where the page's content ends, so a line is put there.
    """
    bottoms = [float(edge["bottom"]) for edge in page.edges if edge["orientation"] == "v"]
    return {"explicit_horizontal_lines": [max(bottoms)]} if bottoms else {}


def _inside(glyph: _Glyph, box: tuple[float, float, float, float]) -> bool:
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


def _running(line: Sequence[_Glyph]) -> str | None:
    """What a running header or footer is the same as on every page.

    Its text with its numbers as ``#``; None for a line that starts with raised text
    (a footnote).
    """
    body = _body(line)
    if body and line[0].size < body * _SMALLER:
        return None
    return re.sub(r"\d+", "#", "".join(g.text for g in line).strip())


def _without_running(pages: Sequence[_Page]) -> list[list[_Line]]:
    """Each page's lines outside its tables, without running headers and footers.

    A running line is the same but for its numbers at the same height on two pages; a
    page number is a number alone, "Page 2", "2 of 5" or "2/5".
    """

    def key(line: _Line) -> tuple[str | None, int]:
        return _running(line), round(line[0].top / 4)

    seen = Counter(k for _, lines, _ in pages for k in {key(line) for line in lines})
    return [
        [
            line
            for line in lines
            if key(line)[0] is None
            or (seen[key(line)] < 2 and not _PAGE_NUMBER.fullmatch(key(line)[0] or ""))  # noqa: PLR2004
        ]
        for _, lines, _ in pages
    ]


def _title(lines: Sequence[_Line], tops: tuple[float, float]) -> str | None:
    above = [
        line
        for line in lines
        if line[0].top < tops[0]
        and not plain(_runs(line, _body(line))).strip().lower().startswith("key")  # the key
    ]
    if not above:
        return None
    biggest = max(_body(line) for line in above)
    words = [plain(_runs(line, biggest)).strip() for line in above if _body(line) >= biggest * 0.95]
    return " ".join(" ".join(w.split()) for w in words if w) or None


def _note_number(runs: list[Run]) -> list[Run]:
    """In the footnote area, a number at full size that starts a line is the note's."""
    found = _NOTE_START.match(runs[0].text) if runs and runs[0].style is Style.TEXT else None
    if found is None:
        return runs
    rest = runs[0].text[found.end(1) :]
    return [Run(found.group(1), Style.RAISED), Run(rest), *runs[1:]]


def _texts(lines: Sequence[_Line], page: int, notes_top: float) -> list[Item]:
    """Each footnote, and each other line, as items.

    A footnote is raised numbers, then its text and the lines right under it.
    """
    found: list[Item] = []
    note: list[Run] | None = None
    last: _Line | None = None
    place = Place(page=page)
    for line in lines:
        body = _body(line) or (_body(last) if last else 0.0)
        runs = _trimmed(_runs(line, body))
        if line[0].top >= notes_top:
            runs = _note_number(runs)
        adjacent = last is not None and line[0].top - last[-1].bottom < body * 0.8
        if runs and runs[0].style is Style.RAISED and re.fullmatch(r"[\d,\s]+", runs[0].text):
            if note is not None:
                found.append(Item(0, tuple(note), place))
            note = runs
        elif note is not None and adjacent:
            note = joined(note, runs)
        else:
            if note is not None:
                found.append(Item(0, tuple(note), place))
                note = None
            found.append(Item(0, tuple(runs), place))
        last = line
    if note is not None:
        found.append(Item(0, tuple(note), place))
    return [item for item in found if item.runs]
