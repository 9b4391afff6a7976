"""The outputs a planner shares: the trend chart, the spreadsheets and the feed, parsed back."""

from __future__ import annotations

import csv
import io
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from calaim_timeline import Archive, Edition, ExtraMissingError, Period, Status, WriteError
from calaim_timeline.diffing import diff
from calaim_timeline.history import Timeline, changelog
from calaim_timeline.render._time_axis import ticks
from calaim_timeline.render.chart import TrendChart
from calaim_timeline.render.feed import ChangelogFeed
from calaim_timeline.render.tables import Table, diff_table, history_table
from tests.builders import february_2022

NOVEMBER = Archive.bundled()["2021-11"]
EDITIONS = (*Archive.bundled().editions, february_2022())
ATOM = "{http://www.w3.org/2005/Atom}"


def _ids(path: Path) -> list[str]:
    return re.findall(r'id="((?:band|line|added|dropped|gap|done)-[^"]+)"', path.read_text())


def _with(edition: Edition, milestone_id: str, **fields: Any) -> Edition:  # noqa: ANN401
    """The edition with one milestone changed (or left out, for ``drop=True``)."""
    drop = fields.pop("drop", False)
    initiatives = tuple(
        attrs.evolve(
            i,
            milestones=tuple(
                attrs.evolve(m, **fields) if m.id == milestone_id else m
                for m in i.milestones
                if not (drop and m.id == milestone_id)
            ),
        )
        for i in edition.initiatives
    )
    return attrs.evolve(edition, initiatives=initiatives)


def test_the_trend_chart_follows_a_milestone_across_editions(tmp_path: Path) -> None:
    """A slip over three editions of a derived history: a band per listing, one line, added."""
    chart = tmp_path / "mot.svg"
    TrendChart()(Timeline(EDITIONS).find("mot-carve-in-live"), chart)
    assert _ids(chart) == [
        "band-mot-carve-in-live-2021-11",
        "band-mot-carve-in-live-2022-02",
        "line-mot-carve-in-live",
        "added-mot-carve-in-live",
    ]
    svg = chart.read_text()
    assert "report date (edition as of)" in svg
    assert "forecast = report date" in svg
    assert 'id="diagonal"' in svg
    first = chart.read_bytes()
    TrendChart()(Timeline(EDITIONS).find("mot-carve-in-live"), chart)
    assert chart.read_bytes() == first  # the same history, the same file


def test_the_trend_chart_marks_gaps_drops_and_done(tmp_path: Path) -> None:
    """Left out for an edition (a gap), done in the last, and dropped while still due."""
    november, february = NOVEMBER, february_2022()
    without = _with(february, "mot-carve-in-live", drop=True)
    march = attrs.evolve(
        _with(february, "mot-carve-in-live", status=Status.DONE, when=Period.month(2022, 3)),
        id="2022-03",
        as_of=Period.month(2022, 3),
        window=Period.parse("2022-03/2022-06"),
    )
    timeline = Timeline([november, without, march])
    chart = tmp_path / "set.svg"
    TrendChart()(
        [timeline.find("mot-carve-in-live"), timeline.find("ecm-live-hhp-counties")], chart
    )
    assert sorted(_ids(chart)) == [
        "band-ecm-live-hhp-counties-2021-11",
        "band-mot-carve-in-live-2021-11",
        "band-mot-carve-in-live-2022-03",
        "done-mot-carve-in-live-2022-03",
        "gap-mot-carve-in-live-2022-02",
        "line-ecm-live-hhp-counties",
        "line-mot-carve-in-live",
    ]
    legend = ["not listed in this edition (gap)", "done"]
    assert all(label in chart.read_text() for label in legend)
    dropped = Timeline(Archive.bundled().editions).find("ecm-ilos-readiness-documents")
    TrendChart()(dropped, chart)
    assert _ids(chart)[-1] == "dropped-ecm-ilos-readiness-documents"
    aged = Timeline(Archive.bundled().editions).find("ecm-ilos-model-of-care-draft")
    TrendChart()(aged, chart)
    assert "dropped-" not in chart.read_text()  # aged out: its line just ends


