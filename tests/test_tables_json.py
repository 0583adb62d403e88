"""JSON and JSON lines files cut short or broken: the records complete before the break load,
and the rest is one skipped row naming the line (and column) where the file breaks."""

import json
from pathlib import Path

import polars as pl
import pytest
from read_items import assert_same_items

import toolkit.tables_json as json_readers
import toolkit.tables_parts as table_parts
from toolkit import ingest
from toolkit.readers import Table, read_file

DATA = Path(__file__).parent / "data" / "tass-cut"
_FIX = "re-download or repair the file"


def _records(*titles: str) -> str:
    return ",\n".join(f' {{"title": "{t}", "text": "Body {t}."}}' for t in titles)


def _loaded_and_skipped(path: Path) -> tuple[list, list]:
    result = ingest(path)
    skipped = result.report.filter(pl.col("status") == "skipped")
    return result.corpus["title"].to_list(), skipped.select("record", "line", "reason").rows()


# name: (file text, titles loaded, skipped rows (record, line, reason))
_BROKEN_JSON = {
    "cut inside a string": (
        "[\n" + _records("A", "B") + ',\n {"title": "C", "text": "Bo',
        ["A", "B"],
        [
            (
                2,
                4,
                "malformed JSON: Unterminated string starting at (column 25); the file ends "
                f"inside record 2; the 2 records before it were read; {_FIX}",
            )
        ],
    ),
    "cut between records": (
        "[\n" + _records("A", "B"),
        ["A", "B"],
        [
            (
                2,
                3,
                "malformed JSON: Expecting ',' delimiter (column 35); the file ends after "
                f"record 1; the 2 records before it were read; {_FIX}",
            )
        ],
    ),
    "cut after a comma": (
        "[\n" + _records("A") + ",\n",
        ["A"],
        [
            (
                1,
                3,
                "malformed JSON: Expecting value (column 1); the file ends after record 0; "
                f"the record before it was read; {_FIX}",
            )
        ],
    ),
    "cut inside a nested object": (
        "[\n" + _records("A") + ',\n {"title": "B", "text": {"en": "Talks", "ru": {"a": ',
        ["A"],
        [
            (
                1,
                3,
                "malformed JSON: Expecting value (column 53); the file ends inside record 1; "
                f"the record before it was read; {_FIX}",
            )
        ],
    ),
    "a broken object in the middle": (
        "[\n" + _records("A") + ',\n {"title": "B", "text" "x"},\n' + _records("C") + "\n]",
        ["A"],
        [
            (
                1,
                3,
                "malformed JSON: Expecting ':' delimiter (column 24); the file breaks inside "
                f"record 1; the record before it was read; {_FIX}",
            )
        ],
    ),
    "garbage between records": (
        "[\n" + _records("A") + ",\n <html>,\n" + _records("C") + "\n]",
        ["A"],
        [
            (
                1,
                3,
                "malformed JSON: Expecting value (column 2); the file breaks after record 0; "
                f"the record before it was read; {_FIX}",
            )
        ],
    ),
    "an item that is not an object before the break": (
        "[\n" + _records("A") + ',\n 5,\n {"title": "C", "te',
        ["A"],
        [
            (1, None, "record is a int, not an object"),
            (
                2,
                4,
                "malformed JSON: Unterminated string starting at (column 17); the file ends "
                f"inside record 2; the record before it was read; {_FIX}",
            ),
        ],
    ),
    "only [": (
        "[",
        [],
        [
            (
                0,
                1,
                "malformed JSON: Expecting value (column 2); the file ends before its first "
                f"record; no record before it was read; {_FIX}",
            )
        ],
    ),
    "an empty list, whole": (
        "[]",
        [],
        [(None, None, "no records in the table (a header or an empty list only)")],
    ),
    "an object holding one list, cut in it": (
        '{"source": "tass", "items": [\n' + _records("A") + ',\n {"title": "B"',
        ["A"],
        [
            (
                1,
                3,
                "malformed JSON: Expecting ',' delimiter (column 15); the file ends inside "
                f"record 1; the record before it was read; {_FIX}",
            )
        ],
    ),
    "an object cut after its list": (
        '{"items": [\n' + _records("A", "B") + '\n], "meta": {"n": ',
        ["A", "B"],
        [
            (
                None,
                4,
                "malformed JSON: Expecting value (column 18); the file ends after its list of "
                f"records; the 2 records before it were read; {_FIX}",
            )
        ],
    ),
    "an object cut before any list": (
        '{"source": "ta',
        [],
        [(None, 1, "malformed JSON: Unterminated string starting at (column 12); fix the file")],
    ),
    "an object cut in its second list": (
        '{"a": [\n' + _records("A") + '\n], "b": [\n' + _records("B") + ",",
        [],
        [(None, 4, "malformed JSON: Expecting value (column 36); fix the file")],
    ),
    "data after the list": (
        "[\n" + _records("A") + "\n] []",
        ["A"],
        [
            (
                None,
                3,
                "malformed JSON: Extra data (column 3); the file breaks after its list of "
                f"records; the record before it was read; {_FIX}",
            )
        ],
    ),
}


