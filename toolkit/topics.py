"""Topic modelling with BERTopic: offline, seeded, sized from the corpus, honest when small.

Defaults, each overridable through the ``topics`` section of a parameter set:

- embeddings from the run's cache (the bundled all-MiniLM-L6-v2, or a local model);
- English stop words and 1-2-grams in the vectorizer; ``ClassTfidfTransformer`` with
  ``reduce_frequent_words=True``; a KeyBERTInspired (or MMR) representation;
- UMAP and HDBSCAN seeded and sized from the number of units (:func:`sizes`); the UMAP reduction
  is cached by embeddings, settings and seed, so a warm rerun skips it.

Too few units to cluster is reported as such (:attr:`TopicResult.status`), never papered over.

Example:
    >>> from toolkit.topics import fit_topics
    >>> result = fit_topics(texts, embeddings, seed=42, embedding_model=st)   # doctest: +SKIP
    >>> result.topic_table()                                                 # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.errors import ToolkitError
from toolkit.options import option, specs
from toolkit.resources import PERIODS, TOPIC_TOKEN_PATTERN
from toolkit.stats import flag_small, wilson

__all__ = [
    "DEFAULT_OPTIONS",
    "OUTLIER",
    "CachedUMAP",
    "TopicOptions",
    "TopicResult",
    "article_topics",
    "bertopic_figure",
    "fit_topics",
    "group_shares",
    "over_time",
    "save_model",
    "sizes",
    "stability",
    "window_report",
]

log = logging.getLogger("toolkit")

OUTLIER = -1


@dataclass(frozen=True)
class TopicOptions:
    """The topics notebook's options (the ``topics`` section of a parameter set)."""

    min_units: int = option(
        20, "fewer units than this are not clustered (the notebook says so)", minimum=1
    )
    min_topic_size: int | None = option(
        None, "HDBSCAN min cluster size; null scales it", types=(int, type(None)), minimum=2
    )
    n_neighbors: int | None = option(
        None, "UMAP neighbours; null scales them", types=(int, type(None)), minimum=2
    )
    n_components: int = option(5, "UMAP dimensions", minimum=1)
    representation: str = option("keybert", "topic words", choices=("keybert", "mmr", "none"))
    mmr_diversity: float = option(
        0.3, "diversity of MMR topic words", types=(float,), minimum=0, maximum=1
    )
    top_n_words: int = option(10, "words per topic", minimum=1)
    ngram_max: int = option(2, "longest n-gram in the vectorizer", minimum=1)
    stop_words: str | None = option(
        "english", "stop word list (scikit-learn's)", types=(str, type(None))
    )
    nr_topics: int | str | None = option(
        None, "merge to this many topics, or 'auto'", types=(int, str, type(None)), minimum=1
    )
    reduce_outliers: bool = option(False, "reassign outliers to their nearest topic")
    stability_runs: int = option(3, "refits with other seeds to measure topic stability", minimum=0)
    period: str = option("month", "period for topics over time", choices=tuple(PERIODS))
    passages: int = option(3, "representative passages shown per topic", minimum=0)


# fit_topics' and stability's options (the rest of TopicOptions is for the notebook)
_FIT_KEYS = ("min_units", "n_neighbors", "n_components", "min_topic_size", "representation",
             "mmr_diversity", "top_n_words", "ngram_max", "stop_words", "nr_topics",
             "reduce_outliers")  # fmt: skip
DEFAULT_OPTIONS: dict[str, Any] = {
    s.name: s.default for s in specs(TopicOptions) if s.name in _FIT_KEYS
}


