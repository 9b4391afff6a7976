"""Importing what users have: the published PDF, and go-live tables of every format."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from openpyxl import Workbook

from calaim_timeline import (
    Archive,
    Edition,
    ExtraMissingError,
    MilestoneKind,
    ParseError,
    Period,
    Status,
    load,
)
from calaim_timeline.diffing import diff
from calaim_timeline.importers import import_table_file
from calaim_timeline.importers._dates import HINT
from tests.cli.test_cli import run, wrote
from tests.pdfs import calendar_pdf

NOVEMBER = Archive.bundled()["2021-11"]
JANUARY = Archive.bundled()["2021-01"]

GO_LIVE_2022_01 = """<html><head><title>CalAIM</title></head><body>
<h1>CalAIM Initiatives Launch Timeline</h1>
<p>Updated dates as of January 2022.</p>
<table>
<tr><th>Policy</th><th>Go-Live Date</th></tr>
<tr><td>ECM</td><td>January 2022</td></tr>
<tr><td>Community Supports</td><td>January 2022</td></tr>
<tr><td>Specialty Mental Health Services Criteria</td><td>January 2022</td></tr>
<tr><td>DMC-ODS Renewal</td><td>Q3 2023</td></tr>
<tr><td>Dental benefits</td><td>mid to late February</td></tr>
<tr><td>Population Health Management</td>
    <td>no sooner than April 1, 2024, and no later than March 31, 2026</td></tr>
</table></body></html>
"""
GO_LIVE_2022_07 = """<html><body>
<h1>CalAIM Initiatives Launch Timeline</h1>
<p>Updated dates as of July 2022.</p>
<table>
<tr><th>Policy</th><th>Go-Live Date</th></tr>
<tr><td>Enhanced Care Management (ECM)</td><td>January 2022 - LIVE!</td></tr>
<tr><td>Community Supports</td><td>January 2022 - LIVE!</td></tr>
<tr><td>Specialty Mental Health Services (SMHS) Criteria</td><td>January 2022 - LIVE!</td></tr>
<tr><td>DMC-ODS Renewal</td><td>Q3 2023</td></tr>
<tr><td>Population Health Management</td>
    <td>no sooner than April 1, 2024, and no later than March 31, 2026</td></tr>
