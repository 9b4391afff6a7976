"""Hypothesis strategies for every model type, so you can test your own code too.

Needs Hypothesis (``pip install calaim-timeline[strategies]``). Three kinds:

- the model types: :func:`periods`, :func:`unknown_dates`, :func:`milestones`, :func:`initiatives`,
  :func:`editions` and the rest; every value is one the library accepts, and
  :func:`editions` produces editions that :func:`~calaim_timeline.validation.validate`
  finds sound (unique ids and lineages, footnote references that resolve, known
  categories, milestones inside the window);
- the derived-edition oracle :func:`revisions`: an edition, a next edition made from it
  by known edits, and the changes a diff must report;
- the importers' oracle :func:`worded_dates`: dates as people write them ("Summer
  2024", "FY 2024-25", "TBD"), each with the date and status it means;
- the fuzzers :func:`mutations`, :func:`plain_values` and :func:`tweaked_documents`:
  damaged text and documents, for checking that a reader fails cleanly.

Installing the package also registers the model strategies with Hypothesis, so
``st.from_type(Edition)`` and ``st.builds(MyReport, edition=...)`` with an ``Edition``
annotation work with no setup. Every strategy passes Hypothesis's health checks under
its default settings.

Examples:
    >>> from hypothesis import given, strategies as st
    >>> from calaim_timeline import Edition, validate
    >>> @given(st.from_type(Edition))
    ... def test_my_report_accepts_any_edition(edition):
    ...     assert validate(edition) == ()
    >>> test_my_report_accepts_any_edition()
"""

try:
    import hypothesis  # noqa: F401 - only to say which extra is missing
except ModuleNotFoundError as missing:  # pragma: no cover - the test runs it in a subprocess
    _MSG = (
        "calaim_timeline.strategies needs Hypothesis, which is not installed:"
        " pip install 'calaim-timeline[strategies]'"
    )
    raise ModuleNotFoundError(_MSG, name="hypothesis") from missing

from calaim_timeline.strategies._fuzz import mutations, plain_values, tweaked_documents
from calaim_timeline.strategies._model import (
    categories,
    editions,
    footnotes,
    initiatives,
    milestone_kinds,
    milestones,
    periods,
    precisions,
    slugs,
    sources,
    statuses,
    sub_items,
    texts,
    unknown_dates,
    windows,
)
from calaim_timeline.strategies._revisions import Edit, Revision, revisions
from calaim_timeline.strategies._wordings import WordedDate, worded_dates

__all__ = [
    "Edit",
    "Revision",
    "WordedDate",
    "categories",
    "editions",
    "footnotes",
    "initiatives",
    "milestone_kinds",
    "milestones",
    "mutations",
    "periods",
    "plain_values",
    "precisions",
    "revisions",
    "slugs",
    "sources",
    "statuses",
    "sub_items",
    "texts",
    "tweaked_documents",
    "unknown_dates",
    "windows",
    "worded_dates",
]
