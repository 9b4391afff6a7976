"""The report and the site in a real browser: quiet, self-contained, filterable, accessible."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Final, NamedTuple
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Built, Visit
from tests.unit.test_report import HOSTILE

pytestmark = pytest.mark.browser

Opens = Callable[..., Visit]
TABS: Final = 25
"""Tab presses between looks at what the focus has reached."""

FILTERED: Final = """() => Array.from(document.querySelectorAll("[data-filter]")).map(e => [
    e.hidden, e.getAttribute("data-initiative"), e.getAttribute("data-kind"),
    e.getAttribute("data-change"), e.textContent.toLowerCase()])"""
CONTRAST: Final = """() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) { return null; }
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = (c) => [c.r, c.g, c.b].map((v) => v / 255)
    .map((v) => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0 && !(e instanceof SVGElement)) { return c; }
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest("script, style, title, desc")) { continue; }
    if (!el.getClientRects().length) { continue; }
    const style = getComputedStyle(el);
    const [a, b] = [lum(parse(el instanceof SVGElement ? style.fill : style.color)),
                    lum(behind(el))].sort((x, y) => y - x);
    found.push([Math.round((a + 0.05) / (b + 0.05) * 100) / 100, n.textContent.trim()]);
  }
  found.sort((x, y) => x[0] - y[0]);
  return found[0];
}"""
WATCH_FOCUS: Final = """() => {
  window.reached = [];
  document.addEventListener("focusin", (event) => window.reached.push(
    Array.prototype.indexOf.call(document.querySelectorAll("*"), event.target)));
}"""
CONTROLS: Final = """() => {
  const every = Array.from(document.querySelectorAll("*"));
  return Array.from(document.querySelectorAll("select, input, button, summary"))
    .filter((e) => e.getClientRects().length).map((e) => every.indexOf(e));
}"""


class Row(NamedTuple):
    """An element the filters show or hide."""

    hidden: bool
    initiative: str | None
    kind: str | None
    change: str | None
    text: str
    """Its text, in lower case."""


def shown(page: Page) -> list[Row]:
    """Every element the filters show or hide, in the page's order."""
    return [Row(*row) for row in page.evaluate(FILTERED)]


def test_the_report_loads_quietly_and_asks_nothing_of_another_address(
    built: Built, visit: Opens
) -> None:
    """No console error or warning, no dialog, and every request is for the file itself."""
    for path in (built.report, built.bundled):
        watched = visit()
        watched.open(path)
        assert (watched.errors, watched.dialogs, watched.requests) == ([], [], [path.as_uri()])


def test_every_page_of_the_site_loads_quietly_and_every_link_resolves(
    built: Built, visit: Opens
) -> None:
    """Each page: no console error, nothing fetched elsewhere; each link names a page and place."""
    for site in (built.site, built.bundled_site):
        watched = visit()
        pages = sorted(site.rglob("*.html"))
        links: list[str] = []
        for path in pages:
            watched.open(path)
            links += watched.page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        assert (watched.errors, watched.dialogs) == ([], [])
        assert {urlsplit(url).scheme for url in watched.requests} == {"file"}
        ids: dict[Path, set[str]] = {}
        for address in set(links):
            parts = urlsplit(address)
            if parts.scheme in {"http", "https"}:
                continue
            target = Path(unquote(parts.path))
            assert (parts.scheme, target.is_file(), target.is_relative_to(site)) == (
                "file",
                True,
                True,
            ), address
            if parts.fragment:
                if target not in ids:
                    ids[target] = set(re.findall(r' id="([^"]+)"', target.read_text("utf-8")))
                assert parts.fragment in ids[target], address
        assert (len(pages), len(links)) == (
            {built.site: 75, built.bundled_site: 73}[site],
            {built.site: 498, built.bundled_site: 429}[site],
        )


def test_the_filters_hide_and_show_the_right_rows(built: Built, visit: Opens) -> None:
    """Each filter keeps exactly the rows it names; together they narrow; reset shows all."""
    page = visit().open(built.report)
    everything = shown(page)
    assert (len(everything), any(row[0] for row in everything)) == (233, False)
    page.select_option("select[name=initiative]", "benefits-standardization")
    rows = shown(page)
    assert all(
        hidden == (initiative != "benefits-standardization") for hidden, initiative, *_ in rows
    )
    assert sum(not row[0] for row in rows) == 19
    assert page.inner_text("#shown") == "Showing 19 of 233."
    page.select_option("select[name=change]", "milestone-shifted")
    narrowed = [
        (row[3], "mot carve-in goes live" in str(row[4])) for row in shown(page) if not row[0]
    ]
    assert narrowed == [
        ("milestone-shifted", True),  # the change's row
        ("milestone-added milestone-shifted", True),  # the milestone's history
    ]
    page.click("button[type=reset]")
    assert page.inner_text("#shown") == "Showing all 233."
    page.select_option("select[name=kind]", "submission-deadline")
    rows = shown(page)
    assert all(hidden == (kind != "submission-deadline") for hidden, _, kind, *_ in rows)
    assert sum(not row[0] for row in rows) == 21
    page.select_option("select[name=kind]", "")
    page.fill("input[name=search]", "Dental")
    rows = shown(page)
    assert all(hidden == ("dental" not in text) for hidden, *_, text in rows)
    assert page.inner_text("#shown") == "Showing 16 of 233."
    assert page.is_visible("#m-mot-carve-in-live") is False
    page.fill("input[name=search]", "  Delayed   Benefits standardization ")  # across cells
    assert [row.change for row in shown(page) if not row.hidden] == ["milestone-shifted"]


