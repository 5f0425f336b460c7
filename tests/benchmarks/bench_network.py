"""Benchmark `codify network` on generated networks of 100, 500 and 1,000 sites.

Not a test and not run by the suite: run it by hand, from the repository root, with the venv's
Python (tests/benchmarks/run.py runs it too, as its network section):

    .venv/bin/python tests/benchmarks/bench_network.py [--sizes 100 500 1000]
        [--assessments 8] [--repeats 3] [--keep DIR]

Each network is generated from the RAID example: one folder per site with a local profile
(a copy of an example site's, renamed), 8 dated assessments with seeded random ratings and
a drifting total, and 3 quarterly outcome reports. Each size is then reported on in a fresh
process, as a user runs it, doing the whole job (read every file, work out every table,
write report.html, report.json and the CSV tables into an empty folder; no PDF). It prints
for each size the median seconds of the work, the seconds per site, the peak memory of the
Python heap (tracemalloc, in a run of its own, since tracing slows the run) and the
process's peak resident size; and what each site added above the smallest network costs in
CPU time and heap (level figures mean linear growth). CPU time is the steadier measure on a
machine busy with other work.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAID = ROOT / "examples" / "raid"
PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")


def generate(folder: Path, sites: int, assessments: int, seed: int = 7) -> Path:
    """Write a network of `sites` sites into `folder`; return the network's folder."""
    from codify.checker import check_file
    from codify.scoring import criterion_range

    shutil.copy(RAID / "intervention.yaml", folder / "intervention.yaml")
    spec = check_file(folder / "intervention.yaml").spec
    assert spec is not None and spec.fidelity is not None
    criteria = [(c, *criterion_range(c)) for c in spec.fidelity.criteria]
    net = folder / "network"
    (net / "sites").mkdir(parents=True)
    (net / "network.yaml").write_text(
        "name: Generated network\nspec: ../intervention.yaml\nsynthetic: true\n"
        'as_of: "2026-10-31"\noutcomes:\n  response_times: {}\n  readmissions:\n'
        "    better: lower\n",
        encoding="utf-8",
    )
    profile = (RAID / "network" / "sites" / "ashby" / "ashby.local.yaml").read_text()
    rng = random.Random(seed)
    years = [2019 + i // 2 for i in range(assessments)]
    for s in range(sites):
        site = net / "sites" / f"site{s:04d}"
        (site / "assessments").mkdir(parents=True)
        (site / "outcomes").mkdir()
        (site / f"site{s:04d}.local.yaml").write_text(
            profile.replace("Ashby General Hospital", f"Generated Hospital {s}"), encoding="utf-8"
        )
        drift = rng.choice((-1, 0, 0, 1))
        level = rng.uniform(0.5, 0.95)
        for i, year in enumerate(years):
            day = f"{year}-{'03' if i % 2 == 0 else '09'}-15"
            lines = [f'intervention: "raid"\nversion: "1.0.0"\ndate: "{day}"\ncriteria:']
            share = min(1.0, max(0.0, level + drift * 0.03 * i + rng.uniform(-0.08, 0.08)))
            for c, low, high in criteria:
                rating = round(
                    low + (high - low) * min(1.0, max(0.0, share + rng.uniform(-0.2, 0.2)))
                )
                value = (
                    ("true" if rating else "false") if c.scale.kind.value == "yes_no" else rating
                )
                lines.append(f'  - id: "{c.id}"\n    rating: {value}')
            (site / "assessments" / f"{day}.yaml").write_text("\n".join(lines) + "\n")
        for period in PERIODS:
            n = rng.randint(80, 900)
            seen = round(n * min(1.0, max(0.0, rng.gauss(0.85, 0.04))))
            d = rng.randint(80, 900)
            (site / "outcomes" / f"{period}.yaml").write_text(
                f'period: "{period}"\nmeasures:\n'
                f"  - id: response_times\n    numerator: {seen}\n    denominator: {n}\n"
                f"  - id: readmissions\n    numerator: {round(d * 0.11)}\n    denominator: {d}\n"
            )
    return net


# The work measured in the child process: the whole job, as `codify network` does it.
CHILD = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
trace = sys.argv[3] == "trace"
from codify.network import analyse, load_network
from codify.network_report import write_report
if trace:
    tracemalloc.start()
start, cpu = time.perf_counter(), time.process_time()
net = load_network(Path(sys.argv[1]))
written = write_report(analyse(net), Path(sys.argv[2]))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = tracemalloc.get_traced_memory()[1] if trace else 0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak": peak, "rss": rss, "excluded": len(net.excluded),
                  "files": len(written.files)}))
"""


def measure(net: Path, out: Path, trace: bool) -> dict[str, float]:
    """One run in a fresh process, into an empty output folder."""
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(net), str(out), "trace" if trace else "time"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(proc.stdout)
    assert result["excluded"] == 0, "the generated network should read cleanly"
    return result


def main(argv: list[str] | None = None) -> None:
    """Generate each size, report on it, and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500, 1000])
    parser.add_argument("--assessments", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args, _ = parser.parse_known_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for size in args.sizes:
            folder = base / f"sites-{size}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            net = generate(folder, size, args.assessments)
            times = [measure(net, folder / "out", False) for _ in range(args.repeats)]
            traced = measure(net, folder / "out", True)
            seconds = statistics.median(t["seconds"] for t in times)
            cpu = statistics.median(t["cpu"] for t in times)
            rows.append((size, seconds, cpu, traced["peak"], max(t["rss"] for t in times)))
            print(f"  {size} sites done: {seconds:.2f} s", file=sys.stderr, flush=True)
    print(f"\n`codify network` on generated networks, {args.assessments} assessments per site")
    print(f"(median of {args.repeats} runs; heap peak from a separate tracemalloc run)\n")
    print(
        f"{'sites':>6} {'files':>7} {'seconds':>8} {'CPU s':>7} {'CPU ms/site':>12} "
        f"{'heap MB':>8} {'RSS MB':>7}"
    )
    for size, seconds, cpu, peak, rss in rows:
        files = size * (1 + args.assessments + len(PERIODS)) + 2
        print(
            f"{size:>6} {files:>7} {seconds:>8.2f} {cpu:>7.2f} {cpu / size * 1000:>12.2f} "
            f"{peak / 2**20:>8.1f} {rss / 2**20:>7.0f}"
        )
    # Linear means each site added costs the same: the CPU time and heap added per site
    # between the smallest network and each larger one stay level.
    first = rows[0]
    for size, _, cpu, peak, _ in rows[1:]:
        added = size - first[0]
        print(
            f"  {first[0]} -> {size} sites: {(cpu - first[2]) / added * 1000:.2f} CPU ms and "
            f"{(peak - first[3]) / added / 1024:.0f} KB of heap per site added"
        )


if __name__ == "__main__":
    main()
