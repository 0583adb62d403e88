"""Site-name parts of titles and the segments that open or close a site's texts, learned
across its distinct documents and cut."""

import random
import re

import polars as pl
import pytest

from toolkit import affixes
from toolkit.affixes import (
    _SEGMENT_BREAK,
    _affix_candidates,
    _segments,
    _spans,
    _title_cuts,
    cut_edges,
    learn_edges,
    learn_title_affixes,
    strip_title_affixes,
)


def _titles(titles, group="site"):
    return pl.DataFrame(
        {"group": [group] * len(titles), "key": list(range(len(titles))), "title": titles}
    )


STORIES = [f"Story number {i} about Minsk" for i in range(6)]


@pytest.mark.parametrize(
    ("titles", "expected_affixes", "expected_first"),
    [
        (
            [f"{t} — RT World News" for t in STORIES],
            [("title suffix", " — RT World News")],
            STORIES[0],
        ),
        ([f"{t} | Reuters" for t in STORIES], [("title suffix", " | Reuters")], STORIES[0]),
        (
            [f"{t} - Москва - ТАСС" for t in STORIES],
            [("title suffix", " - ТАСС"), ("title suffix", " - Москва - ТАСС")],
            STORIES[0],
        ),
        ([f"Reuters | {t}" for t in STORIES], [("title prefix", "Reuters | ")], STORIES[0]),
        # a colon opens many titles of one story ("Paris attacks: ..."): their words, kept
        ([f"Paris attacks: {t}" for t in STORIES], [], f"Paris attacks: {STORIES[0]}"),
        # in fewer than five documents: nothing learned
        ([f"{t} | Reuters" for t in STORIES[:4]], [], f"{STORIES[0]} | Reuters"),
        # a bracketed tag with no space after it (CCTV's "[视频]", trial M); a short Chinese
        # headline is still one once it is cut
        (
            [f"[视频]习近平会见第{i}位总统" for i in range(5)] + ["[视频]会见普京"],
            [("title prefix", "[视频]")],
            "习近平会见第0位总统",
        ),
    ],
)
def test_title_affixes_learned_and_cut(titles, expected_affixes, expected_first):
    frame = _titles(titles)
    learned = learn_title_affixes(frame)
    assert sorted(learned.select("kind", "line").rows()) == sorted(expected_affixes)
    stripped = strip_title_affixes(frame["title"], frame["group"], learned)
    assert stripped[0] == expected_first


def _random_titles(n, seed=1):
    """Titles of separators, spaces Python and polars tell apart (\\x1c, NBSP, NEL, ideographic
    space), the column version's mark \\x00 and letters."""
    rng = random.Random(seed)
    alphabet = [" ", "-", "|", "—", "–", ":", "::", "·", "»", "•", "a", "Б", "é", "\u00a0"]
    alphabet += ["\x1c", "\x1f", "\t", "\n", "\x85", "\u3000", "\x00"]
    return ["".join(rng.choices(alphabet, k=rng.randint(0, 30))) for _ in range(n)]


@pytest.mark.parametrize(
    "titles",
    [
        ["A story - Site", "Site | A story | Section", "x — y — z", "no separator", "a :: b"],
        ["Ten words in this one title before the bar here | Site", "a\x00 - b", "-  - -"],
        _random_titles(3000),
    ],
)
def test_candidates_of_a_column_are_those_of_each_title(titles):
    frame = _titles(titles)
    got = sorted(_affix_candidates(frame).rows())
    expected = sorted(
        ("site", k, kind, part) for k, t in enumerate(titles) for kind, part in _title_cuts(t)
    )
    assert got == expected


def test_copies_of_one_title_vote_once():
    frame = pl.DataFrame(
        {"group": ["site"] * 6, "key": [1] * 6, "title": [f"{STORIES[0]} | Reuters"] * 6}
    )
    assert learn_title_affixes(frame).height == 0


def test_a_title_is_never_cut_to_nothing():
    learned = pl.DataFrame(
        {"group": ["site"], "kind": ["title suffix"], "line": [" | Reuters"], "n_docs": [9]}
    )
    titles = pl.Series("title", ["Oil | Reuters", None, "Minsk and Moscow agree | Reuters"])
    groups = pl.Series(["site", "site", "other"])
    assert strip_title_affixes(titles, groups, learned).to_list() == [
        "Oil | Reuters",
        None,
        "Minsk and Moscow agree | Reuters",
    ]


