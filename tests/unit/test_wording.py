"""Words that cannot mislead: past due is not still due, no slip sums, one vocabulary, plurals."""

from __future__ import annotations

from pathlib import Path

import attrs

from calaim_timeline import Initiative, Period, save
from calaim_timeline.changes import DropReason, MilestoneDropped
from calaim_timeline.diffing import diff
from calaim_timeline.history import InitiativeSlip, Timeline
from calaim_timeline.render import ChangelogMarkdown, ChangelogText, DiffMarkdown, DiffText
from calaim_timeline.render.text import SlipText
from tests.builders import edition, milestone, with_benefits
from tests.cli.test_cli import run, wrote

# A list's editions: the window spans the list, the second is as of April 2022.
JANUARY = with_benefits(
    edition(id="2022-01", as_of=Period.month(2022, 1), window=Period.parse("2022-01/2022-06")),
    milestone("mot-live", when=Period.month(2022, 2)),
    milestone("dental", title="Dental policy goes live", when=Period.month(2022, 5)),
)
APRIL = with_benefits(
    attrs.evolve(JANUARY, id="2022-04", as_of=Period.month(2022, 4)),
    milestone("dental", title="Dental policy goes live", when=Period.month(2022, 5)),
)


def test_a_milestone_dropped_after_its_date_is_past_due_not_still_due() -> None:
    """Its date (Feb) is inside the new window but before the new as-of (Apr): past due."""
    changes = diff(JANUARY, APRIL)
    assert [(c.change, getattr(c, "reason", None)) for c in changes] == [
        ("milestone-dropped", DropReason.PAST_DUE)
    ]
    text = DiffText()(changes)
    assert "still due" not in text.lower()
    assert text.splitlines()[2:6] == [
        "In short:",
        "  Past due: 1 milestone due before this edition's date, no longer listed",
        "    - MOT Carve-In goes live (Benefits Standardization), due 2022-02",
        "",
    ]
    assert "  - Past due: 2022-02  MOT Carve-In goes live [+] (no longer listed)" in text
    log = ChangelogMarkdown()([changes])
    assert (
        "- **Benefits Standardization**: PAST DUE, NO LONGER LISTED: MOT Carve-In goes live"
        " — 2022-02"
    ) in log
    assert "- **Past due:** no longer listed, and its period" in log
    assert diff(JANUARY, APRIL).inverse() == diff(APRIL, JANUARY)


def test_the_same_drop_before_its_date_is_still_due() -> None:
    """As of January the February milestone is not past: gone while still due."""
    early = attrs.evolve(APRIL, id="2022-01-b", as_of=Period.month(2022, 1))
    (change,) = diff(JANUARY, early).changes
    assert isinstance(change, MilestoneDropped)
    assert change.reason is DropReason.UNLISTED


def test_the_slip_table_gives_the_largest_slip_never_a_sum() -> None:
    """Two milestones six months late are two slips of +6, not +12."""
    later = with_benefits(
        attrs.evolve(JANUARY, id="2022-04", as_of=Period.month(2022, 4)),
        milestone("mot-live", when=Period.month(2022, 8)),
        milestone("dental", title="Dental policy goes live", when=Period.month(2022, 11)),
    )
    slips = Timeline([JANUARY, later]).slips()
    assert slips == (InitiativeSlip("benefits", "Benefits Standardization", 2, 2, 2, 6),)
    assert SlipText()(slips).splitlines() == [
        "initiative                tracked  slipped  shifts  largest slip",
        "Benefits Standardization  2        2        2       +6 months",
    ]


def test_the_digest_and_the_sections_use_one_vocabulary() -> None:
    """Added milestones are "new" or "entered the window" in both; milestones are retitled."""
    added = with_benefits(
        attrs.evolve(JANUARY, id="2022-04", window=Period.parse("2022-01/2022-09")),
        milestone("mot-live", title="MOT Carve-In goes live statewide", when=Period.month(2022, 2)),
        milestone("dental", title="Dental policy goes live", when=Period.month(2022, 5)),
        milestone("new-one", title="Rates certified", when=Period.month(2022, 3)),
        milestone("later-one", title="Rates paid", when=Period.month(2022, 8)),
    )
    changes = diff(JANUARY, added)
    digest = ChangelogMarkdown()([changes]).split("### ")[0]
    assert "- **Added:** 2 milestones (1 new, 1 entered the window)" in digest
    assert "- **Renamed:** 1 milestone retitled" in digest
    sections = ChangelogMarkdown()([changes]).split("**In short:**")[1]
    assert "### Added" in sections
    assert "Rates certified — 2022-03, program launch (new)" in sections
    assert "Rates paid — 2022-08, program launch (entered the window)" in sections
    assert "### Renamed" in sections


