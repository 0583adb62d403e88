"""The names a document gives, with the title words around them (:func:`find_mentions`).

A title right before the name, however long ("Deputy Head of the Office of the President
Rostyslav Shurma"), or an appositive after it ("Lu Pin, of the ...", "Pier Luigi Bersani,
leader of ...") is the text's cue that the name is a person's; a name of three or four words
is kept whole where the text addresses it or an appositive follows. Speaker phrases and the
lexicon are in :mod:`toolkit.speakers`; :mod:`toolkit.speaker_chain` and
:mod:`toolkit.speaker_resolver` use these names.

Example:
    >>> from toolkit.speakers import lexicon
    >>> [m.name for m in find_mentions("Russian Foreign Minister Sergey Lavrov spoke.", lexicon())]
    ['Sergey Lavrov']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from toolkit.given_names import is_given_name
from toolkit.speaker_countries import OF_PLACE, country_words
from toolkit.speaker_titles import name_of
from toolkit.speakers import CAPITAL, HYPHENED, NOT_NAME_WORDS, PARTICLES, UPPER
from toolkit.tokens import language_stop_words
from toolkit.whole_words import space_before, whole_word_spans

__all__ = [
    "KNOWN_BY_TITLE",
    "VERBS_FIRST",
    "Mention",
    "find_mentions",
    "headline_names",
    "titled_name",
]

# words before a place or a title that may come right before a name ("Ambassador to Vietnam
# Gennady Bezdetko", "of Belarus and Russia Aleksandr Lukashenko")
_BEFORE_PLACE = re.compile(r"(?:in|at|to|from|of|and|or|the|near|into|across)$")
# a monarch's or a pope's title right before a name: one with an ordinal ("King Abdullah II",
# "Pope Benedict XVI") or alone ("Queen Beatrix") is known with it
KNOWN_BY_TITLE = r"(?:King|Queen|Pope|Emperor|Empress|Sultan|Emir)"
_REGNAL = re.compile(rf"\b({KNOWN_BY_TITLE})\s+$")
_TITLE_WORD = re.compile(rf"\b(?:President|{KNOWN_BY_TITLE})$")
_CAPITAL_NEXT = re.compile(rf"\s+[{UPPER}]")
# (no capitals inside a word, "spotLESS Materials"; but a scraper's lost space before a name,
# "campaignsRichard L. Hasen")
_NAME_RUN = re.compile(
    rf"(?:(?<!\w)|(?<=[a-z])(?=[{UPPER}][a-z]))"
    rf"(?:[{UPPER}]\.(?:[ \t]?[{UPPER}]\.){{1,2}}(?=[ \t]+[{UPPER}][\w’'\-]+)"
    rf"|[{UPPER}][\w’'\-]+)"
    rf"(?:[ \t]+(?:(?:{'|'.join(sorted(PARTICLES))})[ \t]+){{0,2}}"
    rf"(?:[{UPPER}]\.(?:[{UPPER}]\.(?![{UPPER}]\.))?|(?![AI])[{UPPER}](?=[ \t]+[{UPPER}])"
    rf"|{HYPHENED}?[{UPPER}][\w’'\-]+))+"
)  # (initials before a surname, joined or not, with or without stops: "K.K. Barrett", "H. A.
# Hellyer", "Chief Executive C.Y. Leung", "C Y Leung")


@dataclass
class Mention:
    """A full name in a document, where it starts, and the title words around it."""

    start: int
    name: str
    titles: set[str]
    cue: bool = False
    # title words that say whose office the person's serves, no office of the person's own
    # ("president" in "Deputy Head of the Office of the President")
    served: set[str] = field(default_factory=set)


# a reporting verb that opens a sentence before its speaker's name, and the quotation after the
# name (and an appositive): 'Said Ellis: “', 'Said Dorothy Poynter, who grew up ..., “'
VERBS_FIRST = r"(?:Said|Says|Added|Adds|Wrote|Writes)"  # (quote_frames reads the same frame)
_VERB_FIRST = re.compile(rf"{VERBS_FIRST}\s")
_QUOTE_NEXT = r"(?:,[^\"“”«».!?]{3,150})?\s*[:,]\s*[\"“]"


# adverbs that open a sentence before a surname ("Soon Contractor was building"): no given name
_ADVERBS = frozenset("Soon Then Now Still Even Only Yet Also Later Meanwhile Instead Today "
                     "Yesterday Here There Thus Hence However Perhaps Finally Recently Eventually "
                     "Afterwards Nevertheless Nonetheless Indeed Once".split())  # fmt: skip


def find_mentions(text: str, lex: dict[str, Any]) -> list[Mention]:
    """Every full name (two or more words) in the text with the title words around it."""
    found = []
    for m in _NAME_RUN.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()].split()[-4:]
        # another person's role before "and" is no title of this one ("between the governor
        # and Prime Minister Benjamin Netanyahu"; not "Minister of Trade and Industry")
        cut = [i for i, w in enumerate(before) if w == "and" and i and before[i - 1].islower()]
        before = before[cut[-1] + 1 :] if cut else before
        # nor a word of the sentence before ("... the President directed the discussion.
        # Anton Alikhanov reported": no title of his); a title's or an initial's stop ends none
        ends = [i for i, w in enumerate(before) if re.search(r"[.!?][\"”’)]*$", w)
                and w not in lex["titles"] and not re.fullmatch(r"(?:[A-Z]\.)+", w)]  # fmt: skip
        before = before[ends[-1] + 1 :] if ends else before
        titles, name = name_of(" ".join([*before, m.group()]), lex)
        name = name and re.sub(r"['’]s$", "", name)  # "Nelson Mandela’s life"
        if (name and re.match(r"[A-Z][a-z]{2,}ing\s", name)
                and re.search(r"(?:^|[.!?:\n][\"”’]?)\s*$", text[: m.start()])):  # fmt: skip
            name = name.split(" ", 1)[1]  # "Greeting Zuzana Čaputová in Kyiv, he ...": a
            # participle opens the sentence, no given name
        if name and re.match(rf"[{UPPER}][\w’']*-(?:{OF_PLACE})\s", name):
            name = name.split(" ", 1)[1]  # "Shanghai-born Shing", "Taliban-ruled Kandahar": a
            # place's or a group's participle, no given name
        run = m.group().split()
        if name and len(run) >= 2 and run[-1] == name and _REGNAL.fullmatch(run[-2] + " "):
            name = f"{run[-2]} {name}"  # "Pope Francis", "Queen Beatrix": one name, with the title
        first = name.split()[0] if name else ""
        if first in _ADVERBS and not is_given_name(f"{first} X"):
            name = name.split(" ", 1)[1] if " " in name else None  # "Soon Contractor was": an
            # adverb that opens the sentence is no given name
        if not name or len(name.split()) < 2:
            continue
        if re.search(r"[\"“«]$", text[max(0, m.start() - 1) : m.start()]):
            continue  # a nickname or a title in quotation marks: 'dubbed him the “Dalai Lamy”'
        follows = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 30])
        if follows and follows.group(1) in lex["roles"] and not re.search(r"['’]s$", m.group()):
            continue  # a modifier, not a name: "the Hong Kong police", "the Belarus government"
            # (a possessive is a name: "President Jacob Zuma's office")
        chain = _title_chain(text, m.start())
        title = [*chain, *titles[-5:]]
        words = {w.lower().strip(",") for w in title}
        served = words - {w.lower().strip(",") for w in _own_office(title)}
        after = re.match(r",\s+(?:the\s+)?([^,.;]{3,60})[,.]", text[m.end() : m.end() + 70])
        if after and re.match(r"(?:and|or|but)\s", after.group(1)):
            after = None  # "His mother, Paula Somers, and his brother, Jordan": another person
        if after and (
            any(v.group()[0].islower() for v in lex["verb"].finditer(after.group(1)))
            or _MAIN_CLAUSE.search(after.group(1))
        ):
            after = None  # the subject of the main clause: "..., expressed by Emmanuel Macron,
            # the President of Russia emphasised that ..." gives Macron no title, nor "... to
            # Prime Minister of Canada Justin Trudeau, the Russian President wished him"
        if after:
            words |= {w.lower() for w in after.group(1).split()}
        # the country after the name ("President Xi Jinping of China"): whose office it is
        of = re.match(rf"\s+of\s+((?:[{UPPER}][\w\-]+\s+){{0,2}}[{UPPER}][\w\-]+)", text[m.end() :])
        if of and country_words(of.group(1).split()):
            words |= {w.lower() for w in of.group(1).split()}
        place = country_words(name.split())  # a place holds no office, nor is it a person by
        if place:  # a title ("Like Martin Luther King, Hong Kong people also have a dream")
            words = served = set()
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
        about = appositive and (after is not None or _role_appositive(text, m.end(), lex))
        # or a name in commas that a verb follows: "The Deputy Magistrate, Michael Chan
        # Pik-kiu, said"
        about = about or (
            re.search(r",\s*$", text[max(0, m.start() - 3) : m.start()])
            and re.match(",", text[m.end() :])
            and lex["verb"].match(text[m.end() + 1 : m.end() + 40].lstrip())
        )
        # or a name in commas after a role ("A spokeswoman for Mr. Walker, Kirsten Kukowski,
        # did not respond"): the role is the name's
        role = _ROLE_BEFORE.search(text[max(0, m.start() - 100) : m.start()])
        about = about or (
            role is not None
            and role.group(1).lower() in lex["role_words"]
            and re.match(",", text[m.end() :]) is not None
        )
        addressed = re.search(
            r"\b(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?|Daw|U)\s+$", text[max(0, m.start() - 6) : m.start()]
        )  # (and the Burmese honorifics: "Daw Aung San Suu Kyi")
        # or a lower-case role right before it: "Myanmar opposition leader Aung San Suu Kyi"
        role_before = re.search(r"\b([a-z]+)\s+$", text[max(0, m.start() - 20) : m.start()])
        addressed = addressed or (
            role_before
            and role_before.group(1) in lex["roles"]
            and not role_before.group(1).endswith("s")
        )
        if (
            addressed
            and 2 < len(run) <= 4
            and run[-len(name.split()) :] == name.split()
            and all(w not in lex["titles"] and w.lower() not in NOT_NAME_WORDS for w in run)
        ):
            name = m.group()  # a name of three or four words the text addresses whole: "Ms. Aung
            # San Suu Kyi", "Mr. Carlos Espinosa de los Monteros"
        elif (run[0] in ("U", "Daw") and 2 <= len(run) - 1 <= 4
              and all(w not in lex["titles"] and w.lower() not in NOT_NAME_WORDS
                      for w in run[1:])):  # fmt: skip
            name = " ".join(run[1:])  # a Burmese honorific opens the run: "Daw Aung San Suu Kyi"
        elif (
            len(run) >= 3
            and run[-2:] == name.split()
            and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", run[-1])
            and _given(run[-3], lex)
            and not (
                len(run) == 3
                and not is_given_name(f"{run[-3]} {run[-1]}")
                and re.search(r"\b(?:for|of)\s+$", text[max(0, m.start() - 5) : m.start()])
            )
        ):  # (not a title's last word after "for": "Secretary for Security Lai Tung-kwok")
            # a Hong Kong name: given name, surname, Chinese given name ("the Civic Party's
            # Ronny Tong Ka-wah"), a married woman's with her husband's surname too ("Carrie Lam
            # Cheng Yuet-ngor": a short surname, then the given name)
            wide = len(run) >= 4 and len(run[-3]) <= 4 and _given(run[-4], lex)
            name = " ".join(run[-4:] if wide else run[-3:])
        elif (
            about or appositive
        ) and not titled:  # an appositive however long ("Joseph Wong Wing-ping, a former senior
            # public servant in Hong Kong who has backed ..."): a three-word name
            name = _three_names(text, m, name, lex)
        if name.split()[0] in ("U", "Daw") and len(name.split()) >= 3:
            name = name.split(" ", 1)[1]  # "U Khin Nyunt, the former spy chief": no honorific
        if (_VERB_FIRST.match(name) and re.match(_QUOTE_NEXT, text[m.end() :])
              and re.search(r"(?:^|[.!?:\n][\"”’]?)\s*$", text[: m.start()])):  # fmt: skip
            name = name.split(" ", 1)[1]  # 'Said Ellis: “...”': the verb of an inverted frame
            # (not "Said Obama, his uncle, said": a given name)
            if len(name.split()) < 2:
                continue  # (a surname alone is no full name)
        start = _name_start(text, m, name)
        regnal = _REGNAL.search(text, max(0, start - 12), start)
        if regnal and re.fullmatch(r"\S+ [IVX]+", name):  # "King Abdullah II": a monarch is
            name, start = f"{regnal.group(1)} {name}", regnal.start(1)  # known with the title
        found.append(Mention(start, name, words, bool(titled or about) and not place, served))
    return _given_names(text, _regnal(found), lex)


def _regnal(found: list[Mention]) -> list[Mention]:
    """A monarch named by title and name ("King Abdullah") where the text also gives the
    ordinal ("King Abdullah II"): the name with the ordinal, one person."""
    full = {m.name for m in found if re.fullmatch(rf"{KNOWN_BY_TITLE} \S+ [IVX]+", m.name)}
    for m in found:
        longer = [n for n in full if n.rsplit(" ", 1)[0] == m.name]
        m.name = longer[0] if len(longer) == 1 else m.name
    return found


def _given(word: str, lex: dict[str, Any]) -> bool:
    """Whether a capitalised word may be a given name or surname: no title, no word of an
    institution's name, no common English word ("But", "As")."""
    return (re.fullmatch(r"[A-Z][a-z]+", word) is not None and word not in lex["titles"]
            and word.lower() not in NOT_NAME_WORDS | language_stop_words("en"))  # fmt: skip


