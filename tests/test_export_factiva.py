"""Factiva's HTML export: one row per article. The fixtures are written here in the export's
two layouts (the plain one of unlabelled ``<div>`` s after ``div#hd``, as koheiw/newspapers
reads it; the one with indexing, a table of field codes, as tm.plugin.factiva reads it), with
invented articles."""

import pytest

from toolkit import ingest
from toolkit.export_factiva import articles, is_export


def _plain(an, divs, paragraphs, *, headline="Talks in Minsk", section="News", author=None,
           after=("BelTA Publishing",), lang="en", last=False):  # fmt: skip
    head = f"<div>{section}</div>" if section else ""
    byline = f'<div class="author">{author}</div>' if author else ""
    return (
        f'<div id="article-{an}" class="{"lastarticle" if last else "article"}">'
        f'<div class="article {lang}Article"><p></p>{head}<div id="hd">'
        f'<span class="{lang}Headline">{headline}</span></div>{byline}'
        + "".join(f"<div>{d}</div>" for d in divs)
        + "<p></p>"
        + "".join(f'<p class="articleParagraph {lang}articleParagraph">{p}</p>' for p in paragraphs)
        + "".join(f"<p>{p}</p>" for p in after)
        + f"<p>Document {an}</p></div></div>"
    )


PAGE = '<html><head><title>Factiva</title></head><body><div id="contentLeft">{}</div></body></html>'
AN1, AN2, AN3 = "BELTA00020191203efc30001", "BELTA00020191204efc40002", "TASS000020191205efc50003"
DIVS = ["12 words", "3 December 2019", "BelTA", "BELTA", "1; National", "13", "English",
        "(c) 2019 BelTA"]  # fmt: skip


@pytest.mark.parametrize(
    ("articles_html", "expected_rows", "expected_skips"),
    [
        # the plain layout: the divs in order; <b> (a search hit) kept in the text
        (
            [_plain(AN1, DIVS, ["Minsk and <b>Moscow</b> agreed.", "Talks go on."],
                    author="Staff", after=("A caption.", "BelTA Publishing"))],
            [{"title": "Talks in Minsk", "byline": "Staff", "section": "News",
              "words": "12 words", "date": "3 December 2019", "outlet": "BelTA",
              "source_code": "BELTA", "copyright": "(c) 2019 BelTA", "language": "English",
              "edition_page": ["1; National", "13"], "id": AN1,
              "publishing_company": "BelTA Publishing", "captions": ["A caption."],
              "text": "Minsk and Moscow agreed.\n\nTalks go on."}],
            [],
        ),
        # a time after the date (Chinese UI), a copyright not called so, no section; a German
        # UI's numbered headline; an article with no body skipped by its number
        (
            [_plain(AN2, ["354 字", "2019 年 12 月 4 日", "17:04", "TASS", "TASS", "德文",
                          "Quelle: TASS, 2019. All rights reserved."], ["Text."], section=None,
                    lang="de"),
             _plain(AN3, ["9 Wörter", "5 Dezember 2019", "TASS", "TASS", "Deutsch"], ["Text."],
                    headline='<span class="deHeadline counted">2) Gespräche</span>'),
             _plain(AN3, DIVS, [], last=True)],
            [{"title": "Talks in Minsk", "words": "354 字", "date": "2019 年 12 月 4 日",
              "time_of_day": "17:04", "outlet": "TASS", "source_code": "TASS",
              "copyright": "Quelle: TASS, 2019. All rights reserved.", "language": "德文",
              "id": AN2, "publishing_company": "BelTA Publishing", "text": "Text."},
             {"title": "2) Gespräche", "section": "News", "words": "9 Wörter",
              "date": "5 Dezember 2019", "outlet": "TASS", "source_code": "TASS",
              "language": "Deutsch", "id": AN3, "publishing_company": "BelTA Publishing",
              "text": "Text."}],
            [(2, f"article 3 of 3 ({AN3}): no body")],
        ),
    ],
)  # fmt: skip
def test_articles_of_a_plain_export(articles_html, expected_rows, expected_skips):
    page = PAGE.format("".join(articles_html))
    assert is_export(page)
    found = articles(page)
    assert [fields for _, _, fields in found.rows] == expected_rows
    assert [(i, reason) for i, _, reason in found.skips] == expected_skips
    assert found.note == f"a Factiva export page of {len(articles_html)} articles"


def test_a_counted_headline_loses_its_number():
    html = _plain(AN1, DIVS, ["Text."], headline="3) Talks", lang="de").replace(
        'class="deHeadline"', 'class="deHeadline counted"'
    )
    assert articles(PAGE.format(html)).rows[0][2]["title"] == "Talks"


def _row(code, value):
    return f'<tr><td class="index"><b>{code}</b> </td><td>{value}</td></tr>'


INDEXED = (
    '<div class="article frArticle"><table>'
    + _row("HD", '<b class="frHeadline">Test 1</b> ')
    + _row("WC", "295 mots") + _row("PD", "29 décembre 2011") + _row("SN", "Ouest France")
    + _row("LA", "Français")
    + _row("LP", '<p class="articleParagraph frarticleParagraph">Lead.</p>')
    + _row("TD", '<p class="articleParagraph frarticleParagraph">Rest.</p>')
    + _row("AN", "<br>Document TESTFR0020111229e7ct0001r")
    + "</table><br></div>"
)  # fmt: skip


def test_articles_of_an_export_with_indexing():
    found = articles(PAGE.format(INDEXED))
    assert [fields for _, _, fields in found.rows] == [
        {"title": "Test 1", "words": "295 mots", "date": "29 décembre 2011",
         "outlet": "Ouest France", "language": "Français", "id": "TESTFR0020111229e7ct0001r",
         "text": "Lead.\n\nRest."}
    ]  # fmt: skip


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Factiva</title></head><body><p>Sign in</p></body></html>",
        '<html><body><div class="article">Talks in Minsk.</div></body></html>',
    ],
)
def test_other_pages_are_not_exports(page):
    assert not is_export(page)


def test_an_export_loads_one_row_an_article(tmp_path):
    page = PAGE.format(
        _plain(AN1, DIVS, ["Minsk and Moscow agreed on oil supplies."])
        + _plain(AN2, ["5 words", "Yesterday", "TASS", "TASS", "English"], ["Talks go on."])
    )
    (tmp_path / "factiva.html").write_text(page, encoding="utf-8")
    result = ingest(tmp_path)
    assert result.corpus.select("title", "outlet", "text").rows() == [
        ("Talks in Minsk", "BelTA", "Minsk and Moscow agreed on oil supplies."),
        ("Talks in Minsk", "TASS", "Talks go on."),
    ]
    assert [str(d) for d in result.corpus["published"]] == ["2019-12-03", "None"]
    notes = result.report.filter(status="loaded")["note"].to_list()
    assert all(n.startswith("a Factiva export page of 2 articles") for n in notes)
    assert "date 'Yesterday' not understood" in notes[1]
