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

import functools
import hashlib
import math
import re
import sys
import typing
from collections.abc import Callable, Iterator
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

PACKAGE = Path(__file__).resolve().parent
GENERATED = PACKAGE / "_fastschema.py"
# The sources the schema is generated from: a change to either may change the schema.
SOURCES = ("model.py", "schema.py")


def models_digest() -> str:
    """A digest of the sources the schema is generated from, to tell a stale compiled copy.

    Reading and hashing two small files costs a tenth of a millisecond; importing the models to
    ask them would cost the very start-up this module exists to avoid.
    """
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update((PACKAGE / name).read_bytes())
    return digest.hexdigest()


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


class GiveUp(Exception):
    """The data is not one this module converts exactly as pydantic would: validate it."""


Convert = Callable[[Any], Any]


def construct(model: type[BaseModel], data: Any) -> Any:
    """The `model` instance pydantic would validate `data` into, built without validating.

    Call only with data the schema accepts (see `accepts`). Raises GiveUp when the data or the
    model holds something this module does not convert exactly; the caller then validates.
    """
    return _converter(model)(data)


@cache
def _converter(tp: Any) -> Convert:
    """A function converting a schema-valid value to what pydantic would make of it as `tp`."""
    from pydantic import BaseModel

    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(tp)
        _check_metadata(metadata)
        return _validated(_converter(inner), _after_functions(metadata))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _model_converter(tp)
    if tp is str:
        return _exact(str)
    if tp is bool:
        return _exact(bool)
    if tp is int:
        return _integer
    if tp is float:
        return _float
    if tp is type(None):
        return _none
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_converter(tp)
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        convert_item = _converter(item)

        def convert_list(value: Any) -> list[Any]:
            if type(value) is not list:
                raise GiveUp
            return [convert_item(v) for v in value]

        return convert_list
    if origin is typing.Union or _is_union_type(tp):
        return _union_converter(typing.get_args(tp))
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if not all(type(a) is str for a in allowed):
            raise NotImplementedError(f"Literal of non-text values: {tp!r}")

        def convert_literal(value: Any) -> Any:
            if type(value) is not str or value not in allowed:
                raise GiveUp
            return value

        return convert_literal
    raise NotImplementedError(f"no fast conversion for {tp!r}")


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
            # A pattern is in the schema; allow_inf_nan is why `_float` gives up on a value
            # that is not finite.
            continue
        elif type(item).__name__ == "AllowInfNan":
            continue
        elif type(item).__name__ == "AfterValidator" and _takes_value_alone(item.func):
            continue  # run on the converted value, as pydantic runs it (`_validated`)
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


def _validated(convert: Convert, after: list[Callable[[Any], Any]]) -> Convert:
    """`convert`, then each after-validator on its result: a value one refuses is pydantic's to
    word (a date with month 13, say), so the fast path gives up on it."""
    if not after:
        return convert

    def run(value: Any) -> Any:
        out = convert(value)
        for check in after:
            try:
                out = check(out)
            except (ValueError, AssertionError):
                raise GiveUp from None
        return out

    return run


@cache
def _constraints() -> frozenset[type]:
    """The annotated-types constraints the schema expresses (a `Strict` is not one of them)."""
    import annotated_types as at

    return frozenset({at.MinLen, at.MaxLen, at.Ge, at.Le, at.Gt, at.Lt})


def _exact(kind: type) -> Convert:
    """Values of exactly `kind` pass through unchanged, as pydantic returns them."""

    def convert(value: Any) -> Any:
        if type(value) is not kind:
            raise GiveUp
        return value

    return convert


def _integer(value: Any) -> int:
    """An integer as it is. A float such as 1.0 is an integer to the schema, and pydantic turns
    it into one only under conditions best left to it."""
    if type(value) is not int:
        raise GiveUp
    return value


def _float(value: Any) -> float:
    """A number as pydantic's float field makes it: an integer becomes a float; not finite is
    refused by the models (allow_inf_nan=False) but not by the schema, so pydantic says so."""
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            raise GiveUp from None
    if type(value) is not float or not math.isfinite(value):
        raise GiveUp
    return value


def _none(value: Any) -> None:
    """None, the only value of NoneType."""
    if value is not None:
        raise GiveUp


def _enum_converter(enum: type[Enum]) -> Convert:
    """An enum's value to its member, as pydantic's lax mode does for text from a file."""
    members = {m.value: m for m in enum}

    def convert(value: Any) -> Any:
        if type(value) is not str:
            raise GiveUp
        try:
            return members[value]
        except KeyError:
            raise GiveUp from None

    return convert


