"""Every rendering of an edition in every format the importer reads gives the edition back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from calaim_timeline import Edition
from calaim_timeline.importers import import_table_file
from calaim_timeline.importers._html import read_html
from calaim_timeline.importers._markdown import read_markdown
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._sheets import read_csv
from calaim_timeline.importers.lists import read_list
from calaim_timeline.render.grid import GridMarkdown
from tests.conftest import COSTLY
from tests.pdfs import calendar_pdf, printable
from tests.renderings import grid_html, list_csv, list_html, list_markdown, list_xlsx
from tests.strategies import grid_editions, list_editions

READERS = {
    "md": (list_markdown, read_markdown),
    "html": (list_html, read_html),
    "csv": (list_csv, read_csv),
}


def _back(edition: Edition, got: Edition) -> Edition:
    return attrs.evolve(got, source=edition.source)


@COSTLY
@given(list_editions(), st.sampled_from(sorted(READERS)))
def test_a_list_table_imports_back_to_the_same_edition(edition: Edition, kind: str) -> None:
    """Markdown, HTML and CSV list tables read back into the edition (with --previous)."""
    write, read = READERS[kind]
    options = ImportOptions(
        edition_id=edition.id,
        as_of=edition.as_of,
        title=edition.title,
        publisher=edition.publisher,
        previous=edition,
        threshold=80.0,
    )
    got = read_list(read(write(edition), f"list.{kind}"), options)
    assert _back(edition, got) == edition


@settings(max_examples=20)
@given(list_editions())
def test_a_workbook_imports_back_to_the_same_edition(edition: Edition) -> None:
    """An Excel list table, title row above the header, reads back into the edition."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.xlsx"
        list_xlsx(edition, path)
        got = import_table_file(path, edition_id=edition.id, previous=edition)
    assert _back(edition, got) == edition


@COSTLY
@given(grid_editions(), st.integers(1, 4), st.booleans())
def test_the_grid_as_a_web_page_imports_back(edition: Edition, rows: int, split: bool) -> None:  # noqa: FBT001 - drawn by @given
    """The month grid as HTML, paginated or not, rows cut or not, reads back exactly."""
    page = grid_html(GridMarkdown(rows_per_page=rows, split=split)(edition))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calendar.html"
        path.write_text(page, encoding="utf-8")
        got = import_table_file(path, edition_id=edition.id, previous=edition)
    assert _back(edition, got) == edition


@settings(max_examples=25, deadline=None)
@given(
    grid_editions(short=True).map(printable),
    st.sampled_from([None, 1, 3]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_the_grid_as_a_pdf_imports_back(
    edition: Edition,
    rows: int | None,
    cut: bool,  # noqa: FBT001 - drawn by @given
    foot_rule: bool,  # noqa: FBT001 - drawn by @given
    repeat_header: bool,  # noqa: FBT001 - drawn by @given
) -> None:
    """The month grid drawn as the published PDF reads back exactly.

    Paginated, its rows cut at the page breaks wherever they fall, with or without a
    rule at the foot of the page, its header rows repeated on every page or not.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calendar.pdf"
        calendar_pdf(
            edition,
            path,
            rows_per_table=rows,
            cut=cut,
            foot_rule=foot_rule,
            repeat_header=repeat_header,
        )
        got = import_table_file(path, edition_id=edition.id, previous=edition)
    assert _back(edition, got) == edition