@pytest.mark.parametrize("name", list(_BROKEN_JSON))
def test_a_json_file_cut_short_or_broken_loads_the_records_before_the_break(tmp_path, name):
    text, titles, skipped = _BROKEN_JSON[name]
    (tmp_path / "t.json").write_text(text, encoding="utf-8")
    assert _loaded_and_skipped(tmp_path) == (titles, skipped)


def _ru(*titles: str) -> str:
    return ",\n".join(f' {{"title": "{t}", "text": "Переговоры в Минске: {t}."}}' for t in titles)


# name: (file bytes, titles loaded, skipped rows (record, line, reason), encoding)
_BROKEN_BYTES = {
    "BOM and a cut": (
        b"\xef\xbb\xbf" + ("[\n" + _ru("Минск") + ',\n {"title": "Москва", "te').encode(),
        ["Минск"],
        [
            (
                1,
                3,
                "malformed JSON: Unterminated string starting at (column 22); the file ends "
                f"inside record 1; the record before it was read; {_FIX}",
            )
        ],
        "utf-8",
    ),
    "cp1251 and a cut": (
        ("[\n" + _ru("Минск", "Гродно") + ',\n {"title": "Москва", "text": "Пере').encode("cp1251"),
        ["Минск", "Гродно"],
        [
            (
                2,
                4,
                "malformed JSON: Unterminated string starting at (column 30); the file ends "
                f"inside record 2; the 2 records before it were read; {_FIX}",
            )
        ],
        "cp1251",
    ),
    # its last byte (0xD0, "Р") starts a two-byte UTF-8 character: still cp1251
    "cp1251 ending in a letter": (
        ("[\n" + _ru("Минск", "Гродно") + ',\n {"title": "Москва", "text": "Пер').encode("cp1251"),
        ["Минск", "Гродно"],
        [
            (
                2,
                4,
                "malformed JSON: Unterminated string starting at (column 30); the file ends "
                f"inside record 2; the 2 records before it were read; {_FIX}",
            )
        ],
        "cp1251",
    ),
    # cut inside "е" (two bytes in UTF-8): UTF-8 still, never a legacy encoding
    "UTF-8 cut inside a character": (
        ("[\n" + _ru("Минск") + ',\n {"title": "Москва", "text": "Пере').encode()[:-1],
        ["Минск"],
        [
            (
                1,
                3,
                "malformed JSON: Unterminated string starting at (column 30); the file ends "
                f"inside record 1; the record before it was read; {_FIX}",
            )
        ],
        "utf-8",
    ),
}


@pytest.mark.parametrize("name", list(_BROKEN_BYTES))
def test_a_broken_json_file_is_decoded_as_it_was_written(tmp_path, name):
    data, titles, skipped, encoding = _BROKEN_BYTES[name]
    (tmp_path / "t.json").write_bytes(data)
    result = ingest(tmp_path)
    assert _loaded_and_skipped(tmp_path) == (titles, skipped)
    assert result.report["encoding"].unique().to_list() == [encoding]
    assert result.corpus["text"].str.starts_with("Переговоры в Минске").all()


@pytest.mark.parametrize("chunk", [1, 40, 1 << 30])
@pytest.mark.parametrize("name", list(_BROKEN_JSON))
def test_a_broken_json_file_read_a_slice_at_a_time_is_read_whole(
    tmp_path, monkeypatch, name, chunk
):
    """The records before a break, made into frames a record, a few or all at a time, and
    whether or not the stream tried the file first, give the same table and skips."""
    path = tmp_path / "t.json"
    path.write_text(_BROKEN_JSON[name][0], encoding="utf-8")
    monkeypatch.setattr(json_readers, "_json_streamable", lambda p: False)
    whole = list(read_file(path, path.name, {}))
    monkeypatch.undo()
    monkeypatch.setattr(table_parts, "CHUNK_BYTES", chunk)
    assert_same_items(list(read_file(path, path.name, {})), whole)


