"""List tables: a row per milestone under a header that names the columns.

Many living schedules are simpler than the month grid: a web page's "Policy | Go-Live
Date" table, a spreadsheet of "Milestone | Target Date | Status". A table is a list
table when a row names a **title** column and a **date** column (see :data:`TITLES` and
:data:`DATES`); it may also name an **initiative**, a **kind** and a **status** column.
Rows above that header row are text (where an "as of" may be said).

- The title is the cell's text, as written.
- The date is read in the source's own words (see ``_dates``); nothing is coarsened, and
  a status word in it ("January 2022 - LIVE!") sets the status.
- Without an initiative column, every row belongs to one initiative named by the
  table's caption or heading, else by the edition's title; a blank initiative cell goes
  on with the row above (a grouped table, or a cell spanning rows).
- The edition's window spans its own milestones, in whole months: from the month of the
  earliest to the month of the latest, unless a window is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Final

import attrs

from calaim_timeline._reporting import quoted
from calaim_timeline.errors import ParseError
from calaim_timeline.importers._budget import MAX_CELLS
from calaim_timeline.importers._dates import DateError, DateReader, read_when, status_word
from calaim_timeline.importers._document import (
    Cell,
    Document,
    ManyPlacedError,
    PlacedError,
    Table,
)
from calaim_timeline.importers._listed import as_of_and_title, list_edition, undated
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._vocabulary import (
    DATES,
    INITIATIVES,
    KIND_HEADERS,
    KINDS,
    STATUS_HEADERS,
    TITLES,
)
from calaim_timeline.model import Edition, Milestone, Status
from calaim_timeline.period import Period, When

__all__ = [
    "COLUMNS_READ",
    "DATES",
    "KINDS",
    "ROLES",
    "TITLES",
    "Columns",
    "find_columns",
    "read_list",
    "title_rows",
]

_LIST_NOTES: Final = (
    "A list table: a row per milestone, dates as the source words them (kept as each"
    " period's wording), the window spanning the milestones unless stated."
)
COLUMNS_READ: Final = "Columns read: "
"""Opens the sentence of a list edition's notes that says which columns were read."""


def _header(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.lower()).split())


@attrs.frozen
class Columns:
    """Where a list table's columns are: the header row's index and each column's.

    Examples:
        >>> Columns(row=0, title=0, date=1).kind is None
        True
    """

    row: int
    title: int
    date: int
    initiative: int | None = None
    kind: int | None = None
    status: int | None = None


_WORDY: Final = 6  # a header cell of more words than this is a sentence, not a name


def _score(name: str, word: str, *, within: bool) -> int:
    """How well a header cell names a column by ``word``; 0 if it does not.

    The word itself best, then the word among a few others ("Planned Start Date
    (tentative)"), a longer word better than a shorter.
    """
    if name == word:
        return 1000 + len(word)
    if (
        within
        and len(name.split()) <= _WORDY
        and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", name)
    ):
        return len(word)
    return 0


def _best(
    names: list[str], wanted: Sequence[str], skip: set[int], *, within: bool = True
) -> int | None:
    """The column whose header names ``wanted`` best (the leftmost of equals), if any."""
    scores = [
        (max((_score(name, word, within=within) for word in wanted), default=0), -k)
        for k, name in enumerate(names)
        if k not in skip
    ]
    best = max(scores, default=(0, 0))
    return -best[1] if best[0] else None


ROLES: Final = ("title", "date", "initiative", "kind", "status")
"""The columns a list table may have; ``--columns`` names them by these words."""


def _named_columns(table: Table, named: Sequence[tuple[str, str]]) -> Columns | None:
    """The first of the first ten rows that has every header ``named`` gives, as columns."""
    wanted = {role: _header(text) for role, text in named}
    for k, row in enumerate(table.rows[:10]):
        names = [_header(cell.text) for cell in row]
        found = {role: names.index(text) for role, text in wanted.items() if text in names}
        if len(found) == len(wanted) and len(set(found.values())) == len(found):
            return Columns(row=k, **found)
    return None


