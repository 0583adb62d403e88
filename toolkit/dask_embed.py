"""Sentence embeddings on Dask distributed: the model loaded once per worker, texts encoded in
partitions, the vectors cached by :func:`toolkit.embed.embed` under the same keys as locally.

:class:`DaskEncoder` has SentenceTransformer's ``encode``, so it is handed to
:func:`toolkit.embed.embed` as its ``encoder``: ``embed`` still decides which texts are missing
from the cache (by the SHA-1 of each text, under the model's hash) and writes them, so a local
rerun reads them back and embeds nothing. Partitions are whole multiples of ``batch_size`` and in
the same order, so each batch holds the texts a local run would encode together.

Example:
    >>> from toolkit.embed import embed                                     # doctest: +SKIP
    >>> from toolkit.embed import model_info                                # doctest: +SKIP
    >>> with client_for("dask") as client:                                  # doctest: +SKIP
    ...     encoder = DaskEncoder(client, model_info(None).path)
    ...     vectors = embed(texts, cache_dir="outputs/.cache/embeddings", encoder=encoder)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from toolkit.embed import load_model

__all__ = ["DaskEncoder"]

_LOADING = threading.Lock()  # a worker's threads load its model once, not once each


class DaskEncoder:
    """SentenceTransformer's ``encode`` with the work spread over a Dask cluster.

    Args:
        client: a ``distributed.Client`` (see :func:`toolkit.engine.client_for`).
        model_path: the local model folder (:attr:`toolkit.embed.Model.path`); every worker
            must be able to read it.
        batches_per_task: encoding batches per task.
        loader: loads a model from its path on a worker (:func:`toolkit.embed.load_model`,
            cached per process; tests pass a fake).
    """

    def __init__(
        self,
        client: Any,
        model_path: str,
        *,
        batches_per_task: int = 32,
        loader: Callable[[str], Any] = load_model,
    ):
        self.client, self.model_path = client, model_path
        self.batches_per_task, self.loader = batches_per_task, loader

    def encode(
        self,
        sentences: Sequence[str],
        *,
        batch_size: int = 64,
        normalize_embeddings: bool = False,
        **_: Any,  # show_progress_bar, convert_to_numpy: numpy arrays always come back
    ) -> np.ndarray:
        size = batch_size * self.batches_per_task
        texts = list(sentences)
        parts = [texts[i : i + size] for i in range(0, len(texts), size)]
        futures = [
            self.client.submit(_encode, self.loader, self.model_path, part,
                               batch_size=batch_size, normalize=normalize_embeddings, pure=False)
            for part in parts
        ]  # fmt: skip
        vectors = self.client.gather(futures)
        return np.concatenate(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)


def _encode(
    loader: Callable[[str], Any], path: str, texts: list[str], *, batch_size: int, normalize: bool
) -> np.ndarray:
    with _LOADING:
        model = loader(path)
    return np.asarray(
        model.encode(
            texts,
            batch_size=batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=normalize,
        ),
        dtype=np.float32,
    )