def test_when_no_milestone_is_in_both_the_digest_says_nothing_could_move() -> None:
    """Otherwise a missing "Delayed" line would read as "nothing slipped"."""
    other = with_benefits(
        attrs.evolve(JANUARY, id="2022-04"), milestone("x", title="Something else")
    )
    lines = DiffText()(diff(JANUARY, other)).splitlines()
    assert (
        lines[3]
        == "  In both editions: no milestone is in both editions, so nothing can have moved"
    )
    assert "In both editions" not in DiffText()(diff(JANUARY, APRIL))


def test_the_terms_are_those_the_report_uses_and_no_terms_drops_them() -> None:
    """A report of one drop past due explains the period notation, past due and the marks."""
    text = DiffText()(diff(JANUARY, APRIL))
    terms = text.split("Terms:\n")[1].splitlines()
    assert [line.split(":")[0].strip() for line in terms if not line.startswith("    ")] == [
        "Period",
        "Past due",
        "Marks",
    ]
    assert "Terms" not in DiffText(terms=False)(diff(JANUARY, APRIL))
    assert "## Terms" not in DiffMarkdown(terms=False)(diff(JANUARY, APRIL))
    assert "Terms:" not in ChangelogText(terms=False)([diff(JANUARY, APRIL)])
    full, plain = (
        run("diff", "2021-01", "2021-11")[1],
        run("diff", "2021-01", "2021-11", "--no-terms")[1],
    )
    assert (full.startswith(plain), "\nTerms:\n" in full, "Terms:" in plain) == (True, True, False)


def test_the_change_log_as_plain_text(tmp_path: Path) -> None:
    """--format text, or -o FILE.txt: no markup; -o .md is markdown; a clash is refused."""
    code, text = run("changelog", "--format", "text")
    assert code == 0
    assert text.splitlines()[:6] == [
        "CalAIM Milestones Calendar: change log",
        "======================================",
        "",
        "2021-11 as of 2021-11 (since 2021-01)",
        "-------------------------------------",
        "In short:",
    ]
    assert "**" not in text
    assert "  Dropped" in text.splitlines()
    log = tmp_path / "log.txt"
    assert wrote("changelog", "-o", str(log)) == (0, f"wrote {log}\n")
    assert log.read_text(encoding="utf-8") == text
    page = tmp_path / "log.md"
    assert wrote("changelog", "-o", str(page)) == (0, f"wrote {page}\n")
    assert page.read_text(encoding="utf-8") == run("changelog")[1]
    assert run("changelog", "--format", "text", "-o", str(tmp_path / "x.md")) == (2, "")


def test_one_of_anything_is_singular(tmp_path: Path) -> None:
    """One edition, one initiative, one milestone, one entry: never "1 editions"."""
    benefits = Initiative(id="benefits", name="Benefits Standardization", milestones=(milestone(),))
    single = attrs.evolve(JANUARY, categories=(), footnotes=(), initiatives=(benefits,))
    folder = tmp_path / "snapshots"
    folder.mkdir()
    save(single, folder / "2022-01.toml")
    assert run("validate", str(folder)) == (
        0,
        f"ok {folder / '2022-01.toml'}: edition 2022-01, 1 initiative, 1 milestone\n",
    )
    assert run("editions", "--snapshots", str(folder))[1].splitlines() == [
        (
            "calaim-milestones: CalAIM Milestones Calendar (California Department of Health Care"
            " Services (DHCS)), 1 edition"
        ),
        "  2022-01  as of 2022-01        1 milestone  Calendar as of November 2021",
    ]
    feed = tmp_path / "log.atom"
    assert wrote("feed", "-o", str(feed), "--snapshots", str(folder)) == (
        0,
        f"wrote {feed}: 1 entry, one per edition\n",
    )
    chart = tmp_path / "one.svg"
    assert wrote("chart", "-o", str(chart), "--snapshots", str(folder)) == (
        0,
        f"wrote {chart}: the trend of 1 milestone over 1 edition\n",
    )
    assert "1 milestone in 1 initiative" in run("changelog", "--snapshots", str(folder))[1]


def test_a_move_between_days_is_counted_in_days_and_the_biggest_slip_comes_first() -> None:
    """A week across a month's end is "+7 days", not "+1 month"; it outranks a 2-day slip."""
    old = with_benefits(
        edition(id="2020-08", as_of=Period.month(2020, 8), window=Period.parse("2020-08/2020-09")),
        milestone("retro", title="Retrospective", when=Period.parse("2020-08-27")),
        milestone("release", title="Release", when=Period.parse("2020-08-24")),
    )
    new = with_benefits(
        attrs.evolve(old, id="2020-08-v02"),
        milestone("retro", title="Retrospective", when=Period.parse("2020-09-03")),
        milestone("release", title="Release", when=Period.parse("2020-08-26")),
    )
    assert DiffText(terms=False)(diff(old, new)).splitlines()[3:6] == [
        "  Delayed: 2 milestones now due later, the biggest slip first",
        "    - +7 days: Retrospective (Benefits Standardization), 2020-08-27 → 2020-09-03",
        "    - +2 days: Release (Benefits Standardization), 2020-08-24 → 2020-08-26",
    ]
