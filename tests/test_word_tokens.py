"""The compiled tokeniser gives exactly the tokens, hashes and keys of the polars regex query."""

import numpy as np
import polars as pl
import pytest

from toolkit.word_tokens import reference_tokens, word_tokens

TRICKY = [
    "The talks in Minsk.",
    None,
    "",
    "  ",
    "Привет, мир! ΣΑΣ ΟΔΟΣ.Β café naïve 東京 — «x» 1_2 x\u0301y",  # final sigma, marks
    "a",
    "İstanbul ǅ ﬁ \U0001f600 word\u200dword",  # lower case longer than upper; emoji; joiner
    "abcdefghijklmnopqrstuvwxyz0123456789",  # longer than a view holds inline
    "x" * 12,
    "y" * 13,
    "é" * 7,
    "ÉCOLE École ΆΈ K Å ẞ",
    "٣٤ ٥ 𝟘𝟙 Ⅻ ½ ²",  # other digits and numbers
    "tab\tnew\nline\r\n\u00a0nbsp\u00a0",
    "a.b,c;d",
]


@pytest.mark.parametrize(
    "texts",
    [
        TRICKY,
        TRICKY[::-1],
        ["Ends in a word", "starts the next"],  # a word at the end of one text and the next
        ["ab", "", "cd"],  # an empty text between two words
        ["", ""],
        [None],
        [],
        ["Ünïcödé only"],
        ["ASCII ONLY, Upper Case"],
        # scripts set without spaces: their words set apart (TRICKY's 東京 above too)
        ["何鲁丽同志逝世，享年92岁。", "abc中国def", "ロシアとベラルーシ", "ภาษาไทย", "Minsk"],
    ],
)
@pytest.mark.parametrize("seed", [0, 7])
def test_same_as_the_polars_regex(texts, seed):
    series = pl.Series(texts, dtype=pl.String)
    fast, reference = word_tokens(series, seed=seed), reference_tokens(series, seed=seed)
    for name, got, want in zip(fast._fields, fast, reference, strict=True):
        assert got.dtype == want.dtype, name
        np.testing.assert_array_equal(got, want, err_msg=name)


def test_a_slice_of_a_series():
    series = pl.Series(["zero", "One two", "THREE four five", "six"])
    part = series.slice(1, 2)
    fast, reference = word_tokens(part, seed=0), reference_tokens(part, seed=0)
    assert fast.counts.tolist() == [2, 3]
    np.testing.assert_array_equal(fast.hashes, reference.hashes)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("何鲁丽同志逝世", 3),  # a clause is jieba's three words (何鲁丽, 同志, 逝世), not one
        ("abc中国 def", 3),
        ("ロシアと", 4),  # kana: a character a word (no segmenter installed)
        ("Talks in Minsk.", 3),
    ],
)
def test_scripts_set_without_spaces_are_cut_into_words(text, count):
    assert word_tokens(pl.Series([text]), seed=0).counts.tolist() == [count]
