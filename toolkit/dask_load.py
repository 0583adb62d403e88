"""A load on Dask distributed: the per-batch passes of :mod:`toolkit.ingest_passes` as tasks,
one per batch of files, and the steps that need every batch as reductions of what the tasks
return, which is small: no text comes back to the client until the corpus is assembled.

The rounds, each a task per batch that writes its frames to a parquet file in a scratch folder
and returns only the path and its small result, so a worker holds one batch at a time (its memory
is bounded by the batch size, not by its share of the corpus); the next round reads the file:

1. the batch's files read and decoded (:func:`toolkit.ingest_read.read_batch`), numbered and
   split into lines; back: its documents' ``(group, key)`` pairs. A document copied in several
   batches is owned by the first of them (the order of the files), as one pass would count it.
2. the lines counted (:class:`toolkit.chrome_counts.GroupCounts`, with the pairs owned by
   earlier batches as seen); back: the counts, merged here into the chrome learned.
3. the pages read with what was learned; back: the learned lines found and what title and edge
   learning needs (titles, edge segments), merged here into the affixes learned.
4. the texts cut and the date fields read (a file's order settled within its batch, which never
   splits a file); back: the years dated, reduced here to the years of yearless datelines.
5. the fields resolved; the batches' rows gathered once, and the corpus and report assembled
   here (duplicate ids, the manifest rows no file matched) as the local engine does.

The tables are the local engine's (``tests/test_engine.py``). The files, and the scratch folder
(``scratch``, or :data:`SCRATCH_DIR`, or the system's temporary folder), must be where every
worker can read and write them (a shared filesystem); the scratch folder is removed at the end,
and each round's files once the next round has read them.

Example:
    >>> from toolkit.sources import find_sources                      # doctest: +SKIP
    >>> result = ingest_on_dask(find_sources("seeds/"), "dask")       # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.chrome_counts import GroupCounts, Learned
from toolkit.date_order import DateReading
from toolkit.engine import client_for
from toolkit.ingest_passes import (
    completed,
    dated_batches,
    finish_batches,
    lines_of_batch,
    pages_of_batch,
    resolved_batches,
    slices,
    texts_of_batches,
    years_between,
)
from toolkit.ingest_read import MAX_FILE_MB, batches, read_batch
from toolkit.ingest_result import NOT_PAD, Ingest
from toolkit.load_options import LoadOptions
from toolkit.outlets import Registry
from toolkit.sources import Manifest, Sources

__all__ = ["batches", "ingest_on_dask"]

BATCH_BYTES = 64 << 20  # file bytes per task: a worker's memory is a few times this
BATCH_FILES = 2000  # and at most this many files per task, so small files still spread
SLICE_BYTES = 16 << 20  # text bytes of a batch put through the page steps at a time
SCRATCH_DIR: str | None = None  # where the scratch folder is made; None: the system's temp folder

# A batch between rounds: its slices' documents and lines, as parquet files in the scratch folder.
_Batch = list[tuple[str, str]]


def ingest_on_dask(
    found: Sources,
    engine: Any,
    options: LoadOptions | None = None,
    *,
    columns: dict[str, str] | None = None,
    max_file_mb: float = MAX_FILE_MB,
    scratch: str | Path | None = None,
) -> Ingest:
    """The :class:`toolkit.ingest_result.Ingest` of ``found`` (:func:`toolkit.sources.find_sources`)
    loaded on a Dask engine, as :func:`toolkit.load.ingest` loads it here.

    Args:
        found: the sources.
        engine: ``"dask"``, a scheduler address or a ``distributed.Client``
            (:func:`toolkit.engine.client_for`).
        options: what the load is told (:class:`toolkit.load_options.LoadOptions`); its
            defaults when None.
        columns, max_file_mb: see :func:`toolkit.load.ingest`.
        scratch: the folder in which the batches' parquet files are written between rounds (in a
            new folder, removed at the end); it must be shared by the workers. None:
            :data:`SCRATCH_DIR`, or the system's temporary folder.
    """
    options = options or LoadOptions()
    reg, today, learn = options.reg, options.today, options.learn
    manifest = found.manifest or Manifest()
    parts = list(batches(found.files, max_bytes=BATCH_BYTES, max_files=BATCH_FILES))
    if not parts:  # no files: the tables of an empty batch
        return finish_batches([], found.report, manifest=manifest, options=options)
    root = Path(tempfile.mkdtemp(prefix="toolkit-dask-", dir=scratch or SCRATCH_DIR))
    try:
        with client_for(engine) as client:
            reg_f, manifest_f = client.scatter([reg, manifest], broadcast=True, hash=False)
            read = [
                client.submit(
                    _split,
                    files,
                    manifest_f,
                    reg_f,
                    columns=columns,
                    max_file_mb=max_file_mb,
                    slice_bytes=SLICE_BYTES,
                    out=str(root / "1" / str(i)),
                )
                for i, files in enumerate(parts)
            ]
            # every task returns paths and small results: gathered whole (a task's own error
            # is raised here as itself, not as a dependant's cancellation)
            split, skips = _unzip(client.gather(read))
            del read
            # 1-2. the documents owned, the lines counted: the chrome learned
            pairs = client.gather([client.submit(_pairs, b) for b in split])
            counts = client.gather(
                [
                    client.submit(_counted, b, seen, learn=learn)
                    for b, seen in zip(split, _owned_before(pairs), strict=True)
                ]
            )
            learned = GroupCounts.merged(counts, learn=learn).learned(
                options.min_chrome_docs, options.chrome_share
            )
            del pairs, counts
            # 3. the pages read: the title affixes and text edges learned
            learned_f = client.scatter(learned, broadcast=True, hash=False)
            read = [
                client.submit(
                    _pages, b, learned_f, reg_f, learn=learn, out=str(root / "3" / str(i))
                )
                for i, b in enumerate(split)
            ]
            del split
            pages, page_counts = _unzip(client.gather(read))
            del read
            shutil.rmtree(root / "1")
            found_lines = [f for f, _ in page_counts]
            total = GroupCounts.merged([c for _, c in page_counts], learn=learn)
            affixes = total.affixes(options.min_chrome_docs, options.chrome_share)
            del page_counts, total
            # 4. the texts cut and the dates read: the years of yearless datelines
            affixes_f = client.scatter(affixes, broadcast=True, hash=False)
            dated = [
                client.submit(
                    _dated,
                    p,
                    affixes_f,
                    reg_f,
                    reading=options.reading,
                    today=today,
                    out=str(root / "4" / str(i)),
                )
                for i, p in enumerate(pages)
            ]
            del pages
            ready, small = _unzip(client.gather(dated))
            del dated
            shutil.rmtree(root / "3")
            empty = [e for gone, _ in small for e in gone]
            year_range = options.year_range or years_between(years for _, years in small)
            # 5. the fields resolved, the rows gathered once
            rows = [client.submit(_resolved, d, reg_f, year_range, today) for d in ready]
            del ready
            for i, future in enumerate(rows):  # one at a time: one batch in transit here
                rows[i] = future.result()
                del future
    except pl.exceptions.ComputeError:
        reg.check_columnar()  # a pattern in an outlet table polars cannot match: name it
        raise
    finally:
        shutil.rmtree(root, ignore_errors=True)
    # pages of every batch, then table rows, as one batch gives them; not copied here
    corpus = pl.concat([pages for pages, _ in rows] + [table for _, table in rows])
    del rows
    skipped = [found.report, *skips]
    return completed(
        corpus, skipped, empty, [*found_lines, affixes], manifest, strict=options.strict
    )


def _unzip(results: list[tuple]) -> tuple[list, list]:
    """The first and the second items of every task's result."""
    return [r[0] for r in results], [r[1] for r in results]


