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

from toolkit.lang import undecoded

__all__ = ["FALLBACK", "MIN_LETTER_SHARE", "bodies"]

# The field of the summary columns a row's text falls back to (not a corpus field)
FALLBACK = "_fallback"
# A text with fewer letters than this share of its characters (not spaces) is no article's
# body: NewsAPI strips Cyrillic and Chinese letters from Russian and Chinese outlets' content
MIN_LETTER_SHARE = 0.3
# What holds letters but no words of a text: web addresses and domains ("«www.sportbox.ru»",
# "ria.ru/20210509/"), an unrendered page template's fields ("{$T.t.pub_date}"), a scraper's
# XPath left in the text ("/html/head/meta[@name='og:title']/@content", RIA's in NewsAPI)
_NOT_WORDS = (
    r"\{[^{}\n]*\}|(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b(?:/\S*)?"
    r"|/(?:html|head|body)/\S*"
)
# What every match of ``_NOT_WORDS`` holds: a brace, an address's "://" or "www.", a dot and
# two lower-case letters (a domain), a path of a page's parts
_MAY_HOLD = r"\{|://|www\.|\.[a-z]{2}|/(?:html|head|body)/"
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
    uncut = text.str.replace(_CUT_MARK, "")  # "[+726 chars]" is the source's, not the text's
    chars = uncut.str.len_chars() - uncut.str.count_matches(r"\s")
    # Each text's measures once, as columns (an eager query computes an expression each time
    # it is used: the letter share of a long text is read once, not in every note)
    measured = frame.select(uncut.alias("u"), chars.alias("c"))
    share = _letter_shares(measured["u"], measured["c"])
    stripped = (
        _stripped(measured["u"], frame[FALLBACK])
        if FALLBACK in frame.columns
        else pl.repeat(False, frame.height, eager=True)
    )
    frame = frame.with_columns(
        ((measured["c"] > 0) & (share < MIN_LETTER_SHARE)).alias("_letterless"),
        share.alias("_share"),
        stripped.alias("_stripped"),
    )
    share, letterless = pl.col("_share"), pl.col("_letterless")
    has_fallback = fallback.is_not_null() if FALLBACK in frame.columns else pl.lit(False)
    stripped = pl.col("_stripped").fill_null(False) & ~letterless
    swap = (text.is_null() | letterless | stripped) & has_fallback
    pct = (share * 100).round(0).cast(pl.Int64)
    notes = [
        pl.when(swap & text.is_null()).then(
            pl.lit(f"no text in {body}: {summary} read as the text")
        ),
        pl.when(swap & letterless).then(
            pl.format(f"{body} holds almost no letters ({{}}%): {summary} read as the text", pct)
        ),
        pl.when(swap & stripped).then(
            pl.lit(
                f"{body} holds none of the Cyrillic or Chinese letters of {summary} (a copy "
                f"with them stripped, or not decoded): {summary} read as the text"
            )
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
        .alias(f"_n{len(notes)}"),
    )
    marks = [f"_n{i}" for i in range(len(notes) + 1)]
    note = pl.concat_str(["note", *marks], separator="; ", ignore_nulls=True)
    out = out.with_columns(pl.when(note != "").then(note).alias("note"))
    measures = ["_letterless", "_share", "_stripped"]
    return out.drop(*marks, *measures, *([FALLBACK] if FALLBACK in out.columns else []))


def _letter_shares(texts: pl.Series, chars: pl.Series) -> pl.Series:
    """The share of each text's ``chars`` (its characters less spaces) that are letters, those
    of ``_NOT_WORDS`` not counted. Those are looked for only in the texts that may hold one
    (``_MAY_HOLD``) or whose share is under ``MIN_LETTER_SHARE`` anyway (their notes give
    it): in other texts they cannot change it, and the search costs as much as the rest."""
    share = _letters(texts) / chars
    maybe = (texts.str.contains(_MAY_HOLD) | (share < MIN_LETTER_SHARE)).fill_null(False)
    where = maybe.arg_true()
    if not where.len():
        return share
    part = texts.gather(where).str.replace_all(_NOT_WORDS, "")
    return share.scatter(where, _letters(part) / chars.gather(where))


def _letters(texts: pl.Series) -> pl.Series:
    """The letters of each text: its characters less those that are not letters (most of a
    text's characters are letters, and a count costs by the match)."""
    return texts.str.len_chars() - texts.str.count_matches(r"\P{L}")


def _stripped(texts: pl.Series, summaries: pl.Series) -> pl.Series:
    """Whether the text lacks the script its summary is written in: NewsAPI strips Cyrillic and
    Chinese letters from the body and keeps them in the description, and Latin names, digits
    and addresses survive (", Moskovski Capital , - -, 100 1 ."), so the share of letters can
    pass; or the text is undecoded bytes (U+FFFD, "������Ѷ��5��18�գ") where the summary is not."""
    both = pl.DataFrame({"text": texts, "summary": summaries})
    text, summary = pl.col("text"), pl.col("summary")
    script = {script: (text.str.count_matches(rf"\p{{{script}}}"),
                       summary.str.count_matches(rf"\p{{{script}}}"))
              for script in ("Cyrillic", "Han")}  # fmt: skip
    lacks = pl.any_horizontal((body == 0) & (given >= _SCRIPT_LETTERS)
                              for body, given in script.values())  # fmt: skip
    clean = ~undecoded(summary) & (summary.str.len_chars() > 0)
    found = both.select(lacks.alias("lacks"), (undecoded(text) & clean).alias("undecoded"))
    # what the letters left: marks standing alone (", , - ." where words were), not prose;
    # counted only where the script is lacking (the rest are False whatever they hold)
    where = found["lacks"].fill_null(False).arg_true()
    alone = pl.repeat(False, both.height, eager=True)
    if where.len():
        tokens = text.str.count_matches(r"\S+")
        orphans = text.str.count_matches(r"(?:^|\s)[^\w\s]+(?:\s|$)")
        alone = alone.scatter(where, both[where].select(orphans >= _ORPHANS * tokens).to_series())
    return (found["lacks"] & alone) | found["undecoded"]


_SCRIPT_LETTERS = 20  # a summary's letters of a script, to say that the text lacks it
_ORPHANS = 0.1  # a share of a text's tokens that are marks alone: words were taken out
