"""The delimiter of a CSV or TSV file found from its header (toolkit.tables_delimited)."""

import datetime as dt

import polars as pl
import pytest
from conftest import ROOT
from read_items import assert_same_items

import toolkit.tables_delimited as delimited
import toolkit.tables_parts as table_parts
from toolkit import ingest
from toolkit.column_names import data_row
from toolkit.readers import read_file
from toolkit.records import Table
from toolkit.tables_delimited import find_delimiter

RIA = ROOT / "tests" / "data" / "ria-excel" / "ria_excel.csv"  # Excel, Russian locale (README)

SEMI = "fields separated by ';' (semicolon), not ','"
UNSETTLED = "delimiter not settled"


@pytest.mark.parametrize(
    ("sample", "whole", "default", "delimiter", "note"),
    [
        ("id;text\n1;Talks, in Minsk\n", True, ",", ";", f"{SEMI}: found from the header"),
        ("id\ttext\n1\tTalks; in Minsk, today\n", True, ",", "\t", "'\\t' (tab), not ','"),
        ("id|text\n1|Talks; in Minsk, today\n", True, ",", "|", "'|' (pipe), not ','"),
        # a comma file whose text holds many semicolons: the header settles it
        ("id,text\n1,a;b;c;d;e\n2,f;g;h;i;j\n", True, ",", ",", None),
        ('id,text\n1,"a;b;c;d"\n', True, ",", ",", None),
        # a one-column file: nothing to settle while no row splits
        ("text\nTalks in Minsk\n", True, ",", ",", None),
        ('text\n"Talks, in Minsk"\n', True, ",", ",", None),
        ("text\nTalks; in Minsk\n", True, ",", ",", "the header is one column and rows split by ';'"),
        # the header splits by two: the rows decide, or nothing does
        ("title;text,x\n1;a\n2;b\n", True, ",", ";", f"{SEMI}: found from the header and the first 2 rows"),
        ("title;text,x\n1;a,b\n", True, ",", ",", "splits by ',' and ';' and the first rows fit ',' and ';'"),
        ("title;text,x\n1\n", True, ",", ",", "the first rows fit none of them; read with ','"),
        ("title;text,x\n", True, ",", ",", UNSETTLED),
        # a sample cut from a longer file: its last row may be cut, and is not counted
        ("title;text,x\n1;a,b\n2,c", True, ",", ",", None),
        ("title;text,x\n1;a,b\n2,c", False, ",", ",", UNSETTLED),
        # .tsv: tab unless the header says otherwise
        ("id\ttext\n1\tTalks, in Minsk\n", True, "\t", "\t", None),
        ("id,text\n1,Talks\tin Minsk\n", True, "\t", ",", "',' (comma), not '\\t'"),
        # Excel's quoted multi-line fields and doubled quotes
        ('id;text\r\n1;"Line one,\nline ""two""; end"\r\n2;x\r\n', True, ",", ";", SEMI),
        # Excel's first line naming the delimiter
        ("sep=;\r\nid;text\r\n1;Talks, in Minsk\r\n", True, ",", ";", "named by the file's first line 'sep=;'"),
        ("sep=,\nid,text\n1,Talks; in Minsk\n", True, ",", ",", None),
        ("sep=|\nid|text\n", True, "\t", "|", "'|' (pipe), not '\\t'"),
    ],
)  # fmt: skip
def test_find_delimiter(sample, whole, default, delimiter, note):
    found, said = find_delimiter(sample, whole, default=default)
    assert found == delimiter
    assert said is None if note is None else note in said
    assert found == default or said  # a delimiter not the file type's is always said


