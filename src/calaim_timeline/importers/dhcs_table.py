"""The DHCS CalAIM Milestones Calendar, as a PDF turned into markdown, into an Edition.

The layout (see ``sources/2021-11_calaim-milestones-calendar.md``): one markdown table
per PDF page under a ``##`` heading "… as of <Month> <Year>"; each table starts with its
header rows (``Initiatives | CalAIM Major Milestones``, the quarters ``Q4 2021``, the
months); then category rows (a name and empty cells), initiative rows (a name and a cell
per month, ``--`` for none) and continuation rows (an empty first cell: the rest of the
row above, cut by the page break). Footnotes are paragraphs ``<sup>N</sup> text`` under
the tables.

Nothing is dropped silently: every piece of text in a table cell ends up in the edition,
or the import fails with the line, column and text it could not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Final

import attrs

from calaim_timeline._build import MAX_NUMBER
from calaim_timeline._notation import MONTH_NAMES
from calaim_timeline.errors import ParseError
from calaim_timeline.importers._cells import CellError, Item, Piece, finish, pieces, plain_text
from calaim_timeline.importers._ids import assign_ids
from calaim_timeline.match import DEFAULT_THRESHOLD
from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    Source,
    SubItem,
)
from calaim_timeline.period import Period
from calaim_timeline.validate import check

__all__ = ["IMPORT_NOTES", "PUBLISHER", "import_table"]

PUBLISHER: Final = "California Department of Health Care Services (DHCS)"
IMPORT_NOTES: Final = (
    "The published PDF converted to markdown: one table per page, rows cut across page"
    " breaks joined back together. Kind marks: * document release, ^ submission deadline,"
    " + program launch. Each milestone's period is the month column it stands in. Links in"
    " footnotes are kept as their text."
)

_AS_OF: Final = re.compile(r"\bas of ([A-Za-z]+)\s+(\d{4})\b")
_QUARTER: Final = re.compile(r"Q([1-4])\s+(\d{4})")
_FOOTNOTE: Final = re.compile(r"<sup>\s*(\d+(?:\s*,\s*\d+)*)\s*</sup>\s*(.*)")
_SEPARATOR: Final = re.compile(r":?-{2,}:?")
_CELL_SPLIT: Final = re.compile(r"(?<!\\)\|")
_EXCLUDED: Final = re.compile(r"These include:\s*(.+?)\.(?:\s|$)")


@attrs.define
class _Text:
    """A bullet's raw text as it accumulates across page breaks, and where it began."""

    raw: str
    line: int
    column: int


@attrs.define
class _Bullet:
    text: _Text
    subs: list[_Text] = attrs.Factory(list)


@attrs.define
class _Row:
    """An initiative as read so far: its name and, per month column, its bullets."""

    name: str
    footnotes: tuple[int, ...]
    category: str | None
    columns: list[list[_Bullet]]


@attrs.define
class _Reader:
    source: str
    lines: list[str]
    title: str | None = None
    months: list[Period] | None = None
    categories: list[str] = attrs.Factory(list)
    rows: list[_Row] = attrs.Factory(list)
    notes: dict[int, tuple[str, int]] = attrs.Factory(dict)
    references: dict[int, int] = attrs.Factory(dict)

    def fail(
        self, message: str, line: int, column: int | None = None, length: int = 1
    ) -> ParseError:
        return ParseError(
            message,
            source=self.source,
            line=line,
            column=column,
            text=self.lines[line - 1] if 0 < line <= len(self.lines) else None,
            length=length,
        )


def _cells(line: str) -> list[tuple[str, int]]:
    """The cells of a table row with their offsets in the line."""
    start = line.index("|") + 1
    end = line.rstrip().rindex("|")
    found, position = [], start
    for part in _CELL_SPLIT.split(line[start:end]):
        found.append((part, position))
        position += len(part) + 1
    return found


