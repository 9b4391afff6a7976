"""The month grid of the DHCS CalAIM Milestones Calendar, read from any document.

The layout (see ``sources/2021-11_calaim-milestones-calendar.md``): one table per page
under a heading "… as of <Month> <Year>"; each table starts with its header rows
(``Initiatives | CalAIM Major Milestones``, the quarters ``Q4 2021``, the months); then
category rows (a name and empty cells), initiative rows (a name and a cell per month,
``--`` for none) and continuation rows (an empty first cell: the rest of the row above,
cut by the page break). Footnotes are paragraphs that start with a raised number.

Each milestone is a bullet of a month's cell, its sub-items the sub-bullets under it; a
cell that starts with text goes on with the last bullet of its column. A kind mark is
raised, or written after a word (``live+``); raised numbers cite footnotes.

Nothing is dropped silently: every piece of text in a table cell ends up in the edition,
or the import fails naming the place it could not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Final

import attrs

from calaim_timeline.codec import MAX_NUMBER
from calaim_timeline.errors import ParseError
from calaim_timeline.importers._document import (
    Cell,
    Document,
    Place,
    PlacedError,
    Table,
)
from calaim_timeline.importers._grid_cells import Bullet, Read, add_cell, read_item
from calaim_timeline.importers._ids import assign_ids
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._vocabulary import AS_OF, EMPTY, as_of, month_number
from calaim_timeline.model import (
    CALAIM_SERIES,
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    Series,
    Source,
    SubItem,
)
from calaim_timeline.period import Period
from calaim_timeline.validation import check

__all__ = ["IMPORT_NOTES", "PUBLISHER", "read_grid"]

PUBLISHER: Final = "California Department of Health Care Services (DHCS)"
IMPORT_NOTES: Final = (
    "The published PDF converted to markdown: one table per page, rows cut across page"
    " breaks joined back together. Kind marks: * document release, ^ submission deadline,"
    " + program launch. Each milestone's period is the month column it stands in. Links in"
    " footnotes are kept as their text."
)

_QUARTER: Final = re.compile(r"Q([1-4])\s+(\d{4})")
_NUMBERS: Final = re.compile(r"\d+(?:\s*,\s*\d+)*")
_EXCLUDED: Final = re.compile(r"These include:\s*(.+?)\.(?:\s|$)")


@attrs.define
class _Row:
    """An initiative as read so far: its name and, per month column, its bullets."""

    name: Read
    category: str | None
    columns: list[list[Bullet]]


@attrs.define
class _Grid:
    document: Document
    months: list[Period] | None = None
    categories: list[str] = attrs.Factory(list)
    rows: list[_Row] = attrs.Factory(list)
    references: dict[int, Place] = attrs.Factory(dict)


def read_grid(document: Document, options: ImportOptions) -> Edition:
    """The edition the month grid of ``document`` gives; ParseError naming the place.

    Examples:
        >>> from calaim_timeline.importers._html import read_html
        >>> page = (
        ...     "<h1>Calendar as of May 2022</h1><table><tr><th>Initiatives</th><th>Milestones</th>"
        ...     "<th></th></tr><tr><td></td><td>Q2 2022</td><td></td></tr>"
        ...     "<tr><td></td><td>May</td><td>June</td></tr><tr><td>Dental</td><td>--</td>"
        ...     "<td><ul><li>Go-live<sup>+</sup></li></ul></td></tr></table>"
        ... )
        >>> edition = read_grid(read_html(page, "c.html"), ImportOptions(edition_id="2022-05"))
        >>> [(str(m.when), m.title, m.kind.value) for _, m in edition.milestones]
        [('2022-06', 'Go-live', 'program-launch')]
    """
    grid = _Grid(document)
    try:
        for table in document.tables:
            _table(grid, table)
        notes = _footnotes(document)
        initiatives = tuple(_initiatives(grid))
        _all_defined(grid.references, notes)
    except PlacedError as error:
        # A column by its number only where no excerpt shows where in the line it is.
        column = error.column if error.place.column is None else None
        raise document.fail(error.message, error.place, column) from None
    heading = options.title or _heading(document)
    if heading is None:
        msg = "no '## … as of <Month> <Year>' heading found: add one, or give a title"
        raise ParseError(msg, source=document.source)
    if grid.months is None:
        msg = "no calendar table with a month header row found"
        raise ParseError(msg, source=document.source)
    draft = Edition(
        id=options.edition_id,
        title=heading,
        as_of=options.as_of or _as_of(heading, document.source),
        window=grid.months[0]
        if len(grid.months) == 1
        else Period.months(grid.months[0], grid.months[-1]),
        publisher=options.publisher or PUBLISHER,
        source=Source(document=document.source, notes=IMPORT_NOTES),
        series=_series(options),
        categories=tuple(Category(id=f"~c{k}", name=n) for k, n in enumerate(grid.categories)),
        initiatives=initiatives,
        footnotes=tuple(Footnote(number=n, text=notes[n][0]) for n in sorted(notes)),
        excluded_initiatives=_excluded(text for text, _ in notes.values()),
    )
    edition = assign_ids(draft, options.previous, threshold=options.threshold)
    return check(edition, source=document.source)


def _all_defined(references: dict[int, Place], notes: dict[int, tuple[str, Place]]) -> None:
    """Raise PlacedError at the first citation of a footnote no paragraph defines."""
    for number, place in sorted(references.items()):
        if number not in notes:
            msg = f"footnote {number} is referenced but not defined under any table"
            raise PlacedError(msg, place)


def _heading(document: Document) -> str | None:
    """The document's title; else its first paragraph that says what it is "as of"."""
    if document.title and "as of" in document.title.lower():
        return document.title
    dated = (
        item.text
        for item in document.texts
        if "as of" in item.text.lower() and item.raised_first is None
    )
    return next(dated, document.title)


