"""Outlet tables: the YAML files under ``toolkit/data/outlets`` (and a user's own) read into
:class:`Outlet` and :class:`Site` records, checked, and merged.

One table per outlet: its name, aliases, datelines, bylines, cues and sites. A user's table
naming a bundled outlet adds to it (:func:`extended`); a user's names for known outlets become
their aliases (:func:`with_names`). :class:`toolkit.outlets.Registry` compiles the result.

Example:
    >>> bundled_outlets()["TASS"].source
    'tass.yaml'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from re import _constants as sre  # to read how a pattern opens
from re import _parser as sre_parse
from typing import Any

import yaml

from toolkit.errors import DataError
from toolkit.resources import read_mapping

__all__ = [
    "Outlet",
    "Site",
    "alias_key",
    "any_of",
    "apart",
    "bundled_outlets",
    "compile_pattern",
    "extended",
    "load_yaml_resource",
    "parse_outlet",
    "safe_load",
    "with_names",
    "with_user_tables",
]


@dataclass(frozen=True, eq=False)
class Site:
    """A web site whose pages are copies of some outlet's stories."""

    domain: str
    outlet: str | None  # the outlet whose own site this is; None for carriers such as belarus.by
    cues: tuple[re.Pattern, ...]
    chrome: tuple[re.Pattern, ...]  # matched from a line's start
    chrome_anywhere: tuple[re.Pattern, ...] = ()  # found anywhere in a line

    @functools.cached_property
    def cue(self) -> re.Pattern | None:
        """All cues as one pattern (searched), or None when the site has none."""
        pattern = any_of(list(self.cues))
        return re.compile(pattern) if pattern else None


@dataclass(frozen=True)
class Outlet:
    """One outlet's table: its name, aliases, patterns and sites, and the file(s) it came from."""

    name: str
    aliases: tuple[str, ...]
    datelines: tuple[re.Pattern, ...]
    bylines: tuple[re.Pattern, ...]
    cues: tuple[re.Pattern, ...]
    sites: tuple[Site, ...]
    source: str


def any_of(patterns: list[re.Pattern]) -> str | None:
    """One pattern that matches where any of ``patterns`` does, or None for none. Group names
    are dropped so that patterns sharing them (``place``, ``day``...) can stand side by side."""
    parts = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in patterns]
    return "|".join(f"(?:{p})" for p in parts) or None


def apart(patterns: list[re.Pattern]) -> list[str]:
    """Patterns that together find what :func:`any_of` of ``patterns`` finds, to search one by
    one (a text holds one of ``patterns`` where it holds one of these): those that open with a
    literal as one alternation, each other pattern alone. Rust's regular expressions skip from
    one of an alternation's opening literals to the next (30 patterns that open with one:
    0.002 s over chinadaily-nyt's 20 MB of lines), but an alternative that opens with a class
    (a sentence's end: ``[.!?…]\\s+©``) makes them try every alternative at each character
    of it: the bundled chrome found anywhere took 0.12 CPU-s there as one alternation, 0.045
    apart."""
    literal = [p for p in patterns if _opens_with_literal(p)]
    rest = [p for p in patterns if not _opens_with_literal(p)]
    return [any_of(p) for p in ([literal] if literal else []) + [[p] for p in rest]]


def literal_screen(pattern: str) -> str | None:
    """A pattern of literals, one of which every match of ``pattern`` holds (case ignored: it
    lets through more, never less), for a search that skips from literal to literal; None where
    the pattern opens with its literals (the search skips to them already), or Python's parser
    finds no such literals (or cannot read the pattern). Read from the first part of the
    pattern that holds a literal in every alternative: ``[.!?…]\\s+(?:©|\\(c\\)|Copyright\\b)...``
    holds "©", "(c)" or "copyright" (0.004 against 0.036 CPU-s over chinadaily-nyt's lines:
    the pattern itself opens with a class, and is tried everywhere), an agency's dateline
    "Place (AFP) —" " (AFP)"."""
    return _literal_screen(pattern)


@functools.lru_cache(maxsize=4096)
def _literal_screen(pattern: str) -> str | None:
    try:
        items = sre_parse.parse(pattern)
    except (re.error, TypeError, ValueError, IndexError):
        return None
    if _opening_runs(items):  # opens with them: the search skips to them without a screen
        return None
    runs = _required_runs(items)
    return "(?i)" + "|".join(_rust_literal(run) for run in sorted(set(runs))) if runs else None


