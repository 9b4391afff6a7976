"""An edition as the published month-grid table, the layout the table importer reads.

One table, or pages of ``rows_per_page`` rows, each with the heading and header rows
repeated; with ``split``, the last initiative row of every page is cut in two, its rest
on the next page in a continuation row (a bullet cut mid-sentence, or its sub-bullets
carried over), as PDF page breaks do.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs

from calaim_timeline._notation import month_index, month_start
from calaim_timeline.errors import GridError
from calaim_timeline.model import Edition, Initiative, Milestone, MilestoneKind, Status
from calaim_timeline.period import Period, Precision

__all__ = ["GridError", "GridMarkdown"]

_LIST: Final = '<ul style="list-style-type: none">'
_KEY: Final = r"**KEY: \* Document Release; ^ Submission Deadline; + Program Launch**"
_ESCAPES: Final = str.maketrans(
    {c: f"&#{ord(c)};" for c in "|*^+•○\\[]"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)


def _escape(text: str) -> str:
    # "--" alone means an empty cell; every other character that the importer reads as
    # markup (marks, bullets, tags, links, escapes, cell borders) becomes an entity.
    return "&#45;&#45;" if text == "--" else text.translate(_ESCAPES)


def _sup(kind: MilestoneKind | None, footnotes: tuple[int, ...]) -> str:
    inner = (kind.mark if kind else "") + ",".join(map(str, footnotes))
    return f"<sup>{inner}</sup>" if inner else ""


@attrs.frozen
class _Atom:
    """One piece of a cell: a bullet (level 1), a sub-bullet (2) or the rest of a cut one (0)."""

    level: int
    text: str
    sup: str = ""

    def html(self) -> str:
        return f"{_escape(self.text)}{self.sup}"


def _atoms(milestones: list[Milestone]) -> list[_Atom]:
    found = []
    for m in milestones:
        found.append(_Atom(1, m.title, _sup(m.kind, m.footnotes)))
        found += [_Atom(2, s.text, _sup(s.kind, s.footnotes)) for s in m.sub_items]
    return found


def _cell(atoms: list[_Atom], *, empty: str) -> str:
    if not atoms:
        return empty
    lead = atoms[0].html() if atoms[0].level == 0 else ""
    rest = atoms[1:] if lead else atoms
    parts, depth = [], 0
    for atom in rest:
        if atom.level == 1:
            parts.append({0: "", 1: "</li> ", 2: "</ul> </li> "}[depth])
            parts.append(f"<li>• {atom.html()}")
            depth = 1
        elif depth == 1:
            parts.append(f" {_LIST} <li>○ {atom.html()}</li>")
            depth = 2
        else:
            parts.append(f" <li>○ {atom.html()}</li>")
            depth = max(depth, 2)
    if depth == 2 and any(a.level == 1 for a in rest):  # noqa: PLR2004
        parts.append(" </ul> </li>")
    elif depth == 1:
        parts.append("</li>")
    listed = f"{_LIST} {''.join(parts).strip()} </ul>" if rest else ""
    return " ".join(p for p in (lead, listed) if p)


def _cut(atoms: list[_Atom]) -> tuple[list[_Atom], list[_Atom]]:
    """Cut a column's atoms in two where a page break would.

    Inside the last text when it has two words or more, else before the last atom; never
    so that either part is only dashes, which read as an empty cell ("-").
    """
    if not atoms:
        return [], []
    last = atoms[-1]
    words = last.text.split(" ")
    middle = len(words) // 2
    parts = (" ".join(words[:middle]), " ".join(words[middle:]))
    if all(part.strip("-\u2013\u2014 ") for part in parts):  # two words at least
        return [*atoms[:-1], _Atom(last.level, parts[0])], [_Atom(0, parts[1], last.sup)]
    return atoms[:-1], [last]


@attrs.frozen
class GridMarkdown:
    """Render an edition as the calendar's month-grid markdown table.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.importers import import_table
        >>> november = Archive.bundled()["2021-11"]
        >>> text = GridMarkdown(rows_per_page=5, split=True)(november)
        >>> import_table(text, edition_id="2021-11", source=november.source.document,
        ...              previous=november) == november
        True
    """

    rows_per_page: int | None = None
    split: bool = False

    def __call__(self, edition: Edition) -> str:
        """The document, ending with a newline; GridError for what a grid cannot show."""
        months = _months(edition)
        rows = list(self._rows(edition, months))
        size = self.rows_per_page or max(len(rows), 1)
        pages = [rows[k : k + size] for k in range(0, len(rows), size)] or [[]]
        lines: list[str] = []
        for page in _carried(pages) if self.split else [[_plain(r) for r in p] for p in pages]:
            lines += [f"## {_escape(edition.title)}", "", _KEY, "", *_header(months), *page, ""]
        lines += [f"<sup>{n.number}</sup> {_escape(n.text)}\n" for n in edition.footnotes]
        return "\n".join(lines).rstrip("\n") + "\n"

    def _rows(self, edition: Edition, months: list[Period]) -> Iterator[_Row]:
        order = [i for i in edition.initiatives if i.category is None]
        for initiative in order:
            yield _Split(initiative, months)
        for category in edition.categories:
            yield _line([f"<b>{_escape(category.name)}</b>", *[""] * len(months)])
            members = [i for i in edition.initiatives if i.category == category.id]
            order += members
            for initiative in members:
                yield _Split(initiative, months)
        if order != list(edition.initiatives):
            msg = (
                "the initiatives are not grouped by category in category order,"
                " as a grid shows them"
            )
            raise GridError(msg)


@attrs.frozen
class _Split:
    """An initiative row, whole or cut in two."""

    initiative: Initiative
    months: list[Period]

    def columns(self) -> list[list[_Atom]]:
        return [
            _atoms([m for m in self.initiative.milestones if m.when == month])
            for month in self.months
        ]

    def row(self, columns: list[list[_Atom]] | None = None) -> str:
        name = f"<b>{_escape(self.initiative.name)}</b>{_sup(None, self.initiative.footnotes)}"
        cells = [_cell(c, empty="--") for c in (columns or self.columns())]
        return _line([name, *cells])


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


_Row = str | _Split
"""A category row, already written, or an initiative row."""


def _plain(row: _Row) -> str:
    return row if isinstance(row, str) else row.row()


def _carried(pages: list[list[_Row]]) -> list[list[str]]:
    """Cut the last initiative row of each page, carrying its rest to the next page."""
    out: list[list[str]] = []
    carry: list[str] = []
    for k, page in enumerate(pages):
        written, carry = carry, []
        for position, row in enumerate(page):
            at_break = position == len(page) - 1 and k < len(pages) - 1
            if isinstance(row, _Split) and at_break and any(row.columns()):
                heads, tails = zip(*(_cut(c) for c in row.columns()), strict=True)
                written.append(row.row(list(heads)))
                carry = [_line(["", *(_cell(t, empty="") for t in tails)])]
            else:
                written.append(_plain(row))
        out.append(written)
    return out


def _header(months: list[Period]) -> list[str]:
    width = len(months)
    quarters = [
        f"Q{(m.start.month + 2) // 3} {m.start.year}" if k == 0 or m.start.month % 3 == 1 else ""
        for k, m in enumerate(months)
    ]
    names = [m.start.strftime("%B") for m in months]
    return [
        _line(["Initiatives", "CalAIM Major Milestones", *[""] * (width - 1)]),
        _line(["---"] * (width + 1)),
        _line(["", *quarters]),
        _line(["", *names]),
    ]


def _months(edition: Edition) -> list[Period]:
    window = edition.window
    months = []
    for index in range(month_index(window.start), month_index(window.end) + 1):
        first = month_start(index)
        months.append(Period.month(first.year, first.month))
    for initiative, milestone in edition.milestones:
        where = f"{initiative.id}/{milestone.id}"
        if milestone.when.text is not None:
            msg = f"{where}: a grid cannot show the wording {milestone.when.text!r} of its period"
            raise GridError(msg)
        if (
            not isinstance(milestone.when, Period)
            or milestone.when.precision is not Precision.MONTH
            or milestone.when not in months
        ):
            msg = f"{where}: {milestone.when} is not a month of the window, so it has no column"
            raise GridError(msg)
        if milestone.status is Status.DONE:
            msg = f"{where}: a grid cannot show that a milestone is done"
            raise GridError(msg)
    return months
