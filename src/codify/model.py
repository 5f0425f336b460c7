"""The codified-intervention format, defined once as typed models.

The JSON Schema in spec/ and the field reference in docs/ are generated from these classes;
tests fail when either drifts. Every field carries a description because those descriptions
are what editors show on hover and what the reference pages print.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from codify import dates
from codify.vocab import (
    ADOPTION_REQUIRES as ADOPTION_REQUIRES,
    ADOPTION_STATUSES as ADOPTION_STATUSES,
    FORMAT_VERSION as FORMAT_VERSION,
    AssessmentUnit as AssessmentUnit,
    Audience as Audience,
    Basis as Basis,
    Certainty as Certainty,
    ChangeLevel as ChangeLevel,
    ChoiceRule as ChoiceRule,
    ComplexityLevel as ComplexityLevel,
    DataSource as DataSource,
    DeliveryFormat as DeliveryFormat,
    DeliveryMode as DeliveryMode,
    EvidenceDirection as EvidenceDirection,
    EvidenceKind as EvidenceKind,
    FidelityDimension as FidelityDimension,
    FrameContext as FrameContext,
    FrameDecider as FrameDecider,
    FrameFidelity as FrameFidelity,
    FrameGoal as FrameGoal,
    FrameLevel as FrameLevel,
    FrameNature as FrameNature,
    FramePlanned as FramePlanned,
    FrameReasonLevel as FrameReasonLevel,
    FrameWhat as FrameWhat,
    FrameWhen as FrameWhen,
    FundingKind as FundingKind,
    GuidanceStance as GuidanceStance,
    InterventionLogic as InterventionLogic,
    ModificationTarget as ModificationTarget,
    Node as Node,
    ObligationKind as ObligationKind,
    Party as Party,
    Provenance as Provenance,
    Qualifier as Qualifier,
    ReferenceType as ReferenceType,
    ScaleKind as ScaleKind,
    SpreadApproach as SpreadApproach,
    SpreadModel as SpreadModel,
    Status as Status,
    adoption_sections,
)

SCHEMA_ID = "https://codify-health.github.io/codify/schema/v1/intervention.schema.json"

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_-]*$",
        description="A stable identifier: lowercase letters, digits, '-' or '_', starting with a letter.",
    ),
]
Text = Annotated[str, Field(min_length=1, description="Plain text; Markdown is allowed.")]
# Dates are text: ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or the Extended Date/Time Format
# levels 0 and 1 (2000~, 2004?, 200X, 2001-21, 2014/2016, ../2016), as codify.dates reads it.
# The loader keeps YAML timestamps as the text the author wrote, so a date never changes shape
# on the way through. The pattern (the same text as dates.PATTERN; a test says so) gives the
# schema the shapes; the after-validator refuses what no calendar has (month 13, 2016/2014).
PartialDate = Annotated[
    str,
    Field(
        pattern=(
            r"^(?:(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{2}(?:[0-9]X|XX)|[0-9]{4}-XX(?:-XX)?"
            r"|[0-9]{4}-[0-9]{2}-XX)[?~%]?"
            r"|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\.\.)/"
            r"(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\.\.))$"
        ),
        description="A date as YYYY, YYYY-MM or YYYY-MM-DD, or in EDTF: 2000~ approximate, "
        "2004? uncertain, 2004% both, 200X or 20XX unspecified digits, 2001-21 a season (21 "
        "spring to 24 winter), 2014/2016 an interval, ../2016 or 2014/.. open at one end.",
    ),
    AfterValidator(dates.check),
]


class Spec(Node, BaseModel):
    """Base for every object in the format: unknown keys are errors, never ignored."""

    # Validators are built on first use, not at import: `codify check` builds a valid spec
    # without them (codify.fastpath), so most checks never pay for building them.
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)


# --- enumerations ---------------------------------------------------------------------------


# --- identity, evidence, origin -------------------------------------------------------------


class Rationale(Spec):
    """Why the intervention works (TIDieR item 2)."""

    summary: Text = Field(description="In a paragraph, why the intervention is expected to work.")
    theory_of_change: Text | None = Field(
        None, description="How the activities lead to the outcomes, step by step."
    )
    mechanisms: list[Text] = Field(
        default_factory=list, description="The mechanisms through which it is thought to act."
    )


class Endpoint(Spec):
    """One outcome a study measured, with what it found."""

    name: Text = Field(description="The outcome measured, e.g. 'transfusion or death at 30 days'.")
    primary: bool | None = Field(
        None, description="True for the study's primary outcome, false for a secondary one."
    )
    estimate: Text | None = Field(
        None, description="The result as reported, e.g. 'risk ratio 1.03 (95% CI 0.78 to 1.37)'."
    )
    direction: EvidenceDirection | None = Field(
        None, description="Which way this result points: supports, no_effect, mixed or harm."
    )
    basis: Basis | None = Field(None, description="Observed, modelled or estimated.")


class Evidence(Spec):
    """One piece of evidence about the intervention, tied to its references."""

    reference: Id = Field(
        description="The id of the entry in `references` this evidence comes from."
    )
    references: list[Id] = Field(
        default_factory=list, description="Ids of further references for the same evidence."
    )
    kind: EvidenceKind | None = Field(
        None,
        description="What it is evidence of: effectiveness, implementation, need, cost, safety "
        "or experience.",
    )
    direction: EvidenceDirection | None = Field(
        None,
        description="Which way the findings point: supports, no_effect, mixed or harm. A null "
        "or harmful result is never shown as support.",
    )
    certainty: Certainty | None = Field(
        None, description="How certain the findings are (GRADE): high, moderate, low, very_low."
    )
    design: Text = Field(description="Study design, e.g. 'mixed-methods evaluation in 10 trusts'.")
    findings: Text = Field(description="What was found, with figures where there are some.")
    endpoints: list[Endpoint] = Field(
        default_factory=list, description="The outcomes measured, primary first, with results."
    )
    population: Text | None = Field(None, description="Who or what was studied.")
    limitations: Text | None = Field(None, description="What limits confidence in the findings.")
    basis: Basis | None = Field(
        None, description="Whether the findings were observed, or modelled or estimated."
    )


class Lineage(Spec):
    """An earlier intervention this one was derived from."""

    name: Text = Field(description="The intervention it was derived from.")
    place: Text | None = Field(None, description="Where that one runs, e.g. 'Boston, USA'.")
    note: Text | None = Field(None, description="What was kept and what changed.")
    reference: Id | None = Field(None, description="The id of a reference describing it.")


class Origin(Spec):
    """Where and when the intervention was first delivered, and by whom."""

    organisation: Text = Field(description="The organisation that first developed or ran it.")
    place: Text | None = Field(None, description="Where it was first run.")
    first_delivered: PartialDate | None = Field(None, description="When it was first run.")
    derived_from: list[Lineage] = Field(
        default_factory=list, description="Earlier interventions it was adapted from."
    )
    innovators: list[Text] = Field(
        default_factory=list, description="People or teams credited with the innovation."
    )
    history: Text | None = Field(
        None, description="A short history of how it developed and spread."
    )
    references: list[Id] = Field(
        default_factory=list, description="Ids of references for the origin and history."
    )


class Contact(Spec):
    """An owner of the spec or a contact for adopters."""

    name: Text = Field(description="A person's name, a team or an organisation.")
    role: Text | None = Field(None, description="What they are responsible for.")
    organisation: Text | None = Field(None, description="Their organisation.")
    email: str | None = Field(None, description="An email address.")
    url: str | None = Field(None, description="A web address.")


class PreviousHolder(Spec):
    """An organisation that held the licence before, so adopters can follow the history."""

    name: Text = Field(description="The organisation.")
    start: PartialDate | None = Field(None, description="When it took the licence on.")
    end: PartialDate | None = Field(None, description="When it handed the licence on.")
    note: Text | None = Field(None, description="What changed for adopters.")


class Tier(Spec):
    """A level of membership or licence, with its own obligations and fees."""

    id: Id
    name: Text = Field(description="The tier's name, e.g. 'member food bank' or 'Core 24'.")
    description: Text = Field(description="Who it is for and what it allows.")
    obligations: list[Text] = Field(
        default_factory=list, description="What an organisation in this tier commits to."
    )
    fee: Text | None = Field(None, description="What an organisation in this tier pays.")


class Licence(Spec):
    """How the intervention may be used and spread by others."""

    spread_model: SpreadModel = Field(description="How the intervention is passed on.")
    holder: Text | None = Field(None, description="Who holds the licence or the rights today.")
    territory: Text | None = Field(None, description="Where the holder's licence applies.")
    previous_holders: list[PreviousHolder] = Field(
        default_factory=list, description="Earlier licence holders, oldest first."
    )
    standard_setter: Text | None = Field(
        None,
        description="The body that sets the standards adopters are held to, if not the holder.",
    )
    terms: Text | None = Field(None, description="The terms in plain words.")
    fee: Text | None = Field(None, description="What adopters pay, and how it is set.")
    url: str | None = Field(None, description="Where the current terms are published.")
    content_licence: Text | None = Field(
        None, description="The licence of this spec and its generated documents, e.g. CC BY 4.0."
    )
    tiers: list[Tier] = Field(
        default_factory=list,
        description="Levels of membership or licence, each with its own obligations and fee.",
    )


class Person(Spec):
    """An author who is a person, cited by family name and initials as the style asks."""

    family: Text = Field(description="Family name (surname), e.g. Maben.")
    given: Text | None = Field(
        None, description="Given names or initials, e.g. Jill or J; the style shortens them."
    )


class Organisation(Spec):
    """An author that is an organisation, cited whole and exactly as written."""

    literal: Text = Field(
        description="The organisation's name, e.g. National Institute for Health and Care "
        "Excellence; never split into people."
    )


class Reference(Spec):
    """A citable source, cited and listed in the citation style the settings choose."""

    id: Id
    type: ReferenceType | None = Field(
        None,
        description="The kind of work: article-journal, report, webpage, book or chapter. "
        "Left out, it is inferred: article-journal when there is a DOI or the details begin "
        "with a volume, webpage when there is a URL and no year, report otherwise.",
    )
    # One line of text is the 1.x form, still read (whole, as one author: CR025 suggests the
    # list); a list says who is a person and who an organisation, which a style needs.
    authors: Text | Annotated[list[Person | Organisation], Field(min_length=1)] = Field(
        description="The authors in order: each a person ({family, given}) or an organisation "
        "({literal}). One line of text (the 1.x form) is cited exactly as written."
    )
    year: int | None = Field(
        None, ge=1800, le=2100, description="Year of publication; omit for undated web pages."
    )
    accessed: PartialDate | None = Field(
        None, description="When an online source was consulted; use it for undated pages."
    )
    title: Text = Field(description="Title of the work.")
    publisher: Text | None = Field(
        None,
        description="The journal for an article; otherwise the publisher or organisation.",
    )
    details: Text | None = Field(
        None,
        description="Volume, issue and pages for an article (e.g. 6(12):1-10), the report "
        "number for a report, or anything else to print after the entry.",
    )
    doi: str | None = Field(None, description="A DOI, without the https://doi.org/ prefix.")
    url: str | None = Field(None, description="Where to read it.")


# --- who and where --------------------------------------------------------------------------


class Population(Spec):
    """Who the intervention is for."""

    description: Text = Field(description="The people the intervention serves.")
    inclusion: list[Text] = Field(default_factory=list, description="Who is included.")
    exclusion: list[Text] = Field(default_factory=list, description="Who is not.")


class Setting(Spec):
    """A kind of place where the intervention is delivered (TIDieR item 7)."""

    type: Text = Field(description="The kind of organisation or place, e.g. 'acute hospital'.")
    description: Text | None = Field(None, description="What matters about it for delivery.")
    infrastructure: list[Text] = Field(
        default_factory=list, description="Facilities or infrastructure the setting must have."
    )


# Which organisation something belongs to: one of the four kinds, or a party the spec lists.
PartyId = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_-]*$",
        description="adopter, central, partner or commissioner, or the id of one of `parties`.",
    ),
]


class PartyEntry(Spec):
    """An organisation involved in delivering the intervention, and what it does."""

    id: Id
    name: Text = Field(description="The organisation, or the kind, e.g. 'community pharmacy'.")
    kind: Party = Field(
        description="adopter (takes it up), central (licence holder or central team), partner "
        "or commissioner."
    )
    description: Text | None = Field(None, description="Who it is and why it takes part.")
    responsibilities: list[Text] = Field(
        default_factory=list, description="What it does in the intervention."
    )


class ReadinessCriterion(Spec):
    """Something an adopting organisation must have in place before it starts."""

    id: Id
    criterion: Text = Field(description="What must be true before starting.")
    how_to_show: Text | None = Field(None, description="How an organisation shows it is met.")
    required: bool = Field(True, description="False when it is recommended rather than required.")
    party: PartyId | None = Field(None, description="Which organisation must have it in place.")


class Role(Spec):
    """Someone who delivers or supports the intervention (TIDieR item 5)."""

    id: Id
    title: Text = Field(description="The role's name as adopters will recognise it.")
    responsibilities: list[Text] = Field(min_length=1, description="What the role does.")
    qualifications: Text | None = Field(None, description="Background or expertise required.")
    training: Text | None = Field(None, description="Training the role must complete, and where.")
    time_commitment: Text | None = Field(
        None, description="Time the role needs, e.g. '2 hours a month'."
    )
    party: PartyId | None = Field(
        None,
        description="Whose role it is: adopter, central, partner, commissioner or the id of one "
        "of `parties`. Left out, the documents do not say.",
    )
    required: bool | None = Field(
        None,
        description="True when an adopter must have the role, false when it is recommended but "
        "optional. Left out, the documents do not say.",
    )
    references: list[Id] = Field(
        default_factory=list, description="Ids of references that describe the role."
    )


class Material(Spec):
    """Something used in delivery or training, or handed out (TIDieR item 3)."""

    id: Id
    title: Text = Field(description="The material's name.")
    description: Text = Field(description="What it is and what it is for.")
    audience: Text | None = Field(None, description="Who uses it or receives it.")
    provided_by: Text | None = Field(None, description="Who supplies it to adopters.")
    url: str | None = Field(None, description="Where to get it.")
    path: str | None = Field(
        None, description="A file beside the spec, relative to the spec's folder."
    )
    licence: Text | None = Field(None, description="The terms under which it may be used.")


# --- core and adaptable elements --------------------------------------------------------------


class AlternativeForm(Spec):
    """Another form that serves the same function, and where it is used."""

    context: Text = Field(description="Where or by whom this form is used, e.g. 'US sites'.")
    form: Text = Field(description="How the element is carried out there.")


class CoreElement(Spec):
    """Something adopters must keep: its function is fixed; its form is the originator's way."""

    id: Id
    name: Text = Field(description="A short name for the element.")
    function: Text = Field(description="The purpose this element serves, which must be preserved.")
    form: Text = Field(description="How the originator carries it out.")
    alternative_forms: list[AlternativeForm] = Field(
        default_factory=list,
        description="Other recognised forms that serve the same function, and where they are used.",
    )
    rationale: Text = Field(description="Why it is core: the evidence or reasoning.")
    evidence: list[Id] = Field(
        default_factory=list, description="Ids of `references` that support keeping it."
    )
    roles: list[Id] = Field(default_factory=list, description="Ids of the roles involved.")
    materials: list[Id] = Field(default_factory=list, description="Ids of the materials used.")
    fidelity: list[Text] = Field(
        min_length=1,
        description="Observable signs that the element is in place, as an assessor would look for them.",
    )


