"""Exact duplicates, near duplicates and partial reprints, with clusters and who published first.

Three kinds of pair are found, within and across outlets:

- ``exact``: the same normalised text (lower-cased words; punctuation and spacing ignored);
- ``near``: Jaccard similarity of word-shingle sets at least ``threshold``. Candidates come from
  MinHash signatures and LSH banding; every candidate is then checked against the exact Jaccard
  of the two shingle sets, so no reported pair is below the threshold;
- ``contained``: most of one document's shingles are in the other (a story trimmed, or embedded
  in a longer compilation), with containment at least ``containment``. Candidates come from a
  content-defined sample of shingles (every shingle whose hash falls in 1/``containment_sample``
  of the hash space), then are checked exactly like near pairs.

Pairs are joined into clusters; the earliest published copy is canonical, and on a tie the copy
on the originating agency's own site wins over a reprint on another site.

Example:
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("seeds/")                 # doctest: +SKIP
    >>> dups = toolkit.find_duplicates(corpus)                 # doctest: +SKIP
    >>> dups.pairs, dups.clusters                              # doctest: +SKIP
    >>> corpus = toolkit.mark_duplicates(corpus, dups)         # doctest: +SKIP
"""

from __future__ import annotations

import html
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.align import align_paragraphs, word_diff_html
from toolkit.errors import DataError, ToolkitError
from toolkit.minhash import (
    band_keys,
    bucket_pairs,
    shingles,
    signatures,
    token_keys,
    tokenize,
    unique_pairs,
)
from toolkit.options import build, option
from toolkit.outlets import registry

__all__ = [
    "CLUSTER_SCHEMA",
    "PAIR_SCHEMA",
    "DedupOptions",
    "Duplicates",
    "Explanation",
    "apply_policy",
    "find_duplicates",
    "mark_duplicates",
]

log = logging.getLogger("toolkit")

PAIR_SCHEMA: dict[str, pl.DataType] = {
    "doc_a": pl.String,  # the earlier copy (canonical order: published, own site, doc_id)
    "doc_b": pl.String,
    "kind": pl.String,  # exact | near | contained (near_misses: below)
    "jaccard": pl.Float64,
    "containment_a_in_b": pl.Float64,
    "containment_b_in_a": pl.Float64,
}

CLUSTER_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String,
    "cluster_id": pl.String,  # the doc_id of the cluster's canonical copy
    "is_canonical": pl.Boolean,
    "cluster_size": pl.Int64,
    "first_published": pl.Date,
    "lag_days": pl.Int64,  # days after first_published; null when either date is unknown
}

Policy = Literal["collapse", "keep"]

_PART = 2000  # documents hashed by one thread at a time: small enough to stay in cache
_ANCHORS = 8  # rare sampled shingles per document looked up for containment candidates
_ANCHOR_DF = 16  # an anchor is in at most this many documents: each costs one pair per holder
_KEEP_BYTES = 1 << 30  # texts kept in memory between the two passes


@dataclass(frozen=True)
class DedupOptions:
    """The options of :func:`find_duplicates` (and of ``toolkit dedup`` and the ``dedup`` key of
    a parameter set, both derived from this class)."""

    shingle_size: int = option(3, "words per shingle", minimum=1)
    threshold: float = option(
        0.5,
        "near pairs: the least Jaccard similarity of shingle sets",
        minimum=0,
        exclusive_minimum=True,
        maximum=1,
    )
    containment: float = option(
        0.7,
        "contained pairs: the least share of one document's shingles found in the other",
        minimum=0,
        exclusive_minimum=True,
        maximum=1,
    )
    num_perm: int = option(
        128, "MinHash signature length: bins of one-permutation hashing", minimum=1
    )
    bands: int = option(
        32,
        "LSH bands of num_perm / bands rows each (must divide num_perm); more bands find pairs "
        "of lower similarity as candidates, at the cost of more exact checks",
        minimum=1,
    )
    seed: int = option(
        0,
        "seeds every hash: the same seed and input give the same result",
        minimum=0,
        maximum=2**32 - 1,
    )
    containment_sample: int = option(
        16, "one shingle in this many (by hash) feeds the containment index", minimum=1
    )
    min_shingles: int = option(
        10,
        "the smaller document of a contained pair has at least this many shingles, so one "
        "shared sentence does not make a reprint",
        minimum=0,
    )
    max_bucket: int = option(
        100,
        "LSH buckets larger than this are linked as a star, not expanded to all pairs; "
        "containment-index entries in more documents than this are boilerplate and ignored",
        minimum=1,
    )
    chunk_size: int = option(
        50_000, "documents read and hashed at a time, so a corpus need not fit in memory", minimum=1
    )

    def problems(self) -> list[str]:
        """What is wrong between fields (each field's own range is checked by its spec)."""
        if self.num_perm % self.bands:
            return [
                f"bands ({self.bands}) must divide num_perm ({self.num_perm}); "
                "for example num_perm=128 with bands=32 (4 rows each) or 16 (8 rows)"
            ]
        return []


