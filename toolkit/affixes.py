"""Chrome inside lines, learned across a site's documents: the site-name part of its titles
(" — RT World News", "| Reuters", "- Москва - ТАСС") and the segments that open or close many
of its texts ("Read Full Article at RT.com", a trailing "Credit Sergei Grits/AP").

Whole chrome lines are learned in :mod:`toolkit.clean`; this module learns the parts of lines a
site wraps around its own words. Learning follows the same rule: a part is learned for a group
(a site, else a folder) when at least ``min_docs`` distinct documents of the group, and
``min_share`` of them, have it. Copies of one story vote once, so a sentence of one story is
never learned, however many times the story was saved.

Example:
    >>> titles = pl.DataFrame({"group": ["x"] * 5, "key": range(5),
    ...     "title": [f"Story {i} | Reuters" for i in range(5)]})
    >>> learn_title_affixes(titles).select("kind", "line").row(0)
    ('title suffix', ' | Reuters')
"""

from __future__ import annotations

import re

import polars as pl

from toolkit.resources import UNSPACED

__all__ = [
    "EDGE_KINDS",
    "cut_edges",
    "edge_segments",
    "learn_edges",
    "learn_title_affixes",
    "strip_title_affixes",
    "text_edges",
]

# A site-name part is set off by a bar, a dash or a bullet with spaces around it. A colon is
# not a separator here: "Paris attacks: ..." opens many stories of one site and is their words.
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»]|::)\s+")
# The same for polars: Python's \s (what str.split() splits at) holds \x1c-\x1f, polars' not.
_SPACE = r"[\s\x1c-\x1f]"
_SEPARATOR_COLUMN = rf"{_SPACE}+(?:[|\-–—·•»]|::){_SPACE}+"
_WORDS = r"[^\s\x1c-\x1f]+"  # the words str.split() gives
# A bracketed tag opening a title, with no space to set it off ("[视频]", "【独家】"): a prefix
# candidate as a separated part is
_TAG = r"^([\[【〔][^\]】〕\n]{1,12}[\]】〕])"
_MARK = "\x00"  # set around each separator to split a title at them
_FIRST_WORD = r"^\W*(\w+)"  # the first word of a part, past its separator
_AFFIX_MAX_WORDS = 8  # a site name with its section, not a clause of the title
_TITLE_MIN_CHARS = 8  # what is left of a title once its affixes are cut

# The segments of a text's first and last paragraph: sentences, and parts set off by a bar.
# The first two branches open with a space: the lookahead first lets the search skip to spaces
# (a third faster on long paragraphs; the same matches). Chinese writes no space between
# sentences, nor after a credit's colon ("央视网消息（新闻联播）：国家主席..."): there a break
# follows the full-width mark itself.
_SEGMENT_BREAK = re.compile(
    r"(?=\s)(?:(?<=[.!?…])\s+(?=[\"“«(\[]?[A-ZА-ЯЁ0-9©])|\s+\|\s+)"
    r"|(?<=[。！？：])[^\S\n]*(?=[^\s。！？：”」』）])"
)
_SEGMENT_MAX_WORDS = 25  # boilerplate is short; a longer segment is the story's
# What a segment break follows (a sentence's end, a full-width mark) or holds (a bar)
_BREAK_CHARACTER = re.compile(r"[.!?…|。！？：]")
_TAIL_CHARS = 256  # a long paragraph's last segment is looked for in its end, this long first
# A site-name part is on most of a site's titles; one on fewer ("— Putin", "- Reports") says
# who is quoted. Parts that start with the same word count together (" — RT World News",
# " — RT Business News").
_AFFIX_SHARE = 0.5
# A closing segment that is not a sentence (no full stop, short) with the same first word in
# many texts ("Credit Sergei Grits/AP", "Credit Getty Images") is a credit line's template.
_TEMPLATE_MAX_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?…\"”»')\]。！？」』]$|\.\.\.$")
_TEMPLATE_WORD = re.compile(r"^[A-ZА-ЯЁ][\w'’]*:?$")
TEMPLATE_MARK = " …"  # how a template is listed: its first word, then this

