"""toolkit.display: escaped HTML from frames, every row shown, evidence links, figures or the
reason why not."""

import datetime as dt
import json
import re

import numpy as np
import plotly.graph_objects as go
import polars as pl
import pytest
from browser import dom

from toolkit import display as d

PAYLOADS = [
    "<script>document.title='pwned'</script>",
    "<img src=x onerror=\"document.title='pwned'\">",
    "</script><script>alert(1)</script>",
    "**bold** [link](javascript:alert(1)) `code`",
    '" onmouseover="alert(1)',
]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, ""),
        (["Lavrov", "Putin"], "Lavrov, Putin"),
        ((), ""),
        (0.123456, "0.1235"),
        (float("nan"), ""),
        (12345.0, "1.234e+04"),
        (True, "yes"),
        (3, "3"),
        (pl.Series(["a", "b"]), "a, b"),
    ],
)
def test_text_shows_lists_as_text_and_missing_as_blank(value, shown):
    assert d.text(value) == shown


@pytest.mark.parametrize("payload", PAYLOADS)
def test_say_escapes_every_value_and_keeps_the_template(payload):
    out = d.say("<b>Small n</b>: {groups} and {n}.", groups=[payload, "TASS"], n=payload)
    assert out.startswith("<b>Small n</b>: ")
    assert "<script" not in out and "<img" not in out and '" onmouseover' not in out
    assert out._repr_html_() == str(out)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_link_escapes_the_label_and_encodes_the_fragment(payload):
    out = d.link("term", payload)
    href = re.search(r'href="([^"]*)"', out).group(1)
    assert re.fullmatch(r"#evidence=[A-Za-z0-9%._~-]*", href)
    assert "<script" not in out and "<img" not in out


def _rows_in(snippet: str) -> list[list]:
    """The rows an itables snippet hands DataTables."""
    data = re.search(r'"data_json": ("(?:[^"\\]|\\.)*")', snippet).group(1)
    return json.loads(json.loads(data))


@pytest.mark.parametrize(
    ("height", "interactive"), [(0, False), (1, False), (15, False), (16, True), (400, True)]
)
def test_a_table_shows_every_row_and_becomes_interactive_past_a_screen(height, interactive):
    frame = pl.DataFrame({"term": [f"t{i}" for i in range(height)], "n": list(range(height))})
    out = d.table(frame, title="Terms")
    assert f"({height:,} row" in out
    assert ("dt_args" in out) is interactive
    if interactive:
        assert len(_rows_in(out)) == height
        assert "every row" in out
    else:
        assert out.count("<tr>") == (height + 1 if height else 0)
    readable = re.sub(r'"[A-Za-z0-9+/=]{200,}"', "", out)  # without the base64 bundle
    assert "unpkg" not in readable and "cdn" not in readable.lower()
    assert "<script src" not in out and "<link" not in out


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("height", [2, 40])
def test_a_table_escapes_cells_columns_titles_and_links(payload, height):
    frame = pl.DataFrame(
        {payload: [payload] * height, "term": [payload] * height, "list": [[payload]] * height}
    )
    out = d.table(frame, title=payload, links={"term": "term"})
    for raw in ("<script>document.title", "<img src", "<script>alert", 'onmouseover="alert'):
        assert raw not in out
    assert "&lt;" in out or "**bold**" in payload or "onmouseover" in payload


def test_lists_are_text_in_tables():
    out = d.table(pl.DataFrame({"outlets": [["BelTA", "TASS"]]}))
    assert "BelTA, TASS" in out and "[" not in out.split("<tbody>")[1]


def test_the_bundle_is_inlined_once_and_nothing_is_fetched(monkeypatch):
    monkeypatch.setattr(d, "_itables_loaded", False)
    big = pl.DataFrame({"x": list(range(30))})
    first, second = d.table(big), d.table(big)
    assert "_itables_" in first and len(first) > 500_000  # DataTables, base64, in the page
    assert len(second) < 50_000
    readable = re.sub(r'"[A-Za-z0-9+/=]{200,}"', "", first)
    assert "import " not in readable.replace("await window", "")  # no module from elsewhere
    assert "<script src" not in first and "<link" not in first


