"""Where each article comes from: its outlet, date and title with the source of each, its id.

Every field is taken from the first evidence that has it, and the evidence is named in a
``*_source`` column: the manifest, a table column, the page's text, the URL, the file name, or
(for a date) a weekday that fixes the year of a dateline. Ids are stable hashes of the URL, else
of the path and record (:mod:`toolkit.duplicate_ids` settles repeated ones).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import polars as pl

from toolkit.date_order import DateReading, refuse_out_of_range
from toolkit.dates import column_dates, infer_yearless, parse_filename, url_date
from toolkit.lang import UNCOUNTED_NOTE, languages, word_count, word_counts
from toolkit.outlets import Registry
from toolkit.provenance_notes import excerpt_note, field_notes, undecoded_note
from toolkit.site_names import name_part, names_site
from toolkit.sources import Manifest

__all__ = [
    "DATE_EVIDENCE",
    "column_dates_of",
    "doc_id",
    "file_evidence",
    "resolve_fields",
    "resolved",
    "with_dates",
    "years_seen",
]

col = pl.col

# Where ``published`` comes from, first evidence first.
DATE_EVIDENCE = (
    ("m_published", "manifest"),
    ("column_date", "column"),
    ("text_date", "text"),
    ("url_date", "url"),
    ("file_date", "filename"),
    ("inferred", "inferred"),
)

_EVIDENCE_SCHEMA: dict[str, pl.DataType] = {
    "path": pl.String,
    "_manifest_key": pl.String,
    "m_outlet": pl.String,
    "m_unknown_outlet": pl.String,  # a manifest's outlet no table knows, as written
    "m_site": pl.String,
    "m_published": pl.Date,
    "m_title": pl.String,
    "m_url": pl.String,
    "file_date": pl.Date,
    "file_title": pl.String,
}


def file_evidence(docs: pl.DataFrame, manifest: Manifest, reg: Registry) -> pl.DataFrame:
    """What the manifest and the file names say, one row per file (``path``): the manifest's
    key, outlet, site, date, title and URL (``m_*``), and a page file name's date and title."""
    # a page's file name is evidence of its date and title, not a name of a file of many pages
    # (a WARC's: its crawl's date)
    page = pl.col("page") & pl.col("record").is_null()
    files = docs.select("path", page).unique("path", keep="first", maintain_order=True)
    paths = files["path"].to_list()
    keys = [manifest.match(p) for p in paths]
    known = [manifest.rows.get(k, {}) if k else {} for k in keys]

    def field(name: str) -> list:
        return [k.get(name) for k in known]

    named = [
        parse_filename(p.rsplit("/", 1)[-1].rsplit(".", 1)[0], reg=reg) if page else (None, None)
        for p, page in files.iter_rows()
    ]
    return pl.DataFrame(
        {
            "path": paths,
            "_manifest_key": keys,
            "m_outlet": [o and (reg.canonical(o) or o) for o in field("outlet")],
            "m_unknown_outlet": [
                o if o and reg.canonical(o) is None else None for o in field("outlet")
            ],
            "m_site": field("site"),
            "m_published": field("published"),
            "m_title": field("title"),
            "m_url": field("url"),
            "file_date": [d for d, _ in named],
            "file_title": [t for _, t in named],
        },
        schema=_EVIDENCE_SCHEMA,
    )


def resolve_fields(
    docs: pl.DataFrame,
    reg: Registry,
    year_range: tuple[int, int] | None = None,
    *,
    reading: DateReading | None = None,
    today: dt.date | None = None,
) -> pl.DataFrame:
    """Outlet, title, date, id, language, length and notes for documents with text.

    What needs Python runs on distinct values or on the few rows concerned, the rest as one
    polars query. A load in batches runs the steps apart: :func:`column_dates_of` over every
    batch's dates, :func:`years_seen` of each batch, then :func:`resolved` per batch.

    Args:
        docs: documents as :func:`toolkit.pages.with_text` leaves them, joined with
            :func:`file_evidence`.
        reg: the outlet registry (aliases, sites, date formats, weekday names).
        year_range: years a weekday may place a yearless dateline in (see
            :func:`toolkit.dates.infer_yearless`).
        reading: how the user says dates are written, per source (see
            :class:`toolkit.date_order.DateReading`).
        today: the load's day: dates after it (or before 1900) are refused with a note.

    Returns:
        ``docs`` with the corpus columns (``outlet``, ``outlet_source``, ``title``,
        ``published``, ``doc_id``, ``lang``, ``n_words``...) and ``_note``.
    """
    today = today or dt.date.today()
    dates, notes = column_dates_of(docs, reading=reading, today=today, reg=reg)
    return resolved(with_dates(docs, dates, notes, today), reg, year_range, today=today)


