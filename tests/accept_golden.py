"""Accept the pending golden outputs the last test run wrote, after reviewing them.

    .venv/bin/python tests/accept_golden.py            # accept every pending output
    .venv/bin/python tests/accept_golden.py --list     # only list them, and what they change
    .venv/bin/python tests/accept_golden.py tests/golden/report   # only those under a folder

Each `<name>.pending` file or folder replaces `<name>` (see tests/golden.py). Run the tests
again afterwards: they pass only if the accepted output is what the code now produces.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `tests` importable from the repository
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.golden import ROOT, accept, pending_files, tree


def summary(pending: Path) -> str:
    """What accepting `pending` changes: a new golden, or the files added, removed, changed."""
    golden = pending.with_name(pending.name.removesuffix(".pending"))
    if not golden.exists():
        return "new"
    if pending.is_file():
        return "changed"
    new, old = tree(pending), tree(golden)
    added = len(set(new) - set(old))
    removed = len(set(old) - set(new))
    changed = sum(new[n] != old[n] for n in set(new) & set(old))
    return f"{changed} changed, {added} added, {removed} removed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list pending outputs; move nothing")
    parser.add_argument(
        "paths", nargs="*", type=Path, help="accept only pending outputs under these paths"
    )
    args = parser.parse_args(argv)
    limits = [p.resolve() for p in args.paths]
    found = [
        p
        for p in pending_files(ROOT)
        if not limits or any(p == lim or lim in p.parents for lim in limits)
    ]
    if not found:
        print("No pending golden outputs.")
        return 0
    base = ROOT.parent.parent
    for pending in found:
        what = summary(pending)
        if args.list:
            print(f"{pending.relative_to(base).as_posix()} ({what})")
        else:
            golden = accept(pending)
            print(f"accepted {golden.relative_to(base).as_posix()} ({what})")
    if not args.list:
        print("Review with `git diff tests/golden`, run the tests again, then commit the goldens.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
