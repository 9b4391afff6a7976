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
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO, get_args, get_origin

import attrs

from calaim_timeline._build import KEYS, MAX_NUMBER, build, describe, structure, worded
from calaim_timeline._files import line_of, read_text, write_atomic
from calaim_timeline._paused import paused
from calaim_timeline.errors import OptionError, SnapshotError
from calaim_timeline.model import Edition
from calaim_timeline.period import Period, UnknownDate, When
from calaim_timeline.validation import check

if TYPE_CHECKING:
    import cattrs

# cattrs is imported where it is used: reading a regular document and checking it
# (what the command line mostly does) never needs it.

__all__ = [
    "MAX_NUMBER",
    "Format",
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


def _is_homogeneous_tuple(kind: object) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is ...  # noqa: PLR2004


def _list_unstructure_factory(kind: Any, converter: cattrs.Converter) -> Callable[[Any], list[Any]]:  # noqa: ANN401
    # Tuples in the model, lists in the document (JSON and TOML arrays).
    item = converter.get_unstructure_hook(get_args(kind)[0])
    return lambda values: [item(v) for v in values]


def _period_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that hold a period (or a milestone's date)."""
    return tuple(a.name for a in attrs.fields(attrs.resolve_types(cls)) if a.type in (Period, When))


def _class_unstructure(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    from cattrs.gen import make_dict_unstructure_fn  # noqa: PLC0415

    unstructure: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True
    )
    fields = _period_fields(cls)
    if not fields:
        return unstructure

    def hook(obj: Any) -> dict[str, Any]:  # noqa: ANN401 - an instance of cls
        plain = unstructure(obj)
        out: dict[str, Any] = {}
        for key, value in plain.items():
            if key in fields:
                out.update(worded(key, getattr(obj, key)))
            else:
                out[key] = value
        return out

    return hook


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach ``converter`` the snapshot document shape (the cattrs preconf pattern).

    Examples:
        >>> import cattrs
        >>> from calaim_timeline import Period
        >>> converter = cattrs.Converter()
        >>> configure_converter(converter)
        >>> converter.structure("2022-Q1", Period)
        Period('2022-Q1')
    """
    # Factories first: hooks registered later take precedence over them.
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: _class_unstructure(cls, converter)
    )
    converter.register_unstructure_hook(Period, Period.format)
    converter.register_unstructure_hook(UnknownDate, UnknownDate.format)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, _list_unstructure_factory)
    # Structuring is the one way the library builds models (errors name the path).
    for kind in KEYS.keys() | {Period}:
        converter.register_structure_hook(kind, structure)


def make_converter() -> cattrs.Converter:
    """A new converter configured for snapshot documents.

    Examples:
        >>> from calaim_timeline import Footnote
        >>> make_converter().unstructure(Footnote(number=1, text="Pending CMS approval."))
        {'number': 1, 'text': 'Pending CMS approval.'}
    """
    import cattrs  # noqa: PLC0415

    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    configure_converter(converter)
    return converter


@cache
def _converter() -> cattrs.Converter:
    """The converter of this module, made on first use."""
    return make_converter()


def to_dict(edition: Edition) -> dict[str, Any]:
    """The edition as a document of plain dicts, lists and strings (canonical order).

    Examples:
        >>> from calaim_timeline import Archive
        >>> list(to_dict(Archive.bundled()["2021-11"]))[:4]
        ['id', 'title', 'as_of', 'window']
    """
    document: dict[str, Any] = _converter().unstructure(edition, Edition)
    return document


def to_plain(value: object) -> Any:  # noqa: ANN401 - plain data of any shape
    """The document form of any model value: dicts, lists, strings and numbers.

    Examples:
        >>> from calaim_timeline import Period, SubItem
        >>> to_plain(SubItem(text="HHP counties", footnotes=(4,)))
        {'text': 'HHP counties', 'footnotes': [4]}
        >>> to_plain(Period.parse("2022-Q1"))
        '2022-Q1'
    """
    return _converter().unstructure(value)


def from_dict(document: object, *, source: str | None = None, validate: bool = True) -> Edition:
    """Build an edition from a document; with ``validate``, check every invariant.

    Raises :class:`~calaim_timeline.errors.SnapshotError` for the first structural
    problem (naming its path) and :class:`~calaim_timeline.errors.ValidationError`
    with every invariant that fails.

    Examples:
        >>> edition = from_dict({"id": "x", "title": "T", "as_of": "2022-05",
        ...                      "window": "2022-05/2022-06", "publisher": "DHCS",
        ...                      "source": {"document": "calendar.md"}})
        >>> edition.id, str(edition.window)
        ('x', '2022-05/2022-06')
        >>> from_dict({"id": 7}, source="doc")
        Traceback (most recent call last):
        ...
        calaim_timeline.errors.SnapshotError: doc: id: must be a string (got int 7)
    """
    if not isinstance(document, Mapping):
        msg = f"expected a table of edition fields (got {describe(document)})"
        raise SnapshotError(msg, source=source)
    edition = build(document, source=source)
    return check(edition, source=source) if validate else edition


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


def dumps(edition: Edition, *, format: Format = "toml") -> str:  # noqa: A002 - the CLI's word
    r"""The canonical text of ``edition`` as TOML or JSON (the format's name in any case).

    Examples:
        >>> from calaim_timeline import Archive
        >>> print(dumps(Archive.bundled()["2021-11"]).splitlines()[0])
        id = "2021-11"
        >>> dumps(Archive.bundled()["2021-11"], format="json").startswith('{\n  "id": "2021-11"')
        True
    """
    chosen = format_named(format)
    document = to_dict(edition)
    if chosen == "json":
        import json  # noqa: PLC0415 - the command line starts quicker without it

        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    import tomli_w  # noqa: PLC0415 - only writing TOML needs it

    return str(tomli_w.dumps(document))


def dump(edition: Edition, stream: TextIO, *, format: Format = "toml") -> None:  # noqa: A002
    """Write the canonical text of ``edition`` to an open text ``stream`` (see :func:`dumps`).

    For a file, prefer :func:`save`: it writes atomically.

    Examples:
        >>> import io
        >>> from calaim_timeline import Archive
        >>> stream = io.StringIO()
        >>> dump(Archive.bundled()["2021-11"], stream, format="json")
        >>> stream.getvalue() == dumps(Archive.bundled()["2021-11"], format="json")
        True
    """
    stream.write(dumps(edition, format=format))


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


def load(path: str | os.PathLike[str], *, validate: bool = True) -> Edition:
    """Read a snapshot file (``.toml`` or ``.json``) into an edition.

    Examples:
        >>> edition = load("snapshots/2021-11.toml")
        >>> edition.id, len(edition.milestones())
        ('2021-11', 56)
    """
    path = Path(path)
    kind = _format_of(path)
    text = read_text(path, SnapshotError)
    return loads(text, format=kind, source=str(path), validate=validate)


def save(edition: Edition, path: str | os.PathLike[str]) -> None:
    """Write ``edition`` to ``path`` in canonical form, atomically.

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
    write_atomic(path, dumps(edition, format=_format_of(path)))
