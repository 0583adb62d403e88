"""Spreadsheets (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``) read by polars with fastexcel (Rust's
calamine): every sheet with a header row, each cell as the text it shows, one row per article.
Database exports come so: Integrum's thematic maps (``Источник``, ``Дата``, ``Заголовок``...),
Media Cloud and Factiva lists saved in Excel.

A row's ``line`` is its row number in the sheet (the header is row 1, or the first row below a
title that names fields: :func:`_header_below`). A workbook of several
sheets loads each sheet that holds a text or title column; the others are skipped by name, and
the rows' note names the sheet they come from.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from toolkit.column_names import is_header
from toolkit.records import Skip, Table
from toolkit.tables_parts import _table_parts, unique_names

__all__ = ["SPREADSHEETS", "read_excel"]

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


def read_excel(path: str | Path, rel: str, options) -> Iterator[Table | Skip]:
    """The articles of every sheet of a workbook; a Skip naming the file (and the sheet) where
    it cannot be read or holds no text column."""
    try:
        sheets = pl.read_excel(path, sheet_id=0, engine="calamine", infer_schema_length=0)
    except Exception as e:  # fastexcel's errors have no common base with polars'
        yield Skip(
            rel,
            f"unreadable spreadsheet ({type(e).__name__}: {_first_line(e)}): check that it opens"
            " in a spreadsheet program, or save it as .csv",
        )
        return
    several = len(sheets) > 1
    offset = 0
    for name, frame in sheets.items():
        frame, first, moved = _header_below(frame, options)
        parts = _table_parts(rel, options)
        parts.add(
            frame.with_columns(
                pl.int_range(offset, offset + frame.height, dtype=pl.Int64).alias("_record"),
                pl.int_range(first, frame.height + first, dtype=pl.Int64).alias("_line"),
            )
        )
        offset += frame.height
        for item in parts.items([], None):
            if isinstance(item, Skip) and several:
                item.reason = f"sheet {name!r}: {item.reason}"
            elif isinstance(item, Table):
                notes = [item.file_note, f"sheet {name!r}" if several else None, moved]
                item.file_note = "; ".join(filter(None, notes)) or None
            yield item


# How far down a sheet its header row is looked for, below a title and a query line
_HEADER_ROWS = 10


def _header_below(frame: pl.DataFrame, options) -> tuple[pl.DataFrame, int, str | None]:
    """A sheet whose first row is a title (an Integrum or library export: a title, the query,
    then the header: trial V) read from the first row below that names two or more fields,
    one of them the title or the text (or the columns ``columns=`` names), with a note; the
    sheet row of its first data row (2 where the header is the first row); else as it is."""
    if _fields_named(frame.columns, options) or not frame.height:
        return frame, 2, None
    for i, row in enumerate(frame.head(_HEADER_ROWS).iter_rows()):
        names = [str(v).strip() if v is not None else "" for v in row]
        if _fields_named(names, options):
            header = unique_names([n or f"column_{j + 1}" for j, n in enumerate(names)])
            below = frame.slice(i + 1)
            below.columns = header
            note = (
                f"the header is row {i + 2} of the sheet: the {i + 1} row"
                f"{'s' if i else ''} above it (a title) left out"
            )
            return below, i + 3, note
    return frame, 2, None


def _fields_named(names: list[str], options) -> bool:
    """Whether ``names`` hold a header: the columns ``columns=`` names, or two or more usual
    names of fields, one of them a title's or a text's."""
    given = {str(v).partition(".")[0] for v in (options.get("columns") or {}).values()}
    return bool(given and given <= set(names)) or is_header(names)


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [""])[0][:200]
