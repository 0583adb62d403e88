import math

import numpy as np
import polars as pl
import pytest
from conftest import SEEDS

import toolkit
from toolkit import evidence, keyness
from toolkit import rhetoric as rh
from toolkit.errors import DataError


def docs(rows):
    frame = pl.DataFrame(rows, schema=["doc_id", "outlet", "text"], orient="row")
    return frame.with_columns(n_words=pl.col("text").str.split(" ").list.len().cast(pl.Int64))


@pytest.mark.parametrize(
    ("terms", "text", "hits"),
    [
        (["sanction*"], "Sanctions and sanctioned firms; no sanctity.", 2),
        (["union state"], "the Union  State and the union-state", 1),
        (["nato"], "NATO, Nato's, senator", 2),
        (["emphasised", "emphasized"], "He emphasized; she emphasised.", 2),
        # a * on any word of a phrase: each word of an inflected phrase takes its case
        (["союзн* государств*"], "в рамках Союзного государства; союзное государство", 2),
        (["union* state*"], "the Union State's budget, union statehood", 2),
        (["союзное государство"], "в рамках Союзного государства", 0),  # as written only
        # a term ending in a full stop still matches before a space
        (["u.s."], "the U.S. said; the U.S.-led coalition", 2),
    ],
)
def test_term_patterns_match_whole_words_with_optional_endings(terms, text, hits):
    assert len(__import__("re").findall(rh.term_pattern(terms), text)) == hits


@pytest.mark.parametrize(
    ("terms", "text", "hits"),
    [
        # Chinese runs its words together: a term is found where it stands (trial M)
        (["白俄罗斯", "卢卡申科"], "国家主席习近平同白俄罗斯总统卢卡申科通电话。", 2),
        (["制裁"], "美国对俄罗斯实施制裁，欧盟也宣布新一轮制裁措施", 2),
        (["联盟国家"], "[视频]俄白联盟国家最高国务委员会会议", 1),
        (["中国*"], "中国人民和中国政府", 2),  # a * adds nothing to a Chinese word
        (["价格", "会谈"], "天然气价格上涨，双方举行会谈", 2),  # inside jieba's longer words too
        # but not inside the name of another place (trial N: Belarus counted as Russia)
        (["俄罗斯"], "白俄罗斯总统和俄罗斯总统", 1),
        (["俄罗斯"], "中国驻白俄罗斯大使", 0),
        # Japanese kana likewise; spaced scripts keep their word boundaries
        (["ロシア"], "ロシアとベラルーシ", 1),
        (["minsk"], "Minsk, Minskiy", 1),
    ],
)
def test_terms_of_unspaced_scripts_are_found_where_they_stand(terms, text, hits):
    pattern = rh.term_pattern(terms)
    counted = pl.select(rh.term_text(pl.lit(text)).str.count_matches(pattern)).item()
    assert counted == hits
    # the keyword-in-context lines find the same
    docs = pl.DataFrame({"doc_id": ["a"], "outlet": ["x"], "published": [None], "title": [None],
                         "text": [text]}, schema_overrides={"published": pl.Date, "title": pl.String})  # fmt: skip
    assert evidence.kwic(docs, terms).height == hits


@pytest.mark.parametrize(
    ("terms", "text", "hits"),
    [
        # an emoji's presentation selector (U+FE0F) before a term: a Telegram post's opening
        (["сша"], "❗️США ввели санкции", 1),
        (["лукашенк*"], "⚡️Лукашенко: ❗️Лукашенко заявил", 2),
        (["sanction*"], "1️⃣ Sanctions; 👨‍👩 sanctions", 2),
        (["лукашенк*"], "1️⃣Лукашенко 2️⃣Путин", 1),  # a keycap numbering a list (trial L)
        (["сша"], "РоссияСША", 0),  # still whole words only
    ],
)
def test_polars_counts_terms_after_emoji_as_python_does(terms, text, hits):
    pattern = rh.term_pattern(terms)
    counted = pl.select(rh.term_text(pl.lit(text)).str.count_matches(pattern)).item()
    assert counted == len(__import__("re").findall(pattern, text)) == hits


