"""Named parameter sets (``params/*.yaml``): what each key means, and validation before any run.

A parameter set has shared keys (the corpus, the unit of analysis, the duplicates policy, filters,
the seed, the embedding model) and one section per notebook (``corpus``, ``topics``, ...). Papermill
validates nothing, so :func:`load_params` and :func:`validate` check every key and list every
problem (unknown keys, wrong types, values out of range, missing files, unknown outlets) in one
:class:`ParamsError`.

Every key is read from an options dataclass: the shared keys from :class:`SharedOptions`, each
section from its stage's (``CorpusOptions`` in ``overview``, ``TopicOptions`` in ``topics``,
``RhetoricOptions``, ``TrendOptions``; the ``dedup`` mapping from ``DedupOptions``), so types,
defaults, ranges and the README's key tables (:func:`key_tables`) have one source.

Example:
    >>> from toolkit.params import load_params
    >>> p = load_params("params/seeds.yaml")                # doctest: +SKIP
    >>> p["unit"], p["corpus"]["explain"]                   # doctest: +SKIP
    ('paragraph', 5)
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from toolkit.dedup import DedupOptions
from toolkit.embed import names_bundled_encoder
from toolkit.errors import ParamsError, ToolkitError
from toolkit.options import Spec, check_value, option, specs
from toolkit.overview import CorpusOptions
from toolkit.params_checks import (
    INGEST_KEYS,
    check_aliases,
    check_dask,
    check_dates,
    check_dedup,
    check_events,
    check_ingest,
    check_languages,
    check_name,
    check_outlets,
    check_paths,
    check_speaker_kinds,
)
from toolkit.resources import read_mapping
from toolkit.rhetoric import RhetoricOptions
from toolkit.stats import MIN_GROUP_DOCS, SEED
from toolkit.topics import TopicOptions
from toolkit.trend_options import TrendOptions

__all__ = [
    "NOTEBOOKS",
    "RUN_ONLY",
    "SECTIONS",
    "SECTION_OPTIONS",
    "SHARED",
    "ParamsError",
    "SharedOptions",
    "defaults",
    "find_root",
    "load_params",
    "notebook_parameters",
    "paths_base",
    "project_root",
    "read_mapping",
    "validate",
]


# the ingest keywords a parameter set may give (its ``ingest`` mapping)


@dataclass(frozen=True)
class SharedOptions:
    """The keys every notebook declares in its parameters cell: the corpus, the unit of
    analysis, the duplicates policy, filters, the seed and the embedding model."""

    name: str = option(
        "seeds",
        "name of the parameter set, a folder name (letters, digits, - _ .); runs go to "
        "outputs/NAME/",
    )
    sources: list = option(
        ["seeds"],
        "files or folders to load, relative to the project root (to the file's own folder "
        "for a parameter file outside the project)",
    )
    manifest: str | None = option(
        None, "manifest CSV (else a source folder's manifest.csv)", types=(str, type(None))
    )
    outlet_tables: str | None = option(
        None, "folder of your own outlet tables (*.yaml)", types=(str, type(None))
    )
    unit: str = option(
        "paragraph", "unit of analysis", choices=("article", "paragraph", "sentence")
    )
    duplicates: str = option(
        "collapse",
        "reprint clusters: one story (collapse) or every copy (keep)",
        choices=("collapse", "keep"),
    )
    outlets: list = option(
        [],
        "keep only these outlets (a known outlet by any alias, another as the corpus writes "
        "it); empty keeps all",
    )
    date_from: str | None = option(
        None, "keep items published on or after (YYYY-MM-DD)", types=(str, type(None))
    )
    date_to: str | None = option(
        None, "keep items published on or before (YYYY-MM-DD)", types=(str, type(None))
    )
    seed: int = option(SEED, "seed for every random step", minimum=0, maximum=2**32 - 1)
    model: str | None = option(
        None,
        "local sentence-transformers model folder, or multilingual for the bundled multilingual "
        "encoder (mixed-language corpora); null for the bundled English all-MiniLM-L6-v2",
        types=(str, type(None)),
    )
    dedup: dict = option(
        {}, "find_duplicates options: " + ", ".join(sorted(f.name for f in fields(DedupOptions)))
    )
    min_group_docs: int = option(
        MIN_GROUP_DOCS,
        "groups with fewer documents are flagged, never compared",
        minimum=1,
        maximum=10**6,
    )
    groups_drawn: int = option(
        12,
        "outlets (or groups) drawn in a figure: those with the most documents; the tables, and "
        "the pooled lines, keep every one",
        minimum=1,
        maximum=1000,
    )
    ingest: dict = option(
        {},
        "how to read your tables: " + ", ".join(INGEST_KEYS) + " (as toolkit.ingest takes "
        "them; e.g. {columns: {text: story}, outlet_names: {the-new-york-times: New York "
        "Times}, dayfirst: true}); date_format and dayfirst may map source names to values",
    )
    engine: str = option(
        "local",
        "where ingest, duplicate detection and the topics notebook's embeddings run: here "
        "(local) or on Dask (dask, see the dask key); the tables and vectors are the same",
        choices=("local", "dask"),
    )
    dask: dict = option(
        {},
        "the Dask cluster for engine dask: address (tcp://host:port of a running scheduler) or "
        "local_workers (a local cluster of N workers; 2 when neither is given)",
    )


# shared keys `toolkit run` reads to prepare the corpus, never passed to a notebook
RUN_ONLY = ("engine", "dask")


# one section per notebook: the options of the stage it shows, owned by that stage's module
SECTION_OPTIONS: dict[str, type] = {
    "corpus": CorpusOptions,
    "topics": TopicOptions,
    "rhetoric": RhetoricOptions,
    "trends": TrendOptions,
}

# every key's spec (types, default, help, choices, range), read from the dataclasses above
SHARED: dict[str, Spec] = {s.name: s for s in specs(SharedOptions)}
SECTIONS: dict[str, dict[str, Spec]] = {
    section: {s.name: s for s in specs(cls)} for section, cls in SECTION_OPTIONS.items()
}

# notebook file stem for each section, in run order
NOTEBOOKS: dict[str, str] = {
    "corpus": "00_corpus",
    "topics": "01_topics",
    "rhetoric": "02_rhetoric",
    "trends": "03_trends",
}


def project_root(start: Path | None = None) -> Path:
    """The folder holding ``pyproject.toml`` and ``params/``, searched upward from ``start``
    (the working directory by default), so notebooks run from ``notebooks/`` or the root."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "params").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    raise ToolkitError(
        f"no project root above {here} (a folder with pyproject.toml and params/); "
        "run from inside the project"
    )


