"""Duplicate candidates: signature batches (a map), then banding (a shuffle by key).

The first two steps of :func:`toolkit.find_duplicates`; :mod:`toolkit.dedup_clusters` holds the
other two. Each is a function of arrays with no engine inside, so another engine can run them
elsewhere unchanged:

1. **Signatures**, a map over batches of documents: :func:`sign_batch` turns a batch of texts into
   exact keys, token counts, MinHash signatures and containment samples, with row numbers local
   to the batch; :func:`gather_signatures` offsets them to corpus rows and puts them side by side.
2. **Banding**, a shuffle by key: :func:`candidate_pairs` groups documents by exact key, by LSH
   band key and by rare sampled shingle (:func:`containment_candidates`), giving the exact pairs
   and the candidates to verify. :func:`toolkit.minhash.band_keys` is per row, so an engine can
   compute band keys in the map and group by them (:func:`toolkit.minhash.bucket_pairs`) in a
   shuffle.

Row numbers are positions in the corpus (0 to ``n_docs - 1``), and every pair is (a, b) with a < b.

Example:
    >>> import polars as pl
    >>> texts = pl.Series(["the talks in minsk went well", "The talks in Minsk went well!"])
    >>> batch = sign_batch(texts, shingle_size=3, num_perm=8, containment_sample=4, seed=0)
    >>> signed = gather_signatures([(0, batch)], n_docs=2, num_perm=8)
    >>> found = candidate_pairs(signed, bands=2, max_bucket=100)
    >>> found.exact_a.tolist(), found.exact_b.tolist()
    ([0], [1])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import polars as pl

from toolkit.minhash import (
    argsort,
    band_keys,
    bucket_pairs,
    sample_shingles,
    shingles,
    signatures,
    sorted_distinct,
    tokens,
    unique_pairs,
)

__all__ = [
    "Candidates",
    "Shingles",
    "SignatureBatch",
    "candidate_pairs",
    "containment_candidates",
    "eligible_rows",
    "gather_signatures",
    "sign_batch",
]

_ANCHORS = 8  # rare sampled shingles per document looked up for containment candidates
_ANCHOR_DF = 16  # an anchor is in at most this many documents: each costs one pair per holder
_NO_PAIRS = np.zeros(0, dtype=np.int64)
MOSTLY_CHROME = 0.5  # a document whose raw text was more than this share chrome joins no cluster

# ---------------------------------------------------------------- 1. signatures (map)


class SignatureBatch(NamedTuple):
    """What :func:`sign_batch` gives for a batch of ``m`` documents (rows 0 to m - 1)."""

    exact: np.ndarray  # uint64 (m,): hash of the whole normalised token sequence; 0 when empty
    n_tokens: np.ndarray  # int64 (m,)
    sig: np.ndarray  # uint32 (m, num_perm): MinHash signatures
    sample_docs: np.ndarray  # int64: batch row of each sampled shingle, each (row, shingle) once
    sample_hashes: np.ndarray  # uint64: the sampled shingle's hash
    shingles: Shingles | None = None  # every shingle, when asked for (``keep_shingles``)


class Shingles(NamedTuple):
    """Every shingle of a batch of ``m`` documents, as :func:`toolkit.minhash.shingles` gives
    them (by document, repeats kept), in a compact form to keep for the exact check."""

    counts: np.ndarray  # int32 (m,): shingles per document
    hashes: np.ndarray  # uint64

    def sets(self, rows: np.ndarray) -> list[np.ndarray]:
        """The distinct shingle hashes (sorted) of the batch rows ``rows``."""
        ends = np.cumsum(self.counts, dtype=np.int64)
        return [
            sorted_distinct(self.hashes[ends[r] - self.counts[r] : ends[r]]) for r in rows.tolist()
        ]

    @property
    def nbytes(self) -> int:
        return self.counts.nbytes + self.hashes.nbytes


def sign_batch(
    texts: pl.Series,
    *,
    shingle_size: int,
    num_perm: int,
    containment_sample: int,
    seed: int,
    keep_shingles: bool = False,
) -> SignatureBatch:
    """Exact keys, token counts, signatures and containment samples of a batch of texts.

    Args:
        texts: the batch's texts (nulls count as empty).
        shingle_size: words per shingle.
        num_perm: signature length.
        containment_sample: one shingle in this many (by hash) is sampled for containment.
        seed: seeds every hash.
        keep_shingles: also return every shingle (:class:`Shingles`), so the exact check need
            not tokenise the texts again.
    """
    m = texts.len()
    t = tokens(texts, seed=seed)
    sd, sh = shingles(t.docs, t.hashes, k=shingle_size, seed=seed)
    sig = signatures(sd, sh, n_docs=m, num_perm=num_perm)
    sample_docs, sample_hashes = sample_shingles(sd, sh, every=containment_sample)
    kept = None
    if keep_shingles:
        kept = Shingles(np.bincount(sd, minlength=m).astype(np.int32), sh)
    return SignatureBatch(t.keys, t.counts, sig, sample_docs, sample_hashes, kept)


def gather_signatures(
    batches: Iterable[tuple[int, SignatureBatch]], *, n_docs: int, num_perm: int
) -> SignatureBatch:
    """The batches side by side, with row numbers offset to corpus rows.

    Args:
        batches: (corpus row of the batch's first document, its signatures), in any order
            (the result is the same); together they cover every row once.
        n_docs: documents in the corpus.
        num_perm: signature length.
    """
    sig = np.empty((n_docs, num_perm), dtype=np.uint32)
    exact = np.zeros(n_docs, dtype=np.uint64)
    n_tokens = np.zeros(n_docs, dtype=np.int64)
    docs, hashes = [_NO_PAIRS], [np.zeros(0, dtype=np.uint64)]
    for start, part in batches:
        end = start + part.exact.size
        exact[start:end], n_tokens[start:end], sig[start:end] = part.exact, part.n_tokens, part.sig
        docs.append(part.sample_docs + start)
        hashes.append(part.sample_hashes)
    return SignatureBatch(exact, n_tokens, sig, np.concatenate(docs), np.concatenate(hashes))


# ---------------------------------------------------------------- 2. banding (shuffle by key)


class Candidates(NamedTuple):
    """What :func:`candidate_pairs` finds: pairs (a < b) of corpus rows."""

    exact_a: np.ndarray  # the same normalised text: reported without a check
    exact_b: np.ndarray
    a: np.ndarray  # candidates to verify (none of them exact pairs)
    b: np.ndarray
    large_buckets: int  # exact or LSH buckets over max_bucket, linked as stars
    boilerplate: int  # sampled shingles in more than max_bucket documents


def eligible_rows(
    n_tokens: np.ndarray, chrome_share: np.ndarray, *, shingle_size: int, min_shingles: int
) -> np.ndarray:
    """Whether each document may join a cluster: it has at least ``min_shingles`` shingles
    (runs of ``shingle_size`` words; a shorter text counts as one) once chrome is cut, and its raw
    text was not mostly chrome (``chrome_share`` at most :data:`MOSTLY_CHROME`; NaN when not
    known). A boilerplate line or a headline alone says nothing about which story it is.

    Example:
        >>> eligible_rows(np.array([0, 4, 20, 20]), np.array([0, 0, 0, 0.9]),
        ...               shingle_size=3, min_shingles=2).tolist()
        [False, True, True, False]
    """
    shingles = np.where(n_tokens > 0, np.maximum(n_tokens - shingle_size + 1, 1), 0)
    mostly_chrome = np.nan_to_num(chrome_share, nan=0.0) > MOSTLY_CHROME
    return (shingles >= max(min_shingles, 1)) & ~mostly_chrome


def candidate_pairs(
    signed: SignatureBatch, *, bands: int, max_bucket: int, eligible: np.ndarray | None = None
) -> Candidates:
    """Exact pairs by exact key, and candidates by LSH band key or by shared rare shingles.

    Documents with no words, and those :func:`eligible_rows` rules out, are left out: they are
    never duplicates.

    Args:
        signed: the corpus's signatures (:func:`gather_signatures`).
        bands: LSH bands; must divide the signature length.
        max_bucket: buckets larger than this are linked as a star, not expanded to all pairs.
        eligible: which rows may pair (default: every row with a word).
    """
    n = signed.exact.size
    ok = signed.n_tokens > 0  # a document with a word has a shingle
    if eligible is not None:
        ok &= eligible
    valid = np.flatnonzero(ok)
    ea, eb, large_exact = bucket_pairs(signed.exact[valid], valid, max_bucket=max_bucket)
    ea, eb, _ = unique_pairs(ea, eb, n)
    keys = band_keys(signed.sig[valid], bands=bands)
    na, nb, large_lsh = bucket_pairs(keys.ravel(), np.repeat(valid, bands), max_bucket=max_bucket)
    del keys
    sampled = ok[signed.sample_docs]
    ca, cb, boilerplate = containment_candidates(
        signed.sample_docs[sampled], signed.sample_hashes[sampled], n_docs=n, max_bucket=max_bucket
    )
    a, b, _ = unique_pairs(np.concatenate([na, ca]), np.concatenate([nb, cb]), n)
    not_exact = ~np.isin(a * n + b, ea * n + eb)
    return Candidates(ea, eb, a[not_exact], b[not_exact], int(large_exact + large_lsh), boilerplate)


def containment_candidates(
    sample_docs: np.ndarray, sample_hashes: np.ndarray, *, n_docs: int, max_bucket: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """Pairs (a, b) where b holds at least two of a's anchors (one, if a has only one).

    A document's anchors are the :data:`_ANCHORS` rarest of its sampled shingles among those
    found in 2 to :data:`_ANCHOR_DF` documents: if most of a document is inside another, its rare
    shingles are too, while two unrelated documents seldom share two rare shingles. Looking up
    a few anchors per document keeps the work linear, where pairing every document that shares
    any sampled shingle grows with the square of the corpus. A story copied in full more than
    :data:`_ANCHOR_DF` times has no anchors left; its trimmed copies are still found as near
    duplicates when they keep at least ``threshold`` of the text.

    Args:
        sample_docs: corpus row of each sampled shingle; each (row, hash) at most once.
        sample_hashes: the sampled shingles' hashes.
        n_docs: documents in the corpus.
        max_bucket: a sampled shingle in more documents than this is counted as boilerplate.

    Returns:
        (a, b, number of sampled shingles counted as boilerplate), with a < b.
    """
    order = argsort(sample_hashes)
    h, d = sample_hashes[order], sample_docs[order]
    if h.size == 0:
        return _NO_PAIRS, _NO_PAIRS, 0
    new_run = np.concatenate(([True], h[1:] != h[:-1]))
    run = np.cumsum(new_run) - 1
    run_start = np.flatnonzero(new_run)
    run_len = np.diff(np.append(run_start, h.size))
    df = run_len[run]
    boilerplate = int((run_len > max_bucket).sum())
    eligible = np.flatnonzero((df >= 2) & (df <= _ANCHOR_DF))
    # a document's anchors are its first eligible samples in hash order: a min-hash sample
    from toolkit.dedup_kernels import ranks  # numba: imported when first needed

    rank = ranks(d[eligible], n_docs)
    anchors = eligible[rank < _ANCHORS]
    n_anchors = np.bincount(d[anchors], minlength=n_docs)
    # each anchor against every document holding the same shingle
    lengths = df[anchors]
    entry = np.repeat(anchors, lengths)
    offset = np.arange(entry.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    holder = d[run_start[run[entry]] + offset]
    inner = d[entry]
    keep = holder != inner
    inner, holder, hits = unique_pairs(inner[keep], holder[keep], n_docs)  # oriented
    keep = hits >= np.minimum(2, n_anchors[inner])
    a, b = inner[keep], holder[keep]
    return np.minimum(a, b), np.maximum(a, b), boilerplate
