"""The legend of the reports' terms, in plain words, and which terms a report uses."""

from __future__ import annotations

import re
from typing import Final

from calaim_timeline.model import MilestoneKind

__all__ = ["LEGEND", "terms_used"]

LEGEND: Final = (
    (
        "Period",
        (
            "when a milestone is due: 2022-01 a month, 2022-Q1 a quarter, 2021-H2 a half"
            " year, 2022 a year, 2022-02-11/2022-02-28 a span of days; the source's own"
            " words follow in quotes"
        ),
    ),
    ("Window", "the months an edition covers, such as 2021-11/2022-03"),
    (
        "Delayed, advanced",
        "the end of the period moved later or earlier; +2 months is how far the last month moved",
    ),
    (
        "Narrowed or widened",
        "the period became shorter or longer without moving later or earlier",
    ),
    ("Restated", "the same days in other words (editorial)"),
    (
        "Date now unknown, date set again",
        "still listed, but now without a date (TBD), or given one again",
    ),
    (
        "Gone while still due",
        "no longer listed although its period falls inside the new edition's window: ask why",
    ),
    (
        "Past due",
        (
            "no longer listed, and its period, inside the new edition's window, ended before"
            " the new edition's date: done, or dropped without a word"
        ),
    ),
    ("Aged out", "no longer listed because its period ended before the new edition's window"),
    ("Beyond the window", "no longer listed because its period starts after the new window"),
    ("New", "first listed, and due inside the earlier edition's window"),
    (
        "Entered the window",
        "first listed, due after the earlier edition's window: it has come into view",
    ),
    (
        "Recognised by",
        "how a renamed initiative or reworded milestone was paired with its earlier self",
    ),
    ("Review", "that pairing is not certain (below 90% sure): check it by eye"),
    (
        "Editorial",
        "no date, item or name changed: only wording, punctuation or the footnotes cited",
    ),
    ("Marks", ", ".join(f"{k.mark} {k.words}" for k in MilestoneKind)),
)
"""Every term the reports use, once, in plain words."""

_USES: Final = {
    "Period": r"\d{4}",
    "Window": r"window",
    "Delayed, advanced": r"delayed|advanced",
    "Narrowed or widened": r"narrowed|widened",
    "Restated": r"restated",
    "Date now unknown, date set again": r"date now unknown|date set again",
    "Gone while still due": r"gone while still due",
    "Past due": r"past due",
    "Aged out": r"aged out",
    "Beyond the window": r"beyond the window",
    "New": r"\bnew\b",
    "Entered the window": r"entered the window",
    "Recognised by": r"recognised by",
    "Review": r"review:",
    "Editorial": r"editorial",
    "Marks": r"\[[*^+]\]|document release|submission deadline|program launch",
}
"""What in a report's text uses each term of :data:`LEGEND` (matched ignoring case)."""


def terms_used(text: str) -> tuple[tuple[str, str], ...]:
    """The terms of :data:`LEGEND` that ``text`` (a rendered report) uses, in legend order.

    Examples:
        >>> [term for term, _ in terms_used("Delayed: MOT goes live: 2022-01 → 2022-03")]
        ['Period', 'Delayed, advanced']
    """
    lowered = text.lower()
    return tuple(
        (term, meaning) for term, meaning in LEGEND if re.search(_USES[term], lowered) is not None
    )
