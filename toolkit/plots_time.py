"""Figures over time: shares per period in panels (full periods joined, partly covered ones
hollow), items per period per group (gaps in the data as grey bands), and events drawn as
dotted lines, those outside the data named instead.

Example:
    >>> from toolkit.plots_time import volume_lines
    >>> volume_lines(volume(corpus, period="month"), by="outlet", title="Items")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import polars as pl

from toolkit.palette import POOLED_COLOUR, colours_for, rgba

__all__ = [
    "POOLED_COLOUR",
    "add_events",
    "events_outside",
    "label_of",
    "pooled_all_partial",
    "share_lines",
    "share_panels",
    "volume_lines",
]


def label_of(value: Any, labels: dict[Any, str] | None) -> str:
    """A series' name in a figure: its label where ``labels`` give one (a topic's words), else
    the value as text."""
    return labels.get(value, str(value)) if labels else str(value)


def add_events(
    fig: go.Figure, events: list[dict[str, Any]] | None, *, within: tuple[Any, Any] | None = None
) -> go.Figure:
    """Draw each event (``{"date": ..., "label": ...}``) as a dotted vertical line, labelled;
    with ``within`` (first, last), only the events between them, so events outside the data
    neither stretch the axis nor pile up at its edge."""
    for e in events or []:
        if within and e in events_outside(events, within):
            continue
        fig.add_vline(x=e["date"], line_dash="dot", line_color="grey")
        # from the top down beside the line, in grey on no ground: a point under the label
        # stays seen (trial Y: a month's one marker hid under a label's pale box)
        fig.add_annotation(x=e["date"], y=1, yref="paper", text=e["label"], showarrow=False,
                           textangle=-90, xanchor="left", yanchor="top",
                           font={"size": 10, "color": "#555555"})  # fmt: skip
    return fig


def events_outside(
    events: list[dict[str, Any]] | None, within: tuple[Any, Any]
) -> list[dict[str, Any]]:
    """The events dated outside ``within`` (first, last): those :func:`add_events` leaves out,
    for a report to name."""
    return [e for e in events or [] if not (str(within[0]) <= str(e["date"]) <= str(within[1]))]


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
        name = label_of(key[0], labels)
        xs = rows[x].to_list()
        mode = "lines" if len(xs) > 60 else "lines+markers"  # hundreds of periods stay legible
        fig.add_scatter(x=xs, y=rows["share"].to_list(), mode=mode, name=name)
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
    add_events(fig, events)
    fig.update_layout(title=title, yaxis_title="share of the period's items", hovermode="x unified")
    return fig


def _period_trace(
    fig: go.Figure,
    rows: pl.DataFrame,
    *,
    name: str,
    colour: str,
    min_items: int,
    panel: int | None,
    first: bool,
    dash: str | None = None,
    n: str = "n",
) -> None:
    """One series: full periods joined by a line with their intervals; partial periods as
    hollow markers, not joined, so a short first or last period is no dip; a period with no
    items (or fewer than ``min_items``) left as a gap."""
    rows = rows.sort("period")
    xs = rows["period"].to_list()
    shown = (pl.col(n) >= max(min_items, 1)) & pl.col("share").is_not_null()
    parts = rows.select(
        full=pl.when(shown & (pl.col("coverage") == "full")).then(pl.col("share")),
        partial=pl.when(shown & (pl.col("coverage") == "partial")).then(pl.col("share")),
        up=pl.when(shown).then(pl.col("ci_high") - pl.col("share")),
        down=pl.when(shown).then(pl.col("share") - pl.col("ci_low")),
    )
    place = {"row": panel, "col": 1} if panel else {}
    interval = {"type": "data", "symmetric": False, "array": parts["up"].to_list(),
                "arrayminus": parts["down"].to_list(), "thickness": 1, "width": 0,
                "color": rgba(colour, 0.35)}  # fmt: skip
    hover = "%{x}: %{y:.1%} (n=%{customdata})%{meta}<extra>%{fullData.name}</extra>"
    fig.add_scatter(
        x=xs, y=parts["full"].to_list(), name=name, legendgroup=name, showlegend=first,
        mode="lines+markers" if len(xs) <= 60 else "lines", connectgaps=False,
        line={"color": colour, "dash": dash}, marker={"size": 5}, error_y=interval,
        customdata=rows[n].to_list(), hovertemplate=hover, meta="", **place,
    )  # fmt: skip
    if parts["partial"].is_not_null().any():
        fig.add_scatter(
            x=xs, y=parts["partial"].to_list(), name=name, legendgroup=name, showlegend=False,
            mode="markers", marker={"symbol": "circle-open", "size": 9, "color": colour},
            error_y=interval, customdata=rows[n].to_list(),
            hovertemplate=hover, meta=" partial period", **place,
        )  # fmt: skip


def share_panels(
    shares: pl.DataFrame,
    *,
    series: str,
    title: str,
    panel: str | None = None,
    labels: dict[Any, str] | None = None,
    events: list[dict[str, Any]] | None = None,
    min_items: int = 1,
    pooled: str | None = None,
    n: str = "n",
    axis_title: str = "share of items",
    span: tuple[Any, Any] | None = None,
    colours: dict[str, str] | None = None,
) -> go.Figure:
    """Shares over time with a ``coverage`` column (:mod:`toolkit.trends`): one line per value
    of ``series`` (named by ``labels``), in one panel per value of ``panel`` when given (each
    series the same colour in every panel). The series or panel named ``pooled`` (the
    equal-weight pooled line) comes first, drawn dark and dashed. Full periods are joined,
    partial ones are hollow markers, periods without items (or with fewer than ``min_items``)
    are gaps; bars are 95% intervals. ``n``: the column of items per period. ``span``: the
    first and last dates of the data, between which ``events`` are drawn (an event late in the
    last period is in the data). ``colours``: a run's colours
    (:func:`toolkit.palette.corpus_colours`), so that a series has its colour of every figure.

    Example:
        >>> share_panels(per_outlet, series="outlet", title="Share")       # doctest: +SKIP
    """
    from plotly.subplots import make_subplots

    def first_pooled(values: list[Any]) -> list[Any]:
        return sorted(values, key=lambda v: (v != pooled, str(v)))

    names = first_pooled(shares[series].unique().to_list())
    panels = first_pooled(shares[panel].unique().to_list()) if panel else [None]
    colours = colours_for([v for v in names if v != pooled], colours)
    if pooled is not None:
        colours[str(pooled)] = POOLED_COLOUR
    height = max(420, 60 + 230 * len(panels)) if panel else 480
    if panel:
        # the same 40 pixels between panels however many there are (plotly's spacing is a
        # share of the figure, and must stay under 1 / (rows - 1))
        gap = min(40 / height, 0.5 / max(len(panels) - 1, 1))
        fig = make_subplots(rows=len(panels), cols=1, shared_xaxes=True, vertical_spacing=gap,
                            subplot_titles=[str(p) for p in panels])  # fmt: skip
    else:
        fig = go.Figure()
    for i, p in enumerate(panels):
        rows = shares.filter(pl.col(panel) == p) if panel else shares
        for v in names:
            mine = rows.filter(pl.col(series) == v)
            if mine.height:
                _period_trace(fig, mine, name=label_of(v, labels), colour=colours[str(v)],
                              min_items=min_items, panel=i + 1 if panel else None, first=i == 0,
                              dash="dash" if pooled in (v, p) else None, n=n)  # fmt: skip
    fig.add_scatter(x=[None], y=[None], mode="markers", name="partial period (hollow)",
                    marker={"symbol": "circle-open", "size": 9, "color": "grey"})  # fmt: skip
    if span is None and shares.height:  # the periods' starts, lacking the data's own dates
        span = (shares["period"].min(), shares["period"].max())
    add_events(fig, events, within=span)
    if pooled is not None and pooled_all_partial(shares, series=series, panel=panel, pooled=pooled):
        title += (
            "<br><sup>No period has every outlet's data whole: the pooled line is hollow "
            "markers only; read the outlets' own</sup>"
        )
    fig.update_layout(
        title=title,
        height=height,
        hovermode="closest",
        legend={"orientation": "h", "y": -0.08 if panel else -0.2},
    )
    fig.update_yaxes(title_text=axis_title, tickformat=".0%", rangemode="tozero")
    _empty_panels_scaled(fig, len(panels) if panel else 1)
    return fig


def _empty_panels_scaled(fig: go.Figure, rows: int) -> None:
    """A panel with no share drawn (a small group's, every period under the floor) on a 0-100%
    axis: plotly's own range for an empty axis read 0-400%."""
    drawn = set()
    for trace in fig.data:
        if trace.y is not None and any(v is not None for v in trace.y):
            drawn.add(trace.yaxis or "y")
    for row in range(1, rows + 1):
        if ("y" if row == 1 else f"y{row}") in drawn:
            continue
        if rows > 1:
            fig.update_yaxes(range=[0, 1], row=row, col=1)
        else:
            fig.update_yaxes(range=[0, 1])


def pooled_all_partial(
    shares: pl.DataFrame, *, series: str, panel: str | None, pooled: str
) -> bool:
    """Whether the pooled series (:func:`toolkit.trends.pooled`) has no period covered by
    every group: drawn, it is hollow markers only, with no line to read."""
    # the pooled label is a series or a panel (topics: a panel of topics, series of numbers)
    held = [c for c in (series, panel) if c is not None]
    rows = shares.filter(pl.any_horizontal(pl.col(c).cast(pl.String) == pooled for c in held))
    return rows.height > 0 and not (rows["coverage"] == "full").any()


def _gap_bands(fig: go.Figure, vol: pl.DataFrame) -> None:
    """A grey band over each run of periods in which no group has an item (``coverage``
    "corpus gap"), from its first period to the next period with items, and a legend entry."""
    periods = sorted(vol["period"].unique().to_list())
    gaps = set(vol.filter(pl.col("coverage") == "corpus gap")["period"].to_list())
    runs: list[list[Any]] = []
    for i, p in enumerate(periods):
        if p not in gaps:
            continue
        end = periods[i + 1] if i + 1 < len(periods) else p
        if runs and runs[-1][1] == p:
            runs[-1][1] = end
        else:
            runs.append([p, end])
    for start, end in runs:
        fig.add_vrect(x0=start, x1=end, fillcolor="grey", opacity=0.2, line_width=0, layer="below")
    if runs:
        band = {"symbol": "square", "size": 12, "color": "grey", "opacity": 0.4}
        fig.add_scatter(x=[None], y=[None], mode="markers", name="no items in any outlet (grey)",
                        marker=band)  # fmt: skip


def _marker_sizes(values: list, size: int) -> list[int]:
    """``size`` for each value, 9 for one with no value beside it (a point no line reaches)."""
    last = len(values) - 1
    return [
        9
        if v is not None
        and (i == 0 or values[i - 1] is None)
        and (i == last or values[i + 1] is None)
        else size
        for i, v in enumerate(values)
    ]


def volume_lines(
    vol: pl.DataFrame, *, by: str, title: str, colours: dict[str, str] | None = None
) -> go.Figure:
    """Items per period (:func:`toolkit.trends.volume`), one line per value of ``by`` from its
    first item to its last: periods the data cover whole joined (a zero where nothing was
    published), the partly covered first or last ones hollow markers beside the line, not
    joined, so a short period is no fall; periods in which no value has an item (``coverage``
    "corpus gap": a gap in the data) a grey band, the lines broken there, not drawn at zero.
    ``colours``: a run's colours (:func:`toolkit.palette.corpus_colours`)."""
    fig = go.Figure()
    shown = vol.filter("in_range")
    colours = colours_for(shown[by].unique().to_list(), colours)
    hover = "%{x}: %{y} items%{meta}<extra>%{fullData.name}</extra>"
    for (value,), rows in shown.sort(by, "period").group_by(by, maintain_order=True):
        colour = colours[str(value)]
        partial = pl.col("coverage") == "partial"
        drawn = ~pl.col("coverage").is_in(["partial", "corpus gap"])
        whole = rows.select(pl.when(drawn).then(pl.col("items")))["items"].to_list()
        xs = rows["period"].to_list()
        # markers where a line has few periods; a period with no drawn one beside it, which
        # no line reaches, a marker as big as a partial period's (trial X: a series' one
        # whole month of 159 items was a 5-px dot beside 9-px rings)
        sizes = _marker_sizes(whole, 5 if rows.height <= 60 else 0)
        fig.add_scatter(x=xs, y=whole, name=str(value), legendgroup=str(value),
                        mode="lines+markers", connectgaps=False, line={"color": colour},
                        marker={"size": sizes}, hovertemplate=hover, meta="")  # fmt: skip
        if rows.select(partial.any()).item():
            part = rows.select(pl.when(partial).then(pl.col("items")))["items"].to_list()
            fig.add_scatter(x=xs, y=part, name=str(value), legendgroup=str(value),
                            showlegend=False, mode="markers", hovertemplate=hover,
                            marker={"symbol": "circle-open", "size": 9, "color": colour},
                            meta=" (partial period)")  # fmt: skip
    if vol.select((pl.col("coverage") == "partial") & pl.col("in_range")).to_series().any():
        fig.add_scatter(x=[None], y=[None], mode="markers", name="partial period (hollow)",
                        marker={"symbol": "circle-open", "size": 9, "color": "grey"})  # fmt: skip
    _gap_bands(fig, vol)
    if shown.height and not (shown["coverage"] == "full").any():
        title += ("<br><sup>No period is wholly covered by the data (gaps in the collection, "
                  "or the data's first and last): markers only, no line</sup>")  # fmt: skip
    many = vol["period"].n_unique() > 60
    fig.update_layout(title=title, yaxis={"title": "items", "rangemode": "tozero"},
                      xaxis={"rangeslider": {"visible": many}})  # fmt: skip
    return fig
