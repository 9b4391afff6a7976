"""PDFs as other producers write them: a word processor, a browser, any line breaks."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import attrs
import pdfplumber
import pytest

from calaim_timeline import Archive, Edition, load
from calaim_timeline.importers import _pdf, _pdf_text, import_table_file
from calaim_timeline.importers._document import Place, Run, Style, joined, plain
from calaim_timeline.importers.files import read_document
from tests.pdfs import calendar_pdf

PDFS = Path(__file__).parents[1] / "data" / "pdfs"
SOURCE = Path(__file__).parents[2] / "sources" / "2021-11_calaim-milestones-calendar.md"
NOVEMBER = Archive.bundled()["2021-11"]
PRODUCED = [
    "libreoffice-cut",
    "libreoffice-names",
    "libreoffice-whole",
    "chromium-cut",
    "chromium-names",
    "chromium-whole",
    "chromium-plain",
]


def _aside(edition: Edition) -> Edition:
    return attrs.evolve(edition, source=NOVEMBER.source)


@pytest.mark.parametrize("name", PRODUCED)
def test_a_pdf_from_a_word_processor_or_a_browser_imports_as_its_edition(name: str) -> None:
    """LibreOffice's export of a .docx and Chromium's print of a web page import exactly.

    With the edition before as lineage, the import is the bundled edition itself.
    """
    path = PDFS / f"{name}.pdf"
    assert _aside(import_table_file(path, edition_id="2021-11", previous=NOVEMBER)) == NOVEMBER


@pytest.mark.parametrize("name", ["libreoffice-names", "chromium-names"])
def test_without_lineage_a_produced_pdf_imports_as_the_markdown_does(name: str) -> None:
    """With no edition before, the PDF's import is the calendar's markdown's, ids and all."""
    fresh = import_table_file(PDFS / f"{name}.pdf", edition_id="2021-11")
    assert _aside(fresh) == _aside(import_table_file(SOURCE, edition_id="2021-11"))


def _first_rows(name: str) -> list[tuple[str, bool]]:
    """Each later page's first row under its header rows, and whether it goes on.

    Its name, and whether it goes on with the row the page before ended with (pages with
    no table aside).
    """
    with pdfplumber.open(PDFS / f"{name}.pdf") as pdf:
        widths: dict[tuple[int, int], int] = {}
        pages = [_pdf._page(page, n, widths) for n, page in enumerate(pdf.pages, start=1)]  # noqa: SLF001
    tables = [page[0] for page in pages if page[0]]
    found = []
    for before, after in itertools.pairwise(tables):
        row = after[0].rows[_pdf._header_rows(after[0].rows)]  # noqa: SLF001
        goes_on = _pdf._continues(before[-1], row, dashes=True)  # noqa: SLF001
        found.append((row.cells[0].text, goes_on))
    return found


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("libreoffice-cut", [("", True), ("", True)]),
        ("libreoffice-names", [("", True), ("Improvements", True)]),
        (
            "libreoffice-whole",
            [
                ("Benefits Standardization", False),
                (
                    "Drug Medi-Cal Organized Delivery System (DMC-ODS) Renewal and Policy Improvements",
                    False,
                ),
                (
                    "Providing Access and Supporting Health (PATH) Funds (ECM, Community Supports, Justice-Involved)",
                    False,
                ),
            ],
        ),
        ("chromium-cut", [("", True), ("Dental (new benefits and P4P)", False)]),
        ("chromium-names", [("", True), ("ends)", True)]),
        (
            "chromium-whole",
            [("Mandatory Managed Care Enrollment", False), ("County CCS Oversight", False)],
        ),
    ],
)
def test_the_fixtures_hold_the_cases_they_are_for(name: str, rows: list[tuple[str, bool]]) -> None:
    """The committed PDFs cut rows inside a cell and inside a name, or keep them whole.

    Cut under the rule both producers draw at the page's foot (the rest of the name
    first under the repeated header rows): each page's first row, and whether it goes on
    with the page before's.
    """
    assert _first_rows(name) == rows


