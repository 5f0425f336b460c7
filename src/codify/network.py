"""A network of sites running one codified intervention: read it, and work out the picture.

`load_network(folder)` reads `network.yaml`, the spec it names (once), and every site under
`sites/`: its local profile, its dated assessments and its outcome reports. A file that cannot
be read or does not check is excluded with its diagnostics (path, line, column) and the rest
goes on: one bad file in a thousand never stops the report. `analyse(network)` turns what was
read into the report's tables: each site's latest result, trend, SPC chart and due date; each
criterion's spread over the sites; drift alerts; funnel plots of outcomes with the sites beyond
their limits and their recorded choices; and the catalogue of adaptations. The work is linear
in the number of files: each is read once, the spec and validators are built once.

The tables (`tables(report)`) are what the HTML, CSV and JSON outputs all show
(`codify.network_report`); nothing in them is inferred beyond what the files say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from codify.codes import INVALID_VALUE, MISSING_KEY
from codify.diagnostics import Diagnostic, Severity
from codify.loader import Document, LoadError, load_file
from codify.local import LocalProfile
from codify.model import Band, Intervention
from codify.network_model import NetworkSettings, OutcomeReport
from codify.network_stats import (
    MIN_FUNNEL_SITES,
    MIN_LIMIT_POINTS,
    Funnel,
    Interval,
    Position,
    Signal,
    Xmr,
    add_months,
    funnel_limits,
    funnel_position,
    interval_from_words,
    period_order,
    period_problem,
    signals,
    xmr,
)
from codify.structure import shown

NETWORK_FILE = "network.yaml"
SITES = "sites"
ASSESSMENTS = "assessments"
OUTCOMES = "outcomes"
ASSESSMENT_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
YAML_SUFFIXES = (".yaml", ".yml")
_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})")


class NetworkError(Exception):
    """The network cannot be reported at all (no network.yaml, a bad one, no usable spec).

    `diagnostics` holds positioned problems when there are any; the message says the rest.
    """

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = diagnostics or []


# --- what is read ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessed:
    """One scored assessment of one site."""

    path: str
    day: date
    total: int
    band: Band | None
    band_index: int | None
    meets_standard: bool
    failed: tuple[str, ...]  # ids of criteria below their must-pass minimum
    ratings: dict[str, int]


@dataclass(frozen=True)
class Figure:
    """One outcome measure of one site for one period."""

    path: str
    period: str
    measure: str
    numerator: int | None
    denominator: int | None
    value: float | None

    @property
    def proportion(self) -> float | None:
        """numerator / denominator, when both are given."""
        if self.numerator is None or self.denominator is None:
            return None
        return self.numerator / self.denominator


@dataclass
class Site:
    """One site's folder: its profile, assessments (oldest first) and outcome figures."""

    id: str
    folder: Path
    name: str
    profile: LocalProfile | None = None
    profile_path: str | None = None
    assessments: list[Assessed] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True)
class Excluded:
    """A file left out of the report, with why (its diagnostics)."""

    path: str
    kind: str  # "assessment", "outcomes", "profile", "site"
    diagnostics: tuple[Diagnostic, ...]


@dataclass
class Network:
    """Everything read from a network folder."""

    root: Path
    settings: NetworkSettings
    spec: Intervention
    spec_path: Path
    sites: list[Site]
    excluded: list[Excluded]
    warnings: list[Diagnostic]
    inputs: list[Path]
    as_of: date


