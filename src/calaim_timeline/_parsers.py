"""The command line's parser: each command's arguments, options and help."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from calaim_timeline import _commands as run
from calaim_timeline import _importing as importing
from calaim_timeline._arguments import (
    FULL,
    NO_TERMS,
    Help,
    Parents,
    Parser,
    Version,
    as_of,
    day,
    edition_id,
    months_count,
    one_line,
    reading,
    threshold,
)
from calaim_timeline._commands import PROG
from calaim_timeline._publishing import add_feed, add_ics, add_report, add_site
from calaim_timeline.diffing import CHANGE_NAMES
from calaim_timeline.matching import DEFAULT_THRESHOLD
from calaim_timeline.model import MilestoneKind
from calaim_timeline.render.outputs import formats

if TYPE_CHECKING:  # argparse's own type for what add_subparsers() returns
    _Commands = argparse._SubParsersAction[Parser]  # noqa: SLF001

__all__ = ["COMMANDS", "build_parser"]


def _add_show(commands: _Commands, parents: Parents) -> None:
    show = commands.add_parser(
        "show",
        formatter_class=Help,
        parents=[parents.snapshots],
        help="print one edition",
        description="Print one edition.",
    )
    show.add_argument("edition", metavar="EDITION", help="a snapshot file, or an edition id")
    show.add_argument("--format", choices=formats("edition"), default="text", help="the output")
    show.set_defaults(run=run.show)


def _add_compare(commands: _Commands, parents: Parents) -> None:
    compare = commands.add_parser(
        "diff",
        formatter_class=Help,
        parents=[parents.snapshots, parents.matching],
        help="what changed from one edition to another",
        description="Report what changed from OLD to NEW: shifts, additions, drops, renames.",
    )
    compare.add_argument("old", metavar="OLD", help="a snapshot file, or an edition id")
    compare.add_argument("new", metavar="NEW", help="a snapshot file, or an edition id")
    compare.add_argument(
        "--format",
        choices=formats("diff"),
        help="csv and xlsx: one row per change (xlsx needs -o); default: as -o's suffix says"
        " (.txt, .md, .json, .csv, .xlsx), else text",
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write the report here (atomic)")
    compare.add_argument(
        "--only",
        nargs="+",
        choices=CHANGE_NAMES,
        metavar="CHANGE",
        help="report only these changes (" + ", ".join(CHANGE_NAMES) + ")",
    )
    compare.add_argument(
        "--substantive",
        action="store_true",
        help="leave out editorial retitles and footnote edits and restated periods",
    )
    compare.add_argument("--full", action="store_true", help=FULL)
    compare.add_argument("--no-terms", dest="terms", action="store_false", help=NO_TERMS)
    compare.add_argument(
        "--exit-code", action="store_true", help="exit with 1 when there are changes to report"
    )
    compare.set_defaults(run=run.diff_command)


def _add_table(commands: _Commands, parents: Parents) -> None:
    table = commands.add_parser(
        "import-table",
        formatter_class=Help,
        parents=[parents.snapshots, parents.matching, parents.reading],
        help="read a published calendar or a list table into a snapshot",
        description=(
            "Read a published edition into a snapshot: the calendar's month grid (from the"
            " PDF, or as markdown or HTML), a list table whose header names a title and a"
            " date column (markdown, HTML, CSV or Excel), or a bullet list of 'LABEL: DATE'"
            " lines (markdown, reStructuredText or plain text). With --previous, what matches"
            " the previous edition keeps its ids and lineage."
        ),
    )
    table.add_argument(
        "source", metavar="SOURCE", help="a .pdf, .md, .html, .csv, .xlsx, .rst or .txt file"
    )
    table.add_argument("--id", required=True, type=edition_id, help="the new edition's id")
    table.add_argument(
        "--as-of",
        type=as_of,
        metavar="YYYY-MM[-DD]",
        help="the month (or day) the edition is as of, if the source does not say (or says"
        " wrongly)",
    )
    table.add_argument(
        "--title", type=one_line, help="the edition's title, if the source has no heading"
    )
    table.add_argument(
        "--publisher", type=one_line, help="who publishes it, if not DHCS (the grid's default)"
    )
    table.add_argument(
        "--series",
        type=edition_id,
        metavar="ID",
        help="the series (schedule) the edition belongs to (default: the previous edition's;"
        " else calaim-milestones for the calendar's grid, the title's slug for a list)",
    )
    table.add_argument("--previous", metavar="EDITION", help="a snapshot file or edition id")
    table.add_argument("-o", "--output", metavar="FILE", help="write the snapshot here (atomic)")
    table.add_argument(
        "--replace",
        action="store_true",
        help="write over the same edition's snapshot though its content differs (atomic)",
    )
    table.set_defaults(run=importing.import_table, writes_archive=True)


def _add_import_history(commands: _Commands, parents: Parents) -> None:
    history = commands.add_parser(
        "import-history",
        formatter_class=Help,
        parents=[parents.matching, parents.reading],
        help="import every version of a schedule, from git or a folder of dated files",
        description=(
            "Import every version of a schedule as an edition of one series: the versions of"
            " PATH along SOURCE's first-parent git history (each as of its commit's date), or"
            " the files of the folder SOURCE whose names begin with a date (YYYY-MM or"
            " YYYY-MM-DD). Each is imported against the one before; a version that changes"
            " nothing is passed over; a second run adds only what is new."
        ),
    )
    history.add_argument("source", metavar="SOURCE", help="a git work tree, or a folder")
    history.add_argument("path", metavar="PATH", nargs="?", help="the file in the git work tree")
    history.add_argument("--series", required=True, type=edition_id, metavar="ID")
    history.add_argument("--title", type=one_line, help="the series' and editions' title")
    history.add_argument("--publisher", type=one_line, help="who publishes it")
    history.add_argument("-o", "--output", required=True, metavar="DIR", help="the snapshots")
    history.set_defaults(run=importing.import_history, writes_archive=True)


def _add_log(commands: _Commands, parents: Parents) -> None:
    log = commands.add_parser(
        "changelog",
        formatter_class=Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="what changed in each edition, newest first",
        description="The change log: each edition against the one before it, newest first.",
    )
    log.add_argument(
        "--format",
        choices=formats("changelog"),
        help="default: as -o's suffix says (.md, .txt, .json), else markdown",
    )
    log.add_argument("-o", "--output", metavar="FILE", help="write the log here (atomic)")
    log.add_argument("--since", metavar="ID", help="only the editions after this one")
    log.add_argument("--substantive", action="store_true", help="leave out editorial changes")
    log.add_argument("--full", action="store_true", help=FULL)
    log.add_argument("--no-terms", dest="terms", action="store_false", help=NO_TERMS)
    log.set_defaults(run=run.changelog)


def _add_history(commands: _Commands, parents: Parents) -> None:
    history = commands.add_parser(
        "history",
        formatter_class=Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="one milestone across every edition, or which initiatives slipped most",
        description=(
            "One milestone (an id, a lineage, or a fragment of its title) across every edition:"
            " its period in each, first and last seen, shifts and total slip. Without"
            " MILESTONE: the slip table of every initiative."
        ),
    )
    history.add_argument("milestone", metavar="MILESTONE", nargs="?")
    history.add_argument(
        "--format",
        choices=formats("history"),
        help="csv and xlsx: a row per milestone, a column per edition (xlsx needs -o);"
        " default: as -o's suffix says (.txt, .json, .csv, .xlsx), else text",
    )
    history.add_argument("-o", "--output", metavar="FILE", help="write the table here (atomic)")
    history.add_argument("--chart", metavar="FILE", help="draw the trend chart (.svg or .png)")
    history.set_defaults(run=run.history)


def _add_chart(commands: _Commands, parents: Parents) -> None:
    chart = commands.add_parser(
        "chart",
        formatter_class=Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="draw the milestone trend chart",
        description=(
            "Draw the milestone trend chart: report date (each edition's as-of month) along"
            " the bottom, forecast date up the side, a line per milestone over the bands of"
            " its periods. Name milestones (ids, lineages or title fragments), or an"
            " initiative; nothing named draws every milestone."
        ),
    )
    chart.add_argument("milestones", metavar="MILESTONE", nargs="*")
    chart.add_argument("--initiative", metavar="ID", help="every milestone of this initiative")
    chart.add_argument("--title", type=one_line, help="the chart's title")
    chart.add_argument("-o", "--output", metavar="FILE", required=True, help="an .svg or .png")
    chart.set_defaults(run=run.chart)


def _add_due(commands: _Commands, parents: Parents) -> None:
    due = commands.add_parser(
        "upcoming",
        formatter_class=Help,
        parents=[parents.snapshots, parents.series],
        help="what is due next, by the newest edition known at a date",
        description="What the newest edition known at DATE says is due from then on.",
    )
    due.add_argument("--as-of", type=day, required=True, metavar="DATE", help="YYYY-MM-DD")
    due.add_argument(
        "--within", type=months_count, default=3, metavar="MONTHS", help="how many months ahead"
    )
    due.add_argument(
        "--kind",
        nargs="+",
        choices=[*(k.value for k in MilestoneKind), "unmarked"],
        metavar="KIND",
        help="only these kinds: document-release, submission-deadline, program-launch, unmarked",
    )
    due.add_argument("--format", choices=formats("upcoming"), default="text", help="the output")
    due.set_defaults(run=run.upcoming)


def _add_editions(commands: _Commands, parents: Parents) -> None:
    editions = commands.add_parser(
        "editions",
        formatter_class=Help,
        parents=[parents.snapshots],
        help="list each series and its editions",
        description="List each series of the folder with its editions: id, as-of, title and"
        " how many milestones.",
    )
    editions.add_argument(
        "--format", choices=formats("editions"), default="text", help="the output"
    )
    editions.set_defaults(run=run.editions)


def _add_validate(commands: _Commands, _parents: Parents) -> None:
    validate = commands.add_parser(
        "validate",
        formatter_class=Help,
        help="check snapshot files",
        description="Check snapshot files (or directories of them); report every problem.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a snapshot file or directory")
    validate.set_defaults(run=run.validate)


COMMANDS: Final[dict[str, Callable[[_Commands, Parents], None]]] = {
    "show": _add_show,
    "diff": _add_compare,
    "import-table": _add_table,
    "import-history": _add_import_history,
    "changelog": _add_log,
    "history": _add_history,
    "chart": _add_chart,
    "feed": add_feed,
    "ics": add_ics,
    "report": add_report,
    "site": add_site,
    "upcoming": _add_due,
    "editions": _add_editions,
    "validate": _add_validate,
}
"""Each command and what adds its parser, in the order the help lists them."""


def build_parser(command: str | None = None) -> Parser:
    """The argument parser of the command line; of ``command`` alone when given.

    The whole parser is needed for the overall help and for a word that is no command;
    a command's own parser is all that reading its arguments (or its help) needs, and
    is quicker to build.

    Examples:
        >>> build_parser().parse_args(["diff", "2021-01", "2021-11"]).command
        'diff'
        >>> build_parser("diff").parse_args(["diff", "2021-01", "2021-11"]).old
        '2021-01'
    """
    parser = Parser(
        prog=PROG,
        description="Snapshots of living schedules (the CalAIM Milestones Calendar first), and"
        " what changed between them.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument(
        "--version", action=Version, nargs=0, help="show the installed version and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    snapshots = Parser(add_help=False)
    snapshots.add_argument(
        "--snapshots",
        metavar="DIR",
        help="directory of snapshots (default: ./snapshots if present, else the bundled ones)",
    )
    matching = Parser(add_help=False)
    matching.add_argument(
        "--threshold",
        type=threshold,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"least title similarity (0 to 100) to match (default: {DEFAULT_THRESHOLD:g})",
    )
    series = Parser(add_help=False)
    series.add_argument(
        "--series",
        type=edition_id,
        metavar="ID",
        help="the series (schedule) to read, where the folder holds more than one",
    )
    parents = Parents(snapshots, matching, series, reading())
    for name, add in COMMANDS.items():
        if command in {None, name}:
            add(commands, parents)
    return parser
