"""A reporting verb whose subject is another verb's: the verb it is joined to by "and" or "but"
('Then President Obama paused and recalled that ...', 'Ms. Rousseff, a former guerrilla who
..., praised the demonstrators ... and said that ...'), or the clause a participle after a comma
hangs on ('Masete Levy, president of ..., echoed that sentiment, saying that ...').

:mod:`toolkit.quote_reported` reads the reported speech these subjects speak.

Example:
    >>> from toolkit.speakers import lexicon
    >>> head = "One Arab commander, sitting near the wall, bitterly recalled the siege and "
    >>> a, b = first_clause_subject(head, lexicon())
    >>> head[a:b]
    'One Arab commander'
"""

from __future__ import annotations

import re

from toolkit.quote_heads import (
    after_preposition,
    lemma_of,
    without_adverbs,
    without_appositive,
)
from toolkit.quote_subjects import clause_subject
from toolkit.speakers import speaker_phrase, word_spans

__all__ = [
    "VERB_LIKE",
    "coordinated_subject",
    "first_clause_subject",
    "participle_frame",
    "participle_subject",
]

# a word that reads as the verb right after a subject: "Mr. Garcia expressed concern ..."
VERB_LIKE = re.compile(
    r"^(?:[a-z]+(?:ed|es)|has|had|will|would|took|made|met|went|gave|spoke|"
    r"held|came|saw|told|said|paused|sent|left|began)$"
)


def coordinated_subject(words: list[tuple[int, int, str]], lex: dict) -> tuple[int, int] | None:
    """The last speaker phrase followed by a word that reads as its verb (not a copula: "Rome
    was not built in a day and ..."): the subject of a clause whose second verb is a reporting
    one ("Then President Obama paused and recalled that ...")."""
    for k in range(len(words) - 1, 0, -1):
        if not VERB_LIKE.match(words[k][2]):
            continue
        got = speaker_phrase(words[:k], lex)
        if got and got[1] == k and not after_preposition(words, got[0]):
            return got
    return None


def first_clause_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The subject of the clause's first verb, before a reporting verb joined to it by "and" or
    "but", past the appositives, relative clauses and asides between ("One Arab commander,
    sitting near the wall, bitterly recalled ... and said"); a span in ``head``."""
    first = next((w for w in word_spans(head) if VERB_LIKE.match(w[2])), None)
    if first is None or re.search(r"[;:\"“”«»]", head[: first[0]]):
        return None
    if re.match(r"\s+by\b", head[first[1] :]):
        return None  # "The war waged by barbarians who ... and believe": a participle, no verb
    before = re.sub(r"(?:\s+[a-z]+ly)+\s*$", " ", head[: first[0]])  # "bitterly recalled"
    words = without_adverbs(word_spans(without_appositive(before, lex)))
    got = speaker_phrase(words, lex)
    if (
        got
        and got[1] == len(words)
        and not after_preposition(words, got[0])
        and (got[0] == 0 or re.search(r"[,;:]$", words[got[0] - 1][2]))
    ):
        return words[got[0]][0], words[got[1] - 1][1]
    return clause_subject(before, lex)


_SUBORDINATORS = {"when", "after", "as", "because", "while", "before", "since", "once", "until"}
_AUXILIARY = re.compile(r"has|have|had|will|would|may|might|also")


def participle_subject(head: str, lex: dict):
    """The subject of the clause a participle after a comma hangs on ("As he walked ..., Masete
    Levy, president of ..., echoed that sentiment, saying that ..."): the speaker phrase right
    before the clause's verb, at the start or after a comma: the words before that verb, and
    the subject's span among them; also after "by" ("Vladimir Putin began the conversation by
    noting that ...")."""
    if not re.search(r"(?:,|\bby)\s*$", head):
        return None
    words = word_spans(head)
    for k in range(len(words) - 1, 0, -1):
        if VERB_LIKE.match(words[k][2]):
            # the verb's auxiliary is no part of the subject ("Sergio Moro has responded by
            # saying that ...")
            at = words[k - 1][0] if _AUXILIARY.fullmatch(words[k - 1][2]) else words[k][0]
            subject = without_adverbs(word_spans(without_appositive(head[:at], lex)))
            got = speaker_phrase(subject, lex)
            if got and (
                got[0] == 0
                or re.search(r"[,;:]$", subject[got[0] - 1][2])
                # the subject of a clause a subordinator opens ("... stalled when a state
                # judge quashed subpoenas, saying he had found ...")
                or subject[got[0] - 1][2] in _SUBORDINATORS
            ):
                return subject, got
            return None
    return None


def participle_frame(head: str, lex: dict) -> tuple[int, int, str] | None:
    """A reporting participle after a comma right before a quotation, on a clause whose verb
    reports nothing ('Mr. Surkov posted a statement on his Facebook page, saying, "...'): the
    span of that clause's subject in ``head`` and the participle's lemma."""
    m = re.search(r",\s*([a-z]+ing)\s*[,:]?\s*$", head)
    if m is None or not lex["verb"].fullmatch(m.group(1)):
        return None
    got = participle_subject(head[: m.start() + 1], lex)
    if got is None:
        return None
    words, (a, b) = got
    return words[a][0], words[b - 1][1], lemma_of(m.group(1), lex)