def test_the_real_scrape_cut_short_loads_its_complete_records(tmp_path):
    # tests/data/tass-cut/README.md: an excerpt of opnweb/tass-scraper's politics_20.json as a
    # researcher trial cut it, inside a string of its 13th record
    source = DATA / "politics_20_cut_excerpt.json"
    (tmp_path / source.name).write_bytes(source.read_bytes())
    titles, skipped = _loaded_and_skipped(tmp_path)
    assert titles == [
        "Oreshnik missile systems still few, but they are enough — Putin",
        "Russia to press for progress on line of engagement — Putin",
    ]
    assert skipped == [
        (
            2,
            118,
            "malformed JSON: Unterminated string starting at (column 13); the file ends inside "
            f"record 2; the 2 records before it were read; {_FIX}",
        )
    ]


@pytest.mark.parametrize(
    ("cut", "loaded", "skipped"),
    [
        # the researcher trial's cut: inside a string of the 13th record
        (
            35_895,
            12,
            (
                12,
                687,
                "Unterminated string starting at (column 13); the file ends inside record 12",
            ),
        ),
        # just after the 12th record's closing brace, before its comma
        (None, 12, (12, 678, "Expecting ',' delimiter (column 6); the file ends after record 11")),
    ],
)
def test_the_whole_real_scrape_cut_short(tmp_path, corpora, cut, loaded, skipped):
    data = (corpora / "tass-sample-2024" / "politics_20.json").read_bytes()
    whole = json.loads(data)
    if cut is None:
        cut = data.index(b"\n    },\n    {", data.index(whole[11]["link"].encode())) + 6
    (tmp_path / "politics_20.json").write_bytes(data[:cut])
    result = ingest(tmp_path)
    assert result.corpus["url"].to_list() == [r["link"] for r in whole[:loaded]]
    rows = result.report.filter(pl.col("status") == "skipped").select("record", "line", "reason")
    ((record, line, reason),) = rows.rows()
    assert (record, line) == skipped[:2]
    assert reason.startswith(f"malformed JSON: {skipped[2]}; the {loaded} records before")


def _lines(*titles: str) -> str:
    return "".join(
        json.dumps({"title": t, "text": f"Переговоры в Минске: {t}."}, ensure_ascii=False) + "\n"
        for t in titles
    )


_UNTERMINATED = "malformed JSON line: Unterminated string starting at: column 29"

# name: (file bytes, titles loaded, skipped rows (record, line, reason), encoding)
_BROKEN_LINES = {
    "a bad line in the middle": (
        (_lines("Минск") + '{"title": "x", text}\n' + _lines("Гродно")).encode(),
        ["Минск", "Гродно"],
        [
            (
                1,
                2,
                "malformed JSON line: Expecting property name enclosed in double quotes: column 16",
            )
        ],
        "utf-8",
    ),
    "the last line cut": (
        (_lines("Минск", "Гродно") + '{"title": "Москва", "text": "Пере').encode(),
        ["Минск", "Гродно"],
        [(2, 3, _UNTERMINATED)],
        "utf-8",
    ),
    "the last line cut inside a character": (
        (_lines("Минск", "Гродно") + '{"title": "Москва", "text": "Пере').encode()[:-1],
        ["Минск", "Гродно"],
        [(2, 3, _UNTERMINATED)],
        "utf-8",
    ),
    "BOM and the last line cut inside a character": (
        b"\xef\xbb\xbf" + (_lines("Минск") + '{"title": "Мос').encode()[:-1],
        ["Минск"],
        [(1, 2, _UNTERMINATED.replace("29", "11"))],
        "utf-8",
    ),
    # its last byte (0xD0, "Р") starts a two-byte UTF-8 character: still cp1251
    "cp1251 ending in a letter": (
        (_lines("Минск", "Гродно") + '{"title": "Москва", "text": "Пер').encode("cp1251"),
        ["Минск", "Гродно"],
        [(2, 3, _UNTERMINATED)],
        "cp1251",
    ),
}


