"""What the commands that read specs share: finding them, checking them, refusing bad ones."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import click

from codify.commands._output import fail

if TYPE_CHECKING:
    from codify.checker import FileResult
    from codify.config import Config
    from codify.model import Intervention

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file (default: nearest codify.toml, or pyproject.toml with [tool.codify]).",
)


def load_settings(config_path: Path | None) -> Config:
    """The repository's settings, or exit 2 with the problem."""
    from codify.config import ConfigError, find_config, load_config

    try:
        return load_config(config_path or find_config(Path.cwd()))
    except ConfigError as exc:
        fail(str(exc))


def find_specs(targets: Iterable[Path], exclude: Path | None = None) -> list[Path]:
    """Spec files in `targets` (files as given, folders searched); exit 2 if none.

    A folder's search skips files inside `exclude` (an earlier output folder within it). A
    file named outright, or a search of a folder that is itself inside `exclude`, is kept, so
    that the command can say plainly that the output folder holds a spec, rather than
    finding none.
    """
    from codify.checker import discover

    targets = list(targets)
    for target in targets:
        if not target.exists():
            fail(f"{target}: no such file or folder")
    inside = exclude.resolve() if exclude is not None else None
    found: list[Path] = []
    for target in targets:
        paths = list(discover([target]))
        if inside is not None and target.is_dir() and not target.resolve().is_relative_to(inside):
            paths = [p for p in paths if not p.resolve().is_relative_to(inside)]
        found.extend(paths)
    paths = list(dict.fromkeys(found))
    if not paths:
        fail(
            f"no spec files found in {', '.join(map(str, targets))} "
            "(looked for intervention.yaml and *.intervention.yaml)"
        )
    return paths


def check_specs(
    paths: list[Path], config: Config, *, force: bool, refusal: str, progress: bool = False
) -> list[FileResult]:
    """Check each spec and print its problems; exit unless every spec can be used.

    Exit 2 when a file cannot be read as YAML; exit 1 with `refusal` when a spec has errors,
    unless `force` and its structure loaded. On a terminal with `progress`, show a bar.
    """
    from codify.checker import CheckResult, check_file
    from codify.commands.check import use_color
    from codify.report import text

    if progress and len(paths) > 1 and sys.stderr.isatty():
        with click.progressbar(
            paths, label="Checking specs", file=sys.stderr, item_show_func=_shown
        ) as bar:
            results = [check_file(path, config) for path in bar]
    else:
        results = [check_file(path, config) for path in paths]
    noisy = [r for r in results if r.diagnostics]
    if noisy:
        click.echo(text(CheckResult(noisy), use_color("auto", sys.stderr)), err=True, nl=False)
    if any(not r.loaded for r in results):
        sys.exit(2)
    refused = [r for r in results if r.spec is None or (r.errors and not force)]
    if refused:
        hint = "" if all(r.spec is None for r in refused) else "; fix them, or use --force"
        count = f"{len(refused)} of {len(results)} spec{'s' if len(results) != 1 else ''}"
        fail(f"{refusal}: {count} failed the check{hint}", 1)
    if force and any(r.errors for r in results):
        click.echo("codify: going ahead despite errors (--force)", err=True)
    return results


def _shown(path: Path | None) -> str | None:
    """A path for the progress bar, with control characters in its name shown as escapes."""
    from codify.diagnostics import printable

    return printable(str(path)) if path else None


def load_valid_spec(spec_path: Path, config: Config | None = None) -> Intervention:
    """Load one spec that passes the structural check, or print its diagnostics and exit."""
    from codify.checker import CheckResult, check_file
    from codify.report import text

    found = find_specs([spec_path])
    if len(found) != 1:
        fail(f"{spec_path}: expected one spec, found {len(found)}")
    result = check_file(found[0], config)
    if result.spec is None:
        click.echo(text(CheckResult([result]), False), err=True, nl=False)
        sys.exit(2 if not result.loaded else 1)
    return result.spec


def build_inputs(
    specs: Iterable[tuple[Intervention, Path]], config: Config, templates: Path | None = None
) -> list[Path]:
    """Every file a build or site is made from besides the specs themselves.

    Materials, the settings file, the logo and override templates: the writer never overwrites
    or removes one of them, and a preview watches them for changes.
    """
    found: list[Path] = []
    for spec, path in specs:
        for material in spec.materials:
            if material.path:
                found.append(path.parent / PurePosixPath(material.path.replace("\\", "/")))
    if config.source is not None:
        found.append(config.source)
        if config.branding.logo:
            logo = PurePosixPath(config.branding.logo.replace("\\", "/"))
            found.append(config.source.parent / logo)
    if templates is not None:
        found.extend(p for p in sorted(templates.rglob("*")) if p.is_file())
    return found