def load_network(root: Path, *, today: date | None = None) -> Network:
    """Read the network in `root`; raise NetworkError when it cannot be reported at all."""
    settings_path = root / NETWORK_FILE
    doc = _load_or_raise(settings_path)
    settings = _network_settings(doc)
    spec_path = (root / settings.spec).resolve()
    spec = _spec(spec_path, doc)
    _check_settings_against(doc, settings, spec)
    as_of = date.fromisoformat(settings.as_of) if settings.as_of else (today or date.today())
    network = Network(root, settings, spec, spec_path, [], [], [], [settings_path], as_of)
    sites_dir = root / SITES
    if not sites_dir.is_dir():
        raise NetworkError(f"{sites_dir}: no sites folder; make one folder per site inside it")
    reader = _Reader(network)
    for folder in sorted(p for p in sites_dir.iterdir() if p.is_dir() and not _passed_over(p)):
        network.sites.append(reader.site(folder))
    return network


def _hidden(path: Path) -> bool:
    return path.name.startswith((".", "_"))


def _passed_over(folder: Path) -> bool:
    """A folder under sites/ that is not a site: hidden, or one codify wrote (a report or a
    site put there), which holds one of codify's records."""
    from codify.outputs import RECORDS

    return _hidden(folder) or any((folder / record).exists() for record in RECORDS)


def _load_or_raise(path: Path) -> Document:
    try:
        return load_file(path, str(path), kind="network")
    except LoadError as exc:
        raise NetworkError(f"{path}: cannot be read", [exc.diagnostic]) from None


def _network_settings(doc: Document) -> NetworkSettings:
    from codify.network_model import network_json_schema

    found = _structure(doc, network_json_schema())
    if found:
        raise NetworkError(f"{doc.path}: not a valid network file", found)
    return NetworkSettings.model_validate(doc.data)


def _check_settings_against(doc: Document, settings: NetworkSettings, spec: Intervention) -> None:
    """What the schema cannot say about network.yaml: `as_of` is a day the calendar has, and
    each outcome charted is one of the spec's. Raises NetworkError at the line at fault."""
    found = []
    if settings.as_of is not None and period_problem(settings.as_of):
        found.append(
            _problem(doc, ("as_of",), INVALID_VALUE, f"as_of: {period_problem(settings.as_of)}")
        )
    known = {o.id for o in spec.outcomes}
    for measure, chosen in settings.outcomes.items():
        if measure not in known:
            listed = ", ".join(sorted(known)) or "none"
            found.append(
                _problem(
                    doc,
                    ("outcomes", measure),
                    INVALID_VALUE,
                    f"outcomes: {shown(measure)} is not one of the spec's outcome measures "
                    f"({listed})",
                )
            )
        elif chosen.period is not None and period_problem(chosen.period):
            found.append(
                _problem(
                    doc,
                    ("outcomes", measure, "period"),
                    INVALID_VALUE,
                    f"outcomes.{measure}.period: {period_problem(chosen.period)}",
                )
            )
    if found:
        raise NetworkError(f"{doc.path}: not a valid network file", found)


def _spec(path: Path, settings_doc: Document) -> Intervention:
    """The spec network.yaml names, checked; problems are reported at its `spec` line."""
    from codify.api import settings_for
    from codify.checker import check_file

    if not path.is_file():
        where = settings_doc.position(("spec",))
        raise NetworkError(
            f"{settings_doc.path}: the spec it names is not there",
            [
                Diagnostic(
                    settings_doc.path,
                    *where,
                    INVALID_VALUE,
                    f"spec: no file at {path}; give its path from this file's folder",
                )
            ],
        )
    result = check_file(path, settings_for(path))
    if result.spec is None or result.errors:
        raise NetworkError(f"{path}: the spec has errors; run codify check", result.diagnostics)
    if result.spec.fidelity is None:
        raise NetworkError(f"{path}: the spec sets no fidelity criteria to assess sites against")
    return result.spec


@cache
def _validator(schema_name: str) -> Any:
    from codify.local import local_json_schema
    from codify.network_model import network_json_schema, outcomes_json_schema
    from codify.structure import validator_for

    schemas = {
        "local": local_json_schema,
        "network": network_json_schema,
        "outcomes": outcomes_json_schema,
    }
    return validator_for(schemas[schema_name]())


