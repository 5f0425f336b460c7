"""The local handbook and local checklist: one organisation's version of a codified intervention.

A `LocalDocument` wraps the model's `Document` (codify.documents.view: the spec resolved once)
and the local profile (codify.local), pairing each part of the profile with the part of the
spec it answers: each adaptable element with the choice made for it, each role with who holds
it, each phase with its local dates, each readiness criterion with the organisation's own
assessment, and each local modification with the elements it touched. Templates in
templates/local/ render it, section by section as the handbook is (`LOCAL_HANDBOOK`); the DOCX
is made from the HTML (codify.documents.docx), so the two always say the same.

Nothing here formats text: profile text is untrusted like spec text and is rendered by the
same filters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from codify.config import Branding
from codify.documents.view import (
    AdaptableView,
    CoreView,
    CriterionView,
    Document,
    GuardrailView,
    Link,
    OptionView,
    ReferenceView,
    RoleView,
    Section,
    build_document,
)
from codify.local import Choice, Holder, LocalProfile, PhaseDates, Readiness
from codify.localcheck import match_option
from codify.model import Intervention, Modification, Phase, ReadinessCriterion
from codify.phrases import Phrasebook


@dataclass(frozen=True)
class LocalSectionSpec:
    """One section of the local handbook: its key, when it appears, and what it shows."""

    key: str
    present: Callable[[LocalDocument], bool]
    summary: str = ""


def _always(doc: LocalDocument) -> bool:
    return True


# The local handbook leads with what is done here and who does it, then the core that no one
# changes, then readiness, dates and the log of what was changed along the way.
LOCAL_HANDBOOK: tuple[LocalSectionSpec, ...] = (
    LocalSectionSpec("local-about", _always, "Who runs it, where, and which version it follows."),
    LocalSectionSpec(
        "local-choices",
        lambda d: bool(d.choices),
        "Each adaptable element: what is done here, beside what the model permits.",
    ),
    LocalSectionSpec(
        "local-core", _always, "The core elements and ruled-out practices, kept as the model has."
    ),
    LocalSectionSpec(
        "local-roles", lambda d: bool(d.roles), "Each role of the model and who holds it here."
    ),
    LocalSectionSpec(
        "local-readiness",
        lambda d: bool(d.readiness),
        "Each readiness criterion: met or not yet, with the evidence.",
    ),
    LocalSectionSpec(
        "local-pathway",
        lambda d: bool(d.phases) or d.profile.launch is not None,
        "The launch date and each phase of the pathway with its local dates.",
    ),
    LocalSectionSpec(
        "local-approvals",
        lambda d: bool(d.approvals),
        "The approvals asked for and given, choice by choice.",
    ),
    LocalSectionSpec(
        "local-modifications",
        lambda d: bool(d.modifications),
        "The local adaptation log, FRAME-coded, fidelity-inconsistent ones flagged.",
    ),
)


@dataclass(frozen=True)
class AcknowledgedGuardrail:
    """One guardrail of an adaptable element and how the local choice keeps to it."""

    guardrail: GuardrailView
    how: str | None


@dataclass(frozen=True)
class ChoiceView:
    """An adaptable element with the choice made for it here.

    `kind` is 'option', 'value', 'adaptation', 'default' or 'none' (no choice recorded);
    `chosen` is the permitted option it names, when it names exactly one.
    """

    element: AdaptableView
    choice: Choice | None
    kind: str
    chosen: OptionView | None
    guardrails: list[AcknowledgedGuardrail]

    @property
    def anchor(self) -> str:
        """The HTML id of the choice."""
        return f"local-{self.element.element.id}"


@dataclass(frozen=True)
class LocalRoleView:
    """A role of the model and who holds it here (none: not filled)."""

    role: RoleView
    holders: list[Holder]


@dataclass(frozen=True)
class PhaseView:
    """A phase of the model's pathway with its local dates, if the profile gives any."""

    phase: Phase
    number: int
    dates: PhaseDates | None


@dataclass(frozen=True)
class ReadinessView:
    """A readiness criterion of the model and the organisation's assessment of it."""

    criterion: ReadinessCriterion
    entry: Readiness | None

    @property
    def met(self) -> bool:
        """Whether the organisation says it is met."""
        return self.entry is not None and self.entry.status.value == "met"


