"""Compare two versions of a spec by id and classify each change by what it means for adopters.

A new version of a replication model matters to every organisation running it: a change to a
core element changes what each of them must do, while a new permitted option only widens what
they may do. `diff_specs` pairs the elements of the two versions by id (never by line), names
each change with a rule of `RULES` (its id, level and reason: the one table the docs print), and
says which semantic-version bump the changes need. `read_spec` reads either side from a file or
from a git revision (`REV:path`), with git itself. `version_findings` is the check's CR031: with
`against(REV)` in force, a spec whose version bump is smaller than its changes need is reported
on its `version` line.

Every value quoted in a change comes from a spec, so it is untrusted: the reporters escape it for
the terminal (`printable`) and for Markdown (`codify.site.text`).

The work is linear in the size of the specs: each list of elements is indexed by id once, and
each pair of values is compared once. Nothing here imports a generator's library.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codify.diagnostics import printable
from codify.history import version_parts
from codify.vocab import ChangeLevel

if TYPE_CHECKING:
    import subprocess

    from codify.loader import Document, JsonPath, Pos
    from codify.model import Intervention
    from codify.rules import RuleContext


# A change's level is the format's own: a release in the spec's `history` states its changes
# with the same three words.
Level = ChangeLevel


class Bump(IntEnum):
    """A semantic-version bump, smallest first, so that bumps compare."""

    none = 0
    patch = 1
    minor = 2
    major = 3


# Semantic versioning for a replication model: incompatible means an adopter must change what
# it does (see docs/guides/change-control.md).
LEVEL_BUMP: dict[Level, Bump] = {
    Level.breaking: Bump.major,
    Level.compatible: Bump.minor,
    Level.editorial: Bump.patch,
}


@dataclass(frozen=True)
class ChangeRule:
    """One kind of change: a stable id, its level, and in a line what it is for adopters."""

    id: str
    level: Level
    summary: str


_B, _C, _E = Level.breaking, Level.compatible, Level.editorial

# Every kind of change codify diff reports, in one table: the command's output, its JSON and
# the change-control guide all name changes by these ids. Ids are never reused.
RULES: dict[str, ChangeRule] = {
    r.id: r
    for r in (
        ChangeRule("core-element-added", _B, "A new core element: every adopter must add it."),
        ChangeRule("core-element-removed", _B, "A core element is no longer part of the model."),
        ChangeRule("core-function-changed", _B, "The purpose a core element serves changed."),
        ChangeRule("core-form-changed", _B, "How a core element is carried out changed."),
        ChangeRule(
            "alternative-form-removed", _B, "An alternative form of a core element is gone."
        ),
        ChangeRule("alternative-form-added", _C, "A core element may now take another form."),
        ChangeRule(
            "core-resource-added", _B, "A core element now involves another role or material."
        ),
        ChangeRule(
            "core-resource-removed", _C, "A core element no longer needs a role or material."
        ),
        ChangeRule("adaptable-element-removed", _B, "An element adopters could change is gone."),
        ChangeRule("adaptable-element-added", _C, "Adopters may now change another element."),
        ChangeRule("option-removed", _B, "A permitted option was withdrawn (options narrowed)."),
        ChangeRule("option-added", _C, "Adopters have a new permitted option."),
        ChangeRule("range-added", _B, "A choice must now stay within a numeric range."),
        ChangeRule(
            "range-narrowed", _B, "A permitted range shrank: a higher minimum or a lower maximum."
        ),
        ChangeRule(
            "range-widened", _C, "A permitted range grew: a lower minimum or a higher maximum."
        ),
        ChangeRule("range-removed", _C, "A choice is no longer limited to a range."),
        ChangeRule("approval-required", _B, "A choice now needs the licence holder's approval."),
        ChangeRule("approval-relaxed", _C, "A choice no longer needs approval."),
        ChangeRule("guardrail-added", _B, "A new guardrail limits an adaptation."),
        ChangeRule("guardrail-removed", _C, "A guardrail on an adaptation was lifted."),
        ChangeRule("default-changed", _C, "What the originator does when nothing is changed."),
        ChangeRule("proscribed-added", _B, "A new practice adopters must never do."),
        ChangeRule("proscribed-removed", _C, "A practice is no longer proscribed."),
        ChangeRule(
            "must-pass-added", _B, "A new must-pass fidelity criterion, or one made must-pass."
        ),
        ChangeRule("minimum-raised", _B, "A must-pass criterion's minimum rating went up."),
        ChangeRule("minimum-lowered", _C, "A must-pass minimum went down, or was removed."),
        ChangeRule("criterion-added", _C, "A new fidelity criterion that is not must-pass."),
        ChangeRule("criterion-removed", _C, "A fidelity criterion is no longer assessed."),
        ChangeRule("standard-raised", _B, "The total score that meets the standard went up."),
        ChangeRule("standard-lowered", _C, "The total score that meets the standard went down."),
        ChangeRule(
            "readiness-added", _B, "A new required readiness criterion, or one made required."
        ),
        ChangeRule(
            "readiness-recommended",
            _C,
            "A new recommended readiness criterion, or one no longer required.",
        ),
        ChangeRule("readiness-removed", _C, "A readiness criterion was dropped."),
        ChangeRule("obligation-added", _B, "A new required obligation, or one made required."),
        ChangeRule(
            "obligation-recommended", _C, "A new recommended obligation, or one no longer required."
        ),
        ChangeRule("obligation-removed", _C, "An obligation was dropped."),
        ChangeRule(
            "role-required-added", _B, "A new role every adopter must have, or one made required."
        ),
        ChangeRule("role-added", _C, "A new optional role, or one no longer required."),
        ChangeRule("role-removed", _C, "A role is no longer part of the model."),
        ChangeRule("material-added", _C, "A new material adopters may use."),
        ChangeRule("material-removed", _C, "A material is no longer listed."),
        ChangeRule(
            "delivery-mode-removed", _B, "A delivery mode or format is no longer permitted."
        ),
        ChangeRule("delivery-mode-added", _C, "A new delivery mode or format is permitted."),
        ChangeRule("status-withdrawn", _B, "The intervention is now not recommended or retired."),
        ChangeRule(
            "element-added", _C, "Another listed item: a phase, procedure, outcome, party..."
        ),
        ChangeRule("element-removed", _C, "A listed item that adopters need no longer follow."),
        ChangeRule(
            "record-changed",
            _E,
            "The record about the intervention: evidence, references, history.",
        ),
        ChangeRule("text-changed", _E, "Wording or a detail that changes nothing adopters do."),
    )
}

# Sections that describe the intervention rather than what adopters do: any change in them is
# editorial, whatever it is.
_RECORD = frozenset(
    {
        "name", "short_name", "summary", "problem", "rationale", "evidence", "guidance",
        "funding", "conflicts_of_interest", "origin", "owners", "contacts", "audience",
        "complexity", "variants", "adoption", "spread_approaches", "spread_lessons", "targets",
        "modifications", "glossary", "references", "not_applicable", "verdict",
    }
)  # fmt: skip
# Not compared: the version is what the changes are measured against; the format version is
# how the file is written (codify migrate), not what it says; the history records the versions
# themselves, so writing up a release is not a change that needs another.
_SKIPPED = frozenset({"version", "format_version", "history"})
_WITHDRAWN = frozenset({"not_recommended", "retired"})
_SHOWN = 80  # characters of a quoted value


@dataclass(frozen=True)
class Side:
    """One version of a spec: how to name it, its model, and its document for positions."""

    label: str
    spec: Intervention
    document: Document | None = None


@dataclass(frozen=True)
class Change:
    """One change between two versions, under a rule of `RULES`.

    `path` names the place by ids (`core_elements[huddle].form`), the same in both versions;
    `old_at` and `new_at` are (line, column) in each file where the place exists there.
    """

    rule: str
    path: str
    message: str
    old_at: Pos | None = None
    new_at: Pos | None = None
    # For an item of a plain list added or removed (an option, a delivery mode): its text.
    value: str | None = None

    @property
    def level(self) -> Level:
        """The rule's level."""
        return RULES[self.rule].level

    @property
    def bump(self) -> Bump:
        """The bump this change needs on its own (before 1.0.0, see `SpecDiff.required`)."""
        return LEVEL_BUMP[self.level]


