"""Which columns of a table become the corpus fields: the usual names, a summary read as the
text, a site or channel read as the outlet only through the outlet tables, and fields kept one
level down in an object of metadata (``extra.published``). The real-table cases read excerpts of
public tables nobody here wrote (tests/data/columns/SOURCES.md says where each comes from)."""

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest

from toolkit import InputError, ingest
from toolkit.column_names import check_columns
from toolkit.columns import table_of_frame, table_of_records
from toolkit.records import Table, text_value

DATA = Path(__file__).parent / "data" / "columns"
FIELDS = ["title", "text", "date", "outlet", "site", "url", "note"]


def _from_records(records: list[dict], columns: dict | None = None) -> Table:
    rows = [(i, None, r) for i, r in enumerate(records)]
    keys = list(dict.fromkeys(k for r in records for k in r))
    return table_of_records("t.json", rows, keys, {"columns": columns})


def _from_frame(records: list[dict], columns: dict | None = None) -> Table:
    frame = pl.DataFrame(records).with_row_index("_record").with_columns(_line=pl.lit(None))
    return table_of_frame("t.parquet", frame, {"columns": columns})


@pytest.mark.parametrize("read", [_from_records, _from_frame], ids=["records", "frame"])
@pytest.mark.parametrize(
    ("records", "columns", "expected", "text_from"),
    [
        # a title and a standfirst, no body: the standfirst is the text
        (
            [{"title": "T", "description": "A standfirst."}],
            None,
            {"title": "T", "text": "A standfirst."},
            "description",
        ),
        # RUWA: desc is the standfirst, src the URL, Site the site
        (
            [{"src": "tass.com/defense/1", "desc": "D.", "title": "T", "Site": "tass.com"}],
            None,
            {"title": "T", "text": "D.", "site": "tass.com", "url": "tass.com/defense/1"},
            "desc",
        ),
        # "src" that is not a URL in every row names the source: read as the site
        (
            [{"title": "T", "src": "Reuters"}, {"title": "U", "src": "https://x.example/1"}],
            None,
            {"title": "T", "site": "Reuters"},
            None,
        ),
        # unless columns= says it is the URL
        (
            [{"title": "T", "src": "Reuters"}],
            {"url": "src"},
            {"title": "T", "url": "Reuters"},
            None,
        ),
        # a Telegram export's channel is the site it was posted on
        (
            [{"text": "Post.", "channel": "РИА Новости"}],
            None,
            {"text": "Post.", "site": "РИА Новости"},
            None,
        ),
        # China-Dashboard: the date and the site's name one level down, in "extra"
        (
            [
                {
                    "title": "T",
                    "extra": {"published": "2026-06-13T03:29:18Z", "source_name": "新华网"},
                }
            ],
            None,
            {
                "title": "T",
                "date": "2026-06-13T03:29:18Z",
                "site": "新华网",
                "note": "date read from extra.published; site read from extra.source_name",
            },
            None,
        ),
        # a column beats a key one level down: nothing read from "extra", nothing noted
        (
            [{"title": "T", "date": "2024-01-02", "extra": {"published": "2024-01-05"}}],
            None,
            {"title": "T", "date": "2024-01-02"},
            None,
        ),
        # two keys that may hold the date and differ: the first alias wins, with a note
        (
            [{"title": "T", "extra": {"published": "2024-01-05", "date": "2024-01-02"}}],
            None,
            {
                "title": "T",
                "date": "2024-01-02",
                "note": "date read from extra.date; date: extra.date, extra.published "
                "disagree; the first with a value is used",
            },
            None,
        ),
        # two that agree: only which was read
        (
            [{"title": "T", "extra": {"published": "2024-01-05", "date": "2024-01-05"}}],
            None,
            {"title": "T", "date": "2024-01-05", "note": "date read from extra.date"},
            None,
        ),
        # an object that is not metadata is not searched: an author's URL is not the article's
        (
            [{"title": "T", "author": {"name": "A", "url": "https://x.example/a"}}],
            None,
            {"title": "T"},
            None,
        ),
        # columns= may name an object's key
        (
            [{"story": "S.", "extra": {"when": "2024-01-05"}}],
            {"text": "story", "date": "extra.when"},
            {"text": "S.", "date": "2024-01-05", "note": "date read from extra.when"},
            None,
        ),
    ],
)
def test_columns_become_fields(read, records, columns, expected, text_from):
    table = read(records, columns)
    row = table.frame.row(0, named=True)
    assert {f: row[f] for f in FIELDS} == {f: expected.get(f) for f in FIELDS}
    assert table.text_from == text_from


