"""Reporters: each renders a CheckResult in one output format, reading only Diagnostic records."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from codify import __version__
from codify.checker import CheckResult
from codify.diagnostics import Diagnostic, Severity

Reporter = Callable[[CheckResult, bool], str]

_RESET = "\033[0m"
_STYLE = {"path": "\033[1m", "error": "\033[1;31m", "warning": "\033[1;33m", "dim": "\033[2m"}


def diagnostic_lines(diagnostics: list[Diagnostic], color: bool) -> list[str]:
    """`path:line:col: CODE message`, one line per problem; warnings are marked."""

    def paint(s: str, style: str) -> str:
        return f"{_STYLE[style]}{s}{_RESET}" if color else s

    lines = []
    for d in diagnostics:
        label = paint(d.code, d.severity.value)
        sev = "" if d.severity is Severity.error else paint(" (warning)", "dim")
        lines.append(f"{paint(d.location(), 'path')}: {label} {d.message}{sev}")
    return lines


def text(result: CheckResult, color: bool) -> str:
    """The problems, one per line, then a summary."""
    lines = diagnostic_lines(result.diagnostics, color)
    errors = sum(f.errors for f in result.files)
    warnings = sum(f.warnings for f in result.files)
    n = len(result.files)
    files = f"{n} file{'s' if n != 1 else ''}"
    if errors or warnings:
        parts = []
        if errors:
            parts.append(f"{errors} error{'s' if errors != 1 else ''}")
        if warnings:
            parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        lines.append(f"Found {' and '.join(parts)} in {files} checked.")
    else:
        lines.append(f"All good: {files} checked, no problems.")
    return "\n".join(lines) + "\n"


def record(d: Diagnostic) -> dict[str, Any]:
    """One problem as the JSON object of the documented output shape."""
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "help": d.help,
    }


def as_json(result: CheckResult, color: bool) -> str:
    """A JSON object: `files` (path, loaded, errors, warnings) and `diagnostics`."""
    payload = {
        "version": 1,
        "files": [
            {"path": f.path, "loaded": f.loaded, "errors": f.errors, "warnings": f.warnings}
            for f in result.files
        ],
        "diagnostics": [record(d) for d in result.diagnostics],
    }
    return json.dumps(payload, indent=2) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(result: CheckResult, color: bool) -> str:
    """GitHub Actions workflow commands, which show as annotations on the changed lines."""
    out = []
    for d in result.diagnostics:
        level = "error" if d.severity is Severity.error else "warning"
        props = [f"file={_escape_prop(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_escape_prop(d.code)}")
        out.append(f"::{level} {','.join(props)}::{_escape_data(d.code + ' ' + d.message)}")
    return "\n".join(out) + ("\n" if out else "")


def sarif(result: CheckResult, color: bool) -> str:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""
    from codify.rules import REGISTRY

    codes = sorted({d.code for d in result.diagnostics})
    rules = []
    for code in codes:
        r = REGISTRY.get(code)
        entry: dict[str, Any] = {"id": code}
        if r:
            entry.update(
                name=r.name,
                shortDescription={"text": r.summary},
                fullDescription={"text": r.explanation},
                help={"text": f"{r.explanation}\n\nExample:\n{r.example}"},
            )
        rules.append(entry)
    results = []
    for d in result.diagnostics:
        region = {"startLine": d.line, "startColumn": d.column} if d.line else None
        location: dict[str, Any] = {"artifactLocation": {"uri": d.path}}
        if region:
            location["region"] = region
        results.append(
            {
                "ruleId": d.code,
                "level": "error" if d.severity is Severity.error else "warning",
                "message": {"text": d.message},
                "locations": [{"physicalLocation": location}],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "codify",
                        "version": __version__,
                        "informationUri": "https://github.com/codify-health/codify",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "github": github, "sarif": sarif}
