import datetime as dt
import itertools

import numpy as np
import polars as pl
import pytest

from toolkit import trends as tr
from toolkit.errors import ToolkitError
from toolkit.frames import except_pattern, term_pattern

D = dt.date


def items(dates, outlets=None, texts=None, date_texts=None):
    n = len(dates)
    return pl.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": outlets or ["TASS"] * n,
            "published": dates,
            "date_text": date_texts or [None] * n,
            "text": texts or ["x"] * n,
        },
        schema_overrides={"published": pl.Date},
    )


@pytest.mark.parametrize(
    ("day", "period", "start"),
    [
        (D(2021, 1, 1), "week", D(2020, 12, 28)),  # a week that starts in the previous year
        (D(2021, 1, 3), "week", D(2020, 12, 28)),  # Sunday: still that week
        (D(2021, 1, 4), "week", D(2021, 1, 4)),  # Monday starts a new one
        (D(2020, 12, 31), "month", D(2020, 12, 1)),
        (D(2021, 3, 31), "quarter", D(2021, 1, 1)),
        (D(2021, 4, 1), "quarter", D(2021, 4, 1)),
        (D(2020, 12, 31), "year", D(2020, 1, 1)),
        (D(2020, 2, 29), "day", D(2020, 2, 29)),
    ],
)
def test_period_bucketing_across_week_and_year_boundaries(day, period, start):
    assert tr.bucket(items([day]), period)["period"].item() == start


def test_missing_and_partial_dates_are_counted_and_never_placed():
    frame = items([D(2022, 1, 3), None, None], date_texts=["3 January 2022", "Monday", None])
    assert tr.dating(frame) == {"items": 3, "dated": 1, "partial": 1, "undated": 1}
    assert tr.bucket(frame, "month").height == 1
    assert tr.volume(frame, period="month")["items"].sum() == 1
    with pytest.raises(ToolkitError, match="period must be one of"):
        tr.bucket(frame, "decade")


def test_volume_keeps_empty_periods_as_zero():
    vol = tr.volume(items([D(2022, 1, 5), D(2022, 3, 9)]), period="month")
    assert vol.select("period", "items").rows() == [
        (D(2022, 1, 1), 1),
        (D(2022, 2, 1), 0),
        (D(2022, 3, 1), 1),
    ]


def test_volume_says_which_periods_lie_within_each_outlets_items():
    """BelTA's first item is in March: January and February are outside its range (the corpus
    holds none of its items then), not months it published nothing."""
    frame = items([D(2022, 1, 5), D(2022, 2, 9), D(2022, 3, 9), D(2022, 3, 20)],
                  outlets=["TASS", "TASS", "TASS", "BelTA"])  # fmt: skip
    vol = tr.volume(frame, period="month").filter(pl.col("outlet") == "BelTA")
    assert vol.select("period", "items", "in_range").rows() == [
        (D(2022, 1, 1), 0, False),
        (D(2022, 2, 1), 0, False),
        (D(2022, 3, 1), 1, True),
    ]


def test_volume_marks_the_periods_each_outlets_data_only_partly_cover():
    """TASS's data run from 5 January to 9 March: January and March are partly covered, so
    their counts are no rise or fall; February is whole. RT's span January whole."""
    frame = items([D(2022, 1, 5), D(2022, 2, 9), D(2022, 3, 9), D(2022, 1, 1), D(2022, 1, 31)],
                  outlets=["TASS", "TASS", "TASS", "RT", "RT"])  # fmt: skip
    vol = tr.volume(frame, period="month")
    assert vol.filter(pl.col("outlet") == "TASS").select("period", "coverage").rows() == [
        (D(2022, 1, 1), "partial"),
        (D(2022, 2, 1), "full"),
        (D(2022, 3, 1), "partial"),
    ]
    assert vol.filter(pl.col("outlet") == "RT").select("period", "items", "coverage").rows() == [
        (D(2022, 1, 1), 2, "full"),  # its data span the whole month
        (D(2022, 2, 1), 0, "no items"),
        (D(2022, 3, 1), 0, "no items"),
    ]


def test_query_share_is_normalised_by_each_periods_volume():
    frame = items(
        [D(2022, 1, 3)] * 4 + [D(2022, 2, 7)] * 10,
        texts=["Belarus talks", "other", "other", "other"] + ["Minsk"] * 5 + ["other"] * 5,
    )
    share = tr.query_share(frame, r"(?i)\b(belarus|minsk)\b", period="month")
    assert share.select("period", "k", "n", "share").rows() == [
        (D(2022, 1, 1), 1, 4, 0.25),
        (D(2022, 2, 1), 5, 10, 0.5),
    ]
    assert (share["ci_low"] <= share["share"]).all() and (share["share"] <= share["ci_high"]).all()
    pooled = tr.query_share(frame, r"(?i)\bminsk\b", period="month", rolling=2)
    assert pooled.filter(pl.col("period") == D(2022, 2, 1))["n"].item() == 14  # counts summed


