"""The bundled diff, 2021-01 to 2021-11, pinned change by change."""

from __future__ import annotations

import json

import jsonschema

from calaim_timeline import Archive
from calaim_timeline.diffing import Change, DiffOptions, EditionDiff, InitiativeRenamed, apply, diff
from tests.conftest import DOCS


def _bundled() -> EditionDiff:
    archive = Archive.bundled()
    return diff(archive["2021-01"], archive["2021-11"])


def _row(change: Change) -> tuple[str, str | None, str | None, str | int | None]:
    reason = getattr(change, "reason", None)
    note = getattr(change, "footnote", None)
    extra = reason.value if reason else (note.number if note else None)
    return (change.change, change.initiative_id, change.milestone_id, extra)


EXPECTED = [
    ("window-changed", None, None, None),
    ("footnote-added", None, None, 1),
    ("footnote-added", None, None, 2),
    ("footnote-added", None, None, 3),
    ("footnote-added", None, None, 4),
    ("footnote-added", None, None, 5),
    ("footnote-added", None, None, 6),
    ("footnote-added", None, None, 7),
    ("footnote-added", None, None, 8),
    ("footnote-added", None, None, 9),
    ("footnote-added", None, None, 10),
    ("footnote-added", None, None, 11),
    ("footnote-added", None, None, 12),
    ("footnote-added", None, None, 13),
    ("footnote-added", None, None, 14),
    ("footnote-added", None, None, 15),
    ("initiative-edited", "cross-initiative-milestones", None, None),
    ("milestone-added", "cross-initiative-milestones", "waiver-cms-approval", "new"),
    ("milestone-added", "cross-initiative-milestones", "waiver-effective-date", "entered-window"),
    ("milestone-added", "cross-initiative-milestones", "mcp-rfp-final", "entered-window"),
    (
        "milestone-dropped",
        "cross-initiative-milestones",
        "waiver-renewal-public-comment",
        "aged-out",
    ),
    ("initiative-added", "population-health-management", None, None),
    ("milestone-added", "population-health-management", "phm-service-vendor-rfp", "entered-window"),
    ("milestone-added", "population-health-management", "phm-strategy-roadmap", "entered-window"),
    ("initiative-renamed", "ecm-community-supports", None, None),
    ("initiative-edited", "ecm-community-supports", None, None),
    ("milestone-added", "ecm-community-supports", "ecm-cs-data-sharing-guidance", "new"),
    ("milestone-added", "ecm-community-supports", "ecm-new-benefit-notice", "new"),
    ("milestone-added", "ecm-community-supports", "eoc-update-to-members", "new"),
    (
        "milestone-added",
        "ecm-community-supports",
        "community-supports-statewide-launch",
        "entered-window",
    ),
    ("milestone-added", "ecm-community-supports", "ecm-live-wpc-counties", "entered-window"),
    ("milestone-added", "ecm-community-supports", "ecm-live-hhp-counties", "entered-window"),
    ("milestone-dropped", "ecm-ilos", "ecm-ilos-model-of-care-draft", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ecm-ilos-transition-plans-draft", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ecm-ilos-contract-language-draft", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ecm-ilos-technical-assistance", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ecm-ilos-final-drafts", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ecm-mcp-rates-draft", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ilos-pricing-guidance", "aged-out"),
    ("milestone-dropped", "ecm-ilos", "ecm-ilos-readiness-documents", "unlisted"),
    ("initiative-added", "incentive-payments", None, None),
    ("milestone-added", "incentive-payments", "ipp-gap-assessment-submissions", "new"),
    ("milestone-added", "incentive-payments", "ipp-program-year-1-live", "entered-window"),
    ("milestone-added", "incentive-payments", "ipp-first-payments", "entered-window"),
    ("initiative-added", "benefits-standardization", None, None),
    ("milestone-added", "benefits-standardization", "mot-mssp-readiness-approval", "new"),
    ("milestone-added", "benefits-standardization", "mot-mssp-contract-amendment-review", "new"),
    ("milestone-added", "benefits-standardization", "mssp-beneficiary-notices", "new"),
    ("milestone-added", "benefits-standardization", "mot-rates-to-cms", "new"),
    ("milestone-added", "benefits-standardization", "mot-carve-in-live", "entered-window"),
    ("milestone-added", "benefits-standardization", "mssp-carve-out-live", "entered-window"),
    ("initiative-added", "mandatory-managed-care-enrollment", None, None),
    (
        "milestone-added",
        "mandatory-managed-care-enrollment",
        "mmce-second-beneficiary-notice",
        "new",
    ),
    ("milestone-added", "mandatory-managed-care-enrollment", "mmce-choice-packets", "new"),
    (
        "milestone-added",
        "mandatory-managed-care-enrollment",
        "mmce-contract-amendment-review",
        "new",
    ),
    ("milestone-added", "mandatory-managed-care-enrollment", "mmce-deliverables-approval", "new"),
    ("milestone-added", "mandatory-managed-care-enrollment", "mmce-phase-1-live", "entered-window"),
    (
        "milestone-added",
        "mandatory-managed-care-enrollment",
        "ffs-enrollment-live",
        "entered-window",
    ),
    ("initiative-added", "regional-capitation-rates", None, None),
    ("milestone-added", "regional-capitation-rates", "regional-rate-certification", "new"),
    ("milestone-added", "regional-capitation-rates", "regional-rates-live", "entered-window"),
    ("initiative-added", "bh-payment-reform", None, None),
    ("milestone-added", "bh-payment-reform", "bh-billing-manual-notice", "new"),
    ("initiative-added", "smhs-criteria", None, None),
    ("milestone-added", "smhs-criteria", "smhs-criteria-notice", "new"),
    ("milestone-added", "smhs-criteria", "psych-inpatient-criteria-notice", "new"),
    ("milestone-added", "smhs-criteria", "smhs-authorization-notice-update", "new"),
    ("milestone-added", "smhs-criteria", "smhs-criteria-live", "entered-window"),
    ("initiative-added", "bh-no-wrong-door", None, None),
    ("milestone-added", "bh-no-wrong-door", "no-wrong-door-notice", "entered-window"),
    ("initiative-added", "bh-documentation-redesign", None, None),
    (
        "milestone-added",
        "bh-documentation-redesign",
        "documentation-requirements-notice",
        "entered-window",
    ),
    ("milestone-added", "bh-documentation-redesign", "recoupment-reasons-update", "entered-window"),
    ("initiative-added", "dmc-ods-renewal", None, None),
    ("milestone-added", "dmc-ods-renewal", "dmc-ods-information-notice", "entered-window"),
    ("milestone-added", "dmc-ods-renewal", "dmc-ods-renewal-live", "entered-window"),
    ("milestone-added", "dmc-ods-renewal", "asam-guidance", "entered-window"),
    ("initiative-added", "statewide-ltss-dsnp-transition", None, None),
    ("milestone-added", "statewide-ltss-dsnp-transition", "ltss-network-guidance", "new"),
    ("milestone-added", "statewide-ltss-dsnp-transition", "ltss-care-coordination-guidance", "new"),
    ("milestone-added", "statewide-ltss-dsnp-transition", "smac-draft", "entered-window"),
    ("initiative-added", "county-ccs-oversight", None, None),
    ("milestone-added", "county-ccs-oversight", "ccs-submissions-portal", "new"),
    ("milestone-added", "county-ccs-oversight", "ccs-mou-workgroup", "entered-window"),
    ("initiative-added", "dental", None, None),
    ("milestone-added", "dental", "dental-apl", "new"),
    ("milestone-added", "dental", "dental-provider-bulletins", "new"),
    ("milestone-added", "dental", "dental-rates-to-cms", "new"),
    ("milestone-added", "dental", "dental-policy-live", "entered-window"),
    ("initiative-added", "foster-care-model-of-care", None, None),
    ("milestone-added", "foster-care-model-of-care", "foster-care-proposal", "entered-window"),
    ("initiative-added", "justice-involved-package", None, None),
    ("milestone-added", "justice-involved-package", "ji-stakeholder-advisory-group", "new"),
    ("milestone-added", "justice-involved-package", "ji-pre-release-policy-design", "new"),
    ("milestone-added", "justice-involved-package", "ji-data-exchange-guidance", "entered-window"),
    (
        "milestone-added",
        "justice-involved-package",
        "ji-data-exchange-funding-guidance",
        "entered-window",
    ),
    ("initiative-added", "path-funds", None, None),
    ("milestone-added", "path-funds", "path-final-requirements", "entered-window"),
    ("milestone-added", "path-funds", "path-wpc-applications", "entered-window"),
    ("milestone-added", "path-funds", "path-first-payments", "entered-window"),
    ("initiative-dropped", "mltss-duals-integration", None, None),
    (
        "milestone-dropped",
        "mltss-duals-integration",
        "mltss-duals-workgroup-first-meeting",
        "aged-out",
    ),
    ("initiative-dropped", "county-oversight-monitoring", None, None),
    ("milestone-dropped", "county-oversight-monitoring", "county-oversight-workgroups", "aged-out"),
    ("milestone-dropped", "county-oversight-monitoring", "ccs-chdp-auditing-tools", "aged-out"),
    (
        "milestone-dropped",
        "county-oversight-monitoring",
        "county-performance-standards-process",
        "unlisted",
    ),
    ("initiative-dropped", "county-inmate-pre-release", None, None),
    (
        "milestone-dropped",
        "county-inmate-pre-release",
        "pre-release-stakeholder-process",
        "unlisted",
    ),
]


