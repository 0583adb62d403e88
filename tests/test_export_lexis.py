"""LexisNexis exports (text and HTML): one row per document. The fixtures are written here in
the exports' own layout (the text export's centred "N of M DOCUMENTS" lines, source and date
lines, ``KEY:`` fields and copyright notice; the HTML export's ``<DOC NUMBER=1>`` blocks of
``<DIV>`` paragraphs, as Nexis UK wrote them), with invented articles."""

import pytest

from toolkit import ingest
from toolkit.export_lexis import documents, html_text, is_export, is_html_export

HEADER = (
    "\ufeff\r\n\r\nDownload Request: Selected Items: 1-3\r\nTime Of Request: Friday, March 20,"
    " 2018  16:51:31\r\n\r\nTerms: (Belarus and Russia)\r\n\r\nSource: BBC Monitoring\r\n\r\n"
)


def _doc(n, total, head, fields, body, tail, notice="Copyright 2010 BBC"):
    lines = [f"{' ' * 31}{n} of {total} DOCUMENTS", "", ""]
    for i, part in enumerate(head):
        lines += [(" " * 28 + line if i < 2 else line) for line in part.split("\n")] + [""]
    lines += [f"{k}: {v}\n" for k, v in fields]
    lines += [f"{p}\n" for p in body]
    lines += [f"{k}: {v}\n" for k, v in tail]
    lines += [f"{' ' * 24}{notice}", f"{' ' * 30}All Rights Reserved", ""]
    return "\r\n".join(lines)


ARTICLE = _doc(
    1, 3,
    ["BBC Monitoring Former Soviet Union", "December 3, 2019 Tuesday\n  Edition 1;\n  Minsk",
     "Lukashenko, Putin discuss\noil supplies"],
    [("BYLINE", "Staff"), ("SECTION", "NEWS; Pg. 3"), ("LENGTH", "12 words")],
    ["Minsk and Moscow agreed\non oil supplies.", "MOSCOW: talks go on."],
    [("LOAD-DATE", "December 4, 2019"), ("LANGUAGE", "ENGLISH"),
     ("PUBLICATION-TYPE", "Transcript"), ("JOURNAL-CODE", "BBCMFSU")],
)  # fmt: skip


@pytest.mark.parametrize(
    ("docs", "expected_rows", "expected_skips"),
    [
        # a document: its source, date line and edition, headline, fields, body, notice
        (
            [ARTICLE],
            [{"document": "1 of 3", "outlet": "BBC Monitoring Former Soviet Union",
              "date": "December 3, 2019", "date_line": "December 3, 2019 Tuesday",
              "edition": "Edition 1; Minsk", "byline": "Staff", "section": "NEWS; Pg. 3",
              "length": "12 words", "load_date": "December 4, 2019", "language": "ENGLISH",
              "publication_type": "Transcript", "journal_code": "BBCMFSU",
              "copyright": "Copyright 2010 BBC All Rights Reserved",
              "title": "Lukashenko, Putin discuss oil supplies",
              "text": "Minsk and Moscow agreed on oil supplies.\n\nMOSCOW: talks go on."}],
            [],
        ),
        # German fields, a body opened by BODY:, a date line with a time; a document with no
        # body is skipped by its number; another with no date line under its source
        (
            [_doc(1, 3, ["Spiegel Online", "27. Februar 2012 Montag 9:50 PM GMT+1", "Euro"],
                  [("AUTOR", "A. Meiritz"), ("LÄNGE", "9 Wörter")], ["BODY:", "Berlin - Text."],
                  [("SPRACHE", "GERMAN"), ("ZEITUNGS-CODE", "spox")]),
             _doc(2, 3, ["BelTA", "May 1, 2020", "Headline only"], [("LENGTH", "0 words")], [],
                  [("LANGUAGE", "ENGLISH")]),
             _doc(3, 3, ["TASS", "Talks in Minsk"], [("LENGTH", "3 words")], ["Body text here."],
                  [("LANGUAGE", "ENGLISH")])],
            [{"document": "1 of 3", "outlet": "Spiegel Online", "date": "27. Februar 2012",
              "date_line": "27. Februar 2012 Montag 9:50 PM GMT+1", "byline": "A. Meiritz",
              "length": "9 Wörter", "language": "GERMAN", "zeitungs_code": "spox",
              "copyright": "Copyright 2010 BBC All Rights Reserved", "title": "Euro",
              "text": "Berlin - Text."},
             {"document": "3 of 3", "outlet": "TASS", "length": "3 words",
              "language": "ENGLISH", "copyright": "Copyright 2010 BBC All Rights Reserved",
              "title": "Talks in Minsk", "text": "Body text here."}],
            [(1, "document 2 of 3: no body")],
        ),
    ],
)  # fmt: skip
def test_documents_of_a_text_export(docs, expected_rows, expected_skips):
    text = HEADER + "".join(docs)
    assert is_export(text)
    found = documents(text)
    assert [fields for _, _, fields in found.rows] == expected_rows
    assert [(i, reason) for i, _, reason in found.skips] == expected_skips
    assert found.note.startswith(f"a LexisNexis export of {len(docs)} documents; its header")


