"""The Dask engine beside the local one: duplicate detection on the same synthetic corpora.

    python benchmarks/bench_engine.py --sizes 10000 100000 [1000000] [--workers 2]

The corpora are the duplicate benchmark's (``dedup_data.synthesize``: articles drawn from a
bigram model of the real corpora in ../shared/corpora, 5% edited copies), written once to
/tmp/toolkit-bench-dedup/. Each run is a fresh process: the local engine (threads) and the Dask
engine on a LocalCluster of ``--workers`` worker processes of one thread each, reading the same
parquet file. Measured: seconds, peak resident memory of the process (local) or of each worker
(Dask, from /proc/self/status VmHWM on the worker), bytes the workers sent each other (the
shuffles and fetches, ``transfer_outgoing_bytes_total``), and whether the pairs and clusters
are identical. Results go to ``benchmarks/results/engine.json``; benchmarks/README.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
RESULTS = HERE / "results"
WORK = Path("/tmp/toolkit-bench-dedup")


def _peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def _sent(dask_worker) -> int:
    return int(dask_worker.transfer_outgoing_bytes_total)


def _child(engine: str, data: Path, workers: int) -> dict:
    import toolkit

    if engine == "local":
        t0 = time.perf_counter()
        dups = toolkit.find_duplicates(data)
        seconds = time.perf_counter() - t0
        out = {"peak_mb": [round(_peak_mb())], "sent_mb": 0.0}
    else:
        from distributed import Client, LocalCluster

        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as c,
            Client(c) as client,
        ):
            t0 = time.perf_counter()
            dups = toolkit.find_duplicates(data, engine=client)
            seconds = time.perf_counter() - t0
            peaks = client.run(_peak_mb)
            sent = client.run(_sent)
        out = {
            "peak_mb": sorted(round(v) for v in peaks.values()),
            "client_peak_mb": round(_peak_mb()),
            "sent_mb": round(sum(sent.values()) / 2**20, 1),
        }
    tables = WORK / "engine-tables" / f"{engine}-{data.stem}"
    tables.mkdir(parents=True, exist_ok=True)
    dups.pairs.write_parquet(tables / "pairs.parquet")
    dups.clusters.write_parquet(tables / "clusters.parquet")
    return {"documents": dups.stats["documents"], "pairs": dups.pairs.height,
            "seconds": round(seconds, 2), **out}  # fmt: skip


def _same(data: Path) -> bool:
    import polars as pl

    base = WORK / "engine-tables"
    return all(
        pl.read_parquet(base / f"local-{data.stem}" / t).equals(
            pl.read_parquet(base / f"dask-{data.stem}" / t)
        )
        for t in ("pairs.parquet", "clusters.parquet")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], Path(args.child[1]), args.workers)))
        return
    import os
    import platform

    import dedup_data

    base, rows = None, []
    path = RESULTS / "engine.json"
    old = json.loads(path.read_text())["rows"] if path.exists() else []
    for size in args.sizes:
        data = WORK / f"synthetic-{size}.parquet"
        if not data.exists():
            base = base if base is not None else dedup_data.pool()
            dedup_data.synthesize(base, size, data)
        for engine in ("local", "dask"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", engine, str(data),
                 "--workers", str(args.workers)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            row = {"engine": engine, "size": size, "workers": args.workers}
            row |= json.loads(out.stdout.strip().splitlines()[-1])
            row["docs_per_s"] = round(row["documents"] / row["seconds"])
            rows.append(row)
            print(row, flush=True)
        rows[-1]["same_tables"] = rows[-2]["same_tables"] = _same(data)
        print("same tables:", rows[-1]["same_tables"], flush=True)
    new = {(r["engine"], r["size"]) for r in rows}
    kept = [r for r in old if (r["engine"], r["size"]) not in new]
    machine = {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
               "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps({"machine": machine, "rows": kept + rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
