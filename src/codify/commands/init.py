"""`codify init`: scaffold a new spec that a newcomer can fill in."""

from __future__ import annotations

import datetime
import os
import re
from importlib.resources import files
from pathlib import Path

import click

from codify.cli import fail
from codify.model import SCHEMA_ID
from codify.schema import SCHEMA_FILENAME


def scaffold(identifier: str, name: str, schema: str = SCHEMA_ID) -> str:
    """The text of a new, commented spec that passes `codify check`.

    `schema` is where the editor modeline on the first line points: a path relative to the
    spec, or the schema's URL.
    """
    text = files("codify").joinpath("scaffold.yaml").read_text(encoding="utf-8")
    year = str(datetime.date.today().year)
    text = text.replace(f"$schema={SCHEMA_ID}", f"$schema={schema}", 1)
    return text.replace("__ID__", identifier).replace("__NAME__", name).replace("__YEAR__", year)


def schema_for(folder: Path) -> str | None:
    """A relative path from `folder` to the nearest copy of the schema above it, if any.

    Editors resolve a relative modeline without a network, so a schema saved in the
    repository (`codify schema > intervention.schema.json`, or spec/ in codify's own) wins.
    """
    start = folder.resolve()
    for parent in (start, *start.parents):
        for candidate in (parent / SCHEMA_FILENAME, parent / "spec" / SCHEMA_FILENAME):
            if candidate.is_file():
                return os.path.relpath(candidate, start).replace(os.sep, "/")
    return None


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option(
    "--name", default="My intervention", show_default=True, help="The intervention's name."
)
@click.option("--id", "identifier", help="The spec's id (default: derived from --name).")
def init(folder: Path, name: str, identifier: str | None) -> None:
    """Create FOLDER/intervention.yaml, a commented spec to fill in.

    Never overwrites: if the file exists, nothing is written and the exit code is 2.
    The first line points editors at the JSON Schema: at the nearest intervention.schema.json
    (or spec/intervention.schema.json) in FOLDER or above it, else at the schema's URL.
    """
    identifier = identifier or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "intervention"
    if not re.match(r"^[a-z][a-z0-9_-]*$", identifier):
        fail(f"'{identifier}' is not a valid id: use lowercase letters, digits, '-' or '_'")
    target = folder / "intervention.yaml"
    if target.exists():
        fail(f"{target} already exists; not overwriting it")
    folder.mkdir(parents=True, exist_ok=True)
    local = schema_for(folder)
    with open(target, "x", encoding="utf-8") as fh:  # 'x' never replaces a file
        fh.write(scaffold(identifier, name, local or SCHEMA_ID))
    click.echo(f"Created {target}. Next: edit it, then run `codify check {folder}`.")
    if local is None:
        click.echo(
            "Tip: for completion and inline errors in your editor, save the schema in your "
            f"repository (codify schema > {SCHEMA_FILENAME}) and point the first line of the "
            "spec at it."
        )
