"""Where a trend chart puts things, shared by the drawn chart and the page's inline one.

Each milestone's line stands, edition by edition, at the middle of the period given;
lines of milestones on one date are moved apart; a milestone no longer listed was either
dropped (left out while still due) or aged out (left out once its period had passed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from calaim_timeline.history import History
from calaim_timeline.period import Period, UnknownDate
from calaim_timeline.render._time_axis import middle

__all__ = ["APART", "apart", "ending", "heights"]

APART: Final = 1.5
"""How many days apart the lines of milestones on the same dates are drawn."""


def heights(story: History, x_of: dict[str, float]) -> dict[str, float]:
    """Where each listing stands on the forecast axis: the middle of its period.

    A listing whose date is unknown stands at the date last given (else the next one
    given; else, on the diagonal, at the edition's own date).

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> story = Timeline(Archive.bundled().editions).find("mot-carve-in-live")
        >>> heights(story, {"2021-01": 18643.5, "2021-11": 18947.0})
        {'2021-11': 19008.5}
    """
    given = [
        (s.edition, middle(s.milestone.when))
        for s in story.present
        if isinstance(s.milestone.when, Period)
    ]
    found = {}
    for listing in story.present:
        x = x_of[listing.edition]
        before = [y for e, y in given if x_of[e] <= x]
        after = [y for e, y in given if x_of[e] > x]
        if before:
            found[listing.edition] = before[-1]
        elif after:
            found[listing.edition] = after[0]
        else:
            found[listing.edition] = x  # never dated: on the diagonal
    return found


def apart(stories: Sequence[History]) -> dict[str, float]:
    """How far each milestone's line is moved up or down, in days, to stand apart.

    Milestones whose latest listings give the same date would be drawn one over the
    other: each of such a group is moved by :data:`APART` days from the next, around
    the date (their bands stay where they are).

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> stories = Timeline(Archive.bundled().editions).of_initiative("ecm-ilos")
        >>> sorted(set(apart(stories).values()))
        [-1.5, -0.75, 0.0, 0.75, 1.5]
    """
    groups: dict[object, list[str]] = {}
    for story in stories:
        groups.setdefault(story.latest.milestone.when, []).append(story.key)
    return {
        key: (k - (len(keys) - 1) / 2) * APART
        for keys in groups.values()
        for k, key in enumerate(keys)
    }


def ending(story: History) -> tuple[Literal["dropped", "aged"], str] | None:
    """How a milestone left the list, and the first edition without it; None while listed.

    Left out while not yet passed, it was dropped; left out once its period had passed by
    the next edition, it aged out.

    Examples:
        >>> from calaim_timeline import Archive
        >>> from calaim_timeline.history import Timeline
        >>> print(ending(Timeline(Archive.bundled().editions).find("mot-carve-in-live")))
        None
    """
    order = [edition for edition, _ in story.editions]
    last = order.index(story.last_seen)
    if last == len(order) - 1:
        return None
    gone = order[last + 1]
    latest = story.latest.milestone.when
    if isinstance(latest, UnknownDate) or latest.end >= dict(story.editions)[gone].start:
        return ("dropped", gone)
    return ("aged", gone)