def _structure(doc: Document, schema: dict[str, Any]) -> list[Diagnostic]:
    from codify.structure import check_structure, validator_for

    return check_structure(doc, validator_for(schema))


def _problem(doc: Document, path: tuple[str | int, ...], code: str, message: str) -> Diagnostic:
    return Diagnostic(doc.path, *doc.position(path), code, message)


class _Reader:
    """Reads the sites of one network, with the spec's lookups built once for all of them."""

    def __init__(self, network: Network) -> None:
        self.network = network
        spec = network.spec
        assert spec.fidelity is not None
        self.bands = list(spec.fidelity.bands)
        self.outcome_ids = {o.id for o in spec.outcomes}
        self.local = _validator("local")
        self.outcomes = _validator("outcomes")

    def exclude(self, path: str, kind: str, found: list[Diagnostic]) -> None:
        self.network.excluded.append(Excluded(path, kind, tuple(sorted(found))))

    def site(self, folder: Path) -> Site:
        site = Site(folder.name, folder, folder.name)
        profiles = sorted(
            p for p in folder.iterdir() if p.name.endswith((".local.yaml", ".local.yml"))
        )
        for extra in profiles[1:]:
            self.exclude(
                str(extra),
                "profile",
                [
                    Diagnostic(
                        str(extra),
                        1,
                        1,
                        INVALID_VALUE,
                        f"a second local profile in the site's folder; {profiles[0].name} is used",
                    )
                ],
            )
        if profiles:
            self.profile(site, profiles[0])
        for path in _files(folder / ASSESSMENTS, ASSESSMENT_SUFFIXES):
            self.assessment(site, path)
        site.assessments.sort(key=lambda a: (a.day, a.path))
        seen: dict[str, str] = {}
        for path in _files(folder / OUTCOMES, YAML_SUFFIXES):
            self.outcome_report(site, path, seen)
        return site

    def profile(self, site: Site, path: Path) -> None:
        from pydantic import ValidationError

        from codify.structure import check_structure

        self.network.inputs.append(path)
        try:
            doc = load_file(path, str(path), kind="profile")
        except LoadError as exc:
            self.exclude(str(path), "profile", [exc.diagnostic])
            return
        found = check_structure(doc, self.local)
        if found:
            self.exclude(str(path), "profile", found)
            return
        try:
            profile = LocalProfile.model_validate(doc.data)
        except ValidationError as exc:
            self.exclude(
                str(path),
                "profile",
                [_problem(doc, tuple(e["loc"]), INVALID_VALUE, e["msg"]) for e in exc.errors()],
            )
            return
        site.profile, site.profile_path = profile, str(path)
        sites = profile.organisation.sites
        site.name = sites[0].name if len(sites) == 1 else profile.organisation.name

    def assessment(self, site: Site, path: Path) -> None:
        self.network.inputs.append(path)
        read = read_assessment(path, self.network.spec)
        errors = [d for d in read.diagnostics if d.severity is Severity.error]
        self.network.warnings.extend(
            d for d in read.diagnostics if d.severity is not Severity.error
        )
        day: date | None = None
        if not errors:
            day, problem = _assessment_day(path, read.date, read.date_position)
            if problem is not None:
                errors.append(problem)
        if errors or read.total is None or day is None:
            if not errors:
                errors = [
                    Diagnostic(str(path), 1, 1, MISSING_KEY, "not every criterion is rated yet")
                ]
            self.exclude(str(path), "assessment", errors)
            return
        band_index = next((i for i, b in enumerate(self.bands) if b is read.band), None)
        site.assessments.append(
            Assessed(
                str(path),
                day,
                read.total,
                read.band,
                band_index,
                bool(read.meets_standard),
                read.failed,
                read.ratings,
            )
        )

    def outcome_report(self, site: Site, path: Path, seen: dict[str, str]) -> None:
        from codify.structure import check_structure

        self.network.inputs.append(path)
        try:
            doc = load_file(path, str(path), kind="outcomes")
        except LoadError as exc:
            self.exclude(str(path), "outcomes", [exc.diagnostic])
            return
        found = check_structure(doc, self.outcomes)
        if found:
            self.exclude(str(path), "outcomes", found)
            return
        report = OutcomeReport.model_validate(doc.data)
        if period_problem(report.period):
            problem = f"period: {period_problem(report.period)}"
            self.exclude(
                str(path), "outcomes", [_problem(doc, ("period",), INVALID_VALUE, problem)]
            )
            return
        if report.period in seen:
            found.append(
                _problem(
                    doc,
                    ("period",),
                    INVALID_VALUE,
                    f"period {report.period} is already reported in {seen[report.period]}",
                )
            )
        measured: set[str] = set()
        for i, m in enumerate(report.measures):
            at: tuple[str | int, ...] = ("measures", i)
            if m.id not in self.outcome_ids:
                known = ", ".join(sorted(self.outcome_ids)) or "none"
                found.append(
                    _problem(
                        doc,
                        (*at, "id"),
                        INVALID_VALUE,
                        f"'{m.id}' is not an outcome of the spec (its outcomes: {known})",
                    )
                )
            if m.id in measured:
                found.append(
                    _problem(doc, (*at, "id"), INVALID_VALUE, f"'{m.id}' is reported twice")
                )
            measured.add(m.id)
            has_pair = m.numerator is not None or m.denominator is not None
            if has_pair and (m.numerator is None or m.denominator is None):
                found.append(
                    _problem(
                        doc, at, INVALID_VALUE, "give both numerator and denominator, or neither"
                    )
                )
            elif m.numerator is not None and m.denominator is not None:
                if m.numerator > m.denominator:
                    found.append(
                        _problem(
                            doc,
                            (*at, "numerator"),
                            INVALID_VALUE,
                            f"numerator {m.numerator} is more than denominator {m.denominator}",
                        )
                    )
            elif m.value is None:
                found.append(
                    _problem(doc, at, INVALID_VALUE, "give a numerator and denominator, or a value")
                )
        if found:
            self.exclude(str(path), "outcomes", found)
            return
        seen[report.period] = path.name
        for m in report.measures:
            site.figures.append(
                Figure(str(path), report.period, m.id, m.numerator, m.denominator, m.value)
            )


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in suffixes and not _hidden(p) and not p.is_dir()
    )


