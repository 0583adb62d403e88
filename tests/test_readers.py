"""HTML pages through trafilatura, and the page title less a site name or section."""

import logging

import pytest

from toolkit.html_read import page_title, read_html
from toolkit.load import ingest
from toolkit.readers import suffix
from toolkit.site_names import names_site

NAV = "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(80))
ARTICLE = (
    "<article><h1>Talks on oil</h1>"
    "<p>Minsk and Moscow agreed on Friday to hold talks about oil supplies next month.</p>"
    "<p>The talks will take place in Sochi, the ministry said in a statement on its site.</p>"
    "</article>"
)


@pytest.mark.parametrize(
    ("title", "headings", "site_name", "expected"),
    [
        ("Opinion | Trump to Nowhere", ["The Times", "Trump to Nowhere"], None, "Trump to Nowhere"),
        ("Sentra review - Auto News", [], "Auto News", "Sentra review"),
        ("Assange case dropped | Al Bawaba", [], "Al Bawaba", "Assange case dropped"),
        ("VG247 — Jedi review", [], "VG247", "Jedi review"),
        ("Jedi review – shoots for the moon", [], "VG247", "Jedi review – shoots for the moon"),
        # a heading that is only part of a longer title is not the title
        (
            "Putin and Lukashenko hold talks",
            ["Lukashenko hold talks"],
            None,
            "Putin and Lukashenko hold talks",
        ),
        (None, ["Heading"], "Site", None),
        # a Chinese site's name after the title, with or without spaces (newspaper4k's pages)
        ("短缺药品保供稳价 全力保障临床用药需求-新华网", [], None, "短缺药品保供稳价 全力保障临床用药需求"),
        ("两名泰国公民在巴以冲突中死亡 - 新华网", [], None, "两名泰国公民在巴以冲突中死亡"),
        ("习近平会见白俄罗斯总统卢卡申科_中国日报网", [], None, "习近平会见白俄罗斯总统卢卡申科"),
        ("《温暖的味道》首播登顶-文化娱乐-北方网 - 北方网", [], None, "《温暖的味道》首播登顶-文化娱乐"),
        # no site's name: kept
        ("中国网络安全法", [], None, "中国网络安全法"),
        ("普京：俄白联盟国家", [], None, "普京：俄白联盟国家"),
    ],
)  # fmt: skip
def test_page_title(title, headings, site_name, expected):
    assert page_title(title, headings, site_name) == expected


def test_a_page_that_is_mostly_navigation_keeps_only_its_article():
    page = read_html(
        f"<html><head><title>Talks on oil | Site</title></head><body><nav><ul>{NAV}</ul></nav>"
        f"{ARTICLE}<footer>(c) Site 2024</footer></body></html>"
    )
    assert page["title"] == "Talks on oil"
    assert "Section number" not in page["text"]
    assert page["text"].splitlines()[-1].startswith("The talks will take place in Sochi")


@pytest.mark.parametrize(
    ("site_name", "outlet", "source", "note"),
    [
        # a site name the outlet tables know is the page's outlet
        ("TASS", "TASS", "page metadata", None),
        # one they do not know is not taken as written ("Display Connectors, SL", a publisher's
        # company, was an outlet in a trial on public pages): left empty, and the note says why
        ("Minsk Daily", None, None, "the page's site name 'Minsk Daily' names no known outlet"),
        # unless it names the page's own site (trial Z: "CityDog.by" on citydog.by; eight
        # unknown sites' pages were pooled as one unknown outlet)
        ("Minsknews", "Minsknews", "page metadata", "names its own site: kept as written"),
    ],
)
def test_html_metadata_reaches_the_corpus(tmp_path, site_name, outlet, source, note):
    (tmp_path / "p.html").write_text(
        f"<html><head><title>Talks on oil - {site_name}</title>"
        f'<meta property="og:site_name" content="{site_name}">'
        '<link rel="canonical" href="https://minsknews.by/2022/talks-on-oil">'
        '<meta property="article:published_time" content="2022-12-19T12:00:00+03:00">'
        f"</head><body><nav><ul>{NAV}</ul></nav>{ARTICLE}</body></html>"
    )
    result = ingest(tmp_path)
    row, said = result.corpus.row(0, named=True), result.report["note"].item() or ""
    assert (row["title"], row["outlet"], row["outlet_source"], str(row["published"])) == (
        "Talks on oil",
        outlet,
        source,
        "2022-12-19",
    )
    assert row["text"].startswith("Minsk and Moscow agreed") and "Section" not in row["text"]
    assert (note in said) if note else "site name" not in said


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "p.html",
            "<html><head><title>Talks on oil</title></head><body><article><h1>Talks on oil</h1>"
            "<p>Share</p><p>© Minsk Daily 2024</p></article></body></html>",
        ),
        (
            "q.html",
            "<html><head><title>Talks on oil</title></head><body><article>"
            "<p>Copyright 2024 Minsk Daily. All rights reserved.</p></article></body></html>",
        ),
    ],
)
def test_a_page_left_without_text_keeps_its_title_with_a_note(tmp_path, name, content):
    (tmp_path / name).write_text(content)
    result = ingest(tmp_path)
    assert result.corpus["text"].to_list() == ["Talks on oil"]
    assert "title used as text" in result.report.filter(status="loaded")["note"].item()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        # a page its scripts draw: bytes, but no article for trafilatura, and no title
        ("app.html", "<html><head><script src='app.js'></script></head><body>"
         "<div id='root'></div><script>render()</script></body></html>",
         "no article text in the HTML: trafilatura found none"),
        ("blank.txt", "   \n\n", "empty file"),
    ],
)  # fmt: skip
def test_a_file_without_text_is_skipped_with_what_it_lacks(tmp_path, name, content, reason):
    """A non-empty HTML page with no article was reported as an 'empty file'."""
    (tmp_path / name).write_text(content)
    skipped = ingest(tmp_path).skipped
    assert skipped["reason"].item().startswith(reason)


