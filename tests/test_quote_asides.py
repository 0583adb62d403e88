"""A reporting frame set inside the clause it reports (toolkit.quote_asides), read through
toolkit.quotes."""

import polars as pl
import pytest

from toolkit import quotes


def _found(text: str) -> list[tuple]:
    got = quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}))
    return got.select("speaker", "verb", "quote").rows()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the clause's subject: the clause around its frame, whole; also after where it
        # was said
        ("The talks, Lavrov said, were useful.",
         [("Lavrov", "say", "The talks, Lavrov said, were useful")]),
        ("The talks, Lavrov said in Minsk, were useful.",
         [("Lavrov", "say", "The talks, Lavrov said in Minsk, were useful")]),
        # after an opening word or phrase: the clause after the frame's comma, also after where
        # or when it was said (set 35, chinadaily-nyt)
        ("However, Peskov noted, the talks will go on.", [("Peskov", "note", "the talks will go on")]),
        ("It was no coincidence, Mr. Heller said in a telephone interview before joining Mr. "
         "Gauck and the other witnesses at lunch on Monday, that Berlin gave birth to the revolt.",
         [("Mr. Heller", "say", "that Berlin gave birth to the revolt")]),
        ("But, Ms. Yellen said on Thursday, that will happen more slowly than expected.",
         [("Ms. Yellen", "say", "that will happen more slowly than expected")]),
        ("This time, Catsimatidis told me, there will be no deal.",
         [("Catsimatidis", "tell", "there will be no deal")]),
        # not a participle, a relative clause or a verb's own object after where it was said
        ("Sales dropped at least 15 percent, the association said on Tuesday, citing a survey "
         "among its members.",
         [("the association", "say", "Sales dropped at least 15 percent")]),
        ("The audit will meet the highest standards, Kerry said at the briefing, which was also "
         "attended by the envoy.",
         [("Kerry", "say", "The audit will meet the highest standards")]),
        ("Eventually, the party agreed on a plum-colored chiffon frock by Donna Morgan, found in "
         "the wedding section.", []),
        ("He is adding to his wins earlier this campaign in Nevada, South Carolina and New "
         "Hampshire.", []),
        # nor "as I said": an aside on the sentence
        ("This is AmpliTest, as I said, a testing of the new equipment.", []),
        # a subject with a demonstrative; a short clause after the aside that opens with a
        # pronoun and its verb; an "unnamed" they whose frame is inside its own clause (PolNeAR
        # train, chinadaily-nyt)
        ("This campaign, Lavrov says, is different.",
         [("Lavrov", "say", "This campaign, Lavrov says, is different")]),
        ("This time, Lavrov said, it will work.", [("Lavrov", "say", "it will work")]),
        ("That fixation, they say, has rendered the brand incomprehensible.",
         [(None, "say", "That fixation, they say, has rendered the brand incomprehensible")]),
        # whatever the words before the frame, an auxiliary's predicate after it needs them as
        # its subject: the clause whole (chinadaily-nyt)
        ("China, Xi asserted, should see to it that equal importance is attached to justice.",
         [("Xi", "assert", "China, Xi asserted, should see to it that equal importance is "
                           "attached to justice")]),
        ("What is needed, Lam indicated, is a period of calm reflection.",
         [("Lam", "indicate", "What is needed, Lam indicated, is a period of calm reflection")]),
        ("Pivoting to deficit reduction too soon, Krugman said, limited the recovery.",
         [("Krugman", "say", "Pivoting to deficit reduction too soon, Krugman said, limited the "
                             "recovery")]),
    ],
)  # fmt: skip
def test_a_frame_inside_its_clause(text, expected):
    assert _found(text) == expected
