"""Whether a file path taken from a spec or a settings file is safe to read and copy.

`codify check` (rule CR013), the documents and the site all judge paths here, so a path that
the check accepts is one the generators can copy, and one they refuse is one the check reports.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path, PurePosixPath

from codify.structure import UNSAFE_CHARACTERS, character_name, shown

# A path in a spec must work on every adopter's machine: Windows allows 260 characters in a whole
# path, and every common file system 255 bytes in one name.
MAX_PATH_CHARS = 255
MAX_NAME_BYTES = 255


def path_problem(path: str, base: Path | None, *, owner: str = "spec") -> str | None:
    """Why a path relative to the folder of `owner` (a spec, a config file) is unsafe or missing.

    None when it is fine. The path is untrusted: it may hold NUL or control characters, be too
    long for any file system, or point at a folder, a pipe or a device; each gets a plain reason
    rather than an exception.
    """
    quoted = shown(path)
    if "\x00" in path:
        return f"{quoted} contains a NUL character (U+0000); a file path cannot hold one"
    bad = UNSAFE_CHARACTERS.search(path) or re.search("[\n\t]", path)
    if bad:
        return f"{quoted} contains the control character {character_name(bad[0])}; remove it"
    if len(path) > MAX_PATH_CHARS:
        return (
            f"{quoted} is {len(path):,} characters long; a path must be at most "
            f"{MAX_PATH_CHARS} to work on every adopter's machine"
        )
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", path):
        return f"{quoted} is absolute; use a path relative to the {owner}'s folder"
    if ".." in pure.parts:
        return f"{quoted} leaves the {owner}'s folder"
    for part in pure.parts:
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            return f"{quoted} has a name longer than {MAX_NAME_BYTES} bytes, which no file system allows"
    if base is None:
        return None
    try:
        target = (base / pure).resolve()
        inside = target.is_relative_to(base.resolve())
    except (OSError, RuntimeError, ValueError):  # a loop of links, or a name the OS refuses
        return f"{quoted} cannot be followed (a loop of links, or a name the system refuses)"
    if not inside:
        return f"{quoted} leaves the {owner}'s folder (through a link)"
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return f"{quoted} does not exist beside the {owner}"
    except (OSError, ValueError) as exc:
        return f"{quoted} cannot be read: {getattr(exc, 'strerror', None) or exc}"
    if stat.S_ISDIR(mode):
        return f"{quoted} is a folder, not a file"
    if not stat.S_ISREG(mode):
        return f"{quoted} is not a regular file (it is a pipe, a device or a socket)"
    return None
