"""`codify changes`: "What changed for adopters", release by release, as Markdown and HTML."""

from __future__ import annotations

from pathlib import Path

import click

from codify.commands._common import common_options, language_option, settings_path
from codify.commands._output import fail, say, verbosity


@click.command()
@click.argument("spec", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help="Output folder for changes.md and changes.html.",
)
@click.option(
    "--git/--no-git",
    "use_git",
    default=True,
    show_default=True,
    help="Compare the versions at the git tags that hold the spec, as well as its history.",
)
@language_option()
@common_options()
def changes(spec: Path, out_dir: Path, use_git: bool, language: str | None) -> None:
    """Write "What changed for adopters" for SPEC: each release, newest first.

    The releases are the git tags whose commit holds SPEC (each compared with the one before
    it, as `codify diff` compares them) and the entries of the spec's `history`. The current
    file counts as a release when its version is in its history. For each: what adopters must
    now do differently (by the transition date the history states), what they may now do,
    and how much changed in wording only. Where the history lists a release's changes, its
    words are used; the comparison fills in the rest.

    Writes changes.md and changes.html into the output folder all at once, never over a file
    codify did not write. Exit codes: 0 written; 2 a usage error, a version that cannot be
    read, or an output folder that cannot be written. The language is --language, else the
    spec's settings' `language`.
    """
    from codify import changelog as lib
    from codify.diff import DiffError
    from codify.extras import require_extra
    from codify.render.write import OutputError

    require_extra("handbook", "codify changes")
    path = spec / "intervention.yaml" if spec.is_dir() else spec
    try:
        found = lib.build_changelog(path, use_git=use_git)
    except DiffError as exc:
        fail(str(exc))
    if language is None:  # the spec's settings say which language its documents are in
        from codify import api

        try:
            language = api.settings_for(path, settings_path()).language
        except api.SettingsError as exc:
            fail(str(exc))
    try:
        written = lib.write_changelog(found, out_dir, path, language)
    except OutputError as exc:
        fail(str(exc))
    releases = len(found.releases)
    if verbosity() < 0:  # -q: the files are the output
        return
    say(
        f"{path}: {releases} release{'s' if releases != 1 else ''} written up in "
        f"{out_dir / 'changes.md'} and {out_dir / 'changes.html'}"
        + ("" if written else " (unchanged)")
    )
