"""`codify site`: generate a Material for MkDocs replication site from one or more specs."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from codify.commands._common import (
    build_inputs,
    check_specs,
    config_option,
    find_specs,
    load_settings,
)
from codify.commands._output import fail, say

if TYPE_CHECKING:
    from codify.checker import FileResult
    from codify.config import Config
    from codify.site.downloads import Maker
    from codify.site.project import Project, SiteSource

# The exit code of a command stopped with Ctrl-C, as shells report it (128 + SIGINT).
INTERRUPTED = 130


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
    help="Where --serve listens: localhost or an IP address, and a free port.",
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
    2 a usage error, a spec or setting could not be read, or OUT could not be written;
    130 the preview was stopped with Ctrl-C.
    """
    try:
        _site(
            specs, out_dir, do_build, do_serve, dev_addr, engine, title, force, templates,
            config_path, quiet,
        )  # fmt: skip
    except KeyboardInterrupt:
        # Click would call Ctrl-C an abort and exit 1; shells expect 130.
        click.echo("", err=True)
        sys.exit(INTERRUPTED)


def _site(
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
    """The command itself (see `site`)."""
    from codify.site.project import SiteError, check_out_dir

    # What cannot work is refused before anything is written.
    if engine == "zensical" and (do_build or do_serve):
        _require_zensical()
    if do_serve:
        _check_dev_addr(dev_addr)
    config = load_settings(config_path)
    targets = list(specs) or [Path(".")]
    sources = _load(targets, config, force, out_dir)
    try:
        check_out_dir(out_dir, [s.path for s in sources])
        downloads = _downloads(config, templates)
        project = _generate(sources, config, title, templates, downloads, out_dir)
    except SiteError as exc:
        fail(str(exc))
    for note in project.notes:
        say(f"codify: note: {note}", err=True)
    if not quiet:
        pages = len(project.pages)
        say(
            f"Wrote {out_dir / 'mkdocs.yml'} and {pages} page{'s' if pages != 1 else ''} "
            f"for {len(sources)} intervention{'s' if len(sources) != 1 else ''}."
        )
    if do_build:
        _build(out_dir, engine, quiet)
    if do_serve:
        options = _Options(targets, config, force, title, templates, quiet)
        _serve(out_dir, dev_addr, engine, options, sources)


def _require_zensical() -> None:
    from codify.site.engine import ZENSICAL_MISSING, zensical_command

    if zensical_command() is None:
        fail(ZENSICAL_MISSING)


def _check_dev_addr(dev_addr: str) -> None:
    from codify.site.engine import check_dev_addr

    try:
        check_dev_addr(dev_addr)
    except ValueError as exc:
        fail(f"--dev-addr {dev_addr}: {exc}")


def _load(
    targets: list[Path], config: Config, force: bool, out_dir: Path | None = None
) -> list[SiteSource]:
    """Check every spec; print problems; exit unless every spec can be published.

    Files inside the output folder (an earlier site) are never taken for specs.
    """
    paths = find_specs(targets, exclude=out_dir)
    results = check_specs(
        paths,
        config,
        force=force,
        refusal="refusing to generate a site from specs with errors",
        progress=True,
    )
    return [_source(r, path) for r, path in zip(results, paths, strict=True)]


def _source(result: FileResult, path: Path) -> SiteSource:
    """The spec as published: its model and its bytes, from one reading of the file.

    The file is read once more here, and its model compared with the one that was checked:
    the download must be byte for byte the spec the pages describe, so a file changed in the
    meantime is refused rather than published half old, half new.
    """
    from pydantic import ValidationError

    from codify.loader import LoadError, decode_text, load_text, read_untrusted
    from codify.model import Intervention
    from codify.site.project import SiteSource

    name = str(path)
    try:
        raw = read_untrusted(path, name)
        spec = Intervention.model_validate(load_text(decode_text(raw, name), name).data)
    except LoadError as exc:
        fail(f"{name}: {exc}")
    except ValidationError:
        spec = None
    if spec is None or spec != result.spec:
        fail(f"{name} changed while the site was being made; run codify site again")
    return SiteSource(spec, path, raw)


def _generate(
    sources: list[SiteSource],
    config: Config,
    title: str | None,
    templates: Path | None,
    downloads: Maker,
    out_dir: Path,
) -> Project:
    """Generate the project and write it to `out_dir`; raises SiteError."""
    from codify.site.project import generate, write

    project = generate(
        sources,
        config.branding,
        config.source,
        title=title,
        templates=templates,
        downloads=downloads,
    )
    specs = [s.path for s in sources]
    write(project, out_dir, specs=specs, inputs=_inputs(config, sources, templates))
    return project


def _downloads(config: Config, templates: Path | None) -> Maker:
    from codify.site.downloads import maker

    return maker(config, templates)


def _build(out_dir: Path, engine: str, quiet: bool) -> None:
    from codify.site.engine import (
        BuiltSiteInTheWay,
        guard_built_site,
        mkdocs_build,
        record_built_site,
        zensical_build,
    )

    try:
        guard_built_site(out_dir)
        record_built_site(out_dir, building=True)
    except BuiltSiteInTheWay as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{out_dir}: cannot write: {(exc.strerror or str(exc)).lower()}")
    outcome = mkdocs_build(out_dir) if engine == "mkdocs" else zensical_build(out_dir)
    if outcome.ok:
        try:
            record_built_site(out_dir, building=False)
        except OSError as exc:
            fail(f"{out_dir}: cannot write: {(exc.strerror or str(exc)).lower()}")
    for line in outcome.problems:
        say(f"codify: {engine}: {line}", err=True)
    if outcome.unwritable:
        fail(f"{out_dir / 'site'}: the built site could not be written; choose another --out")
    if not outcome.ok:
        fail(f"{engine} build failed in strict mode; the site was not built cleanly", 1)
    if not quiet:
        # Name the folder as the user did (relative stays relative).
        say(f"Built {out_dir / 'site'} in {outcome.seconds:.1f} s ({engine}, strict).")


@dataclass(frozen=True)
class _Options:
    """What regenerating the site during a preview needs: the command's own options."""

    targets: list[Path]
    config: Config
    force: bool
    title: str | None
    templates: Path | None
    quiet: bool


def _serve(
    out_dir: Path, dev_addr: str, engine: str, options: _Options, sources: list[SiteSource]
) -> None:
    """Preview the site, regenerating it on every save, until Ctrl-C (exit 130) or a signal."""
    from codify.site.engine import Stopped, stop_on_signals, watch, zensical_serve
    from codify.site.project import SiteError

    targets, config, force = options.targets, options.config, options.force
    title, templates, quiet = options.title, options.templates, options.quiet
    downloads = _downloads(config, templates)
    watched: list[Path] = _watched(targets, out_dir, config, sources)

    def regenerate() -> None:
        # A spec saved in a bad state is reported, with its positioned diagnostics (printed by
        # the check), and the last good pages stay until the next save.
        nonlocal watched
        try:
            sources = _load(targets, config, force, out_dir)
            project = _generate(sources, config, title, templates, downloads, out_dir)
        except SystemExit:
            say("codify: not regenerated; fix the problem and save again", err=True)
            return
        except SiteError as exc:
            say(f"codify: not regenerated: {exc}", err=True)
            return
        watched = _watched(targets, out_dir, config, sources)
        for note in project.notes:
            say(f"codify: note: {note}", err=True)
        if not quiet:
            say(f"codify: regenerated the pages ({len(project.pages)})", err=True)

    def report(exc: BaseException) -> None:
        from codify.diagnostics import printable

        detail = printable(f"{exc.__class__.__name__}: {exc}")
        say(f"codify: not regenerated: {detail}; still watching", err=True)

    watch(lambda: watched, regenerate, report)
    code = INTERRUPTED
    try:
        with stop_on_signals():
            if engine == "zensical":
                returned = zensical_serve(out_dir, dev_addr)
                # Zensical ended by itself; a signal that ended it reads as 128 + its number.
                code = 128 - returned if returned < 0 else returned
            else:
                _mkdocs_serve(out_dir, dev_addr)
    except KeyboardInterrupt:
        code = INTERRUPTED
    except Stopped as exc:
        code = exc.code
    except FileNotFoundError as exc:
        fail(str(exc))
    sys.exit(code)


def _mkdocs_serve(out_dir: Path, dev_addr: str) -> None:
    """Run MkDocs' preview; its failures become a message and an exit code, not a traceback."""
    from mkdocs.exceptions import MkDocsException

    from codify.site.engine import mkdocs_serve

    try:
        mkdocs_serve(out_dir, dev_addr)
    except MkDocsException as exc:
        fail(f"mkdocs serve: {exc}", 1)
    except OSError as exc:
        fail(f"mkdocs serve: cannot listen on {dev_addr}: {(exc.strerror or str(exc)).lower()}")


def _inputs(config: Config, sources: list[SiteSource], templates: Path | None = None) -> list[Path]:
    """Every file the site is made from besides the specs (see build_inputs)."""
    return build_inputs([(s.spec, s.path) for s in sources], config, templates)


def _watched(
    targets: list[Path], out_dir: Path, config: Config, sources: list[SiteSource]
) -> list[Path]:
    """What a preview watches: every spec and every other input of the site.

    Specs are searched for again each time, so a new spec file is picked up on the next save.
    """
    from codify.checker import discover

    inside = out_dir.resolve()
    specs = [p for p in dict.fromkeys(discover(targets)) if not p.resolve().is_relative_to(inside)]
    return [*specs, *_inputs(config, sources)]
