"""The package as a type checker sees it: what it exports is typed, what it does not is an error.

A user's module that imports only top-level names and dispatches on every change record
with ``assert_never`` (the guide's own ``match``, taken from docs/guide.md) passes
``mypy --strict``; importing a name the package does not
export fails type checking, as it fails at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api

from tests.conftest import DOCS

GUIDE_MATCH = next(
    block
    for block in re.findall(
        r"```python\n(.*?)```", (DOCS / "guide.md").read_text(encoding="utf-8"), re.DOTALL
    )
    if "assert_never" in block
)
"""The guide's ``match`` over every change record."""

USER_MODULE = (
    GUIDE_MATCH
    + """
from calaim_timeline import (
    Archive,
    DiffDocument,
    EditionDocument,
    History,
    __version__,
    diff,
    to_dict,
)


def reason(change: Change) -> str | None:
    if change.change == "milestone-dropped":  # each record's name is its own Literal
        return change.reason.value
    return None


def about(change: Change) -> tuple[str | None, str | None, str | None]:
    return change.initiative_id, change.milestone_id, change.title  # every record has them


archive = Archive.bundled()
changes = diff(archive["2021-01"], archive["2021-11"])
found = [words(c) for c in changes]
backwards: list[Change] = [c.inverse(changes.old.edition, changes.new.edition) for c in changes]
story: type[History] = History
version: str = __version__
document: DiffDocument = changes.to_json()
for entry in document["changes"]:
    if entry["change"] == "milestone-shifted":  # the document's union narrows too
        moved: int | None = entry["months"]
snapshot: EditionDocument = to_dict(archive["2021-11"])
window: str = snapshot["window"]
"""
)


def test_a_user_module_type_checks_and_an_unexported_name_does_not(tmp_path: Path) -> None:
    """A strict mypy run passes the user's module and names the one unexported import."""
    (tmp_path / "user.py").write_text(USER_MODULE, encoding="utf-8")
    (tmp_path / "typo.py").write_text("from calaim_timeline import Histroy\n", encoding="utf-8")
    out, err, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            str(tmp_path / "user.py"),
            str(tmp_path / "typo.py"),
        ]
    )
    lines = [line.replace(str(tmp_path) + "/", "") for line in out.splitlines()]
    assert (lines, err, status) == (
        [
            (
                'typo.py:1: error: Module "calaim_timeline" has no attribute "Histroy";'
                ' maybe "History"?  [attr-defined]'
            ),
            "Found 1 error in 1 file (checked 2 source files)",
        ],
        "",
        1,
    )
