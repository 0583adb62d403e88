"""Rhetoric compared across groups (outlets by default): distinctive terms, frames, attribution,
stance, and keyword-in-context, each with the n behind it.

- Distinctive terms (:mod:`toolkit.keyness`, re-exported here for the notebooks): the log-odds
  ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008).
- Frames and stance come from YAML lexicons in ``toolkit/lexicons/``; rates are per 1,000 words
  with bootstrap intervals over documents (seeded). Attribution counts :func:`toolkit.quotes`'s
  linked speaker, verb and quote.
- Sentiment is VADER's compound score (an offline lexicon model) averaged over sentences.

Every result carries each group's documents and words, and ``small_n`` where a group has fewer
documents than the threshold: such groups are shown, flagged, and never ranked against others.

Example:
    >>> from toolkit import rhetoric
    >>> rhetoric.frame_rates(corpus, by="outlet", seed=42)          # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from toolkit.comparison import comparison
from toolkit.evidence import kwic
from toolkit.frames import (
    countable_frames,
    except_pattern,
    folded,
    frame_exceptions,
    frame_terms,
    frames_for,
    frames_note,
    lexicon,
    matches_none,
    script_note,
    term_pattern,
    term_text,
    unmatched_note,
    without_excluded,
)
from toolkit.groups import group_sizes, with_groups
from toolkit.keyness import default_pair, distinctive_terms, note_of
from toolkit.options import option
from toolkit.stats import MIN_GROUP_DOCS, N_BOOT, SEED, flag_small, resampled_bounds
from toolkit.tokens import Tokens, exclude_pattern

__all__ = [
    "RhetoricOptions",
    "attribution",
    "concordance",
    "countable_frames",
    "default_pair",
    "distinctive_terms",
    "except_pattern",
    "frame_exceptions",
    "frame_rates",
    "frame_terms",
    "frames_for",
    "frames_note",
    "group_sizes",
    "lexicon",
    "matches_none",
    "note_of",
    "quote_share",
    "script_note",
    "slug",
    "stance",
    "term_pattern",
    "unmatched_note",
]

QUOTES = r"“[^”]{1,2000}”|\"[^\"]{1,2000}\"|«[^»]{1,2000}»"


@dataclass(frozen=True)
class RhetoricOptions:
    """The rhetoric notebook's options (the ``rhetoric`` section of a parameter set)."""

    group_by: str = option("outlet", "column to compare", choices=("outlet", "site", "period"))
    period: str = option(
        "year", "period when group_by is period", choices=("month", "quarter", "year")
    )
    pair: list = option([], "two groups for the scatter plot; empty: the two largest")
    top_terms: int = option(20, "distinctive terms listed per group", minimum=1, maximum=1000)
    min_count: int = option(
        5, "terms rarer than this in the corpus are not ranked", minimum=1, maximum=10**6
    )
    prior_strength: float = option(
        500.0,
        "pseudo-counts of the informative Dirichlet prior",
        types=(float,),
        minimum=0,
        exclusive_minimum=True,
        maximum=10**7,
    )
    ngram_max: int = option(2, "longest n-gram compared", minimum=1, maximum=5)
    stop_words: list = option(
        [], "your own stop words, added to the list of each language of the corpus"
    )
    exclude_terms: list = option(
        [], "terms left out of distinctive terms and frames: words or phrases, * for any letters"
    )
    languages: list = option(
        [],
        "languages compared (ISO 639-1: en, ru, be, zh); empty: the corpus's most common one "
        "alone (with a language_map: it and the languages mapped)",
    )
    language_map: dict = option(
        {},
        "each language's words mapped to shared terms ({ru: {санкция: sanction}}): the only "
        "way distinctive terms compare across languages",
    )
    speaker_aliases: dict = option(
        {},
        "one speaker's spellings merged under one name in who is quoted ({Aleksandr "
        "Lukashenko: [Alexander Lukashenko, Alyaksandr Lukashenka]}): a resolved speaker written "
        "as one of the forms (any case) takes the name",
    )
    speaker_kinds: list = option(
        ["name", "pronoun", "description", "continued", "tagged"],
        "how the frame must give a speaker for who is quoted and the quote share: name, "
        "pronoun, description, continued, tagged (the learned tagger's, where no rule read a "
        "frame; toolkit.quote_kinds); [name] keeps the speakers the frame names, right "
        "0.85-0.92 of the time on new documents against 0.79-0.87 for all",
    )
    quote_tagger: bool = option(
        False,
        "also ask the learned speaker tagger about sentences the attribution rules read no "
        "frame in (toolkit.quote_tagger; speaker_kind 'tagged'): on the held-out sets +1.4 to "
        "+2.5 points of speaker recall for -1 of precision, at 6-8 times the attribution's CPU",
    )
    frames_file: str | None = option(
        None, "YAML of your own frames (same shape)", types=(str, type(None))
    )
    frames_mode: str = option(
        "extend", "your frames extend or replace the bundled ones", choices=("extend", "replace")
    )
    keywords: list = option(["sanction*", "union state", "brother*"], "concordance terms")
    window: int = option(8, "words either side in the concordance", minimum=1, maximum=100)
    bootstrap: int = option(1000, "bootstrap resamples for intervals", minimum=1, maximum=100_000)


