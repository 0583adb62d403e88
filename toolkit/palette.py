"""Colours of the figures: one qualitative, colour-blind-safe palette, and one colour per group
name for a whole run, so that an outlet has the same colour in every figure of every report.

:func:`corpus_colours` gives the run's map (every outlet of the loaded corpus in sorted order,
then the sites not named like an outlet); a figure given it colours the names it holds from it
and any other name (a topic, a frame, a group the map lacks) after it (:func:`colours_for`).

Example:
    >>> colours_for(["TASS", "BelTA"], None)
    {'BelTA': '#88CCEE', 'TASS': '#CC6677'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from toolkit.resources import UNKNOWN

__all__ = ["PALETTE", "POOLED_COLOUR", "colours_for", "corpus_colours", "group_colours", "rgba"]

# Paul Tol's "safe" set (plotly's qualitative.Safe) without its grey, then Dark24 for more groups
PALETTE = [
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499", "#44AA99", "#999933",
    "#882255", "#661100", "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#B68100",
    "#750D86", "#EB663B", "#511CFB", "#00A08B", "#FB00D1", "#FC0080", "#B2828D", "#6C7C32",
]  # fmt: skip
POOLED_COLOUR = "#111111"  # the outlets' equal-weight mean: dark, never a group's colour


def rgba(colour: str, alpha: float) -> str:
    """A ``#rrggbb`` colour with an opacity: a small group's lighter shade, an interval's band."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def group_colours(groups: Iterable[Any]) -> dict[str, str]:
    """A distinct colour for each group, in sorted order (the palette repeats after 24 groups).

    Example:
        >>> group_colours(["TASS", "BelTA", "TASS"])
        {'BelTA': '#88CCEE', 'TASS': '#CC6677'}
    """
    return colours_for(groups, None)


def colours_for(values: Iterable[Any], given: dict[str, str] | None) -> dict[str, str]:
    """Each value's colour (keyed by the value as text): its colour in ``given`` (a run's map,
    :func:`corpus_colours`) where it has one; the others in sorted order, from the palette's
    colours after ``given``'s, so that a name the map lacks takes no colour a mapped name of
    the same figure may have (until the palette repeats)."""
    given = given or {}
    names = sorted({str(v) for v in values})
    out = {n: given[n] for n in names if n in given}
    start = len(set(given.values()))
    for i, n in enumerate(n for n in names if n not in given):
        out[n] = PALETTE[(start + i) % len(PALETTE)]
    return out


def corpus_colours(corpus: pl.DataFrame) -> dict[str, str]:
    """A run's colours: each outlet of ``corpus`` (a document without one is
    ``groups.UNKNOWN``), in sorted order, then each site not named like an outlet, so that an
    outlet, and a site named like one, are one colour in every figure and report of the run. A
    site that is its outlet's only one, and carries no other outlet, is that outlet's colour
    (trial W: the Kremlin light blue in every figure but the sites', where kremlin.ru was sand).
    Other series (frames, topics) take the palette's colours after these
    (:func:`colours_for`)."""
    outlets: set[str] = set()
    if "outlet" in corpus.columns:
        outlets = {UNKNOWN if o is None else str(o) for o in corpus["outlet"].unique().to_list()}
    colours = {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(sorted(outlets))}
    if "site" not in corpus.columns:
        return colours
    pairs = (
        corpus.select(pl.col("outlet").cast(pl.String).fill_null(UNKNOWN), pl.col("site"))
        .drop_nulls("site")
        .unique()
    )
    own = pairs.filter(
        (pl.len().over("site") == 1) & (pl.len().over("outlet") == 1)
    )  # one outlet's one site
    for outlet, site in own.iter_rows():
        colours.setdefault(str(site), colours[outlet])
    others = sorted({str(x) for x in pairs["site"].to_list()} - set(colours))
    start = len(outlets)
    colours |= {n: PALETTE[(start + i) % len(PALETTE)] for i, n in enumerate(others)}
    return colours
