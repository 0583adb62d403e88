"""What the load report says of a loaded article's fields: a missing body column, a file not
in UTF-8, an outlet not known or given way, a site column that disagrees with the URL, a date
not understood or not fixed, a dateline that disagrees. One expression over the resolved
fields of :mod:`toolkit.provenance`.
"""

from __future__ import annotations

import polars as pl

from toolkit.lang import undecoded

__all__ = ["EXCERPT_MIN_WORDS", "excerpt_note", "field_notes", "undecoded_note"]

col = pl.col

# An ellipsis that opens the text (after a quote mark or spaces), or closes it right after a word:
# where a search result, a feed's teaser or a preview cut the article.
_OPENS_CUT = r"^\s*[\"'“«]?\s*(?:\.{3}|…)"
_CLOSES_CUT = r"[\p{L}\p{N},;]\s*(?:\.{3}|…)\s*[\"'”»]?\s*$"
EXCERPT_MIN_WORDS = 20  # a headline may end in "..." for effect ("and more…"): not a cut


def field_notes() -> pl.Expr:
    """What the report says of a loaded article: a missing body column, an unknown outlet, a
    date not understood or not fixed, a dateline that disagrees."""
    undated_note = pl.when(
        col("published").is_null() & col("date_raw").is_null() & col("partial_month").is_not_null()
    ).then(
        pl.when(col("dateline").is_not_null())
        .then(pl.lit("dateline has no year and no evidence fixes one"))
        .otherwise(pl.lit("the page's date stamp has no year and no evidence fixes one"))
    )
    return pl.concat_str(
        [
            pl.when(~col("has_body")).then(pl.lit("no body column: title used as text")),
            pl.when(col("_text_from").is_not_null() & ~col("_no_raw")).then(
                pl.format("no body column: the {} column read as the text", "_text_from")
            ),
            pl.when(col("_text_from").is_not_null() & col("_no_raw")).then(
                pl.format(
                    "no body column, and the {} column is empty here: title used as text",
                    "_text_from",
                )
            ),
            pl.when(col("_encoding").str.starts_with("utf-16-"))
            .then(pl.format("UTF-16 without a byte-order mark: decoded as {}", "_encoding"))
            .when(~col("_encoding").is_in(["utf-8", "utf-16"]))
            .then(pl.format("not UTF-8: decoded as {} (found by charset-normalizer)", "_encoding")),
            col("_table_note"),
            col("_page_note"),
            col("_fields_note"),
            pl.when(col("_unknown_outlet").is_not_null()).then(
                pl.when(col("outlet") == col("_unknown_outlet"))
                .then(pl.format("outlet '{}' is not a known alias; kept as written", "outlet_raw"))
                .otherwise(
                    pl.format(
                        "outlet '{}' is not a known alias: {}, which the {} names, taken",
                        "outlet_raw",
                        "outlet",
                        "outlet_source",
                    )
                )
            ),
            pl.when(
                col("m_unknown_outlet").is_not_null() & (col("outlet_source") == "manifest")
            ).then(
                pl.format(
                    "the manifest's outlet '{}' is not a known alias; kept as written",
                    "m_unknown_outlet",
                )
            ),
            pl.when(col("outlet").is_null() & col("site_raw").is_not_null()).then(
                pl.format(
                    "site '{}' names no known outlet: outlet left empty (an outlet table with "
                    "it as an alias or site would name it)",
                    "site_raw",
                )
            ),
            pl.when(col("outlet").is_null() & col("_site_name").is_not_null()).then(
                pl.format(
                    "the page's site name '{}' names no known outlet, nor the page's own site: "
                    "not taken as its outlet (an outlet table with it as an alias would be)",
                    "_site_name",
                )
            ),
            pl.when(
                col("_own_site_name").is_not_null()
                & (col("outlet") == col("_own_site_name"))
                & col("meta_outlet").is_null()
            ).then(
                pl.format(
                    "the page's site name '{}' is not a known alias but names its own site: "
                    "kept as written as its outlet (an outlet table would name it)",
                    "_own_site_name",
                )
            ),
            pl.when(
                col("m_outlet").is_null()
                & col("column_outlet").is_null()
                & col("site_column_outlet").is_not_null()
                & col("site_outlet").is_not_null()
                & col("url").is_not_null()
                & (col("site_column_outlet") != col("site_outlet"))
            ).then(
                pl.format(
                    "the site column names {} ('{}') but the URL's site is {}'s: the site "
                    "column's taken",
                    "site_column_outlet",
                    "site_raw",
                    "site_outlet",
                )
            ),
            col("_date_note"),
            col("_range_note"),
            undated_note,
            col("_disagree"),
        ],
        separator="; ",
        ignore_nulls=True,
    )


def excerpt_note(text: pl.Expr, n_words: pl.Expr) -> pl.Expr:
    """A note where the text is an excerpt, not the whole article: it opens with an ellipsis
    (a search result's "...who came to power in..."), or, at :data:`EXCERPT_MIN_WORDS` words or
    more, closes with one right after a word (a teaser or a preview cut mid-sentence). Null
    otherwise. Duplicates keep a whole copy over an excerpt of it either way."""
    opens = text.str.contains(_OPENS_CUT)
    closes = text.str.contains(_CLOSES_CUT) & (n_words >= EXCERPT_MIN_WORDS)
    return (
        pl.when(opens & closes)
        .then(pl.lit("text is an excerpt: it opens and closes with an ellipsis"))
        .when(opens)
        .then(pl.lit("text is an excerpt: it opens with an ellipsis"))
        .when(closes)
        .then(pl.lit("text is cut short: it closes with an ellipsis mid-sentence"))
        .fill_null(pl.lit(None, pl.String))
    )


def undecoded_note(text: pl.Expr) -> pl.Expr:
    """A note where a tenth or more of the text's characters are U+FFFD: its source's bytes
    were read in another encoding before the toolkit had them (a NewsAPI record's GBK text), so
    its words are lost and its language unknown. Null otherwise."""
    share = (text.str.count_matches("\ufffd") * 100 / text.str.len_chars()).round(0)
    return pl.when(undecoded(text)).then(
        pl.format(
            "the text is {}% undecodable characters (U+FFFD): its source read its bytes in "
            "another encoding; words and language lost",
            share.cast(pl.Int64),
        )
    )
