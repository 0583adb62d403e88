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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.errors import ToolkitError
from toolkit.params import SECTIONS
from toolkit.stats import flag_small, wilson
from toolkit.trends import category_share

__all__ = [
    "DEFAULT_OPTIONS",
    "OUTLIER",
    "CachedUMAP",
    "TopicResult",
    "article_topics",
    "bertopic_figure",
    "default_hdbscan",
    "default_umap",
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

    ``reducer`` builds the model from ``params`` (default ``umap.UMAP``); another one (a fake
    in tests) is named in the cache key, so its reductions never pass for UMAP's.
    """

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        *,
        reducer: Callable[..., Any] | None = None,
        **params: Any,
    ):
        self.params = params
        self.reducer = reducer
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.model: Any = None
        self._key: str | None = None
        self.embedding_: np.ndarray | None = None
        self.cache_hit = False

    def _hash(self, x: np.ndarray) -> str:
        digest = hashlib.sha256(np.ascontiguousarray(x, dtype=np.float32).tobytes())
        digest.update(json.dumps(self.params, sort_keys=True, default=str).encode())
        if self.reducer is not None:
            digest.update(f"{self.reducer.__module__}.{self.reducer.__qualname__}".encode())
        return digest.hexdigest()[:24]

    def fit_transform(self, x: np.ndarray, y: Any = None) -> np.ndarray:
        key = self._hash(x)
        path = self.cache_dir / f"umap-{key}.npy" if self.cache_dir else None
        if path is not None and path.is_file():
            reduced, self.cache_hit = np.load(path), True
        else:
            self.model = self._build()
            reduced = self.model.fit_transform(x).astype(np.float32)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, reduced)
        self._key, self.embedding_ = key, reduced
        return reduced

    def _build(self) -> Any:
        if self.reducer is not None:
            return self.reducer(**self.params)
        from umap import UMAP

        return UMAP(**self.params)

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


def default_umap(
    settings: dict[str, Any],
    seed: int,
    cache_dir: str | Path | None = None,
    *,
    reducer: Callable[..., Any] | None = None,
) -> CachedUMAP:
    """Today's UMAP: sized by :func:`sizes`, seeded, cosine, on one thread, cached on disk
    (``reducer``: see :class:`CachedUMAP`)."""
    return CachedUMAP(
        Path(cache_dir) if cache_dir else None,
        reducer=reducer,
        n_neighbors=settings["n_neighbors"],
        n_components=settings["n_components"],
        min_dist=0.0,
        metric="cosine",
        init=settings["init"],
        random_state=seed,
        n_jobs=1,  # a seeded UMAP runs on one thread: it is what makes it reproducible
        low_memory=True,
    )


def default_hdbscan(settings: dict[str, Any]) -> Any:
    """Today's HDBSCAN: sized by :func:`sizes`, excess-of-mass, with prediction data."""
    from hdbscan import HDBSCAN

    return HDBSCAN(
        min_cluster_size=settings["min_topic_size"],
        min_samples=settings["min_samples"],
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=True,
    )


def _sizes(n: int, opts: dict[str, Any]) -> dict[str, Any]:
    return sizes(
        n,
        n_neighbors=opts.get("n_neighbors"),
        n_components=opts.get("n_components", 5),
        min_topic_size=opts.get("min_topic_size"),
    )


def _vectorizer(opts: dict[str, Any], n: int):
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        stop_words=opts["stop_words"],
        ngram_range=(1, opts["ngram_max"]),
        min_df=1 if n < 1000 else 2,
    )


def _representation(opts: dict[str, Any], seed: int):
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance

    return {
        "keybert": lambda: KeyBERTInspired(top_n_words=opts["top_n_words"], random_state=seed),
        "mmr": lambda: MaximalMarginalRelevance(diversity=opts["mmr_diversity"]),
        "none": lambda: None,
    }[opts["representation"]]()


def _ctfidf():
    from bertopic.vectorizers import ClassTfidfTransformer

    return ClassTfidfTransformer(reduce_frequent_words=True)


