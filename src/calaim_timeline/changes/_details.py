"""Field-level differences of a milestone, found by deepdiff between document forms.

Imported only when details are asked for: deepdiff is slow to import, and no raw
deepdiff object leaves this module.
"""

from __future__ import annotations

from typing import Final, Literal

from deepdiff import DeepDiff

from calaim_timeline.changes._base import FieldChange
from calaim_timeline.codec import to_plain
from calaim_timeline.model import Milestone

__all__ = ["field_changes"]

_KINDS: Final[dict[str, Literal["added", "removed", "changed"]]] = {
    "values_changed": "changed",
    "type_changes": "changed",
    "iterable_item_added": "added",
    "dictionary_item_added": "added",
    "iterable_item_removed": "removed",
    "dictionary_item_removed": "removed",
}


def field_changes(field: str, old: Milestone, new: Milestone) -> tuple[FieldChange, ...]:
    """The differences of ``field`` between two versions of a milestone, by path."""
    tree = DeepDiff(to_plain(getattr(old, field)), to_plain(getattr(new, field)), view="tree")
    found = []
    for report, levels in tree.items():
        kind = _KINDS[report]
        for level in levels:
            steps = level.path(output_format="list")
            path = field + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps)
            found.append(
                FieldChange(
                    path=path,
                    kind=kind,
                    old=None if kind == "added" else level.t1,
                    new=None if kind == "removed" else level.t2,
                )
            )
    return tuple(sorted(found, key=lambda change: (change.path, change.kind)))
