"""Structural validation: the JSON Schema, with every error in plain words at its YAML position.

Also the helpers every message built from untrusted text uses: `shown` quotes a value so that it
cannot forge output (escaping as `diagnostics.printable` does), and `Suggester` finds
did-you-mean hints with bounded work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

# The structural codes (CS) are in the code table with every other; they are always errors.
from codify.codes import EMPTY_VALUE, INVALID_VALUE, MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE
from codify.diagnostics import Diagnostic, printable
from codify.loader import Document, JsonPath, kind_of

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


if TYPE_CHECKING:
    from difflib import SequenceMatcher

# --- showing untrusted text in a message --------------------------------------------------------

# Characters that must never reach a terminal, a log or a generated file from a spec: C0 controls
# other than tab and newline, DEL, C1 controls, the bidirectional embeddings, overrides and
# isolates that reorder how text is displayed ("Trojan Source"), and lone surrogates, which are
# not characters at all and cannot be written as UTF-8.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def character_name(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`, or `U+001B (\\x1b)` for a character with no name."""
    import unicodedata

    return f"U+{ord(char):04X} ({unicodedata.name(char, '') or printable(char)})"


def shown(value: object, limit: int = 60) -> str:
    """A value from a file as a message may show it: quoted, escaped, and cut short if long.

    Every message that repeats text from a spec, an assessment or a settings file goes through
    this, so that no input can colour a terminal, forge a line of output or flood a log.
    """
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "..."
        return "'" + printable(text) + "'"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        text = str(value)
        return text if len(text) <= limit else text[:limit] + "..."
    from codify.loader import kind_of

    return kind_of(value)


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,59}")


def format_path(path: JsonPath) -> str:
    """`core_elements[2].fidelity` style, as a reader of the YAML would name the node.

    A key that is not a plain name (it holds spaces, controls or is very long) is shown quoted
    and escaped, `core_elements[0]['odd key']`, so that the path cannot break the line.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and _PLAIN_KEY.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{shown(part)}]"
    return out or "(top level)"


# --- did you mean? ----------------------------------------------------------------------------

# Words and candidates longer than this get no suggestion: nobody mistypes an 80-character name
# expecting one, and comparing long strings is what makes difflib slow.
SUGGEST_MAX_LENGTH = 80
# The work one file may spend on suggestions, in units of about one candidate looked at (a full
# comparison costs its two lengths): a third of a second at most. Past it, messages simply carry
# no suggestion, so that thousands of typos cost time in proportion to their number, while a
# spec with a few hundred ids still gets a hint for each of a few hundred typos.
SUGGEST_BUDGET = 400_000


class SuggestionBudget:
    """The work left for did-you-mean hints in one file, shared by every Suggester it is given to."""

    def __init__(self, units: int = SUGGEST_BUDGET) -> None:
        self.units = units

    def spend(self, units: int) -> bool:
        """Take `units` from the budget; False once it is used up."""
        self.units -= units
        return self.units >= 0


class Suggester:
    """Did-you-mean hints against one set of names, with bounded work per file.

    Build one per set of names and call it for every unknown word: candidates are sorted and
    grouped by length once, each distinct word is looked up once, candidates whose length rules
    them out are never compared, and the shared budget stops the search when it is spent. Gives
    the same answer as `difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)`, plus a
    case-insensitive exact match first (`cr011` finds `CR011`).
    """

    def __init__(self, candidates: Iterable[str], budget: SuggestionBudget | None = None) -> None:
        self.budget = budget if budget is not None else SuggestionBudget()
        self.by_length: dict[int, list[str]] = {}
        self.folded: dict[str, str] = {}
        for name in sorted(set(candidates)):
            if len(name) <= SUGGEST_MAX_LENGTH:
                self.by_length.setdefault(len(name), []).append(name)
                self.folded.setdefault(name.casefold(), name)
        self.cache: dict[str, str | None] = {}
        self._matcher: SequenceMatcher[str] | None = None

    def __call__(self, word: str) -> str | None:
        """The closest candidate to `word`, or None."""
        if word in self.cache:
            return self.cache[word]
        found = self._closest(word)
        self.cache[word] = found
        return found

    def hint(self, word: str) -> str:
        """`; did you mean 'x'?` for the closest candidate, or an empty string."""
        found = self(word)
        return f"; did you mean {shown(found)}?" if found is not None else ""

    def _closest(self, word: str) -> str | None:
        n = len(word)
        if n > SUGGEST_MAX_LENGTH or not self.budget.spend(1):
            return None
        same = self.folded.get(word.casefold())
        if same is not None and same != word:
            return same
        if self._matcher is None:
            from difflib import SequenceMatcher

            self._matcher = SequenceMatcher()
        matcher = self._matcher
        matcher.set_seq2(word)
        best: tuple[float, str] | None = None
        # difflib's cheapest bound, 2*min(a, b)/(a + b) >= 0.6, holds only for lengths in
        # [3n/7, 7n/3]: other lengths are never looked at.
        for length in range(-(-3 * n // 7), 7 * n // 3 + 1):
            for name in self.by_length.get(length, ()):
                if not self.budget.spend(1):
                    return best[1] if best else None
                matcher.set_seq1(name)
                if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
                    continue
                if not self.budget.spend(n + length):
                    return best[1] if best else None
                score = matcher.ratio()
                if score >= 0.6 and (best is None or (score, name) > best):
                    best = (score, name)
        return best[1] if best else None


# --- the schema -------------------------------------------------------------------------------


def _anchored(pattern: str) -> re.Pattern[str]:
    r"""A schema pattern as JSON Schema means it: `$` is the end of the text.

    In Python's `re`, `$` also matches before a final newline, so `^[a-z]+$` would accept
    "abc\n", which the model (and ECMA-262, which JSON Schema follows) refuses.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


