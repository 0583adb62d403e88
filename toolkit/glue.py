"""Paragraphs: text split into paragraphs, hard wraps re-joined and glued paragraphs cut apart.

Scraped pages often glue two paragraphs together ("...agree.Putin said"); the cuts are found in
whole columns with polars.

Example:
    >>> paragraphs("Minsk and Moscow agree.Putin said so.")
    ['Minsk and Moscow agree.', 'Putin said so.']
"""

from __future__ import annotations

import re

import polars as pl

from toolkit.normalize import long_texts, over_column, pieces
from toolkit.resources import ABBREVIATIONS

__all__ = ["paragraph_lines", "paragraphs", "split_glued", "split_glued_lines"]


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
# Glue that starts in the letters a cut's match took after it (see _mark_glue)
_AFTER_CUT = f"{_CUT}(?s:.){{0,2}}(?:{_GLUE})"
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
    # (each test read only in the lines the one before leaves: a curly quote, which both need,
    # then quotes that do not alternate, a line in fifty)
    where = held.str.contains("[“”]").fill_null(False).arg_true()
    for test in (not_alternating, _QUOTED_END):
        where = where.filter(over_column(held.gather(where), line.str.contains(test)))
    if where.len():
        held = held.scatter(where, _cut_quoted_ends(held.gather(where)))
    closed = line.str.replace_all(r'"([^"]*)"', '"${1}"' + _CLOSER)
    cut = over_column(held, closed.str.replace_all(_GLUE, _GLUE_CUT))
    # Twice: a match takes the letters after its cut, which may start the next glue. No glue
    # can cross a cut, and the first pass found all glue but where it takes such letters: what
    # the second finds starts in the two characters after a cut (only those lines are read).
    again = over_column(cut, line.str.contains(_AFTER_CUT).fill_null(False)).arg_true()
    if again.len():
        cut = cut.scatter(
            again, over_column(cut.gather(again), line.str.replace_all(_GLUE, _GLUE_CUT))
        )
    return over_column(cut, line.str.replace_all(f"[{_HELD}{_CLOSER}]", ""))


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
    lines = _split_lines(texts.cast(pl.String)).with_columns(
        (pl.col("line") == "").cum_sum().over("doc").alias("b")
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


_BREAK = re.compile("(\n)")


def _split_lines(texts: pl.Series) -> pl.DataFrame:
    """``doc`` and ``line``: each text's lines, in order (null texts have none). A text over
    ``toolkit.normalize.SLICE_CHARS`` characters is split a slice at a time, not copied whole into a
    list and again exploded."""
    long = long_texts(texts)
    frames, start = [], 0
    for i in [*long, texts.len()]:
        if i > start:
            frames.append(
                pl.DataFrame({"text": texts.slice(start, i - start)})
                .with_row_index("doc", offset=start)
                .drop_nulls()
                .select("doc", pl.col("text").str.split("\n").alias("line"))
                .explode("line")
            )
        if i < texts.len():
            frames.extend(_slice_lines(texts.slice(i, 1), i))
        start = i + 1
    return pl.concat(frames, rechunk=False) if len(frames) != 1 else frames[0]


def _slice_lines(text: pl.Series, doc: int) -> list[pl.DataFrame]:
    """The lines of one long text (a one-value column), a frame for each slice of it: cut at
    a line break, a text's lines are those of the piece before and those of the piece after."""
    return [
        piece.alias("line")
        .str.split("\n")
        .explode()
        .to_frame()
        .select(pl.lit(doc, pl.UInt32).alias("doc"), "line")
        for piece, _ in pieces(text, _BREAK)
    ]


def paragraphs(text: str) -> list[str]:
    """Split normalised text into paragraphs and repair glued ones.

    Scraped pages hold one paragraph per line; hard-wrapped plain text (short lines inside
    blank-line blocks) is re-joined first.
    """
    return paragraph_lines(pl.Series([text], dtype=pl.String))["line"].to_list()
