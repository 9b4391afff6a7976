from __future__ import annotations

import attrs

from calaim_timeline import (
    Category,
    Edition,
    Footnote,
    Initiative,
    MilestoneKind,
    Period,
    Status,
    SubItem,
)
from calaim_timeline.diffing import diff
from calaim_timeline.render import (
    ChangelogMarkdown,
    DiffMarkdown,
    DiffText,
    EditionJson,
    EditionMarkdown,
    EditionText,
)
from calaim_timeline.render._describe import named
from calaim_timeline.render.markdown import escape
from tests.builders import edition, milestone, with_benefits


def _worded() -> Edition:
    e = edition(excluded_initiatives=("NCQA Accreditation", "Full Integration Plans"))
    draft = milestone(
        "draft-rates",
        title="Draft MCP rates for Enhanced Care Management",
        kind=None,
        when=Period.parse("2022-Q1", text="between January and March"),
        status=Status.DONE,
    )
    return with_benefits(e, *e.initiatives[1].milestones, draft)


def test_text_calendar() -> None:
    """The text calendar groups by category, marks kinds and ends with footnotes."""
    assert (
        EditionText(width=60)(_worded())
        == """\
Calendar as of November 2021
============================
Edition 2021-11: as of 2021-11, covering 2021-11/2022-03
2 initiatives, 3 milestones
Publisher: DHCS
Key: * document release   ^ submission deadline   + program launch

Cross-Initiative Milestones [1]

## Managed Care Initiatives

Benefits Standardization
  2022-01  + MOT Carve-In goes live
  2022-01    ECM goes live in HHP Counties for:
             ○ Members enrolled in HHP [1]
  2022-Q1    Draft MCP rates for Enhanced Care Management
             ("between January and March") (done)

Footnotes
  [1] Subject to CMS approval.

Excluded (no milestones expected in the window)
  NCQA Accreditation, Full Integration Plans
"""
    )


def test_markdown_page() -> None:
    """The markdown page uses headings per category and initiative, and real footnotes."""
    assert (
        EditionMarkdown()(_worded())
        == """\
# Calendar as of November 2021

Edition `2021-11`, as of 2021-11, covering 2021-11/2022-03. Published by DHCS.

### Cross-Initiative Milestones[^1]

## Managed Care Initiatives

### Benefits Standardization

- **2022-01** MOT Carve-In goes live _(program launch)_
- **2022-01** ECM goes live in HHP Counties for:
  - Members enrolled in HHP[^1]
- **2022-Q1** Draft MCP rates for Enhanced Care Management ("between January and March") (done)

## Excluded initiatives

- NCQA Accreditation
- Full Integration Plans

[^1]: Subject to CMS approval.
"""
    )


def test_empty_categories_and_uncategorised_editions() -> None:
    """A category without initiatives gets no heading; so do initiatives without one."""
    e = edition(
        categories=(*edition().categories, Category(id="county", name="County Initiatives")),
        initiatives=edition().initiatives[1:],
        footnotes=(),
    )
    e = attrs.evolve(e, initiatives=(attrs.evolve(e.initiatives[0], milestones=(milestone(),)),))
    assert EditionMarkdown()(e).splitlines()[4:] == [
        "## Managed Care Initiatives",
        "",
        "### Benefits Standardization",
        "",
        "- **2022-01** MOT Carve-In goes live _(program launch)_",
    ]
    assert EditionText()(e).splitlines()[6:] == [
        "",
        "## Managed Care Initiatives",
        "",
        "Benefits Standardization",
        "  2022-01  + MOT Carve-In goes live",
    ]


def test_markdown_escapes_markup_characters() -> None:
    """Characters markdown would read as markup are escaped."""
    assert escape("a*b_c [d] <e> |f| #g `h` \\i") == r"a\*b\_c \[d\] \<e\> \|f\| \#g \`h\` \\i"


def test_json_rendering_is_the_canonical_document() -> None:
    """The JSON renderer writes the same document the codec does."""
    text = EditionJson()(edition())
    assert text.startswith('{\n  "id": "2021-11",\n  "title": "Calendar as of November 2021",\n')
    assert text.endswith("}\n")


