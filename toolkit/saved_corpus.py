"""A corpus the toolkit saved (``toolkit ingest -o corpus.parquet``, or a loaded corpus written
with ``write_parquet``) read back as it was saved: its ids, texts, dates and outlets kept, not
cleaned, dated and named a second time (which would give new ids from the new path, so that
duplicates and results found on the saved corpus would join none of its rows).

A parquet file is a saved corpus when it holds every column of ``CORPUS_SCHEMA``; columns added
after the load (``cluster_id`` from :func:`toolkit.mark_duplicates`) are not kept.

Example:
    >>> saved, rest = split_saved(find_sources(["corpus.parquet", "new/"]))   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polars as pl

from toolkit.errors import InputError
from toolkit.ingest_result import CORPUS_SCHEMA, Ingest
from toolkit.outlets import Registry
from toolkit.readers import suffix
from toolkit.sources import REPORT_SCHEMA, Sources

__all__ = ["SAVED_NOTE", "is_saved_corpus", "read_saved", "split_saved", "with_saved"]

SAVED_NOTE = "a corpus the toolkit saved: read as saved (its ids, text, dates and outlets kept)"


def is_saved_corpus(path: str | Path) -> bool:
    """Whether ``path`` is a parquet file with every column of ``CORPUS_SCHEMA``."""
    if suffix(path).lower() != ".parquet":
        return False
    try:
        names = set(pl.read_parquet_schema(path))
    except (pl.exceptions.PolarsError, OSError):
        return False  # the table reader says why it cannot be read
    return set(CORPUS_SCHEMA) <= names


def split_saved(found: Sources) -> tuple[list[tuple[str | Path, str]], Sources]:
    """(the saved corpora among ``found``'s files, ``found`` with the other files)."""
    saved = [f for f in found.files if is_saved_corpus(f[0])]
    if not saved:
        return [], found
    return saved, replace(found, files=[f for f in found.files if f not in saved])


def read_saved(files: list[tuple[str | Path, str]], reg: Registry | None = None) -> Ingest:
    """The saved corpora's rows in ``CORPUS_SCHEMA``, each loaded in the report with a note;
    a row whose ``doc_id`` an earlier row has is skipped, naming the file and row it repeats.
    A row saved with no outlet takes the one the outlet tables of this load (``reg``) know
    for its site, with ``outlet_source`` "url" and a note: the tables a researcher adds to name
    the sites of a corpus saved without them.

    Raises:
        InputError: a file's corpus column holds values of another type (it names the file).
    """
    corpora = [pl.DataFrame(schema={**CORPUS_SCHEMA, "_rel": pl.String, "_row": pl.Int64})]
    for path, rel in files:
        try:
            frame = pl.read_parquet(path, columns=list(CORPUS_SCHEMA))
        except (pl.exceptions.PolarsError, OSError) as e:
            raise InputError(
                f"this saved corpus cannot be read ({str(e).splitlines()[0]}); write it again "
                "with `toolkit ingest`",
                path=rel,
            ) from None
        try:
            frame = frame.cast(CORPUS_SCHEMA)
        except pl.exceptions.PolarsError as e:
            raise InputError(
                "this parquet file has the corpus's columns but not its types "
                f"({str(e).splitlines()[0]}); write it again with `toolkit ingest`",
                path=rel,
            ) from None
        corpora.append(
            frame.with_columns(_rel=pl.lit(rel), _row=pl.int_range(pl.len(), dtype=pl.Int64))
        )
    rows = pl.concat(corpora)
    first = pl.col("_row").first().over("doc_id")
    first_file = pl.col("_rel").first().over("doc_id")
    repeat = (pl.col("_rel") != first_file) | (pl.col("_row") != first)
    report = rows.select(
        path="_rel",
        record="_row",
        line=pl.lit(None, pl.Int64),
        status=pl.when(repeat).then(pl.lit("skipped")).otherwise(pl.lit("loaded")),
        reason=pl.when(repeat).then(
            pl.format("duplicate id: same doc_id as {} record {}", first_file, first)
        ),
        doc_id="doc_id",
        note=pl.when(~repeat).then(pl.lit(SAVED_NOTE)),
        encoding=pl.lit("utf-8"),
    ).cast(REPORT_SCHEMA)
    corpus = rows.filter(~repeat).select(list(CORPUS_SCHEMA))
    if reg is not None and corpus.height:
        corpus, named = _named_by_site(corpus, reg)
        if named.len():
            note = pl.when(pl.col("doc_id").is_in(named.implode()) & (pl.col("status") == "loaded"))
            report = report.with_columns(
                note.then(
                    pl.format("{}; outlet named by this load's tables from its site", "note")
                ).otherwise(pl.col("note"))
            )
    return Ingest(corpus, report)


def _named_by_site(corpus: pl.DataFrame, reg: Registry) -> tuple[pl.DataFrame, pl.Series]:
    """The corpus with each outlet saved as null named from its site by ``reg`` (source
    "url"), and the ids named."""
    sites = corpus.filter(pl.col("outlet").is_null())["site"].drop_nulls().unique()
    found = {s: o for s in sites.to_list() if (o := reg.outlet_of_site(s))}
    if not found:
        return corpus, pl.Series("doc_id", [], pl.String)
    by_site = pl.col("site").replace_strict(found, default=None, return_dtype=pl.String)
    fill = pl.col("outlet").is_null() & by_site.is_not_null()
    named = corpus.filter(fill)["doc_id"]
    corpus = corpus.with_columns(
        pl.when(fill).then(by_site).otherwise(pl.col("outlet")).alias("outlet"),
        pl.when(fill).then(pl.lit("url")).otherwise(pl.col("outlet_source")).alias("outlet_source"),
    )
    return corpus, named


def with_saved(loaded: Ingest, saved: Ingest) -> Ingest:
    """The saved corpora's rows, then the loaded ones whose ids the saved do not have (the
    others skipped in the report, naming the id)."""
    if not saved.report.height:
        return loaded
    again = loaded.corpus["doc_id"].is_in(saved.corpus["doc_id"].implode())
    repeated = loaded.corpus.filter(again)["doc_id"]
    report = loaded.report.with_columns(
        status=pl.when(pl.col("doc_id").is_in(repeated.implode()))
        .then(pl.lit("skipped"))
        .otherwise(pl.col("status")),
        reason=pl.when(pl.col("doc_id").is_in(repeated.implode()))
        .then(pl.lit("duplicate id: the same article as a row of a saved corpus"))
        .otherwise(pl.col("reason")),
    )
    return Ingest(
        pl.concat([saved.corpus, loaded.corpus.filter(~again)]),
        pl.concat([saved.report, report]),
        loaded.learned_chrome,
    )