@cache
def _validator() -> Any:
    from codify.schema import json_schema

    return validator_for(json_schema())


def validator_for(schema: dict[str, Any]) -> Any:
    """A jsonschema validator for `schema` with patterns anchored as JSON Schema means them.

    This is what a schema means to codify: the compiled fast path (codify.fastpath) is tested
    against it.
    """
    from jsonschema import Draft202012Validator, ValidationError, validators

    compiled: dict[str, re.Pattern[str]] = {}

    def pattern(validator: Any, value: str, instance: Any, schema: dict[str, Any]) -> Any:
        if not validator.is_type(instance, "string"):
            return
        if value not in compiled:
            compiled[value] = _anchored(value)
        if not compiled[value].search(instance):
            yield ValidationError(f"does not match {value!r}")

    strict = validators.extend(Draft202012Validator, {"pattern": pattern})  # type: ignore[no-untyped-call]
    return strict(schema)


def check_structure(doc: Document, validator: Any = None) -> list[Diagnostic]:
    """Every schema violation in the document, sorted by position.

    `validator` (from `validator_for`) checks against another schema, such as a local
    profile's; by default the spec's schema is used.
    """
    found: list[Diagnostic] = []
    hints = _Hints()
    leaves = [
        leaf for e in (validator or _validator()).iter_errors(doc.data) for leaf in _leaves(e)
    ]
    typos = _typos(doc, leaves, hints)
    for leaf in leaves:
        found.extend(_translate(doc, leaf, hints, typos))
    return sorted(set(found))


# Misspelt required keys (see `_typos`): (where, the key meant) -> (the key written, why the
# key meant is required there).
_Typos = dict[tuple[JsonPath, str], tuple[str, str]]


def _typos(doc: Document, leaves: list[Any], hints: _Hints) -> _Typos:
    """Unknown keys that are a misspelling of a required key missing beside them, by (where,
    required key): one finding says both ("unknown key 'titel'; did you mean 'title'?"), not
    a second one that the key is missing."""
    missing = {
        (tuple(e.absolute_path), key): _required_why(e)
        for e in leaves
        if e.validator == "required" and isinstance(e.instance, dict)
        for key in e.validator_value
        if key not in e.instance
    }
    typos: _Typos = {}
    for e in leaves:
        if e.validator != "additionalProperties" or not missing:
            continue
        path: JsonPath = tuple(e.absolute_path)
        allowed = sorted(e.schema.get("properties", {}))
        for key in sorted(set(e.instance) - set(allowed), key=str):
            meant = hints.closest(key, allowed)
            if (
                meant is not None
                and (path, meant) in missing
                and not split_by_comma(doc, path, key)
            ):
                typos.setdefault((path, meant), (key, missing[(path, meant)]))
    return typos


