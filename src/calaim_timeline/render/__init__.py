"""Renderers: small configured callables that turn model objects into text.

Each renderer takes its options once, when built, and is pure when called.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from calaim_timeline.render.json import ChangelogJson, DiffJson, EditionJson, HistoryJson
    from calaim_timeline.render.markdown import ChangelogMarkdown, DiffMarkdown, EditionMarkdown
    from calaim_timeline.render.text import (
        DiffText,
        EditionText,
        HistoryText,
        SlipText,
        UpcomingText,
    )

_HOMES = {
    "ChangelogJson": "json",
    "DiffJson": "json",
    "EditionJson": "json",
    "HistoryJson": "json",
    "ChangelogMarkdown": "markdown",
    "DiffMarkdown": "markdown",
    "EditionMarkdown": "markdown",
    "DiffText": "text",
    "EditionText": "text",
    "HistoryText": "text",
    "SlipText": "text",
    "UpcomingText": "text",
}

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


def __getattr__(name: str) -> object:
    """Import a renderer from its module on first use."""
    if name not in _HOMES:
        msg = f"module 'calaim_timeline.render' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib  # noqa: PLC0415 - only on first use

    value = getattr(importlib.import_module(f"calaim_timeline.render.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
