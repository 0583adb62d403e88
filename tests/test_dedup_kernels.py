"""The compiled loops give exactly what the numpy code they replaced gave (written out here)."""

import os
import subprocess
import sys

import numpy as np
import polars as pl
import pytest

from toolkit import dedup_kernels as kernels
from toolkit.minhash import _ROTATE, sample_shingles, shingles, signatures, tokens

EMPTY64 = np.iinfo(np.uint64).max
GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def mix(x):
    x = x.copy()
    for shift, mult in ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB)):
        x ^= x >> np.uint64(shift)
        x *= np.uint64(mult)
    return x ^ (x >> np.uint64(31))


def numpy_shingles(docs, toks, k, seed):
    counts = np.bincount(docs)
    m = max(toks.size - k + 1, 0)
    combined = toks[:m].copy()
    for i in range(1, k):
        combined = combined * GOLDEN + toks[i : i + m]
    combined = mix(combined ^ np.uint64(seed))
    inside = docs[k - 1 : k - 1 + m] == docs[:m]
    d, s = [docs[:m][inside]], [combined[inside]]
    for doc in np.flatnonzero((counts > 0) & (counts < k)):  # one shingle of all its tokens
        mine = toks[docs == doc]
        whole = mix(mine * (np.arange(mine.size, dtype=np.uint64) + np.uint64(1))).sum(
            dtype=np.uint64
        )
        d.append(np.array([doc]))
        s.append(mix(np.array([whole ^ np.uint64(seed)], dtype=np.uint64)))
    d, s = np.concatenate(d), np.concatenate(s)
    order = np.argsort(d, kind="stable")
    return d[order], s[order]


def numpy_signatures(sd, sh, n_docs, num_perm):
    sig = np.full(n_docs * num_perm, EMPTY64, dtype=np.uint64)
    np.minimum.at(sig, (sh % np.uint64(num_perm)).astype(np.int64) + sd * num_perm,
                  sh // np.uint64(num_perm))  # fmt: skip
    sig = sig.reshape(n_docs, num_perm)
    out = sig.copy()
    for r in range(n_docs):
        filled = np.flatnonzero(sig[r] != EMPTY64)
        if filled.size == 0:
            continue
        for c in np.flatnonzero(sig[r] == EMPTY64):
            src = filled[filled > c][0] if (filled > c).any() else filled[0] + num_perm
            with np.errstate(over="ignore"):  # 64-bit arithmetic wraps, as in the kernel
                out[r, c] = sig[r, src % num_perm] + np.uint64(src - c) * _ROTATE
    folded = (out ^ (out >> np.uint64(32))).astype(np.uint32)
    folded[out[:, 0] == EMPTY64] = np.iinfo(np.uint32).max  # rows with no shingle
    return folded


def numpy_sample(sd, sh, every):
    keep = (sh >> np.uint64(40)) % np.uint64(every) == 0
    sd, sh = sd[keep], sh[keep]
    key = (sd.astype(np.uint64) << np.uint64(40)) | (sh >> np.uint64(24))
    _, first = np.unique(key, return_index=True)
    return sd[first], sh[first]


TEXTS = [
    "The talks in Minsk went well, said the minister of foreign affairs on Monday.",
    "",
    "one",
    "two words",
    None,
    "Москва и Минск договорились. Σίσυφος",
    "the talks in minsk went well said the minister " * 40,
]


@pytest.mark.parametrize("k", [1, 2, 3, 5])
@pytest.mark.parametrize("seed", [0, 11, 2**63 + 5])
@pytest.mark.parametrize("num_perm", [8, 100, 128])
def test_shingles_and_signatures(k, seed, num_perm):
    t = tokens(pl.Series(TEXTS, dtype=pl.String), seed=seed % 2**63)
    got = shingles(t.docs, t.hashes, k=k, seed=seed)
    want = numpy_shingles(t.docs, t.hashes, k, seed & (2**64 - 1))
    for g, w in zip(got, want, strict=True):
        np.testing.assert_array_equal(g, w)
    sig = signatures(*got, n_docs=len(TEXTS), num_perm=num_perm)
    np.testing.assert_array_equal(sig, numpy_signatures(*want, len(TEXTS), num_perm))


@pytest.mark.parametrize("every", [1, 4, 5, 8])
def test_containment_sample(every):
    t = tokens(pl.Series(TEXTS * 3, dtype=pl.String), seed=3)
    sd, sh = shingles(t.docs, t.hashes, k=3, seed=3)
    for g, w in zip(sample_shingles(sd, sh, every=every), numpy_sample(sd, sh, every), strict=True):
        np.testing.assert_array_equal(g, w)


def test_sample_keeps_the_first_of_equal_keys():
    # two hashes of one document that agree in their top 40 bits: the first is kept
    sd = np.array([0, 0, 0, 1, 1, 2])
    sh = np.array([5 << 24 | 3, 5 << 24 | 1, 2 << 24, 7, 7, 9], dtype=np.uint64)
    got = kernels.sampled(sd, sh, 1)
    for g, w in zip(got, numpy_sample(sd, sh, 1), strict=True):
        np.testing.assert_array_equal(g, w)
    assert got[1].tolist() == [2 << 24, 5 << 24 | 3, 7, 9]


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Hi, MINSK", ["hi", "minsk"]),
        ("", []),
        ("...", []),
        ("a_1 b", ["a_1", "b"]),
        ("abcdefghijklmnop", ["abcdefghijklmnop"]),  # longer than a view holds inline
        ("x" * 8 + " " + "y" * 9 + " " + "z" * 12, ["x" * 8, "y" * 9, "z" * 12]),
    ],
)
def test_word_runs_views(text, runs):
    buf = np.frombuffer(text.encode(), dtype=np.uint8)
    padded, views, counts = kernels.word_runs(
        buf, np.array([0, buf.size]), np.zeros(0x110000, bool)
    )
    lengths = (views[:, 0] & np.uint64(0xFFFFFFFF)).astype(np.int64)
    starts = (views[:, 1] >> np.uint64(32)).astype(np.int64)
    inline = views.view(np.uint8).reshape(-1, 16)[:, 4:]
    got = [
        bytes(padded[s : s + n]) if n > 12 else bytes(inline[i, :n])
        for i, (s, n) in enumerate(zip(starts, lengths, strict=True))
    ]
    assert [g.decode() for g in got] == runs
    assert counts.tolist() == [len(runs)]


@pytest.mark.parametrize(
    ("sdocs", "n_docs"),
    [([0, 2], 2), ([-1, 0], 2), ([0], 2)],  # a row past the table, a negative row, lengths differ
)
def test_signatures_refuse_rows_outside_the_table(sdocs, n_docs):
    with pytest.raises(IndexError, match="signatures"):
        signatures(np.array(sdocs), np.array([1, 2], dtype=np.uint64), n_docs=n_docs, num_perm=8)


def test_shingles_refuse_unequal_lengths():
    with pytest.raises(ValueError, match="shingles"):
        shingles(np.array([0, 0, 1]), np.array([1, 2], dtype=np.uint64), k=2, seed=0)


def test_set_up_compiles_every_loop_into_the_cache(tmp_path):
    """``toolkit.run.set_up``'s made-up corpus runs every compiled loop, so a first run after
    set-up compiles none (a fresh process: numba reads ``NUMBA_CACHE_DIR`` when imported)."""
    code = "from toolkit.run import _compile_dedup; _compile_dedup()"
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=600)
    cached = {p.name.split(".")[1].rsplit("-", 1)[0] for p in tmp_path.rglob("*.nbi")}
    assert cached == set(kernels.__all__)
