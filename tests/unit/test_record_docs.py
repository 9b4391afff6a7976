"""docs/diff.md's table of change records: each record's attributes and JSON keys as coded."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

from calaim_timeline import (
    AddReason,
    DropReason,
    Footnote,
    FootnoteAdded,
    FootnoteChanged,
    FootnoteDropped,
    Initiative,
    InitiativeAdded,
    InitiativeDropped,
    InitiativeEdited,
    InitiativeRecategorized,
    InitiativeRenamed,
    Milestone,
    MilestoneAdded,
    MilestoneDropped,
    MilestoneEdited,
    MilestoneMoved,
    MilestoneRekinded,
    MilestoneRetitled,
    MilestoneShifted,
    Period,
    Placed,
    WindowChanged,
)
from calaim_timeline.changes import CHANGE_TYPES, ChangeRecord, to_json
from calaim_timeline.matching import Stage
from tests.conftest import DOCS

COMMON = ["change", "initiative", "milestone", "title"]
"""The keys every record's JSON opens with (and ``kind`` for a milestone's record)."""


def _rows() -> dict[str, tuple[list[str], list[str]]]:
    """Each class the table names, with its attributes and its JSON keys."""
    page = (DOCS / "diff.md").read_text(encoding="utf-8")
    table = page.split("| change | class | when | attributes |", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = line.split(" | ")
        names = [re.sub(r"\(\)$", "", n) for n in re.findall(r"`([\w()]+)`", cells[3])]
        rows[cells[1].strip("`")] = (names, re.findall(r"`(\w+)`", cells[4]))
    return rows


ROWS = _rows()
MILESTONE = Milestone(id="go", title="Go live", when=Period.parse("2022-01"))
INITIATIVE = Initiative(id="ecm", name="ECM", aliases=("Enhanced care",))


def _placed(**changes: Any) -> Placed:  # noqa: ANN401 - any field of a milestone
    return Placed("ecm", attrs.evolve(MILESTONE, **changes))


SAMPLES: dict[type, ChangeRecord] = {
    MilestoneAdded: MilestoneAdded(new=_placed(), reason=AddReason.NEW),
    MilestoneDropped: MilestoneDropped(old=_placed(), reason=DropReason.UNLISTED),
    MilestoneShifted: MilestoneShifted(old=_placed(), new=_placed(when=Period.parse("2022-03"))),
    MilestoneRetitled: MilestoneRetitled(
        old=_placed(), new=_placed(title="Goes live"), stage=Stage.TITLE
    ),
    MilestoneRekinded: MilestoneRekinded(old=_placed(), new=_placed()),
    MilestoneMoved: MilestoneMoved(old=_placed(), new=Placed("dental", MILESTONE)),
    MilestoneEdited: MilestoneEdited(old=_placed(), new=_placed(footnotes=(1,)), field="footnotes"),
    InitiativeAdded: InitiativeAdded(new=INITIATIVE),
    InitiativeDropped: InitiativeDropped(old=INITIATIVE),
    InitiativeRenamed: InitiativeRenamed(
        old=INITIATIVE,
        new=attrs.evolve(INITIATIVE, name="CalAIM ECM"),
        stage=Stage.TITLE,
        score=90.0,
    ),
    InitiativeRecategorized: InitiativeRecategorized(
        old=INITIATIVE, new=attrs.evolve(INITIATIVE, category="bh")
    ),
    InitiativeEdited: InitiativeEdited(
        old=INITIATIVE, new=attrs.evolve(INITIATIVE, footnotes=(1,)), field="footnotes"
    ),
    FootnoteAdded: FootnoteAdded(new=Footnote(number=1, text="Pending.")),
    FootnoteDropped: FootnoteDropped(old=Footnote(number=1, text="Pending.")),
    FootnoteChanged: FootnoteChanged(
        old=Footnote(number=1, text="Pending."), new=Footnote(number=1, text="Approved.")
    ),
    WindowChanged: WindowChanged(old=Period.parse("2021"), new=Period.parse("2022")),
}


def test_the_table_has_every_record_type_once() -> None:
    """One row per record class, none missing, none extra."""
    assert sorted(ROWS) == sorted(kind.__name__ for kind in CHANGE_TYPES)


@pytest.mark.parametrize("kind", CHANGE_TYPES, ids=lambda kind: kind.__name__)
def test_each_records_attributes_are_those_the_table_lists(kind: type[ChangeRecord]) -> None:
    """Every field of the class is listed, and everything listed is on the class."""
    listed, _ = ROWS[kind.__name__]
    fields = [field.name for field in attrs.fields(kind)]  # type: ignore[arg-type]
    assert (
        sorted(set(fields) - set(listed)),
        [n for n in listed if not hasattr(kind, n) and n not in fields],
    ) == ([], [])


@pytest.mark.parametrize("kind", CHANGE_TYPES, ids=lambda kind: kind.__name__)
def test_each_records_json_keys_are_those_the_table_lists(kind: type[ChangeRecord]) -> None:
    """The JSON object is the common keys, then exactly the listed ones, in that order."""
    record = SAMPLES[kind]
    _, keys = ROWS[kind.__name__]
    head = [*COMMON, "kind"] if record.milestone_id is not None else COMMON
    assert list(to_json(record)) == [*head, *keys]


SIDES: dict[str, tuple[type, ...]] = {
    "milestone": (Milestone,),
    "initiative": (Initiative,),
    "footnote": (Footnote,),
    "placed": (Placed,),
    "initiative_id": (str, type(None)),
    "milestone_id": (str, type(None)),
}
"""What each name of the naming scheme holds, on every record that has it."""


@pytest.mark.parametrize("kind", CHANGE_TYPES, ids=lambda kind: kind.__name__)
def test_one_name_means_one_thing_on_every_record(kind: type[ChangeRecord]) -> None:
    """An object is ``milestone``/``initiative``/``footnote``, an id ends in ``_id``."""
    record = SAMPLES[kind]
    held = {name: type(getattr(record, name)).__name__ for name in SIDES if hasattr(record, name)}
    wrong = {
        name: found
        for name, found in held.items()
        if not isinstance(getattr(record, name), SIDES[name])
    }
    sides = {type(getattr(record, side)) for side in ("old", "new") if hasattr(record, side)}
    assert (wrong, "initiative_id" in held, "milestone_id" in held, len(sides)) == (
        {},
        True,
        True,
        1,
    )
