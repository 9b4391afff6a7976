"""A PDF page's characters as lines, runs and items, as any producer draws them.

Characters (and the small circles and squares browsers draw as list markers) are put
back into lines by their height on the page; a line's characters are runs of text,
raised text (smaller than the body text) and inline kind marks; a cell's lines are items,
a bullet starting each, the lines without one going on with the item above (see
:func:`~calaim_timeline.importers._document.joined`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from calaim_timeline.importers._document import Item, Place, Run, Style, joined, merged, rstripped
from calaim_timeline.importers._vocabulary import KIND_MARKS

__all__ = [
    "BULLETS",
    "HOLLOW",
    "SMALLER",
    "Glyph",
    "Line",
    "body_size",
    "cell_items",
    "leading_bullet",
    "line_runs",
    "page_glyphs",
    "text_lines",
    "trimmed",
]

BULLETS: Final = frozenset("•●▪■◆➢►✓-*\u2013\uf0b7\uf0a7\uf076\uf0d8")
"""Glyphs that start a milestone's line (the private-use ones are Symbol and Wingdings)."""
HOLLOW: Final = frozenset("○◦□o\uf06f")
"""Glyphs that start a sub-item's line."""
SMALLER: Final = 0.9  # a character smaller than this share of the body text is raised
_INDENT: Final = 3.0  # points further right than the cell's first bullet: a sub-item
_GAP: Final = 0.2  # a gap wider than this share of the text size is a space
_SHAPE: Final = 7.0  # the most points a bullet drawn as a shape measures across
_LIGATURES: Final = {
    chr(0xFB00 + k): text for k, text in enumerate(("ff", "fi", "fl", "ffi", "ffl", "st", "st"))
}
"""Letters a font draws as one glyph ("ﬁ"), as the letters they are."""


@attrs.frozen
class Glyph:
    """A character on the page, or a bullet drawn as a shape (``shape``)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""
    shape: bool = False


Line = list[Glyph]


def page_glyphs(page: Any) -> list[Glyph]:  # noqa: ANN401 - pdfplumber is untyped
    """The page's characters, and its small circles and squares (list markers)."""
    found = [
        Glyph(
            _LIGATURES.get(str(c["text"]), str(c["text"])),
            float(c["x0"]),
            float(c["x1"]),
            float(c["top"]),
            float(c["bottom"]),
            float(c["size"]),
            str(c.get("fontname", "")),
        )
        for c in page.chars
    ]
    for shape in (*page.curves, *page.rects):
        width = float(shape["x1"]) - float(shape["x0"])
        height = float(shape["bottom"]) - float(shape["top"])
        square = 0.7 <= width / max(height, 0.01) <= 1.4  # noqa: PLR2004 - about as wide as high
        if not (0.8 <= width <= _SHAPE and square):  # noqa: PLR2004 - a rule is not a marker
            continue
        filled = bool(shape.get("fill")) and not (
            shape.get("stroke") and shape.get("non_stroking_color") in {(1,), (1, 1, 1), 1}
        )
        found.append(
            Glyph(
                "•" if filled else "○",
                float(shape["x0"]),
                float(shape["x1"]),
                float(shape["top"]),
                float(shape["bottom"]),
                height,
                shape=True,
            )
        )
    return found