@dataclass
class Duplicates:
    """What :func:`find_duplicates` found: ``pairs`` (:data:`PAIR_SCHEMA`), ``clusters``
    (:data:`CLUSTER_SCHEMA`, one row per document), the options used and what each stage did."""

    pairs: pl.DataFrame
    clusters: pl.DataFrame
    options: dict[str, Any]
    stats: dict[str, Any]
    # candidates checked and found below both thresholds (kind "below"): the borderline cases
    near_misses: pl.DataFrame = field(repr=False)
    _docs: pl.DataFrame = field(repr=False)  # doc_id, outlet, site, published, title
    _source: pl.LazyFrame = field(repr=False)

    @classmethod
    def from_tables(
        cls,
        corpus: pl.DataFrame,
        pairs: pl.DataFrame,
        clusters: pl.DataFrame,
        options: dict[str, Any],
        stats: dict[str, Any],
        near_misses: pl.DataFrame | None = None,
    ) -> Duplicates:
        """Rebuild from saved tables and the corpus they were found in (for ``explain``)."""
        source = corpus.lazy()
        misses = near_misses if near_misses is not None else pairs.clear()
        return cls(pairs, clusters, options, stats, misses, _documents(source), source)

    def summary(self) -> str:
        """A few lines for a terminal or a notebook."""
        s = self.stats
        kinds = dict(self.pairs.group_by("kind").len().iter_rows())
        multi = self.clusters.filter(pl.col("cluster_size") > 1)
        n_clusters = multi["cluster_id"].n_unique()
        lines = [
            f"{s['documents']} documents: {n_clusters} clusters of copies holding "
            f"{multi.height} documents; {self.clusters['cluster_id'].n_unique()} distinct stories.",
            "pairs: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in ("exact", "near", "contained")),
            f"candidates checked: {s['candidates']} ({s['rejected']} below both thresholds)",
            f"time: {s['seconds']:.2f} s ({s['documents'] / max(s['seconds'], 1e-9):,.0f} docs/s)",
        ]
        if s["empty"]:
            lines.append(f"documents with no words (never duplicates): {s['empty']}")
        if s["large_buckets"]:
            lines.append(
                f"buckets over max_bucket={self.options['max_bucket']}: {s['large_buckets']} "
                "(their members are linked to one member, not every pair listed)"
            )
        return "\n".join(lines)

    def explain(self, doc_a: str, doc_b: str) -> Explanation:
        """Align the paragraphs of two documents: shared passages, and what was added, removed,
        edited or merged going from ``doc_a`` to ``doc_b``."""
        rows = (
            self._source.filter(pl.col("doc_id").is_in([doc_a, doc_b]))
            .select("doc_id", "text")
            .collect()
        )
        texts = dict(rows.iter_rows())
        for d in (doc_a, doc_b):
            if d not in texts:
                raise DataError(f"explain: no document {d!r} in the corpus these duplicates are of")
        meta = {
            r["doc_id"]: r
            for r in self._docs.filter(pl.col("doc_id").is_in([doc_a, doc_b])).iter_rows(named=True)
        }
        pair = self.pairs.filter(
            ((pl.col("doc_a") == doc_a) & (pl.col("doc_b") == doc_b))
            | ((pl.col("doc_a") == doc_b) & (pl.col("doc_b") == doc_a))
        )
        return Explanation(
            a=meta[doc_a],
            b=meta[doc_b],
            table=align_paragraphs(texts[doc_a], texts[doc_b]),
            pair=pair.row(0, named=True) if pair.height else None,
        )


