"""A word found whole without a pattern per word: the same spans as ``re.finditer`` with
``\\b{word}\\b``, and the same title before a name as the pattern it replaced."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.speaker_names import KNOWN_BY_TITLE, titled_name
from toolkit.speakers import UPPER
from toolkit.whole_words import space_before, whole_word_spans

# letters, digits, marks and spaces of the kinds names and texts hold
PIECES = st.sampled_from(
    ["Kong", "Hong", "Mr.", "Jr.", "Wang", "Ó", "é", "ß", "_", "-", "’", "'", ".", " ", "  ",
     "\n", "\u00a0", "1", "٣", "President", "Queen", "a", "K", "Kongs", "Mr", "\t"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=14).map("".join)
WORDS = st.sampled_from(["Kong", "Jr.", "Mr.", "-Kong", "Wang’s", "a", "1", "é", "Ó", "Kong Kong"])


@settings(derandomize=True, database=None, max_examples=400, deadline=None)
@given(TEXTS, WORDS)
def test_the_spans_are_those_of_the_pattern(text, word):
    expected = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
    assert list(whole_word_spans(text, word)) == expected


@settings(derandomize=True, database=None, max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["Kong", "Wang", "Hong Kong", "K"]))
def test_the_title_is_the_one_the_pattern_found(text, name):
    m = re.search(rf"\b(?:President|{KNOWN_BY_TITLE})\s+{re.escape(name)}\b(?!\s+[{UPPER}])", text)
    assert titled_name(text, name) == (m.group() if m else None)


@pytest.mark.parametrize(
    ("text", "word", "spans"),
    [
        ("Kong said. Hong Kong's Kongo", "Kong", [(0, 4), (16, 20)]),
        ("Kong_x Kong", "Kong", [(7, 11)]),  # "_" is a word character
        ("KongÓ Kong", "Kong", [(6, 10)]),  # so is an accented letter
        ("Jr. Jr.x", "Jr.", [(4, 7)]),  # a stop at the end needs a word character after it
        ("KongKong Kong", "Kong", [(9, 13)]),
        ("xKong Kong Kong", "Kong Kong", [(6, 15)]),  # a miss at 1 overlaps the match at 6
    ],
)
def test_whole_word_spans(text, word, spans):
    assert list(whole_word_spans(text, word)) == spans


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("President Obama said. Mr. Obama left.", "Obama", "President Obama"),
        ("Queen  Beatrix spoke.", "Beatrix", "Queen  Beatrix"),
        ("President Hong Kong", "Hong", None),  # a capital after it: a longer name
        ("Vice-President Obama", "Obama", "President Obama"),
        ("Vice President Obama", "Obama", "President Obama"),
        ("Obama met Mr. Obama.", "Obama", None),
    ],
)
def test_titled_name(text, name, expected):
    assert titled_name(text, name) == expected


def test_space_before():
    assert space_before("Mr.  Obama", 5) == 3
    assert space_before("Obama", 0) == 0
    assert space_before("a\u00a0b", 2) == 1  # a no-break space is white space
