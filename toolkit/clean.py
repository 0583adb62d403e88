"""Cleaning: text to paragraphs, and page chrome out (bytes to text: :mod:`toolkit.decode`).

Every function here is pure and idempotent: ``clean(clean(t)) == clean(t)``.

Example:
    >>> clean("All news\\r\\n\\r\\nMinsk and Moscow agree.Putin said so.\\r\\n© Photo/TASS")
    'Minsk and Moscow agree.\\n\\nPutin said so.'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from importlib import resources

import ftfy
import polars as pl

from toolkit.outlets import Registry, any_of, registry
from toolkit.resources import ABBREVIATIONS

__all__ = [
    "chrome_expr",
    "chrome_mask",
    "clean",
    "learn_chrome",
    "learned_lines",
    "normalize",
    "normalize_texts",
    "over_column",
    "paragraph_lines",
    "paragraphs",
    "split_glued",
    "split_glued_lines",
]


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


# Glue is found in whole columns with polars: cut points are marked with a noncharacter
# (which normalize removes from any text), then the lines are split there.
_CUT = "\ufdd0"
_HELD = "\ufdd1"  # put between an abbreviation and its full stop: "Mr.Smith" is not glue
_CLOSER = "\ufdd2"  # put after a straight quote that closes a quotation
_NONCHARACTERS = "[\ufdd0-\ufdef]"
_ABBREVIATION = r"\b(" + "|".join(sorted(ABBREVIATIONS)) + r")([.!?…])"
_END = r"[a-z0-9)\]][.!?…]"  # a sentence end after a lower-case letter, digit or bracket
# Each kind of glue as (before the cut)(after the cut):
_GLUE_KINDS = (
    # "stressed.“We", "said.\"The": a quote that opens a quotation starts the next piece;
    rf"({_END})([\"“][A-Z][a-z])",
    # "said.”The": one that closes it ends this piece;
    rf"({_END}(?:”|\"{_CLOSER}))([A-Z][a-z])",
    # "Belarus.Sergey";
    rf"({_END})([A-Z][a-z])",
    # "Aleinik“We": an opening quote glued to a letter or comma.
    r"([a-z,])(“[A-Za-z])",
)
_GLUE = "|".join(_GLUE_KINDS)
_GLUE_CUT = (
    "".join(f"${{{2 * i + 1}}}" for i in range(len(_GLUE_KINDS)))
    + _CUT
    + "".join(f"${{{2 * i + 2}}}" for i in range(len(_GLUE_KINDS)))
)
# Glue at a quote, where whether the quote opens or closes needs the quotes before it.
_QUOTED_END = rf"{_END}[\"”“][A-Z][a-z]"


def _cut_quoted_ends(lines: pl.Series) -> pl.Series:
    """Mark the cuts of ``_QUOTED_END`` glue in each line (see above)."""
    segments = (
        pl.DataFrame({"line": lines})
        .with_row_index("i")
        .select("i", pl.col("line").str.extract_all(r'[^"“”]*["“”]|[^"“”]+').alias("seg"))
        .explode("seg")
        .with_columns(pl.col("seg").fill_null(""))
    )
    quote = pl.col("seg").str.slice(-1)
    seen = {
        q: (quote == q).cast(pl.Int64).cum_sum().shift(1, fill_value=0).over("i") for q in '"“”'
    }
    closes = pl.when(quote == '"').then(seen['"'] % 2 == 1).otherwise(seen["“"] > seen["”"])
    glued = pl.col("seg").str.contains(r'[a-z0-9)\]][.!?…]["“”]$') & pl.col("seg").shift(-1).over(
        "i"
    ).str.contains(r"^[A-Z][a-z]").fill_null(False)
    marked = (
        pl.when(glued & closes)
        .then(pl.col("seg") + _CUT)
        .when(glued)
        .then(pl.col("seg").str.slice(0, pl.col("seg").str.len_chars() - 1) + _CUT + quote)
        .otherwise(pl.col("seg"))
    )
    return (
        segments.with_columns(marked.alias("seg"))
        .group_by("i", maintain_order=True)
        .agg(pl.col("seg").str.join(""))
        .sort("i")["seg"]
    )


def _mark_glue(lines: pl.Series) -> pl.Series:
    """Each paragraph with a ``_CUT`` wherever glue is split (see ``_GLUE_KINDS``).

    The paragraphs are normalised (see :func:`normalize`), so hold no noncharacters."""
    line = pl.col("line")
    # Stripped first: every cut falls between two characters that are not spaces, so the
    # pieces' own edges need no stripping.
    held = over_column(
        lines.cast(pl.String).alias("line"),
        line.str.strip_chars().str.replace_all(_ABBREVIATION, "${1}" + _HELD + "${2}"),
    )
    # Where curly quotes alternate (“ ” “ ...), each “ opens and each ” closes; elsewhere the
    # quotes are counted segment by segment. The second of each pair of straight quotes closes.
    not_alternating = "“[^“”]*“|”[^“”]*”|^[^“”]*”"  # two “ or two ” in a row, or ” first
    odd = over_column(
        held, (line.str.contains(_QUOTED_END) & line.str.contains(not_alternating)).fill_null(False)
    )
    if odd.any():
        where = odd.arg_true()
        held = held.scatter(where, _cut_quoted_ends(held.gather(where)))
    cut = line.str.replace_all(r'"([^"]*)"', '"${1}"' + _CLOSER)
    for _ in range(2):
        # Twice: a match takes the letters after its cut, which may start the next glue.
        cut = cut.str.replace_all(_GLUE, _GLUE_CUT)
    return over_column(held, cut.str.replace_all(f"[{_HELD}{_CLOSER}]", ""))


def _pieces(marked: pl.Expr) -> pl.Expr:
    """The pieces between cuts, empty ones left out (a list per paragraph)."""
    return marked.str.split(_CUT).list.eval(pl.element().filter(pl.element() != ""))


def split_glued_lines(lines: pl.Series) -> pl.Series:
    """:func:`split_glued` for a column of paragraphs (normalised): a list of pieces for each."""
    marked = _mark_glue(lines.str.replace_all(_NONCHARACTERS, ""))
    return over_column(marked, _pieces(pl.col("line"))).alias("pieces")


def split_glued(paragraph: str) -> list[str]:
    """Split paragraphs that scraping glued together ("Belarus.Sergey Lavrov", "Aleinik“We are").

    Returns the pieces, each stripped; a paragraph with no glue comes back as one piece.
    """
    pieces = split_glued_lines(pl.Series([paragraph], dtype=pl.String)).item().to_list()
    return pieces if len(pieces) > 1 else [paragraph]


_SENTENCE_END = r"[.!?:\"”’)\]]$"
# Lines that may hold glue (of any of the three kinds above).
_GLUE_CANDIDATE = rf"{_END}[\"”“]?[A-Z][a-z]|[a-z,]“[A-Za-z]"


def paragraph_lines(texts: pl.Series) -> pl.DataFrame:
    """:func:`paragraphs` of many texts at once: one row per paragraph, in order.

    Returns columns ``doc`` (the text's index in ``texts``), ``pos`` (0, 1, ... within the
    text) and ``line``. Null texts have no rows.
    """
    # One row per line; in normalised text a single empty line ends a block (a paragraph, or
    # a hard-wrapped paragraph's lines).
    lines = (
        pl.DataFrame({"text": texts.cast(pl.String)})
        .with_row_index("doc")
        .drop_nulls()
        .select("doc", pl.col("text").str.split("\n").alias("line"))
        .explode("line")
        .with_columns((pl.col("line") == "").cum_sum().over("doc").alias("b"))
    )
    # Hard-wrapped text: short lines inside blank-line blocks, most of them ending mid-sentence.
    candidates = (
        lines.group_by("doc")
        .agg(
            (pl.col("line") == "").any().alias("has_blank"),
            pl.col("line").str.len_chars().max().alias("longest"),
        )
        .filter(pl.col("has_blank") & (pl.col("longest") <= 100))
        .select("doc")
    )
    wrapped = candidates
    if candidates.height:
        text_lines = lines.join(candidates, on="doc", how="semi").filter(pl.col("line") != "")
        n = pl.len().over("doc", "b")
        inner = (n > 1) & (pl.int_range(pl.len()).over("doc", "b") < n - 1)
        wrapped = (
            text_lines.with_columns(inner.alias("inner"))
            .group_by("doc")
            .agg(
                pl.col("inner").sum().alias("n_inner"),
                (pl.col("inner") & ~pl.col("line").str.contains(_SENTENCE_END))
                .sum()
                .alias("open_ends"),
            )
            .filter((pl.col("n_inner") >= 3) & (pl.col("open_ends") >= 0.6 * pl.col("n_inner")))
            .select("doc")
        )
    out = lines.filter(pl.col("line") != "")
    if wrapped.height:
        rejoined = (
            out.join(wrapped, on="doc", how="semi")
            .group_by("doc", "b", maintain_order=True)
            .agg(pl.col("line").str.join(" "))
        )
        kept = out.join(wrapped, on="doc", how="anti").select(rejoined.columns)
        out = pl.concat([rejoined, kept]).sort("doc", "b", maintain_order=True)
    out = out.select("doc", "line")
    glued = out["line"].str.contains(_GLUE_CANDIDATE)
    if glued.any():
        where = glued.arg_true()
        marked = out["line"].scatter(where, _mark_glue(out["line"].gather(where)))
        out = out.with_columns(marked.str.split(_CUT).alias("line")).explode("line")
        if (out["line"] == "").any():  # a glued line of nothing but spaces
            out = out.filter(pl.col("line") != "")
    return out.select("doc", pl.int_range(pl.len()).over("doc").alias("pos"), "line")


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs and repair glued ones.

    Scraped pages hold one paragraph per line; hard-wrapped plain text (short lines inside
    blank-line blocks) is re-joined first.
    """
    return paragraph_lines(pl.Series([text], dtype=pl.String))["line"].to_list()


