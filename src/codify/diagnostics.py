"""The one record every problem becomes, from YAML loading to semantic rules to reporters."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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

    def location(self) -> str:
        """`path:line:col`, or as much of it as is known."""
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path
