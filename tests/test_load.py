import csv
import datetime as dt
import importlib
import io
import json
import random
import re
import shutil

import polars as pl
import pytest
from conftest import SEEDS
from polars.testing import assert_frame_equal
from read_items import assert_same_items

import toolkit.tables_delimited as delimited
import toolkit.tables_parts as table_parts
from toolkit import CORPUS_SCHEMA, REPORT_SCHEMA, InputError, StrictModeError, ingest, load_corpus
from toolkit.columns import table_of_records
from toolkit.ingest_result import PAD, without_pads
from toolkit.load import finish, read_batch
from toolkit.load_options import LoadOptions, outlet_registry
from toolkit.readers import Table, read_file
from toolkit.records import Skip, frame_of
from toolkit.sources import find_sources

D = dt.date


@pytest.fixture(scope="module")
def seeds() -> pl.DataFrame:
    return load_corpus(SEEDS)


SEED_EXPECTED = {
    # file prefix: outlet, outlet_source, site, title, dateline, published, published_source
    "000": (
        "TASS",
        "text",
        "tass.com",
        "Minsk, Moscow manage to answer threats despite ‘rough spots’ — Lukashenko",
        "MINSK",
        D(2022, 12, 19),
        "manifest",
    ),
    "001": (
        "BelTA",
        "text",
        "belarus.by",
        "Belarus, Russia to work harder to jointly counteract common threats",
        "MOSCOW",
        D(2021, 9, 9),
        "text",
    ),
    "002": (None, None, None, None, None, None, None),
    "003": (
        "Xinhua",
        "text",
        "chinadaily.com.cn",
        "Putin, Lukashenko meet to strengthen Russian-Belarusian ties",
        "MOSCOW",
        D(2022, 12, 20),
        "text",
    ),
    "004": (
        "President.gov.by",
        "manifest",
        "president.gov.by",
        "Attempts to strangle Russia and Belarus have failed",
        None,
        D(2023, 1, 19),
        "manifest",
    ),
}


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_metadata(seeds, prefix):
    row = seeds.filter(pl.col("path").str.contains(f"/{prefix}_")).row(0, named=True)
    got = tuple(
        row[k]
        for k in (
            "outlet",
            "outlet_source",
            "site",
            "title",
            "dateline",
            "published",
            "published_source",
        )
    )
    assert got == SEED_EXPECTED[prefix]


def test_seed_schema_and_text(seeds):
    assert seeds.schema == pl.Schema(CORPUS_SCHEMA)
    assert seeds.height == 5
    assert seeds["doc_id"].n_unique() == 5
    assert seeds["lang"].to_list() == ["en"] * 5
    text = "\n".join(seeds["text"])
    for chrome in [
        "All news",
        "Su Mo Tu",
        "Global Edition",
        "BACK TO THE TOP",
        "Registration Number",
        "/POOL/TASS",
        "Based on materials",
        "/TASS/",
        "(BelTA)",
        "Official Website",
    ]:
        assert chrome not in text
    tass = seeds.filter(pl.col("outlet") == "TASS").row(0, named=True)
    assert tass["text"].startswith("Belarusian President Alexander Lukashenko said that")
    assert tass["date_text"] == "December 19"
    assert "\n\n" in tass["text"] and "\n\n\n" not in tass["text"]
    assert (
        "Sergei Aleinik\n\n“We are well informed"
        in seeds.filter(pl.col("site") == "president.gov.by")["text"].item()
    )


def test_weekday_fixes_the_year_of_a_yearless_dateline_without_manifest(tmp_path):
    shutil.copy(next(SEEDS.glob("000_*.txt")), tmp_path / "tass.txt")
    (tmp_path / "dated.csv").write_text(
        "title,text,date\nA,Some text here.,2021-05-01\nB,More text.,2023-02-01\n"
    )
    row = load_corpus(tmp_path).filter(pl.col("outlet") == "TASS").row(0, named=True)
    assert (row["published"], row["published_source"], row["date_text"]) == (
        D(2022, 12, 19),
        "inferred",
        "December 19",
    )
    alone = ingest(tmp_path / "tass.txt")
    assert alone.corpus["published"].item() is None  # no evidence for a year range: no guess
    assert "no evidence" in alone.report["note"].item()