def test_log_odds_follows_monroe_et_al():
    y_i, y_j, alpha = np.array([10.0, 0.0]), np.array([2.0, 8.0]), np.array([1.0, 1.0])
    delta, var = keyness._log_odds(y_i, y_j, alpha)
    expected = math.log(11 / (10 + 2 - 11)) - math.log(3 / (10 + 2 - 3))
    assert delta[0] == pytest.approx(expected)
    assert var[0] == pytest.approx(1 / 11 + 1 / 3)
    assert delta[1] < 0


def test_distinctive_terms_find_each_outlets_spelling_and_verbs():
    d = docs(
        [(f"t{i}", "TASS", "Alexander Lukashenko said the talks went well") for i in range(20)]
        + [(f"b{i}", "BelTA", "Aleksandr Lukashenko stated the talks went well") for i in range(20)]
    )
    top = rh.distinctive_terms(d, by="outlet", min_count=3, top=6)
    tass = top.filter(pl.col("group") == "TASS")["term"].to_list()
    belta = top.filter(pl.col("group") == "BelTA")["term"].to_list()
    assert {"alexander", "said"} <= set(tass) and {"aleksandr", "stated"} <= set(belta)
    assert "talks" not in tass + belta  # shared words are not distinctive
    pair = rh.distinctive_terms(d, by="outlet", pair=("TASS", "BelTA"), min_count=3)
    assert pair.filter(pl.col("term") == "alexander")["z"].item() > 1.96
    assert pair.filter(pl.col("term") == "aleksandr")["z"].item() < -1.96
    with pytest.raises(DataError, match="no group Pravda"):
        rh.distinctive_terms(d, by="outlet", pair=("TASS", "Pravda"))


def test_frame_rates_are_per_thousand_words_with_seeded_bootstrap_intervals():
    d = docs([(f"a{i}", "A", "sanctions" + " word" * 9) for i in range(10)]
             + [("b0", "B", "peace talks" + " word" * 8)])  # fmt: skip
    frames = {"econ": {"label": "Economy", "terms": ["sanction*"]}}
    r = rh.frame_rates(d, by="outlet", frames=frames, seed=1, min_group_docs=5)
    a = r.filter(pl.col("group") == "A").row(0, named=True)
    assert (a["matches"], a["n_words"], a["per_1000"]) == (10, 100, 100.0)
    assert a["ci_low"] == a["ci_high"] == 100.0  # every document the same: no spread
    b = r.filter(pl.col("group") == "B").row(0, named=True)
    assert b["small_n"] and b["ci_low"] is None  # one document: no interval, flagged
    again = rh.frame_rates(d, by="outlet", frames=frames, seed=1, min_group_docs=5)
    assert again.equals(r)


def test_attribution_counts_linked_speakers_and_verbs_not_co_occurrences():
    d = docs([
        ("x", "TASS", "Putin met Lukashenko. “The ties are strong,” Putin said."),
        ("y", "BelTA", "Aleksandr Lukashenko stressed that the role is key. The West was silent."),
    ])  # fmt: skip
    a = rh.attribution(d, by="outlet", min_group_docs=1)
    got = set(a.select("group", "speaker", "verb", "sentences").iter_rows())
    assert got == {("TASS", "Putin", "say", 1), ("BelTA", "Aleksandr Lukashenko", "stress", 1)}
    assert a.filter(pl.col("group") == "BelTA")["n_sentences"].item() == 2
    merged = rh.attribution(d, by="outlet", min_group_docs=1,
                            lexicon_={"speakers": {"Lukashenko": ["aleksandr lukashenko"]}})  # fmt: skip
    assert "Lukashenko" in merged["speaker"].to_list()


def test_quote_share_and_concordance():
    d = docs([("x", "TASS", 'He said "we are brothers" and left.'), ("y", "TASS", "No quotes.")])
    share = rh.quote_share(d, by="outlet", min_group_docs=1).row(0, named=True)
    assert share["quoted_chars"] == len('"we are brothers"')
    kwic = rh.concordance(d, "brother*", window=2)
    assert kwic.row(0, named=True) | {} == {
        "group": "TASS", "doc_id": "x", "left": '"we are', "match": "brothers",
        "right": '" and',
    }  # fmt: skip


