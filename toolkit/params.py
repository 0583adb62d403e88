"""Named parameter sets (``params/*.yaml``): what each key means, and validation before any run.

A parameter set has shared keys (the corpus, the unit of analysis, the duplicates policy, filters,
the seed, the embedding model) and one section per notebook (``corpus``, ``topics``, ...). Papermill
validates nothing, so :func:`load_params` and :func:`validate` check every key and list every
problem (unknown keys, wrong types, missing files, unknown outlets) in one :class:`ParamsError`.

Example:
    >>> from toolkit.params import load_params
    >>> p = load_params("params/seeds.yaml")                # doctest: +SKIP
    >>> p["unit"], p["corpus"]["explain"]                   # doctest: +SKIP
    ('paragraph', 5)
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import ToolkitError
from toolkit.resources import read_mapping

__all__ = [
    "NOTEBOOKS",
    "SECTIONS",
    "SHARED",
    "ParamsError",
    "defaults",
    "load_params",
    "notebook_parameters",
    "project_root",
    "read_mapping",
    "validate",
]


class ParamsError(ToolkitError):
    """A parameter set is invalid; the message lists every problem found."""


@dataclass(frozen=True)
class Key:
    types: tuple[type, ...]
    default: Any
    help: str
    choices: tuple[Any, ...] | None = None


_DEDUP_KEYS = {"shingle_size", "threshold", "containment", "num_perm", "bands", "seed"}

# shared keys: every notebook declares them in its parameters cell
SHARED: dict[str, Key] = {
    "name": Key((str,), "seeds", "name of the parameter set; runs go to outputs/NAME/"),
    "sources": Key((list,), ["seeds"], "files or folders to load, relative to the project root"),
    "manifest": Key((str, type(None)), None, "manifest CSV (else a source folder's manifest.csv)"),
    "outlet_tables": Key((str, type(None)), None, "folder of your own outlet tables (*.yaml)"),
    "unit": Key((str,), "paragraph", "unit of analysis", ("article", "paragraph", "sentence")),
    "duplicates": Key(
        (str,),
        "collapse",
        "reprint clusters: one story (collapse) or every copy (keep)",
        ("collapse", "keep"),
    ),
    "outlets": Key((list,), [], "keep only these outlets (canonical names); empty keeps all"),
    "date_from": Key((str, type(None)), None, "keep items published on or after (YYYY-MM-DD)"),
    "date_to": Key((str, type(None)), None, "keep items published on or before (YYYY-MM-DD)"),
    "seed": Key((int,), 42, "seed for every random step"),
    "model": Key(
        (str, type(None)),
        None,
        "local sentence-transformers model folder; null for the bundled all-MiniLM-L6-v2",
    ),
    "dedup": Key((dict,), {}, f"find_duplicates options: {', '.join(sorted(_DEDUP_KEYS))}"),
    "min_group_docs": Key((int,), 5, "groups with fewer documents are flagged, never compared"),
}

# one section per notebook; keys inside a section are checked against these
SECTIONS: dict[str, dict[str, Key]] = {
    "corpus": {
        "sample": Key((int,), 3, "documents shown before and after cleaning"),
        "explain": Key((int,), 5, "duplicate pairs explained paragraph by paragraph"),
        "top_clusters": Key((int,), 20, "largest reprint clusters listed"),
    },
}

SECTIONS["topics"] = {
    "min_units": Key((int,), 20, "fewer units than this are not clustered (the notebook says so)"),
    "min_topic_size": Key((int, type(None)), None, "HDBSCAN min cluster size; null scales it"),
    "n_neighbors": Key((int, type(None)), None, "UMAP neighbours; null scales them"),
    "n_components": Key((int,), 5, "UMAP dimensions"),
    "representation": Key((str,), "keybert", "topic words", ("keybert", "mmr", "none")),
    "mmr_diversity": Key((float,), 0.3, "diversity of MMR topic words"),
    "top_n_words": Key((int,), 10, "words per topic"),
    "ngram_max": Key((int,), 2, "longest n-gram in the vectorizer"),
    "stop_words": Key((str, type(None)), "english", "stop word list (scikit-learn's)"),
    "nr_topics": Key((int, str, type(None)), None, "merge to this many topics, or 'auto'"),
    "reduce_outliers": Key((bool,), False, "reassign outliers to their nearest topic"),
    "stability_runs": Key((int,), 3, "refits with other seeds to measure topic stability"),
    "period": Key(
        (str,), "month", "period for topics over time", ("day", "week", "month", "quarter", "year")
    ),
    "passages": Key((int,), 3, "representative passages shown per topic"),
}

SECTIONS["rhetoric"] = {
    "group_by": Key((str,), "outlet", "column to compare", ("outlet", "site", "period")),
    "period": Key((str,), "year", "period when group_by is period", ("month", "quarter", "year")),
    "pair": Key((list,), [], "two groups for the scatter plot; empty: the two largest"),
    "top_terms": Key((int,), 20, "distinctive terms listed per group"),
    "min_count": Key((int,), 5, "terms rarer than this in the corpus are not ranked"),
    "prior_strength": Key((float,), 500.0, "pseudo-counts of the informative Dirichlet prior"),
    "ngram_max": Key((int,), 2, "longest n-gram compared"),
    "frames_file": Key((str, type(None)), None, "YAML of your own frames (same shape)"),
    "frames_mode": Key(
        (str,), "extend", "your frames extend or replace the bundled ones", ("extend", "replace")
    ),
    "keywords": Key((list,), ["sanction*", "union state", "brother*"], "concordance terms"),
    "window": Key((int,), 8, "words either side in the concordance"),
    "bootstrap": Key((int,), 1000, "bootstrap resamples for intervals"),
}

SECTIONS["trends"] = {
    "period": Key(
        (str,), "month", "period of every series", ("day", "week", "month", "quarter", "year")
    ),
    "query": Key(
        (list,),
        ["belarus*", "lukashenk*", "minsk", "union state"],
        "terms whose share of items is followed (whole words; * for any ending)",
    ),
    "events": Key(
        (list,),
        [
            {"date": "2020-08-09", "label": "Belarusian presidential election"},
            {"date": "2021-11-04", "label": "Union State programmes"},
            {"date": "2022-02-24", "label": "February 2022"},
            {"date": "2023-01-19", "label": "Lavrov in Minsk"},
        ],
        "events drawn on every time plot: a list of {date, label}",
    ),
    "event": Key((str, type(None)), "2022-02-24", "the event compared before and after"),
    "window_days": Key((int,), 180, "days either side of the event"),
    "rolling": Key((int,), 1, "periods pooled in a rolling window (1: none)"),
    "min_period_items": Key(
        (int,), 5, "periods with fewer items are left out of share plots (kept in the tables)"
    ),
    "permutations": Key((int,), 2000, "shuffles in the before/after permutation test"),
    "top_terms": Key((int,), 20, "terms listed as rising and falling"),
    "min_count": Key((int,), 3, "terms rarer than this around the event are not ranked"),
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


def defaults() -> dict[str, Any]:
    """Every key with its default: the parameter set a notebook runs with when given none."""
    out = {k: copy.deepcopy(v.default) for k, v in SHARED.items()}
    for section, keys in SECTIONS.items():
        out[section] = {k: copy.deepcopy(v.default) for k, v in keys.items()}
    return out


def load_params(path: str | Path, *, root: Path | None = None) -> dict[str, Any]:
    """Read, complete with defaults and validate a parameter set; raises :class:`ParamsError`."""
    path = Path(path)
    raw = read_mapping(
        path, what="parameter file; the sets are in params/*.yaml", error=ParamsError
    )
    raw.setdefault("name", path.stem)
    return validate(raw, root=root or project_root(path.parent), where=str(path))


def validate(raw: dict[str, Any], *, root: Path, where: str = "parameters") -> dict[str, Any]:
    """Complete ``raw`` with defaults and check it; every problem is listed in one error."""
    problems: list[str] = []
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
                        f"{key}.{sub}: unknown key; {key} takes {', '.join(sorted(SECTIONS[key]))}"
                    )
                else:
                    params[key][sub] = _check(f"{key}.{sub}", sub_value, spec, problems)
        else:
            known = sorted(SHARED) + sorted(SECTIONS)
            problems.append(f"{key}: unknown key; known keys are {', '.join(known)}")
    _check_paths(params, root, problems)
    _check_outlets(params, root, problems)
    _check_dates(params, problems)
    _check_events(params["trends"], problems)
    unknown_dedup = sorted(set(params["dedup"]) - _DEDUP_KEYS)
    if unknown_dedup:
        problems.append(f"dedup: unknown options {', '.join(unknown_dedup)}")
    if problems:
        raise ParamsError(
            f"{where}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:\n  - "
            + "\n  - ".join(problems)
        )
    return params


def _check(name: str, value: Any, spec: Key, problems: list[str]) -> Any:
    if isinstance(value, dt.date) and str in spec.types:
        value = value.isoformat()  # YAML reads 2022-02-24 as a date
    if isinstance(value, int) and not isinstance(value, bool) and float in spec.types:
        value = float(value)
    ok = isinstance(value, spec.types) and not (isinstance(value, bool) and bool not in spec.types)
    if not ok:
        wanted = " or ".join("null" if t is type(None) else t.__name__ for t in spec.types)
        problems.append(f"{name}: must be {wanted}, not {type(value).__name__} {value!r}")
        return spec.default
    if spec.choices and value not in spec.choices:
        problems.append(
            f"{name}: must be one of {', '.join(map(str, spec.choices))}, not {value!r}"
        )
    return value


def _check_paths(params: dict[str, Any], root: Path, problems: list[str]) -> None:
    if not params["sources"]:
        problems.append("sources: list at least one file or folder to load")
    for source in params["sources"]:
        if not isinstance(source, str):
            problems.append(f"sources: {source!r} is not a path")
        elif not (root / source).exists():
            problems.append(f"sources: {source} does not exist (paths are relative to {root})")
    paths = {k: params[k] for k in ("manifest", "outlet_tables", "model")}
    paths["rhetoric.frames_file"] = params["rhetoric"]["frames_file"]
    for key, value in paths.items():
        if isinstance(value, str) and not (root / value).exists():
            problems.append(f"{key}: {value} does not exist (paths are relative to {root})")


def _check_outlets(params: dict[str, Any], root: Path, problems: list[str]) -> None:
    from toolkit.outlets import Registry, registry

    extra = params["outlet_tables"]
    try:
        reg = Registry.load((root / extra,)) if extra and (root / extra).is_dir() else registry()
    except ToolkitError as e:
        problems.append(f"outlet_tables: {e}")
        return
    canonical = []
    for name in params["outlets"]:
        if not isinstance(name, str) or reg.canonical(name) is None:
            known = ", ".join(sorted(reg.outlets))
            problems.append(f"outlets: {name!r} is not a known outlet; known: {known}")
        else:
            canonical.append(reg.canonical(name))
    params["outlets"] = canonical
    pair = params["rhetoric"]["pair"]
    if pair and (len(pair) != 2 or not all(isinstance(g, str) for g in pair)):
        problems.append(f"rhetoric.pair: must name two groups, not {pair!r}")
    elif pair and params["rhetoric"]["group_by"] == "outlet":
        for name in pair:
            if reg.canonical(name) is None:
                problems.append(f"rhetoric.pair: {name!r} is not a known outlet")
        params["rhetoric"]["pair"] = [reg.canonical(g) or g for g in pair]


def _check_dates(params: dict[str, Any], problems: list[str]) -> None:
    parsed = {}
    for key in ("date_from", "date_to"):
        value = params[key]
        if isinstance(value, str):
            try:
                parsed[key] = dt.date.fromisoformat(value)
            except ValueError:
                problems.append(f"{key}: {value!r} is not a date (YYYY-MM-DD)")
    if len(parsed) == 2 and parsed["date_from"] > parsed["date_to"]:
        problems.append(f"date_from {params['date_from']} is after date_to {params['date_to']}")


def _check_events(trends: dict[str, Any], problems: list[str]) -> None:
    for i, e in enumerate(trends["events"]):
        if isinstance(e, dict) and isinstance(e.get("date"), dt.date):
            e["date"] = e["date"].isoformat()
        if not (isinstance(e, dict) and set(e) == {"date", "label"}):
            problems.append(f"trends.events[{i}]: must be {{date: YYYY-MM-DD, label: text}}")
            continue
        try:
            dt.date.fromisoformat(str(e["date"]))
        except ValueError:
            problems.append(f"trends.events[{i}].date: {e['date']!r} is not a date (YYYY-MM-DD)")
    if trends["event"] is not None:
        try:
            dt.date.fromisoformat(trends["event"])
        except ValueError:
            problems.append(f"trends.event: {trends['event']!r} is not a date (YYYY-MM-DD)")


def notebook_parameters(section: str) -> dict[str, Any]:
    """The parameters a notebook declares: the shared keys, its own section, ``output_dir``."""
    d = defaults()
    return {**{k: d[k] for k in SHARED}, section: d[section], "output_dir": None}
