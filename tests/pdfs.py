"""Editions rendered as PDFs in the published calendar's layout, with reportlab.

Landscape pages; the title and the key above a ruled table; three header rows
(Initiatives | CalAIM Major Milestones, the quarters, the months) repeated on every page;
category rows spanning the table; an initiative per row with its footnote numbers raised;
in each month's cell a bullet per milestone with its kind mark and footnote numbers
raised, and a hollow bullet per sub-item; rows cut across page breaks; the footnotes,
raised numbers first, under the table that first cites them.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from calaim_timeline import Edition, Initiative, MilestoneKind
from calaim_timeline.render.grid import _months

# A font with the bullets (•, ○) and every character of the titles: matplotlib's DejaVu.
_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
pdfmetrics.registerFont(TTFont("Sans", str(_FONTS / "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("Sans-Bold", str(_FONTS / "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily("Sans", normal="Sans", bold="Sans-Bold")

BODY = ParagraphStyle("body", fontName="Sans", fontSize=7, leading=9)
NAME = ParagraphStyle("name", parent=BODY, fontName="Sans-Bold")
TITLE = ParagraphStyle("title", fontName="Sans-Bold", fontSize=14, leading=18)
NOTE = ParagraphStyle("note", parent=BODY, fontSize=6.5, leading=8)


def _raised(kind: MilestoneKind | None, footnotes: tuple[int, ...]) -> str:
    inner = (kind.mark if kind else "") + ",".join(map(str, footnotes))
    return f"<super>{escape(inner)}</super>" if inner else ""


def _cell(initiative: Initiative, month_start: object) -> Paragraph | str:
    lines = []
    for milestone in initiative.milestones:
        if milestone.when.start != month_start:
            continue
        lines.append(f"• {escape(milestone.title)}{_raised(milestone.kind, milestone.footnotes)}")
        lines += [
            f"&nbsp;&nbsp;○ {escape(item.text)}{_raised(item.kind, item.footnotes)}"
            for item in milestone.sub_items
        ]
    return Paragraph("<br/>".join(lines) if lines else "--", BODY)


def _table(
    edition: Edition, rows: list[list[object]], styles: list[tuple[object, ...]], *, cut: bool
) -> Table:
    months = _months(edition)
    width = len(months)
    quarters: list[object] = [""]
    spans: list[tuple[object, ...]] = [("SPAN", (1, 0), (width, 0))]
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
        repeatRows=3,
        splitByRow=0 if cut else 1,  # cut: split inside the row at the page's end
        splitInRow=1,
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, 2), "Sans-Bold", 8),
                ("FONT", (0, 3), (-1, -1), "Sans", 7),
                ("BACKGROUND", (0, 0), (-1, 2), colors.HexColor("#dbe5f1")),
                *spans,
                *styles,
            ]
        ),
    )


def calendar_pdf(
    edition: Edition, path: Path, *, rows_per_table: int | None = None, cut: bool = True
) -> None:
    """Write ``edition`` as the published calendar PDF; tables of ``rows_per_table`` rows.

    With ``cut``, a row that reaches the end of a page goes on over the next one.
    """
    months = _months(edition)
    rows: list[tuple[list[object], str | None, tuple[int, ...]]] = []
    for initiative in [i for i in edition.initiatives if i.category is None]:
        rows.append((_row(initiative, months), None, _cited(initiative)))
    for category in edition.categories:
        rows.append(([Paragraph(f"<b>{escape(category.name)}</b>", NAME)], "category", ()))
        for initiative in [i for i in edition.initiatives if i.category == category.id]:
            rows.append((_row(initiative, months), None, _cited(initiative)))
    size = rows_per_table or max(len(rows), 1)
    story: list[Flowable] = [
        Paragraph(escape(edition.title), TITLE),
        Paragraph("KEY: * Document Release; ^ Submission Deadline; + Program Launch", NAME),
        Spacer(1, 6),
    ]
    shown: set[int] = set()
    for first in range(0, len(rows), size):
        chunk = rows[first : first + size]
        data, styles = [], []
        for k, (cells, kind, _) in enumerate(chunk, start=3):
            if kind == "category":
                data.append(cells + [""] * len(months))
                styles += [
                    ("SPAN", (0, k), (-1, k)),
                    ("BACKGROUND", (0, k), (-1, k), colors.HexColor("#f2f2f2")),
                ]
            else:
                data.append(cells)
        story.append(_table(edition, data, styles, cut=cut))
        cited = sorted({n for _, _, notes in chunk for n in notes} - shown)
        if first + size >= len(rows):
            cited = sorted({n.number for n in edition.footnotes} - shown)
        story.append(Spacer(1, 4))
        for number in cited:
            text = edition.footnote(number).text
            story.append(Paragraph(f"<super>{number}</super> {escape(text)}", NOTE))
        shown.update(cited)
    document = SimpleDocTemplate(
        str(path),
        pagesize=landscape(letter),
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.5 * inch,
        title=edition.title,
        invariant=1,
    )
    document.build(story)


def _row(initiative: Initiative, months: list[object]) -> list[object]:
    name = f"<b>{escape(initiative.name)}</b>{_raised(None, initiative.footnotes)}"
    return [Paragraph(name, NAME), *(_cell(initiative, m.start) for m in months)]  # type: ignore[attr-defined]


def _cited(initiative: Initiative) -> tuple[int, ...]:
    numbers = list(initiative.footnotes)
    for milestone in initiative.milestones:
        numbers += milestone.footnotes
        for item in milestone.sub_items:
            numbers += item.footnotes
    return tuple(numbers)
