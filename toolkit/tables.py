"""Table readers: CSV and TSV, JSON lines, JSON and Parquet files to :class:`Table` rows.

Each reader reads the rows (malformed ones come back as :class:`Skip` with the line where they
start) and hands them to :mod:`toolkit.columns`, which matches the columns to fields by their
usual names (``COLUMN_ALIASES``) or by the caller's ``columns=`` and keeps the others as JSON in
``meta``.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import ijson
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
    """A CSV or TSV file, a slice of rows at a time (``CHUNK_BYTES``), each malformed row
    skipped (see :func:`_rows_one_by_one`).

    A UTF-8 file is read a block of bytes at a time, each block by polars while writing its rows
    back gives the block exactly (so they are the rows Python's csv module reads), and from the
    first block that does not, row by row by the csv module, decoded as it is read (the file's
    bytes are never held whole). Another file is decoded whole (its encoding found from all of
    it) and read row by row."""
    items = None
    if _streamed(path):
        try:
            items = _utf8_table(path, rel, options, delimiter)
        except UnicodeDecodeError:  # not UTF-8: decoded whole, its encoding found
            items = None
        encoding = "utf-8"
    if items is None:
        decoded = file_text(path, rel, "a table")
        if isinstance(decoded, Skip):
            yield decoded
            return
        encoding = decoded.encoding
        source = _Lines(m.group() for m in _LINE.finditer(decoded.text))
        del decoded  # the lines' generator holds the text until they are read
        header = _header(source, rel, delimiter)
        source.taken()
        items = (
            [header]
            if isinstance(header, Skip)
            else _rows_table(source, header, rel, delimiter, _table_parts(rel, options))
        )
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


CHUNK_BYTES = 8 << 20  # bytes of a table read (and its rows made into a frame) at a time

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # as Python's csv module counts them
_BOM = b"\xef\xbb\xbf"


class _Lines:
    """Physical lines from ``lines``, numbered; the lines of the row being read are kept (a
    row whose unclosed quote joined the lines after it gives them back to be read again)."""

    def __init__(self, lines: Iterable[str], count: int = 0):
        self._lines = iter(lines)
        self._again: deque[str] = deque()
        self.row: list[str] = []  # the lines handed out since the last row ended
        self.count = count  # the number of the last line handed out

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


def _header(source: _Lines, rel: str, delimiter: str) -> list[str] | Skip:
    """The column names of a table from its first row (stripped, made unique)."""
    csv.field_size_limit(1 << 30)
    try:
        return _unique([h.strip() for h in next(csv.reader(source, delimiter=delimiter))])
    except (StopIteration, csv.Error) as e:
        return Skip(rel, f"no header row: {e}", line=1)


def _utf8_table(path: str | Path, rel: str, options, delimiter: str) -> list[Table | Skip]:
    """The table and skips of a UTF-8 file (see :func:`read_delimited`); UnicodeDecodeError
    when it is not UTF-8."""
    with open(path, "rb") as f:
        start = len(_BOM) if f.read(len(_BOM)) == _BOM else 0
        f.seek(start)
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")  # lines split as csv does
        source = _Lines(text)
        header = _header(source, rel, delimiter)
        text.detach()  # the file stays open
        if isinstance(header, Skip):
            return [header]
        taken = source.taken()
        newline = "\r\n" if taken[0].endswith("\r\n") else "\n"  # written back as the header's
        done = len(taken)  # lines read
        f.seek(start + len("".join(taken).encode()))
        parts = _table_parts(rel, options)
        index = 0
        while block := _block(f):
            frame = _read_exactly(block, delimiter, header, newline)
            if frame is None:  # from here on row by row, decoded as it is read
                rest = io.TextIOWrapper(f, encoding="utf-8", newline="")
                lines = (m.group() for m in _LINE.finditer(block.decode()))
                del block
                source = _Lines(itertools.chain(lines, rest), done)
                return _rows_table(source, header, rel, delimiter, parts, index)
            parts.add(
                frame.with_columns(
                    pl.int_range(index, index + frame.height, dtype=pl.Int64).alias("_record"),
                    _first_lines(frame, done + 1).alias("_line"),
                )
            )
            index += frame.height
            done += _line_count(block)
        return parts.items([], _string_frame(header, []))


def _block(f: io.BufferedReader) -> bytes:
    """The next bytes of a table, about ``CHUNK_BYTES``, up to a line end where a row may end
    (an even number of quotes before it, looked for up to 4 times that size); b"" at the end."""
    block = f.read(CHUNK_BYTES)
    parts, size, quotes = [block], len(block), block.count(b'"')
    while block and (not parts[-1].endswith(b"\n") or (quotes % 2 and size < 4 * CHUNK_BYTES)):
        line = f.readline()
        if not line:
            break
        parts.append(line)
        size += len(line)
        quotes += line.count(b'"')
    return b"".join(parts) if len(parts) > 1 else block


def _line_count(data: bytes) -> int:
    """The physical lines of ``data`` as Python's csv module counts them."""
    ends = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    return ends + (not data.endswith((b"\n", b"\r")))


def _read_exactly(
    data: bytes, delimiter: str, header: list[str], newline: str
) -> pl.DataFrame | None:
    """The rows of ``data`` (lines of a table after its header) as polars reads them, when
    writing them back with ``newline`` gives ``data`` exactly (so they are the rows Python's
    csv module reads); else None (read row by row)."""
    if not data.endswith((b"\n", b"\r")):
        data += newline.encode()  # the file's last line, a newline added
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            separator=delimiter,
            infer_schema=False,
            truncate_ragged_lines=False,
        )
    except pl.exceptions.PolarsError:  # bytes polars cannot read (or not UTF-8): row by row
        return None
    if frame.width != len(header):
        return None
    written = io.BytesIO()
    frame.write_csv(written, separator=delimiter, line_terminator=newline, include_header=False)
    if written.getvalue() != data:
        return None
    frame.columns = header
    return frame


