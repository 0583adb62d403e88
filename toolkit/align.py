"""Paragraph alignment of two copies of a story: what was shared, added, removed, edited, merged.

Example:
    >>> table = align_paragraphs("A one.\\n\\nB two.", "A one.\\n\\nB two!\\n\\nC three.")
    >>> table["op"].to_list()
    ['same', 'same', 'added']
"""

from __future__ import annotations

import difflib
import html
import re

import polars as pl

from toolkit.resources import SHINGLE_TOKEN_PATTERN, UNSPACED
from toolkit.word_tokens import apart_text

__all__ = ["ALIGN_SCHEMA", "align_paragraphs", "word_diff_html"]

ALIGN_SCHEMA: dict[str, pl.DataType] = {
    "op": pl.String,  # same | edited | merged | split | removed | added
    "para_a": pl.List(pl.Int64),  # paragraph numbers in a (0-based); empty when added
    "para_b": pl.List(pl.Int64),
    "text_a": pl.String,
    "text_b": pl.String,
    "similarity": pl.Float64,  # word-sequence similarity of the two sides, 0..1
}

# the words dedup compares (alignment explains its pairs): runs of word characters, Chinese
# words as jieba cuts them (toolkit.word_tokens.apart_text)
_UNSPACED = re.compile(UNSPACED)
_WORD = re.compile(SHINGLE_TOKEN_PATTERN)
_EDITED = 0.5  # paragraphs sharing at least this much of their words are one paragraph, edited
_MERGED = 0.9  # consecutive paragraphs this similar to one paragraph were merged into it


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def _words(text: str) -> list[str]:
    return _WORD.findall(apart_text(text.lower()) if _UNSPACED.search(text) else text.lower())


def _similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_paragraphs(text_a: str, text_b: str) -> pl.DataFrame:
    """Align the paragraphs of two texts in reading order (schema :data:`ALIGN_SCHEMA`).

    Paragraphs equal up to case and punctuation are ``same``; within the stretches between them,
    a paragraph of one side that matches consecutive paragraphs of the other is ``merged`` (a
    into b) or ``split``; a paragraph sharing at least half its words with one of the other side
    is ``edited``; the rest is ``removed`` (only in a) or ``added`` (only in b).
    """
    pa, pb = _paragraphs(text_a), _paragraphs(text_b)
    wa, wb = [_words(p) for p in pa], [_words(p) for p in pb]
    rows: list[tuple] = []
    matcher = difflib.SequenceMatcher(
        None, [" ".join(w) for w in wa], [" ".join(w) for w in wb], autojunk=False
    )
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            rows += [
                ("same", [i], [j], pa[i], pb[j], 1.0)
                for i, j in zip(range(a0, a1), range(b0, b1), strict=True)
            ]
        else:
            rows += _align_block(pa, pb, wa, wb, range(a0, a1), range(b0, b1))
    return pl.DataFrame(rows, schema=ALIGN_SCHEMA, orient="row")


def _align_block(pa, pb, wa, wb, ra: range, rb: range) -> list[tuple]:
    """Align a stretch of differing paragraphs, keeping both sides in order."""
    rows: list[tuple] = []
    i, j = ra.start, rb.start
    while i < ra.stop or j < rb.stop:
        if i >= ra.stop:
            rows.append(("added", [], [j], None, pb[j], 0.0))
            j += 1
            continue
        if j >= rb.stop:
            rows.append(("removed", [i], [], pa[i], None, 0.0))
            i += 1
            continue
        merged = _run_match(wa, wb[j], i, ra.stop)
        if merged:
            sim, end = merged
            rows.append(("merged", list(range(i, end)), [j], "\n\n".join(pa[i:end]), pb[j], sim))
            i, j = end, j + 1
            continue
        split = _run_match(wb, wa[i], j, rb.stop)
        if split:
            sim, end = split
            rows.append(("split", [i], list(range(j, end)), pa[i], "\n\n".join(pb[j:end]), sim))
            i, j = i + 1, end
            continue
        # the best partner for a[i] among the rest of b's stretch, and for b[j] among a's
        best_b = max(rb[j - rb.start :], key=lambda y: _similarity(wa[i], wb[y]))
        best_a = max(ra[i - ra.start :], key=lambda x: _similarity(wa[x], wb[j]))
        sim_b, sim_a = _similarity(wa[i], wb[best_b]), _similarity(wa[best_a], wb[j])
        if best_b == j and sim_b >= _EDITED:
            rows.append(("edited", [i], [j], pa[i], pb[j], sim_b))
            i, j = i + 1, j + 1
        elif sim_b >= _EDITED and (sim_a < _EDITED or best_b - j <= best_a - i):
            rows.append(("added", [], [j], None, pb[j], 0.0))  # b inserted it before a[i]'s match
            j += 1
        else:
            rows.append(("removed", [i], [], pa[i], None, 0.0))
            i += 1
    return rows


def _run_match(words: list[list[str]], target: list[str], start: int, stop: int):
    """(similarity, end) when words[start:end] (two or more paragraphs) read as ``target``."""
    joined: list[str] = []
    for end in range(start + 1, stop + 1):
        joined = joined + words[end - 1]
        if len(joined) > 1.2 * len(target) + 5:
            return None
        if end - start >= 2:
            sim = _similarity(joined, target)
            if sim >= _MERGED:
                return sim, end
    return None


def word_diff_html(a: str | None, b: str | None) -> str:
    """b's text with the words a had and b dropped in ``<del>`` and the words b added in
    ``<ins>``: an edited paragraph as a reader would mark it up by hand."""
    ta, tb = (a or "").split(), (b or "").split()
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(tb[b0:b1])))
            continue
        if a1 > a0:
            out.append(f"<del>{html.escape(' '.join(ta[a0:a1]))}</del>")
        if b1 > b0:
            out.append(f"<ins>{html.escape(' '.join(tb[b0:b1]))}</ins>")
    return " ".join(out)
