"""Fuzzing the readers: any text, any damage to a valid input, reads or raises our error.

The period parser, the snapshot reader (TOML, JSON, structured documents, files of
any bytes) and the table importer are fed arbitrary input and mutations of valid
input (``calaim_timeline.strategies.mutations`` and ``tweaked_documents``). Each either
succeeds or raises a CalaimTimelineError: never another exception.
"""

from __future__ import annotations

import contextlib
import tempfile
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Final

from hypothesis import example, given, settings
from hypothesis import strategies as st

from calaim_timeline import Archive, CalaimTimelineError, Edition, Period, dumps, loads
from calaim_timeline.codec import from_dict, load, to_dict
from calaim_timeline.importers import import_table, import_table_file
from calaim_timeline.importers._dates import DateError, read_when
from calaim_timeline.render.grid import GridMarkdown
from calaim_timeline.strategies import mutations, plain_values, tweaked_documents
from tests.builders import edition, february_2022
from tests.conftest import DATA
from tests.pdfs import calendar_pdf
from tests.renderings import grid_html, list_csv, list_html, list_markdown, list_xlsx

VALID_TOML = dumps(edition())
VALID_JSON = dumps(edition(), format="json")
VALID_TABLE = (DATA / "good" / "calendar.md").read_text(encoding="utf-8")
MAY = Period.parse("2022-05")
VALID_LIST_CSV = list_csv(february_2022())
VALID_LIST_HTML = list_html(february_2022())
VALID_GRID_HTML = grid_html(
    GridMarkdown(rows_per_page=10, split=True)(Archive.bundled()["2021-11"])
)


def _pdf() -> bytes:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "calendar.pdf"
        calendar_pdf(Archive.bundled()["2021-11"], path, rows_per_table=6)
        return path.read_bytes()


def _xlsx() -> bytes:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "list.xlsx"
        list_xlsx(february_2022(), path)
        return path.read_bytes()


VALID_PDF = _pdf()
VALID_XLSX = _xlsx()
VALID_LIST_MARKDOWN = list_markdown(february_2022())
PRODUCED_PDF = (DATA / "pdfs" / "libreoffice-cut.pdf").read_bytes()


MOST_SAID: Final = 800
"""The longest line an error may say (as the command line prints it, one per problem): a
file name (at most 160 characters shown), a place, and a message of at most 600 (its words
and at most 160 characters of the input quoted)."""


def _reads_or_raises_ours(read: Callable[[], object]) -> None:
    """Run ``read``: our errors are expected answers, each line short; anything else fails."""
    said: tuple[str, ...] = ()
    try:
        read()
    except CalaimTimelineError as error:
        said = error.lines()
    assert [line for line in said if len(line) > MOST_SAID] == []


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


@given(
    st.binary(max_size=200),
    st.sampled_from([".toml", ".json", ".md", ".html", ".csv", ".xlsx", ".pdf"]),
)
def test_any_bytes_as_a_file(data: bytes, suffix: str) -> None:
    """A file of arbitrary bytes is read as a snapshot or a table, or refused with our error."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fuzz{suffix}"
        path.write_bytes(data)
        if suffix in {".toml", ".json"}:
            _reads_or_raises_ours(lambda: load(path))
        else:
            _reads_or_raises_ours(
                lambda: import_table_file(path, edition_id="x", as_of=MAY, title="Fuzz")
            )


def _file(content: str | bytes, suffix: str) -> None:
    """Import ``content`` written as a file with ``suffix``: it reads or raises our error."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"fuzz{suffix}"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        _reads_or_raises_ours(
            lambda: import_table_file(path, edition_id="x", as_of=MAY, title="Fuzz")
        )


@given(mutations(VALID_LIST_CSV, max_edits=4))
def test_damaged_list_tables_as_csv(text: str) -> None:
    """A go-live table damaged by hand edits imports or raises our error."""
    _file(text, ".csv")


@given(mutations(VALID_LIST_HTML, max_edits=4) | mutations(VALID_GRID_HTML, max_edits=4))
@example("<![[[[" + VALID_LIST_HTML)  # found under the deep profile: AssertionError inside
@example("<a " * 2_000 + VALID_GRID_HTML)  # an unclosed-tag flood: refused before parsing
@example(VALID_LIST_HTML + "<!-- " * 2_000)
def test_damaged_web_pages(text: str) -> None:
    """A saved web page, list table or month grid, damaged, imports or raises our error."""
    _file(text, ".html")


