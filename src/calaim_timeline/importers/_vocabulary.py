"""The words and marks the importers read, in one place.

Month names, the "as of" phrase that dates an edition, the calendar's kind marks and
bullets, what an empty cell says, the words that say a status, and the words a list
table's header names its columns with. Every reader and layout takes them from here, so
that a word learnt once is read everywhere.
"""

from __future__ import annotations

import re
from typing import Final

from calaim_timeline._notation import MONTH_NAMES
from calaim_timeline.model import MilestoneKind, Status
from calaim_timeline.period import Period

__all__ = [
    "AS_OF",
    "BULLET",
    "DATES",
    "EMPTY",
    "INITIATIVES",
    "KINDS",
    "KIND_HEADERS",
    "KIND_MARKS",
    "MONTH_NAMES",
    "MONTH_WORDS",
    "STATUS_HEADERS",
    "STATUS_HEADINGS",
    "STATUS_WORDS",
    "SUB_BULLET",
    "TITLES",
    "UNKNOWN_WORDS",
    "as_of",
    "month_number",
]

KIND_MARKS: Final = "".join(kind.mark for kind in MilestoneKind)
"""The calendar's kind marks: ``*`` document release, ``^`` submission deadline, ``+`` launch."""
BULLET: Final = "•"
"""The glyph that starts a milestone in a cell's text."""
SUB_BULLET: Final = "○"
"""The glyph that starts a sub-item in a cell's text."""
EMPTY: Final = frozenset({"--", "-", "\u2013", "\u2014"})
"""What a cell of the grid with no milestone says."""

MONTH_WORDS: Final = frozenset(MONTH_NAMES) | {name[:3] for name in MONTH_NAMES}
"""A month's name in full or its first three letters, lower case."""

AS_OF: Final = re.compile(
    r"\bas of\s+(?:(?:\w+day),?\s+)?(?P<month>[A-Za-z]+)\.?\s+(?:\d{1,2},?\s+)?(?P<year>\d{4})\b",
    re.IGNORECASE,
)
"""The "as of <Month> [<day>,] <Year>" that dates an edition (see :func:`as_of`)."""

STATUS_WORDS: Final = {
    "live": Status.DONE,
    "went live": Status.DONE,
    "done": Status.DONE,
    "complete": Status.DONE,
    "completed": Status.DONE,
    "launched": Status.DONE,
    "planned": Status.PLANNED,
    "upcoming": Status.PLANNED,
    "pending": Status.PLANNED,
    "scheduled": Status.PLANNED,
}
"""Words that say a milestone's status, in a date cell or a status column."""
STATUS_HEADINGS: Final = {
    **dict.fromkeys(("actual", "done", "complete", "completed", "released", "past"), Status.DONE),
    **dict.fromkeys(("expected", "planned", "upcoming", "future", "scheduled"), Status.PLANNED),
}
"""Headings (or paragraphs) that set the status of a bullet list's items under them."""
UNKNOWN_WORDS: Final = frozenset(
    {
        *("tbd", "tba", "tbc", "to be determined", "to be announced", "to be confirmed"),
        *("pending", "unknown", "not yet scheduled", "not yet determined", "date tbd"),
    }
)
"""What a date cell says of a date nobody knows yet: an unknown date (see ``UnknownDate``)."""

TITLES: Final = (
    "policy",
    "what",
    "milestone",
    "milestones",
    "activity",
    "activities",
    "deliverable",
    "deliverables",
    "item",
    "title",
    "name",
    "event",
    "task",
    "program",
    "initiative",
)
"""Header words of a list table's title column (the first found is the title; "initiative" last)."""
DATES: Final = (
    "go-live date",
    "go live date",
    "go-live",
    "go live",
    "launch date",
    "launch",
    "when",
    "target date",
    "target",
    "due date",
    "due",
    "deadline",
    "date",
    "dates",
    "timeline",
    "timing",
    "effective date",
    "implementation date",
    "start date",
)
"""Header words of a list table's date column."""
INITIATIVES: Final = ("initiative", "program", "workstream", "category", "area")
"""Header words of a list table's initiative column."""
KIND_HEADERS: Final = ("kind", "type", "milestone type")
"""Header words of a list table's kind column."""
STATUS_HEADERS: Final = ("status", "state")
"""Header words of a list table's status column."""
KINDS: Final = {
    **{kind.value: kind for kind in MilestoneKind},
    **{kind.words: kind for kind in MilestoneKind},
    **{kind.mark: kind for kind in MilestoneKind},
}
"""What a kind cell may say: a kind's name (with a space or hyphen) or its mark."""


def month_number(word: str) -> int | None:
    """The month a word names (in full or by its first three letters), 1 to 12.

    Examples:
        >>> month_number("Nov"), month_number("Sept."), month_number("Novel")
        (11, 9, None)
    """
    key = word.lower().rstrip(".")
    found = [k for k, name in enumerate(MONTH_NAMES, start=1) if name.startswith(key)]
    return found[0] if len(key) >= 3 and found else None  # noqa: PLR2004 - "Jan", not "J"


def as_of(text: str) -> Period | None:
    """The month an "as of <Month> [<day>,] <Year>" in ``text`` names, if any.

    Examples:
        >>> as_of("CalAIM Milestones Calendar as of November 2021")
        Period('2021-11')
        >>> as_of("Go-live dates as of Tuesday, Jan. 4, 2022"), as_of("as of now")
        (Period('2022-01'), None)
    """
    for found in AS_OF.finditer(text):
        month = month_number(found.group("month"))
        year = int(found.group("year"))
        if month is not None and 1 <= year <= 9999:  # noqa: PLR2004 - the calendar's years
            return Period.month(year, month)
    return None
