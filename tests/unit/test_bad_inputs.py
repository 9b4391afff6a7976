"""The corpus of malformed inputs: every file fails with its exact message, API and CLI.

``tests/data/bad/expected.toml`` pins, for each file under ``tests/data/bad``, the lines
``format_errors()`` gives and the excerpt with its marker. Snapshot files go through
``load`` and ``calaim-timeline validate``; tables through ``import_table_file`` and
``calaim-timeline import-table``. None may raise anything but our own error, print a
traceback, or exit with a code other than 2.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from calaim_timeline import CalaimTimelineError, ParseError, format_errors
from calaim_timeline.cli import main
from calaim_timeline.codec import load
from calaim_timeline.importers import import_table_file

pytestmark = pytest.mark.usefixtures("load_path")

BAD = Path(__file__).parents[1] / "data" / "bad"
EXPECTED: dict[str, dict[str, list[str]]] = tomllib.loads(
    (BAD / "expected.toml").read_text(encoding="utf-8")
)
NAMES = sorted(EXPECTED)


@pytest.fixture(autouse=True)
def _in_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names in messages are relative to the corpus directory."""
    monkeypatch.chdir(BAD)


def _read(name: str) -> object:
    if name.startswith("snapshots/"):
        return load(name)
    return import_table_file(name, edition_id="x")


def _stderr(name: str) -> str:
    entry = EXPECTED[name]
    lines = [f"calaim-timeline: error: {line}" for line in entry["lines"]]
    return "".join(f"{line}\n" for line in [*lines, *entry.get("excerpt", [])])


def test_every_file_has_its_expected_error_and_there_are_enough() -> None:
    """Each file of the corpus is pinned, and the corpus covers snapshots and tables."""
    files = sorted(p.relative_to(BAD).as_posix() for p in BAD.glob("*/*"))
    assert files == NAMES
    snapshots = [n for n in NAMES if n.startswith("snapshots/")]
    tables = [n for n in NAMES if n.startswith("tables/")]
    assert (len(snapshots), len(tables)) == (45, 36)


@pytest.mark.parametrize("name", NAMES)
def test_the_api_raises_our_error_with_the_expected_lines(name: str) -> None:
    """load() or import_table_file() raises a CalaimTimelineError with the pinned lines."""
    with pytest.raises(CalaimTimelineError) as raised:
        _read(name)
    assert format_errors(raised.value) == tuple(EXPECTED[name]["lines"])
    excerpt = raised.value.excerpt() if isinstance(raised.value, ParseError) else ()
    assert excerpt == tuple(EXPECTED[name].get("excerpt", []))


@pytest.mark.parametrize("name", NAMES)
def test_the_command_line_prints_the_lines_and_exits_2(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The commands validate and import-table print the pinned lines on stderr, nothing on stdout."""
    if name.startswith("snapshots/"):
        code = main(["validate", name])
    else:
        code = main(["import-table", name, "--id", "x"])
    captured = capsys.readouterr()
    assert (code, captured.out, captured.err) == (2, "", _stderr(name))


def test_a_real_process_exits_2_without_a_traceback() -> None:
    """One `validate` of every bad snapshot: every error in order, exit 2, no traceback."""
    names = [n for n in NAMES if n.startswith("snapshots/")]
    done = subprocess.run(
        [sys.executable, "-m", "calaim_timeline", "validate", *names],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=BAD,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "".join(_stderr(n) for n in names)
