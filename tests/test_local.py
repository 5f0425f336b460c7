"""Local profiles (*.local.yaml): the model and its committed schema, discovery, and every check
against the adopted spec, each pinned to its code, line and column in the profile."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from codify.checker import FileResult, check_file, discover
from codify.cli import cli
from codify.local import LOCAL_SCHEMA_FILENAME, local_json_schema, local_schema_text
from tests.conftest import ROOT, published_hooks

RAID = ROOT / "examples" / "raid"
EXAMPLE = RAID / "north-shore.local.yaml"
# One profile beside each bundled example, for an invented organisation.
PROFILES = sorted((ROOT / "examples").glob("*/*.local.yaml"))
assert len(PROFILES) == 2, PROFILES
EVERY_FIELD = ROOT / "tests" / "fixtures" / "every_field.yaml"
COMMITTED = ROOT / "spec" / LOCAL_SCHEMA_FILENAME

# A small profile of the RAID example: one choice, so that each case adds what it tests.
HEAD = """\
adopts:
  spec: intervention.yaml
  version: ">=1.0,<2"
organisation:
  name: Example Trust (invented)
"""
CORE_24 = """\
  service_level:
    option: Core 24
    guardrails:
      round_the_clock: The team staffs every shift.
      rapid_response: The standards apply from day one.
"""


# Holders of RAID's required roles, added after a profile that names none, so that each test
# hears only of what it is about (the lines before it keep their numbers).
HOLDERS = """
roles:
  consultant:
    - name: Consultant posts
  practitioner:
    - name: Practitioner posts
  administrator:
    - name: An administrator post
"""


def _check(tmp_path: Path, text: str, spec: Path = RAID / "intervention.yaml") -> FileResult:
    """Check `text` as site.local.yaml beside a copy of `spec` named intervention.yaml; a
    RAID profile with no roles gets HOLDERS."""
    shutil.copyfile(spec, tmp_path / "intervention.yaml")
    profile = tmp_path / "site.local.yaml"
    if spec == RAID / "intervention.yaml" and "\nroles:" not in "\n" + text:
        text = text.rstrip("\n") + "\n" + HOLDERS
    profile.write_text(text, encoding="utf-8")
    return check_file(profile, display="site.local.yaml")


def _found(result: FileResult, *ignore: str) -> list[tuple[str, int, int, str]]:
    return [
        (d.code, d.line, d.column, d.message) for d in result.diagnostics if d.code not in ignore
    ]


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The 1-based line and column where the `nth` line holding `needle` has it."""
    hits = [(i + 1, ln.index(needle) + 1) for i, ln in enumerate(text.splitlines()) if needle in ln]
    return hits[nth]


# --- the model, its schema, discovery -----------------------------------------------------------


def test_the_committed_schema_matches_the_model() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == local_schema_text(), (
        "spec/local.schema.json is stale: run `codify schema --local > spec/local.schema.json`"
    )


def test_codify_schema_local_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(cli, ["schema", "--local"])
    assert result.exit_code == 0 and result.output == COMMITTED.read_text(encoding="utf-8")


def test_the_schema_is_valid_and_refuses_unknown_keys_everywhere() -> None:
    from jsonschema import Draft202012Validator

    schema = local_json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("/local.schema.json")
    objects = [schema, *(d for d in schema["$defs"].values() if d.get("type") == "object")]
    assert all(o.get("additionalProperties") is False for o in objects)
    for definition in [schema, *schema["$defs"].values()]:
        for key, prop in definition.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), key


@pytest.mark.parametrize("example", PROFILES, ids=lambda p: p.parent.name)
def test_the_examples_use_the_modeline_and_validate_with_plain_jsonschema(example: Path) -> None:
    from jsonschema import Draft202012Validator
    from ruamel.yaml import YAML

    text = example.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../spec/local.schema.json"
    data = json.loads(json.dumps(YAML(typ="safe").load(text), default=str))
    assert list(Draft202012Validator(local_json_schema()).iter_errors(data)) == []