def column_dates_of(
    docs: pl.DataFrame,
    *,
    reading: DateReading | None = None,
    today: dt.date | None = None,
    reg: Registry | None = None,
) -> tuple[pl.Series, pl.Series]:
    """The dates of the documents' date fields and their notes (:func:`toolkit.dates.column_dates`,
    which settles a file's numeric order from all its values: give it every batch's)."""
    return column_dates(docs["date_raw"], docs["path"], reading=reading, today=today, reg=reg)


def with_dates(
    docs: pl.DataFrame, dates: pl.Series, notes: pl.Series, today: dt.date
) -> pl.DataFrame:
    """``docs`` with ``column_date`` and ``_date_note``, and every full date found refused
    when out of range (``_range_note``)."""
    found, written = url_date(pl.coalesce("m_url", "url"))  # the manifest's URL first, as url
    docs = docs.with_columns(
        dates.alias("column_date"),
        notes.alias("_date_note"),
        found.alias("url_date"),
        written.alias("url_date_text"),
    )
    return _in_range(docs, [c for c, _ in DATE_EVIDENCE[:-1] if c != "column_date"], today)


def years_seen(docs: pl.DataFrame) -> tuple[int, int] | None:
    """The years of the full dates found (:func:`with_dates`), one year either side: where a
    weekday may place a yearless dateline by default (as :func:`toolkit.dates.infer_yearless`
    finds them in one frame); None when nothing is dated."""
    found = [col(c) for c, _ in DATE_EVIDENCE[:-1]]
    low, high = docs.select(
        pl.min_horizontal(c.dt.year().min() for c in found).alias("low"),
        pl.max_horizontal(c.dt.year().max() for c in found).alias("high"),
    ).row(0)
    return (low - 1, high + 1) if low is not None else None


def resolved(
    docs: pl.DataFrame,
    reg: Registry,
    year_range: tuple[int, int] | None,
    *,
    today: dt.date,
) -> pl.DataFrame:
    """:func:`resolve_fields` once :func:`with_dates` has run: yearless datelines, then the
    corpus columns in one query."""
    evidence = [c for c, _ in DATE_EVIDENCE[:-1]]
    docs = infer_yearless(docs, evidence, year_range=year_range, reg=reg)
    docs = _in_range(docs, ["inferred"], today)
    # The texts apart, as the columns they are: a query that passes a text column through
    # copies it (a 100 MB page's texts took 190 MiB more at the peak); the word counts and
    # the language are read from a frame of the texts alone.
    text = docs["text"]
    n_words = pl.DataFrame([text]).select(word_count(col("text")).alias("n_words")).to_series()
    texts = pl.DataFrame([_raw_text(docs), text, n_words, languages(text, n_words)])
    # One query: polars computes shared sub-expressions once, and uses every core.
    no_raw = docs["raw"].is_null() | (docs["raw"].str.len_bytes() == 0)
    fields = (
        docs.drop("raw", "text")
        .with_columns(no_raw.alias("_no_raw"))
        .lazy()
        .with_columns(expr.alias(name) for name, expr in _looked_up(docs, reg).items())
        .with_columns(_fields())
        .with_columns(pl.when(field_notes() != "").then(field_notes()).alias("_note"))
        .collect(engine="streaming")
    )
    texts = texts.with_columns(word_counts(texts["n_words"], texts["text"], texts["lang"]))
    texts = texts.with_columns(_titled_language(texts, fields["title"]))
    uncounted = pl.when(col("lang") == "ja").then(pl.lit(UNCOUNTED_NOTE))
    excerpt = texts.select(excerpt_note(col("text"), col("n_words"))).to_series()
    undecoded = texts.select(undecoded_note(col("text"))).to_series()
    note = pl.concat_str(
        col("_note"), uncounted, excerpt, undecoded, separator="; ", ignore_nulls=True
    )
    return fields.hstack(texts).with_columns(pl.when(note != "").then(note).alias("_note"))


