"""Shared test settings: Hypothesis profiles and paths to the project's data."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

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
