"""Lower-cased word tokens of a batch of texts, hashed, found in one compiled pass over the bytes.

The tokens and their hashes are exactly those of the polars query
``text.str.to_lowercase().str.extract_all(r"\\w+").list.eval(pl.element().hash(seed))`` (and the
exact key the hash of that list), which :func:`reference_tokens` runs and the tests compare
against. That query spends most of its time in the regex engine's per-match overhead and in
building a list of strings; here one loop (:func:`toolkit.dedup_kernels.word_runs`, numba)
lowers ASCII, classifies each character as word or not and writes each run of word bytes as an
Arrow binary view pointing into the text buffer, and polars hashes that array as it would hash
the extracted strings (benchmarks/README.md).

How the same tokens come out:

- **lower case**: ASCII letters are lowered in the loop; a text holding a non-ASCII character that
  lower-casing changes (Cyrillic or Greek capitals, say) is lowered by polars itself, as before.
  Lower-casing maps characters one by one except the Greek final sigma, which is a capital and so
  takes the polars path.
- **word characters**: what the regex engine calls ``\\w``, asked of polars' own regex once per
  character met (:class:`_Characters`); multi-byte characters are decoded in the loop.
- **documents**: a run of word bytes never crosses from one text into the next.
- **scripts set without spaces** (Chinese, Japanese kana, Thai: ``UNSPACED``): each of their
  characters is a word of its own (:func:`apart`): a text holding one is rewritten with a space
  either side of each before either path reads it. Else a run of them between two marks, a
  clause, would be one token ("何鲁丽同志逝世"), and a three-token shingle three clauses.

Example:
    >>> import polars as pl
    >>> t = word_tokens(pl.Series(["Talks in Minsk.", "talks  IN minsk"]), seed=1)
    >>> t.counts.tolist(), bool(t.keys[0] == t.keys[1])
    ([3, 3], True)
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import polars as pl
import pyarrow as pa

from toolkit.lang import HAN_OR_OTHER, chinese_words, term_pieces
from toolkit.resources import SHINGLE_TOKEN_PATTERN, UNSPACED, UNSPACED_RANGES

__all__ = ["Tokens", "reference_tokens", "word_tokens"]

_MAX_BUFFER = 1 << 31  # bytes of text per pass: view offsets are 32-bit


class Tokens(NamedTuple):
    """The word tokens of a batch of texts, flat, with each document's exact key and length."""

    docs: np.ndarray  # int64: the document of each token, ascending
    hashes: np.ndarray  # uint64: each token's hash, in text order
    keys: np.ndarray  # uint64 per document: the hash of its whole token sequence; 0 when empty
    counts: np.ndarray  # int64 per document: its number of tokens


def apart(texts: pl.Series, where: np.ndarray | None = None) -> pl.Series:
    """``texts`` with the words of scripts set without spaces set apart by spaces
    (:func:`apart_text`); ``where``: the rows that hold such a character (found here when
    None), the only ones rewritten."""
    if where is None:
        where = texts.str.contains(UNSPACED).fill_null(False).arg_true().to_numpy()
    if not len(where):
        return texts
    rows = pl.Series(where, dtype=pl.UInt32)
    spaced = [apart_text(t) if t is not None else None for t in texts.gather(rows).to_list()]
    return texts.scatter(rows, pl.Series(spaced, dtype=pl.String))


_UNSPACED_RUN = re.compile(f"{UNSPACED}+")


def apart_text(text: str) -> str:
    """``text`` with a space either side of each word of a script set without spaces: Chinese
    runs as jieba cuts them (:func:`toolkit.lang.chinese_words`: "何鲁丽同志逝世" is 何鲁丽, 同志,
    逝世), a character of kana or Thai a word (no segmenter for them is installed)."""

    def words(run: re.Match) -> str:
        found = []
        for han, other in HAN_OR_OTHER.findall(run.group()):
            found += chinese_words(han) if han else list(other)
        return " " + " ".join(found) + " "

    return _UNSPACED_RUN.sub(words, text)


