"""Files a build takes from outside the spec's text: the branding logo and material files.

Both are checked the way `codify check` checks paths (rules.path_problem): relative, inside
their base folder (the config file's folder for the logo, the spec's folder for materials),
through no link that leads out, and existing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from codify.loader import LoadError, read_untrusted
from codify.paths import path_problem

if TYPE_CHECKING:  # a build that renders nothing reads the check's records, not the model
    from codify.model import Intervention

LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}
LOGO_MAX_BYTES = 2 * 1024 * 1024
# A material is copied into every build and site; one this large is better linked by `url`.
MATERIAL_MAX_BYTES = 50 * 1024 * 1024


class AssetError(Exception):
    """A logo or material file cannot be used; the message says why and where to fix it."""


def logo_data_uri(logo: str | None, config_file: Path | None) -> str | None:
    """The branding logo as a data: URI, so generated HTML needs no other file.

    `logo` is relative to the folder of the config file that set it.
    """
    if not logo:
        return None
    where = str(config_file) if config_file else "the settings"
    if config_file is None:
        raise AssetError(f"{where}: branding.logo needs a config file to be relative to")
    base = config_file.parent
    problem = path_problem(logo, base, owner="config file")
    if problem:
        raise AssetError(f"{where}: branding.logo {problem}")
    path = base / PurePosixPath(logo.replace("\\", "/"))
    mime = LOGO_TYPES.get(path.suffix.lower())
    if mime is None:
        kinds = ", ".join(sorted(LOGO_TYPES))
        raise AssetError(f"{where}: branding.logo '{logo}' is not an image file ({kinds})")
    try:
        data = read_untrusted(path, str(path), limit=LOGO_MAX_BYTES)
    except LoadError as exc:
        raise AssetError(
            f"{where}: branding.logo '{logo}' {exc}; use an image file under "
            f"{LOGO_MAX_BYTES // 1024 // 1024} MiB"
        ) from None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


@dataclass
class MaterialFiles:
    """Material files to copy: where each material's file lands in the output, and its bytes."""

    targets: dict[str, str] = field(default_factory=dict)
    contents: dict[str, bytes] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # notes: files left out or renamed


def material_files(
    spec: Intervention, spec_dir: Path, rename: Callable[[str], str] | None = None
) -> MaterialFiles:
    """The materials' files that are safe to copy, as materials/<material id>/<file name>.

    A path that fails the check (only possible with --force) is skipped and reported.
    `rename` gives the name a file is offered under (the site renames files a web server or
    MkDocs would treat as pages), so the handbook's links and the copied files agree.
    """
    found = MaterialFiles()
    for m in spec.materials:
        if m.path is None:
            continue
        problem = path_problem(m.path, spec_dir)
        if problem:
            found.skipped.append(f"material '{m.id}': not copied: {problem}")
            continue
        source = spec_dir / PurePosixPath(m.path.replace("\\", "/"))
        offered = rename(source.name) if rename else source.name
        target = f"materials/{m.id}/{offered}"
        try:
            found.contents[target] = read_untrusted(source, m.path, limit=MATERIAL_MAX_BYTES)
        except LoadError as exc:
            found.skipped.append(f"material '{m.id}': not copied: '{m.path}' {exc}")
            continue
        found.targets[m.id] = target
        if offered != source.name:
            found.skipped.append(
                f"material '{m.id}': offered as '{offered}', so that the site shows it as a "
                "file to download, not as a page"
            )
    return found
