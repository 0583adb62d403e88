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

__all__ = ["OF_PLACE", "country_words", "is_country"]

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


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[str]]:
    """``toolkit/lexicons/countries.yaml``: ``names`` (matched without case), ``short`` (as
    written)."""
    text = (resources.files("toolkit") / "lexicons" / "countries.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