def test_doc_ids_are_stable_across_runs_and_locations(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    assert load_corpus(copy)["doc_id"].to_list() == load_corpus(SEEDS)["doc_id"].to_list()


def test_report_accounts_for_every_file(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\nBody text of the story.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("Hidden body.")
    (tmp_path / "chrome.txt").write_text("All news\nShare\n© Photo/TASS")
    result = ingest(tmp_path)
    assert result.report.schema == pl.Schema(REPORT_SCHEMA)
    reasons = dict(
        result.report.select(pl.col("path").str.replace(r"^[^/]+/", ""), "reason").iter_rows()
    )
    assert reasons == {
        "a.txt": None,
        "empty.txt": "empty file",
        "blank.md": "empty file",
        "image.txt": "binary file: not text",
        "notes.docx": "not a readable Word file (BadZipFile): save its text as .txt and load that",
        ".hidden.txt": "hidden file",
        "chrome.txt": "no body text after cleaning",
    }
    assert result.corpus["text"].to_list() == ["Body text of the story."]
    with pytest.raises(StrictModeError, match="skipped"):
        ingest(tmp_path, strict=True)


def test_cp1252_and_bom_crlf(tmp_path):
    (tmp_path / "cp.txt").write_bytes(
        "Lukashenko’s talks\r\n\r\nBelarus – Russia “brotherly” ties.".encode("cp1252")
    )
    (tmp_path / "bom.txt").write_bytes(
        b"\xef\xbb\xbfHeadline\r\n\r\nFirst line.\r\nSecond line.\r\n"
    )
    corpus = load_corpus(tmp_path).sort("path")
    assert corpus["title"].to_list() == ["Headline", "Lukashenko’s talks"]
    assert corpus["text"].to_list() == [
        "First line.\n\nSecond line.",
        "Belarus – Russia “brotherly” ties.",
    ]


def test_truncated_jsonl_line_is_reported_and_the_rest_loads(tmp_path):
    good = json.dumps(
        {
            "title": "One",
            "body": ["Para one.", "Para two."],
            "date": "2022-12-19",
            "outlet": "tass",
            "url": "https://tass.com/1",
        }
    )
    (tmp_path / "items.jsonl").write_text(
        f'{good}\n{{"title": "Two", "body": "cut off\n\n[1, 2]\n'
        + json.dumps({"headline": "Three", "text": "Body three."})
        + "\n"
    )
    result = ingest(tmp_path)
    assert result.corpus["title"].to_list() == ["One", "Three"]
    first = result.corpus.row(0, named=True)
    assert first["text"] == "Para one.\n\nPara two."
    assert (first["outlet"], first["outlet_source"], first["site"], first["published"]) == (
        "TASS",
        "column",
        "tass.com",
        D(2022, 12, 19),
    )
    skipped = result.skipped.select("line", "reason").rows()
    assert skipped == [
        (2, "malformed JSON line: Unterminated string starting at: column 26"),
        (4, "JSON line is a list, not an object"),
    ]


def test_csv_with_a_broken_quote_reports_the_line(tmp_path):
    (tmp_path / "t.csv").write_text(
        "headline,content,published,source,link\n"
        "One,Body one.,2022-12-19,belta,https://belta.by/1\n"
        'Two,"Body two has a "bad" quote,2022-12-20,belta,https://belta.by/2\n'
        "Three,Body three.,2022-12-21,belta,https://belta.by/3\n"
        "Four,Body four.,2022-12-22\n"
    )
    result = ingest(tmp_path)
    assert result.corpus["title"].to_list() == ["One", "Three"]
    assert result.corpus["outlet"].to_list() == ["BelTA", "BelTA"]
    skipped = result.skipped.select("line", "reason").rows()
    assert [line for line, _ in skipped] == [3, 5]
    assert skipped[0][1].startswith("malformed row:")
    assert skipped[1][1] == "malformed row: 3 fields, header has 5"


@pytest.mark.parametrize(
    ("table", "titles", "lines"),
    [
        # open to the end of the file
        ('title,text\nOne,"Body one\nTwo,Body two\nThree,Body three\n', ["Two", "Three"], [2]),
        # closed three lines on, in a row of 3 fields: line 4 is read again, and skipped
        ('title,text\nOne,"Body one\nTwo,Body two\nThree,Body",x\nFour,Body four\n', ["Two", "Four"],
         [2, 4]),
    ],
)  # fmt: skip
def test_unclosed_quote_reports_the_lines_it_joined(tmp_path, table, titles, lines):
    (tmp_path / "t.csv").write_text(table)
    result = ingest(tmp_path)
    assert result.corpus["title"].to_list() == titles  # the lines it joined: read
    skipped = result.skipped.select("line", "reason").rows()
    assert [line for line, _ in skipped] == lines and "unclosed quote" in skipped[0][1]


def test_tables_map_usual_columns_and_keep_the_rest(tmp_path):
    pl.DataFrame(
        {
            "Headline": ["Putin meets Lukashenko"],
            "article": ["MINSK, December 19. /TASS/. Talks began."],
            "raw_date": ["15:45, 23-Mar-2022"],
            "agency": ["Unknown Wire"],
            "section": ["WORLD"],
        }
    ).write_parquet(tmp_path / "t.parquet")
    row = load_corpus(tmp_path).row(0, named=True)
    assert (row["title"], row["text"], row["published"], row["dateline"]) == (
        "Putin meets Lukashenko",
        "Talks began.",
        D(2022, 3, 23),
        "MINSK",
    )
    # an agency column the tables do not know gives way to the dateline's agency, and says so
    assert (row["outlet"], row["outlet_source"]) == ("TASS", "text")
    assert json.loads(row["meta"]) == {"section": "WORLD"}
    note = ingest(tmp_path).report["note"][0]
    assert "outlet 'Unknown Wire' is not a known alias: TASS, which the text names, taken" in note


@pytest.mark.parametrize(
    ("agency", "article", "url", "outlet", "source", "note"),
    [
        # nothing else names an outlet: the column's name, as written
        ("Unknown Wire", "Talks began.", "", "Unknown Wire", "column", "kept as written"),
        # the URL's site is an outlet's own: it is taken
        ("Xinhua Net", "Talks began.", "http://www.xinhuanet.com/world/2021-05/18/c_1.htm",
         "Xinhua", "url", "Xinhua, which the url names, taken"),
        # a known alias wins over everything after it
        ("tass", "Talks began.", "https://www.rt.com/news/1/", "TASS", "column", None),
    ],
)  # fmt: skip
def test_an_unknown_outlet_name_gives_way_to_other_evidence(
    tmp_path, agency, article, url, outlet, source, note
):
    pl.DataFrame({"title": ["T"], "text": [article], "agency": [agency], "url": [url]}).write_csv(
        tmp_path / "t.csv"
    )
    result = ingest(tmp_path)
    assert result.corpus.select("outlet", "outlet_source").row(0) == (outlet, source)
    got = result.report["note"][0] or ""
    assert (note in got) if note else "not a known alias" not in got


def test_headline_tables_use_the_title_as_text(tmp_path):
    (tmp_path / "h.csv").write_text(
        "outlet,date,title,url\nrt,2020-08-10,Lukashenko wins,https://www.rt.com/news/1/\nmfa,2021-01-01,,\n"
    )
    result = ingest(tmp_path)
    assert result.corpus.select("outlet", "outlet_source", "text", "site").rows() == [
        ("RT", "column", "Lukashenko wins", "rt.com")
    ]
    assert result.skipped["reason"].to_list() == ["no body text: no text column and an empty title"]


def test_unparsed_dates_keep_their_text(tmp_path):
    (tmp_path / "h.csv").write_text("title,date\nA headline,PT59S\n")
    result = ingest(tmp_path)
    assert result.corpus.select("published", "date_text").row(0) == (None, "PT59S")
    assert "not understood" in result.report.filter(pl.col("status") == "loaded")["note"].item()


def test_duplicate_ids_are_skipped_with_the_first_copy_named(tmp_path):
    (tmp_path / "a.csv").write_text(
        "title,text,url\nA,Body.,https://tass.com/1\nB,Body b.,https://www.tass.com/1/\n"
    )
    result = ingest(tmp_path)
    assert result.corpus["title"].to_list() == ["A"]
    assert (
        result.skipped["reason"].item()
        == "duplicate id: same URL as " + tmp_path.name + "/a.csv line 2"
    )


def test_html_pages(tmp_path):
    (tmp_path / "p.html").write_text(
        "<html><head><title>Site | Talks</title>"
        '<meta property="og:title" content="Putin and Lukashenko hold talks">'
        '<meta property="article:published_time" content="2022-12-19T12:00:00+03:00">'
        '<link rel="canonical" href="https://tass.com/politics/1">'
        "<script>var x = 1;</script></head><body><nav>All news</nav><article>"
        "<h1>Putin and Lukashenko hold talks</h1>"
        "<p>MINSK, December 19. /TASS/. The presidents met.</p><p>They discussed <b>integration</b>.</p>"
        "</article><footer>© TASS</footer></body></html>"
    )
    row = load_corpus(tmp_path).row(0, named=True)
    assert (row["title"], row["outlet"], row["site"], row["published"], row["dateline"]) == (
        "Putin and Lukashenko hold talks",
        "TASS",
        "tass.com",
        D(2022, 12, 19),
        "MINSK",
    )
    assert row["text"] == "The presidents met.\n\nThey discussed integration."


def test_markdown_front_matter(tmp_path):
    (tmp_path / "m.md").write_text(
        "---\ntitle: Talks in Minsk\ndate: 2023-01-19\noutlet: belta\n---\n# Talks in Minsk\n\nThe **ministers** met.\n"
    )
    row = load_corpus(tmp_path).row(0, named=True)
    assert (row["title"], row["published"], row["outlet"], row["text"]) == (
        "Talks in Minsk",
        D(2023, 1, 19),
        "BelTA",
        "The ministers met.",
    )


def test_a_broken_front_matter_is_cut_and_said(tmp_path):
    (tmp_path / "b.md").write_text(
        "---\ntitle: [broken\ndate: 09/05/2023\n---\nThe ministers met in Minsk on Friday.\n"
    )
    result = ingest(tmp_path)
    assert result.corpus.select("title", "published", "text").row(0) == (
        None,
        None,
        "The ministers met in Minsk on Friday.",
    )
    assert result.report["note"].item() == (
        "its front matter is not valid YAML (did not find expected ',' or ']'): its title, "
        "date, URL and outlet were not read"
    )


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: Talks in Minsk\ndate: 2020-09-20-20-54-47\n---\n",
        # trial X: Jekyll posts close the front matter with "--- " (217 of 217 titles read as
        # "title: ..." and texts opening "description: ...")
        "---\ntitle: Talks in Minsk \ndate: 2020-09-20-20-54-47 \n--- \n",
        "--- \r\ntitle: Talks in Minsk\r\ndate: 2020-09-20-20-54-47\r\n---\r\n",
    ],
)
def test_a_front_matter_with_spaces_after_its_dashes_is_read(tmp_path, front):
    (tmp_path / "p.md").write_bytes((front + "The ministers met in Minsk.\n").encode())
    row = ingest(tmp_path).corpus.select("title", "published", "text").row(0)
    assert row == ("Talks in Minsk", D(2020, 9, 20), "The ministers met in Minsk.")


