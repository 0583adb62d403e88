import pytest

from toolkit.quote_coordinated import first_clause_subject
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
