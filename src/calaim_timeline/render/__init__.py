"""Renderers: small configured callables that turn model objects into text.

Each renderer takes its options once, when built, and is pure when called.
"""

from calaim_timeline.render.json import ChangelogJson, DiffJson, EditionJson, HistoryJson
from calaim_timeline.render.markdown import ChangelogMarkdown, DiffMarkdown, EditionMarkdown
from calaim_timeline.render.text import (
    DiffText,
    EditionText,
    HistoryText,
    SlipText,
    UpcomingText,
)

__all__ = [
    "ChangelogJson",
    "ChangelogMarkdown",
    "DiffJson",
    "DiffMarkdown",
    "DiffText",
    "EditionJson",
    "EditionMarkdown",
    "EditionText",
    "HistoryJson",
    "HistoryText",
    "SlipText",
    "UpcomingText",
]
