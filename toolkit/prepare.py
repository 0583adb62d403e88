"""The prepared corpus: ingest and duplicate detection, run once per input and kept on disk.

The cache key is the hash of every input file and of the options that shape the corpus (sources,
manifest, outlet tables, dedup options, the toolkit's own code and data, the versions that decide
the bytes). ``toolkit run`` prepares once and hands the key to each notebook, which reads the
corpus back with :func:`load_prepared`, without hashing the inputs again.

Each file of a prepared corpus is written atomically with its checksum (:mod:`toolkit.cache`),
``meta.json`` last: a folder without an intact ``meta.json`` is not a prepared corpus. A damaged
file drops the whole entry, which :func:`prepare` builds again.

Example:
    >>> from toolkit.prepare import prepare, load_prepared
    >>> prepared = prepare(params, root)                              # doctest: +SKIP
    >>> load_prepared(prepared.key, root / "outputs" / ".cache")      # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.cache import code_version, read_checked, write_atomic, write_bytes
from toolkit.dedup import Duplicates, find_duplicates, mark_duplicates
from toolkit.engine import open_engine
from toolkit.errors import ToolkitError
from toolkit.outlets import Registry, registry

__all__ = [
    "CACHE_VERSION",
    "DamagedCache",
    "Prepared",
    "cache_root",
    "input_hashes",
    "load_prepared",
    "outputs_dir",
    "prepare",
]

CACHE_VERSION = 3  # bump when what is cached changes shape (3: checksums beside the files)
_TABLES = ("corpus", "report", "chrome", "pairs", "clusters", "near_misses")

log = logging.getLogger("toolkit")


class DamagedCache(ToolkitError):
    """A prepared corpus in the cache is damaged (logged and dropped): prepare it again."""


@dataclass
class Prepared:
    """The corpus after ingest and duplicate detection (every copy, marked), cached on disk."""

    corpus: pl.DataFrame
    report: pl.DataFrame
    learned_chrome: pl.DataFrame
    summary: str
    duplicates: Duplicates
    inputs: dict[str, str]
    key: str
    cached: bool


def input_hashes(params: dict[str, Any], root: Path) -> dict[str, str]:
    """SHA-256 of every input file (the files the load reads under the sources, as
    :func:`toolkit.sources.find_sources` finds them, links included; the manifest; outlet
    tables), by path relative to the project root (absolute for a file outside it)."""
    from toolkit.sources import MANIFEST_NAME, find_sources

    sources = [root / s for s in params["sources"]]
    manifest = root / params["manifest"] if params["manifest"] else None
    files = [Path(path) for path, _ in find_sources(sources, manifest).files]
    if manifest is None:
        manifest = next((s / MANIFEST_NAME for s in sources if (s / MANIFEST_NAME).is_file()), None)
    files += [manifest] if manifest else []
    if params["outlet_tables"]:
        files += sorted((root / params["outlet_tables"]).glob("*.yaml"))
    out = {}
    for f in files:
        digest = hashlib.sha256()
        try:
            with f.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError as e:  # the load reports it as a skipped file; the key still moves
            digest.update(f"unreadable: {e.strerror}".encode())
        out[_shown(f, root)] = digest.hexdigest()
    return out


def _shown(path: Path, root: Path) -> str:
    """A path as run.json shows it: relative to the project root when under it."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def outputs_dir(root: Path) -> Path:
    """Where runs, interactive tables and caches go: ``$TOOLKIT_OUTPUTS``, else ``outputs/``."""
    env = os.environ.get("TOOLKIT_OUTPUTS")
    return Path(env) if env else root / "outputs"


def cache_root(root: Path) -> Path:
    """The shared cache folder (prepared corpora, embeddings, UMAP reductions)."""
    return outputs_dir(root) / ".cache"


def _options(params: dict[str, Any], inputs: dict[str, str]) -> dict[str, Any]:
    return {
        "cache": CACHE_VERSION,
        # the toolkit's code and data, and polars' version (its hash, used by dedup, is stable
        # within a version): new code never reads a corpus that older code prepared
        "code": code_version(),
        "inputs": inputs,
        "sources": params["sources"],
        "manifest": params["manifest"],
        "outlet_tables": params["outlet_tables"],
        "ingest": params["ingest"],
        "dedup": params["dedup"],
        "translations": _translations_on(params),
    }


def prepare(
    params: dict[str, Any],
    root: Path,
    *,
    progress: bool = False,
    cache_dir: Path | None = None,
    engine: Any = None,
) -> Prepared:
    """Ingest the sources and find duplicates, or read both from the cache when the inputs and
    options are unchanged. ``cache_dir`` is the cache root (default :func:`cache_root`);
    ``engine`` overrides the parameters' engine (the tables are the same on every engine)."""
    cache_dir = cache_dir or cache_root(root)
    inputs = input_hashes(params, root)
    options = _options(params, inputs)
    key = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()[:20]
    folder = cache_dir / "prepared" / key
    if (folder / "meta.json").is_file():
        try:
            return load_prepared(key, cache_dir)
        except DamagedCache:
            pass  # logged and dropped: built again below
    return _build(params, root, options, key, folder, progress, engine)