def sizes(
    n_units: int,
    *,
    n_neighbors: int | None = None,
    n_components: int = 5,
    min_topic_size: int | None = None,
) -> dict[str, Any]:
    """UMAP and HDBSCAN sizes scaled to the number of units (unless given).

    ``n_neighbors`` ~ sqrt(n) within 2..15, ``min_topic_size`` ~ sqrt(n)/2 within 3..100, so
    sixty seed paragraphs make topics of four or more, and 10^5 headlines topics of a hundred.
    """
    root = float(np.sqrt(max(n_units, 1)))
    nn = n_neighbors or int(np.clip(round(root), 2, 15))
    mts = min_topic_size or int(np.clip(round(root / 2), 3, 100))
    return {
        "n_neighbors": max(2, min(nn, n_units - 1)),
        "n_components": max(2, min(n_components, n_units - 2)),
        "min_topic_size": mts,
        "min_samples": max(1, mts // 3),
        "init": "spectral" if n_units >= 100 else "random",  # spectral is unstable on tiny graphs
    }


def window_report(texts: list[str], model: str | Path | None = None) -> dict[str, Any]:
    """How many units are longer than the model reads (its ``max_seq_length`` in tokens);
    the model silently truncates them, so a reader must be told."""
    from toolkit.embed import token_lengths

    lengths, limit = token_lengths(texts, model)
    over = int((lengths > limit).sum())
    return {
        "units": len(texts),
        "max_tokens": limit,
        "over_window": over,
        "share_over_window": round(over / len(texts), 4) if texts else 0.0,
        "median_tokens": int(np.median(lengths)) if texts else 0,
        "longest_tokens": int(lengths.max()) if texts else 0,
    }


class CachedUMAP:
    """UMAP whose reduction of a given embedding matrix is kept on disk, keyed by the matrix,
    the settings and the seed: reruns and stability refits on the same embeddings skip the
    slowest step. ``transform`` of new data needs the fitted model (a fresh fit, not a cache hit).
    """

    def __init__(self, cache_dir: str | Path | None = None, **params: Any):
        self.params = params
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.model: Any = None
        self._key: str | None = None
        self.embedding_: np.ndarray | None = None
        self.cache_hit = False

    def _hash(self, x: np.ndarray) -> str:
        digest = hashlib.sha256(np.ascontiguousarray(x, dtype=np.float32).tobytes())
        digest.update(json.dumps(self.params, sort_keys=True, default=str).encode())
        return digest.hexdigest()[:24]

    def fit_transform(self, x: np.ndarray, y: Any = None) -> np.ndarray:
        key = self._hash(x)
        path = self.cache_dir / f"umap-{key}.npy" if self.cache_dir else None
        if path is not None and path.is_file():
            reduced, self.cache_hit = np.load(path), True
        else:
            from umap import UMAP

            self.model = UMAP(**self.params)
            reduced = self.model.fit_transform(x).astype(np.float32)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, reduced)
        self._key, self.embedding_ = key, reduced
        return reduced

    def fit(self, x: np.ndarray, y: Any = None) -> CachedUMAP:
        self.fit_transform(x, y)
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        if self._key is not None and self._hash(x) == self._key:
            return self.embedding_
        if self.model is None:
            raise ToolkitError(
                "the UMAP reduction came from the cache; transforming new documents needs a "
                "fresh fit (delete outputs/.cache/umap or fit without a cache)"
            )
        return self.model.transform(x)

    def __repr__(self) -> str:
        return f"CachedUMAP({self.params})"


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
        if self.model is None:
            return pl.DataFrame(
                schema={"topic": pl.Int64, "size": pl.Int64, "label": pl.String,
                        "top_terms": pl.String, "representative": pl.List(pl.String)}
            )  # fmt: skip
        rows = []
        sizes_ = dict(self.units.group_by("topic").len().iter_rows())
        for t in sorted(sizes_):
            terms = [w for w, _ in (self.model.get_topic(t) or [])][:10]
            docs = (self.model.get_representative_docs(t) or []) if t != OUTLIER else []
            label = "outliers" if t == OUTLIER else f"{t}: " + ", ".join(terms[:3])
            rows.append(
                {
                    "topic": t,
                    "size": sizes_[t],
                    "label": label,
                    "top_terms": ", ".join(terms),
                    "representative": [_clip(d) for d in docs[:passages]],
                }
            )
        return pl.DataFrame(rows, schema={"topic": pl.Int64, "size": pl.Int64,
                                          "label": pl.String, "top_terms": pl.String,
                                          "representative": pl.List(pl.String)})  # fmt: skip

    def labels(self) -> dict[int, str]:
        return dict(self.topic_table().select("topic", "label").iter_rows())


def _clip(text: str, n: int = 300) -> str:
    return text if len(text) <= n else text[: n - 3] + "..."


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)


def _clustering(n: int, opts: dict[str, Any], seed: int, cache_dir: Path | None):
    from hdbscan import HDBSCAN

    s = sizes(
        n,
        n_neighbors=opts.get("n_neighbors"),
        n_components=opts.get("n_components", 5),
        min_topic_size=opts.get("min_topic_size"),
    )
    umap = CachedUMAP(
        cache_dir,
        n_neighbors=s["n_neighbors"],
        n_components=s["n_components"],
        min_dist=0.0,
        metric="cosine",
        init=s["init"],
        random_state=seed,
        n_jobs=1,  # a seeded UMAP runs on one thread: it is what makes it reproducible
        low_memory=True,
    )
    hdb = HDBSCAN(
        min_cluster_size=s["min_topic_size"],
        min_samples=s["min_samples"],
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=True,
    )
    return s, umap, hdb


