"""Renderers: small configured callables that turn model objects into text.

Each renderer takes its options once, when built, and is pure when called.
"""

from typing import TYPE_CHECKING

from calaim_timeline._lazy import lazy_attributes

if TYPE_CHECKING:
    from calaim_timeline.render._digest import headline
    from calaim_timeline.render.json import ChangelogJson, DiffJson, EditionJson, HistoryJson
    from calaim_timeline.render.markdown import ChangelogMarkdown, DiffMarkdown, EditionMarkdown
    from calaim_timeline.render.text import (
        ChangelogText,
        DiffText,
        EditionText,
        HistoryText,
        SlipText,
        UpcomingText,
    )

_HOMES = {
    "headline": "_digest",
    "ChangelogJson": "json",
    "DiffJson": "json",
    "EditionJson": "json",
    "HistoryJson": "json",
    "ChangelogMarkdown": "markdown",
    "DiffMarkdown": "markdown",
    "EditionMarkdown": "markdown",
    "ChangelogText": "text",
    "DiffText": "text",
    "EditionText": "text",
    "HistoryText": "text",
    "SlipText": "text",
    "UpcomingText": "text",
}

__all__ = [
    "ChangelogJson",
    "ChangelogMarkdown",
    "ChangelogText",
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
    "headline",
]


__getattr__ = lazy_attributes(
    __name__, {name: f"{__name__}.{home}" for name, home in _HOMES.items()}
)
