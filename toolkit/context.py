"""What a notebook works with: its parameters, the prepared corpus, where its tables go.

A notebook calls :func:`context` with the variables of its ``parameters`` cell. Under
``toolkit run`` the parameters were validated by the run and the corpus prepared once: the run
hands the notebook the prepared corpus's cache key (``prepared_key``) and the cache folder
(``cache_dir``), and :func:`context` reads the corpus back without validating or hashing the
inputs again. Run interactively (no key), it validates the parameters and prepares the corpus
itself, through the same cache. :meth:`Context.cached` keeps a notebook's results (rhetoric's
and trends' tables) by the prepared corpus, the parameters and the code, so a rerun reads them
back instead of computing them again.

Example:
    >>> from toolkit.context import context
    >>> ctx = context(globals(), "topics")                    # doctest: +SKIP
    >>> ctx.save_table(ctx.stories.head(), "first")           # doctest: +SKIP
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.cache import code_version, drop, read_checked, write_atomic, write_bytes
from toolkit.dedup import apply_policy
from toolkit.engine import is_local, open_engine
from toolkit.errors import ToolkitError
from toolkit.filters import check_corpus, filtered
from toolkit.palette import corpus_colours
from toolkit.params import NOTEBOOKS, RUN_ONLY, SECTIONS, SHARED, close_key, defaults, project_root
from toolkit.params import notebook_parameters as section_parameters
from toolkit.params import validate as validate_params
from toolkit.prepare import (
    DamagedCache,
    Prepared,
    cache_root,
    load_prepared,
    outputs_dir,
    prepare,
)

__all__ = [
    "BORROWED",
    "PIPELINE",
    "Context",
    "code_version",
    "context",
    "notebook_parameters",
]

# what `toolkit run` hands every notebook besides its parameters (None when run interactively)
PIPELINE: dict[str, Any] = {"prepared_key": None, "cache_dir": None, "progress": True}
# the kinds of value a parameter has, in a parameters cell or a YAML file
_PLAIN = (str, int, float, list, dict, tuple, type(None))

log = logging.getLogger("toolkit")

# beside a notebook's tables: the key of the prepared corpus they were made from
CORPUS_KEY_FILE = "corpus.key"

# keys of another notebook's section that a notebook reads: trends follows the rhetoric frames
BORROWED: dict[str, dict[str, tuple[str, ...]]] = {
    "trends": {"rhetoric": ("frames_file", "frames_mode")},
}


def notebook_parameters(section: str) -> dict[str, Any]:
    """Every parameter a notebook declares, with its default: the shared keys, its section, the
    keys it borrows from other sections (:data:`BORROWED`), ``output_dir`` and :data:`PIPELINE`."""
    out = section_parameters(section)
    d = defaults()
    for other, keys in BORROWED.get(section, {}).items():
        out[other] = {k: d[other][k] for k in keys}
    return {**out, **PIPELINE}


@dataclass
class Context:
    """What a notebook works with: its parameters, the prepared corpus, where its tables go."""

    params: dict[str, Any]
    section: str
    root: Path
    output_dir: Path
    prepared: Prepared
    cache_dir: Path | None = None  # the shared cache root; None: outputs/.cache
    notes: dict[str, Any] = field(default_factory=dict)
    progress: bool = True  # progress bars of the long steps (`toolkit run -q`: none)

    @property
    def corpus(self) -> pl.DataFrame:
        """Every copy, after the outlet and date filters, marked with its reprint cluster."""
        return filtered(self.prepared.corpus, self.params)

    @property
    def colours(self) -> dict[str, str]:
        """The run's colours: an outlet (or a site named like one) has the same colour in
        every figure of every report (:func:`toolkit.palette.corpus_colours`, of every loaded
        document, so that the filters and the reports agree)."""
        return corpus_colours(self.prepared.corpus)

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

    def table(self, section: str, name: str) -> pl.DataFrame | None:
        """A table another notebook saved in this run folder (``trends`` reads the topics
        notebook's ``article_topics``), or None when that notebook has not run here on this
        corpus: an interactive folder keeps another corpus's tables when only ``sources``
        changed (trial O), and those are not read."""
        folder = self.output_dir / "tables" / NOTEBOOKS[section]
        path = folder / f"{name}.parquet"
        made = folder / CORPUS_KEY_FILE
        if not path.is_file() or not made.is_file():
            return None
        if made.read_text(encoding="utf-8").strip() != self.prepared.key:
            log.info("%s: made from another corpus than this one, not read", path)
            return None
        return pl.read_parquet(path)

    def frames(self) -> dict[str, Any]:
        """The frames lexicon: the bundled frames, extended or replaced by the user's
        ``rhetoric.frames_file`` (``rhetoric.frames_mode``)."""
        from toolkit.rhetoric import lexicon

        opts = self.params["rhetoric"]
        extra = self.root / opts["frames_file"] if opts["frames_file"] else None
        return lexicon("frames", extra=extra, mode=opts["frames_mode"])

    def save_table(self, frame: pl.DataFrame, name: str) -> None:
        """Write a result table to ``tables/<notebook>/<name>.parquet`` in the run folder."""
        self.tables_dir.mkdir(parents=True, exist_ok=True)
        frame.write_parquet(self.tables_dir / f"{name}.parquet", statistics=False)
        # the corpus the folder's tables were made from, for another notebook to check
        (self.tables_dir / CORPUS_KEY_FILE).write_text(self.prepared.key + "\n", encoding="utf-8")

    def whole(self, name: str) -> dict[str, Any]:
        """Where a table too long for the page is written whole, ``tables/<notebook>/<name>.csv``,
        and its address from the report: the ``csv_file`` and ``csv_href`` of
        :func:`toolkit.display.table`."""
        return {"csv_file": self.tables_dir / f"{name}.csv",
                "csv_href": f"tables/{self.tables_dir.name}/{name}.csv"}  # fmt: skip

    def cache(self, name: str) -> Path:
        """A folder under the shared cache (``outputs/.cache/NAME`` unless the run says)."""
        return (self.cache_dir or cache_root(self.root)) / name

    def model_path(self) -> Path | None:
        return self.root / self.params["model"] if self.params["model"] else None

    def model_hash(self) -> str:
        """The SHA-256 of the run's model files (an input of what is computed from them)."""
        from toolkit.embed import model_info

        return model_info(self.model_path()).sha256

    def embedder(self, *, progress: bool = False):
        """The run's model as a BERTopic backend through the shared embedding cache: the model
        is loaded only for texts not embedded before (``progress``: a bar while it embeds)."""
        from toolkit.embed import cached_backend

        return cached_backend(self.model_path(), self.cache("embeddings"), progress=progress)

    def embeddings(self, texts: list[str], *, progress: bool = False, engine: Any = None):
        """Embeddings of ``texts`` with the run's model, through the cache shared by every
        notebook and run (keyed by model hash and text hash).

        ``engine``: where the texts missing from the cache are encoded: here (None, ``"local"``)
        or on Dask (``"dask"``, a scheduler address or a ``distributed.Client``, see
        :func:`toolkit.engine.open_engine`); the vectors go into the same cache either way.
        """
        if is_local(engine):
            from toolkit.embed import embed

            return embed(texts, model=self.model_path(), cache_dir=self.cache("embeddings"),
                         progress=progress)  # fmt: skip
        from toolkit.dask_embed import embed_on_dask

        with open_engine(engine, self.params.get("dask")) as client:
            return embed_on_dask(texts, client, model=self.model_path(),
                                 cache_dir=self.cache("embeddings"), progress=progress)  # fmt: skip

    def cached(self, name: str, compute: Callable[[], Any], *, inputs: Any = ()) -> Any:
        """``compute()``, or its result from the results cache when this notebook computed
        ``name`` before from the same prepared corpus, parameters, ``inputs`` and toolkit code.

        The key is the prepared corpus's key, the notebook's parameters (shared keys, its
        section and the keys it borrows), ``name``, the hash of the toolkit's code and data
        (:func:`code_version`) and of ``inputs``: whatever else the result depends on (another
        notebook's table, the frames lexicon, the model's hash). A result is a frame, a
        JSON-able value, or a tuple of them. Entries are written atomically with checksums
        (:mod:`toolkit.cache`); a damaged one is logged, dropped and computed again.

        Example:
            >>> rates = ctx.cached("frame_rates", lambda: rh.frame_rates(docs, frames=f),
            ...                    inputs=f)                                  # doctest: +SKIP
        """
        key = _result_key(self, name, (inputs, _code_of(compute)))
        folder = self.cache("results") / self.section / key
        value = _read_result(folder)
        if value is None:
            value = compute()
            _write_result(folder, value)
        return value

    def record(self, key: str, value: Any) -> None:
        """Note something in the run manifest (a fallback taken, a size chosen, a warning)."""
        self.notes[key] = value
        folder = self.output_dir / "notes"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{NOTEBOOKS[self.section]}.json").write_text(
            json.dumps(self.notes, indent=1, default=str, sort_keys=True) + "\n"
        )


