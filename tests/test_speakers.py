from pathlib import Path

import polars as pl
import pytest
import yaml

import toolkit
from toolkit.speaker_titles import name_of
from toolkit.speakers import is_group, is_person, lexicon, speaker_phrase, surname, word_spans


@pytest.mark.parametrize(
    ("before_verb", "phrase"),
    [
        ("Russian Foreign Minister Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov"),
        ("On Monday, the Belarusian leader", "the Belarusian leader"),
        ("the Russian top diplomat", "the Russian top diplomat"),  # an adjective before a role
        ("Later he", "he"),
        # a role with "of the" in it, more than once
        (
            "According to the Deputy Head of the Office of the President",
            "the Deputy Head of the Office of the President",
        ),
        ("the head of the ministry", "the head of the ministry"),
        ("talks of the President", "the President"),  # "of the" after a lower-case word
        ("The talks, Lavrov", "Lavrov"),  # a comma ends the phrase
        ("the talks went well", None),  # no name, role or pronoun before the verb
        ("Speaking", None),
        # groups: a quantifier opens one, "and" joins two plural groups, not two names
        ("Many Hong Kong residents", "Many Hong Kong residents"),
        (
            "Some business leaders and political analysts",
            "Some business leaders and political analysts",
        ),
        ("Vladimir Putin and Xi Jinping", "Xi Jinping"),
        ("Some", None),
        # a role "for" an institution; "and" inside a name after "for" or "of"
        (
            "Later, a spokesman for the Hong Kong government",
            "a spokesman for the Hong Kong government",
        ),
        ("the Alliance for Peace and Democracy", "the Alliance for Peace and Democracy"),
        # two particles inside a name
        ("said Ignacio de la Torre", "Ignacio de la Torre"),
        ("Mr. van der Vaart", "Mr. van der Vaart"),
    ],
)
def test_speaker_phrase_ends_at_the_verb(before_verb, phrase):
    words = word_spans(before_verb)
    got = speaker_phrase(words, lexicon())
    found = None if got is None else before_verb[words[got[0]][0] : words[got[1] - 1][1]]
    assert found == phrase


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Lavrov said it was over.", "said"),
        ("Lavrov pointed out that it was over.", "pointed out"),  # the longest form wins
        ("the Order of St Andrew the First-Called", None),  # part of a compound
        ("a well-stated case", None),
    ],
)
def test_reporting_verbs_are_whole_words(text, verb):
    m = lexicon()["verb"].search(text)
    assert (m and m.group()) == verb


