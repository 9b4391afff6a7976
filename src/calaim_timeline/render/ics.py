"""An edition as an iCalendar file (RFC 5545), through the ``icalendar`` library.

One all-day event per milestone, covering its whole period. The UID comes from the
milestone's history, so the same milestone has the same UID in every edition, and
SEQUENCE counts the editions in which it changed, so that calendar applications update
an event instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import attrs

from calaim_timeline.history import Timeline
from calaim_timeline.model import Edition, Initiative, Milestone

__all__ = ["EditionIcs", "uid"]

PRODID = "-//calaim-timeline//CalAIM Milestones Calendar//EN"


def uid(key: str) -> str:
    """The event UID of the milestone whose history key is ``key``.

    Examples:
        >>> uid("mot-carve-in-live")
        'mot-carve-in-live@calaim-timeline'
    """
    return f"{key}@calaim-timeline"


def _description(edition: Edition, initiative: Initiative, milestone: Milestone) -> str:
    lines = [f"Initiative: {initiative.name}", f"Target: {milestone.when}"]
    if milestone.when.text is not None:
        lines.append(f'As worded: "{milestone.when.text}"')
    lines += [f"- {item.text}" for item in milestone.sub_items]
    numbers = [*milestone.footnotes, *(n for item in milestone.sub_items for n in item.footnotes)]
    lines += [f"[{n}] {edition.footnote(n).text}" for n in dict.fromkeys(numbers)]
    lines.append(f"Source: {edition.title}")
    return "\n".join(lines)


@attrs.frozen
class EditionIcs:
    """Render an edition as iCalendar text; ``timeline`` gives stable UIDs and SEQUENCE.

    Without a timeline the UID comes from the milestone's lineage and SEQUENCE is 0.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from icalendar import Calendar
        >>> archive = Archive.bundled()
        >>> text = EditionIcs(Timeline(archive.editions))(archive["2021-11"])
        >>> len(Calendar.from_ical(text).walk("VEVENT"))
        56
    """

    timeline: Timeline | None = None

    def __call__(self, edition: Edition) -> str:
        """The calendar text (CRLF line ends, as RFC 5545 has them)."""
        from icalendar import Calendar, Event  # noqa: PLC0415 - only calendar export needs it

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", edition.title)
        stamp = datetime(edition.as_of.start.year, edition.as_of.start.month, 1, tzinfo=UTC)
        for initiative, milestone in edition.milestones():
            key, sequence = (
                self.timeline.sequence(edition.id, milestone.lineage)
                if self.timeline
                else (milestone.lineage, 0)
            )
            kind = milestone.kind.value.replace("-", " ").capitalize() if milestone.kind else None
            event = Event()
            event.add("uid", uid(key))
            event.add("dtstamp", stamp)
            event.add("dtstart", milestone.when.start)
            if milestone.when.end < date.max:
                event.add("dtend", milestone.when.end + timedelta(days=1))
            else:  # the day after 9999-12-31 has no date: say how long instead (RFC 5545)
                event.add("duration", milestone.when.end - milestone.when.start + timedelta(1))
            event.add("summary", f"{kind}: {milestone.title}" if kind else milestone.title)
            event.add("categories", [c for c in (kind, initiative.name) if c])
            event.add("description", _description(edition, initiative, milestone))
            event.add("sequence", sequence)
            calendar.add_component(event)
        return str(calendar.to_ical().decode("utf-8"))
