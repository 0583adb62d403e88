"""The local engine of duplicate detection: the corpus read in chunks, batches run on threads.

:func:`open_corpus` checks the corpus a user passed (a frame, a lazy frame or a parquet file) and
reads its small per-document columns; :class:`LocalBatches` reads the texts ``chunk_size`` rows at
a time and maps a per-batch step (:func:`toolkit.dedup_candidates.sign_batch`,
:func:`toolkit.dedup_clusters.shingle_sets`) over them on a thread pool (polars and numpy release
the GIL). Every failure to read the corpus is an :class:`InputError` naming the
file; a column of the wrong kind is a :class:`DataError` naming the column.

Example:
    >>> import polars as pl
    >>> corpus = open_corpus(pl.DataFrame({"doc_id": ["a"], "text": ["Minsk talks"]}))
    >>> with LocalBatches(corpus.source, n_docs=corpus.docs.height, chunk_size=10) as batches:
    ...     [(start, texts.to_list()) for start, texts in batches.map(lambda t: t, "read")]
    [(0, ['Minsk talks'])]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TypeVar

import numpy as np
import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.errors import DataError, InputError
from toolkit.resources import SHINGLE_TOKEN_PATTERN

__all__ = ["LocalBatches", "OpenCorpus", "open_corpus", "read_documents", "small_pages"]

T = TypeVar("T")

_PART = 2000  # documents hashed by one thread at a time: small enough to stay in cache
_KEEP_BYTES = 1 << 30  # texts kept in memory between the two passes
_READ_ERRORS = (pl.exceptions.PolarsError, OSError)

# the kinds of column each per-document column may be (text and ids as strings, dates as dates)
_STRINGS = (pl.String, pl.Null)
_KINDS: dict[str, tuple[tuple[type[pl.DataType], ...], str]] = {
    "doc_id": ((pl.String,), "pl.col('doc_id').cast(pl.String)"),
    "text": (_STRINGS, "pl.col('text').cast(pl.String)"),
    "published": ((pl.Date, pl.Datetime, pl.Null), "pl.col('published').str.to_date()"),
    "outlet": ((*_STRINGS, pl.Categorical, pl.Enum), "pl.col('outlet').cast(pl.String)"),
    "site": ((*_STRINGS, pl.Categorical, pl.Enum), "pl.col('site').cast(pl.String)"),
}


class OpenCorpus(NamedTuple):
    """A checked corpus: where its texts are read from, and its per-document columns."""

    source: pl.LazyFrame
    docs: pl.DataFrame  # doc_id, published, outlet, site, title, chrome_share (read_documents)
    name: str  # its file, or "the corpus": what error messages call it


def open_corpus(corpus: pl.DataFrame | pl.LazyFrame | str | Path) -> OpenCorpus:
    """Check a corpus (a frame, a lazy frame or a parquet file) and read its document columns.

    Raises:
        InputError: the file is missing, not parquet, or cannot be read.
        DataError: a column is missing or of the wrong kind, or doc_id repeats.
    """
    source, name = _lazy(corpus)
    try:
        schema = source.collect_schema()
    except _READ_ERRORS as e:
        raise _unreadable(name, e) from None
    _check_columns(schema)
    return OpenCorpus(source, read_documents(source, name), name)


def _lazy(corpus: pl.DataFrame | pl.LazyFrame | str | Path) -> tuple[pl.LazyFrame, str]:
    if isinstance(corpus, pl.DataFrame):
        return corpus.lazy(), "the corpus"
    if isinstance(corpus, pl.LazyFrame):
        return corpus, "the corpus"
    if not isinstance(corpus, (str, Path)):
        raise InputError(
            f"find_duplicates: the corpus is a {type(corpus).__name__}; pass a polars DataFrame "
            "or LazyFrame, or the path of a parquet file written by `toolkit ingest`"
        )
    path = Path(corpus)
    if not path.exists():
        raise InputError("no such corpus file; write one with `toolkit ingest`", path=str(path))
    return pl.scan_parquet(path), str(path)


def _unreadable(name: str, error: Exception) -> InputError:
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    path = None if name == "the corpus" else name
    return InputError(
        f"find_duplicates could not read the corpus ({first}); pass a parquet file written by "
        "`toolkit ingest` (or write it again if it was cut short)",
        path=path,
    )


def _check_columns(schema: pl.Schema) -> None:
    missing = [c for c in ("doc_id", "text") if c not in schema]
    if missing:
        raise DataError(
            f"find_duplicates: the corpus has no {', '.join(missing)} column; "
            "pass a table from toolkit.load_corpus"
        )
    for column, (kinds, fix) in _KINDS.items():
        dtype = schema.get(column)
        if dtype is not None and not isinstance(dtype, kinds):
            raise DataError(
                f"find_duplicates: the {column} column holds {dtype}, not "
                f"{' or '.join(k.__name__ for k in kinds)}; convert it first, e.g. with {fix}"
            )


def read_documents(source: pl.LazyFrame, name: str = "the corpus") -> pl.DataFrame:
    """The small per-document columns (doc_id, published, outlet, site, title, n_words,
    chrome_share), in corpus order; a column the corpus lacks is null. Ids must be unique.

    ``chrome_share`` is the share of a document's raw words that cleaning cut as chrome: the
    corpus's own ``chrome_share`` column where it has one, else found from ``raw_text`` and
    ``text`` (as :func:`toolkit.load_corpus` writes them), else NaN (not known).
    """
    names = source.collect_schema().names()
    wanted = {"published": pl.Date, "outlet": pl.String, "site": pl.String, "title": pl.String,
              "n_words": pl.Int64}  # fmt: skip
    try:
        docs = source.select(
            "doc_id",
            *[
                pl.col(c).cast(t) if c in names else pl.lit(None, dtype=t).alias(c)
                for c, t in wanted.items()
            ],
            chrome_share=_chrome_share(names),
        ).collect(engine="streaming")  # texts are read a slice at a time for the share
    except _READ_ERRORS as e:
        raise _unreadable(name, e) from None
    dupes = docs.filter(pl.col("doc_id").is_duplicated())["doc_id"].unique()
    if dupes.len():
        raise DataError(
            f"find_duplicates: doc_id is not unique ({dupes.len()} ids repeat, e.g. "
            f"{dupes.sort()[0]!r}); load the corpus with toolkit.load_corpus, "
            "which keeps ids unique"
        )
    return docs


def _chrome_share(names: list[str]) -> pl.Expr:
    if "chrome_share" in names:
        return pl.col("chrome_share").cast(pl.Float64).fill_null(float("nan"))
    if "raw_text" not in names:
        return pl.lit(float("nan"), dtype=pl.Float64)
    raw = pl.col("raw_text").str.count_matches(SHINGLE_TOKEN_PATTERN)
    kept = pl.col("text").fill_null("").str.count_matches(SHINGLE_TOKEN_PATTERN)
    share = (1 - kept.cast(pl.Float64) / raw).clip(0, 1)
    return pl.when(raw > 0).then(share).otherwise(float("nan"))


@contextmanager
def small_pages() -> Iterator[None]:
    """numpy's large arrays on ordinary pages while the block runs, then as before.

    numpy asks the kernel for transparent huge pages for every array over 4 MB; duplicate
    detection makes and drops thousands of such arrays a batch at a time, and the kernel
    zeroing a fresh 2 MB page for each was a third of its CPU time (5.1 of 15.3 CPU-s at 10^5
    articles, 2.9 with this). Only speed changes, never a value.
    """
    core = getattr(np, "_core", None) or np.core  # numpy 2, or 1.26
    set_huge = getattr(core.multiarray, "_set_madvise_hugepage", None)
    if set_huge is None:
        yield
        return
    before = set_huge(False)
    try:
        yield
    finally:
        set_huge(before)


class LocalBatches:
    """The corpus texts, read ``chunk_size`` rows at a time and handed to worker threads in parts
    of :data:`_PART` documents. Chunks are kept in memory for a second pass while they total
    under :data:`_KEEP_BYTES`; beyond that they are read again, so memory stays bounded.

    Args:
        source: the corpus (only its ``text`` column is read).
        n_docs: rows in the corpus.
        chunk_size: rows read at a time.
        progress: show a progress bar per pass.
        name: what error messages call the corpus (its file).
    """

    def __init__(
        self,
        source: pl.LazyFrame,
        *,
        n_docs: int,
        chunk_size: int,
        progress: bool = False,
        name: str = "the corpus",
    ):
        self.source, self.n, self.chunk_size = source.select("text"), n_docs, chunk_size
        self.progress, self.name = progress, name
        self.kept: dict[int, pl.Series] = {}
        self.kept_bytes = 0
        self.pool = ThreadPoolExecutor(max(1, min(os.cpu_count() or 1, 8)))

    def __enter__(self) -> LocalBatches:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown()

    def _chunk(self, offset: int) -> pl.Series:
        if offset in self.kept:
            return self.kept[offset]
        try:
            texts = self.source.slice(offset, self.chunk_size).collect()["text"]
        except _READ_ERRORS as e:
            raise _unreadable(self.name, e) from None
        size = texts.estimated_size()
        if self.kept_bytes + size <= _KEEP_BYTES:
            self.kept[offset] = texts
            self.kept_bytes += size
        return texts

    def release(self, covered: Callable[[int, int], bool]) -> None:
        """Drop the kept chunks whose rows ``covered(start, end)`` says are no longer needed."""
        for offset in list(self.kept):
            if covered(offset, min(offset + self.chunk_size, self.n)):
                self.kept_bytes -= self.kept.pop(offset).estimated_size()

    def map(self, fn: Callable[[pl.Series], T], label: str) -> Iterator[tuple[int, T]]:
        """(corpus row of the part's first document, ``fn(texts of the part)``) for every part,
        in corpus order."""
        for offset, size, bar in self._chunks(label):
            texts = self._chunk(offset)
            starts = range(offset, offset + size, _PART)
            parts = [texts.slice(s - offset, _PART) for s in starts]
            yield from zip(starts, self.pool.map(fn, parts), strict=True)
            bar.update(size)

    def map_rows(
        self, fn: Callable[[pl.Series], T], label: str, rows: np.ndarray
    ) -> Iterator[tuple[np.ndarray, T]]:
        """(corpus rows of the part, ``fn(their texts)``) for the documents in ``rows`` (sorted,
        distinct), in parts of at most :data:`_PART`."""
        for offset, size, bar in self._chunks(label):
            wanted = rows[(rows >= offset) & (rows < offset + size)]
            if wanted.size:
                texts = self._chunk(offset).gather(wanted - offset)
                ids = [wanted[i : i + _PART] for i in range(0, wanted.size, _PART)]
                parts = [texts.slice(i, _PART) for i in range(0, wanted.size, _PART)]
                yield from zip(ids, self.pool.map(fn, parts), strict=True)
            bar.update(size)

    def _chunks(self, label: str) -> Iterator[tuple[int, int, tqdm]]:
        bar = tqdm(total=self.n, desc=label, unit="doc", disable=not self.progress, leave=False)
        for offset in range(0, self.n, self.chunk_size):
            yield offset, min(self.chunk_size, self.n - offset), bar
        bar.close()
