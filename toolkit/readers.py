"""File readers: each turns one input file into raw records and accounts for what it skipped.

A reader yields :class:`Record` (a page: one article, fields as found), :class:`Table` (the
articles of a table file, one row each) and :class:`Skip` (a record or the whole file left out,
with a reason and the line where known). Readers do no cleaning.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.clean import decode, looks_binary
from toolkit.errors import InputError

__all__ = ["COLUMN_ALIASES", "READERS", "Record", "Skip", "Table", "read_file", "suffix"]

# Usual column names of scraped tables, per field, in order of preference (lower case).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "head"),
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "article_text"),
    "date": (
        "date",
        "published",
        "raw_date",
        "published_at",
        "publication_date",
        "pubdate",
        "datetime",
        "date_published",
        "time",
        "timestamp",
    ),
    "outlet": ("outlet", "source", "agency", "publisher", "media"),
    "url": ("url", "link", "href", "permalink", "canonical_url"),
}


@dataclass
class Record:
    """One page (a text, Markdown or HTML file) as found: its text with the site's chrome, and
    what the file's own metadata says."""

    path: str
    text: str | bytes  # bytes: a plain-text page not yet decoded (see _read_plain)
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Table:
    """The articles of one table file, one row each: ``record, line, text, title, date, outlet,
    url, meta`` (strings, null where empty; ``meta`` is the other columns as JSON)."""

    path: str
    frame: pl.DataFrame
    has_body_column: bool = True


@dataclass
class Skip:
    path: str
    reason: str
    record: int | None = None
    line: int | None = None


# ---------------------------------------------------------------- text and markdown


def _file_bytes(path: str | Path, rel: str) -> bytes | Skip:
    with open(path, "rb") as f:
        data = f.read()
    return Skip(rel, "empty file") if not data or data.isspace() else data


def _file_text(path: str | Path, rel: str, kind: str, data: bytes | None = None) -> str | Skip:
    """A file's decoded text, or the Skip that says why there is none."""
    data = _file_bytes(path, rel) if data is None else data
    if isinstance(data, Skip):
        return data
    decoded = decode(data)
    if decoded.text is None:
        return Skip(rel, f"{decoded.encoding} file: not {kind}")
    return decoded.text


