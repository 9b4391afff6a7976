"""Misuse refused at the call: a slip is an error naming it, never a silent wrong result."""

from __future__ import annotations

import errno
import io
import pickle
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from calaim_timeline import (
    Archive,
    DiffOptions,
    Edition,
    EditionNotFoundError,
    FileReadError,
    Footnote,
    FootnoteNotFoundError,
    KindMarkError,
    Milestone,
    MilestoneDropped,
    MilestoneKind,
    OptionError,
    Period,
    PeriodError,
    SnapshotError,
    Timeline,
    UnknownChangeError,
    ValidationError,
    WriteError,
    diff,
    dumps,
    import_table_file,
    load,
    loads,
    save,
)
from calaim_timeline._importing import _check_target


@pytest.mark.parametrize("name", ["json", "JSON", "Json"])
def test_a_format_name_is_read_in_any_case(name: str) -> None:
    """``format="JSON"`` writes JSON (it once wrote TOML) and reads back."""
    november = Archive.bundled()["2021-11"]
    text = dumps(november, format=name)  # type: ignore[arg-type]
    assert text.startswith('{\n  "id": "2021-11"')
    assert loads(text, format=name) == november  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["yaml", "", "toml ", 7])
def test_any_other_format_name_is_an_option_error(name: object) -> None:
    """Writing and reading refuse a format they do not know, naming it."""
    november = Archive.bundled()["2021-11"]
    with pytest.raises(OptionError) as caught:
        dumps(november, format=name)  # type: ignore[arg-type]
    assert str(caught.value) == f"unknown format {name!r}: expected 'toml' or 'json'"
    assert isinstance(caught.value, ValueError)
    with pytest.raises(OptionError):
        loads("", format=name)  # type: ignore[arg-type]


def test_filter_takes_one_name_several_names_or_record_classes() -> None:
    """A single name is one name, not its characters; a class stands for its name."""
    changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
    dropped = changes.filter(changes=["milestone-dropped"])
    assert len(dropped) == 14
    assert changes.filter(changes="milestone-dropped") == dropped
    assert changes.filter(changes=MilestoneDropped) == dropped
    assert len(changes.filter(changes=(MilestoneDropped, "initiative-renamed"))) == 15
    assert changes.filter(initiatives="ecm-ilos") == changes.filter(initiatives=["ecm-ilos"])
    launch = MilestoneKind.PROGRAM_LAUNCH
    assert changes.filter(kinds=launch) == changes.filter(kinds=[launch])


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("milestone-slipped", "unknown change name 'milestone-slipped': expected one of "),
        (int, "unknown change <class 'int'>: expected a change name or a change record class"),
        (5, "unknown change 5: expected a change name or a change record class"),
    ],
)
def test_filter_refuses_what_is_not_a_change(wanted: object, message: str) -> None:
    """An unknown name or a class that is not a change record is an error naming it."""
    changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
    with pytest.raises(UnknownChangeError) as caught:
        changes.filter(changes=[wanted])  # type: ignore[list-item]
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize("threshold", [500, -1, 100.5, "x", float("nan"), True, None])
def test_diff_options_refuse_a_threshold_out_of_range(threshold: object) -> None:
    """The threshold is a number from 0 to 100; anything else is refused at once."""
    with pytest.raises(OptionError) as caught:
        DiffOptions(threshold=threshold)  # type: ignore[arg-type]
    assert str(caught.value) == f"threshold must be a number from 0 to 100 (got {threshold!r})"


@pytest.mark.parametrize("threshold", [0, 0.0, 85, 100, 99.5])
def test_diff_options_keep_a_threshold_in_range(threshold: float) -> None:
    """Every number from 0 to 100, ends included, is a threshold."""
    assert DiffOptions(threshold=threshold).threshold == threshold


def test_an_archive_holds_editions_and_their_ids() -> None:
    """``in`` takes an edition or an id; ``get`` and ``keys`` work as on a mapping."""
    archive = Archive.bundled()
    november = archive["2021-11"]
    assert (november in archive, "2021-11" in archive, "2030-01" in archive) == (True, True, False)
    assert (archive.keys(), archive.get("2021-11"), archive.get("2030-01")) == (
        ("2021-01", "2021-11"),
        november,
        None,
    )
    assert archive.get("2030-01", november) is november


def test_what_is_not_found_is_also_a_key_error_with_its_words() -> None:
    """Missing editions and footnotes are KeyErrors whose text is the message, unquoted."""
    archive = Archive.bundled()
    with pytest.raises(KeyError) as edition:
        archive["2030-01"]
    assert isinstance(edition.value, EditionNotFoundError)
    assert str(edition.value).startswith("no edition '2030-01' in ")
    with pytest.raises(FootnoteNotFoundError) as note:
        archive["2021-11"].footnote(99)
    assert str(note.value) == "edition '2021-11' has no footnote 99 (footnotes: 1 to 15)"
    assert isinstance(note.value, KeyError)


