import pickle
import re

import polars as pl
import pytest
from conftest import corpora  # noqa: F401  (fixture)

import toolkit
from toolkit import tokens
from toolkit.comparison import comparison
from toolkit.errors import ToolkitError
from toolkit.keyness import distinctive_terms
from toolkit.tokens import Tokens, tokens_for

BARE = Tokens.build()  # no stop words: every token shows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. and U.K. officials", ["u.s.", "and", "u.k.", "officials"]),
        ("We don't, they can’t", ["we", "don't", "they", "can't"]),
        ("Lukashenko's re-election", ["lukashenko", "re-election"]),
        ("up 5% over 10km for $3bn, in 2020", ["up", "5%", "over", "10km", "for", "$3bn", "in"]),
        ("Минск—Москва «союз»", ["минск", "москва", "союз"]),
        ("Łukaszenka w Mińsku, café", ["łukaszenka", "w", "mińsku", "café"]),
        ("COVID-19 and Su-35s; snake_case", ["covid-19", "and", "su-35s", "snake_case"]),
        ("the countries' ties", ["the", "countries", "ties"]),
        # a compound that opens with a number is one word; a bare number or score is none
        ("a 27-year-old, a 5-day trip, 2-1", ["a", "27-year-old", "a", "5-day", "trip"]),
    ],
)
def test_the_tokeniser_keeps_abbreviations_contractions_compounds_and_units(text, expected):
    assert BARE.tokens(text) == expected


@pytest.mark.parametrize(
    ("languages", "user", "text", "expected"),
    [
        (
            ["en"],
            [],
            "The talks at Minsk were held in the Union State",
            ["talks", "minsk", "held", "union", "state"],
        ),
        (["en"], ["talks"], "The talks at Minsk", ["minsk"]),
        (["ru"], [], "Переговоры в Минске и в Москве", ["переговоры", "минск", "москва"]),
        (["en"], [], "Putin said he didn't know", ["putin", "said"]),  # reporting verbs are kept
        ([], [], "the at", ["the", "at"]),
        (["be"], [], "the at", ["the", "at"]),  # no list for Belarusian: nothing dropped
    ],
)
def test_stop_words_per_language_plus_the_users(languages, user, text, expected):
    assert Tokens.build(languages, stop_words=user).tokens(text) == expected


@pytest.mark.parametrize(
    ("exclude", "text", "ngram_max", "expected"),
    [
        (["minsk"], "Minsk talks", 2, ["talks"]),
        (["belta*"], "BelTA's Beltaexpo talks", 1, ["talks"]),
        (["*-based"], "Moscow-based outlet", 1, ["outlet"]),
        (["union state"], "union state budget", 2, ["union", "state", "budget", "state budget"]),
        (["u.s."], "U.S. talks", 1, ["talks"]),
    ],
)
def test_excluded_terms_are_exact_words_phrases_or_star_patterns(exclude, text, ngram_max,
                                                                  expected):  # fmt: skip
    assert Tokens.build(exclude_terms=exclude).terms(text, ngram_max=ngram_max) == expected


@pytest.mark.parametrize(
    ("exclude", "text", "found"),
    [
        (["security council"], "The Security  Council on security", ["Security  Council"]),
        (["belta*"], "BelTA and belt", ["BelTA"]),
        (["u.s."], "U.S. bus", ["U.S."]),
    ],
)
def test_the_exclusion_pattern_reads_the_same_in_python_and_polars(exclude, text, found):
    pattern = tokens.exclude_pattern(exclude)
    assert re.findall(pattern, text) == found
    assert pl.Series([text]).str.extract_all(pattern).to_list() == [found]


