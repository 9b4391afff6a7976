"""Building editions from documents: the one way, shared by from_dict and converters."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from calaim_timeline import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    Period,
    SnapshotError,
    Source,
    SubItem,
    _fast,
)
from calaim_timeline._build import KEYS, TABLE_READERS, _careful_milestone
from calaim_timeline._structure import build, problems
from calaim_timeline._values import Problem
from calaim_timeline.codec import make_converter, to_dict
from calaim_timeline.period import When
from calaim_timeline.strategies import editions, tweaked_documents

pytestmark = pytest.mark.usefixtures("load_path")


@pytest.mark.parametrize(
    "model", [Edition, Source, Category, Footnote, Initiative, Milestone, SubItem]
)
def test_the_builder_reads_every_field_of_the_model(model: type) -> None:
    """A field added to the model must be read by the builder too, or this fails."""
    expected = []
    for field in attrs.fields(attrs.resolve_types(model)):
        expected.append(field.name)
        if field.type in (Period, When):
            expected.append(f"{field.name}_text")
    assert KEYS[model] == tuple(expected)


@given(editions())
def test_a_document_builds_back_into_its_edition(edition: Edition) -> None:
    """to_dict then build gives the edition back."""
    assert build(to_dict(edition)) == edition


@given(st.data())
def test_a_converter_builds_exactly_as_the_builder(data: st.DataObject) -> None:
    """make_converter().structure and build agree on any document, errors included."""
    document = data.draw(tweaked_documents(to_dict(data.draw(editions(max_initiatives=3)))))
    if not isinstance(document, dict):
        return
    outcomes: list[object] = []
    for read in (build, lambda d: make_converter().structure(d, Edition)):
        try:
            outcomes.append(read(document))
        except SnapshotError as error:
            outcomes.append((error.path, error.message))
    assert outcomes[0] == outcomes[1]


@given(st.data())
def test_the_quick_milestone_reader_agrees_with_the_careful_one(data: st.DataObject) -> None:
    """Where the shortcut reads a table, it reads it as the careful reader does."""
    document = data.draw(tweaked_documents(to_dict(data.draw(editions(max_initiatives=2)))))
    initiatives = document.get("initiatives") if isinstance(document, dict) else None
    tables = []
    for initiative in initiatives if isinstance(initiatives, list) else []:
        milestones = initiative.get("milestones") if isinstance(initiative, dict) else None
        tables += milestones if isinstance(milestones, list) else []
    for table in tables:
        quick = _fast.milestone(table)
        try:
            careful: object = _careful_milestone(table)
        except Problem as problem:
            careful = (problem.path, problem.message)
        assert quick is None or quick == careful


@given(st.data())
def test_every_structural_problem_is_found_and_the_first_is_the_builders(
    data: st.DataObject,
) -> None:
    """The walk that collects problems meets first the one the builder stopped at."""
    document = data.draw(tweaked_documents(to_dict(data.draw(editions(max_initiatives=3)))))
    first: tuple[object, ...] | None = None
    try:
        TABLE_READERS[Edition](document)
    except Problem as problem:
        first = (problem.path, problem.message)
    found = [(p.path, p.message) for p in problems(document)]
    assert (found[:1], len(set(found))) == ([first] if first else [], len(found))
