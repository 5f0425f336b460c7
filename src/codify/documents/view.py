"""The document model: the one typed view of a spec that every output is made from.

Templates get the `Intervention` model itself (`doc.spec`) plus this `Document`, which resolves
the ids the spec uses to point at its own parts (roles, materials, core elements, criteria,
references) into `Link`s with a label and an anchor, numbers the sections and criteria, and
fills in the TIDieR appendix. Spec text is never formatted here: it stays Markdown and is
rendered by the template filters (codify.render.filters: `md_html`, `md_block`, `plain`, ...).

One `Document` serves every output: the handbook and checklist in each syntax, and every page
of the site. A `Link` names its target by kind and id, and each output turns it into its own
kind of link (an in-page anchor, a page URL), so cross-references are resolved once. Every
sentence codify adds (scale wording, must-pass rules, the spread model) comes from the
phrasebook in the document's language.

A spec built with `--force` may point at ids it never declares; such a `Link` keeps the id as
its label and has no anchor, so templates print it without a link instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from markupsafe import Markup

from codify import dates, xref
from codify.config import Branding
from codify.documents.citations import Entry, bibliography
from codify.documents.facts import (
    Extras,
    Fact,
    Item,
    build_extras,
    count_words,
    endpoint_items,
    evidence_facts,
    party_words,
)
from codify.documents.sections import HANDBOOK, SectionSpec
from codify.model import (
    AdaptableElement,
    AdoptionFigure,
    Anchor,
    Audience,
    Band,
    CoreElement,
    Criterion,
    DomainRating,
    Evidence,
    FidelityResult,
    Guardrail,
    Intervention,
    Licence,
    LocalAdaptation,
    Material,
    Modification,
    Outcome,
    Party,
    Procedure,
    Proscribed,
    Reference,
    Role,
    ScaleKind,
    SpreadModel,
    Status,
    Step,
    Variant,
)
from codify.phrases import Phrasebook, all_phrases
from codify.render.text import plain
from codify.scoring import scale_range
from codify.tidier import TidierRow, checklist


@dataclass(frozen=True)
class Link:
    """A pointer from one part of the spec to another: the target's kind, id, label, anchor.

    `kind` is 'core', 'adapt', 'never', 'role', 'material', 'procedure', 'ref', 'criterion'
    or 'section'; `anchor` is None when the id is not declared (only under --force).
    """

    id: str
    label: str
    anchor: str | None = None
    kind: str = ""


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
    label: str  # the number as printed: '3', or 'Appendix A'
    template: str  # the section's template, without its syntax: 'handbook/sections/core'

    @property
    def anchor(self) -> str:
        """The HTML id of the section's heading."""
        return self.key

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

    scale_text: str  # 'Yes (1) or no (0)', 'Rated 1 to 5'
    minimum_label: str | None  # what a must-pass criterion needs: 'yes', '5', '4 or more'
    minimum_text: str | None  # the must-pass rule in a sentence: 'Must-pass: the rating ...'
    minimum_rule: str | None  # the same after a Must-pass tag: 'The rating must be ...'

    @property
    def is_yes_no(self) -> bool:
        """Whether the criterion is scored yes (1) or no (0)."""
        return self.criterion.scale.kind == ScaleKind.yes_no


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
class OptionView:
    """One permitted choice, with its own approval rule when it has one."""

    text: str
    requires_approval: bool | None = None
    note: str | None = None


