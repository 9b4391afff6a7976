"""Write the bundled November 2021 edition as PDFs from two producers other than reportlab.

The published calendar is a word-processor document exported to PDF; users also print
web pages. This script draws the edition both ways, each with rows cut by the page
breaks (once inside a name) and with rows kept whole, into ``tests/data/pdfs/``:

- ``libreoffice-{cut,names,whole}.pdf``: a .docx made with python-docx (landscape, three
  header rows repeated on every page, category rows merged across the table, Word bullets
  and sub-bullets from the List Bullet styles, superscript kind marks, real footnotes at
  the foot of the page), exported by LibreOffice (``soffice --convert-to pdf``);
- ``chromium-{cut,names,whole}.pdf``: an HTML page (default ``<ul>`` markers, drawn as shapes,
  a header cell spanning rows and cells spanning columns, the header repeated by
  ``<thead>``, footnotes as paragraphs, the browser's own running header and footer)
  printed by headless Chromium;
- ``chromium-plain.pdf``: the same page in portrait with no ``<thead>``, so the table goes
  on over the pages without its header rows, the rest of a cut row with no rule above it.

The tests read the committed PDFs, so CI needs neither program. Run it again after a
change of the edition or of these layouts (it needs ``python-docx``, ``soffice`` and
``chromium`` on the PATH):

    python scripts/make_pdf_fixtures.py
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from calaim_timeline import Archive, Edition, Initiative, MilestoneKind, Period, When

OUT = Path(__file__).parents[1] / "tests" / "data" / "pdfs"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_KEY = "KEY: * Document Release; ^ Submission Deadline; + Program Launch"
LAYOUTS = {"cut": (0, 0), "names": (8, 112), "whole": (0, 0)}
"""Each layout's points of space above the table, for the word processor and the browser.

``cut`` lets rows break across pages (LibreOffice then cuts a word broken after a
hyphen, "Carve-" and "Out"); ``names`` does too, with the table moved down so that a
page break falls inside an initiative's name ("… and Policy" and "Improvements", "…
(CCI" and "ends)"), the rest of the name on the next page; ``whole`` keeps every row on
one page."""


def _months(edition: Edition) -> list[Period]:
    """The window's months, in order."""
    start, end = edition.window.start, edition.window.end
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [Period.month(k // 12, k % 12 + 1) for k in range(first, last + 1)]


def _raised(kind: MilestoneKind | None, footnotes: tuple[int, ...]) -> str:
    return (kind.mark if kind else "") + ",".join(map(str, footnotes))


def _rows(edition: Edition) -> list[Initiative | str]:
    """The initiatives without a category, then each category's name and its initiatives."""
    rows: list[Initiative | str] = [i for i in edition.initiatives if i.category is None]
    for category in edition.categories:
        rows.append(category.name)
        rows += [i for i in edition.initiatives if i.category == category.id]
    return rows


# -- the word processor --------------------------------------------------------------


class _Notes:
    """Real footnotes, numbered by the word processor from the first one cited.

    The calendar cites them in order; a later citation of one is its raised number alone.
    """

    def __init__(self, document: object, edition: Edition) -> None:
        self.texts = {note.number: note.text for note in edition.footnotes}
        self.made: set[int] = set()
        self.xml: list[str] = [
            (
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                "</w:p></w:footnote>"
            ),
            (
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                "<w:continuationSeparator/></w:r></w:p></w:footnote>"
            ),
        ]
        self.document = document

    def cite(self, paragraph: Paragraph, numbers: tuple[int, ...], mark: str = "") -> None:
        if mark:
            _superscript(paragraph, mark)
        for k, number in enumerate(numbers):
            if k:
                _superscript(paragraph, ",")
            if number in self.made:
                _superscript(paragraph, str(number))
                continue
            self.made.add(number)
            run = paragraph.add_run()
            run.font.superscript = True
            run._r.append(  # noqa: SLF001 - python-docx has no footnotes API
                parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{number}"/>')
            )
            body = html.escape(self.texts[number], quote=False)
            self.xml.append(
                f'<w:footnote w:id="{number}"><w:p>'
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {body}</w:t></w:r></w:p></w:footnote>'
            )

    def attach(self) -> None:
        first = min(self.made, default=1)
        settings = self.document.sections[0]._sectPr  # type: ignore[attr-defined]  # noqa: SLF001
        settings.append(
            parse_xml(f'<w:footnotePr {nsdecls("w")}><w:numStart w:val="{first}"/></w:footnotePr>')
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            _FOOTNOTES_TYPE,
            (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f"<w:footnotes {nsdecls('w')}>{''.join(self.xml)}</w:footnotes>"
            ).encode(),
            self.document.part.package,  # type: ignore[attr-defined]
        )
        self.document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)  # type: ignore[attr-defined]


def _superscript(paragraph: Paragraph, text: str) -> None:
    paragraph.add_run(text).font.superscript = True


def _in(when: When, month: Period) -> bool:
    """Whether a milestone dated ``when`` stands in ``month``'s column."""
    return isinstance(when, Period) and when.start == month.start


def _fill_cell(cell: _Cell, initiative: Initiative, month: Period, notes: _Notes) -> None:
    milestones = [m for m in initiative.milestones if _in(m.when, month)]
    first = cell.paragraphs[0]
    if not milestones:
        first.add_run("--")
        return
    paragraph: Paragraph | None = first
    for milestone in milestones:
        items = [(milestone.title, milestone.kind, milestone.footnotes, "List Bullet")]
        items += [(s.text, s.kind, s.footnotes, "List Bullet 2") for s in milestone.sub_items]
        for text, kind, footnotes, style in items:
            if paragraph is None:
                paragraph = cell.add_paragraph()
            paragraph.style = style
            paragraph.add_run(text)
            notes.cite(paragraph, footnotes, kind.mark if kind else "")
            paragraph = None


def _header_rows(table: Table, months: list[Period]) -> None:
    top, quarters, names = table.rows[0], table.rows[1], table.rows[2]
    top.cells[0].paragraphs[0].add_run("Initiatives").bold = True
    _superscript(top.cells[0].paragraphs[0], "2")
    top.cells[0].merge(names.cells[0])
    top.cells[1].merge(top.cells[len(months)])
    top.cells[1].paragraphs[0].add_run("CalAIM Major Milestones").bold = True
    start = 0
    for k, month in enumerate(months):
        names.cells[k + 1].paragraphs[0].add_run(f"{month.start:%B}").bold = True
        if k + 1 == len(months) or months[k + 1].start.month % 3 == 1:
            cell = quarters.cells[start + 1].merge(quarters.cells[k + 1])
            first = months[start].start
            quarter = f"Q{(first.month + 2) // 3} {first.year}"
            cell.paragraphs[0].add_run(quarter).bold = True
            start = k + 1
    for row in (top, quarters, names):
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))  # noqa: SLF001


