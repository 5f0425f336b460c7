"""MkDocs hook: build the bundled examples' handbooks, checklists and site into the docs site.

The generated files are not committed to docs/: they are built from examples/ each time the
documentation is built, so the pages that link to them can never show a stale version.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def _run(*args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "codify", *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"codify {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}")


def on_post_build(config: Any, **kwargs: Any) -> None:
    """After the docs are built, add examples/<id>/ handbooks and examples/site/."""
    root = Path(config["config_file_path"]).parent
    target = Path(config["site_dir"]) / "examples"
    _run("build", str(root / "examples"), "--out", str(target), "--quiet")
    with tempfile.TemporaryDirectory() as tmp:
        _run("site", str(root / "examples"), "--out", tmp, "--build", "--quiet")
        shutil.copytree(Path(tmp) / "site", target / "site", dirs_exist_ok=True)
