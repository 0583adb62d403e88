"""The people a document mentions, in text order: the chain a pronoun is resolved along.

- a name is a person's when the text gives it a title or an appositive, addresses it ("Ms. Lu"),
  uses the surname alone ("Lukashenko said"), or has it speak ("Vladimir Putin informed ...");
- each person is mentioned by full name, by surname alone ("Wales", "Ms. Zhang") or, for a
  family name written first, by that name alone ("Dr Wang Chunchen ... Wang says"); not by a
  word inside a longer run of capitals or a place after a preposition ("Lower Austria", "in
  Hong Kong");
- one the text names by address or title and surname only, never in full ("President Obama ...
  Mr. Obama"), is a person where "Mr." or "Ms." addresses them at least once;
- "Mr." or "Ms." before a surname gives the person's gender, and so does a gendered noun
  right before the name or in its appositive ("his grandmother, Petrunka Yankova"), a Burmese
  honorific, a Slavic surname's feminine ending and, where nothing in the text does, the given
  name (:mod:`toolkit.given_names`: "Amy", "Vladimir"; not "Jean" or "Kim").

:mod:`toolkit.speaker_resolver` resolves pronouns along this chain.

Example:
    >>> from toolkit.speaker_names import find_mentions
    >>> from toolkit.speakers import lexicon
    >>> text = "Vladimir Putin informed Recep Tayyip Erdogan of the talks. Putin said more."
    >>> chain = person_chain(find_mentions(text, lexicon()), lexicon(), text, [])
    >>> chain.names
    ['Vladimir Putin', 'Vladimir Putin']
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from toolkit.given_names import given_name_gender
from toolkit.speaker_names import KNOWN_BY_TITLE, Mention
from toolkit.speaker_organisations import INSTITUTION_WORDS
from toolkit.speakers import ADDRESSES, PARTICLES, UPPER, is_person, surname
from toolkit.whole_words import space_before, whole_word_spans

__all__ = ["ADDRESS_BEFORE", "ADDRESS_GENDER", "FEMALE", "MALE", "Chain", "addressed_as",
           "person_chain"]  # fmt: skip

_ADDRESS_WORDS = ADDRESSES | {"Prof", "Professor"}
_ADDRESSED = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+([\w’'\-]+)")
_ADDRESS = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'\-]+\s+)?([A-Z][\w’'\-]+)")
# a surname on its own: at the start, after punctuation or a lower-case word that is no preposition
_LONE_AFTER = re.compile(
    r"^(?:|.*[,.;:!?\"“”(]|(?!(?:in|at|to|from|of|for|near|across|into|on|by|the)$)[a-z]+)$"
)
# before a word: a capitalised word with no stop, a place's preposition or a hyphen ("Lower
# Austria", "in Hong Kong", "Kyiv-Austria"; not "in Moscow. Putin"); after it, a capitalised
# word ("Chute Foundation")
_RUN_BEFORE = re.compile(
    rf"(?:\b([{UPPER}][\w’'\-]*)\s+|\b(?:in|at|to|from|near|into|across)\s+|-)$"
)
_RUN_AFTER = re.compile(rf"\s+[{UPPER}]")
_MR = re.compile(r"\bMr\.?$")
# the space between a name and its verb, with an adverb ("also", "again", "firmly")
_ADVERB = r"(?:(?:also|again|then|later|[a-z]+ly)\s+)"
_ADVERB_GAP = re.compile(rf"\s+{_ADVERB}?")
# a plural last word ("South Africans", "Afghan Women")
_PLURAL = re.compile(r"(?:[^s]s|\b(?:Women|Men|People|Children))$")
# a capitalised word and the lower-case word after it, past an adverb ("Wang also noted")
_WORD_AND_NEXT = re.compile(rf"\b([{UPPER}][\w’'\-]*)\s+{_ADVERB}?([a-z]+)\b")


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout)\s+$")
# what opens a name that is no person's: "the" ("the Arab Spring", "the Middle East"), or an
# institution's head and what it is for or of ("the Center for American Progress", "the Center
# on Budget and Policy Priorities"), whatever its appositive says
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_INSTITUTION_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(INSTITUTION_WORDS))})\s+(?:for|on|of)"
    rf"(?:\s+(?:[{UPPER}][\w’'\-]*|and))*\s+$"
)
# a Slavic surname's feminine ending: Czech and Slovak -ová, -ská, -cká; Russian -ova, -eva,
# -skaya and the patronymics' -ovna, -evna; Polish -ska, -cka
_FEMININE_SURNAME = re.compile(r"(?:ová|ská|cká|ovna|evna|[^u]ova|eva|ska|cka|skaya|tskaya)$")
# a run of capitals and the age after it in commas
_AGED = re.compile(
    rf"([{UPPER}][\w’'\-.]*(?:\s+[{UPPER}][\w’'\-.]*)*),\s+(?:an?\s+)?\d{{1,3}}"
    r"(?:-year-old\b|,)"
)
# nouns that say a person's gender, right before the name ("said his grandmother, Petrunka
# Yankova") or in the appositive after it ("Umm Abdullah, a 60-year-old woman from Daraya")
FEMALE = {"woman", "mother", "grandmother", "wife", "daughter", "sister", "girl", "widow",
          "spokeswoman", "chairwoman", "businesswoman", "actress", "aunt", "niece", "queen",
          "princess", "nun"}  # fmt: skip
MALE = {"man", "father", "grandfather", "husband", "son", "brother", "boy", "widower",
        "spokesman", "businessman", "actor", "uncle", "nephew", "king", "prince",
        "monk"}  # fmt: skip
_GENDERED = "|".join(sorted(FEMALE | MALE))
_GENDERED_BEFORE = re.compile(rf"\b({_GENDERED}),?\s+$", re.I)
# Burmese honorifics before a name: "U Khin Nyunt" (a man), "Daw Aung San Suu Kyi" (a woman)
_HONORIFIC_BEFORE = re.compile(r"\b(U|Daw)\s+$")
_GENDERED_AFTER = re.compile(
    rf",\s+(?:an?|the|his|her|their|[{UPPER}][\w\-]*['’]s)\s+(?:[\w\-]+\s+){{0,2}}"
    rf"({_GENDERED})\b"
)  # (or a person's: "Ying-Ying Chang, Iris's mother,")
# a relative clause of the person's kin ("Nihal Simsek, whose husband and eldest son are held"):
# a person, of no gender the noun gives
_WHOSE_KIN = re.compile(
    rf",\s+whose\s+(?:[\w\-]+\s+){{0,2}}(?:{_GENDERED}|parents|children|family|wife|husband)s?\b"
)


@dataclass
class Chain:
    """The persons among a document's names, each mention of one outside quotation marks
    (``starts`` and ``names`` in text order), and the gender "Mr." or "Ms." gives them."""

    persons: list[Mention]
    starts: list[int]
    names: list[str]
    gender: dict[str, str]


def person_chain(mentions: list[Mention], lex: dict[str, Any], text: str,
                 quoted: list[tuple[int, int]]) -> Chain:  # fmt: skip
    """The persons of ``mentions`` and their mentions in ``text`` outside the ``quoted`` spans."""
    addressed = set(_ADDRESSED.findall(text))
    aged = _aged(text)
    # (or a kin or gendered noun right before it: "Teruggi’s younger sister, Janis Page"; or an
    # appositive of one of a group of a role: "Wang Bo, one of Yenching’s associate deans")
    cued = {m.name for m in mentions if m.cue or _speaks(m, text, lex)
            or _GENDERED_AFTER.match(text, m.start + len(m.name))
            or _GENDERED_BEFORE.search(text, max(0, m.start - 40), m.start)
            or _one_of_role(text, m.start + len(m.name), lex)
            or _WHOSE_KIN.match(text, m.start + len(m.name))}  # fmt: skip
    # and the first of two joined names the second of which speaks ("Vladimir Putin and
    # Abdelmadjid Tebboune reaffirmed")
    cued |= {a.name for a, b in itertools.pairwise(mentions)
             if re.fullmatch(r"\s+and\s+", text[a.start + len(a.name) : b.start])
             and _speaks(b, text, lex)}  # fmt: skip
    # (a kin or gendered noun in its appositive makes a person: "Ying-Ying Chang, Iris's mother")
    persons = [m for m in mentions if is_person(m.name, lex) and not _a_body(m, text, lex)
               and _salient(m.name, text, addressed, aged, m.name in cued)
               and not (not m.cue and _PLACE_BEFORE.search(text, max(0, m.start - 12), m.start))
               and not (m.name not in cued
                        and _THE_BEFORE.search(text, max(0, m.start - 4), m.start))
               and not _INSTITUTION_BEFORE.search(text, max(0, m.start - 80), m.start)
               ]  # fmt: skip
    # (a name right after "in" or "at" that nothing makes a person's is a place: "speeches he
    # made in Andhra Pradesh"; one after "the" or in an institution's name, a thing or a body)
    at: dict[int, str] = {m.start: m.name for m in persons}
    surnames = {surname(m.name) for m in persons}
    for last in surnames:
        for begin, end in whole_word_spans(text, last):
            if _in_run(text, begin, end, lex):
                continue  # "in Hong Kong", "Lower Austria": no mention of the person
            if begin in at or any(s < begin < s + len(n) for s, n in at.items()
                                  if n.endswith(last)):  # fmt: skip
                continue
            full = [p for p in persons if surname(p.name) == last]
            # ("Mrs. Clinton" is Hillary Rodham Clinton, not Bill Clinton named after her)
            sex = ADDRESS_BEFORE.search(text, max(0, begin - 6), begin)
            kept = [p for p in full if not sex or given_name_gender(p.name) in (
                None, ADDRESS_GENDER[sex.group(1)])]  # fmt: skip
            if not (sex and kept) and _named_other(text, last, full):
                continue  # another of the surname ("President Obama ... Mr. Obama ... Michelle
                # Obama"), unless an address of the one named in full's gender comes before it
            full = kept or full  # (else a given name is no proof: "Lindsey Graham ... Mr. Graham")
            before = [p for p in full if p.start < begin]
            at[begin] = (before[-1] if before else full[0]).name
    _family_first(at, persons, surnames, Counter(m.name for m in mentions), text, lex)
    gender: dict[str, str] = {}
    for p in persons:  # a gendered noun right before the name or in its appositive
        before = _GENDERED_BEFORE.search(text, max(0, p.start - 40), p.start)
        after = _GENDERED_AFTER.match(text, p.start + len(p.name))
        noun = (before or after) and (before or after).group(1).lower()
        if noun:
            gender.setdefault(p.name, "f" if noun in FEMALE else "m")
        honorific = _HONORIFIC_BEFORE.search(text, max(0, p.start - 4), p.start)
        first = honorific.group(1) if honorific else p.name.split()[0]
        if first in ("U", "Daw") and len(p.name.split()) >= 2:
            gender.setdefault(p.name, "m" if first == "U" else "f")
    given = {w.lower() for m in mentions for w in m.name.split()}  # (words of names in full)
    # (and the genders the text gives those named in full, by surname: "Mr. Obama" is none of
    # "his wife, Michelle Obama" and "his half sister, Auma Obama"; a given name is no proof:
    # "Lindsey Graham", "Suma Chakrabarti")
    sexes: dict[str, set] = {}
    for p in persons:
        sexes.setdefault(surname(p.name).lower(), set()).add(gender.get(p.name))
    gender |= _addressed_only(at, {x.lower() for x in surnames} | given, text, lex, sexes)
    for m in _ADDRESS.finditer(text):
        said = ADDRESS_GENDER[m.group(1)]
        if m.start(2) not in at:
            continue  # a mention no full name was linked to: no gender to give one
        names = {n for n in at.values() if surname(n) == m.group(2)}
        if len(names) > 1:  # two of one surname ("Robert G. Mugabe", "his wife, Grace
            # Mugabe"): "Mr. Mugabe" is the one no noun gives the other gender
            names = {n for n in names if gender.get(n, said) == said}
            if len({n.split()[0] for n in names}) > 1:
                continue  # two given names: two people ("Andrew M. Cuomo" and "Andrew
                # Cuomo" are one)
        for name in names:
            gender.setdefault(name, said)
    for p in persons:  # a Slavic surname's feminine ending ("Zuzana Čaputová", "Maria
        # Zakharova"; "Iryna Vereshchuk" has none) where no "Mr." says otherwise: a woman
        last = p.name.split()[-1]
        if (
            len(p.name.split()) >= 2
            and _FEMININE_SURNAME.search(last)
            and not any(_mr_before(text, b) for b, _ in whole_word_spans(text, last))
        ):
            gender.setdefault(p.name, "f")
    for p in persons:  # last, what the given name says ("Amy Chua", "Vladimir Putin"), where
        # nothing in the text did
        said = given_name_gender(p.name)
        if said:
            gender.setdefault(p.name, said)
    chain = sorted((p, n) for p, n in at.items() if not any(a <= p < b for a, b in quoted))
    return Chain(persons, [p for p, _ in chain], [n for _, n in chain], gender)


def addressed_as(
    full: list[Mention], written: str, gender: dict[str, str], text: str
) -> list[Mention]:
    """Of the names in full ``full`` that a surname ``written`` may be, those its form of
    address allows: the ones of the gender it gives ("Ms. Mugabe" beside "Mr. Mugabe"), none
    where the one name has the other ("Mr. Obama" beside "Michelle Obama"); with no address,
    none where the text gave the surname the other gender's address first (:func:`_named_other`:
    "President Obama" after "Mr. Obama", before "Michelle Obama")."""
    address = re.match(r"(Mr|Mrs|Ms|Miss)\.?\s", written)
    if address and full:
        said = ADDRESS_GENDER[address.group(1)]
        kept = [m for m in full if gender.get(m.name, said) == said]
        return kept or (full if len({m.name for m in full}) > 1 else [])
    return [] if full and _named_other(text, surname(full[0].name), full) else full


def _named_other(text: str, last: str, full: list[Mention]) -> bool:
    """Whether ``text`` gives the surname ``last`` an address of one gender ("Mr. Obama")
    before the first of the names in full that end with it (``full``), whose given names all
    say the other ("Michelle Obama"): the surname alone names another person."""
    genders = {given_name_gender(p.name) for p in full}
    if len(genders) != 1 or None in genders:
        return False
    end = min(p.start for p in full)
    for b, _ in whole_word_spans(text, last):
        a = ADDRESS_BEFORE.search(text, max(0, b - 6), b) if b < end else None
        if a and ADDRESS_GENDER[a.group(1)] not in genders:
            return True
    return False


# a person the text names by address or title and surname only ("Mr. Obama", "President
# Obama", "Ms. Lu"): the title, the surname
_ADDRESSED_ONLY = re.compile(
    rf"\b(Mr|Mrs|Ms|Miss|President|{KNOWN_BY_TITLE})\.?\s+([{UPPER}][\w\-]+(?:[’'][{UPPER}][\w\-]+)?)"
    rf"\b(?!\s+[{UPPER}])"
)


def _addressed_only(at: dict[int, str], surnames: set[str], text: str, lex: dict[str, Any],
                    sexes: dict[str, set]) -> dict[str, str]:  # fmt: skip
    """Add to ``at`` each mention of a person the text names by address or title and surname
    only ("President Obama ... Mr. Obama said"), addressed with "Mr." or "Ms." at least once,
    none of ``surnames`` (the lower-cased words of the names it gives in full) unless all those
    it names in full with it are of the other gender (``sexes``: "Mr. Obama" beside his wife and
    sister, "Michelle Obama" and "Auma Obama"): named as the resolver names them, by the title
    where the text gives one ("President Obama"), else as first addressed ("Ms. Lu"), and two
    of one surname apart by "Mr." and "Ms.". Their gender, as the address gives it."""
    seen: dict[str, list[tuple[int, str, str]]] = {}
    for m in _ADDRESSED_ONLY.finditer(text):
        if m.group(2) in lex["titles"] or m.group(2).lower() in lex["role_words"]:
            continue  # "Mr. President", "Madam Chairman": an office addressed, no surname
        if not any(s < m.start() < s + len(n) for s, n in at.items()):
            seen.setdefault(m.group(2), []).append((m.start(2), m.group(1), m.group()))
    gender: dict[str, str] = {}
    for last, found in seen.items():
        said = {ADDRESS_GENDER[t] for _, t, _ in found if t in ADDRESS_GENDER}
        if not said:
            continue  # a title alone names no one so: "President Macron" in a Kremlin readout
        if last.lower() in surnames and sexes.get(last.lower()) != {"m", "f"} - said:
            continue  # one named in full, but none of the other gender only ("Auma Obama")
        titled = next((w for _, t, w in found if t not in ADDRESS_GENDER), None)
        for start, title, written in found:
            sex = ADDRESS_GENDER.get(title)
            first = next((w for _, t, w in found if ADDRESS_GENDER.get(t) == sex), written)
            name = titled if titled and len(said) == 1 else first
            at[start] = name
            if sex:
                gender.setdefault(name, sex)
    return gender


# the gender an address gives, and an address right before a mention ("Mrs. Clinton")
ADDRESS_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
ADDRESS_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


# An appositive that says a name is a body, not a person: "Code Pink, a group opposed to ..."
_BODY_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:group|organi[sz]ation|movement|party|company"
    r"|coalition|network|agency|association|alliance|foundation|campaign|charity|institute"
    r"|think tank|newspaper|channel|website|firm|bank|union|society|club|band)\b"
)


def _a_body(mention: Mention, text: str, lex: dict[str, Any]) -> bool:
    """Whether the appositive after a name says it is a body ("Code Pink, a group opposed to
    United States military actions"), which no "she" or "he" stands for (set 10); not a
    person's role in one ("Pier Luigi Bersani, the party leader")."""
    m = _BODY_APPOSITIVE.match(text, mention.start + len(mention.name))
    if m is None:
        return False
    after = re.match(r"\s+([\w-]+)", text[m.end() : m.end() + 30])
    return not (after and (after.group(1).lower() in lex["roles"] | lex["role_words"]))


def _aged(text: str) -> set[str]:
    """The names an age follows in commas ("Vishal Rode, a 31-year-old autoworker", "Mr. Gola,
    31,"), and their last two and three words (the name without the words before it)."""
    out = set()
    for m in _AGED.finditer(text):
        words = m.group(1).split()
        out |= {" ".join(words[-k:]) for k in range(1, len(words) + 1)}
    return out


def _one_of_role(text: str, end: int, lex: dict[str, Any]) -> bool:
    """Whether an appositive right after a name at ``end`` makes it one of a group of people by
    their role ("Wang Bo, one of Yenching’s associate deans"; not "Google, one of the largest
    companies")."""
    m = _ONE_OF.match(text, end)
    one = re.sub(r"s$", "", m.group(1).lower()) if m else ""
    return one in lex["role_words"] and one not in lex["organisations"] | INSTITUTION_WORDS


_ONE_OF = re.compile(r",\s+one\s+of\s+(?:[\w’'\-]+\s+){1,4}?([a-z]+s)\b")


def _salient(name: str, text: str, addressed: set[str], aged: set[str], cue: bool) -> bool:
    """A person: given a title or an appositive ("President Vladimir Putin", "Natalia Eismont,
    spokeswoman"), of an age ("Vishal Rode, 31,"), addressed ("Ms. Lu") or named again by the
    surname alone ("Lukashenko said"); not a place ("Hong Kong": "Kong" is never alone; "in
    Jerusalem") or a one-off run of capitals."""
    if cue or name.split()[-1] in addressed or name.split()[0] in addressed:
        return True
    if name in aged:
        return True  # an age in the appositive: "Vishal Rode, a 31-year-old autoworker", ", 36,"
    for word in {*name.split(), surname(name)}:  # the surname alone: "Lukashenko said"
        for begin, end in whole_word_spans(text, word):
            if _RUN_AFTER.match(text, end):
                continue
            before = text[max(0, begin - 30) : begin].split()[-1:]
            prev = before[0] if before else ""
            if _LONE_AFTER.match(prev) or prev.rstrip(".") in _ADDRESS_WORDS:
                return True
    return False


# what a person does in writing: "Henry Kissinger issued a statement", "... wrote to", "... met";
# and in talks: "Vladimir Putin and Abdelmadjid Tebboune reaffirmed their intention"
_ACTS = re.compile(
    r"(?:issued|wrote|met|signed|visited|published|sent|spoke|argued|urged|discussed|agreed"
    r"|reaffirmed|expressed|exchanged|welcomed)\b"
)


def _speaks(mention: Mention, text: str, lex: dict[str, Any]) -> bool:
    """Whether a reporting verb or one of a person's acts in writing (:data:`_ACTS`) follows the
    name, an adverb allowed between ("Vladimir Putin informed ...", "Alfred Riedl also noted
    ...", "Henry Kissinger issued a statement"): the subject of a speech act is a person however
    plainly the text names it."""
    if _PLURAL.search(mention.name):
        return False  # "South Africans say", "Afghan Women said": a group, no person
    gap = _ADVERB_GAP.match(text, mention.start + len(mention.name))
    verb = gap and (lex["verb"].match(text, gap.end()) or _ACTS.match(text, gap.end()))
    return bool(verb and verb.group()[0].islower()) or _acts_first(mention, text)


# a sentence's start (past a closing quotation mark, or where a page glued two), and a past
# verb after a name there ("Deborah Menzel cried last week as ...")
_OPENS = re.compile(r"(?:^|[.!?][\"”’]?\s*[\"”’]?|\n\s*)$")
_PAST = re.compile(rf",?\s+{_ADVERB}?[a-z]+(?:ed|ew|id|ok|ade|ave|ent|et|ld|ame|oke|ought|ood)\b")


def _acts_first(mention: Mention, text: str) -> bool:
    """Whether a two-word name whose given name says a gender (:mod:`toolkit.given_names`)
    opens its sentence, or stands in commas after what it is, with a past verb: the subject of
    an act is a person however plainly the text names it ("Lester Kurylo moved back to his
    house", "an anti-monarchist, Hans Maessen, stood in Dam Square")."""
    end = mention.start + len(mention.name)
    opens = _OPENS.search(text, max(0, mention.start - 4), mention.start) is not None
    aside = re.search(
        r"\b(?:an?|the)\s+[\w\-]+,\s*$", text[max(0, mention.start - 40) : mention.start]
    )
    return (
        len(mention.name.split()) == 2
        and given_name_gender(mention.name) is not None
        and (opens or (aside is not None and text.startswith(",", end)))
        and _PAST.match(text, end) is not None
    )


def _in_run(text: str, start: int, end: int, lex: dict[str, Any]) -> bool:
    """Whether the word at ``text[start:end]`` is part of a longer run of capitals or a place
    after a preposition, not a surname standing alone; a title or a particle before it
    ("Governor Orlov", "Mr. Wang", "Le Carré") leaves it alone."""
    before = _RUN_BEFORE.search(text[max(0, start - 40) : start])
    if before and before.group(1):
        word = before.group(1)
        if word.lower() in lex["title_words"] or word.lower() in PARTICLES:
            before = None
    return bool(before or _RUN_AFTER.match(text, end))


def _family_first(at: dict[int, str], persons: list[Mention], surnames: set[str],
                  count: Counter, text: str, lex: dict[str, Any]) -> None:  # fmt: skip
    """Add to ``at`` the mentions of a person the text names by the first of two words alone,
    its last word never alone (a family name written first: "Dr Wang Chunchen ... Wang says"):
    the person with that first word the text gives a title or an appositive, else the one named
    most; only a word the text addresses or has speak ("Chinese art" is no mention of
    "Contemporary Chinese")."""
    firsts: dict[str, list[Mention]] = {}
    for p in persons:
        words = p.name.split()
        if len(words) == 2 and words[0] not in surnames:
            firsts.setdefault(words[0], []).append(p)
    speaking = _speaking_words(text, lex) if firsts else set()
    for first, people in firsts.items():
        if first not in speaking or any(_alone(surname(p.name), text, lex) for p in people):
            continue  # "Wang Qingsong ... Qingsong": the surname is the name's last word
        best = max(people, key=lambda p: (p.cue, count[p.name], -p.start)).name
        for begin, end in whole_word_spans(text, first):
            if begin not in at and not _in_run(text, begin, end, lex):
                at[begin] = best


def _mr_before(text: str, at: int) -> bool:
    """Whether "Mr." and a space come right before ``at`` (``\\bMr\\.?\\s+`` ending there)."""
    space = space_before(text, at)
    return space < at and bool(_MR.search(text, max(0, space - 3), space))


def _speaking_words(text: str, lex: dict[str, Any]) -> set[str]:
    """The capitalised words the text addresses ("Dr Wang") or has speak alone, an adverb
    allowed between ("Wang says", "Wang also noted")."""
    words = set(_ADDRESSED.findall(text))
    words |= {m.group(1) for m in _WORD_AND_NEXT.finditer(text) if m.group(2) in lex["forms"]}
    return words


def _alone(word: str, text: str, lex: dict[str, Any]) -> bool:
    """Whether the text uses ``word`` alone somewhere, outside a run of capitals."""
    return any(not _in_run(text, begin, end, lex)
               for begin, end in whole_word_spans(text, word))  # fmt: skip
