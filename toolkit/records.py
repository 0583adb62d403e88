"""What readers find: pages, tables and skips, and a batch of them as one frame of raw fields.

A reader yields :class:`Record` (a page: one article, fields as found), :class:`Table` (the
articles of a table file, one row each) and :class:`Skip` (a record or the whole file left out,
with a reason and the line where known). :func:`records_frame` turns what a batch of files gave
into one frame, one row per article, fields as found: nothing is cleaned yet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.decode import Decoded, decode, decode_all

__all__ = [
    "DOCS_SCHEMA",
    "Record",
    "Skip",
    "Table",
    "file_bytes",
    "file_text",
    "frame_of",
    "records_frame",
]


@dataclass
class Record:
    """One page (a text, Markdown or HTML file) as found: its text with the site's chrome, and
    what the file's own metadata says."""

    path: str
    text: str | bytes  # bytes: a plain-text page not yet decoded (see records_frame)
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None  # None while ``text`` is bytes
    note: str | None = None  # what the reader says of a field (a date left out)
    record: int | None = None  # its place among a file's records (a WARC's), None for a page file


@dataclass
class Table:
    """The articles of one table file, one row each: ``record, line, text, title, date, outlet,
    site, url, meta, note`` (strings, null where empty; ``meta`` is the other columns as JSON,
    ``note`` says which fields were read from an object's key, see :mod:`toolkit.columns`)."""

    path: str
    frame: pl.DataFrame
    has_body_column: bool = True
    encoding: str = "utf-8"  # tables polars reads itself are UTF-8
    text_from: str | None = None  # a summary column read as the text: the table has no body
    file_note: str | None = None  # said of every row (a delimiter found from the file)


@dataclass
class Skip:
    """A file, or a record of one, left out, and why; ``encoding`` once the file was decoded."""

    path: str
    reason: str
    record: int | None = None
    line: int | None = None
    encoding: str | None = None


def file_bytes(path: str | Path, rel: str) -> bytes | Skip:
    """A file's bytes, or the Skip of an empty file."""
    with open(path, "rb") as f:
        data = f.read()
    return Skip(rel, "empty file") if not data or data.isspace() else data


def file_text(path: str | Path, rel: str, kind: str, data: bytes | None = None) -> Decoded | Skip:
    """A file's decoded text and its encoding, or the Skip that says why there is none."""
    data = file_bytes(path, rel) if data is None else data
    if isinstance(data, Skip):
        return data
    decoded = decode(data)
    if decoded.text is None:
        return Skip(rel, decoded.reason or f"{decoded.encoding} file: not {kind}")
    return decoded


