"""The commands that write what planners share: chart, feed, spreadsheets, calendars."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from calaim_timeline import Archive, save
from tests.builders import february_2022
from tests.cli.test_cli import run, wrote


@pytest.fixture
def three(tmp_path: Path) -> str:
    """A folder with the bundled editions and a derived February 2022 one."""
    folder = tmp_path / "snapshots"
    folder.mkdir()
    for edition in (*Archive.bundled().editions, february_2022()):
        save(edition, folder / f"{edition.id}.toml")
    return str(folder)


def test_chart_draws_a_milestone_an_initiative_or_everything(three: str, tmp_path: Path) -> None:
    """Each form prints what it wrote; the SVG has the lines asked for."""
    mot = tmp_path / "mot.svg"
    assert wrote("chart", "mot-carve-in-live", "-o", str(mot), "--snapshots", three) == (
        0,
        f"wrote {mot}: the trend of 1 milestone over 2 editions\n",
    )
    assert 'id="line-mot-carve-in-live"' in mot.read_text()
    dental = tmp_path / "dental.png"
    assert wrote("chart", "--initiative", "dental", "-o", str(dental), "--snapshots", three) == (
        0,
        f"wrote {dental}: the trend of 5 milestones over 2 editions\n",
    )
    assert dental.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    both = tmp_path / "both.svg"
    code, out = wrote(
        "chart",
        "mot-carve-in-live",
        "--initiative",
        "dental",
        "-o",
        str(both),
        "--snapshots",
        three,
    )
    assert (code, out) == (0, f"wrote {both}: the trend of 6 milestones over 2 editions\n")
    everything = tmp_path / "all.svg"
    assert wrote("chart", "-o", str(everything)) == (
        0,
        f"wrote {everything}: the trend of 70 milestones over 2 editions\n",
    )


def test_chart_errors_name_the_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An unknown initiative lists the known ids; an unknown suffix says which to use."""
    assert run("chart", "--initiative", "nope", "-o", str(tmp_path / "x.svg")) == (2, "")
    assert "no initiative has the id or name 'nope' (ids: benefits-standardization," in (
        capsys.readouterr().err
    )
    assert run("chart", "mot-carve-in-live", "-o", str(tmp_path / "x.gif")) == (2, "")
    assert capsys.readouterr().err == (
        "calaim-timeline: error: cannot draw a chart as '.gif': use .svg or .png\n"
    )


def test_feed_writes_an_entry_per_edition(three: str, tmp_path: Path) -> None:
    """The feed command writes Atom with one entry per edition."""
    target = tmp_path / "calaim.atom"
    assert wrote("feed", "-o", str(target), "--snapshots", three) == (
        0,
        f"wrote {target}: 3 entries, one per edition\n",
    )
    root = ET.fromstring(target.read_bytes())  # noqa: S314 - our own feed, not untrusted input
    ids = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}id")]
    assert ids == [
        "urn:calaim-timeline:changelog",
        "urn:calaim-timeline:changelog:2022-02",
        "urn:calaim-timeline:changelog:2021-11",
        "urn:calaim-timeline:changelog:2021-01",
    ]
    run("feed", "-o", str(target), "--id", "https://example.org/calaim.atom", "--substantive")
    assert b"<id>https://example.org/calaim.atom:2021-11</id>" in target.read_bytes()


def test_history_and_diff_as_spreadsheets(three: str, tmp_path: Path) -> None:
    """CSV to a file (with BOM) or to stdout (without); xlsx only to a file."""
    table = tmp_path / "history.csv"
    assert wrote("history", "--format", "csv", "-o", str(table), "--snapshots", three) == (
        0,
        f"wrote {table}: 3 editions, 71 rows\n",
    )
    assert table.read_bytes().startswith(b"\xef\xbb\xbfmilestone,initiative,title,kind,2021-01,")
    code, out = run("history", "mot-carve-in-live", "--format", "csv", "--snapshots", three)
    assert (code, list(csv.reader(io.StringIO(out)))[1][4:7]) == (0, ["", "2022-01", "2022-03"])
    book = tmp_path / "diff.xlsx"
    assert wrote(
        "diff", "2021-11", "2022-02", "--format", "xlsx", "-o", str(book), "--snapshots", three
    ) == (
        0,
        f"wrote {book}: 54 changes, 54 rows\n",
    )
    sheet = load_workbook(book).active
    assert sheet is not None
    assert (sheet.title, sheet.max_row, sheet.freeze_panes) == ("2021-11 to 2022-02", 55, "A2")