def test_a_manifest_outlet_no_table_knows_is_kept_with_a_note(tmp_path):
    (tmp_path / "a.txt").write_text("Body of a story about talks in Minsk.")
    (tmp_path / "b.txt").write_text("Body of another story about Moscow.")
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,Sputnik Belarus\nb.txt,tass\n")
    result = ingest(tmp_path)
    assert result.corpus["outlet"].to_list() == ["Sputnik Belarus", "TASS"]
    notes = result.report.filter(pl.col("status") == "loaded")["note"].to_list()
    assert notes == [
        "the manifest's outlet 'Sputnik Belarus' is not a known alias; kept as written",
        None,
    ]


def test_manifest_rows_must_match_and_parse(tmp_path):
    (tmp_path / "a.txt").write_text("Body of a story.")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published\na.txt,tass,2022-12-19\nmissing.txt,,\n"
    )
    result = ingest(tmp_path)
    assert result.corpus.select("outlet", "outlet_source", "published").row(0) == (
        "TASS",
        "manifest",
        D(2022, 12, 19),
    )
    assert result.report.filter(pl.col("status") == "manifest")["reason"].to_list() == [
        "used as the manifest",
        "manifest row for 'missing.txt' matches no loaded file",
    ]
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,19/12/2022\n")
    with pytest.raises(InputError, match=r"manifest.csv:2: published '19/12/2022'"):
        ingest(tmp_path)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("does/not/exist", "no such file or folder"),
        ("notes.odt", "unsupported file type '.odt'"),
        ([], "no source given"),
    ],
)
def test_bad_sources_raise_clear_errors(tmp_path, source, message):
    (tmp_path / "notes.odt").write_bytes(b"PK")
    if isinstance(source, str):
        source = tmp_path / source
    with pytest.raises(InputError, match=message):
        ingest(source)