def _as_of(heading: str, source: str) -> Period:
    found = as_of(heading)
    said = AS_OF.search(heading)
    if found is None and said is not None and int(said.group("year")) == 0:
        msg = "the heading's year 0000 is outside the calendar (0001 to 9999)"
        raise ParseError(msg, source=source)
    if found is None:
        msg = (
            f"the heading does not say which month the edition is as of: {heading!r};"
            " add 'as of <Month> <Year>' to it, or give the month (--as-of YYYY-MM)"
        )
        raise ParseError(msg, source=source)
    return found


def _series(options: ImportOptions) -> Series:
    """The calendar's series, unless another is given or the previous edition's differs."""
    previous = options.previous
    if options.series in {None, CALAIM_SERIES.id}:
        return previous.series if previous is not None and options.series is None else CALAIM_SERIES
    if previous is not None and previous.series.id == options.series:
        return previous.series
    return attrs.evolve(CALAIM_SERIES, id=options.series)


def _excluded(notes: Iterator[str]) -> tuple[str, ...]:
    for text in notes:
        found = _EXCLUDED.search(text)
        if found is not None:
            names = [n.strip() for n in found.group(1).split(",")]
            return tuple(n.removeprefix("and ").strip() for n in names if n.strip())
    return ()


def _row_place(place: Place) -> Place:
    """The place of a row: a cell's place without the cell's column."""
    return attrs.evolve(place, column=None, length=1)


def _table(grid: _Grid, table: Table) -> None:
    """The header rows (down to the months'), then the rows of the body."""
    header = 0
    quarters: str | None = None
    for row in table.rows:
        place = _row_place(row[0].place)
        if header == 0:  # "Initiatives | CalAIM Major Milestones"
            header = 1
            continue
        if header == 1:
            texts = [cell.text for cell in row[1:]]
            if any(_QUARTER.fullmatch(t) for t in texts):
                quarters = " ".join(texts)
                continue
            if not texts or month_number(texts[0]) is None:
                msg = f"the table starting on {table.place.words()} has no month header row"
                raise PlacedError(msg, place)
            months = _months(grid, texts, quarters, place)
            if grid.months is not None and months != grid.months:
                msg = "this table's months differ from the first table's"
                raise PlacedError(msg, place)
            grid.months = months
            header = 2
            continue
        _data_row(grid, row, place)


