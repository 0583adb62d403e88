import shutil

import pytest
import yaml
from conftest import ROOT

from toolkit.params import (
    SECTIONS,
    SHARED,
    ParamsError,
    defaults,
    load_params,
    project_root,
    validate,
)


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
            "outlets": ["TASS", "Pravda Weekly"],
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
        "outlets: 'Pravda Weekly' is not a known outlet",
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
    path = write(project, {"outlets": ["tass", "xinhuanet"], "date_from": "2022-02-24"})
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
