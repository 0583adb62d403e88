import numpy as np
import pytest

from toolkit.embed import embed, model_info
from toolkit.errors import ToolkitError

TEXTS = [
    "Putin and Lukashenko held talks in Minsk on the Union State.",
    "Lavrov attended the joint collegium of the foreign ministries.",
    "Putin and Lukashenko held talks in Minsk on the Union State.",
]


def test_the_bundled_model_embeds_offline_and_the_cache_is_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    first = embed(TEXTS, cache_dir=tmp_path)
    assert first.shape == (3, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1, atol=1e-5)
    assert np.array_equal(first[0], first[2])
    shards = list(tmp_path.rglob("shard-*.parquet"))
    assert len(shards) == 1  # two distinct texts, embedded once
    again = embed([*TEXTS[::-1], "A new text about gas prices."], cache_dir=tmp_path)
    assert np.array_equal(again[:3], first[::-1])
    assert len(list(tmp_path.rglob("shard-*.parquet"))) == 2  # only the new text was embedded
    assert model_info().bundled


def test_a_model_path_that_is_not_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(ToolkitError, match="not a sentence-transformers model folder"):
        model_info(tmp_path)
