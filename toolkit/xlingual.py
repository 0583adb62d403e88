"""Cross-lingual reprints: the English story that translates a Russian, Belarusian or Chinese
original, linked to it.

Monolingual dedup (:mod:`toolkit.dedup`) compares word shingles, which share nothing across
languages. Here each non-English story is compared with the English stories of a few days around
it by a multilingual sentence encoder (:func:`toolkit.embed.embed` with ``model="multilingual"``);
a candidate is kept when the two are very close, or close and sharing evidence a translation
keeps: names (transliterated: "Лукашенко" and "Lukashenko", "习近平" and "Xi Jinping") and
numbers (:mod:`toolkit.xlingual_evidence`). The links are added to the dedup tables as pairs
of kind ``translation`` (the English story joins its original's cluster, with its lag) without
touching the monolingual steps, and :func:`align_across` aligns the two stories' paragraphs by
embedding similarity for ``explain``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.align import ALIGN_SCHEMA
from toolkit.dedup_clusters import CLUSTER_SCHEMA, PAIR_SCHEMA
from toolkit.errors import ToolkitError
from toolkit.xlingual_evidence import anchors as story_anchors
from toolkit.xlingual_evidence import evidence, names, numbers, overlap

__all__ = [
    "TRANSLATION_SCHEMA",
    "TranslationOptions",
    "align_across",
    "align_translation",
    "find_translations",
    "names",
    "numbers",
    "translation_table",
    "with_translations",
]

_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTERS = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")

TRANSLATION_SCHEMA: dict[str, pl.DataType] = {
    "doc_a": pl.String,  # the original (ru, be, uk, zh)
    "doc_b": pl.String,  # the English story that translates it
    "kind": pl.String,  # translation
    "similarity": pl.Float64,  # cosine of the two multilingual embeddings
    "shared_names": pl.Int64,  # names (transliterated) found in both
    "shared_numbers": pl.Int64,  # numbers found in both
    "lag_days": pl.Int64,  # days from the original to the translation; null when undated
}


@dataclass(frozen=True)
class TranslationOptions:
    """How close a pair must be. Set on the dev part of the real pairs only (see
    benchmarks/README.md, "Cross-lingual reprints on 156 real pairs"): Ukrainian addresses of
    president.gov.ua and kremlin.ru items with their official English; the test part was held
    out until these were set."""

    window_days: int = 3  # an English story up to this many days after (or 1 before) its original
    min_similarity: float = 0.3  # below this cosine, no evidence makes a pair
    min_score: float = 0.65  # cosine + evidence_weight * evidence overlap needed for a link
    evidence_weight: float = 1.0  # how much the shared names and numbers add to the cosine
    opening_chars: int = 1500  # title and the text's opening: what a translation keeps first
    originals: tuple[str, ...] = ("ru", "be", "uk", "zh")
    target: str = "en"


def _opening(docs: pl.DataFrame, chars: int) -> list[str]:
    title = pl.col("title").fill_null("") if "title" in docs.columns else pl.lit("")
    text = pl.col("text").fill_null("").str.slice(0, chars)
    return docs.select(pl.concat_str(title, text, separator="\n")).to_series().to_list()


def find_translations(
    docs: pl.DataFrame,
    *,
    embeddings: np.ndarray | None = None,
    title_embeddings: np.ndarray | None = None,
    cache_dir: str | Path | None = None,
    encoder: Any = None,
    options: TranslationOptions | None = None,
) -> pl.DataFrame:
    """Pairs of an original and the English story that translates it (:data:`TRANSLATION_SCHEMA`).

    Args:
        docs: the corpus (``doc_id``, ``lang``, ``published``, ``text``, and ``title`` if any).
        embeddings: one multilingual vector per row of ``docs`` for its title and opening
            (L2-normalised), to reuse; by default embedded with ``model: multilingual`` through
            the cache in ``cache_dir`` (or by ``encoder`` when no cache is given).
        title_embeddings: the same for the titles alone.
        cache_dir: the embedding cache (needed unless ``embeddings`` are given).
        encoder: an already loaded encoder (tests pass a fake); see :func:`toolkit.embed.embed`.
        options: thresholds and the date window (:class:`TranslationOptions`).

    Returns:
        One row per English story linked, to its one best original; an undated story is
        compared with every story of the other language (its ``lag_days`` null). A story of
        unknown ``lang`` (too short to tell) counts as English when written in Latin letters;
        one whose title is written in Cyrillic or Chinese as much as in Latin letters is never
        the English story.
    """
    opts = options or TranslationOptions()
    texts = _opening(docs, opts.opening_chars)
    titles = docs["title"].fill_null("").to_list() if "title" in docs.columns else [""] * len(texts)
    lang = [_language(lg, t, opts.target, title=h) for lg, t, h in zip(docs["lang"].to_list(),
            texts, titles, strict=True)]  # fmt: skip
    orig = [i for i, lg in enumerate(lang) if lg in opts.originals]
    eng = [i for i, lg in enumerate(lang) if lg == opts.target]
    if not orig or not eng:
        return pl.DataFrame(schema=TRANSLATION_SCHEMA)
    if embeddings is None:
        embeddings = _vectors(texts, cache_dir, encoder)
    if title_embeddings is None:
        title_embeddings = _vectors(titles, cache_dir, encoder)
    # the titles too where both stories have one: a headline is translated whole, while the
    # openings of a transcript and of its summary may differ in length and chrome; the opening
    # still counts where the titles are generic ("Address by the President")
    both = np.array([[bool(titles[e]) and bool(titles[o]) for o in orig] for e in eng])
    opening_sim = embeddings[eng] @ embeddings[orig].T
    sim = np.where(both, np.maximum(title_embeddings[eng] @ title_embeddings[orig].T,
                                    opening_sim), opening_sim)  # fmt: skip
    ids, dates = docs["doc_id"].to_list(), docs["published"].to_list()
    anchors = {i: story_anchors(texts[i], english=False) for i in orig}
    anchors |= {i: story_anchors(texts[i], english=True) for i in eng}
    rows, scores = [], []
    for r, e in enumerate(eng):
        best = _best_original(sim[r], orig, e, dates, anchors, opts)
        if best is not None:
            c, score = best
            n_names, n_numbers = evidence(texts[orig[c]], texts[e])
            lag = _lag(dates[orig[c]], dates[e])
            rows.append((ids[orig[c]], ids[e], "translation", round(float(sim[r, c]), 4),
                         n_names, n_numbers, lag))  # fmt: skip
            scores.append(score)
    out = pl.DataFrame(rows, schema=TRANSLATION_SCHEMA, orient="row")
    # one English story per original too: the one it was chosen by the higher score keeps it
    # (the same measure that chose it, not the cosine alone)
    return (
        out.with_columns(pl.Series("score", scores, dtype=pl.Float64))
        .sort(["score", "doc_b"], descending=[True, False])
        .unique("doc_a", keep="first", maintain_order=True)
        .drop("score")
        .sort(["doc_a", "doc_b"])
    )


def _vectors(values: list[str], cache_dir: str | Path | None, encoder: Any) -> np.ndarray:
    """Multilingual vectors of ``values``, through the cache when there is one."""
    if cache_dir is None and encoder is None:
        raise ToolkitError("find_translations: give embeddings, an encoder or a cache_dir")
    if cache_dir is None:
        return encoder.encode(values, normalize_embeddings=True)
    from toolkit.embed import embed

    return embed(values, model="multilingual", cache_dir=cache_dir, encoder=encoder)


def _best_original(
    sims: np.ndarray,
    orig: list[int],
    e: int,
    dates: list[Any],
    anchors: dict[int, tuple[set[str], ...]],
    opts: TranslationOptions,
) -> tuple[int, float] | None:
    """The column of the original in the date window whose cosine, raised by the names and
    numbers the two share (:func:`toolkit.xlingual_evidence.overlap`), is highest and reaches
    ``min_score``, and that score; None when there is none. The embedding alone ranks poorly
    where the encoder knows the language little (multilingual USE has no Ukrainian or
    Belarusian): the evidence decides between stories of one day, speaker and topic."""
    best, best_score = None, 0.0
    for c in np.argsort(-sims):
        s = float(sims[c])
        if s < opts.min_similarity:
            break
        o = orig[c]
        lag = _lag(dates[o], dates[e])
        if lag is not None and not -1 <= lag <= opts.window_days:
            continue
        score = s + opts.evidence_weight * overlap(anchors[o], anchors[e])
        if score >= opts.min_score and (best is None or score > best_score):
            best, best_score = int(c), score
    return None if best is None else (best, best_score)


def _language(lang: str | None, opening: str, target: str, *, title: str = "") -> str:
    """A story's language for linking: its ``lang``; where that is unknown (a title and a few
    words are too short to tell English by its function words), ``target`` when the title and
    opening are in Latin letters only, their script's language otherwise. A story whose title
    is written in another script as much as in Latin letters (Cyrillic, Chinese) is no
    ``target`` story whatever its text: an aggregator's body stripped of those letters, English
    names left ("The Sun, . , « ». ... Le Point"), under a Russian headline."""
    from toolkit.lang import script_language

    titled = script_language(_LATIN_LETTERS.sub("", title)) if _latin_at_most(title) else None
    if titled is not None and lang in (None, "und", target):
        return titled
    if lang not in (None, "und"):
        return lang
    found = script_language(opening)
    if found is not None:
        return found
    return target if re.search(r"[A-Za-z]", opening) else "und"


def _latin_at_most(title: str) -> bool:
    """Whether a title holds letters of another script at least as many as Latin ones."""
    other = len(_OTHER_LETTERS.findall(title))
    return other > 0 and other >= len(_LATIN_LETTERS.findall(title))


def _lag(original: dt.date | None, english: dt.date | None) -> int | None:
    return (english - original).days if original is not None and english is not None else None


def with_translations(
    pairs: pl.DataFrame, clusters: pl.DataFrame, translations: pl.DataFrame, docs: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The dedup tables with the translations added: a pair row of kind ``translation`` each,
    and each English story's cluster (it and its English reprints) joined to its original's,
    the original first (lag counted from it). ``docs`` gives each story's ``published`` date.

    Pairs keep :data:`toolkit.dedup_clusters.PAIR_SCHEMA` (no shingle measures: null); clusters
    keep ``CLUSTER_SCHEMA``.
    """
    added = translations.select(
        "doc_a", "doc_b", "kind",
        pl.lit(None, pl.Float64).alias("jaccard"),
        pl.lit(None, pl.Float64).alias("containment_a_in_b"),
        pl.lit(None, pl.Float64).alias("containment_b_in_a"),
    )  # fmt: skip
    out_pairs = pl.concat([pairs.select(list(PAIR_SCHEMA)), added.cast(PAIR_SCHEMA)])
    if translations.is_empty():
        return out_pairs, clusters
    moved = _moves(translations, clusters)
    members = _members(translations, clusters)
    published = docs.select("doc_id", pl.col("published").cast(pl.Date))
    relabelled = members.join(moved, left_on="cluster_id", right_on="from", how="left").select(
        "doc_id", pl.coalesce("to", "cluster_id").alias("cluster_id")
    )
    relabelled = relabelled.join(published, on="doc_id", how="left")
    out = relabelled.with_columns(
        (pl.col("doc_id") == pl.col("cluster_id")).alias("is_canonical"),
        pl.len().over("cluster_id").cast(pl.Int64).alias("cluster_size"),
        pl.col("published").filter(pl.col("doc_id") == pl.col("cluster_id")).first()
        .over("cluster_id").alias("first_published"),
    ).with_columns(
        (pl.col("published") - pl.col("first_published")).dt.total_days().cast(pl.Int64)
        .alias("lag_days")
    )  # fmt: skip
    out_clusters = out.select(list(CLUSTER_SCHEMA)).cast(CLUSTER_SCHEMA)
    return out_pairs, out_clusters.sort("cluster_id", "doc_id")


