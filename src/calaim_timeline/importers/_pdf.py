"""The published calendar PDF read into tables of cells, through pdfplumber (the ``pdf`` extra).

Each ruled table on each page becomes a table of cells (a spanned cell is spread into
empty ones); each cell's characters are put back into lines by their height on the page.
Characters noticeably smaller than the cell's text are superscripts (kind marks and
footnote numbers) and are written ``<sup>…</sup>``. A line that starts with a bullet
glyph starts a milestone, or a sub-item when it is indented further or the glyph is a
hollow one; any other line continues the one above (text wrapped in the cell, or cut by
a page break). The title is the largest text above the first table; a line under a table
that starts with a raised number starts a footnote, and the lines after it continue it.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from calaim_timeline._files import read_bytes
from calaim_timeline._notation import MONTH_NAMES
from calaim_timeline.errors import ExtraMissingError, ParseError
from calaim_timeline.importers._cells import literal, plain_text
from calaim_timeline.importers._document import Cell, Document, Table

__all__ = ["BULLETS", "HOLLOW", "MAX_PAGES", "read_pdf"]

MAX_PAGES: Final = 500
"""The most pages a calendar PDF may have."""

BULLETS: Final = frozenset("•●▪■◆➢►✓-*\u2013\uf0b7\uf0a7\uf076\uf0d8")
"""Glyphs that start a milestone's line (the private-use ones are Symbol and Wingdings)."""
HOLLOW: Final = frozenset("○◦□o\uf06f")
"""Glyphs that start a sub-item's line."""
_SMALLER: Final = 0.9  # a character smaller than this share of its line's text is raised
_INDENT: Final = 3.0  # points further right than the cell's first bullet: a sub-item
_EMPTY: Final = frozenset({"--", "\u2013", "\u2014", "-"})

_Char = dict[str, Any]


def _size(chars: Sequence[_Char]) -> float:
    sizes = [float(c["size"]) for c in chars if c["text"].strip()]
    return max(sizes, default=0.0)


def _lines(chars: Sequence[_Char]) -> list[list[_Char]]:
    """Characters grouped into lines, top to bottom, each left to right.

    A character joins a line when its height overlaps the line's by a third or more, so
    a raised mark stays on its line and a smaller line below starts its own.
    """
    lines: list[tuple[list[float], list[_Char]]] = []
    for char in sorted(chars, key=lambda c: (float(c["top"]), float(c["x0"]))):
        top, bottom = float(char["top"]), float(char["bottom"])
        height = max(bottom - top, 0.1)
        for span, members in lines:
            overlap = min(bottom, span[1]) - max(top, span[0])
            if overlap >= height / 3:
                members.append(char)
                span[0], span[1] = min(span[0], top), max(span[1], bottom)
                break
        else:
            lines.append(([top, bottom], [char]))
    lines.sort(key=lambda line: line[0][0])
    return [sorted(members, key=lambda c: float(c["x0"])) for _, members in lines]


def _text(line: Sequence[_Char], size: float) -> tuple[str, str]:
    """A line as cell markup, and its plain text; raised runs in ``<sup>``."""
    parts: list[str] = []
    plain: list[str] = []
    raised = False
    previous: _Char | None = None
    for char in line:
        text = str(char["text"])
        is_raised = float(char["size"]) < size * _SMALLER
        gap = previous is not None and float(char["x0"]) - float(previous["x1"]) > size * 0.2
        if gap and not text.isspace() and plain and not plain[-1].isspace():
            parts.append(" ")
            plain.append(" ")
        if is_raised != raised:
            parts.append("<sup>" if is_raised else "</sup>")
            raised = is_raised
        if not text.strip():
            parts.append(" ")
        else:  # marks and numbers in a <sup> are read as written
            parts.append(html.escape(text, quote=False) if is_raised else literal(text, keep="*^+"))
        plain.append(text)
        previous = char
    if raised:
        parts.append("</sup>")
    return "".join(parts), "".join(plain)


