"""The Dask engine gives the local engine's tables: corpus, report, learned chrome, pairs,
clusters and near misses, on the seeds, on made-up reprints and on every corpus in
../shared/corpora, run on a 2-worker LocalCluster (threads in this process, to keep it quick);
and a run on it embeds into the cache a local run reads.

Small batches and chunks make many partitions, so every shuffle and reduction has work to do.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading

import numpy as np
import polars as pl
import pytest
from conftest import CORPORA, ROOT, SEEDS
from fakes import FakeEmbedder
from polars.testing import assert_frame_equal

import toolkit.embed
import toolkit.params
import toolkit.run
from toolkit import dask_load
from toolkit.context import context
from toolkit.dask_clusters import forest
from toolkit.dask_embed import DaskEncoder, embed_on_dask
from toolkit.dedup import find_duplicates
from toolkit.embed import embed
from toolkit.engine import EngineError, client_for, is_local, open_engine, scheduler_address
from toolkit.load import ingest
from toolkit.params import ParamsError, validate
from toolkit.prepare import prepare
from toolkit.run import run_pipeline
from toolkit.segment import segment
from toolkit.sources import find_sources
from toolkit.xlingual import find_translations

distributed = pytest.importorskip("distributed", reason="the dask extra: pip install toolkit[dask]")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(dask_load, "BATCH_FILES", 40)
    monkeypatch.setattr(dask_load, "BATCH_BYTES", 1 << 20)


def _same_duplicates(corpus, client, **options) -> None:
    local = find_duplicates(corpus, **options)
    dask = find_duplicates(corpus, engine=client, **options)
    assert_frame_equal(local.pairs, dask.pairs)
    assert_frame_equal(local.clusters, dask.clusters)
    assert_frame_equal(local.near_misses, dask.near_misses)
    keys = ("documents", "empty", "too_short", "large_buckets", "boilerplate_shingles",
            "candidates", "rejected", "template", "apart", "below")  # fmt: skip
    for key in keys:
        assert local.stats[key] == dask.stats[key], key


def _same_ingest(source, client):
    local, dask = ingest(source), ingest(source, engine=client)
    assert_frame_equal(local.corpus, dask.corpus)
    assert_frame_equal(local.report, dask.report)
    assert_frame_equal(local.learned_chrome, dask.learned_chrome)
    return local.corpus


def test_seeds_give_the_same_tables(client, small_batches):
    corpus = _same_ingest(SEEDS, client)
    _same_duplicates(corpus, client, chunk_size=2)


@pytest.mark.parametrize(("batch_files", "batch_bytes"), [(1, 1 << 24), (3, 1 << 24), (7, 40)])
def test_batches_counted_apart_give_the_tables_of_one_batch(
    tmp_path, monkeypatch, client, batch_files, batch_bytes
):
    """Copies of one story in many batches vote once (each is the first batch's), menus and
    footers learned from counts merged in any order, yearless datelines placed, a month-first
    CSV settled, a CSV a slice at a time (40 bytes)."""
    from test_load import _sites_folder  # the folder the local batches are checked on

    monkeypatch.setattr(dask_load, "BATCH_FILES", batch_files)
    monkeypatch.setattr(dask_load, "BATCH_BYTES", batch_bytes)
    monkeypatch.setattr(dask_load, "SLICE_BYTES", batch_bytes)
    folder = _sites_folder(tmp_path)
    assert ingest(folder).learned_chrome.height >= 6
    _same_ingest(folder, client)
    files = find_sources(folder).files
    assert len(list(dask_load.batches(files, max_bytes=batch_bytes, max_files=batch_files))) > 6


def _broken(*args, **kwargs):
    raise RuntimeError("a task failed")


@pytest.mark.parametrize("fail", [False, True])
def test_batches_pass_between_rounds_as_files_in_a_scratch_folder_removed_after(
    tmp_path, monkeypatch, client, small_batches, fail
):
    """Every round's frames go to parquet files under ``SCRATCH_DIR`` (not worker memory), and
    nothing is left there at the end, even when a task fails."""
    written = []

    def put(frame, out, name, put=dask_load._put):
        written.append(put(frame, out, name))
        return written[-1]

    monkeypatch.setattr(dask_load, "_put", put)
    monkeypatch.setattr(dask_load, "SCRATCH_DIR", str(tmp_path))
    monkeypatch.setattr(dask_load, "BATCH_FILES", 3)
    if fail:
        monkeypatch.setattr(dask_load, "_dated", _broken)
        with pytest.raises(RuntimeError, match="a task failed"):
            ingest(SEEDS, engine=client)
    else:
        _same_ingest(SEEDS, client)
    rounds = {path.split("/")[-3] for path in written}
    assert rounds == ({"1", "3"} if fail else {"1", "3", "4"})
    assert all(path.startswith(str(tmp_path)) for path in written)
    assert list(tmp_path.iterdir()) == []


def _reprints() -> pl.DataFrame:
    """Stories, their exact, trimmed and edited copies, a compilation of two, boilerplate shared
    by many, a templated series, and empty texts: every kind of pair and a bucket over
    max_bucket."""
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(400)]

    def story() -> str:
        return " ".join(rng.choice(words, 120))

    stories = [story() for _ in range(12)]
    texts = list(stories)
    texts += [stories[0], stories[0], stories[1]]  # exact
    texts += [s[: int(len(s) * 0.8)] for s in stories[2:5]]  # trimmed: near or contained
    texts += [stories[5].replace("w1 ", "w2 ").replace("w3 ", "w4 ")]  # copy-edited
    texts += [stories[6] + " " + stories[7] + " " + story()]  # a compilation
    texts += ["Follow us on Telegram for the latest news"] * 6  # boilerplate: too short
    template = " ".join(rng.choice(words, 60))
    texts += [template + " " + " ".join(rng.choice(words, 15)) for _ in range(18)]  # a series
    texts += ["", None, "..."]
    n = len(texts)
    return pl.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(n)][::-1],
            "text": texts,
            "published": [dt.date(2024, 1, 1 + i % 5) if i % 4 else None for i in range(n)],
            "outlet": ["TASS", "BelTA", None][:] * (n // 3) + ["TASS"] * (n % 3),
        }
    )


@pytest.mark.parametrize(
    "options",
    [
        {"chunk_size": 4},
        {"chunk_size": 5, "max_bucket": 2},
        {"chunk_size": 7, "threshold": 0.8, "containment": 0.5, "bands": 16},
        {"chunk_size": 100},
        {"chunk_size": 6, "max_days": 1, "min_shingles": 4},  # copies dated apart unlinked
    ],
)
def test_made_up_reprints_give_the_same_tables(client, options):
    _same_duplicates(_reprints(), client, **options)


def test_exact_copies_of_a_series_template_give_the_same_tables(client):
    text = "Vladimir Putin held a meeting with permanent members of the Security Council."
    n = 14
    corpus = pl.DataFrame(
        {
            "doc_id": [f"m{i:02d}" for i in range(n)],
            "text": [text] * n,
            "published": [dt.date(2025, 2, 1 + (i if i < 7 else 0)) for i in range(n)],
            "site": ["kremlin.ru"] * 7 + ["tass.com"] * 7,  # a weekly template; one day's copies
        }
    )
    _same_duplicates(corpus, client, chunk_size=3, min_shingles=5)
    local = find_duplicates(corpus, min_shingles=5)
    assert local.clusters.filter(pl.col("cluster_size") == 7)["doc_id"].str.starts_with("m").all()


def test_a_parquet_corpus_is_read_by_the_workers(client, tmp_path):
    path = tmp_path / "corpus.parquet"
    _reprints().write_parquet(path)
    _same_duplicates(str(path), client, chunk_size=6)


@pytest.mark.corpora
@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else ["absent"],
)
def test_every_corpus_gives_the_same_tables(corpora, client, small_batches, name):
    corpus = _same_ingest(corpora / name, client)
    _same_duplicates(corpus, client, chunk_size=max(500, corpus.height // 4))


@pytest.mark.parametrize(
    ("a", "b", "roots"),
    [
        ([], [], {}),
        ([5], [9], {5: 5, 9: 5}),
        ([1, 3, 7, 2], [3, 7, 8, 4], {1: 1, 3: 1, 7: 1, 8: 1, 2: 2, 4: 2}),
        ([9, 8, 7, 6], [8, 7, 6, 5], {5: 5, 6: 5, 7: 5, 8: 5, 9: 5}),  # a long chain
    ],
)
def test_forest_roots_each_component_at_its_lowest_node(a, b, roots):
    nodes, found = forest(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64))
    assert dict(zip(nodes.tolist(), found.tolist(), strict=True)) == roots


class _FakeModel:
    """Vectors from the characters of each text: deterministic, like a real model."""

    def encode(self, texts, *, batch_size, normalize_embeddings, **_):
        v = np.array([[len(t), sum(map(ord, t)) % 97, t.count(" ")] for t in texts], np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True) if normalize_embeddings else v


def _fake_loader(path: str) -> _FakeModel:
    return _FakeModel()


@pytest.mark.parametrize("n", [0, 1, 5, 200])
def test_dask_encoder_gives_the_local_vectors_in_order(client, n):
    texts = [f"talks in Minsk {i} " * (i % 4 + 1) for i in range(n)]
    encoder = DaskEncoder(client, "unused", batches_per_task=2, loader=_fake_loader)
    got = encoder.encode(texts, batch_size=8, normalize_embeddings=True)
    if n:
        np.testing.assert_array_equal(got, _FakeModel().encode(texts, batch_size=8,
                                                               normalize_embeddings=True))  # fmt: skip
    else:
        assert got.size == 0


@pytest.mark.parametrize(
    ("engine", "local", "address"),
    [
        (None, True, None),
        ("local", True, None),
        ("dask", False, None),
        ("dask://10.0.0.5:8786", False, "tcp://10.0.0.5:8786"),
        ("tcp://node1:8786", False, "tcp://node1:8786"),
        ("tls://node1:8786", False, "tls://node1:8786"),
    ],
)
def test_engines_are_named_as_the_docs_say(engine, local, address):
    assert is_local(engine) is local
    if not local:
        assert scheduler_address(engine) == address


@pytest.mark.parametrize("engine", ["spark", "dask:/host", 3])
def test_an_unknown_engine_says_what_to_use(engine):
    with pytest.raises(EngineError, match="engine"), client_for(engine):
        pass


def test_open_engine_is_none_for_local_and_a_client_for_one_given(client):
    with open_engine("local", {}) as engine:
        assert engine is None
    with open_engine(client, {}) as engine:
        assert engine is client


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"engine": "spark"}, "engine"),
        ({"engine": "dask", "dask": {"adress": "tcp://h:1"}}, "unknown keys adress"),
        ({"engine": "dask", "dask": {"address": "h:1"}}, "not a scheduler address"),
        ({"engine": "dask", "dask": {"local_workers": 0}}, "at least 1"),
        ({"dask": {"address": "tcp://h:1", "local_workers": 2}}, "not both"),
    ],
)
def test_bad_engine_keys_are_named(raw, message):
    with pytest.raises(ParamsError, match=message):
        validate(raw, root=SEEDS.parent)


@pytest.mark.parametrize(
    "raw", [{"engine": "dask", "dask": {"address": "tcp://h:1"}}, {"dask": {"local_workers": 3}}]
)
def test_good_engine_keys_pass(raw):
    assert validate(raw, root=SEEDS.parent)["dask"] == raw["dask"]


@pytest.mark.parametrize(
    ("sizes", "max_bytes", "max_files", "expected"),
    [
        ([], 10, 5, []),
        ([3, 3, 3], 8, 5, [2, 1]),
        ([3, 3, 3], 100, 2, [2, 1]),
        ([50, 1, 1], 10, 5, [1, 2]),  # a file over the limit is a batch of its own
    ],
)
def test_batches_are_bounded_by_bytes_and_files(tmp_path, sizes, max_bytes, max_files, expected):
    files = []
    for i, size in enumerate(sizes):
        (tmp_path / f"{i}.txt").write_bytes(b"x" * size)
        files.append((tmp_path / f"{i}.txt", f"{i}.txt"))
    got = list(dask_load.batches(files, max_bytes=max_bytes, max_files=max_files))
    assert [len(b) for b in got] == expected
    assert [f for b in got for f in b] == files


# ------------------------------------------------------ embeddings: the run's step on Dask


@pytest.fixture
def fake_model(monkeypatch):
    """The bundled model's cache folder, filled by :class:`FakeEmbedder`: every load, here or in
    a worker thread of the in-process cluster, counted by the thread that asked."""
    loads = []

    def load(path):
        loads.append(threading.current_thread().name)
        return FakeEmbedder()

    monkeypatch.setattr(toolkit.embed, "load_model", load)
    return loads


def _refuse_loading(path):
    raise AssertionError(f"a local run loaded {path}: a text was not in the cache")


@pytest.mark.parametrize("n", [1, 7, 300])
def test_embed_on_dask_fills_the_cache_a_local_embed_reads(client, fake_model, tmp_path, n,
                                                           monkeypatch):  # fmt: skip
    texts = [f"talks in Minsk {i % 50} " * (i % 4 + 1) for i in range(n)]  # repeats among them
    got = embed_on_dask(texts, client, model=None, cache_dir=tmp_path, batch_size=8)
    np.testing.assert_array_equal(got, FakeEmbedder().encode(texts, normalize_embeddings=True))
    assert fake_model and all(name != threading.main_thread().name for name in fake_model)
    monkeypatch.setattr(toolkit.embed, "load_model", _refuse_loading)
    np.testing.assert_array_equal(embed(texts, cache_dir=tmp_path), got)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project copy (seeds, notebooks) whose notebooks are stand-ins: the topics one embeds its
    units through the context on the local engine, as the real notebook does."""
    root = tmp_path / "project"
    (root / "params").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.py"))
    (root / "params" / "set.yaml").write_text("sources: [seeds]\nunit: paragraph\n")
    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(root / "outputs"))
    monkeypatch.chdir(root)
    embedded = []

    def notebook(root, section, run_dir, parameters, *, show_code, progress):
        if section == "topics":
            ctx = context(dict(parameters), section)
            units = segment(ctx.stories, ctx.params["unit"])
            embedded.append(ctx.embeddings(units["text"].to_list()))
        stem = toolkit.params.NOTEBOOKS[section]
        return {"notebook": stem, "status": "ok", "reason": None, "seconds": 0.0,
                "html": f"{stem}.html", "ipynb": f"{stem}.ipynb"}  # fmt: skip

    monkeypatch.setattr(toolkit.run, "_run_notebook", notebook)
    return root, embedded


