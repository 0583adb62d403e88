"""Topics with the fakes (tests/fakes.py) injected: the fake embedder and a PCA in UMAP's place,
so no model is loaded and nothing is compiled. The real model and UMAP run end to end in the
topics notebook (tests/test_pipeline.py)."""

import datetime as dt
import random

import numpy as np
import polars as pl
import pytest
from conftest import SEEDS
from fakes import FakeEmbedder, FakeUMAP

import toolkit
from toolkit import topics as tp
from toolkit.progress import step
from toolkit.topic_labels import topic_labels


@pytest.fixture(scope="module")
def seed_units():
    corpus = toolkit.load_corpus(SEEDS, progress=False)
    units = toolkit.segment(corpus, "paragraph")
    fake = FakeEmbedder()
    return units, fake.encode(units["text"].to_list()), fake.backend()


def fake_umap(units, seed, cache_dir):
    """Today's CachedUMAP, sized and seeded as fit_topics sizes it, with the fake reducer."""
    return tp.default_umap(tp.sizes(units.height), seed, cache_dir, reducer=FakeUMAP)


def test_the_seeds_give_topics_at_paragraph_level_and_the_same_seed_gives_the_same_topics(
    seed_units, tmp_path
):
    units, emb, st = seed_units

    def fit(cache):
        umap = fake_umap(units, 42, cache)
        return tp.fit_topics(units, emb, seed=42, embedding_model=st, umap_model=umap)

    first = fit(tmp_path / "a")
    assert first.ok and first.n_topics >= 3
    assert first.settings["min_topic_size"] == 4 and first.settings["n_neighbors"] == 8
    again = fit(tmp_path / "b")
    assert first.units["topic"].to_list() == again.units["topic"].to_list()
    warm = fit(tmp_path / "a")
    assert warm.settings["umap_cache_hit"] and warm.units["topic"].equals(first.units["topic"])
    table = first.topic_table()
    assert table["size"].sum() == units.height
    assert table.filter(pl.col("topic") >= 0)["representative"].list.len().min() >= 1
    # each representative passage is one of its topic's units, found again by its id
    keys = tp.topic_passages(first.units, table)
    assert keys.height == table["representative_units"].list.len().sum() >= first.n_topics
    topic_of = dict(first.units.select(pl.col("unit_id").cast(pl.String), "topic").iter_rows())
    for row in table.filter(pl.col("topic") >= 0).iter_rows(named=True):
        assert [topic_of[u] for u in row["representative_units"]] == [row["topic"]] * len(
            row["representative_units"]
        )
        assert set(keys.filter(pl.col("key") == row["label"])["text"]) <= set(
            first.units.filter(pl.col("topic") == row["topic"])["text"]
        )
    sized = tp.sizes(units.height)
    runs, per_topic = tp.stability(
        units, emb, first, seeds=[1, 2],
        clustering=lambda s: (fake_umap(units, s, tmp_path / "a"), tp.default_hdbscan(sized)),
    )  # fmt: skip
    assert runs.height == 2 and runs["ari"].is_between(-1, 1).all()
    assert per_topic.height == first.n_topics and per_topic["stability"].is_between(0, 1).all()


def test_fitting_leaves_the_global_random_state_alone(seed_units, tmp_path):
    units, emb, st = seed_units
    random.seed(7)
    np.random.seed(7)
    before = (random.getstate(), np.random.get_state()[1].copy())
    umap = fake_umap(units, 42, tmp_path)
    assert tp.fit_topics(units, emb, seed=42, embedding_model=st, umap_model=umap).ok
    assert random.getstate() == before[0]
    assert np.array_equal(np.random.get_state()[1], before[1])


def test_an_injected_clustering_is_used_and_recorded(seed_units, tmp_path):
    from hdbscan import HDBSCAN

    units, emb, st = seed_units
    result = tp.fit_topics(
        units, emb, seed=42, embedding_model=st, umap_model=fake_umap(units, 42, tmp_path),
        hdbscan_model=HDBSCAN(min_cluster_size=units.height, min_samples=1, prediction_data=True),
    )  # fmt: skip
    assert result.status == "no_topics" and "every unit is an outlier" in result.reason
    assert result.settings["injected"] == ["umap_model", "hdbscan_model"]


