import pytest

from toolkit.date_order import settle_order


@pytest.mark.parametrize(
    ("values", "order"),
    [
        (["01/10/2017", "25/10/2017"], "dmy"),  # a first field over 12: day first
        (["01/10/2017", "10/25/2017"], "mdy"),  # a second field over 12: month first
        (["01/10/2017", "02/10/2017"], None),  # nothing settles it: no default
        (["25/10/2017", "10/25/2017"], None),  # settled both ways: not a date column to trust
        (["1.10.17", None, "", "31.1.17"], "dmy"),  # dots, two-digit years, nulls
        (["2017/10/25", "2017-10-01"], None),  # year first is not ambiguous
        (["13/13/2017"], None),  # not a date either way
        (["01/10/2017 10:30", "13/10/2017 09:00"], "dmy"),  # a time after the date
        ([], None),
    ],
)
def test_settle_order(values, order):
    assert settle_order(values) == order