def _given_names(text: str, found: list[Mention], lex: dict[str, Any]) -> list[Mention]:
    """Two-word names the text addresses as a surname ("Mr. García Pelayo") with the given
    name the text writes before them elsewhere ("Gonzalo García Pelayo did"): the three words."""
    word = rf"[{UPPER}][\w’'\-]+"
    addressed = set(re.findall(rf"\b(?:Mr|Ms|Mrs|Dr)\.?\s+({word}\s+{word})\b(?!\s+[{UPPER}])",
                               text))  # fmt: skip
    if not addressed:
        return found
    out = []
    for m in found:
        # (the run opens there: not "President of France Emmanuel Macron")
        given = re.search(rf"(?<!\bof )(?<!\bin )(?<!\bfrom )({word})\s+$",
                          text[max(0, m.start - 30) : m.start])  # fmt: skip
        first = given.group(1) if given else ""
        if (m.name in addressed and given and first not in lex["titles"]
                and first not in lex["not_speakers"] and first.lower() not in NOT_NAME_WORDS
                and text[m.start : m.start + len(m.name)] == m.name):  # fmt: skip
            m = Mention(m.start - len(given.group()), f"{first} {m.name}", m.titles, m.cue,
                        m.served)  # fmt: skip
        out.append(m)
    return out


