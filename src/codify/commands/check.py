"""`codify check`: validate specs and report every problem with its position."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from codify.commands._common import (
    common_options,
    config_option,
    find_specs,
    say_spec_settings,
    settings_finder,
    spec_settings,
)
from codify.commands._output import detail, fail
from codify.report import REPORTERS

if TYPE_CHECKING:
    from codify.checker import CheckResult, FileResult
    from codify.config import Config


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
def check(
    paths: tuple[Path, ...],
    fmt: str,
    output_file: Path | None,
    stdin_filename: str | None,
    color: str,
    strict: bool,
    quiet: bool,
    config_path: Path | None,
    against: str | None,
) -> None:
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
    from codify.checker import CheckResult, check_paths

    stdin = [p for p in paths if str(p) == "-"]
    files = [p for p in paths if str(p) != "-"]
    if len(stdin) > 1:
        fail("`-` (standard input) is given more than once")
    if stdin_filename is not None and not stdin:
        if files:
            fail("--stdin-filename names a spec read from standard input: add `-` to the paths")
        stdin = [Path("-")]  # as ruff: a name for standard input and no paths means read it
    # Each spec is checked with its own settings, found from its folder upwards (a spec on
    # standard input from its --stdin-filename's folder, else the current one), unless
    # --config names one file for all. Every file is read and vetted before any spec is
    # checked, so a mistake in one stops the run before any report.
    finder = settings_finder(config_path)
    results: list[FileResult] = []
    click.get_current_context().with_resource(_compared(against))  # CR031, until the end
    if stdin:
        named = Path(stdin_filename) if stdin_filename else None
        results.append(_check_stdin(stdin_filename, spec_settings(finder, named)))
    if files or not stdin:
        found = find_specs(files or [Path(".")], profiles=True)
        settings = {path: spec_settings(finder, path) for path in found}
        results += check_paths(found, settings.__getitem__).files
    result = CheckResult(results)
    _details(result)
    if fmt == "text" and not quiet:  # the machine formats stay exactly as they were
        _migration_notes(result)
    code = result.exit_code(strict)
    if output_file is not None and str(output_file) != "-":
        # A report file is written even when clean and quiet: CI uploads it either way, and an
        # empty SARIF run is what closes the alerts a fixed spec had.
        _write(output_file, REPORTERS[fmt](result, False))
    elif not (quiet and not result.diagnostics):
        colored = fmt == "text" and use_color(color, sys.stdout)
        # click strips ANSI codes when stdout is not a terminal unless told otherwise.
        click.echo(REPORTERS[fmt](result, colored), nl=False, color=colored)
    sys.exit(code)


@contextlib.contextmanager
def _compared(rev: str | None) -> Iterator[None]:
    """With --against, CR031 compares each spec with its version at `rev` for the whole check;
    git missing, or a revision the repository lacks, is a usage error (exit 2) before any."""
    if rev is None:
        yield
        return
    from codify import diff

    try:
        diff.check_revision(rev, Path.cwd())
    except diff.DiffError as exc:
        fail(f"--against: {exc}")
    with diff.against(rev):
        yield


def _check_stdin(name: str | None, config: Config) -> FileResult:
    """Check the spec on standard input, read as a file is (at most the same size)."""
    from codify.checker import FileResult, check_source
    from codify.codes import UNREADABLE_FILE
    from codify.diagnostics import Diagnostic
    from codify.loader import MAX_BYTES

    display = name or "-"
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        message = f"standard input is larger than {MAX_BYTES // (1024 * 1024)} MB"
        return FileResult(display, [Diagnostic(display, 0, 0, UNREADABLE_FILE, message)], False)
    folder = Path(name).parent if name else None
    detail(f"checking {display} (standard input)")
    return check_source(raw, display, config, folder)


def _details(result: CheckResult) -> None:
    """With -v, on stderr: each file checked, and each suppressed finding with what did it."""
    from codify.diagnostics import printable

    for f in result.files:
        say_spec_settings([f])
        counts = f"errors: {f.errors}, warnings: {f.warnings}, suppressed: {len(f.suppressed)}"
        detail(f"checked {printable(f.path)}: {counts}")
        for s in f.suppressed:
            d = s.diagnostic
            detail(f"{d.location()}: {d.code} {printable(d.message)} (suppressed by {s.by})")


def _migration_notes(result: CheckResult) -> None:
    """On stderr, a note for each spec written for an older format, which `codify migrate`
    updates (or for a newer one than codify reads).

    A note, not a finding: a spec written for format 1 means what it always meant and passes
    as it did, --strict included, and the machine formats on stdout are unchanged. Only a spec
    that states no current format_version costs the import of codify.migrate, which reads the
    model that was built anyway.
    """
    for f in result.files:
        if f.spec is None:
            continue
        from codify.model import FORMAT_VERSION  # built already, with the spec

        if f.spec.format_version == FORMAT_VERSION:
            continue
        from codify.diagnostics import printable
        from codify.migrate import pending

        due = pending(f.spec)
        if due is not None:
            click.echo(f"{printable(f.path)}: note: {printable(due.note(f.path))}", err=True)


def _write(target: Path, text: str) -> None:
    """Write the report to `target`, or exit 2 saying why it could not be written."""
    try:
        target.write_text(text, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        fail(f"{target}: cannot write the output: {exc.strerror or exc}")
