from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest

from calaim_timeline import (
    Archive,
    Edition,
    Footnote,
    Initiative,
    MilestoneKind,
    Period,
    Status,
    SubItem,
)
from calaim_timeline.diffing import (
    CHANGE_NAMES,
    AddReason,
    DiffError,
    DropReason,
    EditionDiff,
    FieldChange,
    MilestoneEdited,
    MilestoneShifted,
    apply,
    diff,
)
from calaim_timeline.errors import UnknownChangeError
from calaim_timeline.render import DiffMarkdown, DiffText
from tests.builders import edition, milestone
from tests.conftest import DOCS


def _benefits(e: Edition, **fields: Any) -> Edition:  # noqa: ANN401
    """``e`` with its second initiative (benefits) changed."""
    return attrs.evolve(e, initiatives=(e.initiatives[0], attrs.evolve(e.initiatives[1], **fields)))


def _one(old: Edition, new: Edition) -> dict[str, object]:
    changes = diff(old, new)
    assert len(changes) == 1, changes.summary()
    assert apply(old, changes) == new
    assert changes.inverse() == diff(new, old)
    return dict(changes.to_json()["changes"][0])


BASE = edition()
MOT = BASE.initiatives[1].milestones[0]
HHP = BASE.initiatives[1].milestones[1]


def test_a_shift_carries_periods_direction_and_months() -> None:
    """A moved period is one milestone-shifted with its old and new period."""
    worded = attrs.evolve(MOT, when=Period.parse("2022-Q1", text="first quarter of 2022"))
    assert _one(BASE, _benefits(BASE, milestones=(worded, HHP))) == {
        "change": "milestone-shifted",
        "initiative": "benefits",
        "milestone": "mot-live",
        "title": "MOT Carve-In goes live",
        "kind": "program-launch",
        "old_when": "2022-01",
        "new_when": "2022-Q1",
        "new_when_text": "first quarter of 2022",
        "direction": "widened",
        "months": 2,
    }


def test_a_retitle_carries_both_titles_and_how_it_was_found() -> None:
    """A reworded title with a new id is one milestone-retitled, found by similarity."""
    reworded = attrs.evolve(
        MOT, id="mot-go-live", lineage="mot-go-live", title="MOT Carve-In now goes live"
    )
    assert _one(BASE, _benefits(BASE, milestones=(reworded, HHP))) == {
        "change": "milestone-retitled",
        "initiative": "benefits",
        "milestone": "mot-go-live",
        "title": "MOT Carve-In now goes live",
        "kind": "program-launch",
        "old_title": "MOT Carve-In goes live",
        "new_title": "MOT Carve-In now goes live",
        "similarity": pytest.approx(91.7, abs=0.1),
        "editorial": False,
        "stage": "similar",
    }


def test_an_editorial_retitle_is_flagged_and_left_out_of_substantive() -> None:
    """Only case and punctuation changed: editorial, and --substantive hides it."""
    retitled = _benefits(BASE, milestones=(attrs.evolve(MOT, title="MOT carve-in goes live."), HHP))
    changes = diff(BASE, retitled)
    assert _one(BASE, retitled)["editorial"] is True
    assert changes.filter(substantive=True).changes == ()


def test_a_restated_period_is_not_substantive() -> None:
    """Same months in other words is a restated shift, hidden by --substantive."""
    restated = _benefits(
        BASE, milestones=(attrs.evolve(MOT, when=Period.month(2022, 1, text="January")), HHP)
    )
    assert _one(BASE, restated)["direction"] == "restated"
    assert diff(BASE, restated).filter(substantive=True).changes == ()


def test_a_rekind_carries_both_kinds() -> None:
    """A new kind mark is one milestone-rekinded."""
    rekinded = _benefits(BASE, milestones=(attrs.evolve(MOT, kind=None), HHP))
    found = _one(BASE, rekinded)
    assert (found["change"], found["old_kind"], found["new_kind"], found["kind"]) == (
        "milestone-rekinded",
        "program-launch",
        None,
        None,
    )