@pytest.mark.parametrize(
    "text",
    [
        "Talks in Minsk. The 2 of 10 DOCUMENTS were signed.",  # not on a line of its own
        "Minsk and Moscow agreed on Friday to hold talks about oil supplies.",
    ],
)
def test_other_texts_are_not_exports(text):
    assert not is_export(text)


def _html_doc(n, total, divs):
    cells = "".join(
        f'<BR><DIV CLASS="c4"><P CLASS="c5">{d}</P>\n</DIV>\n' if isinstance(d, str) else
        '<BR><DIV CLASS="c4">' + "".join(f'<P CLASS="c8">{p}</P>\n' for p in d) + "</DIV>\n"
        for d in [f"{n} of {total} DOCUMENTS", *divs]
    )  # fmt: skip
    return (
        f'<A NAME="DOC_ID_{n}"></A><!-- Hide XML section from browser\n<DOC NUMBER=1>\n'
        f"<DOCFULL> -->\n{cells}<!-- Hide XML section from browser </DOCFULL>\n</DOC> -->\n"
    )


HTML = (
    '<HTML><HEAD><STYLE TYPE="text/css"><!-- .c0 { text-align: center; } --></STYLE>'
    '<TITLE>&nbsp;</TITLE><META TOPIC="null" DOCUMENTS="2" /></HEAD><BODY>\n'
    + _html_doc(1, 2, ["The Irish Times", "June 17, 1995, CITY EDITION", "Clashes near Sarajevo",
                       "<SPAN>BYLINE: </SPAN><SPAN>By KURT SCHORK</SPAN>",
                       "<SPAN>LENGTH: </SPAN><SPAN>9 words</SPAN>",
                       ["SHELLS blasted Sarajevo.", "Two blasts&nbsp;rocked the centre."],
                       "<SPAN>LOAD-DATE: </SPAN><SPAN>June 19, 1995</SPAN>",
                       "Copyright 1995 The Irish Times"])
    + _html_doc(2, 2, ["The Irish Times", "June 12, 1995", "Headline"])
    + "</BODY></HTML>"
)  # fmt: skip


def test_documents_of_an_html_export():
    assert is_html_export(HTML)
    found = documents(html_text(HTML))
    assert [fields for _, _, fields in found.rows] == [
        {"document": "1 of 2", "outlet": "The Irish Times", "date": "June 17, 1995",
         "date_line": "June 17, 1995, CITY EDITION", "edition": "CITY EDITION",
         "byline": "By KURT SCHORK", "length": "9 words", "load_date": "June 19, 1995",
         "copyright": "Copyright 1995 The Irish Times", "title": "Clashes near Sarajevo",
         "text": "SHELLS blasted Sarajevo.\n\nTwo blasts rocked the centre."}
    ]  # fmt: skip
    assert [(i, reason) for i, _, reason in found.skips] == [(1, "document 2 of 2: no body")]