def _months(grid: _Grid, names: list[str], quarters: str | None, place: Place) -> list[Period]:
    if quarters is None:
        if grid.months is not None:
            return grid.months
        msg = "the month header row has no quarter row (Q4 2021 …) above it for the years"
        raise PlacedError(msg, place)
    year = int(_QUARTER.findall(quarters)[0][1])
    found: list[Period] = []
    for name in names:
        month = month_number(name)
        if month is None:
            msg = f"{name!r} is not a month"
            raise PlacedError(msg, place)
        if found and month <= found[-1].start.month:
            year += 1
        if not 1 <= year <= date.max.year:
            msg = f"year {year:04d} is outside the calendar (0001 to 9999)"
            raise PlacedError(msg, place)
        if found and (year, month) != _next_month(found[-1]):
            msg = f"the months skip from {found[-1]} to {year:04d}-{month:02d}"
            raise PlacedError(msg, place)
        found.append(Period.month(year, month))
    return found


def _next_month(period: Period) -> tuple[int, int]:
    year, month = period.start.year, period.start.month
    return (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004 - December


def _footnotes(document: Document) -> dict[int, tuple[str, Place]]:
    """Each paragraph that starts with raised numbers defines those footnotes."""
    notes: dict[int, tuple[str, Place]] = {}
    for item in document.texts:
        numbers = item.raised_first
        if numbers is None or not _NUMBERS.fullmatch(numbers):
            continue
        text = " ".join("".join(r.text for r in item.runs[1:]).split())
        for value in numbers.split(","):
            if len(value.strip()) > len(str(MAX_NUMBER)):
                msg = f"footnote number {value.strip()[:12]}… is too large: at most {MAX_NUMBER:,}"
                raise PlacedError(msg, item.place)
            number = int(value)
            if number in notes:
                also = notes[number][1].words()
                msg = f"footnote {number} is defined twice (also on {also})"
                raise PlacedError(msg, attrs.evolve(item.place, column=None))
            notes[number] = (text, item.place)
    return notes


def _empty(cell: Cell) -> bool:
    """A cell with nothing in it, or the ``--`` of a month without milestones."""
    return not cell.items or (len(cell.items) == 1 and cell.text in EMPTY)


def _data_row(grid: _Grid, row: Sequence[Cell], place: Place) -> None:
    months = grid.months or []
    if len(row) != len(months) + 1:
        msg = f"the row has {len(row)} cells; the table has {len(months) + 1} columns"
        raise PlacedError(msg, place)
    first, rest = row[0], row[1:]
    if first.items:
        name = read_item([run for item in first.items for run in item.runs], first.place, "1")
        if name.kind is not None:
            msg = f"an initiative name with a kind mark: {name.text!r}"
            raise PlacedError(msg, attrs.evolve(first.place, length=1), "1")
        if all(not cell.items for cell in rest):
            grid.categories.append(name.text)
            return
        category = grid.categories[-1] if grid.categories else None
        grid.rows.append(_Row(name, category, [[] for _ in months]))
        _cite(grid, name, place)
    elif all(not cell.items for cell in rest):
        return
    elif not grid.rows:
        msg = "a continuation row with no initiative row before it"
        raise PlacedError(msg, place)
    for k, (column, cell) in enumerate(zip(grid.rows[-1].columns, rest, strict=True), start=2):
        if not _empty(cell):
            add_cell(column, cell, str(k), wraps=grid.document.wraps)


def _cite(grid: _Grid, read: Read, place: Place) -> None:
    for note in read.footnotes:
        grid.references.setdefault(note, place)


def _initiatives(grid: _Grid) -> Iterator[Initiative]:
    months = grid.months or []
    category_ids = {name: f"~c{k}" for k, name in enumerate(grid.categories)}
    serial = 0
    for k, row in enumerate(grid.rows):
        milestones = []
        for when, column in zip(months, row.columns, strict=True):
            for bullet in column:
                item = read_item(bullet.runs, bullet.place, bullet.column)
                _cite(grid, item, _row_place(bullet.place))
                subs = []
                for runs, place in bullet.subs:
                    sub = read_item(runs, place, bullet.column)
                    _cite(grid, sub, _row_place(place))
                    subs.append(SubItem(text=sub.text, footnotes=sub.footnotes, kind=sub.kind))
                milestones.append(
                    Milestone(
                        id=f"~m{serial}",
                        title=item.text,
                        kind=item.kind,
                        when=when,
                        footnotes=item.footnotes,
                        sub_items=tuple(subs),
                    )
                )
                serial += 1
        yield Initiative(
            id=f"~i{k}",
            name=row.name.text,
            category=category_ids[row.category] if row.category else None,
            footnotes=row.name.footnotes,
            milestones=tuple(milestones),
        )
