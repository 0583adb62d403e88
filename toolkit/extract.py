"""Reading a scraped page: which site, whose story, title, dateline, date, and the body.

Works on a document's paragraphs (see :func:`toolkit.clean.paragraphs`). All outlet-specific
knowledge comes from :mod:`toolkit.outlets`; nothing here names an outlet.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import polars as pl

from toolkit.clean import chrome_mask
from toolkit.date_order import Order
from toolkit.dates import PartialDate, date_from_groups
from toolkit.outlets import Registry, registry
from toolkit.page_dates import doubtful_stamp, page_date, yearless_date
from toolkit.stamps import NUMERIC_STAMP, STAMP_MAX_CHARS
from toolkit.title_lines import BYLINE, INITIALS_END, is_title
from toolkit.titles import (
    article_span,
    core_start,
    is_prose,
    lines_cut_below,
    title_part,
    titles_over_bylines,
)

__all__ = [
    "Page",
    "assemble_page",
    "cue_lines",
    "detect_site",
    "detect_sites",
    "header_candidates",
    "read_page",
]

# How far into a page its header (title, stamps, dateline) and its footer may reach.
_HEAD = 15
_LONG_WORDS = 25  # a paragraph of prose this long cut above a title is noted
_TAIL = 12
_CUE_MAX_CHARS = 800  # site cues sit in chrome lines, which are short


# A copyright line and the name it gives: "© 2015 Cable News Network. Turner ...",
# "Copyright 2015 Fox News Network, LLC", "Copyright © 2015 Yahoo! Inc."
COPYRIGHT_SCREEN = r"©|\([cC]\)|(?i:copyright)"
_COPYRIGHT = re.compile(
    r"(?:(?:©|\([cC]\)|\b[Cc]opyright\b|\bCOPYRIGHT\b)\s*)+"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
    r"(?P<name>[A-Z][^\s,;|©()]*(?:\s+(?:[A-Z&][^\s,;|©()]*|of|and|the|de)){0,5})"
)
_SITE_NOTICE = re.compile(r"\b(?:19|20)\d\d\b|(?i:rights reserved)")
_LEGAL_SUFFIX = re.compile(
    r"[\s,.]+(?:LLC|L\.L\.C\.|Inc|Ltd|Limited|Corp|Company|GmbH|PLC|plc|S\.A|All)\b.*$|[.\s™®]+$"
)


def copyright_holder(line: str) -> str | None:
    """The name a copyright line gives, less legal suffixes; None when the line has none.

    Example:
        >>> copyright_holder("Copyright 2015 Fox News Network, LLC. All rights reserved.")
        'Fox News Network'
    """
    m = _COPYRIGHT.search(line)
    if m is None or not _SITE_NOTICE.search(line):  # "© Pavel Bednyakov/TASS": a photo's credit
        return None
    name = _LEGAL_SUFFIX.sub("", m.group("name").split(". ")[0]).strip()
    return name if len(name) >= 2 and not name.isdigit() else None


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
    unsettled_date: str | None = None  # a numeric stamp whose day/month order is not settled
    date_note: str | None = None  # why the stamp nearest a scraped page's title was not taken
    outlet_note: str | None = None  # an outlet the page names that the tables do not know
    cut_note: str | None = None  # paragraphs like the article's cut below a scraped page's end


def _edges(paras: list[str]) -> list[str]:
    if len(paras) <= _HEAD + _TAIL:
        return paras
    return paras[:_HEAD] + paras[-_TAIL:]


def _edge_lines(lines: pl.DataFrame) -> pl.DataFrame:
    """The rows of ``lines`` (doc, pos, line) at their page's edges, short enough to be cues."""
    n = pl.len().over("doc")
    return lines.filter(
        ((n <= _HEAD + _TAIL) | (pl.col("pos") < _HEAD) | (pl.col("pos") >= n - _TAIL))
        & (pl.col("line").str.len_chars() <= _CUE_MAX_CHARS)
    )


