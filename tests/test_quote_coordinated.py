import pytest

from toolkit.quote_coordinated import first_clause_subject, participle_frame
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("head", "subject"),
    [
        # past an aside in commas and an adverb
        ("One Arab commander, sitting near the wall, bitterly recalled the siege and ",
         "One Arab commander"),
        # past an appositive with a relative clause in it, after an opening phrase
        ("In a speech on Friday, Ms. Rousseff, a former guerrilla who fought the dictatorship, "
         "praised the demonstrators and ", "Ms. Rousseff"),
        # a reduced relative clause has no subject of its own here
        ("The war waged by barbarians who shell the museum and ", None),
        # no verb before "and"
        ("The museum and ", None),
    ],
)  # fmt: skip
def test_first_clause_subject(head, subject):
    got = first_clause_subject(head, lexicon())
    assert (head[got[0] : got[1]] if got else None) == subject


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # a reporting participle after a comma, on a clause whose verb reports nothing (set 13)
        ("On Wednesday, Mr. Surkov posted a statement on his Facebook page, saying, ",
         ("Mr. Surkov", "say")),
        ("The ministry issued a statement on Monday, saying: ", ("The ministry", "say")),
        # not a participle that reports nothing, nor one whose clause has no speaker
        ("The crowd gathered outside the building, chanting, ", None),
        ("The sentences grew longer, saying, ", None),
    ],
)  # fmt: skip
def test_participle_frame(head, expected):
    got = participle_frame(head, lexicon())
    assert (got and (head[got[0] : got[1]], got[2])) == expected
