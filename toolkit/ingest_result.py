"""What a load gives: the corpus table, its report and the chrome learned (:class:`Ingest`),
assembled from the batches' resolved rows.

Example:
    >>> from toolkit.sources import report_frame
    >>> result = Ingest(pl.DataFrame(schema=CORPUS_SCHEMA), report_frame([]))
    >>> result.summary()
    '0 articles loaded from 0 files; 0 records or files skipped.'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from toolkit.chrome_counts import LEARNED_SCHEMA
from toolkit.duplicate_ids import drop_duplicate_ids
from toolkit.records import frame_of
from toolkit.sources import Manifest

__all__ = [
    "CORPUS_SCHEMA",
    "NOT_PAD",
    "PAD",
    "Ingest",
    "assembled",
    "note_summary",
    "pages_first",
    "without_pads",
    "without_text",
]

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
            f"{self.corpus.height} articles loaded from {files} file{'' if files == 1 else 's'}; "
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
        lines += _common_notes(self.report)
        return "\n".join(lines)


# Notes on loaded records the summary names, the commonest kinds first (the report has them all)
SUMMARY_NOTES = 8


def _cut(note: str) -> str:
    return note if len(note) <= 240 else f"{note[:150]} ... {note[-85:]}"


def _common_notes(report: pl.DataFrame) -> list[str]:
    """The commonest kinds of note on loaded records (:func:`note_summary`), counted, with an
    example (trial V: "no body column: title used as text" and dates no format read were only
    in the report file)."""
    kinds = note_summary(report)
    if not kinds.height:
        return []
    out = ["  notes on loaded records, by kind (each record's own in the report's note column):"]
    rows = kinds.head(SUMMARY_NOTES).select("n", "kind", "example").iter_rows()
    for n, kind, example in rows:
        # the kind, its values as "…" (145 notes of a site name are not 145 of the example's),
        # and one record's own; long ones cut in the middle: a note's end says what to do
        out.append(f"    {n}: {_cut(kind)}")
        if example != kind:
            out.append(f"       e.g. {_cut(example)}")
    if kinds.height > SUMMARY_NOTES:
        out.append(f"    and {kinds.height - SUMMARY_NOTES} other kinds of note")
    return out


def note_summary(report: pl.DataFrame) -> pl.DataFrame:
    """The notes on loaded records by kind (quoted values, numbers and bracketed counts made
    ``…``, so "outlet 'rbc' is not a known alias" and "outlet 'lenta' ..." are one kind; a
    record's notes together, as the report gives them), with how many records carry each and
    one example: what the load kept but doubts, where a reader sees it."""
    kind = (
        pl.col("note")
        .str.replace_all(r"(^|[\s(\[])'[^']*'", "${1}'…'")  # a quoted value, not "page's"
        .str.replace_all(r"\([^()]*\d[^()]*\)", "(…)")
        .str.replace_all(r"\d+(?:[.,]\d+)?", "…")
    )
    return (
        report.filter((pl.col("status") == "loaded") & pl.col("note").is_not_null())
        .group_by(kind.alias("kind"))
        .agg(  # the example and its file from one record: the first by note, then path
            n=pl.len(),
            distinct_notes=pl.col("note").n_unique(),
            example=pl.col("note").sort_by("note", "path").first(),
            path=pl.col("path").sort_by("note", "path").first(),
        )
        .sort(["n", "kind"], descending=[True, False])
        # a kind whose records all carry one note is that note (trials X, Y: "separated by '…'")
        .with_columns(
            pl.when(pl.col("distinct_notes") == 1).then("example").otherwise("kind").alias("kind")
        )
    )


# A batch of one document gets a row of nothing (this path), kept until the corpus is
# assembled: polars copies the value of a one-row column about four times over in every
# operation (a 100 MB page: 400 MB each time).
PAD = ""
NOT_PAD = pl.col("path") != PAD


def pages_first(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """Batches' rows in the order one batch of all files gives them: pages, then table rows."""
    if len(frames) == 1:
        return frames[0]
    page = pl.col("page")
    return pl.concat([f.filter(page) for f in frames] + [f.filter(~page) for f in frames])


def assembled(
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
    corpus = one_casing(corpus)
    unmatched = manifest.unmatched(corpus["_manifest_key"])
    report = _full_report([report, duplicates.filter(NOT_PAD), unmatched, empty], corpus)
    corpus = corpus.select(pl.col(k).cast(v) for k, v in CORPUS_SCHEMA.items())
    return Ingest(without_pads(corpus), report, learned)


def without_pads(corpus: pl.DataFrame) -> pl.DataFrame:
    """``corpus`` less its pad rows, its texts not copied: each column filtered apart (a
    frame's filter copied the texts of a column it rechunked), then put together (see
    :func:`toolkit.records.frame_of`)."""
    keep = corpus["path"] != PAD
    if keep.all():
        return corpus
    return frame_of([c.filter(keep) for c in corpus.iter_columns()])


def without_text(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Documents with text, and report rows (``REPORT_SCHEMA``, and ``page``) for those left
    without."""
    no_body = ~pl.col("has_body")
    empty = docs.filter((pl.col("text") == "") & NOT_PAD).select(
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
        .when(
            (pl.col("raw").str.strip_chars() == "")
            & pl.col("path").str.contains(r"(?i)\.(?:html?|mht(?:ml)?|warc(?:\.gz)?)$")
        )
        .then(
            pl.lit(
                "no article text in the HTML: trafilatura found none (a page its scripts "
                "draw, or a title alone); save the page as rendered text or HTML to load it"
            )
        )
        .when(pl.col("raw").str.strip_chars() == "")
        .then(pl.lit("empty file"))
        .otherwise(pl.lit("no body text after cleaning"))
        .alias("reason"),
        pl.lit(None, pl.String).alias("doc_id"),
        pl.lit(None, pl.String).alias("note"),
        pl.col("_encoding").alias("encoding"),
        "page",
    )
    return docs.filter((pl.col("text") != "") | ~NOT_PAD), empty


def one_casing(corpus: pl.DataFrame) -> pl.DataFrame:
    """``corpus`` with outlet names that differ only in capitals or spacing written one way,
    the one most of their documents give (ties: the first in sorted order), with a note on the
    others: "REUTERS", "Reuters" and "reuters" in one table's column are one outlet (trial S),
    which the tables name as written when they do not know it."""
    outlet = pl.col("outlet")
    key = outlet.str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    forms = (
        corpus.filter(outlet.is_not_null())
        .group_by(key.alias("_key"), outlet)
        .len()
        .sort(["_key", "len", "outlet"], descending=[False, True, False])
    )
    if forms["_key"].n_unique() == forms.height:
        return corpus
    chosen = forms.group_by("_key", maintain_order=True).agg(pl.col("outlet").first().alias("to"))
    renamed = dict(
        forms.join(chosen, on="_key").filter(pl.col("outlet") != pl.col("to"))
        .select("outlet", "to").iter_rows()
    )  # fmt: skip
    changed = outlet.is_in(list(renamed))
    said = pl.format(
        "outlet written '{}': counted with '{}', the same name in other capitals",
        outlet, outlet.replace(renamed),
    )  # fmt: skip
    columns = [outlet.replace(renamed).alias("outlet")]
    if "_note" in corpus.columns:
        noted = pl.concat_str(pl.col("_note"), said, separator="; ", ignore_nulls=True)
        columns.append(pl.when(changed).then(noted).otherwise(pl.col("_note")).alias("_note"))
    return corpus.with_columns(columns)


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
    ).filter(NOT_PAD)
    return pl.concat([*skipped, loaded], how="vertical_relaxed").sort(
        ["path", "record", "line"], nulls_last=False, maintain_order=True
    )
