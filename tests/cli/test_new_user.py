"""What a new user tripped over at the command line: each slip gets a helpful answer."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from calaim_timeline.cli import build_parser
from tests.cli.test_cli import run


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as raised:
        run(*argv)
    assert raised.value.code == 2
    return capsys.readouterr().err.splitlines()[-1]


def test_a_misspelt_command_suggests_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    """Did you mean changelog? A word like no command lists them all."""
    assert _usage_error(capsys, "changlog") == (
        "calaim-timeline: error: unknown command 'changlog': did you mean 'changelog'?"
        " (see calaim-timeline --help)"
    )
    assert _usage_error(capsys, "--debug", "valdate", "x") == (
        "calaim-timeline: error: unknown command 'valdate': did you mean 'validate'?"
        " (see calaim-timeline --help)"
    )
    assert _usage_error(capsys, "frobnicate") == (
        "calaim-timeline: error: unknown command 'frobnicate' (commands: show, diff,"
        " import-table, import-history, changelog, history, chart, feed, ics, report, site,"
        " upcoming, editions, validate) (see calaim-timeline --help)"
    )


def test_a_diff_given_backwards_warns(capsys: pytest.CaptureFixture[str]) -> None:
    """A diff of NEWER OLDER still runs, and says on stderr that it reads backwards."""
    code, out = run("diff", "2021-11", "2021-01")
    assert (code, out.splitlines()[0]) == (0, "2021-11 → 2021-01: 108 changes")
    assert capsys.readouterr().err == (
        "calaim-timeline: warning: NEW (2021-01, as of 2021-01) is older than OLD (2021-11,"
        " as of 2021-11): this diff reads backwards; give the older edition first\n"
    )
    run("diff", "2021-01", "2021-11")
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("markdown", "# CalAIM Milestones Calendar: change log\n\nNothing since 2021-11: no later edition.\n"),
        ("text", "CalAIM Milestones Calendar: change log\n======================================\n\nNothing since 2021-11: no later edition.\n"),
        ("json", "[]\n"),
    ],
)  # fmt: skip
def test_changelog_since_the_newest_says_nothing_follows(fmt: str, expected: str) -> None:
    """--since NEWEST: nothing since, said as much (JSON: an empty list)."""
    assert run("changelog", "--since", "2021-11", "--format", fmt) == (0, expected)


@pytest.mark.parametrize("name", ["golive.csv", "downloads/calendar.pdf", "Timeline.XLSX"])
def test_showing_a_source_file_says_to_import_it(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A published source is no snapshot: the error gives the import command."""
    assert run("show", name) == (2, "")
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {name}: a published source, not a snapshot: import it first"
        f" with `calaim-timeline import-table {name} --id ID -o snapshots/ID.toml`\n"
    )


def test_a_missing_output_folder_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o into a folder that does not exist names the folder and how to make it."""
    target = tmp_path / "out" / "d.txt"
    assert run("diff", "2021-01", "2021-11", "-o", str(target)) == (2, "")
    folder = tmp_path / "out"
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {target}: cannot write the file: the folder {folder} does"
        f" not exist: create it first (mkdir -p {folder}) (nothing was changed)\n"
    )


def test_upcoming_past_the_newest_window_warns(capsys: pytest.CaptureFixture[str]) -> None:
    """Asked about 2024, the 2021-11 edition (to 2022-03) cannot know: said on stderr."""
    assert run("upcoming", "--as-of", "2024-01-01") == (
        0,
        "According to edition 2021-11 (as of 2021-11):\n  nothing is due in that time\n",
    )
    assert capsys.readouterr().err == (
        "calaim-timeline: warning: the newest edition known on 2024-01-01, 2021-11, covers"
        " 2021-11/2022-03 only: it cannot say what is due after that\n"
    )
    run("upcoming", "--as-of", "2022-01-01")
    assert capsys.readouterr().err == ""


def test_every_default_is_shown_in_the_help() -> None:
    """Each option with a default (a flag aside) shows it in its command's --help."""
    (commands,) = [
        a
        for a in build_parser()._actions  # noqa: SLF001 - argparse keeps them nowhere public
        if isinstance(a, argparse._SubParsersAction)  # noqa: SLF001
    ]
    shown = []
    for name, command in commands.choices.items():
        text = " ".join(command.format_help().split())
        for action in command._actions:  # noqa: SLF001
            if action.option_strings and action.nargs != 0 and action.default is not None:
                default = (
                    f"{action.default:g}" if isinstance(action.default, float) else action.default
                )
                assert f"(default: {default}" in text, (name, action.option_strings)
                shown.append(f"{name} {action.option_strings[-1]}")
    assert sorted(shown) == [
        "changelog --threshold",
        "chart --threshold",
        "diff --threshold",
        "editions --format",
        "feed --threshold",
        "history --threshold",
        "ics --threshold",
        "import-history --fiscal-year-start",
        "import-history --threshold",
        "import-table --fiscal-year-start",
        "import-table --threshold",
        "report --threshold",
        "show --format",
        "site --threshold",
        "upcoming --format",
        "upcoming --within",
    ]


def test_the_strategies_without_hypothesis_name_the_extra() -> None:
    """Importing calaim_timeline.strategies where Hypothesis is missing says what to install."""
    code = "import sys; sys.modules['hypothesis'] = None; import calaim_timeline.strategies"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "ModuleNotFoundError: calaim_timeline.strategies needs Hypothesis, which is not"
        " installed: pip install 'calaim-timeline[strategies]'"
    )
