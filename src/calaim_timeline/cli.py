"""The ``calaim-timeline`` command line.

Exit codes: 0 ok; 1 differences found where asked; 2 bad input, with one line per
problem on stderr and no traceback (``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, TextIO

from calaim_timeline.archive import Archive
from calaim_timeline.codec import dumps, load, save
from calaim_timeline.diff import CHANGE_NAMES, DiffOptions, EditionDiff, diff
from calaim_timeline.errors import CalaimTimelineError, SnapshotError, format_errors
from calaim_timeline.match import DEFAULT_THRESHOLD
from calaim_timeline.model import Edition

__all__ = ["EXIT_BAD_INPUT", "EXIT_DIFFERENCES", "EXIT_OK", "main"]

EXIT_OK: Final = 0
EXIT_DIFFERENCES: Final = 1
EXIT_BAD_INPUT: Final = 2

PROG: Final = "calaim-timeline"


def _archive(args: argparse.Namespace) -> Archive:
    return Archive(args.snapshots) if args.snapshots else Archive.default()


def resolve_edition(reference: str, archive: Archive) -> Edition:
    """An edition named by a snapshot path or by its id in ``archive``."""
    path = Path(reference)
    if path.suffix in {".toml", ".json"} or "/" in reference:
        if not path.exists():
            msg = f"no such snapshot file: {reference}"
            raise SnapshotError(msg, source=reference)
        return load(path)
    return archive[reference]


def _show(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline import render  # noqa: PLC0415 - only this command renders editions

    edition = resolve_edition(args.edition, _archive(args))
    renderers: dict[str, Callable[[Edition], str]] = {
        "text": render.EditionText(),
        "json": render.EditionJson(),
        "markdown": render.EditionMarkdown(),
    }
    out.write(renderers[args.format](edition))
    return EXIT_OK


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline import render  # noqa: PLC0415 - only this command renders diffs

    archive = _archive(args)
    old, new = resolve_edition(args.old, archive), resolve_edition(args.new, archive)
    changes = diff(old, new, options=DiffOptions(threshold=args.threshold)).filter(
        changes=args.only, substantive=args.substantive
    )
    renderers: dict[str, Callable[[EditionDiff], str]] = {
        "text": render.DiffText(),
        "markdown": render.DiffMarkdown(),
        "json": render.DiffJson(),
    }
    out.write(renderers[args.format](changes))
    return EXIT_DIFFERENCES if args.exit_code and changes.changes else EXIT_OK


def _import_table(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline.importers import import_table  # noqa: PLC0415 - only this command imports

    path = Path(args.source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        msg = f"cannot read the table: {reason}"
        raise SnapshotError(msg, source=args.source) from None
    previous = resolve_edition(args.previous, _archive(args)) if args.previous else None
    edition = import_table(
        text, edition_id=args.id, source=args.source, previous=previous, threshold=args.threshold
    )
    if args.output:
        save(edition, args.output)
    else:
        out.write(dumps(edition))
    summary = sys.stderr if not args.output else out
    summary.write(_import_summary(edition, previous, args.output))
    return EXIT_OK


def _import_summary(edition: Edition, previous: Edition | None, output: str | None) -> str:
    months: dict[str, int] = {}
    for _, milestone in edition.milestones():
        months[str(milestone.when)] = months.get(str(milestone.when), 0) + 1
    lines = [
        (
            f"{'wrote ' + output if output else 'imported'}: edition {edition.id} as of"
            f" {edition.as_of}, window {edition.window}"
        ),
        (
            f"  {len(edition.categories)} categories, {len(edition.initiatives)} initiatives,"
            f" {len(edition.milestones())} milestones, {len(edition.footnotes)} footnotes,"
            f" {len(edition.excluded_initiatives)} excluded initiatives"
        ),
        "  milestones per month: " + ", ".join(f"{m} {n}" for m, n in sorted(months.items())),
    ]
    if previous is not None:
        from calaim_timeline.render._common import summary_line  # noqa: PLC0415

        lines.append("  against " + summary_line(diff(previous, edition)))
    return "\n".join(lines) + "\n"


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:  # noqa: PLR2004 - similarity is a percentage
        msg = f"must be a number from 0 to 100 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return value


def _edition_id(text: str) -> str:
    from calaim_timeline.validate import ID_PATTERN  # noqa: PLC0415

    if ID_PATTERN.fullmatch(text) is None:
        msg = f"must be a slug such as 2022-03: lowercase letters, digits, hyphens (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return text


def _snapshot_files(paths: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += Archive(path).paths()
        else:
            files.append(path)
    return files


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    failed = False
    for path in _snapshot_files(args.paths):
        try:
            edition = load(path)
        except CalaimTimelineError as error:
            failed = True
            _report(error)
            continue
        count = len(edition.milestones())
        out.write(
            f"ok {path}: edition {edition.id}, {len(edition.initiatives)} initiatives,"
            f" {count} milestones\n"
        )
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _report(error: BaseException) -> None:
    for line in format_errors(error):
        sys.stderr.write(f"{PROG}: error: {line}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Snapshots of the CalAIM Milestones Calendar, and what changed between them.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    snapshots = argparse.ArgumentParser(add_help=False)
    snapshots.add_argument(
        "--snapshots",
        metavar="DIR",
        help="directory of snapshot files (default: ./snapshots if present, else the bundled ones)",
    )

    show = commands.add_parser(
        "show", parents=[snapshots], help="print one edition", description="Print one edition."
    )
    show.add_argument("edition", metavar="EDITION", help="a snapshot file, or an edition id")
    show.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    show.set_defaults(run=_show)

    compare = commands.add_parser(
        "diff",
        parents=[snapshots],
        help="what changed from one edition to another",
        description="Report what changed from OLD to NEW: shifts, additions, drops, renames.",
    )
    compare.add_argument("old", metavar="OLD", help="a snapshot file, or an edition id")
    compare.add_argument("new", metavar="NEW", help="a snapshot file, or an edition id")
    compare.add_argument("--format", choices=("text", "markdown", "json"), default="text")
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
    compare.add_argument(
        "--exit-code", action="store_true", help="exit with 1 when there are changes to report"
    )
    compare.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"least title similarity (0 to 100) to pair milestones; default {DEFAULT_THRESHOLD:g}",
    )
    compare.set_defaults(run=_diff)

    table = commands.add_parser(
        "import-table",
        parents=[snapshots],
        help="read a published calendar table into a snapshot",
        description=(
            "Read a published calendar (the PDF converted to markdown) into a snapshot."
            " With --previous, what matches the previous edition keeps its ids and lineage."
        ),
    )
    table.add_argument("source", metavar="SOURCE", help="the calendar as markdown (.md)")
    table.add_argument("--id", required=True, type=_edition_id, help="the new edition's id")
    table.add_argument("--previous", metavar="EDITION", help="a snapshot file or edition id")
    table.add_argument("-o", "--output", metavar="FILE", help="write the snapshot here (atomic)")
    table.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"least title similarity (0 to 100) to match; default {DEFAULT_THRESHOLD:g}",
    )
    table.set_defaults(run=_import_table)

    validate = commands.add_parser(
        "validate",
        help="check snapshot files",
        description="Check snapshot files (or directories of them); report every problem.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a snapshot file or directory")
    validate.set_defaults(run=_validate)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = build_parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        code: int = args.run(args, stream)
    except CalaimTimelineError as error:
        if args.debug:
            raise
        _report(error)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader (say, `head`) went away: not an error of ours
        sys.stderr.close()
        return EXIT_OK
    return code
