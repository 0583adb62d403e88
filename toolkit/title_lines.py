"""What one line of a scraped page is: a headline-like title, a byline, a date stamp, a caption's
credit, a path of sections, two sentences. :mod:`toolkit.titles` reads a page's lines with these
tests to find its title and its body.
"""

from __future__ import annotations

import functools
import re

from toolkit.outlets import Registry
from toolkit.stamps import NUMERIC_STAMP, STAMP_MAX_CHARS, stamp_date, yearless_stamp

__all__ = [
    "BYLINE",
    "INITIALS_END",
    "KANA_HAN",
    "PATH_SEPARATOR",
    "byline_or_stamp",
    "headline_size",
    "is_byline",
    "is_title",
    "over_byline_or_stamp",
    "stamp_like",
    "title_candidate",
    "topic_keys",
]

PATH_SEPARATOR = re.compile(r"\s*\|\s*|\s+[>»›/]\s+|\s+::\s+")
KANA_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_TITLE_MAX_WORDS = 30
# a title ends in no stop, comma or colon, nor in a dash a dateline ends in ("Moscow CNN —", its
# parentheses lost, its text on the next line)
_TITLE_END = re.compile(r"[.,;:。！？]$|\s[-–—]$")
_TITLE_MAX_CHARS = 200
INITIALS_END = re.compile(r"(?<=\s)(?:[A-Z]\.){2,}$")  # "... N.Y.C."
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
BYLINE = re.compile(r"^(?:[Bb]y|BY|Article written by|Written by|Posted by)\s+[A-ZА-ЯЁ]\w+")
_HEADLINE_WORDS = 20  # a longer line there is a lead
# Two sentences: "transportiert. Doch", not "U.S. Trained" nor "Rep. Zooey"
_SENTENCE_BREAK = re.compile(r"([^\W\d_]{2,})[.!?] [A-ZА-ЯЁ]")
# Abbreviations before a name, whose full stop ends no sentence
_NAME_ABBREVIATIONS = frozenset(
    "Rep Sen Gov Gen Col Capt Cmdr Lt Sgt Adm Dr Mr Mrs Ms Prof Rev Hon Pres Supt Insp St Mt Ft"
    " Jr Sr Inc Corp Co Ltd Bros Messrs".split()
)
# A headline of at most 12 words may hold two sentences ("Niemcy. Stałe zamknięcie granic ...")
_HEADLINE_SENTENCES_WORDS = 12
# "Angie Yack, CNN", "David Cenciotti, The Aviationist": a byline without "By"
_NAME_LINE = re.compile(
    r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}, [A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}$"
)
# A caption's credit: "(Photo: Getty Images)", "(The Associated Press)", "Credit...", a
# photographer and agency "Anne Cusack / Los Angeles Times".
_CREDIT = re.compile(
    r"\([^()]*\s[^()]*\)$|^Credit\b"
    r"|^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3} / [A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}$"
)
# One word of a script that sets its words apart: a section's name or a logo, not a headline
_SPACED_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u0400-\u052f\d_'’.&-]+$")
# "Parmy Olson Forbes Staff", "Frances Coppola Contributor": an author and a role
_ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w.'-]+ ){1,4}(?:Senior |Staff |Chief |Special )?"
    r"(?:Contributor|Staff|Writer|Correspondent|Reporter|Editor|Columnist)$"
)
_LABEL_MAX_CHARS = 20  # a stamp's label on a line of its own: "Published:", "公開日："


def is_title(p: str, reg: Registry) -> bool:
    words = p.count(" ") + 1
    if (
        words > _TITLE_MAX_WORDS
        or len(p) > _TITLE_MAX_CHARS
        or _TITLE_END.search(p)
        or not _TWO_LETTERS.search(p)  # in any script: "Легкий троннинг", "南海トラフ"
    ):
        return False
    return not reg.page_date_any.search(p)


def headline_size(p: str) -> bool:
    spaces = p.count(" ")
    if spaces < 2 and KANA_HAN.search(p):  # Chinese, Japanese: a few words in Latin letters
        return 8 <= len(p) <= 80
    # one word: a script written without spaces (Thai), not a section's name ("Wydarzenia")
    return 2 <= spaces < _HEADLINE_WORDS or (
        spaces == 0 and len(p) >= 8 and not _SPACED_WORD.match(p)
    )


def is_byline(p: str) -> bool:
    return bool(BYLINE.match(p) or (len(p) <= 60 and (_NAME_LINE.match(p) or _ROLE_LINE.match(p))))