def test_category_shares_sum_to_one_per_period():
    frame = items([D(2022, 1, 3)] * 3 + [D(2022, 1, 20)]).with_columns(
        topic=pl.Series([0, 0, 1, 1])
    )
    table = tr.category_share(frame, "topic", period="month")
    assert table.select("topic", "share").rows() == [(0, 0.5), (1, 0.5)]


@pytest.mark.parametrize(
    ("event", "days", "window"),
    [
        ("2022-02-24", 7, (D(2022, 2, 17), D(2022, 2, 23), D(2022, 2, 24), D(2022, 3, 2))),
        ("2021-01-01", 1, (D(2020, 12, 31), D(2020, 12, 31), D(2021, 1, 1), D(2021, 1, 1))),
        ("2024-03-01", 2, (D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1), D(2024, 3, 2))),
    ],
)
def test_event_window_arithmetic(event, days, window):
    assert tr.event_window(event, days) == window


def test_before_after_shares_with_a_seeded_permutation_test():
    before = [D(2022, 2, 1)] * 20
    after = [D(2022, 3, 1)] * 20
    frame = items(before + after).with_columns(
        war=pl.Series([False] * 18 + [True] * 2 + [True] * 15 + [False] * 5)
    )
    table = tr.before_after_shares(frame, ["war"], event="2022-02-24", days=60, seed=1)
    row = table.row(0, named=True)
    assert (row["n_before"], row["n_after"], row["share_before"], row["share_after"]) == (
        20,
        20,
        0.1,
        0.75,
    )
    assert row["p_value"] < 0.01
    again = tr.before_after_shares(frame, ["war"], event="2022-02-24", days=60, seed=1)
    assert again.equals(table)
    rng = np.random.default_rng(1)  # a generator given is used as it is
    assert tr.before_after_shares(frame, ["war"], event="2022-02-24", days=60, seed=rng).equals(
        table
    )
    outside = tr.before_after_shares(frame, ["war"], event="2021-01-01", days=10, seed=1)
    assert outside.row(0, named=True)["p_value"] is None  # no items in the window: no test


FRAMES = {
    "war": {"label": "War", "terms": ["war*", "troops"]},
    "trade": {"label": "Trade", "terms": ["trade", "gas"]},
}


def test_frame_shares_follow_each_frame_of_the_lexicon_per_period():
    frame = items(
        [D(2022, 1, 3), D(2022, 1, 9), D(2022, 2, 7), None],
        texts=["troops moved", "gas trade", "wartime gas", "war"],
    )
    table = tr.frame_shares(frame, FRAMES, period="month")
    rows = {(r["frame"], r["period"]): (r["k"], r["n"]) for r in table.iter_rows(named=True)}
    assert rows == {
        ("War", D(2022, 1, 1)): (1, 2),
        ("War", D(2022, 2, 1)): (1, 1),
        ("Trade", D(2022, 1, 1)): (1, 2),
        ("Trade", D(2022, 2, 1)): (1, 1),
    }
    empty = tr.frame_shares(frame, {}, period="month")
    assert empty.height == 0 and {"frame", "share", "period"} <= set(empty.columns)


def test_topic_shares_join_the_topics_runs_article_topics():
    frame = items([D(2022, 1, 3), D(2022, 1, 9), D(2022, 2, 7), None])
    article_topics = pl.DataFrame({"doc_id": ["d0", "d1", "d3"], "topic": [0, 1, 1]})
    table, undated = tr.topic_shares(frame, article_topics, period="month")
    assert undated == 1  # d3 has a topic but no date; d2 has a date but no topic
    assert table.select("topic", "period", "k", "n").rows() == [
        (0, D(2022, 1, 1), 1, 2),
        (1, D(2022, 1, 1), 1, 2),
    ]


def test_event_measures_flag_the_query_each_frame_and_each_topic():
    frame = items([D(2022, 1, 3)] * 3, texts=["Minsk troops", "gas", "nothing"])
    article_topics = pl.DataFrame({"doc_id": ["d0", "d1"], "topic": [3, -1]})
    flagged, measures = tr.event_measures(
        frame, query=r"(?i)\bminsk\b", frames=FRAMES, article_topics=article_topics
    )
    # the outliers (topic -1) are no topic: not tested
    assert list(measures) == ["query", "war", "trade", "topic 3"]
    assert measures["war"] == "War" and measures["topic 3"] == "topic 3"  # no label given
    assert flagged.select(list(measures)).rows() == [
        (True, True, False, True),
        (False, False, True, False),
        (False, False, False, None),  # no topic: null, read as absent by the test
    ]
    _, without = tr.event_measures(frame, query="x", frames=FRAMES)
    assert list(without) == ["query", "war", "trade"]
    _, labelled = tr.event_measures(frame, query="x", frames=FRAMES, article_topics=article_topics,
                                    topic_labels={3: "3: minsk, troops"}, query_label="minsk")  # fmt: skip
    assert (labelled["query"], labelled["topic 3"]) == ("minsk", "3: minsk, troops")


