"""Renderers: small configured callables that turn model objects into text.

Each renderer takes its options once, when built, and is pure when called.
"""

from calaim_timeline.render.json import DiffJson, EditionJson
from calaim_timeline.render.markdown import DiffMarkdown, EditionMarkdown
from calaim_timeline.render.text import DiffText, EditionText

__all__ = ["DiffJson", "DiffMarkdown", "DiffText", "EditionJson", "EditionMarkdown", "EditionText"]
