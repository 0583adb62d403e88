"""What a load is told, checked before any file is read: the outlet registry it uses (the
bundled tables, the user's own, the user's names for known outlets) and how dates are written
(a declared format or day/month order, for all sources or per source).

Example:
    >>> reg = outlet_registry()                                     # the bundled tables
    >>> reg.canonical("tass")
    'TASS'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.date_order import DateReading
from toolkit.date_zones import check_zone
from toolkit.errors import InputError
from toolkit.outlets import Registry, registry
from toolkit.sources import Sources

__all__ = [
    "LoadOptions",
    "date_reading",
    "outlet_registry",
    "source_names",
]


@dataclass(frozen=True)
class LoadOptions:
    """What the steps of a load that need the whole corpus are told, in one object: the local
    passes (:func:`toolkit.ingest_passes.finish_batches`) and the Dask engine
    (:func:`toolkit.dask_load.ingest_on_dask`) take the same options with the same defaults,
    and :func:`toolkit.load.ingest` takes its defaults from here.

    Attributes:
        reg: the outlet registry (:func:`outlet_registry`); the bundled one by default.
        learn: learn lines repeated across many documents of one site (or folder) as chrome.
        min_chrome_docs, chrome_share: a line is chrome when it is in at least this many
            documents and this share of its site's.
        year_range: years a weekday may place a yearless dateline in; None: the years of the
            load's dated documents, one year either side.
        strict: raise :class:`toolkit.errors.StrictModeError` when anything was skipped.
        reading: the date formats declared (:func:`date_reading`); none by default.
        today: the load's day (today by default): later dates are refused.

    Example:
        >>> LoadOptions(min_chrome_docs=3).chrome_share
        0.05
    """

    reg: Registry = field(default_factory=lambda: registry())  # looked up when made
    learn: bool = True
    min_chrome_docs: int = 5
    chrome_share: float = 0.05
    year_range: tuple[int, int] | None = None
    strict: bool = False
    reading: DateReading | None = None
    today: dt.date = field(default_factory=dt.date.today)


def outlet_registry(
    outlets: str | Path | None = None, outlet_names: dict[str, str] | None = None
) -> Registry:
    """The outlet registry a load uses: the bundled tables, a folder of the user's own, and
    the user's names for known outlets.

    Args:
        outlets: a folder of your own outlet tables (``*.yaml``, as in
            ``toolkit/data/outlets``), read beside the bundled ones; a table naming a bundled
            outlet adds to its aliases, cues and sites.
        outlet_names: outlet names as your data writes them, mapped to an outlet, e.g.
            ``{"the-new-york-times": "New York Times"}`` (added to its aliases).

    Raises:
        InputError: the folder is not found.
        DataError: a table is malformed, or a name maps to no known outlet.
    """
    if outlets is not None and not Path(outlets).is_dir():
        raise InputError("outlet tables folder not found; check the path", path=str(outlets))
    if outlets is None and not outlet_names:
        return registry()
    extra = (Path(outlets),) if outlets is not None else ()
    return Registry.load(extra, names=outlet_names or {})


def source_names(found: Sources) -> set[str]:
    """The sources of a load as the report names them: the first part of each file's name."""
    return {rel.split("/", 1)[0] for _, rel in found.files} | {
        p.split("/", 1)[0] for p in found.report["path"].to_list()
    }


def date_reading(
    date_format: str | dict[str, str] | None,
    dayfirst: bool | dict[str, bool] | None,
    found: Sources,
    timezone: str | dict[str, str] | None = None,
) -> DateReading:
    """What the user declared of dates, checked: a per-source key names a source.

    Args:
        date_format: a strptime format (``"%d/%m/%Y"``) for date columns, or one per source
            (``{"rss.csv": "%d/%m/%Y"}``; a source as the report names it).
        dayfirst: whether numeric dates such as "01/10/2017" are day first, for all sources or
            per source. Undeclared, each file's own values settle it; when they do not, such
            dates stay null with a note (never month first by default).
        found: the sources of the load (:func:`toolkit.sources.find_sources`).
        timezone: the time zone (an IANA name, "Europe/Moscow") a source's timestamps with an
            offset, and Unix times, are placed in before their day is taken, for all sources
            or per source (:mod:`toolkit.date_zones`); undeclared, the day they write.

    Raises:
        InputError: a key names no source, or a value is of the wrong kind.
    """
    reading = DateReading(date_format, dayfirst, timezone)
    names = source_names(found)
    rels = [rel for _, rel in found.files]
    for key in sorted(reading.keys()):
        key_s = str(key).strip("/")
        if key_s not in names and not any(r == key_s or r.startswith(key_s + "/") for r in rels):
            like = sorted(r for r in rels if r.rsplit("/", 1)[-1] == key_s.rsplit("/", 1)[-1])
            hint = f"; did you mean {', '.join(map(repr, like[:5]))}?" if like else ""
            raise InputError(
                f"date_format/dayfirst/timezone: {key!r} names no source; the sources are "
                f"{', '.join(sorted(names))}, or a file as the report names it (a source, then "
                f"its path below it){hint}"
            )
    for what, value, kind in (("date_format", date_format, str), ("dayfirst", dayfirst, bool)):
        values = value.values() if isinstance(value, dict) else [value]
        if any(v is not None and not isinstance(v, kind) for v in values):
            raise InputError(f"{what}: give {kind.__name__} values, not {value!r}")
    zones = timezone.values() if isinstance(timezone, dict) else [timezone]
    for zone in zones:
        if zone is not None:
            check_zone(zone, "timezone")
    return reading
