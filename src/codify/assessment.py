"""Score a filled-in fidelity assessment (the assessment.yaml that `codify build` writes).

An assessor rates each criterion; this module checks the ratings against the spec's scales,
adds them up, finds the band, applies the must-pass minimums and says whether the site meets
the standard. Problems carry the position in the assessment file, like every other diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from codify.codes import (
    BAD_ASSESSMENT,
    CODES,
    MISSING_CRITERION,
    NOT_RATED,
    OFF_SCALE,
    OTHER_VERSION,
    STATED_RESULT_DIFFERS,
    UNKNOWN_CRITERION,
    WRONG_INTERVENTION,
)
from codify.diagnostics import Diagnostic, Severity
from codify.loader import Document, JsonPath, kind_of
from codify.model import Band, Criterion, Intervention
from codify.structure import (
    UNSAFE_CHARACTERS,
    Suggester,
    SuggestionBudget,
    character_name,
    format_path,
    shown,
)

_KEYS = {
    "intervention",
    "version",
    "site",
    "date",
    "assessors",
    "criteria",
    "total",
    "must_pass_met",
    "band",
    "actions",
    "next_assessment",
}
_ENTRY_KEYS = {"id", "rating", "evidence"}


@dataclass
class Score:
    """The outcome of scoring one assessment."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    total: int | None = None
    lowest: int = 0
    highest: int = 0
    band: Band | None = None
    failed_minimums: list[Criterion] = field(default_factory=list)
    rated: int = 0
    criteria: int = 0

    @property
    def meets_standard(self) -> bool | None:
        """True or False once every criterion is rated; None before."""
        if self.total is None or self.band is None:
            return None
        return self.band.meets_standard and not self.failed_minimums

    @property
    def errors(self) -> int:
        """How many problems are errors."""
        return sum(d.severity is Severity.error for d in self.diagnostics)


def score(doc: Document, spec: Intervention) -> Score:
    """Check the assessment in `doc` against `spec` and compute its result."""
    from codify.scoring import criterion_range, scale_range

    if spec.fidelity is None:
        raise ValueError("the spec sets no fidelity criteria to score against")
    fidelity = spec.fidelity
    result = Score(criteria=len(fidelity.criteria))
    result.lowest, result.highest = scale_range(spec)
    data: dict[str, Any] = doc.data

    def problem(path: JsonPath, code: str, message: str, *, key: bool = False) -> None:
        severity = CODES[code].severity
        line, col = doc.position(path, key=key)
        result.diagnostics.append(Diagnostic(doc.path, line, col, code, message, severity))

    # An assessment is untrusted like a spec: the same characters CR017 refuses in a spec
    # are refused here, at their place, and every value a message repeats goes through shown().
    for at, char, is_key in _hidden_characters(data):
        if is_key:
            parent = f" in {format_path(at[:-1])}" if len(at) > 1 else ""
            what = f"the key {shown(at[-1])}{parent}"
        else:
            what = format_path(at)
        problem(
            at,
            BAD_ASSESSMENT,
            f"{what} contains the character {character_name(char)}; remove it",
            key=is_key,
        )
    # One budget for the file's did-you-mean hints: thousands of typos cost bounded time.
    budget = SuggestionBudget()
    key_hints = Suggester(_KEYS, budget)
    for key in sorted(set(data) - _KEYS, key=str):
        problem((key,), BAD_ASSESSMENT, f"unknown key {shown(key)}{key_hints.hint(key)}", key=True)
    if data.get("intervention") != spec.id:
        problem(
            ("intervention",),
            WRONG_INTERVENTION,
            f"the assessment is for {shown(data.get('intervention'))}, the spec is '{spec.id}'",
        )
    if data.get("version") is not None and str(data.get("version")) != spec.version:
        problem(
            ("version",),
            OTHER_VERSION,
            f"assessed against version {shown(data['version'])}; "
            f"the spec is version {spec.version}",
        )

    entries = data.get("criteria")
    if not isinstance(entries, list):
        problem(("criteria",), BAD_ASSESSMENT, f"criteria: expected a list, got {kind_of(entries)}")
        entries = []
    by_id = {c.id: c for c in fidelity.criteria}
    id_hints = Suggester(by_id, budget)
    ratings: dict[str, int] = {}
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        where: JsonPath = ("criteria", i)
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problem(where, BAD_ASSESSMENT, f"criteria[{i}]: expected a mapping with an id")
            continue
        for key in sorted(set(entry) - _ENTRY_KEYS, key=str):
            problem(
                (*where, key), BAD_ASSESSMENT, f"criteria[{i}]: unknown key {shown(key)}", key=True
            )
        ident = entry["id"]
        criterion = by_id.get(ident)
        if criterion is None:
            problem(
                (*where, "id"),
                UNKNOWN_CRITERION,
                f"{shown(ident)} is not a criterion of {spec.id} {spec.version}"
                f"{id_hints.hint(ident)}",
            )
            continue
        if ident in seen:
            problem((*where, "id"), UNKNOWN_CRITERION, f"criterion '{ident}' is rated twice")
            continue
        seen.add(ident)
        rating = entry.get("rating")
        if rating is None:
            problem((*where, "rating"), NOT_RATED, f"criterion '{ident}' is not rated yet")
            continue
        low, high = criterion_range(criterion)
        if isinstance(rating, bool) and criterion.scale.kind == "yes_no":
            rating = int(rating)
        if isinstance(rating, bool) or not isinstance(rating, int) or not low <= rating <= high:
            problem(
                (*where, "rating"),
                OFF_SCALE,
                f"criterion '{ident}': rating {shown(rating)} is not on its scale, {low} to {high}",
            )
            continue
        ratings[ident] = rating
    for criterion in fidelity.criteria:
        if criterion.id not in seen:
            problem(
                ("criteria",),
                MISSING_CRITERION,
                f"criterion '{criterion.id}' ({criterion.name}) is missing",
            )

    result.rated = len(ratings)
    if len(ratings) == len(by_id) and not result.errors:
        result.total = sum(ratings.values())
        result.band = next((b for b in fidelity.bands if b.min <= result.total <= b.max), None)
        result.failed_minimums = [
            c for c in fidelity.criteria if c.minimum is not None and ratings[c.id] < c.minimum
        ]
        _compare_stated(data, result, problem)
    return result