@pytest.mark.parametrize(
    ("dates", "outlets", "expected"),
    [
        # the corpus begins on 1 January and ends on 31 March: every month is whole
        ([D(2022, 1, 1), D(2022, 2, 9), D(2022, 3, 31)], None, ["full", "full", "full"]),
        # begins on 10 January and ends on 15 March: the first and last months are partial
        ([D(2022, 1, 10), D(2022, 2, 9), D(2022, 3, 15)], None, ["partial", "full", "partial"]),
        # one outlet: nothing in February is "no items", not a share of zero
        ([D(2022, 1, 1), D(2022, 3, 31)], None, ["full", "no items", "full"]),
    ],
)
def test_coverage_marks_partial_periods_and_periods_without_items(dates, outlets, expected):
    share = tr.query_share(items(dates, outlets), "x", period="month")
    assert share["coverage"].to_list() == expected
    assert share.filter(pl.col("coverage") == "no items")["share"].is_null().all()


def test_each_outlet_has_its_own_coverage_and_shares():
    frame = items(
        [D(2022, 1, 1), D(2022, 2, 1), D(2022, 3, 31), D(2022, 1, 20), D(2022, 3, 2)],
        outlets=["TASS", "TASS", "TASS", "BelTA", "BelTA"],
        texts=["Minsk", "x", "Minsk", "Minsk", "x"],
    )
    share = tr.query_share(frame, "Minsk", period="month", by="outlet")
    rows = {(r["outlet"], r["period"].month): (r["share"], r["coverage"])
            for r in share.iter_rows(named=True)}  # fmt: skip
    assert rows == {
        ("BelTA", 1): (1.0, "partial"),  # BelTA's first item is on 20 January
        ("BelTA", 2): (None, "no items"),
        ("BelTA", 3): (0.0, "partial"),  # ... and its last on 2 March
        ("TASS", 1): (1.0, "full"),
        ("TASS", 2): (0.0, "full"),
        ("TASS", 3): (1.0, "full"),
    }
    both = tr.pooled(share)
    assert both.select("period", "groups", "share", "coverage").rows() == [
        (D(2022, 1, 1), 2, 1.0, "partial"),
        (D(2022, 2, 1), 1, 0.0, "partial"),  # BelTA is missing: not comparable
        (D(2022, 3, 1), 2, 0.5, "partial"),  # the mean of 1.0 and 0.0, not 1 of 2 items pooled
    ]
    assert both["outlet"].unique().to_list() == [tr.POOLED]


def test_the_pooled_line_weights_outlets_equally():
    # TASS: 90 items, 9 match (0.1); BelTA: 10 items, 9 match (0.9). Pooled by item: 0.18.
    frame = items([D(2022, 1, 1)] * 99 + [D(2022, 1, 31)], outlets=["TASS"] * 90 + ["BelTA"] * 10,
                  texts=["Minsk"] * 9 + ["x"] * 81 + ["Minsk"] * 9 + ["x"])  # fmt: skip
    per = tr.query_share(frame, "Minsk", period="month", by="outlet")
    row = tr.pooled(per).row(0, named=True)
    assert (row["share"], row["groups"], row["n"], row["k"]) == (0.5, 2, 100, 18)
    assert row["coverage"] == "partial"  # TASS published on 1 January only
    assert row["ci_low"] < row["share"] < row["ci_high"]
    assert tr.pooled(per, min_items=20)["groups"].item() == 1  # BelTA's 10 items are too few


@pytest.mark.parametrize(
    ("texts", "outlets"),
    [
        (["x"] * 10, ["Kremlin"] * 10),  # one outlet, no item matches: its Wilson upper limit
        (["Minsk"] * 3 + ["x"] * 7, ["Kremlin"] * 10),  # one outlet: its own interval
        (["x"] * 10 + ["Minsk"] * 2 + ["x"] * 8, ["TASS"] * 10 + ["BelTA"] * 10),
    ],
)
def test_the_pooled_interval_combines_the_outlets_wilson_intervals(texts, outlets):
    """Trial E: the pooled interval took half of each Wilson interval's width as a symmetric
    standard error, halving the upper limit of an outlet with no match. MOVER (Zou and Donner
    2008) combines each side's distances: one outlet's pooled interval is its own."""
    frame = items([D(2022, 1, 3)] * len(texts), outlets=outlets, texts=texts)
    per = tr.query_share(frame, "Minsk", period="month", by="outlet")
    row = tr.pooled(per).row(0, named=True)
    if per.height == 1:
        own = per.row(0, named=True)
        assert (row["ci_low"], row["ci_high"]) == (own["ci_low"], own["ci_high"])
    else:  # the mean's limits from each outlet's distances to its limits
        below = sum((r["share"] - r["ci_low"]) ** 2 for r in per.iter_rows(named=True)) ** 0.5 / 2
        above = sum((r["ci_high"] - r["share"]) ** 2 for r in per.iter_rows(named=True)) ** 0.5 / 2
        assert row["ci_low"] == pytest.approx(max(0.0, row["share"] - below), abs=1e-4)
        assert row["ci_high"] == pytest.approx(row["share"] + above, abs=1e-4)
    assert row["ci_high"] > row["share"] >= row["ci_low"] >= 0


