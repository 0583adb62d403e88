"""Page structure over a corpus, a batch at a time: bodies split into paragraphs, each page's
site found, chrome learned and marked, and every page read (title, dateline, date, outlet cue,
body).

The per-page reading itself is :func:`toolkit.extract.assemble_page`, run over a batch's pages
by :mod:`toolkit.page_read`; this module works on frames, in three steps a load in batches runs
per batch: :func:`page_lines` (each batch's lines, counted by
:class:`toolkit.chrome_counts.GroupCounts`), :func:`read_marked` (pages read
knowing what the counts of every batch learned), :func:`with_text` (titles and bodies less the
affixes and edges learned from every batch's pages); :func:`toolkit.load.finish` runs them on one
frame. Columns are dropped once used: a corpus's text is held as few times as it can be.
"""

from __future__ import annotations

import polars as pl

from toolkit.affixes import cut_edges, strip_title_affixes
from toolkit.chrome_counts import LEARNED_SCHEMA, Learned
from toolkit.clean import CHROME_MAX_CHARS, chrome_flags, cut_chrome_lines
from toolkit.extract import detect_sites
from toolkit.glue import paragraph_lines
from toolkit.normalize import normalize_texts
from toolkit.outlets import Registry
from toolkit.page_read import PAGE_SCHEMA, read_pages

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
    # A site column written as a domain ("aljazeera.com") gives the site where no URL does.
    domain = pl.col("site_raw").str.strip_chars()
    domain = pl.when(domain.str.contains(_DOMAIN)).then(domain)
    site_column = docs.select(domain.alias("url")).to_series()
    return docs.with_columns(
        pl.coalesce(reg.sites_of_urls(docs["url"]), reg.sites_of_urls(site_column)).alias("site"),
        _blank_to_null(normalize_texts(docs["title_raw"])).alias("title_n"),
        normalize_texts(docs["raw"]).alias("text_n"),
        _blank_to_null(normalize_texts(docs.select(known_title).to_series())).alias("title_known"),
        pl.when(pl.col("path").str.contains("/", literal=True))
        .then(folder)
        .otherwise(pl.lit(""))
        .alias("folder"),
    )


# A host name, with a scheme and a final slash or not: "aljazeera.com", "https://www.rt.com/"
_DOMAIN = r"(?i)^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}/?$"


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
    docs = docs.with_columns(pl.when(pl.col("raw").is_not_null()).then(_group()).alias("group"))
    # docs' row i is document i: each line's site and group by position, no join.
    lines = lines.with_columns(
        docs["site"].gather(lines["doc"]).alias("site"),
        docs["group"].gather(lines["doc"]).alias("group"),
    )
    return docs, _site_chrome(lines, reg)


def _group() -> pl.Expr:
    """The documents whose lines are counted together for chrome: a site's; else, where a
    manifest, an outlet column or a site or channel column names the source, that source's in
    its folder (a Telegram export of eight channels learns each channel's sign-off, not the
    folder's, in which one channel's footer is under the share); else the folder's."""
    outlet = pl.coalesce(
        *(pl.col(c).str.strip_chars() for c in ("m_outlet", "outlet_raw", "site_raw")),
        pl.lit(None, pl.String),
    )
    by_outlet = pl.concat_str(pl.lit("folder:"), "folder", pl.lit(" outlet:"), outlet)
    return pl.coalesce("site", by_outlet, pl.concat_str(pl.lit("folder:"), "folder"))


def _site_chrome(lines: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """``lines`` (doc, pos, line, site, group) with ``chrome`` and ``found``: the site's
    patterns, each site's lines matched with that site's patterns (see :func:`page_lines`)."""
    # Chrome is short: the patterns are tried on the short lines only (most of a page's text
    # is in its long ones), each site's lines with that site's patterns.
    short = lines["line"].str.len_chars() <= CHROME_MAX_CHARS
    chrome = pl.repeat(False, lines.height, eager=True)
    for site in lines["site"].filter(short).unique(maintain_order=True).to_list():
        where = short & (lines["site"].is_null() if site is None else lines["site"] == site)
        where = where.arg_true()
        flags = chrome_flags(lines["line"].gather(where), site, reg=reg)
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
        pages = read_pages(docs, held, reg, learned)
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
    :func:`toolkit.clean.cut_chrome_lines`), and ``found`` keeps the line as found."""
    hits = chrome.arg_true()  # the few chrome lines: the others are not searched
    where = hits.filter(lines["line"].gather(hits).str.contains(r"[.!?…]\s+\S"))
    if not where.len():
        return lines.with_columns(chrome.alias("chrome"), pl.lit(None, pl.String).alias("found"))
    rows = lines.select("line", "site")[where]
    cut = cut_chrome_lines(rows["line"].to_list(), rows["site"].to_list(), reg=reg)
    at = where.filter(pl.Series([c is not None for c in cut]))
    found = pl.repeat(None, lines.height, dtype=pl.String, eager=True)
    return lines.with_columns(
        lines["line"].scatter(at, [c for c in cut if c is not None]).alias("line"),
        chrome.scatter(at, False).alias("chrome"),
        found.scatter(at, lines["line"].gather(at)).alias("found"),
    )
