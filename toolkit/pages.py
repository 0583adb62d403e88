"""Page structure over a corpus, a batch at a time: bodies split into paragraphs, each page's
site found, chrome learned and marked, and every page read (title, dateline, date, outlet cue,
body).

The per-page reading itself is :func:`toolkit.extract.assemble_page`; this module runs it over
frames, in three steps a load in batches runs per batch: :func:`page_lines` (each batch's
lines, counted by :class:`toolkit.chrome_counts.GroupCounts`), :func:`read_marked` (pages read
knowing what the counts of every batch learned), :func:`with_text` (titles and bodies less the
affixes and edges learned from every batch's pages); :func:`toolkit.load.finish` runs them on one
frame. Columns are dropped once used: a corpus's text is held as few times as it can be.
"""

from __future__ import annotations

import ctypes
from itertools import repeat

import polars as pl

from toolkit.affixes import cut_edges, strip_title_affixes, text_edges
from toolkit.chrome_counts import LEARNED_SCHEMA, Learned
from toolkit.clean import chrome_expr, cut_chrome_sentences
from toolkit.dates import weekday_mentioned
from toolkit.extract import Page, assemble_page, cue_lines, detect_sites, header_candidates
from toolkit.glue import paragraph_lines
from toolkit.normalize import normalize_texts, over_column
from toolkit.outlets import Registry

__all__ = [
    "LEARNED_SCHEMA",
    "LINES_SCHEMA",
    "PAGE_SCHEMA",
    "normalize_fields",
    "page_lines",
    "page_parts",
    "read_marked",
    "with_text",
]

# What reading a page gives, one row per document with text.
PAGE_SCHEMA: dict[str, pl.DataType] = {
    "doc": pl.UInt32,
    "body": pl.String,
    "page_title": pl.String,
    "dateline": pl.String,
    "page_outlet": pl.String,
    "text_date": pl.Date,
    "text_date_text": pl.String,
    "partial_year": pl.Int64,
    "partial_month": pl.Int64,
    "partial_day": pl.Int64,
    "partial_text": pl.String,
    "weekday": pl.String,
    "page_note": pl.String,
    # the body's first and last non-blank lines where they may be learned as edges, else ""
    "edges": pl.String,
}

# A body of more lines is joined a part of this many lines at a time (see _joined).
JOIN_LINES = 4096
# Lines of a batch past this many bytes: once read, the C heap's freed memory is handed back.
TRIM_BYTES = 1 << 20


