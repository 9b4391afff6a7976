"""A series as a static site: an index, a page per edition, a page per milestone.

Any static host serves it (GitHub Pages, a bucket, a shared drive): every link is
relative, and nothing is asked of another address. The same editions give the same
bytes, so a site kept in git changes only where the data did. Beside the pages sit the
change log as an Atom feed (``feed.atom``) and the newest edition as a calendar
(``calendar.ics``), both linked from the index. Jinja2 and feedgen are the ``report``
extra's: ``pip install 'calaim-timeline[report]'``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import attrs

from calaim_timeline.diffing import DiffOptions, EditionDiff
from calaim_timeline.errors import WriteError
from calaim_timeline.model import Edition
from calaim_timeline.render._page import Page, page, page_name
from calaim_timeline.render._templates import templates

__all__ = ["FEED", "GENERATOR", "ICS", "StaticSite"]

FEED: Final = "feed.atom"
ICS: Final = "calendar.ics"
GENERATOR: Final = '<meta name="generator" content="calaim-timeline">'
"""What every page of the site carries; a folder whose index has it is a site of ours."""
_FOLDERS: Final = ("editions", "milestones")


@attrs.frozen
class StaticSite:
    """Renders a series' site: :meth:`pages` gives the files, :meth:`write` writes them.

    Examples:
        >>> from calaim_timeline import Archive
        >>> files = StaticSite().pages(Archive.bundled().editions)
        >>> sorted(files)[:4]
        ['calendar.ics', 'editions/2021-01.html', 'editions/2021-11.html', 'feed.atom']
        >>> 'href="editions/2021-11.html"' in files["index.html"]
        True
    """

    title: str | None = None
    """The site's title; the series' title unless given."""
    options: DiffOptions | None = None
    """How milestones are matched across editions (the default threshold unless given)."""

    def pages(
        self, editions: Sequence[Edition], diffs: Sequence[EditionDiff] | None = None
    ) -> dict[str, str]:
        """Each file of the site by its path (``/`` between folders), in a stable order.

        ``diffs`` are the changes shown, newest first; None for the whole change log.
        """
        environment = templates("a static site")
        shown = page(editions, diffs, self.title, self.options)
        in_folder = _linker("../milestones/")
        files = {"index.html": environment.get_template("site_index.html").render(
            page=shown, root="", feed=FEED, ics=ICS if shown.editions else None,
            story_link=_linker("milestones/"),
        )}  # fmt: skip
        edition_page = environment.get_template("site_edition.html")
        changes = {section["new"]: section for section in shown.sections}
        for number, edition in enumerate(shown.editions):
            files[f"editions/{edition['page']}"] = edition_page.render(
                page=shown, root="../", edition=edition, section=changes.get(edition["id"]),
                before=shown.editions[number - 1] if number else None,
                after=shown.editions[number + 1] if number + 1 < len(shown.editions) else None,
                story_link=in_folder,
            )  # fmt: skip
        story_page = environment.get_template("site_milestone.html")
        for story in shown.stories:
            files[f"milestones/{story['page']}"] = story_page.render(
                page=shown, root="../", story=story
            )
        files |= _beside(shown)
        return dict(sorted(files.items()))

    def write(
        self,
        directory: str | os.PathLike[str],
        editions: Sequence[Edition],
        diffs: Sequence[EditionDiff] | None = None,
    ) -> tuple[str, ...]:
        """Write the site into ``directory``; the files written, by their paths in it.

        The whole site is written to a new folder beside ``directory`` first, then moved
        in: a failure leaves ``directory`` as it was. Pages of an earlier run that the new
        site no longer has are removed. A folder that holds other files (names starting
        with ``.``, such as ``.git``, aside) and no site of ours is refused, untouched.
        """
        target = Path(directory)
        files = self.pages(editions, diffs)
        _refuse_foreign(target)
        parent = target.parent if str(target.parent) else Path()
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
        except OSError as error:
            raise WriteError(str(target), error.strerror or str(error), error.errno) from None
        try:
            for name, text in files.items():
                path = staging / name
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8", newline="")
            _move_in(staging, target, files)
        except OSError as error:
            raise WriteError(str(target), error.strerror or str(error), error.errno) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return tuple(files)


def _linker(folder: str) -> Callable[[str], str]:
    """The link to a milestone's page, from a page that sees its folder as ``folder``."""
    return lambda key: f"{folder}{page_name(key)}"


def _beside(shown: Page) -> dict[str, str]:
    """The feed and the calendar that sit beside the pages."""
    from calaim_timeline.render.feed import ChangelogFeed  # noqa: PLC0415 - feedgen, on demand
    from calaim_timeline.render.ics import EditionIcs  # noqa: PLC0415 - icalendar, on demand

    ordered = shown.timeline.editions
    first = ordered[0] if ordered else None
    files = {FEED: ChangelogFeed(title=f"{shown.title}: change log")(shown.diffs, first)}
    if ordered:
        files[ICS] = EditionIcs(shown.timeline, name=shown.title)(ordered[-1])
    return files


def _refuse_foreign(target: Path) -> None:
    """Refuse a file, or a folder holding files but no site of ours: nothing is changed."""
    if target.exists() and not target.is_dir():
        raise WriteError(str(target), "it is a file, not a folder: give a folder for the site")
    if not target.is_dir():
        return
    held = [entry for entry in target.iterdir() if not entry.name.startswith(".")]
    index = target / "index.html"
    ours = index.is_file() and GENERATOR in index.read_text(encoding="utf-8", errors="replace")
    if held and not ours:
        reason = (
            "the folder holds files but no site written by calaim-timeline"
            " (no index.html of ours): give a new or empty folder"
        )
        raise WriteError(str(target), reason)


def _move_in(staging: Path, target: Path, files: dict[str, str]) -> None:
    """Move the staged site into ``target``; remove pages of an earlier run not made now."""
    if not target.exists():
        staging.rename(target)
        return
    for folder in _FOLDERS:
        (target / folder).mkdir(exist_ok=True)
    for name in files:
        (staging / name).replace(target / name)
    for folder in _FOLDERS:
        for old in (target / folder).glob("*.html"):
            if f"{folder}/{old.name}" not in files:
                old.unlink()
