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

from typing import TYPE_CHECKING

from calaim_timeline._lazy import lazy_attributes
from calaim_timeline.errors import (
    BadCellsError,
    CalaimTimelineError,
    ChartError,
    DiffError,
    EditionNotFoundError,
    ExtraMissingError,
    GridError,
    MilestoneNotFoundError,
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

if TYPE_CHECKING:
    from calaim_timeline.archive import Archive
    from calaim_timeline.codec import dump, dumps, from_dict, load, loads, save, to_dict
    from calaim_timeline.diffing import DiffOptions, EditionDiff, apply, diff
    from calaim_timeline.history import Timeline, changelog
    from calaim_timeline.importers import import_table, import_table_file
    from calaim_timeline.matching import match

_LAZY = {
    "Archive": "calaim_timeline.archive",
    "DiffOptions": "calaim_timeline.diffing",
    "EditionDiff": "calaim_timeline.diffing",
    "Timeline": "calaim_timeline.history",
    "apply": "calaim_timeline.diffing",
    "changelog": "calaim_timeline.history",
    "diff": "calaim_timeline.diffing",
    "dump": "calaim_timeline.codec",
    "dumps": "calaim_timeline.codec",
    "from_dict": "calaim_timeline.codec",
    "import_table": "calaim_timeline.importers",
    "import_table_file": "calaim_timeline.importers",
    "load": "calaim_timeline.codec",
    "loads": "calaim_timeline.codec",
    "match": "calaim_timeline.matching",
    "save": "calaim_timeline.codec",
    "to_dict": "calaim_timeline.codec",
}

__all__ = [
    "CALAIM_SERIES",
    "Archive",
    "BadCellsError",
    "CalaimTimelineError",
    "Category",
    "ChartError",
    "DiffError",
    "DiffOptions",
    "Edition",
    "EditionDiff",
    "EditionNotFoundError",
    "ExtraMissingError",
    "Footnote",
    "GridError",
    "Initiative",
    "Milestone",
    "MilestoneKind",
    "MilestoneNotFoundError",
    "ParseError",
    "Period",
    "PeriodError",
    "Precision",
    "Problem",
    "Relation",
    "Series",
    "SnapshotError",
    "Source",
    "Status",
    "SubItem",
    "Timeline",
    "UnknownChangeError",
    "UnknownDate",
    "ValidationError",
    "When",
    "WriteError",
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

__getattr__ = lazy_attributes(__name__, _LAZY)
