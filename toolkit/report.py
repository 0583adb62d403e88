"""Reports: figures and tables shown in notebooks, executed notebooks rendered to self-contained
HTML, the index page of a run, and the index of a parameter set's finished runs.

Figures are displayed as a bundle of two representations: plotly's own mimetype, which
JupyterLab draws, and an HTML ``div`` that draws itself with plotly.js. The HTML export inlines
plotly.js once in the page head (and drops nbconvert's require.js, MathJax and mermaid CDN
scripts), so a report opens offline with every figure drawn.

Example:
    >>> import plotly.express as px
    >>> from toolkit import report
    >>> report.show(px.bar(x=["TASS", "BelTA"], y=[3, 2]))    # doctest: +SKIP
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.display import PAGE, figure, figure_bundle, figure_or_reason, table

__all__ = [
    "figure_bundle",
    "render_notebook",
    "show",
    "show_cleaning",
    "show_table",
    "write_index",
    "write_runs_index",
]

TEMPLATE = "toolkit_report"
_TABLE_CSS = "<style>table.toolkit pre {white-space: pre-wrap; margin: 0;}</style>"


def show(fig: Any, *, reason: str | None = None) -> None:
    """Display a plotly figure so that it draws in JupyterLab and in the HTML report; with a
    ``reason``, that sentence instead when the figure has nothing to draw."""
    from IPython.display import display

    display(figure_or_reason(fig, reason) if reason else figure(fig))


def show_table(
    frame: pl.DataFrame, *, caption: str | None = None, rows: int = PAGE, **kwargs: Any
) -> None:
    """Display a frame with its row count, every row: ``rows`` at a time, with sort, search
    and paging when it is longer (:func:`toolkit.display.table`)."""
    from IPython.display import display

    display(table(frame, title=caption, page=rows, **kwargs))


def show_cleaning(sample: pl.DataFrame) -> None:
    """Display :func:`toolkit.overview.cleaning_sample` rows: what was removed, what is left."""
    from IPython.display import HTML, display

    for r in sample.iter_rows(named=True):
        head = f"{r['outlet'] or 'outlet unknown'}: {r['title'] or r['doc_id']}"
        display(
            HTML(
                f"{_TABLE_CSS}<h4>{html.escape(head)}</h4><p>{r['raw_chars']:,} characters raw, "
                f"{r['clean_chars']:,} clean (spaces and line breaks not counted); "
                f"{r['removed_lines']} line{'' if r['removed_lines'] == 1 else 's'} removed in "
                "whole or part.</p>"
                "<table class='toolkit'><tr><th>removed</th><th>clean text begins</th></tr>"
                f"<tr><td><pre>{html.escape(r['removed'] or '(nothing)')}</pre></td>"
                f"<td>{html.escape(r['clean_start'])}...</td></tr></table>"
            )
        )


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _has_figures(nb: Any) -> bool:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "Plotly.newPlot" in str(output.get("data", {}).get("text/html", "")):
                return True
    return False


def _blank_stream(output: Any) -> bool:
    """Whether a notebook output is a stream (stdout, stderr) that shows nothing but spaces: each
    line as a terminal leaves it, its last part written after a carriage return (a progress
    bar that cleared itself)."""
    if output.get("output_type") != "stream":
        return False
    lines = str(output.get("text", "")).split("\n")
    shown = (next((p for p in reversed(line.split("\r")) if p), "") for line in lines)
    return not any(part.strip() for part in shown)


def render_notebook(
    notebook: Path, out: Path, *, show_code: bool = False, failed: str | None = None
) -> Path:
    """Render an executed notebook to one self-contained HTML file.

    Code cells are hidden unless ``show_code``; a failed notebook gets a banner naming the
    error, and its traceback stays in the page.
    """
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    nb = nbformat.read(notebook, as_version=4)
    # progress bars (stderr redrawn with \r) become their last state, not one line per redraw
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    # a bar that cleared itself leaves only spaces: no empty stderr box in the report
    for cell in nb.cells:
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if not _blank_stream(o)]
    templates = resources.files("toolkit") / "templates"
    exporter = HTMLExporter(
        template_name=TEMPLATE,
        extra_template_basedirs=[str(templates)],
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    res = {
        "plotly_js": _plotly_js() if _has_figures(nb) else "",
        "toolkit_banner": f"This notebook failed: {html.escape(failed)}" if failed else "",
        "toolkit_banner_class": "failed" if failed else "",
    }
    if failed:  # the traceback cell must show even when code is hidden
        exporter.exclude_input = False
    body, _ = exporter.from_notebook_node(nb, resources=res)
    out.write_text(body, encoding="utf-8")
    return out


def write_index(run_dir: Path, run: dict[str, Any]) -> Path:
    """``index.html``: the run's summary and a link to each notebook's report."""
    rows = []
    for nb in run["notebooks"]:
        status = nb["status"]
        colour = "#e2f7e2" if status == "ok" else "#ffe3e3"
        reason = f"<br><small>{html.escape(nb['reason'])}</small>" if nb.get("reason") else ""
        rows.append(
            f'<tr style="background:{colour}"><td><a href="{html.escape(nb["html"])}">'
            f"{html.escape(nb['notebook'])}</a></td><td>{status}{reason}</td>"
            f"<td>{nb['seconds']:.1f} s</td>"
            f'<td><a href="{html.escape(nb["ipynb"])}">notebook</a></td></tr>'
        )
    p = run["params"]
    facts = [
        ("parameter set", p["name"]),
        ("run", run["run_id"]),
        ("sources", ", ".join(p["sources"])),
        ("documents", run["corpus"]["documents"]),
        ("files or records skipped", run["corpus"].get("skipped", "not recorded")),
        ("distinct stories", run["corpus"]["stories"]),
        ("in the analysis", run["corpus"]["analysed"]),
        ("outlets", ", ".join(f"{k} {v}" for k, v in run["corpus"]["outlets"].items())),
        ("unit / duplicates", f"{p['unit']} / {p['duplicates']}"),
        ("seed", p["seed"]),
        ("input files (sources, manifest, outlet tables)", len(run["inputs"])),
        ("commit", run["git"]["commit"] or "not a git checkout"),
    ]
    fact_rows = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in facts
    )
    failed = [nb for nb in run["notebooks"] if nb["status"] != "ok"]
    banner = (
        f'<p style="background:#ffe3e3;padding:0.5em">{len(failed)} notebook(s) failed.</p>'
        if failed
        else ""
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(p["name"])}: {run["run_id"]}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}
table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style>
</head><body>
<h1>{html.escape(p["name"])}</h1>
{banner}
<h2>Notebooks</h2>
<table><thead><tr><th>report</th><th>status</th><th>time</th><th>executed</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<h2>Run</h2>
<table>{fact_rows}</table>
<p>Parameters, input hashes, versions, the model and timings: <a href="run.json">run.json</a>.
Result tables: <code>tables/</code>.</p>
</body></html>
"""
    out = run_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


