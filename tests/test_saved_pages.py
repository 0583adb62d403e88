"""Wayback Machine captures and pages saved by a browser or SingleFile: the original URL, the
capture time in ``meta`` (never the date), the archive's toolbar out of the text and title.

The pages are written here in the layouts the Wayback Machine and browsers write (the toolbar
insert and its comments, the replay script's call, rewritten links; Chrome's and Internet
Explorer's ``saved from url`` comment; SingleFile's header comment), with invented articles."""

import json

import pytest

from toolkit.load import ingest
from toolkit.saved_pages import captured_iso, unwrap, wayback_original

ORIGINAL = "https://www.belta.by/politics/view/oil-talks-in-sochi-123456-2019/"
NAV = "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40))
ARTICLE = (
    "<article><h1>Minsk and Moscow to hold oil talks</h1>"
    "<p>Minsk and Moscow agreed on Friday to hold talks about oil supplies next month.</p>"
    "<p>The talks will take place in Sochi, the ministry said in a statement on its site.</p>"
    "</article>"
)
PUBLISHED = '<meta property="article:published_time" content="2019-12-20T10:15:00+03:00">'
TOOLBAR = (
    "<!-- BEGIN WAYBACK TOOLBAR INSERT -->"
    '<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">'
    '<div id="wm-ipp-print">The Wayback Machine - '
    f"https://web.archive.org/web/20200117093000/{ORIGINAL}</div>"
    '<div id="wm-ipp"><a href="/web/">Wayback Machine</a> 1,234 captures '
    "12 Jan 2019 - 30 Nov 2021 JAN FEB MAR Success Fail About this capture</div></div>"
    "<!-- END WAYBACK TOOLBAR INSERT -->"
)
CLOSING = (
    "<!--\n     FILE ARCHIVED ON 09:30:00 Jan 17, 2020 AND RETRIEVED FROM THE\n"
    "     INTERNET ARCHIVE ON 10:50:02 Mar 01, 2021.\n"
    "     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.\n-->"
)


def _wayback(*, script=True, canonical=True, toolbar=True, flag=""):
    """A Wayback Machine replay page of ``ORIGINAL`` captured 2020-01-17 09:30:00."""
    head = (
        '<script src="//archive.org/includes/athena.js" type="text/javascript"></script>'
        '<script type="text/javascript" src="/_static/js/bundle-playback.js?v=1"></script>'
        '<script type="text/javascript">\n  __wm.init("https://web.archive.org/web");\n'
        f'  __wm.wombat("{ORIGINAL}","20200117093000","https://web.archive.org/","web",'
        '"/_static/",\n  "1579253400");\n</script>'
        '<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=1" />'
        "<!-- End Wayback Rewrite JS Include -->"
        if script
        else ""
    )
    link = (
        f'<link rel="canonical" href="https://web.archive.org/web/20200117093000{flag}/{ORIGINAL}">'
        if canonical
        else ""
    )
    nav = NAV.replace("href='/", "href='/web/20200117093000/https://www.belta.by/")
    return (
        f"<html><head>{head}<title>Minsk and Moscow to hold oil talks | BelTA</title>{link}"
        f"{PUBLISHED}</head><body>{TOOLBAR if toolbar else ''}<nav><ul>{nav}</ul></nav>"
        f"{ARTICLE}</body></html>{CLOSING}"
    )


SINGLEFILE = (
    "<!DOCTYPE html> <html lang=en><!--\n Page saved with SingleFile \n url: "
    f"{ORIGINAL}?utm_source=telegram \n saved date: Fri Jan 17 2020 12:30:00 GMT+0300 "
    "(Moscow Standard Time)\n--><head><meta charset=utf-8><title>Minsk and Moscow to hold oil "
    f"talks</title>{PUBLISHED}</head><body><nav><ul>{NAV}</ul></nav>{ARTICLE}</body></html>"
)
SAVED_FROM = (
    "<!DOCTYPE html>\n<!-- saved from url=(0064)" + ORIGINAL + " -->\n"
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
    f"<title>Minsk and Moscow to hold oil talks</title>{PUBLISHED}</head>"
    f"<body><nav><ul>{NAV}</ul></nav>{ARTICLE}</body></html>"
)