def _texts(texts, keys=None):
    return pl.DataFrame(
        {"group": ["site"] * len(texts), "key": keys or list(range(len(texts))), "text": texts}
    )


BODIES = [
    f"Minsk and Moscow signed deal number {i}.\nThe ministers met on day {i}." for i in range(6)
]
CREDITS = [f"Credit {name}/Associated Press" for name in "Ann Bob Cid Dan Eve Fay".split()]


@pytest.mark.parametrize(
    ("texts", "expected", "first_after"),
    [
        (
            [f"{b} Read Full Article at RT.com" for b in BODIES],
            [("closing", "Read Full Article at RT.com")],
            BODIES[0],
        ),
        (
            [f"Fox News Flash | {b}" for b in BODIES],
            [("opening", "Fox News Flash")],
            BODIES[0],
        ),
        (
            [f"{b}\n{c}" for b, c in zip(BODIES, CREDITS, strict=True)],
            [("closing template", "Credit …")],
            BODIES[0],
        ),
        # the last sentences differ: nothing learned, nothing cut
        (BODIES, [], BODIES[0]),
        # Chinese: a credit opening the text with no space after its colon (trial M, CCTV)
        (
            [
                f"央视网消息（新闻联播）：习近平同第{i}位总统通电话。双方表示要加强合作。"
                for i in range(6)
            ],
            [("opening", "央视网消息（新闻联播）：")],
            "习近平同第0位总统通电话。双方表示要加强合作。",
        ),
        # a space after the credit's colon (11 of CCTV's texts: trial N)
        (
            [f"央视网消息（新闻联播）： 习近平同第{i}位总统通电话。双方表示。" for i in range(6)],
            [("opening", "央视网消息（新闻联播）：")],
            "习近平同第0位总统通电话。双方表示。",
        ),
        # a Chinese sentence that opens many texts is their formula: kept
        (
            [f"新年好！今天是第{i}天。天气很好。" for i in range(6)],
            [],
            "新年好！今天是第0天。天气很好。",
        ),
    ],
)
def test_edges_learned_and_cut(texts, expected, first_after):
    learned = learn_edges(_texts(texts))
    assert learned.select("kind", "line").rows() == expected
    found: dict[str, set[str]] = {}
    for kind, line in learned.select("kind", "line").iter_rows():
        found.setdefault(kind, set()).add(line)
    assert cut_edges(texts[0], found) == first_after


def test_a_sentence_of_one_story_saved_many_times_is_not_learned():
    story = "Minsk and Moscow agreed.\nPutin said the deal was done."
    assert learn_edges(_texts([story] * 8, keys=[7] * 8)).height == 0


@pytest.mark.parametrize(
    ("text", "learned", "expected"),
    [
        # a text that is only the learned segment is left whole (never emptied)
        ("Read Full Article at RT.com", {"closing": {"Read Full Article at RT.com"}}, None),
        # a closing sentence is cut; a sentence like it inside the text stays
        (
            "Read Full Article at RT.com is what it said.\nIt ended. Read Full Article at RT.com",
            {"closing": {"Read Full Article at RT.com"}},
            "Read Full Article at RT.com is what it said.\nIt ended.",
        ),
        # a credit template cuts credits, not a closing sentence with a full stop
        ("It ended.\nCredit Ann Lee/AP", {"closing template": {"Credit …"}}, "It ended."),
        ("It ended. Credit is due.", {"closing template": {"Credit …"}}, None),
    ],
)
def test_cut_edges(text, learned, expected):
    assert cut_edges(text, learned) == (text if expected is None else expected)


@pytest.mark.parametrize(
    "titles",
    [
        # who is quoted, on fewer than half the titles: not a site name
        [f"{t} — Putin" for t in STORIES] + [f"Other story {i}" for i in range(8)],
        [f"{t} - Reports" for t in STORIES] + [f"Other story {i}" for i in range(8)],
    ],
)
def test_an_attribution_is_not_a_site_name(titles):
    assert learn_title_affixes(_titles(titles)).height == 0


def test_section_suffixes_of_one_site_count_together():
    titles = [f"{t} — RT World News" for t in STORIES] + [
        f"Business story {i} — RT Business News" for i in range(6)
    ]
    learned = learn_title_affixes(_titles(titles))
    assert learned["line"].to_list() == [" — RT Business News", " — RT World News"]


