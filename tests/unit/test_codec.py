from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import NoReturn

import pytest

from calaim_timeline import (
    FileReadError,
    Initiative,
    Period,
    SnapshotError,
    ValidationError,
    WriteError,
    dumps,
    format_errors,
    from_dict,
    load,
    loads,
    save,
    to_dict,
)
from calaim_timeline.codec import write_atomic
from tests.builders import edition, milestone

pytestmark = pytest.mark.usefixtures("load_path")

EXPECTED_TOML = """\
id = "2021-11"
title = "Calendar as of November 2021"
as_of = "2021-11"
window = "2021-11/2022-03"
publisher = "DHCS"
categories = [
    { id = "managed-care", name = "Managed Care Initiatives" },
]
footnotes = [
    { number = 1, text = "Subject to CMS approval." },
]

[source]
document = "sources/calendar.md"

[[initiatives]]
id = "cross"
name = "Cross-Initiative Milestones"
footnotes = [
    1,
]

[[initiatives]]
id = "benefits"
name = "Benefits Standardization"
category = "managed-care"

[[initiatives.milestones]]
id = "mot-live"
title = "MOT Carve-In goes live"
when = "2022-01"
kind = "program-launch"

[[initiatives.milestones]]
id = "ecm-hhp"
title = "ECM goes live in HHP Counties for:"
when = "2022-01"

[[initiatives.milestones.sub_items]]
text = "Members enrolled in HHP"
footnotes = [
    1,
]
"""


def test_toml_output_is_canonical_and_omits_defaults() -> None:
    """The TOML text is fixed: field order of the model, defaults left out."""
    assert dumps(edition()) == EXPECTED_TOML


def test_toml_and_json_round_trip() -> None:
    """Loading what was dumped gives the same edition, in both formats."""
    e = edition()
    assert loads(dumps(e)) == e
    assert loads(dumps(e, format="json"), format="json") == e
    assert dumps(loads(EXPECTED_TOML)) == EXPECTED_TOML


def test_wording_is_written_beside_the_period() -> None:
    """A period's wording becomes a sibling key with the _text suffix."""
    worded = milestone(when=Period.parse("2021-H2", text="the last half of 2021"))
    e = edition(initiatives=(Initiative(id="b", name="B", milestones=(worded,)),))
    document = to_dict(e)
    assert document["initiatives"][0]["milestones"][0] == {
        "id": "mot-live",
        "title": "MOT Carve-In goes live",
        "kind": "program-launch",
        "when": "2021-H2",
        "when_text": "the last half of 2021",
    }
    assert from_dict(document) == e


def test_window_wording_is_kept_beside_the_window() -> None:
    """Any period field may keep wording, the window included."""
    e = edition(window=Period.parse("2021-11/2022-03", text="through the first quarter of 2022"))
    document = to_dict(e)
    assert list(document)[:6] == ["id", "title", "as_of", "window", "window_text", "publisher"]
    assert document["window_text"] == "through the first quarter of 2022"
    assert from_dict(document) == e


def test_lineage_is_written_only_when_it_differs_from_the_id() -> None:
    """The default lineage stays implicit; another one is written out."""
    document = to_dict(edition())
    assert "lineage" not in document["initiatives"][1]["milestones"][0]
    e = edition(initiatives=(Initiative(id="b", name="B", milestones=(milestone(lineage="mot"),)),))
    assert to_dict(e)["initiatives"][0]["milestones"][0]["lineage"] == "mot"


