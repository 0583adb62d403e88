"""Table columns to fields: which column holds the title, text, date, outlet and url.

A table's columns are matched to fields by their usual names (``COLUMN_ALIASES``) or by the
caller's ``columns=``; without a body column, a summary column is the text (``SUMMARY_ALIASES``).
The other columns are kept as JSON in ``meta``. The readers of :mod:`toolkit.tables` hand their
rows here as a frame (:func:`table_of_frame`) or as records (:func:`table_of_records`).

Example:
    >>> check_columns({"text": "story"})
    {'text': 'story'}
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from toolkit.errors import InputError
from toolkit.records import Skip, Table, meta_json, text_value

__all__ = [
    "COLUMN_ALIASES",
    "FIELDS",
    "SUMMARY_ALIASES",
    "check_columns",
    "table_of_frame",
    "table_of_records",
]

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


# Columns read as the text when a table has no body column (RSS items, abstracts, metadata
# exports): the report notes it on every row.
SUMMARY_ALIASES: tuple[str, ...] = ("summary", "description", "lead", "abstract", "excerpt")

FIELDS = tuple(COLUMN_ALIASES)

# The reason a table with a header (or an empty list) and no record under it is skipped.
NO_RECORDS = "no records in the table (a header or an empty list only)"


def check_columns(columns: dict[str, str] | None, where: str = "columns") -> dict[str, str]:
    """A ``columns`` mapping (field -> column name), checked: every key is a field.

    Raises:
        InputError: a key is not one of the fields, or a value is not a column name.
    """
    columns = dict(columns or {})
    unknown = sorted(str(k) for k in set(columns) - set(FIELDS))
    if unknown:
        raise InputError(
            f"{where}: unknown field {', '.join(map(repr, unknown))}; the fields are "
            f"{', '.join(FIELDS)} (map a field to your column, e.g. {{'text': 'story'}})"
        )
    bad = [k for k, v in columns.items() if not isinstance(v, str) or not v]
    if bad:
        raise InputError(f"{where}: give each of {bad} a column name")
    return columns


def _pick(
    rel: str, columns: list[str], overrides: dict[str, str]
) -> tuple[dict[str, tuple[str, ...]], str | None]:
    """For each field, the table's columns that may hold it, most preferred first (every
    column whose name matches an alias in any case: ``Title,TEXT,text`` gives both text
    columns); and the summary column read as the text when there is no body column."""
    by_lower: dict[str, list[str]] = {}
    for c in columns:
        by_lower.setdefault(c.lower().strip(), []).append(c)
    picked: dict[str, tuple[str, ...]] = {}
    for key, aliases in COLUMN_ALIASES.items():
        if key in overrides:
            if overrides[key] not in columns:
                raise InputError(
                    f"column {overrides[key]!r} given for {key} is not in the table; "
                    f"its columns are {columns}; name one of them in columns=",
                    path=rel,
                )
            picked[key] = (overrides[key],)
        else:
            picked[key] = tuple(c for a in aliases for c in by_lower.get(a, []))
    summary = None
    if not picked["text"]:
        summary = next((c for a in SUMMARY_ALIASES for c in by_lower.get(a, [])), None)
        if summary is not None:
            picked["text"] = (summary,)
    return picked, summary


def _no_text_column(rel: str, columns: list[str]) -> Skip:
    return Skip(
        rel, f"no text or title column among {columns}; name one with columns={{'text': ...}}"
    )


def _as_text(name: str, dtype: pl.DataType) -> pl.Expr:
    """A column as stripped text, null when empty (as ``text_value`` does for one value)."""
    col = pl.col(name)
    if dtype == pl.Null:
        return pl.lit(None, pl.String)
    if isinstance(dtype, pl.List | pl.Array):
        while isinstance(dtype, pl.List | pl.Array):  # lists of lists: their items, in order
            if isinstance(dtype, pl.Array):
                col = col.arr.to_list()
            dtype = dtype.inner
            if isinstance(dtype, pl.List | pl.Array):
                col = col.list.eval(pl.element().explode()).list.drop_nulls()
        parts = col.list.eval(pl.element().cast(pl.String).str.strip_chars())
        text = parts.list.eval(pl.element().filter(pl.element() != "")).list.join("\n\n")
    elif isinstance(dtype, pl.Struct):  # {"en": "..."}: the first field with text
        fields = [_as_text_struct_field(col, f) for f in dtype.fields]
        text = pl.coalesce(fields) if fields else pl.lit(None, pl.String)
    elif dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        text = col.dt.to_string("%Y-%m-%d %H:%M:%S")
    elif dtype == pl.Date:
        text = col.dt.to_string("%Y-%m-%d")
    else:
        text = col.cast(pl.String).str.strip_chars()
    return pl.when(text != "").then(text)


def _as_text_struct_field(col: pl.Expr, f: pl.Field) -> pl.Expr:
    if f.dtype == pl.String:
        value = col.struct.field(f.name).str.strip_chars()
        return pl.when(value != "").then(value)
    return pl.lit(None, pl.String)


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


def table_of_frame(rel: str, frame: pl.DataFrame, options) -> Table | Skip:
    """A table frame (its own columns, plus ``_record`` and ``_line``) to a :class:`Table`."""
    if frame.height == 0:  # a header with nothing under it: reported, never lost
        return Skip(rel, NO_RECORDS)
    columns = [c for c in frame.columns if c not in ("_record", "_line")]
    picked, summary = _pick(rel, columns, options.get("columns") or {})
    if not picked["text"] and not picked["title"]:
        return _no_text_column(rel, columns)
    used = {c for cols in picked.values() for c in cols}
    others = [c for c in columns if c not in used]
    # polars cannot write binary values as JSON (it panics): say which column, and what to do.
    binary = [c for c in others if _holds_binary(frame.schema[c])]
    if binary:
        raise InputError(
            f"columns {binary} hold binary data, which cannot be kept as metadata; "
            "drop them from the table or convert them to text",
            path=rel,
        )
    fields = [
        (pl.coalesce([_as_text(c, frame.schema[c]) for c in cols]) if cols else pl.lit(None))
        .cast(pl.String)
        .alias(key)
        for key, cols in picked.items()
    ]
    try:
        out = frame.select(
            pl.col("_record").cast(pl.Int64).alias("record"),
            pl.col("_line").cast(pl.Int64).alias("line"),
            *fields,
            _meta_json(frame, others).alias("meta"),
        )
    except pl.exceptions.PolarsError as e:
        read = {c: str(frame.schema[c]) for c in sorted(used)}
        raise InputError(
            f"the columns read as fields ({read}) cannot all be read as text "
            f"({str(e).splitlines()[0]}); convert them to text, or name others with columns=",
            path=rel,
        ) from e
    return Table(rel, out, has_body_column=bool(picked["text"]), text_from=summary)


def _holds_binary(dtype: pl.DataType) -> bool:
    """Whether a column's values are or contain binary data (or Python objects)."""
    if dtype in (pl.Binary, pl.Object):
        return True
    if isinstance(dtype, pl.List | pl.Array):
        return _holds_binary(dtype.inner)
    if isinstance(dtype, pl.Struct):
        return any(_holds_binary(f.dtype) for f in dtype.fields)
    return False


