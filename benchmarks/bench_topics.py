"""Topic modelling at scale: cold (embeddings computed) and warm (embeddings and UMAP cached) time
and peak memory, at about 10^4 and 10^5 units of the real headline corpora.

    python benchmarks/bench_topics.py [--sizes 10000 100000]

Each measurement runs in a fresh process and reads its peak resident memory from the kernel
(VmHWM). Units are headlines (title and snippet) from ../shared/corpora: Russian and Chinese
state media and the BBC. The work timed is what the topics notebook does: embed through the
cache, then fit BERTopic (UMAP, HDBSCAN, c-TF-IDF, KeyBERT-style words); stability refits are
left out. "warm" is a fresh process with the caches filled (a `toolkit run` rerun: it pays for
importing BERTopic and torch, about 6 s here); each process also reruns the work once more in
the same process (a rerun in a live JupyterLab kernel). Results: benchmarks/results/topics.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parents[1] / "shared" / "corpora"
WORK = Path("/tmp/toolkit-bench-topics")
RESULTS = HERE / "results" / "topics.json"
SOURCES = ("statemedia-headlines-2006-26", "cn-statemedia-headlines-2022")


def units(size: int):
    import polars as pl

    import toolkit

    path = WORK / "units.parquet"
    if not path.exists():
        corpus = toolkit.load_corpus([CORPORA / s for s in SOURCES], progress=False)
        corpus.select("doc_id", "outlet", "published", "text").write_parquet(path)
    frame = pl.read_parquet(path)
    return frame.sample(n=min(size, frame.height), seed=0, shuffle=True).sort("doc_id")


def child(size: int, cache: Path) -> dict:
    import toolkit
    from toolkit import topics as tp
    from toolkit.embed import cached_backend, embed

    frame = toolkit.segment(units(size), "article")
    t0 = time.perf_counter()
    st = cached_backend(None, cache / "embeddings")  # KeyBERT's words go through the cache too
    emb = embed(frame["text"].to_list(), cache_dir=cache / "embeddings")  # the default batch
    t_embed = time.perf_counter() - t0
    result = tp.fit_topics(frame, emb, seed=42, embedding_model=st, cache_dir=cache / "umap")
    seconds, cpu = time.perf_counter() - t0, time.process_time()
    status = Path("/proc/self/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    # the same work again in this process: a rerun in a live JupyterLab kernel, imports loaded
    t1 = time.perf_counter()
    again = embed(frame["text"].to_list(), cache_dir=cache / "embeddings")
    tp.fit_topics(frame, again, seed=42, embedding_model=st, cache_dir=cache / "umap")
    in_session = time.perf_counter() - t1
    return {
        "rerun_same_process_seconds": round(in_session, 1),
        "units": frame.height,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),  # the whole process, imports included
        "load": float(Path("/proc/loadavg").read_text().split()[0]),
        "embed_seconds": round(t_embed, 1),
        "topics": result.n_topics,
        "outlier_share": result.outliers.get("share_before"),
        "umap_cache_hit": result.settings.get("umap_cache_hit"),
        "peak_mb": round(peak),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "CACHE"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(int(args.child[0]), Path(args.child[1]))))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    rows = json.loads(RESULTS.read_text())["rows"] if RESULTS.exists() else []
    for size in args.sizes:
        cache = WORK / f"cache-{size}"
        shutil.rmtree(cache, ignore_errors=True)
        for phase in ("cold", "warm"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(size), str(cache)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            row = {"size": size, "phase": phase, **json.loads(out.stdout.strip().splitlines()[-1])}
            print(row, flush=True)
            rows = [r for r in rows if (r["size"], r["phase"]) != (size, phase)] + [row]
            RESULTS.write_text(
                json.dumps({"rows": rows, "date": time.strftime("%Y-%m-%d")}, indent=1) + "\n"
            )


if __name__ == "__main__":
    main()
