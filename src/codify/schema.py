"""Generate the JSON Schema (draft 2020-12) of the format from the pydantic models."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from codify.model import Intervention

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILENAME = "intervention.schema.json"


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, adjusted so the schema reads as the format, not as Python.

    Optional fields are written as their type alone: in a spec you leave a key out rather than
    writing `null`, and a bare type gives editors and error messages a clearer shape than
    `anyOf: [X, null]`.
    """

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        inner = self.generate_inner(schema["schema"])
        default = schema.get("default")
        if default is None or callable(schema.get("default_factory")):
            return inner
        return {**inner, "default": self.encode_default(default)}

    def generate(self, schema: core_schema.CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode=mode)
        _label_properties(result)
        head = {"$schema": DIALECT, "$id": result.pop("$id")}
        head.update({k: result.pop(k) for k in ("title", "description") if k in result})
        return {**head, **result}


def _label_properties(schema: dict[str, Any]) -> None:
    """Give every property a title and description, as editors show them on hover.

    Pydantic leaves both off a property that only points at a definition ($ref); the
    definition's own description is the right text for it.
    """
    defs = schema.get("$defs", {})
    for owner in (schema, *defs.values()):
        for key, prop in owner.get("properties", {}).items():
            target = defs.get(prop.get("$ref", "").rpartition("/")[2], {})
            prop.setdefault("title", key.replace("_", " ").capitalize())
            if "description" not in prop and "description" in target:
                prop["description"] = target["description"]


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of a spec, generated from the models."""
    return Intervention.model_json_schema(schema_generator=_Generator)


def schema_text() -> str:
    """The schema as committed in spec/: stable key order, two-space indent, final newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
