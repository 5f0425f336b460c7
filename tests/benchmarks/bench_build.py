"""Benchmark `codify build` (cold, and again with nothing changed) and `codify site` by size.

Not a test and not run by the suite: run it by hand, from the repository root, with the venv's
Python (tests/benchmarks/run.py runs it too, as its build section):

    .venv/bin/python tests/benchmarks/bench_build.py [--repeats 5] [--before DIR] [--now DIR]
        [--only build site] [--sizes 10 50 100] [--no-pdf]

- **build**: `codify build examples --pdf` into an empty folder (cold), then the same command
  again with nothing changed (unchanged), and the ratio of the two. `--before DIR` runs the
  codify sources in DIR (a folder holding a `codify` package, e.g. an older commit's `src/`
  from `git archive`) in the same interleaved loop and prints now/before for each; it builds
  the examples of that commit (DIR/../examples), since the format may have changed since.
  `--now DIR` measures the sources in DIR instead of the installed codify: a snapshot, which
  edits to the working tree during the run cannot change (codify's own files are part of what
  a rebuild checks, so an edit makes everything again).
- **site**: `codify site` on portfolios of 10, 50 and 100 specs grown from the two examples
  (each a copy with its own id), the time per spec, and how the time above the smallest
  portfolio grows against the number of specs added (1.0 is linear).

Every command runs in a fresh process, as a user runs it, in a temporary folder holding a copy
of the examples (so no settings file of this repository applies). Runs are interleaved (each
variant in turn, so that background load falls on all alike) and repeated, and the medians are
printed, with ratios, which are what to compare between machines.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def codify(before: Path | None, *args: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run codify (the sources in `before`, if given)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if before is not None:
        env["PYTHONPATH"] = str(before)
    return [sys.executable, "-m", "codify", *args], env


# "wall": wall-clock time; "cpu": the CPU time of the command and every process it waited for
# (Chromium's included), steadier than wall-clock time on a machine busy with other work.
CLOCK = ["wall"]


def _cpu() -> float:
    import resource

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds one command takes (see CLOCK); stops the benchmark if it fails."""
    start = time.perf_counter() if CLOCK[0] == "wall" else _cpu()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = (time.perf_counter() if CLOCK[0] == "wall" else _cpu()) - start
    if proc.returncode != 0:
        head = "\n".join((proc.stdout + proc.stderr).splitlines()[:15])
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{head}")
    return elapsed


def grow(folder: Path, n: int) -> Path:
    """A portfolio of `n` specs, copies of the examples in turn, each with its own id."""
    sources = sorted(p.parent for p in EXAMPLES.glob("*/intervention.yaml"))
    for i in range(n):
        copy = folder / f"spec-{i:03d}"
        shutil.copytree(sources[i % len(sources)], copy)
        spec = copy / "intervention.yaml"
        text = spec.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^id: *(\S+)", rf"id: \g<1>-{i}", text, count=1)
        spec.write_text(text, encoding="utf-8")
    return folder


def section_build(args: argparse.Namespace, work: Path) -> None:
    """Cold and unchanged builds of the examples, now (and before), interleaved."""
    variants: dict[str, Path | None] = {"now": args.now}
    folders = {"now": work}
    if args.now is not None and (args.now.resolve().parent / "examples").is_dir():
        folders["now"] = work / "now"
        shutil.copytree(args.now.resolve().parent / "examples", folders["now"] / "examples")
    if args.before is not None:
        variants["before"] = args.before
        folders["before"] = work / "before"
        theirs = args.before.resolve().parent / "examples"
        shutil.copytree(theirs if theirs.is_dir() else EXAMPLES, folders["before"] / "examples")
    extra = [] if args.no_pdf else ["--pdf"]
    times: dict[tuple[str, str], list[float]] = {}
    for run in range(args.repeats + 1):  # the first round warms caches and is not counted
        for name, before in variants.items():
            out = work / f"out-{name}"
            shutil.rmtree(out, ignore_errors=True)
            cmd, env = codify(before, "build", "examples", *extra, "--out", str(out), "-q")
            cold = timed(cmd, env, folders[name])
            unchanged = timed(cmd, env, folders[name])
            if run:
                times.setdefault((name, "cold"), []).append(cold)
                times.setdefault((name, "unchanged"), []).append(unchanged)
    med = {key: statistics.median(values) for key, values in times.items()}
    what = f"codify build examples {' '.join(extra)}".strip()
    print(f"### {what} (medians of {args.repeats} interleaved runs, {CLOCK[0]} time)\n")
    print(f"{'':<10} {'cold':>8} {'unchanged':>10} {'unchanged/cold':>15}")
    for name in variants:
        cold, unchanged = med[(name, "cold")], med[(name, "unchanged")]
        print(f"{name:<10} {cold:>7.2f}s {unchanged:>9.2f}s {unchanged / cold:>15.3f}")
    if "before" in variants:
        print(
            f"\nnow/before: cold {med[('now', 'cold')] / med[('before', 'cold')]:.3f}, "
            f"unchanged {med[('now', 'unchanged')] / med[('before', 'unchanged')]:.3f}"
        )
    print(
        "targets: unchanged/cold at most 0.1; cold now/before at most 0.333 "
        "(with --before, the sources before the change)\n",
        flush=True,
    )


