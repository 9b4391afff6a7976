"""Schedules as analysts write them, in every format: each date form, column and heading rule."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import Workbook

from calaim_timeline import (
    BadCellsError,
    Edition,
    ParseError,
    Period,
    Status,
    UnknownDate,
    format_errors,
)
from calaim_timeline.changes import MilestoneShifted
from calaim_timeline.diffing import diff
from calaim_timeline.history import Timeline, upcoming
from calaim_timeline.importers import import_table_file
from calaim_timeline.importers._dates import HINT
from calaim_timeline.render.chart import TrendChart
from calaim_timeline.render.ics import EditionIcs
from calaim_timeline.render.text import DiffText, HistoryText
from tests.cli.test_cli import run, wrote

TITLE = "CalAIM go-live dates as of January 2024"
ROWS = [
    ("Enhanced Care Management", "Summer 2024"),
    ("Dental benefit", "FY 2024-25"),
    ("Community Supports", "mid-2024"),
    ("Provider directory", "end of 2023"),
    ("Justice-involved reentry", "CY2025"),
    ("Data exchange", "1/15/24"),
    ("Birthing care pathway", "Jan-25"),
    ("Doula benefit", "July 2024 (tentative)"),
    ("Street medicine", "LIVE!"),
    ("Transitional rent", "TBD"),
    ("Contingency management", "Pending"),
    ("Quality strategy", "beginning of March 2024"),
    ("Annual report", "early 2025"),
    ("MOT carve-in", "Tue, April 14"),
    ("Reentry go-live", "Fall 2024 - LIVE!"),
    ("Incentive payments", ""),
]
EXPECTED = [
    ("Enhanced Care Management", "2024-06/2024-08", "Summer 2024", Status.PLANNED),
    ("Dental benefit", "2024-07/2025-06", "FY 2024-25", Status.PLANNED),
    ("Community Supports", "2024-05/2024-08", "mid-2024", Status.PLANNED),
    ("Provider directory", "2023-12", "end of 2023", Status.PLANNED),
    ("Justice-involved reentry", "2025", "CY2025", Status.PLANNED),
    ("Data exchange", "2024-01-15", "1/15/24", Status.PLANNED),
    ("Birthing care pathway", "2025-01", "Jan-25", Status.PLANNED),
    ("Doula benefit", "2024-07", "July 2024 (tentative)", Status.PLANNED),
    ("Street medicine", "unknown", "LIVE!", Status.DONE),
    ("Transitional rent", "unknown", "TBD", Status.PLANNED),
    ("Contingency management", "unknown", "Pending", Status.PLANNED),
    ("Quality strategy", "2024-03-01/2024-03-10", "beginning of March 2024", Status.PLANNED),
    ("Annual report", "2025-01/2025-04", "early 2025", Status.PLANNED),
    ("MOT carve-in", "2024-04-14", "Tue, April 14", Status.PLANNED),
    ("Reentry go-live", "2024-09/2024-11", "Fall 2024", Status.DONE),
    ("Incentive payments", "unknown", None, Status.PLANNED),
]
HEADER = ("Deliverable", "Owner", "Target Launch (tentative)")
OWNERS = ("DHCS", "MCPs", "Counties", "DHCS", "CDCR")


def _rows(header: tuple[str, ...] = HEADER) -> list[tuple[str, ...]]:
    return [header, *((t, OWNERS[k % 5], d) for k, (t, d) in enumerate(ROWS))]


def _write(path: Path, rows: Sequence[tuple[str, ...]]) -> Path:
    """The list table in the format the suffix names, its title above it."""
    kind = path.suffix
    if kind == ".csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows([(TITLE, "", ""), *rows])
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif kind == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append([TITLE])
        for row in rows:
            sheet.append(list(row))
        book.save(path)
    elif kind == ".html":
        body = "".join(
            "<tr>" + "".join(f"<{t}>{html.escape(c)}</{t}>" for c in row) + "</tr>\n"
            for t, row in [("th", rows[0]), *(("td", r) for r in rows[1:])]
        )
        path.write_text(f"<h1>{TITLE}</h1>\n<table>\n{body}</table>\n", encoding="utf-8")
    else:
        heading = [f"# {TITLE}"] if kind == ".md" else [TITLE, "=" * len(TITLE)]
        lines = [*heading, "", "| " + " | ".join(f"**{c}**" for c in rows[0]) + " |"]
        lines.append("|---|---|---|")
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _seen(edition: Edition) -> list[tuple[str, str, str | None, Status]]:
    return [(m.title, str(m.when), m.when.text, m.status) for _, m in edition.milestones]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".html", ".md", ".rst", ".txt"])
def test_every_date_form_in_a_list_table(tmp_path: Path, suffix: str) -> None:
    """Each form reads as its exact period, wording kept; the title row gives as-of and title."""
    edition = import_table_file(_write(tmp_path / f"go-live{suffix}", _rows()), edition_id="x")
    assert (edition.title, str(edition.as_of), str(edition.window)) == (
        TITLE,
        "2024-01",
        "2023-12/2025-12",
    )
    assert _seen(edition) == EXPECTED
    assert edition.source.notes is not None
    assert edition.source.notes.endswith(
        "Columns read: title 'Deliverable', date 'Target Launch (tentative)'."
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".html", ".md", ".rst", ".txt"])
def test_a_date_column_no_header_names_is_found_by_its_cells(tmp_path: Path, suffix: str) -> None:
    """'Expected by' names no known word: the column whose cells read as dates is the date."""
    path = _write(tmp_path / f"go-live{suffix}", _rows(("Deliverable", "Owner", "Expected by")))
    edition = import_table_file(path, edition_id="x")
    assert _seen(edition) == EXPECTED
    assert edition.source.notes is not None
    assert edition.source.notes.endswith("Columns read: title 'Deliverable', date 'Expected by'.")


def test_the_import_summary_names_the_columns_it_read(tmp_path: Path) -> None:
    """The command says which header it took for each column."""
    path = _write(tmp_path / "go-live.csv", _rows())
    code, out = wrote("import-table", str(path), "--id", "x", "-o", str(tmp_path / "x.toml"))
    assert code == 0
    assert "  columns read: title 'Deliverable', date 'Target Launch (tentative)'\n" in out


BAD_ROWS = [
    ("Deliverable", "Owner", "Target Date"),
    ("ECM", "DHCS", "Soonish"),
    ("CS", "DHCS", "Summer 2024"),
    ("", "MCPs", "Q1 2024"),
    ("PATH", "DHCS", "February 30, 2024"),
    ("Dental", "DHCS", "Q1 2024"),
]


@pytest.mark.parametrize(
    ("suffix", "places"),
    [
        (".csv", ["row 3, ", "row 5, ", "row 6, "]),
        (".xlsx", ["sheet 'Sheet', row 3, ", "sheet 'Sheet', row 5, ", "sheet 'Sheet', row 6, "]),
        (".md", ["5:15: ", "7:2: ", "8:16: "]),
    ],
)
def test_every_bad_cell_is_reported_in_one_run(
    tmp_path: Path, suffix: str, places: list[str]
) -> None:
    """Three bad cells, three errors: each with its row, column and text."""
    path = _write(tmp_path / f"bad{suffix}", BAD_ROWS)
    with pytest.raises(BadCellsError) as raised:
        import_table_file(path, edition_id="x")
    where = [f"{path}:{p}" if suffix == ".md" else f"{path}: {p}" for p in places]
    assert format_errors(raised.value) == (
        f"{where[0]}column 'Target Date': cannot read 'Soonish' as a date: {HINT}",
        f"{where[1]}column 'Deliverable': no title in this row",
        f"{where[2]}column 'Target Date': 2024-02-30 is not a day of the calendar",
    )


def test_the_command_line_shows_each_bad_cell_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each error, then the line it is on with a marker under the cell."""
    path = _write(tmp_path / "bad.md", BAD_ROWS[:3])
    code, _ = run("import-table", str(path), "--id", "x")
    assert code == 2
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {path}:5:15: column 'Target Date': cannot read 'Soonish' as a"
        f" date: {HINT}\n"
        "    | ECM | DHCS | Soonish |\n"
        "                  ^^^^^^^^^\n"
    )


