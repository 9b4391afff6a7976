"""Schedules as people write them: every date form, bullet lists, and every bad cell at once."""

from __future__ import annotations

import csv
import html
import io
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from calaim_timeline import CalaimTimelineError, Period, Status, format_errors
from calaim_timeline.importers import import_table_file
from calaim_timeline.strategies import WordedDate, worded_dates

HEADER = ("Milestone", "Target Date")
TITLES = (
    st.text(
        "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=3, max_size=20
    )
    .map(lambda text: " ".join(text.split()))
    .filter(lambda text: len(text) >= 3 and not text[0].isdigit())
    .map(lambda text: f"Step {text}")  # never a date, nor a status word, of its own
)
ROWS = st.lists(st.tuples(TITLES, worded_dates()), min_size=1, max_size=8, unique_by=lambda r: r[0])
BAD = ("Soonish", "Q5 2023", "February 30, 2022", "2022-13", "Fall-ish 2022", "next year or so")


def _table(rows: list[tuple[str, str]], kind: str, path: Path) -> None:
    """A list table in ``kind`` (md, html, csv, xlsx) at ``path``, title row and all."""
    cells = [HEADER, *rows]
    if kind == "md":
        body = [f"| {a} | {b} |" for a, b in cells]
        body.insert(1, "|---|---|")
        path.write_text("# Schedule\n\n" + "\n".join(body) + "\n", encoding="utf-8")
    elif kind == "html":
        trs = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in cells
        )
        path.write_text(f"<h1>Schedule</h1><table>{trs}</table>", encoding="utf-8")
    elif kind == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows([("Schedule", ""), *cells])
        path.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["Schedule"])
        for row in cells:
            sheet.append(list(row))
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"
        book.save(path)


def _imported(rows: list[tuple[str, str]], kind: str) -> list[tuple[str, object, Status]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"schedule.{kind}"
        _table(rows, kind, path)
        edition = import_table_file(path, edition_id="x", as_of=Period.parse("2000-01"))
    return [(m.title, m.when, m.status) for _, m in edition.milestones]


def _expected(rows: list[tuple[str, WordedDate]]) -> list[tuple[str, object, Status]]:
    return [(title, worded.when, worded.status or Status.PLANNED) for title, worded in rows]


@given(ROWS, st.sampled_from(["md", "html", "csv"]))
def test_every_date_form_in_a_list_table_reads_back(
    rows: list[tuple[str, WordedDate]], kind: str
) -> None:
    """Each row's date, in any of the forms people write, reads as the date it means."""
    written = [(title, worded.words) for title, worded in rows]
    assert _imported(written, kind) == _expected(rows)


@settings(max_examples=20)
@given(ROWS)
def test_every_date_form_in_a_workbook_reads_back(rows: list[tuple[str, WordedDate]]) -> None:
    """The same in an Excel workbook, the date cells written as text."""
    written = [(title, worded.words) for title, worded in rows]
    assert _imported(written, "xlsx") == _expected(rows)


@given(
    st.lists(st.integers(1, 170), min_size=1, max_size=12),
    st.dates(date(2001, 1, 1), date(2090, 12, 31)).map(lambda day: day.replace(day=1)),
)
def test_days_without_a_year_in_order_take_the_year_they_run_into(
    gaps: list[int], start: date
) -> None:
    """Days written "Tue, April 14" in order take their own year, past December too.

    Each is under half a year after the one before (the first, after the as-of month's start).
    """
    days = []
    day = start
    for gap in gaps:
        day += timedelta(days=gap)
        days.append(day)
    rows = [
        (f"Step {k}", f"{d.strftime('%a')}, {d.strftime('%B')} {d.day}") for k, d in enumerate(days)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "schedule.md"
        _table(rows, "md", path)
        as_of = Period.month(start.year, start.month)
        edition = import_table_file(path, edition_id="x", as_of=as_of)
    assert [m.when for _, m in edition.milestones] == [
        Period.day(d, text=words) for d, (_, words) in zip(days, rows, strict=True)
    ]


HEADINGS = {"Actual:": Status.DONE, "Expected:": Status.PLANNED, "Completed": Status.DONE}
HEADINGS |= {"Upcoming": Status.PLANNED, "Done": Status.DONE, "Planned": Status.PLANNED}


def _bullets(groups: list[tuple[str, list[tuple[str, str]]]], kind: str) -> str:
    """A bullet-list schedule: a title, then each status heading and its bullets."""
    title = {"md": "# Release schedule", "rst": "Release schedule\n================"}
    lines = [title.get(kind, "Release schedule"), ""]
    for heading, bullets in groups:
        lines += [heading, ""]
        lines += [f"- {label}: {words}" for label, words in bullets]
        lines.append("")
    return "\n".join(lines)


@given(
    st.lists(st.tuples(st.sampled_from(sorted(HEADINGS)), ROWS), min_size=1, max_size=3).filter(
        lambda groups: (
            len({t for _, rows in groups for t, _ in rows}) == sum(len(r) for _, r in groups)
        )
    ),
    st.sampled_from(["md", "rst", "txt"]),
)
def test_a_bullet_list_schedule_reads_back(
    groups: list[tuple[str, list[tuple[str, WordedDate]]]], kind: str
) -> None:
    """'LABEL: DATE' bullets under status headings, in markdown, reST or text, read exactly."""
    text = _bullets([(h, [(t, w.words) for t, w in rows]) for h, rows in groups], kind)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"schedule.{kind}"
        path.write_text(text, encoding="utf-8")
        edition = import_table_file(
            path, edition_id="x", as_of=Period.parse("2000-01"), title="Release schedule"
        )
    assert [(m.title, m.when, m.status) for _, m in edition.milestones] == [
        (title, worded.when, worded.status or HEADINGS[heading])
        for heading, rows in groups
        for title, worded in rows
    ]


@given(
    ROWS,
    st.lists(st.tuples(st.integers(0, 8), st.sampled_from(BAD)), min_size=1, max_size=4),
    st.sampled_from(["csv", "md"]),
)
def test_every_bad_cell_is_reported_in_one_run(
    rows: list[tuple[str, WordedDate]], bad: list[tuple[int, str]], kind: str
) -> None:
    """Dates that cannot be read, anywhere in the table: one error naming each, in order."""
    written = [(title, worded.words) for title, worded in rows]
    wrong = sorted({min(k, len(written)) for k, _ in bad})
    for k in reversed(wrong):
        written.insert(k, (f"Bad {k}", dict(bad)[k] if k in dict(bad) else bad[0][1]))
    bad_rows = [k for k, (title, _) in enumerate(written) if title.startswith("Bad ")]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"schedule.{kind}"
        _table(written, kind, path)
        with pytest.raises(CalaimTimelineError) as raised:
            import_table_file(path, edition_id="x", as_of=Period.parse("2000-01"))
        lines = format_errors(raised.value)
    # CSV rows count from the title row; markdown lines from the heading (2 more lines).
    first = {"csv": 3, "md": 5}[kind]
    where = [f":{k + first}:" if kind == "md" else f": row {k + first}," for k in bad_rows]
    assert len(lines) == len(bad_rows)
    assert all(
        place in line and "Target Date" in line for place, line in zip(where, lines, strict=True)
    )
