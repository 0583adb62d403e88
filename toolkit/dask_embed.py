"""Sentence embeddings on Dask distributed: the model loaded once per worker, texts encoded in
partitions, the vectors cached by :func:`toolkit.embed.embed` under the same keys as locally.

:class:`DaskEncoder` has SentenceTransformer's ``encode``, so it is handed to
:func:`toolkit.embed.embed` as its ``encoder``: ``embed`` still decides which texts are missing
from the cache (by the SHA-1 of each text, under the model's hash) and writes them, so a local
rerun reads them back and embeds nothing. ``embed`` hands the encoder every missing text in one
call (:attr:`DaskEncoder.texts_per_call`), longest first as locally, and the partitions are whole
multiples of ``batch_size`` in that order, so the workers encode batches like the local run's.

:func:`embed_on_dask` is that composition for a client and a model, what the pipeline calls when
its engine is Dask (:meth:`toolkit.context.Context.embeddings` with an ``engine``).

Example:
    >>> with client_for("dask") as client:                                  # doctest: +SKIP
    ...     vectors = embed_on_dask(texts, client, model=None,
    ...                             cache_dir="outputs/.cache/embeddings")
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

import toolkit.embed

__all__ = ["DaskEncoder", "embed_on_dask"]

_LOADING = threading.Lock()  # a worker's threads load its model once, not once each


class DaskEncoder:
    """SentenceTransformer's ``encode`` with the work spread over a Dask cluster.

    Args:
        client: a ``distributed.Client`` (see :func:`toolkit.engine.client_for`).
        model_path: the local model folder (:attr:`toolkit.embed.Model.path`); every worker
            must be able to read it.
        batches_per_task: encoding batches per task.
        loader: loads a model from its path on a worker (None: :func:`toolkit.embed.load_model`,
            cached per process, looked up when a task runs; tests pass a fake).
    """

    # :func:`toolkit.embed.embed` hands over this many texts per ``encode`` call: all of them,
    # so they spread over the workers instead of one call of a few batches at a time
    texts_per_call = 1 << 62

    def __init__(
        self,
        client: Any,
        model_path: str,
        *,
        batches_per_task: int = 32,
        loader: Callable[[str], Any] | None = None,
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


def embed_on_dask(
    texts: Sequence[str],
    client: Any,
    *,
    model: str | Path | None,
    cache_dir: str | Path,
    batch_size: int = 64,
    progress: bool = False,
    loader: Callable[[str], Any] | None = None,
) -> np.ndarray:
    """:func:`toolkit.embed.embed` with the missing texts encoded on the Dask ``client``: the
    same vectors, cached under the same keys, so a local run afterwards embeds nothing again.

    Args:
        texts, model, cache_dir, batch_size, progress: see :func:`toolkit.embed.embed`.
        client: a ``distributed.Client`` (:func:`toolkit.engine.open_engine`).
        loader: see :class:`DaskEncoder`.
    """
    info = toolkit.embed.model_info(model)
    encoder = DaskEncoder(client, info.path, loader=loader)
    return toolkit.embed.embed(texts, model=model, cache_dir=cache_dir, batch_size=batch_size,
                               progress=progress, encoder=encoder)  # fmt: skip


def _encode(
    loader: Callable[[str], Any] | None,
    path: str,
    texts: list[str],
    *,
    batch_size: int,
    normalize: bool,
) -> np.ndarray:
    with _LOADING:
        model = (loader or toolkit.embed.load_model)(path)
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
