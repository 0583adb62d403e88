"""Who speaks as a group no list names: a phrase whose plural head is a group's, also after a
collective's "of" ("a wide array of economists", :func:`names_group`), and such a group in a
clause set after a comma ("The plan, some say, has failed", :func:`aside_group`).
:mod:`toolkit.quote_reported`, :mod:`toolkit.quote_asides` and :mod:`toolkit.quote_voices` read
a group's frames with these.

Example:
    >>> from toolkit.speakers import lexicon
    >>> names_group("a wide array of economists", lexicon())
    True
"""

from __future__ import annotations

import re

from toolkit.quote_subjects import noun_phrase
from toolkit.speakers import is_group

__all__ = ["aside_group", "names_group"]


def aside_group(head: str, lex: dict) -> tuple[int, int] | None:
    """The subject of a frame set in a clause after a comma where a group no list names speaks
    ("The talks, these people said, were ...", "The plan, some say, has failed"): the words
    after the last comma, one noun phrase (a demonstrative read as "the") whose head is a
    group's or a quantifier; else None."""
    m = re.search(r",\s+([^,\"“”«»]{3,60}?)\s*$", head)
    phrase = re.sub(r"^(?:[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose)\b", "the", m.group(1)) if m else ""
    if m and noun_phrase(phrase, lex) and names_group(phrase, lex, alone=True):
        return m.start(1), m.end(1)
    return None


# a collective's head before the group it counts: "a wide array of economists", "a handful of
# Democrats"
_COLLECTIVE = re.compile(
    r"(?:an?|the)\s+(?:[a-z]+\s+)?(?:array|number|handful|host|majority|range|variety|chorus|"
    r"couple|group|slew|series|dozen)\s+of\s+",
    re.I,
)


def names_group(phrase: str, lex: dict, *, alone: bool = False) -> bool:
    """Whether a phrase names a group of people by its plural head (:func:`toolkit.speakers.
    is_group`), also after a collective's "of" ("a wide array of economists"); with ``alone``,
    also a quantifier alone ("some", "many", "others")."""
    m = _COLLECTIVE.match(phrase)
    quantified = alone and phrase.lower() in ("some", "many", "others")
    return quantified or is_group(phrase[m.end() :] if m else phrase, lex)
