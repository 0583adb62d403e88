"""Whether a speaker phrase before a reporting verb is its subject or another word's object
(:func:`after_preposition`): the object of a preposition, of a participle ("A lawyer
representing the family said") or of a relative clause's verb, or the second of a pair, not
the subject of a clause that "and" opens ("Growth was weak and experts say that ...", "The
crowd cheered and Clinton said, ..."). :mod:`toolkit.quote_frames`,
:mod:`toolkit.quote_reported`, :mod:`toolkit.quote_coordinated` and
:mod:`toolkit.quote_relative` read a frame's speaker with it. Likewise whether a quotation is
a term in its clause, a preposition's object (:func:`quoted_term`): the clause goes on after it;
and how many words a verb's object may hold before a quoted complement (:func:`object_words`:
'called the lawsuit “...”') and whether a quotation is such an object or complement
(:func:`quoted_object`), or the object of "said" or "wrote" right after it (:func:`said_quote`).
And the subject of a relative clause on its object (:data:`OBJECT_RELATIVE`: "..., who Beck
called “...”"), the antecedent of "who" (:data:`WHO_END`) and a reduced clause ("when asked").

Example:
    >>> from toolkit.speakers import word_spans
    >>> after_preposition(word_spans("The crowd cheered and Clinton"), 4)
    False
    >>> after_preposition(word_spans("a statement by Clinton"), 3)
    True
"""

from __future__ import annotations

import re

from toolkit.quote_finite import PAST_ONLY
from toolkit.quote_heads import lemma_of
from toolkit.quote_subjects import AUXILIARIES, OBJECT_PARTICIPLES
from toolkit.resources import MONTH_ABBREVIATIONS
from toolkit.speakers import DETERMINERS, QUANTIFIERS, UPPER

__all__ = [
    "ABBREVIATION",
    "OBJECT_RELATIVE",
    "WHEN_ASKED",
    "WHO_END",
    "after_preposition",
    "object_words",
    "quoted_object",
    "quoted_term",
    "said_quote",
]

_AUXILIARY = set(AUXILIARIES)  # a clause's verb, not a word of a noun phrase

_PREPOSITION = re.compile(
    r"^(?:in|of|from|at|for|with|by|to|on|about|against|between|among|"
    r"into|over|under|without|than|like|and|or)$",
    re.I,
)


def after_preposition(words: list[tuple[int, int, str]], first: int) -> bool:
    """Whether the speaker phrase starting at ``words[first]`` is the object of a preposition,
    of a participle or of a relative clause's verb, or the second of a pair ("reports here and
    in Australia suggested"): then it is no subject."""
    if first and words[first - 1][2] in OBJECT_PARTICIPLES:
        return True  # "A lawyer representing the family said": the participle's object
    if (first >= 2 and words[first - 2][2].lower() in ("which", "who", "that")
            and re.fullmatch(r"[a-z]+s", words[first - 1][2]) and words[first][2][:1].isupper()
            and words[first - 1][2] not in _AUXILIARY):  # fmt: skip
        return True  # "the division, which operates CNN International, said": its object (not
        # a common noun, the clause's own subject: "trials, which numerous experts have said")
    if first == 0 or _PREPOSITION.match(words[first - 1][2]) is None:
        return False
    if first == 1 and words[0][2] in ("And", "But", "Or"):
        return False  # "And he said ...": the sentence opens with the conjunction
    # "... over the issue and many residents worry that", '..., praised ... “...,” and Yitzhak
    # Levanon, ..., said': a new clause, its subject opening with a determiner or after a comma
    opens = words[first][2].lower() in DETERMINERS | QUANTIFIERS
    clause = first >= 2 and re.search(r"[,”\"]$", words[first - 2][2]) is not None
    joined = words[first - 1][2] in ("and", "but")
    return not (
        joined and (opens or clause or _finite_before(words, first) or _titles(words, first))
    )


# a verb in the past: regular, or an irregular one no participle shares
_PAST = re.compile(rf"[a-z]{{3,}}ed|{PAST_ONLY}")


