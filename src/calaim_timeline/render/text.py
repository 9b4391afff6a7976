"""Plain text to read in a terminal: an edition, a diff, the change log, histories, what is due.

``HistoryText`` and ``SlipText`` are written in ``_history_text`` and exported here.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import attrs

from calaim_timeline._counting import counted
from calaim_timeline.diffing import EditionDiff
from calaim_timeline.model import Edition, Initiative, Milestone, Series, Status
from calaim_timeline.render._changelog import sections as changelog_sections
from calaim_timeline.render._common import KEY, footnote_refs, mark, sections
from calaim_timeline.render._describe import (
    describe,
    named,
    review_note,
)
from calaim_timeline.render._digest import digest, folded, headline
from calaim_timeline.render._history_text import HistoryText, SlipText
from calaim_timeline.render._terms import terms_used

__all__ = [
    "ChangelogText",
    "DiffText",
    "EditionText",
    "EditionsText",
    "HistoryText",
    "SlipText",
    "UpcomingText",
]


@attrs.frozen
class EditionText:
    """Render an edition grouped by category and initiative, footnotes at the end.

    Each milestone is one line: its period, its kind mark, its title, its footnote
    references, and the source's wording of the period when it has one.

    Examples:
        >>> from calaim_timeline import Archive
        >>> print(EditionText(width=72)(Archive.bundled()["2021-11"]).splitlines()[5])
        Key: * document release   ^ submission deadline   + program launch
    """

    width: int = 100

    def __call__(self, edition: Edition) -> str:
        """The whole calendar, ending with a newline."""
        milestones = edition.milestones
        column = max((len(str(m.when)) for _, m in milestones), default=7)
        lines = [
            edition.title,
            "=" * min(len(edition.title), self.width),
            f"Edition {edition.id}: as of {edition.as_of}, covering {edition.window}",
            (
                f"{counted(len(edition.initiatives), 'initiative')},"
                f" {counted(len(milestones), 'milestone')}"
            ),
            f"Publisher: {edition.publisher}",
            f"Key: {KEY}",
        ]
        for category, initiatives in sections(edition):
            if category is not None:  # initiatives before any category get no heading
                lines += ["", f"## {category.name}"]
            for initiative in initiatives:
                lines += ["", initiative.name + _refs(initiative.footnotes)]
                for milestone in initiative.milestones:
                    lines += self._milestone(milestone, column)
        if edition.footnotes:
            lines += ["", "Footnotes"]
            for note in edition.footnotes:
                lines += self._wrap(f"[{note.number}] {note.text}", "  ", "      ")
        if edition.excluded_initiatives:
            lines += ["", "Excluded (no milestones expected in the window)"]
            lines += self._wrap(", ".join(edition.excluded_initiatives), "  ", "  ")
        return "\n".join(lines) + "\n"

    def _milestone(self, milestone: Milestone, column: int) -> list[str]:
        head = f"  {str(milestone.when).ljust(column)}  {mark(milestone.kind)} "
        body = milestone.title + _refs(milestone.footnotes)
        if milestone.when.text is not None:
            body += f' ("{milestone.when.text}")'
        if milestone.status is Status.DONE:
            body += " (done)"
        hang = " " * len(head)
        lines = self._wrap(body, head, hang)
        for item in milestone.sub_items:
            kind = f"{item.kind.mark} " if item.kind else ""
            lines += self._wrap(
                f"{kind}{item.text}{_refs(item.footnotes)}", hang + "○ ", hang + "  "
            )
        return lines

    def _wrap(self, text: str, first: str, rest: str) -> list[str]:
        return _wrap(text, self.width, first, rest)


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    ) or [first.rstrip()]


@attrs.frozen
class DiffText:
    """Render a diff for a terminal: the digest, the changes by initiative, the terms.

    ``+`` added, ``-`` dropped, ``~`` changed; shifts read ``Delayed: … 2022-01 → 2022-03
    (+2 months)``. Footnotes and editorial changes are folded into one digest line each,
    unless ``full``.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> archive = Archive.bundled()
        >>> print(DiffText()(diff(archive["2021-11"], archive["2021-11"])), end="")
        2021-11 → 2021-11: no changes
    """

    width: int = 100
    full: bool = False
    terms: bool = True
    """Explain the terms the report uses, at its end."""

    def __call__(self, changes: EditionDiff) -> str:
        """The whole report, ending with a newline."""
        lines = [headline(changes)]
        if not changes.changes:
            return lines[0] + "\n"
        lines += ["", *_digest_lines(changes, self.width, full=self.full)]
        for initiative, members in changes.groups():
            shown = [c for c in members if self.full or not folded(c)]
            if shown:
                lines += ["", initiative.name if initiative else "Edition"]
            for change in shown:
                line = describe(change)
                text = f"{line.symbol} {line}{review_note(changes, change)}"
                lines += _wrap(text, self.width, "  ", "      ")
        if self.terms:
            lines += _terms_lines(lines[2:], self.width)
        return "\n".join(lines) + "\n"


def _digest_lines(changes: EditionDiff, width: int, *, full: bool) -> list[str]:
    """``In short:`` and the digest's points, each point's items under it."""
    lines = ["In short:"]
    for point in digest(changes, full=full):
        lines += _wrap(f"{point.label}: {point.text}", width, "  ", "    ")
        for item in point.items:
            lines += _wrap(item, width, "    - ", "      ")
    return lines


@attrs.frozen
class ChangelogText:
    r"""Render a change log as plain text: the markdown change log without markup.

    A section per edition, newest first, each against the one before: the digest, then
    the changes by section (Delayed, Advanced, …, Changed), each line naming its
    initiative. Call it with the diffs, newest first, and the oldest edition.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import changelog
        >>> text = ChangelogText()(changelog(Archive.bundled().editions))
        >>> print("\n".join(text.splitlines()[:6]))
        CalAIM Milestones Calendar: change log
        ======================================
        <BLANKLINE>
        2021-11 as of 2021-11 (since 2021-01)
        -------------------------------------
        In short:
    """

    title: str = "CalAIM Milestones Calendar: change log"
    width: int = 100
    full: bool = False
    terms: bool = True
    """Explain the terms the log uses, at its end."""
    since: str | None = None
    """The edition the log starts after, if one was asked for: said when nothing follows."""

    def __call__(self, diffs: Sequence[EditionDiff], first: Edition | None = None) -> str:
        """The whole log, ending with a newline."""
        lines = [self.title, "=" * min(len(self.title), self.width)]
        if not diffs and self.since is not None:
            return "\n".join([*lines, "", f"Nothing since {self.since}: no later edition."]) + "\n"
        for changes in diffs:
            new, old = changes.new.header, changes.old.header
            heading = f"{new.id} as of {new.as_of} (since {old.id})"
            lines += ["", heading, "-" * min(len(heading), self.width)]
            if not changes.changes:
                lines.append("No changes.")
                continue
            lines += _digest_lines(changes, self.width, full=self.full)
            for section, entries in changelog_sections(changes, full=self.full):
                lines += ["", f"  {section}"]
                for name, text in entries:
                    lines += _wrap(f"{name}: {text}", self.width, "    - ", "      ")
        if first is not None:
            heading = f"{first.id} as of {first.as_of}"
            lines += ["", heading, "-" * min(len(heading), self.width)]
            count = (
                f"{counted(len(first.milestones), 'milestone')} in"
                f" {counted(len(first.initiatives), 'initiative')}"
            )
            lines.append(f"The first edition: {count}, covering {first.window}.")
        if self.terms:
            lines += _terms_lines(lines, self.width)
        return "\n".join(lines) + "\n"


def _terms_lines(lines: list[str], width: int) -> list[str]:
    """The terms that ``lines`` use, wrapped to ``width``; nothing if they use none."""
    used = terms_used("\n".join(lines))
    if not used:
        return []
    explained = ["", "Terms:"]
    for term, meaning in used:
        explained += _wrap(f"{term}: {meaning}.", width, "  ", "    ")
    return explained


def _refs(numbers: tuple[int, ...]) -> str:
    refs = footnote_refs(numbers)
    return f" {refs}" if refs else ""


@attrs.frozen
class UpcomingText:
    """Render what is due: one line per milestone, by period.

    Examples:
        >>> from datetime import date
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import upcoming
        >>> november = Archive.bundled()["2021-11"]
        >>> due = upcoming(november, date(2022, 3, 1), within=1)
        >>> for line in UpcomingText()(november, due).splitlines():
        ...     print(line[:60])
        According to edition 2021-11 (as of 2021-11):
          2022-03    Population Health Management (including Service
          2022-03  * Transition to Statewide LTSS and D-SNP (CCI end
    """

    def __call__(self, edition: Edition, due: tuple[tuple[Initiative, Milestone], ...]) -> str:
        """A heading naming the edition, then the milestones, ending with a newline."""
        lines = [f"According to edition {edition.id} (as of {edition.as_of}):"]
        if not due:
            lines.append("  nothing is due in that time")
        column = max((len(str(m.when)) for _, m in due), default=0)
        for initiative, milestone in due:
            lines.append(
                f"  {str(milestone.when).ljust(column)}  {mark(milestone.kind)} "
                f"{initiative.name}: {named(milestone)}"
            )
        return "\n".join(lines) + "\n"


@attrs.frozen
class EditionsText:
    """Render each series of a folder with its editions: id, as-of, milestones, title.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> found = [(s, archive.chain(s.id)) for s in archive.series]
        >>> print(EditionsText()(found, "snapshots").splitlines()[1][:40])
          2021-01  as of 2021-01       14 milest
    """

    def __call__(self, found: Sequence[tuple[Series, Sequence[Edition]]], folder: str) -> str:
        """The lines, ending with a newline; a line saying so for a folder with none."""
        if not found:
            return f"no editions in {folder}\n"
        lines = []
        for series, chain in found:
            editions = counted(len(chain), "edition")
            lines.append(f"{series.id}: {series.title} ({series.publisher}), {editions}")
            width = max(len(e.id) for e in chain)
            for e in chain:
                count = len(e.milestones)
                lines.append(
                    f"  {e.id.ljust(width)}  as of {e.as_of!s:<10}  {count:>4}"
                    f" milestone{'' if count == 1 else 's'}  {e.title}"
                )
        return "\n".join(lines) + "\n"
