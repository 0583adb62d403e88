"""Loading a corpus: files in, one clean typed row per article out, every input accounted for.

Example:
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("seeds/")            # doctest: +SKIP
    >>> corpus.select("outlet", "site", "published", "title").head()  # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.column_names import check_columns_by_source
from toolkit.engine import is_local
from toolkit.ingest_passes import LINES_KEPT, finish, finish_batches
from toolkit.ingest_read import BATCH_BYTES, BATCH_FILES, MAX_FILE_MB, batches, read_batch
from toolkit.ingest_result import CORPUS_SCHEMA, Ingest
from toolkit.load_options import LoadOptions, date_reading, outlet_registry, source_names
from toolkit.saved_corpus import read_saved, split_saved, with_saved
from toolkit.sources import REPORT_SCHEMA, find_sources

# the steps of a load live in ingest_read (the map), ingest_passes (the global steps) and
# ingest_result (the tables); their public names are here too
__all__ = [
    "CORPUS_SCHEMA",
    "REPORT_SCHEMA",
    "Ingest",
    "LoadOptions",
    "batches",
    "finish",
    "finish_batches",
    "ingest",
    "load_corpus",
    "read_batch",
]

log = logging.getLogger("toolkit")


def load_corpus(
    source: str | Path | Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    **options: Any,
) -> pl.DataFrame:
    """Load articles from files and folders into one corpus table.

    Args:
        source: a file, a folder (read recursively) or a list of them. Supported:
            .txt .md .html .htm .csv .tsv .jsonl .ndjson .json .parquet, and a Nexis Uni
            export in .docx.
        manifest: a CSV of what a researcher knows that the text does not say (columns
            ``file, outlet, site, published, title, url, note``). A ``manifest.csv`` at the top
            of a source folder is used when none is given.
        **options: see :func:`ingest`.

    Returns:
        One row per article; the columns are documented in ``CORPUS_SCHEMA`` and the README.
        Skipped inputs are logged; use :func:`ingest` for the full load report.
    """
    result = ingest(source, manifest=manifest, **options)
    if result.skipped.height:
        log.warning("%s", result.summary())
    return result.corpus


def ingest(
    source: str | Path | Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    strict: bool = False,
    columns: dict[str, str] | None = None,
    learn: bool = LoadOptions.learn,
    min_chrome_docs: int = LoadOptions.min_chrome_docs,
    chrome_share: float = LoadOptions.chrome_share,
    year_range: tuple[int, int] | None = None,
    outlets: str | Path | None = None,
    outlet_names: dict[str, str] | None = None,
    date_format: str | dict[str, str] | None = None,
    dayfirst: bool | dict[str, bool] | None = None,
    timezone: str | dict[str, str] | None = None,
    max_file_mb: float = MAX_FILE_MB,
    progress: bool = False,
    engine: Any = None,
) -> Ingest:
    """Load a corpus and account for every input file and record: an :class:`Ingest` with
    ``corpus``, ``report`` and ``learned_chrome``.

    A map over batches of files (:func:`toolkit.ingest_read.read_batch`), then the steps that
    need the whole corpus (:func:`toolkit.ingest_passes.finish_batches`), which work from what
    each batch gives (line counts, dated years, ids), so memory holds the corpus and one batch
    at work; the Dask engine runs both as tasks per batch (:mod:`toolkit.dask_load`).

    Args:
        source, manifest: see :func:`load_corpus`.
        strict: raise :class:`StrictModeError` when anything was skipped.
        columns: fields (title, text, date, outlet, site, url) mapped to your table's columns where
            the usual names do not fit, e.g. ``{"text": "story"}`` (:mod:`toolkit.columns`), for
            every source, or per source as the report names it (``{"en": {"text": "s"}}``: a
            source without one reads its usual names).
        learn: learn lines repeated across many documents of one site (or folder) as chrome:
            lines in at least ``min_chrome_docs`` documents and ``chrome_share`` of the site's.
        year_range: years a weekday ("on Monday") may place a yearless dateline in; by default
            the years of this load's dated documents, one year either side.
        outlets, outlet_names: a folder of your own outlet tables, and your names for known
            outlets (:func:`toolkit.load_options.outlet_registry`).
        date_format, dayfirst: a strptime format, or whether numeric dates are day first, for
            all sources or per source (:func:`toolkit.load_options.date_reading`); undeclared,
            each file's own values settle the order, else such dates stay null with a note.
        timezone: the time zone (IANA: "Europe/Moscow") timestamps with an offset and Unix
            times are placed in before their day is taken, for all sources or per source;
            undeclared, a timestamp is placed on the day it writes (a UTC post of 21:05 is that
            day, though past midnight in Moscow).
        max_file_mb: a file larger than this (in MB) is skipped with the reason.
        progress: show a progress bar while reading files.
        engine: where the load runs: None or ``"local"`` (here), or Dask (``"dask"``, a
            scheduler address or a ``distributed.Client``: every pass over a batch of files a
            task, the steps that need every batch reductions of what the tasks return, see
            :mod:`toolkit.dask_load`); the tables are the same.

    Raises:
        InputError: a source, the manifest or the outlet tables cannot be used, or a file
            holds what cannot be read as text (the message names the file).
        StrictModeError: ``strict`` and something was skipped.
    """
    reg = outlet_registry(outlets, outlet_names)
    saved_files, found = split_saved(find_sources(source, manifest))
    check_columns_by_source(columns, source_names(found))
    saved = read_saved(saved_files, reg)  # read as saved, not loaded again (saved_corpus)
    if saved_files and not found.files:
        return with_saved(Ingest(pl.DataFrame(schema=CORPUS_SCHEMA), found.report), saved)
    reading = date_reading(date_format, dayfirst, found, timezone)
    options = LoadOptions(
        reg=reg,
        learn=learn,
        min_chrome_docs=min_chrome_docs,
        chrome_share=chrome_share,
        year_range=year_range,
        strict=strict,
        reading=reading,
    )
    if not is_local(engine):
        from toolkit.dask_load import ingest_on_dask

        loaded = ingest_on_dask(found, engine, options, columns=columns, max_file_mb=max_file_mb)
        return with_saved(loaded, saved)
    read = _read_locally(found.files, columns=columns, max_file_mb=max_file_mb, progress=progress)
    loaded = finish_batches(
        read,
        found.report,
        manifest=found.manifest,
        options=options,
        slice_bytes=BATCH_BYTES,
        lines_kept=LINES_KEPT,
    )
    return with_saved(loaded, saved)


def _read_locally(
    files: Sequence[tuple[str | Path, str]],
    *,
    columns: dict[str, str] | None,
    max_file_mb: float,
    progress: bool,
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """:func:`read_batch` over batches of ``files``, one batch read at a time."""
    with tqdm(total=len(files), desc="reading", unit="file", disable=not progress) as bar:
        for part in batches(files, max_bytes=BATCH_BYTES, max_files=BATCH_FILES):
            yield read_batch(part, columns=columns, max_file_mb=max_file_mb)
            bar.update(len(part))
