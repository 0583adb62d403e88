"""Records that share an id: repeats reported, a translation under its original's URL kept."""

import hashlib

import polars as pl
import pytest

from toolkit import ingest

RU = (
    "Президент России Владимир Путин провёл переговоры с Президентом Белоруссии Александром "
    "Лукашенко. Стороны обсудили сотрудничество в рамках Союзного государства."
)
EN = (
    "Russian President Vladimir Putin held talks with the President of Belarus Alexander "
    "Lukashenko. The sides discussed cooperation within the Union State and the economy."
)
URL = "https://www.1tv.ru/news/2021-09-09/1"


def _table(tmp_path, rows):
    lines = ["title,text,url"] + [f'{t},"{x}",{URL}' for t, x in rows]
    (tmp_path / "a.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ingest(tmp_path)


@pytest.mark.parametrize(
    ("rows", "loaded", "skipped"),
    [
        # an original and its translation under one URL: two documents
        ([("Переговоры", RU), ("Talks", EN)], ["Переговоры", "Talks"], []),
        # a second copy in the same language is a repeat, whatever its language
        ([("Talks", EN), ("Talks again", EN)], ["Talks"], [3]),
        ([("Переговоры", RU), ("Talks", EN), ("Talks again", EN)], ["Переговоры", "Talks"], [4]),
        # a language the text does not tell settles nothing: a repeat
        ([("Переговоры", RU), ("1", "12345 67890")], ["Переговоры"], [3]),
    ],
)
def test_a_repeated_url_in_another_language_is_another_document(tmp_path, rows, loaded, skipped):
    result = _table(tmp_path, rows)
    assert result.corpus["title"].to_list() == loaded
    assert result.corpus["doc_id"].is_unique().all()
    assert result.skipped["line"].to_list() == skipped
    assert result.skipped["reason"].str.starts_with("duplicate id: same URL as ").all()


def test_the_translation_s_id_and_note(tmp_path):
    result = _table(tmp_path, [("Переговоры", RU), ("Talks", EN)])
    first, second = result.corpus["doc_id"].to_list()
    assert second == hashlib.sha1(f"{first}#en".encode()).hexdigest()[:16]
    assert _table(tmp_path, [("Переговоры", RU), ("Talks", EN)]).corpus["doc_id"][1] == second
    note = result.report.filter(pl.col("line") == 3)["note"].item()
    assert note == (
        f"same URL as '{tmp_path.name}/a.csv' line 2 in another language (ru): kept as its own "
        "document, its id from the URL and its language"
    )
    assert result.report.filter(pl.col("line") == 2)["note"].item() is None