class Range(Spec):
    """A numeric range an adaptation must stay within; give min, max or both."""

    # A range must be finite: "from nan to inf minutes" tells an adopter nothing.
    min: float | None = Field(
        None, allow_inf_nan=False, description="The smallest permitted value."
    )
    max: float | None = Field(
        None, allow_inf_nan=False, description="The largest permitted value; omit for 'at least'."
    )
    unit: Text = Field(description="The unit, e.g. 'minutes' or 'panellists'.")


class Option(Spec):
    """One permitted choice, when it needs more than its words: its own approval rule."""

    option: Text = Field(description="The choice, in words.")
    requires_approval: bool | None = Field(
        None,
        description="True when this choice needs the licence holder's approval, false when it "
        "does not; left out, the element's own rule applies.",
    )
    note: Text | None = Field(None, description="When to choose it, or what it needs.")


class PermittedAdaptations(Spec):
    """What adopters may choose instead of the default: options, a range, or guidance."""

    options: list[Text | Option] = Field(
        default_factory=list,
        description="Choices an adopter may make: each a line of text, or {option, "
        "requires_approval, note} when one choice needs approval and others do not.",
    )
    range: Range | None = Field(None, description="A numeric range the choice must stay within.")
    guidance: Text | None = Field(
        None, description="For open adaptations: how to decide, and what to avoid."
    )


