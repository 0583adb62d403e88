"""toolkit.plots: a colour per group, small n a lighter hatched shade of it and labelled."""

import datetime as dt

import plotly.graph_objects as go
import polars as pl
import pytest

from toolkit import plots


def shares(small: list[bool]) -> pl.DataFrame:
    groups = [f"g{i}" for i in range(len(small))]
    return pl.DataFrame(
        {
            "outlet": [g for g in groups for _ in range(2)],
            "topic": ["a", "b"] * len(groups),
            "share": [0.5] * 2 * len(groups),
            "ci_low": [0.4] * 2 * len(groups),
            "ci_high": [0.6] * 2 * len(groups),
            "n_docs": [3] * 2 * len(groups),
            "small_n": [s for s in small for _ in range(2)],
        }
    )


@pytest.mark.parametrize("n", [1, 2, 10, 24])
def test_each_group_gets_its_own_colour(n):
    colours = plots.group_colours([f"g{i}" for i in range(n)])
    assert len(set(colours.values())) == n


def test_colours_follow_the_group_not_its_place_in_one_figure():
    assert plots.group_colours(["TASS", "BelTA"]) == plots.group_colours(["BelTA", "TASS", "TASS"])


@pytest.mark.parametrize(
    "small", [[False, False, False], [True, True, True], [False, True, False, True]]
)
def test_small_groups_are_a_lighter_hatched_shade_of_their_own_colour(small):
    fig = plots.share_bars(shares(small), group="outlet", category="topic", title="t")
    colours = [bar.marker.color for bar in fig.data]
    assert len(set(colours)) == len(small)  # distinct even when all are small
    for bar, is_small in zip(fig.data, small, strict=True):
        assert bar.name.endswith("(small n)") is is_small
        assert (bar.marker.pattern.shape == plots.SMALL_PATTERN) is is_small
        assert bar.marker.color.startswith("rgba(") is is_small
        assert bar.marker.color.endswith(f",{plots.SMALL_OPACITY})") is is_small


def test_rate_bars_colour_groups_like_share_bars():
    rates = shares([False, True]).rename({"share": "per_1000"})
    fig = plots.rate_bars(rates, group="outlet", category="topic", value="per_1000", title="t",
                          axis_title="per 1,000 words")  # fmt: skip
    assert fig.data[0].marker.color == plots.group_colours(["g0", "g1"])["g0"]
    assert fig.data[1].marker.pattern.shape == plots.SMALL_PATTERN


def test_volume_lines_draw_partly_covered_periods_as_hollow_markers_not_falls():

    vol = pl.DataFrame(
        {
            "period": [dt.date(2022, m, 1) for m in (1, 2, 3)] * 2,
            "outlet": ["TASS"] * 3 + ["RT"] * 3,
            "items": [40, 90, 12, 5, 0, 7],
            "in_range": [True] * 6,
            "coverage": ["full", "full", "partial", "full", "no items", "full"],
        }
    )
    fig = plots.volume_lines(vol, by="outlet", title="Items per month")
    lines = {t.name: list(t.y) for t in fig.data if t.mode != "markers" and t.name}
    hollow = [t for t in fig.data if t.mode == "markers" and t.x[0] is not None]
    assert lines == {"RT": [5, 0, 7], "TASS": [40, 90, None]}  # a zero kept, the partial apart
    assert [(t.name, list(t.y), t.marker.symbol) for t in hollow] == [
        ("TASS", [None, None, 12], "circle-open")
    ]
    assert any(t.name == "partial period (hollow)" for t in fig.data)
    assert (
        fig.data[0].line.color == hollow[0].marker.color
        or fig.data[1].line.color == hollow[0].marker.color
    )


def test_a_whole_period_no_line_reaches_is_as_visible_as_a_partial_one():
    """Trial X: a series' one whole month (159 items) between two partial ones was a 5-px dot
    beside 9-px rings."""
    vol = pl.DataFrame(
        {
            "period": [dt.date(2020, m, 1) for m in (8, 9, 10)] + [dt.date(2020, 8, 1)],
            "outlet": ["Daily Mail"] * 3 + ["RT"],
            "items": [11, 159, 4, 3],
            "in_range": [True] * 4,
            "coverage": ["partial", "full", "partial", "full"],
        }
    )
    fig = plots.volume_lines(vol, by="outlet", title="Items per month")
    line = next(t for t in fig.data if t.name == "Daily Mail" and t.mode == "lines+markers")
    assert list(line.y) == [None, 159, None] and list(line.marker.size) == [5, 9, 5]


def test_volume_lines_break_at_a_gap_in_the_data_and_band_it():
    vol = pl.DataFrame(
        {
            "period": [dt.date(2022, m, 1) for m in (1, 2, 3, 4)],
            "outlet": ["TASS"] * 4,
            "items": [40, 0, 0, 12],
            "in_range": [True] * 4,
            "coverage": ["full", "corpus gap", "corpus gap", "full"],
        }
    )
    fig = plots.volume_lines(vol, by="outlet", title="Items per month")
    assert list(fig.data[0].y) == [40, None, None, 12]  # no fall to zero
    bands = [(s.x0, s.x1) for s in fig.layout.shapes]
    assert bands == [(dt.date(2022, 2, 1), dt.date(2022, 4, 1))]  # one band over both months
    assert any(t.name == "no items in any outlet (grey)" for t in fig.data)


