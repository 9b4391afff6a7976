"""One Chromium per test process, the pages under test, and a visit that watches the page.

Playwright drives the system's Chromium (``executable_path``): browsers cannot be
downloaded here. ``.ci/run`` installs Debian's ``chromium`` when it is missing; elsewhere,
install it (``apt-get install chromium``) or name a Chrome in ``CALAIM_CHROMIUM``. A
missing browser fails the tests, saying so: it never skips them.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import attrs
import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Dialog,
    Page,
    Request,
    Route,
    ViewportSize,
    sync_playwright,
)

from calaim_timeline import Archive, Edition
from calaim_timeline.render.report import HtmlReport
from calaim_timeline.render.site import StaticSite
from tests.builders import february_2022
from tests.unit.test_report import hostile_series

NAMES: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ARGS: Final = (
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    # No connection of Chromium's own: the machine's closed network refuses them, and a
    # test must see only the page's requests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
ELSEWHERE: Final = re.compile(r"^(?!file:)")
"""Every address but a file's: aborted."""
BUNDLED: Final = Archive.bundled().editions
SERIES: Final = (*BUNDLED, february_2022())


def chromium() -> str:
    """The Chromium to drive: ``CALAIM_CHROMIUM``, else the first on PATH."""
    found = os.environ.get("CALAIM_CHROMIUM") or next(filter(None, map(shutil.which, NAMES)), None)
    if found is None:
        pytest.fail(
            "the browser tests need Chromium: apt-get install chromium"
            " (or set CALAIM_CHROMIUM to a Chrome)",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One browser for every browser test of this process."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium(), args=list(ARGS))
        yield launched
        launched.close()


@attrs.define
class Visit:
    """A page opened from a file, with what it said on the console and asked of the network."""

    page: Page
    errors: list[str] = attrs.field(factory=list)
    requests: list[str] = attrs.field(factory=list)
    dialogs: list[str] = attrs.field(factory=list)

    def open(self, path: Path) -> Page:
        """Go to ``path`` (a file) and wait until it has loaded."""
        self.page.goto(path.as_uri(), wait_until="domcontentloaded")  # nothing else to load
        return self.page


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Open pages in a new context: ``visit(javascript=True)``; requests elsewhere aborted."""
    contexts = []

    def opened(*, javascript: bool = True) -> Visit:
        context = browser.new_context(java_script_enabled=javascript, viewport=VIEW)
        contexts.append(context)
        page = context.new_page()
        watched = Visit(page)

        def refuse(route: Route) -> None:
            route.abort()

        def console(message: ConsoleMessage) -> None:
            if message.type in {"error", "warning"}:
                watched.errors.append(message.text)

        def asked(request: Request) -> None:
            watched.requests.append(request.url)

        context.route(ELSEWHERE, refuse)  # matched by the driver: file:// pays nothing
        page.on("console", console)
        page.on("pageerror", lambda error: watched.errors.append(str(error)))
        page.on("request", asked)

        def dialog(shown: Dialog) -> None:
            watched.dialogs.append(shown.message)
            shown.dismiss()

        page.on("dialog", dialog)
        return watched

    yield opened
    for context in contexts:
        context.close()


VIEW: Final = ViewportSize(width=1000, height=800)


@attrs.frozen
class Built:
    """The pages under test, written once per process."""

    report: Path
    """The report of the three-edition series."""
    bundled: Path
    """The report of the bundled editions."""
    hostile: Path
    """The report of editions with hostile titles."""
    site: Path
    """The site of the three-edition series (its folder)."""
    bundled_site: Path
    """The site of the bundled editions."""
    hostile_site: Path
    """The site of editions with hostile titles."""


def _report(path: Path, editions: tuple[Edition, ...]) -> Path:
    path.write_text(HtmlReport()(editions), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The reports and sites, written to a folder of the session."""
    root = tmp_path_factory.mktemp("pages")
    for name, editions in (("site", SERIES), ("bundled-site", BUNDLED)):
        StaticSite().write(root / name, editions)
    StaticSite().write(root / "hostile-site", hostile_series())
    return Built(
        report=_report(root / "report.html", SERIES),
        bundled=_report(root / "bundled.html", BUNDLED),
        hostile=_report(root / "hostile.html", hostile_series()),
        site=root / "site",
        bundled_site=root / "bundled-site",
        hostile_site=root / "hostile-site",
    )