class Guardrail(Spec):
    """A core element an adaptation must not undermine, and how it could."""

    core_element: Id = Field(description="The id of the core element to protect.")
    note: Text = Field(description="How an adaptation here could undermine it, and what to avoid.")


class LocalAdaptation(Spec):
    """A real example of how an adopting organisation adapted the element."""

    site: Text = Field(description="The organisation or kind of organisation.")
    description: Text = Field(description="What it changed, and why.")
    reference: Id | None = Field(None, description="The id of a reference describing it.")


class AdaptableElement(Spec):
    """Something adopters may change to fit their context, within limits (TIDieR item 9)."""

    id: Id
    name: Text = Field(description="A short name for the element.")
    default: Text = Field(description="What the originator does, if the adopter changes nothing.")
    adaptations: PermittedAdaptations = Field(description="What adopters may choose instead.")
    guardrails: list[Guardrail] = Field(
        description="The core elements any adaptation must not undermine."
    )
    decided_by: Text = Field(description="Who in the adopting organisation decides.")
    # Three-way: an author who says nothing is not taken to have said "no approval needed".
    requires_approval: bool | None = Field(
        None,
        description="True when the licence holder must approve a change, false when no "
        "approval is needed; leave it out when the spec does not say.",
    )
    examples: list[LocalAdaptation] = Field(
        default_factory=list, description="Real local adaptations."
    )
    roles: list[Id] = Field(default_factory=list, description="Ids of the roles involved.")
    materials: list[Id] = Field(default_factory=list, description="Ids of the materials used.")