def calendar_docx(edition: Edition, path: Path, *, cut: bool, lead: float = 0) -> None:
    """The edition as a Word document in the published layout.

    ``lead`` is the points of space above the table (to move where the pages break).
    """
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.5))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Liberation Sans", Pt(8)
    for name in ("List Bullet", "List Bullet 2", "Normal"):
        document.styles[name].paragraph_format.space_after = Pt(0)
    notes = _Notes(document, edition)
    heading = document.add_paragraph()
    heading.add_run(edition.title).bold = True
    heading.runs[0].font.size = Pt(14)
    key = document.add_paragraph()
    key.add_run(_KEY).bold = True
    key.paragraph_format.space_after = Pt(lead)
    months = _months(edition)
    rows = _rows(edition)
    table = document.add_table(rows=3 + len(rows), cols=1 + len(months))
    table.style = "Table Grid"
    _header_rows(table, months)
    for row, entry in zip(table.rows[3:], rows, strict=True):
        if not cut:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))  # noqa: SLF001
        if isinstance(entry, str):
            merged = row.cells[0].merge(row.cells[len(months)])
            merged.paragraphs[0].add_run(entry).bold = True
            continue
        name = row.cells[0].paragraphs[0]
        name.add_run(entry.name).bold = True
        notes.cite(name, entry.footnotes)
        for cell, month in zip(row.cells[1:], months, strict=True):
            _fill_cell(cell, entry, month, notes)
    for column, width in enumerate([Inches(1.6)] + [Inches(8.4 / len(months))] * len(months)):
        for cell in table.columns[column].cells:
            cell.width = width
    uncited = [n.number for n in edition.footnotes if n.number not in notes.made]
    for number in uncited:  # notes no cell cites: under the table, as in the published one
        closing = document.add_paragraph()
        _superscript(closing, str(number))
        closing.add_run(f" {edition.footnote(number).text}")
    notes.attach()
    document.save(str(path))


# -- the browser ------------------------------------------------------------------


def _li(text: str, kind: MilestoneKind | None, footnotes: tuple[int, ...]) -> str:
    raised = _raised(kind, footnotes)
    sup = f"<sup>{html.escape(raised)}</sup>" if raised else ""
    return f"{html.escape(text)}{sup}"


