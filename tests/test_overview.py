import datetime as dt

import polars as pl
import pytest

import toolkit
from toolkit import overview


def corpus():
    return pl.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["TASS", "TASS", None, "BelTA"],
            "site": ["tass.com", "tass.com", None, "belarus.by"],
            "published": [dt.date(2022, 12, 19), None, None, dt.date(2021, 9, 9)],
            "published_source": ["text", None, None, "column"],
            "path": ["tass/a.txt", "tass/b.txt", "other/c.txt", "belta.csv"],
            "date_text": ["19 December 2022", "Monday", None, "9 September 2021"],
            "n_words": [10, 20, 30, 40],
            "is_canonical": [True, True, True, False],
            "raw_text": [
                "Home | News\nMINSK, December 19. /TASS/. Putin met\nLukashenko today.\nShare",
                "x",
                "y",
                "z",
            ],
            "text": ["Putin met Lukashenko today.", "x", "y", "z"],
            "title": ["t1", "t2", None, "t4"],
        }
    )


def test_outlet_site_counts_name_the_unknown_and_count_stories():
    counts = overview.outlet_site_counts(corpus())
    rows = {(r["outlet"], r["site"]): r for r in counts.iter_rows(named=True)}
    assert rows[("TASS", "tass.com")]["documents"] == 2
    assert rows[("(unknown)", "(unknown)")]["words"] == 30
    assert rows[("BelTA", "belarus.by")]["stories"] == 0
    assert counts["share"].sum() == 1.0


def test_dating_summary_separates_partial_from_missing_dates():
    rows = {r["outlet"]: r for r in overview.dating_summary(corpus()).iter_rows(named=True)}
    assert (rows["TASS"]["dated"], rows["TASS"]["partial"], rows["TASS"]["no_date"]) == (1, 1, 0)
    assert rows["(unknown)"]["no_date"] == 1
    cov = overview.date_coverage(corpus())
    assert cov["documents"].sum() == 2  # undated items are never placed on the time axis


def test_removed_fragments_are_chrome_lines_and_cut_datelines_not_rewrapped_text():
    raw = corpus()["raw_text"][0]
    assert overview.removed_fragments(raw, "Putin met Lukashenko today.") == [
        "Home | News",
        "MINSK, December 19. /TASS/.",
        "Share",
    ]


@pytest.mark.parametrize(
    ("raw", "clean", "removed"),
    [
        # sentences glued in the raw text, parted by cleaning: nothing removed
        ("WASHINGTON — Talks ended.Economics, guilt.That is all.",
         "Talks ended.\n\nEconomics, guilt.\n\nThat is all.", ["WASHINGTON —"]),
        ("far-from-\xadtrustworthy credit", "far-from-trustworthy credit", []),
        ("Home | News\nPutin met.\nShare this", "Putin met.", ["Home | News", "Share this"]),
        ("Putin met Lukashenko, TASS reports, today.", "Putin met Lukashenko today.",
         [", TASS reports,"]),
    ],
)  # fmt: skip
def test_removed_fragments_are_the_raw_texts_own_words(raw, clean, removed):
    assert overview.removed_fragments(raw, clean) == removed


@pytest.mark.parametrize(
    ("raw", "clean", "sizes"),
    [
        # a glued paragraph split: more line breaks, the same characters (an HTML page's text)
        (
            "Putin met Lukashenko.Talks went on.",
            "Putin met Lukashenko.\n\nTalks went on.",
            (31, 31),
        ),
        ("Home | News\nPutin met Lukashenko.", "Putin met Lukashenko.", (28, 19)),
    ],
)
def test_the_cleaning_sample_counts_characters_not_spaces(raw, clean, sizes):
    one = corpus().head(1).with_columns(pl.lit(raw).alias("raw_text"), pl.lit(clean).alias("text"))
    got = overview.cleaning_sample(one, n=1, seed=1)
    assert got.select("raw_chars", "clean_chars").row(0) == sizes


def test_cleaning_sample_is_seeded():
    a = overview.cleaning_sample(corpus(), n=2, seed=1)
    assert a.equals(overview.cleaning_sample(corpus(), n=2, seed=1))
    assert a.height == 2


def test_cluster_table_and_pairs_to_explain_prefer_copies_across_sites():
    text = " ".join(f"word{i}" for i in range(200))
    c = pl.DataFrame(
        {
            "doc_id": ["own", "copy", "other"],
            "outlet": ["BelTA", "BelTA", "TASS"],
            "site": ["belta.by", "belarus.by", "tass.com"],
            "published": [dt.date(2021, 9, 9), dt.date(2021, 9, 10), dt.date(2021, 9, 9)],
            "title": ["Talks", "Talks (reprint)", "Other"],
            "text": [text, text + " Source: BelTA", "something else entirely " * 20],
        }
    )
    dups = toolkit.find_duplicates(c)
    clusters = overview.cluster_table(c, dups)
    assert clusters.row(0, named=True) | {} == {
        "cluster_id": "own",
        "copies": 2,
        "outlets": "BelTA",
        "sites": "belarus.by, belta.by",
        "max_lag_days": 1,
        "canonical_outlet": "BelTA",
        "canonical_title": "Talks",
        "first_published": dt.date(2021, 9, 9),
    }
    chosen = overview.pairs_to_explain(dups, c, n=5)
    assert chosen.select("doc_a", "doc_b").rows() == [("own", "copy")]


