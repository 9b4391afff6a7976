"""The HTML report (issue 30, first part): one self-contained page, every source text escaped."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import attrs
import pytest

from calaim_timeline import Archive, ExtraMissingError, Source, save
from calaim_timeline.cli import main
from calaim_timeline.render.report import HtmlReport

BUNDLED = Archive.bundled()
PAGE = HtmlReport()(BUNDLED.editions)


def test_the_page_is_one_document_with_its_parts_in_order() -> None:
    """Editions, the latest digest, the changes in sections that open, then histories."""
    headings = re.findall(r"<h([12])>([^<]*)", PAGE)
    assert headings == [
        ("1", "CalAIM Milestones Calendar"),
        ("2", "What changed in the latest edition (2021-01 to 2021-11)"),
        ("2", "Each edition's changes, newest first"),
        ("2", "Each milestone's history"),
    ]
    assert (
        PAGE.startswith('<!DOCTYPE html>\n<html lang="en">'),
        PAGE.count("<details open>"),
        PAGE.count('<th scope="col">') > 0,
        PAGE.count("<h3 "),
    ) == (True, 1, True, 70)


def test_the_page_asks_for_nothing_from_elsewhere() -> None:
    """No script, style sheet, image or font from another address: it works from file://."""
    assert (
        re.findall(r"<(?:script|link|img|iframe|object)\b", PAGE),
        re.findall(r"\b(?:src|href)=\"(?!https?://)", PAGE),
        re.findall(r"url\(", PAGE),
    ) == ([], [], [])


def test_hostile_titles_show_as_text_and_only_http_links() -> None:
    """A title with markup, an attribute break or a script link is escaped, never live."""
    hostile = '<script>alert(1)</script>" onload="x'
    november = BUNDLED["2021-11"]
    edition = attrs.evolve(
        november,
        title=hostile,
        source=Source(document="x.md", url="javascript:alert(1)"),
        initiatives=(
            attrs.evolve(november.initiatives[0], name=hostile),
            *november.initiatives[1:],
        ),
    )
    page = HtmlReport()([BUNDLED["2021-01"], edition])
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&#34; onload=&#34;x"
    # the edition's title and the initiative's name, wherever the page shows them
    assert (
        "<script" in page,
        "javascript:" in page,
        page.count("<a href"),
        page.count(escaped),
    ) == (
        False,
        False,
        0,
        11,
    )


def test_the_command_writes_the_page_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report command writes the page (-o FILE.html) and one line on stderr."""
    for edition in BUNDLED.editions:
        save(edition, tmp_path / f"{edition.id}.toml")
    output = tmp_path / "report.html"
    assert main(["report", "--snapshots", str(tmp_path), "-o", str(output)]) == 0
    assert (output.read_text(encoding="utf-8"), capsys.readouterr().err) == (
        PAGE,
        f"wrote {output}: 2 editions, 1 change log section\n",
    )


def test_without_jinja2_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report extra holds Jinja2; without it, the error says what to install."""
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(ExtraMissingError, match=r"pip install 'calaim-timeline\[report\]'$"):
        HtmlReport()(BUNDLED.editions)
