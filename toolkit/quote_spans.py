"""Quotation spans and sentences in a document's text, as :mod:`toolkit.quotes` reads them.

- Curly and angle quotation marks are paired; a closing mark used to open a quotation
  ("2021.\u201dWe will ...\u201d") is read as one, and an opening mark used to close one before
  its frame ("\u201cIt works,\u201c he said").
- Straight marks are paired by their side, read from the characters around each, not by
  counting: an inner quotation nests and a closing mark whose opening mark the source lost
  closes a quotation that starts with its sentence, so one lost mark does not turn every later
  quotation of a long unbroken paragraph inside out.
- A quotation left open runs to the end of its paragraph, unless a closing mark glued to the
  next word opened it.
- Sentences are split by :func:`toolkit.segment.split_sentences`, also where the source glued
  two together with no space ("said.If").
- Doubled apostrophes for quotation marks (the NYT archive's ''...'', Penn Treebank's
  ``...'') are written as straight ones at the same offsets by :func:`double_marks`, which
  :func:`toolkit.quotes` applies before reading a text.
- A work's title in quotation marks after the work's noun is no one's words
  (:func:`work_title`: 'in his autobiography, “Long Walk to Freedom.”').

Example:
    >>> text = 'We act. This is new," he added. "It works," she said.'
    >>> [text[a:b] for a, b in quote_spans(text)]
    ['This is new,', 'It works,']
"""

from __future__ import annotations

import re

from toolkit.quote_headline_verbs import title_case
from toolkit.segment import split_sentences

__all__ = ["double_marks", "quote_spans", "sentences", "work_title"]

_OPEN, _CLOSE = "“«", "”»"
# a sentence end glued to the next sentence: a lower-case word's full stop, then a capital or a
# quotation mark with no space ("said.If", "Israel.”Prisoner"); not "U.S.A." or "Amazon.com",
# nor a degree's initials ("Ph.D.", "M.Sc.": a capital and its own stop)
_GLUED = re.compile(
    r"(?<=[a-z\d)][.!?])[”\"]?(?=[“\"]?(?:(?:Mr|Mrs|Ms|Dr)\.\s|[A-Z](?![a-z]*\.)))"
)  # (a title of address opens a sentence too: "when his contract will expire.Mr. Nittve")


def _straight_kind(para: str, i: int) -> str:
    """A straight quotation mark's side, from the characters around it: "open" after a space
    or a bracket and before a word, "close" after a word or a punctuation mark and before a
    space or a punctuation mark, else "either"."""
    before, after = para[i - 1 : i], para[i + 1 : i + 2]
    space_before = not before or before.isspace() or before in "([{—–-"
    space_after = not after or after.isspace() or after in ",.;:!?)]}—–-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _sentence_start(para: str, end: int) -> int:
    """Where the sentence that holds ``para[end]`` starts: after the last sentence end (a
    stop or a closing mark then a space and a capital) before it, else the paragraph start."""
    starts = [m.end() for m in re.finditer(r"[.!?][\"”»]?\s+(?=[\"“«]?[A-Z])", para[:end])]
    return starts[-1] if starts else 0


_MAX_STRAY = 20  # unclosed opening marks left out per paragraph, so pairing stays linear


def _straight_spans(para: str) -> list[tuple[int, int]]:
    """Straight quotation marks paired by their side, not by counting: an inner quotation
    ('"... the state enterprise "Ukrainian National Center", which ...," said X') nests, and a
    closing mark whose opening mark the source lost ('We are launching it. This is ...," he
    added') closes a quotation that starts with its sentence; a mark that could be either
    closes an open quotation, else opens one. An opening mark whose closing mark was lost is
    left out and the marks after it paired again: its quotation runs to the end of its
    paragraph when no quotation follows (one that goes on in the next paragraph), else to the
    end of its sentence."""
    marks = [(m.start(), _straight_kind(para, m.start())) for m in re.finditer('"', para)]
    stray: list[int] = []
    while True:
        spans, left_open = _pair(para, [m for m in marks if m[0] not in stray])
        if left_open is None or len(stray) >= _MAX_STRAY:
            break
        stray.append(left_open)
    for i in stray:
        after = [a for a, _ in spans if a > i]
        end = len(para) if not after else _sentence_end(para, i, min(after))
        curly = para.find("”", i, end)
        if curly > 0:  # closed by a curly mark: '" ‘Email me if ...’ ” Christian continued'
            end = curly
        if end - i > 20 or after:
            spans.append((i + 1, end))
    return sorted(spans)


