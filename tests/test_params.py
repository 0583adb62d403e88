import dataclasses
import re
import shutil

import pytest
import yaml
from conftest import ROOT

import toolkit.errors
from toolkit import topics
from toolkit.params import (
    SECTION_OPTIONS,
    SECTIONS,
    SHARED,
    ParamsError,
    SharedOptions,
    defaults,
    load_params,
    project_root,
    validate,
)
from toolkit.params_readme import key_tables, update_readme


def write(tmp_path, data) -> str:
    path = tmp_path / "params" / "set.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data))
    return path


@pytest.fixture
def project(tmp_path):
    """A minimal project root: pyproject.toml, params/, and a copy of the seeds."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "params").mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def test_seeds_params_are_valid_and_complete():
    p = load_params(ROOT / "params" / "seeds.yaml")
    assert p["name"] == "seeds" and p["sources"] == ["seeds"]
    assert set(p) == set(SHARED) | set(SECTIONS)
    assert p["corpus"] == defaults()["corpus"]


def test_every_problem_is_listed_in_one_error(project):
    path = write(
        project,
        {
            "sources": ["seeds", "nowhere"],
            "unit": "chapter",
            "seed": "forty-two",
            "outlets": ["TASS", 42],
            "colour": "red",
            "manifest": "missing.csv",
            "date_from": "2023-13-01",
            "dedup": {"threshold": 0.5, "speed": "fast"},
            "corpus": {"sample": "three", "zoom": 1},
        },
    )
    with pytest.raises(ParamsError) as e:
        load_params(path)
    msg = str(e.value)
    for expected in [
        "10 problems",  # all found at once, not one per run
        "sources: nowhere does not exist",
        "unit: must be one of article, paragraph, sentence, not 'chapter'",
        "seed: must be int, not str 'forty-two'",
        "outlets: 42 is not an outlet's name",
        "colour: unknown key",
        "manifest: missing.csv does not exist",
        "date_from: '2023-13-01' is not a date",
        "dedup: unknown options speed",
        "corpus.sample: must be int",
        "corpus.zoom: unknown key",
    ]:
        assert expected in msg, expected
    assert str(path) in msg


def test_aliases_become_canonical_outlets_and_yaml_dates_become_text(project):
    path = write(
        project,
        {"sources": ["seeds"], "outlets": ["tass", "xinhuanet"], "date_from": "2022-02-24"},
    )
    text = path.read_text().replace("'2022-02-24'", "2022-02-24")  # an unquoted YAML date
    path.write_text(text)
    p = load_params(path)
    assert p["outlets"] == ["TASS", "Xinhua"] and p["date_from"] == "2022-02-24"
    assert p["name"] == "set"  # from the file name when not given


def test_bool_is_not_an_int_and_dates_must_be_ordered(project):
    with pytest.raises(ParamsError, match="seed: must be int, not bool") as e:
        validate({"seed": True, "date_from": "2023-01-02", "date_to": "2023-01-01"}, root=project)
    assert "date_from 2023-01-02 is after date_to 2023-01-01" in str(e.value)


def test_a_missing_or_broken_file_is_a_clear_error(project, tmp_path):
    with pytest.raises(ParamsError, match="no such parameter file"):
        load_params(project / "params" / "nope.yaml")
    bad = project / "params" / "bad.yaml"
    bad.write_text("sources: [seeds\n")
    with pytest.raises(ParamsError, match="not valid YAML"):
        load_params(bad)


def test_project_root_is_found_from_the_notebooks_folder():
    assert project_root(ROOT / "notebooks") == ROOT


@pytest.mark.parametrize("path", sorted((ROOT / "params").glob("*.yaml")), ids=lambda p: p.name)
def test_every_params_file_is_valid(path, corpora):
    p = load_params(path)
    assert p["name"] == path.stem


def test_params_error_is_the_one_in_errors():
    assert ParamsError is toolkit.errors.ParamsError
    assert issubclass(ParamsError, toolkit.errors.ToolkitError)


def test_defaults_are_the_dataclasses_defaults():
    d = defaults()
    assert {k: d[k] for k in SHARED} == dataclasses.asdict(SharedOptions())
    for section, cls in SECTION_OPTIONS.items():
        assert d[section] == dataclasses.asdict(cls()), section
    assert {k: d["topics"][k] for k in topics.DEFAULT_OPTIONS} == topics.DEFAULT_OPTIONS
    d["trends"]["events"].clear()  # a copy: the next caller still gets the defaults
    assert len(defaults()["trends"]["events"]) == 4


def test_ranges_and_dedup_options_are_checked(project):
    with pytest.raises(ParamsError) as e:
        validate(
            {
                "seed": -1,
                "corpus": {"sample": -1},
                "topics": {"mmr_diversity": 2, "min_topic_size": 1},
                "rhetoric": {"prior_strength": 0.0},
                "dedup": {"threshold": 1.5, "num_perm": "many"},
            },
            root=project,
        )
    msg = str(e.value)
    for expected in [
        "7 problems",
        "seed: must be in [0, 4294967295], not -1",
        "corpus.sample: must be in [0, 100], not -1",
        "topics.mmr_diversity: must be in [0, 1], not 2.0",
        "topics.min_topic_size: must be in [2, 1000000], not 1",
        "rhetoric.prior_strength: must be in (0, 10000000], not 0.0",
        "dedup.threshold: must be in (0, 1], not 1.5",
        "dedup.num_perm: must be int, not str 'many'",
    ]:
        assert expected in msg, expected
    with pytest.raises(ParamsError, match=r"dedup: bands \(30\) must divide num_perm \(128\)"):
        validate({"dedup": {"bands": 30}}, root=project)
    p = validate({"dedup": {"bands": 16, "max_bucket": 50}}, root=project)
    assert p["dedup"] == {"bands": 16, "max_bucket": 50}


def test_the_readme_key_tables_are_generated_from_the_dataclasses(tmp_path):
    readme = (ROOT / "params" / "README.md").read_text(encoding="utf-8")
    assert key_tables() in readme, (
        "params/README.md is stale: run toolkit.params_readme.update_readme()"
    )
    for name, spec in SECTIONS["trends"].items():
        assert f"| `{name}` |" in key_tables() and spec.help in key_tables()
    copy = tmp_path / "README.md"
    copy.write_text(readme.replace("| `seed` |", "| `seed (old)` |"), encoding="utf-8")
    assert update_readme(copy) and copy.read_text(encoding="utf-8") == readme
    assert not update_readme(copy)


@pytest.mark.parametrize(
    ("ingest", "problem"),
    [
        ({"columns": {"text": "summary"}, "dayfirst": True}, None),
        ({"outlet_names": {"the-grey-lady": "New York Times"}, "outlets": True}, None),
        ({"dayfirst": {"seeds": True}, "date_format": {"seeds": "%d/%m/%Y"}}, None),
        ({"columns": {"body": "story"}}, "ingest.columns: unknown field 'body'"),
        ({"colour": 1}, "ingest: unknown keys colour"),
        ({"outlet_names": {"x": "Grey Lady Inc"}}, "'Grey Lady Inc' (for 'x') is no known outlet"),
        ({"dayfirst": {"elsewhere": True}}, "ingest.dayfirst: 'elsewhere' names no source"),
        ({"dayfirst": "yes"}, "ingest.dayfirst: 'yes' is not bool"),
        ({"max_file_mb": -5}, "ingest.max_file_mb: -5 is not a number of MB above 0"),
    ],
)
def test_the_ingest_mapping_is_checked(project, ingest, problem):
    raw = {"ingest": {k: v for k, v in ingest.items() if k != "outlets"}}
    if ingest.get("outlets"):
        raw["outlets"] = ["the-grey-lady"]  # a name given in outlet_names filters too
    if problem is None:
        assert validate(raw, root=project)["ingest"] == raw["ingest"]
    else:
        with pytest.raises(ParamsError, match=re.escape(problem)):
            validate(raw, root=project)


@pytest.mark.parametrize(
    ("aliases", "problem"),
    [
        ({"Aleksandr Lukashenko": ["Alexander Lukashenko", "Alyaksandr Lukashenka"]}, None),
        ({}, None),
        ({"Aleksandr Lukashenko": "Alexander Lukashenko"},
         "rhetoric.speaker_aliases: 'Aleksandr Lukashenko' maps to 'Alexander Lukashenko'"),
        ({"Putin": [1]}, "rhetoric.speaker_aliases: 'Putin' maps to [1]"),
        ({"Putin": None}, "rhetoric.speaker_aliases: 'Putin' maps to None"),
    ],
)  # fmt: skip
def test_speaker_aliases_are_names_with_lists_of_forms(project, aliases, problem):
    raw = {"rhetoric": {"speaker_aliases": aliases}}
    if problem is None:
        assert validate(raw, root=project)["rhetoric"]["speaker_aliases"] == aliases
    else:
        with pytest.raises(ParamsError, match=re.escape(problem)):
            validate(raw, root=project)


@pytest.mark.parametrize(
    ("kinds", "problem"),
    [
        (["name"], None),
        (["name", "pronoun"], None),
        (["names"], "rhetoric.speaker_kinds: 'names': give one or more of name, pronoun, "
                    "description, continued, tagged"),
        ([], "rhetoric.speaker_kinds: an empty list: give one or more of"),
        ("name", "rhetoric.speaker_kinds: must be list, not str 'name'"),
    ],
)  # fmt: skip
def test_speaker_kinds_are_kinds_quotes_gives(project, kinds, problem):
    raw = {"rhetoric": {"speaker_kinds": kinds}}
    if problem is None:
        assert validate(raw, root=project)["rhetoric"]["speaker_kinds"] == kinds
    else:
        with pytest.raises(ParamsError, match=re.escape(problem)):
            validate(raw, root=project)


# ---------------------------------------------------------------- issue 17: reliability


@pytest.mark.parametrize(
    "name", ["../x", "../../etc", "/tmp/abs", "", ".", "..", ".cache", "a/b", "a\\b", "x" * 101]
)
def test_a_run_name_is_one_safe_folder_name(project, name):
    with pytest.raises(ParamsError, match=re.escape(f"name: {name!r} is not a folder name")):
        validate({"name": name}, root=project)


@pytest.mark.parametrize("name", ["seeds", "tass-2025-26", "Run_2.final", "9"])
def test_a_plain_run_name_passes(project, name):
    assert validate({"name": name}, root=project)["name"] == name


def test_a_file_whose_name_is_no_run_name_must_give_one(project):
    path = project / "params" / "my set.yaml"
    path.write_text("sources: [seeds]\nunit: article\n")
    with pytest.raises(ParamsError, match="the name is the file's when the file gives none"):
        load_params(path)
    path.write_text("name: my-set\nsources: [seeds]\nunit: article\n")
    assert load_params(path)["name"] == "my-set"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("date_from: 2022-02-30\n", "date_from: '2022-02-30' is not a date (YYYY-MM-DD)"),
        ("date_to: 2022-13-01\n", "date_to: '2022-13-01' is not a date (YYYY-MM-DD)"),
        ("trends: {event: 2023-02-29}\n", "trends.event: '2023-02-29' is not a date"),
    ],
)
def test_an_unquoted_impossible_date_is_a_problem_naming_the_file(project, text, problem):
    path = project / "params" / "set.yaml"
    path.write_text("sources: [seeds]\n" + text)
    with pytest.raises(ParamsError) as e:
        load_params(path)
    assert str(path) in str(e.value) and problem in str(e.value)


def _bomb(key: str, levels: int = 6) -> str:
    """A "billion laughs": each level an alias list of nine of the one before (9**levels)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    section, _, sub = key.rpartition(".")
    value = f"*l{levels - 1}"
    lines.append(f"{section}:\n  {sub}: {value}" if section else f"{key}: {value}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("key", ["name", "seed", "sources", "rhetoric.keywords"])
def test_a_yaml_bomb_is_refused_before_it_expands(project, key):
    path = project / "params" / "set.yaml"
    path.write_text(_bomb(key))
    with pytest.raises(ParamsError, match=r"not valid YAML: .*aliases are refused"):
        load_params(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("sources: " + "[" * 5000 + "]" * 5000 + "\n", "not valid YAML"),
        ("# " + "x" * (11 * 2**20) + "\n", "over 10 MB"),
        ("sources: [seeds]\n\xff\n", "not valid YAML"),
        ("- a list\n", "must be a mapping of key: value"),
    ],
    ids=["nested too deep", "too big", "not text", "not a mapping"],
)
def test_a_params_file_that_cannot_be_read_is_a_clear_error(project, text, problem):
    path = project / "params" / "set.yaml"
    path.write_text(text)
    with pytest.raises(ParamsError, match=re.escape(problem)) as e:
        load_params(path)
    assert str(path) in str(e.value)


