"""environment.yml (conda) and pyproject.toml (pip) must list the same dependencies."""

import re
import tomllib

import yaml
from conftest import ROOT

# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"pytorch": "torch"}


def _split(requirement: str) -> tuple[str, str]:
    m = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", requirement.strip())
    assert m, requirement
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    pip_side = dict(_split(r) for r in project["dependencies"] + extras)
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_side = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            conda_side.update(_split(r) for r in dep["pip"] if not r.startswith("-e"))
        else:
            name, spec = _split(dep)
            conda_side[CONDA_TO_PYPI.get(name, name)] = spec
    python = conda_side.pop("python")
    conda_side.pop("pip")
    assert python == project["requires-python"]
    assert conda_side == pip_side


def test_torch_is_pinned_to_the_cpu_wheel():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "torch==2.13.0" in project["dependencies"]
