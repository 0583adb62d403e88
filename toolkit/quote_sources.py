"""Sources that "according to" cites: 'According to X, ...', '..., according to X.'; and whose
opinion a sentence gives: 'In his opinion, ...', 'In the view of Lau Siu-kai, ...'
(:func:`in_opinion`).

X is a speaker phrase (a name, a role, "him") or a source no speaker phrase names ("media
reports", "the 2011 figures", "a State Department report released Friday"), the author of a
document ("an analysis by Citizens Against Government Waste"); not a rule followed ("according
to the President's decree"). :mod:`toolkit.quote_reported` reads the other forms of reported
speech.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "Consumer prices rose, according to official statistics."
    >>> [(text[a:b], text[p:q]) for a, b, (p, q), _ in according_to(text, 0, lexicon())]
    [('Consumer prices rose', 'official statistics')]
"""

from __future__ import annotations

import re

from toolkit.quote_subjects import AUXILIARY, noun_phrase
from toolkit.speakers import DAY, DETERMINERS, KNOWING, UPPER, speaker_phrase, word_spans

__all__ = ["DAY", "DIRECTIVE", "KIN_WORDS", "MONTH", "according_to", "in_opinion", "is_speaker"]

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*"  # a month, or its short form
# a title with its stop inside a source ("according to Ms. Konstantopoulou"), or a company's
# abbreviation ("according to Economic Modeling Specialists Intl., a labor market analytics firm")
_TITLE = r"(?:Mr|Ms|Mrs|Dr|Gen|Sen|Rep|Gov|St|Jr|Inc|Intl|Corp|Co|Ltd|Bros|[A-Z])\.\s*"
# a web address's dot inside a source ("according to Tchadinfos.com")
_DOMAIN = r"\.(?=(?:com|org|net|gov|edu|ru|cn|by|ua|uk)\b)"
# an appositive after the source that ends a sentence ("..., according to X, a spokesman ...",
# also with a relative clause or a second appositive on it: "..., a fiscally conservative
# group, which calls ...", "..., the founder of North Africa Risk Consulting, a security firm";
# not a verb and "that": "Many studies, according to Lupia, reveal that ..."; nor a clause
# with its own verb, read by _clause_after: "..., according to the agency, the council has")
_APPOSITION = (
    rf"(?:,\s+(?:a|an|the|[{UPPER}][\w\-]*['’]s|(?!(?:is|are|was|were|has|have|had|will|would|"
    r"can|could|must|should|may|might)\b)(?![a-z]+\s+that\s)[a-z][\w\-]*(?<!ed)(?<![^s]s))"
    r"\s[^,]{3,120}"
    r"(?:,\s+(?:which\s|who\s|an?\s|and\s+others?\s)[^,]{3,80})?)"
)  # (also "Xinhua, China’s state news agency", "Ko Po-ling, vice-chairman of ..."; "Craig
# Bryan, head of the National Center ..., and other scientists")
_SOURCE_DAY = re.compile(
    rf"\s+(?:(?:released|published|issued|filed)\s+)?(?:(?:on|last|early|late|this)\s+)?{DAY}$"
    r"|\s+at\s+the\s+time$"
)  # ("campaign finance records filed last Friday", "projections by the BBC early Friday")
# a document of an author: "an analysis by X", "a report by the X" (the author speaks)
_BY_SOURCE = re.compile(
    r"(?:(?:an?|the)\s+(?:[a-z]+\s+)?(?:analysis|report|study|survey|poll|statement|review|count)"
    r"|(?:the\s+)?(?:data|figures|statistics|estimates)\s+(?:published|released|compiled|issued"
    r"|provided)"
    r")\s+by\s+((?:the\s+)?[A-Z].*)"
)  # "data published by the Newspaper Association of America" too (set 11)
# a word of a source's owner after its first: lower case, a year, a possessive or a capital
# (a number's compound too: "the recent 50-state poll")
_OWNER_WORD = rf"[a-z][\w-]*|\d{{4}}|\d+-[a-z]+|[\w.-]+['’]s|[{UPPER}][\w.-]*(?:/[{UPPER}][\w.-]*)?"
# what "according to" follows as a rule, not as a source ("according to the decree")
_DIRECTIVES = ("decree", "order", "law", "rules", "regulations", "plan", "schedule", "constitution")
DIRECTIVE = re.compile(rf"\b(?:{'|'.join(_DIRECTIVES)})(?:\s+of\s.*)?$")
# (a law named whole, in capitals, is cited: "according to the Executive Order", sets 1, 7)
# what a thing is done "according to" with no comma before it: a directive, or a rule or a
# reference, named in capitals or not ("according to the Basic Law", "the lunar calendar")
_RULE = re.compile(
    rf"(?i)\b(?:{'|'.join(_DIRECTIVES)}|laws|rule|regulation|ordinance|article|charter|treaty|"
    r"calendar|dictionary|principles?|procedures?|protocol)\b"
)
# a conjunction or a short opening phrase before "According to X, ...": "But according to
# the Chinese police, ...", "In addition, according to media reports, ...", "In the meantime,
# according to experts, ..."
_OPENING = (
    r"(?:(?:But|And|Yet|So)\s+)?"
    r"(?:(?:But|And|Yet|So|However|Moreover|Furthermore|Meanwhile|Still|Instead|Now|Also|"
    r"Therefore|Thus|Hence|Nevertheless|Nonetheless|Besides|Indeed|Finally|Again|Then|Today|"
    r"Yesterday|Earlier|Previously|Currently|Overall|Otherwise|[A-Z][a-z]+ly|"
    r"(?:In|On|At|For|As for|During|Since|After|Before|Under|Among|From|By|With|Within|Over)"
    r"(?:\s+[\w’'\-]+){1,4}),\s+)?"
)  # (a phrase that opens with a preposition, not a subject: "The second problem, according"


