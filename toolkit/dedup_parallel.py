"""Parallel acts, not copies: two items whose texts are alike but whose titles differ only in
the names (and numbers) they give, each naming something the other does not: "President signed
Federal Law On Ratifying the Treaty ... with the Donetsk People's Republic" and "... with the
Lugansk People's Republic", "126th Separate Coastal Defence Brigade receives honorary name
Guards" and "155th Separate Marine Brigade receives ...". Their texts share a form, not a
story; :func:`toolkit.dedup_clusters.pair_tables` lists such pairs as near misses of kind
``parallel``. Pairs across outlets are read too: a third site's copy of one act would otherwise
join the two into one cluster.

A copy keeps its title, or rewrites it, or changes a rubric ("Xi Story:"), a spelling ("Kiev",
"Kyiv") or initials ("United States", "US"); a title that only swaps one name for another is
the next act of a series. Titles set in title case (every word capitalised) say nothing of
which words are names and are not read; nor are pairs whose titles differ only in numbers
("Death toll rises to 12" and "... to 15": updates of one story). Other ways of naming one
thing ("South Korean" and "ROK", "Iran's Abadan" and "SW Iran") are read as other names: on
the three headline and release corpora in ``../shared/corpora``, 3 of 34 such pairs.

Example:
    >>> import numpy as np, polars as pl
    >>> docs = pl.DataFrame({"outlet": ["Kremlin"] * 2, "title": [
    ...     "Law ratifying the treaty with the Donetsk People's Republic",
    ...     "Law ratifying the treaty with the Lugansk People's Republic"]})
    >>> parallel_pairs(docs, np.array([0]), np.array([1]), np.array([True])).tolist()
    [True]
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

import numpy as np
import polars as pl

__all__ = ["parallel_pairs", "parallel_titles", "unrelated_titles"]

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A body this short (words) that two stories of one outlet share under unrelated titles is what
# the site puts under every title (a standfirst, a newsletter box), not a story: a retitled
# copy of a whole story (China Daily's op-eds, 38 to 1,300 words) stays a copy
SHORT_BODY_WORDS = 60
# ...and a body of a sentence or two shared under two different titles at all (the 12-word
# standfirst of ten Foreign Policy pieces whose titles all name Trump)
STANDFIRST_WORDS = 20
# A title's first words before a colon, at most this many, are its rubric
RUBRIC_WORDS = 3
# Words this alike (difflib's ratio) are two spellings of one name: "Kiev" and "Kyiv" 0.75,
# "al-Qaeda" and "al-Qaida" 0.8, "Argentina" and "Argentine" 0.89; "Donetsk" and "Lugansk"
# 0.43, "IV" and "V" 0.67
VARIANT_RATIO = 0.7
# The words title case leaves small ("Putin Signs Law on Ratification of the Treaty")
_SMALL_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as into onto over per via vs".split()
)


def parallel_pairs(
    docs: pl.DataFrame,
    a: np.ndarray,
    b: np.ndarray,
    where: np.ndarray,
    *,
    parallel_acts: bool = True,
) -> np.ndarray:
    """Whether each pair (rows ``a``, ``b`` of ``docs``), among those ``where`` is True, is
    two parallel acts (:func:`parallel_titles` of their titles, unless not ``parallel_acts``)
    or two stories of one outlet under unrelated titles (:func:`unrelated_titles`) whose
    bodies are both short (``SHORT_BODY_WORDS``, by ``n_words``); False where ``docs`` has no
    ``title`` column."""
    found = np.zeros(a.size, dtype=bool)
    if "title" not in docs.columns or not where.any():
        return found
    titles = docs["title"].to_list()
    nothing = [None] * docs.height
    outlets = docs["outlet"].to_list() if "outlet" in docs.columns else nothing
    words = docs["n_words"].to_list() if "n_words" in docs.columns else nothing
    for i in np.flatnonzero(where):
        one, two = titles[a[i]], titles[b[i]]
        longest = max(
            (w if w is not None else SHORT_BODY_WORDS + 1) for w in (words[a[i]], words[b[i]])
        )
        found[i] = (parallel_acts and parallel_titles(one, two)) or (
            longest <= SHORT_BODY_WORDS
            and outlets[a[i]] is not None
            and outlets[a[i]] == outlets[b[i]]
            and (unrelated_titles(one, two) or (longest <= STANDFIRST_WORDS and _other(one, two)))
        )
    return found


def _other(first: str | None, second: str | None) -> bool:
    """Whether two titles are two, not one written twice or cut (casefolded, one not holding
    the other)."""
    if not first or not second:
        return False
    a, b = " ".join(_words(first)).casefold(), " ".join(_words(second)).casefold()
    return a not in b and b not in a


def unrelated_titles(first: str | None, second: str | None) -> bool:
    """Whether two titles share at most one word of content (three letters or more, not a
    small word), a third of the fewer or less, each having three or more: two stories of one
    outlet whose text is alike only in what the site puts under every title (a standfirst:
    "Ten thinkers on the start of the U.S. president's second term." under "Does Trump Have an
    Africa Policy?" and "Trump Looks to Modi for Appeasement"; a script's leftovers; trial
    AB), not a copy.

    Example:
        >>> unrelated_titles("Does Trump Have an Africa Policy?", "Trump Looks to Modi")
        True
        >>> unrelated_titles("Putin meets Lukashenko in Minsk", "Lukashenko, Putin hold talks")
        False
    """
    if not first or not second:
        return False
    content_a, content_b = _content(first), _content(second)
    fewest = min(len(content_a), len(content_b))
    return (
        fewest >= 3 and len(content_a & content_b) * 3 <= fewest and len(content_a & content_b) <= 1
    )


def _content(title: str) -> set[str]:
    return {w.casefold() for w in _words(title) if len(w) >= 3} - _SMALL_WORDS - _TITLE_FILLER


# words of a title that say nothing of its story ("Does", "Why", "How")
_TITLE_FILLER = frozenset("does did why how what who when where will can has have are was".split())


def parallel_titles(first: str | None, second: str | None) -> bool:
    """Whether two titles differ only in names and numbers, each naming something the other
    does not (at least one capitalised word on each side, not the title's first word), and
    share at least as many words as either adds.

    Example:
        >>> parallel_titles("Putin met the President of Iran", "Putin met the President of Syria")
        True
        >>> parallel_titles("Putin met the President of Iran", "Putin will meet Iran's leader")
        False
        >>> parallel_titles("Death toll rises to 12", "Death toll rises to 15")
        False
    """
    if not first or not second or first == second:
        return False
    words_a, words_b = _words(first), _words(second)
    if _title_case(words_a) or _title_case(words_b):
        return False
    count_a = Counter(w.casefold() for w in words_a)
    count_b = Counter(w.casefold() for w in words_b)
    only_a, only_b = count_a - count_b, count_b - count_a
    if not only_a or not only_b:
        return False
    shared = sum((count_a & count_b).values())
    if shared < max(sum(only_a.values()), sum(only_b.values())):
        return False
    if _variants(list(only_a), list(only_b)):
        return False
    return _names(words_a, only_a) and _names(words_b, only_b)


def _words(title: str) -> list[str]:
    """A title's words, less a rubric before a colon in its first words ("Xi Story:",
    "Graphics:", which a copy may change) and a possessive's "'s" ("China's" is "China")."""
    head, colon, rest = title.partition(":")
    if colon and rest.strip() and len(_WORD.findall(head)) <= RUBRIC_WORDS:
        title = rest
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(title)]


