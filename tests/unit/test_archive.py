from __future__ import annotations

from pathlib import Path

import pytest

from calaim_timeline import (
    Archive,
    EditionNotFoundError,
    FileReadError,
    Period,
    SnapshotError,
    save,
)
from calaim_timeline.archive import BUNDLED_SNAPSHOTS
from tests.builders import edition


def _store(directory: Path, **fields: object) -> None:
    e = edition(**fields)
    save(e, directory / f"{e.id}.toml")


def test_editions_are_ordered_by_as_of_not_by_name(tmp_path: Path) -> None:
    """The archive orders by the as-of month, whatever the file names say."""
    _store(tmp_path, id="zz-first", as_of=Period.month(2021, 9))
    _store(tmp_path, id="aa-second", as_of=Period.month(2021, 11))
    archive = Archive(tmp_path)
    assert archive.ids == ("zz-first", "aa-second")
    assert archive.latest.id == "aa-second"
    assert archive.previous("aa-second").id == "zz-first"  # type: ignore[union-attr]
    assert archive.previous("zz-first") is None
    assert len(archive) == 2
    assert "zz-first" in archive
    assert [e.id for e in archive] == ["zz-first", "aa-second"]
    assert repr(archive) == f"Archive({str(tmp_path)!r})"


def test_an_unknown_id_names_the_editions_there_are(tmp_path: Path) -> None:
    """Asking for a missing edition lists the ids that exist."""
    _store(tmp_path)
    with pytest.raises(EditionNotFoundError) as raised:
        Archive(tmp_path)["2030-01"]
    assert str(raised.value) == f"no edition '2030-01' in {tmp_path} (editions: 2021-11)"


def test_an_empty_archive_has_no_latest(tmp_path: Path) -> None:
    """An empty directory is an archive without editions."""
    archive = Archive(tmp_path)
    assert archive.ids == ()
    with pytest.raises(EditionNotFoundError, match=r"^no editions in "):
        _ = archive.latest


def test_a_file_named_unlike_its_edition_is_refused(tmp_path: Path) -> None:
    """The file name must be the edition id, so lookups by id find it."""
    save(edition(), tmp_path / "november.toml")
    with pytest.raises(SnapshotError) as raised:
        _ = Archive(tmp_path).editions
    assert str(raised.value) == (
        f"{tmp_path / 'november.toml'}: id: edition id '2021-11' does not match the file name;"
        " rename it 2021-11.toml"
    )


def test_an_edition_stored_twice_is_refused(tmp_path: Path) -> None:
    """The same edition as .toml and .json is ambiguous."""
    save(edition(), tmp_path / "2021-11.toml")
    save(edition(), tmp_path / "2021-11.json")
    with pytest.raises(SnapshotError, match=r"edition '2021-11' is stored twice"):
        _ = Archive(tmp_path).editions


def test_a_missing_directory_is_reported(tmp_path: Path) -> None:
    """An archive over a directory that is not there says so when used."""
    with pytest.raises(SnapshotError) as raised:
        Archive(tmp_path / "nope").paths()
    assert (
        str(raised.value)
        == f"{tmp_path / 'nope'}: not a directory of snapshots: {tmp_path / 'nope'}"
    )


def test_other_files_in_the_directory_are_ignored(tmp_path: Path) -> None:
    """Only entries named *.toml or *.json are snapshots; one that is no file is an error."""
    _store(tmp_path)
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    assert Archive(tmp_path).ids == ("2021-11",)
    (tmp_path / "sub.toml").mkdir()
    with pytest.raises(FileReadError, match=r"sub\.toml: not a regular file but a directory"):
        _ = Archive(tmp_path).ids


def test_default_prefers_the_local_snapshots_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """./snapshots is used when present, else the bundled snapshots."""
    monkeypatch.chdir(tmp_path)
    assert Archive.default().directory == BUNDLED_SNAPSHOTS
    (tmp_path / "snapshots").mkdir()
    assert Archive.default().directory == Path("snapshots")


def test_the_bundled_archive_holds_both_editions() -> None:
    """The package ships 2021-01 and 2021-11, oldest first."""
    assert Archive.bundled().ids == ("2021-01", "2021-11")
