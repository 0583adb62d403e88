"""Small statistics shared by the analyses: proportions with confidence intervals, and flags for
groups too small to compare.

Example:
    >>> import polars as pl
    >>> frame = pl.DataFrame({"k": [3, 0], "n": [10, 4]})
    >>> frame.with_columns(wilson("k", "n")).select("share", "ci_low", "ci_high").row(0)
    (0.3, 0.1078, 0.6032)
"""

from __future__ import annotations

import polars as pl

__all__ = ["Z95", "flag_small", "wilson"]

Z95 = 1.959964


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


def flag_small(n: str, minimum: int) -> pl.Expr:
    """``small_n``: true where a group has fewer than ``minimum`` items; such groups are shown
    greyed out and never ranked against the others."""
    return (pl.col(n) < minimum).alias("small_n")
