"""How commands print their own lines and stop with an error, escaping text from files.

Kept out of `codify.cli` so that command modules do not depend on the CLI root that loads them.
"""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from codify.diagnostics import printable


def say(message: str, *, err: bool = False) -> None:
    """Print one line of a command's own output, with control characters shown as escapes.

    Paths, ids and notes in these lines can come from a spec or a file name, so nothing in
    them may move the cursor or forge another line.
    """
    click.echo(printable(message), err=err)


def complain(message: str) -> None:
    """Print `codify: message` to stderr, as `fail` does, and carry on.

    Messages often carry a path or text from a file, so control characters are shown as
    escapes. A line break is kept, for messages written over several lines, but every line
    after the first is indented: nothing in a message can pose as a separate line of output.
    """
    lines = printable(message, newlines=True).split("\n")
    click.echo("codify: " + "\n  ".join(lines), err=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `codify: message` to stderr (see `complain`) and exit (2 by default: usage or
    input error)."""
    complain(message)
    sys.exit(code)


def verbosity() -> int:
    """How much the running command should say on stderr: -1 with -q, 0 by default, 1 or more
    with -v (`-vv` is 2). Read from the click context, where the shared options store it."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return 0
    if ctx.find_root().meta.get("codify.quiet"):
        return -1
    level: int = ctx.find_root().meta.get("codify.verbose", 0)
    return level


def detail(message: str) -> None:
    """Print `codify: message` to stderr only with -v: what was read, checked or skipped."""
    if verbosity() > 0:
        complain(message)
