from __future__ import annotations

import contextlib
import io
import json
import runpy
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from calaim_timeline import Archive, dumps, save
from calaim_timeline.cli import main
from tests.builders import edition, with_benefits


def run(*argv: str) -> tuple[int, str]:
    """Run the command in-process; return its exit code and standard output."""
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def wrote(*argv: str) -> tuple[int, str]:
    """Run a command that writes a file; return its exit code and what it said on stderr.

    A command writing a file prints nothing on standard output: what it did goes to stderr.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(argv), out=out)
    assert out.getvalue() == ""
    return code, err.getvalue()


def test_show_json_prints_the_canonical_document() -> None:
    """Show --format json prints exactly the canonical JSON of the edition."""
    code, out = run("show", "2021-11", "--format", "json")
    assert code == 0
    assert out == dumps(Archive.default()["2021-11"], format="json")


def test_show_text_is_the_default() -> None:
    """Show without --format prints the text calendar."""
    code, out = run("show", "2021-01")
    assert code == 0
    assert out.splitlines()[:3] == [
        "DHCS releases 2021 timeline for CalAIM initiative",
        "=================================================",
        "Edition 2021-01: as of 2021-01, covering 2021-01/2021-12",
    ]


def test_show_markdown_of_a_snapshot_path(tmp_path: Path) -> None:
    """EDITION may be a path to a snapshot file anywhere."""
    save(edition(), tmp_path / "2021-11.toml")
    code, out = run("show", str(tmp_path / "2021-11.toml"), "--format", "markdown")
    assert code == 0
    assert out.startswith("# Calendar as of November 2021\n")


def test_show_looks_ids_up_in_the_given_snapshots_directory(tmp_path: Path) -> None:
    """--snapshots DIR chooses the archive ids are looked up in."""
    save(edition(title="Local calendar"), tmp_path / "2021-11.toml")
    code, out = run("show", "2021-11", "--snapshots", str(tmp_path))
    assert (code, out.splitlines()[0]) == (0, "Local calendar")


def test_validate_reports_each_file(capsys: pytest.CaptureFixture[str]) -> None:
    """Validate prints one ok line per sound file and exits 0."""
    code, out = run("validate", "snapshots/2021-01.toml", "snapshots/2021-11.toml")
    assert code == 0
    assert out == (
        "ok snapshots/2021-01.toml: edition 2021-01, 5 initiatives, 14 milestones\n"
        "ok snapshots/2021-11.toml: edition 2021-11, 18 initiatives, 56 milestones\n"
    )
    assert capsys.readouterr().err == ""


def test_validate_accepts_a_directory() -> None:
    """A directory stands for every snapshot file in it."""
    code, out = run("validate", "snapshots")
    assert (code, len(out.splitlines())) == (0, 2)


def test_validate_a_malformed_file_exits_2_naming_file_and_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken file is reported on stderr with its name, line or path; exit code 2."""
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\ntitle = \n', encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(
        dumps(edition()).replace('when = "2022-01"', 'when = "2022-13"', 1), encoding="utf-8"
    )
    code, out = run("validate", str(broken), str(wrong), "snapshots/2021-11.toml")
    assert code == 2
    assert out == "ok snapshots/2021-11.toml: edition 2021-11, 18 initiatives, 56 milestones\n"
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {broken}:2:9: not valid TOML: Invalid value\n"
        "    title = \n"
        "            ^\n"
        f"calaim-timeline: error: {wrong}: initiatives[1].milestones[0].when:"
        " invalid period '2022-13': month must be 01 to 12 (got 13)\n"
    )


def test_validate_lists_every_invariant_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each broken invariant gets its own line on stderr."""
    path = tmp_path / "2021-11.toml"
    path.write_text(dumps(edition(title=" x", publisher=""), check=False), encoding="utf-8")
    assert run("validate", str(path)) == (2, "")
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {path}: title: must not start or end with spaces (got ' x')\n"
        f"calaim-timeline: error: {path}: publisher: must not be empty\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "2030-01"], "no edition '2030-01' in snapshots (editions: 2021-01, 2021-11)"),
        (["show", "missing.toml"], "missing.toml: cannot read the file: No such file or directory"),
        (
            ["show", "a" * 5000 + ".toml"],
            "a" * 79 + "…" + "a" * 75 + ".toml: cannot read the file: File name too long",
        ),
        (
            ["show", "2021-11", "--snapshots", "nowhere"],
            "nowhere: not a directory of snapshots: nowhere",
        ),
    ],
)
def test_bad_references_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unknown editions and files are one clear line on stderr, exit code 2."""
    assert run(*argv) == (2, "")
    assert capsys.readouterr().err == f"calaim-timeline: error: {message}\n"


