import pytest

from toolkit.frames import frames_note, matches_none, script_note, unmatchable

QUERY = ["belarus*", "lukashenk*", "minsk", "union state"]


@pytest.mark.parametrize(
    ("terms", "languages", "cannot"),
    [
        (QUERY, ["ru"], QUERY),  # Latin terms against Russian text
        (QUERY, ["zh"], QUERY),
        (QUERY, ["be"], QUERY),
        (QUERY, ["en"], []),
        (["минск", "беларус*"], ["en"], ["минск", "беларус*"]),  # Cyrillic against English
        (["минск", "minsk"], ["ru"], ["minsk"]),
        (["минск", "minsk"], ["en", "ru"], []),  # across languages: each matches one
        (["明斯克", "minsk"], ["zh"], ["minsk"]),
        (["明斯克"], ["ja"], []),  # Han is written in Japanese too
        (["2020", "*"], ["ru"], []),  # no letters: nothing to judge
        (QUERY, ["und"], []),  # an unknown language judges no term
        (QUERY, [], []),
    ],
)
def test_unmatchable_terms_are_those_of_another_script(terms, languages, cannot):
    assert unmatchable(terms, languages) == cannot
    assert matches_none(terms, languages) == (bool(cannot) and cannot == terms)


@pytest.mark.parametrize(
    ("terms", "languages", "expected"),
    [
        (
            QUERY,
            ["ru"],
            "The query's terms (belarus*, lukashenk*, minsk, union state) are "
            "written in Latin letters and the items compared are Russian: none can match. Give "
            "them in Russian (e.g. беларус*, лукашенк*, минск), or compare items in their "
            "language.",
        ),
        (
            ["minsk", "минск"],
            ["ru"],
            "Of the query's terms, minsk is written in Latin letters "
            "and cannot match the Russian items compared; the others are counted.",
        ),
        (
            ["минск"],
            ["en"],
            "The query's terms (минск) are written in Cyrillic letters and the "
            "items compared are English: none can match. Give them in English, or compare items "
            "in their language.",
        ),
        (
            ["明斯克"],
            ["ru"],
            "The query's terms (明斯克) are written in Han characters and the "
            "items compared are Russian: none can match. Give them in Russian (e.g. беларус*, "
            "лукашенк*, минск), or compare items in their language.",
        ),
        (QUERY, ["en"], None),
    ],
)
def test_the_script_note_names_the_terms_and_what_to_do(terms, languages, expected):
    assert script_note("the query's terms", terms, languages) == expected


@pytest.mark.parametrize(
    ("frames", "languages", "start"),
    [
        (
            {"a": {"label": "A", "terms": ["nato"]}, "b": {"label": "B", "terms": ["threat*"]}},
            ["ru"],
            "No frame can be counted: the terms of every frame (A, B)",
        ),
        (
            {"a": {"label": "A", "terms": ["nato"]}, "b": {"label": "B", "terms": ["нато"]}},
            ["ru"],
            "The terms of A are written in another script",
        ),
        ({"a": {"label": "A", "terms": {"en": ["nato"], "ru": ["нато"]}}}, ["ru"], None),
        ({"a": {"label": "A", "terms": ["nato"]}}, ["en"], None),
    ],
)
def test_frames_note_says_when_a_lexicon_cannot_match(frames, languages, start):
    note = frames_note(frames, languages)
    assert note == start if start is None else note.startswith(start)


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_the_bundled_frames_are_counted_in_english_russian_and_chinese(lang):
    from toolkit.comparison import Comparison
    from toolkit.frames import frames_for, lexicon

    frames = lexicon("frames")
    assert frames_note(frames, [lang]) is None
    kept, notes = frames_for(frames, Comparison((lang,)))
    assert len(kept) == len(frames) and not notes