def test_named_column_that_does_not_exist(tmp_path):
    (tmp_path / "t.csv").write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="column 'story' given for text"):
        ingest(tmp_path, columns={"text": "story"})


def test_own_outlet_tables_are_read_beside_the_bundled_ones(tmp_path):
    tables = tmp_path / "outlets"
    tables.mkdir()
    (tables / "belsat.yaml").write_text(
        "outlet: Belsat\n"
        "aliases: [belsat]\n"
        "datelines:\n"
        "  - '^(?P<place>[A-Z]+), (?P<month>[A-Z][a-z]+) (?P<day>\\d{1,2}) \\(Belsat\\) -\\s*'\n"
        "sites: [{domain: belsat.eu}]\n"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Headline\nWARSAW, May 3 (Belsat) - Something happened.")
    assert load_corpus(tmp_path / "in")["outlet"].item() is None
    row = load_corpus(tmp_path / "in", outlets=tables).row(0, named=True)
    assert (row["outlet"], row["dateline"], row["text"]) == (
        "Belsat",
        "WARSAW",
        "Something happened.",
    )
    with pytest.raises(InputError, match="outlet tables folder not found"):
        ingest(tmp_path / "in", outlets=tmp_path / "nope")


def test_language_by_script_and_english_function_words(tmp_path):
    rows = {
        "en": "The president said that talks with Minsk were useful.",
        "es": "Corría el año 1937 y los fascistas ya habían iniciado su rebelión en España.",
        "ru": "Президент заявил, что переговоры в Минске были полезными.",
        "be": "Прэзідэнт сказаў, што перамовы ў Мінску былі карыснымі.",
        "zh": "习近平同卢卡申科举行会谈。",
    }
    (tmp_path / "t.csv").write_text(
        "title,text\n" + "".join(f'{k},"{v}"\n' for k, v in rows.items()), encoding="utf-8"
    )
    corpus = ingest(tmp_path / "t.csv").corpus
    expected = {"en": "en", "es": "und", "ru": "ru", "be": "be", "zh": "zh"}
    assert dict(corpus.select("title", "lang").iter_rows()) == expected


def _not_utf8(*args):
    raise UnicodeDecodeError("utf-8", b"", 0, 1, "as a file found not UTF-8 would")


def test_csv_read_in_slices_is_the_table_csv_reads(tmp_path, monkeypatch):
    """Random tables (well formed, and with rows of the wrong width or an unclosed quote) give
    the same table and skips read a row, a few rows or the whole file at a time, by polars
    where a slice reads exactly, by the csv module alone, or decoded whole (as a file not in
    UTF-8 is); each row kept is the one Python's csv module reads, at the line where it starts."""
    rng = random.Random(1)
    cells = ["a", "B", " ", ",", '"', "\n", "\r\n", "é", "“", "x y", "", "\t", "'", "2022-01-0"]
    fast_used = 0
    for k in range(60):
        buf = io.StringIO(newline="")
        end = rng.choice(["\n", "\r\n"])
        writer = csv.writer(
            buf, lineterminator=end, quoting=rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
        )
        writer.writerow(["title", "text", "date", "extra"])
        for _ in range(rng.randint(0, 8)):
            writer.writerow(["".join(rng.choices(cells, k=rng.randint(0, 6))) for _ in range(4)])
            if k % 3 == 0 and rng.random() < 0.3:  # a row of 3 fields, or an unclosed quote
                buf.write(rng.choice(["a,b,c", 'x,"open,y,z', '"q"x,1,2,3']) + end)
        path = tmp_path / f"t{k}.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
        read = []
        exact = delimited._read_exactly
        utf8 = delimited._utf8_table
        # polars where it reads exactly, or the csv module alone, or the text decoded whole
        for chunk, how in [(1 << 30, 1), (1, 1), (40, 1), (1 << 30, 0), (40, 0), (40, 2)]:
            monkeypatch.setattr(table_parts, "CHUNK_BYTES", chunk)
            monkeypatch.setattr(delimited, "_read_exactly", exact if how else lambda *a: None)
            monkeypatch.setattr(delimited, "_utf8_table", _not_utf8 if how == 2 else utf8)
            read.append(list(read_file(path, path.name, {})))
        monkeypatch.setattr(delimited, "_read_exactly", exact)
        rows = "".join(table_parts._LINE.findall(buf.getvalue())[1:]).encode()
        fast_used += (
            bool(rows) and exact(rows, ",", ["title", "text", "date", "extra"], end) is not None
        )
        for items in read[1:]:
            assert_same_items(items, read[0])
        if k % 3:  # well formed: every row csv.reader reads, at its first line
            reader = csv.reader(io.StringIO(buf.getvalue(), newline=""))
            next(reader)
            expected = [
                (
                    row[1].strip() or None,
                    reader.line_num - len(re.findall(r"\r\n|\n", "".join(row))),
                )
                for row in reader
            ]
            tables = [x for x in read[0] if isinstance(x, Table)]
            assert (tables[0].frame.select("text", "line").rows() if tables else []) == expected
    assert fast_used > 10  # polars reads the well-formed, minimally quoted: both paths tested


def _jsonl_whole(path, rel):
    """A JSON lines file read whole, as the toolkit read it before slices: every line parsed,
    then one table of all the records."""
    text = path.read_text(encoding="utf-8-sig")
    parsed, skips, columns = [], [], {}
    index = 0
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            skips.append(
                Skip(rel, f"malformed JSON line: {e.msg}: column {e.colno}", index, line_no)
            )
        else:
            if isinstance(obj, dict):
                columns.update(dict.fromkeys(obj))
                parsed.append((index, line_no, obj))
            else:
                reason = f"JSON line is a {type(obj).__name__}, not an object"
                skips.append(Skip(rel, reason, index, line_no))
        index += 1
    table = [] if not parsed and skips else [table_of_records(rel, parsed, list(columns), {})]
    for item in [*table, *skips]:
        item.encoding = "utf-8"
    return [*table, *skips]


def test_jsonl_read_in_slices_is_the_table_read_whole(tmp_path, monkeypatch):
    """Random JSON lines (records of differing columns, a body column only in later ones,
    malformed lines, lists, blank lines and form feeds) give the table and skips of the file
    read whole, whether a record, a few or all are made into a frame at a time."""
    rng = random.Random(2)
    keys = ["title", "summary", "body", "Text", "date", "extra", "url"]
    values = ["Minsk talks", "", " ", None, ["a", "b"], {"en": "x"}, 3, "é\u2028y", "z\x0cw"]
    for k in range(40):
        lines = []
        for i in range(rng.randint(0, 12)):
            present = rng.sample(keys[: 3 if i < 4 else len(keys)], rng.randint(1, 3))
            line = json.dumps({c: rng.choice(values) for c in present}, ensure_ascii=k % 2 == 0)
            line = rng.choice([line] * 6 + ["{broken", "[1, 2]", "", "  ", line + "\x0c" + line])
            lines.append(line)
        if not "".join(lines).strip():
            continue  # an empty file: skipped as such (tests/test_inputs_reliability.py)
        path = tmp_path / f"t{k}.jsonl"
        path.write_text(rng.choice(["\n", "\r\n"]).join(lines), encoding="utf-8")
        whole = _jsonl_whole(path, path.name)
        for chunk, streamed in [(1, True), (60, True), (1 << 30, True), (60, False)]:
            monkeypatch.setattr(table_parts, "CHUNK_BYTES", chunk)
            monkeypatch.setattr(table_parts, "_streamed", lambda p, s=streamed: s)
            assert_same_items(list(read_file(path, path.name, {})), whole)


def _mixed_folder(tmp_path):
    """The seeds (pages and a manifest) with tables, a duplicate, an empty file and a
    manifest row that matches nothing, in one folder."""
    folder = tmp_path / "mixed"
    shutil.copytree(SEEDS, folder)
    with (folder / "manifest.csv").open("a") as f:
        f.write("nowhere.txt,,,,,,\n")
    (folder / "a.csv").write_text(
        "title,text,url,date\nA,Body of a.,https://tass.com/1,2022-12-19\n"
        "B,Body of b.,https://www.tass.com/1/,2022-12-20\n"
    )
    (folder / "b.jsonl").write_text('{"title": "C", "text": "Body of c."}\n{broken\n')
    (folder / "c.md").write_text("---\ntitle: D\n---\nBody of d, on Monday.")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "z.txt").write_bytes("Headline\n\nCafé talks – in Minsk.".encode("cp1252"))
    return folder


