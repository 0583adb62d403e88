import pytest

from toolkit.speaker_chain import person_chain
from toolkit.speaker_names import find_mentions
from toolkit.speakers import lexicon


def chain_names(text, quoted=()):
    chain = person_chain(find_mentions(text, lexicon()), lexicon(), text, list(quoted))
    return [(text[p:].split()[0], n) for p, n in zip(chain.starts, chain.names, strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a reporting verb is a person, and its surname alone a mention
        ("Vladimir Putin informed the guests. Putin spoke.",
         [("Vladimir", "Vladimir Putin"), ("Putin", "Vladimir Putin")]),
        # a name the text never titles, addresses, uses alone or has speak is no person,
        # unless a given name opens it and a past verb follows it at a sentence's start
        ("Grand Rapids hosted the guests.", []),
        ("The guests met Vladimir Putin.", []),
        ("Vladimir Putin arrived with guests.", [("Vladimir", "Vladimir Putin")]),
        ("Virginia Beach is a city.", []),
        # nor a group that speaks
        ("South Africans say the vote was fair. Afghan Women said more.", []),
        # a word inside a run of capitals or a place after a preposition is no mention
        ("Anna Vogt, the governor, spoke. Lower Vogt Street is in Vogt. Vogt smiled.",
         [("Anna", "Anna Vogt"), ("Vogt", "Anna Vogt")]),
        # a family name written first, used alone and speaking
        ("Dr Wang Chunchen, the curator, spoke. Wang says the show is new.",
         [("Wang", "Wang Chunchen"), ("Wang", "Wang Chunchen")]),
        # a name inside quotation marks is no mention
        ("Ivan Petrov, the mayor, spoke: “Ask Petrov.”", [("Ivan", "Ivan Petrov")]),
    ],
)  # fmt: skip
def test_person_chain(text, expected):
    quoted = [(text.index("“"), text.index("”"))] if "“" in text else []
    assert chain_names(text, quoted) == expected


@pytest.mark.parametrize(
    ("text", "gender"),
    [("Anna Vogt, the governor, spoke. Ms. Vogt smiled.", {"Anna Vogt": "f"}),
     ("Ivan Petrov, the mayor, spoke. Mr. Petrov smiled.", {"Ivan Petrov": "m"}),
     # a gendered noun in the appositive or right before the name
     ("“We got tired,” said Umm Abdullah, a 60-year-old woman from Daraya.",
      {"Umm Abdullah": "f"}),
     ("The spokeswoman, Anna Vogt, spoke. Vogt smiled.", {"Anna Vogt": "f"}),
     ("Ivan Petrov, her son, spoke. Petrov smiled.", {"Ivan Petrov": "m"}),
     # two of one surname: "Mr." is the one no noun makes a woman (set 13); not two given
     # names at once ("Mr. Cuomo" is both writings of Andrew Cuomo)
     ("President Robert G. Mugabe spoke. His wife, Grace Mugabe, 49, spoke. Mr. Mugabe smiled. "
      "Ms. Mugabe smiled.", {"Grace Mugabe": "f", "Robert G. Mugabe": "m"}),
     ("Andrew M. Cuomo, the governor, spoke. Andrew Cuomo smiled. Mr. Cuomo left.",
      {"Andrew M. Cuomo": "m", "Andrew Cuomo": "m"}),
     ("Kim Petrova spoke. Jean Petrova spoke. Mr. Petrova smiled.", {}),
     # not a noun that says none, nor a given name the name data leave uncertain
     ("Kim Petrov, the mayor, spoke. Petrov smiled.", {}),
     # where nothing in the text says it, the given name does (toolkit.given_names)
     ("Anna Petrova spoke. Ivan Petrova spoke. Mr. Petrova smiled.",
      {"Anna Petrova": "f", "Ivan Petrova": "m"}),
     ("Ivan Petrov, the mayor, spoke. Petrov smiled.", {"Ivan Petrov": "m"}),
     ("Grace Smith, the mayor, spoke. Mr. Smith smiled.", {"Grace Smith": "m"}),
     # not an address the text gave another of the surname before the name in full
     ("President Obama spoke. Mr. Obama smiled. Michelle Obama spoke. Mr. Obama left.",
      {"Michelle Obama": "f"})],
)  # fmt: skip
def test_gender_from_an_address(text, gender):
    assert person_chain(find_mentions(text, lexicon()), lexicon(), text, []).gender == gender
