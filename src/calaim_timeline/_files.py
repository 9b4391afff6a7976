"""Reading and writing users' files, safely.

Reading names every way a file can be unreadable; writing replaces a file whole or not
at all.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import Final

from calaim_timeline.errors import FileReadError, OptionError, ParseError, WriteError

MAX_FILE_BYTES: Final = 64 * 2**20
"""The most a snapshot or table file may hold; a larger (or endless) file is refused."""

_OTHER_ENCODINGS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

__all__ = ["decoded", "line_of", "path_given", "read_bytes", "read_text", "write_atomic"]


def path_given(value: object, reader: str) -> Path:
    """``value`` as a path, if it is one (a string or a path-like); else an OptionError.

    ``reader`` names the call, for the message.

    Examples:
        >>> path_given("a.toml", "load").name
        'a.toml'
        >>> path_given(None, "load")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.OptionError: load reads a file named by a string or a path (got \
NoneType)
    """
    if isinstance(value, str | os.PathLike):
        try:
            return Path(value)
        except TypeError:  # a path-like that does not give a string (bytes)
            pass
    msg = f"{reader} reads a file named by a string or a path (got {type(value).__name__})"
    raise OptionError(msg)


def read_bytes(path: Path, error: type[ParseError] = ParseError) -> bytes:
    """The bytes of the regular file ``path``, at most :data:`MAX_FILE_BYTES` of them.

    Raises :class:`~calaim_timeline.errors.FileReadError` (an ``OSError`` too) naming the
    file when the system cannot read it or it is not a regular file, and ``error`` when it
    is larger than the cap.
    """
    source = str(path)
    try:
        info = path.stat()
    except OSError as failure:
        raise _unreadable(failure, source) from None
    if not stat.S_ISREG(info.st_mode):
        kind = _kind_of(info.st_mode)
        msg = f"not a regular file but {kind}: give a snapshot or table file"
        code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else None
        raise _unreadable(OSError(code, msg), source, msg)
    try:
        with path.open("rb") as stream:
            # As much as the file holds (not a buffer of the cap), then any growth since.
            expected = min(info.st_size, MAX_FILE_BYTES) + 1
            data = stream.read(expected)
            if len(data) == expected:
                data += stream.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as failure:
        raise _unreadable(failure, source) from None
    if len(data) > MAX_FILE_BYTES:
        msg = f"the file is larger than {MAX_FILE_BYTES // 2**20} MiB, the most this reads"
        raise error(msg, source=source)
    return data


def _unreadable(failure: OSError, source: str, msg: str | None = None) -> FileReadError:
    """The error for a file the system would not read: the reason, errno and file name."""
    said = msg or f"cannot read the file: {failure.strerror or failure}"
    return FileReadError(said, source=source, code=failure.errno, reason=failure.strerror)


def read_text(path: Path, error: type[ParseError] = ParseError) -> str:
    """The UTF-8 text of ``path`` (a leading byte-order mark dropped).

    Raises ``error`` naming the file, and the line and column of the first byte
    that is not UTF-8, when the file cannot be read, is not UTF-8 text, or is empty.
    """
    return decoded(read_bytes(path, error), str(path), error)


def decoded(data: bytes, source: str, error: type[ParseError] = ParseError) -> str:
    """``data`` as UTF-8 text, read as :func:`read_text` reads a file's bytes."""
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


def _kind_of(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a pipe"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


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


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    r"""Replace ``path`` with ``data`` (text is written as UTF-8) in one step: all or none.

    The data goes to a new temporary file in the same directory, is flushed to disk, and
    the file is renamed over ``path``; on any failure the temporary file is removed and
    the previous file, if any, is left as it was. A rewritten file keeps its permissions;
    a new one gets those of any new file (the process's umask applies, untouched). A
    failure of the file system raises :class:`~calaim_timeline.errors.WriteError` naming
    the file.

    Examples:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as directory:
        ...     path = pathlib.Path(directory) / "notes.txt"
        ...     write_atomic(path, "first\n")
        ...     write_atomic(path, "second\n")
        ...     path.read_text()
        'second\n'
    """
    path = Path(path)
    temporary: Path | None = None
    try:
        temporary, handle = _create_beside(path)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode() if isinstance(data, str) else data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            temporary.chmod(path.stat().st_mode & 0o777)
        temporary.replace(path)
    except BaseException as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if isinstance(error, OSError):
            raise WriteError(str(path), _why(error, path), error.errno) from error
        raise


def _why(error: OSError, path: Path) -> str:
    """Why ``path`` could not be written, naming a missing folder (the usual slip)."""
    folder = path.parent
    if isinstance(error, FileNotFoundError) and not folder.exists():
        return f"the folder {folder} does not exist: create it first (mkdir -p {folder})"
    return error.strerror or str(error)


def _create_beside(path: Path) -> tuple[Path, int]:
    """A new file next to ``path``, with a name no other file has, open for writing."""
    while True:
        # Short, whatever the name: a legal long name plus a suffix could pass the limit.
        candidate = path.with_name(f".calaim-{os.urandom(6).hex()}.tmp")
        try:
            return candidate, os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 32 random bits taken: draw again
            continue