@dataclass
class SpecDiff:
    """The changes from one version to the next, and what they ask of the version number."""

    old: Side
    new: Side
    changes: list[Change] = field(default_factory=list)

    @property
    def required(self) -> Bump:
        """The smallest bump the changes allow.

        Before 1.0.0 a model is still settling: as Cargo reads semantic versioning, a minor
        bump (0.2 to 0.3) is then enough for a breaking change and a patch for anything else.
        """
        need = max((c.bump for c in self.changes), default=Bump.none)
        if need and _major(self.old.spec.version) == 0:
            return Bump.minor if need is Bump.major else Bump.patch
        return need

    @property
    def declared(self) -> Bump | None:
        """The bump from the old version to the new, or None when either is not semantic or
        the new one is lower."""
        return declared_bump(self.old.spec.version, self.new.spec.version)

    @property
    def ok(self) -> bool:
        """Whether the declared bump is at least the required one."""
        declared = self.declared
        return declared is not None and declared >= self.required

    def needing(self, bump: Bump) -> list[Change]:
        """The changes that need more than `bump`."""
        if _major(self.old.spec.version) == 0:
            return [
                c
                for c in self.changes
                if bump < (Bump.minor if c.bump is Bump.major else Bump.patch)
            ]
        return [c for c in self.changes if c.bump > bump]


def _major(version: str) -> int | None:
    parts = version_parts(version)
    return parts[0] if parts else None


def declared_bump(old: str, new: str) -> Bump | None:
    """The bump from `old` to `new` (`Bump.none` when equal), or None when either is not a
    semantic version or `new` is lower. Pre-release and build labels are not compared."""
    a, b = version_parts(old), version_parts(new)
    if a is None or b is None or b < a:
        return None
    if b[0] > a[0]:
        return Bump.major
    if b[1] > a[1]:
        return Bump.minor
    return Bump.patch if b[2] > a[2] else Bump.none


# --- comparing ---------------------------------------------------------------------------------


# The field that names a mapping without an id, for a message about it as a whole.
_LABELS = (
    "name", "title", "option", "criterion", "practice", "label", "term", "body", "funder",
    "lever", "site", "action", "description", "summary",
)  # fmt: skip


def _shown(value: Any) -> str:
    """A value from a spec, quoted and cut short, for a message (still to be escaped).

    A mapping is named by its first naming field (a name, title, description...), which
    says more to a reader than its JSON would; other values are shown as JSON.
    """
    if isinstance(value, dict):
        label = next((value[k] for k in _LABELS if isinstance(value.get(k), str)), None)
        value = label if label is not None else value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return f"'{text}'"


# Words of unchanged text kept either side of a change when a long text is cut to show it.
_AROUND = 30


