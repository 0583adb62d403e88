"""Dates read from URLs and outlets named by a URL's site, on excerpts of NewsAPI "top
headlines" dumps (github.com/andrewfromtver/news_ag, app-data/news_ru.js and news_cn.js, as
trial C's data/SOURCES.md names them): the records' ``publishedAt`` is left out of the files
and kept as the evidence a URL's date is checked against."""

import datetime as dt
import json
from pathlib import Path

import polars as pl
import pytest

from toolkit import ingest

# NewsAPI records (publishedAt left out); each row: source, URL, publishedAt (the evidence)
_RECORDS = [
    ({"id": None, "name": "Ria.ru"}, "https://ria.ru/20210509/ataki-1731602766.html", "2021-05-09"),
    (
        {"id": "xinhua-net", "name": "Xinhua Net"},
        "http://www.xinhuanet.com/world/2021-05/18/c_1127462331.htm",
        "2021-05-18",
    ),
    (
        {"id": None, "name": "Chinanews.com"},
        "http://www.chinanews.com/gj/2021/05-18/9480369.shtml",
        "2021-05-18",
    ),
    ({"id": "lenta", "name": "Lenta"}, "https://lenta.ru/news/2021/05/15/dogecoin/", "2021-05-15"),
    (
        {"id": "rbc", "name": "RBC"},
        "https://www.rbc.ru/politics/16/05/2021/60a022e59a79475ca74b50bd",
        "2021-05-16",
    ),
    # not from the dumps: a known alias in the source object beats the URL's site
    ({"name": "RIA Novosti"}, "http://www.xinhuanet.com/world/2021-05/16/c_1127453057.htm", None),
]


@pytest.fixture
def newsapi(tmp_path: Path) -> pl.DataFrame:
    articles = [
        {"source": s, "title": f"Title {i}", "content": f"Text {i}.", "url": u}
        for i, (s, u, _) in enumerate(_RECORDS)
    ]
    path = tmp_path / "news_ru.json"
    path.write_text(json.dumps({"status": "ok", "articles": articles}), encoding="utf-8")
    result = ingest(path)
    notes = result.report.filter(pl.col("status") == "loaded").select("doc_id", "note")
    return result.corpus.join(notes, on="doc_id", how="left").sort("title")


# title: (outlet, outlet_source, published, published_source, a note it holds or None)
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Title 0", ("RIA Novosti", "column", "2021-05-09", "url", None)),
        (
            "Title 1",
            (
                "Xinhua",
                "url",
                "2021-05-18",
                "url",
                "outlet 'Xinhua Net' is not a known alias: Xinhua, which the url names, taken",
            ),
        ),
        # an outlet table names it (China News Service)
        ("Title 2", ("China News Service", "column", "2021-05-18", "url", None)),
        ("Title 3", ("Lenta", "column", "2021-05-15", "url", "kept as written")),
        ("Title 4", ("RBC", "column", None, None, None)),
        ("Title 5", ("RIA Novosti", "column", "2021-05-16", "url", None)),
    ],
)
def test_newsapi_rows(newsapi: pl.DataFrame, title: str, expected: tuple) -> None:
    outlet, outlet_source, published, published_source, note = expected
    row = newsapi.filter(pl.col("title") == title).row(0, named=True)
    assert (row["outlet"], row["outlet_source"]) == (outlet, outlet_source)
    assert row["published_source"] == published_source
    assert row["published"] == (dt.date.fromisoformat(published) if published else None)
    if published:  # the URL's day agrees with the record's publishedAt
        assert _RECORDS[int(title.split()[1])][2] in (published, None)
    if note:
        assert note in (row["note"] or "")


# (page text, the manifest's URL for it): (published, published_source)
@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        (
            "Talks in Minsk\n\nThe presidents met to discuss the union state.\n",
            "http://www.xinhuanet.com/world/2021-05/18/c_1127462331.htm",
            (dt.date(2021, 5, 18), "url"),
        ),
        (  # the page's own date stamp comes before the URL's
            "Talks in Minsk\n\n18 May 2021\n\nThe presidents met to discuss the union state.\n",
            "https://ria.ru/20210509/ataki-1731602766.html",
            (dt.date(2021, 5, 18), "text"),
        ),
        (  # day first in the URL: not read
            "Talks in Minsk\n\nThe presidents met to discuss the union state.\n",
            "https://www.rbc.ru/politics/16/05/2021/60a022e59a79475ca74b50bd",
            (None, None),
        ),
    ],
)
def test_a_text_page_is_dated_from_its_manifest_url(tmp_path: Path, text, url, expected) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "talks.txt").write_text(text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(f"file,url\ntalks.txt,{url}\n", encoding="utf-8")
    corpus = ingest(tmp_path / "pages", manifest=tmp_path / "manifest.csv").corpus
    assert corpus.select("published", "published_source").row(0) == expected


LONG = " ".join(["word"] * 25)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (f"...who came to power in a landslide, {LONG} that...", "opens and"),
        ("...who came to power in a landslide, had insisted for months that...", "opens with"),
        ("… the army, which staged a May 22 coup.", "opens with"),
        ('"...We live in a democracy," Bush said.', "opens with"),
        (f"{LONG} and the fans will taste the…", "cut short"),
        (f"{LONG} according to a new ...", "cut short"),
        # a headline's ellipsis for effect, a finished sentence, an ellipsis inside: no note
        ("Asia News Wrap: travel rebounds and more…", None),
        (f"{LONG}.", None),
        (f"{LONG} said... and then left.", None),
        (f"{LONG}. ...", None),
        ("", None),
    ],
)
def test_excerpts_are_noted(text, note):
    from toolkit.provenance_notes import excerpt_note

    found = pl.select(excerpt_note(pl.lit(text), pl.lit(len(text.split())))).item()
    assert (found is None) if note is None else (note in found)


