"""The HTML report (issue 30): one self-contained page, every source text escaped."""

from __future__ import annotations

import re
import sys
from itertools import pairwise
from pathlib import Path

import attrs
import pytest

from calaim_timeline import Archive, Edition, ExtraMissingError, Source, save
from calaim_timeline.cli import main
from calaim_timeline.render._svg_trend import COLOURS
from calaim_timeline.render.report import HtmlReport
from tests.builders import february_2022

BUNDLED = Archive.bundled()
PAGE = HtmlReport()(BUNDLED.editions)
SERIES = (*BUNDLED.editions, february_2022())
"""A three-edition series: the bundled editions and one derived from the newer."""
HOSTILE = '<script>alert(1)</script>" onload="x javascript:alert(2)'
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&#34; onload=&#34;x javascript:alert(2)"


def hostile_series() -> tuple[Edition, ...]:
    """The bundled editions, the newer with hostile titles and a script as its source.

    The edition's title, the first initiative's name and its first milestone's title.
    """
    november = BUNDLED["2021-11"]
    first = november.initiatives[0]
    return (
        BUNDLED["2021-01"],
        attrs.evolve(
            november,
            title=HOSTILE,
            source=Source(document="x.md", url="javascript:alert(1)"),
            initiatives=(
                attrs.evolve(
                    first,
                    name=HOSTILE,
                    milestones=(
                        attrs.evolve(first.milestones[0], title=HOSTILE),
                        *first.milestones[1:],
                    ),
                ),
                *november.initiatives[1:],
            ),
        ),
    )


def test_the_page_is_one_document_with_its_parts_in_order() -> None:
    """Editions, the latest digest, the changes in sections that open, then initiatives."""
    headings = re.findall(r"<h([12])>([^<]*)", PAGE)
    assert headings == [
        ("1", "CalAIM Milestones Calendar"),
        ("2", "What changed in the latest edition (2021-01 to 2021-11)"),
        ("2", "Each edition's changes, newest first"),
        ("2", "Each initiative's milestones"),
    ]
    assert (
        PAGE.startswith('<!DOCTYPE html>\n<html lang="en">'),
        PAGE.count("<details open data-group>"),
        PAGE.count('<th scope="col">') > 0,
        PAGE.count("<h3 "),
        PAGE.count('<h4 id="m-'),
        PAGE.count("<svg "),
        PAGE.count('<section class="milestone" data-filter'),
        PAGE.count("<tr data-filter"),
    ) == (True, 1, True, 22, 70, 22, 70, 108)


def test_three_editions_give_two_sections_newest_open_first() -> None:
    """Each edition's changes in its own section, the newest first and open."""
    page = HtmlReport()(SERIES)
    assert re.findall(r"<details( open)? data-group>\n<summary>([^<]*)", page) == [
        (" open", "2021-11 → 2022-02: 54 changes"),
        ("", "2021-01 → 2021-11: 108 changes"),
    ]


def test_each_history_has_a_row_per_edition_with_shift_status_and_gap() -> None:
    """The MOT Carve-In slips two months in the derived edition: the table says so."""
    page = HtmlReport()(SERIES)
    start = page.index('<h4 id="m-mot-carve-in-live">')
    table = page[start : page.index("</table>", start)]
    assert re.findall(r"<tr><th scope=\"row\">([^<]*)</th>((?:<td>[^<]*</td>)*)", table) == [
        ("2021-01", "<td>2021-01</td><td>-</td><td>absent</td><td>-</td>"),
        ("2021-11", "<td>2021-11</td><td>2022-01</td><td>first listed</td><td>planned</td>"),
        ("2022-02", "<td>2022-02</td><td>2022-03</td><td>+2 months, delayed</td><td>planned</td>"),
    ]
    assert (
        '<section class="milestone" data-filter data-initiative="benefits-standardization"'
        ' data-kind="program-launch" data-change="milestone-added milestone-shifted">' in page
    )


def test_every_chart_has_a_title_a_description_and_a_text_equivalent() -> None:
    """An SVG per initiative, labelled by its title and desc; the list beside it names each line."""
    charts = re.findall(
        r'<svg [^>]*role="img"[^>]*aria-labelledby="([^" ]+) ([^"]+)"><title id="\1">([^<]+)'
        r'</title><desc id="\2">([^<]+)</desc>',
        PAGE,
    )
    assert (len(charts), charts[0][2]) == (22, "Cross-Initiative Milestones: trend")
    assert PAGE.count("<figcaption>The trend chart as text") == 22


