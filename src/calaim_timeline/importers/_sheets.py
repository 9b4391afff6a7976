"""CSV files and Excel workbooks into documents: each cell one item of plain text.

A spreadsheet's text is text: no markup, no bullets, no marks. A CSV file is one table
(saved with commas, or the semicolons or tabs of other locales); a workbook is a table
per sheet, each cell as shown (a date as its format shows it).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Final

from calaim_timeline._files import read_bytes
from calaim_timeline.errors import ExtraMissingError, ParseError
from calaim_timeline.importers._budget import Budget
from calaim_timeline.importers._document import (
    Cell,
    Document,
    Item,
    Place,
    PlacedError,
    Run,
    Table,
    fail,
)

__all__ = ["MAX_ROWS", "MAX_UNZIPPED", "read_csv", "read_xlsx"]

MAX_ROWS: Final = 100_000
"""The most rows a sheet may have: a schedule is far smaller, and a bigger one is a mistake."""
MAX_UNZIPPED: Final = 64 * 2**20
"""The most bytes a workbook may unzip to (a schedule's is well under one MiB), so that no
cell can be larger either."""


def _cell(value: str, place: Place) -> Cell:
    text = " ".join(value.split())
    return Cell((Item(0, (Run(text),), place),) if text else (), place)


def read_csv(text: str, source: str) -> Document:
    """One table: every row of the file with anything in it."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows, budget = [], Budget()
    try:
        for row in reader:
            place = Place(row=reader.line_num)
            if any(value.strip() for value in row):
                budget.row(len(row), place)
                rows.append(tuple(_cell(value, place) for value in row))
    except csv.Error as error:
        msg = f"not valid CSV: {error}"
        raise ParseError(msg, source=source, line=reader.line_num) from None
    except PlacedError as error:
        raise fail(error.message, error.place, source=source) from None
    return Document(source, None, (), (Table(tuple(rows), Place(row=1)),) if rows else ())


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
    budget = Budget()
    try:
        tables = [table for sheet in book.worksheets if (table := _sheet(sheet, budget))]
    except PlacedError as error:
        raise fail(error.message, error.place, source=str(path)) from None
    except Exception as error:  # noqa: BLE001 - a sheet is parsed only as its rows are read
        msg = f"a sheet of the workbook cannot be read ({type(error).__name__}: {error})"
        raise ParseError(msg, source=str(path)) from None
    title = book.properties.title or None
    return Document(str(path), title, (), tuple(tables))


def _sheet(sheet: Any, budget: Budget) -> Table | None:  # noqa: ANN401 - openpyxl's sheet
    """A sheet's rows with anything in them, as a table (None for an empty sheet)."""
    rows = []
    for number, row in enumerate(sheet.iter_rows(), start=1):
        place = Place(sheet=sheet.title, row=number)
        if number > MAX_ROWS:
            msg = f"the sheet has more than {MAX_ROWS:,} rows, the most this reads"
            raise PlacedError(msg, place)
        shown = [_shown(cell.value, getattr(cell, "number_format", None)) for cell in row]
        budget.row(len(shown), place)
        for text in shown:
            budget.text(text, place)
        cells = tuple(_cell(text, place) for text in shown)
        if any(cell.items for cell in cells):
            rows.append(cells)
    return Table(tuple(rows), Place(sheet=sheet.title, row=1), sheet.title) if rows else None


def _unzipped_size(data: bytes, source: str) -> None:
    """Refuse a workbook too large unzipped, or whose XML declares a DTD or entities.

    More than :data:`MAX_UNZIPPED` bytes is a zip bomb; a DTD or an entity can expand
    without end (a billion laughs) or read another file (an external entity), and a
    workbook's XML never has either: the parser is never given one.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            size = sum(info.file_size for info in members)
            declared = None
            if size <= MAX_UNZIPPED:
                declared = next(
                    (
                        (info.filename, found)
                        for info in members
                        if (found := _declared(archive, info))
                    ),
                    None,
                )
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError, zlib.error):
        return  # not a zip this can read: openpyxl says so below
    if size > MAX_UNZIPPED:
        msg = f"the workbook unzips to more than {MAX_UNZIPPED // 2**20} MiB, the most this reads"
        raise ParseError(msg, source=source)
    if declared is not None:
        msg = (
            f"{declared[0]} declares {declared[1]}, which a workbook never does (it could"
            " expand without end): save the workbook again from Excel"
        )
        raise ParseError(msg, source=source)


def _declared(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    with archive.open(info) as member:
        return _declaration(member)


_DECLARATIONS: Final = (b"<!DOCTYPE", b"<!ENTITY")


def _declaration(member: IO[bytes]) -> str | None:
    """``a DTD`` or ``an entity`` where the XML member declares one, read in chunks."""
    tail = b""
    while chunk := member.read(2**20):
        seen = tail + chunk
        for mark in _DECLARATIONS:
            if mark in seen:
                return "a DTD" if mark == b"<!DOCTYPE" else "an entity"
        tail = seen[-16:]
    return None


def _shown(value: object, number_format: str | None = None) -> str:
    """A cell's value in the words it is shown in: a date as its format shows it.

    A date formatted without a day (``mmm yyyy``) is that month ("January 2022"), one
    formatted with the year alone is that year; any other date is its day.

    Examples:
        >>> _shown(datetime(2022, 1, 1), "mmm yyyy"), _shown(datetime(2022, 1, 5), "m/d/yy")
        ('January 2022', '2022-01-05')
        >>> _shown(datetime(2022, 1, 5, 9, 30)), _shown(None)
        ('2022-01-05 09:30:00', '')
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
