"""Which items match: each item's title and text flagged for a pattern (a query, a frame's
terms outside its ``except`` phrases), and the measures a before/after test compares (the
query, every frame, each dominant topic).

Example:
    >>> from toolkit.term_flags import flag_matches
    >>> flag_matches(corpus, term_pattern(["minsk"]))["match"].sum()  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import polars as pl

from toolkit.article_text import with_titles
from toolkit.frames import except_pattern, folded, term_pattern, term_text
from toolkit.resources import UNKNOWN

__all__ = ["event_measures", "excepted_only", "flag_matches", "matched_text"]


def flag_matches(
    frame: pl.DataFrame,
    pattern: str,
    *,
    name: str = "match",
    unless: str | None = None,
    text: pl.Series | None = None,
    lowered: pl.Series | None = None,
) -> pl.DataFrame:
    """``frame`` with a boolean column ``name``: the title or text matches ``pattern`` outside
    every match of ``unless`` (a frame's ``except`` phrases), where given. ``text`` is
    :func:`matched_text` of ``frame`` and ``lowered`` that text lowercased, where the caller
    has them (several patterns, one text)."""
    text = matched_text(frame) if text is None else text
    if folded(pattern) != pattern:  # a term pattern: matched folded, in the lowercased text
        text = text.str.to_lowercase() if lowered is None else lowered
        pattern = folded(pattern)
        unless = None if unless is None else folded(unless)
    if unless is not None:
        text = text.str.replace_all(unless, " ")
    return frame.with_columns(text.str.contains(pattern).alias(name))


def excepted_only(frame: pl.DataFrame, pattern: str, unless: str | None) -> pl.DataFrame:
    """How many items of each outlet (``outlet``, ``items``; ``(unknown)`` for none) match
    ``pattern`` only inside matches of ``unless`` (the query's ``query_except`` phrases):
    items a query without the exceptions would count ("Minsk agreements" for "minsk") and this
    one does not.

    Example:
        >>> docs = pl.DataFrame({"outlet": ["A", "A"], "title": ["x", "y"],
        ...                      "text": ["The Minsk agreements", "Talks in Minsk"]})
        >>> excepted_only(docs, term_pattern(["minsk"]), term_pattern(["minsk agreement*"])).rows()
        [('A', 1)]
    """
    schema = {"outlet": pl.String, "items": pl.UInt32}
    if unless is None or not frame.height:
        return pl.DataFrame(schema=schema)
    text = matched_text(frame)
    lowered = text.str.to_lowercase()
    outlets = frame.select(pl.col("outlet").cast(pl.String).fill_null(UNKNOWN))  # a name to print
    both = flag_matches(outlets, pattern, name="any", text=text, lowered=lowered)
    both = flag_matches(both, pattern, name="counted", unless=unless, text=text, lowered=lowered)
    only = both.filter(pl.col("any") & ~pl.col("counted"))
    return only.group_by("outlet").agg(items=pl.len()).sort("outlet").cast(schema)


def matched_text(frame: pl.DataFrame) -> pl.Series:
    """What :func:`flag_matches` matches in: each row's title as its text's first paragraph
    (once; the frame's own text is left as it is), as :func:`toolkit.frames.term_text` gives it
    (a term right after an emoji is a word; Chinese set apart where a term may begin or end)."""
    read = with_titles(frame.select(c for c in ("title", "text") if c in frame.columns))
    return read.select(term_text(pl.col("text").fill_null(""))).to_series()


def event_measures(
    frame: pl.DataFrame,
    *,
    query: str,
    frames: dict[str, Any],
    article_topics: pl.DataFrame | None = None,
    topic_labels: dict[int, str] | None = None,
    query_label: str = "query",
    query_unless: str | None = None,
) -> tuple[pl.DataFrame, dict[str, str]]:
    """``frame`` with a boolean column per measure compared around an event, and each
    measure's label by its column: ``query`` (the title or text matches the pattern outside
    the matches of ``query_unless``; ``query_label``), each frame of the lexicon (its label),
    and, given the topics run's ``article_topics``, ``topic N`` for each dominant topic (its
    label from ``topic_labels``; null for articles without one; the outliers, topic -1, are no
    topic and are not tested).
    Feed both to :func:`before_after_shares`."""
    flagged, text = frame, matched_text(frame)  # one text for every pattern
    lowered = text.str.to_lowercase()
    for key, spec in frames.items():
        flagged = flag_matches(flagged, term_pattern(spec["terms"]), name=key,
                               unless=except_pattern(spec), text=text, lowered=lowered)  # fmt: skip
    flagged = flag_matches(
        flagged, query, name="query", unless=query_unless, text=text, lowered=lowered
    )
    measures = {"query": query_label} | {key: spec["label"] for key, spec in frames.items()}
    if article_topics is not None:
        topics = article_topics.select("doc_id", "topic")
        present = frame.join(topics, on="doc_id")["topic"].unique().sort().to_list()
        present = [t for t in present if t is not None and t >= 0]  # -1: outliers, no topic
        flagged = flagged.join(topics, on="doc_id", how="left").with_columns(
            (pl.col("topic") == t).alias(f"topic {t}") for t in present
        )
        names = topic_labels or {}
        measures |= {f"topic {t}": names.get(t, f"topic {t}") for t in present}
    return flagged, measures
