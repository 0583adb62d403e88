"""Lower-cased word tokens of a batch of texts, hashed, found in numpy over the texts' UTF-8 bytes.

The tokens and their hashes are exactly those of the polars query
``text.str.to_lowercase().str.extract_all(r"\\w+").list.eval(pl.element().hash(seed))`` (and the
exact key the hash of that list), which :func:`reference_tokens` runs and the tests compare
against. That query spends most of its time in the regex engine's per-match overhead and in
building a list of strings; here the bytes are classified as word or not in a few numpy passes,
the runs of word bytes become a binary-view array pointing into the text buffer, and polars
hashes that array as it would hash the extracted strings: 5.4-5.8 CPU-s instead of 7.7 for
10^5 synthetic 600-word articles (benchmarks/README.md).

How the same tokens come out:

- **lower case**: ASCII letters are lowered in numpy; a text holding a non-ASCII character that
  lower-casing changes (Cyrillic or Greek capitals, say) is lowered by polars itself, as before.
  Lower-casing maps characters one by one except the Greek final sigma, which is a capital and so
  takes the polars path.
- **word characters**: what the regex engine calls ``\\w``, asked of polars' own regex once per
  character met (:class:`_Characters`); multi-byte characters are decoded in numpy.
- **documents**: a run of word bytes never crosses from one text into the next.

Example:
    >>> import polars as pl
    >>> t = word_tokens(pl.Series(["Talks in Minsk.", "talks  IN minsk"]), seed=1)
    >>> t.counts.tolist(), bool(t.keys[0] == t.keys[1])
    ([3, 3], True)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import polars as pl
import pyarrow as pa

from toolkit.resources import SHINGLE_TOKEN_PATTERN

__all__ = ["Tokens", "reference_tokens", "word_tokens"]

_MAX_BUFFER = 1 << 31  # bytes of text per pass: view offsets are 32-bit
_INLINE = 12  # a binary view holds a value of up to 12 bytes inline
_BLOCK = 1 << 15  # runs made into views at a time


class Tokens(NamedTuple):
    """The word tokens of a batch of texts, flat, with each document's exact key and length."""

    docs: np.ndarray  # int64: the document of each token, ascending
    hashes: np.ndarray  # uint64: each token's hash, in text order
    keys: np.ndarray  # uint64 per document: the hash of its whole token sequence; 0 when empty
    counts: np.ndarray  # int64 per document: its number of tokens


def reference_tokens(texts: pl.Series, *, seed: int) -> Tokens:
    """The same as :func:`word_tokens`, by the plain polars regex query (slower): the
    definition the fast path is tested against."""
    lists = pl.DataFrame({"t": texts.fill_null("")}).select(
        w=pl.col("t")
        .str.to_lowercase()
        .str.extract_all(SHINGLE_TOKEN_PATTERN)
        .list.eval(pl.element().hash(seed=seed))
    )
    counts = lists["w"].list.len().cast(pl.Int64).to_numpy()
    keys = np.where(counts > 0, lists["w"].hash(seed=seed).to_numpy(), np.uint64(0))
    hashes = lists["w"].explode().drop_nulls().to_numpy()
    docs = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    return Tokens(docs, hashes, keys.astype(np.uint64), counts)