BULLETS = """\
{title}

Actual:

- Street medicine: LIVE!
- Provider directory: end of 2023
- Data exchange: Monday, 2024-01-15
  (no new partners after this)

Expected:

- Enhanced Care Management: Summer 2024
- Dental benefit: FY 2024-25
- **Tue, April 14**: MOT carve-in
- Transitional rent: TBD
- Phase 2: go-live: July 2024 (tentative)

Subsequent updates every quarter.
"""
BULLETS_EXPECTED = [
    ("Street medicine", "unknown", "LIVE!", Status.DONE),
    ("Provider directory", "2023-12", "end of 2023", Status.DONE),
    (
        "Data exchange",
        "2024-01-15",
        "Monday, 2024-01-15 (no new partners after this)",
        Status.DONE,
    ),
    ("Enhanced Care Management", "2024-06/2024-08", "Summer 2024", Status.PLANNED),
    ("Dental benefit", "2024-07/2025-06", "FY 2024-25", Status.PLANNED),
    ("MOT carve-in", "2024-04-14", "Tue, April 14", Status.PLANNED),
    ("Transitional rent", "unknown", "TBD", Status.PLANNED),
    ("Phase 2: go-live", "2024-07", "July 2024 (tentative)", Status.PLANNED),
]
TITLES = {
    ".md": "# Release schedule as of January 2024",
    ".rst": "Release schedule as of January 2024\n===================================",
    ".txt": "Release schedule as of January 2024",
}