<tr><td>Justice-Involved Initiative</td><td>April 2023</td></tr>
</table></body></html>
"""


@pytest.mark.parametrize(
    ("rows", "cut", "standard"),
    [
        (None, True, False),
        (None, False, False),
        (2, True, False),
        (5, True, False),
        (7, True, False),
        (9, False, False),
        (None, True, True),
        (4, True, True),
    ],
)
def test_the_bundled_november_pdf_imports_as_the_bundled_edition(
    tmp_path: Path, rows: int | None, *, cut: bool, standard: bool
) -> None:
    """The November 2021 edition drawn as the published PDF imports back exactly.

    One ruled table the page breaks cut (headers repeated, rows and names carried over),
    or tables of a few rows with their footnotes under each; superscript marks and
    footnote numbers; bullets and hollow sub-bullets, as characters (DejaVu) or as glyph
    codes and dingbats (the standard Helvetica).
    """
    path = tmp_path / "calaim-milestones-calendar-2021-11.pdf"
    calendar_pdf(NOVEMBER, path, rows_per_table=rows, cut=cut, standard_fonts=standard)
    imported = import_table_file(path, edition_id="2021-11", previous=NOVEMBER)
    assert imported.source.document == str(path)
    assert attrs.evolve(imported, source=NOVEMBER.source) == NOVEMBER


def test_from_the_downloaded_pdf_to_the_diff_in_two_commands(tmp_path: Path) -> None:
    """import-table the PDF against the January edition, then diff: the bundled diff."""
    pdf = tmp_path / "calendar.pdf"
    calendar_pdf(NOVEMBER, pdf)
    target = tmp_path / "2021-11.toml"
    code, out = wrote(
        "import-table", str(pdf), "--id", "2021-11", "--previous", "2021-01", "-o", str(target)
    )
    assert code == 0
    assert out.splitlines()[:2] == [
        f"wrote {target}: edition 2021-11 as of 2021-11, window 2021-11/2022-03",
        "  6 categories, 18 initiatives, 56 milestones, 15 footnotes, 7 excluded initiatives",
    ]
    imported = load(target)
    source = Path("sources/2021-11_calaim-milestones-calendar.md")
    from_markdown = import_table_file(source, edition_id="2021-11", previous=JANUARY)
    assert attrs.evolve(imported, source=from_markdown.source) == from_markdown
    code, out = run("diff", "2021-01", str(target))
    assert (code, out.splitlines()[0]) == (0, "2021-01 → 2021-11: 108 changes")

    def changed(edition: Edition) -> list[tuple[str, str | None]]:
        return [(c.change, c.title if c.milestone_id else None) for c in diff(JANUARY, edition)]

    assert changed(imported) == changed(NOVEMBER)


def test_a_saved_web_page_of_a_go_live_table_and_its_next_version(tmp_path: Path) -> None:
    """Spelled-out abbreviation, "(SMHS)" added, a row dropped, a row added, "- LIVE!"."""
    old_page, new_page = tmp_path / "launch-2022-01.html", tmp_path / "launch-2022-07.html"
    old_page.write_text(GO_LIVE_2022_01, encoding="utf-8")
    new_page.write_text(GO_LIVE_2022_07, encoding="utf-8")
    old = import_table_file(old_page, edition_id="2022-01")
    new = import_table_file(new_page, edition_id="2022-07", previous=old)
    assert (old.title, str(old.as_of), str(old.window), old.publisher) == (
        "CalAIM Initiatives Launch Timeline",
        "2022-01",
        "2022-01/2026-03",
        "not stated in the source",
    )
    assert [(m.id, str(m.when), m.when.text, m.status) for _, m in old.milestones] == [
        ("ecm", "2022-01", "January 2022", Status.PLANNED),
        ("community-supports", "2022-01", "January 2022", Status.PLANNED),
        ("specialty-mental-health-services-criteria", "2022-01", "January 2022", Status.PLANNED),
        ("dmc-ods-renewal", "2023-Q3", "Q3 2023", Status.PLANNED),
        ("dental-benefits", "2022-02-11/2022-02-28", "mid to late February", Status.PLANNED),
        (
            "population-health-management",
            "2024-04/2026-03",
            "no sooner than April 1, 2024, and no later than March 31, 2026",
            Status.PLANNED,
        ),
    ]
    changes = diff(old, new)
    assert [(c.change, c.milestone_id) for c in changes] == [
        ("milestone-retitled", "ecm"),
        ("milestone-edited", "ecm"),
        ("milestone-edited", "community-supports"),
        ("milestone-retitled", "specialty-mental-health-services-criteria"),
        ("milestone-edited", "specialty-mental-health-services-criteria"),
        ("milestone-added", "justice-involved-initiative"),
        ("milestone-dropped", "dental-benefits"),
    ]
    assert [m.status for _, m in new.milestones][:3] == [Status.DONE] * 3
    assert next(m.title for _, m in new.milestones) == "Enhanced Care Management (ECM)"
    assert [c.reason.value for c in changes if c.change == "milestone-dropped"] == ["past-due"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".md"])
def test_a_go_live_table_as_csv_excel_or_markdown(tmp_path: Path, suffix: str) -> None:
    """The same table from a spreadsheet or markdown, with --as-of and --title filling in."""
    rows = [
        ("Initiative", "Activity", "Due", "Type", "Status"),
        ("Dental", "Dental APL", "January 2022", "document release", "Done"),
        ("Dental", "Dental policy goes live", "2022-Q1", "+", ""),
        ("PATH", "PATH applications", "4/1/2022", "^", "planned"),
    ]
    path = tmp_path / f"list{suffix}"
    if suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(list(row))
        book.save(path)
    elif suffix == ".csv":
        path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    else:
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        path.write_text(
            "\n".join([lines[0], "|---|---|---|---|---|", *lines[1:]]) + "\n", encoding="utf-8"
        )
    target = tmp_path / "2022-02.toml"
    code, out = wrote(
        "import-table",
        str(path),
        "--id",
        "2022-02",
        "--as-of",
        "2022-02",
        "--title",
        "Go-live",
        "--publisher",
        "DHCS",
        "-o",
        str(target),
    )
    assert code == 0
    assert out.startswith(
        f"wrote {target}: edition 2022-02 as of 2022-02, window 2022-01/2022-04\n"
    )
    edition = load(target)
    assert [(i.name, [m.id for m in i.milestones]) for i in edition.initiatives] == [
        ("Dental", ["dental-apl", "dental-policy-goes-live"]),
        ("PATH", ["path-applications"]),
    ]
    assert [(str(m.when), m.kind, m.status) for _, m in edition.milestones] == [
        ("2022-01", MilestoneKind.DOCUMENT_RELEASE, Status.DONE),
        ("2022-Q1", MilestoneKind.PROGRAM_LAUNCH, Status.PLANNED),
        ("2022-04-01", MilestoneKind.SUBMISSION_DEADLINE, Status.PLANNED),
    ]
    assert (edition.title, edition.publisher) == ("Go-live", "DHCS")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "Policy,Go-Live Date\nECM,Fall-ish 2022\n",
            (
                "{path}: row 2, column 'Go-Live Date': cannot read 'Fall-ish 2022' as a date:"
                f" {HINT}"
            ),
        ),
        (
            "Policy,Go-Live Date,Status\nECM,January 2022,Maybe\n",
            (
                "{path}: row 2, column 'Status': unknown status 'Maybe': expected Live, Done,"
                " Complete or Planned"
            ),
        ),
        (
            "Policy,Go-Live Date,Kind\nECM,January 2022,meeting\n",
            (
                "{path}: row 2, column 'Kind': unknown kind 'meeting': expected document release,"
                " submission deadline, program launch or their marks *, ^, +"
            ),
        ),
        (
            "Policy,Go-Live Date\n,January 2022\n",
            "{path}: row 2, column 'Policy': no title in this row",
        ),
        (
            "Name,Owner\nECM,DHCS\n",
            (
                "{path}: no header row names a title column (Policy, Milestone, Activity…) and a date"
                " column (Go-Live Date, Target Date, Due…)"
            ),
        ),
        (
            'Policy,Go-Live Date\n"ECM,January 2022\n',
            "{path}:2: not valid CSV: unexpected end of data",
        ),
    ],
)
def test_a_list_table_that_cannot_be_read_names_the_row_and_the_cell(
    tmp_path: Path, content: str, message: str
) -> None:
    """Every problem names the file, the row and the column, and says what is expected."""
    path = tmp_path / "go-live.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert str(raised.value).splitlines()[0] == message.format(path=path)


def test_what_the_source_does_not_say_must_be_given(tmp_path: Path) -> None:
    """Without an as-of month or a title in the source, the error says which flag to give."""
    path = tmp_path / "go-live.csv"
    path.write_text("Policy,Go-Live Date\nECM,January 2022\n", encoding="utf-8")
    with pytest.raises(
        ParseError, match=r"does not say which month it is as of: give it \(--as-of YYYY-MM\)$"
    ):
        import_table_file(path, edition_id="x")
    with pytest.raises(
        ParseError, match=r"has no title \(no heading or title row\): give one \(--title TEXT\)$"
    ):
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "calendar.docx",
            b"PK\x03\x04",
            "{path}: cannot import a '.docx' file: give .md, .html, .csv, .xlsx, .pdf, .rst or .txt",
        ),
        ("calendar.pdf", b"%PDF-1.4\nnot really", "{path}: not a readable PDF"),
        ("go-live.xlsx", b"not a zip", "{path}: not a readable Excel workbook"),
    ],
)
def test_files_that_are_not_what_their_name_says(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    """A broken PDF or workbook, or an unknown suffix, is our error naming the file."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x")
    assert str(raised.value).startswith(message.format(path=path))


