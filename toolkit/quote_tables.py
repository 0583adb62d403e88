"""The notebooks' tables of :func:`toolkit.quotes.quotes`' attributions: who is quoted in each
group, with which verbs (:func:`by_group`), and the share of each group's text inside direct
quotes (:func:`quote_share`); a document as speaker is kept apart (:func:`is_document`), and a
speaker a sentence's capital opens is counted with the same one inside a sentence
(:func:`counted`). How a frame gives its speaker, per group, is
:func:`toolkit.quote_kinds.kinds_by_group`.
"""

from __future__ import annotations

import polars as pl

from toolkit.groups import group_sizes, with_groups
from toolkit.speakers import in_common_case, lexicon
from toolkit.stats import MIN_GROUP_DOCS, N_BOOT, SEED, ratio_by_group

__all__ = ["by_group", "counted", "is_document", "quote_share"]


def is_document(speaker: pl.Expr) -> pl.Expr:
    """Whether a speaker is a document, not a person or a body: its last word is one of the
    lexicon's ``documents`` ("The message" of a Kremlin greeting, "the statement", "the
    Executive Order"). The labelling guide counts them as speakers; the tables keep them apart.
    """
    last = speaker.str.to_lowercase().str.extract(r"([\w-]+)\W*$", 1)
    return last.is_in(sorted(lexicon()["documents"])).fill_null(False)


def counted(found: pl.DataFrame) -> pl.DataFrame:
    """The attributions with each speaker as the tables count it: a common word that opens it
    in lower case, so that "Analysts" at a sentence's start and "analysts" inside one are one
    speaker (:func:`toolkit.speakers.in_common_case`); names as resolved."""
    lex = lexicon()
    forms = {s: in_common_case(s, lex) for s in found["speaker"].drop_nulls().unique()}
    return found.with_columns(pl.col("speaker").replace(forms))


def by_group(
    found: pl.DataFrame,
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    min_group_docs: int = MIN_GROUP_DOCS,
) -> pl.DataFrame:
    """Who is quoted in each group, with which verbs: attributions per group, speaker and verb
    (direct and reported), the documents they come from, whether the speaker is a document
    (:func:`is_document`), and the group's n with ``small_n``."""
    groups = with_groups(docs, by).select("doc_id", "group")
    sizes = group_sizes(docs, by=by, min_group_docs=min_group_docs)
    return (
        found.join(groups, on="doc_id")
        .group_by("group", "speaker", "verb")
        .agg(
            attributions=pl.len().cast(pl.Int64),
            direct=pl.col("direct").sum().cast(pl.Int64),
            docs=pl.col("doc_id").n_unique().cast(pl.Int64),
        )
        .with_columns(document=is_document(pl.col("speaker")))
        .join(sizes, on="group")
        .sort(
            ["group", "attributions", "speaker", "verb"],
            descending=[False, True, False, False],
            nulls_last=True,
        )
    )


def quote_share(
    found: pl.DataFrame,
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    min_group_docs: int = MIN_GROUP_DOCS,
    seed: int = SEED,
    n_boot: int = N_BOOT,
) -> pl.DataFrame:
    """The share of each group's characters inside attributed direct quotes, with n: all of
    them (``share``, with a 95% interval from resampling the group's documents: ``ci_low``,
    ``ci_high``; none from one document), and those of people and bodies alone
    (``share_people``: a document's words, a greeting's "The message reads: ...", left out;
    ``document_chars`` counts them); ``n_quotes`` direct quotations in ``n_docs`` documents."""
    chars = pl.col("text").fill_null("").str.len_chars()
    groups = with_groups(docs, by).select("doc_id", "group", chars=chars)
    spans = found.filter("direct").unique(["doc_id", "start", "end"])
    length = pl.col("end") - pl.col("start")
    quoted = spans.group_by("doc_id").agg(
        quoted=length.sum(),
        documents=length.filter(is_document(pl.col("speaker"))).sum(),
        quotes=pl.len(),
    )
    per_doc = groups.join(quoted, on="doc_id", how="left").with_columns(
        pl.col("quoted", "documents", "quotes").fill_null(0)
    )
    intervals = ratio_by_group(per_doc, "quoted", "chars", name="share", seed=seed, n_boot=n_boot)
    sizes = group_sizes(docs, by=by, min_group_docs=min_group_docs)
    return (
        per_doc.group_by("group")
        .agg(
            chars=pl.col("chars").sum().cast(pl.Int64),
            quoted_chars=pl.col("quoted").sum().cast(pl.Int64),
            document_chars=pl.col("documents").sum().cast(pl.Int64),
            n_quotes=pl.col("quotes").sum().cast(pl.Int64),
        )
        .join(intervals, on="group", how="left")
        .with_columns(
            share_people=(
                (pl.col("quoted_chars") - pl.col("document_chars")) / pl.col("chars")
            ).round(4),
        )
        .join(sizes, on="group")
        .sort("group")
    )