# ---------------------------------------------------------------- rates with bootstrap intervals


def _bootstrap_rate(
    k: np.ndarray, w: np.ndarray, *, seed: int, n_boot: int
) -> tuple[float, float, float]:
    """Rate per 1,000 words (sum k / sum w) and a 95% percentile interval from resampling
    documents with replacement. With no match at all, resampling can only give [0, 0]; the
    upper limit is then the exact Poisson one of no event in the words read (3.689 events,
    the 97.5% quantile), so a zero says how little was read."""
    if w.sum() == 0:
        return float("nan"), float("nan"), float("nan")
    rate = 1000 * k.sum() / w.sum()
    if len(k) < 2:
        return rate, float("nan"), float("nan")
    if k.sum() == 0:
        return 0.0, 0.0, 1000 * _NO_EVENT_UPPER / w.sum()
    low, high = resampled_bounds(k, w, seed=seed, n_boot=n_boot)
    return rate, 1000 * low, 1000 * high


_NO_EVENT_UPPER = 3.6889  # the 97.5% upper limit of a Poisson mean when none was seen


def _r(x: float) -> float | None:
    """Rounded, or None where undefined (an interval from a single document)."""
    return round(float(x), 4) if np.isfinite(x) else None


def _rates(
    per_doc: pl.DataFrame, measures: list[str], *, seed: int, n_boot: int, min_group_docs: int
) -> pl.DataFrame:
    rows = []
    for key, g in per_doc.sort("group").group_by("group", maintain_order=True):
        w = g["n_words"].fill_null(0).to_numpy().astype(np.float64)
        for m in measures:
            k = g[m].to_numpy().astype(np.float64)
            rate, low, high = _bootstrap_rate(k, w, seed=seed, n_boot=n_boot)
            rows.append({"group": key[0], "measure": m, "matches": int(k.sum()),
                         "n_docs": g.height, "n_words": int(w.sum()), "per_1000": _r(rate),
                         "ci_low": _r(low), "ci_high": _r(high)})  # fmt: skip
    schema = {"group": pl.String, "measure": pl.String, "matches": pl.Int64, "n_docs": pl.Int64,
              "n_words": pl.Int64, "per_1000": pl.Float64, "ci_low": pl.Float64,
              "ci_high": pl.Float64}  # fmt: skip
    return pl.DataFrame(rows, schema=schema).with_columns(flag_small("n_docs", min_group_docs))


