"""What the notebooks show, as HTML built from frames with every value from the data escaped.

- :func:`say`: a sentence of the notebook's own HTML with values from the data filled in,
  each escaped (never an f-string into ``Markdown``).
- :func:`table`: a frame as a table with its row count. Up to a screen of rows it is a plain
  table; longer, an interactive one (sort, search, page through every row) drawn by DataTables
  through itables in its offline mode: the library is inlined once per notebook, nothing is
  fetched. No row is left out unless the caller gives a CSV file for the whole table, and then
  the page says how many rows it shows and links the file.
- :func:`evidence_table` and :func:`link`: the documents behind a number. A link
  ``#evidence=KIND:KEY`` in any table filters the notebook's evidence table of that kind to
  ``KEY`` and scrolls to it; the same fragment in the address does it on opening.
- :func:`figure` and :func:`figure_or_reason`: a plotly figure that draws in JupyterLab and in
  the HTML report, or the sentence that says why there is nothing to draw.

Lists are shown as text ("a, b"), missing values as blanks, floats to four significant digits.

Example:
    >>> import polars as pl
    >>> str(say("<b>Small n</b>: {groups}.", groups=["<script>", "TASS"]))
    '<b>Small n</b>: &lt;script&gt;, TASS.'
    >>> display(table(pl.DataFrame({"term": ["union state"]}), title="Terms",
    ...               links={"term": "term"}))                            # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import itertools
import json
import math
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import polars as pl

from toolkit.figure_prep import data_text_escaped, legend_fitted, one_date_widened

__all__ = [
    "PAGE",
    "Html",
    "evidence_table",
    "figure",
    "figure_bundle",
    "figure_or_reason",
    "has_data",
    "link",
    "one_date_widened",
    "say",
    "table",
    "text",
]

PAGE = 15  # rows a table shows before it becomes interactive (about a screen)
MAX_INLINE = 5000  # rows inlined in the page when a CSV file holds the whole table

_ids = itertools.count(1)  # table ids in the order shown: stable for the same notebook run
_itables_loaded = False  # the DataTables bundle is inlined once per kernel (one per report)

_CSS = (
    "<style>table.toolkit{border-collapse:collapse;font-size:13px}"
    "table.toolkit td,table.toolkit th{border:1px solid #ccc;padding:2px 6px;"
    "text-align:left!important;"
    "vertical-align:top}table.toolkit pre{white-space:pre-wrap;margin:0}"
    "p.toolkit-reason{color:#555;font-style:italic}"
    "table.dataTable th,table.dataTable td{text-align:left!important;white-space:normal}"
    "table.dataTable td.dt-type-numeric{text-align:right!important}"
    "table.dataTable td.toolkit-left{text-align:right!important}</style>"
)


class Html(str):
    """HTML that JupyterLab and nbconvert show as HTML (``display(Html(...))``)."""

    def _repr_html_(self) -> str:
        return str(self)


class Figure:
    """A plotly figure shown as plotly's mimetype (JupyterLab) and a self-drawing ``div``."""

    def __init__(self, fig: Any) -> None:
        self.fig = fig

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return figure_bundle(self.fig)


def text(value: Any) -> str:
    """A value as the text a reader sees: lists joined with commas, None blank, dates ISO,
    floats to four significant digits, booleans yes/no.

    Example:
        >>> text(["Lavrov", "Putin"]), text(None), text(0.123456), text(True)
        ('Lavrov, Putin', '', '0.1235', 'yes')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.4g}"
    if isinstance(value, list | tuple | pl.Series):
        return ", ".join(text(v) for v in value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def escape(value: Any) -> str:
    """:func:`text`, HTML-escaped."""
    return html.escape(text(value))


def say(template: str, **values: Any) -> Html:
    """The notebook's own HTML ``template`` with ``{name}`` fields filled by ``values``, each
    shown as :func:`text` and escaped; the template itself is trusted, the values never are."""
    return Html(template.format(**{k: escape(v) for k, v in values.items()}))


def link(kind: str, key: Any, label: Any = None) -> str:
    """An escaped link to the evidence of ``key`` in the notebook's ``kind`` evidence table."""
    href = "#evidence=" + quote(f"{kind}:{text(key)}", safe="")
    shown = escape(key if label is None else label)
    return f'<a class="toolkit-evidence" href="{href}">{shown}</a>'


def _number(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:.4g}" if isinstance(value, float) else str(value)


# an evidence kind, or a kind and the keys that have evidence
Links = str | tuple[str, Collection[str]]