def test_the_analyzer_pickles_for_scikit_learn_and_bertopic():
    from sklearn.feature_extraction.text import CountVectorizer

    analyzer = pickle.loads(pickle.dumps(Tokens.build(["en"]).analyzer(2)))
    vec = CountVectorizer(analyzer=analyzer).fit(["The U.S. sanctions", "U.S. sanctions bite"])
    assert list(vec.get_feature_names_out()) == ["bite", "sanctions", "sanctions bite", "u.s.",
                                                  "u.s. sanctions"]  # fmt: skip


def test_the_corpus_languages_choose_the_lists():
    docs = pl.DataFrame({"text": ["The talks", "Переговоры в Минске"], "lang": ["en", "ru"]})
    t = tokens_for(docs)
    assert {"the", "в"} <= t.stop
    assert "в" not in tokens_for(docs.drop("lang").head(1)).stop  # told from the text: English


def test_no_stop_word_among_any_groups_top_20_distinctive_terms(corpora):  # noqa: F811
    corpus = toolkit.load_corpus(corpora / "kremlin-2021-22", progress=False)
    top = distinctive_terms(corpus, by="outlet", top=20)
    stop = tokens_for(corpus).stop
    assert top.group_by("group").len()["len"].to_list() == [20, 20]
    assert [t for t in top["term"] if set(t.split()) & stop] == []
    assert len(stop) > 1000  # the English list was read, so the check above can fail


@pytest.mark.parametrize(
    ("languages", "text", "lang", "expected"),
    [
        # Russian words become lemmas, so case forms count as one term; stop words go
        (["ru"], "Президенты провели переговоры в Минске", None,
         ["президент", "провести", "переговоры", "минск"]),
        (["ru"], "санкции, санкций, санкциями", None, ["санкция", "санкция", "санкция"]),
        # Chinese is segmented into words, punctuation and stop words dropped
        (["zh"], "国家主席习近平同俄罗斯总统普京举行视频会晤，双方交换意见。", None,
         ["国家", "主席", "习近平", "俄罗斯", "总统", "普京", "举行", "视频", "会晤", "双方",
          "交换意见"]),
        # Belarusian: the shipped stop list, word forms kept (no Belarusian lemmatiser)
        (["be"], "Прэзідэнт Беларусі правёў нараду ў Мінску і сказаў", None,
         ["прэзідэнт", "беларусі", "правёў", "нараду", "мінску", "сказаў"]),
        # the language given wins over the script: Russian words read as Ukrainian keep forms
        ([], "Президенты провели переговоры", "uk", ["президенты", "провели", "переговоры"]),
        # English is untouched by the Russian and Chinese steps
        (["en", "ru", "zh"], "Putin met Lukashenko in Minsk", None,
         ["putin", "met", "lukashenko", "minsk"]),
    ],
)  # fmt: skip
def test_each_text_is_read_in_its_language(languages, text, lang, expected):
    assert Tokens.build(languages).tokens(text, lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "word", "listed"),
    [
        ("be", "гэта", True),  # the shipped Belarusian list
        ("be", "прэзідэнт", False),
        ("ru", "этого", True),  # stopwords-iso's Russian list, with its lemmas
        ("ru", "этот", True),
        ("ru", "москва", False),  # subject matter, kept (stop_words.yaml)
        ("und", "the", False),
    ],
)
def test_stop_word_lists_per_language(lang, word, listed):
    assert (word in tokens.language_stop_words(lang)) is listed


@pytest.mark.parametrize(
    ("langs", "languages", "language_map", "said", "kept"),
    [
        # one language and short items of unknown language: all kept
        (["en", "en", "und"], [], {}, "within English (3 documents, 1 of them of unknown language)", 3),
        # the most common language; the others left out and counted
        (["en", "ru", "ru", "und"], [], {},
         "within Russian (2 documents); left out: 1 English, 1 unknown language", 2),
        (["en", "ru", "ru"], ["en"], {}, "within English (1 document); left out: 2 Russian", 1),
        # a mapping alone brings its languages in beside the most common one
        (["en", "en", "zh"], [], {"zh": {"制裁": "sanction"}},
         "across English and Chinese through your language_map (1 shared term; 3 documents)", 3),
    ],
)  # fmt: skip
def test_a_comparison_says_which_languages_it_reads(langs, languages, language_map, said, kept):
    docs = pl.DataFrame({"lang": langs, "text": ["x"] * len(langs)})
    c = comparison(docs, languages=languages, language_map=language_map)
    assert c.describe() == said
    assert c.select(docs).height == kept