@pytest.mark.parametrize("read", [_from_records, _from_frame], ids=["records", "frame"])
def test_a_record_whose_keys_are_missing_one_level_down_has_no_field_and_no_note(read):
    table = read([{"title": "T", "extra": {"published": "2024-01-05"}}, {"title": "U"}])
    assert table.frame["date"].to_list() == ["2024-01-05", None]
    assert table.frame["note"].to_list() == ["date read from extra.published", None]


@pytest.mark.parametrize("read", [_from_records, _from_frame], ids=["records", "frame"])
def test_a_key_columns_names_that_is_not_there_is_an_error(read):
    with pytest.raises(InputError, match=r"'extra.when' given for date .* as extra.published"):
        read([{"title": "T", "extra": {"published": "2024"}}], {"date": "extra.when"})


@pytest.mark.parametrize("read", [_from_records, _from_frame], ids=["records", "frame"])
def test_columns_may_reach_into_any_object_column(read):
    """CCTV's feed keeps each item's text in an object named video_detail (trial M): named in
    columns=, it is read as extra's keys are."""
    records = [{"video_title": "[视频]T", "brief": "B.",
                "video_detail": {"title": "Talks", "content": "Minsk and Moscow agreed."}}]  # fmt: skip
    table = read(records, {"title": "video_detail.title", "text": "video_detail.content"})
    row = table.frame.row(0, named=True)
    assert (row["title"], row["text"]) == ("Talks", "Minsk and Moscow agreed.")
    assert row["note"] == "title read from video_detail.title; text read from video_detail.content"


def test_site_is_a_field_columns_may_name():
    assert check_columns({"site": "Domain"}) == {"site": "Domain"}


def _ingest(tmp_path, *names, **options):
    for name in names:
        shutil.copy(DATA / name, tmp_path / name)
    result = ingest(tmp_path, **options)
    loaded = result.report.filter(pl.col("status") == "loaded")
    corpus = result.corpus.join(loaded.select("doc_id", "note"), on="doc_id", how="left")
    return corpus, result.report.filter(pl.col("status") == "skipped")


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        # RUWA: the Site domain names the outlet where a table knows it (source: the column),
        # else the outlet stays empty and the note names the site; src is the URL
        (
            "ruwa.csv",
            [
                ("BBC", "column", "https://www.bbc.co.uk/news/60554910", "02/28/2022", None),
                ("Al Jazeera", "column", None, "02/18/2022", None),  # its own outlet table
                ("RT", "column", None, "04/06/2022", "the desc column read as the text"),
                ("TASS", "column", "tass.com/defense/1418037", "03/06/2022", None),
            ],
        ),
        # Telegram: each channel's name is an alias in the outlet tables
        (
            "telegram-1001101170442_messages.json",
            [
                ("RIA Novosti", "column", None, "2024-12-04T08:55:19+00:00", None),
                ("RIA Novosti", "column", None, "2024-12-04T08:55:12+00:00", None),
            ],
        ),
        ("telegram-1001003921752_messages.json", [("BBC", "column", None, None, None)] * 2),
        # China-Dashboard: the site's name (extra.source_name) is Xinhua's alias
        (
            "china-dashboard-xinhua_news.json",
            [
                ("Xinhua", "column", None, "2026-06-13T03:29:18Z", "read from extra.source_name"),
                ("Xinhua", "column", None, "2026-06-13T07:35:27Z", "read from extra.source_name"),
            ],
        ),
        (
            "china-dashboard-thepaper_news.json",
            [(None, None, None, "2026-06-13T17:20:23Z", "site '澎湃新闻' names no known outlet")],
        ),
        # the elite press file names the outlet itself (extra.source)
        (
            "china-dashboard-elite_press.json",
            [("People's Daily", "column", None, None, "outlet read from extra.source")] * 2,
        ),
    ],
)
def test_real_tables_fields(tmp_path, name, rows):
    corpus, _ = _ingest(tmp_path, name)
    assert corpus.height == len(rows)
    for got, (outlet, source, url, date_text, note) in zip(
        corpus.iter_rows(named=True), rows, strict=True
    ):
        assert (got["outlet"], got["outlet_source"]) == (outlet, source)
        assert url is None or got["url"] == url
        assert date_text is None or got["date_text"] == date_text
        assert got["published"] is not None
        assert note is None or note in got["note"]
        assert outlet is None or "names no known outlet" not in (got["note"] or "")


