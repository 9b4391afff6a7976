"""The bundled editions against the published documents they were made from."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import NamedTuple

import jsonschema
import pytest

import calaim_timeline
from calaim_timeline import Archive, Edition, MilestoneKind, Period, dumps, to_dict
from tests.conftest import DOCS, SOURCES

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


class Bullet(NamedTuple):
    """One bullet of the source table, read independently of the library."""

    month: str
    text: str
    mark: str | None
    footnotes: tuple[int, ...]
    sub: bool


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _pieces(cell: str) -> list[tuple[bool | None, str]]:
    """Split a cell into (is_sub_bullet, text) pieces; None marks a continuation."""
    cell = re.sub(r"</?ul[^>]*>|</li>", " ", cell)
    pieces: list[tuple[bool | None, str]] = []
    depth_text = re.split(r"(<li>\s*[•○]?|[•○])", cell)
    pending: bool | None = None
    for part in depth_text:
        if re.fullmatch(r"<li>\s*[•○]?|[•○]", part):
            pending = "○" in part
            continue
        if part.strip():
            pieces.append((pending, part.strip()))
            pending = None
    return pieces


def _clean(text: str) -> tuple[str, str | None, tuple[int, ...]]:
    marks, notes = [], []
    for sup in re.findall(r"<sup>(.*?)</sup>", text):
        marks += re.findall(r"[*^+]", sup)
        notes += [int(n) for n in re.findall(r"\d+", sup)]
    text = html.unescape(re.sub(r"<sup>.*?</sup>", "", text))
    text = re.sub(r"\s+", " ", text).strip()
    if text[-1] in "*^+":
        marks.append(text[-1])
        text = text[:-1].rstrip()
    return text.replace(" )", ")"), (marks[0] if marks else None), tuple(notes)


def source_bullets() -> list[tuple[str, list[Bullet]]]:  # noqa: C901 - read against the source
    """(initiative name, bullets) for every initiative row of the source tables."""
    rows: list[tuple[str, list[Bullet]]] = []
    months: list[str] = []
    open_items: dict[str, tuple[int, str, bool]] = {}
    text = (SOURCES / "2021-11_calaim-milestones-calendar.md").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = _cells(line)
        if any(re.fullmatch(r"Q\d \d{4}", c) for c in cells):
            years = [m.group(1) for c in cells if (m := re.search(r"(\d{4})", c))]
            quarter_cells = cells[1:]
            year = years[0]
            column_years = []
            for c in quarter_cells:
                year = c[-4:] if c else year
                column_years.append(year)
            continue
        if cells[1] in MONTHS:
            months = [
                f"{column_years[k]}-{MONTHS.index(name) + 1:02d}"
                for k, name in enumerate(cells[1:])
            ]
            continue
        if cells[0].startswith("Initiatives"):
            continue
        name = html.unescape(
            re.sub(r"<[^>]+>|<sup>.*?</sup>", "", re.sub(r"<sup>.*?</sup>", "", cells[0]))
        ).strip()
        if name and all(c in {"", "--"} for c in cells[1:]) and rows and not any(cells[1:]):
            continue  # a category row
        if name:
            rows.append((re.sub(r"\s+", " ", name), []))
            open_items = {}
        bullets = rows[-1][1]
        for month, cell in zip(months, cells[1:], strict=True):
            for sub, piece in _pieces("" if cell == "--" else cell):
                if sub is None and month in open_items:  # a bullet cut by a page break
                    position, raw, was_sub = open_items[month]
                    bullets[position] = Bullet(month, *_clean(raw + " " + piece), sub=was_sub)
                    open_items[month] = (position, raw + " " + piece, was_sub)
                    continue
                open_items[month] = (len(bullets), piece, bool(sub))
                bullets.append(Bullet(month, *_clean(piece), sub=bool(sub)))
    return rows


@pytest.fixture(scope="module")
def november() -> Edition:
    """The bundled November 2021 edition."""
    return Archive.bundled()["2021-11"]


def test_every_source_bullet_is_in_the_snapshot_with_its_month_and_mark(november: Edition) -> None:
    """Each bullet of the published table is a milestone (or sub-item) of its initiative."""
    rows = source_bullets()
    assert [name for name, _ in rows] == [i.name for i in november.initiatives]
    found_milestones = found_sub_items = 0
    for (_, bullets), initiative in zip(rows, november.initiatives, strict=True):
        expected = [(b.month, b.text, b.mark, b.footnotes, b.sub) for b in bullets]
        actual = []
        for m in initiative.milestones:
            mark = m.kind.mark if m.kind else None
            actual.append((str(m.when), m.title, mark, m.footnotes, False))
            actual += [
                (str(m.when), s.text, s.kind.mark if s.kind else None, s.footnotes, True)
                for s in m.sub_items
            ]
        assert actual == expected, initiative.id
        found_milestones += sum(1 for b in bullets if not b.sub)
        found_sub_items += sum(1 for b in bullets if b.sub)
    assert (found_milestones, found_sub_items) == (56, 4)
    assert len(november.milestones) == 56


def test_the_november_edition_keeps_the_calendar_s_metadata(november: Edition) -> None:
    """Window, as-of month, categories, footnotes and exclusions are those of the source."""
    assert (str(november.as_of), str(november.window)) == ("2021-11", "2021-11/2022-03")
    assert [c.name for c in november.categories] == [
        "Population Health Initiatives",
        "Managed Care Initiatives",
        "Behavioral Health Initiatives",
        "Long-Term Care (LTC)/Managed Long Term Services and Supports (MLTSS)/Duals Initiatives",
        "County Initiatives",
        "Other Initiatives",
    ]
    assert [n.number for n in november.footnotes] == list(range(1, 16))
    assert november.footnote(11).text == november.footnote(12).text
    assert len(november.excluded_initiatives) == 7
    assert november.excluded_initiatives[-1] == "Improving Beneficiary Contact & Demographic Data"


def test_ecm_is_named_as_the_source_names_it(november: Edition) -> None:
    """No alias written by hand: the diff finds the ILOS rename from the name itself."""
    ecm = next(i for i in november.initiatives if i.id == "ecm-community-supports")
    assert (ecm.name, ecm.aliases) == (
        "Enhanced Care Management (ECM)/ Community Supports (ILOS)",
        (),
    )
    assert ecm.footnotes == (6,)


def test_the_january_edition_keeps_the_article_s_periods_and_wording() -> None:
    """Each 2021-01 milestone has the article's period, exact day included, and its words."""
    january = Archive.bundled()["2021-01"]
    assert [(m.id, str(m.when), m.when.text) for _, m in january.milestones] == [
        ("waiver-renewal-public-comment", "2021-Q1", "during these months"),
        ("ecm-ilos-model-of-care-draft", "2021-02-11/2021-02-28", "mid to late February"),
        ("ecm-ilos-transition-plans-draft", "2021-02-11/2021-02-28", "mid to late February"),
        ("ecm-ilos-contract-language-draft", "2021-02-11/2021-02-28", "mid to late February"),
        ("ecm-ilos-technical-assistance", "2021-02-11/2021-02-28", "during this time"),
        ("ecm-ilos-final-drafts", "2021-03", "March of this year"),
        ("ecm-mcp-rates-draft", "2021-Q2", "between April and June of 2021"),
        ("ilos-pricing-guidance", "2021-Q2", "between April and June of 2021"),
        ("ecm-ilos-readiness-documents", "2021-H2", "the last half of 2021"),
        ("mltss-duals-workgroup-first-meeting", "2021-02-04", "Thursday, February 4"),
        ("county-oversight-workgroups", "2021-Q2", "between April and June of 2021"),
        ("ccs-chdp-auditing-tools", "2021-Q2", "between April and June of 2021"),
        ("county-performance-standards-process", "2021-H2", "the last half of 2021"),
        ("pre-release-stakeholder-process", "2021-H2", "the last half of 2021"),
    ]
    assert january.window == Period.parse("2021-01/2021-12")
    article = (SOURCES / "2021-01_dhcs-2021-timeline-article.txt").read_text(encoding="utf-8")
    for _, m in january.milestones:
        assert m.kind is None  # the article marks no kinds
        assert m.when.text is not None
        assert m.when.text.lower() in article.lower()