def test_the_trend_chart_of_one_initiative_colours_by_milestone_and_draws_text_as_written(
    tmp_path: Path,
) -> None:
    """Every milestone of an initiative, a colour each; dollar signs are not typeset as math."""
    timeline = Timeline(EDITIONS)
    stories = timeline.of_initiative("dental")
    chart = tmp_path / "dental.svg"
    TrendChart(title="Dental: $5 and $6 payments")(stories, chart)
    svg = chart.read_text()
    assert "Dental: $5 and $6 payments" in svg
    assert [i for i in _ids(chart) if i.startswith("line-")] == [
        "line-dental-apl",
        "line-dental-provider-bulletins",
        "line-dental-rates-to-cms",
        "line-dental-policy-live",
        "line-dental-apl-update",
    ]
    assert "Updated Dental All-Plan Letter" in svg  # the legend names each milestone
    two = tmp_path / "two.svg"
    TrendChart()([*stories, timeline.find("mot-carve-in-live")], two)
    legend = two.read_text()
    assert legend.count("Dental (new benefits and P4P)") == 1  # one entry per initiative
    assert legend.count("Updated Dental All-Plan Letter") == 1  # its line's label, no entry


def test_a_chart_of_nothing_is_a_clear_error(tmp_path: Path) -> None:
    """An empty selection says what to give."""
    from calaim_timeline import ChartError  # noqa: PLC0415

    with pytest.raises(ChartError, match=r"^no milestone to draw: name one, several, or an"):
        TrendChart()([], tmp_path / "x.svg")


@given(st.dates(date(1990, 1, 1), date(2099, 12, 31)), st.integers(0, 3000))
def test_month_labels_sit_in_the_middle_of_their_months(first: date, days: int) -> None:
    """Each label is halfway between the grid lines of its month, quarter or year."""
    last = date.fromordinal(min(first.toordinal() + days, date(2099, 12, 31).toordinal()))
    bounds, labels = ticks(first, last)
    assert len(labels) == len(bounds) - 1
    epoch = date(1970, 1, 1).toordinal()
    for (at, text), low, high in zip(labels, bounds[:-1], bounds[1:], strict=True):
        assert at == (low + high) / 2
        day = date.fromordinal(int(low) + epoch)
        assert text in {
            day.strftime("%Y-%m"),
            f"{day.year}-Q{(day.month - 1) // 3 + 1}",
            str(day.year),
        }
        assert Period.parse(text).start == day
    assert bounds[0] <= first.toordinal() - epoch
    assert bounds[-1] > last.toordinal() - epoch


def test_the_history_table_has_a_row_per_milestone_and_a_column_per_edition() -> None:
    """CSV with a byte-order mark and CRLF; the period each edition gave in its column."""
    timeline = Timeline(EDITIONS)
    table = history_table(timeline.histories, timeline.editions)
    text = table.csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "milestone",
        "initiative",
        "title",
        "kind",
        "2021-01",
        "2021-11",
        "2022-02",
        "period",
        "start",
        "end",
        "wording",
        "status",
        "first seen",
        "last seen",
        "no longer listed",
        "shifts",
        "slip months",
    ]
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["mot-carve-in-live"] == [
        "mot-carve-in-live",
        "Benefits Standardization",
        "MOT Carve-In goes live",
        "program-launch",
        "",
        "2022-01",
        "2022-03",
        "2022-03",
        "2022-03-01",
        "2022-03-31",
        "",
        "planned",
        "2021-11",
        "2022-02",
        "",
        "1",
        "2",
    ]
    readiness = by_key["ecm-ilos-readiness-documents"]
    assert readiness[7:16] == [
        "2021-H2",
        "2021-07-01",
        "2021-12-31",
        "the last half of 2021",
        "planned",
        "2021-01",
        "2021-01",
        "unlisted",
        "0",
    ]
    aged = by_key["dental-apl"]
    assert aged[14] == "aged-out"
    assert by_key["ecm-live-hhp-counties"][2] == (
        "ECM goes live in HHP Counties for: Members enrolled in HHP; Select ECM Populations of Focus"
    )
    assert text.endswith("\r\n")


