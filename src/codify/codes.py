"""Every diagnostic code codify reports, in one table: code, name, default severity, summary.

The check, `codify rules`, `codify explain`, settings validation, the SARIF reporter and the
rules reference all read this table, so a code cannot be listed in one place and missing in
another. It imports nothing heavy: the loader reads it on the way to every check.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from codify.diagnostics import Severity


class Family(StrEnum):
    """Where a problem is found, which the code's first two letters say."""

    load = "load"  # CY: the file cannot be read as YAML
    structure = "structure"  # CS: the YAML is not a well-formed spec
    rule = "rule"  # CR: a semantic rule, which settings may reconfigure
    assessment = "assessment"  # CA: `codify score` on a filled-in assessment
    local = "local"  # CL: a local profile checked against the spec it adopts


_FAMILIES = {
    "CY": Family.load,
    "CS": Family.structure,
    "CR": Family.rule,
    "CA": Family.assessment,
    "CL": Family.local,
}

# What each family means for the person who got the code, as `codify explain` says it.
FAMILY_NOTES: dict[Family, str] = {
    Family.load: (
        "Found while reading the file, before anything else is checked; "
        "`codify check` exits with 2."
    ),
    Family.structure: "Found when the file is checked against the spec format (the schema).",
    Family.rule: "A semantic rule; `[tool.codify.rules]` can change its severity or switch it off.",
    Family.assessment: "Found by `codify score` in a filled-in fidelity assessment.",
    Family.local: (
        "Found by `codify check` in a local profile (*.local.yaml), checked against the spec "
        "it adopts."
    ),
}


class Code(NamedTuple):
    """One diagnostic code. Only semantic rules (CR) can be reconfigured: a file that is not a
    well-formed spec, or an assessment or local profile that does not match its spec, cannot be
    checked further."""

    code: str
    name: str
    severity: Severity
    summary: str

    @property
    def family(self) -> Family:
        """The family the code's prefix names."""
        return _FAMILIES[self.code[:2]]

    @property
    def configurable(self) -> bool:
        """Whether settings may change the severity or switch the code off."""
        return self.family is Family.rule


# Codes raised from more than one place get a constant, so that a typo is a NameError that
# ruff and mypy catch rather than an unlisted code. Rules are registered once, by code, in
# rules.py and need none.
UNREADABLE_FILE = "CY001"
NOT_UTF8 = "CY002"
INVALID_YAML = "CY003"
EMPTY_FILE = "CY004"
SEVERAL_DOCUMENTS = "CY005"
YAML_TAG = "CY006"
TOO_COMPLEX = "CY007"
NOT_A_MAPPING = "CY008"
DUPLICATE_KEY = "CY009"

UNKNOWN_KEY = "CS001"
MISSING_KEY = "CS002"
WRONG_TYPE = "CS003"
INVALID_VALUE = "CS004"
EMPTY_VALUE = "CS005"

WRONG_INTERVENTION = "CA001"
OTHER_VERSION = "CA002"
UNKNOWN_CRITERION = "CA003"
MISSING_CRITERION = "CA004"
OFF_SCALE = "CA005"
STATED_RESULT_DIFFERS = "CA006"
NOT_RATED = "CA007"
BAD_ASSESSMENT = "CA008"

# Local profiles: raised from codify.localcheck, and named there by these constants.
SPEC_NOT_FOUND = "CL001"
OTHER_INTERVENTION = "CL002"
INVALID_RANGE = "CL003"
VERSION_OUT_OF_RANGE = "CL004"
SPEC_MOVED_ON = "CL005"
UNKNOWN_ELEMENT = "CL006"
CORE_ELEMENT_CHOSEN = "CL007"
OPTION_NOT_PERMITTED = "CL008"
VALUE_OUT_OF_RANGE = "CL009"
ADAPTATION_NOT_PERMITTED = "CL010"
NO_RATIONALE = "CL011"
CHOICE_FORM = "CL012"
UNACKNOWLEDGED_GUARDRAIL = "CL013"
UNKNOWN_GUARDRAIL = "CL014"
APPROVAL_MISSING = "CL015"
APPROVAL_PENDING = "CL016"
UNKNOWN_READINESS = "CL017"
READINESS_NOT_MET = "CL018"
UNKNOWN_ROLE = "CL019"
UNKNOWN_PHASE = "CL020"
DATES_OUT_OF_ORDER = "CL021"
UNKNOWN_MODIFIED = "CL022"
DUPLICATE_MODIFICATION = "CL023"
FIDELITY_INCONSISTENT = "CL024"
CHOICE_MISSING = "CL025"
SPEC_CHANGED = "CL026"
PLACEHOLDER = "CL027"
ROLE_UNFILLED = "CL028"

