"""How an attribution's frame gives its speaker (toolkit.quote_kinds, the speaker_kind column)."""

import polars as pl
import pytest

import toolkit
from toolkit.quote_kinds import KINDS, speaker_kind
from toolkit.speakers import lexicon


@pytest.mark.parametrize(
    ("speaker_text", "verb", "kind"),
    [
        # a name, with or without a title before it; an acronym
        ("President Vladimir Putin", "say", "name"),
        ("Mr. Kerry", "say", "name"),
        ("Lukashenko", "stress", "name"),
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
        # a pronoun; a quotation with no frame of its own
        ("he", "say", "pronoun"),
        ("I", "say", "pronoun"),
        ("he", None, "continued"),
    ],
)  # fmt: skip
def test_speaker_kind(speaker_text, verb, kind):
    assert speaker_kind(speaker_text, verb, lexicon()) == kind


def test_quotes_give_each_attribution_its_kind():
    text = ("Lukashenko said the talks went well. “We agree,” he added. “It is fine.” The "
            "Belarusian leader noted that ties are strong.")  # fmt: skip
    found = toolkit.quotes(pl.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert found["speaker_kind"].to_list() == ["name", "pronoun", "continued", "description"]
    assert set(found["speaker_kind"]) <= set(KINDS)
