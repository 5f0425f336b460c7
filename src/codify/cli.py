"""The `codify` command line: a thin layer that parses options and calls the library.

Subcommands are imported only when run, so `codify check` never pays for the generators'
imports (jinja2, mkdocs) at start-up.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from codify import __version__
from codify.diagnostics import printable

# name -> (module, attribute, one-line help shown in `codify --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": (
        "codify.commands.check",
        "check",
        "Check specs for structural and semantic problems.",
    ),
    "rules": ("codify.commands.rules", "rules", "List every diagnostic code and rule."),
    "explain": ("codify.commands.rules", "explain", "Explain one code: what, why, and an example."),
    "tidier": (
        "codify.commands.tidier",
        "tidier",
        "Show the TIDieR checklist filled in from a spec.",
    ),
    "schema": ("codify.commands.schema", "schema", "Print the JSON Schema of the spec format."),
    "init": ("codify.commands.init", "init", "Create a new, commented spec to fill in."),
    "build": (
        "codify.commands.build",
        "build",
        "Build the adopter handbook and fidelity checklist.",
    ),
    "site": ("codify.commands.site", "site", "Generate a Material for MkDocs replication site."),
    "score": ("codify.commands.score", "score", "Check and score a filled-in fidelity assessment."),
    "migrate": ("codify.commands.migrate", "migrate", "Update specs written for an older format."),
    "diff": ("codify.commands.diff", "diff", "Classify what changed between two spec versions."),
    "changes": (
        "codify.commands.changes",
        "changes",
        "Write what changed for adopters, per release.",
    ),
    "network": ("codify.commands.network", "network", "Report on a network of sites over time."),
    "references": (
        "codify.commands.references",
        "references",
        "Import references from BibTeX, RIS or CSL-JSON as spec YAML.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="codify")
@click.option("--debug", is_flag=True, help="Show a Python traceback for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Codify a health-care intervention so that other organisations can replicate it.

    Write the intervention as a YAML spec (intervention.yaml), check it, and build the
    handbook, fidelity checklist and site that adopters use.

    Exit codes: 0 no problems; 1 problems found; 2 usage error or unreadable input.
    """
    ctx.obj = {"debug": debug}


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning unexpected errors into a short message and exit 2."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:]) or bool(
        os.environ.get("CODIFY_DEBUG")
    )
    try:
        cli.main(args=argv, prog_name="codify", standalone_mode=True)
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130 if not isinstance(sys.exc_info()[1], BrokenPipeError) else 0)
    except Exception as exc:
        if debug:
            raise
        detail = printable(f"{exc.__class__.__name__}: {exc}")
        click.echo(f"codify: internal error: {detail}", err=True)
        click.echo("Run again with --debug for a traceback, and please report it.", err=True)
        sys.exit(2)
