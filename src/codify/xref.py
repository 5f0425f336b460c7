"""Cross-references in prose: how any text field of a spec points at another part of it.

`[[id]]` names a core or adaptable element, a practice to avoid, a role, a material, a
procedure, a phase, a readiness criterion, a fidelity criterion, an outcome or a reference by
its id; `[[id|words]]` shows the words instead of the target's name. `\\[[` is written as it
is. `codify check` reports an id the spec does not define (CR026); every output shows the
target's name, linked where the output can link (the HTML handbook, the PDF, the site).

This module is the one definition of the syntax: the rule, the filters and the documents'
resolver all read it. It imports nothing heavy, as the check loads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

# An id as the format defines one, between double brackets, optionally followed by `|words`.
PATTERN = re.compile(r"(?<!\\)\[\[\s*([a-z][a-z0-9_-]*)\s*(?:\|([^\[\]\n]*))?\]\]")
# Anything written in double brackets, to catch the ones whose inside is not an id at all.
LOOSE = re.compile(r"(?<!\\)\[\[([^\[\]\n]{0,200})\]\]")
# `\[[`: brackets the author wants printed, not a cross-reference.
ESCAPED = re.compile(r"\\(\[\[)")

SYNTAX = "[[id]] or [[id|words]]"


class XRef(NamedTuple):
    """One cross-reference: the id it names, the words to show instead (if any), and where."""

    id: str
    words: str | None
    start: int
    end: int
    raw: str


def find(text: str) -> Iterator[XRef]:
    """Every well-formed cross-reference in the text, in order."""
    if "[[" not in text:
        return
    for m in PATTERN.finditer(text):
        words = m.group(2).strip() if m.group(2) is not None else None
        yield XRef(m.group(1), words or None, m.start(), m.end(), m.group(0))


def malformed(text: str) -> Iterator[str]:
    """Each `[[...]]` in the text whose inside is not an id (with optional words)."""
    if "[[" not in text:
        return
    for m in LOOSE.finditer(text):
        if not PATTERN.fullmatch(m.group(0)):
            yield m.group(0)


def expand(text: str, show: Callable[[XRef], str]) -> str:
    """The text with each cross-reference replaced by `show(ref)`, and `\\[[` unescaped.

    `show` decides the form: a Markdown link, or the target's name as words.
    """
    if "[[" not in text:
        return text
    out: list[str] = []
    last = 0
    for ref in find(text):
        out.append(text[last : ref.start])
        out.append(show(ref))
        last = ref.end
    out.append(text[last:])
    return ESCAPED.sub(r"\1", "".join(out))


def as_words(ident: str) -> str:
    """An id as words, for a cross-reference nothing resolves (only under --force)."""
    return ident.replace("_", " ").replace("-", " ")