def test_debug_shows_the_traceback() -> None:
    """--debug lets the error propagate, traceback and all."""
    with pytest.raises(Exception, match="no edition '2030-01'"):
        run("--debug", "show", "2030-01")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong option is argparse's usage error, exit code 2."""
    with pytest.raises(SystemExit) as raised:
        run("show", "2021-11", "--format", "yaml")
    assert raised.value.code == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err


def test_a_closed_pipe_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the reader goes away (| head), the command stops quietly with 0."""

    class Closed(io.StringIO):
        def write(self, text: str) -> int:  # noqa: ARG002 - the stream's signature
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(["show", "2021-11"], out=Closed()) == 0


def test_the_module_entry_point_exits_with_the_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running the package as __main__ exits with main()'s code."""
    monkeypatch.setattr(sys, "argv", ["calaim-timeline", "validate", "snapshots/2021-01.toml"])
    with pytest.raises(SystemExit) as raised:
        runpy.run_module("calaim_timeline", run_name="__main__")
    assert raised.value.code == 0
    assert capsys.readouterr().out.startswith("ok snapshots/2021-01.toml")


def test_python_dash_m_runs_the_command() -> None:
    """Python -m calaim_timeline is the same command, with its exit codes."""
    done = subprocess.run(
        [sys.executable, "-m", "calaim_timeline", "show", "2030-01"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.endswith("no edition '2030-01' in snapshots (editions: 2021-01, 2021-11)\n")
    assert "Traceback" not in done.stderr


def test_diff_text_starts_with_the_digest() -> None:
    """The diff command prints a headline, the digest, the changes by initiative, the terms."""
    code, out = run("diff", "2021-01", "2021-11")
    assert code == 0
    lines = out.splitlines()
    assert lines[:4] == [
        "2021-01 → 2021-11: 108 changes",
        "",
        "In short:",
        "  In both editions: no milestone is in both editions, so nothing can have moved",
    ]
    assert lines[lines.index("Edition") : lines.index("Edition") + 2] == [
        "Edition",
        "  ~ Window: 2021-01/2021-12 → 2021-11/2022-03",
    ]
    assert '~ Renamed: was "Enhanced Care Management (ECM) and In Lieu of Services (ILOS)"' in out
    assert "Footnote 1 added" not in out
    assert "Footnote 1 added" in run("diff", "2021-01", "2021-11", "--full")[1]


def test_diff_json_follows_the_contract() -> None:
    """--format json prints old, new, summary and the changes."""
    code, out = run(
        "diff", "2021-01", "2021-11", "--format", "json", "--only", "initiative-renamed"
    )
    assert code == 0
    document = json.loads(out)
    assert (document["old"], document["new"], document["summary"]) == (
        "2021-01",
        "2021-11",
        {"initiative-renamed": 1},
    )
    assert document["changes"][0]["old_initiative"] == "ecm-ilos"


def test_diff_markdown_lists_only_what_was_asked() -> None:
    """--only keeps the named changes; markdown has the digest, then a section per initiative."""
    code, out = run(
        "diff", "2021-01", "2021-11", "--format", "markdown", "--only", "milestone-dropped"
    )
    assert code == 0
    assert out.splitlines()[:6] == [
        "# 2021-01 → 2021-11",
        "",
        "**In short:**",
        "",
        "- **In both editions:** no milestone is in both editions, so nothing can have moved",
        "- **Gone while still due:** 3 milestones are no longer listed though due inside this edition's window",
    ]
    assert out.count("**Gone while still due:**") == 5  # digest, the three changes, the terms
    assert "## Cross-Initiative Milestones" in out


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["diff", "2021-01", "2021-11", "--exit-code"], 1),
        (["diff", "2021-11", "2021-11", "--exit-code"], 0),
        (["diff", "2021-01", "2021-11"], 0),
        (["diff", "2021-01", "2021-11", "--exit-code", "--only", "milestone-shifted"], 0),
    ],
)
def test_diff_exit_code(argv: list[str], code: int) -> None:
    """--exit-code gives 1 when there are changes to report, else 0."""
    assert run(*argv)[0] == code


