"""RSS and Atom feeds saved as files: one row per item. The fixtures are written here in each
format's shape (RSS 2.0 with content:encoded, Atom 1.0, RSS 1.0 with Dublin Core dates), with
invented items. Real feeds' snapshots are measured in benchmarks/bench_feeds.py."""

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from toolkit import ingest
from toolkit.feeds import NOT_A_FEED, is_feed, items

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>{channel}</title><link>https://eng.belta.by/</link>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>
<description>{description}</description>{extra}</item>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>TASS</title><link href="https://tass.com/"/>
<entry><title>Lavrov meets Makei</title><link href="https://tass.com/politics/1"/>
<id>tag:tass.com,2022:1</id><updated>2022-03-01T23:30:00+03:00</updated>
<author><name>Staff</name></author>
<summary>Short.</summary><content type="html">&lt;p&gt;Lavrov met Makei in Moscow.&lt;/p&gt;
&lt;p&gt;They discussed the Union State.&lt;/p&gt;</content></entry>
</feed>"""
RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://www.sb.by/"><title>SB Belarus Today</title>
<link>https://www.sb.by/</link></channel>
<item rdf:about="https://www.sb.by/articles/1"><title>Harvest in Brest region</title>
<link>https://www.sb.by/articles/1</link><dc:date>2021-08-02T10:00:00+03:00</dc:date>
<description>Farmers of the Brest region began the harvest.</description></item>
</rdf:RDF>"""


def _rss(items_xml: list[str], *, channel="BelTA", encoding="utf-8") -> str:
    return RSS.format(encoding=encoding, channel=channel, items="\n".join(items_xml))


def _item(title="Talks in Minsk", link="https://eng.belta.by/1",
          date="Mon, 30 Dec 2019 01:38:00 +0300",
          description="&lt;p&gt;Minsk and Moscow agreed.&lt;/p&gt;", extra="") -> str:  # fmt: skip
    return ITEM.format(title=title, link=link, date=date, description=description, extra=extra)


def _load(tmp_path: Path, files: dict[str, str | bytes]):
    for name, body in files.items():
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        (tmp_path / name).write_bytes(data)
    return ingest(tmp_path, progress=False)


@pytest.mark.parametrize(
    ("data", "feed"),
    [
        (_rss([_item()]).encode(), True),
        (ATOM.encode(), True),
        (RDF.encode(), True),
        (_rss([_item()]).encode("utf-16"), True),
        (b"<?xml version='1.0'?><urlset><url><loc>https://x/</loc></url></urlset>", False),
        (b"<?xml version='1.0'?><FactivaXML><Article/></FactivaXML>", False),
        (b"https://tass.com/rss/v2.xml", False),  # a feed's address is no feed: nothing fetched
        (b"", False),
    ],
)
def test_is_feed_reads_the_root_element(data, feed):
    assert is_feed(data) is feed


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # RSS 2.0: the description's HTML read as text; the date as written, its own day
        (
            {"belta.xml": _rss([_item()])},
            [("BelTA", "Talks in Minsk", "https://eng.belta.by/1", dt.date(2019, 12, 30),
              "Minsk and Moscow agreed.")],
        ),
        # content:encoded, longer than the description, is the text
        (
            {"belta.rss": _rss([_item(extra="<content:encoded><![CDATA[<p>Minsk and Moscow "
                                            "agreed.</p><p>Talks go on in Sochi.</p>]]>"
                                            "</content:encoded>")])},
            [("BelTA", "Talks in Minsk", "https://eng.belta.by/1", dt.date(2019, 12, 30),
              "Minsk and Moscow agreed.\n\nTalks go on in Sochi.")],
        ),
        # Atom: updated 23:30 at +03:00 is 1 March there (20:30 UTC the same day)
        (
            {"tass.atom": ATOM},
            [("TASS", "Lavrov meets Makei", "https://tass.com/politics/1", dt.date(2022, 3, 1),
              "Lavrov met Makei in Moscow.\n\nThey discussed the Union State.")],
        ),
        # RSS 1.0 (RDF) with a Dublin Core date
        (
            {"sb.rdf": RDF},
            [(None, "Harvest in Brest region", "https://www.sb.by/articles/1",
              dt.date(2021, 8, 2), "Farmers of the Brest region began the harvest.")],
        ),
        # an aggregator's item names its own source: that is the outlet, not the feed's title
        (
            {"agg.xml": _rss([_item(extra='<source url="https://tass.com/">TASS</source>',
                                    link="https://example.org/a")], channel="News digest")},
            [("TASS", "Talks in Minsk", "https://example.org/a", dt.date(2019, 12, 30),
              "Minsk and Moscow agreed.")],
        ),
        # windows-1251, as the feed declares it
        (
            {"cp.xml": _rss([_item(title="Переговоры в Минске", description="Минск и Москва.")],
                            encoding="windows-1251").encode("cp1251")},
            [("BelTA", "Переговоры в Минске", "https://eng.belta.by/1", dt.date(2019, 12, 30),
              "Минск и Москва.")],
        ),
    ],
)  # fmt: skip
def test_each_item_of_a_feed_is_a_row(tmp_path, files, expected):
    corpus = _load(tmp_path, files).corpus.sort("record")
    rows = corpus.select("outlet", "title", "url", "published", "text").rows()
    # an outlet the tables do not know (SB Belarus Today) is kept as written
    assert [(o if o in ("BelTA", "TASS") else None, *rest) for o, *rest in rows] == expected