def _from_to(a: Any, b: Any) -> str:
    """The words from 'x' to 'y'; of two long texts, the part of each that differs, with a
    little of the unchanged text around it, so that a change past the first words shows."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return f"from {_shown(a)} to {_shown(b)}"
    x, y = " ".join(a.split()), " ".join(b.split())
    if len(x) <= _SHOWN and len(y) <= _SHOWN:
        return f"from {_shown(x)} to {_shown(y)}"
    same = 0
    while same < min(len(x), len(y)) and x[same] == y[same]:
        same += 1
    tail = 0
    while tail < min(len(x), len(y)) - same and x[-1 - tail] == y[-1 - tail]:
        tail += 1
    return f"from {_excerpt(x, same, len(x) - tail)} to {_excerpt(y, same, len(y) - tail)}"


def _excerpt(text: str, start: int, end: int) -> str:
    """`text[start:end]` (what changed), widened to whole words and _AROUND characters of
    context each side, cut to _SHOWN, quoted, with '…' where text is left out."""
    begin = max(0, start - _AROUND)
    if begin:
        space = text.find(" ", begin, start)
        begin = space + 1 if space >= 0 else begin
    stop = min(len(text), end + _AROUND)
    if stop < len(text):
        space = text.rfind(" ", end, stop)
        stop = space if space >= 0 else stop
    shown = text[begin:stop]
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    elif stop < len(text):
        shown += "…"
    return f"'{'…' if begin else ''}{shown}'"


def _by_id(items: Any) -> dict[str, tuple[int, dict[str, Any]]]:
    """A list of elements indexed by id once: id -> (index, element)."""
    found: dict[str, tuple[int, dict[str, Any]]] = {}
    for i, item in enumerate(items or ()):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.setdefault(item["id"], (i, item))
    return found


def _has_ids(items: Any) -> bool:
    return bool(items) and all(isinstance(i, dict) and "id" in i for i in items)


class _Differ:
    """Walks both versions once, collecting changes with their positions."""

    def __init__(self, old: Side, new: Side) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        # A role that leaves out `required` was required in format 1 and is "not stated" in
        # format 2, so a migrated spec (which writes `required: true`) changes nothing.
        self.old_roles: bool | None = True if _format_1(old.spec) else None
        self.new_roles: bool | None = True if _format_1(new.spec) else None

    def at(self, side: Side, path: JsonPath | None) -> Pos | None:
        if path is None or side.document is None:
            return None
        return side.document.position(path)

    def add(
        self,
        rule: str,
        where: str,
        message: str,
        old: JsonPath | None,
        new: JsonPath | None,
        value: str | None = None,
    ) -> None:
        self.changes.append(
            Change(rule, where, message, self.at(self.old, old), self.at(self.new, new), value)
        )

    # -- lists of elements with ids ----------------------------------------------------------

    def pair(
        self, a: Any, b: Any, old_base: JsonPath, new_base: JsonPath | None = None
    ) -> Iterator[
        tuple[str, dict[str, Any] | None, dict[str, Any] | None, JsonPath | None, JsonPath | None]
    ]:
        """Each id of either version: (id, old element, new element, old path, new path)."""
        new_base = old_base if new_base is None else new_base
        old, new = _by_id(a), _by_id(b)
        for ident, (i, item) in old.items():
            j = new.get(ident)
            yield ident, item, j[1] if j else None, (*old_base, i), (*new_base, j[0]) if j else None
        for ident, (k, item) in new.items():
            if ident not in old:
                yield ident, None, item, None, (*new_base, k)

    def run(self, a: dict[str, Any], b: dict[str, Any]) -> None:
        handled = {
            "core_elements": self.core_elements,
            "adaptable_elements": self.adaptable_elements,
            "proscribed": self.proscribed,
            "readiness": self.readiness,
            "roles": self.roles,
            "materials": self.materials,
            "delivery": self.delivery,
            "fidelity": self.fidelity,
            "support": self.support,
            "status": self.status,
        }
        for key in {**a, **b}:
            if key in _SKIPPED or a.get(key) == b.get(key):
                continue
            if key in handled:
                handled[key](a.get(key), b.get(key))
            else:
                self.generic(
                    (key,),
                    (key,),
                    key,
                    a.get(key),
                    b.get(key),
                    "record-changed" if key in _RECORD else None,
                )

    def generic(
        self,
        old_p: JsonPath,
        new_p: JsonPath,
        where: str,
        a: Any,
        b: Any,
        rule: str | None = None,
    ) -> None:
        """Any other difference: elements with ids paired, mappings by key, the rest as text.

        `old_p` and `new_p` are the paths of the values in each file.
        """
        if a == b:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            for key in {**a, **b}:
                self.generic(
                    (*old_p, key), (*new_p, key), f"{where}.{key}", a.get(key), b.get(key), rule
                )
            return
        if (
            isinstance(a, list)
            and isinstance(b, list)
            and (_has_ids(a) or _has_ids(b))
            and not ((a and not _has_ids(a)) or (b and not _has_ids(b)))
        ):
            for ident, x, y, op, np in self.pair(a, b, old_p, new_p):
                here = f"{where}[{ident}]"
                if x is None:
                    said = f"{here} added: {_shown(y)}"
                    self.add(rule or "element-added", here, said, None, np)
                elif y is None:
                    said = f"{here} removed (was {_shown(x)})"
                    self.add(rule or "element-removed", here, said, op, new_p)
                else:
                    assert op is not None and np is not None
                    self.generic(op, np, here, x, y, rule)
            return
        if isinstance(a, list) and isinstance(b, list):
            self.items(old_p, new_p, where, a, b, rule)
            return
        if a is None:
            message = f"{where} added: {_shown(b)}"
        elif b is None:
            message = f"{where} removed (was {_shown(a)})"
        else:
            message = f"{where} changed {_from_to(a, b)}"
        self.add(
            rule or "text-changed",
            where,
            message,
            old_p if a is not None else old_p[:-1] or None,
            new_p if b is not None else new_p[:-1] or None,
        )

    def items(
        self,
        old_p: JsonPath,
        new_p: JsonPath,
        where: str,
        a: list[Any],
        b: list[Any],
        rule: str | None,
    ) -> None:
        """A list without ids. Plain values (lines of text) are compared as a set, so that a
        line inserted does not show every later line as changed; mappings (steps, anchors)
        are paired by position, with the extra ones at the end added or removed."""
        if all(not isinstance(v, dict | list) for v in (*a, *b)):
            olds, news = {json.dumps(v) for v in a}, {json.dumps(v) for v in b}
            for i, value in enumerate(a):
                if json.dumps(value) not in news:
                    message = f"{where}: {_shown(value)} removed"
                    self.add(rule or "text-changed", where, message, (*old_p, i), new_p)
            for j, value in enumerate(b):
                if json.dumps(value) not in olds:
                    message = f"{where}: {_shown(value)} added"
                    self.add(rule or "text-changed", where, message, old_p, (*new_p, j))
            return
        for i in range(max(len(a), len(b))):
            x, y = (a[i] if i < len(a) else None), (b[i] if i < len(b) else None)
            op = (*old_p, i) if x is not None else old_p
            np = (*new_p, i) if y is not None else new_p
            self.generic(op, np, f"{where}[{i}]", x, y, rule)

    # -- what adopters must keep -------------------------------------------------------------

    def core_elements(self, a: Any, b: Any) -> None:
        base = ("core_elements",)
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"core_elements[{ident}]"
            if x is None:
                self.add(
                    "core-element-added",
                    here,
                    f"core element {ident} ({_shown(y and y['name'])}) added",
                    None,
                    np,
                )
                continue
            if y is None:
                self.add(
                    "core-element-removed",
                    here,
                    f"core element {ident} ({_shown(x['name'])}) removed",
                    op,
                    base,
                )
                continue
            assert op is not None and np is not None
            for key in {**x, **y}:
                u, v = x.get(key), y.get(key)
                if u == v:
                    continue
                if key in ("function", "form"):
                    self.add(
                        f"core-{key}-changed",
                        f"{here}.{key}",
                        f"{here}.{key} changed {_from_to(u, v)}",
                        (*op, key),
                        (*np, key),
                    )
                elif key in ("roles", "materials"):
                    self.sets(
                        f"{here}.{key}",
                        u,
                        v,
                        (*op, key),
                        (*np, key),
                        "core-resource-removed",
                        "core-resource-added",
                    )
                elif key == "alternative_forms":
                    self.keyed(
                        f"{here}.{key}",
                        u,
                        v,
                        (*op, key),
                        (*np, key),
                        "context",
                        "alternative-form-removed",
                        "alternative-form-added",
                    )
                else:
                    self.generic((*op, key), (*np, key), f"{here}.{key}", u, v)

    def sets(
        self, where: str, a: Any, b: Any, op: JsonPath, np: JsonPath, removed: str, added: str
    ) -> None:
        """A list of plain values compared as a set: each value gone, each value new."""
        old, new = list(a or ()), list(b or ())
        olds, news = set(map(str, old)), set(map(str, new))
        for i, value in enumerate(old):
            if str(value) not in news:
                self.add(
                    removed, where, f"{where}: {_shown(value)} removed", (*op, i), np, str(value)
                )
        for j, value in enumerate(new):
            if str(value) not in olds:
                self.add(added, where, f"{where}: {_shown(value)} added", op, (*np, j), str(value))

    def keyed(
        self,
        where: str,
        a: Any,
        b: Any,
        op: JsonPath,
        np: JsonPath,
        key: str,
        removed: str,
        added: str,
    ) -> dict[str, tuple[tuple[int, Any], tuple[int, Any]]]:
        """Mappings without ids, paired by the text of `key`; returns the pairs found in both."""
        old = {str(m.get(key)): (i, m) for i, m in enumerate(a or ()) if isinstance(m, dict)}
        new = {str(m.get(key)): (j, m) for j, m in enumerate(b or ()) if isinstance(m, dict)}
        both = {}
        for k, (i, m) in old.items():
            if k not in new:
                self.add(removed, where, f"{where}: {_shown(k)} removed", (*op, i), np, k)
            else:
                both[k] = ((i, m), new[k])
        for k, (j, _m) in new.items():
            if k not in old:
                self.add(added, where, f"{where}: {_shown(k)} added", op, (*np, j), k)
        for k, ((i, m), (j, n)) in both.items():
            self.generic((*op, i), (*np, j), f"{where}[{_shown(k)}]", m, n)
        return both

    # -- what adopters may change --------------------------------------------------------------

    def adaptable_elements(self, a: Any, b: Any) -> None:
        base = ("adaptable_elements",)
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"adaptable_elements[{ident}]"
            if x is None:
                self.add(
                    "adaptable-element-added",
                    here,
                    f"adaptable element {ident} ({_shown(y and y['name'])}) added",
                    None,
                    np,
                )
                continue
            if y is None:
                self.add(
                    "adaptable-element-removed",
                    here,
                    f"adaptable element {ident} ({_shown(x['name'])}) removed",
                    op,
                    base,
                )
                continue
            assert op is not None and np is not None
            for key in {**x, **y}:
                u, v = x.get(key), y.get(key)
                if u == v:
                    continue
                p, q = (*op, key), (*np, key)
                if key == "adaptations":
                    self.adaptations(f"{here}.adaptations", u or {}, v or {}, p, q)
                elif key == "guardrails":
                    self.keyed(
                        f"{here}.guardrails",
                        u,
                        v,
                        p,
                        q,
                        "core_element",
                        "guardrail-removed",
                        "guardrail-added",
                    )
                elif key == "requires_approval":
                    self.approval(f"{here}.requires_approval", u, v, p, q)
                elif key == "default":
                    self.add(
                        "default-changed",
                        f"{here}.default",
                        f"{here}.default changed {_from_to(u, v)}",
                        p,
                        q,
                    )
                else:
                    self.generic(p, q, f"{here}.{key}", u, v)

    def approval(self, where: str, a: Any, b: Any, op: JsonPath, np: JsonPath) -> None:
        if bool(b) and not a:
            self.add("approval-required", where, f"{where}: now needs approval", op, np)
        elif bool(a) and not b:
            self.add("approval-relaxed", where, f"{where}: no longer needs approval", op, np)

    def adaptations(
        self, where: str, a: dict[str, Any], b: dict[str, Any], op: JsonPath, np: JsonPath
    ) -> None:
        def options(value: Any) -> list[dict[str, Any]]:
            return [o if isinstance(o, dict) else {"option": o} for o in value or ()]

        if a.get("options") != b.get("options"):
            p, q = (*op, "options"), (*np, "options")
            for k, ((i, m), (j, n)) in self.keyed(
                f"{where}.options",
                options(a.get("options")),
                options(b.get("options")),
                p,
                q,
                "option",
                "option-removed",
                "option-added",
            ).items():
                if m.get("requires_approval") != n.get("requires_approval"):
                    self.approval(
                        f"{where}.options[{_shown(k)}]",
                        m.get("requires_approval"),
                        n.get("requires_approval"),
                        (*p, i),
                        (*q, j),
                    )
        if a.get("range") != b.get("range"):
            self.range(
                f"{where}.range", a.get("range"), b.get("range"), (*op, "range"), (*np, "range")
            )
        if a.get("guidance") != b.get("guidance"):
            self.generic(
                (*op, "guidance"),
                (*np, "guidance"),
                f"{where}.guidance",
                a.get("guidance"),
                b.get("guidance"),
            )

    def range(self, where: str, a: Any, b: Any, op: JsonPath, np: JsonPath) -> None:
        if a is None:
            self.add("range-added", where, f"{where}: now limited to {_range(b)}", None, np)
            return
        if b is None:
            self.add(
                "range-removed", where, f"{where}: no longer limited (was {_range(a)})", op, None
            )
            return
        inf = float("inf")
        lo_a, lo_b = (
            a.get("min", -inf) if a.get("min") is not None else -inf,
            b.get("min") if b.get("min") is not None else -inf,
        )
        hi_a, hi_b = (
            a.get("max") if a.get("max") is not None else inf,
            b.get("max") if b.get("max") is not None else inf,
        )
        message = f"{where}: {_range(a)} is now {_range(b)}"
        if lo_b > lo_a or hi_b < hi_a:
            self.add("range-narrowed", where, message, op, np)
        if lo_b < lo_a or hi_b > hi_a:
            self.add("range-widened", where, message, op, np)
        if a.get("unit") != b.get("unit"):
            self.generic(
                (*op, "unit"), (*np, "unit"), f"{where}.unit", a.get("unit"), b.get("unit")
            )

    # -- what adopters must not do, must pass, must have -------------------------------------

    def proscribed(self, a: Any, b: Any) -> None:
        base = ("proscribed",)
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"proscribed[{ident}]"
            if x is None:
                self.add(
                    "proscribed-added",
                    here,
                    f"proscribed practice {ident} added: {_shown(y and y['practice'])}",
                    None,
                    np,
                )
            elif y is None:
                self.add(
                    "proscribed-removed", here, f"proscribed practice {ident} removed", op, base
                )
            else:
                assert op is not None and np is not None
                self.generic(op, np, here, x, y)

    def fidelity(self, a: Any, b: Any) -> None:
        a, b = a or {}, b or {}
        base = ("fidelity",)
        for key in {**a, **b}:
            u, v = a.get(key), b.get(key)
            if u == v:
                continue
            if key == "criteria":
                self.criteria(u, v)
            elif key == "bands":
                self.bands(u, v)
            else:
                self.generic((*base, key), (*base, key), f"fidelity.{key}", u, v)

    def criteria(self, a: Any, b: Any) -> None:
        base = ("fidelity", "criteria")
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"fidelity.criteria[{ident}]"
            if x is None:
                assert y is not None
                must = y.get("minimum") is not None
                rule = "must-pass-added" if must else "criterion-added"
                self.add(
                    rule,
                    here,
                    f"{'must-pass ' if must else ''}criterion {ident} ({_shown(y['name'])}) added",
                    None,
                    np,
                )
                continue
            if y is None:
                self.add(
                    "criterion-removed",
                    here,
                    f"criterion {ident} ({_shown(x['name'])}) removed",
                    op,
                    base,
                )
                continue
            assert op is not None and np is not None
            for key in {**x, **y}:
                u, v = x.get(key), y.get(key)
                if u == v:
                    continue
                p, q = (*op, key), (*np, key)
                if key == "minimum":
                    if u is None:
                        self.add(
                            "must-pass-added",
                            f"{here}.minimum",
                            f"criterion {ident} is now must-pass (minimum {v})",
                            None,
                            q,
                        )
                    elif v is None or v < u:
                        self.add(
                            "minimum-lowered",
                            f"{here}.minimum",
                            f"criterion {ident}: minimum {u} is now {v if v is not None else 'none'}",
                            p,
                            q if v is not None else np,
                        )
                    else:
                        self.add(
                            "minimum-raised",
                            f"{here}.minimum",
                            f"criterion {ident}: minimum {u} is now {v}",
                            p,
                            q,
                        )
                else:
                    self.generic(p, q, f"{here}.{key}", u, v)

    def bands(self, a: Any, b: Any) -> None:
        def standard(bands: Any) -> int | None:
            lows = [
                x.get("min") for x in bands or () if isinstance(x, dict) and x.get("meets_standard")
            ]
            return min(int(x) for x in lows if x is not None) if lows else None

        s, t = standard(a), standard(b)
        where, path = "fidelity.bands", ("fidelity", "bands")
        if s is not None and t is not None and s != t:
            rule = "standard-raised" if t > s else "standard-lowered"
            self.add(rule, where, f"the standard is now a total of {t} (was {s})", path, path)
        else:
            self.generic(path, path, where, a, b)

    def readiness(self, a: Any, b: Any) -> None:
        base = ("readiness",)
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"readiness[{ident}]"
            if x is None:
                assert y is not None
                rule = "readiness-added" if y.get("required", True) else "readiness-recommended"
                self.add(
                    rule,
                    here,
                    f"readiness criterion {ident} added: {_shown(y['criterion'])}",
                    None,
                    np,
                )
            elif y is None:
                self.add(
                    "readiness-removed", here, f"readiness criterion {ident} removed", op, base
                )
            else:
                assert op is not None and np is not None
                self.required(
                    here,
                    x,
                    y,
                    op,
                    np,
                    "readiness-added",
                    "readiness-recommended",
                    default=True,
                    new_default=True,
                )

    def required(
        self,
        here: str,
        x: dict[str, Any],
        y: dict[str, Any],
        op: JsonPath,
        np: JsonPath,
        made: str,
        unmade: str,
        *,
        default: bool | None,
        new_default: bool | None,
    ) -> None:
        """A matched element whose `required` may have flipped; the rest compared as text.

        `default` and `new_default` are what a `required` left out means in the old version and
        in the new one.
        """
        u, v = x.get("required"), y.get("required")
        u = default if u is None else u
        v = new_default if v is None else v
        if u != v:
            if v is True:
                self.add(
                    made,
                    f"{here}.required",
                    f"{here} is now required",
                    (*op, "required"),
                    (*np, "required"),
                )
            elif u is True:
                self.add(
                    unmade,
                    f"{here}.required",
                    f"{here} is no longer required",
                    (*op, "required"),
                    (*np, "required"),
                )
        rest_x = {k: w for k, w in x.items() if k != "required"}
        rest_y = {k: w for k, w in y.items() if k != "required"}
        self.generic(op, np, here, rest_x, rest_y)

    def roles(self, a: Any, b: Any) -> None:
        base = ("roles",)
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"roles[{ident}]"
            if x is None:
                assert y is not None
                need = y.get("required")
                need = self.new_roles if need is None else need
                rule = "role-required-added" if need is True else "role-added"
                self.add(rule, here, f"role {ident} ({_shown(y['title'])}) added", None, np)
            elif y is None:
                self.add(
                    "role-removed", here, f"role {ident} ({_shown(x['title'])}) removed", op, base
                )
            else:
                assert op is not None and np is not None
                self.required(
                    here,
                    x,
                    y,
                    op,
                    np,
                    "role-required-added",
                    "role-added",
                    default=self.old_roles,
                    new_default=self.new_roles,
                )

    def materials(self, a: Any, b: Any) -> None:
        base = ("materials",)
        for ident, x, y, op, np in self.pair(a, b, base):
            here = f"materials[{ident}]"
            if x is None:
                self.add(
                    "material-added",
                    here,
                    f"material {ident} ({_shown(y and y['title'])}) added",
                    None,
                    np,
                )
            elif y is None:
                self.add(
                    "material-removed",
                    here,
                    f"material {ident} ({_shown(x['title'])}) removed",
                    op,
                    base,
                )
            else:
                assert op is not None and np is not None
                self.generic(op, np, here, x, y)

    def support(self, a: Any, b: Any) -> None:
        a, b = a or {}, b or {}
        for key in {**a, **b}:
            u, v = a.get(key), b.get(key)
            if u == v:
                continue
            if key != "obligations":
                self.generic(("support", key), ("support", key), f"support.{key}", u, v)
                continue
            op = np = ("support", "obligations")
            # Obligations have no ids: paired by what they ask.
            old = {(o.get("kind"), o.get("description")): (i, o) for i, o in enumerate(u or ())}
            new = {(o.get("kind"), o.get("description")): (j, o) for j, o in enumerate(v or ())}
            for k, (i, o) in old.items():
                here = f"support.obligations[{i}]"
                if k not in new:
                    self.add(
                        "obligation-removed",
                        here,
                        f"obligation removed: {_shown(k[1])}",
                        (*op, i),
                        np,
                    )
                else:
                    j, n = new[k]
                    self.required(
                        here,
                        o,
                        n,
                        (*op, i),
                        (*np, j),
                        "obligation-added",
                        "obligation-recommended",
                        default=True,
                        new_default=True,
                    )
            for k, (j, o) in new.items():
                if k not in old:
                    rule = (
                        "obligation-added" if o.get("required", True) else "obligation-recommended"
                    )
                    self.add(
                        rule,
                        f"support.obligations[{j}]",
                        f"obligation added: {_shown(k[1])}",
                        None,
                        (*np, j),
                    )

    def delivery(self, a: Any, b: Any) -> None:
        a, b = a or {}, b or {}
        for key in {**a, **b}:
            u, v = a.get(key), b.get(key)
            if u == v:
                continue
            p = ("delivery", key)
            if key in ("modes", "formats"):
                self.sets(
                    f"delivery.{key}", u, v, p, p, "delivery-mode-removed", "delivery-mode-added"
                )
            else:
                self.generic(p, p, f"delivery.{key}", u, v)

    def status(self, a: Any, b: Any) -> None:
        rule = "status-withdrawn" if b in _WITHDRAWN and a not in _WITHDRAWN else "text-changed"
        self.add(rule, "status", f"status {_shown(a)} is now {_shown(b)}", ("status",), ("status",))


def _format_1(spec: Intervention) -> bool:
    return spec.format_version in (None, "1", "1.0")


def _range(r: dict[str, Any]) -> str:
    lo, hi, unit = r.get("min"), r.get("max"), r.get("unit") or ""
    text = f"{_num(lo) if lo is not None else 'any'} to {_num(hi) if hi is not None else 'any'}"
    return f"{text} {_shown(unit)}" if unit else text


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def dump(spec: Any) -> dict[str, Any]:
    """A spec as JSON data, every field present: pydantic's own dump for a model, and the same
    shape from the check's records (codify.records), which hold their fields in `__dict__`."""
    if hasattr(spec, "model_dump"):
        data: dict[str, Any] = spec.model_dump(mode="json")
        return data
    return _plain(spec)  # type: ignore[no-any-return]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {k: _plain(v) for k, v in vars(value).items()}
    return value