def detect_sites(lines: pl.DataFrame, *, reg: Registry | None = None) -> pl.DataFrame:
    """:func:`detect_site` for many pages: ``lines`` has ``doc, pos, line`` (see
    :func:`toolkit.clean.paragraph_lines`); returns ``doc, site`` for pages whose cues match."""
    reg = reg or registry()
    cued = [(d, s.cue.pattern) for d, s in sorted(reg.sites.items()) if s.cue is not None]
    empty = pl.DataFrame(schema={"doc": lines.schema.get("doc", pl.UInt32), "site": pl.String})
    if not cued or not lines.height:
        return empty
    any_cue = "|".join(f"(?:{p})" for _, p in cued)
    edges = _edge_lines(lines).filter(pl.col("line").str.contains(any_cue))
    if not edges.height:
        return empty
    hits = edges.group_by("doc").agg(
        pl.col("line").str.contains(p).sum().alias(str(i)) for i, (_, p) in enumerate(cued)
    )
    # The most hits wins; on a tie, the first domain in sorted order (as detect_site).
    best = pl.concat_list(pl.col(str(i)) for i in range(len(cued)))
    domains = pl.Series([d for d, _ in cued], dtype=pl.String)
    return (
        hits.select("doc", best.list.arg_max().alias("i"), best.list.max().alias("n"))
        .filter(pl.col("n") > 0)
        .select("doc", pl.col("i").map_elements(domains.__getitem__, pl.String).alias("site"))
    )


def detect_site(paras: list[str], *, reg: Registry | None = None) -> str | None:
    """The site whose cues match most lines at the page's edges; None when none matches."""
    lines = pl.DataFrame(
        {"doc": [0] * len(paras), "pos": range(len(paras)), "line": paras},
        schema={"doc": pl.UInt32, "pos": pl.Int64, "line": pl.String},
    )
    found = detect_sites(lines, reg=reg)
    return found["site"].item() if found.height else None


def cue_lines(lines: pl.DataFrame, *, reg: Registry | None = None) -> dict[int, list[str]]:
    """For each page (``doc``), its edge lines that may name an outlet (bylines, cues and
    copyright lines), in order: :func:`read_page` needs to look at no others."""
    reg = reg or registry()
    pattern = "|".join(f"(?:{p})" for p in (reg.outlet_cue_pattern, COPYRIGHT_SCREEN) if p)
    if not lines.height:
        return {}
    found = (
        _edge_lines(lines)
        .filter(pl.col("line").str.contains(pattern))
        .group_by("doc", maintain_order=True)
        .agg("line")
    )
    return dict(found.iter_rows())


def _find_outlet_cue(edges: list[str], reg: Registry) -> tuple[str, str, re.Match | None] | None:
    """(outlet, the cue line, the byline match or None) from bylines first, then other cues."""
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


def _copyright_outlet(page: Page, cues: list[str], reg: Registry) -> None:
    """The outlet a page's copyright line names, where the outlet tables know the name; else
    a note naming it (no outlet is made up from a page)."""
    for line in cues:
        if (name := copyright_holder(line)) is None:
            continue
        if (outlet := reg.canonical(name)) is not None:
            page.outlet, page.outlet_cue = outlet, line
            page.outlet_note = None
            return
        page.outlet_note = page.outlet_note or (
            f"the page's copyright line names {name!r}, which no outlet table knows: not taken"
            " as its outlet (an outlet table with it as an alias would be)"
        )


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
    chrome = chrome_mask(paras, site, learned, reg=reg)
    return assemble_page(paras, chrome, _edges(paras), site=site, reg=reg)


