"""The typed view of one spec that the handbook and checklist templates receive.

Templates get the `Intervention` model itself (`doc.spec`) plus this `Document`, which resolves
the ids the spec uses to point at its own parts (roles, materials, core elements, criteria,
references) into `Link`s with a label and an anchor, numbers the sections and criteria, and
fills in the TIDieR appendix. Nothing here formats text: spec text stays Markdown and is
rendered by the template filters (`md`, `md_inline`, `md_safe`, `plain`).

A spec built with `--force` may point at ids it never declares; such a `Link` keeps the id as
its label and has no anchor, so templates print it without a link instead of failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from codify.config import Branding
from codify.model import (
    AdaptableElement,
    AdoptionFigure,
    Anchor,
    CoreElement,
    Criterion,
    DomainRating,
    Evidence,
    FidelityResult,
    Guardrail,
    Intervention,
    LocalAdaptation,
    Material,
    Modification,
    Outcome,
    Procedure,
    Proscribed,
    Range,
    Reference,
    Role,
    ScaleKind,
    SpreadModel,
    Variant,
)
from codify.render.text import words
from codify.rules import scale_range
from codify.tidier import TidierRow, checklist


@dataclass(frozen=True)
class Link:
    """A pointer from one part of the spec to another: the target's label and anchor."""

    id: str
    label: str
    anchor: str | None = None


T = TypeVar("T")


@dataclass(frozen=True)
class Cited(Generic[T]):
    """Something from the spec with the references it cites resolved."""

    item: T
    references: list[Link]


@dataclass(frozen=True)
class Section:
    """A numbered section of the handbook, as listed in its table of contents."""

    key: str
    number: str
    title: str

    @property
    def anchor(self) -> str:
        """The HTML id of the section's heading."""
        return self.key

    @property
    def label(self) -> str:
        """The section's number as printed: '3', or 'Appendix A'."""
        return self.number if self.number.isdigit() else f"Appendix {self.number}"

    @property
    def heading(self) -> str:
        """The heading text, with its number: '3. What you must keep' or 'Appendix A. ...'."""
        return f"{self.label}. {self.title}"

    @property
    def slug(self) -> str:
        """The anchor GitHub and MkDocs give the Markdown heading, for Markdown links."""
        return re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", self.heading.lower())).strip("-")


@dataclass(frozen=True)
class Point:
    """One point of a criterion's scale: the score, a short name, and what earns it."""

    score: int
    name: str
    description: str | None


@dataclass(frozen=True)
class CriterionView:
    """A fidelity criterion with its number, the core elements it protects and its scale."""

    criterion: Criterion
    number: int
    core: list[Link]
    points: list[Point]
    low: int
    high: int

    @property
    def anchor(self) -> str:
        """The HTML id of the criterion."""
        return f"criterion-{self.criterion.id}"

    @property
    def is_yes_no(self) -> bool:
        """Whether the criterion is scored yes (1) or no (0)."""
        return self.criterion.scale.kind == ScaleKind.yes_no

    @property
    def minimum_label(self) -> str | None:
        """The minimum a must-pass criterion needs: 'yes', '5', or '4 or more'."""
        low = self.criterion.minimum
        if low is None:
            return None
        if self.is_yes_no:
            return "yes"
        return str(low) if low >= self.high else f"{low} or more"

    @property
    def minimum_text(self) -> str | None:
        """What a must-pass criterion demands, in words, or None when it has no minimum."""
        if self.minimum_label is None:
            return None
        if self.is_yes_no:
            return "Must-pass: the answer must be yes, whatever the total score."
        return f"Must-pass: the rating must be {self.minimum_label}, whatever the total score."

    @property
    def scale_text(self) -> str:
        """The scale in words, e.g. 'Yes (1) or no (0)' or 'Rated 1 to 5'."""
        if self.is_yes_no:
            return "Yes (1) or no (0)"
        return f"Rated {self.low} to {self.high}"


@dataclass(frozen=True)
class CoreView:
    """A core element with everything that refers to it resolved."""

    element: CoreElement
    number: int
    roles: list[Link]
    materials: list[Link]
    evidence: list[Link]
    criteria: list[CriterionView]
    adaptations: list[Link]
    proscribed: list[Link]

    @property
    def anchor(self) -> str:
        """The HTML id of the element."""
        return f"core-{self.element.id}"


