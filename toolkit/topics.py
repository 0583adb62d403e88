"""Topic modelling with BERTopic: offline, seeded, sized from the corpus, honest when small.

Defaults, each overridable through the ``topics`` section of a parameter set:

- embeddings from the run's cache (the bundled all-MiniLM-L6-v2, or a local model);
- :mod:`toolkit.tokens`' terms of 1-2 words in the vectorizer, without the stop words of the
  corpus's languages and the user's ``stop_words`` and ``exclude_terms``;
  ``ClassTfidfTransformer`` with ``reduce_frequent_words=True``; a KeyBERTInspired (or MMR)
  representation, whose top phrases make each topic's label (:func:`topic_label`);
- UMAP and HDBSCAN seeded and sized from the number of units (:func:`sizes`); the UMAP reduction
  is cached by embeddings, settings and seed, so a warm rerun skips it.

Too few units to cluster is reported as such (:attr:`TopicResult.status`), never papered over.
The embedder, UMAP and HDBSCAN can be injected (:func:`fit_topics`); the parts are built in
:mod:`toolkit.topic_model` and the tables of fitted topics made in :mod:`toolkit.topic_tables`,
both re-exported here, and what the report keeps of a fit in :mod:`toolkit.topic_summary`.

Example:
    >>> from toolkit.topics import fit_topics
    >>> result = fit_topics(texts, embeddings, seed=42, embedding_model=st)   # doctest: +SKIP
    >>> result.topic_table()                                                 # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.article_text import with_titles
from toolkit.errors import ToolkitError
from toolkit.options import option, specs
from toolkit.resources import PERIODS
from toolkit.topic_figures import BARCHART_TOPICS, bertopic_figure
from toolkit.topic_labels import model_labels, model_terms, topic_label
from toolkit.topic_model import (
    OUTLIER,
    CachedUMAP,
    bertopic_model,
    compile_ahead,
    compiled_cache,
    ctfidf,
    default_hdbscan,
    default_umap,
    representation,
    save_model,
    sizes,
    vectorizer,
)
from toolkit.topic_summary import FIGURES, TopicSummary, summarise
from toolkit.topic_tables import (
    article_topics,
    group_shares,
    language_topics,
    over_time,
    topic_passages,
)
from toolkit.topic_units import (
    LONG_UNIT_TOKENS,
    language_report,
    topic_units,
    window_report,
    with_words,
)

__all__ = [
    "BARCHART_TOPICS",
    "DEFAULT_OPTIONS",
    "FIGURES",
    "LONG_UNIT_TOKENS",
    "OUTLIER",
    "CachedUMAP",
    "TopicResult",
    "TopicSummary",
    "article_topics",
    "bertopic_figure",
    "compile_ahead",
    "compiled_cache",
    "default_hdbscan",
    "default_umap",
    "fit_topics",
    "group_shares",
    "language_report",
    "language_topics",
    "over_time",
    "save_model",
    "sizes",
    "stability",
    "summarise",
    "topic_label",
    "topic_passages",
    "topic_units",
    "window_report",
    "with_titles",
    "with_words",
]

log = logging.getLogger("toolkit")


@dataclass(frozen=True)
class TopicOptions:
    """The topics notebook's options (the ``topics`` section of a parameter set)."""

    min_units: int = option(
        20,
        "fewer units than this are not clustered (the notebook says so)",
        minimum=1,
        maximum=10**7,
    )
    min_topic_size: int | None = option(
        None,
        "HDBSCAN min cluster size; null scales it",
        types=(int, type(None)),
        minimum=2,
        maximum=10**6,
    )
    n_neighbors: int | None = option(
        None,
        "UMAP neighbours; null scales them",
        types=(int, type(None)),
        minimum=2,
        maximum=1000,
    )
    n_components: int = option(5, "UMAP dimensions", minimum=1, maximum=100)
    representation: str = option("keybert", "topic words", choices=("keybert", "mmr", "none"))
    mmr_diversity: float = option(
        0.3, "diversity of MMR topic words", types=(float,), minimum=0, maximum=1
    )
    top_n_words: int = option(10, "words per topic", minimum=1, maximum=1000)
    ngram_max: int = option(2, "longest n-gram in the vectorizer", minimum=1, maximum=5)
    stop_words: list = option(
        [], "your own stop words, added to the list of each language of the corpus"
    )
    exclude_terms: list = option(
        [], "terms left out of topic words: words or phrases, * for any letters"
    )
    nr_topics: int | str | None = option(
        None,
        "merge to this many topics, or 'auto'",
        types=(int, str, type(None)),
        choices=("auto",),
        minimum=1,
        maximum=10_000,
    )
    reduce_outliers: bool = option(False, "reassign outliers to their nearest topic")
    stability_runs: int = option(
        3, "refits with other seeds to measure topic stability", minimum=0, maximum=100
    )
    period: str = option("month", "period for topics over time", choices=tuple(PERIODS))
    topics_drawn: int = option(
        10,
        "topics drawn over time (the largest); the tables keep every topic",
        minimum=1,
        maximum=1000,
    )
    passages: int = option(3, "representative passages shown per topic", minimum=0, maximum=100)


