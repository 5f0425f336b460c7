"""`codify check`: structural problems in plain words, semantic rules, outputs and settings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.cli import cli
from codify.rules import REGISTRY
from tests.conftest import EXAMPLES


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def write(tmp_path: Path, text: str, name: str = "intervention.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_scaffold_fails_until_its_placeholders_are_replaced(tmp_path: Path) -> None:
    from codify.commands.init import scaffold

    raw = scaffold("hand-hygiene", "Hand hygiene huddles")
    code, out = run("check", "--format", "json", str(write(tmp_path, raw)))
    found = json.loads(out)["diagnostics"]
    assert code == 1
    # Every placeholder is listed, at the line that holds it, and nothing else is.
    lines = [n for n, line in enumerate(raw.splitlines(), 1) if "TODO: " in line]
    assert len(lines) >= 15
    assert {d["code"] for d in found} == {"CR019"}
    assert [d["line"] for d in found] == lines


def test_scaffold_checks_clean_once_its_placeholders_are_replaced(
    tmp_path: Path, base_spec: str
) -> None:
    assert "TODO: " not in base_spec
    spec = write(tmp_path, base_spec)
    assert run("check", "--strict", str(spec)) == (0, "All good: 1 file checked, no problems.\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_examples_check_clean_in_strict_mode(example: Path) -> None:
    code, out = run("check", "--strict", str(example))
    assert code == 0, out


def test_wrong_type_is_reported_in_plain_words(tmp_path: Path, base_spec: str) -> None:
    text = base_spec.replace(
        "    fidelity:\n      - What an assessor sees when the element is in place.",
        "    fidelity: an assessor looks at it",
    )
    spec = write(tmp_path, text)
    code, out = run("check", str(spec))
    assert code == 1
    line = text.splitlines().index("    fidelity: an assessor looks at it") + 1
    assert (
        f"{spec}:{line}:15: CS003 core_elements[0].fidelity: expected a list, got a string" in out
    )


def test_unknown_key_suggests_the_nearest(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec.replace("    function:", "    fucntion:"))
    code, out = run("check", str(spec))
    assert code == 1
    assert (
        "CS001 core_elements[0].fucntion: unknown key 'fucntion'; did you mean 'function'? "
        "It is required here, and missing" in out
    )
    # One mistake, one finding: not a second one that 'function' is missing.
    assert "CS002" not in out, out


def test_a_missing_key_with_no_misspelling_beside_it_is_reported_where_it_is_missing(
    tmp_path: Path, base_spec: str
) -> None:
    spec = write(tmp_path, base_spec.replace("    function:", "    purpose:"))
    code, out = run("check", str(spec))
    assert code == 1
    assert "CS001 core_elements[0].purpose: unknown key 'purpose'" in out
    assert "It is required here" not in out
    # The missing key is reported at the mapping that lacks it.
    assert re.search(r":\d+:5: CS002 core_elements\[0\]: missing required key 'function'", out)


def test_all_structural_problems_are_reported_at_once(tmp_path: Path, base_spec: str) -> None:
    text = base_spec.replace("status: draft", "status: drafty").replace(
        "schedule: Monthly", "schedule: 12"
    )
    code, out = run("check", str(write(tmp_path, text)))
    assert code == 1
    assert "status: 'drafty' is not one of" in out and "did you mean 'draft'?" in out
    assert "delivery.schedule: expected a string, got an integer" in out
    assert "Found 2 errors in 1 file checked." in out


# Each case: a replacement applied to the scaffold, and the rule code it must trigger.
RULE_CASES = {
    "CR001": ("  - id: guide\n", "  - id: lead\n"),
    "CR002": (
        "    roles: [lead]\n    materials: [guide]\n    fidelity:",
        "    roles: [leed]\n    materials: [guide]\n    fidelity:",
    ),
    "CR003": ("      core_elements: [core-activity]\n", "      core_elements: [core-activity]\n"),
    "CR004": (
        "    adaptations:\n      options: [Lunchtime, Early morning, Late afternoon]\n",
        "    adaptations: {}\n",
    ),
    "CR005": (
        "    guardrails:\n      - core_element: core-activity\n        note: Choose a time when the people it is for can attend.\n",
        "    guardrails: []\n",
    ),
    "CR006": ("version: 0.1.0", "version: '1.0'"),
    "CR007": ("      min: 1\n      max: 1\n", "      min: 2\n      max: 2\n"),
    "CR008": (
        "        kind: yes_no\n",
        "        kind: rating\n        min: 1\n        max: 3\n        anchors: [{score: 1, description: none}]\n",
    ),
    "CR009": ("  - item: 10\n    reason: No modifications have been made yet.\n", ""),
    "CR010": ("status: draft", "status: spreading"),
    "CR011": (
        "materials:\n  - id: guide\n",
        "materials:\n  - id: spare\n    title: Spare\n    description: Unused.\n    provided_by: Us\n  - id: guide\n",
    ),
    "CR012": ("    provided_by: The originating organisation\n", ""),
    "CR013": ("    provided_by: The originating organisation\n", "    path: ../../etc/passwd\n"),
    "CR014": ("      meets_standard: true\n", ""),
    "CR015": (
        "problem: >-\n",
        "glossary:\n  - {term: NHS, definition: a}\n  - {term: nhs, definition: b}\nproblem: >-\n",
    ),
    "CR016": (
        "  The problem the intervention addresses, and for whom.\n",
        "  The problem ![chart](http://example.org/c.png) it addresses.\n",
    ),
    "CR017": (
        "problem: >-\n  The problem the intervention addresses, and for whom.\n",
        'problem: "The problem it addresses\\e[2J"\n',
    ),
    "CR018": ("status: draft ", "status: retired "),
    "CR019": ("  The problem the intervention", "  TODO: The problem the intervention"),
    "CR020": (
        "  The problem the intervention addresses, and for whom.\n",
        "  The problem the intervention addresses.\n\n  # For whom\n",
    ),
    "CR021": ("    time_commitment: About two hours a month\n", ""),
    "CR022": (
        "not_applicable:\n",
        "references:\n  - {id: spare, authors: Someone, title: Uncited}\nnot_applicable:\n",
    ),
    "CR023": (
        "  - item: 12\n    reason: No site has been assessed yet.\n",
        "  - item: 12\n    reason: No site has been assessed yet.\n"
        "  - item: 3\n    reason: Materials are listed, so this is wrong.\n",
    ),
    "CR024": (
        "    - label: Not yet\n      min: 0\n      max: 0\n"
        "      meaning: Review delivery with the originator.\n"
        "    - label: Delivered as intended\n      min: 1\n      max: 1\n"
        "      meaning: Meets the standard.\n      meets_standard: true\n",
        "    - label: Delivered as intended\n      min: 1\n      max: 1\n"
        "      meaning: Meets the standard.\n      meets_standard: true\n"
        "    - label: Not yet\n      min: 0\n      max: 0\n"
        "      meaning: Review delivery with the originator.\n",
    ),
    "CR025": (
        "not_applicable:\n",
        "references:\n  - {id: spare, authors: Someone, title: Uncited}\nnot_applicable:\n",
    ),
    "CR026": (
        "  The problem the intervention addresses, and for whom.\n",
        "  The problem that [[nobody]] addresses.\n",
    ),
    "CR027": (
        "  The problem the intervention addresses, and for whom.\n",
        "  The problem, as rationale.mechanisms says.\n",
    ),
    "CR028": ("    party: adopter ", "    party: pharmacy "),
    "CR029": (
        "problem: >-\n",
        "components:\n  - {id: one, name: One, summary: The first.}\n"
        "choose: {rule: at_least, count: 3}\nproblem: >-\n",
    ),
    "CR030": (
        "problem: >-\n",
        "components:\n  - {id: one, name: One, summary: The first., spec: missing.yaml}\n"
        "problem: >-\n",
    ),
    # Checked with --against HEAD, the unedited spec committed first (see _against).
    "CR031": (
        "      options: [Lunchtime, Early morning, Late afternoon]\n",
        "      options: [Lunchtime, Early morning]\n",
    ),
    "CR032": (
        "problem: >-\n",
        'history:\n  - {version: 0.0.1, date: "2024", summary: The first release.}\nproblem: >-\n',
    ),
    # Also --against HEAD: the version rises enough, but the history calls the change wording.
    "CR033": (
        "      options: [Lunchtime, Early morning, Late afternoon]\n",
        "      options: [Lunchtime, Early morning]\n",
    ),
}


def _cr003(text: str) -> str:
    # A second core element that no criterion protects.
    return text.replace(
        "# Adaptable elements",
        "  - id: second\n    name: Second\n    function: f\n    form: f\n    rationale: r\n"
        "    fidelity: [seen]\n\n# Adaptable elements",
    )


def _stated_as_wording(text: str) -> str:
    # A minor bump (enough before 1.0.0) with a release that calls every change wording.
    version = re.search(r"^version: ([0-9]+)\.([0-9]+)\.[0-9]+", text, re.M)
    assert version is not None
    bumped = f"{version.group(1)}.{int(version.group(2)) + 1}.0"
    text = text.replace(version.group(0), f"version: {bumped}", 1)
    return text.replace(
        "problem: >-\n",
        f'history:\n  - version: {bumped}\n    date: "2025"\n    summary: Clearer words.\n'
        "    changes: [{level: editorial, description: Clearer words.}]\nproblem: >-\n",
        1,
    )


def _against(folder: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Commit `text` as the spec in a new git repository at `folder`, and work there: the
    options that check it against that commit (CR031)."""
    import subprocess

    write(folder, text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "intervention.yaml"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "base"], check=True)
    monkeypatch.chdir(folder)
    return ["--against", "HEAD"]


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_fires_on_a_spec_that_breaks_it(
    tmp_path: Path, base_spec: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = RULE_CASES[code]
    assert old in base_spec, f"test case for {code} no longer matches the scaffold"
    text = base_spec.replace(old, new)
    if code == "CR003":
        text = _cr003(text)
    if code == "CR033":
        text = _stated_as_wording(text)
    against: list[str] = []
    if code in ("CR031", "CR033"):
        against = _against(tmp_path, base_spec, monkeypatch)
    code_, out = run("check", "--strict", "--format", "json", *against, str(write(tmp_path, text)))
    found = {d["code"] for d in json.loads(out)["diagnostics"]}
    assert code in found, out
    assert code_ == 1


def test_semantic_messages_name_the_problem(tmp_path: Path, base_spec: str) -> None:
    old, new = RULE_CASES["CR002"]
    spec = write(tmp_path, base_spec.replace(old, new))
    code, out = run("check", str(spec))
    assert code == 1
    assert re.search(r":\d+:13: CR002 'leed' is not the id of any role; did you mean 'lead'\?", out)


def test_an_id_of_the_wrong_kind_is_named_for_what_it_is(tmp_path: Path, base_spec: str) -> None:
    # A material's id where a role belongs: "not the id of any role" sends the author looking
    # for a typo; saying what the id does name shows the mix-up.
    spec = write(tmp_path, base_spec.replace("    roles: [lead]\n", "    roles: [guide]\n", 1))
    code, out = run("check", str(spec))
    assert code == 1
    assert "CR002 'guide' is the id of a material, not of any role" in out, out


def test_an_element_left_uncovered_by_a_misspelt_criterion_points_at_the_cause(
    tmp_path: Path, base_spec: str
) -> None:
    # The criterion's typo leaves the element with no criterion: the element's finding comes
    # first in the file, so it names the criterion where the cause is.
    text = base_spec.replace(
        "      core_elements: [core-activity]", "      core_elements: [core-activty]"
    )
    code, out = run("check", str(write(tmp_path, text)))
    assert code == 1
    assert (
        "CR003 core element 'core-activity' has no fidelity criterion; criterion "
        "'activity-delivered' names 'core-activty', which is no core element's id: if it means "
        "this one, correct it there"
    ) in out, out
    assert "CR002 'core-activty' is not the id of any core element" in out


def test_warnings_pass_unless_strict(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec.replace("status: draft", "status: spreading"))
    code, out = run("check", str(spec))
    assert code == 0 and "CR010" in out and "(warning)" in out
    assert run("check", "--strict", str(spec))[0] == 1


def test_rules_are_configured_in_pyproject(
    tmp_path: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write(tmp_path, base_spec.replace("status: draft", "status: spreading"))
    (tmp_path / "pyproject.toml").write_text('[tool.codify.rules]\nCR010 = "error"\n')
    monkeypatch.chdir(tmp_path)
    code, out = run("check", str(spec))
    assert code == 1 and "CR010" in out and "(warning)" not in out
    (tmp_path / "pyproject.toml").write_text('[tool.codify.rules]\nCR010 = "off"\n')
    assert run("check", "--strict", str(spec)) == (0, "All good: 1 file checked, no problems.\n")


def test_unknown_rule_in_settings_is_a_usage_error(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec)
    cfg = write(tmp_path, '[rules]\nCR999 = "off"\n', "codify.toml")
    code, out = run("check", "--config", str(cfg), str(spec))
    assert code == 2
    assert "unknown rule code 'CR999'" in out


def test_folders_are_searched_by_convention(tmp_path: Path, base_spec: str) -> None:
    (tmp_path / "a").mkdir()
    write(tmp_path / "a", base_spec)
    (tmp_path / "b").mkdir()
    write(tmp_path / "b", base_spec, "huddles.intervention.yaml")
    write(tmp_path / "b", "not: a spec\n", "notes.yaml")
    code, out = run("check", str(tmp_path))
    assert (code, out) == (0, "All good: 2 files checked, no problems.\n")


def test_json_output_has_the_documented_shape(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec.replace("version: 0.1.0", "version: '1.0'"))
    code, out = run("check", "--format", "json", str(spec))
    data = json.loads(out)
    assert code == 1
    assert data["files"] == [
        {"path": str(spec), "loaded": True, "errors": 1, "warnings": 0, "suppressed": 0}
    ]
    assert (data["suppressed"], data["notes"]) == ([], [])
    (diag,) = data["diagnostics"]
    assert set(diag) == {"path", "line", "column", "code", "severity", "message", "help"}
    assert (diag["code"], diag["severity"], diag["line"]) == ("CR006", "error", 10)


def test_github_annotations(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec.replace("version: 0.1.0", "version: '1.0'"))
    code, out = run("check", "--format", "github", str(spec))
    assert code == 1
    assert out.startswith(f"::error file={spec},line=10,col=10,title=CR006::CR006 ")


def test_sarif_output(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec.replace("version: 0.1.0", "version: '1.0'"))
    code, out = run("check", "--format", "sarif", str(spec))
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["rules"][0]["id"] == "CR006"
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10, "startColumn": 10}


def test_colour_only_when_asked_or_on_a_terminal(
    tmp_path: Path, base_spec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write(tmp_path, base_spec.replace("version: 0.1.0", "version: '1.0'"))
    assert "\033[" in run("check", "--color", "always", str(spec))[1]
    assert "\033[" not in run("check", "--color", "never", str(spec))[1]
    assert "\033[" not in run("check", str(spec))[1]  # not a terminal
    from codify.commands.check import use_color

    class Tty:
        def isatty(self) -> bool:
            return True

    assert use_color("auto", Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", Tty())


def test_quiet_prints_nothing_when_clean(tmp_path: Path, base_spec: str) -> None:
    assert run("check", "-q", str(write(tmp_path, base_spec))) == (0, "")


def test_rules_and_explain(tmp_path: Path) -> None:
    code, out = run("rules")
    assert code == 0
    for c in REGISTRY:
        assert c in out
    for c, r in REGISTRY.items():
        code, out = run("explain", c.lower())
        assert code == 0
        assert r.summary in out and "Example:" in out
    assert run("explain", "CR999")[0] == 2


def test_every_rule_is_documented_in_full() -> None:
    for r in REGISTRY.values():
        assert re.fullmatch(r"CR\d{3}", r.code)
        assert r.name and r.summary.endswith(".")
        assert len(r.explanation) > 100, r.code
        assert r.example.strip(), r.code


def test_tidier_lists_all_twelve_items(tmp_path: Path, base_spec: str) -> None:
    spec = write(tmp_path, base_spec)
    code, out = run("tidier", str(spec))
    assert code == 0
    assert len(out.splitlines()) == 12
    assert "12. How well: actual" in out and "not applicable" in out
    spec = write(
        tmp_path,
        base_spec.replace("  - item: 10\n    reason: No modifications have been made yet.\n", ""),
    )
    code, out = run("tidier", str(spec))
    assert code == 1 and "10. Modifications" in out and "MISSING" in out


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_examples_answer_every_tidier_item(example: Path) -> None:
    code, out = run("tidier", "--format", "json", str(example))
    assert code == 0, out
    assert all(row["status"] == "answered" for row in json.loads(out)), out


def test_init_never_overwrites(tmp_path: Path) -> None:
    assert run("init", str(tmp_path), "--name", "Ward huddles")[0] == 0
    spec = tmp_path / "intervention.yaml"
    assert "id: ward-huddles" in spec.read_text()
    spec.write_text("my work\n")
    code, out = run("init", str(tmp_path))
    assert code == 2 and "already exists" in out
    assert spec.read_text() == "my work\n"


def test_help_lists_every_command() -> None:
    from codify.cli import COMMANDS

    code, out = run("--help")
    assert code == 0
    assert "score" in COMMANDS  # the table is the one every command is registered in
    for name in COMMANDS:
        assert f"  {name} " in out
        assert run(name, "--help")[0] == 0


def test_check_does_not_import_the_generators(tmp_path: Path, base_spec: str) -> None:
    import subprocess
    import sys

    spec = write(tmp_path, base_spec)
    probe = (
        "import sys\n"
        "from codify.cli import main\n"
        f"sys.argv = ['codify', 'check', {str(spec)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jinja2', 'mkdocs', 'markdown', 'material') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_init_points_editors_at_the_nearest_schema(tmp_path: Path) -> None:
    (tmp_path / "intervention.schema.json").write_text("{}")
    assert run("init", str(tmp_path / "specs" / "huddles"))[0] == 0
    first = (tmp_path / "specs" / "huddles" / "intervention.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../intervention.schema.json"


def test_a_folder_named_site_is_searched_but_codify_output_is_not(
    tmp_path: Path, base_spec: str
) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "intervention.yaml").write_text(base_spec, encoding="utf-8")
    made = tmp_path / "out"
    made.mkdir()
    (made / ".codify-build.json").write_text("{}", encoding="utf-8")
    (made / "intervention.yaml").write_text("not: [a spec", encoding="utf-8")
    code, out = run("check", str(tmp_path))
    assert code == 0, out
    assert "1 file checked" in out