def _titled_language(texts: pl.DataFrame, titles: pl.Series) -> pl.Series:
    """``lang``, where a text is too short to tell (a headline's first words after its
    dateline) read with its title: "Putin congratulates Russian women on March 8" says English
    where "President Vladimir Putin congratula" does not. Only those rows are read again."""
    lang = texts["lang"]
    text = texts["text"]
    where = (lang == "und") & titles.is_not_null() & text.is_not_null() & (titles != text)
    where = where.fill_null(False).arg_true()  # a title that is the text says nothing more
    if not where.len():
        return lang
    both = pl.DataFrame({"t": titles.gather(where), "x": texts["text"].gather(where)})
    joined = both.select(pl.concat_str([col("t"), col("x")], separator="\n").alias("j"))
    again = languages(joined["j"], joined.select(word_count(col("j"))).to_series())
    return lang.scatter(where, again)


def _in_range(docs: pl.DataFrame, columns: list[str], today: dt.date) -> pl.DataFrame:
    """Dates before 1900 or after ``today`` in ``columns`` made null, noted in ``_range_note``."""
    refused = [refuse_out_of_range(col(c), today) for c in columns]
    notes = [n for _, n in refused]
    if "_range_note" in docs.columns:
        notes.insert(0, col("_range_note"))
    note = pl.concat_str(notes, separator="; ", ignore_nulls=True)
    return docs.with_columns(
        *(d.alias(c) for c, (d, _) in zip(columns, refused, strict=True)),
        pl.when(note != "").then(note).alias("_range_note"),
    )


def _looked_up(docs: pl.DataFrame, reg: Registry) -> dict[str, pl.Expr]:
    """What the registry says of each distinct outlet, site and folder, and the notes on
    outlets and dates it does not know."""
    site_name = pl.when(col("page")).then(col("meta").str.json_path_match("$.site_name"))
    return {
        # a column's outlet the tables know; one they do not is kept as written only where no
        # other evidence (the text, the URL's site, the page's metadata) names an outlet
        "column_outlet": _lookup(col("outlet_raw"), reg.canonical, docs),
        "meta_outlet": _lookup(site_name, reg.canonical, docs),
        "_site_name": site_name,
        "_own_site_name": _lookup(
            pl.concat_str([site_name, col("site")], separator=_JOIN),
            lambda key: name_part(key.split(_JOIN)[0]) if names_site(*key.split(_JOIN)) else None,
            docs,
        ),
        "site_outlet": _lookup(col("site"), reg.outlet_of_site, docs),
        "folder_outlet": _lookup(col("folder"), lambda f: _folder_outlet(f, reg), docs),
        "_unknown_outlet": _lookup(
            col("outlet_raw"), lambda o: None if reg.canonical(o) else o, docs
        ),
        # A site or channel column names the outlet only through the tables, never as written.
        "site_column_outlet": _lookup(col("site_raw"), lambda s: _site_column_outlet(s, reg), docs),
    }


def _raw_text(docs: pl.DataFrame) -> pl.Series:
    """``raw_text``: the text as found, else a table's title; the text column itself (not a
    copy of a corpus's texts) where no title fills a missing text."""
    fills = docs.select((col("raw").is_null() & col("title_raw").is_not_null()).any()).item()
    if not fills:
        return docs["raw"].alias("raw_text")
    return docs.select(pl.coalesce("raw", "title_raw").alias("raw_text")).to_series()


