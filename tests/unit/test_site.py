"""The static site (issue 30): its files, relative links, stable bytes, and a safe write."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calaim_timeline import Archive, WriteError, save
from calaim_timeline.cli import main
from calaim_timeline.render._page import page_name
from calaim_timeline.render.site import StaticSite
from tests.builders import february_2022
from tests.conftest import ROOT
from tests.unit.test_report import ESCAPED, HOSTILE, hostile_series

BUNDLED = Archive.bundled()
SERIES = (*BUNDLED.editions, february_2022())
FILES = StaticSite().pages(SERIES)


def test_the_site_has_an_index_a_page_per_edition_and_milestone_a_feed_and_a_calendar() -> None:
    """Three editions, 71 milestone histories, and the feed and calendar beside them."""
    folders = {name.split("/")[0] if "/" in name else name for name in FILES}
    assert (
        folders,
        sorted(name for name in FILES if name.startswith("editions/")),
        sum(name.startswith("milestones/") for name in FILES),
    ) == (
        {"index.html", "editions", "milestones", "feed.atom", "calendar.ics"},
        ["editions/2021-01.html", "editions/2021-11.html", "editions/2022-02.html"],
        71,
    )
    assert FILES["feed.atom"].count("<entry>") == 3
    assert FILES["calendar.ics"].startswith("BEGIN:VCALENDAR")


def test_every_link_is_relative_and_names_a_file_of_the_site() -> None:
    """No link leaves the site except a source's http(s) address; each names a page made."""
    for name, text in FILES.items():
        if not name.endswith(".html"):
            continue
        for target in re.findall(r'href="([^"#]*)(?:#[^"]*)?"', text):
            if target.startswith(("http://", "https://")) or not target:
                continue
            resolved = (Path("/site") / name).parent.joinpath(target).resolve()
            assert resolved.relative_to(Path("/site").resolve()).as_posix() in FILES, (name, target)


def test_the_edition_pages_link_back_forward_and_to_each_milestone() -> None:
    """The middle edition links to the one before and after, and to its 56 milestones."""
    page = FILES["editions/2021-11.html"]
    assert re.findall(r'<a href="([^"]+)" rel="(prev|next)">', page) == [
        ("2021-01.html", "prev"),
        ("2022-02.html", "next"),
    ]
    assert page.count('<li><a href="../milestones/') == 56
    assert "<h2>What changed from edition 2021-01</h2>" in page


def test_a_milestone_page_has_its_history_and_its_chart() -> None:
    """The MOT Carve-In page: its three editions, its slip, and its chart with a title."""
    page = FILES["milestones/mot-carve-in-live.html"]
    assert (
        re.findall(r'<th scope="row">([^<]*)</th>', page),
        page.count("<svg "),
        "<title>MOT Carve-In goes live: CalAIM Milestones Calendar</title>" in page,
        "First seen 2021-11, last seen 2022-02: 1 shift, total slip +2 months." in page,
    ) == (["2021-01", "2021-11", "2022-02"], 1, True, True)


def test_an_id_that_is_no_plain_id_gets_a_file_name_that_stays_in_its_folder() -> None:
    """Ids made in code may hold anything: the file name never leaves the folder."""
    assert (page_name("mot-live"), page_name("../../etc/passwd"), page_name("A")) == (
        "mot-live.html",
        "x-2e2e2f2e2e2f6574632f706173737764-16.html",
        "x-41-1.html",
    )


def test_hostile_titles_show_as_text_on_every_page() -> None:
    """The hostile edition title and initiative name are escaped wherever they are shown."""
    files = StaticSite().pages(hostile_series())
    pages = [text for name, text in files.items() if name.endswith(".html")]
    assert (
        sum(text.count("<script>") for text in pages),
        sum(text.count("javascript:alert(1)") for text in pages),
        sum(text.count('onload="') for text in pages),
        sum(text.count(ESCAPED) for text in pages) > 0,
    ) == (len(pages), 0, 0, True)
    assert HOSTILE not in files["feed.atom"]


def test_the_same_editions_give_the_same_bytes(tmp_path: Path) -> None:
    """Written twice, the site is the same: a site kept in git changes only with its data."""
    StaticSite().write(tmp_path / "a", SERIES)
    StaticSite().write(tmp_path / "b", SERIES)
    first, second = (
        {p.relative_to(root).as_posix(): p.read_bytes().decode() for p in root.rglob("*.*")}
        for root in (tmp_path / "a", tmp_path / "b")
    )
    assert first == second == FILES


def test_the_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """Two interpreters with different hash seeds write the same site (no set order leaks)."""
    script = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1])\n"
        "from tests.unit.test_site import FILES\n"
        "print(hashlib.sha256(repr(sorted(FILES.items())).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(ROOT)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True, cwd=tmp_path,
        ).stdout
        for seed in ("1", "2")
    }  # fmt: skip
    assert [len(digest) for digest in digests] == [65]  # one digest, and a whole one


def test_a_new_run_replaces_the_site_and_removes_pages_no_longer_made(tmp_path: Path) -> None:
    """Pages of an earlier run that the new site has not are removed; .git is kept."""
    site = tmp_path / "site"
    StaticSite().write(site, SERIES)
    (site / ".git").mkdir()
    (site / "milestones" / "gone.html").write_text("old", encoding="utf-8")
    written = StaticSite().write(site, BUNDLED.editions)
    assert (
        (site / "milestones" / "gone.html").exists(),
        (site / "editions" / "2022-02.html").exists(),
        (site / ".git").is_dir(),
        len(written),
        sorted(p.name for p in tmp_path.iterdir()),
    ) == (False, False, True, 75, ["site"])


def test_a_folder_of_other_files_or_a_file_is_refused_untouched(tmp_path: Path) -> None:
    """A folder holding files but no site of ours, or a file, is not written into."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(WriteError, match="the folder holds files but no site written by"):
        StaticSite().write(tmp_path, SERIES)
    with pytest.raises(WriteError, match="it is a file, not a folder"):
        StaticSite().write(tmp_path / "notes.txt", SERIES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_failed_write_leaves_no_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while moving the site in leaves the folder beside it as it was."""

    def refuse(_self: Path, _target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(PermissionError, match="cannot write the file: Permission denied"):
        StaticSite().write(tmp_path / "site", SERIES)
    assert list(tmp_path.iterdir()) == []


def test_the_command_writes_the_site_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site command writes the folder (-o DIR) and one line on stderr."""
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    for edition in SERIES:
        save(edition, snapshots / f"{edition.id}.toml")
    output = tmp_path / "site"
    assert main(["site", "--snapshots", str(snapshots), "-o", str(output)]) == 0
    assert capsys.readouterr().err == (
        f"wrote {output}: 75 pages (3 editions), a feed and a calendar\n"
    )
    assert (output / "index.html").read_text(encoding="utf-8") == FILES["index.html"]


def test_a_site_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    """The site's folder may be new, but the folder it goes in must exist."""
    with pytest.raises(
        FileNotFoundError, match=r"missing[/\\]site: cannot write the file: No such"
    ):
        StaticSite().write(tmp_path / "missing" / "site", SERIES)
    assert list(tmp_path.iterdir()) == []
