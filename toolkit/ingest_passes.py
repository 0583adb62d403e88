"""The steps of a load that need the whole corpus, run over its batches in passes: lines
counted per batch (:class:`toolkit.chrome_counts.GroupCounts`), each batch's pages read with
what was learned, then the years, provenance and duplicate ids of all batches; every step
works from what each batch gives, so memory holds the corpus and one batch at work.

Example:
    >>> from toolkit.ingest_read import read_batch                    # doctest: +SKIP
    >>> from toolkit.sources import find_sources                      # doctest: +SKIP
    >>> found = find_sources("seeds/")                                 # doctest: +SKIP
    >>> read = [read_batch(found.files[:3]), read_batch(found.files[3:])]  # doctest: +SKIP
    >>> result = finish_batches(read, found.report, manifest=found.manifest)  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import polars as pl

from toolkit.chrome_counts import GroupCounts, Learned
from toolkit.date_order import DateReading
from toolkit.errors import StrictModeError
from toolkit.ingest_read import BATCH_BYTES
from toolkit.ingest_result import CORPUS_SCHEMA, PAD, Ingest, assembled, pages_first, without_text
from toolkit.load_options import LoadOptions
from toolkit.normalize import normalize_texts
from toolkit.outlets import Registry
from toolkit.pages import normalize_fields, page_lines, page_parts, read_marked, with_text
from toolkit.provenance import column_dates_of, file_evidence, resolved, with_dates, years_seen
from toolkit.records import records_frame
from toolkit.sources import Manifest

__all__ = [
    "RESOLVED_COLUMNS",
    "completed",
    "dated_batches",
    "each_batch",
    "finish",
    "finish_batches",
    "lines_of_batch",
    "numbered",
    "pages_of_batch",
    "pages_of_batches",
    "read_batch_pages",
    "resolved_batches",
    "slices",
    "texts_of_batches",
    "years_between",
]

# Bytes of lines kept from the first pass over the batches to the second; past it a batch is
# split into lines again (a second pass over its text costs less than holding its lines); the
# last batch's are kept whatever their size.
LINES_KEPT = 64 << 20
# Batches worked on at once by the steps that take each batch alone (:func:`each_batch`)
BATCH_THREADS = min(2, os.cpu_count() or 1)
T = TypeVar("T")
R = TypeVar("R")
# What the assembly of the corpus and report needs of each batch's resolved rows
RESOLVED_COLUMNS = [*CORPUS_SCHEMA, "_manifest_key", "_line", "_note", "_encoding", "page"]


def finish(
    docs: pl.DataFrame,
    report: pl.DataFrame,
    *,
    manifest: Manifest | None = None,
    options: LoadOptions | None = None,
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
        options: what the load is told (:class:`toolkit.load_options.LoadOptions`); its
            defaults when None.

    Example:
        >>> found = find_sources("seeds/")                              # doctest: +SKIP
        >>> batches = [read_batch(found.files[:3]), read_batch(found.files[3:])]  # doctest: +SKIP
        >>> result = finish(                                            # doctest: +SKIP
        ...     pl.concat(d for d, _ in batches),
        ...     pl.concat([found.report, *(r for _, r in batches)]),
        ...     manifest=found.manifest)
    """
    return finish_batches([(docs, report.clear())], report, manifest=manifest, options=options)


def finish_batches(
    read: Iterable[tuple[pl.DataFrame, pl.DataFrame]],
    report: pl.DataFrame,
    *,
    manifest: Manifest | None = None,
    options: LoadOptions | None = None,
    slice_bytes: int = BATCH_BYTES,
    lines_kept: int = LINES_KEPT,
) -> Ingest:
    """:func:`finish` for batches that come one at a time (``(docs, skipped)`` of
    :func:`read_batch`, in the order of the files): each batch is split into lines as it comes
    and its texts dropped; what needs every batch works from what they give: chrome from
    counts of each group's lines, the years of yearless datelines from the years each batch
    dates, each file's date order from the date fields, duplicates from the ids.

    Args:
        read: the batches read.
        report: the report rows of files not read (:attr:`toolkit.sources.Sources.report`).
        manifest, options: see :func:`finish`.
        slice_bytes: a batch's documents go through the page steps in slices of about this
            many bytes of text (:func:`slices`).
        lines_kept: bytes of lines kept from the first pass to the second; past it a batch
            is split into lines again (not the last: its lines are kept whatever their size).
    """
    options = options or LoadOptions()
    reg, today = options.reg, options.today
    manifest = manifest or Manifest()
    counts = GroupCounts(learn=options.learn)
    try:
        skipped = [report]
        pieces = _pieces(read, skipped, slice_bytes)
        parts = first_pass(pieces, manifest, reg, counts, lines_kept=lines_kept)
        if not parts:  # no files: the tables of an empty batch
            parts.append(lines_of_batch(records_frame([], []), manifest, reg, counts))
        learned = counts.learned(options.min_chrome_docs, options.chrome_share)

        found = pages_of_batches(parts, learned, reg, counts, manifest)
        affixes = counts.affixes(options.min_chrome_docs, options.chrome_share)
        del counts
        empty = texts_of_batches(parts, affixes)
        seen = dated_batches(parts, reading=options.reading, today=today, reg=reg)
        resolved_batches(parts, reg, options.year_range or seen, today)
        corpus = pages_first(parts).drop("page")
    except pl.exceptions.ComputeError:
        reg.check_columnar()  # a pattern in an outlet table polars cannot match: name it
        raise
    del parts
    return completed(corpus, skipped, empty, [*found, affixes], manifest, strict=options.strict)


