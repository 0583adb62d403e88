"""A notebook's context: under `toolkit run` (a prepared key) the corpus is read back from the
cache without validating or hashing again; interactively, it is prepared from the parameters."""

import re
import warnings

import polars as pl
import pytest
from conftest import ROOT
from polars.testing import assert_frame_equal

import toolkit.context
import toolkit.params
import toolkit.prepare
from toolkit.context import BORROWED, context, notebook_parameters
from toolkit.errors import ParamsError, ToolkitError
from toolkit.filters import check_corpus
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
    assert notebook_parameters("topics")["progress"] is True  # bars unless the run says -q


@pytest.mark.parametrize("progress", [True, False])
def test_the_run_hands_each_notebook_whether_to_show_progress(in_root, tmp_path, progress):
    from toolkit.run import _parameters

    params = toolkit.params.validate({"sources": ["seeds"]}, root=ROOT)
    handed = _parameters(params, "topics", tmp_path, "key", tmp_path, progress=progress)
    assert handed["progress"] is progress
    ns = namespace("topics", cache_dir=str(tmp_path))
    ns["progress"] = progress
    assert context(ns, "topics").progress is progress


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


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"date_from": "2030-01-01"},
            "date_from: no document of the 5 in the corpus passes the filters (5 documents of the "
            "outlets kept, dated",
        ),
        (
            {"outlets": ["TASS"], "date_to": "1999-01-01"},
            "outlets, date_to: no document of the 5 in the corpus passes the filters (1 document of "
            "the outlets kept",
        ),
    ],
)
def test_filters_that_leave_no_document_fail_before_any_notebook(
    in_root, tmp_path, changes, problem
):
    params = toolkit.params.validate({"sources": ["seeds"], **changes}, root=ROOT)
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus
    with pytest.raises(ParamsError, match=re.escape(problem)):
        check_corpus(params, corpus, where="set.yaml")


def test_an_outlet_the_tables_do_not_know_is_kept_as_written_and_checked_in_the_corpus(
    in_root, tmp_path
):
    """An outlet column's unknown name is kept as written ("Lenta"): the filter takes it; a
    name no document has is refused once the corpus is prepared, with the corpus's outlets."""
    params = toolkit.params.validate(
        {"sources": ["seeds"], "outlets": ["tass", "Lenta"]}, root=ROOT
    )
    assert params["outlets"] == ["TASS", "Lenta"]  # an alias made canonical, the other as written
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus
    with pytest.raises(
        ParamsError, match="outlets: 'Lenta' has no document in the corpus; its outlets: "
    ):
        check_corpus(params, corpus, where="set.yaml")
    lenta = corpus.with_columns(pl.when(pl.col("outlet") == "BelTA").then(pl.lit("Lenta"))
                                .otherwise(pl.col("outlet")).alias("outlet"))  # fmt: skip
    check_corpus(params, lenta, where="set.yaml")


@pytest.mark.parametrize(
    ("section", "sections", "problem"),
    [
        ("rhetoric", None, "rhetoric.languages: 'zh' has no document in the corpus once filtered"),
        (
            "trends",
            ["trends"],
            "trends.languages: 'zh' has no document in the corpus once filtered",
        ),
        ("trends", ["rhetoric"], None),  # the trends notebook does not run
    ],
)
def test_a_language_the_corpus_lacks_fails_before_any_notebook(
    in_root, tmp_path, section, sections, problem
):
    params = toolkit.params.validate(
        {"sources": ["seeds"], section: {"languages": ["zh"]}}, root=ROOT
    )
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus
    if problem is None:
        check_corpus(params, corpus, where="set.yaml", sections=sections)
        return
    with pytest.raises(ParamsError, match=re.escape(problem) + ".*its languages: en"):
        check_corpus(params, corpus, where="set.yaml", sections=sections)


def test_a_corpus_with_no_article_fails_before_any_notebook(in_root, tmp_path):
    params = toolkit.params.validate({"sources": ["seeds"]}, root=ROOT)
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus.clear()
    with pytest.raises(ParamsError, match="sources: no article was loaded from them"):
        check_corpus(params, corpus, where="set.yaml")


