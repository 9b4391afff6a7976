"""calaim-timeline: every edition of the CalAIM Milestones Calendar, and what changed.

The public API, re-exported from the modules that define it. The archive, codec and
diff names are imported on first use, so that the command line starts quickly.
``diff()`` itself is imported from :mod:`calaim_timeline.diff`
(``from calaim_timeline.diff import diff``): re-exported here, it would hide that module.
"""

from typing import TYPE_CHECKING

from calaim_timeline._lazy import lazy_attributes
from calaim_timeline.errors import (
    CalaimTimelineError,
    EditionNotFoundError,
    ParseError,
    PeriodError,
    Problem,
    SnapshotError,
    ValidationError,
    WriteError,
    format_errors,
)
from calaim_timeline.model import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Source,
    Status,
    SubItem,
)
from calaim_timeline.period import Period, Precision, Relation
from calaim_timeline.validate import check, validate

if TYPE_CHECKING:
    from calaim_timeline.archive import Archive
    from calaim_timeline.codec import dumps, from_dict, load, loads, save, to_dict
    from calaim_timeline.diff import DiffError, DiffOptions, EditionDiff

_LAZY = {
    "Archive": "calaim_timeline.archive",
    "DiffError": "calaim_timeline.diff",
    "DiffOptions": "calaim_timeline.diff",
    "EditionDiff": "calaim_timeline.diff",
    "dumps": "calaim_timeline.codec",
    "from_dict": "calaim_timeline.codec",
    "load": "calaim_timeline.codec",
    "loads": "calaim_timeline.codec",
    "save": "calaim_timeline.codec",
    "to_dict": "calaim_timeline.codec",
}

__all__ = [
    "Archive",
    "CalaimTimelineError",
    "Category",
    "DiffError",
    "DiffOptions",
    "Edition",
    "EditionDiff",
    "EditionNotFoundError",
    "Footnote",
    "Initiative",
    "Milestone",
    "MilestoneKind",
    "ParseError",
    "Period",
    "PeriodError",
    "Precision",
    "Problem",
    "Relation",
    "SnapshotError",
    "Source",
    "Status",
    "SubItem",
    "ValidationError",
    "WriteError",
    "check",
    "dumps",
    "format_errors",
    "from_dict",
    "load",
    "loads",
    "save",
    "to_dict",
    "validate",
]


__getattr__ = lazy_attributes(__name__, _LAZY)
