"""Compiled loops of duplicate detection (numba): word runs, shingles and MinHash minima.

Each replaces several numpy passes over a batch (a temporary array per pass) by one loop over the
bytes or tokens, with exactly the same results: the numpy code they replaced computed the same
integers, so every hash, signature, pair and table is unchanged (``tests/test_word_tokens.py``
compares the tokens with polars' regex, ``tests/test_minhash.py`` the shingles and signatures
with plain numpy). Compiled code is kept in numba's cache (``cache=True``): in the folder
``NUMBA_CACHE_DIR`` names when it is set (``toolkit run`` sets ``outputs/.cache/numba``), else
beside this module; a new process loads it instead of compiling again.

Example:
    >>> import numpy as np
    >>> buf = np.frombuffer(b"Hi, MINSK", dtype=np.uint8)
    >>> padded, views, counts = word_runs(buf, np.array([0, 9]), np.zeros(0x110000, bool))
    >>> counts.tolist(), bytes(padded[4:9])
    ([2], b'minsk')
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = [
    "characters",
    "densify",
    "ranks",
    "sampled",
    "shingle_hashes",
    "signature_minima",
    "word_runs",
]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_INLINE = np.uint64(12)  # a binary view holds a value of up to 12 bytes inline
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S27, _S30, _S31, _S32 = np.uint64(27), np.uint64(30), np.uint64(31), np.uint64(32)
_S3, _S24, _S40 = np.uint64(3), np.uint64(24), np.uint64(40)
_S63, _S64 = np.uint64(63), np.uint64(64)
_ONE, _EIGHT, _ONES = np.uint64(1), np.uint64(8), np.uint64(0xFFFFFFFFFFFFFFFF)
_LOWER = np.arange(256, dtype=np.uint8)  # each byte lowered: ASCII capitals only
_LOWER[65:91] += 32
_WORD = np.zeros(256, dtype=np.bool_)  # ASCII letters, digits and underscore
_WORD[[*range(48, 58), *range(65, 91), 95, *range(97, 123)]] = True


@njit(cache=True, nogil=True)
def characters(buf):  # pragma: no cover - compiled
    """(byte offset, code point) of every character over U+007F in the UTF-8 bytes ``buf``."""
    n = 0
    for b in buf:
        n += b >= 0xC0
    at = np.empty(n, np.int64)
    code = np.empty(n, np.int64)
    j = 0
    last = buf.size - 1
    for i in range(buf.size):
        if buf[i] >= 0xC0:
            at[j] = i
            code[j] = _code(buf, i, last)
            j += 1
    return at, code


@njit(cache=True, nogil=True)
def word_runs(buf, offs, is_word):  # pragma: no cover - compiled
    """The runs of word characters of each text ``buf[offs[d]:offs[d + 1]]``, ASCII lowered.

    Returns (the bytes with ASCII capitals lowered, zero-padded to whole 64-bit words plus 16;
    an Arrow binary view of 16 bytes per run, as two uint64, over those bytes as buffer 0; runs
    per text). A word character is an ASCII letter, digit or underscore, or a character whose
    code point ``is_word`` marks; a run never crosses from one text into the next. Bytes are
    classified by table and every edge between word and not is written unconditionally: a
    branch per byte or per run costs more than the loop.
    """
    padded = np.zeros((buf.size // 8 + 3) * 8, np.uint8)
    edges = np.empty(buf.size + offs.size, np.int32)  # offsets < 2**31 (word_tokens splits)
    counts = np.empty(offs.size - 1, np.int64)
    last = buf.size - 1
    t = 0
    for d in range(offs.size - 1):
        prev, first = False, t
        for i in range(offs[d], offs[d + 1]):
            b = buf[i]
            padded[i] = _LOWER[b]
            if b < 0x80:
                word = _WORD[b]
            elif b >= 0xC0:
                word = is_word[_code(buf, i, last)]
            else:  # a continuation byte: its character's
                word = prev
            edges[t] = i
            t += word != prev
            prev = word
        edges[t] = offs[d + 1]  # a run open at the end of the text ends there
        t += prev
        counts[d] = (t - first) >> 1
    return padded, _views(padded.view(np.uint64), edges[:t]), counts


@njit(inline="always")
def _views(words, edges):  # pragma: no cover - compiled
    """The Arrow binary view of each run ``edges[2j]``-``edges[2j + 1]`` of the bytes
    ``words``: the length (4 bytes), then the value when it has at most 12 bytes, else its
    first 4 bytes, buffer 0 and its offset. Bytes 0-7 and 8-15 of a run are put together from
    aligned 64-bit loads (``(x << 1) << (63 - s)`` is ``x << (64 - s)``, 0 when ``s`` is 0)."""
    n = edges.size >> 1
    views = np.empty((n, 2), np.uint64)
    for j in range(n):
        start = np.int64(edges[2 * j])
        length = np.uint64(edges[2 * j + 1] - start)
        q = start >> 3
        shift = np.uint64(start & 7) << _S3
        back = _S63 - shift
        w1 = words[q + 1]
        lo = (words[q] >> shift) | ((w1 << _ONE) << back)
        lo &= _ONES >> (_S64 - (min(length, _EIGHT) << _S3))
        views[j, 0] = length | (lo << _S32)
        if length > _INLINE:
            views[j, 1] = np.uint64(start) << _S32
        elif length > _EIGHT:
            hi = (w1 >> shift) | ((words[q + 2] << _ONE) << back)
            hi &= _ONES >> (_S64 - ((length - _EIGHT) << _S3))
            views[j, 1] = (lo >> _S32) | (hi << _S32)
        else:
            views[j, 1] = lo >> _S32
    return views


@njit(inline="always")
def _code(buf, i, last):  # pragma: no cover - compiled
    """The code point of the UTF-8 character that starts at ``buf[i]`` (a lead byte)."""
    b0 = np.int64(buf[i])
    b1 = np.int64(buf[min(i + 1, last)]) & 0x3F
    b2 = np.int64(buf[min(i + 2, last)]) & 0x3F
    b3 = np.int64(buf[min(i + 3, last)]) & 0x3F
    if b0 < 0xE0:
        return ((b0 & 0x1F) << 6) | b1
    if b0 < 0xF0:
        return ((b0 & 0x0F) << 12) | (b1 << 6) | b2
    return ((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3


@njit(inline="always")
def _mix(x):  # pragma: no cover - compiled
    """splitmix64's finaliser (as :func:`toolkit.minhash._mix`)."""
    x ^= x >> _S30
    x *= _M1
    x ^= x >> _S27
    x *= _M2
    x ^= x >> _S31
    return x


