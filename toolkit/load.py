"""Loading a corpus: files in, one clean typed row per article out, every input accounted for.

Example:
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("seeds/")            # doctest: +SKIP
    >>> corpus.select("outlet", "site", "published", "title").head()  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.chrome_counts import GroupCounts
from toolkit.columns import check_columns
from toolkit.date_order import DateReading
from toolkit.engine import is_local
from toolkit.errors import StrictModeError
from toolkit.load_options import date_reading, outlet_registry
from toolkit.normalize import normalize_texts
from toolkit.outlets import Registry, registry
from toolkit.pages import (
    LEARNED_SCHEMA,
    normalize_fields,
    page_lines,
    page_parts,
    read_marked,
    with_text,
)
from toolkit.provenance import (
    column_dates_of,
    drop_duplicate_ids,
    file_evidence,
    resolved,
    with_dates,
    years_seen,
)
from toolkit.readers import read_file
from toolkit.records import Record, Skip, Table, records_frame
from toolkit.sources import (
    REPORT_SCHEMA,
    Manifest,
    ReportRow,
    find_sources,
    report_frame,
)

__all__ = [
    "CORPUS_SCHEMA",
    "REPORT_SCHEMA",
    "Ingest",
    "batches",
    "finish",
    "finish_batches",
    "ingest",
    "load_corpus",
    "read_batch",
]

log = logging.getLogger("toolkit")

MAX_FILE_MB = 200.0  # a larger file is skipped: a load's memory grows with its largest file
# Files read and put through the page steps at a time: a load holds its corpus, what is left of
# the batches read (their lines, until their pages are read) and one batch's working memory.
BATCH_BYTES = 16 << 20
BATCH_FILES = 1000
# Bytes of lines kept from the first pass over the batches to the second; past it a batch is
# split into lines again (a second pass over its text costs less than holding its lines).
LINES_KEPT = 64 << 20

CORPUS_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String,
    "path": pl.String,
    "record": pl.Int64,
    "outlet": pl.String,
    "outlet_source": pl.String,
    "site": pl.String,
    "url": pl.String,
    "published": pl.Date,
    "published_source": pl.String,
    "date_text": pl.String,
    "title": pl.String,
    "title_source": pl.String,
    "dateline": pl.String,
    "text": pl.String,
    "raw_text": pl.String,
    "lang": pl.String,
    "n_words": pl.Int64,
    "meta": pl.String,
}


@dataclass
class Ingest:
    """The result of :func:`ingest`: the corpus, and the report that accounts for every input."""

    corpus: pl.DataFrame
    report: pl.DataFrame
    learned_chrome: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(schema=LEARNED_SCHEMA)
    )

    @property
    def skipped(self) -> pl.DataFrame:
        return self.report.filter(pl.col("status") == "skipped")

    def summary(self) -> str:
        """A short human-readable account: files, records loaded, skips by reason."""
        files = self.report.select(pl.col("path").n_unique()).item()
        lines = [
            f"{self.corpus.height} articles loaded from {files} files; "
            f"{self.skipped.height} records or files skipped."
        ]
        by_reason = (
            self.skipped.with_columns(pl.col("reason").str.replace(r":.*$", ""))
            .group_by("reason")
            .len()
            .sort("len", descending=True)
        )
        lines += [f"  skipped ({n}): {reason}" for reason, n in by_reason.iter_rows()]
        if self.corpus.height:
            by_outlet = (
                self.corpus.group_by("outlet").len().sort(["len", "outlet"], descending=True)
            )
            lines.append(
                "  outlets: " + ", ".join(f"{o or 'unknown'} {n}" for o, n in by_outlet.iter_rows())
            )
            undated = self.corpus.filter(pl.col("published").is_null()).height
            lines.append(f"  undated: {undated}")
        if self.learned_chrome.height:
            lines.append(f"  chrome lines learned: {self.learned_chrome.height}")
        return "\n".join(lines)


def load_corpus(
    source: str | Path | Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    **options: Any,
) -> pl.DataFrame:
    """Load articles from files and folders into one corpus table.

    Args:
        source: a file, a folder (read recursively) or a list of them. Supported:
            .txt .md .html .htm .csv .tsv .jsonl .ndjson .json .parquet.
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
    learn: bool = True,
    min_chrome_docs: int = 5,
    chrome_share: float = 0.05,
    year_range: tuple[int, int] | None = None,
    outlets: str | Path | None = None,
    outlet_names: dict[str, str] | None = None,
    date_format: str | dict[str, str] | None = None,
    dayfirst: bool | dict[str, bool] | None = None,
    max_file_mb: float = MAX_FILE_MB,
    progress: bool = False,
    engine: Any = None,
) -> Ingest:
    """Load a corpus and account for every input file and record: an :class:`Ingest` with
    ``corpus``, ``report`` and ``learned_chrome``.

    A map over batches of files (:func:`read_batch`), then the steps that need the whole corpus
    (:func:`finish_batches`), which work from what each batch gives (line counts, dated years,
    ids), so memory holds the corpus and one batch at work; another engine may run the map
    elsewhere.

    Args:
        source, manifest: see :func:`load_corpus`.
        strict: raise :class:`StrictModeError` when anything was skipped.
        columns: fields (title, text, date, outlet, url) mapped to your table's columns where
            the usual names do not fit, e.g. ``{"text": "story"}`` (:mod:`toolkit.columns`).
        learn: learn lines repeated across many documents of one site (or folder) as chrome:
            lines in at least ``min_chrome_docs`` documents and ``chrome_share`` of the site's.
        year_range: years a weekday ("on Monday") may place a yearless dateline in; by default
            the years of this load's dated documents, one year either side.
        outlets, outlet_names: a folder of your own outlet tables, and your names for known
            outlets (:func:`toolkit.load_options.outlet_registry`).
        date_format, dayfirst: a strptime format, or whether numeric dates are day first, for
            all sources or per source (:func:`toolkit.load_options.date_reading`); undeclared,
            each file's own values settle the order, else such dates stay null with a note.
        max_file_mb: a file larger than this (in MB) is skipped with the reason.
        progress: show a progress bar while reading files.
        engine: where files are read: None or ``"local"`` (here), or Dask (``"dask"``, a
            scheduler address or a ``distributed.Client``: batches of files as tasks, see
            :mod:`toolkit.dask_load`); the tables are the same.

    Raises:
        InputError: a source, the manifest or the outlet tables cannot be used, or a file
            holds what cannot be read as text (the message names the file).
        StrictModeError: ``strict`` and something was skipped.
    """
    reg = outlet_registry(outlets, outlet_names)
    found = find_sources(source, manifest)
    reading = date_reading(date_format, dayfirst, found)
    if is_local(engine):
        read = _read_locally(
            found.files, columns=columns, max_file_mb=max_file_mb, progress=progress
        )
    else:
        from toolkit.dask_load import read_batches

        # the batches come back as one frame: the page steps run here on it
        read = [read_batches(found.files, engine, columns=columns, max_file_mb=max_file_mb)]
    return finish_batches(
        read,
        found.report,
        manifest=found.manifest,
        reg=reg,
        learn=learn,
        min_chrome_docs=min_chrome_docs,
        chrome_share=chrome_share,
        year_range=year_range,
        strict=strict,
        reading=reading,
    )


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
        columns, max_file_mb: see :func:`ingest`.
        progress: show a progress bar.

    Returns:
        The documents found, one row per article, fields as found
        (:data:`toolkit.records.DOCS_SCHEMA`); and the report rows of what was skipped
        (``REPORT_SCHEMA``).

    Example:
        >>> found = find_sources("seeds/")                              # doctest: +SKIP
        >>> docs, skipped = read_batch(found.files[:10])                # doctest: +SKIP
    """
    options = {"columns": check_columns(columns)}
    pages: list[Record] = []
    tables: list[Table] = []
    skips: list[Skip] = []
    for path, rel in tqdm(files, desc="reading", unit="file", disable=not progress):
        too_big = _too_big(path, rel, max_file_mb)
        if too_big is not None:
            skips.append(too_big)
            continue
        for item in read_file(path, rel, options):
            if isinstance(item, Skip):
                skips.append(item)
            elif isinstance(item, Table):
                tables.append(item)
            else:
                pages.append(item)
    return records_frame(pages, tables), report_frame(ReportRow.skipped(s) for s in skips)


def _too_big(path: str | Path, rel: str, max_file_mb: float) -> Skip | None:
    """The Skip of a file over ``max_file_mb`` (memory grows with the largest file read)."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return None  # the reader says why it cannot read it
    if size <= max_file_mb * 1e6:
        return None
    return Skip(
        rel,
        f"file of {size / 1e6:,.0f} MB is over max_file_mb ({max_file_mb:g} MB); split it, "
        "or raise max_file_mb if the machine has memory for it (a page of text takes about 7 "
        "times its size, a table about 6)",
    )


