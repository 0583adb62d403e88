"""Offices and documents as speakers (toolkit.speaker_offices); the offices end to end are in
tests/test_quotes.py (they need a document's mentions)."""

import pytest

from toolkit.speaker_offices import document_owner, modifier_in, title_matches
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("text", "head", "owner"),
    [
        ("In an article published on its website on Monday, the Central Commission for "
         "Discipline Inspection said the campaign would last. “No,” the article said.",
         "article", "Central Commission for Discipline Inspection"),
        ("The Hong Kong General Chamber of Commerce issued a statement on Tuesday. “Yes,” the "
         "statement said.", "statement", "Hong Kong General Chamber of Commerce"),
        ("The bloc will act, according to a joint statement by the European Commission. “We "
         "will,” the statement said.", "statement", "European Commission"),
        # no owner given: the document named whole, else nothing
        ("But the Xinhua editorial sounded a warning. “China will act,” the editorial said.",
         "editorial", "the Xinhua editorial"),
        ("“We will act,” the statement said.", "statement", None),
    ],
)  # fmt: skip
def test_document_owner_is_whose_the_text_says(text, head, owner):
    pos = text.rindex(f"the {head}")
    assert document_owner(text, head, pos) == owner


@pytest.mark.parametrize(
    ("titles", "head", "modifiers", "expected"),
    [
        ({"belarusian", "president"}, "president", {"belarus"}, True),
        ({"belarusian", "president"}, "leader", {"belarus"}, True),  # a synonym of the office
        ({"belarusian", "president"}, "president", {"russia"}, False),
        ({"russian", "foreign", "minister"}, "minister", {"russian"}, True),
        ({"deputy", "head"}, "president", set(), False),
    ],
)
def test_title_matches_head_and_country(titles, head, modifiers, expected):
    assert title_matches(titles, head, modifiers, lexicon()) is expected


@pytest.mark.parametrize(
    ("word", "titles", "expected"),
    [
        ("belarus", {"belarusian"}, True),
        ("china", {"chinese"}, True),
        ("us", {"russian"}, False),
        # an adjective in "-ish" that opens as its country does
        ("poland", {"polish", "president"}, True),
        ("finland", {"finnish"}, True),
        ("poland", {"portuguese"}, False),
        ("spain", {"spanish"}, True),
        ("ireland", {"english"}, False),
    ],
)
def test_a_country_is_its_adjective(word, titles, expected):
    assert modifier_in(word, titles) is expected
