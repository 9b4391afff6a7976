"""The change log as an Atom feed (RFC 4287), written with feedgen, so people can subscribe.

One entry per edition, newest first: its digest against the edition before it as the
content, or, for the first edition, what it lists. An entry's id is the feed's id and
the edition's id, so it never changes when the feed is written again with more editions;
``updated`` is the first day of the edition's as-of month, so the same archive gives the
same file. Needs feedgen: ``pip install 'calaim-timeline[feed]'``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Final

import attrs

from calaim_timeline._counting import counted
from calaim_timeline.diffing import EditionDiff
from calaim_timeline.errors import ExtraMissingError
from calaim_timeline.model import Edition
from calaim_timeline.period import Period
from calaim_timeline.render._digest import digest, headline
from calaim_timeline.render._terms import terms_used

__all__ = ["FEED_ID", "ChangelogFeed"]

FEED_ID: Final = "urn:calaim-timeline:changelog"
"""The feed's id unless one is given: give your own URL when you publish the feed."""


def _updated(as_of: Period) -> datetime:
    return datetime(as_of.start.year, as_of.start.month, 1, tzinfo=UTC)


def _digest_html(changes: EditionDiff) -> str:
    parts = [f"<p>{html.escape(headline(changes))}</p>", "<ul>"]
    for point in digest(changes):
        items = "".join(f"<li>{html.escape(item)}</li>" for item in point.items)
        nested = f"<ul>{items}</ul>" if items else ""
        parts.append(
            f"<li><strong>{html.escape(point.label)}:</strong> {html.escape(point.text)}{nested}"
            "</li>"
        )
    parts.append("</ul>")
    terms = "".join(
        f"<dt>{html.escape(term)}</dt><dd>{html.escape(meaning)}</dd>"
        for term, meaning in terms_used("".join(parts))
    )
    if terms:
        parts.append(f"<details><summary>Terms</summary><dl>{terms}</dl></details>")
    return "".join(parts)


@attrs.frozen
class ChangelogFeed:
    """Render a change log as Atom XML: call it with the diffs, newest first, and the first edition.

    ``feed_id`` and ``link`` name the feed where it is published.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import changelog
        >>> editions = Archive.bundled().editions
        >>> xml = ChangelogFeed()(changelog(editions), editions[0])
        >>> xml.count("<entry>"), "<id>urn:calaim-timeline:changelog:2021-11</id>" in xml
        (2, True)
    """

    title: str = "CalAIM Milestones Calendar: change log"
    feed_id: str = FEED_ID
    link: str | None = None

    def __call__(self, diffs: Sequence[EditionDiff], first: Edition | None = None) -> str:
        """The feed as an XML document, ending with a newline."""
        try:
            from feedgen.feed import FeedGenerator  # noqa: PLC0415 - heavy, and optional
        except ImportError:
            what = "writing a feed"
            raise ExtraMissingError(what, "feedgen", "feed") from None
        feed = FeedGenerator()
        feed.id(self.feed_id)
        feed.title(self.title)
        feed.generator("calaim-timeline")
        if self.link is not None:
            feed.link(href=self.link, rel="alternate")
        entries: list[tuple[Edition, str, str]] = []
        publishers = []
        for changes in diffs:
            new = changes.new.header
            title = f"Edition {new.id} (as of {new.as_of}): {headline(changes).split(': ')[1]}"
            entries.append((new, title, _digest_html(changes)))
            publishers.append(new.publisher)
        if first is not None:
            count = (
                f"{counted(len(first.milestones), 'milestone')} in"
                f" {counted(len(first.initiatives), 'initiative')}"
            )
            text = f"<p>The first edition: {count}, covering {first.window}.</p>"
            entries.append(
                (first, f"Edition {first.id} (as of {first.as_of}): first edition", text)
            )
            publishers.append(first.publisher)
        feed.author({"name": publishers[0] if publishers else "calaim-timeline"})
        newest = max(
            (_updated(e.as_of) for e, _, _ in entries), default=datetime(1970, 1, 1, tzinfo=UTC)
        )
        feed.updated(newest)
        for edition, title, content in entries:
            entry = feed.add_entry(order="append")
            entry.id(f"{self.feed_id}:{edition.id}")
            entry.title(title)
            entry.updated(_updated(edition.as_of))
            entry.content(content, type="html")
            if self.link is not None:
                entry.link(href=self.link, rel="alternate")
        return str(feed.atom_str(pretty=True).decode("utf-8"))
