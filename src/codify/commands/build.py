"""`codify build`: the adopter handbook and the fidelity checklist, from one or more specs.

The work is in codify.documents; this module parses options, checks the specs, reports progress
and writes the output through an OutputWriter, so a failed build changes nothing on disk. It
tells the writer what the build reads (so no input is ever overwritten or removed) and which
files a partial build did not make (so they are kept).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from codify import outputs
from codify.commands._common import (
    build_inputs,
    check_specs,
    config_option,
    find_specs,
    load_settings,
)
from codify.commands._output import fail, say
from codify.diagnostics import printable

if TYPE_CHECKING:
    from codify.checker import FileResult
    from codify.config import Config
    from codify.documents.pdf import PdfEngine
    from codify.documents.render import Rendered
    from codify.model import Intervention


# What the last build wrote into an output folder: lets a rebuild remove files that are no
# longer generated and refuse to replace files a person wrote or edited.
BUILD_MANIFEST = outputs.BUILD_MANIFEST


@dataclass
class _Job:
    """One spec to build and the folder (inside --out) its files go to."""

    result: FileResult
    path: Path
    prefix: str


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
@config_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
def build(
    specs: tuple[Path, ...],
    out_dir: Path,
    only: str | None,
    pdf: bool,
    templates_dir: Path | None,
    force: bool,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Build the adopter handbook and fidelity checklist for each SPEC.

    SPEC is a spec file, or a folder searched for intervention.yaml and *.intervention.yaml.
    With one spec, files go straight into --out; with several, into --out/<spec id>/.

    \b
    Files written:
      handbook.html    the handbook, one self-contained page (prints well on A4)
      handbook.md      the handbook as Markdown
      checklist.html   the fidelity checklist as a printable form
      checklist.md     the fidelity checklist as Markdown
      checklist.csv    one row per criterion, for spreadsheets
      assessment.yaml  a blank assessment to fill in and keep under version control
      materials/       material files the spec names with `path`
      *.pdf            with --pdf: handbook.pdf and checklist.pdf

    A spec must pass `codify check` (warnings are fine); otherwise its problems are printed
    and nothing is written, unless --force. Writing is all or nothing: a failed or
    interrupted build leaves the previous output as it was. Unchanged files are not
    rewritten; a file codify did not write, or one edited by hand since, is never
    overwritten; files that are no longer generated (a material removed from the spec) are
    removed, but --only and a build without --pdf keep the files of the kinds they did not
    build. --out may not be, or contain, a spec's folder. Branding (organisation, logo,
    accent colour) comes from [tool.codify.branding] in pyproject.toml or codify.toml.

    Exit codes: 0 built; 1 a spec has problems; 2 usage error, unreadable input, a template
    error, an output folder that cannot be written, a file in the way that codify will not
    overwrite, or no PDF engine for --pdf.
    """
    from codify.documents.assets import AssetError, logo_data_uri
    from codify.documents.pdf import HOW_TO_GET, find_engine
    from codify.documents.render import TemplateFailure, environment
    from codify.render.write import OutputError, OutputWriter, output_problem, refuse_overlap

    config = load_settings(config_path)
    try:
        logo = logo_data_uri(config.branding.logo, config.source)
    except AssetError as exc:
        fail(str(exc))
    engine = find_engine() if pdf else None
    if pdf and engine is None:
        fail(HOW_TO_GET)
    problem = output_problem(out_dir)
    if problem:
        fail(problem)

    jobs = _check(specs, config, force, out_dir)
    try:
        refuse_overlap(out_dir, [job.path for job in jobs])
    except OutputError as exc:
        fail(str(exc))
    env = environment(templates_dir, config.branding)

    writer = OutputWriter(
        out_dir,
        manifest=BUILD_MANIFEST,
        specs=[job.path for job in jobs],
        inputs=build_inputs(_specs(jobs), config, templates_dir),
    )
    for name in _unbuilt(writer.previous(), jobs, only, pdf):
        writer.keep(name)
    show = sys.stderr.isatty() and len(jobs) > 1 and not quiet
    notes: list[str] = []
    try:
        for job in _progress(jobs, show):
            rendered = _render(job, env, config, logo, only, engine)
            for relative, data in rendered.files.items():
                writer.add(job.prefix + relative, data)
            notes.extend(f"{job.result.path}: {n}" for n in rendered.notes)
    except TemplateFailure as exc:
        fail(f"{exc}; nothing was written")
    except OutputError as exc:
        fail(str(exc))
    try:
        changed = writer.commit()
    except OutputError as exc:
        fail(f"{exc}; nothing was written")
    for note in notes:
        say(f"codify: warning: {note}", err=True)
    if not quiet:
        _summary(out_dir, jobs, [str(f) for f in writer.files], changed)
        for path in writer.removed:
            shown = out_dir / path.relative_to(out_dir.resolve())
            say(f"Removed {shown} (no longer generated)")


