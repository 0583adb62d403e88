"""Table readers: CSV and TSV, JSON lines, JSON and Parquet files to :class:`Table` rows.

Each reader reads the rows (malformed ones come back as :class:`Skip` with the line where they
start) and hands them to :mod:`toolkit.columns`, which matches the columns to fields by their
usual names (``COLUMN_ALIASES``) or by the caller's ``columns=`` and keeps the others as JSON in
``meta``.
"""

from __future__ import annotations

import csv
import json
import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.columns import COLUMN_ALIASES, check_columns, table_of_frame, table_of_records
from toolkit.decode import looks_binary
from toolkit.records import Skip, Table, file_text

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
    """A CSV or TSV file read by Python's csv module a slice of rows at a time
    (``CHUNK_BYTES``), each malformed row skipped: a UTF-8 file is decoded as it is read (its
    bytes are never held whole); another is decoded whole (its encoding found from all of it),
    and its text read the same way."""
    items = None
    with open(path, "rb") as f:
        head = f.read(8192)
    if head and not head.isspace() and not _decoded_whole(head):
        try:
            with open(path, encoding="utf-8-sig", newline="") as text:  # lines split as csv does
                items = _table_rows(text, rel, options, delimiter)
        except UnicodeDecodeError:  # not UTF-8: decoded whole, its encoding found
            items = None
        encoding = "utf-8"
    if items is None:
        decoded = file_text(path, rel, "a table")
        if isinstance(decoded, Skip):
            yield decoded
            return
        encoding = decoded.encoding
        lines = (m.group() for m in _LINE.finditer(decoded.text))
        del decoded  # the generator holds the text until its lines are read
        items = _table_rows(lines, rel, options, delimiter)
    yield from _marked(items, encoding)


def _decoded_whole(head: bytes) -> bool:
    """Whether a file starting with ``head`` is decoded whole (see :func:`toolkit.decode.decode`):
    UTF-16 with a byte-order mark, or binary (refused)."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_binary(head)


def _marked(items: list[Table | Skip], encoding: str) -> list[Table | Skip]:
    """The items of a decoded file, each marked with the encoding it was decoded with."""
    for item in items:
        item.encoding = encoding
    return items


CHUNK_BYTES = 8 << 20  # characters of a table's rows made into a frame at a time

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # as Python's csv module counts them


class _Lines:
    """Physical lines from ``lines``, numbered; the lines of the row being read are kept (a
    row whose unclosed quote joined the lines after it gives them back to be read again)."""

    def __init__(self, lines: Iterable[str]):
        self._lines = iter(lines)
        self._again: deque[str] = deque()
        self.row: list[str] = []  # the lines handed out since the last row ended
        self.count = 0  # the number of the last line handed out

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._again.popleft() if self._again else next(self._lines)
        self.count += 1
        self.row.append(line)
        return line

    def taken(self) -> list[str]:
        """The lines of the row just read (handed over)."""
        row, self.row = self.row, []
        return row

    def read_again(self, lines: list[str]) -> None:
        """``lines`` (the last ones handed out) read again next."""
        self._again.extendleft(reversed(lines))
        self.count -= len(lines)


def _table_rows(lines: Iterable[str], rel: str, options, delimiter: str) -> list[Table | Skip]:
    """The table of a file's ``lines`` (one :class:`Table`, its rows put through
    :func:`toolkit.columns.table_of_frame` a slice at a time) and a Skip for each malformed row;
    a Skip of the file when it has no header or no rows."""
    csv.field_size_limit(1 << 30)
    source = _Lines(lines)
    try:
        header = _unique([h.strip() for h in next(csv.reader(source, delimiter=delimiter))])
    except (StopIteration, csv.Error) as e:
        return [Skip(rel, f"no header row: {e}", line=1)]
    source.taken()
    parts: list[Table | Skip] = []
    rows: list[list[str]] = []
    records: list[int] = []
    starts: list[int] = []
    size = 0

    def add_part() -> None:
        frame = _string_frame(header, rows).with_columns(
            pl.Series("_record", records, dtype=pl.Int64),
            pl.Series("_line", starts, dtype=pl.Int64),
        )
        rows.clear(), records.clear(), starts.clear()
        if not parts or isinstance(parts[0], Table):  # a Skip (no text column) stands for all
            parts.append(table_of_frame(rel, frame, options))
            if isinstance(parts[-1], Skip):
                parts[:] = parts[-1:]

    skips: list[Skip] = []
    for index, start, item in _rows_one_by_one(source, rel, delimiter, len(header)):
        if isinstance(item, Skip):
            skips.append(item)
            continue
        rows.append(item)
        records.append(index)
        starts.append(start)
        size += sum(map(len, item))
        if size >= CHUNK_BYTES:
            add_part()
            size = 0
    if rows or not (parts or skips):  # a header only: reported, never lost
        add_part()
    if parts and isinstance(parts[0], Table):
        first = parts[0]
        frame = pl.concat([t.frame for t in parts]) if len(parts) > 1 else first.frame
        parts = [Table(rel, frame, first.has_body_column, first.encoding, first.text_from)]
    # every row malformed: the row skips account for the file
    return [*parts, *skips]


def _rows_one_by_one(
    source: _Lines, rel: str, delimiter: str, width: int
) -> Iterator[tuple[int, int, list[str] | Skip]]:
    """Each row's index, first line, and the row when it has the right width, else its Skip.

    A row whose unclosed quote joined the lines after it is skipped alone: reading resumes at
    the next line, so the rows it swallowed are read, not lost."""
    index = 0
    while True:  # a fresh reader after a bad row resumes at the next physical line
        reader = csv.reader(source, delimiter=delimiter, strict=True)
        try:
            for row in reader:
                taken = source.taken()
                start, end = source.count - len(taken) + 1, source.count
                if not row or row == [""]:
                    continue
                if len(row) == width:
                    yield index, start, row
                elif end > start and taken[0].count('"') % 2:
                    reason = (
                        f"malformed row: an unclosed quote (it would join lines {start}-{end} "
                        f"into a row of {len(row)} fields, the header has {width}); fix the quoting"
                    )
                    yield index, start, Skip(rel, reason, index, start)
                    index += 1
                    source.read_again(taken[1:])  # the lines it joined are read as their own rows
                    break
                else:
                    joined = (
                        f" (an unclosed quote joined lines {start}-{end})" if end > start else ""
                    )
                    reason = f"malformed row: {len(row)} fields, header has {width}{joined}"
                    yield index, start, Skip(rel, reason, index, start)
                index += 1
            else:
                return
        except csv.Error as e:
            taken = source.taken()
            if not taken:  # the reader failed before reading a line: that line is skipped
                taken = [next(source, "")]
                source.taken()
            start = source.count - len(taken) + 1
            unclosed = len(taken) > 1 and taken[0].count('"') % 2
            what = f"an unclosed quote ({e})" if unclosed else str(e)
            yield index, start, Skip(rel, f"malformed row: {what}; fix the quoting", index, start)
            index += 1
            if unclosed:
                source.read_again(taken[1:])  # the lines it joined are read as their own rows


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
