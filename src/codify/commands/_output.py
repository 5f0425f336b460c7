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
