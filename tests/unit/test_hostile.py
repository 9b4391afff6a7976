"""Hostile and broken input: one clear error naming the file, exit 2, never a traceback.

Each class of fault goes through the API (``load``) and the command line (``validate``).
"""

from __future__ import annotations

import errno
import io
import json
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import NoReturn

import attrs
import pytest
from icalendar import Calendar

from calaim_timeline import (
    Archive,
    Edition,
    FileReadError,
    ParseError,
    Period,
    SnapshotError,
    Timeline,
    ValidationError,
    WriteError,
    dumps,
    import_table_file,
    load,
    save,
    validate,
)
from calaim_timeline import _files as files
from calaim_timeline._reporting import shortened
from calaim_timeline.cli import main, terminate
from calaim_timeline.render.chart import TrendChart

NOVEMBER = Archive.bundled()["2021-11"]
TOML = dumps(NOVEMBER)
JSON = dumps(NOVEMBER, format="json")


def _write(name: str, text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _link(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target if target.startswith("/") else folder / target)
        return path

    return make


def _directory(folder: Path) -> Path:
    path = folder / "folder.toml"
    path.mkdir()
    return path


CASES = [
    # deep nesting: Python's parsers recurse
    (_write("deep.json", "[" * 100_000 + "]" * 100_000), "not valid JSON: nested too deeply (a snapshot nests a few tables deep)"),
    (_write("deep.toml", "a = " + "[" * 5_000 + "]" * 5_000), "not valid TOML: nested too deeply (a snapshot nests a few tables deep)"),
    # integers too long for Python to read, in the text or in a value
    (_write("long.json", '{"id": ' + "9" * 5_000 + "}"), "not valid JSON: a number too long to read (exceeds the limit (4300 digits) for integer string conversion)"),
    (_write("long.toml", "id = " + "9" * 5_000), "not valid TOML: a number too long to read (exceeds the limit (4300 digits) for integer string conversion)"),
    (_write("hex.toml", TOML.replace("number = 1\n", "number = 0x" + "f" * 3_000 + "\n", 1)), "footnotes[0].number: must be a whole number up to 999,999 (got int of 3613 digits)"),
    (_write("big.json", JSON.replace('"number": 1,', '"number": 12345678901234567890,', 1)), "footnotes[0].number: must be a whole number up to 999,999 (got int 12345678901234567890)"),
    # a JSON table naming a key twice (TOML refuses it itself)
    (_write("twice.json", JSON.replace('"id": "2021-11",', '"id": "2021-11", "id": "2021-12",', 1)), "not valid JSON: key 'id' appears twice in one table"),
    # files that are not files
    (_link("zero.toml", "/dev/zero"), "not a regular file but a character device: give a snapshot or table file"),
    (_link("loop.toml", "loop.toml"), "cannot read the file: Too many levels of symbolic links"),
    (_link("dangling.toml", "nowhere.toml"), "cannot read the file: No such file or directory"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "message"), CASES)
def test_the_api_raises_one_clear_error(
    make: Callable[[Path], Path], message: str, tmp_path: Path
) -> None:
    """Load raises our error naming the file and what is wrong.

    A SnapshotError for what the file holds; a FileReadError (an OSError too) where the
    system cannot read it.
    """
    path = make(tmp_path)
    with pytest.raises((SnapshotError, FileReadError)) as raised:
        load(path)
    assert str(raised.value).splitlines()[0] == f"{path}: {message}"


@pytest.mark.parametrize(("make", "message"), CASES)
def test_the_command_line_exits_2_with_one_line(
    make: Callable[[Path], Path], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Validate prints the error on one line and exits 2, with no traceback."""
    path = make(tmp_path)
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines()[0] == f"calaim-timeline: error: {path}: {message}"
    assert "Traceback" not in captured.err


def test_a_directory_is_not_a_snapshot(tmp_path: Path) -> None:
    """Loading a directory named like a snapshot says what it is, as the system would."""
    path = _directory(tmp_path)
    with pytest.raises(FileReadError) as raised:
        load(path)
    assert (raised.value.errno, raised.value.filename, str(raised.value)) == (
        errno.EISDIR,
        str(path),
        f"{path}: not a regular file but a directory: give a snapshot or table file",
    )


def test_a_file_larger_than_the_cap_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_FILE_BYTES a file is refused with the cap named, not read whole."""
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 2 * 2**20)
    path = tmp_path / "huge.toml"
    path.write_bytes(b"# filler\n" * (3 * 2**20 // 9))
    with pytest.raises(SnapshotError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: the file is larger than 2 MiB, the most this reads"


def test_a_legal_long_file_name_can_be_written(tmp_path: Path) -> None:
    """A 255-byte file name is written: the temporary name does not lengthen it."""
    path = tmp_path / ("n" * 250 + ".toml")
    save(NOVEMBER, path)
    assert load(path) == NOVEMBER
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_validate_reports_every_broken_entry_of_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder's loop, dangling link, device, directory, misnamed and doubled editions all show."""
    save(NOVEMBER, tmp_path / "2021-11.toml")
    save(NOVEMBER, tmp_path / "2021-11.json")
    save(NOVEMBER, tmp_path / "2021-12.toml")
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    (tmp_path / "gone.json").symlink_to(tmp_path / "nowhere.json")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    (tmp_path / "folder.toml").mkdir()
    assert main(["validate", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == (
        f"ok {tmp_path / '2021-11.json'}: edition 2021-11, 18 initiatives, 56 milestones\n"
        f"ok {tmp_path / '2021-11.toml'}: edition 2021-11, 18 initiatives, 56 milestones\n"
    )
    prefix = "calaim-timeline: error: "
    assert captured.err.splitlines() == [
        (
            f"{prefix}{tmp_path / '2021-12.toml'}: id: edition id '2021-11' does not match the"
            " file name; rename it 2021-11.toml"
        ),
        (
            f"{prefix}{tmp_path / 'folder.toml'}: not a regular file but a directory: give a"
            " snapshot or table file"
        ),
        f"{prefix}{tmp_path / 'gone.json'}: cannot read the file: No such file or directory",
        f"{prefix}{tmp_path / 'loop.toml'}: cannot read the file: Too many levels of symbolic links",
        (
            f"{prefix}{tmp_path / 'zero.toml'}: not a regular file but a character device: give"
            " a snapshot or table file"
        ),
        f"{prefix}{tmp_path}: edition '2021-11' is stored twice (as .toml and .json); keep one",
    ]


def test_validate_refuses_an_empty_or_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty folder and a path that is not there are errors, not a silent success."""
    assert main(["validate", str(tmp_path)]) == 2
    missing = tmp_path / "missing"
    assert main(["validate", str(missing)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"calaim-timeline: error: {tmp_path}: no snapshot files (*.toml or *.json) in {tmp_path}",
        f"calaim-timeline: error: {missing}: no such file or folder",
    ]


def test_a_parse_error_on_a_very_long_line_shows_the_part_around_the_place(
    tmp_path: Path,
) -> None:
    """The excerpt of a 20,000-character line is cut to EXCERPT_WIDTH around the marker."""
    path = tmp_path / "long.toml"
    path.write_text("title = '" + "x" * 10_000 + "' ? '" + "y" * 10_000 + "'\n", encoding="utf-8")
    with pytest.raises(SnapshotError) as raised:
        load(path)
    shown, marker = raised.value.excerpt()
    assert (len(shown), shown[:6], shown[-1], marker.index("^") - shown.index("?")) == (
        4 + 1 + 160 + 1,
        "    …x",
        "…",
        0,
    )


SOURCE = "tests/data/good/calendar.md"


@pytest.mark.parametrize(
    ("existing", "name", "message"),
    [
        ("2021-01", "x.toml", "it holds edition '2021-01', not 'x'"),
        (None, "2021-12.toml", "in a folder of snapshots a file is named for its edition, and this name is for '2021-12': name it x.toml"),
        ("not a snapshot", "x.toml", "it exists and is not a snapshot ({path}:1:5: not valid TOML: Expected '=' after a key in a key/value pair); remove it first"),
    ],
)  # fmt: skip
def test_import_table_will_not_write_over_another_edition(
    existing: str | None,
    name: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """-o FILE holding another edition, or misnamed among snapshots: refused, nothing changed."""
    save(NOVEMBER, tmp_path / "2021-11.toml")
    target = tmp_path / name
    if existing == "2021-01":
        save(Archive.bundled()["2021-01"], target)
    elif existing is not None:
        target.write_text(existing, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["import-table", SOURCE, "--id", "x", "-o", str(target)]) == 2
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert capsys.readouterr().err.splitlines() == [
        (
            f"calaim-timeline: error: {target}: cannot write the file:"
            f" {message.format(path=target)} (nothing was changed)"
        )
    ]


@pytest.mark.parametrize(
    ("character", "kind"),
    [
        ("\x1b", "a control character"),  # the start of a terminal escape sequence
        ("\x00", "a control character"),  # NUL
        ("\x85", "a control character"),  # C1: next line
        ("\u202e", "a bidirectional control"),  # right-to-left override
        ("\u2066", "a bidirectional control"),  # left-to-right isolate
    ],
)
def test_control_characters_in_text_are_refused_and_never_printed_raw(
    character: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title holding a control is a validation problem; the message escapes it."""
    title = f"MOT Carve-In{character}[2J goes live"
    path = tmp_path / "2021-11.json"
    document = json.loads(JSON)
    document["initiatives"][4]["milestones"][4]["title"] = title
    path.write_text(json.dumps(document), encoding="utf-8")  # \u001b: valid JSON
    code = ord(character)
    with pytest.raises(ValidationError) as raised:
        load(path)
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("initiatives[4].milestones[4].title", f"contains U+{code:04X}, {kind}: remove it")
    ]
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        (
            f"calaim-timeline: error: {path}: initiatives[4].milestones[4].title: contains"
            f" U+{code:04X}, {kind}: remove it"
        )
    ]


def test_a_file_name_with_an_escape_sequence_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The name of a bad file is shown with its controls escaped."""
    path = tmp_path / "evil\x1b[31m.toml"
    path.write_text("id = ", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert err.splitlines()[0].startswith(f"calaim-timeline: error: {tmp_path}/evil\\x1b[31m.toml:")


class _FullDisk(io.StringIO):
    def write(self, _text: str) -> int:
        raise OSError(28, "No space left on device")


def test_an_output_that_fails_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Standard output on a full disk: exit 2 and one line, in process."""
    assert main(["show", "2021-11"], out=_FullDisk()) == 2
    assert capsys.readouterr().err == (
        "calaim-timeline: error: cannot write the output: No space left on device\n"
    )


@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        (">/dev/full", "cannot write the output: No space left on device"),
        (">&-", "cannot write the output: it is closed"),
    ],
)
def test_the_program_with_a_full_or_closed_output_exits_2(redirect: str, message: str) -> None:
    """As a real process: a full disk or a closed standard output, no traceback."""
    command = f"exec {shlex.quote(sys.executable)} -m calaim_timeline show 2021-11 {redirect}"
    result = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (2, f"calaim-timeline: error: {message}\n")


def test_a_termination_signal_during_a_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM mid-write, with the program's handler: exit 143, old file whole, no temporary."""
    target = tmp_path / "2021-11.toml"
    target.write_text("old content\n", encoding="utf-8")
    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        monkeypatch.setattr(os, "fsync", lambda _fd: os.kill(os.getpid(), signal.SIGTERM))
        with pytest.raises(SystemExit) as stopped:
            save(NOVEMBER, target)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert stopped.value.code == 143
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2021-11.toml"]


EDGES = Archive.bundled()["2021-11"]


def _at(edition_id: str, window: str, when: str) -> Edition:
    """November's milestones all in ``when``, in an edition of ``window``."""
    return attrs.evolve(
        EDGES,
        id=edition_id,
        as_of=Period.parse(edition_id),
        window=Period.parse(window),
        initiatives=tuple(
            attrs.evolve(
                i, milestones=tuple(attrs.evolve(m, when=Period.parse(when)) for m in i.milestones)
            )
            for i in EDGES.initiatives
        ),
    )


def test_the_edges_of_the_calendar_are_handled(tmp_path: Path) -> None:
    """Years 1 and 9999: validation, upcoming past 9999, a calendar and a chart across them."""
    first, last = (
        _at("0001-01", "0001-01/0001-02", "0001-01"),
        _at("9999-11", "9999-11/9999-12", "9999-12"),
    )
    assert (validate(first), validate(last)) == ((), ())
    for edition in (first, last):
        save(edition, tmp_path / f"{edition.id}.toml")
    folder = str(tmp_path)
    out = io.StringIO()
    assert (
        main(["upcoming", "--as-of", "9999-12-15", "--within", "3", "--snapshots", folder], out=out)
        == 0
    )
    assert len(out.getvalue().splitlines()) > 50
    target = tmp_path / "last.ics"
    assert (
        main(["ics", "9999-11", "-o", str(target), "--snapshots", folder], out=io.StringIO()) == 0
    )
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {(e.decoded("dtstart"), e.decoded("duration")) for e in events} == {
        (date(9999, 12, 1), timedelta(days=31))
    }
    chart = tmp_path / "span.svg"
    args = ["history", "waiver-cms-approval", "--chart", str(chart), "--snapshots", folder]
    assert main(args, out=io.StringIO()) == 0
    assert chart.read_text(encoding="utf-8").startswith("<?xml")


def test_a_table_of_year_0000_is_refused(tmp_path: Path) -> None:
    """A quarter row naming year 0000 is an error naming the line, not a crash."""
    source = tmp_path / "calendar.md"
    source.write_text(
        Path("tests/data/good/calendar.md")
        .read_text(encoding="utf-8")
        .replace("Q2 2022", "Q2 0000"),
        encoding="utf-8",
    )
    with pytest.raises(ParseError) as raised:
        import_table_file(source, edition_id="x")
    assert (
        str(raised.value)
        .splitlines()[0]
        .endswith("year 0000 is outside the calendar (0001 to 9999)")
    )


def _mot_titled(title: str) -> Edition:
    """November with the MOT carve-in retitled ``title``."""
    return attrs.evolve(
        EDGES,
        initiatives=tuple(
            attrs.evolve(
                i,
                milestones=tuple(
                    attrs.evolve(m, title=title) if m.id == "mot-carve-in-live" else m
                    for m in i.milestones
                ),
            )
            for i in EDGES.initiatives
        ),
    )


def test_a_chart_draws_dollars_and_backslashes_as_written(tmp_path: Path) -> None:
    """A title the chart library would read as mathtext (and fail on) is drawn literally."""
    title = r"Rates $\frac{$ for MOT: $\undefined$ and \ back"
    edition = _mot_titled(title)
    story = Timeline([edition]).find("mot-carve-in-live")
    TrendChart()(story, tmp_path / "mot.png")
    assert (tmp_path / "mot.png").read_bytes()[:4] == b"\x89PNG"


def test_a_path_too_long_for_the_file_system_is_one_error(tmp_path: Path) -> None:
    """Reading or writing a 300-byte file name names the file and the reason."""
    path = tmp_path / ("n" * 300 + ".toml")
    with pytest.raises(FileReadError) as read:
        load(path)
    shown = shortened(str(path))  # a message quotes at most 160 characters of a name
    assert (str(read.value), read.value.filename) == (
        f"{shown}: cannot read the file: File name too long",
        str(path),
    )
    with pytest.raises(WriteError) as written:
        save(NOVEMBER, path)
    assert (str(written.value), written.value.filename) == (
        f"{shown}: cannot write the file: File name too long (nothing was changed)",
        str(path),
    )


GOOD_TABLE = Path("tests/data/good/calendar.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (GOOD_TABLE.replace("Q2 2022", "Q2 0000"), "year 0000 is outside the calendar (0001 to 9999)"),
        (GOOD_TABLE.replace("as of May 2022", "as of May 0000"), "the heading's year 0000 is outside the calendar (0001 to 9999)"),
        (GOOD_TABLE.replace("Letter*", "Letter*<sup>" + "9" * 5_000 + "</sup>"), "footnote number 999999999999… is too large: at most 999,999"),
    ],
)  # fmt: skip
def test_a_table_with_numbers_past_the_limits_is_one_error(
    table: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Years outside 0001-9999 and huge footnote numbers in a table, via the API and the CLI."""
    source = tmp_path / "calendar.md"
    source.write_text(table, encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        import_table_file(source, edition_id="x")
    assert message in str(raised.value).splitlines()[0]
    assert main(["import-table", str(source), "--id", "x"], out=io.StringIO()) == 2
    err = capsys.readouterr().err.splitlines()
    assert message in err[0]
    assert all(len(line) <= 4 + 2 + 160 for line in err[1:])


def test_the_command_line_shows_a_long_line_cut_and_a_long_path_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Validate prints the cut excerpt of a long line, and one line for a path too long."""
    long_line = tmp_path / "long.toml"
    long_line.write_text(
        "title = '" + "x" * 10_000 + "' ? '" + "y" * 10_000 + "'\n", encoding="utf-8"
    )
    too_long = tmp_path / ("n" * 300 + ".toml")
    assert main(["validate", str(long_line), str(too_long)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [len(line) for line in err[1:3]] == [4 + 1 + 160 + 1, 4 + 82]
    shown = shortened(str(too_long))
    assert err[3] == f"calaim-timeline: error: {shown}: cannot read the file: File name too long"


def test_the_chart_command_draws_a_mathtext_title_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """History --chart with a title full of dollars and backslashes writes the chart."""
    title = r"Rates $\frac{$ for MOT: $\undefined$ and \ back"
    edition = _mot_titled(title)
    save(edition, tmp_path / "2021-11.toml")
    chart = tmp_path / "mot.svg"
    args = ["history", "mot-carve-in-live", "--chart", str(chart), "--snapshots", str(tmp_path)]
    assert main(args, out=io.StringIO()) == 0
    assert chart.read_text(encoding="utf-8").startswith("<?xml")
    assert capsys.readouterr().err == f"wrote {chart}: the trend of mot-carve-in-live\n"


def _denied(*_: object, **__: object) -> NoReturn:
    raise PermissionError(13, "Permission denied")


def test_an_unreadable_file_or_folder_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file or a folder the system will not read (simulated: the tests run as root)."""
    save(NOVEMBER, tmp_path / "2021-11.toml")
    monkeypatch.setattr(Path, "open", _denied)
    with pytest.raises(FileReadError) as raised:
        load(tmp_path / "2021-11.toml")
    assert (raised.value.errno, raised.value.filename) == (13, str(tmp_path / "2021-11.toml"))
    assert (
        str(raised.value) == f"{tmp_path / '2021-11.toml'}: cannot read the file: Permission denied"
    )
    monkeypatch.setattr(Path, "iterdir", _denied)
    assert main(["validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {tmp_path}: cannot read the folder: Permission denied\n"
    )


class _FlushFails(io.StringIO):
    def flush(self) -> None:
        raise OSError(5, "Input/output error")


def test_every_way_the_output_can_fail(capsys: pytest.CaptureFixture[str]) -> None:
    """A closed stream and a failing flush are errors (a closed pipe is not: test_cli)."""
    closed = io.StringIO()
    closed.close()
    assert main(["show", "2021-11"], out=closed) == 2
    assert main(["show", "2021-11"], out=_FlushFails()) == 2
    assert capsys.readouterr().err.splitlines() == [
        "calaim-timeline: error: cannot write the output: it is closed",
        "calaim-timeline: error: cannot write the output: Input/output error",
    ]


def test_the_command_line_refuses_a_file_past_the_cap_and_writes_a_long_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Validate names the cap; import-table -o writes to a legal 255-byte name."""
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 2**20)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"# filler\n" * (2 * 2**20 // 9))
    assert main(["validate", str(huge)]) == 2
    assert capsys.readouterr().err == (
        f"calaim-timeline: error: {huge}: the file is larger than 1 MiB, the most this reads\n"
    )
    long_name = tmp_path / "out" / ("x" * 250 + ".toml")
    long_name.parent.mkdir()
    assert main(["import-table", SOURCE, "--id", "x", "-o", str(long_name)], out=io.StringIO()) == 0
    assert [p.name for p in long_name.parent.iterdir()] == [long_name.name]


TERMINATED_WRITE = """
import os, signal, sys
from calaim_timeline import cli
os.fsync = lambda _fd: os.kill(os.getpid(), signal.SIGTERM)
sys.argv = ["calaim-timeline", "import-table", {source!r}, "--id", "x", "-o", {target!r}, "--replace"]
cli.console()
"""


def test_the_program_terminated_mid_write_leaves_the_old_file(tmp_path: Path) -> None:
    """As a real process: SIGTERM during import-table --replace exits 143, changes nothing."""
    target = tmp_path / "x.toml"
    save(attrs.evolve(NOVEMBER, id="x"), target)
    before = target.read_bytes()
    code = TERMINATED_WRITE.format(source=SOURCE, target=str(target))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (143, "")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_a_broken_declaration_in_a_web_page_is_a_parse_error(tmp_path: Path) -> None:
    """The standard parser asserts on '<![[' (found by the fuzzer): one error at its line."""
    page = tmp_path / "page.html"
    page.write_text("<p>Calendar</p>\n<![[[[[[[<table>", encoding="utf-8")
    with pytest.raises(ParseError) as raised:
        import_table_file(page, edition_id="x")
    assert str(raised.value) == (
        f"{page}:2: the page's markup is broken here (expected name token at"
        " '<![[[[[[[<table>'); save the page again from a browser"
    )
