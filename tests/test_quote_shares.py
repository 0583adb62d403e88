import polars as pl
import pytest

import toolkit
from toolkit.quote_shares import hedged, share_polled


def found(text):
    corpus = pl.DataFrame({"doc_id": ["d"], "text": [text]})
    return toolkit.quotes(corpus, tagger=False).select("speaker_text", "verb").rows()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbers spelled out, hedges of two words, half and the fractions (PolNeAR train)
        ("Sixty-six percent said it made no difference to them.",
         [("Sixty-six percent", "say")]),
        ("Thirty-one percent of those surveyed say they would be satisfied.",
         [("Thirty-one percent of those surveyed", "say")]),
        ("A mere 9 percent say they only buy American.", [("A mere 9 percent", "say")]),
        ("Almost half said they wanted a nominee from outside.", [("Almost half", "say")]),
        ("Two-thirds of voters say the country is on the wrong track.",
         [("Two-thirds of voters", "say")]),
        ("Just over a quarter of voters say they will vote for someone else.",
         [("Just over a quarter of voters", "say")]),
        # the one-word hedge before a number stays out of the mention, as before
        ("Only 34 percent of Brazilians said the plan was good.",
         [("34 percent of Brazilians", "say")]),
        # a passive's helper, and a clause the share's group opens: no share speaks
        ("About half of them were told they could get more rewards for trying on clothes.", []),
    ],
)  # fmt: skip
def test_a_share_of_those_polled_speaks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("words", "share", "hedge"),
    [("a mere 9 percent", True, 2), ("about one in five", True, 1), ("nearly half", True, 1),
     ("sixty-six percent", True, 0), ("a majority of those who", False, 0),
     ("half of them were", False, 0), ("about the plan", False, 0)],
)  # fmt: skip
def test_share_polled_and_its_hedge(words, share, hedge):
    low = words.split()
    assert (share_polled(low), hedged(low)) == (share, hedge)