def test_stance_reports_we_they_and_sentiment_with_n():
    d = docs([(f"d{i}", "A", "We welcome our friendly and successful cooperation.") for i in range(3)]
             + [(f"e{i}", "B", "They imposed illegal and hostile sanctions.") for i in range(3)])  # fmt: skip
    s = rh.stance(d, by="outlet", seed=3, min_group_docs=2)
    mood = dict(s.filter(pl.col("measure") == "sentiment").select("group", "mean").iter_rows())
    assert mood["A"] > 0 > mood["B"]
    we = dict(s.filter(pl.col("measure") == "we").select("group", "per_1000").iter_rows())
    assert we["A"] > 0 and we["B"] == 0


def test_user_lexicons_extend_or_replace_the_bundled_ones(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("energy:\n  label: Energy\n  terms: [gas, oil]\n")
    assert set(rh.lexicon("frames", extra=path)) == set(rh.lexicon("frames")) | {"energy"}
    assert set(rh.lexicon("frames", extra=path, mode="replace")) == {"energy"}
    with pytest.raises(DataError, match="no such lexicon file"):
        rh.lexicon("frames", extra=tmp_path / "none.yaml")
    assert len(rh.lexicon("frames")) >= 8


def test_the_seeds_show_small_n_everywhere():
    c = toolkit.load_corpus(SEEDS, progress=False)
    sizes = rh.group_sizes(c, by="outlet", min_group_docs=5)
    assert sizes["small_n"].all() and sizes["n_docs"].sum() == 5


@pytest.mark.parametrize(
    ("stop_words", "exclude_terms", "matches"),
    [
        ([], [], 3),  # security, Security (Council), threats
        ([], ["security council"], 2),  # no match inside the excluded phrase
        (["threat*"], [], 2),  # a frame term that is a stop word is dropped
        ([], ["security"], 1),
    ],
)
def test_frames_leave_out_stop_words_and_excluded_terms(stop_words, exclude_terms, matches):
    d = docs([("x", "A", "security talks at the Security Council on threats")])
    frames = {"sec": {"label": "Security", "terms": ["security", "threat*"]}}
    r = rh.frame_rates(d, by="outlet", frames=frames, min_group_docs=1, stop_words=stop_words,
                       exclude_terms=exclude_terms)  # fmt: skip
    assert r["matches"].item() == matches


def test_distinctive_terms_leave_out_stop_words_and_excluded_terms():
    d = docs([(f"t{i}", "TASS", "the Kremlin said that the talks at Minsk went well")
              for i in range(10)]
             + [(f"b{i}", "BelTA", "the Belarusian leader stated that the talks went well")
                for i in range(10)])  # fmt: skip
    terms = set(rh.distinctive_terms(d, by="outlet", min_count=3, top=50)["term"])
    assert "kremlin" in terms and not terms & {"the", "that", "at"}
    mine = rh.distinctive_terms(d, by="outlet", min_count=3, top=50, stop_words=["kremlin"],
                                exclude_terms=["belarusian*"])  # fmt: skip
    assert not {t for t in mine["term"] if "kremlin" in t or "belarusian" in t}


# ---------------------------------------------------------------- languages compared


def mixed(rows):
    """Documents with their language: (doc_id, outlet, lang, text)."""
    frame = pl.DataFrame(rows, schema=["doc_id", "outlet", "lang", "text"], orient="row")
    return frame.with_columns(n_words=pl.col("text").str.split(" ").list.len().cast(pl.Int64))


MIXED = mixed(
    [(f"te{i}", "TASS", "en", "Western sanctions hit trade, the Kremlin said") for i in range(6)]
    + [(f"be{i}", "BelTA", "en", "Lukashenko praised brotherly integration talks") for i in range(6)]
    + [(f"tr{i}", "TASS", "ru", "Западные санкции ударили по торговле, заявили в Кремле")
       for i in range(6)]
)  # fmt: skip


@pytest.mark.parametrize(
    ("languages", "language_map", "kind", "terms_in", "terms_out"),
    [
        # within the corpus's most common language: no Russian word is ranked
        ([], {}, "within en", {"sanctions", "lukashenko"}, {"санкция", "кремль"}),
        (["ru"], {}, "within ru", {"санкция"}, {"sanctions"}),  # with BelTA's Russian copy
        # across, through the user's mapping: Russian lemmas counted as the shared terms, and
        # words outside the mapping left out of both languages
        (["en", "ru"], {"ru": {"санкция": "sanctions", "торговля": "trade"}},
         "across en, ru (language_map)", {"sanctions", "trade"}, {"kremlin", "санкция"}),
    ],
)  # fmt: skip
def test_distinctive_terms_compare_within_one_language_or_through_a_mapping(
    languages, language_map, kind, terms_in, terms_out
):
    belta_ru = [(f"br{i}", "BelTA", "ru", "Лукашенко провёл переговоры в Минске") for i in range(6)]
    docs = pl.concat([MIXED, mixed(belta_ru)])
    out = keyness.distinctive_terms(docs, by="outlet", min_count=2, top=50, min_group_docs=1,
                                    languages=languages, language_map=language_map)  # fmt: skip
    assert set(out["comparison"]) == {kind}
    terms = set(out["term"])
    assert terms_in <= terms and not terms & terms_out


@pytest.mark.parametrize(
    ("extra", "languages", "pair"),
    [
        ([], [], ["BelTA", "TASS"]),  # 12 TASS stories, but 6 in English: a tie, by name
        # an outlet larger than BelTA writing in another language (English stays the most
        # common) is not compared, so it is not in the default pair
        ([(f"de{i}", "20 Minuten", "de", "Die Gespräche gingen weiter") for i in range(10)], [],
         ["BelTA", "TASS"]),
        ([], ["ru"], ["TASS"]),  # one group in Russian: no pair
    ],
)  # fmt: skip
def test_the_default_pair_is_the_two_largest_groups_compared(extra, languages, pair):
    """The pair the rhetoric notebook compares when the user names none: from the documents
    distinctive_terms compares, so it never names a group the comparison leaves out."""
    docs = pl.concat([MIXED, mixed(extra)]) if extra else MIXED
    assert keyness.default_pair(docs, by="outlet", languages=languages) == pair
    if len(pair) == 2:
        out = keyness.distinctive_terms(docs, by="outlet", pair=tuple(pair), min_count=2,
                                        min_group_docs=1, languages=languages)  # fmt: skip
        assert out.height


def test_one_group_has_no_rest_to_be_distinctive_against():
    """A corpus of one outlet ranked every term at z = 0 against an empty rest."""
    one = MIXED.filter(pl.col("outlet") == "TASS")
    assert keyness.distinctive_terms(one, by="outlet", min_count=2, min_group_docs=1).is_empty()


def test_mapped_terms_add_up_across_languages():
    out = keyness.distinctive_terms(
        MIXED, by="outlet", min_count=2, top=50, min_group_docs=1, languages=["en", "ru"],
        language_map={"ru": {"санкция": "sanctions", "торговля": "trade"}},
    )  # fmt: skip
    tass = out.filter(pl.col("group") == "TASS", pl.col("term") == "sanctions")
    assert tass["count"].item() == 12  # six English stories and six Russian ones


def test_languages_without_a_mapping_are_refused():
    with pytest.raises(toolkit.ToolkitError, match="language_map"):
        keyness.distinctive_terms(MIXED, by="outlet", languages=["en", "ru"])


PER_LANGUAGE = {
    "sanctions": {"label": "Sanctions", "terms": {"en": ["sanction*"], "ru": ["санкци*"]}},
    "brotherhood": {"label": "Brotherhood", "terms": ["brother*"]},
    "trade": {"label": "Trade", "terms": {"en": ["trade"]}},
}


@pytest.mark.parametrize(
    ("languages", "kind", "tass_sanctions", "frames"),
    [
        # within English: a list counts, per-language terms give their English list
        ([], "within en", 6, {"sanctions", "brotherhood", "trade"}),
        # within Russian: the Russian terms; a frame without Russian terms is left out
        (["ru"], "within ru", 6, {"sanctions", "brotherhood"}),
        # across: only frames with terms for every language; each text its language's terms
        (["en", "ru"], "across en, ru (frame terms per language)", 12, {"sanctions"}),
    ],
)
def test_frames_hold_terms_per_language(languages, kind, tass_sanctions, frames):
    rates = rh.frame_rates(MIXED, by="outlet", frames=PER_LANGUAGE, n_boot=10,
                           min_group_docs=1, languages=languages)  # fmt: skip
    assert set(rates["comparison"]) == {kind}
    assert set(rates["frame"]) == frames
    row = rates.filter(pl.col("group") == "TASS", pl.col("frame") == "sanctions")
    assert row["matches"].item() == tass_sanctions


def test_a_frames_file_with_terms_neither_list_nor_mapping_is_refused(tmp_path):
    bad = tmp_path / "frames.yaml"
    bad.write_text("mine:\n  label: Mine\n  terms: {en: sanction}\n", encoding="utf-8")
    with pytest.raises(DataError, match="frame 'mine' needs terms"):
        rh.lexicon("frames", extra=bad)


def test_a_frames_file_with_terms_per_language_extends_the_bundled_ones(tmp_path):
    mine = tmp_path / "frames.yaml"
    mine.write_text("mine:\n  label: Mine\n  terms: {en: [sanction*], ru: [санкци*]}\n",
                    encoding="utf-8")  # fmt: skip
    frames = rh.lexicon("frames", extra=mine)
    assert frames["mine"]["terms"]["ru"] == ["санкци*"] and "security_threat" in frames
    assert rh.frame_terms({"mine": frames["mine"]}) == {"Mine": ["sanction*", "санкци*"]}


@pytest.mark.parametrize(
    ("texts", "pair"),
    [
        (["the"] * 10, None),  # stop words only: no vocabulary at all
        (["minsk"] * 10, None),  # one term, each side's whole vocabulary: no odds
        (["minsk"] * 10, ("A", "B")),
        (["minsk talks"] * 5 + ["minsk"] * 5, ("A", "B")),  # B's only term
    ],
)
def test_a_comparison_without_odds_gives_no_row_and_no_warning(texts, pair):
    import warnings

    docs = pl.DataFrame(
        {"outlet": ["A"] * 5 + ["B"] * 5, "lang": ["en"] * 10, "text": texts, "n_words": [1] * 10}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = keyness.distinctive_terms(docs, min_count=1, min_group_docs=1, pair=pair)
    # nothing to rank: an empty table, or only the note saying why (the report shows it),
    # never a NaN shown as a score
    if "z" in got.columns:
        assert got["z"].is_nan().sum() == 0 and got["z"].is_finite().all()
    else:
        assert got.is_empty() or got.columns == ["note"]
    if texts == ["minsk"] * 10:  # one term, whatever the pair: the note says so
        assert "z cannot be computed because only one term (minsk)" in keyness.note_of(got)


@pytest.mark.parametrize(
    ("excepted", "matches"),
    [
        ([], 4),  # Brotherhood, brother, brotherly, brothers
        (["muslim brotherhood"], 3),
        (["muslim brotherhood", "his brother*"], 2),
        (["brother*"], 0),  # an except as wide as the term leaves nothing
        (["  "], 4),  # a blank phrase is no exception
    ],
)
def test_a_frames_except_phrases_hold_no_match(excepted, matches):
    d = docs(
        [("x", "A", "The Muslim Brotherhood, his brother and our brotherly peoples: brothers")]
    )
    frames = {"kin": {"label": "Kinship", "terms": ["brother*"], "except": excepted}}
    r = rh.frame_rates(d, by="outlet", frames=frames, min_group_docs=1)
    assert r["matches"].item() == matches


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        # trial W: 25 of the Kremlin's 633 kinship matches were such compounds
        ("a user-friendly portal and an environmentally friendly plant", 0),
        ("business-friendly rules, an eco-friendly bus, a friendly match", 0),
        ("Dear friends, welcome", 0),
        ("our friendly peoples and brotherly nations", 2),
        ("Belarus is our closest ally and friend", 2),
    ],
)
def test_the_kinship_frame_leaves_out_friendly_compounds_and_the_greeting(text, matches):
    frames = {"kin": rh.lexicon("frames")["brotherhood_kinship"]}
    r = rh.frame_rates(docs([("x", "A", text)]), by="outlet", frames=frames, min_group_docs=1)
    assert r["matches"].item() == matches