def word_tokens(texts: pl.Series, *, seed: int) -> Tokens:
    """Lower-case word tokens (``\\w+``) of every text, hashed, with an exact key per document.

    Two documents share a key exactly when their token sequences are equal (up to a 2**-64
    chance of collision). Null texts count as empty.
    """
    if SHINGLE_TOKEN_PATTERN != r"\w+" or not hasattr(pa, "binary_view"):  # pyarrow < 16
        return reference_tokens(texts, seed=seed)  # the same tokens, by the regex
    texts = texts.fill_null("")
    buf, offs = _buffer(texts)
    if buf.size >= _MAX_BUFFER and texts.len() > 1:
        half = texts.len() // 2
        halves = (texts.slice(0, half), texts.slice(half))
        return _concat([word_tokens(part, seed=seed) for part in halves])
    high = np.flatnonzero(buf >= 0x80)
    if high.size:
        lead, code = _decode(buf, high)
        _CHARACTERS.learn(code)
        changing = high[lead][_CHARACTERS.changes[code]]
        if changing.size:  # texts whose lower case polars must make (non-ASCII capitals)
            rows = np.unique(np.searchsorted(offs, changing, "right") - 1)
            texts = texts.scatter(rows, texts.gather(rows).str.to_lowercase())
            buf, offs = _buffer(texts)
            high = np.flatnonzero(buf >= 0x80)
            lead, code = _decode(buf, high)
    buf = _ascii_lower(buf)  # a no-op on the texts polars lowered
    word = _ascii_word(buf)
    if high.size:
        _CHARACTERS.learn(code)  # lower-casing may bring new ones
        word_high = np.zeros(high.size, dtype=bool)
        word_high[lead] = _CHARACTERS.is_word[code]
        char = np.where(lead, np.arange(high.size), 0)  # a continuation byte takes its lead's
        np.maximum.accumulate(char, out=char)
        word[high] = word_high[char]
    starts, ends = _runs(word, offs)
    counts = np.diff(np.searchsorted(starts, offs))
    hashes = _hash_runs(buf, starts, ends, seed=seed)
    list_offsets = np.zeros(counts.size + 1, dtype=np.int64)
    np.cumsum(counts, out=list_offsets[1:])
    lists = pa.LargeListArray.from_arrays(_arrow(list_offsets), _arrow(hashes))
    keys = pl.Series(lists).hash(seed=seed).to_numpy()
    keys = np.where(counts > 0, keys, np.uint64(0))
    docs = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    return Tokens(docs, hashes, keys, counts.astype(np.int64))


class _Characters:
    """What polars says of each non-ASCII character: is it a word character (its regex's
    ``\\w``), and does lower-casing change it. Asked of polars the first time a character is
    met, a few at a time, then kept for the process."""

    def __init__(self) -> None:
        self.known = np.zeros(0x110000, dtype=bool)
        self.is_word = np.zeros(0x110000, dtype=bool)
        self.changes = np.zeros(0x110000, dtype=bool)

    def learn(self, code: np.ndarray) -> None:
        new = np.unique(code[~self.known[code]])
        if new.size == 0:
            return
        new = new[(new < 0xD800) | (new > 0xDFFF)]  # surrogates are not characters
        chars = pl.Series([chr(c) for c in new.tolist()], dtype=pl.String)
        self.is_word[new] = chars.str.contains(rf"^(?:{SHINGLE_TOKEN_PATTERN})$").to_numpy()
        self.changes[new] = (chars.str.to_lowercase() != chars).to_numpy()
        self.known[new] = True  # last: another thread reads the values only once known


_CHARACTERS = _Characters()


def _arrow(values: np.ndarray) -> pa.Array:
    """A numpy array as an Arrow array over the same memory (``pa.array`` would import pandas
    to ask whether it is a pandas object: a fifth of a second in the first call)."""
    return pa.Array.from_buffers(pa.from_numpy_dtype(values.dtype), values.size,
                                 [None, pa.py_buffer(values)])  # fmt: skip