def test_reading_a_pdf_needs_the_pdf_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pdfplumber the error says what to install."""
    path = tmp_path / "calendar.pdf"
    calendar_pdf(NOVEMBER, path)
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(
        ExtraMissingError,
        match=r"^reading a \.pdf needs pdfplumber: pip install 'calaim-timeline\[pdf\]'$",
    ):
        import_table_file(path, edition_id="x")


def test_as_of_on_the_command_line_must_be_a_month(capsys: pytest.CaptureFixture[str]) -> None:
    """--as-of takes YYYY-MM."""
    with pytest.raises(SystemExit):
        run("import-table", "x.csv", "--id", "x", "--as-of", "May 2022")
    assert (
        "must be a month such as 2022-03 or a day such as 2020-04-07 (got 'May 2022')"
        in capsys.readouterr().err
    )


def test_workbooks_and_pdfs_past_the_limits_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A zip bomb, a sheet of endless rows, a PDF of endless pages: refused, named."""
    from calaim_timeline.importers import _pdf, _sheets  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for k in range(5):
        sheet.append(["Policy" if k == 0 else f"P{k}", "Due" if k == 0 else "2022"])
    path = tmp_path / "big.xlsx"
    book.save(path)
    monkeypatch.setattr(_sheets, "MAX_ROWS", 3)
    with pytest.raises(
        ParseError,
        match=r"sheet 'Sheet', row 4: the sheet has more than 3 rows, the most this reads$",
    ):
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    monkeypatch.setattr(_sheets, "MAX_UNZIPPED", 100)
    with pytest.raises(
        ParseError, match=r"the workbook unzips to more than 0 MiB, the most this reads$"
    ):
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    pdf = tmp_path / "calendar.pdf"
    calendar_pdf(NOVEMBER, pdf)
    monkeypatch.setattr(_pdf, "MAX_PAGES", 2)
    with pytest.raises(
        ParseError, match=r"the PDF has 4 pages; a calendar has far fewer \(at most 2\)$"
    ):
        import_table_file(pdf, edition_id="x")


