"""What ``run.json`` records of a run before its notebooks: the parameters, the inputs' hashes,
the corpus and its duplicates, the model, the seeds, the versions of the libraries that decide
the tables, and the code that made them (the git commit, and the toolkit's and the notebooks'
hashes, which an exported tree without git still has). :mod:`toolkit.run` fills in the
notebooks, their notes and the timings as they come.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.cache import code_version
from toolkit.context import Context
from toolkit.prepare import Prepared

__all__ = ["PACKAGES", "run_manifest"]

# the libraries whose versions decide the tables, recorded in run.json
PACKAGES = (
    "toolkit", "polars", "pyarrow", "numpy", "numba", "scikit-learn", "bertopic",
    "sentence-transformers", "torch", "umap-learn", "hdbscan", "papermill", "nbconvert", "plotly",
    "jupytext", "ftfy", "trafilatura", "htmldate", "lxml", "dateparser", "charset-normalizer",
    "stopwordsiso", "pymorphy3", "rjieba", "vaderSentiment", "anyascii", "jellyfish", "feedparser",
    "fastexcel",
)  # fmt: skip


def _versions() -> dict[str, str | None]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def _sha256(path: Path) -> str | None:
    """A file's SHA-256, or None where it cannot be read (parameters given as a mapping)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _git(root: Path) -> dict[str, Any]:
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--untracked-files=no")
    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(status) if status is not None else None,
    }


def _code(root: Path) -> dict[str, str]:
    """The code that made the run, by content (what ``git`` cannot say of an exported tree or
    a dirty one): the toolkit package's hash (the cache's key, :func:`toolkit.cache.code_version`)
    and the notebooks' (every ``notebooks/*.ipynb``, by name and bytes)."""
    digest = hashlib.sha256()
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return {"toolkit_sha256": code_version(), "notebooks_sha256": digest.hexdigest()}


def run_manifest(
    params_path: Path,
    params: dict[str, Any],
    root: Path,
    run_dir: Path,
    prepared: Prepared,
    model: dict[str, Any],
) -> dict[str, Any]:
    """run.json without the notebooks, their notes and the timings (filled in as they come)."""
    analysed = Context(params, "corpus", root, run_dir, prepared).stories.height
    corpus = prepared.corpus
    outlets = corpus.group_by(pl.col("outlet").fill_null("(unknown)")).len().sort("outlet")
    return {
        "run_id": run_dir.name,
        "params_file": str(params_path),
        # the file's own bytes: git's "dirty" sees only tracked files, and a params file is
        # often new (trial AB)
        "params_file_sha256": _sha256(params_path),
        "params": params,
        "inputs": prepared.inputs,
        "corpus": {
            "documents": corpus.height,
            "stories": int(corpus["is_canonical"].sum()),
            "analysed": analysed,
            "skipped": prepared.report.filter(pl.col("status") == "skipped").height,
            "outlets": dict(outlets.rows()),
            "cache_key": prepared.key,
            "from_cache": prepared.cached,
        },
        "duplicates": {"options": prepared.duplicates.options, "stats": prepared.duplicates.stats},
        "model": model,
        "seeds": {"seed": params["seed"], "dedup_seed": prepared.duplicates.options["seed"]},
        "versions": _versions(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git": _git(root),
        "code": _code(root),
        "seconds": {"prepare": None, "total": None},
        "notebooks": [],
        "notes": {},
    }
