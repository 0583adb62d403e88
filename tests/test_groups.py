"""toolkit.groups: the groups a figure draws when it cannot draw them all (trial S: 99 outlets'
lines in one volume plot, 83 groups' bars in one frame chart)."""

import polars as pl
import pytest

from toolkit.groups import drawn_note, most


@pytest.mark.parametrize(
    ("outlets", "n", "expected"),
    [
        (["A", "B", "B", "C", "C", "C"], 2, ["C", "B"]),
        (["A", "B", "B", "C", "C", "C"], 12, ["C", "B", "A"]),
        (["b", "a"], 1, ["a"]),  # a tie: in name order
        ([None, None, "A"], 1, ["(unknown)"]),  # named as the figures name it
        ([], 3, []),
    ],
)
def test_most_documents_first(outlets, n, expected):
    docs = pl.DataFrame({"outlet": outlets}, schema={"outlet": pl.String})
    assert most(docs, by="outlet", n=n) == expected


@pytest.mark.parametrize(
    ("drawn", "total", "what", "expected"),
    [
        (["A", "B"], 2, "outlets", None),
        (["A"] * 12, 99, "outlets", "The 12 outlets with the most documents are drawn "
         "(groups_drawn); the other 87 are in the tables."),
        (["x"], 3, "groups", "Only the group with the most documents is drawn (groups_drawn: 1); "
         "the other 2 are in the tables."),
    ],
)  # fmt: skip
def test_drawn_note(drawn, total, what, expected):
    assert drawn_note(drawn, total, what=what) == expected
