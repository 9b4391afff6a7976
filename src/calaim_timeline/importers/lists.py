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
from typing import Final

import attrs

from calaim_timeline.errors import ParseError
from calaim_timeline.importers._dates import DateError, read_when, status_word
from calaim_timeline.importers._document import Cell, Document, PlacedError, Table
from calaim_timeline.importers._ids import assign_ids
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._vocabulary import (
    AS_OF,
    DATES,
    INITIATIVES,
    KIND_HEADERS,
    KINDS,
    STATUS_HEADERS,
    TITLES,
    as_of,
)
from calaim_timeline.model import Edition, Initiative, Milestone, Source, Status
from calaim_timeline.period import Period
from calaim_timeline.validate import check

__all__ = [
    "DATES",
    "KINDS",
    "ROLES",
    "TITLES",
    "UNSTATED",
    "Columns",
    "as_of_in",
    "find_columns",
    "read_list",
    "title_rows",
]

UNSTATED: Final = "not stated in the source"
"""The publisher of a list edition when neither the source nor the caller names one."""

_LIST_NOTES: Final = (
    "A list table: a row per milestone, dates as the source words them (kept as each"
    " period's wording), the window spanning the milestones unless stated."
)


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
        date = _best(names, DATES, set())
        titles = [t for t in TITLES if t != "initiative"]
        title = _best(names, titles, {date} if date is not None else set())
        initiative = None
        if title is None:
            title = _best(names, ("initiative",), {date} if date is not None else set())
        else:
            initiative = _best(
                names, INITIATIVES, {title} | ({date} if date is not None else set())
            )
        if date is None or title is None:
            continue
        used = {k for k in (date, title, initiative) if k is not None}
        return Columns(
            row=k,
            title=title,
            date=date,
            initiative=initiative,
            kind=_best(names, KIND_HEADERS, used, within=False),
            status=_best(names, STATUS_HEADERS, used, within=False),
        )
    return None


def title_rows(document: Document, named: Sequence[tuple[str, str]] = ()) -> list[str]:
    r"""The title rows of the document's list tables: above a header, a row of one cell.

    A spreadsheet says its title (and its "as of") in a row above the header row.

    Examples:
        >>> from calaim_timeline.importers._sheets import read_csv
        >>> title_rows(read_csv("Go-live dates as of May 2022,,\nPolicy,Due\nECM,2022\n", "g.csv"))
        ['Go-live dates as of May 2022']
    """
    found = []
    for table in document.tables:
        columns = find_columns(table, named)
        for row in table.rows[: columns.row if columns else 0]:
            filled = [cell.text for cell in row if cell.text]
            if len(filled) == 1:
                found.append(filled[0])
    return found


def as_of_in(document: Document, named: Sequence[tuple[str, str]] = ()) -> Period | None:
    r"""The month an "as of <Month> <Year>" in the document's title or text names.

    Its title, its tables' captions, its paragraphs, and the title rows above the header
    rows of its list tables.

    Examples:
        >>> from calaim_timeline.importers._markdown import read_markdown
        >>> as_of_in(read_markdown("# Go-live dates\n\nUpdated as of March 3, 2022.\n", "g.md"))
        Period('2022-03')
    """
    texts = [document.title or "", *(t.caption or "" for t in document.tables)]
    texts += [item.text for item in document.texts]
    texts += title_rows(document, named)
    return next((found for found in map(as_of, texts) if found is not None), None)


def read_list(document: Document, options: ImportOptions, window: Period | None = None) -> Edition:
    r"""The edition a document's list tables give (every list table, in order).

    The as-of month and the title come from ``options``, else from the document (its
    heading, else a title row above a header); the publisher from ``options``, else the
    previous edition's, else :data:`UNSTATED`.

    Examples:
        >>> from calaim_timeline.importers._markdown import read_markdown
        >>> text = "| Policy | Go-Live Date |\n|---|---|\n| ECM | January 2022 - LIVE! |\n"
        >>> document = read_markdown(text, "go-live.md")
        >>> options = ImportOptions(edition_id="2022-01", title="Go-live dates",
        ...                         as_of=Period.parse("2022-01"))
        >>> edition = read_list(document, options)
        >>> [(m.id, str(m.when), m.when.text, m.status.value) for _, m in edition.milestones()]
        [('ecm', '2022-01', 'January 2022', 'done')]
    """
    month = options.as_of or as_of_in(document, options.columns)
    if month is None:
        msg = "the source does not say which month it is as of: give it (--as-of YYYY-MM)"
        raise ParseError(msg, source=document.source)
    title = (
        options.title or document.title or next(iter(title_rows(document, options.columns)), None)
    )
    if not title:
        msg = "the source has no title (no heading or title row): give one (--title TEXT)"
        raise ParseError(msg, source=document.source)
    try:
        initiatives = _initiatives(document, month, title, options.columns)
    except PlacedError as error:
        raise document.fail(error.message, error.place, error.column) from None
    if not initiatives:
        msg = (
            "no list table found: a table needs a header row naming a title column"
            " (Policy, Milestone, Activity…) and a date column (Go-Live Date, Target Date, Due…)"
        )
        raise ParseError(msg, source=document.source)
    milestones = [m for group in initiatives.values() for m in group]
    previous = options.previous
    draft = Edition(
        id=options.edition_id,
        title=title,
        as_of=month,
        window=window or _spanned(milestones, month),
        publisher=options.publisher or (previous.publisher if previous else UNSTATED),
        source=Source(document=document.source, notes=_LIST_NOTES),
        initiatives=tuple(
            Initiative(id=f"~i{k}", name=name, milestones=tuple(group))
            for k, (name, group) in enumerate(initiatives.items())
        ),
    )
    edition = assign_ids(draft, previous, threshold=options.threshold)
    return check(edition, source=document.source)