# a group or a person a report relies on, and what they know (speakers.KNOWING)
_INFORMANT_HEAD = (
    r"(?:(?:[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Aa]|[Aa]n|[Oo]ne|[Tt]he)\s+)?"
    r"(?:[\w\-]+\s+){0,3}?(?:people|persons?|someone|officials?|sources?|diplomats?|aides?|insiders?)"
)
# (or where they were: "people in attendance"; or who they are by a relative clause: "three
# intelligence sources who spoke to Fox News but were not authorized to speak on the record")
_INFORMANT = re.compile(rf"{_INFORMANT_HEAD}\s+(?:{KNOWING}\s+\S.*|in\s+attendance|who\s+\S.*)")
_KNOWS = re.compile(rf"\s+{KNOWING}\s+\S")


def is_speaker(phrase: str, lex: dict) -> bool:
    """Whether a phrase names who speaks: a speaker phrase from its first word, "him" or "her",
    or a source "according to" cites."""
    words = word_spans(phrase)
    if len(words) == 1 and words[0][2].lower() in ("him", "her"):
        return True
    got = speaker_phrase(words, lex)
    return (
        bool(got and got[0] == 0)
        or _is_source(phrase, lex)
        or _is_informant(phrase, lex)
        or _described(phrase, lex)
        or _group(phrase, lex)
        or _credited(words, got, lex)
        or _one_of(phrase, lex)
        or _KIN.fullmatch(phrase.strip()) is not None
    )


# a person's relatives, one of whom speaks of or for them (also read by
# :mod:`toolkit.speaker_relations`: "his wife Bernadette")
KIN_WORDS = r"(?:wife|husband|son|daughter|brother|sister|mother|father|widow|widower)"
# one of a person's family, whose account "according to" cites ("according to his wife",
# "according to the President's wife")
_KIN = re.compile(
    r"(?:his|her|their|(?:the\s+)?[\w’'\-.]+(?:\s+[\w’'\-.]+){0,2}['’]s)\s+"
    rf"(?:{KIN_WORDS}|parents|family|relatives)"
)


def _credited(words: list[tuple[int, int, str]], got: tuple[int, int] | None, lex: dict) -> bool:
    """A name of two words or more with what the writer credits it with before it, in no more
    than eight words with no verb, pronoun or preposition among them ("Fox News judicial
    analyst Judge Andrew Napolitano", "Ronald Reagan's former education secretary William J.
    Bennett", "USA TODAY contributor and monetary historian David J. Marsh")."""
    if not got or got[0] == 0 or got[1] != len(words) or got[0] > 8 or got[1] - got[0] < 2:
        return False
    # (a name's last two words capitalised: not "Israel and several Arab"; where the credit
    # ends or the name starts, a word in lower case: not a run of capitals cut in two,
    # "Transparency International’s 2014 Corruption Perception Index")
    edge = words[got[0] - 1][2].islower() or words[got[0]][2].islower()
    return edge and all(w[:1].isupper() for _, _, w in words[-2:]) and all(
        w.lower() not in _NOT_BEFORE_HEAD and re.fullmatch(r"[\w’'\-.]+", w)
        and not (w.islower() and lex["verb"].fullmatch(w))  # ("an Egyptian group called")
        for _, _, w in words[: got[0]]
    )  # fmt: skip