def normalize_fields(docs: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """Texts and titles normalised, the site from the URL, the folder from the path.

    Args:
        docs: the documents (see :data:`toolkit.records.DOCS_SCHEMA`) with what the manifest
            and file names say (``m_title``, ``file_title``).
        reg: the outlet registry (its sites).

    Returns:
        ``docs`` with ``site``, ``title_n``, ``text_n``, ``title_known`` (the title the page
        may open with) and ``folder``.
    """
    folder = pl.col("path").str.replace(r"/[^/]*$", "")
    known_title = pl.when(pl.col("raw").is_not_null()).then(
        pl.coalesce("m_title", "title_raw", "file_title")
    )
    return docs.with_columns(
        reg.sites_of_urls(docs["url"]).alias("site"),
        _blank_to_null(normalize_texts(docs["title_raw"])).alias("title_n"),
        normalize_texts(docs["raw"]).alias("text_n"),
        _blank_to_null(normalize_texts(docs.select(known_title).to_series())).alias("title_known"),
        pl.when(pl.col("path").str.contains("/", literal=True))
        .then(folder)
        .otherwise(pl.lit(""))
        .alias("folder"),
    )


def _blank_to_null(texts: pl.Series) -> pl.Series:
    return pl.select(pl.when(pl.lit(texts) != "").then(pl.lit(texts))).to_series().alias(texts.name)


LINES_SCHEMA: dict[str, pl.DataType] = {
    "doc": pl.UInt32,
    "pos": pl.Int64,
    "line": pl.String,
    "site": pl.String,
    "group": pl.String,
    "chrome": pl.Boolean,
    "found": pl.String,
}


def page_lines(docs: pl.DataFrame, reg: Registry) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Bodies split into paragraphs, each page's site found, the site's chrome marked.

    Returns:
        ``docs`` with ``_key`` (a hash copies of one document share: its text, else its title),
        ``site`` and ``group`` (the site, else ``folder:`` and the folder), ``text_n`` dropped
        once split; and the lines
        (``LINES_SCHEMA``): ``chrome`` by the site's patterns, ``line`` less the chrome
        sentences of a line that has others (``found``: the line as found, where that cut it),
        none for headline tables (no bodies).
    """
    text = pl.col("text_n")
    key = pl.when(text.is_not_null()).then(text.hash()).otherwise(pl.col("title_raw").hash())
    docs = docs.with_columns(key.alias("_key"))
    if docs["raw"].is_null().all():  # headline tables: no bodies, no pages to read
        docs = docs.drop("text_n").with_columns(pl.lit(None, pl.String).alias("group"))
        return docs, pl.DataFrame(schema=LINES_SCHEMA)
    lines = paragraph_lines(docs["text_n"]).with_columns(pl.col("doc").cast(pl.UInt32))
    # Pages without a site from their URL get one from their own cues.
    undetected = (docs["page"] & docs["site"].is_null()).gather(lines["doc"])
    found = detect_sites(lines.filter(undetected) if not undetected.all() else lines, reg=reg)
    # put beside the documents, not joined to them (a join copies their texts)
    found = docs.select("doc").join(found, on="doc", how="left", maintain_order="left")
    docs = docs.drop("text_n").with_columns(
        pl.coalesce(pl.col("site"), found["site"]).alias("site")
    )
    docs = docs.with_columns(
        pl.when(pl.col("raw").is_not_null())
        .then(pl.coalesce("site", pl.concat_str(pl.lit("folder:"), "folder")))
        .alias("group")
    )
    # docs' row i is document i: each line's site and group by position, no join.
    lines = lines.with_columns(
        docs["site"].gather(lines["doc"]).alias("site"),
        docs["group"].gather(lines["doc"]).alias("group"),
    )
    return docs, _site_chrome(lines, reg)


def _site_chrome(lines: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """``lines`` (doc, pos, line, site, group) with ``chrome`` and ``found``: the site's
    patterns, each site's lines matched with that site's patterns (see :func:`page_lines`)."""
    line = pl.col("line")
    sites = lines["site"].unique(maintain_order=True).to_list()
    if len(sites) == 1:
        chrome = over_column(lines["line"], chrome_expr(line, sites[0], reg=reg))
    else:
        chrome = pl.repeat(False, lines.height, eager=True)
        for site in sites:
            where = (lines["site"].is_null() if site is None else lines["site"] == site).arg_true()
            flags = over_column(lines["line"].gather(where), chrome_expr(line, site, reg=reg))
            chrome = chrome.scatter(where, flags)
    return _cut_sentences(lines, chrome, reg)


def read_marked(
    docs: pl.DataFrame, lines: list[pl.DataFrame], learned: Learned, reg: Registry
) -> pl.DataFrame:
    """Every page read, its lines marked chrome by the site's patterns and the lines
    ``learned`` from every batch: ``docs`` and ``lines`` as :func:`page_lines` gives them
    (``text_n`` dropped), ``docs`` with the columns of ``PAGE_SCHEMA``.

    ``lines`` is handed over in a list, emptied: the lines go once read as Python strings
    (a caller's reference would hold them, a giant page's as big as it, while its body is
    put together)."""
    marked = lines.pop()
    if docs["raw"].is_null().all():
        pages = pl.DataFrame(schema=PAGE_SCHEMA).clear(docs.height)
    else:
        hit = learned.hit(marked)
        marked = marked.with_columns(
            (pl.col("chrome") | hit).alias("chrome"),
            # chrome only because the group's other pages have the line (a page's title its
            # sister pages link to may be one)
            (~pl.col("chrome") & hit).alias("learned"),
            learned.repeated(marked).alias("repeated"),
        )
        del hit
        held = [marked]
        del marked
        pages = _pages(docs, held, reg, learned)
    # pages are in the documents' order: put beside them, not joined (a join copies the texts)
    return docs.hstack(pages.drop("doc"))


def _title_group() -> pl.Expr:
    """The group a document's title is learned with: its page group, else its site, else its
    file's folder (a table of headlines)."""
    return pl.coalesce("group", "site", pl.concat_str(pl.lit("folder:"), "folder"))


def _title_columns(docs: pl.DataFrame) -> list[str]:
    """The titles a table, a file name or a page gives (not a manifest's: the user's own)."""
    return [c for c in ("title_n", "file_title", "page_title") if c in docs.columns]


def page_parts(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """What the learning of title affixes and text edges needs of pages :func:`read_marked`
    read: ``group, key, title`` and ``group, key, text`` (the bodies), for
    :meth:`toolkit.chrome_counts.GroupCounts.add_pages`."""
    titles = docs.select(
        _title_group().alias("group"),
        pl.col("_key").alias("key"),
        pl.coalesce(_title_columns(docs)).alias("title"),
    )
    return titles, docs.select("group", pl.col("_key").alias("key"), pl.col("edges").alias("text"))


def with_text(docs: pl.DataFrame, learned: pl.DataFrame) -> pl.DataFrame:
    """Pages :func:`read_marked` read, less the title affixes and text edges ``learned``
    (``LEARNED_SCHEMA``) from every batch, with ``text`` and ``_page_note``."""
    affixes = learned.filter(pl.col("kind").str.starts_with("title "))
    if affixes.height:
        groups = docs.select(_title_group()).to_series()
        docs = docs.with_columns(
            strip_title_affixes(docs[c], groups, affixes).alias(c) for c in _title_columns(docs)
        )
    docs = _without_edges(docs, learned.filter(~pl.col("kind").str.starts_with("title ")))
    # A page left without text once its chrome is cut keeps its title as its text, with a note.
    title = pl.coalesce("title_n", "page_title", "title_known")
    body = pl.col("body")
    emptied = pl.col("has_body") & (body.is_null() | (body == "")) & title.is_not_null()
    note = pl.concat_str(
        pl.when(emptied & pl.col("raw").str.contains(r"\S")).then(
            pl.lit("no text left after cleaning: title used as text")
        ),
        "page_note",
        separator="; ",
        ignore_nulls=True,
    )
    note = pl.when(note != "").then(note)
    # ``text`` is the body but where a row has none to keep: those rows are put into the body
    # column (an expression over the whole column would copy every body, a giant page's too).
    other = ~pl.col("has_body") | emptied | body.is_null()
    text = pl.when(~pl.col("has_body")).then(pl.col("title_n").fill_null("")).when(emptied)
    text = text.then(title).otherwise(pl.lit(""))
    where = docs.select(other).to_series().arg_true()
    columns = ["title_n", "page_title", "title_known", "has_body", "body"]
    values = docs.select(columns)[where].select(text).to_series()
    notes = docs.select(note).to_series()
    bodies = docs["body"]
    docs = docs.drop("body", "_key", "page_note", "edges")
    if where.len():
        bodies = bodies.scatter(where, values)
    return docs.with_columns(bodies.alias("text"), notes.alias("_page_note"))


def _without_edges(docs: pl.DataFrame, learned: pl.DataFrame) -> pl.DataFrame:
    """``docs`` with the segments ``learned`` to open or close the bodies of their group cut."""
    if not learned.height:
        return docs
    by_group: dict[str, dict[str, set[str]]] = {}
    for group, kind, line in learned.select("group", "kind", "line").iter_rows():
        by_group.setdefault(group, {}).setdefault(kind, set()).add(line)
    where = (docs["group"].is_in(list(by_group)) & docs["body"].is_not_null()).fill_null(False)
    at = where.arg_true()
    cut = [
        cut_edges(body, by_group[group])
        for group, body in docs.select("group", "body")[at].iter_rows()
    ]
    return docs.with_columns(docs["body"].scatter(at, cut).alias("body"))


def _cut_sentences(lines: pl.DataFrame, chrome: pl.Series, reg: Registry) -> pl.DataFrame:
    """``lines`` with ``chrome`` and ``found``: a chrome line of several sentences keeps those
    that are not chrome (a summary that ends with a copyright notice, see
    :func:`toolkit.clean.cut_chrome_sentences`), and ``found`` keeps the line as found."""
    several = chrome & lines["line"].str.contains(r"[.!?…]\s+\S")
    if not several.any():
        return lines.with_columns(chrome.alias("chrome"), pl.lit(None, pl.String).alias("found"))
    where = several.arg_true()
    cut = [
        cut_chrome_sentences(line, site, reg=reg)
        for line, site in lines.select("line", "site")[where].iter_rows()
    ]
    at = where.filter(pl.Series([c is not None for c in cut]))
    found = pl.repeat(None, lines.height, dtype=pl.String, eager=True)
    return lines.with_columns(
        lines["line"].scatter(at, [c for c in cut if c is not None]).alias("line"),
        chrome.scatter(at, False).alias("chrome"),
        found.scatter(at, lines["line"].gather(at)).alias("found"),
    )


def _pages(
    docs: pl.DataFrame, held: list[pl.DataFrame], reg: Registry, learned: Learned
) -> pl.DataFrame:
    """Each document with text read as a page (see :func:`toolkit.extract.assemble_page`), a
    row for each of ``docs`` (nulls where it has no text), in their order; the lines handed
    over in ``held`` (emptied).
    Pages of a group ``learned`` from are read knowing which of their lines the group's other
    pages have, and numeric stamps in the day/month order the group's pages settle."""
    orders, learned_from = learned.orders, learned.groups
    lines = held.pop()
    cues = cue_lines(lines, reg=reg)
    lines = header_candidates(lines, reg=reg)
    # Flat columns to Python once, then each page's slice of them (lines are in doc order).
    para_text, chrome, learned, maybe_dateline, maybe_date, repeated = (
        lines[c].to_list()
        for c in ("line", "chrome", "learned", "maybe_dateline", "maybe_date", "repeated")
    )
    counts = lines.group_by("doc", maintain_order=True).len()
    size = lines["line"].str.len_bytes().sum()
    del lines  # read: the Python lists hold the lines now
    paras, end = {}, 0
    for doc, n in counts.iter_rows():
        paras[doc] = slice(end, end + n)
        end += n
    rows = []
    # A title the file or manifest gives (not one a file name suggests) settles the page's.
    given = pl.coalesce("m_title", "title_raw").is_not_null()
    for doc, site, group, title_known, title_given, page_file, has_text in docs.select(
        "doc", "site", "group", "title_known", given, "page", pl.col("raw").is_not_null()
    ).iter_rows():
        if not has_text:
            rows.append((doc, *(None for _ in range(len(PAGE_SCHEMA) - 1))))
            continue
        at = paras.get(doc, slice(0, 0))
        page = assemble_page(
            para_text[at],
            chrome[at],
            cues.get(doc, []),
            site=site,
            reg=reg,
            maybe_dateline=maybe_dateline[at],
            maybe_date=maybe_date[at],
            known_title=title_known if title_given else None,
            scraped=page_file and not title_given,
            # A page with a title of its own elsewhere (a file name) keeps the lines above its
            # first paragraph as the lone-page rule keeps them.
            repeated=repeated[at] if group in learned_from and title_known is None else None,
            learned=learned[at],
            titled=title_known is not None,
            order=orders.get(group),
        )
        row = _page_row(doc, page, title_known)
        del page  # its paragraphs: a giant page's are as big as it
        para_text[at] = repeat(None, at.stop - at.start)  # read: its lines go as its body grows
        rows.append((doc, _joined(row[1]), *row[2:]))
        del row
    # the lines as Python strings go before the bodies are copied into the frame
    del para_text, chrome, learned, maybe_dateline, maybe_date, repeated, cues
    if size > TRIM_BYTES:
        trim_heap()
    columns = zip(*rows, strict=True) if rows else ([] for _ in PAGE_SCHEMA)
    return pl.DataFrame(
        [
            pl.Series(name, values, dtype=t)
            for (name, t), values in zip(PAGE_SCHEMA.items(), columns, strict=True)
        ]
    )


def _page_row(doc: int, page: Page, title_known: str | None) -> tuple:
    """A page as a row of ``PAGE_SCHEMA`` but for its body's lines, not joined (see
    :func:`_joined`): the body without a title it repeats, the page's date (else a dateline's
    full date), and for a yearless dateline the weekday the story names."""
    body = page.body
    if title_known and body and title_known == body[0]:
        body = body[1:]
    text_date, text_date_text = page.page_date, page.page_date_text
    partial = page.dateline_date
    if text_date is None and partial is not None and partial.complete():
        text_date, text_date_text = partial.complete(), partial.text
    weekday = None
    if partial is not None and partial.year is None:
        weekday = weekday_mentioned(" ".join(page.body[:2]))
    return (
        doc,
        body,
        page.title,
        page.dateline,
        page.outlet,
        text_date,
        text_date_text if text_date else None,
        *((partial.year, partial.month, partial.day, partial.text) if partial else (None,) * 4),
        weekday,
        "; ".join(
            n
            for n in (
                f"page date {page.unsettled_date!r} not read: day/month order not settled for"
                " this site"
                if page.unsettled_date and text_date is None
                else None,
                page.outlet_note,
            )
            if n
        )
        or None,
        _edges_kept(body),
    )


def _joined(body: list[str]) -> str:
    """The lines of ``body`` joined by blank lines, ``body`` emptied as they are: a big body's
    lines go a part at a time as its text grows in place (joined at once, all of them are held
    beside the whole text)."""
    if len(body) <= JOIN_LINES:
        return "\n\n".join(body)
    text = ""
    for start in range(0, len(body), JOIN_LINES):
        part = "\n\n".join(body[start : start + JOIN_LINES])
        body[start : start + JOIN_LINES] = repeat(None, len(body[start : start + JOIN_LINES]))
        if start:
            text += "\n\n"
        text += part  # in place: CPython grows a string only this name holds
        del part
    return text


def _edges_kept(body: list[str]) -> str:
    """What edge learning needs of a body (see :func:`_edge_text`): "" where its first and last
    lines hold no segment that could be learned (most texts: held for every page, it is kept
    small)."""
    text = _edge_text(body)
    return text if text_edges(text) else ""


def _edge_text(paras: list[str]) -> str:
    """The first and last non-blank lines of ``paras`` joined as a body: all that
    :func:`toolkit.affixes.edge_segments` reads of a body (a big page is not copied for it)."""
    at_first, first = _nonblank(paras, reverse=False)
    if first is None:
        return ""
    at_last, last = _nonblank(paras, reverse=True)
    return first if at_first == at_last else f"{first}\n{last}"


def _nonblank(paras: list[str], *, reverse: bool) -> tuple[tuple[int, int] | None, str | None]:
    """Where the first (or last) non-blank line of ``paras`` is, and the line."""
    order = range(len(paras) - 1, -1, -1) if reverse else range(len(paras))
    for i in order:
        lines = paras[i].split("\n")
        for j in reversed(range(len(lines))) if reverse else range(len(lines)):
            if lines[j].strip():
                return (i, j), lines[j]
    return None, None


def trim_heap() -> None:
    """Hand the memory the C heap holds freed back to the system, where the C library can
    (glibc's ``malloc_trim``; elsewhere nothing is done).

    Python strings over 512 bytes live on glibc's heap, which keeps what they freed wherever
    a block still in use lies above it: once a giant page's lines were read as Python strings,
    about 0.8 of the page stayed held while its body was copied into polars. Dask's
    documentation gives the same remedy for memory "not released back to the OS"."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc, or no C library to open so
        return
    trim(0)