def test_pairs_to_explain_read_near_copies_before_excerpts():
    words = [f"w{i}" for i in range(300)]
    full, edited = " ".join(words), " ".join(w if i % 25 else "x" for i, w in enumerate(words))
    texts = {
        "a-full": full,
        "b-excerpt": " ".join(words[100:140]),  # contained, the least similar of the cluster
        "c-edited": edited,  # near: copy edits
    }
    c = pl.DataFrame({"doc_id": list(texts), "text": list(texts.values()),
                      "outlet": ["BelTA"] * 3, "site": ["belta.by"] * 3})  # fmt: skip
    dups = toolkit.find_duplicates(c, min_shingles=5)
    kinds = {(a, b): k for a, b, k in dups.pairs.select("doc_a", "doc_b", "kind").rows()}
    assert kinds[("a-full", "b-excerpt")] == "contained" and kinds[("a-full", "c-edited")] == "near"
    chosen = overview.pairs_to_explain(dups, c, n=1)
    assert chosen["kind"].to_list() == ["near"]


def test_no_pair_is_explained_without_duplicates():
    c = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["BelTA", "TASS"],
            "site": ["belta.by", "tass.com"],
            "published": [dt.date(2021, 9, 9), dt.date(2021, 9, 9)],
            "title": ["One", "Two"],
            "text": [" ".join(f"w{i}" for i in range(100)),
                     " ".join(f"w{i}" for i in range(40, 140))],
        }
    )  # fmt: skip
    dups = toolkit.find_duplicates(c)
    assert dups.pairs.height == 0  # a near miss at most
    assert overview.pairs_to_explain(dups, c, n=5).height == 0


@pytest.mark.parametrize("by", ["outlet", "source"])
def test_dating_summary_says_how_dates_were_read(by):
    table = overview.dating_summary(corpus(), by=by)
    read = ["from_manifest", "from_column", "from_page_metadata", "from_text", "from_url",
            "from_filename", "inferred"]  # fmt: skip
    assert table.select(read).sum_horizontal().to_list() == table["dated"].to_list()
    assert (table["dated"] + table["partial"] + table["no_date"] == table["documents"]).all()


def test_the_load_summary_counts_duplicates_as_one_reason():
    """Each duplicate names the record it repeats, so each was a row of its own (21 rows for
    20 duplicates in a trial on public tables)."""
    report = pl.DataFrame(
        {
            "path": ["a.csv", "a.json", "a.json", "b.txt", "c.bin"],
            "status": ["loaded", "skipped", "skipped", "skipped", "skipped"],
            "reason": [
                None,
                "duplicate id: same URL as a.csv line 2",
                "duplicate id: same URL as a.csv line 3",
                "duplicate id: same path and record as b.txt",
                "binary file",
            ],
        }
    )
    assert overview.load_summary(report).rows() == [
        ("loaded", "", 1, "a.csv"),
        ("skipped", "duplicate id: same URL as an earlier record", 2, "a.json"),
        ("skipped", "binary file", 1, "c.bin"),
        ("skipped", "duplicate id: same path and record as an earlier record", 1, "b.txt"),
    ]


def test_the_notes_on_loaded_records_are_counted_by_kind():
    report = pl.DataFrame(
        {
            "path": ["a.json", "z.json", "b.json", "c.txt", "d.txt"],
            "record": [0, 1, 0, None, None],
            "status": ["loaded", "loaded", "loaded", "loaded", "skipped"],
            "note": [
                "outlet 'rbc' is not a known alias; kept as written",
                "outlet 'lenta' is not a known alias; kept as written",
                "content holds almost no letters (7%): description read as the text",
                "the page's site name 'AFP' names no known outlet",
                "not counted: a skipped file's",
            ],
        }
    )
    got = overview.note_summary(report)
    assert got.select("kind", "n").rows() == [
        ("outlet '…' is not a known alias; kept as written", 2),
        # a kind of one note is that note, its values as they are (trials X, Y)
        ("content holds almost no letters (7%): description read as the text", 1),
        ("the page's site name 'AFP' names no known outlet", 1),
    ]
    # the example and its file are one record's ('lenta' is z.json's, not a.json's)
    assert got.select("example", "path").row(0) == (
        "outlet 'lenta' is not a known alias; kept as written",
        "z.json",
    )


