"""The notebook pipeline: validate the parameters and prepare the corpus once, run each notebook
with papermill, render self-contained reports, and record everything about the run in
``run.json``.

The run validates the parameters once (:mod:`toolkit.params`), prepares the corpus once
(:mod:`toolkit.prepare`) and hands each notebook the validated parameters, the prepared corpus's
cache key (``prepared_key``) and the cache folder (``cache_dir``); a notebook's
:func:`toolkit.context.context` reads the corpus back from there. ``toolkit run
params/NAME.yaml`` calls :func:`run_pipeline`. :func:`context` and the preparing functions are
re-exported here, where notebooks and callers have always found them.

The run folder is made only once the parameters are valid, the corpus prepared and the filters
checked against it, so a run stopped by bad parameters or inputs leaves no folder behind. Its
``run.json`` says ``running`` from the start and ``ok`` or ``failed`` (with the reason) at the
end; ``latest`` and the runs' index (``outputs/NAME/index.html``) show finished runs only, so a
run killed midway is never taken for a result.

Example:
    >>> from toolkit.run import run_pipeline
    >>> result = run_pipeline("params/seeds.yaml")            # doctest: +SKIP
    >>> result.run_dir                                         # doctest: +SKIP
    PosixPath('outputs/seeds/20261122-130501')
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.cache import write_whole
from toolkit.context import (
    BORROWED,
    PIPELINE,
    Context,
    context,
    notebook_parameters,
)
from toolkit.engine import open_engine
from toolkit.errors import ToolkitError
from toolkit.filters import check_corpus
from toolkit.params import NOTEBOOKS, RUN_ONLY, SHARED, ParamsError, find_root, load_params
from toolkit.prepare import Prepared, input_hashes, outputs_dir, prepare
from toolkit.resources import scoped_environ
from toolkit.run_manifest import run_manifest
from toolkit.topic_units import topic_units

__all__ = [
    "BORROWED",
    "PIPELINE",
    "Context",
    "Prepared",
    "RunResult",
    "context",
    "input_hashes",
    "notebook_parameters",
    "outputs_dir",
    "prepare",
    "run_pipeline",
    "set_up",
]

log = logging.getLogger("toolkit")


@dataclass
class RunResult:
    run_dir: Path
    manifest: dict[str, Any]

    @property
    def failed(self) -> list[dict[str, Any]]:
        return [nb for nb in self.manifest["notebooks"] if nb["status"] != "ok"]


def _new_run_dir(base: Path) -> Path:
    """A new folder named by the time; two runs started in one second get two folders."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    base.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        run_dir = base / (stamp if n == 1 else f"{stamp}-{n}")
        try:
            run_dir.mkdir()
            return run_dir
        except FileExistsError:
            continue
    raise ToolkitError(f"{base}: cannot make a new run folder for {stamp}")  # pragma: no cover


def _point_latest(run_dir: Path) -> None:
    link = run_dir.parent / "latest"
    tmp = run_dir.parent / f".latest.{os.getpid()}.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(run_dir.name, target_is_directory=True)
    os.replace(tmp, link)


def _one_line(error: BaseException, most: int = 600) -> str:
    """An error in one line for the terminal, the index and the notebook's banner: its lines
    joined, so a list of problems shows the problems, not just "2 problems:"."""
    ename = getattr(error, "ename", type(error).__name__)
    evalue = getattr(error, "evalue", str(error))
    lines = [line.strip() for line in str(evalue).splitlines()]
    text = " ".join([f"{ename}:", *(line for line in lines if line)]).removesuffix(":")
    return text if len(text) <= most else text[: most - 3] + "..."


def _write_json(path: Path, data: dict[str, Any]) -> None:
    body = json.dumps(data, indent=1, default=str) + "\n"
    write_whole(path, lambda tmp: tmp.write_text(body, encoding="utf-8"))


def set_up(root: Path | None = None, *, outputs: Path | None = None) -> Path:
    """The one-time work of set-up (``make setup``): compile UMAP's and pynndescent's code, and
    duplicate detection's loops (:mod:`toolkit.dedup_kernels`, by finding the duplicates of a
    small made-up corpus), into numba's cache in the cache folder the runs use
    (``outputs/.cache/numba``, or under ``outputs``/``$TOOLKIT_OUTPUTS``), so the first run
    reads it instead of compiling it. Run it in a fresh process
    (:func:`toolkit.topics.compile_ahead`); the folder is returned.

    Example:
        >>> from toolkit.run import set_up
        >>> set_up()                                               # doctest: +SKIP
        PosixPath('/home/me/toolkit/outputs/.cache/numba')
    """
    from toolkit.params import project_root
    from toolkit.topics import compile_ahead

    base = Path(outputs).resolve() if outputs is not None else outputs_dir(root or project_root())
    folder = compile_ahead(_numba_dir(base / ".cache"))
    _compile_dedup()
    return folder