def test_batches_then_finish_give_what_ingest_gives(tmp_path):
    folder = _mixed_folder(tmp_path)
    whole = ingest(folder)
    found = find_sources(folder)
    # Batches of two files: tables and pages interleave, as a distributed map would give them.
    batches = [read_batch(found.files[i : i + 2]) for i in range(0, len(found.files), 2)]
    assert len(batches) > 3
    result = finish(
        pl.concat(docs for docs, _ in batches),
        pl.concat([found.report, *(skipped for _, skipped in batches)]),
        manifest=found.manifest,
        options=LoadOptions(reg=outlet_registry()),
    )
    assert_frame_equal(result.corpus, whole.corpus)
    assert_frame_equal(result.report, whole.report)
    assert_frame_equal(result.learned_chrome, whole.learned_chrome)
    assert set(whole.report["status"]) == {"loaded", "skipped", "manifest"}


def test_report_records_each_files_encoding(tmp_path):
    (tmp_path / "utf8.txt").write_text("Headline\n\nBody – in Minsk.")
    (tmp_path / "bom.md").write_bytes("\ufeffHeadline\n\nBody – in Minsk, too.".encode())
    (tmp_path / "cp.txt").write_bytes("Headline\n\nCafé – talks.".encode("cp1252"))
    (tmp_path / "latin.html").write_bytes(
        b"<p>Headline</p><p>Caf\xe9 au lait, d\xe9j\xe0 vu \x81 na\xefve.</p>"
    )
    (tmp_path / "wide.txt").write_bytes("Headline\n\nWide body.".encode("utf-16"))
    (tmp_path / "fast.csv").write_text("title,text\nT,Table body.\n")
    (tmp_path / "slow.csv").write_bytes('title,text\nT,Café body.\n,"open\n'.encode("cp1252"))
    pl.DataFrame({"title": ["P"], "text": ["Parquet body."]}).write_parquet(tmp_path / "p.parquet")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    report = ingest(tmp_path).report
    assert report.schema == pl.Schema(REPORT_SCHEMA)
    got = {
        (path.split("/", 1)[1], status): encoding
        for path, status, encoding in report.select("path", "status", "encoding").iter_rows()
    }
    assert got == {
        ("utf8.txt", "loaded"): "utf-8",
        ("bom.md", "loaded"): "utf-8",
        ("cp.txt", "loaded"): "cp1252",
        ("latin.html", "loaded"): "latin-1",
        ("wide.txt", "loaded"): "utf-16",
        ("fast.csv", "loaded"): "utf-8",
        ("slow.csv", "loaded"): "cp1252",
        ("slow.csv", "skipped"): "cp1252",  # a malformed row of a decoded file
        ("p.parquet", "loaded"): "utf-8",
        ("empty.txt", "skipped"): None,  # skipped before decoding
        ("image.txt", "skipped"): None,
        ("notes.docx", "skipped"): None,
    }


