"""A schedule's whole history at once: every version kept in git, or in a folder, as editions.

:func:`versions_in_git` lists a file's versions along its first-parent history (renames
followed), each as of its commit's committer date; :func:`versions_in_folder` lists the
files of a folder whose names begin with a date (``2022-03`` or ``2022-03-14``). Git runs
as a child process (``git log``, ``git show``): no new dependency.

:func:`import_history` imports them in order into one series, each against the one
before it (as ``import-table --previous`` does), skipping a version whose schedule is the
same as the last one's, and those already in the folder: a second run adds only the new
ones, and never writes over an edition.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Final

import attrs

from calaim_timeline._counting import counted
from calaim_timeline.codec import load, save
from calaim_timeline.diffing import diff
from calaim_timeline.errors import BadCellsError, CalaimTimelineError, ParseError
from calaim_timeline.importers.files import SUFFIXES, import_table_file
from calaim_timeline.model import Edition
from calaim_timeline.period import Period

__all__ = ["Imported", "Version", "import_history", "versions_in_folder", "versions_in_git"]

_DATED: Final = re.compile(r"^(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?!\d)")


@attrs.frozen
class Version:
    """One version of a schedule: when it is as of, where it comes from, its bytes.

    Examples:
        >>> version = Version(Period.parse("2022-03"), "2022-03.md", ".md", lambda: b"# S")
        >>> str(version.as_of), version.content()
        ('2022-03', b'# S')
    """

    as_of: Period
    """The day (a commit's) or the month or day (a file name's) it is as of."""
    source: str
    """Where it comes from: ``git:REPO/PATH@COMMIT`` or the file's path."""
    suffix: str
    """The file's suffix, which says its format (``.md``, ``.csv``…)."""
    content: Callable[[], bytes] = attrs.field(eq=False, repr=False)
    """Its bytes, read when asked for."""


@attrs.frozen
class Imported:
    """What an import of a history did: the editions it wrote and the versions it passed.

    Examples:
        >>> Imported(written=(), unchanged=(), present=()).written
        ()
    """

    written: tuple[Edition, ...]
    unchanged: tuple[Version, ...]
    """Versions whose schedule is the same as the one before (no edition)."""
    present: tuple[Version, ...]
    """Versions already imported into the folder by an earlier run."""


