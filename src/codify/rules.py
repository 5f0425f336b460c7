"""Semantic rules: what the schema cannot say. Each rule implements one CR code of the table in
`codify.codes`, which holds its name, severity and summary; here are its check, an explanation
and an example, for the check, `codify explain`, SARIF and the rules reference in the docs."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from codify import xref
from codify.codes import CODES, Code, Family
from codify.diagnostics import Severity
from codify.history import SEMVER
from codify.loader import Document, JsonPath

# Re-exported (`as`) for modules that still import these from here; they live in their own
# modules because documents, sites and scoring use them without the rules.
from codify.paths import path_problem as path_problem
from codify.scoring import criterion_range, scale_range as scale_range
from codify.structure import (
    UNSAFE_CHARACTERS,
    Suggester,
    SuggestionBudget,
    character_name,
    format_path,
    shown,
)
from codify.vocab import Node, Party, Status

if TYPE_CHECKING:
    from codify.model import Criterion, Intervention


# The classes here are written out rather than made dataclasses: `codify check` starts faster
# without importing dataclasses (which imports inspect).


class At:
    """An exact place in the file for a finding, when the value's own position is too coarse:
    a line inside a text block (a `>` or `|` scalar) is many lines below its key."""

    __slots__ = ("column", "line", "path")

    def __init__(self, path: JsonPath, line: int, column: int) -> None:
        self.path = path
        self.line = line
        self.column = column

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, At):
            return NotImplemented
        return (self.path, self.line, self.column) == (other.path, other.line, other.column)

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.column))

    def __repr__(self) -> str:
        return f"At(path={self.path!r}, line={self.line!r}, column={self.column!r})"


Finding = tuple[JsonPath | At, str]
Check = Callable[["Intervention", "RuleContext"], Iterator[Finding]]


class RuleContext:
    """What a rule may look at besides the model: the folder the spec lives in, and the loaded
    document (positions and text), when the spec came from a file."""

    def __init__(self, spec_dir: Path | None, document: Document | None = None) -> None:
        self.spec_dir = spec_dir
        self.document = document

    def __repr__(self) -> str:
        return f"RuleContext(spec_dir={self.spec_dir!r}, document={self.document!r})"

    @cached_property
    def lines(self) -> list[str]:
        """The file's lines, split once and only for a rule that needs them."""
        return self.document.text.splitlines() if self.document is not None else []

    def block(self, path: JsonPath) -> tuple[int, int, list[str]] | None:
        """A text block's content as written: its first line's number, indentation, lines.

        None unless the value at `path` is a `>` or `|` block scalar (not one reached through
        an alias, which sits elsewhere). The block ends at the first line that is indented
        less than its first line; blank lines inside it are kept.
        """
        start = self.document.positions.get(path) if self.document is not None else None
        if start is None:
            return None
        line, col = start
        lines = self.lines
        if not 0 < line <= len(lines) or lines[line - 1][col - 1 : col] not in ("|", ">"):
            return None
        body: list[str] = []
        indent = -1
        for number in range(line, len(lines)):  # by index: a slice would copy the rest
            text = lines[number]
            stripped = text.lstrip(" ")
            if stripped:
                width = len(text) - len(stripped)
                if indent == -1:
                    indent = width
                elif width < indent:
                    break
            body.append(text)
        while body and not body[-1].strip():
            body.pop()
        return (line + 1, max(indent, 0), body) if body else None

    def find(self, path: JsonPath, needle: str, nth: int = 0) -> JsonPath | At:
        """Where the `nth` occurrence of `needle` (text with no space or line break) in the
        value at `path` was written: its line and column inside a text block, else `path`.

        Folding joins a block's lines at spaces and chomping only trims its end, so the
        occurrences of such a needle in the value are those in the block's lines, in order.
        """
        found = self.block(path)
        if found is None:
            return self._on_line(path, needle, nth)
        first, _indent, body = found
        seen = 0
        for offset, text in enumerate(body):
            at = text.find(needle)
            while at != -1:
                if seen == nth:
                    return At(path, first + offset, at + 1)
                seen += 1
                at = text.find(needle, at + 1)
        return path

    def _on_line(self, path: JsonPath, needle: str, nth: int) -> JsonPath | At:
        """The `nth` `needle` on the line where a value on one line starts, else `path`."""
        start = self.document.positions.get(path) if self.document is not None else None
        if start is None or not 0 < start[0] <= len(self.lines):
            return path
        line, col = start
        text = self.lines[line - 1]
        at = text.find(needle, col - 1)
        for _ in range(nth):
            if at == -1:
                break
            at = text.find(needle, at + 1)
        return At(path, line, at + 1) if at != -1 else path


class Rule(NamedTuple):
    """A semantic rule: its entry in the code table, and its check. The explanation follows a
    fixed shape: what it checks and why it matters; `example` shows the fix."""

    entry: Code
    explanation: str
    example: str
    check: Check

    @property
    def code(self) -> str:
        """The rule's stable code, such as CR001."""
        return self.entry.code

    @property
    def name(self) -> str:
        """The rule's short name, such as duplicate-id."""
        return self.entry.name

    @property
    def severity(self) -> Severity:
        """The default severity, which settings may change."""
        return self.entry.severity

    @property
    def summary(self) -> str:
        """What the rule asks of a spec, in one line."""
        return self.entry.summary


REGISTRY: dict[str, Rule] = {}


def rule(code: str, explanation: str, example: str) -> Callable[[Check], Check]:
    """Register a rule function as the check of `code`, a CR code of the table."""
    entry = CODES.get(code)
    if entry is None or entry.family is not Family.rule or code in REGISTRY:
        raise ValueError(f"{code} is not a rule code of codify.codes, or has a check already")

    def register(fn: Check) -> Check:
        REGISTRY[code] = Rule(entry, explanation.strip(), example.strip(), fn)
        return fn

    return register


# --- helpers -----------------------------------------------------------------------------------


def _criteria(spec: Intervention) -> list[Criterion]:
    """The fidelity criteria, none when a record of a tested intervention leaves fidelity out."""
    return list(spec.fidelity.criteria) if spec.fidelity else []


def _ids(spec: Intervention) -> Iterator[tuple[JsonPath, str, str]]:
    """Every declared id with its path and kind."""
    for field in (
        "readiness",
        "roles",
        "materials",
        "core_elements",
        "adaptable_elements",
        "proscribed",
        "pathway",
        "outcomes",
        "references",
        "modifications",
        "parties",
        "components",
    ):
        for i, item in enumerate(getattr(spec, field)):
            yield (field, i, "id"), item.id, field
    for i, tier in enumerate(spec.licence.tiers if spec.licence else ()):
        yield ("licence", "tiers", i, "id"), tier.id, "tiers"
    for i, proc in enumerate(spec.delivery.procedures):
        yield ("delivery", "procedures", i, "id"), proc.id, "procedures"
    for i, crit in enumerate(_criteria(spec)):
        yield ("fidelity", "criteria", i, "id"), crit.id, "criteria"


