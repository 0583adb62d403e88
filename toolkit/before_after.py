"""Before and after an event: each measure's share in a window either side, compared within each
outlet by a permutation test (labels shuffled within outlets, seeded), with Benjamini-Hochberg
q-values; and the words that rose and fell (log-odds, :mod:`toolkit.keyness`).

Example:
    >>> from toolkit.before_after import event_window
    >>> event_window("2022-02-24", 7)[0]
    datetime.date(2022, 2, 17)
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Any

import numpy as np
import polars as pl

from toolkit.errors import ToolkitError
from toolkit.resources import UNKNOWN
from toolkit.stats import MIN_GROUP_DOCS, bh_qvalues, wilson_bounds

__all__ = [
    "GAP_DAYS",
    "before_after_by_group",
    "before_after_shares",
    "before_after_terms",
    "corpus_gaps",
    "days_inside",
    "event_window",
    "gap_days",
    "unsettled",
]

GAP_DAYS = 7  # the fewest days in a row without a dated item in the corpus that are a gap


def event_window(event: str | dt.date, days: int) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """(before_start, before_end, after_start, after_end), all inclusive: the ``days`` days
    before the event day, and the event day with the ``days - 1`` days after it."""
    day = dt.date.fromisoformat(event) if isinstance(event, str) else event
    if days < 1:
        raise ToolkitError(f"an event window needs at least one day, not {days}")
    one = dt.timedelta(days=1)
    return day - days * one, day - one, day, day + (days - 1) * one


def gap_days(dates: pl.Series, *, min_days: int = GAP_DAYS) -> int:
    """How many days in a row without an item make a gap in the data, for items dated
    ``dates``: at least ``min_days``, and at least what a steady flow at the data's rate would
    leave once in twenty corpora (the mean spacing between items times ln(n) + 3: the chance
    that any of n gaps between items of a Poisson flow is that long is about e^-3). A handful
    of items over years has no gaps, only spacing.

    Example:
        >>> days = pl.Series([dt.date(2022, 1, 1) + dt.timedelta(days=d) for d in range(0, 300, 3)])
        >>> gap_days(days)
        23
    """
    dated = dates.drop_nulls()
    if dated.len() < 2:
        return max(min_days, 1)
    spacing = (dated.max() - dated.min()).days / (dated.len() - 1)
    return max(min_days, math.ceil(spacing * (math.log(dated.len()) + 3)))


def corpus_gaps(
    frame: pl.DataFrame, start: dt.date, end: dt.date, *, min_days: int | None = None
) -> list[tuple[dt.date, dt.date]]:
    """The runs of days on which no item of ``frame`` is dated, in any group, between two
    dated items, at least ``min_days`` long (by default :func:`gap_days` of the frame): a gap
    in the data (a scraper down, a feed not kept), not an outlet going quiet; each clipped to
    ``start``..``end`` (inclusive). Before the first item or after the last the data do not
    reach (an outlet's span says so).

    Example:
        >>> frame = pl.DataFrame({"published": [dt.date(2022, 1, 1), dt.date(2022, 1, 20)]})
        >>> corpus_gaps(frame, dt.date(2021, 12, 1), dt.date(2022, 2, 1), min_days=7)
        [(datetime.date(2022, 1, 2), datetime.date(2022, 1, 19))]
    """
    one = dt.timedelta(days=1)
    least = gap_days(frame["published"]) if min_days is None else min_days
    days = sorted(set(frame["published"].drop_nulls()))
    runs = [(a + one, b - one) for a, b in itertools.pairwise(days) if (b - a).days - 1 >= least]
    # a gap of the data, clipped to the window
    return [(max(a, start), min(b, end)) for a, b in runs if a <= end and b >= start]


def days_inside(gaps: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date) -> int:
    """Days of ``start``..``end`` inside ``gaps`` (:func:`corpus_gaps`), all inclusive."""
    return sum(_overlap(start, end, a, b) for a, b in gaps)


def unsettled(table: pl.DataFrame, *, permutations: int, level: float = 0.05) -> pl.DataFrame:
    """The rows of a before/after table whose q-value lies within two Monte Carlo standard
    errors of ``level``: another seed's ``permutations`` shuffles could put it on the other
    side (trial R: q 0.0527 here, 0.042 in a recount). The error of a permutation p-value is
    sqrt(p (1 - p) / permutations), and BH scales it as it scales p (q / p). Columns
    ``label``, ``q_value`` and ``q_error`` (two standard errors)."""
    if table.height == 0 or "q_value" not in table.columns:
        return pl.DataFrame(schema={"label": pl.String, "q_value": pl.Float64,
                                    "q_error": pl.Float64})  # fmt: skip
    p, q = pl.col("p_value"), pl.col("q_value")
    error = 2 * (p * (1 - p) / permutations).sqrt() * q / p
    return (
        table.filter(p.is_not_null() & (p > 0) & q.is_not_null())
        .with_columns(q_error=error.round(4))
        .filter((q - level).abs() <= pl.col("q_error"))
        .select("label", "q_value", "q_error")
    )


def _side(frame: pl.DataFrame, event: str | dt.date, days: int) -> pl.DataFrame:
    b0, b1, a0, a1 = event_window(event, days)
    return frame.with_columns(
        side=pl.when(pl.col("published").is_between(b0, b1))
        .then(pl.lit("before"))
        .when(pl.col("published").is_between(a0, a1))
        .then(pl.lit("after"))
    ).filter(pl.col("side").is_not_null())


def _strata(sided: pl.DataFrame, by: str | None) -> tuple[np.ndarray, np.ndarray, list[str], int]:
    """Each item's stratum (its group, or one stratum without ``by``) among the groups with
    items on both sides, whether it is after the event, the groups compared, and the items
    left out (their group has items on one side only)."""
    groups = sided[by].cast(pl.String).fill_null(UNKNOWN) if by else pl.Series([""] * sided.height)
    both = (
        pl.DataFrame({"g": groups, "side": sided["side"]})
        .group_by("g")
        .agg(pl.col("side").n_unique())
        .filter(pl.col("side") == 2)["g"]
        .sort()
        .to_list()
    )
    index = {g: i for i, g in enumerate(both)}
    strata = np.array([index.get(g, -1) for g in groups.to_list()], dtype=np.int64)
    after = (sided["side"] == "after").to_numpy()
    return strata, after, both, int((strata < 0).sum())


def _within_test(
    x: np.ndarray,
    strata: np.ndarray,
    after: np.ndarray,
    k: int,
    rng: np.random.Generator,
    permutations: int,
) -> tuple[float, float, float | None]:
    """The mean over ``k`` strata of each stratum's share before and after, and the two-sided
    p-value of their difference when the before/after labels are shuffled within strata.

    For a yes/no measure, the number of "yes" items a shuffle puts after the event is
    hypergeometric in each stratum, so each shuffle is drawn exactly without building it."""
    keep = strata >= 0
    s, a, xs = strata[keep], after[keep], x[keep]
    n_a = np.bincount(s[a], minlength=k).astype(np.float64)
    n_b = np.bincount(s[~a], minlength=k).astype(np.float64)
    yes_a = np.bincount(s[a], weights=xs[a], minlength=k)
    yes = np.bincount(s, weights=xs, minlength=k)
    share_a, share_b = float(np.mean(yes_a / n_a)), float(np.mean((yes - yes_a) / n_b))
    observed = share_a - share_b
    low, high = _change_interval(yes_a, n_a, yes - yes_a, n_b)
    draws = rng.hypergeometric(
        yes.astype(np.int64), (n_a + n_b - yes).astype(np.int64), n_a.astype(np.int64),
        size=(permutations, k),
    )  # fmt: skip
    diffs = np.mean(draws / n_a - (yes - draws) / n_b, axis=1)
    p = float((np.sum(np.abs(diffs) >= abs(observed) - 1e-12) + 1) / (permutations + 1))
    return share_b, share_a, p, low, high


def _change_interval(
    yes_a: np.ndarray, n_a: np.ndarray, yes_b: np.ndarray, n_b: np.ndarray
) -> tuple[float, float]:
    """The 95% interval of the mean over strata of (share after - share before): MOVER
    (Newcombe 1998; Zou and Donner 2008) from each side's Wilson limits in each stratum, so
    a share of 0 or 1 on one side keeps an honest interval."""
    a, b = yes_a / n_a, yes_b / n_b
    low_a, high_a = wilson_bounds(yes_a, n_a)
    low_b, high_b = wilson_bounds(yes_b, n_b)
    w = 1 / len(a)
    change = float(np.mean(a - b))
    down = np.sqrt(np.sum(w**2 * ((a - low_a) ** 2 + (high_b - b) ** 2)))
    up = np.sqrt(np.sum(w**2 * ((high_a - a) ** 2 + (b - low_b) ** 2)))
    return change - float(down), change + float(up)


_SHARE_SCHEMA = {"n_before": pl.Int64, "n_after": pl.Int64, "share_before": pl.Float64,
                 "share_after": pl.Float64, "change": pl.Float64, "change_low": pl.Float64,
                 "change_high": pl.Float64, "p_value": pl.Float64,
                 "q_value": pl.Float64}  # fmt: skip


def before_after_shares(
    frame: pl.DataFrame,
    flags: list[str] | dict[str, str],
    *,
    event: str | dt.date,
    days: int,
    seed: int | np.random.Generator,
    permutations: int = 2000,
    by: str | None = "outlet",
    min_group_docs: int = MIN_GROUP_DOCS,
) -> pl.DataFrame:
    """For each boolean column in ``flags`` (a frame present, a topic, a query match; a dict
    gives each its ``label``): its share of items before and after the event within each group
    of ``by``, averaged over the groups with items on both sides (each weighted equally), the
    change, and a two-sided permutation test with before/after labels shuffled within groups
    ``permutations`` times (by a generator from ``seed``, or the ``numpy.random.Generator``
    given), so an outlet that went quiet on one side makes no change. ``q_value``: the
    Benjamini-Hochberg q-value over the table. ``by=None`` pools all items as one group.

    Columns: measure, label, groups (compared), left_out (items of groups with items on one
    side only), n_before, n_after, share_before, share_after, change, change_low and
    change_high (its 95% interval: :func:`_change_interval`), p_value, q_value; small_groups
    (the groups compared with fewer than ``min_group_docs`` items on a side: each weighs as
    much as the largest) and small_n (any such group).
    """
    labels = flags if isinstance(flags, dict) else {f: f for f in flags}
    sided = _side(frame, event, days)
    strata, after, groups, left_out = _strata(sided, by)
    rng = np.random.default_rng(seed)
    n_b, n_a = int((~after & (strata >= 0)).sum()), int((after & (strata >= 0)).sum())
    sides = [np.bincount(strata[(strata >= 0) & side], minlength=len(groups))
             for side in (~after, after)]  # fmt: skip
    small = int((np.minimum(*sides) < min_group_docs).sum()) if groups else 0
    rows = []
    for f, label in labels.items():
        share_b = share_a = p = low = high = None
        if groups:
            x = sided[f].fill_null(False).to_numpy().astype(np.float64)
            share_b, share_a, p, low, high = _within_test(x, strata, after, len(groups), rng,
                                                          permutations)  # fmt: skip
        change = share_a - share_b if groups else None
        rows.append({"measure": f, "label": label, "groups": len(groups),
                     "left_out": left_out, "n_before": n_b, "n_after": n_a,
                     "share_before": _r(share_b), "share_after": _r(share_a),
                     "change": _r(change), "change_low": _r(low), "change_high": _r(high),
                     "p_value": _r(p)})  # fmt: skip
    for row, q in zip(rows, bh_qvalues([r["p_value"] for r in rows]), strict=True):
        row["q_value"] = q
    schema = {"measure": pl.String, "label": pl.String, "groups": pl.Int64,
              "left_out": pl.Int64} | _SHARE_SCHEMA  # fmt: skip
    return (
        pl.DataFrame(rows, schema=schema)
        .with_columns(small_groups=pl.lit(small, pl.Int64), small_n=pl.lit(small > 0))
        .sort("change", descending=True, nulls_last=True)
    )


def before_after_by_group(
    frame: pl.DataFrame,
    flags: list[str] | dict[str, str],
    *,
    event: str | dt.date,
    days: int,
    seed: int | np.random.Generator,
    permutations: int = 2000,
    by: str = "outlet",
    min_group_docs: int = MIN_GROUP_DOCS,
) -> pl.DataFrame:
    """:func:`before_after_shares` for each group of ``by`` on its own (one row per measure and
    group with items on both sides), with q-values over the whole table; ``small_n`` where a
    side holds fewer than ``min_group_docs`` of the group's items. ``days_before`` and
    ``days_after`` are the days of each side that the group's data span (from its first dated
    item to its last, in the whole frame), less the days of the corpus's gaps
    (:func:`corpus_gaps`: no item of any group for :func:`gap_days` days or more), and
    ``coverage`` is "partial" where either falls short of ``days``: a group whose data begin
    two days before the event compares two days with a window, and one whose after side is
    mostly a gap in the data compares the days around it."""
    labels = flags if isinstance(flags, dict) else {f: f for f in flags}
    sided = _side(frame, event, days)
    _, _, groups, _ = _strata(sided, by)
    rng = np.random.default_rng(seed)
    column = sided[by].cast(pl.String).fill_null(UNKNOWN)
    spans = _spans(frame, by)
    b0, b1, a0, a1 = event_window(event, days)
    gaps = corpus_gaps(frame, b0, a1)
    rows = []
    for g in groups:
        mine = sided.filter(column == g)
        after = (mine["side"] == "after").to_numpy()
        strata = np.zeros(mine.height, dtype=np.int64)
        first, last = spans[g]
        own = [(max(a, first), min(b, last)) for a, b in gaps if a <= last and b >= first]
        covered = {
            "days_before": _overlap(b0, b1, first, last) - days_inside(own, b0, b1),
            "days_after": _overlap(a0, a1, first, last) - days_inside(own, a0, a1),
        }
        for f, label in labels.items():
            x = mine[f].fill_null(False).to_numpy().astype(np.float64)
            share_b, share_a, p, low, high = _within_test(x, strata, after, 1, rng, permutations)
            rows.append({"measure": f, "label": label, by: g, "n_before": int((~after).sum()),
                         "n_after": int(after.sum()), "share_before": _r(share_b),
                         "share_after": _r(share_a), "change": _r(share_a - share_b),
                         "change_low": _r(low), "change_high": _r(high),
                         "p_value": _r(p), **covered})  # fmt: skip
    for row, q in zip(rows, bh_qvalues([r["p_value"] for r in rows]), strict=True):
        row["q_value"] = q
    schema = {"measure": pl.String, "label": pl.String, by: pl.String} | _SHARE_SCHEMA
    schema |= {"days_before": pl.Int64, "days_after": pl.Int64}
    fewest = pl.min_horizontal("n_before", "n_after")
    short = (pl.col("days_before") < days) | (pl.col("days_after") < days)
    return (
        pl.DataFrame(rows, schema=schema)
        .with_columns(
            small_n=fewest < min_group_docs,
            coverage=pl.when(short).then(pl.lit("partial")).otherwise(pl.lit("full")),
        )
        .sort("measure", by)
    )


def _spans(frame: pl.DataFrame, by: str) -> dict[str, tuple[dt.date, dt.date]]:
    """Each group's first and last dated item."""
    dated = frame.filter(pl.col("published").is_not_null())
    spans = dated.group_by(pl.col(by).cast(pl.String).fill_null(UNKNOWN).alias("g")).agg(
        pl.col("published").min().alias("first"), pl.col("published").max().alias("last")
    )
    return {g: (a, b) for g, a, b in spans.iter_rows()}