def test_a_feeds_rows_carry_its_fields_and_the_file_says_what_the_text_is(tmp_path):
    extra = "<guid>belta-1</guid><author>Staff</author><category>Politics</category>"
    result = _load(
        tmp_path, {"belta.xml": _rss([_item(extra=extra), _item(title="", description="")])}
    )
    row = result.corpus.row(0, named=True)
    meta = pl.Series([row["meta"]]).str.json_decode().item()
    assert {k: meta.get(k) for k in ("byline", "category", "id", "feed", "feed_link")} == {
        "byline": "Staff", "category": "Politics", "id": "belta-1", "feed": "BelTA",
        "feed_link": "https://eng.belta.by/",
    }  # fmt: skip
    report = result.report.sort("record")
    assert report.select("status", "record", "line").rows() == [
        ("loaded", 0, 4),
        ("skipped", 1, 6),
    ]
    assert report["reason"][1] == "a feed item with neither title nor text"
    assert report["note"][0].startswith("an RSS 2.0 feed 'BelTA' of 2 items; 0 of 1 carry a full")


def test_snapshots_of_one_feed_load_each_item_once(tmp_path):
    first = _rss([_item(), _item(title="Second", link="https://eng.belta.by/2")])
    later = _rss([_item(title="Second", link="https://eng.belta.by/2"),
                  _item(title="Third", link="https://eng.belta.by/3")])  # fmt: skip
    result = _load(tmp_path, {"2019-12-30.xml": first, "2019-12-31.xml": later})
    assert sorted(result.corpus["title"]) == ["Second", "Talks in Minsk", "Third"]
    skipped = result.report.filter(pl.col("status") == "skipped")
    assert [(Path(p).name, r) for p, r in skipped.select("path", "record").rows()] == [
        ("2019-12-31.xml", 0)
    ]
    assert (
        skipped["reason"].item().endswith("same URL as " + f"{tmp_path.name}/2019-12-30.xml line 6")
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<?xml version='1.0'?><urlset><url><loc>https://x/</loc></url></urlset>", NOT_A_FEED),
        (b"<?xml version='1.0'?><!-- a sitemap --><urlset><url/></urlset>", "is <urlset>"),
        (b"junk<rsssss version='2.0'><channel/></rsssss>", "is <rsssss>"),  # damaged by hand
        (b"https://tass.com/rss/v2.xml", NOT_A_FEED),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
         "an RSS 2.0 feed 'T' of 0 items: none with a body"),
    ],
)  # fmt: skip
def test_xml_that_gives_no_items_is_skipped_with_what_to_do(tmp_path, body, reason):
    result = _load(tmp_path, {"x.xml": body, "y.RSS": body})
    assert result.corpus.height == 0
    assert [reason in r for r in result.report["reason"]] == [True, True]


