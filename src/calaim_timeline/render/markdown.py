"""An edition as a markdown page, with footnotes as GitHub-flavoured footnotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from calaim_timeline._counting import counted
from calaim_timeline.diffing import EditionDiff
from calaim_timeline.model import Edition, Milestone, MilestoneKind, Status
from calaim_timeline.render._changelog import sections as changelog_sections
from calaim_timeline.render._common import sections
from calaim_timeline.render._describe import describe, review_note
from calaim_timeline.render._digest import digest, folded
from calaim_timeline.render._terms import terms_used

__all__ = ["ChangelogMarkdown", "DiffMarkdown", "EditionMarkdown", "escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    r"""Escape the characters markdown would read as markup.

    Examples:
        >>> escape("Section 1115 *draft* [v2]")
        'Section 1115 \\*draft\\* \\[v2\\]'
    """
    return _SPECIAL.sub(r"\\\1", text)


def _refs(numbers: tuple[int, ...]) -> str:
    return "".join(f"[^{n}]" for n in numbers)


def _kind(kind: MilestoneKind | None) -> str:
    return f" _({kind.words})_" if kind else ""


@attrs.frozen
class EditionMarkdown:
    """Render an edition as markdown: a section per category, a list per initiative.

    Examples:
        >>> from calaim_timeline import Archive
        >>> print(EditionMarkdown()(Archive.bundled()["2021-11"]).splitlines()[0][:60])
        # California Advancing and Innovating Medi-Cal (CalAIM) Mile
    """

    heading_level: int = 1

    def __call__(self, edition: Edition) -> str:
        """The page, ending with a newline."""
        top = "#" * self.heading_level
        lines = [
            f"{top} {escape(edition.title)}",
            "",
            (
                f"Edition `{edition.id}`, as of {edition.as_of}, covering {edition.window}."
                f" Published by {escape(edition.publisher)}."
            ),
        ]
        for category, initiatives in sections(edition):
            if category is not None:  # initiatives before any category get no heading
                lines += ["", f"{top}# {escape(category.name)}"]
            for initiative in initiatives:
                lines += ["", f"{top}## {escape(initiative.name)}{_refs(initiative.footnotes)}"]
                if initiative.milestones:
                    lines += ["", *(_milestone(m) for m in initiative.milestones)]
        if edition.excluded_initiatives:
            lines += ["", f"{top}# Excluded initiatives", ""]
            lines += [f"- {escape(name)}" for name in edition.excluded_initiatives]
        if edition.footnotes:
            lines.append("")
            lines += [f"[^{n.number}]: {escape(n.text)}" for n in edition.footnotes]
        return "\n".join(lines) + "\n"


def _milestone(milestone: Milestone) -> str:
    wording = f' ("{escape(milestone.when.text)}")' if milestone.when.text else ""
    done = " (done)" if milestone.status is Status.DONE else ""
    line = (
        f"- **{milestone.when}** {escape(milestone.title)}"
        f"{_refs(milestone.footnotes)}{wording}{_kind(milestone.kind)}{done}"
    )
    for item in milestone.sub_items:
        line += f"\n  - {escape(item.text)}{_refs(item.footnotes)}{_kind(item.kind)}"
    return line


def _digest_lines(changes: EditionDiff, *, full: bool) -> list[str]:
    """The digest as a markdown list, each point's items nested under it."""
    lines = ["**In short:**", ""]
    for point in digest(changes, full=full):
        lines.append(f"- **{escape(point.label)}:** {escape(point.text)}")
        lines += [f"  - {escape(item)}" for item in point.items]
    return lines


def _legend_lines(heading: str, lines: list[str]) -> list[str]:
    """The terms that ``lines`` use, under ``heading``; nothing if they use none."""
    used = terms_used("\n".join(lines))
    if not used:
        return []
    return [
        "",
        heading,
        "",
        *(f"- **{escape(term)}:** {escape(meaning)}." for term, meaning in used),
    ]