def _bertopic(opts: dict[str, Any], parts: dict[str, Any]):
    """BERTopic from its parts: embedding_model, umap_model, hdbscan_model, vectorizer_model,
    representation_model."""
    from bertopic import BERTopic

    return BERTopic(
        **parts,
        ctfidf_model=_ctfidf(),
        top_n_words=opts["top_n_words"],
        nr_topics=opts["nr_topics"],
        calculate_probabilities=False,
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
) -> TopicResult:
    """Fit BERTopic on ``units`` (a frame with ``text``) and their ``embeddings``.

    Options (all optional): ``min_units`` (20: fewer units are not clustered), ``n_neighbors``,
    ``n_components``, ``min_topic_size`` (scaled from the corpus when None), ``representation``
    ("keybert" | "mmr" | "none"), ``mmr_diversity``, ``top_n_words``, ``ngram_max``,
    ``stop_words``, ``nr_topics``, ``reduce_outliers`` (bool).

    The heavy and random parts are injected; each defaults to today's when not given:
    ``embedding_model`` (what KeyBERT-style words are embedded with: a BERTopic backend or a
    SentenceTransformer; default the bundled model), ``umap_model`` (:func:`default_umap`,
    seeded with ``seed`` and cached under ``cache_dir``) and ``hdbscan_model``
    (:func:`default_hdbscan`). Nothing seeds global random state.
    """
    opts = {**DEFAULT_OPTIONS, **(options or {})}
    n = units.height
    if embeddings.shape[0] != n:
        raise ToolkitError(f"{embeddings.shape[0]} embeddings for {n} units")
    base = units.with_columns(topic=pl.lit(OUTLIER, pl.Int64), probability=pl.lit(None, pl.Float64))
    if n < opts["min_units"]:
        return TopicResult(
            "too_few_units",
            f"{n} units is fewer than min_units={opts['min_units']}: too few to cluster, so no "
            "topics were fitted",
            {"units": n},
            base,
        )
    sized = _sizes(n, opts)
    umap = umap_model if umap_model is not None else default_umap(sized, seed, cache_dir)
    parts = {
        "embedding_model": embedding_model if embedding_model is not None else _default_embedder(),
        "umap_model": umap,
        "hdbscan_model": hdbscan_model if hdbscan_model is not None else default_hdbscan(sized),
        "vectorizer_model": _vectorizer(opts, n),
        "representation_model": _representation(opts, seed),
    }
    model = _bertopic(opts, parts)
    texts = units["text"].to_list()
    topics, probs = model.fit_transform(texts, embeddings=embeddings)
    topics = np.asarray(topics, dtype=np.int64)
    settings = {**sized, "units": n, "seed": seed,
                "umap_cache_hit": bool(getattr(umap, "cache_hit", False)),
                "representation": opts["representation"], "ngram_range": [1, opts["ngram_max"]],
                "reduce_frequent_words": True}  # fmt: skip
    given = (("umap_model", umap_model), ("hdbscan_model", hdbscan_model))
    injected = [name for name, part in given if part is not None]
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
        ctfidf_model=_ctfidf(),
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


# fit_topics' options and their defaults: the `topics` section of toolkit.params, one source
_FIT_KEYS = ("min_units", "n_neighbors", "n_components", "min_topic_size", "representation",
             "mmr_diversity", "top_n_words", "ngram_max", "stop_words", "nr_topics",
             "reduce_outliers")  # fmt: skip
DEFAULT_OPTIONS: dict[str, Any] = {k: SECTIONS["topics"][k].default for k in _FIT_KEYS}


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
    with Wilson intervals, and how many units were left out for having no full date.

    :func:`toolkit.trends.category_share` of ``topic``, keeping the periods that have units,
    with the units per period as ``n_units``.
    """
    left_out = units.filter(pl.col("published").is_null()).height
    table = (
        category_share(units, "topic", period=period)
        .filter(pl.col("n") > 0)
        .select(
            "period",
            pl.col("n").cast(pl.UInt32).alias("n_units"),  # the type pl.len() gave it before
            "topic",
            "k",
            "share",
            "ci_low",
            "ci_high",
        )
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
    clustering: Callable[[int], tuple[Any, Any]] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Refit the clustering (UMAP + HDBSCAN) with other seeds and compare with ``result``.

    Returns (per run: seed, adjusted Rand index against the main fit, topics found), and (per
    topic: mean and lowest best-match Jaccard of its units across the refits). A topic that
    comes back under every seed scores near 1; one that dissolves, near 0.

    ``clustering`` gives the (UMAP, HDBSCAN) pair for a seed; by default
    :func:`default_umap` and :func:`default_hdbscan`, sized as :func:`fit_topics` sizes them.
    """
    from sklearn.metrics import adjusted_rand_score

    opts = {**DEFAULT_OPTIONS, **(options or {})}
    main = result.units["topic"].to_numpy()
    runs: list[dict[str, Any]] = []
    best: dict[int, list[float]] = {t: [] for t in sorted(set(main.tolist()) - {OUTLIER})}
    sized = _sizes(units.height, opts)
    clustering = clustering or (
        lambda s: (default_umap(sized, s, cache_dir), default_hdbscan(sized))
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
