"""`codify tidier`: the TIDieR checklist, filled in from a spec."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from codify.commands._common import common_options, load_valid_spec


@click.command()
@click.argument("spec_path", metavar="SPEC", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@common_options(per_spec=True)
def tidier(spec_path: Path, fmt: str) -> None:
    """Show each TIDieR item, where the spec answers it, or that it is missing.

    SPEC is a spec file, or a folder holding intervention.yaml. Exits 1 if an item is missing.
    """
    from codify.diagnostics import printable
    from codify.tidier import checklist

    spec = load_valid_spec(spec_path)
    rows = checklist(spec)
    if fmt == "json":
        data = [
            {
                "item": r.item.number,
                "name": r.item.name,
                "status": r.status,
                "answered_by": r.answered_by,
                "not_applicable": r.not_applicable,
            }
            for r in rows
        ]
        click.echo(json.dumps(data, indent=2))
    else:
        for r in rows:
            if r.status == "answered":
                where = ", ".join(r.answered_by)
            elif r.status == "not applicable":
                # The reason is the spec's prose: a folded or literal YAML block may span lines,
                # so runs of white space become one space, and anything else that could drive
                # the terminal is shown as an escape. One item stays on one line.
                reason = " ".join((r.not_applicable or "").split())
                where = f"not applicable: {printable(reason)}"
            else:
                where = f"MISSING (answer it in {', '.join(r.item.fields)})"
            click.echo(f"{r.item.number:>2}. {r.item.name:<20} {where}")
    sys.exit(1 if any(r.status == "missing" for r in rows) else 0)