@dataclass
class Explanation:
    """The paragraph alignment of two copies (``table``, :data:`toolkit.align.ALIGN_SCHEMA`),
    rendered as a side-by-side HTML table in notebooks."""

    a: dict[str, Any]
    b: dict[str, Any]
    table: pl.DataFrame
    pair: dict[str, Any] | None

    def counts(self) -> dict[str, int]:
        return dict(self.table.group_by("op").len().sort("op").iter_rows())

    def __str__(self) -> str:
        head = f"{_describe(self.a)}\n  vs {_describe(self.b)}"
        if self.pair:
            head += (
                f"\n  {self.pair['kind']}: jaccard {self.pair['jaccard']:.2f}, "
                f"a in b {self.pair['containment_a_in_b']:.2f}, "
                f"b in a {self.pair['containment_b_in_a']:.2f}"
            )
        ops = ", ".join(f"{k} {v}" for k, v in self.counts().items())
        return f"{head}\n  paragraphs: {ops}"

    def _repr_html_(self) -> str:
        colours = {"same": "#f4f4f4", "edited": "#fff7d6", "merged": "#e8f0ff", "split": "#e8f0ff",
                   "removed": "#ffe3e3", "added": "#e2f7e2"}  # fmt: skip
        body = []
        for r in self.table.iter_rows(named=True):
            op = r["op"]
            if op in ("edited", "merged", "split"):
                right = word_diff_html(r["text_a"], r["text_b"])
            else:
                right = html.escape(r["text_b"] or "")
            left = html.escape(r["text_a"] or "")
            body.append(
                f'<tr style="background:{colours[op]}"><td>{op}</td>'
                f'<td style="text-align:left">{left}</td>'
                f'<td style="text-align:left">{right}</td></tr>'
            )
        head = html.escape(str(self)).replace("\n", "<br>")
        return (
            f"<div><p>{head}</p><table><thead><tr><th></th><th>{html.escape(self.a['doc_id'])}"
            f"</th><th>{html.escape(self.b['doc_id'])}</th></tr></thead><tbody>"
            + "".join(body)
            + "</tbody></table>"
            + "<p><del>struck</del>: only in a; <ins>underlined</ins>: only in b</p></div>"
        )


def _describe(doc: dict[str, Any]) -> str:
    parts = [doc["doc_id"], doc.get("outlet") or "outlet?", doc.get("site") or "site?"]
    parts.append(str(doc["published"]) if doc.get("published") else "undated")
    title = doc.get("title")
    return " | ".join(parts) + (f" | {title[:80]}" if title else "")


