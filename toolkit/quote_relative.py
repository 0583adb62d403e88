"""The speaker a relative clause of speech hangs on: '... troubles American officials, who say
the persecution is ...', 'with help from Labor Secretary Thomas Perez, who said he expects
...'; a subject with a relative clause that says who ('A woman who lives near the square
said', :func:`who_subject`); and the subjects of a verb the phrase reader takes only in part: a
group's head and what says which of it (:func:`modified_subject`), a list of speakers
(:func:`listed_subject`).
:mod:`toolkit.quote_reported` reads the clause the verb reports.

Example:
    >>> from toolkit.speakers import lexicon
    >>> head = "It was negotiated with help from Labor Secretary Thomas Perez, who "
    >>> s, e = relative_subject(head, lexicon())
    >>> head[s:e]
    'Labor Secretary Thomas Perez'
"""

from __future__ import annotations

import re

from toolkit.quote_coordinated import VERB_LIKE
from toolkit.quote_objects import after_preposition
from toolkit.quote_subjects import (
    AUXILIARIES,
    AUXILIARY,
    SENTENCE_ADVERBS,
    SUBORDINATE,
    noun_phrase,
)
from toolkit.speaker_titles import names_person
from toolkit.speakers import GROUP_HEADS, UPPER, is_group, speaker_phrase, word_spans

__all__ = ["listed_subject", "modified_subject", "relative_subject", "who_subject"]

# a name at the end of a phrase, and the place it is of after it: "by Sen. Dianne Feinstein of
# California"
_NAME_AT_END = re.compile(
    rf"((?:[{UPPER}][\w’'\-.]*\s+){{1,4}}[{UPPER}][\w’'\-]*)"
    rf"(?:\s+of\s+[{UPPER}][\w’'\-]*(?:\s+[{UPPER}][\w’'\-]*)?)?\s*$"
)


# the prepositions a person who speaks may follow
_BEFORE_PERSON = frozenset({"for", "from", "by", "with", "to", "like", "against"})