def _pieces(
    read: Iterable[tuple[pl.DataFrame, pl.DataFrame]], skipped: list[pl.DataFrame], size: int
) -> Iterator[pl.DataFrame]:
    """The batches read, a big table's rows a slice at a time (:func:`slices`), their report
    rows added to ``skipped``."""
    for batch, skips in read:
        skipped.append(skips)
        todo = slices(batch, size)
        del batch  # each slice held once: by the step that splits it
        while todo:
            yield todo.pop(0)


def first_pass(
    pieces: Iterable[pl.DataFrame],
    manifest: Manifest,
    reg: Registry,
    counts: GroupCounts,
    *,
    lines_kept: int,
) -> list[tuple[pl.DataFrame, pl.DataFrame | None]]:
    """Each piece's documents and lines (:func:`lines_of_batch`), counted for chrome in the
    files' order: two pieces at once where the machine has the cores (their queries release
    Python's lock; the next batch is read meanwhile), so at most two pieces' lines are made at
    a time. The last piece's lines are kept whatever their size (a giant page split again held
    its text normalised beside its lines), the others' within ``lines_kept`` bytes: a piece's
    go (None) when the next one comes, if past it."""
    parts: list[tuple[pl.DataFrame, pl.DataFrame | None]] = []
    kept = 0
    with ThreadPoolExecutor(BATCH_THREADS) as pool:
        pending: deque[Future] = deque()
        for piece in pieces:
            pending.append(pool.submit(lines_of_batch, piece, manifest, reg, None))
            del piece
            while len(pending) >= BATCH_THREADS or (pending and pending[0].done()):
                kept = _counted(pending.popleft().result(), parts, counts, kept, lines_kept)
        while pending:
            kept = _counted(pending.popleft().result(), parts, counts, kept, lines_kept)
    return parts


def _counted(
    piece: tuple[pl.DataFrame, pl.DataFrame],
    parts: list[tuple[pl.DataFrame, pl.DataFrame | None]],
    counts: GroupCounts,
    kept: int,
    lines_kept: int,
) -> int:
    """A piece's lines counted and put after ``parts`` (the one before it less its lines where
    ``kept``, the bytes of lines kept so far, is past ``lines_kept``); the bytes kept now."""
    docs, lines = piece
    counts.add_lines(docs.select("doc", "group", "_key"), lines)
    if parts and kept > lines_kept:
        parts[-1] = (parts[-1][0], None)
    parts.append((docs, lines))
    return kept + (lines["line"].str.len_bytes().sum() or 0)


def pages_of_batches(
    parts: list,
    learned: Learned,
    reg: Registry,
    counts: GroupCounts,
    manifest: Manifest,
) -> list[pl.DataFrame]:
    """Every batch's pages read, in place (``parts``: each batch's ``(docs, lines)``, lines
    None where they were not kept), what title and edge learning needs added to ``counts``
    in the batches' order; each batch's learned lines found."""

    def read(i: int) -> tuple[pl.DataFrame, pl.DataFrame, tuple[pl.DataFrame, pl.DataFrame]]:
        batch = list(parts[i])  # handed over: a batch's lines go once its pages are read
        parts[i] = None
        if batch[1] is None:  # not kept: split again
            batch = list(lines_of_batch(batch[0], manifest, reg, None, again=True))
        return read_batch_pages(batch, learned, reg)

    found = []
    for i, (docs, seen, learnt) in enumerate(each_batch(read, range(len(parts)))):
        counts.add_pages(*learnt)  # in the batches' order, as one at a time adds them
        parts[i] = docs
        found.append(seen)
    return found


