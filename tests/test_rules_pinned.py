"""Every diagnostic code, pinned: the exact problems a minimal spec gets, with their positions.

For each semantic rule in `codify.rules.REGISTRY`, and each structure (CS) and load (CY) code,
one small file that breaks it, and the complete list of (code, line, column, message) that
`codify.checker.check_file` reports for it: nothing missing, nothing extra, nothing moved. The
cases are keyed by code and the keys must equal the registry's, so a new code fails here until
it has a case. These run through the library, not the CLI, and take milliseconds each.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from codify.checker import check_file
from codify.codes import CODES
from codify.rules import REGISTRY

# A small spec that checks clean in strict mode. It is spelled out here, not taken from
# `codify init`, so that the line and column of every problem below stay put.
BASE = """\
id: hand-hygiene
name: "Hand hygiene huddles"
version: 0.1.0
status: draft
summary: What the intervention is, who it is for, and what it achieves.
problem: >-
  The problem the intervention addresses, and for whom.
rationale:
  summary: Why the intervention is expected to work.
  mechanisms:
    - A mechanism through which it acts.
origin:
  organisation: The organisation that first ran it
  first_delivered: "2026"
owners:
  - name: The team that maintains this spec
    role: Spec maintainers
licence:
  spread_model: open
  content_licence: CC BY 4.0
population:
  description: The people the intervention serves.
settings:
  - type: Acute hospital
roles:
  - id: lead
    title: Local lead
    responsibilities:
      - Leads delivery in the adopting organisation.
    time_commitment: About two hours a month
materials:
  - id: guide
    title: Delivery guide
    description: What the lead uses to run each session.
    provided_by: The originating organisation
core_elements:
  - id: core-activity
    name: The core activity
    function: The purpose this element serves.
    form: How the originator carries it out.
    rationale: Why it is core, with the evidence.
    roles: [lead]
    materials: [guide]
    fidelity:
      - What an assessor sees when the element is in place.
adaptable_elements:
  - id: timing
    name: Time of day
    default: Lunchtime
    adaptations:
      options: [Lunchtime, Early morning]
    guardrails:
      - core_element: core-activity
        note: Choose a time when the people it is for can attend.
    decided_by: Local lead
delivery:
  modes: [face_to_face]
  formats: [group]
  procedures:
    - id: session
      name: Session
      description: What happens, step by step.
      roles: [lead]
      materials: [guide]
  schedule: Monthly
  duration: One hour
pathway:
  - id: readiness
    name: Readiness
    goal: The organisation is ready to start.
    timescale: 1-3 months
    steps:
      - action: Secure a sponsor and protected time for the lead.
        owner: Executive sponsor
fidelity:
  approach: How fidelity is assessed and supported.
  assessors: Self-assessment by the local lead
  frequency: Yearly
  criteria:
    - id: activity-delivered
      name: The core activity is delivered as intended
      core_elements: [core-activity]
      method: Observation of one session
      data_sources: [observation]
      scale:
        kind: yes_no
        yes: The session followed the delivery guide.
  bands:
    - label: Not yet
      min: 0
      max: 0
      meaning: Review delivery with the originator.
    - label: Delivered as intended
      min: 1
      max: 1
      meaning: Meets the standard.
      meets_standard: true
outcomes:
  - id: main-outcome
    name: The main outcome
    measure: How it is measured.
not_applicable:
  - item: 10
    reason: No modifications have been made yet.
  - item: 12
    reason: No site has been assessed yet.
