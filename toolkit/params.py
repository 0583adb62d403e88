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
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from toolkit.dedup import DedupOptions
from toolkit.embed import MULTILINGUAL_MODELS
from toolkit.errors import ParamsError, ToolkitError
from toolkit.options import Spec, check_value, option, range_text, specs
from toolkit.overview import CorpusOptions
from toolkit.resources import read_mapping
from toolkit.rhetoric import RhetoricOptions
from toolkit.topics import TopicOptions
from toolkit.trends import TrendOptions

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
    "key_tables",
    "load_params",
    "notebook_parameters",
    "paths_base",
    "project_root",
    "read_mapping",
    "update_readme",
    "validate",
]


# the ingest keywords a parameter set may give (its ``ingest`` mapping)
INGEST_KEYS = ("columns", "outlet_names", "date_format", "dayfirst", "max_file_mb")


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
    outlets: list = option([], "keep only these outlets (canonical names); empty keeps all")
    date_from: str | None = option(
        None, "keep items published on or after (YYYY-MM-DD)", types=(str, type(None))
    )
    date_to: str | None = option(
        None, "keep items published on or before (YYYY-MM-DD)", types=(str, type(None))
    )
    seed: int = option(42, "seed for every random step", minimum=0, maximum=2**32 - 1)
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
        5, "groups with fewer documents are flagged, never compared", minimum=1, maximum=10**6
    )
    ingest: dict = option(
        {},
        "how to read your tables: " + ", ".join(INGEST_KEYS) + " (as toolkit.ingest takes "
        "them; e.g. {columns: {text: story}, outlet_names: {the-new-york-times: New York "
        "Times}, dayfirst: true}); date_format and dayfirst may map source names to values",
    )
    engine: str = option(
        "local",
        "where ingest and duplicate detection run: here (local) or on Dask (dask, see the dask "
        "key); the tables are the same",
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

    def rebase(value: Any) -> Any:
        return str(base / value) if isinstance(value, str) and value else value

    out = copy.deepcopy(raw)
    for key in PATH_KEYS:
        section, _, sub = key.rpartition(".")
        holder = out.get(section) if section else out
        if not isinstance(holder, dict) or sub not in holder:
            continue
        value = holder[sub]
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
    return validate(raw, root=root, where=str(path))


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
    _check_name(params["name"], problems)
    _check_paths(params, root, problems)
    _check_ingest(params, problems)
    _check_outlets(params, root, problems)
    _check_dates(params, problems)
    _check_events(params["trends"], problems)
    _check_dedup(params["dedup"], problems)
    _check_dask(params["dask"], problems)
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


def _check_dedup(options: dict[str, Any], problems: list[str]) -> None:
    """The ``dedup`` mapping against :class:`~toolkit.dedup.DedupOptions`."""
    known = {s.name: s for s in specs(DedupOptions)}
    unknown = sorted(set(options) - set(known))
    if unknown:
        problems.append(f"dedup: unknown options {', '.join(unknown)}")
    bad = [
        f"dedup.{name}: {why}"
        for name, value in options.items()
        if name in known and (why := check_value(known[name], value))
    ]
    problems += bad
    if not unknown and not bad:
        problems += [f"dedup: {p}" for p in DedupOptions(**options).problems()]


# a run folder's name: one path segment that cannot climb out of outputs/ or hide in it
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def _check_name(name: Any, problems: list[str]) -> None:
    if isinstance(name, str) and not _NAME.fullmatch(name):
        problems.append(
            f"name: {name!r} is not a folder name for outputs/NAME/: use letters, digits, '-', "
            "'_' and '.', starting with a letter or digit, at most 100 characters (the name "
            "is the file's when the file gives none)"
        )


def _check_dask(options: dict[str, Any], problems: list[str]) -> None:
    """The ``dask`` mapping: a scheduler ``address`` or a number of ``local_workers``."""
    unknown = sorted(set(options) - {"address", "local_workers"})
    if unknown:
        problems.append(f"dask: unknown keys {', '.join(unknown)}; it takes address or "
                        "local_workers")  # fmt: skip
    address = options.get("address")
    if address is not None and not (
        isinstance(address, str) and address.startswith(("tcp://", "tls://", "dask://"))
    ):
        problems.append(f"dask.address: {address!r} is not a scheduler address (tcp://host:port)")
    workers = options.get("local_workers")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)
                                or workers < 1):  # fmt: skip
        problems.append(f"dask.local_workers: {workers!r} is not a whole number of at least 1")
    if address is not None and workers is not None:
        problems.append("dask: give address (a running cluster) or local_workers, not both")


