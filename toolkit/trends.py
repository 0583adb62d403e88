"""Change over time: volume, the share of items matching a query, frames and topics per period,
events, and what rose or fell around an event.

Only items with a full date are placed in time. Undated and partially dated items (a weekday
without a year, say) are counted by :func:`dating` and left out of every series, never put at a
default date. Shares are normalised by each period's volume and carry Wilson 95% intervals;
periods with no items are kept as zeros in volume series, so gaps stay visible.

Example:
    >>> from toolkit import trends
    >>> trends.volume(corpus, period="month")                      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from toolkit.errors import ToolkitError
from toolkit.options import option
from toolkit.resources import PERIODS, UNKNOWN
from toolkit.stats import wilson

__all__ = [
    "PERIODS",
    "TrendOptions",
    "before_after_shares",
    "before_after_terms",
    "bucket",
    "category_share",
    "dating",
    "event_measures",
    "event_window",
    "flag_matches",
    "frame_shares",
    "query_share",
    "topic_shares",
    "volume",
]

_EVENTS = [
    {"date": "2020-08-09", "label": "Belarusian presidential election"},
    {"date": "2021-11-04", "label": "Union State programmes"},
    {"date": "2022-02-24", "label": "February 2022"},
    {"date": "2023-01-19", "label": "Lavrov in Minsk"},
]


@dataclass(frozen=True)
class TrendOptions:
    """The trends notebook's options (the ``trends`` section of a parameter set)."""

    period: str = option("month", "period of every series", choices=tuple(PERIODS))
    query: list = option(
        ["belarus*", "lukashenk*", "minsk", "union state"],
        "terms whose share of items is followed (whole words; * for any ending)",
    )
    events: list = option(_EVENTS, "events drawn on every time plot: a list of {date, label}")
    event: str | None = option(
        "2022-02-24", "the event compared before and after", types=(str, type(None))
    )
    window_days: int = option(180, "days either side of the event", minimum=1, maximum=36_525)
    rolling: int = option(
        1, "periods pooled in a rolling window (1: none)", minimum=1, maximum=1000
    )
    min_period_items: int = option(
        5,
        "periods with fewer items are left out of share plots (kept in the tables)",
        minimum=0,
        maximum=10**6,
    )
    permutations: int = option(
        2000, "shuffles in the before/after permutation test", minimum=1, maximum=100_000
    )
    top_terms: int = option(20, "terms listed as rising and falling", minimum=1, maximum=1000)
    min_count: int = option(
        3,
        "terms rarer than this around the event are not ranked",
        minimum=1,
        maximum=10**6,
    )


def bucket(frame: pl.DataFrame, period: str) -> pl.DataFrame:
    """Dated rows only, with ``period``: the first day of the period holding ``published``
    (weeks start on Monday, ISO; quarters on 1 January, April, July and October)."""
    if period not in PERIODS:
        raise ToolkitError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return frame.filter(pl.col("published").is_not_null()).with_columns(
        period=pl.col("published").dt.truncate(PERIODS[period])
    )


def dating(frame: pl.DataFrame) -> dict[str, int]:
    """How many items have a full date, a partial one (written, but not placeable: no year),
    or none. Only the first are placed in time."""
    has_text = "date_text" in frame.columns
    partial = (
        frame.filter(pl.col("published").is_null() & pl.col("date_text").is_not_null()).height
        if has_text
        else 0
    )
    dated = frame.filter(pl.col("published").is_not_null()).height
    return {"items": frame.height, "dated": dated, "partial": partial,
            "undated": frame.height - dated - partial}  # fmt: skip


def _all_periods(dated: pl.DataFrame, period: str) -> pl.DataFrame:
    if dated.height == 0:
        return pl.DataFrame(schema={"period": pl.Date})
    start, end = dated["period"].min(), dated["period"].max()
    return pl.DataFrame({"period": pl.date_range(start, end, interval=PERIODS[period], eager=True)})


def volume(frame: pl.DataFrame, *, period: str, by: str = "outlet") -> pl.DataFrame:
    """Items per group per period, every period from the first to the last (zeros kept)."""
    dated = bucket(frame, period).with_columns(pl.col(by).cast(pl.String).fill_null(UNKNOWN))
    grid = _all_periods(dated, period).join(dated.select(by).unique(), how="cross")
    counts = dated.group_by("period", by).agg(items=pl.len().cast(pl.Int64))
    return (
        grid.join(counts, on=["period", by], how="left")
        .with_columns(pl.col("items").fill_null(0))
        .sort("period", by)
    )


