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

Pairs are joined into clusters; the earliest published copy is canonical. On a tie (the same
day) the copy on the originating agency's own site (as the outlet registry passed in knows the
sites) wins over a reprint on another site, then the fullest copy (the most words) over an
excerpt or a teaser of it, so ``duplicates: collapse`` keeps the whole article.

:func:`find_duplicates` composes four steps that are functions of arrays and frames, so another
engine can run them unchanged: signature batches (a map over chunks of documents) and banding (a
shuffle by key) in :mod:`toolkit.dedup_candidates`, verification in :mod:`toolkit.dedup_verify`,
pairs and clusters in :mod:`toolkit.dedup_clusters`. :mod:`toolkit.dedup_local` is the local
engine that reads the corpus in chunks and runs the per-batch steps on threads.

Example:
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("seeds/")                 # doctest: +SKIP
    >>> dups = toolkit.find_duplicates(corpus)                 # doctest: +SKIP
    >>> dups.pairs, dups.clusters                              # doctest: +SKIP
    >>> corpus = toolkit.mark_duplicates(corpus, dups)         # doctest: +SKIP
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

import numpy as np
import polars as pl

from toolkit.align import align_paragraphs
from toolkit.dedup_candidates import (
    Candidates,
    SignatureBatch,
    candidate_pairs,
    eligible_rows,
    gather_signatures,
    sign_batch,
)
from toolkit.dedup_clusters import (
    CLUSTER_SCHEMA,
    PAIR_SCHEMA,
    canonical_rank,
    cluster_table,
    miss_counts,
    pair_tables,
)
from toolkit.dedup_kept import KeptShingles, shingle_sets_of
from toolkit.dedup_local import LocalBatches, open_corpus, read_documents, small_pages
from toolkit.dedup_summary import summary
from toolkit.dedup_verify import series_groups, series_template, template_only, verify_pairs
from toolkit.engine import client_for, is_local
from toolkit.errors import DataError, ToolkitError
from toolkit.explanation import Explanation
from toolkit.options import build, option
from toolkit.outlets import Registry
from toolkit.outlets import registry as bundled_registry

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

Policy = Literal["collapse", "keep"]


