"""Every example and picture in docs/ is exactly what its command makes today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_examples", ROOT / "scripts/make_examples.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_examples"] = module
    spec.loader.exec_module(module)
    return module


def test_the_documented_examples_and_pictures_are_what_the_commands_make() -> None:
    """Regenerate with: python scripts/make_examples.py (docs/reports.md says so)."""
    script = _script()
    made = script.build()
    assert sorted(made) == sorted([*script.EXAMPLES, *script.example_series()])
    stale = [name for name, content in made.items() if (ROOT / name).read_bytes() != content]
    assert stale == [], "run: python scripts/make_examples.py"


def test_the_reports_page_shows_every_picture() -> None:
    """docs/reports.md links each example file and draws each picture."""
    page = (ROOT / "docs/reports.md").read_text(encoding="utf-8")
    for name in _script().EXAMPLES:
        assert name.removeprefix("docs/") in page, name