class _Parts:
    """A table's rows, a slice at a time, made into its :class:`Table` (``make`` of each
    slice: :func:`toolkit.columns.table_of_frame` or ``table_of_records``), or the Skip of the
    file (no text column, or no rows)."""

    def __init__(self, make: Callable[[Any], Table | Skip]):
        self.make = make
        self.parts: list[Table | Skip] = []

    def add(self, rows: Any) -> None:
        if self.parts and isinstance(self.parts[0], Skip):  # no text column: said once
            return
        self.parts.append(self.make(rows))
        if isinstance(self.parts[-1], Skip):
            self.parts = self.parts[-1:]

    def items(self, skips: list[Skip], none: Any) -> list[Table | Skip]:
        """The file's Table (or its Skip) and ``skips`` (of its malformed rows); ``none``: the
        rows of a file without any (its Skip says so)."""
        parts = self.parts
        if not parts and not skips:  # a header or an empty list only: reported, never lost
            parts = [self.make(none)]
        if parts and isinstance(parts[0], Table):
            first = parts[0]
            frame = pl.concat([t.frame for t in parts]) if len(parts) > 1 else first.frame
            parts = [
                Table(first.path, frame, first.has_body_column, first.encoding, first.text_from)
            ]
        # every row malformed: the row skips account for the file
        return [*parts, *skips]


def _table_parts(rel: str, options) -> _Parts:
    return _Parts(lambda frame: table_of_frame(rel, frame, options))


def _rows_table(
    source: _Lines, header: list[str], rel: str, delimiter: str, parts: _Parts, index: int = 0
) -> list[Table | Skip]:
    """The table of the rows of ``source`` after its header, read row by row (rows from
    ``index``, after the frames already in ``parts``), and the Skips of the malformed rows."""
    skips: list[Skip] = []
    rows = _rows_one_by_one(source, rel, delimiter, len(header), index)
    for frame in _row_frames(rows, header, skips):
        parts.add(frame)
    return parts.items(skips, _string_frame(header, []))


