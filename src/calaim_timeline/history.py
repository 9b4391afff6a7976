"""One milestone across every edition, how far it slipped, and what is due when.

A :class:`Timeline` follows each milestone through an archive's editions, oldest first,
pairing it from one edition to the next as :func:`calaim_timeline.matching.match` does (so a
retitled milestone stays the same milestone even if its lineage id changed). Its
:class:`History` gives the period each edition gave, where it was absent, when it was
first and last seen, the number of shifts and the total slip in months.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import cached_property

import attrs

from calaim_timeline._following import follow
from calaim_timeline._notation import LAST_MONTH, last_day, month_index, month_start
from calaim_timeline._paused import paused
from calaim_timeline._stories import History, InitiativeSlip, Listing, Move, Sighting
from calaim_timeline.diffing import DiffOptions, EditionDiff, diff
from calaim_timeline.errors import EditionNotFoundError, MilestoneNotFoundError, OptionError
from calaim_timeline.model import Edition, Initiative, Milestone, MilestoneKind
from calaim_timeline.period import Period

__all__ = [
    "History",
    "InitiativeSlip",
    "Listing",
    "MilestoneNotFoundError",
    "Move",
    "Sighting",
    "Timeline",
    "changelog",
    "known_at",
    "upcoming",
]


@paused
def _histories(editions: tuple[Edition, ...], threshold: float) -> tuple[History, ...]:
    """Every milestone's history through ``editions`` (sorted), in order of birth.

    Many small objects that form no cycles: built with the cyclic collector paused, as
    :func:`~calaim_timeline.diffing.diff` is (a third of the time at 200 editions).
    """
    stubs = tuple((e.id, e.as_of) for e in editions)
    return tuple(
        History(
            key=chain[0][2].lineage,
            editions=stubs,
            present=tuple(
                Listing(stubs[k][0], stubs[k][1], initiative, milestone)
                for k, initiative, milestone in chain
            ),
        )
        for chain in follow(editions, threshold=threshold)
    )


def _chronological(editions: Iterable[Edition]) -> tuple[Edition, ...]:
    """The editions oldest first; OptionError for two with one id (histories would mix)."""
    try:
        given = tuple(editions)
    except TypeError:
        msg = f"expected editions, a list of Edition (got {type(editions).__name__})"
        raise OptionError(msg) from None
    values: tuple[object, ...] = given  # checked at run time, whatever the type says
    strays = [type(value).__name__ for value in values if not isinstance(value, Edition)]
    if strays:
        msg = f"expected an Edition (got {strays[0]})"
        raise OptionError(msg)
    ordered = tuple(sorted(given, key=lambda e: (e.as_of, e.id)))
    seen: dict[str, Edition] = {}
    for edition in ordered:
        first = seen.setdefault(edition.id, edition)
        if first is not edition:
            msg = (
                f"two editions have the id {edition.id!r}: {first.title!r} (as of"
                f" {first.as_of}) and {edition.title!r} (as of {edition.as_of}); give each"
                " edition its own id"
            )
            raise OptionError(msg)
    return ordered


def _options(options: DiffOptions | None) -> DiffOptions:
    return options or DiffOptions()


@attrs.frozen
class Timeline:
    """The histories of every milestone of ``editions`` (any order; sorted by as-of month).

    A value like the other domain types: frozen, equal to another of the same editions
    and options. Following the milestones is done on first use of :attr:`histories`, and
    the index calendar exports ask of it on first use of :meth:`sequence`.

    Examples:
        >>> from calaim_timeline import Archive
        >>> timeline = Timeline(Archive.bundled().editions)
        >>> story = timeline.find("mot-carve-in-live")
        >>> story.first_seen, str(story.latest.milestone.when), story.slip_months
        ('2021-11', '2022-01', 0)
        >>> timeline == Timeline(reversed(Archive.bundled().editions))
        True
    """

    editions: tuple[Edition, ...] = attrs.field(converter=_chronological)
    """The editions, oldest first (by as-of month, then id)."""
    options: DiffOptions = attrs.field(converter=_options, default=None, kw_only=True)
    """How milestones are matched from one edition to the next."""

    @cached_property
    def histories(self) -> tuple[History, ...]:
        """Every milestone followed through the editions, across those that omit it."""
        return _histories(self.editions, self.options.threshold)

    @cached_property
    def _revisions(self) -> dict[tuple[str, str], tuple[str, int]]:
        """(edition id, lineage) -> (key, revision): what calendar exports ask of each event."""
        revisions: dict[tuple[str, str], tuple[str, int]] = {}
        for story in self.histories:
            changed = 0
            previous = None
            for listing in story.present:
                if previous is not None and _differs(previous, listing):
                    changed += 1
                revisions[listing.edition, listing.milestone.lineage] = (story.key, changed)
                previous = listing
        return revisions

    def find(self, reference: str) -> History:
        """The history named by an id or lineage, or by a fragment of a title found once."""
        exact = [h for h in self.histories if reference in h.names()]
        if len(exact) == 1:
            return exact[0]
        wanted = reference.casefold()
        found = exact or [
            h
            for h in self.histories
            if any(wanted in s.milestone.title.casefold() for s in h.present)
        ]
        if len(found) == 1:
            return found[0]
        if not found:
            msg = f"no milestone has the id, lineage or a title containing {reference!r}"
            raise MilestoneNotFoundError(msg)
        shown = ", ".join(sorted(h.latest.milestone.id for h in found)[:8])
        msg = f"{reference!r} names {len(found)} milestones ({shown}); give an id"
        raise MilestoneNotFoundError(msg)

    def of_initiative(self, reference: str) -> tuple[History, ...]:
        """The histories of the milestones an initiative (its id or name) lists in any edition.

        Examples:
            >>> from calaim_timeline import Archive
            >>> timeline = Timeline(Archive.bundled().editions)
            >>> [h.key for h in timeline.of_initiative("Incentive Payments")]
            ['ipp-gap-assessment-submissions', 'ipp-program-year-1-live', 'ipp-first-payments']
        """
        wanted = reference.casefold()
        found = tuple(
            h
            for h in self.histories
            if any(wanted in {s.initiative.id, s.initiative.name.casefold()} for s in h.present)
        )
        if not found:
            known = sorted({s.initiative.id for h in self.histories for s in h.present})
            msg = f"no initiative has the id or name {reference!r} (ids: {', '.join(known)})"
            raise MilestoneNotFoundError(msg)
        return found

    def sequence(self, edition_id: str, lineage: str) -> tuple[str, int]:
        """The stable key and the revision number of a milestone as an edition lists it.

        The revision number counts the editions, up to this one, in which the milestone
        differed from the edition before (its id and lineage aside): calendar exports
        raise SEQUENCE with it.
        """
        try:
            return self._revisions[edition_id, lineage]
        except KeyError:
            msg = f"edition {edition_id!r} has no milestone with lineage {lineage!r}"
            raise MilestoneNotFoundError(msg) from None

    def slips(self) -> tuple[InitiativeSlip, ...]:
        """Per initiative (as the latest edition names it): which slipped most, first."""
        table: dict[str, list[History]] = {}
        for story in self.histories:
            if len(story.present) > 1:
                table.setdefault(story.latest.initiative.id, []).append(story)
        rows = [
            InitiativeSlip(
                initiative_id=initiative,
                name=stories[-1].latest.initiative.name,
                tracked=len(stories),
                slipped=sum(1 for s in stories if s.slip_months > 0),
                shifts=sum(s.shifts for s in stories),
                largest_slip=max(0, *(s.slip_months for s in stories)),
            )
            for initiative, stories in table.items()
        ]
        return tuple(sorted(rows, key=lambda r: (-r.largest_slip, -r.slipped, -r.shifts, r.name)))


def _differs(a: Listing, b: Listing) -> bool:
    """Whether the milestone changed between two listings, its id and lineage aside."""
    old, new = a.milestone, b.milestone
    return (old.title, old.kind, old.when, old.sub_items, old.footnotes, old.status) != (
        new.title,
        new.kind,
        new.when,
        new.sub_items,
        new.footnotes,
        new.status,
    )


def changelog(
    editions: Sequence[Edition], *, since: str | None = None, options: DiffOptions | None = None
) -> tuple[EditionDiff, ...]:
    """Each edition against the one before it, newest first (after ``since``, if given).

    Examples:
        >>> from calaim_timeline import Archive
        >>> [(d.old.edition.id, d.new.edition.id) for d in changelog(Archive.bundled().editions)]
        [('2021-01', '2021-11')]
    """
    ordered = _chronological(editions)
    if since is not None:
        ids = [e.id for e in ordered]
        if since not in ids:
            msg = f"no edition {since!r} to start the change log after (editions: {', '.join(ids)})"
            raise EditionNotFoundError(msg)
        start = ids.index(since)
    else:
        start = 0
    pairs = zip(ordered[start:], ordered[start + 1 :], strict=False)
    return tuple(diff(old, new, options=options) for old, new in pairs)[::-1]


def known_at(editions: Iterable[Edition], day: date) -> Edition:
    """The newest edition already out on ``day`` (as of a month starting on or before it).

    Examples:
        >>> from datetime import date
        >>> from calaim_timeline import Archive
        >>> known_at(Archive.bundled().editions, date(2021, 6, 1)).id
        '2021-01'
        >>> known_at(Archive.bundled().editions, date(2021, 11, 1)).id
        '2021-11'
    """
    known = [e for e in editions if e.as_of.start <= day]
    if not known:
        msg = f"no edition is as of a month on or before {day.isoformat()}"
        raise EditionNotFoundError(msg)
    return max(known, key=lambda e: (e.as_of, e.id))


def upcoming(
    edition: Edition,
    day: date,
    *,
    within: int = 3,
    kinds: Iterable[MilestoneKind | None] | None = None,
) -> tuple[tuple[Initiative, Milestone], ...]:
    """What ``edition`` says is due from ``day`` through the next ``within`` months.

    A milestone is due when its period has not ended before ``day`` and starts before
    the window closes; ``kinds`` keeps only those kinds (None for unmarked). A
    milestone whose date is unknown is not due in any window.

    Examples:
        >>> from datetime import date
        >>> from calaim_timeline import Archive, MilestoneKind
        >>> due = upcoming(Archive.bundled()["2021-11"], date(2022, 1, 1), within=1,
        ...                kinds=[MilestoneKind.PROGRAM_LAUNCH])
        >>> [m.id for _, m in due][:3]
        ['mot-carve-in-live', 'mssp-carve-out-live', 'waiver-effective-date']
    """
    target = month_index(day) + within
    if target > LAST_MONTH:  # past December 9999: everything to the end of the calendar
        horizon, reached = date.max, date.__le__
    else:
        month = month_start(target)
        horizon = month.replace(day=min(day.day, last_day(month.year, month.month).day))
        reached = date.__lt__
    wanted = None if kinds is None else set(kinds)
    due = [
        (i, m)
        for i, m in edition.milestones
        if isinstance(m.when, Period)
        and m.when.end >= day
        and reached(m.when.start, horizon)
        and (wanted is None or m.kind in wanted)
    ]
    return tuple(sorted(due, key=lambda pair: (pair[1].when, pair[0].name, pair[1].title)))
