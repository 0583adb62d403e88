"""A speaker written by a relation to a person the text names: a relative by the given name alone
("his wife Bernadette" -> "Bernadette Chirac"), a group of a person's ("his critics" ->
"Donald Trump's critics", "Associates of Navalny" -> "Associates of Alexei Navalny"), a person
and their group ("Trump and his supporters" -> "Donald Trump and his supporters"); and the two
sides of talks ("the two leaders": :func:`both_sides`); and "the latter" or "the former" of
two names joined by "and"; and ones who speak for or stand near a person named after them, whom
the text does not name ("an aide to Mr. Biden", "a source close to him": :func:`near_another`).
:class:`toolkit.speaker_resolver.Resolver` asks it before its other readings.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from toolkit.quote_sources import KIN_WORDS
from toolkit.speaker_offices import SPEAKS_FOR
from toolkit.speaker_pronouns import pronoun_person
from toolkit.speakers import DETERMINERS, KNOWING, UPPER, surname

__all__ = ["both_sides", "near_another", "related"]

# a relative by a given name alone: "his wife Bernadette", "her son Hunter"
_KIN = re.compile(rf"([Hh]is|[Hh]er)\s+{KIN_WORDS}\s+([{UPPER}][a-z’'\-]+)")
_KIN_BEFORE = re.compile(rf"(?:[Hh]is|[Hh]er)\s+{KIN_WORDS}\s+$")
# a group of a person's named by a possessive pronoun: "his critics", "her aides", "his family"
_WHOSE_GROUP = re.compile(
    r"([Hh]is|[Hh]er)\s+((?:[a-z]+\s+)?(?:critics|aides|supporters|opponents|allies|"
    r"advisers|advisors|lawyers|friends|relatives|associates|followers|detractors|family))"
)
# a group named by its person's surname: "Associates of Navalny", "Organizers from Dallas"
_GROUP_OF = re.compile(rf"((?:\w+\s+)?\w+s\s(?:of|from)\s)([{UPPER}][\w’'\-]+)")
# ones who know or stand near the one named after ("a source close to", "people familiar with")
_NEAR_TO = re.compile(rf"\b{KNOWING}\s")
# the prepositions whose object a name is, after the noun that speaks ("a supporter of")
_OBJECT_OF = {"of", "for", "to", "with", "in", "on", "at", "from"}
# a person and their group: "Trump and his supporters", "Kwan and others"
_TOGETHER = re.compile(
    rf"([{UPPER}][\w’'\-]+)(\s+and\s+(?:(?:his|her|their|other)\s+\S.*|others|colleagues))"
)
_PRONOUN = {"his": "he", "her": "she"}


# two names joined by "and", each capitalised words ("the Federal Aviation Administration and
# the National Transportation Safety Board"): what "the former" and "the latter" name
_NAME = rf"(?:the\s+)?[{UPPER}][\w’'\-.]*(?:\s+(?:of|for|on|[{UPPER}][\w’'\-.]*))*"
_PAIR = re.compile(rf"({_NAME})\s+and\s+({_NAME})")


def related(r: Any, written: str, pos: int, *, people: bool) -> str | None:
    """Whom a speaker ``written`` at ``pos`` names through a person (``r`` is the document's
    :class:`toolkit.speaker_resolver.Resolver`); None where it is no such phrase. ``people``:
    ``written`` is two people joined by "and" (then no group of one)."""
    which = re.fullmatch(r"[Tt]he (former|latter)", written)
    if which:  # the second (or first) of the two names joined last before it, nearby
        pairs = list(_PAIR.finditer(r.text, max(0, pos - 300), pos))
        side = pairs[-1].group(2 if which.group(1) == "latter" else 1) if pairs else None
        return re.sub(r"^the\s+", "", side) if side else written
    kin = _KIN.fullmatch(written)
    before = _KIN_BEFORE.search(r.text, max(0, pos - 20), pos)
    if kin is None and before and re.fullmatch(rf"[{UPPER}][a-z’'\-]+", written):
        kin = _KIN.fullmatch(
            before.group(0) + written
        )  # the name alone: "His wife Bernadette said"
    if kin:  # her given name and the surname of the person "his" names
        person = pronoun_person(r, _PRONOUN[kin.group(1).lower()], pos)
        return (
            f"{kin.group(2)} {surname(person)}" if person and len(person.split()) >= 2 else written
        )
    whose = _WHOSE_GROUP.fullmatch(written)
    if whose:  # "his critics say": the critics of the person "his" names
        person = pronoun_person(r, _PRONOUN[whose.group(1).lower()], pos)
        return f"{person}'s {whose.group(2)}" if person else written
    together = _TOGETHER.fullmatch(written)
    if together:  # the person as the surname alone names them ("Kwan" -> "Andy Kwan Cheuk-chiu")
        return r.resolve(together.group(1), pos) + together.group(2)
    group = None if people else _GROUP_OF.fullmatch(written)
    full = {m.name for m in r.mentions if group and surname(m.name) == group.group(2)}
    return group.group(1) + full.pop() if group and len(full) == 1 else None


def both_sides(chain: list[str]) -> str | None:
    """The two people "the two leaders" or "both sides" are, from the persons a document names
    in order (``chain``): the two it names most, in the order it first names them, when a third
    is named less than both ("Vladimir Putin had a telephone conversation with ... Recep Tayyip
    Erdogan. The parties expressed hope ...")."""
    top = Counter(chain).most_common(3)
    if len(top) < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
        return None
    first = {n: chain.index(n) for n, _ in top[:2]}
    return " and ".join(sorted(first, key=first.get))


def near_another(written: str, titles: list[str], lex: dict) -> bool:
    """Whether a written speaker (its words before a name: ``titles``) is one or more the text
    does not name, who speak for or stand near the one named after: a role and "to" or "for"
    after "a" or "one" ("an aide to US President Woodrow Wilson", "a spokesman for President
    Putin"), a plural role that opens the phrase ("two aides to Mr. Biden", not "Irene Petras
    of Zimbabwe Lawyers for Human Rights"), ones who know the person ("a source close to Joe
    Biden", "officials familiar with Mr. Putin's thinking"), or a noun whose preposition's
    object the name is ("a supporter of Mr. Morsi", "the lawyer for Wang Qingying", "the
    consul-general in Hong Kong", "Critics on Capitol Hill"; not a title's place: "US
    ambassador to Iraq Zalmay Khalilzad"; nor an author: "a report by Altai Consulting")."""
    if _NEAR_TO.search(written) or re.search(
        r"\b(?:[Tt]hose|[Aa]nyone|[Ee]veryone|[Pp]eople)\s+who\s", written
    ):
        return True  # ("Those who revere Archbishop Romero": not Romero)
    role_words, offices = lex["role_words"], lex["titles"]
    low = [t.lower() for t in titles]
    k = len(titles)
    while k and (titles[k - 1] in offices or low[k - 1] == "the"):
        k -= 1  # ("of Mr.", "of President", "in the")
    if k >= 2 and low[k - 1] in _OBJECT_OF and low[k - 2] not in _OBJECT_OF | DETERMINERS:
        head = titles[k - 2]
        plain = head.islower() or (k == 2 and head.lower() in role_words and head not in offices)
        # (an office's holder is the role's to resolve: "the chief executive of SVA"; a name
        # before is the speaker: "Naif Bezwan of Mardin Artuklu University in ...")
        office = head.capitalize() in offices and head.lower() not in SPEAKS_FOR
        named = any(a[:1].isupper() and b[:1].isupper() and not {a, b} & offices
                    and a.lower() not in DETERMINERS
                    for a, b in itertools.pairwise(titles[: k - 2]))  # fmt: skip
        if plain and not named and (low[k - 1] in ("in", "on", "at") or not office):
            return True
    one = low[:1] in (["a"], ["an"], ["one"], ["another"])
    return any(
        (a in role_words if one else a[-1:] == "s" and a[:-1] in role_words and i < 2)
        and b in ("to", "for")
        for i, (a, b) in enumerate(itertools.pairwise(low))
    )