def frame_rates(
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    frames: dict[str, Any] | None = None,
    seed: int = SEED,
    n_boot: int = N_BOOT,
    min_group_docs: int = MIN_GROUP_DOCS,
    stop_words: list[str] | tuple[str, ...] = (),
    exclude_terms: list[str] | tuple[str, ...] = (),
    languages: list[str] | tuple[str, ...] = (),
) -> pl.DataFrame:
    """Each frame's matches per 1,000 words per group, with bootstrap 95% intervals.

    A frame term that is one of the user's ``stop_words`` or ``exclude_terms`` is dropped, and
    no match is counted inside an excluded phrase ("security" in an excluded "Security
    Council"), nor inside one of the frame's own ``except`` phrases ("brother*" in "Muslim
    Brotherhood"). The languages' stop word lists are not applied: a lexicon's terms are chosen.

    Frames are counted within one language (the corpus's most common, or ``languages``' one),
    or across ``languages`` through the frames' terms per language, each text matched with its
    own language's terms (:func:`frames_for`); ``comparison`` says which."""
    compared = comparison(docs, languages=languages, through="frame terms per language")
    docs = compared.select(docs)
    frames, _ = frames_for(frames or lexicon("frames"), compared)
    frames = without_excluded(
        frames, Tokens.build(stop_words=stop_words, exclude_terms=exclude_terms)
    )
    # the texts as terms are matched in them, once (an eager query would redo it for each
    # frame), lowercased: the term patterns are matched folded
    grouped = with_groups(docs, by).with_columns(
        term_text(pl.col("text").fill_null("")).str.to_lowercase().alias("_read")
    )
    text = pl.col("_read")
    masked = exclude_pattern(list(exclude_terms))
    if masked is not None:
        text = text.str.replace_all(folded(masked), " ")
    lang = pl.col("lang").fill_null("und") if "lang" in docs.columns else pl.lit("und")

    def counted(spec: dict[str, Any]) -> pl.Expr:
        unless = except_pattern(spec)
        framed = text if unless is None else text.str.replace_all(folded(unless), " ")

        def count(terms: list[str]) -> pl.Expr:
            return framed.str.count_matches(folded(term_pattern(terms))) if terms else pl.lit(0)

        if not compared.across:
            return count(spec["terms"])
        expr = pl.when(pl.lit(False)).then(pl.lit(0))
        for lg, terms in spec["terms_by_language"].items():
            expr = expr.when(lang == lg).then(count(terms))
        return expr.otherwise(pl.lit(0))

    per_doc = grouped.select(
        "group", "n_words", *[counted(spec).alias(name) for name, spec in frames.items()]
    )
    out = _rates(per_doc, list(frames), seed=seed, n_boot=n_boot, min_group_docs=min_group_docs)
    labels = {name: spec.get("label", name) for name, spec in frames.items()}
    return out.rename({"measure": "frame"}).with_columns(
        label=pl.col("frame").replace_strict(labels, return_dtype=pl.String),
        comparison=pl.lit(compared.kind),
    )


def stance(
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    markers: dict[str, list[str]] | None = None,
    seed: int = SEED,
    n_boot: int = N_BOOT,
    min_group_docs: int = MIN_GROUP_DOCS,
) -> pl.DataFrame:
    """We/our against they/the West, and evaluative words, per 1,000 words per group; plus
    ``sentiment``: VADER's mean compound score of the group's sentences, with an interval."""
    markers = markers or lexicon("stance")
    grouped = with_groups(docs, by)
    # once, lowercased: the patterns are matched folded
    read = grouped.select(term_text(pl.col("text").fill_null("")).str.to_lowercase()).to_series()
    per_doc = grouped.select(
        "group",
        "n_words",
        *[
            read.str.count_matches(folded(term_pattern(terms))).alias(name)
            for name, terms in markers.items()
        ],
    )
    rates = _rates(per_doc, list(markers), seed=seed, n_boot=n_boot, min_group_docs=min_group_docs)
    mood = _sentiment(grouped, seed=seed, n_boot=n_boot, min_group_docs=min_group_docs)
    return pl.concat([rates, mood], how="diagonal")


