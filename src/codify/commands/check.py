"""`codify check`: validate specs and report every problem with its position."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from codify.commands._common import common_options, config_option

# Re-exported: other commands colour their reports as `check` does.
from codify.commands.checking import use_color as use_color
from codify.report import REPORTERS


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(list(REPORTERS)),
    default="text",
    show_default=True,
    help="Output format: human text, JSON, GitHub Actions annotations, SARIF (code scanning), "
    "JUnit XML (test reports) or GitLab Code Quality.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Write the output to this file instead of standard output.",
)
@click.option(
    "--stdin-filename",
    help="The name to report for a spec read from standard input (`-`), and to match "
    "per-file ignores against; relative paths in it are read from its folder.",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output; 'auto' colours on a terminal unless NO_COLOR is set.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings as well as errors.")
@click.option(
    "--against",
    metavar="REV",
    help="Compare each spec with its version at git revision REV (e.g. origin/main) and report "
    "a version bump smaller than the changes need (CR031), on the version line.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing when there are no problems.")
@config_option
@common_options(quiet=False, config=False, per_spec=True)
def check(**options: Any) -> None:
    """Check specs for structural and semantic problems.

    PATHS are spec files or folders (default: the current folder). In a folder, codify checks
    every file named intervention.yaml or *.intervention.yaml, and every local profile named
    *.local.yaml (checked against the spec it adopts), skipping hidden folders. `-` reads a
    spec from standard input (name it with --stdin-filename).

    Each problem is printed as path:line:col: CODE message. `codify explain CODE` says more.
    A `# codify: ignore[CODE]` comment on a finding's line, or on the `- id:` line of the item
    it is in, suppresses it; so do per_file_ignores in the settings. Suppressed findings are
    counted in the summary, and a suppression that suppressed nothing is noted.

    Each spec is checked with its own settings: the nearest codify.toml, or pyproject.toml
    with [tool.codify], from its folder up to the repository root; --config names one file
    for all, and -v says which file each spec used.

    Exit codes: 0 no problems (warnings allowed unless --strict); 1 problems found;
    2 a path or file could not be read as YAML, or a usage error.
    """
    from codify.commands.checking import run

    # The options, typed, are `run`'s parameters: the plain check (codify.cli) calls it too.
    run(**options)
