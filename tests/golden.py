"""Golden files that change only after a person has looked at the change.

A test hands its output to `assert_golden` (one file) or `assert_golden_tree` (a folder of
files). When the output equals the golden, the test passes. When it differs, or there is no
golden yet, the new output is written beside the golden as `<name>.pending` (a file, or a
folder holding the whole new tree) and the test FAILS, naming the pending file. Nothing a test
does ever rewrites a golden, so a run that produced a new output can never pass because of it.

To accept, after reading the difference (`git diff --no-index <golden> <golden>.pending`):

    .venv/bin/python tests/accept_golden.py        # moves every pending output over its golden

then run the tests again (they pass now) and commit the goldens with the change that caused
them. `.pending` files are ignored by git; a passing test deletes its own stale one.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent / "golden"
SUFFIX = ".pending"
ACCEPT = "python tests/accept_golden.py"


def pending_path(golden: Path) -> Path:
    """Where the new output for `golden` waits for review: `<golden>.pending`."""
    return golden.with_name(golden.name + SUFFIX)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by its POSIX path relative to it (empty if there is none)."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_golden(golden: Path, actual: bytes | str, *, root: Path = ROOT) -> None:
    """Pass when `actual` equals the golden file; otherwise write `<golden>.pending` and fail."""
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    pending = pending_path(golden)
    expected = golden.read_bytes() if golden.is_file() else None
    if data == expected:
        _remove(pending)
        return
    _remove(pending)
    pending.parent.mkdir(parents=True, exist_ok=True)
    pending.write_bytes(data)
    if expected is None:
        what = f"no golden file {_shown(golden, root)} yet"
    else:
        what = f"output differs from {_shown(golden, root)}:\n{_diff(expected, data, golden.name)}"
    pytest.fail(_failure(what, pending, root), pytrace=False)


def assert_golden_tree(golden: Path, actual: dict[str, bytes], *, root: Path = ROOT) -> None:
    """Pass when the files in `actual` equal the golden folder's, names and bytes.

    Otherwise the whole new tree is written to `<golden>.pending/` and the test fails, listing
    the files added, removed and changed.
    """
    pending = pending_path(golden)
    expected = tree(golden)
    if golden.is_dir() and actual == expected:
        _remove(pending)
        return
    _remove(pending)
    pending.mkdir(parents=True)
    for name, data in actual.items():
        (pending / name).parent.mkdir(parents=True, exist_ok=True)
        (pending / name).write_bytes(data)
    if not golden.is_dir():
        what = f"no golden folder {_shown(golden, root)}/ yet"
    else:
        lines = [f"output differs from {_shown(golden, root)}/:"]
        lines += [f"  added:   {n}" for n in sorted(set(actual) - set(expected))]
        lines += [f"  removed: {n}" for n in sorted(set(expected) - set(actual))]
        changed = sorted(n for n in set(actual) & set(expected) if actual[n] != expected[n])
        lines += [f"  changed: {n}" for n in changed]
        if changed:  # the first document, rather than a record such as .codify-build.json
            first = min(changed, key=lambda n: (n.startswith(".") or "/." in n, n))
            lines.append(_diff(expected[first], actual[first], first))
        what = "\n".join(lines)
    pytest.fail(_failure(what, pending, root), pytrace=False)


def pending_files(root: Path = ROOT) -> list[Path]:
    """Every pending output under `root`, files and folders, outermost first."""
    found = sorted(p for p in root.rglob("*" + SUFFIX))
    return [p for p in found if not any(parent in found for parent in p.parents)]


def accept(pending: Path) -> Path:
    """Move one pending output over its golden; returns the golden's path."""
    if pending.suffix != SUFFIX:
        raise ValueError(f"{pending} is not a pending output")
    golden = pending.with_name(pending.name.removesuffix(SUFFIX))
    _remove(golden)
    pending.rename(golden)
    return golden


# --- messages ----------------------------------------------------------------------------------


def _failure(what: str, pending: Path, root: Path) -> str:
    slash = "/" if pending.is_dir() else ""
    return (
        f"{what}\n\nThe new output is in {_shown(pending, root)}{slash}. Review it; if the change is intended, accept it with `{ACCEPT}` (it moves every "
        "pending output over its golden), run the tests again and commit the goldens."
    )


def _shown(path: Path, root: Path) -> str:
    """`path` relative to the repository (the folder above `root`), for messages."""
    try:
        return path.relative_to(root.parent.parent).as_posix()
    except ValueError:
        return path.as_posix()


_DIFF_LINES = 40  # a failure shows the start of the difference; the pending file has it all


def _diff(expected: bytes, actual: bytes, name: str) -> str:
    try:
        old = expected.decode("utf-8").splitlines(keepends=True)
        new = actual.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return f"  {name}: binary, {len(expected)} bytes before, {len(actual)} now"
    lines = []
    for line in difflib.unified_diff(old, new, f"golden/{name}", f"pending/{name}", n=2):
        lines.append(line.removesuffix("\n").replace("\r", "\\r"))  # a CR shown, as git does
        if not line.endswith("\n"):
            lines.append("\\ No newline at end of file")
    shown = lines[:_DIFF_LINES]
    if len(lines) > _DIFF_LINES:
        shown.append(f"... {len(lines) - _DIFF_LINES} more lines of diff")
    return "\n".join(shown)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
