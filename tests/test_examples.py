"""The bundled examples: they load, they are substantial, and together they use the whole format.

The coverage test walks the pydantic models from `Intervention` down, so a field added to the
format fails here until one of the examples uses it, or until it joins `RARELY_USED` with a
reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from codify.checker import check_file
from codify.model import Id, Intervention
from tests.conftest import EXAMPLES

# Fields, as "Model.field", that no example sets, each with the reason. Keep this short: a field
# belongs here only when using it in an example would mean inventing something.
RARELY_USED: dict[str, str] = {
    "Contact.email": "the sources give no address, and the examples must not invent one",
    "Delivery.group_size": "Rounds are open to all comers; RAID sees patients one at a time",
    "FidelityResult.score": "no site has been scored with either example's checklist",
    "Intervention.illustrative": "both examples are real interventions, described from sources",
    "Intervention.not_applicable": "both examples answer all twelve TIDieR items",
    "Intervention.verdict": "neither example is not recommended or retired",
    "AdaptableElement.requires_approval": (
        "RAID has no one to approve; Schwartz approval covers single options, not whole elements"
    ),
    **dict.fromkeys(
        ("Option.option", "Option.requires_approval", "Option.note"),
        "the sources say the licence holder approves some changes to Rounds, but not which of "
        "an element's options need it",
    ),
    **dict.fromkeys(
        (
            "Intervention.technology",
            "Procedure.automated",
            "Step.automated",
        ),
        "neither example runs on technology or has a step that software does",
    ),
    **dict.fromkeys(
        (
            "Intervention.components",
            "Intervention.choose",
        ),
        "neither example is a programme of several interventions",
    ),
    "Intervention.history": (
        "each example is at its first release, and a history would list only that; the "
        "change-control tests and the every-field fixture list releases, changes and a transition"
    ),
    **dict.fromkeys(
        (
            "Intervention.funding",
            "Intervention.conflicts_of_interest",
        ),
        "the fact sheets name no funder of either evaluation and no declared interests",
    ),
    **dict.fromkeys(
        ("Origin.derived_from",),
        "Schwartz Rounds' US origin is the intervention itself, and RAID was new; neither was "
        "adapted from an earlier intervention",
    ),
    **dict.fromkeys(
        ("Intervention.spread_lessons",),
        "the sources report no lever pulled to spread either and its effect",
    ),
    **dict.fromkeys(
        ("Delivery.by_mode",),
        "no source gives group sizes or durations that differ by mode",
    ),
    "Evidence.references": "each evidence entry in the examples comes from one source",
    "Evidence.certainty": "no source grades its certainty (GRADE); the examples do not invent it",
    "Endpoint.primary": "the sources do not name a primary outcome for the results listed",
    "Tier.fee": "no tier of RAID has a fee: the model is free to use",
    "ReadinessCriterion.party": "every readiness criterion falls on the adopter, who is implied",
    "Procedure.party": "every procedure is the adopting team's own",
    "Obligation.party": "every obligation falls on the adopting organisation",
    "Role.references": "the roles' sources are those of the elements they deliver",
    "Instrument.owner": "both checklists are illustrative: written for the examples, owned by no one",
    "Instrument.url": "both checklists are illustrative and published nowhere else",
    "Instrument.reference": "both checklists are illustrative: no reference describes them",
    "FidelityResult.basis": "neither example records fidelity results",
}

_ID_PATTERN = next(m.pattern for a in get_args(Id)[1:] for m in a.metadata)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The models an annotation holds, through Optional, list and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    args = get_args(annotation)
    if get_origin(annotation) is Annotated:
        args = args[:1]
    for arg in args:
        yield from _models_in(arg)


def _format_fields(model: type[BaseModel] = Intervention) -> Iterator[str]:
    """Every field reachable from `model`, as "Model.field", not descending into allowed ones."""
    for name, info in model.model_fields.items():
        key = f"{model.__name__}.{name}"
        yield key
        if key in RARELY_USED:
            continue
        for sub in _models_in(info.annotation):
            yield from _format_fields(sub)


def _filled(value: Any) -> bool:
    """Whether a value says something: not None, not blank text, not an empty list."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(_filled(v) for v in value)
    return True  # numbers, booleans written out by the author, enums, nested models


def _used_fields(obj: Any) -> Iterator[str]:
    """Every "Model.field" that the author set to a non-empty value, anywhere in `obj`."""
    if isinstance(obj, list):
        for item in obj:
            yield from _used_fields(item)
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in obj.model_fields_set and _filled(value):
                yield f"{type(obj).__name__}.{name}"
            yield from _used_fields(value)