@pytest.mark.parametrize("example", PROFILES, ids=lambda p: p.parent.name)
def test_the_example_profiles_check_clean_and_are_marked_illustrative(example: Path) -> None:
    from codify.loader import load_file
    from codify.local import LocalProfile

    result = check_file(example)
    assert result.loaded and result.diagnostics == []
    profile = LocalProfile.model_validate(load_file(example).data)
    assert profile.illustrative is True and "invented" in profile.organisation.name
    # Every adaptable element of the spec has its choice, and every readiness criterion its
    # assessment: the examples show a whole profile.
    spec = check_file(example.parent / "intervention.yaml").spec
    assert spec is not None
    assert set(profile.choices) == {e.id for e in spec.adaptable_elements}
    assert set(profile.readiness) == {c.id for c in spec.readiness}


def test_check_finds_profiles_and_the_generators_do_not() -> None:
    assert EXAMPLE in list(discover([ROOT / "examples"], profiles=True))
    assert EXAMPLE not in list(discover([ROOT / "examples"]))
    from codify import api

    assert EXAMPLE not in api.find_specs([ROOT / "examples"])
    assert EXAMPLE in api.find_specs([ROOT / "examples"], profiles=True)


def test_codify_check_examples_strict_passes_with_the_profile() -> None:
    result = CliRunner().invoke(cli, ["check", "--strict", "-v", str(ROOT / "examples")])
    assert result.exit_code == 0, result.output
    for profile in PROFILES:
        assert profile.name in result.stderr


# --- the spec adopted and its version -----------------------------------------------------------


def test_a_missing_spec_is_reported_at_adopts_spec(tmp_path: Path) -> None:
    text = HEAD.replace("spec: intervention.yaml", "spec: ../elsewhere/intervention.yaml")
    result = _check(tmp_path, text)
    assert _found(result) == [
        (
            "CL001",
            *_at(text, "../elsewhere"),
            "adopts.spec '../elsewhere/intervention.yaml' is not a file beside this profile",
        )
    ]


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/etc/passwd", "is absolute"),
        ("notes.yaml", "is not named as a spec is"),
        ("spec\x1b[31m.intervention.yaml", "holds a control character"),
    ],
)
def test_only_a_spec_file_beside_the_profile_is_read(tmp_path: Path, path: str, why: str) -> None:
    text = HEAD.replace("spec: intervention.yaml", f"spec: {json.dumps(path)}")
    result = _check(tmp_path, text)
    ((code, line, col, message),) = _found(result)
    assert (code, line, col) == ("CL001", 2, 9) and why in message
    assert "\x1b" not in message


def test_a_spec_found_by_id_and_a_wrong_id(tmp_path: Path) -> None:
    by_id = HEAD.replace("spec: intervention.yaml", "id: raid")
    assert _found(_check(tmp_path, by_id), "CL025") == []
    unknown = HEAD.replace("spec: intervention.yaml", "id: huddles")
    assert _found(_check(tmp_path, unknown), "CL025") == [
        (
            "CL001",
            2,
            7,
            "no spec with the id 'huddles' in this profile's folder; name its file in adopts.spec",
        )
    ]
    both = HEAD.replace("spec: intervention.yaml", "spec: intervention.yaml\n  id: huddles")
    assert _found(_check(tmp_path, both), "CL025") == [
        ("CL002", 3, 7, "adopts.id is 'huddles', but 'intervention.yaml' is the spec of 'raid'")
    ]