@dataclass(frozen=True)
class LocalModificationView:
    """A modification made here, with the elements it touched resolved."""

    modification: Modification
    elements: list[Link]
    # The spec's references it was reported in, with their entries written out: the local
    # handbook has no reference list of its own for a citation to point at.
    references: list[ReferenceView] = field(default_factory=list)

    @property
    def inconsistent(self) -> bool:
        """Whether it departs from the model's core functions (flagged in every output)."""
        return self.modification.fidelity.value == "fidelity_inconsistent"


@dataclass(frozen=True)
class LocalDocument:
    """Everything the local handbook and checklist templates need: the model's document and
    the profile, paired part by part."""

    doc: Document
    profile: LocalProfile
    sections: list[Section]
    choices: list[ChoiceView]
    roles: list[LocalRoleView]
    phases: list[PhaseView]
    readiness: list[ReadinessView]
    modifications: list[LocalModificationView]
    # For each fidelity criterion (by id), the local choices whose guardrails protect a core
    # element it checks: what the local checklist shows beside the criterion.
    bearing: dict[str, list[ChoiceView]] = field(default_factory=dict)
    _by_key: dict[str, Section] = field(default_factory=dict, repr=False)

    @property
    def spec(self) -> Intervention:
        """The model's spec."""
        return self.doc.spec

    @property
    def book(self) -> Phrasebook:
        """The phrasebook, in the document's language."""
        return self.doc.book

    @property
    def organisation(self) -> str:
        """The adopting organisation's name (profile text)."""
        return self.profile.organisation.name

    @property
    def place(self) -> str:
        """Where 'At {place}, ...' sentences put the choice: the one site, or the organisation."""
        sites = self.profile.organisation.sites
        return sites[0].name if len(sites) == 1 else self.profile.organisation.name

    @property
    def followed(self) -> str:
        """The versions of the model the profile follows, as its range says ('>=1.0,<2')."""
        return self.profile.adopts.version

    @property
    def approvals(self) -> list[ChoiceView]:
        """The choices with an approval recorded, in the spec's order."""
        return [c for c in self.choices if c.choice is not None and c.choice.approval]

    @property
    def core(self) -> list[CoreView]:
        """The core elements, which the local version keeps as the model has them."""
        return self.doc.core

    @property
    def criteria(self) -> list[CriterionView]:
        """The model's fidelity criteria, as the local checklist rates them."""
        return self.doc.criteria

    @property
    def inconsistent(self) -> list[LocalModificationView]:
        """The modifications that depart from the model's core functions."""
        return [m for m in self.modifications if m.inconsistent]

    def section(self, key: str) -> Section | None:
        """The section with this key, or None when the profile has nothing for it."""
        return self._by_key.get(key)

    @property
    def banner_key(self) -> str | None:
        """The model's status banner, which the local documents carry as its own do."""
        return self.doc.banner_key


def _choice_kind(choice: Choice | None) -> str:
    if choice is None:
        return "none"
    if choice.keep_default:
        return "default"
    if choice.option is not None:
        return "option"
    if choice.value is not None:
        return "value"
    return "adaptation" if choice.adaptation is not None else "none"


def _choice(view: AdaptableView, choice: Choice | None) -> ChoiceView:
    chosen = None
    if choice is not None and choice.option is not None:
        found = match_option(choice.option, view.element.adaptations.options)
        if len(found) == 1:
            chosen = view.options[found[0]]
    said = choice.guardrails if choice is not None else {}
    return ChoiceView(
        view,
        choice,
        _choice_kind(choice),
        chosen,
        [AcknowledgedGuardrail(g, said.get(g.guardrail.core_element)) for g in view.guardrails],
    )


def _local_sections(doc: LocalDocument, book: Phrasebook) -> list[Section]:
    out: list[Section] = []
    for sec in LOCAL_HANDBOOK:
        if sec.present(doc):
            number = str(len(out) + 1)
            title = book.fill(f"section.{sec.key}")
            out.append(Section(sec.key, number, title, number, f"local/sections/{sec.key}"))
    return out


