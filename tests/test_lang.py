import datetime as dt

import polars as pl
import pytest

from toolkit.lang import (
    UNCOUNTED_NOTE,
    chinese_words,
    language,
    languages,
    script_language,
    word_count,
    word_counts,
)


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


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Belarusian without ў: і with ы or э, which Ukrainian lacks
        ("МІНСК, 9 верасня. /БЕЛТА/. Прэзідэнт Беларусі правёў нараду.", "be"),
        ("МИНСК, 9 сентября. /БЕЛТА/. Президент Беларуси провел совещание.", "ru"),
        ("МОСКВА, 19 декабря. /ТАСС/. Президент России встретился с коллегой.", "ru"),
        ("新华社北京12月20日电 外交部发言人汪文斌20日表示。", "zh"),
        ("Президент України провів нараду в Києві.", "uk"),
    ],
)
def test_language_of_agency_copy(text, lang):
    frame = pl.DataFrame({"text": [text]})
    assert frame.select(language(pl.col("text"), word_count(pl.col("text")))).item() == lang


# Real texts, not written here: the Belarusian, Ukrainian and Bulgarian samples of
# Lingua::Identify::CLD's language test (a BelTA-style report, Ukraine's constitution), and a
# BBC Russian Telegram post (NKTKLN/telegram-news-classifier, data/raw/1001003921752_messages.json,
# record 591) that quotes one Ukrainian name: one і among hundreds of и, ы and э is Russian.
# More samples of the same language-identification test (Lingua::Identify::CLD), and headlines
# of the real statemedia-headlines corpus that name "von der Leyen", "UN" or "Los Angeles":
# English function words shared with other languages ("a", "at", "for", "an") no longer make a
# Spanish, Danish or Irish text English.
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Las normas relativas a los derechos fundamentales y a las libertades que la "
         "Constitución reconoce se interpretarán de conformidad con la Declaración Universal de "
         "Derechos Humanos", "und"),
        ("Som noget af det første her i det nye år, er jeg gået i gang med at lave en del "
         "ændringer på siden og disse vil for alvor komme til at slå igennem i løbet af de næste "
         "måneder.", "und"),
        ("Saolaítear na daoine uile saor agus comhionann ina ndínit agus ina gcearta. Tá bua an "
         "réasúin agus an choinsiasa acu agus dlíd iad féin d'iompar de mheon bráithreachais i "
         "leith a chéile.", "und"),
        ("confiscation of goods is assigned as the penalty part most of the courts consist of "
         "members and when it is necessary to bring public cases before a jury", "en"),
        ("EU prepared for Russian gas cut-off: von der Leyen", "en"),
        ("Leaving Los Angeles: Porn industry flees condom requirements, welcomed to Las Vegas",
         "en"),
        ("UN alarm as Ukraine nuclear power plant shelled again", "en"),
        # an English post with a Japanese greeting (statemedia-headlines, RT) stays English
        ("welcome to #russia ! ようこそ！ the japanese national football team arrived in #kazan "
         "ahead of the world cup", "en"),
    ],
)  # fmt: skip
def test_english_is_not_claimed_for_other_languages_by_the_words_they_share(text, lang):
    frame = pl.DataFrame({"text": [text]})
    assert frame.select(language(pl.col("text"), word_count(pl.col("text")))).item() == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Следчы камітэт на працягу 2012 года павінен дакладна выбудаваць сваю работу і стаць "
         "паўнацэннай дзейснай структурай. Такую задачу паставіў 9 студзеня Прэзідэнт Рэспублікі "
         "Беларусь Аляксандр Лукашэнка, прымаючы з дакладам Старшыню Следчага камітэта Валерыя "
         "Вакульчыка.", "be"),
        ("Верховна Рада України від імені Українського народу - громадян України всіх "
         "національностей, виражаючи суверенну волю народу, спираючись на багатовікову історію "
         "українського державотворення", "uk"),
        ("Число погибших в Сумах выросло до 11 — власти. Число погибших в Сумах в результате "
         "российского ракетного удара выросло до 11. Об этом сообщает издание «Суспільне» со "
         "ссылкой на и. о. мэра города Артема Кобзаря. Ранены, по данным Кобзаря, 68 человек.",
         "ru"),
        ("Добре поддържаната коса придава допълнително самочувствие и на всяка жена.", "ru"),
        # Japanese: kana among the Han characters (the opening of the Asahi Shimbun page of
        # flairNLP/fundus' test data, tests/resources/parser/test_data/jp); Chinese has none
        ("宮崎県で震度5弱、高知と宮崎に1メートルの津波注意報 気象庁 気象庁は13日、午後9時19分ごろ、"
         "日向灘で震度5弱の地震があったと発表した。", "ja"),
        ("新华社北京4月24日电 题：促进航天技术更好惠及人民", "zh"),
    ],
)  # fmt: skip
def test_a_language_is_told_by_counting_its_letters(text, lang):
    frame = pl.DataFrame({"text": [text]})
    assert frame.select(language(pl.col("text"), word_count(pl.col("text")))).item() == lang
    assert script_language(text) == lang