def test_spreadsheet_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A workbook needs a file, and the file's suffix must match the format."""
    assert run("diff", "2021-01", "2021-11", "--format", "xlsx") == (2, "")
    assert capsys.readouterr().err == (
        "calaim-timeline: error: standard output: cannot write the file: a workbook is a file:"
        " name it with -o FILE.xlsx (nothing was changed)\n"
    )
    target = tmp_path / "h.csv"
    assert run("history", "--format", "xlsx", "-o", str(target)) == (2, "")
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {target}: cannot write the file: --format xlsx does not match"
        " the file name's .csv (nothing was changed)\n"
    )
    assert not target.exists()
    other = tmp_path / "h.data"
    assert run("history", "--format", "csv", "-o", str(other)) == (2, "")
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {other}: cannot write the file: --format csv needs a .csv"
        " file name (nothing was changed)\n"
    )


def test_a_file_is_what_its_name_says(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o's suffix picks the format; a --format that says otherwise is refused."""
    book, data, page = tmp_path / "d.xlsx", tmp_path / "d.json", tmp_path / "d.md"
    assert wrote("diff", "2021-01", "2021-11", "-o", str(book)) == (
        0,
        f"wrote {book}: 108 changes, 108 rows\n",
    )
    assert book.read_bytes()[:2] == b"PK"  # a workbook (a zip), not text
    assert wrote("diff", "2021-01", "2021-11", "-o", str(data)) == (0, f"wrote {data}\n")
    assert json.loads(data.read_text(encoding="utf-8"))["old"] == "2021-01"
    assert wrote("diff", "2021-01", "2021-11", "-o", str(page)) == (0, f"wrote {page}\n")
    assert page.read_text(encoding="utf-8").startswith("# 2021-01 → 2021-11\n")
    refused = tmp_path / "r.xlsx"
    assert run("diff", "2021-01", "2021-11", "--format", "text", "-o", str(refused)) == (2, "")
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {refused}: cannot write the file: --format text does not match"
        " the file name's .xlsx (nothing was changed)\n"
    )
    assert not refused.exists()
    history = tmp_path / "h.xlsx"
    assert run("history", "-o", str(history))[0] == 0
    assert history.read_bytes()[:2] == b"PK"
    slips = tmp_path / "slips.txt"
    assert wrote("history", "-o", str(slips)) == (0, f"wrote {slips}\n")
    assert slips.read_text(encoding="utf-8") != ""
    assert run("history", "-o", str(tmp_path / "h.md")) == (2, "")
    assert "this command cannot write markdown (.md): name a text, json, csv, xlsx file" in (
        capsys.readouterr().err
    )


def test_text_reports_can_be_written_to_a_file(tmp_path: Path) -> None:
    """-o writes a diff or a history atomically and says so."""
    target = tmp_path / "diff.md"
    assert wrote("diff", "2021-01", "2021-11", "--format", "markdown", "-o", str(target)) == (
        0,
        f"wrote {target}\n",
    )
    assert target.read_text().startswith("# 2021-01 → 2021-11\n\n**In short:**\n")


def test_ics_takes_a_calendar_name(tmp_path: Path) -> None:
    """--name names the subscribed calendar."""
    target = tmp_path / "c.ics"
    run("ics", "2021-11", "-o", str(target), "--name", "CalAIM milestones")
    calendar = Calendar.from_ical(target.read_text())
    assert str(calendar["X-WR-CALNAME"]) == "CalAIM milestones"