@dataclass(frozen=True)
class GuardrailView:
    """A guardrail: the core element to protect, and how an adaptation could undermine it."""

    guardrail: Guardrail
    core: Link


@dataclass(frozen=True)
class ExampleView:
    """A real local adaptation, with its reference resolved."""

    example: LocalAdaptation
    reference: Link | None


@dataclass(frozen=True)
class AdaptableView:
    """An adaptable element with its guardrails, roles and materials resolved."""

    element: AdaptableElement
    number: int
    guardrails: list[GuardrailView]
    examples: list[ExampleView]
    roles: list[Link]
    materials: list[Link]

    @property
    def anchor(self) -> str:
        """The HTML id of the element."""
        return f"adapt-{self.element.id}"


@dataclass(frozen=True)
class ProscribedView:
    """Something adopters must never do, with the core elements it would undermine."""

    item: Proscribed
    number: int
    core: list[Link]

    @property
    def anchor(self) -> str:
        """The HTML id of the item."""
        return f"never-{self.item.id}"


@dataclass(frozen=True)
class RoleView:
    """A role, with the core elements and procedures it takes part in."""

    role: Role
    involved: list[Link]

    @property
    def anchor(self) -> str:
        """The HTML id of the role."""
        return f"role-{self.role.id}"


@dataclass(frozen=True)
class MaterialView:
    """A material, with where its file was copied in the output (if it was)."""

    material: Material
    file: str | None
    used_in: list[Link]

    @property
    def anchor(self) -> str:
        """The HTML id of the material."""
        return f"material-{self.material.id}"


@dataclass(frozen=True)
class ProcedureView:
    """A delivery procedure with its roles and materials resolved."""

    procedure: Procedure
    number: int
    roles: list[Link]
    materials: list[Link]


@dataclass(frozen=True)
class EvidenceView:
    """A piece of evidence, with its reference resolved."""

    evidence: Evidence
    reference: Link


@dataclass(frozen=True)
class ReferenceView:
    """A reference with its number and a short citation label such as 'Maben et al. 2018'."""

    reference: Reference
    number: int
    label: str

    @property
    def anchor(self) -> str:
        """The HTML id of the reference."""
        return f"ref-{self.reference.id}"


@dataclass(frozen=True)
class OutcomeView:
    """An outcome, with the references that used its measure."""

    outcome: Outcome
    references: list[Link]


@dataclass(frozen=True)
class ModificationView:
    """A recorded modification, with the elements it touched resolved."""

    modification: Modification
    elements: list[Link]
    references: list[Link]


@dataclass(frozen=True)
class DomainView:
    """One NASSS domain and its rating."""

    name: str
    rating: DomainRating


@dataclass(frozen=True)
class TidierView:
    """One TIDieR item: where the spec answers it, the answer itself, and the sections."""

    row: TidierRow
    answer: list[str]
    sections: list[Link]


@dataclass(frozen=True)
class Document:
    """Everything the handbook and checklist templates need, typed."""

    spec: Intervention
    branding: Branding
    logo: str | None
    sections: list[Section]
    core: list[CoreView]
    adaptable: list[AdaptableView]
    proscribed: list[ProscribedView]
    roles: list[RoleView]
    materials: list[MaterialView]
    procedures: list[ProcedureView]
    criteria: list[CriterionView]
    evidence: list[EvidenceView]
    references: list[ReferenceView]
    outcomes: list[OutcomeView]
    modifications: list[ModificationView]
    origin_references: list[Link]
    variants: list[Cited[Variant]]
    adoption: list[Cited[AdoptionFigure]]
    results: list[Cited[FidelityResult]]
    complexity: list[DomainView]
    tidier: list[TidierView]
    score_min: int
    score_max: int
    _by_key: dict[str, Section] = field(default_factory=dict, repr=False)

    def section(self, key: str) -> Section | None:
        """The section with this key, or None when the spec has nothing for it."""
        return self._by_key.get(key)

    @property
    def title(self) -> str:
        """The intervention's name, with its short name when it has one."""
        s = self.spec
        if s.short_name and s.short_name != s.name:
            return f"{s.name} ({s.short_name})"
        return s.name

    @property
    def version(self) -> str:
        """'Version 1.2.0', as printed on every page."""
        return f"Version {self.spec.version}"

    @property
    def standard_min(self) -> int | None:
        """The lowest total score that meets the standard, if a band marks one."""
        lows = [b.min for b in self.spec.fidelity.bands if b.meets_standard]
        return min(lows) if lows else None

    @property
    def spread_model_text(self) -> str:
        """What the spread model means for an adopter, in a sentence."""
        return SPREAD_MODELS[self.spec.licence.spread_model]

    @property
    def must_pass(self) -> list[CriterionView]:
        """The criteria with a minimum rating that every site must reach."""
        return [c for c in self.criteria if c.criterion.minimum is not None]

    @property
    def standard_bands(self) -> list[str]:
        """The labels of the bands that meet the standard."""
        return [b.label for b in self.spec.fidelity.bands if b.meets_standard]


