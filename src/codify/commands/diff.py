"""`codify diff`: what changed between two versions of a spec, and whether its version says so."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from codify.commands._common import common_options
from codify.commands._output import detail, fail

FORMATS = ("text", "json", "markdown")


@click.command()
@click.argument("sides", nargs=-1, metavar="OLD NEW")
@click.option(
    "--against",
    "rev",
    metavar="REV",
    help="Compare the spec file PATH (the one argument) with its version at git revision REV.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text (one line per change), json, or markdown (what changed for adopters).",
)
@common_options()
def diff(sides: tuple[str, ...], rev: str | None, fmt: str) -> None:
    """Compare two versions of a spec by id and classify every change for adopters.

    OLD and NEW are spec files (or folders holding intervention.yaml), or REV:path to read a
    file as it was at a git revision (the path from the repository's top, or from the current
    folder when it starts with ./), e.g. `codify diff v1.2.0:examples/raid/intervention.yaml
    examples/raid/intervention.yaml`. `--against REV PATH` is short for `REV:./PATH PATH`.

    Each change is breaking (adopters must do something differently: a major bump),
    compatible (they may do something more: minor) or editorial (wording: patch), under a
    rule id listed in the Change control guide. Before 1.0.0 a minor bump is enough
    for breaking changes and a patch for the rest.

    Exit codes: 0 the new version's bump is at least what the changes need; 1 it is smaller;
    2 a usage error, or a side that cannot be read (git missing, an unknown revision).
    """
    from codify import diff as lib

    if rev is not None and len(sides) != 1:
        fail("--against REV takes one spec file: codify diff --against REV PATH")
    if rev is None and len(sides) != 2:
        fail("expected OLD and NEW (files or REV:path), or --against REV PATH")
    if fmt == "markdown":
        from codify.extras import require_extra

        require_extra("handbook", "codify diff --format markdown")
    try:
        if rev is not None:
            path = Path(sides[0])
            if path.is_dir():
                path = path / "intervention.yaml"
            new = lib.read_side(str(path))
            old = lib.against_side(rev, path)
            if old is None:
                fail(f"{path}: the file did not exist at {rev}")
        else:
            old, new = lib.read_side(sides[0]), lib.read_side(sides[1])
    except lib.DiffError as exc:
        fail(str(exc))
    detail(f"comparing {old.label} ({old.spec.version}) with {new.label} ({new.spec.version})")
    found = lib.diff_specs(old, new)
    if fmt == "json":
        out = lib.to_json(found)
    elif fmt == "markdown":
        out = lib.to_markdown(found)
    else:
        out = lib.to_text(
            found, verbose=bool(click.get_current_context().find_root().meta.get("codify.verbose"))
        )
    click.echo(out, nl=False)
    sys.exit(0 if found.ok else 1)