def find_duplicates(
    corpus: pl.DataFrame | pl.LazyFrame | str | Path,
    *,
    progress: bool = False,
    **options: Any,
) -> Duplicates:
    """Find exact, near and contained duplicates in a corpus table.

    Args:
        corpus: a corpus frame (``doc_id`` and ``text``; ``published``, ``outlet``, ``site`` and
            ``title`` are used when present), a lazy frame, or a parquet file written by
            ``toolkit ingest``. Texts are read ``chunk_size`` rows at a time, so a corpus larger
            than memory can be scanned from parquet.
        progress: show progress bars.
        **options: any field of :class:`DedupOptions` (``threshold=0.5``, ``containment=0.7``,
            ``shingle_size=3``, ``num_perm=128``, ``bands=32``, ``seed=0``, ...), each checked
            against its range.

    Returns:
        A :class:`Duplicates`.
    """
    opts = build(DedupOptions, options, what="find_duplicates", error=ToolkitError)
    started = time.perf_counter()
    source = _lazy(corpus)
    docs = _documents(source)
    n = docs.height
    stats: dict[str, Any] = {"documents": n}
    texts = _Texts(source.select("text"), n, opts.chunk_size, progress)

    sig = np.empty((n, opts.num_perm), dtype=np.uint32)
    exact = np.zeros(n, dtype=np.uint64)
    n_tokens = np.zeros(n, dtype=np.int64)
    sampled: list[tuple[np.ndarray, np.ndarray]] = []
    pool = ThreadPoolExecutor(max(1, min(os.cpu_count() or 1, 8)))  # polars, numpy free the GIL
    for start, part in texts.map(pool, lambda t: _sign(t, opts), "MinHash"):
        end = start + part.exact.size
        exact[start:end], n_tokens[start:end] = part.exact, part.n_tokens
        sig[start:end] = part.sig
        sampled.append((part.sample_docs + start, part.sample_hashes))
    stats["seconds_signatures"] = time.perf_counter() - started

    has_text = n_tokens > 0
    stats["empty"] = int((~has_text).sum())
    idx = np.flatnonzero(has_text)
    ea, eb, large_exact = bucket_pairs(exact[idx], idx, max_bucket=opts.max_bucket)
    ea, eb, _ = unique_pairs(ea, eb, n)

    valid = np.flatnonzero(has_text)  # a document with a word has a shingle (short ones whole)
    keys = band_keys(sig[valid], bands=opts.bands)
    na, nb, large_lsh = bucket_pairs(
        keys.ravel(), np.repeat(valid, opts.bands), max_bucket=opts.max_bucket
    )
    del keys
    ca, cb, large_c = _containment_candidates(sampled, n, opts)
    stats["large_buckets"] = int(large_exact + large_lsh)
    stats["boilerplate_shingles"] = int(large_c)
    stats["seconds_candidates"] = time.perf_counter() - started - stats["seconds_signatures"]

    a, b, _ = unique_pairs(np.concatenate([na, ca]), np.concatenate([nb, cb]), n)
    not_exact = ~np.isin(a * n + b, ea * n + eb)
    a, b = a[not_exact], b[not_exact]
    stats["candidates"] = int(a.size)
    checked = _verify(texts, pool, a, b, opts)
    pool.shutdown()
    near = checked["jaccard"] >= opts.threshold
    contained = (
        ~near
        & (np.maximum(checked["c_a"], checked["c_b"]) >= opts.containment)
        & (np.minimum(checked["size_a"], checked["size_b"]) >= opts.min_shingles)
    )
    kept = near | contained
    stats["rejected"] = int((~kept).sum())
    stats["seconds_verify"] = (
        time.perf_counter() - started - stats["seconds_signatures"] - stats["seconds_candidates"]
    )

    rank = _canonical_rank(docs)
    pairs = _pair_table(
        docs, rank,
        np.concatenate([ea, checked["a"][kept]]),
        np.concatenate([eb, checked["b"][kept]]),
        np.concatenate([np.full(ea.size, "exact"), np.where(near[kept], "near", "contained")]),
        np.concatenate([np.ones(ea.size), checked["jaccard"][kept]]),
        np.concatenate([np.ones(ea.size), checked["c_a"][kept]]),
        np.concatenate([np.ones(ea.size), checked["c_b"][kept]]),
    )  # fmt: skip
    rejected = ~kept
    near_misses = _pair_table(
        docs, rank, checked["a"][rejected], checked["b"][rejected],
        np.full(int(rejected.sum()), "below"), checked["jaccard"][rejected],
        checked["c_a"][rejected], checked["c_b"][rejected],
    )  # fmt: skip
    clusters = _clusters(docs, rank, pairs)
    stats["seconds"] = time.perf_counter() - started
    return Duplicates(
        pairs=pairs,
        clusters=clusters,
        options=opts.__dict__.copy(),
        stats=stats,
        near_misses=near_misses,
        _docs=docs,
        _source=source,
    )


class _Signed(NamedTuple):
    exact: np.ndarray
    n_tokens: np.ndarray
    sig: np.ndarray
    sample_docs: np.ndarray
    sample_hashes: np.ndarray


def _sign(texts: pl.Series, opts: DedupOptions) -> _Signed:
    """Exact keys, token counts, signatures and containment samples of a batch of texts."""
    m = texts.len()
    d, t = tokenize(texts, seed=opts.seed)
    exact, n_tokens = token_keys(d, t, m)
    sd, sh = shingles(d, t, k=opts.shingle_size, seed=opts.seed)
    sig = signatures(sd, sh, n_docs=m, num_perm=opts.num_perm)
    keep = (sh >> np.uint64(40)) % np.uint64(opts.containment_sample) == 0
    sample_docs, sample_hashes = sd[keep], sh[keep]
    # each sampled shingle once per document (a batch holds fewer than 2**24 documents)
    _, first = np.unique(
        (sample_docs.astype(np.uint64) << np.uint64(40)) | (sample_hashes >> np.uint64(24)),
        return_index=True,
    )
    return _Signed(exact, n_tokens, sig, sample_docs[first], sample_hashes[first])