def test_events_outside_the_data_are_named_not_drawn():
    events = [{"date": "1990-01-01", "label": "Early"}, {"date": "2022-02-01", "label": "Talks"},
              {"date": "2030-05-05", "label": "Late"}]  # fmt: skip
    within = (dt.date(2022, 1, 1), dt.date(2022, 3, 1))
    assert [e["label"] for e in plots.events_outside(events, within)] == ["Early", "Late"]
    fig = plots.add_events(go.Figure(), events, within=within)
    assert [a.text for a in fig.layout.annotations] == ["Talks"]


@pytest.mark.parametrize(
    ("coverage", "said"), [(["partial", "partial"], True), (["full", "partial"], False)]
)
def test_a_pooled_line_with_no_whole_period_is_said_to_be_markers_only(coverage, said):
    """Trial L: on a corpus whose outlets never all cover a week, the pooled line was hollow
    markers throughout, with nothing to say why."""
    shares = pl.DataFrame(
        {
            "period": [dt.date(2022, 1, 3), dt.date(2022, 1, 10)] * 2,
            "outlet": ["pooled"] * 2 + ["TASS"] * 2,
            "share": [0.1, 0.2, 0.1, 0.2],
            "ci_low": [0.0] * 4,
            "ci_high": [0.3] * 4,
            "n": [10] * 4,
            "coverage": [*coverage, "full", "full"],
        }
    )
    fig = plots.share_panels(shares, series="outlet", title="Share", pooled="pooled")
    assert ("hollow markers only" in fig.layout.title.text) is said


def test_the_pooled_check_reads_a_panel_of_topics():
    """The topics notebook pools in a panel, its series are topic numbers (an integer column)."""
    shares = pl.DataFrame(
        {
            "period": [dt.date(2022, 1, 3)] * 2,
            "outlet": ["pooled", "TASS"],
            "topic": [0, 0],
            "share": [0.1, 0.2],
            "coverage": ["partial", "full"],
        }
    )
    assert plots.pooled_all_partial(shares, series="topic", panel="outlet", pooled="pooled")


def test_an_event_late_in_the_last_period_is_drawn_within_the_datas_dates():
    """Trial O: Lavrov in Minsk on 2023-01-19, the day of a seed document, was called outside
    the data because the last period began on 2023-01-01."""
    shares = pl.DataFrame(
        {
            "period": [dt.date(2022, 12, 1), dt.date(2023, 1, 1)],
            "outlet": ["TASS", "TASS"],
            "share": [0.1, 0.2],
            "ci_low": [0.0, 0.1],
            "ci_high": [0.2, 0.3],
            "n": [10, 10],
            "coverage": ["full", "full"],
        }
    )
    events = [{"date": "2023-01-19", "label": "Lavrov in Minsk"}]
    span = (dt.date(2022, 12, 1), dt.date(2023, 1, 19))
    fig = plots.share_panels(shares, series="outlet", title="Share", events=events, span=span)
    assert [a.text for a in fig.layout.annotations] == ["Lavrov in Minsk"]
    assert plots.events_outside(events, span) == []


def test_a_panel_with_nothing_drawn_reads_zero_to_a_hundred_percent():
    """Trial P's trends report: RT's panel (7 items, every month under the floor) drew an
    empty 0-400% axis."""
    shares = pl.DataFrame(
        {
            "period": [dt.date(2022, 1, 3), dt.date(2022, 1, 10)] * 2,
            "outlet": ["TASS"] * 4,
            "frame": ["Security"] * 2 + ["Peace"] * 2,
            "share": [0.1, 0.2, 0.3, 0.4],
            "ci_low": [0.0] * 4,
            "ci_high": [0.5] * 4,
            "n": [10, 10, 2, 2],  # the second panel's periods are under the floor of 5
            "coverage": ["full"] * 4,
        }
    )
    fig = plots.share_panels(shares, series="outlet", panel="frame", title="Share", min_items=5)
    # panels in order of name: "Peace" (nothing drawn) first, "Security" second
    assert fig.layout.yaxis.range == (0, 1) and fig.layout.yaxis2.range is None


@pytest.mark.parametrize(("groups", "height"), [(2, 350), (10, 360), (24, 752)])
def test_grouped_bars_are_about_fourteen_pixels_each(groups, height):
    """Trial R: four quarters' bars of eight frames were 4 pixels high, the third hidden."""
    fig = plots.share_bars(shares([False] * groups), group="outlet", category="topic", title="t")
    assert fig.layout.height == height  # 2 categories x groups x 14 + 80, at least 350
