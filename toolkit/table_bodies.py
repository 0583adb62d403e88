"""A table row's text where its body column is empty or holds almost no letters (NewsAPI strips
Cyrillic and Chinese letters from Russian and Chinese outlets' ``content``): the row's summary
column read instead, a source's cut mark ("… [+726 chars]") removed, and a note on each row.

Example:
    >>> frame = pl.DataFrame({"text": [", 9 . - , .", None], FALLBACK: ["Talks in Minsk.", "Gas."],
    ...                       "note": [None, None]})
    >>> bodies(frame, "content", "description")["text"].to_list()
    ['Talks in Minsk.', 'Gas.']
"""

from __future__ import annotations

import polars as pl

__all__ = ["FALLBACK", "MIN_LETTER_SHARE", "bodies"]

# The field of the summary columns a row's text falls back to (not a corpus field)
FALLBACK = "_fallback"
# A text with fewer letters than this share of its characters (not spaces) is no article's
# body: NewsAPI strips Cyrillic and Chinese letters from Russian and Chinese outlets' content
MIN_LETTER_SHARE = 0.3
# What holds letters but no words of a text: web addresses and domains ("«www.sportbox.ru»",
# "ria.ru/20210509/"), an unrendered page template's fields ("{$T.t.pub_date}")
_NOT_WORDS = r"\{[^{}\n]*\}|(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b(?:/\S*)?"
# NewsAPI's mark where it cut a text: "… [+726 chars]"
_CUT_MARK = r"\s*…?\s*\[\+(\d+) chars\]\s*$"


def bodies(frame: pl.DataFrame, body: str, summary: str) -> pl.DataFrame:
    """A table's rows with each text that is empty or holds almost no letters (under
    ``MIN_LETTER_SHARE``; those of web addresses and of a template's fields not counted)
    replaced by the row's summary (``description``, ``lead``...) where it has one, and a
    source's cut mark ("… [+726 chars]") removed; each row's note says what was done. Without
    a summary, a letterless text is kept, and said. ``body`` and ``summary`` name the columns
    read, for the notes; the summary's values are the ``FALLBACK`` column."""
    if "text" not in frame.columns:
        return frame
    text, fallback = pl.col("text"), pl.col(FALLBACK)
    chars = text.str.len_chars() - text.str.count_matches(r"\s")
    share = text.str.replace_all(_NOT_WORDS, "").str.count_matches(r"\p{L}") / chars
    letterless = (chars > 0) & (share < MIN_LETTER_SHARE)
    has_fallback = fallback.is_not_null() if FALLBACK in frame.columns else pl.lit(False)
    swap = (text.is_null() | letterless) & has_fallback
    pct = (share * 100).round(0).cast(pl.Int64)
    notes = [
        pl.when(swap & text.is_null()).then(
            pl.lit(f"no text in {body}: {summary} read as the text")
        ),
        pl.when(swap & letterless).then(
            pl.format(f"{body} holds almost no letters ({{}}%): {summary} read as the text", pct)
        ),
        pl.when(letterless & ~has_fallback).then(
            pl.format("the text holds almost no letters ({}% of its characters)", pct)
        ),
    ]
    read = pl.when(swap).then(fallback if FALLBACK in frame.columns else text).otherwise(text)
    out = frame.with_columns(read.alias("text"), *[n.alias(f"_n{i}") for i, n in enumerate(notes)])
    cut = pl.col("text").str.extract(_CUT_MARK, 1)
    out = out.with_columns(
        pl.col("text").str.replace(_CUT_MARK, ""),
        pl.when(cut.is_not_null())
        .then(pl.format("the text was cut short by its source ({} characters not given)", cut))
        .alias("_n3"),
    )
    note = pl.concat_str(["note", *(f"_n{i}" for i in range(4))], separator="; ", ignore_nulls=True)
    out = out.with_columns(pl.when(note != "").then(note).alias("note"))
    return out.drop("_n0", "_n1", "_n2", "_n3", *([FALLBACK] if FALLBACK in out.columns else []))
