"""calaim-timeline: every edition of the CalAIM Milestones Calendar, and what changed.

The public API, re-exported from the modules that define it. ``diff()`` itself is
imported from :mod:`calaim_timeline.diff` (``from calaim_timeline.diff import diff``):
re-exported here, it would hide that module.
"""

from calaim_timeline.archive import Archive
from calaim_timeline.codec import dumps, from_dict, load, loads, save, to_dict
from calaim_timeline.diff import DiffError, DiffOptions, EditionDiff
from calaim_timeline.errors import (
    CalaimTimelineError,
    EditionNotFoundError,
    ParseError,
    PeriodError,
    Problem,
    SnapshotError,
    ValidationError,
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