def text_lines(glyphs: Iterable[Glyph]) -> list[Line]:
    """Glyphs grouped into lines, top to bottom, each left to right.

    A glyph joins a line when its height overlaps the line's by a third or more, so a
    raised mark stays on its line and a smaller line below starts its own.
    """
    lines: list[tuple[list[float], Line]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        height = max(glyph.bottom - glyph.top, 0.1)
        for span, members in reversed(lines[-4:]):  # sorted by top: only the last lines
            if min(glyph.bottom, span[1]) - max(glyph.top, span[0]) >= height / 3:
                members.append(glyph)
                span[0], span[1] = min(span[0], glyph.top), max(span[1], glyph.bottom)
                break
        else:
            lines.append(([glyph.top, glyph.bottom], [glyph]))
    lines.sort(key=lambda line: line[0][0])
    return [sorted(members, key=lambda g: g.x0) for _, members in lines]


def body_size(glyphs: Iterable[Glyph]) -> float:
    """The size of the body text: the largest size of its characters (shapes aside).

    Raised marks and numbers are smaller than the text they stand by, however much of a
    short line they make; a cell's bullets are left out before it is asked.
    """
    return max((g.size for g in glyphs if not g.shape and g.text.strip()), default=0.0)


def line_runs(line: Sequence[Glyph], body: float) -> list[Run]:
    """A line's text as runs: raised where smaller than the body, kind marks as marks."""
    runs: list[Run] = []
    previous: Glyph | None = None
    for glyph in line:
        raised = glyph.size < body * SMALLER
        style = Style.RAISED if raised else Style.MARK if glyph.text in KIND_MARKS else Style.TEXT
        text = glyph.text if glyph.text.strip() else " "
        gap = previous is not None and glyph.x0 - previous.x1 > max(body, glyph.size) * _GAP
        if gap and runs and not raised and not runs[-1].text.endswith(" ") and text != " ":
            runs.append(Run(" "))
        if runs and runs[-1].style is style and style is not Style.MARK:
            runs[-1] = Run(runs[-1].text + text, style)
        else:
            runs.append(Run(text, style))
        previous = glyph
    return [Run(" ".join(r.text.split()), r.style) if r.style is Style.RAISED else r for r in runs]


def leading_bullet(line: Sequence[Glyph]) -> Glyph | None:
    """The bullet that starts ``line``, if one does.

    A shape, a bullet character (``•``, ``○``, ``▪``, a private-use Symbol or Wingdings
    one), a glyph the PDF gives no character for (``(cid:127)``), or any character of a
    symbol font; a letter or a dash only as a word of its own ("o Members", "- Draft").
    """
    shown = [g for g in line if g.text.strip()]
    if not shown:
        return None
    first = shown[0]
    font = first.font.lower()
    symbolic = any(name in font for name in ("dingbat", "symbol", "wingding"))
    if first.shape or first.text.startswith("(cid:") or symbolic:
        return first
    if first.text not in BULLETS and first.text not in HOLLOW:
        return None
    after = line[line.index(first) + 1 : line.index(first) + 2]
    spaced = not after or not after[0].text.strip()
    spaced = spaced or after[0].x0 - first.x1 > first.size * _GAP
    return first if (not first.text.isalnum() and first.text not in "-*") or spaced else None


def cell_items(glyphs: Sequence[Glyph], place: Place, *, bullets: bool) -> tuple[Item, ...]:
    """A cell's glyphs as items.

    ``bullets`` is false for a name or a category: their text has none, so a leading
    dash or letter stays text.
    """
    lines = text_lines(glyphs)
    marked = [(line, leading_bullet(line) if bullets else None) for line in lines]
    body = body_size(g for line, glyph in marked for g in line if g is not glyph)
    first: float | None = None
    items: list[tuple[int, list[Run]]] = []
    for line, glyph in marked:
        runs = line_runs([g for g in line if g is not glyph], body)
        if glyph is not None:
            first = glyph.x0 if first is None else min(first, glyph.x0)
            sub = glyph.text in HOLLOW or glyph.x0 > first + _INDENT
            items.append((2 if sub else 1, runs))
        elif items:
            items[-1] = (items[-1][0], joined(items[-1][1], runs))
        else:
            items.append((0, runs))
    return tuple(Item(level, merged(trimmed(runs)), place) for level, runs in items)


def trimmed(runs: list[Run]) -> list[Run]:
    """Runs without the spaces at either end."""
    out = rstripped(runs)
    while out and out[0].style is not Style.RAISED and not out[0].text.strip():
        out.pop(0)
    if out and out[0].style is not Style.RAISED:
        out[0] = Run(out[0].text.lstrip(), out[0].style)
    return out
