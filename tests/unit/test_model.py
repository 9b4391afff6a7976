from __future__ import annotations

import pytest

from calaim_timeline import Milestone, MilestoneKind, Period, Status, SubItem
from tests.builders import edition, milestone


def test_kinds_round_trip_through_their_marks() -> None:
    """Each kind has the calendar's symbol and is found again from it."""
    assert {kind.mark: kind for kind in MilestoneKind} == {
        "*": MilestoneKind.DOCUMENT_RELEASE,
        "^": MilestoneKind.SUBMISSION_DEADLINE,
        "+": MilestoneKind.PROGRAM_LAUNCH,
    }
    assert all(MilestoneKind.from_mark(kind.mark) is kind for kind in MilestoneKind)


def test_an_unknown_mark_is_named_in_the_error() -> None:
    """A symbol the calendar does not use is refused with the symbols it does."""
    with pytest.raises(
        ValueError, match=r"^unknown kind mark '#': expected one of '\*', '\^', '\+'$"
    ):
        MilestoneKind.from_mark("#")


def test_lineage_defaults_to_the_id_and_status_to_planned() -> None:
    """A new milestone follows itself and is still ahead."""
    m = milestone("mot-live")
    assert (m.lineage, m.status, m.sub_items, m.footnotes) == ("mot-live", Status.PLANNED, (), ())
    assert milestone("mot-live", lineage="mot").lineage == "mot"


def test_models_are_immutable_and_hashable() -> None:
    """Equal models hash alike and refuse assignment."""
    assert hash(edition()) == hash(edition())
    with pytest.raises(AttributeError):
        milestone().title = "x"  # type: ignore[misc]


def test_models_are_keyword_only() -> None:
    """Positional construction is refused, so fields cannot be swapped by accident."""
    with pytest.raises(TypeError):
        SubItem("text")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": 3}, "'title' must be a string (got int 3)"),
        ({"when": "2022-01"}, "'when' must be a Period or an UnknownDate (got str '2022-01')"),
        ({"footnotes": [1]}, "'footnotes' must be a tuple of footnote numbers (got list [1])"),
        ({"footnotes": (1, True)}, "'footnotes[1]' must be a footnote number (got bool True)"),
        ({"kind": "+"}, "'kind' must be a MilestoneKind or None (got str '+')"),
        ({"status": "done"}, "'status' must be a Status (got str 'done')"),
    ],
)
def test_wrong_types_are_refused_with_the_field_named(
    fields: dict[str, object], message: str
) -> None:
    """Building a model with a wrong type names the field, what it wants and what it got."""
    with pytest.raises(TypeError) as raised:
        Milestone(id="m", **{"title": "t", "when": Period.month(2022, 1), **fields})  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_edition_lists_its_milestones_and_finds_footnotes() -> None:
    """milestones() pairs each milestone with its initiative; footnote() looks numbers up."""
    e = edition()
    assert [(i.id, m.id) for i, m in e.milestones] == [
        ("benefits", "mot-live"),
        ("benefits", "ecm-hhp"),
    ]
    assert e.footnote(1).text == "Subject to CMS approval."
    with pytest.raises(KeyError):
        e.footnote(2)
