"""Frames that follow the clause they report and end its sentence: '..., the group said.',
'..., said X, the ...', '..., X said on Thursday.', '..., just as X reiterated on Monday.', and
'This was stated by X.' (the sentence before is X's).

:mod:`toolkit.quote_reported` reads the frames before a clause and puts these in with them.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "The talks went well, said Dmitry Peskov."
    >>> m = lexicon()["verb"].search(text)
    >>> a, b, (p, q), verb = inverted_report(text, 0, len(text), m, "say", lexicon())
    >>> text[a:b], text[p:q]
    ('The talks went well', 'Dmitry Peskov')
"""

from __future__ import annotations

import re

from toolkit.quote_heads import CLAUSE_VERB, lemma_of
from toolkit.quote_inverted import ASIDE, inverted
from toolkit.quote_sources import DAY as _DAY
from toolkit.quote_sources import is_speaker
from toolkit.quote_subjects import clause_subject
from toolkit.quote_verb_forms import REQUESTS
from toolkit.speakers import KNOWING, QUANTIFIERS, is_person

__all__ = ["ADJUNCT", "as_by", "clause_before", "final_frame", "inverted_report",
           "named_subject", "passive_report"]  # fmt: skip

ADJUNCT = (
    r"(?:in|on|at|during|after|before|while|with|to|from|for|via|late|earlier|later|"
    rf"last|this|yesterday|today|tomorrow|amid|ahead\s+of|following|\w+ly|{_DAY})\b"
)
# (a headline's "amid" and "ahead of": "..., former Aussie PM says amid Huawei row")
# a clause, then a short subject no list names that ends the sentence as its frame: "...,
# the group said.", "..., his lawyer said.", "..., aides said."
_FINAL_FRAME = re.compile(
    r"^(.{12,}?),\s+((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his|[Oo]ne)"
    r"(?:\s+[a-z][\w’'\-]*){1,3}|[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}s(?:\s+(?:here|there))?"
    # (a plural role and where or what they are of: "officials from both countries", "experts
    # from both sides", "diplomats at the UN", "advisers to the president", "officials close
    # to the Kremlin")
    r"|(?P<role>(?:[a-z][\w\-]*s\s+and\s+)?[a-z][\w\-]*s)\s+(?:from|of|in|at|with|to|close\s+to)\s+(?:[\w’'\-]+\s+){0,2}[\w’'\-]+"
    # (an unnamed source and what it knows: "a source close to him", "a person familiar with
    # the talks", "people with knowledge of the plan"; one role and where it works: "a
    # receptionist at the resort")
    r"|(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Oo]ther)\s+)?(?:[a-z][\w\-]*\s+)?"
    rf"(?P<source>[a-z][\w\-]*)\s+{KNOWING}\s+(?:[\w’'\-.]+\s+){{0,4}}[\w’'\-.]+"
    r"|(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*\s+)?(?P<one>[a-z][\w\-]*)\s+(?:at|from|in|of|for|with)\s+"
    r"(?:[\w’'\-.]+\s+){0,3}[\w’'\-.]+)\s*$"
)
# a clause, a comma and up to three lower-case words that are no clause's ("coast police boss"),
# or a determiner and up to three words ("the independent Cairene daily Al-Masry Al-Youm")
_DESCRIBED = re.compile(
    r"^(.{12,}?),\s+(?!(?:and|but|or|so|as|when|while|then|also|yet|if|though|although|since|"
    r"after|before|where|which|who|that|even|still|because|until|once|now|here|there)\s)"
    r"(?:(?:the|a|an|his|her|its|their)\s+(?:[\w\-]+\s+){1,3}|(?:[a-z][a-z\-]*\s+){1,3})$"
)
# verbs that end a sentence as its frame with no object ("..., the group said.")
_FINAL_VERBS = {
    "say",
    "add",
    "report",
    "write",
    "note",
    "explain",
    "confirm",
    "estimate",
    "recall",
    "announce",
    "warn",
    "claim",
    "insist",
    "argue",
    "acknowledge",
}
# function words and pronouns that are in no short subject of a final frame
_NOT_SUBJECT_WORDS = {"as", "which", "where", "when", "who", "what", "that", "was", "were", "has",
                      "had", "have", "is", "are", "of", "to", "in", "on", "at", "for", "by",
                      "with", "according", "it", "its", "they", "we", "you", "he", "she",
                      "themselves", "itself", "well", "also", "not", "there", "here", "many",
                      "some", "all", "both", "other", "others", "and", "or", "but"}  # fmt: skip
