"""Spreadsheets (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``) read by polars with fastexcel (Rust's
calamine): every sheet with a header row, each cell as the text it shows, one row per article.
Database exports come so: Integrum's thematic maps (``Источник``, ``Дата``, ``Заголовок``...),
Media Cloud and Factiva lists saved in Excel.

A row's ``line`` is its row number in the sheet (the header is row 1). A workbook of several
sheets loads each sheet that holds a text or title column; the others are skipped by name, and
the rows' note names the sheet they come from.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from toolkit.records import Skip, Table
from toolkit.tables_parts import _table_parts

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
        parts = _table_parts(rel, options)
        parts.add(
            frame.with_columns(
                pl.int_range(offset, offset + frame.height, dtype=pl.Int64).alias("_record"),
                pl.int_range(2, frame.height + 2, dtype=pl.Int64).alias("_line"),
            )
        )
        offset += frame.height
        for item in parts.items([], None):
            if isinstance(item, Skip) and several:
                item.reason = f"sheet {name!r}: {item.reason}"
            elif isinstance(item, Table) and several:
                item.file_note = "; ".join(filter(None, [item.file_note, f"sheet {name!r}"]))
            yield item


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [""])[0][:200]
