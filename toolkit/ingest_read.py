"""The map of a load: files read and decoded into records, a batch of files at a time.

:func:`read_batch` needs nothing but its files, so batches may be read anywhere (here, or as
Dask tasks, :mod:`toolkit.dask_load`); :func:`batches` cuts a list of files into them.

Example:
    >>> from toolkit.sources import find_sources                      # doctest: +SKIP
    >>> docs, skipped = read_batch(find_sources("seeds/").files[:10])  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.column_names import columns_for
from toolkit.readers import read_file, suffix
from toolkit.records import Record, Skip, Table, records_frame
from toolkit.sources import ReportRow, report_frame

__all__ = ["BATCH_BYTES", "BATCH_FILES", "MAX_FILE_MB", "batches", "read_batch"]

MAX_FILE_MB = 200.0  # a larger file is skipped: a load's memory grows with its largest file
# Files read and put through the page steps at a time: a load holds its corpus, what is left of
# the batches read (their lines, until their pages are read) and one batch's working memory.
BATCH_BYTES = 16 << 20
# ...and at most this many files (each batch costs some fixed work: chinadaily-nyt's 4,006 files
# took 2.43 CPU-s in 2,000-file batches, 2.60 in 1,000-file ones; 10^5 pages 1,483 MiB at peak
# either way)
BATCH_FILES = 2000


def batches(
    files: Sequence[tuple[str | Path, str]],
    *,
    max_bytes: int = BATCH_BYTES,
    max_files: int = BATCH_FILES,
) -> Iterator[list[tuple[str | Path, str]]]:
    """Consecutive runs of ``files`` of at most ``max_bytes`` (a larger file is a batch of its
    own) and ``max_files`` each, in order.

    Example:
        >>> files = [("a", "a"), ("b", "b"), ("c", "c")]
        >>> [len(b) for b in batches(files, max_bytes=1 << 20, max_files=2)]
        [2, 1]
    """
    batch: list[tuple[str | Path, str]] = []
    size = 0
    for path, rel in files:
        try:
            nbytes = os.stat(path).st_size
        except OSError:
            nbytes = 0  # read_batch reports the file it cannot read
        if batch and (size + nbytes > max_bytes or len(batch) >= max_files):
            yield batch
            batch, size = [], 0
        batch.append((path, rel))
        size += nbytes
    if batch:
        yield batch


def read_batch(
    files: Sequence[tuple[str | Path, str]],
    *,
    columns: dict[str, str] | None = None,
    max_file_mb: float = MAX_FILE_MB,
    progress: bool = False,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The map of a load: read and decode a batch of files, their records as one frame.

    It needs nothing but the files, so batches may be read anywhere, in any grouping.

    Args:
        files: ``(path, rel)`` pairs, as in :attr:`toolkit.sources.Sources.files` (``rel``
            names the file in the report and the corpus).
        columns, max_file_mb: see :func:`toolkit.load.ingest`.
        progress: show a progress bar.

    Returns:
        The documents found, one row per article, fields as found
        (:data:`toolkit.records.DOCS_SCHEMA`); and the report rows of what was skipped
        (``REPORT_SCHEMA``).

    Example:
        >>> from toolkit.sources import find_sources                  # doctest: +SKIP
        >>> docs, skipped = read_batch(find_sources("seeds/").files[:10])  # doctest: +SKIP
    """
    pages: list[Record] = []
    tables: list[Table] = []
    skips: list[Skip] = []
    for path, rel in tqdm(files, desc="reading", unit="file", disable=not progress):
        too_big = _too_big(path, rel, max_file_mb)
        if too_big is not None:
            skips.append(too_big)
            continue
        options = {"columns": columns_for(columns, rel)}  # one for all, or this source's
        for item in read_file(path, rel, options):
            if isinstance(item, Skip):
                skips.append(item)
            elif isinstance(item, Table):
                tables.append(item)
            else:
                pages.append(item)
    return records_frame(pages, tables), report_frame(ReportRow.skipped(s) for s in skips)


def _too_big(path: str | Path, rel: str, max_file_mb: float) -> Skip | None:
    """The Skip of a file over ``max_file_mb`` (memory grows with the largest file read); a
    WARC is read a record at a time (its pages' texts are kept, not the file)."""
    if suffix(path).lower() in (".warc", ".warc.gz"):
        return None
    try:
        size = os.stat(path).st_size
    except OSError:
        return None  # the reader says why it cannot read it
    if size <= max_file_mb * 1e6:
        return None
    return Skip(
        rel,
        f"file of {size / 1e6:,.0f} MB is over max_file_mb ({max_file_mb:g} MB); split it, "
        "or raise max_file_mb if the machine has memory for it (a page of text takes about 4 "
        "times its size, a table about 3)",
    )
