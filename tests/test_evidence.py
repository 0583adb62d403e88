"""toolkit.evidence: the lines and passages behind a number."""

import datetime as dt
import re

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import evidence


def corpus() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": ["b", "a", "c"],
            "outlet": ["TASS", "BelTA", None],
            "published": [dt.date(2022, 1, 2), dt.date(2022, 1, 1), None],
            "title": ["Second", "First", "Undated"],
            "text": [
                "Lukashenko's visit to the Union State summit. The U.S. sanctions were noted.",
                "Minsk hosts the union of the state talks; Union State budget agreed.",
                "Sanctioned firms and sanctions again: the Union State.",
            ],
        }
    )


@pytest.mark.parametrize(
    ("term", "stop_words", "text", "found"),
    [
        ("union state", (), "the Union State budget", ["Union State"]),
        ("union state", ("of", "the"), "the union of the state", ["union of the state"]),
        ("union state", (), "the union of the state", []),  # "of" is no stop word here
        ("lukashenko", (), "Lukashenko's aide", ["Lukashenko's"]),
        ("lukashenko", (), "Lukashenkoism", []),  # whole words only
        ("sanction*", (), "Sanctioned, sanctions", ["Sanctioned", "sanctions"]),
        ("u.s.", (), "The U.S. said", ["U.S."]),
        ("belarus-russia", (), "Belarus-Russia ties", ["Belarus-Russia"]),
        ("минск", (), "В Минске и Минск", ["Минск"]),
        ("a+b", (), "a+b and aab", ["a+b"]),  # regex characters are literal
    ],
)
def test_term_regex_finds_terms_as_the_tokeniser_writes_them(term, stop_words, text, found):
    pattern = evidence.term_regex(term, stop_words=stop_words)
    assert [m.group() for m in re.finditer(pattern, text)] == found


def test_kwic_gives_each_hit_with_its_document_and_context():
    lines = evidence.kwic(corpus(), ["union state"], window=3)
    expected = pl.DataFrame(
        {
            "key": ["union state"] * 3,
            "doc_id": ["a", "b", "c"],
            # an article of no outlet under the name the other tables give it (trial Z)
            "outlet": ["BelTA", "TASS", "(unknown)"],
            "published": [dt.date(2022, 1, 1), dt.date(2022, 1, 2), None],
            "title": ["First", "Second", "Undated"],
            "left": ["the state talks;", "visit to the", "sanctions again: the"],
            "match": ["Union State"] * 3,
            "right": ["budget agreed.", "summit. The U.S.", "."],
        },
        schema=evidence.KWIC_SCHEMA,
    )
    # in "a", "union of the state" is not the term: no stop words were given
    assert_frame_equal(lines, expected)


@pytest.mark.parametrize(
    ("terms", "per_key", "by", "keys"),
    [
        ({"Sanctions": ["sanction*"], "Union": ["union state"]}, None, None,
         ["Sanctions", "Sanctions", "Sanctions", "Union", "Union", "Union"]),
        ({"Sanctions": ["sanction*"]}, 1, None, ["Sanctions"]),
        ({"Sanctions": ["sanction*"]}, 1, "outlet", ["Sanctions", "Sanctions"]),
        (["nothing here"], None, None, []),
        ([], None, None, []),
    ],
)  # fmt: skip
def test_kwic_keys_limits_per_key_and_group(terms, per_key, by, keys):
    lines = evidence.kwic(corpus(), terms, per_key=per_key, by=by)
    assert lines["key"].to_list() == keys
    assert lines.columns == list(evidence.KWIC_SCHEMA)


def test_kwic_without_optional_columns_leaves_them_null():
    lines = evidence.kwic(pl.DataFrame({"doc_id": ["x"], "text": ["Union State"]}), ["union"])
    assert lines.row(0, named=True) == {
        "key": "union", "doc_id": "x", "outlet": None, "published": None, "title": None,
        "left": "", "match": "Union", "right": "State",
    }  # fmt: skip


def test_quote_lines_name_the_unknown_speaker_and_carry_the_document():
    found = pl.DataFrame(
        {"doc_id": ["a", "b"], "start": [0, 5], "end": [4, 9], "speaker": [None, "Putin"],
         "speaker_text": ["he", "Putin"], "verb": ["say", "note"], "quote": ["x", "y"],
         "direct": [True, False], "speaker_kind": ["pronoun", "name"]}
    )  # fmt: skip
    lines = evidence.quote_lines(found, corpus(), unknown="(not said)")
    assert lines.select("key", "verb", "outlet", "title").rows() == [
        ("(not said)", "say", "BelTA", "First"),
        ("Putin", "note", "TASS", "Second"),
    ]