def table_of_records(
    rel: str, rows: list[tuple[int, int | None, dict[str, Any]]], columns: list[str], options
) -> Table | Skip:
    """Records of differing shapes (JSON) to a :class:`Table`, one record at a time."""
    if not rows:  # [] or no object: reported, never lost
        return Skip(rel, NO_RECORDS)
    picked, summary = _pick(rel, columns, options.get("columns") or {})
    if not picked["text"] and not picked["title"]:
        return _no_text_column(rel, columns)
    used = {c for cols in picked.values() for c in cols}

    def first(row: dict[str, Any], key: str) -> str | None:
        # Records may name a field differently: take the first that has a value.
        return next((v for c in picked[key] if (v := text_value(row.get(c))) is not None), None)

    data: dict[str, list] = {"record": [], "line": [], **{k: [] for k in picked}, "meta": []}
    for index, line, row in rows:
        data["record"].append(index)
        data["line"].append(line)
        for key in picked:
            data[key].append(first(row, key))
        data["meta"].append(
            meta_json({k: v for k, v in row.items() if k not in used and v not in (None, "")})
        )
    schema = {k: pl.String for k in data} | {"record": pl.Int64, "line": pl.Int64}
    try:
        frame = pl.DataFrame(data, schema=schema)
    except UnicodeEncodeError:  # a lone surrogate escape ("\ud800") is no character
        strings = [k for k, dtype in schema.items() if dtype == pl.String]
        data |= {k: [_without_surrogates(v) for v in data[k]] for k in strings}
        frame = pl.DataFrame(data, schema=schema)
    return Table(rel, frame, has_body_column=bool(picked["text"]), text_from=summary)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: str | None) -> str | None:
    """A JSON string's lone surrogate escapes as U+FFFD, as undecodable bytes are read."""
    return value if value is None else _SURROGATE.sub("\ufffd", value)
