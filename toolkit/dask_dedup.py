"""Duplicate detection on Dask distributed: the steps of :func:`toolkit.find_duplicates` as
tasks, giving the same tables as the local engine.

1. **Signatures**: :func:`toolkit.dedup_candidates.sign_batch` per partition of ``chunk_size``
   documents (a parquet corpus is read by the workers, a slice each; a frame is scattered).
2. **Banding, a shuffle**: each signature partition routes its exact keys, LSH band keys and
   sampled shingles by key to ``P`` buckets; each bucket groups them with
   :func:`toolkit.minhash.bucket_pairs` (a bucket over ``max_bucket`` is a star on its lowest
   member, as locally). Containment candidates take three more shuffles: by shingle (how many
   documents hold it), by document (its rarest shingles are its anchors), by shingle again (the
   holders of each anchor) and by document (two shared anchors make a candidate), the steps of
   :func:`toolkit.dedup_candidates.containment_candidates` split where each needs all of a key.
3. **Verification**: candidates are shuffled by pair, exact pairs removed; each candidate
   partition fetches the shingle sets (:func:`toolkit.dedup_verify.shingle_sets`) of its own
   documents only, from the text partitions that hold them, and runs
   :func:`toolkit.dedup_verify.verify_pairs` and :func:`toolkit.dedup_clusters.pair_tables`.
4. **Clusters**: each pair partition reduces its exact and near links to a forest (each
   document's component root); forests merge pairwise up a tree, so no machine holds all the
   pairs, only one link per clustered document. The client then runs
   :func:`toolkit.dedup_clusters.cluster_table` on those links and the ``contained`` pairs, whose
   merge rule (a container joins only when it holds one story) is applied in pair order.

Row numbers are corpus positions, as in :mod:`toolkit.dedup_candidates`.

Example:
    >>> from distributed import Client                                # doctest: +SKIP
    >>> dups = find_duplicates(corpus, engine=Client("tcp://host:8786"))  # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import reduce
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.dask_clusters import cat_arrays, cluster_links, pair_part, tree
from toolkit.dedup_candidates import (
    _ANCHOR_DF,
    _ANCHORS,
    Candidates,
    eligible_rows,
    sign_batch,
)
from toolkit.dedup_clusters import canonical_rank, cluster_table, miss_counts
from toolkit.dedup_local import open_corpus
from toolkit.dedup_verify import (
    series_groups,
    shingle_sets,
    template_counts,
    template_only,
    template_shingles,
    verify_pairs,
)
from toolkit.minhash import band_keys, bucket_pairs, unique_pairs
from toolkit.outlets import Registry

__all__ = ["find_duplicates_dask"]

_EMPTY = np.zeros(0, dtype=np.int64)
_WIDTH_PER_WORKER = 2  # shuffle buckets per worker: few, so tasks stay large
_SPREAD = np.uint64(0x9E3779B97F4A7C15)  # multiplicative hashing of pair codes to buckets


def find_duplicates_dask(
    corpus: pl.DataFrame | pl.LazyFrame | str | Path,
    client: Any,
    opts: Any,
    *,
    registry: Registry,
) -> Any:
    """:func:`toolkit.find_duplicates` on a ``distributed.Client``: the same pairs, clusters and
    near misses. ``opts`` is a checked :class:`toolkit.dedup.DedupOptions`."""
    from toolkit.dedup import Duplicates

    started = time.perf_counter()
    read = open_corpus(corpus)
    n = read.docs.height
    starts = list(range(0, n, opts.chunk_size)) or [0]
    workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
    width = min(len(starts), max(1, _WIDTH_PER_WORKER * workers))  # shuffle buckets
    texts = _Texts(client, corpus, read.source, starts, opts.chunk_size)
    signed = [
        client.submit(sign_batch, t, shingle_size=opts.shingle_size, num_perm=opts.num_perm,
                      containment_sample=opts.containment_sample, seed=opts.seed)
        for t in texts.all()
    ]  # fmt: skip
    share = read.docs["chrome_share"].to_numpy()
    eligible = [
        client.submit(_eligible, s, share[start : start + opts.chunk_size],
                      shingle_size=opts.shingle_size, min_shingles=opts.min_shingles)
        for s, start in zip(signed, starts, strict=True)
    ]  # fmt: skip
    routed = [
        client.submit(_route_signatures, s, e, start, bands=opts.bands, parts=width)
        for s, e, start in zip(signed, eligible, starts, strict=True)
    ]
    counts_ = [client.submit(_row_counts, s, e) for s, e in zip(signed, eligible, strict=True)]
    keys = client.gather([client.submit(_text_keys, s) for s in signed])
    exact, n_tokens = (np.concatenate([k[i] for k in keys]) for i in (0, 1))
    empty, too_short = np.sum(client.gather(counts_), axis=0) if counts_ else (0, 0)
    laps = [_wait(client, routed)]
    del signed, eligible
    buckets = _shuffle(client, routed, _buckets, width, max_bucket=opts.max_bucket, parts=width)
    del routed  # the scheduler keeps each piece until its bucket has it
    anchors = _shuffle(client, buckets, _anchors, width, select="eligible")
    holders = [
        client.submit(_holders, b, *[client.submit(_take, a, j, "anchors") for a in anchors],
                      parts=width)
        for j, b in enumerate(buckets)
    ]  # fmt: skip
    contained = [
        client.submit(_contained, a, *[client.submit(_take, h, k) for h in holders], n=n)
        for k, a in enumerate(anchors)
    ]
    routes = [client.submit(_route_pairs, x, n=n, parts=width) for x in buckets + contained]
    found = _shuffle(client, routes, _candidates, width, n=n)
    laps.append(_wait(client, found))
    del routes, contained, holders, anchors
    checked = _verify(client, found, texts, starts, opts, series_groups(read.docs, exact))
    docs = client.scatter(read.docs, broadcast=True, hash=False)
    rank = canonical_rank(read.docs, registry, n_tokens)
    rank_f = client.scatter(rank, broadcast=True, hash=False)
    tables = [
        client.submit(pair_part, docs, rank_f, f, c, threshold=opts.threshold,
                      containment=opts.containment, min_shingles=opts.min_shingles,
                      max_days=opts.max_days)
        for f, c in zip(found, checked, strict=True)
    ]  # fmt: skip
    forest = tree(client, [client.submit(_take, t, "links") for t in tables])
    counts = client.gather([client.submit(_bucket_stats, b) for b in buckets])
    n_candidates = sum(client.gather([client.submit(_n_candidates, f) for f in found]))
    gathered = client.gather(tables)
    pairs = _concat([t["pairs"] for t in gathered])
    near_misses = _concat([t["misses"] for t in gathered])
    laps.append(time.perf_counter())
    nodes, roots = client.gather(forest)
    links = cluster_links(read.docs, nodes, roots, pairs)
    clusters = cluster_table(read.docs, rank, links, opts.max_days)
    stats = _stats(n, laps, started, counts, n_candidates, near_misses, empty, too_short)
    stats |= {"workers": workers, "partitions": len(starts), "shuffle_buckets": width}
    return Duplicates(
        pairs, clusters, opts.__dict__.copy(), stats, near_misses, read.docs, read.source
    )


def _stats(n, laps, started, counts, n_candidates, near_misses, empty, too_short) -> dict:
    """What each stage did and took, as the local engine reports it."""
    return {
        "documents": n,
        "seconds_signatures": laps[0] - started,
        "empty": int(empty),
        "too_short": int(too_short),
        "large_buckets": sum(c[0] for c in counts),
        "boilerplate_shingles": sum(c[1] for c in counts),
        "seconds_candidates": laps[1] - laps[0],
        "candidates": n_candidates,
        "rejected": near_misses.height,
        **miss_counts(near_misses),
        "seconds_verify": laps[2] - laps[1],
        "seconds": time.perf_counter() - started,
        "engine": "dask",
    }


# ---------------------------------------------------------------- the texts, where they live


class _Texts:
    """The corpus texts as one future per partition: a parquet file is read by the workers, a
    slice each (the file must be where every worker can read it), and read again for the
    second pass, so texts need not stay in memory; a frame's are scattered once and kept."""

    def __init__(self, client, corpus, source: pl.LazyFrame, starts: list[int], size: int):
        self.client, self.starts, self.size = client, starts, size
        self.path = str(corpus) if isinstance(corpus, (str, Path)) else None
        self.kept = None
        if self.path is None:
            chunks = (source.slice(s, size).select("text").collect()["text"] for s in starts)
            self.kept = [client.scatter(c) for c in chunks]

    def all(self) -> list[Any]:
        if self.kept is not None:
            return self.kept
        return [self.client.submit(_read_texts, self.path, s, self.size) for s in self.starts]