@dataclass(frozen=True)
class AdaptableView:
    """An adaptable element with its guardrails, roles and materials resolved."""

    element: AdaptableElement
    number: int
    guardrails: list[GuardrailView]
    examples: list[ExampleView]
    roles: list[Link]
    materials: list[Link]
    options: list[OptionView] = field(default_factory=list)

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
    references: list[Link] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The HTML id of the role."""
        return f"role-{self.role.id}"

    @property
    def need_key(self) -> str | None:
        """'roles.required' or 'roles.optional' as the author said, None when they did not."""
        if self.role.required is None:
            return None
        return "roles.required" if self.role.required else "roles.optional"


@dataclass(frozen=True)
class RoleGroup:
    """Roles that belong to one party, under its heading (None: one list, no party stated).

    A listed party's heading fills `{name}` with its name (spec text)."""

    heading_key: str | None
    roles: list[RoleView]
    name: str = ""


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
    """A piece of evidence, with its references resolved and its kind, direction and
    certainty as facts."""

    evidence: Evidence
    reference: Link
    facts: list[Fact] = field(default_factory=list)
    endpoints: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class ReferenceView:
    """A reference as the citation style cites and lists it (codify.documents.citations).

    `label` is the in-text citation without its brackets ('1' in Vancouver, 'Maben et al.,
    2018' in APA); `entry` the reference-list entry, written out by `entry_html` and
    `entry_markdown`, which escape its spec text; `number` the position in the list, which is
    shown when the style is numbered (`numbered`).
    """

    reference: Reference
    number: int
    label: str
    entry: Entry
    numbered: bool

    @property
    def anchor(self) -> str:
        """The HTML id of the reference."""
        return f"ref-{self.reference.id}"

    @property
    def entry_html(self) -> Markup:
        """The entry as HTML for the handbook and checklist: text escaped, links judged safe."""
        return self.entry.html()

    @property
    def entry_markdown(self) -> Markup:
        """The entry as one line of Markdown for handbook.md and the site, every character of
        its text escaped."""
        return self.entry.markdown()


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
    book: Phrasebook
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
    verdict_references: list[Link]
    tidier: list[TidierView]
    score_min: int
    score_max: int
    _by_key: dict[str, Section] = field(default_factory=dict, repr=False)
    # What each id a cross-reference in prose may name points at (codify.xref).
    targets: dict[str, Link] = field(default_factory=dict, repr=False)
    # Parties, components, technology, guidance and the other descriptive parts (facts.py).
    extras: Extras = field(default_factory=Extras)

    def party(self, ident: str | None) -> str | None:
        """Who a `party:` names, in words (a listed organisation's name, or the kind's)."""
        return party_words(self.spec, ident, self.book)

    def count_text(self, figure: AdoptionFigure) -> str | None:
        """An adoption figure's count as exact as the spec says: 'more than 400 food banks'."""
        if figure.count is None:
            return None
        shown = count_words(figure.count, figure.qualifier, figure.unit, self.book)
        if figure.out_of is not None:
            return self.book.fill("adoption.count_of", count=shown, out_of=f"{figure.out_of:,}")
        return shown

    def step_roles(self, step: Step) -> list[Link]:
        """The roles a pathway step names, resolved (shown as "Roles: ...")."""
        return [self.targets.get(i) or Link(i, i, None, "role") for i in step.roles]

    def step_materials(self, step: Step) -> list[Link]:
        """The materials a pathway step names, resolved (shown as "Materials: ...")."""
        return [self.targets.get(i) or Link(i, i, None, "material") for i in step.materials]

    def xref_label(self, ref: xref.XRef) -> str:
        """The words a cross-reference shows: the author's, else the target's name.

        A reference is cited as the documents cite it, in brackets; an id nothing defines
        (only under --force) is shown as words.
        """
        target = self.targets.get(ref.id)
        if ref.words:
            return ref.words
        if target is None:
            return xref.as_words(ref.id)
        return f"({target.label})" if target.kind == "ref" else plain(target.label)

    def words(self, text: str | None) -> str:
        """Spec text as plain words, cross-references as their targets' names: CSV cells."""
        return plain(xref.expand(text or "", self.xref_label))

    def section(self, key: str) -> Section | None:
        """The section with this key, or None when the spec has nothing for it."""
        return self._by_key.get(key)

    @property
    def title(self) -> str:
        """The intervention's name, with its short name when the name does not already say it.

        'Schwartz Rounds' with the short name 'Rounds' stays 'Schwartz Rounds', and 'RAID:
        Rapid Assessment ...' with 'RAID' stays as it is: the short name is added only when it
        is not a word (or words) of the name, whatever the case.
        """
        import re

        s = self.spec
        short = s.short_name.strip() if s.short_name else ""
        if short and not re.search(rf"(?<!\w){re.escape(short)}(?!\w)", s.name, re.IGNORECASE):
            return f"{s.name} ({s.short_name})"
        return s.name

    @property
    def version(self) -> str:
        """'Version 1.2.0', as printed on every page."""
        return self.book.fill("doc.version", version=self.spec.version)

    @property
    def record(self) -> bool:
        """Whether this is the record of a tested intervention, not material for adopting it.

        A not-recommended or retired intervention is never written up as something to adopt:
        its documents carry the verdict and word every fact as a record.
        """
        return self.spec.status in (Status.not_recommended, Status.retired)

    def say(self, key: str, n: int | None = None, **values: object) -> str:
        """A phrase as plain text, in this document's language and framing."""
        return self.book.fill(self.book.framed(key, self.record), n, **values)

    @property
    def banner_key(self) -> str | None:
        """The phrase of the warning every page of every output carries, or None.

        Its `{verdict}` slot takes the verdict's summary (spec text, escaped by the output).
        """
        key = f"status.{self.spec.status.value}.banner"
        return key if key in all_phrases() else None

    @property
    def verdict_summary(self) -> str:
        """The verdict in a sentence, or '' when the spec gives none (a check error)."""
        return self.spec.verdict.summary if self.spec.verdict is not None else ""

    @property
    def status_short(self) -> str | None:
        """The status in a few words for a print header ('Draft, not for use'), or None."""
        key = f"status.{self.spec.status.value}.short"
        return self.book.fill(key) if key in all_phrases() else None

    @property
    def audience(self) -> Audience | None:
        """Who reads the documents: as the spec sets it, else as its settings suggest."""
        return self.spec.audience or audience_of(self.spec)

    @property
    def audience_key(self) -> str:
        """The phrase saying who the document is for, worded for its readers.

        A record is for anyone deciding whether to use the intervention, whoever they are;
        with no audience set or derivable, the sentence names no profession.
        """
        if self.record or self.audience is None:
            return "howto.audience"
        return f"howto.audience.{self.audience.value}"

    @property
    def role_groups(self) -> list[RoleGroup]:
        """The roles grouped by whose they are, in a fixed order; one group if none says."""
        if not any(r.role.party for r in self.roles):
            return [RoleGroup(None, list(self.roles))]
        groups = []
        # The kinds first, then the organisations the spec lists, then roles that say nothing.
        order: list[tuple[str | None, str, str]] = [
            (p.value, f"roles.group.{p.value}", "") for p in Party
        ]
        order += [(p.id, "roles.group.party", p.name) for p in self.spec.parties]
        order.append((None, "roles.group.unstated", ""))
        for ident, key, name in order:
            found = [r for r in self.roles if r.role.party == ident]
            if found:
                groups.append(RoleGroup(key, found, name))
        return groups

    @property
    def roles_need_stated(self) -> bool:
        """Whether any role says if it is required, so the table needs that column."""
        return any(r.role.required is not None for r in self.roles)

    @property
    def roles_time_stated(self) -> bool:
        """Whether any role says how much time it takes, so the table needs that column."""
        return any(r.role.time_commitment for r in self.roles)

    @property
    def kind(self) -> str:
        """What the handbook is called: 'Adopter handbook', or 'Record of a tested ...'."""
        return self.say("doc.handbook")

    @property
    def language(self) -> str:
        """The language the document is written in, as a BCP 47 tag ('en', 'cy')."""
        return self.book.language

    @property
    def standard_min(self) -> int | None:
        """The lowest total score that meets the standard, if a band marks one."""
        lows = [b.min for b in self._bands if b.meets_standard]
        return min(lows) if lows else None

    @property
    def licence(self) -> Licence:
        """The spec's licence; a record that states none reads as one not for spread."""
        return self.spec.licence or Licence(spread_model=SpreadModel.none)

    @property
    def spread_model_text(self) -> str:
        """What the spread model means for an adopter, in a sentence."""
        return self.book.fill(f"spread.{self.spec.spread_model.value}")

    @property
    def must_pass(self) -> list[CriterionView]:
        """The criteria with a minimum rating that every site must reach."""
        return [c for c in self.criteria if c.criterion.minimum is not None]

    @property
    def standard_bands(self) -> list[str]:
        """The labels of the bands that meet the standard."""
        return [b.label for b in self._bands if b.meets_standard]

    @property
    def _bands(self) -> list[Band]:
        return list(self.spec.fidelity.bands) if self.spec.fidelity else []