@pytest.mark.parametrize(
    "texts",
    [
        # their authors' formula, a sentence: kept
        [f"Ukrainians! {b} Glory to Ukraine!" for b in BODIES],
        [f"{b} Thank you." for b in BODIES],
    ],
)
def test_a_sentence_that_opens_or_closes_many_texts_is_not_learned(texts):
    assert learn_edges(_texts(texts)).height == 0


def test_segment_breaks_those_of_the_plain_pattern():
    # the pattern opens with a lookahead for speed only: the same breaks as without it
    plain = re.compile(
        r"(?<=[.!?…])\s+(?=[\"“«(\[]?[A-ZА-ЯЁ0-9©])|\s+\|\s+|(?<=[。！？：])[^\S\n]*(?=[^\s。！？：”」』）])"
    )
    rng = random.Random(2)
    alphabet = ["a", "A", "Я", "1", ".", "!", "…", " ", "  ", "\t", "|", "«", "(", "©", "\u00a0",
                "国", "。", "：", "”", "）"]  # fmt: skip
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in _SEGMENT_BREAK.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_segments_those_of_the_spans():
    # _segments splits in C: the same pieces as the spans between breaks, none empty
    rng = random.Random(3)
    alphabet = ["a", "A", "Я", "1", ".", "!", "…", " ", "  ", "\t", "|", " | ", "«", "\u00a0",
                "国", "。", "："]  # fmt: skip
    texts = ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(5000)]
    for text in texts:
        assert _segments(text) == [text[a:b] for a, b in _spans(text)]


@pytest.mark.parametrize("size", [2, 5, 40, 400])
def test_last_segment_that_of_all_segments(size, monkeypatch):
    # a long paragraph's last segment read from its end: the same as from all its segments,
    # where the tail read starts inside a run of spaces, at a bar, or after a sentence's end
    monkeypatch.setattr(affixes, "_TAIL_CHARS", size)
    rng = random.Random(size)
    alphabet = ["a", "A", "Я", "1", ".", "!", "…", " ", "  ", "\t", "|", " | ", "«", "\u00a0",
                "国", "。", "："]  # fmt: skip
    texts = ["".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(5000)]
    for text in texts:
        segments = _segments(text)
        if segments:
            assert affixes._last_segment(text) == (len(segments) > 1, segments[-1])


def _edges_read_in_full(text):
    # text_edges as it read every text, its first and last paragraph searched in full
    paras = [p for p in text.split("\n") if p.strip()]
    if not paras:
        return []
    several = len(paras) > 1
    first = [paras[0][a:b] for a, b in _spans(paras[0], 2)]
    more, last = affixes._last_segment(paras[-1])
    out = []
    if first and (several or len(first) > 1) and affixes._boilerplate(start := first[0].strip()):
        out.append(("opening", start))
    if (several or more) and (end := last.strip()):
        if affixes._boilerplate(end):
            out.append(("closing", end))
        if (template := affixes._template(end)) is not None:
            out.append(("closing template", template))
    return out


@pytest.mark.parametrize("breaks", [1, 20])
def test_text_edges_those_read_in_full(breaks):
    # a paragraph's first 26 words without a break's character, or its end a sentence's, are
    # read without searching it: the same edges as the search of the whole paragraphs (texts
    # of long paragraphs with few breaks, and of many breaks)
    rng = random.Random(breaks)
    alphabet = ["word", "Word", "Я", "1", ".", "!", "…", ")", '"', " ", "  ", "\t", "|", " | ",
                "«", "©", "\u00a0", "国", "。", "：", "\n", "\n\n", "Credit", " AP"]  # fmt: skip
    weights = [240, 120, 20, 20, 2 * breaks, breaks, breaks, 20, 20, 280, 40, 20, breaks, breaks,
               20, 20, 20, 20, breaks, breaks, 10, 10, 20, 20]  # fmt: skip
    texts = ["".join(rng.choices(alphabet, weights, k=rng.randint(0, 400))) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = _edges_read_in_full(text)
        edges = affixes.text_edges(text)
        assert edges == expected, text
        found += bool(edges)
    assert 300 < found < 5700  # texts with edges and without


def test_a_last_paragraph_that_is_all_break_has_no_closing_segment():
    # it raised IndexError (found while reading text_edges for speed, session 18)
    assert affixes.text_edges("A story about the talks.\n | \n") == []
    assert affixes.text_edges(" | \nA story about the talks.\n") == []
    assert affixes._last_segment(" | ") == (False, "")
