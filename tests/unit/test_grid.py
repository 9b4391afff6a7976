from __future__ import annotations

from typing import Any

import attrs
import pytest

from calaim_timeline import Archive, Period, Status
from calaim_timeline.importers import import_table
from calaim_timeline.render.grid import GridError, GridMarkdown
from tests.builders import edition, milestone


def test_a_small_grid_is_exactly_the_published_layout() -> None:
    """Heading, key, header rows, a row per initiative, category rows, footnotes."""
    e = edition(window=Period.parse("2021-12/2022-01"), title="Calendar as of December 2021")
    assert (
        GridMarkdown()(e)
        == """\
## Calendar as of December 2021

**KEY: \\* Document Release; ^ Submission Deadline; + Program Launch**

| Initiatives | CalAIM Major Milestones |  |
| --- | --- | --- |
|  | Q4 2021 | Q1 2022 |
|  | December | January |
| <b>Cross-Initiative Milestones</b><sup>1</sup> | -- | -- |
| <b>Managed Care Initiatives</b> |  |  |
| <b>Benefits Standardization</b> | -- | <ul style="list-style-type: none"> <li>• MOT Carve-In goes live<sup>+</sup></li> <li>• ECM goes live in HHP Counties for: <ul style="list-style-type: none"> <li>○ Members enrolled in HHP<sup>1</sup></li> </ul> </li> </ul> |

<sup>1</sup> Subject to CMS approval.
"""
    )


def test_special_characters_survive_the_round_trip() -> None:
    """Marks, bullets, pipes, markup and links in text are written as entities."""
    tricky = "Plan+ | <b>x</b> & [link](#) • ○ \\\\ *"
    e = edition(window=Period.parse("2021-12/2022-01"), title="Calendar as of December 2021")
    benefits = attrs.evolve(e.initiatives[1], milestones=(milestone(title=tricky),))
    e = attrs.evolve(e, initiatives=(e.initiatives[0], benefits))
    back = import_table(GridMarkdown()(e), edition_id=e.id, source="c.md", previous=e)
    assert back.initiatives[1].milestones[0].title == tricky


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"when": Period.parse("2022-Q1")}, "benefits/mot-live: 2022-Q1 is not a month of the window, so it has no column"),
        ({"when": Period.month(2022, 1, text="January")}, "benefits/mot-live: a grid cannot show the wording 'January' of its period"),
        ({"status": Status.DONE}, "benefits/mot-live: a grid cannot show that a milestone is done"),
    ],
)  # fmt: skip
def test_what_a_grid_cannot_show_is_refused(change: dict[str, Any], message: str) -> None:
    """Quarters, wording and done milestones have no place in a month grid."""
    e = edition()
    benefits = attrs.evolve(e.initiatives[1], milestones=(milestone(**change),))
    with pytest.raises(GridError) as raised:
        GridMarkdown()(attrs.evolve(e, initiatives=(e.initiatives[0], benefits)))
    assert str(raised.value) == message


def test_initiatives_out_of_category_order_are_refused() -> None:
    """An uncategorised initiative after a categorised one cannot keep its place."""
    e = edition()
    with pytest.raises(GridError, match="not grouped by category in category order"):
        GridMarkdown()(attrs.evolve(e, initiatives=e.initiatives[::-1]))


def test_the_bundled_calendar_paginated_with_cut_rows() -> None:
    """Every paginated, row-cutting rendering of 2021-11 imports back to it."""
    november = Archive.bundled()["2021-11"]
    for rows in (1, 2, 3, 4, 6, 9):
        text = GridMarkdown(rows_per_page=rows, split=True)(november)
        assert text.count("## ") > 1
        again = import_table(
            text, edition_id="2021-11", source=november.source.document, previous=november
        )
        assert again == november