# fit_topics' and stability's options (the rest of TopicOptions is for the notebook)
_FIT_KEYS = ("min_units", "n_neighbors", "n_components", "min_topic_size", "representation",
             "mmr_diversity", "top_n_words", "ngram_max", "stop_words", "exclude_terms",
             "nr_topics", "reduce_outliers")  # fmt: skip
DEFAULT_OPTIONS: dict[str, Any] = {
    s.name: s.default for s in specs(TopicOptions) if s.name in _FIT_KEYS
}


@dataclass
class TopicResult:
    """A fitted topic model and its per-unit assignments, or why there is none."""

    status: str  # ok | too_few_units | no_topics
    reason: str
    settings: dict[str, Any]
    units: pl.DataFrame  # the analysed units with ``topic`` and ``probability`` added
    model: Any = None
    outliers: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def n_topics(self) -> int:
        return self.units.filter(pl.col("topic") != OUTLIER)["topic"].n_unique() if self.ok else 0

    def topic_table(self, *, passages: int = 3) -> pl.DataFrame:
        """id, size, top terms, representative passages and a label for every topic (-1 is
        the outliers: units HDBSCAN put in no topic)."""
        schema = {"topic": pl.Int64, "size": pl.Int64, "label": pl.String,
                  "top_terms": pl.String, "representative": pl.List(pl.String),
                  "representative_units": pl.List(pl.String)}  # fmt: skip
        if self.model is None:
            return pl.DataFrame(schema=schema)
        rows = []
        sizes_ = dict(self.units.group_by("topic").len().iter_rows())
        labels = model_labels(self.model, (t for t in sizes_ if t != OUTLIER))
        for t in sorted(sizes_):
            terms = model_terms(self.model, t)
            docs = (self.model.get_representative_docs(t) or []) if t != OUTLIER else []
            docs = list(dict.fromkeys(docs))  # a passage several units share, shown once
            label = labels.get(t, "outliers")
            rows.append(
                {
                    "topic": t,
                    "size": sizes_[t],
                    "label": label,
                    "top_terms": ", ".join(terms),
                    "representative": [_clip(d) for d in docs[:passages]],
                    "representative_units": self._unit_ids(t, docs[:passages]),
                }
            )
        return pl.DataFrame(rows, schema=schema)

    def _unit_ids(self, topic: int, texts: list[str]) -> list[str]:
        """The ids of topic ``topic``'s units whose texts are ``texts`` (BERTopic gives its
        representative documents as texts), in their order; the first unit of a text written
        twice; none where the units have no ``unit_id``."""
        if "unit_id" not in self.units.columns:  # units given without ids: none to name
            return []
        mine = self.units.filter(pl.col("topic") == topic, pl.col("text").is_in(texts))
        first = dict(mine.select("text", pl.col("unit_id").cast(pl.String)).reverse().iter_rows())
        return [first[t] for t in texts if t in first]

    def labels(self) -> dict[int, str]:
        """Each topic's label ("3: lukashenko stressed, coordinates, belarus"; -1: "outliers")
        by its id, for legends and tables."""
        return dict(self.topic_table().select("topic", "label").iter_rows())


def _clip(text: str, n: int = 300) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."


def _sizes(n: int, opts: dict[str, Any]) -> dict[str, Any]:
    return sizes(
        n,
        n_neighbors=opts.get("n_neighbors"),
        n_components=opts.get("n_components", 5),
        min_topic_size=opts.get("min_topic_size"),
    )


