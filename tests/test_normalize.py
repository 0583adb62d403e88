"""A long text normalised and split into lines a slice at a time gives what the whole text gives
(``toolkit.normalize.SLICE_CHARS`` forced small, so that ordinary texts are cut)."""

import importlib
import json
import random
import re

import polars as pl
import pytest
from polars.testing import assert_frame_equal, assert_series_equal

from tests.conftest import SEEDS
from toolkit.glue import paragraph_lines

# the module (``toolkit.normalize`` is also the name of the function the package exports)
normalize_module = importlib.import_module("toolkit.normalize")
normalize_texts = normalize_module.normalize_texts

WHOLE = 2**31 - 1


def _both(texts: list[str | None], slice_chars: int, monkeypatch) -> tuple:
    """(normalised, lines) of ``texts`` whole and with ``SLICE_CHARS`` = ``slice_chars``."""
    out = []
    for size in (WHOLE, slice_chars):
        monkeypatch.setattr(normalize_module, "SLICE_CHARS", size)
        normalized = normalize_texts(pl.Series("raw", texts, dtype=pl.String))
        out.append((normalized, paragraph_lines(normalized)))
    return out


def _cuts(text: str, slice_chars: int, monkeypatch) -> int:
    """How many times the normalisation cuts ``text`` (so a test knows it was cut)."""
    monkeypatch.setattr(normalize_module, "SLICE_CHARS", slice_chars)
    return len(list(normalize_module.slices(text, normalize_module._SAFE_BREAKS))) - 1


@pytest.mark.parametrize(
    ("text", "slice_chars"),
    [
        # a cut that would fall inside CRLF: "\r\n" is no safe break, nor a blank line of them
        ("one line\r\ntwo line\r\n\r\nthree line\r\nfour", 9),
        ("one\r\n\r\n\r\ntwo\rthree\r\n", 4),
        # inside multi-byte characters and combining marks (NFC: the whole text, never cut)
        ("Минск и Москва\nдоговорились\n\nо газе €5\nи нефти", 3),
        ("cafe\u0301\nde\u0301ja\u0300\nvu", 2),
        # mojibake: repaired on the whole text
        ("Itâ€™s here\nand thereâ€™s more\n\nÐ¸ ÐµÑ‰Ðµ", 5),
        # spaces, tabs, invisible characters and Unicode spaces at the edges of lines
        ("  lead\t \n  x  y \u00a0\n\u200bz\u200b\n \n\n\n end  ", 3),
        ("a\u2028b\u2029c\x0cd\x0be\x85f\n\ng", 1),
        # blank runs across a cut
        ("a\n\n\n\n\nb\n\n\nc\nd\n\n\n", 1),
        # hard-wrapped paragraphs, cut inside one
        (
            "The talks in Minsk went on\nfor three days and ended\nwith a statement on gas\n"
            "and oil prices for\nthe next year.\n\nBoth sides said the\ntreaty will be signed\n"
            "in the spring by the\npresidents of the two\ncountries.",
            40,
        ),
        # glue cases, cut between and inside them
        ("Minsk and Moscow agree.Putin said so.\nHe stressed.“We are\nready,” he said.", 10),
        ('said."The talks\nMr.Smith arrived.\nAleinik“We are here', 7),
        # ends: a text that ends or starts with line breaks
        ("\n\nfirst\nsecond\n", 1),
    ],
)
def test_a_text_cut_into_slices_normalises_and_splits_as_whole(text, slice_chars, monkeypatch):
    (whole, whole_lines), (sliced, sliced_lines) = _both(
        [text, "x", None], slice_chars, monkeypatch
    )
    assert_series_equal(sliced, whole)
    assert_frame_equal(sliced_lines, whole_lines)


def test_a_plain_text_is_cut_and_a_text_needing_repair_is_not(monkeypatch):
    # the cases above do exercise cuts: a plain text is cut many times at a size of 3
    assert _cuts("Минск и Москва\nдоговорились\n\nо газе €5\nи нефти", 3, monkeypatch) == 3
    monkeypatch.setattr(normalize_module, "SLICE_CHARS", 3)
    assert normalize_module.long_texts(pl.Series(["ab", "abcd", None])) == [1]


_ALPHABET = [
    *'abzAZ.,;:!?"“”’()€ж',
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\r",
    "\u00a0",
    "\u2009",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\x0c",
    "e\u0301",
    "â€™",
    "Minsk.",
    "said.“We",
    "agree.Putin",
    "Mr.Smith",
    "a short line\n",
]