def test_too_few_units_are_reported_not_clustered(seed_units):
    units, emb, st = seed_units
    result = tp.fit_topics(units.head(8), emb[:8], seed=1, embedding_model=st)
    assert result.status == "too_few_units" and not result.ok
    assert "8 units is fewer than min_units=20" in result.reason
    assert (result.units["topic"] == tp.OUTLIER).all() and result.topic_table().height == 0


@pytest.mark.parametrize(
    ("langs", "model", "other", "undetermined", "english_only"),
    [
        (["en", "ru", "zh", "ru", None, "und"], None, {"ru": 2, "zh": 1}, 2, True),
        (["en", "be", "ru"], "multilingual", {"be": 1, "ru": 1}, 0, False),  # ties by name
        (["en", "en"], "models/our-own", {}, 0, None),  # a folder of the user's: not known
    ],
)
def test_the_language_report_counts_units_the_model_may_not_read(
    langs, model, other, undetermined, english_only
):
    report = tp.language_report(pl.DataFrame({"lang": langs}), model)
    assert report["other_languages"] == other
    assert list(report["other_languages"]) == list(other)  # most first, then by name
    assert report["not_english"] == sum(other.values())
    assert report["undetermined"] == undetermined
    assert report["english_only_model"] is english_only


@pytest.mark.parametrize(
    ("texts", "kept"),
    [
        (["Talks in Minsk.", "50", "- , .", "·", "3.", "Переговоры", "中国", "x 1"], 3),
        ([], 0),
    ],
)
def test_units_without_a_word_are_left_out_and_counted(texts, kept):
    units = pl.DataFrame({"text": texts}, schema={"text": pl.String})
    got, wordless = tp.with_words(units)
    assert got.height == kept and wordless == len(texts) - kept


def test_a_model_without_a_window_is_said_to_have_none(monkeypatch):
    import toolkit.embed

    lengths = np.array([3, 900_000])
    no_window = toolkit.embed.NO_WINDOW
    monkeypatch.setattr(toolkit.embed, "token_lengths", lambda t, m: (lengths, no_window))
    report = tp.window_report(["short", "long"], "multilingual")
    assert report["max_tokens"] is None and report["over_window"] == 0
    # read whole, but a unit of 900,000 tokens is an article or more (trial U: one-line texts)
    assert report["over_long"] == 1


def test_the_window_report_counts_units_the_model_would_truncate():
    report = tp.window_report(["short text", "word " * 400])
    assert report["max_tokens"] == 256 and report["over_window"] == 1
    assert report["share_over_window"] == 0.5


@pytest.mark.parametrize(
    ("n", "neighbors", "min_topic"), [(62, 8, 4), (10_000, 15, 50), (100_000, 15, 100), (5, 2, 3)]
)
def test_sizes_scale_with_the_corpus(n, neighbors, min_topic):
    s = tp.sizes(n)
    assert (s["n_neighbors"], s["min_topic_size"]) == (neighbors, min_topic)
    assert s["n_neighbors"] < n and s["n_components"] <= max(2, n - 2)


def units_with_topics():
    return pl.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b", "c"],
            "outlet": ["TASS", "TASS", "TASS", "BelTA", "BelTA", None],
            "published": [dt.date(2022, 12, 19)] * 3 + [dt.date(2023, 1, 2)] * 2 + [None],
            "topic": [0, 0, 1, 1, -1, 0],
        }
    )


def test_paragraph_topics_aggregate_to_articles():
    t = tp.article_topics(units_with_topics())
    rows = {r["doc_id"]: r for r in t.iter_rows(named=True)}
    assert (rows["a"]["topic"], rows["a"]["topic_share"]) == (0, 0.6667)
    assert (rows["b"]["topic"], rows["b"]["outlier_units"]) == (1, 1)


