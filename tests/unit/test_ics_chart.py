from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from icalendar import Calendar

from calaim_timeline import Archive, Edition, Period
from calaim_timeline.changes import DropReason, MilestoneDropped
from calaim_timeline.diffing import diff
from calaim_timeline.history import Timeline
from calaim_timeline.render.chart import ChartError, TrendChart
from calaim_timeline.render.ics import EditionIcs, uid
from calaim_timeline.strategies import Revision, revisions
from tests.builders import february_2022
from tests.conftest import COSTLY

EDITIONS = (*Archive.bundled().editions, february_2022())
TIMELINE = Timeline(EDITIONS)


def _events(text: str) -> dict[str, dict[str, object]]:
    return {
        event.uid: {
            "summary": event.summary,
            "start": event.start,
            "end": event.end,
            "sequence": event.sequence,
            "categories": list(event.categories),
            "status": str(event["STATUS"]),
        }
        for event in Calendar.from_ical(text).events
    }


def test_one_all_day_event_per_milestone() -> None:
    """The calendar parses back with one event per milestone, covering its period."""
    november = EDITIONS[1]
    events = _events(EditionIcs(TIMELINE)(november))
    confirmed = [e for e in events.values() if e["status"] == "CONFIRMED"]
    assert len(confirmed) == len(november.milestones) == 56
    mot = events["mot-carve-in-live@calaim-timeline"]
    assert (str(mot["start"]), str(mot["end"]), mot["summary"], mot["categories"]) == (
        "2022-01-01",
        "2022-02-01",
        "Program launch: MOT Carve-In goes live",
        ["Program launch", "Benefits Standardization"],
    )


def test_the_same_milestone_keeps_its_uid_and_raises_sequence_when_changed() -> None:
    """Across editions, a matched milestone has one UID; SEQUENCE counts its changes."""
    november = _events(EditionIcs(TIMELINE)(EDITIONS[1]))
    february = _events(EditionIcs(TIMELINE)(EDITIONS[2]))
    reworded = "ecm-new-benefit-notice@calaim-timeline"
    assert november[reworded]["summary"] == "Document release: MCPs send ECM New Benefit Notice"
    assert february[reworded]["summary"] == "Document release: MCPs send the ECM New Benefit Notice"
    assert (november[reworded]["sequence"], february[reworded]["sequence"]) == (0, 1)
    assert (
        february["mot-carve-in-live@calaim-timeline"]["sequence"],
        february["phm-strategy-roadmap@calaim-timeline"]["sequence"],
    ) == (1, 0)


def test_descriptions_carry_sub_items_footnotes_and_wording() -> None:
    """Footnotes and sub-items go into the description; so does the source's wording."""
    events = Calendar.from_ical(EditionIcs(TIMELINE)(EDITIONS[1])).events
    hhp = next(e for e in events if e.uid.startswith("ecm-live-hhp-counties"))
    assert (hhp.description or "").splitlines()[:4] == [
        "Initiative: Enhanced Care Management (ECM)/ Community Supports (ILOS)",
        "Target: 2022-01",
        "- Members enrolled in HHP",
        "- Select ECM Populations of Focus",
    ]
    article = Calendar.from_ical(EditionIcs()(EDITIONS[0])).events
    assert 'As worded: "mid to late February"' in (article[1].description or "")
    assert article[1].uid == uid("ecm-ilos-model-of-care-draft")


def test_a_subscribed_calendar_is_named_refreshed_and_told_what_was_dropped() -> None:
    """NAME, X-WR-CALNAME, REFRESH-INTERVAL; milestones dropped while due come CANCELLED.

    The January 2021 timeline's three milestones gone while still due in November are
    kept, cancelled, with SEQUENCE one above their last and their last listing's period;
    the eleven that aged out are left out.
    """
    text = EditionIcs(TIMELINE, name="CalAIM milestones")(EDITIONS[1])
    calendar = Calendar.from_ical(text)
    assert (str(calendar["NAME"]), str(calendar["X-WR-CALNAME"])) == ("CalAIM milestones",) * 2
    assert "REFRESH-INTERVAL;VALUE=DURATION:P7D\r\n" in text
    assert "X-PUBLISHED-TTL:P7D\r\n" in text
    events = _events(text)
    cancelled = {key: e for key, e in events.items() if e["status"] == "CANCELLED"}
    assert sorted(cancelled) == [
        "county-performance-standards-process@calaim-timeline",
        "ecm-ilos-readiness-documents@calaim-timeline",
        "pre-release-stakeholder-process@calaim-timeline",
    ]
    readiness = cancelled["ecm-ilos-readiness-documents@calaim-timeline"]
    assert (str(readiness["start"]), str(readiness["end"]), readiness["sequence"]) == (
        "2021-07-01",
        "2022-01-01",
        1,
    )
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("ecm-ilos-readi")]
    assert str(event["DESCRIPTION"]).splitlines()[0] == (
        "Cancelled: edition 2021-11 no longer lists it (gone while still due);"
        " last listed in edition 2021-01."
    )
    assert EditionIcs()(EDITIONS[1]).count("STATUS:CANCELLED") == 0  # no timeline, no history
    assert EditionIcs(TIMELINE)(EDITIONS[2]).count("STATUS:CANCELLED") == 0  # all aged out


