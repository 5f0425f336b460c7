"""The format's fixed vocabularies and what an intervention works out from its fields.

Kept apart from the models (codify.model), and free of pydantic, so that `codify check` can
read a valid spec without importing pydantic at all: its rules see plain records
(codify.records) built from the same definitions. codify.model re-exports every name here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

# The spec format this release writes and reads natively; older specs are migrated to it.
FORMAT_VERSION = "2"


class Status(StrEnum):
    """Where the intervention is in its life."""

    draft = "draft"
    piloting = "piloting"
    spreading = "spreading"
    mainstreamed = "mainstreamed"
    not_recommended = "not_recommended"
    retired = "retired"


# The statuses under which an intervention is meant to be taken up. For the others (a record of
# something tested and not recommended, or withdrawn) there is nothing to license, no pathway to
# follow and no fidelity to hold sites to, so those sections become optional.
ADOPTION_STATUSES = (Status.draft, Status.piloting, Status.spreading, Status.mainstreamed)


# What an intervention meant for adoption must have; the schema and the model both say so.
ADOPTION_REQUIRES = ("licence", "pathway", "fidelity")


class Audience(StrEnum):
    """Who reads the documents, which decides how codify's own sentences address them."""

    clinical = "clinical"  # health or care staff and their managers
    community = "community"  # community and voluntary organisations: volunteers, committees
    mixed = "mixed"  # both, e.g. a partnership of a hospital and a charity


class Party(StrEnum):
    """The kind of organisation a party is: who employs or provides the people in a role."""

    adopter = "adopter"  # the organisation taking the intervention up
    central = "central"  # the licence holder, franchisor or central team
    partner = "partner"  # another organisation the adopter works with
    commissioner = "commissioner"  # the body that pays for the service


class EvidenceKind(StrEnum):
    """What a piece of evidence is evidence of."""

    effectiveness = "effectiveness"
    implementation = "implementation"
    need = "need"
    cost = "cost"
    safety = "safety"
    experience = "experience"


class EvidenceDirection(StrEnum):
    """Which way a finding points, so a null or harmful result never reads as support."""

    supports = "supports"
    no_effect = "no_effect"
    mixed = "mixed"
    harm = "harm"


class Certainty(StrEnum):
    """How sure the finding is, in GRADE's four levels."""

    high = "high"
    moderate = "moderate"
    low = "low"
    very_low = "very_low"


class Basis(StrEnum):
    """Whether a figure was observed, or modelled or estimated from other figures."""

    observed = "observed"
    modelled = "modelled"
    estimated = "estimated"


class Qualifier(StrEnum):
    """How exact a count is: '422', 'about 400', 'more than 16,000'."""

    exactly = "exactly"
    about = "about"
    more_than = "more_than"
    at_least = "at_least"
    fewer_than = "fewer_than"
    up_to = "up_to"


class GuidanceStance(StrEnum):
    """What a guideline says about the intervention."""

    recommends = "recommends"
    supports = "supports"
    mentions = "mentions"
    does_not_recommend = "does_not_recommend"
    predates_evidence = "predates_evidence"  # written before evidence that now contradicts it


class FundingKind(StrEnum):
    """Who paid, as readers judge a conflict of interest by it."""

    public = "public"
    charity = "charity"
    industry = "industry"
    academic = "academic"
    mixed = "mixed"
    other = "other"


class Provenance(StrEnum):
    """Where a fidelity instrument comes from, which says how far to trust its cut-offs."""

    official = "official"  # the owner's own instrument, as published
    adapted = "adapted"  # the owner's or a published instrument, changed for this spec
    illustrative = "illustrative"  # written for this spec to show what checking could cover


class AssessmentUnit(StrEnum):
    """What one fidelity assessment is of."""

    site = "site"
    team = "team"
    practice = "practice"
    service = "service"
    pathway = "pathway"
    system = "system"
    individual = "individual"


class ChoiceRule(StrEnum):
    """How many of a programme's components an adopter takes."""

    all = "all"
    at_least = "at_least"


