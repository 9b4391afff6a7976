"""The exceptions of calaim-timeline: one root, one subclass per kind of failure.

Every error the library raises on bad input is a :class:`CalaimTimelineError`; none of
the third-party exceptions (tomllib, cattrs) leaks out of the public API. The classes are
written in two modules (files' errors in ``_files``) and all live here: their
``__module__`` is this package, so tracebacks, pickles and the docs name one home.
"""

from calaim_timeline.errors._core import (
    BadCellsError,
    CalaimTimelineError,
    ChartError,
    DiffError,
    EditionNotFoundError,
    ExtraMissingError,
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
    format_errors,
)
from calaim_timeline.errors._files import FileReadError, WriteError

__all__ = [
    "BadCellsError",
    "CalaimTimelineError",
    "ChartError",
    "DiffError",
    "EditionNotFoundError",
    "ExtraMissingError",
    "FileReadError",
    "FootnoteNotFoundError",
    "GridError",
    "KindMarkError",
    "MilestoneNotFoundError",
    "NotFoundError",
    "OptionError",
    "ParseError",
    "PeriodError",
    "Problem",
    "SnapshotError",
    "UnknownChangeError",
    "ValidationError",
    "WriteError",
    "format_errors",
]

for _error in (value for value in tuple(globals().values()) if isinstance(value, type)):
    if issubclass(_error, CalaimTimelineError):
        _error.__module__ = __name__
