"""Measure that hostile input costs time and memory in proportion to its size, not worse.

Not a test and not run by the suite: run it by hand, from the repository root, with the venv's
Python:

    .venv/bin/python tests/benchmarks/bench_bounds.py [--case NAME ...] [--repeats 3]

Each case writes an input of a given size to a temporary folder and runs one real `codify`
command on it in a fresh process. The table gives the median wall-clock time, the process's
peak memory, and the growth ratio: how much faster than the size the time above start-up (a
check of the small scaffold spec, measured first) grew from the previous size. 1.0 is linear;
3.0 for a size three times larger means quadratic.

Add a case by writing a function that takes a folder and a size, writes its input there and
returns the codify arguments to run, and registering it with `@case("name", sizes)`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Allow running from a checkout without installing, and let PYTHONPATH point at another copy of
# the sources (for a before/after comparison).
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:
    sys.path.append(str(ROOT / "src"))

Make = Callable[[Path, int], list[str]]


@dataclass(frozen=True)
class Case:
    """One kind of input: a name, the sizes to try and how to make the input and command."""

    name: str
    sizes: tuple[int, ...]
    make: Make
    note: str


CASES: dict[str, Case] = {}


def case(name: str, sizes: tuple[int, ...]) -> Callable[[Make], Make]:
    """Register a case; its docstring's first line is shown above its rows."""

    def register(make: Make) -> Make:
        note = (make.__doc__ or name).strip().splitlines()[0]
        CASES[name] = Case(name, sizes, make, note)
        return make

    return register


def base_spec() -> dict[str, Any]:
    """The spec `codify init` writes, as data, with its placeholders accepted (their `TODO: `
    marks removed): small, and clean under `codify check`."""
    from codify.commands.init import scaffold
    from codify.loader import load_text

    data: dict[str, Any] = load_text(scaffold("bench", "Benchmark")).data
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(value, str) and value.startswith("TODO: "):
                node[key] = value.removeprefix("TODO: ")
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return data


def write_spec(folder: Path, data: dict[str, Any]) -> Path:
    """Write a spec as JSON (which is YAML), the fastest way to write a large one."""
    path = folder / "intervention.yaml"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path


# --- the cases ----------------------------------------------------------------------------------


@case("misspelt-references", (1000, 3000, 10000))
def misspelt_references(folder: Path, n: int) -> list[str]:
    """`codify check` on a spec with n roles and n misspelt references to them (CR002)."""
    spec = base_spec()
    role = spec["roles"][0]
    spec["roles"] = [{**role, "id": f"role-{i}", "title": f"Role {i}"} for i in range(n)]
    spec["core_elements"][0]["roles"] = [f"rloe-{i}" for i in range(n)]
    return ["check", "-q", str(write_spec(folder, spec))]


@case("unknown-keys", (1000, 3000, 10000))
def unknown_keys(folder: Path, n: int) -> list[str]:
    """`codify check` on a spec with n misspelt keys (CS001, each with a suggestion)."""
    spec = base_spec()
    element = spec["core_elements"][0]
    spec["core_elements"] = [
        {**element, "id": f"element-{i}", "fucntion": "typo"} for i in range(n)
    ]
    return ["check", "-q", str(write_spec(folder, spec))]