def pages_of_batch(
    batch: list[pl.DataFrame],
    learned: Learned,
    reg: Registry,
    counts: GroupCounts,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A batch's pages read with the lines ``learned`` from every batch
    (:func:`toolkit.pages.read_marked`), what title and edge learning needs of them added to
    ``counts``; and the learned lines found in it (``LEARNED_SCHEMA``).

    ``batch`` is ``[docs, lines]`` handed over: emptied, so that the lines (a big page's are
    as big as it) go once read into the pages."""
    docs, found, learnt = read_batch_pages(batch, learned, reg)
    counts.add_pages(*learnt)
    return docs, found


def read_batch_pages(
    batch: list[pl.DataFrame], learned: Learned, reg: Registry
) -> tuple[pl.DataFrame, pl.DataFrame, tuple[pl.DataFrame, pl.DataFrame]]:
    """:func:`pages_of_batch` but for the counts: the pages, the learned lines found, and
    what title and edge learning needs of the pages (:func:`toolkit.pages.page_parts`, for
    :meth:`GroupCounts.add_pages`), so that batches read at once add them in order."""
    docs, lines = batch
    batch.clear()
    found = learned.lines_in(lines)
    held = [lines]
    del lines
    docs = read_marked(docs, held, learned, reg)
    return docs, found, page_parts(docs)


def texts_of_batches(parts: list[pl.DataFrame], affixes: pl.DataFrame) -> list[pl.DataFrame]:
    """Batches' pages, in place, less the title affixes and text edges learned and the
    documents left without text; the report rows of those (see :func:`without_text`)."""
    done = each_batch(lambda docs: without_text(with_text(docs, affixes)), parts)
    parts[:] = [docs for docs, _ in done]
    return [gone for _, gone in done]


def dated_batches(
    parts: list[pl.DataFrame],
    *,
    reading: DateReading | None,
    today: dt.date,
    reg: Registry,
) -> tuple[int, int] | None:
    """Batches' date fields read, in place (:func:`toolkit.provenance.with_dates`; a file's
    order is settled from its own values, so batches, which never split a file, may be dated
    apart); the years their dates give (:func:`toolkit.provenance.years_seen`), or None."""
    dates = pl.concat([d.select("date_raw", "path") for d in parts])
    column_date, notes = column_dates_of(dates, reading=reading, today=today, reg=reg)
    start = 0
    for i, docs in enumerate(parts):
        end = start + docs.height
        parts[i] = with_dates(docs, column_date[start:end], notes[start:end], today)
        start = end
    return years_between(map(years_seen, parts))


def years_between(found: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    """The years that take in every one of ``found`` (None: nothing dated)."""
    seen = [r for r in found if r is not None]
    return (min(r[0] for r in seen), max(r[1] for r in seen)) if seen else None


def resolved_batches(
    parts: list[pl.DataFrame],
    reg: Registry,
    year_range: tuple[int, int] | None,
    today: dt.date,
) -> None:
    """Batches' fields resolved, in place (:func:`toolkit.provenance.resolved`), yearless
    datelines placed in ``year_range``: each batch's ``RESOLVED_COLUMNS``."""
    parts[:] = each_batch(
        lambda docs: resolved(docs, reg, year_range, today=today).select(RESOLVED_COLUMNS), parts
    )


def each_batch(step: Callable[[T], R], batches: Iterable[T]) -> list[R]:
    """``step`` of each batch, in order; two batches at once where there are several and the
    machine has the cores (``BATCH_THREADS``): a batch's queries release Python's lock, so
    one batch's Python steps (reading each page) and queries run beside another's queries,
    which on a batch of a few megabytes keep one core busy, not all."""
    batches = list(batches)
    if len(batches) < 2 or BATCH_THREADS < 2:
        return [step(b) for b in batches]
    with ThreadPoolExecutor(min(BATCH_THREADS, len(batches))) as pool:
        return list(pool.map(step, batches))


def completed(
    corpus: pl.DataFrame,
    skipped: list[pl.DataFrame],
    empty: list[pl.DataFrame],
    found: list[pl.DataFrame],
    manifest: Manifest,
    *,
    strict: bool,
) -> Ingest:
    """The :class:`Ingest` of the batches' resolved rows (``corpus``, in the order
    :func:`toolkit.ingest_result.pages_first` gives), report rows ``skipped`` and ``empty`` (of
    every batch, in order) and the chrome ``found`` (each batch's learned lines, the title
    affixes and text edges)."""
    learned = pl.concat(found).unique().sort("group", "kind", "line")
    empty = pages_first(empty).drop("page")
    result = assembled(corpus, pl.concat(skipped, how="vertical_relaxed"), empty, learned, manifest)
    if strict and result.skipped.height:
        raise StrictModeError(
            "strict load: some inputs were skipped (pass strict=False to load the rest)\n"
            + result.summary()
        )
    return result


def slices(docs: pl.DataFrame, max_bytes: int = BATCH_BYTES) -> list[pl.DataFrame]:
    """A batch's documents in slices of about ``max_bytes`` of text (a big table's rows go
    through the page steps a slice at a time; nothing that needs a whole file is done on a
    slice)."""
    if docs.height <= 1:
        return [docs]
    size = docs["raw"].str.len_bytes().fill_null(0).cum_sum()
    if size[-1] <= max_bytes:
        return [docs]
    cuts = (size // max_bytes).rle().struct.field("len").cum_sum().to_list()
    return [docs[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]


def lines_of_batch(
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
        pad = {"path": PAD, "page": False, "has_body": False}
        docs = docs.vstack(pl.DataFrame([{c: pad.get(c) for c in docs.columns}], docs.schema))
    docs, lines = page_lines(numbered(docs, manifest, reg), reg)
    if counts is not None:  # the columns it reads: a filter of the docs would copy the texts
        counts.add_lines(docs.select("doc", "group", "_key"), lines)
    return docs, lines


def numbered(docs: pl.DataFrame, manifest: Manifest, reg: Registry) -> pl.DataFrame:
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