class Proscribed(Spec):
    """Something adopters must never do."""

    id: Id
    practice: Text = Field(description="What must not be done.")
    reason: Text = Field(description="Why: what it would break.")
    core_elements: list[Id] = Field(
        default_factory=list, description="Ids of the core elements it would undermine."
    )


# --- delivery and implementation --------------------------------------------------------------


class Procedure(Spec):
    """An activity or process in delivery, including enabling activities (TIDieR item 4)."""

    id: Id
    name: Text = Field(description="The activity's name.")
    description: Text = Field(description="What happens, in order, and who does it.")
    roles: list[Id] = Field(default_factory=list, description="Ids of the roles who carry it out.")
    materials: list[Id] = Field(default_factory=list, description="Ids of the materials used.")
    timing: Text | None = Field(
        None, description="When it happens, e.g. 'a week before the Round'."
    )
    party: PartyId | None = Field(None, description="Which organisation carries it out.")
    automated: bool | None = Field(
        None,
        description="True when software does it (a reminder text, a risk score), not a person.",
    )


class GroupSize(Spec):
    """How many people take part at once."""

    min: int = Field(ge=1, description="The fewest participants.")
    max: int | None = Field(None, ge=1, description="The most participants; omit for no limit.")


class ModeDetail(Spec):
    """Group size and duration for one mode of delivery, where they differ between modes."""

    mode: DeliveryMode = Field(description="The mode these figures are for.")
    group_size: GroupSize | None = Field(None, description="How many take part at once.")
    duration: Text | None = Field(None, description="How long each session lasts in this mode.")
    note: Text | None = Field(None, description="Anything else that differs in this mode.")


class Delivery(Spec):
    """How, where, when and how much (TIDieR items 4, 6 and 8)."""

    modes: list[DeliveryMode] = Field(min_length=1, description="How it is delivered.")
    formats: list[DeliveryFormat] = Field(min_length=1, description="To individuals or groups.")
    group_size: GroupSize | None = Field(None, description="For group delivery, how many at once.")
    procedures: list[Procedure] = Field(min_length=1, description="What is done, step by step.")
    schedule: Text = Field(description="When it happens, e.g. 'monthly, at lunchtime'.")
    duration: Text = Field(description="How long each session or episode lasts.")
    intensity: Text | None = Field(
        None, description="How much, e.g. caseload or contacts per week."
    )
    period: Text | None = Field(None, description="Over what period, e.g. 'ongoing'.")
    by_mode: list[ModeDetail] = Field(
        default_factory=list,
        description="Group size and duration per mode, where they differ (face to face 6-8, "
        "online up to 5).",
    )


class Step(Spec):
    """One step in a phase of implementation."""

    action: Text = Field(description="What to do.")
    owner: Text = Field(description="Who does it in the adopting organisation.")
    timescale: Text | None = Field(None, description="How long it typically takes.")
    output: Text | None = Field(None, description="What exists when the step is done.")
    party: PartyId | None = Field(None, description="Which organisation does it.")
    roles: list[Id] = Field(default_factory=list, description="Ids of the roles who do it.")
    materials: list[Id] = Field(default_factory=list, description="Ids of the materials used.")
    automated: bool | None = Field(None, description="True when software does the step.")


