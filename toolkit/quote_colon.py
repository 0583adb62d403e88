"""A person's clause that ends with a colon right before a quotation, whatever its verb ("He
ends on a note of doom: “...”", "Kennedy invokes the plights of the plaintiffs: “...”"): the
person speaks (:func:`colon_speaker`), not where the verb introduces another's words ("He
quoted Lenin:") or no one's; so does a person's name alone, an interview's label ("Mr. Ayalon:
“...”"). :mod:`toolkit.quotes` reads a quotation no other frame gives a speaker with it.

Example:
    >>> from toolkit.speakers import lexicon
    >>> head = "Mr. Kennedy ends on a note of doom: "
    >>> a, b, _ = colon_speaker(head, lexicon())
    >>> head[a:b]
    'Mr. Kennedy'
"""

from __future__ import annotations

import re

from toolkit.quote_finite import IRREGULAR_PAST
from toolkit.speakers import ADDRESSES, is_person

__all__ = ["colon_speaker"]

# a person's clause that ends with a colon right before a quotation, whatever its verb
_COLON_HEAD = re.compile(
    r"^\s*(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,4},\s+)?(?P<who>He|She|(?:Mr|Ms|Mrs|Dr)\.?\s+"
    r"[A-Z][\w’'\-]+|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){0,3})(?:,\s+(?:though|however|too),)?"
    r"(?:,\s+(?:who|whose)\s[^,“”\"«»]{3,100},)?"  # ("Mr. Erdogan, whose party ..., weighed in")
    rf"\s+(?P<verb>[a-z]+(?:s|ed)|{IRREGULAR_PAST}|cut|put|set)\b"  # ("She cut me short:")
    r"(?:(?!\b(?:that|so|and|but)\s+(?:I|we)\b)[^“”\"«».!?;]){0,120}:\s*$"
)  # (no clause of the writer's before the colon: "She became so upset ... that I had to")
_OTHERS_WORDS = re.compile(r"\b(?:quote|quotation|maxim|slogan|motto|proverb|poem|verse)s?\b")
# verbs whose colon introduces someone else's words or no one's
_NOT_OWN = {"quoted", "quotes", "cited", "cites", "read", "reads", "recited", "recites",
            "paraphrased", "is", "was", "are", "were", "has", "had", "asked"}  # fmt: skip
# a person's name alone before the colon, an interview's label ("Mr. Ayalon: “...”")
_LABEL = re.compile(
    r"^\s*(?P<who>(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s*:\s*$"
)


def colon_speaker(head: str, lex: dict) -> tuple[int, int, str | None] | None:
    """The subject of a clause a colon ends before a quotation, where it is a person's name or
    "he"/"she" and its verb reports nothing of its own (not "He quoted Lenin:")."""
    label = _LABEL.match(head)
    if label and (label.group("who").split()[0].rstrip(".") in ADDRESSES
                  or is_person(label.group("who"), lex)):  # fmt: skip
        return label.start("who"), label.end("who"), None
    m = _COLON_HEAD.match(head)
    if m is None or m.group("verb") in _NOT_OWN or _OTHERS_WORDS.search(m.group()):
        return None  # (nor "reached for a quote from 1894:", "citing the slogan of his firm:")
    who = m.group("who")
    first = who.split()[0].rstrip(".")  # ("Mr." as "Mr")
    if who in lex["not_speakers"] - {"He", "She"} or first in lex["titles"] - ADDRESSES:
        return None  # "The message ... reads:", "President of Russia Vladimir Putin:"
    addressed = first in ADDRESSES
    if (who not in ("He", "She") and not addressed and not is_person(who, lex)
            and (len(who.split()) != 1 or len(who) < 3)):  # fmt: skip
        return None  # (a surname alone, "Kennedy invokes ...": the resolver names it)
    return m.start("who"), m.end("who"), None