def _check_paths(params: dict[str, Any], root: Path, problems: list[str]) -> None:
    if not params["sources"]:
        problems.append("sources: list at least one file or folder to load")
    for source in params["sources"]:
        if not isinstance(source, str):
            problems.append(f"sources: {source!r} is not a path")
        elif not (root / source).exists():
            problems.append(f"sources: {source} does not exist{_relative(source, root)}")
    paths = {k: params[k] for k in ("manifest", "outlet_tables", "model")}
    paths["rhetoric.frames_file"] = params["rhetoric"]["frames_file"]
    for key, value in paths.items():
        if key == "model" and value in MULTILINGUAL_MODELS:
            continue  # a bundled encoder named, not a path
        if isinstance(value, str) and not (root / value).exists():
            problems.append(f"{key}: {value} does not exist{_relative(value, root)}")


def _relative(path: str, root: Path) -> str:
    return "" if Path(path).is_absolute() else f" (paths are relative to {root})"


def _check_ingest(params: dict[str, Any], problems: list[str]) -> None:
    """The ``ingest`` mapping: known keys, known fields in ``columns``, per-source keys of
    ``date_format`` and ``dayfirst`` that name a source, values of the right kind."""
    from toolkit.tables import check_columns

    options = params["ingest"]
    unknown = sorted(set(options) - set(INGEST_KEYS))
    if unknown:
        problems.append(
            f"ingest: unknown keys {', '.join(unknown)}; known: {', '.join(INGEST_KEYS)}"
        )
    try:
        check_columns(options.get("columns"), where="ingest.columns")
    except ToolkitError as e:
        problems.append(str(e))
    names = options.get("outlet_names") or {}
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        problems.append("ingest.outlet_names: map names in your data to outlet names")
    sources = {Path(s).name for s in params["sources"] if isinstance(s, str)}
    for key, kind in (("date_format", str), ("dayfirst", bool)):
        value = options.get(key)
        values = value if isinstance(value, dict) else {None: value}
        for source, v in values.items():
            if v is not None and not isinstance(v, kind):
                problems.append(f"ingest.{key}: {v!r} is not {kind.__name__}")
            if source is not None and str(source).split("/")[0] not in sources:
                known = ", ".join(sorted(sources))
                problems.append(f"ingest.{key}: {source!r} names no source; sources: {known}")
    size = options.get("max_file_mb", 1)
    if isinstance(size, bool) or not isinstance(size, int | float) or size <= 0:
        problems.append(f"ingest.max_file_mb: {size!r} is not a number of MB above 0")


def _check_outlets(params: dict[str, Any], root: Path, problems: list[str]) -> None:
    from toolkit.outlets import Registry, registry

    extra = params["outlet_tables"]
    names = params["ingest"].get("outlet_names") or {}
    names = names if isinstance(names, dict) else {}
    try:
        tables = (root / extra,) if extra and (root / extra).is_dir() else ()
        reg = Registry.load(tables, names=names) if tables or names else registry()
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
    shared = {k: d[k] for k in SHARED if k not in RUN_ONLY}
    return {**shared, section: d[section], "output_dir": None}


# ---------------------------------------------------------------- the README's key tables

_BEGIN = "<!-- key tables: generated by toolkit.params.update_readme(); edit the dataclasses -->"
_END = "<!-- end of key tables -->"
_TYPE_WORDS = {bool: "true/false", int: "integer", float: "number", str: "text", list: "list",
               dict: "mapping", type(None): "null"}  # fmt: skip


def key_tables() -> str:
    """The key tables of ``params/README.md``: every key with its default, what it accepts and
    what it means, generated from the options dataclasses (a test keeps the README equal)."""
    parts = ["## Shared keys (every notebook)", "", *_table(SHARED)]
    for section, keys in SECTIONS.items():
        parts += ["", f"## `{section}` (notebooks/{NOTEBOOKS[section]})", "", *_table(keys)]
    return "\n".join(parts) + "\n"


def _table(keys: dict[str, Spec]) -> list[str]:
    rows = ["| key | default | accepts | meaning |", "|---|---|---|---|"]
    for spec in keys.values():
        default = yaml.safe_dump(spec.default, default_flow_style=True, width=10**6)
        default = default.removesuffix("...\n").strip()  # a scalar ends its document
        cells = [f"`{spec.name}`", f"`{default}`", _accepts(spec), spec.help]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return rows


def _accepts(spec: Spec) -> str:
    if spec.choices:
        return ", ".join(f"`{c}`" for c in spec.choices)
    types = [t for t in spec.types if not (t is int and float in spec.types)]  # ints are numbers
    words = " or ".join(_TYPE_WORDS[t] for t in types)
    within = range_text(spec)
    return f"{words}, {within}" if within else words


def update_readme(path: Path | None = None) -> bool:
    """Rewrite the key tables of ``params/README.md`` from the dataclasses; True if changed."""
    path = path or project_root() / "params" / "README.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index(_BEGIN) + len(_BEGIN), text.index(_END)
    new = text[:start] + "\n\n" + key_tables() + "\n" + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
