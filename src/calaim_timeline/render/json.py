"""An edition as its canonical JSON document (the same document as its TOML file)."""

from __future__ import annotations

import json

import attrs

from calaim_timeline.codec import dumps
from calaim_timeline.diff import EditionDiff
from calaim_timeline.model import Edition

__all__ = ["DiffJson", "EditionJson"]


@attrs.frozen
class EditionJson:
    """Render an edition as canonical JSON: two-space indent, UTF-8, fixed key order.

    >>> from calaim_timeline import Archive
    >>> EditionJson()(Archive.bundled()["2021-11"]).splitlines()[1]
    '  "id": "2021-11",'
    """

    def __call__(self, edition: Edition) -> str:
        """The JSON text, ending with a newline."""
        return dumps(edition, format="json")


@attrs.frozen
class DiffJson:
    """Render a diff as its JSON document (``EditionDiff.to_json``), two-space indented.

    >>> from calaim_timeline import Archive
    >>> from calaim_timeline.diff import diff
    >>> archive = Archive.bundled()
    >>> print(DiffJson(indent=None)(diff(archive["2021-11"], archive["2021-11"])), end="")
    {"old": "2021-11", "new": "2021-11", "summary": {}, "changes": []}
    """

    indent: int | None = 2

    def __call__(self, changes: EditionDiff) -> str:
        """The JSON text, ending with a newline."""
        return json.dumps(changes.to_json(), ensure_ascii=False, indent=self.indent) + "\n"
