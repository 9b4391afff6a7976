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
