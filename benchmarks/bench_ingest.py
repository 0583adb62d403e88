"""Ingest + clean throughput on the real corpora in ../shared/corpora.

For each data set, in a fresh subprocess (so peak memory is that run's own), in rounds (each round
runs every set once), best of the rounds:
  - toolkit: ``toolkit.ingest(folder)`` end to end (read, decode, normalise, de-glue, learn and
    remove chrome, read page metadata, parse dates, build the typed table and the load report);
  - baseline: what a user would otherwise write: ``polars.read_csv`` for tables, and reading
    each text file into a polars frame for folders of .txt; no cleaning, no metadata.
Prints a Markdown table (paste it into benchmarks/README.md): the best round's figures, and the
median round's MB/s beside them, the CPU-seconds of the process (all its threads: on a busy
machine they change less than wall time) and MB per CPU-second, and the load average before and
after; writes every round's seconds to results/ingest.json.

With ``--base CHECKOUT`` the toolkit of another checkout (``PYTHONPATH`` on it, e.g. main) runs
beside this one in every round, right after it, and a second table compares the two: CPU-seconds
and wall seconds, best and median, and the load average before each run.

Usage: python benchmarks/bench_ingest.py [--repeat 7] [--base ../main]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = [
    "chinadaily-nyt-2013-15",
    "statemedia-headlines-2006-26",
    "cn-statemedia-headlines-2022",
    "kremlin-2021-22",  # a table of long texts (6.7 MB of releases)
]

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
which, folder = sys.argv[1], Path(sys.argv[2])
if which == "toolkit":
    import toolkit
    t, c = time.perf_counter(), time.process_time()
    n = toolkit.ingest(folder).corpus.height
else:
    import polars as pl
    t, c = time.perf_counter(), time.process_time()
    csvs = sorted(folder.rglob("*.csv"))
    if csvs:
        n = sum(pl.read_csv(p, infer_schema=False).height for p in csvs)
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
        n = pl.DataFrame({"text": texts}).height
elapsed, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"seconds": elapsed, "cpu_seconds": cpu, "rows": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(which: str, folder: Path, base: Path | None = None) -> dict:
    """One fresh process: ``which`` is toolkit, baseline, or base (the toolkit of ``base``)."""
    env = {**os.environ, "PYTHONPATH": str(base if which == "base" else ROOT)}
    load = os.getloadavg()[0]
    cmd = [sys.executable, "-c", CHILD, "toolkit" if which == "base" else which, str(folder)]
    # run outside any checkout: "python -c" puts the working directory first on sys.path
    out = subprocess.run(
        cmd, capture_output=True, text=True, check=True, env=env, cwd=tempfile.gettempdir()
    )
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "load_before": load}


def _seconds(result: dict) -> float:
    return result["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7, help="rounds; the best is kept")
    parser.add_argument("--base", type=Path, help="another checkout to run beside this one")
    args = parser.parse_args()
    kinds = ("toolkit", "base", "baseline") if args.base else ("toolkit", "baseline")
    base = args.base.resolve() if args.base else None
    if not CORPORA.is_dir():
        sys.exit(f"{CORPORA} not found: the benchmark needs ../shared/corpora")
    # Rounds: each round runs every set once, so a slow spell of the machine (a shared VM)
    # touches one run of each set rather than all runs of one.
    runs: dict[tuple[str, str], list[dict]] = {}
    load_before = os.getloadavg()
    for _ in range(args.repeat):
        for name in SETS:
            for which in kinds:
                runs.setdefault((name, which), []).append(run(which, CORPORA / name, base))
    results = []
    for name in SETS:
        folder = CORPORA / name
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        ours, plain = (runs[name, which] for which in ("toolkit", "baseline"))
        results.append(
            {
                "set": name,
                "mb": size / 1e6,
                "toolkit": min(ours, key=_seconds),
                "baseline": min(plain, key=_seconds),
                "toolkit_seconds_all": [round(r["seconds"], 3) for r in ours],
                "toolkit_cpu_seconds_all": [round(r["cpu_seconds"], 3) for r in ours],
                "load_before_all": [round(r["load_before"], 2) for r in ours],
                **(
                    {
                        "base_seconds_all": [round(r["seconds"], 3) for r in runs[name, "base"]],
                        "base_cpu_seconds_all": [
                            round(r["cpu_seconds"], 3) for r in runs[name, "base"]
                        ],
                    }
                    if base
                    else {}
                ),
            }
        )
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = " / ".join(f"{a:.1f}" for a in (*load_before[:1], *os.getloadavg()[:1]))
    print(f"Machine: {machine}; load average (1 min) before / after: {load}\n")
    print(
        "| data set | MB | articles | toolkit s | MB/s | median MB/s | CPU s | MB per CPU s "
        "| articles/s | peak MB | polars read s | ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t, b = r["toolkit"], r["baseline"]
        median = statistics.median(r["toolkit_seconds_all"])
        cpu = min(r["toolkit_cpu_seconds_all"])
        print(
            f"| {r['set']} | {r['mb']:.1f} | {t['rows']:,} | {t['seconds']:.2f} | "
            f"{r['mb'] / t['seconds']:.1f} | {r['mb'] / median:.1f} | "
            f"{cpu:.2f} | {r['mb'] / cpu:.1f} | "
            f"{t['rows'] / t['seconds']:,.0f} | {t['peak_mb']:.0f} | "
            f"{b['seconds']:.2f} | {t['seconds'] / b['seconds']:.0f}x |"
        )
    if base:
        _side_by_side(results, base)
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "ingest.json").write_text(
        json.dumps(
            {"machine": machine, "load": load, "base": str(base), "results": results}, indent=2
        )
    )


def _side_by_side(results: list[dict], base: Path) -> None:
    """This checkout against ``base``, run alternately: best (median) CPU-s and wall s."""
    print(f"\nSide by side with {base} (best, median in brackets; load before each run):\n")
    print("| data set | MB | base CPU s | CPU s | base wall s | wall s | base MB/s | MB/s | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        cells = []
        for key in ("cpu_seconds_all", "seconds_all"):
            for who in ("base", "toolkit"):
                v = r[f"{who}_{key}"]
                cells.append(f"{min(v):.2f} ({statistics.median(v):.2f})")
        walls = [min(r[f"{who}_seconds_all"]) for who in ("base", "toolkit")]
        loads = r["load_before_all"]
        print(
            f"| {r['set']} | {r['mb']:.1f} | {' | '.join(cells)} | "
            f"{r['mb'] / walls[0]:.1f} | {r['mb'] / walls[1]:.1f} | "
            f"{min(loads):.1f}-{max(loads):.1f} |"
        )


if __name__ == "__main__":
    main()