def test_a_damaged_feed_loads_what_it_can_and_says_so(tmp_path):
    cut = _rss([_item(), _item(title="Second", link="https://eng.belta.by/2")])
    cut = cut[: cut.rindex("</item>")]  # cut inside the last item
    result = _load(tmp_path, {"cut.xml": cut})
    assert result.corpus.height >= 1
    assert "not well-formed XML" in result.report["note"][0]


def test_items_of_a_feed_with_no_title_name_no_feed():
    found = items(_rss([_item()], channel="").encode())
    assert found.note.startswith("an RSS 2.0 feed of 1 items")
    assert "feed" not in found.rows[0][2] and "outlet" not in found.rows[0][2]


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',  # an external entity
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'  # "billion laughs": entities of entities
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + '<!ENTITY x "&i;">]>',
    ],
)
def test_a_feeds_entities_read_no_file_and_do_not_explode(doctype):
    feed = (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>T</title>'
            "<item><title>A &x; B</title><description>d</description></item></channel></rss>")  # fmt: skip
    found = items(feed.encode())
    title = found.rows[0][2]["title"]
    assert "root:" not in title and len(title) < 100


@pytest.mark.parametrize(
    ("link", "url"),
    [
        ("https://news.tut.by/go/1.html?utm_campaign=news-feed&utm_medium=rss",
         "https://news.tut.by/go/1.html"),
        ("https://tass.ru/politika/1?fbclid=x&page=2", "https://tass.ru/politika/1?page=2"),
        ("https://tass.ru/politika/1?page=2", "https://tass.ru/politika/1?page=2"),  # as written
        # a feed's name for itself in its links (Reuters')
        ("https://www.reuters.com/article/us-russia-idUSKBN1?feedType=RSS&feedName=worldNews",
         "https://www.reuters.com/article/us-russia-idUSKBN1"),
        ("https://www.reuters.com/a?id=5&feedType=RSS", "https://www.reuters.com/a?id=5"),
    ],
)  # fmt: skip
def test_a_feed_items_link_loses_its_tracking_parameters(link, url):
    row = items(_rss([_item(link=link.replace("&", "&amp;"))]).encode()).rows[0][2]
    assert row["url"] == url
    assert row.get("link") == (None if url == link else link)


@pytest.mark.parametrize(
    ("extra", "url", "text"),
    [
        # Russian sites' feeds for Yandex News carry the whole article in yandex:full-text
        ('<yandex:full-text xmlns:yandex="http://news.yandex.ru">Minsk and Moscow agreed. Talks go '
         "on in Sochi next month.</yandex:full-text>", "https://eng.belta.by/1",
         "Minsk and Moscow agreed. Talks go on in Sochi next month."),
        # a FeedBurner feed's link is a redirect; its origLink is the article's
        ('<feedburner:origLink xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">'
         "https://eng.belta.by/politics/1</feedburner:origLink>",
         "https://eng.belta.by/politics/1", "Minsk and Moscow agreed."),
    ],
)  # fmt: skip
def test_a_feed_items_full_text_and_original_link_where_the_feed_gives_them(
    tmp_path, extra, url, text
):
    corpus = _load(tmp_path, {"f.xml": _rss([_item(extra=extra)])}).corpus
    assert corpus.select("url", "text").row(0) == (url, text)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Mon, 30 Dec 2019 01:38:00 +0300", dt.date(2019, 12, 30)),  # the feed's day, not UTC's
        ("Sun, 29 Dec 2019 23:30:00 -0500", dt.date(2019, 12, 29)),
        ("Wes, 05 Aug 2015 14:06:00 +0800", dt.date(2015, 8, 5)),  # a day name that is none
        ("2019-12-30T01:38:00+03:00", dt.date(2019, 12, 30)),
        ("", None),
    ],
)
def test_a_feed_items_date_is_its_own_day(tmp_path, written, day):
    corpus = _load(tmp_path, {"f.xml": _rss([_item(date=written)])}).corpus
    assert corpus["published"].item() == day