def _overlap(start: dt.date, end: dt.date, first: dt.date, last: dt.date) -> int:
    """Days of ``start``..``end`` within ``first``..``last`` (all inclusive)."""
    return max(0, (min(end, last) - max(start, first)).days + 1)


def _r(x: float | None) -> float | None:
    return round(float(x), 4) + 0.0 if x is not None and np.isfinite(x) else None  # no -0.0


def before_after_terms(
    frame: pl.DataFrame,
    *,
    event: str | dt.date,
    days: int,
    by: str | None = "outlet",
    **options: Any,
) -> pl.DataFrame:
    """Terms that rose (z > 0) or fell (z < 0) after the event: the log-odds ratio with an
    informative prior of the items after against those before (:mod:`toolkit.keyness`;
    ``options`` go to :func:`toolkit.keyness.distinctive_terms`: ``stop_words``,
    ``exclude_terms``, ``min_count``...), with the two-sided normal p-value of each z and its
    Benjamini-Hochberg q-value over every term compared.

    With ``by`` (the default, ``outlet``) the two sides are compared within each outlet that
    has items on both, and pooled over those outlets (``strata``; ``left_out`` counts the
    items of outlets on one side only), so an outlet's absence on one side does not make its
    words rise or fall; ``by=None`` pools every item."""
    from toolkit.keyness import distinctive_terms

    sided = _side(frame, event, days)
    if sided["side"].n_unique() < 2:
        return pl.DataFrame()
    # p- and q-values over every term compared: distinctive_terms gives them (keyness.tested)
    return distinctive_terms(sided, by="side", pair=("after", "before"), within=by, **options)
