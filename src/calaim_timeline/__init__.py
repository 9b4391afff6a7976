"""calaim-timeline: every edition of the CalAIM Milestones Calendar, and what changed.

The whole public API, flat: the models and periods, reading and writing snapshots,
matching, diffs, histories, the archive, the importer and every error. Submodules are
for structure; import from here. What needs the heavier modules (the codec, the diff,
history, the importer) is imported on first use, so that the command line starts
quickly.

``diff``, ``match`` and ``validate`` are functions here; the modules that define them are
``calaim_timeline.diffing``, ``calaim_timeline.matching`` and
``calaim_timeline.validation``, so every ``calaim_timeline.X`` is what it says.
"""

from typing import TYPE_CHECKING, Final

from calaim_timeline._lazy import lazy_attributes
from calaim_timeline.errors import (
    BadCellsError,
    CalaimTimelineError,
    ChartError,
    DiffError,
    EditionNotFoundError,
    ExtraMissingError,
    FileReadError,
    FootnoteNotFoundError,
    GridError,
    KindMarkError,
    MilestoneNotFoundError,
    NotFoundError,
    OptionError,
    ParseError,
    PeriodError,
    Problem,
    SnapshotError,
    UnknownChangeError,
    ValidationError,
    WriteError,
    format_errors,
)
from calaim_timeline.model import (
    CALAIM_SERIES,
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Series,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period, Precision, Relation, UnknownDate, When
from calaim_timeline.validation import check, validate

_HOMES: Final = {
    "calaim_timeline.archive": ("Archive",),
    "calaim_timeline.changes": (
        "AddReason",
        "Change",
        "ChangeDocument",
        "ChangeRecord",
        "DropReason",
        "FieldChange",
        "FootnoteAdded",
        "FootnoteChanged",
        "FootnoteDropped",
        "InitiativeAdded",
        "InitiativeDropped",
        "InitiativeEdited",
        "InitiativeRecategorized",
        "InitiativeRenamed",
        "MilestoneAdded",
        "MilestoneDropped",
        "MilestoneEdited",
        "MilestoneMoved",
        "MilestoneRekinded",
        "MilestoneRetitled",
        "MilestoneShifted",
        "Placed",
        "WindowChanged",
    ),
    "calaim_timeline.codec": (
        "EditionDocument",
        "dump",
        "dumps",
        "from_dict",
        "load",
        "loads",
        "save",
        "to_dict",
    ),
    "calaim_timeline.diffing": ("DiffDocument", "DiffOptions", "EditionDiff", "apply", "diff"),
    "calaim_timeline.history": (
        "History",
        "InitiativeSlip",
        "Listing",
        "Move",
        "Sighting",
        "Timeline",
        "changelog",
    ),
    "calaim_timeline.importers": ("import_table", "import_table_file"),
    "calaim_timeline.matching": ("match",),
}
"""The names imported on first use, by the module that defines them."""

if TYPE_CHECKING:  # what type checkers see: the real imports, so an unknown name is an error
    from calaim_timeline.archive import Archive
    from calaim_timeline.changes import (
        AddReason,
        Change,
        ChangeDocument,
        ChangeRecord,
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
    from calaim_timeline.codec import (
        EditionDocument,
        dump,
        dumps,
        from_dict,
        load,
        loads,
        save,
        to_dict,
    )
    from calaim_timeline.diffing import DiffDocument, DiffOptions, EditionDiff, apply, diff
    from calaim_timeline.history import (
        History,
        InitiativeSlip,
        Listing,
        Move,
        Sighting,
        Timeline,
        changelog,
    )
    from calaim_timeline.importers import import_table, import_table_file
    from calaim_timeline.matching import match

    __version__: str
else:  # at run time: each imported on first use (PEP 562), so the command line starts quickly

    def _version() -> str:
        from importlib.metadata import version  # noqa: PLC0415 - slow to import: when asked

        return version("calaim-timeline")

    __getattr__ = lazy_attributes(
        __name__,
        {name: home for home, names in _HOMES.items() for name in names},
        {"__version__": _version},
    )

__all__ = [
    "CALAIM_SERIES",
    "AddReason",
    "Archive",
    "BadCellsError",
    "CalaimTimelineError",
    "Category",
    "Change",
    "ChangeDocument",
    "ChangeRecord",
    "ChartError",
    "DiffDocument",
    "DiffError",
    "DiffOptions",
    "DropReason",
    "Edition",
    "EditionDiff",
    "EditionDocument",
    "EditionNotFoundError",
    "ExtraMissingError",
    "FieldChange",
    "FileReadError",
    "Footnote",
    "FootnoteAdded",
    "FootnoteChanged",
    "FootnoteDropped",
    "FootnoteNotFoundError",
    "GridError",
    "History",
    "Initiative",
    "InitiativeAdded",
    "InitiativeDropped",
    "InitiativeEdited",
    "InitiativeRecategorized",
    "InitiativeRenamed",
    "InitiativeSlip",
    "KindMarkError",
    "Listing",
    "Milestone",
    "MilestoneAdded",
    "MilestoneDropped",
    "MilestoneEdited",
    "MilestoneKind",
    "MilestoneMoved",
    "MilestoneNotFoundError",
    "MilestoneRekinded",
    "MilestoneRetitled",
    "MilestoneShifted",
    "Move",
    "NotFoundError",
    "OptionError",
    "ParseError",
    "Period",
    "PeriodError",
    "Placed",
    "Precision",
    "Problem",
    "Relation",
    "Series",
    "Sighting",
    "SnapshotError",
    "Source",
    "Status",
    "SubItem",
    "Timeline",
    "UnknownChangeError",
    "UnknownDate",
    "ValidationError",
    "When",
    "WindowChanged",
    "WriteError",
    "__version__",
    "apply",
    "changelog",
    "check",
    "diff",
    "dump",
    "dumps",
    "format_errors",
    "from_dict",
    "import_table",
    "import_table_file",
    "load",
    "loads",
    "match",
    "save",
    "to_dict",
    "validate",
]


def __dir__() -> list[str]:
    """The public names (for ``dir()``, ``help()`` and tab completion), lazy ones included."""
    return sorted(__all__)
