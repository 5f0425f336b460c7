"""The check's fast path: a valid spec is accepted and turned into the model without pydantic's
validators.

Most specs that `codify check` sees are valid, and on a valid spec the cost of a check used to
be almost all start-up: building pydantic's validators for three dozen models before a byte was
read. This module makes the valid path cheap in two steps, each exact:

1. **Accept.** The JSON Schema generated from the models (`codify.schema`) is compiled ahead of
   time into plain Python functions, committed as `codify._fastschema`. They answer one
   question, "does the committed schema accept this data?", with the meaning `jsonschema` gives
   the schema in `codify.structure` (patterns anchored at the very end of the text, 1.0 an
   integer, true not a number). They say nothing about why: a refused spec goes down the slow
   path, which reports every problem in plain words.
2. **Construct.** Data the schema accepts is turned into the model tree with
   `model_construct`, converting each value as pydantic's validation would (an enum's text to
   its member, an integer to a float where the model wants a float, a mapping to its model),
   and running the models' after-validators. Whatever this module is not sure it converts
   exactly as pydantic does (a union it cannot tell apart, a float where an integer goes, a
   validator of another kind) makes it give up, and the model is validated by pydantic instead.

The models stay the one source of truth: `python -m codify.fastpath` regenerates the compiled
schema from them, a test fails when the committed copy differs, and `accepts` refuses to use a
copy generated from other models (it compares a digest of the model sources), so that an edit
to the models can make the check slower, never wrong.
"""

from __future__ import annotations

import re
import sys
import typing
import zlib
from collections.abc import Callable, Iterator
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codify import records

if TYPE_CHECKING:
    from pydantic import BaseModel

PACKAGE = Path(__file__).resolve().parent
GENERATED = PACKAGE / "_fastschema.py"
# The sources the schema and the plans are generated from: a change to any may change them.
SOURCES = ("model.py", "vocab.py", "schema.py")


def models_digest() -> str:
    """A fingerprint of the sources the schema and plans are generated from, to tell a stale
    generated copy.

    Reading three small files and checksumming them costs a tenth of a millisecond; importing
    the models to ask them would cost the very start-up this module exists to avoid. CRC-32 and
    Adler-32 of the sources and their length, 64 bits and more, tell an edit apart; nothing
    here guards against tampering (whoever can edit codify's sources can edit the copies too),
    and zlib loads in a tenth of the time hashlib does.
    """
    data = b"\0".join((PACKAGE / name).read_bytes() for name in SOURCES)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


@cache
def _compiled() -> Any:
    """The compiled schema's module, or None when it was generated from other models."""
    try:
        from codify import _fastschema

        if models_digest() != _fastschema.MODELS_DIGEST:
            return None
    except (ImportError, OSError, AttributeError):
        return None
    return _fastschema


def accepts(data: Any) -> bool:
    """Whether the committed JSON Schema accepts `data`; False when unsure (slow path)."""
    compiled = _compiled()
    try:
        return compiled is not None and bool(compiled.accepts(data))
    except RecursionError:  # deeper than the loader allows; the slow path says what is wrong
        return False


# --- construct: the model tree from schema-valid data ------------------------------------------

# Raised when data holds what the plans do not convert exactly as pydantic would.
GiveUp = records.GiveUp


def construct(model: type[BaseModel], data: Any) -> Any:
    """The `model` instance pydantic would validate `data` into, built without validating.

    Call only with data the schema accepts (see `accepts`). Raises GiveUp when the data holds
    something the plans do not convert exactly, and NotImplementedError when the model has
    something they cannot copy at all; the caller then validates.
    """
    return _model_builder().model(model)(data)


@cache
def _model_builder() -> records.Builder:
    """The plans' interpreter making pydantic instances, as `model_construct` makes them."""
    return records.Builder(_PlanGraph(), _make_model, NotImplementedError)


def _make_model(model: Any, values: dict[str, Any], given: set[str]) -> Any:
    """An instance as `model_construct` makes one (its `__dict__` in field order, the fields
    given recorded as set), without its per-call work: asking each default factory's signature
    whether it wants the data costs more than the rest of the construction."""
    instance = model.__new__(model)
    setattr_ = object.__setattr__
    setattr_(instance, "__dict__", values)
    setattr_(instance, "__pydantic_fields_set__", given)
    setattr_(instance, "__pydantic_extra__", None)
    setattr_(instance, "__pydantic_private__", None)
    return instance