def test_group_shares_carry_n_intervals_and_small_n_flags():
    s = tp.group_shares(units_with_topics(), by="outlet", min_group_docs=2)
    tass0 = s.filter((pl.col("outlet") == "TASS") & (pl.col("topic") == 0)).row(0, named=True)
    assert (tass0["k"], tass0["n_units"], tass0["share"]) == (2, 3, 0.6667)
    assert tass0["ci_low"] < 0.6667 < tass0["ci_high"]
    assert s.filter(pl.col("outlet") == "(unknown)")["small_n"].all()
    assert s.group_by("outlet").agg(pl.col("share").sum())["share"].round(3).to_list() == [1.0] * 3


def test_over_time_normalises_by_period_volume_and_counts_the_undated():
    table, undated = tp.over_time(units_with_topics(), period="month")
    assert undated == 1
    dec = table.filter(pl.col("period") == dt.date(2022, 12, 1))
    assert dec.filter(pl.col("topic") == 0)["share"].item() == 0.6667
    assert table.group_by("period").agg(pl.col("share").sum())["share"].round(3).to_list() == [
        1.0,
        1.0,
    ]


def test_cached_umap_reuses_a_reduction_and_refuses_new_data_it_cannot_transform(tmp_path):
    x = np.random.default_rng(0).normal(size=(40, 8)).astype(np.float32)
    params = {"n_neighbors": 5, "n_components": 2, "random_state": 1, "n_jobs": 1}
    a = tp.CachedUMAP(tmp_path, reducer=FakeUMAP, **params).fit_transform(x)
    cached = tp.CachedUMAP(tmp_path, reducer=FakeUMAP, **params)
    assert np.array_equal(cached.fit_transform(x), a) and cached.cache_hit
    assert np.array_equal(cached.transform(x), a)
    with pytest.raises(toolkit.ToolkitError, match="came from the cache"):
        cached.transform(x[:5] + 1)


def test_a_fake_reduction_is_never_taken_for_umaps(tmp_path):
    x = np.random.default_rng(0).normal(size=(40, 8)).astype(np.float32)
    params = {"n_neighbors": 5, "n_components": 2, "random_state": 1}
    tp.CachedUMAP(tmp_path, reducer=FakeUMAP, **params).fit_transform(x)
    assert tp.CachedUMAP(tmp_path, **params)._hash(x) != tp.CachedUMAP(
        tmp_path, reducer=FakeUMAP, **params
    )._hash(x)


def test_outliers_are_reassigned_by_embedding_similarity_when_asked(seed_units, tmp_path):
    units, emb, st = seed_units
    umap = fake_umap(units, 42, tmp_path)
    plain = tp.fit_topics(units, emb, seed=42, embedding_model=st, umap_model=umap)
    assert plain.outliers["share_before"] > 0  # else there is nothing to reassign
    result = tp.fit_topics(
        units, emb, seed=42, embedding_model=st, umap_model=fake_umap(units, 42, tmp_path),
        options={"reduce_outliers": True},
    )  # fmt: skip
    out = result.outliers
    assert out["reduced"] and out["share_after"] < out["share_before"] and out["reassigned"] > 0
    assert (result.units["topic"] == tp.OUTLIER).mean() == out["share_after"]


@pytest.mark.parametrize(
    ("terms", "label"),
    [
        (
            ["lukashenko stressed", "coordinates lukashenko", "belarus actually", "minsk"],
            "lukashenko stressed, coordinates, belarus actually",
        ),
        (["belarus", "belarusian", "sanctions", "sanction", "gas"], "belarus, sanctions, gas"),
        (["union state", "state", "union", "programmes"], "union state, programmes"),
        (
            ["russian-belarusian relations", "belarusian-russian cooperation", "issues", "eu"],
            "russian-belarusian relations, cooperation, issues",
        ),
        (["hikes", "hike", "fuel prices", "wall street"], "hikes, fuel prices, wall street"),
        (["talks"], "talks"),
        # BERTopic pads a topic whose words were all too rare with empty terms
        ([], "(no distinctive words)"),
        (["", "", ""], "(no distinctive words)"),
        (["", "talks"], "talks"),
    ],
)
def test_topic_labels_drop_words_that_repeat_between_their_parts(terms, label):
    assert tp.topic_label(terms) == label


