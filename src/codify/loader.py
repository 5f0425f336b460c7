"""Load a YAML spec into plain data, keeping the source position of every node.

The C-accelerated libyaml event stream is consumed by an iterative builder rather than a
recursive composer: deep nesting cannot overflow the stack, alias expansion is bounded, duplicate
keys are errors, and tags outside the YAML core schema are refused without constructing anything.
YAML timestamps stay as the text the author wrote (the format treats dates as ISO 8601 text).
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

from codify.codes import (
    DUPLICATE_KEY,
    EMPTY_FILE,
    INVALID_YAML,
    NOT_A_MAPPING,
    NOT_UTF8,
    SEVERAL_DOCUMENTS,
    TOO_COMPLEX,
    UNREADABLE_FILE,
    YAML_TAG,
)
from codify.diagnostics import Diagnostic

Pos = tuple[int, int]
JsonPath = tuple[str | int, ...]

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000
# Aliases can also repeat a long text many times over: the expanded document may hold no more
# text than a file of the largest size codify reads could hold written out.
MAX_EXPANDED_CHARS = MAX_BYTES

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


# A second ': ' on a line is the usual cause of "mapping values are not allowed": YAML reads
# `note: Timing: one hour` as a key inside a value. Said after the parser's own words.
_COLON_HINT = "; text that contains ': ' must be quoted, e.g. note: \"Timing: one hour\""


# A line that opens a quoted value: the key (or list dash) before it, and the quote.
# (The dashes are matched possessively: a line of many `- ` must not make the match backtrack.)
_OPENS_QUOTE = re.compile(r"""^(\s*(?:-\s+)*+(?:[^\s#'"][^:#]*:\s+)?)(["'])""")
# A line that reads as `key: ...` (or `key:`), with what comes before the key (its column).
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)[A-Za-z_][\w.-]*:(?:\s|$)")


def _closes(text: str, quote: str) -> int:
    """Where in `text` (the rest of a line after an opening quote) the quote closes, or -1."""
    at = text.find(quote)
    while at >= 0:
        if quote == "'":
            if text[at + 1 : at + 2] != "'":
                return at
            at = text.find(quote, at + 2)  # '' is a quote inside single quotes
            continue
        backslashes = 0
        while backslashes < at and text[at - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return at
        at = text.find(quote, at + 1)  # \" is a quote inside double quotes
    return -1


def _unclosed_quote(lines: list[str], failed: int) -> tuple[int, int] | None:
    """The line and column of a quote opened but not closed on its line, whose text swallowed
    the keys after it, when that is why YAML failed at line `failed`; else None.

    A quoted value may run over lines, so one is blamed only when a line inside it reads as a
    key at its own key's column or left of it (a value meant to go on would be indented more),
    and the caller checks that closing it lets YAML read further.
    """
    for number in range(min(failed, len(lines)), 0, -1):
        opened = _OPENS_QUOTE.match(lines[number - 1])
        if opened is None:
            continue
        quote, start = opened.group(2), opened.end()
        if number == failed or _closes(lines[number - 1][start:], quote) >= 0:
            continue  # (on the failed line, an opening quote may be the one that closes)
        # The column of the quoted value's key: a key after the dash of a list item starts
        # after it, where the item's other keys are.
        keyed = _KEY_LINE.match(lines[number - 1])
        indent = len(keyed.group(1)) if keyed else len(opened.group(1))
        for inside in range(number, min(failed, len(lines))):
            text = lines[inside]
            key = _KEY_LINE.match(text)
            if key is not None and len(key.group(1)) <= indent:
                return number, start
            if _closes(text, quote) >= 0:
                break  # closed on this line: a value over lines, as YAML allows
        return None  # only the nearest opened quote before the failure is looked at
    return None


def _mark_at(exc: Any) -> Pos:
    """The 1-based line and column a YAML error points at ((0, 0) when it points nowhere)."""
    mark = exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (0, 0)


def _over_indented(lines: list[str], failed: int) -> int | None:
    """The line of the key above line `failed` that the failed line is indented under although
    that key's value is already on its own line; None if that is not what happened."""
    if not 1 < failed <= len(lines):
        return None
    here = _KEY_LINE.match(lines[failed - 1])
    if here is None:
        return None
    for number in range(failed - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        above = _KEY_LINE.match(text)
        if above is None:
            return None
        rest = text[above.end() :].strip()
        value = "" if rest.startswith("#") else rest.split(" #")[0].strip()  # a comment is none
        if value and value[0] not in "|>&*!" and len(here.group(1)) > len(above.group(1)):
            return number
        return None
    return None


class LoadError(Exception):
    """The file cannot be read as a spec at all; carries the diagnostic to report."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class Positions(MutableMapping[JsonPath, Pos]):
    """Where each node (or each key) of a loaded file starts, by its path from the top.

    A mapping from path to position, kept as one table per container (the positions of its
    children, by key or index) rather than one entry per path: the loader then stores each
    position under a plain key, and a spec of a hundred thousand values costs no tuple of its
    path per value. Looking a path up is one step to its parent's table, then one more. The
    loader stores the parser's own mark of where a node starts (0-based), which is made into
    a (line, column) position only when one is looked up.
    """

    __slots__ = ("_root", "_tables")

    def __init__(self) -> None:
        self._tables: dict[JsonPath, dict[Any, Any]] = {}
        self._root: Any = None

    def table(self, parent: JsonPath) -> dict[Any, Any]:
        """The positions of the children of the container at `parent`, to read or fill in."""
        found = self._tables.get(parent)
        if found is None:
            found = self._tables[parent] = {}
        return found

    def __getitem__(self, path: JsonPath) -> Pos:
        if not path:
            if self._root is None:
                raise KeyError(path)
            return _as_pos(self._root)
        table = self._tables.get(path[:-1])
        if table is None:
            raise KeyError(path)
        return _as_pos(table[path[-1]])

    def get(self, path: JsonPath, default: Any = None) -> Any:
        # Mapping's own get goes through __getitem__ and an exception for each miss.
        if not path:
            return default if self._root is None else _as_pos(self._root)
        table = self._tables.get(path[:-1])
        found = None if table is None else table.get(path[-1])
        return default if found is None else _as_pos(found)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self.get(path) is not None

    def __setitem__(self, path: JsonPath, pos: Pos) -> None:
        if not path:
            self._root = pos
        else:
            self.table(path[:-1])[path[-1]] = pos

    def __delitem__(self, path: JsonPath) -> None:
        if not path:
            if self._root is None:
                raise KeyError(path)
            self._root = None
        else:
            del self._tables[path[:-1]][path[-1]]

    def __iter__(self) -> Iterator[JsonPath]:
        if self._root is not None:
            yield ()
        for parent, table in self._tables.items():
            for step in table:
                yield (*parent, step)

    def __len__(self) -> int:
        return (self._root is not None) + sum(len(t) for t in self._tables.values())

    def __repr__(self) -> str:
        return f"Positions({dict(self.items())!r})"


def _as_pos(stored: Any) -> Pos:
    """A stored position as (line, column), 1-based: a position itself, or a parser's mark."""
    if type(stored) is tuple:
        return stored
    return (stored.line + 1, stored.column + 1)


class Document:
    """A loaded spec: its data, where in the file each value and key came from, and the text.

    `text` is kept so that a rule can point at a line inside a text block (a `>` or `|`
    scalar), and `flow_mappings` holds the paths of mappings written `{...}`, where a comma in
    unquoted text silently starts a new key; both cost nothing to keep. (A plain class, not a
    dataclass: `codify check` starts faster without importing dataclasses.)
    """

    __slots__ = ("data", "flow_mappings", "has_null", "key_positions", "path", "positions", "text")

    def __init__(
        self,
        path: str,
        data: Any,
        positions: MutableMapping[JsonPath, Pos] | None = None,
        key_positions: MutableMapping[JsonPath, Pos] | None = None,
        has_null: bool = False,
        text: str = "",
        flow_mappings: set[JsonPath] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        # Positions as the loader keeps them; a plain dict serves as well (an assessment read
        # from a table builds one).
        self.positions = Positions() if positions is None else positions
        self.key_positions = Positions() if key_positions is None else key_positions
        self.has_null = has_null
        self.text = text
        self.flow_mappings: set[JsonPath] = set() if flow_mappings is None else flow_mappings

    def __repr__(self) -> str:
        return f"Document(path={self.path!r}, {len(self.positions)} positions)"

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


def read_untrusted(path: Path, display: str, *, limit: int = MAX_BYTES) -> bytes:
    """Read a file that came from a user, refusing anything but a regular file of `limit` bytes.

    Every file codify reads on a user's behalf (specs, settings, assessments, logos, materials)
    should come through here. Links are followed, then a folder, named pipe, device or socket is
    refused before it is opened (a pipe would block for ever, a device such as /dev/zero never
    ends), and at most `limit` + 1 bytes are read, so a huge file costs no more than a small
    one. Raises LoadError (code CY001) naming `display`; `str()` of it is the reason alone.
    """
    try:
        kind = _not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        why = "is a link to a file that does not exist" if path.is_symlink() else "file not found"
        raise _fail(display, UNREADABLE_FILE, why) from None
    except NotADirectoryError:
        raise _fail(
            display, UNREADABLE_FILE, "file not found (a folder on its path is a file)"
        ) from None
    except (OSError, ValueError) as exc:
        raise _fail(display, UNREADABLE_FILE, f"cannot be read: {_reason(exc)}") from None
    if kind:
        raise _fail(display, UNREADABLE_FILE, kind)
    # O_NONBLOCK: if the file was swapped for a pipe since the check above, opening it does not
    # wait for a writer; the second check below then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        raise _fail(display, UNREADABLE_FILE, f"cannot be read: {_reason(exc)}") from None
    with os.fdopen(fd, "rb") as fh:
        try:
            kind = _not_regular(os.fstat(fd).st_mode)
            if kind:
                raise _fail(display, UNREADABLE_FILE, kind)
            raw = fh.read(limit + 1)
        except OSError as exc:
            raise _fail(display, UNREADABLE_FILE, f"cannot be read: {_reason(exc)}") from None
    if len(raw) > limit:
        raise _fail(display, UNREADABLE_FILE, f"file is larger than {_size(limit)}")
    return raw


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode cannot be read as a document, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower() if exc.strerror[:1].isupper() else exc.strerror
    return "the name cannot be used as a path" if isinstance(exc, ValueError) else str(exc)


def _size(limit: int) -> str:
    mb = 1024 * 1024
    if limit >= mb and limit % mb == 0:
        return f"{limit // mb} MB"
    if limit >= 1024:
        return f"{limit // 1024} KB"
    return f"{limit} bytes"


def read_text(path: Path, display: str, *, limit: int = MAX_BYTES) -> str:
    """Read a user's file as UTF-8 text, refusing binary files and invalid bytes with a position."""
    return decode_text(read_untrusted(path, display, limit=limit), display)


def decode_text(raw: bytes, display: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark); anything else is a CY002 LoadError."""
    wide = _wide_encoding(raw)
    if wide:
        raise _fail(
            display,
            NOT_UTF8,
            f"the file is saved as {wide} text; codify reads UTF-8 only: save it as UTF-8",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul != -1:
        line, col = _line_col(raw, nul)
        raise _fail(
            display, NOT_UTF8, "binary file (contains NUL bytes), not a text file", line, col
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        raise _fail(
            display,
            NOT_UTF8,
            f"not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
            line,
            col,
        ) from None


def _character_name(char: str) -> str:
    from codify.structure import character_name

    return character_name(char)


def _line_col(raw: bytes, offset: int) -> Pos:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16 (...)' or 'UTF-32 (...)' when the bytes are text in one of those, else None.

    Editors on Windows save UTF-16 by default, with or without a byte-order mark. Without one,
    the NUL bytes that pad each character give it away: mostly text in the first few kilobytes
    with NULs at every other (or three in four) position, decoding cleanly.
    """
    for bom, name in _WIDE_BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    if b"\x00" not in head:
        return None
    candidates = (
        ("utf-32-le", "UTF-32 (little-endian)", 4, (1, 2, 3)),
        ("utf-32-be", "UTF-32 (big-endian)", 4, (0, 1, 2)),
        ("utf-16-le", "UTF-16 (little-endian)", 2, (1,)),
        ("utf-16-be", "UTF-16 (big-endian)", 2, (0,)),
    )
    for codec, name, width, zero_at in candidates:
        body = head[: len(head) - len(head) % width]
        if not body:
            continue
        # Most characters in a spec are ASCII: their padding bytes are zero.
        zeros = sum(body[i::width].count(0) for i in zero_at)
        if zeros < 0.7 * len(zero_at) * (len(body) // width):
            continue
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and all(c.isprintable() or c in "\t\r\n" for c in text):
            return name
    return None


# What each kind of file codify reads holds at its top level, for the message that an empty
# file or a list is not one: its name, and two of its keys.
FILE_KINDS = {
    "spec": ("a spec", ("id", "name")),
    "profile": ("a local profile", ("adopts", "organisation")),
    "assessment": ("an assessment", ("intervention", "ratings")),
    "outcomes": ("an outcomes report", ("period", "measures")),
    "network": ("network.yaml", ("name", "spec")),
}


def load_file(path: Path, display: str | None = None, *, kind: str = "spec") -> Document:
    """Read and load one file: a spec, or another `kind` of FILE_KINDS (for its messages)."""
    name = display if display is not None else str(path)
    return load_text(read_text(path, name), name, kind=kind)


def load_text(text: str, path: str = "<string>", *, kind: str = "spec") -> Document:
    """Load YAML text into a Document, or raise LoadError with a positioned diagnostic."""
    if _blank_or_comments(text):
        raise _fail(path, EMPTY_FILE, f"the file is empty; {_holds(kind)}")
    return _Builder(text, path, kind).build()


def _holds(kind: str) -> str:
    """'a spec is a mapping of keys such as id and name', for the kind of file."""
    return f"{FILE_KINDS[kind][0]} is a mapping of keys such as {_keys(kind)}"


def _keys(kind: str) -> str:
    """Two of the top-level keys of the kind of file: 'id and name'."""
    first, second = FILE_KINDS[kind][1]
    return f"{first} and {second}"


def _blank_or_comments(text: str) -> bool:
    """Whether every line of `text` is blank or a comment: a file with nothing to load.

    The first lines decide for almost every file, so those are read first; the whole text is
    split into lines only when they are all blank or comments.
    """

    def content(line: str) -> bool:
        stripped = line.strip()
        return bool(stripped) and not stripped.startswith("#")

    head = text[:8192]
    lines = head.splitlines()
    if len(head) < len(text):
        lines = lines[:-1]  # cut short at the end of the head: the whole text decides it
    if any(content(line) for line in lines):
        return False
    return len(head) == len(text) or not any(content(line) for line in text.splitlines())


# --- event-stream builder ---------------------------------------------------------------------

_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_INT_OTHER = re.compile(r"^(0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}


# Python refuses to convert integers of more than 4,300 digits to and from text (a guard against
# quadratic conversion), so a longer one could be read but never printed, and sums of shorter
# ones can cross the limit too. Integers in a spec are years, scores and counts, so anything of
# more than 100 digits is refused where it is written, whatever the interpreter's own setting.
MAX_INT_DIGITS = 100
_INT_LIMIT = 10**MAX_INT_DIGITS


class _NumberTooLong(ValueError):
    """An integer in the file has more digits than codify reads."""


def _int(text: str, base: int) -> int:
    """`int(text, base)` for an integer the YAML resolver matched, bounded in size."""
    if base == 10 and len(text.lstrip("+-")) > MAX_INT_DIGITS:
        raise _NumberTooLong
    value = int(text, base)  # other bases are powers of two: linear, and not limited
    if not -_INT_LIMIT < value < _INT_LIMIT:
        raise _NumberTooLong
    return value


def _scalar(value: str, tag: str) -> Any:
    """Convert a resolved scalar to Python by its YAML 1.2 core-schema tag."""
    if tag == "tag:yaml.org,2002:int":
        v = value.replace("_", "")
        if _INT.match(value):
            return _int(v, 10)
        if _INT_OTHER.match(value):
            return _int(v, 0)
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
            return _int(value.replace("_", ""), 10)
        if _INT_OTHER.match(value):
            return _int(value.replace("_", ""), 0)
        if _FLOAT.match(value):
            return float(value.replace("_", ""))
        special = _SPECIAL_FLOATS.get(value.lower())
        if special is not None:
            return special
    return value


class _Frame:
    """A mapping or sequence under construction."""

    __slots__ = (
        "anchor",
        "container",
        "key",
        "keys",
        "path",
        "pending_merge",
        "start_chars",
        "start_nodes",
        "table",
    )

    def __init__(
        self,
        container: Any,
        path: JsonPath,
        anchor: str | None,
        start_nodes: int,
        start_chars: int,
        positions: Positions,
        key_positions: Positions,
    ) -> None:
        self.container = container
        self.path = path
        # Where this container's children start, and (a mapping's) its keys.
        self.table = positions.table(path)
        self.keys = key_positions.table(path) if type(container) is dict else _NO_KEYS
        self.anchor = anchor
        self.start_nodes = start_nodes
        self.start_chars = start_chars
        self.key: Any = _NO_KEY
        self.pending_merge: list[dict[str, Any]] = []


_NO_KEY = object()
# A list's keys: it has none, and nothing writes here (only a mapping's keys are recorded).
_NO_KEYS: dict[str | int, Pos] = {}


class _Builder:
    """Builds plain data from libyaml events without recursion."""

    def __init__(self, text: str, path: str, kind: str = "spec") -> None:
        self.text = text
        self.path = path
        self.kind = kind  # what the file is meant to be (FILE_KINDS), for its messages
        self.nodes = 0
        self.chars = 0
        # Each anchor's value, with how many nodes and characters an alias to it expands to.
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.positions = Positions()
        self.key_positions = Positions()
        self.doc = Document(path, None, self.positions, self.key_positions, text=text)

    def build(self) -> Document:
        from ruamel.yaml.error import MarkedYAMLError, YAMLError
        from ruamel.yaml.reader import ReaderError

        try:
            self._run()
        except ReaderError as exc:
            # A character YAML forbids anywhere in a file (a control character): ruamel says
            # only its offset in the text, so turn that into a line and column.
            line, col = self._line_col(exc.position)
            raise _fail(
                self.path,
                INVALID_YAML,
                f"the file contains {_character_name(chr(exc.character))}, which YAML does not "
                "allow (even inside quotes); delete it, or write it as an escape such as "
                f'"\\u{exc.character:04x}" in a double-quoted string',
                line,
                col,
            ) from None
        except MarkedYAMLError as exc:
            problem, line, col = self._explained(exc)
            raise _fail(self.path, INVALID_YAML, f"invalid YAML: {problem}", line, col) from None
        except YAMLError as exc:
            raise _fail(self.path, INVALID_YAML, f"invalid YAML: {exc}") from None
        return self.doc

    def _explained(self, exc: Any) -> tuple[str, int, int]:
        """libyaml's problem in words a spec's author can act on, and where: at the cause when
        it is known to lie elsewhere (an unclosed quote), with a hint for the usual slips."""
        problem = exc.problem or exc.context or "invalid YAML"
        line, col = _mark_at(exc)
        lines = self.text.splitlines()
        quote = self._runaway_quote(lines, line)
        if quote is not None:
            # YAML stops where the stray quote's text runs into something it cannot read,
            # often many lines on; the mistake is where the quote was opened.
            return (
                "this quote is not closed on its line, so YAML read the lines after it as part "
                f"of its text until it stopped at line {line} ({problem}); close the quote on "
                "this line",
                *quote,
            )
        if "cannot start any token" in problem and self._tab_at(line, col):
            return "a tab character is used for indentation; YAML allows only spaces", line, col
        if "mapping values are not allowed" in problem:
            above = _over_indented(lines, line)
            if above is None:
                return problem + _COLON_HINT, line, col
            return (
                f"{problem}; this line is indented further than the key on line {above}, whose "
                "value is already given: if it is a key of its own, line it up with that one",
                line,
                col,
            )
        return problem, line, col

    def _runaway_quote(self, lines: list[str], failed: int) -> tuple[int, int] | None:
        """`_unclosed_quote`'s answer, kept only if closing that quote lets YAML read further
        than line `failed`."""
        quote = _unclosed_quote(lines, failed)
        if quote is None:
            return None
        mended = list(lines)
        mended[quote[0] - 1] += mended[quote[0] - 1][quote[1] - 1]  # the quote itself
        after = self._fails_at("\n".join(mended) + "\n")
        return None if after is not None and after <= failed else quote

    def _line_col(self, offset: int) -> Pos:
        """The 1-based line and column of a character offset into the text."""
        before = self.text[: max(offset, 0)]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1

    def _tab_at(self, line: int, col: int) -> bool:
        lines = self.text.splitlines()
        return 0 < line <= len(lines) and "\t" in lines[line - 1][: max(col, 1)]

    def _parser(self, text: str | None = None) -> Any:
        """A YAML event parser of the file's text (or of `text`)."""
        from ruamel.yaml.resolver import VersionedResolver

        text = self.text if text is None else text

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

            return PyLoader(text)

        class CLoader(CParser, VersionedResolver):  # type: ignore[misc]
            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                VersionedResolver.__init__(self, loadumper=self)

        return CLoader(text)

    def _fails_at(self, text: str) -> int | None:
        """The line where YAML cannot read `text` any further, or None if it reads it all."""
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        parser = self._parser(text)
        try:
            while parser.check_event():
                parser.get_event()
        except MarkedYAMLError as exc:
            return _mark_at(exc)[0]
        except YAMLError:
            return 0
        return None

    def _run(self) -> None:
        from ruamel.yaml import events as ev

        parser = self._parser()
        get = parser.get_event
        # Event types as locals, and the four that frame the stream and its document tested in
        # one look-up: this loop runs once per event, hundreds of thousands in a large spec.
        scalar_event = ev.ScalarEvent
        mapping_start, sequence_start = ev.MappingStartEvent, ev.SequenceStartEvent
        mapping_end, sequence_end = ev.MappingEndEvent, ev.SequenceEndEvent
        framing = frozenset(
            (ev.StreamStartEvent, ev.DocumentStartEvent, ev.DocumentEndEvent, ev.StreamEndEvent)
        )
        special_start = _SPECIAL_START
        stack: list[_Frame] = []
        documents = 0
        root: Any = None
        positions = self.positions

        while True:
            event = get()
            kind = type(event)
            if kind in framing:
                if kind is ev.StreamEndEvent:
                    break
                if kind is ev.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        m = event.start_mark
                        raise _fail(
                            self.path,
                            SEVERAL_DOCUMENTS,
                            "more than one YAML document ('---'); a spec file holds exactly one",
                            m.line + 1,
                            m.column + 1,
                        )
                continue

            # Where the node starts: the parser's mark is stored as it is, and made into a
            # (line, column) only where one is looked up or a problem is worded.
            mark = event.start_mark

            # The common case, most of a spec: a scalar with no tag and no anchor inside a
            # mapping or list, as a text key or as a value. Everything else, and anything
            # unusual found here (a merge key, a duplicate, a key that is not text, a number
            # too long), goes the general way below, which words every problem.
            if kind is scalar_event and event.tag is None and event.anchor is None and stack:
                raw = event.value
                if not event.implicit[0]:
                    value = raw  # quoted
                elif not raw:
                    value = None
                elif raw[0] in special_start:
                    try:
                        value = _plain(raw)
                    except _NumberTooLong:
                        value = _MERGE  # not this way: the general path says why
                else:
                    value = raw
                frame = stack[-1]
                held = frame.container
                if value is not _MERGE:
                    self.nodes += 1
                    self.chars += len(raw)
                    if self.nodes > MAX_NODES or self.chars > MAX_EXPANDED_CHARS:
                        self._count(0, _as_pos(mark))  # raises: the document is too large
                    if value is None:
                        self.doc.has_null = True
                    if type(held) is list:
                        frame.table.setdefault(len(held), mark)
                        held.append(value)
                        continue
                    key = frame.key
                    if key is _NO_KEY:
                        if type(value) is str and value not in held:
                            frame.key = value
                            frame.keys[value] = mark
                            continue
                    elif key is not _MERGE:
                        frame.key = _NO_KEY
                        frame.table.setdefault(key, mark)
                        held[key] = value
                        continue
                    # Counted already: undo, and let the general way count it again.
                    self.nodes -= 1
                    self.chars -= len(raw)

            if kind is mapping_end or kind is sequence_end:
                frame = stack.pop()
                value = frame.container
                if frame.pending_merge:
                    for merged in frame.pending_merge:
                        for k, v in merged.items():
                            value.setdefault(k, v)
                if frame.anchor:
                    self._finish(frame, value)
                if not stack:
                    root = value
                    continue
                # As _attach does, without the call, for the usual places a finished mapping
                # or list goes: the next item of a list, or the value of a text key.
                outer = stack[-1]
                held = outer.container
                if type(held) is list:
                    outer.table.setdefault(len(held), mark)
                    held.append(value)
                    continue
                key = outer.key
                if key is not _NO_KEY and key is not _MERGE:
                    outer.key = _NO_KEY
                    outer.table.setdefault(key, mark)
                    held[key] = value
                    continue
                self._attach(outer, value, _as_pos(mark), anchored=None)
                continue

            # A mapping or list starts in the usual way: no tag, no anchor, inside a list or
            # as the value of a key, not too deep. The general way below does the same, and
            # words every problem.
            if (
                (kind is mapping_start or kind is sequence_start)
                and event.tag is None
                and event.anchor is None
                and stack
                and len(stack) < MAX_DEPTH
            ):
                outer = stack[-1]
                held = outer.container
                step = len(held) if type(held) is list else outer.key
                if step is not _NO_KEY:
                    self.nodes += 1
                    if self.nodes > MAX_NODES:
                        self._count(0, _as_pos(mark))  # raises: the document is too large
                    opened: JsonPath = (*outer.path, step)
                    outer.table[step] = mark
                    if kind is mapping_start:
                        new: Any = {}
                        if event.flow_style:
                            self.doc.flow_mappings.add(opened)
                    else:
                        new = []
                    stack.append(
                        _Frame(
                            new,
                            opened,
                            None,
                            self.nodes,
                            self.chars,
                            self.positions,
                            self.key_positions,
                        )
                    )
                    continue

            pos = (mark.line + 1, mark.column + 1)

            # A node starts: scalar, alias, mapping or sequence.
            tag = getattr(event, "tag", None)
            if (
                tag is not None
                and tag not in _CORE_TAGS
                and not tag.startswith("tag:yaml.org,2002:")
            ):
                raise _fail(
                    self.path,
                    YAML_TAG,
                    f"unknown YAML tag '{tag}'; tags are not allowed in a spec (nothing was constructed)",
                    *pos,
                )
            if tag is not None and tag.startswith("tag:yaml.org,2002:") and tag not in _CORE_TAGS:
                short = "!!" + tag.removeprefix("tag:yaml.org,2002:")
                raise _fail(
                    self.path,
                    YAML_TAG,
                    f"YAML tag '{short}' is not allowed in a spec (nothing was constructed)",
                    *pos,
                )

            if kind is ev.AliasEvent:
                if event.anchor not in self.anchors:
                    raise _fail(
                        self.path,
                        INVALID_YAML,
                        f"invalid YAML: unknown alias '*{event.anchor}'",
                        *pos,
                    )
                value, size, chars = self.anchors[event.anchor]
                self._count(size, pos, chars)
                self._attach(stack[-1] if stack else None, value, pos, None)
                if not stack:
                    root = value
                continue

            self._count(1, pos, len(event.value) if kind is ev.ScalarEvent else 0)
            if kind is ev.ScalarEvent:
                try:
                    if tag is None and event.implicit[0]:
                        value = _plain(event.value)  # plain (unquoted) scalar
                    elif tag is None or tag == "!":
                        value = event.value  # quoted, or the non-specific '!' tag
                    elif tag == "tag:yaml.org,2002:merge":
                        value = _MERGE
                    else:
                        value = _scalar(event.value, tag)
                except _NumberTooLong:
                    raise _fail(
                        self.path,
                        TOO_COMPLEX,
                        f"a number of more than {MAX_INT_DIGITS} digits; codify does not read "
                        "numbers this long (quote it if it is meant as text)",
                        *pos,
                    ) from None
                if value is None:
                    self.doc.has_null = True
                if not stack:
                    if value is _MERGE:
                        raise self._merge_as_value(pos)
                    root = value
                    positions[()] = pos
                else:
                    self._attach(stack[-1], value, pos, event.anchor)
                    continue
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1, len(event.value))
                continue

            # Collection start.
            if len(stack) >= MAX_DEPTH:
                raise _fail(
                    self.path,
                    TOO_COMPLEX,
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
                        self.path, INVALID_YAML, "a mapping or list cannot be used as a key", *pos
                    )
                child_path = (*parent.path, parent.key)
            positions[child_path] = pos
            if kind is ev.MappingStartEvent and event.flow_style:
                self.doc.flow_mappings.add(child_path)
            container: Any = {} if kind is ev.MappingStartEvent else []
            stack.append(
                _Frame(
                    container,
                    child_path,
                    event.anchor,
                    self.nodes,
                    self.chars,
                    self.positions,
                    self.key_positions,
                )
            )

        if documents == 0:
            raise _fail(self.path, EMPTY_FILE, f"the file is empty; {_holds(self.kind)}")
        if not isinstance(root, dict):
            line, col = positions.get((), (1, 1))
            got = kind_of(root)
            raise _fail(
                self.path,
                NOT_A_MAPPING,
                f"the top level must be a mapping of keys such as {_keys(self.kind)}, got {got}",
                line,
                col,
            )
        self.doc.data = root

    def _finish(self, frame: _Frame, value: Any) -> None:
        # An anchored collection is registered when it ends, with its expanded size, so that
        # each alias to it counts that many nodes against the budget.
        if frame.anchor:
            self.anchors[frame.anchor] = (
                value,
                self.nodes - frame.start_nodes + 1,
                self.chars - frame.start_chars,
            )

    def _count(self, n: int, pos: Pos, chars: int = 0) -> None:
        self.nodes += n
        self.chars += chars
        if self.chars > MAX_EXPANDED_CHARS:
            raise _fail(
                self.path,
                TOO_COMPLEX,
                f"the document expands to more than {MAX_EXPANDED_CHARS:,} characters of text "
                "(aliases are expanded); refusing to continue",
                *pos,
            )
        if self.nodes > MAX_NODES:
            raise _fail(
                self.path,
                TOO_COMPLEX,
                f"the document expands to more than {MAX_NODES:,} nodes (aliases are "
                "expanded); refusing to continue",
                *pos,
            )

    def _merge_as_value(self, pos: Pos) -> LoadError:
        return _fail(
            self.path,
            INVALID_YAML,
            "'<<' is YAML's merge key and can only be used as a key; "
            'quote it ("<<") to use it as text',
            *pos,
        )

    def _attach(
        self,
        frame: _Frame | None,
        value: Any,
        pos: Pos,
        anchored: str | None,
    ) -> None:
        if frame is None:
            return
        if anchored:
            self.anchors[anchored] = (value, 1, len(value) if isinstance(value, str) else 1)
        container = frame.container
        if value is _MERGE and (isinstance(container, list) or frame.key is not _NO_KEY):
            raise self._merge_as_value(pos)
        if isinstance(container, list):
            frame.table.setdefault(len(container), pos)
            container.append(value)
            return
        if frame.key is _NO_KEY:
            if isinstance(value, (dict, list)) and value is not _MERGE:
                raise _fail(
                    self.path, INVALID_YAML, "a mapping or list cannot be used as a key", *pos
                )
            key = value
            if key is not _MERGE and not isinstance(key, str):
                key = str(key) if not isinstance(key, bool) else str(key).lower()
                if value is None:
                    key = "null"
            if key is not _MERGE and key in container:
                first = _as_pos(frame.keys.get(key, (0, 0)))
                raise _fail(
                    self.path,
                    DUPLICATE_KEY,
                    f"duplicate key '{key}' (first defined at line {first[0]}); "
                    "YAML keys must be unique",
                    *pos,
                )
            frame.key = key
            if key is not _MERGE:  # a merge key has no place of its own to point at
                frame.keys[key] = pos
            return
        key = frame.key
        frame.key = _NO_KEY
        if key is _MERGE:
            merges = value if isinstance(value, list) else [value]
            for m in merges:
                if not isinstance(m, dict):
                    raise _fail(self.path, INVALID_YAML, "a merge key '<<' needs a mapping", *pos)
            frame.pending_merge.extend(merges)
            return
        frame.table.setdefault(key, pos)
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