def _numeric_specs():
    from toolkit.dedup import DedupOptions
    from toolkit.options import specs

    out = [(k, s) for k, s in SHARED.items()]
    out += [(f"{section}.{k}", s) for section, keys in SECTIONS.items() for k, s in keys.items()]
    out += [(f"dedup.{s.name}", s) for s in specs(DedupOptions)]
    return [(k, s) for k, s in out if int in s.types or float in s.types]


@pytest.mark.parametrize(
    ("key", "spec"), _numeric_specs(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_numeric_parameter_has_a_range_and_absurd_values_are_refused(project, key, spec):
    assert spec.minimum is not None and spec.maximum is not None, f"{key} needs a range"
    section, _, sub = key.rpartition(".")
    for value in (-1, 10**12):
        raw = {section: {sub: value}} if section else {key: value}
        with pytest.raises(ParamsError, match=re.escape(f"{key}: must be")):
            validate(raw, root=project)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"topics": {"top_n_words": 10**9}}, "topics.top_n_words: must be in [1, 1000]"),
        ({"rhetoric": {"bootstrap": 10**9}}, "rhetoric.bootstrap: must be in [1, 100000]"),
        ({"dedup": {"threshold": 5, "bands": 7}}, "dedup.threshold: must be in (0, 1], not 5"),
        ({"dedup": {"bands": 7}}, "dedup: bands (7) must divide num_perm (128)"),
        ({"trends": {"permutations": -3}}, "trends.permutations: must be in [1, 100000]"),
        ({"seed": 2**40}, "seed: must be in [0, 4294967295]"),
    ],
)
def test_absurd_sizes_are_refused_with_the_range(project, raw, problem):
    with pytest.raises(ParamsError, match=re.escape(problem)):
        validate(raw, root=project)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (
            {"topics": {"nr_topics": "many"}},
            "topics.nr_topics: must be int or null or 'auto', not 'many'",
        ),
        (
            {"rhetoric": {"languages": ["xx", "english"]}},
            "rhetoric.languages: 'xx', 'english' are not language codes the toolkit detects",
        ),
        (
            {"trends": {"languages": ["ru", "xx"]}},
            "trends.languages: 'xx' is not a language code the toolkit detects",
        ),
        ({"trends": {"query": []}}, "trends.query: no term; name at least one"),
        ({"trends": {"query": ["  "]}}, "trends.query: no term"),
    ],
)
def test_values_a_notebook_would_ignore_or_misread_are_refused(project, raw, problem):
    with pytest.raises(ParamsError, match=re.escape(problem)):
        validate(raw, root=project)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ({"topic": {}}, "topic: unknown key (did you mean 'topics'?); known keys are"),
        (
            {"rhetoric": {"top_term": 3}},
            "rhetoric.top_term: unknown key (did you mean 'top_terms'?)",
        ),
        ({"colour": "red"}, "colour: unknown key; known keys are"),  # nothing close: no guess
    ],
)
def test_an_unknown_key_close_to_a_known_one_is_named(project, raw, problem):
    with pytest.raises(ParamsError, match=re.escape(problem)):
        validate(raw, root=project)


