"""Duplicate detection: quality on labelled real reprints, throughput beside datasketch.

    python benchmarks/bench_dedup.py eval                 # precision, recall, ARI; parameter grid
    python benchmarks/bench_dedup.py speed --sizes 10000 100000 1000000 \\
        [--baseline-max 100000]                           # throughput and peak memory
    python benchmarks/bench_dedup.py compile --size 10000 # numba: compile (cold), then load
    python benchmarks/bench_dedup.py same --sizes 10000   # every method in one process, rounds

Results go to ``benchmarks/results/dedup_eval.json`` and ``dedup_speed.json`` (merged by size and
method, so sizes can be measured in separate runs); ``benchmarks/README.md`` quotes them.

Throughput runs each method in a fresh process on the same parquet file and reads its peak
resident memory from the kernel. The baselines are what a user would otherwise write: per
document, regex word tokens, a set of 3-word shingles, a MinHash of 128 permutations (datasketch
``MinHash.update_batch``, or rensa's compiled ``RMinHash``), inserted into the library's LSH index
and queried for candidates, each candidate pair then kept if its MinHash estimate reaches the
threshold (the libraries hold no shingle sets to check exactly).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
RESULTS = HERE / "results"
WORK = Path("/tmp/toolkit-bench-dedup")


def _merge(path: Path, key: tuple[str, ...], rows: list[dict]) -> None:
    old = json.loads(path.read_text())["rows"] if path.exists() else []
    new_keys = {tuple(r[k] for k in key) for r in rows}
    kept = [r for r in old if tuple(r[k] for k in key) not in new_keys]
    path.write_text(json.dumps({"machine": _machine(), "rows": kept + rows}, indent=1) + "\n")


def _machine() -> dict:
    import os

    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "polars": pl.__version__,
        "date": time.strftime("%Y-%m-%d"),
    }


# ---------------------------------------------------------------- evaluation


def _truth_pairs(labels: pl.DataFrame) -> set[tuple[str, str]]:
    pairs = set()
    for members in labels.group_by("story").agg("doc_id")["doc_id"].to_list():
        members = sorted(members)
        pairs |= {(a, b) for i, a in enumerate(members) for b in members[i + 1 :]}
    return pairs


def _score(pred_pairs: set, clusters: dict[str, str], labels: pl.DataFrame, negatives) -> dict:
    from sklearn.metrics import adjusted_rand_score

    story = dict(labels.select("doc_id", "story").iter_rows())
    truth = _truth_pairs(labels)
    correct = sum(story[a] == story[b] for a, b in pred_pairs)
    found = sum(clusters[a] == clusters[b] for a, b in truth)
    ids = labels["doc_id"].to_list()
    per_edit = {}
    reprints = labels.filter(pl.col("edits").is_not_null()).with_columns(
        pl.col("edits").str.split(",")
    )
    for edits, group in reprints.explode("edits").group_by("edits"):
        hits = [clusters[d] == clusters[s] for d, s in group.select("doc_id", "story").iter_rows()]
        per_edit[edits[0]] = round(sum(hits) / len(hits), 4)
    out = {
        "pairs_reported": len(pred_pairs),
        "precision": round(correct / len(pred_pairs), 4) if pred_pairs else 1.0,
        "recall": round(found / len(truth), 4),
        "ari": round(adjusted_rand_score([story[i] for i in ids], [clusters[i] for i in ids]), 4),
        "recall_by_edit": per_edit,
    }
    for kind, group in negatives.group_by("kind", maintain_order=True):
        neg = [(a, b) for a, b, _ in group.iter_rows() if a in clusters and b in clusters]
        name = "hard_negative" if kind[0] == "topic" else kind[0]
        out[f"{name}_pairs"] = len(neg)
        out[f"{name}s_merged"] = sum(clusters[a] == clusters[b] for a, b in neg)
        members = {d for pair in neg for d in pair}
        out[f"{name}_reported"] = sum(a in members and b in members for a, b in pred_pairs)
    return out


def _datasketch_clusters(corpus: pl.DataFrame, threshold: float) -> tuple[set, dict]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    sigs = {}
    for doc_id, text in corpus.select("doc_id", "text").iter_rows():
        sigs[doc_id] = _ds_minhash(MinHash, text)
        lsh.insert(doc_id, sigs[doc_id])
    pairs = set()
    for doc_id, m in sigs.items():
        for other in lsh.query(m):
            if other != doc_id and m.jaccard(sigs[other]) >= threshold:
                pairs.add(tuple(sorted((doc_id, other))))
    return pairs, _components(corpus["doc_id"].to_list(), pairs)


def _components(ids: list[str], pairs) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


def evaluate(args) -> None:
    import dedup_data

    import toolkit

    base = dedup_data.pool()
    corpus, labels = dedup_data.labelled_set(base, seed=args.seed)
    topic = dedup_data.hard_negatives(base).with_columns(kind=pl.lit("topic"))
    series, series_pairs = dedup_data.series_negatives(base["doc_id"], seed=args.seed)
    corpus = pl.concat([corpus, series.select(corpus.columns).cast(corpus.schema)])
    labels = pl.concat(
        [labels, series.select("doc_id", story="doc_id", edits=pl.lit(None, pl.String))]
    )
    negatives = pl.concat([topic, series_pairs])
    n_reprints = labels["edits"].is_not_null().sum()
    counts = dict(negatives.group_by("kind").len().iter_rows())
    print(f"labelled set: {corpus.height} documents, {labels['story'].n_unique()} stories, "
          f"{n_reprints} reprints, hard-negative pairs {counts}")  # fmt: skip
    rows = []
    grid = [
        dict(shingle_size=s, threshold=t, containment=c, bands=b)
        for s in (3, 5)
        for t in (0.3, 0.4, 0.5, 0.6)
        for c in (0.5, 0.6, 0.7, 0.8, 0.9)
        for b in (16, 32)
    ]
    if args.defaults_only:
        grid = [dict(shingle_size=3, threshold=0.5, containment=0.7, bands=32)]
    for opts in grid:
        t0 = time.perf_counter()
        dups = toolkit.find_duplicates(corpus, **opts)
        seconds = time.perf_counter() - t0
        pairs = {tuple(sorted(p)) for p in dups.pairs.select("doc_a", "doc_b").iter_rows()}
        clusters = dict(dups.clusters.select("doc_id", "cluster_id").iter_rows())
        row = {"method": "toolkit", **opts, **_score(pairs, clusters, labels, negatives)}
        row["seconds"] = round(seconds, 2)
        rows.append(row)
        print({k: v for k, v in row.items() if k != "recall_by_edit"})
    t0 = time.perf_counter()
    pairs, clusters = _datasketch_clusters(corpus, 0.5)
    row = {"method": "datasketch MinHashLSH", "shingle_size": 3, "threshold": 0.5,
           "containment": None, "bands": None, **_score(pairs, clusters, labels, negatives),
           "seconds": round(time.perf_counter() - t0, 2)}  # fmt: skip
    rows.append(row)
    print(row)
    meta = {
        "documents": corpus.height,
        "stories": labels["story"].n_unique(),
        "reprints": int(n_reprints),
        "hard_negative_pairs": counts.get("topic", 0),
        "series_documents": series.height,
        "series_pairs": counts.get("series", 0),
        "boilerplate_pairs": counts.get("boilerplate", 0),
        "seed": args.seed,
    }
    out = RESULTS / ("dedup_eval_defaults.json" if args.defaults_only else "dedup_eval.json")
    out.write_text(json.dumps({"machine": _machine(), "set": meta, "rows": rows}, indent=1) + "\n")
    print(f"wrote {out}")


# ---------------------------------------------------------------- throughput

_WORD = re.compile(r"\w+")


def _shingle_strings(text: str) -> set[str]:
    w = _WORD.findall(text.lower())
    if len(w) < 3:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + 3]) for i in range(len(w) - 2)}


def _ds_minhash(cls, text: str):
    m = cls(num_perm=128, seed=1)
    m.update_batch([s.encode("utf-8") for s in _shingle_strings(text)])
    return m


def _import_kernels() -> None:
    """Import numba with toolkit's compiled loops, as the baselines import their libraries
    before the clock (0.1 CPU-s); loading the compiled code at the first call (about 0.3 CPU-s
    once per process) stays on the clock. A checkout without them (main before) skips this."""
    import importlib.util

    if importlib.util.find_spec("toolkit.dedup_kernels") is not None:
        import toolkit.dedup_kernels  # noqa: F401


def compile_cost(args) -> None:
    """toolkit in a fresh process with an empty numba cache (it compiles), then again (it
    loads the compiled code), ``--rounds`` times, each pair with a new cache folder."""
    import tempfile

    data = WORK / f"synthetic-{args.size}.parquet"
    rows = []
    for round_ in range(args.rounds):
        with tempfile.TemporaryDirectory() as cache:
            for phase in ("cold", "warm"):
                load = os.getloadavg()[0]
                out = subprocess.run(
                    [sys.executable, __file__, "child", "toolkit", str(data)],
                    capture_output=True, text=True, check=True,
                    env={**os.environ, "NUMBA_CACHE_DIR": cache},
                )  # fmt: skip
                result = json.loads(out.stdout.strip().splitlines()[-1])
                row = {"size": args.size, "round": round_ + 1, "phase": phase, **result}
                rows.append({**row, "load_before": round(load, 2)})
                print(rows[-1], flush=True)
    path = RESULTS / "dedup_compile.json"
    path.write_text(json.dumps({"machine": _machine(), "rows": rows}, indent=1) + "\n")


def _import(method: str) -> None:
    """Import a method's libraries, before any clock starts (the toolkit with numba, not yet
    its compiled loops: those load at the first call, on the clock)."""
    if method == "toolkit":
        import toolkit

        _import_kernels()
    elif method == "datasketch":
        import datasketch  # noqa: F401
    elif method == "floor":
        _import_kernels()
        import toolkit.dedup_local
        import toolkit.minhash  # noqa: F401
    else:
        import rensa  # noqa: F401


def _child(method: str, data: Path) -> dict:
    """Run one method on one file in this (fresh) process, with its peak memory."""
    _import(method)
    result = _timed(method, data)
    # VmHWM, not getrusage: ru_maxrss keeps the parent's peak across fork and exec
    status = Path("/proc/self/status").read_text()
    peak_mb = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    return {**result, "peak_mb": round(peak_mb)}


def _timed(method: str, data: Path) -> dict:
    """Run one method on one file, its libraries imported (:func:`_import`): documents, pairs,
    wall and CPU seconds (every thread of the process; user and system)."""
    import numpy as np
    import pyarrow.parquet as pq

    if method == "toolkit":
        import toolkit
    elif method == "datasketch":
        from datasketch import MinHash, MinHashLSH
    elif method == "floor":
        from toolkit.dedup_local import small_pages
        from toolkit.minhash import shingles, signatures, tokens
    else:
        from rensa import RMinHash, RMinHashLSH

    t0, c0, times0 = time.perf_counter(), time.process_time(), os.times()
    extra = {}
    if method == "toolkit":
        dups = toolkit.find_duplicates(data)
        n, found = dups.stats["documents"], dups.pairs.height
        extra = {k: round(v, 2) for k, v in dups.stats.items() if k.startswith("seconds_")}
    elif method == "floor":
        # the least any method must do: read the texts, then tokenise and hash, shingle and
        # MinHash them; the floor is the read plus that CPU time spread on two ideal cores
        texts = pl.read_parquet(data, columns=["text"])["text"]
        read = time.perf_counter() - t0
        tok = mh = 0.0
        with small_pages():  # as toolkit runs them
            for start in range(0, texts.len(), 2000):
                part = texts.slice(start, 2000)
                c = time.process_time()
                t = tokens(part, seed=0)
                c2 = time.process_time()
                sd, sh = shingles(t.docs, t.hashes, k=3, seed=0)
                signatures(sd, sh, n_docs=part.len(), num_perm=128)
                tok, mh = tok + c2 - c, mh + time.process_time() - c2
        n, found = texts.len(), 0
        extra = {
            "read_s": round(read, 2),
            "tokenise_cpu_s": round(tok, 2),
            "minhash_cpu_s": round(mh, 2),
            "floor_s": round(read + (tok + mh) / 2, 2),
        }
    else:
        if method == "datasketch":
            lsh = MinHashLSH(threshold=0.5, num_perm=128)
        else:
            lsh = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=32)
        digests, n, found = [], 0, 0
        for batch in pq.ParquetFile(data).iter_batches(batch_size=10_000, columns=["text"]):
            for text in batch.column("text").to_pylist():
                if method == "datasketch":
                    m = _ds_minhash(MinHash, text)
                    key = n
                    candidates = lsh.query(m)
                    lsh.insert(key, m)
                    digests.append(m.hashvalues.astype(np.uint64))
                else:
                    m = RMinHash(128, 1)
                    m.update(list(_shingle_strings(text)))
                    candidates = lsh.query(m)
                    lsh.insert(n, m)
                    digests.append(np.asarray(m.digest(), dtype=np.uint32))
                for c in candidates:  # verify by the MinHash estimate
                    if (digests[c] == digests[n]).mean() >= 0.5:
                        found += 1
                n += 1
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    times = os.times()
    extra["user_s"] = round(times.user - times0.user, 2)
    extra["system_s"] = round(times.system - times0.system, 2)
    return {"documents": n, "pairs": found, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2), **extra}  # fmt: skip


def speed(args) -> None:
    import dedup_data

    WORK.mkdir(parents=True, exist_ok=True)
    base = None
    for size in args.sizes:
        data = WORK / f"synthetic-{size}.parquet"
        if not data.exists():
            base = base if base is not None else dedup_data.pool()
            t0 = time.perf_counter()
            dedup_data.synthesize(base, size, data)
            print(f"synthesised {size} documents in {time.perf_counter() - t0:.0f} s")
        words = (
            pl.scan_parquet(data)
            .select(pl.col("text").str.split(" ").list.len().mean())
            .collect()
            .item()
        )
        runs: dict[str, list[dict]] = {}
        for round_ in range(args.rounds):  # interleaved: a busy spell hits every method alike
            for method in args.methods:
                if method not in ("toolkit", "floor", "base") and size > args.baseline_max:
                    continue
                load = os.getloadavg()[0]
                env = dict(os.environ)
                if method == "base":  # toolkit as another checkout has it, e.g. main before
                    env["PYTHONPATH"] = str(Path(args.base).resolve())
                out = subprocess.run(
                    [sys.executable, __file__, "child",
                     "toolkit" if method == "base" else method, str(data)],
                    capture_output=True, text=True, check=True, env=env,
                )  # fmt: skip
                result = json.loads(out.stdout.strip().splitlines()[-1])
                result["load_before"] = round(load, 2)
                runs.setdefault(method, []).append(result)
                print(size, round_, method, result, flush=True)
        rows = []
        for method, results in runs.items():
            best = min(results, key=lambda r: r["seconds"])
            row = {"method": method, "size": size, "mean_words": round(words), **best}
            row["median_seconds"] = statistics.median(r["seconds"] for r in results)
            row["median_cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in results)
            row["docs_per_s"] = round(best["documents"] / best["seconds"])
            row["docs_per_cpu_s"] = round(best["documents"] / best["cpu_seconds"])
            row["rounds"] = results
            rows.append(row)
        _merge(RESULTS / "dedup_speed.json", ("method", "size"), rows)


def same_process(args) -> None:
    """Every method in this one process, interleaved rounds (the protocol of issue 18): the
    libraries imported first, then in each round every method once, in an order that turns
    round by round. A method's first round carries its one-off costs in a process (the
    toolkit's: loading its compiled loops, about 0.36 CPU-s); later rounds do not. Peak memory
    is not measured here (it only grows in one process): ``speed`` runs each in its own."""
    import gc

    import dedup_data

    WORK.mkdir(parents=True, exist_ok=True)
    for method in args.methods:
        _import(method)
    rows = []
    for size in args.sizes:
        data = WORK / f"synthetic-{size}.parquet"
        if not data.exists():
            dedup_data.synthesize(dedup_data.pool(), size, data)
        runs: dict[str, list[dict]] = {m: [] for m in args.methods}
        for round_ in range(args.rounds):
            turn = round_ % len(args.methods)
            for method in args.methods[turn:] + args.methods[:turn]:
                gc.collect()
                result = {**_timed(method, data), "round": round_ + 1}
                result["load_before"] = round(os.getloadavg()[0], 2)
                runs[method].append(result)
                print(size, round_ + 1, method, result, flush=True)
        for method, results in runs.items():
            later = results[1:] or results
            rows.append({
                "method": method, "size": size, "first_round": results[0],
                "best_cpu_seconds": min(r["cpu_seconds"] for r in later),
                "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in later),
                "best_seconds": min(r["seconds"] for r in later),
                "median_seconds": statistics.median(r["seconds"] for r in later),
                "rounds": results,
            })  # fmt: skip
    _merge(RESULTS / "dedup_speed_same_process.json", ("method", "size"), rows)
    for size in args.sizes:
        by = {r["method"]: r for r in rows if r["size"] == size}
        t = by.get("toolkit")
        for base in ("datasketch", "rensa"):
            if t and base in by:
                later = by[base]["median_cpu_seconds"] / t["median_cpu_seconds"]
                first = by[base]["first_round"]["cpu_seconds"] / t["first_round"]["cpu_seconds"]
                print(f"{size}: {base} / toolkit per CPU-second: median of rounds 2-"
                      f"{args.rounds} {later:.1f}x; round 1 {first:.1f}x")  # fmt: skip


def table(_args) -> None:
    """Print the README tables from the result files."""
    speed = json.loads((RESULTS / "dedup_speed.json").read_text())
    rows = {(r["method"], r["size"]): r for r in speed["rows"]}
    print("| articles | toolkit s | CPU-s | peak MB | floor s | / floor | datasketch s | CPU-s | "
          "x wall | x CPU | rensa s | CPU-s | x wall | x CPU |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sorted({s for _, s in rows}):
        t = rows.get(("toolkit", size))
        if t is None or "cpu_seconds" not in t:
            continue
        f = rows.get(("floor", size))
        cells = [f"{size:,}", f"{t['seconds']:.2f}", f"{t['cpu_seconds']:.2f}", f"{t['peak_mb']:,}"]
        cells += [f"{f['floor_s']:.2f}", f"{t['seconds'] / f['floor_s']:.2f}"] if f else ["", ""]
        for base in ("datasketch", "rensa"):
            b = rows.get((base, size))
            cells += (
                [
                    f"{b['seconds']:.1f}",
                    f"{b['cpu_seconds']:.1f}",
                    f"{b['seconds'] / t['seconds']:.1f}x",
                    f"{b['cpu_seconds'] / t['cpu_seconds']:.1f}x",
                ]
                if b and "cpu_seconds" in b
                else ["not run", "", "", ""]
            )
        print("| " + " | ".join(cells) + " |")
    print()
    _round_table(rows)
    ev = json.loads((RESULTS / "dedup_eval.json").read_text())
    print()
    print("| shingle | threshold | containment | bands | precision | recall | ARI | pairs |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in ev["rows"]:
        if r["method"] != "toolkit" or r["bands"] != 32:
            continue
        cells = [r["shingle_size"], r["threshold"], r["containment"], r["bands"]]
        cells += [f"{r[k]:.4f}" for k in ("precision", "recall", "ari")] + [r["pairs_reported"]]
        print("| " + " | ".join(map(str, cells)) + " |")
    for r in ev["rows"]:
        if r["method"] != "toolkit":
            print(
                f"\n{r['method']} (threshold {r['threshold']}): precision {r['precision']:.4f}, "
                f"recall {r['recall']:.4f}, ARI {r['ari']:.4f}; by edit {r['recall_by_edit']}"
            )


def _round_table(rows: dict) -> None:
    """Round by round (the same round, the same load): toolkit's wall and CPU seconds beside
    the checkout run as 'base', the floor, datasketch and rensa."""
    print("| articles | round | load | toolkit s | CPU-s (user + sys) | base CPU-s | floor s | "
          "toolkit CPU-s / 2 / floor | datasketch / toolkit, wall | CPU | rensa / toolkit, wall "
          "| CPU |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sorted({s for _, s in rows}):
        t = rows.get(("toolkit", size))
        if t is None or "rounds" not in t:
            continue
        for i, r in enumerate(t["rounds"]):
            other = {
                m: rows[(m, size)]["rounds"][i]
                for m in ("base", "floor", "datasketch", "rensa")
                if (m, size) in rows and len(rows[(m, size)].get("rounds", [])) > i
            }
            split = f"{r.get('user_s', 0):.1f} + {r.get('system_s', 0):.1f}"
            cells = [f"{size:,}", str(i + 1), f"{r['load_before']:.1f}", f"{r['seconds']:.2f}",
                     f"{r['cpu_seconds']:.2f} ({split})"]  # fmt: skip
            cells.append(f"{other['base']['cpu_seconds']:.2f}" if "base" in other else "")
            if "floor" in other:
                floor = other["floor"]["floor_s"]
                cells += [f"{floor:.2f}", f"{r['cpu_seconds'] / 2 / floor:.2f}"]
            else:
                cells += ["", ""]
            for m in ("datasketch", "rensa"):
                if m in other:
                    cells += [f"{other[m]['seconds'] / r['seconds']:.1f}x",
                              f"{other[m]['cpu_seconds'] / r['cpu_seconds']:.1f}x"]  # fmt: skip
                else:
                    cells += ["", ""]
            print("| " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("eval")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--defaults-only", action="store_true", help="the default options only")
    s = sub.add_parser("speed")
    s.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    s.add_argument("--methods", nargs="+", default=["toolkit", "floor", "datasketch", "rensa"])
    s.add_argument("--rounds", type=int, default=3, help="interleaved rounds of every method")
    s.add_argument("--baseline-max", type=int, default=100_000)
    s.add_argument(
        "--base", help="a checkout of the toolkit to run too, as method 'base' (before and after)"
    )
    k = sub.add_parser("compile", help="numba's compile cost: cold cache, then warm")
    k.add_argument("--size", type=int, default=10_000)
    k.add_argument("--rounds", type=int, default=2)
    m = sub.add_parser("same", help="every method in one process, interleaved rounds")
    m.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    m.add_argument("--methods", nargs="+", default=["toolkit", "datasketch", "rensa"])
    m.add_argument("--rounds", type=int, default=5)
    sub.add_parser("table")
    c = sub.add_parser("child")
    c.add_argument("method")
    c.add_argument("data", type=Path)
    args = parser.parse_args()
    if args.cmd == "speed" and args.base and "base" not in args.methods:
        args.methods = ["toolkit", "base", *[m for m in args.methods if m != "toolkit"]]
    if args.cmd == "eval":
        evaluate(args)
    elif args.cmd == "speed":
        speed(args)
    elif args.cmd == "compile":
        compile_cost(args)
    elif args.cmd == "same":
        same_process(args)
    elif args.cmd == "table":
        table(args)
    else:
        print(json.dumps(_child(args.method, args.data)))


if __name__ == "__main__":
    main()
