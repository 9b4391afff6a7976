"""import-history: every version of a schedule from git (renames, unchanged commits) or a folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from calaim_timeline import ParseError, Status, load
from calaim_timeline.archive import Archive
from calaim_timeline.importers.versions import versions_in_folder, versions_in_git
from tests.cli.test_cli import run, wrote

V1 = """\
# Release schedule

Actual:

- alpha 1: Tuesday, 2021-10-05

Expected:

- beta 1: Friday, 2022-05-06
- final: Monday, 2022-10-03
"""
V2 = V1.replace(
    "Expected:\n\n- beta 1: Friday, 2022-05-06", "- beta 1: Friday, 2022-05-06\n\nExpected:"
)
V3 = V2.replace("2022-10-03", "2022-10-24")


def _git(repository: Path, *arguments: str, day: str = "2022-01-01") -> None:
    when = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    git = shutil.which("git")
    assert git is not None
    subprocess.run([git, "-C", str(repository), *arguments], check=True, env=env,
                   capture_output=True)  # fmt: skip


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Four commits of a schedule: created, renamed, an unrelated file, then changed twice."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    (root / "schedule.md").write_text(V1, encoding="utf-8")
    _git(root, "add", "schedule.md")
    _git(root, "commit", "-qm", "first", day="2022-01-10")
    _git(root, "mv", "schedule.md", "release.md")
    _git(root, "commit", "-qm", "rename", day="2022-02-01")
    (root / "other.txt").write_text("x", encoding="utf-8")
    _git(root, "add", "other.txt")
    _git(root, "commit", "-qm", "unrelated", day="2022-02-02")
    (root / "release.md").write_text(V2, encoding="utf-8")
    _git(root, "commit", "-qam", "beta done", day="2022-05-07")
    (root / "release.md").write_text(V3, encoding="utf-8")
    _git(root, "commit", "-qam", "final slips", day="2022-05-07")
    return root


def test_the_versions_of_a_file_in_git_follow_renames(repository: Path) -> None:
    """One version per commit that touched it, as of the commit's day, under its name then."""
    versions = versions_in_git(repository, "release.md")
    assert [(str(v.as_of), v.source.split("@")[0]) for v in versions] == [
        ("2022-01-10", "git:repo/schedule.md"),
        ("2022-02-01", "git:repo/release.md"),
        ("2022-05-07", "git:repo/release.md"),
        ("2022-05-07", "git:repo/release.md"),
    ]
    assert versions[0].content().decode() == V1


def test_import_history_from_git_then_again(repository: Path, tmp_path: Path) -> None:
    """Three editions (the rename changed nothing), progress on stderr; a rerun adds none."""
    out = tmp_path / "snapshots"
    code, said = wrote("import-history", str(repository), "release.md", "--series", "release",
                     "--title", "Release schedule", "-o", str(out))  # fmt: skip
    assert code == 0
    *progress, last = said.splitlines()
    assert last == (
        f"wrote 3 editions of release to {out} (4 versions: 1 with no change, 0 imported before)"
    )
    assert [line.split(": ", 1)[1] for line in progress] == [
        "edition 2022-01-10, 3 milestones",
        "no change",
        "edition 2022-05-07, 3 milestones",
        "edition 2022-05-07-v02, 3 milestones",
    ]
    chain = Archive(out).chain("release")
    assert [(e.id, str(e.as_of), e.series.title) for e in chain] == [
        ("2022-01-10", "2022-01-10", "Release schedule"),
        ("2022-05-07", "2022-05-07", "Release schedule"),
        ("2022-05-07-v02", "2022-05-07", "Release schedule"),
    ]
    beta = [[(m.title, m.status) for _, m in e.milestones][1] for e in chain]
    assert beta == [("beta 1", Status.PLANNED), ("beta 1", Status.DONE), ("beta 1", Status.DONE)]
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    code, said = wrote("import-history", str(repository), "release.md", "--series", "release",
                     "--title", "Release schedule", "-o", str(out))  # fmt: skip
    assert said.splitlines()[-1] == (
        f"wrote 0 editions of release to {out} (4 versions: 1 with no change, 3 imported before)"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    code, log = run("changelog", "--snapshots", str(out))
    assert code == 0
    assert log.startswith("# Release schedule: change log\n")
    assert 'final: 2022-10-03 "Monday, 2022-10-03" → 2022-10-24 "Monday, 2022-10-24"' in log


def test_a_new_commit_adds_one_edition(repository: Path, tmp_path: Path) -> None:
    """After a first run, a new commit is the one edition the next run writes."""
    out = tmp_path / "snapshots"
    arguments = ("import-history", str(repository), "release.md", "--series", "release", "-o")
    run(*arguments, str(out))
    (repository / "release.md").write_text(V3.replace("final:", "final release:"), encoding="utf-8")
    _git(repository, "commit", "-qam", "retitle", day="2022-06-01")
    code, said = wrote(*arguments, str(out))
    assert (code, said.splitlines()[-1].split(" (")[0]) == (
        0,
        f"wrote 1 edition of release to {out}",
    )
    assert load(out / "2022-06-01.toml").source.document.startswith("git:repo/release.md@")


def test_import_history_from_a_folder_of_dated_files(tmp_path: Path) -> None:
    """Files named by a month or a day, in date order; other files are left alone."""
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "2022-05-07_schedule.md").write_text(V2, encoding="utf-8")
    (folder / "2022-01_schedule.md").write_text(V1, encoding="utf-8")
    (folder / "README.md").write_text("# notes\n", encoding="utf-8")
    assert [str(v.as_of) for v in versions_in_folder(folder)] == ["2022-01", "2022-05-07"]
    out = tmp_path / "snapshots"
    assert run("import-history", str(folder), "--series", "release", "-o", str(out))[0] == 0
    assert [(e.id, str(e.as_of)) for e in Archive(out)] == [
        ("2022-01", "2022-01"),
        ("2022-05-07", "2022-05-07"),
    ]


def test_what_import_history_cannot_read(tmp_path: Path, repository: Path) -> None:
    """No dated file, no such file in git, not a folder: each says so."""
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ParseError, match="no file here has a name that begins with a date"):
        versions_in_folder(empty)
    with pytest.raises(ParseError, match="not a folder"):
        versions_in_folder(tmp_path / "nowhere")
    with pytest.raises(ParseError, match=r"no commit of 'missing\.md'"):
        versions_in_git(repository, "missing.md")
    with pytest.raises(ParseError, match="git log failed"):
        versions_in_git(empty, "x.md")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "2022-01.md").write_text("# S\n\n- a: Soonish\n- b: 2022-01-05\n", encoding="utf-8")
    code, _ = run("import-history", str(bad), "--series", "s", "-o", str(tmp_path / "o"))
    assert code == 2
