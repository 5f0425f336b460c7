"""Write generated files atomically, only inside the output folder, never over a person's work.

Files are first written to a staging folder beside the output; only when every file has been
rendered are they moved into place, one atomic rename each. A failed build leaves the previous
output as it was. Files whose content has not changed are not touched.

With a manifest, the writer also remembers what it wrote (each file's SHA-256) in a small JSON
file in the output folder, and uses it to keep two promises: a file codify did not write, or
one edited by hand since codify wrote it, is never overwritten; and a file codify wrote last
time that is no longer generated (a material removed from the spec) is removed, unless it was
edited since.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from codify import __version__


class UnsafeOutputPath(ValueError):
    """A generated file would land outside the output folder."""


class OutputConflict(ValueError):
    """A generated file would replace a file that a person wrote or edited."""


def digest(data: bytes) -> str:
    """The SHA-256 of some content, as hex."""
    return hashlib.sha256(data).hexdigest()


class OutputWriter:
    """Collects files for one output folder and commits them all at once."""

    def __init__(self, out_dir: Path, manifest: str | None = None) -> None:
        self.out_dir = out_dir
        self.manifest = manifest
        self.files: dict[PurePosixPath, bytes] = {}
        self.removed: list[Path] = []

    def add(self, relative: str, content: str | bytes) -> None:
        """Queue a file at `relative` (a POSIX path inside the output folder)."""
        rel = PurePosixPath(relative)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise UnsafeOutputPath(f"refusing to write '{relative}' outside the output folder")
        self.files[rel] = content.encode("utf-8") if isinstance(content, str) else content

    def previous(self) -> dict[str, str]:
        """What the last commit wrote, by POSIX path: the SHA-256 of each file."""
        if self.manifest is None:
            return {}
        try:
            data = json.loads((self.out_dir / self.manifest).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        files = data.get("files", {}) if isinstance(data, dict) else {}
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}

    def commit(self) -> list[Path]:
        """Write every queued file; return those whose content changed.

        Raises OutputConflict, before writing anything, when a file would replace one that a
        person wrote or edited (only with a manifest), and UnsafeOutputPath when a path leads
        out of the folder.
        """
        self.out_dir.mkdir(parents=True, exist_ok=True)
        root = self.out_dir.resolve()
        previous = self.previous()
        files = dict(self.files)
        if self.manifest is not None:
            record = {
                "generator": f"codify {__version__}",
                "files": {str(rel): digest(data) for rel, data in sorted(files.items())},
            }
            text = json.dumps(record, indent=1, sort_keys=True) + "\n"
            files[PurePosixPath(self.manifest)] = text.encode("utf-8")

        pending: list[tuple[Path, bytes]] = []
        for rel, data in sorted(files.items()):
            target = root.joinpath(*rel.parts)
            if not target.resolve().is_relative_to(root):
                raise UnsafeOutputPath(f"refusing to write '{rel}' outside the output folder")
            if target.is_file():
                current = target.read_bytes()
                if current == data:
                    continue
                self._check_ours(rel, current, previous)
            pending.append((target, data))

        staging = Path(tempfile.mkdtemp(prefix=".codify-", dir=root))
        changed: list[Path] = []
        try:
            staged: list[tuple[Path, Path]] = []
            for i, (target, data) in enumerate(pending):
                tmp = staging / f"{i}.part"
                with open(tmp, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                staged.append((tmp, target))
            for tmp, target in staged:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
                if target.name != self.manifest or target.parent != root:
                    changed.append(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._remove_stale(root, previous, {str(rel) for rel in self.files})
        return changed

    def _check_ours(self, rel: PurePosixPath, current: bytes, previous: dict[str, str]) -> None:
        if self.manifest is None or str(rel) == self.manifest:
            return
        where = self.out_dir / Path(*rel.parts)
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

    def _remove_stale(self, root: Path, previous: dict[str, str], current: set[str]) -> None:
        """Remove files the last commit wrote that are no longer generated, if untouched."""
        for name in sorted(set(previous) - current):
            target = (root / name).resolve()
            if not target.is_relative_to(root) or not target.is_file():
                continue
            if digest(target.read_bytes()) != previous[name]:
                continue  # edited by hand since: leave it
            target.unlink()
            self.removed.append(target)
            folder = target.parent
            while folder != root:
                try:
                    folder.rmdir()
                except OSError:
                    break
                folder = folder.parent
