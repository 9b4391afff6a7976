"""A user's own Hypothesis suite: our strategies with no settings, no profile, no conftest.

The suite runs in a child process from an empty folder, with ``CI`` removed from its
environment (Hypothesis would otherwise load its own lenient CI profile), so every
strategy meets Hypothesis's default settings and health checks exactly as in a user's
project.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import calaim_timeline.strategies
from tests.conftest import DOCS

USER_SUITE = """
import attrs
from hypothesis import given, strategies as st

from calaim_timeline import (
    Category, Edition, Footnote, Initiative, Milestone, Period, Source, SubItem, dumps, loads,
    validate,
)
from calaim_timeline.strategies import {names}


@attrs.frozen
class Report:
    edition: Edition
    title: str


@given(st.from_type(Edition))
def test_from_type_gives_sound_editions(edition):
    assert validate(edition) == ()
    assert loads(dumps(edition)) == edition


@given(st.from_type(Period), st.from_type(Milestone), st.from_type(Initiative))
def test_from_type_gives_periods_milestones_and_initiatives(period, milestone, initiative):
    assert isinstance(period, Period)
    assert isinstance(milestone, Milestone) and isinstance(initiative, Initiative)


@given(
    st.from_type(Footnote), st.from_type(SubItem), st.from_type(Category), st.from_type(Source)
)
def test_from_type_gives_the_small_types(footnote, item, category, source):
    assert footnote.number > 0 and item.text and category.id and source.document


@given(st.builds(Report))
def test_builds_infers_an_edition_field(report):
    assert validate(report.edition) == ()


@given(editions())
def test_editions_are_sound(edition):
    assert validate(edition) == ()
"""

STRATEGY_TEST = """

@given({name}({arguments}))
def test_{name}(value):
    assert repr(value)
"""

ARGUMENTS = {"mutations": '"2022-01/2022-03"', "tweaked_documents": '{"id": "a", "n": [1]}'}


def test_every_strategy_passes_the_default_health_checks_in_a_plain_suite(
    tmp_path: Path,
) -> None:
    """A plain user suite of every public strategy and from_type passes, untouched."""
    names = calaim_timeline.strategies.__all__
    strategies = [n for n in names if n[0].islower()]
    suite = USER_SUITE.format(names=", ".join(strategies)) + "".join(
        STRATEGY_TEST.format(name=name, arguments=ARGUMENTS.get(name, "")) for name in strategies
    )
    assert _run_as_a_user(tmp_path, suite) == f"{len(strategies) + 5} passed"


def test_the_worked_example_of_the_docs_passes_as_it_is(tmp_path: Path) -> None:
    """The example of docs/test-your-own-data.md, pasted into a file, passes."""
    page = (DOCS / "test-your-own-data.md").read_text(encoding="utf-8")
    example = page.split("```python\n", 1)[1].split("```", 1)[0]
    assert _run_as_a_user(tmp_path, example) == "3 passed"


def _run_as_a_user(folder: Path, suite: str) -> str:
    """Run ``suite`` as a user's test file in ``folder``; return pytest's count of passes."""
    (folder / "test_mine.py").write_text(suite, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\nfilterwarnings = error\n", encoding="utf-8")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CI", "HYPOTHESIS_PROFILE", "PYTEST_ADDOPTS", "PYTEST_XDIST_WORKER"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()[-1].split(" in ")[0]
