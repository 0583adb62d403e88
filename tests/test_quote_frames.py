import polars as pl
import pytest

import toolkit


def found(text):
    return toolkit.quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a linking adverb in commas between the subject and its verb
        ("Artur Mas is the Catalan leader. Mr. Mas, however, said in a television interview on "
         "Sunday that it was Mr. Rajoy who was forcing a vote.", "Artur Mas"),
        ("Analysts, however, say that the countries share too many interests.", "Analysts"),
        # an appositive after a dash, closed by a comma
        ('Aung San Suu Kyi - one of the staunchest fighters for democracy in the world, said, '
         '"Sometimes a parody of democracy is more dangerous than a dictatorship."',
         "Aung San Suu Kyi"),
        # a short quotation inside an appositive, and an adverb after it
        ('Benny Tai spoke. I recall that Benny Tai, one of the three organizers of the "Occupy '
         'Central" movement, repeatedly said obeying the law was a "low level" interpretation.',
         "Benny Tai"),
        # a surname that ends in "-ly" is no adverb
        ("Ghada Waly is the minister. “Transparency will appease all those fears,” Ms. Waly said.",
         "Ghada Waly"),
        ("Megyn Kelly is a host. Ms. Kelly said that the debate was fair.", "Megyn Kelly"),
    ],
)  # fmt: skip
def test_the_subject_before_the_verb_past_asides(text, speaker):
    assert found(text)["speaker"].to_list() == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # a dash before a clause, not an appositive; an adverb in lower case stays an adverb
        "The talks failed - the ministry said nothing, and the envoy left.",
        "“Fine,” she firmly said.",
    ],
)
def test_no_person_from_a_clause_or_an_adverb(text):
    assert found(text)["speaker"].to_list() in ([], [None])
