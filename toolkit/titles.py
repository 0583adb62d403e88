"""Titles and bodies of scraped pages from sites no outlet table covers: which lines are prose,
bylines and headlines, where the article starts and ends, and which line is its title (the
headline-like line above the body that shares its words, or the one over a byline).

Nothing here names an outlet or a site; :mod:`toolkit.extract` uses these rules.
"""

from __future__ import annotations

import collections
import itertools
import re

import polars as pl

from toolkit.outlets import Registry
from toolkit.title_lines import (
    BYLINE,
    KANA_HAN,
    PATH_SEPARATOR,
    headline_size,
    is_byline,
    is_title,
    over_byline_or_stamp,
    stamp_like,
    title_candidate,
    topic_keys,
)

__all__ = [
    "MERIDIEM",
    "article_span",
    "core_start",
    "is_prose",
    "lines_cut_below",
    "prose_flags",
    "title_part",
    "titles_over_bylines",
]


MERIDIEM = re.compile(r"\s*[AaPp]\.[Mm]\.$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”»’']?$")
_PROSE_END = re.compile(r"[.!?…。！？\"”»’')]$")
_TITLE_WINDOW = 8  # lines above the first paragraph where its title may sit
_MENU_GAP = 8  # lines without prose that end an article (a footer's menus)
_MENU_LINES = 5  # lines above the title (or below the last paragraph) that make a menu
# A line of a list: numbered or bulleted ("5. ...", "• ..."), a label and its value ("Jan. 15-17:
# UAH - Charger Hockey", "宮崎県： 高鍋町", "England (Group A): 10th appearance"), a name and a
# role ("Sergei Lavrov – Foreign Minister"); not a menu's links set apart by bars
_LIST_ITEM = re.compile(
    r"^(?!.*\s\|\s)(?:(?:\d{1,2}[.)]|[•·▪●◦–—-])\s+\S|[^:：]{1,60}(?::\s|：)\s*\S|.*\S\s+[–—-]\s+\S)"
)
_LIST_MIN = 3  # items that make a list
_LIST_SHARE = 2 / 3  # of a list's lines that are items (the others: its subheadings)
_SUBHEADING = 30  # characters of a line between a list's items ("＜震度4＞", "Group A")
_CUT_RUN = 3  # paragraphs in a row below an article's end that may be its own...
_CUT_SHARED = 3  # ...each sharing this many topic words with it
# A note in brackets after the last paragraph: "(Reporting by X; Editing by Y)"
_REPORTERS = re.compile(r"^\((?:[^()]*\s){2}[^()]*\)$")
# The first character of each word (what str.split() gives) of at least four characters
_LONG_WORD_INITIAL = re.compile(r"(?<!\S)(\S)\S{3,}")


def is_prose(p: str) -> bool:
    """A paragraph of an article, not a menu, caption or headline: sentences, or long. A line
    without spaces, or written mostly in Chinese or Japanese characters (words not set apart:
    "新华社北京4月24日电 题：..." has one space), is counted in characters."""
    words = p.count(" ") + 1
    if words == 1 or 2 * len(KANA_HAN.findall(p)) >= len(p):  # scripts written without spaces
        return len(p) >= 60 and bool(_PROSE_END.search(p))
    if words >= 30:
        return True
    # the cheap tests first (most lines of a page are short menus or long), then title case:
    # "Manhole Fires and Burst Pipes: ... N.Y.C." is a headline
    return words >= 12 and bool(_PROSE_END.search(p)) and not _title_case(p)


