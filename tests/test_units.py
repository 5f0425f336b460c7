"""Fast unit tests, apart from the CLI: the documents' view model and the reporters.

`build_document` is what every handbook and checklist template reads: its numbers are the
ones readers cite, its links the ones they follow. These tests build it from the examples
through the library, and take well under a second.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from codify.checker import CheckResult, check_file
from codify.config import Branding
from codify.documents.view import Document, build_document
from codify.model import AdaptableElement, CoreElement, Intervention, Procedure
from codify.report import REPORTERS
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def examples() -> dict[str, Intervention]:
    """Each example's model, by folder name, as `codify build` gets it from the checker."""
    specs = {}
    for path in EXAMPLES:
        result = check_file(path)
        assert result.spec is not None and result.diagnostics == [], result.diagnostics
        specs[path.parent.name] = result.spec
    return specs


@pytest.fixture(scope="module", params=[p.parent.name for p in EXAMPLES])
def view(request: pytest.FixtureRequest, examples: dict[str, Intervention]) -> Document:
    return build_document(examples[request.param], Branding())


# --- numbering ----------------------------------------------------------------------------------


def test_sections_are_numbered_in_order_then_lettered_as_appendices(view: Document) -> None:
    numbers = [s.number for s in view.sections]
    numbered = [n for n in numbers if n.isdigit()]
    lettered = [n for n in numbers if not n.isdigit()]
    assert numbered == [str(i) for i in range(1, len(numbered) + 1)]
    assert lettered == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[: len(lettered)])
    assert numbers == numbered + lettered  # appendices come last
    assert len({s.key for s in view.sections}) == len(view.sections)
    assert all(view.section(s.key) is s for s in view.sections)
    assert view.section("no-such-section") is None


def test_elements_criteria_and_references_are_numbered_in_spec_order(view: Document) -> None:
    spec = view.spec
    assert [(c.number, c.element.id) for c in view.core] == [
        (i, e.id) for i, e in enumerate(spec.core_elements, 1)
    ]
    assert [(a.number, a.element.id) for a in view.adaptable] == [
        (i, e.id) for i, e in enumerate(spec.adaptable_elements, 1)
    ]
    assert [(c.number, c.criterion.id) for c in view.criteria] == [
        (i, c.id) for i, c in enumerate(spec.fidelity.criteria, 1)
    ]
    assert [(r.number, r.reference.id) for r in view.references] == [
        (i, r.id) for i, r in enumerate(spec.references, 1)
    ]
    assert [(p.number, p.item.id) for p in view.proscribed] == [
        (i, p.id) for i, p in enumerate(spec.proscribed, 1)
    ]


# --- links both ways ------------------------------------------------------------------------------


def test_each_core_element_lists_what_points_at_it(view: Document) -> None:
    spec = view.spec
    adaptable = {a.id: a.name for a in spec.adaptable_elements}
    never = {p.id: p.practice for p in spec.proscribed}
    for core in view.core:
        ident = core.element.id
        assert [c.criterion.id for c in core.criteria] == [
            c.id for c in spec.fidelity.criteria if ident in c.core_elements
        ]
        assert [a.id for a in core.adaptations] == [
            a.id
            for a in spec.adaptable_elements
            if any(g.core_element == ident for g in a.guardrails)
        ]
        assert [p.id for p in core.proscribed] == [
            p.id for p in spec.proscribed if ident in p.core_elements
        ]
        for link in core.adaptations:
            assert (link.label, link.anchor) == (adaptable[link.id], f"adapt-{link.id}")
        for link in core.proscribed:
            assert (link.label, link.anchor) == (never[link.id], f"never-{link.id}")
    # At least one link of each kind exists, so the loops above compared something.
    assert all(any(getattr(c, kind) for c in view.core) for kind in ("criteria", "adaptations"))