def _required_runs(items) -> list[str] | None:
    """Literal runs one of which every match of parsed ``items`` holds: of the parts of the
    sequence that give some (a run it opens with, or the runs inside a group, every
    alternative of an alternation, or a part repeated at least once), the one whose shortest
    run is longest (the rarest, most likely: " (AFP)" rather than ", "); None for none."""
    found = [
        runs
        for at in range(len(items))
        if (runs := _opening_runs(items[at:]) or _inner_runs(items[at]))
    ]
    return max(found, key=lambda runs: min(map(len, runs)), default=None)


def _inner_runs(item) -> list[str] | None:
    """:func:`_required_runs` of one part of a sequence."""
    op, value = item
    if op is sre.SUBPATTERN and not value[1] and not value[2]:  # no flags of its own
        return _required_runs(value[-1])
    if op is sre.BRANCH:
        return _every_branch(value[1], _required_runs)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
        return _required_runs(value[2])
    return None


def _opening_runs(items) -> list[str] | None:
    """The literal run each alternative of parsed ``items`` opens with; None where one opens
    otherwise (a class, a repeat, an anchor)."""
    if not len(items):
        return None
    op, value = items[0]
    if op is sre.LITERAL:
        run = []
        for op, value in items:
            if op is not sre.LITERAL:
                break
            run.append(chr(value))
        return ["".join(run)]
    if op is sre.SUBPATTERN and not value[1] and not value[2]:  # no flags of its own
        return _opening_runs(value[-1])
    if op is sre.BRANCH:
        return _every_branch(value[1], _opening_runs)
    return None


def _every_branch(branches, runs_of) -> list[str] | None:
    """The runs ``runs_of`` finds in each alternative of an alternation, together; None where
    one alternative has none (a match need hold none of the others')."""
    runs: list[str] = []
    for branch in branches:
        found = runs_of(branch)
        if not found:
            return None
        runs += found
    return runs


def _rust_literal(text: str) -> str:
    """``text`` as a literal in a Rust regular expression (its meta characters escaped)."""
    return "".join("\\" + c if c in _RUST_META else c for c in text)


_RUST_META = frozenset("\\.+*?()|[]{}^$#&-~")