@pytest.mark.parametrize("suffix", [".md", ".rst", ".txt"])
def test_a_bullet_list_schedule(tmp_path: Path, suffix: str) -> None:
    """'LABEL: DATE' bullets (and 'DATE: LABEL'), status from 'Actual:' and 'Expected:'."""
    path = tmp_path / f"schedule{suffix}"
    path.write_text(BULLETS.format(title=TITLES[suffix]), encoding="utf-8")
    edition = import_table_file(path, edition_id="x", title="Release schedule")
    assert str(edition.as_of) == "2024-01"
    assert _seen(edition) == BULLETS_EXPECTED
    assert [i.name for i in edition.initiatives] == ["Release schedule"]


@pytest.mark.parametrize(
    ("done", "planned"), [("Done", "Planned"), ("Completed", "Upcoming"), ("Released", "Future")]
)
def test_status_headings_set_the_status_of_the_items_under_them(
    tmp_path: Path, done: str, planned: str
) -> None:
    """As reST headings, under a section heading that names the initiative."""
    text = (
        "Schedule\n========\n\nPython 3.11\n-----------\n\n"
        f"{done}\n{'~' * len(done)}\n\n- alpha 1: 2021-10-05\n\n"
        f"{planned}\n{'~' * len(planned)}\n\n- final: October 3, 2022\n"
    )
    path = tmp_path / "schedule.rst"
    path.write_text(text, encoding="utf-8")
    edition = import_table_file(path, edition_id="x", as_of=Period.parse("2022-06"))
    assert [(i.name, [(m.title, m.status) for m in i.milestones]) for i in edition.initiatives] == [
        ("Python 3.11", [("alpha 1", Status.DONE), ("final", Status.PLANNED)])
    ]


MIXED = """\
# Programs as of May 2024

## Go-live table

| Program | Go-Live Date |
|---|---|
| ECM | January 2022 |

## Timeline

- Dental: Q3 2024
"""


def test_the_table_wins_unless_a_section_is_picked(tmp_path: Path) -> None:
    """A file with a table and a bullet list: the table; --section picks either."""
    path = tmp_path / "programs.md"
    path.write_text(MIXED, encoding="utf-8")
    whole = import_table_file(path, edition_id="x")
    timeline = import_table_file(path, edition_id="x", section="Timeline")
    table = import_table_file(path, edition_id="x", section="go-live table")
    assert [m.title for _, m in whole.milestones] == ["ECM"]
    assert [(m.title, str(m.when)) for _, m in timeline.milestones] == [("Dental", "2024-Q3")]
    assert [m.title for _, m in table.milestones] == ["ECM"]
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", section="Appendix")
    assert str(raised.value) == (
        f"{path}: no heading 'Appendix' to take the section under (headings: 'Programs as of"
        " May 2024', 'Go-live table', 'Timeline')"
    )


def test_a_section_is_only_for_text_files(tmp_path: Path) -> None:
    """--section on a CSV says so."""
    path = _write(tmp_path / "go-live.csv", _rows())
    code, _ = run("import-table", str(path), "--id", "x", "--section", "Timeline")
    assert code == 2


def test_another_fiscal_year_start(tmp_path: Path) -> None:
    """--fiscal-year-start 10 reads FY 2024-25 as October 2024 to September 2025."""
    path = tmp_path / "fy.csv"
    path.write_text("Deliverable,Due\nBudget,FY 2024-25\nAudit,FY2026\n", encoding="utf-8")
    out = tmp_path / "fy.toml"
    code, _ = run(
        "import-table", str(path), "--id", "fy", "--as-of", "2024-01", "--title", "Budget",
        "--fiscal-year-start", "October", "-o", str(out),
    )  # fmt: skip
    assert code == 0
    assert 'when = "2024-10/2025-09"' in out.read_text(encoding="utf-8")
    assert 'when = "2025-10/2026-09"' in out.read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        run("import-table", str(path), "--id", "fy", "--fiscal-year-start", "13")