def _moves(translations: pl.DataFrame, clusters: pl.DataFrame) -> pl.DataFrame:
    """``from`` -> ``to``: the cluster of each English story and the cluster of its original."""
    return (
        translations.join(
            clusters.select("doc_id", "cluster_id"), left_on="doc_b", right_on="doc_id", how="left"
        )
        .join(
            clusters.select("doc_id", pl.col("cluster_id").alias("to")),
            left_on="doc_a",
            right_on="doc_id",
            how="left",
        )
        .select(
            pl.coalesce("cluster_id", "doc_b").alias("from"),
            pl.coalesce("to", "doc_a").alias("to"),
        )
        .unique("from", keep="first", maintain_order=True)
    )


def _members(translations: pl.DataFrame, clusters: pl.DataFrame) -> pl.DataFrame:
    """Every clustered story, and every translated story that was alone, with its cluster."""
    return pl.concat(
        [
            clusters.select("doc_id", "cluster_id", "first_published", "lag_days"),
            # stories that were alone (in no monolingual cluster)
            pl.concat([translations["doc_a"], translations["doc_b"]])
            .unique()
            .to_frame("doc_id")
            .join(clusters.select("doc_id"), on="doc_id", how="anti")
            .with_columns(
                pl.col("doc_id").alias("cluster_id"),
                pl.lit(None, pl.Date).alias("first_published"),
                pl.lit(None, pl.Int64).alias("lag_days"),
            ),
        ],
        how="vertical_relaxed",
    )


