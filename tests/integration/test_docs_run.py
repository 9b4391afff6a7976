"""The docs run as written: every shell command of README.md and docs/, in order, in a fresh folder.

Each page runs in a temporary folder that holds what a clone of the repository gives a
user (``snapshots/``, ``sources/``, ``examples/``, the test suite's PDFs, as a git work
tree). A file the page
shows under ``<!-- file: NAME -->`` is written there first, where the page shows it. Each
``$ command`` of a ``console`` block runs (``calaim-timeline`` in-process, anything with
a pipe, a redirection or another program through ``bash``), and the output the page
shows under it must be what the command prints: a line ``…`` stands for any lines, and a
line ending in ``…`` for any line that begins so. A command whose shown output has no
error must succeed.

A few commands cannot run here, each for a reason this file names (they install
packages, clone from the network, or are the developers' own checks, which the test
command runs anyway); the list of them is exact, so no new one goes unrun unnoticed.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from calaim_timeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["README.md", *(f"docs/{p.name}" for p in sorted((ROOT / "docs").glob("*.md")))]
_BLOCK = re.compile(
    r"(?:<!-- (?P<marker>file|docs-test): (?P<value>[^>]*?) -->\n)?"
    r"```(?P<lang>[\w-]*)\n(?P<body>.*?)```",
    re.DOTALL,
)
_SHELL = re.compile(r"[|&;<>()`$*]")
_NOT_RUN = {
    "pip install": "installs packages",
    "python3 -m venv": "sets up a virtual environment (.ci/run does, on a clean clone)",
    ".venv/bin/": "a developer's check of the repository (the test command runs them)",
    "HYPOTHESIS_PROFILE=": "a developer's check of the repository (the deep profile)",
}


@dataclass
class Command:
    """A ``$ command`` of a page, with the output the page shows under it."""

    text: str
    line: int
    shown: list[str] = field(default_factory=list)


@dataclass
class Page:
    """What a page asks to run, in order: files to write and commands; and what it cannot."""

    steps: list[tuple[str, str] | Command] = field(default_factory=list)
    not_run: list[tuple[str, str]] = field(default_factory=list)


def _reason(text: str, skipped: str | None) -> str | None:
    if skipped is not None:
        return skipped
    return next((why for start, why in _NOT_RUN.items() if text.startswith(start)), None)


def read_page(name: str) -> Page:
    """The steps of page ``name``."""
    text = (ROOT / name).read_text(encoding="utf-8")
    page = Page()
    for block in _BLOCK.finditer(text):
        marker, value, body = block["marker"], block["value"], block["body"]
        if marker == "file":
            page.steps.append((value, body))
            continue
        skipped = value.removeprefix("skip: ") if marker == "docs-test" else None
        start = text.count("\n", 0, block.start("body")) + 1
        commands: list[Command] = []
        if block["lang"] in {"sh", "shell", "bash"}:
            commands = [
                Command(line, start + k)
                for k, line in enumerate(body.splitlines())
                if line.strip() and not line.startswith("#")
            ]
        elif block["lang"] == "console":
            commands = _console(body, start)
        for command in commands:
            why = _reason(command.text, skipped)
            if why is None:
                page.steps.append(command)
            else:
                page.not_run.append((command.text, why))
    return page


def _console(body: str, start: int) -> list[Command]:
    commands: list[Command] = []
    lines = body.splitlines()
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.startswith("$ "):
            text, first = line[2:], k
            while text.endswith("\\") and k + 1 < len(lines):
                k += 1
                text = text[:-1].rstrip() + " " + lines[k].strip()
            commands.append(Command(text, start + first))
        elif commands:
            commands[-1].shown.append(line)
        k += 1
    return commands


def shown_matches(shown: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` lines are what ``shown`` shows, ``…`` standing for what is left out.

    Examples:
        >>> shown_matches(["a", "…", "d"], ["a", "b", "c", "d"])
        True
        >>> shown_matches(["wrote x: 3 entr…"], ["wrote x: 3 entries"])
        True
        >>> shown_matches(["a"], ["a", "b"])
        False
    """
    shown = [line.rstrip() for line in shown]
    while shown and not shown[-1]:
        shown.pop()
    actual = [line.rstrip() for line in actual]
    memo: dict[tuple[int, int], bool] = {}

    def match(i: int, j: int) -> bool:
        if (i, j) not in memo:
            memo[(i, j)] = _match(i, j)
        return memo[(i, j)]

    def _match(i: int, j: int) -> bool:
        if i == len(shown):
            return j == len(actual)
        line = shown[i].strip()
        if line in {"…", "..."}:
            return any(match(i + 1, k) for k in range(j, len(actual) + 1))
        if j == len(actual):
            return False
        if shown[i].endswith("…"):
            ok = actual[j].startswith(shown[i][:-1].rstrip())
        elif shown[i].endswith("..."):
            ok = actual[j].startswith(shown[i][:-3].rstrip())
        else:
            ok = actual[j] == shown[i]
        return ok and match(i + 1, j + 1)

    return match(0, 0)


def clone_folder(tmp_path: Path) -> Path:
    """A fresh folder holding what a clone gives a user, as a git work tree."""
    folder = tmp_path / "work"
    folder.mkdir()
    for name in ("snapshots", "sources", "examples", "tests/data/pdfs"):
        shutil.copytree(ROOT / name, folder / name)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)  # noqa: S607 - git on PATH
    return folder