@COSTLY
@given(revisions())
def test_uids_are_equal_across_editions_for_matched_milestones(revision: Revision) -> None:
    """In a derived next edition, every matched milestone keeps the UID it had.

    What the new edition drops while due stays, cancelled, under its old UID. A milestone
    whose date is unknown has no event.
    """
    timeline = Timeline([revision.old, revision.new])

    def dated(edition: Edition) -> set[str]:
        return {m.lineage for _, m in edition.milestones if isinstance(m.when, Period)}

    def uids(edition: Edition, status: str) -> set[str]:
        calendar = Calendar.from_ical(EditionIcs(timeline)(edition))
        return {str(e["UID"]) for e in calendar.walk("VEVENT") if e["STATUS"] == status}

    old, new = uids(revision.old, "CONFIRMED"), uids(revision.new, "CONFIRMED")
    changes = diff(revision.old, revision.new)
    assert len(old) == len(dated(revision.old))
    assert len(new) == len(dated(revision.new))
    links = changes.milestone_links
    both = [k for k in links if k.old in dated(revision.old) and k.new in dated(revision.new)]
    assert len(old & new) == len(both)
    due = {
        change.milestone.lineage
        for change in changes
        if isinstance(change, MilestoneDropped)
        and change.reason is not DropReason.AGED_OUT
        and isinstance(change.milestone.when, Period)
    }
    assert uids(revision.new, "CANCELLED") == {uid(lineage) for lineage in due}
    assert uids(revision.new, "CANCELLED") <= old


def test_the_trend_chart_has_one_band_per_listing_edition(tmp_path: Path) -> None:
    """The SVG draws a band for each edition that lists the milestone, none where absent."""
    story = TIMELINE.find("mot-carve-in-live")
    TrendChart()(story, tmp_path / "mot.svg")
    svg = (tmp_path / "mot.svg").read_text(encoding="utf-8")
    assert re.findall(r'id="(band-[^"]+)"', svg) == [
        "band-mot-carve-in-live-2021-11",
        "band-mot-carve-in-live-2022-02",
    ]
    TrendChart()(story, tmp_path / "mot.png")
    assert (tmp_path / "mot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_long_history_gets_quarter_ticks(tmp_path: Path) -> None:
    """Years of target dates are labelled by quarter, not by month."""
    story = TIMELINE.find("waiver-renewal-public-comment")
    TrendChart()(story, tmp_path / "w.svg")
    assert "2021-01" in (tmp_path / "w.svg").read_text(encoding="utf-8")


def test_a_chart_needs_a_known_file_type_and_matplotlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unknown suffixes and a missing matplotlib are clear errors."""
    story = TIMELINE.find("mot-carve-in-live")
    with pytest.raises(ChartError, match=r"^cannot draw a chart as '\.pdf': use \.svg or \.png$"):
        TrendChart()(story, tmp_path / "x.pdf")
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(
        ChartError,
        match=r"^drawing charts needs matplotlib: pip install 'calaim-timeline\[charts\]'$",
    ):
        TrendChart()(story, tmp_path / "x.svg")


def test_milestones_on_the_same_date_are_drawn_apart(tmp_path: Path) -> None:
    """Two milestones of January 2022 stand 1.5 days apart; one alone stays on its date."""
    from calaim_timeline.render._trend import apart  # noqa: PLC0415

    stories = [TIMELINE.find(k) for k in ("waiver-effective-date", "ecm-live-wpc-counties")]
    alone = TIMELINE.find("waiver-renewal-public-comment")
    assert [str(s.latest.milestone.when) for s in stories] == ["2022-01", "2022-01"]
    assert apart([*stories, alone]) == {
        "waiver-effective-date": -0.75,
        "ecm-live-wpc-counties": 0.75,
        "waiver-renewal-public-comment": 0.0,
    }
    TrendChart()((*stories, alone), tmp_path / "three.svg")
    assert (tmp_path / "three.svg").read_text(encoding="utf-8").count('id="line-') == 3