def _hidden_characters(data: Any) -> list[tuple[JsonPath, str, bool]]:
    """Every key and text value holding a control character: (where, the character, is a key).

    Walked with an explicit stack: the loader bounds the depth, but recursion is not needed.
    """
    found: list[tuple[JsonPath, str, bool]] = []
    stack: list[tuple[JsonPath, Any]] = [((), data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            bad = UNSAFE_CHARACTERS.search(value)
            if bad is not None:
                found.append((where, bad[0], False))
        elif isinstance(value, dict):
            for key, item in value.items():
                bad = UNSAFE_CHARACTERS.search(key) if isinstance(key, str) else None
                if bad is not None:
                    found.append(((*where, key), bad[0], True))
                stack.append(((*where, key), item))
        elif isinstance(value, list):
            stack.extend(((*where, i), item) for i, item in enumerate(value))
    return found


def _compare_stated(data: dict[str, Any], result: Score, problem: Any) -> None:
    """Report stated results that differ from the computed ones."""
    stated_total = data.get("total")
    if stated_total is not None and stated_total != result.total:
        problem(
            ("total",),
            STATED_RESULT_DIFFERS,
            f"total is {shown(stated_total)}, but the ratings add up to {result.total}",
        )
    stated_band = data.get("band")
    if stated_band is not None and result.band is not None and stated_band != result.band.label:
        problem(
            ("band",),
            STATED_RESULT_DIFFERS,
            f"band is {shown(stated_band)}, but a total of {result.total} "
            f"is in '{result.band.label}'",
        )
    stated_pass = data.get("must_pass_met")
    if stated_pass is not None and stated_pass != (not result.failed_minimums):
        problem(
            ("must_pass_met",),
            STATED_RESULT_DIFFERS,
            f"must_pass_met is {shown(stated_pass)}, "
            f"but it is {str(not result.failed_minimums).lower()}",
        )
