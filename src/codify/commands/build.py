"""`codify build`: the adopter handbook and the fidelity checklist, from one or more specs.

The work is `codify.api.build_documents`; this command parses the options, calls it, and
prints what it reports: the specs' problems, progress on a terminal, notes and what was
written where.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from codify import api
from codify.commands._common import (
    ProgressBar,
    common_options,
    config_option,
    language_option,
    report_checked,
    stop,
)
from codify.commands._output import say
from codify.extras import require_extra
from codify.localbuild import LocalPart, build_profiles, is_profile


@click.command()
@click.argument(
    "specs", nargs=-1, required=True, metavar="SPEC...", type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Output folder. With several specs, each gets a subfolder named by its id.",
)
@click.option(
    "--only",
    type=click.Choice(["handbook", "checklist"]),
    help="Build only the handbook or only the fidelity checklist.",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Also print handbook.pdf and checklist.pdf (needs Chromium or WeasyPrint).",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder of template overrides: DIR/handbook/style.css replaces the packaged one.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Build even when the spec has errors (its structure must still load).",
)
@language_option()
@config_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
@common_options(quiet=False, config=False, per_spec=True)
def build(
    specs: tuple[Path, ...],
    out_dir: Path,
    only: str | None,
    pdf: bool,
    templates_dir: Path | None,
    force: bool,
    language: str | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Build the adopter handbook and fidelity checklist for each SPEC.

    SPEC is a spec file, or a folder searched for intervention.yaml and *.intervention.yaml.
    With one spec, files go straight into --out; with several, into --out/<spec id>/.

    SPEC may instead be local profiles (NAME.local.yaml, every argument a profile): then the
    local handbook and local checklist are built, local-handbook.html, .md and .docx (Word,
    with the docx extra) and local-checklist.html, .md and .docx, and with --pdf their PDFs,
    with local-assessment.yaml, a blank assessment naming the site, for `codify score`; with
    several profiles, into --out/<NAME>/. A profile is checked against its spec first,
    and one with errors is never built, --force or not.

    \b
    Files written:
      handbook.html    the handbook, one self-contained page (prints well on A4)
      handbook.md      the handbook as Markdown
      checklist.html   the fidelity checklist as a printable form
      checklist.md     the fidelity checklist as Markdown
      checklist.csv    one row per criterion, for spreadsheets
      checklist.xlsx   the checklist as a workbook whose rating cells accept only the
                       scale's ratings (needs the xlsx extra)
      assessment.yaml  a blank assessment to fill in and keep under version control
      materials/       material files the spec names with `path`
      *.pdf            with --pdf: handbook.pdf and checklist.pdf

    A spec must pass `codify check` (warnings are fine); otherwise its problems are printed
    and nothing is written, unless --force. Writing is all or nothing: a failed or
    interrupted build leaves the previous output as it was. A file whose inputs (spec,
    materials, settings, logo, templates, codify itself) are unchanged since the last build is
    neither rendered nor printed again, and is not rewritten; a file codify did not write, or
    one edited by hand since, is never overwritten; files that are no longer generated (a material removed from the spec) are
    removed, but --only and a build without --pdf keep the files of the kinds they did not
    build. --out may not be, or contain, a spec's folder. Each spec's documents take their
    branding (organisation, logo, accent colour), citation style and language from its own
    settings, the nearest codify.toml or pyproject.toml with [tool.codify] from its folder
    up (or --config for all); --language overrides the language.

    Exit codes: 0 built; 1 a spec has problems; 2 usage error, unreadable input, a template
    error, an output folder that cannot be written, a file in the way that codify will not
    overwrite, or no PDF engine for --pdf.
    """
    require_extra("handbook", "codify build")
    profiles = [p for p in specs if is_profile(p)]
    if profiles:
        if len(profiles) != len(specs):
            raise click.UsageError(
                "build local profiles (*.local.yaml) and specs in separate runs", None
            )
        _build_profiles(specs, out_dir, only, pdf, templates_dir, language, config_path, quiet)
        return
    # On a terminal only (ProgressBar), and only for a stage of several items: specs or PDFs.
    labels = {"building": "Building", "printing": "Printing PDFs"}
    with ProgressBar({} if quiet else labels) as progress:
        try:
            result = api.build_documents(
                list(specs),
                out_dir,
                only=cast("api.Part | None", only),
                pdf=pdf,
                templates=templates_dir,
                force=force,
                config=config_path,
                language=language,
                on_progress=progress,
                on_checked=lambda results: report_checked(results, force),
            )
        except api.CodifyError as exc:
            progress.close()
            stop(exc)
    for note in result.notes:
        say(f"codify: warning: {note}", err=True)
    if not quiet:
        _summary(result)


def _summary(result: api.BuildResult) -> None:
    """Say what was built where, file by file: written (changed) or unchanged."""
    for built in result.specs:
        written = len(built.written)
        state = (
            f"{written} written, {len(built.files) - written} unchanged"
            if written
            else f"all {len(built.files)} unchanged"
        )
        say(f"Built {built.id} {built.version} into {built.folder}/ ({state})")
        for path in built.files:
            mark = "written  " if path in built.written else "unchanged"
            say(f"  {mark}  {path}")
    for path in result.removed:
        say(f"Removed {path} (no longer generated)")


def _build_profiles(
    profiles: tuple[Path, ...],
    out_dir: Path,
    only: str | None,
    pdf: bool,
    templates_dir: Path | None,
    language: str | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """The profile branch of `codify build`: each profile's local handbook and checklist."""
    try:
        result = build_profiles(
            list(profiles),
            out_dir,
            only=cast("LocalPart | None", only),
            pdf=pdf,
            templates=templates_dir,
            config=config_path,
            language=language,
            on_checked=report_checked,
        )
    except api.CodifyError as exc:
        stop(exc)
    for note in result.notes:
        say(f"codify: warning: {note}", err=True)
    if quiet:
        return
    for built in result.profiles:
        written = len(built.written)
        state = (
            f"{written} written, {len(built.files) - written} unchanged"
            if written
            else f"all {len(built.files)} unchanged"
        )
        say(
            f"Built the local version in {built.source} ({built.spec.id} "
            f"{built.spec.version}) into {built.folder}/ ({state})"
        )
        for path in built.files:
            mark = "written  " if path in built.written else "unchanged"
            say(f"  {mark}  {path}")
    for path in result.removed:
        say(f"Removed {path} (no longer generated)")
