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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group's head, then a relative clause or a participle, before the verb (PolNeAR
        # train)
        ("Still, people who have battled other online threats say it could be doing more.",
         [("people who have battled other online threats", "say")]),
        ("But progressive organizations that have endorsed him say they want a change.",
         [("progressive organizations that have endorsed him", "say")]),
        ("The state officials whose laws have been invalidated say the courts changed.",
         [("The state officials whose laws have been invalidated", "say")]),
        # a clause that names someone: the phrase before it, not the one named
        ("John Kerry arrived. A senior State Department official traveling with Mr. Kerry "
         "said that planes carried arms.",
         [("A senior State Department official", "say")]),
        # the main clause's verb inside, a clause that goes on, a participle before: none
        ("Others who have advocated a tougher approach expressed similar doubts that it works.",
         []),
        ("And people who use Facebook a few times a day were half as likely as others to say "
         "they would not discuss it.", []),
        ("She was living in Dubai, quoting Syrians living in the Emirates in a report that "
         "confirmed it.", []),
    ],
)  # fmt: skip
def test_a_subject_a_relative_clause_or_a_participle_closes(text, expected):
    assert found(text) == expected