class SpreadModel(StrEnum):
    """How the intervention is passed to other organisations (the replication spectrum)."""

    open = "open"
    dissemination = "dissemination"
    licence = "licence"
    franchise = "franchise"
    network = "network"
    direct = "direct"
    none = "none"  # not for spread: a not-recommended or retired intervention


class DeliveryMode(StrEnum):
    """How the intervention reaches people (TIDieR item 6)."""

    face_to_face = "face_to_face"
    online = "online"
    telephone = "telephone"
    hybrid = "hybrid"
    written = "written"
    sms = "sms"
    app = "app"
    web = "web"
    automated_message = "automated_message"
    remote_monitoring = "remote_monitoring"


class DeliveryFormat(StrEnum):
    """Whether it is delivered to individuals or groups (TIDieR item 6)."""

    individual = "individual"
    group = "group"
    organisation = "organisation"


class FidelityDimension(StrEnum):
    """Carroll et al. (2007) adherence dimensions, plus the moderators they name."""

    content = "content"
    frequency = "frequency"
    duration = "duration"
    coverage = "coverage"
    timeliness = "timeliness"
    quality_of_delivery = "quality_of_delivery"
    participant_responsiveness = "participant_responsiveness"


class DataSource(StrEnum):
    """Where an assessor finds the evidence for a rating."""

    observation = "observation"
    interview = "interview"
    record_review = "record_review"
    document_review = "document_review"
    survey = "survey"
    routine_data = "routine_data"
    self_report = "self_report"


class ScaleKind(StrEnum):
    """The kind of rating scale: yes/no (scored 1/0) or an anchored numeric rating."""

    yes_no = "yes_no"
    rating = "rating"


class ObligationKind(StrEnum):
    """What an adopting organisation commits to under the spread model."""

    training = "training"
    accreditation = "accreditation"
    reporting = "reporting"
    fees = "fees"
    brand = "brand"
    fidelity_review = "fidelity_review"
    other = "other"


class FrameWhen(StrEnum):
    """FRAME: when in the implementation process the modification was made."""

    pre_implementation = "pre_implementation"
    implementation = "implementation"
    scale_up = "scale_up"
    maintenance = "maintenance"


class FramePlanned(StrEnum):
    """FRAME: planned (an adaptation) or unplanned (a modification)."""

    planned_proactive = "planned_proactive"
    planned_reactive = "planned_reactive"
    unplanned_reactive = "unplanned_reactive"
    unknown = "unknown"


class FrameDecider(StrEnum):
    """FRAME: who took part in the decision to modify."""

    political_leaders = "political_leaders"
    programme_leader = "programme_leader"
    funder = "funder"
    administrator = "administrator"
    programme_manager = "programme_manager"
    developer = "developer"
    researcher = "researcher"
    delivery_team = "delivery_team"
    practitioner = "practitioner"
    community_members = "community_members"
    recipients = "recipients"
    unknown = "unknown"


class FrameWhat(StrEnum):
    """FRAME: what was modified."""

    content = "content"
    context = "context"
    training_and_evaluation = "training_and_evaluation"
    implementation_and_scale_up = "implementation_and_scale_up"


class FrameLevel(StrEnum):
    """FRAME: for whom or what the modification was made."""

    individual_recipient = "individual_recipient"
    target_group = "target_group"
    cohort = "cohort"
    individual_practitioner = "individual_practitioner"
    unit = "unit"
    organisation = "organisation"
    network = "network"


class FrameContext(StrEnum):
    """FRAME: what a contextual modification was made to."""

    format = "format"  # type: ignore[assignment]  # FRAME's word; shadows str.format
    setting = "setting"
    personnel = "personnel"
    population = "population"


class FrameNature(StrEnum):
    """FRAME: the nature of a content modification."""

    tailoring = "tailoring"
    packaging_or_materials = "packaging_or_materials"
    adding_elements = "adding_elements"
    removing_elements = "removing_elements"
    shortening = "shortening"
    lengthening = "lengthening"
    substituting = "substituting"
    reordering = "reordering"
    spreading = "spreading"
    integrating_into_another_framework = "integrating_into_another_framework"
    integrating_another_treatment = "integrating_another_treatment"
    repeating_elements = "repeating_elements"
    loosening_structure = "loosening_structure"
    departing_then_returning = "departing_then_returning"
    drift = "drift"


