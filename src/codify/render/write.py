"""Write generated files as one transaction, inside the output folder, never over anyone's work.

Every file is first written to a staging folder (`.codify-*`) inside the output folder. Only when
all of them are on disk does the writer change the output: it records a journal of what it is
about to do, moves each old file it replaces or removes into the staging folder (checking it is
still the file it checked), moves each new file into place, and last replaces the manifest (or,
if the manifest is unchanged, deletes the journal): that is the commit point. An error before it
puts every old file back; a run killed before it (SIGKILL, power loss) is undone the same way by
the next commit into that folder, which finds the journal. Ctrl-C and SIGTERM are held back while
the output changes, and commits into one folder take turns. Unchanged files are not touched.

With a manifest, the writer records in a small JSON file the SHA-256 of each file it created or
overwrote (and of files it recorded before and still writes), and keeps these promises:

- a file codify did not write, or one edited by hand since, is never overwritten; a file that
  already holds exactly what codify would write is left alone and not claimed as codify's;
- a file codify wrote last time that is no longer generated is removed, unless it was edited
  since, or `keep` says a partial build is not responsible for it;
- an input of the build (a spec, a material, a settings file, a logo, a template) is never
  overwritten, removed or recorded, and the output folder may not be, or contain, a spec's
  folder (`refuse_overlap`), because the build writes there the layout authors use;
- nothing is written through a link, over a folder, or where a file stands in for a folder.

A file may be added with a `source`: a digest of everything it was made from. The manifest
records it beside the file's own digest, and the next run asks `reusable` before making the file
again: when the source is the same and the file is still exactly what was recorded, its bytes
on disk are the output, and nothing has to be rendered or printed (see `codify.api`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from codify import __version__

# Staging folders are named `.codify-<random>`; the names of what the writer puts in them let a
# later run tell a staging folder left by a killed run from a folder a person happened to name so.
STAGING_PREFIX = ".codify-"
JOURNAL = "journal.json"
_STAGED_NAME = re.compile(r"(r?\d+\.(part|new|old)|manifest\.new|journal\.(json|tmp))")
# Held back while the output folder changes, so an interrupt never leaves it half-written.
_DEFERRED_SIGNALS = {signal.SIGINT, signal.SIGTERM} | (
    {signal.SIGHUP} if hasattr(signal, "SIGHUP") else set()
)


class OutputError(ValueError):
    """The output could not be written; the message says where and why."""


class UnsafeOutputPath(OutputError):
    """A generated file would land outside the output folder."""


class OutputOverlap(UnsafeOutputPath):
    """The output folder is, or contains, a spec's folder: generated files would mix with inputs."""


class OutputConflict(OutputError):
    """A generated file would replace a file or folder that a person wrote, edited or reads from."""


class OutputNotWritable(OutputError):
    """The output folder cannot be made or written (a file in the way, read-only, disk full)."""


def digest(data: bytes) -> str:
    """The SHA-256 of some content, as hex."""
    return hashlib.sha256(data).hexdigest()


def output_problem(out_dir: Path) -> str | None:
    """Why `out_dir` cannot be used as an output folder, or None if it can (or can be made)."""
    try:
        return _output_problem(out_dir)
    except (OSError, RuntimeError) as exc:
        return f"cannot use output folder {out_dir}: {getattr(exc, 'strerror', None) or exc}"


def _output_problem(out_dir: Path) -> str | None:
    if out_dir.is_symlink() and not out_dir.exists():
        return f"output folder {out_dir} is a link to {os.readlink(out_dir)}, which does not exist"
    if out_dir.exists():
        if not out_dir.is_dir():
            return f"output folder {out_dir} is a file, not a folder"
        if not os.access(out_dir, os.W_OK | os.X_OK):
            return f"output folder {out_dir} is read-only"
        return None
    # The folder will be made: its nearest existing ancestor must be a folder we can write to.
    for parent in out_dir.parents:
        if parent.is_symlink() and not parent.exists():
            return (
                f"cannot make output folder {out_dir}: {parent} is a link to "
                f"{os.readlink(parent)}, which does not exist"
            )
        if parent.exists():
            if not parent.is_dir():
                return f"cannot make output folder {out_dir}: {parent} is a file, not a folder"
            if not os.access(parent, os.W_OK | os.X_OK):
                return f"cannot make output folder {out_dir}: {parent} is read-only"
            return None
    return None


