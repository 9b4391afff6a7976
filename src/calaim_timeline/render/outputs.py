"""Every output the command line writes, in one table: what it shows, by format.

A command parses its arguments, calls the library, and hands the result to the renderer
:func:`renderer` finds here; :func:`formats` gives the choices of its ``--format`` and
:func:`chosen_format` reads ``-o``'s suffix, both from the same table; :func:`emit`
writes the result (text, or a :class:`~calaim_timeline.render.tables.Table`) to the file
or the terminal. A renderer's module is imported only when it is chosen, so that the
command line starts quickly.

Examples:
    >>> formats("diff")
    ('text', 'markdown', 'json', 'csv', 'xlsx')
    >>> type(renderer("diff", "markdown", full=True, title="not one of DiffMarkdown's")).__name__
    'DiffMarkdown'
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import attrs

from calaim_timeline._files import write_atomic
from calaim_timeline.errors import WriteError

if TYPE_CHECKING:
    from calaim_timeline.render.tables import Table

__all__ = ["OUTPUTS", "SUFFIXES", "chosen_format", "emit", "formats", "renderer"]

OUTPUTS: Final[dict[str, dict[str, str]]] = {
    "edition": {
        "text": "text:EditionText",
        "markdown": "markdown:EditionMarkdown",
        "json": "json:EditionJson",
    },
    "diff": {
        "text": "text:DiffText",
        "markdown": "markdown:DiffMarkdown",
        "json": "json:DiffJson",
        "csv": "tables:DiffTable",
        "xlsx": "tables:DiffTable",
    },
    "changelog": {
        "markdown": "markdown:ChangelogMarkdown",
        "text": "text:ChangelogText",
        "json": "json:ChangelogJson",
    },
    "history": {
        "text": "text:HistoryText",
        "json": "json:HistoryJson",
        "csv": "tables:HistoryTable",
        "xlsx": "tables:HistoryTable",
    },
    "slips": {"text": "text:SlipText"},
    "upcoming": {"text": "text:UpcomingText", "json": "json:UpcomingJson"},
    "editions": {"text": "text:EditionsText", "json": "json:EditionsJson"},
}
"""Each kind of output, each of its formats, and the renderer (``module:Class`` of
:mod:`calaim_timeline.render`) that makes it."""

SUFFIXES: Final = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
}
"""The format a known suffix of ``-o`` names."""


def formats(kind: str) -> tuple[str, ...]:
    """The formats output ``kind`` can be written in, the default first.

    Examples:
        >>> formats("changelog")
        ('markdown', 'text', 'json')
    """
    return tuple(OUTPUTS[kind])


def renderer(kind: str, fmt: str, **options: Any) -> Any:  # noqa: ANN401 - a renderer of its own type
    """The renderer of ``kind`` in ``fmt``, made with those of ``options`` it takes.

    Examples:
        >>> from calaim_timeline import Archive
        >>> print(renderer("edition", "text", width=72)(Archive.bundled()["2021-11"])[:19])
        California Advancin
    """
    module, name = OUTPUTS[kind][fmt].split(":")
    cls = getattr(importlib.import_module(f"calaim_timeline.render.{module}"), name)
    taken = attrs.fields_dict(cls)
    return cls(**{key: value for key, value in options.items() if key in taken})


def chosen_format(
    kind: str, fmt: str | None, output: str | None, default: str | None = None
) -> str:
    """``fmt``, else the one ``output``'s suffix names, else ``default`` (else the first).

    A file is what its name says: ``-o d.xlsx`` writes a workbook, and a ``--format``
    that contradicts the suffix is refused rather than write text Excel cannot open.

    Examples:
        >>> chosen_format("diff", None, "changes.xlsx"), chosen_format("diff", None, None)
        ('xlsx', 'text')
    """
    allowed = formats(kind)
    suffix = Path(output).suffix.lower() if output else ""
    named = SUFFIXES.get(suffix)
    if output is not None and named is not None and named not in allowed:
        msg = f"this command cannot write {named} ({suffix}): name a {', '.join(allowed)} file"
        raise WriteError(output, msg)
    if fmt is None:
        return named or default or allowed[0]
    if output is not None and named is not None and named != fmt:
        msg = f"--format {fmt} does not match the file name's {suffix}"
        raise WriteError(output, msg)
    return fmt


def emit(result: str | Table, fmt: str, output: str | None, out: TextIO) -> bool:
    """Write ``result`` to ``output`` (atomically) or to ``out``; whether a file was written.

    A table is CSV on the terminal; a workbook needs a file.

    Examples:
        >>> import io
        >>> out = io.StringIO()
        >>> emit("a report", "text", None, out), out.getvalue()
        (False, 'a report')
    """
    if isinstance(result, str):
        if output is None:
            out.write(result)
            return False
        write_atomic(output, result)
        return True
    if output is None:
        if fmt == "xlsx":
            where, msg = "standard output", "a workbook is a file: name it with -o FILE.xlsx"
            raise WriteError(where, msg)
        out.write(result.csv())
        return False
    if Path(output).suffix.lower().lstrip(".") != fmt:
        msg = f"--format {fmt} needs a .{fmt} file name"
        raise WriteError(output, msg)
    result.write(output)
    return True
