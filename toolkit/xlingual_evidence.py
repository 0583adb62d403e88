"""The evidence a translation keeps whatever its language: names, compared by their first
consonants as sounded ("Лукашенко" and "Lukashenko" are both "lks"), and numbers written one
way; and how much of theirs two stories share (:mod:`toolkit.xlingual` links on it).

Example:
    >>> sorted(names("Президент Лукашенко встретился с Путиным в Минске."))
    ['lks', 'mns', 'prz', 'ptn']
    >>> sorted(numbers("Товарооборот вырос на 33,6% и составил 45 млрд"))
    ['33.6', '45']
"""

from __future__ import annotations

import re

from toolkit.lang import HAN_RUN, chinese_words

__all__ = ["anchors", "evidence", "latin_names_joined", "names", "numbers", "overlap"]

_CAPITAL_LATIN = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*")
_CAPITAL_CYRILLIC = re.compile(r"\b[А-ЯЁІЎЄЇҐ][а-яёіўєїґ']+")
_NUMBER = re.compile(r"\d+(?:[ \u00A0\u202F]\d{3})*(?:[.,]\d+)?")
_KEY_CONSONANTS = 3  # names decline ("Минске", "Путиным"): compared by their first consonants
# one spelling of the sounds that transliteration and English spell apart (Шольц "sholts" and
# Scholz, Київ "kiyiv" and Kyiv, Макрон and Macron, Джонсон "dzhonson" and Johnson)
_SPELLINGS = (("sch", "sh"), ("dzh", "j"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ts", "z"),
              ("c", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("g", "h"))  # fmt: skip


def _name_key(word: str) -> str:
    """A name's first consonants as sounded, whatever the alphabet it was written in:
    transliterated (anyascii), lower-cased, spelt one way, vowels and doubled letters dropped."""
    from anyascii import anyascii

    key = anyascii(word).lower()
    for spelt, one_way in _SPELLINGS:
        key = key.replace(spelt, one_way)
    key = re.sub(r"[^a-z]|[aeiouy]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)[:_KEY_CONSONANTS]


def names(text: str) -> set[str]:
    """The capitalised words of a text, each as its first consonants as sounded
    (:func:`_name_key`: "Лукашенко" and "Lukashenko" are both "lks"); for Chinese, jieba's words
    of two or more characters transliterated whole ("习近平" is "xijinping")."""
    from anyascii import anyascii

    out = {_name_key(w) for w in _CAPITAL_CYRILLIC.findall(text)}
    out |= {_name_key(w) for w in _CAPITAL_LATIN.findall(text) if len(w) > 2}
    out = {n for n in out if len(n) >= 2}
    for run in HAN_RUN.findall(text):
        out |= {anyascii(w).lower() for w in chinese_words(run) if len(w) >= 2}
    return out


def latin_names_joined(text: str) -> set[str]:
    """Runs of capitalised English words joined, each run of two or three within a longer one
    ("President Xi Jinping" gives "xijinping"): how Chinese names, written whole, match."""
    out = set()
    for run in re.findall(r"\b[A-Z][a-z]+\b(?:\s+[A-Z][a-z]+\b)+", text):
        words = run.lower().split()
        out |= {"".join(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    return out


def numbers(text: str) -> set[str]:
    """The numbers of a text of two or more digits, or with a decimal part, written one way
    ("33,6" is "33.6", "1 200" is "1200"): translations keep them."""
    out = set()
    for m in _NUMBER.findall(text):
        n = re.sub(r"[ \u00A0\u202F]", "", m).replace(",", ".")
        if len(n.replace(".", "")) >= 2 or "." in n:
            out.add(n)
    return out


def evidence(original: str, english: str) -> tuple[int, int]:
    """How many names and how many numbers the two texts share."""
    shared = names(original) & (names(english) | latin_names_joined(english))
    return len(shared), len(numbers(original) & numbers(english))


_SMOOTHING = 2  # added to each union: one shared number out of one is weak evidence
_MIN_SHARED = 2  # fewer shared names and numbers than this are no evidence at all ("2022")


def anchors(text: str, english: bool) -> tuple[set[str], set[str], set[str]]:
    """A story's names, its names as matched (an English story's also joined, "xijinping"), and
    its numbers: the evidence a translation keeps whatever the language."""
    own = names(text)
    return own, own | latin_names_joined(text) if english else own, numbers(text)


def overlap(original: tuple[set[str], ...], english: tuple[set[str], ...]) -> float:
    """The shared names and the shared numbers, each as a share of the two stories' together
    (smoothed): long stories that translate each other share most of theirs, different stories
    of the same day a few common ones ("Putin", "Ukraine", the year)."""
    names_o, _, numbers_o = original
    names_e, matched_e, numbers_e = english
    n_names, n_numbers = len(names_o & matched_e), len(numbers_o & numbers_e)
    if n_names + n_numbers < _MIN_SHARED:
        return 0.0
    return (n_names / (len(names_o | names_e) + _SMOOTHING)
            + n_numbers / (len(numbers_o | numbers_e) + _SMOOTHING))  # fmt: skip
