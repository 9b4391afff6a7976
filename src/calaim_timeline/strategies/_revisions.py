"""The derived-edition oracle: an edition, a next edition made from it, and what changed."""

from __future__ import annotations

import math
from datetime import date
from typing import Final

import attrs
from hypothesis import strategies as st

from calaim_timeline._notation import month_index, month_start
from calaim_timeline.changes import AddReason, DropReason
from calaim_timeline.model import Edition, Initiative, Milestone, MilestoneKind
from calaim_timeline.period import Period, Precision, When
from calaim_timeline.strategies._model import editions
from calaim_timeline.strategies._shapes import (
    _MILESTONE_SHAPES,
    _PERIOD_SHAPES,
    _SLOTS,
    _MilestoneShape,
    _Place,
)

__all__ = ["Edit", "Revision", "revisions"]

_WORDS: Final = tuple(
    """
    access adult agency allocation amendment application approval assessment
    authorization beneficiary benefit billing budget bulletin calendar capitation care
    carve certification children choice claims clinician coding community concurrent
    contract coordination county coverage criteria data deadline delivery demonstration
    dental deliverables design determination documentation draft eligibility enrollment
    evidence exchange facility federal fiscal foster funding gap guidance health
    homelessness hospital improvement incentive incarceration information initiative
    inpatient integration justice launch letter lead licensing managed manual measure
    medicaid medical member methodology mitigation model monitoring network notice organ
    outreach oversight packet parameters partnership payment performance phase pilot
    plan policy population portal premium prevention procurement program proposal
    provider psychiatric quality rate readiness recoupment referral regional release
    renewal report requirement residential review risk roadmap savings screening senior
    service services settlement specialty standards statewide strategy submission
    substance support system technical timeline transition transplant treatment update
    vendor waiver workforce workgroup
    """.split()  # noqa: SIM905 - a list of words reads best as text
)
"""Words for titles; titles cut from one order of them share no word, so no two are alike."""

Edit = tuple[str, str | None, str | None, str | None]
"""An expected change: (change name, initiative id, milestone id, reason or None)."""

_CHANGES: Final = {
    "shift": "milestone-shifted",
    "retitle": "milestone-retitled",
    "rekind": "milestone-rekinded",
    "move": "milestone-moved",
}
_OPS: Final = st.sampled_from(
    ("keep", "keep", "shift", "drop", "retitle", "retitle", "rekind", "move")
)
_BASES: Final = editions(max_initiatives=4)
_STRIDES: Final = tuple(k for k in range(1, len(_WORDS)) if math.gcd(k, len(_WORDS)) == 1)
# Every word once, from a drawn start in drawn steps: varied orders for two draws, where a
# permutation costs a draw per word.
_WORD_ORDERS: Final = st.builds(
    lambda start, stride: [_WORDS[(start + i * stride) % len(_WORDS)] for i in range(len(_WORDS))],
    st.integers(0, len(_WORDS) - 1),
    st.sampled_from(_STRIDES),
)
_ADDED: Final = st.lists(st.tuples(_SLOTS, _MILESTONE_SHAPES), max_size=3)


@attrs.frozen
class Revision:
    """An edition, a next edition derived from it, and the changes that derivation made.

    ``edits`` holds one (change, initiative, milestone, reason) per change, as a diff of
    ``old`` and ``new`` must report it: ids are the new edition's (the old one's for a
    drop), reason is the add or drop reason's value.

    Examples:
        >>> from hypothesis import given
        >>> @given(revisions())
        ... def test_a_new_edition(revision):
        ...     assert revision.old.id != revision.new.id
        ...     assert all(change.startswith(("milestone-", "initiative-", "window-"))
        ...                for change, _, _, _ in revision.edits)
        >>> test_a_new_edition()
    """

    old: Edition
    new: Edition
    edits: frozenset[Edit]


