"""Page structure over a whole corpus: bodies split into paragraphs, each page's site found,
chrome learned and marked, and every page read (title, dateline, date, outlet cue, body).

The per-page reading itself is :func:`toolkit.extract.assemble_page`; this module runs it over
frames. Columns are dropped once used: a corpus's text is held as few times as it can be.
"""

from __future__ import annotations

import polars as pl

from toolkit.clean import chrome_expr, cut_chrome_sentences, learned_lines
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
    "read_marked",
    "read_pages",
]

LEARNED_SCHEMA: dict[str, pl.DataType] = {"group": pl.String, "line": pl.String, "n_docs": pl.Int64}

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
}


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


def read_pages(
    docs: pl.DataFrame,
    reg: Registry,
    *,
    learn: bool = True,
    min_chrome_docs: int = 5,
    chrome_share: float = 0.05,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read every document with text as a page.

    :func:`page_lines`, chrome learned from the lines (:func:`toolkit.clean.learned_lines`),
    then :func:`read_marked`; a load in batches runs the two per batch and learns from counts.

    Args:
        docs: documents numbered ``doc`` 0, 1, ... in row order, as :func:`normalize_fields`
            leaves them.
        reg: the outlet registry (sites, chrome, cues, datelines).
        learn: learn lines repeated across a site's (or folder's) documents as chrome...
        min_chrome_docs: ...found in at least this many documents...
        chrome_share: ...and this share of them.

    Returns:
        ``docs`` with ``group`` (the site, else ``folder:`` and the folder, for learning),
        ``text`` (the body, or the title where a table has no body column) and the columns of
        ``PAGE_SCHEMA``, ``text_n`` dropped; and the learned lines (``LEARNED_SCHEMA``).
    """
    docs, lines = page_lines(docs, reg)
    learned = (
        learned_lines(
            lines.select("doc", "line"),
            docs.select("doc", "group", pl.col("text_n").hash().alias("key")),
            min_docs=min_chrome_docs,
            min_share=chrome_share,
        )
        if learn and lines.height
        else pl.DataFrame(schema=LEARNED_SCHEMA)
    )
    return read_marked(docs.drop("text_n"), lines, learned, reg), learned


LINES_SCHEMA: dict[str, pl.DataType] = {
    "doc": pl.UInt32,
    "pos": pl.Int64,
    "line": pl.String,
    "site": pl.String,
    "group": pl.String,
}


def page_lines(docs: pl.DataFrame, reg: Registry) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Bodies split into paragraphs, each page's site found: ``docs`` with ``site`` and
    ``group`` (the site, else ``folder:`` and the folder), and the lines (``LINES_SCHEMA``),
    none for headline tables (no bodies)."""
    if docs["raw"].is_null().all():  # headline tables: no bodies, no pages to read
        return docs.with_columns(pl.lit(None, pl.String).alias("group")), pl.DataFrame(
            schema=LINES_SCHEMA
        )
    lines = paragraph_lines(docs["text_n"]).with_columns(pl.col("doc").cast(pl.UInt32))
    # Pages without a site from their URL get one from their own cues.
    undetected = (docs["page"] & docs["site"].is_null()).gather(lines["doc"])
    found = detect_sites(lines.filter(undetected) if not undetected.all() else lines, reg=reg)
    docs = (
        docs.join(found.rename({"site": "_found"}), on="doc", how="left", maintain_order="left")
        .with_columns(pl.coalesce("site", "_found").alias("site"))
        .drop("_found")
        .with_columns(
            pl.when(pl.col("raw").is_not_null())
            .then(pl.coalesce("site", pl.concat_str(pl.lit("folder:"), "folder")))
            .alias("group")
        )
    )
    # docs' row i is document i: each line's site and group by position, no join.
    lines = lines.with_columns(
        docs["site"].gather(lines["doc"]).alias("site"),
        docs["group"].gather(lines["doc"]).alias("group"),
    )
    return docs, lines