def test_ruwa_reads_its_standfirst_and_skips_a_record_with_neither_title_nor_desc(tmp_path):
    corpus, skipped = _ingest(tmp_path, "ruwa.csv")
    assert corpus["text"][1].startswith("Indian students in Ukraine say")  # desc, not the title
    assert corpus["published"].to_list()[:2] == [dt.date(2022, 2, 28), dt.date(2022, 2, 18)]
    assert corpus["url"].is_not_null().all()
    assert skipped.select("line", "reason").rows() == [(6, "no body text: empty text cell")]


def test_a_channel_named_in_outlet_names_is_that_outlet(tmp_path):
    corpus, _ = _ingest(
        tmp_path,
        "telegram-1001003921752_messages.json",
        outlet_names={"BBC News | Русская служба": "BBC"},
    )
    assert corpus["outlet"].to_list() == ["BBC", "BBC"]
    assert not corpus["note"].fill_null("").str.contains("names no known outlet").any()


def test_an_outlet_column_comes_before_a_site_column(tmp_path):
    (tmp_path / "t.csv").write_text("title,outlet,site\nT,TASS,rt.com\nU,,rt.com\n")
    corpus, _ = _ingest(tmp_path)
    assert corpus["outlet"].to_list() == ["TASS", "RT"]
    assert corpus["outlet_source"].to_list() == ["column", "column"]


@pytest.mark.parametrize(
    ("site_cell", "url", "site", "outlet", "note"),
    [
        # a site column written as a domain is the site where no URL gives one (RUWA's Site)
        ("aljazeera.com", "", "aljazeera.com", "Al Jazeera", None),
        ("https://www.rt.com/", "", "rt.com", "RT", None),
        ("en.news-front.info", "", "news-front.info", "News Front", None),  # its known site
        # a name is no site; unknown, it names no outlet
        ("RT", "", None, "RT", None),
        ("Some Blog", "", None, None, "site 'Some Blog' names no known outlet"),
        # the URL gives the site; where the site column names another outlet, a note says so
        (
            "RT",
            "https://tass.com/politics/1",
            "tass.com",
            "RT",
            "the site column names RT ('RT') but the URL's site is TASS's",
        ),
        ("example.org", "https://tass.com/politics/2", "tass.com", "TASS", None),
    ],
)
def test_a_site_column_gives_the_site_and_a_disagreeing_url_is_noted(
    tmp_path, site_cell, url, site, outlet, note
):
    (tmp_path / "t.csv").write_text(
        f"title,text,date,Site,url\nT,Lukashenko met Putin in Minsk.,2024-05-01,{site_cell},{url}\n",
        encoding="utf-8",
    )
    corpus, _ = _ingest(tmp_path)
    assert corpus.select("site", "outlet").row(0) == (site, outlet)
    got = corpus["note"][0] or ""
    assert (note in got) if note else "site column names" not in got


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # Telegram Desktop's export: a message with formatting or links is a list of runs
        (
            [{"type": "bold", "text": "Talks in Minsk"}, "\n\nThe presidents met. ",
             {"type": "text_link", "text": "More", "href": "https://www.belta.by/1.html"}],
            "Talks in Minsk\n\nThe presidents met. More",
        ),
        (["check ", {"type": "link", "text": "https://t.me/x"}], "check https://t.me/x"),
        ([{"type": "plain", "text": "  "}], None),  # runs of nothing but spaces: no text
        ({"type": "bold", "text": "Talks"}, "Talks"),  # one run: its text, not its type
        (["One.", "Two."], "One.\n\nTwo."),  # a list of strings: paragraphs, as before
        ({"rendered": "Talks in Minsk", "protected": False}, "Talks in Minsk"),
        # NewsAPI's source: its name, not its id
        ({"id": "xinhua-net", "name": "Xinhua Net"}, "Xinhua Net"),
        ({"id": "rbc", "name": " "}, "rbc"),  # a blank name: the first text value
    ],
)  # fmt: skip
def test_rich_text_runs_join_inline(value, text):
    assert text_value(value) == text


