import polars as pl
import pytest

import toolkit
from toolkit.quote_relative import relative_subject
from toolkit.speakers import lexicon


def found(text):
    corpus = pl.DataFrame({"doc_id": ["d"], "text": [text]})
    return toolkit.quotes(corpus, tagger=False).select("speaker_text", "verb").rows()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person after a preposition speaks in the relative clause on it (PolNeAR train)
        ("The loss was steep for Mr. Sanders, who said he intended to rest.",
         [("Mr. Sanders", "say")]),
        ("It was agreed with help from Labor Secretary Thomas Perez, who said he expects a deal.",
         [("Labor Secretary Thomas Perez", "say")]),
        # the name at the end of its clause, the appositive after it
        ("It was backed by Sen. Dianne Feinstein of California, the ranking Democrat on the panel, "
         "who said "
         "none of the emails came from Clinton.",
         [("Sen. Dianne Feinstein", "say")]),
        # a group more than the party it is of, a place, an institution: none speaks
        ("He is attacked by elements of his own party, who say that he failed.", []),
        ("The move will placate nervous Democrats on Capitol Hill, who have argued that it helps.",
         []),
        ("Carlos Pereira is a professor at Fundação Getúlio Vargas, a top Brazilian university, "
         "who noted that the race was close.", []),
    ],
)  # fmt: skip
def test_the_speaker_a_relative_clause_of_speech_hangs_on(text, expected):
    assert found(text) == expected


def test_no_relative_clause_no_speaker():
    assert relative_subject("It was agreed with Thomas Perez and ", lexicon()) is None
