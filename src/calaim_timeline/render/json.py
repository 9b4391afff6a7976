"""An edition as its canonical JSON document (the same document as its TOML file)."""

from __future__ import annotations

import attrs

from calaim_timeline.codec import dumps
from calaim_timeline.model import Edition

__all__ = ["EditionJson"]


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