# a part of a group: "one of his senior aides", "two of the senators"
_PART_OF = re.compile(r"(?:one|two|three|four|several|some|many|most|each|both|all)\s+of\s+",
                      re.I)  # fmt: skip


def _one_of(phrase: str, lex: dict) -> bool:
    """A part of a group that names who speaks ("one of his senior aides")."""
    m = _PART_OF.match(phrase.strip())
    if not m:
        return False
    rest = word_spans(phrase.strip()[m.end() :])
    got = speaker_phrase(rest, lex)
    return bool(got and got[0] == 0 and got[1] == len(rest))


# what may follow a group's head and say which of it: a relative clause, a participle or an
# adjective, a place ("members who spoke with reporters", "officials involved at the time",
# "two senators present", "a source on the call", "the chairs from Jefferson")
_WHICH_OF = re.compile(
    r"\s+(?:who|that|whom|on|from|at|in|involved|present|close|familiar|briefed)\b.*"
)
# what may not stand before a group's head: a verb's helper, a pronoun, a preposition
_NOT_BEFORE_HEAD = frozenset(
    "is are was were be been has have had will would can could said says who which that of "
    "for in on at to by with from as he she it we they i you".split()
)


def _group(phrase: str, lex: dict) -> bool:
    """People named by a speaker's head with modifiers before it that no speaker phrase takes
    whole ("numerous fellow Democrats", "media buying sources", "Democratic and independent
    analysts") and perhaps what says which of them after it ("members who spoke with
    reporters afterward"), up to twelve words; a plural head, or one after "a", "an", "the"
    or "one"."""
    core = _WHICH_OF.sub("", phrase.strip())
    words = word_spans(core)
    got = speaker_phrase(words, lex)
    if not got or got[1] != len(words) or len(phrase.split()) > 12 or got[0] > 5:
        return False
    head = words[-1][2]
    if not (head.endswith("s") or words[0][2].lower() in ("a", "an", "the", "one")):
        return False
    return all(
        w.lower() not in _NOT_BEFORE_HEAD and re.fullmatch(r"[\w’'\-]+", w)
        and (w[:1].isupper() or not lex["verb"].fullmatch(w))
        for _, _, w in words[: got[0]]
    )  # fmt: skip


_PREPOSITIONS = {"of", "in", "for", "from", "at", "on", "with", "by", "to"}


def _described(phrase: str, lex: dict) -> bool:
    """A speaker's head with a determiner and modifiers before it that no speaker phrase takes
    whole, and perhaps a relative clause after it ("a Syrian monitoring group that has been
    chronicling casualties")."""
    core = re.split(r"\s+(?:that|which|who)\s", phrase.strip(), maxsplit=1)[0]
    words = word_spans(core)
    # a role and what it serves: "a spokesman for the college", "an official at the ministry"
    head = re.match(
        r"(?:an?|the)\s+(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+(?=\s+(?:for|of|at|with)\s)", core
    )
    if head and speaker_phrase(word_spans(head.group()), lex) == (0, len(head.group().split())):
        return True
    got = speaker_phrase(words, lex)
    return bool(
        got
        and got[1] == len(words)
        and words[0][2].lower() in ("a", "an", "the")
        and not any(w.lower() in _PREPOSITIONS for _, _, w in words[: got[0]])
        and noun_phrase(core, lex)
    )


def _is_informant(phrase: str, lex: dict) -> bool:
    """People a report relies on, named by what they know rather than who they are: a head
    that is people, a person, officials or sources and a modifier after it ("two people
    familiar with the talks", "a person close to the president", "officials with knowledge of
    the plan"), up to twelve words."""
    m = _INFORMANT.fullmatch(phrase.strip())
    if m:
        return len(phrase.split()) <= (25 if re.search(r"\swho\s", phrase) else 12)
    # (or any role before what it knows: "a publishing executive familiar with the talks")
    tail = _KNOWS.search(phrase)
    return bool(tail and len(phrase.split()) <= 12 and is_speaker(phrase[: tail.start()], lex))


