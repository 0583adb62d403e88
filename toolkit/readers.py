"""File readers: each turns one input file into raw records and accounts for what it skipped.

A reader yields :class:`Record` (one article, fields as found) and :class:`Skip` (a record or the
whole file left out, with a reason and the line where known). Readers do no cleaning.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.clean import decode
from toolkit.errors import InputError

__all__ = ["COLUMN_ALIASES", "READERS", "Record", "Skip", "read_file"]

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
    """One article as found in a file."""

    path: str
    record: int | None  # index within a table; None for one-article files
    line: int | None
    kind: str  # "page" (text/html with chrome) or "table"
    text: str | None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    site: str | None = None  # set by the loader: from the URL, else from the page's cues
    meta: dict[str, Any] = field(default_factory=dict)
    has_body_column: bool = True


@dataclass
class Skip:
    path: str
    reason: str
    record: int | None = None
    line: int | None = None


# ---------------------------------------------------------------- text and markdown


def _file_text(path: Path, rel: str, kind: str) -> str | Skip:
    """A file's decoded text, or the Skip that says why there is none."""
    data = path.read_bytes()
    if not data.strip():
        return Skip(rel, "empty file")
    decoded = decode(data)
    if decoded.text is None:
        return Skip(rel, f"{decoded.encoding} file: not {kind}")
    return decoded.text


def _read_text(path: Path, rel: str) -> Iterator[Record | Skip]:
    text = _file_text(path, rel, "text")
    yield text if isinstance(text, Skip) else Record(rel, None, None, "page", text)


_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _read_markdown(path: Path, rel: str) -> Iterator[Record | Skip]:
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


def _read_html(path: Path, rel: str) -> Iterator[Record | Skip]:
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


def _table_records(
    rel: str, rows: Iterator[tuple[int, int | None, dict[str, Any]]], columns: list[str], options
) -> Iterator[Record | Skip]:
    picked = _pick(columns, options.get("columns") or {})
    used = {c for cols in picked.values() for c in cols}
    if not picked["text"] and not picked["title"]:
        yield Skip(
            rel,
            f"no text or title column among {columns}; name one with columns={{'text': ...}}",
        )
        return
    has_body = bool(picked["text"])

    def first(row: dict[str, Any], key: str) -> str | None:
        # Records may name a field differently (JSON lines): take the first that has a value.
        return next((v for c in picked[key] if (v := _str(row.get(c))) is not None), None)

    for index, line, row in rows:
        yield Record(
            path=rel,
            record=index,
            line=line,
            kind="table",
            text=first(row, "text") if has_body else None,
            title=first(row, "title"),
            date=first(row, "date"),
            outlet=first(row, "outlet"),
            url=first(row, "url"),
            meta={k: v for k, v in row.items() if k not in used and v not in (None, "")},
            has_body_column=has_body,
        )


def _read_delimited(path: Path, rel: str, options, delimiter: str) -> Iterator[Record | Skip]:
    text = _file_text(path, rel, "a table")
    if isinstance(text, Skip):
        yield text
        return
    csv.field_size_limit(1 << 30)
    lines = _CountedLines(text)
    try:
        header = [h.strip() for h in next(csv.reader(lines, delimiter=delimiter))]
    except (StopIteration, csv.Error) as e:
        yield Skip(rel, f"no header row: {e}", line=1)
        return
    skips: list[Skip] = []

    def rows() -> Iterator[tuple[int, int, dict[str, Any]]]:
        index = 0
        while True:  # a fresh reader after a csv.Error resumes at the next physical line
            reader = csv.reader(lines, delimiter=delimiter, strict=True)
            while True:
                before = lines.count
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as e:
                    skips.append(
                        Skip(rel, f"malformed row: {e}; fix the quoting", index, before + 1)
                    )
                    index += 1
                    break
                if not row or row == [""]:
                    continue
                start, end = before + 1, lines.count
                if len(row) != len(header):
                    joined = (
                        f" (an unclosed quote joined lines {start}-{end})" if end > start else ""
                    )
                    reason = f"malformed row: {len(row)} fields, header has {len(header)}{joined}"
                    skips.append(Skip(rel, reason, index, start))
                else:
                    yield index, start, dict(zip(header, row, strict=True))
                index += 1

    yield from _table_records(rel, rows(), header, options)
    yield from skips


class _CountedLines:
    """Physical lines of a text, counting how many were read."""

    def __init__(self, text: str):
        self._lines = iter(io.StringIO(text, newline=""))
        self.count = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        return line


def _read_jsonl(path: Path, rel: str, options) -> Iterator[Record | Skip]:
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
    yield from _table_records(rel, iter(parsed), list(columns), options)
    yield from skips


def _read_json(path: Path, rel: str, options) -> Iterator[Record | Skip]:
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
    yield from _table_records(rel, iter(parsed), list(columns), options)
    yield from skips


def _read_parquet(path: Path, rel: str, options) -> Iterator[Record | Skip]:
    try:
        frame = pl.read_parquet(path)
    except Exception as e:  # polars raises several kinds for a bad file
        yield Skip(rel, f"unreadable parquet: {e}")
        return
    rows = ((i, None, row) for i, row in enumerate(frame.iter_rows(named=True)))
    yield from _table_records(rel, rows, frame.columns, options)


READERS = {
    ".txt": lambda p, r, o: _read_text(p, r),
    ".text": lambda p, r, o: _read_text(p, r),
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


def read_file(path: Path, rel: str, options: dict[str, Any]) -> Iterator[Record | Skip]:
    """Records and skips of one file; the extension picks the reader."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"unsupported file type {path.suffix!r}; supported: {', '.join(sorted(READERS))}",
            path=rel,
        )
    try:
        yield from reader(path, rel, options)
    except OSError as e:
        yield Skip(rel, f"cannot read file: {e.strerror or e}")