class _PlanGraph(dict[Any, records.ModelPlan]):
    """Each model's plan, worked out from the model the first time it is asked for."""

    def get(self, model: Any, default: Any = None) -> Any:
        """The plan of `model`, made now if it is the first time."""
        if model not in self:
            self[model] = model_plan(model)
        return self[model]


def model_plan(model: type[BaseModel]) -> records.ModelPlan:
    """How `model` is built from schema-valid data, or why it cannot be (the plan's 4th item).

    Refused: settings that change what validation makes of a value, private state, aliases,
    field metadata that could change a value or test what the schema does not, validators of
    any kind but an after-validator taking the value (or instance) alone.
    """
    from codify.vocab import Node

    bases = tuple(
        b.__name__
        for b in model.__mro__
        if b.__module__ == "codify.vocab" and b is not Node and b.__name__ != "object"
    )
    try:
        config = model.model_config
        if any(config.get(k) for k in _UNSUPPORTED_SETTINGS) or config.get("extra") == "allow":
            raise NotImplementedError(f"{model.__name__}: model settings the fast path lacks")
        if (
            model.__pydantic_post_init__
            or model.__private_attributes__
            or model.__pydantic_root_model__
        ):
            raise NotImplementedError(f"{model.__name__}: private state the fast path does not set")
        for name, info in model.model_fields.items():
            if info.alias not in (None, name) or info.validation_alias not in (None, name):
                raise NotImplementedError(f"{model.__name__}.{name}: aliases")
            _check_metadata(info.metadata)
        validators = tuple(_after_validators(model))
        fields = tuple(_field_plan(model))
    except NotImplementedError as exc:
        # Never built fast, but its fields are still named (the rules read the format's names).
        names = tuple(
            (n, _node(i.annotation), ("required",)) for n, i in model.model_fields.items()
        )
        return bases, names, (), str(exc)
    return bases, fields, validators, None


def _node(tp: Any) -> Any:
    """The plan node converting a schema-valid value to what pydantic would make of it."""
    from pydantic import BaseModel

    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(tp)
        try:
            _check_metadata(metadata)
        except NotImplementedError as exc:
            return ("slow", str(exc))
        after = _after_functions(metadata)
        return ("after", _node(inner), tuple(after)) if after else _node(inner)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp)
    simple = {str: "str", bool: "bool", int: "int", float: "float", type(None): "none"}
    if tp in simple:
        return (simple[tp],)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return ("enum", tp)
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return ("list", _node(item))
    if origin is typing.Union or _is_union_type(tp):
        return ("union", tuple(_node(m) for m in typing.get_args(tp)))
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if not all(type(a) is str for a in allowed):
            return ("slow", f"Literal of non-text values: {tp!r}")
        return ("literal", tuple(allowed))
    return ("slow", f"no fast conversion for {tp!r}")


def _is_union_type(tp: Any) -> bool:
    """Whether `tp` is an `X | Y` union (types.UnionType), as opposed to typing.Union."""
    import types

    return isinstance(tp, types.UnionType)


def _check_metadata(metadata: list[Any]) -> None:
    """Refuse metadata that could change a value or test something the schema does not.

    Constraints the schema expresses (lengths, bounds, patterns) were tested by `accepts`;
    descriptions change nothing. A validator, a `Strict` or anything unknown might.
    """
    from pydantic.fields import FieldInfo

    for item in metadata:
        if isinstance(item, FieldInfo):
            _check_metadata(item.metadata)
        elif type(item) in _constraints():
            continue  # lengths and bounds: the schema has them, and `accepts` tested them
        elif type(item).__name__ == "_PydanticGeneralMetadata" and set(vars(item)) <= {
            "pattern",
            "allow_inf_nan",
        }:
            # A pattern is in the schema; allow_inf_nan is why a float gives up on a value that
            # is not finite.
            continue
        elif type(item).__name__ == "AllowInfNan":
            continue
        elif type(item).__name__ == "AfterValidator" and _takes_value_alone(item.func):
            continue  # run on the converted value, as pydantic runs it
        else:
            raise NotImplementedError(f"no fast conversion for field metadata {item!r}")