def test_a_spec_with_errors_in_its_structure_cannot_be_adopted(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: raid\nname: [\n", encoding="utf-8")
    result = _check(tmp_path, HEAD, spec=broken)
    ((code, line, col, message),) = _found(result)
    assert (code, line, col) == ("CL001", 2, 9)
    assert message.startswith("the spec 'intervention.yaml' cannot be read as a spec")


@pytest.mark.parametrize(
    ("version", "code", "message"),
    [
        (">=1.0,<2", None, None),
        ("==1.0.0", None, None),
        ("~=1.0", None, None),
        (
            "^1.0",
            "CL003",
            "adopts.version '^1.0' is not a version range; write conditions such as "
            "'>=1.0,<2', '~=1.2' or '==1.0.0'",
        ),
        (
            ">=2.0",
            "CL004",
            "the spec is version 1.0.0, which is not in '>=2.0'",
        ),
        (
            "!=1.0.0",
            "CL004",
            "the spec is version 1.0.0, which is not in '!=1.0.0'",
        ),
        (
            "<1",
            "CL005",
            "the profile follows '<1', and the spec is now version 1.0.0: review what changed, "
            "then update the profile and its range",
        ),
        (
            "==0.9.*",
            "CL005",
            "the profile follows '==0.9.*', and the spec is now version 1.0.0: review what "
            "changed, then update the profile and its range",
        ),
    ],
)
def test_the_version_range(
    tmp_path: Path, version: str, code: str | None, message: str | None
) -> None:
    text = HEAD.replace('">=1.0,<2"', json.dumps(version)) + "choices:\n" + CORE_24
    found = _found(_check(tmp_path, text), "CL025")
    assert found == ([] if code is None else [(code, 3, 12, message)])


def test_moving_on_is_a_warning_and_fails_only_strict(tmp_path: Path) -> None:
    text = HEAD.replace('">=1.0,<2"', '"<1"')
    _check(tmp_path, text)
    runner = CliRunner()
    assert runner.invoke(cli, ["check", str(tmp_path / "site.local.yaml")]).exit_code == 0
    strict = runner.invoke(cli, ["check", "--strict", str(tmp_path / "site.local.yaml")])
    assert strict.exit_code == 1 and "site.local.yaml:3:12: CL005 " in strict.output


# --- choices ------------------------------------------------------------------------------------


def test_a_core_element_cannot_be_chosen_and_an_unknown_one_is_named(tmp_path: Path) -> None:
    text = HEAD + "choices:\n  round_the_clock:\n    option: x\n  servce_level:\n    option: x\n"
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL007",
            *_at(text, "round_the_clock"),
            "'round_the_clock' is a core element, which every adopter keeps as it is: it cannot "
            "be chosen. A local change to it is a modification: log it under modifications, "
            "FRAME-coded",
        ),
        (
            "CL006",
            *_at(text, "servce_level"),
            "'servce_level' is not an adaptable element of 'raid'; did you mean 'service_level'?",
        ),
    ]


def test_options_are_named_by_their_words_or_beginning(tmp_path: Path) -> None:
    # 'Core' is the label of 'Core: the basic level...' (the words before its colon), so it
    # names that option, though 'Core 24: ...' starts with the same word.
    text = HEAD + "choices:\n" + CORE_24.replace("Core 24", "Core")
    assert _found(_check(tmp_path, text), "CL025", "CL013", "CL014", "CL017") == []
    text = HEAD + "choices:\n" + CORE_24.replace("Core 24", "Core 12")
    ((code, line, col, message),) = _found(_check(tmp_path, text), "CL025")
    assert (code, line, col) == ("CL008", 8, 13)
    assert message.startswith("choice 'service_level': 'Core 12' is not one of the permitted")
    # Case and spacing do not matter; the whole words of one option name it.
    text = HEAD + "choices:\n" + CORE_24.replace("Core 24", '"  core   24:  24/7 COVER"')
    assert _found(_check(tmp_path, text), "CL025") == []


def test_a_beginning_shared_by_options_or_too_short_names_none() -> None:
    from codify.localcheck import match_option

    options: list[Any] = [
        "Weekday evenings, with a named lead",
        "Weekday evenings, shared between two leads",
        "A shared base serving several nearby hospitals",
        "Core: the basic level",
        "Core 24: round the clock",
    ]
    assert match_option("weekday evenings", options) == [0, 1]  # ambiguous: CL008 says so
    assert match_option("Weekday evenings, with", options) == [0]
    assert match_option("A", options) == []  # a slip of one letter chooses nothing
    assert match_option("A shared base", options) == [2]
    assert match_option("core", options) == [3]
    assert match_option("Core 24", options) == [4]
    # The colon of a ratio or a time is no label, and a label must be long enough to mean one.
    assert match_option("1", ["1:1 support from a named nurse", "Group sessions"]) == []
    assert match_option("9", ["9:00 to 17:00 on weekdays", "24 hours a day"]) == []
    assert match_option("A", ["A: a shared base", "B: a base of its own"]) == []


