from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import Edition
from calaim_timeline.importers import import_table
from calaim_timeline.render.grid import GridMarkdown
from tests.conftest import COSTLY
from tests.strategies import grid_editions


def _reimported(edition: Edition, grid: GridMarkdown) -> Edition:
    text = grid(edition)
    return import_table(
        text, edition_id=edition.id, source=edition.source.document, previous=edition
    )


@given(grid_editions())
def test_a_single_table_imports_back_to_the_same_edition(edition: Edition) -> None:
    """Importing the one-table grid of an edition gives the edition back."""
    assert _reimported(edition, GridMarkdown()) == edition


@COSTLY
@given(grid_editions(), st.integers(1, 4))
def test_pages_with_rows_cut_across_them_import_back(edition: Edition, rows: int) -> None:
    """Paginated, with the last row of each page cut and carried over, it still imports back."""
    assert _reimported(edition, GridMarkdown(rows_per_page=rows, split=True)) == edition
    assert _reimported(edition, GridMarkdown(rows_per_page=rows)) == edition


@given(grid_editions())
def test_without_the_previous_edition_only_ids_differ(edition: Edition) -> None:
    """Without --previous the content is the same; ids are slugs of the titles."""
    fresh = import_table(GridMarkdown()(edition), edition_id=edition.id, source="calendar.md")
    assert [(m.title, m.when, m.kind, m.sub_items) for _, m in fresh.milestones] == [
        (m.title, m.when, m.kind, m.sub_items) for _, m in edition.milestones
    ]
    assert [m.id for _, m in fresh.milestones] == [m.lineage for _, m in fresh.milestones]