def test_a_workbook_date_reads_as_its_format_shows_it(tmp_path: Path) -> None:
    """A date cell formatted "mmm yyyy" is a month, "yyyy" a year, any other its day."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Milestone", "Target Date"])
    for title, day, shown in (
        ("Month", datetime(2022, 1, 1), "mmm yyyy"),  # noqa: DTZ001 - Excel dates have no zone
        ("Year", datetime(2023, 1, 1), "yyyy"),  # noqa: DTZ001
        ("Day", datetime(2022, 3, 15), "m/d/yyyy"),  # noqa: DTZ001
    ):
        sheet.append([title, day])
        sheet.cell(row=sheet.max_row, column=2).number_format = shown
    path = tmp_path / "dates.xlsx"
    book.save(path)
    edition = import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert [(str(m.when), m.when.text) for _, m in edition.milestones] == [
        ("2022-01", "January 2022"),
        ("2023", None),
        ("2022-03-15", None),
    ]


def test_csv_saved_with_semicolons(tmp_path: Path) -> None:
    """A spreadsheet saved in a locale that separates with semicolons reads the same."""
    path = tmp_path / "go-live.csv"
    path.write_text("Policy;Go-Live Date\nECM;January 2022, LIVE!\n", encoding="utf-8-sig")
    edition = import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert [(m.title, str(m.when), m.status) for _, m in edition.milestones] == [
        ("ECM", "2022-01", Status.DONE)
    ]


def test_a_web_page_grid_with_spanned_rows_and_columns(tmp_path: Path) -> None:
    """An initiative name spanning two rows continues into the second; colspans spread."""
    page = tmp_path / "calendar.html"
    page.write_text(
        """<html><body><h2>CalAIM Milestones Calendar as of May 2022</h2>