"""

Found = tuple[str, int, int, str]


def edit(*changes: tuple[str, str]) -> str:
    """BASE with each `old` replaced by `new`; each `old` must occur exactly once."""
    text = BASE
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in BASE"
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Case:
    """A spec file (text or raw bytes; None for no file at all) and what checking it finds."""

    content: str | bytes | None
    found: list[Found]


# --- load: the file cannot be read as YAML -----------------------------------------------------

CY: dict[str, Case] = {
    "CY001": Case(None, [("CY001", 0, 0, "file not found")]),
    "CY002": Case(
        b"id: hand-hygiene\nname: caf\xe9\n",
        [
            (
                "CY002",
                2,
                10,
                "not valid UTF-8: byte 0xe9 cannot be decoded; save the file as UTF-8",
            )
        ],
    ),
    "CY003": Case(
        "id: hand-hygiene\nname: [unclosed\n",
        [("CY003", 3, 1, "invalid YAML: did not find expected ',' or ']'")],
    ),
    "CY004": Case(
        "# a spec, one day\n\n",
        [("CY004", 0, 0, "the file is empty; a spec is a mapping of keys such as id and name")],
    ),
    "CY005": Case(
        "id: a\n---\nid: b\n",
        [("CY005", 2, 1, "more than one YAML document ('---'); a spec file holds exactly one")],
    ),
    "CY006": Case(
        "id: hand-hygiene\nname: !!python/name:os.system x\n",
        [
            (
                "CY006",
                2,
                7,
                "YAML tag '!!python/name:os.system' is not allowed in a spec "
                "(nothing was constructed)",
            )
        ],
    ),
    "CY007": Case(
        "id: hand-hygiene\nname: " + "[" * 70 + "]" * 70 + "\n",
        [("CY007", 2, 70, "nesting is deeper than 64 levels; a spec never needs this")],
    ),
    "CY008": Case(
        "- id: hand-hygiene\n- name: Hand hygiene\n",
        [
            (
                "CY008",
                1,
                1,
                "the top level must be a mapping of keys such as id and name, got a list",
            )
        ],
    ),
    "CY009": Case(
        edit(("status: draft\n", "status: draft\nid: hand-washing\n")),
        [("CY009", 5, 1, "duplicate key 'id' (first defined at line 1); YAML keys must be unique")],
    ),
}

# --- structure: the YAML is not a well-formed spec ----------------------------------------------

CS: dict[str, Case] = {
    "CS001": Case(
        edit(("status: draft\n", "status: draft\nsummery: A typo.\n")),
        [("CS001", 5, 1, "summery: unknown key 'summery'; did you mean 'summary'?")],
    ),
    "CS002": Case(
        edit(("    form: How the originator carries it out.\n", "")),
        [("CS002", 37, 5, "core_elements[0]: missing required key 'form'")],
    ),
    "CS003": Case(
        edit(("  schedule: Monthly\n", "  schedule: 12\n")),
        [
            (
                "CS003",
                65,
                13,
                "delivery.schedule: expected a string, got an integer; to write it as text, "
                'put it in quotes: "12"',
            )
        ],
    ),
    "CS004": Case(
        edit(("status: draft\n", "status: drafty\n")),
        [
            (
                "CS004",
                4,
                9,
                "status: 'drafty' is not one of: draft, piloting, spreading, mainstreamed, "
                "not_recommended, retired; did you mean 'draft'?",
            )
        ],
    ),
    "CS005": Case(
        edit(('name: "Hand hygiene huddles"\n', 'name: ""\n')),
        [("CS005", 2, 7, "name: must not be empty")],
    ),
}

# --- semantic rules ---------------------------------------------------------------------------

CR: dict[str, Case] = {
    "CR001": Case(
        edit(
            (
                "    measure: How it is measured.\n",
                "    measure: How it is measured.\n"
                "  - id: lead\n    name: Lead time\n    measure: Days from referral.\n",
            )
        ),
        [("CR001", 102, 9, "id 'lead' is already used at roles[0] (line 26)")],
    ),
    "CR002": Case(
        edit(
            (
                "    roles: [lead]\n    materials: [guide]\n    fidelity:",
                "    roles: [leed]\n    materials: [guide]\n    fidelity:",
            )
        ),
        [("CR002", 42, 13, "'leed' is not the id of any role; did you mean 'lead'?")],
    ),
    "CR003": Case(
        edit(
            (
                "adaptable_elements:\n",
                "  - id: second\n    name: Second\n    function: f\n    form: f\n"
                "    rationale: r\n    fidelity: [seen]\nadaptable_elements:\n",
            )
        ),
        [("CR003", 46, 5, "core element 'second' has no fidelity criterion")],
    ),
    "CR004": Case(
        edit(
            (
                "    adaptations:\n      options: [Lunchtime, Early morning]\n",
                "    adaptations: {}\n",
            )
        ),
        [("CR004", 50, 18, "adaptable element 'timing' states no options, range or guidance")],
    ),
    "CR005": Case(
        edit(
            (
                "    guardrails:\n      - core_element: core-activity\n"
                "        note: Choose a time when the people it is for can attend.\n",
                "    guardrails: []\n",
            )
        ),
        [("CR005", 52, 17, "adaptable element 'timing' has no guardrails")],
    ),
    "CR006": Case(
        edit(("version: 0.1.0", "version: '1.0'")),
        [("CR006", 3, 10, "'1.0' is not a semantic version such as 1.0.0")],
    ),
    "CR007": Case(
        edit(("      min: 0\n      max: 0\n", "      min: 0\n      max: 1\n")),
        [("CR007", 93, 7, "band 'Delivered as intended' overlaps the band before it at 1-1")],
    ),
    "CR008": Case(
        edit(
            (
                "        kind: yes_no\n        yes: The session followed the delivery guide.\n",
                "        kind: rating\n        min: 0\n        max: 1\n        anchors:\n"
                "          - {score: 0, description: Not delivered.}\n",
            )
        ),
        [("CR008", 86, 9, "criterion 'activity-delivered': no anchor for score 1")],
    ),
    "CR009": Case(
        edit(("  - item: 10\n    reason: No modifications have been made yet.\n", "")),
        [
            (
                "CR009",
                1,
                1,
                "TIDieR item 10 (Modifications) is not answered; "
                "fill in modifications or declare it in not_applicable",
            )
        ],
    ),
    "CR010": Case(
        edit(("status: draft", "status: spreading")),
        [("CR010", 4, 9, "status is 'spreading' but the spec cites no evidence")],
    ),
    "CR011": Case(
        edit(
            (
                "materials:\n  - id: guide\n",
                "materials:\n  - id: spare\n    title: Spare\n    description: Unused.\n"
                "    provided_by: Us\n  - id: guide\n",
            )
        ),
        [("CR011", 32, 5, "material 'spare' is not used by any element or procedure")],
    ),
    "CR012": Case(
        edit(("    provided_by: The originating organisation\n", "")),
        [("CR012", 32, 5, "material 'guide' has no url, path or provided_by")],
    ),
    "CR013": Case(
        edit(("    provided_by: The originating organisation\n", "    path: ../guide.pdf\n")),
        [("CR013", 35, 11, "'../guide.pdf' leaves the spec's folder")],
    ),
    "CR014": Case(
        edit(("      meets_standard: true\n", "")),
        [("CR014", 89, 5, "no band has meets_standard: true")],
    ),
    "CR015": Case(
        edit(
            (
                "problem: >-\n",
                "glossary:\n  - {term: NHS, definition: a}\n  - {term: nhs, definition: b}\n"
                "problem: >-\n",
            )
        ),
        [("CR015", 8, 12, "glossary term 'nhs' is already defined at glossary[0]")],
    ),
    "CR016": Case(
        edit(
            (
                "  The problem the intervention addresses, and for whom.\n",
                "  The problem ![chart](http://example.org/c.png) it addresses.\n",
            )
        ),
        [
            (
                "CR016",
                6,
                10,
                "problem contains a Markdown image '![chart](http://example.org/c.png)'; "
                "attach the picture as a material instead",
            )
        ],
    ),
    "CR017": Case(
        edit(
            (
                "problem: >-\n  The problem the intervention addresses, and for whom.\n",
                'problem: "The problem it addresses\\e[2J"\n',
            )
        ),
        [("CR017", 6, 10, "problem contains the character U+001B (\\x1b); remove it")],
    ),
    "CR018": Case(
        edit(("status: draft\n", "status: retired\n")),
        [
            (
                "CR018",
                4,
                9,
                "status retired needs a verdict: add `verdict:` with summary, reason, "
                "decided_by and date",
            )
        ],
    ),
    "CR019": Case(
        edit(
            (
                "  The problem the intervention addresses, and for whom.\n",
                "  TODO: The problem the intervention addresses, and for whom.\n",
            )
        ),
        [
            (
                "CR019",
                7,
                3,
                "problem is a placeholder still to replace: "
                "'TODO: The problem the intervention addresses, and for whom.'",
            )
        ],
    ),
    "CR020": Case(
        edit(
            (
                "problem: >-\n  The problem the intervention addresses, and for whom.\n",
                "problem: |-\n  The problem the intervention addresses.\n  # For whom\n"
                "  Staff on every ward.\n",
            )
        ),
        [
            (
                "CR020",
                8,
                3,
                "problem: the line '# For whom' will be a heading (inside a text block, "
                "'#' starts no comment); remove the '#', or use **bold**",
            )
        ],
    ),
    "CR021": Case(
        edit(("    time_commitment: About two hours a month\n", "")),
        [
            (
                "CR021",
                26,
                5,
                "role 'lead' has no time_commitment; the handbook will say "
                "'Time it takes: Not stated'",
            )
        ],
    ),
    "CR022": Case(
        edit(
            (
                "not_applicable:\n",
                "references:\n  - id: spare\n    authors: [{literal: Someone}]\n"
                "    title: Uncited\nnot_applicable:\n",
            )
        ),
        [
            (
                "CR022",
                103,
                5,
                "reference 'spare' is not cited by any element, evidence entry, outcome "
                "or other part of the spec",
            )
        ],
    ),
    "CR023": Case(
        edit(
            (
                "    reason: No site has been assessed yet.\n",
                "    reason: No site has been assessed yet.\n"
                "  - item: 3\n    reason: Nothing to hand out.\n",
            )
        ),
        [
            (
                "CR023",
                107,
                11,
                "TIDieR item 3 (What: materials) is answered by materials but declared "
                "not applicable; remove the declaration",
            )
        ],
    ),
    "CR024": Case(
        edit(
            (
                "    - label: Not yet\n      min: 0\n      max: 0\n"
                "      meaning: Review delivery with the originator.\n",
                "",
            ),
            (
                "      meets_standard: true\n",
                "      meets_standard: true\n"
                "    - label: Not yet\n      min: 0\n      max: 0\n"
                "      meaning: Review delivery with the originator.\n",
            ),
        ),
        [
            (
                "CR024",
                94,
                7,
                "band 'Not yet' (min 0) comes after band 'Delivered as intended' (min 1); "
                "list bands lowest first",
            )
        ],
    ),
    "CR025": Case(
        edit(
            (
                "not_applicable:\n",
                "references:\n  - id: spare\n    authors: Someone\n    title: Uncited\n"
                "not_applicable:\n",
            )
        ),
        [
            (
                "CR022",
                103,
                5,
                "reference 'spare' is not cited by any element, evidence entry, outcome "
                "or other part of the spec",
            ),
            (
                "CR025",
                104,
                14,
                "reference 'spare' gives its authors as one line of text, cited as one author "
                "exactly as written; list them, each as {family: ..., given: ...} or "
                "{literal: ...} for an organisation",
            ),
        ],
    ),
    "CR026": Case(
        edit(
            (
                "  The problem the intervention addresses, and for whom.\n",
                "  The problem that [[lead]] and [[nobody|the team]] address, and [[Local lead]].\n",
            )
        ),
        [
            (
                "CR026",
                7,
                33,
                "problem: cross-reference '[[nobody|the team]]' names no id in the spec",
            ),
            (
                "CR026",
                7,
                66,
                "problem: '[[Local lead]]' is not a cross-reference; write [[id]] or "
                "[[id|words]] with an id from the spec, such as 'activity-delivered', or \\[[ to "
                "print the brackets",
            ),
        ],
    ),
    "CR027": Case(
        edit(
            (
                "  summary: Why the intervention is expected to work.\n",
                "  summary: Why it works, as rationale.mechanisms says.\n",
            ),
            (
                "    - A mechanism through which it acts.\n",
                "    - A mechanism, as `variants` shows.\n",
            ),
        ),
        [
            (
                "CR027",
                9,
                29,
                "rationale.summary: 'rationale.mechanisms' names a field of the spec, which "
                "readers of the documents will see as it is; say it in words, or point at an "
                "item with [[id]] or [[id|words]]",
            ),
            (
                "CR027",
                11,
                23,
                "rationale.mechanisms[0]: '`variants`' names a field of the spec, which "
                "readers of the documents will see as it is; say it in words, or point at an "
                "item with [[id]] or [[id|words]]",
            ),
        ],
    ),
    "CR028": Case(
        edit(
            (
                "    time_commitment: About two hours a month\n",
                "    time_commitment: About two hours a month\n    party: pharmacy\n",
            ),
            ("settings:\n", "parties:\n  - {id: adopter, name: Us, kind: adopter}\nsettings:\n"),
        ),
        [
            (
                "CR028",
                24,
                10,
                "party id 'adopter' is one of the kinds every spec has; give the organisation "
                "its own id (its kind goes in `kind`)",
            ),
            (
                "CR028",
                33,
                12,
                "party 'pharmacy' is not one of adopter, central, commissioner, partner or a "
                "party listed under `parties`",
            ),
        ],
    ),
    "CR029": Case(
        edit(
            (
                "settings:\n",
                "components:\n  - {id: one, name: One, summary: The first.}\n"
                "choose:\n  rule: at_least\n  count: 2\nsettings:\n",
            )
        ),
        [("CR029", 27, 10, "choose: at least 2 of 1 components cannot be met")],
    ),
    "CR030": Case(
        edit(
            (
                "settings:\n",
                "components:\n  - {id: one, name: One, summary: The first., "
                "spec: ../missing/intervention.yaml}\nsettings:\n",
            )
        ),
        [("CR030", 24, 53, "component 'one': '../missing/intervention.yaml' is not a file")],
    ),
    # The newest release is not the spec's version: on that release's version line.
    "CR032": Case(
        edit(
            (
                "not_applicable:\n",
                'history:\n  - version: 0.0.9\n    date: "2024"\n    summary: The first release.\n'
                "not_applicable:\n",
            )
        ),
        [
            (
                "CR032",
                103,
                14,
                "the newest release in the history is 0.0.9, but the spec's version is 0.1.0: add "
                "a release for 0.1.0 at the top (`codify diff --write-history` drafts one)",
            )
        ],
    ),
}

# --- hints: a common mistake behind a code gets a message that says how to fix it ----------------
# Keyed by the code and the mistake; tests/test_author_mistakes.py tests each hint further.

HINTS: dict[str, Case] = {
    "CY003 colon in text": Case(
        "id: hand-hygiene\nsummary: Timing: one hour a month\n",
        [
            (
                "CY003",
                2,
                16,
                "invalid YAML: mapping values are not allowed in this context; text that "
                "contains ': ' must be quoted, e.g. note: \"Timing: one hour\"",
            )
        ],
    ),
    # The history's dates contradict its order: on the date of the release listed first.
    "CR032 dates out of order": Case(
        edit(
            (
                "not_applicable:\n",
                "history:\n  - {version: 0.1.0, date: 2023-05, summary: The second.}\n"
                '  - {version: 0.0.9, date: "2024", summary: The first.}\n'
                "not_applicable:\n",
            )
        ),
        [
            (
                "CR032",
                103,
                28,
                "release 0.1.0 is dated 2023-05, before 2024 (0.0.9), which is listed after it: "
                "the history lists releases newest first, so their dates run from latest to "
                "earliest",
            )
        ],
    ),
    "CR032 transition ends before its release": Case(
        edit(
            (
                "not_applicable:\n",
                "history:\n  - version: 0.1.0\n    date: 2025-03-01\n    summary: The first.\n"
                "    transition: {until: 2024-12, note: Old recordings may be kept.}\n"
                "not_applicable:\n",
            )
        ),
        [
            (
                "CR032",
                106,
                25,
                "the transition ends 2024-12, before release 0.1.0 itself (2025-03-01): adopters "
                "cannot make the changes before they are released",
            )
        ],
    ),
    "CS003 colon in a list item": Case(
        edit(
            (
                "    - A mechanism through which it acts.\n",
                "    - Permission: junior staff escalate worries about listed patients.\n",
            )
        ),
        [
            (
                "CS003",
                11,
                7,
                "rationale.mechanisms[0]: expected a string, got a mapping; text that contains "
                "': ' must be quoted, e.g. - \"Timing: one hour\"",
            )
        ],
    ),
    "CS001 comma in a flow mapping": Case(
        edit(
            (
                "problem: >-\n",
                "glossary:\n  - {term: MDT, definition: Multidisciplinary team, or its members}\n"
                "problem: >-\n",
            )
        ),
        [
            (
                "CS001",
                7,
                53,
                "glossary[0]['or its members']: unknown key 'or its members'; "
                "a comma inside {...} starts a new key: quote the text",
            )
        ],
    ),
    "CS004 id": Case(
        edit(("  - id: guide\n", "  - id: Delivery guide\n")),
        [
            (
                "CS004",
                32,
                9,
                "materials[0].id: 'Delivery guide' is not valid; expected an id: lower-case "
                "letters, digits, '-' or '_', starting with a letter, e.g. daily_huddle",
            )
        ],
    ),
    "CS004 date": Case(
        edit(('  first_delivered: "2026"\n', "  first_delivered: Spring 2026\n")),
        [
            (
                "CS004",
                14,
                20,
                "origin.first_delivered: 'Spring 2026' is not valid; expected a date such as "
                "2009, 2009-12 or 2009-12-01, or an EDTF date: 2000~ (around 2000), 2004? "
                "(uncertain), 200X (the 2000s), 2001-21 (spring 2001), 2014/2016 (an "
                "interval), ../2016 or 2014/.. (open at one end)",
            )
        ],
    ),
}

# --- against a git revision: BASE committed, then edited and checked with --against HEAD -------
# CR031 and CR033 compare a spec with its version at a revision, so they cannot fire on one file
# alone.

AGAINST: dict[str, Case] = {
    "CR031": Case(
        edit(("      options: [Lunchtime, Early morning]\n", "      options: [Lunchtime]\n")),
        [
            (
                "CR031",
                3,
                10,
                "version 0.1.0 is the same as 0.1.0 at HEAD, but 1 change needs a minor bump: "
                "option-removed adaptable_elements[timing].adaptations.options",
            )
        ],
    ),
    # A release that calls a breaking change (an option withdrawn) editorial: on its changes.
    "CR033": Case(
        edit(
            ("      options: [Lunchtime, Early morning]\n", "      options: [Lunchtime]\n"),
            ("version: 0.1.0\n", "version: 0.2.0\n"),
            (
                "not_applicable:\n",
                'history:\n  - version: 0.2.0\n    date: "2025"\n    summary: Wording only.\n'
                "    changes:\n      - level: editorial\n        description: Clearer words.\n"
                "not_applicable:\n",
            ),
        ),
        [
            (
                "CR033",
                107,
                7,
                "the history's release 0.2.0 states editorial changes at most, but 1 change "
                "since HEAD is breaking: option-removed "
                "adaptable_elements[timing].adaptations.options",
            )
        ],
    ),
}

CASES = {**CY, **CS, **CR, **HINTS}


def check(case: Case, folder: Path) -> list[Found]:
    """What `check_file` reports for the case's file, as (code, line, column, message)."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = folder / "intervention.yaml"
    if isinstance(case.content, str):
        spec.write_text(case.content, encoding="utf-8")
    elif isinstance(case.content, bytes):
        spec.write_bytes(case.content)
    result = check_file(spec, display="intervention.yaml")
    for d in result.diagnostics:
        assert d.path == "intervention.yaml"
        assert d.severity is CODES[d.code].severity, f"{d.code} has severity {d.severity}"
    return [(d.code, d.line, d.column, d.message) for d in result.diagnostics]


