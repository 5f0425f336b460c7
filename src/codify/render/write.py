"""Write generated files atomically, and only inside the output folder.

Files are first written to a staging folder beside the output; only when every file has been
rendered are they moved into place, one atomic rename each. A failed build leaves the previous
output as it was. Files whose content has not changed are not touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath


class UnsafeOutputPath(ValueError):
    """A generated file would land outside the output folder."""


class OutputWriter:
    """Collects files for one output folder and commits them all at once."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.files: dict[PurePosixPath, bytes] = {}

    def add(self, relative: str, content: str | bytes) -> None:
        """Queue a file at `relative` (a POSIX path inside the output folder)."""
        rel = PurePosixPath(relative)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise UnsafeOutputPath(f"refusing to write '{relative}' outside the output folder")
        self.files[rel] = content.encode("utf-8") if isinstance(content, str) else content

    def commit(self) -> list[Path]:
        """Write every queued file; return those whose content changed."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        root = self.out_dir.resolve()
        staging = Path(tempfile.mkdtemp(prefix=".codify-", dir=root))
        changed: list[Path] = []
        try:
            staged: list[tuple[Path, Path]] = []
            for rel, data in sorted(self.files.items()):
                target = root.joinpath(*rel.parts)
                if not target.resolve().is_relative_to(root):
                    raise UnsafeOutputPath(f"refusing to write '{rel}' outside the output folder")
                if target.is_file() and target.read_bytes() == data:
                    continue
                tmp = staging / f"{len(staged)}.part"
                with open(tmp, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                staged.append((tmp, target))
            for tmp, target in staged:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
                changed.append(target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return changed