def fit_topics(
    units: pl.DataFrame,
    embeddings: np.ndarray,
    *,
    seed: int,
    embedding_model: Any,
    options: dict[str, Any] | None = None,
    cache_dir: str | Path | None = None,
) -> TopicResult:
    """Fit BERTopic on ``units`` (a frame with ``text``) and their ``embeddings``.

    Options (all optional): ``min_units`` (20: fewer units are not clustered), ``n_neighbors``,
    ``n_components``, ``min_topic_size`` (scaled from the corpus when None), ``representation``
    ("keybert" | "mmr" | "none"), ``mmr_diversity``, ``top_n_words``, ``ngram_max``,
    ``stop_words``, ``nr_topics``, ``reduce_outliers`` (bool).
    """
    opts = {**DEFAULT_OPTIONS, **(options or {})}
    n = units.height
    if embeddings.shape[0] != n:
        raise ToolkitError(f"{embeddings.shape[0]} embeddings for {n} units")
    cache = Path(cache_dir) if cache_dir else None
    base = units.with_columns(topic=pl.lit(OUTLIER, pl.Int64), probability=pl.lit(None, pl.Float64))
    if n < opts["min_units"]:
        return TopicResult(
            "too_few_units",
            f"{n} units is fewer than min_units={opts['min_units']}: too few to cluster, so no "
            "topics were fitted",
            {"units": n},
            base,
        )
    from bertopic import BERTopic
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    settings, umap, hdb = _clustering(n, opts, seed, cache)
    representation = {
        "keybert": lambda: KeyBERTInspired(top_n_words=opts["top_n_words"], random_state=seed),
        "mmr": lambda: MaximalMarginalRelevance(diversity=opts["mmr_diversity"]),
        "none": lambda: None,
    }[opts["representation"]]()
    vectorizer = CountVectorizer(
        token_pattern=TOPIC_TOKEN_PATTERN,
        stop_words=opts["stop_words"],
        ngram_range=(1, opts["ngram_max"]),
        min_df=1 if n < 1000 else 2,
    )
    model = BERTopic(
        embedding_model=embedding_model,
        umap_model=umap,
        hdbscan_model=hdb,
        vectorizer_model=vectorizer,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        representation_model=representation,
        top_n_words=opts["top_n_words"],
        nr_topics=opts["nr_topics"],
        calculate_probabilities=False,
    )
    texts = units["text"].to_list()
    _seed_everything(seed)
    topics, probs = model.fit_transform(texts, embeddings=embeddings)
    topics = np.asarray(topics, dtype=np.int64)
    settings = {**settings, "units": n, "seed": seed, "umap_cache_hit": umap.cache_hit,
                "representation": opts["representation"], "ngram_range": [1, opts["ngram_max"]],
                "reduce_frequent_words": True}  # fmt: skip
    before = float((topics == OUTLIER).mean())
    outliers = {"share_before": round(before, 4), "reduced": bool(opts["reduce_outliers"])}
    if len(set(topics.tolist()) - {OUTLIER}) == 0:
        return TopicResult(
            "no_topics",
            f"HDBSCAN found no cluster among {n} units (min_topic_size="
            f"{settings['min_topic_size']}): every unit is an outlier",
            settings,
            base,
            model,
            outliers,
        )
    if opts["reduce_outliers"] and before > 0:
        _seed_everything(seed)
        new = np.asarray(
            model.reduce_outliers(texts, topics.tolist(), strategy="embeddings",
                                  embeddings=embeddings),
            dtype=np.int64,
        )  # fmt: skip
        model.update_topics(
            texts, topics=new.tolist(), vectorizer_model=vectorizer,
            ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
            representation_model=representation, top_n_words=opts["top_n_words"],
        )  # fmt: skip
        outliers |= {"share_after": round(float((new == OUTLIER).mean()), 4),
                     "reassigned": int((new != topics).sum())}  # fmt: skip
        topics = new
    assigned = units.with_columns(
        topic=pl.Series(topics),
        probability=pl.Series(np.round(np.asarray(probs, dtype=np.float64), 4))
        if probs is not None
        else pl.lit(None, pl.Float64),
    )
    return TopicResult("ok", "", settings, assigned, model, outliers)


def bertopic_figure(model: Any, kind: str) -> tuple[Any, str]:
    """One of BERTopic's figures ("barchart", "topics": the intertopic map, "hierarchy"), or
    (None, why) when the model has too few topics to draw it."""
    n = len([t for t in model.get_topics() if t != OUTLIER])
    needs = {"barchart": 1, "topics": 3, "hierarchy": 2}[kind]
    if n < needs:
        return None, f"{n} topic(s); this view needs at least {needs}"
    try:
        if kind == "barchart":
            return model.visualize_barchart(top_n_topics=min(n, 12), n_words=8), ""
        if kind == "topics":
            return model.visualize_topics(), ""
        return model.visualize_hierarchy(), ""
    except (ValueError, TypeError, IndexError) as e:  # BERTopic's limits on small models
        return None, f"BERTopic could not draw it: {e}"


