"""A headline's subject and its speech act, and the word classes a headline's credit is read
by (:mod:`toolkit.quote_headlines`): "Kremlin urges West to ...", "Musk warns of US bankruptcy",
"Russian lawmakers slam ...", "..., envoy says", "..., says mother".

The verbs are the lexicon's reporting verbs and its ``headline_verbs`` (speech acts a headline
reports with an object: "urges", "calls for", "warns of"), in the third person after a subject
of at most six words with no word of prose, or in the base form after a plural role or a
compound ("China, Pakistan vow").

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "Kremlin urges West to stop arming Kiev"
    >>> [(text[a:b], text[p:q], v) for a, b, (p, q), v in verb_credits(text, lexicon())]
    [('West to stop arming Kiev', 'Kremlin', 'urge')]
"""

from __future__ import annotations

import re
from typing import Any

from toolkit.given_names import is_given_name
from toolkit.quote_subjects import AUXILIARIES
from toolkit.speaker_countries import is_country
from toolkit.speakers import is_organisation, is_person

__all__ = [
    "JOINS",
    "MAX_CREDIT_WORDS",
    "folded_verbs",
    "function_words",
    "role_head",
    "third_person",
    "title_case",
    "verb_credits",
]

MAX_CREDIT_WORDS = 6  # a credit's or a subject's words at most
JOINS = {"of", "to", "in", "at", "for", "the"}  # "Bank of Russia", "envoy to UN"

# words of prose, not of a name or a role, when written in lower case ("what we know so far")
_PROSE = {"we", "us", "our", "you", "your", "my", "me", "his", "her", "its", "their", "them",
          "so", "far", "know", "be", "been", *AUXILIARIES, "shall", "than", "very", "too", "not",
          "more", "amid", "amidst", "over", "among", "against", "into", "between",
          "via"}  # fmt: skip


def function_words(lex: dict[str, Any]) -> set[str]:
    """Lower-case words that end a credit's reading: determiners, pronouns, conjunctions and
    adverbs (the lexicon's ``not_speakers``, lower-cased) and a few more of prose."""
    return {w.lower() for w in lex["not_speakers"]} | _PROSE


def role_head(word: str, lex: dict[str, Any]) -> bool:
    """Whether a lower-cased word heads a source's phrase: a role, a source of figures, a
    document or one of the headlines' heads ("fm", "monitor")."""
    return any(word in lex[k] for k in ("roles", "sources", "documents", "credit_heads"))


def verb_credits(
    segment: str, lex: dict[str, Any], *, nested: bool = False, known: frozenset[str] = frozenset()
) -> list[tuple[int, int, tuple[int, int], str]]:
    """A headline's subject and its speech act at its start ("Kremlin urges West to ...",
    "Russian lawmakers slam NATO's game") or at its end ("Russia-China relations at 'highest
    level,' envoy says"): (claim start, claim end, (subject start, subject end), lemma). In a
    credited claim (``nested``) a verb of evidence is the claim's own ("Heatwave in Europe
    underscores need for action: WHO"), no second speaker's. ``known``: single words the corpus
    credits elsewhere, which may say what a verb of evidence says ("Biden highlights ...")."""
    third, base = _verb_patterns(lex)
    titled = title_case(segment)
    if titled:  # "Lavrov Says No Evidence of ...": the speech verb's form in lower case, as
        # prose writes it (Sputnik's and the New York Times's headlines capitalise every word)
        segment = folded_verbs(segment, lex)
    for m in re.finditer(rf"\s(?P<verb>{third}|{base})(?=[\s,]|$)", segment):
        who = segment[: m.start()]
        if len(who.split()) > MAX_CREDIT_WORDS:
            break
        # an adverb before the verb is no part of its subject ("Pope Francis jokingly calls",
        # "Chinese FM again urges")
        who = re.sub(r"(?:\s+(?:[a-z]+ly|again|also|still|now|once again))+$", "", who)
        rest = re.search(r"\S.*", segment[m.end() :])
        verb = m.group("verb")
        lemma = _lemma(verb, lex)
        if nested and lemma in lex["findings"] | _EVIDENCE | {"expect"}:
            continue  # (and an expectation: "Kremlin expects information ... — spokesman")
        if lemma in lex["findings"] | _EVIDENCE and not _finds(who, lex, known):
            continue  # a thing's or a place's: "Xinjiang shows strong vitality", "Obama's
            # Africa trip highlights contrast"
        if lemma in {"reply", "respond", "answer"} and rest and rest.group().startswith("to "):
            continue  # "Xi replies to letter from ...": whom, not what
        after = rest.group().split()[0].lower() if rest else ""
        if after in AUXILIARIES or after in {"be", "been"}:
            continue  # the verb's form is a plural noun: "Ukraine's claims are ..."
        if rest and lemma in lex["noun_forms"] and re.match(r"(?i:at|of|by)\s(?!least\b)", rest[0]):
            continue  # or a noun before its preposition: "Opening remarks at ...", "US and
            # Israeli claims of ..." (a verb's own preposition is part of its form: "hints at")
        plural = verb not in _third_forms(lex)
        if rest and len(rest.group().split()) >= 2 and _subject(who, plural, lex, titled=titled):
            return [(m.end() + rest.start(), len(segment), (0, len(who)), lemma)]
    said = re.search(r",\s+says\s+(?P<who>(?:\S+\s+){0,3}\S+)$", segment.rstrip())
    if (
        said
        and len(segment[: said.start()].split()) >= 3
        and _subject(said["who"], False, lex, inverted=True, titled=titled)
    ):
        return [(0, said.start(), said.span("who"), "say")]  # "..., says mother"
    tail = re.search(rf"\s(?P<verb>{third})$", segment.rstrip())
    if tail is None:
        return []
    words = list(re.finditer(r"\S+", segment[: tail.start()]))
    for n in range(min(4, len(words) - 3), 0, -1):  # the longest subject, after 3 words of claim
        who = words[-n:]
        if any(w.group().endswith(",") for w in who[:-1]) or re.search(r"[’'\"”]$", who[-1][0]):
            continue  # (a subject that ends in a quotation's mark: "‘Professor Lockdown’ claims")
        if not re.search(r",[’'\"”]?$", words[-n - 1].group()):
            continue  # the claim ends at a comma ("..., envoy says"), not in a noun phrase
            # ("... may have wrecked Donald Trump's re-election hopes")
        if _subject(segment[who[0].start() : who[-1].end()], False, lex, titled=titled):
            claim_end = words[-n - 1].end()
            return [(0, claim_end, (who[0].start(), who[-1].end()), _lemma(tail.group("verb"),
                                                                            lex))]  # fmt: skip
    return []


