"""What an error shows: a problem with its place, and a line with a marker under a place.

Both are re-exported by :mod:`calaim_timeline.errors`.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["EXCERPT_WIDTH", "Problem", "excerpt", "heading", "quoted", "shortened"]

EXCERPT_WIDTH: Final = 160
"""The most characters of a line an error shows; a longer line is cut around the place."""
SAID: Final = 600
"""The most characters of a message an error line shows (cut in the middle with ``…``):
room for the longest message's words (a date's hint runs to 330) and a quoted value's
160 characters, whatever quotes it."""


def heading(
    source: str | None, line: int | None, column: int | None, path: str, message: str
) -> str:
    """``source:line:column: path: message``, each part where known.

    Examples:
        >>> heading("c.md", 12, 9, "", "unknown kind mark '#'")
        "c.md:12:9: unknown kind mark '#'"
    """
    where = shortened(source) if source else "<input>"
    if line is not None:
        where += f":{line}" + (f":{column}" if column is not None else "")
    inside = f"{path}: " if path else ""
    return f"{where}: {inside}{shortened(message, SAID)}"


def shortened(text: str, most: int = EXCERPT_WIDTH) -> str:
    """``text``, or its start and end around ``…`` where it is longer than ``most``.

    Examples:
        >>> shortened("a" * 200 + ".toml", 20)
        'aaaaaaaaa…aaaaa.toml'
    """
    if len(text) <= most:
        return text
    head = (most - 1) // 2
    return text[:head] + "…" + text[len(text) - (most - 1 - head) :]


def quoted(value: str) -> str:
    """``value``'s repr, cut in the middle to at most :data:`EXCERPT_WIDTH` characters.

    Examples:
        >>> quoted("ecm"), len(quoted("[" * 1_000))
        ("'ecm'", 160)
    """
    return shortened(repr(value))


def excerpt(text: str, column: int | None, length: int) -> tuple[str, ...]:
    r"""``text`` indented, and a marker of ``length`` under ``column`` (1-based) if given.

    One character per column, so that the marker stays under its place, and nothing a
    terminal would act on; a long line is cut to the part around the place, with ``…``.

    Examples:
        >>> excerpt("a =\t?", 5, 1)
        ('    a = ?', '        ^')
    """
    line = text.rstrip("\r\n").replace("\t", " ")
    line = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in line)
    if len(line) > EXCERPT_WIDTH:  # a long line: the part around the place, cut with …
        start = max(0, min((column or 1) - 1 - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
        cut = line[start : start + EXCERPT_WIDTH]
        line = ("…" if start else "") + cut + ("…" if start + EXCERPT_WIDTH < len(line) else "")
        column = None if column is None else column - start + (1 if start else 0)
    if column is None:
        return ("    " + line,)
    length = max(1, min(length, len(line) - column + 1))  # no further than the line
    return ("    " + line, "    " + " " * (column - 1) + "^" * length)


@attrs.frozen
class Problem:
    """One thing wrong with an edition, and where it is inside the document.

    ``path`` uses the file's own keys: ``initiatives[3].milestones[0].when``; it is
    empty for the document as a whole.

    Examples:
        >>> str(Problem("initiatives[0].id", "must not be empty"))
        'initiatives[0].id: must not be empty'
        >>> str(Problem("", "the file is empty"))
        'the file is empty'
    """

    path: str
    message: str

    def __str__(self) -> str:
        """``path: message``, or just the message for the whole document (each cut to fit)."""
        message = shortened(self.message, SAID)
        return f"{shortened(self.path)}: {message}" if self.path else message
