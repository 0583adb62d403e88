"""Change over time: volume, the share of items matching a query, frames and topics per period,
events, and what rose or fell around an event.

Only items with a full date are placed in time. Undated and partially dated items (a weekday
without a year, say) are counted by :func:`dating` and left out of every series, never put at a
default date. Shares are normalised by each period's volume and carry Wilson 95% intervals.

Outlets publish at their own pace and go quiet at their own times, so shares are computed
within each outlet (``by="outlet"``: Media Cloud's normalised attention) and pooled only with
outlets weighted equally (:func:`pooled`). Every share row says how well its period is
covered (``coverage``): "full"; "partial" where the period begins before the outlet's (or the
corpus's) first dated item or ends after its last, so a short first or last period is not read
as a dip; "no items" where the outlet published nothing in it (share null, not zero). Volume
series keep periods with no items as zeros, so gaps stay visible.

The before/after test compares within outlets (:func:`before_after_shares`), so an outlet
absent on one side cannot make a change; tables of many tests carry Benjamini-Hochberg
q-values beside the p-values.

Example:
    >>> from toolkit import trends
    >>> trends.volume(corpus, period="month")                      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from toolkit.before_after import (
    GAP_DAYS,
    before_after_by_group,
    before_after_shares,
    before_after_terms,
    corpus_gaps,
    days_inside,
    event_window,
    gap_days,
    unsettled,
)
from toolkit.errors import ToolkitError
from toolkit.resources import PERIODS, UNKNOWN
from toolkit.stats import wilson
from toolkit.term_flags import event_measures, excepted_only, flag_matches
from toolkit.trend_options import TrendOptions

__all__ = [
    "GAP_DAYS",
    "PERIODS",
    "POOLED",
    "TrendOptions",
    "before_after_by_group",
    "before_after_shares",
    "before_after_terms",
    "bucket",
    "category_share",
    "corpus_gaps",
    "dating",
    "event_measures",
    "event_window",
    "excepted_only",
    "flag_matches",
    "frame_shares",
    "gap_days",
    "pooled",
    "query_share",
    "topic_shares",
    "unsettled",
    "volume",
]

POOLED = "all outlets, weighted equally"


def bucket(frame: pl.DataFrame, period: str) -> pl.DataFrame:
    """Dated rows only, with ``period``: the first day of the period holding ``published``
    (weeks start on Monday, ISO; quarters on 1 January, April, July and October)."""
    if period not in PERIODS:
        raise ToolkitError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return frame.filter(pl.col("published").is_not_null()).with_columns(
        period=pl.col("published").dt.truncate(PERIODS[period])
    )


def dating(frame: pl.DataFrame) -> dict[str, int]:
    """How many items have a full date, one written but not taken (``partial``: a day-month
    order nothing settles, no year, refused or not understood), or none. Only the first are
    placed in time."""
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
    """Items per group per period, every period from the corpus's first to its last (zeros
    kept), with ``in_range``: whether the period lies between the group's first and last item.
    Outside that range the corpus holds none of the group's items, which says nothing about
    what it published: a plot draws a group from its first item to its last. ``coverage``
    says how much of a period the group's data cover, as for shares: "partial" for a first
    or last period the data begin or end within (fewer items there is no fall), "no items"
    for none, else "full"; "corpus gap" for a period wholly inside a gap in the data (no group
    has an item for :func:`toolkit.before_after.gap_days` or more: not a group gone quiet),
    "partial" for one partly inside such a gap (trial Q: 29 of April's 30 days)."""
    dated = bucket(frame, period).with_columns(pl.col(by).cast(pl.String).fill_null(UNKNOWN))
    grid = _all_periods(dated, period).join(dated.select(by).unique(), how="cross")
    counts = dated.group_by("period", by).agg(items=pl.len().cast(pl.Int64))
    spans = dated.group_by(by).agg(first=pl.col("period").min(), last=pl.col("period").max())
    table = (
        grid.join(counts, on=["period", by], how="left")
        .join(spans, on=by, how="left")
        .with_columns(
            pl.col("items").fill_null(0),
            in_range=pl.col("period").is_between(pl.col("first"), pl.col("last")),
        )
        .drop("first", "last")
    )
    # the days of each period inside a gap in the data (corpus_gaps: no group has an item for
    # gap_days or more): all of them, a gap; some, a period the data cover in part
    gapped = _gap_days_per_period(dated, period)
    state = (
        pl.when(pl.col("gap_days") >= pl.col("days"))
        .then(pl.lit("corpus gap"))
        .when(pl.col("gap_days") > 0)
        .then(pl.lit("partial"))
        .otherwise("coverage")
    )
    return (
        _coverage(table, dated, period, by)
        .join(gapped, on="period", how="left")
        .with_columns(coverage=state)
        .drop("gap_days", "days")
        .sort("period", by)
    )


def _gap_days_per_period(dated: pl.DataFrame, period: str) -> pl.DataFrame:
    """Each period's ``days`` and how many of them lie in a gap in the data (``gap_days``)."""
    schema = {"period": pl.Date, "gap_days": pl.Int64, "days": pl.Int64}
    periods = _all_periods(dated, period)["period"].to_list()
    if not periods:
        return pl.DataFrame(schema=schema)
    ends = pl.DataFrame({"p": periods}).select(pl.col("p").dt.offset_by(PERIODS[period]))
    ends = [e - dt.timedelta(days=1) for e in ends["p"].to_list()]
    gaps = corpus_gaps(dated, periods[0], ends[-1])
    inside = [days_inside(gaps, p, e) for p, e in zip(periods, ends, strict=True)]
    days = [(e - p).days + 1 for p, e in zip(periods, ends, strict=True)]
    return pl.DataFrame({"period": periods, "gap_days": inside, "days": days}, schema=schema)


def _rolling(table: pl.DataFrame, keys: list[str], window: int) -> pl.DataFrame:
    """``table``'s ``k`` and ``n`` summed over ``window`` periods; ``items`` keeps each
    period's own items (a period with none is still one without items, and a group's items
    are the sum of ``items``, not of the pooled ``n``)."""
    table = table.with_columns(items=pl.col("n"))
    if window <= 1:
        return table
    summed = [pl.col(c).rolling_sum(window, min_samples=1) for c in ("k", "n")]
    if keys:
        summed = [e.over(keys) for e in summed]
    return table.sort([*keys, "period"]).with_columns(summed)


def _coverage(
    table: pl.DataFrame, dated: pl.DataFrame, period: str, by: str | None
) -> pl.DataFrame:
    """``table`` with ``coverage``: "no items" where the period has none (``items``, else
    ``n``, is 0), "partial" where the period begins before the first dated item of its group
    (or of the corpus, without ``by``) or ends after the last, else "full"."""
    keys = [by] if by else []
    spans = dated.group_by(keys).agg(first=pl.col("published").min(),
                                     last=pl.col("published").max())  # fmt: skip
    end = pl.col("period").dt.offset_by(PERIODS[period]).dt.offset_by("-1d")
    joined = table.join(spans, on=keys, how="left") if keys else table.join(spans, how="cross")
    return joined.with_columns(
        coverage=pl.when(pl.col("items" if "items" in table.columns else "n") == 0)
        .then(pl.lit("no items"))
        .when((pl.col("period") < pl.col("first")) | (end > pl.col("last")))
        .then(pl.lit("partial"))
        .otherwise(pl.lit("full"))
    ).drop("first", "last")


def _own_items(table: pl.DataFrame) -> pl.DataFrame:
    """``table`` with no share or interval for a period with no items of its own: a rolling
    window's pooled n would carry the period before into it (trial N)."""
    none = pl.col("items") == 0
    return table.with_columns(
        pl.when(~none).then(pl.col(c)).alias(c) for c in ("share", "ci_low", "ci_high")
    )


def _grouped(frame: pl.DataFrame, by: str | None) -> pl.DataFrame:
    return frame.with_columns(pl.col(by).cast(pl.String).fill_null(UNKNOWN)) if by else frame


def query_share(
    frame: pl.DataFrame,
    pattern: str,
    *,
    period: str,
    by: str | None = None,
    rolling: int = 1,
    unless: str | None = None,
) -> pl.DataFrame:
    """The share of each period's items (within each group, if ``by``) that match ``pattern``
    (outside the matches of ``unless``, where given), with Wilson intervals and ``coverage``;
    ``rolling`` > 1 pools that many periods (counts, not shares, are summed). A group's period
    without items has ``n`` 0 and a null share."""
    flagged = _grouped(bucket(flag_matches(frame, pattern, unless=unless), period), by)
    keys = [by] if by else []
    grid = _all_periods(flagged, period)
    if by:
        grid = grid.join(flagged.select(by).unique(), how="cross")
    counts = flagged.group_by("period", *keys).agg(
        n=pl.len().cast(pl.Int64), k=pl.col("match").sum().cast(pl.Int64)
    )
    table = grid.join(counts, on=["period", *keys], how="left").with_columns(
        pl.col("n").fill_null(0), pl.col("k").fill_null(0)
    )
    table = _rolling(table, keys, rolling).with_columns(*wilson("k", "n"))
    return _own_items(_coverage(table, flagged, period, by)).sort(*keys, "period")


def category_share(
    frame: pl.DataFrame,
    category: str,
    *,
    period: str,
    by: str | None = None,
    rolling: int = 1,
) -> pl.DataFrame:
    """Each category's (topic's, frame's) share of each period's items (within each group, if
    ``by``), with Wilson intervals and ``coverage``: normalised by the period's volume, so busy
    periods do not look like surges."""
    dated = _grouped(bucket(frame, period), by)
    keys = [by] if by else []
    totals = dated.group_by("period", *keys).agg(n=pl.len().cast(pl.Int64))
    grid = _all_periods(dated, period).join(dated.select(category).unique(), how="cross")
    if by:
        grid = grid.join(dated.select(by).unique(), how="cross")
    counts = dated.group_by("period", *keys, category).agg(k=pl.len().cast(pl.Int64))
    table = (
        grid.join(totals, on=["period", *keys], how="left")
        .join(counts, on=["period", *keys, category], how="left")
        .with_columns(pl.col("n").fill_null(0), pl.col("k").fill_null(0))
    )
    table = _rolling(table, [*keys, category], rolling).with_columns(*wilson("k", "n"))
    return _own_items(_coverage(table, dated, period, by)).sort(*keys, category, "period")


def pooled(
    shares: pl.DataFrame, *, by: str = "outlet", category: str | None = None, min_items: int = 1
) -> pl.DataFrame:
    """The groups' shares pooled with each group weighted equally: per period (and
    ``category``), the mean share of the groups with at least ``min_items`` items then, in
    ``by`` as :data:`POOLED`. ``groups`` counts them; the interval combines their Wilson
    intervals by MOVER (Zou and Donner 2008: each side from the distances of the groups' own
    limits to their shares), so one group's pooled interval is its own, and a share of 0 keeps
    its upper limit. A period where any group is missing or partial is "partial": its mean is
    over fewer groups, so it is not comparable with the others.

    Example:
        >>> per = query_share(corpus, pattern, period="month", by="outlet")  # doctest: +SKIP
        >>> pl.concat([per, pooled(per)], how="diagonal")                    # doctest: +SKIP
    """
    keys = ["period", *([category] if category else [])]
    total = shares[by].n_unique()
    counted = pl.col("n") >= max(min_items, 1)
    if "items" in shares.columns:  # a rolling window's n: a period with none of its own is out
        counted = counted & (pl.col("items") > 0)
    below = (pl.col("share") - pl.col("ci_low")) ** 2
    above = (pl.col("ci_high") - pl.col("share")) ** 2
    own = [pl.col("items").sum()] if "items" in shares.columns else []  # periods' own items
    out = shares.group_by(keys).agg(
        *own,
        n=pl.col("n").sum(),
        k=pl.col("k").sum(),
        groups=counted.sum().cast(pl.Int64),
        share=pl.col("share").filter(counted).mean(),
        below=below.filter(counted).sum().sqrt() / counted.sum(),
        above=above.filter(counted).sum().sqrt() / counted.sum(),
        full=(counted & (pl.col("coverage") == "full")).sum(),
    )
    return (
        out.with_columns(
            pl.lit(POOLED).alias(by),
            pl.col("share").round(4),
            ci_low=(pl.col("share") - pl.col("below")).clip(0, 1).round(4),
            ci_high=(pl.col("share") + pl.col("above")).clip(0, 1).round(4),
            coverage=pl.when(pl.col("groups") == 0)
            .then(pl.lit("no items"))
            .when(pl.col("full") < total)
            .then(pl.lit("partial"))
            .otherwise(pl.lit("full")),
        )
        .drop("below", "above", "full")
        .sort(keys)
    )


def frame_shares(
    frame: pl.DataFrame,
    frames: dict[str, Any],
    *,
    period: str,
    by: str | None = None,
    rolling: int = 1,
) -> pl.DataFrame:
    """Each frame's share of each period's items (within each group, if ``by``):
    :func:`query_share` of the frame's terms (not inside its ``except`` phrases), with its
    label in ``frame``. ``frames`` is a
    frames lexicon (:func:`toolkit.rhetoric.lexicon`, which reads the user's ``frames_file``)."""
    from toolkit.rhetoric import except_pattern, term_pattern

    series = [
        query_share(frame, term_pattern(spec["terms"]), period=period, by=by, rolling=rolling,
                    unless=except_pattern(spec)).with_columns(frame=pl.lit(spec["label"]))
        for spec in frames.values()
    ]  # fmt: skip
    if not series:
        return query_share(frame.head(0), "x", period=period, by=by).with_columns(
            frame=pl.lit(None, pl.String)
        )
    return pl.concat(series)


def topic_shares(
    frame: pl.DataFrame,
    article_topics: pl.DataFrame,
    *,
    period: str,
    by: str | None = None,
    rolling: int = 1,
) -> tuple[pl.DataFrame, int]:
    """Each dominant topic's share of each period's articles (within each group, if ``by``:
    :func:`category_share`), and how many articles with a topic were left out for having no
    full date.

    ``article_topics`` is the topics run's ``article_topics`` table (``doc_id``, ``topic``);
    articles it does not cover are left out.
    """
    docs = frame.join(article_topics.select("doc_id", "topic"), on="doc_id")
    undated = docs.filter(pl.col("published").is_null()).height
    return category_share(docs, "topic", period=period, by=by, rolling=rolling), undated
