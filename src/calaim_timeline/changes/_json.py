"""The JSON shape of change records: one table of fields by record type, and the details.

Every record's JSON object opens with the fields all records share (``change``,
``initiative``, ``milestone``, ``title``, and ``kind`` for a milestone's change), then
its own fields from :data:`FIELDS`. Model values and dates are written as the snapshot
document writes them (:func:`calaim_timeline.codec.to_plain`,
:func:`calaim_timeline.codec.worded`), so a date's wording is its ``_text`` sibling here
as it is in a snapshot file. With ``_details`` (the field-level differences of an edit,
found between document forms), this is where the change records meet the document form;
the record classes know nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, cast

from calaim_timeline._documents import ChangeDocument
from calaim_timeline.changes._base import ChangeRecord
from calaim_timeline.changes._by_type import ByType
from calaim_timeline.changes._initiative import (
    FootnoteAdded,
    FootnoteChanged,
    FootnoteDropped,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeEdited,
    InitiativeRecategorized,
    InitiativeRenamed,
    WindowChanged,
)
from calaim_timeline.changes._milestone import (
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
)
from calaim_timeline.codec import to_plain, worded
from calaim_timeline.model import MilestoneKind

__all__ = ["FIELDS", "to_json"]

Fields = Callable[[Any], dict[str, Any]]

FIELDS: Final[ByType[Fields]] = ByType("JSON fields")
"""Each record type's own fields in JSON, after the common ones."""


def to_json(change: ChangeRecord, *, review: bool = False) -> ChangeDocument:
    """A change as its JSON object: the common fields, then the record's own.

    With ``review``, the object ends with ``"review": true`` (its pair is to be checked).

    Examples:
        >>> from calaim_timeline import Footnote
        >>> to_json(FootnoteAdded(new=Footnote(number=3, text="Pending CMS approval.")))
        {'change': 'footnote-added', 'initiative': None, 'milestone': None, 'title': None, \
'number': 3, 'text': 'Pending CMS approval.'}
    """
    head: dict[str, Any] = {
        "change": change.change,
        "initiative": change.initiative_id,
        "milestone": change.milestone_id,
        "title": change.title,
    }
    if change.milestone_id is not None:
        head["kind"] = _kind(change.kind)
    document = cast("ChangeDocument", {**head, **FIELDS.of(change)(change)})
    if review:
        document["review"] = True
    return document


def _kind(kind: MilestoneKind | None) -> str | None:
    return kind.value if kind else None


@FIELDS.register(WindowChanged)
def _window(change: WindowChanged) -> dict[str, Any]:
    return {**worded("old_window", change.old), **worded("new_window", change.new)}


@FIELDS.register(FootnoteAdded, FootnoteDropped)
def _footnote(change: FootnoteAdded | FootnoteDropped) -> dict[str, Any]:
    return {"number": change.footnote.number, "text": change.footnote.text}


@FIELDS.register(FootnoteChanged)
def _footnote_changed(change: FootnoteChanged) -> dict[str, Any]:
    return {
        "number": change.new.number,
        "old_text": change.old.text,
        "new_text": change.new.text,
        "editorial": change.editorial,
    }


@FIELDS.register(InitiativeAdded, InitiativeDropped)
def _initiative(change: InitiativeAdded | InitiativeDropped) -> dict[str, Any]:
    return {"category": change.initiative.category}


@FIELDS.register(InitiativeRenamed)
def _renamed(change: InitiativeRenamed) -> dict[str, Any]:
    return {
        "old_initiative": change.old.id,
        "old_name": change.old.name,
        "new_name": change.new.name,
        "old_aliases": list(change.old.aliases),
        "new_aliases": list(change.new.aliases),
        "stage": change.stage.value,
        "score": change.score,
    }


@FIELDS.register(InitiativeRecategorized)
def _recategorized(change: InitiativeRecategorized) -> dict[str, Any]:
    return {"old_category": change.old.category, "new_category": change.new.category}


@FIELDS.register(InitiativeEdited)
def _initiative_edited(change: InitiativeEdited) -> dict[str, Any]:
    return {
        "field": change.field,
        "old": to_plain(getattr(change.old, change.field)),
        "new": to_plain(getattr(change.new, change.field)),
    }


@FIELDS.register(MilestoneAdded, MilestoneDropped)
def _single(change: MilestoneAdded | MilestoneDropped) -> dict[str, Any]:
    return {**worded("when", change.milestone.when), "reason": change.reason.value}


@FIELDS.register(MilestoneMoved)
def _moved(change: MilestoneMoved) -> dict[str, Any]:
    return {"old_initiative": change.old.initiative_id, "new_initiative": change.new.initiative_id}


@FIELDS.register(MilestoneRetitled)
def _retitled(change: MilestoneRetitled) -> dict[str, Any]:
    return {
        "old_title": change.old.milestone.title,
        "new_title": change.new.milestone.title,
        "similarity": change.similarity,
        "editorial": change.editorial,
        "stage": change.stage.value,
    }


@FIELDS.register(MilestoneShifted)
def _shifted(change: MilestoneShifted) -> dict[str, Any]:
    return {
        **worded("old_when", change.old.milestone.when),
        **worded("new_when", change.new.milestone.when),
        "direction": change.direction.value,
        "months": change.months,
    }


@FIELDS.register(MilestoneRekinded)
def _rekinded(change: MilestoneRekinded) -> dict[str, Any]:
    return {
        "old_kind": _kind(change.old.milestone.kind),
        "new_kind": _kind(change.new.milestone.kind),
    }


@FIELDS.register(MilestoneEdited)
def _edited(change: MilestoneEdited) -> dict[str, Any]:
    return {
        "field": change.field,
        "old": to_plain(getattr(change.old.milestone, change.field)),
        "new": to_plain(getattr(change.new.milestone, change.field)),
        "details": [to_plain(detail) for detail in change.details()],
    }
