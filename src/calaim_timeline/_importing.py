"""The commands that write snapshots: import-table and import-history.

A published edition is immutable: an import never writes over another edition's file,
nor over the same edition with other content unless asked (``--replace``).
"""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path
from typing import TextIO

from calaim_timeline._commands import EXIT_OK, archive_of, resolve_edition, said, shown
from calaim_timeline._counting import counted
from calaim_timeline.codec import dumps, load, save
from calaim_timeline.diffing import diff
from calaim_timeline.errors import CalaimTimelineError, WriteError, format_errors
from calaim_timeline.model import Edition

__all__ = ["import_history", "import_table"]


def import_table(args: argparse.Namespace, out: TextIO) -> int:
    from calaim_timeline.importers import import_table_file  # noqa: PLC0415 - only this command imports

    previous = resolve_edition(args.previous, archive_of(args)) if args.previous else None
    edition = import_table_file(
        args.source,
        edition_id=args.id,
        previous=previous,
        threshold=args.threshold,
        as_of=args.as_of,
        title=args.title,
        publisher=args.publisher,
        columns=args.columns,
        fiscal_year_start=args.fiscal_year_start,
        section=args.section,
        series=args.series,
    )
    if args.output:
        if not _check_target(Path(args.output), edition, replace=args.replace):
            said(f"unchanged {args.output}: it holds this edition already")
            return EXIT_OK
        save(edition, args.output)
    else:
        out.write(dumps(edition))
    said(_import_summary(edition, previous, args.output))
    return EXIT_OK


def import_history(
    args: argparse.Namespace, _out: TextIO
) -> int:  # writes a file: says so on stderr
    from calaim_timeline.importers.versions import (  # noqa: PLC0415 - only this command
        import_history,
        versions_in_folder,
        versions_in_git,
    )

    if args.path is None:
        versions = versions_in_folder(args.source)
    else:
        versions = versions_in_git(args.source, args.path)
    options = {
        "columns": args.columns,
        "fiscal_year_start": args.fiscal_year_start,
        "section": args.section,
        "threshold": args.threshold,
    }

    def progress(line: str) -> None:
        sys.stderr.write(f"{shown(line)}\n")

    done = import_history(
        versions,
        args.output,
        series=args.series,
        title=args.title,
        publisher=args.publisher,
        options=options,
        progress=progress,
    )
    written = len(done.written)
    said(
        f"wrote {counted(written, 'edition')} of {args.series} to"
        f" {args.output} ({counted(len(versions), 'version')}:"
        f" {len(done.unchanged)} with no change,"
        f" {len(done.present)} imported before)"
    )
    return EXIT_OK


def _check_target(path: Path, edition: Edition, *, replace: bool) -> bool:
    """Whether to write ``edition`` at ``path``; refuse what would lose a published edition.

    Never over a file of another edition, or under another's name (in a folder of
    snapshots a file is found by its edition's id); never over the same edition with
    other content unless ``replace`` (a snapshot is immutable); not at all over the same
    content (False: nothing to write).
    """
    edition_id = edition.id
    if path.exists() or path.is_symlink():
        try:
            held = load(path, validate=False)
        except CalaimTimelineError as error:
            msg = f"it exists and is not a snapshot ({format_errors(error)[0]}); remove it first"
            raise WriteError(str(path), msg, errno.EEXIST) from None
        if held.id != edition_id:
            msg = f"it holds edition {held.id!r}, not {edition_id!r}"
            raise WriteError(str(path), msg, errno.EEXIST)
        if held == edition:
            return False
        if not replace:
            raise WriteError(str(path), _differs_from(held, edition), errno.EEXIST)
    others = path.parent.is_dir() and any(
        p.suffix in {".toml", ".json"} and p != path for p in path.parent.iterdir()
    )
    if others and path.stem != edition_id:
        msg = (
            f"in a folder of snapshots a file is named for its edition, and this name is for"
            f" {path.stem!r}: name it {edition_id}{path.suffix}"
        )
        raise WriteError(str(path), msg)
    return True


def _differs_from(held: Edition, edition: Edition) -> str:
    """Why an import may not write over ``held``: how it differs, and how to do it anyway."""
    changes = diff(held, edition).changes
    milestones = {c.milestone_id for c in changes if c.milestone_id is not None}
    if changes:
        how = counted(len(changes), "change")
        if milestones:
            count = len(milestones)
            how += ", 1 milestone differs" if count == 1 else f", {count} milestones differ"
    else:
        how = "the same schedule, from another source or with other notes"
    return (
        f"it holds edition {held.id!r} already, published and not to be changed, and this"
        f" import differs from it ({how}): give --replace to write over it"
    )


def _import_summary(edition: Edition, previous: Edition | None, output: str | None) -> str:
    months: dict[str, int] = {}
    for _, milestone in edition.milestones:
        months[str(milestone.when)] = months.get(str(milestone.when), 0) + 1
    lines = [
        (
            f"{'wrote ' + output if output else 'imported'}: edition {edition.id} as of"
            f" {edition.as_of}, window {edition.window}"
        ),
        (
            f"  {counted(len(edition.categories), 'category')},"
            f" {counted(len(edition.initiatives), 'initiative')},"
            f" {counted(len(edition.milestones), 'milestone')},"
            f" {counted(len(edition.footnotes), 'footnote')},"
            f" {counted(len(edition.excluded_initiatives), 'excluded initiative')}"
        ),
        "  milestones per month: " + ", ".join(f"{m} {n}" for m, n in sorted(months.items())),
    ]
    from calaim_timeline.importers.lists import COLUMNS_READ  # noqa: PLC0415 - with the import

    notes = edition.source.notes or ""
    if COLUMNS_READ in notes:
        lines.append("  columns read: " + notes.split(COLUMNS_READ, 1)[1].rstrip("."))
    if previous is not None:
        from calaim_timeline.render import headline  # noqa: PLC0415 - only with --previous

        lines.append("  against " + headline(diff(previous, edition), by_type=True))
    return "\n".join(lines) + "\n"
