"""The ``calaim-timeline`` command line.

Exit codes: 0 ok; 1 differences found where asked; 2 bad input, with one line per
problem on stderr and no traceback (``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple, NoReturn, TextIO, cast

from calaim_timeline import _commands as run
from calaim_timeline._commands import EXIT_BAD_INPUT, EXIT_DIFFERENCES, EXIT_OK, PROG
from calaim_timeline.diffing import CHANGE_NAMES
from calaim_timeline.errors import CalaimTimelineError
from calaim_timeline.matching import DEFAULT_THRESHOLD
from calaim_timeline.model import MilestoneKind
from calaim_timeline.render.outputs import formats

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_DIFFERENCES",
    "EXIT_OK",
    "build_parser",
    "console",
    "main",
    "terminate",
]

if TYPE_CHECKING:  # argparse's own type for what add_subparsers() returns
    from calaim_timeline.period import Period

    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"must be a date such as 2022-01-15 (got {text!r})"
        raise argparse.ArgumentTypeError(msg) from None


def _as_of(text: str) -> Period:
    """A month (``2022-03``) or a day (``2020-04-07``): what an edition is as of."""
    from calaim_timeline.errors import PeriodError  # noqa: PLC0415
    from calaim_timeline.period import Period, Precision  # noqa: PLC0415

    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", text):
        try:
            found = Period.parse(text)
        except PeriodError:
            pass
        else:
            if found.precision in {Precision.MONTH, Precision.DAY}:
                return found
    msg = f"must be a month such as 2022-03 or a day such as 2020-04-07 (got {text!r})"
    raise argparse.ArgumentTypeError(msg)


def _months_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 120:  # noqa: PLR2004 - ten years at most
        msg = f"must be a number of months from 1 to 120 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:  # noqa: PLR2004 - similarity is a percentage
        msg = f"must be a number from 0 to 100 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return value


def _columns(text: str) -> dict[str, str]:
    """``title=What,date=When``: a list table's columns by role, title and date needed."""
    from calaim_timeline.importers.lists import ROLES  # noqa: PLC0415 - only when given

    pairs = [part.partition("=") for part in text.split(",")]
    given = {role.strip().lower(): header.strip() for role, _, header in pairs}
    good = all(sep and header.strip() for _, sep, header in pairs) and len(given) == len(pairs)
    if not good or not set(given) <= set(ROLES) or not {"title", "date"} <= set(given):
        msg = (
            "must be ROLE=HEADER pairs separated by commas, with title and date (roles: title,"
            f" date, initiative, kind, status), such as title=What,date=When (got {text!r})"
        )
        raise argparse.ArgumentTypeError(msg)
    return given


def _month_of_year(text: str) -> int:
    """A month by its number (1 to 12) or its name: ``7``, ``July``, ``Jul``."""
    from calaim_timeline.importers import month_number  # noqa: PLC0415

    found = int(text) if text.isdigit() else month_number(text)
    if found is None or not 1 <= found <= 12:  # noqa: PLR2004 - months of the year
        msg = f"must be a month, 1 to 12 or its name, such as 7 or July (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return found


class _Version(argparse.Action):
    """``--version``: the installed distribution's version (looked up only when asked)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,  # noqa: ARG002 - argparse's signature
        values: object,  # noqa: ARG002
        option_string: str | None = None,  # noqa: ARG002
    ) -> None:
        """Print ``calaim-timeline VERSION`` and exit 0."""
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        sys.stdout.write(f"{PROG} {version('calaim-timeline')}\n")
        parser.exit()


def _edition_id(text: str) -> str:
    from calaim_timeline.validation import ID_PATTERN  # noqa: PLC0415

    if ID_PATTERN.fullmatch(text) is None:
        msg = f"must be a slug such as 2022-03: lowercase letters, digits, hyphens (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return text


_FULL = "list every footnote and editorial change in full (the digest folds them)"
_NO_TERMS = "leave out the explanation of the terms the report uses, at its end"


class _Help(argparse.HelpFormatter):
    """Help that shows every default an option has (a flag's, or "none", aside)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        shown = (
            default not in {None, argparse.SUPPRESS} and action.option_strings and action.nargs != 0
        )
        if shown and "default" not in text:
            text += (" " if text else "") + "(default: %(default)s)"
        return text