def test_the_diff_table_gives_iso_dates(tmp_path: Path) -> None:
    """A row per change with both periods as notation and as ISO dates."""
    table = diff_table(diff(NOVEMBER, february_2022()))
    path = tmp_path / "changes.csv"
    assert table.write(path) == "csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfchange,initiative,milestone,what,old period,old start")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 54
    shifted = next(r for r in rows if r["milestone"] == "mot-carve-in-live")
    assert shifted == {
        "change": "milestone-shifted",
        "initiative": "Benefits Standardization",
        "milestone": "mot-carve-in-live",
        "what": "Delayed: MOT Carve-In goes live: 2022-01 → 2022-03 (+2 months)",
        "old period": "2022-01",
        "old start": "2022-01-01",
        "old end": "2022-01-31",
        "new period": "2022-03",
        "new start": "2022-03-01",
        "new end": "2022-03-31",
        "months": "2",
        "reason": "delayed",
        "editorial": "no",
        "review": "no",
    }
    added = next(r for r in rows if r["change"] == "milestone-added")
    assert (added["old period"], added["new period"], added["reason"]) == (
        "",
        "2022-04",
        "entered-window",
    )


def test_no_spreadsheet_runs_a_title_as_a_formula(tmp_path: Path) -> None:
    """A title that begins with '=' is quoted in CSV and stored as text in a workbook."""
    hostile = _with(february_2022(), "dental-apl-update", title='=HYPERLINK("http://x")')
    table = history_table(Timeline([NOVEMBER, hostile]).histories)
    rows = list(csv.reader(io.StringIO(table.csv())))
    assert [r[2] for r in rows if r[0] == "dental-apl-update"] == ['\'=HYPERLINK("http://x")']
    table.write(tmp_path / "h.xlsx")
    sheet = load_workbook(tmp_path / "h.xlsx").active
    assert sheet is not None
    (cell,) = [row[2] for row in sheet.iter_rows() if row[0].value == "dental-apl-update"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_a_workbook_has_a_frozen_header_filters_widths_and_text_kept_as_text(
    tmp_path: Path,
) -> None:
    """Parsed back with openpyxl: header frozen, filter over every column, real dates."""
    table = Table("Changes", ("title", "start", "months"), (("=1+1", date(2022, 1, 31), 2),))
    path = tmp_path / "t.xlsx"
    assert table.write(path) == "xlsx"
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["title", "start", "months"],
        ["=1+1", datetime(2022, 1, 31), 2],  # noqa: DTZ001 - Excel dates have no zone
    ]
    assert (sheet.title, sheet.freeze_panes, sheet.auto_filter.ref) == ("Changes", "A2", "A1:C2")
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].number_format == "yyyy-mm-dd"
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [7, 12, 8]
    assert table.xlsx() == table.xlsx()  # the same table, the same bytes
    with zipfile.ZipFile(io.BytesIO(table.xlsx())) as archive:  # whatever the clock says
        assert {info.date_time for info in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"<dcterms:(\w+)[^>]*>([^<]*)<", core) == [
        ("created", "2000-01-01T00:00:00Z"),
        ("modified", "2000-01-01T00:00:00Z"),
    ]
    history = history_table(Timeline(EDITIONS).histories)
    history.write(tmp_path / "h.xlsx")
    back = load_workbook(tmp_path / "h.xlsx").active
    assert back is not None
    assert back.max_row == len(history.rows) + 1
    header = [cell.value for cell in back[1]]
    start, end = header.index("start") + 1, header.index("end") + 1
    mot = next(row for row in back.iter_rows(min_row=2) if row[0].value == "mot-carve-in-live")
    assert (mot[start - 1].value, mot[end - 1].value) == (
        datetime(2022, 3, 1),  # noqa: DTZ001 - real dates, which Excel sorts
        datetime(2022, 3, 31),  # noqa: DTZ001
    )
    assert mot[start - 1].number_format == "yyyy-mm-dd"


