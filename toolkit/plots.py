"""Figures shared by the notebooks: shares with confidence intervals, small groups greyed out.

Example:
    >>> from toolkit.plots import share_bars
    >>> share_bars(shares, group="outlet", category="topic", labels=labels)   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

__all__ = ["share_bars", "share_lines"]

SMALL = "rgba(160,160,160,0.45)"


def _name(value: Any, labels: dict[Any, str] | None) -> str:
    return labels.get(value, str(value)) if labels else str(value)


def share_bars(
    shares: pl.DataFrame,
    *,
    group: str,
    category: str,
    labels: dict[Any, str] | None = None,
    title: str,
    height: int | None = None,
) -> go.Figure:
    """Grouped horizontal bars: each category's share in each group, with 95% intervals as
    error bars. Groups flagged ``small_n`` are drawn in grey and named "(small n)"; every group
    shows its n in the legend."""
    fig = go.Figure()
    for key, rows in shares.sort(group).group_by(group, maintain_order=True):
        g = key[0]
        small = bool(rows["small_n"][0]) if "small_n" in rows.columns else False
        n = rows["n_units"][0] if "n_units" in rows.columns else None
        docs = rows["n_docs"][0] if "n_docs" in rows.columns else None
        name = f"{g} (n={n} units, {docs} docs)" if n is not None else str(g)
        name += " (small n)" if small else ""
        fig.add_bar(
            y=[_name(c, labels) for c in rows[category].to_list()],
            x=rows["share"].to_list(),
            orientation="h",
            name=name,
            marker_color=SMALL if small else None,
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
        xaxis_title="share (95% interval)",
        yaxis={"autorange": "reversed"},
        height=height or max(350, 40 + n_cats * 22 * max(1, shares[group].n_unique()) // 2),
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def share_lines(
    shares: pl.DataFrame,
    *,
    x: str,
    category: str,
    labels: dict[Any, str] | None = None,
    title: str,
    events: list[dict[str, Any]] | None = None,
) -> go.Figure:
    """One line per category: its share of each period, with the interval as a band. Events
    (``{"date": ..., "label": ...}``) are drawn as vertical lines."""
    fig = go.Figure()
    for key, rows in shares.sort(category, x).group_by(category, maintain_order=True):
        name = _name(key[0], labels)
        xs = rows[x].to_list()
        fig.add_scatter(x=xs, y=rows["share"].to_list(), mode="lines+markers", name=name)
        fig.add_scatter(
            x=xs + xs[::-1],
            y=rows["ci_high"].to_list() + rows["ci_low"].to_list()[::-1],
            fill="toself",
            line={"width": 0},
            opacity=0.15,
            showlegend=False,
            hoverinfo="skip",
            name=name,
        )
    for e in events or []:
        fig.add_vline(x=e["date"], line_dash="dot", line_color="grey")
        fig.add_annotation(x=e["date"], y=1, yref="paper", text=e["label"], showarrow=False,
                           textangle=-90, xanchor="left", font={"size": 10})  # fmt: skip
    fig.update_layout(title=title, yaxis_title="share of the period's items", hovermode="x unified")
    return fig
