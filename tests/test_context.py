"""A notebook's context: under `toolkit run` (a prepared key) the corpus is read back from the
cache without validating or hashing again; interactively, it is prepared from the parameters."""

import re

import pytest
from conftest import ROOT

import toolkit.context
import toolkit.params
import toolkit.prepare
from toolkit.context import BORROWED, check_corpus, context, notebook_parameters
from toolkit.errors import ParamsError, ToolkitError
from toolkit.params import SHARED, defaults


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def namespace(section, **extra):
    d = defaults()
    return {**{k: d[k] for k in SHARED}, section: d[section], **extra}


def test_interactively_the_corpus_is_prepared_from_the_parameters(in_root, tmp_path):
    ctx = context(namespace("corpus", cache_dir=str(tmp_path)), "corpus")
    assert ctx.prepared.corpus.height == 5 and not ctx.prepared.cached
    assert ctx.cache("umap") == tmp_path / "umap"
    again = context(namespace("corpus", cache_dir=str(tmp_path)), "corpus")
    assert again.prepared.cached and again.prepared.key == ctx.prepared.key


def test_with_a_prepared_key_nothing_is_validated_or_hashed_again(in_root, tmp_path, monkeypatch):
    key = context(namespace("corpus", cache_dir=str(tmp_path)), "corpus").prepared.key

    def refuse(*args, **kwargs):
        raise AssertionError("validated or hashed again")

    monkeypatch.setattr(toolkit.context, "validate_params", refuse)
    monkeypatch.setattr(toolkit.prepare, "input_hashes", refuse)
    ns = namespace("trends", cache_dir=str(tmp_path), prepared_key=key, output_dir=str(tmp_path))
    ns["rhetoric"] = {"frames_file": "toolkit/lexicons/frames.yaml", "frames_mode": "replace"}
    ctx = context(ns, "trends")
    assert ctx.prepared.cached and ctx.prepared.key == key and ctx.stories.height == 5
    assert ctx.params["rhetoric"]["frames_file"] == "toolkit/lexicons/frames.yaml"
    assert ctx.params["rhetoric"]["group_by"] == "outlet"  # the rest from the defaults
    assert ctx.prepared.inputs and all(len(h) == 64 for h in ctx.prepared.inputs.values())


def test_an_unknown_prepared_key_says_what_to_do(in_root, tmp_path):
    with pytest.raises(ToolkitError, match="without prepared_key"):
        context(namespace("corpus", cache_dir=str(tmp_path), prepared_key="nope"), "corpus")


def test_a_table_of_another_notebook_is_read_through_the_context(in_root, tmp_path):
    ctx = context(namespace("topics", cache_dir=str(tmp_path), output_dir=str(tmp_path)), "topics")
    assert ctx.table("topics", "article_topics") is None
    ctx.save_table(ctx.stories.select("doc_id").head(2), "article_topics")
    trends = context(
        namespace("trends", cache_dir=str(tmp_path), output_dir=str(tmp_path)), "trends"
    )
    assert trends.table("topics", "article_topics").height == 2


def test_the_frames_honour_the_frames_file(in_root, tmp_path):
    extra = tmp_path / "frames.yaml"
    extra.write_text("peace:\n  label: Peace\n  terms: [peace*, ceasefire]\n")
    ns = namespace("trends", cache_dir=str(tmp_path))
    ns["rhetoric"] = {"frames_file": str(extra), "frames_mode": "replace"}
    assert list(context(ns, "trends").frames()) == ["peace"]
    ns["rhetoric"]["frames_mode"] = "extend"
    assert {"peace", "security_threat"} <= set(context(ns, "trends").frames())


def test_the_declared_parameters_are_the_pipelines_and_the_borrowed_keys():
    assert set(notebook_parameters("trends")["rhetoric"]) == set(BORROWED["trends"]["rhetoric"])
    assert notebook_parameters("corpus")["prepared_key"] is None


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"outlets": ["TASS", "BelTA"]}, None),
        ({"rhetoric": {"pair": ["TASS", "BelTA"]}}, None),
        (
            {"outlets": ["CGTN"]},
            "outlets: 'CGTN' has no document in the corpus; its outlets: BelTA,",
        ),
        (
            {"rhetoric": {"pair": ["TASS", "CGTN"]}},
            "rhetoric.pair: 'CGTN' has no document in the corpus once filtered; its outlets:",
        ),
        (
            {"outlets": ["TASS", "Xinhua"], "rhetoric": {"pair": ["TASS", "BelTA"]}},
            "rhetoric.pair: 'BelTA' has no document in the corpus once filtered",
        ),
        (
            {"date_from": "2022-01-01", "rhetoric": {"pair": ["TASS", "BelTA"]}},
            "rhetoric.pair: 'BelTA' has no document",
        ),
        (
            {"rhetoric": {"group_by": "site", "pair": ["tass.com", "rt.com"]}},
            "rhetoric.pair: 'rt.com' has no document in the corpus once filtered; its sites:",
        ),
    ],
)
def test_filters_naming_what_the_corpus_lacks_fail_before_any_notebook(
    in_root, tmp_path, changes, problem
):
    raw = {"sources": ["seeds"], **changes}
    params = toolkit.params.validate(raw, root=ROOT)
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus
    if problem is None:
        check_corpus(params, corpus, where="set.yaml")
        return
    with pytest.raises(ParamsError, match=re.escape(problem)) as e:
        check_corpus(params, corpus, where="set.yaml")
    assert str(e.value).startswith("set.yaml: 1 problem:")


def test_interactively_a_filter_the_corpus_lacks_stops_the_notebook(in_root, tmp_path):
    ns = namespace("rhetoric", cache_dir=str(tmp_path))
    ns["rhetoric"]["pair"] = ["TASS", "CGTN"]
    with pytest.raises(ParamsError, match="'CGTN' has no document"):
        context(ns, "rhetoric")


def test_a_damaged_prepared_corpus_under_a_run_is_prepared_again(in_root, tmp_path, caplog):
    key = context(namespace("corpus", cache_dir=str(tmp_path)), "corpus").prepared.key
    corpus = tmp_path / "prepared" / key / "corpus.parquet"
    corpus.write_bytes(corpus.read_bytes()[:100])
    ns = namespace("corpus", cache_dir=str(tmp_path), prepared_key=key, output_dir=str(tmp_path))
    ctx = context(ns, "corpus")
    assert not ctx.prepared.cached and ctx.prepared.key == key and ctx.stories.height == 5
    assert str(corpus) in caplog.text