def _first_lines(frame: pl.DataFrame, first: int) -> pl.Series:
    """Each row's first physical line, the first row's being ``first``: rows span one line
    plus the breaks inside their fields."""
    breaks = [pl.col(c).str.count_matches(r"\r\n|\r|\n").fill_null(0) for c in frame.columns]
    spans = frame.select((1 + pl.sum_horizontal(breaks)).cast(pl.Int64).alias("s"))["s"]
    return first + spans.cum_sum() - spans


def _row_frames(rows: Iterator, header: list[str], skips: list[Skip]) -> Iterator[pl.DataFrame]:
    """Frames of ``rows`` (of :func:`_rows_one_by_one`), about ``CHUNK_BYTES`` each, with
    their ``_record`` and ``_line``; the Skips added to ``skips``."""
    kept: list[list[str]] = []
    records: list[int] = []
    starts: list[int] = []
    size = 0
    for index, start, item in rows:
        if isinstance(item, Skip):
            skips.append(item)
            continue
        kept.append(item)
        records.append(index)
        starts.append(start)
        size += sum(map(len, item))
        if size >= CHUNK_BYTES:
            yield _string_frame(header, kept).with_columns(
                pl.Series("_record", records, dtype=pl.Int64),
                pl.Series("_line", starts, dtype=pl.Int64),
            )
            kept, records, starts, size = [], [], [], 0
    if kept:
        yield _string_frame(header, kept).with_columns(
            pl.Series("_record", records, dtype=pl.Int64),
            pl.Series("_line", starts, dtype=pl.Int64),
        )


def _rows_one_by_one(
    source: _Lines, rel: str, delimiter: str, width: int, index: int = 0
) -> Iterator[tuple[int, int, list[str] | Skip]]:
    """Each row's index, first line, and the row when it has the right width, else its Skip.

    A row whose unclosed quote joined the lines after it is skipped alone: reading resumes at
    the next line, so the rows it swallowed are read, not lost."""
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
    """A JSON lines file: one record per line, each malformed line skipped.

    It is read twice, a line at a time: the columns of every record first (they settle which
    one holds each field), then the records, made into frames a slice at a time
    (``CHUNK_BYTES``); a UTF-8 file is decoded as it is read, another decoded whole."""
    if _streamed(path):
        try:
            items = _jsonl_table(lambda: _utf8_lines(path), rel, options)
        except UnicodeDecodeError:  # not UTF-8: decoded whole, its encoding found
            pass
        else:
            yield from _marked(items, "utf-8")
            return
    decoded = file_text(path, rel, "JSON lines")
    if isinstance(decoded, Skip):
        yield decoded
        return
    text = decoded.text
    items = _jsonl_table(lambda: (m.group() for m in _LINE.finditer(text)), rel, options)
    yield from _marked(items, decoded.encoding)


def _streamed(path: str | Path) -> bool:
    """Whether a file is read as UTF-8 as it is decoded: not empty, blank, binary or UTF-16
    (those are decoded whole, or refused, by :func:`toolkit.records.file_text`)."""
    with open(path, "rb") as f:
        head = f.read(8192)
    return bool(head) and not head.isspace() and not _decoded_whole(head)