def test_an_option_for_an_element_that_lists_none(tmp_path: Path) -> None:
    text = HEAD + "choices:\n  team_size_mix:\n    option: Bigger\n"
    found = _found(_check(tmp_path, text), "CL025", "CL013")
    assert found == [
        ("CL008", 8, 13, "choice 'team_size_mix': the element lists no options to choose from")
    ]


def test_an_open_adaptation_needs_guidance_and_a_rationale(tmp_path: Path) -> None:
    guarded = (
        "    guardrails:\n      consultant_led_mdt: a\n      round_the_clock: b\n"
        "      rapid_response: c\n"
    )
    ok = HEAD + "choices:\n  team_size_mix:\n    adaptation: A larger team.\n" + guarded
    ok += "    rationale: A bigger hospital.\n"
    assert _found(_check(tmp_path, ok), "CL025") == []
    text = HEAD + "choices:\n  team_size_mix:\n    adaptation: A larger team.\n" + guarded
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL011",
            *_at(text, "adaptation"),
            "choice 'team_size_mix': an open adaptation needs its rationale: say why, under "
            "rationale",
        )
    ]
    text = HEAD + (
        "choices:\n  base_location:\n    adaptation: Across the road.\n    rationale: Space.\n"
        "    guardrails:\n      rapid_response: a\n      interface_role: b\n"
    )
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL010",
            *_at(text, "adaptation"),
            "choice 'base_location': the spec permits no open adaptation of this element, only "
            "its options or range; if it was changed all the same, log it under modifications",
        )
    ]


def test_a_choice_chooses_something_or_keeps_the_default_alone(tmp_path: Path) -> None:
    text = HEAD + "choices:\n  follow_up:\n    note: Still deciding.\n"
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL012",
            *_at(text, "follow_up"),
            "choice 'follow_up' says nothing is chosen: give an option, a value or an "
            "adaptation, or keep_default: true",
        )
    ]
    text = HEAD + "choices:\n" + CORE_24 + "    keep_default: true\n"
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL012",
            *_at(text, "keep_default"),
            "choice 'service_level': keep_default keeps the element's default, so it cannot "
            "come with an option, a value or an adaptation; remove one or the other",
        )
    ]


def test_every_guardrail_of_a_chosen_element_is_acknowledged(tmp_path: Path) -> None:
    text = (
        HEAD
        + "choices:\n"
        + CORE_24.replace(
            "      rapid_response: The standards apply from day one.\n",
            "      all_age_team: Not a guardrail here.\n",
        )
    )
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL013",
            *_at(text, "guardrails:"),
            "choice 'service_level': the guardrail on 'rapid_response' is not acknowledged; say "
            "under guardrails how this choice keeps to it (the spec: 'Whatever the level, the "
            "1-hour and 24-hour standards apply whenever the service ...')",
        ),
        (
            "CL014",
            *_at(text, "all_age_team"),
            "choice 'service_level': 'all_age_team' is not a guardrail of this element (its "
            "guardrails: 'round_the_clock', 'rapid_response')",
        ),
    ]
    # Keeping the default changes nothing, so there is nothing to acknowledge.
    text = HEAD + "choices:\n  follow_up:\n    keep_default: true\n"
    assert _found(_check(tmp_path, text), "CL025") == []


def test_every_adaptable_element_has_a_choice(tmp_path: Path) -> None:
    text = HEAD + "choices:\n" + CORE_24
    found = _found(_check(tmp_path, text))
    assert {f[:3] for f in found} == {("CL025", 6, 1)}
    assert len(found) == 7  # RAID's other adaptable elements
    assert found[0][3] == (
        "no choice for the adaptable element 'areas_covered' ('Which wards and departments the "
        "team covers'); say what is done here, or keep_default: true"
    )


