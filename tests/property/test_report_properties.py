"""What every report of a diff keeps: each change in words, the digest's folding, the rows."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given

from calaim_timeline.diffing import diff
from calaim_timeline.render import DiffMarkdown, DiffText
from calaim_timeline.render._describe import describe, review_note
from calaim_timeline.render._digest import digest, folded
from calaim_timeline.render.markdown import escape
from calaim_timeline.render.tables import diff_table
from calaim_timeline.strategies import Revision, revisions
from tests.conftest import COSTLY

WIDE = 100_000  # no wrapping: each change is one line


def _body(report: str) -> list[str]:
    return [line for line in report.splitlines() if re.match(r"  [+~-] ", line)]


@COSTLY
@given(revisions())
def test_every_change_is_printed_unless_folded_into_the_digest(revision: Revision) -> None:
    """Full reports word every change once, in order; folded ones leave out exactly those."""
    changes = diff(revision.old, revision.new)
    lines = [f"  {describe(c).symbol} {describe(c)}{review_note(changes, c)}" for c in changes]
    assert _body(DiffText(width=WIDE, full=True)(changes)) == lines
    kept = [line for line, c in zip(lines, changes, strict=True) if not folded(c)]
    assert _body(DiffText(width=WIDE)(changes)) == kept
    markdown = DiffMarkdown(full=True)(changes)
    assert all(f"- **{escape(describe(c).label)}:**" in markdown for c in changes)
    assert bool(digest(changes)) == bool(changes.changes)


@COSTLY
@given(revisions())
def test_substantive_reports_have_no_editorial_line(revision: Revision) -> None:
    """After filter(substantive=True), the digest has no Editorial point."""
    changes = diff(revision.old, revision.new).filter(substantive=True)
    assert all(point.label != "Editorial" for point in digest(changes))
    assert not any(change.editorial for change in changes)


@given(revisions())
def test_the_diff_table_has_a_row_per_change_and_reads_back(revision: Revision) -> None:
    """CSV of the diff table parses back to its rows, one per change, in report order."""
    changes = diff(revision.old, revision.new)
    table = diff_table(changes)
    rows = list(csv.reader(io.StringIO(table.csv())))
    assert rows[0] == list(table.header)
    assert [row[0] for row in rows[1:]] == [change.change for change in changes]
    assert [row[3].lstrip("'") for row in rows[1:]] == [str(describe(c)) for c in changes]