def prose_flags(lines: pl.Series) -> pl.Series:
    """:func:`is_prose` of every line of ``lines`` at once, in polars (the same answer for
    every line: ``tests/test_titles.py`` compares them); title case is read only where the
    cheap tests leave it open (12 to 29 words ending as a sentence)."""
    line = pl.col("line")
    # words as str.count(" ") + 1 counts them, read no further than the 30th (anchored)
    at_least = {n: line.str.contains(f"^(?:[^ ]* ){{{n - 1}}}") for n in (12, 30)}
    # Python's "$" also matches before a final newline
    ends = line.str.tail(2).str.contains(r"[.!?…。！？\"”»’')]\n?$")
    cheap = pl.DataFrame({"line": lines, "kana_han": _kana_han(lines)}).select(
        pl.when(~line.str.contains(" ", literal=True) | pl.col("kana_han"))
        .then((line.str.len_chars() >= 60) & ends)
        .when(at_least[30])
        .then(True)
        .when(at_least[12] & ends)
        .then(None)  # open: prose unless in title case
        .otherwise(False)
        .alias("prose")
    )["prose"]
    open_ = cheap.is_null().arg_true()
    if not open_.len():
        return cheap.alias(lines.name)
    # initials of the words of at least four characters: letters (str.isalpha), capitals;
    # words split where str.split() splits them (polars' \s lacks \x1c-\x1f)
    letters, capitals = (
        line.str.count_matches(rf"(?:^|[\s\x1c-\x1f]){initial}[^\s\x1c-\x1f]{{3,}}")
        for initial in (r"\p{L}", r"\p{Lu}")
    )
    title_case = (letters >= 3) & (capitals >= 0.7 * letters)
    decided = pl.DataFrame({"line": lines.gather(open_)}).select(~title_case)
    return cheap.scatter(open_, decided.to_series()).alias(lines.name)


def _kana_han(lines: pl.Series) -> pl.Series:
    """Whether half or more of each line's characters are kana or Han (``KANA_HAN``), searched
    only in the lines of two bytes a character or more: each of those characters takes three
    in UTF-8, so a line half of them takes at least two a character (most lines, in Latin
    letters, are not searched)."""
    wide = (lines.str.len_bytes() >= 2 * lines.str.len_chars()).fill_null(False).arg_true()
    found = pl.DataFrame({"line": lines.gather(wide)}).select(
        2 * pl.col("line").str.count_matches(KANA_HAN.pattern) >= pl.col("line").str.len_chars()
    )
    return pl.repeat(False, lines.len(), eager=True).scatter(wide, found.to_series())


def _prose_at(lines: list[str], prose: list[bool] | None) -> list[int]:
    """Where the prose of ``lines`` is: from the flags of :func:`prose_flags` where given."""
    if prose is not None:
        return [j for j, f in enumerate(prose) if f]
    return [j for j, p in enumerate(lines) if is_prose(p)]


def _title_case(p: str) -> bool:
    """Whether most longer words of a line are capitalised, as in a headline."""
    initials = list(filter(str.isalpha, _LONG_WORD_INITIAL.findall(p)))
    return len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.7 * len(initials)


def article_span(
    kept: list[str],
    reg: Registry,
    repeated: list[bool] | None = None,
    *,
    titled: bool = False,
    prose: list[bool] | None = None,
) -> tuple[int, int] | None:
    """(first, end): the article's lines of a scraped page's lines ``kept[first:end]``, from
    its title to its last paragraph of prose; None when the page has no prose. The title is the
    line :func:`_topic_title` finds, else (the site's pages known) the page's own first line
    (:func:`_own_title`), else the longest title-like line just above the first paragraph of
    prose, fewer than five lines above which are the article's own (a lead) and kept. A page
    ``titled`` elsewhere (a file name) is read by the last rule alone, and None when nothing
    is cut. Fewer than five lines below the last paragraph are the article's own (a short
    closing paragraph) and kept, and so is a list right below it (:func:`_list_end`).
    ``prose``: which lines are prose, where a column pass (:func:`prose_flags`) found it."""
    prose = _prose_at(kept, prose)
    if not prose:
        return None
    first, last = prose[0], prose[-1]
    # With the site's other pages to tell its sections and menus, the title is the first line
    # of its own above the first paragraph; without them, the longest just above it.
    end = last + 1 if len(kept) - last > _MENU_LINES else len(kept)
    if end == last + 1:  # a list may end the article (a programme, the documents signed)
        end = _list_end(kept, last, len(kept), repeated)
    while end < len(kept) and _REPORTERS.match(kept[end]):
        end += 1
    head = _title_above(kept, reg, first)
    if titled:  # a title of its own elsewhere (a file name): a lone page's header, all kept
        return (head, end) if head or end < len(kept) else None
    own = _own_title(kept, reg, repeated, first) if repeated is not None else None
    if (topic := _topic_title(kept, reg, prose, own=own)) is not None:
        head = topic
    elif own is not None:
        head = own
    head = _over_prose(kept, reg, prose, repeated, head)
    start = max(head, core_start(kept, prose, 3))
    return head, _article_end(kept, prose, start, end, repeated)


