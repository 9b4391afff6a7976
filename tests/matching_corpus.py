"""A labelled corpus for matching: editions derived from November 2021 by realistic edits.

Each case edits the bundled November 2021 edition the way a new edition does, then gives
every id and lineage of the new edition afresh, as an import without ``--previous``
would (slugs of the titles and names), so that matching has only the two editions to go
on. The labels are the pairs a careful reader would make from the two editions alone,
restricted to what the edit touched; ``decidable`` is False where such a reader could
not decide either (a merge, a split), and the behaviour there is documented instead.
``scores()`` gives precision and recall per edit class; the benchmark prints them and
``tests/unit/test_matching_corpus.py`` holds the decidable ones at 100%.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs

from calaim_timeline import Archive, Edition, Initiative, Milestone, Period, match
from calaim_timeline.importers._ids import slug

__all__ = ["CLASSES", "Case", "Score", "cases", "scores"]

NOVEMBER: Final = Archive.bundled()["2021-11"]


@attrs.frozen
class Case:
    """One edit: the two editions, the pairs a reader makes, and what the edit touched."""

    edit_class: str
    decidable: bool
    old: Edition
    new: Edition
    expected: frozenset[tuple[str, str]]
    """Expected pairs among the touched items: ("i:" or "m:") + old key, new key."""
    touched_old: frozenset[str]
    touched_new: frozenset[str]

    def found(self) -> frozenset[tuple[str, str]]:
        """The pairs match() makes that involve a touched item, in the keys of expected."""
        result = match(self.old, self.new)
        pairs = {("i:" + p.old.id, "i:" + p.new.id) for p in result.initiatives}
        pairs |= {("m:" + p.old.lineage, "m:" + p.new.lineage) for p in result.milestones}
        return frozenset(
            (old, new) for old, new in pairs if old in self.touched_old or new in self.touched_new
        )


@attrs.frozen
class Score:
    """Pairs found right, found wrong, and missed, over the cases of one class."""

    right: int = 0
    wrong: int = 0
    missed: int = 0

    def __add__(self, other: Score) -> Score:
        """The counts of both."""
        return Score(self.right + other.right, self.wrong + other.wrong, self.missed + other.missed)

    @property
    def precision(self) -> float:
        """Right pairs among those found (1.0 when none was found)."""
        found = self.right + self.wrong
        return self.right / found if found else 1.0

    @property
    def recall(self) -> float:
        """Right pairs among those expected (1.0 when none was expected)."""
        expected = self.right + self.missed
        return self.right / expected if expected else 1.0


_Edit = Callable[[Edition], tuple[Edition, dict[str, str]]]
"""An edit: the edited edition (old ids kept for what stays the same) and renamed ids."""


def _replace_milestone(edition: Edition, mid: str, **fields: Any) -> Edition:  # noqa: ANN401
    return attrs.evolve(
        edition,
        initiatives=tuple(
            attrs.evolve(
                i,
                milestones=tuple(
                    attrs.evolve(m, **fields) if m.id == mid else m for m in i.milestones
                ),
            )
            for i in edition.initiatives
        ),
    )


def _replace_initiative(edition: Edition, iid: str, **fields: Any) -> Edition:  # noqa: ANN401
    return attrs.evolve(
        edition,
        initiatives=tuple(
            attrs.evolve(i, **fields) if i.id == iid else i for i in edition.initiatives
        ),
    )


def _initiative(edition: Edition, iid: str) -> Initiative:
    return next(i for i in edition.initiatives if i.id == iid)


def _milestone(edition: Edition, mid: str) -> Milestone:
    return next(m for _, m in edition.milestones if m.id == mid)


def _retitle(mid: str, title: str, **fields: Any) -> _Edit:  # noqa: ANN401
    return lambda e: (_replace_milestone(e, mid, title=title, **fields), {})


def _rename(iid: str, name: str) -> _Edit:
    return lambda e: (_replace_initiative(e, iid, name=name), {})


def _drop(mid: str) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        return (
            attrs.evolve(
                edition,
                initiatives=tuple(
                    attrs.evolve(i, milestones=tuple(m for m in i.milestones if m.id != mid))
                    for i in edition.initiatives
                ),
            ),
            {mid: ""},
        )

    return edit


def _add(iid: str, title: str, month: str) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        home = _initiative(edition, iid)
        added = Milestone(id="added", title=title, when=Period.parse(month))
        return _replace_initiative(edition, iid, milestones=(*home.milestones, added)), {}

    return edit


def _move(mid: str, to: str) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        moving = _milestone(edition, mid)
        dropped, _ = _drop(mid)(edition)
        home = _initiative(dropped, to)
        return _replace_initiative(dropped, to, milestones=(*home.milestones, moving)), {}

    return edit


def _reorder(iid: str) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        home = _initiative(edition, iid)
        return _replace_initiative(edition, iid, milestones=home.milestones[::-1]), {}

    return edit


def _merge(first: str, second: str, title: str) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        merged, _ = _drop(second)(edition)
        return _replace_milestone(merged, first, title=title, id="merged"), {
            first: "",
            second: "",
        }

    return edit


def _split(mid: str, titles: tuple[str, str]) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        original = _milestone(edition, mid)
        parts = (
            attrs.evolve(original, id="part-1", lineage="part-1", title=titles[0]),
            attrs.evolve(original, id="part-2", lineage="part-2", title=titles[1]),
        )
        initiatives = []
        for i in edition.initiatives:
            milestones: list[Milestone] = []
            for m in i.milestones:
                milestones.extend(parts if m.id == mid else (m,))
            initiatives.append(attrs.evolve(i, milestones=tuple(milestones)))
        return attrs.evolve(edition, initiatives=tuple(initiatives)), {mid: ""}

    return edit


def _both(*edits: _Edit) -> _Edit:
    def edit(edition: Edition) -> tuple[Edition, dict[str, str]]:
        gone: dict[str, str] = {}
        for one in edits:
            edition, more = one(edition)
            gone |= more
        return edition, gone

    return edit


# (class, decidable, edit, touched old milestone ids, touched old initiative ids)
_EDITS: Final[tuple[tuple[str, bool, _Edit, tuple[str, ...], tuple[str, ...]], ...]] = (
    ("initiative: name extended", True, _rename("dental", "Dental (new benefits and P4P) and Dental Transformation Initiative"), (), ("dental",)),
    ("initiative: name extended", True, _rename("foster-care-model-of-care", "Foster Care Model of Care Workgroup"), (), ("foster-care-model-of-care",)),
    ("initiative: renamed, milestones follow", True, _rename("justice-involved-package", "CalAIM Reentry Initiative"), (), ("justice-involved-package",)),
    ("initiative: renamed, milestones follow", True, _rename("population-health-management", "Population Health Program"), (), ("population-health-management",)),
    ("initiative: recategorized", True, lambda e: (_replace_initiative(e, "dental", category="managed-care"), {}), (), ("dental",)),
    ("milestone: words inserted", True, _retitle("dental-policy-live", "Dental benefits and pay-for-performance policy goes live"), ("dental-policy-live",), ()),
    ("milestone: words inserted", True, _retitle("foster-care-proposal", "Release Foster Care Model of Care proposal to public as part of Governor\u2019s budget"), ("foster-care-proposal",), ()),
    ("milestone: abbreviation spelled out", True, _retitle("asam-guidance", "American Society of Addiction Medicine (ASAM) level of care determination guidance released"), ("asam-guidance",), ()),
    ("milestone: abbreviation spelled out", True, _retitle("asam-guidance", "American Society of Addiction Medicine (ASAM) level of care determination guidance released", when=Period.parse("2022-02")), ("asam-guidance",), ()),
    ("milestone: abbreviation spelled out", True, _retitle("mmce-choice-packets", "Choice Packets mailed to impacted beneficiaries to choose a Managed Care Plan (MCP)", when=Period.parse("2021-12")), ("mmce-choice-packets",), ()),
    ("milestone: qualifier added or removed", True, _retitle("smhs-criteria-live", "Criteria for Specialty Mental Health Services (SMHS) Go Live", when=Period.parse("2022-02")), ("smhs-criteria-live",), ()),
    ("milestone: qualifier added or removed", True, _retitle("smhs-criteria-notice", "Information Notice re: Criteria for Specialty Mental Health Services"), ("smhs-criteria-notice",), ()),
    ("milestone: punctuation and case", True, _retitle("ecm-new-benefit-notice", "MCPs Send ECM New Benefit Notice."), ("ecm-new-benefit-notice",), ()),
    ("milestone: shifted", True, _retitle("mot-carve-in-live", "MOT Carve-In goes live", when=Period.parse("2022-03")), ("mot-carve-in-live",), ()),
    ("milestone: retitled and shifted", True, _retitle("ltss-network-guidance", "Final Network Guidance to Plans", when=Period.parse("2022-01")), ("ltss-network-guidance",), ()),
    ("milestone: other number", True, _both(_retitle("ipp-program-year-1-live", "Program Year 2 goes live", when=Period.parse("2023-01")), lambda e: (e, {"ipp-program-year-1-live": ""})), ("ipp-program-year-1-live",), ()),
    ("milestone: dropped", True, _drop("phm-strategy-roadmap"), ("phm-strategy-roadmap",), ()),
    ("milestone: added", True, _add("dental", "Dental Transformation Initiative sunset notice", "2022-02"), (), ()),
    ("milestone: moved", True, _move("asam-guidance", "smhs-criteria"), ("asam-guidance",), ()),
    ("milestones: reordered", True, _reorder("benefits-standardization"), ("mot-carve-in-live", "mssp-carve-out-live", "mot-rates-to-cms"), ()),
    ("milestones: merged", False, _merge("ltss-network-guidance", "ltss-care-coordination-guidance", "Network and Care Coordination Guidance to Plans"), ("ltss-network-guidance", "ltss-care-coordination-guidance"), ()),
    ("milestone: split", False, _split("path-final-requirements", ("Final PATH Program Requirements", "Final PATH Program Parameters")), ("path-final-requirements",), ()),
    ("several edits at once", True, _both(_rename("dental", "Dental Benefits (new benefits and P4P)"), _retitle("dental-apl", "Dental All Plan Letter (APL) released", when=Period.parse("2022-01"))), ("dental-apl",), ("dental",)),
)  # fmt: skip

CLASSES: Final = tuple(dict.fromkeys(name for name, *_ in _EDITS))
"""The edit classes, in the order of the corpus."""


def _fresh_ids(edition: Edition) -> tuple[Edition, dict[str, str], dict[str, str]]:
    """Ids and lineages afresh (slugs), as an import without --previous gives them.

    Returns the edition and the maps from the ids before to the ids after, for
    initiatives and for milestones.
    """
    taken: set[str] = set()

    def unique(stem: str) -> str:
        candidate, n = stem, 2
        while candidate in taken:
            candidate, n = f"{stem}-{n}", n + 1
        taken.add(candidate)
        return candidate

    initiative_ids: dict[str, str] = {}
    milestone_ids: dict[str, str] = {}
    initiatives = []
    for i in edition.initiatives:
        initiative_ids[i.id] = unique("x-" + slug(i.name))
        milestones = []
        for m in i.milestones:
            milestone_ids[m.id] = fresh = unique("x-" + slug(m.title))
            milestones.append(attrs.evolve(m, id=fresh, lineage=fresh))
        initiatives.append(attrs.evolve(i, id=initiative_ids[i.id], milestones=tuple(milestones)))
    return attrs.evolve(edition, initiatives=tuple(initiatives)), initiative_ids, milestone_ids


def cases() -> Iterator[Case]:
    """Every case of the corpus, in order."""
    for edit_class, decidable, edit, milestones, initiatives in _EDITS:
        edited, gone = edit(NOVEMBER)
        new, initiative_ids, milestone_ids = _fresh_ids(edited)
        touched_old = {f"m:{m}" for m in milestones} | {f"i:{i}" for i in initiatives}
        touched_new = {
            f"m:{milestone_ids[m]}"
            for m in (*milestones, "added", "merged", "part-1", "part-2")
            if m in milestone_ids
        } | {f"i:{initiative_ids[i]}" for i in initiatives}
        expected = {
            (f"m:{m}", f"m:{milestone_ids[m]}")
            for m in milestones
            if m not in gone and m in milestone_ids
        } | {(f"i:{i}", f"i:{initiative_ids[i]}") for i in initiatives}
        yield Case(
            edit_class=edit_class,
            decidable=decidable,
            old=NOVEMBER,
            new=new,
            expected=frozenset(expected),
            touched_old=frozenset(touched_old),
            touched_new=frozenset(touched_new),
        )


def scores() -> dict[str, Score]:
    """Precision and recall of matching, per edit class."""
    found: dict[str, Score] = dict.fromkeys(CLASSES, Score())
    for case in cases():
        pairs = case.found()
        found[case.edit_class] += Score(
            right=len(pairs & case.expected),
            wrong=len(pairs - case.expected),
            missed=len(case.expected - pairs),
        )
    return found