def test_diff_substantive_and_threshold(tmp_path: Path) -> None:
    """--substantive hides editorial changes; --threshold sets the similarity bar."""
    old, new = edition(), edition(id="2021-12")
    mot, hhp = new.initiatives[1].milestones
    renamed = with_benefits(
        new,
        attrs.evolve(mot, title="MOT carve-in goes live."),
        attrs.evolve(hhp, id="x", lineage="x", title="ECM goes live in HHP Counties:"),
    )
    save(old, tmp_path / "2021-11.toml")
    save(renamed, tmp_path / "2021-12.toml")
    argv = ["diff", "2021-11", "2021-12", "--snapshots", str(tmp_path)]
    assert run(*argv)[1].splitlines()[:6] == [
        "2021-11 → 2021-12: 2 changes",
        "",
        "In short:",
        "  Renamed: 1 milestone retitled",
        "  Editorial: 1 change of wording or of the footnotes cited only; listed in full with --full",
        "",
    ]
    assert run(*argv, "--substantive")[1].splitlines()[:5] == [
        "2021-11 → 2021-12: 1 change",
        "",
        "In short:",
        "  Renamed: 1 milestone retitled",
        "",
    ]
    # Below the bar, the retitle "…Counties for:" → "…Counties:" is still found: it is
    # the only milestone left in its initiative with its month and kind (the context).
    strict = run(*argv, "--threshold", "99", "--format", "json")[1]
    assert [(c["change"], c["stage"]) for c in json.loads(strict)["changes"]] == [
        ("milestone-retitled", "lineage"),
        ("milestone-retitled", "context"),
    ]