def calendar_html(edition: Edition, *, cut: bool, lead: float = 0, plain: bool = False) -> str:
    """The edition as a web page in the published layout.

    ``lead`` is the points of space above the table (to move where the pages break);
    ``plain`` pages have no ``<thead>`` (so no header rows on later pages) and are portrait.
    """
    months = _months(edition)
    quarters: list[str] = []
    start = 0
    for k in range(len(months)):
        if k + 1 == len(months) or months[k + 1].start.month % 3 == 1:
            first = months[start].start
            span = k + 1 - start
            quarters.append(f'<th colspan="{span}">Q{(first.month + 2) // 3} {first.year}</th>')
            start = k + 1
    head = (
        f'<tr><th rowspan="3">Initiatives<sup>2</sup></th>'
        f'<th colspan="{len(months)}">CalAIM Major Milestones</th></tr>'
        f"<tr>{''.join(quarters)}</tr>"
        f"<tr>{''.join(f'<th>{m.start:%B}</th>' for m in months)}</tr>"
    )
    body = []
    for entry in _rows(edition):
        if isinstance(entry, str):
            span = len(months) + 1
            body.append(f'<tr class="category"><td colspan="{span}">{html.escape(entry)}</td></tr>')
            continue
        cells = [f"<th>{_li(entry.name, None, entry.footnotes)}</th>"]
        for month in months:
            items = []
            for m in (m for m in entry.milestones if _in(m.when, month)):
                subs = "".join(f"<li>{_li(s.text, s.kind, s.footnotes)}</li>" for s in m.sub_items)
                nested = f"<ul>{subs}</ul>" if subs else ""
                items.append(f"<li>{_li(m.title, m.kind, m.footnotes)}{nested}</li>")
            cells.append(f"<td><ul>{''.join(items)}</ul></td>" if items else "<td>--</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    notes = "".join(
        f"<p class='note'><sup>{n.number}</sup> {html.escape(n.text)}</p>"
        for n in edition.footnotes
    )
    keep = "" if cut else "tr { break-inside: avoid; }"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(edition.title)}</title><style>"
        f"@page {{ size: letter {'portrait' if plain else 'landscape'}; margin: 0.6in 0.5in; }}"
        "body { font: 8pt 'Liberation Sans', sans-serif; }"
        "h1 { font-size: 14pt; } table { border-collapse: collapse; width: 100%; }"
        "td, th { border: 0.5pt solid black; vertical-align: top; padding: 2pt; }"
        "td, th { text-align: left; } thead th { background: #dbe5f1; }"
        "tr.category td { background: #f2f2f2; font-weight: bold; }"
        "ul { margin: 0; padding-left: 12pt; } p.note { font-size: 7pt; margin: 2pt 0; }"
        f"{keep}</style></head><body>"
        f"<h1>{html.escape(edition.title)}</h1>"
        f"<p style='margin-bottom: {lead}pt'><b>{html.escape(_KEY)}</b></p>"
        f"<table>{head if plain else f'<thead>{head}</thead>'}<tbody>{''.join(body)}</tbody>"
        f"</table>{notes}"
        "</body></html>"
    )


def _print(chromium: str, page: str, out: Path, work: Path) -> None:
    """Print the web page ``page`` to the PDF ``out`` with headless Chromium."""
    source = work / f"{out.stem}.html"
    source.write_text(page, encoding="utf-8")
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={work}/profile",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
    )


def main() -> int:
    """Write the four PDFs; say where."""
    soffice, chromium = shutil.which("soffice"), shutil.which("chromium")
    if soffice is None or chromium is None:
        print("needs soffice (LibreOffice) and chromium on the PATH", file=sys.stderr)  # noqa: T201
        return 2
    edition = Archive.default()["2021-11"]
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for layout, (docx_lead, html_lead) in LAYOUTS.items():
            cut = layout != "whole"
            source = Path(work) / f"libreoffice-{layout}.docx"
            calendar_docx(edition, source, cut=cut, lead=docx_lead)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(OUT), str(source)],
                check=True,
                capture_output=True,
            )
            page = calendar_html(edition, cut=cut, lead=html_lead)
            _print(chromium, page, OUT / f"chromium-{layout}.pdf", Path(work))
        plain = calendar_html(edition, cut=True, plain=True)
        _print(chromium, plain, OUT / "chromium-plain.pdf", Path(work))
    for pdf in sorted(OUT.glob("*.pdf")):
        print(f"wrote {pdf} ({pdf.stat().st_size:,} bytes)", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