def _initiatives(
    document: Document, month: Period, title: str, named: Sequence[tuple[str, str]]
) -> dict[str, list[Milestone]]:
    initiatives: dict[str, list[Milestone]] = {}
    serial = 0
    for table in document.tables:
        columns = find_columns(table, named)
        if columns is None:
            continue
        header = table.rows[columns.row]
        names = {k: cell.text for k, cell in enumerate(header)}
        group = _undated(table.caption or document.title or title)
        for cells in table.rows[columns.row + 1 :]:
            missing = len(header) - len(cells)
            row = (*cells, *(Cell((), cells[-1].place) for _ in range(missing)))
            milestone = _milestone(row, columns, names=names, as_of=month, serial=serial)
            if milestone is None:
                continue
            serial += 1
            if columns.initiative is not None:
                # A blank initiative cell goes on with the row above, as a grouped table
                # (or a cell spanning several rows) shows it.
                group = row[columns.initiative].text or group
            initiatives.setdefault(group, []).append(milestone)
    return initiatives


def _undated(name: str) -> str:
    """A heading without its "as of <Month> <Year>": the same initiative in every edition.

    Examples:
        >>> _undated("CalAIM Launch Timeline as of January 2022")
        'CalAIM Launch Timeline'
    """
    bare = AS_OF.sub("", name).strip(" ,:;-\u2013\u2014()")
    return bare or name


def _spanned(milestones: list[Milestone], as_of: Period) -> Period:
    """The whole months from the earliest dated milestone's to the latest's.

    A window is whole months; where no milestone is dated, it is the as-of month.

    Examples:
        >>> from calaim_timeline import UnknownDate
        >>> _spanned([Milestone(id="a", title="A", when=Period.parse("2022-02-11/2022-02-28")),
        ...           Milestone(id="b", title="B", when=Period.parse("2023-Q3")),
        ...           Milestone(id="c", title="C", when=UnknownDate(text="TBD"))],
        ...          Period.parse("2022-01"))
        Period('2022-02/2023-09')
    """
    dated = [m.when for m in milestones if isinstance(m.when, Period)]
    start = min((when.start for when in dated), default=as_of.start)
    end = max((when.end for when in dated), default=as_of.end)
    first, last = Period.month(start.year, start.month), Period.month(end.year, end.month)
    return first if first == last else Period.months(first, last)


def _fail(cell: Cell, name: str, message: str) -> PlacedError:
    """An error at a cell, naming its column by its header."""
    return PlacedError(message, cell.place, repr(name))


def _milestone(
    row: tuple[Cell, ...],
    columns: Columns,
    *,
    names: dict[int, str],
    as_of: Period,
    serial: int,
) -> Milestone | None:
    title_cell, date_cell = row[columns.title], row[columns.date]
    title = title_cell.text
    if not title and not date_cell.text:
        return None  # an empty row
    if not title:
        raise _fail(title_cell, names[columns.title], "no title in this row")
    try:
        when, status = read_when(date_cell.text, year=as_of.start.year)
    except DateError as error:
        raise _fail(date_cell, names[columns.date], str(error)) from None
    if columns.status is not None:
        said = row[columns.status].text
        if said:
            status = status_word(said)
            if status is None:
                msg = f"unknown status {said!r}: expected Live, Done, Complete or Planned"
                raise _fail(row[columns.status], names[columns.status], msg)
    kind = None
    if columns.kind is not None:
        said = row[columns.kind].text
        if said:
            kind = KINDS.get(said.lower())
            if kind is None:
                msg = (
                    f"unknown kind {said!r}: expected document release, submission deadline,"
                    " program launch or their marks *, ^, +"
                )
                raise _fail(row[columns.kind], names[columns.kind], msg)
    return Milestone(
        id=f"~m{serial}", title=title, when=when, kind=kind, status=status or Status.PLANNED
    )