def _utf8_lines(path: str | Path) -> Iterator[str]:
    """A UTF-8 file's lines as Python's csv module counts them, decoded as they are read."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        yield from f


def _jsonl_table(lines: Callable[[], Iterator[str]], rel: str, options) -> list[Table | Skip]:
    """The table (or its Skip) and the skipped lines of the JSON lines ``lines()`` gives (it is
    called twice)."""
    columns: dict[str, None] = {}
    skips: list[Skip] = []
    for _, _, obj, _ in _jsonl_records(lines(), rel):
        if isinstance(obj, Skip):
            skips.append(obj)
        else:
            columns.update(dict.fromkeys(obj))
    parts = _Parts(lambda rows: table_of_records(rel, rows, list(columns), options))
    rows: list[tuple[int, int, dict[str, Any]]] = []
    size = 0
    for index, line_no, obj, chars in _jsonl_records(lines(), rel):
        if isinstance(obj, dict):
            rows.append((index, line_no, obj))
            size += chars
            if size >= CHUNK_BYTES:
                parts.add(rows)
                rows, size = [], 0
    if rows:
        parts.add(rows)
    return parts.items(skips, [])


def _jsonl_records(
    lines: Iterator[str], rel: str
) -> Iterator[tuple[int, int, dict[str, Any] | Skip, int]]:
    """Each record's index, line, object (or Skip) and size in characters; the lines are those
    ``str.splitlines`` gives."""
    index = line_no = 0
    for physical in lines:
        for line in physical.splitlines():
            line_no += 1
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                obj = Skip(rel, f"malformed JSON line: {e.msg}", record=index, line=line_no)
            except RecursionError:
                obj = Skip(rel, _TOO_DEEP, record=index, line=line_no)
            else:
                if not isinstance(obj, dict):
                    reason = f"JSON line is a {type(obj).__name__}, not an object"
                    obj = Skip(rel, reason, index, line_no)
            yield index, line_no, obj, len(line)
            index += 1


def read_json(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A JSON file holding a list of records (or an object with one such list).

    A UTF-8 file is read as a stream (ijson) twice: where its records are and the columns of
    every record first (they settle which one holds each field), then the records, made into
    frames a slice at a time (``CHUNK_BYTES``). A file the stream could read otherwise than
    ``json.loads`` (not UTF-8, malformed, nested deeper than ``_STREAM_DEPTH``, integers beyond
    64 bits, NaN, a lone surrogate escape...) is decoded and parsed whole, its errors worded
    by ``json.loads``."""
    if _streamed(path) and _json_streamable(path):
        items = _json_streamed(path, rel, options)
        if items is not None:
            yield from _marked(items, "utf-8")
            return
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
            yield Skip(rel, _NOT_ONE_LIST, encoding=decoded.encoding)
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
            skips.append(_not_object(rel, type(item).__name__, i))
    table = [] if not parsed and skips else [table_of_records(rel, parsed, list(columns), options)]
    yield from _marked([*table, *skips], decoded.encoding)


_NOT_ONE_LIST = "JSON object without exactly one list of records; expected a list"
_STREAM_DEPTH = 100  # deeper JSON is parsed whole, as json.loads (and its RecursionError) reads it
# A \uD800-\uDFFF escape not in a pair: json.loads keeps it, the stream makes it "?".
_LONE_SURROGATE = re.compile(
    rb"(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F]"
    rb"|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
)


def _not_object(rel: str, kind: str, index: int) -> Skip:
    return Skip(rel, f"record is a {kind}, not an object", record=index)


