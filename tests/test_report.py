import plotly.express as px
import pytest

from toolkit.report import figure_bundle


def test_a_figure_draws_in_jupyterlab_and_in_html_without_a_cdn():
    fig = px.bar(x=["TASS", "BelTA"], y=[3, 2], title="Items")
    bundle = figure_bundle(fig)
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/html", "text/plain"}
    assert "Plotly.newPlot" in bundle["text/html"]
    assert "cdn" not in bundle["text/html"] and "<script src" not in bundle["text/html"]
    assert figure_bundle(fig)["text/html"] == bundle["text/html"]  # stable ids: diff-able reports


def test_show_table_shows_every_row(monkeypatch):
    import IPython.display
    import polars as pl

    from toolkit import report

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **_: shown.append(obj))
    report.show_table(pl.DataFrame({"topic": list(range(34))}), caption="Topics", rows=30)
    (html,) = shown
    assert "(34 rows; sort by a column, search, and page through every row)" in html
    assert "first 30 shown" not in html


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Embedding 100%|####| 62/62\r" + " " * 60 + "\r", False),  # a bar that cleared itself
        ("   \n", False),
        ("Batches: 62 done\n", True),  # what a stream says stays
    ],
)
def test_a_stream_of_nothing_but_spaces_leaves_no_box(tmp_path, text, shown):
    import nbformat

    from toolkit.report import render_notebook

    cell = nbformat.v4.new_code_cell("embed()")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stderr", text=text),
        nbformat.v4.new_output("display_data", data={"text/html": "<p>4 topics</p>"}),
    ]
    notebook = tmp_path / "n.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), notebook)
    page = render_notebook(notebook, tmp_path / "n.html").read_text(encoding="utf-8")
    box = 'jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr"'
    assert (box in page) is shown
    assert "4 topics" in page