@pytest.mark.parametrize("name", list(_BROKEN_LINES))
def test_a_json_lines_file_cut_short_loads_every_complete_line(tmp_path, name):
    data, titles, skipped, encoding = _BROKEN_LINES[name]
    (tmp_path / "t.jsonl").write_bytes(data)
    result = ingest(tmp_path)
    assert _loaded_and_skipped(tmp_path) == (titles, skipped)
    assert result.report["encoding"].unique().to_list() == [encoding]
    assert result.corpus["text"].str.starts_with("Переговоры в Минске").all()


def test_the_real_scrape_cut_anywhere_loads_exactly_its_complete_records(tmp_path):
    """Cut at every 11th byte and at each byte of a character over one byte (inside "—" and
    "’"), the excerpt loads the records that end before the cut, one skipped row for the rest,
    read as UTF-8."""
    data = (DATA / "politics_20_cut_excerpt.json").read_bytes()
    text = data.decode()
    ends = [
        len(text[: text.index("\n    }", text.index(t)) + 6].encode())
        for t in ("Oreshnik", "Russia to")
    ]
    non_ascii = [i for i, b in enumerate(data) if b >= 0x80]
    path = tmp_path / "t.json"
    for cut in sorted({*range(1, len(data), 11), *non_ascii, *ends, *(e + 1 for e in ends)}):
        path.write_bytes(data[:cut])
        *tables, rest = read_file(path, path.name, {})
        loaded = sum(end <= cut for end in ends)
        assert [t.frame.height for t in tables if isinstance(t, Table)] == (
            [loaded] if loaded else []
        )
        assert (rest.record, rest.encoding) == (loaded, "utf-8"), cut
        assert rest.reason.startswith("malformed JSON: ") and rest.reason.endswith(_FIX), cut


def test_records_before_a_break_without_a_text_column_are_not_said_to_load(tmp_path):
    (tmp_path / "t.json").write_text('[{"x": 1}, {"y": 2}, {"x": 3', encoding="utf-8")
    reasons = ingest(tmp_path).skipped["reason"].to_list()
    assert len(reasons) == 2 and reasons[0].startswith("no text or title column")
    assert reasons[1].endswith(f"inside record 2; no record before it was read; {_FIX}")


RIA_LINE = {"text": "<p>москва, 1 дек — риа новости. Путин провёл переговоры.</p>",
            "title": "путин провёл переговоры"}  # fmt: skip


@pytest.mark.parametrize(
    ("content", "loaded", "reason"),
    [
        # one object per line in a .json file (how RIA ships its dataset): read as JSON Lines
        (
            "\n".join(json.dumps(RIA_LINE | {"id": i}, ensure_ascii=False) for i in range(3)),
            3,
            None,
        ),
        ("\ufeff" + "\n".join(json.dumps(RIA_LINE) for _ in range(2)) + "\n", 2, None),
        # two objects on one line: not JSON Lines, still malformed
        (json.dumps(RIA_LINE) + " " + json.dumps(RIA_LINE), 0, "malformed JSON"),
        # a list, then more: broken, the list's records load
        (json.dumps([RIA_LINE]) + "\n" + json.dumps(RIA_LINE), 1, None),
    ],
)
def test_json_lines_named_json_are_read_as_json_lines(tmp_path, content, loaded, reason):
    (tmp_path / "ria.json").write_text(content, encoding="utf-8")
    result = ingest(tmp_path)
    assert result.corpus.height == loaded
    skipped = result.skipped["reason"].to_list()
    if reason:
        assert any(reason in r for r in skipped)
    if loaded == 3:
        assert "JSON Lines" in result.report["note"][0]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"articles": [{"title": "A", "text": "One."}, {"title": "B", "text": "Two."}], '
         '"related": [{"title": "C"}]}',
         "JSON object holding 2 lists ('articles' (2 items), 'related' (1 item))"),
        ('{"status": "error", "message": "You have made too many requests recently."}',
         "(it says 'You have made too many requests recently.': an error saved in place"),
    ],
)  # fmt: skip
def test_an_object_that_is_no_table_says_what_it_holds(tmp_path, content, said):
    """Trial V: two lists, or an API's error response, got the same generic reason."""
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    (reason,) = ingest(tmp_path).skipped["reason"].to_list()
    assert said in reason