def read_marked(
    docs: pl.DataFrame, lines: pl.DataFrame, learned: pl.DataFrame, reg: Registry
) -> pl.DataFrame:
    """Chrome marked (the site's patterns and the ``learned`` lines, ``LEARNED_SCHEMA``) and
    every page read: ``docs`` and ``lines`` as :func:`page_lines` gives them, ``text_n``
    dropped; ``docs`` with ``text`` and the columns of ``PAGE_SCHEMA`` (see
    :func:`read_pages`)."""
    if docs["raw"].is_null().all():
        pages = pl.DataFrame(schema=PAGE_SCHEMA)
    else:
        pages = _pages(docs, _chrome(lines, learned, reg), reg)
    del lines
    docs = docs.join(pages, on="doc", how="left", maintain_order="left")
    del pages
    # A page left without text once its chrome is cut keeps its title as its text, with a note.
    title = pl.coalesce("title_n", "page_title", "title_known")
    emptied = pl.col("has_body") & (pl.col("body").fill_null("") == "") & title.is_not_null()
    text = (
        pl.when(~pl.col("has_body"))
        .then(pl.col("title_n").fill_null(""))
        .when(emptied)
        .then(title)
        .otherwise(pl.col("body").fill_null(""))
    )
    note = pl.when(emptied & (pl.col("raw").str.strip_chars() != "")).then(
        pl.lit("no text left after cleaning: title used as text")
    )
    return docs.with_columns(text.alias("text"), note.alias("_page_note")).drop("body")


def _chrome(lines: pl.DataFrame, learned: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """``lines`` (doc, pos, line, site, group) with ``chrome``: the site's patterns or the
    lines learned for the group. Each site's lines are matched with that site's patterns."""
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
    lines = _cut_sentences(lines, chrome, reg)
    chrome = lines["_chrome"]
    lines = lines.drop("_chrome")
    learned_hit = pl.lit(False)
    for (group,), found in learned.partition_by("group", as_dict=True).items():
        in_group = pl.col("group") == group
        learned_hit = learned_hit | (in_group & line.is_in(found["line"].implode()))
    return lines.with_columns(chrome.alias("chrome")).with_columns(
        (pl.col("chrome") | learned_hit).alias("chrome")
    )


def _cut_sentences(lines: pl.DataFrame, chrome: pl.Series, reg: Registry) -> pl.DataFrame:
    """``lines`` with ``_chrome``: a chrome line of several sentences keeps those that are not
    chrome (a summary that ends with a copyright notice), see
    :func:`toolkit.clean.cut_chrome_sentences`."""
    several = chrome & lines["line"].str.contains(r"[.!?…]\s+\S")
    if not several.any():
        return lines.with_columns(chrome.alias("_chrome"))
    where = several.arg_true()
    cut = [
        cut_chrome_sentences(line, site, reg=reg)
        for line, site in lines.select("line", "site")[where].iter_rows()
    ]
    kept = pl.Series([c is not None for c in cut])
    text = lines["line"].scatter(where.filter(kept), [c for c in cut if c is not None])
    return lines.with_columns(
        text.alias("line"), chrome.scatter(where.filter(kept), False).alias("_chrome")
    )


def _pages(docs: pl.DataFrame, lines: pl.DataFrame, reg: Registry) -> pl.DataFrame:
    """Each document with text read as a page (see :func:`toolkit.extract.assemble_page`)."""
    cues = cue_lines(lines, reg=reg)
    lines = header_candidates(lines, reg=reg)
    # Flat columns to Python once, then each page's slice of them (lines are in doc order).
    para_text, chrome, maybe_dateline, maybe_date = (
        lines[c].to_list() for c in ("line", "chrome", "maybe_dateline", "maybe_date")
    )
    counts = lines.group_by("doc", maintain_order=True).len()
    paras, end = {}, 0
    for doc, n in counts.iter_rows():
        paras[doc] = slice(end, end + n)
        end += n
    rows = []
    # A title the file or manifest gives (not one a file name suggests) settles the page's.
    given = pl.coalesce("m_title", "title_raw").is_not_null()
    for doc, site, title_known, title_given, page_file in (
        docs.filter(pl.col("raw").is_not_null())
        .select("doc", "site", "title_known", given, "page")
        .iter_rows()
    ):
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
        )
        rows.append(_page_row(doc, page, title_known))
    columns = zip(*rows, strict=True) if rows else ([] for _ in PAGE_SCHEMA)
    return pl.DataFrame(
        [
            pl.Series(name, values, dtype=t)
            for (name, t), values in zip(PAGE_SCHEMA.items(), columns, strict=True)
        ]
    )


def _page_row(doc: int, page: Page, title_known: str | None) -> tuple:
    """A page as a row of ``PAGE_SCHEMA``: the body without a title it repeats, the page's date
    (else a dateline's full date), and for a yearless dateline the weekday the story names."""
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
        "\n\n".join(body),
        page.title,
        page.dateline,
        page.outlet,
        text_date,
        text_date_text if text_date else None,
        *((partial.year, partial.month, partial.day, partial.text) if partial else (None,) * 4),
        weekday,
    )