def section_site(args: argparse.Namespace, work: Path) -> None:
    """`codify site` on portfolios of each size, interleaved; linear growth is 1.0."""
    sizes: Sequence[int] = sorted(args.sizes)
    portfolios = {n: grow(work / f"portfolio-{n}", n) for n in sizes}
    times: dict[int, list[float]] = {n: [] for n in sizes}
    # The first round, of the smallest portfolio only, warms caches and is not counted.
    rounds = [[sizes[0]]] + [list(sizes)] * args.site_repeats
    for run, round_sizes in enumerate(rounds):
        for n in round_sizes:
            out = work / f"site-{n}"
            shutil.rmtree(out, ignore_errors=True)
            cmd, env = codify(args.now, "site", str(portfolios[n]), "--out", str(out), "-q")
            elapsed = timed(cmd, env, work)
            if run:
                times[n].append(elapsed)
    med = {n: statistics.median(v) for n, v in times.items()}
    print(f"### codify site (medians of {args.site_repeats} interleaved runs, {CLOCK[0]} time)\n")
    print(f"{'specs':>6} {'time':>8} {'per spec':>9} {'growth':>7}")
    first = sizes[0]
    for n in sizes:
        growth = ""
        if n != first:
            # The time the extra specs add, against what a constant cost per spec would add.
            added = (med[n] - med[first]) / (n - first)
            per_spec_at_next = (med[sizes[1]] - med[first]) / (sizes[1] - first)
            growth = f"{added / per_spec_at_next:.2f}"
        print(f"{n:>6} {med[n]:>7.2f}s {med[n] / n:>8.3f}s {growth:>7}")
    print(
        f"\ngrowth: seconds per added spec above {first} specs, over the same from {first} to "
        f"{sizes[1]} (1.0 is linear; above 1 grows faster than the portfolio)\n",
        flush=True,
    )


def main(argv: list[str] | None = None) -> None:
    """Parse the options and run the chosen sections."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs of each build (default 5)")
    parser.add_argument("--site-repeats", type=int, default=2, help="runs of each site size")
    parser.add_argument("--before", type=Path, help="codify sources to compare builds with")
    parser.add_argument("--now", type=Path, help="codify sources to measure (default: installed)")
    parser.add_argument("--only", nargs="*", choices=["build", "site"], default=["build", "site"])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 50, 100])
    parser.add_argument("--no-pdf", action="store_true", help="build without --pdf")
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="wall-clock time, or the CPU time of codify and the browser (steadier when busy)",
    )
    args = parser.parse_args(argv)
    CLOCK[0] = args.clock
    if len(args.sizes) < 2:
        parser.error("--sizes needs at least two sizes")
    with tempfile.TemporaryDirectory(prefix="codify-bench-") as tmp:
        work = Path(tmp)
        shutil.copytree(EXAMPLES, work / "examples")
        if "build" in args.only:
            section_build(args, work)
        if "site" in args.only:
            section_site(args, work)


if __name__ == "__main__":
    main()