def test_a_section_with_nothing_left_is_hidden_and_comes_back(built: Built, visit: Opens) -> None:
    """An initiative or edition section whose every row is filtered out is hidden with them."""
    page = visit().open(built.report)
    page.select_option("select[name=change]", "milestone-shifted")
    groups = page.eval_on_selector_all("[data-group]", "gs => gs.map(g => g.hidden)")
    assert (len(groups), groups.count(False)) == (24, 3)  # a section, two initiatives
    page.select_option("select[name=change]", "")
    groups = page.eval_on_selector_all("[data-group]", "gs => gs.map(g => g.hidden)")
    assert groups.count(False) == 24


def test_the_sections_open_and_close(built: Built, visit: Opens) -> None:
    """The newest edition's changes are open; a click opens the older one and shows its rows."""
    page = visit().open(built.report)
    summaries = page.locator("details > summary")
    assert page.eval_on_selector_all("details", "ds => ds.map(d => d.open)") == [True, False]
    assert page.locator("details").nth(1).locator("tr").first.is_visible() is False
    summaries.nth(1).click()
    assert page.eval_on_selector_all("details", "ds => ds.map(d => d.open)") == [True, True]
    assert page.locator("details").nth(1).locator("tr").first.is_visible() is True


def test_without_javascript_the_page_is_whole(built: Built, visit: Opens) -> None:
    """No script: every row and section shows; the filters, which need it, do not."""
    page = visit(javascript=False).open(built.report)
    rows = shown(page)
    assert (len(rows), sum(row[0] for row in rows)) == (233, 0)
    assert (page.is_visible("#filters"), page.locator("h4").count()) == (False, 71)


def test_printing_opens_every_section_and_leaves_out_the_controls(
    built: Built, visit: Opens
) -> None:
    """For print, every section is opened and the form is not shown."""
    page = visit().open(built.report)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.eval_on_selector_all("details", "ds => ds.map(d => d.open)") == [True, True]
    assert page.is_visible("#filters") is False
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.eval_on_selector_all("details", "ds => ds.map(d => d.open)") == [True, False]


def test_keyboard_focus_reaches_every_control(built: Built, visit: Opens) -> None:
    """Tab from the top reaches each select, the search box, the button and each summary."""
    for path in (built.report, built.site / "index.html", built.site / "editions" / "2022-02.html"):
        page = visit().open(path)
        controls = set(page.evaluate(CONTROLS))
        page.evaluate(WATCH_FOCUS)
        reached: list[int] = []
        while not controls <= set(reached):
            for _ in range(TABS):
                page.keyboard.press("Tab")
            now = page.evaluate("() => window.reached")
            if len(set(now)) == len(set(reached)):  # round the page, or stuck: no new stop
                break
            reached = now
        assert (controls - set(reached), len(controls) >= 5) == (set(), True), path


def test_every_control_is_labelled(built: Built, visit: Opens) -> None:
    """Each select and the search box has an accessible name from its label."""
    page = visit().open(built.report)
    names = [
        page.locator(f"[name={name}]").evaluate(
            "e => e.labels[0].textContent.trim().split('\\n')[0]"
        )
        for name in ("initiative", "kind", "change", "search")
    ]
    assert names == ["Initiative", "Kind", "Change", "Search"]


def test_headings_are_in_order_and_text_reads_on_its_background(built: Built, visit: Opens) -> None:
    """One h1, no level skipped; every text at least 4.5:1 against what is behind it."""
    paths = (
        built.report,
        built.site / "index.html",
        built.site / "editions" / "2021-11.html",
        built.site / "milestones" / "mot-carve-in-live.html",
    )
    for path in paths:
        page = visit().open(path)
        levels = page.eval_on_selector_all(
            "h1, h2, h3, h4, h5, h6", "hs => hs.map(h => Number(h.tagName[1]))"
        )
        skipped = [b for a, b in pairwise(levels) if b > a + 1]
        assert (levels[0], levels.count(1), skipped) == (1, 1, []), path
        ratio, text = page.evaluate(CONTRAST)
        assert ratio >= 4.5, (path, text)


def test_hostile_titles_show_as_text_and_run_nothing(built: Built, visit: Opens) -> None:
    """A title with a script, an attribute break and a script address is shown as written."""
    for path in (
        built.hostile,
        built.hostile_site / "index.html",
        built.hostile_site / "editions" / "2021-11.html",
    ):
        watched = visit()
        page = watched.open(path)
        assert (watched.dialogs, watched.errors) == ([], [])
        assert HOSTILE in page.inner_text("body"), path
        assert page.eval_on_selector_all("a[href^=javascript]", "as => as.length") == 0