def _read_texts(path: str, offset: int, size: int) -> pl.Series:
    return pl.scan_parquet(path).select("text").slice(offset, size).collect()["text"]


# ---------------------------------------------------------------- 2. banding and containment


def _route_signatures(
    batch, eligible: np.ndarray, start: int, *, bands: int, parts: int
) -> dict[str, list]:
    """Exact keys, band keys and sampled shingles of a partition's eligible documents, split by
    key into ``parts`` buckets; rows ascend within each key, as in the local arrays."""
    rows = np.arange(batch.exact.size, dtype=np.int64) + start
    valid = (batch.n_tokens > 0) & eligible
    exact = _split(batch.exact[valid], rows[valid], parts=parts)
    keys = band_keys(batch.sig[valid], bands=bands).ravel()
    band = _split(keys, np.repeat(rows[valid], bands), parts=parts)
    sampled = valid[batch.sample_docs]
    sample = _split(batch.sample_hashes[sampled], batch.sample_docs[sampled] + start, parts=parts)
    pieces = zip(exact, band, sample, strict=True)
    return {"out": [{"exact": e, "band": b, "sample": s} for e, b, s in pieces]}


def _split(keys: np.ndarray, rows: np.ndarray, *, parts: int, by: np.ndarray | None = None):
    """(keys, rows) split into ``parts`` by ``by`` (default the key) modulo ``parts``, each part
    in the order given."""
    route = ((keys if by is None else by) % np.uint64(parts)).astype(np.int64)
    order = np.argsort(route, kind="stable")
    bounds = np.searchsorted(route[order], np.arange(1, parts))
    return list(zip(np.split(keys[order], bounds), np.split(rows[order], bounds), strict=True))


