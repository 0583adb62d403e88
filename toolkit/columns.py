"""Table columns to fields: which column holds the title, text, date, outlet, site and url.

A table's columns are matched to fields by their usual names
(:mod:`toolkit.column_names`) or by the caller's ``columns=``; without a body column, a summary
column is the text (``SUMMARY_ALIASES``).
A field no column holds is looked for one level down, in an object of metadata
(``NESTED_IN``: ``{"extra": {"published": ...}}`` gives the date from ``extra.published``); the
field used is noted on the row, and so are candidates that disagree. The other columns are kept
as JSON in ``meta``. The readers of :mod:`toolkit.tables` hand their rows here as a frame
(:func:`table_of_frame`) or as records (:func:`table_of_records`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import polars as pl

from toolkit.column_names import (
    COLUMN_ALIASES,
    NESTED_IN,
    SUMMARY_ALIASES,
    URL_OR_SITE,
    name_forms,
)
from toolkit.column_parts import joined_parts
from toolkit.errors import InputError
from toolkit.records import Skip, Table, meta_json, text_value
from toolkit.table_bodies import FALLBACK, bodies
from toolkit.table_placeholders import placeholders

__all__ = ["table_of_frame", "table_of_records"]

_URL_LIKE = r"(?i)^(?:[a-z][a-z0-9+.\-]*://|www\.|[a-z0-9\-]+(?:\.[a-z0-9\-]+)+/)"


# The reason a table with a header (or an empty list) and no record under it is skipped.
NO_RECORDS = "no records in the table (a header or an empty list only)"


# A column, or an object's column and a key in it: ("title",), ("extra", "published").
Path = tuple[str, ...]


def _name(path: Path) -> str:
    return ".".join(path)


def _pick(
    rel: str,
    columns: list[str],
    overrides: dict[str, str],
    nested: dict[str, list[str]],
    joined: list[str] = (),
) -> tuple[dict[str, tuple[Path, ...]], str | None]:
    """For each field, the table's columns that may hold it, most preferred first (every
    column whose name matches an alias in any case: ``Title,TEXT,text`` gives both text
    columns; where none does, the keys of the objects in ``nested`` that do, then the texts
    ``joined`` from numbered parts, :mod:`toolkit.column_parts`); and the summary column read
    as the text when there is no body column."""
    top = _by_alias([(c,) for c in columns])
    inner = _by_alias([(c, k) for c, keys in nested.items() for k in keys])
    picked: dict[str, tuple[Path, ...]] = {}
    for key, aliases in COLUMN_ALIASES.items():
        if key in overrides:
            picked[key] = (_given(rel, key, overrides[key], columns, nested),)
        else:
            picked[key] = tuple(dict.fromkeys(p for a in aliases for p in top.get(a, []))) or tuple(
                dict.fromkeys(p for a in aliases for p in inner.get(a, []))
            )
    if not picked["text"] and joined:
        picked["text"] = ((joined[0],),)
    summary = None
    if not picked["text"]:
        summary = next((p[0] for a in SUMMARY_ALIASES for p in top.get(a, [])), None)
        if summary is not None:
            picked["text"] = ((summary,),)
    elif "text" not in overrides:  # a row whose body is empty or letterless reads its summary
        picked[FALLBACK] = tuple(dict.fromkeys(p for a in SUMMARY_ALIASES for p in top.get(a, [])))
    return picked, summary


def _settle_url_or_site(
    picked: dict[str, tuple[Path, ...]], overrides: dict[str, str], is_url: Callable[[Path], bool]
) -> dict[str, tuple[Path, ...]]:
    """``picked`` with each ``URL_OR_SITE`` column whose values are not all URLs read as the
    site instead of the URL (unless ``columns=`` names it for the URL)."""
    if "url" in overrides:
        return picked
    moved = tuple(
        p for p in picked["url"] if p[-1].lower().strip() in URL_OR_SITE and not is_url(p)
    )
    if not moved:
        return picked
    url = tuple(p for p in picked["url"] if p not in moved)
    return picked | {"url": url, "site": picked["site"] + moved}


def _by_alias(paths: list[Path]) -> dict[str, list[Path]]:
    """The paths under each name their last part matches an alias by: in any case, and as
    camelCase or dotted words apart (NewsAPI's ``publishedAt`` is ``published_at``, pandas'
    ``source.name`` is ``source_name``)."""
    found: dict[str, list[Path]] = {}
    for p in paths:
        for name in dict.fromkeys(name_forms(p[-1])):
            found.setdefault(name, []).append(p)
    return found


def _given(rel: str, key: str, name: str, columns: list[str], nested: dict[str, list[str]]) -> Path:
    """The column ``columns=`` names for a field: a column, or an object's key
    (``extra.published``)."""
    if name in columns:
        return (name,)
    outer, _, inner = name.partition(".")
    if inner in nested.get(outer, ()):
        return (outer, inner)
    raise InputError(
        f"column {name!r} given for {key} is not in the table; its columns are {columns}; "
        "name one of them in columns= (or a key of an object column, as extra.published)",
        path=rel,
    )


def _outer_names(overrides: dict[str, str]) -> set[str]:
    """The object columns ``columns=`` reaches into (``video_detail`` of
    ``video_detail.content``): read as ``extra``'s are, whatever their name."""
    return {str(v).partition(".")[0] for v in overrides.values() if "." in str(v)}