_EVIDENCE = {"highlight", "underscore", "reveal", "suggest", "indicate", "show", "find"}


def _finds(who: str, lex: dict[str, Any], known: frozenset[str]) -> bool:
    """Whether a headline's subject may report what a verb of evidence says: a study, poll,
    report or document ("Study highlights", "GT survey shows"), a role or body, a person's name
    ("Russian skate star Alexandra Trusova reveals"), a country or a word the corpus credits
    elsewhere (``known``); not a thing or a region ("Xinjiang shows strong vitality", "Heatwave
    underscores need for action")."""
    words = who.split()
    if not words:
        return False
    head = words[-1].strip(",").lower()
    name = re.search(r"(?:[A-Z][\w’'\-]*\s+)*[A-Z][\w’'\-]*$", who)
    return (
        head in lex["finding_heads"]
        or head in lex["organisations"]
        # a role anywhere, or its plural: "President Xi", "African tourism ministers"
        or any(
            role_head(w, lex) or role_head(w.removesuffix("s"), lex)
            for w in (w.strip(",").lower() for w in words)
        )
        or bool(name and is_person(name.group(), lex))
        or who in known
        or is_country(who.replace(".", ""))  # ("U.K.")
    )


# (verbs a headline uses of acts too: "North Korea repeats missile test", "X charges Y with",
# "Man pleads guilty", "Alarm interrupts broadcast", "Group beams flag on to Parliament", "OPEC+
# boasts 159% compliance", "China fires back in trade war with tariffs"; and sounds; and nouns:
# "Ancient Coins Returned", "Best Wishes")
_EXCLUDED = {"continue", "go on", "put", "agree", "establish", "rule", "read", "state",
             "issue a statement", "make the statement", "sum up", "repeat", "charge",
             "plead", "interrupt", "beam", "crow", "snap", "gush", "sigh", "marvel", "groan",
             "whisper", "murmur", "scream", "sniff", "chuckle", "reason", "boast", "fire back",
             "shoot back", "sob", "intone", "wail", "gasp", "cry", "sneer", "coin",
             "wish"}  # fmt: skip
_PATTERNS: dict[int, tuple[dict[str, Any], str, str, dict[str, str], set[str]]] = {}


def _verb_patterns(lex: dict[str, Any]) -> tuple[str, str]:
    """Alternations of the speech verbs' third-person forms ("urges", "calls for") and their
    base forms (after a plural subject: "Users slam"), made once a lexicon."""
    held = _PATTERNS.get(id(lex))
    if held is None or held[0] is not lex:
        lemmas = {v for v in lex["forms"].values() if not v.startswith(("be ", "express "))}
        lemmas = (lemmas | lex["headline_verbs"]) - _EXCLUDED
        forms = {_third(v): v for v in lemmas} | {v: v for v in lemmas}
        third = "|".join(re.escape(f) for f in sorted(map(_third, lemmas), key=len, reverse=True))
        base = "|".join(re.escape(f) for f in sorted(lemmas, key=len, reverse=True))
        held = _PATTERNS[id(lex)] = (lex, third, base, forms, {_third(v) for v in lemmas})
    return held[1], held[2]


def _lemma(form: str, lex: dict[str, Any]) -> str:
    return _PATTERNS[id(lex)][3][form]