def _specs(jobs: list[_Job]) -> list[tuple[Intervention, Path]]:
    """Each job's spec with the file it came from."""
    return [(job.result.spec, job.path) for job in jobs if job.result.spec is not None]


def _progress(jobs: list[_Job], show: bool) -> Iterator[_Job]:
    """The jobs, with a progress bar on stderr when `show` (several specs, on a terminal)."""
    if not show:
        yield from jobs
        return
    with click.progressbar(
        jobs,
        label="Building",
        file=sys.stderr,
        item_show_func=lambda j: printable(j.result.path) if j else None,
    ) as bar:
        yield from bar


def _check(specs: tuple[Path, ...], config: Config, force: bool, out_dir: Path) -> list[_Job]:
    """Check every spec; print problems; exit unless every spec can be built."""
    paths = find_specs(specs, exclude=out_dir)
    results = check_specs(paths, config, force=force, refusal="not building")

    ids: dict[str, Path] = {}
    for r, p in zip(results, paths, strict=True):
        assert r.spec is not None
        if r.spec.id in ids:
            fail(f"{p} and {ids[r.spec.id]} have the same id '{r.spec.id}'; ids must differ")
        ids[r.spec.id] = p
    several = len(results) > 1
    return [
        _Job(r, p, f"{r.spec.id}/" if several and r.spec else "")
        for r, p in zip(results, paths, strict=True)
    ]


def _unbuilt(previous: dict[str, str], jobs: list[_Job], only: str | None, pdf: bool) -> list[str]:
    """Files an earlier build wrote that this one leaves alone: kinds it was not asked for.

    `--only handbook` keeps the checklist files (and the reverse), and a build without --pdf
    keeps the PDFs, rather than removing them as no longer generated.
    """
    from codify.documents.render import CHECKLIST_FILES, HANDBOOK_FILES, PDF_SOURCES

    kinds = {name: "handbook" for name in HANDBOOK_FILES}
    kinds.update({name: "checklist" for name in [*CHECKLIST_FILES, "checklist.csv"]})
    kinds.update({pdf_name: kinds[source] for pdf_name, source in PDF_SOURCES.items()})
    kept: list[str] = []
    for name in previous:
        for job in jobs:
            if not name.startswith(job.prefix):
                continue
            rest = name.removeprefix(job.prefix)
            kind = "handbook" if rest.startswith("materials/") else kinds.get(rest)
            if kind is None:
                continue
            if (only is not None and kind != only) or (rest in PDF_SOURCES and not pdf):
                kept.append(name)
                break
    return kept


def _render(
    job: _Job,
    env: object,
    config: Config,
    logo: str | None,
    only: str | None,
    engine: PdfEngine | None,
) -> Rendered:
    from codify.documents.pdf import PdfError
    from codify.documents.render import PDF_SOURCES, render_spec

    spec = job.result.spec
    assert spec is not None
    rendered = render_spec(spec, job.path, env, config.branding, logo, only)
    if engine is not None:
        for target, source in PDF_SOURCES.items():
            if source in rendered.html:
                try:
                    rendered.files[target] = engine.render(rendered.html[source])
                except PdfError as exc:
                    fail(f"{job.path}: printing {target} with {engine.describe()}: {exc}")
    return rendered


def _summary(out_dir: Path, jobs: list[_Job], files: list[str], changed: list[Path]) -> None:
    """Say what was built where, file by file: written (changed) or unchanged."""
    root = out_dir.resolve()
    changed_rel = {p.relative_to(root).as_posix() for p in changed}
    for job in jobs:
        spec = job.result.spec
        assert spec is not None
        mine = sorted(f for f in files if f.startswith(job.prefix))
        written = [f for f in mine if f in changed_rel]
        folder = out_dir / job.prefix if job.prefix else out_dir
        state = (
            f"{len(written)} written, {len(mine) - len(written)} unchanged"
            if written
            else f"all {len(mine)} unchanged"
        )
        say(f"Built {spec.id} {spec.version} into {folder}/ ({state})")
        for f in mine:
            mark = "written  " if f in changed_rel else "unchanged"
            say(f"  {mark}  {out_dir / f}")