def align_across(
    paragraphs_a: Sequence[str],
    paragraphs_b: Sequence[str],
    embed_texts: Any,
    *,
    min_similarity: float = 0.5,
) -> pl.DataFrame:
    """Align the paragraphs of an original and its translation in reading order by embedding
    similarity (:data:`toolkit.align.ALIGN_SCHEMA`: ``same`` for a paragraph and its
    translation, ``removed`` / ``added`` for what one side lacks).

    ``embed_texts`` maps a list of texts to L2-normalised vectors (the multilingual model).
    A monotone alignment (Needleman-Wunsch on cosine similarity, a gap costing
    ``min_similarity``) keeps both sides in order.

    Example:
        >>> fake = lambda ts: np.array([[1.0, 0.0] if "1" in t else [0.0, 1.0] for t in ts])
        >>> align_across(["Один 1", "Два 2"], ["One 1", "Extra", "Two 2"], fake)["op"].to_list()
        ['same', 'added', 'same']
    """
    a, b = list(paragraphs_a), list(paragraphs_b)
    if not a or not b:
        rows = [("removed", [i], [], t, None, None) for i, t in enumerate(a)]
        rows += [("added", [], [j], None, t, None) for j, t in enumerate(b)]
        return pl.DataFrame(rows, schema=ALIGN_SCHEMA, orient="row")
    va, vb = np.asarray(embed_texts(a)), np.asarray(embed_texts(b))
    sim = va @ vb.T
    n, m = len(a), len(b)
    score = np.zeros((n + 1, m + 1))
    move = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 diagonal, 1 up (removed), 2 left (added)
    score[:, 0], score[0, :] = 0.0, 0.0
    move[1:, 0], move[0, 1:] = 1, 2
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = (score[i - 1, j - 1] + sim[i - 1, j - 1] - min_similarity,
                       score[i - 1, j], score[i, j - 1])  # fmt: skip
            move[i, j] = int(np.argmax(options))
            score[i, j] = options[move[i, j]]
    rows = []
    i, j = n, m
    while i or j:
        step = move[i, j]
        if step == 0 and i and j:
            s = float(sim[i - 1, j - 1])
            if s >= min_similarity:
                rows.append(("same", [i - 1], [j - 1], a[i - 1], b[j - 1], round(s, 4)))
            else:
                rows.append(("added", [], [j - 1], None, b[j - 1], None))
                rows.append(("removed", [i - 1], [], a[i - 1], None, None))
            i, j = i - 1, j - 1
        elif (step == 1 and i) or not j:
            rows.append(("removed", [i - 1], [], a[i - 1], None, None))
            i -= 1
        else:
            rows.append(("added", [], [j - 1], None, b[j - 1], None))
            j -= 1
    return pl.DataFrame(rows[::-1], schema=ALIGN_SCHEMA, orient="row")