def write_runs_index(folder: Path) -> Path:
    """``index.html`` in a parameter set's folder (``outputs/NAME/``): its finished runs, newest
    first, with their status and failure reason. A run whose ``run.json`` still says
    ``running`` (going on, or killed midway) is left out, as ``latest`` leaves it."""
    from toolkit.cache import write_whole

    rows = []
    for run_json in sorted(folder.glob("*/run.json"), reverse=True):
        if run_json.parent.is_symlink():  # latest
            continue
        try:
            run = json.loads(run_json.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(run, dict) or run.get("status") not in ("ok", "failed"):
            continue
        name = run_json.parent.name
        page = (
            f"{name}/index.html"
            if (run_json.parent / "index.html").is_file()
            else f"{name}/run.json"
        )
        colour = "#e2f7e2" if run["status"] == "ok" else "#ffe3e3"
        reason = html.escape(str(run.get("reason") or ""))
        rows.append(
            f'<tr style="background:{colour}"><td><a href="{html.escape(page)}">'
            f"{html.escape(name)}</a></td><td>{html.escape(run['status'])}</td><td>{reason}</td></tr>"
        )
    title = html.escape(folder.name)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}: runs</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}
table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}</style>
</head><body>
<h1>{title}: runs</h1>
<table><thead><tr><th>run</th><th>status</th><th>why it failed</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
</body></html>
"""
    out = folder / "index.html"
    write_whole(out, lambda tmp: tmp.write_text(page, encoding="utf-8"))
    return out