def _ingest(tmp_path, name, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return ingest(path)


@pytest.mark.parametrize(
    ("name", "data", "texts", "lines", "skipped", "note"),
    [
        ("semi.csv", "id;title;text\n1;One;Body, one.\n2;Two;Body two.\n",
         ["Body, one.", "Body two."], [2, 3], [], SEMI),
        ("semi_crlf_bom.csv", "\ufeffid;title;text\r\n1;One;\"Body\r\none\"\r\n2;Two;x\r\n",
         ["Body\r\none", "x"], [2, 4], [], SEMI),
        ("tab.csv", "title\ttext\nOne\tBody, one; still one.\n",
         ["Body, one; still one."], [2], [], "'\\t' (tab)"),
        ("pipe.csv", "title|text\nOne|Body, one.\nTwo|Body; two.\n",
         ["Body, one.", "Body; two."], [2, 3], [], "'|' (pipe)"),
        ("commas.csv", "title,text\nOne,A; b; c; d.\nTwo,\"E; f, g; h.\"\n",
         ["A; b; c; d.", "E; f, g; h."], [2, 3], [], None),
        ("one.csv", 'text\nBody one.\n"Body, two."\n', ["Body one.", "Body, two."], [2, 3], [], None),
        ("one_semi.csv", "text\nBody; one.\n", ["Body; one."], [2], [], UNSETTLED),
        # the delimiter changes after the header: those rows are skipped with their lines
        ("changes.csv", "id;title;text\n1;One;Body one.\n2,Two,Body two.\n3;Three;Body three.\n"
         "4,Four,Body four.\n", ["Body one.", "Body three."], [2, 4],
         [(3, f"malformed row: 1 fields, header has 3; {SEMI}: found from the header"),
          (5, f"malformed row: 1 fields, header has 3; {SEMI}: found from the header")], SEMI),
        ("tab.tsv", "title\ttext\nOne\tBody, one.\n", ["Body, one."], [2], [], None),
        ("comma.tsv", "title,text\nOne,Body one.\n", ["Body one."], [2], [], "',' (comma)"),
        # two delimiters fit: the file type's is kept, and said
        ("both.csv", "text,title|extra\nBody,x|y\n", ["Body"], [2], [], UNSETTLED),
        # Excel's "sep=" line is no header, and the lines count on from it
        ("sep.csv", "sep=;\r\ntitle;text\r\nOne;Body, one.\r\nTwo;Body two.\r\n",
         ["Body, one.", "Body two."], [3, 4], [], "named by the file's first line 'sep=;'"),
        ("sep_cp1251.csv", "sep=;\ntitle;text\nОдин;Переговоры в Минске, в пятницу.\n".encode("cp1251"),
         ["Переговоры в Минске, в пятницу."], [3], [], "named by the file's first line 'sep=;'"),
        ("sep_comma.csv", "sep=,\ntitle,text\nOne,Body one.\n", ["Body one."], [3], [], None),
    ],
)  # fmt: skip
def test_a_table_is_read_with_the_delimiter_its_header_gives(
    tmp_path, name, data, texts, lines, skipped, note
):
    result = _ingest(tmp_path, name, data)
    assert result.corpus["raw_text"].to_list() == texts
    loaded = result.report.filter(status="loaded")
    assert loaded["line"].to_list() == lines
    assert result.skipped.select("line", "reason").rows() == skipped
    notes = loaded["note"].to_list()
    assert all(n is None for n in notes) if note is None else all(note in n for n in notes)


def test_a_file_whose_header_settles_nothing_is_skipped_with_the_note(tmp_path):
    result = _ingest(tmp_path, "both.csv", "a,b|c\n1,x|y\n")  # a row that fits both
    assert result.skipped.select("line", "reason").rows() == [
        (None, "no text or title column among ['a', 'b|c']; name the columns to read: in a "
         "parameter file, ingest: {columns: {text: ..., title: ...}}; on the command line, "
         "--column text=...; in Python, columns={'text': ...}; delimiter not settled: the header splits by ',' and '|' and the first rows fit ',' "
         "and '|'; read with ',', the file type's default")
    ]  # fmt: skip


def test_the_excel_file_of_the_trial_loads_every_record():
    """Header and five records of a CSV Excel wrote in a Russian locale (semicolons, cp1251,
    quoted multi-line fields, doubled quotes): found from the file, every record loads."""
    result = ingest(RIA)
    corpus = result.corpus
    assert corpus.height == 5 and result.skipped.height == 0
    assert result.report.filter(status="loaded")["line"].to_list() == [2, 5, 8, 11, 12]
    assert set(result.report["encoding"]) == {"cp1251"}
    assert set(result.report["note"]) == {
        f"not UTF-8: decoded as cp1251 (found by charset-normalizer); {SEMI}: found from the header"
    }
    assert set(corpus["outlet"]) == {"RIA Novosti"}  # its channel column, through the tables
    first = corpus.row(0, named=True)
    assert first["raw_text"].startswith("Вопрос выдвижения от ЛДПР")
    assert 'писал "Коммерсант" со ссылкой' in first["raw_text"]  # "" read as one quote
    assert first["date_text"] == "2024-12-04T08:55:19+00:00"
    assert ingest(RIA, columns={"outlet": "channel"}).corpus["outlet"].unique().to_list() == [
        "RIA Novosti"
    ]


def _not_utf8(*args):
    raise UnicodeDecodeError("utf-8", b"", 0, 1, "as a file found not UTF-8 would")


@pytest.mark.parametrize(
    "data",
    [
        'id;title;text\n1;One;Body, one.\n2;Two;"Body\ntwo"\n3;Three\n4;Four;x;y\n5;Five;z\n',
        'title|text\r\nOne|"a|b"\r\nTwo|c\r\n',
        'title\ttext\nOne\t"open\nTwo\tBody two\n',
    ],
)
def test_another_delimiter_reads_the_same_streamed_in_slices_or_decoded_whole(
    tmp_path, monkeypatch, data
):
    """By polars where a slice reads exactly, row by row, or decoded whole: the same items."""
    path = tmp_path / "t.csv"
    path.write_text(data)
    read = []
    utf8 = delimited._utf8_table
    for chunk, streamed in [(1 << 30, True), (1, True), (20, True), (1 << 30, False)]:
        monkeypatch.setattr(table_parts, "CHUNK_BYTES", chunk)
        monkeypatch.setattr(delimited, "_utf8_table", utf8 if streamed else _not_utf8)
        read.append(list(read_file(path, path.name, {})))
    for items in read[1:]:
        assert_same_items(items, read[0])
        notes = [x.file_note for x in items if isinstance(x, Table)]
        assert notes == [x.file_note for x in read[0] if isinstance(x, Table)] and notes[0]


def test_a_utf8_sample_cut_inside_a_character_is_still_utf8(tmp_path, monkeypatch):
    data = "id;text\n1;Привет, Минск\n2;Ещё\n".encode()
    cut = data.index("Привет".encode()) + 3  # inside the second letter's two bytes
    monkeypatch.setattr(delimited, "SAMPLE_CHARS", cut)
    items = list(read_file(_path(tmp_path, data), "t.csv", {}))
    assert [(type(x), x.encoding) for x in items] == [(Table, "utf-8")]
    assert items[0].frame["text"].to_list() == ["Привет, Минск", "Ещё"]


def _path(tmp_path, data: bytes):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("rows", "titles", "skipped_lines"),
    [
        # two exports appended: the second header is skipped, with its line (trial V)
        (["title,date,text", "A,2024-03-12,One.", "title,date,text", "B,2024-03-15,Two."],
         ["A", "B"], [3]),
        (["title,date,text", "A,2024-03-12,One.", "Title,DATE,Text", "B,2024-03-15,Two."],
         ["A", "B"], [3]),
        (["title,date,text", "A,2024-03-12,One.", "title,,text", "B,2024-03-15,Two."],
         ["A", "B"], [3]),  # an empty cell in it too
        # a row that names one column is an article ("text" as a headline)
        (["title,date,text", "title,2024-03-12,One."], ["title"], []),
        # malformed quoting further down: read row by row, the header found there too
        (["title,date,text", "title,date,text", 'A,2024-03-12,"One', 'B,2024-03-15,Two.'],
         None, [2]),
    ],
)  # fmt: skip
def test_a_header_repeated_in_the_table_is_skipped_with_its_line(
    tmp_path, rows, titles, skipped_lines
):
    (tmp_path / "t.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = ingest(tmp_path)
    again = result.skipped.filter(pl.col("reason").str.starts_with("the header again"))
    assert again["line"].to_list() == skipped_lines
    if titles is not None:
        assert result.corpus.sort("record")["title"].to_list() == titles
    assert "title" not in result.corpus["outlet"].fill_null("").to_list()


D = dt.date
HEADLESS = (
    "sputnik_1;20190426;Sweden denies journalist accreditation;2;https://sputniknews.com/a/\n"
    "sputnik_2;20190426;Operation smear;2;https://sputniknews.com/b/\n"
    "rt_1;20190425;Assyrians in Sweden;1;https://www.rt.com/news/c/\n"
)


@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [("", "utf-8"), ("sep=;\n", "utf-8"), ("", "cp1251")],
)
def test_a_table_without_a_header_row_numbers_its_columns_and_loses_no_row(
    tmp_path, prefix, encoding
):
    """Trial X: a headerless CSV was '1 file skipped', and naming its first row's values as
    columns loaded 94 of 95 rows with nothing said of the first; trial Y: with no mapping it
    was still skipped. Now its fields are read by what the first row holds, and a mapping by
    the numbered names reads the same."""
    text = prefix + HEADLESS + ("Минск;20190424;Заголовок новости дня;1;https://ria.ru/d/\n"
                                if encoding == "cp1251" else "")  # fmt: skip
    (tmp_path / "t.csv").write_bytes(text.encode(encoding))
    by_content = ingest(tmp_path)
    note = by_content.report["note"].drop_nulls()[0]
    assert "no header row (the first row holds a date and a URL)" in note
    assert "read by what it holds: date column_2, url column_5, title column_3" in note
    columns = {"title": "column_3", "date": "column_2", "url": "column_5"}
    for result in (by_content, ingest(tmp_path, columns=columns)):
        corpus = result.corpus.sort("record")
        assert corpus["title"].to_list()[:3] == [
            "Sweden denies journalist accreditation",
            "Operation smear",
            "Assyrians in Sweden",
        ]
        assert corpus["published"].to_list()[:3] == [D(2019, 4, 26), D(2019, 4, 26), D(2019, 4, 25)]
        assert corpus["outlet"].to_list()[:3] == ["Sputnik", "Sputnik", "RT"]
        assert result.skipped.height == 0
        assert corpus.height == HEADLESS.count("\n") + (encoding == "cp1251")


