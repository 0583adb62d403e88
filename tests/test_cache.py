"""Cache entries: written whole with a checksum; a damaged one is logged, dropped and rebuilt,
and the run goes on (issue 17, faults). Each kind of entry is damaged the ways a crash or a
full disk damages it: cut short, emptied, changed, its checksum lost."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from conftest import ROOT
from fakes import FakeEmbedder

from toolkit.cache import checksum_path, damage, read_checked, write_atomic, write_bytes
from toolkit.embed import embed
from toolkit.params import validate
from toolkit.prepare import DamagedCache, load_prepared, prepare
from toolkit.topic_model import CachedUMAP


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _lose_checksum(path: Path) -> None:
    checksum_path(path).unlink()


DAMAGE = {"cut short": _cut, "emptied": _empty, "a byte changed": _flip,
          "checksum lost": _lose_checksum}  # fmt: skip


def test_an_entry_is_written_with_its_checksum_and_read_back(tmp_path):
    path = tmp_path / "a" / "entry.bin"
    digest = write_bytes(path, b"forty-two")
    assert checksum_path(path).read_text().strip() == digest and len(digest) == 64
    assert damage(path) is None
    assert read_checked(path, Path.read_bytes) == b"forty-two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["entry.bin", "entry.bin.sha256"]


@pytest.mark.parametrize("hurt", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_entry_is_logged_dropped_and_absent(tmp_path, hurt, caplog):
    path = tmp_path / "entry.bin"
    write_bytes(path, b"forty-two" * 100)
    hurt(path)
    assert damage(path) is not None
    with caplog.at_level(logging.WARNING, logger="toolkit"):
        assert read_checked(path, Path.read_bytes) is None
    assert str(path) in caplog.text and "damaged" in caplog.text
    assert not path.exists() and not checksum_path(path).exists()


def test_an_entry_its_reader_refuses_is_dropped(tmp_path, caplog):
    path = tmp_path / "meta.json"
    write_bytes(path, b"{not json")
    with caplog.at_level(logging.WARNING, logger="toolkit"):
        assert read_checked(path, lambda p: json.loads(p.read_text())) is None
    assert "JSONDecodeError" in caplog.text and not path.exists()


def test_a_write_that_fails_midway_leaves_the_old_entry_and_no_temporary_file(tmp_path):
    path = tmp_path / "entry.bin"
    write_bytes(path, b"old")

    def half_then_crash(tmp: Path) -> None:
        tmp.write_bytes(b"ne")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, half_then_crash)
    assert read_checked(path, Path.read_bytes) == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.bin", "entry.bin.sha256"]


@pytest.fixture
def seeds_params(monkeypatch):
    monkeypatch.chdir(ROOT)
    return validate({"sources": ["seeds"]}, root=ROOT)


def test_a_corpus_prepared_by_other_code_is_not_read_back(seeds_params, tmp_path, monkeypatch):
    """A checkout that pulled new code keeps its version number: the key holds the code's hash."""
    import toolkit.prepare

    first = prepare(seeds_params, ROOT, cache_dir=tmp_path)
    assert prepare(seeds_params, ROOT, cache_dir=tmp_path).cached
    monkeypatch.setattr(toolkit.prepare, "code_version", lambda: "other code")
    again = prepare(seeds_params, ROOT, cache_dir=tmp_path)
    assert not again.cached and again.key != first.key


@pytest.mark.parametrize("name", ["corpus.parquet", "meta.json", "clusters.parquet"])
@pytest.mark.parametrize("hurt", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_prepared_corpus_is_rebuilt_and_the_run_goes_on(
    seeds_params, tmp_path, name, hurt, caplog
):
    first = prepare(seeds_params, ROOT, cache_dir=tmp_path)
    entry = tmp_path / "prepared" / first.key / name
    hurt(entry)
    with caplog.at_level(logging.WARNING, logger="toolkit"):
        again = prepare(seeds_params, ROOT, cache_dir=tmp_path)
    assert not again.cached and again.key == first.key
    assert str(entry) in caplog.text
    assert again.corpus.equals(first.corpus)
    assert prepare(seeds_params, ROOT, cache_dir=tmp_path).cached  # rebuilt whole


def test_a_damaged_prepared_corpus_read_by_key_names_the_file(seeds_params, tmp_path):
    key = prepare(seeds_params, ROOT, cache_dir=tmp_path).key
    _cut(tmp_path / "prepared" / key / "report.parquet")
    with pytest.raises(DamagedCache, match=r"report\.parquet: the cached prepared corpus"):
        load_prepared(key, tmp_path)
    assert not (tmp_path / "prepared" / key).exists()


def test_an_interrupted_prepare_leaves_no_entry_that_passes_for_one(seeds_params, tmp_path):
    key = prepare(seeds_params, ROOT, cache_dir=tmp_path).key
    (tmp_path / "prepared" / key / "meta.json").unlink()  # killed before the last write
    assert not prepare(seeds_params, ROOT, cache_dir=tmp_path).cached


@pytest.mark.parametrize("hurt", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_embedding_shard_is_dropped_and_its_texts_embedded_again(tmp_path, hurt):
    texts = ["Minsk talks", "Moscow talks", "Beijing summit"]
    fake = FakeEmbedder()
    first = embed(texts, cache_dir=tmp_path, encoder=fake)
    (shard,) = tmp_path.rglob("shard-*.parquet")
    hurt(shard)
    again = embed(texts, cache_dir=tmp_path, encoder=fake)
    assert fake.calls == 2 and np.array_equal(first, again)
    assert embed(texts, cache_dir=tmp_path, encoder=fake).shape == (3, 384) and fake.calls == 2


def test_shards_written_by_two_runs_never_overwrite_each_other(tmp_path):
    fake = FakeEmbedder()
    embed(["one"], cache_dir=tmp_path, encoder=fake)
    (shard,) = tmp_path.rglob("shard-*.parquet")
    _lose_checksum(shard)  # the first shard is dropped next time: the next name must be new
    embed(["one", "two"], cache_dir=tmp_path, encoder=fake)
    shards = sorted(tmp_path.rglob("shard-*.parquet"))
    assert len(shards) == 1 and pl.read_parquet(shards[0])["key"].len() == 2
    embed(["three"], cache_dir=tmp_path, encoder=fake)
    assert len(list(tmp_path.rglob("shard-*.parquet"))) == 2


class _Reducer:
    """A fake UMAP: the first columns, counted."""

    fits = 0

    def __init__(self, n_components: int = 2, **_: object):
        self.n = n_components

    def fit_transform(self, x: np.ndarray) -> np.ndarray:
        type(self).fits += 1
        return x[:, : self.n]


@pytest.mark.parametrize("hurt", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_umap_array_is_dropped_and_computed_again(tmp_path, hurt):
    x = np.random.default_rng(0).standard_normal((20, 5)).astype(np.float32)
    _Reducer.fits = 0
    first = CachedUMAP(tmp_path, reducer=_Reducer, n_components=2).fit_transform(x)
    (array,) = tmp_path.glob("umap-*.npy")
    hurt(array)
    umap = CachedUMAP(tmp_path, reducer=_Reducer, n_components=2)
    assert np.array_equal(umap.fit_transform(x), first)
    assert not umap.cache_hit and _Reducer.fits == 2
    hit = CachedUMAP(tmp_path, reducer=_Reducer, n_components=2)
    hit.fit_transform(x)
    assert hit.cache_hit and _Reducer.fits == 2