# Against the fixture that fills every field: an element with options, a range and approvals.
ROUND = """\
adopts:
  id: lantern-rounds
  version: "~=3.4"
organisation:
  name: Example Trust (invented)
choices:
  visiting_seniors:
    keep_default: true
  round_length:
    option: {option}
    value: {value}
    unit: {unit}
    guardrails:
      named_moment: a
      senior_challenge: b
{approval}"""


def _round(
    tmp_path: Path,
    option: str = "Sitting in the ward office",
    value: str = "10",
    unit: str = "minutes per round",
    approval: str = "    approval:\n      granted: {date: 2026-02-01, by: The licence holder}\n",
) -> list[tuple[str, int, int, str]]:
    text = ROUND.format(option=option, value=value, unit=unit, approval=approval)
    return _found(_check(tmp_path, text, spec=EVERY_FIELD))


def test_a_value_inside_the_range_in_its_unit(tmp_path: Path) -> None:
    assert _round(tmp_path) == []
    assert _round(tmp_path, value="15") == []
    assert _round(tmp_path, value="16") == [
        (
            "CL009",
            11,
            12,
            "choice 'round_length': 16 is outside the permitted range, 6.5 to 15 "
            "'minutes per round'",
        )
    ]
    assert _round(tmp_path, unit="minutes") == [
        (
            "CL009",
            12,
            11,
            "choice 'round_length': the unit is 'minutes', and the range is in 'minutes per "
            "round'; give the value in that unit",
        )
    ]


def test_an_option_or_element_needing_approval_records_it(tmp_path: Path) -> None:
    # The element needs approval for any change...
    assert _round(tmp_path, approval="") == [
        (
            "CL015",
            9,
            3,
            "choice 'round_length': the spec says a change to this element needs approval, and "
            "none is recorded; add approval: with requested and granted",
        )
    ]
    # ...an option's own rule overrides it either way...
    assert _round(tmp_path, option="Moving the round fifteen minutes later", approval="") == []
    video = "Holding the round by video"
    assert _round(tmp_path, option=video, approval="")[0][3].startswith(
        "choice 'round_length': the spec says this option needs approval"
    )
    # ...and an approval asked for but not yet given is a warning.
    pending = "    approval:\n      requested: {date: 2026-01-12, to: The licence holder}\n"
    assert _round(tmp_path, option=video, approval=pending) == [
        (
            "CL016",
            16,
            5,
            "choice 'round_length': approval was asked for on 2026-01-12 and is not granted yet",
        )
    ]


# --- readiness, roles, pathway, modifications ---------------------------------------------------


def test_readiness_roles_and_phases_name_the_specs(tmp_path: Path) -> None:
    text = HEAD + (
        "readiness:\n  funded:\n    status: met\n"
        "roles:\n  consultnt:\n    - name: A post\n"
        "pathway:\n  setup:\n    start: 2026-04\n  launch:\n    start: 2026-10\n    end: 2026-09\n"
    )
    assert _found(_check(tmp_path, text), "CL025", "CL028") == [
        (
            "CL017",
            *_at(text, "funded"),
            "'funded' is not a readiness criterion of 'raid'",
        ),
        (
            "CL019",
            *_at(text, "consultnt"),
            "'consultnt' is not a role of 'raid'; did you mean 'consultant'?",
        ),
        (
            "CL020",
            *_at(text, "setup"),
            "'setup' is not a phase of the pathway of 'raid'; did you mean 'set_up'?",
        ),
        ("CL021", 17, 10, "phase 'launch' ends (2026-09) before it starts (2026-10)"),
    ]