def _is_source(phrase: str, lex: dict) -> bool:
    """A source "according to" cites that no speaker phrase names: a noun phrase of up to six
    words, in lower case but for a year, a name before a possessive or the capitalised words
    of an owner after its first word ("a State Department report"), whose head is a report,
    survey, poll, study or figures ("media reports", "the 2011 figures", "the company's mission
    statement", "the survey" as written, "APD's estimate"); not "the latest information" nor "the
    law", nor "this survey" (the writer's own), nor an estimate with no owner ("the most
    conservative estimates"); a date in it says nothing of whose it is ("the Hong Kong Bar
    Association's Oct 28 statement")."""
    # what follows the head says where it comes from: "an opinion poll published last Sunday by
    # El País", "data from the city's pilot program"
    phrase = re.split(r"\s+(?:from|published|released|conducted|carried\s+out|compiled|taken|"
                      r"reported|obtained|emerging|circulating)\s",
                      phrase, maxsplit=1)[0]  # fmt: skip
    # (or the phrase before what it is of or what it tracks, where the whole does not end in a
    # source's head: "a Reuters survey of voter lists", "a Washington Post database tracking
    # such deaths"; "her profile on the legislature's website" ends in one; or before a
    # participle on it: "emails unearthed in the investigation", "data available from the FBI")
    cuts = re.finditer(r"\s+(?:of|by|in|at|tracking|covering|[a-z]{3,}ed|seen|available|"
                       r"previously)(?:\s|$)", phrase)  # fmt: skip
    return _is_source_phrase(phrase, lex) or any(
        _is_source_phrase(phrase[: m.start()], lex) for m in cuts
    )


# a source's heads that say nothing of whose it is without an owner ("APD's estimate")
_OWNED = {"estimate", "estimates", "forecast", "forecasts", "calculations", "assessment",
          "assessments"}  # fmt: skip


def _is_source_phrase(phrase: str, lex: dict) -> bool:
    """:func:`_is_source` for a phrase whose head ends it."""
    words = re.sub(rf"\b{MONTH}\.?\s+\d{{1,2}}\b", "", phrase).split()
    head = next((" ".join(words[i:]) for i in range(len(words))
                 if " ".join(words[i:]).lower() in lex["sources"]), None)  # fmt: skip
    lead = words[: -len(head.split())] if head else []
    if head in _OWNED and not any(re.fullmatch(r"[\w.-]+['’]s|[A-Z][\w.-]*", w)
                                  or w.lower() in lex["role_words"] for w in lead):  # fmt: skip
        return False  # an estimate whose owner it does not name: "the most conservative estimates"
    if [w.lower() for w in lead][:1] in (["this"], ["that"], ["our"], ["my"]):
        return False  # "this survey": a document whose owner the text names elsewhere, or the
        # writer's own ("our analysis")
    # the first word a determiner, a year or a possessive, or an owner's capitals with no
    # determiner before them ("Federal Aviation Administration records")
    owner = re.match(r"(?:[A-Z][\w&.-]*\s+){1,3}[A-Z][\w&.-]*['’]s(?:\s|$)", " ".join(lead))
    if owner:  # an owner's name of several words: "Kantar Media’s political ad tracker"
        lead = [owner.group().strip(), *" ".join(lead)[owner.end() :].split()]
    first = (
        all(
            re.fullmatch(r"[a-z][\w-]*|\d{4}|[\w.-]+['’]s|[A-Z][\w&. -]*['’]s", w) for w in lead[:1]
        )
        or (len(lead) >= 2 and all(w[:1].isupper() for w in lead))
        or (
            bool(lead)
            and re.fullmatch(r"[A-Z][\w&.-]*", lead[0]) is not None
            and (len(lead) == 1 or lead[0].lower() not in DETERMINERS)
        )
    )  # (or one owner's word, alone or before what the source is: "FEC filings", "F.A.A.
    # records", "Crowdpac data", "U.S. lobbying records")
    return (
        bool(head)
        # (up to six words, eight with an owner's capitalised name: "a new Washington
        # Post-ABC News national poll")
        and len(words) <= (8 if sum(w[:1].isupper() for w in lead) >= 2 else 6)
        and first
        and all(re.fullmatch(_OWNER_WORD, w) for w in lead[1:])
    )


