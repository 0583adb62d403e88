"""Web archives: one row per HTML response of status 200, through the same HTML path as a
``.html`` file; every other record accounted for in the load report; the crawl time in
``meta``, never the date; a damaged or cut file loads what came before the damage.

The WARCs are written here with warcio (the library the toolkit reads them with), with
invented articles on real outlets' sites."""

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from toolkit.load import ingest
from toolkit.sources import find_sources

BELTA = "https://www.belta.by/politics/view/oil-talks-in-sochi-123456-2019/"
TASS = "https://tass.com/politics/1100001"
NAV = "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40))


def _page(title, published=None):
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<html><head><title>{title}</title>{date}</head><body><nav><ul>{NAV}</ul></nav>"
        f"<article><h1>{title}</h1><p>Minsk and Moscow agreed on Friday to hold talks about "
        "oil supplies next month, the ministry said.</p><p>The talks will take place in Sochi,"
        " the ministry said in a statement on its site.</p></article></body></html>"
    ).encode()


def _warc(records, *, gzip=True, packed=None):
    """A WARC's bytes: ``records`` of (type, url, status, content type, body, crawl time);
    ``packed``, the Content-Encoding of the responses' bodies (given packed)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for kind, url, status, ctype, body, when in records:
        http = None
        if kind in ("response", "revisit"):
            headers = [("Content-Type", ctype), ("Date", "Mon, 01 Mar 2021 10:00:00 GMT")]
            if status.startswith("3"):
                headers.append(("Location", url + "?moved"))
            if packed:
                headers.append(("Content-Encoding", packed))
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        elif kind == "request":
            http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "x")], is_http_request=True)
        extra = {"WARC-Date": when}
        if kind == "revisit":
            extra |= {
                "WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"
            }
        record = writer.create_warc_record(
            url, kind, payload=io.BytesIO(body), http_headers=http, warc_headers_dict=extra,
            length=None if kind != "revisit" else 0,
        )  # fmt: skip
        writer.write_record(record)
    return out.getvalue()


CRAWL = [
    ("request", BELTA, "", "", b"", "2021-03-01T10:00:00Z"),
    ("response", BELTA, "200 OK", "text/html; charset=utf-8", _page("Oil talks in Sochi", "2019-12-20T10:15:00+03:00"), "2021-03-01T10:00:00Z"),
    ("metadata", BELTA, "", "", b"outlink: https://www.belta.by/", "2021-03-01T10:00:00Z"),
    ("response", "https://www.belta.by/logo.png", "200 OK", "image/png", b"\x89PNG\r\n", "2021-03-01T10:00:01Z"),
    ("response", "https://www.belta.by/style.css", "200 OK", "text/css", b"body{}", "2021-03-01T10:00:01Z"),
    ("response", "https://www.belta.by/old", "301 Moved Permanently", "text/html", b"", "2021-03-01T10:00:02Z"),
    ("response", "https://tass.com/gone", "404 Not Found", "text/html", b"<html>Not found</html>", "2021-03-01T10:00:03Z"),
    # no date on the page: the crawl time must not become one
    ("response", TASS, "200 OK", "application/xhtml+xml", _page("Lukashenko and Putin meet"), "2021-03-01T10:00:04Z"),
    ("revisit", BELTA, "200 OK", "text/html", b"", "2021-03-02T10:00:00Z"),
]  # fmt: skip


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("name", ["2021-03-01 crawl.warc", "CC-NEWS-20210301100000-00001.warc"])
def test_a_warc_loads_its_html_pages_and_accounts_for_every_other_record(tmp_path, gzip, name):
    name += ".gz" if gzip else ""
    (tmp_path / name).write_bytes(_warc(CRAWL, gzip=gzip))
    result = ingest(tmp_path)
    corpus = result.corpus.sort("record")
    assert corpus.select("record", "url", "outlet").rows() == [
        (2, BELTA, "BelTA"),
        (8, TASS, "TASS"),
    ]
    # the page's own date; no date where the page gives none (not the crawl's, not the file name's)
    assert [str(d) if d else None for d in corpus["published"]] == ["2019-12-20", None]
    assert corpus["title"].to_list() == ["Oil talks in Sochi", "Lukashenko and Putin meet"]
    meta = [json.loads(m) for m in corpus["meta"]]
    assert [(m["captured"], m["captured_by"]) for m in meta] == [
        ("2021-03-01T10:00:00Z", "warc"),
        ("2021-03-01T10:00:04Z", "warc"),
    ]
    skipped = result.skipped.select("record", "reason").rows()
    assert sorted(((r, reason.split(": ")[0]) for r, reason in skipped), key=str) == sorted([
        (6, "redirect (HTTP 301) from https://www.belta.by/old to https://www.belta.by/old?moved"),
        (7, "HTTP 404 response for https://tass.com/gone"),
        (9, f"revisit record of {BELTA}"),
        (None, "WARC warcinfo records (1)"),
        (None, "WARC request records (1)"),
        (None, "WARC metadata records (1)"),
        (None, "WARC responses not HTML (1)"),  # image/png
        (None, "WARC responses not HTML (1)"),  # text/css
    ], key=str)  # fmt: skip
    assert "the page unchanged since record 2" in dict(skipped)[9]
    assert result.report.filter(status="loaded").height == 2


@pytest.mark.parametrize(
    ("gzip", "at", "loaded", "reason"),
    [
        # cut inside the second page: the first loads
        (True, 0.85, [BELTA], "the WARC is damaged or cut short inside record 3 (https://tass.com"),
        (False, 0.85, [BELTA], "the WARC is damaged or cut short inside record 3 (https://tass.com"),
        # cut inside the second page's WARC headers: warcio's parser fails on a missing header
        (True, 0.7, [BELTA], "the WARC is damaged after record 2 (a record's headers cut short"),
        # cut between records, a few header lines left: no WARC-Type
        (True, 0.3, [], "the WARC is damaged after record 1 (a record's headers cut short"),
        # uncompressed, cut where warcio sees no record: the bytes left over are reported
        (False, 0.6, [BELTA], "the WARC is cut short at byte 3,961 (262 bytes after the last"),
        # something that is no WARC record after the whole ones
        (True, None, [BELTA, TASS], "the WARC is damaged after record 3 (Unknown archive format"),
    ],
)  # fmt: skip
def test_a_cut_warc_loads_the_records_before_the_damage(tmp_path, gzip, at, loaded, reason):
    data = _warc(CRAWL[:2] + CRAWL[7:8], gzip=gzip)
    data = data[: int(len(data) * at)] if at else data + b"<html>garbage</html>"
    (tmp_path / "cut.warc.gz").write_bytes(data)
    result = ingest(tmp_path)
    assert result.corpus["url"].to_list() == loaded
    damage = result.skipped.filter(result.skipped["reason"].str.contains("cut short|damaged"))
    assert damage["reason"].item().startswith(reason)
    assert "warcio recompress" in damage["reason"].item()
    assert damage["path"].item().endswith("cut.warc.gz")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html><body>Not a WARC</body></html>", "not a readable WARC file"),
        (b"", "an empty WARC file"),
    ],
)
def test_a_file_that_is_no_warc_is_skipped_with_what_to_do(tmp_path, content, reason):
    (tmp_path / "x.warc").write_bytes(content)
    result = ingest(tmp_path)
    assert result.corpus.height == 0
    assert result.skipped["reason"].item().startswith(reason)


def test_two_captures_of_one_article_are_one_story(tmp_path):
    later = ("response", BELTA, "200 OK", "text/html", _page("Oil talks in Sochi", "2019-12-20T10:15:00+03:00"), "2021-06-01T10:00:00Z")  # fmt: skip
    (tmp_path / "a.warc.gz").write_bytes(_warc(CRAWL[1:2]))
    (tmp_path / "b.warc.gz").write_bytes(_warc([later]))
    result = ingest(tmp_path)
    assert result.corpus["url"].to_list() == [BELTA]
    duplicate = result.skipped.filter(result.skipped["reason"].str.starts_with("duplicate id"))
    assert duplicate["record"].to_list() == [1]
    assert duplicate["path"].item().endswith("b.warc.gz")
    assert "duplicate id: same URL as" in duplicate["reason"].item()


@pytest.mark.parametrize(
    ("name", "found"),
    [("crawl.warc.gz", True), ("crawl.WARC.GZ", True), ("crawl.warc", True), ("page.gz", False)],
)
def test_compressed_warcs_are_found_and_other_gz_files_told_what_to_do(tmp_path, name, found):
    (tmp_path / name).write_bytes(_warc(CRAWL[1:2]))
    sources = find_sources(tmp_path)
    assert bool(sources.files) == found
    if not found:
        assert "decompress it" in sources.report["reason"].item()


def test_a_body_stored_brotli_compressed_is_read(tmp_path):
    """Browser-based crawls store bodies as the site sent them: 4 of 19 Servo test crawls held
    their page brotli-compressed, and warcio failed on them with Google's brotli package."""
    import brotli

    page = list(CRAWL[1])
    page[4] = brotli.compress(page[4])
    (tmp_path / "br.warc.gz").write_bytes(_warc([tuple(page)], packed="br"))
    assert ingest(tmp_path).corpus["title"].to_list() == ["Oil talks in Sochi"]


