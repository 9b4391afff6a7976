"""The lines of a PDF page outside its tables: running lines, the title and footnotes.

A running header or footer is a line the same but for its numbers at the same height on
two pages or more; a page number is a number alone, "Page 2", "2 of 5" or "2/5"; both
are left out. The title is the largest text above the first table. Under the tables, a
line that starts with a raised number starts a footnote (in a word processor's footnote
area, under a short rule, a number at full size does too), and the lines right under it
go on with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from calaim_timeline.importers._document import Item, Place, Run, Style, joined, plain
from calaim_timeline.importers._pdf_text import (
    SMALLER,
    Glyph,
    Line,
    body_size,
    line_runs,
    trimmed,
)

__all__ = ["texts", "title", "without_running"]

_PAGE_NUMBER: Final = re.compile(r"(?:page\s+)?#(?:\s*(?:/|of)\s*#)?", re.IGNORECASE)
_NOTE_START: Final = re.compile(r"(\d{1,4}(?:\s*,\s*\d{1,4})*)\s+\S")


def _running(line: Sequence[Glyph]) -> str | None:
    """What a running header or footer is the same as on every page.

    Its text with its numbers as ``#``; None for a line that starts with raised text
    (a footnote).
    """
    body = body_size(line)
    if body and line[0].size < body * SMALLER:
        return None
    return re.sub(r"\d+", "#", "".join(g.text for g in line).strip())


def without_running(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """Each page's lines outside its tables, without running headers and footers.

    A running line is the same but for its numbers at the same height on two pages; a
    page number is a number alone, "Page 2", "2 of 5" or "2/5".
    """

    def key(line: Line) -> tuple[str | None, int]:
        return _running(line), round(line[0].top / 4)

    seen = Counter(k for lines in pages for k in {key(line) for line in lines})
    return [
        [
            line
            for line in lines
            if key(line)[0] is None
            or (seen[key(line)] < 2 and not _PAGE_NUMBER.fullmatch(key(line)[0] or ""))  # noqa: PLR2004
        ]
        for lines in pages
    ]


def title(lines: Sequence[Line], tops: tuple[float, float]) -> str | None:
    above = [
        line
        for line in lines
        if line[0].top < tops[0]
        and not plain(line_runs(line, body_size(line))).strip().lower().startswith("key")  # the key
    ]
    if not above:
        return None
    biggest = max(body_size(line) for line in above)
    words = [
        plain(line_runs(line, biggest)).strip()
        for line in above
        if body_size(line) >= biggest * 0.95
    ]
    return " ".join(" ".join(w.split()) for w in words if w) or None


def _note_number(runs: list[Run]) -> list[Run]:
    """In the footnote area, a number at full size that starts a line is the note's."""
    found = _NOTE_START.match(runs[0].text) if runs and runs[0].style is Style.TEXT else None
    if found is None:
        return runs
    rest = runs[0].text[found.end(1) :]
    return [Run(found.group(1), Style.RAISED), Run(rest), *runs[1:]]


def texts(lines: Sequence[Line], page: int, notes_top: float) -> list[Item]:
    """Each footnote, and each other line, as items.

    A footnote is raised numbers, then its text and the lines right under it.
    """
    found: list[Item] = []
    note: list[Run] | None = None
    last: Line | None = None
    place = Place(page=page)
    for line in lines:
        body = body_size(line) or (body_size(last) if last else 0.0)
        runs = trimmed(line_runs(line, body))
        if line[0].top >= notes_top:
            runs = _note_number(runs)
        adjacent = last is not None and line[0].top - last[-1].bottom < body * 0.8
        if runs and runs[0].style is Style.RAISED and re.fullmatch(r"[\d,\s]+", runs[0].text):
            if note is not None:
                found.append(Item(0, tuple(note), place))
            note = runs
        elif note is not None and adjacent:
            note = joined(note, runs)
        else:
            if note is not None:
                found.append(Item(0, tuple(note), place))
                note = None
            found.append(Item(0, tuple(runs), place))
        last = line
    if note is not None:
        found.append(Item(0, tuple(note), place))
    return [item for item in found if item.runs]