@pytest.mark.parametrize("seed", range(6))
def test_random_texts_cut_anywhere_give_the_whole_texts_result(seed, monkeypatch):
    rng = random.Random(seed)
    for _ in range(40):
        texts = [
            "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 150)))
            for _ in range(rng.randint(1, 4))
        ]
        texts.insert(rng.randint(0, len(texts)), None)
        (whole, whole_lines), (sliced, sliced_lines) = _both(texts, rng.randint(1, 25), monkeypatch)
        assert_series_equal(sliced, whole)
        assert_frame_equal(sliced_lines, whole_lines)


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _corpus_texts(corpora) -> list[str]:
    """Some texts of each real corpus with bodies: 60 China Daily and NYT files, 60 Kremlin and
    Ukrainian president bodies, the TASS articles' paragraphs joined."""
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for folder in ("chinadaily", "nytimes")
        for p in sorted((corpora / "chinadaily-nyt-2013-15" / folder).glob("*.txt"))[:30]
    ]
    for name in ("putin_kremlin_en.csv", "zelenskyy_president_gov_ua_en.csv"):
        bodies = pl.read_csv(corpora / "kremlin-2021-22" / name, n_rows=30)["body"]
        texts += bodies.drop_nulls().to_list()
    tass = json.loads((corpora / "tass-sample-2024" / "politics_20.json").read_text("utf-8"))
    texts += ["\n".join(item["content"]) for item in tass]
    return texts


@pytest.mark.parametrize("slice_chars", [1, 7, 200])
def test_seeds_cut_into_slices_give_the_whole_texts_result(slice_chars, monkeypatch):
    texts = _seed_texts()
    (whole, whole_lines), (sliced, sliced_lines) = _both(texts, slice_chars, monkeypatch)
    assert whole_lines.height > 20
    assert_series_equal(sliced, whole)
    assert_frame_equal(sliced_lines, whole_lines)


@pytest.mark.parametrize("slice_chars", [50, 500])
def test_real_corpora_cut_into_slices_give_the_whole_texts_result(
    corpora, slice_chars, monkeypatch
):
    texts = _corpus_texts(corpora)
    assert len(texts) > 100
    cut = sum(_cuts(t, slice_chars, monkeypatch) > 0 for t in texts)
    assert cut >= 20  # those with line breaks (the Kremlin and NYT bodies have none)
    (whole, whole_lines), (sliced, sliced_lines) = _both(texts, slice_chars, monkeypatch)
    assert_series_equal(sliced, whole)
    assert_frame_equal(sliced_lines, whole_lines)


def test_a_safe_break_is_between_two_characters_no_step_changes(monkeypatch):
    breaks = normalize_module._SAFE_BREAKS
    assert [m.group(1) for m in breaks.finditer("a\nb c \nd e\n\n\nf\r\ng\u200b\nh")] == [
        "\n",
        "\n\n\n",
    ]
    assert re.fullmatch(normalize_module._PLAIN, "ж")


@pytest.mark.parametrize(
    ("text", "slice_chars", "window"),
    [
        # the break found in the first window, in a wider one, or not at all
        ("ab\ncd\nef", 2, 1 << 16),
        ("abcdefgh\nij\n\n\nkl", 2, 1),
        ("abcdefgh\nij\n\n\nkl", 2, 2),
        ("a\n\n\n\n\n\n\nb c\nd", 1, 1),
        ("abcdefghij", 3, 1),
        ("Минск\nи Москва\n\nдоговорились\r\nо газе", 4, 3),
        ("", 1, 1),
    ],
)
def test_a_column_is_cut_where_its_string_is_read_a_window_at_a_time(
    text, slice_chars, window, monkeypatch
):
    monkeypatch.setattr(normalize_module, "SLICE_CHARS", slice_chars)
    monkeypatch.setattr(normalize_module, "_WINDOW", window)
    for breaks in (normalize_module._SAFE_BREAKS, re.compile("(\n)")):
        column = pl.Series("t", [text])
        cuts = list(normalize_module.slices(column, breaks))
        assert cuts == list(normalize_module.slices(text, breaks))
        pieces = [(p.item(), gap) for p, gap in normalize_module.pieces(column, breaks)]
        assert pieces == [(text[a:b], c - b) for a, b, c in cuts]


@pytest.mark.parametrize("window", [1, 5, 1 << 16])
def test_random_texts_cut_with_narrow_windows_give_the_whole_texts_result(window, monkeypatch):
    monkeypatch.setattr(normalize_module, "_WINDOW", window)
    rng = random.Random(window)
    texts = ["".join(rng.choice(_ALPHABET) for _ in range(300)) for _ in range(20)]
    (whole, whole_lines), (sliced, sliced_lines) = _both(texts, 7, monkeypatch)
    assert_series_equal(sliced, whole)
    assert_frame_equal(sliced_lines, whole_lines)


def test_unusual_and_special_those_of_each_search():
    # one search for any of their characters, then each in the texts it found: the flags of
    # each search in every text
    rng = random.Random(5)
    alphabet = ["a", " ", "\n", "â€™", "Ã©", "Ð¸", "â", "Â", "e\u0301", "\u00a0", "\t", "\r",
                "\u200b", "\u2028", "’", "中", "Я"]  # fmt: skip
    texts = pl.Series(
        ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(3000)] + [None]
    )
    unusual, special = normalize_module._unusual_and_special(texts)
    each = pl.select(
        (
            pl.lit(texts).str.contains(normalize_module._MOJIBAKE.pattern)
            | pl.lit(texts).str.contains(normalize_module._nfc_unsafe())
        )
        .fill_null(False)
        .alias("unusual"),
        pl.lit(texts).str.contains(normalize_module._SPECIAL).fill_null(False).alias("special"),
    )
    assert unusual.to_list() == each["unusual"].to_list()
    assert special.to_list() == each["special"].to_list()
    assert 0 < unusual.sum() < special.sum() < 3000