def test_a_dask_run_embeds_the_units_and_the_topics_notebook_loads_no_model(
    client, fake_model, project, monkeypatch
):
    root, embedded = project
    result = run_pipeline(root / "params" / "set.yaml", progress=False, engine=client,
                          only=["topics"])  # fmt: skip
    engine = result.manifest["engine"]
    assert engine["name"] == "dask" and engine["workers"] == 2
    assert engine["embedded"]["texts"] == embedded[0].shape[0] > 5
    assert fake_model and all(name != threading.main_thread().name for name in fake_model)
    # a local run afterwards reads every vector back: loading a model would fail it
    monkeypatch.setattr(toolkit.embed, "load_model", _refuse_loading)
    again = run_pipeline(root / "params" / "set.yaml", progress=False, engine="local",
                         only=["topics"])  # fmt: skip
    assert again.manifest["engine"] == {"name": "local", "workers": None, "embedded": None}
    np.testing.assert_array_equal(embedded[1], embedded[0])


def test_a_local_run_embeds_nothing_before_the_notebooks(fake_model, project):
    root, embedded = project
    result = run_pipeline(root / "params" / "set.yaml", progress=False, only=["topics"])
    assert result.manifest["engine"]["embedded"] is None and len(embedded) == 1
    assert fake_model == [threading.main_thread().name]  # the notebook loaded it, once