class _Parents(NamedTuple):
    """The option groups that several commands share."""

    snapshots: argparse.ArgumentParser
    matching: argparse.ArgumentParser
    series: argparse.ArgumentParser
    reading: argparse.ArgumentParser


def _add_show(commands: _Commands, parents: _Parents) -> None:
    show = commands.add_parser(
        "show",
        formatter_class=_Help,
        parents=[parents.snapshots],
        help="print one edition",
        description="Print one edition.",
    )
    show.add_argument("edition", metavar="EDITION", help="a snapshot file, or an edition id")
    show.add_argument("--format", choices=formats("edition"), default="text", help="the output")
    show.set_defaults(run=run.show)


def _add_compare(commands: _Commands, parents: _Parents) -> None:
    compare = commands.add_parser(
        "diff",
        formatter_class=_Help,
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
    compare.add_argument("--full", action="store_true", help=_FULL)
    compare.add_argument("--no-terms", dest="terms", action="store_false", help=_NO_TERMS)
    compare.add_argument(
        "--exit-code", action="store_true", help="exit with 1 when there are changes to report"
    )
    compare.set_defaults(run=run.diff_command)


def _add_table(commands: _Commands, parents: _Parents) -> None:
    table = commands.add_parser(
        "import-table",
        formatter_class=_Help,
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
    table.add_argument("--id", required=True, type=_edition_id, help="the new edition's id")
    table.add_argument(
        "--as-of",
        type=_as_of,
        metavar="YYYY-MM[-DD]",
        help="the month (or day) the edition is as of, if the source does not say (or says"
        " wrongly)",
    )
    table.add_argument("--title", help="the edition's title, if the source has no heading")
    table.add_argument("--publisher", help="who publishes it, if not DHCS (the grid's default)")
    table.add_argument(
        "--series",
        type=_edition_id,
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
    table.set_defaults(run=run.import_table)


def _add_import_history(commands: _Commands, parents: _Parents) -> None:
    history = commands.add_parser(
        "import-history",
        formatter_class=_Help,
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
    history.add_argument("--series", required=True, type=_edition_id, metavar="ID")
    history.add_argument("--title", help="the series' and editions' title")
    history.add_argument("--publisher", help="who publishes it")
    history.add_argument("-o", "--output", required=True, metavar="DIR", help="the snapshots")
    history.set_defaults(run=run.import_history)


def _add_log(commands: _Commands, parents: _Parents) -> None:
    log = commands.add_parser(
        "changelog",
        formatter_class=_Help,
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
    log.add_argument("--full", action="store_true", help=_FULL)
    log.add_argument("--no-terms", dest="terms", action="store_false", help=_NO_TERMS)
    log.set_defaults(run=run.changelog)


def _add_history(commands: _Commands, parents: _Parents) -> None:
    history = commands.add_parser(
        "history",
        formatter_class=_Help,
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


def _add_chart(commands: _Commands, parents: _Parents) -> None:
    chart = commands.add_parser(
        "chart",
        formatter_class=_Help,
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
    chart.add_argument("--title", help="the chart's title")
    chart.add_argument("-o", "--output", metavar="FILE", required=True, help="an .svg or .png")
    chart.set_defaults(run=run.chart)


def _add_feed(commands: _Commands, parents: _Parents) -> None:
    feed = commands.add_parser(
        "feed",
        formatter_class=_Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="write the change log as an Atom feed",
        description=(
            "Write the change log as an Atom feed to subscribe to: one entry per edition,"
            " its digest as the content, ids that stay the same as editions are added."
        ),
    )
    feed.add_argument("-o", "--output", metavar="FILE", required=True, help="the .atom file")
    feed.add_argument("--id", dest="feed_id", metavar="URI", help="the feed's id (default: a URN)")
    feed.add_argument("--link", metavar="URL", help="the page the feed's entries link to")
    feed.add_argument("--substantive", action="store_true", help="leave out editorial changes")
    feed.set_defaults(run=run.feed)


def _add_ics(commands: _Commands, parents: _Parents) -> None:
    ics = commands.add_parser(
        "ics",
        formatter_class=_Help,
        parents=[parents.snapshots, parents.series, parents.matching],
        help="export an edition as a calendar file",
        description="Export an edition as an iCalendar file: one all-day event per milestone.",
    )
    ics.add_argument("edition", metavar="EDITION", help="a snapshot file, or an edition id")
    ics.add_argument("-o", "--output", metavar="FILE", required=True, help="the .ics file")
    ics.add_argument("--name", help="the calendar's name (default: the edition's title)")
    ics.set_defaults(run=run.ics)


def _add_due(commands: _Commands, parents: _Parents) -> None:
    due = commands.add_parser(
        "upcoming",
        formatter_class=_Help,
        parents=[parents.snapshots, parents.series],
        help="what is due next, by the newest edition known at a date",
        description="What the newest edition known at DATE says is due from then on.",
    )
    due.add_argument("--as-of", type=_day, required=True, metavar="DATE", help="YYYY-MM-DD")
    due.add_argument(
        "--within", type=_months_count, default=3, metavar="MONTHS", help="how many months ahead"
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


def _add_editions(commands: _Commands, parents: _Parents) -> None:
    editions = commands.add_parser(
        "editions",
        formatter_class=_Help,
        parents=[parents.snapshots],
        help="list each series and its editions",
        description="List each series of the folder with its editions: id, as-of, title and"
        " how many milestones.",
    )
    editions.add_argument(
        "--format", choices=formats("editions"), default="text", help="the output"
    )
    editions.set_defaults(run=run.editions)


def _add_validate(commands: _Commands, _parents: _Parents) -> None:
    validate = commands.add_parser(
        "validate",
        formatter_class=_Help,
        help="check snapshot files",
        description="Check snapshot files (or directories of them); report every problem.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a snapshot file or directory")
    validate.set_defaults(run=run.validate)


_COMMANDS: Final[dict[str, Callable[[_Commands, _Parents], None]]] = {
    "show": _add_show,
    "diff": _add_compare,
    "import-table": _add_table,
    "import-history": _add_import_history,
    "changelog": _add_log,
    "history": _add_history,
    "chart": _add_chart,
    "feed": _add_feed,
    "ics": _add_ics,
    "upcoming": _add_due,
    "editions": _add_editions,
    "validate": _add_validate,
}
"""Each command and what adds its parser, in the order the help lists them."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
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
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Snapshots of living schedules (the CalAIM Milestones Calendar first), and"
        " what changed between them.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="show the installed version and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    snapshots = argparse.ArgumentParser(add_help=False)
    snapshots.add_argument(
        "--snapshots",
        metavar="DIR",
        help="directory of snapshots (default: ./snapshots if present, else the bundled ones)",
    )
    matching = argparse.ArgumentParser(add_help=False)
    matching.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"least title similarity (0 to 100) to match (default: {DEFAULT_THRESHOLD:g})",
    )
    series = argparse.ArgumentParser(add_help=False)
    series.add_argument(
        "--series",
        type=_edition_id,
        metavar="ID",
        help="the series (schedule) to read, where the folder holds more than one",
    )
    parents = _Parents(snapshots, matching, series, _reading())
    for name, add in _COMMANDS.items():
        if command in {None, name}:
            add(commands, parents)
    return parser


def _reading() -> argparse.ArgumentParser:
    """The options of reading a source, shared by import-table and import-history."""
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "--columns",
        type=_columns,
        metavar="MAP",
        help="a list table's columns by their headers: title=HEADER,date=HEADER"
        "[,initiative=HEADER][,kind=HEADER][,status=HEADER]",
    )
    reading.add_argument(
        "--fiscal-year-start",
        type=_month_of_year,
        default=7,
        metavar="MONTH",
        help="the month a fiscal year starts, for dates such as FY 2024-25 (default: 7, July,"
        " California's)",
    )
    reading.add_argument(
        "--section",
        metavar="HEADING",
        help="read only the part of a markdown, reST or text file under this heading",
    )
    return reading


def _named_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is no option), if it is one."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in _COMMANDS else None


def _unknown_command(word: str) -> str:
    """That ``word`` is no command, with the closest one if it looks like a misspelling.

    Examples:
        >>> _unknown_command("changlog")
        "unknown command 'changlog': did you mean 'changelog'?"
    """
    import difflib  # noqa: PLC0415 - only for a word that is no command

    close = difflib.get_close_matches(word, _COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"unknown command {word!r}: did you mean {close[0]!r}?"
    return f"unknown command {word!r} (commands: {', '.join(_COMMANDS)})"


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> main(["validate", "snapshots/2021-11.toml"], out=out)
        0
        >>> print(out.getvalue(), end="")
        ok snapshots/2021-11.toml: edition 2021-11, 18 initiatives, 56 milestones
    """
    argv = sys.argv[1:] if argv is None else argv
    command = _named_command(argv)
    parser = build_parser(command)
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    if command is None and word is not None:
        parser.error(_unknown_command(word))
    args = parser.parse_args(argv)
    stream: TextIO | None = out if out is not None else sys.stdout
    if stream is None:  # started with its standard output closed
        run.report(CalaimTimelineError("cannot write the output: it is closed"))
        return EXIT_BAD_INPUT
    guarded = _Output(stream)
    try:
        code: int = args.run(args, cast("TextIO", guarded))
        guarded.flush()  # a full disk or a failing device says so here, not at exit
    except CalaimTimelineError as error:
        if args.debug:
            raise
        run.report(error)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader (say, `head`) went away: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except _OutputError as failed:  # the output cannot be written
        run.report(CalaimTimelineError(f"cannot write the output: {failed.reason}"))
        _abandon(stream)
        return EXIT_BAD_INPUT
    except ValueError:
        if not stream.closed:
            raise
        run.report(CalaimTimelineError("cannot write the output: it is closed"))
        return EXIT_BAD_INPUT
    return code


class _OutputError(Exception):
    """Writing the command's output failed, for the reason ``error`` gives."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.reason = error.strerror or str(error)


class _Output:
    """The output stream, whose failures are told apart from those of other files.

    A closed pipe (the reader went away) stays a BrokenPipeError: it is no error of ours.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _OutputError(error) from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise _OutputError(error) from error


def _abandon(stream: TextIO) -> None:
    """Send what a failed standard output still buffers to nowhere, so exiting is quiet.

    The way Python's documentation gives for a closed pipe: the descriptor is pointed
    at the null device, and the flush at exit succeeds there.
    """
    if stream is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def console() -> None:
    """The ``calaim-timeline`` program: :func:`main`, ended cleanly by a termination signal.

    SIGTERM ends the program as Ctrl-C does, through the code that cleans up (a write in
    progress leaves the old file whole and no temporary file), with exit code 143.

    Examples:
        >>> import subprocess, sys
        >>> run = [sys.executable, "-c", "from calaim_timeline.cli import console; console()"]
        >>> subprocess.run([*run, "--version"], capture_output=True, text=True).returncode
        0
    """
    signal.signal(signal.SIGTERM, terminate)
    sys.exit(main())


def terminate(signum: int, _frame: object) -> NoReturn:
    """End the program by raising SystemExit(128 + signum), so that cleanup code runs.

    Examples:
        >>> import signal
        >>> try:
        ...     terminate(signal.SIGTERM, None)
        ... except SystemExit as stop:
        ...     print(stop.code)
        143
    """
    raise SystemExit(128 + signum)