@njit(cache=True, nogil=True)
def shingle_hashes(counts, tokens, k, seed):  # pragma: no cover - compiled
    """Every ``k``-token shingle hash of each document (``counts[d]`` tokens of ``tokens`` in
    turn), in order, or the one shingle of all its tokens when it has fewer than ``k``; with
    the number of shingles of each document. The arithmetic of the numpy version it replaced
    (see :func:`toolkit.minhash.shingles`)."""
    total = 0
    for c in counts:
        total += c - k + 1 if c >= k else 1 if c > 0 else 0
    out = np.empty(total, np.uint64)
    per_doc = np.zeros(counts.size, np.int64)
    j = 0
    first = 0
    for d in range(counts.size):
        c = counts[d]
        if c >= k:
            for s in range(first, first + c - k + 1):
                h = tokens[s]
                for i in range(1, k):
                    h = h * _GOLDEN + tokens[s + i]
                out[j] = _mix(h ^ seed)
                j += 1
            per_doc[d] = c - k + 1
        elif c > 0:
            whole = np.uint64(0)
            for p in range(c):
                whole += _mix(tokens[first + p] * (np.uint64(p) + _ONE))
            out[j] = _mix(whole ^ seed)
            j += 1
            per_doc[d] = 1
        first += c
    return out, per_doc


