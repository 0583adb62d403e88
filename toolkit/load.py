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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
from tqdm import tqdm  # text bars: no ipywidgets needed in notebooks

from toolkit.clean import learn_chrome, normalize, paragraphs
from toolkit.dates import parse_date_column, parse_filename, weekday_mentioned, year_from_weekday
from toolkit.errors import InputError, StrictModeError
from toolkit.extract import detect_site, read_page
from toolkit.outlets import Registry, registry
from toolkit.readers import READERS, Record, Skip, read_file

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

    records: list[Record] = []
    for path, rel in tqdm(files, desc="reading", unit="file", disable=not progress):
        for item in read_file(path, rel, options):
            if isinstance(item, Skip):
                report_rows.append(
                    _report(item.path, item.record, item.line, "skipped", item.reason)
                )
            else:
                records.append(item)

    rows, skips, learned = _build_rows(
        records, manifest_rows, reg, learn, min_chrome_docs, chrome_share
    )
    report_rows += skips
    corpus = _finish(rows, reg, year_range)
    corpus, dup_rows = _drop_duplicate_ids(corpus)
    report_rows += dup_rows
    report_rows += [
        _report(p, r, ln, "loaded", None, d, n)
        for p, r, ln, d, n in corpus.select(
            "path", "record", "_line", "doc_id", "_note"
        ).iter_rows()
    ]
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
    report = pl.DataFrame(report_rows, schema=REPORT_SCHEMA, orient="row").sort(
        ["path", "record", "line"], nulls_last=False
    )
    learned_frame = pl.DataFrame(
        [(g, line, n) for g, lines in sorted(learned.items()) for line, n in sorted(lines.items())],
        schema={"group": pl.String, "line": pl.String, "n_docs": pl.Int64},
        orient="row",
    )
    corpus = corpus.select(pl.col(k).cast(v) for k, v in CORPUS_SCHEMA.items())
    result = Ingest(corpus, report, learned_frame)
    if strict and result.skipped.height:
        raise StrictModeError(
            "strict load: some inputs were skipped (pass strict=False to load the rest)\n"
            + result.summary()
        )
    return result


# ---------------------------------------------------------------- inputs


def _resolve(
    source: str | Path | Sequence[str | Path], manifest: str | Path | None
) -> tuple[list[tuple[Path, str]], Path | None, list[tuple]]:
    sources = [source] if isinstance(source, str | Path) else list(source)
    if not sources:
        raise InputError("no source given: pass a file, a folder or a list of them")
    files: list[tuple[Path, str]] = []
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
        for f in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = f"{path.name}/{f.relative_to(path).as_posix()}"
            if manifest_path is not None and f.resolve() == manifest_path.resolve():
                report.append(_report(rel, None, None, "manifest", "used as the manifest"))
            elif any(part.startswith(".") for part in f.relative_to(path).parts):
                report.append(_report(rel, None, None, "skipped", "hidden file"))
            elif f.suffix.lower() not in READERS:
                report.append(
                    _report(rel, None, None, "skipped", f"unsupported file type {f.suffix!r}")
                )
            else:
                files.append((f, rel))
    return files, manifest_path, report


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


def _manifest_match(rel: str, manifest: dict[str, dict[str, Any]]) -> str | None:
    if not manifest:
        return None
    tail = rel.split("/", 1)[-1]
    for key in (rel, tail, rel.rsplit("/", 1)[-1]):
        if key in manifest:
            return key
    return None


