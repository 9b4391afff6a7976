"""What changed between two editions: :func:`diff`, :class:`EditionDiff`, :func:`apply`.

``diff(a, a)`` has no changes; ``apply(a, diff(a, b)) == b``;
``diff(a, b).inverse() == diff(b, a)``. The semantics are in ``docs/diff.md``. The
change records themselves live in :mod:`calaim_timeline.changes` (and are re-exported
here); finding them is ``_compare.py``, their report order ``_order.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import groupby
from typing import TypeVar, overload

import attrs

from calaim_timeline._compare import changes as found_changes
from calaim_timeline._documents import ChangeDocument, DiffDocument  # re-exported
from calaim_timeline._order import ordered, placement
from calaim_timeline._paused import paused
from calaim_timeline._typed import number_from
from calaim_timeline.changes import (
    CHANGE_NAMES,
    AddReason,
    Change,
    ChangeWanted,
    DropReason,
    FieldChange,
    FootnoteAdded,
    FootnoteChanged,
    FootnoteDropped,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeEdited,
    InitiativeRecategorized,
    InitiativeRenamed,
    Link,
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
    Placed,
    Rebuild,
    Side,
    WindowChanged,
    bare,
    change_name,
)
from calaim_timeline.changes import to_json as change_json
from calaim_timeline.errors import DiffError
from calaim_timeline.matching import (
    DEFAULT_THRESHOLD,
    REVIEW_BELOW,
    Stage,
    category_links,
    pairing,
)
from calaim_timeline.model import Edition, Initiative, MilestoneKind
from calaim_timeline.validation import checked

_T = TypeVar("_T")

__all__ = [
    "CHANGE_NAMES",
    "AddReason",
    "Change",
    "ChangeDocument",
    "DiffDocument",
    "DiffError",
    "DiffOptions",
    "DropReason",
    "EditionDiff",
    "FieldChange",
    "FootnoteAdded",
    "FootnoteChanged",
    "FootnoteDropped",
    "InitiativeAdded",
    "InitiativeDropped",
    "InitiativeEdited",
    "InitiativeRecategorized",
    "InitiativeRenamed",
    "Link",
    "MilestoneAdded",
    "MilestoneDropped",
    "MilestoneEdited",
    "MilestoneMoved",
    "MilestoneRekinded",
    "MilestoneRetitled",
    "MilestoneShifted",
    "Placed",
    "Side",
    "WindowChanged",
    "apply",
    "diff",
]


@attrs.frozen
class DiffOptions:
    """How to match: ``threshold`` is the least title similarity (0 to 100) to pair.

    Any other threshold (a number out of range, a string, NaN) is an OptionError.

    Examples:
        >>> DiffOptions().threshold, DiffOptions(threshold=90).threshold
        (85.0, 90)
    """

    threshold: float = attrs.field(default=DEFAULT_THRESHOLD, validator=number_from(0, 100))


@attrs.frozen
class EditionDiff:
    """The changes from edition ``old`` to edition ``new``, in report order.

    Changes are ordered edition-wide first (window, footnotes), then by initiative in
    the new edition's order (dropped initiatives last, in the old order), each
    initiative's own changes before its milestones', milestones in the new edition's
    order and dropped ones after them.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> changes = diff(archive["2021-01"], archive["2021-11"])
        >>> changes.old.edition.id, changes.new.edition.id, len(changes.changes)
        ('2021-01', '2021-11', 108)
    """

    old: Side
    new: Side
    initiative_links: tuple[Link, ...]
    relinked: tuple[Link, ...]
    """The matched milestones whose lineage differs (found by title or similarity)."""
    changes: tuple[Change, ...]

    @cached_property
    def milestone_links(self) -> tuple[Link, ...]:
        """Every matched pair of milestones, in the new edition's order.

        The milestones whose lineage is in both editions, then :attr:`relinked`: built
        on first use, as a large diff that is only read never needs them.
        """
        old_lineages = {m.lineage for i in self.old.edition.initiatives for m in i.milestones}
        partner = {link.new: link for link in self.relinked}
        return tuple(
            partner.get(m.lineage) or Link(m.lineage, m.lineage, Stage.LINEAGE, 100.0)
            for i in self.new.edition.initiatives
            for m in i.milestones
            if m.lineage in partner or m.lineage in old_lineages
        )

    def __len__(self) -> int:
        """How many changes there are."""
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        """The changes, in report order."""
        return iter(self.changes)

    @overload
    def __getitem__(self, index: int) -> Change: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Change, ...]: ...
    def __getitem__(self, index: int | slice) -> Change | tuple[Change, ...]:
        """The change at ``index`` in report order (a slice gives a tuple of them)."""
        return self.changes[index]

    def link_of(self, change: Change) -> Link | None:
        """The pair a change to a matched milestone or initiative was found by, if not certain.

        None for a change with one side only (added, dropped, footnotes, the window) and
        for a milestone paired by its lineage.

        Examples:
            >>> from calaim_timeline import Archive
            >>> changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
            >>> renamed = changes.filter(changes=["initiative-renamed"]).changes[0]
            >>> link = changes.link_of(renamed)
            >>> link.stage.value, link.confidence, changes.needs_review(renamed)
            ('acronyms', 0.9, False)
        """
        pair = getattr(change, "new", None)
        if isinstance(pair, Placed):
            return self._relinked_by_new.get(pair.milestone.lineage)
        if isinstance(pair, Initiative):
            return self._initiative_links_by_new.get(pair.id)
        return None

    def needs_review(self, change: Change) -> bool:
        """Whether the pair behind ``change`` is less sure than :data:`REVIEW_BELOW`."""
        link = self.link_of(change)
        return link is not None and link.confidence < REVIEW_BELOW

    @cached_property
    def _relinked_by_new(self) -> dict[str, Link]:
        return {link.new: link for link in self.relinked}

    @cached_property
    def _initiative_links_by_new(self) -> dict[str, Link]:
        return {link.new: link for link in self.initiative_links}

    def groups(self) -> tuple[tuple[Initiative | None, tuple[Change, ...]], ...]:
        """The changes by the initiative they are reported under, in report order.

        Edition-wide changes come first, under None; a dropped milestone is reported
        under the new counterpart of its initiative, if there is one; a dropped
        initiative is given as it was in the old edition.
        """
        partner = {link.old: link.new for link in self.initiative_links}
        found = []
        for (block, group), members in groupby(self.changes, lambda c: placement(c, partner)):
            side = self.new if block == 1 else self.old
            found.append((None if group is None else side.initiative(group), tuple(members)))
        return tuple(found)

    def summary(self) -> dict[str, int]:
        """How many changes of each name, in the order of :data:`CHANGE_NAMES`."""
        counts = dict.fromkeys(CHANGE_NAMES, 0)
        for change in self.changes:
            counts[change.change] += 1
        return {name: count for name, count in counts.items() if count}

    def filter(
        self,
        *,
        changes: ChangeWanted | Iterable[ChangeWanted] | None = None,
        initiatives: str | Iterable[str] | None = None,
        kinds: MilestoneKind | Iterable[MilestoneKind | None] | None = None,
        substantive: bool = False,
    ) -> EditionDiff:
        """The changes that pass every filter given (a filtered diff is for reading only).

        ``changes``: a change name or record class, or several; ``initiatives``: an
        initiative id (old or new), or several; ``kinds``: a milestone kind, or several
        (None for unmarked); ``substantive``: leave out editorial retitles and footnote
        edits and restated periods.

        Examples:
            >>> from calaim_timeline import Archive, MilestoneDropped
            >>> archive = Archive.bundled()
            >>> changes = diff(archive["2021-01"], archive["2021-11"])
            >>> len(changes.filter(changes="milestone-dropped"))
            14
            >>> len(changes.filter(changes=[MilestoneDropped, "initiative-renamed"]))
            15
            >>> len(changes.filter(initiatives="ecm-ilos", changes=MilestoneDropped))
            8
        """
        names = None
        if changes is not None:
            several = [changes] if isinstance(changes, str | type) else changes
            names = {change_name(wanted) for wanted in several}
        ids = None
        if initiatives is not None:
            ids = {initiatives} if isinstance(initiatives, str) else set(initiatives)
        wanted: set[MilestoneKind | None] | None = None
        if kinds is not None:
            wanted = {kinds} if isinstance(kinds, MilestoneKind) else set(kinds)

        def keep(change: Change) -> bool:
            if names is not None and change.change not in names:
                return False
            if ids is not None and not ids & change.initiative_ids():
                return False
            if wanted is not None and (change.milestone_id is None or change.kind not in wanted):
                return False
            return not (substantive and change.editorial)

        return attrs.evolve(self, changes=tuple(c for c in self.changes if keep(c)))

    def inverse(self) -> EditionDiff:
        """The diff from ``new`` to ``old``: ``diff(a, b).inverse() == diff(b, a)``."""
        return _assembled(
            self.new,
            self.old,
            [link.inverse() for link in self.initiative_links],
            [link.inverse() for link in self.relinked],
            [change.inverse(self.old.edition, self.new.edition) for change in self.changes],
        )

    def apply(self, edition: Edition) -> Edition:
        """Rebuild the new edition from the old one: see :func:`apply`."""
        return apply(edition, self)

    def to_json(self) -> DiffDocument:
        """The JSON document: ``{"old", "new", "summary", "changes": [...]}``.

        Examples:
            >>> from calaim_timeline import Archive
            >>> archive = Archive.bundled()
            >>> first = diff(archive["2021-01"], archive["2021-11"]).to_json()["changes"][0]
            >>> if first["change"] == "window-changed":  # narrows the type: its keys are known
            ...     print(first["old_window"], "→", first["new_window"])
            2021-01/2021-12 → 2021-11/2022-03
        """
        return {
            "old": self.old.edition.id,
            "new": self.new.edition.id,
            "summary": self.summary(),
            "changes": [change_json(c, review=self.needs_review(c)) for c in self.changes],
        }


@paused
def diff(old: Edition, new: Edition, *, options: DiffOptions | None = None) -> EditionDiff:
    """Every change from ``old`` to ``new``; ValidationError where either is not sound.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> changes = diff(archive["2021-01"], archive["2021-11"])
        >>> same = diff(archive["2021-11"], archive["2021-11"])
        >>> changes.summary()["initiative-renamed"], len(same)
        (1, 0)
    """
    options = options or DiffOptions()
    found = pairing(checked(old), checked(new), threshold=options.threshold)
    return _assembled(
        Side.of(old),
        Side.of(new),
        [Link(p.old.id, p.new.id, p.stage, p.score) for p in found.initiatives],
        [Link(*pair) for pair in found.pairs],
        found_changes(old, new, found),
    )


def _assembled(
    old: Side, new: Side, initiative_links: list[Link], relinked: list[Link], changes: list[Change]
) -> EditionDiff:
    links, relinks, records = ordered(old, new, initiative_links, relinked, changes)
    return EditionDiff(old=old, new=new, initiative_links=links, relinked=relinks, changes=records)


def apply(edition: Edition, changes: EditionDiff) -> Edition:
    """Rebuild the new edition from ``edition`` (the diff's old edition) and the changes.

    Milestones are found by lineage and initiatives by id, never by position; the new
    order comes from the diff. Raises :class:`DiffError` when ``edition`` is not the
    diff's old edition or a change the new edition needs is missing (a filtered diff).

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> changes = diff(archive["2021-01"], archive["2021-11"])
        >>> apply(archive["2021-01"], changes) == archive["2021-11"]
        True
    """
    if Side.of(edition) != changes.old:
        msg = (
            f"the diff is from edition {changes.old.edition.id!r},"
            f" which is not the edition given ({edition.id!r})"
        )
        raise DiffError(msg)
    parts = Rebuild(
        initiatives={i.id: bare(i) for i in edition.initiatives},
        milestones={m.lineage: m for _, m in edition.milestones},
        notes={n.number: n for n in edition.footnotes},
    )
    categories = category_links(changes.old.edition, changes.new.edition)
    for link in changes.initiative_links:  # re-key matched initiatives by their new ids
        before = parts.initiatives.pop(link.old)
        category = categories.get(before.category or "", before.category)
        parts.initiatives[link.new] = attrs.evolve(before, id=link.new, category=category)
    for link in changes.milestone_links:  # and matched milestones by their new lineage
        parts.milestones[link.new] = parts.milestones.pop(link.old)
    for change in changes.changes:
        change.apply(parts)
    built = []
    for initiative_id, entries in changes.new.layout:
        own = tuple(
            attrs.evolve(_need(parts.milestones, lineage), id=mid, lineage=lineage)
            for mid, lineage in entries
        )
        built.append(attrs.evolve(_need(parts.initiatives, initiative_id), milestones=own))
    return attrs.evolve(
        changes.new.header,
        initiatives=tuple(built),
        footnotes=tuple(parts.notes[number] for number in sorted(parts.notes)),
    )


def _need(found: dict[str, _T], key: str) -> _T:
    try:
        return found[key]
    except KeyError:
        msg = (
            f"the diff has no change that provides {key!r}:"
            " apply needs the whole diff, not a filtered one"
        )
        raise DiffError(msg) from None