def test_category_shares_within_outlets():
    frame = items([D(2022, 1, 3)] * 4, outlets=["TASS", "TASS", "TASS", "BelTA"]).with_columns(
        topic=pl.Series([0, 0, 1, 1])
    )
    table = tr.category_share(frame, "topic", period="month", by="outlet")
    assert table.select("outlet", "topic", "k", "n", "share").rows() == [
        ("BelTA", 0, 0, 1, 0.0),
        ("BelTA", 1, 1, 1, 1.0),
        ("TASS", 0, 2, 3, 0.6667),
        ("TASS", 1, 1, 3, 0.3333),
    ]


def outlet_gone_quiet():
    """The issue's case: TASS (80% of items match) and BelTA (10%) publish ten items a day
    for six weeks either side of the event, but TASS publishes nothing in the first two weeks
    after it. Within each outlet nothing changes."""
    event, days = D(2022, 2, 24), 42
    dates, outlets, flags = [], [], []
    for offset in range(-days, days):
        day = event + dt.timedelta(days=offset)
        for outlet, yes in (("TASS", 8), ("BelTA", 1)):
            if outlet == "TASS" and 0 <= offset < 14:
                continue
            dates += [day] * 10
            outlets += [outlet] * 10
            flags += [True] * yes + [False] * (10 - yes)
    return items(dates, outlets).with_columns(query=pl.Series(flags)), event, days


def test_an_outlet_gone_quiet_makes_no_change_within_outlets():
    frame, event, days = outlet_gone_quiet()
    pooled = tr.before_after_shares(frame, ["query"], event=event, days=days, seed=1, by=None)
    row = pooled.row(0, named=True)
    assert row["share_before"] == 0.45 and row["share_after"] == 0.38  # a fall by composition
    assert row["p_value"] < 0.01  # pooled, the test calls it significant
    within = tr.before_after_shares(frame, {"query": "Minsk"}, event=event, days=days, seed=1)
    row = within.row(0, named=True)
    assert (row["label"], row["groups"], row["left_out"]) == ("Minsk", 2, 0)
    assert (row["share_before"], row["share_after"], row["change"]) == (0.45, 0.45, 0.0)
    assert row["p_value"] > 0.5
    per = tr.before_after_by_group(frame, ["query"], event=event, days=days, seed=1)
    assert per.select("outlet", "share_before", "share_after").rows() == [
        ("BelTA", 0.1, 0.1),
        ("TASS", 0.8, 0.8),
    ]
    assert (per["p_value"] > 0.5).all() and (per["q_value"] >= per["p_value"]).all()


def test_a_real_change_within_outlets_is_found_and_q_values_sit_beside_p_values():
    frame, event, days = outlet_gone_quiet()
    after = pl.col("published") >= event
    frame = frame.with_columns(
        rose=after & (pl.col("doc_id").str.slice(1).cast(pl.Int64) % 2 == 0),  # 0 -> 0.5
        same=pl.col("query"),
    )
    table = tr.before_after_shares(frame, ["rose", "same"], event=event, days=days, seed=1)
    rows = {r["measure"]: r for r in table.iter_rows(named=True)}
    assert rows["rose"]["p_value"] < 0.001 and rows["rose"]["q_value"] < 0.01
    assert rows["same"]["q_value"] == 1.0
    only_before = frame.filter((pl.col("outlet") == "BelTA") | (pl.col("published") < event))
    one = tr.before_after_shares(only_before, ["same"], event=event, days=days, seed=1)
    assert one.select("groups", "left_out").row(0) == (1, 420)  # TASS is on one side only


def test_before_after_terms_take_the_tokeniser_options_and_carry_q_values():
    before = ["Minsk talks on gas prices"] * 6
    after = ["troops near the border, troops said"] * 6 + ["gas prices"] * 2
    frame = items([D(2022, 2, 1)] * 6 + [D(2022, 3, 1)] * 8, texts=before + after).with_columns(
        n_words=pl.col("text").str.count_matches(r"\w+")
    )
    terms = tr.before_after_terms(frame, event="2022-02-24", days=60, min_count=2,
                                  min_group_docs=1)  # fmt: skip
    assert terms["term"].head(1).to_list() == ["troops"]
    assert {"p_value", "q_value"} <= set(terms.columns)
    assert (terms["q_value"] >= terms["p_value"]).all() and (terms["p_value"] > 0).all()
    assert "the" not in terms["term"].to_list()  # a stop word of the corpus's language
    mine = tr.before_after_terms(frame, event="2022-02-24", days=60, min_count=2,
                                 min_group_docs=1, stop_words=["troops"],
                                 exclude_terms=["gas*"])  # fmt: skip
    assert not {"troops", "gas", "gas prices"} & set(mine["term"].to_list())