def _takes_value_alone(func: Any) -> bool:
    """Whether a validator takes the value alone (pydantic's plain form, not `(value, info)`)."""
    import inspect

    try:
        return len(inspect.signature(func).parameters) == 1
    except (TypeError, ValueError):
        return False


def _after_functions(metadata: list[Any]) -> list[Callable[[Any], Any]]:
    """The after-validators in a field's metadata, in the order pydantic runs them."""
    from pydantic.fields import FieldInfo

    found: list[Callable[[Any], Any]] = []
    for item in metadata:
        if isinstance(item, FieldInfo):
            found += _after_functions(item.metadata)
        elif type(item).__name__ == "AfterValidator":
            found.append(item.func)
    return found


@cache
def _constraints() -> frozenset[type]:
    """The annotated-types constraints the schema expresses (a `Strict` is not one of them)."""
    import annotated_types as at

    return frozenset({at.MinLen, at.MaxLen, at.Ge, at.Le, at.Gt, at.Lt})


def def_accepts(name: str, value: Any) -> bool:
    """Whether the schema's definition `name` accepts `value` (False when there is none)."""
    compiled = _compiled()
    check = compiled.DEFS.get(name) if compiled is not None else None
    return check is not None and bool(check(value))


# Settings that change what validation makes of a value, which the plans do not copy.
_UNSUPPORTED_SETTINGS = (
    "strict",
    "use_enum_values",
    "coerce_numbers_to_str",
    "str_strip_whitespace",
    "str_to_lower",
    "str_to_upper",
    "str_min_length",
    "str_max_length",
    "validate_by_alias",
    "alias_generator",
)

_IMMUTABLE = (str, int, float, bool, type(None), frozenset)


def _field_plan(model: type[BaseModel]) -> Iterator[tuple[str, Any, Any]]:
    """For each field: its name, plan node and default.

    A mutable default is copied for each instance, as pydantic copies it; a default factory
    that wants the data validated so far is refused (none of the models has one).
    """
    from pydantic_core import PydanticUndefined

    for name, info in model.model_fields.items():
        factory = info.default_factory
        default = info.default
        if factory is not None:
            if factory not in (list, dict, set):
                raise NotImplementedError(f"{model.__name__}.{name}: a default factory")
            made: Any = ("factory", factory.__name__)
        elif default is PydanticUndefined:
            made = ("required",)
        elif isinstance(default, Enum):
            made = ("enum", type(default), default.value)
        elif isinstance(default, _IMMUTABLE):
            made = ("value", default)
        elif isinstance(default, (list, dict)):
            made = ("copy", default)
        else:
            raise NotImplementedError(f"{model.__name__}.{name}: a default of {type(default)}")
        node = _node(info.annotation)
        after = _after_functions(info.metadata)
        yield name, (("after", node, tuple(after)) if after else node), made


def _after_validators(model: type[BaseModel]) -> list[Callable[[Any], Any]]:
    """The model's after-validators taking the instance alone; any other kind is refused."""
    import inspect

    decorators = model.__pydantic_decorators__
    if (
        decorators.field_validators
        or decorators.validators
        or decorators.root_validators
        or any(d.info.mode != "after" for d in decorators.model_validators.values())
    ):
        raise NotImplementedError(f"{model.__name__}: validators the fast path does not run")
    found = []
    for decorator in decorators.model_validators.values():
        func = decorator.func
        if len(inspect.signature(func).parameters) != 1:
            raise NotImplementedError(f"{model.__name__}: a validator taking more than itself")
        found.append(func)
    return found


# --- the check's records: the plans committed as data ------------------------------------------

RECORDS = PACKAGE / "_records.py"