def test_the_colours_have_a_contrast_of_at_least_four_and_a_half_on_white() -> None:
    """Each line's colour (its number is written in it) reads on white: WCAG's 4.5:1."""

    def luminance(colour: str) -> float:
        channels = [int(colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    assert min(round(1.05 / (luminance(c) + 0.05), 2) for c in COLOURS) >= 4.5


def test_the_page_asks_for_nothing_from_elsewhere() -> None:
    """No script, style sheet, image or font from another address: it works from file://."""
    assert (
        re.findall(r"<(?:script|link|img|iframe|object)\b[^>]*\b(?:src|href)=", PAGE),
        re.findall(r"\b(?:src|href)=\"(?!https?://|#)", PAGE),
        re.findall(r"url\(|@import", PAGE),
        PAGE.count("<script>"),
    ) == ([], [], [], 1)


def test_hostile_titles_show_as_text_and_only_http_links() -> None:
    """A title with markup, an attribute break or a script link is escaped, never live."""
    page = HtmlReport()(hostile_series())
    assert (
        page.count("<script>"),
        page.count("javascript:alert(1)"),
        page.count('href="javascript'),
        page.count("&lt;script&gt;alert(1)&lt;/script&gt;"),
        page.count('onload="'),
    ) == (1, 0, 0, 17, 0)


def test_a_hostile_title_given_to_the_page_is_text() -> None:
    """The page's own title (--title) is escaped in <title> and in <h1>."""
    page = HtmlReport(title=HOSTILE)(BUNDLED.editions)
    assert (page.count(f"<title>{ESCAPED}</title>"), page.count(f"<h1>{ESCAPED}</h1>")) == (1, 1)


def test_the_same_editions_give_the_same_page() -> None:
    """Nothing in the page depends on the time or the run: a page kept in git changes only with data."""
    assert HtmlReport()(SERIES) == HtmlReport()(SERIES)


def test_the_command_writes_the_page_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report command writes the page (-o FILE.html) and one line on stderr."""
    for edition in BUNDLED.editions:
        save(edition, tmp_path / f"{edition.id}.toml")
    output = tmp_path / "report.html"
    assert main(["report", "--snapshots", str(tmp_path), "-o", str(output)]) == 0
    assert (output.read_text(encoding="utf-8"), capsys.readouterr().err) == (
        PAGE,
        f"wrote {output}: 2 editions, 1 change log section\n",
    )


def test_without_jinja2_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report extra holds Jinja2; without it, the error says what to install."""
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(ExtraMissingError, match=r"pip install 'calaim-timeline\[report\]'$"):
        HtmlReport()(BUNDLED.editions)


def test_the_chart_marks_an_unknown_date_a_gap_a_done_and_a_drop() -> None:
    """Each event of a history has its own marker shape, named in its tooltip."""
    from calaim_timeline import Period, Status, UnknownDate  # noqa: PLC0415
    from calaim_timeline.history import Timeline  # noqa: PLC0415
    from calaim_timeline.render._svg_trend import trend_svg  # noqa: PLC0415
    from tests.builders import edition, milestone, with_benefits  # noqa: PLC0415

    def dated(month: int) -> Edition:
        return attrs.evolve(
            edition(), id=f"2022-{month:02d}", as_of=Period.month(2022, month),
            window=Period.parse(f"2022-{month:02d}/2022-12"),
        )  # fmt: skip

    never = milestone("never-dated", title="Never dated", when=UnknownDate(text="TBD"))
    editions = [
        with_benefits(dated(1), milestone(when=UnknownDate(text="TBD")), never),
        with_benefits(dated(2), never),
        with_benefits(dated(3), milestone(when=Period.month(2022, 6), status=Status.DONE), never),
        with_benefits(dated(4), never),
    ]
    stories = Timeline(editions).histories
    svg = trend_svg(stories, "t", "Trend", "Two milestones.")
    assert re.findall(r'class="mark-(\w+)"[^>]*><title>([^<]*)</title>', svg) == [
        ("unknown", "2022-01: listed, date unknown"),
        ("done", "2022-03: done"),
        ("gap", "2022-02: not listed in this edition (gap)"),
        ("dropped", "2022-04: dropped (no longer listed)"),
        ("unknown", "2022-01: listed, date unknown"),
        ("unknown", "2022-02: listed, date unknown"),
        ("unknown", "2022-03: listed, date unknown"),
        ("unknown", "2022-04: listed, date unknown"),
    ]


def test_the_numbers_ending_lines_of_one_column_stand_apart_inside_the_plot() -> None:
    """71 lines, 49 ending in one edition: each number 12 pixels from the next, inside the plot."""
    from calaim_timeline.history import Timeline  # noqa: PLC0415
    from calaim_timeline.render._svg_trend import trend_svg  # noqa: PLC0415

    stories = Timeline(SERIES).histories
    svg = trend_svg(stories, "all", "All", "Every milestone.")
    height = int(re.findall(r'viewBox="0 0 720 (\d+)"', svg)[0])
    numbers = svg[svg.index('<g class="numbers"') :]
    columns: dict[str, list[float]] = {}
    for x, y, number in re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>(\d+)<', numbers):
        columns.setdefault(x, []).append(float(y))
        assert int(number) <= len(stories)
    gaps = [b - a for ys in columns.values() for a, b in pairwise(sorted(ys))]
    assert (
        height,
        sum(map(len, columns.values())),
        min(gaps) >= 12,
        max(max(ys) for ys in columns.values()) <= height - 80 + 4,
    ) == (696, 71, True, True)
    # fourteen months of report dates: their labels are slanted, so as not to overlap
    assert svg.count('text-anchor="end" transform="rotate(-45 ') == 14


def test_since_the_newest_edition_the_page_shows_no_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty change log is shown as empty, not replaced by the whole one."""
    for edition in SERIES:
        save(edition, tmp_path / f"{edition.id}.toml")
    output = tmp_path / "report.html"
    argv = ["report", "--snapshots", str(tmp_path), "--since", "2022-02", "-o", str(output)]
    assert main(argv) == 0
    page = output.read_text(encoding="utf-8")
    assert (page.count("<details"), page.count("No change to show after edition 2022-02.")) == (
        0,
        1,
    )
    assert capsys.readouterr().err == f"wrote {output}: 3 editions, 0 change log sections\n"


def test_the_threshold_matches_the_histories_as_it_matches_the_changes() -> None:
    """At 100, the reworded ECM notice is two milestones in the histories too (71 → 72)."""
    from calaim_timeline import DiffOptions  # noqa: PLC0415

    strict = HtmlReport(options=DiffOptions(threshold=100))(SERIES)
    assert (HtmlReport()(SERIES).count('<h4 id="m-'), strict.count('<h4 id="m-')) == (71, 72)
