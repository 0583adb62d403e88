"""The topic notebook's units before the model reads them: how many it would cut at its token
window, which hold no word, and which are in languages it may not read.

Example:
    >>> import polars as pl
    >>> with_words(pl.DataFrame({"text": ["Talks in Minsk.", "50", "- , ."]}))[1]
    2
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

__all__ = ["LONG_UNIT_TOKENS", "language_report", "topic_units", "window_report", "with_words"]


# Tokens past which a unit is no paragraph: a whole article's worth, read as one point
LONG_UNIT_TOKENS = 1000


def window_report(texts: list[str], model: str | Path | None = None) -> dict[str, Any]:
    """How many units are longer than the model reads (its ``max_seq_length`` in tokens);
    the model silently truncates them, so a reader must be told. ``max_tokens`` is None for a
    model with no window (multilingual USE reads every token)."""
    from toolkit.embed import NO_WINDOW, token_lengths

    lengths, limit = token_lengths(texts, model)
    over = int((lengths > limit).sum())
    return {
        "units": len(texts),
        "max_tokens": None if limit >= NO_WINDOW else limit,
        "over_window": over,
        "share_over_window": round(over / len(texts), 4) if texts else 0.0,
        "median_tokens": int(np.median(lengths)) if texts else 0,
        "longest_tokens": int(lengths.max()) if texts else 0,
        # a unit this long is a whole article, or more: a text written without paragraph
        # breaks (trial U: kremlin.ru's texts, one line each, 8,407 tokens at most)
        "over_long": int((lengths > LONG_UNIT_TOKENS).sum()),
    }


def topic_units(stories: pl.DataFrame, unit: str) -> tuple[pl.DataFrame, int]:
    """The units the topic model reads, and how many were left out for holding no word: the
    stories cut into ``unit`` (:func:`toolkit.segment.segment`), an article read as its title
    and its text (:func:`toolkit.article_text.with_titles`). What the notebook embeds and what
    a Dask run embeds beforehand for it are these, so the cache serves one from the other."""
    from toolkit.article_text import with_titles
    from toolkit.segment import segment

    units = segment(stories, unit)
    if unit == "article":  # an article is read as its title and its text
        units = with_titles(units)
    return with_words(units)


def with_words(units: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """The units that hold a word (two letters in a row, in any script), and how many do not:
    a paragraph of only numbers, signs or punctuation ("50", "- , .", what is left of a text a
    source stripped of its letters) has no topic, and would make one of its own."""
    keep = units["text"].str.contains(r"\p{L}{2}").fill_null(False)
    return units.filter(keep), int((~keep).sum())


def language_report(units: pl.DataFrame, model: str | None = None) -> dict[str, Any]:
    """How many units are in a language other than English (the corpus's ``lang``), and whether
    the ``model`` parameter's model reads English only: the default (None, all-MiniLM-L6-v2)
    does, a bundled multilingual encoder does not, a folder of the user's own is not known
    (None). Topics fitted on units the model cannot read group them by script and names, not
    by subject, so a reader must be told."""
    from toolkit.embed import names_bundled_encoder

    langs = units["lang"] if "lang" in units.columns else pl.Series([None] * units.height)
    langs = langs.cast(pl.String).fill_null("und")
    counts = langs.value_counts(name="n").sort(["n", langs.name], descending=[True, False])
    other = {lang: n for lang, n in counts.iter_rows() if lang not in ("en", "und")}
    n_other = sum(other.values())
    return {
        "units": units.height,
        "other_languages": other,
        "not_english": n_other,
        "share_not_english": round(n_other / units.height, 4) if units.height else 0.0,
        "undetermined": int((langs == "und").sum()),
        "english_only_model": (
            True if model is None else False if names_bundled_encoder(model) else None
        ),
    }
