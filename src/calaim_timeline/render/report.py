"""One self-contained HTML page of a series: its editions, what changed, each milestone.

The page opens with the series and its editions, then the latest edition's digest; each
edition's changes follow in a section that opens and closes (``<details>``), newest
first; then every milestone's history, edition by edition. It has no script, style sheet
or font from elsewhere: it works from ``file://`` and by e-mail. Every text from a source
is escaped (Jinja2's autoescape), and a source is linked only where its address is http(s).
Jinja2 is the ``report`` extra's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib.resources import files
from typing import Final

import attrs

from calaim_timeline.diffing import EditionDiff
from calaim_timeline.errors import ExtraMissingError
from calaim_timeline.history import History, Timeline
from calaim_timeline.model import Edition
from calaim_timeline.render._describe import describe, period
from calaim_timeline.render._digest import digest, headline

__all__ = ["HtmlReport", "safe_link"]

_HTTP: Final = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


def safe_link(address: str | None) -> str | None:
    """``address`` where it is an http(s) address a page may link to; else None.

    Examples:
        >>> safe_link("https://www.dhcs.ca.gov/calaim"), safe_link("javascript:alert(1)")
        ('https://www.dhcs.ca.gov/calaim', None)
    """
    return address if address and _HTTP.fullmatch(address) else None


@attrs.frozen
class HtmlReport:
    """Renders a series' page from its editions (oldest first) and their change log.

    Examples:
        >>> from calaim_timeline import Archive
        >>> page = HtmlReport()(Archive.bundled().editions)
        >>> page.startswith("<!DOCTYPE html>"), page.count("<h1>"), "<details open>" in page
        (True, 1, True)
    """

    title: str | None = None
    """The page's title; the series' title unless given."""

    def __call__(self, editions: Sequence[Edition], diffs: Sequence[EditionDiff] = ()) -> str:
        """The page of ``editions``, with ``diffs`` newest first (by default, the change log)."""
        try:
            import jinja2  # noqa: PLC0415 - the report extra's, and only here
        except ImportError:
            msg = "an HTML report"
            raise ExtraMissingError(msg, "Jinja2", "report") from None
        timeline = Timeline(editions)
        ordered = timeline.editions
        if not diffs:
            from calaim_timeline.history import changelog  # noqa: PLC0415

            diffs = changelog(ordered)
        template = files("calaim_timeline.render").joinpath("templates/report.html")
        environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
        series = ordered[-1].series if ordered else None
        return environment.from_string(template.read_text(encoding="utf-8")).render(
            title=self.title or (series.title if series else "Schedule"),
            publisher=series.publisher if series else "",
            editions=[_edition(edition) for edition in ordered],
            digest=_digest(diffs[0]) if diffs else None,
            sections=[_section(changes) for changes in diffs],
            stories=[_story(story) for story in timeline.histories],
        )


def _edition(edition: Edition) -> dict[str, object]:
    return {
        "id": edition.id,
        "as_of": str(edition.as_of),
        "title": edition.title,
        "link": safe_link(edition.source.url),
    }


def _digest(changes: EditionDiff) -> dict[str, object]:
    return {
        "old": changes.old.edition.id,
        "new": changes.new.edition.id,
        "points": digest(changes),
    }


def _section(changes: EditionDiff) -> dict[str, object]:
    rows = [
        {
            "label": line.label,
            "initiative": initiative.name if initiative else "",
            "text": line.text,
        }
        for initiative, members in changes.groups()
        for line in map(describe, members)
    ]
    return {
        "old": changes.old.edition.id,
        "new": changes.new.edition.id,
        "headline": headline(changes),
        "rows": rows,
    }


def _story(story: History) -> dict[str, object]:
    latest = story.latest
    rows = [
        {
            "edition": sighting.edition,
            "listed": period(sighting.listing.milestone.when) if sighting.listing else "not listed",
        }
        for sighting in story.sightings
    ]
    return {
        "key": story.key,
        "title": latest.milestone.title,
        "initiative": latest.initiative.name,
        "rows": rows,
    }
