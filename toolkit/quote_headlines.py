"""A headline's credit, the way news agencies write it, with no quotation marks and often no
verb: a source after a dash at its end ("Russia ready to continue talks with Ukraine — Lavrov",
"Two million men wanted in Ukraine for draft evasion — official") or after a colon there
("Iran-Syria ties at best level: Iranian FM", Xinhua's and CGTN's form), a label before a colon
("Russian Deputy PM: Cyprus haircut was surprise to all") and a subject's speech act ("Kremlin
urges West to ...", "..., envoy says"). TASS and RT credit about one headline in four after a
dash (17,000 of the 63,000 in ``../shared/corpora/statemedia-headlines-2006-26``), and the
Russian foreign ministry's posts open a quotation with a speech balloon ("💬 #lavrov : ...").

A headline here is a text's first line when it has no stop at its end and at most 30 words: a
corpus of headlines has one a text, and a page's text may open with its own. :func:`credits`
gives the claim's span, the source's and the verb's lemma (None for a credit or a label);
:mod:`toolkit.quotes` adds them to its rows (``direct`` false).

- A **tail credit** is one to six words after the last dash (em, en, or a hyphen with spaces),
  with no digit and no function word but a joining "of", "to", "in", "at", "for", "the"
  ("Russian mission to UN", "Bank of Russia"), nor a tag ("LIVE", "(VIDEO)" is taken off first),
  up to an "on" that gives the topic ("— Oxfam on refugee crisis") or a "to" before the one
  addressed ("— Trump to Zelensky"); the claim before it has at least three words and is no
  byline ("By ..."). After the last colon, which also ends a topic ("Ukraine crisis day 45:
  Russia shells Kharkiv"), the words must also read as a source: capitalised ("WHO", "Wang
  Yi") or headed by a role ("Iranian FM", "war monitor", "study").
- A **colon label** must show that it is a source, since the same place holds a topic ("WATCH:",
  "Press review:", "Legoland:"): a role or body ("Russian Deputy PM", "Kremlin aide",
  "Russia's MFA", "White House"), not a document's series ("Xinhua Commentary:"). A person's
  name is taken only with the person's own words after it, a quotation or a first person
  ("Paul Ryan: FBI Decision ‘Defies Explanation’", "Marco Rubio: I’m Not Interested ..."): the
  BBC labels its stories by the person they are about ("Shamima Begum: Spy for Canada smuggled
  schoolgirl to Syria"). A label may go on to whom it speaks to or what it speaks on ("Putin
  to West:", "Lavrov on Obama speech:" before a clause). A single word ("Putin:") is a credit
  where the same corpus credits that word elsewhere ("— Putin", "Putin says":
  :func:`credited_words`, which :func:`toolkit.quotes` reads over the whole corpus first), or
  the text's body gives it after a title or a given name ("Senator Harry Reid") and the claim
  is in the person's own words; a country's name never ("Ukraine:" is as often a topic); alone,
  nothing tells a surname from a place or a topic.
- A **speech act** (:mod:`toolkit.quote_headline_verbs`): a subject of at most six words with
  no word of prose, then a speech verb of the lexicon or of its ``headline_verbs`` ("urges",
  "calls for", "warns of"; the base form after a plural role or a compound: "Russian
  lawmakers slam", "China, Pakistan vow"), at the headline's start (after a kicker: "SPIEF
  2024: ...") or at its end ("..., envoy says", "..., says mother"), and in a tail credit's
  claim ("Merz urges ... — Lavrov"). In a headline a speech act with an object or an
  infinitive counts ("Kremlin warns West against ...": the headline reports a statement in the
  words it has); in an article's sentences the rules read only what a verb reports as content
  ("warned against allowing" is no report there, as the labelling guide of the body sets has
  it).
  A headline in title case (Sputnik's, the New York Times's: "Lavrov Says OSCE Facing ...") has
  its verb read in lower case and its subject held to a name, a role, a body or a document,
  since its capitals tell no name from a noun ("Killings Stir Questions on ..." credits no
  one); :func:`folded_headline` gives the text whose names end before that verb.
- A **post's speaker**: a label after a speech balloon, on the post's first line, with its
  words after it or in the paragraph below; or a source's label that is the whole first line
  ("embassy of russia in cambodia:"), over the paragraph below. "#opinion by maria zakharova"
  gives the name after "by"; "photo by" gives no one.

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "Russia ready to continue talks with Ukraine — Lavrov"
    >>> [(text[a:b], text[p:q], verb) for a, b, (p, q), verb in credits(text, lexicon())]
    [('Russia ready to continue talks with Ukraine', 'Lavrov', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from toolkit.given_names import given_name_gender
from toolkit.quote_headline_verbs import (
    JOINS,
    MAX_CREDIT_WORDS,
    folded_verbs,
    function_words,
    role_head,
    third_person,
    title_case,
    verb_credits,
)
from toolkit.quote_subjects import AUXILIARY
from toolkit.speaker_countries import is_country, nationals
from toolkit.speakers import UPPER, is_organisation, is_person

__all__ = ["credited_words", "credits", "folded_headline", "headline_line"]

_MAX_WORDS = 30  # a headline's words at most
# a tag at a headline's end, no part of its credit: "– MOD (VIDEO)"
_TAG = re.compile(r"\s*\((?:[A-Z]+(?:[,&/ ]+[A-Z]+)*|[Vv]ideos?|[Pp]hotos?)\)\s*$")
_DASH = re.compile(r"\s(?:—|–|--?)\s+")
# a stop at a line's end, but not an abbreviation's ("... entering U.S.")
_STOP = re.compile(r"(?<!\.[A-Z])[.!?…][\"”’')\]]*$")
_PERIOD = re.compile(r"(?<!\.[A-Z])\.[\"”’')\]]*$")  # (a question's mark ends a question)


def _title_period(line: str) -> re.Match | None:
    """The period that ends a title-case line ("..., Lindsey Graham Says."), which ends no
    sentence; None for any other line (a question's mark still ends a question)."""
    stop = _PERIOD.search(line)
    return stop if stop and title_case(line) else None


def headline_line(text: str) -> tuple[int, int] | None:
    """The span of the text's headline: its first line, trimmed, when it has no stop at its end
    (but a period in title case), at most thirty words and a capital letter; None where the
    first line is a sentence, prose, or lower-cased throughout (a post's, as the Russian
    foreign ministry's are: with no capitals nothing tells a name from a word)."""
    first = _first_line(text)
    if first is None:
        return None
    line = text[first[0] : first[1]]
    # (a stop ends a sentence, but not a line in title case: "..., Lindsey Graham Says.")
    stop = _STOP.search(line) and not _title_period(line)
    prose = stop or len(line.split()) > _MAX_WORDS or line.lower() == line
    return None if prose else first


def folded_headline(text: str, lex: dict[str, Any]) -> str:
    """The text with its headline's speech verbs in lower case where the headline is in title
    case ("Lavrov Says OSCE Facing ..."), at the same offsets: the names read from it do not
    run on into the verb ("Former White House Doctor Says")."""
    line = headline_line(text)
    if line is None or not title_case(text[line[0] : line[1]]):
        return text
    a, b = line
    return text[:a] + folded_verbs(text[a:b], lex) + text[b:]


def credits(
    text: str, lex: dict[str, Any], known: frozenset[str] = frozenset()
) -> list[tuple[int, int, tuple[int, int], str | None]]:
    """The headline's credits: (claim start, claim end, (source start, source end), verb lemma or
    None), offsets into ``text``; none where the text opens with no headline or its headline
    credits no one. A tail credit's claim may hold a credit of its own ("Merz calls for ...
    — Lavrov"). ``known``: single words the corpus credits elsewhere (:func:`credited_words`),
    which a colon's label may be ("Putin: Western pressure accelerates ...")."""
    first = _first_line(text)
    if first is None:
        return []
    start, end = first
    line = text[start:end]
    while (tag := _TAG.search(line)) and tag.start() > 0:
        line = line[: tag.start()]
    stop = _title_period(line)
    if stop:  # "..., Lindsey Graham Says.": the credit before the stop
        line = line[: stop.start()]
    said = _said_label(text, start, line, lex)  # "💬 #lavrov : ...", a post's own speaker
    if said:
        return [said]
    if headline_line(text) is None:
        return []
    out = []
    tail = _tail_credit(line, lex)
    colon = None if tail else _colon_label(line, lex, known, text[end:])
    claim = tail[0] if tail else colon[0] if colon else (0, len(line))
    if tail or colon:
        (a, b), (p, q), lemma = tail or (*colon, None)
        out.append((start + a, start + b, (start + p, start + q), lemma))
    if colon is None:  # a kicker's topic is not the claim: "SPIEF 2024: ... envoy says"
        kicker = _KICKER.match(line, claim[0], claim[1])
        a = kicker.end() if kicker else claim[0]
        for x, y, (p, q), lemma in verb_credits(
            line[a : claim[1]], lex, nested=bool(tail), known=known
        ):
            out.append((start + a + x, start + a + y, (start + a + p, start + a + q), lemma))
    return out


def credited_words(texts: Iterable[str | None], lex: dict[str, Any]) -> frozenset[str]:
    """The single capitalised words the headlines of ``texts`` credit after a dash or a colon or
    as a speech act's subject ("— Putin", "Lavrov says"), countries left out (a country before a
    colon is as often the topic: "Ukraine: ..."). A colon's label that is one of them is a
    credit in that corpus, where a surname alone could not be told from a place or a topic."""
    found = set()
    for text in texts:
        for *_, (p, q), _lemma in credits(text or "", lex):
            word = (text or "")[p:q]
            if re.fullmatch(r"[A-Z][\w’'-]+", word) and not is_country(word):
                found.add(word)
    return frozenset(found)


# (claim start, claim end), (source start, source end), the lemma of the source's speech verb
_Credit = tuple[tuple[int, int], tuple[int, int], str | None]


def _first_line(text: str) -> tuple[int, int] | None:
    """The span of the text's first line, trimmed; None for an empty text."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip()
    return (start, start + len(line)) if line else None


def _tail_credit(line: str, lex: dict[str, Any]) -> _Credit | None:
    """'<claim> — <source>' (TASS, RT) or '<claim>: <source>' (Xinhua, CGTN): the spans of the
    claim and the source, and the lemma of a speech verb that ends the source ("— IC chief
    tells Putin"). After a colon, which also ends a topic ("Ukraine crisis day 45: Russia shells
    Kharkiv"), the source must read as one: capitalised words ("WHO", "Wang Yi") or a role's
    head ("Iranian FM", "war monitor", "study")."""
    dashes = list(_DASH.finditer(line))
    colons = list(re.finditer(r"(?<=\S):\s+", line))
    for sep, colon in ((dashes[-1] if dashes else None, False), (colons[-1] if colons else None,
                                                                 True)):  # fmt: skip
        if sep is None:
            continue
        # (after a colon, a credit ends at its verb only after a quotation: "‘The people’s
        # enemy’: Hong Kong leader slams ...", not a topic: "South China Sea standoff: Beijing
        # denies plans ...", whose clause is the claim)
        quoted = re.fullmatch(r"\s*['‘\"“].*['’\"”]", line[: sep.start()]) is not None
        found = _credit(line, sep, lex, verb=not colon or quoted)
        if found and (not colon or _names_source(line[found[1][0] : found[1][1]], lex)):
            return found
    return None


def _credit(
    line: str, sep: re.Match[str], lex: dict[str, Any], *, verb: bool = True
) -> _Credit | None:
    """The claim before a separator and the credit after it, when the credit is one to six
    words of a name or a role (and, with ``verb``, the lemma of a speech verb after them)."""
    who = line[sep.end() :].strip()
    if "," in who:
        return None  # a list or a clause ("...: Airstrikes on suburbs, shelling of ...")
    who = re.split(r"\s+on\s+", who)[0]  # "— Oxfam on refugee crisis": the topic is no source
    who = re.sub(r"^([A-Z]\S*)\s+to\s+[A-Z]\S*$", r"\1", who)  # "— Trump to Zelensky"
    words, lemma = who.split(), None
    cut = next((i for i, w in enumerate(words) if i and third_person(w, lex)), None)
    if verb and cut and _verb_ends(words, cut, lex):
        # (of two words where they are one verb: "calls for", "warns of")
        lemma = third_person(" ".join(words[cut : cut + 2]), lex) or third_person(words[cut], lex)
        who = " ".join(_before_verb(words, cut))
    claim = line[: sep.start()].rstrip(" ,;:")
    words = who.split()
    if not 1 <= len(words) <= MAX_CREDIT_WORDS or re.search(r"[\d\"“”:;!?#@]", who):
        return None
    if len(re.findall(r"\w\S*", claim)) < 3 or re.match(r"(?i)by\s", claim):
        return None  # (words: "X - Y" is two)
    if who.lower() in lex["not_credits"]:
        return None
    stop = function_words(lex) - JOINS
    plain = [w.strip(",") for w in words]
    if plain[0].lower() in JOINS or plain[-1].lower() in JOINS:
        return None
    if any(w in stop for w in plain):  # (lower case: "US envoy" is no "us")
        return None  # a phrase of prose ("what we know so far", "again"), not a name or a role
    at = sep.end() + line[sep.end() :].find(who)
    return (0, len(claim)), (at, at + len(who)), lemma


def _before_verb(words: list[str], cut: int) -> list[str]:
    """The credit's words before its verb ``words[cut]``, without an adverb right before it
    ("Pakistani prosecutor reportedly tells")."""
    return words[: cut - 1] if re.fullmatch(r"[a-z]+ly", words[cut - 1]) else words[:cut]


def _verb_ends(words: list[str], cut: int, lex: dict[str, Any]) -> bool:
    """Whether a credit ends at its speech verb ``words[cut]``, after a source's name or role
    ("— TASS estimates", "— IC chief tells Putin": whom it tells is no source; not the nouns of
    "— Israeli reports", "— market reports", "– new claims emerge"), and the verb is not "says"
    with its clause (": German defense minister says no timetable for ...")."""
    before = _before_verb(words, cut)
    if not before or (cut + 1 < len(words) and third_person(words[cut], lex) == "say"):
        return False
    name = " ".join(before)
    return (
        role_head(before[-1].lower(), lex)
        or is_organisation(name, lex)
        or (all(w[:1].isupper() for w in before) and not nationals(before))
    )


def _names_source(who: str, lex: dict[str, Any]) -> bool:
    """Whether words after a colon name a source: capitalised ("Chinese Mission to the EU"), all
    in lower case ("top epidemiologist", "medics"), or headed by a role ("Jordan king"), with
    no participle ("...: Two killed including American citizen" is a clause). Capitals and
    lower case mixed otherwise make a clause ("...: Russia shells Kharkiv")."""
    words = who.split()
    if any(re.fullmatch(r"[a-z]{3,}(?:ed|ing)", w) for w in words):  # (not "king")
        return False
    head = re.split(r"\s(?:of|to|in|at|for)\s", who)[0].split()[-1].lower()
    named = all(w[:1].isupper() or w in JOINS for w in words)
    return named or who.lower() == who or role_head(head, lex)


def _colon_label(
    line: str, lex: dict[str, Any], known: frozenset[str] = frozenset(), body: str = ""
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'<source>: <claim>' where the label reads as a source, not a topic: a role or body, a
    single word the corpus credits elsewhere, or a person whose own words the claim bears
    (``body``, the text below the headline, may show a surname to be a person's)."""
    m = re.match(r"([^:\"“”‘#\d]{2,60}):\s+(\S.*)", line)
    if m is None:
        return None
    label, claim = m.group(1).strip(), m.group(2)
    if len(claim.split()) < 3:
        return None
    words = label.split()
    if len(words) <= 5 and (
        (words == [label] and label in known) or _is_source(words, lex, people=False)
    ):
        return (m.start(2), m.end(2)), (m.start(1), m.start(1) + len(label))
    # the source before whom it speaks to ("Putin to West:", "Theresa May to Conservative MPs:")
    # or what it speaks on, with a clause after ("Lavrov on Obama speech: Efforts to isolate
    # Russia will fail"; not "Healthcare on the brink: America’s medical meltdown")
    topic = re.match(rf"(.+?)\s+(?:(?P<to>[Tt]o)\s+(?=[{UPPER}])|[Oo]n\s+)\S.{{0,60}}$", label)
    if topic and (topic.group("to") or _CLAUSE.search(claim) or _OWN_WORDS.search(claim)):
        # (less where it spoke: "President in an interview to The Washington Post:")
        source = re.sub(r"\s+in\s+(?:an?|his|her)\s+(?:interview|speech|address)$", "", topic[1])
        said = source.split()
        if len(said) <= 5 and (
            (said == [source] and source in known)
            or _is_source(said, lex, people=False)
            or _own_words(said, claim, body, lex)
        ):
            return (m.start(2), m.end(2)), (m.start(1), m.start(1) + len(source))
    if len(words) <= 5 and _own_words(words, claim, body, lex):
        return (m.start(2), m.end(2)), (m.start(1), m.start(1) + len(label))
    return None


# a clause's verb in a claim: an auxiliary, a modal or a copula, in any case
_CLAUSE = re.compile(rf"(?i)\b(?:{AUXILIARY})\b")


# what shows a claim to be its label's own words: a quotation in it ("Paul Ryan: FBI Decision
# ‘Defies Explanation’", "Carly Fiorina: 'Bill Clinton's fair game'") or a first person ("Marco
# Rubio: I’m Not Interested ...", "Trump: Clinton should have congratulated me"; not "US")
_OWN_WORDS = re.compile(
    r"(?:^|[\s(])(?:[“\"‘].{2,}?[”\"’]|'.{2,}?')(?![a-z])"
    r"|\b(?:I|I['’](?:m|d|ll|ve)|[Mm][ey]|M[EY]|[Ww]e|WE|[Oo]ur|OUR|[Uu]s)\b"
)


def _own_words(words: list[str], claim: str, body: str, lex: dict[str, Any]) -> bool:
    """Whether a person's name before a colon credits the claim after it: the claim bears the
    person's own words (a quotation or a first person), and the label is a name (a given name
    or a title shows it), or a single word that the text's body gives after a title or a given
    name ("Reid: 'Never, ever ...'" over "Sen. Harry Reid said ..."). A name with a claim in the
    third person is the story's topic (the BBC's "Shamima Begum: Spy for Canada smuggled
    schoolgirl to Syria")."""
    if not _OWN_WORDS.search(claim) or is_country(" ".join(words)):
        return False
    if len(words) == 1:  # (a title or a given name before it: not "Hard Brexit")
        before = re.findall(rf"\b([{UPPER}][\w’'\-]+\.?)\s+{re.escape(words[0])}\b", body)
        return any(w in lex["titles"] or given_name_gender(f"{w} {words[0]}") for w in before)
    if len([w for w in words if w not in lex["titles"]]) > 3:
        return False  # a clause, no name: "Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’"
    head = re.split(r"\s(?:of|in|to)\s", " ".join(words))[0].split()[-1].lower()
    return _is_source(words, lex) and head not in lex["documents"]  # (not "Jesus’s secret
    # message: 250yo ‘time capsule’ found ...")


# what a label that names an event ends with
_EVENTS = frozenset(
    "meeting meetings summit talks session visit conference forum hearing trial vote".split()
)


def _is_source(words: list[str], lex: dict[str, Any], *, people: bool = True) -> bool:
    """Whether a colon's label names a source: a role or body ("Russian Deputy PM", "embassy of
    russia in cambodia"), or (``people``) a person a given name or a title shows to be one. A
    headline's label names no person and no document: "Shamima Begum: Spy for Canada smuggled
    schoolgirl" and "Xinhua Commentary: ..." are the BBC's topic and Xinhua's series, not
    credits (set 39); a post's label over its words does name its speaker."""
    low = [w.lower().removesuffix("’s").removesuffix("'s") for w in words]
    if not low or low[0] in function_words(lex):
        return False  # "What's next:", "In brief:"
    if low[-1] in _EVENTS:
        return False  # "Board of Peace first meeting:": an event's name, no one's
    # the head: the word before "of", "in" or "to" ("embassy of russia"), else the last
    head = next((low[i - 1] for i in range(1, len(low)) if low[i] in {"of", "in", "to"}), low[-1])
    if head in lex["documents"] and not people:
        return False
    if head in lex["roles"] or head in lex["credit_heads"]:
        return True  # "Russian Deputy PM", "Kremlin aide", "Russia's MFA"
    label = " ".join(words)
    if is_organisation(label, lex):
        return True  # "White House", "Foreign Ministry"
    if not people:
        return False
    titled = [w for w in words if w not in lex["titles"]]
    if 0 < len(titled) < len(words):  # "Pope Francis", "President Lukashenko"
        return all(w[:1].isupper() for w in titled)
    # a name whose first word is a given name, as written or in a post's lower case ("Fyodor
    # Lukyanov", "maria zakharova"; not "RIP Britannia")
    lower = label.islower() and all(w.isalpha() for w in words)
    acronym = len(words[0]) > 1 and words[0].isupper()  # "RIP", no "Rip"
    return (is_person(label, lex) or lower) and not acronym and given_name_gender(label) is not None


# ---------------------------------------------------------------- a post's speaker

# a label before a colon after the speech balloon that the Russian foreign ministry's posts open
# a quotation with ("💬 #lavrov : ...", "💬 sergey #lavrov : ...")
_BALLOON = re.compile(r"[^\w#]*💬\s*(?P<label>[#\w][\w#’'. -]{0,60}?)\s?:(?:\s+|$)")
# a label that is the whole first line, over the post it heads ("embassy of russia in cambodia:")
_LABEL_LINE = re.compile(r"[^\w#]*(?P<label>[#\w][\w#’'. -]{1,60}?)\s?:\s*$")
_KICKER = re.compile(r"[^:]{1,60}?:\s+(?=\S)")  # "SPIEF 2024: ", "‘Tastes like rabbit’: "


def _said_label(
    text: str, start: int, line: str, lex: dict[str, Any]
) -> tuple[int, int, tuple[int, int], None] | None:
    """A post's speaker: a label after a speech balloon, with its words on the line or in the
    paragraph below; or a source's label that is its own first line, over the paragraph below."""
    m = _BALLOON.match(line)
    if m is None:
        m = _LABEL_LINE.match(line)
        if m is None or not _is_source(_words(m.group("label")), lex):
            return None
    label = m.group("label")
    if re.match(r"(?i)[#\s]*(?:photos?|videos?|footage|audio)\s+by\b", label):
        return None  # "📸 photo by maria #zakharova :": her pictures, not her words
    by = re.search(r"(?i)\bby\s+", label)  # "#opinion by maria zakharova:"
    p = start + m.start("label") + (by.end() if by else 0)
    q = start + m.start("label") + len(label.rstrip())
    a = start + m.end()
    if a >= start + len(line):  # the words are the paragraph below
        below = re.search(r"\S[^\n]*", text[a:])
        if below is None:
            return None
        a, b = a + below.start(), a + below.end()
    else:
        b = start + len(line)
    return (a, b, (p, q), None) if len(text[a:b].split()) >= 3 else None


def _words(label: str) -> list[str]:
    """A label's words without hashtags' marks ("sergey #lavrov") and without what comes before
    a "by" ("#opinion by maria zakharova")."""
    label = re.split(r"(?i)\bby\s+", label)[-1]
    return label.replace("#", "").split()