def text_value(value: Any) -> str | None:
    """A field's value as stripped text, None when empty: a list's items (lists of lists too)
    as paragraphs, but the runs of rich text (Telegram Desktop's export) joined inline; an
    object's ``text``, else its ``name`` (NewsAPI's ``source``), else its first text value
    (``{"en": "..."}``, WordPress's ``{"rendered": "..."}``), never the object's printed form.

    Example:
        >>> text_value({"rendered": "Talks in Minsk", "protected": False})
        'Talks in Minsk'
        >>> text_value([["One."], "Two."]).split()
        ['One.', 'Two.']
        >>> text_value([{"type": "bold", "text": "Talks"}, " in Minsk"])
        'Talks in Minsk'
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        if isinstance(value.get("text"), str):  # a text entity ({"type": "bold", "text": ...})
            return value["text"].strip() or None
        if isinstance(value.get("name"), str) and value["name"].strip():  # NewsAPI's source
            return value["name"].strip()  # {"id": "xinhua-net", "name": "Xinhua Net"}
        return next((t for v in value.values() if (t := text_value(v)) is not None), None)
    if isinstance(value, list):
        if any(_is_entity(v) for v in value):  # rich text: its runs, inline
            runs = (v["text"] if _is_entity(v) else v for v in value)
            return "".join(r for r in runs if isinstance(r, str)).strip() or None
        parts = [t for v in value if (t := text_value(v)) is not None]
        return "\n\n".join(parts) or None
    value = str(value).strip()
    return value or None


def _is_entity(value: Any) -> bool:
    """Whether a list item is a run of rich text as Telegram Desktop's export writes one
    (``{"type": "bold", "text": "..."}`` beside plain strings): a message's ``text`` is such a
    list when it holds formatting or links, and its runs join inline, not as paragraphs."""
    return isinstance(value, dict) and isinstance(value.get("text"), str) and "type" in value


def meta_json(meta: dict[str, Any]) -> str | None:
    """Other fields as one compact JSON object, keys sorted; None when there are none."""
    if not meta:
        return None
    return json.dumps(meta, ensure_ascii=False, default=str, sort_keys=True, separators=(",", ":"))


DOCS_SCHEMA: dict[str, pl.DataType] = {
    "path": pl.String,
    "record": pl.Int64,
    "_line": pl.Int64,
    "page": pl.Boolean,
    "raw": pl.String,
    "title_raw": pl.String,
    "date_raw": pl.String,
    "outlet_raw": pl.String,
    "site_raw": pl.String,  # a table's site or channel column: an outlet only if the tables know it
    "url": pl.String,
    "meta": pl.String,
    "has_body": pl.Boolean,
    "_encoding": pl.String,
    "_text_from": pl.String,
    "_table_note": pl.String,
    "_unread": pl.String,  # why a page's bytes gave no text (they decode to mostly symbols)
    "_fields_note": pl.String,  # a table row's fields read from an object's key; a page's reader's
}


def records_frame(pages: Sequence[Record], tables: Sequence[Table]) -> pl.DataFrame:
    """Pages and table rows as one frame of fields as found (``DOCS_SCHEMA``), one row per
    article: the pages first, then the tables' rows, each in the order given."""
    texts, encodings, unread = _page_texts(pages)
    columns = {
        "path": [r.path for r in pages],
        "record": [r.record for r in pages],
        "_line": [None] * len(pages),
        "page": [True] * len(pages),
        "raw": texts,
        "title_raw": [r.title for r in pages],
        "date_raw": [r.date for r in pages],
        "outlet_raw": [r.outlet for r in pages],
        "site_raw": [None] * len(pages),
        "url": [r.url for r in pages],
        "meta": [meta_json(r.meta) for r in pages],
        "has_body": [True] * len(pages),
        "_encoding": encodings,
        "_text_from": [None] * len(pages),
        "_table_note": [None] * len(pages),
        "_unread": unread,
        "_fields_note": [r.note for r in pages],
    }
    frames = [frame_of([pl.Series(c, columns[c], dtype=t) for c, t in DOCS_SCHEMA.items()])]
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
            pl.col("site").alias("site_raw"),
            "url",
            "meta",
            pl.lit(t.has_body_column).alias("has_body"),
            pl.lit(t.encoding).alias("_encoding"),
            pl.lit(t.text_from, pl.String).alias("_text_from"),
            pl.lit(t.file_note, pl.String).alias("_table_note"),
            pl.lit(None, pl.String).alias("_unread"),
            pl.col("note").alias("_fields_note"),
        ).cast(DOCS_SCHEMA)
        for t in tables
    ]
    return pl.concat(frames) if len(frames) > 1 else frames[0]


def frame_of(columns: Sequence[pl.Series]) -> pl.DataFrame:
    """A frame of ``columns``, a big value not copied: polars copies the value of each one-row
    column made into a frame (a giant page's text once, and again in each operation on the
    frame), not of columns stacked onto empty ones (one at a time: one value copied at once).
    """
    if not columns or columns[0].len() != 1:
        return pl.DataFrame(columns)
    return pl.concat(
        [pl.DataFrame(schema={c.name: c.dtype}).vstack(c.to_frame()) for c in columns],
        how="horizontal",
    )


def _page_texts(pages: Sequence[Record]) -> tuple[pl.Series, pl.Series, pl.Series]:
    """The pages' texts, encodings and why a text is null; those read as bytes are decoded
    together (see :func:`toolkit.decode.decode_all`)."""
    texts = pl.Series(
        [None if isinstance(r.text, bytes) else r.text for r in pages], dtype=pl.String
    )
    encodings = pl.Series([r.encoding for r in pages], dtype=pl.String)
    unread = pl.repeat(None, len(pages), dtype=pl.String, eager=True)
    where = [i for i, r in enumerate(pages) if isinstance(r.text, bytes)]
    if not where:
        return texts, encodings, unread
    data = [pages[i].text for i in where]
    for i in where:  # the bytes go once decoded: a big page's are as big as its text
        pages[i].text = ""
    decoded, found, why = decode_all(data)
    del data
    if len(where) == len(pages):  # all read as bytes: no copy into a column of nulls
        return decoded, found, why
    return (
        texts.scatter(where, decoded),
        encodings.scatter(where, found),
        unread.scatter(where, why),
    )
