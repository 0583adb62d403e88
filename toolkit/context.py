"""What a notebook works with: its parameters, the prepared corpus, where its tables go.

A notebook calls :func:`context` with the variables of its ``parameters`` cell. Under
``toolkit run`` the parameters were validated by the run and the corpus prepared once: the run
hands the notebook the prepared corpus's cache key (``prepared_key``) and the cache folder
(``cache_dir``), and :func:`context` reads the corpus back without validating or hashing the
inputs again. Run interactively (no key), it validates the parameters and prepares the corpus
itself, through the same cache.

Example:
    >>> from toolkit.context import context
    >>> ctx = context(globals(), "topics")                    # doctest: +SKIP
    >>> ctx.save_table(ctx.stories.head(), "first")           # doctest: +SKIP
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.dedup import apply_policy
from toolkit.errors import ParamsError, ToolkitError
from toolkit.params import NOTEBOOKS, SECTIONS, SHARED, defaults, project_root
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
    "check_corpus",
    "context",
    "filtered",
    "notebook_parameters",
]

# what `toolkit run` hands every notebook besides its parameters (None when run interactively)
PIPELINE: dict[str, Any] = {"prepared_key": None, "cache_dir": None}

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

    @property
    def corpus(self) -> pl.DataFrame:
        """Every copy, after the outlet and date filters, marked with its reprint cluster."""
        return filtered(self.prepared.corpus, self.params)

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
        notebook's ``article_topics``), or None when that notebook has not run here."""
        path = self.output_dir / "tables" / NOTEBOOKS[section] / f"{name}.parquet"
        return pl.read_parquet(path) if path.is_file() else None

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

    def cache(self, name: str) -> Path:
        """A folder under the shared cache (``outputs/.cache/NAME`` unless the run says)."""
        return (self.cache_dir or cache_root(self.root)) / name

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


def filtered(corpus: pl.DataFrame, params: dict[str, Any]) -> pl.DataFrame:
    """The documents of ``corpus`` that pass the outlet and date filters of ``params``."""
    if params["outlets"]:
        corpus = corpus.filter(pl.col("outlet").is_in(params["outlets"]))
    if params["date_from"]:
        corpus = corpus.filter(pl.col("published") >= dt.date.fromisoformat(params["date_from"]))
    if params["date_to"]:
        corpus = corpus.filter(pl.col("published") <= dt.date.fromisoformat(params["date_to"]))
    return corpus


def check_corpus(params: dict[str, Any], corpus: pl.DataFrame, *, where: str) -> None:
    """The filters against the prepared corpus, before any notebook runs: an ``outlets`` name
    with no document, or a ``rhetoric.pair`` group (outlet or site) with none once filtered,
    is a :class:`ParamsError` listing what the corpus holds.

    Example:
        >>> check_corpus(params, prepared.corpus, where="params/x.yaml")    # doctest: +SKIP
        ParamsError: params/x.yaml: 1 problem:
          - outlets: 'Xinhua' has no document in the corpus; its outlets: BelTA, TASS
    """
    problems = []
    outlets = set(corpus["outlet"].drop_nulls().unique().to_list())
    for name in params["outlets"]:
        if name not in outlets:
            problems.append(
                f"outlets: {name!r} has no document in the corpus; its outlets: {_listed(outlets)}"
            )
    by, pair = params["rhetoric"]["group_by"], params["rhetoric"]["pair"]
    if pair and by in ("outlet", "site") and not problems:
        groups = set(filtered(corpus, params)[by].drop_nulls().unique().to_list())
        for name in pair:
            if name not in groups:
                problems.append(
                    f"rhetoric.pair: {name!r} has no document in the corpus once filtered; its "
                    f"{by}s: {_listed(groups)}"
                )
    if problems:
        raise ParamsError(
            f"{where}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:\n  - "
            + "\n  - ".join(problems)
        )


def _listed(names: set[str], most: int = 30) -> str:
    shown = sorted(names)[:most]
    more = f" and {len(names) - most} more" if len(names) > most else ""
    return (", ".join(shown) + more) if shown else "none"


def context(namespace: dict[str, Any], section: str, *, progress: bool = False) -> Context:
    """The :class:`Context` for a notebook, from the variables of its ``parameters`` cell.

    Under ``toolkit run`` (``prepared_key`` set) the parameters were validated by the run and
    the corpus prepared: it is read back from the cache. Otherwise the parameters are validated
    here (papermill does not) and the corpus prepared, once per input.
    """
    if section not in SECTIONS:
        raise ToolkitError(f"no notebook section {section!r}; sections: {', '.join(SECTIONS)}")
    root = project_root()
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
        check_corpus(params, prepared.corpus, where=where)
    out = namespace.get("output_dir")
    output_dir = Path(out) if out else outputs_dir(root) / params["name"] / "interactive"
    return Context(params, section, root, output_dir, prepared, cache_dir)


def _completed(raw: dict[str, Any]) -> dict[str, Any]:
    """Parameters the run validated, completed with the defaults of what it did not pass."""
    params = defaults()
    for key, value in raw.items():
        if isinstance(value, dict):
            params[key].update(copy.deepcopy(value))
        else:
            params[key] = copy.deepcopy(value)
    return params
