"""A phrase's title words and the name at its end (:func:`name_of`): "Russian Foreign Minister
Sergey Lavrov" -> (["Russian", "Foreign", "Minister"], "Sergey Lavrov"), with the given names a
title says begin the name ("Justice Ann Walsh Bradley", "President of Turkey Recep Tayyip
Erdogan"), particles ("Ignacio de la Torre"), initials and generations. Speaker phrases are
:mod:`toolkit.speakers`'.

Example:
    >>> from toolkit.speakers import lexicon
    >>> name_of("Russian Foreign Minister Sergey Lavrov", lexicon())
    (['Russian', 'Foreign', 'Minister'], 'Sergey Lavrov')
"""

from __future__ import annotations

import re
from typing import Any

from toolkit.given_names import given_name_gender
from toolkit.speaker_countries import country_words, is_country
from toolkit.speakers import (
    ADDRESSES,
    CAPITAL,
    HYPHENED,
    HYPHENED_GIVEN,
    NAME_SUFFIX,
    NOT_NAME_WORDS,
    PARTICLES,
    UPPER,
    he_surname,
    is_person,
    month_surname,
)

__all__ = ["name_of", "names_person"]

# a patronymic's ending: a name goes on after it ("Vladimir Vladimirovich Putin")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ich)$")

# the head nouns that end an institution's name in a title before a name
_INSTITUTION_HEADS = {"Foundation", "Council", "Party", "Association", "Federation", "Alliance",
                      "Institute", "Centre", "Center", "Society", "Union", "Chamber",
                      "League"}  # fmt: skip

# The last word of a title that a person's name follows whole, a given name of three words
# too ("Justice Ann Walsh Bradley", "Prime Minister Lee Hsien Loong"); not a title's inner
# word ("Minister of Foreign Affairs Sergey Lavrov": "Affairs" is no name)
_NAME_TITLE = re.compile(
    r"President|Minister|Premier|Chancellor|Justice|Judge|Senator|Governor|Mayor|Ambassador"
    r"|Secretary|Chairman|Chairwoman|Spokesman|Spokeswoman|Spokesperson|King|Queen|Sir|Lady"
    r"|Professor|(?:Mr|Ms|Mrs|Dr|Prof|Sen|Rep|Gov|Gen|Rev)\.?"
)


# words before a place: a capitalised word after them is no given name
_PLACE_LINKS = {"of", "in", "at", "from", "to", "for", "near", "on"}


def _before_month(words: list[str], i: int, lex: dict[str, Any]) -> str | None:
    """The word before a month at ``words[i - 1]`` that must be a given name for the month to
    be a surname ("Theresa May"); None where the month stands alone or after a title
    ("Professor May")."""
    return words[i - 2] if i >= 2 and words[i - 2] not in lex["titles"] else None


def _given_pair(words: list[str], i: int, lex: dict[str, Any]) -> bool:
    """Whether ``words[i - 2]`` and ``words[i - 1]`` are two given names that open a run of
    capitals (at the start, after a title or a lower-case word), before a name's last word."""
    opens = i == 2 or words[i - 3] in lex["titles"] or not CAPITAL.match(words[i - 3])
    return (
        opens
        and all(
            given_name_gender(f"{x} {words[-1]}") is not None
            and x not in lex["titles"]
            and not is_country(x)  # "of India Harsh Kumar Jain"
            for x in words[i - 2 : i]
        )
    )