_CHROME_MAX_CHARS = 800


def chrome_expr(line: pl.Expr, site: str | None = None, *, reg: Registry | None = None) -> pl.Expr:
    """Whether each paragraph is chrome by the common and the site's patterns (not learned).

    Chrome is short: a paragraph longer than 800 characters is body text whatever it contains.
    """
    at_start, anywhere = (reg or registry()).chrome_for(site)
    hit = pl.lit(False)
    if (start := any_of(at_start)) is not None:
        hit = hit | line.str.contains(f"^(?:{start})")
    if (found := any_of(anywhere)) is not None:
        hit = hit | line.str.contains(found)
    return (line.str.len_chars() <= _CHROME_MAX_CHARS) & hit


def chrome_mask(
    lines: Sequence[str],
    site: str | None = None,
    learned: Iterable[str] = (),
    *,
    reg: Registry | None = None,
) -> list[bool]:
    """For each paragraph, whether it is chrome: common, site-specific or learned."""
    lines = list(lines)
    learned = set(learned)
    patterns = pl.select(chrome_expr(pl.lit(pl.Series(lines, dtype=pl.String)), site, reg=reg))
    return [
        hit or (line in learned and len(line) <= _CHROME_MAX_CHARS)
        for line, hit in zip(lines, patterns.to_series(), strict=True)
    ]


