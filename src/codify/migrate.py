"""Bring a spec written for an older format up to the current one, changing nothing else.

Format 2 changed what one omission means, and a migration carries that meaning over:

- In format 1 a role without `required` was required (the key defaulted to true); in format 2
  a role without it is "not stated", and the documents say nothing about whether it is
  needed. So every role whose mapping lacks the key gets `required: true`, and a role that
  states it (or inherits it through a `<<` merge key) is left alone.
- The spec says which format it is written for: `format_version: "2"` goes before `id` (or
  before the first key), and an explicit older version is replaced.

Every other difference between the formats is an addition or a relaxation (new optional
fields, sections a record of a rejected intervention may leave out), which a format-1 spec
needs no change for.

How the text is rewritten: ruamel.yaml parses the file in round-trip mode, and the events'
positions say where each role's mapping ends and where the top-level keys start; the new
lines are spliced into the original text there. Dumping the round-trip tree again would also
keep comments and key order, but it normalises indentation, re-wraps long lines and may
re-quote scalars, so an author's file would change in lines the migration has no business
with. Splicing changes only the lines it adds (or the one value it replaces), byte for byte,
and the result is loaded again and compared with the data the migration intends: if anything
else would differ (an anchor shared with another part of the spec, say), nothing is written.

`pending` decides from already-loaded data whether a migration is due, without parsing
anything, for `codify check`; this module imports ruamel.yaml only when it rewrites text.
"""

from __future__ import annotations

import copy
import re
import shlex
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from codify.model import Intervention

# What `format_version` looks like (the model's pattern), and the version a spec without it is.
_VERSION = re.compile(r"^\d+(\.\d+)?$")
IMPLICIT_VERSION = "1"
_BOM = "\ufeff"