def _references(spec: Intervention) -> Iterator[tuple[JsonPath, str, tuple[str, ...]]]:
    """Every reference by id: where it is, the id, and which kinds it may point to."""
    for i, ev in enumerate(spec.evidence):
        yield ("evidence", i, "reference"), ev.reference, ("references",)
    for i, ce in enumerate(spec.core_elements):
        for field, kind in (
            ("roles", "roles"),
            ("materials", "materials"),
            ("evidence", "references"),
        ):
            for j, ref in enumerate(getattr(ce, field)):
                yield ("core_elements", i, field, j), ref, (kind,)
    for i, ae in enumerate(spec.adaptable_elements):
        for field in ("roles", "materials"):
            for j, ref in enumerate(getattr(ae, field)):
                yield ("adaptable_elements", i, field, j), ref, (field,)
        for j, g in enumerate(ae.guardrails):
            yield (
                ("adaptable_elements", i, "guardrails", j, "core_element"),
                g.core_element,
                ("core_elements",),
            )
        for j, ex in enumerate(ae.examples):
            if ex.reference:
                yield (
                    ("adaptable_elements", i, "examples", j, "reference"),
                    ex.reference,
                    ("references",),
                )
    for i, pr in enumerate(spec.proscribed):
        for j, ref in enumerate(pr.core_elements):
            yield ("proscribed", i, "core_elements", j), ref, ("core_elements",)
    for i, proc in enumerate(spec.delivery.procedures):
        for field in ("roles", "materials"):
            for j, ref in enumerate(getattr(proc, field)):
                yield ("delivery", "procedures", i, field, j), ref, (field,)
    for i, crit in enumerate(_criteria(spec)):
        for j, ref in enumerate(crit.core_elements):
            yield ("fidelity", "criteria", i, "core_elements", j), ref, ("core_elements",)
    for i, res in enumerate(spec.fidelity.results if spec.fidelity else ()):
        if res.reference:
            yield ("fidelity", "results", i, "reference"), res.reference, ("references",)
    for i, mod in enumerate(spec.modifications):
        for j, ref in enumerate(mod.elements):
            yield ("modifications", i, "elements", j), ref, ("core_elements", "adaptable_elements")
        for j, ref in enumerate(mod.references):
            yield ("modifications", i, "references", j), ref, ("references",)
    for j, ref in enumerate(spec.origin.references):
        yield ("origin", "references", j), ref, ("references",)
    if spec.verdict is not None:
        for j, ref in enumerate(spec.verdict.references):
            yield ("verdict", "references", j), ref, ("references",)
    for i, var in enumerate(spec.variants):
        for j, ref in enumerate(var.references):
            yield ("variants", i, "references", j), ref, ("references",)
    for i, fig in enumerate(spec.adoption):
        if fig.reference:
            yield ("adoption", i, "reference"), fig.reference, ("references",)
    for i, out in enumerate(spec.outcomes):
        for j, ref in enumerate(out.references):
            yield ("outcomes", i, "references", j), ref, ("references",)
    yield from _references_v2(spec)


def _references_v2(spec: Intervention) -> Iterator[tuple[JsonPath, str, tuple[str, ...]]]:
    """References from the parts added in format 2: steps, roles, evidence and context."""
    refs = ("references",)
    for i, phase in enumerate(spec.pathway):
        for j, step in enumerate(phase.steps):
            for field in ("roles", "materials"):
                for k, ref in enumerate(getattr(step, field)):
                    yield ("pathway", i, "steps", j, field, k), ref, (field,)
    for i, role in enumerate(spec.roles):
        for j, ref in enumerate(role.references):
            yield ("roles", i, "references", j), ref, refs
    for i, ev in enumerate(spec.evidence):
        for j, ref in enumerate(ev.references):
            yield ("evidence", i, "references", j), ref, refs
    for j, lineage in enumerate(spec.origin.derived_from):
        if lineage.reference:
            yield ("origin", "derived_from", j, "reference"), lineage.reference, refs
    for field in ("guidance", "spread_lessons", "funding", "targets"):
        for i, item in enumerate(getattr(spec, field)):
            if item.reference:
                yield (field, i, "reference"), item.reference, refs
    if spec.technology is not None:
        for i, reg in enumerate(spec.technology.regulatory):
            if reg.reference:
                yield ("technology", "regulatory", i, "reference"), reg.reference, refs
    instrument = spec.fidelity.instrument if spec.fidelity else None
    if instrument is not None and instrument.reference:
        yield ("fidelity", "instrument", "reference"), instrument.reference, refs


# What an item of each kind of id (`_ids`) is called in a message.
_KIND_WORDS = {
    "readiness": "readiness item",
    "roles": "role",
    "materials": "material",
    "core_elements": "core element",
    "adaptable_elements": "adaptable element",
    "proscribed": "proscribed practice",
    "pathway": "pathway phase",
    "outcomes": "outcome",
    "references": "reference",
    "modifications": "modification",
    "parties": "party",
    "components": "component",
    "tiers": "licence tier",
    "procedures": "procedure",
    "criteria": "fidelity criterion",
}


def _a(kind: str) -> str:
    """The kind's word with its article: 'a material', 'an outcome'."""
    word = _KIND_WORDS.get(kind, "other item")
    return ("an " if word[0] in "aeiou" else "a ") + word


# --- the rules ---------------------------------------------------------------------------------