def _cells(frame: pl.DataFrame, links: Mapping[str, Links]) -> pl.DataFrame:
    """Every cell as escaped HTML text; numbers written plainly (DataTables still sorts them
    as numbers), missing values blank."""
    out = {}
    for name in frame.columns:
        values = frame[name].to_list()
        if frame[name].dtype.is_numeric():
            out[name] = [_number(v) for v in values]
        elif name in links:
            kind, keys = links[name] if isinstance(links[name], tuple) else (links[name], None)
            out[name] = [
                "" if v is None else link(kind, v) if keys is None or v in keys else escape(v)
                for v in values
            ]
        else:
            out[name] = [escape(v) for v in values]
    # column names escaped too: itables shows them as given when cells are HTML
    return pl.DataFrame(
        {html.escape(name): values for name, values in out.items()},
        schema={html.escape(name): pl.String for name in out},
    )


def _static(cells: pl.DataFrame, columns: list[str]) -> str:
    head = "".join(f"<th>{c}</th>" for c in columns)  # escaped in _cells
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else v}</td>" for v in row) + "</tr>"
        for row in cells.iter_rows()
    )
    return f"<table class='toolkit'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _itables_setup() -> str:
    """The DataTables bundle, inlined (base64) the first time a kernel shows an interactive
    table; later tables wait for it. Nothing is fetched from a CDN."""
    global _itables_loaded
    if _itables_loaded:
        return ""
    from itables import javascript, options

    _itables_loaded = True
    return javascript.generate_init_offline_itables_html(options.dt_bundle)


def _itables_global() -> str:
    from itables.javascript import _itables_underscore_version

    return _itables_underscore_version()


def _interactive(cells: pl.DataFrame, table_id: str, page: int) -> str:
    import itables

    # keyword-in-context: the left context leans on the match
    left = [{"targets": cells.columns.index("left"), "className": "toolkit-left"}] if (
        "left" in cells.columns) else []  # fmt: skip
    snippet = itables.to_html_datatable(
        cells,
        connected=False,
        table_id=table_id,
        allow_html=True,  # every cell is escaped above; links are ours
        maxBytes=0,  # never downsampled: every row is in the page
        maxRows=0,
        maxColumns=0,
        pageLength=page,
        lengthMenu=[page, 50, 200, -1],
        display_logo_when_loading=False,
        show_dtypes=False,
        classes="display compact",
        columnDefs=left,
    )
    return _itables_setup() + snippet


def table(
    frame: pl.DataFrame,
    *,
    title: str | None = None,
    links: Mapping[str, Links] | None = None,
    page: int = PAGE,
    interactive: bool | None = None,
    csv_file: Path | None = None,
    csv_href: str | None = None,
    table_id: str | None = None,
    by_key: str | None = None,
) -> Html:
    """A frame as HTML with its title and row count; nothing left out silently.

    Args:
        frame: the table; list cells are shown as text, every value escaped.
        title: the caption (the notebook's text, escaped too).
        links: column -> evidence kind: each cell links to its evidence (:func:`link`); or
            column -> (kind, keys): only the cells of those keys link (the others have none).
        page: rows per page; a longer table is interactive (sort, search, page).
        interactive: force an interactive (True) or plain (False) table.
        csv_file, csv_href: where to write the whole table as CSV and its address from the
            report; only when it has more than :data:`MAX_INLINE` rows, and then the page
            shows the first of them and says so.
        table_id: the HTML id (default: a counter, stable for the same run of a notebook).
        by_key: a column whose every value keeps rows in the page when the table is cut at
            :data:`MAX_INLINE` (an evidence table's ``key``: each link finds its lines).
    """
    links = links or {}
    table_id = table_id or f"toolkit-table-{next(_ids)}"
    n = frame.height
    shown, note = frame, ""
    if n > MAX_INLINE and csv_file is not None and csv_href is not None:
        csv_file.parent.mkdir(parents=True, exist_ok=True)
        frame.with_columns(pl.col(pl.List(pl.String)).list.join(", ")).write_csv(csv_file)
        if by_key is None:
            shown = frame.head(MAX_INLINE)
            which = f"the first {MAX_INLINE:,}"
        else:
            shown = _every_key(frame, by_key, MAX_INLINE)
            each = html.escape(by_key)
            which = f"{MAX_INLINE:,} (each {each}'s first rows before any {each}'s later ones)"
        note = (f"; {which} are shown here, all {n:,} are in "
                f'<a href="{html.escape(csv_href)}">{html.escape(csv_href)}</a>')  # fmt: skip
    cells = _cells(shown, links)
    big = n > page if interactive is None else interactive
    if big:
        note += "; sort by a column, search, and page through every row"
    rows = f"{n:,} row{'s' if n != 1 else ''}"
    caption = f"<p><b>{html.escape(title)}</b> ({rows}{note})</p>" if title else (
        f"<p>({rows}{note})</p>")  # fmt: skip
    if not n:
        return Html(f"{_CSS}{caption}")
    body = _interactive(cells, table_id, page) if big else _static(cells, cells.columns)
    return Html(f"{_CSS}{caption}{body}")


