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
        # a sentence may open with the document and its owner; what follows the owner's name
        # is no part of it ("published", a time)
        ("The State Department report calls for such prosecutions to cease. In Malaysia, the "
         "report said, workers are exploited.", "report", "the State Department report"),
        ("A statement by Myanmar’s Foreign Ministry published in state newspapers said the "
         "rebels attacked. “We had no choice,” the statement said.", "statement",
         "Myanmar’s Foreign Ministry"),
        ("A recent report by a United Nations working group warned that Tunisians were leaving. "
         "Some 5,500 have joined, the report said.", "report", "United Nations working group"),
        ("China issued a white paper by the State Council last week. “Yes,” the white paper "
         "said.", "white paper", "State Council"),
        ("An official said that a report by the Greek prosecutor charged that the party had "
         "recruited young Greeks. And the report claims that it had links.", "report",
         "Greek prosecutor"),
    ],
)  # fmt: skip
def test_document_owner_is_whose_the_text_says(text, head, owner):
    pos = text.rindex(f"the {head}")
    assert document_owner(text, head, pos) == owner


@pytest.mark.parametrize(
    ("text", "written", "owner"),
    [
        # a role that names its own owner is no other's: a name, a possessive, a phrase
        ("An HSBC report showed growth. A DBS report said the rate stayed low.", "A DBS report",
         None),
        ("A report by Amnesty International found abuses. The Human Rights Watch report said "
         "so too.", "The Human Rights Watch report", None),
        ("The ambassador spoke. A statement by President Karzai followed. The ambassador’s "
         "statement said no.", "The ambassador’s statement", None),
        ("A report by Amnesty International found abuses. A person cited in the report said "
         "so.", "A person cited in the report", None),
        # the name it gives agrees with the owner found
        ("Britain's Foreign and Commonwealth Office (FCO) issued a statement. The FCO statement "
         "said no.", "The FCO statement", "Britain's Foreign and Commonwealth Office (FCO)"),
    ],
)  # fmt: skip
def test_a_document_that_names_its_owner_keeps_it(text, written, owner):
    head = written.split()[-1]
    assert document_owner(text, head, text.rindex(written), written) == owner


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
