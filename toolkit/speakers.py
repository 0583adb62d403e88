"""Speakers: the noun phrase next to a reporting verb, and the names a document gives.

Speakers are noun phrases found next to a reporting verb: names ("Russian Foreign Minister
Sergey Lavrov"), surnames, roles ("the Belarusian leader", "the ministry") and pronouns
(:func:`speaker_phrase`). The names a document gives are found with the title words around
them (:func:`find_mentions`): a title right before the name, however long ("Deputy Head of the
Office of the President Rostyslav Shurma"), or an appositive after it. A name is a person's
when the text gives it a title or an appositive, addresses it, or uses the surname alone; a
group ("officials"), a possessive ("Morsi's Brotherhood") or a number ("Sixteen American") is
never one person. :mod:`toolkit.speaker_resolver` resolves a written speaker to those names;
:mod:`toolkit.quotes` finds the quotations and their frames. Verbs, role words, offices,
institutions and titles are in ``toolkit/lexicons/quotes.yaml``.

Example:
    >>> words = word_spans("the Belarusian leader")
    >>> speaker_phrase(words, lexicon())
    (0, 3)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "DETERMINERS",
    "PARTICLES",
    "QUANTIFIERS",
    "UPPER",
    "Mention",
    "find_mentions",
    "is_organisation",
    "is_person",
    "lexicon",
    "name_of",
    "speaker_phrase",
    "surname",
    "word_spans",
]

UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "bin", "al", "le", "la", "el"}
# a capitalised word, also after a particle joined by a hyphen ("al-Sisi", "el-Baradei")
_HYPHENED = rf"(?:(?:{'|'.join(sorted(PARTICLES))})-)"
_CAP = re.compile(rf"^{_HYPHENED}?[{UPPER}][\w’'\-.\[\]]*$")
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one"}
# words that open a group of speakers ("Many Hong Kong residents", "Some analysts")
QUANTIFIERS = {"many", "some", "most", "several", "few", "both"}
# words before a place or a title that may come right before a name ("Ambassador to Vietnam
# Gennady Bezdetko", "of Belarus and Russia Aleksandr Lukashenko")
_BEFORE_PLACE = re.compile(r"(?:in|at|to|from|of|and|or|the|near|into|across)$")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich)$")
_NAME_RUN = re.compile(
    rf"[{UPPER}][\w’'\-]+(?:[ \t]+(?:(?:{'|'.join(sorted(PARTICLES))})[ \t]+)?"
    rf"(?:[{UPPER}]\.|{_HYPHENED}?[{UPPER}][\w’'\-]+))+"
)
_NOT_NAME_WORDS = {
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
    "network", "foundation", "association", "coalition", "movement", "club", "society", "center",
    "centre", "alliance", "front", "league", "fund", "board", "authority", "administration",
    "department", "bureau", "program", "programme", "media", "television", "radio", "magazine",
    "journal", "newspaper", "airlines", "railways", "region", "province", "district", "island",
    "islands", "mountains", "valley", "bay", "lake", "park", "hall", "palace", "airport", "port",
    "championship", "summit", "conference", "festival", "olympics", "tournament", "final",
    "exhibition", "award", "prize", "week", "year", "plan", "strategy", "treaty", "agreement",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "dozens",
}  # fmt: skip


# a generation after a name ("Jon Huntsman Jr"): no name word of its own
_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")
# a given name of two syllables joined by a hyphen, after a family name ("Tsang Chun-wah",
# "Tai Yiu-ting"): an English given name may come before the two ("John Tsang Chun-wah")
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname(name: str) -> str:
    """A name's last word without a particle joined to it ("Abdel Fattah al-Sisi" -> "Sisi"),
    or the word before a generation ("Jon Huntsman Jr" -> "Huntsman"): the word the text uses
    alone."""
    words = name.split()
    if len(words) > 2 and _SUFFIX.fullmatch(words[-1]):
        words = words[:-1]
    return re.sub(rf"^{_HYPHENED}", "", words[-1])


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
        # a whole word, not part of a compound ("the Order of St Andrew the First-Called")
        "verb": re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I),
        "need_that": set(lex["need_that"]),
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
    }


# ---------------------------------------------------------------- speaker phrases


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
    if _CAP.match(word) and word not in lex["not_speakers"]:
        return "cap"
    if low in PARTICLES or low in {"of", "to", "for", "and"}:
        return "link"
    if re.fullmatch(r"[a-z][\w\-]*", word):
        return "lower"
    return "other"


# lower-case words that open a clause, never an adjective before a role ("..., when Chinese
# officials said")
_CLAUSE_WORDS = {"when", "where", "while", "as", "if", "because", "since", "and", "but", "that",
                 "which", "who", "whose", "whom", "after", "before", "so", "then", "though",
                 "although", "until", "once", "whether", "what", "how", "why", "or", "nor", "yet",
                 "also", "even"}  # fmt: skip


# "-ing" words that title a role ("acting Thai prime minister"), not a clause's participle
_ING_TITLES = {"acting", "outgoing", "incoming", "visiting", "leading", "ruling", "governing",
               "presiding", "founding", "managing", "sitting", "serving"}  # fmt: skip


def speaker_phrase(
    words: list[tuple[int, int, str]], lex: dict[str, Any]
) -> tuple[int, int] | None:
    """The speaker phrase that ends with the last of ``words`` (read right to left): a
    pronoun, or names, titles and role words, with a determiner and adjectives before a role."""
    if not words or re.search(r"[^\w.’'\]\-]$", words[-1][2]):
        return None
    kinds = [_kind(w, lex, i == 0 or not _CAP.match(words[i - 1][2]))
             for i, (_, _, w) in enumerate(words)]  # fmt: skip
    if kinds[-1] == "pronoun":
        return len(words) - 1, len(words)
    if kinds[-1] not in ("cap", "role"):
        return None
    i = len(words) - 1
    while i > 0:
        k, w = kinds[i - 1], words[i - 1][2]
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
                or _groups(words, kinds, i)
                or (i >= 3 and words[i - 3][2] in ("of", "for") and kinds[i] == "cap")
            )
        ):
            i -= 1  # "Ambassador to Vietnam Gennady Bezdetko", "Council of Europe"
        elif (k == "det" and w.lower() == "the" and i >= 3 and words[i - 2][2] in ("of", "for")
              and kinds[i - 3] in ("cap", "role")):  # fmt: skip
            i -= 2  # "the Deputy Head of the Office of the President", "a spokesman for the ..."
        elif k == "det":
            i -= 1
            break
        elif (
            k == "lower"
            and "role" in kinds[i:]
            and w not in _CLAUSE_WORDS  # "a veto, but veteran Brussels diplomats say"
            and (not w.endswith("ing") or w in _ING_TITLES)  # "..., dismissing critics who"
            and (
                "det" in kinds[max(0, i - 4) : i - 1]
                or (i >= 3 and words[i - 2][2] == "and")
                or (
                    (i == 1 or re.search(r"[,;]$|^(?:And|But)$", words[i - 2][2]))
                    and w not in _CLAUSE_WORDS
                )
            )
        ):
            i -= 1  # an adjective between a determiner or "and" and a role: "the Russian top
            # diplomat", "leaders and political analysts"; or opening the clause: "...,
            # acting Thai prime minister Yingluck Shinawatra said", "And opposition leaders"
        else:
            break
    if kinds[i] == "link":
        i += 1
    return i, len(words)


def _groups(words: list[tuple[int, int, str]], kinds: list[str], i: int) -> bool:
    """Whether "and" at ``words[i - 1]`` joins two groups ("observers and researchers", "business
    leaders and political analysts"): a plural role before it, and one after it."""
    after = [j for j in range(i, len(words)) if kinds[j] == "role"]
    return (
        kinds[i - 2] == "role"
        and kinds[i] in ("role", "lower")
        and words[i - 2][2].endswith("s")
        and bool(after)
        and words[after[0]][2].endswith("s")
    )


def name_of(phrase: str, lex: dict[str, Any]) -> tuple[list[str], str | None]:
    """A phrase's title words and the name at its end ("Russian Foreign Minister Sergey Lavrov"
    -> (["Russian", "Foreign", "Minister"], "Sergey Lavrov")); the name is None for a role."""
    words = phrase.split()
    i = len(words)
    taken = 0
    while i > 0:
        w = words[i - 1]
        if w in lex["titles"] or (not _CAP.match(w) and w.lower() not in PARTICLES):
            break
        if "-" in w and all(part in lex["titles"] for part in w.split("-")):
            break  # a title of two joined: "Vice-Minister Li"
        if i < len(words) and re.fullmatch(r"[\w’'\-]{4,}\.", w):
            break  # a sentence's end: "The New York Review of Books. Le Carré is"
        if w.lower() in _NOT_NAME_WORDS or w in lex["not_speakers"]:
            break
        initial = re.fullmatch(rf"[{UPPER}]\.", w) is not None or (
            i == len(words) and _SUFFIX.fullmatch(w) is not None
        )  # an initial or a generation ("Jon Huntsman Jr") is no name word of its own
        # first and last name taken: only an initial or a particle goes on, or a third name
        # before a surname joined to its particle ("Abdel Fattah al-Sisi") or before a family
        # name and a hyphened given name ("John Tsang Chun-wah")
        third = re.match(_HYPHENED, words[-1]) or (
            _HYPHENED_GIVEN.fullmatch(words[-1])
            and (i < 2 or not _CAP.match(words[i - 2]) or words[i - 2] in lex["titles"])
        )  # not a title's last word: "Chief Executive Leung Chun-ying"
        if taken >= 2 and not (taken == 2 and third):
            nxt = words[i].lower()
            if not (initial or w.lower() in PARTICLES or nxt in PARTICLES
                    or _PATRONYMIC.search(nxt)):  # fmt: skip
                break
        i -= 1
        taken += 0 if initial or w.lower() in PARTICLES else 1
    while i < len(words) and words[i].lower() in PARTICLES:
        i += 1
    name = " ".join(words[i:]) or None
    return words[:i], name


# ---------------------------------------------------------------- the names a document gives


@dataclass
class Mention:
    """A full name in a document, where it starts, and the title words around it."""

    start: int
    name: str
    titles: set[str]
    cue: bool = False


def find_mentions(text: str, lex: dict[str, Any]) -> list[Mention]:
    """Every full name (two or more words) in the text with the title words around it."""
    found = []
    for m in _NAME_RUN.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()].split()[-4:]
        titles, name = name_of(" ".join([*before, m.group()]), lex)
        name = name and re.sub(r"['’]s$", "", name)  # "Nelson Mandela’s life"
        if not name or len(name.split()) < 2:
            continue
        if re.search(r"[\"“«]$", text[max(0, m.start() - 1) : m.start()]):
            continue  # a nickname or a title in quotation marks: 'dubbed him the “Dalai Lamy”'
        follows = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 30])
        if follows and follows.group(1) in lex["roles"]:
            continue  # a modifier, not a name: "the Hong Kong police", "the Belarus government"
        chain = _title_chain(text, m.start())
        words = {w.lower().strip(",") for w in [*chain, *titles[-5:]]}
        after = re.match(r",\s+(?:the\s+)?([^,.;]{3,60})[,.]", text[m.end() : m.end() + 70])
        if after and any(v.group()[0].islower() for v in lex["verb"].finditer(after.group(1))):
            after = None  # the subject of the main clause: "..., expressed by Emmanuel Macron,
            # the President of Russia emphasised that ..." gives Macron no title
        if after:
            words |= {w.lower() for w in after.group(1).split()}
        # a person by the text's own cue: a title right before the name ("Kremlin spokesman
        # Dmitry Peskov") or an appositive about a person ("Lu Pin, of the ...", "Ms. Smith, 59,")
        last = titles[-1].lower().strip(",.") if titles else ""
        titled = last in lex["title_words"] or last in lex["roles"]
        # or a long title that runs up to the name ("Deputy Head of the Office of the President
        # Rostyslav Shurma", "Deputy Prime Minister - Minister for Reintegration ... Iryna V."),
        # not a name that is what a title is of ("Secretary of the National Security ...")
        of_title = last in _CHAIN_LINKS | {"and"}
        titled = titled or (not of_title and any(w.lower() in lex["title_words"] for w in chain))
        appositive = re.match(
            r",\s+(?:the |a |an |of |from |who |\d)", text[m.end() : m.end() + 70]
        ) or _role_appositive(text, m.end(), lex)
        about = after is not None and appositive
        # or a name in commas that a verb follows: "The Deputy Magistrate, Michael Chan
        # Pik-kiu, said"
        about = about or (
            re.search(r",\s*$", text[max(0, m.start() - 3) : m.start()])
            and re.match(",", text[m.end() :])
            and lex["verb"].match(text[m.end() + 1 : m.end() + 40].lstrip())
        )
        addressed = re.search(
            r"\b(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+$", text[max(0, m.start() - 6) : m.start()]
        )
        run = m.group().split()
        if (
            addressed
            and 2 < len(run) <= 4
            and run[-len(name.split()) :] == name.split()
            and all(w not in lex["titles"] and w.lower() not in _NOT_NAME_WORDS for w in run)
        ):
            name = m.group()  # a name of three or four words the text addresses whole: "Ms. Aung
            # San Suu Kyi", "Mr. Carlos Espinosa de los Monteros"
        elif (
            about or appositive
        ) and not titled:  # an appositive however long ("Joseph Wong Wing-ping, a former senior
            # public servant in Hong Kong who has backed ..."): a three-word name
            name = _three_names(text, m, name, lex)
        found.append(Mention(m.start() + m.group().find(name.split()[0]), name, words,
                             bool(titled or about)))  # fmt: skip
    return found