def test_a_pair_of_periods_is_checked_before_any_notebook(in_root, tmp_path):
    """Trial O: `pair: ["2021", "2022"]` with group_by period failed inside the notebook."""
    raw = {"sources": ["seeds"], "rhetoric": {"group_by": "period", "pair": ["2021", "2022"]}}
    params = toolkit.params.validate(raw, root=ROOT)
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus
    with pytest.raises(ParamsError, match=r"'2021' has no document .* its periods: .*-01-01"):
        check_corpus(params, corpus, where="set.yaml")


def test_the_rhetoric_pair_is_checked_only_where_the_rhetoric_notebook_runs(in_root, tmp_path):
    params = toolkit.params.validate(
        {"sources": ["seeds"], "rhetoric": {"pair": ["TASS", "CGTN"]}}, root=ROOT
    )
    corpus = toolkit.prepare.prepare(params, ROOT, cache_dir=tmp_path).corpus
    check_corpus(params, corpus, where="set.yaml", sections=["corpus", "trends"])
    with pytest.raises(ParamsError, match="'CGTN' has no document"):
        check_corpus(params, corpus, where="set.yaml", sections=["rhetoric"])


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


def cached_context(tmp_path, section="rhetoric", **changes):
    ns = namespace(section, cache_dir=str(tmp_path), output_dir=str(tmp_path))
    for key, value in changes.items():
        ns[section] = {**ns[section], key: value}
    return context(ns, section)


@pytest.mark.parametrize(
    "value",
    [
        pl.DataFrame({"a": [1, 2], "b": ["x", None]}),
        (pl.DataFrame({"a": [1]}), 3, {"n": [1, 2]}),
        {"units": 5, "share": 0.25},
    ],
    ids=["frame", "tuple of a frame and values", "json"],
)
def test_a_cached_result_is_read_back_as_it_was_computed(in_root, tmp_path, value):
    ctx, calls = cached_context(tmp_path), []

    def compute():
        calls.append(1)
        return value

    first, again = ctx.cached("r", compute), cached_context(tmp_path).cached("r", compute)
    assert len(calls) == 1
    for a, b in zip(first if isinstance(value, tuple) else [first],
                    again if isinstance(value, tuple) else [again], strict=True):  # fmt: skip
        if isinstance(a, pl.DataFrame):
            assert_frame_equal(a, b)
        else:
            assert a == b


@pytest.mark.parametrize(
    "change",
    [
        {"name": "other"},
        {"inputs": pl.DataFrame({"topic": [1]})},
        {"params": {"bootstrap": 500}},
        {"code": "another toolkit"},
    ],
    ids=["name", "inputs", "parameters", "code"],
)
def test_a_result_is_computed_again_when_what_it_comes_from_changes(
    in_root, tmp_path, monkeypatch, change
):
    calls = []

    def compute():
        calls.append(1)
        return pl.DataFrame({"n": [len(calls)]})

    cached_context(tmp_path).cached("r", compute, inputs=pl.DataFrame({"topic": [0]}))
    if "code" in change:
        monkeypatch.setattr(toolkit.context, "code_version", lambda: change["code"])
    ctx = cached_context(tmp_path, **change.get("params", {}))
    again = ctx.cached(change.get("name", "r"), compute,
                       inputs=change.get("inputs", pl.DataFrame({"topic": [0]})))  # fmt: skip
    assert len(calls) == 2 and again["n"].to_list() == [2]


def test_a_call_edited_in_the_notebook_is_computed_again(in_root, tmp_path):
    docs = pl.DataFrame({"lang": ["ru", "en"]})
    first = cached_context(tmp_path).cached("terms", lambda: docs)
    # the same call, read again: the cached result
    again = cached_context(tmp_path).cached("terms", lambda: docs)
    assert again.height == 2
    # the call edited (as a researcher edits a cell): computed again, not read back
    edited = cached_context(tmp_path).cached("terms", lambda: docs.filter(pl.col("lang") == "ru"))
    assert (first.height, edited.height) == (2, 1)


def test_a_damaged_cached_result_is_computed_again(in_root, tmp_path, caplog):
    ctx, n = cached_context(tmp_path), [1]

    def compute():  # one call; what it gives changes, to see which result is read
        return pl.DataFrame({"n": n})

    ctx.cached("r", compute)
    (part,) = (tmp_path / "results" / "rhetoric").glob("*/part-0.parquet")
    part.write_bytes(part.read_bytes()[:10])  # cut short
    n[0] = 2
    assert ctx.cached("r", compute)["n"].to_list() == [2]
    assert "damaged" in caplog.text
    n[0] = 3
    assert ctx.cached("r", compute)["n"].to_list() == [2]