def _put(frame: pl.DataFrame, out: str, name: str) -> str:
    """``frame`` written to ``out/name.parquet``; its path."""
    path = Path(out) / f"{name}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(path, compression="lz4", statistics=False)
    return str(path)


def _get(path: str) -> pl.DataFrame:
    """A frame :func:`_put` wrote."""
    return pl.read_parquet(path)


def _split(
    files: list,
    manifest: Manifest,
    reg: Registry,
    *,
    columns: Any,
    max_file_mb: float,
    slice_bytes: int,
    out: str,
) -> tuple[_Batch, pl.DataFrame]:
    """Round 1: a batch of files read, its slices numbered and split into lines (written to
    ``out``)."""
    docs, skipped = read_batch(files, columns=columns, max_file_mb=max_file_mb)
    todo = slices(docs, slice_bytes)
    del docs
    done = []
    while todo:
        docs, lines = lines_of_batch(todo.pop(0), manifest, reg, None)
        n = len(done)
        done.append((_put(docs, out, f"{n}-docs"), _put(lines, out, f"{n}-lines")))
        del docs, lines
    return done, skipped


def _pairs(batch: _Batch) -> pl.DataFrame:
    """A batch's documents as counted, once each, in order (``g, key``)."""
    docs = [pl.read_parquet(d, columns=["group", "_key"]) for d, _ in batch]
    return GroupCounts.doc_pairs(pl.concat(docs))


