from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"{CORPORA} is absent (a fresh clone without ../shared); nothing to check")
    return CORPORA
