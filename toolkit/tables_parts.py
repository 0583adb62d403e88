"""The pieces the table readers share: the slice size, line and byte-order-mark patterns,
whether a file is read as UTF-8 as it is decoded, and :class:`_Parts`, which makes a table's
slices into its :class:`Table`.

The readers (:mod:`toolkit.tables_delimited`, :mod:`toolkit.tables_json`,
:mod:`toolkit.tables_parquet`) read ``CHUNK_BYTES`` and ``_streamed`` from here when they run,
so setting them here (as the tests do) reaches every reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from toolkit.columns import table_of_frame
from toolkit.decode import looks_binary
from toolkit.records import Skip, Table

CHUNK_BYTES = 8 << 20  # bytes of a table read (and its rows made into a frame) at a time

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # as Python's csv module counts them
_BOM = b"\xef\xbb\xbf"


def _decoded_whole(head: bytes) -> bool:
    """Whether a file starting with ``head`` is decoded whole (see :func:`toolkit.decode.decode`):
    UTF-16 with a byte-order mark, or binary (refused)."""
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_binary(head)


def _streamed(path: str | Path) -> bool:
    """Whether a file is read as UTF-8 as it is decoded: not empty, blank, binary or UTF-16
    (those are decoded whole, or refused, by :func:`toolkit.records.file_text`)."""
    with open(path, "rb") as f:
        head = f.read(8192)
    return bool(head) and not head.isspace() and not _decoded_whole(head)


def _marked(items: list[Table | Skip], encoding: str) -> list[Table | Skip]:
    """The items of a decoded file, each marked with the encoding it was decoded with."""
    for item in items:
        item.encoding = encoding
    return items


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
                Table(
                    first.path,
                    frame,
                    first.has_body_column,
                    first.encoding,
                    first.text_from,
                    first.file_note,
                )
            ]
        # every row malformed: the row skips account for the file
        return [*parts, *skips]


def _table_parts(rel: str, options) -> _Parts:
    return _Parts(lambda frame: table_of_frame(rel, frame, options))


def unique_names(names: list[str]) -> list[str]:
    """Column names made unique (a repeated header gets ``_2``, ``_3``...)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out