def test_a_telegram_desktop_export_reads_its_messages_text(tmp_path):
    """The export's shape (Telegram Desktop, export_output_json.cpp): an object whose one list
    is ``messages``; a service message has no text and is reported as such."""
    export = {
        "name": "БелТА", "type": "public_channel", "id": 1,
        "messages": [
            {"id": 1, "type": "service", "date": "2024-12-03T10:00:00", "action": "pin_message",
             "text": "", "text_entities": []},
            {"id": 2, "type": "message", "date": "2024-12-03T10:05:00", "from": "БелТА",
             "from_id": "channel1001",
             "text": [{"type": "bold", "text": "Лукашенко провел переговоры"}, "\n\nОбсудили "
                      "союзные программы. ", {"type": "text_link", "text": "Подробнее",
                                              "href": "https://www.belta.by/1.html"}],
             "text_entities": [{"type": "bold", "text": "Лукашенко провел переговоры"}]},
        ],
    }  # fmt: skip
    (tmp_path / "result.json").write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    result = ingest(tmp_path)  # a channel's posts: "from" names the channel
    row = result.corpus.row(0, named=True)
    # the bold first line reads as the post's title, as an English one does
    assert (row["title"], row["text"]) == (
        "Лукашенко провел переговоры",
        "Обсудили союзные программы. Подробнее",
    )
    assert (row["outlet"], str(row["published"])) == ("BelTA", "2024-12-03")
    assert result.skipped["reason"].to_list() == ["no body text: empty text cell"]


@pytest.mark.parametrize(
    ("from_ids", "outlets"),
    [
        (["channel1001", "channel1001"], ["BelTA", "BelTA"]),  # a channel's posts
        (["user42", "channel1001"], [None, None]),  # a chat: its senders are people
        ([None, None], [None, None]),
    ],
)
def test_from_names_the_outlet_only_in_a_channels_export(tmp_path, from_ids, outlets):
    messages = [
        {"id": i, "type": "message", "date": "2024-12-03T10:05:00", "from": "БелТА",
         "from_id": from_id, "text": f"Пост {i}"}
        for i, from_id in enumerate(from_ids)
    ]  # fmt: skip
    export = {"name": "БелТА", "type": "public_channel", "messages": messages}
    (tmp_path / "result.json").write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    assert ingest(tmp_path).corpus["outlet"].to_list() == outlets


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        # camelCase and dotted names as NewsAPI and pandas' json_normalize write them
        ("publishedAt", "date_text", "2021-05-09T15:56:15Z"),
        ("datePublished", "date_text", "2021-05-09T15:56:15Z"),
        ("pubDate", "date_text", "2021-05-09T15:56:15Z"),  # RSS's, one word as before
        ("Published-At", "date_text", "2021-05-09T15:56:15Z"),
        # CCTV's and Xinhua's feeds (trial M: pubtime was read into meta, the URL's day taken)
        ("pubtime", "date_text", "2022-02-24 19:33:02"),
        ("pubTime", "date_text", "2022-02-24 19:33:02"),
        ("时间", "date_text", "2022-02-24 19:33:02"),
        ("source.name", "outlet", "RIA Novosti"),  # a site's name: an outlet through the tables
        ("sourceName", "outlet", "RIA Novosti"),
    ],
)
def test_camel_case_and_dotted_column_names_match_their_fields(tmp_path, header, field, value):
    cell = "Ria.ru" if field == "outlet" else value
    (tmp_path / "t.csv").write_text(
        f"title,text,{header}\nT,Lukashenko met Putin in Minsk on Friday.,{cell}\n",
        encoding="utf-8",
    )
    corpus, _ = _ingest(tmp_path)
    assert corpus[field][0] == value


