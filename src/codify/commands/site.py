"""`codify site`: generate a Material for MkDocs replication site from one or more specs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from codify.cli import fail
from codify.commands._common import check_specs, config_option, find_specs, load_settings

if TYPE_CHECKING:
    from codify.config import Config
    from codify.site.downloads import Maker
    from codify.site.project import Project, SiteSource


@click.command()
@click.argument("specs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Folder for the MkDocs project (mkdocs.yml and docs/). The built HTML goes to its site/.",
)
@click.option(
    "--build",
    "do_build",
    is_flag=True,
    help="Also build the HTML with `mkdocs build --strict`; any warning fails (exit 1).",
)
@click.option(
    "--serve",
    "do_serve",
    is_flag=True,
    help="Preview with live reload (`mkdocs serve`); edits to the specs regenerate the pages.",
)
@click.option(
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="HOST:PORT",
    help="Where --serve listens.",
)
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="What --build and --serve run: Material for MkDocs, or its successor Zensical (pip install zensical).",
)
@click.option(
    "--title", help="The site's name (default: the intervention's name, or 'Interventions')."
)
@click.option(
    "--force",
    is_flag=True,
    help="Generate even from specs that fail `codify check` (their problems are still printed).",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder of templates that replace codify's own (e.g. site/core.md.j2).",
)
@config_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing unless something goes wrong.")
def site(
    specs: tuple[Path, ...],
    out_dir: Path,
    do_build: bool,
    do_serve: bool,
    dev_addr: str,
    engine: str,
    title: str | None,
    force: bool,
    templates: Path | None,
    config_path: Path | None,
    quiet: bool,
) -> None:
    """Generate a replication site for adopters from SPECS.

    SPECS are spec files or folders (default: the current folder), searched as `codify check`
    searches them. One spec gives a site about that intervention; several give a portfolio,
    with a home page listing them all.

    Each intervention gets an overview; a Keep section (a page per core element) and an
    Adapt section (a page per adaptable element, with its guardrails); roles, materials,
    delivery and the implementation pathway; a printable fidelity checklist; a glossary whose
    terms show as tooltips; references; and downloads (the spec, and the handbook and
    checklist from `codify build`). Every page names the version it describes. Branding
    comes from [tool.codify.branding].

    The output is a plain MkDocs project: build it with `mkdocs build` or `zensical build`
    in OUT. The site loads nothing from other hosts, so it works inside a closed network.

    A spec that fails `codify check` is refused with its problems, unless --force.
    Exit codes: 0 done; 1 a spec has errors, or the build failed or warned;
    2 a usage error, or a spec or setting could not be read.
    """
    from codify.site.project import SiteError, check_out_dir

    config = load_settings(config_path)
    targets = list(specs) or [Path(".")]
    sources = _load(targets, config, force, out_dir)
    try:
        check_out_dir(out_dir)
        downloads = _downloads(config, templates)
        project = _generate(sources, config, title, templates, downloads, out_dir)
    except SiteError as exc:
        fail(str(exc))
    for note in project.notes:
        click.echo(f"codify: note: {note}", err=True)
    if not quiet:
        pages = len(project.pages)
        click.echo(
            f"Wrote {out_dir / 'mkdocs.yml'} and {pages} page{'s' if pages != 1 else ''} "
            f"for {len(sources)} intervention{'s' if len(sources) != 1 else ''}."
        )
    if do_build:
        _build(out_dir, engine, quiet)
    if do_serve:
        _serve(out_dir, dev_addr, engine, targets, config, force, title, templates, quiet)


def _load(
    targets: list[Path], config: Config, force: bool, out_dir: Path | None = None
) -> list[SiteSource]:
    """Check every spec; print problems; exit unless every spec can be published.

    Files inside the output folder (an earlier site) are never taken for specs.
    """
    from codify.site.project import SiteSource

    paths = find_specs(targets, exclude=out_dir)
    results = check_specs(
        paths,
        config,
        force=force,
        refusal="refusing to generate a site from specs with errors",
        progress=True,
    )
    return [
        SiteSource(r.spec, path)
        for r, path in zip(results, paths, strict=True)
        if r.spec is not None
    ]


def _generate(
    sources: list[SiteSource],
    config: Config,
    title: str | None,
    templates: Path | None,
    downloads: Maker,
    out_dir: Path,
) -> Project:
    """Generate the project and write it to `out_dir`; raises SiteError."""
    from codify.render.write import OutputConflict, UnsafeOutputPath
    from codify.site.project import SiteError, generate, write

    project = generate(
        sources,
        config.branding,
        config.source,
        title=title,
        templates=templates,
        downloads=downloads,
    )
    try:
        write(project, out_dir)
    except (OutputConflict, UnsafeOutputPath) as exc:
        raise SiteError(str(exc)) from None
    return project


def _downloads(config: Config, templates: Path | None) -> Maker:
    from codify.site.downloads import maker

    return maker(config, templates)


def _build(out_dir: Path, engine: str, quiet: bool) -> None:
    from codify.site.engine import mkdocs_build, zensical_build

    outcome = mkdocs_build(out_dir) if engine == "mkdocs" else zensical_build(out_dir)
    for line in outcome.problems:
        click.echo(f"codify: {engine}: {line}", err=True)
    if not outcome.ok:
        fail(f"{engine} build failed in strict mode; the site was not built cleanly", 1)
    if not quiet:
        # Name the folder as the user did (relative stays relative).
        click.echo(f"Built {out_dir / 'site'} in {outcome.seconds:.1f} s ({engine}, strict).")


def _serve(
    out_dir: Path,
    dev_addr: str,
    engine: str,
    targets: list[Path],
    config: Config,
    force: bool,
    title: str | None,
    templates: Path | None,
    quiet: bool,
) -> None:
    from codify.checker import discover
    from codify.site.engine import mkdocs_serve, watch, zensical_serve
    from codify.site.project import SiteError

    downloads = _downloads(config, templates)

    def regenerate() -> None:
        # A spec edited into an invalid state is reported and the last good pages stay.
        try:
            sources = _load(targets, config, force, out_dir)
        except SystemExit:
            click.echo("codify: not regenerated; fix the spec and save again", err=True)
            return
        try:
            project = _generate(sources, config, title, templates, downloads, out_dir)
        except SiteError as exc:
            click.echo(f"codify: {exc}", err=True)
            return
        if not quiet:
            click.echo(f"codify: regenerated the pages ({len(project.pages)})", err=True)

    inside = out_dir.resolve()
    specs = [p for p in discover(targets) if not p.resolve().is_relative_to(inside)]
    watch(specs, regenerate)
    if engine == "zensical":
        try:
            zensical_serve(out_dir, dev_addr)
        except FileNotFoundError as exc:
            fail(str(exc))
    else:
        mkdocs_serve(out_dir, dev_addr)