@attrs.frozen
class DiffMarkdown:
    """Render a diff as markdown: the digest, a section per initiative, then the terms.

    Footnotes and editorial changes are folded into one digest line each, unless ``full``.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.diffing import diff
        >>> archive = Archive.bundled()
        >>> print(DiffMarkdown()(diff(archive["2021-11"], archive["2021-11"])), end="")
        # 2021-11 → 2021-11
        <BLANKLINE>
        No changes.
    """

    heading_level: int = 1
    full: bool = False
    terms: bool = True
    """Explain the terms the page uses, at its end."""

    def __call__(self, changes: EditionDiff) -> str:
        """The page, ending with a newline."""
        top = "#" * self.heading_level
        lines = [f"{top} {changes.old.edition.id} → {changes.new.edition.id}", ""]
        if not changes.changes:
            return "\n".join([*lines, "No changes."]) + "\n"
        lines += _digest_lines(changes, full=self.full)
        for initiative, members in changes.groups():
            shown = [c for c in members if self.full or not folded(c)]
            if shown:
                name = initiative.name if initiative else "Edition"
                lines += ["", f"{top}# {escape(name)}", ""]
            for change in shown:
                line = describe(change)
                note = escape(review_note(changes, change))
                lines.append(f"- **{escape(line.label)}:** {escape(line.text)}{note}")
        if self.terms:
            lines += _legend_lines(f"{top}# Terms", lines)
        return "\n".join(lines) + "\n"


_INTRO: Final = (
    "Each edition against the one before it, newest first: first in short, then every"
    " change by section."
)


@attrs.frozen
class ChangelogMarkdown:
    """Render a change log: a section per edition, newest first, each against the one before.

    In the spirit of Keep a Changelog, with a schedule's sections: Delayed, Advanced,
    Narrowed or widened, Added, Dropped (unlisted first; aged-out items folded into one line
    per initiative), Renamed, Changed. Each edition's section begins with the digest;
    footnotes and editorial changes are folded into one digest line each unless ``full``.
    Call it with the diffs, newest first, and the oldest edition (shown as the first
    edition).

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import changelog
        >>> text = ChangelogMarkdown()(changelog(Archive.bundled().editions))
        >>> [line for line in text.splitlines() if line.startswith("## ")]
        ['## [2021-11] as of 2021-11 (since 2021-01)', '## Terms']
    """

    title: str = "CalAIM Milestones Calendar: change log"
    full: bool = False
    terms: bool = True
    """Explain the terms the page uses, at its end."""
    since: str | None = None
    """The edition the log starts after, if one was asked for: said when nothing follows."""

    def __call__(self, diffs: Sequence[EditionDiff], first: Edition | None = None) -> str:
        """The page, ending with a newline."""
        if not diffs and self.since is not None:
            nothing = f"Nothing since {escape(self.since)}: no later edition."
            return "\n".join([f"# {escape(self.title)}", "", nothing]) + "\n"
        lines: list[str] = []
        for changes in diffs:
            new, old = changes.new.header, changes.old.header
            heading = f"## [{new.id}] as of {new.as_of} (since {old.id})"
            lines += ["", heading, ""]
            if not changes.changes:
                lines.append("No changes.")
                continue
            lines += _digest_lines(changes, full=self.full)
            for section, entries in changelog_sections(changes, full=self.full):
                lines += ["", f"### {section}", ""]
                lines += [f"- **{escape(name)}**: {escape(text)}" for name, text in entries]
        if first is not None:
            count = (
                f"{counted(len(first.milestones), 'milestone')} in"
                f" {counted(len(first.initiatives), 'initiative')}"
            )
            lines += ["", f"## [{first.id}] as of {first.as_of}", ""]
            lines.append(f"The first edition: {count}, covering {first.window}.")
        terms = _legend_lines("## Terms", lines) if self.terms else []
        intro = _INTRO + (" The terms are explained at the end." if terms else "")
        return "\n".join([f"# {escape(self.title)}", "", intro, *lines, *terms]) + "\n"
