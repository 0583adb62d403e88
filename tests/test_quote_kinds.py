"""How an attribution's frame gives its speaker (toolkit.quote_kinds, the speaker_kind column)."""

import polars as pl
import pytest

import toolkit
from toolkit.errors import DataError
from toolkit.quote_kinds import KINDS, kinds_by_group, speaker_kind
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("speaker_text", "verb", "kind"),
    [
        # a name, with or without a title before it; an acronym
        ("President Vladimir Putin", "say", "name"),
        ("Mr. Kerry", "say", "name"),
        ("Lukashenko", "stress", "name"),
        # a month last is a surname ("Mrs. May", "May"), not before a noun
        ("Mrs. May", "say", "name"),
        ("May", "say", "name"),
        ("the May committee", "say", "description"),
        ("Chinese Foreign Ministry spokesperson Hua Chunying", "say", "name"),
        ("Human Rights Watch", "according to", "name"),
        ("TASS", "report", "name"),
        ("the US State Department", "say", "name"),
        # a role or noun phrase, a proper adjective before its noun, a title of several words
        ("the Belarusian leader", "note", "description"),
        ("An Arab official", "say", "description"),
        ("Officials", "say", "description"),
        ("Many analysts", "say", "description"),
        ("the report", "find", "description"),
        ("The First Lady", "say", "description"),
        # a proper adjective before a role of several words
        ("Russian top diplomat", None, "description"),
        ("Russia’s top diplomat", None, "description"),
        ("Deputy Prime Minister", "say", "description"),
        ("Prime Minister Narendra Modi", "say", "name"),
        # ... and after "the", before a capitalised role (as an official site writes it)
        ("The Ukrainian President", "stress", "description"),
        ("the Belarusian Foreign Minister", "say", "description"),
        ("Xinhua Director Li", "say", "name"),
        ("the European Union", "say", "name"),
        # a pronoun; a quotation with no frame of its own
        ("he", "say", "pronoun"),
        ("I", "say", "pronoun"),
        ("he", None, "continued"),
        # a credit with no verb: a headline's ("... — Lavrov"), a comment page's credit line
        ("Lavrov", None, "name"),
        ("Russian diplomat", None, "description"),
        ("Slovak PM", None, "description"),  # a role's initials, no name
        ("Iranian MFA", None, "name"),  # a body's are its name, as "TASS"
    ],
)  # fmt: skip
def test_speaker_kind(speaker_text, verb, kind):
    continued = verb is None and kind == "continued"
    assert speaker_kind(speaker_text, lexicon(), continued=continued) == kind


def test_quotes_give_each_attribution_its_kind():
    text = ("Lukashenko said the talks went well. “We agree,” he added. “It is fine.” The "
            "Belarusian leader noted that ties are strong.")  # fmt: skip
    found = toolkit.quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert found["speaker_kind"].to_list() == ["name", "pronoun", "continued", "description"]
    assert set(found["speaker_kind"]) <= set(KINDS)


def test_kinds_by_group_counts_each_kind_and_the_named_share_with_its_n():
    texts = [
        "Lukashenko said the talks went well. “We agree,” he added. “It is fine.” The "
        "Belarusian leader noted that ties are strong.",
        "Officials said that the deal was done.",
        "Nothing was said here.",
    ]
    docs = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": texts,
                         "outlet": ["BelTA", "TASS", "TASS"], "n_words": [20, 7, 4]})  # fmt: skip
    found = toolkit.quotes(docs)
    got = kinds_by_group(found, docs, min_group_docs=2)
    assert got.select("group", *KINDS, "attributions", "named", "n_docs", "small_n").rows() == [
        ("BelTA", 1, 1, 1, 1, 0, 4, 0.25, 1, True),
        ("TASS", 0, 0, 1, 0, 0, 1, 0.0, 2, False),
    ]
    # one document gives no interval; none named in any document gives no upper limit
    assert got.select("ci_low", "ci_high").rows() == [(None, None), (0.0, None)]


def test_kinds_by_group_of_a_table_without_kinds_is_a_clear_error():
    docs = pl.DataFrame({"doc_id": ["a"], "text": ["x"], "outlet": ["TASS"], "n_words": [1]})
    old = pl.DataFrame({"doc_id": ["a"], "speaker": ["Putin"], "verb": ["say"]})
    with pytest.raises(DataError, match=r"speaker_kind column of toolkit\.quotes"):
        kinds_by_group(old, docs)
