"""Transcript turns: a speaker's label and a colon that open a turn ("Vladimir Putin: Thank
you.", "President of Russia Vladimir Putin: Friends, ...", after a title, a translator's note or
a scraper's repeated name), the person each names (:func:`turns`), and the label blanked out of
a sentence that opens with it (:func:`without_turn_label`). :mod:`toolkit.speaker_resolver`
gives "I" to the turn's speaker; :mod:`toolkit.quote_reported` reads a sentence without it.

Example:
    >>> from toolkit.speakers import lexicon
    >>> turns("President of Russia Vladimir Putin: Friends, welcome.", lexicon())
    [(0, 'Vladimir Putin')]
"""

from __future__ import annotations

import re

from toolkit.speakers import UPPER, is_person, name_of

__all__ = ["turns", "without_turn_label"]

# a turn's label: capitalised words and the links of a title, a translator's note in brackets,
# a colon
_LABEL = (
    rf"([{UPPER}][\w’'\-.]*(?:\s(?:of|the|and|for|[{UPPER}][\w’'\-.]*)){{1,12}})"
    r"(?:\s?\([^()]{1,40}\))?\s?:\s"
)
# a turn: a label at a paragraph's start or after a sentence's end (or the Kremlin's "***")
_TURN = re.compile(rf"(?:^|\n|(?<=[.!?)”\"…*]) )\s*{_LABEL}")
# a label that opens a sentence, before the turn's first words
_OPENING_LABEL = re.compile(rf"^\s*{_LABEL}\s*(?=[{UPPER}“\"])")


def turns(text: str, lex: dict) -> list[tuple[int, str]]:
    """Each turn's start and the person its label names, in text order."""
    return [(m.start(), name) for m in _TURN.finditer(text)
            if (name := _turn_name(m.group(1), lex))]  # fmt: skip


def without_turn_label(sentence: str) -> str:
    """The sentence with a turn label that opens it blanked, offsets kept ("President of Russia
    Vladimir Putin: Friends, ..." reads "Friends, ...")."""
    return _OPENING_LABEL.sub(lambda m: " " * len(m.group()), sentence, count=1)


def _turn_name(label: str, lex: dict) -> str | None:
    """The person a transcript's turn label names: the label itself ("Marina Akhmedova"), or
    the name after its title ("President of Russia Vladimir Putin" -> "Vladimir Putin");
    None for a label that names no person ("Russian regions")."""
    if len(label.split()) <= 4 and is_person(label, lex):
        return label
    words = label.split()
    for k in range(len(words), 1, -1):  # the longest that ends with a person's name, not one
        # glued to the next word or written twice by a scraper ("President of Azerbaijan Ilham
        # Aliyev Aliyev IlhamPresident of Azerbaijan")
        _, name = name_of(" ".join(words[:k]), lex)
        parts = name.split() if name else []
        if (len(parts) >= 2 and len(set(parts)) == len(parts) and is_person(name, lex)
                and not any(re.search(r"[a-z][A-Z]", w) for w in parts)):  # fmt: skip
            return name
    return None
