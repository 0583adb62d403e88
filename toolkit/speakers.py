"""Speakers: the noun phrase next to a reporting verb, the lexicon, and a name's parts.

Speakers are noun phrases found next to a reporting verb: names ("Russian Foreign Minister
Sergey Lavrov"), surnames, roles ("the Belarusian leader", "the ministry") and pronouns
(:func:`speaker_phrase`). A phrase's title words and name are split by
:func:`toolkit.speaker_titles.name_of`; a
group ("officials"), a possessive ("Morsi's Brotherhood") or a number ("Sixteen American") is
never one person. The names a document gives are found by :mod:`toolkit.speaker_names`;
:mod:`toolkit.speaker_resolver` resolves a written speaker to those names; :mod:`toolkit.quotes`
finds the quotations and their frames. Verbs, role words, offices,
institutions and titles are in ``toolkit/lexicons/quotes.yaml``.

Example:
    >>> words = word_spans("the Belarusian leader")
    >>> speaker_phrase(words, lexicon())
    (0, 3)
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

from toolkit.given_names import is_given_name
from toolkit.segment import CAPITALS
from toolkit.speaker_conjuncts import groups_joined, institution_and
from toolkit.speaker_countries import OF_PLACE, country_words, nationals

__all__ = [
    "CAPITAL",
    "DAY",
    "DETERMINERS",
    "GIVEN_NAME",
    "GROUP_HEADS",
    "HYPHENED",
    "HYPHENED_GIVEN",
    "NAME_SUFFIX",
    "NOT_NAME_WORDS",
    "PARTICLES",
    "QUANTIFIERS",
    "UPPER",
    "folded",
    "given_name_after",
    "he_surname",
    "in_common_case",
    "is_group",
    "is_organisation",
    "is_person",
    "lexicon",
    "month_surname",
    "one_edit",
    "speaker_phrase",
    "surname",
    "word_spans",
]

UPPER = CAPITALS  # the capitals a name opens with (Latin, Latin Extended-A, Cyrillic)
DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"  # a day of the week
# what an unnamed source knows or stands near: "people familiar with", "sources briefed on"
KNOWING = (
    r"(?:familiar\s+with|close(?:st)?\s+to|loyal\s+to|briefed\s+(?:on|by)|"
    r"with\s+(?:direct\s+)?knowledge\s+of|involved\s+in|knowledgeable\s+about)"
)
PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "bin", "al", "le", "la", "el", "dos",
             "das", "del", "della", "ter", "ibn", "bint", "i"}  # fmt: skip
# a capitalised word, also after a particle joined by a hyphen ("al-Sisi", "el-Baradei")
HYPHENED = rf"(?:(?:{'|'.join(sorted(PARTICLES))})-)"
CAPITAL = re.compile(rf"^{HYPHENED}?[{UPPER}][\w’'\-.\[\]]*$")
ADDRESSES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})  # the forms of address before a surname
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one"}
# words that open a group of speakers ("Many Hong Kong residents", "Some analysts")
QUANTIFIERS = {"many", "some", "other", "another", "most", "several", "few", "both", "two",
               "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
               "hundreds", "thousands"}  # fmt: skip
NOT_NAME_WORDS = {
    "ministry", "state", "states", "union", "council", "committee", "government", "party",
    "republic", "federation", "kingdom", "nations", "house", "office", "service", "agency",
    "university", "news", "bank", "company", "day", "street", "city", "square", "sea", "ocean",
    "river", "parliament", "assembly", "duma", "forum", "games", "cup", "organization",
    "organisation", "commission", "court", "army", "forces", "force", "group", "corporation",
    "institute", "times", "daily", "post", "press", "china", "russia", "belarus", "ukraine",
    "america", "europe", "asia", "africa", "war", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "kremlin", "tass",
    "xinhua", "belta", "ria", "interfax", "reuters", "minister", "president", "prime",
    "network", "foundation", "association", "coalition", "movement", "brotherhood", "club",
    "society", "center", "palais", "plaza", "avenue", "boulevard", "rue", "piazza",
    "centre", "alliance", "front", "league", "fund", "board", "authority", "administration",
    "department", "bureau", "program", "programme", "media", "television", "radio", "magazine",
    "journal", "newspaper", "airlines", "railways", "region", "province", "district", "island",
    "islands", "mountains", "valley", "bay", "lake", "park", "hall", "palace", "airport", "port",
    "championship", "summit", "conference", "festival", "olympics", "tournament", "final",
    "exhibition", "award", "prize", "week", "year", "plan", "strategy", "treaty", "agreement",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozens",
    "academy", "observatory", "headquarters", "secretariat", "professors", "messrs", "embassy",
    "consulate", "police", "cabinet", "tribunal", "declaration", "charter", "code", "convention",
    # places, buildings and documents ("Mount Sinai", "the Metropolitan Museum", "the Civil Code")
    "mount", "mountain", "cape", "fort", "gulf", "strait", "peninsula", "desert", "county",
    "village", "town", "canal", "tower", "stadium", "hospital", "museum", "mosque", "cathedral",
    "school", "college", "campaign", "project", "trusts", "constitution", "protocol", "manifesto",
}  # fmt: skip


# a generation after a name ("Jon Huntsman Jr"): no name word of its own
NAME_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")
# a two-syllable pinyin given name, after the surname He ("He Lifeng"; one syllable: "He Can")
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|"
             r"uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)")  # fmt: skip
_PINYIN_NAME = re.compile(rf"[A-Z](?i:{_SYLLABLE}{_SYLLABLE})(?<=[a-z])", re.ASCII)
# a given name of two syllables joined by a hyphen, after a family name ("Tsang Chun-wah",
# "Tai Yiu-ting"): an English given name may come before the two ("John Tsang Chun-wah")
HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
# the name a described person goes by, right after the description ("a protester named Katya",
# "a user calling himself Li Siu-ming", "a protester using the pseudonym Katya", "the manager,
# who gave only his first name, Viktor", "a man identified only as Markus R.", "a businessman
# who gave his name only as Mr. Zhou"): the name is group 1, capitalised (an initial with stop)
GIVEN_NAME = re.compile(
    r",?\s+(?:named|nicknamed|known\s+as|identified\s+(?:only\s+)?as|calling\s+(?:him|her)self|"
    r"(?:using|going\s+by|under|who\s+goes\s+by)\s+the\s+(?:name|pseudonym|alias|nickname)|"
    r"who\s+(?:gave|would\s+give|goes\s+by)\s+(?:only\s+)?(?:his|her|the)\s+"
    r"(?:first\s+|last\s+)?name(?:(?:\s+only)?\s+as|,))"
    rf"\s+((?:(?:Mr|Mrs|Ms|Dr)\.|[{UPPER}](?:[\w’'\-]+|\.))(?:\s+[{UPPER}](?:[\w’'\-]+|\.))*)"
)


def given_name_after(phrase: str) -> re.Match | None:
    """The name given at the end of a phrase, after what describes its speaker ("a protester
    using the pseudonym Katya": group 1 "Katya"); None where none ends it."""
    return next((m for m in GIVEN_NAME.finditer(phrase) if m.start() and m.end() == len(phrase)),
                None)  # fmt: skip


def he_surname(word: str, given: str) -> bool:
    """Whether ``word`` is the surname He before a pinyin given name ("He Lifeng", "He
    Yafei's"), not the pronoun."""
    return word == "He" and _PINYIN_NAME.fullmatch(re.sub(r"['’]s$|,$", "", given)) is not None


@functools.lru_cache(maxsize=4096)  # (asked of every mention, many times)
def surname(name: str) -> str:
    """A name's last word without a particle joined to it ("Abdel Fattah al-Sisi" -> "Sisi"),
    or the word before a generation ("Jon Huntsman Jr" -> "Huntsman"): the word the text uses
    alone."""
    words = name.split()
    if len(words) > 2 and NAME_SUFFIX.fullmatch(words[-1]):
        words = words[:-1]
    return re.sub(rf"^{HYPHENED}", "", words[-1])


def one_edit(a: str, b: str) -> bool:
    """Whether two words of five letters or more differ by one letter added, dropped or changed
    (in five letters, the last), or two letters swapped ("Lehman" / "Leman", "Daivd" /
    "David"): a misspelling of one name."""
    a, b = folded(a), folded(b)
    feminine = a + "a" == b or b + "a" == a  # "Lavrov" / "Lavrova": two people
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or feminine:
        return False
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    swapped = a[i + 1 : i + 2] == b[i : i + 1] and a[i : i + 1] == b[i + 1 : i + 2]
    # (in five letters a letter changed only at the end, "Saree" and "Sarea": inside, one
    # romanisation's two names, "Zhang" and "Zhong", "Leung" and "Leong")
    changed = len(a) == len(b) and (len(a) >= 6 or i == len(a) - 1) and a[i + 1 :] == b[i + 1 :]
    return (changed or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]
            or (swapped and a[i + 2 :] == b[i + 2 :]))  # fmt: skip


