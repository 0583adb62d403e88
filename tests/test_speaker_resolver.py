import pytest

from toolkit.speaker_resolver import Resolver
from toolkit.speakers import find_mentions, lexicon

TEXT = (
    "Belarusian President Aleksandr Lukashenko met Russian Foreign Minister Sergey Lavrov. "
    "Lukashenko said the talks went well. Lavrov agreed."
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Lavrov", "Sergey Lavrov"),  # a surname: the full name the text gives
        ("the Belarusian leader", "Aleksandr Lukashenko"),  # a role: the one name with that title
        ("Foreign Minister Sergey Lavrov", "Sergey Lavrov"),
        ("the ministry", "the ministry"),  # nothing in the text says which: as written
        ("he", "Sergey Lavrov"),  # a pronoun: the person named last before it
    ],
)
def test_resolver_names_the_speaker_from_its_document(written, expected):
    resolver = Resolver(find_mentions(TEXT, lexicon()), lexicon(), {}, TEXT)
    assert resolver.resolve(written, len(TEXT)) == expected


def test_resolver_takes_the_canonical_name_of_an_alias():
    resolver = Resolver(find_mentions(TEXT, lexicon()), lexicon(), {"sergey lavrov": "Lavrov S."})
    assert resolver.resolve("Lavrov", len(TEXT)) == "Lavrov S."
