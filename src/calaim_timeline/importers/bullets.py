r"""Bullet-list schedules: a "LABEL: DATE" line per milestone, under headings.

Many living schedules are a list, in markdown, reStructuredText or plain text::

    3.11.0 schedule
    ---------------

    Actual:

    - 3.11.0 alpha 1: Tuesday, 2021-10-05

    Expected:

    - 3.11.0 final: Monday, 2022-10-03

- A bullet is ``-``, ``*``, ``+``, ``•`` or a number (``1.``), and lines indented under it
  go on with it. Its label and date are split at the colon after which the rest reads
  as a date (``DATE: LABEL`` is read too); emphasis (``**…**``) around either is markup.
- A heading (markdown ``#``, a reST or setext underline) names the initiative of the
  items under it; a heading or a paragraph that is a status word ("Actual:",
  "Expected:", "Done", "Planned", "Completed", "Upcoming") sets their status.
- The dates are read as a list table's are (see ``_dates``), a date without a year
  following the one above it.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from calaim_timeline.errors import ParseError
from calaim_timeline.importers._dates import DateError, DateReader, read_when
from calaim_timeline.importers._document import Document, ManyPlacedError, Place, PlacedError
from calaim_timeline.importers._listed import as_of_and_title, list_edition, undated
from calaim_timeline.importers._options import ImportOptions
from calaim_timeline.importers._vocabulary import STATUS_HEADINGS
from calaim_timeline.model import Edition, Milestone, Status

__all__ = ["read_bullets", "section_lines"]

_BULLET: Final = re.compile(r"^(?P<indent>\s*)(?:[-*+\u2022]|\d{1,3}[.)])\s+(?P<body>\S.*)$")
_ATX: Final = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_UNDERLINE: Final = re.compile(r"^([=\-~^\"'`#*+:.])\1{2,}\s*$")
_EMPHASIS: Final = re.compile(r"^(\*\*|__|\*|_|`)(?P<inner>.+)\1$")
_LINK: Final = re.compile(r"\[(?P<label>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_NOTES: Final = (
    "A bullet list: a 'LABEL: DATE' line per milestone, dates as the source words them (kept"
    " as each period's wording), the window spanning the milestones unless stated."
)


@attrs.frozen
class _Entry:
    """One bullet: its text (continuation lines joined), where it is, and what is above it."""

    text: str
    place: Place
    heading: str | None
    status: Status | None


@attrs.frozen
class _Heading:
    text: str
    level: int  # markdown's # count; a reST underline's rank in order of first use; 99 a label


def _headings(lines: tuple[str, ...]) -> dict[int, _Heading]:
    """The headings by line index: ``#`` lines, and lines with an underline (or overline)."""
    found: dict[int, _Heading] = {}
    ranks: list[str] = []
    for k, line in enumerate(lines):
        atx = _ATX.match(line)
        if atx is not None and not _BULLET.match(line):
            found[k] = _Heading(_plain(atx.group("text")), len(atx.group("level")))
        elif (
            k + 1 < len(lines)
            and line.strip()
            and not _UNDERLINE.match(line)
            and _UNDERLINE.match(lines[k + 1])
            and len(lines[k + 1].strip()) >= min(len(line.strip()), 3)
        ):
            mark = lines[k + 1].strip()[0]
            overlined = (
                k > 0 and lines[k - 1].strip()[:1] == mark and _UNDERLINE.match(lines[k - 1])
            )
            key = f"{mark}{'o' if overlined else ''}"
            if key not in ranks:
                ranks.append(key)
            found[k] = _Heading(_plain(line.strip()), 10 + ranks.index(key))
    return found


def section_lines(lines: tuple[str, ...], heading: str, source: str) -> tuple[str, ...]:
    """The lines, blank outside the section under ``heading`` (so that numbers hold).

    The section runs to the next heading of its level or higher; the document's first
    heading (its title, which may say its "as of") is kept too. Raises ParseError naming
    the headings there are when none is ``heading``.

    Examples:
        >>> lines = ("# Schedule", "", "## Past", "- a: 2021", "## Next", "- b: 2022")
        >>> section_lines(lines, "past", "s.md")
        ('# Schedule', '', '## Past', '- a: 2021', '', '')
    """
    headings = _headings(lines)
    wanted = _key(heading)
    start = next((k for k, h in headings.items() if _key(h.text) == wanted), None)
    if start is None:
        there = ", ".join(repr(h.text) for h in headings.values()) or "none"
        msg = f"no heading {heading!r} to take the section under (headings: {there})"
        raise ParseError(msg, source=source)
    level = headings[start].level
    end = next((k for k, h in headings.items() if k > start and h.level <= level), len(lines))
    first = min(headings)
    title = {first, first + 1} if first < start and headings[first].level < level else set()
    return tuple(line if start <= k < end or k in title else "" for k, line in enumerate(lines))


def _key(text: str) -> str:
    return " ".join(text.strip(" :#").lower().split())


def _plain(text: str) -> str:
    """Text without markdown emphasis or link markup around it."""
    text = _LINK.sub(lambda found: found.group("label"), text.strip())
    while (found := _EMPHASIS.match(text)) is not None:
        text = found.group("inner").strip()
    return text


def _status_heading(text: str) -> Status | None:
    return STATUS_HEADINGS.get(_key(text))


@attrs.define
class _Open:
    """A bullet being read: its first line's index, its indent, its text so far."""

    line: int
    indent: int
    parts: list[str]

    def goes_on(self, line: str) -> bool:
        """Whether ``line`` (not a bullet, not a heading) is indented under the bullet."""
        return bool(line.strip()) and len(line) - len(line.lstrip()) > self.indent


