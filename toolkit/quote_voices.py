"""Frames that report no one's speech: a commonplace as the subject ("Common sense tells us
that ..."), the first person's own view or a speech act of the moment ("I believe we should
...", "I will say right off that ..."), and a finding that no poll or study reports ("the police
found a body"; a person who indicates does report: "What is needed, Lam indicated, is ...").
:func:`toolkit.quotes.quotes` drops the frames :func:`no_report` names;
:mod:`toolkit.quote_reported` those whose subject is the writer's own (:func:`own_voice`: "This
author believes ...").

Example:
    >>> from toolkit.speakers import lexicon
    >>> text = "I believe we should thank them."
    >>> no_report(text, "I", 0, "believe", lexicon())
    True
"""

from __future__ import annotations

import re

from toolkit.quote_groups import names_group
from toolkit.speaker_titles import name_of
from toolkit.speakers import is_organisation, is_person

__all__ = ["DIALOGUE", "NO_CLAIM", "OWN_VIEW_VERBS", "no_report", "own_voice"]

# Verbs of a view held: with "I" or "we" a speaker's own words, not a report of speech
OWN_VIEW_VERBS = frozenset(
    {"believe", "think", "hope", "fear", "worry", "express confidence", "express hope",
     "express belief", "express concern", "express view", "admit", "acknowledge"}
)  # fmt: skip
# verbs of a view that "one" holds as anyone does ("One hopes that ..."; not "One, however,
# acknowledged that ...": one of a group)
_ONES_VIEW = frozenset({"hope", "think", "believe", "wonder", "imagine", "fear", "worry"})
# the persons of a dialogue: a transcript turn's speaker and the one it answers
DIALOGUE = {"i", "we", "you"}
# resolved speakers that are no claim of who spoke: the first person outside a transcript's
# turn (the text's own voice), "their" with no group quoted just before ("in their view"),
# "you" with no turn before (toolkit.quotes and toolkit.quote_fallback leave them out)
NO_CLAIM = {"I", "their", "Their", "you", "You"}
# a person as a verb's subject: a pronoun, or capitalised words ("Lam", "Carrie Lam")
_PERSON = re.compile(
    r"[Hh]e|[Ss]he|(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}"
)
# a modal right after "I" or "we": a speech act of the moment ("I will say", "we must note")
_MODAL = re.compile(
    r"\s+(?:will|would|must|should|can|could|may|might|shall|want\s+to|have\s+to|need\s+to|"
    r"wish\s+to|would\s+like\s+to)\b|['’](?:ll|d)\b"
)
# A subject that is no one's voice: "Common sense tells us that ..." (set 11)
_NOT_A_VOICE = re.compile(
    r"(?i)(?:the\s+)?(?:common\s+sense|history|experience|logic)|let['’]s|let\s+(?:us|me)"
)  # ("Let's hope they learn a lesson": the writer's wish; "Let me stress that": a speech act of
# the moment, as "I say that")


def no_report(text: str, speaker_text: str, speaker_at: int, verb: str | None, lex: dict) -> bool:
    """Whether the frame of ``speaker_text`` (at ``speaker_at`` in ``text``) and ``verb``
    reports no one's speech: a commonplace, the first or second person's own act (see
    :func:`_own_act`), the view of anyone ("One hopes that ..."), or a finding of a subject
    that is no poll or study (nor, for "indicated", a person or a person's role)."""
    if _NOT_A_VOICE.fullmatch(speaker_text):
        return True
    if speaker_text.lower() in DIALOGUE and _own_act(text, speaker_text, speaker_at, verb):
        return True
    if speaker_text.lower() == "one" and verb in _ONES_VIEW:
        return True  # "One hopes that ...": anyone's view, the writer's own, no one quoted
    return (
        verb in lex["findings"]
        and _head(speaker_text) not in lex["finding_heads"]
        and not (
            verb == "indicate"
            and (
                _a_person(speaker_text, lex)
                or (_head(speaker_text) in lex["roles"] and not is_organisation(speaker_text, lex))
            )
        )
    )  # ("the inspector general had indicated that")


def _a_person(speaker_text: str, lex: dict) -> bool:
    """Whether a subject is a person: a pronoun or capitalised words ("Lam", "Carrie Lam"), or
    a name after its title ("Health Minister Veronika Skvortsova")."""
    if _PERSON.fullmatch(speaker_text):
        return True
    name = name_of(speaker_text, lex)[1]
    return bool(name and is_person(name, lex))


# what follows a noun phrase's head: a preposition, a participle or a relative clause ("Surveys
# conducted among marchers at the protest", "A poll by Gallup", "A 2014 study that appeared in
# the British Medical Journal")
_AFTER_HEAD = re.compile(r"\s+(?:of|in|at|for|from|with|on|by|among|across|that|which|[a-z]+ed)\s")


def _head(speaker_text: str) -> str:
    """The head word of a speaker phrase, lower case: its last word before a preposition or a
    participle that modifies it."""
    cut = _AFTER_HEAD.search(speaker_text)
    return (speaker_text[: cut.start()] if cut else speaker_text).lower().split()[-1]


def _own_act(text: str, speaker_text: str, speaker_at: int, verb: str | None) -> bool:
    """Whether a first or second person's verb is no report of what was said: a view ("I
    believe we should thank ...", set 10), a modal ("I will say right off that ...", "I must
    say": what the speaker says now), or the present of the first person ("That is why I say
    that ...": a speech act of the moment; "I said", "I have said" report it)."""
    after = text[speaker_at + len(speaker_text) :]
    if verb in OWN_VIEW_VERBS or _MODAL.match(after):
        return True
    return bool(speaker_text.lower() in ("i", "we") and verb and re.match(
        rf"\s+(?:\w+ly\s+|also\s+|now\s+)?{re.escape(verb)}\b", after))  # fmt: skip


# the writer's words for themselves or their piece: "this author", "this column"
_WRITER = frozenset(
    "author writer columnist reporter correspondent editor blogger journalist "
    "column newspaper paper page piece site website blog".split()
)


def own_voice(spoken: str, before: str, lex: dict) -> bool:
    """Whether a subject after "this" or "these" is the writer's own voice, no one quoted
    ("This author believes ...", "... and this author believes"): not a document ("This
    Executive Order states that ...") nor a group or a person the text has named ("these
    people said", "this person said")."""
    head = spoken.lower().split()[-1]
    if head in lex["documents"] or names_group(spoken, lex):
        return False
    if head not in _WRITER and (head in lex["roles"] or head in ("person", "people")):
        return False
    return bool(
        re.search(r"(?:^|\s)(?:This|These)\s*$", before)
        or re.match(r"(?:[Tt]his|[Tt]hese)\s+[a-z]", spoken)
    )