# Database exports' headers, each row written in the shape its export has (trial D)
@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        # Media Cloud's story list: publish_date, media_name, media_url
        ("stories_id,publish_date,title,url,media_name,media_url",
         "1,2020-10-15 01:45:02,Lukashenko meets Putin in Sochi,https://example.com/a,TASS,http://tass.com",
         {"published": dt.date(2020, 10, 15), "outlet": "TASS", "title": "Lukashenko meets Putin in Sochi"}),
        # LexisNexisTools' lnt_convert table: Newspaper
        ("ID,Newspaper,Date,Headline,Article",
         "1,Xinhua,2015-07-01,Talks in Minsk,Lukashenko met Putin in Minsk on Friday.",
         {"published": dt.date(2015, 7, 1), "outlet": "Xinhua", "text": "Lukashenko met Putin in Minsk on Friday."}),
        # Integrum's Russian export: Источник, Дата, Заголовок, Анонс, Оригинал (the site)
        ("Источник,Дата,Заголовок,Анонс,Оригинал",
         "ТАСС,2005-02-28,Переговоры в Минске,Лукашенко и Путин провели переговоры в Минске.,www.tass.ru",
         {"published": dt.date(2005, 2, 28), "outlet": "TASS", "title": "Переговоры в Минске",
          "text": "Лукашенко и Путин провели переговоры в Минске.", "site": "tass.ru", "url": None}),
        # Chinese headers: 来源, 日期, 标题, 正文
        ("来源,日期,标题,正文",
         "新华社,2021-05-09,白俄罗斯总统会见普京,卢卡申科与普京在明斯克举行会谈。",
         {"published": dt.date(2021, 5, 9), "outlet": "Xinhua", "title": "白俄罗斯总统会见普京"}),
    ],
)  # fmt: skip
def test_database_exports_column_names_match_their_fields(tmp_path, header, row, expected):
    (tmp_path / "export.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    corpus, skipped = _ingest(tmp_path)
    assert skipped.height == 0
    got = corpus.row(0, named=True)
    assert {k: got[k] for k in expected} == expected


# the shape of NewsAPI's articles (newsapi.org): "content" stripped of Cyrillic and Chinese
# letters and cut with "… [+N chars]", "description" the lede; the texts written here
STRIPPED = ', 9 . - " " . , 09.05.2021\r\n, , .… [+726 chars]'
LEDE = "МОСКВА, 9 мая — РИА Новости. В День Победы в Москве прошёл парад."


@pytest.mark.parametrize(
    ("content", "description", "text", "note"),
    [
        (STRIPPED, LEDE, "В День Победы в Москве прошёл парад.", "content holds almost no letters"),
        (None, LEDE, "В День Победы в Москве прошёл парад.", "no text in content: description"),
        # letters only in web addresses or an unrendered template's fields: none of a text's
        ('«www.sportbox.ru» , ().\n№ 77-72613 04.04.2018\n— www.sportbox.ru\n«www.sportbox.ru»: +7 (495) 653 8419', LEDE,
         "В День Победы в Москве прошёл парад.", "content holds almost no letters"),
        ("{#if $T.t.abstract!=''}\n{$T.t.abstract.substring(0, 50)} []\n{#/if}\n{$T.t.pub_date}{$T.t.source_name}", LEDE,
         "В День Победы в Москве прошёл парад.", "content holds almost no letters"),
        # letters around an address are a text's: read
        ("Lukashenko met Putin in Minsk, www.belta.by reported on Friday.", LEDE,
         "Lukashenko met Putin in Minsk, www.belta.by reported on Friday.", None),
        # letterless and no lede: kept, and said
        (STRIPPED, None, None, "the text holds almost no letters"),
        # stripped but for Latin names, digits and a scraper's XPath (trial I): the lede
        ("Moskovski Capital , - -, 100 1 . , . IT- Moskovski Capital Glassnode. Twitter", LEDE,
         "В День Победы в Москве прошёл парад.", "none of the Cyrillic or Chinese letters"),
        ("https://ria.ru/20210508/chekhiya-1731480618.html\r\n/html/head/meta[@name='og:title']"
         "/@content\r\nhttps://cdn25.img.ria.ru/images/07e5/04/13/1729000452_0… [+745 chars]", LEDE,
         "В День Победы в Москве прошёл парад.", "content holds almost no letters"),
        # bytes not decoded (GBK read as something else) where the lede is clean
        ("������Ѷ��5��18�գ��������������", LEDE, "В День Победы в Москве прошёл парад.",
         "content holds almost no letters"),
        # a body with letters is read, its cut mark removed
        (
            "Lukashenko met Putin in Minsk on Friday to discuss gas… [+1200 chars]",
            LEDE,
            "Lukashenko met Putin in Minsk on Friday to discuss gas",
            "cut short by its source (1200 characters not given)",
        ),
        ("Lukashenko met Putin in Minsk on Friday.", LEDE, "Lukashenko met Putin in Minsk on Friday.", None),
    ],
)  # fmt: skip
def test_an_empty_or_letterless_body_reads_the_row_s_description(
    tmp_path, content, description, text, note
):
    article = {
        "source": {"id": None, "name": "Ria.ru"},
        "title": "Парад Победы прошёл в Москве - РИА Новости",
        "description": description,
        "url": "https://ria.ru/20210509/parad-1731602766.html",
        "publishedAt": "2021-05-09T15:56:15Z",
        "content": content,
    }
    doc = {"status": "ok", "totalResults": 1, "articles": [article]}
    (tmp_path / "news.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    corpus, _ = _ingest(tmp_path)
    row = corpus.row(0, named=True)
    if text is not None:
        assert row["text"] == text
    got = row["note"] or ""
    assert (note in got) if note else "letters" not in got and "read as the text" not in got
    assert row["published"] == dt.date(2021, 5, 9)


@pytest.mark.parametrize(
    ("title", "date", "expected_title", "date_text", "note"),
    [
        ("No title", "2025-03-06", None, "2025-03-06", "title 'No title' is a placeholder"),
        ("Talks in Minsk", "No date", "Talks in Minsk", None, "date 'No date' is a placeholder"),
        ("Без названия", "Нет даты", None, None, "are placeholders: read as empty"),
        ("N/A", "n/a", None, None, "title 'N/A' and date 'n/a' are placeholders"),
        # a title that merely starts so is a title
        ("No date set for Putin's visit", "2025-03-06", "No date set for Putin's visit",
         "2025-03-06", None),
    ],
)  # fmt: skip
def test_placeholder_cells_are_read_as_empty(
    tmp_path, title, date, expected_title, date_text, note
):
    (tmp_path / "items.csv").write_text(
        f'title,text,date\n"{title}",Putin and Lukashenko met in Minsk.,"{date}"\n',
        encoding="utf-8",
    )
    result = ingest(tmp_path)
    row = result.corpus.row(0, named=True)
    assert (row["title"], row["date_text"]) == (expected_title, date_text)
    got = result.report.filter(pl.col("status") == "loaded")["note"][0] or ""
    assert (note in got) if note else "placeholder" not in got


@pytest.mark.parametrize(
    ("columns", "titles", "error"),
    [
        # one mapping per source: the English scrape's short keys, the Russian CSV's usual names
        ({"en": {"title": "t", "text": "s"}}, ["Putin met Lukashenko", "Путин встретился"], None),
        ({"en": {"title": "t", "text": "s"}, "ru": {}}, ["Putin met Lukashenko", "Путин встретился"], None),
        # one mapping for every source: the Russian CSV lacks 't', as before an error naming it
        ({"title": "t", "text": "s"}, None, "column 't' given for title is not in the table"),
        ({"de": {"title": "t"}}, None, "'de' names no source"),
        ({"en": {"title": "t"}, "text": "s"}, None, "not both"),
        ({"en": {"headline": "t"}}, None, "unknown field 'headline'"),
    ],
)  # fmt: skip
def test_columns_may_be_given_per_source(tmp_path, columns, titles, error):
    (tmp_path / "en").mkdir()
    (tmp_path / "ru").mkdir()
    (tmp_path / "en" / "items.jsonl").write_text(
        json.dumps({"t": "Putin met Lukashenko", "s": "The presidents met in Minsk on Friday."})
        + "\n"
    )
    (tmp_path / "ru" / "items.csv").write_text(
        "title,text\nПутин встретился,Президенты встретились в Минске.\n", encoding="utf-8"
    )
    sources = [tmp_path / "en", tmp_path / "ru"]
    if error:
        with pytest.raises(InputError, match=re.escape(error)):
            ingest(sources, columns=columns)
    else:
        assert ingest(sources, columns=columns).corpus["title"].to_list() == titles
