"""How commands print their own lines and stop with an error, escaping text from files.

Kept out of `codify.cli` so that command modules do not depend on the CLI root that loads them,
and free of click, so that `codify check` can run without importing it (see `codify.cli.main`).
"""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from codify.diagnostics import printable

# What the shared options (-v, -q, --config) keep for a run that click is not running: the
# click-free `codify check` sets it for its one run. Under click, the root context's `meta`.
plain_meta: dict[str, Any] | None = None


def run_meta() -> dict[str, Any]:
    """Where the running command's shared options are kept: click's root context `meta`, or,
    when click is not running it, `plain_meta` (an empty dict when neither is set)."""
    click = sys.modules.get("click")
    ctx = click.get_current_context(silent=True) if click is not None else None
    if ctx is not None:
        meta: dict[str, Any] = ctx.find_root().meta
        return meta
    return plain_meta if plain_meta is not None else {}


def echo(text: str, *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Write `text` to stdout or stderr: through click.echo when click is loaded (it handles
    Windows consoles and test runners' streams), else straight to the stream."""
    click = sys.modules.get("click")
    if click is not None:
        click.echo(text, err=err, nl=nl, color=color)
        return
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n" if nl else text)
    stream.flush()


def say(message: str, *, err: bool = False) -> None:
    """Print one line of a command's own output, with control characters shown as escapes.

    Paths, ids and notes in these lines can come from a spec or a file name, so nothing in
    them may move the cursor or forge another line.
    """
    echo(printable(message), err=err)


def complain(message: str) -> None:
    """Print `codify: message` to stderr, as `fail` does, and carry on.

    Messages often carry a path or text from a file, so control characters are shown as
    escapes. A line break is kept, for messages written over several lines, but every line
    after the first is indented: nothing in a message can pose as a separate line of output.
    """
    lines = printable(message, newlines=True).split("\n")
    echo("codify: " + "\n  ".join(lines), err=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `codify: message` to stderr (see `complain`) and exit (2 by default: usage or
    input error)."""
    complain(message)
    sys.exit(code)


def verbosity() -> int:
    """How much the running command should say on stderr: -1 with -q, 0 by default, 1 or more
    with -v (`-vv` is 2). Read from where the shared options keep it (`run_meta`)."""
    meta = run_meta()
    if meta.get("codify.quiet"):
        return -1
    level: int = meta.get("codify.verbose", 0)
    return level


def detail(message: str) -> None:
    """Print `codify: message` to stderr only with -v: what was read, checked or skipped."""
    if verbosity() > 0:
        complain(message)