def _broken_br():
    raise AttributeError("'brotli.Decompressor' object has no attribute 'unused_data'")


@pytest.mark.parametrize(
    ("packed", "reason", "loaded"),
    [
        # a gzip body damaged: warcio gives its bytes as they are, which are no text; the next
        # record's body, said to be gzip and not, is read as it is (as warcio does)
        ("gzip", f"HTML of {BELTA} is not text: compressed (gzip) as warcio cannot undo", [TASS]),
        # a decompressor that fails (Google's brotli package inside warcio: warcio issue #73):
        # each record skipped, the file read to its end
        ("br", f"HTML of {BELTA} could not be decompressed (br; AttributeError", []),
    ],
)
def test_a_body_that_cannot_be_decompressed_skips_its_record_only(
    tmp_path, monkeypatch, packed, reason, loaded
):
    import gzip

    from warcio.bufferedreaders import BufferedReader

    monkeypatch.setitem(BufferedReader.DECOMPRESSORS, "br", _broken_br)
    body = bytearray(gzip.compress(_page("Oil talks in Sochi") * 30))
    body[len(body) // 2 : len(body) // 2 + 40] = b"\x00" * 40
    broken = ("response", BELTA, "200 OK", "text/html", bytes(body), "2021-03-01T10:00:00Z")
    (tmp_path / "b.warc.gz").write_bytes(_warc([broken, CRAWL[7]], packed=packed))
    result = ingest(tmp_path)
    assert result.corpus["url"].to_list() == loaded
    assert result.skipped.filter(record=1)["reason"].item().startswith(reason)


REAL = Path(__file__).parent.parent / "benchmarks" / "data" / "archives"  # warcio's test data


@pytest.mark.parametrize(
    ("name", "urls", "reasons"),
    [
        # wget's crawl: the page once, its revisit not a second article, the rest counted
        ("example.warc.gz", ["http://example.com/"], [
            "WARC request records (2)", "WARC warcinfo records (2)",
            "revisit record of http://example.com/"]),
        # an HTTP body sent chunked: read whole
        ("example-iana.org-chunked.warc", ["http://www.iana.org/"], [
            "WARC request records (1)", "WARC warcinfo records (1)"]),
        # compressed as one gzip stream: what to do (warcio recompress)
        ("example-bad-non-chunked.warc.gz", [], [
            "the WARC is damaged after record 0 (compressed as one gzip stream",
            "WARC warcinfo records (1)"]),
        # a body whose chunk sizes are wrong: the record reported, nothing more read
        ("example-wrong-chunks.warc.gz", [], [
            "the WARC is damaged or cut short inside record 0 (http://example.com/)"]),
    ],
)  # fmt: skip
def test_real_warcs(name, urls, reasons):
    result = ingest(REAL / name)
    assert result.corpus["url"].to_list() == urls
    said = result.skipped["reason"].to_list()
    assert len(said) == len(reasons)
    assert all(s.startswith(r) for s, r in zip(sorted(said), sorted(reasons), strict=True))
    if urls:
        assert json.loads(result.corpus["meta"][0])["captured_by"] == "warc"


def test_a_record_longer_than_its_content_length_warns_nothing_and_the_next_loads(tmp_path, capfd):
    """A record followed by a stray byte before its blank line (its Content-Length a byte
    short, as two of trial F's WARCs): warcio reads on from the next record, and its console
    warning ("perhaps Content-Length is invalid") is not printed: the report is what is said."""
    pages = [("response", url, "200 OK", "text/html", _page(title), "2021-03-01T10:00:00Z")
             for url, title in ((BELTA, "Oil talks in Sochi"), (TASS, "Lukashenko and Putin meet"))]  # fmt: skip
    data = _warc(pages, gzip=False)
    first = data.index(b"\r\n\r\nWARC/1.0", data.index(b"Oil talks"))
    (tmp_path / "crawl.warc").write_bytes(data[:first] + b"m" + data[first:])
    result = ingest(tmp_path, progress=False)
    assert sorted(result.corpus["url"]) == sorted([BELTA, TASS])
    assert "Content-Length" not in capfd.readouterr().err
