"""The TypedDicts of the JSON documents: held to the published schemas and to real output."""

from __future__ import annotations

import json
from typing import Any

import pytest

from calaim_timeline import Archive, DiffDocument, codec, diff
from calaim_timeline import changes as records
from calaim_timeline.changes import CHANGE_TYPES, ChangeRecord, to_json
from tests.conftest import DOCS
from tests.unit.test_record_docs import SAMPLES

SNAPSHOT = json.loads((DOCS / "snapshot.schema.json").read_text(encoding="utf-8"))
DIFF = json.loads((DOCS / "diff.schema.json").read_text(encoding="utf-8"))


def _keys(shape: Any) -> tuple[list[str], list[str]]:  # noqa: ANN401 - any TypedDict
    """A TypedDict's keys: every one, and the required ones."""
    return sorted(shape.__required_keys__ | shape.__optional_keys__), sorted(
        shape.__required_keys__
    )


def _schema_keys(part: dict[str, Any]) -> tuple[list[str], list[str]]:
    return sorted(part["properties"]), sorted(part.get("required", []))


SNAPSHOT_SHAPES = {
    "EditionDocument": SNAPSHOT,
    "SourceDocument": SNAPSHOT["properties"]["source"],
    "SeriesDocument": SNAPSHOT["properties"]["series"],
    "CategoryDocument": SNAPSHOT["properties"]["categories"]["items"],
    "FootnoteDocument": SNAPSHOT["properties"]["footnotes"]["items"],
    "SubItemDocument": SNAPSHOT["$defs"]["sub_item"],
    "MilestoneDocument": SNAPSHOT["$defs"]["milestone"],
    "InitiativeDocument": SNAPSHOT["$defs"]["initiative"],
}


@pytest.mark.parametrize("name", SNAPSHOT_SHAPES)
def test_each_snapshot_shape_has_the_schemas_keys(name: str) -> None:
    """Keys and required keys, as docs/snapshot.schema.json gives them."""
    assert _keys(getattr(codec, name)) == _schema_keys(SNAPSHOT_SHAPES[name])


def test_the_diff_document_has_the_schemas_keys() -> None:
    """The diff document's four keys, all required."""
    assert _keys(DiffDocument) == _schema_keys(DIFF)


def _schema_change(name: str) -> tuple[list[str], list[str]]:
    """What docs/diff.schema.json says a change of this name holds: common keys, then its own."""
    common = DIFF["$defs"]["change"]
    every, required = set(common["properties"]) - {"kind"}, set(common["required"])
    for case in common["allOf"]:
        names = case["if"]["properties"]["change"]
        if name in names.get("enum", [names.get("const")]):
            own = case["then"]
            every |= set(own.get("properties", {})) | set(own["required"])
            required |= set(own["required"])
    return sorted(every), sorted(required)


@pytest.mark.parametrize("kind", CHANGE_TYPES, ids=lambda kind: kind.__name__)
def test_each_change_shape_is_the_schemas_and_what_to_json_writes(
    kind: type[ChangeRecord],
) -> None:
    """The record's TypedDict: the schema's keys; to_json's keys lie inside it."""
    shape = getattr(records, f"{kind.__name__}Document")
    written = set(to_json(SAMPLES[kind], review=True))
    every, required = _keys(shape)
    assert ((every, required), sorted(written - set(every)), sorted(set(required) - written)) == (
        _schema_change(kind.change),
        [],
        [],
    )


def test_a_document_of_the_bundled_editions_fits_its_shapes() -> None:
    """Every key of every change of the bundled diff is one its shape names."""
    archive = Archive.bundled()
    document = diff(archive["2021-01"], archive["2021-11"]).to_json()
    shapes = {kind.change: getattr(records, f"{kind.__name__}Document") for kind in CHANGE_TYPES}
    stray = [
        (change["change"], key)
        for change in document["changes"]
        for key in change
        if key not in _keys(shapes[change["change"]])[0]
    ]
    assert (stray, len(document["changes"])) == ([], 108)