def _glyph(line: Sequence[_Char]) -> _Char | None:
    """The bullet glyph that starts ``line``, if one does.

    A bullet character (``•``, ``○``, ``▪``, a private-use Symbol or Wingdings one), a
    glyph the PDF gives no character for (``(cid:127)``), or any character of a symbol
    font; a letter or a dash only as a word of its own ("o Members", "- Draft").
    """
    shown = [c for c in line if str(c["text"]).strip()]
    if not shown:
        return None
    first, text = shown[0], str(shown[0]["text"])
    font = str(first.get("fontname", "")).lower()
    symbolic = any(name in font for name in ("dingbat", "symbol", "wingding"))
    if text.startswith("(cid:") or symbolic:
        return first
    if text not in BULLETS and text not in HOLLOW:
        return None
    after = line[line.index(first) + 1 : line.index(first) + 2]
    size = float(first["size"])
    spaced = not after or not str(after[0]["text"]).strip()
    spaced = spaced or float(after[0]["x0"]) - float(first["x1"]) > size * 0.2
    return first if (not text.isalnum() and text not in "-*") or spaced else None


def _cell_markup(chars: Sequence[_Char], *, bullets: bool = True) -> str:
    """A cell's characters as the cell markup the grid reader reads.

    ``bullets`` is false for an initiative's name and a row spanning the table (a
    category): their text has none, so a leading dash or letter stays text.
    """
    lines = _lines(chars)
    first_bullet: float | None = None
    out: list[str] = []
    plain: list[str] = []
    for line in lines:
        size = _size(line)
        markup, words = _text(line, size)
        plain.append(words.strip())
        glyph = _glyph(line) if bullets else None
        if glyph is not None:
            x = float(glyph["x0"])
            first_bullet = x if first_bullet is None else min(first_bullet, x)
            sub = str(glyph["text"]) in HOLLOW or x > first_bullet + _INDENT
            rest, _ = _text([c for c in line if c is not glyph], size)
            out.append(("○ " if sub else "• ") + rest.strip())
        elif out:
            out[-1] += " " + markup.strip()
        else:
            out.append(markup.strip())
    if " ".join(plain).strip() in _EMPTY:
        return "--"
    return " ".join(part for part in out if part)


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
    title: str | None = None
    texts: list[Cell] = []
    tables: list[Table] = []
    try:
        cut = False  # whether the last table of the page before ended in an open row
        for number, page in enumerate(pages, start=1):
            found = sorted(page.find_tables(_settings(page)), key=lambda t: t.bbox[1])
            for k, table in enumerate(found, start=1):
                read = _table(page, table, f"page {number}, table {k}")
                if k == 1 and cut and tables:
                    tables[-1], read = _carried(tables[-1], read)
                tables.append(read)
            cut = bool(found) and _open(page, found[-1])
            boxes = [t.bbox for t in found]
            outside = [c for c in page.chars if not any(_inside(c, box) for box in boxes)]
            lines = _lines(outside)
            top = min((b[1] for b in boxes), default=float(page.height))
            if title is None and number == 1:
                title = _title(lines, top)
            texts += _notes_and_texts(lines, f"page {number}")
    except Exception as error:  # noqa: BLE001 - a damaged page fails inside pdfminer
        msg = f"a page of the PDF cannot be read ({type(error).__name__}: {error})"
        raise ParseError(msg, source=str(path)) from None
    finally:
        pdf.close()
    return Document(str(path), title, tuple(texts), tuple(tables))


def _open(page: Any, table: Any) -> bool:  # noqa: ANN401 - pdfplumber is untyped
    """Whether no line closes the table's last row: a page break cut it."""
    bottom = float(table.bbox[3])
    return not any(
        edge["orientation"] == "h" and abs(float(edge["top"]) - bottom) < 1 for edge in page.edges
    )


def _body(table: Table) -> int:
    """The index of the first row under the header rows (those down to the months' row).

    The months' row names two months or more; in a window of one month, it is the row
    whose filled cells are each exactly a month's name (or its first three letters).
    """
    months = {m[:3] for m in MONTH_NAMES}
    for k, row in enumerate(table.rows):
        words = [plain_text(cell.text).strip().lower() for cell in row if cell.text]
        named = sum(word[:3] in months for word in words)
        if named >= 2 or (words and all(w in _MONTH_WORDS for w in words)):  # noqa: PLR2004
            return k + 1
    return 0


