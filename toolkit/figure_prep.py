"""A plotly figure made ready for the page: a time axis with one date widened to a month,
the figure as tall as its legend, and the text from the data escaped for plotly, which reads
``<b>`` and ``<a href>`` in names and labels as markup. Each returns a copy and leaves the
figure given as it is.

Example:
    >>> import plotly.graph_objects as go
    >>> legend_fitted(go.Figure(go.Scatter(x=[1], y=[1], name="TASS"))).layout.height is None
    True
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

__all__ = ["data_text_escaped", "legend_fitted", "one_date_widened"]


_ONE_DATE_SPAN = dt.timedelta(days=15)  # either side of a time axis with a single date


def one_date_widened(fig: Any) -> Any:
    """``fig``, or a copy whose time axes span a month around their date when every point of
    it falls on one date: plotly would zoom to a millisecond around it and label the axis in
    fractions of a second (a corpus of one month, a trend of one period)."""
    days = set()
    for trace in fig.data:
        xs = getattr(trace, "x", None)
        for v in () if xs is None else xs:
            if isinstance(v, dt.datetime):
                days.add(v.date())
            elif isinstance(v, dt.date):
                days.add(v)
            elif v is not None:
                return fig  # not a time axis, or not only dates
    if len(days) != 1:
        return fig
    day = days.pop()
    wide = type(fig)(fig)
    wide.update_xaxes(type="date", range=[str(day - _ONE_DATE_SPAN), str(day + _ONE_DATE_SPAN)])
    return wide


_LEGEND_ROW = 26  # pixels a legend entry takes, as plotly draws them
_FIGURE_HEIGHT = 450  # plotly's default height
_FIGURE_CHROME = 230  # title, margins and axis of a figure, besides its legend


def legend_fitted(fig: Any) -> Any:
    """``fig``, or a copy tall enough to show every entry of its legend: plotly keeps its
    default height and scrolls a longer legend, so the last outlets of a plot and the key to
    its markers ("partial period", "no items in any outlet") were hidden from a reader."""
    flat = fig.layout.legend.orientation == "h"  # a legend in rows under the plot
    if fig.layout.height is not None or fig.layout.showlegend is False or flat:
        return fig
    entries = sum(1 for t in fig.data if t.showlegend is not False and t.name)
    needed = _FIGURE_CHROME + _LEGEND_ROW * entries
    if needed <= _FIGURE_HEIGHT:
        return fig
    tall = type(fig)(fig)
    tall.update_layout(height=needed)
    return tall


def _plain(value: Any) -> Any:
    """A string as plotly text that shows it as written: plotly reads ``<b>``, ``<br>`` and
    ``<a href=...>`` in names, labels and annotations as markup and decodes ``&amp;``,
    ``&lt;`` and ``&gt;``; anything else as it is."""
    return html.escape(value, quote=False) if isinstance(value, str) else value


def data_text_escaped(fig: Any) -> Any:
    """A copy of ``fig`` whose text from the data is escaped for plotly (:func:`_plain`): the
    traces' names, text labels and category values, and the annotations (event labels, terms,
    panel titles: outlets); the figure's own title and hover templates keep their markup. An
    outlet named ``<a href="https://...">x</a>`` is that text in a legend, not a link."""
    safe = type(fig)(fig)
    for trace in safe.data:
        if isinstance(trace.name, str):
            trace.name = _plain(trace.name)
        for field in ("text", "x", "y", "labels"):
            values = getattr(trace, field, None) if field in trace else None
            if isinstance(values, str):
                trace[field] = _plain(values)
            elif isinstance(values, dict):
                continue  # numbers plotly keeps encoded ({"dtype", "bdata"}): no text (trial
                # AA: read as a list its keys made the intertopic map's points "dtype", "bdata")
            elif values is not None and any(isinstance(v, str) for v in values):
                trace[field] = [_plain(v) for v in values]
    for note in safe.layout.annotations:
        note.text = _plain(note.text)
    return safe
