"""Telegram's Markdown in a table's text (Telethon's ``message.text``): marks removed where the
table holds enough of them, with a note; plain tables untouched."""

import polars as pl
import pytest

from toolkit import ingest
from toolkit.records import Table
from toolkit.table_markdown import unmarked

# texts of a public Telethon export of BBC Russian's channel (NKTKLN/telegram-news-classifier,
# data/raw/1001003921752_messages.json), shortened
BBC = [
    "**Евросоюз снизил охранный статус волков\n**\nРешение вступит в силу 7 марта.",
    "[Поводом](https://www.bbc.com/russian/articles/c03j72z2970o) стал рост популяции.",
    "Текстовую версию: [https://bbc.in/4g96wyS](https://bbc.in/4g96wyS)",
    "**__Предупреждение: материал содержит описания__**",
    "__Читать нас без VPN можно здесь: ____bit.ly/bbcrussian__",
]


@pytest.mark.parametrize(
    ("texts", "expected", "noted"),
    [
        (
            BBC,
            ["Евросоюз снизил охранный статус волков\n\nРешение вступит в силу 7 марта.",
             "Поводом стал рост популяции.",
             "Текстовую версию: https://bbc.in/4g96wyS",
             "Предупреждение: материал содержит описания",
             "Читать нас без VPN можно здесь: bit.ly/bbcrussian"],
            True,
        ),
        # a few stars in plain text are no Markdown: under 5% of the rows
        (["Rating: **** out of five"] + ["Plain text"] * 30,
         ["Rating: **** out of five"] + ["Plain text"] * 30, False),
        (["A bold **claim** here"] + ["Plain text"] * 30,
         ["A bold **claim** here"] + ["Plain text"] * 30, False),
        (["Talks in Minsk", None], ["Talks in Minsk", None], False),
        ([None, None], [None, None], False),
    ],
)  # fmt: skip
def test_marks_removed_where_the_table_is_markdown(texts, expected, noted):
    table = unmarked(Table("t.json", pl.DataFrame({"text": texts}, schema={"text": pl.String})))
    assert table.frame["text"].to_list() == expected
    assert (table.file_note is not None) == noted


def test_the_note_reaches_every_row_of_the_load_report(tmp_path):
    rows = "\n".join(
        f'{{"text": {t!r}}}'.replace("'", '"') for t in ["**Talks** in Minsk", "Plain"]
    )
    (tmp_path / "posts.jsonl").write_text(rows, encoding="utf-8")
    result = ingest(tmp_path)
    assert result.corpus["text"].to_list() == ["Talks in Minsk", "Plain"]
    assert all("text read as Telegram Markdown (1 of 2 rows" in n for n in result.report["note"])