def find_columns(table: Table, named: Sequence[tuple[str, str]] = ()) -> Columns | None:
    """The header row and columns of a list table, or None if no row names them.

    A header cell names a column by one of the known words (see ``_vocabulary``), alone
    or among a few other words; the word alone, then the longer word, wins. A kind or a
    status column is named by its word alone. ``named`` gives the columns outright, as
    (role, header) pairs: then a row with every one of those headers is the header row.

    Examples:
        >>> from calaim_timeline.importers._document import Cell, Item, Place, Run, Table
        >>> def cell(text: str) -> Cell:
        ...     return Cell((Item(0, (Run(text),), Place()),), Place())
        >>> header = (cell("Program Area:"), cell("What"), cell("Planned Date (tentative)"))
        >>> find_columns(Table((header,), Place()))
        Columns(row=0, title=1, date=2, initiative=0, kind=None, status=None)
    """
    if named:
        return _named_columns(table, named)
    for k, row in enumerate(table.rows[:10]):
        names = [_header(cell.text) for cell in row]
        when = _best(names, DATES, set())
        if when is None:
            when = _dated_column(table, k, _best(names, TITLES, set()))
        titles = [t for t in TITLES if t != "initiative"]
        title = _best(names, titles, {when} if when is not None else set())
        initiative = None
        if title is None:
            title = _best(names, ("initiative",), {when} if when is not None else set())
        else:
            initiative = _best(
                names, INITIATIVES, {title} | ({when} if when is not None else set())
            )
        if when is None or title is None:
            continue
        used = {k for k in (when, title, initiative) if k is not None}
        return Columns(
            row=k,
            title=title,
            date=when,
            initiative=initiative,
            kind=_best(names, KIND_HEADERS, used, within=False),
            status=_best(names, STATUS_HEADERS, used, within=False),
        )
    return None


_SAMPLE: Final = 50  # rows looked at to find the date column by its cells


def _dated_column(table: Table, header: int, title: int | None) -> int | None:
    """The column whose cells read as dates, where no header names one.

    Of the first fifty rows below ``header`` that have a title (words that are no date), a
    column's filled cells must read as dates (TBD among them) more often than not, and one
    at least as a known date; the column with most known dates wins, the leftmost of
    equals. None without a title column.
    """
    if title is None:
        return None
    tally: dict[int, list[int]] = {}  # column: [known dates, unknown dates, not dates]
    for row in table.rows[header + 1 : header + 1 + _SAMPLE]:
        named = title < len(row) and row[title].text and _date_kind(row[title].text) == 2  # noqa: PLR2004
        if not named:
            continue
        for k, cell in enumerate(row):
            if k != title and cell.text:
                tally.setdefault(k, [0, 0, 0])[_date_kind(cell.text)] += 1
    fit = [k for k, (known, unknown, other) in tally.items() if known and known + unknown > other]
    return max(fit, key=lambda k: (tally[k][0], -k), default=None)


def _date_kind(text: str) -> int:
    """0 for a known date, 1 for an unknown one, 2 for words that are no date."""
    try:
        when, _ = read_when(text, after=_ANY_DAY)
    except DateError:
        return 2
    return 0 if isinstance(when, Period) else 1


_ANY_DAY: Final = date(2000, 1, 1)


def title_rows(document: Document, named: Sequence[tuple[str, str]] = ()) -> list[str]:
    r"""The title rows of the document's list tables: above a header, a row of one cell.

    A spreadsheet says its title (and its "as of") in a row above the header row.

    Examples:
        >>> from calaim_timeline.importers._sheets import read_csv
        >>> title_rows(read_csv("Go-live dates as of May 2022,,\nPolicy,Due\nECM,2022\n", "g.csv"))
        ['Go-live dates as of May 2022']
    """
    return _title_rows(_listed(document, named))


_Listed = list[tuple[Table, Columns]]
"""A document's list tables, each with its columns."""


def _listed(document: Document, named: Sequence[tuple[str, str]]) -> _Listed:
    """The list tables of ``document`` with their columns, each found once."""
    found = ((table, find_columns(table, named)) for table in document.tables)
    return [(table, columns) for table, columns in found if columns is not None]


def _title_rows(tables: _Listed) -> list[str]:
    found = []
    for table, columns in tables:
        for row in table.rows[: columns.row]:
            filled = [cell.text for cell in row if cell.text]
            if len(filled) == 1:
                found.append(filled[0])
    return found


def read_list(document: Document, options: ImportOptions, window: Period | None = None) -> Edition:
    r"""The edition a document's list tables give (every list table, in order).

    The as-of month and the title come from ``options``, else from the document (its
    heading, else a title row above a header); the publisher from ``options``, else the
    previous edition's, else "not stated in the source".

    Examples:
        >>> from calaim_timeline.importers._markdown import read_markdown
        >>> text = "| Policy | Go-Live Date |\n|---|---|\n| ECM | January 2022 - LIVE! |\n"
        >>> document = read_markdown(text, "go-live.md")
        >>> options = ImportOptions(edition_id="2022-01", title="Go-live dates",
        ...                         as_of=Period.parse("2022-01"))
        >>> edition = read_list(document, options)
        >>> [(m.id, str(m.when), m.when.text, m.status.value) for _, m in edition.milestones]
        [('ecm', '2022-01', 'January 2022', 'done')]
    """
    tables = _listed(document, options.columns)
    month, title = as_of_and_title(document, options, _title_rows(tables))
    try:
        initiatives, used = _initiatives(document, tables, (month, title), options)
    except (PlacedError, ManyPlacedError) as error:
        raise document.fail_all(error) from None
    if not initiatives:
        msg = (
            "no list table found: a table needs a header row naming a title column"
            " (Policy, Milestone, Activity…) and a date column (Go-Live Date, Target Date, Due…)"
        )
        raise ParseError(msg, source=document.source)
    notes = f"{_LIST_NOTES} {COLUMNS_READ}{'; '.join(dict.fromkeys(used))}."
    return list_edition(document, options, (month, title, notes), initiatives, window)


