"""Table readers: CSV and TSV, JSON lines, JSON and Parquet files to :class:`Table` rows.

Each reader reads the rows (malformed ones come back as :class:`Skip` with the line where they
start) and hands them to :mod:`toolkit.columns`, which matches the columns to fields by their
usual names (``COLUMN_ALIASES``) or by the caller's ``columns=`` and keeps the others as JSON in
``meta``.
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

from toolkit.columns import COLUMN_ALIASES, check_columns, table_of_frame, table_of_records
from toolkit.decode import looks_binary
from toolkit.records import Skip, Table, file_bytes, file_text

# COLUMN_ALIASES and check_columns (toolkit.columns) are named here too, where readers and params
# have always found them.
__all__ = [
    "COLUMN_ALIASES",
    "check_columns",
    "read_delimited",
    "read_json",
    "read_jsonl",
    "read_parquet",
]


def read_delimited(path: str | Path, rel: str, options, delimiter: str) -> Iterator[Table | Skip]:
    """A CSV or TSV file: polars reads it when that gives the table Python's csv module reads;
    otherwise it is decoded and read row by row, each malformed row skipped."""
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        yield data
        return
    frame = None if looks_binary(data) else _read_exactly(data, delimiter)
    if frame is not None:  # well formed: every row is one record, no skips
        del data
        records, skips, encoding = range(frame.height), [], "utf-8"
        starts = _first_lines(
            frame, 1 + sum(len(re.findall(r"\r\n|\r|\n", c)) for c in frame.columns)
        )
        frame.columns = _unique([c.strip() for c in frame.columns])
    else:
        decoded = file_text(path, rel, "a table", data)
        del data  # decoded: the bytes go before the text is split into lines
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
        del lines, reader  # the reader's iterator held the lines
        frame = _string_frame(_unique(header), rows)
        del rows
    frame = frame.with_columns(
        pl.Series("_record", records, dtype=pl.Int64), pl.Series("_line", starts, dtype=pl.Int64)
    )
    # every row malformed: the row skips account for the file
    table = [] if frame.height == 0 and skips else [table_of_frame(rel, frame, options)]
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
    tail = b"" if data.endswith((b"\n", b"\r")) else newline.encode()  # a last newline added
    return frame if _writes_back(frame, data + tail if tail else data, delimiter, newline) else None


_CHECK_ROWS = 20_000  # rows written back at a time to check that a table reads exactly


def _writes_back(frame: pl.DataFrame, data: bytes, delimiter: str, newline: str) -> bool:
    """Whether ``frame`` written as CSV gives ``data``, compared a slice of rows at a time
    (never a second copy of a big table)."""
    at = 0
    for i, rows in enumerate([frame.clear(), *frame.iter_slices(_CHECK_ROWS)]):
        written = io.BytesIO()
        rows.write_csv(written, separator=delimiter, line_terminator=newline, include_header=i == 0)
        chunk = written.getvalue()
        if data[at : at + len(chunk)] != chunk:
            return False
        at += len(chunk)
    return at == len(data)


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
    table = [] if not parsed and skips else [table_of_records(rel, parsed, list(columns), options)]
    yield from _marked([*table, *skips], decoded.encoding)


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
    table = [] if not parsed and skips else [table_of_records(rel, parsed, list(columns), options)]
    yield from _marked([*table, *skips], decoded.encoding)


def read_parquet(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A Parquet file, read by polars (its text is UTF-8)."""
    try:
        frame = pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as e:  # polars raises several kinds
        yield Skip(rel, f"unreadable parquet: {e}")
        return
    yield table_of_frame(
        rel,
        frame.with_columns(
            pl.int_range(frame.height, dtype=pl.Int64).alias("_record"),
            pl.lit(None, pl.Int64).alias("_line"),
        ),
        options,
    )
