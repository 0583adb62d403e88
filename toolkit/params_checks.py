"""The checks of a parameter set that go beyond one key's type, choices and range: the dedup and
dask mappings, the run name, paths, ingest options, outlets, dates, events and speaker aliases.
Each appends what is wrong to ``problems`` so that validation lists every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from toolkit.comparison import LANGUAGE_NAMES
from toolkit.date_zones import check_zone
from toolkit.dedup import DedupOptions
from toolkit.embed import names_bundled_encoder
from toolkit.errors import ToolkitError
from toolkit.options import check_value, specs
from toolkit.quote_kinds import KINDS
from toolkit.speaker_aliases import alias_problems

INGEST_KEYS = ("columns", "outlet_names", "date_format", "dayfirst", "timezone", "max_file_mb")


def check_dedup(options: dict[str, Any], problems: list[str]) -> None:
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
    # how the acceptable values fit together, whatever else is wrong: every problem at once
    fine = {n: v for n, v in options.items() if n in known and not check_value(known[n], v)}
    problems += [f"dedup: {p}" for p in DedupOptions(**fine).problems()]


def check_speaker_kinds(kinds: Any, problems: list[str]) -> None:
    """``rhetoric.speaker_kinds``: one or more of the kinds :func:`toolkit.quotes` gives."""
    unknown = [k for k in kinds if k not in KINDS] if isinstance(kinds, list) else []
    if unknown or (isinstance(kinds, list) and not kinds):
        problems.append(
            f"rhetoric.speaker_kinds: {', '.join(map(repr, unknown)) or 'an empty list'}: "
            f"give one or more of {', '.join(KINDS)}"
        )


def check_aliases(aliases: dict[str, Any], problems: list[str]) -> None:
    """``rhetoric.speaker_aliases``: each name maps to a list of the ways texts write it."""
    problems += [f"rhetoric.speaker_aliases: {p}" for p in alias_problems(aliases)]


# a run folder's name: one path segment that cannot climb out of outputs/ or hide in it
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def check_name(name: Any, problems: list[str]) -> None:
    if isinstance(name, str) and not _NAME.fullmatch(name):
        problems.append(
            f"name: {name!r} is not a folder name for outputs/NAME/: use letters, digits, '-', "
            "'_' and '.', starting with a letter or digit, at most 100 characters (the name "
            "is the file's when the file gives none)"
        )


def check_dask(options: dict[str, Any], problems: list[str]) -> None:
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


def check_paths(params: dict[str, Any], root: Path, problems: list[str]) -> None:
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
        if key == "model" and names_bundled_encoder(value):
            continue  # a bundled encoder named, not a path
        if isinstance(value, str) and not (root / value).exists():
            problems.append(f"{key}: {value} does not exist{_relative(value, root)}")
        elif key == "rhetoric.frames_file" and isinstance(value, str):
            _check_frames(root / value, params["rhetoric"]["frames_mode"], problems)


def _check_frames(path: Path, mode: Any, problems: list[str]) -> None:
    """A frames file read as the rhetoric notebook reads it: a file it cannot use stops the
    run here, before any notebook (its error names the file and what is wrong)."""
    from toolkit.frames import lexicon

    try:
        lexicon("frames", extra=path, mode=mode if mode in ("extend", "replace") else "extend")
    except ToolkitError as e:
        problems.append(f"rhetoric.frames_file: {e}")


def _relative(path: str, root: Path) -> str:
    return "" if Path(path).is_absolute() else f" (paths are relative to {root})"


def check_ingest(params: dict[str, Any], problems: list[str]) -> None:
    """The ``ingest`` mapping: known keys, known fields in ``columns``, per-source keys of
    ``date_format`` and ``dayfirst`` that name a source, values of the right kind."""
    from toolkit.column_names import check_columns_by_source

    options = params["ingest"]
    unknown = sorted(set(options) - set(INGEST_KEYS))
    if unknown:
        problems.append(
            f"ingest: unknown keys {', '.join(unknown)}; known: {', '.join(INGEST_KEYS)}"
        )
    sources = {Path(s).name for s in params["sources"] if isinstance(s, str)}
    try:
        check_columns_by_source(options.get("columns"), sources, where="ingest.columns")
    except ToolkitError as e:
        problems.append(str(e))
    names = options.get("outlet_names") or {}
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        problems.append("ingest.outlet_names: map names in your data to outlet names")
    for key, kind in (("date_format", str), ("dayfirst", bool), ("timezone", str)):
        value = options.get(key)
        values = value if isinstance(value, dict) else {None: value}
        for source, v in values.items():
            if v is not None and not isinstance(v, kind):
                problems.append(f"ingest.{key}: {v!r} is not {kind.__name__}")
            elif key == "timezone" and v is not None:
                try:
                    check_zone(v, "ingest.timezone")
                except ToolkitError as e:
                    problems.append(str(e))
            if source is not None and str(source).split("/")[0] not in sources:
                known = ", ".join(sorted(sources))
                problems.append(f"ingest.{key}: {source!r} names no source; sources: {known}")
    size = options.get("max_file_mb", 1)
    if isinstance(size, bool) or not isinstance(size, int | float) or size <= 0:
        problems.append(f"ingest.max_file_mb: {size!r} is not a number of MB above 0")


def check_outlets(params: dict[str, Any], root: Path, problems: list[str]) -> None:
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
    # A known outlet's alias becomes its name; another name is kept as written, as the corpus
    # keeps an outlet column's unknown names ("Lenta"): the prepared corpus is then checked for
    # a document of each (toolkit.filters.check_corpus), listing the outlets it holds.
    canonical = []
    for name in params["outlets"]:
        if not isinstance(name, str) or not name.strip():
            problems.append(f"outlets: {name!r} is not an outlet's name")
        else:
            canonical.append(reg.canonical(name) or name)
    params["outlets"] = canonical
    pair = params["rhetoric"]["pair"]
    if pair and (len(pair) != 2 or not all(isinstance(g, str) for g in pair)):
        problems.append(f"rhetoric.pair: must name two groups, not {pair!r}")
    elif pair and params["rhetoric"]["group_by"] == "outlet":  # checked against the corpus
        params["rhetoric"]["pair"] = [reg.canonical(g) or g for g in pair]


def check_dates(params: dict[str, Any], problems: list[str]) -> None:
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


def check_events(trends: dict[str, Any], problems: list[str]) -> None:
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
    if not any(str(t).strip() for t in trends.get("query") or ()):
        # an empty pattern matches every item: a share of 1 in every period, not "no query"
        problems.append("trends.query: no term; name at least one (the notebook follows the "
                        "share of items that mention any of them)")  # fmt: skip


def check_languages(params: dict[str, Any], problems: list[str]) -> None:
    """``rhetoric.languages`` and ``trends.languages``: several languages need a
    ``language_map`` for all of them but one (words of different languages meet only through
    it), the check :func:`toolkit.comparison.comparison` makes, here before anything runs."""
    for section in ("rhetoric", "trends"):
        options = params.get(section) or {}
        chosen = list(dict.fromkeys(str(lg) for lg in options.get("languages") or ()))
        unknown = [lg for lg in chosen if lg not in LANGUAGE_NAMES]
        if unknown:
            problems.append(
                f"{section}.languages: {', '.join(map(repr, unknown))} "
                f"{'is not a language code' if len(unknown) == 1 else 'are not language codes'}"
                " the toolkit detects; its codes: "
                + ", ".join(f"{c} ({n})" for c, n in sorted(LANGUAGE_NAMES.items()))
            )
            continue
        if len(chosen) < 2:
            continue
        mapping = options.get("language_map") or {}
        unmapped = [lg for lg in chosen if lg not in mapping]
        if not mapping or len(unmapped) > 1:
            problems.append(
                f"{section}.languages: {', '.join(chosen)}: words of different languages are "
                "compared only through a mapping you give; set "
                f"{section}.language_map (each language's words to shared terms, e.g. "
                "{ru: {санкция: sanction}}) for all of them but one, or name one language to "
                "compare within it"
            )