@pytest.mark.parametrize("value", [None, "auto", 1, 20])
def test_nr_topics_takes_a_number_auto_or_nothing(project, value):
    assert validate({"topics": {"nr_topics": value}}, root=project)["topics"]["nr_topics"] == value


def test_a_misspelt_dedup_option_does_not_hide_the_others_problems(project):
    with pytest.raises(ParamsError) as e:
        validate({"dedup": {"threshhold": 0.5, "bands": 7}}, root=project)
    assert "2 problems" in str(e.value)
    assert "unknown options threshhold" in str(e.value)
    assert "bands (7) must divide num_perm (128)" in str(e.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("peace: [broken\n", "bad.yaml: not valid YAML"),
        ("peace: 3\n", "frame 'peace' needs terms"),
    ],
)
def test_a_frames_file_the_notebook_cannot_use_stops_the_run_before_it(
    project, tmp_path, text, problem
):
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError, match=re.escape("rhetoric.frames_file: ")) as e:
        validate({"rhetoric": {"frames_file": str(tmp_path / "bad.yaml")}}, root=project)
    assert problem in str(e.value)


def test_a_params_file_outside_the_project_reads_its_paths_from_its_own_folder(tmp_path):
    study = tmp_path / "study"
    shutil.copytree(ROOT / "seeds", study / "corpus")
    (study / "frames.yaml").write_text("peace:\n  label: Peace\n  terms: [peace]\n")
    path = study / "set.yaml"
    path.write_text("sources: [corpus]\nrhetoric: {frames_file: frames.yaml}\n")
    p = load_params(path)
    assert p["sources"] == [str(study / "corpus")]
    assert p["rhetoric"]["frames_file"] == str(study / "frames.yaml")
    (study / "params").mkdir()
    inner = study / "params" / "set.yaml"  # a path up and back down is written as the folder
    inner.write_text("sources: [../corpus]\n")
    assert load_params(inner)["sources"] == [str(study / "corpus")]
    path.write_text(f"sources: [{study / 'corpus'}, nowhere]\n")  # absolute paths stay
    with pytest.raises(ParamsError, match=re.escape(f"sources: {study / 'nowhere'} does not")):
        load_params(path)