def folded(word: str) -> str:
    """A word (or name) as two spellings of it may agree: ASCII letters, no case, full stops or
    apostrophes ("Erdoğan" and "Erdogan", "Vučić" and "Vucic", "O’Neill" and "ONeill")."""
    return re.sub(r"[.'’]", "", anyascii(word)).lower()


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """``toolkit/lexicons/quotes.yaml`` compiled: verb forms to lemmas, roles, titles, pronouns."""
    text = (resources.files("toolkit") / "lexicons" / "quotes.yaml").read_text(encoding="utf-8")
    lex = yaml.safe_load(text)
    forms = {f.lower(): lemma for lemma, fs in lex["verbs"].items() for f in fs}
    # longest first, so "pointed out" wins over a shorter form
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return {
        "forms": forms,
        # a whole word, not in a compound ("St Andrew the First-Called") nor a name ("Mr. Read")
        "verb": re.compile(rf"(?<![\w-])(?<!M[rs]\. |Dr\. )(?:{alternation})(?![\w-])", re.I),
        "need_that": set(lex["need_that"]),
        "clause_only": set(lex["clause_only"]),
        "bare_clause": set(lex["bare_clause"]),
        "noun_forms": set(lex["noun_forms"]),
        "quote_objects": set(lex["quote_objects"]),
        "roles": {r.lower() for r in lex["roles"]},
        "role_words": {w for r in lex["roles"] for w in r.lower().split()} - {"of"},
        "synonyms": {k: set(v) for k, v in lex["synonyms"].items()},
        "titles": set(lex["titles"]),
        "title_words": {t.lower().rstrip(".") for t in lex["titles"]},
        "not_speakers": set(lex["not_speakers"]),
        "pronouns": set(lex["pronouns"]),
        "offices": set(lex["offices"]),
        "organisations": set(lex["organisations"]),
        "documents": set(lex["documents"]),
        "sources": set(lex["sources"]),
        "credit_heads": set(lex["credit_heads"]) | set(lex["role_initialisms"]),
        "role_initialisms": set(lex["role_initialisms"]),
        "not_credits": set(lex["not_credits"]),
        "headline_verbs": set(lex["headline_verbs"]),
        "findings": set(lex["findings"]["verbs"]),
        "finding_heads": set(lex["findings"]["heads"]),
    }


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each run of non-space characters."""
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]


def _kind(word: str, lex: dict[str, Any], opens: bool = True) -> str:
    low = word.lower()
    if low in lex["pronouns"]:
        return "pronoun"
    if opens and re.fullmatch(rf"[{UPPER}][a-z]+ing", word):
        return "other"  # a clause's participle ("Having said that", "Speaking to ..."), not
        # a name's "-ing" after a capitalised word ("Xi Jinping")
    if low in DETERMINERS or low in QUANTIFIERS:
        return "det"
    if low in lex["role_words"]:
        return "role"
    if re.fullmatch(rf"{DAY}(?:['’]s)?", word):
        return "other"  # a day, whose words are no one's ("Friday’s tweets")
    if CAPITAL.match(word) and word not in lex["not_speakers"]:
        return "cap"
    if low in PARTICLES or low in {"of", "to", "for", "and"}:
        return "link"
    if re.fullmatch(r"[a-z][\w\-]*(?:['’]s)?", word):  # (a possessive too: "the paper’s")
        return "lower"
    return "other"


# the capitalised words a number after them is part of a document's name ("Article 45")
_NUMBERED = {"Article", "Section", "Paragraph", "Clause", "Chapter", "Part", "Rule", "Annex",
             "Resolution", "Protocol", "Amendment", "Document",
             # a broadcaster named by its number: "News 12 reported", "Channel 4 said"
             "News", "Channel", "Radio", "TV"}  # fmt: skip
# words that open a clause, never an adjective before a role ("..., when Chinese officials said")
_PAST_REPORT = re.compile(r"[a-z]+ed|said|told|wrote")  # a verb's past, no adjective before a role
_CLAUSE_WORDS = {"when", "where", "while", "as", "if", "because", "since", "and", "but", "that",
                 "which", "who", "whose", "whom", "after", "before", "so", "then", "though",
                 "although", "until", "once", "whether", "what", "how", "why", "or", "nor", "yet",
                 "also", "even", "with", "without", "in", "on", "at", "by", "from", "about",
                 "during", "under", "over", "against", "among", "into", "through", "can", "could",
                 "will", "would", "might", "must", "should", "is", "are", "was"}  # fmt: skip


# "-ing" words that title a role ("acting Thai prime minister"), not a clause's participle
_ING_TITLES = {"acting", "outgoing", "incoming", "visiting", "leading", "ruling", "governing",
               "presiding", "founding", "managing", "sitting", "serving"}  # fmt: skip


def _quoted_name(words: list[tuple[int, int, str]], last: int) -> int | None:
    """Where a capitalised name in quotation marks that ends with ``words[last]`` opens (the
    index of its first word), up to four words; None where that word closes no such name."""
    if not re.search(r"\w[\"”'’]$", words[last][2]):
        return None
    for j in range(last, max(-1, last - 4), -1):
        w = words[j][2].strip("\"“”'‘’")
        if not CAPITAL.match(w) or (j < last and re.search(r"[^\w’'\-]$", w)):
            return None
        if re.match(r"[\"“'‘]", words[j][2]):
            return j
    return None


def speaker_phrase(
    words: list[tuple[int, int, str]], lex: dict[str, Any]
) -> tuple[int, int] | None:
    """The speaker phrase that ends with the last of ``words`` (read right to left): a
    pronoun, or names, titles and role words, with a determiner and adjectives before a role."""
    if not words or re.search(r"[^\w.’'\]\-]$", words[-1][2]):
        return None
    # (a capitalised "-ing" word before the verb is a name: "Manning said", "a Beijing News")
    kinds = [_kind(w, lex, i < len(words) - 1 and (i == 0 or not (
        CAPITAL.match(words[i - 1][2]) or words[i - 1][2].lower() in DETERMINERS)))
             for i, (_, _, w) in enumerate(words)]  # fmt: skip
    for i in range(1, len(words)):  # "Article 45 of the Basic Law": the number names it
        if words[i - 1][2] in _NUMBERED and re.fullmatch(r"\d+[\w.()\-]*", words[i][2]):
            kinds[i] = "cap"
        if kinds[i] == "det" and words[i - 1][2].rstrip(".") in ADDRESSES:
            kinds[i] = "cap"  # a surname after a form of address, no determiner: "Mr. Many"
        if he_surname(words[i - 1][2], words[i][2]):
            kinds[i - 1] = "cap"  # the surname He before a given name: "He Lifeng", "He Yafei"
        if words[i - 1][2] == "i" and i > 1 and kinds[i - 2] == kinds[i] == "cap":
            kinds[i - 1] = "link"  # a Catalan name's "i": "Duran i Lleida"
    if kinds[-1] == "pronoun":
        return len(words) - 1, len(words)
    if kinds[-1] not in ("cap", "role"):
        return None
    i, linked = len(words) - 1, [w in ("of", "for") for *_, w in words]  # ("Minister of ... and")
    while i > 0:
        k, w = kinds[i - 1], words[i - 1][2]
        opened = _quoted_name(words, i - 1)
        if opened is not None:  # a name in quotation marks: 'the "Occupy Central" campaign'
            i = opened
            continue
        if re.search(r"[^\w.’'\]\-]$", w):  # a comma or a quotation mark ends the phrase
            break
        if k in ("cap", "role"):
            i -= 1
        elif (
            k == "link"
            and i >= 2
            and kinds[i - 2] in ("cap", "role")
            and (
                w != "and"
                or kinds[i] == kinds[i - 2] == "role"
                or groups_joined(words, kinds, i)
                or (kinds[i] == "cap" and any(linked[max(0, i - 4) : i - 2]))
                or institution_and(words, kinds, i)
            )
        ):
            i -= 1  # "Ambassador to Vietnam Gennady Bezdetko", "Council of Europe"
        elif (k == "link" and i >= 3 and w.lower() in PARTICLES
              and words[i - 2][2].lower() in PARTICLES and kinds[i - 3] == "cap"):  # fmt: skip
            i -= 2  # two particles: "Ignacio de la Torre", "Rafael van der Vaart"
        elif (k == "det" and w.lower() in ("the", "a") and i >= 3
              and words[i - 2][2] in ("of", "for", "to")
              and kinds[i - 3] in ("cap", "role")):  # fmt: skip
            i -= 2  # "the Deputy Head of the Office of the President", "a spokesman for the
            # ...", "Adviser to the President of Ukraine Oleg Ustenko"
        elif k == "det":
            i -= 1
            if not (i >= 2 and words[i - 1][2] == "and" and kinds[i - 2] == "role"
                    and (words[i - 2][2].endswith("s") or words[i - 2][2].lower() == "police")
                    and words[-1][2].endswith("s")):  # fmt: skip
                break
            i -= 1  # two groups, the second with its determiner: "the parents and their
            # supporters", "The Bavarian police and the Bamberg prosecutors"
        elif (
            k == "lower"
            and "role" in kinds[i:]
            and w not in _CLAUSE_WORDS  # "a veto, but veteran Brussels diplomats say"
            and (not w.endswith("ing") or w in _ING_TITLES)  # "..., dismissing critics who"
            and not (lex["verb"].fullmatch(w) and _PAST_REPORT.fullmatch(w))  # "said Army Capt."
            and (
                "det" in kinds[max(0, i - 4) : i - 1]
                or (i >= 3 and words[i - 2][2] == "and")
                or (
                    (i == 1 or re.search(r"[,;—–]$|^(?:And|But)$", words[i - 2][2]))
                    and w not in _CLAUSE_WORDS
                )
                # a capitalised word opening the clause before it: "Human rights advocates"
                or (kinds[i - 2] == "cap" and (i == 2 or re.search(r"[,;—–]$", words[i - 3][2])))
                # up to three adjectives that open the clause: "..., top black lawmakers said"
                or _adjectives_open(words, kinds, i - 1)
            )
        ):
            i -= 1  # an adjective between a determiner or "and" and a role: "the Russian top
            # diplomat", "leaders and political analysts"; or opening the clause: "...,
            # acting Thai prime minister Yingluck Shinawatra said", "And opposition leaders"; or
            # after a dateline's dash: "YANGON, Myanmar — Myanmar’s election commission said"
        else:
            break
    if kinds[i] == "link":
        i += 1
    return i, len(words)


def _adjectives_open(words: list[tuple[int, int, str]], kinds: list[str], at: int) -> bool:
    """Whether ``words[at]`` is one of up to three lower-case words before a role that open the
    clause (at its start, after a comma or a capital: "..., top black lawmakers said")."""
    j = at
    while j > 0 and at - j < 2 and kinds[j - 1] in ("lower", "role"):  # ("top": a role's word)
        w = words[j - 1][2]
        if w in _CLAUSE_WORDS or (w.endswith("ing") and w not in _ING_TITLES):
            return False
        j -= 1
    j -= bool(j and kinds[j - 1] == "cap")  # and a capital before: "Egyptian state news media"
    return j == 0 or re.search(r"[,;—–]$", words[j - 1][2]) is not None


def is_organisation(phrase: str, lex: dict[str, Any]) -> bool:
    """Whether a speaker phrase names an institution by its head word ("the ministry", "the
    Russian Foreign Ministry"): what a later "it said" refers to."""
    words = phrase.lower().split()
    return any(" ".join(words[i:]) in lex["organisations"] for i in range(len(words)))


# common words that may open a speaker phrase besides the lexicon's roles, documents and
# institutions ("Others said", "People familiar with the talks", "Polls show")
_COMMON_OPENINGS = {"others", "people", "anyone", "someone", "everyone", "half", "all", "each",
                    "none", "nobody", "polls", "surveys", "reports", "sources"}  # fmt: skip


def in_common_case(speaker: str, lex: dict[str, Any]) -> str:
    """A speaker as written in lower case where its first word is a common word capitalised
    only because it opens a sentence ("Analysts" is "analysts", "The report" "the report",
    "Some Hong Kong residents" "some Hong Kong residents"), so the tables count one speaker
    once; a name, a title before one ("President Obama") or an institution's name ("Ministry
    of Defence") as written."""
    words = speaker.split()
    first = words[0] if words else ""
    low = first.lower()
    # (a role's word, lower-case words after it: not "Ministry of Defence", "Chinese officials")
    heads = lex["role_words"] | lex["documents"] | lex["organisations"]
    common = low in DETERMINERS | QUANTIFIERS | _COMMON_OPENINGS or (
        low in heads and all(w[:1].islower() for w in words[1:])
    )
    title_case = first[:1].isupper() and first[1:] == first[1:].lower()
    return low + speaker[len(first) :] if common and title_case else speaker


def is_group(phrase: str, lex: dict[str, Any]) -> bool:
    """Whether a speaker phrase names a group of people by a plural role ("South Korean
    officials", "observers and researchers"): what a later "they said" refers to."""
    # (its head before what modifies it: "People briefed on the reshuffling", "Six Gannett
    # newspapers in New Jersey")
    head = re.split(r"\s+(?:of|in|at|for|from|with|on|close(?=\s+to)|who|that|which|[a-z]+ed|"
                    r"[a-z]+ing)\s", phrase, maxsplit=1)[0].split()  # fmt: skip
    last = head[-1] if head else ""
    low = last.lower()
    return (low.endswith("s") and low in lex["roles"]) or low in GROUP_HEADS


# plural heads of groups that speak which no role list holds
GROUP_HEADS = frozenset({"groups", "companies", "newspapers", "people", "organizations",
                         "organisations", "voters", "members", "democrats",
                         "republicans", "respondents"})  # fmt: skip


def month_surname(given: str | None, word: str) -> bool:
    """Whether a month is a surname: after a given name ("Theresa May", "Brian May"), or alone
    (``given`` None: "May said", a surname the resolver then looks up)."""
    months = {"may", "june", "april", "august"}
    return word.lower() in months and (given is None or is_given_name(f"{given} {word}"))


def is_person(name: str, lex: dict[str, Any]) -> bool:
    """Whether a name reads as a person's: two or more capitalised words, none an organisation's,
    a possessive or a participle ("Shanghai-born"), no country's or people's ("Han Chinese")."""
    words = name.split()
    he = len(words) == 2 and he_surname(*words)  # "He Lifeng"
    return len(words) >= 2 and not country_words(words) and not nationals(words) and all(
        (CAPITAL.match(w) or w.lower() in PARTICLES) and (
            w.lower() not in NOT_NAME_WORDS or (i > 0 and month_surname(words[i - 1], w)))
        and (w not in lex["not_speakers"] or (he and i == 0)) for i, w in enumerate(words)
    ) and not any(re.search(rf"['’]s$|-(?:{OF_PLACE})$", w) for w in words)  # fmt: skip
