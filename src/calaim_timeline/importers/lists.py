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

from calaim_timeline._notation import MONTH_NAMES
from calaim_timeline.errors import ParseError
from calaim_timeline.importers._cells import plain_text
from calaim_timeline.importers._dates import DateError, read_when, status_word
from calaim_timeline.importers._document import Cell, Document, Table
from calaim_timeline.importers._ids import assign_ids
from calaim_timeline.model import Edition, Initiative, Milestone, MilestoneKind, Source, Status
from calaim_timeline.period import Period
from calaim_timeline.validate import check

__all__ = ["DATES", "KINDS", "TITLES", "Columns", "find_columns", "read_list"]

TITLES: Final = (
    "policy",
    "milestone",
    "milestones",
    "activity",
    "activities",
    "deliverable",
    "item",
    "title",
    "name",
    "event",
    "task",
    "program",
    "initiative",
)
"""Header words of a title column (the first found is the title; "initiative" last)."""

DATES: Final = (
    "go-live date",
    "go live date",
    "go-live",
    "go live",
    "launch date",
    "target date",
    "target",
    "due date",
    "due",
    "deadline",
    "date",
    "dates",
    "timeline",
    "timing",
    "effective date",
    "implementation date",
    "start date",
)
"""Header words of a date column."""

INITIATIVES: Final = ("initiative", "program", "workstream", "category", "area")
KIND_HEADERS: Final = ("kind", "type", "milestone type")
STATUS_HEADERS: Final = ("status", "state")
KINDS: Final = {
    **{kind.value: kind for kind in MilestoneKind},
    **{kind.value.replace("-", " "): kind for kind in MilestoneKind},
    **{kind.mark: kind for kind in MilestoneKind},
}
"""What a kind cell may say: a kind's name (with a space or hyphen) or its mark."""

_LIST_NOTES: Final = (
    "A list table: a row per milestone, dates as the source words them (kept as each"
    " period's wording), the window spanning the milestones unless stated."
)
_AS_OF: Final = re.compile(
    r"\bas of\s+(?:(?:\w+day),?\s+)?(?P<month>[A-Za-z]+)\.?\s+(?:\d{1,2},?\s+)?(?P<year>\d{4})\b",
    re.IGNORECASE,
)


_MONTH_KEYS: Final = tuple(name[:3] for name in MONTH_NAMES)


