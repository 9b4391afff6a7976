from __future__ import annotations

from datetime import date

import attrs
import pytest

from calaim_timeline import (
    Archive,
    Edition,
    EditionNotFoundError,
    Initiative,
    Milestone,
    MilestoneKind,
    Period,
)
from calaim_timeline.history import (
    InitiativeSlip,
    MilestoneNotFoundError,
    Timeline,
    changelog,
    known_at,
    upcoming,
)
from calaim_timeline.render import ChangelogMarkdown, HistoryJson, HistoryText, SlipText
from tests.builders import edition, february_2022, milestone

EDITIONS = (*Archive.bundled().editions, february_2022())
TIMELINE = Timeline(reversed(EDITIONS))


def test_a_slipped_milestone() -> None:
    """MOT Carve-In: absent, then 2022-01, then 2022-03: one shift, +2 months."""
    story = TIMELINE.find("mot-carve-in-live")
    assert [s.listing.milestone.when.format() if s.listing else None for s in story.sightings] == [
        None,
        "2022-01",
        "2022-03",
    ]
    assert (story.first_seen, story.last_seen, story.shifts, story.slip_months) == (
        "2021-11",
        "2022-02",
        1,
        2,
    )
    assert [(m.relation.value, m.months) for m in story.moves()] == [("delayed", 2)]


def test_a_retitled_milestone_is_one_history() -> None:
    """The reworded notice is followed under its new id, found by either id."""
    story = TIMELINE.find("ecm-new-benefit-notice")
    assert story is TIMELINE.find("ecm-benefit-notice")
    assert story.key == "ecm-new-benefit-notice"
    assert story.latest.milestone.title == "MCPs send the ECM New Benefit Notice"
    assert (story.shifts, story.slip_months) == (1, 2)


def test_find_by_a_title_fragment_or_fail_clearly() -> None:
    """A unique fragment finds the milestone; an ambiguous or unknown one says so."""
    assert TIMELINE.find("recoupment").latest.milestone.id == "recoupment-reasons-update"
    with pytest.raises(
        MilestoneNotFoundError, match=r"^'carve' names 3 milestones \(mot-carve-in-live, "
    ):
        TIMELINE.find("carve")
    with pytest.raises(
        MilestoneNotFoundError,
        match=r"^no milestone has the id, lineage or a title containing 'zzz'$",
    ):
        TIMELINE.find("zzz")


def test_the_slip_table() -> None:
    """Initiatives whose milestones slipped most come first."""
    assert TIMELINE.slips()[:2] == (
        InitiativeSlip("benefits-standardization", "Benefits Standardization", 1, 1, 1, 2),
        InitiativeSlip(
            "ecm-community-supports",
            "Enhanced Care Management (ECM)/ Community Supports (ILOS)",
            1,
            1,
            1,
            2,
        ),
    )
    assert SlipText()(TIMELINE.slips()).splitlines()[0].split() == [
        "initiative",
        "tracked",
        "slipped",
        "shifts",
        "largest",
        "slip",
    ]
    assert SlipText()(()) == "No milestone is listed in more than one edition yet.\n"


def test_sequence_counts_the_editions_in_which_a_milestone_changed() -> None:
    """SEQUENCE for calendars: 0 when first listed, +1 for each edition that changed it."""
    assert TIMELINE.sequence("2021-11", "mot-carve-in-live") == ("mot-carve-in-live", 0)
    assert TIMELINE.sequence("2022-02", "mot-carve-in-live") == ("mot-carve-in-live", 1)
    assert TIMELINE.sequence("2022-02", "ecm-benefit-notice") == ("ecm-new-benefit-notice", 1)
    assert TIMELINE.sequence("2022-02", "phm-strategy-roadmap") == ("phm-strategy-roadmap", 0)
    with pytest.raises(MilestoneNotFoundError):
        TIMELINE.sequence("2022-02", "nope")


