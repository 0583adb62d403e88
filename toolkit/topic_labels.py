"""Topic labels: the top terms of a topic's representation with words that repeat between its parts
removed, and each script's words shown when a topic spans languages.

Example:
    >>> topic_label(["lukashenko stressed", "coordinates lukashenko", "belarus actually"])
    'lukashenko stressed, coordinates, belarus actually'
"""

from __future__ import annotations

__all__ = ["NO_WORDS", "topic_label"]


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


def _script(term: str) -> str:
    from toolkit.lang import script_language

    found = script_language(term)
    return "cyrillic" if found in ("ru", "be", "uk") else found or "latin"


def _label(terms: list[str], *, parts: int) -> str:
    seen: set[str] = set()
    out: list[str] = []
    for term in terms:
        words = term.split()
        fresh = [w for w in words if not _stems(w) <= seen]
        seen |= set().union(*(_stems(w) for w in words))
        if fresh:
            out.append(" ".join(fresh))
        if len(out) == parts:
            break
    return ", ".join(out)