# --- building the view ------------------------------------------------------------------------

# Words in a setting's type that say who works there. A setting that matches neither list (or
# both) says nothing, and a spec whose settings say nothing gets wording that names no one.
_CLINICAL_WORDS = (
    "hospital", "ward", "clinic", "surgery", "general practice", "gp", "primary care",
    "pharmacy", "nhs", "hospice", "health", "medical", "nursing", "care home",
    "emergency department", "operating theatre", "maternity", "mental health", "outpatient",
)  # fmt: skip
_COMMUNITY_WORDS = (
    "food bank", "foodbank", "charity", "church", "faith", "mosque", "temple", "voluntary",
    "volunteer", "community centre", "community group", "village hall", "school", "library",
    "youth", "housing association", "social enterprise", "third sector",
)  # fmt: skip


_CLINICAL = re.compile(rf"\b(?:{'|'.join(_CLINICAL_WORDS)})s?\b", re.IGNORECASE)
_COMMUNITY = re.compile(rf"\b(?:{'|'.join(_COMMUNITY_WORDS)})s?\b", re.IGNORECASE)


def audience_of(spec: Intervention) -> Audience | None:
    """The readers the settings suggest: clinical, community, both (mixed), or unknown."""
    clinical = community = False
    for setting in spec.settings:
        is_clinical = bool(_CLINICAL.search(setting.type))
        is_community = bool(_COMMUNITY.search(setting.type))
        if is_clinical != is_community:  # one setting that reads as both decides nothing
            clinical |= is_clinical
            community |= is_community
    if clinical and community:
        return Audience.mixed
    if clinical:
        return Audience.clinical
    if community:
        return Audience.community
    return None