def _text_keys(batch) -> tuple[np.ndarray, np.ndarray]:
    """Each document's normalised-text hash (the series template's items) and words (the
    fullest copy), as the local engine reads them from the gathered signatures."""
    return batch.exact, batch.n_tokens


def _row_counts(batch, eligible: np.ndarray) -> tuple[int, int]:
    """(documents with no words, documents with words that may not pair)."""
    empty = batch.n_tokens == 0
    return int(empty.sum()), int((~eligible & ~empty).sum())


def _eligible(batch, chrome_share: np.ndarray, **rule: int) -> np.ndarray:
    return eligible_rows(batch.n_tokens, chrome_share, **rule)


def _take(result: dict[str, Any], j: Any, key: str = "out") -> Any:
    """Piece ``j`` of a task's routed output (run where the output lives)."""
    return result[key][j] if isinstance(j, int) else result[j]


def _buckets(*pieces: dict, max_bucket: int, parts: int) -> dict[str, Any]:
    """A shuffle bucket: exact and LSH pairs of its keys, and the sampled shingles held by 2 to
    ``_ANCHOR_DF`` documents (their holders), routed by document into ``parts`` for anchor
    choice."""
    exact_keys, exact_rows = cat_arrays(p["exact"] for p in pieces)
    ea, eb, large_exact = bucket_pairs(exact_keys, exact_rows, max_bucket=max_bucket)
    band_keys_, band_rows = cat_arrays(p["band"] for p in pieces)
    na, nb, large_lsh = bucket_pairs(band_keys_, band_rows, max_bucket=max_bucket)
    hashes, docs = cat_arrays(p["sample"] for p in pieces)
    order = np.lexsort((docs, hashes))
    h, d = hashes[order], docs[order]
    new_run = np.concatenate(([True], h[1:] != h[:-1])) if h.size else np.zeros(0, bool)
    run_start = np.flatnonzero(new_run)
    run_len = np.diff(np.append(run_start, h.size))
    df = np.repeat(run_len, run_len)
    eligible = (df >= 2) & (df <= _ANCHOR_DF)
    h_e, d_e = h[eligible], d[eligible]
    return {
        "exact": (ea, eb),
        "lsh": (na, nb),
        "large": int(large_exact + large_lsh),
        "boilerplate": int((run_len > max_bucket).sum()),
        "holders": (h_e, d_e),  # sorted by hash: the lookup of stage 3
        "eligible": _split(h_e, d_e, parts=parts, by=d_e.astype(np.uint64)),
    }


