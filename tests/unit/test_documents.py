"""The structured document each reader gives: items, runs and places, whatever the format."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from calaim_timeline import ExtraMissingError, ParseError, Period
from calaim_timeline.importers import _pdf, _pdf_lines, _pdf_text, import_table
from calaim_timeline.importers._document import Cell, Item, Place, Run, Style
from calaim_timeline.importers._html import read_html
from calaim_timeline.importers._markdown import read_markdown
from calaim_timeline.importers._sheets import read_csv, read_xlsx
from calaim_timeline.importers.files import import_table_file
from tests.unit.test_pdf_producers import _glyphs


def _shape(cell: Cell) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """A cell as its items' levels and texts, and their runs' styles and texts."""
    return [(i.level, i.text, [(r.style.value, r.text) for r in i.runs]) for i in cell.items]


def test_a_markdown_cell_is_bullets_sub_bullets_and_runs_with_their_places() -> None:
    """Bullets, a nested list, an inline mark, a raised number: each at its column."""
    row = "| <b>Dental</b> | • Dental APL* <ul><li>○ Sub<sup>2</sup></li></ul> |"
    document = read_markdown(f"| A | B |\n|---|---|\n{row}\n", "c.md")
    name, cell = document.tables[0].rows[1]
    assert (name.text, name.place) == ("Dental", Place(line=3, column=2, length=15))
    assert _shape(cell) == [
        (1, "Dental APL*", [("text", " Dental APL"), ("mark", "*"), ("text", " ")]),
        (2, "Sub", [("text", " Sub"), ("raised", "2")]),
    ]
    assert [item.place for item in cell.items] == [
        Place(line=3, column=19, length=14),
        Place(line=3, column=37, length=21),
    ]
    assert cell.items[1].runs[1].place == Place(line=3, column=46, length=12)


def test_markdown_escapes_entities_and_links_are_text_not_marks() -> None:
    r"""``\*``, ``&#43;`` and a link's label are text; a ``*`` after a word may be a mark."""
    document = read_markdown("| A | B |\n|---|---|\n| a\\* b&#43; [c](#) d* | x |\n", "c.md")
    assert _shape(document.tables[0].rows[1][0]) == [
        (0, "a* b+ c d*", [("text", " a* b+ c d"), ("mark", "*"), ("text", " ")])
    ]


def test_a_web_page_reads_cells_outside_rows_references_and_raised_text() -> None:
    """A cell before any row starts one; a reference in a <sup> is raised text."""
    page = "<table><td>x</td><tr><td>• A<sup>&#43;1</sup> ○ B&amp;C</td></tr></table></table>"
    rows = read_html(page, "c.html").tables[0].rows
    assert [[_shape(cell) for cell in row] for row in rows] == [
        [[(0, "x", [("text", "x")])]],
        [
            [
                (1, "A", [("text", " A"), ("raised", "+1"), ("text", " ")]),
                (2, "B&C", [("text", " B&C")]),
            ]
        ],
    ]


def test_a_web_page_list_closed_twice_names_its_line() -> None:
    """A </ul> with no <ul> is an error at its line."""
    with pytest.raises(ParseError, match=r"^c\.html:2: </ul> without an opening <ul>$"):
        read_html("<table><tr><td>• A\n</ul></td></tr></table>", "c.html")


def test_a_spreadsheet_cell_is_one_item_of_plain_text() -> None:
    """CSV text is text: no bullets, no marks, spaces collapsed; empty cells hold nothing."""
    document = read_csv("Policy,Due\n• ECM*  +,\n", "g.csv")
    first, second = document.tables[0].rows[1]
    assert (_shape(first), second.items, first.place) == (
        [(0, "• ECM* +", [("text", "• ECM* +")])],
        (),
        Place(row=2),
    )


def test_reading_a_workbook_needs_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the xlsx extra, importing a workbook says which extra to install."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ExtraMissingError, match=r"^reading \.xlsx needs openpyxl: pip install"):
        read_xlsx(tmp_path / "list.xlsx")


