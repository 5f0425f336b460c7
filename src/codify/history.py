"""A spec's versions and its history of releases: the one definition of a semantic version,
and CR032's checks of the history as written (order, versions, dates).

Read by the check on records, so it imports nothing heavy; `codify diff`, `codify changes` and
the changelog read `version_parts` from here too, so that every part of codify agrees on what
is a version.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from codify.loader import JsonPath
    from codify.model import Intervention

# Semantic versioning 2.0.0: MAJOR.MINOR.PATCH, an optional pre-release and build metadata,
# with no leading zeros in numeric parts.
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)


def version_parts(version: str) -> tuple[int, int, int] | None:
    """MAJOR, MINOR and PATCH of a semantic version, or None when `version` is not one."""
    found = SEMVER.match(version)
    if found is None:
        return None
    return int(found[1]), int(found[2]), int(found[3])


def history_findings(spec: Intervention) -> Iterator[tuple[JsonPath, str]]:
    """CR032: the history lists releases newest first, each a semantic version, the newest
    being the spec's own `version`. Reads only fields, so it runs on the check's records."""
    history = spec.history
    if not history:
        return
    newer: tuple[int, int, int] | None = None
    for i, release in enumerate(history):
        parts = version_parts(release.version)
        if parts is None:
            yield (
                ("history", i, "version"),
                f"release {release.version!r} is not a semantic version (MAJOR.MINOR.PATCH)",
            )
            continue
        if newer is not None and parts >= newer:
            yield (
                ("history", i, "version"),
                f"release {release.version} is listed after a later or equal one: the history "
                "lists releases newest first, each once",
            )
        newer = parts
    yield from _history_dates(history)
    top = history[0].version
    if top != spec.version:
        yield (
            ("history", 0, "version"),
            f"the newest release in the history is {top}, but the spec's version is "
            f"{spec.version}: add a release for {spec.version} at the top "
            "(`codify diff --write-history` drafts one)",
        )


def _history_dates(history: Sequence[Any]) -> Iterator[tuple[JsonPath, str]]:
    """CR032's dates: no release dated before one listed after it, and no transition that
    ends before its own release. Only a contradiction is reported: a date of a year or a month
    may be any day in it (`2024`, `200X`), and one marked approximate or uncertain (`2024~`,
    `2024?`, `2024%`) contradicts nothing; a date the date rule refuses is skipped."""
    from codify import dates

    def bounds(text: str) -> tuple[Any, Any]:
        try:
            parsed = dates.parse(text)
        except dates.DateError:
            return (None, None)
        if any(end is not None and end.qualifier for end in (parsed.start, parsed.end)):
            return (None, None)
        return parsed.bounds()

    older_start: Any = None
    older_text = ""
    for i in range(len(history) - 1, -1, -1):  # oldest first
        release = history[i]
        start, end = bounds(release.date)
        if end is not None and older_start is not None and end < older_start:
            yield (
                ("history", i, "date"),
                f"release {release.version} is dated {release.date}, before {older_text}, "
                "which is listed after it: the history lists releases newest first, so their "
                "dates run from latest to earliest",
            )
        transition = release.transition
        if transition is not None and start is not None:
            _, until = bounds(transition.until)
            if until is not None and until < start:
                yield (
                    ("history", i, "transition", "until"),
                    f"the transition ends {transition.until}, before release {release.version} "
                    f"itself ({release.date}): adopters cannot make the changes before they are "
                    "released",
                )
        if start is not None:
            older_start, older_text = start, f"{release.date} ({release.version})"