def import_table(  # noqa: PLR0913 - what an edition needs that a source may not say
    text: str,
    *,
    edition_id: str,
    source: str = "<table>",
    previous: Edition | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    as_of: Period | None = None,
    title: str | None = None,
    publisher: str = PUBLISHER,
) -> Edition:
    """Read a published calendar table (markdown with inline HTML) into an edition.

    With ``previous``, initiatives and milestones that match it keep its ids, lineages
    and aliases (so re-importing an unchanged edition changes nothing, and a retitled
    milestone keeps its lineage). ``source`` names the document in errors and in the
    edition's ``source.document``. ``as_of`` and ``title``, when given, stand instead of
    what the ``## … as of <Month> <Year>`` heading says (and let a document without one be
    read). Raises :class:`~calaim_timeline.errors.ParseError`.

    Examples:
        >>> table = '''## CalAIM Milestones Calendar as of May 2022
        ...
        ... | Initiatives | CalAIM Major Milestones | |
        ... |---|---|---|
        ... | | Q2 2022 | |
        ... | | May | June |
        ... | <b>Dental</b> | • Dental All Plan Letter* | -- |
        ... '''
        >>> edition = import_table(table, edition_id="2022-05")
        >>> [(m.id, str(m.when), m.kind.value) for _, m in edition.milestones()]
        [('dental-all-plan-letter', '2022-05', 'document-release')]
    """
    reader = _Reader(source, text.splitlines())
    _read(reader)
    reader.title = title or reader.title
    if reader.title is None:
        msg = "no '## … as of <Month> <Year>' heading found: add one, or give a title"
        raise ParseError(msg, source=source)
    if reader.months is None:
        msg = "no calendar table with a month header row found"
        raise ParseError(msg, source=source)
    draft = Edition(
        id=edition_id,
        title=reader.title,
        as_of=as_of or _as_of(reader),
        window=reader.months[0]
        if len(reader.months) == 1
        else Period.months(reader.months[0], reader.months[-1]),
        publisher=publisher,
        source=Source(document=source, notes=IMPORT_NOTES),
        categories=tuple(Category(id=f"~c{k}", name=n) for k, n in enumerate(reader.categories)),
        initiatives=tuple(_initiatives(reader)),
        footnotes=tuple(Footnote(number=n, text=reader.notes[n][0]) for n in sorted(reader.notes)),
        excluded_initiatives=_excluded(reader),
    )
    for number, line in sorted(reader.references.items()):
        if number not in reader.notes:
            msg = f"footnote {number} is referenced but not defined under any table"
            raise reader.fail(msg, line)
    return check(assign_ids(draft, previous, threshold=threshold), source=source)


def _as_of(reader: _Reader) -> Period:
    found = _AS_OF.search(reader.title or "")
    month = found.group(1).lower() if found else ""
    if found is None or month not in MONTH_NAMES:
        msg = (
            f"the heading does not say which month the edition is as of: {reader.title!r};"
            " add 'as of <Month> <Year>' to it, or give the month (--as-of YYYY-MM)"
        )
        raise ParseError(msg, source=reader.source)
    if int(found.group(2)) == 0:
        msg = "the heading's year 0000 is outside the calendar (0001 to 9999)"
        raise ParseError(msg, source=reader.source)
    return Period.month(int(found.group(2)), MONTH_NAMES.index(month) + 1)


def _excluded(reader: _Reader) -> tuple[str, ...]:
    for text, _ in reader.notes.values():
        found = _EXCLUDED.search(text)
        if found is not None:
            names = [n.strip() for n in found.group(1).split(",")]
            return tuple(n.removeprefix("and ").strip() for n in names if n.strip())
    return ()


def _read(reader: _Reader) -> None:
    header: list[str] = []  # the header rows seen of the current table
    table_start = 0
    for number, line in enumerate(reader.lines, start=1):
        stripped = line.strip()
        if not stripped.startswith("|"):
            header = []
            if stripped.startswith("## ") and reader.title is None:
                reader.title = plain_text(stripped[3:])
            elif stripped.startswith("<sup>"):
                _footnote(reader, stripped, number)
            continue
        if not stripped.endswith("|") or stripped == "|":
            msg = "the table row is cut short: it has no closing '|'"
            raise reader.fail(msg, number, len(line.rstrip()) + 1)
        cells = _cells(line)
        if all(_SEPARATOR.fullmatch(c.strip()) for c, _ in cells):
            continue
        if not header:
            header, table_start = ["head"], number
            continue
        if header[-1] != "months":
            _header_row(reader, cells, number, header, table_start)
            continue
        _data_row(reader, cells, number)


def _header_row(
    reader: _Reader, cells: list[tuple[str, int]], number: int, header: list[str], table_start: int
) -> None:
    texts = [plain_text(c) for c, _ in cells[1:]]
    if any(_QUARTER.fullmatch(t) for t in texts):
        header.append("quarters")
        header.append(" ".join(texts))
        return
    if not texts or texts[0].lower() not in MONTH_NAMES:
        msg = f"the table starting on line {table_start} has no month header row"
        raise reader.fail(msg, number)
    quarters = header[-1] if len(header) > 1 and header[-2] == "quarters" else None
    months = _months(reader, texts, quarters, number)
    if reader.months is not None and months != reader.months:
        msg = "this table's months differ from the first table's"
        raise reader.fail(msg, number)
    reader.months = months
    header.append("months")


def _months(reader: _Reader, names: list[str], quarters: str | None, number: int) -> list[Period]:
    if quarters is None:
        if reader.months is not None:
            return reader.months
        msg = "the month header row has no quarter row (Q4 2021 …) above it for the years"
        raise reader.fail(msg, number)
    year = int(_QUARTER.findall(quarters)[0][1])
    found: list[Period] = []
    for name in names:
        if name.lower() not in MONTH_NAMES:
            msg = f"{name!r} is not a month"
            raise reader.fail(msg, number)
        month = MONTH_NAMES.index(name.lower()) + 1
        if found and month <= found[-1].start.month:
            year += 1
        if not 1 <= year <= date.max.year:
            msg = f"year {year:04d} is outside the calendar (0001 to 9999)"
            raise reader.fail(msg, number)
        if found and (year, month) != _next_month(found[-1]):
            msg = f"the months skip from {found[-1]} to {year:04d}-{month:02d}"
            raise reader.fail(msg, number)
        found.append(Period.month(year, month))
    return found