@pytest.mark.parametrize(
    ("name", "content"),
    [("export.TXT", (HEADER + ARTICLE.replace("1 of 3", "1 of 2")
                     + ARTICLE.replace("1 of 3", "2 of 2").replace("December 3", "December 5")
                     + _doc(3, 2, ["BBC Monitoring Former Soviet Union",
                                   "Lukashenko, Putin discuss oil supplies"], [], ["Text."], []))
      .encode("utf-8")),
     ("export.html", HTML.replace("June 17, 1995, CITY EDITION", "Summer 1995").encode("cp1252"))],
)  # fmt: skip
def test_an_export_loads_one_row_a_document(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    result = ingest(tmp_path)
    if name.endswith(".TXT"):
        assert result.corpus["title"].to_list() == ["Lukashenko, Putin discuss oil supplies"] * 3
        assert result.corpus["outlet"].to_list() == ["BBC Monitoring Former Soviet Union"] * 3
        assert [str(d) for d in result.corpus["published"]] == ["2019-12-03", "2019-12-05", "None"]
        assert result.skipped.height == 0
        notes = result.report.filter(status="loaded")["note"].to_list()
        assert all(n.startswith("a LexisNexis export of 3 documents; its header") for n in notes)
        assert "the export numbers 2 documents: this file holds 3" in notes[0]
        assert "document 3 of 2: no date line under its source" in notes[2]
    else:
        assert result.corpus["title"].to_list() == ["Clashes near Sarajevo"]
        assert [str(d) for d in result.corpus["published"]] == ["None"]
        note = result.report.filter(status="loaded")["note"][0]
        assert "document 1 of 2: its date line 'Summer 1995' gives no day; date left empty" in note
        assert result.skipped.select("record", "reason").rows() == [(1, "document 2 of 2: no body")]


def _academic(n, notice, after):
    """A document in Academic LexisNexis's layout: the copyright notice first (the source its
    last line, or the next paragraph), fields with HEADLINE:, the body after BODY:."""
    return "\n".join(
        [f"{' ' * 31}{n} of 3 DOCUMENTS", "", ""]
        + [" " * 20 + line for line in notice]
        + after
        + ["SECTION: NEWS; Pg. A1", "", "LENGTH: 9 words", "", "HEADLINE: Talks in Minsk", "",
           "BODY:", "", "Minsk and Moscow agreed.", "", "LOAD-DATE: July 3, 2015", "", ""]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("notice", "after", "expected"),
    [
        # the notice ends "All Rights Reserved"; the source its own paragraph
        (["Copyright 2015 WP Company LLC d/b/a", "Washington Post Digital", "All Rights Reserved"],
         ["", "   The Washington Post", "", "   May 31, 2015 Sunday", "   Suburban Edition", ""],
         ("The Washington Post", "Copyright 2015 WP Company LLC d/b/a Washington Post Digital"
          " All Rights Reserved", None)),
        # the source the notice's last line, the date line next
        (["Copyright 2015 The Florida Times-Union", "Florida Times-Union (Jacksonville)"],
         ["", "   May 2, 2015 Saturday", ""],
         ("Florida Times-Union (Jacksonville)", "Copyright 2015 The Florida Times-Union", None)),
        # a wire's note between the source and the date line
        (["Copyright 2015 Sampson Independent", "Sampson Independent (Clinton, North Carolina)"],
         ["", "   Distributed by Tribune Content Agency", "", "   May 22, 2015 Friday", ""],
         ("Sampson Independent (Clinton, North Carolina)", "Copyright 2015 Sampson Independent",
          "Distributed by Tribune Content Agency")),
    ],
)  # fmt: skip
def test_the_academic_layout_puts_the_notice_before_the_source(notice, after, expected):
    found = documents(HEADER + _academic(1, notice, after))
    (_, _, row) = found.rows[0]
    assert (row["outlet"], row["copyright"], row.get("distributor")) == expected
    assert (row["title"], row["text"], row["section"]) == (
        "Talks in Minsk",
        "Minsk and Moscow agreed.",
        "NEWS; Pg. A1",
    )
    assert "date" in row and not found.notes