def build_local_document(
    spec: Intervention,
    profile: LocalProfile,
    branding: Branding,
    logo: str | None = None,
    book: Phrasebook | None = None,
) -> LocalDocument:
    """Resolve a spec and a profile that adopts it into the one view the local outputs read."""
    doc = build_document(spec, branding, logo, book=book)
    book = doc.book
    choices = [_choice(a, profile.choices.get(a.element.id)) for a in doc.adaptable]
    roles = [LocalRoleView(r, profile.roles.get(r.role.id, [])) for r in doc.roles]
    phases = [PhaseView(p, i, profile.pathway.get(p.id)) for i, p in enumerate(spec.pathway, 1)]
    readiness = [ReadinessView(c, profile.readiness.get(c.id)) for c in spec.readiness]
    labels = {e.id: Link(e.id, e.name, f"core-{e.id}", "core") for e in spec.core_elements}
    labels.update(
        {e.id: Link(e.id, e.name, f"local-{e.id}", "adapt") for e in spec.adaptable_elements}
    )
    cited = {r.reference.id: r for r in doc.references}
    modifications = [
        LocalModificationView(
            m,
            [labels.get(e) or Link(e, e) for e in m.elements],
            [cited[r] for r in m.references if r in cited],
        )
        for m in profile.modifications
    ]
    # Which choices bear on each criterion: those guarding a core element it checks.
    guarding: dict[str, list[ChoiceView]] = {}
    for c in choices:
        for core_id in dict.fromkeys(g.core_element for g in c.element.element.guardrails):
            guarding.setdefault(core_id, []).append(c)
    bearing: dict[str, list[ChoiceView]] = {}
    for crit in doc.criteria:
        found: dict[str, ChoiceView] = {}
        for core_id in crit.criterion.core_elements:
            for c in guarding.get(core_id, []):
                found.setdefault(c.element.element.id, c)
        bearing[crit.criterion.id] = list(found.values())
    local = LocalDocument(
        doc, profile, [], choices, roles, phases, readiness, modifications, bearing
    )
    sections = _local_sections(local, book)
    return LocalDocument(
        doc,
        profile,
        sections,
        choices,
        roles,
        phases,
        readiness,
        modifications,
        bearing,
        {s.key: s for s in sections},
    )


# --- rendering ----------------------------------------------------------------------------------

LOCAL_FILES = {
    "local-handbook.html": "local/handbook.html",
    "local-handbook.md": "local/handbook.md",
    "local-checklist.html": "local/checklist.html",
    "local-checklist.md": "local/checklist.md",
    # The model's blank assessment, with the site filled in: what `codify score` reads.
    "local-assessment.yaml": "checklist/assessment.yaml",
}
# Each Word file is made from the HTML of the same document, and so is each PDF.
DOCX_SOURCES = {
    "local-handbook.docx": "local-handbook.html",
    "local-checklist.docx": "local-checklist.html",
}
PDF_SOURCES = {
    "local-handbook.pdf": "local-handbook.html",
    "local-checklist.pdf": "local-checklist.html",
}


def render_local(env: Any, local: LocalDocument, *, docx: bool) -> dict[str, bytes]:
    """Every file of one profile's build but its PDFs, as bytes keyed by name.

    The local checklist is made only when the model has fidelity criteria. Raises
    TemplateFailure (codify.render.templates) for a template that fails.
    """
    from codify.render.templates import render

    out: dict[str, bytes] = {}
    for target, template in LOCAL_FILES.items():
        if target.startswith(("local-checklist", "local-assessment")) and not local.criteria:
            continue
        context: dict[str, Any] = {"local": local, "doc": local.doc, "spec": local.spec}
        sites = local.profile.organisation.sites
        if len(sites) == 1:  # an organisation of several sites assesses each on its own
            context["site"] = sites[0].name
        if target.endswith(".html"):
            context["xref_href"] = _anchor_href
        out[target] = render(env, template, **context).encode("utf-8")
    if docx:
        from codify.documents.docx import html_to_docx

        for target, source in DOCX_SOURCES.items():
            if source in out:
                out[target] = html_to_docx(out[source].decode("utf-8"))
    return out


def _anchor_href(target: Link) -> str:
    return f"#{target.anchor}"