def _read_from(key: str, path: Path) -> str:
    """The note on a row whose field was read from an object's key."""
    return f"{key} read from {_name(path)}"


def _disagree(key: str, paths: tuple[Path, ...]) -> str:
    """The note on a row whose fields that may hold ``key`` hold different values."""
    return f"{key}: {', '.join(map(_name, paths))} disagree; the first with a value is used"


def _nested_fields(picked: dict[str, tuple[Path, ...]]) -> list[str]:
    """The fields read from an object's key: the row's note says which, and any disagreement."""
    return [k for k, paths in picked.items() if any(len(p) > 1 for p in paths)]


def _no_text_column(rel: str, columns: list[str]) -> Skip:
    return Skip(
        rel,
        f"no text or title column among {columns}; name the columns to read: in a parameter "
        "file, ingest: {columns: {text: ..., title: ...}}; on the command line, --column "
        "text=...; in Python, columns={'text': ...}",
    )


def _as_text(col: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """A column as stripped text, null when empty (as ``text_value`` does for one value)."""
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


def _used_columns(picked: dict[str, list]) -> set[str]:
    """The columns a table's fields were read from, which ``meta`` does not repeat; a site or
    channel column is kept in ``meta`` too, since it names an outlet only through the tables
    (trial Y: a Telegram channel the tables do not know was kept nowhere)."""
    return {
        p[0]
        for k, paths in picked.items()
        if k not in (FALLBACK, "site")
        for p in paths
        if len(p) == 1
    }


def table_of_frame(rel: str, frame: pl.DataFrame, options) -> Table | Skip:
    """A table frame (its own columns, plus ``_record`` and ``_line``) to a :class:`Table`."""
    if frame.height == 0:  # a header with nothing under it: reported, never lost
        return Skip(rel, NO_RECORDS)
    frame, joined, joined_note = joined_parts(frame)
    columns = [c for c in frame.columns if c not in ("_record", "_line")]
    overrides = options.get("columns") or {}
    named = _outer_names(overrides)
    nested = {
        c: [f.name for f in frame.schema[c].fields]
        for c in columns
        if (c.lower().strip() in NESTED_IN or c in named) and isinstance(frame.schema[c], pl.Struct)
    }
    picked, summary = _pick(rel, columns, overrides, nested, joined)
    if not picked["text"] and not picked["title"]:
        return _no_text_column(rel, columns)

    def is_url(path: Path) -> bool:
        urls = _path_text(frame.schema, path).str.contains(_URL_LIKE).fill_null(True).all()
        return frame.select(urls).item()

    picked = _settle_url_or_site(picked, overrides, is_url)
    used = _used_columns(picked)
    others = [c for c in columns if c not in used]
    # polars cannot write binary values as JSON (it panics): say which column, and what to do.
    binary = [c for c in others if _holds_binary(frame.schema[c])]
    if binary:
        raise InputError(
            f"columns {binary} hold binary data, which cannot be kept as metadata; "
            "drop them from the table or convert them to text",
            path=rel,
        )
    values = {k: [_path_text(frame.schema, p) for p in paths] for k, paths in picked.items()}
    fields = [
        (pl.coalesce(exprs) if exprs else pl.lit(None)).cast(pl.String).alias(key)
        for key, exprs in values.items()
    ]
    try:
        out = frame.select(
            pl.col("_record").cast(pl.Int64).alias("record"),
            pl.col("_line").cast(pl.Int64).alias("line"),
            *fields,
            _meta_json(frame, others).alias("meta"),
            _frame_note(picked, values).alias("note"),
        )
        out = placeholders(bodies(out, *_read_names(picked)))
    except pl.exceptions.PolarsError as e:
        read = {c: str(frame.schema[c]) for c in sorted(used)}
        raise InputError(
            f"the columns read as fields ({read}) cannot all be read as text "
            f"({str(e).splitlines()[0]}); convert them to text, or name others with columns=",
            path=rel,
        ) from e
    return Table(rel, out, has_body_column=bool(picked["text"]), text_from=summary,
                 file_note=joined_note)  # fmt: skip


def _path_text(schema: pl.Schema, path: Path) -> pl.Expr:
    """A column, or an object column's key, as stripped text (see :func:`_as_text`)."""
    if len(path) == 1:
        return _as_text(pl.col(path[0]), schema[path[0]])
    inner = {f.name: f.dtype for f in schema[path[0]].fields}[path[1]]
    return _as_text(pl.col(path[0]).struct.field(path[1]), inner)


def _frame_note(picked: dict[str, tuple[Path, ...]], values: dict[str, list[pl.Expr]]) -> pl.Expr:
    """Each row's note on its fields read from an object's key (see :func:`_record_note`)."""
    parts = []
    for key in _nested_fields(picked):
        paths, exprs = picked[key], values[key]
        source = pl.when(exprs[0].is_not_null()).then(pl.lit(_read_from(key, paths[0])))
        for p, e in zip(paths[1:], exprs[1:], strict=True):
            source = source.when(e.is_not_null()).then(pl.lit(_read_from(key, p)))
        parts.append(source)  # a field's paths are all an object's keys (see _pick)
        if len(exprs) > 1:
            distinct = pl.concat_list(exprs).list.drop_nulls().list.n_unique()
            parts.append(pl.when(distinct > 1).then(pl.lit(_disagree(key, paths))))
    if not parts:
        return pl.lit(None, pl.String)
    note = pl.concat_str(parts, separator="; ", ignore_nulls=True)
    return pl.when(note != "").then(note)


def _read_names(picked: dict[str, tuple[Path, ...]]) -> tuple[str, str]:
    """The body columns and the summary columns read, named for the notes of :func:`bodies`."""
    return tuple(", ".join(map(_name, picked.get(k, ()))) for k in ("text", FALLBACK))


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
    nested: dict[str, dict[str, None]] = {}
    overrides = options.get("columns") or {}
    named = _outer_names(overrides)
    for c in columns:
        if c.lower().strip() in NESTED_IN or c in named:
            for _, _, row in rows:
                if isinstance(inner := row.get(c), dict):
                    nested.setdefault(c, {}).update(dict.fromkeys(inner))
    picked, summary = _pick(rel, columns, overrides, {c: list(k) for c, k in nested.items()})
    if not picked["text"] and not picked["title"]:
        return _no_text_column(rel, columns)

    def is_url(path: Path) -> bool:
        values = (_row_value(row, path) for _, _, row in rows)
        return all(re.match(_URL_LIKE, v) for v in values if v is not None)

    picked = _settle_url_or_site(picked, overrides, is_url)
    if not picked["site"] and "site" not in overrides and _channel_posts(rows, columns):
        picked["site"] = (("from",),)
    used = _used_columns(picked)
    deep = _nested_fields(picked)

    def first(row: dict[str, Any], key: str) -> str | None:
        # Records may name a field differently: take the first that has a value.
        return next((v for p in picked[key] if (v := _row_value(row, p)) is not None), None)

    data: dict[str, list] = {
        "record": [],
        "line": [],
        **{k: [] for k in picked},
        "meta": [],
        "note": [],
    }
    for index, line, row in rows:
        data["record"].append(index)
        data["line"].append(line)
        notes = []
        for key in picked:
            if key in deep:
                value, note = _record_field(row, key, picked[key])
                data[key].append(value)
                notes += note
            else:
                data[key].append(first(row, key))
        data["meta"].append(
            meta_json({k: v for k, v in row.items() if k not in used and v not in (None, "")})
        )
        data["note"].append("; ".join(notes) or None)
    schema = {k: pl.String for k in data} | {"record": pl.Int64, "line": pl.Int64}
    try:
        frame = pl.DataFrame(data, schema=schema)
    except UnicodeEncodeError:  # a lone surrogate escape ("\ud800") is no character
        strings = [k for k, dtype in schema.items() if dtype == pl.String]
        data |= {k: [_without_surrogates(v) for v in data[k]] for k in strings}
        frame = pl.DataFrame(data, schema=schema)
    frame = placeholders(bodies(frame, *_read_names(picked)))
    return Table(rel, frame, has_body_column=bool(picked["text"]), text_from=summary)


def _channel_posts(rows: list[tuple[int, int | None, dict[str, Any]]], columns: list[str]) -> bool:
    """Whether the records are a Telegram channel's posts as Telegram Desktop exports them:
    ``from`` the channel's name wherever ``from_id`` says a channel wrote ("channel1001…");
    a chat's messages, written by users ("user42…"), are not."""
    if "from" not in columns or "from_id" not in columns:
        return False
    ids = [row.get("from_id") for _, _, row in rows if row.get("from") is not None]
    return bool(ids) and all(isinstance(i, str) and i.startswith("channel") for i in ids)


def _row_value(row: dict[str, Any], path: Path) -> str | None:
    value = row.get(path[0])
    if len(path) > 1:
        value = value.get(path[1]) if isinstance(value, dict) else None
    return text_value(value)


def _record_field(
    row: dict[str, Any], key: str, paths: tuple[Path, ...]
) -> tuple[str | None, list[str]]:
    """A record's field that may be read from an object's key, and the row's notes on it:
    which key it was read from, and whether the fields that may hold it disagree."""
    found = [(p, v) for p in paths if (v := _row_value(row, p)) is not None]
    if not found:
        return None, []
    path, value = found[0]
    notes = [_read_from(key, path)] if len(path) > 1 else []
    if len({v for _, v in found}) > 1:
        notes.append(_disagree(key, paths))
    return value, notes


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: str | None) -> str | None:
    """A JSON string's lone surrogate escapes as U+FFFD, as undecodable bytes are read."""
    return value if value is None else _SURROGATE.sub("\ufffd", value)
