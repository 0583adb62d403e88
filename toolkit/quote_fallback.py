"""Attributions the speaker tagger gives where the rules give none.

:func:`toolkit.quotes` reads each document with its rules, then hands over the sentences it
attributed nothing in that may report someone's words (:func:`gaps`); the tagger
(:mod:`toolkit.quote_tagger`) reads them all in one pass, and each mention it is at least
``THRESHOLD`` sure of is resolved as a frame's speaker is (:class:`toolkit.speaker_resolver.
Resolver`: "Mr. Heller" to the full name the document gives, "she" to the person named last).
What the rules skip is skipped here too: the first person outside a transcript's turn and "you"
(no claim), and a pronoun with no one before it (the rules give an unnamed "he" or "they" a row
with a null speaker, the tagger none); and a pronoun it marks is not taken
at all: the rules read "he said" and its kin, and on the development sets the pronouns the tagger
marked where the rules read nothing were no reports ("he knows that", "he expressed joy").

A row's quote is the quotation in the sentence where there is one (``direct``), else the
sentence less the speaker's mention; its verb the lemma of the reporting verb nearest the
mention where the sentence holds one of the lexicon's, else null; its ``speaker_kind``
"tagged", so that a study can count these apart or leave them out (``rhetoric.speaker_kinds``):
on the held-out sets they are right less often than the rules' named speakers
(benchmarks/README.md).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from toolkit.quote_sources import DIRECTIVE, is_speaker
from toolkit.quote_tagger import THRESHOLD, SpeakerTagger, may_report
from toolkit.quote_verb_forms import NEGATED, a_noun_here
from toolkit.quote_voices import NO_CLAIM, no_report
from toolkit.speaker_names import find_mentions, headline_names
from toolkit.speaker_resolver import Resolver
from toolkit.speaker_turns import title_voice

__all__ = ["gaps", "tagged"]

# a mention of these words alone is a fragment, no speaker
_FRAGMENTS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"}


def gaps(
    text: str, sentences: Sequence[tuple[int, int]], rows: list[dict]
) -> list[tuple[int, int]]:
    """The sentences of a document that no attribution overlaps and that may report someone's
    words (:func:`toolkit.quote_tagger.may_report`)."""
    spans = sorted((r["start"], r["end"]) for r in rows)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far
    out = []
    for s0, s1 in sentences:
        k = bisect.bisect_left(starts, s1)  # the attributions that start before its end
        if k and reach[k - 1] > s0:  # one of them ends after its start: it overlaps
            continue
        if len(text[s0:s1].split()) >= 4 and may_report(text[s0:s1]):
            out.append((s0, s1))
    return out


def tagged(
    documents: list[tuple[str, str, str | None, list[tuple[int, int]], list[tuple[int, int]]]],
    lex: dict,
    alias: dict,
    *,
    progress: bool = False,
) -> list[list[dict]]:
    """The tagger's attributions in each of ``documents``: ``(doc_id, text, title, gaps,
    quotations)`` (the sentences to read and the quotation spans), as rows of
    ``QUOTES_SCHEMA``; ``progress``: a text bar over the sentences."""
    sentences = [text[a:b] for _, text, _, found, _ in documents for a, b in found]
    marked = iter(SpeakerTagger.load().mentions(sentences, progress=progress) if sentences else [])
    out: list[list[dict]] = []
    for doc_id, text, title, found, quotations in documents:
        kept, rows = [], []
        out.append(rows)
        for a, b in found:
            kept += [(a, b, a + x, a + y) for x, y, p in next(marked) if p >= THRESHOLD]
        if not kept:
            continue
        resolver = Resolver(
            find_mentions(text, lex), lex, alias, text, quotations,
            voice=title_voice(title, lex), headline=headline_names(title, lex),
        )  # fmt: skip
        for a, b, x, y in kept:
            if text[x:y].lower() in lex["pronouns"] | _FRAGMENTS:
                # a pronoun's frame the rules do not read is mostly no report ("he knows that",
                # "she didn't deny that"; development sets 33-36)
                continue
            verb, at = _verb(text, a, b, x, lex)
            if (not is_speaker(text[x:y], lex) or no_report(text, text[x:y], x, verb, lex)
                    or _no_report(text, a, x, y, verb, at, lex)):  # fmt: skip
                continue  # what the rules hold no speaker or no report
            speaker = resolver.resolve(text[x:y], x)
            if not speaker or speaker in NO_CLAIM or speaker.lower() in lex["pronouns"]:
                continue
            start, end, direct = _quote(text, a, b, x, y, quotations)
            rows.append({"doc_id": doc_id, "start": start, "end": end, "speaker": speaker,
                         "speaker_text": text[x:y], "verb": verb, "quote": text[start:end],
                         "direct": direct, "speaker_kind": "tagged",
                         "field": "text"})  # fmt: skip
    return out


def _quote(
    text: str, a: int, b: int, x: int, y: int, quotations: list[tuple[int, int]]
) -> tuple[int, int, bool]:
    """A sentence's quotation (the longest inside it), else the sentence's longer side of the
    mention, stripped: its start, end and whether it is in quotation marks."""
    inside = [(s, e) for s, e in quotations if a <= s and e <= b and e > s]
    if inside:
        s, e = max(inside, key=lambda q: (q[1] - q[0], -q[0]))
        return s, e, True
    s, e = (a, x) if x - a >= b - y else (y, b)
    part = text[s:e]
    s += len(part) - len(part.lstrip(" ,;:—–-"))
    e -= len(part) - len(part.rstrip(" ,;:—–-"))
    return s, max(s, e), False


def _verb(text: str, a: int, b: int, x: int, lex: dict) -> tuple[str | None, tuple[int, int]]:
    """The lemma of the lexicon's reporting verb nearest the mention in its sentence (no noun
    after a determiner: "sent a note warning"), and where it is (None and the mention's place
    where there is none)."""
    found = [(abs(m.start() - x), lemma, m.span()) for m in lex["verb"].finditer(text, a, b)
             if not a_noun_here(text, m, lemma := lex["forms"][m[0].lower()], lex)]  # fmt: skip
    if not found:
        return None, (x, x)
    _, lemma, at = min(found)
    return lemma, at


# "as X claims": the writer disputes it, a report of no one's words the labels count
_AS_CLAIMED = re.compile(r"\bas\s+$", re.I)


def _no_report(text: str, a: int, x: int, y: int, verb: str | None,
               at: tuple[int, int], lex: dict) -> bool:  # fmt: skip
    """What the rules read as no report around a mention (:mod:`toolkit.quote_reported`,
    :mod:`toolkit.quote_sources`): a negated verb, a rule "according to" follows ("according
    to the President's decree"), "as X claims", and a verb that reports a clause only with
    "that" followed by a noun ("noted the increased attention")."""
    before = text[a:x]
    if DIRECTIVE.search(text[x:y]) and re.search(r"according\s+to\s+$", before, re.I):
        return True
    if verb is None:
        return False
    if NEGATED.search(text[a : at[0]]) or (at[0] > x and _AS_CLAIMED.search(before)):
        return True
    after = text[at[1] : at[1] + 40]
    return verb in lex["need_that"] and not re.match(
        r"\s*(?:\w+ly\s+)?(?:that\b|[:,]?\s*[\"“«])", after
    )
