"""Vectorised shingling, MinHash signatures and LSH banding over whole batches of documents.

Everything here works on flat numpy arrays (one entry per token or shingle, with the index of its
document beside it), never on one document at a time in Python: that is what makes duplicate
detection run at tens of thousands of articles a second instead of hundreds.

Signatures use one-permutation hashing (Li, Owen and Zhang 2012): each shingle is hashed once, the
hash picks one of ``num_perm`` bins and the rest of it is the value; a bin keeps its minimum.
Empty bins (short documents) are filled by rotation densification (Shrivastava and Li 2014), which
keeps the probability that two signatures agree in a bin equal to the Jaccard similarity of the
two shingle sets. This costs one hash per shingle instead of ``num_perm``.

Example:
    >>> import polars as pl
    >>> docs, tokens = tokenize(pl.Series(["The talks in Minsk.", "the talks in minsk"]), seed=1)
    >>> sd, sh = shingles(docs, tokens, k=3, seed=1)
    >>> sig = signatures(sd, sh, n_docs=2, num_perm=8)
    >>> bool((sig[0] == sig[1]).all())
    True
"""

from __future__ import annotations

import numpy as np
import polars as pl

from toolkit.resources import SHINGLE_TOKEN_PATTERN
from toolkit.word_tokens import Tokens, word_tokens

__all__ = [
    "EMPTY",
    "TOKEN_PATTERN",
    "Tokens",
    "argsort",
    "band_keys",
    "bucket_pairs",
    "sample_shingles",
    "shingles",
    "signatures",
    "sorted_distinct",
    "tokenize",
    "tokens",
    "unique_pairs",
]

TOKEN_PATTERN = SHINGLE_TOKEN_PATTERN  # words and numbers; punctuation and spacing are not content
EMPTY = np.iinfo(np.uint32).max  # every value in the signature of a document with no shingles
_EMPTY64 = np.iinfo(np.uint64).max  # an empty bin while signatures are built

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_ROTATE = np.uint64(0x632BE59BD9B4E019)  # densification offset per bin of distance


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place: spreads combined hashes over all 64 bits."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def tokens(texts: pl.Series, *, seed: int) -> Tokens:
    """Lower-case word tokens of every text, hashed, with an exact key per document.

    Texts are compared as sequences of lower-cased word characters, so changes of punctuation,
    quotation marks, spacing and paragraph breaks do not count as differences. Two documents
    share a key exactly when their token sequences are equal (up to a 2**-64 chance of
    collision). The tokens and hashes are those of polars' ``\\w+`` on the lower-cased text,
    found in one compiled pass over the text bytes (:mod:`toolkit.word_tokens`).
    """
    return word_tokens(texts, seed=seed)