def byline_or_stamp(p: str, reg: Registry) -> bool:
    return is_byline(p) or stamp_like(p, reg)


def over_byline_or_stamp(kept: list[str], j: int, reg: Registry) -> bool:
    """Whether ``kept[j]`` stands right above a byline or stamp, or above a stamp's label and
    the stamp ("公開日：" then "2025/01/31 11:30", "Published:" then the date)."""
    if byline_or_stamp(kept[j + 1], reg):
        return True
    label = kept[j + 1].rstrip()
    return (
        len(label) <= _LABEL_MAX_CHARS
        and label.endswith((":", "："))
        and j + 2 < len(kept)
        and stamp_like(kept[j + 2], reg)
    )


def title_candidate(p: str, reg: Registry) -> bool:
    """Whether a line may be a page's title: headline-like, and no byline, stamp, caption
    credit, link ("... →") or two sentences."""
    # a headline may end with initials ("... Underneath N.Y.C.")
    return not (
        not is_title(INITIALS_END.sub("", p), reg)
        or not headline_size(p)
        or byline_or_stamp(p, reg)
        or _two_sentences(p)
        or _section_path(p)
        or _CREDIT.search(p)
        or p.endswith(("→", "»", "›", "..."))
        or "://" in p
    )


def _section_path(p: str) -> bool:
    """Whether a line is a path of sections ("Sport | Football", "News > World"): parts of at
    most three words each, set off by a bar or a path separator."""
    parts = PATH_SEPARATOR.split(p)
    return len(parts) >= 2 and all(part.count(" ") < 3 for part in parts)


def _two_sentences(p: str) -> bool:
    """Whether a line holds two sentences (a caption, a teaser), not a headline: a full stop
    before a capital that follows no abbreviation of a title ("Rep. Zooey Zephyr")."""
    if p.count(" ") < _HEADLINE_SENTENCES_WORDS:
        return False
    return any(m.group(1) not in _NAME_ABBREVIATIONS for m in _SENTENCE_BREAK.finditer(p))


def stamp_like(p: str, reg: Registry) -> bool:
    """Whether a line is a date stamp, in a form the tables know or any common one, with a
    year or without one at its end ("Ярослав Кузишин ... 8 января, 17:46")."""
    if reg.page_date_any.search(p):
        return True
    return len(p) <= STAMP_MAX_CHARS and bool(
        NUMERIC_STAMP.search(p) or stamp_date(p) or yearless_stamp(p)
    )


_LETTERS = re.compile(r"[^\W\d_]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+$")
# a character of KANA_HAN or _HANGUL: a text without one has only words of spaced scripts
_UNSPACED_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words that say nothing of a story's topic, in the languages of Latin and Cyrillic script
    the toolkit reads (stopwords-iso)."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(["en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk"]))


def topic_keys(text: str) -> frozenset[str]:
    """The words of ``text`` that carry its topic, cut to a stem-like prefix ("cases" and "case"
    agree); Chinese and Japanese as pairs of characters. Kept for the last few thousand texts
    of up to ``_KEPT_CHARS`` characters (a page's paragraphs are compared with its title
    candidates many times over; a longer one is not held after its page is read)."""
    return _kept_keys(text) if len(text) <= _KEPT_CHARS else _keys(text)


_KEPT_CHARS = 2000  # the texts whose keys are kept: at most 4,096 of them, 8 M characters


@functools.lru_cache(maxsize=4096)
def _kept_keys(text: str) -> frozenset[str]:
    return _keys(text)


def _keys(text: str) -> frozenset[str]:
    """:func:`topic_keys` of ``text``, read now."""
    folded = text.casefold()
    words = set(_LETTERS.findall(folded))
    stop = _stop_words()
    if not _UNSPACED_WORDS.search(folded):  # no word for the pair rules: the common case at once
        return frozenset(
            w[:5] if len(w) >= 6 else w.removesuffix("s")
            for w in words.difference(stop)
            if len(w) >= 3
        )
    keys = set()
    for word in words:
        if KANA_HAN.search(word):
            han = "".join(KANA_HAN.findall(word))
            keys |= {han[i : i + 2] for i in range(len(han) - 1)}
        elif _HANGUL.match(word):  # a Korean word and its endings ("국민주권", "국민은"): its pairs
            keys |= {word[i : i + 2] for i in range(len(word) - 1)}
        elif len(word) >= 3 and word not in stop:
            keys.add(word[:5] if len(word) >= 6 else word.removesuffix("s"))
    return frozenset(keys)
