"""End to end: `toolkit run` on the seeds with real papermill, nbconvert and Chromium."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from browser import dom
from conftest import ROOT

import toolkit.params
import toolkit.run
from toolkit.cli import main
from toolkit.run import run_pipeline

SEEDS_PARAMS = ROOT / "params" / "seeds.yaml"


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """The seeds parameter set run twice into a temporary outputs folder."""
    out = tmp_path_factory.mktemp("outputs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TOOLKIT_OUTPUTS", str(out))
        first = run_pipeline(SEEDS_PARAMS, progress=False, outputs=out)
        second = run_pipeline(SEEDS_PARAMS, progress=False, outputs=out)
    return out, first, second


def test_a_run_writes_notebooks_reports_tables_and_a_manifest(two_runs):
    out, _, second = two_runs
    run_dir = second.run_dir
    assert run_dir.parent == out / "seeds"
    assert (out / "seeds" / "latest").resolve() == run_dir.resolve()
    for name in ("00_corpus.ipynb", "00_corpus.html", "index.html", "run.json"):
        assert (run_dir / name).is_file(), name
    tables = sorted(p.name for p in (run_dir / "tables" / "00_corpus").glob("*.parquet"))
    assert {"load_summary.parquet", "outlet_site_counts.parquet", "duplicate_pairs.parquet"} <= set(
        tables
    )
    nb = nbformat.read(run_dir / "00_corpus.ipynb", as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_run_json_records_params_inputs_versions_model_seeds_timings_and_commit(two_runs):
    _, first, second = two_runs
    m = json.loads((second.run_dir / "run.json").read_text())
    assert m["params"]["name"] == "seeds" and m["params"]["unit"] == "paragraph"
    # the params file by content, tracked by git or not (trial AB)
    assert (
        m["params_file_sha256"] == hashlib.sha256(Path(m["params_file"]).read_bytes()).hexdigest()
    )
    assert set(m["inputs"]) == {str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir()}
    assert all(len(h) == 64 for h in m["inputs"].values())
    assert m["versions"]["polars"] and m["versions"]["papermill"] and m["versions"]["torch"]
    assert m["model"]["bundled"] and len(m["model"]["sha256"]) == 64
    assert Path(m["model"]["path"], "modules.json").is_file()
    assert m["seeds"] == {"seed": 42, "dedup_seed": 0}
    assert m["notebooks"][0]["notebook"] == "00_corpus" and m["notebooks"][0]["seconds"] > 0
    assert m["corpus"]["documents"] == 5 and m["corpus"]["from_cache"] is True
    assert m["corpus"]["skipped"] == 0  # every seed file loaded; the index says so too
    assert json.loads((first.run_dir / "run.json").read_text())["corpus"]["from_cache"] is False
    assert "commit" in m["git"]
    # the code by content, which an exported tree without git still has (trial E)
    assert len(m["code"]["toolkit_sha256"]) == 64 and len(m["code"]["notebooks_sha256"]) == 64
    assert m["status"] == "ok" and m["reason"] is None


def test_two_runs_give_byte_identical_tables(two_runs):
    _, first, second = two_runs
    a = sorted((first.run_dir / "tables").rglob("*.parquet"))
    b = sorted((second.run_dir / "tables").rglob("*.parquet"))
    assert [p.relative_to(first.run_dir) for p in a] == [p.relative_to(second.run_dir) for p in b]
    assert a
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name


def test_each_notebook_is_handed_the_prepared_corpus_and_its_borrowed_keys(two_runs):
    _, _, second = two_runs
    key = second.manifest["corpus"]["cache_key"]
    injected = {}
    for nb in second.manifest["notebooks"]:
        cells = nbformat.read(second.run_dir / nb["ipynb"], as_version=4).cells
        tagged = [c for c in cells if "injected-parameters" in c.metadata.get("tags", [])]
        injected[nb["notebook"]] = tagged[0].source
    assert set(injected) == set(toolkit.params.NOTEBOOKS.values())
    assert all(f'prepared_key = "{key}"' in source for source in injected.values())
    assert "frames_file" in injected["03_trends"] and "frames_file" not in injected["01_topics"]


def test_report_draws_its_figures_offline_in_chromium(two_runs):
    _, _, second = two_runs
    page = (second.run_dir / "00_corpus.html").read_text()
    assert "cdn.plot.ly/plotly" not in page and "require.min.js" not in page
    drawn = dom(second.run_dir / "00_corpus.html")
    assert drawn.count('class="main-svg"') >= 4  # two figures, each drawn as svg layers
    assert "Documents per outlet" in drawn
    index = dom(second.run_dir / "index.html")
    assert 'href="00_corpus.html"' in index and "ok" in index
    assert "files or records skipped" in index


def test_code_is_hidden_unless_asked(two_runs, tmp_path):
    from toolkit.report import render_notebook

    _, _, second = two_runs
    hidden = (second.run_dir / "00_corpus.html").read_text()
    shown = render_notebook(second.run_dir / "00_corpus.ipynb", tmp_path / "x.html", show_code=True)
    assert "outlet_site_counts" not in hidden  # pygments splits names when code is shown
    assert "outlet_site_counts" in shown.read_text()


@pytest.fixture
def project_with_broken_notebook(tmp_path, monkeypatch):
    """A project copy whose first notebook raises, before the corpus notebook."""
    for name in ("pyproject.toml",):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "params").mkdir()
    shutil.copy(SEEDS_PARAMS, tmp_path / "params" / "seeds.yaml")
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "00_corpus.ipynb", tmp_path / "notebooks" / "00_corpus.ipynb")
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("broken = {}\noutput_dir = None")
    params.metadata["tags"] = ["parameters"]
    failing = "raise RuntimeError('the data is not there:\\n  - seeds/x.txt is empty')"
    nb.cells = [params, nbformat.v4.new_code_cell(failing)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, tmp_path / "notebooks" / "00_broken.ipynb")
    monkeypatch.setattr(toolkit.params, "SECTIONS", {"broken": {}, **toolkit.params.SECTIONS})
    monkeypatch.setattr(toolkit.run, "NOTEBOOKS", {"broken": "00_broken", **toolkit.run.NOTEBOOKS})
    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(tmp_path / "outputs"))
    return tmp_path


def test_a_failing_notebook_is_saved_rendered_and_marked_and_the_rest_still_run(
    project_with_broken_notebook, capsys
):
    root = project_with_broken_notebook
    code = main(["run", str(root / "params" / "seeds.yaml"), "-q"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    reason = "RuntimeError: the data is not there: - seeds/x.txt is empty"  # every line shown
    assert err[-1] == f"1 notebook(s) failed; 00_broken: {reason}"
    run_dir = root / "outputs" / "seeds" / "latest"
    m = json.loads((run_dir / "run.json").read_text())
    assert [(n["notebook"], n["status"]) for n in m["notebooks"]] == [
        ("00_broken", "failed"),
        ("00_corpus", "ok"),
    ]
    broken = nbformat.read(run_dir / "00_broken.ipynb", as_version=4)
    assert any(o.get("ename") == "RuntimeError" for c in broken.cells for o in c.get("outputs", []))
    page = (run_dir / "00_broken.html").read_text()
    assert f"This notebook failed: {reason}" in page
    assert "Traceback" in page or "RuntimeError" in page
    index = (run_dir / "index.html").read_text()
    assert "1 notebook(s) failed" in index and reason in index
    assert m["status"] == "failed" and m["reason"] == f"1 notebook(s) failed; 00_broken: {reason}"
    assert (run_dir / "00_corpus.html").is_file()


def test_invalid_params_stop_the_run_before_any_notebook(tmp_path, capsys):
    bad = tmp_path / "params" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text("sources: [nowhere]\nunit: chapter\n")
    (tmp_path / "pyproject.toml").write_text("")
    assert main(["run", str(bad), "-q"]) == 2
    err = capsys.readouterr().err
    assert "2 problems" in err and "sources: nowhere does not exist" in err
    assert not (tmp_path / "outputs").exists()


def test_only_names_known_notebooks(capsys):
    assert main(["run", str(SEEDS_PARAMS), "--only", "corpus,astrology", "-q"]) == 2
    assert "--only: no notebook astrology" in capsys.readouterr().err


def test_plain_papermill_runs_a_notebook_with_a_params_file(tmp_path):
    env = {**os.environ, "TOOLKIT_OUTPUTS": str(tmp_path)}
    out = tmp_path / "corpus.ipynb"
    done = subprocess.run(
        [sys.executable, "-m", "papermill", "notebooks/00_corpus.ipynb", str(out),
         "-f", "params/seeds.yaml", "--no-progress-bar"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert (
        tmp_path / "seeds" / "interactive" / "tables" / "00_corpus" / "load_summary.parquet"
    ).is_file()


@pytest.mark.parametrize("stem", list(toolkit.params.NOTEBOOKS.values()))
def test_every_notebook_runs_top_to_bottom_with_its_defaults(stem, tmp_path, monkeypatch):
    """What Run All in JupyterLab does: no parameters given, the working folder notebooks/."""
    import papermill

    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(tmp_path))
    papermill.execute_notebook(
        str(ROOT / "notebooks" / f"{stem}.ipynb"),
        str(tmp_path / f"{stem}.ipynb"),
        cwd=str(ROOT / "notebooks"),
        progress_bar=False,
    )
    assert (tmp_path / "seeds" / "interactive" / "tables" / stem).is_dir()


def test_the_rhetoric_notebook_counts_only_the_speaker_kinds_asked_for(tmp_path, monkeypatch):
    """rhetoric.speaker_kinds: [name]: who is quoted counts the named speakers alone, says so,
    and the quotes table keeps every attribution."""
    import papermill
    import polars as pl

    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(tmp_path))
    out = tmp_path / "rhetoric.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "02_rhetoric.ipynb"), str(out), cwd=str(ROOT / "notebooks"),
        parameters={"rhetoric": {"speaker_kinds": ["name"]}}, progress_bar=False,
    )  # fmt: skip
    tables = tmp_path / "seeds" / "interactive" / "tables" / "02_rhetoric"
    found = pl.read_parquet(tables / "quotes.parquet")
    named = found.filter(pl.col("speaker_kind") == "name")
    assert 0 < named.height < found.height  # the seeds' quotes are of several kinds
    counted = pl.read_parquet(tables / "quoted_speakers.parquet")["attributions"].sum()
    assert counted == named.height
    assert f"{named.height} of the {found.height} found" in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- issue 17 and 13: faults
# These run the pipeline with a stand-in for papermill (each notebook "runs" in an instant), so
# they check the run's own bookkeeping in seconds.


@pytest.fixture
def fast_project(tmp_path, monkeypatch):
    """A project copy (seeds, notebooks) whose notebooks are stand-ins recording what they saw."""
    root = tmp_path / "project"
    (root / "params").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.py"))
    monkeypatch.setenv("TOOLKIT_OUTPUTS", str(root / "outputs"))
    seen = []

    def notebook(root, section, run_dir, parameters, *, show_code, progress):
        seen.append(json.loads((run_dir / "run.json").read_text())["status"])
        if section in fail:
            raise fail[section]
        stem = toolkit.params.NOTEBOOKS[section]
        return {"notebook": stem, "status": "ok", "reason": None, "seconds": 0.0,
                "html": f"{stem}.html", "ipynb": f"{stem}.ipynb"}  # fmt: skip

    fail: dict[str, BaseException] = {}
    monkeypatch.setattr(toolkit.run, "_run_notebook", notebook)
    return root, seen, fail


def _params(root: Path, text: str, name: str = "set") -> Path:
    path = root / "params" / f"{name}.yaml"
    path.write_text(text)
    return path


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("name", ["../x", "../../etc", "/tmp/toolkit-abs", '""', "a/b"])
def test_a_run_name_that_leaves_outputs_is_refused_with_exit_2(fast_project, name, capsys):
    root, seen, _ = fast_project
    path = _params(root, f"name: {name}\nsources: [seeds]\n")
    before = _files(root.parent)
    assert main(["run", str(path), "-q"]) == 2
    assert "is not a folder name" in capsys.readouterr().err
    assert _files(root.parent) == before and not seen
    assert not Path("/tmp/toolkit-abs").exists()


def test_run_json_says_running_then_ok_and_latest_and_the_index_show_finished_runs(fast_project):
    root, seen, _ = fast_project
    result = run_pipeline(_params(root, "sources: [seeds]\n"), progress=False)
    assert seen and set(seen) == {"running"}  # what each notebook saw while the run went on
    manifest = json.loads((result.run_dir / "run.json").read_text())
    assert manifest["status"] == "ok" and manifest["reason"] is None and manifest["started"]
    assert (result.run_dir.parent / "latest").resolve() == result.run_dir
    killed = result.run_dir.parent / "20000101-000000"  # a run killed with kill -9
    killed.mkdir()
    (killed / "run.json").write_text(json.dumps({"status": "running", "run_id": killed.name}))
    again = run_pipeline(root / "params" / "set.yaml", progress=False)
    index = (again.run_dir.parent / "index.html").read_text()
    assert f'href="{result.run_dir.name}/index.html"' in index
    assert f'href="{again.run_dir.name}/index.html"' in index and killed.name not in index


@pytest.mark.parametrize(
    "error", [KeyboardInterrupt(), RuntimeError("disk full:\n  writing tables")], ids=repr
)
def test_a_run_stopped_midway_is_marked_failed_and_latest_stays(fast_project, error):
    root, _, fail = fast_project
    path = _params(root, "sources: [seeds]\n")
    ok = run_pipeline(path, progress=False)
    fail["topics"] = error
    with pytest.raises(type(error)):
        run_pipeline(path, progress=False)
    (stopped,) = [d for d in ok.run_dir.parent.iterdir() if d.name not in (ok.run_dir.name,
                  "latest", "index.html")]  # fmt: skip
    manifest = json.loads((stopped / "run.json").read_text())
    assert manifest["status"] == "failed"
    assert manifest["reason"] == (
        "KeyboardInterrupt" if isinstance(error, KeyboardInterrupt)
        else "RuntimeError: disk full: writing tables"
    )  # fmt: skip
    assert (ok.run_dir.parent / "latest").resolve() == ok.run_dir
    index = (ok.run_dir.parent / "index.html").read_text()
    assert stopped.name in index and "failed" in index


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("sources: [seeds]\noutlets: [CGTN]\n", "outlets: 'CGTN' has no document in the corpus"),
        ("sources: [seeds]\nrhetoric: {pair: [TASS, CGTN]}\n", "rhetoric.pair: 'CGTN' has no"),
        ("sources: [seeds]\ndate_from: 2022-02-30\n", "date_from: '2022-02-30' is not a date"),
        ("sources: [seeds]\ntopics: {top_n_words: 1e9}\n", "topics.top_n_words: must be int"),
        ("sources: [seeds]\nrhetoric: {bootstrap: -5}\n", "rhetoric.bootstrap: must be in"),
        ("sources: [seeds]\ndedup: {threshold: 5, bands: 7}\n", "dedup.threshold: must be in"),
        ("name: &n x\nsources: [*n]\n", "aliases are refused"),
        ("sources: [/nowhere/at/all]\n", "sources: /nowhere/at/all does not exist"),
    ],
)
def test_a_bad_parameter_stops_the_run_with_exit_2_before_any_folder(
    fast_project, text, problem, capsys
):
    root, seen, _ = fast_project
    assert main(["run", str(_params(root, text)), "-q"]) == 2
    assert problem in capsys.readouterr().err
    assert not seen and not (root / "outputs" / "set").exists()


def test_a_params_file_and_sources_outside_the_project(fast_project, tmp_path, monkeypatch):
    root, seen, _ = fast_project
    study = tmp_path / "elsewhere" / "study"
    shutil.copytree(ROOT / "seeds", study / "corpus")
    (study / "set.yaml").write_text("name: study\nsources: [corpus]\n")
    monkeypatch.chdir(root)  # the project is found from the working folder
    result = run_pipeline(study / "set.yaml", progress=False)
    assert result.run_dir.parent == root / "outputs" / "study" and seen
    assert result.manifest["corpus"]["documents"] == 5
    assert all(k.startswith(str(study / "corpus")) for k in result.manifest["inputs"])


def test_a_damaged_cache_is_rebuilt_and_the_run_goes_on(fast_project, caplog):
    root, _, _ = fast_project
    path = _params(root, "sources: [seeds]\n")
    first = run_pipeline(path, progress=False)
    key = first.manifest["corpus"]["cache_key"]
    corpus = root / "outputs" / ".cache" / "prepared" / key / "corpus.parquet"
    corpus.write_bytes(corpus.read_bytes()[:-50])
    second = run_pipeline(path, progress=False)
    assert second.manifest["status"] == "ok" and not second.manifest["corpus"]["from_cache"]
    assert str(corpus) in caplog.text


def test_the_one_line_reason_shows_the_problems():
    class Failed(Exception):  # what papermill raises: the notebook's error name and value
        ename, evalue = "ParamsError", "set.yaml: 2 problems:\n  - unit: bad\n  - seed: bad"

    assert toolkit.run._one_line(Failed()) == (
        "ParamsError: set.yaml: 2 problems: - unit: bad - seed: bad"
    )
    assert len(toolkit.run._one_line(RuntimeError("x" * 5000))) == 600
