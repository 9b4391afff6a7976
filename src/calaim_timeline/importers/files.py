"""Import any supported file: the format from its suffix, the layout from its content.

| suffix | layouts |
|---|---|
| ``.md`` | the month grid (the published calendar as markdown), list tables, or a bullet list |
| ``.rst``, ``.txt`` | list tables (pipe tables), or a bullet list of "LABEL: DATE" lines |
| ``.html``, ``.htm`` | the month grid, or list tables (a saved web page) |
| ``.csv`` | a list table |
| ``.xlsx`` | list tables, one per sheet (the ``xlsx`` extra) |
| ``.pdf`` | the month grid, or list tables (the ``pdf`` extra) |

Every format is read into one structured document (``_document.Document``) by its
reader; a document with a table whose header row names a title column and a date column
is read as list tables (:mod:`calaim_timeline.importers.lists`); a text with no table at
all as a bullet list (:mod:`calaim_timeline.importers.bullets`); any other as the month
grid (:mod:`calaim_timeline.importers.dhcs_table`). A section (``section``, a heading of
a text file) narrows the source to the part under that heading first. An import goes one
way: reader, document, layout, edition.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from calaim_timeline._files import path_given, read_text
from calaim_timeline.errors import OptionError, ParseError
from calaim_timeline.importers._document import Document
from calaim_timeline.importers._html import read_html
from calaim_timeline.importers._markdown import read_markdown
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._pdf import read_pdf
from calaim_timeline.importers._sheets import read_csv, read_xlsx
from calaim_timeline.importers.bullets import read_bullets, section_lines
from calaim_timeline.importers.dhcs_table import PUBLISHER, read_grid
from calaim_timeline.importers.lists import ROLES, find_columns, read_list
from calaim_timeline.matching import DEFAULT_THRESHOLD
from calaim_timeline.model import Edition
from calaim_timeline.period import Period

__all__ = ["SUFFIXES", "import_table", "import_table_file", "read_document"]

SUFFIXES: Final = (".md", ".markdown", ".html", ".htm", ".csv", ".xlsx", ".pdf", ".rst", ".txt")
_SHEETS: Final = frozenset({".csv", ".xlsx"})
_TEXTS: Final = frozenset({".md", ".markdown", ".rst", ".txt"})


def read_document(path: Path, section: str | None = None) -> Document:
    """The document at ``path``, read as its suffix says.

    Examples:
        >>> document = read_document(Path("sources/2021-11_calaim-milestones-calendar.md"))
        >>> len(document.tables), document.tables[0].rows[3][0].text
        (8, 'Cross-Initiative Milestones')
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kind = repr(suffix) if suffix else "suffix-less"
        msg = f"cannot import a {kind} file: give .md, .html, .csv, .xlsx, .pdf, .rst or .txt"
        raise ParseError(msg, source=str(path))
    if section is not None and suffix not in _TEXTS:
        msg = f"--section picks a part of a markdown, reST or text file, not of a {suffix} file"
        raise ParseError(msg, source=str(path))
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix == ".xlsx":
        return read_xlsx(path)
    text = read_text(path)
    if suffix == ".csv":
        return read_csv(text, str(path))
    if suffix in {".html", ".htm"}:
        return read_html(text, str(path))
    if section is not None:
        text = "\n".join(section_lines(tuple(text.splitlines()), section, str(path)))
    return read_markdown(text, str(path))


def _roles(columns: Mapping[str, str], source: str) -> tuple[tuple[str, str], ...]:
    """The columns given, checked: known roles, a title and a date, each a header."""
    unknown = sorted(set(columns) - set(ROLES))
    if unknown or (columns and not {"title", "date"} <= set(columns)):
        msg = (
            f"the columns given must name a title and a date column, and may name"
            f" {', '.join(ROLES[2:])} (got {', '.join(sorted(columns))})"
        )
        raise ParseError(msg, source=source)
    return tuple((role, columns[role]) for role in ROLES if role in columns)


