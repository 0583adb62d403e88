"""Small statistics shared by the analyses: proportions with confidence intervals, flags for
groups too small to compare, and Benjamini-Hochberg q-values for tables of many tests.

Example:
    >>> import polars as pl
    >>> frame = pl.DataFrame({"k": [3, 0], "n": [10, 4]})
    >>> frame.with_columns(wilson("k", "n")).select("share", "ci_low", "ci_high").row(0)
    (0.3, 0.1078, 0.6032)
"""

from __future__ import annotations

import numpy as np
import polars as pl

__all__ = [
    "MIN_GROUP_DOCS",
    "N_BOOT",
    "SEED",
    "Z95",
    "bh_qvalues",
    "bootstrap_ratio",
    "flag_small",
    "ratio_by_group",
    "resampled_bounds",
    "significant",
    "wilson",
    "wilson_bounds",
]

Z95 = 1.959964
# The defaults the analyses share, one source each (``toolkit.params`` offers them as options):
SEED = 42  # the seed of every random step
N_BOOT = 1000  # bootstrap resamples for an interval
MIN_GROUP_DOCS = 5  # a group with fewer documents is flagged, never compared


def wilson(k: str, n: str, *, z: float = Z95) -> list[pl.Expr]:
    """``share`` = k/n with its Wilson score interval (``ci_low``, ``ci_high``), rounded to 4
    places; null when n is 0. Wilson's interval stays inside [0, 1] and is honest at small n,
    where the normal approximation is not."""
    kk, nn = pl.col(k).cast(pl.Float64), pl.col(n).cast(pl.Float64)
    p = kk / nn
    denom = 1 + z**2 / nn
    centre = (p + z**2 / (2 * nn)) / denom
    half = z * ((p * (1 - p) / nn + z**2 / (4 * nn**2)) ** 0.5) / denom
    valid = nn > 0
    return [
        pl.when(valid).then(p.round(4)).alias("share"),
        pl.when(valid).then((centre - half).clip(0, 1).round(4)).alias("ci_low"),
        pl.when(valid).then((centre + half).clip(0, 1).round(4)).alias("ci_high"),
    ]


def wilson_bounds(k: np.ndarray, n: np.ndarray, *, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """:func:`wilson`'s limits for arrays of counts (not rounded): ``n`` must be positive."""
    k, n = np.asarray(k, dtype=np.float64), np.asarray(n, dtype=np.float64)
    p = k / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def bootstrap_ratio(
    k: np.ndarray, w: np.ndarray, *, seed: int, n_boot: int
) -> tuple[float | None, float | None, float | None]:
    """sum(k) / sum(w) over a group's documents (each a k of w: quoted characters of all its
    characters) and a 95% percentile interval from resampling the documents with replacement
    (seeded), rounded to 4 places; the interval is None from fewer than two documents, its
    upper limit None where no document has any k, and the ratio None where w sums to 0.
    Characters are not independent draws, so no binomial interval fits: a document is the unit
    sampled."""
    k, w = np.asarray(k, dtype=np.float64), np.asarray(w, dtype=np.float64)
    if w.sum() == 0:
        return None, None, None
    ratio = round(float(k.sum() / w.sum()), 4)
    if len(k) < 2:
        return ratio, None, None
    if k.sum() == 0:
        return 0.0, 0.0, None  # every resample is 0: [0, 0] would claim what none read shows
    low, high = resampled_bounds(k, w, seed=seed, n_boot=n_boot)
    return ratio, round(low, 4), round(high, 4)


def ratio_by_group(
    per_doc: pl.DataFrame, k: str, w: str, *, name: str, seed: int, n_boot: int
) -> pl.DataFrame:
    """:func:`bootstrap_ratio` of columns ``k`` over ``w`` for each ``group`` of ``per_doc`` (a
    row a document, in group and ``doc_id`` order): ``group``, ``name`` (the ratio), ``ci_low``
    and ``ci_high``."""
    rows = [
        {"group": key[0], **dict(zip((name, "ci_low", "ci_high"), bootstrap_ratio(
            g[k].to_numpy(), g[w].to_numpy(), seed=seed, n_boot=n_boot), strict=True))}
        for key, g in per_doc.sort("group", "doc_id").group_by("group", maintain_order=True)
    ]  # fmt: skip
    schema = {"group": pl.String, name: pl.Float64, "ci_low": pl.Float64, "ci_high": pl.Float64}
    return pl.DataFrame(rows, schema=schema)


def resampled_bounds(
    k: np.ndarray, w: np.ndarray, *, seed: int, n_boot: int
) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of sum(k) / sum(w) over resamples of the documents
    with replacement (seeded; at most ``n_boot`` resamples, fewer for very large groups so the
    work stays bounded), not rounded: :func:`bootstrap_ratio`'s and the rhetoric rates'."""
    rng = np.random.default_rng(seed)
    boots = min(n_boot, max(100, 2_000_000 // len(k)))
    idx = rng.integers(0, len(k), size=(boots, len(k)))
    ratios = k[idx].sum(axis=1) / np.maximum(w[idx].sum(axis=1), 1)
    low, high = np.percentile(ratios, [2.5, 97.5])
    return float(low), float(high)


def flag_small(n: str, minimum: int) -> pl.Expr:
    """``small_n``: true where a group has fewer than ``minimum`` items; such groups are shown
    lighter and hatched, and labelled "small n" wherever they are compared: their differences
    are anecdotes, not evidence."""
    return (pl.col(n) < minimum).alias("small_n")


def bh_qvalues(p_values: list[float | None] | np.ndarray) -> list[float | None]:
    """Benjamini-Hochberg q-values (adjusted p-values controlling the false discovery rate) for
    a table of tests, in the order given; a missing p-value (no test) stays None and does not
    count as a test. A row is a discovery at FDR ``a`` where ``q <= a``. Rounded to four
    significant digits, so a tiny q-value is never shown as 0.

    q_(i) = min over j >= i of p_(j) * m / j, for the p-values sorted ascending, capped at 1.

    Example:
        >>> bh_qvalues([0.01, 0.04, None, 0.03, 0.5])
        [0.04, 0.05333, None, 0.05333, 0.5]
    """
    given = [i for i, p in enumerate(p_values) if p is not None and np.isfinite(p)]
    out: list[float | None] = [None] * len(p_values)
    if not given:
        return out
    p = np.array([float(p_values[i]) for i in given])
    m = p.size
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    q_sorted = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    q = np.empty(m)
    q[order] = q_sorted
    for i, v in zip(given, q, strict=True):
        out[i] = significant(float(v))
    return out


def significant(x: float, digits: int = 4) -> float:
    """``x`` rounded to ``digits`` significant digits (1.234e-09 stays, where rounding to
    places would give 0)."""
    return float(f"{x:.{digits}g}")
