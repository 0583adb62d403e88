"""A reporting verb whose subject is another verb's: the verb it is joined to by "and" or "but"
('Then President Obama paused and recalled that ...', 'Ms. Rousseff, a former guerrilla who
..., praised the demonstrators ... and said that ...'), or the clause a participle after a comma
hangs on ('Masete Levy, president of ..., echoed that sentiment, saying that ...'); a
participle's own subject: the one that issued a document it reports on ("The European Union
issued a statement saying"), the subject after an opening participle clause ("Claiming July 1
is the time to ..., Chan also urged"), the subject in commas before it ("The government,
arguing that ..., moved") or after "with" ("with demonstrators contending that").

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

from toolkit.quote_finite import IRREGULAR_PAST, finite_clause
from toolkit.quote_heads import (
    TIME_AT_END,
    lemma_of,
    without_adverbs,
    without_appositive,
    without_time,
)
from toolkit.quote_objects import after_preposition, object_words
from toolkit.quote_sources import is_speaker
from toolkit.quote_subjects import clause_subject, noun_phrase
from toolkit.quote_verb_forms import STATES_BEFORE
from toolkit.speaker_titles import names_person
from toolkit.speakers import (
    DETERMINERS,
    QUANTIFIERS,
    UPPER,
    is_organisation,
    speaker_phrase,
    word_spans,
)

__all__ = [
    "VERB_LIKE",
    "aside_participle_subject",
    "coordinated_subject",
    "first_clause_subject",
    "issuer",
    "joined_frame",
    "opening_participle",
    "participle_frame",
    "participle_subject",
]

# a word that reads as the verb right after a subject: "Mr. Garcia expressed concern ..."
VERB_LIKE = re.compile(
    rf"^(?:[a-z]+(?:ed|es)|has|had|will|would|told|said|paused|{IRREGULAR_PAST})$"
)  # ("Carly Fiorina threw her support behind Ted Cruz, saying")


# a reporting participle that opens the sentence, its clause, then the subject and its verb
_OPENING_PARTICIPLE = re.compile(
    r"\s*(?:(?:After|Before|While|When|Since|By)\s+)?([A-Za-z][a-z]+ing)\s+(?:that\s+)?"
    r"([^,;:]{8,}?)(?:,[\"”]|[\"”]?,)\s+"
    rf"((?:[{UPPER}][\w’'\-.]*\s+){{0,3}}[{UPPER}][\w’'\-]*|he|she|they)\s+(?:also\s+|\w+ly\s+)?"
    r"(?:[a-z]+(?:ed|s)|was|were|is|are|has|had|will|would)\b"
)  # (after a subordinator: "After saying her right foot was “so swollen ...,” she was")
_BEFORE_VERB = re.compile(r"(?:first|then|later|also|again|finally|[a-z]+ly)$")  # an adverb
# verbs that put out a document ("issued a statement saying"): its issuer speaks
_ISSUE_VERBS = {"issued", "released", "published", "posted", "sent", "issues", "releases",
                "wrote", "writes", "signed", "delivered"}  # fmt: skip
# the words between such a verb and its document ("released a joint statement")
_DOCUMENT_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "joint", "open"}


def coordinated_subject(words: list[tuple[int, int, str]], lex: dict) -> tuple[int, int] | None:
    """The last speaker phrase followed by a word that reads as its verb (not a copula: "Rome
    was not built in a day and ..."): the subject of a clause whose second verb is a reporting
    one ("Then President Obama paused and recalled that ...")."""
    for k in range(len(words) - 1, 0, -1):
        if not VERB_LIKE.match(words[k][2]) or (
            words[k][2] == "states" and STATES_BEFORE.search(f"{words[k - 1][2]} ")
        ):
            continue  # (not the noun: "the Gulf states")
        end = k - bool(k > 1 and _BEFORE_VERB.match(words[k - 1][2]))  # ("She first accused")
        got = speaker_phrase(words[:end], lex)
        if got and got[1] == end and not after_preposition(words, got[0]):
            if got[0] and words[got[0] - 1][2].lower() in ("whose", "who", "that"):
                return None  # "a woman whose family lives ..., and said": a relative clause's
                # subject; "Clinton responded that Congress had delayed aid and said she ...":
                # a reported clause's (not "in which Mr. Yanukovych declared ... and said")
            return got
    return None


def first_clause_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The subject of the clause's first verb, before a reporting verb joined to it by "and" or
    "but", past the appositives, relative clauses and asides between ("One Arab commander,
    sitting near the wall, bitterly recalled ... and said"); a span in ``head``."""
    opened = head.rfind("(") + 1  # a parenthesis still open: its own clause ("Democrats want
    if opened and ")" not in head[opened:]:  # ..., and Republicans ... (they want lower tax
        head = " " * opened + head[opened:]  # rates and suggest that")
    spans = word_spans(head)
    first = next((w for i, w in enumerate(spans) if _first_verb(head, spans, i)), None)
    if first is None or re.search(r"[;:\"“”«»]", head[: first[0]]):
        return None
    if re.search(r",\s+(?:while|whereas)\s", head[first[1] :]):
        return None  # "X signed an order, while Mike Huckabee ... proposed ... and said"
    if re.match(r"\s+by\b", head[first[1] :]):
        return None  # "The war waged by barbarians who ... and believe": a participle, no verb
    # "bitterly recalled", "have called", "on Monday also doubled down"
    before = re.sub(r"(?:\s+(?:[a-z]+ly|also|has|have|had|will|would))+\s*$", " ", head[: first[0]])
    before = without_time(before)  # "Donald Trump on Thursday ratcheted up"
    words = without_adverbs(word_spans(without_appositive(before, lex)))
    got = speaker_phrase(words, lex)
    # a subject pronoun after an opening phrase ("In the alleged email she praised"; not after a
    # verb, "Rubio says he", nor a comma, "Mr. Maduro, even as he has")
    pronoun = (got and got[0] and got[1] - got[0] == 1 and words[got[0]][2] in _SUBJECT_PRONOUNS
               and not lex["verb"].fullmatch(words[got[0] - 1][2])
               and "," not in before[: words[got[0]][0]])  # fmt: skip
    if (
        got
        and got[1] == len(words)
        and not after_preposition(words, got[0])
        and (got[0] == 0 or re.search(r"[,;:]$", words[got[0] - 1][2]) or pronoun)
    ):
        span = words[got[0]][0], words[got[1] - 1][1]
    else:
        span = clause_subject(before, lex)
    subject = head[span[0] : span[1]] if span else ""
    progressive = re.match(r"\s+(?:\w+ly\s+)?([a-z]+ing)\b", head[first[1] :])  # "is comparing"
    progressive = progressive and progressive.group(1) not in _ING_PREPOSITIONS  # (not "during")
    if span and _COPULA.match(first[2]) and not progressive and not (names_person(subject, lex)
                                                 or is_organisation(subject, lex)):  # fmt: skip
        return None  # "Rome was not built in a day and this author ... believes", "It is
        # obvious ... and hope": after a copula, only a person's name ("Mr. Trump was forced
        # into ... and said") or an institution's ("The Moreland Commission was ... and said")
    return span


def _first_verb(head: str, spans: list[tuple[int, int, str]], i: int) -> bool:
    """Whether ``spans[i]`` is a verb that may open the clause :func:`first_clause_subject`
    reads: not a plural in "-es" after its determiner ("Some candidates have called"), nor
    "states" after a region's word ("the Gulf states ... and agreed"), nor a copula or an
    irregular past inside a relative clause ("Protesters, who are allied with ..., blocked",
    "Mr. Obama, whose first campaign was built on ..., praised")."""
    at, _, w = spans[i]
    in_relative = _IN_RELATIVE.search(head, 0, at) is not None
    after_pronoun = i and spans[i - 1][2].lstrip("(") in _SUBJECT_PRONOUNS and w.isalpha()
    if (_FIRST_VERB.match(w) or (after_pronoun and w.islower())) and not in_relative:
        return True  # (or the word after a subject pronoun: "(they want lower tax rates and")
    if (
        re.fullmatch(r"[a-z]{2,}[^s\W]s", w)
        and 0 < i < len(spans) - 1
        and not in_relative
        and spans[i - 1][2][:1].isupper()
        and spans[i + 1][2].lower() in DETERMINERS
    ):
        return True  # a present after a name, before its object ("CITIC runs an oil field ...
        # and says")
    if not VERB_LIKE.match(w):
        return False
    if w.endswith("es") and i and spans[i - 1][2].lower() in DETERMINERS | QUANTIFIERS:
        return False
    if w.endswith("ed") and i and spans[i - 1][2].lower() in DETERMINERS:
        return False  # (nor a past form after an article: "In the alleged email she praised";
        # not after a quantifier: "Many suspected that ... and warned")
    if w == "states" and STATES_BEFORE.search(head[:at]):
        return False
    return w.endswith(("ed", "es")) or not in_relative


_SUBJECT_PRONOUNS = {"he", "she", "they", "we", "I", "He", "She", "They", "We"}
# a first verb no "-ed" shows, before the reporting one joined to it ("Mr. Trump was forced into
# ... and said", "Sullivan put off deciding ... but said", "became a delegate and said")
_FIRST_VERB = re.compile(
    r"^(?:was|were|is|are|became|put|got|won|lost|kept|ran|led|wrote|found|did|does)$"
)  # ("Clinton did not mention Trump by name, but told")
_COPULA = re.compile(r"^(?:was|were|is|are)$")
_IN_RELATIVE = re.compile(r"\b(?:who|whose|which|that)\b[^,]*$")
_SUBORDINATORS = {"when", "after", "as", "because", "while", "before", "since", "once", "until"}
_AUXILIARY = re.compile(r"has|have|had|will|would|may|might|also")
_BE = re.compile(r"is|are|was|were")
# words in "-ing" that are no verb: "It was during this visit that ..."
_ING_PREPOSITIONS = {"during", "according", "including", "regarding", "concerning",
                     "following", "notwithstanding", "nothing", "something", "anything",
                     "everything"}  # fmt: skip
_ARTICLE_ADJECTIVES = re.compile(
    r"(?:A|An|The)(?:\s+(?!(?:de|van|von|al|da|di|du|le|la)\b)[a-z][\w\-]*){1,2}"
)


def participle_subject(head: str, lex: dict):
    """The subject of the clause a participle after a comma hangs on ("As he walked ..., Masete
    Levy, president of ..., echoed that sentiment, saying that ..."): the speaker phrase right
    before the clause's verb, at the start or after a comma: the words before that verb, and
    the subject's span among them; also after "by" ("Vladimir Putin began the conversation by
    noting that ..."); where no such verb has one, a progressive's ("Donald Trump is defending
    his tweets, saying ..."), else the first clause's subject (:func:`_first_subject`)."""
    # (a dash before the participle as its comma: "Marco Rubio flipped his choice – saying")
    head = re.sub(r"\s[—–]\s*$", lambda m: "," + " " * (len(m.group()) - 1), head)
    if not re.search(r"(?:,|\bby)\s*$", head):
        return None
    words = word_spans(head)
    return (
        _inverted_subject(head, lex)
        or _subject_before(head, words, lex, progressive=False)
        or _subject_before(head, words, lex, progressive=True)
        or _first_subject(head, lex)
    )


def _inverted_subject(head: str, lex: dict):
    """:func:`participle_subject` where ``head`` is an inverted frame after a quotation, its
    speaker right before the participle ('“We are ready,” said Dmitry Peskov, adding that
    “...”'): the frame's words and its speaker's span among them; None otherwise."""
    words = word_spans(re.sub(r",\s*$", "", head))
    if len(words) < 2 or not lex["verb"].fullmatch(words[0][2].strip('"”’,')):
        return None
    got = speaker_phrase(words[1:], lex)
    return (words, (1, len(words))) if got == (0, len(words) - 1) else None


# what tells that a participle may hang on another clause than the first: "by" before it, a
# dash, a semicolon, a contrast, a quotation, ", with"
_OTHER_CLAUSE = re.compile(
    r"\bby\s*$|\s[—–]\s|;|\b(?:while|whereas|though|although)\b|[\"“”]|,\s+with\s"
)
# an opening subordinate clause or phrase, up to its comma: the main clause follows it
_OPENING = re.compile(
    rf"^\W*(?:{'|'.join(sorted(w.capitalize() for w in _SUBORDINATORS | {'if'}))})\s[^,]*,"
)


def _first_subject(head: str, lex: dict):
    """:func:`participle_subject` where the last verb has no speaker for its subject: the first
    clause's subject, one who may speak ("Mrs. Warren praised Mrs. Clinton's advocacy for
    families, saying", "Corey Lewandowski rejected the idea that the developer would be a
    drag, saying"; not "The crowd gathered ..., chanting"), after an opening phrase or
    subordinate clause ("Since entering Parliament two years ago, she has been reluctant ...,
    saying"); not after a report of its own ("X said that ..., suggesting", '... “...,”
    adding') nor where :data:`_OTHER_CLAUSE` tells of another clause the participle may hang
    on."""
    if _OTHER_CLAUSE.search(head) or any(
        re.match(r"\s+that\s", head[v.end() :]) for v in lex["verb"].finditer(head)
    ):
        return None
    opening = _OPENING.match(head)  # ("As the police handcuffed them ..., a crowd pressed in")
    span = first_clause_subject(
        " " * opening.end() + head[opening.end() :] if opening else head, lex
    )
    if span is None:
        return None
    who = head[span[0] : span[1]]
    words = word_spans(head[: span[1]])
    inside = [i for i, (a, _, _) in enumerate(words) if span[0] <= a]
    if inside and (is_speaker(who, lex) or names_person(who, lex)):
        return words, (inside[0], len(words))
    return None


def _subject_before(head: str, words: list, lex: dict, *, progressive: bool):
    """:func:`participle_subject` at the last verb of ``words`` (a past form or an auxiliary's,
    else with ``progressive`` the last "-ing" form after "is", "are", "was" or "were")."""
    for k in range(len(words) - 1, 0, -1):
        copula = False
        if progressive:
            found = (words[k][2].endswith("ing") and _BE.fullmatch(words[k - 1][2])
                     and words[k][2] not in _ING_PREPOSITIONS)  # fmt: skip
        else:
            # (a past form after a determiner is an adjective: "the proposed border wall")
            # (a reporting verb's with its comma too: "Dmitry Peskov said, adding that")
            w = words[k][2]
            verb = VERB_LIKE.match(w) or (w.endswith(",") and lex["verb"].fullmatch(w[:-1])
                                          and VERB_LIKE.match(w[:-1]))  # fmt: skip
            # (or a copula, not a passive's: "Clinton is more conservative, saying she favors
            # ...", not "her initial statement was shown to be false, stating")
            copula = not verb and (
                w in ("is", "was", "are", "were")
                and k + 1 < len(words)
                and not re.fullmatch(rf"[a-z]+(?:ed|en|wn)|{IRREGULAR_PAST}", words[k + 1][2])
            )
            found = (verb or copula) and words[k - 1][2].lower() not in DETERMINERS
        if found:
            # the verb's auxiliary is no part of the subject ("Moro has responded by saying that")
            auxiliary = progressive or _AUXILIARY.fullmatch(words[k - 1][2])
            at = words[k - 1][0] if auxiliary else words[k][0]
            subject = without_adverbs(word_spans(without_appositive(head[:at], lex)))
            got = speaker_phrase(subject, lex)
            if copula and got and subject[got[0]][2].lower() in ("it", "there", "this", "that"):
                got = None  # (no one's copula: "It was during this visit that the couple left,
                # complaining")
            opening = head[: subject[got[0] - 1][1]].strip() if got and got[0] else ""
            if got and (
                got[0] == 0
                # (or a quotation's comma: '“We are ready,” Dmitry Peskov said, adding that')
                or re.search(r"[,;:][\"”’]?$", subject[got[0] - 1][2])
                # the subject of a clause a subordinator opens ("... stalled when a state
                # judge quashed subpoenas, saying he had found ...")
                or subject[got[0] - 1][2] in _SUBORDINATORS
                # a main clause "and" or "but" opens after a comma ("..., and Mr. Nasheed
                # resigned in 2012, describing ...")
                or (
                    subject[got[0] - 1][2] in ("and", "but")
                    and got[0] >= 2
                    and subject[got[0] - 2][2].endswith(",")
                )
                # an article and an adjective or two before a name: "A tearful Tong"
                or _ARTICLE_ADJECTIVES.fullmatch(opening)
                # "Even Audrey Eu ... questioned ..., saying: ...", "And then Trump went ..."
                or opening in ("Even", "And", "But", "Then", "And then", "But then", "So")
            ):
                return subject, got
            if not copula:  # (a copula with no speaker before it may be a report's: "said it
                return None  # was a “momentous day” for Afghanistan, adding")
    return None


# the verbs that tell someone before the quotation ("... but told his supporters, “...”",
# "..., telling reporters in Nevada, “...”"), as lemmas
_TELLS_WHOM = {"tell", "assure", "warn", "remind"}


def joined_frame(head: str, lex: dict) -> tuple[int, int, str] | None:
    """A reporting verb joined by "and" or "but" to a clause's first verb, right before a quotation
    ('Trump called on her to resign and said, "...'): the span of that clause's subject in
    ``head`` (:func:`first_clause_subject`) and the verb's lemma."""
    m = re.search(
        r"\s(?:and|but)\s+(?:(?:then|also|[a-z]+ly)\s+)?([a-z]+)(?:\s+(?:[\w’'.\-]+\s+){0,4}?"
        r"[\w’'.\-]+)?\s*[,:]?\s*$",  # (an adverb before the verb: "and repeatedly said,")
        head,
    )
    if m is None or not lex["verb"].fullmatch(m.group(1)) or m.group(1).endswith("ing"):
        return None
    between = head[m.end(1) : m.end()].strip(" ,:")
    lemma = lemma_of(m.group(1), lex)
    if not re.search(r"[,:]\s*$", head) and not (between and lemma in lex["quote_objects"]):
        return None  # no comma or colon: only a quoted object's verb ("and called the political
        # system “rotten to the core.”")
    if (
        between
        and lemma not in _TELLS_WHOM | lex["quote_objects"]
        and not re.match(r"(?:at|to)\s", between)
    ):
        return None  # an object only after a verb of telling: "but told his supporters, “...”"
        # (or whom, after "at" or "to": "and yelled at Ms. Weintraub: “...”")
    before = re.search(r"(\w+)\s*,\s*$", head[: m.start()])
    if before and lex["verb"].fullmatch(before.group(1)):
        return None  # "..., a senior official said, but added, “...”": that frame's speaker
    # the clause after the last comma first: "when my mother mentioned ..., I laughed and
    # said" is the main clause's ("I"), not the subordinate clause's subject
    last = head.rfind(",", 0, m.start(1)) + 1
    got = (last and _shifted(first_clause_subject(head[last : m.start(1)], lex), last)) or (
        first_clause_subject(head[: m.start(1)], lex)
    )
    return (*got, lemma_of(m.group(1), lex)) if got else None


def _shifted(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return (span[0] + by, span[1] + by) if span else None


def participle_frame(head: str, lex: dict) -> tuple[int, int, str] | None:
    """A reporting participle after a comma right before a quotation, on a clause whose verb
    reports nothing ('Mr. Surkov posted a statement on his Facebook page, saying, "...'): the
    span of that clause's subject in ``head`` and the participle's lemma."""
    m = re.search(
        r",[\"”’]?\s*(?:[a-z]+ly\s+)?([a-z]+ing)(\s+[^,.;:!?\"“”«»()]{1,100}?)?\s*[,:]?\s*$", head
    )  # (a comma inside a quotation's close: '"Occupy Central," saying: "'; "bluntly asserting")
    # (also a question asked before its quotation, "asking" being no form of the lexicon's)
    lemma = m and ("ask" if m.group(1) == "asking" else lex["forms"].get(m.group(1)))
    if not lemma:
        return None
    if (
        m.group(2)
        and m.group(2).strip() != "that"
        # (whom one tells, in a few words: "..., telling reporters in Nevada, “...”")
        and not (lemma in _TELLS_WHOM and len(m.group(2).split()) <= 5
                 and not re.search(r"\bthat\b", m.group(2)))  # (not "warning that they ...")
        and (lemma not in lex["quote_objects"]  # ('adding that “...”')
             or len(m.group(2).split()) > object_words(m.group(2), lemma, lex))
    ):  # fmt: skip
        return None  # an object before the quotation only of a verb that takes a quoted one:
        # "..., calling it “...”", "..., describing the plan as “...”"
    got = participle_subject(head[: m.start() + 1], lex)
    if got is None:
        return None
    words, (a, b) = got
    return words[a][0], words[b - 1][1], lemma


def issuer(words: list, got: tuple[int, int] | None, lex: dict):
    """For a document a participle reports on ("issued a statement late Monday saying", "wrote
    a letter to Cablevision insisting"), the subject that put it out: "The European Union issued
    a statement saying ..." is the EU's report. ``got`` as it was where there is none."""
    for d in range(len(words) - 1, max(0, len(words) - 6), -1):
        if words[d][2].lower() not in lex["documents"]:
            continue
        issued = next((i for i in range(d - 1, max(-1, d - 3), -1)
                       if words[i][2].lower() in _ISSUE_VERBS), None)  # fmt: skip
        between = [w for _, _, w in words[issued + 1 : d]] if issued is not None else ["?"]
        after = TIME_AT_END.sub("", " " + " ".join(w for _, _, w in words[d + 1 :])).split()
        after = after[1:] if after[:1] in (["late"], ["early"]) else after  # ("late Monday")
        if (all(w.lower() in _DOCUMENT_DETERMINERS for w in between)
                and (not after or (after[0] == "to" and all(w[:1].isupper() for w in after[1:])
                                   and len(after) <= 4))):  # fmt: skip
            return speaker_phrase(words[:issued], lex) or got
        break
    return got


def opening_participle(sentence: str, s0: int, lex: dict) -> list:
    """A reporting participle that opens the sentence with a clause, the subject after it
    ("Claiming July 1 is the time to “start a revolution”, Chan also urged ..."): the clause
    is the subject's report; not an object ("Noting the symbolic significance of ...,")."""
    m = _OPENING_PARTICIPLE.match(sentence)
    if m is None or not lex["verb"].fullmatch(m.group(1)):
        return []
    lemma = lemma_of(m.group(1), lex)
    that = sentence[m.end(1) :].lstrip().startswith("that")
    if not that and not (lemma in lex["bare_clause"] | {"say"} and finite_clause(" " + m[2])):
        return []
    words = word_spans(sentence[: m.end(3)])
    got = speaker_phrase(words, lex)
    if not got or words[got[0]][0] != m.start(3):
        return []
    return [(s0 + m.start(2), s0 + m.end(2), (s0 + m.start(3), s0 + m.end(3)), lemma)]


def aside_participle_subject(head: str, rest: str, lex: dict) -> tuple[int, int] | None:
    """The subject of a reporting participle in commas right after it ("The government,
    arguing that another term was legal, moved ...") or after "with" ("with demonstrators
    contending that ..."): its span in ``head`` (the sentence up to the participle); in commas
    the sentence's own verb follows the participle's clause (``rest``, after the participle)."""
    aside = re.fullmatch(r"(.*\S),\s*", head, re.S)
    if aside and re.search(r",\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)?\b", rest):
        subject = clause_subject(aside.group(1) + " ", lex)
        words = head[subject[0] : subject[1]].split() if subject else []
        if subject and subject[1] == len(aside.group(1)) and not any(map(VERB_LIKE.match, words)):
            return subject  # (not "The statement covered expected ground, saying")
    with_ = re.search(r",\s+with\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)\s*$", head)
    if with_ and noun_phrase(with_.group(1), lex):
        return with_.span(1)
    return None