def test_each_role_and_material_lists_the_parts_that_use_it(view: Document) -> None:
    spec = view.spec
    parts: list[tuple[str, CoreElement | AdaptableElement | Procedure]] = [
        *((f"core-{c.id}", c) for c in spec.core_elements),
        *((f"adapt-{a.id}", a) for a in spec.adaptable_elements),
        *((f"procedure-{p.id}", p) for p in spec.delivery.procedures),
    ]
    for role in view.roles:
        assert [link.anchor for link in role.involved] == [
            anchor for anchor, part in parts if role.role.id in part.roles
        ]
    for material in view.materials:
        assert [link.anchor for link in material.used_in] == [
            anchor for anchor, part in parts if material.material.id in part.materials
        ]
    assert any(r.involved for r in view.roles) and any(m.used_in for m in view.materials)


def test_links_carry_the_targets_label_and_anchor(view: Document) -> None:
    spec = view.spec
    names = {c.id: c.name for c in spec.core_elements}
    for criterion in view.criteria:
        for link in criterion.core:
            assert (link.label, link.anchor) == (names[link.id], f"core-{link.id}")
    for adaptable in view.adaptable:
        for guardrail in adaptable.guardrails:
            assert guardrail.core.anchor == f"core-{guardrail.guardrail.core_element}"


def test_an_unknown_id_under_force_stays_a_label_without_a_link(tmp_path: Path) -> None:
    source = next(p for p in EXAMPLES if p.parent.name == "schwartz_rounds")
    text = source.read_text(encoding="utf-8")
    for old, new in (
        ("core_elements: [story-then-reflection", "core_elements: [story-then-reflektion"),
        (
            "keeping-well-sel]\n    roles: [panellist, facilitator]",
            "keeping-well-sel]\n    roles: [panelist, facilitator]",
        ),
        (
            "- core_element: prepared-panel\n        note: Do not run Rounds",
            "- core_element: prepared-pannel\n        note: Do not run Rounds",
        ),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    spec_file = tmp_path / "intervention.yaml"
    spec_file.write_text(text, encoding="utf-8")
    result = check_file(spec_file)
    assert [d.code for d in result.diagnostics] == ["CR002"] * 3  # what --force lets through
    assert result.spec is not None
    view = build_document(result.spec, Branding())

    criterion_links = [link for c in view.criteria for link in c.core]
    role_links = [link for c in view.core for link in c.roles]
    guardrail_links = [g.core for a in view.adaptable for g in a.guardrails]
    for links, typo in (
        (criterion_links, "story-then-reflektion"),
        (role_links, "panelist"),
        (guardrail_links, "prepared-pannel"),
    ):
        unknown = [link for link in links if link.id == typo]
        assert [(link.label, link.anchor) for link in unknown] == [(typo, None)]
        assert all(link.anchor for link in links if link.id != typo)  # the rest still link
    # The element a typo meant does not claim what pointed at it.
    meant = next(c for c in view.core if c.element.id == "story-then-reflection")
    assert not any("story-then-reflektion" in c.criterion.core_elements for c in meant.criteria)


# --- reporters over nothing -----------------------------------------------------------------------

EMPTY = CheckResult([])


def _text(out: str) -> None:
    assert out == "All good: 0 files checked, no problems.\n"


def _json(out: str) -> None:
    assert json.loads(out) == {
        "version": 1,
        "files": [],
        "diagnostics": [],
        "suppressed": [],
        "notes": [],
    }


def _github(out: str) -> None:
    assert out == ""  # no workflow command at all, not even an empty line


def _sarif(out: str) -> None:
    log = json.loads(out)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def _junit(out: str) -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(out)
    assert root.tag == "testsuites" and list(root) == []
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("0", "0", "0")


def _gitlab(out: str) -> None:
    assert json.loads(out) == []  # GitLab reads an empty array as "no issues"


EMPTY_OUTPUT: dict[str, Callable[[str], None]] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
    "junit": _junit,
    "gitlab": _gitlab,
}


def test_every_reporter_has_an_expectation_for_an_empty_run() -> None:
    assert sorted(EMPTY_OUTPUT) == sorted(REPORTERS)


@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_each_reporter_over_a_run_that_checked_nothing(fmt: str, color: bool) -> None:
    out = REPORTERS[fmt](EMPTY, color)
    EMPTY_OUTPUT[fmt](out)
    assert "\x1b" not in out  # nothing to colour
