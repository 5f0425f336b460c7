"""Benchmark `codify check` against `check-jsonschema` on the same files.

Not a test and not run by the suite: run it by hand, from the repository root, with the venv's
Python:

    .venv/bin/python tests/benchmarks/bench_check.py [--repeats 7]

For a bundled example and for specs grown to 1,000 and 5,000 core elements, it runs both tools
interleaved (so background load affects both alike), repeated, in the same environment, and
prints the median wall-clock times and their ratio. check-jsonschema validates structure only;
codify also keeps positions and runs the semantic rules, so a ratio at or below 1.0 means
codify does more in the same time.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "spec" / "intervention.schema.json"
EXAMPLE = ROOT / "examples" / "schwartz_rounds" / "intervention.yaml"


def grow(base: dict[str, Any], n: int) -> dict[str, Any]:
    """A valid spec with `n` core elements, each protected by its own yes/no criterion."""
    spec = copy.deepcopy(base)
    template = spec["core_elements"][0]
    spec["core_elements"] = []
    criteria = []
    for i in range(n):
        element = copy.deepcopy(template)
        element["id"] = f"element-{i}"
        element["name"] = f"Element {i}"
        element["function"] = f"The purpose element {i} serves, which adopters preserve."
        spec["core_elements"].append(element)
        criteria.append(
            {
                "id": f"criterion-{i}",
                "name": f"Element {i} is in place",
                "core_elements": [f"element-{i}"],
                "method": "Observation",
                "data_sources": ["observation"],
                "scale": {"kind": "yes_no", "yes": "Seen at the last session."},
            }
        )
    fid = spec["fidelity"]
    fid["criteria"] = criteria
    half = n // 2
    fid["bands"] = [
        {"label": "Low", "min": 0, "max": half, "meaning": "Below the standard."},
        {
            "label": "High",
            "min": half + 1,
            "max": n,
            "meaning": "Meets it.",
            "meets_standard": True,
        },
    ]
    # Keep every reference resolvable: guardrails, proscribed items and modifications name
    # core elements of the original spec.
    for ae in spec.get("adaptable_elements", []):
        for g in ae.get("guardrails", []):
            g["core_element"] = "element-0"
    for p in spec.get("proscribed", []):
        p["core_elements"] = ["element-0"] if p.get("core_elements") else []
    for m in spec.get("modifications", []):
        m["elements"] = [e for e in m.get("elements", []) if not e.startswith("element")][:0]
    return spec


def dump(data: dict[str, Any], path: Path) -> None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        head = "\n".join((proc.stdout + proc.stderr).splitlines()[:10])
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{head}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per tool and size")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    args = parser.parse_args()

    from ruamel.yaml import YAML

    base = YAML(typ="safe").load(EXAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("example (schwartz_rounds)", EXAMPLE)]
        for n in args.sizes:
            path = Path(tmp) / f"grown-{n}.intervention.yaml"
            dump(grow(base, n), path)
            cases.append((f"{n:,} core elements ({path.stat().st_size / 1e6:.1f} MB)", path))

        print(f"{'spec':<34} {'codify':>9} {'check-jsonschema':>17} {'ratio':>7}")
        rows = []
        for label, path in cases:
            tools = {
                "codify": [str(BIN / "codify"), "check", "-q", str(path)],
                "cjs": [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), str(path)],
            }
            times: dict[str, list[float]] = {k: [] for k in tools}
            for _ in range(args.repeats):
                for name, cmd in tools.items():
                    times[name].append(timed(cmd))
            med = {k: statistics.median(v) for k, v in times.items()}
            rows.append((label, med))
            print(
                f"{label:<34} {med['codify']:>8.2f}s {med['cjs']:>16.2f}s "
                f"{med['codify'] / med['cjs']:>7.2f}"
            )
        if len(args.sizes) >= 2:
            (_, a), (_, b) = rows[-2], rows[-1]
            growth = (b["codify"] - rows[0][1]["codify"]) / (a["codify"] - rows[0][1]["codify"])
            print(
                f"\ncodify time above start-up grows {growth:.2f}x from {args.sizes[-2]:,} to "
                f"{args.sizes[-1]:,} elements ({args.sizes[-1] / args.sizes[-2]:.1f}x the size)."
            )


if __name__ == "__main__":
    main()
