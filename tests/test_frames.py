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


def test_the_bundled_english_frames_cannot_be_counted_on_russian_items():
    from toolkit.frames import lexicon

    note = frames_note(lexicon("frames"), ["ru"])
    assert note is not None and note.startswith("No frame can be counted")
    assert "English only" in note and "ru: [санкци*]" in note


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
