"""Cleaning: bytes to text, text to paragraphs, and page chrome out.

Every function here is pure and idempotent: ``clean(clean(t)) == clean(t)``.

Example:
    >>> clean("All news\\r\\n\\r\\nMinsk and Moscow agree.Putin said so.\\r\\n© Photo/TASS")
    'Minsk and Moscow agree.\\n\\nPutin said so.'
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import ftfy

from toolkit.outlets import Registry, registry

__all__ = [
    "Decoded",
    "chrome_matcher",
    "clean",
    "decode",
    "learn_chrome",
    "normalize",
    "paragraphs",
    "split_glued",
]


class Decoded(NamedTuple):
    """A decoded file: ``text`` is None when undecodable, and ``encoding`` then says why."""

    text: str | None
    encoding: str


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Binary data (NUL bytes, or many control characters) gives ``Decoded(None, "binary")``.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return Decoded(None, "undecodable")
    head = data[:8192]
    if b"\x00" in head:
        return Decoded(None, "binary")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:8192]
        if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
            return Decoded(None, "binary")
        return Decoded(text, "utf-8" if encoding == "utf-8-sig" else encoding)
    # cp1252 leaves five bytes undefined; latin-1 maps every byte.
    return Decoded(data.decode("latin-1"), "latin-1")


# UTF-8 read as cp1252/latin-1: "â€™", "Ã©", "Ð¸" ...
_MOJIBAKE = re.compile(
    "[ÂÃâÐÑ][\x80-\xbf\u2018-\u201e\u2020-\u2026\u20ac\u2122\u0152\u0153\u0160\u0161"
    "\u017d\u017e\u0178\u0192\u02c6\u02dc]"
)
_UNICODE_SPACES = re.compile("[\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85\x0b\x0c]")
_MULTISPACE = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """Repair mojibake, NFC-normalise, unify line ends and spaces, strip every line.

    Paragraph breaks (blank lines) are kept; runs of blank lines become one.
    """
    if _MOJIBAKE.search(text):
        text = ftfy.fix_encoding(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not text.isascii():
        text = _UNICODE_SPACES.sub(" ", text)
        text = _INVISIBLE.sub("", text)
        text = _LINE_SEPARATORS.sub("\n", text)
    # Each substitution runs only where its cheap substring test says it can change something.
    if "  " in text:
        text = _MULTISPACE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGES.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip(" \n")


_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Prof Gen Col Lt Sgt Capt Gov Sen Rep Jr Sr No Nos Inc Ltd Co Dept Fig "
    "vs etc approx".split()
)
_GLUE = re.compile(r"[.!?…][\"”“]?[A-Z][a-z]|“[A-Za-z]")
_GLUE_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)]")
_QUOTE_GLUE_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _glue_points(paragraph: str) -> list[int]:
    points = []
    for m in _GLUE.finditer(paragraph):
        i = m.start()
        if paragraph[i] == "“":  # a letter or comma glued to an opening quote: "Aleinik“We"
            if i > 0 and paragraph[i - 1] in _QUOTE_GLUE_AFTER:
                points.append(i)
            continue
        if i == 0 or paragraph[i - 1] not in _GLUE_AFTER:
            continue
        word = _LAST_WORD.search(paragraph, max(0, i - 24), i)
        if word and word.group(1) in _ABBREVIATIONS:
            continue
        quote = paragraph[i + 1] if paragraph[i + 1] in '"”“' else ""
        if not quote:
            points.append(i + 1)
            continue
        before = paragraph[: i + 1]
        if quote == '"':
            closes = before.count('"') % 2 == 1
        else:  # a curly quote: does it close an open “ or (mis)open a new quotation?
            closes = before.count("“") > before.count("”")
        points.append(i + 2 if closes else i + 1)
    return points


_LAST_WORD = re.compile(r"(\w+)$")


def split_glued(paragraph: str) -> list[str]:
    """Split paragraphs that scraping glued together ("Belarus.Sergey Lavrov", "Aleinik“We are").

    Returns the pieces, each stripped; a paragraph with no glue comes back as one piece.
    """
    points = _glue_points(paragraph)
    if not points:
        return [paragraph]
    cuts = [0, *points, len(paragraph)]
    pieces = (paragraph[a:b].strip() for a, b in itertools.pairwise(cuts))
    return [p for p in pieces if p]


_SENTENCE_END = re.compile(r"[.!?:\"”’)\]]$")


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when blank-line blocks look like paragraphs hard-wrapped at a fixed width."""
    inner = [line for block in blocks if len(block) > 1 for line in block[:-1]]
    if len(inner) < 3:
        return False
    longest = max(len(line) for block in blocks for line in block)
    open_ends = sum(not _SENTENCE_END.search(line) for line in inner)
    return longest <= 100 and open_ends >= 0.6 * len(inner)


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs and repair glued ones.

    Scraped pages hold one paragraph per line; hard-wrapped plain text (short lines inside
    blank-line blocks) is re-joined first.
    """
    if "\n\n" in text:
        blocks = [b.split("\n") for b in text.split("\n\n") if b]
        if _hard_wrapped(blocks):
            lines = [" ".join(block) for block in blocks]
        else:
            lines = [line for block in blocks for line in block]
    else:
        lines = text.split("\n")
    return [piece for line in lines if line for piece in split_glued(line)]


_CHROME_MAX_CHARS = 800


def _union(patterns) -> re.Pattern:
    """One pattern for many; ``^`` anchors inside stay valid since each keeps its group."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


