"""The one record every problem becomes, from YAML loading to semantic rules to reporters.

Also `printable`, the single place where text from a spec, an assessment, a setting or a path
is made safe to print to a terminal or a CI log.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

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


class Diagnostic:
    """A problem at a place in a file. Lines and columns are 1-based; 0 means unknown.

    Immutable, hashable and ordered by place, code and message (severity, help and cell take
    no part). Written out rather than made a dataclass: `codify check` starts faster without
    importing dataclasses, which imports inspect.
    """

    __slots__ = ("cell", "code", "column", "help", "line", "message", "path", "severity")

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity
    help: str | None
    # A spreadsheet cell such as "C7", for a problem in a workbook: shown instead of line:col.
    cell: str | None

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        code: str,
        message: str,
        severity: Severity = Severity.error,
        help: str | None = None,
        cell: str | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "path", path)
        put(self, "line", line)
        put(self, "column", column)
        put(self, "code", code)
        put(self, "message", message)
        put(self, "severity", severity)
        put(self, "help", help)
        put(self, "cell", cell)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Diagnostic cannot be changed (use replace): {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Diagnostic cannot be changed: {name}")

    def replace(self, **changes: Any) -> Diagnostic:
        """A copy with the given fields changed."""
        values = {name: getattr(self, name) for name in _DIAGNOSTIC_FIELDS} | changes
        return Diagnostic(**values)

    def _key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() >= other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _DIAGNOSTIC_FIELDS)
        return f"Diagnostic({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled field by field (pytest-xdist and multiprocessing send results between
        # processes); the slots and the refusing __setattr__ defeat the default.
        return (Diagnostic, tuple(getattr(self, name) for name in _DIAGNOSTIC_FIELDS))

    def location(self) -> str:
        """`path:line:col` (or `path:C7` in a workbook), or as much of it as is known."""
        if self.cell:
            return f"{self.path}:{self.cell}"
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path


_DIAGNOSTIC_FIELDS = ("path", "line", "column", "code", "message", "severity", "help", "cell")
