"""Every folder of ../shared/corpora loads, and every skip has a reason we expect there."""

import polars as pl
import pytest

from toolkit import ingest

# folder: (minimum articles, the skip reasons expected there and why)
EXPECTED = {
    "chinadaily-nyt-2013-15": (3990, {"empty file"}),  # nine zero-length article files
    "cn-statemedia-headlines-2022": (38000, {"no body text"}),  # snapshot rows with no title
    "kremlin-2021-22": (1796, set()),
    "statemedia-headlines-2006-26": (76588, set()),
    # the JSON repeats the CSV's 20 articles (same URLs); LICENSE is not an article
    "tass-sample-2024": (20, {"duplicate id", "unsupported file type ''"}),
}


@pytest.mark.corpora
@pytest.mark.parametrize("folder", sorted(EXPECTED))
def test_corpus_folder_loads_with_only_explained_skips(corpora, folder):
    result = ingest(corpora / folder)
    minimum, reasons = EXPECTED[folder]
    assert result.corpus.height >= minimum
    got = set(result.skipped["reason"].str.replace(r":.*$", "").unique())
    assert got <= reasons, result.skipped.head(5)
    loaded = result.report.filter(pl.col("status") == "loaded").height
    assert loaded == result.corpus.height
    assert result.corpus["doc_id"].n_unique() == result.corpus.height
    assert result.corpus["outlet"].null_count() == 0


@pytest.mark.corpora
def test_corpus_dates_parse(corpora):
    for folder in [
        "kremlin-2021-22",
        "statemedia-headlines-2006-26",
        "cn-statemedia-headlines-2022",
        "tass-sample-2024",
    ]:
        corpus = ingest(corpora / folder).corpus
        undated = corpus.filter(pl.col("published").is_null())
        assert undated.height <= 1, (folder, undated.select("date_text").head())


@pytest.mark.corpora
def test_clean_is_idempotent_on_real_articles(corpora):
    from toolkit import clean

    texts = ingest(corpora / "chinadaily-nyt-2013-15").corpus.sample(300, seed=1)["raw_text"]
    for raw in texts:
        once = clean(raw)
        assert clean(once) == once
