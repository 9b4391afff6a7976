"""Small, readable editions for tests that need exact expected values."""

from __future__ import annotations

from typing import Any

from calaim_timeline import (
    Category,
    Edition,
    Footnote,
    Initiative,
    Milestone,
    MilestoneKind,
    Period,
    Source,
    SubItem,
)


def milestone(id: str = "mot-live", **fields: Any) -> Milestone:  # noqa: A002, ANN401
    """A milestone in January 2022 unless told otherwise."""
    values: dict[str, Any] = {
        "title": "MOT Carve-In goes live",
        "kind": MilestoneKind.PROGRAM_LAUNCH,
        "when": Period.month(2022, 1),
    }
    values.update(fields)
    return Milestone(id=id, **values)


def edition(**fields: Any) -> Edition:  # noqa: ANN401
    """A two-initiative edition covering 2021-11 to 2022-03, with one footnote."""
    values: dict[str, Any] = {
        "id": "2021-11",
        "title": "Calendar as of November 2021",
        "as_of": Period.month(2021, 11),
        "window": Period.parse("2021-11/2022-03"),
        "publisher": "DHCS",
        "source": Source(document="sources/calendar.md"),
        "categories": (Category(id="managed-care", name="Managed Care Initiatives"),),
        "initiatives": (
            Initiative(id="cross", name="Cross-Initiative Milestones", footnotes=(1,)),
            Initiative(
                id="benefits",
                name="Benefits Standardization",
                category="managed-care",
                milestones=(
                    milestone(),
                    milestone(
                        "ecm-hhp",
                        title="ECM goes live in HHP Counties for:",
                        kind=None,
                        sub_items=(SubItem(text="Members enrolled in HHP", footnotes=(1,)),),
                    ),
                ),
            ),
        ),
        "footnotes": (Footnote(number=1, text="Subject to CMS approval."),),
    }
    values.update(fields)
    return Edition(**values)
