"""The gender a given name says, from a published name-gender table.

``toolkit/data/given_names.txt`` holds the given names of the nomquamgender package (Van
Buskirk, Clauset and Larremore, "An open-source cultural consensus approach to name-based gender
classification", ICWSM 2023; MIT licence) counted on at least 100 people: "m" or "f" where it
classifies them at its default threshold (a share of women at most 0.1 or at least 0.9), "u"
where the data leave them uncertain and count them on at least 10,000 people ("Jean", "Kim",
"Bernie"; not "Rand", nor "March" or "Egypt"), which say no gender but are still given names
(:func:`is_given_name`: "Bernie Sanders Says ..." opens with a person).

:func:`given_name_gender` and :func:`is_given_name` read it; :func:`table_lines` rebuilds it
from the installed package
(``pip install nomquamgender``, a development dependency): ``tests/test_given_names.py`` checks
the committed table against it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from anyascii import anyascii

__all__ = ["given_name_gender", "is_given_name", "table_lines"]

THRESHOLD = 0.1  # nomquamgender's default: classified when p(woman) <= 0.1 or >= 0.9
MIN_COUNT = 100  # people counted with the name across the package's sources
# an uncertain name is kept where at least this many people carry it: where fewer do, a word
# that is a given name too ("March", "Egypt", "Brazil", "Hong") is more often the word
MIN_COUNT_UNCERTAIN = 10_000


def _folded(word: str) -> str:
    """A name's first word as the table keys it: in ASCII (as the package's own unidecode
    writes it: "Łukasz" -> "lukasz", "Søren" -> "soren"), lower case."""
    return anyascii(word).lower()


@cache
def _table() -> dict[str, str]:
    text = (resources.files("toolkit") / "data" / "given_names.txt").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in pairs}


def given_name_gender(name: str) -> str | None:
    """ "m" or "f" for a person's name of two or more words whose first word the table
    classifies ("Amy Chua" -> "f", "Vladimir Putin" -> "m"); None otherwise."""
    words = name.split()
    if len(words) < 2:
        return None
    gender = _table().get(_folded(words[0]))
    return gender if gender in ("m", "f") else None


def is_given_name(name: str) -> bool:
    """Whether a name of two or more words opens with a given name the table counts, whatever
    gender it says ("Bernie Sanders", "Jean Dupont")."""
    words = name.split()
    return len(words) >= 2 and _folded(words[0]) in _table()


def table_lines() -> list[str]:
    """The table's lines, rebuilt from the installed nomquamgender package's name data."""
    from nomquamgender import nomquamgender as nqg  # a development dependency only

    lines = []
    for name, (_sources, counts, p_woman, *_rest) in sorted(nqg.name_data.items()):
        if counts < MIN_COUNT or not name.isascii() or not name.isalpha():
            continue
        if p_woman <= THRESHOLD:
            lines.append(f"{name}\tm")
        elif p_woman >= 1 - THRESHOLD:
            lines.append(f"{name}\tf")
        elif counts >= MIN_COUNT_UNCERTAIN:
            lines.append(f"{name}\tu")
    return lines
