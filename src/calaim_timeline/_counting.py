"""A number with its noun, singular or plural: ``1 milestone``, ``2 categories``."""

from __future__ import annotations

__all__ = ["counted"]


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless the number is one.

    Examples:
        >>> counted(1, "edition"), counted(2, "category"), counted(0, "entry")
        ('1 edition', '2 categories', '0 entries')
        >>> counted(3, "day"), counted(1, "change")
        ('3 days', '1 change')
    """
    if number == 1:
        return f"1 {noun}"
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return f"{number} {noun[:-1]}ies"
    return f"{number} {noun}s"
