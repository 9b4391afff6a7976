"""Fuzzing the readers: any text, any damage to a valid input, reads or raises our error.

The period parser, the snapshot reader (TOML, JSON, structured documents, files of
any bytes) and the table importer are fed arbitrary input and mutations of valid
input (``calaim_timeline.strategies.mutations`` and ``tweaked_documents``). Each either
succeeds or raises a CalaimTimelineError: never another exception.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import CalaimTimelineError, Edition, Period, dumps, loads
from calaim_timeline.codec import from_dict, load, to_dict
from calaim_timeline.importers import import_table, import_table_file
from calaim_timeline.strategies import mutations, plain_values, tweaked_documents
from tests.builders import edition
from tests.conftest import DATA

VALID_TOML = dumps(edition())
VALID_JSON = dumps(edition(), format="json")
VALID_TABLE = (DATA / "good" / "calendar.md").read_text(encoding="utf-8")


def _reads_or_raises_ours(read: Callable[[], object]) -> None:
    """Run ``read``: our errors are expected answers; any other exception fails the test."""
    with contextlib.suppress(CalaimTimelineError):
        read()


def _table(text: str) -> Edition:
    return import_table(text, edition_id="x", source="fuzz.md")


@given(mutations("2021-11/2022-03") | mutations("2022-Q1") | mutations("2021-02-04"))
def test_damaged_periods(text: str) -> None:
    """A damaged period notation parses or raises PeriodError."""
    _reads_or_raises_ours(lambda: Period.parse(text))


@given(st.text())
def test_any_text_as_toml_or_json(text: str) -> None:
    """Arbitrary text is read as TOML and as JSON without an exception of another kind."""
    _reads_or_raises_ours(lambda: loads(text))
    _reads_or_raises_ours(lambda: loads(text, format="json"))


@given(mutations(VALID_TOML))
def test_damaged_toml(text: str) -> None:
    """A valid snapshot damaged by hand-edit-like edits reads or raises our error."""
    _reads_or_raises_ours(lambda: loads(text, source="fuzz.toml"))


@given(mutations(VALID_JSON))
def test_damaged_json(text: str) -> None:
    """The same for a JSON snapshot."""
    _reads_or_raises_ours(lambda: loads(text, format="json", source="fuzz.json"))


@given(plain_values())
def test_any_document(document: object) -> None:
    """Any plain value handed to from_dict builds an edition or raises our error."""
    _reads_or_raises_ours(lambda: from_dict(document))


@given(tweaked_documents(to_dict(edition())))
def test_a_document_with_one_wrong_value(document: object) -> None:
    """A valid document with one value replaced by anything names what is wrong."""
    _reads_or_raises_ours(lambda: from_dict(document))


@given(st.binary(max_size=200), st.sampled_from([".toml", ".json", ".md"]))
def test_any_bytes_as_a_file(data: bytes, suffix: str) -> None:
    """A file of arbitrary bytes is read as a snapshot or a table, or refused with our error."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fuzz{suffix}"
        path.write_bytes(data)
        if suffix == ".md":
            _reads_or_raises_ours(lambda: import_table_file(path, edition_id="x"))
        else:
            _reads_or_raises_ours(lambda: load(path))


@given(st.text())
def test_any_text_as_a_table(text: str) -> None:
    """Arbitrary text given to the importer imports or raises ParseError."""
    _reads_or_raises_ours(lambda: _table(text))


@given(mutations(VALID_TABLE, max_edits=4))
def test_damaged_tables(text: str) -> None:
    """A valid calendar table damaged as PDF converters do imports or raises our error."""
    _reads_or_raises_ours(lambda: _table(text))


def test_the_fuzzed_inputs_start_valid() -> None:
    """The inputs the mutations start from are themselves read without error."""
    assert loads(VALID_TOML) == loads(VALID_JSON, format="json") == edition()
    assert [m.title for _, m in _table(VALID_TABLE).milestones()] == [
        "Dental All Plan Letter",
        "Dental benefit changes go live",
        "Payment reform proposal",
    ]
