import polars as pl
import pytest

from toolkit.lang import language, word_count


@pytest.mark.parametrize(
    ("text", "lang", "n_words"),
    [
        ("The talks in Minsk went on.", "en", 6),
        ("Переговоры в Минске продолжились.", "ru", 4),
        ("Перамовы ў Мінску.", "be", 3),
        ("Переговори у Мінську тривали.", "uk", 4),
        ("明斯克会谈", "zh", 1),
        ("La reunión había terminado.", "und", 4),
        ("Lukashenko’s well-known talks", "und", 3),  # one word across ’ and -
    ],
)
def test_language_and_word_count(text, lang, n_words):
    frame = pl.DataFrame({"text": [text]}).select(
        word_count(pl.col("text")).alias("n"),
        language(pl.col("text"), word_count(pl.col("text"))).alias("lang"),
    )
    assert frame.row(0) == (n_words, lang)


def test_a_long_text_is_judged_by_its_opening():
    text = "The talks went on. " * 120 + "Переговоры " * 2000  # English in the first 2000
    frame = pl.DataFrame({"text": [text]})
    assert frame.select(language(pl.col("text"), word_count(pl.col("text")))).item() == "en"
