"""A reporting frame set inside the clause it reports: after the clause's subject, before a
predicate an auxiliary or a past opens ('The talks, Lavrov said, were useful.', 'China, Xi
asserted, should ...', :data:`_SPLIT_PREDICATE`) or after an opening word or phrase and its
comma ('However, X noted, the ...', 'This time, Catsimatidis told me, there will ...', 'It was
no coincidence, Mr. Heller said in an interview, that ...'). :mod:`toolkit.quote_reported`
reads a frame's verb and speaker; :func:`inside_clause` gives the clause around or after it, and
:func:`group_frame` says whether a group no list names speaks in such a frame.

Example:
    >>> from toolkit.speakers import lexicon
    >>> sentence = "The talks, Lavrov said in Minsk, were useful."
    >>> a, b = inside_clause(sentence, 11, 22, "say", lexicon())
    >>> sentence[a:b]
    'The talks, Lavrov said in Minsk, were useful'
"""

from __future__ import annotations

import re

from toolkit.quote_bare import SHORT_CLAUSE
from toolkit.quote_ends import ADJUNCT
from toolkit.quote_finite import finite_clause
from toolkit.quote_groups import names_group
from toolkit.quote_heads import TIME_PHRASE
from toolkit.speakers import DAY

__all__ = ["ADDRESSEES", "group_frame", "inside_clause"]

# whom something is told, before the clause: no part of a phrase between verb and "that"
ADDRESSEES = {"reporters", "journalists", "me", "us", "him", "her", "them", "lawmakers"}
# the predicate of a clause a frame splits after its subject: ", were useful."
# (after whom one told and when or where: "The talks, Lavrov told reporters, were useful.", "The
# difference now, he told me on Friday, is that ...", "..., Lavrov said in Minsk, were ...")
_SPLIT_PREDICATE = re.compile(
    rf"(?:\s+(?:{'|'.join(sorted(ADDRESSEES))}))?"
    rf"(?:\s+(?:on\s+)?{DAY}|\s+yesterday|\s+{ADJUNCT}[^,;:\"“”«»]{{3,60}})?"
    r",\s+((?:is|are|was|were|has|have|had|will|would|can|could|must|should|may|might|did|"
    r"does|do|[a-z]{3,}ed)\b(?:[^\"“”«»]|[“\"][^\"“”«»]{1,60}[”\"]){3,}?)[.!?]?$"
)  # (or a past: "..., economists say, limited"; a short quotation in it: 'were “well-paid,”')
# where or when it was said, between the verb and the comma of an aside ("said in a telephone
# interview before ...,", "said at Starbucks,", "noted on June 16,"): not a verb's own object
# ("agreed on a frock", "testified in favor of")
_WHERE = (
    r"\s+(?:(?:in|at|during|after|before)\s+(?:a|an|the|his|her|its|their|[A-Z])[^,;:\"“”«»]{0,100}"
    rf"|on\s+{DAY}(?:\s+(?:morning|afternoon|evening|night))?)"
)
# an aside after an opening word or phrase and its comma: the clause after the frame's comma
_ASIDE = re.compile(rf"({_WHERE})?,\s+([^\"“”«»].{{14,}}?|{SHORT_CLAUSE})[.!?]?$")
# a clause's first word after an aside: a pronoun, a determiner or a capital (no noun phrase
# that goes on from where it was said: "at a rambling, two-hour news conference")
_OPENER = r"(?:he|she|it|they|we|I|there|the|a|an|his|her|its|their|this|these|[A-Z])\b"
_OPENS_CLAUSE = re.compile(_OPENER)
# whom one told, then a comma and the clause: "This time, Catsimatidis told me, there will ...",
# "And, Kasich tells the crowd, he's been known to be ...",
# "Instead, Trump told CNN, his policy would ..." (after a name, a clause, not an appositive:
# "told Louis Cha, renowned ...")
_TOLD_ASIDE = re.compile(
    rf"\s+(?:(?:{'|'.join(sorted(ADDRESSEES))})\s*,\s+(?=[^\"“”«»])"
    r"|(?:the|an?)\s+[a-z]+\s*,\s+(?=(?:he|she|it|they|we|I|there)\b|[A-Z])|[A-Z][\w.&]*"
    rf"(?:\s+[A-Z][\w.&]*){{0,3}}\s*,\s+(?={_OPENER}[^\"“”«»]))(.{{15,}}?)[.!?]?$"
)


def inside_clause(
    sentence: str, speaker_start: int, verb_end: int, lemma: str, lex: dict
) -> tuple[int, int] | None:
    """The clause a frame set inside it reports, as offsets into ``sentence``: the whole clause
    around a frame after its subject, else the clause after an aside's comma; None where the
    frame ``sentence[speaker_start:verb_end]`` is not set so."""
    before, rest = sentence[:speaker_start], sentence[verb_end:]
    # (a role in lower case before the name is the frame's: "In jazz, the pianist Geri Allen said,")
    before = re.sub(r"(?:^|(?<=,))\s*(?:the|a|an)(?:\s+[a-z][\w\-]*){1,3}\s+$", " ", before)
    split = _SPLIT_PREDICATE.match(rest)
    head = re.fullmatch(r"\s*([^,\"“”«»]{3,80}?),\s*", before)
    if split and head:  # (whatever the words before, a predicate's subject: "China, he says,
        # should conduct ...", "What is needed, Lam indicated, is ...")
        return head.start(1), verb_end + split.end(1)  # "The talks, Lavrov said, were useful."
    if not re.search(r"(?:^|,)\s*$", before) or re.search(r"\bas\s*$", before):
        return None  # (not "This is AmpliTest, as I said, a testing of ...": an aside on the
        # sentence)
    aside = _ASIDE.match(rest)
    clause = aside.group(2) if aside else ""
    if aside and aside.group(1) and not (
        re.search(r",\s*$", before)
        and not re.match(r"(?:which|who|whom|whose|where|when|and|but|or|[a-z]+ing)\b", clause)
        and (
            clause.startswith("that ")
            or finite_clause(" " + clause)
            or (_OPENS_CLAUSE.match(clause) and finite_clause(" " + clause, past=True))
        )
    ):  # fmt: skip
        aside = None  # after where it was said, only inside the sentence and a clause with its
        # verb: not "..., X said on Thursday, citing a survey", "..., X said at the briefing,
        # which was attended by", "X agreed on a dress, ..."
    if aside:
        return verb_end + aside.start(2), verb_end + aside.end(2)
    told = _TOLD_ASIDE.match(rest) if lemma == "tell" else None
    return (verb_end + told.start(1), verb_end + told.end(1)) if told else None


def group_frame(spoken: str, before: str, rest: str, lex: dict) -> bool:
    """Whether a frame whose subject, after a comma, is a group no list names (``spoken``) is
    set in or after the clause it reports: the verb before a comma or, with at most when,
    before the sentence's end ("..., these people said, would ...", "..., Libyan and French
    officials said this week."); not a verb with its object ("..., a few critics shouted at
    them")."""
    return (
        names_group(spoken, lex, alone=True)
        and re.search(r",\s*$", before) is not None
        and re.match(rf"\s*(?:,|(?:\s+{TIME_PHRASE})?[.!?]?$)", rest) is not None
    )
