"""A text split over numbered columns (trial U: kremlin.ru's article_full_text_1 ... _10, 30,000
characters a cell) is joined into one text, not read as its summary or its first part."""

import polars as pl
import pytest

from toolkit import ingest
from toolkit.column_parts import joined_parts


@pytest.mark.parametrize(
    ("columns", "joined", "texts"),
    [
        (["title", "article_full_text_1", "article_full_text_2"], "article_full_text",
         ["article_full_text"]),
        (["body1", "body2", "body3"], "body", ["body"]),
        (["текст 1", "текст 2"], "текст", ["текст"]),
        (["tag_1", "tag_2"], None, []),  # not a text: left as it is
        (["text_1", "text_3"], None, []),  # a number missing: not one text's parts
        (["text_2", "text_3"], None, []),  # no first part
        (["text", "text_1", "text_2"], None, []),  # the base is a column, and a part 1 too
        (["text", "text_2", "text_3"], "text", ["text"]),  # the first part unnumbered (trial V)
        (["text_1"], None, []),  # one part is a column of its own
    ],
)  # fmt: skip
def test_which_columns_are_parts(columns, joined, texts):
    frame = pl.DataFrame({c: ["a"] for c in columns})
    out, found, note = joined_parts(frame)
    assert found == texts
    if joined is None:
        assert out.columns == columns and note is None
    else:
        assert joined in out.columns and not any(c.endswith(("1", "2", "3")) for c in out.columns)
        assert out[joined].item() == "a" * (len(columns) - (1 if "title" in columns else 0))


def test_parts_join_as_written_in_order_and_null_stays_null():
    frame = pl.DataFrame(
        {"text_2": ["в.", None, None], "text_1": ["Я не хочу да", "Коротко.", None]}
    )
    out, _, _ = joined_parts(frame)
    assert out["text"].to_list() == ["Я не хочу дав.", "Коротко.", None]


def test_a_kremlin_table_loads_its_whole_texts_with_a_note(tmp_path):
    part = "x" * 30_000
    rows = [
        "title,summary,article_full_text_1,article_full_text_2,article_full_text_3,url",
        f"Talks,Putin met Lukashenko.,{part},Я сейчас не хочу дав,ать оценки.,https://kremlin.ru/d/1",
        "Call,A call.,Короткий текст о звонке.,,,https://kremlin.ru/d/2",
    ]
    (tmp_path / "kremlin.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = ingest(tmp_path)
    texts = result.corpus.sort("record")["text"].to_list()
    assert texts[0].endswith("Я сейчас не хочу давать оценки.") and len(texts[0]) > 30_000
    assert texts[1] == "Короткий текст о звонке."
    notes = result.report.filter(pl.col("status") == "loaded")["note"].to_list()
    assert all("article_full_text_1 ... article_full_text_3 joined in order" in n for n in notes)
    assert not any("summary column read as the text" in n for n in notes)