@pytest.mark.parametrize(
    ("html", "url", "captured", "kind"),
    [
        # the replay script's call names the original and the capture
        (_wayback(), ORIGINAL, "2020-01-17T09:30:00Z", "wayback"),
        # no script (a page saved from the archive with scripts off): the canonical link
        (_wayback(script=False), ORIGINAL, "2020-01-17T09:30:00Z", "wayback"),
        # an "id_" capture (the page as the site served it) saved by a browser
        (
            "<!-- saved from url=(0093)https://web.archive.org/web/20200117093000id_/"
            f"{ORIGINAL} --><html><body>{ARTICLE}</body></html>",
            ORIGINAL,
            "2020-01-17T09:30:00Z",
            "wayback",
        ),
        # SingleFile: its url line; the page's own canonical is not given, so the tracking
        # query stays; the saved date as UTC
        (SINGLEFILE, ORIGINAL + "?utm_source=telegram", "2020-01-17T09:30:00Z", "singlefile"),
        # SingleFile with the page's canonical on the same site: the canonical
        (
            SINGLEFILE.replace("</title>", f'</title><link rel="canonical" href="{ORIGINAL}">'),
            ORIGINAL,
            "2020-01-17T09:30:00Z",
            "singlefile",
        ),
        # a browser's "saved from" comment: no save date in it
        (SAVED_FROM, ORIGINAL, None, "browser"),
        # the site's root as base link, before the canonical (chemietechnik.de in
        # trafilatura's evaluation pages): the canonical
        (
            SAVED_FROM.replace(
                "<head>",
                f'<head><base href="https://www.belta.by/"><link rel="canonical" href="{ORIGINAL}">',
            ),
            ORIGINAL,
            None,
            "browser",
        ),
        # a capture of 2008: the older replay call gives the time and the host alone, no
        # canonical: no URL, the time kept (dimido.de in trafilatura's evaluation pages)
        (
            _wayback(script=False, canonical=False).replace(
                "<title>",
                '<script type="text/javascript">WB_wombat_Init("https://web.archive.org/web/", "20080731095558", "www.belta.by:80");</script><title>',
            ),
            None,
            "2008-07-31T09:55:58Z",
            "wayback",
        ),
        # a "saved from" comment of a local file or about:blank is no URL
        ("<!-- saved from url=(0014)about:internet --><html></html>", None, None, None),
        # an ordinary page: nothing found, nothing changed
        (f"<html><head>{PUBLISHED}</head><body>{ARTICLE}</body></html>", None, None, None),
    ],
)
def test_unwrap_finds_the_original_url_and_capture(html, url, captured, kind):
    saved = unwrap(html)
    assert (saved.url, saved.captured, saved.kind) == (url, captured, kind)
    assert "Wayback Machine" not in saved.html and "FILE ARCHIVED ON" not in saved.html
    assert "saved date" not in saved.html
    if kind is None:
        assert saved.html == html


