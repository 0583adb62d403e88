"""Topic labels: the top terms of a topic's representation with words that repeat between its parts
removed, and each script's words shown when a topic spans languages.

Example:
    >>> topic_label(["lukashenko stressed", "coordinates lukashenko", "belarus actually"])
    'lukashenko stressed, coordinates, belarus actually'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["NO_WORDS", "model_labels", "model_terms", "topic_label", "topic_labels"]


def _stems(word: str) -> set[str]:
    # "Belarus" and "Belarusian", "hike" and "hikes" are one word in a label, and
    # "belarusian-russian" repeats "russia" and "belarus"
    parts = [p for p in word.lower().split("-") if p]
    return {(p[:-1] if len(p) > 3 and p.endswith("s") else p)[:6] for p in parts}


# The label of a topic with no distinctive word (its units' words too rare for the vectorizer)
NO_WORDS = "(no distinctive words)"


def topic_label(terms: list[str], *, parts: int = 3) -> str:
    """A short label from a topic's representation (its words and phrases, best first): the
    first ``parts`` of them, each without the words an earlier part already holds (by their
    first six letters, less a plural "s", and each part of a hyphenated word), so phrases that
    share words do not make a word salad.

    A topic that spans languages shows each language's words: where the terms are written in
    more than one script (Latin, Cyrillic, Han), the label gives the first two parts of each,
    in the order their scripts first appear, joined by " / ".

    Example:
        >>> topic_label(["lukashenko stressed", "coordinates lukashenko", "belarus", "belarusian"])
        'lukashenko stressed, coordinates, belarus'
        >>> topic_label(["церемония", "праздник", "ceremony", "ветеран", "greetings"])
        'церемония, праздник / ceremony, greetings'
    """
    terms = [t for t in terms if t.strip()]  # BERTopic pads a topic without words with ""
    if not terms:
        return NO_WORDS
    scripts: dict[str, list[str]] = {}
    for term in terms:
        scripts.setdefault(_script(term), []).append(term)
    if len(scripts) > 1:
        return " / ".join(_label(part, parts=2) for part in scripts.values())
    return _label(terms, parts=parts)


def topic_labels(terms: Mapping[int, list[str]], *, parts: int = 3) -> dict[int, str]:
    """:func:`topic_label` of each topic (``terms``: its representation, best first), told
    apart where one label's words are all in another's ("president russia, vladimir putin,
    moscow" and "president russia, vladimir, putin" read as one topic, trial W): each of those
    keeps its first part, then takes its next terms whose words the others' labels lack.

    Example:
        >>> topic_labels({0: ["president russia", "vladimir putin", "moscow", "kremlin"],
        ...               1: ["president russia", "vladimir", "putin", "ukraine", "donbas"]})
        {0: 'president russia, moscow, kremlin', 1: 'president russia, ukraine, donbas'}
    """
    labels = {t: topic_label(ts, parts=parts) for t, ts in terms.items()}
    words = {t: _label_stems(label) for t, label in labels.items() if label != NO_WORDS}
    pairs = [(t, u) for t, mine in words.items() for u, other in words.items()
             if t != u and mine <= other]  # fmt: skip
    for t in sorted({t for pair in pairs for t in pair}):
        others = set().union(*(words[u] for pair in pairs if t in pair for u in pair if u != t))
        kept = [w for w in terms[t] if w.strip()]
        labels[t] = _label(kept, parts=parts, avoid=others) or labels[t]
    return labels


# The terms of a topic's representation a label and the topic table read
TERMS = 10


def model_terms(model: Any, topic: int) -> list[str]:
    """A fitted BERTopic model's representation of ``topic``: its first ``TERMS`` terms, best
    first (BERTopic pads a topic without words with "")."""
    return [w for w, _ in (model.get_topic(topic) or []) if w.strip()][:TERMS]


def model_labels(model: Any, topics: Iterable[int]) -> dict[int, str]:
    """ "N: label" of each of ``topics`` (:func:`topic_labels` of :func:`model_terms`, told
    apart among them): one source for the topic table and the figures."""
    labels = topic_labels({t: model_terms(model, t) for t in topics})
    return {t: f"{t}: {label}" for t, label in labels.items()}


def _label_stems(label: str) -> frozenset[str]:
    return frozenset().union(*(_stems(w) for w in label.replace(",", " ").split() if w != "/"))


def _script(term: str) -> str:
    from toolkit.lang import script_language

    found = script_language(term)
    return "cyrillic" if found in ("ru", "be", "uk") else found or "latin"


def _label(terms: list[str], *, parts: int, avoid: set[str] | None = None) -> str:
    """The first ``parts`` of ``terms`` less the words an earlier part holds; past the first
    part, the words of ``avoid`` (stems) too."""
    seen: set[str] = set()
    out: list[str] = []
    for term in terms:
        words = term.split()
        fresh = [w for w in words if not _stems(w) <= seen]
        seen |= set().union(*(_stems(w) for w in words))
        if fresh:
            out.append(" ".join(fresh))
            if avoid is not None and len(out) == 1:
                seen |= avoid
        if len(out) == parts:
            break
    return ", ".join(out)