def _is_id(annotation: Any) -> bool:
    """Whether an annotation is an Id (or holds Ids), judged by the Id pattern."""
    if get_origin(annotation) is Annotated:
        base, *meta = get_args(annotation)
        if any(isinstance(m, FieldInfo) and _has_id_pattern(m.metadata) for m in meta):
            return True
        return _is_id(base)
    return any(_is_id(a) for a in get_args(annotation))


def _has_id_pattern(metadata: list[Any]) -> bool:
    return any(getattr(m, "pattern", None) == _ID_PATTERN for m in metadata)


def _cited_ids(obj: Any) -> Iterator[tuple[str, str]]:
    """Every id the spec points at, as ("Model.field", id): values of Id-typed fields other
    than an object's own `id`."""
    if isinstance(obj, list):
        for item in obj:
            yield from _cited_ids(item)
    elif isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            value = getattr(obj, name)
            if name != "id" and (_has_id_pattern(info.metadata) or _is_id(info.annotation)):
                key = f"{type(obj).__name__}.{name}"
                for v in value if isinstance(value, list) else [value]:
                    if isinstance(v, str):
                        yield key, v
            yield from _cited_ids(value)


def _load(path: Path) -> Intervention:
    result = check_file(path)
    assert result.loaded and result.spec is not None, [str(d) for d in result.diagnostics]
    return result.spec


@pytest.fixture(scope="module")
def specs() -> dict[str, Intervention]:
    return {path.parent.name: _load(path) for path in EXAMPLES}


def test_both_examples_are_bundled_and_load(specs: dict[str, Intervention]) -> None:
    assert set(specs) == {"schwartz_rounds", "raid"}


def test_every_field_of_the_format_is_used_by_an_example(specs: dict[str, Intervention]) -> None:
    used = {key for spec in specs.values() for key in _used_fields(spec)}
    unused = [key for key in _format_fields() if key not in used and key not in RARELY_USED]
    assert not unused, (
        f"no example uses {unused}: use them in an example, or add them to RARELY_USED "
        "with the reason"
    )


def test_allow_list_is_current(specs: dict[str, Intervention]) -> None:
    fields = set(_format_fields())
    used = {key for spec in specs.values() for key in _used_fields(spec)}
    assert not set(RARELY_USED) - fields, "RARELY_USED names fields the format does not have"
    assert not set(RARELY_USED) & used, "an example now uses these: take them off RARELY_USED"


def test_coverage_walk_reaches_nested_and_list_item_models() -> None:
    fields = set(_format_fields())
    for key in (
        "Licence.previous_holders",
        "PreviousHolder.end",  # a list item model inside a nested model
        "CoreElement.alternative_forms",
        "AlternativeForm.context",
        "Scale.anchors",
        "Anchor.score",  # three levels down: fidelity -> criteria -> scale -> anchors
        "Modification.what",
    ):
        assert key in fields, key


@pytest.mark.parametrize("name", ["schwartz_rounds", "raid"])
def test_enough_core_and_adaptable_elements(specs: dict[str, Intervention], name: str) -> None:
    spec = specs[name]
    assert len(spec.core_elements) >= 3
    assert len(spec.adaptable_elements) >= 3


@pytest.mark.parametrize("name", ["schwartz_rounds", "raid"])
def test_core_element_function_differs_from_form(specs: dict[str, Intervention], name: str) -> None:
    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().lower()

    same = [ce.id for ce in specs[name].core_elements if norm(ce.function) == norm(ce.form)]
    assert not same, f"function repeats form in {same}"


@pytest.mark.parametrize("name", ["schwartz_rounds", "raid"])
def test_every_reference_is_cited(specs: dict[str, Intervention], name: str) -> None:
    spec = specs[name]
    cited = {ref for _, ref in _cited_ids(spec)}
    uncited = [ref.id for ref in spec.references if ref.id not in cited]
    assert not uncited, f"references never cited by id: {uncited}"


def test_cited_ids_scan_sees_every_place_a_reference_is_cited(
    specs: dict[str, Intervention],
) -> None:
    # The scan finds Id-typed fields from the models, not from a hand-kept list; check that it
    # reaches every field through which the examples cite a reference.
    found = {
        key
        for spec in specs.values()
        for key, ref in _cited_ids(spec)
        if ref in {r.id for r in spec.references}
    }
    assert found >= {
        "Evidence.reference",
        "Origin.references",
        "CoreElement.evidence",
        "LocalAdaptation.reference",
        "FidelityResult.reference",
        "Modification.references",
        "Variant.references",
        "AdoptionFigure.reference",
        "Outcome.references",
    }