def _next_month(period: Period) -> tuple[int, int]:
    year, month = period.start.year, period.start.month
    return (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004 - December


def _footnote(reader: _Reader, stripped: str, number: int) -> None:
    found = _FOOTNOTE.fullmatch(stripped)
    if found is None:
        return
    text = plain_text(found.group(2))
    for value in found.group(1).split(","):
        if len(value.strip()) > len(str(MAX_NUMBER)):
            msg = f"footnote number {value.strip()[:12]}… is too large: at most {MAX_NUMBER:,}"
            raise reader.fail(msg, number)
        note = int(value)
        if note in reader.notes:
            msg = f"footnote {note} is defined twice (also on line {reader.notes[note][1]})"
            raise reader.fail(msg, number)
        reader.notes[note] = (text, number)


def _data_row(reader: _Reader, cells: list[tuple[str, int]], number: int) -> None:
    months = reader.months or []
    if len(cells) != len(months) + 1:
        msg = f"the row has {len(cells)} cells; the table has {len(months) + 1} columns"
        raise reader.fail(msg, number)
    first, first_at = cells[0]
    rest = cells[1:]
    if first.strip():
        try:
            item = finish(first)
        except CellError as error:
            raise reader.fail(
                str(error), number, first_at + error.offset + 1, error.length
            ) from None
        if item.kind is not None:
            msg = f"an initiative name with a kind mark: {item.text!r}"
            raise reader.fail(msg, number, first_at + 1)
        if all(not c.strip() for c, _ in rest):
            reader.categories.append(item.text)
            return
        category = reader.categories[-1] if reader.categories else None
        reader.rows.append(_Row(item.text, item.footnotes, category, [[] for _ in months]))
        _note_references(reader, item, number)
    elif all(not c.strip() for c, _ in rest):
        return
    elif not reader.rows:
        msg = "a continuation row with no initiative row before it"
        raise reader.fail(msg, number)
    for column, (cell, at) in zip(reader.rows[-1].columns, rest, strict=True):
        _cell(reader, column, cell, at, number)


def _cell(reader: _Reader, column: list[_Bullet], cell: str, at: int, number: int) -> None:
    try:
        found = pieces(cell)
    except CellError as error:
        raise reader.fail(str(error), number, at + error.offset + 1, error.length) from None
    for piece in found:
        _place(reader, column, piece, _Text(piece.raw, number, at + piece.offset + 1))


def _place(reader: _Reader, column: list[_Bullet], piece: Piece, text: _Text) -> None:
    if piece.level == 1:
        column.append(_Bullet(text))
    elif not column:
        what = "a sub-bullet" if piece.level == 2 else "text"  # noqa: PLR2004 - sub-bullet level
        msg = f"{what} with no bullet before it in this column: {plain_text(piece.raw)!r}"
        raise reader.fail(msg, text.line, text.column, len(piece.raw))
    elif piece.level == 2:  # noqa: PLR2004 - sub-bullet level
        column[-1].subs.append(text)
    else:  # the rest of a bullet the page break cut
        last = column[-1].subs[-1] if column[-1].subs else column[-1].text
        last.raw = f"{last.raw.rstrip()} {piece.raw.strip()}"


def _note_references(reader: _Reader, item: Item, line: int) -> None:
    for note in item.footnotes:
        reader.references.setdefault(note, line)


def _initiatives(reader: _Reader) -> Iterator[Initiative]:
    months = reader.months or []
    category_ids = {name: f"~c{k}" for k, name in enumerate(reader.categories)}
    serial = 0
    for k, row in enumerate(reader.rows):
        milestones = []
        for when, column in zip(months, row.columns, strict=True):
            for bullet in column:
                item = _finish(reader, bullet.text)
                subs = tuple(_finish(reader, sub) for sub in bullet.subs)
                milestones.append(
                    Milestone(
                        id=f"~m{serial}",
                        title=item.text,
                        kind=item.kind,
                        when=when,
                        footnotes=item.footnotes,
                        sub_items=tuple(
                            SubItem(text=s.text, footnotes=s.footnotes, kind=s.kind) for s in subs
                        ),
                    )
                )
                serial += 1
        yield Initiative(
            id=f"~i{k}",
            name=row.name,
            category=category_ids[row.category] if row.category else None,
            footnotes=row.footnotes,
            milestones=tuple(milestones),
        )


def _finish(reader: _Reader, text: _Text) -> Item:
    try:
        item = finish(text.raw)
    except CellError as error:
        raise reader.fail(str(error), text.line, text.column + error.offset, error.length) from None
    _note_references(reader, item, text.line)
    return item