@pytest.mark.parametrize(
    ("chars", "passage"),
    [
        (20, "Lukashenko's visit ..."),
        (500, "Lukashenko's visit to the Union State summit. The U.S. sanctions were noted."),
    ],
)
def test_passages_cut_at_a_word(chars, passage):
    keys = pl.DataFrame({"key": [3], "doc_id": ["b"]})
    out = evidence.passages(corpus(), keys, chars=chars)
    assert out.row(0, named=True) | {} == {
        "key": "3", "doc_id": "b", "outlet": "TASS", "published": dt.date(2022, 1, 2),
        "title": "Second", "passage": passage,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("exceptions", "matches"),
    [
        ({}, ["Brotherhood", "brother", "brotherly"]),
        ({"kin": ["muslim brotherhood"]}, ["brother", "brotherly"]),
        ({"kin": ["muslim brotherhood", "his brother*"]}, ["brotherly"]),
        ({"other": ["brother*"]}, ["Brotherhood", "brother", "brotherly"]),  # another key's
    ],
)
def test_kwic_leaves_out_matches_inside_a_keys_exceptions(exceptions, matches):
    docs = pl.DataFrame({"doc_id": ["a"], "text": ["Muslim Brotherhood; his brother; brotherly"]})
    lines = evidence.kwic(docs, {"kin": ["brother*"]}, exceptions=exceptions)
    assert lines["match"].to_list() == matches


@pytest.mark.parametrize(
    ("titles", "docs_found"),
    [(False, ["b"]), (True, ["a", "b"])],  # a names Belarus in its title only
)
def test_keyword_lines_can_search_titles_as_the_trends_query_does(titles, docs_found):
    docs = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["TASS", "TASS"],
            "published": [None, None],
            "title": ["Belarus and Russia sign a treaty", "Talks"],
            "text": ["The two presidents met on Friday.", "Belarusian officials arrived."],
        }
    )
    lines = evidence.kwic(docs, ["belarus*"], window=3, titles=titles)
    assert sorted(lines["doc_id"].unique()) == docs_found
    if titles:
        assert lines.filter(pl.col("doc_id") == "a")["match"].to_list() == ["Belarus"]


@pytest.mark.parametrize(
    ("part", "left", "shown"),
    [
        ("Minsk and Moscow signed the Union", True, "signed the Union"),
        (" State programmes on Friday.", False, "State programmes on"),
        # Chinese sets no spaces: words as jieba cuts them (trial M: 1 to 244 "words" a side)
        ("央视网消息：国家主席习近平同白俄罗斯总统", True, "同白俄罗斯总统"),
        ("通电话。双方表示，要继续加强合作。", False, "通电话。双方表示，"),
    ],
)
def test_the_context_of_a_match_is_window_words_in_any_script(part, left, shown):
    assert evidence.context(part, 3, left=left) == shown


def test_passages_of_given_texts_are_cut_from_them_with_their_documents_columns():
    keys = pl.DataFrame(
        {"key": ["0: visit"], "doc_id": ["b"], "text": ["The sanctions were noted."]}
    )
    out = evidence.passages(corpus(), keys, chars=15)
    assert out.select("key", "outlet", "title", "passage").row(0) == (
        "0: visit", "TASS", "Second", "The sanctions ..."
    )  # fmt: skip


def test_kwic_reads_on_until_every_group_has_its_lines():
    docs = pl.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(6)],
            "outlet": ["TASS"] * 5 + ["BelTA"],
            "published": [dt.date(2022, 1, i + 1) for i in range(6)],
            "title": ["t"] * 6,
            "text": ["The Muslim Brotherhood met."] + ["Brotherly peoples."] * 5,
        }
    )
    lines = evidence.kwic(docs, {"kin": ["brother*"]}, per_key=1, by="outlet",
                          exceptions={"kin": ["muslim brotherhood"]})  # fmt: skip
    # TASS's first match is inside the except phrase: its line is the next document's
    assert lines.select("outlet", "doc_id").rows() == [("TASS", "d1"), ("BelTA", "d5")]


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("jan panel", "the Jan. 6 panel said", "Jan. 6 panel"),  # the bigram skips the number
        ("jan panel", "Jan 1,200 panel", "Jan 1,200 panel"),
        ("jan panel", "Jan 6km panel", None),  # "6km" is a token: no bigram of the two
        ("union state", "Union of State", None),  # a stop word only where it is given
        # Chinese sets no spaces: a bigram's words stand together (trial S: 3,210 lines, none)
        ("央视 记者", "据央视记者报道", "央视记者"),
        ("例 境外", "新增2例。境外输入", "例。境外"),
        ("美国 记者", "美国CNN记者", None),  # "cnn" stands between: no bigram of the two
    ],
)
def test_a_terms_words_may_stand_apart_as_the_tokeniser_reads_them(term, text, found):
    m = re.search(evidence.term_regex(term), text)
    assert (m.group() if m else None) == found
