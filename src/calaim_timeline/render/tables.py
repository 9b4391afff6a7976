"""Histories and diffs as spreadsheet tables, written to CSV or to an Excel workbook.

The history table has a row per milestone and a column per edition, with the period that
edition gave in each cell (empty where it did not list the milestone), then the latest
period as notation and as real dates, its wording, status and why it is no longer listed.
The diff table has a row per change, with both periods in the calendar's notation and as
ISO dates, and the drop reason or direction of each.

CSV is written as Excel expects it: UTF-8 with a byte-order mark, CRLF line ends, dates
as ``YYYY-MM-DD``; a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'`` so no spreadsheet runs it as a formula. The workbook (.xlsx,
through openpyxl: ``pip install 'calaim-timeline[xlsx]'``) has a frozen header row,
filters on every column, widths that fit the text, real dates, and every text cell stored
as text.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

import attrs

from calaim_timeline._files import write_atomic
from calaim_timeline.changes import (
    ByType,
    Change,
    DropReason,
    FootnoteAdded,
    FootnoteChanged,
    FootnoteDropped,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeEdited,
    InitiativeRecategorized,
    InitiativeRenamed,
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
    WindowChanged,
)
from calaim_timeline.diffing import EditionDiff
from calaim_timeline.errors import ExtraMissingError, WriteError
from calaim_timeline.history import History
from calaim_timeline.model import Edition
from calaim_timeline.period import UnknownDate, When
from calaim_timeline.render._describe import describe, named
from calaim_timeline.render._digest import headline
from calaim_timeline.render._workbook import workbook_bytes

__all__ = ["FORMATS", "DiffTable", "HistoryTable", "Table", "diff_table", "history_table"]

FORMATS: Final = ("csv", "xlsx")
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")
_WIDEST: Final = 60
_PAIRED: Final = (
    MilestoneShifted,
    MilestoneRetitled,
    MilestoneRekinded,
    MilestoneMoved,
    MilestoneEdited,
)

Cell = str | int | date | None


@attrs.frozen
class Table:
    r"""A header and rows, ready for a spreadsheet; ``title`` names the sheet.

    Examples:
        >>> import pathlib, tempfile
        >>> table = Table("Example", ("change", "months"), (("milestone-shifted", 2),))
        >>> with tempfile.TemporaryDirectory() as directory:
        ...     path = pathlib.Path(directory) / "example.csv"
        ...     table.write(path), path.read_bytes()
        ('csv', b'\xef\xbb\xbfchange,months\r\nmilestone-shifted,2\r\n')
    """

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def csv(self) -> str:
        """The table as CSV text (the byte-order mark is added when written)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.header)
        writer.writerows([_csv_cell(cell) for cell in row] for row in self.rows)
        return buffer.getvalue()

    def xlsx(self) -> bytes:
        """The table as an Excel workbook of one sheet."""
        try:
            from openpyxl import Workbook  # noqa: PLC0415 - heavy, and optional
            from openpyxl.utils import get_column_letter  # noqa: PLC0415
        except ImportError:
            what = "writing .xlsx"
            raise ExtraMissingError(what, "openpyxl", "xlsx") from None
        book = Workbook()
        sheet = book.active
        assert sheet is not None  # noqa: S101 - a new workbook has its sheet
        sheet.title = self.title[:31]  # Excel's limit for a sheet name
        widths = [len(name) for name in self.header]
        for r, row in enumerate([self.header, *self.rows], start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
                shown = "yyyy-mm-dd" if isinstance(value, date) else str(value or "")
                widths[c - 1] = max(widths[c - 1], len(shown))
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(width, _WIDEST) + 2
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        return workbook_bytes(book)

    def write(self, path: str | os.PathLike[str]) -> str:
        """Write ``.csv`` or ``.xlsx`` atomically, as the suffix says; return the format."""
        path = Path(path)
        kind = path.suffix.lower().lstrip(".")
        if kind not in FORMATS:
            msg = f"cannot write a table as {path.suffix!r}: use .csv or .xlsx"
            raise WriteError(str(path), msg)
        content = self.csv().encode("utf-8-sig") if kind == "csv" else self.xlsx()
        write_atomic(path, content)
        return kind


def _csv_cell(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def history_table(stories: Sequence[History], editions: Sequence[Edition] = ()) -> Table:
    """A row per milestone, a column per edition, the period it gave in each cell.

    Give it a timeline's histories (``Timeline(...).histories``), or some of them, and the
    timeline's editions to say why a milestone is no longer listed. After the edition
    columns come the latest listing's period as notation and as real dates (its first
    and last day, so that a spreadsheet sorts them), the source's own wording, the
    status, first and last seen, the drop reason (empty while it is listed), the shifts
    and the slip in months.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> table = history_table(Timeline(Archive.bundled().editions).histories)
        >>> table.header[:6], len(table.rows)
        (('milestone', 'initiative', 'title', 'kind', '2021-01', '2021-11'), 70)
    """
    order = [edition for edition, _ in stories[0].editions] if stories else []
    known = {edition.id: edition for edition in editions}
    rows = []
    for story in stories:
        latest = story.latest
        cells = {s.edition: str(s.milestone.when) for s in story.present}
        kind = latest.milestone.kind
        when = latest.milestone.when
        rows.append(
            (
                story.key,
                latest.initiative.name,
                named(latest.milestone),
                kind.value if kind else None,
                *(cells.get(edition) for edition in order),
                *_ends(when),
                when.text,
                latest.milestone.status.value,
                story.first_seen,
                story.last_seen,
                _gone(story, order, known),
                story.shifts,
                story.slip_months,
            )
        )
    header = (
        "milestone",
        "initiative",
        "title",
        "kind",
        *order,
        "period",
        "start",
        "end",
        "wording",
        "status",
        "first seen",
        "last seen",
        "no longer listed",
        "shifts",
        "slip months",
    )
    return Table("History", header, tuple(rows))


def _gone(story: History, order: list[str], known: dict[str, Edition]) -> str | None:
    """Why the milestone is missing from the newest edition: the drop reason; None if listed."""
    if story.last_seen == order[-1]:
        return None
    after = known.get(order[order.index(story.last_seen) + 1])
    if after is None:
        return "no longer listed"
    return DropReason.of(story.latest.milestone.when, after.window, after.as_of).value


_PERIODS: ByType[Callable[[Any], tuple[When | None, When | None]]] = ByType("table periods")
"""Each change type's old and new period, for a diff table's period columns."""
_REASON: ByType[Callable[[Any], str | None]] = ByType("table reason")
"""Each change type's reason (why added or dropped, how it moved), for the reason column."""


@_PERIODS.register(MilestoneAdded)
def _added_period(change: MilestoneAdded) -> tuple[When | None, When | None]:
    return None, change.milestone.when


@_PERIODS.register(MilestoneDropped)
def _dropped_period(change: MilestoneDropped) -> tuple[When | None, When | None]:
    return change.milestone.when, None


@_PERIODS.register(WindowChanged)
def _window_periods(change: WindowChanged) -> tuple[When | None, When | None]:
    return change.old, change.new


@_PERIODS.register(*_PAIRED)
def _paired_periods(
    change: MilestoneShifted
    | MilestoneRetitled
    | MilestoneRekinded
    | MilestoneMoved
    | MilestoneEdited,
) -> tuple[When | None, When | None]:
    return change.old.milestone.when, change.new.milestone.when


@_PERIODS.register(
    InitiativeAdded,
    InitiativeDropped,
    InitiativeRenamed,
    InitiativeRecategorized,
    InitiativeEdited,
    FootnoteAdded,
    FootnoteDropped,
    FootnoteChanged,
)
def _no_periods(_change: Change) -> tuple[When | None, When | None]:
    return None, None


@_REASON.register(MilestoneAdded, MilestoneDropped)
def _drop_or_add_reason(change: MilestoneAdded | MilestoneDropped) -> str | None:
    return str(change.reason.value)


@_REASON.register(MilestoneShifted)
def _direction(change: MilestoneShifted) -> str | None:
    return str(change.direction.value)


@_REASON.register(
    MilestoneRetitled,
    MilestoneRekinded,
    MilestoneMoved,
    MilestoneEdited,
    WindowChanged,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeRenamed,
    InitiativeRecategorized,
    InitiativeEdited,
    FootnoteAdded,
    FootnoteDropped,
    FootnoteChanged,
)
def _no_reason(_change: Change) -> str | None:
    return None


def diff_table(changes: EditionDiff) -> Table:
    """A row per change: what, where, both periods (notation and ISO dates), and why.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> archive = Archive.bundled()
        >>> table = diff_table(diff(archive["2021-01"], archive["2021-11"]))
        >>> table.rows[-1][:3], len(table.rows)
        (('milestone-dropped', 'County Inmate Pre-Release Application Process', 'pre-release-stakeholder-process'), 108)
    """  # noqa: E501 - a doctest's output is one line
    rows = []
    for initiative, members in changes.groups():
        for change in members:
            old, new = _PERIODS.of(change)(change)
            months = change.months if isinstance(change, MilestoneShifted) else None
            review = changes.needs_review(change)
            rows.append(
                (
                    change.change,
                    initiative.name if initiative else None,
                    change.milestone_id,
                    str(describe(change)),
                    *_ends(old),
                    *_ends(new),
                    months,
                    _REASON.of(change)(change),
                    "yes" if change.editorial else "no",
                    "yes" if review else "no",
                )
            )
    header = (
        "change",
        "initiative",
        "milestone",
        "what",
        "old period",
        "old start",
        "old end",
        "new period",
        "new start",
        "new end",
        "months",
        "reason",
        "editorial",
        "review",
    )
    return Table(headline(changes).split(":")[0].replace("→", "to")[:31], header, tuple(rows))


def _ends(period: When | None) -> Sequence[Cell]:
    if period is None:
        return (None, None, None)
    if isinstance(period, UnknownDate):
        return (str(period), None, None)
    return (str(period), period.start, period.end)


@attrs.frozen
class DiffTable:
    """The diff as a table (a renderer, as the other formats have one): :func:`diff_table`.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> len(DiffTable()(diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])).rows)
        108
    """

    def __call__(self, changes: EditionDiff) -> Table:
        """A row per change."""
        return diff_table(changes)


@attrs.frozen
class HistoryTable:
    """Histories as a table (a renderer): :func:`history_table` with ``editions``.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> timeline = Timeline(Archive.bundled().editions)
        >>> HistoryTable(timeline.editions)(timeline.histories).header[-3:]
        ('no longer listed', 'shifts', 'slip months')
    """

    editions: Sequence[Edition] = ()

    def __call__(self, stories: Sequence[History]) -> Table:
        """A row per milestone."""
        return history_table(stories, self.editions)
