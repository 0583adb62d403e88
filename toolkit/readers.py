"""File readers: each turns one input file into raw records and accounts for what it skipped.

A reader yields :class:`Record` (a page: one article, fields as found), :class:`Table` (the
articles of a table file, one row each) and :class:`Skip` (a record or the whole file left out,
with a reason and the line where known); see :mod:`toolkit.records`. Pages (text, Markdown,
HTML) are read here, tables in :mod:`toolkit.tables`. Readers do no cleaning.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.decode import looks_binary
from toolkit.errors import InputError
from toolkit.records import Record, Skip, Table, file_bytes, file_text, text_value
from toolkit.tables import (
    COLUMN_ALIASES,
    read_delimited,
    read_json,
    read_jsonl,
    read_parquet,
)

__all__ = ["COLUMN_ALIASES", "READERS", "Record", "Skip", "Table", "read_file", "suffix"]


# ---------------------------------------------------------------- text and markdown


def _read_text(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    text = file_text(path, rel, "text")
    yield text if isinstance(text, Skip) else Record(rel, text.text, encoding=text.encoding)


def _read_plain(path: str | Path, rel: str) -> Iterator[Record | Skip]:
    """A plain-text page. Its bytes are kept when they may be UTF-8: the loader decodes all
    pages' bytes at once (see :func:`toolkit.records.records_frame`), and any that are not, one
    by one."""
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
    elif looks_binary(data) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = file_text(path, rel, "text", data)
        yield text if isinstance(text, Skip) else Record(rel, text.text, encoding=text.encoding)
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
                item.title = text_value(meta.get("title"))
                item.date = text_value(meta.get("date"))
                item.url = text_value(meta.get("url"))
                item.outlet = text_value(meta.get("outlet") or meta.get("source"))
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


READERS = {  # by extension: a reader of (path, rel, options)
    ".txt": lambda p, r, o: _read_plain(p, r),
    ".text": lambda p, r, o: _read_plain(p, r),
    ".md": lambda p, r, o: _read_markdown(p, r),
    ".markdown": lambda p, r, o: _read_markdown(p, r),
    ".html": lambda p, r, o: _read_html(p, r),
    ".htm": lambda p, r, o: _read_html(p, r),
    ".csv": lambda p, r, o: read_delimited(p, r, o, ","),
    ".tsv": lambda p, r, o: read_delimited(p, r, o, "\t"),
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".parquet": read_parquet,
}


def suffix(name: str | Path) -> str:
    """A file name's extension as ``pathlib`` gives it ("" for "notes." and ".hidden")."""
    ext = os.path.splitext(name)[1]
    return "" if ext == "." else ext


def read_file(
    path: str | Path, rel: str, options: dict[str, Any]
) -> Iterator[Record | Table | Skip]:
    """Records (pages), tables and skips of one file; the extension picks the reader.

    Raises:
        InputError: the file is of an unsupported type, or holds columns polars cannot read
            as text (the message names the file and says what to change).
    """
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
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException) as e:
        # Whatever a reader did not foresee in a table still names the file it came from.
        raise InputError(
            f"polars cannot read this file ({type(e).__name__}: {str(e).splitlines()[0]}); "
            "check that it is a well-formed table of text columns",
            path=rel,
        ) from e