def test_history_text_and_json() -> None:
    """The text table and the JSON of a slipped milestone."""
    story = TIMELINE.find("mot-carve-in-live")
    assert HistoryText()(story) == (
        "mot-carve-in-live: MOT Carve-In goes live\n"
        "Benefits Standardization; program launch\n"
        "\n"
        "edition  as of    target   change\n"
        "2021-01  2021-01  -        absent\n"
        "2021-11  2021-11  2022-01  first listed\n"
        "2022-02  2022-02  2022-03  +2 months, delayed\n"
        "\n"
        "First seen 2021-11, last seen 2022-02: 1 shift, total slip +2 months.\n"
    )
    assert HistoryJson()(story).splitlines()[1:12] == [
        '  "milestone": "mot-carve-in-live",',
        '  "lineage": "mot-carve-in-live",',
        '  "title": "MOT Carve-In goes live",',
        '  "initiative": "benefits-standardization",',
        '  "kind": "program-launch",',
        '  "first_seen": "2021-11",',
        '  "last_seen": "2022-02",',
        '  "shifts": 1,',
        '  "slip_months": 2,',
        '  "gaps": [],',
        '  "editions": [',
    ]


def test_an_unchanged_listing_reads_unchanged() -> None:
    """A period that did not move is 'unchanged' in the text table."""
    assert HistoryText()(TIMELINE.find("phm-strategy-roadmap")).splitlines()[6] == (
        "2022-02  2022-02  2022-03  unchanged"
    )


def test_changelog_is_newest_first_and_can_start_later() -> None:
    """Each edition against the one before, newest first; --since drops the older ones."""
    assert [(d.old.header.id, d.new.header.id) for d in changelog(EDITIONS)] == [
        ("2021-11", "2022-02"),
        ("2021-01", "2021-11"),
    ]
    assert [d.new.header.id for d in changelog(EDITIONS, since="2021-11")] == ["2022-02"]
    with pytest.raises(
        EditionNotFoundError, match="no edition '2020-01' to start the change log after"
    ):
        changelog(EDITIONS, since="2020-01")


def test_known_at_and_upcoming() -> None:
    """The edition known at a date, and what it says is due next."""
    assert known_at(EDITIONS, date(2021, 12, 15)).id == "2021-11"
    assert known_at(EDITIONS, date(2022, 2, 1)).id == "2022-02"
    with pytest.raises(
        EditionNotFoundError, match="no edition is as of a month on or before 2020-05-01"
    ):
        known_at(EDITIONS, date(2020, 5, 1))
    november = EDITIONS[1]
    deadlines = upcoming(
        november, date(2021, 12, 1), within=1, kinds=[MilestoneKind.SUBMISSION_DEADLINE]
    )
    assert [m.id for _, m in deadlines] == [
        "mot-rates-to-cms",
        "dental-rates-to-cms",
        "ipp-gap-assessment-submissions",
        "mmce-deliverables-approval",
        "regional-rate-certification",
    ]
    unmarked_soon = upcoming(november, date(2022, 1, 31), within=2, kinds=[None])
    assert [(m.id, str(m.when)) for _, m in unmarked_soon] == [
        ("ccs-mou-workgroup", "2022-01"),
        ("ecm-live-hhp-counties", "2022-01"),
        ("ecm-live-wpc-counties", "2022-01"),
        ("phm-service-vendor-rfp", "2022-02"),
        ("phm-strategy-roadmap", "2022-03"),
    ]


def test_the_change_log_lists_each_shift_under_its_direction() -> None:
    """Shifted milestones appear under their direction with both periods and the months."""
    text = ChangelogMarkdown()(changelog(EDITIONS))
    section = text.split("### Delayed\n\n", 1)[1].split("\n\n", 1)[0]
    assert section.splitlines() == [
        "- **Enhanced Care Management (ECM)/ Community Supports (ILOS)**: MCPs send the ECM New Benefit Notice: 2021-12 → 2022-02 (+2 months)",
        "- **Benefits Standardization**: MOT Carve-In goes live: 2022-01 → 2022-03 (+2 months)",
    ]


