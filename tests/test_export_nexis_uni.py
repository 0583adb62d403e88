"""Nexis Uni's Word export: one row per document. The fixtures are Word files written here
(``word/document.xml`` in a ZIP) in the export's own layout (a cover listing the titles, then
each document's headline, source, date line, copyright, fields, ``Body``, ``Classification``
and "End of Document"), with invented articles."""

import zipfile

import polars as pl
import pytest

from toolkit import ingest
from toolkit.export_nexis_uni import documents, is_export, paragraphs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COVER = ["User Name: A Researcher", "Date and Time: Wednesday, December 19, 2018 7:08:00 PM JST",
         "Job Number: 79564983", "Documents (2)", "1. Talks in Minsk", "Client/Matter: -None-",
         "Search Terms: Belarus", "Sources: BelTA; Content Type: News", "2. Oil supplies",
         "Client/Matter: -None-", "Sources: BelTA; Content Type: News"]  # fmt: skip


def _doc(title, date, body, *, extra=(), tail=("Classification", "Language: ENGLISH")):
    return [title, "BelTA", *([date] if date else []), "Copyright 2019 BelTA", *extra,
            "Section: POLITICS", "Length: 9 words", "Byline: Staff", "Body", *body, *tail,
            "Load-Date: December 4, 2019", "End of Document"]  # fmt: skip


def _docx(path, lines):
    runs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{line.replace("&", "&amp;")}</w:t></w:r></w:p>'
        for line in lines
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{runs}'
                         "</w:body></w:document>")  # fmt: skip
    return path


@pytest.mark.parametrize(
    ("lines", "expected_rows", "expected_skips"),
    [
        # the cover, then a document: its title is the cover's first, not the cover's lines
        (
            COVER + _doc("Talks in Minsk", "December 3, 2019 Tuesday, Final Edition",
                         ["Minsk and Moscow agreed.", "Talks go on."],
                         tail=("Graphic", "PHOTO: Minsk", "Classification", "Language: ENGLISH")),
            [{"document": "1 of 1", "copyright": "Copyright 2019 BelTA",
              "date_line": "December 3, 2019 Tuesday, Final Edition", "date": "December 3, 2019",
              "edition": "Final Edition", "title": "Talks in Minsk", "outlet": "BelTA",
              "section": "POLITICS", "length": "9 words", "byline": "Staff",
              "graphic": "PHOTO: Minsk", "language": "ENGLISH", "load_date": "December 4, 2019",
              "text": "Minsk and Moscow agreed.\n\nTalks go on."}],
            [],
        ),
        # no date line (a correction only), a field under the copyright; a document with no
        # body skipped by its number
        (
            _doc("Oil supplies", None, ["Text."], extra=("Distribution: Every Zone",))
            + _doc("Empty", "May 1, 2020", [], tail=()),
            [{"document": "1 of 2", "distribution": "Every Zone",
              "copyright": "Copyright 2019 BelTA", "title": "Oil supplies", "outlet": "BelTA",
              "section": "POLITICS", "length": "9 words", "byline": "Staff",
              "language": "ENGLISH", "load_date": "December 4, 2019", "text": "Text."}],
            [(1, "document 2 of 2: no body")],
        ),
    ],
)  # fmt: skip
def test_documents_of_a_word_export(tmp_path, lines, expected_rows, expected_skips):
    read = paragraphs(_docx(tmp_path / "export.docx", lines))
    assert read == lines
    assert is_export(read)
    found = documents(read)
    assert [fields for _, _, fields in found.rows] == expected_rows
    assert [(i, reason) for i, _, reason in found.skips] == expected_skips


def test_an_export_loads_one_row_a_document_and_other_word_files_say_what_to_do(tmp_path):
    _docx(tmp_path / "export.docx", COVER + _doc("Talks in Minsk", "December 3, 2019",
                                                 ["Minsk and Moscow agreed on oil supplies."])
          + _doc("Oil supplies", None, ["Talks go on."]))  # fmt: skip
    _docx(tmp_path / "letter.docx", ["Dear colleague,", "the talks went well."])
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04")
    result = ingest(tmp_path)
    assert result.corpus.select("title", "outlet", "text").rows() == [
        ("Talks in Minsk", "BelTA", "Minsk and Moscow agreed on oil supplies."),
        ("Oil supplies", "BelTA", "Talks go on."),
    ]
    assert [str(d) for d in result.corpus["published"]] == ["2019-12-03", "None"]
    notes = result.report.filter(status="loaded")["note"].to_list()
    assert all(n.startswith("a Nexis Uni export of 2 documents; its cover") for n in notes)
    assert "the cover says 2 documents" not in notes[0]
    assert "document 2 of 2: no date under its source; date left empty" in notes[1]
    name = pl.col("path").str.replace(r"^.*/", "")
    reasons = dict(result.skipped.select(name, "reason").rows())
    assert reasons == {
        "broken.docx": "not a readable Word file (BadZipFile): save its text as .txt and load that",
        "letter.docx": "unsupported file type '.docx': a Word file is read only as a Nexis Uni"
        " export (documents closed by 'End of Document'): save its text as .txt and load that",
    }


@pytest.mark.parametrize("name", ["export.RTF", "export.DOC"])
def test_an_rtf_or_doc_export_says_to_download_it_as_text_html_or_docx(tmp_path, name):
    (tmp_path / name).write_bytes(b"{\\rtf1 1 of 10 DOCUMENTS}")
    (tmp_path / "a.txt").write_text("Body text of the story.")
    reason = ingest(tmp_path).report.filter(status="skipped")["reason"].item()
    assert reason.endswith(
        ": save its text as .txt and load that (a database's export: download it from the"
        " database as TXT, HTML or DOCX, which are read one row per article)"
    )


def test_a_word_file_damaged_inside_its_archive_is_skipped_not_raised(tmp_path):
    """Its zip directory opens, its compressed XML does not (zlib fails while it is read)."""
    path = tmp_path / "export.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        text = "".join(f"talks {i} " for i in range(3000))
        archive.writestr("word/document.xml", f"<w:document>{text}</w:document>")
    data = bytearray(path.read_bytes())
    data[200:220] = bytes(range(20))  # inside the compressed stream: zlib.error
    path.write_bytes(bytes(data))
    result = ingest(tmp_path)
    assert result.corpus.height == 0
    assert result.skipped["reason"][0].startswith("not a readable Word file (")