def named_plans() -> dict[str, records.ModelPlan]:
    """The plans of every model a spec holds, by model name, as `codify._records` commits them.

    Models, enums and functions become names; a validator defined with the models (which the
    records could not run without importing pydantic) makes its model's records give up.
    """
    from codify.model import Intervention

    graph: dict[Any, records.ModelPlan] = {}
    todo = [Intervention]
    while todo:
        model = todo.pop()
        if model in graph:
            continue
        graph[model] = plan = model_plan(model)
        todo.extend(_models_of(plan))
    named: dict[str, records.ModelPlan] = {}
    for model in sorted(graph, key=lambda m: m.__name__):
        bases, fields, validators, slow = graph[model]
        names = tuple(_ref(f) for f in validators)
        if slow is None and any(n.startswith("codify.model:") for n in names):
            slow = f"{model.__name__}: a validator defined with the models"
        named[model.__name__] = (
            bases,
            tuple((n, _named(node), _named(d)) for n, node, d in fields),
            names,
            slow,
        )
    return named


def plans_source() -> str:
    """The plans of `named_plans`, as the `codify._records` module to commit."""
    from codify.model import Intervention

    body = "\n".join(f"    {name!r}: {plan!r}," for name, plan in named_plans().items())
    return (
        _RECORDS_PRELUDE.format(digest=models_digest())
        + f"ROOT = {Intervention.__name__!r}\n\nMODELS = {{\n{body}\n}}\n"
    )


def _models_of(plan: records.ModelPlan) -> Iterator[Any]:
    """The models a plan's fields refer to."""
    stack = [node for _, node, _ in plan[1]]
    while stack:
        node = stack.pop()
        if node[0] == "model":
            yield node[1]
        elif node[0] in ("list", "after"):
            stack.append(node[1])
        elif node[0] == "union":
            stack.extend(node[1])


def _ref(obj: Any) -> str:
    """`module:qualname` of an enum or a function."""
    return f"{obj.__module__}:{obj.__qualname__}"


def _named(node: Any) -> Any:
    """A plan node (or default) with its objects replaced by names, as the module holds it."""
    if type(node) is not tuple:
        return node
    kind = node[0]
    if kind == "model":
        return ("model", node[1].__name__)
    if kind == "enum":
        return ("enum", _ref(node[1]), *node[2:])
    if kind in ("list",):
        return ("list", _named(node[1]))
    if kind == "union":
        return ("union", tuple(_named(m) for m in node[1]))
    if kind == "after":
        return ("after", _named(node[1]), tuple(_ref(f) for f in node[2]))
    return node


_RECORDS_PRELUDE = '''\
"""How each model of the format is built from a valid spec: the plans codify.records follows.

Generated from the models by `python -m codify.fastpath`; do not edit. codify.records says
how they are used and why.
"""

# fmt: off
# ruff: noqa

MODELS_DIGEST = {digest!r}

'''


# --- compile: the schema as Python ---------------------------------------------------------------

# Keywords that annotate rather than assert: jsonschema ignores them when validating (formats
# are not checked without a format checker, and structure.py gives it none).
_ANNOTATIONS = {
    "$schema",
    "$id",
    "$comment",
    "$defs",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
    "discriminator",
    "contentEncoding",
    "contentMediaType",
}

_TYPE_TESTS = {
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "string": "isinstance({v}, str)",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
    "integer": "_integer({v})",
    "number": "_number({v})",
}

# Which instance type each assertion applies to; other types pass it, as JSON Schema says.
_APPLIES_TO = {
    "minLength": "string",
    "maxLength": "string",
    "pattern": "string",
    "minItems": "array",
    "maxItems": "array",
    "items": "array",
    "prefixItems": "array",
    "uniqueItems": "array",
    "minimum": "number",
    "maximum": "number",
    "exclusiveMinimum": "number",
    "exclusiveMaximum": "number",
    "properties": "object",
    "required": "object",
    "additionalProperties": "object",
    "patternProperties": "object",
    "minProperties": "object",
    "maxProperties": "object",
    "dependentRequired": "object",
}

_PRELUDE = '''\
"""The committed JSON Schema compiled to Python: whether a spec's data is valid, nothing more.

Generated from the models by `python -m codify.fastpath`; do not edit. codify.fastpath says
how it is used and why.
"""

# fmt: off
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

MODELS_DIGEST = {digest!r}


def _integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    if isinstance(x, float):
        return x.is_integer()
    return isinstance(x, int)


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: true is not 1, and 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if _number(a) and _number(b):
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


def _unique(x: list[Any]) -> bool:
    return all(not _equal(x[i], x[j]) for i in range(len(x)) for j in range(i))
'''