def fit_topics(
    units: pl.DataFrame,
    embeddings: np.ndarray,
    *,
    seed: int,
    embedding_model: Any = None,
    umap_model: Any = None,
    hdbscan_model: Any = None,
    options: dict[str, Any] | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
) -> TopicResult:
    """Fit BERTopic on ``units`` (a frame with ``text``) and their ``embeddings``.

    Options (all optional): ``min_units`` (20: fewer units are not clustered), ``n_neighbors``,
    ``n_components``, ``min_topic_size`` (scaled from the corpus when None), ``representation``
    ("keybert" | "mmr" | "none"), ``mmr_diversity``, ``top_n_words``, ``ngram_max``,
    ``stop_words`` and ``exclude_terms`` (lists, added to the stop words of the units'
    languages), ``nr_topics``, ``reduce_outliers`` (bool).

    The heavy and random parts are injected, each built as today when None: ``embedding_model``
    (embeds KeyBERT-style topic words: a BERTopic backend or a SentenceTransformer; default the
    bundled model), ``umap_model`` (:func:`default_umap`: seeded with ``seed``, cached under
    ``cache_dir``), ``hdbscan_model`` (:func:`default_hdbscan`). No global random state is set.
    ``progress`` shows a text bar while the default UMAP and HDBSCAN fit.
    """
    opts = {**DEFAULT_OPTIONS, **(options or {})}
    n = units.height
    if embeddings.shape[0] != n:
        raise ToolkitError(f"{embeddings.shape[0]} embeddings for {n} units")
    base = units.with_columns(topic=pl.lit(OUTLIER, pl.Int64), probability=pl.lit(None, pl.Float64))
    if n < opts["min_units"]:
        reason = (f"{n} units is fewer than min_units={opts['min_units']}: too few to cluster, "
                  "so no topics were fitted")  # fmt: skip
        return TopicResult("too_few_units", reason, {"units": n}, base)
    sized = _sizes(n, opts)
    parts = _parts(opts, sized, units, seed, cache_dir, embedding_model, umap_model, hdbscan_model,
                   progress)  # fmt: skip
    model = bertopic_model(parts, top_n_words=opts["top_n_words"], nr_topics=opts["nr_topics"])
    texts = units["text"].to_list()
    topics, probs = model.fit_transform(texts, embeddings=embeddings)
    topics = np.asarray(topics, dtype=np.int64)
    settings = {**sized, "units": n, "seed": seed,
                "umap_cache_hit": bool(getattr(parts["umap_model"], "cache_hit", False)),
                "representation": opts["representation"], "ngram_range": [1, opts["ngram_max"]],
                "reduce_frequent_words": True}  # fmt: skip
    injected = [k for k, v in (("umap_model", umap_model), ("hdbscan_model", hdbscan_model))
                if v is not None]  # fmt: skip
    if injected:  # the sizes above describe the defaults, not an injected model
        settings["injected"] = injected
    before = float((topics == OUTLIER).mean())
    outliers = {"share_before": round(before, 4), "reduced": bool(opts["reduce_outliers"])}
    if len(set(topics.tolist()) - {OUTLIER}) == 0:
        reason = (f"HDBSCAN found no cluster among {n} units (min_topic_size="
                  f"{settings['min_topic_size']}): every unit is an outlier")  # fmt: skip
        return TopicResult("no_topics", reason, settings, base, model, outliers)
    if opts["reduce_outliers"] and before > 0:
        new = _reduce_outliers(model, texts, topics, embeddings, opts, parts)
        outliers |= {"share_after": round(float((new == OUTLIER).mean()), 4),
                     "reassigned": int((new != topics).sum())}  # fmt: skip
        topics = new
    return TopicResult("ok", "", settings, _assigned(units, topics, probs), model, outliers)


def _parts(
    opts: dict[str, Any],
    sized: dict[str, Any],
    units: pl.DataFrame,
    seed: int,
    cache_dir: str | Path | None,
    embedding_model: Any,
    umap_model: Any,
    hdbscan_model: Any,
    progress: bool = False,
) -> dict[str, Any]:
    """BERTopic's parts: the injected ones, and today's defaults for the others."""
    if embedding_model is None:
        embedding_model = _default_embedder()
    if umap_model is None:
        umap_model = default_umap(sized, seed, cache_dir, progress=progress)
    if hdbscan_model is None:
        hdbscan_model = default_hdbscan(sized, progress=progress)
    words = representation(opts["representation"], top_n_words=opts["top_n_words"],
                           mmr_diversity=opts["mmr_diversity"], seed=seed)  # fmt: skip
    vectorizer_model = vectorizer(units, ngram_max=opts["ngram_max"], stop_words=opts["stop_words"],
                                  exclude_terms=opts["exclude_terms"])  # fmt: skip
    return {
        "embedding_model": embedding_model,
        "umap_model": umap_model,
        "hdbscan_model": hdbscan_model,
        "vectorizer_model": vectorizer_model,
        "representation_model": words,
    }


