"""The one record every problem becomes, from YAML loading to semantic rules to reporters.

Also `printable`, the single place where text from a spec, an assessment, a setting or a path
is made safe to print to a terminal or a CI log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

# Characters that must never reach a terminal or a log raw: the C0 controls (ESC starts CSI and
# OSC sequences; CR, BS and BEL rewrite or hide what was printed), DEL, the C1 controls (0x9b
# is a one-byte CSI on some terminals), lone surrogates (an undecodable file name, which would
# otherwise crash the write), the Unicode line and paragraph separators, and every
# bidirectional control character (the "Trojan Source" reordering of what a reader sees).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    point = ord(char)
    return f"\\x{point:02x}" if point <= 0xFF else f"\\u{point:04x}"


def printable(text: str, *, newlines: bool = False) -> str:
    """`text` with each control character shown as a visible escape such as `\\x1b`.

    The message stays informative (the reader sees which character was there) but cannot move
    the cursor, clear the screen, retitle the window or reorder the line. With `newlines`, a
    line feed is kept as a line break; otherwise it too is escaped, so one record stays on one
    line.
    """
    if newlines:
        return "\n".join(_UNPRINTABLE.sub(_escape, part) for part in text.split("\n"))
    return _UNPRINTABLE.sub(_escape, text)


def unprintable(text: str) -> str | None:
    """The first character in `text` that `printable` would escape, or None if there is none."""
    found = _UNPRINTABLE.search(text)
    return found[0] if found else None


class Severity(StrEnum):
    """How much a problem matters: errors fail a check; warnings fail it only with --strict."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a place in a file. Lines and columns are 1-based; 0 means unknown."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = field(default=Severity.error, compare=False)
    help: str | None = field(default=None, compare=False)
    # A spreadsheet cell such as "C7", for a problem in a workbook: shown instead of line:col.
    cell: str | None = field(default=None, compare=False)

    def location(self) -> str:
        """`path:line:col` (or `path:C7` in a workbook), or as much of it as is known."""
        if self.cell:
            return f"{self.path}:{self.cell}"
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path
