"""CSV and TSV files read a slice of rows at a time (``CHUNK_BYTES``), each malformed row
skipped with the line where it starts, with the delimiter found from the file's header."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars as pl

from toolkit import tables_parts
from toolkit.records import Skip, Table, file_text
from toolkit.table_headless import first_row, joined_notes, with_columns
from toolkit.tables_parts import _BOM, _LINE, _marked, _Parts, _table_parts, unique_names

__all__ = ["read_delimited"]


DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}  # those looked for
SAMPLE_CHARS = 1 << 16  # the head of a file its delimiter is found from


def read_delimited(path: str | Path, rel: str, options, delimiter: str) -> Iterator[Table | Skip]:
    """A CSV or TSV file, a slice of rows at a time (``CHUNK_BYTES``), each malformed row
    skipped (see :func:`_rows_one_by_one`); ``delimiter`` is the file type's, read unless the
    file's header says another (see :func:`find_delimiter`; the rows and skips say which).

    A UTF-8 file is read a block of bytes at a time, each block by polars while writing its rows
    back gives the block exactly (so they are the rows Python's csv module reads), and from the
    first block that does not, row by row by the csv module, decoded as it is read (the file's
    bytes are never held whole). Another file is decoded whole (its encoding found from all of
    it) and read row by row."""
    items = None
    if tables_parts._streamed(path):
        try:
            found, note = find_delimiter(*_utf8_head(path), default=delimiter)
            items, headless = _utf8_table(path, rel, options, found)
            note = joined_notes(note, headless)
        except UnicodeDecodeError:  # not UTF-8: decoded whole, its encoding found
            items = None
        encoding = "utf-8"
    if items is None:
        decoded = file_text(path, rel, "a table")
        if isinstance(decoded, Skip):
            yield decoded
            return
        encoding = decoded.encoding
        whole = len(decoded.text) <= SAMPLE_CHARS
        found, note = find_delimiter(decoded.text[:SAMPLE_CHARS], whole, default=delimiter)
        source = _Lines(m.group() for m in _LINE.finditer(decoded.text))
        del decoded  # the lines' generator holds the text until they are read
        header = _header(source, rel, found)
        taken = source.taken()
        if not isinstance(header, Skip):
            first = first_row(header, taken, sep_line=bool(_SEP_LINE.fullmatch(taken[0])))
            header, options = first.names, with_columns(options, first)
            source.read_again(taken[len(first.kept) :])  # a first row of data: read as a row
            note = joined_notes(note, first.note)
        items = (
            [header]
            if isinstance(header, Skip)
            else _rows_table(source, header, rel, found, _table_parts(rel, options))
        )
    yield from _noted(_marked(items, encoding), note)


# Excel's first line naming a CSV file's delimiter ("sep=;"), which it writes and reads
_SEP_LINE = re.compile(r"sep=(.)(?:\r\n|\r|\n|$)")


def find_delimiter(sample: str, whole: bool, *, default: str) -> tuple[str, str | None]:
    """The delimiter of a table whose text starts with ``sample`` (all of it when ``whole``),
    and a note when it is not ``default`` or the file does not settle it (None otherwise).

    Each of ``DELIMITERS`` that splits the header row (as Python's csv module reads it) is a
    candidate. One candidate is the delimiter. Several: the one whose every row in the sample
    has the header's width; when none or more than one does (or there are no rows), and when
    no candidate splits the header but one splits a row, nothing settles it: ``default`` is
    kept and the note says so. csv.Sniffer is not used: it picks by a preference order when two
    fit and fails on a one-column file, where this must say so instead.

    Example:
        >>> find_delimiter("id;text\\n1;Talks, in Minsk\\n", True, default=",")
        (';', "fields separated by ';' (semicolon), not ',': found from the header")
        >>> find_delimiter("id,text\\n1,Talks; in Minsk\\n", True, default=",")
        (',', None)
    """
    if named := _SEP_LINE.match(sample):  # Excel's "sep=;" line: the delimiter, named
        found = named.group(1)
        if found == default:
            return found, None
        name = f" ({DELIMITERS[found]})" if found in DELIMITERS else ""
        return found, (
            f"fields separated by {found!r}{name}, not {default!r}: named by the file's first "
            f"line {named.group(0).strip()!r}"
        )
    rows = {d: _sample_rows(sample, whole, d) for d in DELIMITERS}
    widths = {d: len(r[0]) for d, r in rows.items() if r and len(r[0]) > 1}
    found, how = default, "from the header"
    if len(widths) == 1:
        found = next(iter(widths))
    elif widths:
        fit = [d for d, n in widths.items() if rows[d][1:] and {len(r) for r in rows[d][1:]} == {n}]
        if len(fit) != 1:
            fits = " and ".join(map(repr, fit)) if fit else "none of them"
            return default, (
                f"delimiter not settled: the header splits by {' and '.join(map(repr, widths))} "
                f"and the first rows fit {fits}; read with {default!r}, the file type's default"
            )
        found, how = fit[0], f"from the header and the first {len(rows[fit[0]]) - 1} rows"
    else:
        split = [d for d in DELIMITERS if any(len(r) > 1 for r in rows[d][1:])]
        if split and split != [default]:
            return default, (
                "delimiter not settled: the header is one column and rows split by "
                f"{' and '.join(map(repr, split))}; "
                f"read with {default!r}, the file type's default"
            )
    if found == default:
        return found, None
    name = DELIMITERS[found]
    return found, f"fields separated by {found!r} ({name}), not {default!r}: found {how}"


def _sample_rows(sample: str, whole: bool, delimiter: str) -> list[list[str]]:
    """The header and the rows (not blank) that ``sample`` holds whole, as Python's csv module
    reads them with ``delimiter``; the last row of a sample cut from a longer file may be cut."""
    csv.field_size_limit(1 << 30)
    rows = csv.reader(_LINE.findall(sample), delimiter=delimiter)
    rows = [r for r in rows if r not in ([], [""])]
    return rows if whole or len(rows) < 2 else rows[:-1]


def _utf8_head(path: str | Path) -> tuple[str, bool]:
    """The text of a UTF-8 file's first ``SAMPLE_CHARS`` bytes (no byte-order mark; a character
    cut at the end left out) and whether that is all of it; UnicodeDecodeError when the bytes
    are not UTF-8."""
    with open(path, "rb") as f:
        data = f.read(SAMPLE_CHARS + 1)
    whole = len(data) <= SAMPLE_CHARS
    data = data[len(_BOM) :] if data.startswith(_BOM) else data
    return codecs.getincrementaldecoder("utf-8")().decode(data[:SAMPLE_CHARS], final=whole), whole


def _noted(items: list[Table | Skip], note: str | None) -> list[Table | Skip]:
    """The items of a table file, each with ``note`` (its delimiter) when there is one."""
    if note:
        for item in items:
            if isinstance(item, Table):
                item.file_note = note
            else:
                item.reason = f"{item.reason}; {note}"
    return items


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
    """The column names of a table from its first row (stripped, made unique); a first line
    "sep=;" (Excel's, naming the delimiter) is no header: the row after it is."""
    csv.field_size_limit(1 << 30)
    first = next(source, None)
    named = first is not None and _SEP_LINE.fullmatch(first)
    lines = source if named else itertools.chain([] if first is None else [first], source)
    try:
        return unique_names([h.strip() for h in next(csv.reader(lines, delimiter=delimiter))])
    except (StopIteration, csv.Error) as e:
        return Skip(rel, f"no header row: {e}", line=1)


def _utf8_table(
    path: str | Path, rel: str, options, delimiter: str
) -> tuple[list[Table | Skip], str | None]:
    """The table and skips of a UTF-8 file (see :func:`read_delimited`), and the note on a
    file whose first row is data (:func:`toolkit.table_headless.first_row`);
    UnicodeDecodeError when it is not UTF-8."""
    with open(path, "rb") as f:
        start = len(_BOM) if f.read(len(_BOM)) == _BOM else 0
        f.seek(start)
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")  # lines split as csv does
        source = _Lines(text)
        header = _header(source, rel, delimiter)
        text.detach()  # the file stays open
        if isinstance(header, Skip):
            return [header], None
        taken = source.taken()
        newline = "\r\n" if taken[-1].endswith("\r\n") else "\n"  # written back as the header's
        first = first_row(header, taken, sep_line=bool(_SEP_LINE.fullmatch(taken[0])))
        header, taken, headless = first.names, first.kept, first.note  # data: read again
        options = with_columns(options, first)
        done = len(taken)  # lines read
        f.seek(start + len("".join(taken).encode()))
        parts = _table_parts(rel, options)
        index, skips = 0, []
        while block := _block(f):
            frame = _read_exactly(block, delimiter, header, newline)
            if frame is None:  # from here on row by row, decoded as it is read
                rest = io.TextIOWrapper(f, encoding="utf-8", newline="")
                lines = (m.group() for m in _LINE.finditer(block.decode()))
                del block
                source = _Lines(itertools.chain(lines, rest), done)
                return _rows_table(source, header, rel, delimiter, parts, index, skips), headless
            numbered = frame.with_columns(
                pl.int_range(index, index + frame.height, dtype=pl.Int64).alias("_record"),
                _first_lines(frame, done + 1).alias("_line"),
            )
            parts.add(_without_headers(numbered, header, rel, skips))
            index += frame.height
            done += _line_count(block)
        return parts.items(skips, _string_frame(header, [])), headless


def _block(f: io.BufferedReader) -> bytes:
    """The next bytes of a table, about ``CHUNK_BYTES``, up to a line end where a row may end
    (an even number of quotes before it, looked for up to 4 times that size); b"" at the end."""
    block = f.read(tables_parts.CHUNK_BYTES)
    parts, size, quotes = [block], len(block), block.count(b'"')
    while block and (
        not parts[-1].endswith(b"\n") or (quotes % 2 and size < 4 * tables_parts.CHUNK_BYTES)
    ):
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


def _rows_table(
    source: _Lines,
    header: list[str],
    rel: str,
    delimiter: str,
    parts: _Parts,
    index: int = 0,
    skips: list[Skip] | None = None,
) -> list[Table | Skip]:
    """The table of the rows of ``source`` after its header, read row by row (rows from
    ``index``, after the frames already in ``parts``, and ``skips`` of those), and the Skips
    of the malformed rows."""
    skips = [] if skips is None else skips
    rows = _rows_one_by_one(source, rel, delimiter, len(header), index)
    for frame in _row_frames(rows, header, skips):
        parts.add(_without_headers(frame, header, rel, skips))
    return parts.items(skips, _string_frame(header, []))


# The reason a row that is the header again is skipped (two exports appended: trial V)
HEADER_AGAIN = "the header again (files appended?): not an article"


def _without_headers(
    frame: pl.DataFrame, header: list[str], rel: str, skips: list[Skip]
) -> pl.DataFrame:
    """``frame`` less its rows that repeat the header (each of two or more cells its column's
    name, the others empty), each a Skip added to ``skips`` with its record and line."""
    named = [c for c in header if c.strip()]
    if len(named) < 2:
        return frame
    # a screen first: a header's first named cell is short (most rows' are not)
    first = named[0]
    maybe = frame.filter(pl.col(first).str.len_bytes().fill_null(0) <= len(first.encode()) + 8)
    if not maybe.height:
        return frame
    same = [pl.col(c).str.strip_chars().str.to_lowercase() == c.strip().lower() for c in named]
    empty = [pl.col(c).fill_null("").str.strip_chars() == "" for c in named]
    again = (pl.sum_horizontal(same) >= 2) & pl.all_horizontal(
        [s.fill_null(False) | e for s, e in zip(same, empty, strict=True)]
    )
    hits = maybe.filter(again).select("_record", "_line")
    if not hits.height:
        return frame
    skips += [Skip(rel, HEADER_AGAIN, record, line) for record, line in hits.iter_rows()]
    return frame.filter(~pl.col("_record").is_in(hits["_record"].implode()))


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
        if size >= tables_parts.CHUNK_BYTES:
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