@pytest.mark.parametrize(
    ("phrase", "titles", "name"),
    [
        ("Russian Foreign Minister Sergey Lavrov", ["Russian", "Foreign", "Minister"],
         "Sergey Lavrov"),
        # two titles joined by a hyphen are a title, not part of the name
        ("Vice-Minister Li", ["Vice-Minister"], "Li"),
        ("Vice-Premier Han Zheng", ["Vice-Premier"], "Han Zheng"),
        # a sentence's end before the name is no part of it (an initial or "St." is)
        ("Review of Books. Le Carré", ["Review", "of", "Books.", "Le"], "Carré"),
        ("John F. Kennedy", [], "John F. Kennedy"),
        # a hyphenated name is a name
        ("Tsui Wai-hung", [], "Tsui Wai-hung"),
        # a generation is no name word: the given name before it stays
        ("Former ambassador Jon Huntsman Jr", ["Former", "ambassador"], "Jon Huntsman Jr"),
        ("the shortstop Cal Ripken Jr.", ["the", "shortstop"], "Cal Ripken Jr."),
        # an English given name before a family name and a hyphened given name
        ("Financial Secretary John Tsang Chun-wah", ["Financial", "Secretary"],
         "John Tsang Chun-wah"),
        ("Professor Benny Tai Yiu-ting", ["Professor"], "Benny Tai Yiu-ting"),
        # two English given names after a title or at the start (set 13), not a place
        ("Reverend Peter Douglas Koon Ho-ming", ["Reverend"], "Peter Douglas Koon Ho-ming"),
        ("Regina Ip Lau Suk-yee", [], "Regina Ip Lau Suk-yee"),
        ("Former Hong Kong Wong Wing-ping", ["Former", "Hong", "Kong"], "Wong Wing-ping"),
        # initials without their stops, not "A" (set 11)
        ("Hong Kong Chief Executive C Y Leung", ["Hong", "Kong", "Chief", "Executive"],
         "C Y Leung"),
        ("A Vladimir Putin", ["A"], "Vladimir Putin"),
        # not a title's last word
        ("Chief Executive Leung Chun-ying", ["Chief", "Executive"], "Leung Chun-ying"),
        ("Hong Kong Federation Cheng Yiu-tong", ["Hong", "Kong", "Federation"], "Cheng Yiu-tong"),
        ("Professor of Sociology Lau Siu-kai", ["Professor", "of", "Sociology"], "Lau Siu-kai"),
        # after the head of an institution the title is over: an English given name follows
        ("Chairman of the Legal Exchange Foundation Lawrence Ma Yan-kwok",
         ["Chairman", "of", "the", "Legal", "Exchange", "Foundation"], "Lawrence Ma Yan-kwok"),
        ("Secretary for Security Lai Tung-kwok", ["Secretary", "for", "Security"],
         "Lai Tung-kwok"),
    ],
)  # fmt: skip
def test_name_of_splits_titles_from_the_name(phrase, titles, name):
    assert name_of(phrase, lexicon()) == (titles, name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sergey Lavrov", "Lavrov"),
        ("Abdel Fattah al-Sisi", "Sisi"),
        ("Jon Huntsman Jr", "Huntsman"),  # the word before a generation
        ("Ken Griffey III", "Griffey"),
    ],
)
def test_surname_is_the_word_the_text_uses_alone(name, expected):
    assert surname(name) == expected


def test_the_lexicon_lists_hold_words_not_yaml_booleans():
    # "On" and "No" bare in YAML are booleans: they were missing from not_speakers ("On Oct"
    # read as a person's name)
    raw = yaml.safe_load((Path(toolkit.__file__).parent / "lexicons" / "quotes.yaml").read_text())
    for key, value in raw.items():
        items = value if isinstance(value, list) else []
        assert all(isinstance(w, str) for w in items), key
    assert {"On", "No"} <= lexicon()["not_speakers"]