def _broken(old: str, new: str) -> str:
    assert old in EXPECTED_TOML
    return EXPECTED_TOML.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A TOML syntax error keeps the parser's line and column.
        (_broken('publisher = "DHCS"', "publisher = DHCS"), "x.toml:5:13: not valid TOML: Invalid value"),
        # A file cut short is reported at its last line.
        (EXPECTED_TOML[:-3], "x.toml:42: not valid TOML: Invalid value"),
        (EXPECTED_TOML + "[notes", "x.toml:44: not valid TOML: Expected ']' at the end of a table declaration"),
        # A key the format does not have.
        (_broken('publisher = "DHCS"', 'publisher = "DHCS"\npublished = "2021"'), "x.toml: unknown key 'published': the keys of Edition are id, title, as_of, as_of_text, window, window_text, publisher, source, series, categories, initiatives, footnotes, excluded_initiatives"),
        (_broken('kind = "program-launch"', 'kind = "program-launch"\ncolour = "red"'), "x.toml: initiatives[1].milestones[0]: unknown key 'colour': the keys of Milestone are id, title, kind, when, when_text, sub_items, footnotes, status, lineage"),
        # A required key left out.
        (_broken('title = "MOT Carve-In goes live"\n', ""), "x.toml: initiatives[1].milestones[0].title: required field missing"),
        # Wrong types are refused, never coerced.
        (_broken("number = 1", 'number = "1"'), "x.toml: footnotes[0].number: must be a whole number (got str '1')"),
        (_broken("number = 1", "number = true"), "x.toml: footnotes[0].number: must be a whole number (got bool True)"),
        (_broken('name = "Benefits Standardization"', "name = 7"), "x.toml: initiatives[1].name: must be a string (got int 7)"),
        (_broken("footnotes = [\n    1,\n]", 'footnotes = "1"'), "x.toml: initiatives[0].footnotes: must be a list (got str '1')"),
        (_broken('[source]\ndocument = "sources/calendar.md"', "[source]\ndocument = 1"), "x.toml: source.document: must be a string (got int 1)"),
        (_broken('publisher = "DHCS"', 'publisher = "DHCS"\nsource = "calendar.md"'), "x.toml:14:8: not valid TOML: Cannot overwrite a value"),
        (_broken("footnotes = [\n    { number", 'footnotes = [\n    "x",\n    { number'), "x.toml: footnotes[0]: must be a table of Footnote fields (got str 'x')"),
        # Bad values name the field.
        (_broken('when = "2022-01"', 'when = "January 2022"'), "x.toml: initiatives[1].milestones[0].when: invalid period 'January 2022': expected one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"),
        (_broken('when = "2022-01"', "when = 2022-01-01"), "x.toml: initiatives[1].milestones[0].when: must be a period written as a string, such as '2022-01' (got date datetime.date(2022, 1, 1))"),
        (_broken('when = "2022-01"', 'when = "2022-01"\nwhen_text = 5'), "x.toml: initiatives[1].milestones[0]: when_text: must be a string (got int 5)"),
        (_broken('when = "2022-01"', 'when = "2022-01"\nwhen_text = ""'), "x.toml: initiatives[1].milestones[0].when: 'text' must be non-empty, on one line, without surrounding spaces (got '')"),
        (_broken('kind = "program-launch"', 'kind = "launch"'), "x.toml: initiatives[1].milestones[0].kind: unknown value 'launch': expected one of document-release, submission-deadline, program-launch"),
    ],
)  # fmt: skip
def test_structural_errors_name_the_file_line_and_path(text: str, message: str) -> None:
    """A malformed document raises SnapshotError naming where the problem is."""
    with pytest.raises(SnapshotError) as raised:
        loads(text, source="x.toml")
    assert raised.value.lines() == (message,)


def test_every_structural_problem_is_reported_together() -> None:
    """Problems in several tables and fields: all of them, in document order, with paths.

    str() and lines() give one line each, and the first problem stands for the error.
    """
    text = _broken('name = "Benefits Standardization"', "name = 7")
    text = text.replace('when = "2022-01"', 'when = "January 2022"', 1)
    text = text.replace("number = 1", 'number = "1"', 1)
    text = text.replace('document = "sources/calendar.md"', "document = 1", 1)
    with pytest.raises(SnapshotError) as raised:
        loads(text, source="x.toml")
    error = raised.value
    expected = (
        "x.toml: source.document: must be a string (got int 1)",
        "x.toml: initiatives[1].name: must be a string (got int 7)",
        (
            "x.toml: initiatives[1].milestones[0].when: invalid period 'January 2022': expected"
            " one of 2022-01-01, 2022-01, 2022-Q1, 2021-H2, 2021, or START/END of days or months"
        ),
        "x.toml: footnotes[0].number: must be a whole number (got str '1')",
    )
    assert (error.lines(), str(error), (error.path, error.message)) == (
        expected,
        "\n".join(expected),
        ("source.document", "must be a string (got int 1)"),
    )
    assert str(error.problems[0]) == "source.document: must be a string (got int 1)"


def test_a_syntax_error_quotes_the_line_and_marks_the_column() -> None:
    """The full message of a syntax error shows the line and a marker under the column."""
    with pytest.raises(SnapshotError) as raised:
        loads(_broken('publisher = "DHCS"', "publisher = DHCS"), source="x.toml")
    assert str(raised.value) == (
        "x.toml:5:13: not valid TOML: Invalid value\n    publisher = DHCS\n                ^"
    )


def test_a_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    """A UTF-8 file saved with a byte-order mark (as some editors do) reads the same."""
    (tmp_path / "a.toml").write_bytes(b"\xef\xbb\xbf" + EXPECTED_TOML.encode())
    assert load(tmp_path / "a.toml") == edition()