def _entries(lines: tuple[str, ...]) -> list[_Entry]:
    """The bullets of a text, each with the heading and status heading above it."""
    headings = _headings(lines)
    underlines = {k + 1 for k in headings if not _ATX.match(lines[k])}
    found: list[_Entry] = []
    heading: _Heading | None = None
    status: Status | None = None
    current: _Open | None = None
    for k, line in enumerate(lines):
        if k in underlines or _UNDERLINE.match(line):
            continue
        bullet = _BULLET.match(line)
        if current is not None and not bullet and k not in headings and current.goes_on(line):
            current.parts.append(line.strip())
            continue
        if current is not None:
            found.append(_entry(lines, current, heading, status))
            current = None
        said = _status_heading(headings[k].text if k in headings else line)
        if said is not None and not bullet:
            status = said
        elif k in headings:
            heading, status = headings[k], None
        elif bullet is not None:
            current = _Open(k, len(bullet.group("indent")), [bullet.group("body")])
    if current is not None:
        found.append(_entry(lines, current, heading, status))
    return found


def _entry(
    lines: tuple[str, ...], current: _Open, heading: _Heading | None, status: Status | None
) -> _Entry:
    k, first = current.line, current.parts[0]
    start = lines[k].index(first)
    place = Place(line=k + 1, column=start + 1, length=len(lines[k]) - start)
    text = " ".join(" ".join(current.parts).split())
    return _Entry(text, place, heading.text if heading else None, status)


_COLON: Final = re.compile(r":\s+")


def _split(text: str, dates: DateReader) -> tuple[str, str] | None:
    """(label, date words) at the colon where one side reads as a date; None if none."""
    cuts = list(_COLON.finditer(text))
    for found in reversed(cuts):  # LABEL: DATE, the label may hold colons of its own
        label, words = text[: found.start()].strip(), _plain(text[found.end() :])
        if label and _reads(words, dates):
            return _plain(label), words
    for found in cuts:  # DATE: LABEL
        words, label = _plain(text[: found.start()]), text[found.end() :].strip()
        if label and _reads(words, dates):
            return _plain(label), words
    return None


def _reads(words: str, dates: DateReader) -> bool:
    """Whether ``words`` read as a date (without moving the reader on); none do not."""
    if not words:
        return False
    try:
        read_when(words, after=dates.after, fiscal_start=dates.fiscal_start)
    except DateError:
        return False
    return True


def _why(text: str, dates: DateReader) -> str:
    """Why a bullet with a colon gives no date: the date error of what follows the colon."""
    words = _plain(text[list(_COLON.finditer(text))[-1].end() :])
    try:
        read_when(words, after=dates.after, fiscal_start=dates.fiscal_start)
    except DateError as error:
        return f"a 'LABEL: DATE' line whose date cannot be read: {error}"
    return "a 'LABEL: DATE' line with no label"


def _first_words(lines: tuple[str, ...]) -> list[str]:
    """The first heading, else the first line that is no bullet: what the text calls itself."""
    headings = _headings(lines)
    if headings:
        return [headings[min(headings)].text]
    first = next((line for line in lines if line.strip() and not _BULLET.match(line)), None)
    return [] if first is None else [_plain(first)]


def read_bullets(document: Document, options: ImportOptions) -> Edition:
    r"""The edition a bullet-list schedule gives: a milestone per "LABEL: DATE" bullet.

    A bullet with a colon whose date cannot be read is an error (all are reported at
    once), once the list has one that can; a bullet without a colon is a note.

    Examples:
        >>> from calaim_timeline.importers._markdown import read_markdown
        >>> text = ("# Release schedule\n\nActual:\n\n- alpha 1: Tuesday, 2021-10-05\n\n"
        ...         "Expected:\n\n- final: Mon, Oct 3, 2022\n")
        >>> from calaim_timeline import Period
        >>> options = ImportOptions(edition_id="2022-06", as_of=Period.parse("2022-06"))
        >>> edition = read_bullets(read_markdown(text, "pep.md"), options)
        >>> [(m.title, str(m.when), m.status.value) for _, m in edition.milestones]
        [('alpha 1', '2021-10-05', 'done'), ('final', '2022-10-03', 'planned')]
    """
    month, title = as_of_and_title(document, options, _first_words(document.lines))
    initiatives: dict[str, list[Milestone]] = {}
    errors: list[PlacedError] = []
    dates = DateReader(month.start, options.fiscal_start)
    serial = 0
    for entry in _entries(document.lines):
        split = _split(entry.text, dates)
        if split is None:
            if _COLON.search(entry.text):
                errors.append(PlacedError(_why(entry.text, dates), entry.place))
            continue
        label, words = split
        when, status = dates.read(words)
        serial += 1
        milestone = Milestone(
            id=f"~m{serial}",
            title=label,
            when=when,
            status=status or entry.status or Status.PLANNED,
        )
        initiatives.setdefault(undated(entry.heading or title), []).append(milestone)
    if not initiatives:
        msg = (
            "no schedule found: no calendar table (with a month header row), no list table"
            " (a header naming a title and a date column) and no bullet list of 'LABEL: DATE'"
            " lines"
        )
        raise ParseError(msg, source=document.source)
    if errors:
        raise document.fail_all(ManyPlacedError(errors))
    return list_edition(document, options, (month, title, _NOTES), initiatives)
