"""HTML in a table's text (a WordPress export's ``content.rendered``, a scraper's innerHTML): read
as the text a browser shows where the table holds enough markup, with a note; plain tables and
a stray "<" untouched."""

import json

import polars as pl
import pytest

from toolkit import ingest
from toolkit.records import Table
from toolkit.table_html import html_read, html_text

# the shape of a WordPress REST API post (wp-json/wp/v2/posts), as sites running WordPress
# give it; the text is written here
POST = {
    "id": 1,
    "date": "2024-03-01T10:00:00",
    "link": "https://www.belta.by/president/view/lukashenko-1.html",
    "title": {"rendered": "Lukashenko &#8211; Putin talks"},
    "content": {
        "rendered": "<p>MINSK, 1 March (BelTA) &#8211; Aleksandr Lukashenko met Vladimir Putin."
        "</p>\n<p>The talks focused on the Union State &amp; energy.<br>Gas came first.</p>"
        "<script>var a = 1;</script><style>p {color: red}</style>"
    },
}


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
        ("<div><h2>Head</h2>Line one<br/>line two</div>", "Head\n\nLine one\nline two"),
        ("<p>Kept</p><script>alert(1)</script><noscript>x</noscript>", "Kept"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("Plain &laquo;quoted&raquo; text", "Plain «quoted» text"),  # no tag: unescaped only
        ("<p>  spaced   out  </p>", "spaced out"),
        (None, None),
    ],
)
def test_html_text_is_what_a_browser_shows(fragment, text):
    assert html_text(fragment) == text


@pytest.mark.parametrize(
    ("texts", "expected", "noted"),
    [
        (["<p>Talks</p>", "Plain", "More"], ["Talks", "Plain", "More"], True),
        # a stray "<" or "&" in plain text is no markup
        (["a < b and c > d", "Tom & Jerry"], ["a < b and c > d", "Tom & Jerry"], False),
        # under 5% of the rows: left as written
        (["<p>x</p>", *["plain"] * 30], ["<p>x</p>", *["plain"] * 30], False),
    ],
)
def test_a_text_column_is_read_as_html_where_enough_rows_hold_markup(texts, expected, noted):
    read = html_read(Table("t.json", pl.DataFrame({"text": texts})))
    assert read.frame["text"].to_list() == expected
    assert ("text read as HTML" in (read.file_note or "")) is noted


def test_a_wordpress_export_loads_as_text_with_its_dateline(tmp_path):
    (tmp_path / "posts.json").write_text(json.dumps([POST]), encoding="utf-8")
    result = ingest(tmp_path)
    row = result.corpus.row(0, named=True)
    assert row["title"] == "Lukashenko – Putin talks"
    assert row["text"] == (
        "Aleksandr Lukashenko met Vladimir Putin.\n\n"
        "The talks focused on the Union State & energy.\n\nGas came first."
    )  # a line of its own is a paragraph once loaded
    assert (row["dateline"], row["outlet"]) == ("MINSK", "BelTA")
    note = result.report.filter(pl.col("status") == "loaded")["note"][0]
    assert "text read as HTML (1 of 1 rows hold markup)" in note
    assert "title read as HTML" in note


@pytest.mark.parametrize(
    ("texts", "expected", "noted"),
    [
        # trial S: one BBC text of thousands kept "J&amp;J Pharmacy" (under 5%: not HTML)
        (["J&amp;J Pharmacy", *["plain"] * 30], ["J&J Pharmacy", *["plain"] * 30], [0]),
        (
            ["It&#39;s &#x201C;fine&#x201D;", *["plain"] * 30],
            ["It's \u201cfine\u201d", *["plain"] * 30],
            [0],
        ),
        # no semicolon, or no reference Python knows: as written
        (["AT&T", "&copy 2015", "Q&notes", "a &madeup; b", *["plain"] * 80], None, []),
        # a tag is left, the reference read
        (["<b>x &amp; y", *["plain"] * 30], ["<b>x & y", *["plain"] * 30], [0]),
    ],
)
def test_a_few_rows_character_references_are_read_with_a_note(texts, expected, noted):
    frame = pl.DataFrame({"text": texts, "note": [None] * len(texts)}, schema={
        "text": pl.String, "note": pl.String})  # fmt: skip
    read = html_read(Table("t.csv", frame))
    assert read.frame["text"].to_list() == (expected or texts)
    notes = read.frame["note"].to_list()
    assert [i for i, n in enumerate(notes) if n] == noted
    assert read.file_note is None


def test_a_csv_texts_reference_is_read_when_loaded(tmp_path):
    rows = ["title,text"] + [f"Story {i},Plain text number {i}." for i in range(30)]
    rows.append('Sanitiser,"Pharmacist mix at J&amp;J Pharmacy beats the shortage."')
    (tmp_path / "bbc.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = ingest(tmp_path)
    row = result.corpus.filter(pl.col("title") == "Sanitiser").row(0, named=True)
    assert row["text"] == "Pharmacist mix at J&J Pharmacy beats the shortage."
    noted = result.report.filter(pl.col("note").str.contains("character references read"))
    assert noted.height == 1 and noted["record"].to_list() == [row["record"]]
