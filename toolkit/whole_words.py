"""A word found whole in a text, as ``re.finditer(rf"\\b{re.escape(word)}\\b", text)`` finds it,
without compiling a pattern per word.

The speaker modules look up every name and surname a document gives. A pattern built for each
would be compiled once per name, and thousands of names overflow the ``re`` module's cache of
compiled patterns (512 entries), so that even the constant patterns of the other modules get
compiled again and again: a quarter of :func:`toolkit.quotes`' time on a news corpus went to
compiling. :func:`whole_word_spans` finds the same spans with ``str.find`` and the same test of a
word boundary (a word character is one ``str.isalnum`` accepts, or ``_``, as in ``re``'s
Unicode patterns).

Example:
    >>> list(whole_word_spans("Kong said. Hong Kong's Kongo", "Kong"))
    [(0, 4), (16, 20)]
    >>> list(whole_word_spans("Jr. Jr.x", "Jr."))
    [(4, 7)]
    >>> space_before("Mr.  Obama", 5)
    3
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["space_before", "whole_word_spans"]


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"


def _boundary(text: str, at: int) -> bool:
    """Whether ``\\b`` holds at ``at``: a word character on one side and none on the other."""
    before = at > 0 and _wordy(text[at - 1])
    after = at < len(text) and _wordy(text[at])
    return before != after


def whole_word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of each match of ``\\b{word}\\b`` in ``text``, left to right and
    not overlapping, as ``re.finditer`` gives them."""
    if not word:
        return
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if _boundary(text, at) and _boundary(text, after):
            yield at, after
            at = text.find(word, after)
        else:
            at = text.find(word, at + 1)


def space_before(text: str, at: int) -> int:
    """Where the white space that ends at ``at`` starts (``at`` itself where there is none): with
    it a pattern ending ``\\s+`` before a word found whole is read in a short window."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at