def save_model(result: TopicResult, folder: Path, model_path: Path | None) -> Path:
    """Save the fitted model with safetensors (topic embeddings, c-TF-IDF, config), pointing to
    the embedding model by path rather than copying it."""
    from toolkit.embed import model_info

    folder.mkdir(parents=True, exist_ok=True)
    result.model.save(
        str(folder),
        serialization="safetensors",
        save_ctfidf=True,
        save_embedding_model=model_info(model_path).path,
    )
    return folder


def article_topics(units: pl.DataFrame) -> pl.DataFrame:
    """Units' topics aggregated to their articles: the dominant topic (most units, outliers
    aside; ties to the lower id), its share of the article's units, and the unit counts."""
    counted = (
        units.filter(pl.col("topic") != OUTLIER)
        .group_by("doc_id", "topic")
        .len()
        .sort(["doc_id", "len", "topic"], descending=[False, True, False])
    )
    dominant = counted.group_by("doc_id", maintain_order=True).first()
    totals = units.group_by("doc_id").agg(
        units=pl.len(), outlier_units=(pl.col("topic") == OUTLIER).sum().cast(pl.Int64)
    )
    return (
        totals.join(dominant.rename({"len": "topic_units"}), on="doc_id", how="left")
        .with_columns(
            topic=pl.col("topic").fill_null(OUTLIER),
            topic_share=(pl.col("topic_units").fill_null(0) / pl.col("units")).round(4),
        )
        .drop("topic_units")
        .sort("doc_id")
    )


def group_shares(
    units: pl.DataFrame, *, by: str = "outlet", min_group_docs: int = 5
) -> pl.DataFrame:
    """Share of each group's units in each topic, with Wilson 95% intervals, the group's units
    and documents, and ``small_n`` where the group has fewer than ``min_group_docs`` documents."""
    labelled = units.with_columns(pl.col(by).cast(pl.String).fill_null("(unknown)"))
    groups = labelled.group_by(by).agg(n_units=pl.len(), n_docs=pl.col("doc_id").n_unique())
    topics = labelled.select("topic").unique()
    counts = labelled.group_by(by, "topic").agg(k=pl.len())
    return (
        groups.join(topics, how="cross")
        .join(counts, on=[by, "topic"], how="left")
        .with_columns(pl.col("k").fill_null(0).cast(pl.Int64))
        .with_columns(*wilson("k", "n_units"), flag_small("n_docs", min_group_docs))
        .sort(by, "topic")
    )


def over_time(units: pl.DataFrame, *, period: str = "month") -> tuple[pl.DataFrame, int]:
    """Each topic's share of each period's units (so uneven volumes do not skew the picture),
    with Wilson intervals, and how many units were left out for having no full date."""
    if period not in PERIODS:
        raise ToolkitError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    dated = units.filter(pl.col("published").is_not_null())
    left_out = units.height - dated.height
    bucketed = dated.with_columns(period=pl.col("published").dt.truncate(PERIODS[period]))
    totals = bucketed.group_by("period").agg(n_units=pl.len())
    topics = bucketed.select("topic").unique()
    counts = bucketed.group_by("period", "topic").agg(k=pl.len())
    table = (
        totals.join(topics, how="cross")
        .join(counts, on=["period", "topic"], how="left")
        .with_columns(pl.col("k").fill_null(0).cast(pl.Int64))
        .with_columns(*wilson("k", "n_units"))
        .sort("period", "topic")
    )
    return table, left_out


def stability(
    units: pl.DataFrame,
    embeddings: np.ndarray,
    result: TopicResult,
    *,
    seeds: list[int],
    options: dict[str, Any] | None = None,
    cache_dir: str | Path | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Refit the clustering (UMAP + HDBSCAN) with other seeds and compare with ``result``.

    Returns (per run: seed, adjusted Rand index against the main fit, topics found), and (per
    topic: mean and lowest best-match Jaccard of its units across the refits). A topic that
    comes back under every seed scores near 1; one that dissolves, near 0.
    """
    from sklearn.metrics import adjusted_rand_score

    opts = {**DEFAULT_OPTIONS, **(options or {})}
    main = result.units["topic"].to_numpy()
    runs: list[dict[str, Any]] = []
    best: dict[int, list[float]] = {t: [] for t in sorted(set(main.tolist()) - {OUTLIER})}
    for s in seeds:
        _, umap, hdb = _clustering(units.height, opts, s, Path(cache_dir) if cache_dir else None)
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