class Phase(Spec):
    """A phase of the implementation pathway, e.g. readiness, set-up, launch, sustain."""

    id: Id
    name: Text = Field(description="The phase's name.")
    goal: Text = Field(description="What the phase achieves.")
    timescale: Text = Field(description="How long it typically takes.")
    steps: list[Step] = Field(min_length=1, description="The steps, in order.")


# --- fidelity ---------------------------------------------------------------------------------


class Anchor(Spec):
    """The behaviour that earns one point on a rating scale."""

    score: int = Field(description="The point on the scale.")
    description: Text = Field(description="What an assessor sees that earns this score.")


class Scale(Spec):
    """How a criterion is rated: yes/no, or a numeric scale with an anchor per point."""

    kind: ScaleKind = Field(description="yes_no (scored 1 for yes, 0 for no) or rating.")
    min: int | None = Field(None, description="For a rating: the lowest score, usually 1.")
    max: int | None = Field(None, description="For a rating: the highest score, usually 5.")
    anchors: list[Anchor] = Field(
        default_factory=list, description="For a rating: one behavioural anchor per point."
    )
    yes: Text | None = Field(None, description="For yes/no: what counts as yes.")


class Criterion(Spec):
    """A fidelity criterion, protecting one or more core elements."""

    id: Id
    name: Text = Field(description="What is assessed, as a short statement.")
    core_elements: list[Id] = Field(
        min_length=1, description="Ids of the core elements it protects."
    )
    method: Text = Field(description="How it is measured.")
    data_sources: list[DataSource] = Field(
        min_length=1, description="Where the evidence comes from."
    )
    dimension: FidelityDimension | None = Field(
        None, description="Which aspect of fidelity it measures (Carroll et al. 2007)."
    )
    scale: Scale = Field(description="How it is rated.")
    minimum: int | None = Field(
        None,
        description=(
            "The lowest rating that still meets the standard, whatever the total score "
            "(a must-pass criterion); for yes/no, 1 means it must be yes."
        ),
    )


class Band(Spec):
    """A named range of total fidelity scores, e.g. high, acceptable, low."""

    label: Text = Field(description="The band's name.")
    min: int = Field(description="The lowest total score in the band.")
    max: int = Field(description="The highest total score in the band.")
    meaning: Text = Field(description="What a score in this band means, and what follows.")
    meets_standard: bool = Field(
        False, description="True for bands that meet the licence or network standard."
    )


class FidelityResult(Spec):
    """The result of one fidelity assessment of one site (TIDieR item 12)."""

    site: Text = Field(description="The organisation assessed.")
    date: PartialDate = Field(description="When it was assessed.")
    score: int | None = Field(None, description="The total score, if scored.")
    summary: Text = Field(description="What the assessment found.")
    reference: Id | None = Field(None, description="The id of a reference reporting it.")
    basis: Basis | None = Field(None, description="Observed, modelled or estimated.")


class Instrument(Spec):
    """Where the fidelity checklist comes from, so readers know how far to trust its cut-offs."""

    provenance: Provenance = Field(
        description="official (the owner's published instrument), adapted (changed from one), "
        "or illustrative (written to show what checking could cover)."
    )
    validated: bool | None = Field(
        None, description="True when the instrument has been validated, false when it has not."
    )
    owner: Text | None = Field(None, description="Who owns the instrument.")
    url: str | None = Field(None, description="Where it is published.")
    reference: Id | None = Field(None, description="The id of a reference describing it.")
    note: Text | None = Field(None, description="What was adapted, or how it was validated.")


class Fidelity(Spec):
    """How fidelity is planned, measured and reported (TIDieR items 11 and 12)."""

    approach: Text = Field(description="How fidelity is assessed and supported, in a paragraph.")
    assessors: Text = Field(
        description="Who assesses, e.g. 'self-assessment by the steering group'."
    )
    frequency: Text = Field(
        description="How often, e.g. 'yearly; six-monthly until the standard is met'."
    )
    strategies: list[Text] = Field(
        default_factory=list, description="What keeps fidelity up: training, supervision, feedback."
    )
    instrument: Instrument | None = Field(
        None, description="Where the checklist comes from: official, adapted or illustrative."
    )
    unit: AssessmentUnit | None = Field(
        None, description="What one assessment is of: site, team, practice, service, pathway..."
    )
    criteria: list[Criterion] = Field(min_length=1, description="The criteria, in checklist order.")
    bands: list[Band] = Field(min_length=1, description="Bands of total score, lowest first.")
    results: list[FidelityResult] = Field(
        default_factory=list, description="Assessments made so far."
    )


# --- change, complexity, outcomes, support ------------------------------------------------------


class Reason(Spec):
    """A contextual factor behind a modification (FRAME)."""

    level: FrameReasonLevel = Field(description="The level of the factor.")
    factor: Text = Field(description="The factor, in words.")


class Modification(Spec):
    """A modification made so far, coded with FRAME (TIDieR item 10)."""

    id: Id
    description: Text = Field(description="What was changed, by whom, and where.")
    site: Text | None = Field(None, description="Where it was made; omit when made network-wide.")
    date: PartialDate | None = Field(None, description="When it was made.")
    target: ModificationTarget = Field(
        ModificationTarget.intervention,
        description="The intervention itself, or the way it is implemented (FRAME-IS).",
    )
    when: FrameWhen = Field(description="When in implementation it was made.")
    planned: FramePlanned = Field(description="Planned or unplanned.")
    decided_by: list[FrameDecider] = Field(
        min_length=1, description="Who took part in the decision."
    )
    what: list[FrameWhat] = Field(min_length=1, description="What was modified.")
    level: FrameLevel = Field(description="For whom or what it was made.")
    context: list[FrameContext] = Field(
        default_factory=list, description="For contextual modifications: what was changed."
    )
    nature: list[FrameNature] = Field(
        default_factory=list, description="For content modifications: the kind of change."
    )
    fidelity: FrameFidelity = Field(description="Whether core functions were preserved.")
    goals: list[FrameGoal] = Field(min_length=1, description="What it was meant to achieve.")
    reasons: list[Reason] = Field(default_factory=list, description="The factors that drove it.")
    elements: list[Id] = Field(
        default_factory=list, description="Ids of the core or adaptable elements it touched."
    )
    references: list[Id] = Field(
        default_factory=list, description="Ids of references describing it."
    )