def test_a_required_role_with_no_holder_is_a_warning(tmp_path: Path) -> None:
    # RAID's consultant, practitioner and administrator are roles an adopter must have.
    text = HEAD + "roles:\n  consultant:\n    - name: Two consultant posts\n"
    found = _found(_check(tmp_path, text), "CL025")
    assert [(c, m.split(" (")[0]) for c, _, _, m in found] == [
        ("CL028", "the role 'administrator'"),
        ("CL028", "the role 'practitioner'"),
    ]
    assert found[0][3].endswith(
        "is one an adopter must have, and the profile names no one who holds it: add it under "
        "roles, with the person or post"
    )
    result = _check(tmp_path, text)
    assert all(d.severity.value == "warning" for d in result.diagnostics if d.code == "CL028")
    # A misspelt role is reported once, as the role it was taken for (CL019), not twice.
    typo = HEAD + "roles:\n  consultnt:\n    - name: A post\n" + HOLDERS.split("roles:\n")[1]
    codes = [c for c, *_ in _found(_check(tmp_path, typo), "CL025")]
    assert codes == ["CL019"], codes


def test_required_readiness_not_met_before_the_launch_is_a_warning(tmp_path: Path) -> None:
    criteria = ["funded_service_level", "executive_sponsors", "baseline_data", "clinical_lead"]
    met = "".join(f"  {c}:\n    status: met\n" for c in criteria)
    text = (
        HEAD
        + "launch: 2026-10\nreadiness:\n"
        + met
        + (
            "  referral_protocol:\n    status: not_yet\n"
            "  onward_pathways:\n    status: not_yet\n"  # recommended only: no warning
        )
    )
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL018",
            *_at(text, "referral_protocol"),
            "the required readiness criterion 'referral_protocol' is not yet met, and the "
            "launch is set for 2026-10",
        )
    ]
    # Without a launch date there is nothing to be late for.
    assert _found(_check(tmp_path, text.replace("launch: 2026-10\n", "")), "CL025") == []
    late = text.replace("status: not_yet\n  onward", "status: met\n    date: 2026-11\n  onward")
    assert _found(_check(tmp_path, late), "CL025") == [
        (
            "CL018",
            *_at(late, "date: 2026-11", 0)[:1],
            11,
            "the required readiness criterion 'referral_protocol' is met on 2026-11, after the "
            "launch on 2026-10",
        )
    ]


MODIFICATION = """\
  - id: {id}
    description: Teaching moved online.
    when: implementation
    planned: planned_reactive
    decided_by: [delivery_team]
    what: [context]
    level: organisation
    fidelity: {fidelity}
    goals: [increase_reach]
    elements: [{elements}]
"""


def test_the_modification_log(tmp_path: Path) -> None:
    log = "modifications:\n" + MODIFICATION.format(
        id="online", fidelity="fidelity_consistent", elements="interface_role"
    )
    assert _found(_check(tmp_path, HEAD + log), "CL025") == []
    log += MODIFICATION.format(
        id="online", fidelity="fidelity_inconsistent", elements="round_the_clock, night_shift"
    )
    text = HEAD + log
    assert _found(_check(tmp_path, text), "CL025") == [
        (
            "CL023",
            *_at(text, "- id: online", 1)[:1],
            9,
            "the modification id 'online' is used twice",
        ),
        (
            "CL024",
            *_at(text, "fidelity_inconsistent"),
            "modification 'online' departs from the model's core functions (core element "
            "round_the_clock); the site no longer runs it as specified",
        ),
        (
            "CL022",
            *_at(text, "night_shift"),
            "modification 'online': 'night_shift' is not a core or adaptable element of 'raid'",
        ),
    ]


# --- the file itself ----------------------------------------------------------------------------


def test_structure_problems_have_positions_and_exit_codes(tmp_path: Path) -> None:
    text = HEAD + "choices:\n  follow_up:\n    keep_defualt: true\n"
    result = _check(tmp_path, text)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("CS001", 8, 5)]
    assert "did you mean 'keep_default'?" in result.diagnostics[0].message
    runner = CliRunner()
    profile = str(tmp_path / "site.local.yaml")
    assert runner.invoke(cli, ["check", profile]).exit_code == 1
    (tmp_path / "site.local.yaml").write_text("adopts: [\n", encoding="utf-8")
    unreadable = runner.invoke(cli, ["check", profile])
    assert unreadable.exit_code == 2 and "CY003" in unreadable.output