def test_frames_per_language_count_every_languages_terms_where_no_language_is_told():
    """A corpus whose texts are all too short to tell their language ("Dear friends,
    welcome") raised a TypeError (a language None in a note); now each language's terms count."""
    d = docs([("x", "A", "Санкции"), ("y", "A", "sanctions")]).with_columns(lang=pl.lit("und"))
    frames = {"s": {"label": "Sanctions", "terms": {"en": ["sanction*"], "ru": ["санкци*"]}}}
    r = rh.frame_rates(d, by="outlet", frames=frames, min_group_docs=1)
    assert r["matches"].item() == 2


def test_a_frames_file_with_except_not_a_list_is_refused(tmp_path):
    bad = tmp_path / "frames.yaml"
    bad.write_text("kin:\n  label: Kin\n  terms: [brother*]\n  except: muslim brotherhood\n",
                   encoding="utf-8")  # fmt: skip
    with pytest.raises(DataError, match="frame 'kin': except must be a list"):
        rh.lexicon("frames", extra=bad)
    good = tmp_path / "mine.yaml"
    good.write_text("kin:\n  label: Kin\n  terms: [brother*]\n  except: [muslim brotherhood]\n",
                    encoding="utf-8")  # fmt: skip
    assert rh.frame_exceptions(rh.lexicon("frames", extra=good, mode="replace")) == {
        "Kin": ["muslim brotherhood"]
    }


