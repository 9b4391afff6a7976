"""One milestone's history and the archive's slip table, as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import attrs

from calaim_timeline._counting import counted
from calaim_timeline.period import Period, Relation, When, when_months, when_relation
from calaim_timeline.render._describe import UNDATED, months, moved, named, period

if TYPE_CHECKING:
    from calaim_timeline.history import History, InitiativeSlip

__all__ = ["HistoryText", "SlipText", "StoryRow", "story_rows", "story_summary"]


def _gap_note(gaps: tuple[str, ...]) -> str:
    if not gaps:
        return ""
    return f"; not listed in {len(gaps)} edition{'s' if len(gaps) > 1 else ''} between"


@attrs.frozen
class HistoryText:
    """Render one milestone's history: a row per edition, then first/last seen and slip.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> print(HistoryText()(story), end="")
        mot-carve-in-live: MOT Carve-In goes live
        Benefits Standardization; program launch
        <BLANKLINE>
        edition  as of    target   change
        2021-01  2021-01  -        absent
        2021-11  2021-11  2022-01  first listed
        <BLANKLINE>
        First seen 2021-11, last seen 2021-11: 0 shifts, total slip 0 months.
    """

    def __call__(self, story: History) -> str:
        """The table and its summary, ending with a newline."""
        latest = story.latest
        kind = latest.milestone.kind.words if latest.milestone.kind else "unmarked"
        rows = [("edition", "as of", "target", "change"), *(row[:4] for row in story_rows(story))]
        widths = [max(len(row[k]) for row in rows) for k in range(3)]
        table = [
            "  ".join(
                [*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[3]]
            )
            for row in rows
        ]
        return (
            "\n".join(
                [
                    f"{latest.milestone.id}: {named(latest.milestone)}",
                    f"{latest.initiative.name}; {kind}",
                    "",
                    *table,
                    "",
                    story_summary(story),
                ]
            )
            + "\n"
        )


class StoryRow(NamedTuple):
    """What one edition says of a milestone, in words."""

    edition: str
    as_of: str
    target: str
    """The period listed; ``-`` where the edition does not list the milestone."""
    change: str
    """``first listed``, ``unchanged``, a shift (``+2 months, later``), a gap or absent."""
    status: str
    """``planned`` or ``done``; ``-`` where the edition does not list the milestone."""


def story_rows(story: History) -> list[StoryRow]:
    """A row per edition, oldest first: its listing, the shift from the one before, gaps."""
    rows = []
    previous = None
    gaps = set(story.gaps)
    for sighting in story.sightings:
        listing = sighting.listing
        if listing is None:
            absent = "not listed (gap)" if sighting.edition in gaps else "absent"
            rows.append(StoryRow(sighting.edition, str(sighting.as_of), "-", absent, "-"))
            continue
        when = listing.milestone.when
        rows.append(
            StoryRow(
                sighting.edition,
                str(sighting.as_of),
                period(when),
                _change(previous, when),
                listing.milestone.status.value,
            )
        )
        previous = when
    return rows


def story_summary(story: History) -> str:
    """``First seen …, last seen …: N shifts, total slip M months`` and any gaps, as a sentence."""
    shifts = counted(story.shifts, "shift")
    return (
        f"First seen {story.first_seen}, last seen {story.last_seen}: {shifts},"
        f" total slip {_slip(story)}{_gap_note(story.gaps)}."
    )


def _slip(story: History) -> str:
    """How far the date moved from the first dated listing to the latest."""
    dated = [s.milestone.when for s in story.present if isinstance(s.milestone.when, Period)]
    return moved(dated[0], dated[-1]) if dated else months(0)


def _change(previous: When | None, when: When) -> str:
    if previous is None:
        return "first listed"
    relation = when_relation(previous, when)
    if relation is Relation.SAME:
        return "unchanged"
    if when_months(previous, when) is None:
        return UNDATED.get(relation, str(relation.value)).lower()
    return f"{moved(previous, when)}, {relation.value}"


@attrs.frozen
class SlipText:
    """Render the archive-wide slip table: which initiatives slipped most.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> print(SlipText()(Timeline(Archive.bundled().editions).slips()), end="")
        No milestone is listed in more than one edition yet.
    """

    def __call__(self, rows: tuple[InitiativeSlip, ...]) -> str:
        """The table, ending with a newline."""
        if not rows:
            return "No milestone is listed in more than one edition yet.\n"
        head = ("initiative", "tracked", "slipped", "shifts", "largest slip")
        body = [
            (r.name, str(r.tracked), str(r.slipped), str(r.shifts), months(r.largest_slip))
            for r in rows
        ]
        widths = [max(len(row[k]) for row in [head, *body]) for k in range(5)]
        return (
            "\n".join(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
                for row in [head, *body]
            )
            + "\n"
        )