def load_prepared(key: str, cache_dir: Path) -> Prepared:
    """The prepared corpus stored under ``key`` in the cache root ``cache_dir``, as
    :func:`prepare` left it; the inputs are not read or hashed again.

    Raises:
        ToolkitError: there is no such prepared corpus.
        DamagedCache: a file of it is damaged (it names the file); the entry was dropped.
    """
    folder = cache_dir / "prepared" / key
    if not (folder / "meta.json").is_file():
        raise ToolkitError(
            f"no prepared corpus {key!r} in {cache_dir}; run `toolkit run` again, or run the "
            "notebook without prepared_key to prepare the corpus from its parameters"
        )
    meta = _read(folder / "meta.json", lambda p: json.loads(p.read_text(encoding="utf-8")))
    tables = {name: _read(folder / f"{name}.parquet", pl.read_parquet) for name in _TABLES}
    dups = Duplicates.from_tables(
        tables["corpus"],
        tables["pairs"],
        tables["clusters"],
        meta["dedup_options"],
        meta["dedup_stats"],
        tables["near_misses"],
    )
    return Prepared(
        corpus=tables["corpus"],
        report=tables["report"],
        learned_chrome=tables["chrome"],
        summary=meta["summary"],
        duplicates=dups,
        inputs=meta["options"]["inputs"],
        key=key,
        cached=True,
    )


def _read(path: Path, read: Any) -> Any:
    """One file of a prepared corpus, checked; a damaged one drops the whole entry."""
    value = read_checked(path, read)
    if value is None:
        shutil.rmtree(path.parent, ignore_errors=True)
        raise DamagedCache(
            f"{path}: the cached prepared corpus is damaged (see the log); it was dropped and "
            "is prepared again from the inputs"
        )
    return value


def _build(
    params: dict[str, Any],
    root: Path,
    options: dict[str, Any],
    key: str,
    folder: Path,
    progress: bool,
    engine: Any = None,
) -> Prepared:
    from toolkit.load import ingest

    outlets = root / params["outlet_tables"] if params["outlet_tables"] else None
    names = params["ingest"].get("outlet_names") or {}
    reg = (
        Registry.load((outlets,) if outlets else (), names=names)
        if outlets or names
        else registry()
    )
    with open_engine(engine or params["engine"], params["dask"]) as client:  # same tables
        result = ingest(
            [root / s for s in params["sources"]],
            manifest=root / params["manifest"] if params["manifest"] else None,
            outlets=outlets,
            progress=progress,
            engine=client,
            **params["ingest"],
        )
        dups = find_duplicates(
            result.corpus, progress=progress, registry=reg, engine=client, **params["dedup"]
        )
        corpus = mark_duplicates(result.corpus, dups)
        if _translations_on(params):  # after the marks: a translation is not collapsed away
            dups = _with_translations(corpus, dups, cache_root(root) / "embeddings", client)
    tables = {
        "corpus": corpus,
        "report": result.report,
        "chrome": result.learned_chrome,
        "pairs": dups.pairs,
        "clusters": dups.clusters,
        "near_misses": dups.near_misses,
    }
    for name, table in tables.items():
        write_atomic(folder / f"{name}.parquet", table.write_parquet)
    meta = {
        "options": options,
        "summary": result.summary(),
        "dedup_options": dups.options,
        "dedup_stats": dups.stats,
    }
    # last: an intact meta.json says every table beside it was written
    write_bytes(folder / "meta.json", (json.dumps(meta, indent=1, default=str) + "\n").encode())
    return Prepared(
        corpus=corpus,
        report=result.report,
        learned_chrome=result.learned_chrome,
        summary=result.summary(),
        duplicates=dups,
        inputs=options["inputs"],
        key=key,
        cached=False,
    )


def _translations_on(params: dict[str, Any]) -> bool:
    """Cross-lingual reprints are looked for with a multilingual model."""
    from toolkit.embed import names_bundled_encoder

    return names_bundled_encoder(params.get("model"))


def _with_translations(
    corpus: pl.DataFrame, dups: Duplicates, cache_dir: Path, client: Any = None
) -> Duplicates:
    """The duplicates with :mod:`toolkit.xlingual`'s translation pairs (with their lag) added to
    the pairs and clusters tables. The corpus keeps its marks within each language, so
    ``duplicates: collapse`` never drops a translation for its original. ``client``: a Dask
    client to embed on (the same cache keys), or None to embed here."""
    import dataclasses

    from toolkit.xlingual import find_translations, with_translations

    encoder = None
    if client is not None:
        from toolkit.dask_embed import DaskEncoder
        from toolkit.embed import model_info

        encoder = DaskEncoder(client, model_info("multilingual").path)
    found = find_translations(corpus, cache_dir=cache_dir, encoder=encoder)
    pairs, clusters = with_translations(dups.pairs, dups.clusters, found, corpus)
    # the stories within each language: what the corpus's marks and `collapse` keep
    within = dups.clusters["cluster_id"].n_unique()
    stats = {**dups.stats, "translations": found.height, "stories_within_languages": within}
    return dataclasses.replace(dups, pairs=pairs, clusters=clusters, stats=stats)