def flag_matches(frame: pl.DataFrame, pattern: str, *, name: str = "match") -> pl.DataFrame:
    """``frame`` with a boolean column ``name``: the title or text matches ``pattern``."""
    text = pl.col("text").fill_null("")
    if "title" in frame.columns:
        text = pl.col("title").fill_null("") + "\n" + text
    return frame.with_columns(text.str.contains(pattern).alias(name))


def _rolling(table: pl.DataFrame, keys: list[str], window: int) -> pl.DataFrame:
    if window <= 1:
        return table
    summed = [pl.col(c).rolling_sum(window, min_samples=1) for c in ("k", "n")]
    if keys:
        summed = [e.over(keys) for e in summed]
    return table.sort([*keys, "period"]).with_columns(summed)


def query_share(
    frame: pl.DataFrame,
    pattern: str,
    *,
    period: str,
    by: str | None = None,
    rolling: int = 1,
) -> pl.DataFrame:
    """The share of each period's items (per group, if ``by``) that match ``pattern``, with
    Wilson intervals; ``rolling`` > 1 pools that many periods (counts, not shares, are summed)."""
    flagged = bucket(flag_matches(frame, pattern), period)
    keys = [by] if by else []
    if by:
        flagged = flagged.with_columns(pl.col(by).cast(pl.String).fill_null(UNKNOWN))
    grid = _all_periods(flagged, period)
    if by:
        grid = grid.join(flagged.select(by).unique(), how="cross")
    counts = flagged.group_by("period", *keys).agg(
        n=pl.len().cast(pl.Int64), k=pl.col("match").sum().cast(pl.Int64)
    )
    table = grid.join(counts, on=["period", *keys], how="left").with_columns(
        pl.col("n").fill_null(0), pl.col("k").fill_null(0)
    )
    return _rolling(table, keys, rolling).with_columns(*wilson("k", "n")).sort(*keys, "period")


def category_share(
    frame: pl.DataFrame, category: str, *, period: str, rolling: int = 1
) -> pl.DataFrame:
    """Each category's (topic's, frame's) share of each period's items, with Wilson intervals:
    normalised by the period's volume, so busy periods do not look like surges."""
    dated = bucket(frame, period)
    totals = dated.group_by("period").agg(n=pl.len().cast(pl.Int64))
    grid = _all_periods(dated, period).join(dated.select(category).unique(), how="cross")
    counts = dated.group_by("period", category).agg(k=pl.len().cast(pl.Int64))
    table = (
        grid.join(totals, on="period", how="left")
        .join(counts, on=["period", category], how="left")
        .with_columns(pl.col("n").fill_null(0), pl.col("k").fill_null(0))
    )
    return (
        _rolling(table, [category], rolling)
        .with_columns(*wilson("k", "n"))
        .sort(category, "period")
    )


def frame_shares(
    frame: pl.DataFrame, frames: dict[str, Any], *, period: str, rolling: int = 1
) -> pl.DataFrame:
    """Each frame's share of each period's items: :func:`query_share` of the frame's terms,
    with its label in ``frame``. ``frames`` is a frames lexicon (:func:`toolkit.rhetoric.lexicon`,
    which reads the user's ``frames_file``)."""
    from toolkit.rhetoric import term_pattern

    series = [
        query_share(
            frame, term_pattern(spec["terms"]), period=period, rolling=rolling
        ).with_columns(frame=pl.lit(spec["label"]))
        for spec in frames.values()
    ]
    if not series:
        return query_share(frame.head(0), "x", period=period).with_columns(
            frame=pl.lit(None, pl.String)
        )
    return pl.concat(series)


def topic_shares(
    frame: pl.DataFrame, article_topics: pl.DataFrame, *, period: str, rolling: int = 1
) -> tuple[pl.DataFrame, int]:
    """Each dominant topic's share of each period's articles (:func:`category_share`), and how
    many articles with a topic were left out for having no full date.

    ``article_topics`` is the topics run's ``article_topics`` table (``doc_id``, ``topic``);
    articles it does not cover are left out.
    """
    docs = frame.join(article_topics.select("doc_id", "topic"), on="doc_id")
    undated = docs.filter(pl.col("published").is_null()).height
    return category_share(docs, "topic", period=period, rolling=rolling), undated


