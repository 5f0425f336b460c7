"""`codify score`: check and score a filled-in fidelity assessment against its spec."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from codify.commands._common import common_options, config_option, load_valid_spec
from codify.commands._output import fail

if TYPE_CHECKING:
    from codify.assessment import Score


@click.command()
@click.argument("assessment", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--spec",
    "spec_path",
    type=click.Path(path_type=Path),
    help="The spec assessed against (default: intervention.yaml beside the assessment, "
    "or in the current folder).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings, such as unrated criteria.")
@config_option
@common_options(config=False, per_spec=True)
def score(
    assessment: Path, spec_path: Path | None, fmt: str, strict: bool, config_path: Path | None
) -> None:
    """Check a filled-in ASSESSMENT and work out its result.

    ASSESSMENT is a copy of the assessment.yaml that `codify build` writes, with a rating for
    each criterion. codify checks every rating against the criterion's scale, adds them up,
    finds the scoring band, applies the must-pass minimums and says whether the site meets the
    standard. Stated `total`, `band` and `must_pass_met` values are checked against the
    computed ones.

    The result goes to standard output; problems go to standard error, each as
    path:line:col: CODE message (with --format json, both are in the one JSON document).

    Exit codes: 0 scored (or nothing wrong so far); 1 problems found; 2 a file could not be
    read or no spec was found.
    """
    from codify.assessment import score as compute
    from codify.loader import LoadError, load_file
    from codify.report import diagnostic_lines, record

    spec_file = spec_path or _default_spec(assessment)
    spec = load_valid_spec(spec_file, config_path)
    if spec.fidelity is None:
        fail(f"{spec_file}: the spec sets no fidelity criteria, so there is nothing to score")
    try:
        doc = load_file(assessment)
    except LoadError as exc:
        click.echo("\n".join(diagnostic_lines([exc.diagnostic], False)), err=True)
        sys.exit(2)
    result = compute(doc, spec)

    if fmt == "json":
        payload = {
            "assessment": str(assessment),
            "intervention": spec.id,
            "version": spec.version,
            "rated": result.rated,
            "criteria": result.criteria,
            "total": result.total,
            "range": [result.lowest, result.highest],
            "band": result.band.label if result.band else None,
            "must_pass_failed": [c.id for c in result.failed_minimums],
            "meets_standard": result.meets_standard,
            "diagnostics": [record(d) for d in sorted(result.diagnostics)],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        for line in diagnostic_lines(sorted(result.diagnostics), False):
            click.echo(line, err=True)
        click.echo(_summary(result, spec.id, spec.version))
    warnings = len(result.diagnostics) - result.errors
    sys.exit(1 if result.errors or (strict and warnings) else 0)


def _default_spec(assessment: Path) -> Path:
    for folder in (assessment.parent, Path.cwd()):
        for name in ("intervention.yaml", "intervention.yml"):
            if (folder / name).is_file():
                return folder / name
    fail(f"no spec found beside {assessment} or in the current folder; name it with --spec")


def _summary(result: Score, ident: str, version: str) -> str:
    """The outcome in words: how much is rated, the total and band, and the standard.

    Band labels and criterion names are the spec's text, so they are made printable: one
    line each, and no control character reaches the terminal.
    """
    from codify.diagnostics import printable

    head = f"{printable(ident)} {printable(version)}: {result.rated} of {result.criteria} criteria rated"
    if result.total is None:
        return head + "; no total until every criterion is rated and every problem is fixed."
    band = printable(result.band.label) if result.band else "no band"
    lines = [
        f"{head}; total {result.total} (possible {result.lowest} to {result.highest}), band '{band}'."
    ]
    for c in result.failed_minimums:
        lines.append(
            f"Below the must-pass minimum of {c.minimum}: {printable(c.id)} ({printable(c.name)})."
        )
    lines.append("Meets the standard." if result.meets_standard else "Does not meet the standard.")
    return "\n".join(lines)