SPREAD_MODELS: dict[SpreadModel, str] = {
    SpreadModel.open: "Anyone may adopt it, free of charge, using this handbook.",
    SpreadModel.dissemination: (
        "It is shared through guidance, training and events; adopters run it themselves."
    ),
    SpreadModel.licence: (
        "Adopters take out a licence from the holder and agree to its terms before starting."
    ),
    SpreadModel.franchise: (
        "Adopters join as franchisees: they must meet the holder's standard to use the name."
    ),
    SpreadModel.network: (
        "Adopters join a network that trains, supports and assures the sites that deliver it."
    ),
    SpreadModel.direct: "The originating organisation delivers it in other places itself.",
}

# --- building the view ------------------------------------------------------------------------

# The handbook's sections: key, title, and whether a spec has anything to put in it.
_SECTIONS: tuple[tuple[str, str, bool], ...] = (
    ("about", "What it is and why it works", True),
    ("at-a-glance", "At a glance: keep, adapt, never", True),
    ("core", "What you must keep: the core elements", True),
    ("adaptable", "What you may adapt", True),
    ("proscribed", "What you must never do", True),
    ("roles", "Roles and time commitment", True),
    ("materials", "Materials", True),
    ("readiness", "Readiness checklist", True),
    ("pathway", "Implementation, step by step", True),
    ("delivery", "Delivery: when and how much", True),
    ("fidelity", "Fidelity self-assessment", True),
    ("outcomes", "Outcomes and how to measure them", True),
    ("support", "Support, licence and obligations", True),
    ("glossary", "Glossary", True),
    ("references", "References", True),
    ("tidier", "TIDieR checklist", False),
    ("modifications", "Modifications recorded so far", False),
    ("complexity", "Complexity (NASSS)", False),
)


def _sections(spec: Intervention) -> list[Section]:
    present = {
        "adaptable": bool(spec.adaptable_elements),
        "proscribed": bool(spec.proscribed),
        "materials": bool(spec.materials),
        "readiness": bool(spec.readiness),
        "glossary": bool(spec.glossary),
        "references": bool(spec.references),
        "modifications": bool(spec.modifications),
        "complexity": spec.complexity is not None,
    }
    out: list[Section] = []
    number = 0
    letter = 0
    for key, title, numbered in _SECTIONS:
        if not present.get(key, True):
            continue
        if numbered:
            number += 1
            out.append(Section(key, str(number), title))
        else:
            out.append(Section(key, "ABCDEFGH"[letter], title))
            letter += 1
    return out


def range_text(r: Range) -> str:
    """A permitted range in words: 'from 30 to 60 minutes', 'at least 3 panellists'."""

    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)

    if r.min is not None and r.max is not None:
        return f"from {num(r.min)} to {num(r.max)} {r.unit}"
    if r.min is not None:
        return f"at least {num(r.min)} {r.unit}"
    if r.max is not None:
        return f"up to {num(r.max)} {r.unit}"
    return r.unit


def citation_label(ref: Reference) -> str:
    """A short citation: the first author (or corporate author) and the year."""
    from codify.render.text import plain

    authors = plain(ref.authors)
    first = re.split(r",|;| and | & ", authors, maxsplit=1)[0].strip()
    several = first != authors.strip().rstrip(".")
    year = ref.year if ref.year is not None else "n.d."
    return f"{first}{' et al.' if several else ''} {year}"


