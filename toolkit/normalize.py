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
from collections.abc import Callable, Iterator
from importlib import resources

import ftfy
import polars as pl

__all__ = [
    "SLICE_CHARS",
    "long_texts",
    "nfc_unsafe_ranges",
    "normalize",
    "normalize_texts",
    "over_column",
    "pieces",
    "slices",
]

# A text longer than this (in characters) is normalised, and split into lines, a slice of about
# this size at a time, so that a giant page is never copied whole by each step.
SLICE_CHARS = 4_000_000
# Characters of a long text read at a time to find where to cut it
_WINDOW = 1 << 16


# UTF-8 read as cp1252/latin-1: "â€™", "Ã©", "Ð¸" ...
_MOJIBAKE_LEADS = "ÂÃâÐÑ"  # the first character of every pair _MOJIBAKE finds
_MOJIBAKE = re.compile(
    f"[{_MOJIBAKE_LEADS}][\x80-\xbf\u2018-\u201e\u2020-\u2026\u20ac\u2122\u0152\u0153\u0160\u0161"
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
# Line breaks between two characters that no step changes or crosses (not spaces, line ends or
# any of ``_SPECIAL``): every step's matches end before them or start after them, and the strip
# of the text's ends cannot reach them, so a text cut there normalises to its pieces normalised
# and joined by the breaks normalised: one, or two for a run (a blank line). That holds for
# texts that need no mojibake repair or NFC (which run on whole texts).
_PLAIN = "[^\\s" + _SPECIAL_CHARS.pattern[1:-1] + "]"
_SAFE_BREAKS = re.compile(_PLAIN + "(\n+)" + _PLAIN)


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
    """:func:`normalize` over a column of texts at once (nulls stay null).

    A text over ``SLICE_CHARS`` characters that needs no mojibake repair or NFC is normalised a
    slice at a time (cut at ``_SAFE_BREAKS``): the result is the same, and the
    whole text is copied once, not once a step."""
    texts = texts.cast(pl.String)
    long = long_texts(texts)
    if long:
        return _normalized_long(texts, long)
    return _normalized(texts)


def _normalized(texts: pl.Series) -> pl.Series:
    """:func:`normalize_texts` of each text whole."""
    # Mojibake repair and NFC run in Python, only on the texts that may need them: those with
    # mojibake, and those with a character NFC may change (usually none).
    unusual, special = _unusual_and_special(texts)
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


def _unusual_and_special(texts: pl.Series) -> tuple[pl.Series, pl.Series]:
    """Which texts may hold mojibake (``_MOJIBAKE``) or a character NFC may change, and which
    hold one of ``_SPECIAL``: one search for any of their characters first (a mojibake pair
    opens with one of five), then each search only in the texts it found (0.034 s for
    chinadaily-nyt's 22 MB, where the three searches of every text took 0.078)."""
    screen = "[" + _nfc_unsafe()[1:-1] + _SPECIAL[1:-1] + _MOJIBAKE_LEADS + "]"
    where = pl.select(pl.lit(texts).str.contains(screen)).to_series().fill_null(False).arg_true()
    some = pl.lit(texts.gather(where))
    found = pl.select(
        (some.str.contains(_MOJIBAKE.pattern) | some.str.contains(_nfc_unsafe())).alias("a"),
        some.str.contains(_SPECIAL).alias("b"),
    )
    return tuple(  # a new column each: scatter writes in place
        pl.repeat(False, texts.len(), eager=True).scatter(where, found[c].fill_null(False))
        for c in ("a", "b")
    )


def long_texts(texts: pl.Series) -> list[int]:
    """Where the texts over ``SLICE_CHARS`` characters are in ``texts`` (those worked on a
    slice at a time)."""
    return (texts.str.len_chars() > SLICE_CHARS).fill_null(False).arg_true().to_list()


def _normalized_long(texts: pl.Series, where: list[int]) -> pl.Series:
    """``texts`` normalised, the long ones at ``where`` a slice at a time where they can be."""
    usual = ~(texts.str.contains(_MOJIBAKE.pattern) | texts.str.contains(_nfc_unsafe()))
    where = [i for i in where if usual[i]]
    if not where:
        return _normalized(texts)
    parts, start = [], 0
    for i in [*where, texts.len()]:
        if i > start:
            parts.append(_normalized(texts.slice(start, i - start)))
        if i < texts.len():
            parts.append(_normalized_in_slices(texts.slice(i, 1)))
        start = i + 1
    return pl.concat(parts, rechunk=False).alias(texts.name)


def _normalized_in_slices(text: pl.Series) -> pl.Series:
    """One text (a one-value column) normalised a slice at a time (see ``_SAFE_BREAKS``), each
    slice's result kept as bytes and the whole made a column once: the text is held twice at
    most (polars' own join held the pieces, the text, and a copy as its buffer grew)."""
    chunks = []
    for piece, gap in pieces(text, _SAFE_BREAKS):
        chunks.append(_normalized(piece).cast(pl.Binary)[0])
        if gap:
            chunks.append(b"\n" if gap == 1 else b"\n\n")
    data = b"".join(chunks)
    del chunks
    return pl.Series(text.name, [data], dtype=pl.Binary).cast(pl.String)


def slices(text: str | pl.Series, breaks: re.Pattern[str]) -> Iterator[tuple[int, int, int]]:
    """``text`` in pieces of about ``SLICE_CHARS`` characters, each cut at the first match of
    ``breaks`` (a pattern whose first group is the break) from the piece's ``SLICE_CHARS - 1``-th
    character on: ``(start, end, after)`` for each, the piece ``text[start:end]`` and the
    break after it ``text[end:after]`` (empty after the last piece). With ``SLICE_CHARS`` 2,
    ``"ab\\ncd\\nef"`` cut at ``"(\\n)"`` gives ``(0, 2, 3), (3, 5, 6), (6, 8, 8)``.

    ``text`` may be a one-value column: it is read a window of characters at a time, never
    copied whole into a Python string.
    """
    if isinstance(text, str):
        length = len(text)

        def window(start: int, n: int) -> str:
            return text[start : start + n]
    else:
        padded = _padded(text)
        length = padded.str.len_chars()[0]

        def window(start: int, n: int) -> str:
            return padded.str.slice(start, n)[0]

    start = 0
    while True:
        at = start + SLICE_CHARS
        found = _first_break(window, at - 1, length, breaks) if at < length else None
        if found is None:
            yield start, length, length
            return
        end, after = found
        yield start, end, after
        start = after


def pieces(text: pl.Series, breaks: re.Pattern[str]) -> Iterator[tuple[pl.Series, int]]:
    """The pieces :func:`slices` cuts a text (a one-value column) into, each a one-value column,
    and the length of the break after it; the text is never copied whole."""
    padded = _padded(text)
    for start, end, after in slices(text, breaks):
        yield padded.str.slice(start, end - start).head(1), after - end


def _padded(text: pl.Series) -> pl.Series:
    """A one-value column with an empty value after it: polars copies the value of a one-value
    column into each operation on it (a giant text several times over), not one of two."""
    return pl.concat([text.cast(pl.String), pl.Series(text.name, [""])], rechunk=False)


def _first_break(
    window: Callable[[int, int], str], start: int, length: int, breaks: re.Pattern[str]
) -> tuple[int, int] | None:
    """Where the first match of ``breaks`` from ``start`` on puts its first group (``start,
    end``) in a text of ``length`` characters read by ``window(start, n)``, or None: a window
    of ``_WINDOW`` characters is searched, a wider one where no match ends inside it."""
    width = _WINDOW
    while True:
        text = window(start, width)
        found = breaks.search(text)
        whole = start + len(text) >= length
        if found is not None and (found.end() < len(text) or whole):
            return start + found.start(1), start + found.end(1)
        if whole:
            return None
        width *= 4


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
