"""Integrum's HTML report: one row per article. The fixtures are written here in the report's
own layout (a numbered list of the articles, then each article's ``<div>`` with a table of
``^XX:`` fields and its text in a ``<pre>``), in windows-1251 as Integrum writes it, with
invented articles."""

import pytest

from toolkit import ingest
from toolkit.export_integrum import articles, is_export


def _article(n, fields, text):
    cell = "".join(f"^{code}:\n                  {value}\n<br>" for code, value in fields)
    title = dict(fields).get("ЗГ", "")
    return (
        f'<div align="left"><a name="{n}"></a><table width="100%"><tr><td bgcolor="#e4e1d9">'
        f"{cell}</td></tr></table><h3>{title}\n</h3><pre>{text}</pre></div>"
        '<br clear="all" style="page-break-before:always">'
    )


def _report(*items):
    listed = "".join(f'{n}.\n <a href="#{n}">{n}</a> <small>БелТА;</small><br>'
                     for n in range(1, len(items) + 1))  # fmt: skip
    return (
        '<html><head><META http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<title>Report 12.05.2021 15:50:05</title></head><body><h3>Report</h3>{listed}"
        + "".join(items) + "</body></html>"
    )  # fmt: skip


FIELDS = [("ИС", "БелТА"), ("РБ", "ПОЛИТИКА"), ("НР", "6"), ("ДТ", "03.12.2019"),
          ("АВ", "Иванов Иван"), ("ЗГ", "ПЕРЕГОВОРЫ В МИНСКЕ")]  # fmt: skip
TEXT = (
    "\n     Минск и Москва договорились\nо поставках нефти.\n"
    '     <font color="#0000FF"><b>Переговоры</b></font> продолжатся.'
)


@pytest.mark.parametrize(
    ("items", "expected_rows", "expected_skips"),
    [
        # the fields, the date read day first, paragraphs from the indented lines
        (
            [_article(1, FIELDS, TEXT)],
            [{"outlet": "БелТА", "section": "ПОЛИТИКА", "issue": "6", "date_written": "03.12.2019",
              "byline": "Иванов Иван", "title": "ПЕРЕГОВОРЫ В МИНСКЕ", "date": "2019-12-03",
              "text": "Минск и Москва договорились о поставках нефти.\n\nПереговоры продолжатся."}],
            [],
        ),
        # a date that is no day (31 February), no title field (the heading is read), a blank
        # line between paragraphs; an article with no text skipped by its number
        (
            [_article(1, [("ИС", "БелТА"), ("ДТ", "31.02.1994")], "Первый.\n\nВторой."),
             _article(2, FIELDS, "")],
            [{"outlet": "БелТА", "date_written": "31.02.1994", "text": "Первый.\n\nВторой."}],
            [(1, "article 2 of 2: no body")],
        ),
    ],
)  # fmt: skip
def test_articles_of_a_report(items, expected_rows, expected_skips):
    page = _report(*items)
    assert is_export(page)
    found = articles(page)
    assert [fields for _, _, fields in found.rows] == expected_rows
    assert [(i, reason) for i, _, reason in found.skips] == expected_skips
    assert found.note == (
        f"an Integrum export of {len(items)} articles; its list of {len(items)} titles (the"
        " report's header) is no article"
    )


def test_other_pages_are_not_exports():
    assert not is_export("<html><body><p>^ИС: is how Integrum marks a source</p></body></html>")


def test_a_report_loads_one_row_an_article(tmp_path):
    page = _report(
        _article(1, FIELDS, TEXT),
        _article(2, [("ИС", "ТАСС"), ("ДТ", "1994"), ("ЗГ", "ВСТРЕЧА")], "     Текст встречи."),
    )
    (tmp_path / "integrum.html").write_bytes(page.encode("cp1251"))
    result = ingest(tmp_path)
    assert result.corpus.select("title", "outlet").rows() == [
        ("ПЕРЕГОВОРЫ В МИНСКЕ", "BelTA"),  # the outlet tables know БелТА
        ("ВСТРЕЧА", "TASS"),
    ]
    assert [str(d) for d in result.corpus["published"]] == ["2019-12-03", "None"]
    notes = result.report.filter(status="loaded")["note"].to_list()
    assert "article 2 of 2: its date '1994' is not day.month.year; date left empty" in notes[1]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_a_table_export_is_read_by_its_russian_column_names(tmp_path, encoding):
    table = (
        "Источник,Дата,Время,Заголовок,Анонс,Оригинал,Автор\n"
        'БелТА,28.02.05,00:00,Переговоры в Минске,"Переговоры в Минске\n\nМинск и Москва'
        ' договорились.",,Иванов\n'
        "БелТА,13.02.05,00:00,Встреча,Текст встречи.,,\n"
    )
    (tmp_path / "integrum.csv").write_bytes(table.encode(encoding))
    result = ingest(tmp_path)
    assert result.corpus.select("title", "outlet").rows() == [
        ("Переговоры в Минске", "BelTA"),
        ("Встреча", "BelTA"),
    ]
    assert [str(d) for d in result.corpus["published"]] == ["2005-02-28", "2005-02-13"]
    notes = result.report.filter(status="loaded")["note"].to_list()
    assert all(n.startswith("no body column: the Анонс column read as the text") for n in notes)