@pytest.mark.parametrize(
    ("min_items", "line", "hollow"),
    [
        (1, [None, 1.0, None, None], [1.0, None, None, 1.0]),  # Jan, Apr partial; Mar empty
        (2, [None, 1.0, None, None], None),  # partial periods with one item: not drawn at all
    ],
)
def test_share_panels_draw_partial_periods_hollow_and_empty_ones_as_gaps(min_items, line, hollow):
    from toolkit.plots import share_panels

    dates = [D(2022, 1, 10), D(2022, 2, 1), D(2022, 2, 28), D(2022, 4, 15)]
    share = tr.query_share(items(dates), "x", period="month", by="outlet")
    fig = share_panels(share, series="outlet", title="t", min_items=min_items)
    drawn = [t for t in fig.data if t.name == "TASS"]
    assert list(drawn[0].y) == line and drawn[0].connectgaps is False
    assert (list(drawn[1].y) if len(drawn) > 1 else None) == hollow
    if hollow:
        assert drawn[1].marker.symbol == "circle-open" and drawn[1].mode == "markers"


def _quiet_outlet_words(tass_after: int):
    """TASS writes about troops and BelTA about the harvest, the same before and after the
    event, except that 'sanctions' comes into half of BelTA's items and all of TASS's after it;
    TASS publishes ``tass_after`` items after the event instead of 100."""
    rows = [("TASS", "troops moved near the border", D(2022, 2, 1))] * 100
    rows += [("BelTA", "harvest season in Minsk", D(2022, 2, 1))] * 100
    rows += [("BelTA", "harvest season in Minsk", D(2022, 3, 1))] * 50
    rows += [("BelTA", "harvest season in Minsk sanctions", D(2022, 3, 1))] * 50
    rows += [("TASS", "troops moved near the border sanctions", D(2022, 3, 1))] * tass_after
    frame = items([d for *_, d in rows], outlets=[o for o, *_ in rows],
                  texts=[t for _, t, _ in rows])  # fmt: skip
    return frame.with_columns(n_words=pl.col("text").str.count_matches(r"\w+"))


def test_before_after_terms_compare_within_outlets_so_an_outlet_gone_quiet_moves_no_word():
    frame = _quiet_outlet_words(tass_after=5)
    args = {"event": "2022-02-24", "days": 60, "min_count": 2, "min_group_docs": 1}
    pooled = tr.before_after_terms(frame, by=None, **args)
    within = tr.before_after_terms(frame, **args)
    z_pooled = dict(zip(pooled["term"], pooled["z"], strict=True))
    z_within = dict(zip(within["term"], within["z"], strict=True))
    assert z_pooled["troops"] < -2 and z_pooled["harvest"] > 2  # composition, called a change
    assert abs(z_within["troops"]) < 2 and abs(z_within["harvest"]) < 2  # not a change
    assert within["term"][0] == "sanctions" and z_within["sanctions"] > 2
    assert within.select("strata", "left_out").row(0) == (2, 0)
    assert within.filter(pl.col("term") == "troops")["count"].item() == 5


def test_before_after_terms_leave_out_an_outlet_on_one_side_and_count_its_items():
    frame = _quiet_outlet_words(tass_after=0)
    terms = tr.before_after_terms(frame, event="2022-02-24", days=60, min_count=2,
                                  min_group_docs=1)  # fmt: skip
    assert terms.select("strata", "left_out").row(0) == (1, 100)
    assert "troops" not in terms["term"].to_list()  # only TASS wrote it: nothing to compare


@pytest.mark.parametrize("outlets", [1, 4, 27, 140])
def test_share_panels_draw_any_number_of_panels_the_same_gap_apart(outlets):
    """One panel per outlet: 27 and more used to raise plotly's 'vertical spacing cannot be
    greater than 1 / (rows - 1)' and stop the notebook."""
    from toolkit.plots import share_panels

    names = [f"outlet {i:03d}" for i in range(outlets)]
    dates = [D(2022, 1, 10), D(2022, 2, 10)] * outlets
    frame = items(dates, outlets=[n for n in names for _ in range(2)])
    share = tr.query_share(frame, "x", period="month", by="outlet")
    fig = share_panels(share, series="outlet", panel="outlet", title="t")
    axes = [fig.layout[f"yaxis{i + 1 if i else ''}"] for i in range(outlets)]
    domains = sorted((a.domain for a in axes), reverse=True)
    gaps = {round((a[0] - b[1]) * fig.layout.height) for a, b in itertools.pairwise(domains)}
    assert len(domains) == outlets and gaps <= {40}