def _sections(
    spec: Intervention, book: Phrasebook, registry: tuple[SectionSpec, ...], document: str
) -> list[Section]:
    """The sections this spec fills, numbered: 1, 2, ... then appendices A, B, ..."""
    out: list[Section] = []
    number = 0
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for sec in registry:
        if not sec.present(spec):
            continue
        record = spec.status in (Status.not_recommended, Status.retired)
        title = book.fill(book.framed(f"section.{sec.key}", record))
        template = f"{document}/sections/{sec.key}"
        if sec.appendix:
            letter = next(letters)
            label = book.fill("doc.appendix", letter=letter)
            out.append(Section(sec.key, letter, title, label, template))
        else:
            number += 1
            out.append(Section(sec.key, str(number), title, str(number), template))
    return out


class _Resolver:
    """Turns ids into Links, keeping unknown ids as plain labels."""

    def __init__(
        self, spec: Intervention, refs: dict[str, ReferenceView], criteria: list[CriterionView]
    ) -> None:
        def index(pairs: Iterable[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
            # With repeated ids (only under --force) the first one wins, in every output.
            found: dict[str, tuple[str, str]] = {}
            for ident, label, anchor in pairs:
                found.setdefault(ident, (label, anchor))
            return found

        self.labels: dict[str, dict[str, tuple[str, str]]] = {
            "role": index((r.id, r.title, f"role-{r.id}") for r in spec.roles),
            "material": index((m.id, m.title, f"material-{m.id}") for m in spec.materials),
            "core": index((c.id, c.name, f"core-{c.id}") for c in spec.core_elements),
            "adapt": index((a.id, a.name, f"adapt-{a.id}") for a in spec.adaptable_elements),
            "never": index((p.id, p.practice, f"never-{p.id}") for p in spec.proscribed),
            "procedure": index(
                (p.id, p.name, f"procedure-{p.id}") for p in spec.delivery.procedures
            ),
            "ref": index((r.reference.id, r.label, r.anchor) for r in refs.values()),
            "criterion": index(
                (c.criterion.id, f"{c.number}. {plain(c.criterion.name)}", c.anchor)
                for c in criteria
            ),
            "outcome": index((o.id, o.name, f"outcome-{o.id}") for o in spec.outcomes),
            "phase": index((p.id, p.name, f"phase-{p.id}") for p in spec.pathway),
            "ready": index((r.id, r.criterion, f"ready-{r.id}") for r in spec.readiness),
        }

    def targets(self) -> dict[str, Link]:
        """Every id a cross-reference in prose may name, as a Link (ids are unique, CR001)."""
        found: dict[str, Link] = {}
        for kind, labels in self.labels.items():
            for ident, (label, anchor) in labels.items():
                found.setdefault(ident, Link(ident, label, anchor, kind))
        return found

    def one(self, kind: str, ident: str) -> Link:
        found = self.labels[kind].get(ident)
        return Link(ident, found[0], found[1], kind) if found else Link(ident, ident, None, kind)

    def many(self, kind: str, idents: list[str]) -> list[Link]:
        return [self.one(kind, i) for i in idents]

    def element(self, ident: str) -> Link:
        """A core or adaptable element (modifications may touch either)."""
        kind = "core" if ident in self.labels["core"] else "adapt"
        return self.one(kind, ident)


def _points(crit: Criterion, book: Phrasebook) -> tuple[list[Point], int, int]:
    scale = crit.scale
    if scale.kind == ScaleKind.yes_no:
        yes, no = book.fill("scale.yes"), book.fill("scale.no")
        return [Point(1, yes, scale.yes), Point(0, no, None)], 0, 1
    anchors: dict[int, Anchor] = {a.score: a for a in scale.anchors}
    scores = sorted(anchors)
    low = scale.min if scale.min is not None else (scores[0] if scores else 0)
    high = scale.max if scale.max is not None else (scores[-1] if scores else low)
    span = sorted(set(range(low, high + 1)) | set(scores)) if high - low <= 100 else scores
    points = [Point(s, str(s), anchors[s].description if s in anchors else None) for s in span]
    return points, low, high


def _criterion(crit: Criterion, number: int, res: _Resolver, book: Phrasebook) -> CriterionView:
    """A criterion numbered, its scale spelt out and its must-pass rule in words."""
    points, low, high = _points(crit, book)
    yes_no = crit.scale.kind == ScaleKind.yes_no
    if yes_no:
        scale_text = book.fill("scale.yes_no")
    else:
        scale_text = book.fill("scale.rated", low=low, high=high)
    label = text = rule = None
    if crit.minimum is not None:
        if yes_no:
            label = book.fill("minimum.yes")
            text = book.fill("minimum.text_yes")
            rule = book.fill("minimum.rule_yes")
        else:
            at_least = book.fill("minimum.at_least", low=crit.minimum)
            label = str(crit.minimum) if crit.minimum >= high else at_least
            text = book.fill("minimum.text", minimum=label)
            rule = book.fill("minimum.rule", minimum=label)
    core = res.many("core", crit.core_elements)
    return CriterionView(crit, number, core, points, low, high, scale_text, label, text, rule)


def _tidier(s: Intervention, sections: list[Section], book: Phrasebook) -> list[TidierView]:
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
                book.fill("tidier.mode", modes=", ".join(book.label(m) for m in d.modes)),
                book.fill("tidier.format", formats=", ".join(book.label(f) for f in d.formats)),
            ],
            ["delivery"],
        ),
        7: ([st.type for st in s.settings], ["about"]),
        8: (
            [
                book.fill("tidier.schedule", text=plain(d.schedule)),
                book.fill("tidier.duration", text=plain(d.duration)),
            ]
            + ([book.fill("tidier.intensity", text=plain(d.intensity))] if d.intensity else [])
            + ([book.fill("tidier.period", text=plain(d.period))] if d.period else []),
            ["delivery"],
        ),
        9: ([a.name for a in s.adaptable_elements], ["adaptable"]),
        10: ([m.description for m in s.modifications], ["modifications"]),
        11: (
            [
                book.fill("tidier.criteria", len(s.fidelity.criteria))
                + ", "
                + book.fill("tidier.bands", len(s.fidelity.bands)),
                book.fill("tidier.assessors", text=plain(s.fidelity.assessors)),
                book.fill("tidier.frequency", text=plain(s.fidelity.frequency)),
            ]
            if s.fidelity
            else [],
            ["fidelity"],
        ),
        12: (
            [
                f"{r.site} ({dates.words(r.date, book)}): {plain(r.summary)}"
                for r in s.fidelity.results
            ]
            if s.fidelity
            else [],
            ["fidelity"],
        ),
    }
    out = []
    for row in checklist(s):
        answer, keys = answers[row.item.number]
        if row.status != "answered":
            answer = []
        links = [Link(k, by_key[k].heading, k, "section") for k in keys if k in by_key]
        out.append(TidierView(row, answer, links))
    return out