def tokenize(texts: pl.Series, *, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(document index, 64-bit token hash) of every word token, in order (:func:`tokens`)."""
    t = tokens(texts, seed=seed)
    return t.docs, t.hashes


def shingles(
    docs: np.ndarray, tokens: np.ndarray, *, k: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every run of ``k`` consecutive tokens, as (document index, hash), by document.

    A document with fewer than ``k`` tokens is represented by its single shingle of all its tokens,
    so short items (headlines) still compare. Duplicated shingles within a document are kept; the
    callers reduce them to sets.
    """
    if docs.shape != tokens.shape:  # the compiled loop reads tokens by the counts of docs
        raise ValueError(f"shingles: {docs.size} documents for {tokens.size} tokens")
    if tokens.size == 0:
        return docs[:0], tokens[:0]
    from toolkit import dedup_kernels as kernels  # numba: imported when first needed

    seed64 = np.uint64(seed & 0xFFFFFFFFFFFFFFFF)
    out, per_doc = kernels.shingle_hashes(np.bincount(docs), tokens, k, seed64)
    return np.repeat(np.arange(per_doc.size, dtype=docs.dtype), per_doc), out


def sample_shingles(
    docs: np.ndarray, shingle_hashes: np.ndarray, *, every: int
) -> tuple[np.ndarray, np.ndarray]:
    """The shingles whose hash falls in one ``every``-th of the hash space, each (document,
    shingle) once, as (document index, hash) sorted by document.

    The sample is content-defined: a shingle is sampled in every document that has it, so two
    documents sharing a passage share its sampled shingles. A batch must hold fewer than 2**24
    documents (the document index and 40 bits of the hash are packed into one key).
    """
    from toolkit import dedup_kernels as kernels  # numba: imported when first needed

    return kernels.sampled(docs, shingle_hashes, every)


def signatures(sdocs: np.ndarray, shingle_hashes: np.ndarray, *, n_docs: int, num_perm: int):
    """One-permutation MinHash signatures, shape (n_docs, num_perm), dtype uint32.

    Minima are found on 64-bit values and folded to 32 bits for storage: two different minima
    agree after folding with probability 2**-32, far below what banding can notice, and the
    signatures of a million documents fit in half a gigabyte. A document without shingles gets
    a row of :data:`EMPTY`; callers leave such rows out of banding.
    """
    from toolkit import dedup_kernels as kernels  # numba: imported when first needed

    # the compiled loop writes row sdocs[i] unchecked: a row outside the table must not reach it
    if sdocs.shape != shingle_hashes.shape or (
        sdocs.size and (sdocs.min() < 0 or sdocs.max() >= n_docs)
    ):
        raise IndexError(
            f"signatures: {sdocs.size} shingles whose rows are not all in 0..{n_docs - 1}"
        )
    sig = kernels.signature_minima(sdocs, shingle_hashes, n_docs, num_perm, _EMPTY64)
    sig = kernels.densify(sig, _EMPTY64, _ROTATE)
    empty_rows = sig[:, 0] == _EMPTY64
    folded = (sig ^ (sig >> np.uint64(32))).astype(np.uint32)
    folded[empty_rows] = EMPTY
    return folded


def band_keys(sig: np.ndarray, *, bands: int) -> np.ndarray:
    """One 64-bit key per (document, band), shape (n_docs, bands): the hash of the band's rows,
    salted with the band's number so that equal keys only ever come from the same band."""
    n, k = sig.shape
    rows = k // bands
    keys = np.zeros((n, bands), dtype=np.uint64)
    for r in range(rows):
        keys = keys * _GOLDEN + sig[:, r : rows * bands : rows].astype(np.uint64)
    keys += np.arange(bands, dtype=np.uint64) * _ROTATE
    return _mix(keys)


def bucket_pairs(
    keys: np.ndarray, members: np.ndarray, *, max_bucket: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """Pairs (a < b) of members that share a key, once per shared key, plus how many buckets
    were larger than ``max_bucket``.

    A bucket of more than ``max_bucket`` members (boilerplate shared by many documents) would
    cost quadratic time if expanded: each of its members is paired with the bucket's lowest member
    only, so the clusters are the same and not every pair is listed. A member must not appear
    twice under one key (band keys are salted by band, so a document cannot).
    """
    if keys.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, 0
    order = argsort(keys)
    k, m = keys[order], members[order]
    starts = np.flatnonzero(np.concatenate(([True], k[1:] != k[:-1])))
    sizes = np.diff(np.append(starts, k.size))
    a_parts, b_parts = [], []
    large = 0
    for size in np.unique(sizes[sizes > 1]):
        first = starts[sizes == size]
        if size > max_bucket:  # a star on the lowest member, whatever the order of input
            large += first.size
            block = m[first[:, None] + np.arange(size)]
            a_parts.append(np.repeat(block.min(axis=1), size))
            b_parts.append(block.ravel())
            continue
        i, j = np.triu_indices(size, 1)
        a_parts.append(m[(first[:, None] + i).ravel()])
        b_parts.append(m[(first[:, None] + j).ravel()])
    if not a_parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, large
    a, b = np.concatenate(a_parts), np.concatenate(b_parts)
    keep = a != b
    return np.minimum(a, b)[keep], np.maximum(a, b)[keep], large


def unique_pairs(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (a, b) pairs (both below n), sorted, and how often each occurred."""
    shift = n <= 1 << 31  # a pair packed as a << 32 | b: unpacked by shifts, not divisions
    a = a.astype(np.int64)
    code = pl.Series((a << 32) | b if shift else a * n + b).sort().to_numpy()  # on all cores
    if code.size == 0:
        return code, code, code
    first = np.empty(code.size, dtype=bool)
    first[0] = True
    np.not_equal(code[1:], code[:-1], out=first[1:])
    first = np.flatnonzero(first)
    counts = np.diff(first, append=code.size)
    code = code[first]
    if shift:
        return code >> 32, code & 0xFFFFFFFF, counts
    return code // n, code % n, counts


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: ``np.unique`` for the small arrays of one document's
    shingles, where its hash table costs more than the sort (a seventh of the time)."""
    x = np.sort(values)
    if x.size < 2:
        return x
    keep = np.empty(x.size, dtype=bool)
    keep[0] = True
    np.not_equal(x[1:], x[:-1], out=keep[1:])
    return x[keep]


def argsort(values: np.ndarray) -> np.ndarray:
    """The order that sorts ``values`` (ties in any fixed order), sorted on all cores."""
    return pl.Series(values).arg_sort().to_numpy().astype(np.int64, copy=False)