def test_a_long_table_with_a_csv_file_says_how_many_rows_it_shows(monkeypatch, tmp_path):
    monkeypatch.setattr(d, "MAX_INLINE", 20)
    frame = pl.DataFrame({"x": list(range(50)), "l": [["a", "b"]] * 50})
    out = d.table(frame, title="All", csv_file=tmp_path / "all.csv", csv_href="tables/all.csv")
    assert "the first 20 are shown here, all 50 are in" in out
    assert 'href="tables/all.csv"' in out
    assert len(_rows_in(out)) == 20
    written = pl.read_csv(tmp_path / "all.csv")
    assert written.height == 50 and written["l"][0] == "a, b"


def test_without_a_csv_file_a_long_table_keeps_every_row(monkeypatch):
    monkeypatch.setattr(d, "MAX_INLINE", 20)
    assert len(_rows_in(d.table(pl.DataFrame({"x": list(range(50))})))) == 50


@pytest.mark.parametrize(
    ("fig", "drawn"),
    [
        (go.Figure(), False),
        (go.Figure(go.Bar(x=["a"], y=[0])), False),
        (go.Figure(go.Bar(x=[0, 0], y=["a", "b"], orientation="h")), False),
        (go.Figure(go.Bar(x=[0, 2], y=["a", "b"], orientation="h")), True),
        (go.Figure(go.Scatter(x=[], y=[])), False),
        (go.Figure(go.Scatter(x=[1], y=[None])), False),
        (go.Figure(go.Scatter(x=[1], y=[0])), True),
        (None, False),
    ],
)
def test_a_figure_with_nothing_to_draw_is_replaced_by_its_reason(fig, drawn):
    out = d.figure_or_reason(fig, "No document of {outlet} is dated.", outlet="<b>TASS</b>")
    if drawn:
        assert isinstance(out, d.Figure)
        assert "Plotly.newPlot" in out._repr_mimebundle_()["text/html"]
    else:
        assert isinstance(out, d.Html)
        assert "No document of &lt;b&gt;TASS&lt;/b&gt; is dated." in out


def _page(tmp_path, *parts: str):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>clean</title>"
                    "</head><body>" + "".join(parts) + "</body></html>", encoding="utf-8")  # fmt: skip
    return page


def test_in_chromium_tables_page_and_a_fragment_filters_the_evidence(tmp_path, monkeypatch):
    monkeypatch.setattr(d, "_itables_loaded", False)
    terms = pl.DataFrame({"term": [f"term {i}" for i in range(40)] + ["<b>x</b>"]})
    lines = pl.DataFrame(
        {
            "key": ["term 1"] * 3 + ["term 2"] * 30 + ["<b>x</b>"],
            "title": ["t"] * 33 + ["<img src=x onerror=\"document.title='pwned'\">"],
        }
    )
    page = _page(
        tmp_path,
        d.table(terms, title="Terms", links={"term": "term"}),
        d.evidence_table(lines, kind="term", title="Evidence"),
    )
    shown = dom(page)
    assert "Showing 1 to 15 of 41 entries" in shown and "<title>clean</title>" in shown
    assert "Showing 1 to 15 of 34 entries" in shown
    filtered = dom(page, fragment="#evidence=term%3Aterm%201")
    assert "Showing 1 to 3 of 3 entries (filtered from 34 total entries)" in filtered
    assert 'id="toolkit-evidence-term-key">term 1<' in filtered
    escaped = dom(page, fragment="#evidence=" + "term%3A%3Cb%3Ex%3C%2Fb%3E")
    assert "Showing 1 to 1 of 1 entry (filtered from 34 total entries)" in escaped
    assert "<title>clean</title>" in escaped


