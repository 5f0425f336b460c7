"""Build or preview a generated project with MkDocs (Material for MkDocs) or Zensical.

MkDocs is imported here only, when a build or preview is asked for, so that `codify check`
never pays for it. Builds are strict: any warning (a broken link, a page missing from the
navigation) fails the build, because a replication site with a broken link misleads adopters.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildOutcome:
    """What a build did: whether it passed, its warnings and errors, and how long it took."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    site_dir: Path | None = None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def mkdocs_build(project_dir: Path) -> BuildOutcome:
    """`mkdocs build --strict` on the project, through MkDocs' Python API."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    start = time.perf_counter()
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)  # the strict-mode counter only sees what the logger passes
    try:
        config = load_config(config_file=str(project_dir / "mkdocs.yml"), strict=True)
        build(config)
        ok = not handler.messages
        site_dir = Path(config.site_dir)
    except MkDocsException as exc:
        handler.messages.append(f"ERROR: {exc}")
        ok, site_dir = False, None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return BuildOutcome(ok, handler.messages, time.perf_counter() - start, site_dir)


def zensical_command() -> list[str] | None:
    """How to run Zensical here (its CLI beside this Python, or on PATH), or None."""
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    return [found] if found else None


def zensical_build(project_dir: Path) -> BuildOutcome:
    """`zensical build --strict` on the project, as a subprocess of its CLI."""
    command = zensical_command()
    if command is None:
        return BuildOutcome(False, ["ERROR: Zensical is not installed (pip install zensical)"])
    start = time.perf_counter()
    run = subprocess.run(
        [*command, "build", "--clean", "--strict", "--config-file", "mkdocs.yml"],
        cwd=project_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    output = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    problems = [] if run.returncode == 0 else output
    return BuildOutcome(
        run.returncode == 0, problems, time.perf_counter() - start, project_dir / "site"
    )


def watch(paths: Sequence[Path], on_change: Callable[[], None], interval: float = 0.5) -> None:
    """Call `on_change` whenever one of `paths` changes, from a daemon thread."""

    def stamp() -> tuple[float, ...]:
        return tuple(p.stat().st_mtime if p.exists() else 0.0 for p in paths)

    def loop() -> None:
        seen = stamp()
        while True:
            time.sleep(interval)
            now = stamp()
            if now != seen:
                seen = now
                on_change()

    threading.Thread(target=loop, name="codify-site-watch", daemon=True).start()


def mkdocs_serve(project_dir: Path, dev_addr: str) -> None:
    """`mkdocs serve` with live reload; blocks until interrupted."""
    from mkdocs.commands.serve import serve

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)
    serve(config_file=str(project_dir / "mkdocs.yml"), livereload=True, dev_addr=dev_addr)


def zensical_serve(project_dir: Path, dev_addr: str) -> None:
    """`zensical serve` (which rebuilds on change); blocks until interrupted.

    Raises FileNotFoundError when Zensical is not installed.
    """
    command = zensical_command()
    if command is None:
        raise FileNotFoundError("Zensical is not installed (pip install zensical)")
    subprocess.run(
        [*command, "serve", "--config-file", "mkdocs.yml", "--dev-addr", dev_addr],
        cwd=project_dir,
        check=False,
    )