def _fields() -> list[pl.Expr]:
    """The corpus's outlet, title, URL, site, raw text, id and date, each with its source."""
    outlet, outlet_source = _first(
        (col("m_outlet"), "manifest"),
        (col("column_outlet"), "column"),
        (col("site_column_outlet"), "column"),
        (col("page_outlet"), "text"),
        (
            col("site_outlet"),
            pl.when(col("url").is_not_null()).then(pl.lit("url")).otherwise(pl.lit("text")),
        ),
        (col("meta_outlet"), "page metadata"),
        (col("folder_outlet"), "filename"),
        (col("outlet_raw"), "column"),  # not a known alias: as written (the note says so)
        # a page's own og:site_name no table knows, where it names the page's own site: as
        # written, the note says so (trial Z: eight unknown sites' pages were one outlet)
        (col("_own_site_name"), "page metadata"),
    )
    title, title_source = _first(
        (col("m_title"), "manifest"),
        (col("title_n"), pl.when(col("page")).then(pl.lit("text")).otherwise(pl.lit("column"))),
        (col("file_title"), "filename"),
        (col("page_title"), "text"),
    )
    url = pl.coalesce("m_url", "url")
    key = pl.coalesce(
        url,
        pl.when(col("record").is_not_null()).then(pl.format("{}#{}", "path", "record")),
        col("path"),
    )
    # a page's date field is its metadata (an HTML page's, a front matter's), a row's a column
    page = pl.when(col("page")).then(pl.lit("page metadata")).otherwise(pl.lit("column"))
    published, published_source = _first(
        *((col(c), page if c == "column_date" else where) for c, where in DATE_EVIDENCE)
    )
    return [
        outlet.alias("outlet"),
        outlet_source.alias("outlet_source"),
        title.alias("title"),
        title_source.alias("title_source"),
        url.alias("url"),
        pl.coalesce("m_site", "site").alias("site"),
        doc_id(key).alias("doc_id"),
        published.alias("published"),
        published_source.alias("published_source"),
        _date_text().alias("date_text"),
    ]


def _date_text() -> pl.Expr:
    """The date as written, from the evidence the date came from (or a dateline's)."""
    return pl.coalesce(
        pl.when(col("date_raw") != "").then(col("date_raw")),
        pl.when(col("text_date").is_not_null() & (col("text_date_text") != "")).then(
            col("text_date_text")
        ),
        pl.when(col("url_date").is_not_null()).then(col("url_date_text")),
        pl.when(col("file_date").is_not_null()).then(col("path").str.replace(r"^.*/", "")),
        pl.when(col("inferred").is_not_null()).then(col("partial_text")),
        col("partial_text"),
        col("m_published").cast(pl.String),
    )


def _first(*candidates: tuple[pl.Expr, str | pl.Expr]) -> tuple[pl.Expr, pl.Expr]:
    """The first non-null value, and the name of its source."""
    value = pl.coalesce([v for v, _ in candidates])
    source = pl.when(candidates[0][0].is_not_null()).then(_lit(candidates[0][1]))
    for v, where in candidates[1:]:
        source = source.when(v.is_not_null()).then(_lit(where))
    return value, source.otherwise(pl.lit(None, pl.String))


def _lit(value: str | pl.Expr) -> pl.Expr:
    return pl.lit(value) if isinstance(value, str) else value


def _lookup(
    column: pl.Expr, function: Callable[[Any], Any], frame: pl.DataFrame, dtype=pl.String
) -> pl.Expr:
    """``function`` applied to each distinct value of ``column`` (in ``frame``), as a column."""
    values = frame.select(column.unique().drop_nulls()).to_series().to_list()
    mapping = {v: function(v) for v in values}
    return column.replace_strict(mapping, default=None, return_dtype=dtype)


_JOIN = "\x1f"  # between a site name and its site in one lookup key


def _site_column_outlet(site: str, reg: Registry) -> str | None:
    """The outlet a site or channel column names: an alias ("РИА Новости", "tass"), else a
    site's domain or URL ("rt.com") whose own outlet the tables know."""
    return reg.canonical(site) or reg.outlet_of_site(reg.site_of_url(site))


def _folder_outlet(folder: str, reg: Registry) -> str | None:
    return next((o for part in reversed(folder.split("/")) if (o := reg.canonical(part))), None)


def doc_id(key: pl.Expr) -> pl.Expr:
    """A stable 16-hex-digit id: SHA-1 of the URL (scheme, ``www.``, case and final slash
    ignored), else of the path and record index."""
    url_like = key.str.contains("://", literal=True) | key.str.starts_with("www.")
    canonical = (
        pl.when(url_like)
        .then(
            key.str.replace(r"^.*?://", "")
            .str.strip_prefix("www.")
            .str.strip_chars_end("/")
            .str.to_lowercase()
        )
        .otherwise(key)
    )
    sha1 = hashlib.sha1  # polars has no SHA-1: one call an id, on the keys' UTF-8 bytes
    return canonical.map_batches(
        lambda s: pl.Series(
            [sha1(k).hexdigest()[:16] for k in s.cast(pl.Binary).to_list()], dtype=pl.String
        ),
        return_dtype=pl.String,
    )
