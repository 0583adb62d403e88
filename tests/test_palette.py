"""toolkit.palette: one colour per group name for a run, the same in every figure (trial P:
an outlet was navy in one figure of a report and magenta in the next, since each figure coloured
the groups it held in their sorted order)."""

import datetime as dt

import polars as pl
import pytest

from toolkit import plots
from toolkit.palette import PALETTE, POOLED_COLOUR, colours_for, corpus_colours, group_colours
from toolkit.resources import UNKNOWN


@pytest.mark.parametrize(
    ("values", "given", "expected"),
    [
        (["b", "a"], None, {"a": PALETTE[0], "b": PALETTE[1]}),
        # a mapped name keeps its colour however few of the map's names a figure holds
        (["c"], {"a": "#000001", "b": "#000002", "c": "#000003"}, {"c": "#000003"}),
        # a name the map lacks takes the palette's colours after the map's
        (["z", "a"], {"a": "#000001", "b": "#000002"}, {"a": "#000001", "z": PALETTE[2]}),
        ([1, 10, 2], None, {"1": PALETTE[0], "10": PALETTE[1], "2": PALETTE[2]}),  # as text
        ([], {"a": "#000001"}, {}),
    ],
)
def test_colours_for(values, given, expected):
    assert colours_for(values, given) == expected


def test_group_colours_repeat_only_after_the_palette():
    assert len(set(group_colours(range(len(PALETTE))).values())) == len(PALETTE)
    assert POOLED_COLOUR not in PALETTE


@pytest.mark.parametrize(
    ("outlets", "sites", "expected"),
    [
        (["TASS", "BelTA", "TASS"], [None, None, None], {"BelTA": 0, "TASS": 1}),
        # an outlet's only site is its colour (trial W: kremlin.ru sand, the Kremlin blue)
        (["TASS", None], ["tass.com", None], {"(unknown)": 0, "TASS": 1, "tass.com": 1}),
        # a site named like an outlet is that outlet's colour, not a second one
        (["cnn.com", "RT"], ["cnn.com", "rt.com"], {"RT": 0, "cnn.com": 1, "rt.com": 0}),
        # a site of two outlets, and an outlet of two sites: colours of their own
        (["BelTA", "Xinhua", "Xinhua"], ["belarus.by", "belarus.by", "xinhuanet.com"],
         {"BelTA": 0, "Xinhua": 1, "belarus.by": 2, "xinhuanet.com": 3}),
    ],
)  # fmt: skip
def test_corpus_colours_outlets_first_then_other_sites(outlets, sites, expected):
    corpus = pl.DataFrame({"outlet": outlets, "site": sites}, schema={"outlet": pl.String,
                                                                      "site": pl.String})  # fmt: skip
    colours = corpus_colours(corpus)
    assert colours == {k: PALETTE[i] for k, i in expected.items()}
    assert UNKNOWN == "(unknown)"


def test_other_series_take_colours_after_the_runs():
    """Trial W: two frames were drawn in the Kremlin's and Ukraine's colours."""
    run = corpus_colours(pl.DataFrame({"outlet": ["Kremlin", "Ukraine"], "site": ["kremlin.ru",
                                       "president.gov.ua"]}))  # fmt: skip
    frames = colours_for(["Sanctions", "History"], run)
    assert set(frames.values()).isdisjoint(run.values())


def _volume(outlets: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period": [dt.date(2022, 1, 1)] * len(outlets),
            "outlet": outlets,
            "items": [3] * len(outlets),
            "in_range": [True] * len(outlets),
            "coverage": ["full"] * len(outlets),
        }
    )


def _shares(outlets: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "period": [dt.date(2022, 1, 1)] * len(outlets),
            "outlet": outlets,
            "share": [0.5] * len(outlets),
            "ci_low": [0.4] * len(outlets),
            "ci_high": [0.6] * len(outlets),
            "n": [10] * len(outlets),
            "coverage": ["full"] * len(outlets),
            "topic": ["a"] * len(outlets),
            "small_n": [False] * len(outlets),
            "n_docs": [10] * len(outlets),
        }
    )


def test_an_outlet_has_one_colour_in_figures_of_different_outlets():
    """The same map in three kinds of figure, each holding other outlets: RT is RT's colour in
    each (without the map it was the first colour in one and the second in another)."""
    run = corpus_colours(pl.DataFrame({"outlet": ["BelTA", "RT", "TASS"]}))
    volume = plots.volume_lines(_volume(["BelTA", "RT"]), by="outlet", title="t", colours=run)
    panels = plots.share_panels(_shares(["RT", "TASS"]), series="outlet", title="t", colours=run)
    bars = plots.share_bars(_shares(["RT"]), group="outlet", category="topic", title="t",
                            colours=run)  # fmt: skip
    seen = {
        "volume": {t.name: t.line.color for t in volume.data if t.name in run},
        "panels": {t.name: t.line.color for t in panels.data if t.name in run},
        "bars": {t.name.split(" (")[0]: t.marker.color for t in bars.data},
    }
    assert seen == {
        "volume": {"BelTA": run["BelTA"], "RT": run["RT"]},
        "panels": {"RT": run["RT"], "TASS": run["TASS"]},
        "bars": {"RT": run["RT"]},
    }
    unmapped = plots.share_panels(_shares(["RT", "TASS"]), series="outlet", title="t")
    assert {t.name: t.line.color for t in unmapped.data if t.name in run}["RT"] != run["RT"]