def test_a_move_names_both_initiatives() -> None:
    """A milestone that keeps its lineage in another initiative is one milestone-moved."""
    moved = attrs.evolve(
        BASE,
        initiatives=(
            attrs.evolve(BASE.initiatives[0], milestones=(MOT,)),
            attrs.evolve(BASE.initiatives[1], milestones=(HHP,)),
        ),
    )
    found = _one(BASE, moved)
    assert (found["change"], found["old_initiative"], found["new_initiative"]) == (
        "milestone-moved",
        "benefits",
        "cross",
    )


def test_an_edit_reports_the_field_and_deepdiff_details() -> None:
    """Sub-item changes are one milestone-edited with field-level details."""
    edited = attrs.evolve(
        HHP,
        sub_items=(
            SubItem(
                text="Members enrolled in HHP", footnotes=(1,), kind=MilestoneKind.PROGRAM_LAUNCH
            ),
        ),
    )
    found = _one(BASE, _benefits(BASE, milestones=(MOT, edited)))
    assert found["field"] == "sub_items"
    assert found["details"] == [
        {"path": "sub_items[0].kind", "kind": "added", "new": "program-launch"}
    ]
    change = diff(BASE, _benefits(BASE, milestones=(MOT, edited))).changes[0]
    assert isinstance(change, MilestoneEdited)
    assert change.details() == (
        FieldChange(path="sub_items[0].kind", kind="added", new="program-launch"),
    )


def test_status_and_footnotes_are_separate_edits() -> None:
    """Each changed field is its own milestone-edited, in field order."""
    edited = attrs.evolve(MOT, status=Status.DONE, footnotes=(1,))
    changes = diff(BASE, _benefits(BASE, milestones=(edited, HHP)))
    assert [(c.change, getattr(c, "field", None)) for c in changes] == [
        ("milestone-edited", "footnotes"),
        ("milestone-edited", "status"),
    ]
    status = changes.to_json()["changes"][1]
    assert status["change"] == "milestone-edited"  # the document's type narrows with it
    assert status["details"] == [
        {"path": "status", "kind": "changed", "old": "planned", "new": "done"}
    ]


def test_initiative_changes() -> None:
    """Renames (by alias), recategorisations and footnote edits of an initiative."""
    new = attrs.evolve(
        BASE,
        initiatives=(
            attrs.evolve(BASE.initiatives[0], category="managed-care", footnotes=()),
            attrs.evolve(
                BASE.initiatives[1],
                id="standard-benefits",
                name="Standard Benefits",
                aliases=("benefits",),
            ),
        ),
    )
    changes = diff(BASE, new)
    assert apply(BASE, changes) == new
    assert changes.inverse() == diff(new, BASE)
    assert changes.to_json()["changes"] == [
        {"change": "initiative-recategorized", "initiative": "cross", "milestone": None, "title": "Cross-Initiative Milestones", "old_category": None, "new_category": "managed-care"},
        {"change": "initiative-edited", "initiative": "cross", "milestone": None, "title": "Cross-Initiative Milestones", "field": "footnotes", "old": [1], "new": []},
        {"change": "initiative-renamed", "initiative": "standard-benefits", "milestone": None, "title": "Standard Benefits", "old_initiative": "benefits", "old_name": "Benefits Standardization", "new_name": "Standard Benefits", "old_aliases": [], "new_aliases": ["benefits"], "stage": "alias", "score": 100.0},
    ]  # fmt: skip


def test_alias_changes_without_a_rename_are_edits() -> None:
    """A new alias alone is an initiative-edited of field aliases."""
    aliased = _benefits(BASE, aliases=("Standardization",))
    assert _one(BASE, aliased)["field"] == "aliases"


