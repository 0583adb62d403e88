"""A table row's text measured for letters: the shortcut that looks for addresses and template
fields only where they can be gives every text the share the full search gives."""

import polars as pl
import pytest

from toolkit.table_bodies import _NOT_WORDS, FALLBACK, _letter_shares, bodies

TEXTS = [
    "Talks in Minsk went on for hours.",
    "Visit www.sportbox.ru for more.",
    "Source: ria.ru/20210509/ , - .",
    "{$T.t.pub_date} {$T.t.title}",
    "/html/head/meta[@name='og:title']/@content https://ria.ru/x",
    ", 9 . - , .",
    "12 345 678",
    "Переговоры в Минске. Подробнее на tass.ru",
    "e.g. the U.S. and U.K. said so.",
    "",
    None,
    "   ",
    "总统普京与卢卡申科举行会谈。来源：xinhuanet.com",
]


def _full(texts: pl.Series, chars: pl.Series) -> pl.Series:
    return texts.str.replace_all(_NOT_WORDS, "").str.count_matches(r"\p{L}") / chars


@pytest.mark.parametrize("text", TEXTS)
def test_the_letter_share_is_the_full_search_s(text):
    texts = pl.Series([text], dtype=pl.String)
    chars = texts.str.len_chars() - texts.str.count_matches(r"\s")
    got, want = _letter_shares(texts, chars).to_list(), _full(texts, chars).to_list()
    assert got == want or (got[0] != got[0] and want[0] != want[0])  # NaN for no characters


def test_a_letterless_body_is_read_from_its_summary_with_its_share():
    frame = pl.DataFrame(
        {
            "text": ["Visit www.sportbox.ru", "Talks in Minsk.", ", 9 . - , ."],
            FALLBACK: ["Sport news.", "Summary.", "Gas prices."],
            "note": [None, None, None],
        }
    )
    out = bodies(frame, "content", "description")
    assert out["text"].to_list() == ["Sport news.", "Talks in Minsk.", "Gas prices."]
    assert out["note"].to_list() == [
        "content holds almost no letters (25%): description read as the text",
        None,
        "content holds almost no letters (0%): description read as the text",
    ]
    assert out.columns == ["text", "note"]
