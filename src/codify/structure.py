"""Structural validation: the JSON Schema, with every error in plain words at its YAML position."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any

from codify.diagnostics import Diagnostic
from codify.loader import Document, JsonPath, kind_of

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}

# Codes for structural problems. They are always errors: a spec that is not well-formed
# cannot be turned into a model, so these cannot be switched off.
UNKNOWN_KEY = "CS001"
MISSING_KEY = "CS002"
WRONG_TYPE = "CS003"
INVALID_VALUE = "CS004"
EMPTY_VALUE = "CS005"


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    from codify.schema import json_schema

    return Draft202012Validator(json_schema())


def format_path(path: JsonPath) -> str:
    """`core_elements[2].fidelity` style, as a reader of the YAML would name the node."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def check_structure(doc: Document) -> list[Diagnostic]:
    """Every schema violation in the document, sorted by position."""
    found: list[Diagnostic] = []
    for error in _validator().iter_errors(doc.data):
        found.extend(_translate(doc, error))
    return sorted(set(found))


def _leaves(error: Any) -> Iterator[Any]:
    """For anyOf/oneOf, the sub-errors worth showing; otherwise the error itself."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        best = min(error.context, key=lambda e: (len(e.relative_path) * -1, e.validator == "type"))
        yield from _leaves(best)
    else:
        yield error


def _translate(doc: Document, error: Any) -> Iterator[Diagnostic]:
    for err in _leaves(error):
        path: JsonPath = tuple(err.absolute_path)
        where = format_path(path)
        v = err.validator
        value = err.instance
        if v == "additionalProperties":
            allowed = sorted(err.schema.get("properties", {}))
            for key in sorted(set(value) - set(allowed), key=str):
                line, col = doc.position((*path, key), key=True)
                hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                yield Diagnostic(
                    doc.path,
                    line,
                    col,
                    UNKNOWN_KEY,
                    f"{format_path((*path, key))}: unknown key '{key}'{suggestion}",
                    help="Allowed keys here: " + ", ".join(allowed),
                )
            continue
        line, col = doc.position(path)
        if v == "required":
            missing = err.validator_value
            for key in missing:
                if key not in value:
                    yield Diagnostic(
                        doc.path, line, col, MISSING_KEY, f"{where}: missing required key '{key}'"
                    )
            continue
        if v == "type":
            expected = err.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            want = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
            msg = f"{where}: expected {want}, got {kind_of(value)}"
        elif v == "enum":
            options = [str(o) for o in err.validator_value]
            hint = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
            msg = f"{where}: '{value}' is not one of: {', '.join(options)}{suggestion}"
        elif v == "pattern":
            msg = f"{where}: '{value}' is not valid: " + _pattern_words(
                err.schema, err.validator_value
            )
        elif v == "minItems":
            n = err.validator_value
            msg = f"{where}: must have at least {n} item{'s' if n != 1 else ''}, got {len(value)}"
            yield Diagnostic(doc.path, line, col, EMPTY_VALUE, msg)
            continue
        elif v == "minLength":
            yield Diagnostic(doc.path, line, col, EMPTY_VALUE, f"{where}: must not be empty")
            continue
        elif v in ("minimum", "exclusiveMinimum"):
            msg = f"{where}: {value} is too small (minimum {err.validator_value})"
        elif v in ("maximum", "exclusiveMaximum"):
            msg = f"{where}: {value} is too large (maximum {err.validator_value})"
        else:
            msg = f"{where}: {err.message}"
        yield Diagnostic(doc.path, line, col, WRONG_TYPE if v == "type" else INVALID_VALUE, msg)


def _pattern_words(schema: dict[str, Any], pattern: str) -> str:
    desc = schema.get("description")
    if isinstance(desc, str) and desc:
        return desc[0].lower() + desc[1:].rstrip(".")
    return f"it must match the pattern {pattern}"