def test_added_and_dropped_initiatives_and_footnotes() -> None:
    """New and missing initiatives and footnotes, with their milestones as their own changes."""
    new = attrs.evolve(
        BASE,
        initiatives=(
            BASE.initiatives[0],
            Initiative(
                id="dental", name="Dental", milestones=(milestone("apl", title="Dental APL"),)
            ),
        ),
        footnotes=(
            Footnote(number=1, text="Subject to CMS approval!"),
            Footnote(number=2, text="New note."),
        ),
    )
    changes = diff(BASE, new)
    assert apply(BASE, changes) == new
    assert changes.inverse() == diff(new, BASE)
    assert [(c.change, c.initiative_id, c.milestone_id) for c in changes] == [
        ("footnote-changed", None, None),
        ("footnote-added", None, None),
        ("initiative-added", "dental", None),
        ("milestone-added", "dental", "apl"),
        ("initiative-dropped", "benefits", None),
        ("milestone-dropped", "benefits", "mot-live"),
        ("milestone-dropped", "benefits", "ecm-hhp"),
    ]
    as_json = changes.to_json()["changes"]
    assert as_json[1] == {
        "change": "footnote-added",
        "initiative": None,
        "milestone": None,
        "title": None,
        "number": 2,
        "text": "New note.",
    }
    assert dict(as_json[0])["editorial"] is True
    assert as_json[2] == {
        "change": "initiative-added",
        "initiative": "dental",
        "milestone": None,
        "title": "Dental",
        "category": None,
    }
    assert as_json[3] == {"change": "milestone-added", "initiative": "dental", "milestone": "apl", "title": "Dental APL", "kind": "program-launch", "when": "2022-01", "reason": "new"}  # fmt: skip
    assert changes.filter(substantive=True).summary() == {
        "footnote-added": 1,
        "initiative-added": 1,
        "initiative-dropped": 1,
        "milestone-added": 1,
        "milestone-dropped": 2,
    }


@pytest.mark.parametrize(
    ("when", "window", "reason"),
    [
        ("2021-10", "2021-11/2022-03", DropReason.AGED_OUT),
        ("2022-04", "2021-11/2022-03", DropReason.BEYOND_WINDOW),
        ("2021-H2", "2021-11/2022-03", DropReason.UNLISTED),
        ("2022-03-31", "2021-11/2022-03", DropReason.UNLISTED),
    ],
)
def test_drop_reasons(when: str, window: str, reason: DropReason) -> None:
    """A drop is aged out before the new window, beyond it after, else unlisted."""
    assert DropReason.of(Period.parse(when), Period.parse(window)) is reason


@pytest.mark.parametrize(
    ("when", "old_window", "reason"),
    [
        ("2021-12", "2021-01/2021-12", AddReason.NEW),
        ("2021-H2", "2021-01/2021-09", AddReason.NEW),
        ("2022-01", "2021-01/2021-12", AddReason.ENTERED_WINDOW),
    ],
)
def test_add_reasons(when: str, old_window: str, reason: AddReason) -> None:
    """An addition is new when the old window covered it, else it entered the window."""
    assert AddReason.of(Period.parse(when), Period.parse(old_window)) is reason


def test_window_changes_are_reported_first() -> None:
    """A later window is a window-changed at the top of the list."""
    later = attrs.evolve(BASE, window=Period.parse("2021-12/2022-04"))
    assert _one(BASE, later) == {
        "change": "window-changed",
        "initiative": None,
        "milestone": None,
        "title": None,
        "old_window": "2021-11/2022-03",
        "new_window": "2021-12/2022-04",
    }


def _mixed() -> EditionDiff:
    shifted = attrs.evolve(MOT, when=Period.month(2022, 3))
    return diff(
        BASE,
        _benefits(
            BASE, milestones=(shifted, attrs.evolve(HHP, kind=MilestoneKind.DOCUMENT_RELEASE))
        ),
    )


def test_filters() -> None:
    """Filters by change name, initiative and milestone kind combine."""
    changes = _mixed()
    assert changes.summary() == {"milestone-shifted": 1, "milestone-rekinded": 1}
    assert len(changes.filter(changes=["milestone-shifted"])) == 1
    assert len(changes.filter(initiatives=["cross"])) == 0
    assert len(changes.filter(initiatives=["benefits"])) == 2
    assert [c.milestone_id for c in changes.filter(kinds=[MilestoneKind.DOCUMENT_RELEASE])] == [
        "ecm-hhp"
    ]
    assert len(changes.filter(kinds=[None])) == 0
    with pytest.raises(
        UnknownChangeError,
        match=r"^unknown change name 'milestone-moved-away': expected one of window-changed, ",
    ):
        changes.filter(changes=["milestone-moved-away"])


def test_a_shift_record_derives_its_figures() -> None:
    """Direction and months come from the two periods."""
    change = _mixed().changes[0]
    assert isinstance(change, MilestoneShifted)
    assert (change.direction.value, change.months) == ("delayed", 2)


