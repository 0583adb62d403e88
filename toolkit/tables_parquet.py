"""Parquet files read by polars a slice of rows at a time (about ``CHUNK_BYTES`` of the
file's bytes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polars as pl

from toolkit import tables_parts
from toolkit.records import Skip, Table
from toolkit.tables_parts import _table_parts

__all__ = ["read_parquet"]


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
    step = max(1, height * tables_parts.CHUNK_BYTES // max(1, Path(path).stat().st_size))
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
