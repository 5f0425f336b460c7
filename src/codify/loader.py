"""Load a YAML spec into plain data, keeping the source position of every node.

The C-accelerated libyaml event stream is consumed by an iterative builder rather than a
recursive composer: deep nesting cannot overflow the stack, alias expansion is bounded, duplicate
keys are errors, and tags outside the YAML core schema are refused without constructing anything.
YAML timestamps stay as the text the author wrote (the format treats dates as ISO 8601 text).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codify.diagnostics import Diagnostic

Pos = tuple[int, int]
JsonPath = tuple[str | int, ...]

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:merge",
    "!",
}


class LoadError(Exception):
    """The file cannot be read as a spec at all; carries the diagnostic to report."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class Document:
    """A loaded spec: its data, and where in the file each value and key came from."""

    path: str
    data: Any
    positions: dict[JsonPath, Pos] = field(default_factory=dict)
    key_positions: dict[JsonPath, Pos] = field(default_factory=dict)
    has_null: bool = False

    def position(self, path: JsonPath, *, key: bool = False) -> Pos:
        """The position of the node at `path`, or of its nearest ancestor that has one."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        p = path
        while p:
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))


def _fail(path: str, code: str, message: str, line: int = 0, col: int = 0) -> LoadError:
    return LoadError(Diagnostic(path, line, col, code, message))


def read_text(path: Path, display: str) -> str:
    """Read a file as UTF-8 text, refusing binary files and invalid bytes with a position."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(display, "CY001", "file not found") from None
    except IsADirectoryError:
        raise _fail(display, "CY001", "is a directory, not a file") from None
    except OSError as exc:
        raise _fail(display, "CY001", f"cannot read file: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise _fail(display, "CY001", f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in raw:
        raise _fail(display, "CY002", "binary file (contains NUL bytes), not a YAML spec")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _fail(
            display,
            "CY002",
            f"not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
            line,
            col,
        ) from None


def load_file(path: Path, display: str | None = None) -> Document:
    """Read and load one spec file."""
    name = display if display is not None else str(path)
    return load_text(read_text(path, name), name)


def load_text(text: str, path: str = "<string>") -> Document:
    """Load YAML text into a Document, or raise LoadError with a positioned diagnostic."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise _fail(
            path, "CY004", "the file is empty; a spec is a mapping of keys such as id, name"
        )
    return _Builder(text, path).build()


# --- event-stream builder ---------------------------------------------------------------------

_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_INT_OTHER = re.compile(r"^(0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}


def _scalar(value: str, tag: str) -> Any:
    """Convert a resolved scalar to Python by its YAML 1.2 core-schema tag."""
    if tag == "tag:yaml.org,2002:int":
        v = value.replace("_", "")
        if _INT.match(value):
            return int(v)
        if _INT_OTHER.match(value):
            return int(v, 0)
        return value
    if tag == "tag:yaml.org,2002:float":
        v = value.replace("_", "").lower()
        if v in (".inf", "+.inf"):
            return math.inf
        if v == "-.inf":
            return -math.inf
        if v == ".nan":
            return math.nan
        if _FLOAT.match(value):
            return float(v)
        return value
    if tag == "tag:yaml.org,2002:bool":
        return _BOOL.get(value, value)
    if tag == "tag:yaml.org,2002:null":
        return None if value in _NULL else value
    return value  # str, and timestamps kept as written


_SPECIAL_START = frozenset("~nNtTfF0123456789+-.<")
_NUMBER_START = frozenset("0123456789+-.")
_SPECIAL_FLOATS = {
    ".inf": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    ".nan": math.nan,
}


def _plain(value: str) -> Any:
    """Resolve an untagged plain scalar by the YAML 1.2 core schema.

    Written here rather than taken from ruamel's resolver, which re-checks the YAML version on
    every call and was the single largest cost of loading a large spec.
    """
    if not value:
        return None
    if value[0] not in _SPECIAL_START:
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if value == "<<":
        return _MERGE
    if value[0] in _NUMBER_START:
        if _INT.match(value):
            return int(value.replace("_", ""))
        if _INT_OTHER.match(value):
            return int(value.replace("_", ""), 0)
        if _FLOAT.match(value):
            return float(value.replace("_", ""))
        special = _SPECIAL_FLOATS.get(value.lower())
        if special is not None:
            return special
    return value


class _Frame:
    """A mapping or sequence under construction."""

    __slots__ = ("anchor", "container", "key", "path", "pending_merge", "start_nodes")

    def __init__(
        self, container: Any, path: JsonPath, anchor: str | None, start_nodes: int
    ) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.start_nodes = start_nodes
        self.key: Any = _NO_KEY
        self.pending_merge: list[dict[str, Any]] = []


_NO_KEY = object()


class _Builder:
    """Builds plain data from libyaml events without recursion."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.nodes = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.doc = Document(path, None)

    def build(self) -> Document:
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        try:
            self._run()
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            if "cannot start any token" in problem and self._tab_at(line, col):
                problem = "a tab character is used for indentation; YAML allows only spaces"
            raise _fail(self.path, "CY003", f"invalid YAML: {problem}", line, col) from None
        except YAMLError as exc:
            raise _fail(self.path, "CY003", f"invalid YAML: {exc}") from None
        return self.doc

    def _tab_at(self, line: int, col: int) -> bool:
        lines = self.text.splitlines()
        return 0 < line <= len(lines) and "\t" in lines[line - 1][: max(col, 1)]

    def _parser(self) -> Any:
        from ruamel.yaml.resolver import VersionedResolver

        try:
            from _ruamel_yaml import CParser
        except ImportError:  # pragma: no cover - pure-Python fallback, slower but equivalent
            from ruamel.yaml.composer import Composer
            from ruamel.yaml.parser import Parser
            from ruamel.yaml.reader import Reader
            from ruamel.yaml.scanner import Scanner

            class PyLoader(Reader, Scanner, Parser, Composer, VersionedResolver):
                def __init__(self, stream: str) -> None:
                    Reader.__init__(self, stream, loader=self)
                    Scanner.__init__(self, loader=self)
                    Parser.__init__(self, loader=self)
                    Composer.__init__(self, loader=self)
                    VersionedResolver.__init__(self, loadumper=self)

            return PyLoader(self.text)

        class CLoader(CParser, VersionedResolver):  # type: ignore[misc]
            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                VersionedResolver.__init__(self, loadumper=self)

        return CLoader(self.text)

    def _run(self) -> None:
        from ruamel.yaml import events as ev

        parser = self._parser()
        get = parser.get_event
        stack: list[_Frame] = []
        documents = 0
        root: Any = None
        positions = self.doc.positions
        key_positions = self.doc.key_positions

        while True:
            event = get()
            kind = type(event)
            if kind is ev.StreamEndEvent:
                break
            if kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    m = event.start_mark
                    raise _fail(
                        self.path,
                        "CY005",
                        "more than one YAML document ('---'); a spec file holds exactly one",
                        m.line + 1,
                        m.column + 1,
                    )
                continue
            if kind in (ev.StreamStartEvent, ev.DocumentEndEvent):
                continue

            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)

            if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                frame = stack.pop()
                value = frame.container
                if frame.pending_merge:
                    for merged in frame.pending_merge:
                        for k, v in merged.items():
                            value.setdefault(k, v)
                self._finish(frame, value)
                if not stack:
                    root = value
                else:
                    self._attach(stack[-1], value, pos, positions, key_positions, anchored=None)
                continue

            # A node starts: scalar, alias, mapping or sequence.
            tag = getattr(event, "tag", None)
            if (
                tag is not None
                and tag not in _CORE_TAGS
                and not tag.startswith("tag:yaml.org,2002:")
            ):
                raise _fail(
                    self.path,
                    "CY006",
                    f"unknown YAML tag '{tag}'; tags are not allowed in a spec (nothing was constructed)",
                    *pos,
                )
            if tag is not None and tag.startswith("tag:yaml.org,2002:") and tag not in _CORE_TAGS:
                short = "!!" + tag.removeprefix("tag:yaml.org,2002:")
                raise _fail(
                    self.path,
                    "CY006",
                    f"YAML tag '{short}' is not allowed in a spec (nothing was constructed)",
                    *pos,
                )

            if kind is ev.AliasEvent:
                if event.anchor not in self.anchors:
                    raise _fail(
                        self.path, "CY003", f"invalid YAML: unknown alias '*{event.anchor}'", *pos
                    )
                value, size = self.anchors[event.anchor]
                self._count(size, pos)
                self._attach(
                    stack[-1] if stack else None, value, pos, positions, key_positions, None
                )
                if not stack:
                    root = value
                continue

            self._count(1, pos)
            if kind is ev.ScalarEvent:
                if tag is None and event.implicit[0]:
                    value = _plain(event.value)  # plain (unquoted) scalar
                elif tag is None or tag == "!":
                    value = event.value  # quoted, or the non-specific '!' tag
                elif tag == "tag:yaml.org,2002:merge":
                    value = _MERGE
                else:
                    value = _scalar(event.value, tag)
                if value is None:
                    self.doc.has_null = True
                if not stack:
                    root = value
                    positions[()] = pos
                else:
                    self._attach(stack[-1], value, pos, positions, key_positions, event.anchor)
                    continue
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                continue

            # Collection start.
            if len(stack) >= MAX_DEPTH:
                raise _fail(
                    self.path,
                    "CY007",
                    f"nesting is deeper than {MAX_DEPTH} levels; a spec never needs this",
                    *pos,
                )
            parent = stack[-1] if stack else None
            if parent is None:
                child_path: JsonPath = ()
            elif isinstance(parent.container, list):
                child_path = (*parent.path, len(parent.container))
            else:
                if parent.key is _NO_KEY:
                    raise _fail(
                        self.path, "CY003", "a mapping or list cannot be used as a key", *pos
                    )
                child_path = (*parent.path, parent.key)
            positions[child_path] = pos
            container: Any = {} if kind is ev.MappingStartEvent else []
            stack.append(_Frame(container, child_path, event.anchor, self.nodes))

        if documents == 0:
            raise _fail(self.path, "CY004", "the file is empty; a spec is a mapping of keys")
        if not isinstance(root, dict):
            line, col = positions.get((), (1, 1))
            got = kind_of(root)
            raise _fail(
                self.path,
                "CY008",
                f"the top level must be a mapping of keys such as id and name, got {got}",
                line,
                col,
            )
        self.doc.data = root

    def _finish(self, frame: _Frame, value: Any) -> None:
        # An anchored collection is registered when it ends, with its expanded size, so that
        # each alias to it counts that many nodes against the budget.
        if frame.anchor:
            self.anchors[frame.anchor] = (value, self.nodes - frame.start_nodes + 1)

    def _count(self, n: int, pos: Pos) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise _fail(
                self.path,
                "CY007",
                f"the document expands to more than {MAX_NODES:,} nodes (aliases are "
                "expanded); refusing to continue",
                *pos,
            )

    def _attach(
        self,
        frame: _Frame | None,
        value: Any,
        pos: Pos,
        positions: dict[JsonPath, Pos],
        key_positions: dict[JsonPath, Pos],
        anchored: str | None,
    ) -> None:
        if frame is None:
            return
        if anchored:
            self.anchors[anchored] = (value, 1)
        container = frame.container
        if isinstance(container, list):
            positions.setdefault((*frame.path, len(container)), pos)
            container.append(value)
            return
        if frame.key is _NO_KEY:
            if isinstance(value, (dict, list)) and value is not _MERGE:
                raise _fail(self.path, "CY003", "a mapping or list cannot be used as a key", *pos)
            key = value
            if key is not _MERGE and not isinstance(key, str):
                key = str(key) if not isinstance(key, bool) else str(key).lower()
                if value is None:
                    key = "null"
            if key is not _MERGE and key in container:
                first = key_positions.get((*frame.path, key), (0, 0))
                raise _fail(
                    self.path,
                    "CY009",
                    f"duplicate key '{key}' (first defined at line {first[0]}); "
                    "YAML keys must be unique",
                    *pos,
                )
            frame.key = key
            key_positions[(*frame.path, key)] = pos if key is not _MERGE else (0, 0)
            return
        key = frame.key
        frame.key = _NO_KEY
        if key is _MERGE:
            merges = value if isinstance(value, list) else [value]
            for m in merges:
                if not isinstance(m, dict):
                    raise _fail(self.path, "CY003", "a merge key '<<' needs a mapping", *pos)
            frame.pending_merge.extend(merges)
            return
        child = (*frame.path, key)
        if child not in positions:
            positions[child] = pos
        container[key] = value


class _Merge:
    def __repr__(self) -> str:
        return "<<"


_MERGE: Any = _Merge()


def kind_of(value: Any) -> str:
    """A human name for the JSON type of a value, as used in messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
