"""The Dask engine beside the local one: ingest, duplicate detection and embeddings.

    python benchmarks/bench_engine.py --stages ingest embed dedup \\
        [--sizes 10000 100000] [--ingest-sizes 10000 100000] [--batch-mb 4 16 64] \\
        [--texts 4000] [--rounds 2] [--workers 2]

- **ingest**: ``toolkit.ingest`` of the real corpora in ../shared/corpora (all five folders in
  one call) and of the duplicate benchmark's synthetic articles (``--ingest-sizes``) written as
  100 JSON-lines files (text, title, date, outlet, url), so the files make several batches; on
  Dask with batches of each ``--batch-mb`` MB of files (``toolkit.dask_load.BATCH_BYTES``), the
  local engine once per data;
- **dedup**: ``toolkit.find_duplicates`` of the duplicate benchmark's synthetic corpora
  (``dedup_data.synthesize``: articles drawn from a bigram model of the real corpora, 5% edited
  copies) at ``--sizes``, read from one parquet file;
- **embed**: ``toolkit.embed.embed`` (local) and ``toolkit.dask_embed.embed_on_dask`` (Dask) of
  ``--texts`` real paragraphs (the China Daily and New York Times articles of ../shared/corpora,
  paragraphs of 8 words or more, distinct, a seeded sample) with the bundled all-MiniLM-L6-v2,
  each into an empty cache, the model load included.

Each run is a fresh process: the local engine, or the Dask engine on a LocalCluster of
``--workers`` worker processes of one thread each. Measured: seconds; CPU-seconds (user + system
of the process, or of the workers and the client, which hosts the scheduler, over the call);
peak resident memory of the process (local) or of each worker and of the client (VmHWM); bytes the
workers sent (``transfer_outgoing_bytes_total``: to each other in the shuffles and fetches, and
the results the client gathers); and whether the tables (vectors: within 1e-5) are the same. In
rounds: each round runs every case once, local then Dask, so a busy spell of the shared machine
touches both engines. Data are written once to /tmp/toolkit-bench-dedup/; results go to
``benchmarks/results/engine.json``, which benchmarks/README.md quotes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
RESULTS = HERE / "results"
WORK = Path("/tmp/toolkit-bench-dedup")
CORPORA = HERE.parent.parent / "shared" / "corpora"
INGEST_FILES = 100  # files the synthetic ingest set is cut into


def _peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _sent(dask_worker) -> int:
    return int(dask_worker.transfer_outgoing_bytes_total)


def _fingerprint(frame) -> str:
    """The SHA-256 of a table's schema and row hashes, in order."""
    digest = hashlib.sha256(str(frame.schema).encode())
    digest.update(frame.hash_rows(seed=1).to_numpy().tobytes())
    return digest.hexdigest()[:16]


# ------------------------------------------------------------------ the jobs, in the child


def _dedup(data: str, client) -> dict:
    import toolkit

    dups = toolkit.find_duplicates(Path(data), engine=client)
    return {"documents": dups.stats["documents"], "pairs": dups.pairs.height,
            "tables": [_fingerprint(dups.pairs), _fingerprint(dups.clusters)]}  # fmt: skip


def _ingest(data: str, client) -> dict:
    import toolkit

    sources = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if data == "corpora" else [data]
    result = toolkit.ingest(sources, engine=client)
    frames = (result.corpus, result.report, result.learned_chrome)
    return {"documents": result.corpus.height, "tables": [_fingerprint(f) for f in frames]}


def _embed(data: str, client) -> dict:
    import tempfile

    import numpy as np

    from toolkit.dask_embed import embed_on_dask
    from toolkit.embed import embed

    texts = json.loads(Path(data).read_text())
    with tempfile.TemporaryDirectory() as cache:  # empty: every text is encoded
        if client is None:
            vectors = embed(texts, cache_dir=cache)
        else:
            vectors = embed_on_dask(texts, client, model=None, cache_dir=cache)
    out = WORK / "engine-tables" / f"{'local' if client is None else 'dask'}-{Path(data).stem}.npy"
    out.parent.mkdir(parents=True, exist_ok=True)
    np.save(out, vectors)
    return {"documents": len(texts), "vectors": str(out)}


JOBS = {"dedup": _dedup, "ingest": _ingest, "embed": _embed}


def _child(stage: str, engine: str, data: str, workers: int, batch_mb: int | None) -> dict:
    job = JOBS[stage]
    if batch_mb:
        from toolkit import dask_load

        dask_load.BATCH_BYTES = batch_mb << 20
    if engine == "local":
        c0, t0 = _cpu(), time.perf_counter()
        out = job(data, None)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
        return {**out, "seconds": round(seconds, 2), "cpu_s": round(cpu, 1),
                "peak_mb": [round(_peak_mb())], "sent_mb": 0.0}  # fmt: skip
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as c,
        Client(c) as client,
    ):
        before, c0, t0 = client.run(_cpu), _cpu(), time.perf_counter()
        out = job(data, client)
        seconds = time.perf_counter() - t0
        after, c1 = client.run(_cpu), _cpu()
        peaks, sent = client.run(_peak_mb), client.run(_sent)
    workers_cpu = sum(after[w] - before[w] for w in after)
    return {
        **out,
        "seconds": round(seconds, 2),
        "cpu_s": round(workers_cpu + c1 - c0, 1),
        "workers_cpu_s": round(workers_cpu, 1),
        "peak_mb": sorted(round(v) for v in peaks.values()),
        "client_peak_mb": round(_peak_mb()),
        "sent_mb": round(sum(sent.values()) / 2**20, 1),
    }


# ------------------------------------------------------------------ the data, in the parent