EDGE_KINDS = ("opening", "closing", "closing template")


def _affix_candidates(titles: pl.DataFrame) -> pl.DataFrame:
    """``group, key, kind, line``: every head ("title prefix") and tail ("title suffix") of each
    title cut at a separator, where it has at most ``_AFFIX_MAX_WORDS`` words past it."""
    has = titles.filter(pl.col("title").str.contains(_SEPARATOR_COLUMN))
    marked = pl.col("title").str.contains(_MARK, literal=True)
    # the few titles that hold the mark itself are cut one by one
    rare = [
        (group, key, kind, part)
        for group, key, title in has.filter(marked).select("group", "key", "title").iter_rows()
        for kind, part in _title_cuts(title)
    ]
    has = has.filter(~marked)
    # Each title split into its parts, the separators at odd places: [text, sep, text, ...]
    parts = (
        has.with_row_index("_t")
        .with_columns(
            pl.col("title")
            .str.replace_all(_SEPARATOR_COLUMN, f"{_MARK}${{0}}{_MARK}")
            .str.split(_MARK)
            .alias("_part")
        )
        .explode("_part")
        .with_columns(
            pl.int_range(pl.len()).over("_t").alias("_i"),
            pl.col("_part").str.len_chars().cum_sum().over("_t").alias("_end"),
        )
        .filter(pl.col("_i") % 2 == 1)
        .with_columns((pl.col("_end") - pl.col("_part").str.len_chars()).alias("_start"))
    )
    head = pl.col("title").str.slice(0, pl.col("_end"))
    tail = pl.col("title").str.slice(pl.col("_start"))
    schema = {"group": pl.String, "key": titles.schema["key"], "kind": pl.String, "line": pl.String}
    tags = titles.select(
        "group", "key", pl.lit("title prefix").alias("kind"),
        pl.col("title").str.extract(_TAG, 1).alias("line"),
    ).drop_nulls("line")  # fmt: skip
    return pl.concat(
        [
            tags.cast(schema),
            *(
                parts.select("group", "key", pl.lit(kind).alias("kind"), part.alias("line"))
                .filter(pl.col("line").str.count_matches(_WORDS) <= _AFFIX_MAX_WORDS + 1)
                .cast(schema)
                for kind, part in (("title prefix", head), ("title suffix", tail))
            ),
            pl.DataFrame(rare, schema=schema, orient="row"),
        ]
    )


def _title_cuts(title: str) -> list[tuple[str, str]]:
    """(kind, part) for every head and tail of ``title`` cut at a separator, one title at a
    time (what :func:`_affix_candidates` gives for a column)."""
    out = []
    for m in _SEPARATOR.finditer(title):
        head, tail = title[: m.end()], title[m.start() :]
        if len(head.split()) <= _AFFIX_MAX_WORDS + 1:
            out.append(("title prefix", head))
        if len(tail.split()) <= _AFFIX_MAX_WORDS + 1:
            out.append(("title suffix", tail))
    return out


def _learned(found: pl.DataFrame, keys: pl.DataFrame, min_docs: int, min_share: float):
    """Rows of ``found`` (group, key, kind, line) kept where enough distinct documents of the
    group have them: ``group, kind, line, n_docs``, sorted."""
    schema = {"group": pl.String, "kind": pl.String, "line": pl.String, "n_docs": pl.Int64}
    if not found.height:
        return pl.DataFrame(schema=schema)
    sizes = keys.group_by("group").agg(pl.col("key").n_unique().alias("size"))
    return (
        found.unique(["group", "key", "kind", "line"])
        .group_by("group", "kind", "line")
        .agg(pl.len().cast(pl.Int64).alias("n_docs"))
        .join(sizes, on="group")
        .filter(pl.col("n_docs") >= pl.max_horizontal(pl.lit(min_docs), min_share * pl.col("size")))
        .select("group", "kind", "line", "n_docs")
        .sort("group", "kind", "line")
        .cast(schema)
    )