@pytest.mark.parametrize("name", ["multilingual", "multilingual-e5-small"])
def test_a_bundled_model_named_in_a_params_file_outside_the_project_stays_a_name(tmp_path, name):
    """``model: multilingual`` names a bundled encoder, not a file beside the params file."""
    study = tmp_path / "study"
    shutil.copytree(ROOT / "seeds", study / "corpus")
    path = study / "set.yaml"
    path.write_text(f"sources: [corpus]\nmodel: {name}\n")
    assert load_params(path)["model"] == name


def test_a_params_file_inside_the_project_reads_its_paths_from_the_project_root(project):
    path = write(project, {"sources": ["seeds"]})
    assert load_params(path)["sources"] == ["seeds"]


@pytest.mark.parametrize("text", ["name: mine\ntrends: {period: week}\n", "", "# sources: [x]\n"])
def test_a_parameter_file_must_name_its_sources(project, text):
    """Trial V: a set with no sources (or an empty file) ran on the five seed pages under the
    user's run name and exited 0."""
    path = project / "params" / "set.yaml"
    path.write_text(text)
    with pytest.raises(ParamsError, match=r"sources: none given; name the files or folders"):
        load_params(path)


def test_a_tab_indented_parameter_file_says_to_indent_with_spaces(project):
    """Trial V: the parser's words ("found character that cannot start any token") do not."""
    path = project / "params" / "set.yaml"
    path.write_text("sources: [seeds]\ntrends:\n\tperiod: week\n")
    with pytest.raises(ParamsError, match="not valid YAML; indent with spaces, not tabs"):
        load_params(path)