class _Resolver:
    """Turns ids into Links, keeping unknown ids as plain labels."""

    def __init__(self, spec: Intervention, refs: dict[str, ReferenceView]) -> None:
        self.labels: dict[str, dict[str, tuple[str, str]]] = {
            "role": {r.id: (r.title, f"role-{r.id}") for r in spec.roles},
            "material": {m.id: (m.title, f"material-{m.id}") for m in spec.materials},
            "core": {c.id: (c.name, f"core-{c.id}") for c in spec.core_elements},
            "adapt": {a.id: (a.name, f"adapt-{a.id}") for a in spec.adaptable_elements},
            "never": {p.id: (p.practice, f"never-{p.id}") for p in spec.proscribed},
            "procedure": {p.id: (p.name, f"procedure-{p.id}") for p in spec.delivery.procedures},
            "ref": {r.reference.id: (r.label, r.anchor) for r in refs.values()},
        }

    def one(self, kind: str, ident: str) -> Link:
        found = self.labels[kind].get(ident)
        return Link(ident, found[0], found[1]) if found else Link(ident, ident)

    def many(self, kind: str, idents: list[str]) -> list[Link]:
        return [self.one(kind, i) for i in idents]

    def element(self, ident: str) -> Link:
        """A core or adaptable element (modifications may touch either)."""
        kind = "core" if ident in self.labels["core"] else "adapt"
        return self.one(kind, ident)


def _points(crit: Criterion) -> tuple[list[Point], int, int]:
    scale = crit.scale
    if scale.kind == ScaleKind.yes_no:
        return [Point(1, "Yes", scale.yes), Point(0, "No", None)], 0, 1
    anchors: dict[int, Anchor] = {a.score: a for a in scale.anchors}
    scores = sorted(anchors)
    low = scale.min if scale.min is not None else (scores[0] if scores else 0)
    high = scale.max if scale.max is not None else (scores[-1] if scores else low)
    span = sorted(set(range(low, high + 1)) | set(scores)) if high - low <= 100 else scores
    points = [Point(s, str(s), anchors[s].description if s in anchors else None) for s in span]
    return points, low, high


def _tidier(s: Intervention, sections: list[Section]) -> list[TidierView]:
    from codify.render.text import plain

    by_key = {sec.key: sec for sec in sections}
    d = s.delivery
    answers: dict[int, tuple[list[str], list[str]]] = {
        1: ([s.name] + ([s.short_name] if s.short_name else []), ["about"]),
        2: ([s.rationale.summary], ["about", "core"]),
        3: ([m.title for m in s.materials], ["materials"]),
        4: ([p.name for p in d.procedures], ["delivery", "core"]),
        5: ([r.title for r in s.roles], ["roles"]),
        6: (
            [
                "Mode: " + ", ".join(words(m) for m in d.modes),
                "Format: " + ", ".join(words(f) for f in d.formats),
            ],
            ["delivery"],
        ),
        7: ([st.type for st in s.settings], ["about"]),
        8: (
            [f"Schedule: {plain(d.schedule)}", f"Duration: {plain(d.duration)}"]
            + ([f"Intensity: {plain(d.intensity)}"] if d.intensity else [])
            + ([f"Period: {plain(d.period)}"] if d.period else []),
            ["delivery"],
        ),
        9: ([a.name for a in s.adaptable_elements], ["adaptable"]),
        10: ([m.description for m in s.modifications], ["modifications"]),
        11: (
            [
                f"{len(s.fidelity.criteria)} criteria, {len(s.fidelity.bands)} scoring bands",
                f"Assessors: {plain(s.fidelity.assessors)}",
                f"Frequency: {plain(s.fidelity.frequency)}",
            ],
            ["fidelity"],
        ),
        12: (
            [f"{r.site} ({r.date}): {plain(r.summary)}" for r in s.fidelity.results],
            ["fidelity"],
        ),
    }
    out = []
    for row in checklist(s):
        answer, keys = answers[row.item.number]
        if row.status != "answered":
            answer = []
        links = [Link(k, by_key[k].heading, k) for k in keys if k in by_key]
        out.append(TidierView(row, answer, links))
    return out


