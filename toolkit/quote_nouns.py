"""Reports inside a noun phrase, where no clause opens with their speaker.

- a speech-act noun with its speaker after "by" or "from" (:func:`noun_reports`): "claims by
  Russia and Iran that the opposition was too scattered", "repeated statements by central
  government officials that no matter what the outcome ...". The clause after "that" is what
  the speaker said; a relative clause on the noun ("a statement from the State Department
  that was sent to reporters") reports nothing;
- a relative clause that reports ("what political operatives say is voter anger", "a group
  which it says masterminded the attack", "a cease-fire that the United Nations hopes will
  cover ...", :func:`relative_reports`): its subject said the rest of the clause.

:mod:`toolkit.quote_reported` adds these to a sentence's reports.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "He rejected claims by Russia and Iran that the opposition was too scattered."
    >>> [(text[a:b], text[p:q], v) for a, b, (p, q), v in noun_reports(text, 0, lexicon())]
    [('the opposition was too scattered', 'Russia and Iran', 'claim')]
"""

from __future__ import annotations

import re

from toolkit.quote_finite import finite_clause
from toolkit.quote_subjects import noun_phrase
from toolkit.speakers import is_person

__all__ = ["noun_reports", "relative_reports"]

# a speech-act noun and the verb it names
_NOUNS = {
    "claim": "claim", "statement": "state", "assurance": "assure", "remark": "remark",
    "warning": "warn", "accusation": "accuse", "allegation": "allege", "assertion": "assert",
    "promise": "promise", "pledge": "pledge", "insistence": "insist", "suggestion": "suggest",
    "prediction": "predict", "announcement": "announce", "admission": "admit",
}  # fmt: skip
_NOUN_REPORT = re.compile(
    rf"\b(?P<noun>{'|'.join(_NOUNS)})s?\s+(?:by|from)\s+"
    r"(?P<who>(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+|some\s+)?"
    r"[\w’'\-.]+(?:\s+(?!that\b)[\w’'\-.]+){0,7}?)\s+that\s+(?P<clause>.{12,}?)"
    r"(?=[.;:!?]?\s*$|[;:]\s|,\s+(?:and|but|which|who|as|said|says|added|noted|stressed|"
    r"according)\s)"
)
# the first word of a clause after "that": a subject, not the verb of a relative clause ("a
# statement ... that was sent to reporters", "warnings ... that mentioned")
_CLAUSE_OPENS = re.compile(
    r"(?:the|a|an|his|her|its|their|our|my|this|these|those|there|it|he|she|they|we|i|you|"
    r"no|some|all|any|many|most|such|one|two|three|only|if|while|when|unless|once|both|"
    r"neither|either|every|each|[\d$]\S*|[A-Z]\S*)\b"
)
# words a speaker phrase after "by" never holds: a clause's or a gerund's
_NOT_SPEAKER = re.compile(r"\b(?:[a-z]+ing|is|are|was|were|has|have|had|who|which|whose)\b")


def noun_reports(sentence: str, s0: int, lex: dict) -> list[tuple[int, int, tuple[int, int], str]]:
    """The reports ``sentence`` (at ``s0`` in its text) names by a speech-act noun: (start,
    end, speaker span, the noun's verb), the clause running to the sentence's end or to a
    clause that ends it."""
    out = []
    for m in _NOUN_REPORT.finditer(sentence):
        who, clause = m.group("who"), m.group("clause")
        if _NOT_SPEAKER.search(who) or lex["verb"].search(who):
            continue  # "comments by asking those who ...": no speaker phrase
        # a name in quotation marks reads as plain words ('the "One Country, Two Systems"
        # policy'), and a clause may open with a phrase ("that no matter what ..., the city")
        plain = re.sub(r'"[^"]*"|“[^”]*”', lambda q: re.sub(r'[,"“”]', " ", q.group()), clause)
        parts = plain.split(", ")[:2]
        pronoun = re.match(r"(?:they|he|she|it|we|i|you|there)\s", clause)  # "that they remain"
        if not _CLAUSE_OPENS.match(clause) or not (
            pronoun or any(finite_clause(" " + part, past=True) for part in parts)
        ):
            continue  # a relative clause on the noun, or no clause at all
        speaker = (s0 + m.start("who"), s0 + m.end("who"))
        out.append((s0 + m.start("clause"), s0 + m.end("clause"), speaker, _NOUNS[m["noun"]]))
    return out


_RELATIVE_VERBS = {"say": "say", "says": "say", "said": "say", "believe": "believe",
                   "believes": "believe", "believed": "believe", "hope": "hope", "hopes": "hope",
                   "hoped": "hope", "claim": "claim", "claims": "claim", "claimed": "claim",
                   "allege": "allege", "alleges": "allege", "alleged": "allege"}  # fmt: skip
# "what political operatives say is ...", "which it says masterminded ...", "that prosecutors
# say Dr. Melgen made ...": a relative word, the clause's subject, the verb, and a verb or a
# subject and its verb right after it
_RELATIVE_REPORT = re.compile(
    r"(?:\b(?:[Ww]hat|which|that|whom|who)\s+(?P<who>(?:[\w’'\-.]+\s+){0,6}?[\w’'\-.]+)"
    r"|(?<=[a-z] )(?P<who0>he|she|they|it|critics|officials|prosecutors|police))\s+"
    rf"(?P<verb>{'|'.join(_RELATIVE_VERBS)})\s+"
    r"(?P<clause>(?:(?:is|was|are|were|has|had|have|will|would|could|can|[a-z]{3,}ed)\b"
    r"|(?:[A-Z][\w’'\-.]*\s+){1,3}[a-z]{3,}ed\b).{3,}?)(?=[,;:]\s|[.!?]?[\"”]?\s*$|\s[—–-]\s)"
)
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}


def relative_reports(
    sentence: str, s0: int, lex: dict
) -> list[tuple[int, int, tuple[int, int], str]]:
    """The reports of relative clauses in ``sentence`` (at ``s0`` in its text) whose verb is
    say, believe, hope, claim or allege: (start, end, subject span, lemma), the report running
    to the clause's end."""
    out = []
    for m in _RELATIVE_REPORT.finditer(sentence):
        name = "who" if m.group("who") else "who0"  # (a relative with no "that": "a charge
        # he says was invented")
        if name == "who0" and re.search(
            r"\b(?:said|says|told|that|and|but|if|when|because|as)\s+$", sentence[: m.start(name)]
        ):
            continue  # "He said he says ...": no relative clause
        who = m.group(name)
        low = who.lower()
        if re.search(r"\b(?:[a-z]+ly|not|do|does|did|is|are|was|were|has|have|had)\b", low):
            continue  # "what he actually said escaped me": no subject and report
        if not (low in _PRONOUNS or is_person(who, lex) or noun_phrase(who, lex)):
            continue
        speaker = (s0 + m.start(name), s0 + m.end(name))
        out.append((s0 + m.start("clause"), s0 + m.end("clause"), speaker,
                    _RELATIVE_VERBS[m.group("verb")]))  # fmt: skip
    return out