def relative_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The speaker phrase right before ", who" at the end of ``head`` (offsets into it); None
    where none is, or where it is part of something larger ("elements of his own party, who
    say")."""
    m = re.search(r",\s+who(?:\s+(?:\w+ly\s+|also\s+|have\s+|had\s+|has\s+)?|['’]s\s+)$", head)
    if m is None:
        return None
    before = head[: m.start()]
    chunks = before.split(",")
    if len(chunks) >= 2 and re.match(r"\s*(?:a|an|the)\s", chunks[-1]):
        # "Dov Hanin, a lawmaker from the left-wing Hadash Party, who suggested": the name (at
        # the end of its clause: "supported by Sen. Dianne Feinstein of California, the ranking
        # Democrat ..., who said")
        end = len(before) - len(chunks[-1]) - 1
        named = _NAME_AT_END.search(before, 0, end)
        lead = before[: named.start(1)].split() if named else []
        if (
            named
            and names_person(named.group(1), lex)
            and (
                not lead
                or lead[-1].lower() in _BEFORE_PERSON
                or before[: named.start(1)][-1:] == ","
            )
        ):  # (not "a professor at Fundação Getúlio Vargas, a top university, who noted")
            return named.span(1)
    words = word_spans(before)
    got = speaker_phrase(words, lex)
    if not got:
        return None
    first = got[1] - 1  # the names and role words that end it: "American officials"
    while first > got[0] and (words[first - 1][2][:1].isupper()
                              or words[first - 1][2].lower() in lex["role_words"]):  # fmt: skip
        first -= 1
    if first > got[0] and not VERB_LIKE.match(words[first - 1][2]):
        first = got[0]  # only after a verb ("troubles American officials") is it cut short
    span = words[first][0], words[got[1] - 1][1]
    if after_preposition(words, first) and (
        words[first - 1][2].lower() not in _BEFORE_PERSON
        or not (names_person(phrase := before[span[0] : span[1]], lex) or is_group(phrase, lex))
    ):  # (or a group: "drew fire from lawmakers, who said")
        return None  # "elements of his own party, who say": the group is more than the party
        # (a person after another preposition is the one who says: "the loss was steep for
        # Mr. Sanders, who said"; not a place: "Democrats on Capitol Hill, who")
    return span


# a subject whose head a relative clause or a participle follows, right before the verb, at the
# clause's start: "people who have battled other online threats say", "Democrats trying to
# regain control of the Senate say", "The state officials whose laws have been invalidated say"
_MODIFIED = re.compile(
    r"(?:^(?:And|But|Still|Rather|Yet)\s+|^|,\s+|\s(?:and|but)\s+)"
    r"((?:[Tt]he\s+|[Aa]n?\s+)?(?:[\w\-]+\s+){0,3}?(?P<head>[A-Za-z][\w\-]*)"
    r"\s+(?P<rel>who|that|whose|[a-z]{3,}ing)\s+(?P<clause>[^,;:\"“”()]{3,100}?))"
    rf"(?:\s+(?:{AUXILIARY}|did|do|does))?\s*$"
)  # (the verb's own auxiliary after it: "House Republicans supporting the bill have said")
# a past form after a noun in the clause: the main clause's verb ("Others who have advocated a
# more muscular approach expressed similar doubts that"), not one after its helper
_SECOND_VERB = re.compile(rf"\s(?!(?:{AUXILIARY}|been|being|not|also)\s)[a-z]+\s+[a-z]{{3,}}ed\b")
# what no relative clause ends with: a word that opens or joins more
_OPEN_ENDS = frozenset("and or but to of in on at for with by from the a an who that which".split())


def _reports_in(clause: str, lex: dict) -> bool:
    """Whether a relative clause holds a report: a reporting verb, but one that needs "that" or
    a quotation with neither after it ("that coined this term", "who called for the strike")."""
    return any(
        lex["forms"][v.group().lower()] not in lex["need_that"]
        or re.match(r"\s+(?:that\b|[“\"])", clause[v.end() :])
        for v in lex["verb"].finditer(clause)
    )


def modified_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The span, in ``head`` (a sentence up to its reporting verb), of a subject that a role's
    or a group's head opens and a relative clause (who, that, whose) or a participle closes
    ("progressive organizations that have endorsed him"); the clause reports nothing itself.
    Where the clause names someone, only the phrase before it ("A senior State Department
    official traveling with Mr. Kerry": the official, not Mr. Kerry). None otherwise."""
    m = _MODIFIED.search(head)
    if m is None:
        return None
    word, rel, clause = m.group("head"), m.group("rel"), m.group("clause")
    low = word.lower()
    group = low in lex["roles"] or low in GROUP_HEADS or (word[:1].isupper() and low.endswith("s"))
    noun = head[m.start(1) : m.start("rel")].strip()
    words = clause.lower().split()
    # a helper only where the clause's verb is: first after who or that, after whose' noun
    helpers = (0,) if rel in ("who", "that") else (1,) if rel == "whose" else ()
    if (
        not group
        or not (noun_phrase(noun, lex) or noun.lower() in GROUP_HEADS)
        or re.match(r"[a-z]+ing\s", noun)  # not "quoting Syrians living in"
        or _reports_in(f"{rel} {clause}", lex)
        or rel in ("according", "including")
        or len(words) < 2
        or words[-1] in _OPEN_ENDS
        or re.search(r"ly$", clause)
        or _SECOND_VERB.search(clause)
        or any(w in ("who", "that", "whose", "which") for w in words)
        or any(w in AUXILIARIES and i not in helpers for i, w in enumerate(words))
    ):
        return None  # a report in the clause ("groups who wrote to her"), or no group before
        # it; "barbarians who shell the museum and believe that", "people who use Facebook a
        # few times a day were half as likely": the clause goes on, or the main clause's verb
    if re.search(rf"\b[{UPPER}]", clause):
        return m.start(1), m.start(1) + len(noun)
    return m.start(1), m.end(1)


# a list before a verb that opens its sentence: two or more items in commas, "and" before the
# last ("Putin, Lukashenko and Tokayev", "Analysts, diplomats and officials")
_LIST = re.compile(
    r"^\s*(?:(?:And|But)\s+)?((?:[^,;:\"“”()]{1,40},\s+)+[^,;:\"“”()]{1,40}?,?\s+and\s+"
    r"[^,;:\"“”()]{1,40}?)\s*$"
)


def listed_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The span, in ``head`` (a sentence up to its verb), of a list of speakers that is the
    verb's subject ("Putin, Lukashenko and Tokayev said"): each item a speaker phrase whole;
    None otherwise (not "In Minsk, Moscow and Kyiv, officials said": a list that ends with
    a comma and another subject)."""
    m = _LIST.match(head)
    if m is None:
        return None
    items = re.split(r",\s+(?:and\s+)?|\s+and\s+", m.group(1))
    if items[0].lower() in SENTENCE_ADVERBS or re.fullmatch(r"[A-Z][a-z]+ly", items[0]):
        return None  # "Privately, Democratic senators and aides complain": an opening adverb
    for k, item in enumerate(items):
        words = word_spans(item)
        # (the last item "other" and a group: "..., Mrs. Rao and other bundlers in both parties")
        other = k == len(items) - 1 and re.match(r"other\s", item)
        if other and noun_phrase("the " + item[other.end() :], lex):
            continue
        # (or a short plural no list names: "Friends, lobbyists and former foes say"; not a
        # longer phrase: "Looking at minorities like Mormons, ..., Chua and Rubenfeld")
        plural = (
            re.search(r"[a-rt-z]s$", item) and len(item.split()) <= 4 and noun_phrase(item, lex)
        )
        if not words or (speaker_phrase(words, lex) != (0, len(words)) and not plural):
            return None
    return m.start(1), m.end(1)


# a person or group and the relative clause that says which: "an obstetrician who taught Mr.
# Assad in medical school", "A woman who lives near the square", "An association in Spain that
# has pushed the plaintiffs' case", after an opening phrase
_WHO_SUBJECT = re.compile(
    r"(?:^|^[^,;:\"“”]{2,60},\s+|^(?:And|But|Yet)\s+)"
    r"((?:(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any)\s+"
    r"(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*"
    r"(?:\s+(?:in|of|from|at|for)\s+[\w’'\-]+(?:\s+[\w’'\-]+)?)?"  # "An association in Spain"
    r"|[Tt]hose|[Aa]nyone|[Ss]omeone|[Ee]veryone"  # ("Those who back her opponents say")
    r"|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?\s+and\s+others"  # ("Hawkins and others who want")
    # a group by its plural alone, perhaps where it is ("Democrats in Iowa who watched ...")
    r"|[A-Z][a-z\-]*(?:\s+[a-z][a-z\-]*)?[a-rt-z]s(?:\s+(?:in|from|at)\s+[A-Z][\w’'\-]+)?)"
    r"\s+(?:who|that)\s+[^,;:\"“”()]{3,80}?)"
    r"(?:\s+(?:will|would|can|could|may|might|must|should|have|has|had|do|does|did))?\s*$"
)


def who_subject(head: str, lex: dict) -> tuple[int, int] | None:
    """The span, in ``head`` (a sentence up to its reporting verb), of a subject with a
    relative clause that says who ("A woman who lives near the square said"): the clause opens
    with its verb and reports nothing itself; None otherwise."""
    m = _WHO_SUBJECT.search(head)
    if m is None:
        return None
    noun, clause = re.split(r"\s(?:who|that)\s", m.group(1), maxsplit=1)
    if (
        lex["verb"].search(noun + " " + clause)
        or re.search(r"[a-z]ed$", noun)
        or noun.split()[-1].lower() in _CONTENT_NOUNS
        or not clause[:1].islower()
        or (len(clause.split()) < 2 and noun.lower() not in ("those", "anyone", "everyone"))
        or re.search(r"\b(?:and|or|but)$|ly$", clause)
        or SUBORDINATE.match(noun)  # "Though executives who have worked with him say"
        or re.match(r"(?:And|But|So|Yet|Or|Nor)\s", noun)  # "But artists who venture ..."
    ):
        return None  # a report in the clause or before it; "The Head of State noted that ...";
        # "The fact that ...": a noun's content, no relative clause; "barbarians who shell the
        # museum and believe that", "countries that honestly say": the clause goes on
    return m.start(1), m.end(1)


# nouns whose "that" opens what they hold, not a relative clause ("The fact that ...")
_CONTENT_NOUNS = {"fact", "idea", "notion", "news", "hope", "possibility", "view", "belief",
                  "sense", "argument", "claim", "suggestion", "likelihood", "assumption",
                  "impression", "feeling", "fear", "concern", "reports", "rumours",
                  "rumors"}  # fmt: skip
