"""Validators of attrs fields: a value of the wrong type is an ``OptionError`` naming it.

Shared by the model and the option classes, so that a wrong type given to any public
constructor is refused the same way, also as a ``TypeError``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from calaim_timeline._values import describe
from calaim_timeline.errors import OptionError

__all__ = ["Validator", "got", "number_from", "tuple_of", "typed"]


def got(value: object) -> str:
    """``(got int 7)``: the value's type and a short repr, for a message.

    Examples:
        >>> got("x" * 100)
        "(got str 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…)"
    """
    return f"(got {describe(value)})"


Validator = Callable[[object, "attrs.Attribute[Any]", object], None]


def typed(kinds: tuple[type, ...], description: str, *, optional: bool = False) -> Validator:
    """Validator: the value is one of ``kinds`` (bool never counts as int), or None if optional.

    Examples:
        >>> @attrs.frozen
        ... class Named:
        ...     id: str = attrs.field(validator=typed((str,), "a string"))
        >>> Named(id=5)
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.OptionError: 'id' must be a string (got int 5)
    """
    exact = frozenset(kinds)  # the quick test, for the common case

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) in exact or (value is None and optional):
            return
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            msg = f"'{attribute.name}' must be {description} {got(value)}"
            raise OptionError(msg)

    return check


def tuple_of(kind: type, plural: str, singular: str) -> Validator:
    """Validator: the value is a tuple whose members are all of ``kind``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            msg = f"'{attribute.name}' must be a tuple of {plural} {got(value)}"
            raise OptionError(msg)
        for k, member in enumerate(value):
            if type(member) is not kind and (
                not isinstance(member, kind) or (isinstance(member, bool) and kind is int)
            ):
                msg = f"'{attribute.name}[{k}]' must be {singular} {got(member)}"
                raise OptionError(msg)

    return check


def number_from(low: float, high: float) -> Validator:
    """Validator: a number (not a bool, not NaN) from ``low`` to ``high``.

    Examples:
        >>> @attrs.frozen
        ... class Options:
        ...     threshold: float = attrs.field(validator=number_from(0, 100))
        >>> Options(threshold=500)
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.OptionError: threshold must be a number from 0 to 100 (got 500)
    """

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not low <= value <= high:  # type: ignore[operator]
            msg = f"{attribute.name} must be a number from {low} to {high} (got {value!r})"
            raise OptionError(msg)

    return check
