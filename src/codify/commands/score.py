"""`codify score`: check and score a filled-in fidelity assessment against its spec."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from codify.cli import fail
from codify.commands._common import config_option, load_settings, load_valid_spec


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
def score(
    assessment: Path, spec_path: Path | None, fmt: str, strict: bool, config_path: Path | None
) -> None:
    """Check a filled-in ASSESSMENT and work out its result.

    ASSESSMENT is a copy of the assessment.yaml that `codify build` writes, with a rating for
    each criterion. codify checks every rating against the criterion's scale, adds them up,
    finds the scoring band, applies the must-pass minimums and says whether the site meets the
    standard. Stated `total`, `band` and `must_pass_met` values are checked against the
    computed ones.

    Exit codes: 0 scored (or nothing wrong so far); 1 problems found; 2 a file could not be
    read or no spec was found.
    """
    from codify.assessment import score as compute
    from codify.loader import LoadError, load_file
    from codify.report import text as text_report

    config = load_settings(config_path)
    spec_file = spec_path or _default_spec(assessment)
    spec = load_valid_spec(spec_file, config)
    try:
        doc = load_file(assessment)
    except LoadError as exc:
        click.echo(exc.diagnostic.location() + f": {exc.diagnostic.code} {exc.diagnostic.message}")
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
            "diagnostics": [
                {
                    "path": d.path,
                    "line": d.line,
                    "column": d.column,
                    "code": d.code,
                    "severity": d.severity.value,
                    "message": d.message,
                }
                for d in sorted(result.diagnostics)
            ],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        from codify.checker import CheckResult, FileResult

        if result.diagnostics:
            report = text_report(
                CheckResult([FileResult(doc.path, sorted(result.diagnostics))]), False
            )
            click.echo(report.rsplit("\n", 2)[0])  # the lines, without the check summary
        click.echo(_summary(result, spec.id, spec.version))
    warnings = len(result.diagnostics) - result.errors
    sys.exit(1 if result.errors or (strict and warnings) else 0)


def _default_spec(assessment: Path) -> Path:
    for folder in (assessment.parent, Path.cwd()):
        for name in ("intervention.yaml", "intervention.yml"):
            if (folder / name).is_file():
                return folder / name
    return fail(f"no spec found beside {assessment} or in the current folder; name it with --spec")  # type: ignore[no-any-return]


def _summary(result: object, ident: str, version: str) -> str:
    from codify.assessment import Score

    assert isinstance(result, Score)
    head = f"{ident} {version}: {result.rated} of {result.criteria} criteria rated"
    if result.total is None:
        return head + "; no total until every criterion is rated and every problem is fixed."
    band = result.band.label if result.band else "no band"
    lines = [
        f"{head}; total {result.total} (possible {result.lowest} to {result.highest}), band '{band}'."
    ]
    for c in result.failed_minimums:
        lines.append(f"Below the must-pass minimum of {c.minimum}: {c.id} ({c.name}).")
    lines.append("Meets the standard." if result.meets_standard else "Does not meet the standard.")
    return "\n".join(lines)