_error, _warning = Severity.error, Severity.warning

_TABLE = (
    # --- load ----------------------------------------------------------------------------------
    Code(
        UNREADABLE_FILE,
        "unreadable-file",
        _error,
        "The file could not be read (missing, a folder, a pipe or device, unreadable, or too large).",
    ),
    Code(
        NOT_UTF8,
        "not-utf8",
        _error,
        "The file is not UTF-8 text (binary, UTF-16 or UTF-32, or invalid bytes).",
    ),
    Code(
        INVALID_YAML,
        "invalid-yaml",
        _error,
        "The file is not valid YAML (syntax, tabs for indentation, unknown alias).",
    ),
    Code(EMPTY_FILE, "empty-file", _error, "The file is empty."),
    Code(
        SEVERAL_DOCUMENTS,
        "several-documents",
        _error,
        "The file holds more than one YAML document.",
    ),
    Code(YAML_TAG, "yaml-tag", _error, "The file uses a YAML tag; tags are never constructed."),
    Code(
        TOO_COMPLEX,
        "too-complex",
        _error,
        "Nesting too deep, aliases expand too far, or a number too long (bounded for safety).",
    ),
    Code(NOT_A_MAPPING, "not-a-mapping", _error, "The top level is not a mapping."),
    Code(DUPLICATE_KEY, "duplicate-key", _error, "A key appears twice in one mapping."),
    # --- structure -----------------------------------------------------------------------------
    Code(
        UNKNOWN_KEY,
        "unknown-key",
        _error,
        "An unknown key (usually a typo); the message suggests the nearest known key.",
    ),
    Code(MISSING_KEY, "missing-key", _error, "A required key is missing."),
    Code(
        WRONG_TYPE,
        "wrong-type",
        _error,
        "A value has the wrong type, e.g. a string where a list is expected.",
    ),
    Code(
        INVALID_VALUE,
        "invalid-value",
        _error,
        "A value is not allowed: not one of the listed options, a bad id, out of range.",
    ),
    Code(EMPTY_VALUE, "empty-value", _error, "A value is empty where something is required."),
    # --- semantic rules (their checks and explanations are in rules.py) ------------------------
    Code("CR001", "duplicate-id", _error, "Every id in a spec is unique."),
    Code(
        "CR002",
        "unresolved-reference",
        _error,
        "Every id a spec refers to is defined, and of the right kind.",
    ),
    Code(
        "CR003",
        "core-element-without-criterion",
        _error,
        "Every core element is protected by at least one fidelity criterion.",
    ),
    Code(
        "CR004",
        "adaptable-without-adaptations",
        _error,
        "Every adaptable element says what adopters may choose.",
    ),
    Code(
        "CR005",
        "adaptable-without-guardrails",
        _error,
        "Every adaptable element names the core elements an adaptation must not undermine.",
    ),
    Code(
        "CR006",
        "invalid-version",
        _error,
        "The spec's version is a semantic version (MAJOR.MINOR.PATCH).",
    ),
    Code(
        "CR007",
        "scoring-bands",
        _error,
        "Scoring bands cover every possible total score, with no gaps or overlaps.",
    ),
    Code(
        "CR008",
        "scale-anchors",
        _error,
        "A rating scale has a range and one behavioural anchor for every point.",
    ),
    Code(
        "CR009",
        "tidier-item-missing",
        _warning,
        "Every TIDieR item is answered, or declared not applicable with a reason.",
    ),
    Code(
        "CR010",
        "spread-without-evidence",
        _warning,
        "An intervention marked as spreading or mainstreamed cites evidence.",
    ),
    Code(
        "CR011",
        "unused-definition",
        _warning,
        "Every role and material is used by an element or a procedure.",
    ),
    Code("CR012", "material-unobtainable", _warning, "Every material says where adopters get it."),
    Code(
        "CR013",
        "unsafe-path",
        _error,
        "A file path in a spec stays inside the spec's folder and exists.",
    ),
    Code(
        "CR014",
        "no-standard-band",
        _warning,
        "At least one scoring band marks the standard a site must meet.",
    ),
    Code("CR015", "duplicate-glossary-term", _error, "Every glossary term is defined once."),
    Code("CR016", "image-in-text", _error, "Text in a spec holds no Markdown images."),
    Code(
        "CR017",
        "control-character",
        _error,
        "Text in a spec holds no control or text-direction characters.",
    ),
    Code(
        "CR018",
        "verdict-required",
        _error,
        "A not-recommended or retired intervention records its verdict.",
    ),
    Code(
        "CR019",
        "placeholder-text",
        _error,
        "No text in a spec is a placeholder still to replace (text marked 'TODO:').",
    ),
    Code(
        "CR020",
        "heading-in-text",
        _warning,
        "No line of text starts with '#', which every output shows as a heading.",
    ),
    Code(
        "CR021",
        "role-without-time",
        _warning,
        "Every required role says how much time it takes (time_commitment).",
    ),
    Code(
        "CR022",
        "uncited-reference",
        _warning,
        "Every reference is cited somewhere in the spec.",
    ),
    Code(
        "CR023",
        "answered-but-not-applicable",
        _warning,
        "No TIDieR item is both answered and declared not applicable.",
    ),
    Code(
        "CR024",
        "bands-out-of-order",
        _warning,
        "Fidelity bands are listed lowest first.",
    ),
    Code(
        "CR025",
        "authors-as-text",
        _warning,
        "A reference lists its authors, each a person or an organisation, not one line of text.",
    ),
    Code(
        "CR026",
        "unknown-cross-reference",
        _error,
        "Every cross-reference in text, such as [[C1]], names an id the spec defines.",
    ),
    Code(
        "CR027",
        "field-path-in-text",
        _warning,
        "Text adopters read does not name a spec field path such as rationale.mechanisms.",
    ),
    Code(
        "CR028",
        "unknown-party",
        _error,
        "Every party a role, procedure, step, readiness criterion or obligation names is known.",
    ),
    Code(
        "CR029",
        "component-choice",
        _error,
        "A programme's choice of components can be met: its count fits the components listed.",
    ),
    Code(
        "CR030",
        "component-spec",
        _error,
        "A component's own spec is a file beside this one that holds a valid spec.",
    ),
    Code(
        "CR031",
        "version-bump",
        _error,
        "With --against REV, the version bump is at least what the changes since REV need.",
    ),
    Code(
        "CR032",
        "history-version",
        _error,
        "The history lists releases newest first, the newest being the spec's version.",
    ),
    Code(
        "CR033",
        "history-understated",
        _error,
        "With --against REV, the history's newest release states its most demanding change.",
    ),
    # --- assessments ---------------------------------------------------------------------------
    Code(
        WRONG_INTERVENTION,
        "wrong-intervention",
        _error,
        "The assessment is for a different intervention than the spec.",
    ),
    Code(
        OTHER_VERSION,
        "other-version",
        _warning,
        "The assessment names a different version of the intervention (a warning).",
    ),
    Code(
        UNKNOWN_CRITERION,
        "unknown-criterion",
        _error,
        "A criterion in the assessment is not in the spec.",
    ),
    Code(
        MISSING_CRITERION,
        "missing-criterion",
        _error,
        "A criterion in the spec is missing from the assessment.",
    ),
    Code(OFF_SCALE, "rating-off-scale", _error, "A rating is not on the criterion's scale."),
    Code(
        STATED_RESULT_DIFFERS,
        "stated-result-differs",
        _error,
        "A stated total, band or must-pass result differs from the computed one.",
    ),
    Code(
        NOT_RATED,
        "not-rated",
        _warning,
        "A criterion is not rated yet, so the total cannot be computed (a warning).",
    ),
    Code(
        BAD_ASSESSMENT,
        "assessment-structure",
        _error,
        "The assessment's structure is wrong: unknown key, or a value of the wrong kind.",
    ),
    # --- local profiles ------------------------------------------------------------------------
    Code(
        SPEC_NOT_FOUND,
        "adopted-spec-not-found",
        _error,
        "The spec a local profile adopts can be found and read as a spec.",
    ),
    Code(
        OTHER_INTERVENTION,
        "other-intervention",
        _error,
        "The profile's adopts.id is the id of the spec its adopts.spec names.",
    ),
    Code(
        INVALID_RANGE,
        "invalid-version-range",
        _error,
        "The profile's version range is a valid range, such as '>=1.0,<2'.",
    ),
    Code(
        VERSION_OUT_OF_RANGE,
        "version-out-of-range",
        _error,
        "The adopted spec's version is inside the profile's version range.",
    ),
    Code(
        SPEC_MOVED_ON,
        "spec-moved-on",
        _warning,
        "The adopted spec has moved past the versions the profile follows (a warning).",
    ),
    Code(
        UNKNOWN_ELEMENT,
        "unknown-element",
        _error,
        "Every choice names an adaptable element of the spec.",
    ),
    Code(
        CORE_ELEMENT_CHOSEN,
        "core-element-chosen",
        _error,
        "No choice names a core element: core elements are kept, not chosen.",
    ),
    Code(
        OPTION_NOT_PERMITTED,
        "option-not-permitted",
        _error,
        "A chosen option is one of the element's permitted options, named unambiguously.",
    ),
    Code(
        VALUE_OUT_OF_RANGE,
        "value-out-of-range",
        _error,
        "A chosen value is inside the element's range and in its unit.",
    ),
    Code(
        ADAPTATION_NOT_PERMITTED,
        "adaptation-not-permitted",
        _error,
        "An open adaptation is made only where the spec gives guidance for one.",
    ),
    Code(
        NO_RATIONALE,
        "adaptation-without-rationale",
        _error,
        "An open adaptation says why (its rationale).",
    ),
    Code(
        CHOICE_FORM,
        "choice-form",
        _error,
        "A choice gives an option, a value or an adaptation, or keeps the default alone.",
    ),
    Code(
        UNACKNOWLEDGED_GUARDRAIL,
        "unacknowledged-guardrail",
        _error,
        "Every guardrail of a chosen element is acknowledged.",
    ),
    Code(
        UNKNOWN_GUARDRAIL,
        "unknown-guardrail",
        _error,
        "Every acknowledged guardrail is one of the element's guardrails.",
    ),
    Code(
        APPROVAL_MISSING,
        "approval-missing",
        _error,
        "A choice the spec says needs approval records the approval.",
    ),
    Code(
        APPROVAL_PENDING,
        "approval-pending",
        _warning,
        "An approval that was asked for has been granted (a warning until it is).",
    ),
    Code(
        UNKNOWN_READINESS,
        "unknown-readiness-criterion",
        _error,
        "Every readiness entry names a readiness criterion of the spec.",
    ),
    Code(
        READINESS_NOT_MET,
        "readiness-not-met",
        _warning,
        "Every required readiness criterion is met before the launch date (a warning).",
    ),
    Code(UNKNOWN_ROLE, "unknown-role", _error, "Every role holder holds a role of the spec."),
    Code(
        UNKNOWN_PHASE,
        "unknown-phase",
        _error,
        "Every set of pathway dates names a phase of the spec's pathway.",
    ),
    Code(
        DATES_OUT_OF_ORDER,
        "dates-out-of-order",
        _error,
        "A pathway phase does not end before it starts.",
    ),
    Code(
        UNKNOWN_MODIFIED,
        "unknown-modified-element",
        _error,
        "A local modification names only elements and references the spec defines.",
    ),
    Code(
        DUPLICATE_MODIFICATION,
        "duplicate-modification",
        _error,
        "Every local modification has its own id.",
    ),
    Code(
        FIDELITY_INCONSISTENT,
        "fidelity-inconsistent",
        _warning,
        "A local modification logged as fidelity-inconsistent departs from the model (a warning).",
    ),
    Code(
        CHOICE_MISSING,
        "choice-missing",
        _warning,
        "Every adaptable element of the spec has a choice in the profile (a warning).",
    ),
    Code(
        SPEC_CHANGED,
        "spec-changed-for-profile",
        _warning,
        "No change since the spec version a profile follows touches what the profile chose "
        "(a warning for each that does).",
    ),
    Code(
        PLACEHOLDER,
        "profile-placeholder",
        _error,
        "A profile has no text still marked TODO:, as `codify init --adopt` leaves each blank: "
        "a local handbook is not built with blanks in it.",
    ),
    Code(
        ROLE_UNFILLED,
        "role-unfilled",
        _warning,
        "Every role the spec says an adopter must have names its holder in the profile (a "
        "warning).",
    ),
)


def _index(entries: tuple[Code, ...]) -> dict[str, Code]:
    """The table by code; a code or a name listed twice is a mistake caught at import."""
    table: dict[str, Code] = {}
    names: set[str] = set()
    for entry in entries:
        if entry.code in table or entry.name in names:
            raise ValueError(f"{entry.code} {entry.name}: a code or name is listed twice")
        table[entry.code] = entry
        names.add(entry.name)
    return table


CODES: dict[str, Code] = _index(_TABLE)