def test_a_notebook_s_context_silences_tqdm_s_warning_about_ipywidgets(in_root, tmp_path):
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        context(namespace("corpus", cache_dir=str(tmp_path)), "corpus")
        warnings.warn("IProgress not found. Please update jupyter and ipywidgets.", stacklevel=1)
        warnings.warn("a warning of the data stays", stacklevel=1)
    assert [str(w.message) for w in caught if "IProgress" in str(w.message)] == []
    assert any("of the data" in str(w.message) for w in caught)


def test_a_notebook_reads_another_notebooks_table_only_if_made_from_its_corpus(in_root, tmp_path):
    """Trial O: with only `sources` changed, the interactive folder kept the seeds' topics,
    which the trends notebook read for another corpus."""
    ns = namespace("topics", cache_dir=str(tmp_path))
    ns["output_dir"] = str(tmp_path / "out")
    topics = context(ns, "topics")
    topics.save_table(pl.DataFrame({"doc_id": ["a"], "topic": [0]}), "article_topics")
    trends_ns = namespace("trends", cache_dir=str(tmp_path))
    trends_ns["output_dir"] = str(tmp_path / "out")
    assert context(trends_ns, "trends").table("topics", "article_topics") is not None
    key = tmp_path / "out" / "tables" / "01_topics" / "corpus.key"
    key.write_text("another corpus\n")
    assert context(trends_ns, "trends").table("topics", "article_topics") is None


def test_a_variable_named_almost_as_a_parameter_is_warned_of(in_root, tmp_path):
    """Trial O: `duplicate = "keep"` in the parameters cell was ignored without a word."""
    ns = namespace("corpus", cache_dir=str(tmp_path))
    ns["duplicate"] = "keep"
    ns["my_own_variable"] = 3
    with pytest.warns(
        UserWarning, match=r"'duplicate' is no parameter \(did you mean 'duplicates'\?\)"
    ):
        context(ns, "corpus")


def test_a_near_miss_in_a_fresh_notebooks_globals_is_warned_of_not_a_crash(in_root, tmp_path):
    """Trial V: on a fresh kernel the warning put __warningregistry__ into the notebook's
    globals while they were read ("dictionary changed size during iteration"). A notebook's
    cell runs with its namespace as globals, as exec does here."""
    ns = namespace("corpus", cache_dir=str(tmp_path))
    ns["date_form"] = "2024-01-01"
    ns.pop("__warningregistry__", None)
    with pytest.warns(UserWarning, match=r"'date_form' is no parameter"):
        exec("from toolkit.context import context\nctx = context(globals(), 'corpus')", ns)
    assert ns["ctx"].params["date_from"] is None


def test_the_notebooks_own_variables_are_no_near_misses_on_a_second_run_all(in_root, tmp_path):
    """After a first Run All the namespace holds ``seeds`` (a list of ints, beside the int
    parameter ``seed``) and tables named ``units`` or ``by_outlet``: none is a misspelling."""
    ns = namespace("topics", cache_dir=str(tmp_path))
    ns["output_dir"] = str(tmp_path / "out")
    ns["seeds"] = [43, 44]
    ns["units"] = pl.DataFrame({"doc_id": ["a"]})
    ns["by_outlet"] = pl.DataFrame({"outlet": ["TASS"]})
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*is no parameter")
        context(ns, "topics")


def test_an_interactive_rerun_leaves_none_of_the_last_runs_tables(in_root, tmp_path, monkeypatch):
    """Trial O: a table of an earlier parameter set stayed beside the new ones."""
    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(tmp_path / "outputs"))
    ns = namespace("trends", cache_dir=str(tmp_path))
    ns.pop("output_dir", None)
    ctx = context(ns, "trends")
    ctx.save_table(pl.DataFrame({"x": [1]}), "before_after_terms")
    assert (ctx.tables_dir / "before_after_terms.parquet").is_file()
    again = context(ns, "trends")
    assert not (again.tables_dir / "before_after_terms.parquet").exists()
