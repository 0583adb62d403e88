"""A table row's text measured for letters: the shortcut that looks for addresses and template
fields only where they can be gives every text the share the full search gives."""

import polars as pl
import pytest

from toolkit.lang import undecoded
from toolkit.table_bodies import _NOT_WORDS, FALLBACK, _letter_shares, _stripped, bodies

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


def _stripped_everywhere(text: pl.Expr, summary: pl.Expr) -> pl.Expr:
    # the test as one expression over every row (the marks counted in every text)
    script = [(text.str.count_matches(rf"\p{{{s}}}"), summary.str.count_matches(rf"\p{{{s}}}"))
              for s in ("Cyrillic", "Han")]  # fmt: skip
    lacks = pl.any_horizontal((body == 0) & (given >= 20) for body, given in script)
    tokens = text.str.count_matches(r"\S+")
    orphans = text.str.count_matches(r"(?:^|\s)[^\w\s]+(?:\s|$)")
    clean = ~undecoded(summary) & (summary.str.len_chars() > 0)
    return (lacks & (orphans >= 0.1 * tokens)) | (undecoded(text) & clean)


def test_marks_left_alone_are_counted_only_where_the_script_is_lacking():
    lede = "МОСКВА, 9 мая — РИА Новости. В День Победы в Москве прошёл парад."
    rows = [
        ("Moskovski Capital , - -, 100 1 . , . IT- Moskovski Capital Glassnode. Twitter", lede),
        ("Lukashenko met Putin in Minsk on Friday.", lede),  # lacks Cyrillic, but prose
        ("Talks in Minsk , - .", "Talks in Minsk went on."),  # a summary without the script
        ("������Ѷ��5��18�գ��������������", lede),
        (None, lede),
        (", 9 . - , .", None),
        (
            "总统 , 。 - .",
            "总统普京与卢卡申科举行会谈。新华社北京4月24日电 题：促进航天技术更好惠及人民",
        ),
        (
            "Putin , - . , 。",
            "总统普京与卢卡申科举行会谈。新华社北京4月24日电 题：促进航天技术更好惠及人民",
        ),
    ] * 2
    texts = pl.Series([r[0] for r in rows], dtype=pl.String)
    summaries = pl.Series([r[1] for r in rows], dtype=pl.String)
    want = pl.DataFrame({"t": texts, "s": summaries}).select(
        _stripped_everywhere(pl.col("t"), pl.col("s"))
    )
    got = _stripped(texts, summaries)
    assert got.fill_null(False).to_list() == want.to_series().fill_null(False).to_list()
    assert got.fill_null(False).to_list()[:8] == [
        True,
        False,
        False,
        True,
        False,
        False,
        False,
        True,
    ]
