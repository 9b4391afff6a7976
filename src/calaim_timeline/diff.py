"""What changed between two editions: :func:`diff`, :class:`EditionDiff`, :func:`apply`.

``diff(a, a)`` has no changes; ``apply(a, diff(a, b)) == b``;
``diff(a, b).inverse() == diff(b, a)``. The semantics are in ``docs/diff.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
    Placed,
    WindowChanged,
)
from calaim_timeline._diff_json import change_json
from calaim_timeline.errors import CalaimTimelineError
from calaim_timeline.match import DEFAULT_THRESHOLD, Matching, Stage, match
from calaim_timeline.model import Edition, Initiative, Milestone, MilestoneKind
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


class DiffError(CalaimTimelineError, ValueError):
    """A diff that cannot be applied to the edition it was given."""


@attrs.frozen
class DiffOptions:
    """How to match: ``threshold`` is the least title similarity (0 to 100) to pair."""

    threshold: float = DEFAULT_THRESHOLD


Layout = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


@attrs.frozen
class Side:
    """One edition as a diff sees it: its header and the order of its contents.

    ``header`` is the edition without initiatives and footnotes; ``layout`` lists each
    initiative id with its milestones' (id, lineage), in document order.
    """

    header: Edition
    layout: Layout

    @classmethod
    def of(cls, edition: Edition) -> Side:
        """The side of ``edition``."""
        return cls(
            attrs.evolve(edition, initiatives=(), footnotes=()),
            tuple(
                (i.id, tuple((m.id, m.lineage) for m in i.milestones)) for i in edition.initiatives
            ),
        )


@attrs.frozen
class Link:
    """A matched pair: initiative ids, or milestone lineages, with how they were matched."""

    old: str
    new: str
    stage: Stage
    score: float

    def inverse(self) -> Link:
        """The same pair seen from the other edition."""
        return Link(self.new, self.old, self.stage, self.score)


@attrs.frozen
class EditionDiff:
    """The changes from edition ``old`` to edition ``new``, in report order.

    Changes are ordered edition-wide first (window, footnotes), then by initiative in
    the new edition's order (dropped initiatives last, in the old order), each
    initiative's own changes before its milestones', milestones in the new edition's
    order and dropped ones after them.
    """

    old: Side
    new: Side
    initiative_links: tuple[Link, ...]
    milestone_links: tuple[Link, ...]
    changes: tuple[Change, ...]

    def __len__(self) -> int:
        """How many changes there are."""
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        """The changes, in report order."""
        return iter(self.changes)

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
            [link.inverse() for link in self.milestone_links],
            [_invert(change, self.old.header, self.new.header) for change in self.changes],
        )

    def apply(self, edition: Edition) -> Edition:
        """Rebuild the new edition from the old one: see :func:`apply`."""
        return apply(edition, self)

    def to_json(self) -> dict[str, Any]:
        """The JSON document: ``{"old", "new", "summary", "changes": [...]}``."""
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

    >>> from calaim_timeline import Archive
    >>> archive = Archive.bundled()
    >>> changes = diff(archive["2021-01"], archive["2021-11"])
    >>> changes.summary()["initiative-renamed"], len(diff(archive["2021-11"], archive["2021-11"]))
    (1, 0)
    """
    options = options or DiffOptions()
    found = match(old, new, threshold=options.threshold)
    return _assemble(
        Side.of(old),
        Side.of(new),
        [Link(p.old.id, p.new.id, p.stage, p.score) for p in found.initiatives],
        [Link(p.old.lineage, p.new.lineage, p.stage, p.score) for p in found.milestones],
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


def _bare(initiative: Initiative) -> Initiative:
    return attrs.evolve(initiative, milestones=())


def _initiative_changes(found: Matching) -> Iterator[Change]:
    for initiative in found.old_initiatives:
        yield InitiativeDropped(item=_bare(initiative))
    for initiative in found.new_initiatives:
        yield InitiativeAdded(item=_bare(initiative))
    for pair in found.initiatives:
        old, new = _bare(pair.old), _bare(pair.new)
        renamed = (old.id, old.name) != (new.id, new.name)
        if renamed:
            yield InitiativeRenamed(old=old, new=new, stage=pair.stage, score=pair.score)
        if old.category != new.category:
            yield InitiativeRecategorized(old=old, new=new)
        if old.footnotes != new.footnotes:
            yield InitiativeEdited(old=old, new=new, field="footnotes")
        if old.aliases != new.aliases and not renamed:
            yield InitiativeEdited(old=old, new=new, field="aliases")


def _milestone_changes(old: Edition, new: Edition, found: Matching) -> Iterator[Change]:
    for initiative, milestone in found.old_milestones:
        reason = DropReason.of(milestone.when, new.window)
        yield MilestoneDropped(initiative=initiative.id, item=milestone, reason=reason)
    for initiative, milestone in found.new_milestones:
        added = AddReason.of(milestone.when, old.window)
        yield MilestoneAdded(initiative=initiative.id, item=milestone, reason=added)
    partner = {p.old.id: p.new.id for p in found.initiatives}
    for pair in found.milestones:
        before, after = (
            Placed(pair.old_initiative.id, pair.old),
            Placed(pair.new_initiative.id, pair.new),
        )
        if partner.get(before.initiative) != after.initiative:
            yield MilestoneMoved(old=before, new=after)
        if pair.old.title != pair.new.title:
            yield MilestoneRetitled(old=before, new=after, stage=pair.stage, similarity=pair.score)
        if pair.old.when != pair.new.when:
            yield MilestoneShifted(old=before, new=after)
        if pair.old.kind != pair.new.kind:
            yield MilestoneRekinded(old=before, new=after)
        for name in MILESTONE_FIELDS:
            if getattr(pair.old, name) != getattr(pair.new, name):
                yield MilestoneEdited(old=before, new=after, field=name)


def _assemble(
    old: Side,
    new: Side,
    initiative_links: list[Link],
    milestone_links: list[Link],
    changes: list[Change],
) -> EditionDiff:
    """Put links and changes in their canonical order (the same whichever way round)."""
    initiative_rank = {init: k for k, (init, _) in enumerate(new.layout)}
    old_rank = {init: k for k, (init, _) in enumerate(old.layout)}
    new_position = {m: k for _, entries in new.layout for k, (m, _) in enumerate(entries)}
    old_position = {m: k for _, entries in old.layout for k, (m, _) in enumerate(entries)}
    lineage_rank = {lin: k for k, lin in enumerate(lin for _, e in new.layout for _, lin in e)}
    partner = {link.old: link.new for link in initiative_links}

    def key(change: Change) -> tuple[int, int, int, int, int, int]:  # noqa: PLR0911 - one per place
        rank = _RANK[type(change)]
        field = _FIELD_RANK.get(getattr(change, "field", ""), 0)
        if isinstance(change, FootnoteAdded | FootnoteDropped):
            return (0, 1, change.note.number, 0, rank, 0)
        if isinstance(change, FootnoteChanged):
            return (0, 1, change.old.number, 0, rank, 0)
        if isinstance(change, WindowChanged):
            return (0, 0, 0, 0, rank, 0)
        if isinstance(change, InitiativeDropped):
            return (2, old_rank[change.initiative], 0, 0, rank, 0)
        if isinstance(change, MilestoneDropped):
            group = partner.get(change.initiative)
            position = old_position[change.milestone]
            if group is None:
                return (2, old_rank[change.initiative], 2, position, rank, 0)
            return (1, initiative_rank[group], 2, position, rank, 0)
        group_rank = initiative_rank[change.initiative]
        if change.milestone is None:
            return (1, group_rank, 0, 0, rank, field)
        return (1, group_rank, 1, new_position[change.milestone], rank, field)

    return EditionDiff(
        old=old,
        new=new,
        initiative_links=tuple(
            sorted(initiative_links, key=lambda link: initiative_rank[link.new])
        ),
        milestone_links=tuple(sorted(milestone_links, key=lambda link: lineage_rank[link.new])),
        changes=tuple(sorted(changes, key=key)),
    )


def apply(edition: Edition, changes: EditionDiff) -> Edition:
    """Rebuild the new edition from ``edition`` (the diff's old edition) and the changes.

    Milestones are found by lineage and initiatives by id, never by position; the new
    order comes from the diff. Raises :class:`DiffError` when ``edition`` is not the
    diff's old edition or a change the new edition needs is missing (a filtered diff).
    """
    if Side.of(edition) != changes.old:
        msg = (
            f"the diff is from edition {changes.old.header.id!r},"
            f" which is not the edition given ({edition.id!r})"
        )
        raise DiffError(msg)
    initiatives = {i.id: _bare(i) for i in edition.initiatives}
    milestones = {m.lineage: m for _, m in edition.milestones()}
    for link in changes.initiative_links:  # re-key matched initiatives by their new id
        initiatives[link.new] = initiatives.pop(link.old)
    for link in changes.milestone_links:  # and matched milestones by their new lineage
        milestones[link.new] = milestones.pop(link.old)
    notes = {n.number: n for n in edition.footnotes}
    for change in changes.changes:
        _apply_one(change, initiatives, milestones, notes)
    built = []
    for initiative_id, entries in changes.new.layout:
        own = tuple(
            attrs.evolve(_need(milestones, lineage), id=mid, lineage=lineage)
            for mid, lineage in entries
        )
        built.append(attrs.evolve(_need(initiatives, initiative_id), milestones=own))
    return attrs.evolve(
        changes.new.header,
        initiatives=tuple(built),
        footnotes=tuple(notes[number] for number in sorted(notes)),
    )


def _need(found: dict[str, Any], key: str) -> Any:  # noqa: ANN401 - a milestone or an initiative
    try:
        return found[key]
    except KeyError:
        msg = (
            f"the diff has no change that provides {key!r}:"
            " apply needs the whole diff, not a filtered one"
        )
        raise DiffError(msg) from None


_SETTERS: Final[dict[type, Callable[[Any], dict[str, Any]]]] = {
    MilestoneShifted: lambda c: {"when": c.new.milestone.when},
    MilestoneRetitled: lambda c: {"title": c.new.milestone.title},
    MilestoneRekinded: lambda c: {"kind": c.new.milestone.kind},
    MilestoneMoved: lambda _: {},
    MilestoneEdited: lambda c: {c.field: getattr(c.new.milestone, c.field)},
    InitiativeRenamed: lambda c: {"id": c.new.id, "name": c.new.name, "aliases": c.new.aliases},
    InitiativeRecategorized: lambda c: {"category": c.new.category},
    InitiativeEdited: lambda c: {c.field: getattr(c.new, c.field)},
}


def _apply_one(
    change: Change,
    initiatives: dict[str, Initiative],
    milestones: dict[str, Milestone],
    notes: dict[int, Any],
) -> None:
    if isinstance(change, MilestoneAdded):
        milestones[change.item.lineage] = change.item
    elif isinstance(change, MilestoneDropped):
        milestones.pop(change.item.lineage, None)
    elif isinstance(change, InitiativeAdded):
        initiatives[change.item.id] = change.item
    elif isinstance(change, InitiativeDropped):
        initiatives.pop(change.item.id, None)
    elif isinstance(change, FootnoteAdded):
        notes[change.note.number] = change.note
    elif isinstance(change, FootnoteDropped):
        notes.pop(change.note.number, None)
    elif isinstance(change, FootnoteChanged):
        notes[change.new.number] = change.new
    elif isinstance(change, WindowChanged):
        return  # the new header carries the window
    elif isinstance(change, InitiativeRenamed | InitiativeRecategorized | InitiativeEdited):
        initiatives[change.new.id] = attrs.evolve(
            initiatives[change.new.id], **_SETTERS[type(change)](change)
        )
    else:
        lineage = change.new.milestone.lineage
        milestones[lineage] = attrs.evolve(milestones[lineage], **_SETTERS[type(change)](change))
