"""A corpus the toolkit saved is read back as saved: its ids, texts, dates and outlets kept."""

import polars as pl
import pytest
from conftest import SEEDS
from polars.testing import assert_frame_equal

import toolkit
from toolkit import CORPUS_SCHEMA, InputError, ingest


@pytest.fixture(scope="module")
def seeds():
    return ingest(SEEDS)


def save(frame: pl.DataFrame, path) -> str:
    path.parent.mkdir(exist_ok=True)
    frame.write_parquet(path)
    return str(path)


def test_a_saved_corpus_reads_back_unchanged_and_its_duplicates_join(seeds, tmp_path):
    dups = toolkit.find_duplicates(seeds.corpus)
    marked = toolkit.mark_duplicates(seeds.corpus, dups)
    back = ingest(save(marked, tmp_path / "corpus.parquet"))  # columns added later not kept
    assert_frame_equal(back.corpus, seeds.corpus)
    assert back.report["status"].to_list() == ["loaded"] * seeds.corpus.height
    assert back.report["note"].str.contains("saved").all()
    again = toolkit.mark_duplicates(back.corpus, dups)  # found on the saved corpus: every id joins
    assert again["cluster_id"].null_count() == 0


@pytest.mark.parametrize(
    ("sources", "loaded", "skipped"),
    [
        (["saved"], 5, 0),
        (["saved", "seeds"], 5, 5),  # the seeds again: each the same id as a saved row
        (["saved", "saved2"], 5, 5),  # the same corpus saved twice
        (["half", "seeds"], 5, 2),  # a saved part, the rest loaded from the files
    ],
)
def test_saved_and_loaded_together(seeds, tmp_path, sources, loaded, skipped):
    paths = {
        "saved": save(seeds.corpus, tmp_path / "a" / "corpus.parquet"),
        "saved2": save(seeds.corpus, tmp_path / "b" / "corpus.parquet"),
        "half": save(seeds.corpus.head(2), tmp_path / "c" / "corpus.parquet"),
        "seeds": str(SEEDS),
    }
    result = ingest([paths[s] for s in sources])
    status = result.report.filter(pl.col("status") != "manifest")["status"]
    assert (status == "loaded").sum() == loaded == result.corpus.height
    assert (status == "skipped").sum() == skipped
    assert result.corpus["doc_id"].is_unique().all()
    assert set(result.corpus["doc_id"]) == set(seeds.corpus["doc_id"])


def test_a_saved_corpus_of_the_wrong_types_is_an_error_naming_the_file(seeds, tmp_path):
    bad = seeds.corpus.with_columns(published=pl.lit("someday"))
    with pytest.raises(InputError, match=r"bad\.parquet: .*not its types"):
        ingest(save(bad, tmp_path / "bad.parquet"))


def test_a_parquet_table_without_the_corpus_columns_is_read_as_a_table(tmp_path):
    table = pl.DataFrame({"title": ["Minsk talks"], "text": ["Talks in Minsk went on."],
                          "date": ["2024-05-01"], "outlet": ["BelTA"]})  # fmt: skip
    result = ingest(save(table, tmp_path / "t.parquet"))
    assert result.corpus.columns == list(CORPUS_SCHEMA)
    assert result.corpus["title"].to_list() == ["Minsk talks"]
    assert not result.report["note"].fill_null("").str.contains("saved").any()


@pytest.mark.parametrize(
    ("saved_outlet", "tables", "outlet", "named"),
    [
        (None, True, "Minsk Daily", True),  # saved unnamed, named by the tables given now
        (None, False, None, False),  # no tables: left unnamed, as saved
        ("BelTA", True, "BelTA", False),  # an outlet saved is kept
    ],
)
def test_outlet_tables_name_the_sites_of_a_corpus_saved_without_them(
    seeds, tmp_path, saved_outlet, tables, outlet, named
):
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "minsk.yaml").write_text(
        "outlet: Minsk Daily\naliases: [minsk daily]\nsites:\n  - domain: minskdaily.by\n"
    )
    row = seeds.corpus.head(1).with_columns(
        outlet=pl.lit(saved_outlet, pl.String), site=pl.lit("minskdaily.by")
    )
    path = save(row, tmp_path / "saved" / "corpus.parquet")
    result = ingest(path, outlets=str(tmp_path / "tables") if tables else None)
    assert result.corpus["outlet"].to_list() == [outlet]
    assert ("named by this load's tables" in result.report["note"][0]) == named


def test_a_saved_corpus_cut_short_is_an_error_naming_the_file(seeds, tmp_path):
    path = tmp_path / "cut.parquet"
    seeds.corpus.write_parquet(path)
    data = path.read_bytes()
    # the data pages damaged, the footer (and so the columns) intact
    footer = int.from_bytes(data[-8:-4], "little") + 8
    path.write_bytes(data[:4] + b"\0" * (len(data) - 4 - footer) + data[-footer:])
    with pytest.raises(InputError, match=r"cut\.parquet: "):
        ingest(str(path))