def _finite_before(words: list[tuple[int, int, str]], first: int) -> bool:
    """Whether "and" before ``words[first]`` ends a clause with a verb of its own: an auxiliary
    or a copula since the last comma ("Growth was weak and experts say that ..."), or a past
    before a pronoun or a name ("The crowd cheered and Clinton said, ...", "he trusted me and
    he said"), where a pair of subjects has none ("Trump and Pence said"), nor a past's object
    ("angered pro-democracy groups and politicians, who have said") nor a name's "and" ("the
    Alliance for the Betterment and Progress of Hong Kong")."""
    after, before = words[first][2], words[first - 2][2] if first >= 2 else ""
    new = after.lower() in ("he", "she", "they", "we", "i") or (
        after[:1].isupper() and before[:1].islower()
    )
    i = first - 1
    while i > 0 and not re.search(r"[,;:]$", words[i - 1][2]):
        i -= 1
        if words[i][2].lower() in _AUXILIARY:
            return True
        if new and _PAST.fullmatch(words[i][2]) and words[i + 1][2] != "by":
            return True
    return False


def _titles(words: list[tuple[int, int, str]], first: int) -> bool:
    """Whether "and" before ``words[first]`` joins a person's titles: the words before it run
    from the clause's start as a title, and the words after it hold one too ("Former US
    Ambassador to Russia and former US National Security Adviser Michael McFaul said"; not
    "The Minister of Agrarian Policy and Food reported")."""
    if not any(w in _TITLE_HEADS for _, _, w in words[first:]):
        return False
    i = first - 1
    while i > 0 and not re.search(r"[,;:.”\"]$", words[i - 1][2]):
        w = words[i - 1][2]
        if not (w[:1].isupper() or w in ("of", "to", "for", "the", "former")):
            return False
        i -= 1
    chain = [w for _, _, w in words[i : first - 1]]
    return any(w in _TITLE_HEADS for w in chain)


# the heads of a title that "and" can join to another ("Ambassador ... and former ... Adviser")
_TITLE_HEADS = {"Ambassador", "Minister", "President", "Secretary", "Adviser", "Advisor",
                "Governor", "Mayor", "Senator", "Chairman", "Chairwoman", "Director", "Head",
                "Commissioner", "Envoy", "Representative", "Chief", "Spokesman",
                "Spokeswoman"}  # fmt: skip


# a sentence's opening up to a short quoted term that closes it (no more than six words in the
# marks): its clause goes on after the term
_SCARE = re.compile(r"[^\"“”]*[\"“](?:\S+\s+){0,5}\S+[\"”],?", re.S)
# a longer quotation as a preposition's object: what precedes its opening mark
_OBJECT_QUOTE = re.compile(r"\b(?:to|of|for|about|with|from|against)\s+[\"“]$")


def quoted_term(opening: str, framed: bool) -> bool:
    """Whether ``opening``, a sentence up to the closing mark of a quotation, ends in a term its
    clause goes on after: a short one ('questioned the idea of "Occupy Central,"') or, where no
    frame took the quotation (``framed`` false), a preposition's object ('offered thanks to
    “our brothers al-Muhajireen wal Ansar and others,”')."""
    if _SCARE.fullmatch(opening):
        return True
    body = opening.rstrip(",")[:-1]  # (without the closing mark)
    at = max(body.rfind("“"), body.rfind('"'))
    return not framed and at >= 0 and _OBJECT_QUOTE.search(opening, 0, at + 1) is not None


# a relative clause's subject after "who" or "whom", the clause on its object: ", who Beck"
OBJECT_RELATIVE = re.compile(
    rf",\s+whom?\s+([{UPPER}][\w’'.\-]*(?:\s+[{UPPER}][\w’'.\-]*){{0,3}}|he|she|they|we|I)"
    r"(?:\s+(?:\w+ly|also|later|once|has|had|have))*\s*$"
)
# the antecedent's relative pronoun before its verb ("Loretta E. Lynch, who told Congress:"),
# and a clause of the subject's reduced to its participle ("who told Congress when asked ...:")
WHO_END = re.compile(r",\s+who(?:\s+(?:\w+ly|also|has|had|have|in\s+the\s+past|long|once))*\s*$")
WHEN_ASKED = re.compile(r"\b(?:when|if|after|before)\s+$")


