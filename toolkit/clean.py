"""Cleaning: text to paragraphs, and page chrome out (bytes to text: :mod:`toolkit.decode`).

Every function here is pure and idempotent: ``clean(clean(t)) == clean(t)``.

Example:
    >>> clean("All news\\r\\n\\r\\nMinsk and Moscow agree.Putin said so.\\r\\n© Photo/TASS")
    'Minsk and Moscow agree.\\n\\nPutin said so.'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import polars as pl

from toolkit.glue import paragraphs
from toolkit.normalize import normalize, over_column
from toolkit.outlet_tables import apart, literal_screen
from toolkit.outlets import Registry, any_of, registry

__all__ = [
    "chrome_flags",
    "chrome_mask",
    "clean",
    "cut_chrome_lines",
    "cut_chrome_sentences",
    "learn_chrome",
    "learned_lines",
]


CHROME_MAX_CHARS = 800
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9©])")
_MIN_KEPT_WORDS = 2  # what is left of a chrome line must be words, not one name ("Reuters.")


def cut_chrome_sentences(
    line: str, site: str | None = None, *, reg: Registry | None = None
) -> str | None:
    """A line that chrome patterns flag, less the chrome sentence that closes it: the text a
    copyright or credit notice follows is kept. None when the line opens with chrome, or
    nothing worth keeping is left.

    Example:
        >>> cut_chrome_sentences("Minsk and Moscow agreed on oil prices. © 2019 Reuters.")
        'Minsk and Moscow agreed on oil prices.'
        >>> cut_chrome_sentences("Copyright 2019 Hawaii News Now. All rights reserved.") is None
        True
        >>> cut_chrome_sentences("Like this story? Share it with a friend!", "rt.com") is None
        True
    """
    return cut_chrome_lines([line], [site], reg=reg)[0]


def cut_chrome_lines(
    lines: Sequence[str], sites: Sequence[str | None], *, reg: Registry | None = None
) -> list[str | None]:
    """:func:`cut_chrome_sentences` of each line (of the site beside it), the sentences of all
    the lines of one site tested by one query."""
    split = [_SENTENCE_BREAK.split(line) for line in lines]
    by_site: dict[str | None, list[str]] = {}
    for sentences, site in zip(split, sites, strict=True):
        if len(sentences) >= 2:
            by_site.setdefault(site, []).extend(sentences)
    masks = {site: iter(chrome_mask(s, site, reg=reg)) for site, s in by_site.items()}
    cut: list[str | None] = []
    for sentences, site in zip(split, sites, strict=True):
        if len(sentences) < 2:
            cut.append(None)
            continue
        mask = [next(masks[site]) for _ in sentences]
        if True not in mask:  # a pattern of the whole line ("Like this story? Share it with a
            cut.append(None)  # friend!", RT's): no sentence of it is chrome alone, it is all
            continue  # chrome
        # The text before the notice: a line that opens with one is a notice that goes on.
        kept = " ".join(sentences[: mask.index(True)])
        cut.append(kept if len(kept.split()) >= _MIN_KEPT_WORDS else None)
    return cut


def chrome_flags(
    lines: pl.Series, site: str | None = None, *, reg: Registry | None = None
) -> pl.Series:
    """Whether each paragraph of ``lines`` is chrome by the common and the site's patterns
    (not learned), on every core (:func:`toolkit.normalize.over_column`).

    Chrome is short: a paragraph longer than 800 characters is body text whatever it contains.
    A pattern that opens with a class (a sentence's end: ``[.!?…]\\s+©``) is tried only on the
    short lines not yet found that hold one of its literals
    (:func:`toolkit.outlet_tables.literal_screen`)."""
    at_start, anywhere = (reg or registry()).chrome_for(site)
    line = pl.col(lines.name)
    hit = pl.lit(False)
    if (start := any_of(at_start)) is not None:
        hit = hit | line.str.contains(f"^(?:{start})")
    screened = []
    for found in apart(list(anywhere)):  # searched apart: see apart
        if (screen := literal_screen(found)) is None:
            hit = hit | line.str.contains(found)
        else:
            screened.append((found, screen))
    short = line.str.len_chars() <= CHROME_MAX_CHARS
    flags = over_column(lines, short & hit)
    for found, screen in screened:
        where = over_column(lines, short & line.str.contains(screen)).fill_null(False)
        where = (where & ~flags.fill_null(False)).arg_true()
        flags = flags.scatter(where, over_column(lines.gather(where), line.str.contains(found)))
    return flags


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
    patterns = chrome_flags(pl.Series("line", lines, dtype=pl.String), site, reg=reg)
    return [hit or line in learned for line, hit in zip(lines, patterns, strict=True)]


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
    learned = set(learned)
    mask = chrome_mask(paras, site, learned, reg=reg)
    kept = []
    for p, chrome in zip(paras, mask, strict=True):
        if chrome and p not in learned:
            p = cut_chrome_sentences(p, site, reg=reg)
        elif chrome:
            p = None
        if p:
            kept.append(p)
    return "\n\n".join(kept)


def learn_chrome(
    docs: Sequence[Sequence[str]],
    groups: Sequence[str | None],
    *,
    min_docs: int = 5,
    min_share: float = 0.05,
    max_words: int | None = None,
) -> dict[str, dict[str, int]]:
    """Lines that repeat across many documents of one site (or folder) are chrome.

    Args:
        docs: each document's paragraphs.
        groups: each document's group (its site, else its folder); None is never learned from.
        min_docs: a line must occur in at least this many documents of the group...
        min_share: ...and in at least this share of them.
        max_words: when given, longer lines are never learned. By default a line of any length
            is (a long menu line); copies of one story vote once, so their text is not.

    Returns:
        ``{group: {line: n_docs}}`` for every group with learned lines.
    """
    lines = pl.DataFrame(
        {"doc": [i for i, paras in enumerate(docs) for _ in paras], "line": list(_flat(docs))},
        schema={"doc": pl.Int64, "line": pl.String},
    )
    frame = pl.DataFrame(
        {"group": list(groups), "key": ["\n".join(paras) for paras in docs]},
        schema={"group": pl.String, "key": pl.String},
    ).with_row_index("doc")
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
    max_words: int | None = None,
) -> pl.DataFrame:
    """:func:`learn_chrome` over frames: ``lines`` has ``doc, line``, ``groups`` has ``doc,
    group`` for every document (group null: never learned from) and optionally ``key`` (the
    document's text, or a hash of it). Documents with the same key vote once: copies of one
    story never make its sentences chrome. Returns ``group, line, n_docs``, sorted."""
    groups = groups.filter(pl.col("group").is_not_null())
    if "key" not in groups.columns:
        groups = groups.with_columns(pl.col("doc").alias("key"))
    sizes = groups.group_by("group").agg(pl.col("key").n_unique().alias("size"))
    short = (
        pl.col("line").str.count_matches(" ", literal=True) < max_words
        if max_words is not None
        else pl.lit(True)
    )
    return (
        lines.filter(short)
        .join(groups.select("doc", "group", "key"), on="doc")
        .unique(["group", "key", "line"])
        .group_by("group", "line")
        .agg(pl.len().cast(pl.Int64).alias("n_docs"))
        .join(sizes, on="group")
        .filter(pl.col("n_docs") >= pl.max_horizontal(pl.lit(min_docs), min_share * pl.col("size")))
        .select("group", "line", "n_docs")
        .sort("group", "line")
    )