def test_the_real_model_on_two_workers_gives_the_local_vectors(client, tmp_path, monkeypatch):
    texts = segment(ingest(SEEDS).corpus, "paragraph")["text"].to_list()[:40]
    local = embed(texts, cache_dir=tmp_path / "local")
    dask = embed_on_dask(texts, client, model=None, cache_dir=tmp_path / "dask")
    np.testing.assert_allclose(dask, local, atol=1e-5)
    monkeypatch.setattr(toolkit.embed, "load_model", _refuse_loading)
    np.testing.assert_array_equal(embed(texts, cache_dir=tmp_path / "dask"), dask)


def _frame(n: int) -> pl.DataFrame:
    return pl.DataFrame({"a": np.arange(n, dtype=np.int64)})


@pytest.mark.parametrize("n", [10, 100_000])
def test_the_workers_count_a_polars_frame_by_its_size(client, n):
    with client_for(client):
        future = client.submit(_frame, n, pure=False)
        future.result()
        assert client.nbytes(keys=[future.key], summary=False) == {future.key: 8 * n}


def test_the_translation_links_are_embedded_on_the_workers(client, tmp_path, monkeypatch):
    raw = {"sources": ["tests/data/ru-en-sample/texts"], "model": "multilingual"}
    params = validate(raw, root=ROOT)
    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(tmp_path / "local"))
    local = prepare(params, ROOT, cache_dir=tmp_path / "local" / ".cache")
    loads, real = [], toolkit.embed.load_model

    def load(path):
        loads.append(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(toolkit.embed, "load_model", load)
    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(tmp_path / "dask"))
    dask = prepare(params, ROOT, cache_dir=tmp_path / "dask" / ".cache", engine=client)
    assert local.duplicates.stats["translations"] > 0
    assert_frame_equal(local.duplicates.pairs, dask.duplicates.pairs)
    assert_frame_equal(local.duplicates.clusters, dask.duplicates.clusters)
    assert loads and all(name != threading.main_thread().name for name in loads)
    monkeypatch.setattr(toolkit.embed, "load_model", _refuse_loading)
    again = find_translations(dask.corpus, cache_dir=tmp_path / "dask" / ".cache" / "embeddings")
    assert again.height == local.duplicates.stats["translations"]