def test_the_browser_draws_its_bullets_as_shapes_and_repeats_a_header_and_footer() -> None:
    """Chromium's list markers are shapes; its running header and footer read as nothing.

    The markers are circles with no character; the header and footer (date, title,
    address, "1/3") are on every page.
    """
    with pdfplumber.open(PDFS / "chromium-cut.pdf") as pdf:
        page = pdf.pages[0]
        assert [c for c in page.chars if c["text"] in {"•", "◦", "\uf0b7"}] == []
        assert len(page.curves) >= 10
        footer = [c["text"] for c in page.chars if float(c["top"]) > float(page.height) - 30]
        assert "".join(footer).endswith("1/3")
    document = read_document(PDFS / "chromium-cut.pdf")
    assert [t.text for t in document.texts if "file:" in t.text or "/3" in t.text] == []


def test_a_word_processors_footnotes_are_numbers_at_full_size_under_a_short_rule() -> None:
    """A full-size number starts a footnote in a word processor's footnote area.

    LibreOffice writes it so under a short rule; it reads as the footnote's number, the
    text after it as the note.
    """
    with pdfplumber.open(PDFS / "libreoffice-cut.pdf") as pdf:
        first = [c for c in pdf.pages[0].chars if c["text"] == "R" and float(c["top"]) > 480]
        assert {round(float(c["size"]), 1) for c in first} == {8.0}
    document = read_document(PDFS / "libreoffice-cut.pdf")
    note = next(t for t in document.texts if t.text.startswith("RFP timeline"))
    assert note.runs[0] == Run("4", Style.RAISED)


def _glyphs(
    text: str, *, x: float = 10.0, top: float = 0.0, size: float = 8.0
) -> list[_pdf_text.Glyph]:
    """The characters of ``text`` on a line, each half as wide as it is high."""
    width = size / 2
    return [
        _pdf_text.Glyph(char, x + k * width, x + (k + 1) * width, top, top + size, size)
        for k, char in enumerate(text)
    ]


def _cell(*lines: list[_pdf_text.Glyph]) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """A cell of these lines as items: level, text, and the runs' styles and texts."""
    glyphs = [g for line in lines for g in line]
    items = _pdf_text.cell_items(glyphs, Place(page=1), bullets=True)
    return [(i.level, i.text, [(r.style.value, r.text) for r in i.runs]) for i in items]


@pytest.mark.parametrize(
    ("first", "second", "text"),
    [
        ("Mandatory fee-for-", "service enrollment", "Mandatory fee-for-service enrollment"),
        ("Co-", "occurring disorders", "Co-occurring disorders"),
        ("COVID-", "19 vaccine", "COVID-19 vaccine"),
        # A hyphen written with a space after it stays, with its space.
        ("County-", "& Community-Based", "County- & Community-Based"),
        ("Pre-", "and post-release", "Pre- and post-release"),
        ("Phase 1 -", "planning", "Phase 1 - planning"),
    ],
)
def test_a_word_broken_after_a_hyphen_is_joined_back(first: str, second: str, text: str) -> None:
    """A word broken after a hyphen at the end of a line is one word again.

    That is a hyphen after a letter, the next line going on with a letter or digit; a
    dash before "&" or "and", or after a space, stays as written.
    """
    assert _cell(_glyphs("• " + first), _glyphs(second, x=18, top=10)) == [
        (1, text, [("text", text)])
    ]


def test_raised_text_is_judged_against_the_body_whatever_the_bullets_size() -> None:
    """Marks and numbers smaller than the text are raised, however big the bullet.

    A big bullet, a small mark, and a footnote number that wraps alone onto the next
    line: the mark and the number are raised, and join the milestone's text.
    """
    line = _glyphs("•", top=-6, size=14) + _glyphs("Program goes live", x=20)
    mark = _glyphs("+", x=20 + 17 * 4, top=-1, size=5)
    alone = _glyphs("12", x=20, top=9, size=5)
    assert _cell(line + mark, alone) == [
        (1, "Program goes live", [("text", "Program goes live"), ("raised", "+"), ("raised", "12")])
    ]