<table>
<tr><th>Initiatives</th><th colspan="2">CalAIM Major Milestones</th></tr>
<tr><td></td><td colspan="2">Q2 2022</td></tr>
<tr><td></td><td>May</td><td>June</td></tr>
<tr><td colspan="3"><b>Other Initiatives</b></td></tr>
<tr><td rowspan="2"><b>Dental</b></td><td>• Dental APL<sup>*</sup></td><td>--</td></tr>
<tr><td>--</td><td>• Dental policy goes live<sup>+</sup></td></tr>
<tr><td><b>PATH</b></td><td>--</td><td>• PATH applications<sup>^</sup></td></tr>
</table></body></html>
""",
        encoding="utf-8",
    )
    edition = import_table_file(page, edition_id="2022-05")
    assert [(c.name) for c in edition.categories] == ["Other Initiatives"]
    assert [
        (i.name, [(m.title, str(m.when), m.kind) for m in i.milestones])
        for i in edition.initiatives
    ] == [
        (
            "Dental",
            [
                ("Dental APL", "2022-05", MilestoneKind.DOCUMENT_RELEASE),
                ("Dental policy goes live", "2022-06", MilestoneKind.PROGRAM_LAUNCH),
            ],
        ),
        ("PATH", [("PATH applications", "2022-06", MilestoneKind.SUBMISSION_DEADLINE)]),
    ]


def test_a_list_grouped_by_initiative_with_blank_or_spanned_cells(tmp_path: Path) -> None:
    """A blank initiative cell, or one a rowspan covers, goes on with the row above."""
    page = tmp_path / "go-live.html"
    page.write_text(
        """<h1>Go-live dates as of May 2022</h1><table>
<tr><th>Initiative</th><th>Milestone</th><th>Target Date</th></tr>
<tr><td rowspan="2">Dental</td><td>Dental APL</td><td>May 2022</td></tr>
<tr><td>Dental policy goes live</td><td>June 2022</td></tr>
<tr><td>PATH</td><td>PATH applications</td><td>July 2022</td></tr>
<tr><td></td><td>PATH payments</td><td>August 2022</td></tr>
</table>""",
        encoding="utf-8",
    )
    edition = import_table_file(page, edition_id="2022-05")
    assert [(i.name, [m.title for m in i.milestones]) for i in edition.initiatives] == [
        ("Dental", ["Dental APL", "Dental policy goes live"]),
        ("PATH", ["PATH applications", "PATH payments"]),
    ]


def test_a_one_month_calendar_cut_by_the_pages_imports_back(tmp_path: Path) -> None:
    """With one month, the months' row names one month: it still ends the repeated header.

    A name cut onto the next page is joined to the row it began in, never to the header.
    """
    january = Period.month(2022, 1)
    initiatives = tuple(
        attrs.evolve(i, milestones=tuple(m for m in i.milestones if m.when == january))
        for i in NOVEMBER.initiatives
    )
    edition = attrs.evolve(
        NOVEMBER,
        window=january,
        initiatives=tuple(i for i in initiatives if i.milestones),
    )
    path = tmp_path / "january.pdf"
    calendar_pdf(edition, path, rows_per_table=None, cut=True)
    imported = import_table_file(path, edition_id="2021-11", previous=edition)
    assert [i.name for i in imported.initiatives] == [i.name for i in edition.initiatives]
    assert attrs.evolve(imported, source=edition.source) == edition


def test_names_that_start_with_a_dash_keep_it(tmp_path: Path) -> None:
    """Names and categories carry no bullets: a leading dash there is text."""
    first, initiative = NOVEMBER.categories[0], NOVEMBER.initiatives[0]
    edition = attrs.evolve(
        NOVEMBER,
        categories=(attrs.evolve(first, name=f"- {first.name}"), *NOVEMBER.categories[1:]),
        initiatives=(
            attrs.evolve(initiative, name=f"- {initiative.name}"),
            *NOVEMBER.initiatives[1:],
        ),
    )
    path = tmp_path / "dash.pdf"
    calendar_pdf(edition, path)
    imported = import_table_file(path, edition_id="2021-11", previous=edition)
    assert imported.categories[0].name == f"- {first.name}"
    assert imported.initiatives[0].name == f"- {initiative.name}"