@pytest.mark.parametrize("value", ["abc", "101", "-1"])
def test_a_bad_threshold_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--threshold takes a number from 0 to 100."""
    with pytest.raises(SystemExit) as raised:
        run("diff", "2021-01", "2021-11", "--threshold", value)
    assert raised.value.code == 2
    assert f"must be a number from 0 to 100 (got {value!r})" in capsys.readouterr().err


def test_import_table_writes_the_bundled_snapshot_exactly(tmp_path: Path) -> None:
    """import-table --previous 2021-11 -o FILE writes snapshots/2021-11.toml byte for byte."""
    target = tmp_path / "2021-11.toml"
    code, out = wrote(
        "import-table", "sources/2021-11_calaim-milestones-calendar.md", "--id", "2021-11",
        "--previous", "2021-11", "-o", str(target),
    )  # fmt: skip
    assert code == 0
    assert target.read_bytes() == Path("snapshots/2021-11.toml").read_bytes()
    assert out == (
        f"wrote {target}: edition 2021-11 as of 2021-11, window 2021-11/2022-03\n"
        "  6 categories, 18 initiatives, 56 milestones, 15 footnotes, 7 excluded initiatives\n"
        "  milestones per month: 2021-11 7, 2021-12 19, 2022-01 25, 2022-02 3, 2022-03 2\n"
        "  against 2021-11 → 2021-11: no changes\n"
    )


def test_import_table_prints_the_snapshot_without_an_output_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without -o the TOML goes to stdout and the summary to stderr."""
    code, out = run(
        "import-table", "sources/2021-11_calaim-milestones-calendar.md", "--id", "2022-01"
    )
    assert code == 0
    assert out.startswith('id = "2022-01"\n')
    assert capsys.readouterr().err.startswith("imported: edition 2022-01 as of 2021-11")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "{path}: cannot read the file: No such file or directory"),
        (b"\xff\xfe", "{path}: the file is UTF-16 text; save it as UTF-8"),
        (
            b"## Calendar as of May 2022\n",
            (
                "{path}: no schedule found: no calendar table (with a month header row), no list"
                " table (a header naming a title and a date column) and no bullet list of"
                " 'LABEL: DATE' lines"
            ),
        ),
    ],
)
def test_import_table_errors_exit_2(
    tmp_path: Path, content: bytes | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unreadable or unreadable-as-a-calendar file is one line on stderr, exit code 2."""
    path = tmp_path / "calendar.md"
    if content is not None:
        path.write_bytes(content)
    assert run("import-table", str(path), "--id", "2022-05") == (2, "")
    assert capsys.readouterr().err == f"calaim-timeline: error: {message.format(path=path)}\n"


def test_import_table_refuses_an_id_that_is_not_a_slug(capsys: pytest.CaptureFixture[str]) -> None:
    """--id must be a slug."""
    with pytest.raises(SystemExit):
        run("import-table", "x.md", "--id", "May 2022")
    assert "must be a slug such as 2022-03" in capsys.readouterr().err


def test_substantive_removes_the_editorial_changes_from_the_bundled_change_log() -> None:
    """The bundled change log has two editorial changes (footnotes cited); --substantive drops them."""
    full = run("changelog", "--full")[1].splitlines()
    substantive = run("changelog", "--full", "--substantive")[1].splitlines()
    assert sorted(set(full) - set(substantive)) == [
        "- **Cross-Initiative Milestones**: Footnotes: none → 3",
        "- **Editorial:** 2 changes of wording or of the footnotes cited only",
        "- **Editorial:** no date, item or name changed: only wording, punctuation or the footnotes cited.",
        "- **Enhanced Care Management (ECM)/ Community Supports (ILOS)**: Footnotes: none → 6",
    ]
    assert set(substantive) <= set(full)
    folded = run("changelog", "--substantive")[1]
    assert "Footnote 1 added" not in folded
    assert "- **Footnotes:** 15 added; listed in full with --full" in folded
    assert "**Editorial:**" not in folded  # nor in the terms: only those used are explained


def test_changelog_json_since_and_substantive() -> None:
    """JSON is one diff document per edition pair; --since keeps only later editions."""
    code, out = run("changelog", "--format", "json", "--substantive")
    assert code == 0
    document = json.loads(out)
    assert [(d["old"], d["new"]) for d in document] == [("2021-01", "2021-11")]
    assert document[0]["summary"]["milestone-dropped"] == 14
    code, out = run("changelog", "--since", "2021-11")
    assert (code, out.splitlines()[0], len(out.splitlines())) == (
        0,
        "# CalAIM Milestones Calendar: change log",
        3,
    )


def test_history_slip_table_and_chart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without a milestone, history prints the slip table; --chart draws the named one."""
    assert run("history") == (0, "No milestone is listed in more than one edition yet.\n")
    chart = tmp_path / "mot.svg"
    code, out = run("history", "mot-carve-in-live", "--chart", str(chart))
    assert (code, out.splitlines()[0]) == (0, "mot-carve-in-live: MOT Carve-In goes live")
    assert 'id="band-mot-carve-in-live-2021-11"' in chart.read_text(encoding="utf-8")
    assert capsys.readouterr().err == f"wrote {chart}: the trend of mot-carve-in-live\n"
    assert run("history", "--chart", str(chart)) == (2, "")
    assert "--chart draws one milestone" in capsys.readouterr().err


def test_ics_writes_the_calendar(tmp_path: Path) -> None:
    """The ics command writes one event per milestone."""
    target = tmp_path / "2021-11.ics"
    assert wrote("ics", "2021-11", "-o", str(target)) == (
        0,
        (
            f"wrote {target}: 56 events from edition 2021-11, 3 cancelled (dropped while due"
            " since an earlier edition)\n"
        ),
    )
    assert target.read_text(encoding="utf-8").count("STATUS:CONFIRMED") == 56


def test_ics_of_a_snapshot_file_the_archive_does_not_hold_cancels_nothing(
    tmp_path: Path,
) -> None:
    """An edition from elsewhere has no earlier editions in the archive read (it had 30)."""
    other = attrs.evolve(Archive.bundled()["2021-11"], id="2021-12", title="Elsewhere")
    save(other, tmp_path / "2021-12.toml")
    target = tmp_path / "other.ics"
    assert wrote("ics", str(tmp_path / "2021-12.toml"), "-o", str(target)) == (
        0,
        f"wrote {target}: 56 events from edition 2021-12\n",
    )


def test_upcoming_text_and_json() -> None:
    """The upcoming command lists what the edition known at the date says is due next."""
    code, out = run(
        "upcoming", "--as-of", "2021-12-15", "--within", "1", "--kind", "submission-deadline"
    )
    assert code == 0
    assert out.splitlines()[:2] == [
        "According to edition 2021-11 (as of 2021-11):",
        "  2021-12  ^ Benefits Standardization: Managed care rates for MOT to be sent to CMS",
    ]
    code, out = run("upcoming", "--as-of", "2022-03-01", "--kind", "unmarked", "--format", "json")
    document = json.loads(out)
    assert (
        document["edition"],
        document["within"],
        [m["milestone"] for m in document["milestones"]],
    ) == (
        "2021-11",
        3,
        ["phm-strategy-roadmap"],
    )
    assert run("upcoming", "--as-of", "2022-04-01")[1] == (
        "According to edition 2021-11 (as of 2021-11):\n  nothing is due in that time\n"
    )
    code, out = run("upcoming", "--as-of", "2022-01-01", "--within", "1", "--format", "json")
    hhp = next(
        m for m in json.loads(out)["milestones"] if m["milestone"] == "ecm-live-hhp-counties"
    )
    assert hhp["sub_items"] == ["Members enrolled in HHP", "Select ECM Populations of Focus"]
    text = run("upcoming", "--as-of", "2022-01-01", "--within", "1")[1]
    assert (
        "ECM goes live in HHP Counties for: Members enrolled in HHP; Select ECM Populations of Focus"
        in text
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["upcoming", "--as-of", "15/12/2021"],
            "must be a date such as 2022-01-15 (got '15/12/2021')",
        ),
        (
            ["upcoming", "--as-of", "2021-12-15", "--within", "0"],
            "must be a number of months from 1 to 120 (got '0')",
        ),
    ],
)
def test_upcoming_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed date or month count is a usage error naming the input."""
    with pytest.raises(SystemExit):
        run(*argv)
    assert message in capsys.readouterr().err


def test_upcoming_before_any_edition_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A date before the first edition has no edition to ask."""
    assert run("upcoming", "--as-of", "2020-06-01") == (2, "")
    assert "no edition is as of a month on or before 2020-06-01" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ("import-table", "tests/data/good/calendar.md", "--id", "x", "-o", "{out}.toml"),
        ("ics", "2021-11", "-o", "{out}.ics"),
        ("history", "mot-carve-in-live", "--chart", "{out}.svg"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_error_line(
    argv: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Writing into a missing directory exits 2 with the file named, and writes nothing."""
    out = tmp_path / "missing" / "out"
    code, _ = run(*(arg.format(out=out) for arg in argv))
    target = argv[-1].format(out=out)
    assert (code, capsys.readouterr().err) == (
        2,
        (
            f"calaim-timeline: error: {target}: cannot write the file: the folder"
            f" {tmp_path / 'missing'} does not exist: create it first"
            f" (mkdir -p {tmp_path / 'missing'}) (nothing was changed)\n"
        ),
    )
    assert not (tmp_path / "missing").exists()


def test_the_overall_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, the whole parser is built: its help names every command."""
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("    ") and line[4] != " "]
    assert listed == [
        *("show", "diff", "import-table", "import-history", "changelog", "history"),
        *("chart", "feed", "ics", "report", "site", "upcoming", "editions", "validate"),
    ]


def test_a_command_s_help_and_a_word_that_is_no_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A command's help comes from its own parser; an unknown word gets the closest command."""
    with pytest.raises(SystemExit):
        main(["--debug", "diff", "--help"])
    assert capsys.readouterr().out.startswith("usage: calaim-timeline diff [-h]")
    with pytest.raises(SystemExit) as exited:
        main(["difff"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        "calaim-timeline: error: unknown command 'difff': did you mean 'diff'?"
        " (see calaim-timeline --help)\n"
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the installed version on stdout and exits 0."""
    from importlib.metadata import version  # noqa: PLC0415

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"calaim-timeline {version('calaim-timeline')}\n"
