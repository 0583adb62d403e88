"""The one a report quotes as saying: 'The Mehr News Agency quoted Senator Bernard Sanders,
independent of Vermont, as saying, “...”', 'Reuters quoted people close to Alibaba as saying the
company is ready ...', as agency copy cites its sources. The document that quotes is no speaker
of the words; the one it quotes is. :mod:`toolkit.quotes` reads the frame before a quotation
with :func:`cited` and the reported clause after "saying" with :func:`cited_reports`, and
:mod:`toolkit.quote_frames` the one quoted after a quotation with :data:`QUOTED_AS`;
:mod:`toolkit.quote_reported` leaves such a "saying" to them.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "Tass quoted Dmitry Peskov as saying that the talks had been useful."
    >>> [(text[a:b], text[p:q], verb) for a, b, (p, q), verb in cited_reports(text, 0, lexicon())]
    [('the talks had been useful', 'Dmitry Peskov', 'say')]
"""

from __future__ import annotations

import re

from toolkit.quote_subjects import noun_phrase
from toolkit.speakers import UPPER, speaker_phrase, word_spans

__all__ = ["QUOTED_AS", "cited", "cited_reports"]

# after a quotation, the object of "quotes" and "as saying": the one a document quotes ('“...,”
# the report quotes him as saying', read by :mod:`toolkit.quote_frames`)
QUOTED_AS = re.compile(
    rf"\s+(him|her|them|(?:[{UPPER}][\w’'\-.]*\s+){{0,3}}[{UPPER}][\w’'\-]*)\s+as\s+"
    r"(?:saying|telling)\b"
)
# "quoted X as" right before "saying" or "telling": X, with an appositive in commas
_QUOTED = re.compile(
    r"\bquot(?:ed|es|ing)\s+(?P<who>[^,;:\"“”«»()]{1,80}?)(?:,\s+[^;:\"“”«»()]{1,80}?,)?\s+as\s*$"
)
# the clause a cited "saying" reports: after "that" or none, up to the sentence's end
_CLAUSE = re.compile(
    r"(?:saying|telling\s+\w+)\s+(?:that\s+)?(?P<clause>[^\"“”«»]{12,}?)[.!?]?\s*$"
)


def cited(before: str, lex: dict) -> tuple[int, int] | None:
    """The span, in ``before`` (a sentence up to "saying" or "telling"), of the one a report
    quotes ("quoted X as"): a speaker phrase or a noun phrase that can speak ("him", "people
    close to Alibaba"); None where no such phrase is quoted."""
    m = _QUOTED.search(before)
    if m is None or m.group("who").startswith("by "):
        return None  # (a passive's agent: "He was quoted by TASS as saying")
    who = m.group("who")
    words = word_spans(who)
    if speaker_phrase(words, lex) == (0, len(words)) or who in ("him", "her", "them"):
        return m.start("who"), m.end("who")
    return (m.start("who"), m.end("who")) if noun_phrase(who, lex) else None


def cited_reports(sentence: str, s0: int, lex: dict) -> list:
    """The reported clause after a cited "saying" in ``sentence`` (at ``s0`` in the text), with
    no quotation marks in it: [(start, end, speaker span, lemma)], the speaker the one quoted."""
    out = []
    for v in re.finditer(r"\b(?:saying|telling)\b", sentence):
        who = cited(sentence[: v.start()], lex)
        clause = _CLAUSE.match(sentence, v.start())
        if who and clause:
            lemma = "say" if v.group() == "saying" else "tell"
            speaker = (s0 + who[0], s0 + who[1])
            out.append((s0 + clause.start("clause"), s0 + clause.end("clause"), speaker, lemma))
    return out
