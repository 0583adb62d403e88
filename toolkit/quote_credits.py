"""Paragraphs a credit line attributes: a comment page's excerpts, each followed by a line that
names whose words they are and the day ("Wen Yang, a Beijing-based scholar, from his article
published on guancha.cn, Nov 19"), as China Daily's opinion pages print them.

The excerpt is the person's own words with no quotation marks and no reporting verb:
:func:`credited` gives each paragraph with its credit line's name. :mod:`toolkit.quotes` adds
them to the attributions of the frames around quotations and of reported speech.

Example:
    >>> text = ("Hong Kong residents are law-abiding citizens who respect the law of the land.\\n"
    ...         "Leung Chun-ying, Chief Executive of the Hong Kong SAR, Nov 18\\n")
    >>> [(text[a:b][:26], text[p:q]) for a, b, (p, q) in credited(text)]
    [('Hong Kong residents are la', 'Leung Chun-ying')]
"""

from __future__ import annotations

import re

from toolkit.quote_sources import MONTH

__all__ = ["credited"]

_MONTH = rf"{MONTH}\.?"
# a line of its own: a name, a comma, what it is, and the day: "Beijing Times, June 11"
_CREDIT = re.compile(
    rf"^[ \t]*(?P<who>[A-Z][^,.!?\n\"“”]{{1,60}}?(?:\.com|\.cn|\.org)?)"
    rf"(?:,[^\n\"“”]{{0,200}}?)?,[ \t]+{_MONTH}[ \t]+\d{{1,2}}[ \t]*$",
    re.M,
)
_MIN_WORDS = 12  # an excerpt is prose: a paragraph of at least this many words


def credited(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """Each paragraph a credit line right below it attributes: (start, end, the name's span),
    where the paragraph is prose of at least twelve words with no quotation marks of its own
    and the credit line has no more than 40 words."""
    out = []
    for m in _CREDIT.finditer(text):
        if len(m.group().split()) > 40:
            continue
        end = text.rfind("\n", 0, m.start())
        if end <= 0:
            continue
        start = text.rfind("\n", 0, end) + 1
        paragraph = text[start:end]
        lead = len(paragraph) - len(paragraph.lstrip())
        body = paragraph.strip()
        if len(body.split()) < _MIN_WORDS or _CREDIT.match(body) or re.search(r"[\"“”]", body[:1]):
            continue
        if not re.search(r"[.!?][\"”’)]?$", body):
            continue  # a heading or a caption, not an excerpt
        out.append((start + lead, start + lead + len(body), (m.start("who"), m.end("who"))))
    return out