@pytest.mark.parametrize(
    ("terms", "labels"),
    [
        # trial W, kremlin-2021-22: two labels a reader could not tell apart
        (
            {
                0: ["president russia", "vladimir putin", "moscow", "kremlin", "meeting"],
                1: ["president russia", "vladimir", "putin", "ukraine", "donbas", "kiev"],
            },
            {0: "president russia, moscow, kremlin", 1: "president russia, ukraine, donbas"},
        ),
        # the same words in another order: both told apart
        (
            {
                0: ["belarus", "union state", "minsk", "gas"],
                1: ["belarus", "minsk", "union state", "oil"],
            },
            {0: "belarus, gas", 1: "belarus, oil"},
        ),
        # each label has a word the other lacks: left as they are
        (
            {0: ["belarus", "union state", "minsk"], 1: ["belarus", "minsk", "oil"]},
            {0: "belarus, union state, minsk", 1: "belarus, minsk, oil"},
        ),
        # labels that differ stay as they are
        (
            {0: ["belarus", "minsk", "gas"], 1: ["china", "beijing", "trade"]},
            {0: "belarus, minsk, gas", 1: "china, beijing, trade"},
        ),
        # a topic without words is not compared
        (
            {0: ["", ""], 1: ["belarus", "minsk"]},
            {0: "(no distinctive words)", 1: "belarus, minsk"},
        ),
    ],
)
def test_topic_labels_tell_apart_labels_whose_words_another_holds(terms, labels):
    assert topic_labels(terms) == labels


@pytest.mark.parametrize(
    ("options", "absent", "present"),
    [
        ({}, {"the", "of", "and", "s", "t", "don"}, {"u.s.", "lukashenko", "talks union"}),
        ({"stop_words": ["lukashenko"]}, {"lukashenko", "the"}, {"u.s.", "minsk talks"}),
        ({"exclude_terms": ["minsk*", "u.s."]}, {"minsk", "minsk talks", "u.s."}, {"talks"}),
    ],
)
def test_the_vectorizer_reads_the_analysis_tokens_without_the_corpus_stop_words(
    options, absent, present
):
    units = pl.DataFrame(
        {"text": ["The U.S. don't back Lukashenko's Minsk talks of the union"] * 3,
         "lang": ["en"] * 3}
    )  # fmt: skip
    vec = tp.vectorizer(units, ngram_max=2, **options)
    terms = set(vec.fit(units["text"].to_list()).get_feature_names_out())
    assert not absent & terms and present <= terms


def test_the_seed_topics_are_labelled_from_their_words_without_stop_words(seed_units, tmp_path):
    from toolkit.tokens import language_stop_words

    units, emb, st = seed_units
    umap = fake_umap(units, 42, tmp_path)
    result = tp.fit_topics(units, emb, seed=42, embedding_model=st, umap_model=umap)
    table = result.topic_table()
    assert result.labels() == dict(table.select("topic", "label").iter_rows())
    stop = language_stop_words("en")
    for row in table.filter(pl.col("topic") >= 0).iter_rows(named=True):
        words = [w for term in row["top_terms"].split(", ") for w in term.split()]
        assert words and not stop & set(words), row
        parts = row["label"].split(": ", 1)[1].split(", ")
        words = [w for p in parts for w in p.split()]
        assert len({w[:6] for w in words}) == len(words), row["label"]  # no word twice


