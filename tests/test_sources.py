import polars as pl
import pytest

from toolkit import InputError
from toolkit.sources import REPORT_SCHEMA, Manifest, ReportRow, find_sources, report_frame


def test_report_rows_are_typed_records_gathered_in_a_frame():
    frame = report_frame(
        [
            ReportRow("a/b.txt", "skipped", "empty file"),
            ReportRow("a/t.csv", "skipped", "malformed row", record=3, line=5, encoding="cp1252"),
        ]
    )
    assert frame.schema == pl.Schema(REPORT_SCHEMA)
    assert frame.row(1, named=True) == {
        "path": "a/t.csv",
        "record": 3,
        "line": 5,
        "status": "skipped",
        "reason": "malformed row",
        "doc_id": None,
        "note": None,
        "encoding": "cp1252",
    }
    assert report_frame([]).schema == pl.Schema(REPORT_SCHEMA)


@pytest.mark.parametrize(
    ("rel", "key"),
    [
        ("corpus/tass/a.txt", "tass/a.txt"),  # the path below the source folder
        ("corpus/tass/b.txt", "b.txt"),  # the file name
        ("corpus/tass/c.txt", None),
    ],
)
def test_manifest_matches_a_file_by_its_path_or_name(rel, key):
    manifest = Manifest({"tass/a.txt": {"_line": 2}, "b.txt": {"_line": 3}}, "corpus/manifest.csv")
    assert manifest.match(rel) == key


def test_find_sources_accounts_for_every_file(tmp_path):
    (tmp_path / "a.txt").write_text("Body.")
    (tmp_path / ".hidden.txt").write_text("Body.")
    (tmp_path / "notes.odt").write_bytes(b"PK")
    (tmp_path / "manifest.csv").write_text("file,title\na.txt,A\nnone.txt,N\n")
    found = find_sources(tmp_path)
    assert [rel for _, rel in found.files] == [f"{tmp_path.name}/a.txt"]
    assert found.manifest.label == f"{tmp_path.name}/manifest.csv"
    assert sorted(found.report.select("path", "status").iter_rows()) == [
        (f"{tmp_path.name}/.hidden.txt", "skipped"),
        (f"{tmp_path.name}/manifest.csv", "manifest"),
        (f"{tmp_path.name}/notes.odt", "skipped"),
    ]
    unmatched = found.manifest.unmatched(pl.Series(["a.txt"]))
    assert unmatched.select("line", "reason").rows() == [
        (3, "manifest row for 'none.txt' matches no loaded file")
    ]


def test_a_manifest_not_in_utf8_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_text("Body.")
    (tmp_path / "manifest.csv").write_bytes("file,title\na.txt,Café\n".encode("utf-16"))
    with pytest.raises(InputError, match=r"manifest\.csv: the manifest is not UTF-8 text"):
        find_sources(tmp_path)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("report.pdf", "save its text as .txt (e.g. pdftotext)"),
        ("photo.png", "unsupported file type '.png'"),  # nothing known to do: the type alone
        ("pages.tar.gz", "unsupported file type '.gz': decompress it"),
        ("crawl.arc", "convert it to WARC"),
        ("downloads.zip", "unpack it (unzip) and load the folder it makes"),  # trial V
    ],
)
def test_a_file_type_not_read_says_what_to_do_where_it_is_known(tmp_path, name, reason):
    (tmp_path / name).write_bytes(b"x")
    found = find_sources(tmp_path)
    assert reason in found.report["reason"][0]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("crawl.warc.gz", True),
        ("CRAWL.WARC.GZ", True),
        ("crawl.warc", True),
        ("page.mhtml", True),
        ("page.mht", True),
        ("crawl.gz", False),
    ],
)
def test_an_archive_named_on_its_own_is_read_by_its_whole_extension(tmp_path, name, read):
    (tmp_path / name).write_bytes(b"x")
    if read:
        assert len(find_sources(tmp_path / name).files) == 1
    else:
        with pytest.raises(InputError, match=r"unsupported file type '\.gz': decompress it"):
            find_sources(tmp_path / name)
