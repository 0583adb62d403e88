import pytest

from toolkit.speaker_names import find_mentions
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title before the name is the text's cue that it is a person
        ("Russian Foreign Minister Sergey Lavrov spoke.", [("Sergey Lavrov", True)]),
        # so is an appositive, with a determiner or a role with none
        ("Masete Levy, president of the union, spoke.", [("Masete Levy", True)]),
        ("Pier Luigi Bersani, leader of the Democratic Party, spoke.",
         [("Pier Luigi Bersani", True)]),
        ("Anna Rossi, a teacher, spoke.", [("Anna Rossi", True)]),
        # a name with nothing around it: no cue; a word that is no role after a comma neither
        ("Vladimir Putin arrived.", [("Vladimir Putin", False)]),
        ("Costa Rica, home of many birds, was calm.", [("Costa Rica", False)]),
        # a name in quotation marks is a nickname or a title, no mention
        ("They dubbed him the “Dalai Lamy” at once.", []),
        # a main clause after the comma is no appositive: no title from it (Kremlin readouts)
        ("Greetings to Prime Minister of Canada Justin Trudeau, the Russian President wished "
         "him success.", [("Justin Trudeau", True)]),
        # a name with two particles is one name
        ("Ignacio de la Torre, a partner at Arcano, spoke.", [("Ignacio de la Torre", True)]),
        # a place is no person by the words before it, nor does it hold their office
        # (chinadaily-nyt: "King said" was resolved to "Hong Kong")
        ("Like Martin Luther King, Hong Kong people also have a dream.", [("Hong Kong", False)]),
        # capitals inside a word start no name (set 26); a scraper's lost space before a name
        # does not hide it (chinadaily-nyt)
        ("They started a company, spotLESS Materials, to sell it.", []),
        ("He spoke in past campaignsRichard L. Hasen, a professor, spoke.",
         [("Richard L. Hasen", True)]),
        # an adverb that opens a sentence is no given name (chinadaily-nyt: "Soon Contractor")
        ("Soon Contractor was building towers.", []),
        # a title's last word after "for" is no given name; initials without stops
        ("Secretary for Security Lai Tung-kwok spoke.", [("Lai Tung-kwok", True)]),
        ("Chief Executive C Y Leung spoke.", [("C Y Leung", True)]),
        # a title's word before a generation is a surname
        ("The Rev. Martin Luther King Jr. marched.", [("Martin Luther King Jr", True)]),
    ],
)  # fmt: skip
def test_find_mentions_and_the_cue_of_a_person(text, expected):
    assert [(m.name, m.cue) for m in find_mentions(text, lexicon())] == expected


def test_a_place_has_no_titles():
    found = find_mentions("But unlike King most Hong Kong people want it.", lexicon())
    assert [(m.name, m.titles) for m in found] == [("Hong Kong", set())]


def test_a_main_clause_after_the_comma_gives_the_name_no_title():
    text = (
        "Greetings to Prime Minister of Canada Justin Trudeau, the Russian President wished "
        "him success."
    )
    (mention,) = find_mentions(text, lexicon())
    assert "russian" not in mention.titles and "president" not in mention.titles
    text = "Anna Rossi, the woman who founded the group, spoke."
    assert "woman" in find_mentions(text, lexicon())[0].titles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name whose first words are initials the run of capitals does not take
        ("The campaign was suggested by J. Edgar Hoover, the director, in 1964.",
         "J. Edgar Hoover"),
        # (a Burmese honorific is no part of the name: "U Win Htein" is Win Htein)
        ("“It will take one spark,” said U Win Htein, a member of the party.", "Win Htein"),
        ("“It will take one spark,” said U Thein Win Aung, who is active.", "Thein Win Aung"),
        # a Hong Kong name whole, but no sentence's first word
        ("The decision by the Civic Party's Ronny Tong Ka-wah to quit was sad.",
         "Ronny Tong Ka-wah"),
        ("But Leung Kwok-hung insisted.", "Leung Kwok-hung"),
        # a married woman's Hong Kong name with her husband's short surname; no title nor an
        # institution's word taken as a given name
        ("Chief Secretary for Administration Carrie Lam Cheng Yuet-ngor spoke.",
         "Carrie Lam Cheng Yuet-ngor"),
        ("Lawmaker Regina Ip Lau Suk-yee said so.", "Regina Ip Lau Suk-yee"),
        ("Chief Executive Leung Chun-ying said so.", "Leung Chun-ying"),
        ("The head of the Foundation Lawrence Ma Yan-kwok spoke.", "Lawrence Ma Yan-kwok"),
        # initials joined before a surname (set 14)
        ("The production designer, K.K. Barrett, spoke.", "K.K. Barrett"),
    ],
)  # fmt: skip
def test_a_mention_starts_where_its_name_does(text, name):
    (mention,) = [m for m in find_mentions(text, lexicon()) if m.name == name]
    assert text[mention.start : mention.start + len(name)] == name
