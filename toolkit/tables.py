"""Table readers: CSV and TSV, JSON lines, JSON and Parquet files to :class:`Table` rows.

A table's columns are matched to fields by their usual names (``COLUMN_ALIASES``) or by the
caller's ``columns=``; the other columns are kept as JSON in ``meta``. Rows that cannot be read
come back as :class:`Skip` with the line where they start.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.decode import looks_binary
from toolkit.errors import InputError
from toolkit.records import Skip, Table, file_bytes, file_text, meta_json, text_value

__all__ = ["COLUMN_ALIASES", "read_delimited", "read_json", "read_jsonl", "read_parquet"]

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


def _table(rel: str, frame: pl.DataFrame, options) -> Table | Skip:
    """A table frame (its own columns, plus ``_record`` and ``_line``) to a :class:`Table`."""
    if frame.height == 0:  # a header or [] with nothing under it: reported, never lost
        return Skip(rel, "no records in the table (a header or an empty list only)")
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


def _records_table(
    rel: str, rows: list[tuple[int, int | None, dict[str, Any]]], columns: list[str], options
) -> Table | Skip:
    """Records of differing shapes (JSON) to a :class:`Table`, one record at a time."""
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
    frame = pl.DataFrame(data, schema=schema)
    return Table(rel, frame, has_body_column=bool(picked["text"]), text_from=summary)


def read_delimited(path: str | Path, rel: str, options, delimiter: str) -> Iterator[Table | Skip]:
    """A CSV or TSV file: polars reads it when that gives the table Python's csv module reads;
    otherwise it is decoded and read row by row, each malformed row skipped."""
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
        return
    frame = None if looks_binary(data) else _read_exactly(data, delimiter)
    if frame is not None:  # well formed: every row is one record, no skips
        records, skips, encoding = range(frame.height), [], "utf-8"
        starts = _first_lines(
            frame, 1 + sum(len(re.findall(r"\r\n|\r|\n", c)) for c in frame.columns)
        )
        frame.columns = _unique([c.strip() for c in frame.columns])
    else:
        decoded = file_text(path, rel, "a table", data)
        if isinstance(decoded, Skip):
            yield decoded
            return
        encoding = decoded.encoding
        csv.field_size_limit(1 << 30)
        lines = _physical_lines(decoded.text)
        del decoded
        reader = csv.reader(iter(lines), delimiter=delimiter)
        try:
            header = [h.strip() for h in next(reader)]
        except (StopIteration, csv.Error) as e:
            yield Skip(rel, f"no header row: {e}", line=1, encoding=encoding)
            return
        rows, records, starts, skips = _rows_one_by_one(
            lines, rel, delimiter, len(header), reader.line_num
        )
        del lines
        frame = _string_frame(_unique(header), rows)
    frame = frame.with_columns(
        pl.Series("_record", records, dtype=pl.Int64), pl.Series("_line", starts, dtype=pl.Int64)
    )
    # every row malformed: the row skips account for the file
    table = [] if frame.height == 0 and skips else [_table(rel, frame, options)]
    yield from _marked([*table, *skips], encoding)


def _marked(items: list[Table | Skip], encoding: str) -> list[Table | Skip]:
    """The items of a decoded file, each marked with the encoding it was decoded with."""
    for item in items:
        item.encoding = encoding
    return items


def _read_exactly(data: bytes, delimiter: str) -> pl.DataFrame | None:
    """The table as polars reads it from UTF-8 ``data``, when writing it back gives ``data``
    exactly (so it is the table Python's csv module reads, fast); else None (read row by row)."""
    end = data.find(b"\n")
    newline = "\r\n" if end > 0 and data[end - 1 : end] == b"\r" else "\n"
    try:
        frame = pl.read_csv(
            io.BytesIO(data), separator=delimiter, infer_schema=False, truncate_ragged_lines=False
        )
    except pl.exceptions.PolarsError:  # a table polars cannot read (or not UTF-8): row by row
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


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _physical_lines(text: str) -> list[str]:
    """The text's lines with their ends, as Python's csv module counts them (``\r\n``,
    ``\r`` or ``\n``; not the other breaks ``str.splitlines`` knows)."""
    return _LINE.findall(text)


def _rows_one_by_one(lines: list[str], rel: str, delimiter: str, width: int, consumed: int):
    """Rows of the right width with their indices and first lines; a Skip for each other row.

    A row whose unclosed quote joined the lines after it is skipped alone: reading resumes at
    the next line, so the rows it swallowed are read, not lost."""
    rows: list[list[str]] = []
    records: list[int] = []
    starts: list[int] = []
    skips: list[Skip] = []
    index = 0
    while True:  # a fresh reader after a bad row resumes at the next physical line
        reader = csv.reader(
            itertools.islice(lines, consumed, None), delimiter=delimiter, strict=True
        )
        before = 0
        resume = None
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
                elif end > start and lines[start - 1].count('"') % 2:
                    reason = (
                        f"malformed row: an unclosed quote (it would join lines {start}-{end} "
                        f"into a row of {len(row)} fields, the header has {width}); fix the quoting"
                    )
                    skips.append(Skip(rel, reason, index, start))
                    index += 1
                    resume = start  # the lines it joined are read as their own rows
                    break
                else:
                    joined = (
                        f" (an unclosed quote joined lines {start}-{end})" if end > start else ""
                    )
                    reason = f"malformed row: {len(row)} fields, header has {width}{joined}"
                    skips.append(Skip(rel, reason, index, start))
                index += 1
            if resume is None:
                return rows, records, starts, skips
            consumed = resume
        except csv.Error as e:
            start = consumed + before + 1
            unclosed = reader.line_num > before + 1 and lines[start - 1].count('"') % 2
            what = f"an unclosed quote ({e})" if unclosed else str(e)
            skips.append(Skip(rel, f"malformed row: {what}; fix the quoting", index, start))
            index += 1
            if unclosed:
                consumed = start  # the lines it joined are read as their own rows
            else:
                consumed += max(reader.line_num, before + 1)


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


_TOO_DEEP = "JSON nested too deeply to read (lists or objects inside each other over the limit)"


def read_jsonl(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A JSON lines file: one record per line, each malformed line skipped."""
    decoded = file_text(path, rel, "JSON lines")
    if isinstance(decoded, Skip):
        yield decoded
        return
    skips: list[Skip] = []
    columns: dict[str, None] = {}
    parsed: list[tuple[int, int, dict[str, Any]]] = []
    index = 0
    for line_no, line in enumerate(decoded.text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            skips.append(Skip(rel, f"malformed JSON line: {e.msg}", record=index, line=line_no))
            index += 1
            continue
        except RecursionError:
            skips.append(Skip(rel, _TOO_DEEP, record=index, line=line_no))
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
    yield from _marked(
        [_records_table(rel, parsed, list(columns), options), *skips], decoded.encoding
    )


def read_json(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A JSON file holding a list of records (or an object with one such list)."""
    decoded = file_text(path, rel, "JSON")
    if isinstance(decoded, Skip):
        yield decoded
        return
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as e:
        reason = f"malformed JSON: {e.msg} (column {e.colno}); fix the file"
        yield Skip(rel, reason, line=e.lineno, encoding=decoded.encoding)
        return
    except RecursionError:
        yield Skip(rel, _TOO_DEEP, encoding=decoded.encoding)
        return
    if isinstance(obj, dict):
        lists = [k for k, v in obj.items() if isinstance(v, list)]
        if len(lists) != 1:
            reason = "JSON object without exactly one list of records; expected a list"
            yield Skip(rel, reason, encoding=decoded.encoding)
            return
        obj = obj[lists[0]]
    if not isinstance(obj, list):
        reason = f"JSON holds a {type(obj).__name__}; expected a list of records"
        yield Skip(rel, reason, encoding=decoded.encoding)
        return
    columns: dict[str, None] = {}
    parsed, skips = [], []
    for i, item in enumerate(obj):
        if isinstance(item, dict):
            columns.update(dict.fromkeys(item))
            parsed.append((i, None, item))
        else:
            skips.append(Skip(rel, f"record is a {type(item).__name__}, not an object", record=i))
    yield from _marked(
        [_records_table(rel, parsed, list(columns), options), *skips], decoded.encoding
    )


def read_parquet(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A Parquet file, read by polars (its text is UTF-8)."""
    try:
        frame = pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as e:  # polars raises several kinds
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