@pytest.mark.parametrize(
    ("lang", "text", "frame", "hits"),
    [
        ("ru", "США ввели новые санкции против России, цены на газ растут", "sanctions_economy", 3),
        ("ru", "Газета пишет о центре города", "sanctions_economy", 0),  # no "газ*", no "цен*"
        ("ru", "Они помогают друг другу", "brotherhood_kinship", 0),  # "each other", not a friend
        ("ru", "Братский народ Белоруссии и его друзья", "brotherhood_kinship", 2),
        ("zh", "美国对俄罗斯实施制裁，天然气价格上涨", "sanctions_economy", 3),
        ("zh", "双方举行会谈，就和平解决问题交换意见", "peace_negotiation", 2),
    ],
)
def test_bundled_frame_terms_in_russian_and_chinese_text(lang, text, frame, hits):
    import polars as pl

    from toolkit.frames import except_pattern, lexicon, term_pattern, term_text

    spec = lexicon("frames")[frame]
    read = term_text(pl.lit(text))  # as the counts read a text
    if unless := except_pattern(spec):
        read = read.str.replace_all(unless, " ")
    assert pl.select(read.str.count_matches(term_pattern(spec["terms"][lang]))).item() == hits


@pytest.mark.parametrize(
    ("languages", "kept"),
    [
        (["ru"], ["union_ru"]),  # the English frames cannot count Russian items: not tested
        (["en"], ["security"]),
        (["en", "ru"], ["security", "union_ru"]),
    ],
)
def test_only_frames_that_can_match_the_items_are_tested(languages, kept):
    from toolkit.frames import countable_frames

    frames = {
        "security": {"label": "Security", "terms": ["nato", "national interest*"]},
        "union_ru": {"label": "Union State (ru)", "terms": ["союзн* государств*"]},
    }
    assert sorted(countable_frames(frames, languages)) == kept


FOLD_TEXTS = [
    "США ввели САНКЦИИ против России",
    "The U.S. and the EU: SANCTIONS, Sanctions, sanctioned",
    "ΣΊΣΥΦΟΣ and σίσυφος; ΟΔΟΣ",  # a capital sigma lowercases to a final sigma at a word's end
    "İstanbul, ISTANBUL, Straße, STRASSE, ẞ",
    "❗️Лукашенко: Союзного государства",
    "美国对俄罗斯实施制裁，白俄罗斯总统",
    "Kelvin K and k, ǅ ǆ Ǆ",
]
FOLD_TERMS = [
    ["sanction*", "u.s.", "eu"],
    ["санкци*", "сша", "союзн* государств*", "лукашенк*"],
    ["σίσυφος", "οδος", "straße", "istanbul", "k", "ǆ"],
    ["制裁", "俄罗斯", "白俄罗斯"],
]


@pytest.mark.parametrize("terms", FOLD_TERMS)
@pytest.mark.parametrize("text", FOLD_TEXTS)
def test_a_folded_term_pattern_in_lowercased_text_counts_as_the_case_insensitive_one(text, terms):
    import polars as pl

    from toolkit.frames import folded, term_pattern, term_text
    from toolkit.tokens import exclude_pattern

    read = term_text(pl.lit(text))
    for pattern in (term_pattern(terms), exclude_pattern(terms)):
        assert folded(pattern) != pattern  # the (?i) is dropped
        insensitive = pl.select(read.str.count_matches(pattern)).item()
        lowered = pl.select(read.str.to_lowercase().str.count_matches(folded(pattern))).item()
        assert lowered == insensitive


@pytest.mark.parametrize(
    ("pattern", "kept"),
    [
        ("Minsk", True),  # case-sensitive: no (?i) to drop
        (r"(?i)\bMinsk\b", True),  # a capital: lowercased text would never match it
        (r"(?i)\Sminsk", True),  # \S is no \s
        (r"(?i)(?:\bminsk\b)", False),
    ],
)
def test_only_a_case_insensitive_pattern_of_lowercase_terms_is_folded(pattern, kept):
    from toolkit.frames import folded

    assert (folded(pattern) == pattern) is kept
