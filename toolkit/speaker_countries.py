"""Whether words name a country or a territory (:func:`is_country`, :func:`country_words`):
the Unicode CLDR's English names (Babel), the former and common names it leaves out and the
short forms news copy writes ("Turkey", "US": ``toolkit/lexicons/countries.yaml``), and a
country after a word of its time or place ("Nazi Germany"). :mod:`toolkit.speakers` tells a
name from a place with it.

Example:
    >>> is_country("South Korea"), is_country("Turkey"), is_country("U.S."), is_country("us")
    (True, True, True, False)
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml
from babel import Locale

from toolkit.given_names import is_given_name

__all__ = [
    "OF_PLACE",
    "country_named",
    "country_words",
    "is_country",
    "nationals",
    "place_stem",
    "same_place",
]

# words that make a country's name a state of it in time ("Nazi Germany", "Soviet Ukraine"),
# no person's first name (a compass point's, "East Germany", is a region's: _REGION_WORDS)
_COUNTRY_MODIFIERS = {"nazi", "soviet", "imperial", "modern", "greater", "mainland", "occupied",
                      "tsarist", "communist", "weimar", "fascist", "independent", "wartime",
                      "postwar", "pre-war", "post-war"}  # fmt: skip
# the participles that follow a place or a group in a compound, no part of a person's name
# ("Shanghai-born Shing", "Taliban-ruled Kandahar")
OF_PLACE = "born|based|bred|raised|educated|trained|ruled|led|backed|owned|run|funded"
# a compass point or its adjective, which opens a region's name, no person's
_REGION_WORDS = {"northern", "southern", "eastern", "western", "northeastern", "northwestern",
                 "southeastern", "southwestern", "north", "south", "east", "west",
                 "central"}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country and territory names in English, lower case, from the Unicode CLDR (Babel), and
    the former and common names it leaves out (``names`` in the countries lexicon)."""
    names = [*Locale("en").territories.values(), *_lexicon()["names"]]
    return frozenset(re.sub(r"\s+sar china$", "", n.lower()) for n in names)  # "Hong Kong"


def is_country(name: str) -> bool:
    """Whether a name is a country's or a territory's ("Ukraine", "South Korea"; CLDR names)."""
    return country_words(name.split())


def country_words(words: list[str]) -> bool:
    """Whether capitalised words name a country: one CLDR names whole ("South Korea", "Saudi
    Arabia"), or a country after a word of its time or place ("Nazi Germany"); or a region by
    its compass point ("Northern Cyprus", "Eastern Mediterranean", "South Minneapolis")."""
    low = [w.lower() for w in words]
    if " ".join(words) in _lexicon()["short"]:  # "US", "U.K.", as written
        return True
    return " ".join(low) in _countries() or (
        len(low) == 2
        and (low[0] in _REGION_WORDS or (low[0] in _COUNTRY_MODIFIERS and low[1] in _countries()))
    )


# the endings of a country's adjective ("Belarus-ian", "Chin-ese", "Pol-ish", "Iraq-i") and
# of its name ("Russi-a", "Ukrain-e"), taken off to compare the two
_PLACE_ENDING = re.compile(r"(?:ian|ean|ese|ish|an|i|a|e)$")


def place_stem(word: str) -> str:
    """A country's name or adjective without its ending, lower case: "belarus" for
    "Belarusian" and "Belarus", "russ" for "Russian", "russi" for "Russia"."""
    return _PLACE_ENDING.sub("", word.lower())


def _opens(stem: str, word: str) -> bool:
    return len(stem) >= 3 and word.startswith(stem) and len(word) - len(stem) <= 3


def same_place(a: str, b: str) -> bool:
    """Whether two words are one country's name and adjective ("Ukraine" and "Ukrainian",
    "Belarus" and "Belarusian", "China" and "Chinese"): one of them a country's one-word name
    (CLDR), the stem of either opening the other as :func:`country_named` reads it ("Austria"
    is not "Australian"; "Egypt" opens "Egypts").

    Example:
        >>> same_place("Ukrainian", "Ukraine"), same_place("Austrian", "Australia")
        (True, False)
    """
    a, b = a.lower(), b.lower()
    if a not in _countries() and b not in _countries():
        return False
    return _opens(place_stem(a), b) or _opens(place_stem(b), a)


@functools.lru_cache(maxsize=4096)
def country_named(adjective: str) -> str | None:
    """The one-word country (CLDR, lower case) whose name or adjective a word is, the stem of
    one opening the other, which goes on by at most three letters: "belarus" for "Belarusian"
    and "Belarus", "ukraine" for "Ukrainian"; None for a word that is no country's, or may be
    two's."""
    stem = place_stem(adjective)
    found = sorted(c for c in _countries() if " " not in c and _opens(stem, c))
    return found[0] if len(found) == 1 else None


def nationals(words: list[str]) -> bool:
    """Whether capitalised words end with a country's adjective, a nation's people and no
    person's name ("Han Chinese", "South African"; not "Michael Jordan", a country's name, nor
    "Mark German", a given name's)."""
    if not words or words[-1].lower() not in _adjectives():
        return False
    return not is_given_name(" ".join(words))  # "Mark German", "Ali Iraqi": a surname


@functools.lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    """Countries' adjectives made whole from their one-word names: "America" + "n", "Chin" +
    "ese", "Israel" + "i" (not any word that opens as a country does: "Albanese" is no
    "Albanian"), less the names themselves."""
    made = {
        stem + end
        for c in _countries() if " " not in c
        for stem in {c, c[:-1] if c[-1] in "aeiou" else c}
        for end in ("n", "an", "ian", "ese", "ish", "i")
    }  # fmt: skip
    return frozenset(made - _countries())


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[str]]:
    """``toolkit/lexicons/countries.yaml``: ``names`` (matched without case), ``short`` (as
    written)."""
    text = (resources.files("toolkit") / "lexicons" / "countries.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
