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


def test_an_rss_table_read_as_a_researcher_has_it(tmp_path):
    # author,date,source,summary,title,url with day-first dates and an outlet slug
    (tmp_path / "rss.csv").write_text(
        "author,date,source,summary,title,url\n"
        "A,01/10/2017,the-new-york-times,Talks in Minsk went on.,Talks,https://x.example/1\n"
        "B,25/10/2017,NEW YORK TIMES,Trade rose again.,Trade,https://x.example/2\n"
    )
    result = ingest(tmp_path)
    corpus = result.corpus
    assert corpus["published"].to_list() == [dt.date(2017, 10, 1), dt.date(2017, 10, 25)]
    assert corpus["outlet"].to_list() == ["New York Times"] * 2
    assert corpus["text"].to_list() == ["Talks in Minsk went on.", "Trade rose again."]
    notes = result.report.filter(pl.col("status") == "loaded")["note"]
    assert notes.str.contains("the summary column read as the text").all()
    assert notes[0].count("day first") == 1


@pytest.mark.parametrize(
    ("columns", "message"),
    [
        ({"body": "story"}, "unknown field 'body'"),
        ({"text": ""}, "a column name"),
    ],
)
def test_columns_naming_an_unknown_field_is_an_error(tmp_path, columns, message):
    (tmp_path / "t.csv").write_text("story\nBody.\n")
    with pytest.raises(InputError, match=message):
        ingest(tmp_path, columns=columns)


@pytest.mark.parametrize(
    ("declared", "published"),
    [
        ({}, [None, None]),  # nothing settles "01/10/2017": undated, with a note
        ({"dayfirst": True}, [dt.date(2017, 10, 1), dt.date(2017, 2, 10)]),
        ({"dayfirst": {"t.csv": False}}, [dt.date(2017, 1, 10), dt.date(2017, 10, 2)]),
        ({"date_format": {"t.csv": "%m/%d/%Y"}}, [dt.date(2017, 1, 10), dt.date(2017, 10, 2)]),
    ],
)
def test_declared_date_order_per_source(tmp_path, declared, published):
    (tmp_path / "t.csv").write_text("title,text,date\nA,Body a.,01/10/2017\nB,Body b.,10/02/2017\n")
    result = ingest(tmp_path / "t.csv", **declared)
    assert result.corpus["published"].to_list() == published


def test_a_date_key_naming_no_source_is_an_error(tmp_path):
    (tmp_path / "t.csv").write_text("title,text,date\nA,Body a.,01/10/2017\n")
    with pytest.raises(InputError, match="names no source"):
        ingest(tmp_path / "t.csv", dayfirst={"other.csv": True})


def test_a_file_over_max_file_mb_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "big.txt").write_text("Headline\n\n" + "Body text. " * 200_000)
    (tmp_path / "small.txt").write_text("Headline\n\nA small body.")
    result = ingest(tmp_path, max_file_mb=1)
    assert result.corpus["path"].to_list() == [f"{tmp_path.name}/small.txt"]
    assert "over max_file_mb (1 MB)" in result.skipped["reason"].item()