def test_invariant_errors_come_all_together() -> None:
    """A well-formed document that breaks invariants raises ValidationError with each."""
    text = _broken('when = "2022-01"', 'when = "2023-01"').replace(
        "footnotes = [\n    1,\n]", "footnotes = [\n    4,\n]", 1
    )
    with pytest.raises(ValidationError) as raised:
        loads(text, source="x.toml")
    assert raised.value.lines() == (
        "x.toml: initiatives[0].footnotes[0]: footnote 4 is not defined in footnotes",
        "x.toml: initiatives[1].milestones[0].when: 2023-01 lies outside the edition's window 2021-11/2022-03",
    )
    assert loads(text, validate=False).initiatives[0].footnotes == (4,)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": ', "x.json:1:8: not valid JSON: Expecting value"),
        ("[1, 2]", "x.json: expected a table of edition fields (got list [1, 2])"),
    ],
)
def test_json_errors_name_the_place(text: str, message: str) -> None:
    """JSON syntax errors keep line and column; a non-object document is refused."""
    with pytest.raises(SnapshotError) as raised:
        loads(text, format="json", source="x.json")
    assert raised.value.lines() == (message,)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("e.toml", b"", "{path}: the file is empty"),
        ("e.toml", b"  \n\n", "{path}: the file is empty"),
        (
            "e.toml",
            b'id = "x"\ntitle = "caf\xe9"\n',
            "{path}:2:13: not UTF-8 text: byte 0xe9 cannot be decoded; save the file as UTF-8",
        ),
        (
            "e.toml",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "{path}:1:1: not UTF-8 text: byte 0x89 cannot be decoded; save the file as UTF-8",
        ),
        ("e.yaml", b"id: x", "{path}: unknown snapshot file type '.yaml': expected .toml or .json"),
    ],
)
def test_unreadable_files_are_reported(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    """Empty, non-UTF-8, binary and unknown files raise SnapshotError naming the file."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SnapshotError) as raised:
        load(path)
    assert raised.value.lines() == (message.format(path=path),)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    """Loading a file that is not there names it (a FileReadError: an OSError too)."""
    with pytest.raises(FileReadError) as raised:
        load(tmp_path / "none.toml")
    assert (
        str(raised.value)
        == f"{tmp_path / 'none.toml'}: cannot read the file: No such file or directory"
    )


def test_save_writes_canonical_text_by_suffix(tmp_path: Path) -> None:
    """Save picks TOML or JSON from the file name and writes the canonical text."""
    save(edition(), tmp_path / "a.toml")
    save(edition(), tmp_path / "a.json")
    assert (tmp_path / "a.toml").read_text(encoding="utf-8") == EXPECTED_TOML
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == dumps(edition(), format="json")
    assert load(tmp_path / "a.json") == edition()


class _HalfWritten(io.BytesIO):
    """A stream that takes half of what it is given, then fails like a full disk."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        super().write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    def fileno(self) -> int:
        return 0


def _fail_at(step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*_: object, **__: object) -> NoReturn:
        raise OSError(28, "No space left on device")

    def interrupted(*_: object) -> NoReturn:
        raise KeyboardInterrupt

    def half(handle: int, *_: object, **__: object) -> _HalfWritten:
        os.close(handle)
        return _HalfWritten()

    if step == "write":
        monkeypatch.setattr(os, "fdopen", half)
    elif step == "fsync":
        monkeypatch.setattr(os, "fsync", disk_full)
    elif step == "chmod":
        monkeypatch.setattr(Path, "chmod", disk_full)
    elif step == "rename":
        monkeypatch.setattr(Path, "replace", disk_full)
    elif step == "interrupt":
        monkeypatch.setattr(os, "fsync", interrupted)
    else:
        monkeypatch.setattr(os, "open", disk_full)


@pytest.mark.parametrize("step", ["create", "write", "fsync", "chmod", "rename", "interrupt"])
def test_a_crash_while_writing_leaves_the_previous_file_intact(
    step: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure at any step of a write keeps the old file whole and no temporary file."""
    target = tmp_path / "2021-11.toml"
    target.write_text("old content\n", encoding="utf-8")
    _fail_at(step, monkeypatch)
    expected: type[BaseException] = KeyboardInterrupt if step == "interrupt" else WriteError
    with pytest.raises(expected) as raised:
        save(edition(), target)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2021-11.toml"]
    if step != "interrupt":
        assert format_errors(raised.value) == (
            f"{target}: cannot write the file: No space left on device (nothing was changed)",
        )


def test_writing_into_a_missing_directory_is_our_error(tmp_path: Path) -> None:
    """A path whose directory does not exist raises WriteError naming it."""
    with pytest.raises(WriteError) as raised:
        save(edition(), tmp_path / "none" / "a.toml")
    assert str(raised.value) == (
        f"{tmp_path / 'none' / 'a.toml'}: cannot write the file: the folder"
        f" {tmp_path / 'none'} does not exist: create it first (mkdir -p {tmp_path / 'none'})"
        " (nothing was changed)"
    )


def test_a_rewrite_keeps_the_file_mode(tmp_path: Path) -> None:
    """Replacing a file keeps its permissions; a new file gets the umask's."""
    target = tmp_path / "a.toml"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "y"
    fresh = tmp_path / "b.toml"
    write_atomic(fresh, "z")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
