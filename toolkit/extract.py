"""Reading a scraped page: which site, whose story, title, dateline, date, and the body.

Works on a document's paragraphs (see :func:`toolkit.clean.paragraphs`). All outlet-specific
knowledge comes from :mod:`toolkit.outlets`; nothing here names an outlet.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass

import polars as pl

from toolkit.clean import chrome_mask
from toolkit.date_order import Order
from toolkit.dates import PartialDate, date_from_groups
from toolkit.outlets import Registry, registry
from toolkit.stamps import NUMERIC_STAMP, STAMP_MAX_CHARS, stamp_date

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
_TAIL = 12
_TITLE_MAX_WORDS = 30
_TITLE_END = re.compile(r"[.,;:。！？]$")
_TITLE_MAX_CHARS = 200
_INITIALS_END = re.compile(r"(?<=\s)(?:[A-Z]\.){2,}$")
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
    outlet_note: str | None = None  # an outlet the page names that the tables do not know


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


def _is_title(p: str, reg: Registry) -> bool:
    words = p.count(" ") + 1
    if (
        words > _TITLE_MAX_WORDS
        or len(p) > _TITLE_MAX_CHARS
        or _TITLE_END.search(p)
        or not re.search(r"[A-Za-z]{2}", p)
    ):
        return False
    return not reg.page_date_any.search(p)


_BYLINE = re.compile(r"^(?:[Bb]y|BY|Article written by|Written by|Posted by)\s+[A-ZА-ЯЁ]\w+")
_MERIDIEM = re.compile(r"\s*[AaPp]\.[Mm]\.$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”»’']?$")
_PROSE_END = re.compile(r"[.!?…。！？\"”»’')]$")
_TITLE_WINDOW = 8  # lines above the first paragraph where its title may sit
_HEADLINE_WORDS = 20  # a longer line there is a lead
_MENU_GAP = 8  # lines without prose that end an article (a footer's menus)
_MENU_LINES = 5  # lines above the title (or below the last paragraph) that make a menu


def _is_prose(p: str) -> bool:
    """A paragraph of an article, not a menu, caption or headline: sentences, or long."""
    words = p.count(" ") + 1
    if words == 1:  # scripts written without spaces
        return len(p) >= 60 and bool(_PROSE_END.search(p))
    if words < 30 and _title_case(p):  # "Manhole Fires and Burst Pipes: ... N.Y.C."
        return False
    return words >= 30 or (words >= 12 and bool(_PROSE_END.search(p)))


def _title_case(p: str) -> bool:
    """Whether most longer words of a line are capitalised, as in a headline."""
    long = [w for w in p.split() if len(w) >= 4 and w[0].isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def _headline_size(p: str) -> bool:
    spaces = p.count(" ")
    if spaces < 2 and _KANA_HAN.search(p):  # Chinese, Japanese: a few words in Latin letters
        return 8 <= len(p) <= 80
    return 2 <= spaces < _HEADLINE_WORDS or (spaces == 0 and len(p) >= 8)


def _article_span(
    kept: list[str], reg: Registry, repeated: list[bool] | None = None, *, titled: bool = False
) -> tuple[int, int] | None:
    """(first, end): the article's lines of a scraped page's lines ``kept[first:end]``, from
    its title to its last paragraph of prose; None when the page has no prose. The title is the
    line :func:`_topic_title` finds, else (the site's pages known) the page's own first line
    (:func:`_own_title`), else the longest title-like line just above the first paragraph of
    prose, fewer than five lines above which are the article's own (a lead) and kept. A page
    ``titled`` elsewhere (a file name) is read by the last rule alone, and None when nothing
    is cut. Fewer than five lines below the last paragraph are the article's own (a short
    closing paragraph) and kept."""
    prose = [j for j, p in enumerate(kept) if _is_prose(p)]
    if not prose:
        return None
    first, last = prose[0], prose[-1]
    # With the site's other pages to tell its sections and menus, the title is the first line
    # of its own above the first paragraph; without them, the longest just above it.
    end = last + 1 if len(kept) - last > _MENU_LINES else len(kept)
    titles = [
        j
        for j in range(max(0, first - _TITLE_WINDOW), first)
        if _is_title(kept[j], reg) and _headline_size(kept[j]) and not _BYLINE.match(kept[j])
    ]
    head = max(titles, key=lambda j: (len(kept[j]), j)) if titles else first
    # Fewer than five lines above the title are the article's own (a lead, an editor's note).
    head = head if head >= _MENU_LINES else 0
    if titled:  # a title of its own elsewhere (a file name): a lone page's header, all kept
        return (head, end) if head or end < len(kept) else None
    if (topic := _topic_title(kept, reg, prose)) is not None:
        head = topic
    elif repeated is not None and (own := _own_title(kept, reg, repeated, first)) is not None:
        head = own
    return head, _article_end(kept, prose, max(head, _core(kept, prose, 3)), end)


def _article_end(kept: list[str], prose: list[int], start: int, end: int) -> int:
    """Where the article that starts at ``kept[start]`` ends: before a run of at least
    ``_MENU_GAP`` lines without prose (a footer's menus) after which less than half as much
    prose follows as came before it (a footer's notices, a list of other stories), else at
    ``end``."""
    after = [j for j in prose if j >= start]
    chars = [len(kept[j]) for j in after]
    total = sum(chars)
    for i, (j, k) in enumerate(itertools.pairwise(after)):
        if k - j > _MENU_GAP and (before := sum(chars[: i + 1])) > 2 * (total - before):
            # short sentences right after the last paragraph are the article's own
            j += 1
            while j < end and kept[j].count(" ") >= 2 and _SENTENCE_END.search(kept[j]):
                j += 1
            return min(j, end)
    return end


_LETTERS = re.compile(r"[^\W\d_]+")
_KANA_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Two sentences: "transportiert. Doch", not "U.S. Trained"
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?] [A-ZА-ЯЁ]")
# "Angie Yack, CNN", "David Cenciotti, The Aviationist": a byline without "By"
_NAME_LINE = re.compile(
    r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}, [A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}$"
)
# A caption's credit: "(Photo: Getty Images)", "(The Associated Press)", "Credit...".
_CREDIT = re.compile(r"\([^()]*\s[^()]*\)$|^Credit\b")
_PATH_SEPARATOR = re.compile(r"\s*\|\s*|\s+[>»›]\s+|\s+::\s+")
_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")
# "Parmy Olson Forbes Staff", "Frances Coppola Contributor": an author and a role
_ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w.'-]+ ){1,4}(?:Senior |Staff |Chief |Special )?"
    r"(?:Contributor|Staff|Writer|Correspondent|Reporter|Editor|Columnist)$"
)
_TOPIC_CLOSE = 0.6  # a line scoring this share of the best, higher up, is the title
_TOPIC_LINES = 6  # paragraphs of the body a title is compared with
_TOPIC_WINDOW = 40  # lines above the body where its title may sit


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words that say nothing of a story's topic, in the languages of Latin and Cyrillic script
    the toolkit reads (stopwords-iso)."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(["en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk"]))


def _topic_keys(text: str) -> set[str]:
    """The words of ``text`` that carry its topic, cut to a stem-like prefix ("cases" and "case"
    agree); Chinese and Japanese as pairs of characters."""
    keys = set()
    stop = _stop_words()
    for word in _LETTERS.findall(text.casefold()):
        if _KANA_HAN.search(word):
            han = "".join(_KANA_HAN.findall(word))
            keys |= {han[i : i + 2] for i in range(len(han) - 1)}
        elif len(word) >= 3 and word not in stop:
            keys.add(word[:5] if len(word) >= 6 else word.removesuffix("s"))
    return keys


def _byline(p: str) -> bool:
    return bool(_BYLINE.match(p) or (len(p) <= 60 and (_NAME_LINE.match(p) or _ROLE_LINE.match(p))))


def _byline_or_stamp(p: str, reg: Registry) -> bool:
    return _byline(p) or _stamp_like(p, reg)


def _topic_title(kept: list[str], reg: Registry, prose: list[int]) -> int | None:
    """The title of a scraped page among the headline-like lines above its body
    (``kept[core:]``) that share at least two words with its first paragraphs (or one of
    their two): the line right above a byline ("By ...", "Angie Yack, CNN"), else the line that
    shares most (shared words squared over its words: a headline, not a longer standfirst),
    a line next to a stamp or byline counting half as much again. None when no line shares."""
    start, core = _core(kept, prose, 2), _core(kept, prose, 3)
    body = set().union(*(_topic_keys(kept[j]) for j in [j for j in prose if j >= start][:12]))
    scores: dict[int, float] = {}
    for j in range(max(0, core - _TOPIC_WINDOW), core):
        p = kept[j]
        # a headline may end with initials ("... Underneath N.Y.C.")
        if (
            not _is_title(_INITIALS_END.sub("", p), reg)
            or not _headline_size(p)
            or _byline_or_stamp(p, reg)
            or _SENTENCE_BREAK.search(p)
            or _CREDIT.search(p)
            or p.endswith(("→", "»", "›", "..."))
            or "://" in p
        ):
            continue
        keys = _topic_keys(p)
        shared = len(keys & body)
        if shared >= 2 or (shared == 1 and len(keys) <= 2):
            near = _byline_or_stamp(kept[j + 1], reg) or (j > 0 and _stamp_like(kept[j - 1], reg))
            scores[j] = shared * shared / len(keys) * (1.5 if near else 1.0)
    if not scores:
        return None
    # A standfirst may sit between the title and the byline.
    above_byline = [j for j in scores if any(_byline(p) for p in kept[j + 1 : j + 3])]
    found = above_byline or list(scores)
    # The title comes first: a standfirst, a caption or summary points below it share as much.
    best = max(scores[j] for j in found)
    return min(j for j in found if scores[j] >= _TOPIC_CLOSE * best)


def _title_part(title: str, body: list[str]) -> str:
    """A title less the parts around it that are not about the story: a section or path
    ("Economy|...", "home > Gadgets > ..."), a site name (" - Sciencefly"); the part that
    shares most words with the body is kept; a path part is cut when it is short and shares
    less than half as many, a part after a dash only when it shares none."""
    keys = set().union(*(_topic_keys(p) for p in [p for p in body if _is_prose(p)][:12]))
    for separator in (_PATH_SEPARATOR, _DASH_SEPARATOR):
        parts = [p for p in separator.split(title) if p.strip()]
        if len(parts) < 2:
            continue
        shared = [len(_topic_keys(p) & keys) for p in parts]
        best = max(range(len(parts)), key=lambda i: (shared[i], len(parts[i])))
        others = [i for i in range(len(parts)) if i != best]
        if separator is _PATH_SEPARATOR:
            cut = shared[best] >= 2 and all(
                parts[i].count(" ") < 4 and 2 * shared[i] < shared[best] for i in others
            )
        else:
            cut = len(parts) == 2 and shared[best] > 0 and shared[others[0]] == 0
        if cut:
            return parts[best].strip()
    return title


def _core(kept: list[str], prose: list[int], run: int) -> int:
    """Where a page's body starts: its first ``run`` paragraphs of prose in a row (a caption
    or an author's blurb above it is shorter), else its first paragraph of prose."""
    at = set(prose)
    return next((j for j in prose if all(j + k in at for k in range(run))), prose[0])


def _stamp_like(p: str, reg: Registry) -> bool:
    """Whether a line is a date stamp, in a form the tables know or any common one."""
    if reg.page_date_any.search(p):
        return True
    return len(p) <= STAMP_MAX_CHARS and bool(NUMERIC_STAMP.search(p) or stamp_date(p))


def _own_title(kept: list[str], reg: Registry, repeated: list[bool], first: int) -> int | None:
    """The title of a page whose site's other pages are known: the first title-like line above
    its first paragraph that no other page has, where every line above it is the site's (a
    section name or menu its other pages have), a stamp or a byline; else None."""
    for j in range(first):
        p = kept[j]
        if repeated[j] or _BYLINE.match(p) or _stamp_like(p, reg):
            continue
        return j if _is_title(p, reg) and _headline_size(p) else None
    return None


def _titles_over_bylines(
    paras: list[str], chrome: list[bool], learned: list[bool], reg: Registry
) -> list[bool]:
    """``chrome`` less the headline-like lines learned as chrome that stand right above a
    byline: the page's title, which other pages of the site link to."""
    titles = {
        i
        for i in range(len(paras) - 1)
        if learned[i]
        and _is_title(paras[i], reg)
        and _headline_size(paras[i])
        and any(_byline(p) for p in paras[i + 1 : i + 3])
    }
    return [c and i not in titles for i, c in enumerate(chrome)] if titles else chrome


def _page_date(
    lines: list[str],
    reg: Registry,
    maybe: list[bool] | None = None,
    *,
    stamps: bool = False,
    order: Order | None = None,
    anchor: int = 0,
) -> tuple[dt.date, str] | None:
    any_date = reg.page_date_any.search
    for i, p in enumerate(lines):
        if not (maybe[i] if maybe is not None else any_date(p)):
            continue
        for pattern in reg.page_dates:
            m = pattern.search(p)
            if m and (d := date_from_groups(m, reg=reg)) and (full := d.complete()):
                return full, p
    if not stamps:
        return None
    # No outlet table knows the stamp: any common form, read by dateparser; the stamp nearest
    # the title (``lines[anchor]``) first, not another story's date higher up.
    for i in sorted(range(len(lines)), key=lambda i: (abs(i - anchor), i)):
        p = lines[i]
        end = _MERIDIEM.sub("", p)  # "..., Nov 9, 2013." is a caption; "5:00 a.m." is no end
        caption = p.count(" ") >= 8 and end.endswith((".", "!", "?"))
        if not caption and (found := stamp_date(p, order=order)) is not None:
            return found[0], p
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
) -> Page:
    """:func:`read_page` given which paragraphs are chrome and the lines that may hold outlet
    cues (the page's edges, or only those of them :func:`cue_lines` found); optionally, which
    paragraphs may open with a dateline or be a page date (see :func:`header_candidates`);
    the others are not tried. A page whose title is known (an HTML page's, a manifest's) keeps
    its first paragraph unless it is that title. A ``scraped`` page (a text file with its
    site's menus) starts at the title over its first paragraph of prose and ends with its last
    (see :func:`article_span`)."""
    reg = reg or registry()
    page = Page(body=[], site=site)

    cue = _find_outlet_cue(cues, reg) if cues else None
    if cue:
        page.outlet, page.outlet_cue, byline = cue
        if byline is not None and (d := date_from_groups(byline, reg=reg)) and d.complete():
            page.page_date, page.page_date_text = d.complete(), byline.group(0)

    if scraped and learned is not None and not titled:
        chrome = _titles_over_bylines(paras, chrome, learned, reg)
    if page.outlet is None:
        _copyright_outlet(page, cues, reg)
    keep = [i for i, p in enumerate(paras) if not chrome[i] and p != page.outlet_cue]
    kept = [paras[i] for i in keep]
    date_lines = paras[:_HEAD]
    date_at = range(min(len(paras), _HEAD))
    trimmed = False
    kept_repeated = [repeated[i] for i in keep] if repeated is not None else None
    if scraped and (span := _article_span(kept, reg, kept_repeated, titled=titled)) is not None:
        # A scraped page with its site's menus: what lies before its title and after its
        # last paragraph is chrome (a page that opens with its title keeps every line), and
        # its date is any common stamp near its title.
        head, end = span
        trimmed = True
        # The stamp is near the title, or (a site's pages known) near the page's first own line.
        own = next((j for j, r in enumerate(kept_repeated or []) if not r), head)
        top = max(0, keep[min(head, own)] - 3)
        # ...down to the body's start (a caption or standfirst may come first).
        prose = [j for j in range(head, end) if _is_prose(kept[j])]
        body_at = _core(kept, prose, 3) if prose else head
        date_at = range(top, min(len(paras), keep[min(max(head, body_at) + 3, end - 1)] + 3))
        date_lines = [paras[i] for i in date_at]
        keep, kept = keep[head:end], kept[head:end]
        if kept_repeated is not None:
            kept_repeated = kept_repeated[head:end]

    # The dateline opens the body: the first paragraph near the top that starts with one.
    start = None
    any_dateline = reg.dateline_any.match
    for j, i in enumerate(keep[:_HEAD]):
        p = kept[j]
        if not (maybe_dateline[i] if maybe_dateline is not None else any_dateline(p)):
            continue
        for dl in reg.datelines:
            m = dl.pattern.match(p)
            if m and m.end() < len(p):
                start, page.dateline = j, m.group("place").strip()
                page.dateline_date = date_from_groups(m, reg=reg)
                if dl.outlet is not None:  # a dateline that names its agency outranks other cues
                    page.outlet, page.outlet_cue = dl.outlet, m.group(0).strip()
                kept[j] = p[m.end() :].lstrip(" -–—")
                break
        if start is not None:
            break

    if page.page_date is None:
        maybe = [maybe_date[i] for i in date_at] if maybe_date is not None else None
        anchor = keep[0] - date_at.start if trimmed and keep else 0
        found = _page_date(date_lines, reg, maybe, stamps=trimmed, order=order, anchor=anchor)
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

    if start is not None:
        header, body = kept[:start], kept[start:]
        others = kept_repeated[:start] if kept_repeated is not None else [False] * start
        page.title = next(
            (
                p
                for p, other in zip(header, others, strict=True)
                if _is_title(p, reg) and not other and not (scraped and _BYLINE.match(p))
            ),
            None,
        )
    else:
        body = [p for p in kept if p != page.page_date_text]
        if known_title is not None:
            page.title = known_title if body and body[0] == known_title else None
        elif len(body) > 1 and _is_title(
            _INITIALS_END.sub("", body[0]) if trimmed and not titled else body[0], reg
        ):
            page.title = body[0]
    page.body = [p for p in body if p != page.title and p != page.page_date_text]
    if trimmed and page.title is not None and not titled:
        page.title = _title_part(page.title, page.body)

    return page


def header_candidates(lines: pl.DataFrame, *, reg: Registry | None = None) -> pl.DataFrame:
    """``lines`` (``doc, pos, line``) with ``maybe_dateline`` and ``maybe_date``: whether a
    paragraph could open with a dateline, or hold a page's date (a test in polars that is
    looser than the patterns themselves; :func:`assemble_page` tries only those)."""
    reg = reg or registry()
    return lines.with_columns(
        (pl.col("line").str.contains(pattern) if pattern else pl.lit(True)).alias(name)
        for name, pattern in (
            ("maybe_dateline", reg.dateline_screen),
            ("maybe_date", reg.page_date_screen),
        )
    )
