"""Notebooks: output-free .ipynb in step with their jupytext sources, and parameters that match
params/*.yaml and toolkit.params."""

import ast
import json

import jupytext
import papermill
import pytest
import yaml
from conftest import ROOT

from toolkit.context import notebook_parameters
from toolkit.params import NOTEBOOKS, SECTIONS, SHARED

NB = ROOT / "notebooks"


@pytest.mark.parametrize("stem", NOTEBOOKS.values())
def test_ipynb_is_output_free_and_matches_its_py_source(stem):
    raw = json.loads((NB / f"{stem}.ipynb").read_text())
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, cell["source"]
    ipynb = jupytext.read(NB / f"{stem}.ipynb")
    py = jupytext.read(NB / f"{stem}.py")
    assert [(c.cell_type, c.source) for c in ipynb.cells] == [
        (c.cell_type, c.source) for c in py.cells
    ], f"notebooks/{stem}.ipynb and .py differ; run `jupytext --sync notebooks/{stem}.py`"


@pytest.mark.parametrize(("section", "stem"), NOTEBOOKS.items())
def test_parameters_cell_declares_the_shared_keys_its_section_and_their_defaults(section, stem):
    """...and what it borrows from another section and what `toolkit run` hands it."""
    declared = papermill.inspect_notebook(str(NB / f"{stem}.ipynb"))
    expected = notebook_parameters(section)
    assert set(declared) == set(expected)
    for name, value in expected.items():
        assert ast.literal_eval(declared[name]["default"]) == value, name


@pytest.mark.parametrize("path", sorted((ROOT / "params").glob("*.yaml")), ids=lambda p: p.name)
def test_every_key_in_every_params_file_is_a_declared_parameter(path):
    data = yaml.safe_load(path.read_text())
    declared = {
        section: set(papermill.inspect_notebook(str(NB / f"{stem}.ipynb")))
        for section, stem in NOTEBOOKS.items()
    }
    for key, value in data.items():
        if key in SHARED:
            assert all(key in names for names in declared.values()), key
        else:
            assert key in declared, f"{path.name}: {key} is no notebook's section"
            assert set(value) <= set(SECTIONS[key]), f"{path.name}: {key}"