def _default_embedder():
    from toolkit.embed import load_model, model_info

    return load_model(model_info(None).path)


def _reduce_outliers(
    model: Any,
    texts: list[str],
    topics: np.ndarray,
    embeddings: np.ndarray,
    opts: dict[str, Any],
    parts: dict[str, Any],
) -> np.ndarray:
    """Outliers reassigned to their nearest topic by embedding similarity (deterministic), and
    the topic words recomputed for the new assignments."""
    new = np.asarray(
        model.reduce_outliers(texts, topics.tolist(), strategy="embeddings", embeddings=embeddings),
        dtype=np.int64,
    )
    model.update_topics(
        texts,
        topics=new.tolist(),
        vectorizer_model=parts["vectorizer_model"],
        ctfidf_model=ctfidf(),
        representation_model=parts["representation_model"],
        top_n_words=opts["top_n_words"],
    )
    return new


def _assigned(units: pl.DataFrame, topics: np.ndarray, probs: Any) -> pl.DataFrame:
    return units.with_columns(
        topic=pl.Series(topics),
        probability=pl.Series(np.round(np.asarray(probs, dtype=np.float64), 4))
        if probs is not None
        else pl.lit(None, pl.Float64),
    )


def stability(
    units: pl.DataFrame,
    embeddings: np.ndarray,
    result: TopicResult | TopicSummary,
    *,
    seeds: list[int],
    options: dict[str, Any] | None = None,
    cache_dir: str | Path | None = None,
    clustering: Callable[[int], tuple[Any, Any]] | None = None,
    progress: bool = False,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Refit the clustering (UMAP + HDBSCAN) with other seeds and compare with ``result``.

    Returns (per run: seed, adjusted Rand index against the main fit, topics found), and (per
    topic: mean and lowest best-match Jaccard of its units across the refits). A topic that
    comes back under every seed scores near 1; one that dissolves, near 0.

    ``clustering`` gives the (UMAP, HDBSCAN) pair for a seed; by default
    :func:`default_umap` and :func:`default_hdbscan`, sized as :func:`fit_topics` sizes them
    (``progress``: with their bars).
    """
    from sklearn.metrics import adjusted_rand_score

    opts = {**DEFAULT_OPTIONS, **(options or {})}
    main = result.units["topic"].to_numpy()
    runs: list[dict[str, Any]] = []
    best: dict[int, list[float]] = {t: [] for t in sorted(set(main.tolist()) - {OUTLIER})}
    sized = _sizes(units.height, opts)
    clustering = clustering or (
        lambda s: (
            default_umap(sized, s, cache_dir, progress=progress),
            default_hdbscan(sized, progress=progress),
        )
    )
    for s in seeds:
        umap, hdb = clustering(s)
        labels = hdb.fit(umap.fit_transform(embeddings)).labels_
        runs.append({"seed": s, "ari": round(float(adjusted_rand_score(main, labels)), 4),
                     "topics": len(set(labels.tolist()) - {OUTLIER})})  # fmt: skip
        clusters = {c: set(np.flatnonzero(labels == c)) for c in set(labels.tolist()) - {OUTLIER}}
        for t in best:
            members = set(np.flatnonzero(main == t))
            scores = [len(members & c) / len(members | c) for c in clusters.values()]
            best[t].append(max(scores, default=0.0))
    per_topic = pl.DataFrame(
        [{"topic": t, "stability": round(float(np.mean(v)), 4) if v else None,
          "worst": round(float(np.min(v)), 4) if v else None} for t, v in best.items()],
        schema={"topic": pl.Int64, "stability": pl.Float64, "worst": pl.Float64},
    )  # fmt: skip
    run_schema = {"seed": pl.Int64, "ari": pl.Float64, "topics": pl.Int64}
    return pl.DataFrame(runs, schema=run_schema), per_topic