def _two_editions(tmp_path: Path) -> tuple[Edition, Edition]:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("Deliverable,Due\nCode thaw,Tue July 21\nRelease,Aug 25\n", encoding="utf-8")
    second.write_text("Deliverable,Due\nCode thaw,TBD\nRelease,Aug 26\n", encoding="utf-8")
    old = import_table_file(first, edition_id="v1", as_of=Period.parse("2020-07"), title="K")
    new = import_table_file(
        second, edition_id="v2", as_of=Period.parse("2020-08"), title="K", previous=old
    )
    return old, new


def test_a_date_now_unknown_and_set_again(tmp_path: Path) -> None:
    """The diff says so both ways; the unknown date sorts last and is never due."""
    old, new = _two_editions(tmp_path)
    changes = diff(old, new)
    shifts = [c for c in changes if isinstance(c, MilestoneShifted)]
    assert [(c.milestone_id, c.direction.value, c.months) for c in shifts] == [
        ("code-thaw", "undated", None),
        ("release", "delayed", 0),
    ]
    text = DiffText()(changes)
    assert '  ~ Date now unknown: Code thaw: 2020-07-21 "Tue July 21" → unknown "TBD"\n' in text
    assert "  Date now unknown: 1 milestone still listed, now without a date\n" in text
    back = DiffText()(diff(new, old))
    assert '  ~ Date set again: Code thaw: unknown "TBD" → 2020-07-21 "Tue July 21"\n' in back
    assert sorted(m.when for _, m in new.milestones) == [
        Period.parse("2020-08-26", text="Aug 26"),
        UnknownDate(text="TBD"),
    ]
    assert [m.title for _, m in upcoming(new, date(2020, 8, 1), within=12)] == ["Release"]


def test_histories_show_an_unknown_date_and_calendars_leave_it_out(tmp_path: Path) -> None:
    """History: 'date now unknown'; ICS: no event for it (and none cancelled)."""
    old, new = _two_editions(tmp_path)
    timeline = Timeline([old, new])
    story = timeline.find("code-thaw")
    assert [(m.relation.value, m.months) for m in story.moves()] == [("undated", None)]
    assert "date now unknown" in HistoryText()(story)
    calendar = Calendar.from_ical(EditionIcs(timeline)(new))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Release"]


def test_bullets_whose_dates_cannot_be_read_are_reported_together(tmp_path: Path) -> None:
    """A 'LABEL: DATE' bullet with a bad date, and one with no label: both, at their lines."""
    path = tmp_path / "schedule.txt"
    path.write_text(
        "Schedule as of May 2022\n\n- alpha: 2022-05-01\n- beta: Soonish\n- : June 2022\n"
        "- a note without a colon\n",
        encoding="utf-8",
    )
    with pytest.raises(BadCellsError) as raised:
        import_table_file(path, edition_id="x")
    assert format_errors(raised.value) == (
        (
            f"{path}:4:3: a 'LABEL: DATE' line whose date cannot be read: cannot read"
            f" 'Soonish' as a date: {HINT}"
        ),
        f"{path}:5:3: a 'LABEL: DATE' line with no label",
    )


def test_a_text_with_neither_table_nor_bullets(tmp_path: Path) -> None:
    """Says what it looked for."""
    path = tmp_path / "notes.txt"
    path.write_text("Schedule as of May 2022\n\nNothing is scheduled yet.\n", encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x")
    assert str(raised.value) == (
        f"{path}: no schedule found: no calendar table (with a month header row), no list"
        " table (a header naming a title and a date column) and no bullet list of 'LABEL:"
        " DATE' lines"
    )


def test_the_trend_chart_marks_an_unknown_date(tmp_path: Path) -> None:
    """A listing without a date is a hollow diamond at the date last given, not a made-up point."""
    old, new = _two_editions(tmp_path)
    story = Timeline([old, new]).find("code-thaw")
    TrendChart()(story, tmp_path / "thaw.svg")
    svg = (tmp_path / "thaw.svg").read_text(encoding="utf-8")
    assert re.findall(r'id="((?:band|unknown)-[^"]+)"', svg) == [
        "band-code-thaw-v1",
        "unknown-code-thaw-v2",
    ]
    assert "listed, date unknown" in svg


def test_a_date_column_past_the_header_s_cells_is_named_by_its_number(tmp_path: Path) -> None:
    """Rows wider than their header: the date column found by its cells has no header."""
    path = tmp_path / "wide.csv"
    path.write_text(
        "Program,Owner\nX,DHCS,2022-02\nY,DHCS,2022-03\nZ,DHCS,Soonish\n", encoding="utf-8"
    )
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert format_errors(raised.value) == (
        f"{path}: row 4, column '3': cannot read 'Soonish' as a date: {HINT}",
    )