def clean(
    text: str,
    *,
    site: str | None = None,
    learned: Iterable[str] = (),
    reg: Registry | None = None,
) -> str:
    """Clean one text: normalise, split glued paragraphs, drop chrome lines.

    Args:
        text: raw or already cleaned text.
        site: the site's domain (e.g. ``"tass.com"``) to also remove that site's chrome.
        learned: extra lines to drop, e.g. from :func:`learn_chrome`.
        reg: the outlet registry whose chrome patterns apply; the bundled one by default.

    Returns:
        Paragraphs separated by one blank line.
    """
    paras = paragraphs(normalize(text))
    mask = chrome_mask(paras, site, learned, reg=reg)
    return "\n\n".join(p for p, chrome in zip(paras, mask, strict=True) if not chrome)


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
    lines = pl.DataFrame(
        {"doc": [i for i, paras in enumerate(docs) for _ in paras], "line": list(_flat(docs))},
        schema={"doc": pl.Int64, "line": pl.String},
    )
    frame = pl.DataFrame({"group": list(groups)}, schema={"group": pl.String}).with_row_index("doc")
    found = learned_lines(
        lines,
        frame.with_columns(pl.col("doc").cast(pl.Int64)),
        min_docs=min_docs,
        min_share=min_share,
        max_words=max_words,
    )
    learned: dict[str, dict[str, int]] = {}
    for group, line, n in found.iter_rows():
        learned.setdefault(group, {})[line] = n
    return learned


def _flat(docs: Sequence[Sequence[str]]) -> Iterable[str]:
    return (p for paras in docs for p in paras)


def learned_lines(
    lines: pl.DataFrame,
    groups: pl.DataFrame,
    *,
    min_docs: int = 5,
    min_share: float = 0.05,
    max_words: int = 25,
) -> pl.DataFrame:
    """:func:`learn_chrome` over frames: ``lines`` has ``doc, line``, ``groups`` has ``doc,
    group`` for every document (group null: never learned from). Returns ``group, line,
    n_docs``, sorted."""
    groups = groups.filter(pl.col("group").is_not_null())
    sizes = groups.group_by("group").len("size")
    short = pl.col("line").str.count_matches(" ", literal=True) < max_words
    return (
        lines.filter(short)
        .join(groups, on="doc")
        .unique(["doc", "line"])
        .group_by("group", "line")
        .agg(pl.len().cast(pl.Int64).alias("n_docs"))
        .join(sizes, on="group")
        .filter(pl.col("n_docs") >= pl.max_horizontal(pl.lit(min_docs), min_share * pl.col("size")))
        .select("group", "line", "n_docs")
        .sort("group", "line")
    )