def _third_forms(lex: dict[str, Any]) -> set[str]:
    return _PATTERNS[id(lex)][4]


def third_person(word: str, lex: dict[str, Any]) -> str | None:
    """The lemma of a speech verb's third-person form ("warns" -> "warn"), else None."""
    _verb_patterns(lex)
    return _lemma(word, lex) if word in _third_forms(lex) else None


def _third(lemma: str) -> str:
    """The third-person singular of a verb's lemma: its first word inflected ("calls for")."""
    first, *rest = lemma.split()
    if re.search(r"[^aeiou]y$", first):
        first = first[:-1] + "ies"
    elif re.search(r"(?:s|sh|ch|x|z|o)$", first):
        first += "es"
    else:
        first += "s"
    return " ".join([first, *rest])


def title_case(segment: str, least: int = 3) -> bool:
    """Whether a headline (or a work's title) capitalises every word of four letters or more
    (at least ``least`` of them)."""
    words = re.findall(r"(?<![\w’'\-])[^\W\d_][\w’'\-]{3,}", segment)
    return len(words) >= least and all(w[0].isupper() for w in words)


def folded_verbs(segment: str, lex: dict[str, Any]) -> str:
    """A title-case headline with its speech verbs' capitalised forms in lower case ("Says",
    "Urges", "Say"), offsets kept."""
    _verb_patterns(lex)
    forms = _PATTERNS[id(lex)][3]

    def fold(m: re.Match) -> str:
        return m.group().lower() if m.group().lower() in forms else m.group()

    return re.sub(r"\b[A-Z][a-z]+\b", fold, segment)


def _titled_speaker(words: list[str], lex: dict[str, Any]) -> bool:
    """Whether the words before a title-case headline's verb name a speaker, where capitals
    tell no name from a noun: a single word that is no plural ("Lavrov", "IRGC"; not "Ukraines
    Hopes"), a country, a possessive's one name ("Russia's Zakharova"), a person whose first
    word is a given name ("Lindsey Graham"), or a head word that is a role, a body, a document
    or a study ("Former U.S. Envoy to Moscow", "Iranian State Television"); not a phrase that
    opens with a preposition ("In Spirited Talks Kerry") nor a noun's ("Killings Stir")."""
    plain = [w.strip(",").lower() for w in words]
    if plain[0] in JOINS:
        return False
    who = " ".join(w.strip(",") for w in words)
    if len(words) == 1:
        return not plain[0].endswith("s") or role_head(plain[0][:-1], lex) or who.isupper()
    if is_country(who.replace(".", "")) or is_given_name(who) or is_organisation(who, lex):
        return True
    if len(words) == 2 and re.search(r"['’]s$", words[0]):
        return True  # "Iran's IRGC", "US's Witkoff"
    joined = next((i for i, w in enumerate(plain) if i and w in JOINS), len(plain))
    head = re.sub(r"['’]s$", "", plain[joined - 1])  # the word before "of", "to", "in"
    return any(
        role_head(h, lex) or h in lex["finding_heads"] or h in lex["documents"]
        for h in (head, head.removesuffix("s"))
    )


def _subject(
    who: str, base: bool, lex: dict[str, Any], *, inverted: bool = False, titled: bool = False
) -> bool:
    """Whether the words before a headline's verb are its subject: a name, role or body of at
    most six words with no word of prose (before a ``base`` form: a plural or a compound; after
    an ``inverted`` "says", any noun: "..., says mother"). In a ``titled`` headline every word
    is capitalised, so each is also read in lower case for prose ("Year After Thaw Obama")."""
    words = who.split()
    if re.search(r"[\"“”‘:;]|(?:^|\s)'", who) or who.startswith("’"):
        return False  # (a quotation inside: "Kherson might 'join Russia' and Ukraine")
    opens = words[0][:1].isupper() or words[0][:1].isdigit() or role_head(words[0], lex)
    if not (opens or inverted):
        return False  # "Kremlin urges", "G7 leaders urge"; "envoy says", "study finds" at the end
    prose = function_words(lex) - JOINS - {"and"}
    # ("All questions", "US"; in title case "A" is the article: "A Myanmar in Transition Says")
    upper = words[0].isupper() and not (titled and words[0] == "A")
    first = words[0] if upper else words[0].lower()
    rest = [w if w.isupper() else w.lower() for w in words[1:]] if titled else words[1:]
    if any(w.strip(",") in prose for w in [first, *rest]):
        return False
    if titled and not _titled_speaker(words, lex):
        return False
    if base:  # a plural of people ("Russian lawmakers urge") or a compound ("China, Pakistan vow")
        names = all(w.strip(",")[:1].isupper() for w in words if w != "and")
        compound = names and ("and" in words or any(w.endswith(",") for w in words[:-1]))
        last = words[-1].lower()
        return compound or (
            last.endswith("s") and (last in lex["roles"] or last[:-1] in lex["roles"])
        )
    return True
