"""The bodies of the command-line commands: each takes parsed arguments and a stream."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from calaim_timeline._counting import counted
from calaim_timeline.archive import Archive
from calaim_timeline.codec import load, write_atomic
from calaim_timeline.diffing import DiffOptions, diff
from calaim_timeline.errors import (
    BadCellsError,
    CalaimTimelineError,
    MilestoneNotFoundError,
    ParseError,
    SnapshotError,
    format_errors,
)
from calaim_timeline.model import CALAIM_SERIES, Edition, MilestoneKind
from calaim_timeline.render.outputs import chosen_format, emit, renderer
from calaim_timeline.validation import UNSAFE_CHARACTERS

if TYPE_CHECKING:
    from calaim_timeline.render.tables import Table

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_DIFFERENCES",
    "EXIT_OK",
    "PROG",
    "archive_of",
    "changelog",
    "chart",
    "diff_command",
    "editions",
    "feed",
    "history",
    "ics",
    "report",
    "report_page",
    "resolve_edition",
    "said",
    "show",
    "shown",
    "site",
    "upcoming",
    "validate",
]

EXIT_OK = 0
EXIT_DIFFERENCES = 1
EXIT_BAD_INPUT = 2
PROG = "calaim-timeline"


def archive_of(args: argparse.Namespace) -> Archive:
    return Archive(args.snapshots) if args.snapshots else Archive.default()


def _chain(args: argparse.Namespace) -> tuple[Edition, ...]:
    """The editions of the series asked for (``--series``), or of the one the folder holds."""
    return archive_of(args).chain(args.series)


def _log_title(editions: tuple[Edition, ...]) -> str:
    """A change log's title: its series'."""
    return f"{(editions[-1].series if editions else CALAIM_SERIES).title}: change log"


def resolve_edition(reference: str, archive: Archive) -> Edition:
    """An edition named by a snapshot path or by its id in ``archive``.

    A published source (a CSV, a PDF…) is no snapshot: the error says how to import it.
    """
    path = Path(reference)
    if path.suffix.lower() not in {"", ".toml", ".json"}:
        from calaim_timeline.importers.files import SUFFIXES  # noqa: PLC0415 - only then

        if path.suffix.lower() in SUFFIXES:
            msg = (
                "a published source, not a snapshot: import it first with"
                f" `{PROG} import-table {reference} --id ID -o snapshots/ID.toml`"
            )
            raise SnapshotError(msg, source=reference)
    if path.suffix in {".toml", ".json"} or "/" in reference:
        return load(path)  # FileReadError where the system cannot read it (missing, too long)
    return archive[reference]


def show(args: argparse.Namespace, out: TextIO) -> int:
    edition = resolve_edition(args.edition, archive_of(args))
    _deliver(renderer("edition", args.format)(edition), args, out)
    return EXIT_OK


def diff_command(args: argparse.Namespace, out: TextIO) -> int:
    args.format = chosen_format("diff", args.format, args.output)
    archive = archive_of(args)
    old, new = resolve_edition(args.old, archive), resolve_edition(args.new, archive)
    if new.as_of < old.as_of:
        sys.stderr.write(
            f"{PROG}: warning: NEW ({new.id}, as of {new.as_of}) is older than OLD ({old.id},"
            f" as of {old.as_of}): this diff reads backwards; give the older edition first\n"
        )
    if old.series.id != new.series.id:
        sys.stderr.write(
            f"{PROG}: note: {old.id} is an edition of {old.series.id!r} and {new.id} of"
            f" {new.series.id!r}: this diff compares two schedules\n"
        )
    changes = diff(old, new, options=DiffOptions(threshold=args.threshold)).filter(
        changes=args.only, substantive=args.substantive
    )
    render = renderer("diff", args.format, full=args.full, terms=args.terms)
    _deliver(render(changes), args, out, counted(len(changes), "change"))
    return EXIT_DIFFERENCES if args.exit_code and changes.changes else EXIT_OK


def _deliver(
    result: str | Table, args: argparse.Namespace, out: TextIO, what: str | None = None
) -> None:
    """The result to ``-o`` (saying so on stderr) or to ``out``, in ``args.format``."""
    output = getattr(args, "output", None)
    if not emit(result, args.format, output, out):
        return
    if isinstance(result, str) or what is None:
        said(f"wrote {output}")
    else:
        said(f"wrote {output}: {what}, {counted(len(result.rows), 'row')}")


def changelog(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline.history import changelog  # noqa: PLC0415

    args.format = chosen_format("changelog", args.format, args.output)
    editions = _chain(args)
    diffs = changelog(editions, since=args.since, options=DiffOptions(threshold=args.threshold))
    if args.substantive:
        diffs = tuple(d.filter(substantive=True) for d in diffs)
    first = editions[0] if editions and args.since is None else None
    log = renderer(
        "changelog",
        args.format,
        title=_log_title(editions),
        full=args.full,
        terms=args.terms,
        since=args.since,
    )
    _deliver(log(diffs) if args.format == "json" else log(diffs, first), args, out)
    return EXIT_OK


def history(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline.history import Timeline  # noqa: PLC0415

    args.format = chosen_format("history", args.format, args.output)
    timeline = Timeline(_chain(args), options=DiffOptions(threshold=args.threshold))
    if args.milestone is None:
        if args.chart:
            msg = "--chart draws one milestone: name it (history MILESTONE --chart FILE)"
            raise MilestoneNotFoundError(msg)
        if args.format == "json":
            msg = "the history as JSON is of one milestone: name it (history MILESTONE)"
            raise MilestoneNotFoundError(msg)
        if args.format == "text":
            _deliver(renderer("slips", "text")(timeline.slips()), args, out)
            return EXIT_OK
    stories = timeline.histories if args.milestone is None else (timeline.find(args.milestone),)
    if args.chart:
        from calaim_timeline.render.chart import TrendChart  # noqa: PLC0415 - needs matplotlib

        TrendChart()(stories[0], args.chart)
        said(f"wrote {args.chart}: the trend of {stories[0].key}")
    render = renderer("history", args.format, editions=timeline.editions)
    result = render(stories) if args.format in {"csv", "xlsx"} else render(stories[0])
    _deliver(result, args, out, counted(len(timeline.editions), "edition"))
    return EXIT_OK


def chart(args: argparse.Namespace, _out: TextIO) -> int:  # writes a file: says so on stderr
    from calaim_timeline.history import Timeline  # noqa: PLC0415
    from calaim_timeline.render.chart import TrendChart  # noqa: PLC0415 - needs matplotlib

    chain = _chain(args)
    timeline = Timeline(chain, options=DiffOptions(threshold=args.threshold))
    stories = [timeline.find(reference) for reference in args.milestones]
    if args.initiative is not None:
        stories += timeline.of_initiative(args.initiative)
    if not args.milestones and args.initiative is None:
        stories = list(timeline.histories)
    chosen = tuple(dict.fromkeys(stories))
    series = chain[-1].series.title if chain else None
    TrendChart(title=args.title, series=series)(chosen, args.output)
    editions = len({s.edition for story in chosen for s in story.present})
    said(
        f"wrote {args.output}: the trend of {counted(len(chosen), 'milestone')}"
        f" over {counted(editions, 'edition')}"
    )
    return EXIT_OK


def feed(args: argparse.Namespace, _out: TextIO) -> int:  # writes a file: says so on stderr
    from calaim_timeline.history import changelog  # noqa: PLC0415
    from calaim_timeline.render.feed import FEED_ID, ChangelogFeed  # noqa: PLC0415

    editions = _chain(args)
    diffs = changelog(editions, options=DiffOptions(threshold=args.threshold))
    if args.substantive:
        diffs = tuple(d.filter(substantive=True) for d in diffs)
    first = editions[0] if editions else None
    text = ChangelogFeed(
        title=_log_title(editions), feed_id=args.feed_id or FEED_ID, link=args.link
    )(diffs, first)
    write_atomic(args.output, text)
    count = len(diffs) + (first is not None)
    said(f"wrote {args.output}: {counted(count, 'entry')}, one per edition")
    return EXIT_OK


def report_page(args: argparse.Namespace, _out: TextIO) -> int:  # writes a file: says so
    from calaim_timeline.history import changelog  # noqa: PLC0415 - only this command needs them
    from calaim_timeline.render.report import HtmlReport  # noqa: PLC0415

    editions = _chain(args)
    options = DiffOptions(threshold=args.threshold)
    diffs = changelog(editions, since=args.since, options=options)
    write_atomic(args.output, HtmlReport(title=args.title, options=options)(editions, diffs))
    said(
        f"wrote {args.output}: {counted(len(editions), 'edition')},"
        f" {counted(len(diffs), 'change log section')}"
    )
    return EXIT_OK


def site(args: argparse.Namespace, _out: TextIO) -> int:  # writes files: says so
    from calaim_timeline.render.site import StaticSite  # noqa: PLC0415 - only this command

    editions = _chain(args)
    options = DiffOptions(threshold=args.threshold)
    written = StaticSite(title=args.title, options=options).write(args.output, editions)
    pages = sum(name.endswith(".html") for name in written)
    said(
        f"wrote {args.output}: {counted(pages, 'page')} ({counted(len(editions), 'edition')}),"
        " a feed and a calendar"
    )
    return EXIT_OK


def ics(args: argparse.Namespace, _out: TextIO) -> int:  # writes a file: says so on stderr
    from calaim_timeline.history import Timeline  # noqa: PLC0415 - only this command needs them
    from calaim_timeline.render.ics import EditionIcs  # noqa: PLC0415

    archive = archive_of(args)
    edition = resolve_edition(args.edition, archive)
    # A snapshot file the archive does not hold has no earlier editions there: an unrelated
    # edition would otherwise "cancel" every event of the archive's (--snapshots to choose).
    chain = archive.chain(args.series or edition.series.id) if edition in archive else ()
    editions = [e for e in chain if e.id != edition.id and e.as_of <= edition.as_of]
    timeline = Timeline([*editions, edition], options=DiffOptions(threshold=args.threshold))
    calendar = EditionIcs(timeline, name=args.name or edition.series.title)
    write_atomic(args.output, calendar(edition))
    cancelled = len(calendar.dropped(edition))
    said(
        f"wrote {args.output}: {counted(len(edition.milestones), 'event')}"
        f" from edition {edition.id}"
        + (
            f", {cancelled} cancelled (dropped while due since an earlier edition)"
            if cancelled
            else ""
        )
    )
    return EXIT_OK


def upcoming(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline.history import known_at, upcoming  # noqa: PLC0415

    edition = known_at(_chain(args), args.as_of)
    kinds = (
        None
        if args.kind is None
        else [None if k == "unmarked" else MilestoneKind(k) for k in args.kind]
    )
    due = upcoming(edition, args.as_of, within=args.within, kinds=kinds)
    if edition.window.end < args.as_of:
        sys.stderr.write(
            f"{PROG}: warning: the newest edition known on {args.as_of}, {edition.id}, covers"
            f" {edition.window} only: it cannot say what is due after that\n"
        )
    due_text = renderer("upcoming", args.format, as_of=args.as_of, within=args.within)
    _deliver(due_text(edition, due), args, out)
    return EXIT_OK


def _missing(path: Path) -> bool:
    """Whether nothing is at ``path``; a path the system refuses (too long) is read, and says so."""
    try:
        path.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def validate(args: argparse.Namespace, out: TextIO) -> int:
    failed = False
    for name in args.paths:
        path = Path(name)
        found: list[tuple[Path, Edition | CalaimTimelineError]]
        if _missing(path):
            found = [(path, SnapshotError("no such file or folder", source=name))]
        elif os.path.isdir(path):  # noqa: PTH112 - Path.is_dir raises for a path too long
            try:
                found = list(Archive(path).survey())
            except SnapshotError as error:  # the folder itself cannot be read
                found = [(path, error)]
            if not found:
                msg = f"no snapshot files (*.toml or *.json) in {path}"
                found = [(path, SnapshotError(msg, source=str(path)))]
        else:
            try:
                found = [(path, load(path))]
            except CalaimTimelineError as error:
                found = [(path, error)]
        for where, result in found:
            if isinstance(result, CalaimTimelineError):
                failed = True
                report(result)
                continue
            count = len(result.milestones)
            out.write(
                f"ok {where}: edition {result.id},"
                f" {counted(len(result.initiatives), 'initiative')},"
                f" {counted(count, 'milestone')}\n"
            )
    return EXIT_BAD_INPUT if failed else EXIT_OK


def said(text: str) -> None:
    """Tell the person at the terminal (on stderr) what a command did, such as the file it wrote.

    Standard output carries only the result asked for, so a command writing a file prints
    nothing there and a pipe reads exactly the output.
    """
    sys.stderr.writelines(f"{shown(line)}\n" for line in text.splitlines())


def shown(text: str) -> str:
    r"""``text`` safe for a terminal: controls and bidi controls written as escapes.

    Error messages quote the input, file names included, and the input may hold escape
    sequences; what reaches the terminal never does.

    Examples:
        >>> print(shown("title\x1b[2J: must not"))
        title\x1b[2J: must not
    """
    return UNSAFE_CHARACTERS.sub(lambda found: ascii(found.group())[1:-1], text)


def editions(args: argparse.Namespace, out: TextIO) -> int:
    """Each series of the folder with its editions."""
    archive = archive_of(args)
    found = [(series, archive.chain(series.id)) for series in archive.series]
    render = renderer("editions", args.format)
    _deliver(
        render(found) if args.format == "json" else render(found, str(archive.directory)), args, out
    )
    return EXIT_OK


def report(error: BaseException) -> None:
    """Print one line per problem of ``error`` on stderr, then any excerpt with its marker."""
    if isinstance(error, BadCellsError):  # each with its excerpt
        for each in error.errors:
            report(each)
        return
    for line in format_errors(error):
        sys.stderr.write(f"{PROG}: error: {shown(line)}\n")
    if isinstance(error, ParseError):
        sys.stderr.writelines(f"{line}\n" for line in error.excerpt())