def test_tables_need_a_known_suffix_and_workbooks_need_openpyxl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A clear error for another suffix, and for a missing extra."""
    table = Table("T", ("a",), (("b",),))
    with pytest.raises(WriteError, match=r"cannot write a table as '\.ods': use \.csv or \.xlsx"):
        table.write(tmp_path / "t.ods")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ExtraMissingError, match=r"^writing \.xlsx needs openpyxl: pip install"):
        table.write(tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


def test_the_feed_has_an_entry_per_edition_with_stable_ids_and_the_digest() -> None:
    """Parsed back as Atom: ids that do not change when an edition is added."""
    two = Archive.bundled().editions
    three = EDITIONS
    feed = ChangelogFeed(link="https://example.org/calaim")
    before = ET.fromstring(feed(changelog(two), two[0]))  # noqa: S314 - our own feed, not untrusted input
    after = ET.fromstring(feed(changelog(three), three[0]))  # noqa: S314 - our own feed, not untrusted input

    def entries(root: ET.Element) -> list[tuple[str | None, str | None, str | None]]:
        return [
            (e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}updated"), e.findtext(f"{ATOM}title"))
            for e in root.iter(f"{ATOM}entry")
        ]

    assert entries(after) == [
        (
            "urn:calaim-timeline:changelog:2022-02",
            "2022-02-01T00:00:00+00:00",
            "Edition 2022-02 (as of 2022-02): 54 changes",
        ),
        (
            "urn:calaim-timeline:changelog:2021-11",
            "2021-11-01T00:00:00+00:00",
            "Edition 2021-11 (as of 2021-11): 108 changes",
        ),
        (
            "urn:calaim-timeline:changelog:2021-01",
            "2021-01-01T00:00:00+00:00",
            "Edition 2021-01 (as of 2021-01): first edition",
        ),
    ]
    assert entries(before) == entries(after)[1:]
    assert after.findtext(f"{ATOM}updated") == "2022-02-01T00:00:00+00:00"
    content = next(after.iter(f"{ATOM}content"))
    assert content.get("type") == "html"
    assert (content.text or "").startswith(
        "<p>2021-11 → 2022-02: 54 changes</p><ul><li><strong>Delayed:</strong> 2 milestones"
    )
    link = next(after.iter(f"{ATOM}link"))
    assert link.get("href") == "https://example.org/calaim"


def test_a_feed_needs_feedgen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the feed extra, the error names it."""
    monkeypatch.setitem(sys.modules, "feedgen.feed", None)
    with pytest.raises(
        ExtraMissingError,
        match=r"^writing a feed needs feedgen: pip install 'calaim-timeline\[feed\]'$",
    ):
        ChangelogFeed()([], None)


def _texts(path: Path) -> list[str]:
    return [t for t in re.findall(r">([^<>]+)</text>", path.read_text()) if t.strip()]


def test_a_chart_labels_each_line_marks_every_drop_and_names_what_it_shows(
    tmp_path: Path,
) -> None:
    """Lines labelled (those of one date stacked), aged-out ones marked, titled by initiative."""
    stories = Timeline(EDITIONS).of_initiative("dental")
    chart = tmp_path / "dental.svg"
    TrendChart()(stories, chart)
    svg = chart.read_text()
    assert re.findall(r'id="label-([^"]+)"', svg) == [s.key for s in stories]
    assert sorted(re.findall(r'id="aged-([^"]+)"', svg)) == [
        "dental-apl",
        "dental-policy-live",
        "dental-provider-bulletins",
        "dental-rates-to-cms",
    ]
    assert "aged out (no longer listed, its period passed)" in svg
    texts = _texts(chart)
    assert texts[texts.index("Dental (new benefits and P4P)") + 1] == "5 milestones"
    same_day = [
        float(y)
        for y in re.findall(
            r'<g id="label-dental-(?:apl|provider-bulletins)">\s*<text[^>]* y="([\d.]+)"', svg
        )
    ]
    assert len(same_day) == 2
    assert abs(same_day[0] - same_day[1]) > 5  # stacked, not drawn one over the other
    both = tmp_path / "both.svg"
    two = [*stories, Timeline(EDITIONS).find("ecm-live-hhp-counties")]
    TrendChart(series="CalAIM Milestones Calendar")(two, both)
    texts = _texts(both)
    assert texts[texts.index("CalAIM Milestones Calendar") + 1] == "6 milestones"
    assert "Enhanced Care Management (ECM)/" in texts  # a long legend entry wraps…
    assert "Community Supports (ILOS)" in texts  # …onto a second line, not cut off
