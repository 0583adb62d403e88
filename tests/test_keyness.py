import warnings

import numpy as np
import polars as pl
import pytest

from toolkit import keyness
from toolkit.keyness import distinctive_terms, note_of


def docs(rows):
    """(doc_id, outlet, text) in Russian."""
    frame = pl.DataFrame(rows, schema=["doc_id", "outlet", "text"], orient="row")
    return frame.with_columns(lang=pl.lit("ru"), n_words=pl.col("text").str.split(" ").list.len())


# one term in the whole vocabulary (what NewsAPI's letterless Russian bodies leave: "ru")
ONE_TERM = docs([(f"a{i}", "RIA", "ru") for i in range(6)] + [(f"b{i}", "TASS", "ru ru")
                                                               for i in range(6)])  # fmt: skip
TWO_TERMS = docs([(f"a{i}", "RIA", "москва москва минск") for i in range(6)]
                 + [(f"b{i}", "TASS", "минск минск москва") for i in range(6)])  # fmt: skip


@pytest.mark.parametrize(
    ("corpus", "options", "rows", "note"),
    [
        # each group against the rest and one against the other: z undefined, every row dropped
        (ONE_TERM, {}, 0, "1 term left out: z cannot be computed because only one term (ru)"),
        (ONE_TERM, {"pair": ("RIA", "TASS")}, 0, "1 term left out: z cannot be computed"),
        (ONE_TERM, {"pair": ("RIA", "TASS"), "within": "lang"}, 0, "1 term left out"),
        # two terms: every z defined, no note
        (TWO_TERMS, {}, 4, None),
        (TWO_TERMS, {"pair": ("RIA", "TASS")}, 2, None),
    ],
)
def test_undefined_z_is_dropped_with_a_note_and_no_warning(corpus, options, rows, note):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a numpy RuntimeWarning fails the test
        out = distinctive_terms(corpus, by="outlet", min_count=1, min_group_docs=1,
                                 ngram_max=1, **options)  # fmt: skip
    kept = out.filter(pl.col("term").is_not_null()) if "term" in out.columns else out.clear()
    assert kept.height == rows
    if rows:
        assert kept["z"].is_finite().all() and kept["log_odds"].is_finite().all()
    if note is None:
        assert note_of(out) is None
    else:
        assert note_of(out).startswith(note)


@pytest.mark.parametrize(
    ("y_i", "y_j", "alpha"),
    [
        ([5.0], [3.0], [1.0]),  # one term: odds against the other terms are 0/0
        ([0.0, 0.0], [0.0, 0.0], [0.0, 0.0]),  # nothing counted, no prior
    ],
)
def test_log_odds_warns_of_nothing_on_degenerate_counts(y_i, y_j, alpha):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        delta, _ = keyness._log_odds(np.array(y_i), np.array(y_j), np.array(alpha))
    assert not np.isfinite(delta).all()


# many terms, a few of them distinctive: RIA writes "санкции" and "нато" far more
MANY = docs(
    [(f"a{i}", "RIA", "санкции нато " * 3 + " ".join(f"слово{j}" for j in range(i, i + 30)))
     for i in range(30)]
    + [(f"b{i}", "TASS", " ".join(f"слово{j}" for j in range(i, i + 30)) + " минск")
       for i in range(30)]
)  # fmt: skip


@pytest.mark.parametrize(
    "options",
    [{"pair": ("RIA", "TASS")}, {"pair": ("RIA", "TASS"), "within": "lang"}, {"top": 3}],
)
def test_q_values_are_benjamini_hochberg_over_every_term_compared(options):
    """Trial E: 1,544 of 16,844 terms passed |z| > 1.96 with q >= 0.05. Each table now
    carries p and BH q over all the terms of its comparison, not only those shown."""
    from scipy.special import erfc
    from scipy.stats import false_discovery_control

    full = distinctive_terms(MANY, by="outlet", min_count=1, min_group_docs=1, ngram_max=1,
                             **{**options, "top": 10_000})  # fmt: skip
    shown = distinctive_terms(MANY, by="outlet", min_count=1, min_group_docs=1, ngram_max=1,
                              **options)  # fmt: skip
    for _, rows in full.group_by("group"):
        p = erfc(np.abs(rows["z"].to_numpy()) / np.sqrt(2))
        assert rows["q_value"].to_numpy() == pytest.approx(false_discovery_control(p), rel=1e-3)
        assert (rows["q_value"] >= rows["p_value"] - 1e-12).all()
    kept = shown.join(full.select("group", "term", q="q_value"), on=["group", "term"])
    assert kept["q_value"].to_list() == kept["q"].to_list()  # the top keep the full family's q
    top = shown.filter(pl.col("group") == "RIA").sort("z", descending=True)
    assert set(top["term"].head(2)) == {"санкция", "нато"}  # lemmas and top["q_value"][0] < 0.05


def test_a_groups_own_name_among_its_terms_is_marked():
    """Trial L: "mash" topped Mash's distinctive terms (its sign-offs), "shot" SHOT's."""
    rows = [(f"m{i}", "Mash", "Mash reports sanctions news today") for i in range(20)]
    rows += [(f"s{i}", "SHOT", "Shot reports weather news today") for i in range(20)]
    docs = pl.DataFrame(rows, schema=["doc_id", "outlet", "text"], orient="row").with_columns(
        n_words=pl.lit(5, pl.Int64), lang=pl.lit("en")
    )
    terms = distinctive_terms(docs, by="outlet", min_count=5, ngram_max=1)
    marked = dict(terms.select(pl.concat_str("group", pl.lit(":"), "term"), "names_group").rows())
    assert marked["Mash:mash"] is True and marked["SHOT:shot"] is True
    assert marked["Mash:sanctions"] is False and marked["SHOT:weather"] is False


def test_each_term_says_how_many_documents_use_it_and_how_much_one_does():
    """Trial Q: ABC's "xi" (31 uses) came from one article; nothing in the table said so."""
    rows = [("a0", "ABC", "xi " * 12 + "talks")] + [(f"a{i}", "ABC", "talks sanctions")
                                                     for i in range(1, 6)]  # fmt: skip
    rows += [(f"b{i}", "CBS", "talks weather") for i in range(6)]
    frame = docs(rows).with_columns(lang=pl.lit("en"))
    terms = distinctive_terms(frame, by="outlet", min_count=1, ngram_max=1)
    row = terms.filter((pl.col("group") == "ABC") & (pl.col("term") == "xi")).row(0, named=True)
    assert (row["count"], row["term_docs"], row["top_doc_share"]) == (12, 1, 1.0)
    row = terms.filter((pl.col("group") == "ABC") & (pl.col("term") == "sanctions")).row(
        0, named=True
    )
    assert (row["count"], row["term_docs"], row["top_doc_share"]) == (5, 5, 0.2)