def _name_start(text: str, run: re.Match, name: str) -> int:
    """Where a name found in a run of capitals starts in the text: in the run, or before it
    where its first words are initials the run does not take ("J. Edgar Hoover", "U Win
    Htein")."""
    first = name.split()[0]  # the first word whole: "C Y Leung" starts at no "C" of "Chief"
    whole = next((w.start() for w in re.finditer(r"\S+", run.group()) if w.group() == first), -1)
    at = whole if whole >= 0 else run.group().find(first)
    if at >= 0:
        return run.start() + at
    words = r"\s+".join(re.escape(w) for w in name.split())
    found = re.search(rf"{words}(?:['’]s)?$", text[max(0, run.start() - 80) : run.end()])
    return max(0, run.start() - 80) + found.start() if found else run.start()


# a role phrase right before a name in commas: "A spokeswoman for Mr. Walker, "
_ROLE_BEFORE = re.compile(
    r"(?:^|[.;]\s+|\b)(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w\-]+\s+){0,3}?"
    r"([a-z]+)(?:\s+(?:for|of|at|with|to)\s+(?:(?!\.\s+[A-Z][a-z]+\s)[^,;“”\"]){1,60}?)?,\s*$"
)
_CHAIN_LINKS = {"of", "the", "for", "on", "to", "-", "–", "—"}
# a verb in the past and its object right after a noun: a main clause, no appositive ("the
# Russian President wished him ..."), not a relative clause's ("a man who founded the group")
_MAIN_CLAUSE = re.compile(
    r"^(?!.*\b(?:who|which|that|whose)\b).*?\b(?:[a-z]+ed|sent|told|met|gave|held|made|took)"
    r"\s+(?:him|her|them|it|the|a|an|his|its|their)\b"
)