# a phrase that opens a sentence and is no clause: "In line with its CSTO obligations"
_INTRODUCTORY = re.compile(
    r"\s*(?:In|On|At|With|After|Before|During|For|Under|Despite|Following)\b(?:\s+\S+){0,7}$"
)
# a clause that opens with a subordinator is no report's content ("After X expressed concern
# ..., Y explained in detail about ...")
_SUBORDINATE = re.compile(
    r"\s*(?:After|Before|When|While|As|Although|Though|If|Because|Since|Once|Until|Unless)\b"
)
# "This was emphasized by President X (during his speech ...)": the sentence before is X's
_PASSIVE = re.compile(
    r"\s*(?:This|That|It|These words)\s+(?:was|were|has been|had been)\s+(?:\w+ly\s+)?"
    r"(\w+(?:\s+out)?)\s+by(?:\s+|(?=[A-Z]))(.+?)(?:,(?:\s+[a-z]+ing\b.*)?|\s+(?:during|in|at|"
    r"on(?!(?:\s+[a-z]+){1,3}\s+[A-Z]\w+\s+[A-Z])|while|after|when)\b.*)?\.?$"
)  # "on economic issues Oleg Ustenko": a title's part, before a name; ", speaking at ..." and
# a scraper's lost space ("announced byHead of the President's Office Andriy Yermak") after it
# a clause, then "as" and the words before a speaker that ends the sentence: "..., just as the
# Chinese top leader Xi Jinping reiterated on Monday."
_AS_TAIL = re.compile(
    r"^(.{12,}?),\s+(?:just\s+|exactly\s+)?as\s+(?:(?:the|his|her|its|their)\s+)?"
    r"(?:[\w’'\-]+\s+){0,4}?$"
)


# "As pointed out by X(, an appositive), ...", "As reported in the Chinese media, ...", "As
# noted in the Hong Kong Bar Association's Oct 28 statement, “...”": what follows is X's
_AS_BY = re.compile(
    r"\s*As\s+(?:was\s+)?(\w+(?:\s+out)?)\s+(?:by|in)\s+([^,\"“”]{3,80}?)(?:,\s+[^,\"“”]{3,80})?,"
    r"\s+"
)


def as_by(sentence: str, lex: dict) -> tuple[int, int, int, str] | None:
    """'As noted by X, ...' opening ``sentence``: X's span, where what X said starts and the
    verb's lemma; None where the sentence does not open so."""
    by = _AS_BY.match(sentence)
    if by and lex["verb"].fullmatch(by.group(1)) and is_speaker(by.group(2), lex):
        return by.start(2), by.end(2), by.end(), lemma_of(by.group(1), lex)
    return None


def inverted_report(text: str, s0: int, s1: int, v: re.Match, lemma: str, lex: dict):
    """'..., said Natalia Eismont, spokeswoman of the Belarusian leader.': the clause before the
    verb, and the speaker after it, who ends the sentence or takes an appositive."""
    head = re.match(r"^(.{12,}?),\s*$", text[s0 : s0 + v.start()])
    if head is None or lemma in ("tell", "read", "call", "accuse"):  # "..., called AbiliTec
        return None  # Digital, as", "..., accuses Russia": the verb's object
    who = inverted(text, s0 + v.end(), s1, lex)
    rest = text[who[1] : s1] if who else ""
    if who and (
        not rest.strip(" .")
        or re.fullmatch(rf"{ASIDE}[.!?]?\s*", rest)  # "(a view echoed by ...)."
        or re.match(r",\s+(?:the |a |an |who |our |his |her |its |their |\d|\w+ of |[a-z])", rest)
        # (or a name's possessive: "..., said Angie Drobnic Holan, Politifact's editor.")
        or re.match(r",\s+[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3}['’]s\s+[a-z]", rest)
        # an adjunct that ends the sentence: "..., said Xi Jinping on Monday."
        or (
            re.match(rf"\s+{ADJUNCT}", rest)
            # (a long one with no verb: "during a conversation with ... after talks with ...";
            # not "said a government official recently visited and politely quizzed him ...")
            and len(rest.split()) <= (24 if not CLAUSE_VERB.search(rest) else 12)
            and re.fullmatch(r"[^,;:\"“”«»]*[.!?]?\s*", rest)
        )
    ):
        return s0 + head.start(1), s0 + head.end(1), who, lemma
    return None


def named_subject(head: str, lex: dict) -> bool:
    """Whether the words before a verb are a person's name and its parentheticals only, the
    verb's subject ("Antonio Tabet, 39, one of the five partners who ..., said")."""
    subject = clause_subject(head, lex)
    return bool(subject and is_person(head[subject[0] : subject[1]], lex))