@njit(cache=True, nogil=True)
def signature_minima(sdocs, hashes, n_docs, num_perm, empty):  # pragma: no cover - compiled
    """The minimum of ``hash // num_perm`` over the shingles in each (document, ``hash %
    num_perm``) bin, shape (n_docs, num_perm); ``empty`` where a bin has none."""
    sig = np.full((n_docs, num_perm), empty, np.uint64)
    p = np.uint64(num_perm)
    power = num_perm & (num_perm - 1) == 0
    mask = p - _ONE
    shift = np.uint64(0)
    while (_ONE << shift) < p:
        shift += _ONE
    for i in range(hashes.size):
        h = hashes[i]
        if power:
            b, v = h & mask, h >> shift
        else:
            b, v = h % p, h // p
        row = sdocs[i]
        if v < sig[row, b]:
            sig[row, b] = v
    return sig


@njit(cache=True, nogil=True)
def densify(sig, empty, rotate):  # pragma: no cover - compiled
    """Each ``empty`` bin filled from the nearest filled bin to its right (circularly), plus
    ``rotate`` times the distance, in place; rows with no filled bin stay empty. The arithmetic
    of the numpy version it replaced (:func:`toolkit.minhash.signatures`)."""
    k = sig.shape[1]
    for r in range(sig.shape[0]):
        row = sig[r]
        nearest = -1  # the first filled bin, for the empty bins after the last filled one
        for c in range(k):
            if row[c] != empty:
                nearest = c
                break
        if nearest < 0:
            continue
        source = nearest + k  # the nearest filled bin at or right of c, as c + distance
        for c in range(k - 1, -1, -1):
            if row[c] != empty:
                source = c
            else:
                row[c] = row[source % k] + np.uint64(source - c) * rotate
    return sig


@njit(cache=True, nogil=True)
def sampled(sdocs, hashes, every):  # pragma: no cover - compiled
    """(document, hash) of the shingles with ``(hash >> 40) % every == 0``, each document's
    by ``hash >> 24`` with the first of equal ones kept, documents ascending as in ``sdocs``
    (which must be): what ``np.unique`` of ``document << 40 | hash >> 24`` gave."""
    e = np.uint64(every)
    mask = e - _ONE if every & (every - 1) == 0 else np.uint64(0)  # a mask, not a division
    keep = np.empty(hashes.size, np.int64)
    n = 0
    for i in range(hashes.size):
        keep[n] = i
        top = hashes[i] >> _S40
        n += (top & mask if mask else top % e) == 0
    out_docs = np.empty(n, np.int64)
    out = np.empty(n, np.uint64)
    t = 0
    lo = 0
    while lo < n:
        doc = sdocs[keep[lo]]
        hi = lo
        while hi < n and sdocs[keep[hi]] == doc:
            hi += 1
        rows = keep[lo:hi]
        keys = hashes[rows] >> _S24
        order = np.argsort(keys, kind="mergesort")  # stable: the first of equal keys first
        for j in range(order.size):
            if j == 0 or keys[order[j]] != keys[order[j - 1]]:
                out_docs[t] = doc
                out[t] = hashes[rows[order[j]]]
                t += 1
        lo = hi
    return out_docs[:t], out[:t]


@njit(cache=True, nogil=True)
def ranks(groups, n_groups):  # pragma: no cover - compiled
    """How many times each entry's group came before it: 0 for its first entry, 1 for the
    next... (a window ``int_range().over(group)``, in one pass)."""
    seen = np.zeros(n_groups, np.int64)
    out = np.empty(groups.size, np.int64)
    for i in range(groups.size):
        out[i] = seen[groups[i]]
        seen[groups[i]] += 1
    return out
