"""The notebook pipeline: ingest and deduplicate once, run each notebook with papermill, render
self-contained reports, and record everything about the run in ``run.json``.

Notebooks call :func:`context` with their parameters; it returns the prepared corpus (cached by
the hashes of the input files and the options, so reruns and the other notebooks reuse it) and
where to save result tables. ``toolkit run params/NAME.yaml`` calls :func:`run_pipeline`.

Example:
    >>> from toolkit.run import run_pipeline
    >>> result = run_pipeline("params/seeds.yaml")            # doctest: +SKIP
    >>> result.run_dir                                         # doctest: +SKIP
    PosixPath('outputs/seeds/20261122-130501')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import platform
import subprocess
import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.dedup import Duplicates, apply_policy, find_duplicates, mark_duplicates
from toolkit.engine import open_engine
from toolkit.errors import ToolkitError
from toolkit.outlets import Registry, registry
from toolkit.params import (
    NOTEBOOKS,
    RUN_ONLY,
    SECTIONS,
    SHARED,
    ParamsError,
    load_params,
    project_root,
)
from toolkit.params import validate as validate_params

__all__ = [
    "Context",
    "Prepared",
    "RunResult",
    "context",
    "input_hashes",
    "outputs_dir",
    "prepare",
    "run_pipeline",
]

log = logging.getLogger("toolkit")

CACHE_VERSION = 2  # bump when what is cached changes shape (2: the report's encoding column)
PACKAGES = (
    "toolkit", "polars", "pyarrow", "numpy", "scikit-learn", "bertopic", "sentence-transformers",
    "torch", "umap-learn", "hdbscan", "papermill", "nbconvert", "plotly", "jupytext", "ftfy",
    "selectolax",
)  # fmt: skip


# ---------------------------------------------------------------- preparing the corpus


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
    """SHA-256 of every input file (sources, recursively; manifest; outlet tables), by path
    relative to the project root."""
    files: list[Path] = []
    for source in params["sources"]:
        p = root / source
        files += sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
    for key in ("manifest", "outlet_tables"):
        if params[key]:
            p = root / params[key]
            files += sorted(f for f in p.rglob("*.yaml")) if p.is_dir() else [p]
    out = {}
    for f in files:
        digest = hashlib.sha256()
        with f.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        out[str(f.relative_to(root))] = digest.hexdigest()
    return out


def outputs_dir(root: Path) -> Path:
    """Where runs, interactive tables and caches go: ``$TOOLKIT_OUTPUTS``, else ``outputs/``."""
    env = os.environ.get("TOOLKIT_OUTPUTS")
    return Path(env) if env else root / "outputs"


def prepare(
    params: dict[str, Any], root: Path, *, progress: bool = False, engine: Any = None
) -> Prepared:
    """Ingest the sources and find duplicates, or read both from the cache when the inputs and
    options are unchanged."""
    from toolkit import __version__
    from toolkit.load import ingest

    inputs = input_hashes(params, root)
    options = {
        "cache": CACHE_VERSION,
        "toolkit": __version__,
        "polars": pl.__version__,  # polars' hash, used by dedup, is stable within a version
        "inputs": inputs,
        "sources": params["sources"],
        "manifest": params["manifest"],
        "outlet_tables": params["outlet_tables"],
        "dedup": params["dedup"],
    }
    key = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()[:20]
    folder = outputs_dir(root) / ".cache" / "prepared" / key
    if (folder / "meta.json").is_file():
        meta = json.loads((folder / "meta.json").read_text())
        corpus = pl.read_parquet(folder / "corpus.parquet")
        dups = Duplicates.from_tables(
            corpus,
            pl.read_parquet(folder / "pairs.parquet"),
            pl.read_parquet(folder / "clusters.parquet"),
            meta["dedup_options"],
            meta["dedup_stats"],
            pl.read_parquet(folder / "near_misses.parquet"),
        )
        return Prepared(
            corpus=corpus,
            report=pl.read_parquet(folder / "report.parquet"),
            learned_chrome=pl.read_parquet(folder / "chrome.parquet"),
            summary=meta["summary"],
            duplicates=dups,
            inputs=inputs,
            key=key,
            cached=True,
        )
    outlets = root / params["outlet_tables"] if params["outlet_tables"] else None
    reg = Registry.load((outlets,)) if outlets is not None else registry()
    with open_engine(engine or params["engine"], params["dask"]) as client:  # same tables
        result = ingest(
            [root / s for s in params["sources"]],
            manifest=root / params["manifest"] if params["manifest"] else None,
            outlets=outlets,
            progress=progress,
            engine=client,
        )
        dups = find_duplicates(
            result.corpus, progress=progress, registry=reg, engine=client, **params["dedup"]
        )
    corpus = mark_duplicates(result.corpus, dups)
    folder.mkdir(parents=True, exist_ok=True)
    corpus.write_parquet(folder / "corpus.parquet")
    result.report.write_parquet(folder / "report.parquet")
    result.learned_chrome.write_parquet(folder / "chrome.parquet")
    dups.pairs.write_parquet(folder / "pairs.parquet")
    dups.clusters.write_parquet(folder / "clusters.parquet")
    dups.near_misses.write_parquet(folder / "near_misses.parquet")
    meta = {
        "options": options,
        "summary": result.summary(),
        "dedup_options": dups.options,
        "dedup_stats": dups.stats,
    }
    (folder / "meta.json").write_text(json.dumps(meta, indent=1, default=str) + "\n")
    return Prepared(
        corpus=corpus,
        report=result.report,
        learned_chrome=result.learned_chrome,
        summary=result.summary(),
        duplicates=dups,
        inputs=inputs,
        key=key,
        cached=False,
    )


# ---------------------------------------------------------------- what a notebook works with


@dataclass
class Context:
    """What a notebook works with: its parameters, the prepared corpus, where its tables go."""

    params: dict[str, Any]
    section: str
    root: Path
    output_dir: Path
    prepared: Prepared
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def corpus(self) -> pl.DataFrame:
        """Every copy, after the outlet and date filters, marked with its reprint cluster."""
        c = self.prepared.corpus
        if self.params["outlets"]:
            c = c.filter(pl.col("outlet").is_in(self.params["outlets"]))
        if self.params["date_from"]:
            c = c.filter(pl.col("published") >= dt.date.fromisoformat(self.params["date_from"]))
        if self.params["date_to"]:
            c = c.filter(pl.col("published") <= dt.date.fromisoformat(self.params["date_to"]))
        return c

    @property
    def stories(self) -> pl.DataFrame:
        """:attr:`corpus` under the duplicates policy: one row per story, or every copy."""
        return apply_policy(self.corpus, self.params["duplicates"])

    def filters(self) -> str:
        """One line on what the filters and the duplicates policy left out."""
        total, kept, stories = self.prepared.corpus.height, self.corpus.height, self.stories.height
        parts = [f"{total} documents loaded"]
        if kept != total:
            parts.append(f"{kept} pass the outlet/date filters")
        parts.append(
            f"{stories} in the analysis (duplicates: {self.params['duplicates']}"
            + (f", {kept - stories} reprints collapsed)" if kept != stories else ")")
        )
        return "; ".join(parts) + "."

    @property
    def tables_dir(self) -> Path:
        return self.output_dir / "tables" / NOTEBOOKS[self.section]

    def save_table(self, frame: pl.DataFrame, name: str) -> None:
        """Write a result table to ``tables/<notebook>/<name>.parquet`` in the run folder."""
        self.tables_dir.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(self.tables_dir / f"{name}.parquet", statistics=False)

    def cache(self, name: str) -> Path:
        """A folder under the shared cache (``outputs/.cache/NAME``)."""
        return outputs_dir(self.root) / ".cache" / name

    def model_path(self) -> Path | None:
        return self.root / self.params["model"] if self.params["model"] else None

    def embedder(self):
        """The run's model as a BERTopic backend through the shared embedding cache: the model
        is loaded only for texts not embedded before."""
        from toolkit.embed import cached_backend

        return cached_backend(self.model_path(), self.cache("embeddings"))

    def embeddings(self, texts: list[str], *, progress: bool = False):
        """Embeddings of ``texts`` with the run's model, through the cache shared by every
        notebook and run (keyed by model hash and text hash)."""
        from toolkit.embed import embed

        return embed(texts, model=self.model_path(), cache_dir=self.cache("embeddings"),
                     progress=progress)  # fmt: skip

    def record(self, key: str, value: Any) -> None:
        """Note something in the run manifest (a fallback taken, a size chosen, a warning)."""
        self.notes[key] = value
        folder = self.output_dir / "notes"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{NOTEBOOKS[self.section]}.json").write_text(
            json.dumps(self.notes, indent=1, default=str, sort_keys=True) + "\n"
        )


def context(namespace: dict[str, Any], section: str, *, progress: bool = False) -> Context:
    """The :class:`Context` for a notebook, from the variables of its ``parameters`` cell.

    Validates the parameters (papermill does not) and prepares the corpus once per input.
    """
    if section not in SECTIONS:
        raise ToolkitError(f"no notebook section {section!r}; sections: {', '.join(SECTIONS)}")
    root = project_root()
    raw = {k: namespace[k] for k in SHARED if k in namespace}
    raw[section] = namespace.get(section, {})
    params = validate_params(raw, root=root, where=f"notebook {NOTEBOOKS[section]} parameters")
    out = namespace.get("output_dir")
    output_dir = Path(out) if out else outputs_dir(root) / params["name"] / "interactive"
    return Context(params, section, root, output_dir, prepare(params, root, progress=progress))


# ---------------------------------------------------------------- running the pipeline


@dataclass
class RunResult:
    run_dir: Path
    manifest: dict[str, Any]

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [nb for nb in self.manifest["notebooks"] if nb["status"] != "ok"]


def _versions() -> dict[str, str | None]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


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


def _new_run_dir(base: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    run_dir, n = base / stamp, 1
    while run_dir.exists():
        n += 1
        run_dir = base / f"{stamp}-{n}"
    run_dir.mkdir(parents=True)
    return run_dir


def _point_latest(run_dir: Path) -> None:
    link = run_dir.parent / "latest"
    tmp = run_dir.parent / ".latest.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(run_dir.name, target_is_directory=True)
    os.replace(tmp, link)


def _one_line(error: BaseException) -> str:
    ename = getattr(error, "ename", type(error).__name__)
    evalue = getattr(error, "evalue", str(error))
    line = f"{ename}: {evalue}".strip().splitlines()
    return line[0][:300] if line else ename


def run_pipeline(
    params_path: str | Path,
    *,
    only: list[str] | None = None,
    show_code: bool = False,
    progress: bool = True,
    outputs: Path | None = None,
    engine: Any = None,
) -> RunResult:
    """Run the notebooks of a parameter set; see the module docstring.

    Raises :class:`ParamsError` before anything runs when the parameters are invalid. A failing
    notebook does not stop the others: it is saved and rendered with its traceback and marked
    failed in the index and the manifest.
    """
    import papermill

    from toolkit.embed import _offline, model_info
    from toolkit.report import render_notebook, write_index

    params_path = Path(params_path)
    root = project_root(params_path.resolve().parent)
    params = load_params(params_path, root=root)
    sections = [s for s in NOTEBOOKS if (root / "notebooks" / f"{NOTEBOOKS[s]}.ipynb").is_file()]
    if only:
        unknown = sorted(set(only) - set(sections))
        if unknown:
            raise ParamsError(
                f"--only: no notebook {', '.join(unknown)}; the notebooks are {', '.join(sections)}"
            )
        sections = [s for s in sections if s in only]
    model = model_info(root / params["model"] if params["model"] else None)
    _offline()  # the kernels inherit this environment: no model download, ever
    if outputs is not None:
        os.environ["TOOLKIT_OUTPUTS"] = str(Path(outputs).resolve())  # for the kernels too

    started = time.perf_counter()
    run_dir = _new_run_dir(outputs_dir(root) / params["name"])
    prepared = prepare(params, root, progress=progress, engine=engine)
    seconds_prepare = time.perf_counter() - started
    ctx = Context(params, "corpus", root, run_dir, prepared)
    notebooks = []
    for section in sections:
        stem = NOTEBOOKS[section]
        executed = run_dir / f"{stem}.ipynb"
        parameters = {k: params[k] for k in SHARED if k not in RUN_ONLY}
        parameters[section] = params[section]
        parameters["output_dir"] = str(run_dir)
        t0 = time.perf_counter()
        status, reason = "ok", None
        try:
            papermill.execute_notebook(
                str(root / "notebooks" / f"{stem}.ipynb"),
                str(executed),
                parameters=parameters,
                cwd=str(root / "notebooks"),
                kernel_name="python3",
                progress_bar=progress,
                report_mode=False,
            )
        except Exception as e:  # any failure is recorded and the run goes on
            status, reason = "failed", _one_line(e)
            log.error("%s failed: %s", stem, reason)
        seconds = time.perf_counter() - t0
        html = run_dir / f"{stem}.html"
        if executed.is_file():
            render_notebook(executed, html, show_code=show_code, failed=reason)
        notebooks.append(
            {
                "notebook": stem,
                "status": status,
                "reason": reason,
                "seconds": round(seconds, 2),
                "html": html.name,
                "ipynb": executed.name,
            }
        )
    notes = {}
    for f in sorted((run_dir / "notes").glob("*.json")):
        notes[f.stem] = json.loads(f.read_text())
    manifest = {
        "run_id": run_dir.name,
        "params_file": str(params_path),
        "params": params,
        "inputs": prepared.inputs,
        "corpus": {
            "documents": prepared.corpus.height,
            "stories": int(prepared.corpus["is_canonical"].sum()),
            "analysed": ctx.stories.height,
            "outlets": dict(
                prepared.corpus.group_by(pl.col("outlet").fill_null("(unknown)"))
                .len()
                .sort("outlet")
                .rows()
            ),
            "cache_key": prepared.key,
            "from_cache": prepared.cached,
        },
        "duplicates": {"options": prepared.duplicates.options, "stats": prepared.duplicates.stats},
        "model": model.as_dict(),
        "seeds": {"seed": params["seed"], "dedup_seed": prepared.duplicates.options["seed"]},
        "versions": _versions(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git": _git(root),
        "seconds": {"prepare": round(seconds_prepare, 2), "total": None},
        "notebooks": notebooks,
        "notes": notes,
    }
    manifest["seconds"]["total"] = round(time.perf_counter() - started, 2)
    (run_dir / "run.json").write_text(json.dumps(manifest, indent=1, default=str) + "\n")
    write_index(run_dir, manifest)
    _point_latest(run_dir)
    return RunResult(run_dir, manifest)
