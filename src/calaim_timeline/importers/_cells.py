"""Reading one table cell of a published calendar: its bullets, marks and footnotes.

A cell holds ``--`` (nothing), a ``<ul>``/``<li>`` list (nested for sub-items) or plain
``•``/``○`` bullets, or, at the top of a continuation row, the rest of a bullet that a
page break cut. Each item's text keeps its ``<sup>`` marks until :func:`finish` reads
them, so that a bullet joined across pages is read as one.
"""

from __future__ import annotations

import html
import re
from typing import Final

import attrs

from calaim_timeline._build import MAX_NUMBER
from calaim_timeline.model import MilestoneKind

__all__ = ["CellError", "Item", "Piece", "finish", "literal", "pieces", "plain_text"]

_TOKEN: Final = re.compile(
    r"(?P<open><ul\b[^>]*>)|(?P<close></ul\s*>)|(?P<li><li\b[^>]*>)|(?P<end></li\s*>)"
    r"|(?P<sup><sup>.*?</sup>)|(?P<bullet>[•○])|(?P<tag><[^>]*>)|(?P<text>[^<•○]+)",
    re.DOTALL,
)
_STYLE_TAGS: Final = re.compile(r"</?(?:b|strong|i|em|span|p|br)\b[^>]*/?>", re.IGNORECASE)
_SUP: Final = re.compile(r"<sup>(.*?)</sup>", re.DOTALL)
_MARKS: Final = "*^+"
_INLINE_MARK: Final = re.compile(r"(?<=\S)([*^+])(?=\s|$)")
_LINK: Final = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REFERENCES: Final = str.maketrans({c: f"&#{ord(c)};" for c in "*^+•○"})
_ESCAPED: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


class CellError(ValueError):
    """A cell that cannot be read; ``offset`` is where in the cell, ``length`` how much."""

    def __init__(self, message: str, offset: int, length: int = 1) -> None:
        """Say what is wrong at ``offset`` within the cell."""
        super().__init__(message)
        self.offset = offset
        self.length = length


@attrs.frozen
class Piece:
    """One bullet of a cell as written, with ``<sup>`` marks still in its raw text.

    Its level is 1 for a bullet, 2 for a sub-bullet, 0 for the unbulleted rest of a cut one.
    """

    level: int
    raw: str
    offset: int


@attrs.frozen
class Item:
    """A bullet read: its text, kind mark and footnote numbers."""

    text: str
    kind: MilestoneKind | None
    footnotes: tuple[int, ...]


@attrs.define
class _Open:
    """A bullet being read: ``fresh`` until text follows its ``<li>``."""

    level: int
    offset: int
    raw: str = ""
    fresh: bool = False


def pieces(cell: str) -> list[Piece]:  # noqa: C901, PLR0912 - one branch per token kind
    """The bullets of ``cell`` in order; raises CellError for markup it cannot read."""
    if cell.strip() in {"", "--"}:
        return []
    found: list[_Open] = []
    depth = 0
    current: _Open | None = None
    for match in _TOKEN.finditer(cell):
        kind, value, at = match.lastgroup, match.group(), match.start()
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                msg = "</ul> without an opening <ul>"
                raise CellError(msg, at, len(value))
        elif kind == "li":
            current = _Open(level=min(max(depth, 1), 2), offset=at, fresh=True)
            found.append(current)
        elif kind == "end":
            current = None
        elif kind == "bullet":
            level = 1 if value == "•" else 2
            if current is not None and current.fresh:  # "<li>• …": the bullet is the li's
                current.level = max(level, current.level)
                current.fresh = False
            else:
                current = _Open(level=level, offset=at)
                found.append(current)
        elif kind == "tag" and not _STYLE_TAGS.fullmatch(value):
            msg = f"unknown markup {value!r}"
            raise CellError(msg, at, len(value))
        elif kind in {"text", "sup"}:
            if current is None:
                if not value.strip():
                    continue
                if found:
                    msg = f"text outside a list item: {value.strip()!r}"
                    raise CellError(msg, at, len(value))
                current = _Open(level=0, offset=at)  # the rest of a bullet a page break cut
                found.append(current)
            current.raw += value
            current.fresh = current.fresh and not value.strip()
    if depth > 0:
        msg = "a <ul> list is not closed (is the row cut short?)"
        raise CellError(msg, len(cell.rstrip()), 1)
    return [Piece(o.level, o.raw, o.offset) for o in found if o.raw.strip() or o.level]


def plain_text(raw: str) -> str:
    """Markup-free text: links as their text, escapes and entities undone, spaces collapsed."""
    text = _STYLE_TAGS.sub(" ", _LINK.sub(r"\1", raw))
    text = html.unescape(_ESCAPED.sub(r"\1", text))
    return " ".join(text.split())


def literal(text: str, *, keep: str = "") -> str:
    r"""Cell markup that :func:`plain_text` reads back as ``text`` (spaces collapsed).

    For text that is only text (CSV and Excel cells, the text of a web page or a PDF):
    markdown characters are escaped, and kind marks and bullets become character
    references, so that an ``&``, a ``<b>``, a ``\*`` or a title ending in ``+`` there is
    what it says, not markup. The marks and bullets in ``keep`` stay as they are, to be
    read as the calendar's cells read them (a ``+`` after a word, a ``•`` starting a line).

    Examples:
        >>> literal("R&D <b> [x](y) live+")
        'R&amp;D &lt;b&gt; \\[x\\]\\(y\\) live&#43;'
        >>> plain_text(literal("R&D <b> [x](y) a\\*b •"))
        'R&D <b> [x](y) a\\*b •'
    """
    escaped = re.sub(r"([\\`_{}\[\]()#\-.!|])", r"\\\1", text)
    kept = {ord(c): c for c in keep}
    return html.escape(escaped, quote=False).translate(_REFERENCES | kept)


def finish(raw: str, offset: int = 0) -> Item:
    """Read a bullet's kind mark and footnote numbers out of its raw text."""
    marks: list[str] = []
    notes: list[int] = []
    for sup in _SUP.finditer(raw):
        for token in re.split(r"[\s,]+|(?<=[*^+])|(?=[*^+])", sup.group(1)):
            if not token:
                continue
            if token in _MARKS:
                marks.append(token)
            elif token.isdecimal():
                if len(token) > len(str(MAX_NUMBER)):
                    msg = f"footnote number {token[:12]}… is too large: at most {MAX_NUMBER:,}"
                    raise CellError(msg, offset + sup.start(), len(sup.group()))
                notes.append(int(token))
            else:
                msg = f"unknown mark {token!r} in {sup.group()!r}: expected *, ^, + or numbers"
                raise CellError(msg, offset + sup.start(), len(sup.group()))
    bare = _STYLE_TAGS.sub(" ", _SUP.sub(" ", raw)).rstrip()
    while bare and bare[-1] in _MARKS:  # a mark written inline at the end ("live+", "live +")
        marks.append(bare[-1])
        bare = bare[:-1].rstrip()
    # ... or right after a word inside the text ("effective date+ (January 1)").
    marks += _INLINE_MARK.findall(bare)
    text = plain_text(_INLINE_MARK.sub("", bare))
    if not text:
        msg = f"a bullet with no text: {raw.strip()!r}"
        raise CellError(msg, offset, max(len(raw), 1))
    if len(set(marks)) > 1:
        msg = f"more than one kind mark ({' '.join(marks)}) on {text!r}"
        raise CellError(msg, offset, len(raw))
    kind = MilestoneKind.from_mark(marks[0]) if marks else None
    return Item(text=text, kind=kind, footnotes=tuple(notes))
