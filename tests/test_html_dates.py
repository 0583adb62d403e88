"""An HTML page's date from htmldate: a first of a month or of January that only a month or a
copyright year gives is no day (trial D: "© 2020 БЕЛТА" read as 2020-01-01)."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit import ingest
from toolkit.html_dates import checked_date

BODY = "<p>Lukashenko and Putin met in Sochi on Friday to discuss gas prices and loans.</p>"


def page(head: str = "", body: str = BODY, footer: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article>{footer}</body></html>"


@pytest.mark.parametrize(
    ("date", "html", "kept", "note"),
    [
        # a copyright line alone: the first of January of its year is no date
        ("2020-01-01", page(footer="<footer>© 2020 БЕЛТА. Все права защищены.</footer>"), None, "only a year (2020"),
        ("2024-01-01", page(footer="<footer>© 1998-2024 ТАСС</footer>"), None, "only a year (2024"),
        # a month and a year alone: no day
        ("2021-05-01", page(footer="<p>Archive: May 2021</p>"), None, "only a month (2021-05)"),
        # the day written in the page, in any language, or in its metadata: kept
        ("2020-01-01", page(body="<p>1 января 2020</p>" + BODY), "2020-01-01", None),
        ("2021-05-01", page(body="<time>May 1, 2021</time>" + BODY), "2021-05-01", None),
        ("2021-05-01", page(head='<meta property="article:published_time" content="2021-05-01T10:00:00">'),
         "2021-05-01", None),
        # a day in the page's metadata, its URL or a date line stands
        ("2021-05-09", page(head='<meta property="article:published_time" content="2021-05-09">'),
         "2021-05-09", None),
        ("2021-05-09", page(body="<p>9 May 2021, 10:15</p>" + BODY), "2021-05-09", None),
        # a day the extensive search found elsewhere is not the page's (trial F: a related
        # story's image, "/uploads/i/20150909/..."; a Reuters page's revision date in a script)
        ("2015-09-09", page(body=BODY + '<img src="/uploads/i/20150909/x.jpg">'), None,
         "only by searching the page"),
        ("2021-05-09", page(), None, "only by searching the page"),
        (None, page(), None, None),
    ],
)  # fmt: skip
def test_a_month_or_a_copyright_year_is_no_day(date, html, kept, note):
    got, said = checked_date(date, html, None)
    assert got == kept
    assert (note in said) if note else said is None


def test_an_undated_page_says_why_in_the_load_report(tmp_path):
    (tmp_path / "belta.html").write_text(
        page(footer="<footer>© 2020 БЕЛТА. Все права защищены.</footer>"), encoding="utf-8"
    )
    (tmp_path / "tass.html").write_text(
        page(head='<meta property="article:published_time" content="2021-05-09T10:00:00">'),
        encoding="utf-8",
    )
    result = ingest(tmp_path)
    corpus, report = result.corpus, result.report
    dates = {
        p.rsplit("/", 1)[-1]: d for p, d in zip(corpus["path"], corpus["published"], strict=True)
    }
    assert dates == {"belta.html": None, "tass.html": dt.date(2021, 5, 9)}
    notes = {p.rsplit("/", 1)[-1]: n for p, n in zip(report["path"], report["note"], strict=True)}
    assert "only a year (2020" in notes["belta.html"]


@pytest.mark.parametrize(
    ("name", "body", "source"),
    [
        ("tass.html", page(head='<meta property="article:published_time" content="2021-05-09">'),
         "page metadata"),  # an HTML page's metadata: no column of any table
        ("tass.md", "---\ndate: 2021-05-09\n---\nMinsk and Moscow agreed on Friday.\n",
         "page metadata"),  # a front matter
        ("tass.csv", "date,text\n2021-05-09,Minsk and Moscow agreed on Friday.\n", "column"),
    ],
)  # fmt: skip
def test_a_pages_date_is_from_its_metadata_a_rows_from_its_column(tmp_path, name, body, source):
    (tmp_path / name).write_text(body, encoding="utf-8")
    corpus = ingest(tmp_path).corpus
    assert corpus.select("published", "published_source").row(0) == (dt.date(2021, 5, 9), source)