def _references(
    spec: Intervention, branding: Branding, book: Phrasebook
) -> dict[str, ReferenceView]:
    """The references as the settings' citation style cites and lists them, in its order.

    With repeated ids (only under --force) the first reference of an id is the one cited and
    listed, as the resolver links to the first.
    """
    first: dict[str, Reference] = {}
    for r in spec.references:
        first.setdefault(r.id, r)
    unique = list(first.values())
    cited = bibliography(unique, branding.citation_style, book)
    return {
        unique[c.index].id: ReferenceView(unique[c.index], n, c.label, c.entry, cited.numbered)
        for n, c in enumerate(cited.citations, 1)
    }


def build_document(
    spec: Intervention,
    branding: Branding,
    logo: str | None = None,
    material_files: dict[str, str] | None = None,
    book: Phrasebook | None = None,
    sections: tuple[SectionSpec, ...] = HANDBOOK,
) -> Document:
    """Resolve a spec into the one view every output receives, in the phrasebook's language."""
    book = book or Phrasebook()
    material_files = material_files or {}
    refs = _references(spec, branding, book)
    res = _Resolver(spec, refs, [])
    criteria = [
        _criterion(crit, i, res, book)
        for i, crit in enumerate(spec.fidelity.criteria if spec.fidelity else (), 1)
    ]
    res = _Resolver(spec, refs, criteria)

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
            [
                OptionView(o)
                if isinstance(o, str)
                else OptionView(o.option, o.requires_approval, o.note)
                for o in a.adaptations.options
            ],
        )
        for i, a in enumerate(spec.adaptable_elements, 1)
    ]
    proscribed = [
        ProscribedView(p, i, res.many("core", p.core_elements))
        for i, p in enumerate(spec.proscribed, 1)
    ]

    # Who involves each role and uses each material, indexed in one pass (spec order).
    users: dict[tuple[str, str], list[Link]] = {}
    parts: list[tuple[str, CoreElement | AdaptableElement | Procedure]] = [
        *(("core", c) for c in spec.core_elements),
        *(("adapt", a) for a in spec.adaptable_elements),
        *(("procedure", p) for p in spec.delivery.procedures),
    ]
    for kind, part in parts:
        link = res.one(kind, part.id)
        for role_id in dict.fromkeys(part.roles):
            users.setdefault(("roles", role_id), []).append(link)
        for material_id in dict.fromkeys(part.materials):
            users.setdefault(("materials", material_id), []).append(link)

    roles = [
        RoleView(r, users.get(("roles", r.id), []), res.many("ref", r.references))
        for r in spec.roles
    ]
    materials = [
        MaterialView(m, material_files.get(m.id), users.get(("materials", m.id), []))
        for m in spec.materials
    ]
    procedures = [
        ProcedureView(p, i, res.many("role", p.roles), res.many("material", p.materials))
        for i, p in enumerate(spec.delivery.procedures, 1)
    ]

    def cite(ids: Iterable[str]) -> list[Link]:
        return res.many("ref", list(ids))

    evidence = [
        EvidenceView(
            e,
            res.one("ref", e.reference),
            evidence_facts(e, cite),
            endpoint_items(e.endpoints, book),
        )
        for e in spec.evidence
    ]
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
            complexity.append(DomainView(book.fill(f"nasss.{name}"), rating))
    document = "handbook"
    found_sections = _sections(spec, book, sections, document)
    low, high = scale_range(spec)
    return Document(
        spec=spec,
        branding=branding,
        book=book,
        logo=logo,
        sections=found_sections,
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
            for r in (spec.fidelity.results if spec.fidelity else ())
        ],
        complexity=complexity,
        verdict_references=res.many("ref", spec.verdict.references) if spec.verdict else [],
        tidier=_tidier(spec, found_sections, book),
        score_min=low,
        score_max=high,
        _by_key={s.key: s for s in found_sections},
        targets=res.targets(),
        extras=build_extras(spec, cite, book),
    )
