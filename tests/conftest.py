"""Shared test settings: Hypothesis profiles, paths to the project's data, a cold parse cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from calaim_timeline.match import _normalise
from calaim_timeline.period import _parse

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
DOCS = ROOT / "docs"
DATA = Path(__file__).resolve().parent / "data"

settings.register_profile(
    "default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI (which sets CI=true) explores more examples; HYPOTHESIS_PROFILE overrides both.
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(autouse=True)
def _cold_caches() -> None:
    """Each test parses its periods and normalises its titles itself.

    ``Period.parse`` and ``normalise`` cache their results; without this, a test could
    pass on results an earlier test computed, and under mutmut (which forks each
    mutant's run from a process that already ran the suite) on results of the
    unmutated code.
    """
    _parse.cache_clear()
    _normalise.cache_clear()
