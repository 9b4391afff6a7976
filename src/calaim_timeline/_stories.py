"""One milestone's story through the editions: where it was listed, each move, its slip.

The values a :class:`~calaim_timeline.history.Timeline` gives (re-exported there).
"""

from __future__ import annotations

from functools import cached_property
from itertools import pairwise
from typing import Final

import attrs

from calaim_timeline.model import Initiative, Milestone
from calaim_timeline.period import Period, Relation, When, when_months, when_relation

__all__ = ["History", "InitiativeSlip", "Listing", "Move", "Sighting"]

_NOT_SHIFTS: Final = {Relation.SAME, Relation.RESTATED}


@attrs.frozen
class Listing:
    """An edition that lists the milestone, with the milestone and its initiative there.

    Examples:
        >>> from calaim_timeline import Archive, Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> listing = story.latest
        >>> listing.edition, listing.initiative.name, str(listing.milestone.when)
        ('2021-11', 'Benefits Standardization', '2022-01')
    """

    edition: str
    as_of: Period
    initiative: Initiative
    milestone: Milestone


@attrs.frozen
class Sighting:
    """What one edition says of the milestone: ``listing`` is None where it is absent.

    Examples:
        >>> from calaim_timeline import Archive, Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> [(s.edition, s.listing is not None) for s in story.sightings]
        [('2021-01', False), ('2021-11', True)]
    """

    edition: str
    as_of: Period
    listing: Listing | None = None


@attrs.frozen
class Move:
    """How the date changed from one edition to the next (either may be unknown).

    Examples:
        >>> move = Move("2021-11", "2022-02", Period.parse("2022-01"), Period.parse("2022-03"))
        >>> move.relation.value, move.months
        ('delayed', 2)
    """

    old_edition: str
    new_edition: str
    old: When
    new: When

    @property
    def relation(self) -> Relation:
        """Delayed, advanced, narrowed, widened, restated or same; undated or dated."""
        return when_relation(self.old, self.new)

    @property
    def months(self) -> int | None:
        """The signed move of the period's last month; None where a date is unknown."""
        return when_months(self.old, self.new)


@attrs.frozen
class History:
    """One milestone through every edition of an archive, oldest first.

    Examples:
        >>> import attrs
        >>> from calaim_timeline import Archive, Period, Timeline
        >>> november = Archive.bundled()["2021-11"]
        >>> def later(initiative):  # the MOT carve-in moves from January to March
        ...     return attrs.evolve(initiative, milestones=tuple(
        ...         attrs.evolve(m, when=Period.parse("2022-03"))
        ...         if m.id == "mot-carve-in-live" else m
        ...         for m in initiative.milestones))
        >>> february = attrs.evolve(november, id="2022-02", as_of=Period.parse("2022-02"),
        ...                         initiatives=tuple(map(later, november.initiatives)))
        >>> story = Timeline([november, february]).find("mot-carve-in-live")
        >>> story.first_seen, story.last_seen, story.shifts, story.slip_months
        ('2021-11', '2022-02', 1, 2)
    """

    key: str
    """The lineage the milestone had when first listed: stable across editions."""
    editions: tuple[tuple[str, Period], ...] = attrs.field(repr=False)
    """Every edition of the timeline, (id, as-of month), oldest first."""
    present: tuple[Listing, ...]
    """The editions that list the milestone, oldest first."""

    @cached_property
    def sightings(self) -> tuple[Sighting, ...]:
        """What every edition says of the milestone, oldest first (built on first use)."""
        listed = {listing.edition: listing for listing in self.present}
        return tuple(Sighting(e, as_of, listed.get(e)) for e, as_of in self.editions)

    @property
    def latest(self) -> Listing:
        """The newest edition that lists it."""
        return self.present[-1]

    @property
    def first_seen(self) -> str:
        """The id of the first edition that lists it."""
        return self.present[0].edition

    @property
    def last_seen(self) -> str:
        """The id of the last edition that lists it."""
        return self.latest.edition

    @property
    def gaps(self) -> tuple[str, ...]:
        """The editions between the first and the last listing that do not list it."""
        listed = {listing.edition for listing in self.present}
        ids = [edition for edition, _ in self.editions]
        between = ids[ids.index(self.first_seen) : ids.index(self.last_seen)]
        return tuple(edition for edition in between if edition not in listed)

    def moves(self) -> tuple[Move, ...]:
        """The period from each listing edition to the next."""
        seen = self.present
        return tuple(
            Move(a.edition, b.edition, a.milestone.when, b.milestone.when)
            for a, b in pairwise(seen)
        )

    @property
    def shifts(self) -> int:
        """How many times the period moved (a restatement in other words is not a move)."""
        return sum(1 for m in self.moves() if m.relation not in _NOT_SHIFTS)

    @property
    def slip_months(self) -> int:
        """The move of the last month, first dated listing to latest (positive: later).

        Listings whose date is unknown are passed over.
        """
        dated = [s.milestone.when for s in self.present if isinstance(s.milestone.when, Period)]
        return Period.shift_months(dated[0], dated[-1]) if dated else 0

    def names(self) -> set[str]:
        """Every id and lineage the milestone had."""
        return {x for s in self.present for x in (s.milestone.id, s.milestone.lineage)}


@attrs.frozen
class InitiativeSlip:
    """How one initiative's milestones slipped: how many, how often, and the largest slip.

    Slips are never added up over milestones: two milestones six months late are not
    twelve months of slip. The largest is one milestone's, from its first listing to its
    last.

    Examples:
        >>> from calaim_timeline import Archive, Timeline
        >>> Timeline(Archive.bundled().editions).slips()  # no milestone is in both editions
        ()
        >>> slip = InitiativeSlip(initiative_id="dental", name="Dental", tracked=4,
        ...                       slipped=2, shifts=3, largest_slip=6)
        >>> f"{slip.slipped} of {slip.tracked} slipped, the most by {slip.largest_slip} months"
        '2 of 4 slipped, the most by 6 months'
    """

    initiative_id: str
    name: str
    tracked: int
    """How many of its milestones are listed in more than one edition."""
    slipped: int
    """How many of them are due later in their last listing than in their first."""
    shifts: int
    """How many times their dates moved, over all of them."""
    largest_slip: int
    """The largest slip of one of them (months, first listing to last); 0 if none slipped."""