def test_text_from_a_profile_cannot_forge_output(tmp_path: Path) -> None:
    text = HEAD + "choices:\n" + CORE_24.replace("Core 24", '"\\e[31mCore 99\\u202e"')
    result = CliRunner().invoke(cli, ["check", "--color", "never", str(_write(tmp_path, text))])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "\\x1b[31mCore 99\\u202e" in result.output


def _write(tmp_path: Path, text: str) -> Path:
    _check(tmp_path, text)
    return tmp_path / "site.local.yaml"


@pytest.mark.parametrize("code", [f"CL{n:03d}" for n in range(1, 26)])
def test_explain_describes_every_local_code(code: str) -> None:
    result = CliRunner().invoke(cli, ["explain", code])
    assert result.exit_code == 0 and "local profile" in result.output


def test_the_pre_commit_hook_checks_profiles_as_check_finds_them() -> None:
    import re

    from codify.checker import is_local_profile, is_spec_file

    hooks = published_hooks()
    names = [
        "north-shore.local.yaml",
        "a.b.local.yml",
        "intervention.yaml",
        "x.intervention.yml",
        ".local.yaml",
        "local.yaml",
        "notes.local.yaml.bak",
        "notes.yaml",
    ]
    for hook in hooks:  # codify-check and codify-check-all run for the same files
        pattern = re.compile(hook["files"])
        for name in names:
            expected = is_local_profile(name) or is_spec_file(Path(name))
            assert bool(pattern.search(f"sites/{name}")) == expected, (hook["id"], name)
    assert is_local_profile("north-shore.local.yaml") and not is_local_profile("local.yaml")


def test_the_docs_site_publishes_the_schema_at_its_id(tmp_path: Path) -> None:
    import importlib.util

    from ruamel.yaml import YAML

    from codify.local import LOCAL_SCHEMA_ID

    spec = importlib.util.spec_from_file_location("schema_hook", ROOT / "docs/_hooks/schema.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    site_url = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    config = {
        "config_file_path": str(ROOT / "mkdocs.yml"),
        "site_dir": str(tmp_path),
        "site_url": site_url,
    }
    hook.on_post_build(config)
    published = tmp_path / LOCAL_SCHEMA_ID.removeprefix(site_url)
    assert published.read_bytes() == COMMITTED.read_bytes()


# --- what is still to fill in, and what changed since the version followed ----------------------


def test_a_text_still_marked_todo_is_a_warning_at_its_place(tmp_path: Path) -> None:
    text = HEAD.replace("Example Trust (invented)", '"TODO: the organisation"')
    text += "choices:\n" + CORE_24.replace("The team staffs every shift.", '"TODO: say how"')
    found = _found(_check(tmp_path, text), "CL025")
    assert found == [
        ("CL027", *_at(text, '"TODO'), "still to fill in: 'TODO: the organisation'"),
        ("CL027", *_at(text, '"TODO: say'), "still to fill in: 'TODO: say how'"),
    ]


def test_a_withdrawn_option_is_reported_on_the_profile_s_option_line(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    text = HEAD + "choices:\n" + CORE_24
    _check(tmp_path, text)
    git("init", "-q")
    git("add", "intervention.yaml")
    git("commit", "-q", "-m", "the version the profile follows")
    spec = tmp_path / "intervention.yaml"
    old = spec.read_text(encoding="utf-8")
    core_24 = next(line for line in old.splitlines() if "Core 24: 24/7 cover" in line)
    new = old.replace(core_24 + "\n", "", 1)
    spec.write_text(new.replace('version: "1.0.0"', "version: 2.0.0", 1), encoding="utf-8")
    found = check_file(tmp_path / "site.local.yaml", display="site.local.yaml")
    changed = [(d.code, d.line, d.column) for d in found.diagnostics if d.code == "CL026"]
    assert changed == [("CL026", *_at(text, "option: Core 24"))]
    (message,) = [d.message for d in found.diagnostics if d.code == "CL026"]
    assert message.startswith("since version 1.0.0 (") and "[option-removed]" in message
    assert found.notes == []