@pytest.mark.parametrize(
    ("name", "person"),
    [
        # a country CLDR names whole, or after a word of its time or place: no person
        ("Nazi Germany", False),
        ("East Germany", False),
        ("South Korea", False),
        ("Saudi Arabia", False),
        ("Hong Kong", False),
        # a region by its compass point (chinadaily-nyt: "he" was resolved to "Northern
        # California", "Western Pashtun"; Wikinews: "Northern Cyprus")
        ("Northern Cyprus", False),
        ("Western Pashtun", False),
        ("Southern California", False),
        ("South African", False),
        ("East Jerusalem", False),
        ("Kanye West", True),
        # nor a sentence's opening word before a name, nor a place's participle
        # (chinadaily-nyt: "Certainly Karzai", "Didn't Li Ka-shing", "Shanghai-born Shing")
        ("Certainly Karzai", False),
        ("Didn't Li Ka-shing", False),
        ("Shanghai-born Shing", False),
        ("Taliban-ruled Kandahar", False),
        # nor a place named with its kind, nor a title in the plural (chinadaily-nyt: "she" was
        # "Palais Royal", "he" "Professors Xia" for Xia Yeliang)
        ("Palais Royal", False),
        ("Professors Xia", False),
        # a person whose surname is a country's name is still a person
        ("Michael Jordan", True),
        ("Henry Kissinger", True),
        ("On Oct", False),
        # nor a place or a building named with its kind (chinadaily-nyt: "he" was resolved to
        # "Mount Sinai", "she" to "Salisbury Cathedral")
        ("Mount Sinai", False),
        ("Salisbury Cathedral", False),
        ("Hermitage Museum", False),
        ("Fulton County", False),
        ("Shirley Temple", True),
        # nor a nation's people: a country's adjective made whole from its name (chinadaily-nyt:
        # "he" was "Han Chinese", "Contemporary Chinese", "Poorer European"); a given name's, or
        # an adjective no country's name makes so, is a person's
        ("Han Chinese", False),
        ("South African", False),
        ("Fame Israeli", False),
        ("Mark German", True),
        ("Sal Albanese", True),
    ],
)
def test_a_country_is_no_persons_name(name, person):
    assert is_person(name, lexicon()) is person


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Turkey", True), ("Türkiye", True), ("US", True), ("U.S.", True), ("us", False),
     ("UK", True), ("Ivory Coast", True), ("Russia", True), ("Putin", False)],
)  # fmt: skip
def test_is_country_knows_common_names_and_short_forms(name, expected):
    # former and common names the CLDR leaves out, and short forms as written
    from toolkit.speaker_countries import is_country

    assert is_country(name) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Belarusian", "Belarus", True), ("Ukraine", "Ukrainian", True), ("Russian", "Russia", True),
     ("Chinese", "China", True), ("Polish", "Poland", True), ("Iraqi", "Iraq", True),
     ("Austrian", "Australia", False), ("Australian", "Austria", False),
     ("Indian", "Indonesia", False), ("sky", "skydiving", False), ("Russian", "Belarus", False)],
)  # fmt: skip
def test_a_countrys_adjective_is_its_name(a, b, expected):
    # "the Belarusian leader" is the one the text titles "President of Belarus"
    from toolkit.speaker_countries import country_named, same_place

    assert same_place(a, b) is expected
    assert (country_named(a) == b.lower() or country_named(b) == a.lower()) is expected


def test_a_third_given_name_after_a_titles_country():
    from toolkit.speakers import lexicon

    assert name_of("President of Turkey Recep Tayyip Erdogan", lexicon())[1] == (
        "Recep Tayyip Erdogan"
    )
    assert name_of("President of Russia Vladimir Putin", lexicon())[1] == "Vladimir Putin"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # a given name opens a run of three after a lower-case word or none
        ("Zelenskyy and Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
        ("Hillary Rodham Clinton", "Hillary Rodham Clinton"),
        ("said José Manuel Barroso", "José Manuel Barroso"),
        # not after a place's link, nor a place or a role that opens the sentence
        ("President of Armenia Nikol Pashinyan", "Nikol Pashinyan"),
        ("Russian Ambassador in Havana Viktor Koronelli", "Viktor Koronelli"),
        ("Lawyer Makdir Ismail", "Makdir Ismail"),
        # nor a word that is no given name ("the Kremlin said", a weekday)
        ("On Tuesday Vladimir Putin", "Vladimir Putin"),
    ],
)
def test_a_given_name_opens_a_name_of_three(phrase, name):
    from toolkit.speakers import lexicon

    assert name_of(phrase, lexicon())[1] == name


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("South Korean officials", True),
        # a plural head before what modifies it, and groups no role list holds (PolNeAR train)
        ("Critics of Mr. Obama", True),
        ("People briefed on the reshuffling", True),
        ("Six Gannett newspapers in New Jersey", True),
        ("Democrats", True),
        # its head before "close to", not a "close" before the head (PolNeAR train)
        ("people close to the vice president", True), ("the close allies of Putin", True),
        ("respondents", True),
        # one person, or a thing: no group
        ("a spokesman", False),
        ("the plans of the ministry", False),
    ],
)  # fmt: skip
def test_is_group(phrase, expected):
    assert is_group(phrase, lexicon()) is expected


def test_they_after_a_group_quoted():
    text = ("Democrats cautioned against drawing lessons from the vote, saying immigration was a "
            "bigger problem in Britain. They also said many British voters were angry.")  # fmt: skip
    corpus = pl.DataFrame({"doc_id": ["d"], "text": [text]})
    rows = toolkit.quotes(corpus).select("speaker", "speaker_text").rows()
    assert rows == [("Democrats", "Democrats"), ("Democrats", "They")]