def test_the_change_log_words_a_narrowed_shift_and_a_drop_beyond_the_window() -> None:
    """A quarter narrowed to a month, and a milestone past the new window's end."""

    def benefits(*milestones: Milestone) -> tuple[Initiative, ...]:
        return tuple(
            attrs.evolve(i, milestones=milestones) if i.id == "benefits" else i
            for i in edition().initiatives
        )

    guide = milestone("mot-guide", title="MOT guide released", when=Period.month(2022, 3))
    old = edition(initiatives=benefits(milestone(when=Period.parse("2022-Q1")), guide))
    new = edition(
        id="2021-12",
        as_of=Period.month(2021, 12),
        window=Period.parse("2021-12/2022-02"),
        initiatives=benefits(milestone(when=Period.month(2022, 2))),
    )
    text = ChangelogMarkdown()(changelog((old, new)))
    section = text.split("## [2021-12] as of 2021-12 (since 2021-11)\n\n", 1)[1]
    assert section.split("\n## Terms\n")[0].splitlines() == [
        "**In short:**",
        "",
        "- **Narrowed or widened:** 1 milestone with a shorter or longer period",
        "- **Beyond the window:** 1 milestone whose period starts after this edition's window",
        "- **Window:** the calendar now covers 2021-12/2022-02 (was 2021-11/2022-03)",
        "",
        "### Narrowed or widened",
        "",
        "- **Benefits Standardization**: MOT Carve-In goes live: 2022-Q1 → 2022-02 (-1 month, narrowed)",
        "",
        "### Dropped",
        "",
        "- **Benefits Standardization**: MOT guide released — 2022-03 (beyond the window)",
        "",
        "### Changed",
        "",
        "- **Edition**: Window: 2021-11/2022-03 → 2021-12/2022-02",
    ]


def test_the_change_log_lists_a_restated_period_as_a_change() -> None:
    """The same months in other words is no shift: it is listed under Changed."""

    def benefits(*milestones: Milestone) -> tuple[Initiative, ...]:
        return tuple(
            attrs.evolve(i, milestones=milestones) if i.id == "benefits" else i
            for i in edition().initiatives
        )

    old = edition(initiatives=benefits(milestone(when=Period.parse("2022-Q1"))))
    new = edition(
        id="2021-12",
        as_of=Period.month(2021, 12),
        initiatives=benefits(milestone(when=Period.parse("2022-01/2022-03"))),
    )
    text = ChangelogMarkdown(full=True)(changelog((old, new)))
    assert text.split("### Changed\n\n", 1)[1].splitlines()[0] == (
        "- **Benefits Standardization**: Restated: MOT Carve-In goes live: 2022-Q1 →"
        " 2022-01/2022-03 (0 months)"
    )
    folded = ChangelogMarkdown()(changelog((old, new)))
    assert "### Changed" not in folded
    assert "- **Editorial:** 1 change of wording or of the footnotes cited only;" in folded


def _omitting(kept: int, gone: int) -> list[Edition]:
    """A milestone listed, then left out while ``gone`` others are dropped, then back."""
    from calaim_timeline._following import RECENT  # noqa: PLC0415

    assert gone > RECENT
    others = [
        Milestone(id=f"step-{k}", title=f"Step {k} of the plan", when=Period.parse("2022-06"))
        for k in range(gone)
    ]
    back = Milestone(id="audit", title="Annual audit report", when=Period.parse("2022-06"))
    plans = [[back, *others[:kept]], others[:kept], *(others[k:kept] for k in range(1, gone))]
    plans.append([attrs.evolve(back, id="audit-report", lineage="audit-report")])
    base = edition()
    return [
        attrs.evolve(
            base,
            id=f"e{k:02d}",
            as_of=Period.month(2021, 1 + k % 12) if k < 12 else Period.month(2022, 1 + k - 12),
            window=Period.parse("2021-01/2022-12"),
            initiatives=(Initiative(id="plan", name="Plan", milestones=tuple(plan)),),
        )
        for k, plan in enumerate(plans)
    ]


def test_a_milestone_back_after_many_drops_is_found_by_its_lineage_only() -> None:
    """Its own lineage is found however long it was gone; another name is not.

    A new name is matched only among the initiative's most recent drops, so that a long
    history's cost stays linear.
    """
    editions = _omitting(kept=10, gone=10)
    same = [*editions[:-1], attrs.evolve(editions[-1], initiatives=(
        Initiative(id="plan", name="Plan", milestones=(
            Milestone(id="audit", title="Annual audit report", when=Period.parse("2022-06")),
        )),
    ))]  # fmt: skip
    assert len(Timeline(same).find("audit").present) == 2
    renamed = Timeline(editions)
    assert [len(renamed.find(name).present) for name in ("audit", "audit-report")] == [1, 1]