def _initiatives(
    document: Document, tables: _Listed, about: tuple[Period, str], options: ImportOptions
) -> tuple[dict[str, list[Milestone]], list[str]]:
    """Every list table's milestones by initiative, and the columns each table gave.

    Every bad cell is raised at once.
    """
    initiatives: dict[str, list[Milestone]] = {}
    used: list[str] = []
    month, title = about
    rows = _Rows(DateReader(month.start, options.fiscal_start))
    for table, columns in tables:
        header = table.rows[columns.row]
        named = (columns.title, columns.date, columns.initiative, columns.kind, columns.status)
        width = max(len(header), *(k + 1 for k in named if k is not None))  # a row's reach
        if width * len(table.rows) > MAX_CELLS:  # every row is padded to that width
            msg = (
                f"a table of {len(table.rows):,} rows of {width:,} columns asks for more"
                f" than {MAX_CELLS:,} cells, the most an import reads"
            )
            raise PlacedError(msg, table.place)
        rows.names = {k: cell.text.strip("*_ ") or f"{k + 1}" for k, cell in enumerate(header)}
        used.append(_described(columns, rows.names))
        group = undated(table.caption or document.title or title)
        for cells in table.rows[columns.row + 1 :]:
            missing = width - len(cells)
            row = (*cells, *(Cell((), cells[-1].place) for _ in range(missing)))
            milestone = rows.milestone(row, columns)
            if milestone is None:
                continue
            if columns.initiative is not None:
                # A blank initiative cell goes on with the row above, as a grouped table
                # (or a cell spanning several rows) shows it.
                group = row[columns.initiative].text or group
            initiatives.setdefault(group, []).append(milestone)
    if rows.errors:
        raise ManyPlacedError(rows.errors)
    return initiatives, used


def _described(columns: Columns, names: dict[int, str]) -> str:
    """The columns a table gave, by role and header: ``title 'What', date 'When'``."""
    found = {role: getattr(columns, role) for role in ROLES if getattr(columns, role) is not None}
    return ", ".join(f"{role} {names.get(k, str(k + 1))!r}" for role, k in found.items())


@attrs.define
class _Rows:
    """Reads a list table's rows into milestones, and keeps every bad cell's error.

    ``dates`` reads the date cells in order (a date without a year follows the one above).
    """

    dates: DateReader
    names: dict[int, str] = attrs.Factory(dict)
    errors: list[PlacedError] = attrs.Factory(list)
    serial: int = 0

    def fail(self, cell: Cell, column: int, message: str) -> None:
        """An error at a cell, naming its column by its header."""
        name = self.names.get(column, str(column + 1))  # a column past the header's cells
        self.errors.append(PlacedError(message, cell.place, repr(name)))

    def milestone(self, row: tuple[Cell, ...], columns: Columns) -> Milestone | None:
        """The row's milestone; None for an empty row or one with a bad cell."""
        title_cell, date_cell = row[columns.title], row[columns.date]
        title = title_cell.written
        if not title and not date_cell.text:
            return None  # an empty row
        found = len(self.errors)
        if not title:
            self.fail(title_cell, columns.title, "no title in this row")
        when, status = self._when(date_cell, columns.date)
        said = row[columns.status].text if columns.status is not None else ""
        if columns.status is not None and said:
            status = status_word(said)
            if status is None:
                msg = f"unknown status {quoted(said)}: expected Live, Done, Complete or Planned"
                self.fail(row[columns.status], columns.status, msg)
        kind = None
        said = row[columns.kind].text if columns.kind is not None else ""
        if columns.kind is not None and said:
            kind = KINDS.get(said.lower())
            if kind is None:
                msg = (
                    f"unknown kind {quoted(said)}: expected document release, submission deadline,"
                    " program launch or their marks *, ^, +"
                )
                self.fail(row[columns.kind], columns.kind, msg)
        if when is None or len(self.errors) > found:
            return None
        self.serial += 1
        return Milestone(
            id=f"~m{self.serial}",
            title=title,
            when=when,
            kind=kind,
            status=status or Status.PLANNED,
        )

    def _when(self, cell: Cell, column: int) -> tuple[When | None, Status | None]:
        try:
            return self.dates.read(cell.text)
        except DateError as error:
            self.fail(cell, column, str(error))
            return None, None
