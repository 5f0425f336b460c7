"""`codify migrate`: rewrite specs written for an older format for the current one, in place."""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import sys
import tempfile
from pathlib import Path

import click

from codify.commands._common import common_options, find_specs
from codify.commands._output import detail, say, verbosity


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the changes as a unified diff and write nothing.",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 if any spec needs migrating (for CI).",
)
@common_options()
def migrate(paths: tuple[Path, ...], show_diff: bool, check_only: bool) -> None:
    """Update specs written for an older format to the current one, in place.

    PATHS are spec files or folders; in a folder, every intervention.yaml and
    *.intervention.yaml is migrated, as `codify check` finds them. A spec written for format 1
    gains `format_version: "2"` and, on each role that does not say, `required: true` (in
    format 1 such a role was required; in format 2 it is "not stated"). Nothing else changes:
    comments, key order, quoting and layout stay as they are, byte for byte. A spec already at
    the current format is left untouched, so running it twice changes nothing.

    The new text is written to a temporary file beside the spec and moved over it, so an
    interrupted run leaves the old file or the new one, never half of each. A symbolic link
    is not written through: migrate the file it points to.

    Exit codes: 0 done (or nothing to do); 1 with --check, some spec needs migrating;
    2 a file could not be read as YAML, is written for a newer format, or could not be written.
    """
    from codify.loader import LoadError, decode_text, read_untrusted
    from codify.migrate import MigrationError, migrate_text

    specs = find_specs(paths)
    counts = {"migrated": 0, "current": 0, "failed": 0}
    out = sys.stderr if show_diff else sys.stdout  # with --diff, stdout is the patch alone
    for spec in specs:
        name = str(spec)
        try:
            raw = read_untrusted(spec, name)
            text = decode_text(raw, name)
            result = migrate_text(_bom(raw) + text, name)
        except LoadError as exc:
            d = exc.diagnostic
            _error(f"{d.location()}: {d.code} {d.message}")
            counts["failed"] += 1
            continue
        except MigrationError as exc:
            where = f"{name}:{exc.line}:{exc.column}" if exc.line else name
            _error(f"{where}: {exc.code + ' ' if exc.code else ''}{exc.message}")
            counts["failed"] += 1
            continue
        if not result.changed:
            counts["current"] += 1
            _status(f"{name}: already at format {result.target_version}, nothing to do", out)
            continue
        counts["migrated"] += 1
        if verbosity() > 0:
            for change in result.changes:
                detail(f"{name}:{change.line}: {change.path}: {change.description}")
        if show_diff:
            click.echo(unified_diff(text, result.text.removeprefix("\ufeff"), name), nl=False)
        if show_diff or check_only:
            summary = result.summary()
            _status(f"{name}: would migrate from format {result.source_version} ({summary})", out)
            continue
        problem = write_in_place(spec, result.text.encode("utf-8"), raw)
        if problem:
            _error(f"{name}: {problem}")
            counts["migrated"] -= 1
            counts["failed"] += 1
            continue
        _status(f"{name}: migrated from format {result.source_version} ({result.summary()})", out)
    _summary(counts, show_diff or check_only, out)
    if counts["failed"]:
        sys.exit(2)
    sys.exit(1 if check_only and counts["migrated"] else 0)


def _bom(raw: bytes) -> str:
    """The byte-order mark `decode_text` strips, to put back so the file keeps it."""
    return "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""


def _error(message: str) -> None:
    """A problem with one file, always printed, on stderr."""
    say(message, err=True)


def _status(message: str, stream: object) -> None:
    """A line about one file, unless -q."""
    if verbosity() >= 0:
        say(message, err=stream is sys.stderr)


def _summary(counts: dict[str, int], dry: bool, stream: object) -> None:
    """One line counting what was (or would be) migrated, what was current, and what failed."""
    if verbosity() < 0:
        return

    def files(n: int) -> str:
        return f"{n} file{'s' if n != 1 else ''}"

    parts = []
    if counts["migrated"] or not (counts["current"] or counts["failed"]):
        verb = "would be migrated" if dry else "migrated"
        parts.append(f"{files(counts['migrated'])} {verb}")
    if counts["current"]:
        parts.append(f"{files(counts['current'])} already at the current format")
    if counts["failed"]:
        parts.append(f"{files(counts['failed'])} could not be migrated")
    say(", ".join(parts) + ".", err=stream is sys.stderr)


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff from `old` to `new`, both labelled `name`, as `patch` and git read it.

    A last line without a line break gets git's "\\ No newline at end of file" marker, so the
    diff applies as printed.
    """
    lines = []
    for line in difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), name, name
    ):
        lines.append(line)
        if not line.endswith("\n"):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def write_in_place(path: Path, data: bytes, expected: bytes) -> str | None:
    """Replace the file at `path` with `data` atomically; None when done, else why not.

    The new content goes to a temporary file in the same folder, which takes the old file's
    permissions and is then moved over it with os.replace, so a reader sees the old file or
    the new one, never a part of either. A symbolic link is refused rather than followed: the
    file it points to may be anywhere, and replacing the link would turn it into a copy. The
    file is read again just before the move, and a file changed since it was read is left
    as it is.
    """
    if path.is_symlink():
        return (
            f"is a symbolic link (to {os.readlink(path)}); nothing was written: migrate the "
            "file it points to"
        )
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        return f"cannot write it: {exc.strerror or exc}"
    moved = False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if path.is_symlink() or path.read_bytes() != expected:
            return "changed while it was being migrated; nothing was written: run again"
        os.replace(tmp, path)
        moved = True
    except OSError as exc:
        return f"cannot write it: {exc.strerror or exc}"
    finally:
        if not moved:  # also on Ctrl-C: no temporary file is left behind
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return None