def _every_key(frame: pl.DataFrame, key: str, limit: int) -> pl.DataFrame:
    """``limit`` rows of ``frame``, in its order: each value of ``key``'s first row, then each
    one's second, and so on (so that every key has rows while there is room for one each)."""
    ranked = frame.with_row_index("_at").with_columns(_rank=pl.int_range(pl.len()).over(key))
    return ranked.sort("_rank", "_at").head(limit).sort("_at").drop("_at", "_rank")


_EVIDENCE_JS = """<script type="module">
(() => {
  const id = %(id)s, kind = %(kind)s, lib = %(lib)s;
  const rx = s => s.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
  function wanted() {
    const m = location.hash.match(/^#evidence=(.*)$/);
    if (!m) return null;
    const v = decodeURIComponent(m[1]);
    return v.startsWith(kind + ":") ? v.slice(kind.length + 1) : null;
  }
  async function apply(tries = 0) {
    const key = wanted();
    if (key === null) return;
    const el = document.getElementById(id);
    if (!window[lib] || !el || !el.classList.contains("dataTable")) {
      if (tries < 100) setTimeout(() => apply(tries + 1), 100);
      return;
    }
    const { jQuery: $ } = await window[lib];
    const dt = $(el).DataTable();
    // DataTables searches a cell's text, entities decoded: the key as the reader saw it
    dt.search("").column(0).search(key ? "^" + rx(key) + "$" : "", true, false).draw();
    document.getElementById(id + "-key").textContent = key || "all";
    const box = document.getElementById(id + "-box");
    box.scrollIntoView();
    setTimeout(() => box.scrollIntoView(), 500);  // figures above may still be drawing
  }
  window.addEventListener("hashchange", () => apply());
  apply();
})();
</script>"""


def evidence_table(frame: pl.DataFrame, *, kind: str, title: str, **kwargs: Any) -> Html:
    """The notebook's evidence of one ``kind`` (a :mod:`toolkit.evidence` frame, ``key``
    first): an interactive table that a :func:`link` or the address's ``#evidence=KIND:KEY``
    filters to one key."""
    table_id = f"toolkit-evidence-{kind}"
    shown = table(frame, title=title, interactive=True, table_id=table_id, by_key="key", **kwargs)
    head = (
        f'<div id="{table_id}-box"><p>Showing: <b id="{table_id}-key">all</b> '
        f'(<a href="#evidence={quote(kind)}%3A">show all</a>)</p>'
    )
    script = _EVIDENCE_JS % {"id": json.dumps(table_id), "kind": json.dumps(kind),
                             "lib": json.dumps(_itables_global())}  # fmt: skip
    return Html(head + shown + "</div>" + (script if frame.height else ""))


def figure_bundle(fig: Any) -> dict[str, Any]:
    """The display bundle of a plotly figure: plotly's mimetype and a self-drawing HTML div.
    The report inlines plotly.js once in its head (:func:`toolkit.report.render_notebook`)."""
    fig = legend_fitted(one_date_widened(data_text_escaped(fig)))
    spec = fig.to_plotly_json()
    payload = json.dumps(spec, sort_keys=True, default=str)
    div_id = "fig-" + hashlib.sha1(payload.encode()).hexdigest()[:12]  # stable across runs
    div = fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        div_id=div_id,
        config={"displaylogo": False, "responsive": True},
    )
    title = fig.layout.title.text or "untitled"
    return {
        "application/vnd.plotly.v1+json": json.loads(fig.to_json()),
        "text/html": div,
        "text/plain": f"<figure {div_id}: {title}>",
    }


def figure(fig: Any) -> Figure:
    """A plotly figure for ``display``: it draws in JupyterLab and in the HTML report."""
    return Figure(fig)


def has_data(fig: Any) -> bool:
    """Whether any trace of ``fig`` has a value to draw (bars: a non-zero one)."""
    for trace in fig.data:
        horizontal = getattr(trace, "orientation", None) == "h"
        values = getattr(trace, "x" if horizontal else "y", None)
        if values is None:
            values = getattr(trace, "values", None) or getattr(trace, "z", None)
        if values is None:
            continue
        finite = [v for v in values if v is not None and not (isinstance(v, float)
                                                               and math.isnan(v))]  # fmt: skip
        if trace.type == "bar":
            finite = [v for v in finite if v != 0]
        if finite:
            return True
    return False


def figure_or_reason(fig: Any, reason: str, **values: Any) -> Figure | Html:
    """``fig`` when it has something to draw, else the sentence ``reason`` (a :func:`say`
    template, filled with ``values``) in its place."""
    if fig is not None and has_data(fig):
        return Figure(fig)
    return Html(_CSS + say(f'<p class="toolkit-reason">{reason}</p>', **values))