def diff_specs(old: Side, new: Side) -> SpecDiff:
    """Every change from `old` to `new`, each under a rule of `RULES`, in the order found:
    section by section, elements in the old version's order, then new ones."""
    import gc

    differ = _Differ(old, new)
    # The dumps are hundreds of thousands of small containers with no reference cycles: with
    # the cyclic collector rescanning them every few hundred allocations, time grew faster
    # than the spec (0.5 s instead of 0.15 s at 5,000 core elements), as the check found.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        differ.run(dump(old.spec), dump(new.spec))
    finally:
        if was_enabled:
            gc.enable()
    return SpecDiff(old, new, differ.changes)


# --- reading a version from a file or from git -------------------------------------------------


class DiffError(Exception):
    """A side of the comparison cannot be read: the message says why (exit 2)."""


_GIT_TIMEOUT = 60


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run git with `args` as a list (never through a shell), without prompts or pagers."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        raise DiffError("git is not installed or not on PATH; it is needed to read a revision")
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "PAGER": "cat"}
    try:
        return subprocess.run(
            [git, *args], cwd=cwd, capture_output=True, timeout=_GIT_TIMEOUT, env=env, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DiffError(f"git could not be run: {exc}") from exc


def check_revision(rev: str, cwd: Path) -> None:
    """Raise DiffError unless `rev` names a commit in the repository around `cwd`."""
    if not rev or rev.startswith("-") or any(c in rev for c in "\0\n\r"):
        raise DiffError(f"{rev!r} is not a git revision")
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], cwd)
    if done.returncode != 0:
        inside = _git(["rev-parse", "--is-inside-work-tree"], cwd)
        if inside.returncode != 0:
            raise DiffError(f"{cwd}: not inside a git repository, so {rev!r} cannot be read")
        raise DiffError(f"{rev!r} is not a revision of this git repository")


