"""Reading the text of a user's file, with an error for every way it can be unreadable."""

from __future__ import annotations

import codecs
from pathlib import Path

from calaim_timeline.errors import ParseError

_OTHER_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_text(path: Path, error: type[ParseError] = ParseError) -> str:
    """The UTF-8 text of ``path`` (a leading byte-order mark dropped).

    Raises ``error`` naming the file, and the line and column of the first byte
    that is not UTF-8, when the file cannot be read, is not UTF-8 text, or is empty.
    """
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as failure:
        msg = f"cannot read the file: {failure.strerror}"
        raise error(msg, source=source) from None
    for mark, name in _OTHER_ENCODINGS:
        if data.startswith(mark):
            msg = f"the file is {name} text; save it as UTF-8"
            raise error(msg, source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        raise _not_utf8(data, failure.start, source, error) from None
    if "\x00" in text:
        line, column = _place(text, text.index("\x00"))
        msg = "a NUL character: this is a binary file, not text"
        raise error(msg, source=source, line=line, column=column)
    if not text.strip():
        msg = "the file is empty"
        raise error(msg, source=source)
    return text


def _not_utf8(data: bytes, start: int, source: str, error: type[ParseError]) -> ParseError:
    head = data[:start].decode("utf-8-sig")
    line, column = _place(head, len(head))
    begin = data.rfind(b"\n", 0, start) + 1
    end = data.find(b"\n", start)
    shown = data[begin : end if end >= 0 else len(data)].decode("utf-8", errors="replace")
    msg = f"not UTF-8 text: byte 0x{data[start]:02x} cannot be decoded; save the file as UTF-8"
    return error(msg, source=source, line=line, column=column, text=shown)


def _place(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def line_of(text: str, line: int) -> str | None:
    r"""The text of 1-based ``line`` of ``text``, or None past the end.

    Examples:
        >>> line_of("a\nb\n", 2), line_of("a\n", 3)
        ('b', None)
    """
    lines = text.split("\n")
    return lines[line - 1] if 1 <= line <= len(lines) else None