def test_the_bundled_kinship_frame_does_not_count_the_muslim_brotherhood(corpora):
    """On the New York Times' articles of 2013-15 (Egypt's Muslim Brotherhood in the news),
    the kinship frame's "brother*" counted the party's name; its except leaves it out, in the
    counts and in the evidence lines alike."""
    nyt = toolkit.load_corpus(corpora / "chinadaily-nyt-2013-15" / "nytimes", progress=False)
    named = nyt.filter(pl.col("text").str.contains("(?i)muslim brotherhood"))
    assert named.height >= 50
    kin = {"kin": rh.lexicon("frames")["brotherhood_kinship"]}
    bare = {"kin": {**kin["kin"], "except": []}}
    counted = rh.frame_rates(named, by="outlet", frames=kin, min_group_docs=1)["matches"].sum()
    before = rh.frame_rates(named, by="outlet", frames=bare, min_group_docs=1)["matches"].sum()
    names = named["text"].str.count_matches("(?i)muslim brotherhood").sum()
    assert before - counted >= names
    lines = evidence.kwic(named, rh.frame_terms(kin), exceptions=rh.frame_exceptions(kin))
    assert lines.height > 0
    muslim = lines.filter(pl.col("left").str.contains(r"(?i)muslim$")
                          & pl.col("match").str.contains("(?i)^brotherhood"))  # fmt: skip
    assert muslim.height == 0


