"""Records that share an id (:func:`toolkit.provenance.doc_id`): the first kept, the others
reported; but a record under the same URL in another language is another document (a
translation filed under its original's address), kept under an id of its own.
"""

from __future__ import annotations

import hashlib

import polars as pl

from toolkit.sources import REPORT_SCHEMA

__all__ = ["drop_duplicate_ids", "language_ids"]

col = pl.col

# Languages that tell two records apart: a language read from the text, not "und"
_UNDETERMINED = ("und", "")


def drop_duplicate_ids(corpus: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The corpus with the first article of each ``doc_id``, and report rows (``REPORT_SCHEMA``)
    for the others, each naming the article it repeats (after :func:`language_ids`)."""
    corpus = language_ids(corpus)
    if corpus["doc_id"].is_unique().all():
        return corpus, pl.DataFrame(schema=REPORT_SCHEMA)
    marked = corpus.with_row_index("_i").join(_firsts(corpus), on="doc_id", how="left",
                                              maintain_order="left")  # fmt: skip
    same = pl.when(col("url").is_not_null() & (col("url") != ""))
    reason = pl.concat_str(
        pl.lit("duplicate id: same "),
        same.then(pl.lit("URL")).otherwise(pl.lit("path and record")),
        pl.lit(" as "),
        _where_first(),
    )
    dups = marked.filter(col("_i") != col("_i_first")).select(
        "path",
        "record",
        col("_line").alias("line"),
        pl.lit("skipped").alias("status"),
        reason.alias("reason"),
        "doc_id",
        pl.lit(None, pl.String).alias("note"),
        col("_encoding").alias("encoding"),
    )
    keep = marked.filter(col("_i") == col("_i_first")).drop(
        "_i", "_i_first", "_first_path", "_first_line", "_first_rec", "_first_lang"
    )
    return keep, dups.cast(REPORT_SCHEMA)


def language_ids(corpus: pl.DataFrame) -> pl.DataFrame:
    """``corpus`` with each record that repeats an earlier record's id in another language
    (both languages read from the texts) given an id of its own: the SHA-1 of the shared id
    and its language, with a note naming the record it shares the URL with. An English
    version filed under its Russian original's address is a second document, not a repeat;
    a second record in the same language still is one."""
    if corpus["doc_id"].is_unique().all() or "lang" not in corpus.columns:
        return corpus
    marked = corpus.with_row_index("_i").join(_firsts(corpus), on="doc_id", how="left",
                                              maintain_order="left")  # fmt: skip
    known = ~col("lang").fill_null("").is_in(_UNDETERMINED)
    first_known = ~col("_first_lang").fill_null("").is_in(_UNDETERMINED)
    other = (
        (col("_i") != col("_i_first")) & known & first_known & (col("lang") != col("_first_lang"))
    )
    where = marked.select(other.fill_null(False)).to_series().arg_true()
    if not where.len():
        return corpus
    moved = marked[where]
    ids = pl.Series(
        [
            hashlib.sha1(f"{i}#{lang}".encode()).hexdigest()[:16]
            for i, lang in moved.select("doc_id", "lang").iter_rows()
        ],
        dtype=pl.String,
    )
    said = pl.concat_str(
        pl.lit("same URL as "),
        _where_first(quoted=True),
        pl.lit(" in another language ("),
        col("_first_lang"),
        pl.lit("): kept as its own document, its id from the URL and its language"),
    )
    columns = {"doc_id": corpus["doc_id"].scatter(where, ids)}
    if "_note" in corpus.columns:
        note = moved.select(pl.concat_str(col("_note"), said, separator="; ", ignore_nulls=True))
        columns["_note"] = corpus["_note"].scatter(where, note.to_series())
    return corpus.with_columns(**columns)


def _firsts(corpus: pl.DataFrame) -> pl.DataFrame:
    """Each id's first record: its row, path, line, record and language."""
    lang = col("lang") if "lang" in corpus.columns else pl.lit(None, pl.String)
    return (
        corpus.with_row_index("_i")
        .group_by("doc_id")
        .agg(
            col("_i").first().alias("_i_first"),
            col("path").first().alias("_first_path"),
            col("_line").first().alias("_first_line"),
            col("record").first().alias("_first_rec"),
            lang.first().alias("_first_lang"),
        )
    )


def _where_first(*, quoted: bool = False) -> pl.Expr:
    """The first record of an id as a report names it: its path (``quoted``: in quotes, so
    the notes of many files are one kind of note), and its line or record."""
    where = (
        pl.when(col("_first_line").is_not_null())
        .then(pl.format(" line {}", "_first_line"))
        .when(col("_first_rec").is_not_null())
        .then(pl.format(" record {}", "_first_rec"))
        .otherwise(pl.lit(""))
    )
    path = pl.format("'{}'", "_first_path") if quoted else col("_first_path")
    return pl.concat_str(path, where)
