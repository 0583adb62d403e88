"""The local engine's reading of a corpus: every bad input is a ToolkitError naming what to fix."""

import datetime as dt

import numpy as np
import polars as pl
import pytest

from toolkit.dedup import find_duplicates
from toolkit.dedup_local import LocalBatches, open_corpus
from toolkit.errors import DataError, InputError

TEXT = " ".join(f"word{i % 37} talks{i % 11}" for i in range(200))


def _file(tmp_path, name: str, body: bytes | None) -> str:
    path = tmp_path / name
    if body is not None:
        path.write_bytes(body)
    return str(path)


def _cut_parquet(tmp_path) -> bytes:
    """A parquet file whose text pages are overwritten: its footer reads, its data does not."""
    big = pl.DataFrame({"doc_id": [f"d{i}" for i in range(3000)], "text": ["word " * 50] * 3000})
    big.write_parquet(tmp_path / "big.parquet", compression="uncompressed", statistics=False)
    body = bytearray((tmp_path / "big.parquet").read_bytes())
    body[len(body) // 2 : len(body) // 2 + 5000] = b"\xff" * 5000
    return bytes(body)


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda p: pl.DataFrame({"text": ["x"]}), DataError, "no doc_id column"),
        (lambda p: pl.DataFrame({"doc_id": [1], "text": ["x"]}), DataError, "doc_id column holds"),
        (lambda p: pl.DataFrame({"doc_id": ["a"], "text": [1]}), DataError, "text column holds"),
        (
            lambda p: pl.DataFrame({"doc_id": ["a"], "text": ["x"], "published": ["2020-01-01"]}),
            DataError,
            r"published column holds String.*str\.to_date",
        ),
        (lambda p: pl.DataFrame({"doc_id": ["a"], "text": ["x"], "site": [3]}), DataError, "site"),
        (lambda p: _file(p, "notes.parquet", b"not parquet\n"), InputError, "notes.parquet: "),
        (lambda p: _file(p, "cut.parquet", _cut_parquet(p)), InputError, "cut.parquet: .*read"),
        (lambda p: pl.scan_parquet(p / "gone.parquet"), InputError, "could not read the corpus"),
        (lambda p: ["a", "b"], InputError, "the corpus is a list"),
    ],
)
def test_bad_corpora_raise_toolkit_errors_that_name_the_file_or_column(
    tmp_path, make, error, message
):
    with pytest.raises(error, match=message):
        find_duplicates(make(tmp_path), chunk_size=500)


def test_dates_as_datetimes_and_categorical_outlets_still_work():
    c = pl.DataFrame({"doc_id": ["a", "b"], "text": [TEXT, TEXT]}).with_columns(
        published=pl.Series([dt.datetime(2020, 1, 2), dt.datetime(2020, 1, 1)]),
        outlet=pl.Series(["BelTA", "BelTA"], dtype=pl.Categorical),
    )
    assert find_duplicates(c).clusters.filter(pl.col("is_canonical"))["doc_id"].to_list() == ["b"]


def test_batches_cover_every_row_once_in_parts_and_by_row():
    frame = pl.DataFrame(
        {"doc_id": [f"d{i}" for i in range(4500)], "text": [str(i) for i in range(4500)]}
    )
    read = open_corpus(frame)
    with LocalBatches(read.source, n_docs=4500, chunk_size=3000) as batches:
        parts = list(batches.map(lambda t: t.to_list(), "read"))
        assert [start for start, _ in parts] == [0, 2000, 3000]  # parts never span chunks
        assert [t for _, texts in parts for t in texts] == frame["text"].to_list()
        rows = np.array([1, 2999, 3000, 4499])
        by_row = [(r.tolist(), t) for r, t in batches.map_rows(lambda t: t.to_list(), "x", rows)]
    assert by_row == [([1, 2999], ["1", "2999"]), ([3000, 4499], ["3000", "4499"])]
