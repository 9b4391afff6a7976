"""Shared test settings: Hypothesis profiles, paths to the project's data, a cold parse cache."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from calaim_timeline import _fast
from calaim_timeline._similarity import _normalise, _numbers
from calaim_timeline.period import _parsed

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
DOCS = ROOT / "docs"
DATA = Path(__file__).resolve().parent / "data"

# The profiles (docs/testing.md): "dev" by default, "ci" when CI is set, "deep" on demand
# (HYPOTHESIS_PROFILE=deep). No profile times a test: deadlines and the too_slow health
# check depend on the machine's load, not on our code; a plain user test in
# tests/integration/test_user_suite.py keeps the strategies within the default health checks.
_UNTIMED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", _UNTIMED, max_examples=100)
# CI runs the same examples every time: derandomized, with no example database.
settings.register_profile("ci", _UNTIMED, max_examples=200, derandomize=True, database=None)
settings.register_profile("deep", _UNTIMED, max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
COSTLY = settings(max_examples=max(100, settings().max_examples // 3))
"""For the properties whose every example builds, renders and reads back whole documents:
a third of the profile's examples (100 at least), so the test command stays quick; the
deep profile still runs a thousand of each."""


@pytest.fixture(autouse=True)
def _cold_caches() -> None:
    """Each test parses its periods and normalises its titles itself.

    ``Period.parse``, ``normalise`` and ``numbers`` cache their results; without this, a test could
    pass on results an earlier test computed, and under mutmut (which forks each
    mutant's run from a process that already ran the suite) on results of the
    unmutated code.
    """
    _parsed.cache_clear()
    _normalise.cache_clear()
    _numbers.cache_clear()


@pytest.fixture(scope="module", params=["fast", "careful"])
def load_path(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a module's tests with the loading shortcuts on, then off (``_fast.ON``).

    The load and validate suites use it (``pytestmark``), so that each shortcut is held
    to everything the careful reader and checker are held to; the environment variable
    carries the choice to the command lines the tests start.
    """
    saved, saved_environ = _fast.ON, os.environ.get("CALAIM_TIMELINE_CAREFUL")
    _fast.ON = request.param == "fast"
    os.environ["CALAIM_TIMELINE_CAREFUL"] = "0" if _fast.ON else "1"
    yield str(request.param)
    _fast.ON = saved
    if saved_environ is None:
        del os.environ["CALAIM_TIMELINE_CAREFUL"]
    else:
        os.environ["CALAIM_TIMELINE_CAREFUL"] = saved_environ
