"""A share of those polled as a reporting verb's subject: "63 percent said", "Sixty-six percent
said", "About one in five say", "A mere 9 percent say", "Nearly half said", "42% of voters
say". :mod:`toolkit.quote_subjects` reads the rest of a subject.

Example:
    >>> share_polled("a mere 9 percent".split())
    True
    >>> hedged("just over a quarter of voters".split())
    2
"""

from __future__ import annotations

import re

__all__ = ["HEDGES", "hedged", "share_polled"]

# one word before a number or a share that says how near it is ("only 33 percent", "too many")
HEDGES = {"only", "about", "nearly", "almost", "just", "roughly", "some", "over", "more", "too",
          "around", "approximately", "barely", "under"}  # fmt: skip
# the same in two words ("a mere 9 percent", "just over a quarter", "more than half")
_HEDGE_PAIRS = {("a", "mere"), ("just", "over"), ("just", "under"), ("more", "than"),
                ("fewer", "than"), ("less", "than"), ("at", "least"), ("well", "over"),
                ("close", "to")}  # fmt: skip
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_NUMBER = (
    rf"\d[\d.,]*|(?:{_TENS})(?:-(?:{_UNITS}))?|{_UNITS}|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen"
)
# a share of those polled, by itself or of a group: "63 percent", "sixty-six percent", "42%",
# "4 in 10", "one in five", "one in four voters", "half", "a third", "two-thirds", "42% of
# voters", "another 19 percent", "one in four voters in a recent poll"
_SHARE = re.compile(
    rf"(?:another\s+)?(?:(?:{_NUMBER})\s*(?:percent|per\s+cent|%)"
    rf"|(?:{_NUMBER})\s+(?:in|out\s+of)\s+(?:{_NUMBER})(?:\s+[a-z][\w\-]*[a-rt-z]s)?"
    r"|half|a\s+(?:third|quarter|fifth|majority|plurality)|(?:two|three)[\s\-](?:thirds|quarters))"
    r"(?:\s+of\s+(?:the\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})?"
    # the poll that found it ("one in four voters in a new york times poll last year")
    r"(?:\s+in\s+(?:a|an|the|this|that)\s+(?:[a-z][\w\-.]*\s+){0,5}(?:poll|survey)"
    r"(?:\s+(?:last|this)\s+(?:week|month|year))?)?"
)
# the same in three words ("as many as 40 percent of Clinton voters")
_HEDGE_TRIPLES = {
    ("as", "many", "as"),
    ("as", "few", "as"),
    ("as", "much", "as"),
    ("a", "total", "of"),
}
# a verb's helper, which no share holds ("half of them were told")
_HELPERS = {"is", "are", "was", "were", "has", "have", "had", "will", "would"}


def hedged(low: list[str]) -> int:
    """How many of the lower-case words at the start hedge a number or a share after them
    ("about 40 percent": 1, "a mere 9 percent": 2, "as many as 40 percent": 3); 0 where none
    do."""
    for n in (3, 2, 1):
        hedge = (tuple(low[:n]) in _HEDGE_PAIRS | _HEDGE_TRIPLES if n > 1
                 else low[:1] and low[0] in HEDGES)  # fmt: skip
        if hedge and len(low) > n and share_polled(low[n:]):
            return n
    return 0


def share_polled(low: list[str]) -> bool:
    """Whether lower-case words are a share of those polled, perhaps hedged."""
    text = " ".join(low)
    if not low or low[-1] in ("who", "that") or _HELPERS.intersection(low):
        return False  # (nor one that ends where its clause opens: "a majority of those who
        # said": the verb is the clause's)
    if _SHARE.fullmatch(text):
        return True
    n = hedged(low) if len(low) > 1 else 0
    return bool(n) and _SHARE.fullmatch(" ".join(low[n:])) is not None
