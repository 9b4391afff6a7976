"""An edition as its canonical JSON document (the same document as its TOML file)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import attrs

from calaim_timeline.codec import dumps
from calaim_timeline.diffing import EditionDiff

if TYPE_CHECKING:
    from calaim_timeline.history import History
from calaim_timeline.model import Edition, Initiative, Milestone, Series
from calaim_timeline.period import when_months, when_relation

__all__ = [
    "ChangelogJson",
    "DiffJson",
    "EditionJson",
    "EditionsJson",
    "HistoryJson",
    "UpcomingJson",
]


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


@attrs.frozen
class UpcomingJson:
    """Render what is due as JSON: the edition, the day asked about, each milestone due.

    Examples:
        >>> import json
        >>> from datetime import date
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import upcoming
        >>> november = Archive.bundled()["2021-11"]
        >>> due = upcoming(november, date(2022, 3, 1), within=1)
        >>> document = json.loads(UpcomingJson(date(2022, 3, 1), 1)(november, due))
        >>> document["edition"], [m["milestone"] for m in document["milestones"]]
        ('2021-11', ['phm-strategy-roadmap', 'smac-draft'])
    """

    as_of: date
    within: int

    def __call__(self, edition: Edition, due: Sequence[tuple[Initiative, Milestone]]) -> str:
        """The JSON text, ending with a newline."""
        return _text(
            {
                "edition": edition.id,
                "as_of": self.as_of.isoformat(),
                "within": self.within,
                "milestones": [
                    {
                        "initiative": initiative.id,
                        "milestone": milestone.id,
                        "title": milestone.title,
                        "sub_items": [item.text for item in milestone.sub_items],
                        "kind": milestone.kind.value if milestone.kind else None,
                        "when": str(milestone.when),
                    }
                    for initiative, milestone in due
                ],
            }
        )


@attrs.frozen
class EditionsJson:
    """Render each series of a folder with its editions as JSON.

    Examples:
        >>> import json
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> found = [(s, archive.chain(s.id)) for s in archive.series]
        >>> [e["id"] for e in json.loads(EditionsJson()(found))["series"][0]["editions"]]
        ['2021-01', '2021-11']
    """

    def __call__(self, found: Sequence[tuple[Series, Sequence[Edition]]]) -> str:
        """The JSON text, ending with a newline."""
        return _text(
            {
                "series": [
                    {
                        "id": series.id,
                        "title": series.title,
                        "publisher": series.publisher,
                        "editions": [
                            {
                                "id": e.id,
                                "as_of": str(e.as_of),
                                "title": e.title,
                                "milestones": len(e.milestones),
                            }
                            for e in chain
                        ],
                    }
                    for series, chain in found
                ]
            }
        )