_MONTH_WORDS: Final = frozenset(MONTH_NAMES) | {m[:3] for m in MONTH_NAMES}


def _carried(before: Table, after: Table) -> tuple[Table, Table]:
    """Join the rest of a row's name, cut onto the next page, to the row it began in."""
    k = _body(after)
    if k >= len(after.rows) or not after.rows[k][0].text or not before.rows:
        return before, after
    last, rest = before.rows[-1], after.rows[k]
    name = attrs.evolve(last[0], text=f"{last[0].text} {rest[0].text}")
    carried = (attrs.evolve(rest[0], text=""), *(_unfilled(c) for c in rest[1:]))
    return (
        attrs.evolve(before, rows=(*before.rows[:-1], (name, *last[1:]))),
        attrs.evolve(after, rows=(*after.rows[:k], carried, *after.rows[k + 1 :])),
    )


def _unfilled(cell: Cell) -> Cell:
    return attrs.evolve(cell, text="") if cell.text == "--" else cell


def _settings(page: Any) -> dict[str, Any]:  # noqa: ANN401 - pdfplumber is untyped
    """Table settings that close a table whose last row a page break left open.

    A row cut at the end of a page often has no line under it; its column lines still
    run down to where the page's content ends, so a line is put there.
    """
    bottoms = [float(edge["bottom"]) for edge in page.edges if edge["orientation"] == "v"]
    return {"explicit_horizontal_lines": [max(bottoms)]} if bottoms else {}


def _inside(char: _Char, box: tuple[float, float, float, float]) -> bool:
    middle_x = (float(char["x0"]) + float(char["x1"])) / 2
    middle_y = (float(char["top"]) + float(char["bottom"])) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _table(page: Any, table: Any, where: str) -> Table:  # noqa: ANN401 - pdfplumber is untyped
    """A ruled table's cells; in a named row, an empty cell of its own reads as ``--``.

    So a row cut by a page break before any of its milestones stays an initiative, and
    only a row whose name spans the table (no cells of its own) is a category.
    """
    rows = []
    for r, row in enumerate(table.rows, start=1):
        cells = []
        spanning = sum(box is not None for box in row.cells) == 1
        for column, box in enumerate(row.cells):
            place = f"{where}, row {r}"
            chars = [] if box is None else [ch for ch in page.chars if _inside(ch, box)]
            bullets = column > 0 and not spanning  # names and categories have none
            cells.append(Cell(_cell_markup(chars, bullets=bullets) if chars else "", place))
        if cells and cells[0].text:
            cells = [
                attrs.evolve(cell, text="--") if box is not None and not cell.text else cell
                for cell, box in zip(cells, row.cells, strict=True)
            ]
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _title(lines: list[list[_Char]], top: float) -> str | None:
    above = [
        line
        for line in lines
        if float(line[0]["top"]) < top
        and not _text(line, _size(line))[1].strip().lower().startswith("key")  # the marks' key
    ]
    if not above:
        return None
    biggest = max(_size(line) for line in above)
    words = [_text(line, biggest)[1].strip() for line in above if _size(line) >= biggest * 0.95]
    return " ".join(w for w in words if w) or None


def _notes_and_texts(lines: list[list[_Char]], where: str) -> list[Cell]:
    """Each footnote (a raised number, then text, then lines continuing it), and each line."""
    found: list[Cell] = []
    note: list[str] | None = None
    for line in lines:
        size = _size(line)
        markup, _ = _text(line, size)
        starts_raised = float(line[0]["size"]) < size * _SMALLER and str(line[0]["text"]).isdigit()
        if starts_raised:
            if note is not None:
                found.append(Cell(" ".join(note), where))
            note = [markup.strip()]
        elif note is not None:
            note.append(markup.strip())
        else:
            found.append(Cell(markup.strip(), where))
    if note is not None:
        found.append(Cell(" ".join(note), where))
    return found