@pytest.mark.parametrize("edition_id", ["2021-01", "2021-11"])
def test_bundled_snapshots_match_the_json_schema(edition_id: str) -> None:
    """Every bundled snapshot is valid under docs/snapshot.schema.json."""
    schema = json.loads((DOCS / "snapshot.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(to_dict(Archive.bundled()[edition_id]), schema)


@pytest.mark.parametrize("edition_id", ["2021-01", "2021-11"])
def test_bundled_snapshots_are_in_canonical_form(edition_id: str) -> None:
    """Each bundled file is exactly what dumping its edition writes."""
    archive = Archive.bundled()
    text = (archive.directory / f"{edition_id}.toml").read_text(encoding="utf-8")
    assert dumps(archive[edition_id]) == text


def test_source_copies_say_where_they_come_from() -> None:
    """sources/ documents each file's origin, and every edition names its document."""
    readme = (SOURCES / "README.md").read_text(encoding="utf-8")
    for edition in Archive.bundled():
        assert edition.source.document.startswith("sources/")
        name = edition.source.document.removeprefix("sources/")
        assert (SOURCES / name).is_file()
        assert name in readme


def test_kinds_in_the_november_edition() -> None:
    """The calendar's marks: 27 document releases, 7 deadlines, 14 launches, 8 unmarked."""
    kinds = [m.kind for _, m in Archive.bundled()["2021-11"].milestones]
    assert {k: kinds.count(k) for k in [*MilestoneKind, None]} == {
        MilestoneKind.DOCUMENT_RELEASE: 27,
        MilestoneKind.SUBMISSION_DEADLINE: 7,
        MilestoneKind.PROGRAM_LAUNCH: 14,
        None: 8,
    }


def test_the_repository_snapshot_folder_holds_the_bundled_editions_byte_for_byte() -> None:
    """./snapshots is a real folder (git can add a new edition to it) with the bundled files.

    The package ships its own copies (``Archive.bundled()``); the user's folder starts as
    the same files, and a new edition is added to the folder, never to the package.
    """
    folder = Path("snapshots")
    bundled = Path(calaim_timeline.__file__).parent / "snapshots"
    assert not folder.is_symlink()
    assert sorted(p.name for p in folder.glob("*.toml")) == ["2021-01.toml", "2021-11.toml"]
    assert {p.name: p.read_bytes() for p in folder.glob("*.toml")} == {
        p.name: p.read_bytes() for p in bundled.glob("*.toml")
    }