def learn_title_affixes(
    titles: pl.DataFrame, *, min_docs: int = 5, min_share: float = 0.05
) -> pl.DataFrame:
    """Site-name prefixes and suffixes of a group's titles.

    Args:
        titles: ``group, key, title``: each document's group (null: never learned from), a key
            that copies of one document share, and its title.
        min_docs: a part must end (or open) the titles of at least this many documents...
        min_share: ...and this share of the group's documents.

    Returns:
        ``group, kind ("title prefix" | "title suffix"), line (the part, separator
        included), n_docs``.
    """
    titles = titles.filter(pl.col("group").is_not_null() & pl.col("title").is_not_null())
    found = _affix_candidates(titles)
    learned = _learned(found, titles, min_docs, min_share)
    if not learned.height:
        return learned
    family = pl.concat_str("kind", pl.col("line").str.extract(_FIRST_WORD, 1))
    common = _learned(
        found.with_columns(family.alias("line"), pl.lit("family").alias("kind")),
        titles,
        min_docs,
        max(min_share, _AFFIX_SHARE),
    )
    return (
        learned.with_columns(family.alias("_family"))
        .join(
            common.select("group", pl.col("line").alias("_family")),
            on=["group", "_family"],
            how="semi",
        )
        .drop("_family")
        .sort("group", "kind", "line")
    )


def strip_title_affixes(titles: pl.Series, groups: pl.Series, learned: pl.DataFrame) -> pl.Series:
    """``titles`` less the prefixes and suffixes ``learned`` for each title's group (see
    :func:`learn_title_affixes`), longest first, while a title of its own is left."""
    affixes: dict[tuple[str, str], list[str]] = {}
    for group, kind, line in learned.select("group", "kind", "line").iter_rows():
        affixes.setdefault((group, kind), []).append(line)
    if not affixes:
        return titles
    for parts in affixes.values():
        parts.sort(key=len, reverse=True)
    out = []
    for title, group in zip(titles.to_list(), groups.to_list(), strict=True):
        if title is not None and group is not None:
            title = _strip(title, affixes.get((group, "title prefix"), []), prefix=True)
            title = _strip(title, affixes.get((group, "title suffix"), []), prefix=False)
        out.append(title)
    return pl.Series(titles.name, out, dtype=pl.String)


def _strip(title: str, parts: list[str], *, prefix: bool) -> str:
    cut = True
    while cut:
        cut = False
        for part in parts:
            hit = title.startswith(part) if prefix else title.endswith(part)
            rest = title[len(part) :] if prefix else title[: -len(part)]
            if hit and _long_enough(rest.strip()):
                title, cut = rest.strip(), True
                break
    return title


def _long_enough(title: str) -> bool:
    """Whether a title cut of its affixes is still one: ``_TITLE_MIN_CHARS`` characters, a
    Chinese or Japanese one counting as two (four of them make a headline: "习近平会见普京")."""
    return len(title) + len(re.findall(UNSPACED, title)) >= _TITLE_MIN_CHARS


