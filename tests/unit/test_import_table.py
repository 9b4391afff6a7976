from __future__ import annotations

import re

import pytest

from calaim_timeline import Archive, Edition, ParseError, diff, dumps
from calaim_timeline.diffing import InitiativeRenamed
from calaim_timeline.importers import import_table
from tests.conftest import ROOT, SOURCES

SOURCE = "sources/2021-11_calaim-milestones-calendar.md"
TEXT = (SOURCES / "2021-11_calaim-milestones-calendar.md").read_text(encoding="utf-8")
NOVEMBER = Archive.bundled()["2021-11"]


def _import(text: str) -> Edition:
    return import_table(text, edition_id="2021-11", source=SOURCE, previous=NOVEMBER)


def _pages(text: str) -> list[str]:
    """The source cut at each '## ' heading: page 0 is the context page."""
    return re.split(r"(?m)^(?=## )", text)[1:]


def _table_rows(page: str) -> tuple[list[str], list[str], list[str]]:
    """A page's header rows, data rows and other lines (footnotes, prose)."""
    lines = page.splitlines()
    table = [line for line in lines if line.startswith("|")]
    others = [line for line in lines if not line.startswith("|") and not line.startswith("## ")]
    return table[:4], table[4:], others


def test_the_bundled_snapshot_is_what_the_importer_writes() -> None:
    """import-table SOURCE --previous 2021-11 writes snapshots/2021-11.toml exactly."""
    assert dumps(_import(TEXT)) == (ROOT / "snapshots" / "2021-11.toml").read_text(encoding="utf-8")


def test_reimported_against_january_the_ilos_rename_is_found_with_no_alias() -> None:
    """The source alone, imported against 2021-01, gives the ILOS → Community Supports rename.

    No snapshot names an alias: the importer and the diff see that "Enhanced Care
    Management (ECM) and In Lieu of Services (ILOS)" became "Enhanced Care Management
    (ECM)/ Community Supports (ILOS)" from the acronyms the two names share. The edition
    is the bundled one up to the id the importer keeps for the renamed initiative.
    """
    january = Archive.bundled()["2021-01"]
    reimported = import_table(TEXT, edition_id="2021-11", source=SOURCE, previous=january)
    assert [i.aliases for i in (*january.initiatives, *reimported.initiatives) if i.aliases] == []
    renames = [c for c in diff(january, reimported) if isinstance(c, InitiativeRenamed)]
    assert [(r.old.name, r.new.name) for r in renames] == [
        (
            "Enhanced Care Management (ECM) and In Lieu of Services (ILOS)",
            "Enhanced Care Management (ECM)/ Community Supports (ILOS)",
        )
    ]
    assert len(diff(NOVEMBER, reimported)) == 0
    assert len(diff(january, reimported)) == len(diff(january, NOVEMBER)) == 108


def test_without_a_previous_edition_ids_are_slugs() -> None:
    """A first import gets readable, unique slugs; the content is the same."""
    fresh = import_table(TEXT, edition_id="2021-11", source=SOURCE)
    assert [c.id for c in fresh.categories] == [
        "population-health-initiatives",
        "managed-care-initiatives",
        "behavioral-health-initiatives",
        "long-term-care-ltc-managed-long",
        "county-initiatives",
        "other-initiatives",
    ]
    assert [m.id for _, m in fresh.milestones][:4] == [
        "current-waiver-ends-target-approval-by",
        "1115-demonstration-and-1915-b-waiver",
        "final-managed-care-plan-mcp-request",
        "rfp-for-phm-service-vendor-released",
    ]
    assert [(m.title, m.when, m.kind, m.sub_items, m.footnotes) for _, m in fresh.milestones] == [
        (m.title, m.when, m.kind, m.sub_items, m.footnotes) for _, m in NOVEMBER.milestones
    ]


def test_reimporting_keeps_ids_and_a_retitled_milestone_keeps_its_lineage() -> None:
    """Against the previous edition, a reworded bullet keeps its id and lineage."""
    reworded = TEXT.replace(
        "MCPs send ECM New Benefit Notice*", "MCPs send the ECM New Benefit Notice*"
    )
    edition = _import(reworded)
    notice = next(
        m for _, m in edition.milestones if m.title == "MCPs send the ECM New Benefit Notice"
    )
    assert (notice.id, notice.lineage) == ("ecm-new-benefit-notice", "ecm-new-benefit-notice")


def test_one_table_without_page_breaks() -> None:
    """All rows in one table, continuation rows included, import the same."""
    pages = _pages(TEXT)
    header = _table_rows(pages[1])[0]
    rows = [row for page in pages[1:] for row in _table_rows(page)[1]]
    notes = [line for page in pages for line in _table_rows(page)[2] if line.startswith("<sup>")]
    merged = "\n".join([pages[0].splitlines()[0], "", *header, *rows, "", *notes]) + "\n"
    assert _import(merged) == NOVEMBER