def _lazy(corpus: pl.DataFrame | pl.LazyFrame | str | Path) -> pl.LazyFrame:
    if isinstance(corpus, pl.DataFrame):
        return corpus.lazy()
    if isinstance(corpus, pl.LazyFrame):
        return corpus
    path = Path(corpus)
    if not path.exists():
        raise ToolkitError(f"{path}: no such corpus file; write one with `toolkit ingest`")
    return pl.scan_parquet(path)


def _documents(source: pl.LazyFrame) -> pl.DataFrame:
    """The small per-document columns, in corpus order; ids must be unique."""
    names = source.collect_schema().names()
    missing = [c for c in ("doc_id", "text") if c not in names]
    if missing:
        raise DataError(
            f"find_duplicates: the corpus has no {', '.join(missing)} column; "
            "pass a table from toolkit.load_corpus"
        )
    wanted = {"published": pl.Date, "outlet": pl.String, "site": pl.String, "title": pl.String}
    docs = source.select(
        "doc_id",
        *[pl.col(c) if c in names else pl.lit(None, dtype=t).alias(c) for c, t in wanted.items()],
    ).collect()
    dupes = docs.filter(pl.col("doc_id").is_duplicated())["doc_id"].unique()
    if dupes.len():
        raise DataError(
            f"find_duplicates: doc_id is not unique ({dupes.len()} ids repeat, e.g. "
            f"{dupes.sort()[0]!r}); load the corpus with toolkit.load_corpus, "
            "which keeps ids unique"
        )
    return docs


class _Texts:
    """The corpus texts, read ``chunk_size`` rows at a time and handed to worker threads in parts
    of :data:`_PART` documents. Chunks are kept in memory for the second pass while they total
    under :data:`_KEEP_BYTES`; beyond that they are read again, so memory stays bounded."""

    def __init__(self, source: pl.LazyFrame, n: int, chunk_size: int, progress: bool):
        self.source, self.n, self.chunk_size, self.progress = source, n, chunk_size, progress
        self.kept: dict[int, pl.Series] = {}
        self.kept_bytes = 0

    def chunk(self, offset: int) -> pl.Series:
        if offset in self.kept:
            return self.kept[offset]
        texts = self.source.slice(offset, self.chunk_size).collect()["text"]
        size = texts.estimated_size()
        if self.kept_bytes + size <= _KEEP_BYTES:
            self.kept[offset] = texts
            self.kept_bytes += size
        return texts

    def map(self, pool, fn, label: str, rows: np.ndarray | None = None):
        """(first row, fn(texts of a part)) for every part, in corpus order; only the documents
        in ``rows`` (sorted) when given, and then ``fn`` also gets their row numbers."""
        bar = tqdm(total=self.n, desc=label, unit="doc", disable=not self.progress, leave=False)
        for offset in range(0, self.n, self.chunk_size):
            size = min(self.chunk_size, self.n - offset)
            if rows is None:
                texts = self.chunk(offset)
                jobs = [(offset + i, texts.slice(i, _PART)) for i in range(0, size, _PART)]
                for (start, _), result in zip(
                    jobs, pool.map(lambda j: fn(j[1]), jobs), strict=True
                ):
                    yield start, result
            else:
                wanted = rows[(rows >= offset) & (rows < offset + size)]
                if wanted.size:
                    texts = self.chunk(offset).gather(wanted - offset)
                    jobs = [
                        (wanted[i : i + _PART], texts.slice(i, _PART))
                        for i in range(0, wanted.size, _PART)
                    ]
                    for (ids, _), result in zip(
                        jobs, pool.map(lambda j: fn(j[1]), jobs), strict=True
                    ):
                        yield ids, result
            bar.update(size)
        bar.close()


