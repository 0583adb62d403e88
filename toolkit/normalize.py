"""Normalisation: mojibake repaired, NFC, one kind of line end and space, every line stripped.

Works on whole columns with polars; Python (ftfy, unicodedata) only for the texts that need it.

Example:
    >>> normalize("  tabs\tand   spaces  ")
    'tabs and spaces'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

import ftfy
import polars as pl

__all__ = ["nfc_unsafe_ranges", "normalize", "normalize_texts", "over_column"]


# UTF-8 read as cp1252/latin-1: "â€™", "Ã©", "Ð¸" ...
_MOJIBAKE = re.compile(
    "[ÂÃâÐÑ][\x80-\xbf\u2018-\u201e\u2020-\u2026\u20ac\u2122\u0152\u0153\u0160\u0161"
    "\u017d\u017e\u0178\u0192\u02c6\u02dc]"
)
_UNICODE_SPACES = re.compile("[\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufdd0-\ufdef]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85\x0b\x0c]")
_SPECIAL_CHARS = re.compile(
    "[\r\t"
    + _UNICODE_SPACES.pattern[1:-1]
    + _INVISIBLE.pattern[1:-1]
    + _LINE_SEPARATORS.pattern[1:-1]
    + "]"
)
_SPECIAL = _SPECIAL_CHARS.pattern
_MULTISPACE = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")


def _special_expr(text: pl.Expr) -> pl.Expr:
    """Line ends, tabs, Unicode spaces and invisible characters made plain (``_SPECIAL``)."""
    return (
        text.str.replace_all("\r\n", "\n", literal=True)
        .str.replace_all("\r", "\n", literal=True)
        .str.replace_all("\t", " ", literal=True)
        .str.replace_all(_UNICODE_SPACES.pattern, " ")
        .str.replace_all(_INVISIBLE.pattern, "")
        .str.replace_all(_LINE_SEPARATORS.pattern, "\n")
    )


def _layout_expr(text: pl.Expr) -> pl.Expr:
    """Runs of spaces, spaces at line edges and runs of blank lines collapsed; ends stripped."""
    return (
        text.str.replace_all(_MULTISPACE.pattern, " ")
        .str.replace_all(_LINE_EDGES.pattern, "\n")
        .str.replace_all(_BLANK_RUNS.pattern, "\n\n")
        .str.strip_chars(" \n")
    )


def normalize_texts(texts: pl.Series) -> pl.Series:
    """:func:`normalize` over a column of texts at once (nulls stay null)."""
    texts = texts.cast(pl.String)
    # Mojibake repair and NFC run in Python, only on the texts that may need them: those with
    # mojibake, and those with a character NFC may change (usually none).
    unusual, special = pl.select(
        (pl.lit(texts).str.contains(_MOJIBAKE.pattern) | pl.lit(texts).str.contains(_nfc_unsafe()))
        .fill_null(False)
        .alias("unusual"),
        pl.lit(texts).str.contains(_SPECIAL).fill_null(False).alias("special"),
    )
    if unusual.any():
        where = unusual.arg_true()
        changed = []
        for i, text in zip(where, texts.gather(where), strict=True):
            fixed = ftfy.fix_encoding(text) if _MOJIBAKE.search(text) else text
            if not unicodedata.is_normalized("NFC", fixed):
                fixed = unicodedata.normalize("NFC", fixed)
            if fixed is not text:
                changed.append((i, fixed))
        if changed:
            texts = texts.scatter([i for i, _ in changed], [t for _, t in changed])
            special = special.scatter(
                [i for i, _ in changed],
                [_SPECIAL_CHARS.search(t) is not None for _, t in changed],
            )
    name = texts.name
    texts = texts.alias("text")
    if special.any():  # only the texts that have them go through these passes
        where = special.arg_true()
        texts = texts.scatter(
            where, over_column(texts.gather(where), _special_expr(pl.col("text")))
        )
    return over_column(texts, _layout_expr(pl.col("text"))).alias(name)


def nfc_unsafe_ranges() -> list[tuple[int, int]]:
    """Code point ranges of the characters NFC may change or reorder, from this Python's
    Unicode data: those with a combining class, those NFC maps to something else, the second
    characters of canonical pairs, and the Hangul vowel and final jamo. (Slow: a second or so;
    ``toolkit/data/nfc_unsafe.txt`` holds its result.)"""
    unsafe = {*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)}
    for cp in range(0x110000):
        c = chr(cp)
        if unicodedata.combining(c) or unicodedata.normalize("NFC", c) != c:
            unsafe.add(cp)
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            unsafe.add(int(parts[1], 16))
    ranges: list[list[int]] = []
    for cp in sorted(unsafe):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return [(a, b) for a, b in ranges]


@functools.cache
def _nfc_unsafe() -> str:
    """The characters of ``nfc_unsafe.txt`` as one regular-expression class."""
    text = (resources.files("toolkit") / "data" / "nfc_unsafe.txt").read_text("utf-8")
    ranges = [line.split("-") for line in text.splitlines() if line and not line.startswith("#")]
    return "[" + "".join(f"\\x{{{a}}}-\\x{{{b}}}" for a, b in ranges) + "]"


def over_column(values: pl.Series, expr: pl.Expr) -> pl.Series:
    """``expr`` (on the column named as ``values``) over all of ``values``, on every core: the
    streaming engine splits a column across threads, where the default engine would not."""
    return pl.LazyFrame([values]).select(expr).collect(engine="streaming").to_series()


def normalize(text: str) -> str:
    """Repair mojibake, NFC-normalise, unify line ends and spaces, strip every line.

    Paragraph breaks (blank lines) are kept; runs of blank lines become one.
    """
    return normalize_texts(pl.Series([text], dtype=pl.String)).item()
