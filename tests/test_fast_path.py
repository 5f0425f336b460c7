"""The checker's fast path (pydantic, strict) never accepts a spec the JSON Schema rejects."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from codify.checker import _fast_model
from codify.loader import load_text
from codify.structure import check_structure

REPLACEMENTS: list[Any] = [
    "text",
    "",
    "Not An Id",
    "2020-13",
    7,
    -1,
    0,
    2.5,
    1.0,
    True,
    False,
    [],
    ["a"],
    [1, 2],
    {},
    {"unknown": 1},
    {"id": "x"},
    "draft",
    "yes_no",
]


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path] if path else []
    if isinstance(data, dict):
        for k, v in data.items():
            out += _leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _leaves(v, (*path, i))
    return out


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_with_the_schema(base_spec: str, seed: int) -> None:
    rng = random.Random(seed)
    doc = load_text(base_spec)
    paths = _leaves(doc.data)
    accepted_by_both = 0
    for _ in range(150):
        mutated = load_text(base_spec)
        data = copy.deepcopy(doc.data)
        for path in rng.sample(paths, rng.choice([1, 1, 2])):
            try:
                _set(data, path, copy.deepcopy(rng.choice(REPLACEMENTS)))
            except (KeyError, IndexError, TypeError):
                continue
        mutated.data = data
        if _fast_model(mutated) is not None:
            assert check_structure(mutated) == [], (
                f"fast path accepted a schema-invalid spec: {data}"
            )
            accepted_by_both += 1
    # Mutations that keep the spec valid (e.g. one text for another) do take the fast path.
    assert accepted_by_both > 0


def test_nulls_take_the_schema_path(base_spec: str) -> None:
    doc = load_text(base_spec.replace("status: draft", "status: draft\nshort_name:"))
    assert doc.has_null and _fast_model(doc) is None
    assert any(d.code == "CS003" for d in check_structure(doc))