def test_an_excerpt_is_noted_in_the_load_report(tmp_path):
    (tmp_path / "2015-01-10 Ousted premier rejects charges.txt").write_text(
        "...who came to power in a landslide election in 2011, had insisted for months that the "
        "nation's fragile democracy was under attack from protesters, the courts, and finally..."
    )
    (tmp_path / "2015-01-11 Whole.txt").write_text("The whole article. " * 20)
    report = ingest(tmp_path).report
    notes = {p.rsplit("/", 1)[-1]: n for p, n in report.select("path", "note").iter_rows()}
    assert "text is an excerpt" in notes["2015-01-10 Ousted premier rejects charges.txt"]
    assert notes["2015-01-11 Whole.txt"] is None


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        # a headline item's text cut after its dateline: its title tells the language
        (
            "Putin congratulates Russian women on March 8",
            "President Vladimir Putin congratula",
            "en",
        ),
        ("Путин поздравил женщин с 8 Марта", "Владимир Путин поздравил", "ru"),
        (None, "President Vladimir Putin congratula", "und"),
        # a text that says its language keeps it, whatever the title
        (
            "Путин поздравил женщин",
            "The president congratulated the women of Russia on the day.",
            "en",
        ),
        # bytes read in the wrong encoding: no language, whatever letters they hold
        ("Новости", "������Ѷ��5��18�գ��ǵ�45�����ʲ�����գ��������ǲ���ݵ�δ�����", "und"),
    ],
)
def test_a_text_too_short_to_tell_is_read_with_its_title(tmp_path, title, text, lang):
    row = {"title": title, "text": text, "date": "2026-03-08"}
    (tmp_path / "items.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n")
    loaded = ingest(tmp_path)
    assert loaded.corpus["lang"].to_list() == [lang]
    note = loaded.report.filter(pl.col("status") == "loaded")["note"][0] or ""
    assert ("undecodable characters" in note) == ("\ufffd" in text)


@pytest.mark.parametrize(
    ("summary", "text", "note"),
    [
        (
            "Putin held talks.",
            "Putin held talks.",
            "no body column: the summary column read as the text",
        ),
        ("", "Talks with Lukashenko", "the summary column is empty here: title used as text"),
    ],
)
def test_the_note_says_where_a_row_without_a_body_took_its_text(tmp_path, summary, text, note):
    (tmp_path / "items.csv").write_text(
        f'title,summary,date\nTalks with Lukashenko,"{summary}",2025-03-06\n', encoding="utf-8"
    )
    loaded = ingest(tmp_path)
    assert loaded.corpus["text"].to_list() == [text]
    assert note in loaded.report.filter(pl.col("status") == "loaded")["note"][0]


@pytest.mark.parametrize(
    ("text", "outlet", "dateline", "starts"),
    [
        ("МОСКВА, 9 мая — РИА Новости. В Москве прошёл парад.", "RIA Novosti", "МОСКВА", "В Москве"),
        # RIA's own dataset, lower-cased throughout
        ("москва, 1 дек — риа новости. около 60 тысяч литров нефти вытекли.", "RIA Novosti",
         "москва", "около 60"),
        ("кишинев, 1 дек — риа новости. после подсчета 41% протоколов.", "RIA Novosti", "кишинев",
         "после"),
    ],
)  # fmt: skip
def test_ria_datelines_name_the_outlet_in_either_case(tmp_path, text, outlet, dateline, starts):
    (tmp_path / "ria.jsonl").write_text(
        json.dumps({"title": "новость", "text": text}, ensure_ascii=False) + "\n"
    )
    row = ingest(tmp_path).corpus.row(0, named=True)
    assert (row["outlet"], row["dateline"]) == (outlet, dateline)
    assert row["text"].startswith(starts)
