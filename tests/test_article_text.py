"""An article as the analyses read it: its title and its text, the title's words counted."""

import polars as pl
import pytest

from toolkit.article_text import read_whole, with_titles


@pytest.mark.parametrize(
    ("title", "text", "n_words", "lang", "read", "words"),
    [
        (
            "Talks in Minsk",
            "Gas was discussed.",
            3,
            "en",
            "Talks in Minsk\n\nGas was discussed.",
            6,
        ),
        # a text that opens with its title (a page's headline line) is read once
        ("Talks in Minsk", "Talks in Minsk. Gas.", 4, "en", "Talks in Minsk. Gas.", 4),
        (None, "Gas.", 1, "en", "Gas.", 1),
        ("  ", "Gas.", 1, "en", "Gas.", 1),
        # Chinese words as jieba cuts them ("总统", "普京", "会见"), as the corpus counts
        ("总统普京会见", "双方会谈。", 2, "zh", "总统普京会见\n\n双方会谈。", 5),
        # Japanese words are not counted: the count stays unknown
        ("首相が会見", "会談した。", None, "ja", "首相が会見\n\n会談した。", None),
    ],
)
def test_an_article_is_read_as_its_title_and_text(title, text, n_words, lang, read, words):
    docs = pl.DataFrame(
        {"title": [title], "text": [text], "n_words": [n_words], "lang": [lang]},
        schema={"title": pl.String, "text": pl.String, "n_words": pl.Int64, "lang": pl.String},
    )
    out = read_whole(docs)
    assert out.select("text", "n_words").row(0) == (read, words)
    assert with_titles(docs)["text"].item() == read
    assert read_whole(out)["text"].item() == read  # read once, however often it is asked


def test_without_titles_the_documents_are_as_they_were():
    docs = pl.DataFrame({"text": ["Gas."], "n_words": [1]})
    assert read_whole(docs).equals(docs)
