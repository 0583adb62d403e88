import polars as pl
import pytest

from toolkit import ToolkitError, segment, split_sentences

CORPUS = pl.DataFrame(
    {
        "doc_id": ["a", "b"],
        "outlet": ["TASS", "BelTA"],
        "text": [
            "Mr. Putin arrived. He met Lukashenko!\n\nTalks began at 10 a.m. on Monday.",
            "One.",
        ],
        "raw_text": ["x", "y"],
    }
)


def test_paragraphs():
    units = segment(CORPUS, "paragraph")
    assert units.select("doc_id", "unit_id", "position", "paragraph", "text", "outlet").rows() == [
        ("a", "a:0", 0, 0, "Mr. Putin arrived. He met Lukashenko!", "TASS"),
        ("a", "a:1", 1, 1, "Talks began at 10 a.m. on Monday.", "TASS"),
        ("b", "b:0", 0, 0, "One.", "BelTA"),
    ]
    assert "raw_text" not in units.columns


def test_sentences():
    units = segment(CORPUS, "sentence")
    assert units.select("unit_id", "paragraph", "text", "n_words").rows() == [
        ("a:0", 0, "Mr. Putin arrived.", 3),
        ("a:1", 0, "He met Lukashenko!", 3),
        ("a:2", 1, "Talks began at 10 a.m. on Monday.", 8),
        ("b:0", 0, "One.", 1),
    ]


def test_article_unit_is_one_row_per_document():
    assert segment(CORPUS, "article")["text"].to_list() == CORPUS["text"].to_list()


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("“We will meet more often.” He smiled.", ["“We will meet more often.”", "He smiled."]),
        (
            "V. Putin and A. Lukashenko met. The U.S. objected.",
            ["V. Putin and A. Lukashenko met.", "The U.S. objected."],
        ),
        ("Trade reached $40.5 billion. Good.", ["Trade reached $40.5 billion.", "Good."]),
        ("No end", ["No end"]),
    ],
)
def test_split_sentences(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


def test_bad_unit():
    with pytest.raises(ToolkitError, match="unit must be"):
        segment(CORPUS, "word")


@pytest.mark.parametrize(
    ("unit", "n_words"),
    [("article", [9, 3]), ("paragraph", [4, 5, 3]), ("sentence", [4, 5, 3])],
)
def test_chinese_units_count_jieba_words(unit, n_words):
    """jieba's 总统 / 普京 / 访问 / 明斯克 and 两 / 国 / 签署 / 合作 / 协议: not one word a paragraph."""
    corpus = pl.DataFrame(
        {
            "doc_id": ["zh", "en"],
            "text": ["总统普京访问明斯克。\n\n两国签署合作协议。", "Talks in Minsk."],
            "lang": ["zh", "en"],
        }
    )
    assert segment(corpus, unit)["n_words"].to_list() == n_words


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # a sentence may open with a Latin Extended-A or Latin-1 capital
        ("Slovakia supported Ukraine. Čaputová said so.", ["Slovakia supported Ukraine.", "Čaputová said so."]),
        ("The talks ended. Élysée officials left.", ["The talks ended.", "Élysée officials left."]),
        ("He met V. Putin. Łukasz Kamiński spoke.", ["He met V. Putin.", "Łukasz Kamiński spoke."]),
    ],
)  # fmt: skip
def test_sentences_open_with_accented_capitals(paragraph, expected):
    assert split_sentences(paragraph) == expected
