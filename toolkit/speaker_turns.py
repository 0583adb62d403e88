"""Transcript turns: a speaker's label and a colon that open a turn ("Vladimir Putin: Thank
you.", "President of Russia Vladimir Putin: Friends, ...", after a title, a translator's note or
a scraper's repeated name), the person each names (:func:`turns`), and the label blanked out of
a sentence that opens with it (:func:`without_turn_label`), and whom a turn's "you" addresses
(:func:`addressee`), and whose voice a speech's title gives its text (:func:`title_voice`).
:mod:`toolkit.speaker_resolver` gives "I" to the turn's speaker (else the title's) and "you" to
its addressee; :mod:`toolkit.quote_reported` reads a sentence without the label.

Example:
    >>> from toolkit.speakers import lexicon
    >>> turns("President of Russia Vladimir Putin: Friends, welcome.", lexicon())
    [(0, 'Vladimir Putin')]
"""

from __future__ import annotations

import re

from toolkit.speaker_titles import name_of
from toolkit.speakers import UPPER, is_person

__all__ = ["addressee", "title_voice", "turns", "without_turn_label"]

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


# a label that opens with a title right after a heading with no stop ("Speech at the Council
# of Lawmakers meeting President of Russia Vladimir Putin: Good afternoon", a third of the
# Kremlin's first turns). The offices are listed here, not taken from the lexicon's titles: with
# those (tried in session 30) the Kremlin corpus gained 5 turns and lost 1, two of the new ones
# misread ("Presidential Commissioner for Entrepreneurs' Rights Boris Titov:" gave
# "Entrepreneurs' Rights")
_HEADED_TURN = re.compile(
    r"(?<=[\w’'\-+]) (?=(?:President|(?:Deputy\s+)?Prime\s+Minister|(?:[A-Z][a-z]+\s+)?Minister|"
    r"Governor|Mayor|Chairman|Chairwoman|Head|Press\s+Secretary|CEO|Director|Speaker|"
    rf"Chancellor|Secretary|(?:Presidential\s+)?Aide)\s){_LABEL}"
)
# the words a name with a colon follows in prose, not a heading ("talks with President Vladimir
# Putin: ...")
_PROSE_BEFORE = {"with", "to", "for", "by", "from", "of", "the", "a", "an", "and", "or", "told",
                 "asked", "between", "about", "on", "at", "in", "as", "said", "says"}  # fmt: skip


def turns(text: str, lex: dict) -> list[tuple[int, str]]:
    """Each turn's start and the person its label names, in text order."""
    found = {m.start(1): (m.start(), name) for m in _TURN.finditer(text)
             if (name := _turn_name(m.group(1), lex))}  # fmt: skip
    for m in _HEADED_TURN.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if m.start(1) in found or not before or before[-1].lower() in _PROSE_BEFORE:
            continue
        if name := _turn_name(m.group(1), lex):
            found[m.start(1)] = (m.start(), name)
    return sorted(found.values())


def without_turn_label(sentence: str) -> str:
    """The sentence with a turn label that opens it blanked, offsets kept ("President of Russia
    Vladimir Putin: Friends, ..." reads "Friends, ...")."""
    return _OPENING_LABEL.sub(lambda m: " " * len(m.group()), sentence, count=1)


def _turn_name(label: str, lex: dict) -> str | None:
    """The person a transcript's turn label names: the label itself ("Marina Akhmedova"), or
    the name after its title ("President of Russia Vladimir Putin" -> "Vladimir Putin");
    None for a label that names no person ("Russian regions"), or one glued to the sentence
    before it ("Senator Sanders.SANDERS": a debate transcript whose turns lost their spaces)."""
    if re.search(r"[a-z]{2}\.[A-Z]", label):
        return None
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