def test_a_bad_mark_or_month_is_our_error() -> None:
    """Constructors refuse bad values with the library's errors, not builtin ones."""
    with pytest.raises(KindMarkError, match=r"^unknown kind mark 'x': expected one of"):
        MilestoneKind.from_mark("x")
    with pytest.raises(PeriodError, match=r"^month must be in 1\.\.12$"):
        Period.month(2022, 13)
    with pytest.raises(PeriodError, match=r"^a year needs a whole year \(got 'x'\)"):
        Period.year("x")  # type: ignore[arg-type]


def test_a_diff_is_indexed_in_report_order() -> None:
    """``changes[0]`` is the first change; a slice gives a tuple."""
    changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
    assert (changes[0], changes[-1], changes[1:3]) == (
        changes.changes[0],
        changes.changes[-1],
        changes.changes[1:3],
    )


def test_load_reads_a_binary_stream_and_refuses_a_text_one(tmp_path: Path) -> None:
    """As ``tomllib.load``: a stream opened with "rb"; its name's suffix gives the format."""
    november = Archive.bundled()["2021-11"]
    (tmp_path / "n.json").write_text(dumps(november, format="json"), encoding="utf-8")
    with (tmp_path / "n.json").open("rb") as stream:
        assert load(stream) == november
    with (tmp_path / "n.json").open("rb") as stream:
        assert load(io.BytesIO(stream.read()), format="json") == november
    refused = pytest.raises(OptionError, match=r"^the stream gives text: open the file in binary")
    with (tmp_path / "n.json").open(encoding="utf-8") as text, refused:
        load(text)  # type: ignore[arg-type]


def test_save_and_dumps_refuse_an_edition_load_would_refuse(tmp_path: Path) -> None:
    """Nothing is written that cannot be read back; ``check=False`` writes it anyway."""
    broken = attrs.evolve(Archive.bundled()["2021-11"], id="Nov 2021")
    path = tmp_path / "nov.toml"
    with pytest.raises(ValidationError) as caught:
        save(broken, path)
    assert caught.value.lines() == (
        (
            f"{path}: id: must be a slug of lowercase letters, digits and single hyphens"
            " (got 'Nov 2021')"
        ),
    )
    assert not path.exists()
    with pytest.raises(ValidationError):
        dumps(broken)
    save(broken, path, check=False)
    assert load(path, validate=False) == broken


def test_the_default_archive_refuses_an_unrelated_snapshots_folder(tmp_path: Path) -> None:
    """A ``snapshots`` folder holding other things is named, with how to choose."""
    assert Archive.default(tmp_path).directory == Archive.bundled().directory
    (tmp_path / "snapshots").mkdir()
    assert Archive.default(tmp_path).directory == tmp_path / "snapshots"  # empty: ours to fill
    (tmp_path / "snapshots" / "photo.png").write_bytes(b"\x89PNG")
    with pytest.raises(SnapshotError) as caught:
        Archive.default(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'snapshots'}: {tmp_path / 'snapshots'} holds no snapshots (*.toml or"
        " *.json), so it is not a folder of editions: name yours with --snapshots DIR"
        " (Archive(DIR) in Python), or use the bundled editions with Archive.bundled()"
    )


def test_a_timeline_refuses_two_editions_with_one_id() -> None:
    """Histories over two editions of one id would mix them: both are named."""
    november = Archive.bundled()["2021-11"]
    other = attrs.evolve(november, title="Another November", as_of=Period.parse("2021-12"))
    with pytest.raises(OptionError) as caught:
        Timeline([november, other])
    assert str(caught.value) == (
        "two editions have the id '2021-11': 'California Advancing and Innovating Medi-Cal"
        " (CalAIM) Milestones Calendar as of November 2021' (as of 2021-11) and 'Another"
        " November' (as of 2021-12); give each edition its own id"
    )


def test_a_write_error_is_an_os_error_with_its_number_and_file(tmp_path: Path) -> None:
    """A failed save names the file and keeps the system's errno, as an OSError does."""
    november = Archive.bundled()["2021-11"]
    target = tmp_path / "missing" / "2021-11.toml"
    with pytest.raises(OSError, match="cannot write the file") as caught:
        save(november, target)
    assert isinstance(caught.value, WriteError)
    assert (caught.value.errno, caught.value.filename) == (errno.ENOENT, str(target))
    assert str(caught.value).startswith(f"{target}: cannot write the file: ")