@pytest.mark.parametrize("size", [2, 3, 5, 7])
def test_page_breaks_moved(size: int) -> None:
    """The same rows paginated every few rows, headers repeated, import the same."""
    pages = _pages(TEXT)
    heading = pages[0].splitlines()[0]
    header = _table_rows(pages[1])[0]
    rows = [row for page in pages[1:] for row in _table_rows(page)[1]]
    notes = [line for page in pages for line in _table_rows(page)[2] if line.startswith("<sup>")]
    text = "".join(
        "\n".join([heading, "", *header, *rows[k : k + size], "", ""])
        for k in range(0, len(rows), size)
    )
    assert _import(text + "\n".join(notes) + "\n") == NOVEMBER


def test_marks_written_inline_instead_of_in_sup() -> None:
    """Kind marks outside <sup> (before or after footnote numbers) read the same."""
    inline = re.sub(
        r"<sup>([*^+])((?:\d+,?)*)</sup>",
        lambda m: m.group(1) + (f"<sup>{m.group(2)}</sup>" if m.group(2) else ""),
        TEXT,
    )
    assert "date+ (January 1)" in inline
    assert _import(inline) == NOVEMBER


@pytest.mark.parametrize("page", range(1, 9))
def test_each_page_alone(page: int) -> None:
    """A single page imports its own rows, or names the continuation row it cannot place."""
    text = _pages(TEXT)[page]
    first_row = _table_rows(text)[1][0]
    if first_row.replace(" ", "").startswith("||"):
        with pytest.raises(ParseError, match="a continuation row with no initiative row before it"):
            import_table(text, edition_id="p", source="page.md")
        return
    edition = import_table(text, edition_id="p", source="page.md")
    whole = {(m.title, m.when, m.kind) for _, m in NOVEMBER.milestones}
    for _, milestone in edition.milestones:
        # A bullet the page break cut is its first part, unmarked; the rest are whole.
        assert (milestone.title, milestone.when, milestone.kind) in whole or any(
            title.startswith(milestone.title) and when == milestone.when for title, when, _ in whole
        )
    assert {i.name for i in edition.initiatives} <= {i.name for i in NOVEMBER.initiatives}


def test_the_pages_that_start_with_a_continuation_row() -> None:
    """Table pages 3, 7 and 8 begin with the rest of the row before the break."""
    starts = [
        p
        for p in range(1, 9)
        if _table_rows(_pages(TEXT)[p])[1][0].replace(" ", "").startswith("||")
    ]
    assert starts == [3, 7, 8]


MINIMAL = """\
## Calendar as of November 2021

| Initiatives <sup>2</sup> | CalAIM Major Milestones | |
|---|---|---|
| | Q4 2021 | |
| | November | December |
| <b>Dental</b> | • Dental APL* | -- |

<sup>2</sup> A note.
"""
ROW = "| <b>Dental</b> | • Dental APL* | -- |"