def _json_streamable(path: str | Path) -> bool:
    """Whether a file is UTF-8 that the stream reads as ``json.loads`` does: no lone surrogate
    escape, no vertical tab or form feed (whitespace to the stream, an error to json.loads)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    tail = b""
    with open(path, "rb") as f:
        while block := f.read(CHUNK_BYTES):
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                return False
            if b"\x0b" in block or b"\x0c" in block or _LONE_SURROGATE.search(tail + block):
                return False
            tail = block[-12:]
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_bytes(path: str | Path) -> io.BufferedReader:
    """A UTF-8 file opened as bytes, after its byte-order mark (the caller closes it)."""
    f = open(path, "rb")  # noqa: SIM115
    if f.read(3) != _BOM:
        f.seek(0)
    return f


class _JsonList:
    """A list of records read as a stream: how many, the columns of its objects (first seen
    first) and the index and kind of each item that is not an object."""

    def __init__(self) -> None:
        self.count = 0
        self.columns: dict[str, None] = {}
        self.others: list[tuple[int, str]] = []


# The Python type json.loads gives what an ijson event starts (numbers and null: their value's).
_KINDS = {"start_array": "list", "string": "str", "boolean": "bool"}


def _json_layout(path: str | Path) -> tuple[str, _JsonList] | str | None:
    """The ``ijson.items`` prefix of a JSON file's records and their list, or the reason the
    file holds none; None where it is to be parsed whole: the stream fails, it nests deeper
    than ``_STREAM_DEPTH``, its top level is not a list or object, or the object's keys repeat
    or hold a dot (the stream's prefixes would be ambiguous)."""
    lists: dict[str, _JsonList | None] = {}
    current: _JsonList | None = None  # the list of records being read
    top = None
    depth, records_depth = 0, 1
    with _utf8_bytes(path) as f:
        try:
            for event, value in ijson.basic_parse(f, use_float=True):
                if depth == 0:
                    if event not in ("start_array", "start_map"):
                        return None
                    current = top = _JsonList() if event == "start_array" else None
                    records_depth = 1 if event == "start_array" else 2
                elif depth == 1 and records_depth == 2:  # a key of the top-level object
                    if event == "map_key":
                        if value in lists or "." in value:
                            return None
                        key = value
                    elif event != "end_map":  # its value
                        current = lists[key] = _JsonList() if event == "start_array" else None
                elif current is not None and depth == records_depth and event != "end_array":
                    if event != "start_map":  # an item that is not an object
                        current.others.append(
                            (current.count, _KINDS.get(event) or type(value).__name__)
                        )
                    current.count += 1
                elif current is not None and depth == records_depth + 1 and event == "map_key":
                    current.columns[value] = None
                if event in ("start_map", "start_array"):
                    depth += 1
                    if depth > _STREAM_DEPTH:
                        return None
                elif event in ("end_map", "end_array"):
                    depth -= 1
        except (ijson.JSONError, UnicodeDecodeError, ValueError):
            return None
    if top is not None:
        return "item", top
    found = [k for k, v in lists.items() if v is not None]
    if len(found) != 1:
        return _NOT_ONE_LIST
    return f"{found[0]}.item", lists[found[0]]


def _json_streamed(path: str | Path, rel: str, options) -> list[Table | Skip] | None:
    """The table (or its Skip) and the skipped records of a UTF-8 JSON file read as a stream,
    a slice of records at a time; None where it is to be parsed whole (see :func:`_json_layout`)."""
    layout = _json_layout(path)
    if layout is None:
        return None
    if isinstance(layout, str):
        return [Skip(rel, layout)]
    prefix, records = layout
    skips = [_not_object(rel, kind, index) for index, kind in records.others]
    columns = list(records.columns)
    parts = _Parts(lambda rows: table_of_records(rel, rows, columns, options))
    rows: list[tuple[int, int | None, dict[str, Any]]] = []
    with _utf8_bytes(path) as f:
        start = f.tell()
        for index, item in enumerate(ijson.items(f, prefix, use_float=True)):
            if isinstance(item, dict):
                rows.append((index, None, item))
                if f.tell() - start >= CHUNK_BYTES:
                    parts.add(rows)
                    rows, start = [], f.tell()
    if rows:
        parts.add(rows)
    return parts.items(skips, [])


def read_parquet(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A Parquet file, read by polars (its text is UTF-8) a slice of rows at a time (about
    ``CHUNK_BYTES`` of the file's bytes), each made into its rows' fields and dropped."""
    try:
        items = _parquet_table(path, rel, options)
    except (pl.exceptions.PolarsError, OSError) as e:  # polars raises several kinds
        yield Skip(rel, f"unreadable parquet: {e}")
        return
    yield from items


def _parquet_table(path: str | Path, rel: str, options) -> list[Table | Skip]:
    scan = pl.scan_parquet(path)
    height = scan.select(pl.len()).collect().item()
    step = max(1, height * CHUNK_BYTES // max(1, Path(path).stat().st_size))
    parts = _table_parts(rel, options)
    for start in range(0, height, step):
        frame = scan.slice(start, step).collect()
        parts.add(
            frame.with_columns(
                pl.int_range(start, start + frame.height, dtype=pl.Int64).alias("_record"),
                pl.lit(None, pl.Int64).alias("_line"),
            )
        )
    if height == 0:  # no rows: said so (NO_RECORDS) by table_of_frame
        parts.add(scan.collect())
    return parts.items([], None)