def align_translation(text_a: str, text_b: str, *, encoder: Any = None) -> pl.DataFrame:
    """:func:`align_across` of two texts' paragraphs (split at blank lines, as
    :func:`toolkit.align.align_paragraphs` splits them) with the bundled multilingual model, or
    ``encoder``: what ``explain`` shows for a pair of kind ``translation``."""
    from toolkit.align import _paragraphs
    from toolkit.embed import multilingual_encoder

    enc = encoder or multilingual_encoder()
    return align_across(_paragraphs(text_a), _paragraphs(text_b),
                        lambda ts: enc.encode(ts, normalize_embeddings=True))  # fmt: skip


def translation_table(pairs: pl.DataFrame, docs: pl.DataFrame) -> pl.DataFrame:
    """The ``translation`` pairs of a pairs table, one row each with both stories' outlet,
    language, date and title, and the days from the original to its translation (null where
    either is undated), earliest original first.

    Example:
        >>> pairs = pl.DataFrame({"doc_a": ["r"], "doc_b": ["e"], "kind": ["translation"]})
        >>> docs = pl.DataFrame({"doc_id": ["r", "e"], "outlet": ["Kremlin"] * 2,
        ...     "lang": ["ru", "en"], "published": [dt.date(2025, 3, 8), dt.date(2025, 3, 9)],
        ...     "title": ["Поздравление", "Greetings"]})
        >>> translation_table(pairs, docs)["lag_days"].to_list()
        [1]
    """
    cols = ["doc_id", "outlet", "lang", "published", "title"]
    side = docs.select(*cols).with_columns(pl.col("published").cast(pl.Date))
    days = (pl.col("published_b") - pl.col("published_a")).dt.total_days().cast(pl.Int64)
    return (
        pairs.filter(pl.col("kind") == "translation")
        .select(doc_id_a="doc_a", doc_id_b="doc_b")
        .join(side.rename({c: f"{c}_a" for c in cols}), on="doc_id_a")
        .join(side.rename({c: f"{c}_b" for c in cols}), on="doc_id_b")
        .select(*[f"{c}_a" for c in cols], *[f"{c}_b" for c in cols], days.alias("lag_days"))
        .rename({"doc_id_a": "doc_a", "doc_id_b": "doc_b"})
        .sort("published_a", "doc_a", nulls_last=True)
    )