@pytest.mark.parametrize(
    ("languages", "language_map"),
    [(["en", "ru"], {}), (["en", "ru", "zh"], {"zh": {"制裁": "sanction"}})],
)
def test_languages_meet_only_through_a_mapping_of_all_but_one(languages, language_map):
    docs = pl.DataFrame({"lang": ["en", "ru", "zh"], "text": ["x"] * 3})
    with pytest.raises(ToolkitError, match="language_map"):
        comparison(docs, languages=languages, language_map=language_map)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Russian words through the mapping (written in any case form: lemmatised), the rest out
        ("Санкции против торговли", "ru", ["sanction", "trade"]),
        # the unmapped language keeps only the shared terms
        ("Sanction talks on trade", "en", ["sanction", "trade"]),
    ],
)
def test_mapped_tokens(text, lang, expected):
    t = Tokens.build(language_map={"ru": {"санкциями": "Sanction", "торговля": "trade"}})
    assert t.tokens(text, lang=lang) == expected


def test_an_excluded_chinese_phrase_is_cut_where_it_stands():
    text = "央视网消息（新闻联播）：国家主席习近平同白俄罗斯总统通电话"
    assert re.sub(tokens.exclude_pattern(["央视网消息", "新闻联播"]), " ", text) == (
        " （ ）：国家主席习近平同白俄罗斯总统通电话"
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Подписывайся https://t.me/+abcDEF на канал", "ru", ["подписываться", "канал"]),
        ("Читать t.me/shot_shot и www.mash.ru", "ru", ["читать"]),
        ("Sanctions https://www.reuters.com/world/ imposed", "en", ["sanctions", "imposed"]),
    ],
)
def test_web_addresses_are_no_words(text, lang, expected):
    """Telegram posts end in links: "https t" was a topic's words (trial J)."""
    assert Tokens.build([lang]).tokens(text, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject's own words are no stop words (trial N: война, мир, народ in no list)
        ("Братский народ против войны за мир", ["братский", "народ", "против", "война", "мир"]),
        # an acronym is kept as written, not lemmatised into a guess (БПЛА read "бпнуть")
        ("Атака БПЛА на Москву", ["атака", "бпла", "москва"]),
    ],
)
def test_russian_terms_keep_the_subjects_words_and_acronyms(text, expected):
    assert Tokens.build(["ru"]).tokens(text, lang="ru") == expected


@pytest.mark.parametrize(
    ("languages", "left_out", "expected"),
    [
        (("en",), {}, None),
        (("en",), {"ru": 484}, "in English only: 484 items (484 Russian) are in no row. To count "
         "them in their own language, list it in the section's languages (languages: [en, ru])"),
        (("en",), {"und": 1}, "in English only: 1 item (1 unknown language) is in no row."),
        (("en", "ru"), {"zh": 2, "und": 3}, "in English and Russian only: 5 items (2 Chinese, 3 "
         "unknown language) are in no row. To count them in their own language, list it in the "
         "section's languages (languages: [en, ru, zh])"),
    ],
)  # fmt: skip
def test_a_table_says_which_languages_items_are_in_no_row(languages, left_out, expected):
    """Trial T: the before/after table said 0 items left out of a corpus whose 484 Russian items
    it did not count (its left_out counts the outlets on one side only)."""
    from toolkit.comparison import Comparison

    note = Comparison(languages=languages, left_out=left_out).left_out_note("The tables")
    if expected is None:
        assert note is None
    else:
        assert note.startswith("The tables count the items " + expected)