@rule(
    "CR001",
    """
Ids are how elements, roles, materials, criteria and references point at each other, and how
checklists and adaptation logs name what they are about. Two things with one id make every
reference to it ambiguous, so ids must be unique across the whole spec, not just within a list.
""",
    """
core_elements:
  - id: facilitation        # ...
adaptable_elements:
  - id: facilitation-time   # not 'facilitation' again
""",
)
def _duplicate_ids(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    seen: dict[str, JsonPath] = {}
    for path, ident, _kind in _ids(spec):
        if ident in seen:
            first = seen[ident]
            line = f" (line {ctx.document.position(first)[0]})" if ctx.document else ""
            yield path, f"id '{ident}' is already used at {_dotted(first[:-1])}{line}"
        else:
            seen[ident] = path


@rule(
    "CR002",
    """
Core elements name their roles, materials and evidence; guardrails and fidelity criteria name the
core elements they protect. A reference to an id that does not exist (often a typo, or an element
renamed in one place only) silently breaks the handbook and checklist built from the spec.
""",
    """
roles:
  - id: facilitator
core_elements:
  - id: facilitated-discussion
    roles: [facilitator]    # must match a role id exactly
""",
)
def _unresolved(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    by_kind: dict[str, set[str]] = {}
    kind_of: dict[str, str] = {}  # each id's kind (the first, were one used twice: CR001)
    for _path, ident, kind in _ids(spec):
        by_kind.setdefault(kind, set()).add(ident)
        kind_of.setdefault(ident, kind)
    pools: dict[tuple[str, ...], set[str]] = {}
    # One Suggester per pool and one budget for them all: thousands of misspelt references
    # cost time in proportion to their number, not to their number times the ids'.
    budget = SuggestionBudget()
    suggesters: dict[tuple[str, ...], Suggester] = {}
    for path, ref, kinds in _references(spec):
        if kinds not in pools:
            pools[kinds] = set().union(*(by_kind.get(k, set()) for k in kinds))
        candidates = pools[kinds]
        if ref in candidates:
            continue
        if kinds not in suggesters:
            suggesters[kinds] = Suggester(candidates, budget)
        words = " or ".join(_KIND_WORDS[k] for k in kinds)
        hint = suggesters[kinds].hint(ref)
        if ref in kind_of:  # the right id in the wrong place, or the wrong kind of thing named
            yield path, f"{shown(ref)} is the id of {_a(kind_of[ref])}, not of any {words}{hint}"
        else:
            yield path, f"{shown(ref)} is not the id of any {words}{hint}"


@rule(
    "CR003",
    """
A core element is something adopters must keep. If no fidelity criterion names it, nobody checks
that it is kept, and the fidelity checklist has a silent gap exactly where it matters most.
""",
    """
fidelity:
  criteria:
    - id: panel-prepared
      core_elements: [prepared-panel]   # names the core element it protects
""",
)
def _core_without_criterion(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    # A record of a rejected or retired intervention asks no one to keep its elements.
    if not spec.for_adoption:
        return
    covered = {ref for crit in _criteria(spec) for ref in crit.core_elements}
    # A criterion that names a core element by a misspelt id leaves that element uncovered;
    # the finding says where the cause is (CR002 reports it there, further down the file).
    elements = {ce.id for ce in spec.core_elements}
    dangling: dict[str, str] = {}  # an id no core element has, and the criterion naming it
    for crit in _criteria(spec):
        for ref in crit.core_elements:
            if ref not in elements:
                dangling.setdefault(ref, crit.id)
    meant = Suggester(dangling) if dangling else None
    for i, ce in enumerate(spec.core_elements):
        if ce.id not in covered:
            near = meant(ce.id) if meant is not None else None
            cause = (
                f"; criterion {shown(dangling[near])} names {shown(near)}, which is no core "
                "element's id: if it means this one, correct it there"
                if near is not None
                else ""
            )
            yield ("core_elements", i), f"core element '{ce.id}' has no fidelity criterion{cause}"


@rule(
    "CR004",
    """
An adaptable element with no options, range or guidance tells adopters they may change something
without telling them how far. State the permitted choices: a list of options, a numeric range, or
for open adaptations, guidance on how to decide.
""",
    """
adaptable_elements:
  - id: frequency
    adaptations:
      options: [monthly, every two months]
""",
)
def _no_adaptations(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, ae in enumerate(spec.adaptable_elements):
        a = ae.adaptations
        no_range = a.range is None or (a.range.min is None and a.range.max is None)
        if not a.options and no_range and not a.guidance:
            yield (
                ("adaptable_elements", i, "adaptations"),
                f"adaptable element '{ae.id}' states no options, range or guidance",
            )


@rule(
    "CR005",
    """
Local freedom is safe only within limits. Guardrails tie an adaptable element to the core
functions that any adaptation must preserve, so that an adopter changing the time or venue knows,
for example, that the session must still be open to all staff.
""",
    """
adaptable_elements:
  - id: time-slot
    guardrails:
      - core_element: open-to-all-staff
        note: Pick a time that staff on all shift patterns can attend.
""",
)
def _no_guardrails(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, ae in enumerate(spec.adaptable_elements):
        if not ae.guardrails:
            yield (
                ("adaptable_elements", i, "guardrails"),
                f"adaptable element '{ae.id}' has no guardrails",
            )


@rule(
    "CR006",
    """
Handbooks, checklists and sites print the version they describe, and adopters compare it with the
version they implemented. Semantic versioning makes the comparison meaningful: a change to a core
element is a new major version; new guidance is a minor one; corrections are patches.
""",
    """
version: 1.2.0     # not '1.2' or 'v1.2.0'
""",
)
def _semver(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if not SEMVER.match(spec.version):
        yield ("version",), f"{shown(spec.version)} is not a semantic version such as 1.0.0"


@rule(
    "CR007",
    """
Bands turn a total fidelity score into a judgement such as high, acceptable or low fidelity. If a
possible score falls in no band, or in two, the judgement is undefined. The possible totals run
from the sum of every criterion's lowest score to the sum of their highest (yes/no criteria score
0 or 1). List bands lowest first.
""",
    """
# three criteria rated 1-5 give totals from 3 to 15
bands:
  - {label: Low, min: 3, max: 8, meaning: ...}
  - {label: Acceptable, min: 9, max: 12, meaning: ...}
  - {label: High, min: 13, max: 15, meaning: ..., meets_standard: true}
""",
)
def _bands(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if spec.fidelity is None:
        return
    low, high = scale_range(spec)
    bands = spec.fidelity.bands
    for i, b in enumerate(bands):
        if b.min > b.max:
            yield (
                ("fidelity", "bands", i),
                f"band {shown(b.label)} has min {b.min} above max {b.max}",
            )
            return
    order = sorted(range(len(bands)), key=lambda i: (bands[i].min, bands[i].max))
    expected = low
    for i in order:
        b = bands[i]
        where: JsonPath = ("fidelity", "bands", i)
        if b.min > expected:
            yield (
                where,
                f"scores {expected}-{b.min - 1} fall in no band (gap before {shown(b.label)})",
            )
        elif b.min < expected:
            yield (
                where,
                f"band {shown(b.label)} overlaps the band before it at {b.min}-{expected - 1}",
            )
        expected = max(expected, b.max + 1)
    if expected <= high:
        yield (
            ("fidelity", "bands"),
            f"scores {expected}-{high} fall in no band (the maximum total is {high})",
        )
    if bands and bands[order[0]].min < low:
        yield ("fidelity", "bands", order[0]), f"band starts below the lowest possible total {low}"
    if expected - 1 > high:
        yield ("fidelity", "bands", order[-1]), f"band ends above the highest possible total {high}"


@rule(
    "CR008",
    """
Anchored scales make ratings repeatable: two assessors who see the same service give the same
score because each point describes observable behaviour. A rating scale needs `min` below `max`
and exactly one anchor for each point in between; a yes/no scale has neither.
""",
    """
scale:
  kind: rating
  min: 1
  max: 3
  anchors:
    - {score: 1, description: Fewer than half of Rounds had a prepared panel.}
    - {score: 2, description: Half to most Rounds had a prepared panel.}
    - {score: 3, description: Every Round had a prepared panel.}
""",
)
def _anchors(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, crit in enumerate(_criteria(spec)):
        s = crit.scale
        where: JsonPath = ("fidelity", "criteria", i, "scale")
        scale_known = s.kind == "yes_no" or (s.min is not None and s.max is not None)
        if crit.minimum is not None and scale_known:
            low, high = criterion_range(crit)
            if not low <= crit.minimum <= high:
                yield (
                    ("fidelity", "criteria", i, "minimum"),
                    f"criterion '{crit.id}': minimum {crit.minimum} is outside the scale {low}-{high}",
                )
        if s.kind == "yes_no":
            if s.min is not None or s.max is not None or s.anchors:
                yield where, f"criterion '{crit.id}': a yes/no scale takes no min, max or anchors"
            continue
        if s.min is None or s.max is None:
            yield where, f"criterion '{crit.id}': a rating scale needs min and max"
            continue
        if s.min >= s.max:
            yield where, f"criterion '{crit.id}': min {s.min} must be below max {s.max}"
            continue
        # Counted, never enumerated point by point: a scale from 1 to a billion costs no more
        # than a scale from 1 to 5.
        counts = Counter(a.score for a in s.anchors)
        present = {p for p in counts if s.min <= p <= s.max}
        missing_count = (s.max - s.min + 1) - len(present)
        missing: list[int] = []
        point = s.min
        while len(missing) < _LISTED and point <= s.max and len(missing) < missing_count:
            if point not in present:
                missing.append(point)
            point += 1
        extra = sorted(p for p in counts if p < s.min or p > s.max)
        dupes = sorted(p for p, n in counts.items() if n > 1)
        if missing:
            yield (
                where,
                f"criterion '{crit.id}': no anchor for score {_list(missing, missing_count)}",
            )
        if extra:
            yield (
                where,
                f"criterion '{crit.id}': anchor for {_list(extra)} is outside {s.min}-{s.max}",
            )
        if dupes:
            yield where, f"criterion '{crit.id}': more than one anchor for score {_list(dupes)}"


@rule(
    "CR009",
    """
TIDieR (Hoffmann et al., BMJ 2014) lists the 12 things a reader needs to replicate an
intervention. An item left empty is a question every adopter will ask. When an item cannot be
answered yet (for example item 12, fidelity actually achieved, before any assessment), say so in
`not_applicable` with the reason; `codify tidier` shows where each item is answered.
""",
    """
not_applicable:
  - item: 12
    reason: No site has been assessed yet; the first reviews are planned for 2027.
""",
)
def _tidier(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    from codify.tidier import checklist

    for row in checklist(spec):
        if row.status == "missing":
            where = ", ".join(row.item.fields)
            yield (
                (),
                (
                    f"TIDieR item {row.item.number} ({row.item.name}) is not answered; "
                    f"fill in {where} or declare it in not_applicable"
                ),
            )


@rule(
    "CR010",
    """
Asking other organisations to adopt an intervention is a claim that it works. A spec whose status
is `spreading` or `mainstreamed` should back that claim with at least one `evidence` entry tied to
a reference, so adopters and commissioners can judge it.
""",
    """
status: spreading
evidence:
  - reference: maben-2018
    design: Mixed-methods evaluation in 10 organisations
    findings: Psychological distress among regular attenders fell from 25% to 12%.
""",
)
def _evidence_gate(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if spec.status in (Status.spreading, Status.mainstreamed) and not spec.evidence:
        yield ("status",), f"status is '{spec.status.value}' but the spec cites no evidence"


@rule(
    "CR011",
    """
A role or material that no core element, adaptable element, procedure or pathway step names is
either left over from an earlier version or missing its links. Either way, the handbook cannot
say where it fits.
""",
    """
materials:
  - id: evaluation-form
core_elements:
  - id: evaluation
    materials: [evaluation-form]   # or a procedure's or a pathway step's materials
""",
)
def _unused(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    # Steps of the pathway count too (format 2): a role that only sets things up is used.
    used = {ref for path, ref, kinds in _references(spec) if kinds in (("roles",), ("materials",))}
    for field in ("roles", "materials"):
        for i, item in enumerate(getattr(spec, field)):
            if item.id not in used:
                yield (
                    (field, i),
                    f"{_KIND_WORDS[field]} '{item.id}' is not used by any element or procedure",
                )


@rule(
    "CR012",
    """
TIDieR item 3 asks not only what materials are used but where to get them. A material needs a
`url`, a `path` to a file beside the spec, or `provided_by` naming who supplies it.
""",
    """
materials:
  - id: evaluation-form
    title: Post-Round evaluation form
    description: One page, completed by attenders after each Round.
    provided_by: The licence holder, on joining the network
""",
)
def _unobtainable(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, m in enumerate(spec.materials):
        if not (m.url or m.path or m.provided_by):
            yield ("materials", i), f"material '{m.id}' has no url, path or provided_by"


@rule(
    "CR013",
    """
Generators copy files a spec names (such as a material's `path`) into their output. A path that
is absolute or climbs out of the spec's folder with `..` could read files the spec's author did
not mean to publish, so it is refused; a path to a missing file would break the build.
""",
    """
materials:
  - id: poster
    path: materials/poster.pdf   # relative, inside the spec's folder
""",
)
def _paths(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, m in enumerate(spec.materials):
        if m.path is None:
            continue
        problem = path_problem(m.path, ctx.spec_dir)
        if problem:
            yield ("materials", i, "path"), problem


@rule(
    "CR018",
    """
A not-recommended or retired intervention is published so that others do not adopt it, or
know what replaced it. Its documents lead with the verdict, on every page: say what it is, why,
who reached it and when, so that a reader acts on it rather than on the description below it.
""",
    """
status: not_recommended
verdict:
  summary: Do not give intravenous iron before major abdominal surgery to reduce transfusion.
  reason: "A randomised trial found no fewer transfusions or deaths at 30 days."
  decided_by: The trial's investigators
  date: 2020-09
  references: [richards_2020]
""",
)
def _verdict(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if spec.status.value in ("not_recommended", "retired") and spec.verdict is None:
        yield (
            ("status",),
            (
                f"status {spec.status.value} needs a verdict: add `verdict:` with summary, reason, "
                "decided_by and date"
            ),
        )


@rule(
    "CR014",
    """
Franchise and licence agreements turn fidelity into a threshold: the score a site must reach to
keep using the name or stay in the network. Flag the band or bands that meet it with
`meets_standard: true`, so checklists and handbooks can say what counts as good enough.
""",
    """
bands:
  - {label: High fidelity, min: 13, max: 15, meaning: Meets the standard., meets_standard: true}
""",
)
def _standard_band(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    # Only where adoption is intended: the record of a rejected or retired intervention sets
    # no standard for anyone to meet.
    if not spec.for_adoption or spec.fidelity is None:
        return
    if not any(b.meets_standard for b in spec.fidelity.bands):
        yield ("fidelity", "bands"), "no band has meets_standard: true"


@rule(
    "CR015",
    """
The glossary is where adopters look up a word they do not know. A term defined twice, even with
different capitals or spacing ('NHS' and 'nhs'), gives them two answers to choose between, and
the handbook and site list it twice. Merge the two definitions into one.
""",
    """
glossary:
  - term: MDT
    definition: Multidisciplinary team; the staff groups who review each case together.
  # not a second 'MDT' or 'mdt' entry
""",
)
def _duplicate_terms(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    import unicodedata

    seen: dict[str, int] = {}
    for i, entry in enumerate(spec.glossary):
        # Compatibility forms, case and runs of spaces do not make a different term.
        key = " ".join(unicodedata.normalize("NFKC", entry.term).casefold().split())
        if key in seen:
            first = seen[key]
            yield (
                ("glossary", i, "term"),
                f"glossary term {shown(entry.term)} is already defined at glossary[{first}]",
            )
        else:
            seen[key] = i


def _strings(spec: Intervention) -> Iterator[tuple[JsonPath, str]]:
    """Every string in the spec, with its path, found without recursion."""
    stack: list[tuple[JsonPath, Any]] = [((), spec)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, Node):
            stack.extend(((*path, k), v) for k, v in node.__dict__.items() if v is not None)
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))


_ALL_TEXT: list[tuple[Intervention, str, set[str]]] = []


def _all_text(spec: Intervention) -> str:
    """Every free-text string of the spec joined by newlines, to search in one pass.

    Walking without building paths is ten times faster than `_strings`, so the text rules
    search this first and find the paths only when something is there. Enum values are left
    out: they are fixed words.
    """
    return _walked(spec)[0]


def _cited(spec: Intervention) -> set[str]:
    """Every id that some part of the spec cites as a reference."""
    return _walked(spec)[1]


def _walked(spec: Intervention) -> tuple[str, set[str]]:
    """The spec's text (`_all_text`) and the ids it cites (`_cited`), found in one walk.

    The last spec's are kept for the next rule (a one-entry cache; the model is immutable).
    """
    if _ALL_TEXT and _ALL_TEXT[0][0] is spec:
        return _ALL_TEXT[0][1], _ALL_TEXT[0][2]
    texts: list[str] = []
    cited: set[str] = set()
    stack: list[Any] = [spec]
    citing = _CITING
    while stack:
        node = stack.pop()
        if type(node) is str:
            texts.append(node)
        elif type(node) is list:
            stack.extend(node)
        elif isinstance(node, Node):
            fields = node.__dict__
            stack.extend(fields.values())
            for key in citing:  # three look-ups: cheaper than testing every field's name
                value = fields.get(key)
                if type(value) is str:
                    cited.add(value)
                elif type(value) is list:
                    cited.update(v for v in value if type(v) is str)
    joined = "\n".join(texts)
    _ALL_TEXT[:] = [(spec, joined, cited)]
    return joined, cited


def markdown_image(text: str) -> str | None:
    """The first Markdown image in `text` (`![alt](url)`, `![alt][ref]`, `![alt]`), or None.

    Any unescaped `![` with a closing bracket after it is taken for one: that covers inline,
    reference and shortcut images, alt text holding brackets or line breaks, and spellings that
    Markdown dialects read differently. Found by scanning, without a Markdown parser, so that
    `codify check` stays fast and cannot disagree with a parser that is never loaded.
    """
    last_close = text.rfind("]")
    start = text.find("![")
    while start != -1 and start + 2 <= last_close:
        slashes = 0
        while start - slashes > 0 and text[start - slashes - 1] == "\\":
            slashes += 1
        if slashes % 2 == 0:  # an odd number of backslashes escapes the '!'
            end = _closing(text, start + 1)
            if end < len(text) and text[end] in "([":
                end = _closing(text, end)
            return text[start:end]
        start = text.find("![", start + 2)
    return None


def _closing(text: str, opening: int, limit: int = 200) -> int:
    """Just past the bracket that closes the one at `opening`, looking at most `limit` ahead.

    Only used to show the whole image in the message; if the brackets do not balance soon
    enough, the first closing bracket is taken.
    """
    pairs = {"[": "]", "(": ")"}
    open_, close = text[opening], pairs[text[opening]]
    depth = 0
    i = opening
    while i < min(len(text), opening + limit):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == open_:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    first = text.find(close, opening + 1)
    return first + 1 if first != -1 else opening + 1


@rule(
    "CR016",
    """
Generated documents must never load pictures named in a spec's text. An image written as
`![description](address)` or `![description][label]` would be fetched when the handbook is
printed to PDF or the site is viewed: it could read a file on the machine that builds the
documents, reach an internal web address, or track who opens them. Attach a picture as a
material instead: a file beside the spec, which codify checks and copies. To show the
characters `![` themselves, write `\\![`.
""",
    """
materials:
  - id: room-layout
    title: Room layout for a Round
    description: A plan of the room, with the panel at the front.
    path: materials/room-layout.png   # not ![plan](materials/room-layout.png) in a text
""",
)
def _images(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if "![" not in _all_text(spec):
        return
    for path, text in _strings(spec):
        if "![" in text:
            found = markdown_image(text)
            if found is not None:
                yield (
                    path,
                    f"{format_path(path)} contains a Markdown image {shown(found)}; attach the "
                    "picture as a material instead",
                )


@rule(
    "CR017",
    """
Control characters (such as U+001B, which starts a terminal escape sequence) and the Unicode
characters that override or isolate the direction of text (U+202A to U+202E, U+2066 to U+2069)
are invisible where a spec is read and reviewed. They can forge what a terminal shows, make text
display differently from what it holds, and break the YAML and HTML generated from the spec.
Tab and line breaks are fine. Control characters get into YAML through escapes such as `"\\e"`
in double-quoted text; direction characters are often pasted in unseen from other documents.
Remove them.
""",
    """
name: "Ward safety huddles"   # not "Ward safety huddles\\e[2J"
""",
)
def _controls(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    search = UNSAFE_CHARACTERS.search
    if search(_all_text(spec)) is None:
        return
    for path, text in _strings(spec):
        found = search(text)
        if found is not None:
            more = len(UNSAFE_CHARACTERS.findall(text)) - 1
            others = f" (and {more:,} more)" if more else ""
            yield (
                path,
                f"{format_path(path)} contains the character {character_name(found[0])}"
                f"{others}; remove it",
            )


# The mark of text still to be written: `codify init` starts every placeholder with it, and an
# author's own "TODO:" note is unfinished work just the same. Upper case and followed by a colon,
# so that prose ("things to do") never matches; a published spec has no reason to hold it.
PLACEHOLDER = "TODO:"
_PLACEHOLDER = re.compile(r"(?<![\w])TODO:")


@rule(
    "CR019",
    """
`codify init` writes a spec whose text is placeholders, each starting with `TODO:`, so that a
new spec says what belongs where. A placeholder left in place would be printed in the handbook,
checklist and site as if it described the intervention. Replace each one with the
intervention's own words (an author's own `TODO:` notes are found the same way).
""",
    """
# not 'TODO: Two or three sentences a busy manager can read...'
summary: >-
  Daily ten-minute huddles on every ward, led by the nurse in charge.
""",
)
def _placeholders(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if PLACEHOLDER not in _all_text(spec):
        return
    for path, text in _strings(spec):
        found = _PLACEHOLDER.search(text)
        if found is None:
            continue
        # The placeholder from its mark to the end of its line: the words to replace.
        end = text.find("\n", found.start())
        snippet = text[found.start() : end if end != -1 else len(text)]
        nth = text.count(PLACEHOLDER, 0, found.start())
        yield (
            ctx.find(path, PLACEHOLDER, nth),
            f"{format_path(path)} is a placeholder still to replace: {shown(snippet)}",
        )


# A line that starts with '#' is a heading to the Markdown reader of the handbook and site
# (Python-Markdown needs no space after it). Inside a `>` or `|` block it is text, not a YAML
# comment, which is how it usually gets there.


@rule(
    "CR020",
    """
Text fields are Markdown, and a line that starts with `#` is a Markdown heading: every output
shows it as a large title (an `<h1>` in HTML) in the middle of the section. Inside a `>` or `|`
text block, `#` does not start a YAML comment, so a note meant for the spec's authors turns into
a heading for every reader. Remove the line (put comments above the key, outside the block), or
write `**bold**` for emphasis.
""",
    """
# a note for authors goes here, above the key: inside the block it would be text
problem: >-
  Staff on busy wards rarely hear about the day's risks together.

  **Who it is for:** every member of the ward team (not '# Who it is for').
""",
)
def _headings(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    joined = _all_text(spec)
    if not joined.startswith("#") and "\n#" not in joined:
        return
    for path, text in _strings(spec):
        heads = [line for line in text.split("\n") if line.startswith("#")]
        for where, line in zip(_heading_places(ctx, path, heads), heads, strict=True):
            yield (
                where,
                f"{format_path(path)}: the line {shown(line)} will be a heading (inside a text "
                "block, '#' starts no comment); remove the '#', or use **bold**",
            )


def _heading_places(ctx: RuleContext, path: JsonPath, heads: list[str]) -> list[JsonPath | At]:
    """Where each of the value's lines in `heads` (in order) was written, if in a text block.

    A literal (`|`) block keeps its lines as written; a folded (`>`) one joins lines, so a
    heading is the next line of the block, at the block's indentation, that it starts with.
    Anything that cannot be placed is reported at the value.
    """
    places: list[JsonPath | At] = [path] * len(heads)
    found = ctx.block(path)
    if found is None:
        return places
    first, indent, body = found
    # A line indented more than the block is kept with its extra spaces: not a heading.
    lines = [(first + i, src.strip()) for i, src in enumerate(body) if src[indent:][:1] == "#"]
    cursor = 0
    for n, head in enumerate(heads):
        while cursor < len(lines) and not head.startswith(lines[cursor][1]):
            cursor += 1
        if cursor == len(lines):
            break
        places[n] = At(path, lines[cursor][0], indent + 1)
        cursor += 1
    return places


@rule(
    "CR021",
    """
TIDieR item 5 asks who delivers the intervention, and an adopting organisation's first question
about each role it must staff is how much of someone's time it takes. A role without
`time_commitment` is printed as "Time it takes: Not stated" in the handbook. Say it, even
roughly; when the sources set no figure, say that and who agrees it locally. (An optional role,
`required: false`, and a role the central team or a partner staffs, `party: central` or
`party: partner`, may leave it out: the adopter does not find the time for it.)
""",
    """
roles:
  - id: facilitator
    title: Facilitator
    responsibilities: [Runs each Round.]
    time_commitment: About a day a month, including preparing the panel
""",
)
def _no_time(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, role in enumerate(spec.roles):
        adopters_own = party_kind(spec, role.party) in (None, Party.adopter)
        if role.required is not False and adopters_own and not role.time_commitment:
            yield (
                ("roles", i),
                f"role '{role.id}' has no time_commitment; the handbook will say "
                "'Time it takes: Not stated'",
            )


# Every field that cites references by id is called one of these (evidence entries, core
# elements, examples, results, modifications, origin, variants, adoption figures, outcomes), so
# the citations are found by name and a new citing field counts without a change here.
_CITING = frozenset({"reference", "references", "evidence"})


@rule(
    "CR022",
    """
A reference is listed so that some claim in the spec can be checked against it. One that no
element, evidence entry, outcome, modification, origin, variant, adoption figure, fidelity
result or local example cites is either left over from an earlier version or missing the
citation that would tie it to what it supports. Cite it where it is used, or remove it.
""",
    """
references:
  - id: maben-2018
    authors: Maben J, Taylor C, Dawson J, et al.
    title: A realist informed mixed-methods evaluation of Schwartz Center Rounds in England
    year: 2018
evidence:
  - reference: maben-2018    # cites it
    design: Mixed-methods evaluation in 10 organisations
    findings: Psychological distress among regular attenders fell from 25% to 12%.
""",
)
def _uncited(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if not spec.references:
        return
    # A reference cited in prose ([[maben-2018]]) is cited as much as one in a list of ids.
    cited = _cited(spec) | {ref.id for ref in xref.find(_all_text(spec))}
    for i, ref in enumerate(spec.references):
        if ref.id not in cited:
            yield (
                ("references", i),
                f"reference '{ref.id}' is not cited by any element, evidence entry, outcome "
                "or other part of the spec",
            )


@rule(
    "CR023",
    """
`not_applicable` is for the TIDieR items a spec cannot answer yet, with the reason. An item
that the spec answers and also declares not applicable tells readers two different things;
the declaration is usually left over from before the answer was written (item 10 once the first
modification is logged, item 12 once the first site is assessed). Remove the declaration.
""",
    """
modifications:
  - id: bimonthly-rounds   # item 10 is answered here ...
    # ...
not_applicable:            # ... so it is no longer listed here
  - item: 12
    reason: No site has been assessed yet.
""",
)
def _answered_and_declared(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if not spec.not_applicable:
        return
    from codify.tidier import checklist

    answered = {row.item.number: row for row in checklist(spec) if row.answered_by}
    for i, na in enumerate(spec.not_applicable):
        row = answered.get(na.item)
        if row is not None:
            yield (
                ("not_applicable", i, "item"),
                f"TIDieR item {na.item} ({row.item.name}) is answered by "
                f"{', '.join(row.answered_by)} but declared not applicable; "
                "remove the declaration",
            )


@rule(
    "CR024",
    """
Bands are listed lowest first, and every output shows them in the order written: a checklist
whose bands read high, low, acceptable makes the scale hard to follow and the standard easy to
misread. (Gaps and overlaps between bands are CR007.) Put the band with the lowest `min` first.
""",
    """
bands:
  - {label: Low, min: 3, max: 8, meaning: ...}
  - {label: Acceptable, min: 9, max: 12, meaning: ...}
  - {label: High, min: 13, max: 15, meaning: ..., meets_standard: true}
""",
)
def _band_order(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    bands = spec.fidelity.bands if spec.fidelity else []
    for i in range(1, len(bands)):
        before, band = bands[i - 1], bands[i]
        if band.min < before.min:
            yield (
                ("fidelity", "bands", i),
                f"band {shown(band.label)} (min {band.min}) comes after band "
                f"{shown(before.label)} (min {before.min}); list bands lowest first",
            )


@rule(
    "CR025",
    """
A reference's authors written as one line of text (the 1.x form) are cited exactly as written,
as a single author: codify never splits a line on commas or 'and', which would break corporate
authors such as 'Department of Health and Social Care'. The citation style then cannot shorten
names to initials, use 'et al.' or sort by family name. List the authors instead, each a person
(`family`, with `given` names or initials) or an organisation (`literal`, kept whole).
`codify references import` writes the list from a BibTeX, RIS or CSL-JSON file.
""",
    """
references:
  - id: maben-2018
    authors:                      # not: Maben J, Taylor C, NHS England
      - {family: Maben, given: Jill}
      - {family: Taylor, given: C}
      - {literal: NHS England}
""",
)
def _authors_as_text(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    for i, ref in enumerate(spec.references):
        if isinstance(ref.authors, str):
            yield (
                ("references", i, "authors"),
                f"reference '{ref.id}' gives its authors as one line of text, cited as one "
                "author exactly as written; list them, each as {family: ..., given: ...} or "
                "{literal: ...} for an organisation",
            )


_Link = tuple[str | int, Any]  # (key, parent link) back to the root, whose link is None
_PROSE: list[tuple[Intervention, list[tuple[_Link, str]]]] = []


def _prose_strings(spec: Intervention) -> list[tuple[_Link, str]]:
    """Every string a reader may see as text, with a link to its parent, walked once per spec.

    Ids, web addresses, file paths and lists of ids are left out. Each string keeps a link to
    its parent, not its whole path: paths are built only for the strings a rule reports, which
    at 5,000 elements is the difference between a second and a few milliseconds. The last
    spec's strings are kept for the next rule (a one-entry cache; the model is immutable).
    """
    if _PROSE and _PROSE[0][0] is spec:
        return _PROSE[0][1]
    found: list[tuple[_Link, str]] = []
    stack: list[tuple[Any, _Link | None]] = [(spec, None)]
    while stack:
        node, link = stack.pop()
        if type(node) is str:
            if link is None or link[0] in _NOT_PROSE:
                continue
            parent = link[1]
            if parent is None or parent[0] not in _NOT_PROSE:
                found.append((link, node))
        elif type(node) is list:
            stack.extend((v, (i, link)) for i, v in enumerate(node))
        elif isinstance(node, Node):
            stack.extend((v, (k, link)) for k, v in node.__dict__.items() if v is not None)
    _PROSE[:] = [(spec, found)]
    return found


def _path(link: _Link) -> JsonPath:
    """The path a parent link leads back from."""
    parts: list[str | int] = []
    at: _Link | None = link
    while at is not None:
        parts.append(at[0])
        at = at[1]
    return tuple(reversed(parts))


def _prose(
    spec: Intervention, wanted: Callable[[str], bool] = lambda _text: True
) -> Iterator[tuple[JsonPath, str]]:
    """Every string a reader may see as text for which `wanted` is true, with its path."""
    for link, text in _prose_strings(spec):
        if wanted(text):
            yield _path(link), text


# Keys whose strings are identifiers or addresses, never prose: no cross-reference is read
# there and a dotted name there is not a field path someone wrote by mistake.
_NOT_PROSE = frozenset(
    {"id", "url", "doi", "path", "email", "version", "core_elements", "roles", "materials",
     "references", "evidence", "reference", "adaptable_elements"}
)  # fmt: skip


@rule(
    "CR026",
    f"""
Any text can point at another part of the spec with a cross-reference, {xref.SYNTAX}: the
documents show the target's name (or the words after '|'), linked where the output can link.
The id must be one the spec defines (a core or adaptable element, a practice to avoid, a role,
a material, a procedure, a phase, a readiness or fidelity criterion, an outcome or a
reference), or the reader is sent nowhere. Write `\\[[` for brackets meant as text.
""",
    """
core_elements:
  - id: prepared-panel
    rationale: >-
      Without it the discussion drifts; see [[facilitator|the facilitator's role]]
      and the evaluation [[maben_2018]].
""",
)
def _unknown_cross_reference(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if "[[" not in _all_text(spec):
        return
    known = {ident for _path, ident, _kind in _ids(spec)}
    hints = Suggester(sorted(known), SuggestionBudget())
    for path, text in _prose(spec, lambda text: "[[" in text):
        seen: Counter[str] = Counter()
        for ref in xref.find(text):
            # Placed by its opening '[[id', which holds no space (words after '|' may).
            needle = ref.raw.split("|", 1)[0].rstrip("]").strip()
            nth = seen[needle]
            seen[needle] += 1
            if ref.id not in known:
                yield (
                    ctx.find(path, needle, nth) if " " not in needle else path,
                    f"{format_path(path)}: cross-reference {shown(ref.raw)} names no id in "
                    "the spec" + hints.hint(ref.id),
                )
        for raw in xref.malformed(text):
            example = f", such as '{min(known)}'" if known else ""
            yield (
                ctx.find(path, raw.split()[0]),
                f"{format_path(path)}: {shown(raw)} is not a cross-reference; write "
                f"{xref.SYNTAX} with an id from the spec{example}, or \\[[ to print the "
                "brackets",
            )


@cache
def field_paths() -> frozenset[str]:
    """Every dotted path of the format's fields below the top level: 'rationale.mechanisms'.

    Read from the models' committed plans (codify.records), so a new field is known as soon as
    they are regenerated, without importing the models. Only paths of two or more names are
    listed: a single word such as 'summary' is ordinary prose.
    """
    models = _model_fields()
    found: set[str] = set()

    def walk(model: str, prefix: str, depth: int) -> None:
        for name, inner in models.get(model, ()):
            here = f"{prefix}.{name}" if prefix else name
            if prefix:
                found.add(here)
            if depth < 4:
                for nested in inner:
                    walk(nested, here, depth + 1)

    walk("Intervention", "", 0)
    return frozenset(found)


@cache
def field_names() -> frozenset[str]:
    """Every field's own name, at any level of the format: 'variants', 'time_commitment'."""
    top = {name for name, _ in _model_fields().get("Intervention", ())}
    return frozenset(p.rpartition(".")[2] for p in field_paths()) | frozenset(top)


# A single word in `code`, the way an author names a field of the YAML file.
_CODE_NAME = re.compile(r"`([a-z][a-z_]*)`")


@cache
def _model_fields() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Each model's fields and the models inside each: from the committed plans, or, when they
    are stale (the models were edited and not yet regenerated), from the models themselves."""
    from codify import records

    found = records.model_fields()
    if found:
        return found
    from codify import fastpath

    return records.model_fields(fastpath.named_plans())


_DOTTED = re.compile(
    r"(?<![\w./@:-])([a-z][a-z_]*(?:\[\d+\])?(?:\.[a-z][a-z_]*(?:\[\d+\])?)+)(?![\w/@-])"
)


# The kinds any spec may name without listing them under `parties`.
BUILTIN_PARTIES = frozenset(p.value for p in Party)


def party_kind(spec: Intervention, ident: str | None) -> Party | None:
    """The kind of the party an id names: a built-in kind, or a listed party's kind."""
    if ident is None:
        return None
    if ident in BUILTIN_PARTIES:
        return Party(ident)
    return next((p.kind for p in spec.parties if p.id == ident), None)


def _party_refs(spec: Intervention) -> Iterator[tuple[JsonPath, str]]:
    """Every `party:` in the spec, with its path."""
    for i, role in enumerate(spec.roles):
        if role.party:
            yield ("roles", i, "party"), role.party
    for i, ready in enumerate(spec.readiness):
        if ready.party:
            yield ("readiness", i, "party"), ready.party
    for i, proc in enumerate(spec.delivery.procedures):
        if proc.party:
            yield ("delivery", "procedures", i, "party"), proc.party
    for i, phase in enumerate(spec.pathway):
        for j, step in enumerate(phase.steps):
            if step.party:
                yield ("pathway", i, "steps", j, "party"), step.party
    for i, ob in enumerate(spec.support.obligations if spec.support else ()):
        if ob.party:
            yield ("support", "obligations", i, "party"), ob.party


@rule(
    "CR028",
    """
When delivery spans organisations, roles, procedures, pathway steps, readiness criteria and
obligations say which one they belong to with `party`: one of the four kinds (adopter, central,
partner, commissioner) or the id of an organisation listed under `parties`. An id that names
neither leaves the reader not knowing who does the work. A listed party may not take the name
of a kind, or every `party: adopter` would become ambiguous.
""",
    """
parties:
  - {id: community-pharmacy, name: The patient's community pharmacy, kind: partner}
roles:
  - id: pharmacist
    party: community-pharmacy      # or adopter, central, partner, commissioner
""",
)
def _unknown_party(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    listed = {p.id for p in spec.parties}
    for i, entry in enumerate(spec.parties):
        if entry.id in BUILTIN_PARTIES:
            yield (
                ("parties", i, "id"),
                f"party id '{entry.id}' is one of the kinds every spec has; give the "
                "organisation its own id (its kind goes in `kind`)",
            )
    known = sorted(BUILTIN_PARTIES | listed)
    hints = Suggester(known, SuggestionBudget())
    for path, ident in _party_refs(spec):
        if ident not in BUILTIN_PARTIES and ident not in listed:
            yield (
                path,
                f"party '{ident}' is not one of {', '.join(sorted(BUILTIN_PARTIES))} or a party "
                "listed under `parties`" + hints.hint(ident),
            )


@rule(
    "CR029",
    """
A programme lets adopters choose among its components. `choose` says how many: `all`, or
`at_least` a `count`. A count above the number of components, or an `at_least` with no count,
is a rule no adopter can follow, and components that every adopter must take (`required: true`)
count towards it.
""",
    """
components:
  - {id: detect, name: Detect, summary: Find people with undiagnosed AF.}
  - {id: protect, name: Protect, summary: Offer anticoagulation.}
choose:
  rule: at_least
  count: 1
""",
)
def _component_choice(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    choice = spec.choose
    if choice is None:
        return
    if not spec.components:
        yield ("choose",), "`choose` is set but the spec lists no components"
        return
    if choice.rule.value == "at_least":
        if choice.count is None:
            yield ("choose",), "choose: at_least needs a `count`"
        elif choice.count > len(spec.components):
            yield (
                ("choose", "count"),
                f"choose: at least {choice.count} of {len(spec.components)} components cannot "
                "be met",
            )
    elif choice.count is not None:
        yield ("choose", "count"), "choose: all takes no `count`; remove it or use at_least"


@rule(
    "CR030",
    """
A component may be a spec of its own, named by its path from this spec's folder (for example
`../detect/intervention.yaml`). The file must exist and hold a spec with an id, so that the
handbook and the site can link to it; check the specs of a programme together
(`codify check programme/`) and each is checked in full.
""",
    """
components:
  - id: detect
    name: Detect
    summary: Find people with undiagnosed AF.
    spec: ../detect/intervention.yaml
""",
)
def _component_spec(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    from codify.loader import LoadError, load_file

    for i, comp in enumerate(spec.components):
        if comp.spec is None or ctx.spec_dir is None:
            continue
        where: JsonPath = ("components", i, "spec")
        problem = _component_path_problem(comp.spec)
        if problem:
            yield where, f"component '{comp.id}': {problem}"
            continue
        target = ctx.spec_dir / comp.spec
        if not target.is_file():
            yield where, f"component '{comp.id}': {shown(comp.spec)} is not a file"
            continue
        try:
            data = load_file(target).data
        except LoadError as exc:
            yield where, f"component '{comp.id}': {shown(comp.spec)} cannot be read: {exc}"
            continue
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            yield where, f"component '{comp.id}': {shown(comp.spec)} holds no spec with an id"


def _component_path_problem(path: str) -> str | None:
    """Why a component's spec path is unusable: unlike a material's, it may go up a folder."""
    if UNSAFE_CHARACTERS.search(path) or "\x00" in path or re.search("[\n\t]", path):
        return f"{shown(path)} contains a control character; remove it"
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return f"{shown(path)} is absolute; use a path relative to this spec's folder"
    return None


# Where a dotted name could be: a letter (or an index's bracket) then a dot then a letter.
# Prose has few of these ("e.g.", web addresses), so the full pattern runs only around them:
# on all the text of a large spec at once, it is fifty times faster than running it everywhere.
# A dot between a name's letters. Written to start with the dot itself, which the regular
# expression engine finds by a fast literal search: starting with the letter before it (a
# class) makes it try every position of the text, twenty times slower over a large spec.
_DOT_IN_WORD = re.compile(r"\.(?<=[a-z_\]]\.)(?=[a-z])")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz_[]0123456789.")


def _dotted_words(text: str) -> Iterator[str]:
    """Each dotted name in the text, such as 'rationale.mechanisms', each found once."""
    end = -1
    for m in _DOT_IN_WORD.finditer(text):
        if m.start() < end:
            continue  # part of the name just found
        start = m.start()
        while start > 0 and text[start - 1] in _WORD_CHARS:
            start -= 1
        end = m.end()
        while end < len(text) and text[end] in _WORD_CHARS:
            end += 1
        word = _DOTTED.search(text, start, end)
        if word is not None and word.end() <= end:
            yield word.group(1)


def _undotted(found: str) -> str:
    """'fidelity.criteria[2].scale' as the field path it names: 'fidelity.criteria.scale'."""
    return re.sub(r"\[\d+\]", "", found)


@rule(
    "CR027",
    """
A spec field's path, such as `rationale.mechanisms` or `licence.previous_holders`, means
something to the author of the YAML file and nothing to the people who read the handbook: it
is printed as it is. Say it in words ("the mechanisms above"), or point at an item with a
cross-reference such as [[prepared-panel]], which every output shows by its name.
""",
    """
rationale:
  summary: >-
    It works through the mechanisms described below.   # not: see rationale.mechanisms
""",
)
def _field_path_in_text(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    paths, names = field_paths(), field_names()

    def named(text: str) -> Iterator[str]:
        # A dotted path of the format, or one field's name alone in `code`: `variants`.
        for found in _dotted_words(text):
            if _undotted(found) in paths:
                yield found
        if "`" in text:
            for m in _CODE_NAME.finditer(text):
                if m.group(1) in names:
                    yield m.group(0)

    # One pass over all the text first: most specs name no field, and walking every string
    # with its path is ten times slower.
    # The names used anywhere, found in one pass over all the text; most specs use none.
    tokens = set(named(_all_text(spec)))
    if not tokens:
        return
    for path, text in _prose(spec, lambda text: any(t in text for t in tokens)):
        for found in named(text):
            yield (
                ctx.find(path, found) if " " not in found else path,
                f"{format_path(path)}: {shown(found)} names a field of the spec, which readers "
                "of the documents will see as it is; say it in words, or point at an item "
                f"with {xref.SYNTAX}",
            )


# --- running ------------------------------------------------------------------------------------


def _dotted(path: JsonPath) -> str:
    return format_path(path)


_LISTED = 10  # numbers a message lists before it says how many more there are


def _list(values: list[int], total: int | None = None) -> str:
    total = len(values) if total is None else total
    listed = ", ".join(str(v) for v in values[:_LISTED])
    more = total - min(len(values), _LISTED)
    return listed + (f" and {more:,} more" if more > 0 else "")


def run_rules(
    spec: Intervention, ctx: RuleContext, severities: Mapping[str, Severity | None]
) -> Iterator[tuple[Rule, Severity, JsonPath | At, str]]:
    """Run every enabled rule; `severities` overrides defaults (None switches a rule off).

    Each finding is at a path into the spec, or `At` an exact line and column."""
    for code, r in REGISTRY.items():
        severity = severities.get(code, r.severity)
        if severity is None:
            continue
        for path, message in r.check(spec, ctx):
            yield r, severity, path, message


@rule(
    "CR031",
    """
Checked only with `codify check --against REV` (for example `--against origin/main`): each spec is
compared with its version at that git revision, change by change, as `codify diff` compares them.
Adopters read the version number to know whether they must act: a major bump means something they
do must change, a minor one that they may do something more, a patch that only the wording
changed. A version that rises less than its changes need tells them nothing needs doing when it
does. The finding is on the `version` line and lists the changes that need the bigger bump. A
spec that did not exist at REV may start at any version. Before 1.0.0, a minor bump is enough for
a breaking change.
""",
    """
# at origin/main: version 1.4.0, and core element `huddle` was there
version: 2.0.0     # huddle removed: a breaking change, so a major bump
""",
)
def _version_bump(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    # The comparison needs git and the other version, so it lives in codify.diff. --against
    # is set by codify.diff.against(): while that module is not even imported, it is not set,
    # and a plain check does not import it.
    if "codify.diff" not in sys.modules:
        return
    from codify.diff import version_findings

    yield from version_findings(spec, ctx)


@rule(
    "CR032",
    """
A spec's `history` lists its releases newest first, so that adopters read the latest at the top
and the handbook, the site and `codify changes` agree on what was released when. Each release is
a semantic version, listed once; the newest is the spec's own `version`, because a version
number with no release behind it tells adopters nothing about what changed. The dates run from
latest to earliest too, and a transition cannot end before its own release (an uncertain date
such as `2024` counts as any day it may be, so only a contradiction is reported). `codify diff
--against REV PATH --write-history` drafts the missing release from the changes it finds.
""",
    """
version: 2.0.0
history:
  - version: 2.0.0      # the newest release is this version
    date: 2025-03-01
    summary: Huddles move to the start of each shift.
  - version: 1.4.0
    date: 2024-06
    summary: Telephone huddles for small wards.
""",
)
def _history_version(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if not spec.history:  # most specs: nothing to check, and nothing more to import
        return
    from codify.history import history_findings

    yield from history_findings(spec)


@rule(
    "CR033",
    """
Checked only with `codify check --against REV`: when the history's release for this version
lists its changes, the most demanding of them must be at least as demanding as the most
demanding change `codify diff` finds since REV. A release that tells adopters "wording only"
while a core element changed would let them carry on as before. The finding is on the
release's `changes` and lists the changes that are not accounted for.
""",
    """
history:
  - version: 2.0.0
    date: 2025-03-01
    summary: Huddles move to the start of each shift.
    changes:
      - level: breaking    # the huddle's form changed: not "editorial"
        description: Hold the huddle at the start of each shift, not mid-morning.
""",
)
def _history_understated(spec: Intervention, ctx: RuleContext) -> Iterator[Finding]:
    if "codify.diff" not in sys.modules:  # --against is not set (see CR031)
        return
    from codify.diff import understated_findings

    yield from understated_findings(spec, ctx)