def test_apply_refuses_another_edition() -> None:
    """A diff applies only to its own old edition."""
    with pytest.raises(
        DiffError,
        match=r"^the diff is from edition '2021-11', which is not the edition given \('other'\)$",
    ):
        _mixed().apply(attrs.evolve(BASE, id="other"))


def test_apply_refuses_an_edition_that_differs_in_a_milestone() -> None:
    """Same id and layout, one title edited: not the diff's old edition either."""
    other = _benefits(BASE, milestones=(attrs.evolve(MOT, title="Edited"), HHP))
    with pytest.raises(DiffError, match=r"which is not the edition given \('2021-11'\)$"):
        _mixed().apply(other)


def test_apply_refuses_a_filtered_diff_that_lacks_what_it_needs() -> None:
    """A filtered diff without the addition of a milestone cannot rebuild the edition."""
    new = _benefits(
        BASE, milestones=(MOT, HHP, milestone("extra", title="Something else entirely"))
    )
    partial = diff(BASE, new).filter(changes=["milestone-shifted"])
    with pytest.raises(
        DiffError,
        match=r"^the diff has no change that provides 'extra': apply needs the whole diff",
    ):
        apply(BASE, partial)


def test_change_names_are_the_design_s_plus_initiative_edited() -> None:
    """Every JSON change name, in summary order."""
    assert CHANGE_NAMES == (
        "window-changed", "footnote-added", "footnote-dropped", "footnote-changed",
        "initiative-added", "initiative-dropped", "initiative-renamed", "initiative-recategorized",
        "initiative-edited", "milestone-added", "milestone-dropped", "milestone-moved",
        "milestone-retitled", "milestone-shifted", "milestone-rekinded", "milestone-edited",
    )  # fmt: skip


def test_iteration_and_length() -> None:
    """A diff iterates over its changes and counts them."""
    changes = _mixed()
    assert len(changes) == 2
    assert [c.change for c in changes] == ["milestone-shifted", "milestone-rekinded"]


def test_a_dropped_footnote_and_the_references_that_went_with_it() -> None:
    """Dropping footnote 1 drops it and edits what referred to it; apply and inverse hold."""
    cross, benefits = BASE.initiatives
    bare_hhp = attrs.evolve(HHP, sub_items=(SubItem(text="Members enrolled in HHP"),))
    new = attrs.evolve(
        BASE,
        footnotes=(),
        initiatives=(
            attrs.evolve(cross, footnotes=()),
            attrs.evolve(benefits, milestones=(MOT, bare_hhp)),
        ),
    )
    changes = diff(BASE, new)
    assert [(c.change, c.initiative_id, c.milestone_id) for c in changes] == [
        ("footnote-dropped", None, None),
        ("initiative-edited", "cross", None),
        ("milestone-edited", "benefits", "ecm-hhp"),
    ]
    assert apply(BASE, changes) == new
    assert changes.inverse() == diff(new, BASE)
    assert "  - Footnote 1 dropped: Subject to CMS approval." in DiffText(full=True)(changes)


def test_filtering_by_initiative_finds_moves_and_renames_by_their_old_id() -> None:
    """A move or rename is found by the initiative it came from, too."""
    moved = attrs.evolve(
        BASE,
        initiatives=(
            attrs.evolve(BASE.initiatives[0], milestones=(MOT,)),
            attrs.evolve(
                BASE.initiatives[1],
                id="standard",
                name="Standard",
                aliases=("benefits",),
                milestones=(HHP,),
            ),
        ),
    )
    changes = diff(BASE, moved)
    assert [c.change for c in changes.filter(initiatives=["benefits"])] == [
        "milestone-moved",
        "initiative-renamed",
    ]
    assert [c.change for c in changes.filter(initiatives=["cross"])] == ["milestone-moved"]