def _spans(paragraph: str, limit: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each segment of a paragraph; the first ``limit`` only, if given (the
    paragraph is read no further)."""
    spans, start = [], 0
    for m in _SEGMENT_BREAK.finditer(paragraph):
        if m.start() > start:
            spans.append((start, m.start()))
            if len(spans) == limit:
                return spans
        start = m.end()
    if len(paragraph) > start:
        spans.append((start, len(paragraph)))
    return spans


def _segments(paragraph: str) -> list[str]:
    # the pieces between breaks, as _spans gives them (a split in C, not a loop over matches)
    return [s for s in _SEGMENT_BREAK.split(paragraph) if s]


def _last_segment(paragraph: str) -> tuple[bool, str]:
    """(whether ``paragraph`` has more than one segment, its last segment), as
    :func:`_segments` gives them, from its end (``_TAIL_CHARS`` characters, then four times as
    many...) where its last break there is surely the whole paragraph's (a scan that starts
    inside a break may find a part of it: the break must follow a character no break holds),
    else from all its segments."""
    size = _TAIL_CHARS
    while (start := len(paragraph) - size) > 0:
        breaks = list(_SEGMENT_BREAK.finditer(paragraph, start))
        last = breaks[-1] if breaks else None
        if last is not None and last.start() > start and last.end() < len(paragraph):
            before = paragraph[last.start() - 1]
            if not before.isspace() and before != "|":
                return True, paragraph[last.end() :]
        size *= 4  # no break sure to be the last there: a longer tail
    segments = _segments(paragraph)
    return len(segments) > 1, segments[-1] if segments else ""  # " | ": all break, no segment


def text_edges(text: str) -> list[tuple[str, str]]:
    """(kind, segment): the first segment of a text and its last, and the last's template."""
    paras = [p for p in text.split("\n") if p.strip()]
    if not paras:
        return []
    several = len(paras) > 1
    out = []
    if _may_open(paras[0]):
        # of the first paragraph: its first segment, and (for a text of one paragraph)
        # whether it has another
        first = [paras[0][a:b] for a, b in _spans(paras[0], 1 if several else 2)]
        if first and (several or len(first) > 1) and _boilerplate(start := first[0].strip()):
            out.append(("opening", start))
    # The last segment reaches the paragraph's end, or the break before it ends in a bar
    # (not a sentence's end): a paragraph that ends as a sentence closes with no boilerplate.
    closing = paras[-1].rstrip()
    if _SENTENCE_END.search(closing, max(len(closing) - 3, 0)):  # read at its end only
        return out
    more, last = _last_segment(paras[-1])  # a long last paragraph is read from its end
    if (several or more) and (end := last.strip()):
        if _boilerplate(end):
            out.append(("closing", end))
        if (template := _template(end)) is not None:
            out.append(("closing template", template))
    return out


def _may_open(paragraph: str) -> bool:
    """Whether a paragraph's first segment may be boilerplate (:func:`_boilerplate`): False
    where its first ``_SEGMENT_MAX_WORDS`` + 1 words hold no character a segment break follows
    or holds (that segment has more words), read without searching the whole paragraph for
    breaks (a long one's first segment is most of it)."""
    words = paragraph.split(None, _SEGMENT_MAX_WORDS + 1)
    if len(words) <= _SEGMENT_MAX_WORDS + 1:
        return True
    return _BREAK_CHARACTER.search(" ".join(words[: _SEGMENT_MAX_WORDS + 1])) is not None


def _boilerplate(segment: str) -> bool:
    """Whether a segment could be a site's boilerplate: short, and not a sentence. A sentence
    ("Glory to Ukraine!", "Ukrainians!") that opens or closes many texts is their authors'
    formula, and is kept."""
    return len(segment.split()) <= _SEGMENT_MAX_WORDS and not _SENTENCE_END.search(segment)


def _template(segment: str) -> str | None:
    """A closing segment's template: its first word, where it is a short line that is not a
    sentence ("Credit Sergei Grits/AP" -> "Credit …")."""
    words = segment.split()
    if not 2 <= len(words) <= _TEMPLATE_MAX_WORDS or _SENTENCE_END.search(segment):
        return None
    return words[0] + TEMPLATE_MARK if _TEMPLATE_WORD.match(words[0]) else None