def object_words(between: str, lemma: str, lex: dict) -> int:
    """How many words may stand between a verb and the quotation it takes as its object's
    complement: 4 ('dismissed it as "'), up to 10 where they end in "as" after a verb that
    takes a quoted object ('criticized the Affordable Care Act as a “', 'described the new
    Western sanctions against Moscow as “'), 6 after "call" and "term" with no preposition
    after them ('called half of Donald Trump’s supporters “'), 12 after "call" where they end
    in a noun with no clause or infinitive in them ('called Obama’s ignorance of solid advice
    from seasoned military commanders “'; not 'called a meeting of the council over the “'), and
    none after "call on" ('called on the Greek government “to do a deal”': an appeal)."""
    if lemma not in lex["quote_objects"]:
        return 4
    if lemma == "call" and re.match(r"\s+(?:on|upon)\s", between):
        return 0
    if _AS_COMPLEMENT.search(between):
        return 10
    if lemma in ("call", "term") and not re.match(r"\s+for\s", between):
        # (not "called off a meeting with the leaders of the student “")
        long = lemma == "call" and not re.match(r"\s+(?:off|into|up|out|back)\b", between)
        return 12 if long and not _LONG_OBJECT_STOP.search(between) else 6
    return 4


# what no longer object of "call" before its quoted complement holds: a clause, or a
# preposition or an infinitive whose object the quotation opens ('over the “', 'to discuss the
# “': it modifies a noun there; not 'called the decision to overturn the act a “')
_LONG_OBJECT_STOP = re.compile(
    r"\b(?:and|but|or|that|who|which|when|while|after|because)\b|\b(?:in|on|at|over|to|for|of|"
    r"about|with|from|into|by|against|(?:to\s+[a-z]+))(?:\s+(?:the|an?|its|his|her|their))?"
    r"(?:\s+[a-z]+)?\s*$"
)
# the end of an object before its complement in quotation marks: "... as", "... as a"
_AS_COMPLEMENT = re.compile(r"\sas(?:\s+(?:a|an|the|being|part\s+of|one\s+of))?\s*$")


# a title's or a month's stop, which ends no sentence ("on Jan. 30,")
ABBREVIATION = re.compile(
    rf"\b(?:Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov|{'|'.join(sorted(MONTH_ABBREVIATIONS))})\."
)


def quoted_object(head: str, v: re.Match, lex: dict) -> re.Match | None:
    """A quoted phrase as the object of a verb or its complement, a few words after it with no
    stop between ('dismissed it as "', 'calling them "', 'saying it raised "'): a verb that
    takes one, or a participle after a comma ('..., saying ...'). The match is empty, at the
    end of ``head``."""
    between = ABBREVIATION.sub("", head[v.end() :])
    if re.search(r"[.,;:!?\"“”«»()]", between) or len(between.split()) > object_words(
        between, lemma_of(v.group(), lex), lex
    ):
        return None
    participle = v.group().lower().endswith("ing") and re.search(
        r"(?:,|\bby)\s*$", head[: v.start()]
    )  # ("..., saying ...", "protested by shouting “...”")
    if lemma_of(v.group(), lex) in lex["quote_objects"] or participle:
        return re.search(r"$", head)
    return None


# the verbs a quotation may follow with no colon or comma ('stated "He was a gentle soul"')
_QUOTE_RIGHT_AFTER = {"claim", "insist", "argue"}
_SAID_QUOTE = {"say", "write", "state", "tweet", "post", "add", "declare", "remark",
               *_QUOTE_RIGHT_AFTER}  # fmt: skip


def said_quote(head: str, v: re.Match, lex: dict, tail: str) -> re.Match | None:
    """A quotation right after "said", "wrote", "stated" (``_SAID_QUOTE``), or after a short
    adjunct with no stop ('said “the new situation is not optimal”', 'said in a recent
    editorial "..."'), that ends its clause (``tail`` opens with a stop, "but" or "and"; not
    'said "civil nomination" dilutes ...'): the match is empty, at the end of ``head``."""
    between = ABBREVIATION.sub("", head[v.end() :])
    if lemma_of(v.group(), lex) not in _SAID_QUOTE or v.group().lower().endswith("ing"):
        return None
    if not re.match(r"[ \t]*(?:[.!?,;:)\n]|$|(?:but|and)\s)", tail):
        return None
    if between.strip() and (
        lemma_of(v.group(), lex) in _QUOTE_RIGHT_AFTER
        or not re.fullmatch(r"\s+(?:in|at|on|during|after)\s+[^.,;:!?\"“”«»()]{2,60}?\s*", between)
    ):
        return None  # (a claim's quotation right after its verb: not 'insisted on referring to
        # her as “little lady”')
    return re.search(r"$", head)