class DomainRating(Spec):
    """A NASSS domain's complexity, with the reasons."""

    level: ComplexityLevel = Field(description="simple, complicated or complex.")
    notes: Text = Field(description="Why, in a sentence or two.")


class Complexity(Spec):
    """A complexity assessment over the seven NASSS domains (Greenhalgh et al. 2017)."""

    condition: DomainRating = Field(description="The condition or illness.")
    technology: DomainRating = Field(description="The technology, or the service model itself.")
    value_proposition: DomainRating = Field(description="The value to developers and adopters.")
    adopters: DomainRating = Field(description="Staff, patients and carers who must take it up.")
    organisation: DomainRating = Field(description="The adopting organisation(s).")
    wider_system: DomainRating = Field(description="The institutional and societal context.")
    embedding: DomainRating = Field(description="Embedding and adaptation over time.")


class Outcome(Spec):
    """An outcome the intervention aims for, and how it is measured."""

    id: Id
    name: Text = Field(description="The outcome, e.g. 'staff psychological distress'.")
    measure: Text = Field(description="How it is measured, with the instrument if there is one.")
    level: Text | None = Field(None, description="Whose outcome: staff, patients, service, costs.")
    timing: Text | None = Field(None, description="When it is measured.")
    references: list[Id] = Field(
        default_factory=list, description="Ids of references that used this measure."
    )


class Obligation(Spec):
    """Something an adopting organisation commits to, or is expected to do."""

    kind: ObligationKind = Field(description="The kind of obligation.")
    description: Text = Field(description="What the organisation must do.")
    required: bool = Field(
        True, description="False when it is expected or recommended, not required."
    )
    basis: Text | None = Field(
        None, description="Where it comes from, e.g. 'licence agreement' or 'national guidance'."
    )
    party: PartyId | None = Field(None, description="Which organisation it falls on.")


class Support(Spec):
    """What the licence holder or network offers adopters, and what it asks of them."""

    offered: list[Text] = Field(min_length=1, description="Support available to adopters.")
    obligations: list[Obligation] = Field(
        default_factory=list, description="What adopters commit to."
    )
    contact: Text | None = Field(None, description="How adopters get support.")


class Variant(Spec):
    """A related format derived from the intervention, distinct from a local adaptation."""

    name: Text = Field(description="The variant's name.")
    description: Text = Field(description="What it is and how it differs from the intervention.")
    references: list[Id] = Field(
        default_factory=list, description="Ids of references describing it."
    )


class AdoptionFigure(Spec):
    """A measure of how far the intervention has spread, at a date."""

    date: PartialDate = Field(description="When the figure applies.")
    scope: Text = Field(
        description="Where, e.g. 'acute hospitals with an emergency department in England'."
    )
    description: Text = Field(description="What the figure says, in a sentence.")
    count: int | None = Field(None, ge=0, description="How many organisations.")
    out_of: int | None = Field(None, ge=0, description="Out of how many eligible.")
    unit: Text | None = Field(
        None, description="What is counted, e.g. 'food banks' or 'distribution centres'."
    )
    qualifier: Qualifier | None = Field(
        None, description="How exact the count is: exactly, about, more_than, at_least..."
    )
    basis: Basis | None = Field(None, description="Observed, modelled or estimated.")
    reference: Id | None = Field(None, description="The id of the reference reporting it.")


class GlossaryTerm(Spec):
    """A term adopters may not know."""

    term: Text = Field(description="The term or abbreviation.")
    definition: Text = Field(description="What it means here.")


class NotApplicable(Spec):
    """A TIDieR item declared not (yet) applicable, with the reason."""

    item: int = Field(ge=1, le=12, description="The TIDieR item number, 1 to 12.")
    reason: Text = Field(description="Why it does not apply yet.")


# --- context: technology, guidance, funding, programmes ----------------------------------------


class TechComponent(Spec):
    """A piece of technology the service runs on: a platform, an app, a device."""

    name: Text = Field(description="The component, e.g. 'text-messaging platform'.")
    description: Text = Field(description="What it does in the service.")
    supplier: Text | None = Field(None, description="Who supplies it.")
    owner: Text | None = Field(None, description="Who owns or is responsible for it.")
    url: str | None = Field(None, description="Where to find out more.")


class Regulation(Spec):
    """A regulatory status the technology holds or needs."""

    scheme: Text = Field(
        description="The scheme, e.g. 'UK medical device regulations' or 'NHS DTAC'."
    )
    status: Text = Field(description="Its status under the scheme, e.g. 'class I, registered'.")
    reference: Id | None = Field(None, description="The id of a reference recording it.")