def git_file(rev: str, path: str, cwd: Path) -> bytes | None:
    """The file at `path` as it was at `rev` (`./name` is relative to `cwd`), or None when it
    did not exist there. The revision is checked first, so that a mistyped one is an error."""
    from codify.loader import MAX_BYTES

    check_revision(rev, cwd)
    exists = _git(["cat-file", "-e", f"{rev}:{path}"], cwd)
    if exists.returncode != 0:
        return None
    # `git show` of a blob prints its bytes as committed; capture_output means no pager.
    done = _git(["show", "--no-color", f"{rev}:{path}"], cwd)
    if done.returncode != 0:
        raise DiffError(f"{rev}:{path}: git show failed: {_said(done.stderr)}")
    if len(done.stdout) > MAX_BYTES:
        raise DiffError(f"{rev}:{path} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    return done.stdout


def _said(stderr: bytes) -> str:
    return " ".join(stderr.decode("utf-8", "replace").split())[:300] or "no message"


def side_from_bytes(raw: bytes, label: str) -> Side:
    """A version read from bytes: loaded and built as a spec, or DiffError naming the first
    problem (a version that is not a valid spec cannot be compared).

    A valid spec is built by the check's fast path alone: comparing needs the model, not the
    semantic rules, which on a large spec cost more than the comparison. Anything the fast
    path refuses is checked in full, for the problem to name.
    """
    from codify import fastpath
    from codify.loader import LoadError, decode_text, load_text
    from codify.model import Intervention

    try:
        doc = load_text(decode_text(raw, label), label)
    except LoadError as exc:
        d = exc.diagnostic
        raise DiffError(
            f"{label} cannot be read as a spec ({d.location()}: {d.code} {d.message})"
        ) from exc
    if fastpath.accepts(doc.data):
        try:
            spec: Intervention = fastpath.construct(Intervention, doc.data)
        except (fastpath.GiveUp, NotImplementedError):
            pass
        else:
            return Side(label, spec, doc)
    from codify.checker import check_source

    token = _AGAINST.set(None)  # the old version is not itself compared with anything
    try:
        result = check_source(raw, label)
    finally:
        _AGAINST.reset(token)
    if result.spec is None:
        first = result.diagnostics[0] if result.diagnostics else None
        why = f"{first.location()}: {first.code} {first.message}" if first else "not a spec"
        raise DiffError(f"{label} is not a valid spec, so it cannot be compared ({why})")
    return Side(label, result.spec, doc)


def read_side(arg: str, cwd: Path | None = None) -> Side:
    """One side of `codify diff`: a spec file, or `REV:path` read from git (the path relative
    to the repository's top, or to the working folder when it starts with `./`)."""
    from codify.loader import LoadError, read_untrusted

    cwd = cwd or Path.cwd()
    path = Path(arg)
    if path.is_dir():
        path = path / "intervention.yaml"
    if (cwd / path).is_file() or ":" not in arg:
        try:
            raw = read_untrusted(cwd / path, arg)
        except LoadError as exc:
            raise DiffError(f"{arg}: {exc.diagnostic.message}") from exc
        return side_from_bytes(raw, arg)
    rev, _, inner = arg.partition(":")
    if not inner:
        raise DiffError(f"{arg}: expected REV:path, such as v1.0.0:intervention.yaml")
    raw_git = git_file(rev, inner, cwd)
    if raw_git is None:
        raise DiffError(f"{arg}: {inner!r} does not exist at {rev!r}")
    return side_from_bytes(raw_git, arg)


def against_side(rev: str, path: Path) -> Side | None:
    """The version of the spec file `path` at `rev`, or None when it did not exist there."""
    raw = git_file(rev, f"./{path.name}", path.parent if str(path.parent) else Path("."))
    return side_from_bytes(raw, f"{rev}:{path}") if raw is not None else None


# --- the version rule (CR031) and the history rules (CR032, CR033) ----------------------------

# The revision `codify check --against` compares with, for the length of one check. A context
# variable rather than a setting: it holds only inside `against()`, and a nested check (of the
# old version itself) sees none.
_AGAINST: ContextVar[str | None] = ContextVar("codify_against", default=None)
# Within one `against()`: each checked file's comparison, made once for CR031 and CR033.
_COMPARED: ContextVar[dict[tuple[str, int], _Compared] | None] = ContextVar(
    "codify_compared", default=None
)


@contextlib.contextmanager
def against(rev: str) -> Iterator[None]:
    """Within this block, CR031 compares each checked spec with its version at `rev`."""
    token = _AGAINST.set(rev)
    cache = _COMPARED.set({})
    try:
        yield
    finally:
        _COMPARED.reset(cache)
        _AGAINST.reset(token)


_LISTED = 5


def _changes(n: int) -> str:
    return f"{n} change needs" if n == 1 else f"{n} changes need"


@dataclass(frozen=True)
class _Compared:
    """The `against` comparison of one checked spec: nothing, a reason it failed, or the diff."""

    rev: str
    found: SpecDiff | None = None
    problem: str | None = None


def _compared(spec: Intervention, ctx: RuleContext) -> _Compared | None:
    """The checked spec compared with its version at the `against` revision, made once per
    check; None without `against()`, for a spec not read from a file, or for one that did not
    exist at the revision (a new spec may start at any version)."""
    rev = _AGAINST.get()
    doc = ctx.document
    if rev is None or doc is None or ctx.spec_dir is None or doc.path in ("-", ""):
        return None
    path = ctx.spec_dir / Path(doc.path).name
    cache = _COMPARED.get()
    key = (str(path), id(spec))
    if cache is not None and key in cache:
        return cache[key]
    try:
        old = against_side(rev, path)
    except DiffError as exc:
        result: _Compared | None = _Compared(rev, problem=str(exc))
    else:
        result = None if old is None else _Compared(rev, diff_specs(old, Side(doc.path, spec, doc)))
    if cache is not None and result is not None:
        cache[key] = result
    return result


def version_findings(spec: Intervention, ctx: RuleContext) -> Iterator[tuple[JsonPath, str]]:
    """CR031: the version bump is smaller than the changes since the `against` revision need."""
    compared = _compared(spec, ctx)
    if compared is None:
        return
    rev, found = compared.rev, compared.found
    if found is None:
        yield ("version",), f"cannot compare with {rev}: {compared.problem}"
        return
    if found.ok:
        return
    old = found.old
    declared = found.declared
    said = (
        f"version {spec.version} is not a semantic version above {old.spec.version}"
        if declared is None
        else f"version {spec.version} is "
        + ("the same as" if declared is Bump.none else f"a {declared.name} bump from")
        + f" {old.spec.version} at {rev}"
    )
    needing = found.needing(declared or Bump.none)
    yield (
        ("version",),
        (f"{said}, but {_changes(len(needing))} a {found.required.name} bump: {_list(needing)}"),
    )


def _list(changes: list[Change]) -> str:
    listed = "; ".join(f"{c.rule} {c.path}" for c in changes[:_LISTED])
    more = len(changes) - _LISTED
    return listed + (f" and {more} more" if more > 0 else "")


_RANK = {Level.editorial: 0, Level.compatible: 1, Level.breaking: 2}


def understated_findings(spec: Intervention, ctx: RuleContext) -> Iterator[tuple[JsonPath, str]]:
    """CR033: with `against()`, the history's entry for this version states its changes, and
    none as demanding as the most demanding change the comparison finds."""
    if not spec.history or spec.history[0].version != spec.version:
        return  # no entry for this version to hold to its word (CR032 says so)
    stated = spec.history[0].changes
    if not stated:
        return  # a summary alone states no class of change
    compared = _compared(spec, ctx)
    if compared is None or compared.found is None:
        return  # CR031 reports a comparison that failed
    most = max(_RANK[Level(c.level)] for c in stated)
    above = [c for c in compared.found.changes if _RANK[c.level] > most]
    if not above:
        return
    worst = max((c.level for c in above), key=_RANK.__getitem__)
    said = next(level for level, rank in _RANK.items() if rank == most)
    yield (
        ("history", 0, "changes"),
        f"the history's release {spec.version} states {said.value} changes at most, but "
        f"{len(above)} change{'s' if len(above) != 1 else ''} since {compared.rev} "
        f"{'are' if len(above) != 1 else 'is'} {worst.value}: {_list(above)}",
    )


# --- reporting ---------------------------------------------------------------------------------


def _where(side: Side, at: Pos | None) -> str | None:
    return f"{side.label}:{at[0]}:{at[1]}" if at is not None else None


def _verdict(found: SpecDiff) -> str:
    declared = found.declared
    said = "not a semantic-version increase" if declared is None else declared.name
    versions = f"{found.old.spec.version} -> {found.new.spec.version}"
    result = "enough" if found.ok else "too small"
    return f"required bump: {found.required.name}; declared: {said} ({versions}): {result}"


def to_text(found: SpecDiff, verbose: bool = False) -> str:
    """One line per change, `position: level rule path: message`, then counts and the bump.

    Every piece of spec text is escaped with `printable`: nothing can move the cursor or pose
    as another line.
    """
    lines = [f"{found.old.label} -> {found.new.label}"]
    for c in found.changes:
        where = _where(found.new, c.new_at) or _where(found.old, c.old_at) or found.new.label
        # Most messages begin with the place they name: it is not said twice.
        said = c.message if c.message.startswith(c.path) else f"{c.path}: {c.message}"
        line = f"{where}: {c.level.value} {c.rule} {said}"
        if verbose and c.old_at is not None and c.new_at is not None:
            line += f" (was {_where(found.old, c.old_at)})"
        lines.append(line)
    counts = {level: sum(c.level is level for c in found.changes) for level in Level}
    lines.append(
        f"{len(found.changes)} change{'s' if len(found.changes) != 1 else ''}: "
        + ", ".join(f"{n} {level.value} ({LEVEL_BUMP[level].name})" for level, n in counts.items())
    )
    lines.append(_verdict(found))
    return "".join(printable(line) + "\n" for line in lines)


def to_json(found: SpecDiff) -> str:
    """The diff as JSON: both versions, each change with its rule, level, bump and positions,
    and the verdict. Strings are JSON-escaped, so spec text cannot break the document."""

    def pos(at: Pos | None) -> dict[str, int] | None:
        return {"line": at[0], "column": at[1]} if at is not None else None

    declared = found.declared
    data = {
        "old": {
            "label": found.old.label,
            "id": found.old.spec.id,
            "version": found.old.spec.version,
        },
        "new": {
            "label": found.new.label,
            "id": found.new.spec.id,
            "version": found.new.spec.version,
        },
        "changes": [
            {
                "rule": c.rule,
                "level": c.level.value,
                "bump": c.bump.name,
                "path": c.path,
                "message": c.message,
                "old": pos(c.old_at),
                "new": pos(c.new_at),
            }
            for c in found.changes
        ],
        "required_bump": found.required.name,
        "declared_bump": declared.name if declared is not None else None,
        "ok": found.ok,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_MD_SECTIONS = (
    (Level.breaking, "What you must now do differently"),
    (Level.compatible, "What you may now do"),
    (Level.editorial, "Wording and the record"),
)


# The lists whose items a change names by id, and what an adopter calls such an item.
_ITEM_WORDS = {
    "core_elements": "core element",
    "adaptable_elements": "adaptable element",
    "proscribed": "ruled-out practice",
    "roles": "role",
    "materials": "material",
    "outcomes": "outcome",
    "pathway": "pathway phase",
    "readiness": "readiness criterion",
    "components": "component",
    "fidelity.criteria": "fidelity criterion",
    "delivery.procedures": "procedure",
}
_ITEM_PATH = re.compile(r"(?P<list>[a-z_]+(?:\.[a-z_]+)?)\[(?P<id>[^\]]+)\](?P<rest>.*)")


def _labels(found: SpecDiff) -> dict[tuple[str, str], str]:
    """Each named item of the lists in _ITEM_WORDS, by (list, id): its name, title or other
    naming field, from the new version, else the old (where a removed item is named)."""
    labels: dict[tuple[str, str], str] = {}
    for side in (found.old, found.new):  # the new version's name wins
        whole = dump(side.spec)
        for key in _ITEM_WORDS:
            data: Any = whole
            for part in key.split("."):
                data = data.get(part) if isinstance(data, dict) else None
            for item in data if isinstance(data, list) else ():
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    label = next((item[k] for k in _LABELS if isinstance(item.get(k), str)), None)
                    if label is not None:
                        labels[(key, item["id"])] = label
    return labels


def _named(path: str, message: str, labels: dict[tuple[str, str], str]) -> str:
    """The message with the place it starts with named as an adopter knows it: "core element
    **Rapid response standards** (`form`) changed ..." for "core_elements[rapid_response].form
    changed ..."; as it was when the place names no item with a name. Escaped for Markdown."""
    from codify.site.text import inline

    m = _ITEM_PATH.fullmatch(path)
    label = labels.get((m["list"], m["id"])) if m is not None else None
    if m is None or label is None or not message.startswith(path):
        return inline(message)
    part = m["rest"].lstrip(".")
    where = f"{_ITEM_WORDS[m['list']]} **{inline(' '.join(label.split()))}**"
    where += f" (`{part}`)" if part else ""
    rest = message[len(path) :]
    return where + (" " + inline(rest.lstrip()) if rest.strip() else "")


def to_markdown(found: SpecDiff) -> str:
    """ "What changed for adopters": the changes as a Markdown page, those that ask something of
    adopters first. Spec text is escaped with the site's helpers (raw HTML, braces and unsafe
    links cannot pass); rule ids and paths, made of ids, are shown as code."""
    from codify.site.text import heading, inline

    new = found.new.spec
    labels = _labels(found)
    title = f"What changed for adopters: {heading(new.name)} {heading(found.old.spec.version)} to {heading(new.version)}"
    out = [f"# {title}", ""]
    if not found.changes:
        out += ["Nothing that adopters read has changed.", ""]
    for level, name in _MD_SECTIONS:
        mine = [c for c in found.changes if c.level is level]
        if not mine:
            continue
        out += [f"## {name}", ""]
        # One item per rule, in the order first met: its summary says what the change means
        # for adopters, and the changes under it say which.
        grouped: dict[str, list[Change]] = {}
        for c in mine:
            grouped.setdefault(c.rule, []).append(c)
        for rule, changes in grouped.items():
            out.append(f"- {RULES[rule].summary} (`{rule}`)")
            out += [f"    - {_named(c.path, c.message, labels)}" for c in changes]
        out.append("")
    declared = found.declared
    bump = "not a higher semantic version" if declared is None else f"a {declared.name} bump"
    if declared is Bump.none:
        bump = "no bump"
    verdict = "enough" if found.ok else "too small"
    out += [
        f"The version goes from {inline(found.old.spec.version)} to {inline(new.version)}: "
        f"{bump}, where these changes need {'no bump' if not found.required else 'a ' + found.required.name + ' bump'}"
        f" ({verdict}).",
        "",
    ]
    return "\n".join(out)


# --- drafting the history (codify diff --write-history) ---------------------------------------


class HistoryError(Exception):
    """The history cannot be drafted into the file: the message says why (exit 2)."""


def draft_release(found: SpecDiff, date: str, language: str = "en") -> dict[str, Any]:
    """A release entry for the new version, drafted from the changes found: one line per rule
    and item for breaking and compatible changes, in the words `codify changes` uses, and one
    line counting the wording changes. The summary says it is a draft to be rewritten."""
    from codify.changelog import subject
    from codify.phrases import Phrasebook

    book = Phrasebook(language)
    old_data, new_data = dump(found.old.spec), dump(found.new.spec)
    counts = {level: sum(c.level is level for c in found.changes) for level in Level}
    # One line per rule and item, in the order met (breaking first), with the values added or
    # removed (the options, say) after it.
    lines: dict[tuple[str, str | None], tuple[Level, list[str]]] = {}
    rank = {Level.breaking: 0, Level.compatible: 1, Level.editorial: 2}
    for c in sorted(found.changes, key=lambda c: rank[c.level]):  # stable within a level
        if c.level is Level.editorial:
            continue
        removed = c.rule.endswith("-removed") or c.new_at is None
        name = subject(c.path, *((old_data, new_data) if removed else (new_data, old_data)))
        values = lines.setdefault((c.rule, name), (c.level, []))[1]
        if c.value is not None and c.value not in values:
            values.append(c.value)
    changes: list[dict[str, str]] = []
    for (rule, name), (level, values) in lines.items():
        said = book.text(f"diff.rule.{rule}")
        text = f"{name}: {said}" if name else said
        if values:
            text += f" ({'; '.join(values)})"
        changes.append({"level": level.value, "description": text})
    if counts[Level.editorial]:
        changes.append(
            {
                "level": Level.editorial.value,
                "description": book.fill("changes.wording_found", counts[Level.editorial]),
            }
        )
    summary = book.fill(
        "changes.draft_summary",
        breaking=counts[Level.breaking],
        compatible=counts[Level.compatible],
        editorial=counts[Level.editorial],
    )
    entry: dict[str, Any] = {
        "version": found.new.spec.version,
        "date": date,
        "summary": summary,
    }
    if changes:
        entry["changes"] = changes
    return entry


def _yaml_entry(entry: dict[str, Any], indent: str, nl: str, transition_hint: bool) -> str:
    """The entry as block YAML lines, each string double-quoted (JSON's escapes are YAML's),
    starting with `- ` at `indent`."""

    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    inner = indent + "  "
    lines = [f"{indent}- version: {q(entry['version'])}"]
    lines += [f"{inner}date: {q(entry['date'])}", f"{inner}summary: {q(entry['summary'])}"]
    if entry.get("changes"):
        lines.append(f"{inner}changes:")
        for change in entry["changes"]:
            lines.append(f"{inner}  - level: {change['level']}")
            lines.append(f"{inner}    description: {q(change['description'])}")
    if transition_hint:
        lines.append(
            f"{inner}# transition: {{until: YYYY-MM-DD, note: ...}}  # by when adopters act"
        )
    return nl.join(lines) + nl


def add_release_text(text: str, entry: dict[str, Any], path: str) -> str:
    """The spec's text with `entry` as the newest release of its `history`, every other line
    kept byte for byte (comments too): the entry's lines are spliced in above the first release,
    or a `history:` list is added at the end. The result is loaded again and must be the old
    data with the entry added, or nothing is changed (HistoryError)."""
    import copy

    from ruamel.yaml.error import YAMLError

    from codify.loader import LoadError, load_text
    from codify.migrate import MigrationError, _newline, _tree

    bom = "\ufeff" if text.startswith("\ufeff") else ""  # kept, as codify migrate keeps it
    text = text[len(bom) :]
    try:
        before = load_text(text, path).data
    except LoadError as exc:
        d = exc.diagnostic
        raise HistoryError(f"{d.location()}: {d.code} {d.message}; nothing was written") from None
    try:
        root, _ = _tree(text)
    except (MigrationError, YAMLError) as exc:
        raise HistoryError(f"{path}: cannot be read as YAML ({exc}); nothing was written") from None
    if not isinstance(before, dict):
        raise HistoryError(f"{path}: not a mapping of keys such as id, name")
    history = before.get("history")
    if history is not None and not isinstance(history, list):
        raise HistoryError(f"{path}: history is not a list; add the release by hand")
    if any(isinstance(r, dict) and r.get("version") == entry["version"] for r in history or ()):
        raise HistoryError(
            f"{path}: the history already has a release {entry['version']}; nothing was written"
        )
    nl = _newline(text)
    hint = any(c["level"] == Level.breaking.value for c in entry.get("changes", ()))
    pair = root.get("history")
    if pair is not None and pair[1].kind == "seq" and not pair[1].flow and pair[1].items:
        first = pair[1].items[0]
        line_start = text.rfind("\n", 0, first.start) + 1
        prefix = text[line_start : first.start]
        if not re.fullmatch(r" *- +", prefix):
            raise HistoryError(
                f"{path}: history is not a plain block list; add the release by hand"
            )
        indent = prefix[: prefix.index("-")]
        out = text[:line_start] + _yaml_entry(entry, indent, nl, hint) + text[line_start:]
    elif pair is None:
        column = root.pairs[0][0].column if root.pairs else 0
        body = text if text.endswith(("\n", "\r")) or not text else text + nl
        out = (
            body
            + " " * column
            + "history:"
            + nl
            + _yaml_entry(entry, " " * column + "  ", nl, hint)
        )
    else:
        raise HistoryError(f"{path}: history is not a plain block list; add the release by hand")
    expected = copy.deepcopy(before)
    expected["history"] = [entry, *(history or [])]
    try:
        after = load_text(out, path).data
    except LoadError as exc:  # pragma: no cover - a splice that breaks the YAML is a bug
        raise HistoryError(f"{path}: the drafted history would not load: {exc}") from None
    if after != expected:
        raise HistoryError(
            f"{path}: adding the release would change something else; add it by hand"
        )
    return bom + out
