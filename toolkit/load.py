"""Loading a corpus: files in, one clean typed row per article out, every input accounted for.

Example:
    >>> import toolkit
    >>> corpus = toolkit.load_corpus("seeds/")            # doctest: +SKIP
    >>> corpus.select("outlet", "site", "published", "title").head()  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.clean import (
    chrome_expr,
    decode,
    learned_lines,
    normalize_texts,
    over_column,
    paragraph_lines,
)
from toolkit.dates import parse_dates, parse_filename, weekday_mentioned, year_from_weekday
from toolkit.errors import InputError, StrictModeError
from toolkit.extract import assemble_page, cue_lines, detect_sites, header_candidates
from toolkit.outlets import Registry, registry
from toolkit.readers import READERS, Record, Skip, Table, read_file, suffix
from toolkit.resources import WORD_COUNT_PATTERN

__all__ = ["CORPUS_SCHEMA", "REPORT_SCHEMA", "Ingest", "ingest", "load_corpus"]

log = logging.getLogger("toolkit")

CORPUS_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String,
    "path": pl.String,
    "record": pl.Int64,
    "outlet": pl.String,
    "outlet_source": pl.String,
    "site": pl.String,
    "url": pl.String,
    "published": pl.Date,
    "published_source": pl.String,
    "date_text": pl.String,
    "title": pl.String,
    "title_source": pl.String,
    "dateline": pl.String,
    "text": pl.String,
    "raw_text": pl.String,
    "lang": pl.String,
    "n_words": pl.Int64,
    "meta": pl.String,
}

REPORT_SCHEMA: dict[str, pl.DataType] = {
    "path": pl.String,
    "record": pl.Int64,
    "line": pl.Int64,
    "status": pl.String,  # loaded | skipped | manifest
    "reason": pl.String,
    "doc_id": pl.String,
    "note": pl.String,
}

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "outlet", "site", "published", "title", "url", "note")


@dataclass
class Ingest:
    """The result of :func:`ingest`: the corpus, and the report that accounts for every input."""

    corpus: pl.DataFrame
    report: pl.DataFrame
    learned_chrome: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(
            schema={"group": pl.String, "line": pl.String, "n_docs": pl.Int64}
        )
    )

    @property
    def skipped(self) -> pl.DataFrame:
        return self.report.filter(pl.col("status") == "skipped")

    def summary(self) -> str:
        """A short human-readable account: files, records loaded, skips by reason."""
        files = self.report.select(pl.col("path").n_unique()).item()
        lines = [
            f"{self.corpus.height} articles loaded from {files} files; "
            f"{self.skipped.height} records or files skipped."
        ]
        by_reason = (
            self.skipped.with_columns(pl.col("reason").str.replace(r":.*$", ""))
            .group_by("reason")
            .len()
            .sort("len", descending=True)
        )
        lines += [f"  skipped ({n}): {reason}" for reason, n in by_reason.iter_rows()]
        if self.corpus.height:
            by_outlet = (
                self.corpus.group_by("outlet").len().sort(["len", "outlet"], descending=True)
            )
            lines.append(
                "  outlets: " + ", ".join(f"{o or 'unknown'} {n}" for o, n in by_outlet.iter_rows())
            )
            undated = self.corpus.filter(pl.col("published").is_null()).height
            lines.append(f"  undated: {undated}")
        if self.learned_chrome.height:
            lines.append(f"  chrome lines learned: {self.learned_chrome.height}")
        return "\n".join(lines)


def load_corpus(
    source: str | Path | Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    **options: Any,
) -> pl.DataFrame:
    """Load articles from files and folders into one corpus table.

    Args:
        source: a file, a folder (read recursively) or a list of them. Supported:
            .txt .md .html .htm .csv .tsv .jsonl .ndjson .json .parquet.
        manifest: a CSV of what a researcher knows that the text does not say (columns
            ``file, outlet, site, published, title, url, note``). A ``manifest.csv`` at the top
            of a source folder is used when none is given.
        **options: see :func:`ingest`.

    Returns:
        One row per article; the columns are documented in ``CORPUS_SCHEMA`` and the README.
        Skipped inputs are logged; use :func:`ingest` for the full load report.
    """
    result = ingest(source, manifest=manifest, **options)
    if result.skipped.height:
        log.warning("%s", result.summary())
    return result.corpus


def ingest(
    source: str | Path | Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    strict: bool = False,
    columns: dict[str, str] | None = None,
    learn: bool = True,
    min_chrome_docs: int = 5,
    chrome_share: float = 0.05,
    year_range: tuple[int, int] | None = None,
    outlets: str | Path | None = None,
    progress: bool = False,
) -> Ingest:
    """Load a corpus and account for every input file and record.

    Args:
        source: see :func:`load_corpus`.
        manifest: see :func:`load_corpus`.
        strict: raise :class:`StrictModeError` when anything was skipped.
        columns: map fields to table columns where the usual names do not fit, e.g.
            ``{"text": "story", "date": "when"}``. Fields: title, text, date, outlet, url.
        learn: learn lines repeated across many documents of one site (or folder) as chrome.
        min_chrome_docs: a learned chrome line occurs in at least this many documents...
        chrome_share: ...and in at least this share of its site's documents.
        year_range: years a weekday ("on Monday") may place a yearless dateline in; by default
            the years of this load's dated documents, one year either side.
        outlets: a folder of your own outlet tables (``*.yaml``, as in
            ``toolkit/data/outlets``), read beside the bundled ones.
        progress: show a progress bar while reading files.

    Returns:
        An :class:`Ingest` with ``corpus``, ``report`` and ``learned_chrome``.
    """
    if outlets is not None and not Path(outlets).is_dir():
        raise InputError("outlet tables folder not found; check the path", path=str(outlets))
    reg = Registry.load((Path(outlets),)) if outlets is not None else registry()
    files, manifest_path, report_rows = _resolve(source, manifest)
    manifest_label = next(
        (r[0] for r in report_rows if r[4] == "used as the manifest"), str(manifest_path)
    )
    manifest_rows = _read_manifest(manifest_path) if manifest_path else {}
    options = {"columns": columns or {}}

    pages: list[Record] = []
    tables: list[Table] = []
    for path, rel in tqdm(files, desc="reading", unit="file", disable=not progress):
        for item in read_file(path, rel, options):
            if isinstance(item, Skip):
                report_rows.append(
                    _report(item.path, item.record, item.line, "skipped", item.reason)
                )
            elif isinstance(item, Table):
                tables.append(item)
            else:
                pages.append(item)

    docs = _docs(pages, tables)
    del pages, tables  # the frame holds them now
    try:
        corpus, skipped, learned = _build(
            docs, manifest_rows, reg, learn, min_chrome_docs, chrome_share, year_range
        )
    except pl.exceptions.ComputeError:
        reg.check_columnar()  # a pattern in an outlet table polars cannot match: name it
        raise
    corpus, dup_rows = _drop_duplicate_ids(corpus)
    report_rows += dup_rows
    unmatched = set(manifest_rows) - set(corpus["_manifest_key"].drop_nulls().to_list())
    report_rows += [
        _report(
            manifest_label,
            None,
            manifest_rows[k]["_line"],
            "manifest",
            f"manifest row for {k!r} matches no loaded file",
        )
        for k in sorted(unmatched)
    ]
    loaded = corpus.select(
        "path",
        "record",
        pl.col("_line").alias("line"),
        pl.lit("loaded").alias("status"),
        pl.lit(None, pl.String).alias("reason"),
        "doc_id",
        pl.col("_note").alias("note"),
    )
    report = pl.concat(
        [pl.DataFrame(report_rows, schema=REPORT_SCHEMA, orient="row"), skipped, loaded],
        how="vertical_relaxed",
    ).sort(["path", "record", "line"], nulls_last=False, maintain_order=True)
    corpus = corpus.select(pl.col(k).cast(v) for k, v in CORPUS_SCHEMA.items())
    result = Ingest(corpus, report, learned)
    if strict and result.skipped.height:
        raise StrictModeError(
            "strict load: some inputs were skipped (pass strict=False to load the rest)\n"
            + result.summary()
        )
    return result


# ---------------------------------------------------------------- inputs


def _resolve(
    source: str | Path | Sequence[str | Path], manifest: str | Path | None
) -> tuple[list[tuple[str | Path, str]], Path | None, list[tuple]]:
    sources = [source] if isinstance(source, str | Path) else list(source)
    if not sources:
        raise InputError("no source given: pass a file, a folder or a list of them")
    files: list[tuple[str | Path, str]] = []
    report: list[tuple] = []
    manifest_path = Path(manifest) if manifest is not None else None
    if manifest_path is not None and not manifest_path.is_file():
        raise InputError("manifest file not found; check the path", path=str(manifest))
    for s in sources:
        path = Path(s)
        if not path.exists():
            raise InputError("no such file or folder; check the path", path=str(s))
        if path.is_file():
            if path.suffix.lower() not in READERS:
                raise InputError(
                    f"unsupported file type {path.suffix!r}; supported: "
                    + ", ".join(sorted(READERS)),
                    path=str(s),
                )
            files.append((path, path.name))
            continue
        if manifest_path is None and (path / MANIFEST_NAME).is_file():
            manifest_path = path / MANIFEST_NAME
        the_manifest = manifest_path.resolve() if manifest_path is not None else None
        for parts, f in sorted(_walk(path)):
            rel = "/".join((path.name, *parts))
            ext = suffix(parts[-1])
            if (
                the_manifest is not None
                and parts[-1] == the_manifest.name
                and (Path(f).resolve() == the_manifest)
            ):
                report.append(_report(rel, None, None, "manifest", "used as the manifest"))
            elif any(part.startswith(".") for part in parts):
                report.append(_report(rel, None, None, "skipped", "hidden file"))
            elif ext.lower() not in READERS:
                report.append(_report(rel, None, None, "skipped", f"unsupported file type {ext!r}"))
            else:
                files.append((f, rel))
    return files, manifest_path, report


def _walk(folder: Path, parts: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every file under ``folder`` (following links to files, not to folders): its path's
    parts below ``folder``, and its path."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path), (*parts, entry.name))
            elif entry.is_file():
                yield (*parts, entry.name), entry.path


def _read_manifest(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        columns = reader.fieldnames or []
        unknown = set(columns) - set(MANIFEST_COLUMNS)
        if "file" not in columns or unknown:
            raise InputError(
                f"a manifest has a 'file' column and may have {list(MANIFEST_COLUMNS)}; "
                f"found {columns}",
                path=str(path),
            )
        rows = {}
        for row in reader:
            line = reader.line_num
            row = {k: v.strip() or None if isinstance(v, str) else None for k, v in row.items()}
            if not row.get("file"):
                raise InputError("manifest row without a file name", path=str(path), line=line)
            if row.get("published"):
                try:
                    row["published"] = dt.date.fromisoformat(row["published"])
                except ValueError:
                    raise InputError(
                        f"published {row['published']!r} is not a YYYY-MM-DD date",
                        path=str(path),
                        line=line,
                    ) from None
            row["_line"] = line
            rows[row["file"]] = row
    return rows


def _report(path, record, line, status, reason, doc_id=None, note=None) -> tuple:
    return (path, record, line, status, reason, doc_id, note)


# ---------------------------------------------------------------- records to rows

_DOCS_SCHEMA: dict[str, pl.DataType] = {
    "path": pl.String,
    "record": pl.Int64,
    "_line": pl.Int64,
    "page": pl.Boolean,
    "raw": pl.String,
    "title_raw": pl.String,
    "date_raw": pl.String,
    "outlet_raw": pl.String,
    "url": pl.String,
    "meta": pl.String,
    "has_body": pl.Boolean,
}


def _docs(pages: list[Record], tables: list[Table]) -> pl.DataFrame:
    """Pages and table rows as one frame of fields as found, one row per article."""
    frames = [
        pl.DataFrame(
            {
                "path": [r.path for r in pages],
                "record": [None] * len(pages),
                "_line": [None] * len(pages),
                "page": [True] * len(pages),
                "raw": _page_texts(pages),
                "title_raw": [r.title for r in pages],
                "date_raw": [r.date for r in pages],
                "outlet_raw": [r.outlet for r in pages],
                "url": [r.url for r in pages],
                "meta": [_json(r.meta) for r in pages],
                "has_body": [True] * len(pages),
            },
            schema=_DOCS_SCHEMA,
        )
    ]
    frames += [
        t.frame.select(
            pl.lit(t.path).alias("path"),
            "record",
            pl.col("line").alias("_line"),
            pl.lit(False).alias("page"),
            pl.col("text").alias("raw"),
            pl.col("title").alias("title_raw"),
            pl.col("date").alias("date_raw"),
            pl.col("outlet").alias("outlet_raw"),
            "url",
            "meta",
            pl.lit(t.has_body_column).alias("has_body"),
        ).cast(_DOCS_SCHEMA)
        for t in tables
    ]
    return pl.concat(frames).with_row_index("doc")


def _page_texts(pages: list[Record]) -> pl.Series:
    """The pages' texts; those read as bytes are decoded together as UTF-8 (a byte-order mark
    dropped), or, when any is not UTF-8, one by one as :func:`toolkit.clean.decode` does."""
    texts = pl.Series(
        [None if isinstance(r.text, bytes) else r.text for r in pages], dtype=pl.String
    )
    where = [i for i, r in enumerate(pages) if isinstance(r.text, bytes)]
    if not where:
        return texts
    data = [pages[i].text for i in where]
    try:
        decoded = pl.Series(data, dtype=pl.Binary).cast(pl.String).str.strip_prefix("\ufeff")
    except pl.exceptions.ComputeError:  # not all UTF-8: cp1252 and the like, one by one
        decoded = pl.Series([decode(d).text for d in data], dtype=pl.String)
    return texts.scatter(where, decoded)


def _json(meta: dict[str, Any]) -> str | None:
    if not meta:
        return None
    return json.dumps(meta, ensure_ascii=False, default=str, sort_keys=True, separators=(",", ":"))


def _manifest_match(rel: str, manifest: dict[str, dict[str, Any]]) -> str | None:
    if not manifest:
        return None
    tail = rel.split("/", 1)[-1]
    for key in (rel, tail, rel.rsplit("/", 1)[-1]):
        if key in manifest:
            return key
    return None


def _lookup(column: pl.Expr, function, frame: pl.DataFrame, dtype=pl.String) -> pl.Expr:
    """``function`` applied to each distinct value of ``column`` (in ``frame``), as a column."""
    values = frame.select(column.unique().drop_nulls()).to_series().to_list()
    mapping = {v: function(v) for v in values}
    return column.replace_strict(mapping, default=None, return_dtype=dtype)


def _known(docs: pl.DataFrame, manifest: dict[str, dict[str, Any]], reg: Registry):
    """What the manifest and the file names say, per file (``path``): one column each."""
    files = docs.select("path", "page").unique("path", keep="first", maintain_order=True)
    paths = files["path"].to_list()
    keys = [_manifest_match(p, manifest) for p in paths]
    known = [manifest.get(k, {}) if k else {} for k in keys]

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
            "m_site": field("site"),
            "m_published": field("published"),
            "m_title": field("title"),
            "m_url": field("url"),
            "file_date": [d for d, _ in named],
            "file_title": [t for _, t in named],
        },
        schema={
            "path": pl.String,
            "_manifest_key": pl.String,
            "m_outlet": pl.String,
            "m_site": pl.String,
            "m_published": pl.Date,
            "m_title": pl.String,
            "m_url": pl.String,
            "file_date": pl.Date,
            "file_title": pl.String,
        },
    )


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
    short = line.str.len_chars() <= 800
    learned_hit = pl.lit(False)
    for (group,), found in learned.partition_by("group", as_dict=True).items():
        in_group = pl.col("group") == group
        learned_hit = learned_hit | (in_group & line.is_in(found["line"].implode()) & short)
    return lines.with_columns(chrome.alias("chrome")).with_columns(
        (pl.col("chrome") | learned_hit).alias("chrome")
    )


_PAGE_SCHEMA: dict[str, pl.DataType] = {
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
    for doc, site, title_known in (
        docs.filter(pl.col("raw").is_not_null()).select("doc", "site", "title_known").iter_rows()
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
        )
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
        rows.append(
            (
                doc,
                "\n\n".join(body),
                page.title,
                page.dateline,
                page.outlet,
                text_date,
                text_date_text if text_date else None,
                *(
                    (partial.year, partial.month, partial.day, partial.text)
                    if partial
                    else (None,) * 4
                ),
                weekday,
            )
        )
    columns = zip(*rows, strict=True) if rows else ([] for _ in _PAGE_SCHEMA)
    return pl.DataFrame(
        [
            pl.Series(name, values, dtype=t)
            for (name, t), values in zip(_PAGE_SCHEMA.items(), columns, strict=True)
        ]
    )


def _build(docs, manifest, reg, learn, min_chrome_docs, chrome_share, year_range):
    """Clean every document, read pages, resolve outlet, title and date; the rows left without
    text come back as skipped report rows."""
    docs = docs.join(_known(docs, manifest, reg), on="path", how="left", maintain_order="left")
    folder = pl.col("path").str.replace(r"/[^/]*$", "")
    docs = docs.with_columns(
        reg.sites_of_urls(docs["url"]).alias("site"),
        _blank_to_null(normalize_texts(docs["title_raw"])).alias("title_n"),
        normalize_texts(docs["raw"]).alias("text_n"),
        _blank_to_null(
            normalize_texts(
                docs.select(
                    pl.when(pl.col("raw").is_not_null()).then(
                        pl.coalesce("m_title", "title_raw", "file_title")
                    )
                ).to_series()
            )
        ).alias("title_known"),
        pl.when(pl.col("path").str.contains("/", literal=True))
        .then(folder)
        .otherwise(pl.lit(""))
        .alias("folder"),
    )
    if docs["raw"].is_null().all():  # headline tables: no bodies, no pages to read
        learned, pages = _NOTHING_LEARNED, pl.DataFrame(schema=_PAGE_SCHEMA)
    else:
        docs, pages, learned = _read_pages(docs, reg, learn, min_chrome_docs, chrome_share)
    # Columns are dropped once used: a corpus's text is held as few times as it can be.
    docs = docs.drop("text_n").join(pages, on="doc", how="left", maintain_order="left")
    del pages

    no_body = ~pl.col("has_body")
    docs = docs.with_columns(
        pl.when(no_body)
        .then(pl.col("title_n").fill_null(""))
        .otherwise(pl.col("body").fill_null(""))
        .alias("text")
    ).drop("body")
    skipped = docs.filter(pl.col("text") == "").select(
        "path",
        "record",
        pl.col("_line").alias("line"),
        pl.lit("skipped").alias("status"),
        pl.when(no_body)
        .then(pl.lit("no body text: no text column and an empty title"))
        .when(pl.col("raw").is_null())
        .then(pl.lit("no body text: empty text cell"))
        .when(pl.col("raw").str.strip_chars() == "")
        .then(pl.lit("empty file"))
        .otherwise(pl.lit("no body text after cleaning"))
        .alias("reason"),
        pl.lit(None, pl.String).alias("doc_id"),
        pl.lit(None, pl.String).alias("note"),
    )
    docs = docs.filter(pl.col("text") != "")
    return _resolve_fields(docs, reg, year_range), skipped, learned


_NOTHING_LEARNED = pl.DataFrame(schema={"group": pl.String, "line": pl.String, "n_docs": pl.Int64})


def _read_pages(docs, reg, learn, min_chrome_docs, chrome_share):
    """Split bodies into paragraphs, find each page's site, learn and mark chrome, and read
    the pages: ``docs`` with ``site`` and ``group``, the pages, and the learned lines."""
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
    learned = (
        learned_lines(
            lines.select("doc", "line"),
            docs.select("doc", "group"),
            min_docs=min_chrome_docs,
            min_share=chrome_share,
        )
        if learn
        else _NOTHING_LEARNED
    )
    lines = _chrome(lines, learned, reg)
    return docs, _pages(docs, lines, reg), learned


def _blank_to_null(texts: pl.Series) -> pl.Series:
    return pl.select(pl.when(pl.lit(texts) != "").then(pl.lit(texts))).to_series().alias(texts.name)


def _first(*candidates: tuple[pl.Expr, str | pl.Expr]) -> tuple[pl.Expr, pl.Expr]:
    """The first non-null value, and the name of its source."""
    value = pl.coalesce([v for v, _ in candidates])
    source = pl.when(candidates[0][0].is_not_null()).then(_lit(candidates[0][1]))
    for v, where in candidates[1:]:
        source = source.when(v.is_not_null()).then(_lit(where))
    return value, source.otherwise(pl.lit(None, pl.String))


def _lit(value: str | pl.Expr) -> pl.Expr:
    return pl.lit(value) if isinstance(value, str) else value


def _resolve_fields(docs: pl.DataFrame, reg: Registry, year_range) -> pl.DataFrame:
    """Outlet, title, date, ids and notes for documents with text: what needs Python runs on
    distinct values or on the few rows concerned, the rest as one polars query."""
    col = pl.col
    distinct = docs["date_raw"].unique().drop_nulls()
    docs = docs.join(
        pl.DataFrame([distinct, parse_dates(distinct, reg=reg).alias("column_date")]),
        on="date_raw",
        how="left",
        maintain_order="left",
    )
    docs = _yearless_datelines(docs, year_range)
    unparsed = docs.filter(col("column_date").is_null())
    known = {
        "column_outlet": pl.coalesce(_lookup(col("outlet_raw"), reg.canonical, docs), "outlet_raw"),
        "site_outlet": _lookup(col("site"), reg.outlet_of_site, docs),
        "folder_outlet": _lookup(col("folder"), lambda f: _folder_outlet(f, reg), docs),
        "_outlet_note": _lookup(
            col("outlet_raw"),
            lambda o: (
                None if reg.canonical(o) else f"outlet {o!r} is not a known alias; kept as written"
            ),
            docs,
        ),
        "_unparsed_note": _lookup(
            col("date_raw"), lambda d: f"date {d!r} not understood; kept in date_text", unparsed
        ),
    }
    outlet, outlet_source = _first(
        (col("m_outlet"), "manifest"),
        (col("column_outlet"), "column"),
        (col("page_outlet"), "text"),
        (
            col("site_outlet"),
            pl.when(col("url").is_not_null()).then(pl.lit("url")).otherwise(pl.lit("text")),
        ),
        (col("folder_outlet"), "filename"),
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
    published, published_source = _first(*_DATE_EVIDENCE)
    written = pl.coalesce(
        pl.when(col("date_raw") != "").then(col("date_raw")),
        pl.when(col("text_date").is_not_null() & (col("text_date_text") != "")).then(
            col("text_date_text")
        ),
        pl.when(col("file_date").is_not_null()).then(col("path").str.replace(r"^.*/", "")),
        pl.when(col("inferred").is_not_null()).then(col("partial_text")),
        col("partial_text"),
        col("m_published").cast(pl.String),
    )
    undated_note = (
        pl.when(col("published").is_null() & col("date_raw").is_not_null())
        .then(col("_unparsed_note"))
        .when(col("published").is_null() & col("partial_month").is_not_null())
        .then(pl.lit("dateline has no year and no evidence fixes one"))
    )
    note = pl.concat_str(
        [
            pl.when(~col("has_body")).then(pl.lit("no body column: title used as text")),
            col("_outlet_note"),
            undated_note,
            col("_disagree"),
        ],
        separator="; ",
        ignore_nulls=True,
    )
    # One query: polars computes shared sub-expressions once, and uses every core.
    return (
        docs.lazy()
        .with_columns(expr.alias(name) for name, expr in known.items())
        .with_columns(
            outlet.alias("outlet"),
            outlet_source.alias("outlet_source"),
            title.alias("title"),
            title_source.alias("title_source"),
            url.alias("url"),
            pl.coalesce("m_site", "site").alias("site"),
            pl.coalesce("raw", "title_raw").alias("raw_text"),
            _doc_id(key).alias("doc_id"),
            published.alias("published"),
            published_source.alias("published_source"),
            written.alias("date_text"),
        )
        .with_columns(
            pl.when(note != "").then(note).alias("_note"),
            _word_count(col("text")).alias("n_words"),
            _lang_expr(col("text"), _word_count(col("text"))).alias("lang"),
        )
        .collect(engine="streaming")
    )


def _folder_outlet(folder: str, reg: Registry) -> str | None:
    return next((o for part in reversed(folder.split("/")) if (o := reg.canonical(part))), None)


# Where ``published`` comes from, first evidence first.
_DATE_EVIDENCE = (
    (pl.col("m_published"), "manifest"),
    (pl.col("column_date"), "column"),
    (pl.col("text_date"), "text"),
    (pl.col("file_date"), "filename"),
    (pl.col("inferred"), "inferred"),
)


def _yearless_datelines(docs: pl.DataFrame, year_range) -> pl.DataFrame:
    """``inferred``: the date a weekday fixes for a dateline without a year (the year from
    ``year_range``, by default the load's dated years one either side); ``_disagree``: a note
    where a dateline's day is not within days of the date found."""
    col = pl.col
    evidence = [c for c, _ in _DATE_EVIDENCE[:-1]]
    if year_range is None:
        low, high = docs.select(
            pl.min_horizontal(c.dt.year().min() for c in evidence).alias("low"),
            pl.max_horizontal(c.dt.year().max() for c in evidence).alias("high"),
        ).row(0)
        if low is not None:
            year_range = (low - 1, high + 1)
    dated = docs.with_row_index("_i").filter(col("partial_month").is_not_null())
    inferred: dict[int, dt.date | None] = {}
    if year_range is not None:
        yearless = col("partial_year").is_null() & col("weekday").is_not_null()
        for i, month, day, weekday in (
            dated.filter(yearless)
            .select("_i", "partial_month", "partial_day", "weekday")
            .iter_rows()
        ):
            inferred[i] = year_from_weekday(month, day, weekday, year_range)
    disagree: dict[int, str] = {}
    for i, found, month, day, text in dated.select(
        "_i", pl.coalesce(evidence), "partial_month", "partial_day", "partial_text"
    ).iter_rows():
        found = found or inferred.get(i)
        if found is not None and not _near(found, month, day):
            disagree[i] = f"dateline {text!r} disagrees with the date {found}"
    return docs.with_columns(
        _by_row(inferred, docs.height, pl.Date).alias("inferred"),
        _by_row(disagree, docs.height, pl.String).alias("_disagree"),
    )


def _by_row(values: dict[int, Any], height: int, dtype: pl.DataType) -> pl.Series:
    """A column that is null except at the given rows."""
    column = pl.repeat(None, height, dtype=dtype, eager=True)
    return column.scatter(list(values), list(values.values())) if values else column


def _near(published: dt.date, month: int, day: int, days: int = 3) -> bool:
    """Whether a yearless dateline's month and day fall within ``days`` of a full date."""
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if abs((dt.date(year, month, day) - published).days) <= days:
                return True
        except ValueError:
            continue
    return False


def _doc_id(key: pl.Expr) -> pl.Expr:
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
    return canonical.map_batches(
        lambda s: pl.Series(
            [hashlib.sha1(k.encode()).digest()[:8].hex() for k in s], dtype=pl.String
        ),
        return_dtype=pl.String,
    )


# ASCII word boundaries, counted after every non-ASCII word character has become "x": the same
# boundaries as Unicode ones (no "a" found in Spanish "había"), at a fifth of the cost.
_EN_FUNCTION_WORDS = (
    r"(?i)(?-u:\b)(?:the|a|an|and|or|of|to|in|on|at|by|for|with|from|as|is|are|was|were|be|has|"
    r"have|will|says|said|after|over|not|that|this|its|it|his|her|their|new)(?-u:\b)"
)
_NON_ASCII_WORD_CHAR = r"[\w&&[^\x00-\x7F]]"


def _word_count(text: pl.Expr) -> pl.Expr:
    return text.str.count_matches(WORD_COUNT_PATTERN).cast(pl.Int64)


def _lang_expr(text: pl.Expr, n_words: pl.Expr) -> pl.Expr:
    """Script-level language: ru/uk/be by Cyrillic letters, zh by Han, en by function words.

    ``n_words`` is the text's word count, reused where the text is no longer than the opening
    that is read."""
    long = text.str.len_chars() > 2000
    text = text.str.slice(0, 2000)  # the opening says which language; counting all is waste
    n_words = pl.when(long).then(_word_count(pl.when(long).then(text))).otherwise(n_words)
    cyr = text.str.count_matches(r"\p{Cyrillic}")
    han = text.str.count_matches(r"\p{Han}")
    # Latin letters only matter against Cyrillic or Han ones: elsewhere they are not counted
    # (a function word found is a Latin letter found).
    mixed = pl.when((cyr > 0) | (han > 0)).then(text).otherwise(pl.lit(""))
    lat = mixed.str.count_matches(r"[A-Za-z]")
    en = text.str.replace_all(_NON_ASCII_WORD_CHAR, "x").str.count_matches(_EN_FUNCTION_WORDS)
    cyrillic = pl.when(cyr > 0).then(text).otherwise(pl.lit(""))
    return (
        pl.when((cyr > lat) & (cyr >= han))
        .then(
            # ў is Belarusian only; і is both Belarusian and Ukrainian, so ў is tested first.
            pl.when(cyrillic.str.contains(r"[ўЎ]"))
            .then(pl.lit("be"))
            .when(cyrillic.str.contains(r"[іїєґІЇЄҐ]"))
            .then(pl.lit("uk"))
            .otherwise(pl.lit("ru"))
        )
        .when(han > lat)
        .then(pl.lit("zh"))
        .when((en >= 1) & (en >= 0.05 * n_words))
        .then(pl.lit("en"))
        .otherwise(pl.lit("und"))
    )


def _drop_duplicate_ids(corpus: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple]]:
    if corpus["doc_id"].is_unique().all():
        return corpus, []
    first = (
        corpus.with_row_index("_i")
        .group_by("doc_id")
        .agg(
            pl.col("_i").first(),
            pl.col("path").first().alias("_first_path"),
            pl.col("_line").first().alias("_first_line"),
            pl.col("record").first().alias("_first_rec"),
        )
    )
    marked = corpus.with_row_index("_i").join(
        first, on="doc_id", how="left", suffix="_first", maintain_order="left"
    )
    dup = marked.filter(pl.col("_i") != pl.col("_i_first"))
    rows = [
        _report(
            p,
            r,
            ln,
            "skipped",
            f"duplicate id: same {'URL' if u else 'path and record'} as {fp}"
            + (f" line {fl}" if fl is not None else (f" record {fr}" if fr is not None else "")),
            d,
        )
        for p, r, ln, d, u, fp, fl, fr in dup.select(
            "path", "record", "_line", "doc_id", "url", "_first_path", "_first_line", "_first_rec"
        ).iter_rows()
    ]
    keep = marked.filter(pl.col("_i") == pl.col("_i_first")).drop(
        "_i", "_i_first", "_first_path", "_first_line", "_first_rec"
    )
    return keep, rows
