from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

from calaim_timeline import Edition, dumps, from_dict, loads, to_dict, validate
from calaim_timeline.strategies import editions
from tests.conftest import COSTLY, DOCS

pytestmark = pytest.mark.usefixtures("load_path")

SCHEMA = json.loads((DOCS / "snapshot.schema.json").read_text(encoding="utf-8"))


@given(editions())
def test_validate_accepts_every_generated_edition(edition: Edition) -> None:
    """The strategies produce only sound editions."""
    assert validate(edition) == ()


@given(editions())
def test_toml_round_trip(edition: Edition) -> None:
    """load(dump(e)) == e for TOML, and the dump is a fixed point."""
    text = dumps(edition)
    assert loads(text) == edition
    assert dumps(loads(text)) == text


@given(editions())
def test_json_round_trip(edition: Edition) -> None:
    """load(dump(e)) == e for JSON, and the dump is a fixed point."""
    text = dumps(edition, format="json")
    assert loads(text, format="json") == edition
    assert dumps(loads(text, format="json"), format="json") == text


@COSTLY
@given(editions())
def test_dict_round_trip_and_schema(edition: Edition) -> None:
    """The document form round-trips and always satisfies the published JSON Schema."""
    document = to_dict(edition)
    assert from_dict(document) == edition
    jsonschema.validate(document, SCHEMA)


def test_schema_file_is_a_valid_schema() -> None:
    """docs/snapshot.schema.json is itself a valid draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert Path(DOCS / "snapshot.schema.json").is_file()