def _required_why(err: Any) -> str:
    """Why a key the top level's if/then asks for is needed: only while the intervention is
    meant for adoption (say so, or the author of a record adds scaffolding); else ''."""
    value = err.instance
    if "then" in err.schema_path and isinstance(value, dict):
        return (
            f" (needed while the status is {shown(value.get('status'))}; only a "
            "not_recommended or retired intervention may leave it out)"
        )
    return ""


def _unknown_key_hint(
    doc: Document,
    path: JsonPath,
    key: str,
    allowed: list[str],
    hints: _Hints,
    typos: _Typos,
) -> str:
    """What follows "unknown key 'x'": why it split, or the key it may have meant."""
    if split_by_comma(doc, path, key):
        return FLOW_COMMA_HINT
    meant = hints.closest(key, allowed)
    typo = typos.get((path, meant)) if meant is not None else None
    if typo is not None and typo[0] == key:
        return f"; did you mean {shown(meant)}? It is required here{typo[1]}, and missing"
    return hints.hint(key, allowed)


def _leaves(error: Any) -> Iterator[Any]:
    """For anyOf/oneOf, the sub-errors worth showing; otherwise the error itself."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        best = min(error.context, key=lambda e: (len(e.relative_path) * -1, e.validator == "type"))
        yield from _leaves(best)
    else:
        yield error


class _Hints:
    """One Suggester per list of names the schema allows, sharing one file's budget."""

    def __init__(self) -> None:
        self.budget = SuggestionBudget()
        self.by_names: dict[tuple[str, ...], Suggester] = {}

    def _for(self, names: Iterable[str]) -> Suggester:
        key = tuple(names)
        if key not in self.by_names:
            self.by_names[key] = Suggester(key, self.budget)
        return self.by_names[key]

    def hint(self, word: object, names: Iterable[str]) -> str:
        return self._for(names).hint(str(word))

    def closest(self, word: object, names: Iterable[str]) -> str | None:
        return self._for(names)(str(word))


def _translate(doc: Document, err: Any, hints: _Hints, typos: _Typos) -> Iterator[Diagnostic]:
    """The findings of one leaf error (see `_leaves`); `typos` is `_typos`'s answer."""
    path: JsonPath = tuple(err.absolute_path)
    where = format_path(path)
    v = err.validator
    value = err.instance
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        for key in sorted(set(value) - set(allowed), key=str):
            line, col = doc.position((*path, key), key=True)
            yield Diagnostic(
                doc.path,
                line,
                col,
                UNKNOWN_KEY,
                f"{format_path((*path, key))}: unknown key {shown(key)}"
                + _unknown_key_hint(doc, path, key, allowed, hints, typos),
                help="Allowed keys here: " + ", ".join(allowed),
            )
        return
    line, col = doc.position(path)
    if v == "required":
        missing = err.validator_value
        # A key the top level's if/then asks for is needed only while the intervention is
        # meant for adoption: say so, or the author of a record adds scaffolding.
        why = _required_why(err)
        for key in missing:
            if key not in value and (path, key) not in typos:
                yield Diagnostic(
                    doc.path,
                    line,
                    col,
                    MISSING_KEY,
                    f"{where}: missing required key '{key}'{why}",
                )
        return
    if v == "type":
        expected = err.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        want = " or ".join(_TYPE_NAMES.get(n, n) for n in names)
        msg = f"{where}: expected {want}, got {kind_of(value)}" + _type_hint(value, names)
    elif v == "enum":
        options = [str(o) for o in err.validator_value]
        msg = f"{where}: {shown(value)} is not one of: {', '.join(options)}" + hints.hint(
            value, options
        )
    elif v == "pattern":
        msg = (
            f"{where}: {shown(value)} is not valid"
            + _pattern_words(err.schema, err.validator_value)
            + _whitespace_hint(value)
        )
    elif v == "minItems":
        n = err.validator_value
        msg = f"{where}: must have at least {n} item{'s' if n != 1 else ''}, got {len(value)}"
        yield Diagnostic(doc.path, line, col, EMPTY_VALUE, msg)
        return
    elif v == "minLength":
        yield Diagnostic(doc.path, line, col, EMPTY_VALUE, f"{where}: must not be empty")
        return
    elif v in ("minimum", "exclusiveMinimum"):
        msg = f"{where}: {shown(value)} is too small (minimum {err.validator_value})"
    elif v in ("maximum", "exclusiveMaximum"):
        msg = f"{where}: {shown(value)} is too large (maximum {err.validator_value})"
    else:
        # Not reached by today's schema; a new keyword still gets plain words, not
        # jsonschema's message (which repeats the whole value, however long).
        msg = f"{where}: {shown(value)} is not allowed here (it breaks the schema's '{v}')"
    yield Diagnostic(doc.path, line, col, WRONG_TYPE if v == "type" else INVALID_VALUE, msg)


