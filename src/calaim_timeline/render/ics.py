"""An edition as an iCalendar file (RFC 5545), through the ``icalendar`` library.

One all-day event per milestone, covering its whole period. The UID comes from the
milestone's history, so the same milestone has the same UID in every edition, and
SEQUENCE counts the editions in which it changed, so that calendar applications update
an event instead of adding a second one.

A calendar made for subscribing names itself (``NAME``, ``X-WR-CALNAME``) and says how
often to fetch it again (``REFRESH-INTERVAL``, ``X-PUBLISHED-TTL``; RFC 7986). Milestones
that an earlier edition listed and this one does not follow one rule:

- gone while still due, or now beyond the window: kept, with ``STATUS:CANCELLED``, the
  period of their last listing and SEQUENCE one above their last, so that a subscribed
  calendar marks the event cancelled instead of silently losing it;
- aged out (their period ended before this edition's window): left out, as the window has
  moved past them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Final

import attrs

from calaim_timeline.changes import DropReason
from calaim_timeline.history import History, Listing, Timeline
from calaim_timeline.model import Edition, Initiative, Milestone
from calaim_timeline.period import Period, UnknownDate
from calaim_timeline.render._describe import DROPPED

if TYPE_CHECKING:
    from icalendar import Event

__all__ = ["REFRESH", "EditionIcs", "uid"]

PRODID = "-//calaim-timeline//CalAIM Milestones Calendar//EN"
REFRESH: Final = timedelta(days=7)
"""How often a subscribed calendar is asked to fetch the file again, by default."""


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

    Without a timeline the UID comes from the milestone's lineage, SEQUENCE is 0 and
    nothing is cancelled. ``name`` is the calendar's name (default: the edition's title);
    ``refresh`` how often subscribers fetch it again.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from icalendar import Calendar
        >>> archive = Archive.bundled()
        >>> text = EditionIcs(Timeline(archive.editions), name="CalAIM")(archive["2021-11"])
        >>> calendar = Calendar.from_ical(text)
        >>> str(calendar["NAME"]), calendar["REFRESH-INTERVAL"].dt
        ('CalAIM', datetime.timedelta(days=7))
        >>> [str(e["STATUS"]) for e in calendar.walk("VEVENT")].count("CANCELLED")
        3
    """

    timeline: Timeline | None = None
    name: str | None = None
    refresh: timedelta = REFRESH

    def __call__(self, edition: Edition) -> str:
        """The calendar text (CRLF line ends, as RFC 5545 has them)."""
        from icalendar import Calendar, vDuration  # noqa: PLC0415 - only calendar export needs it

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        name = self.name or edition.title
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", self.refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(self.refresh))
        for initiative, milestone in edition.milestones:
            if isinstance(milestone.when, UnknownDate):
                continue  # an event needs a date
            key, sequence = (
                self.timeline.sequence(edition.id, milestone.lineage)
                if self.timeline
                else (milestone.lineage, 0)
            )
            listing = Listing(edition.id, edition.as_of, initiative, milestone)
            event = _event(edition, edition, listing, milestone.when, revision=(key, sequence))
            event.add("status", "CONFIRMED")
            calendar.add_component(event)
        for story in self.dropped(edition):
            last = story.latest
            when = last.milestone.when
            assert isinstance(when, Period)  # noqa: S101 - dropped() keeps dated ones only
            assert self.timeline is not None  # noqa: S101 - dropped() found none without one
            _, sequence = self.timeline.sequence(last.edition, last.milestone.lineage)
            listed = next(e for e in self.timeline.editions if e.id == last.edition)
            reason = DropReason.of(last.milestone.when, edition.window)
            note = (
                f"Cancelled: edition {edition.id} no longer lists it"
                f" ({DROPPED[reason]}); last listed in edition {last.edition}."
            )
            event = _event(
                edition, listed, last, when, revision=(story.key, sequence + 1), note=note
            )
            event.add("status", "CANCELLED")
            calendar.add_component(event)
        return str(calendar.to_ical().decode("utf-8"))

    def dropped(self, edition: Edition) -> tuple[History, ...]:
        """The milestones an earlier edition listed that ``edition`` drops while due.

        Those gone while still due and those now beyond its window, by their last
        listing; not those that aged out, nor those last listed without a date (no
        event was exported for them).
        """
        if self.timeline is None:
            return ()
        before = {e.id for e in self.timeline.editions if e.as_of <= edition.as_of}
        before.discard(edition.id)
        return tuple(
            story
            for story in self.timeline.histories
            if story.latest.edition in before
            and isinstance(story.latest.milestone.when, Period)
            and DropReason.of(story.latest.milestone.when, edition.window)
            is not DropReason.AGED_OUT
        )


def _event(  # noqa: PLR0913 - the event's parts
    edition: Edition,
    listed: Edition,
    listing: Listing,
    when: Period,
    *,
    revision: tuple[str, int],
    note: str = "",
) -> Event:
    """The event of a milestone as ``listed`` gave it (``when``), exported with ``edition``.

    ``revision`` is the event's history key and SEQUENCE; ``note`` opens the description.
    """
    key, sequence = revision
    from icalendar import Event  # noqa: PLC0415 - only calendar export needs it

    milestone = listing.milestone
    kind = milestone.kind.words.capitalize() if milestone.kind else None
    stamp = datetime(edition.as_of.start.year, edition.as_of.start.month, 1, tzinfo=UTC)
    event = Event()
    event.add("uid", uid(key))
    event.add("dtstamp", stamp)
    event.add("dtstart", when.start)
    if when.end < date.max:
        event.add("dtend", when.end + timedelta(days=1))
    else:  # the day after 9999-12-31 has no date: say how long instead (RFC 5545)
        event.add("duration", when.end - when.start + timedelta(1))
    event.add("summary", f"{kind}: {milestone.title}" if kind else milestone.title)
    event.add("categories", [c for c in (kind, listing.initiative.name) if c])
    description = _description(listed, listing.initiative, milestone)
    event.add("description", f"{note}\n{description}" if note else description)
    event.add("sequence", sequence)
    return event