@pytest.mark.parametrize(
    ("before", "after"),
    [(2, 15), (0, 0), (0, 3), (20, 20), (10, 9)],  # matches of 20 items on each side
)
def test_the_change_carries_a_newcombe_interval(before, after):
    """Trial E: the before/after table gave the change and p, no interval. One outlet's change
    has Newcombe's hybrid score interval (MOVER from the two Wilson intervals)."""
    flags = [True] * before + [False] * (20 - before) + [True] * after + [False] * (20 - after)
    frame = items([D(2022, 2, 1)] * 20 + [D(2022, 3, 1)] * 20).with_columns(war=pl.Series(flags))
    row = tr.before_after_shares(frame, ["war"], event="2022-02-24", days=60, seed=1).row(
        0, named=True
    )
    from toolkit.stats import wilson_bounds

    (lb,), (ub,) = wilson_bounds(np.array([before]), np.array([20]))
    (la,), (ua,) = wilson_bounds(np.array([after]), np.array([20]))
    pa, pb = after / 20, before / 20
    low = pa - pb - ((pa - la) ** 2 + (ub - pb) ** 2) ** 0.5
    high = pa - pb + ((ua - pa) ** 2 + (pb - lb) ** 2) ** 0.5
    assert (row["change_low"], row["change_high"]) == (pytest.approx(low, abs=1e-4),
                                                       pytest.approx(high, abs=1e-4))  # fmt: skip
    assert row["change_low"] <= row["change"] <= row["change_high"]
    assert row["change_high"] > row["change_low"]  # even with no match on either side


@pytest.mark.parametrize(("minimum", "small"), [(5, [False, True]), (1, [False, False])])
def test_each_outlet_s_change_is_flagged_small_where_a_side_has_few_items(minimum, small):
    """Trial E: an outlet with few items on a side was listed unflagged."""
    dates = [D(2022, 2, 1)] * 20 + [D(2022, 3, 1)] * 20 + [D(2022, 2, 1)] * 3 + [D(2022, 3, 1)] * 9
    outlets = ["TASS"] * 40 + ["BelTA"] * 12
    frame = items(dates, outlets).with_columns(war=pl.Series([True, False] * 26))
    per = tr.before_after_by_group(frame, ["war"], event="2022-02-24", days=60, seed=1,
                                   min_group_docs=minimum)  # fmt: skip
    assert dict(zip(per["outlet"], per["small_n"], strict=True)) == dict(
        zip(["TASS", "BelTA"], small, strict=True)
    )


def test_frame_shares_and_event_measures_leave_out_a_frames_except_phrases():
    frames = {"kin": {"label": "Kinship", "terms": ["brother*"], "except": ["muslim brotherhood"]}}
    frame = items([D(2022, 1, 3), D(2022, 1, 9)],
                  texts=["the Muslim Brotherhood met", "brotherly peoples"])  # fmt: skip
    table = tr.frame_shares(frame, frames, period="month")
    assert table.select("k", "n").row(0) == (1, 2)
    flagged, _ = tr.event_measures(frame, query="x", frames=frames)
    assert flagged["kin"].to_list() == [False, True]
    bare = {"kin": {"label": "Kinship", "terms": ["brother*"]}}
    assert tr.frame_shares(frame, bare, period="month").select("k", "n").row(0) == (2, 2)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # trial W: 45 of the 57 Kremlin items found only by "minsk" were about the agreements
        ("Putin urged Kiev to implement the Minsk agreements", False),
        ("the Minsk Agreement of 2015", False),
        ("the OSCE Minsk Group on Karabakh", False),
        ("under the Minsk-2 package", False),
        ("the Minsk Protocol signed in 2014", False),
        ("Putin and Lukashenko met in Minsk", True),  # the city: counted
        ("talks on the Minsk agreements, then a visit to Minsk", True),  # one mention outside
        ("the Union State and the Minsk accords", True),  # another term of the query
    ],
)
def test_the_default_query_leaves_out_the_minsk_agreements_and_the_minsk_group(text, counted):
    opts = tr.TrendOptions()
    frame = items([D(2022, 2, 1)], texts=[text])
    pattern = term_pattern(opts.query)
    unless = except_pattern({"except": opts.query_except})
    flagged, _ = tr.event_measures(frame, query=pattern, frames={}, query_unless=unless)
    assert flagged["query"].item() is counted
    share = tr.query_share(frame, pattern, period="month", unless=unless)
    assert share["k"].item() == int(counted)
    only = tr.excepted_only(frame, pattern, unless)
    assert only["items"].sum() == int(not counted)


