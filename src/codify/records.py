"""A valid spec as plain records, built without pydantic, for `codify check`.

A check of a valid spec used to spend most of its time before reading a byte: importing
pydantic and building three dozen model classes. The rules only read fields, so the check
gives them records instead: plain objects with the models' fields in `__dict__`, their values
converted exactly as pydantic's validation converts them (enum text to its member, an integer to
a float where the model wants a float, a mapping to its record, defaults filled in), and the
models' after-validators run on them.

How each model is built is a *plan*, worked out from the models by `codify.fastpath` and
committed as `codify._records` (regenerated with `python -m codify.fastpath`; a test fails when
the committed copy differs, and `build` refuses a copy made from other models). The same
interpreter, given pydantic's classes instead of records, is `codify.fastpath.construct`, so
one piece of code decides what every value becomes on both paths. Whatever a plan cannot copy
exactly (a union only pydantic can decide, a validator defined with the models) raises
`GiveUp`, and the caller validates with pydantic instead: an edit to the models can make the
check slower, never wrong.

A plan node is a tuple: ("str",), ("bool",), ("int",), ("float",), ("none",), ("enum", E),
("literal", values), ("model", M), ("list", item), ("union", members), ("after", inner,
functions) or ("slow", reason). E, M and each function are objects, or, in the committed plan,
names (`module:qualname` for enums and functions, the model's name for models).
"""

from __future__ import annotations

import copy
import importlib
import math
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any

from codify.vocab import Node

Convert = Callable[[Any], Any]
# Makes one instance: (model reference, field values in order, the keys the data gave).
Make = Callable[[Any, dict[str, Any], set[str]], Any]
# A model's plan: its pydantic-free bases (names in codify.vocab), its fields as (name,
# conversion, default), its after-validators, and why it cannot be built fast (or None).
ModelPlan = tuple[tuple[str, ...], tuple[tuple[str, Any, Any], ...], tuple[Any, ...], str | None]


class GiveUp(Exception):
    """The data is not one the plan converts exactly as pydantic would: validate it."""


class Record(Node):
    """One object of a valid spec as the check reads it: its fields, and nothing else."""

    __slots__ = ("__dict__",)

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


MISSING: Any = object()


def resolve(ref: Any) -> Any:
    """An object a plan names: itself, or what `module:qualname` names."""
    if type(ref) is not str:
        return ref
    module, _, qualname = ref.partition(":")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found


class Builder:
    """Turns plans into converters, making instances with `make` (records or models)."""

    def __init__(self, models: dict[Any, ModelPlan], make: Make, slow: type[Exception]) -> None:
        self.models = models
        self.make = make
        # What a model that cannot be built fast raises: GiveUp for the check's records (the
        # models will do), NotImplementedError for the models themselves (a missing feature).
        self.slow = slow
        self.converters: dict[Any, Convert] = {}

    def model(self, ref: Any) -> Convert:
        """The converter of a mapping into model `ref`, made once (models refer to each other)."""
        found = self.converters.get(ref)
        if found is None:
            found = self.converters[ref] = self._model(ref)
        return found

    def _model(self, ref: Any) -> Convert:
        plan = self.models.get(ref)
        if plan is None or plan[3] is not None:
            reason = plan[3] if plan is not None else f"no plan for {ref!r}"
            slow = self.slow

            def refuse(value: Any) -> Any:
                raise slow(reason)

            return refuse
        _, fields, validators, _ = plan
        names = frozenset(name for name, _, _ in fields)
        # Filled on the first call: a field's converter may be the model's own (a tree).
        steps: list[tuple[str, Convert, Callable[[], Any] | None, Any]] = []
        checks = [resolve(f) for f in validators]
        make = self.make

        def convert(value: Any) -> Any:
            if type(value) is not dict or not names.issuperset(value):
                raise GiveUp
            if not steps:
                steps.extend(self._steps(fields))
            values: dict[str, Any] = {}
            for name, convert_field, default_of, default in steps:
                item = value.get(name, MISSING)
                if item is not MISSING:
                    values[name] = convert_field(item)
                elif default_of is not None:
                    values[name] = default_of()
                elif default is MISSING:
                    raise GiveUp  # required (the schema said so too; pydantic words it)
                else:
                    values[name] = default
            instance = make(ref, values, set(value))
            for check in checks:
                try:
                    check(instance)
                except (ValueError, AssertionError):
                    raise GiveUp from None
            return instance

        return convert

    def _steps(
        self, fields: tuple[tuple[str, Any, Any], ...]
    ) -> list[tuple[str, Convert, Callable[[], Any] | None, Any]]:
        steps = []
        for name, node, default in fields:
            default_of, value = _default(default)
            steps.append((name, self.convert(node), default_of, value))
        return steps

    def convert(self, node: Any) -> Convert:
        """The converter a plan node stands for."""
        kind = node[0]
        if kind == "model":
            return self.model(node[1])
        if kind in _SIMPLE:
            return _SIMPLE[kind]
        if kind == "enum":
            return _enum(resolve(node[1]))
        if kind == "literal":
            return _literal(frozenset(node[1]))
        if kind == "list":
            item = self.convert(node[1])

            def convert_list(value: Any) -> list[Any]:
                if type(value) is not list:
                    raise GiveUp
                return [item(v) for v in value]

            return convert_list
        if kind == "union":
            return self._union(node[1])
        if kind == "after":
            return _after(self.convert(node[1]), [resolve(f) for f in node[2]])
        reason = node[1]
        slow = self.slow

        def refuse(value: Any) -> Any:
            raise slow(reason)

        return refuse

    def _union(self, members: tuple[Any, ...]) -> Convert:
        """One member chosen by the value's kind, as long as only one can take it.

        A mapping that two models could take goes to the one whose schema definition accepts
        it when no other's does; two text members, or two list members, are pydantic's to
        decide.
        """
        by_kind: dict[type, list[Any]] = {}
        for member in members:
            by_kind.setdefault(_kind(member), []).append(member)
        if float in by_kind and int not in by_kind:
            by_kind[int] = by_kind[float]  # a float member takes an integer, as a float
        converters = {kind: [self.convert(m) for m in ms] for kind, ms in by_kind.items()}
        mappings = [_model_name(m) for m in by_kind.get(dict, [])]

        def convert(value: Any) -> Any:
            kind = type(value)
            options = converters.get(kind)
            if not options:
                raise GiveUp
            if len(options) == 1:
                return options[0](value)
            if kind is dict:
                fits = [i for i, name in enumerate(mappings) if _def_accepts(name, value)]
                if len(fits) == 1:
                    return options[fits[0]](value)
            raise GiveUp

        return convert