def test_the_users_registry_reaches_every_step(tmp_path, monkeypatch):
    """With ``outlets=``, no step falls back to the bundled registry held by the module."""
    own = tmp_path / "outlets"
    own.mkdir()
    folder = _mixed_folder(tmp_path)
    expected = ingest(folder, outlets=own)

    def bundled():
        raise AssertionError("the bundled registry was read though the caller passed one")

    for name in ("clean", "dates", "extract", "load_options"):
        monkeypatch.setattr(importlib.import_module(f"toolkit.{name}"), "registry", bundled)
    result = ingest(folder, outlets=own, year_range=(2020, 2024))
    assert result.corpus.height == expected.corpus.height
    assert ingest(folder, outlets=own).corpus.equals(expected.corpus)


def _sites_folder(tmp_path):
    """Three sites' pages with menus and footers to learn, copies of one story that must vote
    once, yearless datelines, a CSV and a lone page: the steps that need every batch."""
    rng = random.Random(7)
    words = "Minsk Moscow talks union trade gas oil treaty border economy agreed said".split()
    folder = tmp_path / "sites"
    for s in range(3):
        site = folder / f"site{s}"
        site.mkdir(parents=True)
        for i in range(14):
            body = [
                " ".join(rng.choice(words) for _ in range(30)).capitalize() + f" ({s}-{i}-{j})."
                for j in range(4)
            ]
            dateline = "MINSK, December 19. /TASS/. " if i % 4 == 0 else ""
            page = [f"Menu of site {s}", "Home | World", f"Headline {s} {i}", dateline + body[0]]
            page += [*body[1:], f"Copyright site {s}. All rights reserved."]
            if i % 2 == 0:  # the same page seven times: its story is not chrome
                page = [f"Menu of site {s}", f"The copied story of site {s} read on Monday."]
            name = f"2022-12-{10 + i:02d} page {i}.txt" if i % 3 == 0 else f"page{i:02d}.txt"
            (site / name).write_text("\n\n".join(page))
    rows = "".join(f"T{i},Body {i} is here.,{i % 12 + 1:02d}/13/2021\n" for i in range(6))
    (folder / "t.csv").write_text("title,text,date\n" + rows)  # month first: all rows say so
    return folder


