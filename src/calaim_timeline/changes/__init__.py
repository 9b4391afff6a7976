"""The change records of a diff: one frozen class per kind of change, owning its behaviour.

Every record type is a :class:`ChangeRecord`: its JSON name (``change``), its inverse
and how it is applied when the new edition is rebuilt live on the class. What is written
about it lives in tables keyed by record type (:class:`ByType`): its JSON fields
(:func:`to_json`), and in ``render`` its words, change-log section, digest point and
spreadsheet columns. :data:`CHANGE_TYPES` lists every type in report order; a test holds
every table against it.

To add a kind of change: a class here (in ``_milestone.py`` for milestones, else
``_initiative.py``), its place in :data:`CHANGE_TYPES`, where the diff finds it
(``calaim_timeline._compare``), and its entry in every table (the test names the tables
it is missing from).

Examples:
    >>> CHANGE_NAMES[:3]
    ('window-changed', 'footnote-added', 'footnote-dropped')
"""

from typing import Final

from calaim_timeline._documents import (
    ChangeDocument,
    FieldChangeDocument,
    FootnoteAddedDocument,
    FootnoteChangedDocument,
    FootnoteDroppedDocument,
    InitiativeAddedDocument,
    InitiativeDroppedDocument,
    InitiativeEditedDocument,
    InitiativeRecategorizedDocument,
    InitiativeRenamedDocument,
    MilestoneAddedDocument,
    MilestoneDroppedDocument,
    MilestoneEditedDocument,
    MilestoneMovedDocument,
    MilestoneRekindedDocument,
    MilestoneRetitledDocument,
    MilestoneShiftedDocument,
    WindowChangedDocument,
)
from calaim_timeline.changes._base import (
    MILESTONE_FIELDS,
    AddReason,
    ChangeRecord,
    DropReason,
    FieldChange,
    Layout,
    Link,
    Placed,
    Rebuild,
    Side,
    bare,
)
from calaim_timeline.changes._by_type import REGISTRIES, ByType
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
from calaim_timeline.changes._json import FIELDS, to_json
from calaim_timeline.changes._milestone import (
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
)
from calaim_timeline.errors import UnknownChangeError

__all__ = [
    "CHANGE_NAMES",
    "CHANGE_TYPES",
    "FIELDS",
    "MILESTONE_FIELDS",
    "REGISTRIES",
    "AddReason",
    "ByType",
    "Change",
    "ChangeDocument",
    "ChangeRecord",
    "ChangeWanted",
    "DropReason",
    "FieldChange",
    "FieldChangeDocument",
    "FootnoteAdded",
    "FootnoteAddedDocument",
    "FootnoteChanged",
    "FootnoteChangedDocument",
    "FootnoteDropped",
    "FootnoteDroppedDocument",
    "InitiativeAdded",
    "InitiativeAddedDocument",
    "InitiativeDropped",
    "InitiativeDroppedDocument",
    "InitiativeEdited",
    "InitiativeEditedDocument",
    "InitiativeRecategorized",
    "InitiativeRecategorizedDocument",
    "InitiativeRenamed",
    "InitiativeRenamedDocument",
    "Layout",
    "Link",
    "MilestoneAdded",
    "MilestoneAddedDocument",
    "MilestoneDropped",
    "MilestoneDroppedDocument",
    "MilestoneEdited",
    "MilestoneEditedDocument",
    "MilestoneMoved",
    "MilestoneMovedDocument",
    "MilestoneRekinded",
    "MilestoneRekindedDocument",
    "MilestoneRetitled",
    "MilestoneRetitledDocument",
    "MilestoneShifted",
    "MilestoneShiftedDocument",
    "Placed",
    "Rebuild",
    "Side",
    "WindowChanged",
    "WindowChangedDocument",
    "bare",
    "change_name",
    "to_json",
]

Change = (
    MilestoneAdded
    | MilestoneDropped
    | MilestoneShifted
    | MilestoneRetitled
    | MilestoneRekinded
    | MilestoneMoved
    | MilestoneEdited
    | InitiativeAdded
    | InitiativeDropped
    | InitiativeRenamed
    | InitiativeRecategorized
    | InitiativeEdited
    | FootnoteAdded
    | FootnoteDropped
    | FootnoteChanged
    | WindowChanged
)
"""Any change record (the union, for exhaustive type checks)."""

CHANGE_TYPES: Final[tuple[type[Change], ...]] = (
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
"""Every record type, in the order summaries list them and a milestone's changes are reported."""

CHANGE_NAMES: Final = tuple(kind.change for kind in CHANGE_TYPES)
"""Every change name, in summary order."""

ChangeWanted = str | type[ChangeRecord]
"""A change wanted by a filter: its name (``milestone-shifted``) or its record class."""


def change_name(wanted: object) -> str:
    """The change name ``wanted`` stands for: a change name, or a record class's name.

    Examples:
        >>> change_name(MilestoneShifted), change_name("milestone-shifted")
        ('milestone-shifted', 'milestone-shifted')
    """
    if isinstance(wanted, type) and wanted in CHANGE_TYPES:
        return wanted.change
    if isinstance(wanted, str) and wanted in CHANGE_NAMES:
        return wanted
    if isinstance(wanted, str):
        msg = f"unknown change name {wanted!r}: expected one of {', '.join(CHANGE_NAMES)}"
    else:
        msg = f"unknown change {wanted!r}: expected a change name or a change record class"
    raise UnknownChangeError(msg)
