"""The gender a given name says, from a published name-gender table.

``toolkit/data/given_names.txt`` holds the given names that the nomquamgender package
(Van Buskirk, Clauset and Larremore, "An open-source cultural consensus approach to name-based
gender classification", ICWSM 2023; MIT licence) classifies at its default threshold (a share of
women at most 0.1 or at least 0.9) on at least 100 counted people. Names the data leave uncertain
("Jean", "Kim", "Rand", most Chinese surnames that open a name) are not in it, and so say nothing.

:func:`given_name_gender` reads it; :func:`table_lines` rebuilds it from the installed package
(``pip install nomquamgender``, a development dependency): ``tests/test_given_names.py`` checks
the committed table against it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from anyascii import anyascii

__all__ = ["given_name_gender", "table_lines"]

THRESHOLD = 0.1  # nomquamgender's default: classified when p(woman) <= 0.1 or >= 0.9
MIN_COUNT = 100  # people counted with the name across the package's sources


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
    return _table().get(_folded(words[0]))


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
    return lines