def _bucket_stats(bucket: dict[str, Any]) -> tuple[int, int]:
    return bucket["large"], bucket["boilerplate"]


def _anchors(*pieces: tuple[np.ndarray, np.ndarray]) -> dict[str, Any]:
    """A document partition: each document's ``_ANCHORS`` lowest eligible shingles (the local
    rule: its first eligible samples in hash order), routed back by shingle."""
    parts = len(pieces)
    h, d = cat_arrays(pieces)
    order = np.lexsort((h, d))
    h, d = h[order], d[order]
    first = np.concatenate(([True], d[1:] != d[:-1])) if d.size else np.zeros(0, bool)
    starts = np.flatnonzero(first)
    rank = np.arange(d.size) - np.repeat(starts, np.diff(np.append(starts, d.size)))
    h, d = h[rank < _ANCHORS], d[rank < _ANCHORS]
    docs, n_anchors = np.unique(d, return_counts=True)
    return {"n_anchors": (docs, n_anchors), "anchors": _split(h, d, parts=parts)}


def _holders(bucket: dict[str, Any], *pieces: tuple[np.ndarray, np.ndarray], parts: int):
    """Each anchor of this bucket's shingles against every document holding it: (inner,
    holder) entries, routed by the anchor's document."""
    anchor_h, inner = cat_arrays(pieces)
    h_e, d_e = bucket["holders"]
    lo = np.searchsorted(h_e, anchor_h, "left")
    lengths = np.searchsorted(h_e, anchor_h, "right") - lo
    entry_inner = np.repeat(inner, lengths)
    offset = np.arange(entry_inner.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    holder = d_e[np.repeat(lo, lengths) + offset]
    keep = holder != entry_inner
    return {"out": _split(holder[keep], entry_inner[keep], parts=parts,
                          by=entry_inner[keep].astype(np.uint64))}  # fmt: skip


def _contained(anchors: dict[str, Any], *pieces, n: int) -> dict[str, Any]:
    """Containment candidates of this document partition: b holds at least two of a's anchors
    (one, if a has only one)."""
    holder, inner = cat_arrays(pieces)
    inner, holder, hits = unique_pairs(inner, holder, n)
    docs, n_anchors = anchors["n_anchors"]
    keep = hits >= np.minimum(2, n_anchors[np.searchsorted(docs, inner)])
    a, b = inner[keep], holder[keep]
    return {"lsh": (np.minimum(a, b), np.maximum(a, b)), "exact": (_EMPTY, _EMPTY)}


def _route_pairs(source: dict[str, Any], *, n: int, parts: int) -> dict[str, list]:
    """Exact pairs and candidates, split by pair so each pair meets its copies."""
    exact = _split_pairs(*source["exact"], n=n, parts=parts)
    cand = _split_pairs(*source["lsh"], n=n, parts=parts)
    return {"out": [{"exact": e, "cand": c} for e, c in zip(exact, cand, strict=True)]}


def _split_pairs(a: np.ndarray, b: np.ndarray, *, n: int, parts: int) -> list:
    code = a.astype(np.int64) * n + b
    by = (code.astype(np.uint64) * _SPREAD) >> np.uint64(32)
    return [(c // n, c % n) for c, _ in _split(code, code, parts=parts, by=by)]


def _candidates(*pieces: dict, n: int) -> Candidates:
    """A pair partition's exact pairs and its distinct candidates that are not exact pairs (as
    :func:`toolkit.dedup_candidates.candidate_pairs` gives them for the whole corpus)."""
    ea, eb, _ = unique_pairs(*cat_arrays(p["exact"] for p in pieces), n)
    a, b, _ = unique_pairs(*cat_arrays(p["cand"] for p in pieces), n)
    not_exact = ~np.isin(a * n + b, ea * n + eb)
    return Candidates(ea, eb, a[not_exact], b[not_exact], 0, 0)


def _n_candidates(found: Candidates) -> int:
    return int(found.a.size)


# ---------------------------------------------------------------- 3. verification


def _verify(client, found: list, texts: _Texts, starts: list[int], opts: Any, groups) -> list:
    """Each pair partition verified with the shingle sets of its own documents, made once per
    text partition and fetched by the pair partitions that need them; the series template is
    counted over every text partition's sets and summed in one task."""
    bounds = np.asarray(starts, dtype=np.int64)
    wanted = [client.submit(_rows_by_part, f, bounds) for f in found]
    sets = [
        client.submit(_part_sets, t, start, *[client.submit(_take, w, i) for w in wanted],
                      shingle_size=opts.shingle_size, seed=opts.seed)
        for i, (t, start) in enumerate(zip(texts.all(), starts, strict=True))
    ]  # fmt: skip
    groups_f = client.scatter(groups, broadcast=True, hash=False)
    counts = [client.submit(template_counts, s, groups_f) for s in sets]
    template = client.submit(_template, *counts, min_docs=opts.template_docs)
    return [
        client.submit(
            _verify_part, f, template,
            *[client.submit(_pick, s, client.submit(_take, w, i)) for i, s in enumerate(sets)],
        )
        for f, w in zip(found, wanted, strict=True)
    ]  # fmt: skip


def _template(*counts: pl.DataFrame, min_docs: int) -> np.ndarray:
    return template_shingles(counts, min_docs=min_docs)


def _rows_by_part(found: Candidates, bounds: np.ndarray) -> dict[str, list]:
    rows = np.unique(np.concatenate([found.a, found.b, found.exact_a, found.exact_b]))
    part = np.searchsorted(bounds, rows, "right") - 1
    return {"out": np.split(rows, np.searchsorted(part, np.arange(1, bounds.size)))}


def _part_sets(texts: pl.Series, start: int, *wanted: np.ndarray, shingle_size: int, seed: int):
    rows = np.unique(np.concatenate([_EMPTY, *wanted]))
    if rows.size == 0:
        return {}
    sets = shingle_sets(texts.gather(rows - start), shingle_size=shingle_size, seed=seed)
    return dict(zip(rows.tolist(), sets, strict=True))


def _pick(sets: dict[int, np.ndarray], rows: np.ndarray) -> dict[int, np.ndarray]:
    return {r: sets[r] for r in rows.tolist()}


def _verify_part(found: Candidates, template: np.ndarray, *picked: dict[int, np.ndarray]):
    """The candidate pairs verified, and whether each exact pair's text is all template."""
    sets = reduce(lambda x, y: x | y, picked, {})
    return verify_pairs(found.a, found.b, sets, template), template_only(
        found.exact_a, sets, template
    )


# ---------------------------------------------------------------- helpers


def _shuffle(client, sources: list, step, width: int, *, select: str | None = None, **kw):
    """``step(piece j of every source)`` for each of ``width`` buckets."""
    key = select or "out"
    return [
        client.submit(step, *[client.submit(_take, s, j, key) for s in sources], **kw)
        for j in range(width)
    ]


def _concat(frames: Sequence[pl.DataFrame]) -> pl.DataFrame:
    return pl.concat(frames).sort("doc_a", "doc_b")


def _wait(client, futures: list) -> float:
    from distributed import wait

    wait(futures)
    return time.perf_counter()
