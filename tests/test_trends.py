import datetime as dt

import numpy as np
import polars as pl
import pytest

from toolkit import trends as tr
from toolkit.errors import ToolkitError

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
    assert measures == ["query", "war", "trade", "topic -1", "topic 3"]
    assert flagged.select(measures).rows() == [
        (True, True, False, False, True),
        (False, False, True, True, False),
        (False, False, False, None, None),  # no topic: null, read as absent by the test
    ]
    _, without = tr.event_measures(frame, query="x", frames=FRAMES)
    assert without == ["query", "war", "trade"]