def _header(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", plain_text(text).lower()).split())


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


def _first(names: list[str], wanted: Sequence[str], skip: set[int]) -> int | None:
    for word in wanted:
        for k, name in enumerate(names):
            if name == word and k not in skip:
                return k
    return None


def find_columns(table: Table) -> Columns | None:
    """The header row and columns of a list table, or None if no row names them.

    Examples:
        >>> from calaim_timeline.importers._document import Cell, Table
        >>> header = tuple(Cell(t, "row 1") for t in ("Policy", "Go-Live Date"))
        >>> find_columns(Table((header,)))
        Columns(row=0, title=0, date=1, initiative=None, kind=None, status=None)
    """
    for k, row in enumerate(table.rows[:10]):
        names = [_header(cell.text) for cell in row]
        date = _first(names, DATES, set())
        titles = [t for t in TITLES if t != "initiative"]
        title = _first(names, titles, {date} if date is not None else set())
        initiative = None
        if title is None:
            title = _first(names, ("initiative",), set())
        else:
            initiative = _first(names, INITIATIVES, {title})
        if date is None or title is None:
            continue
        used = {k for k in (date, title, initiative) if k is not None}
        return Columns(
            row=k,
            title=title,
            date=date,
            initiative=initiative,
            kind=_first(names, KIND_HEADERS, used),
            status=_first(names, STATUS_HEADERS, used),
        )
    return None


def as_of_in(document: Document) -> Period | None:
    """The month an "as of <Month> <Year>" in the document's title or text names."""
    texts = [document.title or "", *(t.caption or "" for t in document.tables)]
    texts += [plain_text(cell.text) for cell in document.texts]
    for text in texts:
        for found in _AS_OF.finditer(text):
            key = found.group("month").lower()[:3]
            if key in _MONTH_KEYS and 1 <= int(found.group("year")) <= 9999:  # noqa: PLR2004
                return Period.month(int(found.group("year")), _MONTH_KEYS.index(key) + 1)
    return None


def _fail(document: Document, cell: Cell, name: str, message: str) -> ParseError:
    """An error at a cell: its line in a text file, else its row; and its column's name."""
    where = f"column {name!r}" if cell.line is not None else f"{cell.where}, column {name!r}"
    return ParseError(f"{where}: {message}", source=document.source, line=cell.line)


def read_list(  # noqa: PLR0913 - what an edition needs that a list may not say
    document: Document,
    *,
    edition_id: str,
    as_of: Period,
    title: str,
    publisher: str,
    previous: Edition | None,
    threshold: float,
    window: Period | None = None,
) -> Edition:
    r"""The edition a document's list tables give (every list table, in order).

    Examples:
        >>> from calaim_timeline.importers._document import read_markdown
        >>> text = "| Policy | Go-Live Date |\n|---|---|\n| ECM | January 2022 - LIVE! |\n"
        >>> document = read_markdown(text, "go-live.md")
        >>> edition = read_list(document, edition_id="2022-01", as_of=Period.parse("2022-01"),
        ...                     title="Go-live dates", publisher="DHCS", previous=None,
        ...                     threshold=80.0)
        >>> [(m.id, str(m.when), m.when.text, m.status.value) for _, m in edition.milestones()]
        [('ecm', '2022-01', 'January 2022', 'done')]
    """
    initiatives: dict[str, list[Milestone]] = {}
    serial = 0
    for table in document.tables:
        columns = find_columns(table)
        if columns is None:
            continue
        header = table.rows[columns.row]
        names = {k: plain_text(cell.text) for k, cell in enumerate(header)}
        group = _undated(table.caption or document.title or title)
        for cells in table.rows[columns.row + 1 :]:
            missing = len(header) - len(cells)
            row = (*cells, *(Cell("", cells[-1].where, cells[-1].line) for _ in range(missing)))
            milestone = _milestone(document, row, columns, names=names, as_of=as_of, serial=serial)
            if milestone is None:
                continue
            serial += 1
            if columns.initiative is not None:
                # A blank initiative cell goes on with the row above, as a grouped table
                # (or a cell spanning several rows) shows it.
                group = plain_text(row[columns.initiative].text) or group
            initiatives.setdefault(group, []).append(milestone)
    if not initiatives:
        msg = (
            "no list table found: a table needs a header row naming a title column"
            " (Policy, Milestone, Activity…) and a date column (Go-Live Date, Target Date, Due…)"
        )
        raise ParseError(msg, source=document.source)
    milestones = [m for group in initiatives.values() for m in group]
    if window is None:
        window = _spanned(milestones)
    draft = Edition(
        id=edition_id,
        title=title,
        as_of=as_of,
        window=window,
        publisher=publisher,
        source=Source(document=document.source, notes=_LIST_NOTES),
        initiatives=tuple(
            Initiative(id=f"~i{k}", name=name, milestones=tuple(group))
            for k, (name, group) in enumerate(initiatives.items())
        ),
    )
    return check(assign_ids(draft, previous, threshold=threshold), source=document.source)


def _undated(name: str) -> str:
    """A heading without its "as of <Month> <Year>": the same initiative in every edition.

    Examples:
        >>> _undated("CalAIM Launch Timeline as of January 2022")
        'CalAIM Launch Timeline'
    """
    bare = _AS_OF.sub("", plain_text(name)).strip(" ,:;-\u2013\u2014()")
    return bare or plain_text(name)


def _spanned(milestones: list[Milestone]) -> Period:
    """The whole months from the earliest milestone's to the latest's (a window is months).

    Examples:
        >>> _spanned([Milestone(id="a", title="A", when=Period.parse("2022-02-11/2022-02-28")),
        ...           Milestone(id="b", title="B", when=Period.parse("2023-Q3"))])
        Period('2022-02/2023-09')
    """
    start = min(m.when.start for m in milestones)
    end = max(m.when.end for m in milestones)
    first, last = Period.month(start.year, start.month), Period.month(end.year, end.month)
    return first if first == last else Period.months(first, last)


def _milestone(  # noqa: PLR0913 - a row, its columns and its place
    document: Document,
    row: tuple[Cell, ...],
    columns: Columns,
    *,
    names: dict[int, str],
    as_of: Period,
    serial: int,
) -> Milestone | None:
    title_cell, date_cell = row[columns.title], row[columns.date]
    title = plain_text(title_cell.text)
    if not title and not plain_text(date_cell.text):
        return None  # an empty row
    if not title:
        raise _fail(document, title_cell, names[columns.title], "no title in this row")
    try:
        when, status = read_when(plain_text(date_cell.text), year=as_of.start.year)
    except DateError as error:
        raise _fail(document, date_cell, names[columns.date], str(error)) from None
    if columns.status is not None:
        said = plain_text(row[columns.status].text)
        if said:
            status = status_word(said)
            if status is None:
                msg = f"unknown status {said!r}: expected Live, Done, Complete or Planned"
                raise _fail(document, row[columns.status], names[columns.status], msg)
    kind = None
    if columns.kind is not None:
        said = plain_text(row[columns.kind].text)
        if said:
            kind = KINDS.get(said.lower())
            if kind is None:
                msg = (
                    f"unknown kind {said!r}: expected document release, submission deadline,"
                    " program launch or their marks *, ^, +"
                )
                raise _fail(document, row[columns.kind], names[columns.kind], msg)
    return Milestone(
        id=f"~m{serial}", title=title, when=when, kind=kind, status=status or Status.PLANNED
    )
