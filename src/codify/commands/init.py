"""`codify init`: scaffold a new spec that a newcomer can fill in."""

from __future__ import annotations

import datetime
import re
from importlib.resources import files
from pathlib import Path

import click

from codify.cli import fail


def scaffold(identifier: str, name: str) -> str:
    """The text of a new, commented spec that passes `codify check`."""
    text = files("codify").joinpath("scaffold.yaml").read_text(encoding="utf-8")
    year = str(datetime.date.today().year)
    return text.replace("__ID__", identifier).replace("__NAME__", name).replace("__YEAR__", year)


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option(
    "--name", default="My intervention", show_default=True, help="The intervention's name."
)
@click.option("--id", "identifier", help="The spec's id (default: derived from --name).")
def init(folder: Path, name: str, identifier: str | None) -> None:
    """Create FOLDER/intervention.yaml, a commented spec to fill in.

    Never overwrites: if the file exists, nothing is written and the exit code is 2.
    """
    identifier = identifier or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "intervention"
    if not re.match(r"^[a-z][a-z0-9_-]*$", identifier):
        fail(f"'{identifier}' is not a valid id: use lowercase letters, digits, '-' or '_'")
    target = folder / "intervention.yaml"
    if target.exists():
        fail(f"{target} already exists; not overwriting it")
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as fh:  # 'x' never replaces a file
        fh.write(scaffold(identifier, name))
    click.echo(f"Created {target}. Next: edit it, then run `codify check {folder}`.")