def _default(default: Any) -> tuple[Callable[[], Any] | None, Any]:
    """A field's default as (a function making it, or None; the value, or MISSING)."""
    kind = default[0]
    if kind == "required":
        return None, MISSING
    if kind == "value":
        return None, default[1]
    if kind == "enum":
        return None, resolve(default[1])(default[2])
    if kind == "factory":
        return {"list": list, "dict": dict, "set": set}[default[1]], MISSING
    value = default[1]  # "copy": a mutable default, copied for each instance as pydantic does
    return (lambda: copy.deepcopy(value)), MISSING


def _kind(node: Any) -> type:
    """The kind of value a plan node takes, for choosing a union's member."""
    while node[0] == "after":
        node = node[1]
    return _KINDS.get(node[0], object)


def _model_name(node: Any) -> str:
    """The name of the model a (possibly validated) model node builds."""
    while node[0] == "after":
        node = node[1]
    ref = node[1]
    return ref if type(ref) is str else str(ref.__name__)


def _def_accepts(name: str, value: Any) -> bool:
    """Whether the committed schema's definition `name` accepts `value`."""
    from codify import fastpath

    return fastpath.def_accepts(name, value)


_KINDS: dict[str, type] = {
    "model": dict,
    "enum": str,
    "literal": str,
    "str": str,
    "list": list,
    "int": int,
    "float": float,
    "bool": bool,
    "none": type(None),
}


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


_SIMPLE: dict[str, Convert] = {
    "str": _exact(str),
    "bool": _exact(bool),
    "int": _integer,
    "float": _float,
    "none": _none,
}


def _enum(enum: type[Enum]) -> Convert:
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


def _literal(allowed: frozenset[str]) -> Convert:
    """Text that is one of a Literal's values."""

    def convert(value: Any) -> Any:
        if type(value) is not str or value not in allowed:
            raise GiveUp
        return value

    return convert


def _after(convert: Convert, after: list[Callable[[Any], Any]]) -> Convert:
    """`convert`, then each after-validator on its result: a value one refuses is pydantic's to
    word (a date with month 13, say), so the construction gives up on it."""

    def run(value: Any) -> Any:
        out = convert(value)
        for check in after:
            try:
                out = check(out)
            except (ValueError, AssertionError):
                raise GiveUp from None
        return out

    return run


# --- the check's records -------------------------------------------------------------------------


@cache
def _committed() -> Any:
    """The committed plans, or None when they were made from other models than today's."""
    try:
        from codify import _records
        from codify.fastpath import models_digest

        if models_digest() != _records.MODELS_DIGEST:
            return None
    except (ImportError, OSError, AttributeError):
        return None
    return _records


@cache
def _record_class(name: str) -> type[Record]:
    """The record class standing for model `name`, with the model's pydantic-free bases."""
    plans = _committed()
    bases = tuple(resolve(f"codify.vocab:{b}") for b in plans.MODELS[name][0]) if plans else ()
    return type(name, (*bases, Record), {"__slots__": (), "__module__": __name__})


def _make_record(ref: Any, values: dict[str, Any], given: set[str]) -> Any:
    instance = Record.__new__(_record_class(ref))
    object.__setattr__(instance, "__dict__", values)
    return instance


@cache
def _builder() -> Builder | None:
    plans = _committed()
    return None if plans is None else Builder(plans.MODELS, _make_record, GiveUp)


def build(data: Any) -> Any:
    """The spec `data` (which the committed schema accepts) as records.

    Raises GiveUp when the plans are stale or the data holds something they do not convert
    exactly; the caller then validates with pydantic.
    """
    builder = _builder()
    plans = _committed()
    if builder is None or plans is None:
        raise GiveUp
    return builder.model(plans.ROOT)(data)


def model_fields(
    models: dict[str, ModelPlan] | None = None,
) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Each model's fields, with the models each field holds: what the rules that know the
    format's field names read. From `models` (named plans), else the committed plans; empty
    when those are stale."""
    if models is None:
        plans = _committed()
        if plans is None:
            return {}
        models = plans.MODELS
    return {
        name: tuple((field, tuple(_models_in(node))) for field, node, _ in plan[1])
        for name, plan in models.items()
    }


def _models_in(node: Any) -> list[str]:
    """The names of the models inside a plan node: X, list[X], X | None."""
    kind = node[0]
    if kind == "model":
        return [_model_name(node)]
    if kind in ("list", "after"):
        return _models_in(node[1])
    if kind == "union":
        return [name for member in node[1] for name in _models_in(member)]
    return []