# a turn this short hands the floor on ("Dmitry Peskov: Sky News, please."): no one a later
# turn's "you" answers
_HANDOVER = 150
# a name the turn addresses ("Mr Zaitsev, ... you said", "President Putin, to follow up",
# "my question is for President Putin."); not "Mr President", an office
_VOCATIVE = re.compile(
    rf"\b(?:Mr|Ms|Mrs|President|Chancellor|Prime Minister|Comrade)\.?\s+"
    rf"(?!President\b|Prime\b|Minister\b|Chairman\b)"
    rf"((?:[{UPPER}][\w’'\-]+\s+)?[{UPPER}][\w’'\-]+)(?=[,.])"
)


_MR_PRESIDENT = re.compile(r"\bMr\.?\s+President\b")
_PRESIDENT_LABEL = re.compile(r"[\s*]*President\b")  # a turn label's title


def addressee(text: str, sentence: tuple[int, int], pos: int,
              found: list[tuple[int, str]]) -> str | None:  # fmt: skip
    """Whom a transcript turn's "you" at ``pos`` (in ``sentence``, of the turns ``found``)
    reports: the name the turn addresses last, up to the end of the sentence ("Mr Zaitsev, ...
    when you said"); for "Mr President", the one speaker whose turn label is a president's;
    else the speaker of the last turn before of another person that says more than hand the
    floor on ("Nguyen Xuan Phuc: ... As you rightly said" after Vladimir Putin's turn). None
    outside turns or in a question ("What can you say about ...?")."""
    i = max((k for k, (at, _) in enumerate(found) if at <= pos), default=-1)
    if i < 0 or text[sentence[0] : sentence[1]].rstrip().endswith("?"):
        return None
    named = list(_VOCATIVE.finditer(text, found[i][0], sentence[1]))
    if named:  # the last name the turn addresses
        return named[-1].group(1)
    now = found[i][1]
    if _MR_PRESIDENT.search(text, found[i][0], sentence[1]):
        # "Mr President, you said ...": the one president among the transcript's speakers
        # whose label says so ("President of Russia Vladimir Putin:"), if there is one
        presidents = {name for at, name in found
                      if name != now and _PRESIDENT_LABEL.match(text, at)}  # fmt: skip
        if len(presidents) == 1:
            return presidents.pop()
    for k in range(i - 1, -1, -1):
        end = found[k + 1][0]
        if found[k][1] != now and end - found[k][0] >= _HANDOVER:
            return found[k][1]
    return None


# a title that names whose words the text is: "Speech by President Volodymyr Zelenskyy at the
# ...", "Address by the President of Ukraine Volodymyr Zelenskyy", "... - address by President
# Volodymyr Zelenskyy"
_VOICED_TITLE = re.compile(
    r"(?:^|\s[-–—:]\s|\.\s)\s*(?:(?:[Vv]ideo|[Jj]oint|[Oo]pening|[Cc]losing|[Kk]eynote|"
    r"[Tt]elevised)\s+)?"
    r"(?:[Ss]peech|[Aa]ddress|[Rr]emarks|[Ss]tatement|[Aa]rticle|[Ee]ssay|[Mm]essage|[Oo]p-ed|"
    r"[Ll]ecture)s?\b"
    rf"[^:.]{{0,80}}?\bby\s+((?:[{UPPER}][\w’'\-.]*\s+|of\s+|the\s+){{0,10}}"
    rf"[{UPPER}][\w’'\-]+)"
)


def title_voice(title: str | None, lex: dict) -> str | None:
    """The person whose words a text is by its title ("Speech by President Volodymyr Zelenskyy
    at the Verkhovna Rada" -> "Volodymyr Zelenskyy"): its "I" outside transcript turns; None
    where the title names no one so."""
    m = _VOICED_TITLE.search(title or "")
    if m is None:
        return None
    words = m.group(1).split()
    for k in range(len(words) - 1):  # the first name after its titles
        for n in (3, 2):
            part = words[k : k + n]
            plain = all(w[:1].isupper() and w not in lex["titles"] for w in part)
            if len(part) == n and plain and is_person(" ".join(part), lex):
                return " ".join(part)
    return None