def test_the_minimal_document() -> None:
    """One initiative, one bullet: the smallest calendar the importer reads."""
    edition = import_table(MINIMAL, edition_id="x", source="c.md")
    assert [(i.id, [(m.id, m.title, str(m.when), m.kind.value if m.kind else None) for m in i.milestones]) for i in edition.initiatives] == [
        ("dental", [("dental-apl", "Dental APL", "2021-11", "document-release")])
    ]  # fmt: skip
    assert (str(edition.window), edition.footnotes[0].text) == ("2021-11/2021-12", "A note.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A row with a cell missing.
        (MINIMAL.replace(ROW, "| <b>Dental</b> | • Dental APL* |"), "c.md:7: the row has 2 cells; the table has 3 columns"),
        # A table without its month header row.
        (MINIMAL.replace("| | November | December |\n", ""), "c.md:6: the table starting on line 3 has no month header row"),
        # The file ends in the middle of a row.
        (MINIMAL[: MINIMAL.index("APL*")], "c.md:7:27: the table row is cut short: it has no closing '|'"),
        # A <ul> that is never closed.
        (MINIMAL.replace(ROW, "| <b>Dental</b> | <ul><li>• Dental APL</li> | -- |"), "c.md:7:44: a <ul> list is not closed (is the row cut short?)"),
        # A mark the key does not define.
        (MINIMAL.replace("APL*", "APL<sup>#</sup>"), "c.md:7:31: unknown raised mark '#': expected *, ^, + or footnote numbers"),
        # A continuation row with no row above it.
        (MINIMAL.replace(ROW, "| | • Dental APL* | -- |"), "c.md:7: a continuation row with no initiative row before it"),
        # A footnote number with no footnote text.
        (MINIMAL.replace("APL*", "APL<sup>7</sup>"), "c.md:7: footnote 7 is referenced but not defined under any table"),
        # No heading to take the title and as-of month from.
        (MINIMAL.replace("## Calendar as of November 2021\n", ""), "c.md: no '## … as of <Month> <Year>' heading found: add one, or give a title"),
        # A heading that does not say as of when.
        (MINIMAL.replace("as of November 2021", "(draft)"), "c.md: the heading does not say which month the edition is as of: 'Calendar (draft)'; add 'as of <Month> <Year>' to it, or give the month (--as-of YYYY-MM)"),
        # Two texts for one footnote number.
        (MINIMAL + "\n<sup>2</sup> Again.\n", "c.md:11: footnote 2 is defined twice (also on line 9)"),
        # A gap in the month columns.
        (MINIMAL.replace("| | November | December |", "| | November | January |"), "c.md:6: the months skip from 2021-11 to 2022-01"),
        # No quarter row to take the years from.
        (MINIMAL.replace("| | Q4 2021 | |\n", ""), "c.md:5: the month header row has no quarter row (Q4 2021 …) above it for the years"),
        # Html the layout does not use.
        (MINIMAL.replace("• Dental APL*", "<table>Dental APL</table>"), "c.md:7:19: unknown markup '<table>' (write &lt; for a '<' that is text)"),
        # A sub-bullet with no bullet above it.
        (MINIMAL.replace("• Dental APL*", "○ Members"), "c.md:7:19: a sub-bullet with no bullet before it in this column: 'Members'"),
        # Two different kind marks on one bullet.
        (MINIMAL.replace("APL*", "APL*<sup>+</sup>"), "c.md:7:19: more than one kind mark (+ *) on 'Dental APL'"),
        # A kind mark on an initiative's name.
        (MINIMAL.replace("<b>Dental</b>", "<b>Dental+</b>"), "c.md:7:2: an initiative name with a kind mark: 'Dental'"),
        # Text after the list in a cell.
        (MINIMAL.replace("• Dental APL*", "<ul><li>• Dental APL</li></ul> stray"), "c.md:7:49: text outside a list item: 'stray'"),
        # A misspelt month.
        (MINIMAL.replace("| | November | December |", "| | November | Decembre |"), "c.md:6: 'Decembre' is not a month"),
        # An empty document.
        ("", "c.md: no '## … as of <Month> <Year>' heading found: add one, or give a title"),
        # A document with no table.
        ("## Calendar as of November 2021\n\nNo table here.\n", "c.md: no calendar table with a month header row found"),
        # A bullet that is only a mark.
        (MINIMAL.replace("• Dental APL*", "• <sup>*</sup>"), "c.md:7:19: a bullet with no text, only '*'"),
        # A closing </ul> with no opening one.
        (MINIMAL.replace("• Dental APL*", "</ul>"), "c.md:7:19: </ul> without an opening <ul>"),
        # A second page with other months.
        (MINIMAL + "\n| Initiatives | x | |\n|---|---|---|\n| | Q1 2022 | |\n| | January | February |\n| <b>B</b> | • b | -- |\n", "c.md:14: this table's months differ from the first table's"),
    ],
)  # fmt: skip
def test_malformed_tables_fail_with_the_place_and_the_reason(text: str, message: str) -> None:
    """Each malformed table raises ParseError naming the file, line, column and problem."""
    with pytest.raises(ParseError) as raised:
        import_table(text, edition_id="x", source="c.md")
    assert raised.value.lines() == (message,)


def test_a_parse_error_shows_the_line_with_a_marker() -> None:
    """The full message quotes the bad line and marks the bad span."""
    with pytest.raises(ParseError) as raised:
        import_table(MINIMAL.replace("APL*", "APL<sup>#</sup>"), edition_id="x", source="c.md")
    assert str(raised.value) == (
        "c.md:7:31: unknown raised mark '#': expected *, ^, + or footnote numbers\n"
        "    | <b>Dental</b> | • Dental APL<sup>#</sup> | -- |\n"
        "                                  ^^^^^^^^^^^^"
    )


def test_layouts_that_are_read_the_same() -> None:
    """Empty rows, bold cells, stray <sup> text and a page without quarters read the same."""
    variant = (
        MINIMAL.replace(ROW, "| | | |\n" + ROW.replace("• Dental APL*", "<b>• Dental APL*</b>"))
        + "\n<sup>see</sup> not a footnote\n\n## Calendar as of November 2021\n\n"
        "| Initiatives | x | |\n|---|---|---|\n| | November | December |\n| | | |\n"
    )
    same = import_table(variant, edition_id="x", source="c.md")
    assert same == import_table(MINIMAL, edition_id="x", source="c.md")


def test_an_unreadable_initiative_name_is_reported() -> None:
    """A bad mark in an initiative's name cell is reported at its place."""
    with pytest.raises(ParseError) as raised:
        import_table(
            MINIMAL.replace("<b>Dental</b>", "<b>Dental</b><sup>x</sup>"),
            edition_id="x",
            source="c.md",
        )
    assert raised.value.lines() == (
        "c.md:7:16: unknown raised mark 'x': expected *, ^, + or footnote numbers",
    )
