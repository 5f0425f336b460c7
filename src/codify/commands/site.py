"""`codify site`: generate a Material for MkDocs replication site from one or more specs.

The work is `codify.api` (`make_site`, `serve_site`); this command parses the options, calls
it, and prints what it reports: the specs' problems, progress on a terminal, notes, what was
written and built, and each regeneration of a preview.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
from codify.commands._output import complain, detail, say
from codify.diagnostics import printable
from codify.extras import EXTRAS, require_extra


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
@click.option(
    "--network",
    "network_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Add a Network section from this network folder (see `codify network`).",
)
@language_option()
@config_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing unless something goes wrong.")
@common_options(quiet=False, config=False, per_spec=True)
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
    network_dir: Path | None,
    language: str | None,
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
    checklist from `codify build`). Every page names the version it describes. Each spec is
    checked with its own settings; the site's branding, language and citation style come
    from the settings nearest the folder that holds every spec (or --config), and
    --language overrides the language.

    With --network DIR, the site also gets a Network section: the figures and charts of
    `codify network` for the network in DIR, on four pages. A file of the network that
    cannot be read or does not check is reported with its position and left out.

    The output is a plain MkDocs project: build it with `mkdocs build` or `zensical build`
    in OUT. The site loads nothing from other hosts, so it works inside a closed network.

    A spec that fails `codify check` is refused with its problems, unless --force.
    Exit codes: 0 done; 1 a spec has errors, the build failed or warned, or --network left
    files out;
    2 a usage error, a spec or setting could not be read, or OUT could not be written;
    130 the preview was stopped with Ctrl-C.
    """
    require_extra("site", "codify site", EXTRAS["handbook"])
    if (do_build or do_serve) and engine == "mkdocs":
        require_extra("site", "codify site --build or --serve", ("mkdocs", "material"))
    with _interruptible():
        engine_name = cast("api.Engine", engine)
        try:
            # What cannot work is refused before anything is written.
            if do_serve:
                api.check_preview(dev_addr, engine_name)
            with ProgressBar({"checking": "Checking specs"}) as progress:
                made = api.make_site(
                    list(specs) or [Path(".")],
                    out_dir,
                    build=do_build,
                    engine=engine_name,
                    title=title,
                    templates=templates,
                    force=force,
                    config=config_path,
                    language=language,
                    on_progress=progress,
                    on_checked=lambda results: report_checked(results, force),
                    network=network_dir,
                )
        except api.SiteBuildFailed as exc:
            _wrote(exc.site, quiet)
            for line in exc.problems:
                say(f"codify: {engine}: {line}", err=True)
            stop(exc)
        except api.CodifyError as exc:
            stop(exc)
        _wrote(made, quiet)
        if made.build is not None:
            for line in made.build.problems:
                say(f"codify: {engine}: {line}", err=True)
            if not quiet:
                seconds = made.build.seconds
                say(f"Built {made.build.site_dir} in {seconds:.1f} s ({engine}, strict).")
        if made.network_excluded:
            from codify.report import diagnostic_lines

            for line in diagnostic_lines(sorted(made.network_excluded), False):
                click.echo(line, err=True)
            files = len({d.path for d in made.network_excluded})
            say(
                f"codify: {files:,} file{'' if files == 1 else 's'} of the network left out of its "
                "pages; see above",
                err=True,
            )
        if do_serve:
            sys.exit(_serve(made, dev_addr, force, quiet))
        if made.network_excluded:
            sys.exit(1)


@contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C ends the command with 130, as shells expect, not with click's 'Aborted!' and 1."""
    try:
        yield
    except KeyboardInterrupt:
        click.echo("", err=True)
        sys.exit(api.INTERRUPTED)


def _wrote(made: api.SiteResult, quiet: bool) -> None:
    """The notes on what was generated, then (unless quiet) what was written.

    With -v, first the settings file of the site as a whole (each spec's own was said when
    the specs were checked), unless --config named one for all.
    """
    if not click.get_current_context().find_root().meta.get("codify.settings-for-all"):
        used = str(made.settings) if made.settings else "none found, using the defaults"
        detail(f"site settings: {used}")
    for note in made.notes:
        say(f"codify: note: {note}", err=True)
    if not quiet:
        pages, specs = len(made.pages), len(made.specs)
        say(
            f"Wrote {made.mkdocs_yml} and {pages} page{'s' if pages != 1 else ''} "
            f"for {specs} intervention{'s' if specs != 1 else ''}."
        )


def _serve(made: api.SiteResult, dev_addr: str, force: bool, quiet: bool) -> int:
    """Preview the site until stopped, reporting each regeneration; the exit code to end with."""

    def regenerated(again: api.SiteResult) -> None:
        for note in again.notes:
            say(f"codify: note: {note}", err=True)
        if not quiet:
            say(f"codify: regenerated the pages ({len(again.pages)})", err=True)

    def failed(exc: Exception) -> None:
        # A spec saved in a bad state is reported, with its positioned diagnostics, and the
        # last good pages stay until the next save.
        if isinstance(exc, api.SiteError):
            say(f"codify: not regenerated: {exc.message}", err=True)
        elif isinstance(exc, api.CodifyError):
            if isinstance(exc, api.SpecProblems):
                report_checked(exc.results)
            if not (isinstance(exc, api.SpecProblems) and exc.unreadable):
                complain(exc.message)
            say("codify: not regenerated; fix the problem and save again", err=True)
        else:
            detail = printable(f"{exc.__class__.__name__}: {exc}")
            say(f"codify: not regenerated: {detail}; still watching", err=True)

    with ProgressBar({"checking": "Checking specs"}) as progress:
        try:
            return api.serve_site(
                made,
                dev_addr=dev_addr,
                on_progress=progress,
                on_checked=lambda results: report_checked(results, force),
                on_regenerated=regenerated,
                on_failed=failed,
            )
        except api.CodifyError as exc:
            progress.close()
            stop(exc)
