"""Tables of fitted topics: each article's dominant topic, each topic's share of a group's
units and of a period's units, with Wilson intervals and small-n flags, and each topic's
representative passages as evidence.

Example:
    >>> from toolkit.topic_tables import article_topics
    >>> article_topics(result.units)                          # doctest: +SKIP
"""

from __future__ import annotations

import polars as pl

from toolkit.stats import MIN_GROUP_DOCS, flag_small, wilson
from toolkit.topic_model import OUTLIER
from toolkit.trends import category_share

__all__ = ["article_topics", "group_shares", "language_topics", "over_time", "topic_passages"]


def article_topics(units: pl.DataFrame) -> pl.DataFrame:
    """Units' topics aggregated to their articles: the dominant topic (most units, outliers
    aside; ties to the lower id), its share of the article's units, and the unit counts."""
    counted = (
        units.filter(pl.col("topic") != OUTLIER)
        .group_by("doc_id", "topic")
        .len()
        .sort(["doc_id", "len", "topic"], descending=[False, True, False])
    )
    dominant = counted.group_by("doc_id", maintain_order=True).first()
    totals = units.group_by("doc_id").agg(
        units=pl.len(), outlier_units=(pl.col("topic") == OUTLIER).sum().cast(pl.Int64)
    )
    return (
        totals.join(dominant.rename({"len": "topic_units"}), on="doc_id", how="left")
        .with_columns(
            topic=pl.col("topic").fill_null(OUTLIER),
            topic_share=(pl.col("topic_units").fill_null(0) / pl.col("units")).round(4),
        )
        .drop("topic_units")
        .sort("doc_id")
    )


def group_shares(
    units: pl.DataFrame, *, by: str = "outlet", min_group_docs: int = MIN_GROUP_DOCS
) -> pl.DataFrame:
    """Share of each group's units in each topic, with Wilson 95% intervals, the group's units
    and documents, and ``small_n`` where the group has fewer than ``min_group_docs`` documents."""
    labelled = units.with_columns(pl.col(by).cast(pl.String).fill_null("(unknown)"))
    groups = labelled.group_by(by).agg(n_units=pl.len(), n_docs=pl.col("doc_id").n_unique())
    topics = labelled.select("topic").unique()
    counts = labelled.group_by(by, "topic").agg(k=pl.len())
    return (
        groups.join(topics, how="cross")
        .join(counts, on=[by, "topic"], how="left")
        .with_columns(pl.col("k").fill_null(0).cast(pl.Int64))
        .with_columns(*wilson("k", "n_units"), flag_small("n_docs", min_group_docs))
        .sort(by, "topic")
    )


def over_time(
    units: pl.DataFrame, *, period: str = "month", by: str | None = None
) -> tuple[pl.DataFrame, int]:
    """Each topic's share of each period's units (within each group, if ``by``: so uneven
    volumes and an outlet's silences do not skew the picture), with Wilson intervals and
    ``coverage`` (:mod:`toolkit.trends`), and how many units were left out for having no full
    date.

    :func:`toolkit.trends.category_share` of ``topic``, with the units per period (and group)
    as ``n_units``; without ``by``, only the periods that have units; with it, a group's
    periods without units too (``coverage`` "no items"), so they show as gaps.
    """
    left_out = units.filter(pl.col("published").is_null()).height
    keys = [by] if by else []
    table = category_share(units, "topic", period=period, by=by)
    if not by:
        table = table.filter(pl.col("n") > 0)
    table = table.select(
        "period",
        *keys,
        pl.col("n").cast(pl.UInt32).alias("n_units"),  # the type pl.len() gave it before
        "topic",
        "k",
        "share",
        "ci_low",
        "ci_high",
        "coverage",
    ).sort("period", *keys, "topic")
    return table, left_out


ONE_LANGUAGE = 0.9  # a topic this much one language's, in a corpus of several, is that language's


def language_topics(
    units: pl.DataFrame, *, labels: dict[int, str] | None = None, min_share: float = 0.05
) -> tuple[pl.DataFrame, str]:
    """Each topic's units by language (``lang``; languages with ``min_share`` of all units or
    more): its units, its main language and that language's share of the topic and of all
    units, and ``one_language`` where one language holds :data:`ONE_LANGUAGE` of the topic but
    not of the corpus; and a sentence naming those topics (empty when the corpus is of one
    language, or no topic is). A multilingual model can still gather a language rather than a
    subject: such a topic's share per outlet compares languages, not coverage.

    Example:
        >>> units = pl.DataFrame({"topic": [0, 0, 0, 1, 1, 1], "lang": ["en"] * 3 + ["ru"] * 3})
        >>> language_topics(units, labels={0: "0: talks"})[1][:52]
        'Topics 0: talks (en 100%) and 1 (ru 100%) are each a'
    """
    if "lang" not in units.columns or not units.height:
        return pl.DataFrame(), ""
    lang = pl.col("lang").cast(pl.String).fill_null("und")
    known = units.filter(pl.col("topic") != OUTLIER).with_columns(lang.alias("lang"))
    overall = known.group_by("lang").agg(all_share=pl.len() / known.height)
    main = overall.filter(pl.col("all_share") >= min_share)
    if main.height < 2:
        return pl.DataFrame(), ""
    by_topic = (
        known.group_by("topic", "lang")
        .agg(k=pl.len())
        .with_columns(n_units=pl.col("k").sum().over("topic"))
        .sort(["topic", "k", "lang"], descending=[False, True, False])
        .group_by("topic", maintain_order=True)
        .first()
        .join(overall, on="lang")
        .select(
            "topic",
            "n_units",
            main_language="lang",
            share=(pl.col("k") / pl.col("n_units")).round(4),
            share_of_all=pl.col("all_share").round(4),
        )
        .with_columns(
            one_language=(pl.col("share") >= ONE_LANGUAGE) & (pl.col("share_of_all") < ONE_LANGUAGE)
        )
        .sort("topic")
    )
    flagged = by_topic.filter("one_language")
    if not flagged.height:
        return by_topic, ""
    named = labels or {}
    listed = [f"{named.get(t, t)} ({lg} {sh:.0%})" for t, lg, sh in
              flagged.select("topic", "main_language", "share").rows()]  # fmt: skip
    names = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} and {listed[-1]}"
    if len(listed) == 1:
        head = f"Topic {names} is almost all one language's"
    else:
        head = f"Topics {names} are each almost all one language's"
    return by_topic, (
        f"{head} ({ONE_LANGUAGE:.0%} of its units or more), in a corpus of several languages: "
        "such a topic may gather a language, not a subject, and its share per outlet then "
        "compares languages, not coverage."
    )


def topic_passages(units: pl.DataFrame, table: pl.DataFrame) -> pl.DataFrame:
    """Each topic's representative units (``table``'s ``representative_units``, outliers
    aside) as the keys of :func:`toolkit.evidence.passages`: ``key`` (the topic's label, as
    the report's tables write it), ``doc_id`` and the unit's ``text``."""
    chosen = (
        table.filter(pl.col("topic") != OUTLIER)
        .select(key=pl.col("label"), unit_id=pl.col("representative_units"))
        .explode("unit_id")
        .drop_nulls("unit_id")
    )
    own = units.select(pl.col("unit_id").cast(pl.String), pl.col("doc_id").cast(pl.String),
                       "text")  # fmt: skip
    return chosen.join(own, on="unit_id", how="inner").select("key", "doc_id", "text")