@functools.lru_cache(maxsize=256)
def chrome_matcher(
    site: str | None = None, learned: frozenset[str] = frozenset(), reg: Registry | None = None
):
    """A predicate that says whether a paragraph is chrome: common, site-specific or learned."""
    at_start, anywhere = (reg or registry()).chrome_for(site)
    match = _union(at_start).match
    search = _union(anywhere).search

    def is_chrome(line: str) -> bool:
        # Chrome is short; a long paragraph is body text whatever it contains.
        if len(line) > _CHROME_MAX_CHARS:
            return False
        return line in learned or match(line) is not None or search(line) is not None

    return is_chrome


def clean(text: str, *, site: str | None = None, learned: Iterable[str] = ()) -> str:
    """Clean one text: normalise, split glued paragraphs, drop chrome lines.

    Args:
        text: raw or already cleaned text.
        site: the site's domain (e.g. ``"tass.com"``) to also remove that site's chrome.
        learned: extra lines to drop, e.g. from :func:`learn_chrome`.

    Returns:
        Paragraphs separated by one blank line.
    """
    is_chrome = chrome_matcher(site, frozenset(learned))
    return "\n\n".join(p for p in paragraphs(normalize(text)) if not is_chrome(p))


def learn_chrome(
    docs: Sequence[Sequence[str]],
    groups: Sequence[str | None],
    *,
    min_docs: int = 5,
    min_share: float = 0.05,
    max_words: int = 25,
) -> dict[str, dict[str, int]]:
    """Lines that repeat across many documents of one site (or folder) are chrome.

    Args:
        docs: each document's paragraphs.
        groups: each document's group (its site, else its folder); None is never learned from.
        min_docs: a line must occur in at least this many documents of the group...
        min_share: ...and in at least this share of them.
        max_words: longer lines are never learned (repeated body text is a duplicate, not chrome).

    Returns:
        ``{group: {line: n_docs}}`` for every group with learned lines.
    """
    per_group: dict[str, Counter] = {}
    sizes: Counter = Counter()
    for paras, group in zip(docs, groups, strict=True):
        if group is None:
            continue
        sizes[group] += 1
        counter = per_group.setdefault(group, Counter())
        counter.update({p for p in paras if p.count(" ") < max_words})
    learned = {}
    for group, counter in per_group.items():
        need = max(min_docs, min_share * sizes[group])
        lines = {line: n for line, n in counter.items() if n >= need}
        if lines:
            learned[group] = lines
    return learned
