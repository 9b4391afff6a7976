"""The parsers of the commands that publish a series: a feed, a calendar, a page, a site."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from calaim_timeline import _commands as run
from calaim_timeline._arguments import Help, Parents, Parser, link, one_line, uri

if TYPE_CHECKING:  # argparse's own type for what add_subparsers() returns
    _Commands = argparse._SubParsersAction[Parser]  # noqa: SLF001

__all__ = ["add_feed", "add_ics", "add_report", "add_site"]


def add_feed(commands: _Commands, parents: Parents) -> None:
    """The ``feed`` command."""
    feed = commands.add_parser(
        "feed",
        formatter_class=Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="write the change log as an Atom feed",
        description=(
            "Write the change log as an Atom feed to subscribe to: one entry per edition,"
            " its digest as the content, ids that stay the same as editions are added."
        ),
    )
    feed.add_argument("-o", "--output", metavar="FILE", required=True, help="the .atom file")
    feed.add_argument(
        "--id", dest="feed_id", type=uri, metavar="URI", help="the feed's id (default: a URN)"
    )
    feed.add_argument(
        "--link", type=link, metavar="URL", help="the page the feed's entries link to (http[s])"
    )
    feed.add_argument("--substantive", action="store_true", help="leave out editorial changes")
    feed.set_defaults(run=run.feed)


def add_ics(commands: _Commands, parents: Parents) -> None:
    """The ``ics`` command."""
    ics = commands.add_parser(
        "ics",
        formatter_class=Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="export an edition as a calendar file",
        description="Export an edition as an iCalendar file: one all-day event per milestone.",
    )
    ics.add_argument("edition", metavar="EDITION", help="a snapshot file, or an edition id")
    ics.add_argument("-o", "--output", metavar="FILE", required=True, help="the .ics file")
    ics.add_argument(
        "--name", type=one_line, help="the calendar's name (default: the edition's title)"
    )
    ics.set_defaults(run=run.ics)


def _pages(commands: _Commands, parents: Parents, name: str, what: tuple[str, str]) -> Parser:
    """A command that writes the series as pages: ``what`` is its help and description."""
    pages = commands.add_parser(
        name,
        formatter_class=Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help=what[0],
        description=what[1],
    )
    kind = "page" if name == "report" else "site"
    pages.add_argument("--title", type=one_line, help=f"the {kind}'s title (default: the series')")
    return pages


def add_report(commands: _Commands, parents: Parents) -> None:
    """The ``report`` command."""
    report = _pages(
        commands,
        parents,
        "report",
        (
            "write the series as one self-contained HTML page",
            "A page of the editions, their changes and each milestone's history.",
        ),
    )
    report.add_argument("-o", "--output", metavar="FILE", required=True, help="the .html file")
    report.add_argument("--since", metavar="ID", help="only the changes after this edition")
    report.set_defaults(run=run.report_page)


def add_site(commands: _Commands, parents: Parents) -> None:
    """The ``site`` command."""
    site = _pages(
        commands,
        parents,
        "site",
        (
            "write the series as a static site",
            "An index, a page per edition and per milestone, a feed and a calendar.",
        ),
    )
    site.add_argument("-o", "--output", metavar="DIR", required=True, help="the site's folder")
    site.set_defaults(run=run.site)