def name_of(phrase: str, lex: dict[str, Any]) -> tuple[list[str], str | None]:
    """A phrase's title words and the name at its end ("Russian Foreign Minister Sergey Lavrov"
    -> (["Russian", "Foreign", "Minister"], "Sergey Lavrov")); the name is None for a role."""
    words = phrase.split()
    i = len(words)
    taken, paired = 0, False
    while i > 0:
        w = words[i - 1]
        titled = w in lex["titles"] and not (
            (i == len(words) - 1 and NAME_SUFFIX.fullmatch(words[-1]))
            or (i == len(words) and i >= 2 and words[i - 2].rstrip(".") in ADDRESSES)
        )  # (a title's word before a generation, or after "Dr.", is a surname: "Martin Luther
        # King Jr.", "Dr. King")
        if titled or (not CAPITAL.match(w) and w.lower() not in PARTICLES):
            break
        if "-" in w and all(part in lex["titles"] for part in w.split("-")):
            break  # a title of two joined: "Vice-Minister Li"
        if i < len(words) and re.fullmatch(r"[\w’'\-]{4,}\.", w):
            break  # a sentence's end: "The New York Review of Books. Le Carré is"
        if (w.lower() in NOT_NAME_WORDS or w in lex["not_speakers"]) and not (
            (i == len(words) - 1 and HYPHENED_GIVEN.fullmatch(re.sub(r"['’]s$", "", words[-1])))
            or (i >= 2 and words[i - 2].rstrip(".") in ADDRESSES)
            or (i == len(words) - 1 and he_surname(w, words[-1]))
            or (i == len(words) and month_surname(_before_month(words, i, lex), w))
        ):  # (a family name before a hyphened given name is one, "Park Geun-hye", and so is a
            # name addressed, "Ms. Park", and the surname He before a given name, "He Lifeng")
            break
        # (an initial without its stop too, not "A" or "I": "Chief Executive C Y Leung")
        initial = re.fullmatch(rf"[{UPPER}]\.|(?![AI])[{UPPER}]", w) is not None or (
            i == len(words) and NAME_SUFFIX.fullmatch(w) is not None
        )  # an initial or a generation ("Jon Huntsman Jr") is no name word of its own
        # first and last name taken: only an initial or a particle goes on, or a third name
        # before a surname joined to its particle ("Abdel Fattah al-Sisi") or before a family
        # name and a hyphened given name ("John Tsang Chun-wah")
        third = re.match(HYPHENED, words[-1]) or (
            HYPHENED_GIVEN.fullmatch(words[-1])
            and (
                i < 2
                or words[i - 2] in lex["titles"]
                or not (CAPITAL.match(words[i - 2]) or words[i - 2] in ("of", "for", "on"))
                or words[i - 2] in _INSTITUTION_HEADS
            )
        )  # not a title's last word: "Chief Executive Leung Chun-ying", "Professor of
        # Sociology Lau Siu-kai"; after the head of an institution a title is over ("Chairman
        # of the China-Australia Legal Exchange Foundation Lawrence Ma Yan-kwok")
        # a third name right after a title ("Justice Ann Walsh Bradley", "Prime Minister Lee
        # Hsien Loong"): the title says where the name begins
        third = third or (i >= 2 and _NAME_TITLE.fullmatch(words[i - 2]) is not None)
        # or after a title's country: "President of Turkey Recep Tayyip Erdogan"
        third = third or (i >= 3 and words[i - 3] == "of" and is_country(words[i - 2]))
        # or a given name that opens the run after a lower-case word or none, no place's or
        # role's ("Volodymyr Zelenskyy and Recep Tayyip Erdoğan"; not "President of Armenia
        # Nikol Pashinyan", "Ambassador in Havana Viktor Koronelli", "Lawyer Makdir Ismail")
        third = third or (
            given_name_gender(f"{w} {words[-1]}") is not None
            and (i < 2 or (not CAPITAL.match(words[i - 2]) and words[i - 2] not in _PLACE_LINKS))
            and not is_country(w)
            and w.lower() not in lex["role_words"] | lex["roles"]
        )
        # a fourth that opens the run after a title or at the start: two given names before a
        # family name and a hyphened given one ("Reverend Peter Douglas Koon Ho-ming")
        fourth = (
            taken in (2, 3)
            and len(words) >= 4
            and HYPHENED_GIVEN.fullmatch(words[-1]) is not None
            and all(
                CAPITAL.match(x) and x not in lex["titles"] and x.lower() not in NOT_NAME_WORDS
                for x in words[-4:]
            )
            and (len(words) == 4 or words[-5] in lex["titles"])
            and not country_words(words[-4:-2])  # "Former Hong Kong Wong Wing-ping": a place first
        )
        # two given names that open the run before a surname of two words ("Andrés Manuel López
        # Obrador", "President Luiz Inácio Lula da Silva"): both go on
        pair = taken == 2 and i >= 2 and _given_pair(words, i, lex)
        paired = paired or pair
        if (
            taken >= 2
            and not (taken == 2 and (third or pair))
            and not fourth
            and not (taken == 3 and paired)
        ):
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


def names_person(phrase: str, lex: dict[str, Any]) -> bool:
    """Whether a phrase names a person: a name after any title words ("Labor Secretary Thomas
    Perez"), or a surname after a title ("Mr. Sanders", "Mr. Trump")."""
    titles, name = name_of(phrase, lex)
    return bool(name) and (is_person(name, lex) or bool(titles and titles[-1] in lex["titles"]))