def test_items_left_out_by_query_except_of_no_outlet_are_counted_under_a_name():
    """Trial Y: an item of no outlet mentioning only the Minsk Group crashed the trends
    notebook (its outlet, None, printed)."""
    frame = items([D(2020, 9, 29)] * 2, outlets=[None, "TASS"], texts=["the OSCE Minsk Group"] * 2)
    only = tr.excepted_only(frame, term_pattern(["minsk"]), term_pattern(["minsk group"]))
    assert only.rows() == [("(unknown)", 1), ("TASS", 1)]


def test_no_query_except_counts_every_mention():
    frame = items([D(2022, 2, 1)], texts=["the Minsk agreements"])
    flagged, _ = tr.event_measures(frame, query=term_pattern(["minsk"]), frames={})
    assert flagged["query"].item() is True
    assert tr.excepted_only(frame, term_pattern(["minsk"]), None).height == 0


@pytest.mark.parametrize(
    ("title", "text", "flagged"),
    [
        (None, "❗️Лукашенко провёл встречу", True),  # after an emoji's presentation selector
        ("⚡️Лукашенко", "Встреча в Минске", True),
        (None, "Встреча в Минске", False),
    ],
)
def test_the_query_is_found_right_after_an_emoji(title, text, flagged):
    frame = pl.DataFrame(
        {"title": [title], "text": [text]}, schema={"title": pl.String, "text": pl.String}
    )
    assert tr.flag_matches(frame, term_pattern(["лукашенк*"]))["match"].item() is flagged


def test_a_rolling_window_pools_shares_but_keeps_each_periods_own_items():
    """Two weeks pooled: the shares read the window's items, but a week with none is still a
    week without items, and an outlet's items are counted once (trial K: 33,006 for 16,669)."""
    frame = items(
        [D(2022, 1, 3)] * 4 + [D(2022, 1, 17)] * 2, texts=["Minsk", "x", "x", "x", "Minsk", "x"]
    )
    share = tr.query_share(frame, r"(?i)\bminsk\b", period="week", by="outlet", rolling=2)
    assert share.select("period", "items", "n", "k", "coverage").rows() == [
        (D(2022, 1, 3), 4, 4, 1, "full"),
        (D(2022, 1, 10), 0, 4, 1, "no items"),
        (D(2022, 1, 17), 2, 2, 1, "partial"),  # the data end on its Monday
    ]
    assert share["items"].sum() == frame.height
    # no share for the week with none of its own, in the outlet's table either (trial N)
    assert share.filter(pl.col("items") == 0).select("share", "ci_low", "ci_high").row(0) == (
        None,
        None,
        None,
    )
    pooled = tr.pooled(share)
    assert pooled["items"].to_list() == [4, 0, 2]
    # the week with none of its own is no point of the pooled line either (trial L)
    assert pooled.filter(pl.col("items") == 0).select("share", "coverage").row(0) == (
        None,
        "no items",
    )


def test_an_outlet_whose_data_begin_inside_the_window_is_marked_partial():
    """Trial J: a channel's data began two days before the event, so its 'before' side was two
    days against fourteen after; the row says so."""
    frame, event, days = outlet_gone_quiet()
    late = (pl.col("outlet") == "BelTA") & (pl.col("published") < event - dt.timedelta(days=2))
    frame = frame.filter(~late)
    per = tr.before_after_by_group(frame, ["query"], event=event, days=days, seed=1)
    assert per.select("outlet", "days_before", "days_after", "coverage").rows() == [
        ("BelTA", 2, 42, "partial"),
        ("TASS", 42, 42, "full"),  # its silence after the event is inside its data's span
    ]


def test_a_gap_in_the_whole_corpus_is_left_out_of_each_outlets_days():
    """Trial P: no outlet had an item from 1 March to 31 May (a scraper down); the 120 days
    after the event were 7 items of April and 196 of June, yet every outlet said 120 days,
    coverage full. Days in which no outlet has an item are no days of a side."""
    frame, event, days = outlet_gone_quiet()
    gap = pl.col("published").is_between(
        event + dt.timedelta(days=10), event + dt.timedelta(days=29)
    )
    frame = frame.filter(~gap)
    start, end = tr.event_window(event, days)[::3]
    assert tr.corpus_gaps(frame, start, end) == [
        (event + dt.timedelta(days=10), event + dt.timedelta(days=29))
    ]
    per = tr.before_after_by_group(frame, ["query"], event=event, days=days, seed=1)
    # TASS's own silence (days 0-13) is no gap of the corpus: BelTA published on days 0-9
    assert per.select("outlet", "days_before", "days_after", "coverage").rows() == [
        ("BelTA", 42, 42 - 20, "partial"),
        ("TASS", 42, 42 - 20, "partial"),
    ]


