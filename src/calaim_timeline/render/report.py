"""One self-contained HTML page of a series: its editions, what changed, each milestone.

The page opens with the series and its editions, then the latest edition's digest; each
edition's changes follow in a section that opens and closes (``<details>``), newest
first; then each initiative's trend chart (inline SVG, with its text equivalent) and
each milestone's history, edition by edition. A form filters the changes and milestones
by initiative, kind and change, and searches them, with a few lines of JavaScript in the
page; without it the page is whole. It has no script, style sheet or font from
elsewhere: it works from ``file://`` and by e-mail. Every text from a source is escaped
(Jinja2's autoescape), and a source is linked only where its address is http(s).
Jinja2 is the ``report`` extra's.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from calaim_timeline.diffing import DiffOptions, EditionDiff
from calaim_timeline.model import Edition
from calaim_timeline.render._page import page, safe_link
from calaim_timeline.render._templates import templates

__all__ = ["HtmlReport", "safe_link"]


@attrs.frozen
class HtmlReport:
    """Renders a series' page from its editions (oldest first) and their change log.

    Examples:
        >>> from calaim_timeline import Archive
        >>> page = HtmlReport()(Archive.bundled().editions)
        >>> page.startswith("<!DOCTYPE html>"), page.count("<h1>"), "<details open" in page
        (True, 1, True)
    """

    title: str | None = None
    """The page's title; the series' title unless given."""
    options: DiffOptions | None = None
    """How milestones are matched across editions (the default threshold unless given)."""

    def __call__(
        self, editions: Sequence[Edition], diffs: Sequence[EditionDiff] | None = None
    ) -> str:
        """The page of ``editions``, with ``diffs`` newest first (None: the change log)."""
        template = templates("an HTML report").get_template("report.html")
        return template.render(
            page=page(editions, diffs, self.title, self.options), story_link=lambda key: f"#m-{key}"
        )
