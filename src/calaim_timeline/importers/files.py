"""Import any supported file: the format from its suffix, the layout from its content.

| suffix | layouts |
|---|---|
| ``.md`` | the month grid (the published calendar as markdown), or list tables |
| ``.html``, ``.htm`` | the month grid, or list tables (a saved web page) |
| ``.csv`` | a list table |
| ``.xlsx`` | list tables, one per sheet (the ``xlsx`` extra) |
| ``.pdf`` | the month grid, as DHCS publishes it (the ``pdf`` extra) |

A document with a table whose header row names a title column and a date column is
read as list tables (:mod:`calaim_timeline.importers.lists`); any other is read as the
month grid (:mod:`calaim_timeline.importers.dhcs_table`). An HTML or PDF grid is first
laid out as the markdown the grid reader reads, and its errors are given back at the
place in the original file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

from calaim_timeline._files import read_text
from calaim_timeline.errors import ParseError
from calaim_timeline.importers._document import Cell, Document, read_document
from calaim_timeline.importers.dhcs_table import PUBLISHER, import_table
from calaim_timeline.importers.lists import as_of_in, find_columns, read_list
from calaim_timeline.match import DEFAULT_THRESHOLD
from calaim_timeline.model import Edition
from calaim_timeline.period import Period

__all__ = ["SUFFIXES", "UNSTATED", "import_table_file"]

_BORDER: Final = re.compile(r"(?<!\\)\|")
SUFFIXES: Final = (".md", ".markdown", ".html", ".htm", ".csv", ".xlsx", ".pdf")
UNSTATED: Final = "not stated in the source"
"""The publisher of a list edition when neither the source nor the caller names one."""


def _grid_markdown(document: Document) -> tuple[str, list[Cell | None]]:
    """A grid document laid out as the markdown the grid reader reads.

    Returns the text and, for each of its lines, the cell (of the row) it came from.
    """
    dated = [t.text for t in document.texts if "as of" in t.text.lower() and "<sup>" not in t.text]
    heading = document.title
    if dated and not (heading and "as of" in heading.lower()):
        heading = dated[0]
    lines: list[str] = [f"## {heading or ''}"]
    origins: list[Cell | None] = [None]
    for table in document.tables:
        lines.append("")
        origins.append(None)
        for k, row in enumerate(table.rows):
            lines.append("| " + " | ".join(cell.text for cell in row) + " |")
            origins.append(row[0])
            if k == 0:
                lines.append("|" + "---|" * len(row))
                origins.append(row[0])
    for note in document.texts:
        if note.text.startswith("<sup>"):
            lines += ["", note.text]
            origins += [None, note]
    return "\n".join(lines) + "\n", origins


def _grid(  # noqa: PLR0913 - what an edition needs that a source may not say
    document: Document,
    *,
    edition_id: str,
    previous: Edition | None,
    threshold: float,
    as_of: Period | None,
    title: str | None,
    publisher: str | None,
) -> Edition:
    text, origins = _grid_markdown(document)
    try:
        return import_table(
            text,
            edition_id=edition_id,
            source=document.source,
            previous=previous,
            threshold=threshold,
            as_of=as_of,
            title=title,
            publisher=publisher or PUBLISHER,
        )
    except ParseError as error:
        if error.line is None or error.source != document.source:
            raise
        origin = origins[error.line - 1] if error.line <= len(origins) else None
        if origin is None:
            raise ParseError(error.message, source=document.source) from None
        converted = text.splitlines()[error.line - 1]
        where = [] if origin.line is not None else [origin.where]
        if error.column is not None and converted.startswith("|"):
            # The cell is the count of the borders before the column the reader names.
            where.append(f"column {len(_BORDER.findall(converted[: error.column - 1]))}")
        message = ", ".join(where) + f": {error.message}" if where else error.message
        raise ParseError(message, source=document.source, line=origin.line) from None


def import_table_file(  # noqa: PLR0913 - what an edition needs that a source may not say
    path: str | os.PathLike[str],
    *,
    edition_id: str,
    previous: Edition | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    as_of: Period | None = None,
    title: str | None = None,
    publisher: str | None = None,
) -> Edition:
    """Read the calendar or list tables in the file at ``path`` into an edition.

    ``as_of``, ``title`` and ``publisher`` stand instead of what the source says, and
    fill what it does not: a list edition needs an as-of month from one or the other.
    With ``previous``, what matches it keeps its ids, lineages and aliases. Raises
    :class:`~calaim_timeline.errors.ParseError` naming the file, and the line, row or
    page and the cell, for anything it cannot read.

    Examples:
        >>> edition = import_table_file("sources/2021-11_calaim-milestones-calendar.md",
        ...                             edition_id="2021-11")
        >>> str(edition.as_of), len(edition.milestones())
        ('2021-11', 56)
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kind = repr(suffix) if suffix else "suffix-less"
        msg = f"cannot import a {kind} file: give .md, .html, .csv, .xlsx or .pdf"
        raise ParseError(msg, source=str(path))
    if suffix == ".pdf":
        from calaim_timeline.importers._pdf import read_pdf  # noqa: PLC0415 - heavy, optional

        document = read_pdf(path)
    else:
        document = read_document(path)
    if not any(find_columns(table) for table in document.tables):
        if suffix in {".csv", ".xlsx"}:
            msg = (
                "no header row names a title column (Policy, Milestone, Activity…) and a"
                " date column (Go-Live Date, Target Date, Due…)"
            )
            raise ParseError(msg, source=str(path))
        if suffix in {".md", ".markdown"}:  # the grid reader reads markdown itself, exactly
            return import_table(
                read_text(path),
                edition_id=edition_id,
                source=str(path),
                previous=previous,
                threshold=threshold,
                as_of=as_of,
                title=title,
                publisher=publisher or PUBLISHER,
            )
        return _grid(
            document,
            edition_id=edition_id,
            previous=previous,
            threshold=threshold,
            as_of=as_of,
            title=title,
            publisher=publisher,
        )
    month = as_of or as_of_in(document)
    if month is None:
        msg = "the source does not say which month it is as of: give it (--as-of YYYY-MM)"
        raise ParseError(msg, source=str(path))
    name = title or document.title
    if not name:
        msg = "the source has no title (no heading): give one (--title TEXT)"
        raise ParseError(msg, source=str(path))
    return read_list(
        document,
        edition_id=edition_id,
        as_of=month,
        title=name,
        publisher=publisher or (previous.publisher if previous else UNSTATED),
        previous=previous,
        threshold=threshold,
    )