def _sentiment(grouped: pl.DataFrame, *, seed: int, n_boot: int, min_group_docs: int):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from toolkit.segment import split_sentences

    analyzer = SentimentIntensityAnalyzer()
    rows = []
    rng = np.random.default_rng(seed)
    for key, g in grouped.sort("group").group_by("group", maintain_order=True):
        scores = []
        for text in g["text"].fill_null("").to_list():
            for para in text.split("\n\n"):
                scores += [analyzer.polarity_scores(s)["compound"] for s in split_sentences(para)]
        s = np.asarray(scores)
        if s.size >= 2:
            boots = rng.choice(s, size=(min(n_boot, max(100, 2_000_000 // s.size)), s.size))
            low, high = np.percentile(boots.mean(axis=1), [2.5, 97.5])
        else:
            low = high = float("nan")
        rows.append({"group": key[0], "measure": "sentiment", "n_docs": g.height,
                     "n_words": int(g["n_words"].sum()), "n_sentences": int(s.size),
                     "mean": _r(float(s.mean())) if s.size else None,
                     "ci_low": _r(low), "ci_high": _r(high)})  # fmt: skip
    schema = {"group": pl.String, "measure": pl.String, "n_docs": pl.Int64, "n_words": pl.Int64,
              "n_sentences": pl.Int64, "mean": pl.Float64, "ci_low": pl.Float64,
              "ci_high": pl.Float64}  # fmt: skip
    return pl.DataFrame(rows, schema=schema).with_columns(flag_small("n_docs", min_group_docs))


# ---------------------------------------------------------------- attribution


def quote_share(docs: pl.DataFrame, *, by: str = "outlet", seed: int = SEED, n_boot: int = N_BOOT,
                min_group_docs: int = MIN_GROUP_DOCS) -> pl.DataFrame:  # fmt: skip
    """The share of each group's text (characters) inside quotation marks, with an interval."""
    per_doc = with_groups(docs, by).select(
        "group",
        n_words=pl.col("text").fill_null("").str.len_chars(),  # characters stand in for words
        quoted=pl.col("text")
        .fill_null("")
        .str.extract_all(QUOTES)
        .list.eval(pl.element().str.len_chars())
        .list.sum()
        .fill_null(0),
    )
    out = _rates(per_doc, ["quoted"], seed=seed, n_boot=n_boot, min_group_docs=min_group_docs)
    return out.select(
        "group",
        "n_docs",
        chars=pl.col("n_words"),
        quoted_chars=pl.col("matches"),
        share=(pl.col("per_1000") / 1000).round(4),
        ci_low=(pl.col("ci_low") / 1000).round(4),
        ci_high=(pl.col("ci_high") / 1000).round(4),
        small_n=pl.col("small_n"),
    )


def attribution(
    docs: pl.DataFrame,
    *,
    by: str = "outlet",
    lexicon_: dict[str, Any] | None = None,
    min_group_docs: int = MIN_GROUP_DOCS,
) -> pl.DataFrame:
    """Who is quoted or paraphrased, and with which reporting verb: :func:`toolkit.quotes`'s
    attributions (speaker, verb and quote linked, speakers found in the text) counted per group,
    speaker and verb, with the group's sentences, documents and ``small_n``. ``lexicon_`` is an
    optional alias table (``{"speakers": {canonical: [forms]}}``, as
    ``toolkit/lexicons/attribution.yaml``) that merges the names of one speaker."""
    from toolkit.quote_tables import by_group
    from toolkit.quotes import quotes
    from toolkit.segment import segment

    aliases = (lexicon_ or {}).get("speakers")
    found = quotes(docs.select("doc_id", "text", *(["title"] if "title" in docs.columns else [])),
                   aliases=aliases)  # fmt: skip
    sentences = segment(with_groups(docs, by).select("doc_id", "group", "text"), "sentence")
    totals = sentences.group_by("group").agg(n_sentences=pl.len().cast(pl.Int64))
    return (
        by_group(found, docs, by=by, min_group_docs=min_group_docs)
        .rename({"attributions": "sentences"})
        .join(totals, on="group")
        .with_columns(
            per_1000_sentences=(1000 * pl.col("sentences") / pl.col("n_sentences")).round(3)
        )
    )


# ---------------------------------------------------------------- concordance


def slug(term: str) -> str:
    """A file-name-safe form of a search term: ``sanction*`` -> ``sanction_``."""
    return re.sub(r"\W+", "_", term.lower()).strip("_") or "term"


def concordance(
    docs: pl.DataFrame, term: str, *, by: str = "outlet", window: int = 8, limit: int = 10
) -> pl.DataFrame:
    """Keyword in context: up to ``limit`` hits of ``term`` per group, with ``window`` words
    either side (whole words, case-insensitive; a trailing ``*`` matches any ending): the
    lines :func:`toolkit.evidence.kwic` gives, with each one's group, by group and document."""
    lines = kwic(docs, [term], by=by, window=window, per_key=limit)
    groups = with_groups(docs.select("doc_id", by), by).select(
        pl.col("doc_id").cast(pl.String), "group"
    )
    return (
        lines.join(groups, on="doc_id", how="left", maintain_order="left")
        .select("group", "doc_id", "left", "match", "right")
        .sort("group", "doc_id", maintain_order=True)
    )