def test_diff_text_and_markdown_of_every_line_kind() -> None:
    """Each kind of change reads as one line, grouped under its initiative."""
    old = _worded()
    benefits = old.initiatives[1]
    mot, hhp, _rates = benefits.milestones
    new = attrs.evolve(
        old,
        window=Period.parse("2021-12/2022-04"),
        footnotes=(
            Footnote(number=1, text="Subject to CMS approval!"),
            Footnote(number=2, text="New."),
        ),
        initiatives=(
            attrs.evolve(old.initiatives[0], footnotes=(), category="managed-care"),
            attrs.evolve(
                benefits,
                id="standard",
                name="Standard Benefits",
                aliases=("benefits",),
                milestones=(
                    attrs.evolve(
                        mot,
                        when=Period.parse("2022-03"),
                        kind=None,
                        title="MOT Carve-In now goes live",
                    ),
                    attrs.evolve(hhp, status=Status.DONE),
                ),
            ),
            Initiative(
                id="dental",
                name="Dental",
                milestones=(milestone("apl", title="Dental APL", when=Period.parse("2022-04")),),
            ),
        ),
    )
    changes = diff(old, new)
    text = DiffText(width=200, full=True)(changes)
    assert (
        text.split("\nTerms:\n")[0]
        == """\
2021-11 → 2021-11: 13 changes

In short:
  Gone while still due: 1 milestone is no longer listed though due inside this edition's window
    - Draft MCP rates for Enhanced Care Management (Standard Benefits), due 2022-Q1 "between January and March"
  Delayed: 1 milestone now due later, the biggest slip first
    - +2 months: MOT Carve-In now goes live (Standard Benefits), 2022-01 → 2022-03
  Added: 1 initiative and 1 milestone (1 entered the window)
    - Dental: new initiative, 1 milestone
  Renamed: 1 initiative renamed and 1 milestone retitled
    - "Benefits Standardization" is now "Standard Benefits"
  Window: the calendar now covers 2021-12/2022-04 (was 2021-11/2022-03)
  Changed: 3 changes of kind, initiative, category, sub-items or status
  Footnotes: 1 added
  Editorial: 2 changes of wording or of the footnotes cited only

Edition
  ~ Window: 2021-11/2022-03 → 2021-12/2022-04
  ~ Footnote 1 changed: "Subject to CMS approval." → "Subject to CMS approval!"
  + Footnote 2 added: New.

Cross-Initiative Milestones
  ~ Category: none → managed-care
  ~ Footnotes: 1 → none

Standard Benefits
  ~ Renamed: was "Benefits Standardization" (recognised by an alias in the snapshot)
  ~ Retitled: "MOT Carve-In goes live" → "MOT Carve-In now goes live" (similarity 92%)
  ~ Delayed: MOT Carve-In now goes live: 2022-01 → 2022-03 (+2 months)
  ~ Kind: MOT Carve-In now goes live: program launch → unmarked
  ~ Done: ECM goes live in HHP Counties for: Members enrolled in HHP (was planned)
  - Gone while still due: 2022-Q1 "between January and March"  Draft MCP rates for Enhanced Care Management

Dental
  + New initiative: no category
  + Added: 2022-04  Dental APL [+] (entered the window)
"""
    )
    assert text.split("\nTerms:\n")[1].splitlines()[0] == (
        "  Period: when a milestone is due: 2022-01 a month, 2022-Q1 a quarter, 2021-H2 a half"
        " year, 2022 a year, 2022-02-11/2022-02-28 a span of days; the source's own words"
        " follow in quotes."
    )
    folded = DiffText(width=200)(changes)
    assert "Footnote 2 added" not in folded
    assert "  Footnotes: 1 added; listed in full with --full" in folded
    assert DiffMarkdown(full=True)(changes).splitlines()[17:23] == [
        "## Edition",
        "",
        "- **Window:** 2021-11/2022-03 → 2021-12/2022-04",
        '- **Footnote 1 changed:** "Subject to CMS approval." → "Subject to CMS approval!"',
        "- **Footnote 2 added:** New.",
        "",
    ]