def _over_prose(
    kept: list[str], reg: Registry, prose: list[int], repeated: list[bool] | None, head: int
) -> int:
    """The article's first line where two or more paragraphs of the page's own prose on its
    topic stand right above the line taken as its title (at most ``_MENU_LINES`` lines between
    them): that line is a subheading inside the article ("On the origins of the conflict" under
    a dateline's paragraph), and the article starts over the first of them
    (:func:`_title_above`); else ``head``."""
    body = [j for j in prose if j > head][:_TOPIC_LINES]
    # lines other pages have are the site's, unless the body below has them too: a second copy
    # of the story in the folder (a re-crawl), not chrome
    copied = repeated is not None and sum(repeated[j] for j in body) * 2 > len(body)
    own = [j for j in prose if j < head and (copied or not (repeated and repeated[j]))]
    if not own or head - own[-1] > _MENU_LINES:
        return head
    run = own[-1]  # the paragraphs right above, back to a gap a menu would leave
    while (before := [j for j in own if j < run]) and run - before[-1] <= _MENU_LINES:
        run = before[-1]
    # ...two or more (one is a photo's caption over the headline), on the story's topic: they
    # share words with the body below (not a site's blurb)
    if len([j for j in own if j >= run]) < 2:
        return head
    above = set().union(*(topic_keys(kept[j]) for j in own if j >= run))
    below = set().union(*(topic_keys(kept[j]) for j in body))
    if len(above & below) < _OVER_SHARED:
        return head
    return _title_above(kept, reg, run)


def _title_above(kept: list[str], reg: Registry, first: int) -> int:
    """The article's first line over its paragraph ``kept[first]``: the longest title-like
    line at most ``_TITLE_WINDOW`` lines above it, else that paragraph; the page's top where
    fewer than five lines are above it (a lead, an editor's note: the article's own)."""
    titles = [
        j
        for j in range(max(0, first - _TITLE_WINDOW), first)
        if is_title(kept[j], reg) and headline_size(kept[j]) and not BYLINE.match(kept[j])
    ]
    head = max(titles, key=lambda j: (len(kept[j]), j)) if titles else first
    return head if head >= _MENU_LINES else 0


def _article_end(
    kept: list[str], prose: list[int], start: int, end: int, repeated: list[bool] | None = None
) -> int:
    """Where the article that starts at ``kept[start]`` ends: before a run of at least
    ``_MENU_GAP`` lines without prose (a footer's menus) after which less than half as much
    prose follows as came before it (a footer's notices, a list of other stories), else at
    ``end``. A list right below a paragraph (:func:`_list_end`) is the article's: where it
    fills the run, the article goes on past it; else it ends with the list."""
    after = [j for j in prose if j >= start]
    chars = [len(kept[j]) for j in after]
    total = sum(chars)
    for i, (j, k) in enumerate(itertools.pairwise(after)):
        if k - j > _MENU_GAP and (before := sum(chars[: i + 1])) > 2 * (total - before):
            j = _list_end(kept, j, k, repeated)
            if j == k:  # a list of participants, of documents signed... and the article goes on
                continue
            # short sentences right after the last paragraph are the article's own
            while j < end and kept[j].count(" ") >= 2 and _SENTENCE_END.search(kept[j]):
                j += 1
            return min(j, end)
    return end


def _list_end(kept: list[str], j: int, k: int, repeated: list[bool] | None) -> int:
    """Where the list right below the paragraph ``kept[j]`` ends (``k``: the next paragraph),
    else ``j + 1``: at least ``_LIST_MIN`` lines of items (:data:`_LIST_ITEM`) below at most one
    line that opens them ("Qualified teams", "The following documents were signed:"), items
    being at least ``_LIST_SHARE`` of its lines (a short line above or between items may be a
    subheading), none of them a line the site's other pages have (``repeated``: a footer's
    contacts). A list that ends a line or two above ``k`` (a subheading) reaches ``k``."""
    first = j + 1 + (j + 1 < k and not _LIST_ITEM.match(kept[j + 1]))
    items, last = 0, first - 1
    for i in range(first, k):
        if repeated is not None and repeated[i]:
            break
        if _LIST_ITEM.match(kept[i]):
            items, last = items + 1, i
        elif i - last > 1 or len(kept[i]) > _SUBHEADING:  # no item, no subheading: it has ended
            break
    if items < _LIST_MIN or items < _LIST_SHARE * (last + 1 - first):
        return j + 1
    return k if k - last <= 2 else last + 1