def _containment_candidates(sampled, n: int, opts: DedupOptions):
    """Pairs (a, b) where b holds at least two of a's anchors (one, if a has only one).

    A document's anchors are the :data:`_ANCHORS` rarest of its sampled shingles among those
    found in 2 to :data:`_ANCHOR_DF` documents: if most of a document is inside another, its rare
    shingles are too, while two unrelated documents seldom share two rare shingles. Looking up
    a few anchors per document keeps the work linear, where pairing every document that shares
    any sampled shingle grows with the square of the corpus. A story copied in full more than
    :data:`_ANCHOR_DF` times has no anchors left; its trimmed copies are still found as near
    duplicates when they keep at least ``threshold`` of the text. Returns (a, b, number of
    sampled shingles in more than ``max_bucket`` documents, counted as boilerplate).
    """
    d = np.concatenate([s[0] for s in sampled]) if sampled else np.zeros(0, np.int64)
    h = np.concatenate([s[1] for s in sampled]) if sampled else np.zeros(0, np.uint64)
    order = np.argsort(h)  # each (hash, doc) is there once: _sign dropped repeats
    h, d = h[order], d[order]
    if h.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, 0
    new_run = np.concatenate(([True], h[1:] != h[:-1]))
    run = np.cumsum(new_run) - 1
    run_start = np.flatnonzero(new_run)
    run_len = np.diff(np.append(run_start, h.size))
    df = run_len[run]
    boilerplate = int((run_len > opts.max_bucket).sum())
    eligible = np.flatnonzero((df >= 2) & (df <= _ANCHOR_DF))
    # a document's anchors are its first eligible samples in hash order: a min-hash sample
    rank = (
        pl.DataFrame({"d": d[eligible]})
        .select(pl.int_range(pl.len(), dtype=pl.Int64).over("d"))
        .to_series()
        .to_numpy()
    )
    anchors = eligible[rank < _ANCHORS]
    n_anchors = np.bincount(d[anchors], minlength=n)
    # each anchor against every document holding the same shingle
    lengths = df[anchors]
    entry = np.repeat(anchors, lengths)
    offset = np.arange(entry.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    holder = d[run_start[run[entry]] + offset]
    inner = d[entry]
    keep = holder != inner
    inner, holder, hits = unique_pairs(inner[keep], holder[keep], n)  # oriented, not (min, max)
    keep = hits >= np.minimum(2, n_anchors[inner])
    a, b = inner[keep], holder[keep]
    return np.minimum(a, b), np.maximum(a, b), boilerplate


def _shingle_sets(texts: pl.Series, opts: DedupOptions) -> list[np.ndarray]:
    """Each document's distinct shingle hashes."""
    d, t = tokenize(texts, seed=opts.seed)
    sd, sh = shingles(d, t, k=opts.shingle_size, seed=opts.seed)
    bounds = np.searchsorted(sd, np.arange(1, texts.len()))
    return [np.unique(x) for x in np.split(sh, bounds)]


def _verify(texts: _Texts, pool, a, b, opts: DedupOptions) -> dict[str, np.ndarray]:
    """Exact Jaccard and containment of each candidate pair, from the full shingle sets."""
    involved = np.unique(np.concatenate([a, b]))
    sets: dict[int, np.ndarray] = {}
    for ids, part in texts.map(
        pool, lambda t: _shingle_sets(t, opts), "exact check", rows=involved
    ):
        sets.update(zip(ids.tolist(), part, strict=True))
    inter = np.fromiter(
        (
            np.intersect1d(sets[x], sets[y], assume_unique=True).size
            for x, y in zip(a.tolist(), b.tolist(), strict=True)
        ),
        dtype=np.int64,
        count=a.size,
    )
    size_a = np.fromiter((sets[x].size for x in a.tolist()), dtype=np.int64, count=a.size)
    size_b = np.fromiter((sets[y].size for y in b.tolist()), dtype=np.int64, count=b.size)
    union = np.maximum(size_a + size_b - inter, 1)
    return {
        "a": a,
        "b": b,
        "size_a": size_a,
        "size_b": size_b,
        "jaccard": inter / union,
        "c_a": inter / np.maximum(size_a, 1),
        "c_b": inter / np.maximum(size_b, 1),
    }


def _canonical_rank(docs: pl.DataFrame) -> np.ndarray:
    """Each document's place in canonical order: earliest published first (undated last), then
    the copy on its outlet's own site, then doc_id."""
    reg = registry()
    own_site = {d: s.outlet for d, s in reg.sites.items() if s.outlet}
    ordered = (
        docs.with_row_index("i")
        .with_columns(
            own=(
                pl.col("site").replace_strict(own_site, default=None) == pl.col("outlet")
            ).fill_null(False)
        )
        .sort(["published", "own", "doc_id"], descending=[False, True, False], nulls_last=True)
    )
    rank = np.empty(docs.height, dtype=np.int64)
    rank[ordered["i"].to_numpy()] = np.arange(docs.height)
    return rank


def _pair_table(docs, rank, a, b, kind, jaccard, c_a, c_b) -> pl.DataFrame:
    swap = rank[a] > rank[b]  # doc_a is the earlier copy
    a2, b2 = np.where(swap, b, a), np.where(swap, a, b)
    ids = docs["doc_id"]
    return pl.DataFrame(
        {
            "doc_a": ids.gather(a2),
            "doc_b": ids.gather(b2),
            "kind": kind.astype(str),
            "jaccard": np.round(jaccard, 6),
            "containment_a_in_b": np.round(np.where(swap, c_b, c_a), 6),
            "containment_b_in_a": np.round(np.where(swap, c_a, c_b), 6),
        },
        schema=PAIR_SCHEMA,
    ).sort("doc_a", "doc_b")


def _clusters(docs: pl.DataFrame, rank: np.ndarray, pairs: pl.DataFrame) -> pl.DataFrame:
    """Connected components of the pair graph by union-find.

    Exact and near pairs always join. A ``contained`` pair joins the smaller document to its
    container only when everything the container holds is one story: a compilation of several
    agency stories does not merge those stories into one cluster.
    """
    index = {d: i for i, d in enumerate(docs["doc_id"].to_list())}
    parent = np.arange(docs.height)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for a, b, kind in pairs.select("doc_a", "doc_b", "kind").iter_rows():
        if kind != "contained":
            union(index[a], index[b])
    holds: dict[int, list[tuple[int, int]]] = {}
    for a, b, c_ab, c_ba in (
        pairs.filter(pl.col("kind") == "contained")
        .select("doc_a", "doc_b", "containment_a_in_b", "containment_b_in_a")
        .iter_rows()
    ):
        inner, outer = (index[a], index[b]) if c_ab >= c_ba else (index[b], index[a])
        holds.setdefault(outer, []).append((inner, outer))
    for edges in holds.values():
        if len({find(inner) for inner, _ in edges}) == 1:
            for inner, outer in edges:
                union(inner, outer)
    roots = np.array([find(i) for i in range(docs.height)], dtype=np.int64)
    return (
        docs.select("doc_id", "published")
        .with_columns(root=pl.Series(roots), rank=pl.Series(rank))
        .with_columns(
            cluster_id=pl.col("doc_id").sort_by("rank").first().over("root"),
            cluster_size=pl.len().over("root").cast(pl.Int64),
            first_published=pl.col("published").min().over("root"),
        )
        .select(
            "doc_id",
            "cluster_id",
            is_canonical=pl.col("doc_id") == pl.col("cluster_id"),
            cluster_size="cluster_size",
            first_published="first_published",
            lag_days=(pl.col("published") - pl.col("first_published")).dt.total_days(),
        )
    )


def mark_duplicates(corpus: pl.DataFrame, dups: Duplicates) -> pl.DataFrame:
    """The corpus with ``cluster_id``, ``is_canonical`` and ``cluster_size`` added."""
    marked = corpus.drop(["cluster_id", "is_canonical", "cluster_size"], strict=False).join(
        dups.clusters.select("doc_id", "cluster_id", "is_canonical", "cluster_size"),
        on="doc_id",
        how="left",
    )
    missing = marked.filter(pl.col("cluster_id").is_null()).height
    if missing:
        raise DataError(
            f"mark_duplicates: {missing} documents are not in these duplicates; "
            "run find_duplicates on this corpus"
        )
    return marked


def apply_policy(corpus: pl.DataFrame, duplicates: Policy) -> pl.DataFrame:
    """``collapse``: one row per story (its canonical copy); ``keep``: every copy, so reprints
    count as amplification. The corpus must have been through :func:`mark_duplicates`."""
    if duplicates not in ("collapse", "keep"):
        raise ToolkitError(f"duplicates must be 'collapse' or 'keep', not {duplicates!r}")
    if duplicates == "keep":
        return corpus
    if "is_canonical" not in corpus.columns:
        raise DataError("duplicates='collapse' needs a corpus marked by toolkit.mark_duplicates")
    return corpus.filter(pl.col("is_canonical"))