_CHAIN_LINKS = {"of", "the", "for", "on", "-", "–", "—"}


def _role_appositive(text: str, end: int, lex: dict[str, Any]) -> bool:
    """Whether a role with no determiner follows the name in commas ("Pier Luigi Bersani,
    leader of Italy’s Democratic Party,", "Masete Levy, president of ..."): it is about a
    person."""
    role = re.match(r",\s+([a-z]+)\s+(?:of|for|at|with)\s", text[end : end + 40])
    return bool(role and role.group(1) in lex["role_words"])


def _title_chain(text: str, at: int) -> list[str]:
    """The capitalised words and links ("of the", "for", a dash) right before ``text[at]``, up
    to a lower-case word or a punctuation mark: a title however long it runs."""
    chain: list[str] = []
    for w in reversed(text[max(0, at - 200) : at].split()[-16:]):
        if re.search(r"[,.;:!?\"“”()]$", w) or not (_CAP.match(w) or w in _CHAIN_LINKS):
            break
        chain.append(w)
    while chain and chain[-1] in _CHAIN_LINKS:
        chain.pop()
    return chain[::-1]


def _three_names(text: str, run: re.Match, name: str, lex: dict[str, Any]) -> str:
    """A two-word name with the word before it when the three open the run of capitals after a
    sentence start, a comma or a lower-case word that comes before no place, and an appositive
    follows ("Luiz Felipe Scolari, the coach of ...", "said Ali Akbar Velayati, a senior aide");
    not a place or a title before a name ("in Hanoi Gennady Bezdetko", "Presidential Aide Yury
    Ushakov"): then the name as it was."""
    words = run.group().split()
    if len(words) != len(name.split()) + 1:
        return name
    first = words[0]
    if (first in lex["titles"] or first in lex["not_speakers"] or first.lower() in _NOT_NAME_WORDS
            or not re.fullmatch(r"[\w’'\-]+", first)):  # fmt: skip
        return name
    prev = text[max(0, run.start() - 30) : run.start()].split()[-1:]
    opens = (
        not prev
        or re.search(r"[,.;:!?\"“”(]$", prev[0])
        or (re.fullmatch(r"[a-z]+", prev[0]) and not _BEFORE_PLACE.match(prev[0]))
    )
    return f"{first} {name}" if opens else name


def is_organisation(phrase: str, lex: dict[str, Any]) -> bool:
    """Whether a speaker phrase names an institution by its head word ("the ministry", "the
    Russian Foreign Ministry"): what a later "it said" refers to."""
    words = phrase.lower().split()
    return any(" ".join(words[i:]) in lex["organisations"] for i in range(len(words)))


def is_person(name: str, lex: dict[str, Any]) -> bool:
    """Whether a name reads as a person's: two or more capitalised words, none an organisation's."""
    words = name.split()
    return len(words) >= 2 and all(
        (_CAP.match(w) or w.lower() in PARTICLES) and w.lower() not in _NOT_NAME_WORDS
        and w not in lex["not_speakers"] for w in words
    ) and not any(re.search(r"['’]s$", w) for w in words)  # "Morsi's Brotherhood"  # fmt: skip
