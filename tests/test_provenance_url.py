"""A table row's date from its URL, where no column or text gives one (a NewsAPI export of
Russian and Chinese outlets, trial C: 65 of 160 rows, every one the day of its publishedAt)."""

import datetime as dt

import polars as pl
import pytest

from toolkit import ingest
from toolkit.dates import _URL_DATE, url_date


@pytest.mark.parametrize(
    ("url", "date", "written"),
    [
        ("https://ria.ru/20210509/ataki-1731602766.html", dt.date(2021, 5, 9), "20210509"),
        ("http://www.xinhuanet.com/world/2021-05/18/c_1127462331.htm", dt.date(2021, 5, 18), "2021-05/18"),
        ("http://www.chinanews.com/gj/2021/05-18/9480369.shtml", dt.date(2021, 5, 18), "2021/05-18"),
        ("https://www.nytimes.com/2014/03/02/world/europe/x.html", dt.date(2014, 3, 2), "2014/03/02"),
        # no whole date: none
        ("https://tass.com/politics/1418037", None, None),
        ("https://example.com/2021/05/", None, None),
        ("https://example.com/2021/13/45/a", None, None),
        ("https://example.com/20211345/a", None, None),
        ("https://example.com/1234567890123/", None, None),
        (None, None, None),
    ],
)  # fmt: skip
def test_url_date(url, date, written):
    found, text = url_date(pl.col("url"))
    got = pl.DataFrame({"url": [url]}, schema={"url": pl.String}).select(found, text.alias("t"))
    assert got.row(0) == (date, written)


def test_url_date_pattern_htmldate_s():
    # written out (importing htmldate costs a fresh process 0.04 s): the pattern htmldate reads
    from htmldate.extractors import COMPLETE_URL

    assert COMPLETE_URL.pattern == _URL_DATE


@pytest.mark.parametrize(
    ("date_cell", "published", "source", "date_text"),
    [
        ("", dt.date(2021, 5, 9), "url", "20210509"),  # no column date: the URL's
        ("2021-05-10", dt.date(2021, 5, 10), "column", "2021-05-10"),  # the column's first
    ],
)
def test_a_row_is_dated_from_its_url_after_its_column(
    tmp_path, date_cell, published, source, date_text
):
    (tmp_path / "t.csv").write_text(
        "title,text,date,url\nT,Lukashenko met Putin in Minsk.,"
        f"{date_cell},https://ria.ru/20210509/ataki-1731602766.html\n",
        encoding="utf-8",
    )
    row = ingest(tmp_path).corpus.row(0, named=True)
    assert (row["published"], row["published_source"], row["date_text"]) == (
        published,
        source,
        date_text,
    )


def test_a_text_page_is_dated_from_its_manifest_url(tmp_path):
    (tmp_path / "a.txt").write_text("Lukashenko met Putin in Minsk on Friday.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url\na.txt,https://www.nytimes.com/2014/03/02/world/europe/x.html\n",
        encoding="utf-8",
    )
    row = ingest(tmp_path).corpus.row(0, named=True)
    assert (row["published"], row["published_source"]) == (dt.date(2014, 3, 2), "url")
