"""The checker's fast path accepts exactly what the JSON Schema accepts, and builds exactly the
model pydantic would: the compiled schema (codify._fastschema), regenerated from the models,
against jsonschema on the committed schema; the constructed model, and the records the check's
rules read (codify.records), against pydantic's."""

from __future__ import annotations

import copy
import random
from functools import cache
from typing import Any

import pytest

from codify import fastpath, records
from codify.checker import _records
from codify.loader import load_file, load_text
from codify.model import Intervention, Spec
from codify.structure import check_structure
from tests.conftest import EXAMPLES, ROOT

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
    None,
    3.0,
    float("nan"),
    float("inf"),
    "retired",
    "not_recommended",
    "a\n",
    "2020-01-01",
    [{"family": "Doe", "given": "J."}],
    [{"name": "NHS England"}],
    {"min": 1, "max": 2, "unit": "people"},
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


def _mutate(data: Any, rng: random.Random) -> Any:
    """A copy of `data` with one or two nodes replaced, removed, or given an unknown key."""
    data = copy.deepcopy(data)
    paths = _leaves(data)
    for path in rng.sample(paths, rng.choice([1, 1, 2])):
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = rng.random()
            if action < 0.7:
                parent[path[-1]] = copy.deepcopy(rng.choice(REPLACEMENTS))
            elif action < 0.85:
                del parent[path[-1]]
            elif isinstance(parent[path[-1]], dict):
                parent[path[-1]]["extra_key"] = "x"
        except (KeyError, IndexError, TypeError):
            continue
    return data