def refuse_overlap(out_dir: Path, specs: Iterable[Path]) -> None:
    """Raise OutputOverlap if `out_dir` is a spec, or is or contains a spec's folder.

    A build lays out its output as an author lays out a spec folder (materials/<id>/<file>), so
    writing into one would mix generated files with the author's own and put them at risk.
    """
    out = out_dir.resolve()
    for spec in specs:
        path = spec.resolve()
        if _same(path, out):
            raise OutputOverlap(
                f"output folder {out_dir} is the spec {spec}; choose a folder of its own"
            )
        folder = path.parent
        if _same(folder, out):
            raise OutputOverlap(
                f"output folder {out_dir} is the folder of the spec {spec}; generated files "
                "would mix with the author's files: choose an output folder outside it"
            )
        if any(_same(p, out) for p in folder.parents):
            raise OutputOverlap(
                f"output folder {out_dir} contains {spec.parent}, the folder of the spec "
                f"{spec}; generated files would mix with the author's files: choose an "
                "output folder outside it"
            )


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name the same file or folder (also on case-insensitive disks)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a == b


@dataclass
class _Write:
    """One file to create or overwrite; `backup` names where the old file goes while committing."""

    rel: str
    data: bytes
    staged: str
    backup: str | None
    was: str | None = None  # the SHA-256 of the file it replaces, as checked when planning


@dataclass
class _Plan:
    """Everything one commit will change, decided before anything is changed."""

    writes: list[_Write] = field(default_factory=list)
    removals: list[tuple[str, str, str]] = field(default_factory=list)  # (rel, backup, SHA-256)
    folders: list[str] = field(default_factory=list)  # folders to make, parents first
    manifest: bytes | None = None  # the new manifest, if it differs from the one on disk


