"""Helpers shared by the commands that read one spec."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from codify.cli import fail

if TYPE_CHECKING:
    from codify.config import Config
    from codify.model import Intervention


def load_valid_spec(spec_path: Path, config: Config | None = None) -> Intervention:
    """Load a spec that passes the structural check, or print its diagnostics and exit."""
    from codify.checker import CheckResult, check_file, discover
    from codify.report import text

    if not spec_path.exists():
        fail(f"{spec_path}: no such file or folder")
    found = list(discover([spec_path]))
    if len(found) != 1:
        fail(f"{spec_path}: expected one spec, found {len(found)}")
    result = check_file(found[0], config)
    if result.spec is None:
        click.echo(text(CheckResult([result]), False), err=True, nl=False)
        sys.exit(2 if not result.loaded else 1)
    return result.spec