def test_a_header_is_not_taken_for_data():
    assert data_row(["id", "date", "title", "url"]) is None
    assert data_row(["headline", "published", "link"]) is None
    assert data_row(["a", "b"]) is None  # nothing says it is data: read as a header
    assert data_row(["1", "2019-04-26", "Title", "x"]) == "a date"


@pytest.mark.parametrize(
    ("content", "encoding", "rows"),
    [
        ("title\tdate\ttext\toutlet\nA\t2024-03-10\tOne.\tBelTA\nB\t2024-03-11\tTwo.\tBelTA\n",
         "utf-8", [("A", "One."), ("B", "Two.")]),
        # Excel's "Unicode Text": UTF-16 with a byte-order mark and CRLF
        ("title\tdate\ttext\r\nЗаголовок\t2024-03-10\tТекст новости.\r\n", "utf-16",
         [("Заголовок", "Текст новости.")]),
        # tabs in a page's text are no table: no header of known names
        ("Just a note\twith a tab\tinside\nand another line\n", "utf-8",
         [("Just a note with a tab inside", "and another line")]),
    ],
)  # fmt: skip
def test_a_tab_separated_table_saved_as_txt_is_read_as_a_table(tmp_path, content, encoding, rows):
    """Trial V: Excel's "Text (Tab delimited)" export, a .txt, loaded as one article of the
    whole table, its title 'title date text outlet'."""
    (tmp_path / "export.txt").write_bytes(content.encode(encoding))
    result = ingest(tmp_path)
    assert result.corpus.sort("record").select("title", "text").rows() == rows
    noted = result.report["note"].fill_null("").str.contains("read as a tab-separated table")
    assert noted.any() == (len(rows) > 1 or "Заголовок" in content)
