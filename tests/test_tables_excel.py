"""Spreadsheets: every sheet's rows one article each, through the table's columns; a workbook
that cannot be read, or a sheet without a text column, is skipped by name (trial D: Integrum's
thematic maps came as .xlsx and were skipped)."""

from __future__ import annotations

import datetime as dt
import zipfile
from xml.sax.saxutils import escape

import polars as pl
import pytest

from toolkit import ingest

_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{}</Types>'
)
_SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{}.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _cell(c: int, r: int, value: str) -> str:
    return f'<c r="{chr(65 + c)}{r + 1}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def _cell(c: int, r: int, value: str) -> str:
    return f'<c r="{chr(65 + c)}{r + 1}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def write_xlsx(path, sheets: dict[str, list[list[str]]]) -> None:
    """A minimal workbook (inline strings) of ``sheets``: name -> rows of cells."""
    with zipfile.ZipFile(path, "w") as z:
        n = len(sheets)
        z.writestr("[Content_Types].xml", _TYPES.format("".join(_SHEET_TYPE.format(i + 1)
                                                               for i in range(n))))  # fmt: skip
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   f'Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>')  # fmt: skip
        listed = "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                         for i, name in enumerate(sheets))  # fmt: skip
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {_NS} xmlns:r="{_R}">'
                   f"<sheets>{listed}</sheets></workbook>")  # fmt: skip
        rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{_R}/worksheet" '
                       f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))  # fmt: skip
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns='
                   f'"http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                   "</Relationships>")  # fmt: skip
        for i, rows in enumerate(sheets.values()):
            body = "".join(
                f'<row r="{r + 1}">'
                + "".join(_cell(c, r, v) for c, v in enumerate(row) if v)
                + "</row>"
                for r, row in enumerate(rows)
            )
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml",
                       f'<?xml version="1.0"?><worksheet {_NS}><sheetData>{body}</sheetData></worksheet>')  # fmt: skip


# Integrum's thematic map: its Russian headers, dates day first with two-digit years
HEADER = ["Источник", "Дата", "Время", "Заголовок", "Анонс", "Оригинал", "Автор"]
ROWS = [
    ["НТВ: Новости", "31.12.12", "12:59", "Путин поздравил коллег",
     "Путин поздравил зарубежных коллег с Новым годом.", "www.ntv.ru", "Никольский Алексей"],
    ["НТВ: Новости", "30.12.12", "22:11", "Лукашенко в Москве",
     "Лукашенко прибыл в Москву на переговоры с Путиным.", "www.ntv.ru", ""],
]  # fmt: skip


@pytest.mark.parametrize(
    ("sheets", "titles", "lines", "skipped"),
    [
        ({"Тематическая карта": [HEADER, *ROWS]},
         ["Путин поздравил коллег", "Лукашенко в Москве"], [2, 3], []),
        # a second sheet without a text column is skipped by its name; the rows say their sheet
        ({"Тематическая карта": [HEADER, *ROWS], "Сводка": [["Всего"], ["2"]]},
         ["Путин поздравил коллег", "Лукашенко в Москве"], [2, 3], ["sheet 'Сводка': no text or title column"]),
        ({"Лист1": [HEADER]}, [], [], ["no records in the table"]),
    ],
)  # fmt: skip
def test_every_sheet_of_a_workbook_loads_one_row_per_article(
    tmp_path, sheets, titles, lines, skipped
):
    write_xlsx(tmp_path / "ntv.xlsx", sheets)
    result = ingest(tmp_path)
    assert result.corpus["title"].to_list() == titles
    loaded = result.report.filter(status="loaded")
    assert loaded["line"].to_list() == lines
    reasons = result.skipped["reason"].to_list()
    assert len(reasons) == len(skipped) and all(
        s in r for s, r in zip(skipped, reasons, strict=True)
    )
    if titles:
        row = result.corpus.row(0, named=True)
        assert (row["published"], row["site"]) == (dt.date(2012, 12, 31), "ntv.ru")
        assert row["text"] == "Путин поздравил зарубежных коллег с Новым годом."


def test_a_broken_workbook_is_skipped_with_what_to_do(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    result = ingest(tmp_path)
    reason = result.skipped["reason"][0]
    assert reason.startswith("unreadable spreadsheet") and "save it as .csv" in reason


@pytest.mark.parametrize(
    ("rows", "titles", "first_line", "noted"),
    [
        # an Integrum export: a title, the query, then the header (trial V)
        ([["Выгрузка Интегрум: Беларусь-Россия"], ["Запрос: Лукашенко"],
          ["Заголовок", "Дата", "Источник", "Текст"],
          ["Переговоры", "12.03.2024", "БелТА", "Президенты встретились."],
          ["Звонок", "13.03.2024", "ТАСС", "Состоялся разговор."]],
         ["Переговоры", "Звонок"], 4, True),
        # the header in the first row: as it was
        ([["title", "text"], ["A", "One."]], ["A"], 2, False),
    ],
)  # fmt: skip
def test_a_header_below_a_title_is_found(tmp_path, rows, titles, first_line, noted):
    write_xlsx(tmp_path / "export.xlsx", {"Sheet1": rows})
    result = ingest(tmp_path)
    corpus = result.corpus.sort("record")
    assert corpus["title"].to_list() == titles
    loaded = result.report.filter(pl.col("status") == "loaded").sort("record")
    assert loaded["line"].to_list()[0] == first_line
    note = loaded["note"].fill_null("")[0]
    assert ("the header is row 3 of the sheet: the 2 rows above it" in note) == noted