def test_the_stepwise_language_over_a_column_is_the_expression_s():
    # every text of the tables above, a long one, an empty one, a null and an undecoded one
    tables = (
        test_language_and_word_count,
        test_language_of_agency_copy,
        test_english_is_not_claimed_for_other_languages_by_the_words_they_share,
        test_a_language_is_told_by_counting_its_letters,
    )
    texts = [case[0] for test in tables for case in test.pytestmark[0].args[1]]
    texts += ["The talks went on. " * 120 + "Переговоры " * 2000, "", None, "\ufffd" * 5 + "ab"]
    frame = pl.DataFrame({"text": texts}).with_columns(word_count(pl.col("text")).alias("n"))
    expected = frame.select(language(pl.col("text"), pl.col("n")).alias("lang"))
    stepwise = languages(frame["text"], frame["n"])
    assert stepwise.name == "lang" and stepwise.len() == len(texts)
    assert stepwise.to_list() == expected["lang"].to_list()
    assert set(expected["lang"].drop_nulls()) == {"en", "ru", "be", "uk", "zh", "ja", "und"}


# One page per row: the page, and what the corpus row must say (outlet, dateline, date, lang).
# A dateline without a year gets one only from evidence (here the file name), never the current
# year: the same page under a dateless name stays undated.
_PAGES = [
    (
        "2022-12-19 tass.txt",
        "Путин и Лукашенко провели переговоры\n\nМОСКВА, 19 декабря. /ТАСС/. Президент России "
        "Владимир Путин провел переговоры с Александром Лукашенко в Минске.\n",
        ("TASS", "МОСКВА", dt.date(2022, 12, 19), "ru"),
    ),
    (
        "tass-undated.txt",
        "Путин и Лукашенко провели переговоры\n\nМОСКВА, 19 декабря. /ТАСС/. Президент России "
        "Владимир Путин провел переговоры с Александром Лукашенко в Минске.\n",
        ("TASS", "МОСКВА", None, "ru"),
    ),
    (
        "2021-09-09 belta-ru.txt",
        "Беларусь и Россия согласовали программы\n\nМИНСК, 9 сентября. /БЕЛТА/. Беларусь и "
        "Россия согласовали все союзные программы, сообщил премьер-министр.\n",
        ("BelTA", "МИНСК", dt.date(2021, 9, 9), "ru"),
    ),
    (
        "2021-09-09 belta-be.txt",
        "Беларусь і Расія ўзгаднілі праграмы\n\nМІНСК, 9 верасня. /БЕЛТА/. Беларусь і Расія "
        "ўзгаднілі ўсе саюзныя праграмы, паведаміў прэм'ер-міністр.\n",
        ("BelTA", "МІНСК", dt.date(2021, 9, 9), "be"),
    ),
    (
        "belta-stamped.txt",
        "Беларусь и Россия согласовали программы\n\n9 сентября 2021 г.\n\nМИНСК, 9 сентября. "
        "/БЕЛТА/. Беларусь и Россия согласовали все союзные программы.\n",
        ("BelTA", "МИНСК", dt.date(2021, 9, 9), "ru"),
    ),
    (
        "xinhua-zh.txt",
        "中俄领导人举行视频会晤\n\n2022年12月20日07:48\n\n新华社北京12月20日电 国家主席习近平"
        "同俄罗斯总统普京举行视频会晤，双方就中俄关系交换意见。\n",
        ("Xinhua", "北京", dt.date(2022, 12, 20), "zh"),
    ),
]


