"""`codify check --format sarif` against Microsoft's SARIF multitool with GitHub's rules.

The multitool (`@microsoft/sarif-multitool`, installed by `npm ci --prefix tests/browser`)
checks a log against the SARIF specification's rules and against what GitHub code scanning
requires of an upload (the GH rules): help text for every rule, a region for every result,
URI-encoded paths, `file:` URIs for absolute ones. The run checked here has all of that to get
wrong: a folder with a space in its name, a spec named by its absolute path, and a finding of
every family a spec check reports (CY load, CS structure, CR rules), a whole-file one included.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
_PLATFORM = {"linux": "linux", "darwin": "darwin", "win32": "win32"}.get(sys.platform, "")
MULTITOOL = (
    HERE
    / "browser"
    / "node_modules"
    / "@microsoft"
    / f"sarif-multitool-{_PLATFORM}"
    / ("Sarif.Multitool.exe" if sys.platform == "win32" else "Sarif.Multitool")
)
needs_multitool = pytest.mark.skipif(
    not MULTITOOL.is_file(),
    reason="the SARIF multitool is not installed: run `npm ci --prefix tests/browser`",
)


def codify(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line, in a child process, as CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "codify", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def validate(log: Path) -> list[dict[str, Any]]:
    """The multitool's findings on `log` (SARIF and GitHub rules), errors and warnings only.

    The tool exits 0 whatever it finds, so its own SARIF output is read instead.
    """
    out = log.with_name("validation.sarif")
    out.unlink(missing_ok=True)
    # .NET needs ICU for culture data unless told to run without it; a bare CI image lacks it.
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    done = subprocess.run(
        [
            str(MULTITOOL),
            "validate",
            "--rule-kind",
            "Sarif;Gh",
            "--level",
            "Error;Warning",
            "--output",
            str(out),
            str(log),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0 and out.is_file(), done.stdout + done.stderr
    found: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0][
        "results"
    ]
    return [r for r in found if r.get("level", "warning") in ("error", "warning")]


def summary(results: list[dict[str, Any]]) -> list[str]:
    """Each multitool finding as `RULE: where`, for a readable assertion message."""
    return [f"{r['ruleId']}: {r['message'].get('arguments', [''])[0]}" for r in results]


@pytest.fixture
def awkward_run(tmp_path: Path, base_spec: str) -> Path:
    """SARIF from one `codify check` over specs that exercise every GitHub requirement."""
    spaced = tmp_path / "my specs"
    spaced.mkdir()
    (spaced / "intervention.yaml").write_text(
        base_spec.replace("version: 0.1.0", "version: '1.0'"), encoding="utf-8"
    )  # CR006
    (spaced / "typo.intervention.yaml").write_text(
        base_spec.replace("name:", "nmae:", 1), encoding="utf-8"
    )  # CS001 and CS002
    (spaced / "broken.intervention.yaml").write_text("id: [unclosed\n", encoding="utf-8")  # CY003
    (spaced / "empty.intervention.yaml").write_text("", encoding="utf-8")  # CY004, whole file
    elsewhere = tmp_path / "other place #2"
    elsewhere.mkdir()
    absolute = elsewhere / "ward 100%.intervention.yaml"
    absolute.write_text(base_spec.replace("version: 0.1.0", "version: x"), encoding="utf-8")
    done = codify("check", "--output-format", "sarif", "my specs", str(absolute), cwd=tmp_path)
    assert done.returncode == 2, done.stderr  # a file that is not YAML makes it exit 2
    log = tmp_path / "codify.sarif"
    log.write_text(done.stdout, encoding="utf-8")
    return log


@needs_multitool
def test_sarif_of_an_awkward_run_passes_the_multitool_with_githubs_rules(
    awkward_run: Path,
) -> None:
    data = json.loads(awkward_run.read_text(encoding="utf-8"))
    results = data["runs"][0]["results"]
    # The run holds what the test is about, so that it cannot pass for want of it.
    codes = {r["ruleId"] for r in results}
    assert {c[:2] for c in codes} == {"CY", "CS", "CR"}
    assert {"CY004", "CY003", "CS001", "CR006"} <= codes
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "my%20specs/intervention.yaml" in uris
    assert any(
        u.startswith("file:///") and u.endswith("/ward%20100%25.intervention.yaml") for u in uris
    )
    assert any("/other%20place%20%232/" in u for u in uris)
    assert all("region" in r["locations"][0]["physicalLocation"] for r in results)

    assert summary(validate(awkward_run)) == []


@needs_multitool
def test_the_multitool_fails_a_log_github_would_refuse(awkward_run: Path) -> None:
    # The check above can fail: the same log with the fixes undone is reported.
    data = json.loads(awkward_run.read_text(encoding="utf-8"))
    run = data["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        rule.pop("help", None)
    for result in run["results"]:
        result["locations"][0]["physicalLocation"].pop("region", None)
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        location["uri"] = location["uri"].replace("%20", " ")
    awkward_run.write_text(json.dumps(data, indent=2), encoding="utf-8")
    found = {r["ruleId"] for r in validate(awkward_run)}
    # GH2012: a rule without help; SARIF1002: a URI that is not encoded. (The multitool does
    # not flag a missing region, which GitHub needs to place a result; the test above does.)
    assert {"GH2012", "SARIF1002"} <= found, found