def find_root(params_path: Path) -> Path:
    """The project whose notebooks run a parameter file: the one holding the file, else the
    one around the working directory, else the one this toolkit is installed from."""
    for start in (params_path.resolve().parent, Path.cwd(), Path(__file__).resolve().parent):
        try:
            return project_root(start)
        except ToolkitError:
            continue
    raise ToolkitError(
        f"{params_path}: no toolkit project (a folder with pyproject.toml, params/ and "
        "notebooks/) holds this file, the working directory or the toolkit; run from inside one"
    )


# the keys that name files or folders: read from the project root, or from the parameter
# file's own folder when the file lies outside the project
PATH_KEYS = ("sources", "manifest", "outlet_tables", "model", "rhetoric.frames_file")


def paths_base(params_path: Path, root: Path) -> Path:
    """Where the relative paths of a parameter file are read from: the project root for a
    file inside the project (``params/*.yaml``), else the file's own folder."""
    where = params_path.resolve().parent
    return root if where.is_relative_to(root) else where


def _rebased(raw: dict[str, Any], base: Path) -> dict[str, Any]:
    """``raw`` with the relative paths of :data:`PATH_KEYS` made absolute from ``base``."""

    def rebase(value: Any) -> Any:  # "../data" from a params folder is written as the folder
        return os.path.normpath(base / value) if isinstance(value, str) and value else value

    out = copy.deepcopy(raw)
    for key in PATH_KEYS:
        section, _, sub = key.rpartition(".")
        holder = out.get(section) if section else out
        if not isinstance(holder, dict) or sub not in holder:
            continue
        value = holder[sub]
        if key == "model" and names_bundled_encoder(value):
            continue  # a bundled encoder named, not a path
        holder[sub] = [rebase(v) for v in value] if isinstance(value, list) else rebase(value)
    return out


