"""Regenerate the example series and every example output and picture in docs/.

    python scripts/make_examples.py          # rewrite examples/, docs/examples, docs/images
    python scripts/make_examples.py --check  # exit 1 if any file differs (the tests do this)

``examples/snapshots`` is an example series, labelled as such in every title: the two
bundled editions and an invented February 2022 edition (the test suite's derived one: it
slips two milestones, rewords one and adds one), so that a history, the trend chart and
the spreadsheets have more than one listing to show. It is not a DHCS edition.

Each other file is what a command prints or writes, run in-process on the bundled
editions or on the example series.

``docs/images/report.png`` is a screenshot of the example series' HTML report in
Chromium (through Playwright, as the browser tests drive it), the filters set to one
initiative's shifted milestones. It is made when the files are written, not compared by
``--check``: its pixels depend on the browser's version and the machine's fonts.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.builders: the derived edition

import attrs  # noqa: E402
from tests.builders import february_2022  # noqa: E402

from calaim_timeline import Archive, Edition, Series, dumps  # noqa: E402
from calaim_timeline.cli import main  # noqa: E402

SERIES: Final = Series(
    id="calaim-example",
    title="Example only: the CalAIM calendar with one invented edition",
    publisher="calaim-timeline documentation (not DHCS)",
)
"""The example series: never to be taken for the calendar DHCS publishes."""
INVENTED: Final = (
    "EXAMPLE ONLY: an invented February 2022 edition of the CalAIM Milestones Calendar,"
    " not published by DHCS"
)
DERIVED = "{derived}"
FILE = "{file}"

EXAMPLES: dict[str, tuple[str, ...]] = {
    "docs/examples/changelog.md": ("changelog",),
    "docs/examples/diff-2021-01-2021-11.txt": ("diff", "2021-01", "2021-11"),
    "docs/examples/diff-2021-01-2021-11.md": ("diff", "2021-01", "2021-11", "--format", "markdown"),
    "docs/examples/history-mot-carve-in-live.txt": ("history", "mot-carve-in-live"),
    "docs/examples/history-mot-carve-in-live.json": (
        "history",
        "mot-carve-in-live",
        "--format",
        "json",
    ),
    "docs/examples/history-ecm-ilos-readiness-documents.txt": (
        "history",
        "ecm-ilos-readiness-documents",
    ),
    "docs/examples/history-ecm-ilos-readiness-documents.json": (
        "history",
        "ecm-ilos-readiness-documents",
        "--format",
        "json",
    ),
    "docs/examples/calaim-2021-11.ics": (
        "ics",
        "2021-11",
        "--name",
        "CalAIM milestones",
        "-o",
        FILE,
    ),
    "docs/examples/derived/diff-2021-11-2022-02.txt": (
        "diff",
        "2021-11",
        "2022-02",
        "--snapshots",
        DERIVED,
    ),
    "docs/examples/derived/history.csv": (
        "history",
        "--format",
        "csv",
        "-o",
        FILE,
        "--snapshots",
        DERIVED,
    ),
    "docs/examples/derived/diff-2021-11-2022-02.csv": (
        "diff",
        "2021-11",
        "2022-02",
        "--format",
        "csv",
        "-o",
        FILE,
        "--snapshots",
        DERIVED,
    ),
    "docs/examples/derived/changelog.atom": ("feed", "-o", FILE, "--snapshots", DERIVED),
    "docs/images/trend-mot-carve-in-live.svg": (
        "chart",
        "mot-carve-in-live",
        "-o",
        FILE,
        "--snapshots",
        DERIVED,
    ),
    "docs/images/trend-ecm-community-supports.svg": (
        "chart",
        "--initiative",
        "ecm-community-supports",
        "-o",
        FILE,
        "--snapshots",
        DERIVED,
    ),
}
"""Each example file and the command that makes it ({file}: what it writes to)."""


def example_series() -> dict[str, bytes]:
    """The example series' snapshot files: the bundled editions and the invented one."""
    invented = attrs.evolve(february_2022(), title=INVENTED)
    editions: list[Edition] = [*Archive.bundled().editions, invented]
    return {
        f"examples/snapshots/{edition.id}.toml": dumps(attrs.evolve(edition, series=SERIES)).encode(
            "utf-8"
        )
        for edition in editions
    }


def build() -> dict[str, bytes]:
    """Every example file's content: the example series, and what each command makes."""
    made = example_series()
    with tempfile.TemporaryDirectory() as scratch:
        derived = Path(scratch) / "snapshots"
        derived.mkdir()
        for name, content in made.items():
            (derived / Path(name).name).write_bytes(content)
        for name, argv in EXAMPLES.items():
            target = Path(scratch) / Path(name).name
            args = [a.replace(DERIVED, str(derived)).replace(FILE, str(target)) for a in argv]
            out = io.StringIO()
            code = main(args, out=out)
            if code != 0:
                msg = f"{' '.join(argv)} exited with {code}"
                raise RuntimeError(msg)
            made[name] = target.read_bytes() if FILE in argv else out.getvalue().encode("utf-8")
    return made


def differing() -> list[str]:
    """The example files whose content is not what their command makes now."""
    return [
        name
        for name, content in build().items()
        if not (ROOT / name).exists() or (ROOT / name).read_bytes() != content
    ]


SCREENSHOT: Final = "docs/images/report.png"


def screenshot() -> bytes:
    """The example series' report in Chromium, filtered to Benefits Standardization's shifts."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only for the picture
    from tests.browser.conftest import ARGS, chromium  # noqa: PLC0415

    from calaim_timeline.render.report import HtmlReport  # noqa: PLC0415

    editions = Archive(ROOT / "examples" / "snapshots").editions
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        page_file = Path(scratch) / "report.html"
        page_file.write_text(HtmlReport()(editions), encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=chromium(), args=list(ARGS))
        page = browser.new_page(viewport={"width": 900, "height": 600})
        page.goto(page_file.as_uri())
        page.select_option("select[name=initiative]", "benefits-standardization")
        page.select_option("select[name=change]", "milestone-shifted")
        page.evaluate("() => document.activeElement.blur()")
        picture = page.screenshot(full_page=True)
        browser.close()
    return picture


def run() -> int:
    """Write the examples, or with --check list those that differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report files that differ")
    if parser.parse_args().check:
        stale = differing()
        for name in stale:
            print(f"differs: {name}")  # noqa: T201
        return 1 if stale else 0
    for name, content in build().items():
        (ROOT / name).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / name).write_bytes(content)
        print(f"wrote {name}")  # noqa: T201
    (ROOT / SCREENSHOT).write_bytes(screenshot())
    print(f"wrote {SCREENSHOT}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(run())
