"""`codify check`: validate specs and report every problem with its position."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from codify.cli import fail


def use_color(choice: str, stream: object) -> bool:
    """Colour on a terminal only, unless forced; NO_COLOR (any value) turns it off in auto."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def load_settings(config_path: Path | None) -> object:
    """The repository's settings, or exit 2 with the problem."""
    from codify.config import ConfigError, find_config, load_config

    try:
        return load_config(config_path or find_config(Path.cwd()))
    except ConfigError as exc:
        return fail(str(exc))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="Output format: human text, JSON, GitHub Actions annotations, or SARIF.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output; 'auto' colours on a terminal unless NO_COLOR is set.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings as well as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when there are no problems.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file (default: nearest codify.toml, or pyproject.toml with [tool.codify]).",
)
def check(
    paths: tuple[Path, ...],
    fmt: str,
    color: str,
    strict: bool,
    quiet: bool,
    config_path: Path | None,
) -> None:
    """Check specs for structural and semantic problems.

    PATHS are spec files or folders (default: the current folder). In a folder, codify checks
    every file named intervention.yaml or *.intervention.yaml, skipping hidden folders.

    Each problem is printed as path:line:col: CODE message. `codify explain CODE` says more.
    Exit codes: 0 no problems (warnings allowed unless --strict); 1 problems found;
    2 a path or file could not be read as YAML, or a usage error.
    """
    from codify.checker import check_paths, discover
    from codify.config import Config
    from codify.report import REPORTERS

    config = load_settings(config_path)
    assert isinstance(config, Config)
    targets = list(paths) or [Path(".")]
    for target in targets:
        if not target.exists():
            fail(f"{target}: no such file or folder")
    if not list(discover(targets)):
        fail(
            f"no spec files found in {', '.join(map(str, targets))} "
            "(looked for intervention.yaml and *.intervention.yaml)"
        )
    result = check_paths(targets, config)
    code = result.exit_code(strict)
    if not (quiet and not result.diagnostics):
        colored = fmt == "text" and use_color(color, sys.stdout)
        # click strips ANSI codes when stdout is not a terminal unless told otherwise.
        click.echo(REPORTERS[fmt](result, colored), nl=False, color=colored)
    sys.exit(code)