class OutputWriter:
    """Collects files for one output folder and commits them all at once, or none of them.

    `inputs` are the files the build reads (specs, materials, settings file, logo, templates):
    none is ever overwritten, removed or recorded as codify's. `specs` are the spec files: the
    output folder may not be, or contain, the folder of one (see refuse_overlap); they count as
    inputs too.
    """

    def __init__(
        self,
        out_dir: Path,
        manifest: str | None = None,
        *,
        inputs: Iterable[Path] = (),
        specs: Iterable[Path] = (),
    ) -> None:
        self.out_dir = out_dir
        self.manifest = manifest
        self.specs = list(specs)
        self.inputs = [*self.specs, *inputs]
        self.files: dict[PurePosixPath, bytes] = {}
        self.sources: dict[str, str] = {}
        self.kept: set[str] = set()
        self.removed: list[Path] = []
        self._previous: tuple[dict[str, str], dict[str, str]] | None = None

    def add(self, relative: str, content: str | bytes, source: str | None = None) -> None:
        """Queue a file at `relative` (a POSIX path inside the output folder).

        `source` is a digest of everything the file was made from; it is recorded with the
        file, so that the next run can reuse the file instead of making it again.
        """
        rel = PurePosixPath(relative)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise UnsafeOutputPath(f"refusing to write '{relative}' outside the output folder")
        if rel.parts[0].startswith(STAGING_PREFIX) or str(rel) == self.manifest:
            raise UnsafeOutputPath(f"refusing to write '{relative}': the name is codify's own")
        self.files[rel] = content.encode("utf-8") if isinstance(content, str) else content
        if source is None:
            self.sources.pop(str(rel), None)
        else:
            self.sources[str(rel)] = source

    def keep(self, relative: str) -> None:
        """Leave a file the last commit wrote as it is, still recorded, if this one does not add it.

        A partial build (only some kinds of file) keeps the files of the kinds it did not build.
        """
        self.kept.add(str(PurePosixPath(relative)))

    def previous(self) -> dict[str, str]:
        """What the last commit recorded, by POSIX path: the SHA-256 of each file."""
        return self._recorded()[0]

    def reusable(self, relative: str, source: str) -> bytes | None:
        """The bytes of a file the last commit wrote from `source`, if it can stand as the output.

        That is when the manifest records the same source for it and the file is still a
        regular file, reached through no link, holding exactly what was recorded (not edited,
        not an input of the build). Otherwise None: the caller makes the file afresh, and the
        commit then treats it as it treats any file (an edited one is still never overwritten).
        """
        files, sources = self._recorded()
        name = str(PurePosixPath(relative))
        if sources.get(name) != source or name not in files:
            return None
        try:
            root = self.out_dir.resolve()
            target = self._recorded_file(root, name)
            if target is None or _InputSet(self.inputs)(target):
                return None
            data = target.read_bytes()
        except (OSError, RuntimeError):
            return None
        return data if digest(data) == files[name] else None

    def _recorded(self) -> tuple[dict[str, str], dict[str, str]]:
        """The last commit's manifest, read once: each file's SHA-256 and each file's source."""
        if self.manifest is None:
            return {}, {}
        if self._previous is None:
            self._previous = _read_manifest_sources(self.out_dir / self.manifest)
        return self._previous

    def commit(self) -> list[Path]:
        """Write every queued file; return those whose content changed.

        Raises, before changing anything: OutputOverlap when the folder is or holds a spec's
        folder; OutputConflict when a file would replace a person's work or an input;
        UnsafeOutputPath when a path leads out of the folder; OutputNotWritable when the folder
        cannot be made or written (then any change already made is undone).
        """
        problem = output_problem(self.out_dir)
        if problem:
            raise OutputNotWritable(problem)
        refuse_overlap(self.out_dir, self.specs)
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            root = self.out_dir.resolve()
            with _locked(root):
                _recover(root)
                plan = self._plan(root)
                if not (plan.writes or plan.removals or plan.manifest is not None):
                    return []
                return self._apply(root, plan)
        except OSError as exc:
            raise OutputNotWritable(self._os_message(exc)) from None
        except RuntimeError as exc:  # a loop of links (Python before 3.13 raises this)
            raise OutputNotWritable(f"{self.out_dir}: cannot write: {exc}") from None

    # --- deciding --------------------------------------------------------------------------

    def _plan(self, root: Path) -> _Plan:
        """Check every file against what is on disk and decide what to change; change nothing."""
        plan = _Plan()
        # Read afresh: a run waiting for the lock must see what the run before it committed.
        previous, previous_sources = (
            _read_manifest_sources(root / self.manifest) if self.manifest else ({}, {})
        )
        is_input = _InputSet(self.inputs)
        record: dict[str, str] = {}
        sources: dict[str, str] = {}
        names = {str(rel) for rel in self.files}
        for rel in self.files:
            for parent in rel.parents:
                if str(parent) in names:
                    raise OutputConflict(f"{self._shown(parent)} is both a file and a folder")
        for rel, data in sorted(self.files.items()):
            name = str(rel)
            target = self._checked_target(root, rel)
            if is_input(target):
                if target.is_file() and target.read_bytes() == data:
                    continue  # the input already is the output: nothing to write or claim
                raise OutputConflict(
                    f"{self._shown(rel)} is an input of this build; codify never overwrites "
                    "its inputs: choose another output folder"
                )
            if not os.path.lexists(target):
                plan.writes.append(_Write(name, data, f"{len(plan.writes)}.new", None))
                record[name] = digest(data)
                continue
            if target.is_dir():
                raise OutputConflict(
                    f"{self._shown(rel)} is a folder; codify will not replace a folder with a file"
                )
            if not target.is_file():
                raise OutputConflict(f"{self._shown(rel)} is not a regular file; move it away")
            current = target.read_bytes()
            if current == data:
                # Unchanged. Claimed only if codify recorded it before: a file that a person
                # made, which happens to match, stays theirs (so it is never removed later).
                if name in previous:
                    record[name] = digest(data)
                continue
            self._check_ours(rel, current, previous)
            i = len(plan.writes)
            plan.writes.append(_Write(name, data, f"{i}.new", f"{i}.old", digest(current)))
            record[name] = digest(data)

        for name in sorted(set(previous) - names):
            recorded = self._recorded_file(root, name)
            if recorded is None or is_input(recorded):
                continue  # gone, turned into a folder or link, or read by the build: not ours
            if name in self.kept:
                record[name] = previous[name]  # left as it is, edited or not
                if name in previous_sources:
                    sources[name] = previous_sources[name]
            elif digest(recorded.read_bytes()) == previous[name]:
                plan.removals.append((name, f"r{len(plan.removals)}.old", previous[name]))
            # else edited by hand since: it is the person's now, and stays

        made: set[str] = set()
        for write in plan.writes:
            for parent in reversed(PurePosixPath(write.rel).parents):
                folder = str(parent)
                if folder != "." and folder not in made and not root.joinpath(folder).exists():
                    made.add(folder)
                    plan.folders.append(folder)

        if self.manifest is not None:
            # A source is recorded only with a file the manifest claims as codify's.
            sources.update((n, self.sources[n]) for n in record if n in self.sources)
            text = _manifest_text(record, sources)
            path = root / self.manifest
            if path.is_dir() or path.is_symlink():
                raise OutputConflict(f"{self._shown(self.manifest)} is not codify's manifest file")
            if not path.is_file() or path.read_bytes() != text:
                plan.manifest = text
        return plan

    def _checked_target(self, root: Path, rel: PurePosixPath) -> Path:
        """The path of `rel` in the output, once it is clear no link or file is in its way."""
        node = root
        for i, part in enumerate(rel.parts):
            node = node / part
            last = i == len(rel.parts) - 1
            if node.is_symlink():
                resolved = _resolved(node)
                if resolved is not None and not resolved.is_relative_to(root):
                    raise UnsafeOutputPath(f"refusing to write '{rel}' outside the output folder")
                raise OutputConflict(
                    f"{self._shown(PurePosixPath(*rel.parts[: i + 1]))} is a link; codify "
                    "writes only real files and folders: move it away"
                )
            if not last and node.exists() and not node.is_dir():
                raise OutputConflict(
                    f"{self._shown(PurePosixPath(*rel.parts[: i + 1]))} is a file where codify "
                    f"needs a folder (for {self._shown(rel)}); move it away"
                )
            if not node.exists():
                break  # nothing deeper exists either
        return root.joinpath(*rel.parts)

    def _recorded_file(self, root: Path, name: str) -> Path | None:
        """The file a manifest entry names, if it is still a regular file reached by no link."""
        rel = PurePosixPath(name)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts or name == self.manifest:
            return None
        target = root.joinpath(*rel.parts)
        if target.is_symlink() or not target.is_file() or _resolved(target.parent) != target.parent:
            return None
        return target

    def _check_ours(self, rel: PurePosixPath, current: bytes, previous: dict[str, str]) -> None:
        if self.manifest is None:
            return
        where = self._shown(rel)
        if str(rel) not in previous:
            raise OutputConflict(
                f"{where} exists and was not written by codify; move it, or choose another "
                "output folder (codify never overwrites files it did not write)"
            )
        if digest(current) != previous[str(rel)]:
            raise OutputConflict(
                f"{where} was edited since codify wrote it; move your edited copy away, then "
                "build again (generated files are rebuilt from the spec and templates)"
            )

    # --- changing --------------------------------------------------------------------------

    def _apply(self, root: Path, plan: _Plan) -> list[Path]:
        """Stage, journal, then change the output; undo it all if anything fails before the end."""
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
        try:
            for write in plan.writes:
                _write_synced(staging / write.staged, write.data)
            manifest: dict[str, str] | None = None
            if self.manifest is not None and plan.manifest is not None:
                _write_synced(staging / "manifest.new", plan.manifest)
                manifest = {"name": self.manifest, "digest": digest(plan.manifest)}
            journal = {
                "codify": __version__,
                "manifest": manifest,
                "folders": plan.folders,
                "writes": [
                    {
                        "target": w.rel,
                        "staged": w.staged,
                        "backup": w.backup,
                        "digest": digest(w.data),
                    }
                    for w in plan.writes
                ],
                "removals": [{"target": rel, "backup": b} for rel, b, _ in plan.removals],
            }
            _write_synced(staging / "journal.tmp", json.dumps(journal).encode("utf-8"))
            os.replace(staging / "journal.tmp", staging / JOURNAL)
            _sync_folder(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # the output is not touched yet
            raise

        with _signals_deferred():
            try:
                for folder in plan.folders:
                    root.joinpath(folder).mkdir()
                for write in plan.writes:
                    target = root / write.rel
                    if write.backup:
                        self._set_aside(target, staging / write.backup, write.was)
                    os.replace(staging / write.staged, target)
                for rel, backup, was in plan.removals:
                    self._set_aside(root / rel, staging / backup, was)
                if manifest is not None:
                    os.replace(staging / "manifest.new", root / manifest["name"])  # commit point
                else:
                    (staging / JOURNAL).unlink()  # the commit point when the manifest is unchanged
            except BaseException:
                _undo(root, staging, journal)
                shutil.rmtree(staging, ignore_errors=True)
                raise
            # Committed: what is left in staging is codify's own superseded files.
            with suppress(OSError):
                _sync_folder(root)
            shutil.rmtree(staging, ignore_errors=True)

        for rel, _, _ in plan.removals:
            target = root / rel
            self.removed.append(target)
            _remove_empty_folders(target.parent, root)
        return [root / w.rel for w in plan.writes]

    def _set_aside(self, target: Path, backup: Path, was: str | None) -> None:
        """Move an old file into staging, and make sure it is the one checked when planning.

        Someone may have saved over it in the moment since; then the commit is undone, so
        that their file goes back in place rather than being deleted with the backups.
        """
        os.replace(target, backup)
        if digest(backup.read_bytes()) != was:
            rel = target.relative_to(backup.parent.parent).as_posix()
            raise OutputConflict(f"{self._shown(rel)} changed while codify was writing")

    # --- messages --------------------------------------------------------------------------

    def _shown(self, rel: PurePosixPath | str) -> Path:
        """A path in the output folder as the user named that folder."""
        return self.out_dir.joinpath(*PurePosixPath(rel).parts)

    def _os_message(self, exc: OSError) -> str:
        """An OSError as one line naming the path, as the user would write it."""
        reason = exc.strerror or str(exc)
        where: Path = self.out_dir
        if exc.filename:
            path = Path(os.fsdecode(exc.filename))
            with suppress(OSError, ValueError, RuntimeError):
                rel = path.relative_to(self.out_dir.resolve())
                if not rel.parts or not rel.parts[0].startswith(STAGING_PREFIX):
                    where = self._shown(rel.as_posix())
        return f"{where}: cannot write: {reason}"


class _InputSet:
    """Tells whether a path is one of the build's inputs, by resolved path and by file identity."""

    def __init__(self, inputs: Iterable[Path]) -> None:
        self.paths: set[Path] = set()
        self.ids: set[tuple[int, int]] = set()
        for path in inputs:
            resolved = _resolved(path)
            if resolved is not None:
                self.paths.add(resolved)
            with suppress(OSError):
                st = path.stat()
                self.ids.add((st.st_dev, st.st_ino))

    def __call__(self, target: Path) -> bool:
        if _resolved(target) in self.paths:
            return True
        try:
            st = target.stat()
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self.ids


def _resolved(path: Path) -> Path | None:
    """The path with every link followed, or None where links go round in a loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _manifest_text(record: dict[str, str], sources: dict[str, str] | None = None) -> bytes:
    data: dict[str, Any] = {
        "generator": f"codify {__version__}",
        "files": dict(sorted(record.items())),
    }
    if sources:
        data["sources"] = dict(sorted(sources.items()))
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _read_manifest(path: Path) -> dict[str, str]:
    """The files a manifest records; empty if it is missing, unreadable or not codify's."""
    return _read_manifest_sources(path)[0]


def _read_manifest_sources(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The files a manifest records and the sources it records for them (both by path).

    Both are empty if the manifest is missing, unreadable or not codify's; a manifest from
    before sources were recorded has none, so nothing in its folder is reused.
    """
    if path.is_symlink():
        return {}, {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    if not isinstance(data, dict):
        return {}, {}
    found: list[dict[str, str]] = []
    for key in ("files", "sources"):
        table = data.get(key, {})
        found.append({str(k): str(v) for k, v in table.items()} if isinstance(table, dict) else {})
    files, sources = found
    return files, {k: v for k, v in sources.items() if k in files}


def _write_synced(path: Path, data: bytes) -> None:
    """Write a new file and flush it to the disk, so a rename of it is never of a partial file."""
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (renames into it) to the disk, where the system allows it."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_empty_folders(folder: Path, root: Path) -> None:
    """Remove `folder` and its parents up to `root` while they are empty."""
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent


def _undo(root: Path, staging: Path, journal: dict[str, Any]) -> None:
    """Put the output back as it was before an unfinished commit, from its journal.

    Every step is checked against the disk, so undoing works wherever the commit stopped, and
    twice over. A file that someone changed since the commit stopped is left as they made it;
    the backup it would have replaced is codify's own superseded file. A journal is read as
    untrusted (anyone who can write to the folder can plant one): only plain paths inside the
    folder, reached through no link, and only staged names are acted on.
    """

    def inside(name: object) -> Path | None:
        if not isinstance(name, str):
            return None
        rel = PurePosixPath(name)
        if rel.is_absolute() or not rel.parts or ".." in rel.parts:
            return None
        if rel.parts[0].startswith(STAGING_PREFIX):
            return None
        path = root.joinpath(*rel.parts)
        return path if _resolved(path.parent) == path.parent else None

    def staged(name: object) -> Path | None:
        if isinstance(name, str) and _STAGED_NAME.fullmatch(name):
            return staging / name
        return None

    for removal in reversed(_entries(journal, "removals")):
        target, backup = inside(removal.get("target")), staged(removal.get("backup"))
        if target and backup and backup.is_file() and not os.path.lexists(target):
            os.replace(backup, target)
    for write in reversed(_entries(journal, "writes")):
        target = inside(write.get("target"))
        if target is None:
            continue
        placed = (
            target.is_file()
            and not target.is_symlink()
            and digest(target.read_bytes()) == write.get("digest")
        )
        if write.get("backup") is not None:  # it replaced a file: put that file back
            backup = staged(write.get("backup"))
            if backup and backup.is_file() and (placed or not os.path.lexists(target)):
                os.replace(backup, target)
        elif placed:  # it made a new file: remove it
            target.unlink()
    folders = journal.get("folders")
    for folder in reversed(folders if isinstance(folders, list) else []):
        path = inside(folder)
        if path is not None:
            with suppress(OSError):
                path.rmdir()
    _sync_folder(root)


def _entries(journal: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The well-formed entries of one list in a journal."""
    entries = journal.get(key)
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _recover(root: Path) -> None:
    """Undo any commit into `root` that was killed before its commit point; clear its staging.

    A staging folder with a journal belongs to a commit that began changing the output: it
    committed if the manifest on disk is the one it journalled, and is undone otherwise. One
    without a journal was killed before changing anything.
    """
    for entry in sorted(root.iterdir()):
        if not entry.name.startswith(STAGING_PREFIX) or entry.is_symlink() or not entry.is_dir():
            continue
        contents = list(entry.iterdir())
        if not all(p.is_file() and _STAGED_NAME.fullmatch(p.name) for p in contents):
            continue  # not a staging folder of codify's: a person's folder, left alone
        journal_path = entry / JOURNAL
        if journal_path.is_file():
            try:
                journal = json.loads(journal_path.read_text(encoding="utf-8"))
            except ValueError:
                continue  # cannot tell what it did: keep its backups rather than guess
            if not isinstance(journal, dict):
                continue
            if not _committed(root, journal):
                _undo(root, entry, journal)
        shutil.rmtree(entry)


def _committed(root: Path, journal: dict[str, Any]) -> bool:
    manifest = journal.get("manifest")
    if not isinstance(manifest, dict):
        return False
    name = manifest.get("name")
    if not isinstance(name, str) or not name or "/" in name or "\\" in name or name in (".", ".."):
        return False
    path = root / name
    try:
        return path.is_file() and digest(path.read_bytes()) == manifest.get("digest")
    except OSError:
        return False


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder, so two commits never interleave."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    fd = os.open(root, os.O_RDONLY)
    try:
        with suppress(OSError):  # a file system without locks: go ahead unlocked
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold back Ctrl-C and termination signals; they take effect once the block is done."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
