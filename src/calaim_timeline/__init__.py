"""calaim-timeline: every edition of the CalAIM Milestones Calendar, and what changed.

The whole public API, flat: the models and periods, reading and writing snapshots,
matching, diffs, histories, the archive, the importer and every error. Submodules are
for structure; import from here. What needs the heavier modules (the codec, the diff,
history, the importer) is imported on first use, so that the command line starts
quickly.

``diff``, ``match`` and ``validate`` are functions here, though modules of the same names
exist (``from calaim_timeline.diff import EditionDiff`` still works): importing such a
module never replaces the function on the package.
"""

import sys
import types
from typing import TYPE_CHECKING, Any

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
from calaim_timeline.validate import check, validate

if TYPE_CHECKING:
    from calaim_timeline.archive import Archive
    from calaim_timeline.codec import dump, dumps, from_dict, load, loads, save, to_dict
    from calaim_timeline.diff import DiffOptions, EditionDiff, apply, diff
    from calaim_timeline.history import Timeline, changelog
    from calaim_timeline.importers import import_table, import_table_file
    from calaim_timeline.match import match

_LAZY = {
    "Archive": "calaim_timeline.archive",
    "DiffOptions": "calaim_timeline.diff",
    "EditionDiff": "calaim_timeline.diff",
    "Timeline": "calaim_timeline.history",
    "apply": "calaim_timeline.diff",
    "changelog": "calaim_timeline.history",
    "diff": "calaim_timeline.diff",
    "dump": "calaim_timeline.codec",
    "dumps": "calaim_timeline.codec",
    "from_dict": "calaim_timeline.codec",
    "import_table": "calaim_timeline.importers",
    "import_table_file": "calaim_timeline.importers",
    "load": "calaim_timeline.codec",
    "loads": "calaim_timeline.codec",
    "match": "calaim_timeline.match",
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

_FUNCTIONS_NAMED_LIKE_MODULES = frozenset({"diff", "match", "validate"})


class _Package(types.ModuleType):
    """This package: importing ``calaim_timeline.diff`` keeps ``diff`` the function.

    The import system sets a submodule as an attribute of its package once the submodule
    is loaded; for the three modules named like the function they define, that would
    replace the function, so that ``from calaim_timeline import diff`` gave a module or a
    function depending on what was imported first.
    """

    def __setattr__(self, name: str, value: Any) -> None:  # noqa: ANN401 - any attribute
        if name in _FUNCTIONS_NAMED_LIKE_MODULES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
__getattr__ = lazy_attributes(__name__, _LAZY)