class Technology(Spec):
    """The technology a technology-enabled service depends on, and what adopters must check."""

    components: list[TechComponent] = Field(
        min_length=1, description="The platforms, apps and devices it uses."
    )
    regulatory: list[Regulation] = Field(
        default_factory=list, description="Medical-device class, DTAC and other statuses."
    )
    data_protection: Text | None = Field(
        None, description="The data protection impact assessment and what it found or needs."
    )
    interoperability: list[Text] = Field(
        default_factory=list, description="Standards it uses to exchange data, e.g. FHIR."
    )
    hosting: Text | None = Field(None, description="Where it runs and who hosts it.")


class Guidance(Spec):
    """A guideline or policy that names the intervention, and what it says."""

    body: Text = Field(description="Who issued it, e.g. 'NICE'.")
    document: Text = Field(description="The guideline or policy, e.g. 'NG196'.")
    date: PartialDate | None = Field(None, description="When it was issued.")
    stance: GuidanceStance = Field(
        description="recommends, supports, mentions, does_not_recommend, or predates_evidence "
        "(written before evidence that now contradicts it)."
    )
    note: Text | None = Field(None, description="What it says, in a sentence.")
    reference: Id | None = Field(None, description="The id of the reference for it.")


class SpreadLesson(Spec):
    """Something learnt about spreading it: a lever that was pulled and what it did."""

    lever: Text = Field(description="What was done to spread it, e.g. 'a payment per referral'.")
    effect: Text = Field(description="What happened, e.g. 'more referrals, no more attendance'.")
    reference: Id | None = Field(None, description="The id of a reference reporting it.")


class Funding(Spec):
    """Who paid for the intervention or its evaluation: readers weigh the evidence by it."""

    funder: Text = Field(description="Who paid.")
    kind: FundingKind = Field(description="public, charity, industry, academic, mixed or other.")
    purpose: Text | None = Field(None, description="What it paid for: delivery, evaluation...")
    period: Text | None = Field(None, description="When, e.g. '2019 to 2022'.")
    reference: Id | None = Field(None, description="The id of a reference recording it.")


class Target(Spec):
    """A target set for the intervention's reach or results."""

    name: Text = Field(description="What the target is, e.g. '85% of people with AF treated'.")
    by: PartialDate | None = Field(None, description="When it is to be met.")
    set_by: Text | None = Field(None, description="Who set it.")
    reference: Id | None = Field(None, description="The id of the reference for it.")


class Component(Spec):
    """One part of a programme: described here, or a spec of its own beside this one."""

    id: Id
    name: Text = Field(description="The component's name.")
    summary: Text = Field(description="What it is, in a sentence or two.")
    spec: str | None = Field(
        None,
        description="The path of the component's own spec, relative to this spec's folder, "
        "e.g. '../detect/intervention.yaml'.",
    )
    required: bool | None = Field(
        None,
        description="True when every adopter must take this component, whatever the rule.",
    )


class Choice(Spec):
    """How many of the components an adopter takes."""

    rule: ChoiceRule = Field(description="all, or at_least `count` of them.")
    count: int | None = Field(None, ge=1, description="For at_least: how many.")
    note: Text | None = Field(None, description="How to choose, e.g. 'by local priorities'.")


# --- the model's history ----------------------------------------------------------------------


class ReleaseChange(Spec):
    """One change a release makes, as the innovator tells adopters about it."""

    level: ChangeLevel = Field(
        description="breaking (adopters must do something differently), compatible (they may "
        "now do something more) or editorial (wording only)."
    )
    description: Text = Field(description="The change, in words for adopters.")


class Transition(Spec):
    """How long adopters have to make a release's breaking changes."""

    until: PartialDate = Field(
        description="The date by which adopters must have made the breaking changes."
    )
    note: Text | None = Field(
        None, description="What holds until then: support offered, what the old version allows."
    )


class Release(Spec):
    """One released version of the model: when, what it changed, and by when to act."""

    version: str = Field(description="The release's version, as semantic versioning.")
    date: PartialDate = Field(description="When it was released, e.g. 2025-03-01.")
    summary: Text = Field(description="What the release is about, in a sentence or two.")
    changes: list[ReleaseChange] = Field(
        default_factory=list,
        description="The changes adopters need to hear about; `codify diff --write-history` "
        "drafts them.",
    )
    transition: Transition | None = Field(
        None, description="For a release with breaking changes: by when adopters must make them."
    )


# --- the whole spec -----------------------------------------------------------------------------


class Verdict(Spec):
    """Why an intervention is not recommended, or was retired: the decision behind its status."""

    summary: Text = Field(description="The verdict in a sentence, as readers should act on it.")
    reason: Text = Field(description="Why: what the evidence or experience showed.")
    decided_by: Text = Field(description="Who reached the verdict: a trial team, NICE, the owners.")
    date: PartialDate = Field(description="When the verdict was reached, e.g. 2020-09.")
    applies_to: Text | None = Field(
        None, description="For whom or where the verdict holds, if not everywhere."
    )
    replaced_by: Text | None = Field(
        None, description="What replaced it, for a retired intervention."
    )
    references: list[Id] = Field(
        default_factory=list, description="Ids of the references the verdict rests on."
    )