def _same(fast: Any, slow: Any, where: str = "spec") -> None:
    """The two models are the same tree: types, values, field order and fields set."""
    assert type(fast) is type(slow), f"{where}: {type(fast).__name__} vs {type(slow).__name__}"
    if isinstance(fast, list):
        assert len(fast) == len(slow), where
        for i, (a, b) in enumerate(zip(fast, slow, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif isinstance(fast, Spec):
        assert list(fast.__dict__) == list(slow.__dict__), where
        assert fast.model_fields_set == slow.model_fields_set, where
        for key, value in fast.__dict__.items():
            _same(value, slow.__dict__[key], f"{where}.{key}")
    else:
        assert fast == slow, f"{where}: {fast!r} vs {slow!r}"


def _same_record(record: Any, model: Any, where: str = "spec") -> None:
    """A record holds what the model holds: the same fields in the same order, the same values
    of the same types, and records where the model has models."""
    if isinstance(model, list):
        assert type(record) is list and len(record) == len(model), where
        for i, (a, b) in enumerate(zip(record, model, strict=True)):
            _same_record(a, b, f"{where}[{i}]")
    elif isinstance(model, Spec):
        assert isinstance(record, records.Record), f"{where}: {record!r}"
        assert type(record).__name__ == type(model).__name__, where
        assert list(record.__dict__) == list(model.__dict__), where
        for key, value in record.__dict__.items():
            _same_record(value, model.__dict__[key], f"{where}.{key}")
    else:
        assert type(record) is type(model) and record == model, f"{where}: {record!r} vs {model!r}"


@cache
def _fresh() -> Any:
    """The schema compiled from today's models, whether or not the committed copy is current:
    the tests of what it means do not wait for it to be regenerated."""
    namespace: dict[str, Any] = {}
    exec(compile(fastpath.generated_source(), "<compiled>", "exec"), namespace)
    return namespace["accepts"]


def _built(data: Any) -> Any:
    """What the fast path builds from data the schema accepts, or None when it gives up."""
    try:
        return fastpath.construct(Intervention, data)
    except (fastpath.GiveUp, NotImplementedError):
        return None


def _agree(text: str, data: Any) -> tuple[bool, bool]:
    """Check one mutated spec both ways; whether the schema accepted it and the fast path
    built it."""
    from pydantic import ValidationError

    doc = load_text(text)
    doc.data = data
    schema_ok = check_structure(doc) == []
    assert _fresh()(data) == schema_ok, (
        f"the compiled schema says {not schema_ok}, jsonschema {schema_ok}: {data}"
    )
    if not schema_ok:
        assert _records(doc) is None
        return False, False
    try:
        slow = Intervention.model_validate(data)
    except ValidationError:
        slow = None
    fast = _built(data)
    record = _records(doc)
    if slow is None:
        assert fast is None, f"the fast path built a model pydantic refuses: {data}"
        assert record is None, f"the check built records pydantic refuses: {data}"
        return True, False
    if fast is not None:
        _same(fast, slow)
    # The records give up exactly where the construction does: one interpreter, one plan.
    assert (record is None) == (fast is None), data
    if record is not None:
        _same_record(record, slow)
        assert record.for_adoption == slow.for_adoption
        assert record.spread_model == slow.spread_model
    return True, fast is not None


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_with_the_schema_and_pydantic(base_spec: str, seed: int) -> None:
    rng = random.Random(seed)
    base = load_text(base_spec).data
    accepted = built = 0
    for _ in range(150):
        ok, made = _agree(base_spec, _mutate(base, rng))
        accepted += ok
        built += made
    # Mutations that keep the spec valid (e.g. one text for another) take the fast path.
    assert built > 0 and accepted > 0


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_fast_path_agrees_on_mutated_examples(example: Any) -> None:
    rng = random.Random(example.parent.name)
    text = example.read_text(encoding="utf-8")
    base = load_text(text).data
    built = 0
    for _ in range(40):
        built += _agree(text, _mutate(base, rng))[1]
    assert built > 0


@pytest.mark.parametrize(
    "path",
    [*EXAMPLES, *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_valid_specs_take_the_fast_path(path: Any) -> None:
    doc = load_file(path, str(path))
    assert fastpath.accepts(doc.data), "the committed compiled schema is out of date, or wrong"
    record = _records(doc)
    assert record is not None, "a valid spec fell back to pydantic's validators"
    model = Intervention.model_validate(doc.data)
    _same_record(record, model)
    _same(fastpath.construct(Intervention, doc.data), model)


def test_the_compiled_schema_is_generated_from_todays_models() -> None:
    import ast

    committed = fastpath.GENERATED.read_text(encoding="utf-8")
    fresh = fastpath.generated_source()
    assert ast.dump(ast.parse(committed)) == ast.dump(ast.parse(fresh)), (
        "src/codify/_fastschema.py is out of date: run `python -m codify.fastpath` "
        "(after `codify schema > spec/intervention.schema.json`) and commit the result"
    )
    # An out-of-date copy would not be used: the check would be slow, not wrong.
    assert fastpath._compiled() is not None


def test_nulls_take_the_schema_path(base_spec: str) -> None:
    doc = load_text(base_spec.replace("status: draft", "status: draft\nshort_name:"))
    assert doc.has_null and _records(doc) is None
    assert any(d.code == "CS003" for d in check_structure(doc))


# Keywords today's models do not produce, compiled all the same: the models will change, and
# the compiled schema must mean what jsonschema makes of whatever they produce.
OTHER_SCHEMAS: list[dict[str, Any]] = [
    {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 2}]},
    {"not": {"type": "string"}},
    {"const": 1},
    {"enum": [1, "a", None, True, [1]]},
    {"type": ["string", "null"], "maxLength": 2},
    {
        "type": "object",
        "properties": {"kind": {"const": "a"}},
        "if": {"properties": {"kind": {"const": "a"}}, "required": ["kind"]},
        "then": {"required": ["x"]},
        "else": {"required": ["y"], "maxProperties": 2},
    },
    {
        "type": "object",
        "patternProperties": {"^x": {"type": "integer"}},
        "additionalProperties": False,
    },
    {"type": "object", "additionalProperties": {"type": "boolean"}, "minProperties": 1},
    {"type": "object", "dependentRequired": {"x": ["y"]}},
    {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
    {"type": "array", "uniqueItems": True, "maxItems": 3},
    {"allOf": [{"exclusiveMinimum": 0}, {"exclusiveMaximum": 10}]},
    {"anyOf": [{"$ref": "#/$defs/A"}, {"type": "null"}], "$defs": {"A": {"pattern": "^a+$"}}},
]

SAMPLES: list[Any] = [
    None, True, False, 0, 1, 1.0, 2, 2.5, 10, -3, "", "a", "aa", "aaa", "a\n", "b",
    [], [1], [1, 1], [1, 1.0], ["s", 1], ["s", "t"], [True, 1], [1, 2, 3, 4],
    {}, {"x": 1}, {"y": 1}, {"x": 1, "y": 2}, {"kind": "a"}, {"kind": "a", "x": 1},
    {"kind": "b", "y": 1}, {"kind": "b", "y": 1, "z": 2, "w": 3}, {"x": True}, {"z": False},
    {"xa": 1, "xb": "no"}, {"xa": 1.0},
]  # fmt: skip


@pytest.mark.parametrize("schema", OTHER_SCHEMAS, ids=lambda s: ",".join(sorted(s)))
def test_the_compiler_means_what_jsonschema_means(schema: dict[str, Any]) -> None:
    from codify.structure import validator_for

    namespace: dict[str, Any] = {}
    exec(compile(fastpath.compile_schema(schema, "test"), "<compiled>", "exec"), namespace)
    accepts, reference = namespace["accepts"], validator_for(schema)
    for sample in SAMPLES:
        assert accepts(sample) == reference.is_valid(sample), f"{schema} on {sample!r}"


def test_the_compiler_refuses_keywords_it_does_not_know() -> None:
    with pytest.raises(NotImplementedError, match="multipleOf"):
        fastpath.compile_schema({"type": "integer", "multipleOf": 3}, "test")
    with pytest.raises(NotImplementedError, match=r"\$ref"):
        fastpath.compile_schema({"$ref": "https://example.org/other.json"}, "test")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_a_valid_check_imports_no_click_pydantic_or_jsonschema(example: Any) -> None:
    """The valid path reads records, parsed without click: none of click, pydantic, the models
    or jsonschema is imported, and no installed package's metadata is read (pydantic reads every
    package's entry points when it builds its first validator). Nor is dataclasses, which
    imports inspect: together a fifth of the check's start-up."""
    import json
    import subprocess
    import sys

    probe = (
        "import json, sys\n"
        "from codify.cli import main\n"
        f"sys.argv = ['codify', 'check', '-q', {str(example)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "names = ('click', 'pydantic', 'codify.model', 'jsonschema', 'importlib.metadata',\n"
        "         'dataclasses', 'inspect')\n"
        "print(json.dumps([code, [n for n in names if n in sys.modules]]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == [0, []]


def test_a_spec_with_problems_is_still_worded_by_the_schema_and_pydantic(tmp_path: Any) -> None:
    """The records never stand in for a spec the schema refuses: it gets the full messages."""
    from codify.checker import check_file

    text = EXAMPLES[0].read_text(encoding="utf-8").replace("status: ", "status: nonsense-", 1)
    spec = tmp_path / "intervention.yaml"
    spec.write_text(text, encoding="utf-8")
    result = check_file(spec)
    assert result.records is None and result.errors
    assert any("status" in d.message for d in result.diagnostics)


def test_the_records_plans_are_generated_from_todays_models() -> None:
    import ast

    committed = fastpath.RECORDS.read_text(encoding="utf-8")
    fresh = fastpath.plans_source()
    assert ast.dump(ast.parse(committed)) == ast.dump(ast.parse(fresh)), (
        "src/codify/_records.py is out of date: run `python -m codify.fastpath` and commit it"
    )
    assert records._committed() is not None


def test_stale_plans_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans made from other models are refused: the check falls back to pydantic, slower and
    as right as ever."""
    from codify import _records as committed
    from codify.checker import check_file

    monkeypatch.setattr(committed, "MODELS_DIGEST", "made from other models")
    records._committed.cache_clear()
    records._builder.cache_clear()
    try:
        with pytest.raises(records.GiveUp):
            records.build(load_file(EXAMPLES[0]).data)
        result = check_file(EXAMPLES[0])
        assert result.records is None and result.spec is not None and not result.errors
    finally:
        monkeypatch.undo()
        records._committed.cache_clear()
        records._builder.cache_clear()


def test_a_result_builds_the_model_only_when_asked() -> None:
    """`check` reads records; whoever asks a result for `spec` gets the model, built once."""
    from codify.checker import check_file

    result = check_file(EXAMPLES[0])
    assert isinstance(result.records, records.Record)
    assert repr(result) and result == check_file(EXAMPLES[0])  # neither builds it
    assert result._spec is None  # not built yet
    model = result.spec
    assert isinstance(model, Intervention) and result.spec is model
    _same_record(result.records, model)


def test_construction_gives_up_where_pydantic_decides() -> None:
    """A value whose conversion is pydantic's to decide, or a model the construction cannot
    copy, sends the spec to pydantic rather than being guessed at."""
    from pydantic import BaseModel, ConfigDict, field_validator

    class Leaf(BaseModel):
        model_config = ConfigDict(extra="forbid", defer_build=True)
        n: int
        x: float | None = None

    class Other(BaseModel):
        model_config = ConfigDict(extra="forbid", defer_build=True)
        n: int
        label: str = "a"

    class Either(BaseModel):
        model_config = ConfigDict(extra="forbid", defer_build=True)
        item: Leaf | Other

    class Checked(BaseModel):
        model_config = ConfigDict(defer_build=True)
        n: int

        @field_validator("n")
        @classmethod
        def _positive(cls, value: int) -> int:
            return abs(value)

    built = fastpath.construct(Leaf, {"n": 2, "x": 3})
    assert built == Leaf.model_validate({"n": 2, "x": 3}) and type(built.x) is float
    for data in ({"n": 1.0}, {"n": 1, "x": float("nan")}, {"n": 1, "y": 2}, {"x": 1.5}):
        with pytest.raises(fastpath.GiveUp):
            fastpath.construct(Leaf, data)
    with pytest.raises(fastpath.GiveUp):  # both members could take it, and no schema says which
        fastpath.construct(Either, {"item": {"n": 1}})
    with pytest.raises(NotImplementedError):
        fastpath.construct(Checked, {"n": -1})


def test_the_field_names_the_rules_know_are_the_same_from_the_models_and_the_plans() -> None:
    """The rules read field names from the committed plans, or from the models when those are
    stale: both ways give the same names."""
    assert records.model_fields(fastpath.named_plans()) == records.model_fields()