def test_every_change_of_one_milestone_in_report_order() -> None:
    """Retitle, shift, rekind, then edits by field; footnote changes before them all."""
    notes = (Footnote(number=1, text="Subject to CMS approval."), Footnote(number=2, text="APL."))
    old = edition(footnotes=notes)
    benefits = old.initiatives[1]
    changed = attrs.evolve(
        benefits.milestones[0],
        title="MOT Carve-In goes live statewide",
        kind=MilestoneKind.DOCUMENT_RELEASE,
        when=Period.month(2022, 3),
        footnotes=(2,),
        status=Status.DONE,
    )
    new = attrs.evolve(
        old,
        footnotes=(
            Footnote(number=1, text="Subject to CMS approval!"),
            Footnote(number=2, text="The APL."),
        ),
        initiatives=(
            old.initiatives[0],
            attrs.evolve(benefits, milestones=(changed, benefits.milestones[1])),
        ),
    )
    changes = diff(old, new)
    assert [(c.change, getattr(c, "field", None)) for c in changes] == [
        ("footnote-changed", None),
        ("footnote-changed", None),
        ("milestone-retitled", None),
        ("milestone-shifted", None),
        ("milestone-rekinded", None),
        ("milestone-edited", "footnotes"),
        ("milestone-edited", "status"),
    ]
    assert [(link.old, link.new, link.stage.value) for link in changes.milestone_links] == [
        ("mot-live", "mot-live", "lineage"),
        ("ecm-hhp", "ecm-hhp", "lineage"),
    ]
    assert [(link.old, link.stage.value) for link in changes.initiative_links] == [
        ("cross", "id"),
        ("benefits", "id"),
    ]
    assert changes.filter().changes == changes.changes


def test_a_pair_found_by_context_is_flagged_for_review_in_every_output() -> None:
    """A retitle found only by context is marked in JSON ("review": true), text and markdown."""
    old = edition()
    home = old.initiatives[1]
    retitled = attrs.evolve(
        home.milestones[0],
        id="mot-benefits-live",
        lineage="mot-benefits-live",
        title="MOT Carve-In benefits and pay-for-performance goes live",
    )
    new = attrs.evolve(
        old,
        id="2021-12",
        initiatives=(
            old.initiatives[0],
            attrs.evolve(home, milestones=(retitled, *home.milestones[1:])),
        ),
    )
    changes = diff(old, new)
    assert [
        (c["change"], dict(c)["stage"], c.get("review")) for c in changes.to_json()["changes"]
    ] == [("milestone-retitled", "context", True)]
    note = " [review: recognised by its place, period and kind, 75% sure]"
    (line,) = [x for x in DiffText(width=200)(changes).splitlines() if "Retitled" in x]
    assert line.endswith(note)
    (line,) = [x for x in DiffMarkdown()(changes).splitlines() if "Retitled" in x]
    assert line.endswith(r" \[review: recognised by its place, period and kind, 75% sure\]")
    assert diff(old, old).to_json()["changes"] == []
    schema = json.loads((DOCS / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(changes.to_json(), schema)


def test_writing_the_old_lineage_settles_a_pair_flagged_for_review() -> None:
    """The new milestone given the old one's lineage is paired by lineage, with certainty."""
    old = edition()
    home = old.initiatives[1]
    title = "MOT Carve-In benefits and pay-for-performance goes live"
    for lineage, stage, review in (
        ("mot-benefits-live", "context", True),
        ("mot-live", "lineage", None),
    ):
        retitled = attrs.evolve(
            home.milestones[0], id="mot-benefits-live", lineage=lineage, title=title
        )
        new = attrs.evolve(
            old,
            id="2021-12",
            initiatives=(
                old.initiatives[0],
                attrs.evolve(home, milestones=(retitled, *home.milestones[1:])),
            ),
        )
        [change] = diff(old, new).to_json()["changes"]
        assert (dict(change)["stage"], change.get("review")) == (stage, review)


def test_filtering_by_initiative_reads_old_and_new_ids() -> None:
    """An initiative's old id finds its rename and its drops; added and dropped ones their own."""
    changes = diff(Archive.bundled()["2021-01"], Archive.bundled()["2021-11"])
    found = {
        ids: changes.filter(initiatives=[ids]).summary()
        for ids in ("ecm-ilos", "ecm-community-supports", "dental", "county-inmate-pre-release")
    }
    assert found == {
        "ecm-ilos": {"initiative-renamed": 1, "milestone-dropped": 8},
        "ecm-community-supports": {
            "initiative-renamed": 1,
            "initiative-edited": 1,
            "milestone-added": 6,
        },
        "dental": {"initiative-added": 1, "milestone-added": 4},
        "county-inmate-pre-release": {"initiative-dropped": 1, "milestone-dropped": 1},
    }
    assert changes.filter(changes=["footnote-added"]).filter(initiatives=["dental"]).changes == ()