def test_the_topic_map_is_drawn_from_the_models_own_reduction(seed_units, tmp_path, monkeypatch):
    units, emb, st = seed_units
    result = tp.fit_topics(units, emb, seed=42, embedding_model=st,
                           umap_model=fake_umap(units, 42, tmp_path))  # fmt: skip

    def refuse(*args, **kwargs):
        raise AssertionError("a new UMAP was fitted for the map")

    monkeypatch.setattr("umap.UMAP", refuse)
    monkeypatch.setattr("bertopic.plotting._topics.UMAP", refuse)  # BERTopic's own map
    fig, why = tp.bertopic_figure(result.model, "topics")
    assert why == "" and fig is not None
    (trace,) = fig.data
    topics = result.units.filter(pl.col("topic") >= 0)["topic"]
    assert sorted(int(t) for t in trace.text) == sorted(topics.unique().to_list())
    assert sorted(trace.marker.size) == sorted(topics.value_counts()["count"].to_list())
    result.model.umap_model.embedding_ = None  # a reducer that keeps no reduction
    assert tp.bertopic_figure(result.model, "topics")[0] is None


@pytest.mark.parametrize("progress", [True, False])
def test_a_step_shows_a_text_bar_only_when_asked(capsys, progress):
    with step("clustering (HDBSCAN)", progress=progress):
        pass
    assert ("clustering (HDBSCAN)" in capsys.readouterr().err) is progress


def test_the_default_hdbscan_with_a_bar_clusters_as_without(capsys):
    points = np.random.default_rng(0).normal(size=(200, 2)) + np.repeat([[0, 0], [8, 8]], 100, 0)
    sized = tp.sizes(200)
    shown = tp.default_hdbscan(sized, progress=True).fit(points).labels_
    assert "HDBSCAN" in capsys.readouterr().err
    assert np.array_equal(shown, tp.default_hdbscan(sized).fit(points).labels_)


def test_the_compiled_cache_keeps_a_folder_already_set(monkeypatch, tmp_path):
    import numba

    monkeypatch.setattr(numba.config, "CACHE_DIR", str(tmp_path / "users"))
    assert tp.compiled_cache(tmp_path / "ours") == tmp_path / "users"
    monkeypatch.setattr(numba.config, "CACHE_DIR", "")
    assert tp.compiled_cache(tmp_path / "ours") == tmp_path / "ours"
    assert str(tmp_path / "ours") == numba.config.CACHE_DIR


def test_compiling_ahead_refuses_a_process_whose_numba_keeps_code_elsewhere(monkeypatch, tmp_path):
    import numba

    monkeypatch.setattr(numba.config, "CACHE_DIR", str(tmp_path / "users"))
    with pytest.raises(toolkit.ToolkitError, match="fresh process"):
        tp.compile_ahead(tmp_path / "ours")


_FIT = """
import sys
import numpy as np
from toolkit import topics as tp
tp.compiled_cache(sys.argv[1])
x = np.random.default_rng(1).normal(size=(62, 384)).astype(np.float32)
tp.default_umap(tp.sizes(62), 42).fit_transform(x / np.linalg.norm(x, axis=1, keepdims=True))
"""


@pytest.mark.e2e
def test_code_compiled_ahead_is_what_a_first_fit_reads(tmp_path):
    """What set-up compiles (random points) is what a fit of unit embeddings needs: the fit
    writes nothing new to numba's cache, so it compiled nothing."""
    import subprocess
    import sys

    folder = tmp_path / "numba"
    ahead = (
        "from toolkit import topics as tp; import sys; tp.compile_ahead(sys.argv[1], sizes_=(60,))"
    )
    subprocess.run([sys.executable, "-c", ahead, str(folder)], check=True)
    written = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    assert any(p.suffix == ".nbc" for p in written)
    subprocess.run([sys.executable, "-c", _FIT, str(folder)], check=True)
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()} == written


