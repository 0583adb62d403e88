"""Where "and" stays inside one speaker phrase (:func:`toolkit.speakers.speaker_phrase`): an
institution's name ("the National Security and Defense Council") and two groups joined
("observers and researchers"); elsewhere it joins two speakers or two clauses.

``words`` are (start, end, word) triples and ``kinds`` the phrase reader's kind of each word
("cap", "role", "lower", "link", "det", ...); ``i`` is the index of the word after "and".
"""

from __future__ import annotations

__all__ = ["groups_joined", "institution_and"]

# the head words that end an institution's name with "and" inside it ("the National Security
# and Defense Council", "the Ministry of Foreign Affairs and Trade")
_AND_HEADS = {"Council", "Committee", "Commission", "Service", "Agency", "Ministry",
              "Department", "Office", "Bureau", "Trade", "Affairs", "Development", "Cooperation",
              "Security"}  # fmt: skip


def institution_and(words: list[tuple[int, int, str]], kinds: list[str], i: int) -> bool:
    """Whether "and" at ``words[i - 1]`` is inside an institution's name: capitalised words on
    both sides, "of" or "for" a few words before it and a head word that ends the phrase."""
    before = [w for _, _, w in words[max(0, i - 6) : i - 1]]
    return (
        kinds[i] == "cap"
        and words[-1][2] in _AND_HEADS
        and any(w in ("of", "for") for w in before)
        and all(kinds[j] in ("cap", "role") for j in range(i, len(words)))
    )


def groups_joined(words: list[tuple[int, int, str]], kinds: list[str], i: int) -> bool:
    """Whether "and" at ``words[i - 1]`` joins two groups ("observers and researchers", "business
    leaders and political analysts"): a plural role before it, and one after it."""
    after = [j for j in range(i, len(words)) if kinds[j] == "role"]
    return (
        kinds[i - 2] == "role"
        and kinds[i] in ("role", "lower")
        and words[i - 2][2].endswith("s")
        and bool(after)
        and words[after[0]][2].endswith("s")
    )