def import_table_file(  # noqa: PLR0913 - what an edition needs that a source may not say
    path: str | os.PathLike[str],
    *,
    edition_id: str,
    previous: Edition | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    as_of: Period | None = None,
    title: str | None = None,
    publisher: str | None = None,
    columns: Mapping[str, str] | None = None,
    fiscal_year_start: int = 7,
    section: str | None = None,
    series: str | None = None,
) -> Edition:
    """Read the calendar, list tables or bullet list in the file at ``path`` into an edition.

    ``as_of``, ``title`` and ``publisher`` stand instead of what the source says, and
    fill what it does not: a list edition needs an as-of month from one or the other.
    With ``previous``, what matches it keeps its ids, lineages and aliases. ``columns``
    gives a list table's columns outright, by role (title, date, initiative, kind,
    status; title and date needed) and header: ``{"title": "What", "date": "When"}``.
    ``fiscal_year_start`` is the month a fiscal year starts in ("FY 2024-25"; July, as
    California's, by default); ``section`` the heading of a text file's part to read
    (where it holds more than one schedule); ``series`` the id of the series the edition
    belongs to (else the previous edition's; else the calendar's for its grid, and for a
    list a series named by its title). Raises
    :class:`~calaim_timeline.errors.ParseError` naming the file, and the line, row or
    page and the cell, for anything it cannot read.

    Examples:
        >>> edition = import_table_file("sources/2021-11_calaim-milestones-calendar.md",
        ...                             edition_id="2021-11")
        >>> str(edition.as_of), len(edition.milestones)
        ('2021-11', 56)
    """
    path = path_given(path, "import_table_file")
    options = ImportOptions(
        edition_id=edition_id,
        previous=previous,
        threshold=threshold,
        as_of=as_of,
        title=title,
        publisher=publisher,
        columns=_roles(columns or {}, str(path)),
        fiscal_start=fiscal_year_start,
        section=section,
        series=series,
    )
    document = read_document(path, section)
    if any(find_columns(table, options.columns) for table in document.tables):
        return read_list(document, options)
    if not document.tables and path.suffix.lower() in _TEXTS and not options.columns:
        return read_bullets(document, options)
    if options.columns:
        given = ", ".join(repr(header) for _, header in options.columns)
        msg = f"no header row has all the columns given ({given})"
        raise ParseError(msg, source=str(path))
    if path.suffix.lower() in _SHEETS:
        msg = (
            "no header row names a title column (Policy, Milestone, Activity…) and a"
            " date column (Go-Live Date, Target Date, Due…)"
        )
        raise ParseError(msg, source=str(path))
    return read_grid(document, options)


def import_table(  # noqa: PLR0913 - what an edition needs that a source may not say
    text: str,
    *,
    edition_id: str,
    source: str = "<table>",
    previous: Edition | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    as_of: Period | None = None,
    title: str | None = None,
    publisher: str = PUBLISHER,
) -> Edition:
    """Read a published calendar table (markdown with inline HTML) into an edition.

    With ``previous``, initiatives and milestones that match it keep its ids, lineages
    and aliases (so re-importing an unchanged edition changes nothing, and a retitled
    milestone keeps its lineage). ``source`` names the document in errors and in the
    edition's ``source.document``. ``as_of`` and ``title``, when given, stand instead of
    what the ``## … as of <Month> <Year>`` heading says (and let a document without one be
    read). Raises :class:`~calaim_timeline.errors.ParseError`.

    Examples:
        >>> table = '''## CalAIM Milestones Calendar as of May 2022
        ...
        ... | Initiatives | CalAIM Major Milestones | |
        ... |---|---|---|
        ... | | Q2 2022 | |
        ... | | May | June |
        ... | <b>Dental</b> | • Dental All Plan Letter* | -- |
        ... '''
        >>> edition = import_table(table, edition_id="2022-05")
        >>> [(m.id, str(m.when), m.kind.value) for _, m in edition.milestones]
        [('dental-all-plan-letter', '2022-05', 'document-release')]
    """
    options = ImportOptions(
        edition_id=edition_id,
        previous=previous,
        threshold=threshold,
        as_of=as_of,
        title=title,
        publisher=publisher,
    )
    given: object = text  # checked at run time, whatever the type says
    if not isinstance(given, str) or not isinstance(source, str):
        wrong = given if not isinstance(given, str) else source
        msg = (
            f"import_table reads text, and its source is a name (got {type(wrong).__name__});"
            " for a file, use import_table_file"
        )
        raise OptionError(msg)
    return read_grid(read_markdown(text, source), options)