class FrameFidelity(StrEnum):
    """FRAME: whether the modification preserved the core functions."""

    fidelity_consistent = "fidelity_consistent"
    fidelity_inconsistent = "fidelity_inconsistent"
    unknown = "unknown"


class FrameGoal(StrEnum):
    """FRAME: what the modification was meant to achieve."""

    improve_fit = "improve_fit"
    increase_reach = "increase_reach"
    increase_retention = "increase_retention"
    improve_feasibility = "improve_feasibility"
    improve_effectiveness = "improve_effectiveness"
    increase_adoption = "increase_adoption"
    improve_fidelity = "improve_fidelity"
    improve_sustainability = "improve_sustainability"
    reduce_cost = "reduce_cost"
    address_cultural_factors = "address_cultural_factors"
    increase_satisfaction = "increase_satisfaction"


class FrameReasonLevel(StrEnum):
    """FRAME: the level of the contextual factor that drove the modification."""

    sociopolitical = "sociopolitical"
    organisation = "organisation"
    provider = "provider"
    recipient = "recipient"


class ModificationTarget(StrEnum):
    """Whether the intervention itself or its implementation strategy was changed (FRAME-IS)."""

    intervention = "intervention"
    implementation_strategy = "implementation_strategy"


class ComplexityLevel(StrEnum):
    """NASSS: how complex a domain is."""

    simple = "simple"
    complicated = "complicated"
    complex = "complex"


class SpreadApproach(StrEnum):
    """The NHS's seven approaches to spread and scale."""

    building_capacity_and_capability = "building_capacity_and_capability"
    networking_and_peer_learning = "networking_and_peer_learning"
    piloting_and_rolling_out = "piloting_and_rolling_out"
    large_scale_engagement = "large_scale_engagement"
    investing_and_incentivising = "investing_and_incentivising"
    governing_and_assuring = "governing_and_assuring"
    identifying_and_communicating_priorities = "identifying_and_communicating_priorities"


class ReferenceType(StrEnum):
    """The kind of work a reference is, named as CSL names it: it decides the entry's layout."""

    article_journal = "article-journal"
    report = "report"
    webpage = "webpage"
    book = "book"
    chapter = "chapter"


class ChangeLevel(StrEnum):
    """What a change in a new version means for an organisation already running the model."""

    breaking = "breaking"  # it must now do something differently
    compatible = "compatible"  # it may now do something more, and need change nothing
    editorial = "editorial"  # wording or the record: nothing it does changes


# --- what the models and the check's records share ---------------------------------------------


class Node:
    """What every object of the format is, as a pydantic model or as the check's record.

    The rules walk a spec by this base (each node's fields are its `__dict__`), so they read
    the one kind as readily as the other.
    """

    __slots__ = ()


class InterventionLogic:
    """What an intervention works out from its own fields, for the model and the record alike."""

    __slots__ = ()

    if TYPE_CHECKING:
        status: Status
        licence: Any

    @property
    def for_adoption(self) -> bool:
        """Whether the intervention is meant to be taken up (every status but a record's)."""
        return self.status in ADOPTION_STATUSES

    @property
    def spread_model(self) -> SpreadModel:
        """How it is passed on: a record without a licence is not for spread."""
        return self.licence.spread_model if self.licence else SpreadModel.none


def adoption_sections(spec: Any) -> Any:
    """The schema's if/then as an after-validator: an intervention for adoption needs these.

    The models run it on validation and the check's records run it on construction, so a spec
    built in Python is held to what the schema holds a file to.
    """
    if spec.for_adoption:
        missing = [k for k in ADOPTION_REQUIRES if not getattr(spec, k)]
        if missing:
            raise ValueError(
                f"{', '.join(missing)} required while the status is {spec.status.value}"
            )
    return spec
