"""Hostile input, round three: each class of the issue with the exact message it now gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from calaim_timeline import ParseError, Period
from calaim_timeline.importers import import_table_file
from calaim_timeline.importers._dates import read_status


def _import(tmp_path: Path, name: str, content: str | bytes) -> ParseError:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x")
    return raised.value


@pytest.mark.parametrize(
    ("flood", "opener"),
    [
        ("<a ", "<a"),
        ('<a href="', "<a"),
        ("</td ", "</td"),
        ("<!-- ", "<!--"),
        ("<![CDATA[", "<!["),
    ],
)
def test_a_web_page_of_unclosed_markup_is_refused_before_parsing(
    tmp_path: Path, flood: str, opener: str
) -> None:
    """The standard parser is quadratic on these (40,000 of '<a ' took 111 s): refused."""
    error = _import(tmp_path, "page.html", "<p>Schedule</p>\n" + flood * 50_000)
    assert error.lines() == (
        (
            f"{tmp_path / 'page.html'}:2: the page's markup is broken: 50,000 openers such as"
            f" {opener!r} are never closed (at most 100 may be); save the page again from a"
            " browser"
        ),
    )


def test_a_broken_declaration_is_our_error(tmp_path: Path) -> None:
    """'<![[' made the standard parser raise AssertionError; it is a ParseError."""
    error = _import(tmp_path, "page.html", "<![[[[<table><tr><td>x</td></tr></table>")
    assert error.lines() == (
        (
            f"{tmp_path / 'page.html'}:1: the page's markup is broken here (expected name token"
            " at '<![[[[<table><tr><td'); save the page again from a browser"
        ),
    )


def test_a_date_cell_too_long_is_refused_with_its_start_quoted(tmp_path: Path) -> None:
    """A 100,000-character date: one short line (it was a 1 MB message, and a slow regex)."""
    path = tmp_path / "long.csv"
    path.write_text("Milestone,Date\nGo live,January 2022 live" + "!" * 100_000 + "\n")
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert raised.value.lines() == (
        (
            f"{path}: row 2, column 'Date': a date of 100,017 characters"
            " ('January 2022 live!!…!!!!!!!!!!!!!!!!!!!!'): a date cell holds at most 200"
        ),
    )


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("January 2022 - LIVE!", "done"),
        ("LIVE! - Jan 2022", "done"),
        ("LIVE Jan 2022", "done"),
        ("March 2022 (LIVE!)", "done"),
        ("March 2022 live !! ) !", "done"),
        ("live" + " " * 150 + "x", "done"),
        ("Q1 2023", None),
    ],
)
def test_the_status_words_read_as_before_and_quickly(words: str, status: str | None) -> None:
    """The possessive patterns read every form the backtracking ones did."""
    _, found = read_status(" ".join(words.split()))
    assert (found.value if found else None) == status


def test_a_password_protected_pdf_says_so(tmp_path: Path) -> None:
    """It was 'not a readable PDF (PdfminerException: )'."""
    from reportlab.lib import pdfencrypt  # noqa: PLC0415 - the pdf fixtures' producer
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    path = tmp_path / "locked.pdf"
    locked = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    locked.drawString(100, 700, "CalAIM Milestones Calendar")
    locked.save()
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x")
    assert raised.value.lines() == (
        (
            f"{path}: the PDF is protected by a password: save a copy without one (print it to a"
            " PDF, or open it and save it without the password), then import that"
        ),
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "wide.csv",
            ",".join(f"c{k}" for k in range(1_000_000)) + "\n",
            "row 1: a row of 1,000,000 cells; a table may have at most 1,000 columns",
        ),
        (
            "padded.csv",
            "Milestone,Date," + ",".join(f"c{k}" for k in range(990)) + "\n" + "x\n" * 2_000,
            (
                "row 1: a table of 2,001 rows of 992 columns asks for more than 1,000,000 cells,"
                " the most an import reads"
            ),
        ),
        (
            "spans.html",
            "<table><tr>" + "<td colspan=1000>x</td>" * 60 + "</tr></table>",
            "1: a row of 2,000 cells; a table may have at most 1,000 columns",
        ),
        (
            "pipes.md",
            "# T\n\n" + "|" * 1_000_000 + "\n",
            "3: a row of 1,000,000 cells; a table may have at most 1,000 columns",
        ),
    ],
    ids=["a header of a million columns", "rows padded to a wide header", "spans", "pipes"],
)
def test_a_small_file_asking_for_a_huge_table_is_refused(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    """The budget of one import names the limit and the place, before the table is made."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    separator = "" if message[0].isdigit() else " "
    assert raised.value.lines()[0] == f"{path}:{separator}{message}"


