"""Figures shared by the notebooks: shares with confidence intervals, each group in a colour of
its own (a qualitative, colour-blind-safe palette), small groups in a lighter shade of it with a
hatch pattern and "(small n)" in their name.

Example:
    >>> from toolkit.plots import share_bars
    >>> share_bars(shares, group="outlet", category="topic", labels=labels)   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

from toolkit.palette import PALETTE, colours_for, group_colours, rgba
from toolkit.plots_time import (
    add_events,
    events_outside,
    label_of,
    pooled_all_partial,
    share_lines,
    share_panels,
    volume_lines,
)

__all__ = [
    "MONTH_MS",
    "PALETTE",
    "add_events",
    "events_outside",
    "group_colours",
    "log_odds_scatter",
    "pooled_all_partial",
    "rate_bars",
    "share_bars",
    "share_lines",
    "share_panels",
    "volume_lines",
]

# A month's bar on a date axis, in milliseconds (plotly otherwise sizes bars by the nearest two
# periods, and draws a lone month two years from the next as years wide)
MONTH_MS = 0.8 * 30.44 * 24 * 3600 * 1000

SMALL_OPACITY = 0.4  # small groups: their own colour, lighter, and hatched
SMALL_PATTERN = "/"


def _n(rows: pl.DataFrame) -> str:
    parts = []
    for col, unit in (("n_units", "units"), ("n_docs", "docs"), ("n_words", "words")):
        if col in rows.columns:
            parts.append(f"{rows[col][0]:,} {unit}")
    return "n = " + ", ".join(parts) if parts else ""


def rate_bars(
    rates: pl.DataFrame,
    *,
    group: str,
    category: str,
    value: str,
    title: str,
    axis_title: str,
    colours: dict[str, str] | None = None,
) -> go.Figure:
    """Like :func:`share_bars` for any measure with ``ci_low``/``ci_high`` (rates per 1,000
    words, mean sentiment): grouped bars with intervals, small groups lighter and hatched."""
    return share_bars(
        rates.rename({value: "share"}), group=group, category=category, title=title,
        axis_title=axis_title, colours=colours,
    )  # fmt: skip


def log_odds_scatter(table: pl.DataFrame, *, title: str, label_top: int = 15) -> go.Figure:
    """Frequency against distinctiveness for two groups (a ``distinctive_terms(pair=...)``
    table): each term at log10 of its total count and its z-score, hover for the term; the most
    distinctive on each side labelled. Coloured, and above or below the dotted lines, where the
    term's Benjamini-Hochberg q-value is under 0.05 (thousands of terms are tested at once; a
    table without q-values: |z| > 1.96). Lighter when either group is small."""
    import numpy as np

    total = (table["count"] + table["count_other"]).to_numpy()
    z = table["z"].to_numpy()
    terms = table["term"].to_list()
    small = bool(table["small_n"].any()) if "small_n" in table.columns else False
    alpha = SMALL_OPACITY if small else 1.0
    if "q_value" in table.columns:
        found = (table["q_value"].fill_null(1.0) < 0.05).to_numpy()
        bar = float(np.abs(z[found]).min()) if found.any() else None
    else:
        found, bar = np.abs(z) > 1.96, 1.96
    colours = [rgba("#c0392b", alpha) if f and v > 0 else rgba("#2471a3", alpha) if f
               else "rgba(120,120,120,0.5)" for f, v in zip(found, z, strict=True)]  # fmt: skip
    fig = go.Figure(
        go.Scattergl(
            x=np.log10(total),
            y=z,
            mode="markers",
            text=terms,
            marker={"color": colours, "size": 5},
            hovertemplate="%{text}<br>z=%{y:.2f}<br>count=%{customdata}<extra></extra>",
            customdata=total,
        )
    )
    order = np.argsort(z)
    for i in list(order[:label_top]) + list(order[-label_top:]):
        fig.add_annotation(x=np.log10(total[i]), y=z[i], text=terms[i], showarrow=False,
                           font={"size": 9}, yshift=6)  # fmt: skip
    for y in (bar, -bar) if bar is not None else ():
        fig.add_hline(y=y, line_dash="dot", line_color="grey")
    fig.update_layout(title=title, xaxis_title="log10 count (both groups)",
                      yaxis_title="z-score of the log-odds ratio", height=600)  # fmt: skip
    return fig


def share_bars(
    shares: pl.DataFrame,
    *,
    group: str,
    category: str,
    labels: dict[Any, str] | None = None,
    title: str,
    height: int | None = None,
    axis_title: str = "share (95% interval)",
    colours: dict[str, str] | None = None,
) -> go.Figure:
    """Grouped horizontal bars: each category's share in each group, with 95% intervals as
    error bars. Each group has its colour (its colour in ``colours``, a run's
    :func:`toolkit.palette.corpus_colours`, else one of :func:`toolkit.palette.colours_for`);
    groups flagged ``small_n`` are a lighter, hatched shade of it and named "(small n)"; every
    group shows its n in the legend."""
    fig = go.Figure()
    colours = colours_for(shares[group].to_list(), colours)
    for key, rows in shares.sort(group).group_by(group, maintain_order=True):
        g = key[0]
        small = bool(rows["small_n"][0]) if "small_n" in rows.columns else False
        name = f"{g} ({_n(rows)})"
        name += " (small n)" if small else ""
        colour = colours[str(g)]
        fig.add_bar(
            y=[label_of(c, labels) for c in rows[category].to_list()],
            x=rows["share"].to_list(),
            orientation="h",
            name=name,
            marker={
                "color": rgba(colour, SMALL_OPACITY) if small else colour,
                "pattern": {"shape": SMALL_PATTERN if small else "", "fgcolor": colour},
                "line": {"color": colour, "width": 1},
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (rows["ci_high"] - rows["share"]).to_list(),
                "arrayminus": (rows["share"] - rows["ci_low"]).to_list(),
            },
        )
    n_cats = shares[category].n_unique()
    fig.update_layout(
        title=title,
        barmode="group",
        xaxis_title=axis_title,
        yaxis={"autorange": "reversed"},
        # about 14 pixels a bar: four groups' bars and their intervals were 4 pixels (trial R)
        height=height or max(350, 80 + n_cats * 14 * max(1, shares[group].n_unique())),
        # beside the plot, not under it: a row of long group names under the axis covered its
        # title and was cut (trial R); figure_bundle makes the figure as tall as the legend
        legend={"orientation": "v"},
    )
    return fig
