"""Segmentation: one row per paragraph or sentence, keyed by ``doc_id`` and position.

Example:
    >>> import polars as pl
    >>> corpus = pl.DataFrame({"doc_id": ["a"], "text": ["One. Two!\\n\\nThree?"]})
    >>> segment(corpus, unit="sentence")["text"].to_list()
    ['One.', 'Two!', 'Three?']
"""

from __future__ import annotations

import re
from typing import Literal

import polars as pl

from toolkit.errors import ToolkitError
from toolkit.lang import word_counts
from toolkit.resources import (
    ABBREVIATIONS,
    DOTTED_ABBREVIATIONS,
    MONTH_ABBREVIATIONS,
    WORD_COUNT_PATTERN,
)

__all__ = ["CAPITALS", "segment", "split_sentences"]

Unit = Literal["article", "paragraph", "sentence"]

# A sentence ends at . ! ? … (and any closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote; not after a known abbreviation or a single initial ("V. Putin").
# capitals that open a sentence or a name: Latin, Latin-1, Latin Extended-A ("Čaputová",
# "Łukasz", "Élysée") and Cyrillic
CAPITALS = "A-ZÀ-ÖØ-ÞА-ЯЁĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_BOUNDARY = re.compile(rf"(?<=[.!?…])([\"”’)\]]*)\s+(?=[\"“‘(\[]?[0-9{CAPITALS}])")
_NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:"
    + "|".join(
        sorted(ABBREVIATIONS | MONTH_ABBREVIATIONS, key=lambda a: (-len(a), a))
        + [re.escape(a) for a in DOTTED_ABBREVIATIONS]
    )
    + r")|\b[A-Z])\.$"
)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences (rule-based, English news prose)."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        end = m.end(1)
        if _NO_SPLIT_AFTER.search(paragraph[start : m.start(1)]):
            continue
        out.append(paragraph[start:end].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def segment(corpus: pl.DataFrame, unit: Unit = "paragraph") -> pl.DataFrame:
    """One row per unit of text.

    Args:
        corpus: a corpus table with at least ``doc_id`` and ``text``.
        unit: "article" (one row per document), "paragraph" (split on blank lines) or
            "sentence" (each paragraph split into sentences).

    Returns:
        ``doc_id``, ``unit_id`` ("<doc_id>:<position>"), ``position`` (0-based within the
        document), ``paragraph`` (0-based paragraph index), ``text`` and ``n_words``, plus
        every other column of ``corpus`` except ``text`` and ``raw_text``.
    """
    if unit not in ("article", "paragraph", "sentence"):
        raise ToolkitError(f"unit must be 'article', 'paragraph' or 'sentence', not {unit!r}")
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise ToolkitError(
            f"segment needs a corpus with columns doc_id and text; missing {missing}"
        )
    keep = [c for c in corpus.columns if c not in ("text", "raw_text", "n_words")]
    if unit == "article":
        units = corpus.select(*keep, pl.lit(0, pl.Int64).alias("paragraph"), pl.col("text"))
    else:
        units = (
            corpus.select(*keep, pl.col("text").str.split("\n\n"))
            .with_columns(pl.int_ranges(pl.col("text").list.len()).alias("paragraph"))
            .explode(["text", "paragraph"])
            .filter(pl.col("text").str.strip_chars() != "")
        )
    if unit == "sentence":
        units = units.with_columns(
            pl.col("text").map_elements(split_sentences, return_dtype=pl.List(pl.String))
        ).explode("text")
    units = units.with_columns(
        pl.int_range(pl.len()).over("doc_id").cast(pl.Int64).alias("position"),
        pl.col("paragraph").cast(pl.Int64),
    )
    units = units.select(
        "doc_id",
        (pl.col("doc_id") + ":" + pl.col("position").cast(pl.String)).alias("unit_id"),
        "position",
        "paragraph",
        "text",
        pl.col("text").str.count_matches(WORD_COUNT_PATTERN).cast(pl.Int64).alias("n_words"),
        *[c for c in keep if c != "doc_id"],
    )
    if "lang" not in units.columns:  # no language told: every text's words by the pattern
        return units
    return units.with_columns(word_counts(units["n_words"], units["text"], units["lang"]))
