"""Editions to and from documents: dicts, TOML and JSON, in one canonical form.

The document shape is described in ``docs/file-format.md`` and by the JSON Schema in
``docs/snapshot.schema.json``. Writing is deterministic (``dumps(loads(text)) ==
text`` for a file in canonical form) and :func:`save` is atomic: the file is written
to a temporary name beside the target and renamed over it, so a failed write never
leaves half a file.

Periods are written in their canonical notation, and an unknown date as ``unknown``; a
date that keeps the source's wording gets a sibling key with the suffix ``_text``
(``when`` and ``when_text``).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Final, Literal, TextIO

from calaim_timeline import validation
from calaim_timeline._build import MAX_NUMBER, describe, worded
from calaim_timeline._converter import configure_converter, make_converter, to_dict, to_plain
from calaim_timeline._documents import (
    CategoryDocument,
    EditionDocument,
    FootnoteDocument,
    InitiativeDocument,
    JSONValue,
    MilestoneDocument,
    SeriesDocument,
    SourceDocument,
    SubItemDocument,
)
from calaim_timeline._files import decoded, line_of, path_given, read_text, write_atomic
from calaim_timeline._paused import paused
from calaim_timeline._structure import build
from calaim_timeline.errors import OptionError, SnapshotError
from calaim_timeline.model import Edition

__all__ = [
    "MAX_NUMBER",
    "CategoryDocument",
    "EditionDocument",
    "FootnoteDocument",
    "Format",
    "InitiativeDocument",
    "JSONValue",
    "MilestoneDocument",
    "SeriesDocument",
    "SourceDocument",
    "SubItemDocument",
    "configure_converter",
    "dump",
    "dumps",
    "format_named",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "save",
    "to_dict",
    "to_plain",
    "worded",
    "write_atomic",
]

Format = Literal["toml", "json"]


def from_dict(document: object, *, source: str | None = None, validate: bool = True) -> Edition:
    """Build an edition from a document; with ``validate``, check every invariant.

    Raises :class:`~calaim_timeline.errors.SnapshotError` with every structural
    problem (each naming its path, in ``problems``), and then
    :class:`~calaim_timeline.errors.ValidationError` with every invariant that fails.

    Examples:
        >>> edition = from_dict({"id": "x", "title": "T", "as_of": "2022-05",
        ...                      "window": "2022-05/2022-06", "publisher": "DHCS",
        ...                      "source": {"document": "calendar.md"}})
        >>> edition.id, str(edition.window)
        ('x', '2022-05/2022-06')
        >>> from_dict({"id": 7, "title": "T", "as_of": "2022-05", "window": "2022-13",
        ...            "publisher": "DHCS", "source": {}}, source="doc")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.SnapshotError: doc: id: must be a string (got int 7)
        doc: window: invalid period '2022-13': month must be 01 to 12 (got 13)
        doc: source.document: required field missing
    """
    if not isinstance(document, Mapping):
        msg = f"expected a table of edition fields (got {describe(document)})"
        raise SnapshotError(msg, source=source)
    edition = build(document, source=source)
    return validation.check(edition, source=source) if validate else edition


def format_named(name: object) -> Format:
    """The format ``name`` names, in any case: ``toml`` or ``json``; OptionError otherwise.

    Examples:
        >>> format_named("JSON")
        'json'
        >>> format_named("yaml")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.OptionError: unknown format 'yaml': expected 'toml' or 'json'
    """
    lowered = name.lower() if isinstance(name, str) else None
    if lowered == "toml":
        return "toml"
    if lowered == "json":
        return "json"
    msg = f"unknown format {name!r}: expected 'toml' or 'json'"
    raise OptionError(msg)


def dumps(
    edition: Edition,
    *,
    format: Format = "toml",  # noqa: A002 - the CLI's word
    check: bool = True,
) -> str:
    r"""The canonical text of ``edition`` as TOML or JSON (the format's name in any case).

    The edition is checked first (ValidationError with every problem), so that nothing
    is written that :func:`load` would refuse; ``check=False`` writes it as it is.

    Examples:
        >>> from calaim_timeline import Archive
        >>> print(dumps(Archive.bundled()["2021-11"]).splitlines()[0])
        id = "2021-11"
        >>> dumps(Archive.bundled()["2021-11"], format="json").startswith('{\n  "id": "2021-11"')
        True
    """
    chosen = format_named(format)
    if check:
        validation.checked(edition)
    document = to_dict(edition)
    if chosen == "json":
        import json  # noqa: PLC0415 - the command line starts quicker without it

        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    import tomli_w  # noqa: PLC0415 - only writing TOML needs it

    return str(tomli_w.dumps(document))


def dump(
    edition: Edition,
    stream: TextIO,
    *,
    format: Format = "toml",  # noqa: A002 - the CLI's word
    check: bool = True,
) -> None:
    """Write the canonical text of ``edition`` to an open text ``stream`` (see :func:`dumps`).

    Checked first, as :func:`dumps` does (``check=False`` to skip).

    For a file, prefer :func:`save`: it writes atomically.

    Examples:
        >>> import io
        >>> from calaim_timeline import Archive
        >>> stream = io.StringIO()
        >>> dump(Archive.bundled()["2021-11"], stream, format="json")
        >>> stream.getvalue() == dumps(Archive.bundled()["2021-11"], format="json")
        True
    """
    stream.write(dumps(edition, format=format, check=check))


_TOML_WHERE: Final = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")


@paused
def loads(
    text: str,
    *,
    format: Format = "toml",  # noqa: A002 - the word the CLI and docs use
    source: str | None = None,
    validate: bool = True,
) -> Edition:
    r"""Read an edition from TOML or JSON text; ``source`` names it in errors.

    The format's name may be in any case; any other name is an OptionError.

    Examples:
        >>> text = '''
        ... id = "x"
        ... title = "T"
        ... as_of = "2022-05"
        ... window = "2022-05"
        ... publisher = "DHCS"
        ... source = { document = "calendar.md" }
        ... '''
        >>> loads(text).window
        Period('2022-05')
        >>> loads("id = x", source="a.toml")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.SnapshotError: a.toml:1:6: not valid TOML: Invalid value
            id = x
                 ^
    """
    given: object = text  # checked at run time, whatever the type says
    if not isinstance(given, str):
        msg = f"loads reads text (got {type(given).__name__}): for bytes or a stream, use load"
        raise OptionError(msg)
    chosen = format_named(format)
    name = chosen.upper()
    try:
        document = _parsed_json(text, source) if chosen == "json" else _parsed_toml(text, source)
    except RecursionError:
        msg = f"not valid {name}: nested too deeply (a snapshot nests a few tables deep)"
        raise SnapshotError(msg, source=source) from None
    except ValueError as error:  # an integer of thousands of digits, refused by Python
        if isinstance(error, SnapshotError):
            raise
        msg = f"not valid {name}: a number too long to read ({_first_words(error)})"
        raise SnapshotError(msg, source=source) from None
    return from_dict(document, source=source, validate=validate)


class _DuplicateKeyError(ValueError):
    """A JSON table that names one key twice."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    table = dict(pairs)
    if len(table) != len(pairs):
        repeated = next(key for key in table if sum(1 for k, _ in pairs if k == key) > 1)
        raise _DuplicateKeyError(repeated)
    return table


def _parsed_json(text: str, source: str | None) -> object:
    import json  # noqa: PLC0415 - the command line starts quicker without it

    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        msg = f"not valid JSON: {error.msg}"
        raise SnapshotError(
            msg,
            source=source,
            line=error.lineno,
            column=error.colno,
            text=line_of(text, error.lineno),
        ) from None
    except _DuplicateKeyError as error:
        msg = f"not valid JSON: key {error.args[0]!r} appears twice in one table"
        raise SnapshotError(msg, source=source) from None


def _parsed_toml(text: str, source: str | None) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _TOML_WHERE.search(message)
        line = column = None
        shown = None
        if where is not None:
            message = message[: where.start()]
            if where.group(1) is None:  # at the end of the document
                line = text.count("\n") + (0 if text.endswith("\n") else 1)
            else:
                line, column = int(where.group(1)), int(where.group(2))
                shown = line_of(text, line)
        msg = f"not valid TOML: {message}"
        raise SnapshotError(msg, source=source, line=line, column=column, text=shown) from None


def _first_words(error: BaseException) -> str:
    return str(error).split(":")[0].lower()


def _format_of(path: Path) -> Format:
    if path.suffix == ".json":
        return "json"
    if path.suffix == ".toml":
        return "toml"
    msg = f"unknown snapshot file type {path.suffix!r}: expected .toml or .json"
    raise SnapshotError(msg, source=str(path))


def load(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    format: Format | None = None,  # noqa: A002 - the word the CLI and docs use
    validate: bool = True,
) -> Edition:
    """Read a snapshot into an edition: a file (``.toml`` or ``.json``) or a binary stream.

    A file's format is its suffix's; a stream's is ``format``, else its name's suffix,
    else TOML (as :func:`tomllib.load` reads a stream opened with ``"rb"``).

    Examples:
        >>> edition = load("snapshots/2021-11.toml")
        >>> edition.id, len(edition.milestones)
        ('2021-11', 56)
        >>> with open("snapshots/2021-11.toml", "rb") as stream:
        ...     load(stream) == edition
        True
    """
    if not callable(getattr(source, "read", None)):
        path = path_given(source, "load")
        kind = format_named(format) if format is not None else _format_of(path)
        return loads(
            read_text(path, SnapshotError), format=kind, source=str(path), validate=validate
        )
    name = str(getattr(source, "name", "<stream>"))
    data: object = source.read()  # type: ignore[union-attr]  # a stream: it has read()
    if not isinstance(data, bytes):
        msg = "the stream gives text: open the file in binary mode ('rb'), as for tomllib.load"
        raise OptionError(msg)
    if format is not None:
        kind = format_named(format)
    else:
        kind = "json" if Path(name).suffix == ".json" else "toml"
    return loads(decoded(data, name, SnapshotError), format=kind, source=name, validate=validate)


def save(edition: Edition, path: str | os.PathLike[str], *, check: bool = True) -> None:
    """Write ``edition`` to ``path`` in canonical form, atomically.

    The edition is checked first: ValidationError (naming the file) with every problem,
    and nothing written, where :func:`load` would refuse it; ``check=False`` skips that.

    Examples:
        >>> import tempfile, pathlib
        >>> from calaim_timeline import Archive
        >>> november = Archive.bundled()["2021-11"]
        >>> with tempfile.TemporaryDirectory() as directory:
        ...     path = pathlib.Path(directory) / "2021-11.json"
        ...     save(november, path)
        ...     load(path) == november
        True
    """
    path = Path(path)
    if check:
        validation.checked(edition, source=str(path))
    write_atomic(path, dumps(edition, format=_format_of(path), check=False))
