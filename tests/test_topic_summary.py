"""What the report keeps of a fit, read back from the results cache as it was made: the
fakes (tests/fakes.py) stand in for the model and UMAP."""

import json

import pytest
from conftest import SEEDS
from fakes import FakeEmbedder, FakeUMAP
from polars.testing import assert_frame_equal

import toolkit
from toolkit import topics as tp
from toolkit.context import _read_result, _write_result


@pytest.fixture(scope="module")
def fitted(tmp_path_factory):
    units = toolkit.segment(toolkit.load_corpus(SEEDS, progress=False), "paragraph")
    fake = FakeEmbedder()
    emb = fake.encode(units["text"].to_list())

    def fit(n):
        umap = tp.default_umap(tp.sizes(n), 42, tmp_path_factory.mktemp("umap"), reducer=FakeUMAP)
        return tp.fit_topics(units.head(n), emb[:n], seed=42, embedding_model=fake.backend(),
                             umap_model=umap)  # fmt: skip

    return {"ok": fit(units.height), "too_few_units": fit(8)}


@pytest.mark.parametrize("status", ["ok", "too_few_units"])
def test_a_summary_read_back_from_the_cache_is_the_fit_it_was_made_from(fitted, status, tmp_path):
    result = fitted[status]
    _write_result(tmp_path, tp.summarise(result, passages=2, model_path=None).parts())
    back = tp.TopicSummary.from_parts(_read_result(tmp_path))
    assert (back.status, back.ok, back.n_topics) == (status, result.ok, result.n_topics)
    assert (back.reason, back.outliers) == (result.reason, result.outliers)
    assert back.settings == json.loads(json.dumps(result.settings))
    assert_frame_equal(back.units, result.units)
    assert_frame_equal(back.table, result.topic_table(passages=2))
    assert back.labels() == result.labels()
    for kind in tp.FIGURES if result.ok else ():
        fig, why = tp.bertopic_figure(result.model, kind)
        drawn, why_back = back.figure(kind)
        assert why_back == why and (drawn is None) == (fig is None)
        assert drawn is None or json.loads(drawn.to_json()) == json.loads(fig.to_json())
    saved = tp.save_model(result, tmp_path / "fresh", None) if result.ok else None
    written = back.save_model(tmp_path / "back")
    expected = {p.name: p.read_bytes() for p in saved.iterdir()} if saved else {}
    assert {p.name: p.read_bytes() for p in written.iterdir()} == expected
    assert ("topic_embeddings.safetensors" in expected) == result.ok
