"""The work of `codify check`, free of click, so that a plain check runs without importing it.

`codify.commands.check` is the click command; `codify.cli.main` calls `run` directly when the
arguments are ones it reads exactly as click would (see `codify.cli.plain_check`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from codify.commands._output import detail, echo, fail
from codify.commands._run import find_specs, say_spec_settings, settings_finder, spec_settings
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


def run(
    paths: tuple[Path, ...],
    fmt: str,
    output_file: Path | None,
    stdin_filename: str | None,
    color: str,
    strict: bool,
    quiet: bool,
    config_path: Path | None,
    against: str | None,
) -> NoReturn:
    """Check the specs in `paths` and report, as `codify check` does; exits with its code."""
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
    with _compared(against):  # CR031 and CR033, for every spec checked
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
        # click.echo strips ANSI codes when stdout is not a terminal unless told otherwise.
        echo(REPORTERS[fmt](result, colored), nl=False, color=colored)
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
    that states no current format_version costs the import of codify.migrate and the model.
    """
    from codify.vocab import FORMAT_VERSION

    for f in result.files:
        checked = f.checked  # records on the fast path: reading them builds no model
        if checked is None or checked.format_version == FORMAT_VERSION:
            continue
        from codify.diagnostics import printable
        from codify.migrate import pending

        spec = f.spec
        due = pending(spec) if spec is not None else None
        if due is not None:
            echo(f"{printable(f.path)}: note: {printable(due.note(f.path))}", err=True)


def _write(target: Path, text: str) -> None:
    """Write the report to `target`, or exit 2 saying why it could not be written."""
    try:
        target.write_text(text, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        fail(f"{target}: cannot write the output: {exc.strerror or exc}")