def term_edges(text: str) -> frozenset[int]:
    """The offsets in ``text`` where a term in a script set without spaces may begin or end
    (:func:`toolkit.lang.term_pieces`: between any two characters, but not inside a name of a
    place or person): "俄罗斯" in "白俄罗斯" is no term's match, "价格" in "价格上涨" is."""
    edges = set()
    for run in _UNSPACED_RUN.finditer(text):
        at = run.start()
        edges.add(at)
        for piece in term_pieces(run.group()):
            at += len(piece)
            edges.add(at)
    return frozenset(edges)


def terms_apart(texts: pl.Series) -> pl.Series:
    """``texts`` as terms are matched in them (:func:`toolkit.frames.term_text`): the pieces of
    their runs of scripts set without spaces (:func:`toolkit.lang.term_pieces`) set apart by
    spaces; the texts without such a character as they are."""
    where = texts.str.contains(UNSPACED).fill_null(False).arg_true()
    if not where.len():
        return texts

    def spaced(text: str) -> str:
        return _UNSPACED_RUN.sub(lambda m: " " + " ".join(term_pieces(m.group())) + " ", text)

    found = [spaced(t) if t is not None else None for t in texts.gather(where).to_list()]
    return texts.scatter(where, pl.Series(found, dtype=pl.String))


def reference_tokens(texts: pl.Series, *, seed: int) -> Tokens:
    """The same as :func:`word_tokens`, by the plain polars regex query (slower): the
    definition the fast path is tested against."""
    lists = pl.DataFrame({"t": apart(texts.fill_null(""))}).select(
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
    from toolkit import dedup_kernels as kernels  # numba: imported when first needed

    at, code = kernels.characters(buf)
    if code.size and _UNSPACED_CODES[code].any():  # its characters set apart, then read again
        rows = np.unique(np.searchsorted(offs, at[_UNSPACED_CODES[code]], "right") - 1)
        texts = apart(texts, rows)
        buf, offs = _buffer(texts)
        at, code = kernels.characters(buf)
    if code.size:
        _CHARACTERS.learn(code)
        changing = at[_CHARACTERS.changes[code]]
        if changing.size:  # texts whose lower case polars must make (non-ASCII capitals)
            rows = np.unique(np.searchsorted(offs, changing, "right") - 1)
            texts = texts.scatter(rows, texts.gather(rows).str.to_lowercase())
            buf, offs = _buffer(texts)
            _CHARACTERS.learn(kernels.characters(buf)[1])  # lower-casing may bring new ones
    padded, views, counts = kernels.word_runs(buf, offs, _CHARACTERS.is_word)
    hashes = _hash_views(padded, views, seed=seed)
    list_offsets = np.zeros(counts.size + 1, dtype=np.int64)
    np.cumsum(counts, out=list_offsets[1:])
    lists = pa.LargeListArray.from_arrays(_arrow(list_offsets), _arrow(hashes))
    keys = pl.Series(lists).hash(seed=seed).to_numpy()
    keys = np.where(counts > 0, keys, np.uint64(0))
    docs = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    return Tokens(docs, hashes, keys, counts)


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
# The code points of UNSPACED, by table (the characters the loop decodes are looked up)
_UNSPACED_CODES = np.zeros(0x110000, dtype=bool)
for _a, _b in UNSPACED_RANGES:
    _UNSPACED_CODES[_a : _b + 1] = True


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


def _hash_views(padded: np.ndarray, views: np.ndarray, *, seed: int) -> np.ndarray:
    """polars' hash of each run as a binary value (which equals its hash as a string): the
    runs' binary views (:func:`toolkit.dedup_kernels.word_runs`) over the bytes ``padded``
    make an Arrow binary-view array, which polars hashes without copying a string."""
    if views.shape[0] == 0:
        return np.zeros(0, dtype=np.uint64)
    arr = pa.Array.from_buffers(
        pa.binary_view(), views.shape[0], [None, pa.py_buffer(views), pa.py_buffer(padded)]
    )
    return pl.Series(arr).hash(seed=seed).to_numpy()


def _concat(parts: list[Tokens]) -> Tokens:
    offset = np.cumsum([0] + [p.counts.size for p in parts[:-1]])
    return Tokens(
        np.concatenate([p.docs + o for p, o in zip(parts, offset, strict=True)]),
        np.concatenate([p.hashes for p in parts]),
        np.concatenate([p.keys for p in parts]),
        np.concatenate([p.counts for p in parts]),
    )
