"""How a milestone's date moved between two editions, in one word (re-exported by period)."""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["Relation"]


class Relation(enum.Enum):
    """How a period moved from one edition (old) to the next (new).

    ``same``: identical, wording included. ``restated``: same bounds, other precision
    or wording. ``narrowed``: new lies inside old. ``widened``: old lies inside new.
    ``delayed`` / ``advanced``: both bounds moved later / earlier. Between a period and
    an unknown date (see :func:`when_relation`): ``undated``, the date is now unknown;
    ``dated``, it is set again.

    Examples:
        >>> from calaim_timeline import Period
        >>> Period.relation(Period.parse("2022-01"), Period.parse("2022-03"))
        <Relation.DELAYED: 'delayed'>
        >>> Period.relation(Period.parse("2022-Q1"), Period.parse("2022-02"))
        <Relation.NARROWED: 'narrowed'>
    """

    SAME = "same"
    DELAYED = "delayed"
    ADVANCED = "advanced"
    NARROWED = "narrowed"
    WIDENED = "widened"
    RESTATED = "restated"
    UNDATED = "undated"
    DATED = "dated"

    @property
    def inverse(self) -> Relation:
        """The relation seen from the other side (delayed <-> advanced, ...).

        Examples:
            >>> Relation.NARROWED.inverse
            <Relation.WIDENED: 'widened'>
        """
        return _INVERSE.get(self, self)


_INVERSE: Final = {
    Relation.DELAYED: Relation.ADVANCED,
    Relation.ADVANCED: Relation.DELAYED,
    Relation.NARROWED: Relation.WIDENED,
    Relation.WIDENED: Relation.NARROWED,
    Relation.UNDATED: Relation.DATED,
    Relation.DATED: Relation.UNDATED,
}
