"""A list table's columns named as analysts name them, in every format."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from calaim_timeline import ParseError, Period
from calaim_timeline.cli import main
from calaim_timeline.importers import import_table_file


def _csv(rows: list[list[str]], path: Path) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _xlsx(rows: list[list[str]], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Schedule"  # the initiative of a sheet without an initiative column
    for row in rows:
        sheet.append(row)
    book.save(path)


def _html(rows: list[list[str]], path: Path) -> None:
    lines = ["<html><body><table>"]
    lines += ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    path.write_text("\n".join([*lines, "</table></body></html>"]), encoding="utf-8")


def _md(rows: list[list[str]], path: Path) -> None:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


WRITERS: dict[str, Callable[[list[list[str]], Path], None]] = {
    "csv": _csv,
    "xlsx": _xlsx,
    "html": _html,
    "md": _md,
}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize(
    ("header", "rows", "read"),
    [
        # Words around the known ones: the area is the initiative, the start date the date.
        (
            ["Medi-Cal Program Area:", "Milestone", "Planned Start Date (tentative)"],
            [["Dental", "APL released", "January 2022"], ["", "Bulletin", "Q2 2022"]],
            [("Dental", "APL released", "2022-01"), ("Dental", "Bulletin", "2022-Q2")],
        ),
        # What | Who | When: the owner column is left aside.
        (
            ["What", "Who", "When"],
            [["Code freeze", "Release team", "March 2022"]],
            [("Schedule", "Code freeze", "2022-03")],
        ),
        # A deliverable and its target; an initiative named by itself, launched.
        (
            ["Deliverables", "Target"],
            [["Readiness report", "2022-02-15"]],
            [("Schedule", "Readiness report", "2022-02-15")],
        ),
        (
            ["Initiative", "Launch"],
            [["ECM", "January 2022"]],
            [("Schedule", "ECM", "2022-01")],
        ),
    ],
)
def test_columns_are_found_by_the_words_in_their_headers(
    tmp_path: Path,
    suffix: str,
    header: list[str],
    rows: list[list[str]],
    read: list[tuple[str, str, str]],
) -> None:
    """Header cells name their columns by a known word, alone or among others."""
    path = tmp_path / f"schedule.{suffix}"
    WRITERS[suffix]([header, *rows], path)
    edition = import_table_file(
        path, edition_id="2022-01", as_of=Period.parse("2022-01"), title="Schedule"
    )
    got = [(i.name, m.title, str(m.when)) for i in edition.initiatives for m in i.milestones]
    assert got == read


def test_a_sentence_in_a_header_row_names_no_column(tmp_path: Path) -> None:
    """A long cell that happens to hold a header word is text, not a column's name."""
    path = tmp_path / "notes.csv"
    _csv(
        [
            ["This program will be updated when the date of the next release is known", "x"],
            ["Policy", "Go-Live Date"],
            ["ECM", "January 2022"],
        ],
        path,
    )
    edition = import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert [m.title for _, m in edition.milestones] == ["ECM"]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_title_row_above_the_header_says_the_title_and_the_as_of(
    tmp_path: Path, suffix: str
) -> None:
    """A row of one cell above the header row: the edition's title and its as-of month."""
    path = tmp_path / f"go-live.{suffix}"
    title = "CalAIM Go-Live Dates as of March 2022"
    WRITERS[suffix](
        [[title, "", ""], ["Policy", "Owner", "Go-Live Date"], ["ECM", "DHCS", "January 2022"]],
        path,
    )
    edition = import_table_file(path, edition_id="2022-03")
    assert (edition.title, str(edition.as_of), [m.title for _, m in edition.milestones]) == (
        title,
        "2022-03",
        ["ECM"],
    )


def test_columns_given_outright_name_headers_of_any_words(tmp_path: Path) -> None:
    """--columns names the title and date columns (and others) by their headers."""
    path = tmp_path / "plan.csv"
    _csv([["Thing", "Happens", "Stream"], ["Code freeze", "March 2022", "Release"]], path)
    edition = import_table_file(
        path,
        edition_id="x",
        as_of=Period.parse("2022-03"),
        title="Plan",
        columns={"title": "Thing", "date": "happens", "initiative": "Stream"},
    )
    assert [(i.name, m.title, str(m.when)) for i, m in edition.milestones] == [
        ("Release", "Code freeze", "2022-03")
    ]
    code = main(
        ["import-table", str(path), "--id", "x", "--as-of", "2022-03", "--title", "Plan",
         "--columns", "title=Thing,date=Happens"],
        out=io.StringIO(),
    )  # fmt: skip
    assert code == 0


def test_columns_given_outright_must_be_found_and_must_make_sense(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Headers the table lacks, roles it has none of, or no date: one clear error each."""
    path = tmp_path / "plan.csv"
    _csv([["Thing", "Happens"], ["Code freeze", "March 2022"]], path)
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", columns={"title": "Thing", "date": "When"})
    assert raised.value.lines() == (
        f"{path}: no header row has all the columns given ('Thing', 'When')",
    )
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", columns={"title": "Thing", "owner": "Who"})
    assert raised.value.lines() == (
        (
            f"{path}: the columns given must name a title and a date column, and may name"
            " initiative, kind, status (got owner, title)"
        ),
    )
    with pytest.raises(SystemExit):
        main(["import-table", str(path), "--id", "x", "--columns", "title=Thing"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "calaim-timeline import-table: error: argument --columns: must be ROLE=HEADER pairs"
        " separated by commas, with title and date (roles: title, date, initiative, kind,"
        " status), such as title=What,date=When (got 'title=Thing')"
        " (see calaim-timeline import-table --help)"
    )


@pytest.mark.parametrize("suffix", [".md", ".html", ".txt"])
def test_a_bullet_glyph_in_a_list_title_is_text(tmp_path: Path, suffix: str) -> None:
    """A list table's cell is text: "Phase 2 ○" keeps its circle (found by a property)."""
    rows = [("Milestone", "Date"), ("Phase 2 ○", "January 1990"), ("• Launch", "March 1990")]
    if suffix == ".html":
        cells = "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
        )
        text = f"<h1>T as of January 1990</h1><table>{cells}</table>"
    else:
        lines = [f"| {a} | {b} |" for a, b in rows]
        text = "\n".join(["# T as of January 1990", "", lines[0], "|---|---|", *lines[1:]])
    path = tmp_path / f"list{suffix}"
    path.write_text(text + "\n", encoding="utf-8")
    edition = import_table_file(path, edition_id="x", title="T")
    assert [m.title for _, m in edition.milestones] == ["Phase 2 ○", "• Launch"]