def _role_appositive(text: str, end: int, lex: dict[str, Any]) -> bool:
    """Whether a role with no determiner follows the name in commas ("Pier Luigi Bersani,
    leader of Italy’s Democratic Party,", "Masete Levy, president of ..."): it is about a
    person."""
    role = re.match(
        r",\s+(?:(?:an?|the)\s+(?:[a-z\-]+\s+){0,2}?)?([a-z]+)\s+(?:of|for|at|with)\s",
        text[end : end + 60],
    )  # (after a determiner too: "Jan Philipp Albrecht, a representative of the ...")
    return bool(role and role.group(1) in lex["role_words"])


# an office that serves another's: what it is "of" is no office the person holds ("Deputy
# Head of the Office of the President Kyrylo Tymoshenko" is no President)
_SERVES = re.compile(r"(?i)office|administration|staff|secretariat|apparatus|press")


def _own_office(title: list[str]) -> list[str]:
    """A title's words less those naming whose office it serves (see ``_SERVES``)."""
    for i, w in enumerate(title[:-1]):
        if _SERVES.fullmatch(w.strip(",")) and title[i + 1].lower() == "of":
            return title[: i + 1]
    return title


def _title_chain(text: str, at: int) -> list[str]:
    """The capitalised words and links ("of the", "for", a dash) right before ``text[at]``, up
    to a lower-case word or a punctuation mark: a title however long it runs."""
    chain: list[str] = []
    for w in reversed(text[max(0, at - 200) : at].split()[-16:]):
        if re.search(r"[,.;:!?\"“”()]$", w) or not (CAPITAL.match(w) or w in _CHAIN_LINKS):
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
    if (first in lex["titles"] or first in lex["not_speakers"] or first.lower() in NOT_NAME_WORDS
            or not re.fullmatch(r"[\w’'\-]+", first)):  # fmt: skip
        return name
    prev = text[max(0, run.start() - 30) : run.start()].split()[-1:]
    opens = (
        not prev
        or re.search(r"[,.;:!?\"“”(]$", prev[0])
        or (re.fullmatch(r"[a-z]+", prev[0]) and not _BEFORE_PLACE.match(prev[0]))
    )
    return f"{first} {name}" if opens else name


def headline_names(title: str | None, lex: dict) -> list[Mention]:
    """The names a title in sentence case gives ("Telephone conversation with President of
    France Emmanuel Macron"); none from a headline in title case, whose capitals name no one
    ("Myanmar President Backs Change")."""
    if not title or not re.search(r"(?<![\w’'])[a-z]{4,}\b", title):
        return []
    return find_mentions(title, lex)


def titled_name(text: str, name: str) -> str | None:
    """The first title and ``name`` the text writes, no capitalised word after ("President
    Obama", "Queen Beatrix"), or None: ``\\b(?:President|King|...)\\s+{name}\\b`` read
    without a pattern per name (:mod:`toolkit.whole_words`)."""
    for begin, end in whole_word_spans(text, name):
        space = space_before(text, begin)
        title = space < begin and _TITLE_WORD.search(text, max(0, space - 9), space)
        if title and not _CAPITAL_NEXT.match(text, end):
            return text[title.start() : end]
    return None