@dataclass(frozen=True)
class DedupOptions:
    """The options of :func:`find_duplicates` (and of ``toolkit dedup`` and the ``dedup`` key of
    a parameter set, both derived from this class)."""

    shingle_size: int = option(3, "words per shingle", minimum=1, maximum=100)
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
        128,
        "MinHash signature length: bins of one-permutation hashing",
        minimum=1,
        maximum=4096,
    )
    bands: int = option(
        32,
        "LSH bands of num_perm / bands rows each (must divide num_perm); more bands find pairs "
        "of lower similarity as candidates, at the cost of more exact checks",
        minimum=1,
        maximum=4096,
    )
    seed: int = option(
        0,
        "seeds every hash: the same seed and input give the same result",
        minimum=0,
        maximum=2**32 - 1,
    )
    containment_sample: int = option(
        16,
        "one shingle in this many (by hash) feeds the containment index",
        minimum=1,
        maximum=1024,
    )
    min_shingles: int = option(
        10,
        "a document with fewer shingles than this once chrome is cut (a boilerplate line, a "
        "headline) joins no cluster, nor does one whose raw text was mostly chrome; the smaller "
        "document of a contained pair has at least this many distinct shingles, so one shared "
        "sentence does not make a reprint",
        minimum=0,
        maximum=10_000,
    )
    max_days: int | None = option(
        None,
        "copies dated more than this many days apart are not linked (near_misses kind 'apart'), "
        "and a cluster holds the copies within this many days of its first: a headline formula "
        "repeated weeks later ('China renews red alert for high temperatures') is another "
        "story; none: no limit, as a reprint may come months later",
        types=(int, type(None)),
        minimum=0,
        maximum=100_000,
    )
    template_docs: int = option(
        5,
        "a shingle in more than this many documents of one site (or outlet) is that series' "
        "template (the fixed text of a daily briefing or a call readout): a pair must also pass "
        "the thresholds on the shingles it shares besides the template",
        minimum=1,
        maximum=10**6,
    )
    max_bucket: int = option(
        100,
        "LSH buckets larger than this are linked as a star, not expanded to all pairs; "
        "containment-index entries in more documents than this are boilerplate and ignored",
        minimum=1,
        maximum=10**6,
    )
    chunk_size: int = option(
        50_000,
        "documents read and hashed at a time, so a corpus need not fit in memory",
        minimum=1,
        maximum=10**7,
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
    _docs: pl.DataFrame = field(repr=False)  # doc_id, outlet, site, published, title, ...
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
        return cls(pairs, clusters, options, stats, misses, read_documents(source), source)

    def summary(self) -> str:
        """A few lines for a terminal or a notebook (:func:`toolkit.dedup_summary.summary`)."""
        return summary(self.pairs, self.clusters, self.options, self.stats)

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
        found = pair.row(0, named=True) if pair.height else None
        if found and found["kind"] == "translation":  # across languages: by meaning, not words
            from toolkit.xlingual import align_translation

            table = align_translation(texts[doc_a], texts[doc_b])
        else:
            table = align_paragraphs(texts[doc_a], texts[doc_b])
        return Explanation(a=meta[doc_a], b=meta[doc_b], table=table, pair=found)


def find_duplicates(
    corpus: pl.DataFrame | pl.LazyFrame | str | Path,
    *,
    progress: bool = False,
    registry: Registry | None = None,
    engine: Any = None,
    **options: Any,
) -> Duplicates:
    """Find exact, near and contained duplicates in a corpus table.

    Args:
        corpus: a corpus frame (``doc_id`` and ``text``; ``published``, ``outlet``, ``site`` and
            ``title`` are used when present), a lazy frame, or a parquet file written by
            ``toolkit ingest``. Texts are read ``chunk_size`` rows at a time, so a corpus larger
            than memory can be scanned from parquet.
        progress: show progress bars.
        registry: the outlet registry that says which site is an outlet's own, for choosing the
            canonical copy (default: the bundled outlet tables; pass
            ``Registry.load((folder,))`` to add your own).
        engine: where the batches run: None or ``"local"`` (here, on threads), or Dask
            (``"dask"``, a scheduler address or a ``distributed.Client``; see
            :mod:`toolkit.engine`); the tables are the same.
        **options: any field of :class:`DedupOptions` (``threshold=0.5``, ``containment=0.7``,
            ``shingle_size=3``, ``num_perm=128``, ``bands=32``, ``seed=0``, ...), each checked
            against its range.

    Returns:
        A :class:`Duplicates`.

    Raises:
        InputError: the corpus file is missing, not parquet, or cannot be read.
        DataError: ``doc_id`` or ``text`` is missing, a column has the wrong type, or ids repeat.
    """
    opts = build(DedupOptions, options, what="find_duplicates", error=ToolkitError)
    registry = bundled_registry() if registry is None else registry
    if not is_local(engine):
        from toolkit.dask_dedup import find_duplicates_dask

        with client_for(engine) as client:
            return find_duplicates_dask(corpus, client, opts, registry=registry)
    started, cpu = time.perf_counter(), time.process_time()
    with small_pages():
        read = open_corpus(corpus)
        signed, eligible, found, (checked, exact_template), laps = _local_candidates(
            read, opts, progress=progress
        )
        rank = canonical_rank(read.docs, registry, signed.n_tokens)
        pairs, near_misses = pair_tables(
            read.docs, rank, found, checked, threshold=opts.threshold,
            containment=opts.containment, min_shingles=opts.min_shingles,
            max_days=opts.max_days, exact_template=exact_template,
        )  # fmt: skip
        laps.append(time.perf_counter())
        clusters = cluster_table(read.docs, rank, pairs, opts.max_days)
    stats = _stats(signed, eligible, found, near_misses, [started, *laps])
    stats["cpu_seconds"] = time.process_time() - cpu  # every thread of this process
    return Duplicates(
        pairs, clusters, opts.__dict__.copy(), stats, near_misses, read.docs, read.source
    )


def _local_candidates(read: Any, opts: DedupOptions, *, progress: bool) -> tuple[Any, ...]:
    """Signatures, eligible rows, candidate pairs and their exact check on this machine's
    threads, and the time each stage ended."""
    n = read.docs.height
    with LocalBatches(
        read.source, n_docs=n, chunk_size=opts.chunk_size, progress=progress, name=read.name
    ) as batches:
        sign = partial(sign_batch, shingle_size=opts.shingle_size, num_perm=opts.num_perm,
                       containment_sample=opts.containment_sample, seed=opts.seed,
                       keep_shingles=True)  # fmt: skip
        kept = KeptShingles()
        signed = gather_signatures(
            kept.take(batches.map(sign, "MinHash")), n_docs=n, num_perm=opts.num_perm
        )
        batches.release(kept.covers)
        laps = [time.perf_counter()]
        eligible = eligible_rows(
            signed.n_tokens, read.docs["chrome_share"].to_numpy(),
            shingle_size=opts.shingle_size, min_shingles=opts.min_shingles,
        )  # fmt: skip
        found = candidate_pairs(
            signed, bands=opts.bands, max_bucket=opts.max_bucket, eligible=eligible
        )
        laps.append(time.perf_counter())
        sets = shingle_sets_of(batches, kept, found, shingle_size=opts.shingle_size, seed=opts.seed)
        groups = series_groups(read.docs, signed.exact)
        template = series_template(sets, groups, min_docs=opts.template_docs)
        checked = verify_pairs(found.a, found.b, sets, template)
        exact_template = template_only(found.exact_a, sets, template)  # one text: a's is b's
    return signed, eligible, found, (checked, exact_template), laps


def _stats(
    signed: SignatureBatch,
    eligible: np.ndarray,
    found: Candidates,
    near_misses: pl.DataFrame,
    laps: list[float],
) -> dict[str, Any]:
    """What each step did, and its seconds from the clock ``laps`` (start, signatures,
    candidates, verification)."""
    started, signed_at, banded_at, verified_at = laps
    empty = signed.n_tokens == 0
    return {
        "documents": signed.exact.size,
        "seconds_signatures": signed_at - started,
        "empty": int(empty.sum()),
        "too_short": int((~eligible & ~empty).sum()),
        "large_buckets": found.large_buckets,
        "boilerplate_shingles": found.boilerplate,
        "seconds_candidates": banded_at - signed_at,
        "candidates": int(found.a.size),
        "rejected": near_misses.height,
        **miss_counts(near_misses),
        "seconds_verify": verified_at - banded_at,
        "seconds": time.perf_counter() - started,
    }


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