def _clause_after(after: str) -> bool:
    """Whether the words after "according to X" are a clause with its own verb, not an
    appositive ("..., the global energy mix will change"; not "..., a pollster who has ...")."""
    first = re.match(r",?\s*([^,]*)", after).group(1)
    if re.match(r"(?:and|but|so|yet|or|while|although|though|even|as|because|which)\b", first):
        return False  # a clause of the sentence's own after it: "..., according to the
        # election commission, and only 11 percent of them are women"
    verb = re.search(rf"\b(?:{AUXILIARY})\b", first)  # ("the council has imposed")
    return bool(verb) and not re.search(r"\b(?:who|which|that)\b", first[: verb.start()])


def according_to(sentence: str, s0: int, lex: dict) -> list[tuple[int, int, tuple[int, int], str]]:
    """The reports "according to" makes in ``sentence`` (which starts at ``s0`` in its text):
    (start, end, speaker span, "according to")."""
    if "ccording to" not in sentence.lower():
        return []  # every reading below needs the words (most sentences have none)
    out, deferred = [], None
    for m, quote, who in (
        (
            re.search(
                rf"(?:^\s*\(?{_OPENING}A|[;:]\s+a|,\s+but\s+a)ccording to ([^,:]{{2,120}})[,:]"
                rf"\s*(.+?)[.]?\)?$",
                sentence,
                re.I,
            ),
            2,
            1,
        ),
        # "..., according to Chief Superintendent Steve Hui, a spokesman for the police."
        # (after a dash too: "... — up 21 percent — according to the Institute of ...", or
        # with no comma: "... manufactured in 1944 according to Federal Aviation
        # Administration records")
        (
            re.search(
                rf"^(.{{12,}}?)(?P<sep>,|\s+[—–])?\s+according to ((?:{_TITLE}|{_DOMAIN}|[^,.])"
                rf"{{2,120}}){_APPOSITION}?\.?$",
                sentence,
            ),
            1,
            3,  # (group 2 the comma or dash before "according to")
        ),
        # "Civil disobedience, according to Senior Counsel Jat Sew-tong, former chairman of
        # the ..., is a fine tradition": the sentence around the aside
        (
            re.search(
                rf"^([^,]{{3,80}}),\s+according to ((?:{_TITLE}|[^,.]){{2,80}})"
                rf"(?:,\s+[^,]{{3,80}})?,\s+(?:is|are|was|were|has|have|had|will|would|can|"
                rf"could|must|should|may|might|grew|rose|fell|stood|came|went|became|began|took|"
                rf"[a-z]{{3,}}(?:ed|[^s\W]s)|[a-z]{{3,}}(?=\s+that\s))\b"
                rf".{{8,}}?\.?$",  # (a plural's verb before "that": "Many studies ... reveal that")
                sentence,
            ),
            0,
            2,
        ),
        # an aside after the predicate, and more after it: "That's bad, according to Rubio,
        # because ...", "..., according to company leaders, compared with its 25 percent rate"
        (
            re.search(
                rf"^(.{{3,}}?),\s+according to ((?:{_TITLE}|{_DOMAIN}|[^,.]){{2,80}}),\s+"
                rf"(?!(?:who|which|whose)\s)(?!(?:a|an|the)\s(?![^,]*\b(?:{AUXILIARY})\b))"
                r"[^\"“”]{6,}?\.?$",
                sentence,
            ),
            0,
            2,
        ),
    ):
        after = sentence[m.end(who) :] if m and quote == 1 else ""
        if not m or (after.strip(". ") and len(m.group(1).split()) < 4):
            continue  # (a claim of a few words before an appositive is an opening phrase, the
            # aside's: "About 10:03 p.m., according to a congressional timeline, the CIA ...")
        if after.strip(". ") and _clause_after(after):
            deferred = deferred or (m, quote, who)  # a clause with its own verb is no
            continue  # appositive: the aside's reading first, this one if none reads it
        got = _source_read(sentence, m, quote, who, lex)
        if got:
            a, b, start, end = got
            out.append((s0 + a, s0 + b, (s0 + start, s0 + end), "according to"))
            break  # one reading of the sentence: "In the meantime, according to experts, ..."
            # opens with it, and "In the meantime" is no clause the experts report
    got = _source_read(sentence, *deferred, lex) if deferred and not out else None
    if got:
        a, b, start, end = got
        out.append((s0 + a, s0 + b, (s0 + start, s0 + end), "according to"))
    return out