@pytest.mark.parametrize(
    ("found", "languages", "expected"),
    [
        ({"минск": 3}, ["ru"], None),
        (
            {"союзное государство": 0, "минск": 3},
            ["ru"],
            "No line holds союзное государство. Terms are matched as written: in Russian, whose "
            "words change their endings, end each word with * to match all its forms (e.g. "
            "союзн* государст*).",
        ),
        ({"union state": 0}, ["en"], "No line holds union state."),
        ({"союзн* государств*": 0}, ["ru"], "No line holds союзн* государств*."),  # starred
    ],
)
def test_keywords_that_match_nothing_are_named_with_a_hint(found, languages, expected):
    assert rh.unmatched_note(found, languages) == expected


@pytest.mark.parametrize(("n_docs", "words"), [(5, 10), (40, 10), (5, 200)])
def test_a_frame_never_matched_gets_the_poisson_upper_limit_not_zero_width(n_docs, words):
    d = docs([(f"a{i}", "A", " ".join(["word"] * words)) for i in range(n_docs)])
    frames = {"econ": {"label": "Economy", "terms": ["sanction*"]}}
    row = rh.frame_rates(d, by="outlet", frames=frames, seed=1, min_group_docs=5).row(0, named=True)
    assert (row["matches"], row["per_1000"], row["ci_low"]) == (0, 0.0, 0.0)
    assert row["ci_high"] == round(1000 * 3.6889 / (n_docs * words), 4)  # fewer words, wider
