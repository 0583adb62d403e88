"""A quotation that goes on the one attributed just before it, with no frame of its own: the
text between that one's frame and it is nothing, or the rest of the frame's sentence with no
verb of its own ('..., Mr. Herzog said on Israeli television Monday evening. “The choice ...').
:mod:`toolkit.quotes` gives such a quotation the speaker before it.

Example:
    >>> from toolkit.speakers import lexicon
    >>> continues(" on Israeli television Monday evening. ", lexicon())
    True
"""

from __future__ import annotations

import re

__all__ = ["continues"]


def continues(gap: str, lex: dict) -> bool:
    """Whether a quotation goes on the one attributed before it, given the text between that
    one's frame and it: nothing, or the rest of the frame's sentence ('..., Mr. Herzog said on
    Israeli television Monday evening. “The choice ...'), with no verb of its own; after a comma
    the frame's appositive and adjuncts (up to 28 words, one sentence)."""
    rest = gap.strip(' \n.,;:"“”«»')
    if not rest or re.fullmatch(r",\s+(?:an?|the)\s[^\n.!?;:\"“”«»]{1,200},\s*", gap):
        return True  # (or the speaker's appositive: '“...,” says X, a professor who ..., “is ...”')
    # after a comma, longer: '..., said Aimal Faizi, a spokesman for ..., in an e-mail.“The ...'
    reach = 28 if re.match(r"\s*,", gap) and not re.search(r"[.!?]\s", gap.rstrip()) else 8
    short = len(rest.split()) <= reach and "\n" not in gap and gap.rstrip().endswith(".")
    return short and not lex["verb"].search(rest) and not re.search(r"[a-z]ed\b|[\"“”«»]", rest)