def _synthetic(size: int) -> Path:
    import dedup_data

    data = WORK / f"synthetic-{size}.parquet"
    if not data.exists():
        dedup_data.synthesize(dedup_data.pool(), size, data)
    return data


def _ingest_files(size: int) -> Path:
    """The synthetic articles as JSON-lines files with the fields a scraper writes."""
    import polars as pl

    folder = WORK / f"ingest-{size}"
    if (folder / "done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    frame = pl.read_parquet(_synthetic(size)).with_row_index("i")
    outlets = ["TASS", "BelTA", "Xinhua", "RT", "China Daily"]
    frame = frame.select(
        title=pl.col("text").str.split(" ").list.head(8).list.join(" "),
        text="text",
        date=(pl.date(2015, 1, 1) + pl.duration(days=pl.col("i") * 37 % 3650)).dt.to_string(),
        outlet=pl.lit(pl.Series(outlets)).gather(pl.col("i") % len(outlets)),
        url=pl.format("https://example.org/news/{}", pl.col("i")),
    )
    step = -(-frame.height // INGEST_FILES)
    for n, start in enumerate(range(0, frame.height, step)):
        frame.slice(start, step).write_ndjson(folder / f"part-{n:03d}.jsonl")
    (folder / "done").touch()
    return folder


def _paragraphs(n: int) -> Path:
    """``n`` distinct real paragraphs of 8 words or more, a seeded sample, as a JSON list."""
    import polars as pl

    import toolkit
    from toolkit.segment import segment

    out = WORK / f"paragraphs-{n}.json"
    if out.exists():
        return out
    corpus = toolkit.ingest(CORPORA / "chinadaily-nyt-2013-15").corpus
    units = segment(corpus, "paragraph").filter(pl.col("n_words") >= 8)
    units = units.unique("text", keep="first", maintain_order=True)
    texts = units.sample(n, seed=0)["text"].to_list()
    WORK.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(texts))
    return out


def _cases(args: argparse.Namespace) -> list[tuple[str, str, Path | str, int | None]]:
    """(stage, label, data, batch MB or None) for every case asked."""
    cases: list[tuple[str, str, Path | str, int | None]] = []
    if "ingest" in args.stages:
        cases.append(("ingest", "real corpora (5 folders)", "corpora", None))
        for size in args.ingest_sizes:
            files = _ingest_files(size)
            for mb in args.batch_mb:
                cases.append(("ingest", f"synthetic {size:,}, {mb} MB batches", files, mb))
    if "embed" in args.stages:
        cases.append(("embed", f"{args.texts:,} paragraphs", _paragraphs(args.texts), None))
    if "dedup" in args.stages:
        cases += [("dedup", f"synthetic {size:,}", _synthetic(size), None) for size in args.sizes]
    return cases


def _same(stage: str, local: dict, dask: dict) -> bool | float:
    if stage != "embed":
        return local["tables"] == dask["tables"]
    import numpy as np

    a, b = np.load(local["vectors"]), np.load(dask["vectors"])
    return a.shape == b.shape and bool(np.abs(a - b).max() <= 1e-5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", nargs="+", choices=tuple(JOBS), default=["ingest", "embed"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--ingest-sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--batch-mb", type=int, nargs="+", default=[64])
    parser.add_argument("--texts", type=int, default=4_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        batch_mb = args.batch_mb[0] if len(args.batch_mb) == 1 else None
        print(json.dumps(_child(*args.child, args.workers, batch_mb)))
        return
    if not CORPORA.is_dir():
        sys.exit(f"{CORPORA} not found: the benchmark needs ../shared/corpora")
    rows = []
    path = RESULTS / "engine.json"
    old = json.loads(path.read_text())["rows"] if path.exists() else []
    for r in old:  # rows of the first version: duplicate detection only
        r.setdefault("stage", "dedup")
        r.setdefault("data", f"synthetic {r.get('size', 0):,}")
    cases = _cases(args)
    for round_ in range(1, args.rounds + 1):
        locals_: dict[str, dict] = {}  # the local run of each data, once a round
        for stage, label, data, mb in cases:
            pair = {}
            for engine in ("local", "dask"):
                if engine == "local" and str(data) in locals_:
                    pair[engine] = locals_[str(data)]
                    continue
                done = subprocess.run(
                    [sys.executable, __file__, "--child", stage, engine, str(data),
                     "--workers", str(args.workers), "--batch-mb", str(mb or 0)],
                    capture_output=True, text=True,
                )  # fmt: skip
                if done.returncode:
                    sys.exit(f"{stage} {engine} {label} failed:\n{done.stderr[-3000:]}")
                out = json.loads(done.stdout.strip().splitlines()[-1])
                load = os.getloadavg()[0]
                pair[engine] = out
                if engine == "local":
                    locals_[str(data)] = out
                row = {"stage": stage, "data": label, "engine": engine, "round": round_,
                       "workers": args.workers if engine == "dask" else None,
                       "batch_mb": mb if engine == "dask" else None,
                       "load_1min": round(load, 1), **out}  # fmt: skip
                row["docs_per_s"] = round(row["documents"] / row["seconds"])
                rows.append(row)
                print(row, flush=True)
            rows[-1]["same"] = _same(stage, pair["local"], pair["dask"])
            if rows[-2]["engine"] == "local" and rows[-2]["data"] == label:
                rows[-2]["same"] = rows[-1]["same"]
            print("same:", rows[-1]["same"], flush=True)
    new = {(r["stage"], r["data"]) for r in rows}
    kept = [r for r in old if (r["stage"], r["data"]) not in new]
    machine = {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
               "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps({"machine": machine, "rows": kept + rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
