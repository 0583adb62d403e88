import numpy as np
import polars as pl
import pytest

from toolkit.stats import bh_qvalues, flag_small, significant, wilson, wilson_bounds


@pytest.mark.parametrize(
    ("p", "q"),
    [
        # by hand: sorted 0.01, 0.03, 0.04, 0.5 (m = 4) -> 0.04, 0.06, 0.0533, 0.5; then the
        # running minimum from the largest down -> 0.04, 0.05333, 0.05333, 0.5
        ([0.01, 0.04, 0.03, 0.5], [0.04, 0.05333, 0.05333, 0.5]),
        ([0.01, 0.04, None, 0.03, 0.5], [0.04, 0.05333, None, 0.05333, 0.5]),  # None: no test
        ([1e-30, 0.5], [2e-30, 0.5]),  # a tiny q-value is not rounded to 0
        ([0.2, 0.2, 0.2], [0.2, 0.2, 0.2]),  # ties
        ([0.9, 0.95], [0.95, 0.95]),
        ([0.6, 0.7, 0.8], [0.8, 0.8, 0.8]),  # p * m / rank above 1 is capped
        ([None, float("nan")], [None, None]),
        ([], []),
    ],
)
def test_bh_qvalues_by_hand(p, q):
    assert bh_qvalues(p) == q


def test_bh_qvalues_match_scipy():
    from scipy.stats import false_discovery_control

    p = np.random.default_rng(3).uniform(0, 0.2, size=43) ** 2
    expected = [significant(q) for q in false_discovery_control(p, method="bh")]
    assert bh_qvalues(p) == expected
    assert all(q >= significant(pv) for q, pv in zip(bh_qvalues(p), p, strict=True))


@pytest.mark.parametrize(
    ("k", "n", "expected"),
    [(3, 10, (0.3, 0.1078, 0.6032)), (0, 4, (0.0, 0.0, 0.4899)), (0, 0, (None, None, None))],
)
def test_wilson_interval(k, n, expected):
    frame = pl.DataFrame({"k": [k], "n": [n]})
    assert frame.select(wilson("k", "n")).row(0) == expected


def test_flag_small():
    frame = pl.DataFrame({"n": [1, 5, 9]})
    assert frame.select(flag_small("n", 5))["small_n"].to_list() == [True, False, False]


@pytest.mark.parametrize(("k", "n"), [(0, 10), (3, 10), (10, 10), (1, 1), (57, 1000)])
def test_wilson_bounds_are_wilson_s_limits(k, n):
    row = pl.DataFrame({"k": [k], "n": [n]}).select(wilson("k", "n")).row(0, named=True)
    low, high = wilson_bounds(np.array([k]), np.array([n]))
    assert (round(float(low[0]), 4), round(float(high[0]), 4)) == (row["ci_low"], row["ci_high"])
