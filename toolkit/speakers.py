"""Speakers: the noun phrase next to a reporting verb, and who it names in its document.

Speakers are noun phrases found next to a reporting verb: names ("Russian Foreign Minister
Sergey Lavrov"), surnames, roles ("the Belarusian leader", "the ministry") and pronouns. Each is
resolved within its document where the text makes it clear:

- a surname to the full name that ends with it, else one that starts with it (a family name
  written first: "Choi" -> "Choi Man-yiu");
- a role to the one name the document gives that title ("Belarusian President Aleksandr
  Lukashenko" makes "the Belarusian leader" and "the President of Belarus" Aleksandr
  Lukashenko), before the role, else right at a name after it (a headline); an office ("the
  President") that the document gives no one is, like "he", the person quoted last;
- an institution's head word ("the ministry") to the one institution the document names with it
  ("the Russian Emergencies Ministry"), and "it" to the institution quoted last;
- "he" or "she" to the person quoted or mentioned last (by full name or surname, outside
  quotation marks and reported clauses, of the gender "Mr." or "Ms." gives, within 1,500
  characters).

A name is a person's when the text gives it a title or an appositive, addresses it, or uses the
surname alone; a group ("officials") is never one person. Otherwise the speaker is left as
written. An optional alias table maps resolved names to one canonical name. Verbs, role words,
offices, institutions and titles are in ``toolkit/lexicons/quotes.yaml``. :mod:`toolkit.quotes`
finds the quotations and their frames.

Example:
    >>> words = word_spans("the Belarusian leader")
    >>> speaker_phrase(words, lexicon())
    (0, 3)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "UPPER",
    "Mention",
    "Resolver",
    "find_mentions",
    "is_organisation",
    "is_person",
    "lexicon",
    "speaker_phrase",
    "word_spans",
]

UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_CAP = re.compile(rf"^[{UPPER}][\w’'\-.\[\]]*$")
_PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "bin", "al", "le", "la", "el"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one"}
_PRONOUN_REACH = 1500  # characters between a pronoun and the last mention of its person
# a surname on its own: at the start, after punctuation or a lower-case word that is no preposition
_LONE_AFTER = re.compile(
    r"^(?:|.*[,.;:!?\"“”(]|(?!(?:in|at|to|from|of|for|near|across|into|on|by|the)$)[a-z]+)$"
)
# words before a place or a title that may come right before a name ("Ambassador to Vietnam
# Gennady Bezdetko", "of Belarus and Russia Aleksandr Lukashenko")
_BEFORE_PLACE = re.compile(r"(?:in|at|to|from|of|and|or|the|near|into|across)$")
_ADDRESS_WORDS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor"}
_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_ADDRESS = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'\-]+\s+)?([A-Z][\w’'\-]+)")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich)$")
_NAME_RUN = re.compile(
    rf"[{UPPER}][\w’'\-]+(?:[ \t]+(?:(?:{'|'.join(sorted(_PARTICLES))})[ \t]+)?"
    rf"(?:[{UPPER}]\.|[{UPPER}][\w’'\-]+))+"
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
}  # fmt: skip


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
        "verb": re.compile(rf"\b(?:{alternation})\b", re.I),
        "need_that": set(lex["need_that"]),
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
    if low in _DETERMINERS:
        return "det"
    if low in lex["role_words"]:
        return "role"
    if _CAP.match(word) and word not in lex["not_speakers"]:
        return "cap"
    if low in _PARTICLES or low in {"of", "to", "for", "and"}:
        return "link"
    if re.fullmatch(r"[a-z][\w\-]*", word):
        return "lower"
    return "other"


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
                w != "and" or kinds[i] == kinds[i - 2] == "role"  # "observers and researchers"
            )
        ):
            i -= 1  # "Ambassador to Vietnam Gennady Bezdetko", "Council of Europe"
        elif k == "det":
            i -= 1
            break
        elif k == "lower" and "role" in kinds[i:] and "det" in kinds[max(0, i - 4) : i - 1]:
            i -= 1  # an adjective between a determiner and a role: "the Russian top diplomat"
        else:
            break
    if kinds[i] == "link":
        i += 1
    return i, len(words)


def _name_of(phrase: str, lex: dict[str, Any]) -> tuple[list[str], str | None]:
    """A phrase's title words and the name at its end ("Russian Foreign Minister Sergey Lavrov"
    -> (["Russian", "Foreign", "Minister"], "Sergey Lavrov")); the name is None for a role."""
    words = phrase.split()
    i = len(words)
    taken = 0
    while i > 0:
        w = words[i - 1]
        if w in lex["titles"] or (not _CAP.match(w) and w.lower() not in _PARTICLES):
            break
        if w.lower() in _NOT_NAME_WORDS or w in lex["not_speakers"]:
            break
        initial = re.fullmatch(rf"[{UPPER}]\.", w) is not None
        if taken >= 2:  # first and last name taken: only an initial or a particle goes on
            nxt = words[i].lower()
            if not (initial or w.lower() in _PARTICLES or nxt in _PARTICLES
                    or _PATRONYMIC.search(nxt)):  # fmt: skip
                break
        i -= 1
        taken += 0 if initial or w.lower() in _PARTICLES else 1
    while i < len(words) and words[i].lower() in _PARTICLES:
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
        titles, name = _name_of(" ".join([*before, m.group()]), lex)
        if not name or len(name.split()) < 2:
            continue
        follows = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 30])
        if follows and follows.group(1) in lex["roles"]:
            continue  # a modifier, not a name: "the Hong Kong police", "the Belarus government"
        words = {w.lower().strip(",") for w in titles[-5:]}
        after = re.match(r",\s+(?:the\s+)?([^,.;]{3,60})[,.]", text[m.end() : m.end() + 70])
        if after:
            words |= {w.lower() for w in after.group(1).split()}
        # a person by the text's own cue: a title right before the name ("Kremlin spokesman
        # Dmitry Peskov") or an appositive about a person ("Lu Pin, of the ...", "Ms. Smith, 59,")
        last = titles[-1].lower().strip(",.") if titles else ""
        titled = last in lex["title_words"] or last in lex["roles"]
        about = after is not None and re.match(
            r"(?:the |a |an |of |from |who |\d)", text[m.end() : m.end() + 70].lstrip(", ")
        )
        if about and not titled:
            name = _three_names(text, m, name, lex)
        found.append(Mention(m.start() + m.group().find(name.split()[0]), name, words,
                             bool(titled or about)))  # fmt: skip
    return found


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
        (_CAP.match(w) or w.lower() in _PARTICLES) and w.lower() not in _NOT_NAME_WORDS
        and w not in lex["not_speakers"] for w in words
    )  # fmt: skip


def _title_matches(titles: set[str], head: str, modifiers: set[str], lex: dict) -> bool:
    heads = lex["synonyms"].get(head, set()) | {head}
    joined = " ".join(sorted(titles))
    if not any(all(w in titles for w in h.split()) for h in heads) and head not in joined:
        return False
    return all(_modifier_in(w, titles) for w in modifiers)


def _modifier_in(word: str, titles: set[str]) -> bool:
    """Whether a role's modifier is among a name's title words, a country as its adjective
    ("Belarus" for "Belarusian", "Ukraine" for "Ukrainian", "China" for "Chinese")."""
    stem = word.rstrip("aeiou")
    return word in titles or (len(stem) >= 4 and any(t.startswith(stem) for t in titles))


def _salient(name: str, text: str, addressed: set[str], cue: bool) -> bool:
    """A person: given a title or an appositive ("President Vladimir Putin", "Natalia Eismont,
    spokeswoman"), addressed ("Ms. Lu") or named again by the surname alone ("Lukashenko
    said"); not a place ("Hong Kong": "Kong" is never alone; "in Jerusalem") or a one-off run of
    capitals."""
    if cue or name.split()[-1] in addressed:
        return True
    for word in name.split():  # the surname alone: "Lukashenko said", "noted Leung."
        for m in re.finditer(rf"\b{re.escape(word)}\b(?!\s+[{UPPER}])", text):
            before = text[max(0, m.start() - 30) : m.start()].split()[-1:]
            prev = before[0] if before else ""
            if _LONE_AFTER.match(prev) or prev.rstrip(".") in _ADDRESS_WORDS:
                return True
    return False


@dataclass
class Resolver:
    """Who a written speaker is in one document: the names it mentions, the lexicon, the
    aliases (lower-case form -> canonical name), the text, the spans inside quotation marks
    (names there are not antecedents of a pronoun), the reported clauses attributed so far
    (nor are names there: "Mr. Amin said that he suspected the assault on Mr. Parolari. He
    said ..." is Mr. Amin again) and the person quoted last."""

    mentions: list[Mention]
    lex: dict[str, Any]
    aliases: dict[str, str]
    text: str = ""
    quoted: list[tuple[int, int]] = field(default_factory=list)
    last_person: tuple[int, str] | None = None
    reported: list[tuple[int, int]] = field(default_factory=list)
    last_organisation: tuple[int, str] | None = None

    def __post_init__(self) -> None:
        self.count = Counter(m.name for m in self.mentions)
        addressed = set(re.findall(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+([\w’'\-]+)", self.text))
        cued = {m.name for m in self.mentions if m.cue}
        self.persons = [m for m in self.mentions if is_person(m.name, self.lex)
                        and _salient(m.name, self.text, addressed, m.name in cued)]  # fmt: skip
        self._chain = self._person_mentions()

    def _outside_quotes(self, pos: int) -> bool:
        return not any(a <= pos < b for a, b in self.quoted)

    def _person_mentions(self) -> tuple[list[int], list[str]]:
        """Each mention of a person outside quotation marks, by full name or by surname alone
        ("Wales", "Ms. Zhang"), in text order: the chain a pronoun is resolved along."""
        at: dict[int, str] = {m.start: m.name for m in self.persons}
        surnames = {m.name.split()[-1] for m in self.persons}
        for surname in surnames:
            for m in re.finditer(rf"\b{re.escape(surname)}\b", self.text):
                if m.start() in at or any(s < m.start() < s + len(n) for s, n in at.items()
                                          if n.endswith(surname)):  # fmt: skip
                    continue
                full = [p for p in self.persons if p.name.split()[-1] == surname]
                before = [p for p in full if p.start < m.start()]
                at[m.start()] = (before[-1] if before else full[0]).name
        self.gender: dict[str, str] = {}
        for m in _ADDRESS.finditer(self.text):
            for name in {n for n in at.values() if n.split()[-1] == m.group(2)}:
                self.gender.setdefault(name, "m" if m.group(1) == "Mr" else "f")
        chain = sorted((p, n) for p, n in at.items() if self._outside_quotes(p))
        return [p for p, _ in chain], [n for _, n in chain]

    def person_before(self, pos: int, pronoun: str = "") -> tuple[int, str] | None:
        """The person mentioned last before ``pos`` (outside quotation marks) whose known
        gender, if any, agrees with the pronoun."""
        starts, names = self._chain
        want = _GENDER.get(pronoun.lower())
        for i in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
            if pos - starts[i] > _PRONOUN_REACH:
                break
            if any(a <= starts[i] < b for a, b in self.reported):
                continue
            if want is None or self.gender.get(names[i], want) == want:
                return starts[i], names[i]
        return None

    def resolve(self, written: str, pos: int) -> str:
        lex = self.lex
        low = written.lower()
        if low == "it":  # the organisation quoted last ("the ministry recalled ... it noted")
            last = self.last_organisation
            return last[1] if last and 0 < pos - last[0] < _PRONOUN_REACH else written
        if low in _GENDER:
            # the person quoted last, or mentioned last (by name or surname, outside quotation
            # marks, of the pronoun's gender where the text says it with Mr. or Ms.); a pronoun
            # further from its person is left unresolved
            last = self.last_person
            if last and self.gender.get(last[1], _GENDER[low]) != _GENDER[low]:
                last = None
            near = [p for p in (last, self.person_before(pos, low))
                    if p and 0 < pos - p[0] < _PRONOUN_REACH]  # fmt: skip
            return max(near)[1] if near else written
        titles, name = _name_of(written, lex)
        if name and titles and titles[-1].lower() == "of":
            # "Louise M. Slaughter of New York": the name before "of"; "a former mayor of San
            # José": a role, and the place it is of
            _, before = _name_of(" ".join(titles[:-1]), lex)
            name = before if before and len(before.split()) >= 2 else None
        if name and len(name.split()) >= 2:
            # the one longer name the document gives that ends with it ("Ali Akbar Velayati"
            # for "Akbar Velayati", the two last words of a three-word name)
            longer = {m.name for m in self.mentions if m.name.endswith(" " + name)}
            return self._alias(longer.pop() if len(longer) == 1 else name)
        if name:  # a surname: the full name that ends with it, the latest before, else the first
            full = [m for m in self.mentions if m.name.split()[-1] == name]
            # else one that starts with it: a family name written first ("Choi Man-yiu")
            full = full or [m for m in self.mentions if m.name.split()[0] == name]
            if full:  # the one most often named, the latest before the quote among equals
                best = max(
                    full,
                    key=lambda m: (
                        bool(m.titles & self.lex["title_words"]),
                        self.count[m.name],
                        m.start < pos,
                        m.start,
                    ),
                )
                return self._alias(best.name)
            if len(written.split()) == 1:
                return self._alias(written)
            # no name ends with it: a role with a capitalised complement ("the Russian Minister
            # of Foreign Affairs")
        words = [w.lower().replace("’", "'") for w in written.split()
                 if w.lower() not in _DETERMINERS]  # fmt: skip
        complement: list[str] = []
        at = words.index("of") if "of" in words[1:] else 0
        if (
            at
            and " ".join(words) not in lex["roles"]
            and lex["roles"] & {" ".join(words[i:at]) for i in range(at)}
        ):
            # "the President of Belarus", "the Russian Minister of Foreign Affairs": the role,
            # and what it is of as modifiers
            words, complement = words[:at], [w for w in words[at + 1 :] if w != "the"]
        head = next((" ".join(words[i:]) for i in range(len(words))
                     if " ".join(words[i:]) in lex["roles"]), None)  # fmt: skip
        if head is None or re.search(r"[^s]s$", head):
            return written  # no role, or a group ("officials", "sources"): never one person
        modifiers = {re.sub(r"'s$", "", w) for w in words[: len(words) - len(head.split())]
                     if w[:1].isalpha() and w not in {"top", "senior", "former"}}  # fmt: skip
        modifiers |= set(complement)
        if head in lex["organisations"]:
            return self._organisation(written, head, modifiers, pos)
        if head in lex["documents"]:
            return written  # "the statement" names no one: the text says whose elsewhere
        titled = [m for m in self.mentions if _title_matches(m.titles, head, modifiers, lex)]
        people = {p.name for p in self.persons}
        # the names given that title before the role, else an office holder titled right at
        # the name after it (a headline, or a lead that names the person only later); among
        # them the people, where there are any
        later = [m for m in titled if m.start >= pos and m.cue and head in lex["offices"]]
        for pool in ([m for m in titled if m.start < pos], later):
            names = {m.name for m in pool}
            names = (names & people) or names
            if len(names) == 1:
                return self._alias(names.pop())
            if names and self.last_person and self.last_person[1] in names:
                return self.last_person[1]
            if names:
                return written
        last = self.last_person
        other_office = last and any(m.name == last[1] and m.cue for m in self.mentions)
        if (not modifiers and head in lex["offices"] and last and not other_office
                and 0 < pos - last[0] < _PRONOUN_REACH):  # fmt: skip
            # "the President" in a document that gives no one that title: like "he", the
            # person quoted last ("..., Aleksandr Lukashenko stressed. The President noted"),
            # unless the text gives that person a title of their own (another office)
            return last[1]
        return written

    def _organisation(self, written: str, head: str, modifiers: set[str], pos: int) -> str:
        """The one organisation ("the ministry") the document names with that head word and the
        role's modifiers ("the Russian Emergencies Ministry"), before the role, else anywhere;
        a shorter form of the same name ("the Foreign Ministry") is the longer one. The name
        may go on after the head ("Central Commission for Discipline Inspection")."""
        cap = rf"[{UPPER}][\w’'\-]*"
        found = [(m.start(), m.group().strip()) for m in re.finditer(
            rf"(?<![\w’'\-])(?:{cap}\s+(?:(?:of|for|and)\s+)?){{1,6}}{re.escape(head.title())}\b"
            rf"(?:\s+(?:of|for|on)(?:\s+{cap}){{1,4}}\b)?", self.text)]  # fmt: skip
        names = []
        for start, name in found:
            words = name.split()
            while words and words[0] in self.lex["not_speakers"] | {"The"}:
                words = words[1:]
            low = {w.lower() for w in words}
            if len(words) >= 2 and all(_modifier_in(w, low) for w in modifiers):
                names.append((start, " ".join(words)))
        for pool in ({n for s, n in names if s < pos}, {n for _, n in names}):
            longest = max(pool, key=len, default=None)
            if longest and all(n in longest for n in pool):
                return self._alias(longest)
            if pool:
                return written
        return written

    def _alias(self, name: str) -> str:
        return self.aliases.get(name.lower(), name)
