"""What changed for adopters: release notes built from the diffs between released versions.

A release is a version of the spec that adopters were given: a git tag whose commit holds the
spec (read with git, as `codify.diff` reads a revision), or an entry of the spec's own
`history`. `build_changelog` pairs each release with the one before it, classifies what changed
with `codify.diff`, and words it for adopters: what they must now do differently (breaking,
with the transition date the history states), what they may now do (compatible), and how
many wording-only changes there were. Where the history states a release's changes in the
innovator's own words, those are what adopters read; the diff fills in a release the history
says nothing about.

The result is a plain model (`Changelog`) that the templates `changes/changes.{html,md}` and the
site's changes page render; every piece of spec text in it stays spec text, escaped by the
template filters. The work is one diff per pair of consecutive releases: linear in the number
of releases times the size of the spec.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from codify.diff import (
    RULES,
    Change,
    DiffError,
    Level,
    Side,
    _git,
    diff_specs,
    dump,
    git_file,
    read_side,
    side_from_bytes,
)
from codify.history import version_parts

if TYPE_CHECKING:
    from codify.model import Intervention, Release, Transition


@dataclass
class Note:
    """One line of a release's notes.

    `text` is spec text (Markdown): the innovator's words from the history, or the name of the
    element a found change is about. `rule` is the `codify.diff` rule of a found change, whose
    phrase (`diff.rule.<id>`) says what it means; None for the innovator's own words.
    """

    text: str | None
    rule: str | None = None
    values: list[str] = field(default_factory=list)  # the options, modes... added or removed


@dataclass
class ReleaseNotes:
    """One release: its version, date and summary, and what it asks of adopters."""

    version: str
    date: str | None = None
    summary: str | None = None
    transition: Transition | None = None
    must: list[Note] = field(default_factory=list)  # breaking
    may: list[Note] = field(default_factory=list)  # compatible
    wording: list[Note] = field(default_factory=list)  # editorial, as the history states them
    wording_found: int = 0  # editorial changes the diff found, summarised as a count
    first: bool = False  # the first release known: nothing before it to compare with
    compared: bool = False  # whether the notes come from comparing it with the release before

    @property
    def empty(self) -> bool:
        """Whether nothing is said about what changed (beyond the summary)."""
        return not (self.must or self.may or self.wording or self.wording_found or self.transition)


@dataclass
class Changelog:
    """Every release of one spec, newest first, as adopters read them."""

    spec: Intervention  # the newest version: its name and language head the document
    releases: list[ReleaseNotes]


# --- naming what a change is about -----------------------------------------------------------

_STEP = re.compile(r"([A-Za-z_]+)(?:\[([^\]]*)\])?")
# The field that names an item, in the order tried: what adopters know it by.
_NAMES = ("name", "title", "practice", "option", "criterion", "term", "description", "label")


def _item_name(item: Any) -> str | None:
    """An item's name as a label: a practice written as a sentence loses its full stop."""
    text = item if isinstance(item, str) else None
    if isinstance(item, dict):
        text = next((item[k] for k in _NAMES if isinstance(item.get(k), str)), None)
    if text is None:
        return None
    text = " ".join(text.split())
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def subject(path: str, *data: dict[str, Any]) -> str | None:
    """The name of the outermost listed item a change's path names (`core_elements[huddle].form`
    is the core element's name), looked up in each version's data in turn; None for a change
    to a section as a whole (`delivery.modes`)."""
    for tree in data:
        node: Any = tree
        for step in path.split("."):
            found = _STEP.fullmatch(step)
            if found is None or not isinstance(node, dict):
                break
            node = node.get(found[1])
            sel = found[2]
            if sel is None:
                continue
            if not isinstance(node, list):
                break
            if sel.isdigit():
                item = node[int(sel)] if int(sel) < len(node) else None
            else:
                item = next((i for i in node if isinstance(i, dict) and i.get("id") == sel), None)
            name = _item_name(item)
            if name is not None:
                return name
            node = item
    return None


# --- releases ------------------------------------------------------------------------------------


def _key(version: str) -> tuple[int, int, int] | None:
    return version_parts(version)


def tagged_versions(path: Path) -> list[tuple[str, str, Side]]:
    """Each git tag whose commit holds the spec file `path`: (tag, date, that version), oldest
    first, one per spec version (the first tag to hold it). Nothing outside a git repository.
    """
    folder = path.parent if str(path.parent) else Path(".")
    listed = _git(
        [
            "for-each-ref",
            "--sort=creatordate",
            "--format=%(refname:short)%00%(creatordate:short)",
            "refs/tags",
        ],
        folder,
    )
    if listed.returncode != 0:
        return []  # not a repository, or no tags: the history alone says what was released
    found: list[tuple[str, str, Side]] = []
    seen: set[str] = set()
    for line in listed.stdout.decode("utf-8", "replace").splitlines():
        tag, _, date = line.partition("\0")
        if not tag or tag.startswith("-"):
            continue
        raw = git_file(tag, f"./{path.name}", folder)
        if raw is None:
            continue
        side = side_from_bytes(raw, f"{tag}:{path}")
        if side.spec.version in seen or _key(side.spec.version) is None:
            continue
        seen.add(side.spec.version)
        found.append((tag, date, side))
    found.sort(key=lambda t: _key(t[2].spec.version) or (0, 0, 0))
    return found