def test_bullets_drawn_as_shapes_start_items_and_hollow_ones_sub_items() -> None:
    """A filled circle is a milestone's bullet; a hollow one, or one further right, a sub-item's."""
    disc = _pdf_text.Glyph("•", 10, 12, 3, 5, 2, shape=True)
    circle = _pdf_text.Glyph("○", 20, 22, 13, 15, 2, shape=True)
    further = _pdf_text.Glyph("•", 20, 22, 23, 25, 2, shape=True)
    assert _cell(
        [disc, *_glyphs("Plan", x=16)],
        [circle, *_glyphs("Sub", x=26, top=10)],
        [further, *_glyphs("Also", x=26, top=20)],
    ) == [
        (1, "Plan", [("text", "Plan")]),
        (2, "Sub", [("text", "Sub")]),
        (2, "Also", [("text", "Also")]),
    ]


def test_lines_join_with_one_space_and_raised_text_alone_with_none() -> None:
    """Two lines of a paragraph join with a space; a line of raised text alone, with none."""
    assert plain(joined([Run("Go")], [Run("live")])) == "Go live"
    assert joined([Run("Go")], [Run("1", Style.RAISED)]) == [Run("Go"), Run("1", Style.RAISED)]


@pytest.mark.parametrize(
    "options",
    [
        {"foot_rule": True},
        {"furniture": True},
        {"foot_rule": True, "furniture": True, "rows_per_table": 5},
        {"furniture": True, "standard_fonts": True},
        {"repeat_header": False},
        {"repeat_header": False, "foot_rule": True, "cut": False},
    ],
)
def test_rules_at_the_foot_running_headers_and_page_numbers(
    tmp_path: Path, options: dict[str, Any]
) -> None:
    """Rules at the foot, running titles, page numbers, headers not repeated: read the same.

    A rule under each page's content, a running title and "Page N" on every page, a table
    whose header rows are only on its first page: the calendar still imports exactly, and
    no page number joins a footnote.
    """
    path = tmp_path / "calendar.pdf"
    calendar_pdf(NOVEMBER, path, **options)
    assert _aside(import_table_file(path, edition_id="2021-11", previous=NOVEMBER)) == NOVEMBER


def test_header_rows_cut_before_the_months_row_go_on_with_the_next_page() -> None:
    """A page ends with a table's first header rows, the next page opens with its months.

    The header rows' spanning cells show fewer columns than the months' row has: the two
    still make one table.
    """
    from calaim_timeline.importers._document import Cell, Item, Place, Run  # noqa: PLC0415
    from calaim_timeline.importers._pdf import _continued, _PageTable, _Row  # noqa: PLC0415

    def row(*texts: str) -> _Row:
        cells = [Cell((Item(0, (Run(t),), Place()),) if t else (), Place()) for t in texts]
        return _Row(cells, spanning=False)

    header = _PageTable(
        [row("Initiatives", "CalAIM Major Milestones"), row("", "Q4 2073", "Q1 2074")],
        Place(page=1, table=2),
        closed=True,
    )
    body = _PageTable(
        [row("", "November", "December", "January"), row("Dental", "--", "--", "--")],
        Place(page=2, table=1),
        closed=True,
    )
    assert [len(t.rows) for t in _continued([header, body])] == [4]


def test_a_last_row_alone_on_a_page_is_still_the_tables(tmp_path: Path) -> None:
    """A category heading pushed alone onto the last page is a table of one cell.

    pdfplumber leaves out a table of one cell; one exactly as wide as the table before it
    is that table's row, and the empty category B is kept (found by a random run).
    """
    edition = load(PDFS / "lone-category.toml")
    path = tmp_path / "calendar.pdf"
    calendar_pdf(edition, path, rows_per_table=1, cut=False, foot_rule=False, repeat_header=False)
    with pdfplumber.open(path) as pdf:
        assert [page.extract_text() for page in pdf.pages][-1] == "B"
    got = import_table_file(path, edition_id=edition.id, previous=edition)
    assert attrs.evolve(got, source=edition.source) == edition
