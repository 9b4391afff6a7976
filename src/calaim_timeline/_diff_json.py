"""The JSON form of change records (the ``changes`` of ``calaim-timeline diff --format json``)."""

from __future__ import annotations

from typing import Any

from calaim_timeline._changes import (
    Change,
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
    WindowChanged,
)
from calaim_timeline.codec import to_plain
from calaim_timeline.model import MilestoneKind
from calaim_timeline.period import Period

__all__ = ["change_json"]


def _period(name: str, period: Period) -> dict[str, str]:
    plain = {name: str(period)}
    if period.text is not None:
        plain[f"{name}_text"] = period.text
    return plain


def _kind(kind: MilestoneKind | None) -> str | None:
    return kind.value if kind else None


def change_json(change: Change) -> dict[str, Any]:  # noqa: C901, PLR0911, PLR0912 - one per type
    """One change as a JSON object: change, initiative, milestone, title, then its own fields."""
    head: dict[str, Any] = {
        "change": change.change,
        "initiative": change.initiative,
        "milestone": change.milestone,
        "title": change.title,
    }
    if change.milestone is not None:
        head["kind"] = _kind(change.kind)
    if isinstance(change, MilestoneAdded | MilestoneDropped):
        return {**head, **_period("when", change.item.when), "reason": change.reason.value}
    if isinstance(change, MilestoneShifted):
        return {
            **head,
            **_period("old_when", change.old.milestone.when),
            **_period("new_when", change.new.milestone.when),
            "direction": change.direction.value,
            "months": change.months,
        }
    if isinstance(change, MilestoneRetitled):
        return {
            **head,
            "old_title": change.old.milestone.title,
            "new_title": change.new.milestone.title,
            "similarity": change.similarity,
            "editorial": change.editorial,
            "stage": change.stage.value,
        }
    if isinstance(change, MilestoneRekinded):
        return {
            **head,
            "old_kind": _kind(change.old.milestone.kind),
            "new_kind": _kind(change.new.milestone.kind),
        }
    if isinstance(change, MilestoneMoved):
        return {
            **head,
            "old_initiative": change.old.initiative,
            "new_initiative": change.new.initiative,
        }
    if isinstance(change, MilestoneEdited):
        return {
            **head,
            "field": change.field,
            "old": to_plain(getattr(change.old.milestone, change.field)),
            "new": to_plain(getattr(change.new.milestone, change.field)),
            "details": [to_plain(detail) for detail in change.details()],
        }
    if isinstance(change, InitiativeAdded | InitiativeDropped):
        return {**head, "category": change.item.category}
    if isinstance(change, InitiativeRenamed):
        return {
            **head,
            "old_initiative": change.old.id,
            "old_name": change.old.name,
            "new_name": change.new.name,
            "old_aliases": list(change.old.aliases),
            "new_aliases": list(change.new.aliases),
            "stage": change.stage.value,
            "score": change.score,
        }
    if isinstance(change, InitiativeRecategorized):
        return {**head, "old_category": change.old.category, "new_category": change.new.category}
    if isinstance(change, InitiativeEdited):
        return {
            **head,
            "field": change.field,
            "old": to_plain(getattr(change.old, change.field)),
            "new": to_plain(getattr(change.new, change.field)),
        }
    if isinstance(change, FootnoteAdded | FootnoteDropped):
        return {**head, "number": change.note.number, "text": change.note.text}
    if isinstance(change, FootnoteChanged):
        return {
            **head,
            "number": change.new.number,
            "old_text": change.old.text,
            "new_text": change.new.text,
            "editorial": change.editorial,
        }
    assert isinstance(change, WindowChanged)  # noqa: S101 - the union is exhausted
    return {**head, **_period("old_window", change.old), **_period("new_window", change.new)}