@pytest.mark.parametrize(
    ("langs", "flagged", "said"),
    [
        # two topics, each one language's, in a corpus of two: both flagged
        ({0: ["en"] * 10, 1: ["ru"] * 10}, [0, 1], "Topics t0 (en 100%) and t1 (ru 100%)"),
        # mixed topics: none
        ({0: ["en"] * 5 + ["ru"] * 5, 1: ["ru"] * 6 + ["en"] * 4}, [], ""),
        # one language in all: no table, nothing said
        ({0: ["en"] * 10, 1: ["en"] * 10}, None, ""),
        # one topic of one language, the other mixed; outliers (-1) aside
        ({0: ["ru"] * 19 + ["en"], 1: ["en"] * 5 + ["ru"] * 5, -1: ["en"] * 30}, [0],
         "Topic t0 (ru 95%) is almost all one language's"),
    ],
)  # fmt: skip
def test_topics_of_one_language_are_named(langs, flagged, said):
    rows = [(t, lg) for t, ls in langs.items() for lg in ls]
    units = pl.DataFrame(rows, schema={"topic": pl.Int64, "lang": pl.String}, orient="row")
    table, note = tp.language_topics(units, labels={0: "t0", 1: "t1"})
    if flagged is None:
        assert table.height == 0
    else:
        assert table.filter("one_language")["topic"].to_list() == flagged
    assert note.startswith(said) if said else note == ""


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Putin meets Lukashenko", "The presidents met in Sochi.",
         "Putin meets Lukashenko\n\nThe presidents met in Sochi."),
        ("Putin meets Lukashenko", "Putin meets Lukashenko in Sochi on Friday.",
         "Putin meets Lukashenko in Sochi on Friday."),  # the text begins with its title
        (None, "The presidents met.", "The presidents met."),
        ("  ", "The presidents met.", "The presidents met."),
    ],
)  # fmt: skip
def test_article_units_read_their_title_with_their_text(title, text, expected):
    units = pl.DataFrame(
        {"title": [title], "text": [text]}, schema={"title": pl.String, "text": pl.String}
    )
    assert tp.with_titles(units)["text"].to_list() == [expected]


def test_the_units_embedded_are_those_the_notebook_reads():
    """Trial O: a Dask run embedded the bare texts beforehand while the notebook read articles
    as title and text, so the notebook embedded them again and the topics differed."""
    stories = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "title": ["Talks in Minsk", None],
            "text": ["Gas was discussed.", "Oil."],
        }
    )
    units, wordless = tp.topic_units(stories, "article")
    assert units["text"].to_list() == ["Talks in Minsk\n\nGas was discussed.", "Oil."]
    assert wordless == 0


def test_a_passage_several_units_share_is_one_representative():
    """Trial X: a topic listed one passage two or three times among its three."""

    class Model:
        def get_topic(self, t):
            return [("belarus", 0.5), ("minsk", 0.4)]

        def get_representative_docs(self, t):
            return ["Talks in Minsk.", "Talks in Minsk.", "Gas prices rose."]

    units = pl.DataFrame(
        {"unit_id": ["a:0", "b:0", "c:0"], "text": ["Talks in Minsk.", "Talks in Minsk.",
                                                    "Gas prices rose."], "topic": [0, 0, 0]}
    )  # fmt: skip
    result = tp.TopicResult("ok", "", {}, units, model=Model())
    row = result.topic_table().row(0, named=True)
    assert row["representative"] == ["Talks in Minsk.", "Gas prices rose."]
    assert row["representative_units"] == ["a:0", "c:0"]


@pytest.mark.parametrize(
    ("aris", "stabilities", "says", "not_says"),
    [
        # trial AA, sentence units: one refit found 2 topics (ARI 0.003), the report said nothing
        (
            [0.003, 0.66],
            [0.9, 0.3],
            ["do not survive a refit", "1 of 2 topics are tentative"],
            [],
        ),
        (
            [0.73, 0.79],
            [0.99, 0.94],
            ["0.73 to 0.79", "Every topic has a stability of 0.5"],
            ["do not survive"],
        ),
    ],
)
def test_the_report_says_whether_topics_survive_a_refit(aris, stabilities, says, not_says):
    from toolkit.topic_stability import stability_note

    runs = pl.DataFrame({"seed": [1, 2], "ari": aris, "topics": [2, 94]})
    per = pl.DataFrame({"topic": [0, 1], "stability": stabilities, "worst": stabilities})
    note = stability_note(runs, per, {0: "0: a", 1: "1: b"}, n_topics=97)
    assert all(s in note for s in says) and not any(s in note for s in not_says)
