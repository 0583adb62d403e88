"""What chrome learning keeps of each batch: the same learning from one batch or several."""

import json

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import ingest
from toolkit.affixes import edge_segments, learn_edges
from toolkit.chrome_counts import GroupCounts, _distinct_docs

# (doc, group, key, lines): documents 2 and 3 are copies of one text (same key)
DOCS = [
    (0, "a", 10, ["Menu", "Story zero", "Posted 01/02/2015"]),
    (1, "a", 11, ["Menu", "Story one", "Posted 25/02/2015"]),
    (2, "a", 12, ["Menu", "Copied story"]),
    (3, "a", 12, ["Menu", "Copied story"]),
    (4, "b", 13, ["Menu", "Story four"]),
]


def _frames(rows):
    docs = pl.DataFrame(
        [(d, g, k) for d, g, k, _ in rows],
        schema={"doc": pl.UInt32, "group": pl.String, "_key": pl.UInt64},
        orient="row",
    )
    lines = pl.DataFrame(
        [(d, g, line, None) for d, g, _, ls in rows for line in ls],
        schema={"doc": pl.UInt32, "group": pl.String, "line": pl.String, "found": pl.String},
        orient="row",
    )
    return docs, lines


def _learned(batches, min_docs):
    counts = GroupCounts()
    for rows in batches:
        counts.add_lines(*_frames(rows))
    return counts.learned(min_docs, 0.0)


def _learned_apart(batches, min_docs):
    """Each batch counted on its own, the documents of earlier batches ``seen`` (as the Dask
    engine counts them), merged last batch first."""
    pairs = [GroupCounts.doc_pairs(_frames(rows)[0]) for rows in batches]
    parts = []
    for i, rows in enumerate(batches):
        counts = GroupCounts(seen=pl.concat([pairs[0].clear(), *pairs[:i]]))
        counts.add_lines(*_frames(rows))
        parts.append(counts)
    return GroupCounts.merged(parts[::-1]).learned(min_docs, 0.0)


@pytest.mark.parametrize(
    ("min_docs", "hits"),
    [
        # group a has 3 distinct documents (the copies vote once): "Menu" is in all 3
        (3, {"Menu"}),
        # "Copied story" is in one distinct document, however many copies
        (2, {"Menu"}),
        (4, set()),
    ],
)
@pytest.mark.parametrize("split", [[5], [1, 1, 1, 1, 1], [3, 2], [2, 3]])
def test_batches_learn_what_one_batch_learns(min_docs, hits, split):
    batches, at = [], 0
    for n in split:
        batches.append(DOCS[at : at + n])
        at += n
    learned = _learned(batches, min_docs)
    _, lines = _frames(DOCS)
    found = set(lines.filter(learned.hit(lines).to_list())["line"])
    assert found == hits
    apart = _learned_apart(batches, min_docs)
    assert set(lines.filter(apart.hit(lines).to_list())["line"]) == hits
    assert_frame_equal(apart.keys, learned.keys, check_row_order=False)
    assert (apart.groups, apart.orders) == (learned.groups, learned.orders)
    assert learned.groups == ({"a"} if min_docs <= 3 else set())
    # 25/02/2015 settles day first for group a, whichever batch it came in
    assert learned.orders == {"a": "dmy"}
    # a line in another distinct document of its group: "Menu" (a); not the copies' story
    repeated = set(lines.filter(learned.repeated(lines).to_list())["line"])
    assert repeated == {"Menu"}


@pytest.mark.parametrize(
    "text",
    [
        "Story told. Read Full Article at RT.com",
        "Opening line\n\nBody of the story.\n\nCredit Sergei Grits/AP",
        "One paragraph only",
        "",
    ],
)
def test_edges_learned_from_segments_found_a_batch_at_a_time(text):
    texts = pl.DataFrame({"group": ["x"] * 6, "key": list(range(6)), "text": [text] * 6})
    found = pl.concat([edge_segments(texts[:2]), edge_segments(texts[2:])])
    assert_frame_equal(
        learn_edges(texts.select("group", "key"), found=found, min_docs=5),
        learn_edges(texts, min_docs=5),
    )


def _buffer_bytes(strings: pl.Series) -> int:
    """Bytes of the buffers a string column holds (polars' strings are views into them)."""
    arrays = strings.to_arrow(compat_level=pl.CompatLevel.newest())
    return sum(b.size for b in arrays.buffers() if b is not None)


