"""The files of a network of sites: `network.yaml` at the root and the sites' outcome reports.

A network folder holds `network.yaml` (which spec, the network's name and settings), and one
folder per site under `sites/`: its local profile (`*.local.yaml`), a dated `assessments/`
folder and an optional `outcomes/` folder of reports per period. These models define the two
file kinds codify does not already know; the committed spec/network.schema.json and
spec/outcomes.schema.json are generated from them (`codify schema --network`, `--outcomes`).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from codify.model import Id, Spec, Text

NETWORK_SCHEMA_ID = "https://codify-health.github.io/codify/schema/v1/network.schema.json"
OUTCOMES_SCHEMA_ID = "https://codify-health.github.io/codify/schema/v1/outcomes.schema.json"
NETWORK_SCHEMA_FILENAME = "network.schema.json"
OUTCOMES_SCHEMA_FILENAME = "outcomes.schema.json"

# A reporting period: a year, a quarter (2025-Q2), a month (2025-06) or a day.
PERIOD_PATTERN = r"^[0-9]{4}(-Q[1-4]|-[0-9]{2}(-[0-9]{2})?)?$"
Period = Annotated[str, Field(pattern=PERIOD_PATTERN)]
# A day, as an assessment's date or the date a report is as of.
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
Day = Annotated[str, Field(pattern=DAY_PATTERN)]


# Which direction of an outcome is the good one. (Not an enum: `lower` would hide str.lower.)
Better = Literal["higher", "lower"]


class MeasureSettings(Spec):
    """How the network charts one of the spec's outcome measures."""

    better: Better = Field(
        "higher",
        description="higher (the default) when a larger proportion is better, lower when a "
        "smaller one is (e.g. readmissions).",
    )
    period: Period | None = Field(
        None,
        description="The reporting period the funnel plot compares; left out, the latest "
        "period any site reported for this measure.",
    )


class Frequency(Spec):
    """How often each site is assessed, overriding what the spec's fidelity frequency says."""

    months: int = Field(ge=1, le=120, description="Months between assessments.")
    below_standard_months: int | None = Field(
        None,
        ge=1,
        le=120,
        description="Months between assessments while a site's latest result does not meet "
        "the standard, when that is more often.",
    )


class SpcSettings(Spec):
    """How the fidelity charts compute their centre line and process limits."""

    baseline: int | None = Field(
        None,
        ge=5,
        description="How many of each site's first assessments set the mean and limits (at "
        "least 5: fewer say too little to draw limits from); left out, all of them.",
    )


class NetworkSettings(Spec):
    """A network of sites that run one codified intervention: `network.yaml`."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Network of sites running a codified intervention",
        json_schema_extra={"$id": NETWORK_SCHEMA_ID},
    )

    name: Text = Field(description="The network's name, as the report's title.")
    spec: str = Field(
        min_length=1,
        description="The spec the sites run: its path from this file's folder, e.g. "
        "'../intervention.yaml'.",
    )
    description: Text | None = Field(None, description="Who the network is, in a sentence.")
    synthetic: bool | None = Field(
        None,
        description="True when the sites and their data are invented; every output says so.",
    )
    as_of: Day | None = Field(
        None,
        description="The day the report is as of (YYYY-MM-DD), for whether an assessment is "
        "overdue; left out, the day the report is built.",
    )
    frequency: Frequency | None = Field(
        None,
        description="How often sites are assessed; left out, read from the spec's fidelity "
        "frequency where it names a period such as 'yearly' or 'every 6 months'.",
    )
    outcomes: dict[Id, MeasureSettings] = Field(
        default_factory=dict,
        description="The spec's outcome measures to chart, by id, with how to read each; left "
        "out, every measure that sites report, higher taken as better.",
    )
    spc: SpcSettings = Field(
        default_factory=lambda: SpcSettings(),
        description="How the fidelity charts set their mean and limits.",
    )


class MeasureReport(Spec):
    """One outcome measure for one period: a numerator and denominator, or a value."""

    id: Id = Field(description="The id of one of the spec's outcomes.")
    numerator: int | None = Field(None, ge=0, description="How many had the outcome.")
    denominator: int | None = Field(
        None, ge=1, description="Out of how many (the funnel plot's volume)."
    )
    value: float | None = Field(
        None,
        allow_inf_nan=False,
        description="A figure that is not a proportion, e.g. bed-days saved; tabled, not plotted.",
    )
    note: Text | None = Field(None, description="How it was counted, or what to bear in mind.")


class OutcomeReport(Spec):
    """A site's outcome figures for one period: a file in the site's `outcomes/` folder."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Outcome report of one site for one period",
        json_schema_extra={"$id": OUTCOMES_SCHEMA_ID},
    )

    period: Period = Field(
        description="The period it covers: a year (2025), quarter (2025-Q2), month or day."
    )
    measures: list[MeasureReport] = Field(
        min_length=1, description="One entry per outcome measure reported."
    )


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    from codify.schema import _Generator

    return model.model_json_schema(schema_generator=_Generator)


@cache
def network_json_schema() -> dict[str, Any]:
    """The JSON Schema of network.yaml, generated as the spec's is (see codify.schema)."""
    return _schema(NetworkSettings)


@cache
def outcomes_json_schema() -> dict[str, Any]:
    """The JSON Schema of an outcome report."""
    return _schema(OutcomeReport)


def network_schema_text() -> str:
    """network.schema.json as committed in spec/: two-space indent, final newline."""
    return json.dumps(network_json_schema(), indent=2, ensure_ascii=False) + "\n"


def outcomes_schema_text() -> str:
    """outcomes.schema.json as committed in spec/."""
    return json.dumps(outcomes_json_schema(), indent=2, ensure_ascii=False) + "\n"