def final_frame(sentence: str, v: re.Match, lex: dict) -> tuple[int, int, int, int] | None:
    """'[a clause], the group said.': a short subject no list names (a determiner or possessive
    and up to three words, or a plural of up to three) between a comma and a reporting verb
    that ends the sentence, an adjunct allowed after it ("..., his lawyer said on Monday."): the
    clause's span and the subject's."""
    m = _FINAL_FRAME.match(sentence[: v.start()])
    rest = sentence[v.end() :]
    # (a short quoted phrase inside the clause is a mixed quotation, no quotation of its own:
    # 'Clark’s comments further “the anti-Muslim mob mentality”, the groups say.')
    mixed = m and re.sub(r"(?<=\s)“[^\"“”«»]{1,60}”", "", m.group(1))
    if m is None or _INTRODUCTORY.match(m.group(1)) or re.search(r"[\"“”«»]", mixed):
        return None
    lemma = lemma_of(v.group(), lex)
    # (or a finding's verb after a finding's head: "..., the poll found.")
    finding = lemma in lex["findings"] and m.group(2).split()[-1].lower() in lex["finding_heads"]
    if lemma not in _FINAL_VERBS and not finding:
        return None  # "Even during the pandemic, our economic ties continued."
    # (two roles joined: "politicians and experts from both sides")
    roles = m.group("role").split(" and ") if m.group("role") else []
    roles = [m.group("source") or m.group("one")] if m.group("source") or m.group("one") else roles
    if any(role.strip() not in lex["role_words"] | {"people"} for role in roles):
        return None  # ("..., sales in China rose": no role before the phrase)
    # (the phrase after a role's preposition is no clause's: "from both countries")
    words = [r.strip() for r in roles] if roles else m.group(2).lower().split()
    # (where they are: "diplomats here", "an official there")
    words = words[:-1] if len(words) > 1 and words[-1] in ("here", "there") else words
    noun = v.group().endswith("s") and lemma_of(v.group(), lex) in lex["noun_forms"]
    # (a quantifier before a plural is no subject alone: "..., some shareholders say", not
    # "..., some say")
    counted = words[1:] if len(words) > 1 and words[0] in QUANTIFIERS else words
    if noun or set(counted) & _NOT_SUBJECT_WORDS or words[-1].endswith(("ing", "ss", "us", "is")):
        return None  # "..., as it is called", "..., according to news reports"
    adjunct = re.match(rf"\s+{ADJUNCT}", rest) and len(rest.split()) <= 8
    # (also a participle after it: "..., the presidency said on Thursday, urging people to ...")
    # (or a phrase of what went with it: "..., the new poll indicates, with each receiving ...")
    participle = re.match(
        rf"(?:\s+{ADJUNCT}[^,]{{0,40}})?,\s+(?:[a-z]+ing|with|after|amid|as|while|following|"
        # (or the reported clause going on, no subject of its own: "..., the airline added,
        # and had passed ...", not "..., the station said, and the army moved in")
        r"ahead\s+of|(?:and|but)\s+(?:had|has|have|was|were|is|are|would|will|could|[a-z]+ed))\s",
        rest,
    )
    # (or a semicolon that ends the clause: "..., political analysts say; in 2012, ...")
    if not (re.match(r"[\s.]*$|\s*;\s", rest) or (adjunct and rest.strip().endswith("."))
            or participle):  # fmt: skip
        return None
    return m.start(1), m.end(1), m.start(2), m.end(2)


# whom a frame's "told" names: a body or a person by name, then how or where ("told the
# International Service for Human Rights in an email")
_TOLD_BODY = re.compile(r"\s+(?:the\s+)?[A-Z][^,;:]*\s(?:in|on|at|by|during)\s[^,;:]*$")


def passive_report(text: str, s0: int, s1: int, previous: tuple[int, int] | None, lex: dict):
    """'This was emphasized by President X.': the sentence before, said by X."""
    m = _PASSIVE.match(text[s0:s1])
    if m is None or previous is None or not lex["verb"].fullmatch(m.group(1)):
        return None
    start = m.start(2)
    if not is_speaker(m.group(2), lex):
        # a title with lower-case words before the name ("Adviser to the President of Ukraine
        # on economic issues Oleg Ustenko"): the name that ends it
        tail = re.search(r"(?<=[a-z] )[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+$", m.group(2))
        if tail is None or not is_person(tail.group(), lex):
            return None
        start += tail.start()
    return (previous[0], previous[1], (s0 + start, s0 + m.end(2)), lemma_of(m.group(1), lex))


