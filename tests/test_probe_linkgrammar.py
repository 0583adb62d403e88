"""A reporting verb's subject read from a Link Grammar parse: the probe's prototype
(``benchmarks/linkgrammar_parse.py``, not part of the toolkit). Reading the links is
tested on linkages written out here (no parser needed); the parser itself on sentences from
documents outside the labelled sets (trimmed), skipped where Debian's linkgrammar is absent."""

import sys
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from linkgrammar_parse import (
    LinkParser,
    Parse,
    ParserMissingError,
    available,
    reported_frame,
    subject_span,
)
from probe_linkgrammar import quotes_with

from toolkit.quotes import quotes
from toolkit.speakers import lexicon


def _parse(sentence: str, words: list[str], links: list[tuple[int, str, int]]) -> Parse:
    """A linkage of ``sentence`` written out: its words (after the left wall) and links."""
    spans, at = [(0, 0)], 0
    for w in words:
        at = sentence.index(w, at)
        spans.append((at, at + len(w)))
        at += len(w)
    return Parse(tuple(spans), ("LEFT-WALL", *words), tuple(links), 0, False)


_PASSIVE = "It was noted that the talks went well."


@pytest.mark.parametrize(
    ("sentence", "words", "links", "verb", "subject"),
    [
        # "said -SIsj- Putin": the subject after the verb, with its first name ("G")
        ('"We are ready," said Vladimir Putin.',
         ['"', "We", "are", "ready", ",", '"', "said", "Vladimir", "Putin", "."],
         [(7, "SIsj", 9), (8, "G", 9), (6, "CP", 7)], "said", "Vladimir Putin"),
        # up through the auxiliary ("has -PP- stressed"); the noun's "of" phrase is its own
        ("The President of Belarus has stressed that the talks went well.",
         ["The", "President", "of", "Belarus", "has", "stressed", "that"],
         [(1, "Ds", 2), (2, "Ss", 5), (2, "Mf", 3), (3, "Js", 4), (5, "PP", 6)],
         "stressed", "The President of Belarus"),
        # a relative "who" stands for its noun ("Lee -MX*r- who")
        ("Martin Lee, who founded the party, said the vote was a sham.",
         ["Martin", "Lee", ",", "who", "founded", "the", "party", ",", "said"],
         [(1, "G", 2), (2, "MX*r", 4), (4, "Ss", 9)], "said", "Martin Lee"),
        # a bare noun phrase and a quotation verb from the wall: the noun phrase; "that
        # Armenia" (an inverted subject) is not the speaker
        ("Nikol Pashinyan said that Armenia will take steps.",
         ["Nikol", "Pashinyan", "said", "that", "Armenia"],
         [(0, "Wa", 2), (1, "G", 2), (0, "CPx", 3), (3, "SIsj", 5), (4, "D*u", 5)],
         "said", "Nikol Pashinyan"),
        # '"...," the President stressed.' read as a participle on the noun: the noun
        ('"We are ready," the President stressed.',
         ['"', "We", "are", "ready", ",", '"', "the", "President", "stressed"],
         [(7, "Ds", 8), (8, "Mv", 9)], "stressed", "the President"),
        # no subject link: no speaker
        (_PASSIVE, ["It", "was", "noted", "that"], [(2, "Pv", 3)], "noted", None),
    ],
)  # fmt: skip
def test_subject_span(sentence, words, links, verb, subject):
    span = subject_span(_parse(sentence, words, links), sentence.index(verb))
    assert (sentence[span[0] : span[1]] if span else None) == subject


class _FakeParser:
    """Answers with one written-out linkage, whatever the sentence."""

    def __init__(self, parsed: Parse):
        self.parsed = parsed

    def parse(self, sentence: str) -> Parse:
        return self.parsed


_POLL = "Only 33 percent of Americans said that their children will be better off."
_POLL_PARSE = _parse(
    _POLL,
    ["Only", "33", "percent", "of", "Americans", "said", "that"],
    [(2, "Dmcn", 3), (3, "Sp", 6), (3, "Mf", 4), (4, "Jp", 5), (1, "EN", 2)],
)


@pytest.mark.parametrize(
    ("sentence", "parsed", "expected"),
    [
        # a "that"-clause after the verb: the report, its speaker the parse's subject
        (_POLL, _POLL_PARSE, [("33 percent of Americans", "say",
                               "their children will be better off")]),
        # a passive: no speaker
        (_PASSIVE, _parse(_PASSIVE, ["It", "was", "noted", "that"],
                          [(1, "Ss", 2), (2, "Pv", 3)]), []),
    ],
)  # fmt: skip
def test_reported_frame(sentence, parsed, expected):
    got = reported_frame(_FakeParser(parsed), sentence, (0, len(sentence)), lexicon())
    assert [(sentence[p0:p1], lemma, sentence[a:b]) for a, b, (p0, p1), lemma in got] == expected


_RESIDENTS = "Most of the residents we met said that the road had been closed for weeks."
_RESIDENTS_PARSE = _parse(
    _RESIDENTS,
    ["Most", "of", "the", "residents", "we", "met", "said", "that"],
    [(1, "Mf", 2), (2, "Jp", 4), (3, "Dmc", 4), (1, "Sp", 7)],
)


def test_fallback_uses_the_parse_where_the_rules_find_no_speaker():
    corpus = pl.DataFrame({"doc_id": ["a"], "text": [_RESIDENTS]})
    assert quotes(corpus).height == 0  # no rule reads "Most of the residents we met"
    found = quotes_with(corpus, _FakeParser(_RESIDENTS_PARSE))
    assert quotes(corpus).height == 0  # the rules alone again once out of the fallback
    assert found.select("speaker_text", "verb", "quote").rows() == [
        ("Most of the residents", "say", "the road had been closed for weeks")
    ]


def test_missing_parser_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "linkgrammar", None)
    with pytest.raises(ParserMissingError, match="apt-get install python3-link-grammar"):
        LinkParser()


needs_parser = pytest.mark.skipif(
    not available(), reason="linkgrammar (Debian's python3-link-grammar) is not installed"
)


@needs_parser
@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        ('"We will continue our cooperation," said Vladimir Putin.', "said", "Vladimir Putin"),
        ("The President of Belarus has repeatedly stressed that the two countries are allies.",
         "stressed", "The President of Belarus"),
        ("Lukashenko met the delegation and said that the talks went well.", "said",
         "Lukashenko"),
        ("Leaders of smaller parties said they would boycott the vote.", "said",
         "Leaders of smaller parties"),
        ("The head of state, who arrived in Minsk on Monday, noted that the sides agreed.",
         "noted", "The head of state"),
        ("Putin and Lukashenko said the union state would grow.", "said", "Putin and Lukashenko"),
    ],
)  # fmt: skip
def test_link_parser(sentence, verb, subject):
    span = LinkParser().subject(sentence, sentence.index(verb))
    assert (sentence[span[0] : span[1]] if span else None) == subject
