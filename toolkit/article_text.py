r"""An article as the analyses read it: its title and its text. A headline names the story where
a lead is cut short, a translation words it otherwise, or a feed gives the headline apart from
a short text; counting the text alone would weigh outlets by how often a title was found.

Example:
    >>> units = pl.DataFrame({"title": ["Talks in Minsk", None], "text": ["Gas.", "Oil."],
    ...                       "n_words": [1, 1], "lang": ["en", "en"]})
    >>> read_whole(units).select("text", "n_words").rows()
    [('Talks in Minsk\n\nGas.', 4), ('Oil.', 1)]
"""

from __future__ import annotations

import polars as pl

from toolkit.lang import word_count, word_counts

__all__ = ["read_whole", "title_added", "with_titles"]


def title_added() -> pl.Expr:
    """Whether a row's title is put before its text: it has one, and the text does not already
    begin with it."""
    title = pl.col("title").str.strip_chars()
    opening = pl.col("text").fill_null("").str.strip_chars_start().str.to_lowercase()
    starts = opening.str.starts_with(title.str.to_lowercase())
    return (title.is_not_null() & (title != "") & ~starts.fill_null(False)).fill_null(False)


def with_titles(units: pl.DataFrame) -> pl.DataFrame:
    r"""Units whose text is their title and their text (the title as the first paragraph). A
    unit whose text already begins with its title, or that has none, is left as it is.

    Example:
        >>> units = pl.DataFrame({"title": ["Talks in Minsk", None], "text": ["Gas.", "Oil."]})
        >>> with_titles(units)["text"].to_list()
        ['Talks in Minsk\n\nGas.', 'Oil.']
    """
    if "title" not in units.columns:
        return units
    title = pl.col("title").str.strip_chars()
    return units.with_columns(
        pl.when(title_added())
        .then(pl.concat_str([title, pl.col("text").fill_null("")], separator="\n\n"))
        .otherwise(pl.col("text"))
        .alias("text")
    )


def read_whole(docs: pl.DataFrame) -> pl.DataFrame:
    """:func:`with_titles`, and ``n_words`` counting the words of each title put before its
    text (as the corpus counts a text's words, :func:`toolkit.lang.word_counts`): rates per
    1,000 words stay rates of what was read."""
    if "title" not in docs.columns:
        return docs
    added = docs.select(title_added()).to_series()
    out = with_titles(docs)
    if "n_words" not in docs.columns or not added.any():
        return out
    titles = docs["title"].str.strip_chars()
    langs = (
        docs["lang"] if "lang" in docs.columns else pl.Series([None] * docs.height, dtype=pl.String)
    )
    counted = word_counts(
        titles.to_frame().select(word_count(pl.col("title")))["title"], titles, langs
    )
    extra = pl.select(pl.when(added).then(counted).otherwise(0)).to_series()
    return out.with_columns((pl.col("n_words") + extra).alias("n_words"))