def _workbook(declaration: str = "", cell: str = "January 2022", cut: int = 0) -> bytes:
    """A workbook written by openpyxl, then changed as no producer would write it.

    Its sheet's XML starts with ``declaration`` (a DTD, say) and is cut ``cut`` bytes
    short, and its date cell holds ``cell`` (openpyxl itself cuts a cell to Excel's limit).
    """
    import io  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    from openpyxl import Workbook  # noqa: PLC0415 - the workbook fixtures' producer

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its sheet
    sheet.append(["Milestone", "Date"])
    sheet.append(["Go live", "PLACEHOLDER"])
    made = io.BytesIO()
    book.save(made)
    source, out = zipfile.ZipFile(io.BytesIO(made.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename).replace(b"PLACEHOLDER", cell.encode())
            if info.filename == "xl/worksheets/sheet1.xml":
                head, _, rest = (
                    data.partition(b"?>") if data.startswith(b"<?") else (b"", b"", data)
                )
                data = head + (b"?>" if head else b"") + declaration.encode() + rest
                data = data[: len(data) - cut]
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("declaration", "what"),
    [
        ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>', "a DTD"),
        ('<!ENTITY x SYSTEM "file:///etc/passwd">', "an entity"),
    ],
    ids=["billion laughs", "external entity"],
)
def test_a_workbook_whose_xml_declares_a_dtd_or_entity_is_refused_unparsed(
    tmp_path: Path, declaration: str, what: str
) -> None:
    """The XML parser is never given a declaration to expand."""
    error = _import(tmp_path, "book.xlsx", _workbook(declaration))
    assert error.lines() == (
        (
            f"{tmp_path / 'book.xlsx'}: xl/worksheets/sheet1.xml declares {what}, which a workbook"
            " never does (it could expand without end): save the workbook again from Excel"
        ),
    )


def _flate_bomb_pdf() -> bytes:
    """A one-page PDF, written by hand, whose content inflates from 66 KiB to 64 MiB."""
    import zlib  # noqa: PLC0415

    content = zlib.compress(b" " * 64 * 2**20 + b"BT /F1 12 Tf 100 700 Td (Hi) Tj ET", 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n%s" % (len(objects) + 1, table)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )


def test_a_pdf_page_that_inflates_past_the_bound_is_refused_before_pdfminer_inflates_it(
    tmp_path: Path,
) -> None:
    """66 KiB that would inflate to 64 MiB: refused having inflated 32 MiB at most."""
    error = _import(tmp_path, "bomb.pdf", _flate_bomb_pdf())
    assert error.lines() == (
        (
            f"{tmp_path / 'bomb.pdf'}: page 1: its content inflates to more than 32 MiB, the most a"
            " page's may (a calendar's page takes a few KiB)"
        ),
    )


def test_a_pdf_page_of_too_many_characters_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The work of a page grows with its characters: past the bound, the page is refused."""
    from reportlab.pdfgen import canvas  # noqa: PLC0415 - the pdf fixtures' producer

    from calaim_timeline.importers import _pdf  # noqa: PLC0415

    monkeypatch.setattr(_pdf, "MAX_PAGE_CHARACTERS", 100)
    path = tmp_path / "dense.pdf"
    page = canvas.Canvas(str(path))
    page.drawString(10, 700, "x" * 150)
    page.save()
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x")
    assert raised.value.lines() == (
        (
            f"{path}: page 1: 150 characters; a page may have at most 100 (a calendar's page has a"
            " few thousand)"
        ),
    )


def test_a_workbook_cell_over_excels_limit_is_refused(tmp_path: Path) -> None:
    """A cell of 40,000 characters (Excel holds at most 32,767): refused with its place."""
    path = tmp_path / "book.xlsx"
    path.write_bytes(_workbook(cell="x" * 40_000))
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert raised.value.lines() == (
        (
            f"{path}: sheet 'Sheet', row 2: a cell of 40,000 characters; a cell may hold at most"
            " 32,767 (Excel's own limit)"
        ),
    )


def test_a_workbook_whose_sheet_is_cut_short_is_our_error(tmp_path: Path) -> None:
    """Openpyxl parses a sheet as its rows are read: a broken one fails there, caught."""
    path = tmp_path / "book.xlsx"
    path.write_bytes(_workbook(cut=40))
    with pytest.raises(ParseError) as raised:
        import_table_file(path, edition_id="x", as_of=Period.parse("2022-01"), title="T")
    assert raised.value.lines() == (
        (
            f"{path}: a sheet of the workbook cannot be read (ParseError: unclosed token: line 1,"
            " column 606)"
        ),
    )


def test_an_error_quotes_a_long_value_cut_to_fit() -> None:
    """An unknown key of 10,000 characters: the line keeps its words, the key is cut."""
    from calaim_timeline import SnapshotError, loads  # noqa: PLC0415

    with pytest.raises(SnapshotError) as raised:
        loads('id = "x"\n' + "k" * 10_000 + ' = "v"\n', source="a.toml")
    line = raised.value.lines()[-1]  # the structure's other problems come first
    assert (len(line), line[:30], line[-40:]) == (
        608,
        "a.toml: unknown key 'kkkkkkkkk",
        "iatives, footnotes, excluded_initiatives",
    )
