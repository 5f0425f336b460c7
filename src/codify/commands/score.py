"""`codify score`: check and score a filled-in fidelity assessment against its spec."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from codify.commands._common import common_options, config_option, load_valid_spec
from codify.commands._output import fail

if TYPE_CHECKING:
    from codify.assessment import CriterionScore, Score
    from codify.diagnostics import Diagnostic
    from codify.model import Intervention


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

    ASSESSMENT is a filled-in copy of what `codify build` writes: assessment.yaml,
    checklist.csv or checklist.xlsx (read by its suffix; XLSX needs the 'xlsx' extra), or the
    YAML or CSV that the site's checklist page downloads. A rating may be a number, also
    written as text ("4") or as a spreadsheet's 4.0; a yes/no criterion also takes yes/no,
    y/n, true/false and 1/0 in any case. An empty rating is not rated yet.

    codify checks every rating against the criterion's scale, adds them up, finds the scoring
    band, applies the must-pass minimums and says whether the site meets the standard. It
    prints each criterion's rating, the band and what it means, the must-pass criteria below
    their minimum and the lowest-rated criteria (furthest down their own scales). Stated
    `total`, `band` and `must_pass_met` values in YAML are checked against the computed ones.

    The result goes to standard output; problems go to standard error, each as
    path:line:col: CODE message (a CSV's row and column as a spreadsheet numbers them; a
    workbook's cell, as path:C7). With --format json, both are in the one JSON document.

    Exit codes: 0 scored (or nothing wrong so far); 1 problems found; 2 a file could not be
    read or no spec was found.
    """
    from codify.assessment import read_assessment
    from codify.report import diagnostic_lines

    spec_file = spec_path or _default_spec(assessment)
    spec = load_valid_spec(spec_file, config_path)
    if spec.fidelity is None:
        fail(f"{spec_file}: the spec sets no fidelity criteria, so there is nothing to score")
    result, problems = read_assessment(assessment, spec)
    if result is None:
        click.echo("\n".join(diagnostic_lines(problems, False)), err=True)
        sys.exit(2)

    if fmt == "json":
        click.echo(json.dumps(_payload(result, spec, assessment), indent=2))
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


def _payload(result: Score, spec: Intervention, assessment: Path) -> dict[str, Any]:
    """The JSON document: the summary fields, the breakdown and the problems."""

    def line(entry: CriterionScore) -> dict[str, Any]:
        c = entry.criterion
        return {
            "id": c.id,
            "name": c.name,
            "scale": c.scale.kind.value,
            "rating": entry.rating,
            "off_scale": entry.off_scale,
            "range": [entry.low, entry.high],
            "minimum": c.minimum,
            "below_minimum": entry.below_minimum,
        }

    band = result.band
    return {
        "assessment": str(assessment),
        "intervention": spec.id,
        "version": spec.version,
        "site": result.site,
        "date": result.date,
        "rated": result.rated,
        "criteria": result.criteria,
        "total": result.total,
        "range": [result.lowest, result.highest],
        "band": band.label if band else None,
        "band_meaning": band.meaning if band else None,
        "band_meets_standard": band.meets_standard if band else None,
        "must_pass_failed": [c.id for c in result.failed_minimums],
        "meets_standard": result.meets_standard,
        "breakdown": [line(e) for e in result.breakdown],
        "must_pass_failures": [line(e) for e in result.breakdown if e.below_minimum],
        "lowest_rated": [line(e) for e in result.lowest_rated()],
        "diagnostics": [_record(d) for d in sorted(result.diagnostics)],
    }


def _record(d: Diagnostic) -> dict[str, Any]:
    """One problem as `codify check --format json` writes it, plus its cell in a workbook."""
    from codify.report import record

    return {**record(d), "cell": d.cell} if d.cell else record(d)


def _rating_text(entry: CriterionScore) -> str:
    """A rating as the checklist words it: 'yes (1)', '4 on 1 to 5', or 'not rated'."""
    if entry.off_scale:
        return "not on its scale"
    if entry.rating is None:
        return "not rated"
    if entry.criterion.scale.kind == "yes_no":
        return "yes (1)" if entry.rating else "no (0)"
    return f"{entry.rating} on {entry.low} to {entry.high}"


def _summary(result: Score, ident: str, version: str) -> str:
    """The outcome in words: how much is rated, each criterion, the band and the standard.

    Band labels and meanings and criterion names are the spec's text, so they are made
    printable: one line each, and no control character reaches the terminal.
    """
    from codify.diagnostics import printable

    def words(text: str) -> str:
        return printable(" ".join(text.split()))

    head = f"{printable(ident)} {printable(version)}: {result.rated} of {result.criteria} criteria rated"
    lines = []
    if result.total is None:
        lines.append(head + "; no total until every criterion is rated and every problem is fixed.")
    else:
        band = printable(result.band.label) if result.band else "no band"
        lines.append(
            f"{head}; total {result.total} (possible {result.lowest} to {result.highest}), "
            f"band '{band}'."
        )
        if result.band is not None:
            lines.append(f"What the band means: {words(result.band.meaning)}")
    lines.append("")
    width = len(str(len(result.breakdown)))
    for number, entry in enumerate(result.breakdown, 1):
        c = entry.criterion
        minimum = ""
        if c.minimum is not None:
            must = "yes" if c.scale.kind == "yes_no" else str(c.minimum)
            minimum = f"; must-pass {must}" + (", BELOW" if entry.below_minimum else "")
        lines.append(
            f"{number:>{width}}. {words(c.name)} ({printable(c.id)}): "
            f"{_rating_text(entry)}{minimum}"
        )
    lines.append("")
    failed = [e for e in result.breakdown if e.below_minimum]
    for entry in failed:
        c = entry.criterion
        lines.append(
            f"Below the must-pass minimum of {c.minimum}: {printable(c.id)} ({words(c.name)})."
        )
    lowest = result.lowest_rated()
    if lowest:
        listed = "; ".join(f"{printable(e.criterion.id)} ({_rating_text(e)})" for e in lowest)
        lines.append(f"Lowest rated: {listed}.")
    if result.total is not None:
        lines.append(
            "Meets the standard." if result.meets_standard else "Does not meet the standard."
        )
    return "\n".join(lines).rstrip()
