"""Identity across a chain of dozens of editions, each class of change as real schedules make it."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from calaim_timeline import Edition, Period, Status
from calaim_timeline.changes import MilestoneEdited, MilestoneRetitled, MilestoneShifted
from calaim_timeline.diffing import diff
from calaim_timeline.history import Timeline
from calaim_timeline.importers import import_table_file

LABELS = [f"release {k}" for k in range(1, 25)]


def _chain(tmp_path: Path, texts: list[str], suffix: str) -> list[Edition]:
    """Each text imported against the one before, as of consecutive months of 2021-2022."""
    editions: list[Edition] = []
    for k, text in enumerate(texts):
        path = tmp_path / f"v{k:02d}{suffix}"
        path.write_text(text, encoding="utf-8")
        month = Period.month(2021 + k // 12, k % 12 + 1)
        editions.append(
            import_table_file(
                path,
                edition_id=f"v{k:02d}",
                as_of=month,
                title="Schedule",
                previous=editions[-1] if editions else None,
            )
        )
    return editions


def _bullets(done: int) -> str:
    """The schedule with the first ``done`` releases under Actual:, the rest under Expected:."""
    actual = [f"- {label}: 2023-{k % 12 + 1:02d}-15" for k, label in enumerate(LABELS[:done])]
    expected = [
        f"- {label}: 2023-{(k + done) % 12 + 1:02d}-15" for k, label in enumerate(LABELS[done:])
    ]
    return "\n".join(["Schedule", "", "Actual:", "", *actual, "", "Expected:", "", *expected, ""])


def test_moving_from_expected_to_actual_is_a_status_change(tmp_path: Path) -> None:
    """Across 24 editions each release moves to Actual: one status change, no drop or add."""
    editions = _chain(tmp_path, [_bullets(done) for done in range(24)], ".txt")
    for old, new in pairwise(editions):
        records = [(c.change, c.milestone_id) for c in diff(old, new)]
        moved = LABELS[editions.index(old)].replace(" ", "-")
        assert records == [("milestone-edited", moved)]
        assert [c.field for c in diff(old, new) if isinstance(c, MilestoneEdited)] == ["status"]
    stories = Timeline(editions).histories
    assert sorted(len(story.present) for story in stories) == [24] * 24
    assert [s.milestone.status for s in Timeline(editions).find("release-5").present][4:6] == [
        Status.PLANNED,
        Status.DONE,
    ]


def _table(title: str, day: str) -> str:
    rows = [f"| {label} | Lead | Mon, Jun 1 |" for label in LABELS[:3]]
    return "\n".join(
        [
            "# Schedule",
            "",
            "| What | Who | When |",
            "|---|---|---|",
            f"| {title} | Team | {day} |",
            *rows,
            "",
        ]
    )


def test_a_retitle_by_markup_case_or_spacing_is_editorial(tmp_path: Path) -> None:
    """Bold, a link, capitals: each an editorial retitle of the one milestone."""
    titles = [
        "Release retrospective",
        "**Release Retrospective**",
        "**[Release Retrospective]**",
        "**[release retrospective]**",
        "Release Retrospective",
    ]
    editions = _chain(tmp_path, [_table(t, "Thu, Aug 27") for t in titles], ".md")
    for old, new in pairwise(editions):
        changes = diff(old, new).changes
        assert [(type(c).__name__, c.editorial) for c in changes] == [("MilestoneRetitled", True)]
        assert isinstance(changes[0], MilestoneRetitled)
    story = Timeline(editions).find("release-retrospective")
    assert [s.milestone.title for s in story.present] == titles


def test_a_date_that_becomes_unknown_and_is_set_again_stays_one_milestone(tmp_path: Path) -> None:
    """Code thaw: July 21, then TBD for two editions, then August 6: one history."""
    days = ["Tue, Jul 21", "TBD", "TBD", "Thu, Aug 6", "Thu, Aug 6"]
    editions = _chain(tmp_path, [_table("Code Thaw", day) for day in days], ".md")
    story = Timeline(editions).find("code-thaw")
    assert len(story.present) == 5
    assert [(m.relation.value, m.months) for m in story.moves()] == [
        ("undated", None),
        ("same", None),
        ("dated", None),
        ("same", 0),
    ]
    kinds = [[c.direction.value for c in diff(a, b) if isinstance(c, MilestoneShifted)]
             for a, b in pairwise(editions)]  # fmt: skip
    assert kinds == [["undated"], [], ["dated"], []]


def test_two_slips_in_a_row_are_two_shifts(tmp_path: Path) -> None:
    """Candidate 1: August 1, then 5, then 8: two shifts, each in the history."""
    days = ["Mon, Aug 1", "Fri, Aug 5", "Mon, Aug 8"]
    editions = _chain(tmp_path, [_table("candidate 1", day) for day in days], ".md")
    story = Timeline(editions).find("candidate-1")
    assert [(str(m.old), str(m.new), m.relation.value) for m in story.moves()] == [
        ("2021-08-01", "2021-08-05", "delayed"),
        ("2021-08-05", "2021-08-08", "delayed"),
    ]
    assert story.shifts == 2


def _release(side: str, *rows: tuple[str, str]) -> Edition:
    """An edition of these (title, date) rows, ids of its own (no lineage in common)."""
    from calaim_timeline import Initiative, Milestone, Source  # noqa: PLC0415

    milestones = tuple(
        Milestone(id=f"{side}{k}", title=title, when=Period.parse(day))
        for k, (title, day) in enumerate(rows)
    )
    return Edition(
        id="e",
        title="Release",
        as_of=Period.parse("2022-05"),
        window=Period.parse("2022-05/2022-12"),
        publisher="P",
        source=Source(document="x"),
        initiatives=(Initiative(id="release", name="Release", milestones=milestones),),
    )


def test_labels_renumbered_by_an_inserted_item_are_paired_by_date() -> None:
    """Beta 3, 4 → beta 3 (new), 4, 5: two retitles by date, flagged, and one addition."""
    old = _release(
        "old", ("beta 3", "2022-06-16"), ("beta 4", "2022-07-09"), ("final", "2022-10-03")
    )
    new = _release(
        "new",
        ("beta 3", "2022-06-01"),
        ("beta 4", "2022-06-16"),
        ("beta 5", "2022-07-09"),
        ("final", "2022-10-03"),
    )
    changes = diff(old, new)
    assert [(c.change, c.title, changes.needs_review(c)) for c in changes] == [
        ("milestone-added", "beta 3", False),
        ("milestone-retitled", "beta 4", True),
        ("milestone-retitled", "beta 5", True),
    ]
    assert [c.stage.value for c in changes if isinstance(c, MilestoneRetitled)] == [
        "renumbered",
        "renumbered",
    ]


def test_labels_that_slipped_keep_their_titles() -> None:
    """Phase 1 January → March, Phase 2 March → May: two shifts, not a renumbering."""
    old = _release("old", ("Phase 1 report", "2022-06"), ("Phase 2 report", "2022-08"))
    new = _release("new", ("Phase 1 report", "2022-08"), ("Phase 2 report", "2022-10"))
    assert [(c.change, c.title) for c in diff(old, new)] == [
        ("milestone-shifted", "Phase 1 report"),
        ("milestone-shifted", "Phase 2 report"),
    ]
