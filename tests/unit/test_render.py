from __future__ import annotations

import attrs

from calaim_timeline import Category, Edition, Period, Status
from calaim_timeline.render import EditionJson, EditionMarkdown, EditionText
from calaim_timeline.render.markdown import escape
from tests.builders import edition, milestone


def _worded() -> Edition:
    e = edition(excluded_initiatives=("NCQA Accreditation", "Full Integration Plans"))
    benefits = attrs.evolve(
        e.initiatives[1],
        milestones=(
            *e.initiatives[1].milestones,
            milestone(
                "draft-rates",
                title="Draft MCP rates for Enhanced Care Management",
                kind=None,
                when=Period.parse("2022-Q1", text="between January and March"),
                status=Status.DONE,
            ),
        ),
    )
    return attrs.evolve(e, initiatives=(e.initiatives[0], benefits))


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