def _pair(para: str, marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], int | None]:
    """The quotations the marks make, and the first opening mark left unclosed, if any."""
    spans, stack = [], []
    for i, kind in marks:
        if kind == "open" or (kind == "either" and not stack):
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((start + 1, i))
        elif re.match(r"\s*[,—–-]", para[i + 1 :]) or re.search(r"[,.!?]$", para[:i]):
            spans.append((_sentence_start(para, i), i))  # its opening mark was lost
    return spans, (stack[0] if stack else None)


def _sentence_end(para: str, start: int, limit: int) -> int:
    """Where the sentence that ``para[start]`` opens ends, before ``limit`` at the latest."""
    m = re.compile(r"[.!?](?=\s)").search(para, start, limit)
    return m.end() if m else limit


# two apostrophes or backticks for a quotation mark (the NYT archive's ''...'', Penn Treebank's
# ``...''), where no letter stands on both sides ("rock ''n'' roll" is no quotation)
# (a closing one may follow a nested quotation's closing apostrophe: "...?''' Mr. Biden said")
_DOUBLED = re.compile(r"(?<!\w)(?:''|``)(?=[\w$])|(?<=[\w.,!?;:%)\]…—-])(?P<inner>')?''(?!\w)")
# two curly single marks for a double one (the NYT magazine's ‘‘...’’): the pair is a mark
# whatever stands beside it; a closing run of three holds a nested quotation's close first;
# an opening and a closing single mark before a word open one too ("‘’It will be built over
# the mayor’s dead body,” Mr. ..." in chinadaily-nyt-2013-15)
_DOUBLED_CURLY = re.compile(r"‘‘|‘’(?=\w)|’’(?!’)")
# single marks, curly or straight, around a quotation a verb of speaking follows, as British
# headlines set them ("‘Donald Trump is too chicken to debate,’ says Alex Salmond"); an
# apostrophe inside stays one ("‘I’m back,’ says ...")
_SPEECH_AFTER = (
    r"(?=,?\s+(?:[\w’'.\-]+\s+){0,4}(?:says|said|tells|told|warns|claims|insists|admits|asks|"
    r"urges|vows|writes|tweets|adds|declares|argues)\b)"
)  # (or the speaker between: "‘Stop lying,’ Russia tells US", "..., chief strategist tells")
_SINGLE_QUOTED = re.compile(
    rf"(?<![\w’'])‘((?:[^‘’\n]|’(?=\w))+?)’{_SPEECH_AFTER}"
    # (or straight ones: "'It's all about the banking,' says Lee Camp")
    rf"|(?<![\w’'])'((?:[^'\n]|'(?=\w))+?)'{_SPEECH_AFTER}"
)
_SPEECH_CLOSE = re.compile(rf"[’']{_SPEECH_AFTER}")  # (a closing single mark before one)


def double_marks(text: str) -> str:
    """The text with each doubled mark written as a straight quotation mark and a space, at the
    same offsets: an opening ``''`` before the words it opens as ' "', a closing one as '" ',
    and the curly ``‘‘`` and ``’’`` as ' “' and '” ', and single marks around a quotation that a
    verb of speaking follows as curly double ones (so that every reading of quotation marks
    reads them; a row's offsets hold in the text as it was)."""

    def mark(m: re.Match) -> str:
        after = text[m.end() : m.end() + 1]
        opens = m.group()[0] == "`" or after.isalnum() or after == "$"
        inner = "'" if m.group("inner") else ""  # (the nested quotation's mark stays in it)
        return ' "' if opens else f'{inner}" '

    # (each pattern run only where its marks stand: the lookbehinds scan slowly)
    if "''" in text or "``" in text:
        text = _DOUBLED.sub(mark, text)
    if "‘‘" in text or "’’" in text or "‘’" in text:
        text = _DOUBLED_CURLY.sub(lambda m: " “" if m.group()[0] == "‘" else "” ", text)
    if _SPEECH_CLOSE.search(text):
        text = _SINGLE_QUOTED.sub(_single_quoted, text)
    return text