def _read_text(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    text = _file_text(path, rel, "text")
    yield text if isinstance(text, Skip) else Record(rel, text)


def _read_plain(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    """A plain-text page. Its bytes are kept when they may be UTF-8: the loader decodes all
    pages' bytes at once (see :func:`toolkit.load.ingest`), and any that are not, one by one."""
    data = _file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
    elif looks_binary(data) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _file_text(path, rel, "text", data)
        yield text if isinstance(text, Skip) else Record(rel, text)
    else:
        yield Record(rel, data)


_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _read_markdown(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    for item in _read_text(path, rel):
        if isinstance(item, Record) and item.text:
            text = item.text.replace("\r\n", "\n")
            front = _MD_FRONT.match(text)
            if front:
                try:
                    meta = yaml_safe(front.group(1))
                except ValueError:
                    meta = {}
                text = text[front.end() :]
                item.title = _str(meta.get("title"))
                item.date = _str(meta.get("date"))
                item.url = _str(meta.get("url"))
                item.outlet = _str(meta.get("outlet") or meta.get("source"))
            text = _MD_LINK.sub(r"\1", text)
            text = _MD_EMPHASIS.sub(r"\2", text)
            item.text = _MD_HEADING.sub("", text)
        yield item


def yaml_safe(text: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ValueError(str(e)) from e
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = (
    "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd, div, section, "
    "article, header, footer, aside, nav, tr, br, hr"
)
_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
]


def _meta(tree, *names: str) -> str | None:
    for name in names:
        node = tree.css_first(f'meta[property="{name}"]') or tree.css_first(f'meta[name="{name}"]')
        if node is not None and node.attributes.get("content"):
            return node.attributes["content"].strip()
    return None


def _read_html(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    from selectolax.lexbor import LexborHTMLParser

    for item in _read_text(path, rel):
        if isinstance(item, Skip):
            yield item
            continue
        tree = LexborHTMLParser(item.text)
        title = _meta(tree, "og:title", "twitter:title")
        if title is None:
            h1 = tree.css_first("h1")
            node = h1 or tree.css_first("title")
            title = node.text(strip=True) if node is not None else None
        canonical = tree.css_first('link[rel="canonical"]')
        url = _meta(tree, "og:url") or (
            canonical.attributes.get("href") if canonical is not None else None
        )
        date = _meta(tree, "article:published_time", "og:published_time", "date", "pubdate")
        if date is None:
            node = tree.css_first("time[datetime]")
            date = node.attributes.get("datetime") if node is not None else None
        tree.strip_tags(_DROP_TAGS)
        root = tree.css_first("article") or tree.body or tree.root
        # One line per block element: insert breaks around blocks, then take the text.
        for node in root.css(_BLOCK_TAGS):
            node.insert_before("\n")
            node.insert_after("\n")
        text = root.text(separator="", strip=False) if root is not None else ""
        item.text = re.sub(r"[ \t]*\n[ \t\n]*", "\n", text)
        item.title, item.url, item.date = title, url, date
        item.meta = {k: v for k, v in {"site_name": _meta(tree, "og:site_name")}.items() if v}
        yield item


# ---------------------------------------------------------------- tables


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "\n\n".join(str(v).strip() for v in value if v is not None and str(v).strip())
    value = str(value).strip()
    return value or None


def _pick(columns: list[str], overrides: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """For each field, the table's columns that may hold it, most preferred first."""
    lower: dict[str, str] = {}
    for c in columns:
        lower.setdefault(c.lower().strip(), c)
    picked: dict[str, tuple[str, ...]] = {}
    for key, aliases in COLUMN_ALIASES.items():
        if key in overrides:
            if overrides[key] not in columns:
                raise InputError(
                    f"column {overrides[key]!r} given for {key} is not in the table; "
                    f"its columns are {columns}"
                )
            picked[key] = (overrides[key],)
        else:
            picked[key] = tuple(lower[a] for a in aliases if a in lower)
    return picked


def _no_text_column(rel: str, columns: list[str]) -> Skip:
    return Skip(
        rel, f"no text or title column among {columns}; name one with columns={{'text': ...}}"
    )


def _as_text(name: str, dtype: pl.DataType) -> pl.Expr:
    """A column as stripped text, null when empty (as ``_str`` does for one value)."""
    col = pl.col(name)
    if dtype == pl.Null:
        return pl.lit(None, pl.String)
    if isinstance(dtype, pl.List | pl.Array):
        parts = col.list.eval(pl.element().cast(pl.String).str.strip_chars())
        text = parts.list.eval(pl.element().filter(pl.element() != "")).list.join("\n\n")
    elif dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        text = col.dt.to_string("%Y-%m-%d %H:%M:%S")
    elif dtype == pl.Date:
        text = col.dt.to_string("%Y-%m-%d")
    else:
        text = col.cast(pl.String).str.strip_chars()
    return pl.when(text != "").then(text)


def _meta_json(frame: pl.DataFrame, names: list[str]) -> pl.Expr:
    """The named columns as one compact JSON object per row, keys sorted, empty values left out;
    null when none has a value."""
    parts = []
    for name in sorted(names):
        col = pl.col(name)
        present = col.is_not_null()
        if frame.schema[name] == pl.String:
            present = present & (col != "")
        encoded = pl.struct(col).struct.json_encode().str.slice(1).str.strip_suffix("}")
        parts.append(pl.when(present).then(encoded))
    if not parts:
        return pl.lit(None, pl.String)
    body = pl.concat_str(parts, separator=",", ignore_nulls=True)
    return pl.when(body != "").then(pl.concat_str(pl.lit("{"), body, pl.lit("}")))


def _table(rel: str, frame: pl.DataFrame, options) -> Table | Skip:
    """A table frame (its own columns, plus ``_record`` and ``_line``) to a :class:`Table`."""
    columns = [c for c in frame.columns if c not in ("_record", "_line")]
    picked = _pick(columns, options.get("columns") or {})
    if not picked["text"] and not picked["title"]:
        return _no_text_column(rel, columns)
    used = {c for cols in picked.values() for c in cols}
    fields = [
        (pl.coalesce([_as_text(c, frame.schema[c]) for c in cols]) if cols else pl.lit(None))
        .cast(pl.String)
        .alias(key)
        for key, cols in picked.items()
    ]
    out = frame.select(
        pl.col("_record").cast(pl.Int64).alias("record"),
        pl.col("_line").cast(pl.Int64).alias("line"),
        *fields,
        _meta_json(frame, [c for c in columns if c not in used]).alias("meta"),
    )
    return Table(rel, out, has_body_column=bool(picked["text"]))


def _records_table(
    rel: str, rows: list[tuple[int, int | None, dict[str, Any]]], columns: list[str], options
) -> Table | Skip:
    """Records of differing shapes (JSON) to a :class:`Table`, one record at a time."""
    picked = _pick(columns, options.get("columns") or {})
    if not picked["text"] and not picked["title"]:
        return _no_text_column(rel, columns)
    used = {c for cols in picked.values() for c in cols}

    def first(row: dict[str, Any], key: str) -> str | None:
        # Records may name a field differently: take the first that has a value.
        return next((v for c in picked[key] if (v := _str(row.get(c))) is not None), None)

    data: dict[str, list] = {"record": [], "line": [], **{k: [] for k in picked}, "meta": []}
    for index, line, row in rows:
        data["record"].append(index)
        data["line"].append(line)
        for key in picked:
            data[key].append(first(row, key))
        meta = {k: v for k, v in row.items() if k not in used and v not in (None, "")}
        data["meta"].append(
            json.dumps(meta, ensure_ascii=False, default=str, sort_keys=True, separators=(",", ":"))
            if meta
            else None
        )
    schema = {k: pl.String for k in data} | {"record": pl.Int64, "line": pl.Int64}
    return Table(rel, pl.DataFrame(data, schema=schema), has_body_column=bool(picked["text"]))


def _read_delimited(path: str | Path, rel: str, options, delimiter: str) -> Iterator[Table | Skip]:
    data = _file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
        return
    frame = None if looks_binary(data) else _read_exactly(data, delimiter)
    if frame is not None:  # well formed: every row is one record, no skips
        records, skips = range(frame.height), []
        starts = _first_lines(
            frame, 1 + sum(len(re.findall(r"\r\n|\r|\n", c)) for c in frame.columns)
        )
        frame.columns = _unique([c.strip() for c in frame.columns])
    else:
        text = _file_text(path, rel, "a table", data)
        if isinstance(text, Skip):
            yield text
            return
        csv.field_size_limit(1 << 30)
        source = io.StringIO(text, newline="")
        reader = csv.reader(source, delimiter=delimiter)
        try:
            header = [h.strip() for h in next(reader)]
        except (StopIteration, csv.Error) as e:
            yield Skip(rel, f"no header row: {e}", line=1)
            return
        rows, records, starts, skips = _rows_one_by_one(
            source, rel, delimiter, len(header), reader.line_num
        )
        frame = _string_frame(_unique(header), rows)
    frame = frame.with_columns(
        pl.Series("_record", records, dtype=pl.Int64), pl.Series("_line", starts, dtype=pl.Int64)
    )
    yield _table(rel, frame, options)
    yield from skips


def _read_exactly(data: bytes, delimiter: str) -> pl.DataFrame | None:
    """The table as polars reads it from UTF-8 ``data``, when writing it back gives ``data``
    exactly (so it is the table Python's csv module reads, fast); else None (read row by row)."""
    end = data.find(b"\n")
    newline = "\r\n" if end > 0 and data[end - 1 : end] == b"\r" else "\n"
    try:
        frame = pl.read_csv(
            io.BytesIO(data), separator=delimiter, infer_schema=False, truncate_ragged_lines=False
        )
    except Exception:  # any table polars cannot read (or not UTF-8) is read row by row
        return None
    written = io.BytesIO()
    frame.write_csv(written, separator=delimiter, line_terminator=newline)
    whole = data if data.endswith((b"\n", b"\r")) else data + newline.encode()
    return frame if written.getvalue() == whole else None


def _first_lines(frame: pl.DataFrame, header_lines: int) -> pl.Series:
    """Each row's first physical line: rows span one line plus the breaks inside their fields."""
    breaks = [pl.col(c).str.count_matches(r"\r\n|\r|\n").fill_null(0) for c in frame.columns]
    spans = frame.select((1 + pl.sum_horizontal(breaks)).cast(pl.Int64).alias("s"))["s"]
    return header_lines + 1 + spans.cum_sum() - spans


def _rows_one_by_one(source: io.StringIO, rel: str, delimiter: str, width: int, consumed: int):
    """Rows of the right width with their indices and first lines; a Skip for each other row."""
    rows: list[list[str]] = []
    records: list[int] = []
    starts: list[int] = []
    skips: list[Skip] = []
    index = 0
    while True:  # a fresh reader after a csv.Error resumes at the next physical line
        reader = csv.reader(source, delimiter=delimiter, strict=True)
        before = 0
        try:
            for row in reader:
                start, end = consumed + before + 1, consumed + reader.line_num
                before = reader.line_num
                if not row or row == [""]:
                    continue
                if len(row) == width:
                    rows.append(row)
                    records.append(index)
                    starts.append(start)
                else:
                    joined = (
                        f" (an unclosed quote joined lines {start}-{end})" if end > start else ""
                    )
                    reason = f"malformed row: {len(row)} fields, header has {width}{joined}"
                    skips.append(Skip(rel, reason, index, start))
                index += 1
            return rows, records, starts, skips
        except csv.Error as e:
            skips.append(
                Skip(rel, f"malformed row: {e}; fix the quoting", index, consumed + before + 1)
            )
            index += 1
            consumed += reader.line_num


def _string_frame(names: list[str], rows: list[list[str]]) -> pl.DataFrame:
    columns = zip(*rows, strict=True) if rows else ([] for _ in names)
    return pl.DataFrame(
        [pl.Series(n, col, dtype=pl.String) for n, col in zip(names, columns, strict=True)]
    )


def _unique(names: list[str]) -> list[str]:
    """Column names made unique (a repeated header gets ``_2``, ``_3``...)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def _read_jsonl(path: str | Path, rel: str, options) -> Iterator[Record | Skip]:
    text = _file_text(path, rel, "JSON lines")
    if isinstance(text, Skip):
        yield text
        return
    skips: list[Skip] = []
    columns: dict[str, None] = {}
    parsed: list[tuple[int, int, dict[str, Any]]] = []
    index = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            skips.append(Skip(rel, f"malformed JSON line: {e.msg}", record=index, line=line_no))
            index += 1
            continue
        if not isinstance(obj, dict):
            skips.append(
                Skip(rel, f"JSON line is a {type(obj).__name__}, not an object", index, line_no)
            )
            index += 1
            continue
        columns.update(dict.fromkeys(obj))
        parsed.append((index, line_no, obj))
        index += 1
    yield _records_table(rel, parsed, list(columns), options)
    yield from skips


def _read_json(path: str | Path, rel: str, options) -> Iterator[Record | Skip]:
    text = _file_text(path, rel, "JSON")
    if isinstance(text, Skip):
        yield text
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        yield Skip(rel, f"malformed JSON: {e.msg} (column {e.colno}); fix the file", line=e.lineno)
        return
    if isinstance(obj, dict):
        lists = [k for k, v in obj.items() if isinstance(v, list)]
        if len(lists) != 1:
            yield Skip(rel, "JSON object without exactly one list of records; expected a list")
            return
        obj = obj[lists[0]]
    if not isinstance(obj, list):
        yield Skip(rel, f"JSON holds a {type(obj).__name__}; expected a list of records")
        return
    columns: dict[str, None] = {}
    parsed, skips = [], []
    for i, item in enumerate(obj):
        if isinstance(item, dict):
            columns.update(dict.fromkeys(item))
            parsed.append((i, None, item))
        else:
            skips.append(Skip(rel, f"record is a {type(item).__name__}, not an object", record=i))
    yield _records_table(rel, parsed, list(columns), options)
    yield from skips


def _read_parquet(path: str | Path, rel: str, options) -> Iterator[Record | Skip]:
    try:
        frame = pl.read_parquet(path)
    except Exception as e:  # polars raises several kinds for a bad file
        yield Skip(rel, f"unreadable parquet: {e}")
        return
    yield _table(
        rel,
        frame.with_columns(
            pl.int_range(frame.height, dtype=pl.Int64).alias("_record"),
            pl.lit(None, pl.Int64).alias("_line"),
        ),
        options,
    )


READERS = {
    ".txt": lambda p, r, o: _read_plain(p, r),
    ".text": lambda p, r, o: _read_plain(p, r),
    ".md": lambda p, r, o: _read_markdown(p, r),
    ".markdown": lambda p, r, o: _read_markdown(p, r),
    ".html": lambda p, r, o: _read_html(p, r),
    ".htm": lambda p, r, o: _read_html(p, r),
    ".csv": lambda p, r, o: _read_delimited(p, r, o, ","),
    ".tsv": lambda p, r, o: _read_delimited(p, r, o, "\t"),
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".json": _read_json,
    ".parquet": _read_parquet,
}


def suffix(name: str | Path) -> str:
    """A file name's extension as ``pathlib`` gives it ("" for "notes." and ".hidden")."""
    ext = os.path.splitext(name)[1]
    return "" if ext == "." else ext


def read_file(
    path: str | Path, rel: str, options: dict[str, Any]
) -> Iterator[Record | Table | Skip]:
    """Records (pages), tables and skips of one file; the extension picks the reader."""
    reader = READERS.get(suffix(path).lower())
    if reader is None:
        raise InputError(
            f"unsupported file type {suffix(path)!r}; supported: {', '.join(sorted(READERS))}",
            path=rel,
        )
    try:
        yield from reader(path, rel, options)
    except OSError as e:
        yield Skip(rel, f"cannot read file: {e.strerror or e}")
