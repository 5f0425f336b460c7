"""The `codify` command line: a thin layer that parses options and calls the library.

Subcommands are imported only when run, so `codify check` never pays for the generators'
imports (jinja2, mkdocs) at start-up. A plain `codify check` (the call pre-commit, CI and
editors make) does not import click either: `main` reads its arguments with `plain_check`,
which knows the check command's options from a copy of them that a test keeps equal to the
click command's, and hands anything it is not sure of to click, which parses it, reports
usage errors and prints help as for every other command.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codify.diagnostics import printable

if TYPE_CHECKING:
    import click

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
    "network": ("codify.commands.network", "network", "Report on a network of sites over time."),
    "changes": (
        "codify.commands.changes",
        "changes",
        "Write what changed for adopters, per release.",
    ),
    "references": (
        "codify.commands.references",
        "references",
        "Import references from BibTeX, RIS or CSL-JSON as spec YAML.",
    ),
}


def _group() -> Any:
    """The click group of every command, made on first use (`codify.cli.cli`)."""
    import click

    from codify import __version__

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

    return cli


_CLI: list[Any] = []


def __getattr__(name: str) -> Any:
    """`cli`, the click group, built when first imported (`from codify.cli import cli`)."""
    if name == "cli":
        if not _CLI:
            _CLI.append(_group())
        return _CLI[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    cli: click.Group


# `codify check`'s options as `plain_check` reads them: option -> (parameter, kind, choices).
# Kinds: "flag" (True when given), "count" (how often), "text", "path" and "choice" (one value
# each). A copy of what codify.commands.check declares to click; a test keeps them equal.
CHECK_OPTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "--format": ("fmt", "choice", ("text", "json", "github", "sarif", "junit", "gitlab")),
    "--output-format": ("fmt", "choice", ("text", "json", "github", "sarif", "junit", "gitlab")),
    "-o": ("output_file", "path", ()),
    "--output-file": ("output_file", "path", ()),
    "--stdin-filename": ("stdin_filename", "text", ()),
    "--color": ("color", "choice", ("auto", "always", "never")),
    "--strict": ("strict", "flag", ()),
    "--against": ("against", "text", ()),
    "-q": ("quiet", "flag", ()),
    "--quiet": ("quiet", "flag", ()),
    "--config": ("config_path", "path", ()),
    "-v": ("verbose", "count", ()),
    "--verbose": ("verbose", "count", ()),
}
CHECK_DEFAULTS: dict[str, Any] = {
    "fmt": "text",
    "output_file": None,
    "stdin_filename": None,
    "color": "auto",
    "strict": False,
    "against": None,
    "quiet": False,
    "config_path": None,
    "verbose": 0,
}


def plain_check(args: list[str]) -> dict[str, Any] | None:
    """`codify check ARGS` read as click would read it, or None when click should read it.

    Only plain forms are read: `--option value`, `--option=value`, a short option and its
    value as two words, flags alone, and `--` before paths. Anything else (help, a word that
    looks like an option but is not one, a value that is not a choice, a missing value, short
    options run together, a path option naming a folder) is left to click, which reports it.
    """
    if not args or args[0] != "check":
        return None
    found: dict[str, Any] = dict(CHECK_DEFAULTS)
    paths: list[Path] = []
    words = iter(args[1:])
    for word in words:
        if word == "--":
            paths.extend(Path(w) for w in words)
            break
        if word == "-" or not word.startswith("-"):
            paths.append(Path(word))
            continue
        name, eq, value = word.partition("=")
        if name not in CHECK_OPTIONS or (eq and not name.startswith("--")):
            return None
        param, kind, choices = CHECK_OPTIONS[name]
        if kind in ("flag", "count"):
            if eq:
                return None
            found[param] = True if kind == "flag" else found[param] + 1
            continue
        if not eq:
            value = next(words, "")
            if value.startswith("-") and value != "-":
                return None  # click would say the option needs a value, or read it oddly
        if not value or (kind == "choice" and value not in choices):
            return None
        if kind == "path":
            if Path(value).is_dir():
                return None  # click refuses a folder here, with its own words
            found[param] = Path(value)
        else:
            found[param] = value
    found["paths"] = tuple(paths)
    return found


def _run_plain(parsed: dict[str, Any], hard_exit: bool) -> None:
    """Run a check read by `plain_check`, doing first what the shared options do.

    With `hard_exit` (the `codify` command itself), the process ends as soon as the report is
    out, without Python tidying away every object the check made: for a large spec that
    teardown is a tenth of the run, and a check leaves nothing that needs it (its report file
    is closed, and nothing registers exit handlers). mypy ends its runs the same way. Under a
    profiler or a tracer (coverage, a debugger) the run ends normally, for them to write.
    """
    from codify.commands import _output
    from codify.commands._run import prepare
    from codify.commands.checking import run

    verbose = parsed.pop("verbose")
    _output.plain_meta = {"codify.verbose": verbose} if verbose else {}
    try:
        prepare(parsed["config_path"], config=False, per_spec=True)
        run(**parsed)
    except SystemExit as done:
        # Not under a profiler, a coverage tracer or a debugger: each writes its results at
        # exit, which ending the process directly would lose.
        if not hard_exit or sys.getprofile() is not None or sys.gettrace() is not None:
            raise
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a reader gone, a stream closed
                stream.flush()
        os._exit(code)
    finally:  # the run's options end with it, for whatever else the process does next
        _output.plain_meta = None


def entry() -> None:
    """The `codify` command (and `python -m codify`): `main`, ending a plain check at once."""
    main(hard_exit=True)


def main(argv: list[str] | None = None, *, hard_exit: bool = False) -> None:
    """Entry point: run the CLI, turning unexpected errors into a short message and exit 2.

    Called from Python (tests, other tools) it raises SystemExit as click does; `entry`, the
    installed command, lets a plain check end the process directly (see `_run_plain`).
    """
    debug = "--debug" in (argv if argv is not None else sys.argv[1:]) or bool(
        os.environ.get("CODIFY_DEBUG")
    )
    args = list(argv if argv is not None else sys.argv[1:])
    try:
        # Shell completion (click reads the words from the environment) is click's alone.
        completing = "_CODIFY_COMPLETE" in os.environ
        parsed = None if completing else plain_check(args[1:] if args[:1] == ["--debug"] else args)
        if parsed is not None:
            _run_plain(parsed, hard_exit)  # exits
        __getattr__("cli").main(args=args, prog_name="codify", standalone_mode=True)
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130 if not isinstance(sys.exc_info()[1], BrokenPipeError) else 0)
    except Exception as exc:
        if debug:
            raise
        from codify.commands._output import echo

        detail = printable(f"{exc.__class__.__name__}: {exc}")
        echo(f"codify: internal error: {detail}", err=True)
        echo("Run again with --debug for a traceback, and please report it.", err=True)
        sys.exit(2)
