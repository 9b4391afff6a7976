"""Small, readable editions for tests that need exact expected values."""

from __future__ import annotations

from typing import Any

import attrs

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


def with_benefits(
    base: Edition, *milestones: Milestone, more: tuple[Initiative, ...] = ()
) -> Edition:
    """An :func:`edition` with these milestones in its second initiative, then ``more``."""
    cross, benefits = base.initiatives
    return attrs.evolve(
        base, initiatives=(cross, attrs.evolve(benefits, milestones=milestones), *more)
    )


def february_2022() -> Edition:
    """A later edition derived from the bundled 2021-11 one, with known changes.

    MOT Carve-In slips from 2022-01 to 2022-03; the PHM roadmap narrows to nothing new
    (stays 2022-03); "MCPs send ECM New Benefit Notice" is reworded under a new id; the
    regional rate certification (2021-12) ages out; a dental item is added.
    """
    import attrs  # noqa: PLC0415 - only this builder needs it

    from calaim_timeline import Archive  # noqa: PLC0415

    november = Archive.bundled()["2021-11"]
    window = Period.parse("2022-02/2022-06")
    initiatives = []
    for initiative in november.initiatives:
        kept = []
        for m in initiative.milestones:
            if m.id == "mot-carve-in-live":
                m = attrs.evolve(m, when=Period.month(2022, 3))  # noqa: PLW2901
            elif m.id == "ecm-new-benefit-notice":
                m = attrs.evolve(  # noqa: PLW2901
                    m,
                    id="ecm-benefit-notice",
                    lineage="ecm-benefit-notice",
                    title="MCPs send the ECM New Benefit Notice",
                    when=Period.month(2022, 2),
                )
            elif isinstance(m.when, Period) and not m.when.overlaps(window):
                continue
            kept.append(m)
        if initiative.id == "dental":
            kept.append(
                Milestone(
                    id="dental-apl-update",
                    title="Updated Dental All-Plan Letter",
                    kind=MilestoneKind.DOCUMENT_RELEASE,
                    when=Period.month(2022, 4),
                )
            )
        initiatives.append(attrs.evolve(initiative, milestones=tuple(kept)))
    return attrs.evolve(
        november,
        id="2022-02",
        title="CalAIM Milestones Calendar as of February 2022 (derived for tests)",
        as_of=Period.month(2022, 2),
        window=window,
        initiatives=tuple(initiatives),
    )