class Intervention(InterventionLogic, Spec):
    """A health-care intervention, codified so that other organisations can replicate it."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Codified intervention",
        json_schema_extra={
            "$id": SCHEMA_ID,
            # An intervention meant for adoption needs its licence, pathway and fidelity; a
            # record of a rejected or retired one may leave them out (and `check` says so).
            "allOf": [
                {
                    "if": {
                        "properties": {"status": {"enum": [s.value for s in ADOPTION_STATUSES]}},
                        "required": ["status"],
                    },
                    "then": {
                        "required": list(ADOPTION_REQUIRES),
                        "properties": {"pathway": {"minItems": 1}},
                    },
                }
            ],
        },
    )

    format_version: str | None = Field(
        None,
        pattern=r"^\d+(\.\d+)?$",
        description="The version of the spec format it is written for, e.g. '2'. Left out, the "
        "spec is read as format 1; `codify migrate` brings it up to date.",
    )
    id: Id
    name: Text = Field(description="The intervention's name (TIDieR item 1).")
    short_name: Text | None = Field(None, description="A short name or acronym.")
    version: str = Field(
        description="The spec's version, as semantic versioning (MAJOR.MINOR.PATCH)."
    )
    status: Status = Field(description="Where the intervention is in its life.")
    verdict: Verdict | None = Field(
        None,
        description="The verdict behind a not_recommended or retired status: required for both.",
    )
    illustrative: bool | None = Field(
        None,
        description="True when the spec is an invented example, written to show or teach the "
        "format, not an intervention anyone delivers; every document says so under its title.",
    )
    summary: Text = Field(description="What the intervention is, in two or three sentences.")
    problem: Text = Field(description="The problem it addresses.")
    rationale: Rationale = Field(description="Why it works (TIDieR item 2).")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Evidence about it: that it works, or that it does not."
    )
    guidance: list[Guidance] = Field(
        default_factory=list, description="Guidelines and policies that name it, and their stance."
    )
    funding: list[Funding] = Field(
        default_factory=list, description="Who paid for it or its evaluation."
    )
    conflicts_of_interest: list[Text] = Field(
        default_factory=list, description="Interests of the developers, funders or evaluators."
    )
    origin: Origin = Field(description="Where and when it was first run.")
    owners: list[Contact] = Field(min_length=1, description="Who maintains this spec.")
    contacts: list[Contact] = Field(
        default_factory=list, description="Who adopters contact to start or for support."
    )
    licence: Licence | None = Field(
        None,
        description="How others may use and spread it: required unless the status is "
        "not_recommended or retired.",
    )
    audience: Audience | None = Field(
        None,
        description="Who reads the documents: clinical, community or mixed. Left out, it is "
        "read from the settings' types.",
    )
    parties: list[PartyEntry] = Field(
        default_factory=list,
        description="The organisations involved, when delivery spans more than the adopter.",
    )
    components: list[Component] = Field(
        default_factory=list,
        description="For a programme: its components, from which adopters take as `choose` says.",
    )
    choose: Choice | None = Field(
        None, description="For a programme: how many components an adopter takes."
    )
    technology: Technology | None = Field(
        None, description="For a technology-enabled service: the technology it depends on."
    )
    population: Population = Field(description="Who it is for.")
    settings: list[Setting] = Field(
        min_length=1, description="Where it is delivered (TIDieR item 7)."
    )
    readiness: list[ReadinessCriterion] = Field(
        default_factory=list, description="What an adopter must have in place before starting."
    )
    roles: list[Role] = Field(min_length=1, description="Who delivers it (TIDieR item 5).")
    materials: list[Material] = Field(
        default_factory=list, description="What is used or handed out (TIDieR item 3)."
    )
    core_elements: list[CoreElement] = Field(min_length=1, description="What adopters must keep.")
    adaptable_elements: list[AdaptableElement] = Field(
        default_factory=list, description="What adopters may change, within limits (TIDieR item 9)."
    )
    proscribed: list[Proscribed] = Field(
        default_factory=list, description="What adopters must never do."
    )
    delivery: Delivery = Field(description="How, when and how much (TIDieR items 4, 6, 8).")
    pathway: list[Phase] = Field(
        default_factory=list,
        description="The implementation pathway, in phases: at least one unless the status is "
        "not_recommended or retired.",
    )
    fidelity: Fidelity | None = Field(
        None,
        description="How fidelity is assessed (TIDieR items 11, 12): required unless the status "
        "is not_recommended or retired.",
    )
    modifications: list[Modification] = Field(
        default_factory=list, description="Modifications made so far, FRAME-coded (TIDieR item 10)."
    )
    complexity: Complexity | None = Field(None, description="A NASSS complexity assessment.")
    variants: list[Variant] = Field(
        default_factory=list, description="Related formats derived from the intervention."
    )
    adoption: list[AdoptionFigure] = Field(
        default_factory=list, description="How far it has spread, with dates and sources."
    )
    spread_approaches: list[SpreadApproach] = Field(
        default_factory=list, description="The NHS spread approaches used."
    )
    spread_lessons: list[SpreadLesson] = Field(
        default_factory=list, description="What spreading it has taught: levers and their effects."
    )
    targets: list[Target] = Field(
        default_factory=list, description="Targets set for its reach or results."
    )
    outcomes: list[Outcome] = Field(min_length=1, description="Outcomes and how they are measured.")
    support: Support | None = Field(
        None, description="Support offered and obligations on adopters."
    )
    glossary: list[GlossaryTerm] = Field(
        default_factory=list, description="Terms adopters may not know."
    )
    references: list[Reference] = Field(
        default_factory=list, description="Sources cited in the spec."
    )
    not_applicable: list[NotApplicable] = Field(
        default_factory=list,
        description="TIDieR items that do not apply yet, with the reason (e.g. 12 before any assessment).",
    )
    history: list[Release] = Field(
        default_factory=list,
        description="The released versions, newest first: the first is this spec's `version`.",
    )

    # The check's records run the same function (codify.vocab); for_adoption and spread_model
    # come from InterventionLogic.
    _adoption_sections = model_validator(mode="after")(adoption_sections)
