"""The parts a topic model is built from: UMAP and HDBSCAN sized from the corpus and seeded, a
UMAP whose reductions are cached on disk, and the vectorizer, c-TF-IDF and representation that
turn clusters into topic words; and the fitted model's own figures and its saving.
:func:`toolkit.topics.fit_topics` builds today's defaults from these unless the parts are
injected.

Example:
    >>> from toolkit.topic_model import sizes
    >>> sizes(62)["min_topic_size"]
    4
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.cache import read_checked, write_atomic
from toolkit.errors import ToolkitError
from toolkit.progress import step
from toolkit.tokens import tokens_for

OUTLIER = -1  # HDBSCAN's label for a unit in no cluster; BERTopic's topic -1

__all__ = [
    "OUTLIER",
    "CachedUMAP",
    "bertopic_model",
    "compile_ahead",
    "compiled_cache",
    "ctfidf",
    "default_hdbscan",
    "default_umap",
    "representation",
    "save_model",
    "sizes",
    "step",
    "vectorizer",
]

NUMBA_CACHE = "NUMBA_CACHE_DIR"  # where numba keeps compiled code; read when numba is imported


def compiled_cache(folder: str | Path) -> Path:
    """Keep numba's compiled code (UMAP, pynndescent) in ``folder``, so a new process does not
    compile UMAP again (about 10 CPU-seconds here). ``toolkit run`` sets ``NUMBA_CACHE_DIR``
    for its notebooks' kernels; call this in an interactive session before anything imports
    numba (BERTopic, UMAP). A ``NUMBA_CACHE_DIR`` already set is kept; the folder in use is
    returned.

    Example:
        >>> from toolkit.topic_model import compiled_cache
        >>> compiled_cache("outputs/.cache/numba")                 # doctest: +SKIP
    """
    if "numba" in sys.modules:
        import numba

        if not numba.config.CACHE_DIR:
            numba.config.CACHE_DIR = str(folder)
        return Path(numba.config.CACHE_DIR)
    return Path(os.environ.setdefault(NUMBA_CACHE, str(folder)))


def compile_ahead(folder: str | Path, *, sizes_: tuple[int, ...] = (60, 4200)) -> Path:
    """Compile UMAP's and pynndescent's code into numba's cache ``folder`` once, at set-up
    (``make setup``), by fitting the default UMAP on random points of each size in
    ``sizes_`` (a kernel's first fit then reads the code instead of compiling it: about 30
    CPU-seconds). The sizes take both of UMAP's paths to neighbours: exact below 4,096
    points, pynndescent above. Nothing is fitted on data and no result is kept; compiled
    code depends on types, not values, so it is the code a run uses. Call it in a fresh
    process: numba reads ``NUMBA_CACHE_DIR`` when it is first imported.

    Example:
        >>> compile_ahead("outputs/.cache/numba")                 # doctest: +SKIP
    """
    folder = Path(folder).resolve()
    used = compiled_cache(folder)
    if used != folder:
        raise ToolkitError(
            f"numba already keeps its compiled code in {used}, not {folder}: call "
            "compile_ahead in a fresh process, before anything imports numba"
        )
    rng = np.random.default_rng(0)
    for n in sizes_:
        points = rng.normal(size=(n, 16)).astype(np.float32)
        umap = default_umap(sizes(n), seed=0)
        umap.params["n_epochs"] = 5  # the same code, a few epochs: types, not values, compile
        umap.fit_transform(points)
    return folder


def _cache_umap_code() -> None:
    """Have numba cache UMAP's compiled functions too (pynndescent marks its own; UMAP does not),
    when a cache folder is configured (:func:`compiled_cache`): the code is the same, compiled
    once per machine instead of once per process."""
    import numba
    from numba.core.caching import NullCache
    from numba.core.registry import CPUDispatcher

    if not numba.config.CACHE_DIR:
        return
    for name, module in list(sys.modules.items()):
        if name == "umap" or name.startswith("umap."):
            for value in list(vars(module).values()):
                if isinstance(value, CPUDispatcher) and isinstance(value._cache, NullCache):
                    value.enable_caching()


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


def _load_array(path: Path) -> np.ndarray:
    return np.load(path, allow_pickle=False)  # plain numbers only, never pickled objects


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
        progress: bool = False,
        **params: Any,
    ):
        self.params = params
        self.reducer = reducer
        self.progress = progress  # a bar while fitting; not part of the cache key
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
        # a damaged array (cut short, changed) is logged, dropped and computed again
        reduced = read_checked(path, _load_array) if path is not None else None
        if reduced is not None:
            self.cache_hit = True
        else:
            self.model = self._build()
            with step(f"reducing {x.shape[0]:,} embeddings (UMAP)", progress=self.progress):
                reduced = self.model.fit_transform(x).astype(np.float32)
            if path is not None:
                write_atomic(path, lambda tmp: np.save(tmp, reduced))
        self._key, self.embedding_ = key, reduced
        return reduced

    def _build(self) -> Any:
        if self.reducer is not None:
            return self.reducer(**self.params)
        from umap import UMAP

        _cache_umap_code()
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


def default_umap(
    settings: dict[str, Any],
    seed: int,
    cache_dir: str | Path | None = None,
    *,
    reducer: Callable[..., Any] | None = None,
    progress: bool = False,
) -> CachedUMAP:
    """Today's UMAP: sized by :func:`sizes`, seeded, cosine, on one thread, cached on disk
    (``reducer``: see :class:`CachedUMAP`; ``progress``: a bar while it fits)."""
    return CachedUMAP(
        Path(cache_dir) if cache_dir else None,
        reducer=reducer,
        progress=progress,
        n_neighbors=settings["n_neighbors"],
        n_components=settings["n_components"],
        min_dist=0.0,
        metric="cosine",
        init=settings["init"],
        random_state=seed,
        n_jobs=1,  # a seeded UMAP runs on one thread: it is what makes it reproducible
        low_memory=True,
    )


def default_hdbscan(settings: dict[str, Any], *, progress: bool = False) -> Any:
    """Today's HDBSCAN: sized by :func:`sizes`, excess-of-mass, with prediction data
    (``progress``: a bar while it fits)."""
    from hdbscan import HDBSCAN

    class ShownHDBSCAN(HDBSCAN):
        """HDBSCAN with a bar while it fits (the same clustering)."""

        def fit(self, X: Any, y: Any = None, **kwargs: Any) -> Any:
            with step(f"clustering {len(X):,} points (HDBSCAN)", progress=progress):
                return super().fit(X, y, **kwargs)

    return (ShownHDBSCAN if progress else HDBSCAN)(
        min_cluster_size=settings["min_topic_size"],
        min_samples=settings["min_samples"],
        metric="euclidean",
        cluster_selection_method="eom",
        prediction_data=True,
        core_dist_n_jobs=1,  # the same distances; its default starts 4 worker processes
    )


def vectorizer(
    units: pl.DataFrame,
    *,
    ngram_max: int,
    stop_words: list[str] | tuple[str, ...] = (),
    exclude_terms: list[str] | tuple[str, ...] = (),
) -> Any:
    """The vectorizer behind topic words: :mod:`toolkit.tokens`' terms of 1..``ngram_max``
    words, without the stop words of the units' languages (their ``lang`` column), the user's
    ``stop_words`` and ``exclude_terms``; terms in one unit only are dropped from a thousand
    units up."""
    from sklearn.feature_extraction.text import CountVectorizer

    tokens = tokens_for(units, stop_words=stop_words, exclude_terms=exclude_terms)
    return CountVectorizer(
        analyzer=RememberingAnalyzer(tokens.analyzer(ngram_max)),
        min_df=1 if units.height < 1000 else 2,
    )


class RememberingAnalyzer:
    """An analyzer that remembers the terms of the units it has read: BERTopic reads each
    topic's units again for its representative passages and its KeyBERT words, so each unit is
    tokenised once instead of three times. Long texts (a topic's units joined for c-TF-IDF) and
    units past ``most`` are not kept, so memory stays bounded; the terms are the same."""

    def __init__(self, analyzer: Callable[[str], list[str]], most: int = 200_000):
        self.analyzer, self.most = analyzer, most
        self.memo: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        terms = self.memo.get(text)
        if terms is None:
            terms = self.analyzer(text)
            if len(text) <= 20_000 and len(self.memo) < self.most:
                self.memo[text] = terms
        return terms

    def __getstate__(self) -> dict[str, Any]:  # pickled without what it remembers
        return {"analyzer": self.analyzer, "most": self.most, "memo": {}}


def representation(kind: str, *, top_n_words: int, mmr_diversity: float, seed: int) -> Any:
    """The topic-word representation: "keybert" (KeyBERTInspired, seeded), "mmr" or "none"."""
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance

    return {
        "keybert": lambda: KeyBERTInspired(top_n_words=top_n_words, random_state=seed),
        "mmr": lambda: MaximalMarginalRelevance(diversity=mmr_diversity),
        "none": lambda: None,
    }[kind]()


def ctfidf() -> Any:
    """c-TF-IDF with frequent words damped (``reduce_frequent_words``)."""
    from bertopic.vectorizers import ClassTfidfTransformer

    return ClassTfidfTransformer(reduce_frequent_words=True)


def bertopic_model(parts: dict[str, Any], *, top_n_words: int, nr_topics: int | str | None) -> Any:
    """BERTopic from its parts (``embedding_model``, ``umap_model``, ``hdbscan_model``,
    ``vectorizer_model``, ``representation_model``), with c-TF-IDF and no probabilities."""
    from bertopic import BERTopic

    return BERTopic(
        **parts,
        ctfidf_model=ctfidf(),
        top_n_words=top_n_words,
        nr_topics=nr_topics,
        calculate_probabilities=False,
    )


def save_model(result: Any, folder: Path, model_path: Path | None) -> Path:
    """Save the fitted model of ``result`` (a :class:`toolkit.topics.TopicResult`) with
    safetensors (topic embeddings, c-TF-IDF, config), pointing to the embedding model by path
    rather than copying it."""
    from toolkit.embed import model_info

    folder.mkdir(parents=True, exist_ok=True)
    result.model.save(
        str(folder),
        serialization="safetensors",
        save_ctfidf=True,
        save_embedding_model=model_info(model_path).path,
    )
    return folder
