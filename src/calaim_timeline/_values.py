"""A document's plain values checked one by one: strings, numbers, lists, choices.

Each check returns the value or raises :class:`Problem`, whose path is built up on the
way out of a failure, so a sound document pays nothing for it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

__all__ = [
    "ID_PATTERN",
    "MAX_NUMBER",
    "MISSING",
    "REQUIRED",
    "UNSAFE_CHARACTERS",
    "Problem",
    "choice",
    "clean",
    "describe",
    "digits",
    "encodes",
    "items",
    "number",
    "path_of",
    "string",
    "string_field",
    "within",
]

_T = TypeVar("_T")
SHOWN: Final = 40
MISSING: Final = object()
LONG_INT_BITS: Final = 64
WRITABLE_BITS: Final = 14_000  # below Python's 4,300-digit limit on writing an int
REQUIRED: Final = "required field missing"
MAX_NUMBER: Final = 999_999
"""The largest footnote number a document may hold (a footnote is numbered in a page)."""

ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Ids are slugs: lowercase letters and digits in words joined by single hyphens."""

UNSAFE_CHARACTERS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters no text of an edition may hold: controls (C0, DEL, C1) and bidi controls."""


def encodes(text: str) -> bool:
    r"""Safe to store and to show: no unsafe character, no lone surrogate.

    Examples:
        >>> encodes("Go-live"), encodes("Go\x1b[2J"), encodes("\ud800")
        (True, False, False)
    """
    if UNSAFE_CHARACTERS.search(text) is not None:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean(text: str) -> bool:
    """Not empty, no surrounding spaces, safe to store and show: what a title must be.

    Examples:
        >>> clean("Go-live"), clean(" Go-live"), clean("")
        (True, False, False)
    """
    return bool(text) and text.strip() == text and encodes(text)


class Problem(Exception):  # noqa: N818 - internal: never leaves the snapshot reader
    """A problem with a value, and the path to it, built up as it propagates."""

    def __init__(self, message: str, *path: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def under(self, *steps: str | int) -> Problem:
        """The same problem, one level deeper in the document: under ``steps``."""
        return Problem(self.message, *steps, *self.path)


def describe(value: object) -> str:
    """A value's type and a short repr, for messages: ``int 7``, ``str 'abc…'``.

    Examples:
        >>> describe(7), describe(None), describe(16**2000)
        ('int 7', 'NoneType None', 'int of 2409 digits')
    """
    if isinstance(value, int) and value.bit_length() > LONG_INT_BITS:
        return f"int of {digits(value)} digits"
    shown = repr(value)
    if len(shown) > SHOWN:
        shown = shown[: SHOWN - 1] + "…"
    return f"{type(value).__name__} {shown}"


def path_of(steps: tuple[str | int, ...]) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps).removeprefix(".")


def string_field(table: Mapping[str, Any], key: str, default: object = MISSING) -> Any:  # noqa: ANN401
    value = table.get(key, default)
    if type(value) is str or (value is None and default is None):
        return value
    if value is MISSING:
        raise Problem(REQUIRED, key)
    if isinstance(value, str):
        return value
    msg = f"must be a string (got {describe(value)})"
    raise Problem(msg, key)


def digits(value: int) -> int:
    """How many decimal digits ``value`` has; past Python's limit, without writing it out."""
    if value.bit_length() < WRITABLE_BITS:
        return len(str(abs(value)))
    return int(abs(value).bit_length() * math.log10(2)) + 1


def number(value: object) -> int:
    if type(value) is int or (isinstance(value, int) and not isinstance(value, bool)):
        if abs(value) > MAX_NUMBER:
            msg = f"must be a whole number up to {MAX_NUMBER:,} (got {describe(value)})"
            raise Problem(msg)
        return int(value)
    msg = f"must be a whole number (got {describe(value)})"
    raise Problem(msg)


def string(value: object) -> str:
    if isinstance(value, str):
        return value
    msg = f"must be a string (got {describe(value)})"
    raise Problem(msg)


def choice(value: object, choices: Mapping[str, _T], key: str) -> _T:
    try:
        return choices[value]  # type: ignore[index]
    except (KeyError, TypeError):
        names = ", ".join(choices)
        msg = f"unknown value {value!r}: expected one of {names}"
        raise Problem(msg, key) from None


def items(table: Mapping[str, Any], key: str, read: Callable[[Any], _T]) -> tuple[_T, ...]:
    values = table.get(key, ())
    if type(values) is not list and not isinstance(values, list | tuple):
        msg = f"must be a list (got {describe(values)})"
        raise Problem(msg, key)
    try:
        return tuple(map(read, values))
    except Problem as problem:  # find which item, now that speed no longer matters
        for index, value in enumerate(values):
            try:
                read(value)
            except Problem as found:
                raise found.under(key, index) from None
        raise problem.under(key) from None  # pragma: no cover - the item failed above


def within(key: str, read: Callable[[Any], _T], value: object) -> _T:
    try:
        return read(value)
    except Problem as problem:
        raise problem.under(key) from None