def _fingerprint(value: Any) -> str:
    """A hash of a result's input: a frame by its Arrow IPC bytes, anything else as JSON."""
    if isinstance(value, pl.DataFrame):
        buffer = io.BytesIO()
        value.write_ipc(buffer)
        return hashlib.sha256(buffer.getvalue()).hexdigest()
    if isinstance(value, list | tuple):
        return hashlib.sha256("".join(_fingerprint(v) for v in value).encode()).hexdigest()
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _code_of(compute: Callable[[], Any]) -> str:
    """A fingerprint of a function's own code (its bytecode, the names and constants it uses,
    those of the functions defined in it), not of the values it reads."""
    code = getattr(compute, "__code__", None)
    if code is None:
        return repr(compute)
    parts = []

    def walk(c: Any) -> None:
        parts.append(c.co_code.hex())
        parts.extend(c.co_names)
        for const in c.co_consts:
            if hasattr(const, "co_code"):
                walk(const)
            elif isinstance(const, frozenset):  # a set literal: its order varies by process
                parts.append(repr(sorted(map(repr, const))))
            else:
                parts.append(repr(const))

    walk(code)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _result_key(ctx: Context, name: str, inputs: Any) -> str:
    sections = [ctx.section, *BORROWED.get(ctx.section, {})]
    params = {k: ctx.params[k] for k in SHARED if k not in RUN_ONLY}
    params |= {s: ctx.params[s] for s in sections}
    key = {
        "prepared": ctx.prepared.key,
        "params": params,
        "name": name,
        "code": code_version(),
        "inputs": _fingerprint(inputs),
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()[:24]


def _write_result(folder: Path, value: Any) -> None:
    """A result as parquet files (its frames) and ``value.json`` (its shape), written last."""
    parts = value if isinstance(value, tuple) else (value,)
    shape = []
    for i, part in enumerate(parts):
        if isinstance(part, pl.DataFrame):
            write_atomic(folder / f"part-{i}.parquet", part.write_parquet)
            shape.append({"frame": f"part-{i}.parquet"})
        else:
            shape.append({"json": part})
    body = {"tuple": isinstance(value, tuple), "parts": shape}
    write_bytes(folder / "value.json", json.dumps(body, default=str).encode())


def _read_result(folder: Path) -> Any:
    """A cached result, or None when absent or damaged (then it is logged and dropped)."""
    body = read_checked(folder / "value.json", lambda p: json.loads(p.read_text("utf-8")))
    if body is None:
        return None
    parts = []
    for part in body["parts"]:
        if "frame" in part:
            frame = read_checked(folder / part["frame"], pl.read_parquet)
            if frame is None:  # logged and dropped: the whole result is computed again
                drop(folder / "value.json")
                return None
            parts.append(frame)
        else:
            parts.append(part["json"])
    return tuple(parts) if body["tuple"] else parts[0]


def context(namespace: dict[str, Any], section: str, *, progress: bool = False) -> Context:
    """The :class:`Context` for a notebook, from the variables of its ``parameters`` cell.

    Under ``toolkit run`` (``prepared_key`` set) the parameters were validated by the run and
    the corpus prepared: it is read back from the cache. Otherwise the parameters are validated
    here (papermill does not) and the corpus prepared, once per input.
    """
    if section not in SECTIONS:
        raise ToolkitError(f"no notebook section {section!r}; sections: {', '.join(SECTIONS)}")
    # tqdm.auto, imported by libraries the notebooks use, warns in a kernel without ipywidgets
    # that its bars are text: those are the bars wanted, and the warning is no finding
    warnings.filterwarnings("ignore", message="IProgress not found")
    root = project_root()
    _near_misses(namespace)
    raw = {k: namespace[k] for k in SHARED if k in namespace}
    raw[section] = namespace.get(section, {})
    for other in BORROWED.get(section, {}):
        if other in namespace:
            raw[other] = namespace[other]
    cache_dir = Path(namespace["cache_dir"]) if namespace.get("cache_dir") else cache_root(root)
    key = namespace.get("prepared_key")
    if key:
        params = _completed(raw)
        try:
            prepared = load_prepared(key, cache_dir)
        except DamagedCache:  # logged and dropped: prepared again from the run's parameters
            prepared = prepare(params, root, progress=progress, cache_dir=cache_dir)
    else:
        where = f"notebook {NOTEBOOKS[section]} parameters"
        params = validate_params(raw, root=root, where=where)
        prepared = prepare(params, root, progress=progress, cache_dir=cache_dir)
        check_corpus(params, prepared.corpus, where=where, sections=[section])
    out = namespace.get("output_dir")
    output_dir = Path(out) if out else outputs_dir(root) / params["name"] / "interactive"
    shown = bool(namespace.get("progress", True))
    ctx = Context(params, section, root, output_dir, prepared, cache_dir, progress=shown)
    if not out:  # a run of this notebook again in the interactive folder: its tables anew
        _clear_tables(ctx.tables_dir)
    return ctx


def _clear_tables(folder: Path) -> None:
    """The tables a notebook wrote into its folder before, removed: a rerun on other
    parameters that makes fewer leaves none of the last run's to be read as its own."""
    if folder.is_dir():
        for path in folder.iterdir():
            if path.is_file() and path.suffix in (".parquet", ".csv", ".key"):
                path.unlink()


def _near_misses(namespace: dict[str, Any]) -> None:
    """Warn of a variable of the notebook named almost as a parameter is ("duplicate" for
    ``duplicates``): it is not one, so the parameter keeps its default (trial O). Only a value
    of the parameter's kind is taken for one: after a first Run All the namespace also holds
    the notebook's own ``seeds`` (a list) or ``units`` (a table), which are no misspellings."""
    known = {**defaults(), **PIPELINE, "output_dir": None}
    # a copy: a warning adds __warningregistry__ to the notebook's globals, the namespace read
    # here, and a dict that grows while read is an error (trial V, on a fresh kernel)
    for name, value in list(namespace.items()):
        if name.startswith("_") or name in known or not isinstance(value, _PLAIN):
            continue
        close = close_key(name, known)
        if close and (known[close] is None or isinstance(value, type(known[close]))):
            warnings.warn(
                f"{name!r} is no parameter (did you mean {close!r}?): {close} keeps its value",
                stacklevel=3,
            )


def _completed(raw: dict[str, Any]) -> dict[str, Any]:
    """Parameters the run validated, completed with the defaults of what it did not pass."""
    params = defaults()
    for key, value in raw.items():
        if isinstance(value, dict):
            params[key].update(copy.deepcopy(value))
        else:
            params[key] = copy.deepcopy(value)
    return params