def test_the_bundled_diff_is_exactly_the_expected_change_list() -> None:
    """2021-01 to 2021-11: every change, its initiative, milestone, and reason, in order."""
    assert [_row(c) for c in _bundled()] == EXPECTED


def test_ilos_to_community_supports_is_one_rename() -> None:
    """The ECM/ILOS initiative is renamed once, found by the acronyms its names share."""
    renames = [c for c in _bundled() if isinstance(c, InitiativeRenamed)]
    assert [(r.old.id, r.new.id, r.stage.value) for r in renames] == [
        ("ecm-ilos", "ecm-community-supports", "acronyms")
    ]
    assert renames[0].old.name == "Enhanced Care Management (ECM) and In Lieu of Services (ILOS)"


def test_the_bundled_drop_reasons() -> None:
    """Early-2021 items aged out; the three of the last half of 2021 are unlisted."""
    unlisted = [r[2] for r in EXPECTED if r[0] == "milestone-dropped" and r[3] == "unlisted"]
    assert unlisted == [
        "ecm-ilos-readiness-documents",
        "county-performance-standards-process",
        "pre-release-stakeholder-process",
    ]
    assert sum(1 for r in EXPECTED if r[3] == "aged-out") == 11
    # Added: the 26 milestones of November and December 2021 fall in the old window
    # (2021-01/2021-12); the 30 of 2022 entered the window.
    assert sum(1 for r in EXPECTED if r[3] == "new") == 26
    assert sum(1 for r in EXPECTED if r[3] == "entered-window") == 30


def test_the_bundled_diff_applies_and_inverts() -> None:
    """Applying the diff rebuilds 2021-11 from 2021-01; its inverse is the reverse diff."""
    archive = Archive.bundled()
    changes = _bundled()
    assert apply(archive["2021-01"], changes) == archive["2021-11"]
    assert changes.inverse() == diff(archive["2021-11"], archive["2021-01"])


def test_a_lower_threshold_finds_no_false_pairs_in_the_bundled_editions() -> None:
    """Even at 60% similarity no 2021-01 milestone is taken for a 2021-11 one."""
    archive = Archive.bundled()
    loose = diff(archive["2021-01"], archive["2021-11"], options=DiffOptions(threshold=60))
    assert loose.milestone_links == ()


def test_the_diff_json_matches_its_schema() -> None:
    """The JSON of the bundled diff is valid under docs/diff.schema.json."""
    schema = json.loads((DOCS / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = _bundled().to_json()
    jsonschema.validate(document, schema)
    assert (document["old"], document["new"], sum(document["summary"].values())) == (
        "2021-01",
        "2021-11",
        108,
    )