def _folder(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def _build_rows(records, manifest, reg, learn, min_chrome_docs, chrome_share):
    """Normalise bodies, learn chrome per site or folder, read each page's metadata."""
    paras: list[list[str] | None] = []
    groups: list[str | None] = []
    for rec in records:
        if rec.text is None:
            rec.site = reg.site_of_url(rec.url) if rec.url else None
            paras.append(None)
            groups.append(None)
            continue
        ps = paragraphs(normalize(rec.text))
        site = rec.site = reg.site_of_url(rec.url) if rec.url else None
        if site is None and rec.kind == "page":
            site = rec.site = detect_site(ps, reg=reg)
        paras.append(ps)
        groups.append(site or f"folder:{_folder(rec.path)}")
    learned = (
        learn_chrome(
            [p or [] for p in paras], groups, min_docs=min_chrome_docs, min_share=chrome_share
        )
        if learn
        else {}
    )
    frozen = {g: frozenset(lines) for g, lines in learned.items()}

    rows, skips = [], []
    for rec, ps, group in zip(records, paras, groups, strict=True):
        key = _manifest_match(rec.path, manifest)
        known = manifest.get(key, {}) if key else {}
        row = _row(rec, ps, frozen.get(group, frozenset()), known, reg)
        row["_manifest_key"] = key
        if not row["text"]:
            reason = "empty file" if not (rec.text or "").strip() else "no body text after cleaning"
            if rec.text is None and not rec.has_body_column:
                reason = "no body text: no text column and an empty title"
            elif rec.text is None:
                reason = "no body text: empty text cell"
            skips.append(_report(rec.path, rec.record, rec.line, "skipped", reason))
            continue
        rows.append(row)
    return rows, skips, learned


def _first(*candidates: tuple[Any, str]) -> tuple[Any, str | None]:
    for value, where in candidates:
        if value is not None and value != "":
            return value, where
    return None, None


def _row(rec: Record, ps, learned, known, reg: Registry) -> dict[str, Any]:
    stem = rec.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    file_date, file_title = parse_filename(stem, reg=reg) if rec.record is None else (None, None)
    folder_outlet = next(
        (o for part in reversed(rec.path.split("/")[:-1]) if (o := reg.canonical(part))), None
    )
    notes = []
    title_text = normalize(rec.title) if rec.title else None
    if ps is None:  # a table without a body column: the title is the text
        page = None
        body = title_text or ""
        notes.append("no body column: title used as text")
    else:
        page = read_page(ps, site=rec.site, learned=learned, reg=reg)
        title_known = known.get("title") or rec.title or file_title
        body_ps = page.body
        if title_known and body_ps and normalize(title_known) == body_ps[0]:
            body_ps = body_ps[1:]
        body = "\n\n".join(body_ps)

    column_outlet = reg.canonical(rec.outlet) or rec.outlet if rec.outlet else None
    if rec.outlet and not reg.canonical(rec.outlet):
        notes.append(f"outlet {rec.outlet!r} is not a known alias; kept as written")
    outlet, outlet_source = _first(
        (known.get("outlet") and (reg.canonical(known["outlet"]) or known["outlet"]), "manifest"),
        (column_outlet, "column"),
        (page.outlet if page else None, "text"),
        (reg.outlet_of_site(rec.site), "url" if rec.url else "text"),
        (folder_outlet, "filename"),
    )
    title, title_source = _first(
        (known.get("title"), "manifest"),
        (title_text, "column" if rec.kind == "table" else "text"),
        (file_title, "filename"),
        (page.title if page else None, "text"),
    )
    text_date, text_date_text = None, None
    if page is not None:
        if page.page_date:
            text_date, text_date_text = page.page_date, page.page_date_text
        elif page.dateline_date and page.dateline_date.complete():
            text_date, text_date_text = page.dateline_date.complete(), page.dateline_date.text
    doc_url = known.get("url") or rec.url
    return {
        "path": rec.path,
        "record": rec.record,
        "_line": rec.line,
        "_key": doc_url or (f"{rec.path}#{rec.record}" if rec.record is not None else rec.path),
        "outlet": outlet,
        "outlet_source": outlet_source,
        "site": known.get("site") or rec.site,
        "url": doc_url,
        "_manifest_date": known.get("published"),
        "_column_date": rec.date,
        "_text_date": text_date,
        "_text_date_text": text_date_text,
        "_file_date": file_date,
        "_dateline_partial": page.dateline_date if page else None,
        "_weekday": weekday_mentioned(" ".join(page.body[:2]))
        if page and page.dateline_date and page.dateline_date.year is None
        else None,
        "title": title,
        "title_source": title_source,
        "dateline": page.dateline if page else None,
        "text": body,
        "raw_text": rec.text if rec.text is not None else rec.title,
        "meta": json.dumps(rec.meta, ensure_ascii=False, default=str, sort_keys=True)
        if rec.meta
        else None,
        "_notes": notes,
    }


def _resolve_dates(rows: list[dict[str, Any]], column_dates: list[dt.date | None], year_range):
    known_years = [
        d.year
        for r, c in zip(rows, column_dates, strict=True)
        for d in (r["_manifest_date"], c, r["_text_date"], r["_file_date"])
        if d is not None
    ]
    if year_range is None and known_years:
        year_range = (min(known_years) - 1, max(known_years) + 1)
    out = []
    for r, col in zip(rows, column_dates, strict=True):
        partial = r["_dateline_partial"]
        candidates = [
            (r["_manifest_date"], "manifest", str(r["_manifest_date"] or "")),
            (col, "column", r["_column_date"]),
            (r["_text_date"], "text", r["_text_date_text"]),
            (r["_file_date"], "filename", r["path"].rsplit("/", 1)[-1]),
        ]
        if partial is not None and partial.year is None and r["_weekday"] and year_range:
            inferred = year_from_weekday(partial.month, partial.day, r["_weekday"], year_range)
            candidates.append((inferred, "inferred", partial.text))
        published, source = next(((d, s) for d, s, _ in candidates if d is not None), (None, None))
        # date_text is the date as the document wrote it, whichever source fixed ``published``.
        written = next(
            (w for d, s, w in candidates[1:] if w and (d is not None or s == "column")),
            partial.text
            if partial
            else (str(r["_manifest_date"]) if r["_manifest_date"] else None),
        )
        if published is None and r["_column_date"]:
            r["_notes"].append(f"date {r['_column_date']!r} not understood; kept in date_text")
        elif published is None and partial is not None:
            r["_notes"].append("dateline has no year and no evidence fixes one")
        if partial is not None and published is not None and not _near(published, partial):
            r["_notes"].append(f"dateline {partial.text!r} disagrees with the date {published}")
        out.append((published, source, written))
    return out


def _near(published: dt.date, partial, days: int = 3) -> bool:
    """Whether a yearless dateline's month and day fall within ``days`` of a full date."""
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if abs((dt.date(year, partial.month, partial.day) - published).days) <= days:
                return True
        except ValueError:
            continue
    return False


def _doc_id(key: str) -> str:
    if "://" in key or key.startswith("www."):
        key = key.split("://", 1)[-1].removeprefix("www.").rstrip("/").lower()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_EN_FUNCTION_WORDS = (
    r"(?i)\b(?:the|a|an|and|or|of|to|in|on|at|by|for|with|from|as|is|are|was|were|be|has|have|"
    r"will|says|said|after|over|not|that|this|its|it|his|her|their|new)\b"
)


def _word_count(text: pl.Expr) -> pl.Expr:
    return text.str.count_matches(r"\w+(?:[’'\-]\w+)*").cast(pl.Int64)


def _lang_expr(text: pl.Expr) -> pl.Expr:
    """Script-level language: ru/uk/be by Cyrillic letters, zh by Han, en by function words."""
    text = text.str.slice(0, 2000)  # the opening says which language; counting all is waste
    n_words = _word_count(text)
    cyr = text.str.count_matches(r"\p{Cyrillic}")
    han = text.str.count_matches(r"\p{Han}")
    lat = text.str.count_matches(r"[A-Za-z]")
    en = text.str.count_matches(_EN_FUNCTION_WORDS)
    return (
        pl.when((cyr > lat) & (cyr >= han))
        .then(
            pl.when(text.str.contains(r"[іїєґІЇЄҐ]"))
            .then(pl.lit("uk"))
            .when(text.str.contains(r"[ўЎ]"))
            .then(pl.lit("be"))
            .otherwise(pl.lit("ru"))
        )
        .when(han > lat)
        .then(pl.lit("zh"))
        .when((lat > 0) & (en >= 1) & (en >= 0.05 * n_words))
        .then(pl.lit("en"))
        .otherwise(pl.lit("und"))
    )


def _finish(rows: list[dict[str, Any]], reg: Registry, year_range) -> pl.DataFrame:
    if not rows:
        return pl.DataFrame(
            schema={
                **CORPUS_SCHEMA,
                "_line": pl.Int64,
                "_note": pl.String,
                "_manifest_key": pl.String,
            }
        )
    column_dates = (
        pl.DataFrame({"d": [r["_column_date"] for r in rows]}, schema={"d": pl.String})
        .select(parse_date_column(pl.col("d"), reg=reg))
        .to_series()
        .to_list()
    )
    resolved = _resolve_dates(rows, column_dates, year_range)
    frame = pl.DataFrame(
        {
            "path": [r["path"] for r in rows],
            "record": [r["record"] for r in rows],
            "_line": [r["_line"] for r in rows],
            "doc_id": [_doc_id(r["_key"]) for r in rows],
            "outlet": [r["outlet"] for r in rows],
            "outlet_source": [r["outlet_source"] for r in rows],
            "site": [r["site"] for r in rows],
            "url": [r["url"] for r in rows],
            "published": [p for p, _, _ in resolved],
            "published_source": [s for _, s, _ in resolved],
            "date_text": [w for _, _, w in resolved],
            "title": [r["title"] for r in rows],
            "title_source": [r["title_source"] for r in rows],
            "dateline": [r["dateline"] for r in rows],
            "text": [r["text"] for r in rows],
            "raw_text": [r["raw_text"] for r in rows],
            "meta": [r["meta"] for r in rows],
            "_note": ["; ".join(r["_notes"]) or None for r in rows],
            "_manifest_key": [r["_manifest_key"] for r in rows],
        },
        schema_overrides={"published": pl.Date, "record": pl.Int64, "_line": pl.Int64},
    )
    return frame.with_columns(
        _word_count(pl.col("text")).alias("n_words"), _lang_expr(pl.col("text")).alias("lang")
    )


def _drop_duplicate_ids(corpus: pl.DataFrame) -> tuple[pl.DataFrame, list[tuple]]:
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
    marked = corpus.with_row_index("_i").join(first, on="doc_id", how="left", suffix="_first")
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