class MigrationError(ValueError):
    """The text cannot be migrated; `line` and `column` (1-based, 0 when unknown) say where."""

    def __init__(self, message: str, line: int = 0, column: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        # The diagnostic code when the problem is one `codify check` also reports (CY...).
        self.code = code


@dataclass(frozen=True)
class Change:
    """One change a migration makes: where in the original text, to what, and why."""

    line: int  # 1-based line of the original text the change is at (the role's first line)
    path: str  # the spec path changed, e.g. `roles[2]`
    description: str  # what was done, in words, e.g. "added required: true"


@dataclass
class MigrationResult:
    """The outcome of migrating one text: the new text and every change made to get it."""

    text: str
    source_version: str  # the format the text was written for ("1" when it does not say)
    target_version: str
    changes: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the text differs from what it was (False for a spec already up to date)."""
        return bool(self.changes)

    @property
    def roles_changed(self) -> int:
        """How many roles were given `required: true`."""
        return sum(c.path.startswith("roles[") for c in self.changes)

    def summary(self) -> str:
        """The changes in a few words, e.g. "adds format_version and required: true to 3 roles"."""
        return describe(self.roles_changed, any(c.path == "format_version" for c in self.changes))


def describe(roles: int, version: bool = True) -> str:
    """Words for what a migration adds: the format version and `required: true` to N roles."""
    parts = []
    if version:
        parts.append('format_version: "2"')
    if roles:
        parts.append(f"required: true to {roles} role{'s' if roles != 1 else ''}")
    return "adds " + " and ".join(parts) if parts else "changes nothing"


# --- deciding from loaded data ------------------------------------------------------------------


def version_key(version: str) -> tuple[int, int]:
    """A format version as a comparable pair: "2" and "2.0" are (2, 0), "1.3" is (1, 3)."""
    major, _, minor = version.partition(".")
    return int(major), int(minor or 0)


def current_version() -> str:
    """The format this release of codify reads natively."""
    from codify.model import FORMAT_VERSION

    return FORMAT_VERSION


def stated_version(data: Any) -> str | None:
    """The `format_version` a spec states, as text, or None when it states none.

    A number (`format_version: 1`, unquoted) is taken for the version it spells, since its
    meaning is plain; the check still asks for it to be quoted.
    """
    if not isinstance(data, dict) or data.get("format_version") is None:
        return None
    value = data["format_version"]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return str(value)  # not a version at all: `_version_of` says so
    return str(value)


def _version_of(data: Any) -> str:
    """The format a loaded spec is written for; MigrationError when it cannot say."""
    stated = stated_version(data)
    if stated is None:
        return IMPLICIT_VERSION
    if not _VERSION.match(stated):
        raise MigrationError(
            f'format_version: {stated!r} is not a format version; write one such as "2"'
        )
    return stated


def roles_lacking_required(data: Any) -> list[int]:
    """Indexes of the roles whose mapping (merge keys included) has no `required` key."""
    roles = data.get("roles") if isinstance(data, dict) else None
    if not isinstance(roles, list):
        return []
    return [i for i, r in enumerate(roles) if isinstance(r, dict) and "required" not in r]


@dataclass(frozen=True)
class Pending:
    """What `codify check` says about a spec's format: a migration due, or a format too new."""

    source_version: str
    roles: int  # roles that would get `required: true`
    too_new: bool = False

    def note(self, path: str) -> str:
        """The one-line note for `path`, in the words `codify check` prints."""
        if self.too_new:
            return (
                f"written for format {self.source_version}, newer than this codify reads "
                f"(format {current_version()}): upgrade codify to check it fully"
            )
        named = shlex.quote(path) if path != "-" else "FILE"  # standard input has no file
        return (
            f"written for format {self.source_version}; `codify migrate {named}` "
            f"updates it ({describe(self.roles)})"
        )


def pending(spec: Intervention) -> Pending | None:
    """Whether a checked spec is due a migration (or is newer than codify), from the model.

    Cheap on purpose: `codify check` calls it for every spec it has built, so it reads the
    model's fields and parses nothing. A role without `required` is one the model holds as
    None (the key is never defaulted to None when written out).
    """
    stated = spec.format_version
    source = stated if stated is not None else IMPLICIT_VERSION
    current = current_version()
    if version_key(source) > version_key(current):
        return Pending(source, 0, too_new=True)
    if version_key(source) == version_key(current) and stated is not None:
        return None
    return Pending(source, sum(r.required is None for r in spec.roles))


# --- rewriting text ---------------------------------------------------------------------------


@dataclass(eq=False)
class _Node:
    """A YAML node as the parser's events give it, with its character offsets in the text."""

    kind: str  # "map", "seq", "scalar" or "alias"
    start: int
    end: int
    line: int  # 1-based, of the start
    column: int  # 0-based, of the start
    flow: bool = False
    style: str | None = None  # a scalar's quoting: None (plain), "'", '"', "|" or ">"
    value: str = ""  # a scalar's text, or an alias's anchor name
    anchor: str | None = None
    items: list[_Node] = field(default_factory=list)  # a sequence's items
    pairs: list[tuple[_Node, _Node]] = field(default_factory=list)  # a mapping's keys and values

    def get(self, key: str) -> tuple[_Node, _Node] | None:
        """The (key, value) pair of a mapping whose key is the plain or quoted text `key`."""
        for k, v in self.pairs:
            if k.kind == "scalar" and k.value == key:
                return k, v
        return None


def _tree(text: str) -> tuple[_Node, dict[str, _Node]]:
    """The document's root node and its anchors, from ruamel.yaml's round-trip parser.

    The pure-Python parser is used because its marks count characters of this very string,
    which is what the splices need; speed does not matter here.
    """
    from ruamel.yaml import YAML, events as ev

    anchors: dict[str, _Node] = {}
    stack: list[_Node] = []
    keys: list[_Node | None] = []  # per open mapping: the key waiting for its value
    root: _Node | None = None

    def attach(node: _Node) -> None:
        nonlocal root
        if node.anchor:
            anchors[node.anchor] = node
        if not stack:
            root = root or node
            return
        parent = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
        elif keys[-1] is None:
            keys[-1] = node
        else:
            key = keys[-1]
            assert key is not None
            parent.pairs.append((key, node))
            keys[-1] = None

    def mark(event: Any, **kw: Any) -> _Node:
        s, e = event.start_mark, event.end_mark
        return _Node(start=s.index, end=e.index, line=s.line + 1, column=s.column, **kw)

    for event in YAML(typ="rt", pure=True).parse(text):
        if isinstance(event, ev.ScalarEvent):
            node = mark(event, kind="scalar", style=event.style, value=event.value)
            node.anchor = event.anchor
            attach(node)
        elif isinstance(event, ev.AliasEvent):
            attach(mark(event, kind="alias", value=event.anchor))
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            kind = "map" if isinstance(event, ev.MappingStartEvent) else "seq"
            node = mark(event, kind=kind, flow=bool(event.flow_style), anchor=event.anchor)
            stack.append(node)
            keys.append(None)
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            node = stack.pop()
            keys.pop()
            node.end = event.end_mark.index
            attach(node)
    if root is None or root.kind != "map":
        raise MigrationError("the file is not a mapping of keys such as id, name")
    return root, anchors


def _newline(text: str) -> str:
    """The file's line break: CRLF when its first line ends so, else LF."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _last_leaf(node: _Node) -> _Node:
    """The node whose text ends a block collection: its last value, followed down."""
    while not node.flow and node.kind in ("map", "seq") and (node.items or node.pairs):
        node = node.items[-1] if node.kind == "seq" else node.pairs[-1][1]
    return node


def _keeps_trailing_lines(leaf: _Node, text: str) -> bool:
    """Whether a block scalar keeps its trailing blank lines (`|+`, `>+`): they are its text."""
    if leaf.style not in ("|", ">"):
        return False
    eol = text.find("\n", leaf.start)
    header = text[leaf.start : eol if eol != -1 else len(text)]
    return "+" in header.split("#", 1)[0]


def _add_key_splice(role: _Node, line: str, text: str, nl: str) -> tuple[int, str]:
    """Where and what to insert so that mapping `role` gains the entry `line` at its end."""
    if role.flow:
        if not role.pairs:
            return role.start + 1, line  # `{}` becomes `{required: true}`
        at = role.pairs[-1][1].end
        while at > role.start and text[at - 1] in " \t\r\n":
            at -= 1
        return at, ", " + line
    indent = " " * role.pairs[0][0].column
    leaf = _last_leaf(role)
    if _keeps_trailing_lines(leaf, text):
        # The scalar's trailing lines are its text: the new key goes after them, at the start
        # of the line the scalar ends before.
        at = text.rfind("\n", 0, leaf.end) + 1
        return at, indent + line + nl
    # After the last character of the mapping's last value and the rest of its line (a comment,
    # say), so that blank lines and comments after the role stay where they are.
    # An empty value's mark may lie on the next line, so the walk back is bounded by the role.
    at = leaf.end
    while at > role.start and text[at - 1] in " \t\r\n":
        at -= 1
    eol = text.find("\n", at)
    if eol == -1:
        return len(text), nl + indent + line
    if eol > 0 and text[eol - 1] == "\r":
        eol -= 1
    return eol, nl + indent + line


def _version_splice(root: _Node, target: str, nl: str) -> tuple[int, int, str, str]:
    """(start, end, replacement, description) that make the top mapping state `target`."""
    found = root.get("format_version")
    if found is not None:
        _, value = found
        if value.kind != "scalar":
            raise MigrationError(
                'format_version: expected text such as "2"', value.line, value.column + 1
            )
        quote = "'" if value.style == "'" else '"'
        return value.start, value.end, f"{quote}{target}{quote}", f"set format_version to {target}"
    before = root.get("id") or (root.pairs[0] if root.pairs else None)
    entry = f'format_version: "{target}"'
    if before is None:
        return root.start + 1, root.start + 1, entry, "added " + entry
    key = before[0]
    if root.flow:
        return key.start, key.start, entry + ", ", "added " + entry
    return key.start, key.start, entry + nl + " " * key.column, "added " + entry


def migrate_text(text: str, path: str = "<string>") -> MigrationResult:
    """Migrate a spec's text to the current format; `path` names it in errors.

    Returns the result with the text unchanged (and no changes) when the spec is already at
    the current format. Raises MigrationError when the text is not YAML a spec can be (with the
    position and the check's code), when it is written for a newer format than this codify
    knows, or when the migration could not be made without changing something else.
    """
    from codify.loader import LoadError, load_text

    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    try:
        doc = load_text(body, path)
    except LoadError as exc:
        d = exc.diagnostic
        raise MigrationError(d.message, d.line, d.column, d.code) from None
    data = doc.data
    target = current_version()
    where = doc.positions.get(("format_version",), (0, 0))
    try:
        source = _version_of(data)
    except MigrationError as exc:
        raise MigrationError(exc.message, *where) from None
    if version_key(source) > version_key(target):
        raise MigrationError(
            f"written for format {source}, newer than the format this codify knows ({target}): "
            "upgrade codify to read it",
            *where,
        )
    if version_key(source) == version_key(target) and stated_version(data) is not None:
        return MigrationResult(text, source, target)

    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        root, anchors = _tree(body)
    except MarkedYAMLError as exc:  # what libyaml accepted and ruamel's own parser does not
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise MigrationError(f"invalid YAML: {exc.problem or exc.context}", line, column) from None
    except YAMLError as exc:
        raise MigrationError(f"invalid YAML: {exc}") from None
    nl = _newline(body)
    splices: list[tuple[int, int, str]] = []
    changes: list[Change] = []
    expected = copy.deepcopy(data)

    start, end, new, what = _version_splice(root, target, nl)
    splices.append((start, end, new))
    stated = root.get("format_version")
    before = root.get("id") or (root.pairs[0] if root.pairs else None)
    line = (stated[1] if stated else before[0] if before else root).line
    changes.append(Change(line, "format_version", what))
    expected["format_version"] = target

    lacking = roles_lacking_required(data)
    if lacking:
        roles_node = root.get("roles")
        if roles_node is None or roles_node[1].kind != "seq":
            # The list is an alias of one written elsewhere, or comes in through `<<`.
            key = roles_node[0] if roles_node is not None else root
            raise MigrationError(
                "roles is not written out as a list here (it is an alias or comes through a "
                "merge key): give each role `required: true` by hand",
                key.line,
                key.column + 1,
            )
        items = roles_node[1].items
        own = {id(n) for n in items if n.kind == "map"}
        done: set[int] = set()
        for i in lacking:
            node = items[i]
            if node.kind == "alias":
                target_node = anchors.get(node.value)
                if target_node is None or id(target_node) not in own:
                    raise MigrationError(
                        f"roles[{i}] is an alias (*{node.value}) of a mapping that is not a "
                        "role of its own: give it `required: true` by hand",
                        node.line,
                        node.column + 1,
                    )
                node = target_node
            if id(node) in done:
                continue
            done.add(id(node))
            at, new = _add_key_splice(node, "required: true", body, nl)
            splices.append((at, at, new))
            role_id = data["roles"][i].get("id")
            named = f" ({role_id})" if isinstance(role_id, str) else ""
            changes.append(
                Change(node.line, f"roles[{i}]", f"added required: true to the role{named}")
            )
        for i in lacking:
            expected["roles"][i]["required"] = True

    out = body
    for s, e, new in sorted(splices, key=lambda x: (x[0], x[1]), reverse=True):
        out = out[:s] + new + out[e:]
    _verify(out, expected, path)
    changes.sort(key=lambda c: c.line)
    return MigrationResult(bom + out, source, target, changes)


def _verify(text: str, expected: Any, path: str) -> None:
    """Raise MigrationError unless `text` loads as exactly the data the migration intends."""
    from codify.loader import LoadError, load_text

    try:
        got = load_text(text, path).data
    except LoadError as exc:  # pragma: no cover - a splice that breaks the YAML is a bug
        raise MigrationError(
            f"the migrated text would not be valid YAML ({exc.diagnostic.message}); nothing "
            "was changed: add the lines by hand (see `codify migrate --diff`)"
        ) from None
    if got != expected:
        first = next(_differences(got, expected, ()), "the spec")
        raise MigrationError(
            f"migrating would also change {first} (an anchor or merge key shares it with a "
            "role); nothing was changed: add `required: true` to each role by hand"
        )


def _differences(a: Any, b: Any, at: tuple[str | int, ...]) -> Iterator[str]:
    """Paths where two loaded documents differ, for the message of a refused migration."""
    from codify.structure import format_path

    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if a.get(k) != b.get(k):
                yield from _differences(a.get(k), b.get(k), (*at, k))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                yield from _differences(x, y, (*at, i))
    else:
        yield format_path(at)
