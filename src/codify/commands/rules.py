"""`codify rules` and `codify explain`: the rule registry, for people."""

from __future__ import annotations

import json

import click

from codify.assessment import CODES as ASSESSMENT_CODES
from codify.commands._output import fail

# Codes for problems found before the semantic rules run. They are always errors and cannot be
# switched off: a file that is not a well-formed spec cannot be checked further.
FIXED_CODES: dict[str, str] = {
    "CY001": "The file could not be read (missing, a folder, a pipe or device, unreadable, or too large).",
    "CY002": "The file is not UTF-8 text (binary, UTF-16 or UTF-32, or invalid bytes).",
    "CY003": "The file is not valid YAML (syntax, tabs for indentation, unknown alias).",
    "CY004": "The file is empty.",
    "CY005": "The file holds more than one YAML document.",
    "CY006": "The file uses a YAML tag; tags are never constructed.",
    "CY007": "Nesting too deep, aliases expand too far, or a number too long (bounded for safety).",
    "CY008": "The top level is not a mapping.",
    "CY009": "A key appears twice in one mapping.",
    "CS001": "An unknown key (usually a typo); the message suggests the nearest known key.",
    "CS002": "A required key is missing.",
    "CS003": "A value has the wrong type, e.g. a string where a list is expected.",
    "CS004": "A value is not allowed: not one of the listed options, a bad id, out of range.",
    "CS005": "A value is empty where something is required.",
    # Problems `codify score` finds in a filled-in assessment.
    **ASSESSMENT_CODES,
}


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(fmt: str) -> None:
    """List the semantic rules: code, default severity, name and summary.

    Load (CY) and structure (CS) codes are listed too; they are always errors.
    """
    from codify.rules import REGISTRY

    if fmt == "json":
        data = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary}
            for r in REGISTRY.values()
        ] + [
            {"code": c, "name": None, "severity": "error", "summary": s}
            for c, s in FIXED_CODES.items()
        ]
        click.echo(json.dumps(data, indent=2))
        return
    for r in REGISTRY.values():
        click.echo(f"{r.code}  {r.severity.value:<7}  {r.name:<32} {r.summary}")
    click.echo("")
    for c, s in FIXED_CODES.items():
        click.echo(f"{c}  {'error':<7}  {'(always on)':<32} {s}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule: what it checks, why it matters, and an example.

    CODE is a rule code such as CR003 (case-insensitive).
    """
    from codify.rules import REGISTRY

    code = code.upper()
    if code in FIXED_CODES:
        click.echo(f"{code} (always an error)\n\n{FIXED_CODES[code]}")
        return
    r = REGISTRY.get(code)
    if r is None:
        fail(f"unknown rule code '{code}'; `codify rules` lists them")
        return
    click.echo(f"{r.code} {r.name} (default: {r.severity.value})\n")
    click.echo(f"{r.summary}\n")
    click.echo(f"{r.explanation}\n")
    click.echo("Example:\n")
    click.echo("\n".join("    " + ln for ln in r.example.splitlines()))
