"""Suppressing a finding: `# codify: ignore[CODE]` comments in a spec, and per-file ignores.

A comment on the line of a finding suppresses that finding; a comment on the line where a list
item starts (its `- id:` line) suppresses the codes it names anywhere inside that item. Only the
semantic rules (CR codes) can be suppressed: a file that is not a well-formed spec cannot be
checked further, so hiding a load or structure problem would hide every rule behind it.

Suppressed findings are kept, not dropped, so that every reporter can say how many there were,
and a comment that suppressed nothing is reported as a note, as ruff reports an unused `noqa`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from codify.diagnostics import Diagnostic

if TYPE_CHECKING:
    from codify.loader import Document, JsonPath

# `codify: ignore[CR011]` or `codify: ignore[CR011, CR022]` inside a YAML comment. The text is
# found first with a cheap search of the whole file, so a spec without one pays nothing more.
MARKER = re.compile(r"codify:\s*ignore\b")
_COMMENT = re.compile(r"#\s*codify:\s*ignore(?:\[(?P<codes>[^\]\n]*)\])?")


class Note(NamedTuple):
    """Something worth saying about a spec that is not a problem in it: an unused suppression.

    Notes never change the exit code; reporters that have a place for them show them."""

    path: str
    line: int
    column: int
    message: str

    def location(self) -> str:
        """`path:line:col`, as a diagnostic's."""
        return f"{self.path}:{self.line}:{self.column}" if self.line else self.path


class Suppressed(NamedTuple):
    """A finding that a comment or a per-file ignore suppressed, and what suppressed it."""

    diagnostic: Diagnostic
    by: str


class Comment:
    """One `# codify: ignore[...]` comment: where it is, the codes it names, which it used.

    (Named tuples and a plain class here, not dataclasses: `codify check` starts faster
    without importing dataclasses, which imports inspect.)
    """

    __slots__ = ("codes", "column", "element", "line", "used")

    def __init__(
        self,
        line: int,
        column: int,
        codes: tuple[str, ...],
        element: JsonPath | None = None,  # the list item starting on its line, if any
    ) -> None:
        self.line = line
        self.column = column
        self.codes = codes
        self.element = element
        self.used: set[str] = set()

    def __repr__(self) -> str:
        return f"Comment(line={self.line}, column={self.column}, codes={self.codes!r})"

    def covers(self, code: str, line: int, path: JsonPath) -> bool:
        """Whether this comment suppresses `code` found at `line` and `path`."""
        if code not in self.codes:
            return False
        if line == self.line:
            return True
        return self.element is not None and path[: len(self.element)] == self.element


def comments(doc: Document) -> list[Comment]:
    """Every suppression comment in the document, read from the YAML's own comment tokens.

    Scanning the file's lines for `#` would also find text inside a quoted string or a `|`
    block, which is content rather than a comment; the YAML scanner knows the difference. It is
    the slower pure-Python scanner, so it runs only on a file that mentions `codify: ignore`.
    """
    if not MARKER.search(doc.text):
        return []
    found: list[Comment] = []
    items: dict[int, JsonPath] | None = None  # made once, at the first comment
    for line, column, text in _comment_tokens(doc.text):
        match = _COMMENT.search(text)
        if match is None:
            continue
        raw = match["codes"]
        codes = tuple(c.strip() for c in raw.split(",") if c.strip()) if raw is not None else ()
        if items is None:
            items = _items_by_line(doc)
        found.append(Comment(line, column + match.start(), codes, items.get(line)))
    return found


def _comment_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(1-based line, 1-based column, text) of each comment line in the YAML text."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.tokens import CommentToken

    def walk(value: Any) -> Iterator[CommentToken]:
        if isinstance(value, CommentToken):
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    seen: set[tuple[int, int]] = set()
    try:
        for token in YAML(typ="rt").scan(text):
            for comment in walk(getattr(token, "_comment", None)):
                line, column = comment.start_mark.line + 1, comment.start_mark.column + 1
                # Consecutive comment lines can come as one token: split them, each on its line.
                for offset, part in enumerate(comment.value.split("\n")):
                    if part.strip() and (line + offset, column) not in seen:
                        seen.add((line + offset, column))
                        yield line + offset, column if offset == 0 else 1, part
    except YAMLError:  # the file loaded, so this is unexpected; a suppression is then unread
        return


def _items_by_line(doc: Document) -> dict[int, JsonPath]:
    """For each line where one starts, the innermost list item that is a mapping.

    Made in one pass over the positions, so that a spec with a suppression comment on every
    item costs no more than one with a single comment (once a pass per comment).
    """
    best: dict[int, JsonPath] = {}
    for path, (at, _) in doc.positions.items():
        if not path or not isinstance(path[-1], int):
            continue
        known = best.get(at)
        if (known is None or len(path) > len(known)) and isinstance(_value(doc.data, path), dict):
            best[at] = path
    return best


def _value(data: Any, path: JsonPath) -> Any:
    """The value at `path` in the loaded data, or None if the path leads nowhere."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def apply(
    doc: Document,
    findings: Iterable[tuple[Diagnostic, JsonPath]],
    per_file: dict[str, str],
) -> tuple[list[Diagnostic], list[Suppressed], list[Note]]:
    """Split findings into those reported and those suppressed; note unusable suppressions.

    `per_file` maps each code the settings' per-file ignores switch off for this file to the
    pattern that matched, which is named when the suppression is reported.
    """
    from codify.codes import CODES

    marks = comments(doc)
    kept: list[Diagnostic] = []
    suppressed: list[Suppressed] = []
    for diagnostic, path in findings:
        by = next((c for c in marks if c.covers(diagnostic.code, diagnostic.line, path)), None)
        if by is not None:
            by.used.add(diagnostic.code)
            suppressed.append(Suppressed(diagnostic, f"comment on line {by.line}"))
        elif diagnostic.code in per_file:
            pattern = per_file[diagnostic.code]
            suppressed.append(Suppressed(diagnostic, f"per_file_ignores pattern {pattern!r}"))
        else:
            kept.append(diagnostic)
    notes: list[Note] = []
    for c in marks:
        if not c.codes:
            notes.append(
                Note(
                    doc.path,
                    c.line,
                    c.column,
                    "'codify: ignore' names no code; write the codes it suppresses, "
                    "e.g. # codify: ignore[CR011]",
                )
            )
        for code in c.codes:
            entry = CODES.get(code)
            if entry is None:
                why = f"'{code}' is not a codify code (`codify rules` lists them)"
            elif not entry.configurable:
                why = f"{code} cannot be suppressed: only the semantic rules (CR codes) can be"
            elif code not in c.used:
                why = f"unused suppression: no {code} finding here"
            else:
                continue
            notes.append(Note(doc.path, c.line, c.column, why))
    return kept, suppressed, notes
