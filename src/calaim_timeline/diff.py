"""What changed between two editions: :func:`diff`, :class:`EditionDiff`, :func:`apply`.

``diff(a, a)`` has no changes; ``apply(a, diff(a, b)) == b``;
``diff(a, b).inverse() == diff(b, a)``. The semantics are in ``docs/diff.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import chain, groupby
from typing import Any, Final

import attrs

from calaim_timeline._changes import (
    MILESTONE_FIELDS,
    AddReason,
    Change,
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
    Side,
    WindowChanged,
    bare,
)
from calaim_timeline.errors import DiffError
from calaim_timeline.match import DEFAULT_THRESHOLD, Pairing, Stage, pairing
from calaim_timeline.model import Edition, Initiative, MilestoneKind
from calaim_timeline.period import Relation

__all__ = [
    "CHANGE_NAMES",
    "AddReason",
    "Change",
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

_ORDER: Final = (
    WindowChanged,
    FootnoteAdded,
    FootnoteDropped,
    FootnoteChanged,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeRenamed,
    InitiativeRecategorized,
    InitiativeEdited,
    MilestoneAdded,
    MilestoneDropped,
    MilestoneMoved,
    MilestoneRetitled,
    MilestoneShifted,
    MilestoneRekinded,
    MilestoneEdited,
)
CHANGE_NAMES: Final = tuple(kind.change for kind in _ORDER)
"""Every change name, in the order summaries list them."""
_RANK: Final = {kind: k for k, kind in enumerate(_ORDER)}
_FIELD_RANK: Final = {name: k for k, name in enumerate((*MILESTONE_FIELDS, "aliases"))}


@attrs.frozen
class DiffOptions:
    """How to match: ``threshold`` is the least title similarity (0 to 100) to pair.

    Examples:
        >>> DiffOptions().threshold, DiffOptions(threshold=90).threshold
        (85.0, 90)
    """

    threshold: float = DEFAULT_THRESHOLD


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
        >>> changes.old.header.id, changes.new.header.id, len(changes.changes)
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

    def groups(self) -> tuple[tuple[Initiative | None, tuple[Change, ...]], ...]:
        """The changes by the initiative they are reported under, in report order.

        Edition-wide changes come first, under None; a dropped milestone is reported
        under the new counterpart of its initiative, if there is one; a dropped
        initiative is given as it was in the old edition.
        """
        partner = {link.old: link.new for link in self.initiative_links}
        found = []
        for (block, group), members in groupby(self.changes, lambda c: _placement(c, partner)):
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
        changes: Iterable[str] | None = None,
        initiatives: Iterable[str] | None = None,
        kinds: Iterable[MilestoneKind | None] | None = None,
        substantive: bool = False,
    ) -> EditionDiff:
        """The changes that pass every filter given (a filtered diff is for reading only).

        ``changes``: change names; ``initiatives``: initiative ids (old or new);
        ``kinds``: milestone kinds (None for unmarked); ``substantive``: leave out
        editorial retitles and footnote edits and restated periods.
        """
        names = None if changes is None else set(changes)
        unknown = sorted((names or set()) - set(CHANGE_NAMES))
        if unknown:
            msg = f"unknown change name {unknown[0]!r}: expected one of {', '.join(CHANGE_NAMES)}"
            raise DiffError(msg)
        ids = None if initiatives is None else set(initiatives)
        wanted = None if kinds is None else set(kinds)

        def keep(change: Change) -> bool:
            if names is not None and change.change not in names:
                return False
            if ids is not None and not ids & _initiative_ids(change):
                return False
            if wanted is not None and (change.milestone is None or change.kind not in wanted):
                return False
            return not (substantive and _editorial(change))

        return attrs.evolve(self, changes=tuple(c for c in self.changes if keep(c)))

    def inverse(self) -> EditionDiff:
        """The diff from ``new`` to ``old``: ``diff(a, b).inverse() == diff(b, a)``."""
        return _assemble(
            self.new,
            self.old,
            [link.inverse() for link in self.initiative_links],
            [link.inverse() for link in self.relinked],
            [_invert(change, self.old.header, self.new.header) for change in self.changes],
        )

    def apply(self, edition: Edition) -> Edition:
        """Rebuild the new edition from the old one: see :func:`apply`."""
        return apply(edition, self)

    def to_json(self) -> dict[str, Any]:
        """The JSON document: ``{"old", "new", "summary", "changes": [...]}``."""
        from calaim_timeline._diff_json import change_json  # noqa: PLC0415 - only JSON needs it

        return {
            "old": self.old.header.id,
            "new": self.new.header.id,
            "summary": self.summary(),
            "changes": [change_json(change) for change in self.changes],
        }


def _initiative_ids(change: Change) -> set[str]:
    ids = {change.initiative} if change.initiative else set()
    if isinstance(change, MilestoneMoved):
        ids.add(change.old.initiative)
    if isinstance(change, InitiativeRenamed):
        ids.add(change.old.id)
    return ids


def _editorial(change: Change) -> bool:
    if isinstance(change, MilestoneRetitled | FootnoteChanged):
        return change.editorial
    return isinstance(change, MilestoneShifted) and change.direction is Relation.RESTATED


def _invert(change: Change, old: Edition, new: Edition) -> Change:  # noqa: PLR0911 - one per type
    """``change`` seen from ``new`` to ``old``; ``old`` and ``new`` are the original headers."""
    if isinstance(change, MilestoneAdded):
        reason = DropReason.of(change.item.when, old.window)
        return MilestoneDropped(initiative=change.initiative, item=change.item, reason=reason)
    if isinstance(change, MilestoneDropped):
        added = AddReason.of(change.item.when, new.window)
        return MilestoneAdded(initiative=change.initiative, item=change.item, reason=added)
    if isinstance(change, InitiativeAdded):
        return InitiativeDropped(item=change.item)
    if isinstance(change, InitiativeDropped):
        return InitiativeAdded(item=change.item)
    if isinstance(change, FootnoteAdded):
        return FootnoteDropped(note=change.note)
    if isinstance(change, FootnoteDropped):
        return FootnoteAdded(note=change.note)
    return change.inverse()


def diff(old: Edition, new: Edition, *, options: DiffOptions | None = None) -> EditionDiff:
    """Every change from ``old`` to ``new``.

    Examples:
        >>> from calaim_timeline import Archive
        >>> archive = Archive.bundled()
        >>> changes = diff(archive["2021-01"], archive["2021-11"])
        >>> same = diff(archive["2021-11"], archive["2021-11"])
        >>> changes.summary()["initiative-renamed"], len(same)
        (1, 0)
    """
    options = options or DiffOptions()
    found = pairing(old, new, threshold=options.threshold)
    return _assemble(
        Side.of(old),
        Side.of(new),
        [Link(p.old.id, p.new.id, p.stage, p.score) for p in found.initiatives],
        [Link(*pair) for pair in found.pairs],
        [
            *_edition_changes(old, new),
            *_initiative_changes(found),
            *_milestone_changes(old, new, found),
        ],
    )


def _edition_changes(old: Edition, new: Edition) -> Iterator[Change]:
    if old.window != new.window:
        yield WindowChanged(old=old.window, new=new.window)
    before = {n.number: n for n in old.footnotes}
    after = {n.number: n for n in new.footnotes}
    for number in sorted(before.keys() | after.keys()):
        if number not in after:
            yield FootnoteDropped(note=before[number])
        elif number not in before:
            yield FootnoteAdded(note=after[number])
        elif before[number] != after[number]:
            yield FootnoteChanged(old=before[number], new=after[number])


def _initiative_changes(found: Pairing) -> Iterator[Change]:
    for initiative in found.old_initiatives.values():
        yield InitiativeDropped(item=bare(initiative))
    for initiative in found.new_initiatives.values():
        yield InitiativeAdded(item=bare(initiative))
    for pair in found.initiatives:
        old, new = bare(pair.old), bare(pair.new)
        renamed = (old.id, old.name) != (new.id, new.name)
        if renamed:
            yield InitiativeRenamed(old=old, new=new, stage=pair.stage, score=pair.score)
        if old.category != new.category:
            yield InitiativeRecategorized(old=old, new=new)
        if old.footnotes != new.footnotes:
            yield InitiativeEdited(old=old, new=new, field="footnotes")
        if old.aliases != new.aliases and not renamed:
            yield InitiativeEdited(old=old, new=new, field="aliases")


def _milestone_changes(old: Edition, new: Edition, found: Pairing) -> Iterator[Change]:
    old_home, new_home = found.old_home, found.new_home
    for lineage, milestone in found.old_left.items():
        reason = DropReason.of(milestone.when, new.window)
        yield MilestoneDropped(initiative=old_home[lineage].id, item=milestone, reason=reason)
    for lineage, milestone in found.new_left.items():
        added = AddReason.of(milestone.when, old.window)
        yield MilestoneAdded(initiative=new_home[lineage].id, item=milestone, reason=added)
    partner = {p.old.id: p.new.id for p in found.initiatives}
    before, after = found.old_milestones, found.new_milestones
    for lineage in _changed(new, found, partner):
        yield from _pair_changes(
            Placed(old_home[lineage].id, before[lineage]),
            Placed(new_home[lineage].id, after[lineage]),
            Stage.LINEAGE,
            partner,
        )
    for old_key, new_key, stage, _ in found.pairs:
        yield from _pair_changes(
            Placed(old_home[old_key].id, before[old_key]),
            Placed(new_home[new_key].id, after[new_key]),
            stage,
            partner,
        )


def _changed(new: Edition, found: Pairing, partner: dict[str, str]) -> list[str]:
    """The lineages in both editions whose milestone changed or moved to another initiative.

    Most milestones of a large edition are unchanged, so this loop is written for them,
    and walks the new edition in its order (memory read in order is read fastest).
    """
    before, old_home = found.old_milestones, found.old_home
    changed = []
    for initiative in new.initiatives:
        for milestone in initiative.milestones:
            lineage = milestone.lineage
            old = before.get(lineage)
            if old is None or (
                old == milestone and partner.get(old_home[lineage].id) == initiative.id
            ):
                continue
            changed.append(lineage)
    return changed


def _pair_changes(
    before: Placed, after: Placed, stage: Stage, partner: dict[str, str]
) -> Iterator[Change]:
    old, new = before.milestone, after.milestone
    if partner.get(before.initiative) != after.initiative:
        yield MilestoneMoved(old=before, new=after)
    if old.title != new.title:
        yield MilestoneRetitled(old=before, new=after, stage=stage)
    if old.when != new.when:
        yield MilestoneShifted(old=before, new=after)
    if old.kind != new.kind:
        yield MilestoneRekinded(old=before, new=after)
    for name in MILESTONE_FIELDS:
        if getattr(old, name) != getattr(new, name):
            yield MilestoneEdited(old=before, new=after, field=name)


def _placement(change: Change, partner: dict[str, str]) -> tuple[int, str | None]:
    """Where a change is reported: (1, new initiative), (2, dropped initiative) or (0, None)."""
    if change.initiative is None:
        return (0, None)
    if isinstance(change, InitiativeDropped):
        return (2, change.initiative)
    if isinstance(change, MilestoneDropped):
        group = partner.get(change.initiative)
        return (2, change.initiative) if group is None else (1, group)
    return (1, change.initiative)


def _assemble(
    old: Side,
    new: Side,
    initiative_links: list[Link],
    relinked: list[Link],
    changes: list[Change],
) -> EditionDiff:
    """Put links and changes in their canonical order (the same whichever way round)."""
    initiative_rank = {i.id: k for k, i in enumerate(new.edition.initiatives)}
    old_rank = {i.id: k for k, i in enumerate(old.edition.initiatives)}
    new_position = {m.id: k for i in new.edition.initiatives for k, m in enumerate(i.milestones)}
    old_position = {m.id: k for i in old.edition.initiatives for k, m in enumerate(i.milestones)}
    wanted = {link.new for link in relinked}
    every = chain.from_iterable(i.milestones for i in new.edition.initiatives)
    lineage_rank = {m.lineage: k for k, m in enumerate(every) if m.lineage in wanted}
    partner = {link.old: link.new for link in initiative_links}

    def key(change: Change) -> tuple[int, int, int, int, int, int]:
        rank = _RANK[type(change)]
        block, group = _placement(change, partner)
        if group is None:  # the edition as a whole: the window, then footnotes by number
            number = change.old.number if isinstance(change, FootnoteChanged) else 0
            if isinstance(change, FootnoteAdded | FootnoteDropped):
                number = change.note.number
            return (0, 0, number, 0, rank, 0)
        group_rank = (initiative_rank if block == 1 else old_rank)[group]
        if isinstance(change, MilestoneDropped):
            return (block, group_rank, 2, old_position[change.milestone], rank, 0)
        field = _FIELD_RANK.get(getattr(change, "field", ""), 0)
        if change.milestone is None:
            return (block, group_rank, 0, 0, rank, field)
        return (block, group_rank, 1, new_position[change.milestone], rank, field)

    return EditionDiff(
        old=old,
        new=new,
        initiative_links=tuple(
            sorted(initiative_links, key=lambda link: initiative_rank[link.new])
        ),
        relinked=tuple(sorted(relinked, key=lambda link: lineage_rank[link.new])),
        changes=tuple(sorted(changes, key=key)),
    )


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
    from calaim_timeline._apply import apply_changes  # noqa: PLC0415 - only applying needs it

    return apply_changes(edition, changes)
