from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPORA = ROOT.parent / "shared" / "corpora"

# end-to-end files: real papermill, the real model, headless Chromium, a Dask LocalCluster;
# `pytest -m "not e2e"` runs the unit tests alone (seconds, fakes for the slow parts)
E2E_FILES = {
    "test_pipeline.py",
    "test_notebooks.py",
    "test_report.py",
    "test_report_safety.py",
    "test_engine.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in E2E_FILES:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"{CORPORA} is absent (a fresh clone without ../shared); nothing to check")
    return CORPORA