def _opens_with_literal(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` opens with a literal character (as far as Python's
    parser of it tells: a pattern it cannot read counts as one that does not)."""
    return _pattern_opens_with_literal(pattern.pattern, pattern.flags)


@functools.lru_cache(maxsize=4096)
def _pattern_opens_with_literal(pattern: str, flags: int) -> bool:
    """:func:`_opens_with_literal` of a pattern and its flags, each parsed once (a site's
    chrome patterns are split up for every query that matches them)."""
    try:
        return _literal_first(sre_parse.parse(pattern, flags))
    except (re.error, TypeError, ValueError, IndexError):
        return False


def _literal_first(items) -> bool:
    """Whether parsed pattern ``items`` open with a literal, in every alternative."""
    if not len(items):
        return False
    op, value = items[0]
    if op is sre.LITERAL:
        return True
    if op is sre.SUBPATTERN:  # (group, flags added, flags removed, its items)
        return _literal_first(value[-1])
    if op is sre.BRANCH:  # (None, the alternatives)
        return all(_literal_first(b) for b in value[1])
    return False


def alias_key(name: str) -> str:
    """An alias as compared: case, punctuation, slugs and a leading "the" ignored, so
    "the-new-york-times", "NEW YORK TIMES" and "New York Times" are one key."""
    key = re.sub(r"[\W_]+", " ", name.casefold()).strip()
    return key.removeprefix("the ") or key


def extended(outlet: Outlet, more: Outlet) -> Outlet:
    """A bundled outlet with what a user's table of the same outlet adds."""
    return Outlet(
        name=outlet.name,
        aliases=(*outlet.aliases, *(a for a in (more.name, *more.aliases) if a != outlet.name)),
        datelines=(*outlet.datelines, *more.datelines),
        bylines=(*outlet.bylines, *more.bylines),
        cues=(*outlet.cues, *more.cues),
        sites=(
            *outlet.sites,
            *(replace(s, outlet=outlet.name) if s.outlet else s for s in more.sites),
        ),
        source=f"{outlet.source} + {more.source}",
    )


def compile_pattern(pattern: str, source: str) -> re.Pattern:
    """A regular expression from a table, or a DataError naming the table."""
    try:
        return re.compile(pattern)
    except re.error as e:
        raise DataError(f"{source}: bad regular expression {pattern!r}: {e}") from e


# LibYAML's parser where PyYAML has it (it usually does): the outlet tables load 10x faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """YAML text as plain data."""
    return yaml.load(text, Loader=_YAML_LOADER)  # a safe loader: plain data only


@functools.cache
def load_yaml_resource(name: str) -> dict[str, Any]:
    """A bundled YAML file under ``toolkit/data`` (``common.yaml``), read once."""
    return safe_load((resources.files("toolkit") / "data" / name).read_text("utf-8"))


_OUTLET_KEYS = {"outlet", "aliases", "datelines", "bylines", "cues", "sites"}
_SITE_KEYS = {"domain", "own", "cues", "chrome", "chrome_anywhere"}


def parse_outlet(source: str, data: Any) -> Outlet:
    """One table's data (from ``source``) as an :class:`Outlet`, its keys and patterns checked."""
    if not isinstance(data, dict) or "outlet" not in data:
        raise DataError(f"{source}: an outlet table is a mapping with at least an 'outlet' key")
    unknown = set(data) - _OUTLET_KEYS
    if unknown:
        raise DataError(
            f"{source}: unknown keys {sorted(unknown)}; allowed: {sorted(_OUTLET_KEYS)}"
        )
    name = data["outlet"]

    def patterns(items: Any) -> tuple[re.Pattern, ...]:
        return tuple(compile_pattern(p, source) for p in (items or []))

    sites = []
    for s in data.get("sites") or []:
        unknown = set(s) - _SITE_KEYS
        if unknown or "domain" not in s:
            raise DataError(f"{source}: each site needs 'domain' and may have {sorted(_SITE_KEYS)}")
        sites.append(
            Site(
                domain=s["domain"].lower(),
                outlet=name if s.get("own", True) else None,
                cues=patterns(s.get("cues")),
                chrome=patterns(s.get("chrome")),
                chrome_anywhere=patterns(s.get("chrome_anywhere")),
            )
        )
    return Outlet(
        name=name,
        aliases=tuple(str(a) for a in data.get("aliases") or []),
        datelines=patterns(data.get("datelines")),
        bylines=patterns(data.get("bylines")),
        cues=patterns(data.get("cues")),
        sites=tuple(sites),
        source=source,
    )


def bundled_outlets() -> dict[str, Outlet]:
    """The outlets of the bundled tables, by name, in the order of their files.

    Raises:
        DataError: a table is malformed, or two tables define one outlet.
    """
    outlets: dict[str, Outlet] = {}
    folder = resources.files("toolkit") / "data" / "outlets"
    bundled = [(f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir()]
    for name, body in sorted(bundled):
        outlet = parse_outlet(name, safe_load(body))
        if outlet.name in outlets:
            raise DataError(f"{name}: outlet {outlet.name!r} is defined twice")
        outlets[outlet.name] = outlet
    return outlets


def with_user_tables(outlets: dict[str, Outlet], extra_dirs: tuple[Path, ...]) -> dict[str, Outlet]:
    """``outlets`` with the ``*.yaml`` tables of ``extra_dirs``: a table naming a known outlet
    (by its name or an alias) adds to it, another is a new outlet.

    Raises:
        DataError: a table is malformed, or the user's tables define a new outlet twice.
    """
    outlets = dict(outlets)
    known = {alias_key(a): o.name for o in outlets.values() for a in (o.name, *o.aliases)}
    extra: dict[str, Outlet] = {}
    for d in extra_dirs:
        for p in sorted(Path(d).glob("*.yaml")):
            data = read_mapping(p, what="outlet table", error=DataError)  # refuses aliases
            outlet = parse_outlet(str(p), data)
            target = known.get(alias_key(outlet.name))
            if target is not None:  # a known outlet: the user's table adds to it
                outlets[target] = extended(outlets[target], outlet)
            elif outlet.name in extra:
                raise DataError(f"{p}: outlet {outlet.name!r} is defined twice")
            else:
                extra[outlet.name] = outlet
    outlets.update(extra)
    return outlets


def with_names(outlets: dict[str, Outlet], names: dict[str, str]) -> dict[str, Outlet]:
    """``outlets`` with more aliases: ``names`` maps a name as the data writes it to a known
    outlet (``{"the-new-york-times": "New York Times"}``).

    Raises:
        DataError: a name maps to no known outlet.
    """
    outlets = dict(outlets)
    for alias, target in names.items():
        key = alias_key(str(target))
        name = next(
            (o.name for o in outlets.values() if key in map(alias_key, (o.name, *o.aliases))),
            None,
        )
        if name is None:
            raise DataError(
                f"outlet_names: {target!r} (for {alias!r}) is no known outlet; known: "
                f"{', '.join(sorted(outlets))} (add an outlet table for a new one)"
            )
        o = outlets[name]
        outlets[name] = Outlet(
            o.name, (*o.aliases, str(alias)), o.datelines, o.bylines, o.cues, o.sites, o.source
        )
    return outlets
