"""Reporters: each renders a CheckResult in one output format, reading only Diagnostic records."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from codify import __version__
from codify.checker import CheckResult
from codify.diagnostics import Diagnostic, Severity, printable

Reporter = Callable[[CheckResult, bool], str]

# Where the documentation is published; SARIF help links point into its rules reference.
DOCS_URL = "https://codify-health.github.io/codify/"
RULES_PAGE = DOCS_URL + "reference/rules/"

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


def note_lines(result: CheckResult, color: bool) -> list[str]:
    """`path:line:col: note: message` for each note (an unused suppression), dimmed."""
    lines = []
    for f in result.files:
        for n in f.notes:
            where = printable(n.location())
            note = f"note: {printable(n.message)}"
            lines.append(
                f"{_STYLE['path']}{where}{_RESET}: {_STYLE['dim']}{note}{_RESET}"
                if color
                else f"{where}: {note}"
            )
    return lines


def text(result: CheckResult, color: bool) -> str:
    """The problems, one per line, then notes, then a summary that counts suppressed findings."""
    lines = diagnostic_lines(result.diagnostics, color) + note_lines(result, color)
    errors = sum(f.errors for f in result.files)
    warnings = sum(f.warnings for f in result.files)
    suppressed = sum(len(f.suppressed) for f in result.files)
    n = len(result.files)
    files = f"{n} file{'s' if n != 1 else ''}"
    # Said after the count, so that a suppressed finding is never silently gone.
    hidden = f" ({suppressed} suppressed)" if suppressed else ""
    if errors or warnings:
        parts = []
        if errors:
            parts.append(f"{errors} error{'s' if errors != 1 else ''}")
        if warnings:
            parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        lines.append(f"Found {' and '.join(parts)} in {files} checked{hidden}.")
    else:
        lines.append(f"All good: {files} checked, no problems{hidden}.")
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
            {
                "path": f.path,
                "loaded": f.loaded,
                "errors": f.errors,
                "warnings": f.warnings,
                "suppressed": len(f.suppressed),
            }
            for f in result.files
        ],
        "diagnostics": [record(d) for d in result.diagnostics],
        # Added in the same shape version: new keys never break a reader of the old ones.
        "suppressed": [
            {**record(s.diagnostic), "suppressed_by": s.by}
            for f in result.files
            for s in f.suppressed
        ],
        "notes": [
            {"path": n.path, "line": n.line, "column": n.column, "message": n.message}
            for f in result.files
            for n in f.notes
        ],
    }
    import json  # here: a text report, the usual one, does not load it

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
    for f in result.files:
        for n in f.notes:
            props = [f"file={_escape_prop(n.path)}", f"line={n.line}", f"col={n.column}"]
            out.append(f"::notice {','.join(props)},title=codify::{_escape_data(n.message)}")
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


def help_uri(code: str) -> str:
    """The page of the rules reference that explains `code`: a rule's own section, or the
    table of load, structure and assessment codes."""
    from codify.codes import CODES

    entry = CODES.get(code)
    if entry is not None and entry.configurable:
        return f"{RULES_PAGE}#{code.lower()}"
    return f"{RULES_PAGE}#load-structure-and-assessment-codes"


def rule_descriptor(code: str) -> dict[str, Any]:
    """The SARIF reportingDescriptor of one code, from the code table (and for a rule, its
    explanation and example); a code the table lacks gets its id and a help link alone.

    GitHub code scanning requires help text for every rule it shows (the multitool's GH2012),
    so load and structure codes get theirs from the code table and the family's note.
    """
    from codify.codes import CODES, FAMILY_NOTES

    entry = CODES.get(code)
    descriptor: dict[str, Any] = {"id": code, "helpUri": help_uri(code)}
    if entry is None:
        descriptor["help"] = {"text": f"See {help_uri(code)}"}
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
        full = f"{entry.summary} {FAMILY_NOTES[entry.family]}"
        descriptor.update(
            fullDescription={"text": full},
            help={"text": f"{full} `codify explain {code}` says more."},
        )
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
        # A problem with the whole file (line 0: empty, unreadable) is placed at its first
        # line: GitHub code scanning refuses a result without a start line (GH1003), and the
        # start of the file is where a reader looks for a problem with all of it.
        region = {"startLine": max(d.line, 1)}
        if d.line >= 1 and d.column >= 1:
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
    import json  # here: a text report, the usual one, does not load it

    return json.dumps(log, indent=2) + "\n"


# Characters XML 1.0 forbids even as references; `printable` already escapes the C0 and C1
# controls and lone surrogates, which leaves these two.
_NOT_XML = {0xFFFE: "\\ufffe", 0xFFFF: "\\uffff"}


def _xml_text(s: str) -> str:
    """Text from a spec or a path made safe for an XML document and for the person reading it.

    ElementTree escapes markup (`<`, `&`, quotes); control characters, which XML cannot carry
    at all and which a CI page would render, are shown as escapes first.
    """
    return printable(s).translate(_NOT_XML)


def _case_name(d: Diagnostic) -> str:
    """A test case's name: the code and where it was found."""
    if d.line:
        return f"{d.code} at line {d.line}, column {d.column}"
    return f"{d.code} (the whole file)"


def _case(suite: Any, d: Diagnostic, path: str) -> Any:
    """A test case for one finding, with the `file` and `line` GitLab links it to."""
    import xml.etree.ElementTree as ET

    case = ET.SubElement(suite, "testcase", name=_case_name(d), classname=path, file=path)
    if d.line:  # a problem with the whole file has no line to name
        case.set("line", str(d.line))
    return case


def junit(result: CheckResult, color: bool) -> str:
    """JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).

    Each spec is a test suite and each finding a failed test case (an `error` when the file
    could not be read as YAML, the JUnit word for a test that could not run); a spec with no
    findings has one passing case, so that it shows as checked, and each suppressed finding is
    a skipped case that names what suppressed it. Warnings are failures too, typed `warning`:
    a report lists them whether or not they fail the check.
    """
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="codify check")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for f in result.files:
        path = _xml_text(f.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for d in f.diagnostics:
            case = _case(suite, d, path)
            kind = "failures" if f.loaded else "errors"
            outcome = ET.SubElement(
                case,
                "failure" if f.loaded else "error",
                message=_xml_text(d.message),
                type=d.severity.value,
            )
            outcome.text = _xml_text(f"{d.location()}: {d.code} {d.message}")
            counts["tests"] += 1
            counts[kind] += 1
        for s in f.suppressed:
            d = s.diagnostic
            case = _case(suite, d, path)
            ET.SubElement(case, "skipped", message=_xml_text(f"suppressed by {s.by}: {d.message}"))
            counts["tests"] += 1
            counts["skipped"] += 1
        if not f.diagnostics:
            ET.SubElement(suite, "testcase", name="no problems", classname=path, file=path)
            counts["tests"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _repository_path(path: str) -> str:
    """A path as GitLab wants it, relative to the repository: an absolute path inside the
    working folder (where CI checks the repository out) is made relative to it."""
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive, on Windows
            return pure.as_posix()
        if not relative.startswith(".."):
            return PurePath(relative).as_posix()
    return pure.as_posix()


def gitlab(result: CheckResult, color: bool) -> str:
    """GitLab Code Quality: a JSON array of issues, shown in merge requests.

    Each issue has the fields GitLab documents (description, check_name, fingerprint,
    severity, location.path, location.lines.begin). The fingerprint is a hash of the file, the
    code and the message, without the line, so that a finding keeps its identity when lines
    above it move; identical findings in one file are told apart by their order.
    """
    issues = []
    seen: dict[str, int] = {}
    for f in result.files:
        path = _repository_path(f.path)
        for d in f.diagnostics:
            key = "\0".join(("codify", path, d.code, d.message))
            seen[key] = seen.get(key, 0) + 1
            import hashlib  # here: a plain check does not load it

            digest = hashlib.sha256(f"{key}\0{seen[key]}".encode("utf-8", "surrogatepass"))
            if not f.loaded:
                severity = "critical"  # the file could not be checked at all
            else:
                severity = "major" if d.severity is Severity.error else "minor"
            issues.append(
                {
                    "type": "issue",
                    "description": printable(f"{d.code} {d.message}"),
                    "check_name": d.code,
                    "fingerprint": digest.hexdigest(),
                    "severity": severity,
                    "location": {"path": path, "lines": {"begin": max(d.line, 1)}},
                }
            )
    import json  # here: a text report, the usual one, does not load it

    return json.dumps(issues, indent=2) + "\n"


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "github": github,
    "sarif": sarif,
    "junit": junit,
    "gitlab": gitlab,
}
