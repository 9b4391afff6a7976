"""Editions rendered as PDFs in the published calendar's layout, with reportlab.

Landscape pages; the title and the key above a ruled table; three header rows
(Initiatives | CalAIM Major Milestones, the quarters, the months) repeated on every page;
category rows spanning the table; an initiative per row with its footnote numbers raised;
in each month's cell a bullet per milestone with its kind mark and footnote numbers
raised, and a hollow bullet per sub-item; rows cut across page breaks; the footnotes,
raised numbers first, under the table that first cites them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

import attrs
import matplotlib as mpl
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from calaim_timeline import Edition, Initiative, MilestoneKind, Period
from calaim_timeline.render.grid import _months

# A font with the bullets (•, ○) and every character of the titles: matplotlib's DejaVu.
_FONTS = Path(mpl.get_data_path()) / "fonts" / "ttf"
pdfmetrics.registerFont(TTFont("Sans", str(_FONTS / "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("Sans-Bold", str(_FONTS / "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily("Sans", normal="Sans", bold="Sans-Bold")

_Style = tuple[Any, ...]
"""A table style command: ("SPAN", (column, row), (column, row)) and the like."""


class _Fonts(NamedTuple):
    """The paragraph styles and the table's fonts of one font family."""

    body: ParagraphStyle
    name: ParagraphStyle
    title: ParagraphStyle
    note: ParagraphStyle
    regular: str
    bold: str


def _fonts(*, standard: bool) -> _Fonts:
    """DejaVu, embedded; or the standard Helvetica, whose bullets a PDF gives as glyph codes."""
    regular, bold = ("Helvetica", "Helvetica-Bold") if standard else ("Sans", "Sans-Bold")
    body = ParagraphStyle(f"body-{regular}", fontName=regular, fontSize=7, leading=9)
    return _Fonts(
        body=body,
        name=ParagraphStyle(f"name-{regular}", parent=body, fontName=bold),
        title=ParagraphStyle(f"title-{regular}", fontName=bold, fontSize=14, leading=18),
        note=ParagraphStyle(f"note-{regular}", parent=body, fontSize=6.5, leading=8),
        regular=regular,
        bold=bold,
    )


def _raised(kind: MilestoneKind | None, footnotes: tuple[int, ...]) -> str:
    inner = (kind.mark if kind else "") + ",".join(map(str, footnotes))
    return f"<super>{escape(inner)}</super>" if inner else ""


def _cell(initiative: Initiative, month_start: object, fonts: _Fonts) -> Paragraph | str:
    lines = []
    for milestone in initiative.milestones:
        if not isinstance(milestone.when, Period) or milestone.when.start != month_start:
            continue
        lines.append(f"• {escape(milestone.title)}{_raised(milestone.kind, milestone.footnotes)}")
        lines += [
            f"&nbsp;&nbsp;○ {escape(item.text)}{_raised(item.kind, item.footnotes)}"
            for item in milestone.sub_items
        ]
    return Paragraph("<br/>".join(lines) if lines else "--", fonts.body)


def _table(  # noqa: PLR0913 - the layout's choices
    edition: Edition,
    rows: list[list[object]],
    styles: list[_Style],
    *,
    cut: bool,
    fonts: _Fonts,
    repeat: bool = True,
) -> Table:
    months = _months(edition)
    width = len(months)
    quarters: list[object] = [""]
    spans: list[_Style] = [("SPAN", (1, 0), (width, 0))]
    start = 1
    for k, month in enumerate(months, start=1):
        first = k == 1 or month.start.month % 3 == 1
        quarters.append(f"Q{(month.start.month + 2) // 3} {month.start.year}" if first else "")
        last = k == width or months[k].start.month % 3 == 1
        if last:
            spans.append(("SPAN", (start, 1), (k, 1)))
            start = k + 1
    header: list[list[object]] = [
        ["Initiatives", "CalAIM Major Milestones", *[""] * (width - 1)],
        quarters,
        ["", *(m.start.strftime("%B") for m in months)],
    ]
    name_width = 1.6 * inch
    column = (10 * inch - name_width) / max(width, 1)
    return Table(
        header + rows,
        colWidths=[name_width, *[column] * width],
        repeatRows=3 if repeat else 0,
        splitByRow=0 if cut else 1,  # cut: split inside the row at the page's end
        splitInRow=1,
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, 2), fonts.bold, 8),
                ("FONT", (0, 3), (-1, -1), fonts.regular, 7),
                ("BACKGROUND", (0, 0), (-1, 2), colors.HexColor("#dbe5f1")),
                *spans,
                *styles,
            ]
        ),
    )