def defaults() -> dict[str, Any]:
    """Every key with its default: the parameter set a notebook runs with when given none."""
    out = {k: copy.deepcopy(v.default) for k, v in SHARED.items()}
    for section, keys in SECTIONS.items():
        out[section] = {k: copy.deepcopy(v.default) for k, v in keys.items()}
    return out


def load_params(path: str | Path, *, root: Path | None = None) -> dict[str, Any]:
    """Read, complete with defaults and validate a parameter set; raises :class:`ParamsError`.

    ``root`` is the project (default :func:`find_root`). Relative paths are read from the
    project root, or from the file's own folder when it lies outside the project
    (:func:`paths_base`); they are made absolute then.
    """
    path = Path(path)
    raw = read_mapping(
        path, what="parameter file; the sets are in params/*.yaml", error=ParamsError
    )
    raw.setdefault("name", path.stem)
    root = root or find_root(path)
    base = paths_base(path, root)
    if base != root:
        raw = _rebased(raw, base)
    # a file names its sources: the default, the five seed pages, would pass for an analysis
    # of the user's corpus under the user's run name (trial V)
    return validate(raw, root=root, where=str(path), needs_sources=True)


def validate(
    raw: dict[str, Any], *, root: Path, where: str = "parameters", needs_sources: bool = False
) -> dict[str, Any]:
    """Complete ``raw`` with defaults and check it; every problem is listed in one error.
    ``needs_sources``: ``sources`` must be given (a parameter file's), not left to the default."""
    problems: list[str] = []
    if needs_sources and "sources" not in raw:
        problems.append(
            "sources: none given; name the files or folders to load (sources: [data/my_corpus]); "
            "params/seeds.yaml names the bundled seed pages"
        )
    params = defaults()
    for key, value in raw.items():
        if key in SHARED:
            params[key] = _check(key, value, SHARED[key], problems)
        elif key in SECTIONS:
            if not isinstance(value, dict):
                problems.append(f"{key}: must be a mapping of that notebook's options")
                continue
            for sub, sub_value in value.items():
                spec = SECTIONS[key].get(sub)
                if spec is None:
                    problems.append(
                        f"{key}.{sub}: unknown key{_did_you_mean(sub, SECTIONS[key])}; {key} "
                        f"takes {', '.join(sorted(SECTIONS[key]))}"
                    )
                else:
                    params[key][sub] = _check(f"{key}.{sub}", sub_value, spec, problems)
        else:
            known = sorted(SHARED) + sorted(SECTIONS)
            problems.append(
                f"{key}: unknown key{_did_you_mean(key, known)}; known keys are {', '.join(known)}"
            )
    check_name(params["name"], problems)
    check_paths(params, root, problems)
    check_ingest(params, problems)
    check_outlets(params, root, problems)
    check_dates(params, problems)
    check_events(params["trends"], problems)
    check_languages(params, problems)
    check_dedup(params["dedup"], problems)
    check_dask(params["dask"], problems)
    check_aliases(params["rhetoric"]["speaker_aliases"], problems)
    check_speaker_kinds(params["rhetoric"]["speaker_kinds"], problems)
    if problems:
        raise ParamsError(
            f"{where}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:\n  - "
            + "\n  - ".join(problems)
        )
    return params


def _check(name: str, value: Any, spec: Spec, problems: list[str]) -> Any:
    if isinstance(value, dt.date) and str in spec.types:
        value = value.isoformat()  # YAML reads 2022-02-24 as a date
    if isinstance(value, int) and not isinstance(value, bool) and float in spec.types:
        value = float(value)
    why = check_value(spec, value)
    if why:
        problems.append(f"{name}: {why}")
        return copy.deepcopy(spec.default)
    return value


def notebook_parameters(section: str) -> dict[str, Any]:
    """The parameters a notebook declares: the shared keys, its own section, ``output_dir``."""
    d = defaults()
    shared = {k: d[k] for k in SHARED if k not in RUN_ONLY}
    return {**shared, section: d[section], "output_dir": None}


def close_key(key: Any, known: Iterable[str]) -> str | None:
    """The known key ``key`` is most likely a misspelling of ("topics" for "topic"), or None."""
    import difflib

    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.75)
    return close[0] if close else None


def _did_you_mean(key: Any, known: Iterable[str]) -> str:
    """`` (did you mean 'topics'?)`` for a key close to a known one (``topic``), else ``""``."""
    close = close_key(key, known)
    return f" (did you mean {close!r}?)" if close else ""