def test_cluster_table_and_pairs_describe_the_filtered_corpus():
    text = " ".join(f"word{i}" for i in range(200))
    days = [dt.date(2021, 12, 30), dt.date(2022, 1, 5), dt.date(2022, 1, 6), dt.date(2022, 6, 1)]
    loaded = pl.DataFrame(
        {
            "doc_id": ["first", "in1", "in2", "late"],
            "outlet": ["BelTA", "TASS", "RT", "RT"],
            "site": ["belta.by", "tass.com", "rt.com", "rt.com"],
            "published": days,
            "title": ["Talks", "Talks (TASS)", "Talks (RT)", "Talks again"],
            "text": [text] * 4,
        }
    )
    dups = toolkit.find_duplicates(loaded)
    window = loaded.filter(
        pl.col("published").is_between(dt.date(2022, 1, 1), dt.date(2022, 4, 30))
    )
    clusters = overview.cluster_table(window, dups, loaded=loaded)
    row = clusters.row(0, named=True)
    assert clusters.height == 1 and row["copies"] == 2 and row["outlets"] == "RT, TASS"
    # the first copy, outside the window, is still named: the canonical copy of the whole load
    assert (row["canonical_title"], row["first_published"]) == ("Talks", days[0])
    assert set(overview.pairs_within(dups, window).select("doc_a", "doc_b").rows()) == {
        ("in1", "in2")
    }
    # one copy in the window: no cluster to show
    assert overview.cluster_table(window.head(1), dups, loaded=loaded).height == 0


@pytest.mark.parametrize(
    ("sites", "lag", "flagged"),
    [
        ("kremlin.ru", 42, True),  # one site, weeks apart: maybe one formula's items
        ("kremlin.ru", 3, False),
        ("belta.by, tass.com", 42, False),  # a reprint on another site
        ("(unknown)", 42, False),  # no site known
        ("kremlin.ru", None, False),  # undated
    ],
)
def test_one_site_repeats_are_clusters_of_one_site_weeks_apart(sites, lag, flagged):
    clusters = pl.DataFrame({"cluster_id": ["c"], "copies": [2], "sites": [sites],
                             "max_lag_days": [lag]}, schema_overrides={"max_lag_days": pl.Int64})  # fmt: skip
    assert overview.one_site_repeats(clusters).height == int(flagged)


@pytest.mark.parametrize(
    ("texts", "titles", "flagged"),
    [
        (["Teaser of the day."] * 6, [f"Story {i}" for i in range(6)], [6]),  # a widget
        (["One story."] * 6, ["One story"] * 6, []),  # reprints keep their title
        (["Teaser."] * 4, [f"Story {i}" for i in range(4)], []),  # under five items
        ([""] * 6, [f"Story {i}" for i in range(6)], []),  # no text is no shared text
    ],
)
def test_texts_shared_by_many_items_under_different_titles_are_listed(texts, titles, flagged):
    stories = pl.DataFrame({"text": texts, "title": titles, "outlet": ["1tv"] * len(texts),
                            "published": [dt.date(2025, 1, i + 1) for i in range(len(texts))]})  # fmt: skip
    found = overview.repeated_texts(stories)
    assert found["items"].to_list() == flagged
    if flagged:
        assert found.row(0, named=True) | {} == {
            "opening": texts[0], "items": 6, "titles": 6, "outlets": "1tv",
            "first": dt.date(2025, 1, 1), "last": dt.date(2025, 1, 6),
        }  # fmt: skip


def test_the_analyses_are_told_of_texts_shared_under_many_titles():
    widget = pl.DataFrame({"text": ["Teaser."] * 6 + ["An article."],
                           "title": [f"Story {i}" for i in range(7)]})  # fmt: skip
    assert overview.repeated_note(widget).startswith("6 of the 7 items share 1 text ")
    assert overview.repeated_note(widget.tail(2)) is None


@pytest.mark.parametrize(
    ("texts", "timezone", "said"),
    [
        (["2024-11-26T21:05:05+00:00", "2024-11-27"], None, "1 of 2 dates were read from"),
        (["2021-10-24T11:00:00Z"], None, "as '2021-10-24T11:00:00Z'"),
        (["1732655105"], None, "1 of 1 dates"),  # a Unix time
        (["2024-11-26T21:05:05+00:00"], "Europe/Moscow", None),  # a zone declared
        (["2024-11-26 21:05", "12 March 2022"], None, None),  # no zone written
    ],
)
def test_timestamps_with_a_zone_are_said_to_be_on_that_zones_day(texts, timezone, said):
    """Trial W: 188 of 980 items fall on the next day in Kyiv, and no report said the days
    were UTC's."""
    corpus = pl.DataFrame({"published": [dt.date(2024, 11, 26)] * len(texts), "date_text": texts})
    note = overview.zone_note(corpus, timezone=timezone)
    assert (note is None) == (said is None)
    if said:
        assert said in note and "ingest: {timezone: Europe/Moscow}" in note