def _type_hint(value: object, expected: list[str]) -> str:
    """How to write what the schema wants, for the type mistakes YAML makes easy."""
    if "string" in expected and isinstance(value, (bool, int, float)):
        # A year, a version or yes/no read by YAML as a number or a boolean.
        text = str(value).lower() if isinstance(value, bool) else str(value)
        return f'; to write it as text, put it in quotes: "{text}"'
    if "string" in expected and isinstance(value, dict) and len(value) == 1:
        # `- Shared awareness: the whole team...` reads as a mapping of one key.
        return "; text that contains ': ' must be quoted, e.g. - \"Timing: one hour\""
    if value is None and "array" in expected:
        return "; list its items under it, one '- ' line each"
    if value is None and "string" in expected:
        return "; write the text after the colon"
    return ""


def _whitespace_hint(value: object) -> str:
    """Why a value that looks right is refused, when the reason is invisible."""
    if not isinstance(value, str) or value == value.strip():
        return ""
    if value.endswith(("\n", "\r")):
        return (
            "; it ends with a line break (a '|' or '>' block keeps one: use '|-' or '>-', "
            "or write the value on the key's line)"
        )
    return "; it starts or ends with spaces or a line break"


# What each pattern of the schema asks for, in words with an example: the description says
# what the value is for, which does not help someone whose value was refused for its shape.
# tests/test_author_mistakes.py fails when the schema has a pattern that is not listed here.
PATTERN_FORMATS = {
    r"^[a-z][a-z0-9_-]*$": (
        "an id: lower-case letters, digits, '-' or '_', starting with a letter, e.g. daily_huddle"
    ),
    r"^\d+(\.\d+)?$": 'a format version in quotes, such as "2"',
    # codify.dates.PATTERN, the schema's pattern for every date (a test says they agree).
    (
        r"^(?:(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{2}(?:[0-9]X|XX)|[0-9]{4}-XX(?:-XX)?"
        r"|[0-9]{4}-[0-9]{2}-XX)[?~%]?"
        r"|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\.\.)/"
        r"(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\.\.))$"
    ): (
        "a date such as 2009, 2009-12 or 2009-12-01, or an EDTF date: 2000~ (around 2000), "
        "2004? (uncertain), 200X (the 2000s), 2001-21 (spring 2001), 2014/2016 (an interval), "
        "../2016 or 2014/.. (open at one end)"
    ),
}


def expected_format(pattern: str) -> str | None:
    """`; expected an id: ...`: what a value refused by `pattern` should look like, if known."""
    words = PATTERN_FORMATS.get(pattern)
    return f"; expected {words}" if words is not None else None


def _pattern_words(schema: dict[str, Any], pattern: str) -> str:
    """What follows "'x' is not valid" for a value that does not match `pattern`."""
    known = expected_format(pattern)
    if known is not None:
        return known
    desc = schema.get("description")
    if isinstance(desc, str) and desc:
        return ": " + desc[0].lower() + desc[1:].rstrip(".")
    return f": it must match the pattern {pattern}"


# In a flow mapping, `{description: Fewer than half, or peer review found gaps}` is two keys:
# the comma ends the text, and the rest of the sentence becomes an unknown key with no value.
FLOW_COMMA_HINT = "; a comma inside {...} starts a new key: quote the text"


def split_by_comma(doc: Document, path: JsonPath, key: object) -> bool:
    """Whether an unknown key looks like the tail of a sentence cut off by a comma in `{...}`.

    That is a key holding a space in a mapping written in flow style: a typo of a real key has
    no space in it, since no key of the format has one. (The tail usually has no value; with a
    ': ' in it, it has one, and is the same mistake.)
    """
    return isinstance(key, str) and " " in key.strip() and path in doc.flow_mappings