@pytest.mark.parametrize(("n_docs", "story_chars"), [(5, 100_000), (1000, 5000)])
def test_learned_lines_found_hold_none_of_the_batch_texts(n_docs, story_chars):
    # A load keeps each batch's learned lines to its end: they must not point into the
    # buffers of the batch's lines (its stories), only hold their own few strings.
    menu = "Home | World | Business | Sport"  # over 12 bytes: not inlined in its view
    rows = [(d, "a", d, [menu, f"Story {d} " + "x" * story_chars]) for d in range(n_docs)]
    counts = GroupCounts()
    counts.add_lines(*_frames(rows))
    found = counts.learned(3, 0.0).lines_in(_frames(rows)[1])
    assert found.select("group", "kind", "line").rows() == [("a", "line", menu)]
    assert _buffer_bytes(found["line"]) < 1_000


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # (doc, g, h): a line twice in a document counts once; two documents twice
        ([(0, 1, 5), (0, 1, 5), (1, 1, 5)], [(1, 5, 2)]),
        # the same line in two groups is counted apart
        ([(0, 1, 5), (1, 2, 5), (2, 2, 5)], [(1, 5, 1), (2, 5, 2)]),
        ([(2, 1, 7), (0, 1, 6), (1, 1, 7), (0, 1, 7)], [(1, 6, 1), (1, 7, 3)]),
        ([], []),
    ],
)
def test_distinct_docs(rows, expected):
    hashed = pl.DataFrame(
        rows, schema={"doc": pl.UInt32, "g": pl.UInt64, "h": pl.UInt64}, orient="row"
    )
    got = _distinct_docs(hashed, "n").sort("g", "h")
    want = pl.DataFrame(
        expected, schema={"g": pl.UInt64, "h": pl.UInt64, "n": pl.UInt32}, orient="row"
    )
    assert_frame_equal(got, want)


def test_a_channels_sign_off_is_learned_within_its_channel_not_its_folder(tmp_path):
    """A Telegram export of two channels in one file (its channel column, no site): channel A
    signs 10 of its 40 posts off with a footer, 2% of the file's 440 posts but a quarter of
    A's; each channel's lines are counted apart, so the footer is learned and cut."""
    rows = [
        {"channel": "Channel A", "date": f"2024-11-{1 + i % 28:02d}",
         "text": f"Story {i} about the talks in Minsk and the gas price."
         + ("\n\nПодписывайся на Channel A" if i < 10 else "")}
        for i in range(40)
    ] + [
        {"channel": "Channel B", "date": f"2024-11-{1 + i % 28:02d}",
         "text": f"Item {i}: the weather in Moscow, sport and the markets today."}
        for i in range(400)
    ]  # fmt: skip
    (tmp_path / "export.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = ingest(tmp_path)
    learned = result.learned_chrome
    assert learned["line"].to_list() == ["Подписывайся на Channel A"]
    assert learned["group"].item().endswith("outlet:Channel A")
    assert not result.corpus["text"].str.contains("Подписывайся").any()


@pytest.mark.parametrize(
    ("n_with", "learned"),
    [
        (5, False),  # a background paragraph of five stories of a small channel: the stories'
        (12, True),  # in a dozen posts' ends, a sign-off sentence: chrome
    ],
)
def test_a_prose_line_is_chrome_only_in_many_documents(tmp_path, n_with, learned):
    """Trial L: a 30-post channel lost "Напомним, ..." from the 5 posts that ended with it."""
    line = ("Напомним, Путин и Лукашенко подписали договор о гарантиях безопасности в Союзном "
            "государстве 6 декабря.")  # fmt: skip
    rows = [
        {"channel": "Канал Б", "date": f"2024-12-{1 + i % 28:02d}",
         "text": f"Новость номер {i} о переговорах в Минске и ценах на газ."
         + (f"\n\n{line}" if i < n_with else "")}
        for i in range(30)
    ]  # fmt: skip
    (tmp_path / "export.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = ingest(tmp_path)
    assert (line in result.learned_chrome["line"].to_list()) is learned
    kept = result.corpus["text"].str.contains(line, literal=True).sum()
    assert kept == (0 if learned else n_with)