def event_measures(
    frame: pl.DataFrame,
    *,
    query: str,
    frames: dict[str, Any],
    article_topics: pl.DataFrame | None = None,
) -> tuple[pl.DataFrame, list[str]]:
    """``frame`` with a boolean column per measure compared around an event, and their names:
    ``query`` (the title or text matches the pattern), each frame of the lexicon, and, given
    the topics run's ``article_topics``, ``topic N`` for each dominant topic (null for articles
    without one). Feed both to :func:`before_after_shares`."""
    from toolkit.rhetoric import term_pattern

    flagged = frame
    for key, spec in frames.items():
        flagged = flag_matches(flagged, term_pattern(spec["terms"]), name=key)
    flagged = flag_matches(flagged, query, name="query")
    measures = ["query", *frames]
    if article_topics is not None:
        topics = article_topics.select("doc_id", "topic")
        present = frame.join(topics, on="doc_id")["topic"].unique().sort().to_list()
        flagged = flagged.join(topics, on="doc_id", how="left").with_columns(
            (pl.col("topic") == t).alias(f"topic {t}") for t in present
        )
        measures += [f"topic {t}" for t in present]
    return flagged, measures


def event_window(event: str | dt.date, days: int) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(before_start, before_end, after_start, after_end), all inclusive: the ``days`` days
    before the event day, and the event day with the ``days - 1`` days after it."""
    day = dt.date.fromisoformat(event) if isinstance(event, str) else event
    if days < 1:
        raise ToolkitError(f"an event window needs at least one day, not {days}")
    one = dt.timedelta(days=1)
    return day - days * one, day - one, day, day + (days - 1) * one


def _side(frame: pl.DataFrame, event: str | dt.date, days: int) -> pl.DataFrame:
    b0, b1, a0, a1 = event_window(event, days)
    return frame.with_columns(
        side=pl.when(pl.col("published").is_between(b0, b1))
        .then(pl.lit("before"))
        .when(pl.col("published").is_between(a0, a1))
        .then(pl.lit("after"))
    ).filter(pl.col("side").is_not_null())


def before_after_shares(
    frame: pl.DataFrame,
    flags: list[str],
    *,
    event: str | dt.date,
    days: int,
    seed: int | np.random.Generator,
    permutations: int = 2000,
) -> pl.DataFrame:
    """For each boolean column in ``flags`` (a frame present, a topic, a query match): its
    share of items before and after the event, the change, and a two-sided permutation test
    p-value (item labels shuffled ``permutations`` times by a generator from ``seed``, or by
    the ``numpy.random.Generator`` given)."""
    sided = _side(frame, event, days)
    after = (sided["side"] == "after").to_numpy()
    rng = np.random.default_rng(seed)
    shuffles = (
        np.array([rng.permutation(after) for _ in range(permutations)]) if after.size else None
    )
    rows = []
    for f in flags:
        x = sided[f].fill_null(False).to_numpy().astype(np.float64)
        n_a, n_b = int(after.sum()), int((~after).sum())
        share_a = x[after].mean() if n_a else float("nan")
        share_b = x[~after].mean() if n_b else float("nan")
        p = None
        if n_a and n_b:
            observed = share_a - share_b
            diffs = (shuffles @ x) / n_a - ((1 - shuffles) @ x) / n_b  # every shuffle at once
            p = float((np.sum(np.abs(diffs) >= abs(observed) - 1e-12) + 1) / (permutations + 1))
        rows.append({"measure": f, "n_before": n_b, "n_after": n_a,
                     "share_before": _r(share_b), "share_after": _r(share_a),
                     "change": _r(share_a - share_b), "p_value": _r(p)})  # fmt: skip
    schema = {"measure": pl.String, "n_before": pl.Int64, "n_after": pl.Int64,
              "share_before": pl.Float64, "share_after": pl.Float64, "change": pl.Float64,
              "p_value": pl.Float64}  # fmt: skip
    return pl.DataFrame(rows, schema=schema).sort("change", descending=True, nulls_last=True)


def _r(x: float | None) -> float | None:
    return round(float(x), 4) if x is not None and np.isfinite(x) else None


def before_after_terms(
    frame: pl.DataFrame, *, event: str | dt.date, days: int, **options: Any
) -> pl.DataFrame:
    """Terms that rose (z > 0) or fell (z < 0) after the event: the log-odds ratio with an
    informative prior of the items after against those before (see :mod:`toolkit.rhetoric`)."""
    from toolkit.keyness import distinctive_terms

    sided = _side(frame, event, days)
    if sided["side"].n_unique() < 2:
        return pl.DataFrame()
    return distinctive_terms(sided, by="side", pair=("after", "before"), **options)
