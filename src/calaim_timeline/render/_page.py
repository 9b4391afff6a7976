"""What a page of a series shows, as plain values for the templates: the report and the site.

Every text here is the source's, unescaped: the templates escape it (Jinja2's autoescape).
The only markup is each chart's SVG, made by :func:`~calaim_timeline.render._svg_trend.trend_svg`,
which escapes every text it writes itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any, Final

import attrs

from calaim_timeline._counting import counted
from calaim_timeline.changes import CHANGE_NAMES
from calaim_timeline.diffing import DiffOptions, EditionDiff
from calaim_timeline.history import History, Timeline, changelog
from calaim_timeline.model import Edition, MilestoneKind
from calaim_timeline.render._describe import describe
from calaim_timeline.render._digest import digest, headline
from calaim_timeline.render._history_text import story_rows, story_summary
from calaim_timeline.render._svg_trend import trend_svg

__all__ = ["Page", "page", "page_name", "safe_link"]

_HTTP: Final = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_NAME: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LONGEST_NAME: Final = 120
UNMARKED: Final = "unmarked"


def safe_link(address: str | None) -> str | None:
    """``address`` where it is an http(s) address a page may link to; else None.

    Examples:
        >>> safe_link("https://www.dhcs.ca.gov/calaim"), safe_link("javascript:alert(1)")
        ('https://www.dhcs.ca.gov/calaim', None)
    """
    return address if address and _HTTP.fullmatch(address) else None


def page_name(ident: str) -> str:
    """A file name for the page of ``ident``: the id itself where it is a plain id.

    Any other id (one made in code, not read from a checked snapshot) is spelled out in
    hexadecimal, so no id can name a path outside the site, or two ids one file.
    """
    if _NAME.fullmatch(ident) and len(ident) <= _LONGEST_NAME:
        return f"{ident}.html"
    return f"x-{ident.encode().hex()[:_LONGEST_NAME]}-{len(ident)}.html"


@attrs.frozen
class Page:
    """Everything a page of the series may show; the templates choose."""

    timeline: Timeline
    """The editions, oldest first, and each milestone's history."""
    diffs: tuple[EditionDiff, ...]
    """The changes the page shows, newest first."""
    title: str
    publisher: str
    editions: list[dict[str, Any]]
    digest: dict[str, Any] | None
    sections: list[dict[str, Any]]
    initiatives: list[dict[str, Any]]
    choices: dict[str, list[tuple[str, str]]]
    """The filters' options: ``initiative``, ``kind`` and ``change``, each (value, words)."""

    @property
    def stories(self) -> list[dict[str, Any]]:
        """Every milestone's history, initiative by initiative."""
        return [story for initiative in self.initiatives for story in initiative["stories"]]


def page(
    editions: Sequence[Edition],
    diffs: Sequence[EditionDiff] | None,
    title: str | None,
    options: DiffOptions | None = None,
) -> Page:
    """The page of ``editions`` with ``diffs`` (newest first); None for the whole change log.

    No diffs (a change log since the newest edition) shows no changes, not all of them.
    ``options`` match the milestones of the histories (and of the change log by default).
    """
    timeline = Timeline(editions, options=options)
    ordered = timeline.editions
    diffs = changelog(ordered, options=options) if diffs is None else tuple(diffs)
    series = ordered[-1].series if ordered else None
    touched = _touched(timeline.histories)
    sections = [_section(changes, touched) for changes in diffs]
    seen: dict[str, set[str]] = {}
    for row in (row for section in sections for row in section["rows"] if row["story"]):
        seen.setdefault(row["story"], set()).add(row["change"])
    initiatives = _initiatives(timeline.histories, seen)
    return Page(
        timeline=timeline,
        diffs=diffs,
        title=title or (series.title if series else "Schedule"),
        publisher=series.publisher if series else "",
        editions=[_edition(edition, touched) for edition in ordered],
        digest=_digest(diffs[0]) if diffs else None,
        sections=sections,
        initiatives=initiatives,
        choices=_choices(sections, initiatives),
    )


