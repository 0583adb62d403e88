import datetime as dt

import polars as pl
import pytest

import toolkit.readers as readers
from toolkit import InputError, ToolkitError, ingest


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        # polars cannot cast these to text: a raw InvalidOperationError or ComputeError before
        (pl.DataFrame({"text": [dt.timedelta(days=1)]}), "cannot all be read as text"),
        (pl.DataFrame({"text": [[dt.timedelta(days=1)]]}), "cannot all be read as text"),
        (pl.DataFrame({"text": [b"\xff\xfe not UTF-8"]}), "cannot all be read as text"),
        # polars panics writing binary values as JSON metadata
        (pl.DataFrame({"text": ["Body."], "blob": [b"\x00\x01"]}), r"\['blob'\] hold binary"),
        (pl.DataFrame({"text": ["Body."], "blobs": [[b"\x00"]]}), r"\['blobs'\] hold binary"),
    ],
)
def test_columns_polars_cannot_read_raise_an_input_error_naming_the_file(tmp_path, frame, message):
    frame.write_parquet(tmp_path / "bad.parquet")
    with pytest.raises(InputError, match=message) as caught:
        ingest(tmp_path)
    assert caught.value.path == f"{tmp_path.name}/bad.parquet"
    assert str(caught.value).startswith(f"{tmp_path.name}/bad.parquet: ")


def test_valid_utf8_binary_is_still_read_as_text(tmp_path):
    pl.DataFrame({"text": [b"Body of the story."]}).write_parquet(tmp_path / "b.parquet")
    assert ingest(tmp_path).corpus["text"].to_list() == ["Body of the story."]


def test_any_polars_error_in_a_reader_becomes_a_toolkit_error_naming_the_file(
    tmp_path, monkeypatch
):
    def broken(path, rel, options):
        raise pl.exceptions.ComputeError("something polars did not like")
        yield  # a reader is a generator

    monkeypatch.setitem(readers.READERS, ".parquet", broken)
    pl.DataFrame({"text": ["Body."]}).write_parquet(tmp_path / "t.parquet")
    with pytest.raises(ToolkitError, match=r"t\.parquet: polars cannot read this file") as caught:
        ingest(tmp_path)
    assert isinstance(caught.value.__cause__, pl.exceptions.ComputeError)


def test_unreadable_parquet_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "x.parquet").write_bytes(b"PAR1garbage")
    result = ingest(tmp_path)
    assert result.skipped["reason"].item().startswith("unreadable parquet: ")
    assert result.skipped["encoding"].item() is None
