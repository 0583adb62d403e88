"""Pages saved as MHTML: the main HTML part read as a page, its address as ``url``, the save
time in ``meta`` (never the date). The files are written here as Chrome ("Saved by Blink")
and Internet Explorer write them, with invented articles."""

import json

import pytest

from toolkit.archive_mhtml import is_mhtml
from toolkit.load import ingest

BELTA = "https://www.belta.by/politics/view/oil-talks-in-sochi-123456-2019/"
NAV = "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40))
PAGE = (
    '<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; '
    'charset=3DUTF-8"><title>Oil talks in Sochi</title><meta property=3D"article:published_'
    'time" content=3D"2019-12-20T10:15:00+03:00"></head><body><nav><ul>'
    + NAV.replace("=", "=3D")
    + "</ul></nav><article><h1>Oil talks in Sochi</h1><p>Minsk and Moscow agreed on Friday =\n"
    "to hold talks about oil supplies next month, the ministry said.</p><p>The talks will =\n"
    "take place in Sochi, the ministry said in a statement on its site.</p></article>"
    "</body></html>"
)


def _chrome(html=PAGE, *, location=BELTA, date="Fri, 17 Jan 2020 09:30:00 -0000"):
    """An MHTML file as Chrome saves it: the page first, quoted-printable, then a resource."""
    head = f"Snapshot-Content-Location: {location}\r\n" if location else ""
    return (
        "From: <Saved by Blink>\r\n" + head + "Subject: Oil talks in Sochi\r\n"
        + (f"Date: {date}\r\n" if date else "") + "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        '\tboundary="----MultipartBoundary--x1"\r\n\r\n'
        "------MultipartBoundary--x1\r\nContent-Type: text/html\r\n"
        "Content-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {BELTA}\r\n\r\n{html}\r\n"
        "------MultipartBoundary--x1\r\nContent-Type: text/css\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://www.belta.by/style.css\r\n\r\nbody { color: red; }\r\n"
        "------MultipartBoundary--x1--\r\n"
    ).encode()  # fmt: skip


def _explorer():
    """An MHTML file as Internet Explorer saves it: no snapshot header; the HTML part named by
    its Content-Location, in windows-1251, base64, after an image."""
    import base64

    html = (
        "<html><head><title>Переговоры в Сочи</title></head><body><article><h1>Переговоры в "
        "Сочи</h1><p>Минск и Москва договорились провести переговоры о поставках нефти в "
        "следующем месяце, сообщило министерство.</p><p>Переговоры пройдут в Сочи, говорится "
        "в заявлении министерства на его сайте.</p></article></body></html>"
    ).encode("cp1251")
    body = base64.encodebytes(html).decode()
    return (
        "From: <Saved by Windows Internet Explorer 8>\r\nSubject: x\r\n"
        "Date: Mon, 2 Mar 2020 12:00:00 +0300\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n\r\n'
        '------=_NextPart_000\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n'
        "Content-Location: https://www.belta.by/logo.gif\r\n\r\nR0lGODlhAQABAAAAACw=\r\n"
        '------=_NextPart_000\r\nContent-Type: text/html; charset="windows-1251"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://www.belta.by/politics/view/peregovory-v-sochi-1/\r\n\r\n"
        f"{body}\r\n------=_NextPart_000--\r\n"
    ).encode()  # fmt: skip


@pytest.mark.parametrize(
    ("data", "url", "title", "published", "captured"),
    [
        (_chrome(), BELTA, "Oil talks in Sochi", "2019-12-20", "2020-01-17T09:30:00Z"),
        # a long address folded onto two lines by Chrome
        (_chrome(location=BELTA.replace("/view/", "/view/\r\n ")), BELTA, "Oil talks in Sochi",
         "2019-12-20", "2020-01-17T09:30:00Z"),
        # the header as Chrome wrote it before: "X-Snapshot-Content-Location"
        (_chrome(location=BELTA).replace(b"Snapshot-Content", b"X-Snapshot-Content").replace(b"\r\nContent-Location: " + BELTA.encode(), b"\r\nContent-Location: cid:x"),
         BELTA, "Oil talks in Sochi", "2019-12-20", "2020-01-17T09:30:00Z"),
        # no snapshot header: the HTML part's location
        (_chrome(location=None), BELTA, "Oil talks in Sochi", "2019-12-20", "2020-01-17T09:30:00Z"),
        # no date on the page: the save's is not taken
        (_chrome(PAGE.replace("2019-12-20T10:15:00+03:00", "")), BELTA, "Oil talks in Sochi",
         None, "2020-01-17T09:30:00Z"),
        (_explorer(), "https://www.belta.by/politics/view/peregovory-v-sochi-1/",
         "Переговоры в Сочи", None, "2020-03-02T09:00:00Z"),
    ],
)  # fmt: skip
def test_an_mhtml_page_loads_with_its_address(tmp_path, data, url, title, published, captured):
    (tmp_path / "saved.mhtml").write_bytes(data)
    result = ingest(tmp_path)
    row = result.corpus.row(0, named=True)
    assert (row["url"], row["outlet"], row["title"]) == (url, "BelTA", title)
    assert (str(row["published"]) if row["published"] else None) == published
    assert json.loads(row["meta"])["captured"] == captured
    assert "color: red" not in row["text"]
    assert row["text"].startswith(("Minsk and Moscow", "Минск и Москва"))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Subject: x\r\nContent-Type: text/plain\r\n\r\nhello", "not an MHTML file"),
        (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: image/gif\r\n\r\nGIF89a\r\n--b--\r\n",
            "an MHTML file with no HTML part",
        ),
        (b"", "empty file"),
    ],
)
def test_an_mhtml_file_without_a_page_is_skipped_with_what_to_do(tmp_path, data, reason):
    (tmp_path / "x.mht").write_bytes(data)
    result = ingest(tmp_path)
    assert result.corpus.height == 0
    assert result.skipped["reason"].item().startswith(reason)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('From: <Saved by Blink>\nSnapshot-Content-Location: https://tass.com/1\nSubject: T\n'
         'MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype="text/html";\n'
         '\tboundary="----x"\n\n------x\n', True),
        ('MIME-Version: 1.0\nContent-Type: Multipart/Related; boundary="x"\n\n--x\n', True),
        ("<html><body><p>Content-Type: multipart/related</p></body></html>", False),
        ("Subject: a letter\n\nContent-Type: multipart/related\n", False),  # in the body
    ],
)  # fmt: skip
def test_is_mhtml_reads_the_headers_not_the_name(text, found):
    assert is_mhtml(text) is found


def test_an_mhtml_file_saved_with_an_html_name_is_read_as_mhtml(tmp_path):
    """Trial F: a page saved as "Webpage, Single File" and renamed ``.html`` was read as one
    HTML page ("no article text ... a page its scripts draw"): its headers say what it is."""
    (tmp_path / "saved.html").write_bytes(_chrome())
    (tmp_path / "saved.mhtml").write_bytes(_chrome())
    corpus = ingest(tmp_path / "saved.html", progress=False).corpus
    expected = ingest(tmp_path / "saved.mhtml", progress=False).corpus
    assert (
        corpus.select("url", "title", "text").rows()
        == expected.select("url", "title", "text").rows()
    )
    assert corpus["url"].item() == BELTA