def test_diff_refuses_an_edition_that_is_not_sound() -> None:
    """diff(valid, invalid).apply(valid) could not give the invalid edition back: refused."""
    archive = Archive.bundled()
    broken = attrs.evolve(archive["2021-11"], title=" x")
    with pytest.raises(ValidationError) as caught:
        diff(archive["2021-01"], broken)
    assert caught.value.lines() == ("title: must not start or end with spaces (got ' x')",)
    with pytest.raises(ValidationError):
        diff(broken, archive["2021-01"])


def test_a_file_the_system_cannot_read_is_an_os_error_with_its_number_and_name(
    tmp_path: Path,
) -> None:
    """A missing file is a FileReadError and an OSError (ENOENT, its file name)."""
    missing = tmp_path / "2030-01.toml"
    with pytest.raises(FileReadError) as caught:
        load(missing)
    assert isinstance(caught.value, OSError)
    assert (caught.value.errno, caught.value.filename) == (errno.ENOENT, str(missing))
    assert str(caught.value) == f"{missing}: cannot read the file: No such file or directory"
    with pytest.raises(FileReadError) as table:
        import_table_file(tmp_path / "no.csv", edition_id="x")
    assert (table.value.errno, table.value.filename) == (errno.ENOENT, str(tmp_path / "no.csv"))


@pytest.mark.parametrize(
    ("make", "system", "code"),
    [
        (lambda root: root / "missing.toml", FileNotFoundError, errno.ENOENT),
        (lambda root: _folder(root / "folder.toml"), IsADirectoryError, errno.EISDIR),
        (lambda root: _file(root / "plain") / "x.toml", NotADirectoryError, errno.ENOTDIR),
    ],
    ids=["missing", "a folder", "under a file"],
)
def test_a_file_error_is_the_os_error_subclass_its_number_calls_for(
    tmp_path: Path, make: Callable[[Path], Path], system: type[OSError], code: int
) -> None:
    """As open() would raise: except FileNotFoundError catches a missing snapshot."""
    path = make(tmp_path)
    with pytest.raises(system) as caught:
        load(path)
    error = caught.value
    assert (type(error).__name__, isinstance(error, FileReadError), error.errno) == (
        "FileReadError",
        True,
        code,
    )
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own error, made here
    assert (type(again), str(again), again.errno, again.filename) == (
        type(error),
        str(error),
        code,
        str(path),
    )


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _file(path: Path) -> Path:
    path.write_text("x", encoding="utf-8")
    return path


def test_a_write_error_is_the_os_error_subclass_its_number_calls_for(tmp_path: Path) -> None:
    """An import over a different edition is a FileExistsError; one with no number is not."""
    target = tmp_path / "2021-01.toml"
    archive = Archive.bundled()
    save(archive["2021-01"], target)
    with pytest.raises(FileExistsError) as caught:
        _check_target(target, archive["2021-11"], replace=False)
    assert (type(caught.value).__name__, caught.value.errno) == ("WriteError", errno.EEXIST)
    plain = WriteError("out.toml", "no reason")
    assert (type(plain) is WriteError, plain.errno, plain.args) == (
        True,
        None,
        ("out.toml: cannot write the file: no reason (nothing was changed)",),
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Milestone(id=5, title="x", when=Period.parse("2022-01")), "'id' must be a str"),  # type: ignore[arg-type]
        (lambda: Period.day("x"), "'start' must be a datetime.date (got 'x')"),  # type: ignore[arg-type]
        (lambda: Footnote(number="x", text="y"), "'number' must be a footnote number"),  # type: ignore[arg-type]
        (lambda: Archive(5), "an archive is a folder: give its path (got int)"),  # type: ignore[arg-type]
        (lambda: loads(5), "loads reads text (got int): for bytes or a stream, use load"),  # type: ignore[arg-type]
        (lambda: Timeline([5]), "expected an Edition (got int)"),  # type: ignore[list-item]
        (lambda: diff(5, 6), "expected an Edition (got int)"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_type_is_our_error_and_a_type_error(
    call: Callable[[], object], message: str
) -> None:
    """A value of the wrong type is refused at the call: our OptionError, also a TypeError."""
    with pytest.raises(OptionError) as caught:
        call()
    assert (isinstance(caught.value, TypeError), str(caught.value).startswith(message)) == (
        True,
        True,
    )


def test_an_edition_found_sound_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing or diffing a loaded edition does not walk it again; a new one is walked once."""
    from calaim_timeline import validation  # noqa: PLC0415

    november = Archive.bundled()["2021-11"]
    walked: list[str] = []
    original = validation.validate

    def counting(edition: Edition) -> tuple[object, ...]:
        walked.append(edition.id)
        return original(edition)

    monkeypatch.setattr(validation, "validate", counting)
    dumps(november)
    diff(november, november)
    renamed = attrs.evolve(november, id="renamed")
    dumps(renamed)
    dumps(renamed)
    assert walked == ["renamed"]
