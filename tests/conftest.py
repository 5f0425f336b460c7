"""Shared fixtures: the repository's paths, the bundled examples and a clean base spec."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/intervention.yaml"))
# The pre-commit framework, as the tests that run the published hooks find it.
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
# For tests that run the real pre-commit, and those that need codify's own git history.
needs_pre_commit = pytest.mark.skipif(
    not Path(PRE_COMMIT).exists(), reason="pre-commit is not installed"
)
needs_checkout = pytest.mark.skipif(
    not (ROOT / ".git").exists(), reason="needs codify as a git checkout"
)


def published_hooks() -> list[dict[str, Any]]:
    """The hooks codify publishes to pre-commit (.pre-commit-hooks.yaml), in order."""
    from ruamel.yaml import YAML

    hooks: list[dict[str, Any]] = YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")
    return hooks


def published_hook(hook_id: str = "codify-check") -> dict[str, Any]:
    """One published hook by its id: by default the one run on the files a commit changes."""
    return next(h for h in published_hooks() if h["id"] == hook_id)


# Tests parametrised over the examples would silently become skips without them.
assert len(EXAMPLES) == 2, f"expected the two bundled examples, found {EXAMPLES}"


def filled(scaffold: str) -> str:
    """A scaffold with each placeholder accepted as it stands: its `TODO: ` mark removed.

    `codify init` marks every placeholder text so that `codify check` lists it (CR019); a
    one-line placeholder is quoted because of the mark's colon, and loses the quotes with it.
    What is left is a small spec that checks clean, which most tests start from.
    """
    return re.sub(r'"TODO: ([^"\n]*)"', r"\1", scaffold).replace("TODO: ", "")


@pytest.fixture
def base_spec() -> str:
    """The text `codify init` writes, with its placeholders accepted: a small spec that checks
    clean (see `filled`)."""
    from codify.commands.init import scaffold

    return filled(scaffold("hand-hygiene", "Hand hygiene huddles"))


def run_unprivileged(args: list[str]) -> tuple[int, str]:
    """Run the CLI in a forked child, as 'nobody' when we are root; its exit code and output.

    Root may write anywhere, so tests of read-only folders drop to 'nobody' to see the error
    a user would.
    """
    import os

    from click.testing import CliRunner

    from codify.cli import cli

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 70
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            result = CliRunner().invoke(cli, args)
            os.write(write_end, (result.stderr + result.stdout).encode("utf-8"))
            code = result.exit_code
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as fh:
        text = fh.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), text


def reader_text(path: Path) -> str:
    """What a reader reads in a file codify wrote: its text, or a workbook's (checklist.xlsx)
    cells, row by row, so that the workbook is held to every test of what the documents say."""
    if path.suffix != ".xlsx":
        return path.read_text(encoding="utf-8")
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        return "\n".join("\t".join("" if v is None else str(v) for v in row) for row in rows)
    finally:
        book.close()
