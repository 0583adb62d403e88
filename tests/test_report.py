import plotly.express as px

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