def _single_quoted(m: re.Match) -> str:
    """A quotation in single marks as one in curly double marks: a clause's words or its comma
    (not a scare-quoted word: "The candidates’ ‘plans’ said"), outside any double quotation
    (not a quotation inside one: '“... I told him: ‘I am sorry.’ He said, ...”')."""
    quoted = m[1] or m[2]
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    inside = line.count("“") > line.count("”") or line.count('"') % 2
    words = quoted[-1] in ",!?.…" or len(quoted.split()) >= 3
    return f"“{quoted}”" if words and not inside else m[0]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's content: curly and angle quotes paired, straight ones
    by their side (:func:`_straight_spans`); one left open runs to the end of its paragraph."""
    spans = []
    pos = 0
    carried = False  # the last paragraph ended with an opening mark
    for para in text.split("\n"):
        opened = None
        curly = []
        by_close = False  # the open quotation was opened by a closing mark
        if carried and para.strip():
            carried = False
            close = min((i for i, ch in enumerate(para) if ch in _CLOSE), default=-1)
            if close > 0 and not any(ch in _OPEN for ch in para[:close]):
                opened = -1  # its opening mark was left at the end of the paragraph before
                # ('... about Chile’s experience.“' then 'That’s not the way ...,” he said')
        for i, ch in enumerate(para):
            if ch in _CLOSE and opened is None and para[i + 1 : i + 2].isalpha():
                opened, by_close = i, True  # a closing mark used to open ("2021.”We will ...”")
            elif ch in _OPEN and (opened is None or by_close):
                opened, by_close = i, False  # an opening mark outweighs a guess
            elif (ch in _CLOSE and opened is not None) or (
                # an opening mark for a closing one, after a comma, before a frame's lower-case
                # word ('“It’s unusual,“ said Larry Noble', '“Apparently not,“ he said.')
                ch in _OPEN and opened is not None and not by_close
                and para[i - 1 : i] in (",", "!", "?") and re.match(r" [a-z]", para[i + 1 : i + 3])
            ) or (
                # a straight mark that ends a curly quotation's sentence, the first straight
                # one inside it ('“... during mop-up."An army spokesman said'): its close
                ch == '"' and opened is not None and not by_close
                and para[i - 1 : i] in (".", ",", "!", "?")
                and '"' not in para[opened:i]
                and (i + 1 == len(para) or para[i + 1].isspace() or para[i + 1].isupper())
            ):  # fmt: skip
                spans.append((pos + opened + 1, pos + i))
                curly.append((opened, i))
                opened = None
        # a closing mark that no later mark closes was a close glued to the next word
        # ("... a good idea.’ ”Christian emailed"), not a quotation to the paragraph's end
        if opened is not None and len(para) - opened > 20 and not by_close:
            spans.append((pos + opened + 1, pos + len(para)))
            curly.append((opened, len(para)))
        elif opened is not None and not by_close and not para[opened + 1 :].strip():
            carried = True
        # straight marks inside a curly quotation are its inner quotes (and one that closed a
        # curly quotation opens none)
        closers = {y for _, y in curly if para[y : y + 1] == '"'}
        spans += [(pos + a, pos + b) for a, b in _straight_spans(para)
                  if not any(x <= a - 1 < y for x, y in curly)
                  and a - 1 not in closers and b not in closers]  # fmt: skip
        pos += len(para) + 1
    return sorted(s for s in spans if text[s[0] : s[1]].strip())


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, also where the source glued two together with no space
    ("...officials said.If confirmed", "...of Israel.”Prisoner X")."""
    spans, pos = [], 0
    for para in text.split("\n"):
        cursor = 0
        for s in split_sentences(para):
            at = para.find(s, cursor)
            if at < 0:
                continue
            cut = at
            for g in _GLUED.finditer(s):
                spans.append((pos + cut, pos + at + g.end()))
                cut = at + g.end()
            spans.append((pos + cut, pos + at + len(s)))
            cursor = at + len(s)
        pos += len(para) + 1
    return spans


# a work's noun right before its title in quotation marks, perhaps after "titled" or a comma
_WORK_BEFORE = re.compile(
    r"\b(?:book|autobiography|memoir|novel|program|programme|show|film|movie|documentary|song|"
    r"album|poem|essay|article|column|speech|play|series|op-ed|editorial)"
    r"(?:\s+(?:titled|entitled|called|named))?,?\s*$",
    re.I,
)


def work_title(text: str, start: int, end: int) -> bool:
    """Whether the quotation ``text[start:end]`` is a work's title, no one's words: its longer
    words capitalised (:func:`toolkit.quote_headline_verbs.title_case`: "Long Walk to
    Freedom"), right after the work's noun ('in his autobiography, “Long Walk to Freedom.”', 'on
    the radio program “The Capitol Pressroom.”', 'in his famous speech "I Have a Dream"')."""
    quoted = text[start:end]
    return (
        len(quoted.split()) <= 12
        and title_case(quoted, least=1)
        and _WORK_BEFORE.search(text, max(0, start - 60), max(0, start - 1)) is not None
    )
