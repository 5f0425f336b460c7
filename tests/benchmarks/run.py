"""Every performance figure codify tracks, side by side with check-jsonschema and `python -c pass`.

Not a test and not run by the suite: run it by hand, from the repository root, with the venv's
Python:

    .venv/bin/python tests/benchmarks/run.py [--repeats 7] [--only check scale precommit build]

It prints, as medians of interleaved runs (each tool in turn, so that background load falls on
all of them alike) and as ratios, which are what to compare between machines:

- **check**: `codify check` on each bundled example against check-jsonschema on the same file
  and the committed schema, and against a bare `python -c pass`.
- **scale**: the same on specs grown to 1,000 and 5,000 core elements, and how codify's time
  above start-up grows with the size (1.0 is linear).
- **precommit**: the published pre-commit hook run by pre-commit on 1, 10 and 50 specs, with how
  many hook processes ran and the time per spec.
- **network**: `codify network` on generated networks of 100, 500 and 1,000 sites
  (`tests/benchmarks/bench_network.py`): seconds, CPU time and peak memory per size.
- **build**: whatever `tests/benchmarks/bench_build.py` measures (builds and sites), when that
  file is present; arguments this script does not know are passed on to its `main`, and
  `--build-repeats` and `--build-before` reach it as its `--repeats` and `--before`.

The tools run as an installed copy would: with Python's bytecode cache on, after a warm-up run,
so that compiling codify's modules is not counted. `--before DIR` adds a column for the codify
sources in DIR (a folder holding a `codify` package, e.g. an older commit's `src/` from
`git archive`), run in the same interleaved loop, for before-and-after figures.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import inspect
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "spec" / "intervention.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*/intervention.yaml"))
SECTIONS = ("check", "scale", "precommit", "build", "network")

# The children run with the bytecode cache on, as an installed codify does; some environments
# turn it off for development, which would add codify's compile time to every run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_COLOR"] = "1"

Command = list[str]


# "wall" (the default) or "cpu": the user and system time of the process and its children,
# which a busy machine disturbs less than the wall clock (set by --clock).
CLOCK = ["wall"]


def timed(cmd: Command, env: dict[str, str] | None = None, cwd: Path | None = None) -> float:
    """Seconds of one run, by the chosen clock; exits with the output if the command failed."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=out, env=env or ENV, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            head = "\n".join(out.read().decode(errors="replace").splitlines()[:12])
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{head}")
    return usage.ru_utime + usage.ru_stime if CLOCK[0] == "cpu" else elapsed


def interleaved(
    commands: dict[str, Callable[[], float]], repeats: int, warm_up: bool = True
) -> dict[str, float]:
    """The median time of each command, run in turn `repeats` times (after one warm-up each)."""
    if warm_up:
        for run in commands.values():
            run()
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(repeats):
        for name, run in commands.items():
            times[name].append(run())
    return {k: statistics.median(v) for k, v in times.items()}


# The sources the codify column runs (--sources); None for this checkout's installed copy.
SOURCES: list[Path | None] = [None]


def codify_cmd(src: Path | None, *args: str) -> tuple[Command, dict[str, str]]:
    """`codify ARGS` from this checkout, or from the sources in `src` (for --before)."""
    if src is None:
        return [str(BIN / "codify"), *args], ENV
    return [sys.executable, "-m", "codify", *args], {**ENV, "PYTHONPATH": str(src)}


def runner(cmd: Command, env: dict[str, str] | None = None, cwd: Path | None = None) -> Any:
    """A no-argument function timing `cmd`."""
    return lambda: timed(cmd, env, cwd)


def tools(path_args: list[str], before: Path | None) -> dict[str, Callable[[], float]]:
    """codify check (and the --before copy), check-jsonschema and python -c pass on the files."""
    cmd, env = codify_cmd(SOURCES[0], "check", "-q", *path_args)
    found = {"codify": runner(cmd, env)}
    if before is not None:
        cmd, env = codify_cmd(before, "check", "-q", *path_args)
        found["before"] = runner(cmd, env)
    found["cjs"] = runner([str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *path_args])
    found["pass"] = runner([sys.executable, "-c", "pass"])
    return found


def header(title: str, before: bool) -> None:
    """A section's title and column heads."""
    print(f"\n## {title}\n")
    cols = ["codify", *(["before"] if before else []), "cjs", "pass"]
    ratios = ["/cjs", "/pass", *(["before/cjs", "before/pass"] if before else [])]
    print(f"{'':<34}" + "".join(f"{c:>9}" for c in cols) + "".join(f"{r:>12}" for r in ratios))