def clause_before(
    text: str, sentence: str, s0: int, speaker: tuple[int, int], rest: str, lemma: str
) -> tuple[int, int] | None:
    """The clause before a speaker whose frame ends the sentence (``rest``: what follows the
    verb): '..., just as the Chinese top leader Xi Jinping reiterated on Monday.', '..., X said
    on Thursday.', '..., coast police boss Aggrey Adoli said.'; its span in the text."""
    head = sentence[: speaker[0] - s0]
    as_tail = _AS_TAIL.match(head)
    if (
        as_tail
        and (re.match(r"[\s.]*$", rest) or (re.match(rf"\s+{ADJUNCT}", rest)
                                           and len(rest.split()) <= 15))
        and "that" not in rest.split()
        and not re.search(r"[\"“”«»,]", rest)
        and not (lemma in ("claim", "allege") and re.search(r"\bnot\b|n['’]t\b",
                                                            as_tail.group(1)))
        and lemma not in REQUESTS
    ):  # fmt: skip
        # (not a clause that denies what the speaker says: "This invasion is not just a
        # military operation, as Moscow claims."; nor a deed as one asked for it: "..., but
        # stopped short of calling for the program to be shut down, as its critics have urged.")
        return _stripped(s0, as_tail)
    tail = re.match(r"^(.{12,}?),\s*$", head)
    if tail is None and text[speaker[0]].isalpha():
        # "..., coast police boss Aggrey Adoli said.", "..., top black lawmakers said Friday.":
        # lower-case words that describe a name or a role
        tail = _DESCRIBED.match(head)
    if tail and (_INTRODUCTORY.match(tail.group(1))
                 or (_SUBORDINATE.match(tail.group(1)) and "," not in tail.group(1)
                     and not re.match(r"\s*As\s+(?:many|much|a\s+result|well|such)\b",
                                      tail.group(1)))):  # fmt: skip
        tail = None  # "In line with its obligations, Tajikistan responded to ...": no clause
        # (nor a subordinate clause alone: "After Mr. Cameron met ..., China responded with";
        # but a clause may open with "As many as": "As many as 20 people were rounded up ...,
        # the group said.")
    # a relative clause on the adjunct's noun tells where, no more ("said at the briefing,
    # which was also attended by the UN envoy.")
    rest = re.sub(rf"^(\s+{ADJUNCT}[^,]*),\s+(?:which|where|when)\s[^\"“”«»,;:]*$", r"\1.", rest)
    # (nor a main clause joined after a frame of saying: "..., a spokeswoman said on Saturday,
    # and it has")
    if lemma in ("say", "add", "tell"):
        rest = re.sub(rf"^((?:\s+{ADJUNCT}[^,]*)?),\s+(?:and|but)\s[^\"“”«»]*$", r"\1.", rest)
    n_rest = len(rest.split())
    # (a semicolon ends the frame's clause: "..., political analysts say; in 2012, ..."; a
    # body told by its name, and how: "..., a prosecutor told the International Service for
    # Human Rights in an email.", not "..., Paul ... told his readers to be in ...")
    adjunct = (re.match(r"[\s.]*$|\s*;\s", rest)
               or (lemma == "tell" and (n_rest <= 8 or (n_rest <= 12 and "," not in rest
                                                        and _TOLD_BODY.match(rest))))
               or (re.match(rf"\s+{ADJUNCT}", rest)
                   and (n_rest <= 15 or (n_rest <= 30 and lemma == "say" and "," not in rest
                                         and not _SUBORDINATE.match(head)))))  # fmt: skip
    # (a long adjunct with no comma in it: "said in his keynote speech in Beijing on Sunday
    # at the conference to celebrate the CPPCC's 65th anniversary."; a show's title in it: "on
    # MSNBC’s “Morning Joe.”")
    titled = re.sub(r"(?:(?<=['’]s )|(?<=\bon ))[“\"][A-Z][^“”\"]{0,40}[”\"]", "T", rest)
    if (tail and adjunct and "that" not in rest.split() and not re.search(r"[\"“”«»]", titled)
            and not re.search(r"[,:]\s*$", sentence)):  # fmt: skip
        # a frame that ends in a comma or colon introduces what follows ("On this occasion,
        # the Head of State emphasised,")
        return _stripped(s0, tail)
    return None


def _stripped(s0: int, m: re.Match) -> tuple[int, int]:
    """The span of a match's first group in the text, its leading blanks (a turn label blanked
    out of the sentence) left out."""
    group = m.group(1)
    return s0 + m.start(1) + len(group) - len(group.lstrip()), s0 + m.end(1)