@pytest.mark.parametrize(
    ("days", "min_days", "gaps"),
    [
        ([1, 9], 7, [(2, 8)]),  # seven empty days
        ([1, 8], 7, []),  # six
        ([2, 6, 9], 2, [(3, 5), (7, 8)]),  # before the first item, after the last: no data
        ([0, 5, 11], 3, [(1, 4), (6, 10)]),  # items outside the window bound a gap in it
        ([0, 30], 7, [(1, 10)]),  # a long gap, clipped to the window
        ([], 7, []),
    ],
)
def test_corpus_gaps_are_runs_of_days_without_any_item(days, min_days, gaps):
    frame = items([D(2021, 12, 31) + dt.timedelta(days=d) for d in days])
    found = tr.corpus_gaps(frame, D(2022, 1, 1), D(2022, 1, 10), min_days=min_days)
    assert found == [(D(2022, 1, a), D(2022, 1, b)) for a, b in gaps]


def test_volume_marks_periods_without_any_item_as_a_corpus_gap():
    days = [D(2022, 1, d) for d in range(1, 32)] + [D(2022, 3, d) for d in range(1, 32)]
    frame = items(days, ["TASS", "RT"] * 31)  # every day in January and March, none in February
    vol = tr.volume(frame, period="month")
    assert vol.filter(pl.col("period") == D(2022, 2, 1))["coverage"].to_list() == ["corpus gap"] * 2
    assert "corpus gap" not in vol.filter(pl.col("period") != D(2022, 2, 1))["coverage"].to_list()
    # three items over two months: an empty month is their spacing, not a gap in the data
    sparse = tr.volume(items([D(2022, 1, 5), D(2022, 3, 5), D(2022, 3, 6)]), period="month")
    assert "corpus gap" not in sparse["coverage"].to_list()


def test_the_pooled_before_after_row_counts_its_small_groups():
    frame, event, days = outlet_gone_quiet()
    pooled = tr.before_after_shares(frame, ["query"], event=event, days=days, seed=1)
    assert pooled.select("small_groups", "small_n").row(0) == (0, False)
    few = tr.before_after_shares(frame, ["query"], event=event, days=days, seed=1,
                                 min_group_docs=300)  # fmt: skip
    # TASS: 280 items after the event (its two silent weeks), 420 before; BelTA 420 and 420
    assert few.select("small_groups", "small_n").row(0) == (1, True)


@pytest.mark.parametrize(
    ("every", "n", "least"),
    [
        (1, 1000, 10),  # daily: ln(1000) + 3 = 9.9 days
        (0.1, 10000, 7),  # ten a day: a week at least
        (200, 5, 922),  # five items over years: spacing, no gap
    ],
)
def test_a_gap_is_what_a_steady_flow_at_the_datas_rate_would_seldom_leave(every, n, least):
    dates = pl.Series([D(2020, 1, 1) + dt.timedelta(days=int(i * every)) for i in range(n)])
    assert tr.gap_days(dates) == least


def test_a_period_partly_inside_a_gap_in_the_data_is_partial():
    """Trial Q: April 2022 had 29 of its 30 days in a gap, and was drawn as a full month."""
    days = [D(2022, 1, d) for d in range(1, 32)] + [D(2022, 3, d) for d in range(20, 32)]
    days += [D(2022, 4, d) for d in range(1, 31)]
    vol = tr.volume(items(days, ["TASS", "RT"] * (len(days) // 2) + ["TASS"] * (len(days) % 2)),
                    period="month")  # fmt: skip
    state = dict(vol.filter(pl.col("outlet") == "TASS").select("period", "coverage").iter_rows())
    assert [state[D(2022, m, 1)] for m in (1, 2, 3, 4)] == [
        "full",
        "corpus gap",  # no item from 1 February to 19 March
        "partial",  # 19 of its 31 days in that gap: fewer items is no fall
        "full",
    ]


@pytest.mark.parametrize(
    ("p", "q", "permutations", "near"),
    [
        (0.0105, 0.0527, 2000, True),  # trial R: 0.042 by another draw
        (0.0105, 0.0527, 1_000_000, False),  # enough shuffles settle it
        (0.001, 0.004, 2000, False),
        (0.3, 0.6, 2000, False),
    ],
)
def test_q_values_within_their_monte_carlo_error_of_005_are_named(p, q, permutations, near):
    table = pl.DataFrame({"label": ["West"], "p_value": [p], "q_value": [q]})
    found = tr.unsettled(table, permutations=permutations)
    assert (found.height == 1) is near


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Путин призвал выполнять Минские соглашения", False),
        ("в формате Минск-3", False),
        ("после Минска-3", False),
        ("Лукашенко и Путин встретились в Минске", True),
    ],
)
def test_query_except_holds_the_agreements_russian_names_for_a_russian_query(text, counted):
    """Trial Y: a BBC Russian post on "Минска-3" was counted by a Russian query."""
    frame = items([D(2022, 2, 1)], texts=[text])
    unless = except_pattern({"except": tr.TrendOptions().query_except})
    flagged, _ = tr.event_measures(frame, query=term_pattern(["минск*"]), frames={},
                                   query_unless=unless)  # fmt: skip
    assert flagged["query"].item() is counted