def test_a_wayback_page_links_back_to_the_original_site():
    html = unwrap(_wayback()).html
    assert "/web/20200117093000" not in html and "__wm" not in html and "_static" not in html
    assert "href='https://www.belta.by/s3'" in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://web.archive.org/web/20200117093000/{ORIGINAL}", (ORIGINAL, "2020-01-17T09:30:00Z")),
        ("http://web.archive.org/web/20191231235959id_/http://tass.com/x", ("http://tass.com/x", "2019-12-31T23:59:59Z")),
        ("/web/20191231235959im_/tass.com/x", ("http://tass.com/x", "2019-12-31T23:59:59Z")),
        ("https://web.archive.org/web/20191231235959/http:/tass.com/x", ("http://tass.com/x", "2019-12-31T23:59:59Z")),
        # the default port the archive keeps is no part of the address
        ("https://web.archive.org/web/20120611024252/http://www.he.xinhuanet.com:80/news/x.htm", ("http://www.he.xinhuanet.com/news/x.htm", "2012-06-11T02:42:52Z")),
        ("https://web.archive.org/web/20120611024252/https://tass.com:443/", ("https://tass.com/", "2012-06-11T02:42:52Z")),
        ("https://web.archive.org/web/20120611024252/http://tass.com:8080/x", ("http://tass.com:8080/x", "2012-06-11T02:42:52Z")),
        (ORIGINAL, None),
        ("https://web.archive.org/web/2019/http://tass.com/x", None),  # no full timestamp
        (None, None),
    ],
)  # fmt: skip
def test_wayback_original(url, expected):
    assert wayback_original(url) == expected


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("20200117093000", "2020-01-17T09:30:00Z"),
        ("Fri Jan 17 2020 12:30:00 GMT+0300 (Moscow Standard Time)", "2020-01-17T09:30:00Z"),
        ("Fri Jan 17 2020 12:30:00 GMT+0300", "2020-01-17T09:30:00Z"),
        ("17.01.2020", None),
        ("", None),
    ],
)
def test_captured_iso(stamp, expected):
    assert captured_iso(stamp) == expected


@pytest.mark.parametrize(
    ("pages", "urls", "captured"),
    [
        ({"capture.html": _wayback()}, [ORIGINAL], "2020-01-17T09:30:00Z"),
        ({"capture.html": _wayback(script=False, toolbar=False, flag="if_")}, [ORIGINAL], "2020-01-17T09:30:00Z"),
        ({"saved.html": SAVED_FROM}, [ORIGINAL], None),  # a browser's comment has no date
        ({"single.html": SINGLEFILE}, [ORIGINAL + "?utm_source=telegram"], "2020-01-17T09:30:00Z"),
        # two captures of one article (another day, one saved from the Wayback Machine, one by
        # SingleFile with the site's canonical): one story; the other reported as a duplicate
        (
            {
                "a.html": _wayback(),
                "b.html": _wayback().replace("20200117093000", "20210301105002"),
                "c.html": SINGLEFILE.replace(
                    "</title>", f'</title><link rel="canonical" href="{ORIGINAL}">'
                ),
            },
            [ORIGINAL],
            "2020-01-17T09:30:00Z",  # the first capture's: a.html is kept
        ),
    ],
)  # fmt: skip
def test_kept_pages_load_as_the_original_article(tmp_path, pages, urls, captured):
    for name, html in pages.items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    result = ingest(tmp_path)
    corpus = result.corpus
    assert corpus["url"].to_list() == urls
    # the outlet from the original site, the date the article's own, never the capture's
    assert corpus["outlet"].to_list() == ["BelTA"] * len(urls)
    assert [str(d) for d in corpus["published"]] == ["2019-12-20"] * len(urls)
    assert corpus["title"].to_list() == ["Minsk and Moscow to hold oil talks"] * len(urls)
    for text in corpus["text"]:
        assert "Wayback" not in text and "captures" not in text and "ARCHIVED" not in text
    said = [json.loads(m).get("captured") for m in corpus["meta"]]
    assert said == [captured] * len(urls)
    duplicates = result.skipped.filter(result.skipped["reason"].str.starts_with("duplicate id"))
    assert duplicates.height == len(pages) - len(urls)


def test_two_captures_at_two_addresses_are_one_story_for_the_duplicate_steps(tmp_path):
    """A second capture whose address differs (a query added) is a second id, and the
    duplicate steps put the two in one cluster, 0 days apart: the date is the article's, not
    either capture's."""
    from toolkit.dedup import find_duplicates

    (tmp_path / "a.html").write_text(_wayback())
    later = _wayback().replace("20200117093000", "20210301105002")
    (tmp_path / "b.html").write_text(later.replace(ORIGINAL, ORIGINAL + "?amp=1"))
    corpus = ingest(tmp_path).corpus
    assert corpus.height == 2
    clusters = find_duplicates(corpus).clusters
    assert clusters["cluster_id"].n_unique() == 1
    assert clusters["lag_days"].to_list() == [0, 0]