@pytest.mark.parametrize(
    ("xs", "widened"),
    [
        ([[dt.date(2022, 1, 1)], [dt.date(2022, 1, 1), None]], ("2021-12-17", "2022-01-16")),
        ([[dt.datetime(2022, 1, 1, 12)]], ("2021-12-17", "2022-01-16")),
        ([[dt.date(2022, 1, 1), dt.date(2022, 2, 1)]], None),  # two dates: plotly's own range
        ([["TASS", "BelTA"]], None),  # not a time axis
        ([np.array([1.5, 2.5])], None),  # numbers, as numpy gives them
    ],
)
def test_a_time_axis_with_one_date_spans_a_month_around_it(xs, widened):
    """One period drew an axis of milliseconds ('23:59:59.9996 ... 00:00:00.0004')."""
    fig = go.Figure()
    for x in xs:
        fig.add_scatter(x=x, y=[1] * len(x))
    out = d.one_date_widened(fig)
    assert (tuple(out.layout.xaxis.range) if out.layout.xaxis.range else None) == widened
    assert fig.layout.xaxis.range is None  # the caller's figure is left as it was


def test_only_the_keys_given_link_to_evidence():
    frame = pl.DataFrame({"label": ["outliers", "0: minsk, visit"]})
    out = d.table(frame, links={"label": ("topic", {"0: minsk, visit"})})
    assert out.count('class="toolkit-evidence"') == 1 and "outliers" in out
    assert "#evidence=topic%3A0%3A%20minsk%2C%20visit" in out


@pytest.mark.parametrize(("entries", "height"), [(3, None), (11, 516), (20, 750)])
def test_a_figure_is_as_tall_as_its_legend(entries, height):
    import plotly.graph_objects as go

    fig = go.Figure([go.Scatter(x=[1], y=[i], name=f"outlet {i}") for i in range(entries)])
    assert d.legend_fitted(fig).layout.height == height
    assert fig.layout.height is None  # a copy: the figure given is left as it is


def test_a_cut_evidence_table_keeps_lines_of_every_key(tmp_path, monkeypatch):
    """Trial Q: the quotes' evidence kept the earliest 5,000 of 14,069 lines, so the speakers
    of four outlets whose quotes came later linked to an empty table."""
    monkeypatch.setattr(d, "MAX_INLINE", 10)
    frame = pl.DataFrame({"key": ["early"] * 20 + ["late"] * 3, "n": list(range(23))})
    out = d.evidence_table(frame, kind="speaker", title="Quotes",
                           csv_file=tmp_path / "q.csv", csv_href="tables/q.csv")  # fmt: skip
    assert all(f'[\\"late\\", \\"{i}\\"]' in out for i in (20, 21, 22))  # every late line
    assert out.count('[\\"early\\"') == 7  # and the early key's first lines in the rest
    assert "all 23 are in" in out and pl.read_csv(tmp_path / "q.csv").height == 23


def test_figure_text_from_the_data_is_shown_as_written_not_as_markup():
    """Trial Q: plotly drew an outlet named with <b> in bold and would draw a link."""
    import plotly.graph_objects as go

    name = '<a href="https://example.com">R&B</a>'
    fig = go.Figure(go.Bar(x=[name, "TASS"], y=[1, 2], name=name, text=[name, "t"]))
    fig.add_annotation(x=0, y=1, text="<b>Lavrov</b> in Minsk")
    fig.update_layout(title="Items<br><sup>per month</sup>")
    spec = d.figure_bundle(fig)["application/vnd.plotly.v1+json"]
    bar = spec["data"][0]
    assert bar["name"] == '&lt;a href="https://example.com"&gt;R&amp;B&lt;/a&gt;'
    assert bar["x"][0] == bar["text"][0] == bar["name"] and bar["x"][1] == "TASS"
    assert spec["layout"]["annotations"][0]["text"] == "&lt;b&gt;Lavrov&lt;/b&gt; in Minsk"
    assert spec["layout"]["title"]["text"] == "Items<br><sup>per month</sup>"  # ours: markup
    assert fig.data[0].name == name  # the figure given is left as it is
