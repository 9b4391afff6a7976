"""A milestone left out of one edition and listed again is one history, with the gap shown.

November 2021 lists the MOT carve-in for January 2022; a December edition leaves it out;
a February edition lists it again for March 2022, under a new id and lineage (as an
import without --previous gives it), so only matching against its last listing can
join the two.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
from icalendar import Calendar

from calaim_timeline import Archive, Edition, Initiative, Period, Timeline, save
from calaim_timeline.cli import main

NOVEMBER = Archive.bundled()["2021-11"]


def _later(edition_id: str, *, listed: bool) -> Edition:
    def revised(initiative: Initiative) -> Initiative:
        milestones = []
        for m in initiative.milestones:
            if m.id == "mot-carve-in-live":
                if not listed:
                    continue
                m = attrs.evolve(  # noqa: PLW2901 - the same milestone, re-identified
                    m, id="mot-goes-live", lineage="mot-goes-live", when=Period.parse("2022-03")
                )
            milestones.append(m)
        return attrs.evolve(initiative, milestones=tuple(milestones))

    return attrs.evolve(
        NOVEMBER,
        id=edition_id,
        as_of=Period.parse(edition_id),
        initiatives=tuple(revised(i) for i in NOVEMBER.initiatives),
    )


DECEMBER = _later("2021-12", listed=False)
FEBRUARY = _later("2022-02", listed=True)


def _run(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


def _snapshots(tmp_path: Path) -> Path:
    for edition in (NOVEMBER, DECEMBER, FEBRUARY):
        save(edition, tmp_path / f"{edition.id}.toml")
    return tmp_path


def test_the_api_gives_one_history_across_the_gap() -> None:
    """One history, absent in December, with the slip from January to March counted."""
    timeline = Timeline([NOVEMBER, DECEMBER, FEBRUARY])
    story = timeline.find("mot-carve-in-live")
    assert story is timeline.find("mot-goes-live")
    assert [(s.edition, s.listing is not None) for s in story.sightings] == [
        ("2021-11", True),
        ("2021-12", False),
        ("2022-02", True),
    ]
    assert (story.key, story.gaps, story.shifts, story.slip_months) == (
        "mot-carve-in-live",
        ("2021-12",),
        1,
        2,
    )
    assert timeline.sequence("2022-02", "mot-goes-live") == ("mot-carve-in-live", 1)


def test_the_command_line_shows_the_gap_in_text_and_json(tmp_path: Path) -> None:
    """The history command prints the gap row and the move across it; JSON lists the gap."""
    folder = str(_snapshots(tmp_path))
    text = _run("history", "mot-goes-live", "--snapshots", folder)
    assert text.splitlines()[3:] == [
        "edition  as of    target   change",
        "2021-11  2021-11  2022-01  first listed",
        "2021-12  2021-12  -        not listed (gap)",
        "2022-02  2022-02  2022-03  +2 months, delayed",
        "",
        (
            "First seen 2021-11, last seen 2022-02: 1 shift, total slip +2 months; not listed in"
            " 1 edition between."
        ),
    ]
    document = json.loads(
        _run("history", "mot-carve-in-live", "--format", "json", "--snapshots", folder)
    )
    assert (document["lineage"], document["milestone"], document["gaps"]) == (
        "mot-carve-in-live",
        "mot-goes-live",
        ["2021-12"],
    )
    assert [(e["edition"], e["listed"], e.get("months")) for e in document["editions"]] == [
        ("2021-11", True, None),
        ("2021-12", False, None),
        ("2022-02", True, 2),
    ]


def test_the_calendar_keeps_the_event_uid_across_the_gap(tmp_path: Path) -> None:
    """The calendars of November and of February give the MOT carve-in event one UID."""
    folder = str(_snapshots(tmp_path))
    uids = []
    for edition in ("2021-11", "2022-02"):
        target = tmp_path / f"{edition}.ics"
        _run("ics", edition, "-o", str(target), "--snapshots", folder)
        events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        uids.append(next(str(e["UID"]) for e in events if "MOT Carve-In" in str(e["SUMMARY"])))
    assert uids == ["mot-carve-in-live@calaim-timeline"] * 2