def _site_spec(n: int) -> dict[str, Any]:
    """A clean spec with n core elements, each with its criterion, for the site cases.

    It also has n/10 adaptable elements and n/10 glossary terms that the elements use, so the
    navigation and the tooltips grow with the site too.
    """
    spec = base_spec()
    core, adaptable = spec["core_elements"][0], spec["adaptable_elements"][0]
    terms = max(1, n // 10)
    spec["glossary"] = [
        {"term": f"term{i}", "definition": f"What term{i} means & why."} for i in range(terms)
    ]
    spec["core_elements"] = [
        {
            **core,
            "id": f"element-{i}",
            "name": f"Element {i}",
            "function": f"What element {i} is for, with term{i % terms} and term{(i + 1) % terms}.",
        }
        for i in range(n)
    ]
    spec["adaptable_elements"] = [
        {
            **adaptable,
            "id": f"adapt-{i}",
            "name": f"Adaptable {i}",
            "guardrails": [{"core_element": f"element-{i}", "note": "Keep its function."}],
        }
        for i in range(terms)
    ]
    criterion = spec["fidelity"]["criteria"][0]
    spec["fidelity"]["criteria"] = [
        {**criterion, "id": f"criterion-{i}", "core_elements": [f"element-{i}"]} for i in range(n)
    ]
    spec["fidelity"]["bands"] = [
        {"label": "Low", "min": 0, "max": n // 2, "meaning": "Below the standard."},
        {
            "label": "High",
            "min": n // 2 + 1,
            "max": n,
            "meaning": "Meets it.",
            "meets_standard": True,
        },
    ]
    return spec


def _text_spec(folder: Path, text: str) -> Path:
    """The scaffold spec with `text` as its summary, which every document prints."""
    spec = base_spec()
    spec["summary"] = text
    return write_spec(folder, spec)


@case("markdown-brackets", (5000, 10000, 20000))
def markdown_brackets(folder: Path, n: int) -> list[str]:
    """`codify build --force` with n unclosed `[` in one field (Markdown parsing)."""
    return [
        "build",
        "-q",
        "--force",
        "--out",
        str(folder / "out"),
        str(_text_spec(folder, "[" * n)),
    ]


@case("markdown-entities-site", (20000, 40000, 80000))
def markdown_entities_site(folder: Path, n: int) -> list[str]:
    """`codify site --build --force` with n `<` (each escaped as an entity) in one field."""
    spec = _text_spec(folder, "<a" * (n // 2))
    return ["site", "-q", "--force", "--build", "--out", str(folder / "site"), str(spec)]


@case("build-elements", (1000, 5000, 10000))
def build_elements(folder: Path, n: int) -> list[str]:
    """`codify build` (handbook and checklist) for a spec with n core elements."""
    spec = write_spec(folder, _site_spec(n))
    return ["build", "-q", "--force", "--out", str(folder / "out"), str(spec)]


@case("site-generate", (1000, 5000, 10000))
def site_generate(folder: Path, n: int) -> list[str]:
    """`codify site` (the MkDocs project, no build) for a spec with n core elements."""
    spec = write_spec(folder, _site_spec(n))
    return ["site", "-q", str(spec), "--out", str(folder / "site")]


@case("site-build", (1000, 5000, 10000))
def site_build(folder: Path, n: int) -> list[str]:
    """`codify site --build` (generation and a strict MkDocs build) for n core elements."""
    spec = write_spec(folder, _site_spec(n))
    return ["site", "-q", "--build", str(spec), "--out", str(folder / "site")]


# --- running ------------------------------------------------------------------------------------


def measure(args: list[str], timeout: float) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one `codify` run in a fresh process."""
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "codify", *args], stdout=subprocess.DEVNULL, stderr=err, env=env
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        # wait4 gives this child's own peak memory, which Popen.wait would not.
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace")
    if proc.returncode < 0:
        return float("inf"), float("nan")
    if "Traceback" in text or "internal error" in text:
        raise SystemExit(f"codify {' '.join(args)} crashed:\n{text}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="cases to run")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size (median)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before giving up")
    opts = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        clean = ["check", "-q", str(write_spec(Path(tmp), base_spec()))]
        startup = statistics.median(measure(clean, opts.timeout)[0] for _ in range(opts.repeats))
    print(f"start-up (checking the scaffold spec): {startup:.2f} s\n")
    print(f"{'case':<22} {'size':>7} {'seconds':>9} {'peak MB':>9} {'growth':>7}")
    for name in opts.case or list(CASES):
        c = CASES[name]
        print(f"# {c.note}")
        previous: tuple[int, float] | None = None
        for n in sorted(c.sizes):
            with tempfile.TemporaryDirectory() as tmp:
                args = c.make(Path(tmp), n)
                runs = [measure(args, opts.timeout) for _ in range(opts.repeats)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            growth = ""
            if previous is not None and previous[1] > startup:
                above = (seconds - startup) / (previous[1] - startup)
                growth = f"{above / (n / previous[0]):.2f}"
            print(f"{name:<22} {n:>7,} {seconds:>9.2f} {peak:>9.1f} {growth:>7}")
            previous = (n, seconds)


if __name__ == "__main__":
    main()