def calendar_pdf(  # noqa: PLR0913 - each a way the published PDFs differ
    edition: Edition,
    path: Path,
    *,
    rows_per_table: int | None = None,
    cut: bool = True,
    standard_fonts: bool = False,
    foot_rule: bool = False,
    furniture: bool = False,
    repeat_header: bool = True,
) -> None:
    """Write ``edition`` as the published calendar PDF; tables of ``rows_per_table`` rows.

    With ``cut``, a row that reaches the end of a page goes on over the next one; with
    ``standard_fonts``, text is in Helvetica (not embedded) and the bullets come out as
    glyph codes and ZapfDingbats, as in many published PDFs; with ``foot_rule``, a rule is
    drawn across the table's width where each page's content stops (under a cut row, as
    word processors draw it); with ``furniture``, every page has a running header (the title)
    and a footer "Page N"; without ``repeat_header``, the header rows are on the first
    page of each table only.
    """
    fonts = _fonts(standard=standard_fonts)
    months = _months(edition)
    rows: list[tuple[list[object], str | None, tuple[int, ...]]] = [
        (_row(initiative, months, fonts), None, _cited(initiative))
        for initiative in edition.initiatives
        if initiative.category is None
    ]
    for category in edition.categories:
        rows.append(([Paragraph(f"<b>{escape(category.name)}</b>", fonts.name)], "category", ()))
        rows += [
            (_row(initiative, months, fonts), None, _cited(initiative))
            for initiative in edition.initiatives
            if initiative.category == category.id
        ]
    size = rows_per_table or max(len(rows), 1)
    story: list[Flowable] = [
        Paragraph(escape(edition.title), fonts.title),
        Paragraph("KEY: * Document Release; ^ Submission Deadline; + Program Launch", fonts.name),
        Spacer(1, 6),
    ]
    shown: set[int] = set()
    for first in range(0, max(len(rows), 1), size):  # an empty calendar: its header rows
        chunk = rows[first : first + size]
        data: list[list[object]] = []
        styles: list[_Style] = []
        for k, (cells, kind, _) in enumerate(chunk, start=3):
            if kind == "category":
                data.append(cells + [""] * len(months))
                styles += [
                    ("SPAN", (0, k), (-1, k)),
                    ("BACKGROUND", (0, k), (-1, k), colors.HexColor("#f2f2f2")),
                ]
            else:
                data.append(cells)
        story.append(_table(edition, data, styles, cut=cut, fonts=fonts, repeat=repeat_header))
        cited = sorted({n for _, _, notes in chunk for n in notes} - shown)
        if first + size >= len(rows):
            cited = sorted({n.number for n in edition.footnotes} - shown)
        story.append(Spacer(1, 4))
        defined = {note.number: note.text for note in edition.footnotes}
        for number in (n for n in cited if n in defined):  # a broken edition draws what it has
            text = defined[number]
            story.append(Paragraph(f"<super>{number}</super> {escape(text)}", fonts.note))
        shown.update(cited)
    document = _Document(
        str(path),
        pagesize=landscape(letter),
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.5 * inch,
        title=edition.title,
        invariant=1,
    )
    document.foot_rule = foot_rule
    pages = _Pages(edition.title, furniture=furniture)
    document.build(story, onFirstPage=pages.draw, onLaterPages=pages.draw)


class _Document(SimpleDocTemplate):
    """A document that can draw a rule across the page where its content stopped."""

    foot_rule = False

    def afterPage(self) -> None:  # noqa: N802 - reportlab's name
        """Under a row the page break cut, a rule: word processors draw one there."""
        if self.foot_rule:
            bottom = float(getattr(self.frame, "_y"))  # noqa: B009 - where the content stopped (private)
            self.canv.setLineWidth(0.5)
            self.canv.line(0.5 * inch + 6, bottom, 10.5 * inch - 6, bottom)


class _Pages:
    """What is drawn on every page around the story: a running header and a footer."""

    def __init__(self, title: str, *, furniture: bool) -> None:
        self.title, self.furniture = title, furniture
        self.count = 0

    def draw(self, canvas: Canvas, _: object) -> None:
        self.count += 1
        if self.furniture:
            canvas.setFont("Helvetica", 7)
            canvas.drawString(0.5 * inch, 8.5 * inch - 0.3 * inch, self.title)
            canvas.drawRightString(10.5 * inch, 0.25 * inch, f"Page {self.count}")


def _row(initiative: Initiative, months: list[Period], fonts: _Fonts) -> list[object]:
    name = f"<b>{escape(initiative.name)}</b>{_raised(None, initiative.footnotes)}"
    return [Paragraph(name, fonts.name), *(_cell(initiative, m.start, fonts) for m in months)]


def _cited(initiative: Initiative) -> tuple[int, ...]:
    numbers = list(initiative.footnotes)
    for milestone in initiative.milestones:
        numbers += milestone.footnotes
        for item in milestone.sub_items:
            numbers += item.footnotes
    return tuple(numbers)


def _printed(char: str) -> bool:
    """Latin letters, digits, punctuation and the dashes and quotes of published text.

    Not the bullet glyphs the calendar itself uses, nor its kind marks: a PDF draws
    ``live+`` and ``live`` with a mark alike, and the importer reads both as the mark.
    """
    code = ord(char)
    latin = 0x20 <= code <= 0x7E or 0xA0 <= code <= 0x17F
    typographic = 0x2010 <= code <= 0x2027
    return (latin or typographic) and char not in "•○*^+" and code != 0xAD


def printable(edition: Edition) -> Edition:
    """The edition with every character a calendar PDF would not print written as "x"."""

    def fix(text: str) -> str:
        # A hyphen after a letter and before a space would read as a word broken at the
        # end of a line where the line breaks there: the importer joins such words.
        printed = "".join(c if _printed(c) else "x" for c in text)
        return re.sub(r"(?<=[^\W\d_])-(?=\s)", "x", printed)

    return attrs.evolve(
        edition,
        title=fix(edition.title),
        footnotes=tuple(attrs.evolve(n, text=fix(n.text)) for n in edition.footnotes),
        categories=tuple(attrs.evolve(c, name=fix(c.name)) for c in edition.categories),
        initiatives=tuple(
            attrs.evolve(
                i,
                name=fix(i.name),
                milestones=tuple(
                    attrs.evolve(
                        m,
                        title=fix(m.title),
                        sub_items=tuple(attrs.evolve(s, text=fix(s.text)) for s in m.sub_items),
                    )
                    for m in i.milestones
                ),
            )
            for i in edition.initiatives
        ),
    )