def test_a_page_trafilatura_cannot_parse_logs_nothing(caplog):
    """What trafilatura cannot read is said once, in the load report, not as a library's log
    line on the console (an MHTML file saved with an .html name, trial F)."""
    mhtml = 'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="x"\n\n--x\n'
    with caplog.at_level(logging.DEBUG):
        page = read_html(mhtml + "Content-Type: text/html\n\n=3Cp=3Ehi=3C/p=3E\n--x--\n")
    assert page["text"] == ""
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("crawl.warc.gz", ".warc.gz"),
        ("dir/CC-NEWS-2019.WARC.GZ", ".WARC.GZ"),
        (".warc.gz", ".gz"),  # a hidden file's name, not an extension
        ("pages.tar.gz", ".gz"),
        ("notes.", ""),
        ("page.html", ".html"),
    ],
)
def test_suffix(name, expected):
    assert suffix(name) == expected


_ARTICLE = (
    "<article><h1>Markets steady</h1><p>Stocks held steady on Monday as investors weighed the "
    "prospects of a trade deal between the two largest economies.</p><p>Oil prices rose after "
    "reports that producers would extend their cuts into next year, traders said.</p></article>"
)


@pytest.mark.parametrize(
    ("head", "url"),
    [
        # trial T: an element a head may not hold closes it, and the links after it fall into the
        # body, where trafilatura does not look (Reuters, Rolling Stone, bgr.com...)
        ('<img src="p.gif"><link rel="canonical" href="https://www.reuters.com/article/x-id1">',
         "https://www.reuters.com/article/x-id1"),
        ('<img src="p.gif"><meta property="og:url" content="https://bgr.com/2019/11/19/deals/">',
         "https://bgr.com/2019/11/19/deals/"),
        # the canonical link before og:url (TechCrunch's sharing host)
        ('<meta property="og:url" content="https://social.techcrunch.com/2019/11/18/a/">'
         '<link rel="canonical" href="https://techcrunch.com/2019/11/18/a/">',
         "https://techcrunch.com/2019/11/18/a/"),
        ('<link rel="canonical" href="/relative/a">', None),  # not an address on its own
        ("", None),
    ],
)  # fmt: skip
def test_a_pages_url_is_its_canonical_link_wherever_it_stands(head, url):
    page = read_html(f"<html><head><title>Markets steady</title>{head}</head><body>{_ARTICLE}"
                     "</body></html>")  # fmt: skip
    assert page["url"] == url


def test_a_pages_metadata_timestamp_comes_before_its_urls_day():
    """Trial T: CNN's 2019-11-19T02:34:30Z was dated 2019-11-18 from its URL; a timestamp is
    placed on the day it writes, as in a table (the README's rule)."""
    head = ('<link rel="canonical" href="https://edition.cnn.com/2019/11/18/politics/x/index.html">'
            '<meta property="article:published_time" content="2019-11-19T02:34:30Z">')  # fmt: skip
    page = read_html(f"<html><head><title>Markets steady</title>{head}</head><body>{_ARTICLE}"
                     "</body></html>")  # fmt: skip
    assert page["date"][:10] == "2019-11-19"
    assert page["date_note"] is None
    no_meta = head.split("<meta")[0]
    page = read_html(f"<html><head><title>Markets steady</title>{no_meta}</head><body>{_ARTICLE}"
                     "</body></html>")  # fmt: skip
    assert page["date"][:10] == "2019-11-18"  # the URL's day where the page writes none


@pytest.mark.parametrize(
    ("name", "site", "names"),
    [
        ("CityDog.by", "citydog.by", True),
        ("Реальное время", "realnoevremya.ru", True),  # read in Latin letters
        ("Бомбардир", "bombardir.ru", True),
        ("EADaily", "eadaily.com", True),
        ("Interfax.ru", "www.interfax.ru", True),
        ("ВРЕМЯ", "timeua.info", False),
        ("Display Connectors, SL", "dayfr.com", False),  # a publisher's company
        ("Minsk Daily", "minsknews.by", False),
        ("CNN", "cnn.com", True),  # short, but the site's name whole (trial AA)
        ("Smithsonian.com", "smithsonianmag.com", True),
        ("TV", "news.tv.by", False),  # too short to say
        (None, "citydog.by", False),
    ],
)
def test_a_site_name_names_its_site(name, site, names):
    assert names_site(name, site) is names
