"""Reading a scraped page: which site, whose story, title, dateline, date, and the body.

Works on a document's paragraphs (see :func:`toolkit.clean.paragraphs`). All outlet-specific
knowledge comes from :mod:`toolkit.outlets`; nothing here names an outlet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toolkit.clean import chrome_matcher
from toolkit.dates import PartialDate, date_from_groups
from toolkit.outlets import Registry, registry

__all__ = ["Page", "detect_site", "read_page"]

# How far into a page its header (title, stamps, dateline) and its footer may reach.
_HEAD = 15
_TAIL = 12
_TITLE_MAX_WORDS = 30
_TITLE_END = re.compile(r"[.,;:]$")
_CUE_MAX_CHARS = 800  # site cues sit in chrome lines, which are short


@dataclass
class Page:
    """What a page says about itself. ``body`` holds the clean paragraphs."""

    body: list[str]
    title: str | None = None
    dateline: str | None = None
    dateline_date: PartialDate | None = None
    page_date: dt.date | None = None
    page_date_text: str | None = None
    outlet: str | None = None
    outlet_cue: str | None = None
    site: str | None = None


def _edges(paras: list[str]) -> list[str]:
    if len(paras) <= _HEAD + _TAIL:
        return paras
    return paras[:_HEAD] + paras[-_TAIL:]


def detect_site(paras: list[str], *, reg: Registry | None = None) -> str | None:
    """The site whose cues match most lines at the page's edges; None when none matches."""
    reg = reg or registry()
    edges = [p for p in _edges(paras) if len(p) <= _CUE_MAX_CHARS]
    best, best_hits = None, 0
    for domain, site in sorted(reg.sites.items()):
        if site.cue is None:
            continue
        search = site.cue.search
        hits = sum(search(p) is not None for p in edges)
        if hits > best_hits:
            best, best_hits = domain, hits
    return best


def _find_outlet_cue(paras: list[str], reg: Registry) -> tuple[str, str, re.Match | None] | None:
    """(outlet, the cue line, the byline match or None) from bylines first, then other cues."""
    edges = _edges(paras)
    for outlet in reg.outlets.values():
        for pattern in outlet.bylines:
            for p in edges:
                m = pattern.search(p)
                if m:
                    return outlet.name, p, m
    for outlet in reg.outlets.values():
        for pattern in outlet.cues:
            for p in edges:
                if pattern.search(p):
                    return outlet.name, p, None
    return None


def _is_title(p: str, reg: Registry) -> bool:
    words = p.count(" ") + 1
    if words > _TITLE_MAX_WORDS or _TITLE_END.search(p) or not re.search(r"[A-Za-z]{2}", p):
        return False
    return not any(d.search(p) for d in reg.page_dates)


def _page_date(lines: list[str], reg: Registry) -> tuple[dt.date, str] | None:
    for p in lines:
        for pattern in reg.page_dates:
            m = pattern.search(p)
            if m and (d := date_from_groups(m, reg=reg)) and (full := d.complete()):
                return full, p
    return None


def read_page(
    paras: list[str],
    *,
    site: str | None = None,
    learned: frozenset[str] = frozenset(),
    reg: Registry | None = None,
) -> Page:
    """Read a page's metadata and body from its paragraphs.

    Args:
        paras: the page's paragraphs, normalised and de-glued.
        site: the page's site (from its URL, or :func:`detect_site`), whose chrome is removed.
        learned: lines learned as chrome for this page's site or folder.
    """
    reg = reg or registry()
    page = Page(body=[], site=site)

    cue = _find_outlet_cue(paras, reg)
    if cue:
        page.outlet, page.outlet_cue, byline = cue
        if byline is not None and (d := date_from_groups(byline, reg=reg)) and d.complete():
            page.page_date, page.page_date_text = d.complete(), byline.group(0)

    is_chrome = chrome_matcher(site, learned, reg)
    kept = [p for p in paras if not is_chrome(p)]
    cue_lines = {page.outlet_cue} if page.outlet_cue else set()
    kept = [p for p in kept if p not in cue_lines]

    # The dateline opens the body: the first paragraph near the top that starts with one.
    start = None
    for i, p in enumerate(kept[:_HEAD]):
        for dl in reg.datelines:
            m = dl.pattern.match(p)
            if m and m.end() < len(p):
                start, page.dateline = i, m.group("place").strip()
                page.dateline_date = date_from_groups(m, reg=reg)
                if dl.outlet is not None:  # a dateline that names its agency outranks other cues
                    page.outlet, page.outlet_cue = dl.outlet, m.group(0).strip()
                kept[i] = p[m.end() :].lstrip(" -–—")
                break
        if start is not None:
            break

    if page.page_date is None:
        found = _page_date(paras[:_HEAD], reg)
        if found:
            page.page_date, page.page_date_text = found

    if start is not None:
        header, body = kept[:start], kept[start:]
        page.title = next((p for p in header if _is_title(p, reg)), None)
    else:
        body = [p for p in kept if p != page.page_date_text]
        if len(body) > 1 and _is_title(body[0], reg):
            page.title = body[0]
    page.body = [p for p in body if p != page.title and p != page.page_date_text]

    return page