def lines_cut_below(
    kept: list[str], end: int, prose: list[bool], repeated: list[bool] | None = None
) -> int:
    """How many lines below an article that ends at ``kept[end]`` (:func:`article_span`) are
    cut although ``_CUT_RUN`` paragraphs in a row among them, none a line the site's other
    pages have, each share ``_CUT_SHARED`` words of its topic (words at least two of its
    paragraphs have) with it: its end may be lost
    (a review's next product below its specifications); else 0. A footer's notices and the
    teasers of other stories come one by one, or share fewer of its words."""
    below = [
        j
        for j in range(end, len(kept))
        if prose[j] and not (repeated and repeated[j]) and _PROSE_END.search(kept[j])
    ]
    runs = [
        below[i : i + _CUT_RUN]
        for i in range(len(below) - _CUT_RUN + 1)
        if below[i + _CUT_RUN - 1] - below[i] == _CUT_RUN - 1
    ]
    if not runs:  # the usual footer: no paragraphs in a row
        return 0
    # its topic: the words at least two of its paragraphs share (not a legal notice's words
    # that one of them has: "use", "material", "Ukraine")
    counts = collections.Counter(k for j in range(end) if prose[j] for k in topic_keys(kept[j]))
    topic = {k for k, n in counts.items() if n >= 2}
    for run in runs:
        if all(len(topic_keys(kept[j]) & topic) >= _CUT_SHARED for j in run):
            return len(kept) - end
    return 0


_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")
_TOPIC_CLOSE = 0.6  # a line scoring this share of the best, higher up, is the title
_TOPIC_LINES = 6  # paragraphs of the body a title is compared with
_TOPIC_WINDOW = 50  # lines above the body where its title may sit
_OVER_SHARED = 3  # topic words the paragraphs over a subheading share with the body below it


def _topic_title(
    kept: list[str], reg: Registry, prose: list[int], *, own: int | None = None
) -> int | None:
    """The title of a scraped page among the headline-like lines above its body
    (``kept[core:]``): a line the page writes twice there, alone and as a part of another line
    ("The Lower Depths" and "The Lower Depths | The Nation": its ``<h1>`` and ``<title>``);
    else among those that share at least two words with its first paragraphs (or one of their
    two): the line right above a byline ("By ...", "Angie Yack, CNN"), else the page's first
    line of its own (``own``, where its site's pages are known) when it shares two words, else
    the line that shares most (shared words squared over its words: a headline, not a longer
    standfirst), a line next to a stamp or byline counting half as much again. None when no
    line is written twice or shares."""
    start, core = core_start(kept, prose, 2), core_start(kept, prose, 3)
    if own is not None and own + 1 < len(kept) and is_byline(kept[own + 1]):
        return own  # however far above the body (a video list may come between)
    window = range(max(0, core - _TOPIC_WINDOW), core)
    candidates = [j for j in window if title_candidate(kept[j], reg)]
    if not candidates:
        return None
    body = set().union(*(topic_keys(kept[j]) for j in [j for j in prose if j >= start][:12]))
    scores: dict[int, float] = {}
    shares: dict[int, int] = {}
    for j in candidates:
        keys = topic_keys(kept[j])
        shared = shares[j] = len(keys & body)
        if shared >= 2 or (shared == 1 and len(keys) <= 2):
            near = over_byline_or_stamp(kept, j, reg) or (j > 0 and stamp_like(kept[j - 1], reg))
            scores[j] = shared * shared / len(keys) * (1.5 if near else 1.0)
    if echoed := _written_twice(kept, candidates, window):
        return max(echoed, key=lambda j: (scores.get(j, 0.0), -j))
    if not scores:
        return None
    # A standfirst may sit between the title and the byline.
    above_byline = [j for j in scores if any(is_byline(p) for p in kept[j + 1 : j + 3])]
    if not above_byline and own in scores and shares[own] >= 2:
        return own
    # Captions may stand between the title and the byline; a standfirst below it is no title.
    byline = next((j for j in window if is_byline(kept[j])), core)
    over = [j for j in scores if j < byline and shares[j] >= 2]
    found = above_byline or over or list(scores)
    # The title comes first: a standfirst, a caption or summary points below it share as much.
    best = max(scores[j] for j in found)
    return min(j for j in found if scores[j] >= _TOPIC_CLOSE * best)


