"""`codify diff`: what changed between two versions of a spec, and whether its version says so."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from codify.commands._common import common_options
from codify.commands._output import complain, detail, fail, say, verbosity

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
@click.option(
    "--write-history",
    is_flag=True,
    help="Add a draft release for NEW's version at the top of NEW's `history`, from the "
    "changes found (NEW must be a file; nothing is written when the bump is too small).",
)
@common_options()
def diff(sides: tuple[str, ...], rev: str | None, fmt: str, write_history: bool) -> None:
    """Compare two versions of a spec by id and classify every change for adopters.

    OLD and NEW are spec files (or folders holding intervention.yaml), or REV:path to read a
    file as it was at a git revision (the path from the repository's top, or from the current
    folder when it starts with ./), e.g. `codify diff v1.2.0:examples/raid/intervention.yaml
    examples/raid/intervention.yaml`. `--against REV PATH` is short for `REV:./PATH PATH`.

    Each change is breaking (adopters must do something differently: a major bump),
    compatible (they may do something more: minor) or editorial (wording: patch), under a
    rule id listed in the Change control guide. Before 1.0.0 a minor bump is enough
    for breaking changes and a patch for the rest.

    `--write-history` drafts the release for adopters: it adds NEW's version at the top of
    NEW's `history` with today's date, a line for each breaking and compatible change and a
    count of the wording changes, keeping every other line of the file as it is. Rewrite its
    summary, and add a `transition` for breaking changes, before you release.

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
    if write_history:
        _write_history(found, sides[0] if rev is not None else sides[1])
    sys.exit(0 if found.ok else 1)


def _write_history(found: object, arg: str) -> None:
    """Add the drafted release to the NEW file's history, atomically; stop with 2 if it cannot."""
    import datetime

    from codify import diff as lib
    from codify.commands.migrate import write_in_place

    assert isinstance(found, lib.SpecDiff)
    path = Path(arg)
    if path.is_dir():
        path = path / "intervention.yaml"
    if not path.is_file():
        fail(f"--write-history writes into NEW, which must be a spec file: {arg} is not one")
    if not found.ok:
        complain(
            f"{path}: the version bump is too small for these changes, so no release was "
            "drafted: raise the version first"
        )
        return
    if path.is_symlink():
        fail(f"{path} is a symbolic link; nothing was written: name the file it points to")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        entry = lib.draft_release(found, datetime.date.today().isoformat())
        out = lib.add_release_text(text, entry, str(path))
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text; nothing was written")
    except lib.HistoryError as exc:
        fail(str(exc))
    problem = write_in_place(path, out.encode("utf-8"), raw)
    if problem:
        fail(f"{path}: {problem}")
    if verbosity() < 0:  # -q: the file written is the output
        return
    say(
        f"{path}: release {found.new.spec.version} drafted at the top of its history: rewrite "
        "its summary for adopters"
        + (
            ", and give it a transition,"
            if any(c.level is lib.Level.breaking for c in found.changes)
            else ""
        )
        + " before you release",
        err=True,
    )
