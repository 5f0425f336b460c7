"""`codify rules` and `codify explain`: the table of diagnostic codes, for people."""

from __future__ import annotations

import json

import click

from codify.codes import CODES, FAMILY_NOTES, Code, Family
from codify.commands._common import common_options
from codify.commands._output import fail
from codify.diagnostics import Severity

# The codes settings cannot change, by code, for config.py's messages; derived from the table.
FIXED_CODES: dict[str, str] = {c.code: c.summary for c in CODES.values() if not c.configurable}


# The guide that says, for the codes of a family no rule explains, what each one means in
# practice and how to put it right.
_GUIDES = {
    Family.local: ("What each check of a profile means, with examples", "guides/local-versions/"),
    Family.assessment: ("How an assessment is read and scored", "guides/scoring/"),
    Family.structure: ("The format, field by field", "reference/format/"),
}


def listed() -> list[Code]:
    """Every code in the order `codify rules` and the reference list them: the rules first."""
    return sorted(CODES.values(), key=lambda c: not c.configurable)


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@common_options()
def rules(fmt: str) -> None:
    """List every diagnostic code: code, default severity, name and summary.

    The semantic rules (CR) come first; the load (CY), structure (CS) and assessment (CA)
    codes after them cannot be switched off.
    """
    if fmt == "json":
        data = [
            {
                "code": c.code,
                "family": c.family.value,
                "name": c.name,
                "severity": c.severity.value,
                "configurable": c.configurable,
                "summary": c.summary,
            }
            for c in listed()
        ]
        click.echo(json.dumps(data, indent=2))
        return
    fixed_heading = False
    for c in listed():
        if not c.configurable and not fixed_heading:
            click.echo("\nAlways on (cannot be switched off):")
            fixed_heading = True
        click.echo(f"{c.code}  {c.severity.value:<7}  {c.name:<32} {c.summary}")


@click.command()
@click.argument("code")
@common_options()
def explain(code: str) -> None:
    """Explain one code: what it checks, why it matters, and for a rule an example.

    CODE is a code such as CR003 or CY003 (case-insensitive).
    """
    code = code.upper()
    entry = CODES.get(code)
    if entry is None:
        fail(f"unknown rule code '{code}'; `codify rules` lists them")
    if not entry.configurable:
        always = "an error" if entry.severity is Severity.error else "a warning"
        click.echo(f"{code} {entry.name} (always {always})\n")
        click.echo(f"{entry.summary}\n\n{FAMILY_NOTES[entry.family]}")
        guide = _GUIDES.get(entry.family)
        if guide is not None:
            from codify.report import DOCS_URL

            click.echo(f"\n{guide[0]}: {DOCS_URL}{guide[1]}")
        return
    from codify.rules import REGISTRY

    r = REGISTRY[code]
    click.echo(f"{r.code} {r.name} (default: {r.severity.value})\n")
    click.echo(f"{r.summary}\n")
    click.echo(f"{r.explanation}\n")
    click.echo("Example:\n")
    click.echo("\n".join("    " + ln for ln in r.example.splitlines()))
