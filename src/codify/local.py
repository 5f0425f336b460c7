"""The local profile (`*.local.yaml`): how one adopting organisation runs a codified intervention.

A spec says what every adopter must keep and what each may change; a local profile records
what one organisation chose inside those limits: the spec and versions it adopts, its sites, a
choice for each adaptable element, its acknowledgement of each guardrail, the approvals it
asked for and got, its readiness, who holds each role, its pathway dates and a FRAME-coded log
of the modifications it made. `codify.localcheck` checks a profile against the spec it adopts;
the committed spec/local.schema.json is generated from these models (`codify schema --local`).
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import ConfigDict, Field

from codify.model import Id, Modification, PartialDate, Spec, Text

LOCAL_SCHEMA_ID = "https://codify-health.github.io/codify/schema/v1/local.schema.json"
LOCAL_SCHEMA_FILENAME = "local.schema.json"


class Adopts(Spec):
    """The spec a profile adopts, and the versions of it the profile was written for."""

    spec: str | None = Field(
        None,
        description="The spec's path from this profile's folder, e.g. 'intervention.yaml' or "
        "'../raid/intervention.yaml'. Left out, the spec with `id` in this folder is used.",
    )
    id: Id | None = Field(
        None, description="The spec's id; when `spec` is given too, the two must agree."
    )
    version: str = Field(
        min_length=1,
        description="The versions of the spec this profile follows, as a version range such as "
        "'>=1.0,<2' or '~=1.2' (commas join conditions; '==1.0.0' pins one version).",
    )


class Site(Spec):
    """One place where the organisation runs the intervention."""

    id: Id
    name: Text = Field(description="The site's name, e.g. a hospital or a church hall.")
    description: Text | None = Field(None, description="What matters about it for delivery.")


class Organisation(Spec):
    """The adopting organisation."""

    name: Text = Field(description="The organisation's name.")
    description: Text | None = Field(None, description="Who it is, in a sentence or two.")
    sites: list[Site] = Field(
        default_factory=list, description="Where it runs the intervention, if in several places."
    )


class Request(Spec):
    """An approval asked for."""

    date: PartialDate = Field(description="When it was asked for.")
    to: Text = Field(description="Whom it was asked of, e.g. the licence holder.")


class Grant(Spec):
    """An approval given."""

    date: PartialDate = Field(description="When it was given.")
    by: Text = Field(description="Who gave it.")


class Approval(Spec):
    """The approval a choice needs: when it was asked for, and when and by whom it was given."""

    requested: Request | None = Field(None, description="When and of whom it was asked.")
    granted: Grant | None = Field(None, description="When and by whom it was given.")
    note: Text | None = Field(
        None, description="Conditions, or where the decision is recorded (a letter, a minute)."
    )


class Choice(Spec):
    """What the organisation does for one adaptable element: an option, a value, or its own."""

    option: Text | None = Field(
        None,
        description="One of the element's permitted options: its words, or enough of their "
        "beginning to tell it from the others (e.g. 'Core 24').",
    )
    value: float | None = Field(
        None, allow_inf_nan=False, description="A number inside the element's range."
    )
    unit: Text | None = Field(None, description="The value's unit, as the range states it.")
    adaptation: Text | None = Field(
        None,
        description="An open adaptation, in words, for an element whose spec gives guidance "
        "for choosing one.",
    )
    rationale: Text | None = Field(
        None, description="Why: required for an open adaptation, welcome for any choice."
    )
    keep_default: bool | None = Field(
        None, description="True to do what the originator does (the element's default)."
    )
    guardrails: dict[str, Text] = Field(
        default_factory=dict,
        description="For each guardrail of the element, by its core element's id: how this "
        "choice keeps to it.",
    )
    approval: Approval | None = Field(
        None, description="The approval the choice needs, when the spec says it needs one."
    )
    decided_by: Text | None = Field(None, description="Who in the organisation decided.")
    date: PartialDate | None = Field(None, description="When it was decided.")
    note: Text | None = Field(None, description="Anything else readers should know.")


class ReadinessStatus(StrEnum):
    """Whether a readiness criterion is in place."""

    met = "met"
    not_yet = "not_yet"


class Readiness(Spec):
    """The organisation's own assessment of one readiness criterion of the spec."""

    status: ReadinessStatus = Field(description="met, or not_yet.")
    evidence: Text | None = Field(None, description="What shows it, or what is still missing.")
    date: PartialDate | None = Field(
        None, description="When it was met, or when it is expected to be."
    )


class Holder(Spec):
    """Someone who holds a role, or a post that does."""

    name: Text = Field(description="A person, a post or a team, e.g. 'Two consultant posts'.")
    time: Text | None = Field(None, description="How much of their time, e.g. '0.8 FTE'.")
    start: PartialDate | None = Field(None, description="When they took the role on.")
    note: Text | None = Field(None, description="Anything else, e.g. 'vacant: recruiting'.")


class PhaseDates(Spec):
    """When the organisation goes through one phase of the spec's pathway."""

    start: PartialDate | None = Field(None, description="When the phase starts.")
    end: PartialDate | None = Field(None, description="When it ends.")
    note: Text | None = Field(None, description="Local detail: who leads it, what it depends on.")


class LocalProfile(Spec):
    """An organisation's local version of a codified intervention, checked against its spec."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Local profile of a codified intervention",
        json_schema_extra={"$id": LOCAL_SCHEMA_ID},
    )

    adopts: Adopts = Field(description="The spec adopted, and the versions of it followed.")
    illustrative: bool | None = Field(
        None,
        description="True when the profile is an invented example rather than a real "
        "organisation's; every output says so.",
    )
    organisation: Organisation = Field(description="The adopting organisation and its sites.")
    date: PartialDate | None = Field(None, description="When the profile was last reviewed.")
    choices: dict[str, Choice] = Field(
        default_factory=dict,
        description="One entry per adaptable element of the spec, by its id: what is done here.",
    )
    readiness: dict[str, Readiness] = Field(
        default_factory=dict,
        description="A self-assessment against the spec's readiness criteria, by their ids.",
    )
    roles: dict[str, list[Holder]] = Field(
        default_factory=dict, description="Who holds each of the spec's roles, by its id."
    )
    launch: PartialDate | None = Field(
        None, description="When the service starts for the people it serves."
    )
    pathway: dict[str, PhaseDates] = Field(
        default_factory=dict, description="Local dates for the spec's pathway phases, by id."
    )
    modifications: list[Modification] = Field(
        default_factory=list,
        description="Modifications made locally, FRAME-coded, fidelity-consistent or not.",
    )


@cache
def local_json_schema() -> dict[str, Any]:
    """The JSON Schema of a local profile, generated as the spec's is (see codify.schema)."""
    from codify.schema import _Generator

    return LocalProfile.model_json_schema(schema_generator=_Generator)


def local_schema_text() -> str:
    """The schema as committed in spec/: stable key order, two-space indent, final newline."""
    return json.dumps(local_json_schema(), indent=2, ensure_ascii=False) + "\n"