def assemble_page(
    paras: list[str],
    chrome: list[bool],
    cues: list[str],
    *,
    site: str | None = None,
    reg: Registry | None = None,
    maybe_dateline: list[bool] | None = None,
    maybe_date: list[bool] | None = None,
    known_title: str | None = None,
    scraped: bool = False,
    repeated: list[bool] | None = None,
    order: Order | None = None,
    learned: list[bool] | None = None,
    titled: bool = False,
    prose: list[bool] | None = None,
    maybe_lone: list[bool] | None = None,
) -> Page:
    """:func:`read_page` given which paragraphs are chrome and the lines that may hold outlet
    cues (the page's edges, or only those of them :func:`cue_lines` found); optionally, which
    paragraphs may open with a dateline, be a page date or a dateline on a line of its own
    (see :func:`header_candidates`); the others are not tried. A page whose title is known
    (an HTML page's, a manifest's) keeps its first paragraph unless it is that title. A
    ``scraped`` page (a text file with its site's menus) starts at the title over its first
    paragraph of prose and ends with its last (see :func:`article_span`). ``prose``: which
    paragraphs are prose (see :func:`toolkit.titles.prose_flags`), else each is tested here."""
    reg = reg or registry()
    page = Page(body=[], site=site)

    cue = _find_outlet_cue(cues, reg) if cues else None
    if cue:
        page.outlet, page.outlet_cue, byline = cue
        if byline is not None and (d := date_from_groups(byline, reg=reg)) and d.complete():
            page.page_date, page.page_date_text = d.complete(), byline.group(0)

    if scraped and learned is not None and not titled:
        chrome = titles_over_bylines(paras, chrome, learned, reg, prose)
    if page.outlet is None:
        _copyright_outlet(page, cues, reg)
    keep = [i for i, p in enumerate(paras) if not chrome[i] and p != page.outlet_cue]
    kept = [paras[i] for i in keep]
    date_lines = paras[:_HEAD]
    date_at = range(min(len(paras), _HEAD))
    trimmed = False
    kept_repeated = [repeated[i] for i in keep] if repeated is not None else None
    span = body = None
    if scraped:
        kept_prose = [prose[i] for i in keep] if prose is not None else list(map(is_prose, kept))
        span = article_span(kept, reg, kept_repeated, titled=titled, prose=kept_prose)
    if span is not None:
        # A scraped page with its site's menus: what lies before its title and after its
        # last paragraph is chrome (a page that opens with its title keeps every line), and
        # its date is any common stamp near its title.
        head, end = span
        trimmed = True
        notes = []
        # paragraphs of prose above the title (lines other pages of the folder share, or a
        # title lower down): a page's start may be lost, and the report says so (trial AC)
        above = [j for j in range(head) if kept_prose[j] and len(kept[j].split()) >= _LONG_WORDS]
        if above:
            words = sum(len(kept[j].split()) for j in above)
            what = "a paragraph" if len(above) == 1 else f"{len(above)} paragraphs"
            notes.append(
                f"{what} of prose above the title cut ({words} words; other pages of the folder"
                " have them, or the title is lower down): its start may be lost"
            )
        if cut := lines_cut_below(kept, end, kept_prose, kept_repeated):
            notes.append(
                f"{cut} lines below the article's last paragraph cut, among them paragraphs"
                " on its topic: its end may be lost"
            )
        page.cut_note = "; ".join(notes) or None
        # The stamp is near the title, or (a site's pages known) near the page's first own line.
        own = next((j for j, r in enumerate(kept_repeated or []) if not r), head)
        top = max(0, keep[min(head, own)] - 3)
        # ...down to the body's start (a caption or standfirst may come first).
        at_prose = [j for j in range(head, end) if kept_prose[j]]
        # (no lower than its second paragraph of prose: a stamp further down is a caption's or
        # a timeline's, "June 22, 1941. Hitler's Operation Barbarossa")
        body_at = head
        if at_prose:
            body_at = min(core_start(kept, at_prose, 3), (at_prose[1:2] or at_prose)[0])
        date_at = range(top, min(len(paras), keep[min(max(head, body_at) + 3, end - 1)] + 3))
        date_lines = [paras[i] for i in date_at]
        body = keep[min(max(head, body_at), end - 1)] - top  # the body's start in date_lines
        keep, kept = keep[head:end], kept[head:end]
        if kept_repeated is not None:
            kept_repeated = kept_repeated[head:end]

    joined = _join_lone_dateline(keep, kept, kept_repeated, maybe_lone)
    start = _dateline(page, keep, kept, reg, maybe_dateline, joined)
    if page.page_date is None:
        maybe = [maybe_date[i] for i in date_at] if maybe_date is not None else None
        anchor = keep[0] - date_at.start if trimmed and keep else 0
        found = page_date(
            date_lines, reg, maybe, stamps=trimmed, order=order, anchor=anchor, body=body
        )
        if found:
            page.page_date, page.page_date_text = found
        elif trimmed:
            page.unsettled_date = next(
                (
                    m.group(0)
                    for p in date_lines
                    if len(p) <= STAMP_MAX_CHARS and (m := NUMERIC_STAMP.search(p))
                ),
                None,
            )
            if page.dateline_date is None:
                page.dateline_date = yearless_date(date_lines, anchor)
            if page.unsettled_date is None:
                page.date_note = doubtful_stamp(date_lines, anchor, order)
    _title_and_body(page, kept, start, kept_repeated, reg, known_title, scraped, trimmed, titled)
    return page