def _written_twice(kept: list[str], candidates: list[int], window: range) -> list[int]:
    """The candidate lines that a line above them in ``window`` holds as a part set off by a
    bar, a dash or a path separator: a title written in the page's ``<title>`` ("... | The
    Nation") or breadcrumb ("Blogs » ... » ...") and again as its headline below."""
    parts: dict[str, int] = {}
    for j in window:
        for part in {*PATH_SEPARATOR.split(kept[j]), *_DASH_SEPARATOR.split(kept[j])} - {kept[j]}:
            parts.setdefault(part.strip().casefold(), j)
    return [j for j in candidates if parts.get(kept[j].strip().casefold(), j) < j]


def title_part(title: str, body: list[str]) -> str:
    """A title less the parts around it that are not about the story: a section or path
    ("Economy|...", "home > Gadgets > ..."), a site name (" - Sciencefly"); the part that
    shares most words with the body is kept; a path part is cut when it is short and shares
    less than half as many, a part after a dash only when it shares none."""
    # the first twelve paragraphs of prose: the body is read no further
    keys = set().union(*map(topic_keys, itertools.islice(filter(is_prose, body), 12)))
    for separator in (PATH_SEPARATOR, _DASH_SEPARATOR):
        parts = [p for p in separator.split(title) if p.strip()]
        if len(parts) < 2:
            continue
        shared = [len(topic_keys(p) & keys) for p in parts]
        best = max(range(len(parts)), key=lambda i: (shared[i], len(parts[i])))
        others = [i for i in range(len(parts)) if i != best]
        if separator is PATH_SEPARATOR:
            cut = shared[best] >= 2 and all(
                parts[i].count(" ") < 4 and 2 * shared[i] < shared[best] for i in others
            )
        else:
            cut = len(parts) == 2 and shared[best] > 0 and shared[others[0]] == 0
        if cut:
            return parts[best].strip()
    return title


def core_start(kept: list[str], prose: list[int], run: int) -> int:
    """Where a page's body starts: its first ``run`` paragraphs of prose in a row (a caption
    or an author's blurb above it is shorter), else its first paragraph of prose."""
    at = set(prose)
    return next((j for j in prose if all(j + k in at for k in range(run))), prose[0])


def _own_title(kept: list[str], reg: Registry, repeated: list[bool], first: int) -> int | None:
    """The title of a page whose site's other pages are known: the first title-like line above
    its first paragraph that no other page has, where every line above it is the site's (a
    section name or menu its other pages have), a stamp or a byline; else None."""
    for j in range(first):
        p = kept[j]
        if repeated[j] or is_byline(p) or stamp_like(p, reg):
            continue
        return j if title_candidate(p, reg) else None
    return None


def titles_over_bylines(
    paras: list[str],
    chrome: list[bool],
    learned: list[bool],
    reg: Registry,
    prose: list[bool] | None = None,
) -> list[bool]:
    """``chrome`` less the headline-like lines learned as chrome that stand right above a
    byline, and the first that stands right above a date stamp above the middle of the body:
    the page's title, which other pages of the site link to (a list of links may date every
    story: only its first). ``prose``: which lines are prose, where a column pass found it."""
    if not any(learned):  # no learned line: no title to take back (the usual page)
        return chrome
    prose = [i for i in _prose_at(paras, prose) if not chrome[i]]
    body = prose[len(prose) // 2] if prose else len(paras)  # a footer's lists lie below
    headlines = [
        i
        for i in range(len(paras) - 1)
        if learned[i] and is_title(paras[i], reg) and headline_size(paras[i])
    ]
    titles = {i for i in headlines if any(is_byline(p) for p in paras[i + 1 : i + 3])}
    over_stamp = (i for i in headlines if i < body and stamp_like(paras[i + 1], reg))
    titles |= {i} if (i := next(over_stamp, None)) is not None else set()
    # Captions may stand between the title and its byline: the nearest learned headline above
    # the first byline that shares two words of the story.
    byline = next((i for i in range(body) if is_byline(paras[i])), None)
    if byline is not None and not titles & set(range(byline)):
        story = set().union(
            *(topic_keys(paras[i]) for i in [i for i in prose if i > byline][:_TOPIC_LINES])
        )
        near = [
            i
            for i in headlines
            if byline - _TOPIC_WINDOW <= i < byline and len(topic_keys(paras[i]) & story) >= 3
        ]
        titles |= set(near[-1:])
    return [c and i not in titles for i, c in enumerate(chrome)] if titles else chrome