def _union_converter(members: tuple[Any, ...]) -> Convert:
    """One member of a union chosen by the value's kind, as long as only one can take it.

    A mapping that could be either of two models is given to the first whose schema accepts it
    when no other's does; two text members, or two list members, are pydantic's to decide.
    """
    from pydantic import BaseModel

    by_kind: dict[type, list[Any]] = {}
    for member in members:
        base = _strip(member)
        kind = typing.get_origin(base) or base
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            kind = dict
        elif isinstance(kind, type) and issubclass(kind, Enum):
            kind = str
        by_kind.setdefault(kind, []).append(member)
    if float in by_kind and int not in by_kind:
        by_kind[int] = by_kind[float]  # a float member takes an integer, as a float
    converters = {kind: [_converter(m) for m in ms] for kind, ms in by_kind.items()}
    models = {
        kind: [_strip(m) for m in ms]
        for kind, ms in by_kind.items()
        if kind is dict and len(ms) > 1
    }

    def convert(value: Any) -> Any:
        kind = type(value)
        options = converters.get(kind)
        if not options:
            raise GiveUp
        if len(options) == 1:
            return options[0](value)
        if kind is dict:
            fits = [i for i, m in enumerate(models[dict]) if _def_accepts(m.__name__, value)]
            if len(fits) == 1:
                return options[fits[0]](value)
        raise GiveUp

    return convert


def _strip(tp: Any) -> Any:
    """`tp` without its Annotated wrapper."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _def_accepts(name: str, value: Any) -> bool:
    """Whether the schema's definition `name` accepts `value` (False when there is none)."""
    compiled = _compiled()
    check = compiled.DEFS.get(name) if compiled is not None else None
    return check is not None and bool(check(value))


# Settings that change what validation makes of a value, which the converters do not copy.
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


def _model_converter(model: type[BaseModel]) -> Convert:
    """A mapping to an instance of `model`, each field converted and the others defaulted.

    The instance is made as `model_construct` makes one (its `__dict__` in field order, the
    fields given recorded as set), without its per-call work: asking each default factory's
    signature whether it wants the data costs more than the rest of the construction. The
    model's after-validators are then run on the instance, as validation would run them.
    """
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
    after = _after_validators(model)
    names = frozenset(model.model_fields)
    new = model.__new__
    setattr_ = object.__setattr__
    # Filled on the first call: models refer to each other, and to themselves.
    plan: list[tuple[str, Convert, Callable[[], Any] | None, Any]] = []

    def convert(value: Any) -> Any:
        if type(value) is not dict or not names.issuperset(value):
            raise GiveUp
        if not plan:
            plan.extend(list(_field_plan(model)))  # whole, or not at all if it raises
        values: dict[str, Any] = {}
        for name, convert_field, default_of, default in plan:
            item = value.get(name, _MISSING)
            if item is not _MISSING:
                values[name] = convert_field(item)
            elif default_of is not None:
                values[name] = default_of()
            elif default is _MISSING:
                raise GiveUp  # required (the schema said so too; pydantic words it)
            else:
                values[name] = default
        instance = new(model)
        setattr_(instance, "__dict__", values)
        setattr_(instance, "__pydantic_fields_set__", set(value))
        setattr_(instance, "__pydantic_extra__", None)
        setattr_(instance, "__pydantic_private__", None)
        for check in after:
            try:
                check(instance)
            except (ValueError, AssertionError):
                raise GiveUp from None
        return instance

    return convert


_MISSING: Any = object()
_IMMUTABLE = (str, int, float, bool, type(None), Enum, frozenset)


def _field_plan(model: type[BaseModel]) -> Iterator[tuple[str, Convert, Any, Any]]:
    """For each field: its name, converter, default factory (or None) and default value.

    A mutable default is copied for each instance, as pydantic copies it; a default factory
    that wants the data validated so far is refused (none of the models has one).
    """
    import copy

    from pydantic_core import PydanticUndefined

    for name, info in model.model_fields.items():
        factory = info.default_factory
        default = _MISSING if info.default is PydanticUndefined else info.default
        if factory is not None:
            if factory not in (list, dict, set):
                raise NotImplementedError(f"{model.__name__}.{name}: a default factory")
            default_of: Callable[[], Any] | None = factory
        elif default is _MISSING or isinstance(default, _IMMUTABLE):
            default_of = None
        else:
            default_of = functools.partial(copy.deepcopy, default)
        convert = _validated(
            _converter(_hashable(info.annotation)), _after_functions(info.metadata)
        )
        yield name, convert, default_of, default


def _hashable(annotation: Any) -> Any:
    """A field's annotation, typed for the converter cache (annotations are hashable)."""
    return annotation


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
    """Regenerate `codify/_fastschema.py` from the models."""
    GENERATED.write_text(generated_source(), encoding="utf-8")
    print(f"wrote {GENERATED.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
