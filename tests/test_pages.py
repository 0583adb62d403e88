"""Pages read over a whole corpus: what is learned across a site's documents (chrome lines,
title affixes, opening and closing segments, the day/month order of its stamps)."""

import datetime as dt
import importlib
import random

import polars as pl
import pytest
from conftest import SEEDS
from polars.testing import assert_frame_equal

import toolkit
import toolkit.load as load
import toolkit.page_read as page_read

MENU = "Home\nWorld\nBusiness\nSport\nWeather\nContact us"
FOOTER = "About us\nTerms of use\nPrivacy policy"


# the module (``toolkit.normalize`` is also the name of the function the package exports)
normalize_module = importlib.import_module("toolkit.normalize")


@pytest.fixture(
    autouse=True, params=["one batch", "a file a batch", "lines split again", "texts in slices"]
)
def batches(request, monkeypatch):
    """Every test here holds whether a load reads its files in one batch or a file at a time
    (the learning then works from what each batch gives), its lines kept or split again, and
    its texts normalised and split into lines whole or a few characters at a time (the C
    heap's freed memory then handed back after every batch's pages are read)."""
    if request.param in ("a file a batch", "lines split again"):
        monkeypatch.setattr(load, "BATCH_FILES", 1)
        monkeypatch.setattr(load, "BATCH_BYTES", 40)  # a table's rows a slice at a time
    if request.param == "lines split again":
        monkeypatch.setattr(load, "LINES_KEPT", 0)
    if request.param == "texts in slices":
        monkeypatch.setattr(normalize_module, "SLICE_CHARS", 16)
        monkeypatch.setattr(page_read, "TRIM_BYTES", 0)
    return request.param


def _page(i: int, *, stamp: str, closing: str = "") -> str:
    body = (
        f"Minsk and Moscow signed agreement number {i} on gas prices on Friday, officials said.\n"
        f"The ministers of both countries met for the {i}th time this year to settle the terms.{closing}"
    )
    return f"{MENU}\nSection {i % 2}\n{stamp}\nMinsk and Moscow sign deal {i}\n{body}\n{FOOTER}\n"


def _write(folder, pages):
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(pages):
        (folder / f"page{i}.txt").write_text(text, encoding="utf-8")


def test_a_site_read_as_a_whole(tmp_path):
    pages = [
        _page(i, stamp=f"Tech {m}/{d}/2015 @ 9:02AM", closing=" Read Full Article at Site.com")
        for i, (m, d) in enumerate([(1, 17), (1, 12), (2, 3), (3, 4), (4, 5), (5, 6)])
    ]
    _write(tmp_path / "site", pages)
    result = toolkit.ingest(tmp_path / "site")
    corpus = result.corpus.sort("path")
    # 1/17/2015 settles month first for the site: 1/12/2015 is 12 January
    assert corpus["published"].to_list()[:2] == [dt.date(2015, 1, 17), dt.date(2015, 1, 12)]
    assert corpus["title"][0] == "Minsk and Moscow sign deal 0"
    assert corpus["text"][0].endswith("to settle the terms.")
    assert "Read Full Article" not in "".join(corpus["text"])
    learned = result.learned_chrome
    assert learned.columns == ["group", "kind", "line", "n_docs"]
    closing = learned.filter(pl.col("kind") == "closing")
    assert closing.select("line", "n_docs").rows() == [("Read Full Article at Site.com", 6)]
    assert learned.filter((pl.col("kind") == "line") & (pl.col("line") == "Home")).height == 1


@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        # no stamp settles the order: no date, and the report says why
        (["12/11/2014", "01/02/2015", "03/04/2015", "05/06/2015", "07/08/2015"], None),
        # one day over 12 in the first field settles day first for every page
        (
            ["12/11/2014", "01/02/2015", "03/04/2015", "05/06/2015", "25/08/2015"],
            dt.date(2014, 11, 12),
        ),
    ],
)
def test_numeric_stamps_settled_per_site(tmp_path, stamps, expected):
    _write(tmp_path / "site", [_page(i, stamp=f"Posted {s}") for i, s in enumerate(stamps)])
    result = toolkit.ingest(tmp_path / "site")
    assert result.corpus.sort("path")["published"][0] == expected
    notes = result.report.sort("path")["note"].fill_null("")
    assert ("day/month order not settled" in notes[0]) == (expected is None)