def row(label: str, med: dict[str, float]) -> None:
    """One line of medians (seconds) and ratios."""
    cols = [k for k in ("codify", "before", "cjs", "pass") if k in med]
    line = f"{label:<34}" + "".join(f"{med[c]:>8.3f}s" for c in cols)
    line += f"{med['codify'] / med['cjs']:>12.2f}{med['codify'] / med['pass']:>12.1f}"
    if "before" in med:
        line += f"{med['before'] / med['cjs']:>12.2f}{med['before'] / med['pass']:>12.1f}"
    print(line, flush=True)


def section_check(args: argparse.Namespace) -> None:
    """codify check on each bundled example."""
    header("check: one example (targets: /cjs <= 0.25, /pass <= 8)", args.before is not None)
    for example in EXAMPLES:
        med = interleaved(tools([str(example)], args.before), args.repeats)
        row(f"example {example.parent.name}", med)


def grow(base: dict[str, Any], n: int) -> dict[str, Any]:
    """A valid spec with `n` core elements, each protected by its own yes/no criterion."""
    sys.path.insert(0, str(HERE))
    from bench_check import grow as grow_spec

    result: dict[str, Any] = grow_spec(copy.deepcopy(base), n)
    return result


def dump(data: dict[str, Any], path: Path) -> None:
    """Write `data` as block-style YAML."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


def section_scale(args: argparse.Namespace, tmp: Path) -> None:
    """codify check on grown specs, and how its time above start-up grows."""
    from ruamel.yaml import YAML

    header(
        "scale: grown specs (target at 5,000 elements: /cjs <= 0.2, growth ~1.0)",
        args.before is not None,
    )
    base = YAML(typ="safe").load(EXAMPLES[-1])
    start = interleaved(tools([str(EXAMPLES[-1])], args.before), args.repeats)
    row(f"example {EXAMPLES[-1].parent.name} (start-up)", start)
    previous: tuple[int, dict[str, float]] | None = None
    for n in args.sizes:
        path = tmp / f"grown-{n}.intervention.yaml"
        dump(grow(base, n), path)
        med = interleaved(tools([str(path)], args.before), max(3, args.repeats // 2))
        row(f"{n:,} core elements ({path.stat().st_size / 1e6:.1f} MB)", med)
        if previous is not None:
            m, prev = previous
            growth = {
                k: (med[k] - start[k]) / (prev[k] - start[k]) / (n / m)
                for k in ("codify", "before", "cjs")
                if k in med and prev[k] > start[k]
            }
            words = ", ".join(f"{k} {v:.2f}" for k, v in growth.items())
            print(f"{'':<4}growth from {m:,} to {n:,} over the size's ({n / m:.1f}x): {words}")
        previous = (n, med)


def section_precommit(args: argparse.Namespace, tmp: Path) -> None:
    """The published hook, run by pre-commit on 1, 10 and 50 specs in a scratch repository."""
    from ruamel.yaml import YAML

    pre_commit = shutil.which("pre-commit") or str(BIN / "pre-commit")
    if not Path(pre_commit).exists() or not shutil.which("git"):
        print("\n## precommit: skipped (needs pre-commit and git)")
        return
    hooks = YAML(typ="safe").load(ROOT / ".pre-commit-hooks.yaml")
    hook = next(h for h in hooks if h["id"] == "codify-check")  # the one run on changed files
    repo = tmp / "repo"
    repo.mkdir()
    count = tmp / "hook-calls"
    # The published hook's file selection and serial setting, run from this checkout rather
    # than installed by pre-commit (which would measure pip); a shell wrapper counts processes.
    local = {k: v for k, v in hook.items() if k not in ("entry", "language", "description")}
    check, check_env = codify_cmd(SOURCES[0], "check")
    program = " ".join(f'"{part}"' for part in check)
    local["entry"] = f'sh -c \'echo x >> "$CODIFY_HOOK_CALLS"; exec {program} "$@"\' --'
    local["language"] = "system"
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with (repo / ".pre-commit-config.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump({"repos": [{"repo": "local", "hooks": [local]}]}, fh)
    env = {
        **check_env,
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "CODIFY_HOOK_CALLS": str(count),
    }
    env.pop("VIRTUAL_ENV", None)
    for cmd in (["init", "-q"], ["config", "user.email", "b@example.org"]):
        subprocess.run(["git", *cmd], cwd=repo, check=True, capture_output=True)
    files = []
    for i in range(max(args.precommit)):
        # The whole example folder: a spec names files beside it.
        shutil.copytree(EXAMPLES[i % len(EXAMPLES)].parent, repo / f"spec-{i:02d}")
        files.append(f"spec-{i:02d}/intervention.yaml")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, capture_output=True)

    print("\n## precommit: the hook on N specs in one commit (target: one process, linear)\n")
    print(
        f"{'specs':<8}{'pre-commit':>12}{'processes':>11}{'per spec':>10}"
        f"{'codify':>10}{'cjs':>9}{'pass':>9}{'/cjs':>8}{'/pass':>8}"
    )
    commands: dict[str, Callable[[], float]] = {}
    for n in args.precommit:
        names = files[:n]
        commands[f"hook {n}"] = runner(
            [pre_commit, "run", "--color", "never", "--files", *names], env, repo
        )
        commands[f"codify {n}"] = runner([*check, "-q", *names], check_env, repo)
        commands[f"cjs {n}"] = runner(
            [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *names], cwd=repo
        )
    commands["pass"] = runner([sys.executable, "-c", "pass"])
    med = interleaved(commands, args.repeats)
    # Processes per run: count them over one more run of each size.
    base = None
    for n in args.precommit:
        count.write_text("")
        timed([pre_commit, "run", "--color", "never", "--files", *files[:n]], env, repo)
        calls = len(count.read_text().split())
        hook = med[f"hook {n}"]
        base = base if base is not None else (n, hook)
        per = (hook - base[1]) / (n - base[0]) if n > base[0] else hook / n
        print(
            f"{n:<8}{hook:>11.3f}s{calls:>11}{per * 1000:>8.1f}ms"
            f"{med[f'codify {n}']:>9.3f}s{med[f'cjs {n}']:>8.3f}s{med['pass']:>8.3f}s"
            f"{hook / med[f'cjs {n}']:>8.2f}{hook / med['pass']:>8.1f}",
            flush=True,
        )
    print("    per spec: the time each spec adds above the first (constant means linear)")


def section_build(rest: list[str]) -> None:
    """Run tests/benchmarks/bench_build.py's `main`, if the file is there."""
    path = HERE / "bench_build.py"
    if not path.exists():
        print("\n## build: skipped (tests/benchmarks/bench_build.py is not there)")
        return
    spec = importlib.util.spec_from_file_location("bench_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HERE))
    spec.loader.exec_module(module)
    print("\n## build (tests/benchmarks/bench_build.py)\n", flush=True)
    if inspect.signature(module.main).parameters:
        module.main(rest)
    else:
        module.main()


def section_network() -> None:
    """Run tests/benchmarks/bench_network.py's `main`: `codify network` by number of sites."""
    spec = importlib.util.spec_from_file_location("bench_network", HERE / "bench_network.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print("\n## network (tests/benchmarks/bench_network.py)\n", flush=True)
    module.main([])


def main(argv: list[str] | None = None) -> None:
    """Run the chosen sections and print their tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per tool (default 7)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--precommit", type=int, nargs="*", default=[1, 10, 50])
    parser.add_argument("--only", nargs="*", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--before", type=Path, help="codify sources to compare with")
    parser.add_argument(
        "--sources",
        type=Path,
        help="run the codify column from these sources (a copy taken while others edit)",
    )
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="wall-clock time, or the processes' CPU time (steadier on a busy machine)",
    )
    # The build benchmark has options of the same names; these reach it under its own.
    parser.add_argument("--build-repeats", type=int, help="bench_build.py's --repeats")
    parser.add_argument("--build-before", type=Path, help="bench_build.py's --before")
    args, rest = parser.parse_known_args(argv)
    if args.build_repeats is not None:
        rest += ["--repeats", str(args.build_repeats)]
    if args.build_before is not None:
        rest += ["--before", str(args.build_before)]
    CLOCK[0] = args.clock
    SOURCES[0] = args.sources
    print(
        f"Medians of {args.repeats} interleaved runs ({args.clock} time); cjs = check-jsonschema, "
        f"pass = {Path(sys.executable).name} -c pass. Ratios are codify's time over theirs."
    )
    with tempfile.TemporaryDirectory() as tmp:
        if "check" in args.only:
            section_check(args)
        if "scale" in args.only:
            section_scale(args, Path(tmp))
        if "precommit" in args.only:
            section_precommit(args, Path(tmp))
    if "build" in args.only:
        section_build(rest)
    if "network" in args.only:
        section_network()


if __name__ == "__main__":
    main()
