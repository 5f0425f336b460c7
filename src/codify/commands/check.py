"""`codify check`: validate specs and report every problem with its position."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from codify.commands._common import config_option, find_specs, load_settings
from codify.report import REPORTERS


def use_color(choice: str, stream: object) -> bool:
    """Colour on a terminal only, unless forced; NO_COLOR (any value) turns it off in auto."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORTERS)),
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
@config_option
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
    from codify.checker import check_paths

    config = load_settings(config_path)
    result = check_paths(find_specs(list(paths) or [Path(".")]), config)
    code = result.exit_code(strict)
    if not (quiet and not result.diagnostics):
        colored = fmt == "text" and use_color(color, sys.stdout)
        # click strips ANSI codes when stdout is not a terminal unless told otherwise.
        click.echo(REPORTERS[fmt](result, colored), nl=False, color=colored)
    sys.exit(code)