@pytest.mark.parametrize(
    "batch_files, batch_bytes, lines_kept",
    [(1, 1 << 24, 1 << 30), (2, 1 << 24, 1 << 30), (5, 1 << 24, 0), (7, 40, 3000)],
)
def test_batches_give_the_tables_of_one_batch(
    tmp_path, monkeypatch, batch_files, batch_bytes, lines_kept
):
    import toolkit.load as load

    folder = _sites_folder(tmp_path)
    whole = ingest(folder)
    assert whole.learned_chrome.height >= 6  # menus and footers, not the copied story
    assert not whole.learned_chrome["line"].str.contains("copied story").any()
    monkeypatch.setattr(load, "BATCH_FILES", batch_files)
    monkeypatch.setattr(load, "LINES_KEPT", lines_kept)
    monkeypatch.setattr(load, "BATCH_BYTES", batch_bytes)  # 40: the CSV a row at a time
    parts = ingest(folder)
    assert_frame_equal(parts.corpus, whole.corpus)
    assert_frame_equal(parts.report, whole.report)
    assert_frame_equal(parts.learned_chrome, whole.learned_chrome)


@pytest.mark.parametrize("rows", [0, 1, 2, 5])
def test_frame_of_gives_the_frame_polars_makes(rows):
    columns = [
        pl.Series("text", [f"text {i} " * 1000 for i in range(rows)]),
        pl.Series("n", list(range(rows)), dtype=pl.Int64),
        pl.Series("note", [None] * rows, dtype=pl.String),
    ]
    assert_frame_equal(frame_of(columns), pl.DataFrame(columns))


@pytest.mark.parametrize(
    "paths",
    [["a"], ["a", PAD], [PAD, "a"], ["a", PAD, "b", PAD], [PAD, PAD], ["a", "b"]],
)
def test_pad_rows_are_dropped_and_nothing_else(paths):
    corpus = pl.DataFrame({"path": paths, "text": [f"text of {p or 'pad'}" for p in paths]}).vstack(
        pl.DataFrame({"path": ["c"], "text": ["a chunk of its own"]})
    )
    assert_frame_equal(without_pads(corpus), corpus.filter(pl.col("path") != PAD))


