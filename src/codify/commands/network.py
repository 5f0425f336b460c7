"""`codify network`: the report on a network of sites, from its folder (see codify.network)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from codify.commands._common import common_options, language_option
from codify.commands._output import fail, say
from codify.extras import require_extra


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Output folder for the report.",
)
@click.option("--pdf", is_flag=True, help="Also print report.pdf (needs Chromium or WeasyPrint).")
@language_option()
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
@common_options(quiet=False)
def network(folder: Path, out_dir: Path, pdf: bool, language: str | None, quiet: bool) -> None:
    """Report on the network of sites in FOLDER: fidelity, drift, outcomes and adaptations.

    FOLDER holds network.yaml (naming the spec and the network's settings) and sites/, one
    folder per site with its local profile (*.local.yaml), its dated assessments/ and, if it
    reports outcomes, outcomes/. See the networks guide for the layout.

    \b
    Files written into --out:
      report.html    the report, one self-contained page with its charts
      report.json    every table of the report, in one JSON document
      tables/*.csv   each table as CSV, for spreadsheets
      report.pdf     with --pdf: the report printed

    A file that cannot be read or does not check (an assessment, an outcome report, a
    profile) is reported on standard error as path:line:col: CODE message, left out, and
    listed in the report's "What this report left out"; the report is still written.

    Exit codes: 0 written, nothing left out; 1 written, but some files were left out;
    2 usage error: no network.yaml or a bad one, a spec that is missing or has errors, an
    output folder that cannot be written, or no PDF engine for --pdf.
    """
    require_extra("handbook", "codify network")
    from codify.documents.pdf import HOW_TO_GET, PdfError, find_engine
    from codify.network import NETWORK_FILE, NetworkError, analyse, load_network
    from codify.network_report import write_report
    from codify.render.templates import TemplateFailure
    from codify.render.write import OutputError
    from codify.report import diagnostic_lines

    engine = find_engine() if pdf else None
    if pdf and engine is None:
        fail(HOW_TO_GET)
    if not (folder / NETWORK_FILE).is_file():
        fail(f"{folder}: no network.yaml here; see `codify network --help` for the layout")
    try:
        net = load_network(folder)
    except NetworkError as exc:
        for line in diagnostic_lines(sorted(exc.diagnostics), False):
            click.echo(line, err=True)
        fail(exc.message)
    problems = [d for x in net.excluded for d in x.diagnostics]
    for line in diagnostic_lines(sorted(problems) + sorted(net.warnings), False):
        click.echo(line, err=True)
    report = analyse(net)
    try:
        written = write_report(report, out_dir, pdf=pdf, language=language or "en", engine=engine)
    except (OutputError, TemplateFailure, PdfError) as exc:
        fail(str(exc))
    if not quiet:
        changed = len(written.written)
        sites = len(net.sites)
        say(
            f"Wrote the report on {sites} site{'s' if sites != 1 else ''} into {out_dir}/ "
            f"({changed} written, {len(written.files) - changed} unchanged)"
        )
    if net.excluded:
        say(
            f"codify: {_files(len(net.excluded))} left out of the report; see above, or "
            "'What this report left out' in report.html",
            err=True,
        )
        sys.exit(1)


def _files(n: int) -> str:
    """'1 file', '6 files'."""
    return f"{n:,} file{'' if n == 1 else 's'}"
