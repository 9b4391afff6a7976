from __future__ import annotations

import re

from tests.conftest import ROOT


def test_the_readme_python_tour_is_one_short_block() -> None:
    """The README's API tour is one block of at most 20 lines (test_docs_python runs it)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert [len(block.splitlines()) <= 20 for block in blocks] == [True]


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run calls the README's test command verbatim."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.DOTALL)
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
