"""The package as a type checker sees it: what it exports is typed, what it does not is an error.

A user's module that imports only top-level names and dispatches on every change record
with ``assert_never`` passes ``mypy --strict``; importing a name the package does not
export fails type checking, as it fails at run time.
"""

from __future__ import annotations

from pathlib import Path

from mypy import api

USER_MODULE = """\
from typing import assert_never

from calaim_timeline import (
    Archive, Change, FootnoteAdded, FootnoteChanged, FootnoteDropped, History,
    InitiativeAdded, InitiativeDropped, InitiativeEdited, InitiativeRecategorized,
    InitiativeRenamed, MilestoneAdded, MilestoneDropped, MilestoneEdited, MilestoneMoved,
    MilestoneRekinded, MilestoneRetitled, MilestoneShifted, WindowChanged, __version__, diff,
)


def words(change: Change) -> str:
    match change:
        case MilestoneShifted() | MilestoneRetitled() | MilestoneRekinded() | MilestoneMoved():
            return change.new.milestone.title
        case MilestoneEdited():
            return change.field
        case MilestoneAdded() | MilestoneDropped():
            return change.item.title
        case InitiativeAdded() | InitiativeDropped():
            return change.item.name
        case InitiativeRenamed() | InitiativeRecategorized() | InitiativeEdited():
            return change.new.name
        case FootnoteAdded() | FootnoteDropped():
            return change.note.text
        case FootnoteChanged():
            return change.new.text
        case WindowChanged():
            return str(change.new)
        case _:
            assert_never(change)


archive = Archive.bundled()
found = [words(c) for c in diff(archive["2021-01"], archive["2021-11"])]
story: type[History] = History
version: str = __version__
"""


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
