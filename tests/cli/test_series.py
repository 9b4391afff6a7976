"""Several schedules in one folder: series, the refusal to mix them, day-precise editions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from calaim_timeline import CALAIM_SERIES, Series, load, loads
from calaim_timeline.archive import BUNDLED_SNAPSHOTS, Archive
from calaim_timeline.codec import dumps
from tests.cli.test_cli import run

GO_LIVE = """\
Policy,Go-Live Date
ECM,January 2022
Dental,mid to late February
"""
GO_LIVE_NEXT = """\
Policy,Go-Live Date
ECM,January 2022 - LIVE!
Dental,TBD
PATH,2022-04-07
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled calendar and two versions of a go-live list, as of days, in one folder."""
    snapshots = tmp_path / "snapshots"
    shutil.copytree(BUNDLED_SNAPSHOTS, snapshots)
    (tmp_path / "a.csv").write_text(GO_LIVE, encoding="utf-8")
    (tmp_path / "b.csv").write_text(GO_LIVE_NEXT, encoding="utf-8")
    first = ("--as-of", "2022-01-10", "--title", "Go-live dates", "--series", "go-live")
    assert run("import-table", str(tmp_path / "a.csv"), "--id", "g1", *first,
               "-o", str(snapshots / "g1.toml"))[0] == 0  # fmt: skip
    assert run("import-table", str(tmp_path / "b.csv"), "--id", "g2", "--as-of", "2022-01-24",
               "--title", "Go-live dates", "--previous", str(snapshots / "g1.toml"),
               "--snapshots", str(snapshots), "-o", str(snapshots / "g2.toml"))[0] == 0  # fmt: skip
    return snapshots


def test_an_edition_keeps_its_series_and_the_calendar_s_is_the_default(folder: Path) -> None:
    """The list's series is stored in its snapshot; the calendar's files say none."""
    g2 = load(folder / "g2.toml")
    assert g2.series == Series(
        id="go-live", title="Go-live dates", publisher="not stated in the source"
    )
    assert (str(g2.as_of), load(folder / "2021-11.toml").series) == ("2022-01-24", CALAIM_SERIES)
    assert '[series]\nid = "go-live"\n' in (folder / "g2.toml").read_text(encoding="utf-8")
    assert "[series]" not in dumps(load(folder / "2021-11.toml"))


def test_a_folder_of_two_series_needs_series(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command that reads a chain refuses to guess, naming the series there are."""
    for command in (["changelog"], ["history"], ["feed", "-o", str(folder / "f.xml")],
                    ["upcoming", "--as-of", "2022-01-01"]):  # fmt: skip
        assert run(*command, "--snapshots", str(folder))[0] == 2
        assert capsys.readouterr().err == (
            f"calaim-timeline: error: {folder} holds several series (calaim-milestones,"
            " go-live): say which with --series\n"
        )
    code, _ = run("changelog", "--snapshots", str(folder), "--series", "nope")
    assert code == 2
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: no series 'nope' in {folder} (series: calaim-milestones,"
        " go-live)\n"
    )


def test_a_chain_is_one_series_titled_by_it(folder: Path) -> None:
    """The change log of one series never compares it with another, and bears its title."""
    code, out = run("changelog", "--snapshots", str(folder), "--series", "go-live")
    assert code == 0
    assert out.startswith("# Go-live dates: change log\n")
    assert "## [g2] as of 2022-01-24 (since g1)" in out
    assert "Date now unknown" in out
    assert "CalAIM" not in out
    code, out = run("changelog", "--snapshots", str(folder), "--series", "calaim-milestones")
    assert out.startswith("# CalAIM Milestones Calendar: change log\n")
    assert "g1" not in out


def test_two_editions_in_one_month_are_ordered_by_day(folder: Path) -> None:
    """g1 (January 10) before g2 (January 24); the ICS calendar is named by the series."""
    assert [e.id for e in Archive(folder).chain("go-live")] == ["g1", "g2"]
    assert Archive(folder).previous("g2").id == "g1"  # type: ignore[union-attr]
    out = folder / "g.ics"
    assert run("ics", "g2", "--snapshots", str(folder), "-o", str(out))[0] == 0
    assert "NAME:Go-live dates" in out.read_text(encoding="utf-8")


def test_upcoming_works_to_the_day(folder: Path) -> None:
    """As of 2022-01-20 the newest known edition is g1 (the 24th's is not out yet)."""
    code, out = run("upcoming", "--snapshots", str(folder), "--series", "go-live",
                    "--as-of", "2022-01-20", "--format", "json")  # fmt: skip
    assert code == 0
    assert json.loads(out)["edition"] == "g1"


def test_a_diff_across_series_says_so(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It is computed, with a note on stderr."""
    code, _ = run("diff", "2021-11", "g1", "--snapshots", str(folder))
    assert code == 0
    assert capsys.readouterr().err == (
        "calaim-timeline: note: 2021-11 is an edition of 'calaim-milestones' and g1 of"
        " 'go-live': this diff compares two schedules\n"
    )


def test_editions_lists_each_series(folder: Path) -> None:
    """Text and JSON: each series with its editions, as-of, title and milestones."""
    code, out = run("editions", "--snapshots", str(folder))
    assert code == 0
    assert out == (
        "calaim-milestones: CalAIM Milestones Calendar (California Department of Health Care"
        " Services (DHCS)), 2 editions\n"
        "  2021-01  as of 2021-01       14 milestones  DHCS releases 2021 timeline for CalAIM"
        " initiative\n"
        "  2021-11  as of 2021-11       56 milestones  California Advancing and Innovating"
        " Medi-Cal (CalAIM) Milestones Calendar as of November 2021\n"
        "go-live: Go-live dates (not stated in the source), 2 editions\n"
        "  g1  as of 2022-01-10     2 milestones  Go-live dates\n"
        "  g2  as of 2022-01-24     3 milestones  Go-live dates\n"
    )
    plain = json.loads(run("editions", "--snapshots", str(folder), "--format", "json")[1])
    assert plain["series"][1] == {
        "id": "go-live",
        "title": "Go-live dates",
        "publisher": "not stated in the source",
        "editions": [
            {"id": "g1", "as_of": "2022-01-10", "title": "Go-live dates", "milestones": 2},
            {"id": "g2", "as_of": "2022-01-24", "title": "Go-live dates", "milestones": 3},
        ],
    }
    empty = folder.parent / "empty"
    empty.mkdir()
    assert run("editions", "--snapshots", str(empty)) == (0, f"no editions in {empty}\n")


def test_a_list_without_a_series_gets_its_own(tmp_path: Path) -> None:
    """Not the calendar's: a series named by the list's title."""
    (tmp_path / "a.csv").write_text(GO_LIVE, encoding="utf-8")
    code, out = run("import-table", str(tmp_path / "a.csv"), "--id", "g1", "--as-of", "2022-01",
                    "--title", "Behavioral Health Go-Live as of January 2022")  # fmt: skip
    assert code == 0
    assert (
        '[series]\nid = "behavioral-health-go-live"\ntitle = "Behavioral Health Go-Live"\n' in out
    )
    assert loads(out).series == Series(
        id="behavioral-health-go-live",
        title="Behavioral Health Go-Live",
        publisher="not stated in the source",
    )