def test_a_file_named_twice_among_the_sources_is_read_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Talks in Minsk went on for hours on Friday.")
    result = ingest([tmp_path / "in", tmp_path / "in" / "a.txt"])
    assert result.corpus.height == 1
    assert result.skipped.select("path", "reason").rows() == [
        ("a.txt", "named twice among the sources: the same file as in/a.txt, read once")
    ]


@pytest.mark.parametrize(
    ("outlets", "expected"),
    [
        # one name in other capitals: the form most documents give (trial S: REUTERS/Reuters)
        (["Reuters", "REUTERS", "reuters", "Reuters"], ["Reuters"] * 4),
        (["CGTN", "cgtn "], ["CGTN", "CGTN"]),  # a tie: the first in sorted order
        (["TASS", "RT"], ["TASS", "RT"]),  # different names stay apart
    ],
)
def test_outlet_names_in_other_capitals_are_one_outlet(outlets, expected):
    from toolkit.ingest_result import one_casing

    corpus = pl.DataFrame({"outlet": outlets, "_note": [None] * len(outlets)})
    done = one_casing(corpus)
    assert done["outlet"].to_list() == expected
    changed = [a != b for a, b in zip(outlets, expected, strict=True)]
    assert [n is not None for n in done["_note"]] == changed


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("title,date,article body,outlet", 'A,2024-03-12,"The presidents met in Minsk.",BelTA'),
        ("headline,datePublished,articleBody", 'A,2024-03-12,"The presidents met in Minsk."'),
        ("title,maintext", 'A,"The presidents met in Minsk."'),
    ],
)
def test_schema_org_and_news_please_bodies_are_texts(tmp_path, header, row):
    """Trial V: a body under 'article body' or schema.org's articleBody was left in meta and
    the title taken as the text, said only in the report file."""
    (tmp_path / "t.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    assert ingest(tmp_path).corpus["text"].to_list() == ["The presidents met in Minsk."]


def test_the_summary_names_the_commonest_notes(tmp_path):
    """Trial V: 'no body column: title used as text' and dates no format read were only in the
    report file; the terminal said '2 articles loaded'."""
    rows = "title,date,story\nA,45363,The presidents met.\nB,45364,They talked.\n"
    (tmp_path / "t.csv").write_text(rows, encoding="utf-8")
    summary = ingest(tmp_path).summary()
    assert "notes on loaded records" in summary
    assert "    2: no body column: title used as text" in summary


def test_a_kind_of_note_every_record_shares_is_said_as_it_is(tmp_path):
    """Trial X: 'fields separated by '…' (semicolon), not '…'': one note on every row was
    shown with its values made '…'."""
    (tmp_path / "t.csv").write_text("title;date\nA;2024-03-10\nB;2024-03-11\n", encoding="utf-8")
    summary = ingest(tmp_path).summary()
    assert "2: no body column: title used as text; fields separated by ';' (semicolon)" in summary
    assert "'…'" not in summary


def test_a_channel_the_tables_do_not_know_is_kept_in_meta(tmp_path):
    """Trial Y: a Telegram dump's channel no outlet table knows left the outlet empty (as it
    should) and was kept nowhere."""
    posts = [{"message_id": 1, "text": "Talks in Minsk went on.", "date": "2024-11-08T10:00:00",
              "channel": "Раньше всех. Ну почти."}]  # fmt: skip
    (tmp_path / "m.json").write_text(json.dumps(posts, ensure_ascii=False), encoding="utf-8")
    corpus = ingest(tmp_path).corpus
    assert corpus["outlet"].item() is None
    assert json.loads(corpus["meta"].item())["channel"] == "Раньше всех. Ну почти."


@pytest.mark.parametrize(
    ("line", "url"),
    [
        # a scraper's metadata list at a page's top, with no front matter (trial AC)
        ("- **URL**: https://www.reuters.com/world/europe/talks-2024-05-06/",
         "https://www.reuters.com/world/europe/talks-2024-05-06/"),
        ("Source URL: <https://tass.com/politics/1234567>", "https://tass.com/politics/1234567"),
        # a link in a sentence is no address of the page's own
        ("See https://www.reuters.com/world/ for more.", None),
        ("- **Domain**: reuters.com", None),
    ],
)  # fmt: skip
def test_a_markdown_pages_metadata_list_gives_its_url(tmp_path, line, url):
    page = (f"# Talks\n\n## Metadata\n\n{line}\n- **Scraped at**: 2026-02-28T03:13:12+00:00\n\n"
            "## Content\n\nThe talks in Minsk went on for six hours, the ministry said on "
            "Monday, and will resume next week.\n")  # fmt: skip
    (tmp_path / "a.md").write_text(page, encoding="utf-8")
    row = load_corpus(tmp_path).row(0, named=True)
    assert row["url"] == url
    assert row["published"] != dt.date(2026, 2, 28)  # the crawl time is no page date
