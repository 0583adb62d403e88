"""A page's headline credits (toolkit.quote_titles, the quotes' field column)."""

import polars as pl
import pytest

import toolkit
from toolkit.quote_titles import reads_title
from toolkit.quotes import QUOTES_SCHEMA

BODY = ("MINSK, 19 December (BelTA) – Belarusian President Aleksandr Lukashenko met Russian "
        "Foreign Minister Sergey Lavrov in Minsk on Thursday.")  # fmt: skip


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a tail credit, its surname resolved to the name the article gives
        ("Minsk, Moscow manage to answer threats despite ‘rough spots’ — Lukashenko",
         [("Aleksandr Lukashenko", "Lukashenko", None,
           "Minsk, Moscow manage to answer threats despite ‘rough spots’", "name")]),
        # a speech act, a role resolved to the one person the article gives it
        ("Russian top diplomat says ties with Belarus are at their peak",
         [("Sergey Lavrov", "Russian top diplomat", "say", "ties with Belarus are at their peak",
           "description")]),
        # a headline that credits no one, and none at all
        ("Lukashenko and Lavrov meet in Minsk", []),
        (None, []),
        ("", []),
    ],
)  # fmt: skip
def test_a_page_title_s_credits_are_rows_of_the_title(title, expected):
    corpus = pl.DataFrame({"doc_id": ["p"], "text": [BODY], "title": [title]},
                          schema={"doc_id": pl.String, "text": pl.String, "title": pl.String})  # fmt: skip
    found = toolkit.quotes(corpus)
    heads = found.filter(pl.col("field") == "title")
    got = heads.select("speaker", "speaker_text", "verb", "quote", "speaker_kind").rows()
    assert got == expected
    for start, end, quote in heads.select("start", "end", "quote").rows():
        assert title[start:end] == quote  # offsets into the title
    assert not heads["direct"].any()
    assert set(found["field"]) <= {"text", "title"}
    assert found.schema == pl.Schema(QUOTES_SCHEMA)


@pytest.mark.parametrize(
    ("text", "title", "read"),
    [
        # a headline table's text is its title; a page that repeats its headline as its first
        # line has it read there, once
        ("Ties are at their peak — Lavrov", "Ties are at their peak — Lavrov", False),
        ("Ties are at their peak — Lavrov\nMINSK, 19 December. The talks ...",
         "Ties are at their peak — Lavrov", False),
        ("MINSK, 19 December. The talks ...", "Ties are at their peak — Lavrov", True),
        ("MINSK, 19 December. The talks ...", "  ", False),
        ("MINSK, 19 December. The talks ...", None, False),
    ],
)  # fmt: skip
def test_a_title_is_read_apart_only_where_the_text_does_not_open_with_it(text, title, read):
    assert reads_title(text, title) is read
    corpus = pl.DataFrame({"doc_id": ["p"], "text": [text], "title": [title]},
                          schema={"doc_id": pl.String, "text": pl.String, "title": pl.String})  # fmt: skip
    found = toolkit.quotes(corpus)
    assert (found["field"] == "title").sum() == (1 if read else 0)
    # Lavrov's credit once where the text or the title gives it, never twice
    assert found.filter(pl.col("speaker") == "Lavrov").height == int("Lavrov" in text or read)


def test_title_credits_come_first_and_leave_the_text_s_rows_as_they_were():
    text = BODY + " “We are allies,” Lukashenko said."
    plain = toolkit.quotes(pl.DataFrame({"doc_id": ["p"], "text": [text]}))
    titled = toolkit.quotes(pl.DataFrame({"doc_id": ["p"], "text": [text],
                                          "title": ["Minsk and Moscow are allies — Lukashenko"]}))  # fmt: skip
    assert titled["field"].to_list() == ["title", *plain["field"]]
    assert titled.filter(pl.col("field") == "text").equals(plain)
