"""Every Python snippet of README.md and docs/ runs on its own, in a fresh folder.

Each ```` ```python ```` block runs in a new interpreter (warnings are errors), in a
folder that holds what a clone gives a user (as for the shell commands, in
``test_docs_run``), with nothing from the blocks before it: a snippet a user copies alone
must work alone. A block marked ``<!-- docs-test: skip: REASON -->`` is not run, and the
list of those is exact.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_docs_run import PAGES, ROOT, clone_folder, environment


def _snippets() -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Each page's Python blocks, as ("page:line", code); and those not run, with why."""
    import re  # noqa: PLC0415 - only here

    block = re.compile(
        r"(?:<!-- docs-test: skip: (?P<why>[^>]*?) -->\n)?```python\n(?P<body>.*?)```", re.DOTALL
    )
    run: list[tuple[str, str]] = []
    skipped: dict[str, str] = {}
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        for found in block.finditer(text):
            where = f"{page}:{text.count(chr(10), 0, found.start('body')) + 1}"
            if found["why"]:
                skipped[where] = found["why"]
            else:
                run.append((where, found["body"]))
    return run, skipped


SNIPPETS, SKIPPED = _snippets()


@pytest.mark.parametrize(("where", "code"), SNIPPETS, ids=[where for where, _ in SNIPPETS])
def test_each_python_snippet_runs_on_its_own(where: str, code: str, tmp_path: Path) -> None:
    """Alone, in a fresh interpreter and folder: it exits 0 and writes nothing to stderr."""
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=clone_folder(tmp_path),
        capture_output=True,
        text=True,
        env=environment(),
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, ""), where


def test_the_pages_that_show_python_are_these_and_only_the_network_is_skipped() -> None:
    """Every page with Python is run, the guide and the API page too; one needs the network."""
    pages = sorted({where.split(":")[0] for where, _ in SNIPPETS})
    assert (pages, SKIPPED) == (
        [
            "README.md",
            "docs/api.md",
            "docs/guide.md",
            "docs/test-your-own-data.md",
            "docs/track-a-new-edition.md",
        ],
        {
            "docs/track-a-schedule-in-git.md:103": "needs the network (a clone of python/peps, as above)"
        },
    )
