"""Renderers: small configured callables that turn model objects into text.

Each renderer takes its options once, when built, and is pure when called.
"""

from calaim_timeline.render.json import EditionJson
from calaim_timeline.render.markdown import EditionMarkdown
from calaim_timeline.render.text import EditionText

__all__ = ["EditionJson", "EditionMarkdown", "EditionText"]