def _assessment_day(
    path: Path, stated: object, position: tuple[int, int]
) -> tuple[date | None, Diagnostic | None]:
    """The assessment's day: its `date` field, else the YYYY-MM-DD its file name starts with."""
    if stated not in (None, ""):
        from codify.assessment import day_problem

        wrong = day_problem(stated)
        if wrong is not None:
            return None, Diagnostic(str(path), *position, INVALID_VALUE, wrong)
        return date.fromisoformat(str(stated).strip()), None
    named = _DATED_NAME.match(path.name)
    if named:
        try:
            return date.fromisoformat(named[1]), None
        except ValueError:
            pass
    return None, Diagnostic(
        str(path),
        *position,
        MISSING_KEY,
        "no date: give `date: YYYY-MM-DD`, or start the file name with it (2025-06-30.yaml)",
    )


# --- reading one assessment --------------------------------------------------------------------


@dataclass
class Reading:
    """One assessment file read and scored: what the network needs of it."""

    diagnostics: list[Diagnostic]
    total: int | None = None
    band: Band | None = None
    meets_standard: bool | None = None
    failed: tuple[str, ...] = ()
    ratings: dict[str, int] = field(default_factory=dict)
    date: object = None
    date_position: tuple[int, int] = (1, 1)


def read_assessment(path: Path, spec: Intervention) -> Reading:
    """Read and score one assessment file (YAML, CSV or XLSX) as `codify score` does.

    The one place the network reads an assessment. It loads the file with the scorer's own
    reader (`codify.assessment.load_assessment`, which `read_assessment` uses too) so that the
    document's positions are at hand for the date, which the network needs and the scorer
    does not check.
    """
    from codify.assessment import load_assessment, score

    try:
        doc = load_assessment(path, str(path))
    except LoadError as exc:
        return Reading([exc.diagnostic])
    result = score(doc, spec)
    reading = Reading(
        list(result.diagnostics),
        result.total,
        result.band,
        result.meets_standard,
        tuple(c.id for c in result.failed_minimums),
        {b.criterion.id: b.rating for b in result.breakdown if b.rating is not None},
    )
    data = doc.data if isinstance(doc.data, dict) else {}
    reading.date = data.get("date")
    reading.date_position = doc.position(("date",)) if "date" in data else (1, 1)
    return reading


