"""Hostile option values and outputs over inputs: exit 2, one line on stderr, nothing written.

Every option whose value reaches an output (a title, a calendar's name, a feed's id or
link, a publisher, a section heading) is read at the command line: a line break, a
control or bidirectional character, an empty or padded value or one too long is a usage
error before anything runs. And no command writes over a file it reads, whatever the
spelling of the path.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline.cli import main
from tests.conftest import ROOT

SOURCE = "sources/2021-11_calaim-milestones-calendar.md"

OPTIONS: dict[str, list[str]] = {
    "import-table --title": ["import-table", SOURCE, "--id", "x", "-o", "x.toml", "--title"],
    "import-table --publisher": ["import-table", SOURCE, "--id", "x", "--publisher"],
    "import-table --section": ["import-table", SOURCE, "--id", "x", "--section"],
    "import-history --title": ["import-history", "sources", "--series", "s", "--title"],
    "import-history --publisher": ["import-history", "sources", "--series", "s", "--publisher"],
    "chart --title": ["chart", "mot-carve-in-live", "-o", "chart.svg", "--title"],
    "feed --id": ["feed", "-o", "feed.atom", "--id"],
    "feed --link": ["feed", "-o", "feed.atom", "--link"],
    "ics --name": ["ics", "2021-11", "-o", "calendar.ics", "--name"],
}
"""Each option that reaches an output, after the arguments its command needs."""

HOSTILE = st.one_of(
    st.text(min_size=1, max_size=12).map(lambda text: f"{text}\n{text}"),
    st.tuples(
        st.text(max_size=8), st.sampled_from("\r\x1b\x00\x7f\x85\u202e\u2066\t\u2028\u2029")
    ).map("".join),
    st.sampled_from(["", " ", " padded", "padded "]),
    st.integers(201, 400).map(lambda n: "x" * n),
)
"""A value no output may hold: a line break, a control character, nothing, or too much."""


def _clone(folder: Path) -> Path:
    """A folder with what a clone gives: the snapshots and the sources."""
    for name in ("snapshots", "sources"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    return code, capsys.readouterr().err.splitlines()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clone-like folder for every example (none may write anything into it)."""
    return _clone(tmp_path_factory.mktemp("clone"))


@pytest.mark.parametrize("option", OPTIONS)
@given(value=HOSTILE)
def test_a_hostile_option_value_is_one_usage_error_and_nothing_is_written(
    option: str, value: str, clone: Path
) -> None:
    """Exit 2, one line on stderr naming the option, and no file written or changed."""
    before = _files(clone)
    err = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(err):
        patch.chdir(clone)
        try:
            code = main([*OPTIONS[option], value])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    lines = err.getvalue().splitlines()
    assert (code, len(lines), f"argument {option.split()[1]}" in lines[0]) == (2, 1, True)
    assert _files(clone) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Calendar\r\nX-Injected: 1", "must be one line, without control characters (got 'Calendar\\r\\nX-Injected: 1')"),
        ("\x1b[2J", "must be one line, without control characters (got '\\x1b[2J')"),
        ("  ", "must be text, without spaces around it (got '  ')"),
        ("x" * 201, "must be at most 200 characters (got 201)"),
    ],
)  # fmt: skip
def test_the_usage_error_says_what_is_wrong(
    value: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Ics --name: the message, and where to read the help."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(_clone(tmp_path))
        assert _run(["ics", "2021-11", "-o", "c.ics", "--name", value], capsys) == (
            2,
            [
                f"calaim-timeline ics: error: argument --name: {message} (see calaim-timeline ics --help)"
            ],
        )


def test_a_title_as_people_paste_it_is_taken(tmp_path: Path) -> None:
    """A no-break space, an en dash and accents are text, not control characters."""
    name = "CalAIM\u00a0calendar \u2013 Sant\u00e9"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(_clone(tmp_path))
        assert main(["ics", "2021-11", "-o", "c.ics", "--name", name]) == 0
    assert f"X-WR-CALNAME:{name}" in (tmp_path / "c.ics").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--link", "javascript:alert(1)", "must be an http or https address (got 'javascript:alert(1)')"),
        ("--link", "https://example.org/a b", "must be an absolute URI, such as urn:example:feed (got 'https://example.org/a b')"),
        ("--id", "not a uri", "must be an absolute URI, such as urn:example:feed (got 'not a uri')"),
    ],
)  # fmt: skip
def test_a_feed_link_is_http_and_its_id_a_uri(
    option: str, value: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A link goes into every entry: only http(s); an id is an absolute URI."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(_clone(tmp_path))
        assert _run(["feed", "-o", "f.atom", option, value], capsys) == (
            2,
            [
                f"calaim-timeline feed: error: argument {option}: {message} (see calaim-timeline feed --help)"
            ],
        )


@pytest.mark.parametrize(
    "argv",
    [
        ["diff", "2021-01", "2021-11", "-o", "snapshots/2021-11.toml"],
        ["diff", "2021-01", "2021-11", "-o", "./sources/../snapshots/2021-11.toml"],
        ["diff", "2021-01", "snapshots/2021-11.toml", "-o", "link.toml"],
        ["ics", "2021-11", "-o", "snapshots/2021-01.toml"],
        ["changelog", "-o", "snapshots/2021-01.toml"],
        ["history", "mot-carve-in-live", "--chart", "snapshots/2021-11.toml"],
        ["diff", "2021-01", "2021-11", "--snapshots", "other", "-o", "other/2021-11.toml"],
    ],
    ids=["by its path", "by another spelling", "by a symlink", "ics", "changelog", "a chart", "--snapshots"],
)  # fmt: skip
def test_no_command_writes_over_a_file_it_reads(
    argv: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Exit 2, one line naming the output and the input, and every file as it was."""
    folder = _clone(tmp_path)
    shutil.copytree(folder / "snapshots", folder / "other")
    (folder / "link.toml").symlink_to(folder / "snapshots" / "2021-11.toml")
    before = _files(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        code, err = _run(argv, capsys)
    output = argv[argv.index("-o") + 1] if "-o" in argv else argv[-1]
    assert (
        code,
        len(err),
        err[0].startswith(f"calaim-timeline: error: {output}: cannot write"),
    ) == (2, 1, True)
    assert "it is a file this command reads" in err[0]
    assert _files(folder) == before


def test_an_import_may_still_write_into_the_archive_it_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """import-table -o snapshots/ID.toml writes a new edition beside those it matches."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(_clone(tmp_path))
        argv = ["import-table", SOURCE, "--id", "2021-12", "--previous", "2021-11"]
        code, _ = _run([*argv, "-o", "snapshots/2021-12.toml"], capsys)
    assert (code, (tmp_path / "snapshots" / "2021-12.toml").is_file()) == (0, True)