def test_title_suffixes_of_a_table_learned_and_cut(tmp_path):
    rows = [f"Minsk and Moscow sign deal {i} | Reuters,Body text {i} about gas." for i in range(6)]
    (tmp_path / "items.csv").write_text("title,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = toolkit.ingest(tmp_path / "items.csv")
    assert result.corpus["title"].to_list() == [f"Minsk and Moscow sign deal {i}" for i in range(6)]
    suffix = result.learned_chrome.filter(pl.col("kind") == "title suffix")
    assert suffix.select("line", "n_docs").rows() == [(" | Reuters", 6)]


def test_a_title_other_pages_link_to_is_still_the_title(tmp_path):
    # every page lists the site's six stories in its sidebar, so each title is in six
    # documents and learned as chrome; right above its byline it is the page's title
    titles = [f"Minsk and Moscow sign gas deal number {i}" for i in range(6)]
    sidebar = "\n".join(titles)
    pages = [
        f"{MENU}\n{title}\nBy Anna Petrova, Staff Writer\n"
        f"Minsk and Moscow signed gas deal number {i} on Friday, officials said in Minsk today.\n"
        f"The ministers of both countries met for the {i}th time this year to settle the terms.\n"
        f"The gas deal runs for {i + 2} years and sets prices for the whole period, they said.\n"
        f"{FOOTER}\nMost read\n{sidebar}\n"
        for i, title in enumerate(titles)
    ]
    _write(tmp_path / "site", pages)
    result = toolkit.ingest(tmp_path / "site")
    assert result.corpus.sort("path")["title"].to_list() == titles
    learned = result.learned_chrome.filter(pl.col("kind") == "line")["line"].to_list()
    assert titles[0] in learned


def _every_step(folder):
    """A site whose pages need every step learned across documents (menus, title suffixes,
    closings, stamps only the fifth page settles, copies that vote once), and a table."""
    pages = [
        _page(i, stamp=f"Posted {s} | Site", closing=" Read Full Article at Site.com")
        for i, s in enumerate(
            ["01/02/2015", "03/04/2015", "05/06/2015", "07/08/2015", "25/08/2015"]
        )
    ]
    _write(folder / "site", [*pages, pages[0], pages[0]])
    rows = [f"Deal {i} signed in Minsk | Reuters,Body text {i} about gas." for i in range(6)]
    (folder / "items.csv").write_text("title,text\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_batches_learn_what_one_batch_learns(tmp_path, monkeypatch, batches):
    _every_step(tmp_path)
    result = toolkit.ingest(tmp_path)
    monkeypatch.undo()  # the same files in one batch
    whole = toolkit.ingest(tmp_path)
    kinds = set(whole.learned_chrome["kind"])
    assert {"line", "title suffix", "closing"} <= kinds
    pages = whole.corpus.filter(pl.col("path").str.starts_with("site/"))
    assert pages["published"].null_count() == 0  # the fifth page settled the order
    for table in ("corpus", "report", "learned_chrome"):
        assert_frame_equal(getattr(result, table), getattr(whole, table))


@pytest.mark.parametrize(
    "paras",
    [
        ["Story told. Read Full Article at RT.com"],
        ["Opening line", "Body of the story.", "More of it.", "Credit Sergei Grits/AP"],
        ["  ", "Only one\nwith a line break", ""],
        ["First", "", "  "],
        [],
    ],
)
def test_edge_learning_reads_only_the_first_and_last_lines(paras):
    from toolkit.affixes import edge_segments
    from toolkit.page_read import _edge_text

    def segments(text):
        frame = pl.DataFrame({"group": ["x"], "key": [1], "text": [text]})
        return edge_segments(frame)

    assert_frame_equal(segments(_edge_text(paras)), segments("\n\n".join(paras)))


def test_seeds_give_the_tables_of_one_batch_of_whole_texts(monkeypatch):
    sliced = toolkit.ingest(SEEDS)  # as the fixture sets: batches, lines split again, slices
    monkeypatch.undo()
    whole = toolkit.ingest(SEEDS)
    assert whole.corpus.height == 5
    for table in ("corpus", "report", "learned_chrome"):
        assert_frame_equal(getattr(sliced, table), getattr(whole, table))


@pytest.mark.parametrize(
    "body",
    [[], ["one"], ["one", "two"], ["a", "", "b", "c", "d"], ["Мінск", "x", "中文", "😀", "é", "z"]],
)
def test_a_big_body_joined_a_part_at_a_time_is_the_body_joined(monkeypatch, body):
    monkeypatch.setattr(page_read, "JOIN_LINES", 2)
    lines = list(body)
    assert page_read._joined(lines) == "\n\n".join(body)
    assert len(lines) == len(body)
    assert all(p is None for p in lines) or len(body) <= 2  # let go a part at a time


RIA = "ТЕЛЬ-АВИВ, 22 ноя - РИА Новости. Премьер Израиля заявил в среду, что отдал распоряжение."


@pytest.mark.parametrize(
    ("text", "note"),
    [
        # trial X: 146 RIA Novosti items in one .txt, one document and no note; each item's
        # lines joined into one paragraph, its dateline inside it
        (
            "\n".join(f"1:{i} | В мире\nЗаголовок {i}\n{RIA}\nЕщё одна строка." for i in range(3)),
            "3 agency datelines in one text (RIA Novosti 3): several stories in one file?",
        ),
        ("\n\n".join([RIA, "Второй абзац.", RIA]), None),  # two: one story quoting another
        ("MOSCOW, Nov 22 (Reuters) - Talks went on.\n\n" * 3, "3 agency datelines in one text"),
        ("Talks went on in Moscow on Wednesday, officials said.\n\n" * 40, None),
    ],
)
def test_a_text_of_several_agency_stories_is_noted(tmp_path, text, note):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    got = toolkit.ingest(tmp_path).report["note"].item()
    if note is None:
        assert got is None or "agency datelines" not in got
    else:
        assert got is not None and note in got


def test_documents_of_several_datelines_are_found_with_or_without_the_literal_screen(monkeypatch):
    from toolkit.outlets import registry

    texts = [t for t, _ in test_a_text_of_several_agency_stories_is_noted.pytestmark[0].args[1]]
    texts += ["МИНСК, 9 сентября. /БЕЛТА/. Текст.\n" * 3, "MINSK, 9 Sept (BelTA) - x.\n" * 2]
    lines = pl.DataFrame(
        [(d, p) for d, t in enumerate(texts) for p in t.split("\n")],
        schema=["doc", "line"],
        orient="row",
    )
    reg = registry()
    screened = page_read.several_docs(lines, reg)
    monkeypatch.setattr(page_read, "literal_screen", lambda pattern: None)
    assert screened == page_read.several_docs(lines, reg) and screened == {0, 2, 4}


_SUBHEADED = [
    "MINSK, 26 September (BelTA) - Belarusian Minister of Foreign Affairs Vladimir Makei "
    "addressed the 77th session of the UN General Assembly in New York on 24 September.",
    "The Belarusian minister said that for more than six months the world has been living in "
    "the shadow of the conflict in Ukraine, which is adversely affecting many countries.",
    "This session provides a unique opportunity to take stock of the situation in Ukraine and "
    "in the world, the minister told the General Assembly in New York.",
    "On the origins of the conflict",
    "We are convinced that the conflict in Ukraine stems from a wider geopolitical chaos, the "
    "minister said, whose causes must be sought in the events of 30 years ago.",
    "The minister noted that the so-called winners did not consider it necessary to draw on "
    "examples from the past, and the conflict in Ukraine followed.",
    "He noted that the Cold War ended not even with an official treaty but with some kind of "
    "gentleman's agreements, and the General Assembly should remember it.",
]


def test_a_subheading_under_the_articles_own_paragraphs_is_no_title(tmp_path):
    # trial AB: a scraped page with no title line took its first subheading as the title and
    # cut the dateline's paragraph and the two below it (the outlet, BelTA, lost with it)
    (tmp_path / "20220926T144500Z_BY_en_e81f539e79.txt").write_text(
        "\n\n".join(_SUBHEADED) + "\n", encoding="utf-8"
    )
    row = toolkit.ingest(tmp_path).corpus.row(0, named=True)
    assert row["title"] is None
    assert row["outlet"] == "BelTA"
    assert row["text"].startswith("Belarusian Minister of Foreign Affairs Vladimir Makei")
    assert "world has been living in" in row["text"]
    # GDELT's seen-date stamp in the file name dates the page
    assert (row["published"], row["published_source"]) == (dt.date(2022, 9, 26), "filename")


def test_a_stamp_below_the_articles_paragraphs_is_no_page_date(tmp_path):
    # trial AB: a caption's "June 22, 1941." in the 9th paragraph of an op-ed dated it 1941
    lines = [*_SUBHEADED[1:3], _SUBHEADED[4], "June 22, 1941. Hitler's Operation Barbarossa",
             *_SUBHEADED[5:]]  # fmt: skip
    (tmp_path / "op-ed.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    row = toolkit.ingest(tmp_path).corpus.row(0, named=True)
    assert row["published"] is None


@pytest.mark.parametrize(
    ("lone", "dateline", "opens"),
    [
        # a dateline on a line of its own is the dateline of the story below, no title
        ("OSLO —", "OSLO", "Norway's arts scene"),
        # one no table knows (CNN's, its parentheses lost) opens the first paragraph
        ("Moscow CNN —", None, "Moscow CNN — Norway's arts scene"),
    ],
)
def test_a_dateline_on_a_line_of_its_own(tmp_path, lone, dateline, opens):
    body = [
        "Norway's arts scene has a rebel, the critics said on Monday in a long review.",
        "The rebel is a painter who lives in the city and works in a studio near the harbour.",
        "He said the city was changing and the arts scene with it, and he was glad of it.",
    ]
    (tmp_path / "a.txt").write_text("\n\n".join([lone, *body]) + "\n", encoding="utf-8")
    row = toolkit.ingest(tmp_path).corpus.row(0, named=True)
    assert row["title"] != lone
    assert row["dateline"] == dateline
    assert row["text"].startswith(opens)


@pytest.mark.parametrize(
    "line",
    [
        "OSLO —", "Moscow CNN —", "SÃO PAULO, Brazil --", "ZÜRICH ½ –", "A" * 61 + " —",
        "Київ (Reuters) —", "ST. PETERSBURG, Russia, May 1 / 2 —", "Minsk\x1f—",
    ],
)  # fmt: skip
def test_the_lone_dateline_screen_lets_every_lone_dateline_through(line):
    # header_candidates' polars test of a whole line is looser than the pattern the page
    # reader then tries: a line the pattern takes is never screened out
    from toolkit.extract import _LONE_DATELINE, header_candidates

    rng = random.Random(20261202)
    middle = "AZМЁaz ½²'’.,()/-–—\x1f\t_9é"
    made = [
        rng.choice("AZМЁ")
        + "".join(rng.choice(middle) for _ in range(rng.randint(0, 64)))
        + rng.choice([" ", "\x1f", "\t", "\u2003"])
        + rng.choice(["-", "—", "--", "–—"])
        for _ in range(3000)
    ]
    lines = [line, *(m for m in made if _LONE_DATELINE.fullmatch(m))]
    assert _LONE_DATELINE.fullmatch(line) and len(lines) > 10
    frame = pl.DataFrame({"doc": 0, "pos": range(len(lines)), "line": lines})
    assert header_candidates(frame)["maybe_lone"].all()
    prose = frame.with_columns(pl.lit("Norway — said").alias("line"))
    assert not header_candidates(prose)["maybe_lone"].any()