def _numba_dir(cache_dir: Path) -> Path:
    """Where numba keeps compiled code (UMAP's, pynndescent's, duplicate detection's) in a run's
    cache folder: set-up compiles into it, and runs point numba at it."""
    return cache_dir / "numba"


def _compile_dedup() -> None:
    """Duplicate detection's compiled loops put in numba's cache: the duplicates of twelve
    made-up texts of 300 words (ASCII and Cyrillic, a copy and a contained one), so every loop
    runs once."""
    from toolkit.dedup import find_duplicates

    words = "Minsk Moscow talks union trade gas oil treaty border economy Минск переговоры".split()
    pick = random.Random(0).choice
    texts = [" ".join(pick(words) for _ in range(300)) for _ in range(10)]
    texts += [texts[0], texts[1] + " " + texts[2]]  # a copy; one text holding another
    corpus = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    find_duplicates(corpus)


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

    Validates the parameters and prepares the corpus once; each notebook gets the validated
    parameters, the prepared corpus's cache key and the cache folder. Raises
    :class:`ParamsError` before anything runs (and before the run folder is made) when the
    parameters are invalid or their filters name what the corpus lacks. A failing
    notebook does not stop the others: it is saved and rendered with its traceback and marked
    failed in the index and the manifest. ``outputs`` replaces ``$TOOLKIT_OUTPUTS``/``outputs/``.
    """
    from toolkit.embed import model_info
    from toolkit.report import write_index, write_runs_index

    params_path = Path(params_path)
    root = find_root(params_path)
    params = load_params(params_path, root=root)
    sections = _sections(root, only)
    model = model_info(root / params["model"] if params["model"] else None)
    base = Path(outputs).resolve() if outputs is not None else outputs_dir(root)
    cache_dir = base / ".cache"

    started = time.perf_counter()
    with open_engine(engine or params["engine"], params["dask"]) as client:  # one for both
        with scoped_environ(NUMBA_CACHE_DIR=str(_numba_dir(cache_dir))):  # dedup's loops
            prepared = prepare(params, root, progress=progress, cache_dir=cache_dir,
                               engine="local" if client is None else client)  # fmt: skip
        check_corpus(params, prepared.corpus, where=str(params_path), sections=sections)
        seconds_prepare = time.perf_counter() - started
        used = _embed_on_engine(client, params, root, prepared, cache_dir, sections, progress)
    run_dir = _new_run_dir(base / params["name"])
    begun = {
        "run_id": run_dir.name,
        "status": "running",
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "params_file": str(params_path),
        "params": params,
    }
    try:
        _write_json(run_dir / "run.json", begun)
        notebooks = []
        for section in sections:
            parameters = _parameters(
                params, section, run_dir, prepared.key, cache_dir, progress=progress
            )
            run = _run_notebook(root, section, run_dir, parameters, show_code=show_code,
                                progress=progress)  # fmt: skip
            notebooks.append(run)
        manifest = run_manifest(params_path, params, root, run_dir, prepared, model.as_dict())
        manifest["engine"] = used
        _finished(manifest, run_dir, notebooks, begun["started"], seconds_prepare, started)
        write_index(run_dir, manifest)
        _write_json(run_dir / "run.json", manifest)
    except BaseException as e:  # stopped midway (an error, Ctrl-C): say so, then stop
        if not any(run_dir.iterdir()):
            run_dir.rmdir()  # not even run.json was written: leave no empty folder
        else:
            _write_json(run_dir / "run.json", {**begun, "status": "failed", "reason": _one_line(e)})
            write_runs_index(run_dir.parent)
        raise
    _point_latest(run_dir)
    write_runs_index(run_dir.parent)
    return RunResult(run_dir, manifest)


def _embed_on_engine(
    client: Any,
    params: dict[str, Any],
    root: Path,
    prepared: Prepared,
    cache_dir: Path,
    sections: list[str],
    progress: bool,
) -> dict[str, Any] | None:
    """On a Dask engine, the topics notebook's units embedded on the cluster into the shared
    cache before the notebooks run, so the notebook reads every vector back and loads no model.

    Returns the manifest's ``engine``: its name, its workers and what was embedded on it (the
    texts and seconds; None on the local engine, where the notebook embeds them itself).
    """
    if client is None:
        return {"name": "local", "workers": None, "embedded": None}
    used = {"name": "dask", "workers": len(client.scheduler_info()["workers"]), "embedded": None}
    if "topics" in sections:
        t0 = time.perf_counter()
        ctx = Context(params, "topics", root, root, prepared, cache_dir)  # writes no table
        units, _ = topic_units(ctx.stories, params["unit"])  # what the notebook embeds
        texts = units["text"].to_list()
        ctx.embeddings(texts, progress=progress, engine=client)
        used["embedded"] = {"texts": len(texts), "seconds": round(time.perf_counter() - t0, 2)}
    return used


def _finished(
    manifest: dict[str, Any],
    run_dir: Path,
    notebooks: list[dict[str, Any]],
    begun: str,
    seconds_prepare: float,
    started: float,
) -> None:
    """The manifest completed: status and reason, the notebooks, their notes, the times."""
    failed = [nb for nb in notebooks if nb["status"] != "ok"]
    manifest["status"] = "failed" if failed else "ok"
    manifest["reason"] = (
        f"{len(failed)} notebook(s) failed; {failed[0]['notebook']}: {failed[0]['reason']}"
        if failed
        else None
    )
    manifest["started"] = begun
    manifest["seconds"]["prepare"] = round(seconds_prepare, 2)
    manifest["notebooks"] = notebooks
    manifest["notes"] = {
        f.stem: json.loads(f.read_text()) for f in sorted((run_dir / "notes").glob("*.json"))
    }
    manifest["seconds"]["total"] = round(time.perf_counter() - started, 2)


def _sections(root: Path, only: list[str] | None) -> list[str]:
    """The sections whose notebooks exist, in run order, narrowed to ``only``."""
    sections = [s for s in NOTEBOOKS if (root / "notebooks" / f"{NOTEBOOKS[s]}.ipynb").is_file()]
    if not sections:
        raise ToolkitError(
            f"{root / 'notebooks'}: no notebooks to run; run from inside the toolkit's project "
            "(the folder with notebooks/ and params/)"
        )
    if not only:
        return sections
    unknown = sorted(set(only) - set(sections))
    if unknown:
        raise ParamsError(
            f"--only: no notebook {', '.join(unknown)}; the notebooks are {', '.join(sections)}"
        )
    return [s for s in sections if s in only]


def _parameters(
    params: dict[str, Any],
    section: str,
    run_dir: Path,
    key: str,
    cache_dir: Path,
    *,
    progress: bool = True,
) -> dict[str, Any]:
    """What papermill injects: the validated shared keys, the notebook's section and the keys
    it borrows, where to write, and the prepared corpus to read (:data:`PIPELINE`)."""
    parameters = {k: params[k] for k in SHARED if k not in RUN_ONLY}
    parameters[section] = params[section]
    for other, keys in BORROWED.get(section, {}).items():
        parameters[other] = {k: params[other][k] for k in keys}
    parameters["output_dir"] = str(run_dir)
    parameters["prepared_key"] = key
    parameters["cache_dir"] = str(cache_dir)
    parameters["progress"] = progress  # -q: no bars, in the terminal or the executed notebook
    return parameters


def _run_notebook(
    root: Path,
    section: str,
    run_dir: Path,
    parameters: dict[str, Any],
    *,
    show_code: bool,
    progress: bool,
) -> dict[str, Any]:
    """Execute one notebook into the run folder and render it; its entry in the manifest."""
    import papermill

    from toolkit.report import render_notebook

    stem = NOTEBOOKS[section]
    executed = run_dir / f"{stem}.ipynb"
    t0 = time.perf_counter()
    status, reason = "ok", None
    try:
        # the kernel keeps numba's compiled code (UMAP) in the cache; its progress bars
        # (stderr) show in the terminal as well as live in the notebook
        with scoped_environ(NUMBA_CACHE_DIR=str(_numba_dir(Path(parameters["cache_dir"])))):
            papermill.execute_notebook(
                str(root / "notebooks" / f"{stem}.ipynb"),
                str(executed),
                parameters=parameters,
                cwd=str(root / "notebooks"),
                kernel_name="python3",
                progress_bar=progress,
                report_mode=False,
                stderr_file=sys.stderr if progress else None,
                # the kernel's own log (ipykernel's "running over TCP without encryption", on
                # every start) is no news of the run; errors still show
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            )
    except Exception as e:  # any failure is recorded and the run goes on
        status, reason = "failed", _one_line(e)
        log.error("%s failed: %s", stem, reason)
    seconds = time.perf_counter() - t0
    html = run_dir / f"{stem}.html"
    if executed.is_file():
        render_notebook(executed, html, show_code=show_code, failed=reason)
    return {
        "notebook": stem,
        "status": status,
        "reason": reason,
        "seconds": round(seconds, 2),
        "html": html.name,
        "ipynb": executed.name,
    }