@attrs.define
class _Reviser:
    """The state of one derivation: fresh ids, unused words, and the edits made so far."""

    draw: st.DrawFn
    words: list[str]
    taken: set[str]
    window: Period
    edits: set[Edit] = attrs.Factory(set)

    def title(self) -> str:
        return " ".join(self.words.pop() for _ in range(3))

    def fresh(self, stem: str) -> str:
        candidate = f"{stem}-next"
        while candidate in self.taken:
            candidate += "-next"
        self.taken.add(candidate)
        return candidate

    def shifted(self, when: When) -> Period:
        """A period inside the window other than ``when``: the drawn one, or a first or last day."""
        drawn = _Place.within(self.window).period(self.draw(_PERIOD_SHAPES))
        ends = (Period.day(self.window.start), Period.day(self.window.end))
        return next(period for period in (drawn, *ends) if period != when)

    def revise(
        self, milestone: Milestone, home: str, homes: list[str]
    ) -> tuple[str, Milestone] | None:
        """Apply one drawn edit to ``milestone``; None when it is dropped."""
        op = self.draw(_OPS)
        if op == "drop" or (
            isinstance(milestone.when, Period) and not milestone.when.overlaps(self.window)
        ):
            reason = DropReason.of(milestone.when, self.window).value
            self.edits.add(("milestone-dropped", home, milestone.id, reason))
            return None
        change = _CHANGES.get(op)
        if op == "shift":
            milestone = attrs.evolve(milestone, when=self.shifted(milestone.when))
        elif op == "retitle":  # a new id and lineage: matching has to find it by its title
            title = milestone.title.upper() if self.draw(st.booleans()) else milestone.title + "s"
            new_id = self.fresh(milestone.id)
            milestone = attrs.evolve(milestone, title=title, id=new_id, lineage=new_id)
        elif op == "rekind":
            kinds = [k for k in (None, *MilestoneKind) if k is not milestone.kind]
            milestone = attrs.evolve(milestone, kind=kinds[self.draw(_SLOTS) % len(kinds)])
        elif op == "move" and len(homes) > 1:
            others = [h for h in homes if h != home]
            home = others[self.draw(_SLOTS) % len(others)]
        else:
            change = None
        if change is not None:
            self.edits.add((change, home, milestone.id, None))
        return home, milestone

    def add(self, home: str, shape: _MilestoneShape, old: Edition) -> Milestone:
        new_id = self.fresh("added")
        place = _Place.within(self.window, tuple(note.number for note in old.footnotes))
        milestone = attrs.evolve(
            place.milestone(shape), id=new_id, lineage=new_id, title=self.title()
        )
        reason = AddReason.of(milestone.when, old.window).value
        self.edits.add(("milestone-added", home, new_id, reason))
        return milestone

    def rename(self, initiative: Initiative) -> Initiative:
        renamed = attrs.evolve(
            initiative, id=self.fresh(initiative.id), name=self.title(), aliases=(initiative.id,)
        )
        self.edits.add(("initiative-renamed", renamed.id, None, None))
        return renamed


def _retitled(base: Edition, words: list[str]) -> Edition:
    """``base`` with every name and title cut from ``words`` (and no aliases)."""

    def title() -> str:
        return " ".join(words.pop() for _ in range(3))

    return attrs.evolve(
        base,
        initiatives=tuple(
            attrs.evolve(
                i,
                name=title(),
                aliases=(),
                milestones=tuple(attrs.evolve(m, title=title()) for m in i.milestones),
            )
            for i in base.initiatives
        ),
    )


def _later(window: Period, months: int) -> Period:
    def month_after(day: date) -> Period:
        first = month_start(month_index(day) + months)
        return Period.month(first.year, first.month)

    start = month_after(window.start)
    if window.precision is Precision.MONTH:
        return start
    return Period.months(start, month_after(window.end))


@st.composite
def revisions(draw: st.DrawFn) -> Revision:
    """An edition and a next edition derived from it, with the changes made.

    Milestones are shifted, added, dropped, retitled, rekinded and moved, initiatives
    renamed, and the window sometimes moved later (dropping what it leaves behind).
    Titles are cut from one order of a fixed list of words, so that each edit has
    exactly one right reading; retitled milestones get new ids and lineages, so that
    matching must find them by their titles.

    Examples:
        >>> from hypothesis import given
        >>> from calaim_timeline.diffing import diff
        >>> @given(revisions())
        ... def test_apply_rebuilds_the_new_edition(revision):
        ...     assert diff(revision.old, revision.new).apply(revision.old) == revision.new
        >>> test_apply_rebuilds_the_new_edition()
    """
    words = list(draw(_WORD_ORDERS))
    old = _retitled(draw(_BASES), words)
    ids = {x for i in old.initiatives for m in i.milestones for x in (i.id, m.id, m.lineage)}
    window = _later(old.window, draw(st.integers(0, 3)))
    reviser = _Reviser(draw, words, ids | {i.id for i in old.initiatives}, window)
    if window != old.window:
        reviser.edits.add(("window-changed", None, None, None))
    homes = [i.id for i in old.initiatives]
    kept: dict[str, list[Milestone]] = {home: [] for home in homes}
    for initiative in old.initiatives:
        for milestone in initiative.milestones:
            revised = reviser.revise(milestone, initiative.id, homes)
            if revised is not None:
                kept[revised[0]].append(revised[1])
    for slot, shape in draw(_ADDED) if homes else []:
        home = homes[slot % len(homes)]
        kept[home].append(reviser.add(home, shape, old))
    renamed = {}
    built = []
    for initiative in old.initiatives:
        changed = attrs.evolve(initiative, milestones=tuple(kept[initiative.id]))
        if draw(st.booleans()):
            changed = reviser.rename(changed)
            renamed[initiative.id] = changed.id
        built.append(changed)
    new = attrs.evolve(
        old,
        id=reviser.fresh(old.id),
        as_of=Period.month(window.start.year, window.start.month),
        window=window,
        initiatives=tuple(built),
    )
    edits = frozenset(
        (change, home if change == "milestone-dropped" else renamed.get(home or "", home), mid, why)
        for change, home, mid, why in reviser.edits
    )
    return Revision(old=old, new=new, edits=edits)
