"""Tables of fitted topics: each article's dominant topic, and each topic's share of a group's
units and of a period's units, with Wilson intervals and small-n flags.

Example:
    >>> from toolkit.topic_tables import article_topics
    >>> article_topics(result.units)                          # doctest: +SKIP
"""

from __future__ import annotations

import polars as pl

from toolkit.stats import flag_small, wilson
from toolkit.topic_model import OUTLIER
from toolkit.trends import category_share

__all__ = ["article_topics", "group_shares", "over_time"]


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
    units: pl.DataFrame, *, by: str = "outlet", min_group_docs: int = 5
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