def build_document(
    spec: Intervention,
    branding: Branding,
    logo: str | None = None,
    material_files: dict[str, str] | None = None,
) -> Document:
    """Resolve a spec into the typed view its templates receive."""
    material_files = material_files or {}
    refs = {r.id: ReferenceView(r, i, citation_label(r)) for i, r in enumerate(spec.references, 1)}
    res = _Resolver(spec, refs)

    criteria = []
    for i, crit in enumerate(spec.fidelity.criteria, 1):
        points, low, high = _points(crit)
        criteria.append(
            CriterionView(crit, i, res.many("core", crit.core_elements), points, low, high)
        )

    # What points at each core element, indexed once: looking it up element by element grew
    # with the square of the spec (minutes at 10,000 elements). Each list keeps spec order.
    checked_by: dict[str, list[CriterionView]] = {}
    for c in criteria:
        for core_id in dict.fromkeys(c.criterion.core_elements):
            checked_by.setdefault(core_id, []).append(c)
    adapted_by: dict[str, list[str]] = {}
    for a in spec.adaptable_elements:
        for core_id in dict.fromkeys(g.core_element for g in a.guardrails):
            adapted_by.setdefault(core_id, []).append(a.id)
    proscribed_by: dict[str, list[str]] = {}
    for p in spec.proscribed:
        for core_id in dict.fromkeys(p.core_elements):
            proscribed_by.setdefault(core_id, []).append(p.id)

    core = []
    for i, el in enumerate(spec.core_elements, 1):
        core.append(
            CoreView(
                el,
                i,
                res.many("role", el.roles),
                res.many("material", el.materials),
                res.many("ref", el.evidence),
                checked_by.get(el.id, []),
                [res.one("adapt", a) for a in adapted_by.get(el.id, [])],
                [res.one("never", p) for p in proscribed_by.get(el.id, [])],
            )
        )

    adaptable = [
        AdaptableView(
            a,
            i,
            [GuardrailView(g, res.one("core", g.core_element)) for g in a.guardrails],
            [
                ExampleView(e, res.one("ref", e.reference) if e.reference else None)
                for e in a.examples
            ],
            res.many("role", a.roles),
            res.many("material", a.materials),
        )
        for i, a in enumerate(spec.adaptable_elements, 1)
    ]
    proscribed = [
        ProscribedView(p, i, res.many("core", p.core_elements))
        for i, p in enumerate(spec.proscribed, 1)
    ]

    def users(kind: str, ident: str) -> list[Link]:
        found = [res.one("core", c.id) for c in spec.core_elements if ident in getattr(c, kind)]
        found += [
            res.one("adapt", a.id) for a in spec.adaptable_elements if ident in getattr(a, kind)
        ]
        found += [
            res.one("procedure", p.id)
            for p in spec.delivery.procedures
            if ident in getattr(p, kind)
        ]
        return found

    roles = [RoleView(r, users("roles", r.id)) for r in spec.roles]
    materials = [
        MaterialView(m, material_files.get(m.id), users("materials", m.id)) for m in spec.materials
    ]
    procedures = [
        ProcedureView(p, i, res.many("role", p.roles), res.many("material", p.materials))
        for i, p in enumerate(spec.delivery.procedures, 1)
    ]
    evidence = [EvidenceView(e, res.one("ref", e.reference)) for e in spec.evidence]
    outcomes = [OutcomeView(o, res.many("ref", o.references)) for o in spec.outcomes]
    modifications = [
        ModificationView(
            m,
            [res.element(e) for e in m.elements],
            res.many("ref", m.references),
        )
        for m in spec.modifications
    ]
    complexity = []
    if spec.complexity is not None:
        for name in type(spec.complexity).model_fields:
            rating = getattr(spec.complexity, name)
            complexity.append(DomainView(words(name).capitalize(), rating))
    sections = _sections(spec)
    low, high = scale_range(spec)
    return Document(
        spec=spec,
        branding=branding,
        logo=logo,
        sections=sections,
        core=core,
        adaptable=adaptable,
        proscribed=proscribed,
        roles=roles,
        materials=materials,
        procedures=procedures,
        criteria=criteria,
        evidence=evidence,
        references=list(refs.values()),
        outcomes=outcomes,
        modifications=modifications,
        origin_references=res.many("ref", spec.origin.references),
        variants=[Cited(v, res.many("ref", v.references)) for v in spec.variants],
        adoption=[
            Cited(a, res.many("ref", [a.reference] if a.reference else [])) for a in spec.adoption
        ],
        results=[
            Cited(r, res.many("ref", [r.reference] if r.reference else []))
            for r in spec.fidelity.results
        ],
        complexity=complexity,
        tidier=_tidier(spec, sections),
        score_min=low,
        score_max=high,
        _by_key={s.key: s for s in sections},
    )
