"""The map of a load on Dask distributed: files read, decoded and turned into records as tasks,
one per batch of files, so a worker holds one batch at a time.

:func:`toolkit.load.read_batch` runs on the workers; what the batches give comes back in file
order and :func:`toolkit.load.finish_batches` runs the global steps here as they come, giving
the same tables as the local engine. The files must be where every worker can read them (a
shared filesystem).

Example:
    >>> from toolkit.sources import find_sources                      # doctest: +SKIP
    >>> found = find_sources("seeds/")                                 # doctest: +SKIP
    >>> docs, skipped = read_batches(found.files, "dask")              # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.engine import client_for
from toolkit.load import batches, read_batch

__all__ = ["batches", "read_batches", "read_batches_in_order"]

BATCH_BYTES = 64 << 20  # file bytes per task: a worker's memory is a few times this
BATCH_FILES = 2000  # and at most this many files per task, so small files still spread


def read_batches(
    files: Sequence[tuple[str | Path, str]],
    engine: Any,
    *,
    columns: dict[str, str] | None = None,
    max_file_mb: float | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """:func:`toolkit.load.read_batch` over batches of ``files`` on a Dask engine: the
    documents and the skipped rows of all batches, in file order, as one batch of them all
    would give them.

    Args:
        files: ``(path, rel)`` pairs, as in :attr:`toolkit.sources.Sources.files`.
        engine: ``"dask"``, a scheduler address or a ``distributed.Client``
            (:func:`toolkit.engine.client_for`).
        columns, max_file_mb: see :func:`toolkit.load.ingest`.
    """
    parts = list(batches(files, max_bytes=BATCH_BYTES, max_files=BATCH_FILES))
    with client_for(engine) as client:
        futures = [
            client.submit(read_batch, part, columns=columns, max_file_mb=max_file_mb)
            for part in parts
        ]
        results = client.gather(futures)
    if not results:
        return read_batch([], columns=columns, max_file_mb=max_file_mb)
    return (
        pl.concat([docs for docs, _ in results], how="vertical_relaxed"),
        pl.concat([skipped for _, skipped in results], how="vertical_relaxed"),
    )


def read_batches_in_order(
    files: Sequence[tuple[str | Path, str]],
    engine: Any,
    *,
    columns: dict[str, str] | None = None,
    max_file_mb: float | None = None,
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """:func:`read_batches` one batch at a time, in file order, each as it is done (for
    :func:`toolkit.load.finish_batches`): here a batch is held until it has been split into
    lines, never all of them."""
    parts = list(batches(files, max_bytes=BATCH_BYTES, max_files=BATCH_FILES))
    if not parts:
        yield read_batch([], columns=columns, max_file_mb=max_file_mb)
        return
    with client_for(engine) as client:
        futures = [
            client.submit(read_batch, part, columns=columns, max_file_mb=max_file_mb)
            for part in parts
        ]
        for i, future in enumerate(futures):
            yield future.result()
            futures[i] = None  # released on the workers once read here