@given(st.lists(st.tuples(st.integers(0, len(VALID_PDF) - 1), st.integers(0, 255)), max_size=3))
@settings(max_examples=30, deadline=None)
def test_damaged_pdfs(flips: list[tuple[int, int]]) -> None:
    """The calendar PDF with bytes changed imports or raises our error."""
    data = bytearray(VALID_PDF)
    for at, value in flips:
        data[at] = value
    _file(bytes(data), ".pdf")


@given(mutations(VALID_LIST_MARKDOWN, max_edits=4))
def test_damaged_list_tables_as_markdown(text: str) -> None:
    """A go-live table in markdown, damaged, imports or raises our error."""
    _file(text, ".md")


def _flipped(valid: bytes, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(valid)
    for at, value in flips:
        data[at % len(data)] = value
    return bytes(data)


@given(st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=3))
@settings(max_examples=30, deadline=None)
def test_damaged_workbooks(flips: list[tuple[int, int]]) -> None:
    """An Excel list table with bytes changed imports or raises our error."""
    _file(_flipped(VALID_XLSX, flips), ".xlsx")


@given(st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=3))
@settings(max_examples=10, deadline=None)
def test_damaged_pdfs_from_a_word_processor(flips: list[tuple[int, int]]) -> None:
    """LibreOffice's calendar PDF with bytes changed imports or raises our error."""
    _file(_flipped(PRODUCED_PDF, flips), ".pdf")


@given(
    mutations("mid to late February 2022")
    | mutations("no sooner than April 1, 2024, and no later than March 31, 2026")
    | mutations("January 2022 - LIVE!")
    | st.text(max_size=40)
)
def test_damaged_dates_in_words(words: str) -> None:
    """Any words in a date cell read as a period or raise DateError, never anything else."""
    with contextlib.suppress(DateError):
        read_when(words, after=date(2022, 1, 1))


@given(st.text())
def test_any_text_as_a_table(text: str) -> None:
    """Arbitrary text given to the importer imports or raises ParseError."""
    _reads_or_raises_ours(lambda: _table(text))


@given(mutations(VALID_TABLE, max_edits=4))
def test_damaged_tables(text: str) -> None:
    """A valid calendar table damaged as PDF converters do imports or raises our error."""
    _reads_or_raises_ours(lambda: _table(text))


def test_the_fuzzed_inputs_start_valid(tmp_path: Path) -> None:
    """The inputs the mutations start from are themselves read without error."""
    for content, suffix, count in (
        (VALID_LIST_CSV, ".csv", 8),
        (VALID_LIST_HTML, ".html", 8),
        (VALID_GRID_HTML, ".html", 56),
        (VALID_PDF, ".pdf", 56),
        (VALID_XLSX, ".xlsx", 8),
        (VALID_LIST_MARKDOWN, ".md", 8),
        (PRODUCED_PDF, ".pdf", 56),
    ):
        path = tmp_path / f"valid{suffix}"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        assert (
            len(import_table_file(path, edition_id="x", as_of=MAY, title="Fuzz").milestones)
            == count
        )
    assert loads(VALID_TOML) == loads(VALID_JSON, format="json") == edition()
    assert [m.title for _, m in _table(VALID_TABLE).milestones] == [
        "Dental All Plan Letter",
        "Dental benefit changes go live",
        "Payment reform proposal",
    ]


@given(st.text(max_size=200) | mutations(VALID_TOML, max_edits=3))
def test_the_toml_reader_accepts_exactly_what_tomllib_accepts(text: str) -> None:
    """Differential: the snapshot reader parses TOML with tomllib itself, so the two agree.

    Text tomllib refuses is refused as "not valid TOML"; text it accepts is never refused
    as TOML (only, perhaps, as a snapshot), except for nesting deeper than a snapshot
    ever does, which the reader refuses before parsing (see docs/testing.md).
    """
    try:
        tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):  # also Python's own limits
        accepted = False
    else:
        accepted = True
    refused = False
    try:
        loads(text, source="fuzz.toml")
    except CalaimTimelineError as error:
        refused = "not valid TOML" in str(error)
        if "nested too deeply" in str(error):
            return
    assert refused is not accepted
