"""An edition as its canonical JSON document (the same document as its TOML file)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from calaim_timeline.codec import dumps
from calaim_timeline.diffing import EditionDiff

if TYPE_CHECKING:
    from calaim_timeline.history import History
from calaim_timeline.model import Edition
from calaim_timeline.period import when_months, when_relation

__all__ = ["ChangelogJson", "DiffJson", "EditionJson", "HistoryJson"]


@attrs.frozen
class EditionJson:
    """Render an edition as canonical JSON: two-space indent, UTF-8, fixed key order.

    Examples:
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

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> archive = Archive.bundled()
        >>> print(DiffJson(indent=None)(diff(archive["2021-11"], archive["2021-11"])), end="")
        {"old": "2021-11", "new": "2021-11", "summary": {}, "changes": []}
    """

    indent: int | None = 2

    def __call__(self, changes: EditionDiff) -> str:
        """The JSON text, ending with a newline."""
        return json.dumps(changes.to_json(), ensure_ascii=False, indent=self.indent) + "\n"


def _text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@attrs.frozen
class ChangelogJson:
    """Render a change log as a JSON array of diff documents, newest first.

    Examples:
        >>> import json
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import changelog
        >>> (entry,) = json.loads(ChangelogJson()(changelog(Archive.bundled().editions)))
        >>> entry["old"], entry["new"], entry["summary"]["milestone-added"]
        ('2021-01', '2021-11', 56)
    """

    def __call__(self, diffs: Sequence[EditionDiff]) -> str:
        """The JSON text, ending with a newline."""
        return _text([changes.to_json() for changes in diffs])


@attrs.frozen
class HistoryJson:
    """Render a milestone's history as JSON: the milestone, its figures, every edition.

    Examples:
        >>> import json
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> document = json.loads(HistoryJson()(story))
        >>> document["title"], document["first_seen"], document["slip_months"]
        ('MOT Carve-In goes live', '2021-11', 0)
    """

    def __call__(self, story: History) -> str:
        """The JSON text, ending with a newline."""
        latest = story.latest
        editions: list[dict[str, object]] = []
        previous = None
        for sighting in story.sightings:
            entry: dict[str, object] = {"edition": sighting.edition, "as_of": str(sighting.as_of)}
            listing = sighting.listing
            if listing is None:
                entry["listed"] = False
            else:
                when = listing.milestone.when
                entry |= {"listed": True, "milestone": listing.milestone.id, "when": str(when)}
                if when.text is not None:
                    entry["when_text"] = when.text
                if previous is not None:
                    entry["direction"] = when_relation(previous, when).value
                    entry["months"] = when_months(previous, when)
                previous = when
            editions.append(entry)
        return _text(
            {
                "milestone": latest.milestone.id,
                "lineage": story.key,
                "title": latest.milestone.title,
                "initiative": latest.initiative.id,
                "kind": latest.milestone.kind.value if latest.milestone.kind else None,
                "first_seen": story.first_seen,
                "last_seen": story.last_seen,
                "shifts": story.shifts,
                "slip_months": story.slip_months,
                "gaps": list(story.gaps),
                "editions": editions,
            }
        )