# --- the picture -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSummary:
    """One site's standing: latest result, change, chart, signals and due date."""

    site: Site
    latest: Assessed | None
    previous: Assessed | None
    chart: Xmr | None
    signals: tuple[Signal, ...]
    variation: str  # "common", "improving", "concerning", "none"
    assurance: str  # "pass", "fail", "hit_and_miss", "none"
    interval: int | None
    due: date | None
    overdue: bool | None

    @property
    def change(self) -> int | None:
        """Latest total minus the one before."""
        if self.latest is None or self.previous is None:
            return None
        return self.latest.total - self.previous.total


@dataclass(frozen=True)
class CriterionSpread:
    """How one criterion was rated across the sites' latest assessments."""

    number: int
    id: str
    name: str
    low: int
    high: int
    minimum: int | None
    rated: int
    mean: float | None
    below_minimum: int
    counts: dict[int, int]

    @property
    def share(self) -> float | None:
        """The mean as a share of the scale, 0 (all lowest) to 1 (all highest)."""
        if self.mean is None or self.high == self.low:
            return None
        return (self.mean - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Alert:
    """A drift alert or an SPC signal for one site."""

    site: Site
    kind: str  # "band_fall", "below_standard", or a Rule's value
    concerning: bool
    first: date
    last: date
    detail: str  # the values involved, as data (band labels, totals)


@dataclass(frozen=True)
class FunnelPoint:
    """One site on one funnel plot."""

    site: Site
    figure: Figure
    limits: Funnel
    position: Position
    deviance: str  # "positive", "possible_positive", "within", "possible_negative", "negative"


@dataclass(frozen=True)
class FunnelPlot:
    """One outcome measure's funnel plot for one period."""

    measure: str
    name: str
    better: str
    period: str
    target: float
    points: tuple[FunnelPoint, ...]
    values: tuple[Figure, ...]  # figures without a denominator for this measure, tabled


@dataclass(frozen=True)
class ChoiceLabel:
    """One site's choice for one adaptable element, as the catalogue groups it."""

    element: str
    element_name: str
    kind: str  # "option", "value", "adaptation", "default"
    text: str


@dataclass(frozen=True)
class CatalogueEntry:
    """The sites that made one choice, with their fidelity and outcomes."""

    choice: ChoiceLabel
    sites: tuple[Site, ...]
    assessed: int
    mean_total: float | None
    meeting: int
    outcomes: dict[str, float | None]  # measure -> pooled proportion in its funnel period


@dataclass
class Report:
    """Everything the network report shows."""

    network: Network
    low: int
    high: int
    standard: int | None  # the lowest total in a band that meets the standard
    interval: Interval | None
    interval_source: str  # "network", "spec", "none"
    sites: list[SiteSummary]
    criteria: list[CriterionSpread]
    alerts: list[Alert]
    funnels: list[FunnelPlot]
    catalogue: list[CatalogueEntry]
    choices: dict[str, list[ChoiceLabel]]  # site id -> its choices
    # How many assessments a chart's limits are drawn from at the least (for its caption).
    min_limit_points: ClassVar[int] = MIN_LIMIT_POINTS
    # How many sites a funnel sets a result against at the least (for its caption).
    min_funnel_sites: ClassVar[int] = MIN_FUNNEL_SITES

    def sharing(self, choice: ChoiceLabel) -> int:
        """How many sites' profiles record the same choice (the catalogue's count)."""
        return next((len(e.sites) for e in self.catalogue if e.choice == choice), 0)

    def recorded(self) -> list[tuple[Site, str, str]]:
        """What sites' local profiles record that a network lead must see, site by site:
        ("departs", the modification's description) for each modification inconsistent with
        the model's core functions, ("not_ready", the criterion) for each required readiness
        criterion the profile says is not yet met, and ("unanswered", the criterion) for each
        one a profile that answers readiness leaves out."""
        readiness = {r.id: r for r in self.network.spec.readiness}
        found: list[tuple[Site, str, str]] = []
        for summary in self.sites:
            profile = summary.site.profile
            if profile is None:
                continue
            for mod in profile.modifications:
                if mod.fidelity.value == "fidelity_inconsistent":
                    found.append((summary.site, "departs", mod.description))
            for ident, entry in profile.readiness.items():
                criterion = readiness.get(ident)
                if criterion is not None and criterion.required and entry.status.value != "met":
                    found.append((summary.site, "not_ready", criterion.criterion))
            # A profile that answers readiness but leaves out a required criterion: a gap as
            # much as one marked not_yet (one with no readiness at all says nothing either way).
            if profile.readiness:
                for criterion in self.network.spec.readiness:
                    if criterion.required and criterion.id not in profile.readiness:
                        found.append((summary.site, "unanswered", criterion.criterion))
        return found

    def criterion_names(self, ids: list[str]) -> list[str]:
        """The spec's names of the criteria `ids` (a reader of the report knows no ids)."""
        fidelity = self.network.spec.fidelity
        names = {c.id: c.name for c in fidelity.criteria} if fidelity is not None else {}
        return [names.get(i, i) for i in ids]


def analyse(network: Network) -> Report:
    """Work out every table of the report from what was read."""
    from codify.scoring import scale_range

    spec = network.spec
    assert spec.fidelity is not None
    low, high = scale_range(spec)
    meeting = [b.min for b in spec.fidelity.bands if b.meets_standard]
    standard = min(meeting) if meeting else None
    interval, source = _interval(network)
    sites = [_summary(s, network, interval, standard) for s in network.sites]
    choices = {s.id: _choices(s, spec) for s in network.sites}
    funnels = _funnels(network)
    return Report(
        network,
        low,
        high,
        standard,
        interval,
        source,
        sites,
        _criteria(network, sites),
        _alerts(sites),
        funnels,
        _catalogue(network, sites, choices, funnels),
        choices,
    )


def _interval(network: Network) -> tuple[Interval | None, str]:
    chosen = network.settings.frequency
    if chosen is not None:
        return Interval(chosen.months, chosen.below_standard_months), "network"
    assert network.spec.fidelity is not None
    found = interval_from_words(network.spec.fidelity.frequency)
    return found, ("spec" if found else "none")


def _summary(
    site: Site, network: Network, interval: Interval | None, standard: int | None
) -> SiteSummary:
    points = site.assessments
    latest = points[-1] if points else None
    previous = points[-2] if len(points) > 1 else None
    values = [float(a.total) for a in points]
    chart = xmr(values, network.settings.spc.baseline)
    found = tuple(signals(values, chart)) if chart else ()
    # The variation icon reads the latest point: a signal that reaches it is special cause.
    current = [s for s in found if s.last == len(values) - 1]
    if chart is None or chart.upper is None:
        variation = "none"
    elif any(not s.improving for s in current):
        variation = "concerning"
    elif current:
        variation = "improving"
    else:
        variation = "common"
    # The assurance icon compares the process limits with the standard (Making Data Count).
    # Limits describe a stable process only: with special cause at the latest point, they no
    # longer say what the site will do, so no assurance is given.
    if (
        chart is None
        or chart.lower is None
        or chart.upper is None
        or standard is None
        or variation != "common"
    ):
        assurance = "none"
    elif chart.lower >= standard:
        assurance = "pass"
    elif chart.upper < standard:
        assurance = "fail"
    else:
        assurance = "hit_and_miss"
    months = interval.for_site(latest.meets_standard) if interval and latest else None
    due = add_months(latest.day, months) if latest and months else None
    # A site with no scored assessment has no due date: when its first is due is not
    # something the files say (it may have just joined).
    overdue = None if due is None else network.as_of > due
    return SiteSummary(
        site, latest, previous, chart, found, variation, assurance, months, due, overdue
    )


def _criteria(network: Network, sites: list[SiteSummary]) -> list[CriterionSpread]:
    from codify.scoring import criterion_range

    assert network.spec.fidelity is not None
    rows = []
    latest = [s.latest for s in sites if s.latest is not None]
    for number, c in enumerate(network.spec.fidelity.criteria, 1):
        lo, hi = criterion_range(c)
        ratings = [a.ratings[c.id] for a in latest if c.id in a.ratings]
        counts = {k: 0 for k in range(lo, hi + 1)}
        for r in ratings:
            counts[r] = counts.get(r, 0) + 1
        below = sum(r < c.minimum for r in ratings) if c.minimum is not None else 0
        mean = sum(ratings) / len(ratings) if ratings else None
        rows.append(
            CriterionSpread(
                number, c.id, c.name, lo, hi, c.minimum, len(ratings), mean, below, counts
            )
        )
    return rows


def _alerts(sites: list[SiteSummary]) -> list[Alert]:
    found = []
    for s in sites:
        a, b = s.previous, s.latest
        if a is not None and b is not None:
            if (
                a.band_index is not None
                and b.band_index is not None
                and b.band_index < a.band_index
            ):
                assert a.band is not None and b.band is not None
                found.append(
                    Alert(
                        s.site, "band_fall", True, a.day, b.day, f"{a.band.label} → {b.band.label}"
                    )
                )
            if a.meets_standard and not b.meets_standard:
                found.append(
                    Alert(s.site, "below_standard", True, a.day, b.day, f"{a.total} → {b.total}")
                )
        points = s.site.assessments
        for sig in s.signals:
            totals = ", ".join(str(p.total) for p in points[sig.first : sig.last + 1])
            found.append(
                Alert(
                    s.site,
                    sig.rule.value,
                    not sig.improving,
                    points[sig.first].day,
                    points[sig.last].day,
                    totals,
                )
            )
    # Concerning first, then the most recent.
    return sorted(found, key=lambda x: (not x.concerning, -x.last.toordinal(), x.site.id))


def _funnels(network: Network) -> list[FunnelPlot]:
    by_measure: dict[str, list[tuple[Site, Figure]]] = defaultdict(list)
    for site in network.sites:
        for f in site.figures:
            by_measure[f.measure].append((site, f))
    chosen = network.settings.outcomes
    names = {o.id: o.name for o in network.spec.outcomes}
    order = (
        [m for m in chosen] if chosen else sorted(by_measure, key=lambda m: list(names).index(m))
    )
    plots = []
    for measure in order:
        entries = by_measure.get(measure, [])
        settings = chosen.get(measure)
        with_pairs = [(s, f) for s, f in entries if f.proportion is not None]
        periods = sorted({f.period for _, f in with_pairs}, key=period_order)
        period = (
            settings.period if settings and settings.period else (periods[-1] if periods else None)
        )
        values = tuple(f for _, f in entries if f.proportion is None)
        if period is None:
            if values:
                plots.append(FunnelPlot(measure, names[measure], "higher", "", 0.0, (), values))
            continue
        better = settings.better if settings else "higher"
        inside = [(s, f) for s, f in with_pairs if f.period == period]
        total_n = sum(f.denominator or 0 for _, f in inside)
        target = sum(f.numerator or 0 for _, f in inside) / total_n if total_n else 0.0
        points = []
        few = len(inside) < MIN_FUNNEL_SITES
        for s, f in inside:
            assert f.denominator is not None and f.proportion is not None
            limits = funnel_limits(target, f.denominator)
            position = funnel_position(f.proportion, limits)
            deviance = "uncompared" if few else _deviance(position, better)
            points.append(FunnelPoint(s, f, limits, position, deviance))
        plots.append(
            FunnelPlot(measure, names[measure], better, period, target, tuple(points), values)
        )
    return plots


def _deviance(position: Position, better: str) -> str:
    good, fine = (
        (Position.above998, Position.above95)
        if better == "higher"
        else (Position.below998, Position.below95)
    )
    bad, poor = (
        (Position.below998, Position.below95)
        if better == "higher"
        else (Position.above998, Position.above95)
    )
    return {
        good: "positive",
        fine: "possible_positive",
        bad: "negative",
        poor: "possible_negative",
    }.get(position, "within")


def _choices(site: Site, spec: Intervention) -> list[ChoiceLabel]:
    """The site's choice for each adaptable element its profile records, in the spec's order."""
    from codify.documents.formats import num
    from codify.localcheck import match_option

    if site.profile is None:
        return []
    found = []
    for element in spec.adaptable_elements:
        choice = site.profile.choices.get(element.id)
        if choice is None:
            continue
        if choice.option is not None:
            options = element.adaptations.options
            matched = match_option(choice.option, options)
            text = choice.option
            if len(matched) == 1:
                o = options[matched[0]]
                text = o if isinstance(o, str) else o.option
            found.append(ChoiceLabel(element.id, element.name, "option", text))
        elif choice.value is not None:
            unit = choice.unit or (
                element.adaptations.range.unit if element.adaptations.range else ""
            )
            found.append(
                ChoiceLabel(
                    element.id, element.name, "value", f"{num(choice.value)} {unit}".strip()
                )
            )
        elif choice.adaptation is not None:
            found.append(ChoiceLabel(element.id, element.name, "adaptation", choice.adaptation))
        elif choice.keep_default:
            found.append(ChoiceLabel(element.id, element.name, "default", element.default))
    return found


def _catalogue(
    network: Network,
    sites: list[SiteSummary],
    choices: dict[str, list[ChoiceLabel]],
    funnels: list[FunnelPlot],
) -> list[CatalogueEntry]:
    by_choice: dict[ChoiceLabel, list[SiteSummary]] = defaultdict(list)
    for s in sites:
        for c in choices[s.site.id]:
            by_choice[c].append(s)
    order = {e.id: i for i, e in enumerate(network.spec.adaptable_elements)}
    figures = {(p.site.id, f.measure): p.figure for f in funnels for p in f.points}
    entries = []
    for choice, members in sorted(
        by_choice.items(), key=lambda kv: (order[kv[0].element], kv[0].text)
    ):
        totals = [m.latest.total for m in members if m.latest is not None]
        outcomes: dict[str, float | None] = {}
        for f in funnels:
            if not f.points:
                continue
            got = [
                figures[(m.site.id, f.measure)]
                for m in members
                if (m.site.id, f.measure) in figures
            ]
            n = sum(g.denominator or 0 for g in got)
            outcomes[f.measure] = sum(g.numerator or 0 for g in got) / n if n else None
        entries.append(
            CatalogueEntry(
                choice,
                tuple(m.site for m in members),
                len(totals),
                sum(totals) / len(totals) if totals else None,
                sum(1 for m in members if m.latest is not None and m.latest.meets_standard),
                outcomes,
            )
        )
    return entries