def finish(
    docs: pl.DataFrame,
    report: pl.DataFrame,
    *,
    manifest: Manifest | None = None,
    reg: Registry | None = None,
    learn: bool = True,
    min_chrome_docs: int = 5,
    chrome_share: float = 0.05,
    year_range: tuple[int, int] | None = None,
    strict: bool = False,
    reading: DateReading | None = None,
    today: dt.date | None = None,
) -> Ingest:
    """The steps of a load that need the whole corpus: chrome learning, page reading, year
    inference, provenance, duplicate ids, and the report. Gives the :class:`Ingest` that
    :func:`ingest` gives for the same files (see :func:`finish_batches`, which takes the
    batches one by one).

    Args:
        docs: the documents of every batch (see :func:`read_batch`), concatenated in the order
            of the files.
        report: the report rows so far: files not read (:attr:`toolkit.sources.Sources.report`)
            and every batch's skips, concatenated.
        manifest: the manifest (:attr:`toolkit.sources.Sources.manifest`); none by default.
        reg: the outlet registry (:mod:`toolkit.load_options`); the bundled one by default.
        learn, min_chrome_docs, chrome_share, year_range, strict: see :func:`ingest`.
        reading: the date formats declared (:func:`toolkit.load_options.date_reading`).
        today: the load's day (today by default): later dates are refused.

    Example:
        >>> found = find_sources("seeds/")                              # doctest: +SKIP
        >>> batches = [read_batch(found.files[:3]), read_batch(found.files[3:])]  # doctest: +SKIP
        >>> result = finish(                                            # doctest: +SKIP
        ...     pl.concat(d for d, _ in batches),
        ...     pl.concat([found.report, *(r for _, r in batches)]),
        ...     manifest=found.manifest)
    """
    return finish_batches(
        [(docs, report.clear())],
        report,
        manifest=manifest,
        reg=reg,
        learn=learn,
        min_chrome_docs=min_chrome_docs,
        chrome_share=chrome_share,
        year_range=year_range,
        strict=strict,
        reading=reading,
        today=today,
    )


