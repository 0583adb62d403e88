"""Fakes for the slow parts, so unit tests run in seconds without the embedding model.

:class:`FakeEmbedder` stands in for a SentenceTransformer (``encode``) and for a BERTopic
embedding backend (``embed``, through :meth:`FakeEmbedder.backend`). A text's vector is the sum of
fixed pseudo-random vectors, one per word, each drawn from a generator seeded by the word's hash,
then L2-normalised: the same text always gives the same vector, in any process, and texts that
share words lie close together, so clustering the seeds still finds topics.

Example:
    >>> fake = FakeEmbedder()
    >>> fake.encode(["Minsk talks", "Minsk talks"]).shape
    (2, 384)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

DIMENSIONS = 384  # all-MiniLM-L6-v2's, so shapes match the real model's
_WORD = re.compile(r"\w+")


class FakeEmbedder:
    """Deterministic, L2-normalised float32 vectors from the hashes of a text's words."""

    def __init__(self, dimensions: int = DIMENSIONS):
        self.dimensions = dimensions
        self.calls = 0  # how many times encode ran: lets a test see the cache at work
        self._words: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        if word not in self._words:
            seed = int.from_bytes(hashlib.sha1(word.encode("utf-8")).digest()[:8], "little")
            self._words[word] = np.random.default_rng(seed).standard_normal(self.dimensions)
        return self._words[word]

    def _vector(self, text: str) -> np.ndarray:
        words = _WORD.findall(text.lower()) or [text]
        v = np.sum([self._word(w) for w in words], axis=0)
        return v / (np.linalg.norm(v) or 1.0)

    def encode(
        self,
        sentences: Sequence[str],
        batch_size: int = 64,
        show_progress_bar: bool = False,
        convert_to_numpy: bool = True,
        normalize_embeddings: bool = True,
    ) -> np.ndarray:
        """SentenceTransformer's ``encode``: one row per text."""
        self.calls += 1
        if not sentences:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([self._vector(t) for t in sentences]).astype(np.float32)

    def backend(self):
        """This embedder as a BERTopic backend (what KeyBERT-style representations call)."""
        from bertopic.backend import BaseEmbedder

        encode = self.encode

        class FakeBackend(BaseEmbedder):
            def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
                return encode(list(documents))

        return FakeBackend()


class FakeUMAP:
    """A stand-in for UMAP with its constructor and ``fit_transform``/``transform``: the first
    ``n_components`` principal components (numpy's SVD), so no numba compilation. Deterministic;
    ``random_state`` and the other UMAP settings are accepted and ignored."""

    def __init__(self, n_components: int = 5, **ignored: object):
        self.n_components = n_components
        self.mean_: np.ndarray | None = None
        self.components_: np.ndarray | None = None

    def fit(self, x: np.ndarray, y: object = None) -> FakeUMAP:
        self.mean_ = x.mean(axis=0)
        _, _, vt = np.linalg.svd(x - self.mean_, full_matrices=False)
        self.components_ = vt[: self.n_components]
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean_) @ self.components_.T).astype(np.float32)

    def fit_transform(self, x: np.ndarray, y: object = None) -> np.ndarray:
        return self.fit(x).transform(x)