def _buffer(texts: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """(the UTF-8 bytes of all texts end to end, each text's start and end offsets)."""
    arr = texts.to_arrow()
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != pa.large_string():
        arr = arr.cast(pa.large_string())
    offs = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = arr.buffers()[2]
    buf = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    return buf[offs[0] : offs[-1]], offs - offs[0]


def _decode(buf: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(which of the non-ASCII bytes at ``high`` lead a character, the code point of each)."""
    lead = buf[high] >= 0xC0
    at = high[lead]
    last = buf.size - 1
    b0 = buf[at].astype(np.int32)
    b1, b2, b3 = (buf[np.minimum(at + i, last)].astype(np.int32) & 0x3F for i in (1, 2, 3))
    code = np.where(
        b0 < 0xE0,
        ((b0 & 0x1F) << 6) | b1,
        np.where(
            b0 < 0xF0,
            ((b0 & 0x0F) << 12) | (b1 << 6) | b2,
            ((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3,
        ),
    )
    return lead, code


def _ascii_lower(buf: np.ndarray) -> np.ndarray:
    upper = (buf - np.uint8(ord("A"))) < 26
    return buf + upper.view(np.uint8) * np.uint8(32)


def _ascii_word(buf: np.ndarray) -> np.ndarray:
    """Letters, digits and underscore among ASCII bytes (every byte over 0x7F is False)."""
    word = ((buf | np.uint8(0x20)) - np.uint8(ord("a"))) < 26
    word |= (buf - np.uint8(ord("0"))) < 10
    word |= buf == ord("_")
    return word


def _runs(word: np.ndarray, offs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) byte offsets of every run of word bytes, cut where one text ends."""
    n = word.size
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    edge = np.empty(n + 1, dtype=bool)
    edge[0], edge[n] = word[0], word[n - 1]
    np.not_equal(word[1:], word[:-1], out=edge[1:n])
    at = np.flatnonzero(edge)
    starts, ends = at[0::2], at[1::2]
    inner = np.unique(offs[1:-1])
    inner = inner[(inner > 0) & (inner < n)]
    cuts = inner[word[inner - 1] & word[inner]]
    if cuts.size:
        starts = np.insert(starts, np.searchsorted(starts, cuts), cuts)
        ends = np.insert(ends, np.searchsorted(ends, cuts), cuts)
    return starts, ends


def _hash_runs(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, *, seed: int) -> np.ndarray:
    """polars' hash of each ``buf[start:end]`` as a binary value (which equals its hash as a
    string): the runs become an Arrow binary-view array over ``buf``, built in numpy.

    A view is 16 bytes: the length (4), then the value itself when it has at most 12 bytes, else
    its first 4 bytes, a buffer index and its offset. Each run's first 12 bytes are read as two
    unaligned 64-bit words, put together from aligned loads."""
    t = starts.size
    if t == 0:
        return np.zeros(0, dtype=np.uint64)
    padded = np.zeros((buf.size // 8 + 3) * 8, dtype=np.uint8)
    padded[: buf.size] = buf
    words = padded.view("<u8")
    views = np.empty((t, 2), dtype=np.uint64)
    for i in range(0, t, _BLOCK):  # blocks small enough to stay in cache
        _views(words, starts[i : i + _BLOCK], ends[i : i + _BLOCK], views[i : i + _BLOCK])
    arr = pa.Array.from_buffers(
        pa.binary_view(), t, [None, pa.py_buffer(views), pa.py_buffer(padded)]
    )
    return pl.Series(arr).hash(seed=seed).to_numpy()


_ONES = np.uint64(0xFFFFFFFFFFFFFFFF)
_3, _8, _32, _64 = np.uint64(3), np.uint64(8), np.uint64(32), np.uint64(64)


def _views(words: np.ndarray, starts: np.ndarray, ends: np.ndarray, out: np.ndarray) -> None:
    """The binary views of the runs ``starts``-``ends`` of the bytes ``words`` into ``out``."""
    lens = (ends - starts).astype(np.uint64)
    q = starts >> 3
    shift = (starts & 7).astype(np.uint64) << _3
    back = _64 - shift  # a shift of 64 gives 0 in numpy
    w1 = words[q + 1]
    lo = (words[q] >> shift) | (w1 << back)  # bytes 0-7 of the run
    hi = (w1 >> shift) | (words[q + 2] << back)  # bytes 8-15
    lo &= ~(_ONES << (np.minimum(lens, _8) << _3))
    hi &= ~(_ONES << ((np.clip(lens, _8, _INLINE) - _8) << _3))
    out[:, 0] = lens | (lo << _32)
    out[:, 1] = (lo >> _32) | (hi << _32)
    long = np.flatnonzero(lens > _INLINE)  # prefix kept; buffer 0, offset start
    out[long, 1] = starts[long].astype(np.uint64) << _32


def _concat(parts: list[Tokens]) -> Tokens:
    offset = np.cumsum([0] + [p.counts.size for p in parts[:-1]])
    return Tokens(
        np.concatenate([p.docs + o for p, o in zip(parts, offset, strict=True)]),
        np.concatenate([p.hashes for p in parts]),
        np.concatenate([p.keys for p in parts]),
        np.concatenate([p.counts for p in parts]),
    )