def test_a_workbook_whose_sheet_is_cut_off_is_our_error(tmp_path: Path) -> None:
    """A sheet openpyxl can open but not read to its end: an error naming the file."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Policy", "Due", "When"])
    sheet.append(["ECM", "2022", "2022-01-01 09:30"])
    buffer = io.BytesIO()
    book.save(buffer)
    damaged = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            cut = info.filename == "xl/worksheets/sheet1.xml"
            target.writestr(info, data[: len(data) // 2] if cut else data)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(damaged.getvalue())
    with pytest.raises(ParseError, match=r"cut\.xlsx: a sheet of the workbook cannot be read \("):
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")


def test_a_footnote_number_too_large_under_the_table_is_refused() -> None:
    """A footnote paragraph whose number has more digits than any footnote may."""
    table = (
        "## Calendar as of November 2021\n\n| Initiatives | Milestones | |\n|---|---|---|\n"
        "| | Q4 2021 | |\n| | November | December |\n| Dental | • APL | -- |\n\n"
        "<sup>12345678901</sup> A note.\n"
    )
    with pytest.raises(ParseError) as raised:
        import_table(table, edition_id="x", source="c.md")
    assert raised.value.lines() == (
        "c.md:9:1: footnote number 12345678901… is too large: at most 999,999",
    )


def test_a_pdf_table_with_no_months_row_has_no_header_rows() -> None:
    """Rows none of which names months: the table's body starts at its first row."""
    row = _pdf._Row([Cell((Item(0, (Run("Dental"),), Place()),), Place())], spanning=False)  # noqa: SLF001
    assert _pdf._header_rows([row]) == 0  # noqa: SLF001


def test_a_footnote_ends_where_a_line_far_below_it_starts() -> None:
    """Under the tables, a footnote goes on only with the lines right under it."""
    note = _glyphs("1", size=5) + _glyphs("A note", x=14)
    far = _glyphs("Unrelated words", top=40)
    items = _pdf_lines.texts([note, far], 1, float("inf"))
    assert [(i.text, [r.style for r in i.runs]) for i in items] == [
        ("A note", [Style.RAISED, Style.TEXT]),
        ("Unrelated words", [Style.TEXT]),
    ]


def test_runs_are_trimmed_of_spaces_at_both_ends() -> None:
    """Space runs at either end go; raised runs at either end stay."""
    runs = [Run(" "), Run("  a "), Run("1", Style.RAISED)]
    assert _pdf_text.trimmed(runs) == [Run("a "), Run("1", Style.RAISED)]


def test_a_letter_that_can_be_a_bullet_counts_as_body_text() -> None:
    """A footnote whose text is "o" (a hollow bullet when alone before a word) is raised "1", "o"."""
    note = _glyphs("1", size=5) + _glyphs("o", x=14, size=6.5)
    items = _pdf_lines.texts([note], 1, float("inf"))
    assert [[(r.style, r.text) for r in i.runs] for i in items] == [
        [(Style.RAISED, "1"), (Style.TEXT, " o")]
    ]


def test_a_workbook_that_needs_a_newer_zip_is_our_error(tmp_path: Path) -> None:
    """A workbook whose zip says it needs version 6.4 to extract: our error, not a crash."""
    book = Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    header = data.index(b"PK\x01\x02")  # the first entry of the central directory
    data[header + 6 : header + 8] = (64).to_bytes(2, "little")  # version needed: 6.4
    path = tmp_path / "new.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(ParseError, match=r"new\.xlsx: not a readable Excel workbook \("):
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")


def test_raised_text_longer_than_the_title_it_stands_by_is_still_raised() -> None:
    """A one-letter title with "^39,2" raised after it: the marks are raised, not text."""
    line = _glyphs("• å") + _glyphs("^39,2", x=22, top=-1, size=5)
    items = _pdf_text.cell_items(line, Place(page=1), bullets=True)
    assert [[(r.style, r.text) for r in i.runs] for i in items] == [
        [(Style.TEXT, "å"), (Style.RAISED, "^39,2")]
    ]


@pytest.mark.parametrize("paragraph", ["<ul><li></li></ul>", "<ul><li>as of May 2022</li></ul>"])
def test_a_paragraph_that_is_an_empty_or_listed_item_is_read(paragraph: str) -> None:
    """A list item with nothing in it, outside the tables, is no footnote and no crash."""
    table = (
        f"## Calendar as of May 2022\n\n{paragraph}\n\n| I | M | |\n|---|---|---|\n"
        "| | Q2 2022 | |\n| | May | June |\n| Dental | • APL | -- |\n"
    )
    edition = import_table(table, edition_id="x", source="c.md")
    assert ([m.title for _, m in edition.milestones], edition.footnotes) == (["APL"], ())
