"""Reporters: each renders a CheckResult in one output format, reading only Diagnostic records."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from codify import __version__
from codify.checker import CheckResult
from codify.diagnostics import Diagnostic, Severity, printable

Reporter = Callable[[CheckResult, bool], str]

_RESET = "\033[0m"
_STYLE = {"path": "\033[1m", "error": "\033[1;31m", "warning": "\033[1;33m", "dim": "\033[2m"}


def diagnostic_lines(diagnostics: list[Diagnostic], color: bool) -> list[str]:
    """`path:line:col: CODE message`, one line per problem; warnings are marked.

    The path and message come from the spec or the file system, so control characters in them
    (a newline too, which would split one problem over two lines) are shown as escapes.
    """

    def paint(s: str, style: str) -> str:
        return f"{_STYLE[style]}{s}{_RESET}" if color else s

    lines = []
    for d in diagnostics:
        label = paint(d.code, d.severity.value)
        sev = "" if d.severity is Severity.error else paint(" (warning)", "dim")
        where = paint(printable(d.location()), "path")
        lines.append(f"{where}: {label} {printable(d.message)}{sev}")
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
    """A workflow command's message, escaped as the Actions runner expects.

    Control characters are made visible first (the runner would pass ESC through to the log,
    which renders ANSI sequences); then `%`, CR and LF are escaped by GitHub's rules, so a
    message can neither end the command early nor start a second one on a new line.
    """
    return printable(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    """A workflow command's property value: also `:` and `,`, which would end the property."""
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


def artifact_uri(path: str) -> str:
    """`path` as the URI reference SARIF requires: percent-encoded, `file://` when absolute.

    Each segment is encoded from the path's bytes, so spaces, `#`, `?`, `%`, `:` (which would
    read as a URI scheme) and non-ASCII letters survive the round trip, and a file name that is
    not valid UTF-8 maps back to its own bytes.
    """
    pure = PurePath(path)
    posix = pure.as_posix()
    if not pure.is_absolute():
        return quote(os.fsencode(posix), safe="/")
    if pure.drive and posix[1:2] == ":":  # Windows: file:///C:/folder/file
        return "file:///" + posix[:2] + quote(os.fsencode(posix[2:]), safe="/")
    return "file://" + quote(os.fsencode(posix), safe="/")


def rule_descriptor(code: str) -> dict[str, Any]:
    """The SARIF reportingDescriptor of one code, from the code table (and for a rule, its
    explanation and example); a code the table lacks gets its id alone."""
    from codify.codes import CODES, FAMILY_NOTES

    entry = CODES.get(code)
    descriptor: dict[str, Any] = {"id": code}
    if entry is None:
        return descriptor
    descriptor.update(
        name=entry.name,
        shortDescription={"text": entry.summary},
        defaultConfiguration={"level": entry.severity.value},
    )
    if entry.configurable:
        from codify.rules import REGISTRY

        r = REGISTRY[code]
        descriptor.update(
            fullDescription={"text": r.explanation},
            help={"text": f"{r.explanation}\n\nExample:\n{r.example}"},
        )
    else:
        descriptor["fullDescription"] = {"text": f"{entry.summary} {FAMILY_NOTES[entry.family]}"}
    return descriptor


def sarif(result: CheckResult, color: bool) -> str:
    """SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

    The driver describes the codes the results use, not every code, which keeps a clean run's
    log small; each description comes from the code table.
    """
    rules = [rule_descriptor(code) for code in sorted({d.code for d in result.diagnostics})]
    results = []
    for d in result.diagnostics:
        location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(d.path)}}
        # A problem with the whole file (line 0) has no region: SARIF lines and columns start
        # at 1, and a made-up line 1 would point the reader at the wrong place.
        if d.line >= 1:
            region = {"startLine": d.line}
            if d.column >= 1:
                region["startColumn"] = d.column
            location["region"] = region
        results.append(
            {
                "ruleId": d.code,
                "level": "error" if d.severity is Severity.error else "warning",
                # The text is for people reading a code-scanning dashboard, which would render
                # a bidi override or hide a control character; the JSON format keeps it exact.
                "message": {"text": printable(d.message)},
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
                # Columns count characters, as the YAML parser does, not SARIF's default
                # UTF-16 code units; they differ after an emoji or other astral character.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


REPORTERS: dict[str, Reporter] = {"text": text, "json": as_json, "github": github, "sarif": sarif}
