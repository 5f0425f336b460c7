"""Which files are specs: the search `codify check`, `build` and `site` make of their arguments.

Kept apart from codify.api, which re-exports `find_specs`, so that `codify check` finds specs
without importing the whole library.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from codify.errors import InputError

PathArg = str | os.PathLike[str]
# What the functions take as specs: one file or folder, or several.
Specs = PathArg | Iterable[PathArg]


def paths_of(specs: Specs) -> list[Path]:
    """The spec arguments as paths: one, or each of several."""
    if isinstance(specs, (str, os.PathLike)):
        return [Path(specs)]
    return [Path(s) for s in specs]


def find_specs(
    specs: Specs, *, exclude: PathArg | None = None, profiles: bool = False
) -> list[Path]:
    """The spec files in `specs`: files as given, folders searched for intervention.yaml and
    *.intervention.yaml (skipping hidden and tool folders, and folders codify wrote), and with
    `profiles` for local profiles, *.local.yaml, as `codify check` finds them.

    A folder's search skips files inside `exclude` (an earlier output folder within it). A file
    named outright, or a search of a folder that is itself inside `exclude`, is kept, so that
    the caller can say plainly that the output folder holds a spec, rather than finding none.
    Raises InputError for a path that does not exist, or when no spec is found.
    """
    from codify.checker import discover

    targets = paths_of(specs)
    for target in targets:
        if not target.exists():
            raise InputError(f"{target}: no such file or folder")
    inside = Path(exclude).resolve() if exclude is not None else None
    found: list[Path] = []
    for target in targets:
        paths = list(discover([target], profiles=profiles))
        if inside is not None and target.is_dir() and not target.resolve().is_relative_to(inside):
            paths = [p for p in paths if not p.resolve().is_relative_to(inside)]
        found.extend(paths)
    unique = list(dict.fromkeys(found))
    if not unique:
        raise InputError(
            f"no spec files found in {', '.join(map(str, targets))} "
            "(looked for intervention.yaml and *.intervention.yaml"
            + (", and *.local.yaml)" if profiles else ")")
        )
    return unique