def test_diff_lines_for_moves_drops_and_sub_item_edits() -> None:
    """Moves, aged-out and beyond-window drops and sub-item details read plainly."""
    old = edition(window=Period.parse("2021-11/2022-06"))
    mot, hhp = old.initiatives[1].milestones
    late = milestone("late", title="Late item", when=Period.parse("2022-06"), kind=None)
    early = milestone(
        "early",
        title="Early item",
        when=Period.parse("2021-11"),
        kind=MilestoneKind.SUBMISSION_DEADLINE,
    )
    old = attrs.evolve(
        old,
        initiatives=(
            old.initiatives[0],
            attrs.evolve(old.initiatives[1], milestones=(mot, hhp, late, early)),
        ),
    )
    new = attrs.evolve(
        old,
        window=Period.parse("2021-12/2022-03"),
        initiatives=(
            attrs.evolve(old.initiatives[0], milestones=(mot,)),
            attrs.evolve(
                old.initiatives[1],
                milestones=(
                    attrs.evolve(
                        hhp, sub_items=(SubItem(text="Members enrolled in HHP", footnotes=()),)
                    ),
                ),
            ),
        ),
    )
    text = DiffText(width=200)(diff(old, new))
    assert text.split("\nTerms:\n")[0].splitlines()[3:] == [
        "  Aged out: 1 milestone whose period ended before this edition's window",
        "  Beyond the window: 1 milestone whose period starts after this edition's window",
        "  Window: the calendar now covers 2021-12/2022-03 (was 2021-11/2022-06)",
        "  Changed: 2 changes of kind, initiative, category, sub-items or status",
        "",
        "Edition",
        "  ~ Window: 2021-11/2022-06 → 2021-12/2022-03",
        "",
        "Cross-Initiative Milestones",
        "  ~ Moved: MOT Carve-In goes live: from initiative benefits",
        "",
        "Benefits Standardization",
        "  ~ Edited: ECM goes live in HHP Counties for: Members enrolled in HHP: sub_items (sub_items[0].footnotes removed)",
        "  - Dropped: 2022-06  Late item (beyond the window)",
        "  - Dropped: 2021-11  Early item [^] (aged out)",
    ]


def test_the_digest_counts_advances_and_empty_new_initiatives() -> None:
    """An advance is counted; a new initiative with no milestones yet is named."""
    old = edition()
    mot, hhp = old.initiatives[1].milestones
    new = with_benefits(
        old,
        attrs.evolve(mot, when=Period.parse("2021-12")),
        hhp,
        more=(Initiative(id="dental", name="Dental"),),
    )
    assert DiffText(width=200)(diff(old, new)).split("\n\n")[1].splitlines() == [
        "In short:",
        "  Added: 1 initiative",
        "    - Dental: new initiative, 0 milestones",
        "  Advanced: 1 milestone now due earlier",
    ]
    assert ChangelogMarkdown()([diff(old, old)]).split("\n\n")[2:4] == [
        "## [2021-11] as of 2021-11 (since 2021-11)",
        "No changes.",
    ]


def test_a_milestone_is_named_with_its_sub_items() -> None:
    """Sub-items follow a title ending in a colon, or go in parentheses after any other."""
    hhp = milestone(title="ECM goes live", sub_items=(SubItem(text="HHP members"),))
    assert named(hhp) == "ECM goes live (HHP members)"
    assert named(attrs.evolve(hhp, title="ECM goes live for:")) == "ECM goes live for: HHP members"


def test_a_status_change_reads_as_done_or_not_done() -> None:
    """LIVE! in a new edition reads "Done"; the other way, "Not done"."""
    old = edition()
    mot, hhp = old.initiatives[1].milestones
    new = with_benefits(old, mot, attrs.evolve(hhp, status=Status.DONE))
    forward = [line for line in DiffText(width=200)(diff(old, new)).splitlines() if "~ " in line]
    backward = [line for line in DiffText(width=200)(diff(new, old)).splitlines() if "~ " in line]
    assert forward == [
        "  ~ Done: ECM goes live in HHP Counties for: Members enrolled in HHP (was planned)"
    ]
    assert backward == [
        "  ~ Not done: ECM goes live in HHP Counties for: Members enrolled in HHP (was done)"
    ]
