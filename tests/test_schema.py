"""The committed JSON Schema is generated from the models and works for editors and validators."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.schema import SCHEMA_FILENAME, json_schema, schema_text
from tests.conftest import EXAMPLES, ROOT

COMMITTED = ROOT / "spec" / SCHEMA_FILENAME


def test_committed_schema_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "spec/intervention.schema.json is stale: run `codify schema > spec/intervention.schema.json`"
    )


def test_codify_schema_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.output == COMMITTED.read_text(encoding="utf-8")


def test_schema_is_draft_2020_12_with_an_id() -> None:
    from jsonschema import Draft202012Validator

    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://")
    Draft202012Validator.check_schema(schema)


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    yield from (("(root)", k, v) for k, v in schema["properties"].items())
    for name, definition in schema["$defs"].items():
        for key, prop in definition.get("properties", {}).items():
            yield name, key, prop


def test_every_field_has_a_title_and_description() -> None:
    missing = [
        f"{owner}.{key}"
        for owner, key, prop in _properties(json_schema())
        if not prop.get("title") or not prop.get("description")
    ]
    assert missing == []


def test_unknown_keys_are_rejected_everywhere() -> None:
    schema = json_schema()
    objects = [schema, *(d for d in schema["$defs"].values() if d.get("type") == "object")]
    assert all(o.get("additionalProperties") is False for o in objects)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_examples_use_the_editor_modeline_and_validate_with_plain_jsonschema(example: Path) -> None:
    from jsonschema import Draft202012Validator
    from ruamel.yaml import YAML

    first = example.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../spec/intervention.schema.json"
    data = YAML(typ="safe").load(example)
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    # A generic validator (as an editor uses) accepts the example; dates are written as text.
    errors = list(
        Draft202012Validator(schema).iter_errors(json.loads(json.dumps(data, default=str)))
    )
    assert errors == []
