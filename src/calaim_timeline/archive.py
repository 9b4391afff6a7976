"""A directory of snapshot files: every edition, ordered by its "as of" month (or day).

A directory may hold several series (schedules); :meth:`Archive.chain` gives one's.

:meth:`Archive.default` is the directory the command line uses: ``./snapshots`` when
it exists, else the snapshots bundled with the package.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Final

from calaim_timeline.codec import load
from calaim_timeline.errors import (
    CalaimTimelineError,
    EditionNotFoundError,
    OptionError,
    SnapshotError,
)
from calaim_timeline.model import Edition, Series

__all__ = ["BUNDLED_SNAPSHOTS", "Archive"]

BUNDLED_SNAPSHOTS: Final = Path(__file__).resolve().parent / "snapshots"
"""Where the package keeps the editions it ships with."""

_SUFFIXES: Final = (".toml", ".json")


class Archive:
    """The editions of one snapshots directory, loaded and checked on first use.

    Examples:
        >>> archive = Archive.bundled()
        >>> archive.ids
        ('2021-01', '2021-11')
        >>> archive.latest.id, archive.previous("2021-11").id
        ('2021-11', '2021-01')
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        """An archive over ``directory``; nothing is read until an edition is asked for."""
        given: object = directory  # checked at run time, whatever the type says
        if not isinstance(given, str | os.PathLike):
            msg = f"an archive is a folder: give its path (got {type(given).__name__})"
            raise OptionError(msg)
        self.directory = Path(directory)

    @classmethod
    def bundled(cls) -> Archive:
        """The editions shipped inside the package."""
        return cls(BUNDLED_SNAPSHOTS)

    @classmethod
    def default(cls, root: str | os.PathLike[str] = ".") -> Archive:
        """The archive the command line uses: ``ROOT/snapshots``, else the bundled editions.

        ``root`` is the folder to look in (the current one unless given). A ``snapshots``
        folder there that holds files but no snapshot (``*.toml``, ``*.json``) is someone
        else's: SnapshotError names it and says how to choose.
        """
        local = Path(root) / "snapshots"
        if not local.is_dir():
            return cls.bundled()
        try:
            names = [entry.name for entry in local.iterdir()]
        except OSError:
            names = []  # reading it fails later, with the reason
        if names and not any(Path(name).suffix in _SUFFIXES for name in names):
            msg = (
                f"{local} holds no snapshots (*.toml or *.json), so it is not a folder of"
                " editions: name yours with --snapshots DIR (Archive(DIR) in Python), or"
                " use the bundled editions with Archive.bundled()"
            )
            raise SnapshotError(msg, source=str(local))
        return cls(local)

    def __repr__(self) -> str:
        """``Archive('snapshots')``."""
        return f"Archive({str(self.directory)!r})"

    def paths(self) -> tuple[Path, ...]:
        """The snapshot files of the directory, by name.

        Every entry named ``*.toml`` or ``*.json`` counts, whatever it is: a dangling link,
        a directory or a device so named is reported when it is read, not passed over.
        """
        if not self.directory.is_dir():
            msg = f"not a directory of snapshots: {self.directory}"
            raise SnapshotError(msg, source=str(self.directory))
        try:
            return tuple(sorted(p for p in self.directory.iterdir() if p.suffix in _SUFFIXES))
        except OSError as error:
            msg = f"cannot read the folder: {error.strerror or error}"
            raise SnapshotError(msg, source=str(self.directory)) from None

    def survey(self) -> Iterator[tuple[Path, Edition | CalaimTimelineError]]:
        """Each snapshot file with its edition or its error, then any error of the folder.

        A file's error: it cannot be read, is not a valid snapshot, or its edition id is
        not its name. The folder's: it holds one edition in two files.

        Examples:
            >>> [(path.name, result.id) for path, result in Archive.bundled().survey()]
            [('2021-01.toml', '2021-01'), ('2021-11.toml', '2021-11')]
        """
        ids = []
        for path in self.paths():
            try:
                edition = load(path)
            except CalaimTimelineError as error:
                yield path, error
                continue
            ids.append(edition.id)
            if edition.id != path.stem:
                msg = (
                    f"edition id {edition.id!r} does not match the file name;"
                    f" rename it {edition.id}{path.suffix}"
                )
                yield path, SnapshotError(msg, source=str(path), path="id")
            else:
                yield path, edition
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            msg = f"edition {twice[0]!r} is stored twice (as .toml and .json); keep one"
            yield self.directory, SnapshotError(msg, source=str(self.directory))

    @cached_property
    def editions(self) -> tuple[Edition, ...]:
        """Every edition, oldest first (by ``as_of``, then id); the first problem raises."""
        loaded = []
        for _, result in self.survey():
            if isinstance(result, CalaimTimelineError):
                raise result
            loaded.append(result)
        return tuple(sorted(loaded, key=lambda e: (e.as_of, e.id)))

    @property
    def ids(self) -> tuple[str, ...]:
        """The edition ids, oldest first."""
        return tuple(e.id for e in self.editions)

    def __iter__(self) -> Iterator[Edition]:
        """The editions, oldest first."""
        return iter(self.editions)

    def __len__(self) -> int:
        """How many editions the archive holds."""
        return len(self.editions)

    def __contains__(self, item: object) -> bool:
        """Whether the archive holds this edition, or an edition with this id.

        Examples:
            >>> archive = Archive.bundled()
            >>> "2021-11" in archive, archive["2021-11"] in archive, "2030-01" in archive
            (True, True, False)
        """
        if isinstance(item, Edition):
            return item in self.editions
        return item in self.ids

    def keys(self) -> tuple[str, ...]:
        """The edition ids, oldest first (as :attr:`ids`; the archive maps ids to editions)."""
        return self.ids

    def get(self, edition_id: str, default: Edition | None = None) -> Edition | None:
        """The edition with this id, or ``default`` when there is none.

        Examples:
            >>> Archive.bundled().get("2030-01") is None
            True
        """
        return self[edition_id] if edition_id in self.ids else default

    def __getitem__(self, edition_id: str) -> Edition:
        """The edition with this id; EditionNotFoundError names the ones there are."""
        for edition in self.editions:
            if edition.id == edition_id:
                return edition
        known = ", ".join(self.ids) or "none"
        msg = f"no edition {edition_id!r} in {self.directory} (editions: {known})"
        raise EditionNotFoundError(msg)

    @property
    def latest(self) -> Edition:
        """The newest edition."""
        if not self.editions:
            msg = f"no editions in {self.directory}"
            raise EditionNotFoundError(msg)
        return self.editions[-1]

    @property
    def series(self) -> tuple[Series, ...]:
        """The series the editions belong to, each once, in the order of its first edition.

        Examples:
            >>> [s.id for s in Archive.bundled().series]
            ['calaim-milestones']
        """
        return tuple({e.series.id: e.series for e in self.editions}.values())

    def chain(self, series: str | None = None) -> tuple[Edition, ...]:
        """The editions of one series, oldest first: ``series``, or the one there is.

        A folder of several series needs ``series``; an unknown one is an error naming
        those there are.

        Examples:
            >>> [e.id for e in Archive.bundled().chain()]
            ['2021-01', '2021-11']
        """
        known = {s.id for s in self.series}
        names = ", ".join(s.id for s in self.series) or "none"
        if series is None:
            if len(known) > 1:
                msg = f"{self.directory} holds several series ({names}): say which with --series"
                raise EditionNotFoundError(msg)
            return self.editions
        if series not in known:
            msg = f"no series {series!r} in {self.directory} (series: {names})"
            raise EditionNotFoundError(msg)
        return tuple(e for e in self.editions if e.series.id == series)

    def previous(self, edition_id: str) -> Edition | None:
        """The edition before ``edition_id`` in its series, or None for the oldest."""
        edition = self[edition_id]
        chain = self.chain(edition.series.id)
        position = chain.index(edition)
        return chain[position - 1] if position else None