def environment() -> dict[str, str]:
    """The environment a page's commands run in: our interpreter's scripts first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {
        **os.environ,
        "PATH": path,
        "GIT_AUTHOR_NAME": "Docs Test",
        "GIT_AUTHOR_EMAIL": "docs@example.org",
        "GIT_COMMITTER_NAME": "Docs Test",
        "GIT_COMMITTER_EMAIL": "docs@example.org",
        "COLUMNS": "80",
    }


def run_command(text: str, folder: Path) -> tuple[int, list[str]]:
    """Run one command in ``folder``: its exit code and the lines it printed (out, then err)."""
    words = shlex.split(text, comments=True)
    if (
        words
        and words[0] == "calaim-timeline"
        and not _SHELL.search(text.split("#", maxsplit=1)[0])
    ):
        out, err = io.StringIO(), io.StringIO()
        before = Path.cwd()
        os.chdir(folder)
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                try:
                    code = main(words[1:], out=out)
                except SystemExit as stop:  # argparse's usage errors and --help
                    code = stop.code if isinstance(stop.code, int) else 1
        finally:
            os.chdir(before)
        return code, (out.getvalue() + err.getvalue()).splitlines()
    done = subprocess.run(
        ["bash", "-c", text],  # noqa: S607
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )
    return done.returncode, (done.stdout + done.stderr).splitlines()


@pytest.mark.parametrize("name", PAGES)
def test_every_command_of_the_page_runs_and_prints_what_it_shows(name: str, tmp_path: Path) -> None:
    """Run the page's commands in order; each succeeds and prints what the page shows."""
    folder = clone_folder(tmp_path)
    failures = []
    for step in read_page(name).steps:
        if isinstance(step, tuple):
            path, content = step
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(content, encoding="utf-8")
            continue
        code, printed = run_command(step.text, folder)
        erring = any("error:" in line for line in step.shown)
        if code != 0 and not erring:
            failures.append(f"{name}:{step.line}: `{step.text}` exited {code}: {printed[-3:]}")
        elif step.shown and not shown_matches(step.shown, printed):
            failures.append(
                f"{name}:{step.line}: `{step.text}` printed\n  " + "\n  ".join(printed[:40])
            )
    assert failures == []


NOT_RUN: dict[str, list[str]] = {
    "README.md": [
        (
            "python3 -m venv .venv && .venv/bin/pip install -q -e . && "
            ".venv/bin/calaim-timeline validate snapshots && .venv/bin/calaim-timeline "
            "changelog"
        ),
        (
            "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/ruff"
            " check . && .venv/bin/ruff format --check . && .venv/bin/mypy && "
            ".venv/bin/coverage run -m pytest -n auto --dist worksteal && .venv/bin/coverage combine -q && "
            ".venv/bin/coverage report && NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build "
            "--strict --quiet"
        ),
        (
            "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/python "
            "benchmarks/bench.py --sizes 10000,20000,50000,100000 --json "
            "benchmarks/results.json"
        ),
    ],
    "docs/architecture.md": [
        ".venv/bin/pytest tests/unit/test_architecture.py tests/unit/test_package.py",
    ],
    "docs/index.md": [
        "python3 -m venv .venv && .venv/bin/pip install -q -e .",
    ],
    "docs/performance.md": [
        (
            "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/python "
            "benchmarks/bench.py --sizes 10000,20000,50000,100000 --json "
            "benchmarks/results.json"
        ),
    ],
    "docs/real-schedules.md": [
        (
            "calaim-timeline import-history pep-repo pep-0664.rst --series python-3-11 "
            '--title "Python 3.11 release schedule" --publisher Python --section "3.11.0 '
            'schedule" -o snapshots'
        ),
        (
            "calaim-timeline import-history k8s-versions --series k8s-1-19 --title "
            '"Kubernetes 1.19 release timeline" -o snapshots'
        ),
    ],
    "docs/reports.md": [
        "pip install -e '.[charts]'      # from the clone: matplotlib, only for charts",
        "pip install -e '.[feed]'       # from the clone: feedgen",
        "pip install -e '.[report]'     # from the clone: Jinja2 (and feedgen, for the site's feed)",
    ],
    "docs/test-your-own-data.md": [
        'pip install -e ".[strategies]" pytest   # from a clone of the repository',
    ],
    "docs/testing.md": [
        "HYPOTHESIS_PROFILE=deep .venv/bin/pytest -n auto tests/property",
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' mutmut",
        ".venv/bin/mutmut run        # about 25 minutes on 2 cores",
        ".venv/bin/mutmut results    # the survivors; `mutmut show NAME` shows one",
    ],
    "docs/track-a-new-edition.md": [
        "pip install -e '.[pdf]'        # from the clone: pdfplumber, to read PDFs",
    ],
    "docs/track-a-schedule-in-git.md": [
        "git clone https://github.com/python/peps",
        (
            "calaim-timeline import-history peps pep-0664.rst --series python-3-11 --title "
            '"Python 3.11 release schedule" --publisher Python --section "3.11.0 schedule" -o'
            " snapshots"
        ),
        "calaim-timeline changelog --series python-3-11",
        'calaim-timeline history "3.11.0 final" --series python-3-11',
        "git -C peps pull",
        (
            "calaim-timeline import-history peps pep-0664.rst --series python-3-11 --title "
            '"Python 3.11 release schedule" --section "3.11.0 schedule" -o snapshots'
        ),
    ],
}
"""Every command the docs show that this test does not run, by page (the reasons above)."""


def test_only_the_commands_that_cannot_run_here_are_not_run() -> None:
    """Install, network and developer commands only; every other command runs."""
    found = {
        name: [text for text, _ in read_page(name).not_run]
        for name in PAGES
        if read_page(name).not_run
    }
    assert found == NOT_RUN
