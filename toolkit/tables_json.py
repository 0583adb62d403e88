"""JSON lines and JSON files: JSON lines a line at a time, JSON as a stream (ijson) where it
reads as ``json.loads`` does, else parsed whole; records made into frames a slice at a time
(``CHUNK_BYTES``). A file cut short (a download that stopped, a scraper killed mid-write) keeps
what it holds: each complete line, or each complete record of a JSON list before the break."""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ijson

from toolkit import tables_parts
from toolkit.column_names import COLUMN_ALIASES, SUMMARY_ALIASES
from toolkit.columns import table_of_records
from toolkit.decode import Decoded
from toolkit.json_breaks import Break, JsonList, before_break, break_skip, malformed
from toolkit.records import Skip, Table, file_bytes, file_text
from toolkit.tables_parts import _BOM, _LINE, _marked, _Parts

__all__ = ["read_json", "read_jsonl"]


_TOO_DEEP = "JSON nested too deeply to read (lists or objects inside each other over the limit)"


def read_jsonl(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """A JSON lines file: one record per line, each malformed line skipped.

    It is read twice, a line at a time: the columns of every record first (they settle which
    one holds each field), then the records, made into frames a slice at a time
    (``CHUNK_BYTES``); a UTF-8 file is decoded as it is read, another decoded whole."""
    if tables_parts._streamed(path):
        try:
            items = _jsonl_table(lambda: _utf8_lines(path), rel, options)
        except UnicodeDecodeError:  # not UTF-8: decoded whole, its encoding found
            pass
        else:
            yield from _marked(items, "utf-8")
            return
    decoded = _file_text(path, rel, "JSON lines")
    if isinstance(decoded, Skip):
        yield decoded
        return
    text = decoded.text
    items = _jsonl_table(lambda: (m.group() for m in _LINE.finditer(text)), rel, options)
    yield from _marked(items, decoded.encoding)


def _utf8_lines(path: str | Path) -> Iterator[str]:
    """A UTF-8 file's lines as Python's csv module counts them, decoded as they are read; a
    character cut off at the file's end (it was cut short) is left out of its last line."""
    with open(path, "rb") as f:
        size = f.seek(0, io.SEEK_END)
        f.seek(max(0, size - 3))
        head = _Head(f, size - _cut_character(f.read()))
        f.seek(0)
        yield from io.TextIOWrapper(io.BufferedReader(head), encoding="utf-8-sig", newline="")


class _Head(io.RawIOBase):
    """The first ``size`` bytes of a binary file, from where it stands."""

    def __init__(self, f: io.BufferedReader, size: int) -> None:
        self.f, self.left = f, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.f.readinto(memoryview(buffer)[: self.left])
        self.left -= n
        return n


def _cut_character(tail: bytes) -> int:
    """How many bytes at the end of ``tail`` start a UTF-8 character that is cut off (0-3).

    A valid JSON text ends in an ASCII byte, so such bytes are inside its broken part.

    Example:
        >>> _cut_character("Минск".encode()[:-1]), _cut_character(b'"}')
        (1, 0)
    """
    for k in range(1, min(3, len(tail)) + 1):
        lead = tail[-k]
        if lead >= 0xC0:  # a lead byte: it needs this many bytes after it
            needs = 1 if lead < 0xE0 else 2 if lead < 0xF0 else 3
            return k if needs >= k else 0
        if lead < 0x80:  # ASCII: no character is cut
            return 0
    return 0


def _file_text(path: str | Path, rel: str, kind: str) -> Decoded | Skip:
    """A file decoded whole (see :func:`toolkit.records.file_text`); a UTF-8 file cut short
    inside a character is read as UTF-8 without that character's bytes, never as a legacy
    encoding its cut end would suggest."""
    data = file_bytes(path, rel)
    if isinstance(data, Skip):
        return data
    if cut := _cut_character(data[-3:]):
        try:
            data[:-cut].decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            data = data[:-cut]
    return file_text(path, rel, kind, data)


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
            if size >= tables_parts.CHUNK_BYTES:
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
                obj = Skip(rel, f"malformed JSON line: {e.msg}: column {e.colno}",
                           record=index, line=line_no)  # fmt: skip
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
    by ``json.loads``. One that ``json.loads`` refuses (cut short, or broken part-way) loads
    the records complete before the break, and one Skip says where it breaks
    (:func:`before_break`)."""
    if tables_parts._streamed(path) and _json_streamable(path):
        items = _json_streamed(path, rel, options)
        if items is not None:
            yield from _marked(items, "utf-8")
            return
    decoded = _file_text(path, rel, "JSON")
    if isinstance(decoded, Skip):
        yield decoded
        return
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as e:
        if _json_lines(decoded.text, e):  # one object per line, named .json (RIA's dataset)
            for item in read_jsonl(path, rel, options):
                if isinstance(item, Table):
                    item.file_note = "; ".join(filter(None, [item.file_note, _LINES_NOTE]))
                yield item
            return
        found = before_break(decoded.text)
        if found is None:  # no list of records before the break: the file is left out
            yield Skip(rel, malformed(e, "fix the file"), line=e.lineno, encoding=decoded.encoding)
        else:
            yield from _marked(_salvaged(decoded.text, rel, *found, options), decoded.encoding)
        return
    except RecursionError:
        yield Skip(rel, _TOO_DEEP, encoding=decoded.encoding)
        return
    keyed = None
    if isinstance(obj, dict):
        lists = [k for k, v in obj.items() if isinstance(v, list)]
        if not any(isinstance(x, dict) for k in lists for x in obj[k]) and _one_article(obj):
            keyed = "the file is one record: an object with a text or title field"
            obj = [obj]
        elif not lists and obj and all(isinstance(v, dict) for v in obj.values()):
            # records keyed by their ids ({"a1": {...}, "a2": {...}}): each id kept as "key"
            keyed = f"records read from an object keyed by id ({len(obj)} keys), each id as 'key'"
            obj = [{"key": k, **v} if "key" not in v else v for k, v in obj.items()]
        elif len(lists) != 1:
            yield Skip(rel, _not_one_list(obj, lists), encoding=decoded.encoding)
            return
        else:
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
    if keyed and table and isinstance(table[0], Table):
        table[0].file_note = f"{table[0].file_note}; {keyed}" if table[0].file_note else keyed
    yield from _marked([*table, *skips], decoded.encoding)


_LINES_NOTE = "a .json file of one JSON object per line (JSON Lines): read as .jsonl"


def _json_lines(text: str, error: json.JSONDecodeError) -> bool:
    """Whether a file ``json.loads`` refused with "Extra data" right after its first line is
    JSON Lines: its first line a whole object, and the data after it starting a line."""
    if error.msg != "Extra data" or error.lineno < 2:
        return False
    first = text.lstrip("\ufeff").lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict) and error.colno == 1
    except json.JSONDecodeError:
        return False


def _one_article(obj: dict[str, Any]) -> bool:
    """Whether a JSON object is one article: a key names a text, summary or title column."""
    names = {*COLUMN_ALIASES["text"], *COLUMN_ALIASES["title"], *SUMMARY_ALIASES}
    return any(str(k).lower().strip() in names for k in obj)


_NOT_ONE_LIST = (
    "JSON object that is no list of records: expected a list of objects, an object holding one "
    "list of them, objects keyed by id, or one article (an object with a text or title field)"
)


def _not_one_list(obj: dict[str, Any], lists: list[str]) -> str:
    """Why an object is no table, naming what it holds (trial V): its lists, each with its
    length (a file of two, "articles" and "related", is to be split), or the message of an
    API's error response saved in place of its articles."""
    if len(lists) > 1:
        held = ", ".join(
            f"{k!r} ({len(obj[k])} item{'' if len(obj[k]) == 1 else 's'})" for k in lists[:5]
        )
        return (
            f"JSON object holding {len(lists)} lists ({held}): expected one list of records; "
            "save the list of articles as a file of its own"
        )
    said = next((obj[k] for k in ("message", "error", "detail") if isinstance(obj.get(k), str)),
                None)  # fmt: skip
    if said is not None:
        return f"{_NOT_ONE_LIST} (it says {said[:200]!r}: an error saved in place of the data?)"
    return _NOT_ONE_LIST


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
        while block := f.read(tables_parts.CHUNK_BYTES):
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


# The Python type json.loads gives what an ijson event starts (numbers and null: their value's).
_KINDS = {"start_array": "list", "string": "str", "boolean": "bool"}


def _json_layout(path: str | Path) -> tuple[str, JsonList] | str | None:
    """The ``ijson.items`` prefix of a JSON file's records and their list, or the reason the
    file holds none; None where it is to be parsed whole: the stream fails, it nests deeper
    than ``_STREAM_DEPTH``, its top level is not a list or object, or the object's keys repeat
    or hold a dot (the stream's prefixes would be ambiguous)."""
    lists: dict[str, JsonList | None] = {}
    current: JsonList | None = None  # the list of records being read
    top = None
    depth, records_depth = 0, 1
    with _utf8_bytes(path) as f:
        try:
            for event, value in ijson.basic_parse(f, use_float=True):
                if depth == 0:
                    if event not in ("start_array", "start_map"):
                        return None
                    current = top = JsonList() if event == "start_array" else None
                    records_depth = 1 if event == "start_array" else 2
                elif depth == 1 and records_depth == 2:  # a key of the top-level object
                    if event == "map_key":
                        if value in lists or "." in value:
                            return None
                        key = value
                    elif event != "end_map":  # its value
                        current = lists[key] = JsonList() if event == "start_array" else None
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
    if all(len(lists[k].others) == lists[k].count for k in found):
        # no list of objects: one article, or records keyed by id, which the whole parse reads
        return None
    if len(found) != 1:
        return _not_one_list({k: [None] * lists[k].count for k in found}, found)
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
                if f.tell() - start >= tables_parts.CHUNK_BYTES:
                    parts.add(rows)
                    rows, start = [], f.tell()
    if rows:
        parts.add(rows)
    return parts.items(skips, [])


# A JSON text cut short or broken: its records complete before the break.


_DECODER = json.JSONDecoder()  # a record where the break's reading found one


def _salvaged(text: str, rel: str, records: JsonList, broken: Break, options) -> list[Table | Skip]:
    """The table (or its Skip) of the records complete before a JSON text breaks, made a slice
    at a time (``CHUNK_BYTES`` characters), the skipped items that are not objects and the
    Skip of the rest of the file from the break."""
    skips = [_not_object(rel, kind, index) for index, kind in records.others]
    columns = list(records.columns)
    parts = _Parts(lambda rows: table_of_records(rel, rows, columns, options))
    rows: list[tuple[int, int | None, dict[str, Any]]] = []
    start = 0
    for index, begin, end in records.spans:
        rows.append((index, None, _DECODER.raw_decode(text, begin)[0]))
        if end - start >= tables_parts.CHUNK_BYTES:
            parts.add(rows)
            rows, start = [], end
    if rows:
        parts.add(rows)
    table = parts.parts[:1]
    loaded = len(records.spans) if table and isinstance(table[0], Table) else 0
    skips.append(break_skip(rel, broken, loaded))
    return parts.items(skips, [])