def _variants(only_a: list[str], only_b: list[str]) -> bool:
    """Whether the words one title has and the other lacks (casefolded) include two ways of
    writing one name: one the start of the other ("Cameroon" and "Cameroonian", "E" and
    "East", "Jul" and "July"), two spellings (``VARIANT_RATIO``), or initials ("United
    States" and "US")."""
    for x in only_a:
        for y in only_b:
            short, long = sorted((x, y), key=len)
            if long.startswith(short) or SequenceMatcher(None, x, y).ratio() >= VARIANT_RATIO:
                return True
    initials_a = "".join(w[0] for w in only_a)
    initials_b = "".join(w[0] for w in only_b)
    return (len(only_a) > 1 and initials_a in only_b) or (len(only_b) > 1 and initials_b in only_a)


def _title_case(words: list[str]) -> bool:
    """Whether a title capitalises every word but articles, conjunctions and prepositions
    (title case: "Putin Signs Law on Ratification"), where capitals mark no names."""
    lettered = [w for w in words if w[0].isalpha() and w.casefold() not in _SMALL_WORDS]
    return len(lettered) > 2 and all(w[0].isupper() for w in lettered)


def _names(words: list[str], only: Counter) -> bool:
    """Whether every word of ``words`` in ``only`` (a title's own words, casefolded) is a
    name or a number as written (capitalised past the first word, or holding a digit), and one
    at least is a name."""
    name = False
    for i, w in enumerate(words):
        if w.casefold() not in only:
            continue
        if any(c.isdigit() for c in w):
            continue
        if i == 0 or not w[0].isupper():
            return False
        name = True
    return name