def _edition(edition: Edition, touched: dict[tuple[str, str], str]) -> dict[str, Any]:
    return {
        "id": edition.id,
        "as_of": str(edition.as_of),
        "title": edition.title,
        "link": safe_link(edition.source.url),
        "page": page_name(edition.id),
        "milestones": counted(len(edition.milestones), "milestone"),
        "initiatives": [
            {
                "name": initiative.name,
                "milestones": [
                    (touched[edition.id, milestone.id], milestone.title)
                    for milestone in initiative.milestones
                ],
            }
            for initiative in edition.initiatives
        ],
    }


def _digest(changes: EditionDiff) -> dict[str, Any]:
    return {"old": changes.old.edition.id, "new": changes.new.edition.id, "points": digest(changes)}


def _touched(stories: Sequence[History]) -> dict[tuple[str, str], str]:
    """The history key of each (edition id, milestone id) listed."""
    return {
        (listing.edition, listing.milestone.id): story.key
        for story in stories
        for listing in story.present
    }


def _section(changes: EditionDiff, touched: dict[tuple[str, str], str]) -> dict[str, Any]:
    old, new = changes.old.edition.id, changes.new.edition.id
    rows = []
    for initiative, members in changes.groups():
        for record in members:
            line = describe(record)
            key = None
            if record.milestone_id is not None:
                key = touched.get((new, record.milestone_id)) or touched.get(
                    (old, record.milestone_id)
                )
            rows.append(
                {
                    "label": line.label,
                    "initiative": initiative.name if initiative else "",
                    "initiative_id": initiative.id if initiative else "",
                    "kind": _kind(record.kind) if record.milestone_id is not None else None,
                    "change": record.change,
                    "text": line.text,
                    "story": key,
                }
            )
    return {
        "old": old,
        "new": new,
        "page": page_name(new),
        "headline": headline(changes),
        "rows": rows,
    }


def _kind(kind: MilestoneKind | None) -> str:
    return kind.value if kind else UNMARKED


def _initiatives(stories: Sequence[History], seen: dict[str, set[str]]) -> list[dict[str, Any]]:
    """Each initiative's milestones (by the initiative each is in now) and their chart."""
    grouped: dict[str, list[History]] = {}
    for story in stories:
        grouped.setdefault(story.latest.initiative.id, []).append(story)
    found = []
    for ident, members in grouped.items():
        name = members[-1].latest.initiative.name
        told = [
            _story(story, number, seen.get(story.key, set()))
            for number, story in enumerate(members, 1)
        ]
        description = (
            f"The trend of {counted(len(members), 'milestone')} of {name}, edition by edition: "
            + " ".join(f"{story['number']}. {story['title']}: {story['summary']}" for story in told)
        )
        found.append(
            {
                "id": ident,
                "name": name,
                "chart": trend_svg(members, f"chart-{ident}", f"{name}: trend", description),
                "stories": told,
            }
        )
    return found


def _story(story: History, number: int, changes: set[str]) -> dict[str, Any]:
    latest = story.latest
    summary = story_summary(story)
    return {
        "key": story.key,
        "number": number,
        "page": page_name(story.key),
        "title": latest.milestone.title,
        "initiative": latest.initiative.name,
        "initiative_id": latest.initiative.id,
        "kind": _kind(latest.milestone.kind),
        "rows": story_rows(story),
        "summary": summary,
        "chart": partial(
            trend_svg, [story], f"trend-{story.key}", f"{latest.milestone.title}: trend", summary
        ),
        "changes": " ".join(name for name in CHANGE_NAMES if name in changes),
    }


def _choices(
    sections: list[dict[str, Any]], initiatives: list[dict[str, Any]]
) -> dict[str, list[tuple[str, str]]]:
    named = {row["initiative_id"]: row["initiative"] for s in sections for row in s["rows"]}
    named |= {initiative["id"]: initiative["name"] for initiative in initiatives}
    named.pop("", None)
    changes = {row["change"] for s in sections for row in s["rows"]}
    kinds = [(kind.value, kind.words) for kind in MilestoneKind] + [(UNMARKED, UNMARKED)]
    return {
        "initiative": sorted(named.items(), key=lambda item: item[1].casefold()),
        "kind": kinds,
        "change": [(name, name.replace("-", " ")) for name in CHANGE_NAMES if name in changes],
    }
