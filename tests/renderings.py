"""An edition in each format the importer reads: the grid as HTML, list tables four ways.

The grid's HTML is the grid markdown laid out as a web page would have it (headings,
spanned header and category cells, footnotes as paragraphs). A list table has a row per
milestone under "Initiative | Milestone | Target Date | Kind | Status", the date in the
period's own words when it has them, else in our notation.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

from openpyxl import Workbook

from calaim_timeline import Edition, Status

_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in "*^+•○"})


def literal(text: str) -> str:
    r"""Markdown that reads back as ``text``.

    Markup characters escaped, kind marks and bullets as character references.

    Examples:
        >>> literal("R&D <b> [x](y) live+")
        'R&amp;D &lt;b&gt; \\[x\\]\\(y\\) live&#43;'
    """
    escaped = re.sub(r"([\\`_{}\[\]()#\-.!|])", r"\\\1", text)
    return html.escape(escaped, quote=False).translate(_REFERENCES)


HEADER = ("Initiative", "Milestone", "Target Date", "Kind", "Status")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def grid_html(markdown: str) -> str:
    """The grid markdown (GridMarkdown's output) as an HTML page."""
    out = ["<!DOCTYPE html>", "<html><head><title>Calendar</title></head><body>"]
    in_table = False
    width = 0
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            cells = _CELL_SPLIT.split(stripped[1:-1])
            if all(re.fullmatch(r"\s*-{3,}\s*", c) for c in cells):
                continue
            if not in_table:
                out.append("<table>")
                in_table, width = True, len(cells)
                out.append(
                    f"<tr><th>{cells[0].strip()}</th>"
                    f'<th colspan="{width - 1}">{cells[1].strip()}</th></tr>'
                )
                continue
            if cells[0].strip() and not any(c.strip() for c in cells[1:]):
                out.append(f'<tr><td colspan="{width}">{cells[0].strip()}</td></tr>')
                continue
            out.append("<tr>" + "".join(f"<td>{c.strip()}</td>" for c in cells) + "</tr>")
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if stripped.startswith("## "):
            out.append(f"<h2>{stripped[3:]}</h2>")
        elif stripped:
            out.append(f"<p>{stripped}</p>")
    if in_table:
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def list_rows(edition: Edition) -> list[tuple[str, ...]]:
    """The header and a row per milestone, as plain text."""
    rows: list[tuple[str, ...]] = [HEADER]
    for initiative, milestone in edition.milestones:
        when = milestone.when.text or str(milestone.when)
        kind = milestone.kind.value.replace("-", " ") if milestone.kind else ""
        status = "Done" if milestone.status is Status.DONE else ""
        rows.append((initiative.name, milestone.title, when, kind, status))
    return rows


def list_markdown(edition: Edition) -> str:
    """A markdown page: the title as a heading, then the list table."""
    rows = [[literal(cell) for cell in row] for row in list_rows(edition)]
    lines = [f"# {literal(edition.title)}", ""]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("|" + "---|" * len(rows[0]))
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


def list_html(edition: Edition) -> str:
    """A web page: the title as a heading, then the list table."""
    rows = list_rows(edition)
    body = "".join(
        "<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>\n"
        for tag, row in [("th", rows[0]), *(("td", r) for r in rows[1:])]
    )
    return f"<html><body><h1>{html.escape(edition.title)}</h1>\n<table>\n{body}</table></body></html>\n"


def list_csv(edition: Edition) -> str:
    """The list table as CSV."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(list_rows(edition))
    return buffer.getvalue()


def list_xlsx(edition: Edition, path: Path) -> None:
    """The list table as a workbook: a title row above the header."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Milestones"
    sheet.append([edition.title])
    for row in list_rows(edition):
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"
    book.properties.title = edition.title
    book.save(path)