def _git(repository: Path, *arguments: str) -> bytes:
    try:
        done = subprocess.run(  # noqa: S603 - git, with arguments we built
            ["git", "-C", str(repository), *arguments],  # noqa: S607 - git from the PATH
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        msg = "reading a history from git needs git on the PATH"
        raise ParseError(msg, source=str(repository)) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = f"git {arguments[0]} failed: {reason[-1] if reason else done.returncode}"
        raise ParseError(msg, source=str(repository))
    return done.stdout


def versions_in_git(repository: str | os.PathLike[str], path: str) -> tuple[Version, ...]:
    """The versions of ``path`` along the first-parent history of ``repository``, oldest first.

    Renames are followed; each commit that touched the file is one version, as of its
    committer date.

    Examples:
        >>> versions = versions_in_git(".", "sources/README.md")  # this project's own history
        >>> versions[0].source.startswith("git:"), versions[0].suffix
        (True, '.md')
    """
    root = Path(repository).resolve()
    log = _git(root, "log", "--first-parent", "--follow", "--format=%x00%H %cs", "--name-only",
               "--", path).decode("utf-8", "replace")  # fmt: skip
    found = []
    for entry in log.split("\0")[1:]:
        head, *names = [line for line in entry.splitlines() if line.strip()]
        commit, day = head.split()
        name = names[-1] if names else path
        found.append(
            Version(
                as_of=Period.parse(day),
                source=f"git:{root.name}/{name}@{commit[:12]}",
                suffix=Path(name).suffix.lower(),
                content=partial(_git, root, "show", f"{commit}:{name}"),
            )
        )
    if not found:
        msg = f"no commit of {path!r} in the first-parent history (is it the file's path?)"
        raise ParseError(msg, source=str(root))
    return tuple(reversed(found))


def versions_in_folder(folder: str | os.PathLike[str]) -> tuple[Version, ...]:
    r"""The files of ``folder`` whose names begin with a date, in date (then name) order.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     for name in ("2022-05-07_list.md", "2022-01_list.md", "notes.md"):
        ...         _ = (Path(folder) / name).write_text("- a: 2022-05-01\n")
        ...     [str(v.as_of) for v in versions_in_folder(folder)]
        ['2022-01', '2022-05-07']
    """
    root = Path(folder)
    if not root.is_dir():
        msg = "not a folder (give a folder of dated files, or a git work tree and a file in it)"
        raise ParseError(msg, source=str(root))
    found = []
    for path in sorted(root.iterdir()):
        dated = _DATED.match(path.name)
        if dated is None or path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        try:
            as_of = Period.parse(dated.group("date"))
        except CalaimTimelineError:
            continue  # "2022-13-…": not a date
        found.append(Version(as_of, str(path), path.suffix.lower(), path.read_bytes))
    if not found:
        msg = "no file here has a name that begins with a date (2022-03 or 2022-03-14)"
        raise ParseError(msg, source=str(root))
    return tuple(sorted(found, key=lambda v: (v.as_of, v.source)))


def _ids(versions: Sequence[Version]) -> list[str]:
    """An edition id per version: its date, with ``-v02``… for more of one date."""
    ids: list[str] = []
    counts: dict[str, int] = {}
    for version in versions:
        day = str(version.as_of)
        counts[day] = counts.get(day, 0) + 1
        ids.append(day if counts[day] == 1 else f"{day}-v{counts[day]:02d}")
    return ids


def import_history(  # noqa: PLR0913 - where, which series, and import-table's options
    versions: Sequence[Version],
    folder: str | os.PathLike[str],
    *,
    series: str,
    title: str | None = None,
    publisher: str | None = None,
    options: Mapping[str, object] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Imported:
    r"""Import ``versions`` into ``folder`` as editions of ``series``, oldest first.

    Each is imported against the one before it; one whose schedule is the same as the
    last one's is passed over, and so is one an earlier run imported (its source is
    already in the folder). ``options`` are :func:`import_table_file`'s (columns,
    section…); ``progress`` is told of each version.

    Examples:
        >>> import tempfile
        >>> def text() -> bytes:
        ...     return b"Schedule\n\n- a: 2022-05\n"
        >>> first = Version(Period.parse("2022-01-10"), "v1.txt", ".txt", text)
        >>> again = Version(Period.parse("2022-02-01"), "v2.txt", ".txt", text)
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     done = import_history([first, again], folder, series="s")
        >>> [e.id for e in done.written], [v.source for v in done.unchanged]
        (['2022-01-10'], ['v2.txt'])
    """
    settings = _Settings(series, title, publisher, dict(options or {}))
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    existing = sorted(
        (load(p) for p in root.iterdir() if p.suffix in {".toml", ".json"}),
        key=lambda e: (e.as_of, e.id),
    )
    done = {e.source.document: e for e in existing if e.series.id == series}
    taken = {e.id for e in existing}
    previous: Edition | None = None
    written: list[Edition] = []
    unchanged: list[Version] = []
    present: list[Version] = []
    for k, (version, edition_id) in enumerate(zip(versions, _ids(versions), strict=True), 1):
        say = progress or (lambda _: None)
        where = f"[{k}/{len(versions)}] {version.as_of} {version.source}"
        if version.source in done:
            present.append(version)
            previous = done[version.source]
            say(f"{where}: imported before")
            continue
        edition = settings.imported(version, edition_id, previous)
        if previous is not None and not diff(previous, edition).changes:
            unchanged.append(version)
            say(f"{where}: no change")
            continue
        if edition.id in taken:
            msg = f"edition {edition.id!r} is in the folder already, from another source"
            raise ParseError(msg, source=version.source)
        save(edition, root / f"{edition.id}.toml")
        taken.add(edition.id)
        written.append(edition)
        count = len(edition.milestones)
        say(f"{where}: edition {edition.id}, {counted(count, 'milestone')}")
        previous = edition
    return Imported(tuple(written), tuple(unchanged), tuple(present))


@attrs.frozen
class _Settings:
    """What every version's import takes: the series, title, publisher and options."""

    series: str
    title: str | None
    publisher: str | None
    options: dict[str, object]

    def imported(self, version: Version, edition_id: str, previous: Edition | None) -> Edition:
        """The edition one version gives, its source named as where it came from."""
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / f"version{version.suffix}"
            path.write_bytes(version.content())
            try:
                edition = import_table_file(
                    path,
                    edition_id=edition_id,
                    previous=previous,
                    as_of=version.as_of,
                    title=self.title,
                    publisher=self.publisher,
                    series=self.series,
                    **self.options,  # type: ignore[arg-type]
                )
            except ParseError as error:
                raise _named(error, version.source) from None
        document = version.source
        return attrs.evolve(edition, source=attrs.evolve(edition.source, document=document))


def _named(error: ParseError, source: str) -> ParseError:
    """The error of a version's scratch file, said of the version."""
    if isinstance(error, BadCellsError):
        return BadCellsError([_named(each, source) for each in error.errors])
    return ParseError(
        error.message,
        source=source,
        line=error.line,
        column=error.column,
        text=error.text,
        length=error.length,
    )
