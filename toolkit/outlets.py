"""Outlet knowledge, loaded from data: one YAML table per outlet under ``toolkit/data/outlets``.

Each table names the outlet, its aliases (as they appear in table columns, folder names and
URLs), the datelines and bylines that identify its copy, and for each site that carries its copy
the lines that identify the site and the lines of site chrome to remove. ``common.yaml`` beside
it holds what is true of every outlet. Adding an outlet means adding a YAML file; no code changes.

Example:
    >>> from toolkit.outlets import registry
    >>> registry().canonical("tass")
    'TASS'
    >>> registry().site_of_url("https://en.kremlin.ru/events/president/news/68700")
    'kremlin.ru'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from toolkit.errors import DataError
from toolkit.outlet_tables import (
    Outlet,
    Site,
    alias_key,
    any_of,
    bundled_outlets,
    compile_pattern,
    load_yaml_resource,
    with_names,
    with_user_tables,
)

__all__ = ["Dateline", "Outlet", "Registry", "Site", "registry"]


@dataclass(frozen=True)
class Dateline:
    """A dateline pattern; ``outlet`` is None for generic ones that name only a place."""

    outlet: str | None
    pattern: re.Pattern


@dataclass(eq=False)  # hashable by identity: compiled matchers are cached per registry
class Registry:
    """All outlet knowledge, compiled. Build it with :func:`registry` (cached) or :meth:`load`."""

    outlets: dict[str, Outlet]
    months: dict[str, int]
    weekdays: tuple[str, ...]
    page_dates: tuple[re.Pattern, ...]
    date_formats: tuple[str, ...]
    date_prefix: str
    date_suffix: str
    filename_patterns: tuple[re.Pattern, ...]
    common_chrome: tuple[re.Pattern, ...]
    common_chrome_anywhere: tuple[re.Pattern, ...]
    datelines: tuple[Dateline, ...] = field(init=False)
    sites: dict[str, Site] = field(init=False)
    _aliases: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._aliases = {}
        self.sites = {}
        datelines = []
        for outlet in self.outlets.values():
            for alias in (outlet.name, *outlet.aliases):
                key = alias_key(alias)
                other = self._aliases.get(key)
                if other is not None and other != outlet.name:
                    raise DataError(
                        f"{outlet.source}: alias {alias!r} already names {other}; "
                        "each alias must name one outlet"
                    )
                self._aliases[key] = outlet.name
            for site in outlet.sites:
                self.sites[site.domain] = site
            datelines += [Dateline(outlet.name, p) for p in outlet.datelines]
        common = load_yaml_resource("common.yaml")
        datelines += [
            Dateline(None, compile_pattern(p, "common.yaml")) for p in common.get("datelines", [])
        ]
        self.datelines = tuple(datelines)

    @classmethod
    def load(
        cls, extra_dirs: tuple[Path, ...] = (), *, names: dict[str, str] | None = None
    ) -> Registry:
        """Load the bundled tables, plus any ``*.yaml`` outlet tables in ``extra_dirs``, plus
        ``names``: more aliases of known outlets (``{"the-new-york-times": "New York Times"}``).

        A user's table naming a bundled outlet (by its name or an alias) adds its aliases,
        datelines, bylines, cues and sites to that outlet's.

        Raises:
            DataError: a table is malformed, one folder's tables define an outlet twice, or a
                name in ``names`` maps to no known outlet.
        """
        common = load_yaml_resource("common.yaml")
        outlets = with_names(with_user_tables(bundled_outlets(), extra_dirs), names or {})
        return cls(
            outlets=outlets,
            months={str(k).lower(): int(v) for k, v in common["months"].items()},
            weekdays=tuple(common["weekdays"]),
            page_dates=tuple(compile_pattern(p, "common.yaml") for p in common["page_dates"]),
            date_formats=tuple(common["date_formats"]),
            date_prefix=common["date_prefix"],
            date_suffix=common["date_suffix"],
            filename_patterns=tuple(
                compile_pattern(p, "common.yaml") for p in common["filename_patterns"]
            ),
            common_chrome=tuple(compile_pattern(p, "common.yaml") for p in common["chrome"]),
            common_chrome_anywhere=tuple(
                compile_pattern(p, "common.yaml") for p in common["chrome_anywhere"]
            ),
        )

    @functools.cached_property
    def dateline_any(self) -> re.Pattern:
        """Matches where any dateline pattern matches (a quick test before trying each)."""
        return re.compile(any_of([d.pattern for d in self.datelines]) or r"(?!)")

    @functools.cached_property
    def page_date_any(self) -> re.Pattern:
        """Finds where any page-date pattern finds."""
        return re.compile(any_of(self.page_dates) or r"(?!)")

    @functools.cached_property
    def dateline_screen(self) -> str | None:
        """A polars pattern that matches every line any dateline pattern matches (and maybe
        more): look-arounds, which Rust lacks, are dropped; None if it still cannot compile."""
        pattern = any_of([d.pattern for d in self.datelines])
        return _screen(f"^(?:{_LOOKAROUND.sub('', pattern)})" if pattern else None)

    @functools.cached_property
    def agency_dateline_screen(self) -> str | None:
        """A polars pattern for a dateline that names its agency anywhere after a space (not
        only where a paragraph opens): several in one text are several stories in one file."""
        pattern = any_of([d.pattern for d in self.datelines if d.outlet is not None])
        if pattern is None:
            return None
        return _screen(rf"(?:^|\s)(?:{_LOOKAROUND.sub('', pattern.replace('(?:^', '(?:'))})")

    @functools.cached_property
    def page_date_screen(self) -> str | None:
        """As :attr:`dateline_screen`, for the page-date patterns."""
        pattern = any_of(list(self.page_dates))
        return _screen(_LOOKAROUND.sub("", pattern) if pattern else None)

    @functools.cached_property
    def outlet_cue_pattern(self) -> str | None:
        """Every outlet's bylines and cues as one pattern (for polars), or None when none."""
        return any_of([p for o in self.outlets.values() for p in (*o.bylines, *o.cues)])

    def check_columnar(self) -> None:
        """Raise a DataError naming the file of a chrome, cue or byline pattern that polars
        cannot match (those run as Rust regular expressions: no look-around or
        back-references). Called when a load fails, to say which table to fix."""
        _check_columnar(
            [p.pattern for p in (*self.common_chrome, *self.common_chrome_anywhere)],
            "common.yaml",
        )
        for outlet in self.outlets.values():
            site_patterns = [
                p for s in outlet.sites for p in (*s.cues, *s.chrome, *s.chrome_anywhere)
            ]
            _check_columnar(
                [p.pattern for p in (*outlet.bylines, *outlet.cues, *site_patterns)],
                outlet.source,
            )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - registries live for the process
    def canonical(self, name: str | None) -> str | None:
        """The canonical outlet name for an alias ("tass", "xinhuanet", ...), else None."""
        if name is None:
            return None
        return self._aliases.get(alias_key(name))

    def site_of_url(self, url: str | None) -> str | None:
        """The site a URL belongs to: a known site domain when the host is one or under one,
        else the host without a leading ``www.``."""
        return self.sites_of_urls(pl.Series([url], dtype=pl.String)).item()

    def sites_of_urls(self, urls: pl.Series) -> pl.Series:
        """:meth:`site_of_url` for a column of URLs at once (as ``urllib`` reads hosts)."""
        url = pl.col("url")
        url = pl.when(url.str.contains("//", literal=True)).then(url).otherwise("//" + url)
        netloc = url.str.extract(r"^(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//([^/?#]*)", 1)
        host = netloc.str.replace(r"^.*@", "")
        host = (
            pl.when(host.str.starts_with("["))
            .then(host.str.extract(r"^\[([^\]]*)\]", 1))
            .otherwise(host.str.replace(r":.*$", ""))
            .str.to_lowercase()
        )
        hosts = pl.DataFrame({"url": urls.cast(pl.String)}).select(host.alias("host"))["host"]
        known = {h: self._site_of_host(h) for h in hosts.unique().drop_nulls().to_list()}
        return hosts.replace_strict(known, default=None, return_dtype=pl.String).alias("site")

    def _site_of_host(self, host: str) -> str | None:
        host = host.removeprefix("www.")
        if not host:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            if ".".join(parts[i:]) in self.sites:
                return ".".join(parts[i:])
        return host

    def outlet_of_site(self, domain: str | None) -> str | None:
        """The outlet whose own site ``domain`` is; None for carriers and unknown sites."""
        site = self.sites.get(domain) if domain else None
        return site.outlet if site else None

    def chrome_for(
        self, domain: str | None
    ) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
        """(patterns matched from a line's start, patterns found anywhere) for a site."""
        site = self.sites.get(domain) if domain else None
        if site is None:
            return self.common_chrome, self.common_chrome_anywhere
        return self.common_chrome + site.chrome, self.common_chrome_anywhere + site.chrome_anywhere


_LOOKAROUND = re.compile(r"\(\?<?[=!][^()]*\)")  # (?=...), (?!...), (?<=...), (?<!...): no nesting


def _screen(pattern: str | None) -> str | None:
    if pattern is None:
        return None
    try:
        pl.select(pl.lit("").str.contains(pattern))
    except pl.exceptions.PolarsError:
        return None
    return pattern


def _check_columnar(patterns: list[str], source: str) -> None:
    """Raise a DataError naming ``source`` for a pattern polars cannot compile."""
    if not patterns:
        return
    try:
        pl.select(pl.lit("").str.contains(p).alias(str(i)) for i, p in enumerate(patterns))
    except pl.exceptions.PolarsError:
        for p in patterns:
            try:
                pl.select(pl.lit("").str.contains(p))
            except pl.exceptions.PolarsError as e:
                reason = str(e).split("\n\n")[0].strip()
                raise DataError(
                    f"{source}: pattern {p!r} is not one polars can match (Rust regular "
                    f"expressions: no look-around or back-references): {reason}"
                ) from None


@functools.cache
def registry() -> Registry:
    """The bundled outlet knowledge, compiled once per process."""
    return Registry.load()