# a dateline on a line of its own, its story on the next ("OSLO —", "Moscow CNN —")
_LONE_DATELINE = re.compile(r"[A-ZА-ЯЁ][\w'’.,()/ -]{0,60}\s[-–—]{1,2}")
# a looser test of a whole line in polars: what _LONE_DATELINE matches, and more
_LONE_SCREEN = r"^[A-ZА-ЯЁ].{0,62}[-–—]$"


def _join_lone_dateline(
    keep: list[int], kept: list[str], repeated: list[bool] | None, maybe: list[bool] | None
) -> int | None:
    """A dateline a page writes on a line of its own near the top, its story on the next line,
    joined to that line in place (so that it is read as the dateline it is, not as a title
    or a paragraph); the next line's place in ``keep`` (and ``repeated``) goes with it. The
    joined line's place in ``kept``, or None. ``maybe``: which paragraphs may be one (the
    others are not tried)."""
    for j in range(min(len(kept) - 1, _HEAD)):
        if (maybe is None or maybe[keep[j]]) and _LONE_DATELINE.fullmatch(kept[j]):
            kept[j] = f"{kept[j]} {kept.pop(j + 1)}"
            keep.pop(j + 1)
            if repeated is not None and len(repeated) > j + 1:
                repeated.pop(j + 1)
            return j
    return None


def _dateline(
    page: Page,
    keep: list[int],
    kept: list[str],
    reg: Registry,
    maybe: list[bool] | None,
    joined: int | None = None,
) -> int | None:
    """The dateline that opens the body: the first paragraph near the top that starts with one
    (cut from it, in place, and noted on ``page``); its position in ``kept``, or None. A line
    ``joined`` to a lone dateline is tried whatever ``maybe`` says of it."""
    any_dateline = reg.dateline_any.match
    for j, i in enumerate(keep[:_HEAD]):
        p = kept[j]
        if not (maybe[i] if maybe is not None and j != joined else any_dateline(p)):
            continue
        for dl in reg.datelines:
            m = dl.pattern.match(p)
            if m and m.end() < len(p):
                page.dateline = m.group("place").strip()
                page.dateline_date = date_from_groups(m, reg=reg)
                if dl.outlet is not None:  # a dateline that names its agency outranks other cues
                    page.outlet, page.outlet_cue = dl.outlet, m.group(0).strip()
                kept[j] = p[m.end() :].lstrip(" -–—")
                return j
    return None


def _title_and_body(
    page: Page,
    kept: list[str],
    start: int | None,
    kept_repeated: list[bool] | None,
    reg: Registry,
    known_title: str | None,
    scraped: bool,
    trimmed: bool,
    titled: bool,
) -> None:
    """The title (above the dateline, or the first paragraph when it reads as one) and the body."""
    if start is not None:
        header, body = kept[:start], kept[start:]
        others = kept_repeated[:start] if kept_repeated is not None else [False] * start
        if trimmed and not titled and others:
            # the article starts at its title, which other pages of the site may link to
            others = [False, *others[1:]]
        page.title = next(
            (
                p
                for p, other in zip(header, others, strict=True)
                if is_title(p, reg) and not other and not (scraped and BYLINE.match(p))
            ),
            None,
        )
    else:
        body = [p for p in kept if p != page.page_date_text]
        if known_title is not None:
            page.title = known_title if body and body[0] == known_title else None
        elif len(body) > 1 and is_title(
            INITIALS_END.sub("", body[0]) if trimmed and not titled else body[0], reg
        ):
            page.title = body[0]
    page.body = [p for p in body if p != page.title and p != page.page_date_text]
    if trimmed and page.title is not None and not titled:
        page.title = title_part(page.title, page.body)


def header_candidates(lines: pl.DataFrame, *, reg: Registry | None = None) -> pl.DataFrame:
    """``lines`` (``doc, pos, line``) with ``maybe_dateline``, ``maybe_date`` and
    ``maybe_lone``: whether a paragraph could open with a dateline, hold a page's date, or be
    a dateline on a line of its own (tests in polars that are looser than the patterns
    themselves; :func:`assemble_page` tries only those)."""
    reg = reg or registry()
    return lines.with_columns(
        (pl.col("line").str.contains(pattern) if pattern else pl.lit(True)).alias(name)
        for name, pattern in (
            ("maybe_dateline", reg.dateline_screen),
            ("maybe_date", reg.page_date_screen),
            ("maybe_lone", _LONE_SCREEN),
        )
    )
