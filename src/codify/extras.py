"""Which optional parts of codify are installed, and the pip command for one that is not.

A plain `pip install codify-interventions` gives the checker and the commands around it
(`check`, `rules`, `explain`, `schema`, `init`, `tidier`, `score`, `migrate`): that is what the
pre-commit hook installs on every developer's machine, so it stays small. The generators'
libraries come with extras. A command that needs one asks `require_extra` first, so a missing
library is a clear message naming the exact install command (exit 2), never an ImportError's
traceback halfway through a build.

Whether a library is there is found with `importlib.util.find_spec`, which looks without
importing: asking costs nothing, and `codify check` never loads a generator's library.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import NoReturn

# The name codify is published under on PyPI ("codify" belongs to an unrelated project).
DISTRIBUTION = "codify-interventions"

# The top-level modules each extra brings, as they are imported (citeproc-py is `citeproc`,
# mkdocs-material is `material`). They mirror [project.optional-dependencies] in pyproject.toml;
# tests/test_packaging.py fails if the two disagree.
_HANDBOOK = ("jinja2", "markupsafe", "markdown", "nh3", "citeproc", "babel")
EXTRAS: dict[str, tuple[str, ...]] = {
    "handbook": _HANDBOOK,
    "site": (*_HANDBOOK, "mkdocs", "material"),
    "zensical": (*_HANDBOOK, "mkdocs", "material", "zensical"),
    "pdf": (*_HANDBOOK, "weasyprint", "pypdf"),
    "references": ("bibtexparser", "pylatexenc", "rispy"),
    "xlsx": ("openpyxl",),
    "docx": (*_HANDBOOK, "docx"),
}


class MissingExtra(Exception):
    """An extra a command needs is not installed; the message says what to run."""


def install_command(extra: str) -> str:
    """The command that installs `extra`, quoted so that every shell leaves the brackets alone."""
    return f"pip install '{DISTRIBUTION}[{extra}]'"


def missing_modules(extra: str, modules: tuple[str, ...] | None = None) -> list[str]:
    """The modules of `extra` (or just `modules` of it) that cannot be imported here.

    A module that is already imported counts as present; one whose finder fails (a broken
    install) counts as missing, since importing it would fail the same way.
    """
    wanted = EXTRAS[extra] if modules is None else modules
    absent = []
    for name in wanted:
        if name in sys.modules:
            continue
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            absent.append(name)
    return absent


def check_extra(extra: str, feature: str, modules: tuple[str, ...] | None = None) -> None:
    """Raise MissingExtra, naming `feature` and the pip command, if `extra` is not installed.

    `modules` narrows the check to the part of the extra the feature uses (for example only
    rispy for a RIS file), so nothing is asked for that the run would not import.
    """
    absent = missing_modules(extra, modules)
    if absent:
        raise MissingExtra(
            f"{feature} needs the '{extra}' extra, which is not installed "
            f"(missing: {', '.join(absent)}). Install it with:\n  {install_command(extra)}"
        )


def require_extra(extra: str, feature: str, modules: tuple[str, ...] | None = None) -> None:
    """For commands: stop with the message and exit 2 when `extra` is not installed."""
    try:
        check_extra(extra, feature, modules)
    except MissingExtra as exc:
        _stop(str(exc))


def _stop(message: str) -> NoReturn:
    """Print `codify: message` to stderr and exit 2, as every usage error does."""
    from codify.commands._output import fail

    fail(message, 2)