def _owned_before(pairs: list[pl.DataFrame]) -> list[pl.DataFrame]:
    """For each batch, those of its documents that an earlier batch holds (and counts)."""
    first = (
        pl.concat([p.with_columns(pl.lit(i).alias("b")) for i, p in enumerate(pairs)])
        .group_by("g", "key")
        .agg(pl.col("b").min().alias("owner"))
    )
    return [
        p.join(first, on=["g", "key"]).filter(pl.col("owner") < i).select("g", "key")
        for i, p in enumerate(pairs)
    ]


def _counted(batch: _Batch, seen: pl.DataFrame, *, learn: bool) -> GroupCounts:
    """Round 2: a batch's lines counted, the documents ``seen`` in earlier batches left out."""
    counts = GroupCounts(learn=learn, seen=seen)
    for docs, lines in batch:
        counts.add_lines(_get(docs), _get(lines))
    return counts


def _pages(
    batch: _Batch, learned: Learned, reg: Registry, *, learn: bool, out: str
) -> tuple[list[str], tuple[pl.DataFrame, GroupCounts]]:
    """Round 3: a batch's pages read (written to ``out``); the learned lines found, and its
    titles and edges."""
    counts = GroupCounts(learn=learn)
    pages, found = [], []
    for n, (docs, lines) in enumerate(batch):
        page, seen = pages_of_batch([_get(docs), _get(lines)], learned, reg, counts)
        pages.append(_put(page, out, str(n)))
        found.append(seen)
        del page
    return pages, (pl.concat(found), counts)


def _dated(
    paths: list[str],
    affixes: pl.DataFrame,
    reg: Registry,
    *,
    reading: DateReading | None,
    today: dt.date,
    out: str,
) -> tuple[list[str], tuple[list[pl.DataFrame], tuple[int, int] | None]]:
    """Round 4: a batch's texts cut and dates read (written to ``out``); its empty documents
    and years dated."""
    pages = [_get(p) for p in paths]
    empty = texts_of_batches(pages, affixes)
    years = dated_batches(pages, reading=reading, today=today, reg=reg)
    return [_put(page, out, str(n)) for n, page in enumerate(pages)], (empty, years)


def _resolved(
    paths: list[str], reg: Registry, year_range: tuple[int, int] | None, today: dt.date
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Round 5: a batch's fields resolved; its pages and its table rows, less the pad rows
    (which no table shows), so the client puts them in order without copying them."""
    pages = [_get(p) for p in paths]
    resolved_batches(pages, reg, year_range, today)
    rows = pl.concat(pages).filter(NOT_PAD)
    page = pl.col("page")
    return rows.filter(page).drop("page"), rows.filter(~page).drop("page")