class _Compiler:
    """Turns a JSON Schema into the source of Python functions, one per definition."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.functions: list[str] = []
        self.constants: list[str] = []
        self.counter = 0
        self.known: dict[str, str] = {}

    def name(self, prefix: str) -> str:
        """A fresh name for a function, constant or variable."""
        self.counter += 1
        return f"_{prefix}{self.counter}"

    def constant(self, expression: str) -> str:
        """A module-level constant holding `expression`, shared by equal expressions."""
        if expression not in self.known:
            name = self.name("c")
            self.known[expression] = name
            self.constants.append(f"{name} = {expression}")
        return self.known[expression]

    def function(self, schema: Any, name: str | None = None) -> str:
        """A function `name(x) -> bool` for `schema`; returns its name."""
        name = name or self.name("s")
        body = list(self.statements(schema, "x", 1))
        lines = [f"def {name}(x: Any) -> bool:", *body, "    return True"]
        self.functions.append("\n".join(lines))
        return name

    def test(self, schema: Any, var: str) -> str:
        """An expression that is true when `var` is valid against `schema`."""
        if schema is True or schema == {}:
            return "True"
        if schema is False:
            return "False"
        simple = self.expression(schema, var)
        if simple is not None:
            return simple
        return f"{self.function(schema)}({var})"

    def expression(self, schema: dict[str, Any], var: str) -> str | None:
        """A single expression for a schema of simple keywords, or None."""
        keys = set(schema) - _ANNOTATIONS
        if keys == {"$ref"}:
            return f"{self.ref(schema['$ref'])}({var})"
        types = schema.get("type")
        if not isinstance(types, str) or not keys <= {
            "type",
            "minLength",
            "maxLength",
            "pattern",
            "enum",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "const",
        }:
            return None
        parts = [_TYPE_TESTS[types].format(v=var)]
        parts += [self.assertion(k, schema[k], var) for k in sorted(keys - {"type"})]
        return " and ".join(f"({p})" for p in parts) if len(parts) > 1 else parts[0]

    def ref(self, ref: str) -> str:
        """The function of a local reference, `#/$defs/Name`."""
        prefix = "#/$defs/"
        if not ref.startswith(prefix) or ref[len(prefix) :] not in self.defs:
            raise NotImplementedError(f"$ref {ref!r}: only references to $defs are compiled")
        return "_d_" + _identifier(ref[len(prefix) :])

    def assertion(self, key: str, value: Any, var: str) -> str:
        """An expression for one keyword on a value already known to be of its type."""
        if key == "minLength":
            return f"len({var}) >= {int(value)}"
        if key == "maxLength":
            return f"len({var}) <= {int(value)}"
        if key == "pattern":
            from codify.structure import _anchored

            regex = self.constant(f"re.compile({_anchored(value).pattern!r}).search")
            return f"{regex}({var}) is not None"
        if key == "minimum":
            return f"{var} >= {value!r}"
        if key == "maximum":
            return f"{var} <= {value!r}"
        if key == "exclusiveMinimum":
            return f"{var} > {value!r}"
        if key == "exclusiveMaximum":
            return f"{var} < {value!r}"
        if key == "enum":
            if all(type(v) is str for v in value):
                options = self.constant(f"frozenset({sorted(value)!r})")
                return f"isinstance({var}, str) and {var} in {options}"
            options = self.constant(repr(list(value)))
            return f"any(_equal({var}, o) for o in {options})"
        if key == "const":
            return f"_equal({var}, {self.constant(repr(value))})"
        raise NotImplementedError(key)

    def statements(self, schema: Any, var: str, depth: int) -> Iterator[str]:
        """Statements that `return False` when `var` is not valid against `schema`."""
        pad = "    " * depth
        if schema is True:
            return
        if schema is False:
            yield f"{pad}return False"
            return
        if not isinstance(schema, dict):
            raise NotImplementedError(f"schema {schema!r}")
        unknown = (
            set(schema)
            - _ANNOTATIONS
            - set(_APPLIES_TO)
            - {
                "type",
                "enum",
                "const",
                "$ref",
                "allOf",
                "anyOf",
                "oneOf",
                "not",
                "if",
                "then",
                "else",
            }
        )
        if unknown:
            # Refusing to compile is safe: the generator fails, and the test that regenerates
            # the module says which keyword needs teaching.
            raise NotImplementedError(f"keywords {sorted(unknown)} are not compiled")
        types = schema.get("type")
        known: str | None = None
        if types is not None:
            names = [types] if isinstance(types, str) else list(types)
            tests = " or ".join(_TYPE_TESTS[n].format(v=var) for n in names)
            yield f"{pad}if not ({tests}):"
            yield f"{pad}    return False"
            if len(names) == 1:
                known = names[0]
        for key in ("enum", "const"):
            if key in schema:
                yield f"{pad}if not ({self.assertion(key, schema[key], var)}):"
                yield f"{pad}    return False"
        if "$ref" in schema:
            yield f"{pad}if not {self.ref(schema['$ref'])}({var}):"
            yield f"{pad}    return False"
        by_type: dict[str, list[str]] = {}
        for key in schema:
            if key in _APPLIES_TO:
                by_type.setdefault(_APPLIES_TO[key], []).append(key)
        for kind, keys in by_type.items():
            if (
                known is not None
                and known != kind
                and not (known == "integer" and kind == "number")
            ):
                continue  # a value of another type was refused above
            if known == kind or (known == "integer" and kind == "number"):
                yield from self.typed(schema, keys, var, depth)
            else:
                yield f"{pad}if {_TYPE_TESTS[kind].format(v=var)}:"
                yield from self.typed(schema, keys, var, depth + 1)
        for sub in schema.get("allOf", ()):
            yield from self.statements(sub, var, depth)
        if "anyOf" in schema:
            tests = " or ".join(self.test(sub, var) for sub in schema["anyOf"])
            yield f"{pad}if not ({tests}):"
            yield f"{pad}    return False"
        if "oneOf" in schema:
            tests = ", ".join(self.test(sub, var) for sub in schema["oneOf"])
            yield f"{pad}if [{tests}].count(True) != 1:"
            yield f"{pad}    return False"
        if "not" in schema:
            yield f"{pad}if {self.test(schema['not'], var)}:"
            yield f"{pad}    return False"
        if "if" in schema and ("then" in schema or "else" in schema):
            yield f"{pad}if {self.test(schema['if'], var)}:"
            then = list(self.statements(schema.get("then", True), var, depth + 1))
            yield from then or [f"{pad}    pass"]
            if "else" in schema:
                yield f"{pad}else:"
                other = list(self.statements(schema["else"], var, depth + 1))
                yield from other or [f"{pad}    pass"]

    def typed(self, schema: dict[str, Any], keys: list[str], var: str, depth: int) -> Iterator[str]:
        """Statements for keywords that apply to `var`, already known to be of their type."""
        pad = "    " * depth
        simple = [k for k in keys if k in ("minLength", "maxLength", "pattern") or k in _NUMERIC]
        if simple:
            tests = " and ".join(f"({self.assertion(k, schema[k], var)})" for k in simple)
            yield f"{pad}if not ({tests}):"
            yield f"{pad}    return False"
        if "minItems" in keys:
            yield f"{pad}if len({var}) < {int(schema['minItems'])}:"
            yield f"{pad}    return False"
        if "maxItems" in keys:
            yield f"{pad}if len({var}) > {int(schema['maxItems'])}:"
            yield f"{pad}    return False"
        if "uniqueItems" in keys and schema["uniqueItems"]:
            yield f"{pad}if not _unique({var}):"
            yield f"{pad}    return False"
        if "prefixItems" in keys:
            for i, sub in enumerate(schema["prefixItems"]):
                item = f"{var}[{i}]"
                yield f"{pad}if len({var}) > {i} and not ({self.test(sub, item)}):"
                yield f"{pad}    return False"
        if "items" in keys:
            start = len(schema.get("prefixItems", ()))
            item = self.name("v")
            values = f"{var}[{start}:]" if start else var
            yield f"{pad}for {item} in {values}:"
            yield f"{pad}    if not ({self.test(schema['items'], item)}):"
            yield f"{pad}        return False"
        if "minProperties" in keys:
            yield f"{pad}if len({var}) < {int(schema['minProperties'])}:"
            yield f"{pad}    return False"
        if "maxProperties" in keys:
            yield f"{pad}if len({var}) > {int(schema['maxProperties'])}:"
            yield f"{pad}    return False"
        if "required" in keys and schema["required"]:
            tests = " and ".join(f"{k!r} in {var}" for k in schema["required"])
            yield f"{pad}if not ({tests}):"
            yield f"{pad}    return False"
        if "dependentRequired" in keys:
            for key, needed in schema["dependentRequired"].items():
                tests = " and ".join(f"{k!r} in {var}" for k in needed) or "True"
                yield f"{pad}if {key!r} in {var} and not ({tests}):"
                yield f"{pad}    return False"
        properties: dict[str, Any] = schema.get("properties", {}) if "properties" in keys else {}
        for key, sub in properties.items():
            value = self.name("v")
            yield f"{pad}{value} = {var}.get({key!r}, _MISSING)"
            yield f"{pad}if {value} is not _MISSING and not ({self.test(sub, value)}):"
            yield f"{pad}    return False"
        patterns: dict[str, Any] = schema.get("patternProperties", {})
        if "patternProperties" in keys:
            from codify.structure import _anchored

            for pattern, sub in patterns.items():
                regex = self.constant(f"re.compile({_anchored(pattern).pattern!r}).search")
                key, value = self.name("k"), self.name("v")
                yield f"{pad}for {key}, {value} in {var}.items():"
                yield f"{pad}    if {regex}({key}) is not None and not ({self.test(sub, value)}):"
                yield f"{pad}        return False"
        if "additionalProperties" in keys:
            extra = schema["additionalProperties"]
            named = self.constant(f"frozenset({sorted(properties)!r})")
            regexes = [self.constant(f"re.compile({_anchored_text(p)!r}).search") for p in patterns]
            key = self.name("k")
            others = f"{key} not in {named}" + "".join(f" and {r}({key}) is None" for r in regexes)
            if extra is False and not regexes:
                yield f"{pad}if not {named}.issuperset({var}):"
                yield f"{pad}    return False"
            elif extra is not True and extra != {}:
                yield f"{pad}for {key} in {var}:"
                yield f"{pad}    if {others} and not ({self.test(extra, f'{var}[{key}]')}):"
                yield f"{pad}        return False"

    def source(self, digest: str) -> str:
        """The whole module."""
        for name, sub in self.defs.items():
            self.function(sub, "_d_" + _identifier(name))
        root = self.function({k: v for k, v in self.schema.items() if k != "$defs"}, "accepts")
        defs = ", ".join(f"{n!r}: _d_{_identifier(n)}" for n in self.defs)
        parts = [
            _PRELUDE.format(digest=digest),
            "\n".join(["_MISSING = object()", *self.constants]),
            *self.functions,
            f"DEFS = {{{defs}}}",
            f"__all__ = [{root!r}, 'DEFS', 'MODELS_DIGEST']",
        ]
        return "\n\n\n".join(p.strip("\n") for p in parts) + "\n"


_NUMERIC = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _anchored_text(pattern: str) -> str:
    """A schema pattern as compiled text, anchored as structure.py anchors it."""
    from codify.structure import _anchored

    return _anchored(pattern).pattern


def _identifier(name: str) -> str:
    """A definition's name as part of a Python identifier."""
    return re.sub(r"\W", "_", name)


def compile_schema(schema: dict[str, Any], digest: str) -> str:
    """The Python source of a module deciding whether data is valid against `schema`."""
    return _Compiler(schema).source(digest)


def generated_source() -> str:
    """The compiled schema as it should be committed, from today's models."""
    from codify.schema import json_schema

    return compile_schema(json_schema(), models_digest())


def main() -> None:
    """Regenerate `codify/_fastschema.py` and `codify/_records.py` from the models."""
    GENERATED.write_text(generated_source(), encoding="utf-8")
    RECORDS.write_text(plans_source(), encoding="utf-8")
    print(f"wrote {GENERATED.name} and {RECORDS.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