def _notes_from_diff(notes: ReleaseNotes, old: Side, new: Side) -> None:
    """Fill `notes` with what the diff from `old` to `new` finds, grouped as adopters act."""
    found = diff_specs(old, new)
    old_data, new_data = dump(old.spec), dump(new.spec)
    notes.compared = True
    # One line per rule and item (a form changed in three places is one change), with the
    # values added or removed under it.
    seen: dict[tuple[str, str | None], Note] = {}
    for change in found.changes:
        if change.level is Level.editorial:
            notes.wording_found += 1
            continue
        note = _note(change, new_data, old_data)
        same = seen.get((change.rule, note.text))
        if same is None:
            seen[(change.rule, note.text)] = same = note
            (notes.must if change.level is Level.breaking else notes.may).append(note)
        if change.value is not None and change.value not in same.values:
            same.values.append(change.value)


def _note(change: Change, new_data: dict[str, Any], old_data: dict[str, Any]) -> Note:
    # Something removed is named as it was; anything else as it is now.
    removed = change.rule.endswith("-removed") or change.new_at is None
    order = (old_data, new_data) if removed else (new_data, old_data)
    return Note(subject(change.path, *order), change.rule)


def _notes_from_history(notes: ReleaseNotes, release: Release) -> None:
    """Take the date, summary and transition from the history, and its changes when it states
    any: the innovator's words replace what the diff found."""
    notes.date = release.date
    notes.summary = release.summary
    notes.transition = release.transition
    if release.changes:
        notes.must = [Note(c.description) for c in release.changes if c.level is Level.breaking]
        notes.may = [Note(c.description) for c in release.changes if c.level is Level.compatible]
        notes.wording = [Note(c.description) for c in release.changes if c.level is Level.editorial]
        notes.wording_found = 0


def build_changelog(path: Path, use_git: bool = True) -> Changelog:
    """The release notes of the spec file `path`, newest first.

    The releases are the git tags holding the spec (with `use_git`) and the entries of the
    current spec's `history`; the current file counts as a release when its version is in
    its history (a version not yet tagged but written up as released). Raises DiffError when
    a version cannot be read.
    """
    current = read_side(str(path))
    return changelog_of(current, tagged_versions(path) if use_git else [])


def changelog_of(current: Side, tagged: list[tuple[str, str, Side]]) -> Changelog:
    """The release notes from the current version and the tagged ones (oldest first)."""
    history = {r.version: r for r in current.spec.history}
    sides: dict[str, tuple[str | None, Side]] = {
        side.spec.version: (date, side) for _, date, side in tagged
    }
    if current.spec.version in history or not sides:
        sides.setdefault(current.spec.version, (None, current))
    versions = set(sides) | set(history)
    ordered = sorted(versions, key=lambda v: (_key(v) is not None, _key(v) or (0, 0, 0)))
    releases: list[ReleaseNotes] = []
    before: Side | None = None
    for i, version in enumerate(ordered):
        notes = ReleaseNotes(version, first=i == 0)
        date_side = sides.get(version)
        if date_side is not None:
            notes.date = date_side[0]
            if before is not None:
                _notes_from_diff(notes, before, date_side[1])
            before = date_side[1]
        if version in history:
            _notes_from_history(notes, history[version])
        releases.append(notes)
    releases.reverse()
    return Changelog(current.spec, releases)


def history_changelog(spec: Intervention) -> Changelog:
    """The release notes the spec's own `history` states, without git: for the site."""
    releases = []
    for i, release in enumerate(spec.history):
        notes = ReleaseNotes(release.version, first=i == len(spec.history) - 1)
        _notes_from_history(notes, release)
        releases.append(notes)
    return Changelog(spec, releases)


__all__ = [
    "RULES",
    "Changelog",
    "DiffError",
    "Note",
    "ReleaseNotes",
    "build_changelog",
    "changelog_of",
    "history_changelog",
    "subject",
    "tagged_versions",
]


# --- rendering and writing -----------------------------------------------------------------------

OUTPUT_NAMES = {"markdown": "changes.md", "html": "changes.html"}


def render_changelog(changelog: Changelog, syntax: str, language: str = "en") -> str:
    """The changelog as one document: `syntax` is 'markdown' or 'html'. Spec text is escaped by
    the template filters, as in the handbook."""
    from codify.config import Branding
    from codify.render.templates import environment, render

    env = environment(None, Branding(), language)
    name = "changes/changes.md" if syntax == "markdown" else "changes/changes.html"
    return render(env, name, changelog=changelog, language=language)


def write_changelog(
    changelog: Changelog, out_dir: Path, spec_path: Path, language: str = "en"
) -> list[Path]:
    """Write changes.md and changes.html into `out_dir` as one transaction, as `codify build`
    writes (never over a file codify did not write, never into the spec's folder); returns what
    was written. Raises codify.render.write.OutputError."""
    from codify.outputs import CHANGES_MANIFEST
    from codify.render.write import OutputWriter, refuse_overlap

    refuse_overlap(out_dir, [spec_path])
    writer = OutputWriter(out_dir, manifest=CHANGES_MANIFEST, specs=[spec_path])
    for syntax, file_name in OUTPUT_NAMES.items():
        writer.add(file_name, render_changelog(changelog, syntax, language))
    return writer.commit()