@pytest.mark.parametrize(("name", "page", "expected"), _PAGES, ids=[p[0] for p in _PAGES])
def test_russian_belarusian_and_chinese_pages(tmp_path, name, page, expected):
    from toolkit.load import load_corpus

    (tmp_path / name).write_text(page, encoding="utf-8")
    row = load_corpus(tmp_path).row(0, named=True)
    assert (row["outlet"], row["dateline"], row["published"], row["lang"]) == expected


@pytest.mark.parametrize(
    ("text", "lang", "n_words"),
    [
        # jieba: 总统 / 普京 / 访问 / 明斯克; the Latin words by the pattern
        ("总统普京访问明斯克", "zh", 4),
        ("总统普京访问明斯克, talks in Minsk", "zh", 7),
        # a headline of a public China-Dashboard file: 巴基斯坦 / 总理 / 美伊 / 和平 / 协议 / 或 /
        # 在 / 24 / 小时 / 内 / 敲定 / 国际 (the pattern alone counted 3)
        ("巴基斯坦总理：美伊和平协议或在24小时内敲定--国际", "zh", 12),
        ("Talks in Minsk", "en", 3),  # other languages: the pattern's count, unchanged
        ("Переговоры в Минске", "ru", 3),
        ("宮崎県で震度5弱", "ja", None),  # no segmenter for Japanese: left uncounted
        (None, "zh", None),
    ],
)
def test_word_counts_segment_chinese_and_leave_japanese_uncounted(text, lang, n_words):
    texts = pl.Series([text], dtype=pl.String)
    counted = word_counts(texts.str.count_matches(r"\w+(?:[’'\-]\w+)*"), texts, pl.Series([lang]))
    assert counted.to_list() == [n_words]


def test_a_japanese_text_says_its_words_are_not_counted(tmp_path):
    from toolkit import ingest

    (tmp_path / "a.txt").write_text("宮崎県で震度5弱の地震が発生しました。\n", encoding="utf-8")
    result = ingest(tmp_path)
    row = result.corpus.row(0, named=True)
    assert (row["lang"], row["n_words"]) == ("ja", None)
    assert result.report["note"].to_list() == [UNCOUNTED_NOTE]


@pytest.mark.parametrize(
    ("run", "words"),
    [
        # names jieba's dictionary cuts apart, whole from the bundled word list (trial M)
        ("泽连斯基会见马克龙", ["泽连斯基", "会见", "马克龙"]),
        ("佩斯科夫说", ["佩斯科夫", "说"]),
        ("斯托尔滕贝格表示", ["斯托尔滕贝格", "表示"]),
        ("普京同卢卡申科通电话", ["普京", "同", "卢卡申科", "通电话"]),
        # WHO's short name: jieba read "和世卫" as a person's name (trial S, People's Daily)
        ("决议和世卫组织组织法", ["决议", "和", "世卫组织", "组织法"]),
    ],
)
def test_leaders_names_are_one_word(run, words):
    assert chinese_words(run) == words


def test_jieba_is_loaded_once_when_threads_ask_at_once(monkeypatch):
    """Duplicate detection tokenises on two threads: both asking for jieba at its first use
    must not both add the project's words (rjieba raised "Already borrowed" when they did)."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    from toolkit import lang

    calls = []

    def slow_words():
        calls.append(threading.get_ident())
        time.sleep(0.05)  # the window in which a second thread would enter
        return []

    lang._loaded_rjieba.cache_clear()
    monkeypatch.setattr(lang, "_extra_words", slow_words)
    try:
        with ThreadPoolExecutor(4) as pool:
            cut = list(pool.map(lang.chinese_words, ["总统普京"] * 8))
    finally:
        lang._loaded_rjieba.cache_clear()  # the next use adds the real words again
    assert len(calls) == 1
    assert {tuple(c) for c in cut} == {("总统", "普京")}
