"""What a month cell of the DHCS grid holds: bullets, their sub-items, marks and citations.

A cell's items are bullets (level 1), sub-bullets (level 2) and text that goes on with
the last bullet of its column across a page break (:func:`add_cell`). An item's runs give
its text, its kind mark (raised, or written after a word: ``live+``) and the footnotes
it cites (raised numbers) (:func:`read_item`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from calaim_timeline.codec import MAX_NUMBER
from calaim_timeline.importers._document import Cell, Place, PlacedError, Run, Style, joined
from calaim_timeline.importers._vocabulary import KIND_MARKS
from calaim_timeline.model import MilestoneKind

__all__ = ["Bullet", "Read", "add_cell", "read_item"]

_RAISED_TOKENS: Final = re.compile(
    rf"[\s,]+|(?<=[{re.escape(KIND_MARKS)}])|(?=[{re.escape(KIND_MARKS)}])"
)
_SUB: Final = 2


@attrs.frozen
class Read:
    """An item read: its text, kind mark and footnote numbers."""

    text: str
    kind: MilestoneKind | None
    footnotes: tuple[int, ...]


@attrs.define
class Bullet:
    """A milestone as it accumulates across page breaks: its runs and its sub-items'."""

    runs: list[Run]
    place: Place
    column: str
    subs: list[tuple[list[Run], Place]] = attrs.Factory(list)


def add_cell(column: list[Bullet], cell: Cell, number: str, *, wraps: bool) -> None:
    for k, item in enumerate(cell.items):
        runs = list(item.runs)
        if item.level == 1:
            column.append(Bullet(runs, item.place, number))
            continue
        if not column:
            what = "a sub-bullet" if item.level == _SUB else "text"
            msg = f"{what} with no bullet before it in this column: {item.text!r}"
            raise PlacedError(msg, item.place, number)
        if item.level == _SUB:
            column[-1].subs.append((runs, item.place))
        elif k > 0:
            msg = f"text outside a list item: {item.text!r}"
            raise PlacedError(msg, item.place, number)
        else:  # the rest of a bullet the page break cut
            last = column[-1].subs[-1][0] if column[-1].subs else column[-1].runs
            last[:] = joined(last, runs) if wraps else [*last, Run(" "), *runs]


def read_item(runs: Sequence[Run], place: Place, column: str) -> Read:
    """The text, kind mark and footnote numbers of an item's runs.

    Raised runs hold marks and numbers; a mark character written inline is a mark at the
    end of the text ("live+", "live +") or right after a word ("date+ (January 1)").
    """
    marks: list[str] = []
    notes: list[int] = []
    chars: list[tuple[str, bool]] = []  # each character, and whether it may be a mark
    for run in runs:
        if run.style is Style.RAISED:
            _raised(run, run.place or place, column, marks, notes)
            chars.append((" ", False))
        else:
            chars += [(c, run.style is Style.MARK) for c in run.text]
    while chars and (chars[-1][0].isspace() or chars[-1][1]):
        char, mark = chars.pop()
        if mark:
            marks.append(char)
    kept = []
    for k, (char, mark) in enumerate(chars):
        after_word = k > 0 and not chars[k - 1][0].isspace()
        if mark and after_word and (k + 1 == len(chars) or chars[k + 1][0].isspace()):
            marks.append(char)
        else:
            kept.append(char)
    text = " ".join("".join(kept).split())
    if not text:
        shown = " ".join(r.text for r in runs if r.text.strip())
        msg = f"a bullet with no text, only {shown!r}" if shown else "a bullet with no text"
        raise PlacedError(msg, place, column)
    if len(set(marks)) > 1:
        msg = f"more than one kind mark ({' '.join(marks)}) on {text!r}"
        raise PlacedError(msg, place, column)
    kind = MilestoneKind.from_mark(marks[0]) if marks else None
    return Read(text=text, kind=kind, footnotes=tuple(notes))


def _raised(run: Run, place: Place, column: str, marks: list[str], notes: list[int]) -> None:
    for token in _RAISED_TOKENS.split(run.text):
        if not token:
            continue
        if token in KIND_MARKS:
            marks.append(token)
        elif token.isdecimal():
            if len(token) > len(str(MAX_NUMBER)):
                msg = f"footnote number {token[:12]}… is too large: at most {MAX_NUMBER:,}"
                raise PlacedError(msg, place, column)
            notes.append(int(token))
        else:
            inside = f" in {run.text!r}" if run.text != token else ""
            msg = f"unknown raised mark {token!r}{inside}: expected *, ^, + or footnote numbers"
            raise PlacedError(msg, place, column)