def finish_batches(
    read: Iterable[tuple[pl.DataFrame, pl.DataFrame]],
    report: pl.DataFrame,
    *,
    manifest: Manifest | None = None,
    reg: Registry | None = None,
    learn: bool = True,
    min_chrome_docs: int = 5,
    chrome_share: float = 0.05,
    year_range: tuple[int, int] | None = None,
    strict: bool = False,
    reading: DateReading | None = None,
    today: dt.date | None = None,
) -> Ingest:
    """:func:`finish` for batches that come one at a time (``(docs, skipped)`` of
    :func:`read_batch`, in the order of the files): each batch is split into lines as it comes
    and its texts dropped; what needs every batch works from what they give: chrome from
    counts of each group's lines, the years of yearless datelines from the years each batch
    dates, each file's date order from the date fields, duplicates from the ids.

    Args:
        read: the batches read.
        report: the report rows of files not read (:attr:`toolkit.sources.Sources.report`).
        manifest, reg, learn, min_chrome_docs, chrome_share, year_range, strict, reading,
            today: see :func:`finish`.
    """
    reg = reg or registry()
    manifest = manifest or Manifest()
    today = today or dt.date.today()
    counts = GroupCounts(learn=learn)
    try:
        parts, skipped, kept = [], [report], 0
        for batch, skips in read:
            skipped.append(skips)
            slices = _slices(batch)  # a big table's rows a slice at a time
            del batch  # each slice held once: by the step that splits it
            while slices:
                docs, lines = _lines_of_batch(slices.pop(0), manifest, reg, counts)
                kept += lines["line"].str.len_bytes().sum() or 0
                parts.append((docs, lines if kept <= LINES_KEPT else None))
                del docs, lines
        if not parts:  # no files: the tables of an empty batch
            parts.append(_lines_of_batch(records_frame([], []), manifest, reg, counts))
        learned = counts.learned(min_chrome_docs, chrome_share)
        found = []
        for i, (docs, lines) in enumerate(parts):
            parts[i] = None  # a batch's lines go once its pages are read
            if lines is None:  # not kept: split again
                docs, lines = _lines_of_batch(docs, manifest, reg, None, again=True)
            found.append(learned.lines_in(lines))
            docs = read_marked(docs, lines, learned, reg)
            del lines
            counts.add_pages(*page_parts(docs))
            parts[i] = docs
        affixes = counts.affixes(min_chrome_docs, chrome_share)
        del counts
        empty = []
        for i, docs in enumerate(parts):
            parts[i], gone = _without_text(with_text(docs, affixes))
            empty.append(gone)
        dates = column_dates_of(_dates_only(parts), reading=reading, today=today, reg=reg)
        corpus = _resolved_batches(parts, dates, reg, year_range, today)
    except pl.exceptions.ComputeError:
        reg.check_columnar()  # a pattern in an outlet table polars cannot match: name it
        raise
    del parts
    # each batch's learned lines, once, and the title affixes and text edges
    learned = pl.concat([*found, affixes]).unique().sort("group", "kind", "line")
    empty = _pages_first(empty).drop("page")
    result = _assembled(
        corpus, pl.concat(skipped, how="vertical_relaxed"), empty, learned, manifest
    )
    if strict and result.skipped.height:
        raise StrictModeError(
            "strict load: some inputs were skipped (pass strict=False to load the rest)\n"
            + result.summary()
        )
    return result