def test_the_base_spec_checks_clean(tmp_path: Path) -> None:
    assert check(Case(BASE, []), tmp_path) == []


def test_every_rule_has_a_pinned_case() -> None:
    assert sorted({**CR, **AGAINST}) == sorted(REGISTRY)


def test_every_structure_and_load_code_has_a_pinned_case() -> None:
    assert sorted(CS) == sorted(c for c in CODES if c.startswith("CS"))
    assert sorted(CY) == sorted(c for c in CODES if c.startswith("CY"))


@pytest.mark.parametrize("key", sorted(CASES))
def test_each_code_reports_exactly_its_pinned_problems(key: str, tmp_path: Path) -> None:
    case = CASES[key]
    code = key.split()[0]  # a hint's case is keyed by its code and the mistake
    found = check(case, tmp_path / "spec")
    assert code in {c for c, *_ in found}, f"the case for {key} does not trigger {code}"
    assert found == case.found


@pytest.mark.parametrize("key", sorted(AGAINST))
def test_each_code_against_a_revision_reports_its_pinned_problems(key: str, tmp_path: Path) -> None:
    import subprocess

    from codify.diff import against

    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / "intervention.yaml").write_text(BASE, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "intervention.yaml"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    assert check(Case(BASE, []), folder) == []  # unchanged, nothing to report
    with against("HEAD"):
        assert check(Case(BASE, []), folder) == []
        assert check(AGAINST[key], folder) == AGAINST[key].found
    assert check(AGAINST[key], folder) == []  # without --against, nothing is compared