def _source_read(sentence: str, m: re.Match, quote: int, who: int, lex: dict):
    """One reading of an "according to" sentence: (claim start, end, source start, end) in
    ``sentence``, or None where its source is no speaker or a rule followed."""
    # a day after the source is an adjunct: "according to media reports on Thursday", "a
    # State Department report released Friday"
    end = m.start(who) + len(re.sub(_SOURCE_DAY, "", m.group(who)))
    # (a dash after the source closes the aside it opened: "The data — ..., according to
    # survey findings released this week by the Kaiser Family Foundation — make ...")
    dash = re.search(r"\s[—–-]\s", sentence[m.start(who) : end])
    end = m.start(who) + dash.start() if dash else end
    if re.search(r"[A-Z]{2}\.$|:$", sentence[:end]) and not sentence[end:].strip():
        end -= 1  # the sentence's stop after an acronym ("according to the HKCSS."), or the
        # colon before a list ("according to the State Department:")
    start = m.start(who)
    by = _BY_SOURCE.match(sentence, start, end)
    if by:  # "according to an analysis by Citizens Against Government Waste": its author
        start = by.start(1)
    same = re.match(r"(?:that|this|the)\s+same\s+", sentence[start:end], re.I)
    if same:  # "according to that same Japan Times editorial": the editorial
        start += same.end()
    source = sentence[start:end]
    relative = re.search(r"\s(?:that|which)\s", source)  # "a new poll that shows ...": the poll
    if relative and _is_source(source[: relative.start()], lex):
        source, end = source[: relative.start()], start + relative.start()
    if "sep" in m.re.groupindex and not m.group("sep") and _RULE.search(source):
        return None  # "... universal suffrage according to the Basic Law": with no comma, a
        # law or a rule the thing follows, whatever its capitals
    if not is_speaker(source, lex) or DIRECTIVE.search(source):
        return None  # "according to the data": none; "according to the President's decree"
    return m.start(quote), m.end(quote), start, end


# "In his opinion, ...", "Also, in her view, ...", "In the opinion of Lau Siu-kai, ...", "In
# the words of the protest leader, Suthep Thaugsuban, ...": whose words the rest of the
# sentence gives
_IN_OPINION = re.compile(
    r"(?:^\s*|^\s*(?:Also|And|But|However|Moreover|Yet|So),\s+|,\s+)[Ii]n\s+"
    r"(?:(?P<own>his|her|their)\s+(?:own\s+)?(?P<kind>opinion|view|words)"
    r"|the\s+(?P<kind2>opinion|view|words)\s+of\s+(?P<who>[^,]{3,60}))"
    r",\s+(?P<clause>[^\"“”«»].{11,}?)[.!?]?$"
)
# (or after the sentence it gives: '... a "genius of perception", in the words of Joseph Epstein.')
_OPINION_AFTER = re.compile(
    r"^\s*(?P<clause>.{12,}?),\s+in\s+(?:(?P<own>his|her|their)\s+(?:own\s+)?(?P<kind>opinion|view|"
    r"words)|the\s+(?P<kind2>opinion|view|words)\s+of\s+(?P<who>[^,.;:!?\"“”«»]{3,60}))\.?$"
)


def in_opinion(sentence: str, s0: int, lex: dict) -> list[tuple[int, int, tuple[int, int], str]]:
    """The opinion ``sentence`` (at ``s0`` in its text) gives as someone's: (start, end, speaker
    span, "in opinion"/"in view"/"in words"), the speaker a possessive pronoun or the phrase
    after "of"."""
    m = _IN_OPINION.search(sentence) or _OPINION_AFTER.match(sentence)
    if m is None:
        return []
    who = "own" if m.group("own") else "who"
    if who == "who" and not is_speaker(m.group("who"), lex):
        return []
    kind = m.group("kind") or m.group("kind2")
    return [(s0 + m.start("clause"), s0 + m.end("clause"), (s0 + m.start(who), s0 + m.end(who)),
             f"in {kind}")]  # fmt: skip
