"""Paragraphs a credit line attributes: a comment page's excerpts, each followed by a line that
names whose words they are and the day ("Wen Yang, a Beijing-based scholar, from his article
published on guancha.cn, Nov 19"), as China Daily's opinion pages print them; and quotations,
each a paragraph, whose speaker a line below names ("ZENG XINHUA, a law professor at ...", a
page of what people say).

The excerpt is the person's own words with no quotation marks and no reporting verb:
:func:`credited` gives each paragraph with its credit line's name. :mod:`toolkit.quotes` adds
them to the attributions of the frames around quotations and of reported speech;
:func:`named_quotations` gives each quotation with its name line's name.

Example:
    >>> text = ("Hong Kong residents are law-abiding citizens who respect the law of the land.\\n"
    ...         "Leung Chun-ying, Chief Executive of the Hong Kong SAR, Nov 18\\n")
    >>> [(text[a:b][:26], text[p:q]) for a, b, (p, q) in credited(text)]
    [('Hong Kong residents are la', 'Leung Chun-ying')]
"""

from __future__ import annotations

import re

from toolkit.quote_sources import MONTH
from toolkit.quote_subjects import AUXILIARIES
from toolkit.speakers import UPPER, is_person

__all__ = ["credited", "named_quotations"]

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


# a line of its own after a paragraph: the speaker's name, in capitals or not, and what the
# speaker is after a comma or a dash ("ZENG XINHUA, a law professor at ...", "Tang Wai-keung, 55,
# a businessman", "Rita Fan Hsu Lai-tai - Hong Kong deputy to NPC"); no verb after a comma
# ("Bruce Schneier, an expert, said the proposal ...")
_NAME_LINE = re.compile(
    rf"^[ \t]*(?:[-—–][ \t]*)?(?P<who>[{UPPER}][\w’'\-]+(?:[ \t]+[{UPPER}][\w’'\-]+){{1,4}})"
    r"(?:,|[ \t]+(?P<dash>[-—–]))[ \t]*(?P<what>[^\n\"“”]{2,300}?)[ \t]*$",
    re.M,
)
_VERB_AFTER = re.compile(r"(?:^|,\s+)(?:[a-z]+ed|said|says|told|wrote|is|was|has|had|will)\b")
_QUOTED_PARAGRAPH = re.compile(r"[ \t]*[\"“]([^\"“”\n]{20,}?)[\"”][ \t]*")


def named_quotations(text: str, lex: dict) -> list[tuple[int, int, tuple[int, int]]]:
    """Each paragraph that a line right below it credits with a person's name and what the
    person is: (the words' start and end, inside the marks of a paragraph that is one
    quotation, the name's span). The name reads as a person's (:func:`toolkit.speakers.
    is_person`) or is set in capitals ("ZENG XINHUA"), and its line holds no reporting verb, no
    auxiliary and no verb after a comma.
    A paragraph of prose with no marks counts where the name line sets its name and what the
    person is apart with a dash and the document has two such paragraphs or more (a page of
    "sound bites"), not a byline after an article's last paragraph."""
    quoted, excerpts = [], []
    for m in _NAME_LINE.finditer(text):
        who = m["who"]
        capitals = who.isupper() and len(who.split()) <= 3
        words = re.findall(r"[a-z]+", m["what"])
        verb = any(w in lex["forms"] or w in AUXILIARIES for w in words)
        if verb or _VERB_AFTER.search(m["what"]) or not (capitals or is_person(who, lex)):
            continue  # (a sentence: "Sven Grimm, director of ..., however, believes the ...")
        end = len(text[: m.start()].rstrip())  # the paragraph above, past blank lines
        start = text.rfind("\n", 0, end) + 1
        body = text[start:end].strip()
        got = _QUOTED_PARAGRAPH.fullmatch(text, start, end)
        if got:
            quoted.append((got.start(1), got.end(1), m.span("who")))
        elif (m["dash"] and len(body.split()) >= _MIN_WORDS and not re.search(r"[\"“”]", body)
              and re.search(r"[.!?]$", body)):  # fmt: skip
            at = start + len(text[start:end]) - len(text[start:end].lstrip())
            excerpts.append((at, at + len(body), m.span("who")))
    return sorted(quoted + (excerpts if len(excerpts) >= 2 else []))
