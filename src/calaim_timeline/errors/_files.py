"""The errors of files: one the system would not read, or one that could not be written.

Each is an ``OSError`` too, with ``errno``, ``strerror`` and ``filename``; a file that
cannot be read is also the ``OSError`` subclass its ``errno`` calls for
(``FileNotFoundError``, ``PermissionError``, ``IsADirectoryError``, ``NotADirectoryError``),
as ``open()`` would raise.
"""

from __future__ import annotations

from typing import Any, Self, TypeVar, cast

from calaim_timeline._reporting import shortened
from calaim_timeline.errors._core import CalaimTimelineError, ParseError

__all__ = [
    "FileReadError",
    "WriteError",
]

_E = TypeVar("_E", bound="_SystemError")


class _SystemError(OSError):
    """An error of ours that is also the ``OSError`` subclass its ``errno`` calls for."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its own class and state (the joined class is made again on load)."""
        system = (self.errno, self.strerror, self.filename)
        return (_restored, (_ours(type(self)), self.args, self.__dict__, system))


def _ours(kind: type[_SystemError]) -> type[_SystemError]:
    """The class of ours a joined class was made from (the class itself if not joined)."""
    return kind.__bases__[0] if kind.__dict__.get("_joined") else kind


def _joined(kind: type[_E], code: int | None) -> type[_E]:
    """``kind`` that is also the ``OSError`` subclass ``code`` calls for, as ``open()`` raises."""
    system = type(OSError(code, "")) if code is not None else OSError
    if system is OSError:
        return kind
    if (kind, system) not in _JOINED:
        names = {"__module__": kind.__module__, "__qualname__": kind.__qualname__}
        _JOINED[kind, system] = type(
            kind.__name__, (kind, system), {**names, "__doc__": kind.__doc__, "_joined": True}
        )
    return cast("type[_E]", _JOINED[kind, system])


_JOINED: dict[tuple[type, type], type] = {}
"""Each class of ours joined with a system subclass, made once."""


def _restored(
    kind: type[_E], args: tuple[Any, ...], state: dict[str, Any], system: tuple[Any, Any, Any]
) -> _E:
    error: _E = OSError.__new__(_joined(kind, system[0]))
    error.args = args
    error.__dict__.update(state)
    error.errno, error.strerror, error.filename = system
    return error


class FileReadError(ParseError, _SystemError):
    """A file the system cannot read: a ``ParseError`` naming it, and an ``OSError``.

    ``filename``, ``errno`` and ``strerror`` are set, and the error is also the
    ``OSError`` subclass its ``errno`` calls for, as ``open()`` would raise:
    ``FileNotFoundError``, ``PermissionError``, ``IsADirectoryError`` (a folder given as
    a file) or ``NotADirectoryError``.

    Examples:
        >>> from calaim_timeline import load
        >>> try:
        ...     load("no-such.toml")
        ... except FileNotFoundError as error:
        ...     print(type(error).__name__, error.filename, error.errno)
        FileReadError no-such.toml 2
    """

    def __new__(cls, message: str, *, code: int | None = None, **_: object) -> Self:  # noqa: ARG004
        """An instance of the class ``code`` calls for."""
        error: Self = OSError.__new__(_joined(cls, code))
        return error

    def __init__(
        self, message: str, *, source: str, code: int | None = None, reason: str | None = None
    ) -> None:
        """What is wrong with the file ``source``; the system's ``code`` and ``reason``."""
        super().__init__(message, source=source)
        self.errno, self.strerror, self.filename = code, reason, source


class WriteError(CalaimTimelineError, _SystemError):
    """A file that could not be written; the previous file, if any, is unchanged.

    As an ``OSError``: ``filename``, ``strerror`` and (where the system gave one) ``errno``,
    and the ``OSError`` subclass that ``errno`` calls for (``FileExistsError``,
    ``PermissionError``, ``FileNotFoundError`` for a missing folder, …).

    Examples:
        >>> error = WriteError("out/a.toml", "No such file or directory", 2)
        >>> print(error)
        out/a.toml: cannot write the file: No such file or directory (nothing was changed)
        >>> error.filename, error.errno, isinstance(error, FileNotFoundError)
        ('out/a.toml', 2, True)
    """

    def __new__(cls, path: str, reason: str, code: int | None = None) -> Self:  # noqa: ARG004
        """An instance of the class ``code`` calls for."""
        error: Self = OSError.__new__(_joined(cls, code))
        return error

    def __init__(self, path: str, reason: str, code: int | None = None) -> None:
        """Name the file (``path``), why it could not be written, and the system's ``code``."""
        self.path = path
        self.reason = reason
        message = f"{shortened(path)}: cannot write the file: {reason} (nothing was changed)"
        super().__init__(message)
        self.args = (message,)  # OSError's own __init__ keeps none: its __new__ is ours
        self.errno, self.strerror, self.filename = code, reason, path