def edge_segments(texts: pl.DataFrame) -> pl.DataFrame:
    """The segments :func:`learn_edges` counts: ``group, key, kind, line`` for each text's
    opening and closing segment and the closing's template (all a load in batches keeps of a
    text to learn from). ``texts``: ``group, key, text``, as :func:`learn_edges` takes them."""
    texts = texts.filter(pl.col("group").is_not_null() & pl.col("text").is_not_null())
    rows = [
        (group, key, kind, segment)
        for group, key, text in texts.select("group", "key", "text").iter_rows()
        for kind, segment in text_edges(text)
    ]
    return pl.DataFrame(
        rows,
        schema={
            "group": pl.String,
            "key": texts.schema["key"],
            "kind": pl.String,
            "line": pl.String,
        },
        orient="row",
    )


def learn_edges(
    texts: pl.DataFrame,
    *,
    min_docs: int = 5,
    min_share: float = 0.05,
    found: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Segments that open or close many of a group's texts.

    Args:
        texts: ``group, key, text`` (paragraphs separated by newlines); group null: never
            learned from; documents with the same key vote once. With ``found``: ``group,
            key`` of every text with a group.
        min_docs, min_share: as :func:`learn_title_affixes`.
        found: the texts' segments (:func:`edge_segments`), where they were taken a batch at a
            time; by default taken from ``texts``.

    Returns:
        ``group, kind ("opening" | "closing" | "closing template"), line, n_docs``: a
        template is listed as its first word and " …".

    Example:
        >>> texts = pl.DataFrame({"group": ["rt"] * 5, "key": range(5),
        ...     "text": [f"Story {i} told. Read Full Article at RT.com" for i in range(5)]})
        >>> learn_edges(texts)["line"].to_list()
        ['Read Full Article at RT.com']
    """
    if found is None:
        texts = texts.filter(pl.col("group").is_not_null() & pl.col("text").is_not_null())
        found = edge_segments(texts)
    exact = _learned(found.filter(pl.col("kind") != "closing template"), texts, min_docs, min_share)
    # A template is learned from the closings no exact segment explains ("Credit …" from
    # credits that name different photographers, not from "Read Full Article at RT.com").
    explained = found.filter(pl.col("kind") == "closing").join(
        exact.filter(pl.col("kind") == "closing"), on=["group", "kind", "line"], how="semi"
    )
    templates = found.filter(pl.col("kind") == "closing template").join(
        explained.select("group", "key"), on=["group", "key"], how="anti"
    )
    return pl.concat([exact, _learned(templates, texts, min_docs, min_share)]).sort(
        "group", "kind", "line"
    )


def cut_edges(text: str, learned: dict[str, set[str]]) -> str:
    """``text`` less the opening and closing segments learned for its group (``{kind:
    segments}``, see :func:`learn_edges`); a text that is nothing but them is left whole."""
    paras = text.split("\n")
    nonblank = [i for i, p in enumerate(paras) if p.strip()]
    if not nonblank:
        return text
    openings = learned.get("opening", set())
    closings = learned.get("closing", set())
    templates = {t.removesuffix(TEMPLATE_MARK) for t in learned.get("closing template", set())}
    first, last = nonblank[0], nonblank[-1]
    cut = list(paras)
    spans = _spans(cut[first])
    while len(spans) > 1 and cut[first][slice(*spans[0])].strip() in openings:
        spans = spans[1:]
    cut[first] = cut[first][spans[0][0] : spans[-1][1]] if spans else ""
    spans = _spans(cut[last])
    while len(spans) > 1 and _closing(cut[last][slice(*spans[-1])].strip(), closings, templates):
        spans = spans[:-1]
    cut[last] = cut[last][spans[0][0] : spans[-1][1]] if spans else ""
    # A whole first or last paragraph that is one learned segment goes too.
    if len(nonblank) > 1 and cut[first].strip() in openings:
        cut[first] = ""
    if len(nonblank) > 1 and _closing(cut[last].strip(), closings, templates):
        cut[last] = ""
    out = "\n".join(cut).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", out) if out.strip() else text


def _closing(segment: str, closings: set[str], templates: set[str]) -> bool:
    return segment in closings or (
        (template := _template(segment)) is not None
        and template.removesuffix(TEMPLATE_MARK) in templates
    )