def _slices(docs: pl.DataFrame) -> list[pl.DataFrame]:
    """A batch's documents in slices of about ``BATCH_BYTES`` of text (a big table's rows go
    through the page steps a slice at a time; nothing that needs a whole file is done on a
    slice)."""
    if docs.height <= 1:
        return [docs]
    size = docs["raw"].str.len_bytes().fill_null(0).cum_sum()
    if size[-1] <= BATCH_BYTES:
        return [docs]
    cuts = (size // BATCH_BYTES).rle().struct.field("len").cum_sum().to_list()
    return [docs[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]


def _lines_of_batch(
    docs: pl.DataFrame,
    manifest: Manifest,
    reg: Registry,
    counts: GroupCounts | None,
    *,
    again: bool = False,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A batch's documents numbered, with their evidence and sites, and its lines (see
    :func:`toolkit.pages.page_lines`), counted for chrome learning; the normalised texts
    dropped once split. ``again``: the same lines of a batch done before (its documents as
    this gave them)."""
    if again:
        docs = docs.with_columns(normalize_texts(docs["raw"]).alias("text_n"))
        return page_lines(docs, reg)
    if docs.height == 1:  # appended as a chunk of its own: the document is not copied
        pad = {"path": _PAD, "page": False, "has_body": False}
        docs = docs.vstack(pl.DataFrame([{c: pad.get(c) for c in docs.columns}], docs.schema))
    docs, lines = page_lines(_numbered(docs, manifest, reg), reg)
    if counts is not None:
        counts.add_lines(docs, lines)
    return docs, lines


# A batch of one document gets a row of nothing (this path), kept until the corpus is
# assembled: polars copies the value of a one-row column about four times over in every
# operation (a 100 MB page: 400 MB each time).
_PAD = ""
_NOT_PAD = pl.col("path") != _PAD


def _dates_only(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """Every batch's date fields and paths, in order (a file's dates settle its order)."""
    return pl.concat([d.select("date_raw", "path") for d in parts])


def _resolved_batches(
    parts: list[pl.DataFrame],
    dates: tuple[pl.Series, pl.Series],
    reg: Registry,
    year_range: tuple[int, int] | None,
    today: dt.date,
) -> pl.DataFrame:
    """Every batch's fields resolved (:func:`toolkit.provenance.resolved`), yearless datelines
    placed in the years of all batches' dates, in the order one batch gives: pages first."""
    column_date, notes = dates
    start = 0
    for i, docs in enumerate(parts):
        end = start + docs.height
        parts[i] = with_dates(docs, column_date[start:end], notes[start:end], today)
        start = end
    if year_range is None:
        seen = [r for r in map(years_seen, parts) if r is not None]
        year_range = (min(r[0] for r in seen), max(r[1] for r in seen)) if seen else None
    keep = [*CORPUS_SCHEMA, "_manifest_key", "_line", "_note", "_encoding", "page"]
    for i, docs in enumerate(parts):
        parts[i] = resolved(docs, reg, year_range, today=today).select(keep)
    return _pages_first(parts).drop("page")


def _pages_first(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """Batches' rows in the order one batch of all files gives them: pages, then table rows."""
    if len(frames) == 1:
        return frames[0]
    page = pl.col("page")
    return pl.concat([f.filter(page) for f in frames] + [f.filter(~page) for f in frames])


def _assembled(
    corpus: pl.DataFrame,
    report: pl.DataFrame,
    empty: pl.DataFrame,
    learned: pl.DataFrame,
    manifest: Manifest,
) -> Ingest:
    """The corpus without duplicate ids, in ``CORPUS_SCHEMA``, and the full report: the rows
    so far, those ``empty`` of text, the duplicate ids, the manifest rows no file matched, and
    a row per loaded article."""
    # Pad rows (one path: "duplicates" of each other) go last: a big one-row corpus is copied
    # by every operation on it.
    corpus, duplicates = drop_duplicate_ids(corpus)
    unmatched = manifest.unmatched(corpus["_manifest_key"])
    report = _full_report([report, duplicates.filter(_NOT_PAD), unmatched, empty], corpus)
    corpus = corpus.select(pl.col(k).cast(v) for k, v in CORPUS_SCHEMA.items())
    return Ingest(corpus.filter(_NOT_PAD), report, learned)


def _numbered(docs: pl.DataFrame, manifest: Manifest, reg: Registry) -> pl.DataFrame:
    """Documents in the order one batch of all files gives (pages first, then table rows),
    numbered ``doc``, with what the manifest and file names say, their fields normalised."""
    if not docs["page"].is_sorted(descending=True):  # batches: pages of later ones last
        docs = docs.sort("page", descending=True, maintain_order=True)
    docs = docs.with_row_index("doc")
    # the evidence put beside the documents, not joined to them (a join copies their texts)
    evidence = docs.select("path").join(
        file_evidence(docs, manifest, reg), on="path", how="left", maintain_order="left"
    )
    return normalize_fields(docs.hstack(evidence.drop("path")), reg)


def _without_text(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Documents with text, and report rows (``REPORT_SCHEMA``, and ``page``) for those left
    without."""
    no_body = ~pl.col("has_body")
    empty = docs.filter((pl.col("text") == "") & _NOT_PAD).select(
        "path",
        "record",
        pl.col("_line").alias("line"),
        pl.lit("skipped").alias("status"),
        pl.when(pl.col("_unread").is_not_null())
        .then(pl.col("_unread"))
        .when(no_body)
        .then(pl.lit("no body text: no text column and an empty title"))
        .when(pl.col("raw").is_null())
        .then(pl.lit("no body text: empty text cell"))
        .when(pl.col("raw").str.strip_chars() == "")
        .then(pl.lit("empty file"))
        .otherwise(pl.lit("no body text after cleaning"))
        .alias("reason"),
        pl.lit(None, pl.String).alias("doc_id"),
        pl.lit(None, pl.String).alias("note"),
        pl.col("_encoding").alias("encoding"),
        "page",
    )
    return docs.filter((pl.col("text") != "") | ~_NOT_PAD), empty


def _full_report(skipped: list[pl.DataFrame], corpus: pl.DataFrame) -> pl.DataFrame:
    """The report rows so far and a ``loaded`` row per article, by path, record and line."""
    loaded = corpus.select(
        "path",
        "record",
        pl.col("_line").alias("line"),
        pl.lit("loaded").alias("status"),
        pl.lit(None, pl.String).alias("reason"),
        "doc_id",
        pl.col("_note").alias("note"),
        pl.col("_encoding").alias("encoding"),
    ).filter(_NOT_PAD)
    return pl.concat([*skipped, loaded], how="vertical_relaxed").sort(
        ["path", "record", "line"], nulls_last=False, maintain_order=True
    )
